/// <reference types="office-js" />
// The Office.js reader's merged cells and hidden rows, against the strict fake Excel at several
// requirement sets: a merged cell in an input table is an error at its cell and nothing is written,
// a hidden row is read and noted, an older Excel says what it could not check, and none of it costs
// a sync.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildInWorkbook } from '../../src/excel/flow';
import { MERGED_UNCHECKED, readWorkbook } from '../../src/excel/read';
import { writePlan } from '../../src/excel/write';
import type { InputError } from '../../src/format/errors';
import { findTable, REVENUE_LINES, TEMPLATE_SHEETS } from '../../src/format/templates';
import { buildFromDoc, buildFromSheets } from '../../src/taskpane/pipeline';
import { templates } from '../../src/taskpane/pipeline-templates';
import { DEFAULT_SETTINGS } from '../../src/taskpane/settings';
import { boxAddress, FakeRequestContext, FakeWorkbook, parseAddress } from '../support/fakes/fake-excel';
import { exampleDoc } from '../support/fakes/scale';

const ctx = (wb: FakeWorkbook) => new FakeRequestContext(wb) as unknown as Excel.RequestContext;
const TARGETS = Object.values(DEFAULT_SETTINGS.sheetNames);
const INPUTS = Object.values(TEMPLATE_SHEETS);
const REV = TEMPLATE_SHEETS.revenue;

/** The worked example's input templates in a fake Excel offering `excelApi`. */
async function exampleWorkbook(excelApi: string): Promise<FakeWorkbook> {
  const wb = new FakeWorkbook({ excelApi });
  wb.addSheet('Sheet1');
  await writePlan(ctx(wb), { sheets: templates(exampleDoc()) });
  wb.syncs = [];
  wb.calculationSuspensions = 0;
  return wb;
}

/** A full build as the task pane runs it, Office's requirement sets answered by the fake. */
function fullBuild(wb: FakeWorkbook) {
  return buildInWorkbook(ctx(wb), TARGETS, async (inputs) => buildFromSheets(inputs, DEFAULT_SETTINGS), {
    inputNames: INPUTS,
    isSetSupported: (set, version) => wb.isSetSupported(set, version),
  });
}

const notesText = (notes: InputError[]) => notes.map((n) => `${n.where}: ${n.message}`).join('\n');

describe('Office.js reader: merged cells and hidden rows (strict fake Excel)', () => {
  it('a merged cell inside RevenueLines is an error at its address, and nothing is written (ExcelApi 1.13)', async () => {
    const wb = await exampleWorkbook('1.13');
    // Row 6: Police Staff Pay & On Costs; E is "Original budget", F "Revised budget".
    assert.equal(wb.cell(REV, 'C6')?.value, 'Police Staff Pay & On Costs');
    wb.merge(REV, 'E6:F6');
    assert.equal(wb.cell(REV, 'F6')?.value, null, "Excel's merge keeps the top-left value only");
    const before = wb.snapshot();
    const out = await fullBuild(wb);
    assert.equal(out.kind, 'errors');
    if (out.kind !== 'errors') return;
    const merged = out.errors.filter((e) => /merged/.test(e.message));
    assert.deepEqual(merged.map((e) => e.where), ["'Revenue input'!E6"]);
    assert.match(merged[0].message, /merged cells \(E6:F6\) in the RevenueLines table: unmerge them/);
    assert.equal(wb.snapshot(), before, 'nothing written');
    assert.equal(wb.syncCount, 2, 'the two reads, no write');
    assert.deepEqual(out.notes, [], 'this Excel checked everything');
  });

  it('finds a merged area that starts outside the used range (Excel lists areas by their top-left cell)', async () => {
    // A RevenueLines table at C5 with nothing else on the sheet: the used range starts at C5, and a
    // blank merged area B7:C7 (Section column, which may be blank) starts left of it.
    const wb = new FakeWorkbook({ excelApi: '1.13' });
    wb.addSheet(REV);
    wb.setValues(REV, [
      REVENUE_LINES.columns,
      ['', '', 'Premises', '', 100, 100, 90],
      ['', '', 'Transport', '', 50, 50, 60],
    ], 'C5');
    wb.merge(REV, 'B7:C7');
    const state = await readWorkbook(ctx(wb), [REV], [], { isSetSupported: (s, v) => wb.isSetSupported(s, v) });
    assert.equal(wb.syncCount, 2);
    assert.deepEqual(state.inputs[0].merged, [{ r0: 6, c0: 1, r1: 6, c1: 2 }]);
    assert.deepEqual(state.inputs[0].hiddenRows, []);
    const errors: InputError[] = [];
    assert.ok(findTable(state.inputs[0], REVENUE_LINES, errors));
    assert.deepEqual(errors.map((e) => e.where), ["'Revenue input'!C7"]);
    assert.match(errors[0].message, /merged cells \(B7:C7\)/);
  });

  it('a hidden row is read like the others and noted at its cell; the tables are the same', async () => {
    const wb = await exampleWorkbook('1.13');
    wb.hideRows(REV, '6');
    const out = await fullBuild(wb);
    assert.equal(out.kind, 'done');
    if (out.kind !== 'done') return;
    assert.equal(wb.syncCount, 3);
    assert.deepEqual(out.notes, []);
    // Row 6 runs through both tables of the sheet, side by side: each notes it at its own first cell.
    assert.deepEqual(out.result.notes, [
      { where: "'Revenue input'!A6", message: 'row 6 of the RevenueLines table is hidden, and read as input like the others' },
      { where: "'Revenue input'!I6", message: 'row 6 of the RevenueBelowTheLine table is hidden, and read as input like the others' },
    ]);
    const direct = buildFromDoc(exampleDoc());
    assert.ok(direct.ok);
    if (direct.ok) assert.deepEqual(out.result.plan.sheets.map((s) => s.cells), direct.plan.sheets.map((s) => s.cells));
    assert.ok(out.result.plan.sheets[0].cells.some((row) => row.some((c) => c?.t === 's' && c.v === 'Police Staff Pay & On Costs')));
  });

  it('costs no sync at any requirement set: 2 to read, 3 for a full build', async () => {
    for (const api of ['1.7', '1.9', '1.13']) {
      const wb = await exampleWorkbook(api);
      wb.hideRows(REV, '6:7');
      const state = await readWorkbook(ctx(wb), INPUTS, TARGETS, { isSetSupported: (s, v) => wb.isSetSupported(s, v) });
      assert.equal(wb.syncCount, 2, `ExcelApi ${api}: reads`);
      assert.equal(state.syncs, 2);
      const rev = state.inputs.find((s) => s.name === REV)!;
      assert.deepEqual(rev.hiddenRows, api === '1.7' ? undefined : [5, 6], `ExcelApi ${api}: hidden rows`);
      assert.deepEqual(rev.merged, api === '1.13' ? [] : undefined, `ExcelApi ${api}: merged areas`);
      wb.syncs = [];
      const out = await fullBuild(wb);
      assert.equal(out.kind, 'done', api);
      assert.equal(wb.syncCount, 3, `ExcelApi ${api}: full build`);
      assert.equal(out.syncs, 3);
    }
  });

  it('an older Excel says what it could not check, in the notes, never silently', async () => {
    // 1.9: hidden rows are located, merged cells cannot be listed.
    const wb9 = await exampleWorkbook('1.9');
    wb9.hideRows(REV, '6');
    const out9 = await fullBuild(wb9);
    assert.equal(out9.kind, 'done');
    if (out9.kind !== 'done') return;
    assert.deepEqual(out9.notes, [{ where: 'Excel', message: MERGED_UNCHECKED }]);
    assert.match(MERGED_UNCHECKED, /ExcelApi 1\.13/);
    assert.deepEqual(out9.result.notes.map((n) => n.where), ["'Revenue input'!A6", "'Revenue input'!I6"]);
    // 1.7 (the add-in's minimum): which rows are hidden is not known without another sync; the
    // sheet is named, and a sheet with no hidden rows gets no note.
    const wb7 = await exampleWorkbook('1.7');
    wb7.hideRows(REV, '6');
    const out7 = await fullBuild(wb7);
    assert.equal(out7.kind, 'done');
    if (out7.kind !== 'done') return;
    assert.equal(out7.notes.length, 2, notesText(out7.notes));
    assert.equal(out7.notes[0].message, MERGED_UNCHECKED);
    assert.equal(out7.notes[1].where, "'Revenue input'!A1");
    assert.match(out7.notes[1].message, /rows of this sheet are hidden, and this version of Excel \(before requirement set ExcelApi 1\.9\) cannot say which/);
    assert.deepEqual(out7.result.notes, []);
    // The guard matters: the fake (as an older Excel) refuses the newer calls at sync.
    const c = new FakeRequestContext(wb9);
    c.workbook.worksheets.getItem(REV).getRange('A1:L24').getMergedAreasOrNullObject().load('areas/items/address');
    await assert.rejects(c.sync(), /ApiNotFound: Range.getMergedAreasOrNullObject needs ExcelApi 1.13; this Excel has 1.9/);
    const c7 = new FakeRequestContext(wb7);
    c7.workbook.worksheets.getItem(REV).getRange('A1:L24').getRowProperties({ rowHidden: true });
    await assert.rejects(c7.sync(), /ApiNotFound: Range.getRowProperties needs ExcelApi 1.9/);
  });

  it('more merged areas than Excel will list: read again without them (one more sync), and say so', async () => {
    const wb = await exampleWorkbook('1.13');
    // 513 merged areas outside the tables, each holding a value (so inside the used range).
    for (let r = 30; r < 30 + 513; r++) {
      wb.setValues(REV, [['note']], `N${r}`);
      wb.merge(REV, `N${r}:O${r}`);
    }
    const out = await fullBuild(wb);
    assert.equal(out.kind, 'done');
    if (out.kind !== 'done') return;
    assert.equal(wb.syncCount, 4, 'names, the failed read, the read without merged areas, the write');
    assert.equal(out.syncs, 4);
    assert.equal(out.notes.length, 1);
    assert.match(out.notes[0].message, /^merged cells were not checked: Excel could not list the merged areas .*GeneralException: 513 merged areas/);
  });
});

describe('the strict fake: merged areas, hidden rows, A1 addresses', () => {
  it('merged areas: unloaded throws, none is a null object, only areas starting in the range, no RangeAreas.address', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('S');
    wb.setValues('S', [['a', 'b', 'c'], ['d', 'e', 'f']]);
    wb.merge('S', 'B1:C2');
    assert.equal(wb.cell('S', 'C2')?.value, null);
    assert.equal(wb.cell('S', 'B1')?.value, 'b');
    assert.throws(() => wb.merge('S', 'C2:D2'), /InvalidOperation: C2:D2 overlaps a merged area/);
    const c = new FakeRequestContext(wb);
    const ws = c.workbook.worksheets.getItem('S');
    const all = ws.getRange('A1:D4').getMergedAreasOrNullObject();
    const inside = ws.getRange('C1:D4').getMergedAreasOrNullObject();
    const none = ws.getRange('A3:D4').getMergedAreasOrNullObject();
    assert.throws(() => all.isNullObject, /PropertyNotLoaded/);
    all.load('areas/items/address,areaCount');
    inside.load('areas/items/address');
    none.load('areas/items/address');
    assert.throws(() => all.areas, /PropertyNotLoaded/);
    await c.sync();
    assert.equal(all.isNullObject, false);
    assert.deepEqual(all.areas.items.map((a) => a.address), ['S!B1:C2']);
    assert.equal(all.areaCount, 1);
    assert.equal(inside.isNullObject, true, 'B1:C2 starts left of C1:D4, and Excel does not list it');
    assert.throws(() => inside.areas, /null object/);
    assert.equal(none.isNullObject, true);
    assert.throws(() => all.address, /office-js#1590/);
    // A method off a null object fails at sync.
    const c2 = new FakeRequestContext(wb);
    const blank = c2.workbook.worksheets.add('Blank');
    const nothing = blank.getUsedRangeOrNullObject(true);
    nothing.getMergedAreasOrNullObject().load('areas/items/address');
    await assert.rejects(c2.sync(), /ItemNotFound: .*null object/);
  });

  it('hidden rows: rowHidden is true, false or null; getRowProperties per row, only after sync', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('S');
    wb.hideRows('S', '3:4');
    assert.throws(() => wb.hideRows('S', 'A3:B4'), /hide whole rows/);
    const c = new FakeRequestContext(wb);
    const ws = c.workbook.worksheets.getItem('S');
    const mixed = ws.getRange('A2:C5').load('rowHidden');
    const all = ws.getRange('A3:A4').load('rowHidden');
    const none = ws.getRange('A1:Z2').load('rowHidden');
    const props = ws.getRange('B2:C5').getRowProperties({ rowHidden: true });
    assert.throws(() => mixed.rowHidden, /PropertyNotLoaded/);
    assert.throws(() => props.value, /PropertyNotLoaded/);
    assert.throws(() => ws.getRange('A1').getRowProperties({ rowHidden: true, format: { rowHeight: true } } as never), /rowHidden only/);
    await c.sync();
    assert.equal(mixed.rowHidden, null);
    assert.equal(all.rowHidden, true);
    assert.equal(none.rowHidden, false);
    assert.deepEqual(props.value.map((p) => p.rowHidden), [false, true, true, false]);
  });

  it('getUsedRange is never a null object (a blank sheet gives A1); getBoundingRect spans both', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Blank');
    wb.addSheet('S');
    wb.setValues('S', [['x']], 'C4');
    const c = new FakeRequestContext(wb);
    const blank = c.workbook.worksheets.getItem('Blank').getUsedRange(true).load('address');
    const s = c.workbook.worksheets.getItem('S');
    const used = s.getUsedRange(true);
    const rect = s.getRange('A1').getBoundingRect(used).load('address');
    await c.sync();
    assert.equal(blank.address, 'Blank!A1');
    assert.equal(rect.address, 'S!A1:C4');
  });

  it('addresses go through the product A1 helpers and back unchanged', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1048575 }), fc.integer({ min: 0, max: 16383 }), fc.nat(50), fc.nat(50), (r, c, h, w) => {
      const b = { r0: r, c0: c, r1: Math.min(r + h, 1048575), c1: Math.min(c + w, 16383) };
      assert.deepEqual(parseAddress(boxAddress(b)), b);
      assert.deepEqual(parseAddress(`'My sheet'!$${boxAddress(b).replace(/:/, ':$')}`), b);
    }));
    assert.deepEqual(parseAddress('b:d'), { r0: 0, c0: 1, r1: 1048575, c1: 3 });
    assert.throws(() => parseAddress('A0'), /InvalidArgument/);
    assert.throws(() => parseAddress('XFE1'), /InvalidArgument/);
  });
});
