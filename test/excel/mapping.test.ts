/// <reference types="office-js" />
// "Map a range" in the strict fake Excel: the user's budget-book range, mapped as RevenueLines (and each other mappable table, from its own range), is
// read in the build's own two read syncs and builds the same tables as the template would; the
// user's sheet is never written, and a bad cell in it is located at its own address.
import assert from 'node:assert/strict';
import { buildInWorkbook } from '../../src/excel/flow';
import { writePlan } from '../../src/excel/write';
import { guessMapping, type MappableTable, type RangeMapping } from '../../src/format/mapping';
import { CAPITAL_LINES, findTable, type GridValue, REVENUE_BELOW_LINE, REVENUE_LINES, reserveLinesTable, TEMPLATE_SHEETS } from '../../src/format/templates';
import { a1 } from '../../src/base/a1';
import { buildFromDoc, buildFromSheets } from '../../src/taskpane/pipeline';
import { templates } from '../../src/taskpane/pipeline-templates';
import { DEFAULT_SETTINGS } from '../../src/taskpane/settings';
import { FakeRequestContext, FakeWorkbook } from '../support/fakes/fake-excel';
import { exampleDoc } from '../support/fakes/scale';
import { asRead, BOOK_HEADERS, budgetBook, ownRange } from '../support/mapped-book';

const ctx = (wb: FakeWorkbook) => new FakeRequestContext(wb) as unknown as Excel.RequestContext;
const TARGETS = Object.values(DEFAULT_SETTINGS.sheetNames);
const BOOK = 'Budget book';

/** The worked example's templates, its RevenueLines figures spoiled, and the same lines in a budget book. */
async function mappedWorkbook(): Promise<{ wb: FakeWorkbook; mapping: RangeMapping }> {
  const wb = new FakeWorkbook({ excelApi: '1.13' });
  wb.addSheet('Sheet1');
  await writePlan(ctx(wb), { sheets: templates(exampleDoc()) });
  const { sheet, address } = budgetBook();
  wb.addSheet(BOOK);
  wb.setValues(BOOK, sheet.values.map((r) => (r.length ? r : [null])) as GridValue[][] as never);
  // Spoil the template table's figures: only the mapped range can give the example's tables.
  const f = findTable(asRead().find((x) => x.name === TEMPLATE_SHEETS.revenue)!, REVENUE_LINES, [])!;
  for (const r of f.rows) wb.setValues(TEMPLATE_SHEETS.revenue, [[999, 999, 999]], `E${r.r + 1}`);
  wb.syncs = [];
  return { wb, mapping: { table: 'RevenueLines', sheet: BOOK, address, columns: guessMapping(REVENUE_LINES, BOOK_HEADERS) } };
}

const bookOf = (wb: FakeWorkbook) => JSON.stringify([...wb.sheet(BOOK)!.cells.entries()].sort());

function build(wb: FakeWorkbook, mapping: RangeMapping, readOnly?: string[]) {
  return buildInWorkbook(ctx(wb), TARGETS, async (inputs) => buildFromSheets(inputs, { ...DEFAULT_SETTINGS, mappings: [mapping] }), {
    inputNames: [...Object.values(TEMPLATE_SHEETS), mapping.sheet],
    isSetSupported: (s, v) => wb.isSetSupported(s, v),
    readOnly,
  });
}

describe('Map a range in the strict fake Excel', () => {
  it('a mapped range builds the same tables as the template, in 3 syncs, and its sheet is not written', async () => {
    const { wb, mapping } = await mappedWorkbook();
    assert.equal(wb.cell(BOOK, 'B3')?.value, 'Cost centre');
    const before = bookOf(wb);
    const out = await build(wb, mapping);
    assert.equal(out.kind, 'done', JSON.stringify(out));
    if (out.kind !== 'done') return;
    assert.equal(wb.syncCount, 3);
    assert.equal(out.syncs, 3);
    assert.equal(bookOf(wb), before, 'the user\'s sheet is untouched');
    assert.deepEqual(out.write.sheets, TARGETS);
    const direct = buildFromDoc(exampleDoc());
    assert.ok(direct.ok);
    if (direct.ok) assert.deepEqual(out.result.plan.sheets.map((s) => s.cells), direct.plan.sheets.map((s) => s.cells));
    assert.equal(out.result.notes[0].where, "'Budget book'!B3");
    // Nothing in the whole workbook was written at the user's sheet.
    for (const s of wb.syncs) assert.ok(!JSON.stringify(s).includes(`"set","${BOOK}`));
  });

  it('a bad cell in the mapped range is an error at its own address, and nothing is written', async () => {
    const { wb, mapping } = await mappedWorkbook();
    wb.setValues(BOOK, [['(1,2x4)']], 'G6');
    const before = wb.snapshot();
    const out = await build(wb, mapping);
    assert.equal(out.kind, 'errors');
    if (out.kind !== 'errors') return;
    assert.deepEqual(out.errors.map((e) => e.where), ["'Budget book'!G6"]);
    assert.match(out.errors[0].message, /"\(1,2x4\)" is not an amount/);
    assert.equal(wb.snapshot(), before);
    assert.equal(wb.syncCount, 2);
  });

  it("a mapped sheet named like an output table is the user's: refused, nothing written", async () => {
    const { wb, mapping } = await mappedWorkbook();
    const { sheet } = budgetBook();
    wb.addSheet('Table 1 Revenue');
    wb.setValues('Table 1 Revenue', sheet.values.map((r) => (r.length ? r : [null])) as never);
    const before = wb.snapshot();
    const out = await build(wb, { ...mapping, sheet: 'Table 1 Revenue' });
    assert.equal(out.kind, 'conflict');
    assert.equal(wb.snapshot(), before);
  });

  it('a mapped range on a sheet a build writes (one Outturn made) is refused, nothing written', async () => {
    const { wb, mapping } = await mappedWorkbook();
    assert.equal((await build(wb, mapping)).kind, 'done');
    // The user maps lines they see on the built Table 1 sheet: the next build would replace it.
    const before = wb.snapshot();
    wb.syncs = [];
    const out = await build(wb, { ...mapping, sheet: 'Table 1 Revenue', address: 'A1:G20' }, ['Table 1 Revenue']);
    assert.equal(out.kind, 'errors');
    if (out.kind !== 'errors') return;
    assert.deepEqual(out.errors.map((e) => e.where), ['Table 1 Revenue']);
    assert.match(out.errors[0].message, /holds a range mapped as input, and a build writes "Table 1 Revenue"/);
    assert.equal(wb.snapshot(), before);
    assert.equal(wb.syncCount, 0, 'refused before reading');
  });
});

for (const table of [REVENUE_BELOW_LINE, CAPITAL_LINES, reserveLinesTable(exampleDoc().reserves.years)]) {
  describe(`Map a range in the strict fake Excel: ${table.name}`, () => {
    it('the mapped range builds the same tables as the template, in 3 syncs, its sheet unwritten; a bad cell errs at its own address', async () => {
      const wb = new FakeWorkbook({ excelApi: '1.13' });
      wb.addSheet('Sheet1');
      await writePlan(ctx(wb), { sheets: templates(exampleDoc()) });
      const own = ownRange(table, `My ${table.name}`);
      wb.addSheet(own.sheet.name);
      wb.setValues(own.sheet.name, own.sheet.values.map((r) => (r.length ? r : [null])) as never);
      // Spoil the template table's figures: only the mapped range can give the example's tables.
      const f = findTable(asRead().find((x) => x.name === table.sheet)!, table, [])!;
      for (const r of f.rows) for (const col of table.money) wb.setValues(table.sheet, [[999]], a1(r.r, f.col0 + table.columns.indexOf(col)));
      wb.syncs = [];
      const mapping: RangeMapping = { table: table.name as MappableTable, sheet: own.sheet.name, address: own.address, columns: guessMapping(table, own.headers) };
      const before = JSON.stringify([...wb.sheet(own.sheet.name)!.cells.entries()].sort());
      const out = await build(wb, mapping);
      assert.equal(out.kind, 'done', JSON.stringify(out).slice(0, 500));
      if (out.kind !== 'done') return;
      assert.equal(wb.syncCount, 3);
      assert.equal(JSON.stringify([...wb.sheet(own.sheet.name)!.cells.entries()].sort()), before, "the user's sheet is untouched");
      for (const s of wb.syncs) assert.ok(!JSON.stringify(s).includes(`"set","${own.sheet.name}`));
      const direct = buildFromDoc(exampleDoc());
      assert.ok(direct.ok);
      if (direct.ok) assert.deepEqual(out.result.plan.sheets.map((s) => s.cells), direct.plan.sheets.map((s) => s.cells));
      assert.equal(out.result.notes[0].where, `'${own.sheet.name}'!B3`);

      // A bad cell in the user's range (first line, first money column): an error there, nothing written.
      const c = 1 + own.order[table.columns.indexOf(table.money[0])];
      wb.setValues(own.sheet.name, [['(1,2x4)']], a1(3, c));
      const snap = wb.snapshot();
      wb.syncs = [];
      const bad = await build(wb, mapping);
      assert.equal(bad.kind, 'errors');
      if (bad.kind !== 'errors') return;
      assert.deepEqual(bad.errors.map((e) => e.where), [`'${own.sheet.name}'!${a1(3, c)}`]);
      assert.equal(wb.snapshot(), snap);
    });
  });
}
