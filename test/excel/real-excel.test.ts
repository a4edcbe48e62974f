/// <reference types="office-js" />
// What real Excel does that the fake hid before issue #12, each with the fix it proves: whole-column
// selections, Excel's read limits (5 MB response, 5,000,000 cells), a mapped range read alone, a
// batch that fails part-way, cell-edit mode, a sync that never returns, hidden and very hidden
// sheets, the reserved name History, 1×1 broadcast of formats, text beginning + or -, and settings
// that fail to save. Each test fails without its fix (the fake models the behaviour; the test
// names what it would have been).
import assert from 'node:assert/strict';
import { readAuditGrid } from '../../src/excel/audit-read';
import { readInBands } from '../../src/excel/bands';
import { saveDocumentSettings } from '../../src/excel/document-settings';
import { buildInWorkbook } from '../../src/excel/flow';
import { readWorkbook } from '../../src/excel/read';
import { CELL_EDIT_MESSAGE, ExcelProblem, type ExcelRun, runExcel } from '../../src/excel/run';
import { HiddenSheet, selectCell } from '../../src/excel/select';
import { EmptySelection, readSelection } from '../../src/excel/selection';
import { WriteIncomplete, writePlan } from '../../src/excel/write';
import { TEMPLATE_SHEETS } from '../../src/format/templates';
import { parseA1 } from '../../src/base/a1';
import type { SheetPlan } from '../../src/plan/plan';
import { buildFromSheets, checkSettings } from '../../src/taskpane/pipeline';
import { templates } from '../../src/taskpane/pipeline-templates';
import { DEFAULT_SETTINGS } from '../../src/taskpane/settings';
import { FakeExcelError, FakeRequestContext, FakeWorkbook, fakeExcelRun } from '../support/fakes/fake-excel';
import { exampleDoc } from '../support/fakes/scale';

const ctx = (wb: FakeWorkbook, o: { delayForCellEdit?: boolean } = {}) => new FakeRequestContext(wb, o) as unknown as Excel.RequestContext;
const TARGETS = Object.values(DEFAULT_SETTINGS.sheetNames);
const INPUTS = Object.values(TEMPLATE_SHEETS);
const runOn = (wb: FakeWorkbook) => fakeExcelRun(wb) as unknown as ExcelRun;
const supported = (wb: FakeWorkbook) => (set: string, v: string) => wb.isSetSupported(set, v);

async function workbookWith(doc: Record<string, unknown>, opts: ConstructorParameters<typeof FakeWorkbook>[0] = {}): Promise<FakeWorkbook> {
  const wb = new FakeWorkbook(opts);
  wb.addSheet('Sheet1');
  await writePlan(ctx(wb), { sheets: templates(doc) });
  wb.syncs = [];
  return wb;
}
const fullBuild = (wb: FakeWorkbook) => buildInWorkbook(ctx(wb), TARGETS, async (inputs) => buildFromSheets(inputs, DEFAULT_SETTINGS), { inputNames: INPUTS });

/** A user's budget book: a header row and `n` lines, columns A:F, from row `at`. */
function budgetBook(wb: FakeWorkbook, sheet: string, n: number, at = 1): void {
  const rows: (string | number)[][] = [['Budget heading', 'Ref', 'Original budget', 'Revised budget', 'Outturn', 'Notes']];
  for (let i = 1; i <= n; i++) rows.push([`Cost centre ${i}`, `CC${i}`, 1000 + i, 1100 + i, 1050 + i, 'a note of some length, as budget books carry']);
  wb.setValues(sheet, rows, `A${at}`);
}

describe('real Excel, modelled: what the fake hid (issue #12)', () => {
  describe('whole-column and whole-row selections (point 3)', () => {
    it('the fake answers as Excel: values null for A:H, and the address "Sheet!A:H"', async () => {
      const wb = new FakeWorkbook();
      budgetBook(wb, 'Book', 5);
      const c = ctx(wb);
      const r = c.workbook.worksheets.getItem('Book').getRange('A:H');
      r.load('address,values');
      await c.sync();
      assert.equal(r.values, null);
      assert.equal(r.address, 'Book!A:H');
    });
    it('"Map a range" on A:H reads the used part only, and only its header row', async () => {
      const wb = new FakeWorkbook();
      budgetBook(wb, 'Book', 40, 3);
      wb.selected = { sheet: 'Book', address: 'A:H' };
      const sel = await readSelection(ctx(wb));
      assert.deepEqual({ sheet: sel.sheet, address: sel.address, rows: sel.rows }, { sheet: 'Book', address: 'A3:F43', rows: 41 });
      assert.deepEqual(sel.headers, ['Budget heading', 'Ref', 'Original budget', 'Revised budget', 'Outturn', 'Notes']);
      // Only the header row came back: far less than the lines.
      const biggest = Math.max(...wb.syncs.map((s) => s.responseBytes ?? 0));
      assert.ok(biggest < 400, `a response of ${biggest} bytes: more than the header row was read`);
    });
    it('"Map a range" on whole rows 3:5 and on an empty selection', async () => {
      const wb = new FakeWorkbook();
      budgetBook(wb, 'Book', 10, 3);
      wb.selected = { sheet: 'Book', address: '3:5' };
      const sel = await readSelection(ctx(wb));
      assert.equal(sel.address, 'A3:F5');
      wb.selected = { sheet: 'Book', address: 'K1:M9' };
      await assert.rejects(readSelection(ctx(wb)), (e: unknown) => e instanceof EmptySelection && /holds nothing/.test(e.message));
    });
    it('"Audit selection" on B:E audits the used part, at its real addresses', async () => {
      const wb = new FakeWorkbook();
      budgetBook(wb, 'Book', 3, 2);
      wb.selected = { sheet: 'Book', address: 'B:E' };
      const grid = await readAuditGrid(ctx(wb), 'selection', false);
      assert.ok(grid);
      assert.equal(grid.sheet, 'Book');
      assert.equal(grid.cells[1][2], 'Original budget');
      assert.equal(grid.cells[2][2], 1001);
      assert.equal(grid.cells[1][0], null, 'column A was not selected');
      assert.equal(grid.cells[1][5] ?? null, null, 'column F was not selected');
    });
  });

  describe("Excel's read limits: 5 MB per response, 5,000,000 cells (point 4)", () => {
    it('the fake refuses a response over its limit and a read of over 5,000,000 cells', async () => {
      const wb = new FakeWorkbook({ maxResponseBytes: 20_000 });
      budgetBook(wb, 'Book', 500);
      const c = ctx(wb);
      c.workbook.worksheets.getItem('Book').getUsedRange(true).load('values');
      await assert.rejects(c.sync(), /ResponsePayloadSizeLimitExceeded/);
      const c2 = ctx(wb);
      c2.workbook.worksheets.getItem('Book').getRange('A1:Z200000').load('values');
      await assert.rejects(c2.sync(), /5000000/);
    });
    it('a large input sheet is read in row bands, every response under the limit, with the same input', async () => {
      const doc = exampleDoc();
      const small = await workbookWith(doc);
      const want = (await readWorkbook(ctx(small), INPUTS)).inputs;
      const wb = await workbookWith(doc, { maxResponseBytes: 6_000 });
      const got = await readWorkbook(ctx(wb), INPUTS, [], { cellsPerBand: 200 });
      assert.deepEqual(got.inputs.map((s) => s.values), want.map((s) => s.values));
      assert.ok(got.syncs > 4, `${got.syncs} syncs`);
      // One attempt is refused (Excel sends nothing), every response actually sent is under the limit.
      const sent = wb.syncs.filter((s) => !s.refused);
      assert.ok(wb.syncs.some((s) => s.refused), 'the one-request read was refused');
      for (const s of sent) assert.ok(s.responseBytes! <= 6_000, `a response of ${s.responseBytes} bytes`);
      assert.ok(!got.notes.some((n) => /merged/.test(n.message) && /could not list/.test(n.message)), 'the size refusal is not blamed on merged cells');
    });
    it('a band Excel still refuses is read again in halves', async () => {
      const wb = new FakeWorkbook({ maxResponseBytes: 3_000 });
      budgetBook(wb, 'Book', 60);
      const read = await readInBands(ctx(wb), 'Book', { r0: 0, c0: 0, r1: 60, c1: 5 }, { cellsPerBand: 10_000 });
      assert.equal(read.values.length, 61);
      assert.equal(read.values[60][0], 'Cost centre 60');
      assert.ok(wb.syncs.some((s) => s.refused), 'a band was refused');
      for (const s of wb.syncs.filter((x) => !x.refused)) assert.ok((s.responseBytes ?? 0) <= 3_000);
    });
    it('a mapped range is read alone, never the rest of the user\'s sheet', async () => {
      const wb = await workbookWith(exampleDoc());
      budgetBook(wb, 'Budget book', 20, 3);
      // Much else on the same sheet, far below and to the right of the mapped range.
      wb.setValues('Budget book', Array.from({ length: 300 }, (_, i) => Array.from({ length: 20 }, (__, j) => `other ${i}-${j} with a long text beside it`)), 'J100');
      wb.syncs = [];
      const state = await readWorkbook(ctx(wb), ['Budget book'], [], { ranges: [{ sheet: 'Budget book', address: 'A3:F23' }] });
      const sheet = state.inputs.find((s) => s.name === 'Budget book')!;
      assert.equal(sheet.values.length, 23);
      assert.equal(sheet.values[3][0], 'Cost centre 1');
      assert.ok(sheet.values.every((row) => row.length <= 6), 'only columns A:F');
      const read = wb.syncs.reduce((n, s) => n + (s.responseBytes ?? 0), 0);
      assert.ok(read < 8_000, `${read} bytes read: more than the mapped range`);
    });
  });

  describe('a failed batch is not "nothing written" (point 5)', () => {
    it('says what was written when Excel refuses a step part-way (the rest of the batch), and it is true', async () => {
      const wb = await workbookWith(exampleDoc());
      wb.failWhen = (op) => (op.o === 'freezeRows' || op.o === 'freezeAt' ? new FakeExcelError('InvalidOperation', 'the sheet is protected') : undefined);
      const err = await fullBuild(wb).then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof WriteIncomplete, String(err));
      assert.match(err.message, /The write stopped part-way, so the workbook is not as it was/);
      assert.match(err.message, /Possibly written, up to the step Excel refused: "Table 1 Revenue" \(created, cells A1:/);
      assert.match(err.message, /build again to replace them/);
      // True: the sheet Excel made before it refused is there, with Outturn's mark.
      assert.ok(wb.sheet('Table 1 Revenue'));
      assert.ok(wb.sheet('Table 1 Revenue')!.names.has('outturn_owned'));
      const shown = await runExcel(async () => { throw err; }, { run: runOn(wb), isSetSupported: supported(wb) }).catch((e: Error) => e.message);
      assert.match(String(shown), /Excel said: Excel refused an operation \(the sheet is protected\)/);
    });
    it('a sheet the user added while the engine ran: the write says what it did before Excel refused', async () => {
      const wb = await workbookWith(exampleDoc());
      const out = await buildInWorkbook(ctx(wb), TARGETS, async (inputs) => {
        wb.addSheet('Checks'); // the user, meanwhile
        return buildFromSheets(inputs, DEFAULT_SETTINGS);
      }, { inputNames: INPUTS }).catch((e: unknown) => e);
      assert.ok(out instanceof WriteIncomplete);
      assert.match(out.message, /ItemAlreadyExists/);
      assert.match(out.message, /"Table 1 Revenue" \(created/);
    });
  });

  describe('cell-edit mode and a sync that never returns (points 6, 11)', () => {
    it('waits for the user to leave the cell (delayForCellEdit, ExcelApi 1.11)', async () => {
      const wb = await workbookWith(exampleDoc());
      wb.cellEditMode = true;
      // Without the option Excel refuses at once…
      await assert.rejects(fullBuild(wb), /InvalidOperationInCellEditMode/);
      assert.equal(wb.cellEditMode, true);
      // …with it (runExcel on ExcelApi 1.11+), Excel waits until the user leaves the cell.
      const out = await runExcel((c) => buildInWorkbook(c, TARGETS, async (inputs) => buildFromSheets(inputs, DEFAULT_SETTINGS), { inputNames: INPUTS }), { run: runOn(wb), isSetSupported: supported(wb) });
      assert.equal(out.kind, 'done');
      assert.equal(wb.cellEditWaits, 1);
    });
    it('before ExcelApi 1.11: says to press Enter, in words, not InvalidOperationInCellEditMode', async () => {
      const wb = await workbookWith(exampleDoc(), { excelApi: '1.9' });
      wb.cellEditMode = true;
      const err = await runExcel((c) => buildInWorkbook(c, TARGETS, async (inputs) => buildFromSheets(inputs, DEFAULT_SETTINGS), { inputNames: INPUTS }), { run: runOn(wb), isSetSupported: supported(wb) }).catch((e: Error) => e);
      assert.ok(err instanceof ExcelProblem);
      assert.equal(err.message, CELL_EDIT_MESSAGE);
    });
    it('gives up after the timeout when a sync never returns, saying the workbook may be changed in part', async () => {
      const wb = await workbookWith(exampleDoc());
      wb.hang = true;
      const t0 = Date.now();
      const err = await runExcel((c) => readWorkbook(c, INPUTS), { run: runOn(wb), isSetSupported: supported(wb), timeoutMs: 50, what: 'the build' }).catch((e: Error) => e);
      assert.ok(err instanceof ExcelProblem);
      assert.match(err.message, /^Excel did not answer within 0 seconds, so the build was stopped\. Excel may still finish it, or may have done part of it/);
      assert.ok(Date.now() - t0 < 5_000);
    });
  });

  describe('hidden sheets and the reserved name History (point 10)', () => {
    for (const hidden of ['Hidden', 'VeryHidden'] as const) {
      it(`rebuilds over its own sheets when the user made them ${hidden}`, async () => {
        const wb = await workbookWith(exampleDoc());
        assert.equal((await fullBuild(wb)).kind, 'done');
        wb.sheet('Table 1 Revenue')!.visibility = hidden;
        wb.sheet('Checks')!.visibility = hidden;
        const out = await fullBuild(wb);
        assert.equal(out.kind, 'done');
        assert.equal(wb.sheet('Table 1 Revenue')!.visibility, 'Visible');
        assert.equal(wb.activeSheet, 'Table 1 Revenue');
      });
    }
    it('"Go to" a cell on a hidden sheet: Outturn\'s own is shown; the user\'s is left hidden, with words', async () => {
      const wb = await workbookWith(exampleDoc());
      await fullBuild(wb);
      wb.sheet('Checks')!.visibility = 'Hidden';
      await selectCell(ctx(wb), "'Checks'!B5");
      assert.equal(wb.selections.at(-1), 'Checks!B5');
      wb.addSheet('Mine').visibility = 'VeryHidden';
      await assert.rejects(selectCell(ctx(wb), 'Mine!A1'), (e: unknown) => e instanceof HiddenSheet && /very hidden/.test(e.message));
      assert.equal(wb.sheet('Mine')!.visibility, 'VeryHidden');
    });
    it('a sheet named History is neither created (nothing written) nor accepted as an output name', async () => {
      const wb = new FakeWorkbook();
      wb.addSheet('Sheet1');
      const before = wb.snapshot();
      const sheet: SheetPlan = { name: 'History', role: 'table', cells: [[{ t: 's', v: 'x' }]], numberFormats: [], styles: [], columnWidths: [10] } as unknown as SheetPlan;
      await assert.rejects(writePlan(ctx(wb), { sheets: [sheet] }), /"History" is a sheet name Excel reserves/);
      assert.equal(wb.snapshot(), before);
      assert.equal(wb.syncs.length, 0, 'refused before anything is sent to Excel');
      const errors = checkSettings({ ...DEFAULT_SETTINGS, sheetNames: { ...DEFAULT_SETTINGS.sheetNames, checks: 'history' } });
      assert.match(JSON.stringify(errors), /Excel reserves/);
      assert.throws(() => wb.addSheet('History'), /reserves/);
    });
  });

  describe('what Excel does with what is written', () => {
    it('a 1×1 number format is broadcast to the whole block: one value per block in the request', async () => {
      const wb = await workbookWith(exampleDoc());
      wb.numberFormatEntriesSent = 0;
      const out = await fullBuild(wb);
      assert.equal(out.kind, 'done');
      if (out.kind !== 'done') return;
      const sheet = out.result.plan.sheets[0];
      const block = sheet.numberFormats.find((f) => f.range.includes(':'))!;
      const [from, to] = block.range.split(':');
      assert.equal(wb.cell(sheet.name, from)?.numberFormat, wb.cell(sheet.name, to)?.numberFormat);
      assert.ok(wb.cell(sheet.name, to)?.numberFormat?.includes('#,##0'));
      // Sent as one value per block, not one per cell.
      const blocks = out.result.plan.sheets.reduce((n, s) => n + s.numberFormats.length, 0);
      const cells = out.result.plan.sheets.flatMap((s) => s.numberFormats).reduce((n, f) => {
        const [a, b = a] = f.range.split(':').map(parseA1);
        return n + (b.r - a.r + 1) * (b.c - a.c + 1);
      }, 0);
      assert.ok(cells > blocks * 3);
      assert.equal(wb.numberFormatEntriesSent, blocks, `${wb.numberFormatEntriesSent} format entries sent for ${blocks} blocks of ${cells} cells`);
    });
    it('text beginning + or - becomes a formula unless quoted; the writer quotes it', async () => {
      const wb = new FakeWorkbook();
      wb.addSheet('S');
      const c = ctx(wb);
      c.workbook.worksheets.getItem('S').getRange('A1:B1').formulas = [['- Transfers to reserves', "'+ Adjustments"]];
      await c.sync();
      assert.equal(wb.cell('S', 'A1')?.formula, '=- Transfers to reserves');
      assert.equal(wb.cell('S', 'B1')?.value, '+ Adjustments');
      const plan: SheetPlan = { name: 'T', role: 'table', cells: [[{ t: 's', v: '- Transfers to reserves' }, { t: 's', v: '+ Adjustments' }]], numberFormats: [], styles: [], columnWidths: [10, 10] } as unknown as SheetPlan;
      await writePlan(ctx(wb), { sheets: [plan] });
      assert.equal(wb.cell('T', 'A1')?.value, '- Transfers to reserves');
      assert.equal(wb.cell('T', 'A1')?.formula, undefined);
      assert.equal(wb.cell('T', 'B1')?.value, '+ Adjustments');
    });
  });

  describe('settings that fail to save (point 9)', () => {
    const settings = (status: 'succeeded' | 'failed') => {
      const kept = new Map<string, unknown>();
      return {
        kept,
        set: (k: string, v: unknown) => kept.set(k, v),
        saveAsync: (cb: (r: { status: string; error?: { name: string; message: string } }) => void) => setTimeout(() => cb(status === 'failed' ? { status, error: { name: 'Permission Denied', message: 'the document is read-only' } } : { status }), 0),
      };
    };
    it('says they were not saved, and why, when saveAsync fails; saved otherwise', async () => {
      const bad = settings('failed');
      const out = await saveDocumentSettings(bad as unknown as Office.Settings, { 'outturn.settings': { rounding: 'sum-of-rounded' } });
      assert.deepEqual(out, { ok: false, message: 'Excel could not save them (Permission Denied: the document is read-only); they apply until the pane is closed' });
      assert.deepEqual(await saveDocumentSettings(settings('succeeded') as unknown as Office.Settings, { k: 1 }), { ok: true });
      assert.equal((await saveDocumentSettings(undefined, { k: 1 })).ok, false);
    });
  });
});
