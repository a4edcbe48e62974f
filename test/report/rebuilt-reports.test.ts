// Real reports a new user rebuilt as their bodies publish them (test/fixtures/reports/rebuilt, sources
// in its SOURCES.md) and printed to PDF with Chromium: what the report audit got wrong on them in
// session 4, each a kind now read right. Hand workings (exact decimal) beside each test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ReportAudit, auditReport, reportExitCode } from '../../src/report/audit-report';
import { readHtmlReport } from '../../src/report/html';
import { readPages } from '../../src/report/layout';
import { reportYear } from '../../src/report/narrative';
import { readPdfText } from '../../src/pdf/read';

const DIR = join(__dirname, '..', 'fixtures', 'reports', 'rebuilt');

async function pdf(name: string): Promise<ReportAudit> {
  return auditReport(readPages(name, await readPdfText(readFileSync(join(DIR, name)))));
}
const above = (a: ReportAudit, sev: string) => a.findings.filter((f) => f.severity === sev);

describe('report audit: real reports rebuilt as published (a new user\'s trial)', function () {
  this.timeout(60_000);

  it('Notts Fire 2024/25 with a page break after Table 1b\'s first row: one table joined across the break, no false error', async () => {
    // Table 1b, 2024/25: (8,939) + (3,892) + (7,988) + (738) + (30,993) + … = (52,688) as printed; read
    // as two tables, the page-1 part (header and the RSG row) was lost and the rest "did not cast" by 8,529.
    const a = await pdf('notts2024-break.pdf');
    const b = a.tables.find((t) => /Sources of Income/.test(t.title ?? ''))!;
    assert.ok(b, 'Table 1b found by its caption');
    assert.deepEqual(b.cells[1], ['Revenue Support Grant (RSG)', '(8,529)', '(8,939)', '(9,140)']);
    assert.equal(b.cells.filter((r) => /^Sources of Income$/.test(r[0])).length, 1, 'the header repeated overleaf is dropped');
    assert.deepEqual(above(a, 'error'), []);
    // the one real finding: Table 1a's 2024/25 column casts to 52,687 against 52,688 printed
    assert.deepEqual(above(a, 'warning').map((f) => [f.table, f.printed, f.expected]), [['page 1, table 1', '52688', '52687']]);
  });

  it('Notts Fire 2024/25: "31 March 2024" is the opening date of 2024/25, not a stale date', async () => {
    const a = await pdf('notts2024.pdf');
    assert.deepEqual(a.findings.filter((f) => f.rule === 'narrative.stale-date').map((f) => f.printed), []);
  });

  it('Gloucestershire 2015/16: the end of the sentence above the table ("…the following elements:") is not its first row', async () => {
    const a = await pdf('glos2016.pdf');
    assert.equal(a.tables.length, 1);
    assert.ok(!a.tables[0].cells.flat().some((c) => /elements:/.test(c)), JSON.stringify(a.tables[0].cells.slice(0, 2)));
    assert.equal(a.tables[0].cells[1][0], 'Police Officers');
  });

  it('Lancashire Fire 2022/23: a quote is named by its row\'s label, not the Reason beside it, and the report\'s year is its title\'s', async () => {
    const a = await pdf('lancs2023-err.pdf');
    const w = a.findings.find((f) => f.printed === '£907k')!;
    assert.equal(w.severity, 'warning');
    assert.match(w.message, /row \d+ “Property”,/);
    assert.equal(w.expected, '£970k');
    // "2023/24" appears once, in a Reason cell ("updated for 2023/24"); the title and text say 2022/23
    const doc = readHtmlReport(readFileSync(join(DIR, 'lancs2023-err.html'), 'utf8'), 'lancs2023-err.html');
    assert.equal(reportYear(doc.paragraphs, doc.tables), 2022);
  });

  it('Surrey PCC 2023/24: "30th of September 2022" is read as a date before the report\'s year', async () => {
    const a = await pdf('surrey2023-err.pdf');
    assert.deepEqual(a.findings.filter((f) => f.rule === 'narrative.stale-date').map((f) => f.printed), ['30th of September 2022']);
    assert.equal(reportExitCode(a), 1);
  });
});
