// `outturn audit`: human and JSON output, --sheet, --table, and the exit codes 0 / 1 / 2.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit } from '../../src/cli/audit';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { build } from '../../src/engine/build';
import { readOutturn } from '../../src/format/validate';
import { makePlan } from '../../src/plan/plan';
import { workbookBuffer } from '../../src/xlsx/write';

const DIR = join(__dirname, '..', 'fixtures', 'derbyshire-2020-21');
const T1 = join(DIR, 'table1-revenue-outturn.tsv');
const T2 = join(DIR, 'table2-capital-outturn.tsv');
const T3 = join(DIR, 'table3-reserves.tsv');

function capture(): Io & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out_, err_, out: (l) => out_.push(l), err: (l) => err_.push(l) };
}

describe('outturn audit (command line)', () => {
  let tmp: string;
  let example: string;
  let engineNote: string | undefined;
  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'outturn-audit-'));
    const input = readOutturn(readFileSync(join(__dirname, '..', '..', 'examples', 'derbyshire-2020-21.json'), 'utf8'));
    const plan = makePlan(build(input));
    engineNote = plan.findings.find((f) => f.rule === 'capital.reprofile-exceeds-remaining')?.cell;
    example = join(tmp, 'example.xlsx');
    writeFileSync(example, await workbookBuffer(plan));
  });

  it('Table 1 as published: exit 0, says the table casts', async () => {
    const io = capture();
    assert.equal(await runAudit({ file: T1 }, io), 0);
    assert.match(io.out_[0], /Audited 1 table\(s\) in table1-revenue-outturn\.tsv: .* \(revenue\)/);
    assert.equal(io.out_.at(-1), '0 error(s), 0 warning(s), 0 note(s): the tables cast');
    // The reading a person can check: which column is which difference, which way round, and on what evidence.
    // 20 of its 21 lines: a line whose figures are all nil agrees with any basis, so it does not vote.
    assert.ok(io.out_[1].includes('differences read: column 6 "over_under_spend" = outturn − revised_budget (learned from the lines: 20 show it)'), io.out_[1]);
  });

  it('Table 3 as published: exit 1, one line per finding with place, rule, printed, expected, difference', async () => {
    const io = capture();
    assert.equal(await runAudit({ file: T3 }, io), 1);
    const text = io.out_.join('\n');
    assert.ok(text.includes('warning  row 13, column movement_to_from_revenue_2020_21  reserves.cast  printed 1,499,006  expected 1,499,007  difference −1'), text);
    assert.ok(text.includes('warning  row 19, column estimated_balance_2024_03_31  reserves.cast  printed 6,626,913  expected 6,626,912  difference 1'), text);
    assert.equal(io.out_.at(-1), '0 error(s), 10 warning(s), 0 note(s)');
  });

  it('--json: outturn/v1-audit with findings and tables', async () => {
    const io = capture();
    assert.equal(await runAudit({ file: T3, json: true }, io), 1);
    const doc = JSON.parse(io.out_.join('\n'));
    assert.equal(doc.format, 'outturn/v1-audit');
    assert.deepEqual(doc.tables.map(({ sheet, layout, range, units, readAs }: Record<string, string>) => ({ sheet, layout, range, units, readAs })),
      [{ sheet: 'table3-reserves.tsv', layout: 'reserves', range: 'rows 2-20', units: '£', readAs: 'UTF-8, tab-separated' }]);
    // What was checked, per table: 19 rows × the money columns cast or rolled forward.
    assert.deepEqual(doc.tables[0].checked, { totals: 56, crossCasts: 0, variances: 0, percentages: 0, rollForwards: 60 });
    assert.deepEqual(doc.tables[0].totals.map((t: { row: number; from: number; to: number }) => [t.row, t.from, t.to]), [[13, 6, 12], [18, 15, 17], [19, 13, 18], [20, 3, 19]]);
    assert.equal(doc.findings.length, 10);
    assert.deepEqual(Object.keys(doc.findings[0]).sort(), ['a1', 'cell', 'column', 'difference', 'expected', 'message', 'printed', 'row', 'rule', 'severity', 'table']);
    // row and column as a program reads them: line 13 of the file, its 4th field; D13 when Excel opens it.
    assert.deepEqual([doc.findings[0].row, doc.findings[0].column, doc.findings[0].a1], [13, 4, 'D13']);
    assert.deepEqual(
      doc.findings.map((f: { cell: string; difference: string }) => `${f.cell}=${f.difference}`).slice(0, 2),
      ['row 13, column movement_to_from_revenue_2020_21=-1', 'row 13, column balance_2021_03_31=-1'],
    );
  });

  it('--table auto reads Table 3 as any table: the same ten cells fail to cast', async () => {
    const io = capture();
    assert.equal(await runAudit({ file: T3, table: 'auto', json: true }, io), 1);
    const doc = JSON.parse(io.out_.join('\n'));
    assert.equal(doc.tables[0].layout, 'auto');
    assert.deepEqual(doc.findings.map((f: { rule: string }) => f.rule), Array(10).fill('auto.cast'));
  });

  it('--table with a layout the file does not have: exit 2, the message says which columns are missing', async () => {
    const io = capture();
    assert.equal(await runAudit({ file: T1, table: 'capital' }, io), 2);
    assert.match(io.err_.join('\n'), /no table with the columns of a capital table \(revised budget, outturn, and budget remaining or reprofile\)/);
    const bad = capture();
    assert.equal(await runAudit({ file: T1, table: 'balance-sheet' }, bad), 2);
    assert.match(bad.err_[0], /--table must be one of revenue, forecast, ledger, capital, programme, financing, reserves, mtfp, scenarios, auto/);
  });

  it('a workbook built by Outturn: every sheet audits clean (exit 0); --sheet picks one', async () => {
    const io = capture();
    assert.equal(await runAudit({ file: example }, io), 0);
    assert.match(io.out_[0], /Table 1 Revenue A\d+:E\d+ \(revenue, £\); Table 2 Capital A\d+:F\d+ \(capital, £'000\); Table 3 Reserves A\d+:O\d+ \(reserves, £\)/);
    const one = capture();
    assert.equal(await runAudit({ file: example, sheet: 'Table 2 Capital', json: true }, one), 0);
    const doc = JSON.parse(one.out_.join('\n'));
    assert.deepEqual(doc.tables.map((t: { layout: string }) => t.layout), ['capital']);
    // The same cell as the engine's own note when it built the table.
    assert.ok(engineNote);
    assert.deepEqual(doc.findings.map((f: { severity: string; cell: string }) => [f.severity, f.cell]), [['note', engineNote]]);
    const none = capture();
    assert.equal(await runAudit({ file: example, sheet: 'Table 9' }, none), 2);
    assert.match(none.err_[0], /no worksheet named "Table 9"/);
  });

  it('unreadable input exits 2 and says where: a missing file, a corrupt workbook, a cell that is not a number', async () => {
    const missing = capture();
    assert.equal(await runAudit({ file: join(tmp, 'nope.csv') }, missing), 2);
    assert.match(missing.err_[0], /nope\.csv: no such file/);
    const corrupt = join(tmp, 'corrupt.xlsx');
    writeFileSync(corrupt, Buffer.from('PK\u0003\u0004this is not a zip', 'latin1'));
    const c = capture();
    assert.equal(await runAudit({ file: corrupt }, c), 2);
    assert.match(c.err_[0], /corrupt\.xlsx: not a readable xlsx workbook/);
    const cell = join(tmp, 'cell.tsv');
    writeFileSync(cell, readFileSync(T2, 'utf8').replace('\t5,800\t', '\t5.800,00\t'));
    const u = capture();
    assert.equal(await runAudit({ file: cell }, u), 2);
    assert.ok(u.out_.some((l) => l.startsWith('error    row 7, column revised_budget_2020_21  printed.unreadable  printed 5.800,00')), u.out_.join('\n'));
    const other = join(tmp, 'table.pdf');
    writeFileSync(other, '%PDF');
    assert.equal(await runAudit({ file: other }, capture()), 2);
  });

  it('is registered in the outturn command: main(... audit FILE --json)', async () => {
    const io = capture();
    assert.equal(await main(['node', 'outturn', 'audit', T2, '--json'], io), 0);
    assert.equal(JSON.parse(io.out_.join('\n')).tables[0].layout, 'capital');
    assert.equal(await main(['node', 'outturn', 'audit', T3], capture()), 1);
  });
});
