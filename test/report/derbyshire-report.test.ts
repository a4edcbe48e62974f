// The finance section of the PCC for Derbyshire's Annual Report 2020-21 (../shared/reference, as
// published, stale words included), audited as auditors receive it: as markdown text, as an HTML
// page, and printed to PDF by Chromium (tables kept as tables, Table 3 across two landscape pages).
// What a right audit finds, worked by hand: the ten Table 3 differences (Total Useable:- £1 short of
// its lines in the 2020/21 movement and in every closing balance; TOTAL EARMARKED RESERVES £1 over
// its sub-totals in the same five columns), the narrative's £0.370m where Table 1 gives (370,741) =
// £0.371m, its 87.9% where 13,605 ÷ 15,467 = 87.96% (88.0%), and the stale "15 July 2019" and
// "2018/19" (twice). Nothing else above a note.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHtmlReport } from '../../src/report/html';
import { readPages } from '../../src/report/layout';
import { type ReportAudit, auditReport, reportExitCode } from '../../src/report/audit-report';
import { readTextReport } from '../../src/report/text';
import { readPdfText } from '../../src/pdf/read';
import { chromiumOrSkip, markdownToHtml, printToPdf } from '../support/report-docs';

const REF = join(__dirname, '..', '..', '..', 'shared', 'reference', 'annual-report-2020-21-finance-section.md');
const VENDORED = join(__dirname, '..', 'fixtures', 'reports', 'derbyshire-2020-21-finance-section.md');

/** The report's own text: the two provenance lines our reference file starts with are not the report's. */
function reportText(): string {
  const path = existsSync(REF) ? REF : VENDORED;
  return readFileSync(path, 'utf8').split('\n').filter((l) => !/^# (Source|Kept)/.test(l)).join('\n');
}

function expectDerbyshire(r: ReportAudit, table3: string, rowOf: (printedRow: 'useable' | 'earmarked') => number): void {
  const flagged = r.findings.filter((f) => f.severity !== 'note');
  const casts = flagged.filter((f) => f.rule === 'reserves.cast');
  assert.equal(casts.length, 10, casts.map((f) => f.where).join('\n'));
  const want = new Set<string>();
  for (const row of ['useable', 'earmarked'] as const) for (const col of [3, 6, 9, 12, 15]) want.add(`${rowOf(row)}:${col}`);
  assert.deepEqual(new Set(casts.map((f) => `${f.row}:${f.column}`)), want);
  assert.ok(casts.every((f) => f.table === table3 && f.severity === 'warning'));
  const printed = casts.map((f) => `${f.printed}/${f.expected}`).sort();
  assert.deepEqual(printed, [
    '1499006/1499007', '5241444/5241445', '5241444/5241445', '6143244/6143245', '626085/626084',
    '6626913/6626912', '6764645/6764646', '7151663/7151662', '8967834/8967833', '9154757/9154756',
  ]);
  const narrative = flagged.filter((f) => f.rule.startsWith('narrative.'));
  assert.deepEqual(narrative.map((f) => [f.rule, f.printed, f.expected]).sort(), [
    ['narrative.truncated', '87.9%', '88.0%'],
    ['narrative.truncated', '£0.370m', '£0.371m'],
  ]);
  assert.match(narrative.find((f) => f.printed === '87.9%')!.message, /87\.96%/);
  assert.match(narrative.find((f) => f.printed === '£0.370m')!.message, /370,741/);
  assert.equal(flagged.length, 12, 'nothing else raised above a note');
  const notes = r.findings.filter((f) => f.severity === 'note').map((f) => `${f.rule} ${f.printed ?? ''}`.trim()).sort();
  assert.deepEqual(notes, [
    'capital.reprofile-exceeds-remaining 499', // IS Replacement Projects reprofiles 499 against 465 remaining: allowed, reported
    'narrative.stale-date 15 July 2019',
    'narrative.stale-year 2018/19',
    'narrative.stale-year 2018/19',
    'report.label-moved', // "additional Council Tax surpluses" printed under Original Budget
  ]);
  const ties = new Map(r.ties.map((t) => [t.quote.text, t]));
  assert.equal(ties.get('£13.605m')?.status, 'tied'); // 13,348 + 257: the total including region and the RCCO line
  assert.equal(ties.get('£15.467')?.status, 'tied'); // TOTAL PLANNED EXPENDITURE 15,467 (£'000); "m" not printed
  assert.equal(ties.get('£15.467')?.quote.unitInferred, true);
  assert.equal(reportExitCode(r), 1);
}

describe('report audit: the Derbyshire finance section as published', () => {
  it('as markdown text: the ten Table 3 differences at their cells, the narrative tied, stale year and date noted', () => {
    const r = auditReport(readTextReport(reportText(), 'derbyshire.md'));
    assert.deepEqual(r.tables.map((t) => [t.title ?? '', t.layouts[0]]), [['Table 1', 'revenue'], ['Table 2', 'capital'], ['', 'reserves']]);
    expectDerbyshire(r, 'table 3', (x) => (x === 'useable' ? 14 : 20));
    // findings name the line of the file too
    assert.match(r.findings.find((f) => f.rule === 'reserves.cast')!.where, /^table 3, row 14 \(line 104\), column 3/);
  });

  it('as an HTML page: the same findings', () => {
    const r = auditReport(readHtmlReport(markdownToHtml(reportText()), 'derbyshire.html'));
    expectDerbyshire(r, 'table 3', (x) => (x === 'useable' ? 14 : 20));
  });

  it('the PDF in examples/ (printed once by Chromium, so this runs anywhere): the same findings', async () => {
    const pdf = join(__dirname, '..', '..', 'examples', 'derbyshire-2020-21-finance-section.pdf');
    const doc = readPages('derbyshire.pdf', await readPdfText(readFileSync(pdf)));
    const r = auditReport(doc);
    expectDerbyshire(r, doc.tables[2].where, (x) => (x === 'useable' ? 14 : 20));
    // a finding in the text gives the page and where on it a reader finds the sentence: page 1 reads
    // "FINANCE" (a heading), a one-line paragraph, "Revenue" (a heading), then the paragraph with £0.370m
    const at = (printed: string) => r.findings.find((f) => f.printed === printed)!.where;
    assert.equal(at('£0.370m'), 'page 1, line 4, paragraph 2 (the 1st under the heading “Revenue”)');
    assert.equal(at('15 July 2019'), 'page 1, line 2, paragraph 1 (the 1st under the heading “FINANCE”)');
    assert.match(at('87.9%'), /^page 2, line \d+, paragraph \d+ \(the 1st under the heading “Capital”\)$/);
  });

  it('printed to PDF (Chromium, A4 landscape, Table 3 across two pages with its header repeated): the same findings, placed by page', async function () {
    if (!chromiumOrSkip(this)) return;
    const dir = mkdtempSync(join(tmpdir(), 'outturn-report-'));
    try {
      const pdf = join(dir, 'derbyshire.pdf');
      await printToPdf([{ html: markdownToHtml(reportText(), { landscape: true }), pdf, landscape: true }]);
      const doc = readPages('derbyshire.pdf', await readPdfText(readFileSync(pdf)));
      assert.ok((doc.pages ?? 0) >= 4, `${doc.pages} pages`);
      assert.equal(doc.tables.length, 3, doc.tables.map((t) => t.where).join(', '));
      const t3 = doc.tables[2];
      assert.ok(new Set(t3.rowPages).size >= 2, 'Table 3 is printed across two pages');
      const r = auditReport(doc);
      expectDerbyshire(r, t3.where, (x) => (x === 'useable' ? 14 : 20));
      const earmarked = r.findings.find((f) => f.rule === 'reserves.cast' && f.row === 20)!;
      assert.match(earmarked.where, new RegExp(`^page ${t3.rowPages![19]}, table 1 \\(continued from page ${t3.page}\\), row 20`));
      assert.equal(earmarked.text, '626,085');
      const stale = r.findings.find((f) => f.rule === 'narrative.stale-date')!;
      assert.equal(stale.page, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
