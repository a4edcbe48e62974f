// Tables as a spreadsheet saves them to CSV: the shown text, not the figure. Each case is a real table
// of our published corpus written the way UK Excel writes it (Windows-1252, CRLF), found by the
// session-6 new user (U6-07, U6-12, U6-14 in the session's findings).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCell } from '../../src/audit/grid';
import { withoutResidue } from '../../src/base/decimal';
import { published } from '../support/audit-helpers';
import { runCli } from '../support/cli';

/** `outturn …args` in-process (test/support/cli.ts): exit code and output. */
const run = (args: string[]) => runCli(...args);

/** Rows as UK Excel writes a CSV: a cell with a comma or a quote quoted, CRLF, Windows-1252 (£ is byte 0xA3). */
function excelCsv(rows: string[][]): Buffer {
  const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const text = rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  assert.ok(![...text].some((ch) => ch.charCodeAt(0) > 0xff), 'the text fits Windows-1252 as Latin-1 here');
  return Buffer.from(text, 'latin1');
}

const rowsOf = (file: string) => published(file).replace(/\n$/, '').split('\n').map((l) => l.split('\t'));

/**
 * The shown text of a figure in UK Excel's default Accounting format `_-£* #,##0_-;-£* #,##0_-;_-£* "-"_-;_-@_-`:
 * " £3,760,600 ", "-£47,160 ", and " £- " for nil (the padding as Excel writes it to CSV).
 */
function accounting(printed: string): string {
  const m = /^(\()?£?([\d,]+)\)?$/.exec(printed.trim());
  if (!m) return printed;
  if (m[2].replace(/,/g, '') === '0') return ' £- ';
  return m[1] ? `-£${m[2]} ` : ` £${m[2]} `;
}

type Json = { findings: { severity: string; row: number; column: number; rule: string; expected?: string }[] };
const flagged = (out: string) => (JSON.parse(out) as Json).findings.filter((f) => f.severity !== 'note').map((f) => `${f.row}:${f.column} ${f.rule} ${f.expected}`).sort();

describe('audit: CSVs as UK Excel saves them (the shown text)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'outturn-excel-csv-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the Accounting format\'s nil "£-" (and "£ -", "- £") is a nil, like "-"', () => {
    for (const s of ['£-', ' £- ', '£ -', '£ –', '- £', '-£']) {
      const x = readCell(s);
      assert.ok(x.kind === 'number' && x.dash && x.value.isZero(), JSON.stringify(s));
    }
    // a sign and a currency sign with no digits is not a nil when doubled, nor is the sign alone a figure
    for (const s of ['£--', '££-', '£']) assert.equal(readCell(s).kind, 'text', s);
  });

  it('West Norfolk\'s budget requirement in the Accounting format: the same findings as the table as printed, no unreadable "£-"', async () => {
    // Borough Council of King's Lynn & West Norfolk, budget requirement 2024/25 (source: SOURCES.md).
    // Its three genuine errors (row 16's net, row 25's gross and income, each 100,000) are found in the
    // TSV (the Borough Budget Requirement's cast through row 16, row 17, is out by row 16's 100,000: a
    // note naming row 16, the one figure the two checks share); before the Accounting-format fix the
    // CSV read ten " £- " nils as unreadable and missed three of the four findings.
    const file = 'westnorfolk-budget-requirement-2024-25.tsv';
    const tsv = await run(['audit', join(__dirname, '..', 'fixtures', 'published', 'audit', file), '--json']);
    const csv = join(dir, 'westnorfolk.csv');
    writeFileSync(csv, excelCsv(rowsOf(file).map((r, i) => (i < 2 ? r : r.map((c, j) => (j === 0 ? c : accounting(c)))))));
    const r = await run(['audit', csv, '--json']);
    assert.equal(r.code, 1, r.out);
    assert.deepEqual(flagged(r.out), flagged(tsv.out));
    assert.deepEqual(flagged(r.out).map((f) => f.split(' ')[0]).sort(), ['16:4', '25:2', '25:3']);
    assert.ok(!flagged(r.out).some((f) => f.includes('printed.unreadable')));
  });

  it('"####" (a column too narrow when saved) is an error at each cell, never a column silently left out', async () => {
    // North Wales Fire and Rescue Authority, revenue 2019/20 (a clean table): its Budget column too
    // narrow, so Excel saved "####" for every figure of four digits or more. Before: the column was
    // dropped and the audit said "the tables cast" (exit 0).
    const rows = rowsOf('nwfire-revenue-2019-20-dec.tsv').map((r, i) => (i === 0 ? r : r.map((c, j) => (j === 1 && c.length > 4 ? '####' : c))));
    const csv = join(dir, 'nwfire-narrow.csv');
    writeFileSync(csv, excelCsv(rows));
    const page = join(dir, 'nwfire-narrow.html');
    const r = await run(['audit', csv, '--json', '--html', page]);
    assert.equal(r.code, 2, r.out);
    const at = (JSON.parse(r.out) as Json).findings.filter((f) => f.rule === 'printed.unreadable').map((f) => `${f.row}:${f.column}`);
    assert.deepEqual(at, ['2:2', '3:2', '4:2', '5:2', '7:2', '8:2', '9:2'], 'each "####" at its cell (row 6\'s 417 was shown)');
    const text = await run(['audit', csv]);
    assert.match(text.out, /Employee Costs — 2019\/20 Budget £: printed ####: the column was too narrow for the figure when the file was saved/);
    assert.doesNotMatch(text.out, /the tables cast/);
    // U6-14: exit 2 writes nothing (the README's contract), and says so
    assert.equal(existsSync(page), false);
    assert.match(r.err, /findings page .*nwfire-narrow\.html is not written: a cell could not be read/);
  });

  it('a wide figure saved as "########" beside real errors: the readable errors found, the hidden cells named (exit 1)', async () => {
    const rows = rowsOf('westnorfolk-budget-requirement-2024-25.tsv').map((r, i) => (i < 2 ? r : r.map((c, j) => (j === 1 && c.length > 9 ? '########' : c))));
    const csv = join(dir, 'westnorfolk-narrow.csv');
    writeFileSync(csv, excelCsv(rows));
    const r = await run(['audit', csv, '--json']);
    assert.equal(r.code, 1, r.out);
    const f = flagged(r.out);
    assert.ok(f.includes('17:4 auto.cast 24831820'), f.join('\n'));
    assert.ok(f.includes('25:3 auto.cast -90856890'), f.join('\n'));
    const hidden = f.filter((x) => x.includes('printed.unreadable')).map((x) => x.split(' ')[0]);
    assert.equal(hidden.length, rows.filter((row) => row[1] === '########').length);
    assert.ok(hidden.every((x) => x.endsWith(':2')));
  });
});

describe('audit: workbooks whose figures are formulas (the result a spreadsheet stores)', () => {
  it('a formula\'s binary residue is not a figure: −1.3000000000000114 in a "0.0;(0.0)" cell is −1.3, whatever its format', async () => {
    // PCC for Surrey, decision 07/2022, 3rd Quarter 2021/22 Financial Performance (surrey-pcc.gov.uk,
    // decision-log-007-2022): PCC budget 2.8 + operational 258.9 = total 261.7; projected outturn
    // 260.4 / 259.8 / 259.6, variance (1.3) / (1.9) / (2.1) — clean. Built as an officer builds it
    // (total =B+C, variance =E−D) and saved by Excel or LibreOffice, the file holds each result as the
    // double the arithmetic gives: 260.4 − 261.7 = −1.3000000000000114 (shown "(1.3)"). Before, the
    // audit read "printed −1.30000000000001" and raised three false variance errors (U6-15).
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Q3');
    ws.addRow(['Surrey', '2021/22 PCC Budget £m', '2021/22 Operational Budget £m', 'Total Budget £m', '2021/22 Projected Outturn £m', 'Projected Variance £m']);
    const lines: [string, number][] = [['Month 7', 260.4], ['Month 8', 259.8], ['Month 9', 259.6]];
    lines.forEach(([month, outturn], k) => {
      const r = k + 2;
      // the stored results are the doubles the spreadsheet computes (JavaScript's doubles are the same IEEE 754 ones)
      const total = 2.8 + 258.9;
      ws.addRow([month, 2.8, 258.9, { formula: `B${r}+C${r}`, result: total }, outturn, { formula: `E${r}-D${r}`, result: outturn - total }]);
      for (const c of ['B', 'C', 'D', 'E', 'F']) ws.getCell(`${c}${r}`).numFmt = '0.0;(0.0)';
    });
    assert.equal(String(260.4 - (2.8 + 258.9)), '-1.3000000000000114', 'the residue the file holds');
    const dir = mkdtempSync(join(tmpdir(), 'outturn-residue-'));
    try {
      const file = join(dir, 'surrey-q3.xlsx');
      writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
      const r = await run(['audit', file, '--json']);
      assert.equal(r.code, 0, r.out);
      const out = JSON.parse(r.out) as { tables: { checked: { crossCasts: number; variances: number } }[] };
      assert.equal(out.tables[0].checked.variances, 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the residue is dropped only where it is one: a figure typed with its places is its own decimal', () => {
    const shown = (n: number) => withoutResidue(n).toFixed();
    assert.equal(shown(260.4 - 261.7), '-1.3');
    assert.equal(shown(0.1 + 0.2), '0.3');
    assert.equal(shown(82.603 + 24.395 + 34.508), '141.506');
    assert.equal(shown(1000000000.1 + 0.2), '1000000000.3');
    // figures of at most 9 places (Outturn writes £'000 to 5: pence) are their own decimals
    for (const typed of ['370741.23', '-0.054', '1.23456789', '0.123456789', '12345678.5', '0.000000001', '0', '-280994348.02789', '0.00001']) assert.equal(shown(Number(typed)), typed);
    assert.equal(shown(0.12345678901), '0.123456789', 'past 9 places, within 10^-10, is below any figure printed');
    assert.equal(shown(1.00000000025), '1.00000000025', 'no decimal of at most 9 places within 10^-10: left as typed');
  });

});

describe('audit: where a finding is, for a program and for a person (issue 10 point 9)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'outturn-places-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));
  type Placed = { severity: string; row: number; column: number; a1?: string; sheet?: string; cell: string };
  const placed = (out: string) => (JSON.parse(out) as { findings: Placed[] }).findings.filter((f) => f.severity !== 'note');

  it('a "sep=;" first line (Excel\'s delimiter hint) names the delimiter and is no row in Excel: a1 is the row Excel shows', async () => {
    // West Norfolk's budget requirement (genuine errors at D16, B25, C25 as Excel shows the file without
    // the hint; D17, the Borough Budget Requirement, is out by D16's 100,000 and a note naming it) exported as finance systems do: "sep=;", then ';' with points between thousands.
    const rows = rowsOf('westnorfolk-budget-requirement-2024-25.tsv').map((r) => r.map((c) => c.replace(/(?<=\d),(?=\d{3})/g, '.')));
    const text = 'sep=;\r\n' + rows.map((r) => r.map((c) => (/[;"]/.test(c) ? `"${c}"` : c)).join(';')).join('\r\n') + '\r\n';
    const csv = join(dir, 'westnorfolk-sep.csv');
    writeFileSync(csv, Buffer.from(text, 'latin1'));
    const r = await run(['audit', csv, '--json']);
    assert.equal(r.code, 1, r.out);
    const f = placed(r.out);
    assert.deepEqual(f.map((x) => x.a1).sort(), ['B25', 'C25', 'D16']);
    assert.deepEqual(f.map((x) => x.row).sort((a, b) => a - b), [17, 26, 26], 'row: the line of the file');
    assert.ok(f.every((x) => x.cell.includes(`(row ${x.row - 1} in Excel)`)), f.map((x) => x.cell).join('\n'));
  });

  it('a header cell with a line break inside (Alt+Enter): the text names the file\'s line and the row Excel shows', async () => {
    // PCC for Surrey, month 9 2023/24 (error at D4: the Grand Total's variance), its header cells
    // broken over two lines as Excel writes them: quoted fields with LF inside, CRLF between rows.
    const rows = rowsOf('surrey-pcc-monitoring-2023-24-m9.tsv');
    const header = rows[0].map((c) => c.replace(/ £m$/, '\n£m'));
    const text = [header, ...rows.slice(1)].map((r) => r.map((c) => (/[,\n"]/.test(c) ? `"${c}"` : c)).join(',')).join('\r\n') + '\r\n';
    const csv = join(dir, 'surrey-multiline.csv');
    writeFileSync(csv, Buffer.from(text, 'latin1'));
    const r = await run(['audit', csv, '--json']);
    assert.equal(r.code, 1, r.out);
    const at = placed(r.out).filter((x) => x.a1 === 'D4');
    assert.ok(at.length > 0, r.out);
    assert.ok(at.every((x) => x.row === 7 && x.column === 4 && x.cell.startsWith('row 7 (row 4 in Excel), column ')), JSON.stringify(at));
  });

  it('a workbook finding carries its sheet\'s name as it is, beside row and column', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    for (const name of ['Budget & MTFP', "Q3 '23 monitoring"]) {
      const ws = wb.addWorksheet(name);
      for (const row of rowsOf('surrey-pcc-monitoring-2023-24-m9.tsv')) ws.addRow(row);
    }
    const file = join(dir, 'sheets.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await run(['audit', file, '--json']);
    const f = placed(r.out).filter((x) => x.row === 4 && x.column === 4);
    assert.deepEqual([...new Set(f.map((x) => x.sheet))].sort(), ['Budget & MTFP', "Q3 '23 monitoring"]);
    assert.ok(f.some((x) => x.sheet === "Q3 '23 monitoring" && x.cell === "'Q3 ''23 monitoring'!D4"));
  });
});
