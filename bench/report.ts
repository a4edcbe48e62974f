// The audit of a report as auditors receive it, timed on a 100-page PDF (issue 15: "a 100-page report
// audited in under 10 seconds on this machine"). The report is made once in a temporary folder, never
// committed: the Derbyshire finance section (test/fixtures/reports) followed by every real published
// table of test/fixtures/published/audit (titles as headings, footnotes as paragraphs), repeated
// until it runs past 100 pages, laid out by test/support/report-docs.ts and printed by Chromium,
// A4 landscape, pages 1-100 kept. Timed: `node bin/outturn.js audit REPORT.pdf --json` end to end as
// a real process (median of 3), and in-process its phases: pdf.js text with positions
// (src/pdf/read.ts), tables and paragraphs from positions (src/report/layout.ts), the audit of every
// table (auditReport without the narrative), the narrative tied to the tables (tieNarrative), and
// auditReport whole. `tsx bench/report.ts` runs it alone; bench/run.ts runs it as one section.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPdfText } from '../src/pdf/read';
import { auditReport } from '../src/report/audit-report';
import { readPages } from '../src/report/layout';
import { tieNarrative } from '../src/report/narrative';
import { CHROMIUM, markdownToHtml, printToPdf } from '../test/support/report-docs';

const ROOT = join(__dirname, '..');
const TABLES = join(ROOT, 'test', 'fixtures', 'published', 'audit');
const REPORT = join(ROOT, 'test', 'fixtures', 'reports', 'derbyshire-2020-21-finance-section.md');
export const REPORT_PAGES = 100;

export interface ReportBench {
  pages: number;
  tables: number;
  paragraphs: number;
  findings: number;
  pdfBytes: number;
  /** `outturn audit REPORT.pdf --json`, a real process, median of 3 */
  cliMs: number;
  /** the same process's CPU time, user + system, median of 3 */
  cliCpuMs: number;
  cliExit: number;
  /** in-process phases, one run after a warm-up */
  pdfjsMs: number;
  layoutMs: number;
  auditMs: number;
  narrativeMs: number;
  auditReportMs: number;
}

/** One section of the report per published table: its title lines as a heading, rows tab-separated, footnotes as paragraphs. */
function tableSection(path: string): string {
  const rows = readFileSync(path, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => !l.startsWith('#') && l.replace(/\t/g, '').trim() !== '').map((l) => l.split('\t'));
  const one = (r: string[]) => r.filter((c) => c.trim() !== '').length <= 1;
  const out: string[] = [];
  let i = 0;
  while (i < rows.length && one(rows[i])) out.push(`### ${rows[i++].join(' ').trim()}`);
  let j = rows.length;
  const below: string[] = [];
  while (j > i && one(rows[j - 1]) && !/[0-9]/.test(rows[j - 1].join(''))) below.unshift(rows[--j].join(' ').trim());
  out.push('', ...rows.slice(i, j).map((r) => r.join('\t')), '', ...below, '');
  return out.join('\n');
}

function reportMarkdown(copies: number): string {
  const derbyshire = readFileSync(REPORT, 'utf8').split('\n').filter((l) => !/^# (Source|Kept)/.test(l)).join('\n');
  const tables = readdirSync(TABLES).filter((f) => f.endsWith('.tsv')).sort().map((f) => tableSection(join(TABLES, f)));
  const one = [derbyshire, ...tables].join('\n\n');
  return Array.from({ length: copies }, (_, k) => `# Part ${k + 1}\n\n${one}`).join('\n\n');
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

/** Prints the 100-page report to `pdf` with Chromium (one copy first, to learn how many pages a copy takes). */
export async function makeReportPdf(pdf: string): Promise<void> {
  await printToPdf([{ html: markdownToHtml(reportMarkdown(1), { landscape: true }), pdf, landscape: true }]);
  const perCopy = (await readPdfText(readFileSync(pdf), { bold: false })).length;
  const copies = Math.ceil(REPORT_PAGES / perCopy) + 1;
  await printToPdf([{ html: markdownToHtml(reportMarkdown(copies), { landscape: true }), pdf, landscape: true, pageRanges: `1-${REPORT_PAGES}` }]);
}

/** Makes the 100-page PDF and times its audit; a sentence saying why not when Chromium is absent. */
export async function reportBench(): Promise<ReportBench | string> {
  if (!existsSync(CHROMIUM)) return `skipped: ${CHROMIUM} is not installed (it prints the 100-page report)`;
  const dir = mkdtempSync(join(tmpdir(), 'outturn-bench-report-'));
  try {
    const pdf = join(dir, 'report.pdf');
    await makeReportPdf(pdf);
    const data = readFileSync(pdf);

    // the process's own CPU time (user + system), written by a preloaded hook as it exits: on a
    // shared machine the wall clock also counts the time other work holds the cores
    const hook = join(dir, 'cpu-usage.cjs');
    writeFileSync(hook, "process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeSync(2, `\\noutturn-bench-cpu-ms ${(u.user + u.system) / 1000}\\n`); });\n");
    const times: number[] = [];
    const cpu: number[] = [];
    let cliExit = -1;
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['--require', hook, join(ROOT, 'bin', 'outturn.js'), 'audit', pdf, '--json'], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
      times.push(ms(t0));
      cliExit = r.status ?? -1;
      if (cliExit !== 0 && cliExit !== 1) throw new Error(`outturn audit ${pdf} failed (${cliExit}): ${r.stderr.slice(0, 2000)}`);
      cpu.push(Number(/outturn-bench-cpu-ms ([0-9.]+)/.exec(r.stderr)?.[1] ?? NaN));
    }

    await readPdfText(data); // warm-up: pdf.js loaded and compiled
    let t0 = process.hrtime.bigint();
    const pages = await readPdfText(data);
    const pdfjsMs = ms(t0);
    t0 = process.hrtime.bigint();
    const doc = readPages('report.pdf', pages);
    const layoutMs = ms(t0);
    // auditReport moves labels it finds pushed into figure columns: each phase gets its own copy
    const copy = () => ({ ...doc, tables: doc.tables.map((t) => ({ ...t, cells: t.cells.map((r) => r.slice()), bold: t.bold?.map((r) => r.slice()) })) });
    const tablesOnly = { ...copy(), paragraphs: [] };
    t0 = process.hrtime.bigint();
    auditReport(tablesOnly);
    const auditMs = ms(t0);
    const forNarrative = copy();
    t0 = process.hrtime.bigint();
    tieNarrative(forNarrative.paragraphs, forNarrative.tables);
    const narrativeMs = ms(t0);
    const whole = copy();
    t0 = process.hrtime.bigint();
    const r = auditReport(whole);
    const auditReportMs = ms(t0);
    return {
      pages: pages.length, tables: doc.tables.length, paragraphs: doc.paragraphs.length, findings: r.findings.length, pdfBytes: data.length,
      cliMs: median(times), cliCpuMs: median(cpu), cliExit, pdfjsMs, layoutMs, auditMs, narrativeMs, auditReportMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench table (markdown), as bench/run.ts prints its others. */
export function reportTable(b: ReportBench | string): string[] {
  const out = [`Report audit: outturn audit on a ${REPORT_PAGES}-page PDF (Derbyshire finance section and ${existsSync(TABLES) ? readdirSync(TABLES).filter((f) => f.endsWith('.tsv')).length : 0} published tables, repeated; Chromium, A4 landscape)`];
  if (typeof b === 'string') return [...out, `  ${b}`];
  const f1 = (x: number) => x.toFixed(1);
  out.push('| pages | tables | paragraphs | findings | PDF bytes | outturn audit REPORT.pdf --json, process, median of 3 (ms) | its CPU, user + system (ms) | exit | pdf.js text (ms) | layout (ms) | audit of the tables (ms) | narrative (ms) | auditReport whole (ms) |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  out.push(`| ${b.pages} | ${b.tables} | ${b.paragraphs} | ${b.findings} | ${b.pdfBytes.toLocaleString('en-GB')} | ${f1(b.cliMs)} | ${f1(b.cliCpuMs)} | ${b.cliExit} | ${f1(b.pdfjsMs)} | ${f1(b.layoutMs)} | ${f1(b.auditMs)} | ${f1(b.narrativeMs)} | ${f1(b.auditReportMs)} |`);
  return out;
}

if (require.main === module) {
  reportBench().then((b) => process.stdout.write(`${reportTable(b).join('\n')}\n`), (e) => {
    process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  });
}
