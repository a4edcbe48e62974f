// The input templates of the forecasting inputs: the worked examples written into templates read
// back to the same tables; an unmapped ledger line is reported at its cell; errors name their cell.
import assert from 'node:assert/strict';
import { build } from '../../src/engine/build';
import { Dec, toSpreadsheetNumber } from '../../src/base/decimal';
import { resultJson } from '../../src/app/result';
import { type GridValue, type InputSheet, readTemplates } from '../../src/format/templates';
import { toModel } from '../../src/format/validate';
import { makePlan, type SheetPlan } from '../../src/plan/plan';
import { templatePlan } from '../../src/plan/templates-plan';
import { InvalidInput } from '../../src/format/errors';
import { check, findings, ledgerDoc, readExample } from '../support/forecast';

/** A sheet plan as a host would read it back: numbers as spreadsheet numbers, text as text. */
function grid(s: SheetPlan): InputSheet {
  const values: GridValue[][] = s.cells.map((row) => row.map((c) => (c === null ? null : c.t === 'n' ? toSpreadsheetNumber(new Dec(c.v)) : c.t === 's' ? c.v : null)));
  return { name: s.name, values };
}
const tables = (model: ReturnType<typeof toModel>) => {
  const r = build(model);
  return resultJson(r, makePlan(r)).tables;
};

describe('forecast: input templates', () => {
  it('the month-6 ledger example through the templates (Ledger input sheet) builds the same tables as the JSON', () => {
    const doc = readExample('derbyshire-2021-22-month6.json');
    const sheets = templatePlan(doc);
    assert.deepEqual(sheets.map((s) => s.name), ['Outturn settings', 'Revenue input', 'Ledger input']);
    const ledgerSheet = sheets.find((s) => s.name === 'Ledger input')!;
    assert.deepEqual(ledgerSheet.excelTables!.map((t) => t.name), ['LedgerLines', 'LedgerMapping', 'LedgerProfiles']);
    const fromTemplates = readTemplates(sheets.map(grid));
    assert.equal(fromTemplates.revenue!.ledger!.lines.length, 10_080);
    assert.equal(fromTemplates.revenue!.ledger!.month, 6);
    assert.deepEqual(tables(fromTemplates), tables(toModel(doc)));
  });

  it('the MTFP and capital example through the templates (MTFP input, CapitalNextYear, CapitalFinancing) builds the same tables', () => {
    const doc = readExample('derbyshire-2020-21-mtfp.json');
    const sheets = templatePlan(doc);
    assert.ok(sheets.some((s) => s.name === 'MTFP input'));
    assert.deepEqual(sheets.find((s) => s.name === 'Capital input')!.excelTables!.map((t) => t.name), ['CapitalLines', 'CapitalNextYear', 'CapitalFinancing']);
    const fromTemplates = readTemplates(sheets.map(grid));
    assert.deepEqual(tables(fromTemplates), tables(toModel(doc)));
  });

  it('an unmapped ledger line is reported at its cell on the Ledger input sheet', () => {
    const doc = ledgerDoc({
      lines: [
        { costCentre: '100', account: '4000', budget: '10', actualToDate: '5' },
        { costCentre: '999', account: '4000', budget: '3', actualToDate: '1' },
      ],
      mapping: [{ heading: 'A', costCentre: '100' }, { heading: 'B', costCentre: '200' }],
    });
    const model = readTemplates(templatePlan(doc).map(grid));
    const r = build(model);
    const f = findings(r, 'ledger.unmapped');
    assert.equal(f.length, 1);
    // the header is on row 3, the first line on row 4: the second line's cost centre is A5
    assert.equal(f[0].source, "'Ledger input'!A5");
    assert.equal(check(r, 'ledger.reconciliation').passed, false);
  });

  it('a typed figure where the ledger gives it, and a bad financing source, are errors at their cells', () => {
    const doc = readExample('derbyshire-2020-21-mtfp.json');
    const sheets = templatePlan({ ...doc, revenue: ledgerDoc({ lines: [{ costCentre: '1', account: '1', budget: '1', actualToDate: '1' }], mapping: [{ heading: 'A', costCentre: '1' }] }).revenue }).map(grid);
    const rev = sheets.find((s) => s.name === 'Revenue input')!;
    rev.values[3][6] = 123; // Outturn of heading A (G4)
    let err: InvalidInput | undefined;
    try { readTemplates(sheets); } catch (e) { err = e as InvalidInput; }
    assert.ok(err instanceof InvalidInput, 'refused');
    assert.ok(err.errors.some((e) => e.where === "'Revenue input'!G4" && /comes from the ledger/.test(e.message)), err.errors.map((e) => `${e.where} ${e.message}`).join('\n'));
    rev.values[3][6] = null;
    const cap = sheets.find((s) => s.name === 'Capital input')!;
    const col = cap.values[2].indexOf('Financing source');
    cap.values[3][col] = 'Lottery';
    err = undefined;
    try { readTemplates(sheets); } catch (e) { err = e as InvalidInput; }
    assert.ok(err instanceof InvalidInput, 'refused');
    assert.deepEqual(err.errors.map((e) => e.where), [`'Capital input'!${String.fromCharCode(65 + col)}4`]);
    assert.match(err.errors[0].message, /the financing source must be Grant, Capital receipts, Revenue, Reserve or Borrowing, not "Lottery"/);
  });

  it('empty templates: the forecasting sheets on request, and they read back as no forecasting input', () => {
    const plain = templatePlan();
    assert.ok(!plain.some((s) => s.name === 'Ledger input'));
    const sheets = templatePlan(undefined, { forecasting: true });
    assert.deepEqual(sheets.map((s) => s.name), ['Outturn settings', 'Revenue input', 'Capital input', 'Ledger input', 'MTFP input', 'Reserves input']);
    let err: InvalidInput | undefined;
    try { readTemplates(sheets.map(grid)); } catch (e) { err = e as InvalidInput; }
    // the empty skeleton lacks revenue and reserve lines, as without the forecasting sheets — nothing about them
    assert.ok(err instanceof InvalidInput);
    assert.ok(err.errors.every((e) => !/Ledger input|MTFP input|Ledger|Mtfp/.test(`${e.where} ${e.message}`)), err.errors.map((e) => `${e.where}: ${e.message}`).join('\n'));
  });
});
