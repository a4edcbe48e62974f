/// <reference types="office-js" />
// The Office.js host against a strict fake of Excel: syncs per build, request sizes, chunking,
// ownership, input errors, and the values written cell by cell.
import assert from 'node:assert/strict';
import { Dec, fromSpreadsheetNumber } from '../../src/base/decimal';
import { buildInWorkbook } from '../../src/excel/flow';
import { OWNER_NAME } from '../../src/excel/ownership';
import { gridFromRange, readInputSheets, readWorkbook } from '../../src/excel/read';
import { writePlan } from '../../src/excel/write';
import { a1 } from '../../src/base/a1';
import type { SheetPlan } from '../../src/plan/plan';
import { NUMBER_FORMATS } from '../../src/plan/styles';
import { TEMPLATE_SHEETS } from '../../src/format/templates';
import { buildFromDoc, buildFromSheets } from '../../src/taskpane/pipeline';
import { templates } from '../../src/taskpane/pipeline-templates';
import { DEFAULT_SETTINGS } from '../../src/taskpane/settings';
import { FakeRequestContext, FakeWorkbook, fakeExcelRun } from '../support/fakes/fake-excel';
import { exampleDoc, scaledDoc } from '../support/fakes/scale';

const ctx = (wb: FakeWorkbook) => new FakeRequestContext(wb) as unknown as Excel.RequestContext;
const TARGETS = Object.values(DEFAULT_SETTINGS.sheetNames);
const INPUTS = Object.values(TEMPLATE_SHEETS);

/** A workbook holding the input templates filled with `doc`, as "Load the worked example" leaves it. */
async function workbookWith(doc: Record<string, unknown>, opts: { maxRequestBytes?: number } = {}): Promise<FakeWorkbook> {
  const wb = new FakeWorkbook(opts);
  wb.addSheet('Sheet1');
  await writePlan(ctx(wb), { sheets: templates(doc) }, { maxRequestBytes: opts.maxRequestBytes });
  wb.syncs = [];
  wb.calculationSuspensions = 0;
  return wb;
}

async function fullBuild(wb: FakeWorkbook, maxRequestBytes?: number) {
  const out = await buildInWorkbook(ctx(wb), TARGETS, async (inputs) => buildFromSheets(inputs, DEFAULT_SETTINGS), { maxRequestBytes, inputNames: INPUTS });
  return out;
}

/** Every cell of the plan is in the workbook as planned: text, exact number, formula, format. */
function assertWritten(wb: FakeWorkbook, sheet: SheetPlan): number {
  let n = 0;
  sheet.cells.forEach((row, r) => row.forEach((cell, c) => {
    const got = wb.cell(sheet.name, a1(r, c));
    const where = `${sheet.name}!${a1(r, c)}`;
    if (cell === null) {
      assert.ok(!got || (got.value === null && got.formula === undefined), `${where} should be blank`);
      return;
    }
    assert.ok(got, `${where} missing`);
    assert.equal(got.error, undefined, `${where}: Excel would have converted the text ${JSON.stringify(got.error)}`);
    if (cell.t === 's') assert.equal(got.value, cell.v, where);
    else if (cell.t === 'n') {
      assert.equal(typeof got.value, 'number', where);
      assert.ok(fromSpreadsheetNumber(got.value as number).eq(new Dec(cell.v)), `${where}: ${got.value} is not ${cell.v}`);
    } else assert.equal(got.formula, cell.f, where);
    n++;
  }));
  for (const { range, format } of sheet.numberFormats) {
    const from = range.split(':')[0];
    assert.equal(wb.cell(sheet.name, from)?.numberFormat, NUMBER_FORMATS[format], `${sheet.name}!${from} format`);
  }
  return n;
}

describe('Office.js host (strict fake Excel)', () => {
  it('reads the templates back into the same input: used ranges become grids from A1, errors stay errors', () => {
    const g = gridFromRange("'Revenue input'!B3:C4", [[1, 'x'], ['', '#REF!']], [['Double', 'String'], ['Empty', 'Error']]);
    assert.deepEqual(g, [[], [], [null, 1, 'x'], [null, null, { error: '#REF!' }]]);
  });

  it('builds the worked example in 3 syncs (2 reads, 1 write), every cell as planned', async () => {
    const wb = await workbookWith(exampleDoc());
    wb.addSheet('My notes');
    wb.setValues('My notes', [['keep me', 42]]);
    const before = JSON.stringify([...wb.sheet('My notes')!.cells]);
    const out = await fullBuild(wb);
    assert.equal(out.kind, 'done');
    if (out.kind !== 'done') return;
    assert.equal(wb.syncCount, 3);
    assert.equal(out.syncs, 3);
    assert.equal(out.write.requests.length, 1);
    assert.ok(wb.syncs.every((s) => s.bytes < 4_000_000));
    assert.equal(wb.calculationSuspensions, 1);
    const plan = out.result.plan;
    assert.deepEqual(plan.sheets.map((s) => s.name), ['Table 1 Revenue', 'Table 2 Capital', 'Table 3 Reserves', 'Checks']);
    let cells = 0;
    for (const s of plan.sheets) {
      cells += assertWritten(wb, s);
      assert.ok(wb.sheet(s.name)!.names.has(OWNER_NAME.toLowerCase()), `${s.name} is marked`);
      assert.equal(wb.sheet(s.name)!.names.get(OWNER_NAME.toLowerCase())!.visible, false);
    }
    assert.equal(cells, out.write.cells);
    // The same result the CLI's plan gives from the JSON (the templates round-trip the example).
    const direct = buildFromDoc(exampleDoc());
    assert.ok(direct.ok);
    if (direct.ok) assert.deepEqual(plan.sheets.map((s) => s.cells), direct.plan.sheets.map((s) => s.cells));
    assert.equal(JSON.stringify([...wb.sheet('My notes')!.cells]), before);
    // Styles, widths, freeze, links as the plan says.
    const rev = plan.sheets[0];
    const total = rev.styles.find((s) => s.style === 'grand')!;
    const cell = wb.cell(rev.name, total.range.split(':')[0])!;
    assert.equal(cell.font?.bold, true);
    assert.equal(cell.borders?.bottom?.style, 'Double');
    assert.equal(cell.borders?.top?.style, 'Continuous');
    assert.deepEqual(wb.sheet(rev.name)!.freeze, rev.freeze);
    assert.equal(wb.sheet(rev.name)!.columnWidths.get(0), Math.round((rev.columnWidths[0] * 7 + 5) * 0.75 * 100) / 100);
    const checks = plan.sheets[3];
    // A long message on the Checks sheet wraps, its row as tall as the file writer makes it (issue 15:
    // unwrapped, LibreOffice printed it running into the Expected figure beside it).
    const tall = checks.rowHeights ?? [];
    assert.ok(tall.length >= 1, 'the worked example has a message longer than its column');
    for (const { row, height } of tall) {
      assert.equal(wb.sheet(checks.name)!.rowHeights.get(row), height);
      assert.equal((wb.cell(checks.name, a1(row, 4)) as { wrapText?: boolean } | undefined)?.wrapText, true);
    }
    const linked = checks.cells.flatMap((row, r) => row.map((c, k) => ({ c, r, k }))).filter((x) => x.c?.t === 's' && x.c.link);
    assert.ok(linked.length >= 3);
    for (const { c, r, k } of linked) assert.equal(wb.cell(checks.name, a1(r, k))?.hyperlink?.documentReference, (c as { link: string }).link);
    console.log(`      worked example: ${wb.syncCount} syncs; request bytes ${wb.syncs.map((s) => s.bytes).join(', ')}; ${cells} cells`);
  });

  it('builds a 100× larger input in the same 3 syncs, each request under 4 MB', async () => {
    const wb = await workbookWith(scaledDoc(100));
    const out = await fullBuild(wb);
    assert.equal(out.kind, 'done');
    if (out.kind !== 'done') return;
    assert.equal(wb.syncCount, 3);
    assert.ok(wb.syncs.every((s) => s.bytes < 4_000_000));
    assert.ok(out.result.plan.sheets[0].cells.length > 2000);
    for (const s of out.result.plan.sheets) assertWritten(wb, s);
    console.log(`      100× input: ${wb.syncCount} syncs; request bytes ${wb.syncs.map((s) => s.bytes).join(', ')}; ${out.write.cells} cells`);
  });

  it('splits the write into several requests above the limit, each under it, with the same cells', async () => {
    const limit = 60_000; // number formats are one value per block (Excel broadcasts a 1×1 array), so the plan is small
    const wb = await workbookWith(scaledDoc(3), { maxRequestBytes: limit });
    const out = await fullBuild(wb, limit);
    assert.equal(out.kind, 'done');
    if (out.kind !== 'done') return;
    assert.ok(out.write.requests.length > 1, `expected several write requests, got ${out.write.requests.length}`);
    assert.equal(wb.syncCount, 2 + out.write.requests.length);
    for (const s of wb.syncs) assert.ok(s.bytes <= limit, `a request of ${s.bytes} bytes is over ${limit}`);
    assert.equal(wb.calculationSuspensions, out.write.requests.length);
    for (const s of out.result.plan.sheets) assertWritten(wb, s);
    // The writer's own estimate of each request is never below what was sent.
    wb.syncs.slice(2).forEach((s, i) => assert.ok(out.write.requests[i] >= s.bytes, `estimate ${out.write.requests[i]} < sent ${s.bytes}`));
  });

  it('the fake refuses a request over its limit (so the chunking test above means something)', async () => {
    const wb = new FakeWorkbook({ maxRequestBytes: 50_000 });
    wb.addSheet('Sheet1');
    const built = buildFromDoc(scaledDoc(3));
    assert.ok(built.ok);
    if (!built.ok) return;
    await assert.rejects(writePlan(ctx(wb), built.plan, { maxRequestBytes: 10_000_000 }), /RequestPayloadSizeLimitExceeded/);
  });

  it('rebuilds over its own sheets in 3 syncs, leaving no stale cells', async () => {
    const wb = await workbookWith(exampleDoc());
    await fullBuild(wb);
    wb.setValues('Table 1 Revenue', [['stale']], 'Z99');
    wb.syncs = [];
    const out = await fullBuild(wb);
    assert.equal(out.kind, 'done');
    assert.equal(wb.syncCount, 3);
    assert.equal(wb.cell('Table 1 Revenue', 'Z99'), undefined);
    if (out.kind === 'done') for (const s of out.result.plan.sheets) assertWritten(wb, s);
  });

  it("never touches a same-named sheet of the user's: nothing is written, and another name is offered", async () => {
    const wb = await workbookWith(exampleDoc());
    wb.setValues('Table 2 Capital', [['my own capital working', 123.45]]);
    const before = wb.snapshot();
    const out = await fullBuild(wb);
    assert.equal(out.kind, 'conflict');
    if (out.kind !== 'conflict') return;
    assert.deepEqual(out.sheets, ['Table 2 Capital']);
    assert.equal(out.suggestions['Table 2 Capital'], 'Table 2 Capital (Outturn)');
    assert.equal(wb.snapshot(), before);
    assert.equal(wb.syncCount, 2, 'only the two reads ran');
    assert.ok(wb.syncs.every((s) => s.bytes < 5000), 'and they were reads');
    // With the offered name in the settings, the build goes ahead and still leaves the user's sheet alone.
    const settings = { ...DEFAULT_SETTINGS, sheetNames: { ...DEFAULT_SETTINGS.sheetNames, capital: out.suggestions['Table 2 Capital'] } };
    const again = await buildInWorkbook(ctx(wb), Object.values(settings.sheetNames), async (inputs) => buildFromSheets(inputs, settings), { inputNames: INPUTS });
    assert.equal(again.kind, 'done');
    assert.equal(wb.cell('Table 2 Capital', 'A1')?.value, 'my own capital working');
    assert.equal(wb.cell('Table 2 Capital', 'B1')?.value, 123.45);
    assert.match(String(wb.cell('Table 2 Capital (Outturn)', 'A1')?.value), /^Table 2: /);
  });

  it('reports a bad input cell by its address and writes nothing', async () => {
    const wb = await workbookWith(exampleDoc());
    // Revenue input: header on row 3, first line on row 4; E is "Original budget".
    assert.equal(wb.cell('Revenue input', 'E3')?.value, 'Original budget');
    wb.setValues('Revenue input', [['12,34x']], 'E5');
    wb.setValues('Capital input', [[{ error: '#REF!' }]], 'G4');
    const before = wb.snapshot();
    const out = await fullBuild(wb);
    assert.equal(out.kind, 'errors');
    if (out.kind !== 'errors') return;
    const where = out.errors.map((e) => e.where);
    assert.ok(where.includes("'Revenue input'!E5"), where.join('; '));
    assert.ok(where.includes("'Capital input'!G4"), where.join('; '));
    assert.match(out.errors.find((e) => e.where === "'Capital input'!G4")!.message, /#REF!/);
    assert.equal(wb.snapshot(), before);
    assert.equal(wb.syncCount, 2, 'two reads, no write');
  });

  it('inserting templates refuses to replace filled templates unless asked', async () => {
    const wb = await workbookWith(exampleDoc());
    const sheets = templates();
    const before = wb.snapshot();
    const out = await buildInWorkbook(ctx(wb), sheets.map((s) => s.name), async () => ({ ok: true as const, plan: { sheets } }), { replaceOwned: false });
    assert.equal(out.kind, 'exists');
    assert.equal(wb.snapshot(), before);
    const replaced = await buildInWorkbook(ctx(wb), sheets.map((s) => s.name), async () => ({ ok: true as const, plan: { sheets } }), { replaceOwned: true });
    assert.equal(replaced.kind, 'done');
    assert.deepEqual(wb.sheet('Revenue input')!.tables.map((t) => t.name).sort(), ['RevenueBelowTheLine', 'RevenueLines']);
  });

  it('reads the input sheets in two syncs and needs every property loaded first', async () => {
    const wb = await workbookWith(exampleDoc());
    const inputs = await readInputSheets(ctx(wb), INPUTS);
    assert.equal(wb.syncCount, 2);
    assert.deepEqual(inputs.map((s) => s.name).sort(), ['Capital input', 'Outturn settings', 'Reserves input', 'Revenue input']);
    const c = new FakeRequestContext(wb);
    const r = c.workbook.worksheets.getItem('Revenue input').getRange('A1');
    assert.throws(() => r.values, /PropertyNotLoaded/);
    r.load('values');
    assert.throws(() => r.values, /PropertyNotLoaded/);
    await c.sync();
    assert.deepEqual(r.values, [['Revenue input']]);
  });

  it('the fake checks array shapes against the range, as Excel does', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('S');
    const c = new FakeRequestContext(wb);
    c.workbook.worksheets.getItem('S').getRange('A1:B2').formulas = [[1, 2, 3]];
    await assert.rejects(c.sync(), /InvalidArgument/);
    await assert.rejects(fakeExcelRun(wb)(async (k) => { k.workbook.worksheets.getItem('S').getRange('A1').formulas = [[1]]; }), /never synced/);
  });

  it('reads what it wrote: a build from the read-back sheets equals the build from the JSON', async () => {
    const wb = await workbookWith(exampleDoc());
    const state = await readWorkbook(ctx(wb), INPUTS, TARGETS);
    assert.ok([...state.targets.values()].every((t) => t === 'absent'));
    const a = buildFromSheets(state.inputs);
    const b = buildFromDoc(exampleDoc());
    assert.ok(a.ok && b.ok);
    if (a.ok && b.ok) assert.deepEqual(a.plan.findings.map((f) => f.message), b.plan.findings.map((f) => f.message));
  });
});
