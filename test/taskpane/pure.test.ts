// The pure parts of the add-in: the report copy and its display text, text quoting for Excel,
// the pane's copies of plan constants, and the precompiled schema validator.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { textForExcel, widthRuns } from '../../src/excel/cells';
import { gridFromRange } from '../../src/excel/read';
import { displayNumber } from '../../src/excel/report';
import { splitSheetRef } from '../../src/excel/select';
import { alternativeName } from '../../src/excel/ownership';
import { TEMPLATE_SHEETS } from '../../src/format/templates';
import schema from '../../src/format/outturn-v1.schema.json';
import { DEFAULT_SHEET_NAMES } from '../../src/plan/plan';
import { buildFromDoc, inputSheetNames } from '../../src/taskpane/pipeline';
import { templates } from '../../src/taskpane/pipeline-templates';
import { templateSheets } from '../../src/taskpane/pipeline-templates';
import { reportFromSheets } from '../../src/taskpane/pipeline-report';
import { DEFAULT_SETTINGS } from '../../src/taskpane/settings';
import type { InputSheet } from '../../src/format/templates';
import { exampleDoc } from '../support/fakes/scale';

/** The template sheets as a host would read them back: plan cells to typed grid values. */
function asRead(sheets = templates(exampleDoc())): InputSheet[] {
  return sheets.map((s) => ({
    name: s.name,
    values: s.cells.map((row) => row.map((c) => (c === null ? null : c.t === 's' ? c.v : Number(c.v)))),
  }));
}

describe('add-in: pure parts', () => {
  it("the pane's constants equal the plan's and the templates'", () => {
    assert.deepEqual(DEFAULT_SETTINGS.sheetNames, DEFAULT_SHEET_NAMES);
    const inputs = inputSheetNames();
    assert.deepEqual(inputs, ['Outturn settings', 'Revenue input', 'Capital input', 'Reserves input', 'Ledger input', 'MTFP input']);
    for (const n of [...Object.values(TEMPLATE_SHEETS), 'Ledger input', 'MTFP input']) assert.ok(inputs.includes(n), n);
    // every sheet the templates can insert, empty or filled, is one a build reads
    for (const s of [...templates(), ...templates(exampleDoc()), ...templateSheets(false), ...templateSheets(true)]) assert.ok(inputs.includes(s.name), s.name);
  });

  it("the worker's templates chunk gives the templates plan: empty, and filled with the worked example", () => {
    assert.deepEqual(templateSheets(false), templates());
    assert.deepEqual(templateSheets(true), templates(exampleDoc()));
    assert.notDeepEqual(templateSheets(true), templateSheets(false));
  });

  it('shows figures as Excel shows them in the plan formats, rounding half away from zero', () => {
    const cases: [string, Parameters<typeof displayNumber>[1], string][] = [
      ['1234', 'money0', '1,234'],
      ['-1234', 'money0', '(1,234)'],
      ['0', 'money0', '-'],
      ['-0.5', 'money0', '(1)'],
      ['0.5', 'money0', '1'],
      ['1234567.45', 'money1', '1,234,567.5'],
      ['-13605.25', 'money1', '(13,605.3)'],
      ['0.88', 'percent1', '88.0%'],
      ['0.8795', 'percent1', '88.0%'],
      ['-0.0125', 'percent1', '(1.3%)'],
      ['3.25', 'ratio1', '3.3'],
      ['0', 'check', '0'],
      ['-0.004', 'check', '-0.00'],
      ['42.5', undefined, '42.5'],
    ];
    for (const [v, f, want] of cases) assert.equal(displayNumber(v, f), want, `${v} as ${f}`);
  });

  it('quotes text Excel would turn into something else, and only that', () => {
    for (const t of ['=SUM(A1)', '+44', '-', '–', '1', '2020/21', '(1,234)', '12.5%', 'TRUE', '1e5', '3 Jan', 'Mar-21', "'quoted", '12:30']) {
      assert.equal(textForExcel(t), `'${t}`, t);
    }
    for (const t of ['Premises', 'TOTAL DERBYSHIRE POLICE', 'less: Earmarked Covid-19 Funding', 'Sub-Total', '']) assert.equal(textForExcel(t), t, t);
  });

  it('widths in points, equal neighbours merged', () => {
    assert.deepEqual(widthRuns([8.43, 14, 14, 14, 3]), [[0, 0, 48.01], [1, 3, 77.25], [4, 4, 19.5]]);
  });

  it('reads Sheet!A1 references back, quotes and all', () => {
    assert.deepEqual(splitSheetRef("'Table 1 Revenue'!E30"), { sheet: 'Table 1 Revenue', address: 'E30' });
    assert.deepEqual(splitSheetRef("'O''Neil''s'!A1"), { sheet: "O'Neil's", address: 'A1' });
    assert.deepEqual(splitSheetRef('Checks!C7'), { sheet: 'Checks', address: 'C7' });
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[\\/?*[\]:]/.test(s) && !/^'|'$/.test(s)), (name) => {
      const quoted = `'${name.replace(/'/g, "''")}'!B2`;
      assert.deepEqual(splitSheetRef(quoted), { sheet: name, address: 'B2' });
    }));
  });

  it('offers a free sheet name within 31 characters', () => {
    const taken = new Set(['table 2 capital (outturn)']);
    assert.equal(alternativeName('Table 2 Capital', (n) => taken.has(n.toLowerCase())), 'Table 2 Capital (Outturn 2)');
    assert.equal(alternativeName('A'.repeat(31), () => false).length, 31);
  });

  it('grids from a used range keep their place from A1', () => {
    const g = gridFromRange('Sheet1!$C$2:$D$2', [[5, 'x']], [['Double', 'String']]);
    assert.deepEqual(g, [[], [null, null, 5, 'x']]);
  });

  it('the report copy keeps the table and its look, and drops formulas, engine figures and check rows', () => {
    const built = buildFromDoc(exampleDoc());
    assert.ok(built.ok);
    const out = reportFromSheets(asRead(), DEFAULT_SETTINGS, 'revenue');
    assert.ok(out.ok);
    if (!out.ok || !built.ok) return;
    const { sheet, rows } = out.report;
    assert.equal(sheet.name, 'Table 1 Revenue (report)');
    const full = built.plan.sheets[0];
    const flat = sheet.cells.flat();
    assert.ok(!flat.some((c) => c?.t === 'f'));
    assert.ok(!flat.some((c) => c?.t === 's' && /Engine figures|^Check:/.test(c.v)));
    // Every figure of the table is there, as the value its formula gives.
    sheet.cells.forEach((row, r) => row.forEach((c, k) => {
      const orig = full.cells[r][k];
      if (orig?.t === 'f') assert.deepEqual(c, { t: 'n', v: orig.v });
      else if (orig) assert.deepEqual(c, orig.t === 's' ? { t: 's', v: orig.v } : orig);
    }));
    assert.ok(sheet.cells[0].length < full.cells[0].length);
    assert.ok(sheet.styles.some((s) => s.style === 'grand'));
    // Display text: the net underspend line as printed.
    const net = rows.find((r) => /NET UNDERSPEND/i.test(r[0].text));
    assert.ok(net, 'net underspend row');
    assert.ok(net!.some((c) => c.text === '(371,070)' || /^\(\d{1,3}(,\d{3})*\)$/.test(c.text)));
    assert.ok(net!.every((c) => c.bold));
  });

  it('the precompiled validator (no eval) reports what Ajv reports', () => {
    const { writeShim } = require(join(__dirname, '..', '..', 'scripts', 'ajv-standalone.cjs'));
    const file = writeShim(join(__dirname, '..', '..', 'node_modules', '.cache', 'outturn'));
    const Precompiled = require(file);
    const Ajv = require('ajv').default;
    const pre = new Precompiled().compile(schema);
    const rt = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
    const good = exampleDoc();
    const bad = [
      { ...good, revenu: {} },
      { ...good, revenue: { ...good.revenue, units: '$' } },
      { ...good, capital: { ...good.capital, categories: 'x' } },
      { format: 'outturn/v1' },
      null,
    ];
    assert.equal(pre(good), true);
    for (const d of bad) {
      assert.equal(pre(d), rt(d));
      assert.deepEqual(pre.errors, rt.errors);
    }
    assert.throws(() => new Precompiled().compile({ $id: 'other' }), /only the outturn\/v1 schema/);
  });
});
