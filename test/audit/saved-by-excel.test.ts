// Tables as a spreadsheet saves them to CSV: the shown text, not the figure. Each case is a real table
// of our published corpus written the way UK Excel writes it (Windows-1252, CRLF), found by the
// session-6 new user (U6-07, U6-12, U6-14 in the session's findings).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { readCell } from '../../src/audit/grid';
import { published } from '../support/audit-helpers';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (s: string) => { out += `${s}\n`; }, err: (s: string) => { err += `${s}\n`; } };
  const code = await main(['node', 'outturn', ...args], io);
  return { code, out, err };
}

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
    // Its three genuine errors (row 16's net, row 25's gross and income, each 100,000) and the
    // Borough Budget Requirement's cast through row 16 (row 17) are found in the TSV; before this
    // fix the Accounting CSV read ten " £- " nils as unreadable and missed three of the four.
    const file = 'westnorfolk-budget-requirement-2024-25.tsv';
    const tsv = await run(['audit', join(__dirname, '..', 'fixtures', 'published', 'audit', file), '--json']);
    const csv = join(dir, 'westnorfolk.csv');
    writeFileSync(csv, excelCsv(rowsOf(file).map((r, i) => (i < 2 ? r : r.map((c, j) => (j === 0 ? c : accounting(c)))))));
    const r = await run(['audit', csv, '--json']);
    assert.equal(r.code, 1, r.out);
    assert.deepEqual(flagged(r.out), flagged(tsv.out));
    assert.deepEqual(flagged(r.out).map((f) => f.split(' ')[0]).sort(), ['16:4', '17:4', '25:2', '25:3']);
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
