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

  it('the forecast month, a profile weight and an MTFP year, each held to its rule by the reader at its cell: 13, -1 and "next year" refused; "6" and "6.0" as text read as month 6', () => {
    const doc = ledgerDoc({
      month: 6,
      lines: [{ costCentre: '100', account: '4000', budget: '10', actualToDate: '5' }],
      mapping: [{ heading: 'A', costCentre: '100' }],
      profiles: [{ heading: 'A', weights: ['1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1'] }],
    });
    const refused = (sheets: InputSheet[]) => {
      try {
        readTemplates(sheets);
      } catch (e) {
        return (e as InvalidInput).errors;
      }
      return [];
    };
    const monthCell = (ss: InputSheet[]) => {
      const s = ss.find((x) => x.name === 'Outturn settings')!;
      const r = s.values.findIndex((row) => row?.[0] === 'Forecast month');
      return { s, r, where: `'Outturn settings'!B${r + 1}` };
    };
    for (const typed of ['6', '6.0']) {
      const ss = templatePlan(doc).map(grid);
      const { s, r } = monthCell(ss);
      s.values[r][1] = typed;
      assert.equal(readTemplates(ss).revenue!.ledger!.month, 6);
    }
    let ss = templatePlan(doc).map(grid);
    const { s, r, where } = monthCell(ss);
    s.values[r][1] = 13;
    assert.deepEqual(refused(ss), [{ where, message: 'the forecast month must be a month of the financial year, 1 (April) to 12 (March), not "13"' }]);
    ss = templatePlan(doc).map(grid);
    const ledger = ss.find((x) => x.name === 'Ledger input')!;
    const pr = ledger.values.findIndex((row) => row?.includes('Profile heading'));
    const jun = ledger.values[pr].indexOf('Jun');
    ledger.values[pr + 1][jun] = -1;
    assert.deepEqual(refused(ss), [{ where: `'Ledger input'!${String.fromCharCode(65 + jun)}${pr + 2}`, message: 'the Jun weight must be a number of 0 or more, such as 1 or 8.5 (not "-1")' }]);

    const mtfp = templatePlan(readExample('derbyshire-2020-21-mtfp.json')).map(grid);
    const m = mtfp.find((x) => x.name === 'MTFP input')!;
    const hr = m.values.findIndex((row) => row?.[0] === 'Year');
    m.values[hr + 1][0] = 'next year';
    assert.deepEqual(refused(mtfp), [{ where: `'MTFP input'!A${hr + 2}`, message: 'write the year as 2024/25 (not "next year")' }]);
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
