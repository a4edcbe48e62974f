// `outturn audit FILE.xlsx|FILE.csv|FILE.tsv [--sheet NAME] [--table revenue|forecast|ledger|capital|programme|financing|reserves|mtfp|scenarios|auto] [--json]`
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { Dec } from '../base/decimal';
import { TABLE_LAYOUTS } from '../engine/tables';
import { type AuditReport, AuditInputError, type Layout, auditGrids, exitCodeOf } from '../audit/audit';
import { readDelimitedBytes } from '../audit/delimited';
import { show } from '../audit/findings';
import { type DifferenceTaken, type PercentTaken, type TotalTaken, checkedText } from '../audit/context';
import type { Grid } from '../audit/grid';
import { WORKBOOK_EXTENSIONS } from '../xlsx/read-book';
import { kindName, sniff } from '../base/sniff';
import { readPrintedWorkbook } from '../xlsx/read-printed';
import { InvalidInput } from '../format/errors';
import { tableFileAudit } from '../report/audit-report';
import { reportPage } from '../report/html-report';
import { isReportFile, runReportAudit } from './audit-report';
import { checkPageOutput } from './owned';
import { EXIT, type Io, processIo } from './io';

export interface AuditCliOptions {
  file: string;
  /** a findings page: each table as read with its findings marked (and, for a report, the narrative) */
  html?: string;
  /** let --html replace an existing file Outturn did not make */
  force?: boolean;
  sheet?: string;
  table?: string;
  json?: boolean;
}

const LAYOUTS: Layout[] = [...TABLE_LAYOUTS, 'auto'];

/**
 * The largest files the audit reads: a printed table as CSV/TSV is a few kilobytes, so 16 MB
 * (about 100,000 rows) is generous; a workbook 64 MB, as for `outturn build`. Larger files are
 * refused before they are read (a 300 MB file used to keep the audit busy for minutes).
 */
export const AUDIT_LIMITS = { delimited: 16 * 2 ** 20, xlsx: 64 * 2 ** 20 } as const;

export async function readForAudit(path: string, sheet?: string): Promise<Grid[]> {
  if (!existsSync(path)) throw new AuditInputError(path, 'no such file');
  const ext = extname(path).toLowerCase();
  const name = basename(path);
  const st = statSync(path);
  if (!st.isFile()) throw new AuditInputError(path, 'is a folder, not a file');
  const book = WORKBOOK_EXTENSIONS.includes(ext);
  const limit = book ? AUDIT_LIMITS.xlsx : AUDIT_LIMITS.delimited;
  if ((book || ['.csv', '.tsv', '.txt'].includes(ext)) && st.size > limit) {
    throw new AuditInputError(path, `is ${(st.size / 2 ** 20).toFixed(0)} MB, larger than the ${limit / 2 ** 20} MB the audit reads`);
  }
  const delimited = ext === '.csv' || ext === '.tsv' || ext === '.txt';
  if (!book && !delimited) throw new AuditInputError(path, 'the file to audit must be .xlsx, .csv or .tsv (or a workbook saved as .xlsm, .xls or .ods), or a report: .pdf, .html, .md or .txt');
  // The bytes say what the file is, whatever its name (a PDF is audited as a report before this)
  const bytes = readFileSync(path);
  const k = sniff(bytes);
  const isBook = k === 'zip' || k === 'cfb' || k === 'encrypted' || k === 'spreadsheetml' || (book && k === 'html');
  if (isBook || (book && k === 'empty')) {
    const grids = await readPrintedWorkbook(bytes, name, sheet);
    // a web page or an Excel 2003 XML spreadsheet named .xls (finance systems' "Export to Excel"): read as Excel opens it, and said
    return k === 'html' || k === 'spreadsheetml' || !book ? grids.map((g) => ({ ...g, readAs: `${kindName(k)} named ${ext}, as Excel opens it` })) : grids;
  }
  if (k === 'text' || k === 'utf16le' || k === 'utf16be' || (k === 'empty' && delimited)) {
    const g = readDelimitedBytes(bytes, name);
    // a text file named as a workbook: read as the CSV/TSV it is, and said
    return [book ? { ...g, readAs: `${g.readAs} (a text file named ${ext}, not a workbook)` } : g];
  }
  throw new AuditInputError(path, k === 'binary'
    ? `the file is not text, so not a CSV/TSV table (nor a workbook, a PDF or a web page): is it the file you meant?`
    : `the file is ${kindName(k)}, not ${book ? 'a workbook' : 'a CSV/TSV table'}${k === 'html' ? ': give it a name ending .html to audit it as a report' : ''}`);
}

export async function runAudit(o: AuditCliOptions, io: Io = processIo): Promise<number> {
  if (o.html) {
    // before anything is read: nothing is written while an error stands
    try {
      checkPageOutput(o.html, o.file, o.force);
    } catch (e) {
      if (!(e instanceof InvalidInput)) throw e;
      io.err(`outturn: cannot write the findings page ${e.message}`);
      return EXIT.INVALID;
    }
  }
  if (isReportFile(o.file)) return runReportAudit(o, io);
  if (o.table !== undefined && !LAYOUTS.includes(o.table as Layout)) {
    io.err(`outturn: --table must be one of ${LAYOUTS.join(', ')}, not ${o.table}`);
    return EXIT.INVALID;
  }
  let report: AuditReport;
  let grids: Grid[];
  try {
    grids = await readForAudit(o.file, o.sheet);
    report = auditGrids(grids, { table: o.table as Layout | undefined });
  } catch (e) {
    if (e instanceof AuditInputError) {
      io.err(`outturn: cannot audit ${e.message}`);
      return EXIT.INVALID;
    }
    throw e;
  }
  const code = exitCodeOf(report);
  // exit 2 (a cell could not be read): nothing is written while an error of reading stands
  if (o.html && code !== EXIT.INVALID) writeFileSync(o.html, reportPage(tableFileAudit(basename(o.file), grids, report)));
  else if (o.html) io.err(`outturn: the findings page ${o.html} is not written: a cell could not be read; nothing is written until it is mended`);
  if (o.json) {
    io.out(JSON.stringify({ format: 'outturn/v1-audit', findings: report.findings, tables: report.tables, ...(report.unchecked ? { unchecked: report.unchecked } : {}) }, null, 2));
    return code;
  }
  io.out(`Audited ${report.tables.length} table(s) in ${basename(o.file)}: ` +
    report.tables.map((t) => `${t.sheet}${t.hiddenSheet ? ` (a ${t.hiddenSheet === 'veryHidden' ? 'very hidden' : 'hidden'} sheet)` : ''} ${t.range} (${t.layout}${t.units ? `, ${t.units}` : ''})`).join('; ') +
    (report.tables[0]?.readAs ? ` — read as ${report.tables[0].readAs}` : ''));
  for (const t of report.tables) io.out(`  ${t.range}: checked ${checkedText(t.checked)}${totalsText(t.totals)}${differencesText(t.differences)}${percentagesText(t.percentages ?? [])}`);
  for (const u of report.unchecked ?? []) io.out(`  ${u.sheet} ${u.range}: nothing could be checked (${u.why})`);
  const fig = (s?: string) => (s === undefined ? '' : /^-?[0-9]+(\.[0-9]+)?$/.test(s) ? show(new Dec(s)) : s);
  for (const f of report.findings) {
    const figures = [
      f.printed !== undefined ? `printed ${fig(f.printed)}` : '',
      f.expected !== undefined ? `expected ${fig(f.expected)}` : '',
      f.difference !== undefined ? `difference ${fig(f.difference)}` : '',
    ].filter(Boolean).join('  ');
    io.out(`${f.severity.padEnd(7)}  ${f.cell}  ${f.rule}${figures ? `  ${figures}` : ''}\n         ${f.message}`);
  }
  const n = (s: string) => report.findings.filter((f) => f.severity === s).length;
  io.out(`${n('error')} error(s), ${n('warning')} warning(s), ${n('note')} note(s)` +
    (code === EXIT.INVALID ? ': a cell could not be read (see above); what depends on it was not checked' : code === EXIT.OK ? castText(report) : ''));
  if (o.html && code !== EXIT.INVALID) io.out(`Findings page: ${o.html}`);
  return code;
}


/** The columns read as differences: "; differences read: column 6 "Variance" = Outturn − Budget (learned from 12 lines)". */
function differencesText(ds: DifferenceTaken[]): string {
  if (!ds.length) return '';
  const shown = ds.slice(0, 10).map((d) => `column ${d.column} "${d.caption}" = ${d.is}${d.agree !== undefined ? ` (learned from the lines: ${d.agree} show it)` : ''}`);
  return `\n    differences read: ${shown.join('; ')}${ds.length > 10 ? `; and ${ds.length - 10} more` : ''}`;
}

/** The columns of percentages recomputed: "; percentages read: column 10 "Variance %" = Variance / Budget (signed; learned from the lines: 3 show it)". */
function percentagesText(ps: PercentTaken[]): string {
  if (!ps.length) return '';
  const shown = ps.slice(0, 10).map((p) => `column ${p.column} "${p.caption}" = ${p.is} (${p.unsigned ? 'unsigned' : 'signed'}${p.agree !== undefined ? `; learned from the lines: ${p.agree} show it` : ''})`);
  return `\n    percentages read: ${shown.join('; ')}${ps.length > 10 ? `; and ${ps.length - 10} more` : ''}`;
}

/** The rows read as totals, the first ten: "; totals: row 14 (no label) = rows 3-13 (its figures are the sum …)". */
function totalsText(totals: TotalTaken[]): string {
  if (!totals.length) return '';
  const shown = totals.slice(0, 10).map((x) => `row ${x.row} ${x.label ? `"${x.label}"` : '(no label)'} = rows ${x.from}-${x.to} (${x.why})`);
  return `\n    totals read: ${shown.join('; ')}${totals.length > 10 ? `; and ${totals.length - 10} more` : ''}`;
}

export function registerAudit(program: Command, io: Io = processIo, setCode: (code: number) => void = (c) => { process.exitCode = c; }): void {
  program
    .command('audit')
    .description('recalculate printed tables (a workbook, or a CSV/TSV taken from a PDF) and list every difference with its cell')
    .argument('<file>', 'FILE.xlsx, FILE.csv or FILE.tsv, or a whole report: REPORT.pdf, REPORT.html, REPORT.md, REPORT.txt')
    .option('--sheet <name>', 'audit only this worksheet of a workbook')
    .option('--table <layout>', 'read the tables as revenue, forecast (a forecast build-up: actual to date + rest of year), ledger (1b), capital, programme (2a), financing (2b), reserves, mtfp (3b), scenarios (3c), or auto (any table: cast its totals)')
    .option('--json', 'print the findings as outturn/v1-audit JSON (outturn/v1-report-audit for a report)')
    .option('--html <file>', 'also write a findings page: each table as read with its findings marked (for a report, the narrative\'s figures too)')
    .option('--force', 'let --html replace an existing file Outturn did not make')
    .action(async (file: string, opts: Omit<AuditCliOptions, 'file'>) => {
      setCode(await runAudit({ file, ...opts }, io));
    });
}

/**
 * The clean verdict: "the tables cast", or, when some tables were read but nothing in them could be
 * checked, that the others cast and these were not checked — never "cast" said of a table no check touched.
 */
function castText(report: AuditReport): string {
  const unchecked = report.unchecked ?? [];
  if (!unchecked.length) return ': the tables cast';
  return `: the ${report.tables.length} table(s) checked cast; ${unchecked.map((u) => `${u.sheet} ${u.range}`).join(', ')} could not be checked (see above)`;
}
