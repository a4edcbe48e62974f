// `outturn audit REPORT.pdf|REPORT.html|REPORT.htm|REPORT.md|REPORT.txt [--json] [--html OUT.html]`:
// every table in the report audited, the narrative's figures tied to the tables. The file readers
// (pdf.js for PDF, parse5 for HTML) are loaded only for the files that need them.
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { ReportDocument } from '../report/document';
import { type ReportAudit, auditReport, reportExitCode } from '../report/audit-report';
import { reportPage } from '../report/html-report';
import { checkedText } from '../audit/context';
import { EXIT, type Io } from './io';
import { kindName, sniff } from '../base/sniff';

/** The files the audit of reports reads (a .txt only when it holds running text, else it is a TSV). */
export function isReportFile(path: string): boolean {
  const ext = extname(path).toLowerCase();
  if (['.pdf', '.html', '.htm', '.md', '.markdown'].includes(ext)) return true;
  // a PDF under another name (a mail client's "save as" named it .csv): read as the report it is
  if (existsSync(path) && statSync(path).isFile() && isPdfFile(path)) return true;
  if (ext !== '.txt' || !existsSync(path) || !statSync(path).isFile()) return false;
  const head = readFileSync(path).subarray(0, 65536).toString('utf8');
  return head.split(/\r?\n/).some((l) => !l.includes('\t') && l.trim().split(/\s+/).length >= 8);
}

/** Whether a file starts as a PDF does (%PDF-), whatever its name. */
function isPdfFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(8);
    const n = readSync(fd, b, 0, 8, 0);
    return sniff(b.subarray(0, n)) === 'pdf';
  } finally {
    closeSync(fd);
  }
}

export const REPORT_LIMIT = 64 * 2 ** 20;

class ReportInputError extends Error {}
// The readers are required when first needed (pdf.js and parse5 only for the files that use them:
// start-up stays quick; the compiled CLI keeps the two packages outside its bundle).

async function readReport(path: string): Promise<ReportDocument> {
  if (!existsSync(path)) throw new ReportInputError(`${path}: no such file`);
  const st = statSync(path);
  if (!st.isFile()) throw new ReportInputError(`${path}: is a folder, not a file`);
  if (st.size > REPORT_LIMIT) throw new ReportInputError(`${path}: is ${(st.size / 2 ** 20).toFixed(0)} MB, larger than the ${REPORT_LIMIT / 2 ** 20} MB the audit reads`);
  const ext = extname(path).toLowerCase();
  const name = basename(path);
  const bytes = readFileSync(path);
  if (ext === '.pdf' || sniff(bytes) === 'pdf') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readPdfText, PdfReadError } = require('../pdf/read') as typeof import('../pdf/read');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readPages } = require('../report/layout') as typeof import('../report/layout');
    try {
      return readPages(name, await readPdfText(bytes));
    } catch (e) {
      if (e instanceof PdfReadError) throw new ReportInputError(`${path}: ${e.message}`);
      throw e;
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // a page saved by an older system: Windows-1252 (£ is byte 0xA3)
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (ext === '.html' || ext === '.htm') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readHtmlReport } = require('../report/html') as typeof import('../report/html');
    return readHtmlReport(text, name);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readTextReport } = require('../report/text') as typeof import('../report/text');
  return readTextReport(text, name, ext === '.txt' ? 'text' : 'markdown');
}

export interface ReportCliOptions {
  file: string;
  json?: boolean;
  html?: string;
}

/** Audits a report file; prints findings and ties (or JSON); writes the findings page when asked. */
export async function runReportAudit(o: ReportCliOptions, io: Io): Promise<number> {
  let result: ReportAudit;
  try {
    result = auditReport(await readReport(o.file));
    const ext = extname(o.file).toLowerCase();
    if (ext !== '.pdf' && result.kind === 'pdf') {
      result.findings.push({ severity: 'note', rule: 'report.named-as', where: result.source, message: `${result.source} is ${kindName('pdf')}, whatever its name says: read as the PDF report it is (give it a name ending .pdf)` });
    }
  } catch (e) {
    if (e instanceof ReportInputError) {
      io.err(`outturn: cannot audit ${e.message}`);
      return EXIT.INVALID;
    }
    throw e;
  }
  const code = reportExitCode(result);
  // exit 2 (nothing in the report could be checked): nothing is written
  if (o.html && code !== 2) writeFileSync(o.html, reportPage(result));
  else if (o.html) io.err(`outturn: the findings page ${o.html} is not written: nothing in the report could be checked`);
  if (o.json) {
    io.out(JSON.stringify({
      format: 'outturn/v1-report-audit', source: result.source, kind: result.kind, pages: result.pages, scanned: result.scanned,
      tables: result.tables.map(({ cells, ...t }) => ({ ...t, cells })),
      findings: result.findings,
      ties: result.ties.map((t) => ({ quoted: t.quote.text, kind: t.quote.kind, where: t.quote.where, page: t.quote.page, sentence: t.quote.sentence, status: t.status, source: t.source, expected: t.expected, why: t.why, unitInferred: t.quote.unitInferred || undefined })),
    }, null, 2));
    return code;
  }
  const checked = result.tables.filter((t) => t.layouts.length > 0);
  io.out(`Read ${result.tables.length} table${result.tables.length === 1 ? '' : 's'} in ${result.source}${result.pages ? ` (${result.pages} page${result.pages === 1 ? '' : 's'})` : ''}; audited ${checked.length}: ` +
    result.tables.map((t) => `${t.where}${t.title ? ` “${t.title}”` : ''} ${t.rows}×${t.columns}${t.layouts.length ? ` (${[...new Set(t.layouts)].join(', ')})` : ' (nothing to check)'}`).join('; '));
  for (const t of checked) io.out(`  ${t.where}: checked ${checkedText(t.checked)}`);
  for (const f of result.findings) {
    const figures = [f.printed !== undefined ? `printed ${f.printed}` : '', f.expected !== undefined ? `expected ${f.expected}` : ''].filter(Boolean).join('  ');
    io.out(`${f.severity.padEnd(7)}  ${f.where}  ${f.rule}${figures ? `  ${figures}` : ''}\n         ${f.message}`);
  }
  const tied = result.ties.filter((t) => t.status === 'tied' || t.status === 'rounded').length;
  io.out(`Narrative: ${result.ties.length} figure${result.ties.length === 1 ? '' : 's'} quoted, ${tied} tied to the tables` +
    `${result.ties.length - tied ? `, ${result.ties.length - tied} not (see above)` : ''}.`);
  const n = (s: string) => result.findings.filter((f) => f.severity === s).length;
  io.out(`${n('error')} error${n('error') === 1 ? '' : 's'}, ${n('warning')} warning${n('warning') === 1 ? '' : 's'}, ${n('note')} note${n('note') === 1 ? '' : 's'}` +
    (code === 2 ? ': nothing in the report could be checked (no table the audit recognises, and no figure quoted that a table holds)' : ''));
  if (o.html && code !== 2) io.out(`Findings page: ${o.html}`);
  return code;
}
