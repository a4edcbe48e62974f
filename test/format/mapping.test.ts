// "Map a range": the user's own range read as the RevenueLines table. Column order, extra columns,
// a missing required column and a bad cell, each located in the user's sheet; the worked example's
// lines in a budget-book layout build the same tables as the template.
import assert from 'node:assert/strict';
import type { InputError } from '../../src/format/errors';
import { applyMapping, guessMapping, type MappableTable, mappableColumns, parseMappings, rangeColumns, type RangeMapping, reserveYearsFrom, SETTINGS_SHEET } from '../../src/format/mapping';
import { CAPITAL_LINES, findTable, type GridValue, REVENUE_BELOW_LINE, REVENUE_LINES, readTemplates, reserveLinesTable, TEMPLATE_SHEETS, type TemplateTable } from '../../src/format/templates';
import { a1 } from '../../src/base/a1';
import { InvalidInput } from '../../src/format/errors';
import { buildFromDoc, buildFromSheets } from '../../src/taskpane/pipeline';
import { DEFAULT_SETTINGS } from '../../src/taskpane/settings';
import { exampleDoc } from '../support/fakes/scale';
import { asRead, BOOK_HEADERS, BOOK_ORDER, budgetBook, ownRange } from '../support/mapped-book';

const mappingFor = (address: string, headers: GridValue[]): RangeMapping => ({ table: 'RevenueLines', sheet: 'Budget book', address, columns: guessMapping(REVENUE_LINES, headers) });

describe('Map a range: the pure mapping', () => {
  it('guesses each template column by its header, case-insensitively; lists the range columns by letter', () => {
    assert.deepEqual(guessMapping(REVENUE_LINES, BOOK_HEADERS), {
      Section: 6, 'Sub-total label': 7, 'Budget heading': 1, Ref: 8, 'Original budget': 5, 'Revised budget': 4, Outturn: 3,
    });
    assert.deepEqual(guessMapping(REVENUE_LINES, ['Heading', 'Budget']), {});
    assert.deepEqual(mappableColumns('RevenueLines'), REVENUE_LINES.columns, "the pane's copy of the columns");
    assert.deepEqual(mappableColumns('RevenueBelowTheLine'), REVENUE_BELOW_LINE.columns);
    assert.deepEqual(mappableColumns('CapitalLines'), CAPITAL_LINES.columns);
    assert.deepEqual(mappableColumns('ReserveLines', ['2020/21', '2021/22']), reserveLinesTable(['2020/21', '2021/22']).columns);
    assert.equal(SETTINGS_SHEET, TEMPLATE_SHEETS.settings);
    // The pane's form reads Reserve years off the settings sheet as the reader does.
    const settings = asRead().find((s) => s.name === TEMPLATE_SHEETS.settings)!;
    assert.deepEqual(reserveYearsFrom(settings.values), exampleDoc().reserves.years);
    assert.deepEqual(reserveYearsFrom([[null, ' reserve YEARS ', '2020/21; 2021/22  2022/23']]), ['2020/21', '2021/22', '2022/23']);
    assert.deepEqual(reserveYearsFrom([['Reserve years', null]]), []);
    assert.deepEqual(reserveYearsFrom([]), []);
    assert.deepEqual(rangeColumns(['Cost centre', null, ' Outturn '], 1), ['B: Cost centre', 'C', 'D: Outturn']);
  });

  it('reorders the columns, ignores the extra ones, skips blank rows, and keeps the real rows', () => {
    const { sheet, address, rows } = budgetBook();
    const errors: InputError[] = [];
    const t = applyMapping(sheet, mappingFor(address, BOOK_HEADERS), REVENUE_LINES, errors)!;
    assert.deepEqual(errors, []);
    assert.equal(t.headerRow, 2);
    assert.equal(t.col0, 1);
    // Section H, Sub-total I, Budget heading C, Ref J, Original G, Revised F, Outturn E
    // (and Income, Directorate and its sub-total label, optional columns of issue 11, not in the range: -1)
    assert.deepEqual(t.cols, [7, 8, 2, 9, 6, 5, 4, -1, -1, -1]);
    const lines = rows.slice(1).filter((r) => r.some((v) => v !== null));
    assert.equal(t.rows.length, lines.length);
    assert.ok(t.rows.length > 5);
    assert.deepEqual(t.rows[0].cells, [...BOOK_ORDER.map((k) => lines[0][k]), null, null, null]);
    assert.ok(t.rows.every((r) => !r.cells.includes('see note') && !r.cells.some((v) => typeof v === 'string' && v.startsWith('CC'))), 'extra columns ignored');
    // The rows are the sheet's own rows (blank spacer rows skipped).
    for (const r of t.rows) assert.equal(sheet.values[r.r][2], r.cells[2]);
  });

  it('a required column left unmapped is an error at the header row of the range', () => {
    const { sheet, address } = budgetBook();
    const m = mappingFor(address, BOOK_HEADERS);
    delete m.columns.Outturn;
    delete m.columns['Revised budget'];
    const errors: InputError[] = [];
    assert.equal(applyMapping(sheet, m, REVENUE_LINES, errors), undefined);
    assert.deepEqual(errors, [{ where: "'Budget book'!B3", message: `the range ${address} mapped as RevenueLines has no column for "Revised budget", "Outturn": map them to a column of the range` }]);
    // Optional columns may be left out: read as blank.
    const m2 = mappingFor(address, BOOK_HEADERS);
    delete m2.columns.Ref;
    const t = applyMapping(sheet, m2, REVENUE_LINES, [])!;
    assert.equal(t.cols[3], -1);
    assert.ok(t.rows.every((r) => r.cells[3] === null));
    // A column outside the range (the range shrank since it was mapped).
    const errs: InputError[] = [];
    applyMapping(sheet, { ...m2, columns: { ...m2.columns, Outturn: 12 } }, REVENUE_LINES, errs);
    assert.match(errs[0].message, /"Outturn" in column 13 of B3:J\d+, which has 9 columns/);
    assert.equal(errs[0].where, "'Budget book'!B3");
  });

  it('a bad cell is reported at its real address in the user\'s sheet, through the whole reader', () => {
    const inputs = asRead();
    const { sheet, address } = budgetBook(inputs);
    // Row 4 is the first line; the book's "revised budget" is its column F.
    assert.equal(sheet.values[2][5], 'revised budget');
    sheet.values[3][5] = 'twelve';
    sheet.values[4][4] = { error: '#REF!' };
    try {
      readTemplates([...inputs, sheet], 'workbook', [], [mappingFor(address, BOOK_HEADERS)]);
      assert.fail('should throw');
    } catch (e) {
      assert.ok(e instanceof InvalidInput);
      assert.deepEqual(e.errors, [
        { where: "'Budget book'!F4", message: '"twelve" is not an amount (write 1234.56, 1,234, (1,234), £1,234.56, - or leave blank)' },
        { where: "'Budget book'!E5", message: 'holds the error #REF!; enter a number' },
      ]);
    }
  });

  it('a merged cell in the mapped columns is an error at its cell; a hidden row is noted', () => {
    const { sheet, address } = budgetBook();
    const errors: InputError[] = [];
    const notes: InputError[] = [];
    applyMapping({ ...sheet, merged: [{ r0: 5, c0: 4, r1: 5, c1: 5 }], hiddenRows: [3] }, mappingFor(address, BOOK_HEADERS), REVENUE_LINES, errors, notes);
    assert.deepEqual(errors.map((e) => e.where), ["'Budget book'!E6"]);
    assert.match(errors[0].message, /merged cells \(E6:F6\) in the range mapped as RevenueLines/);
    assert.deepEqual(notes.map((n) => n.where), ["'Budget book'!C4"]);
  });

  it('the mapped range builds the same tables as the template table, instead of it', () => {
    const inputs = asRead();
    const { sheet, address } = budgetBook(inputs);
    // Spoil the template's own RevenueLines figures: the mapped range is read instead.
    const rev = inputs.find((s) => s.name === TEMPLATE_SHEETS.revenue)!;
    const f = findTable(rev, REVENUE_LINES, [])!;
    for (const r of f.rows) for (const c of [4, 5, 6]) rev.values[r.r][f.col0 + c] = 999;
    const out = buildFromSheets([...inputs, sheet], { ...DEFAULT_SETTINGS, mappings: [mappingFor(address, BOOK_HEADERS)] });
    const direct = buildFromDoc(exampleDoc());
    assert.ok(out.ok && direct.ok, JSON.stringify(out.ok ? '' : out.errors.slice(0, 3)));
    if (!out.ok || !direct.ok) return;
    assert.deepEqual(out.plan.sheets.map((s) => s.cells), direct.plan.sheets.map((s) => s.cells));
    assert.deepEqual(out.notes.map((n) => n.where), ["'Budget book'!B3"]);
    assert.match(out.notes[0].message, /^the RevenueLines input is read from your mapped range 'Budget book'!B3:J\d+ \(\d+ lines\)$/);
    // Without the mapping the spoiled template is read (the test would catch the mapping being ignored).
    const spoiled = buildFromSheets([...inputs, sheet]);
    assert.ok(spoiled.ok);
    if (spoiled.ok) assert.notDeepEqual(spoiled.plan.sheets[0].cells, direct.plan.sheets[0].cells);
  });

  it('the mapped sheet gone is an error naming it; saved mappings are checked when loaded', () => {
    const inputs = asRead();
    const { address } = budgetBook(inputs);
    assert.throws(() => readTemplates(inputs, 'workbook', [], [mappingFor(address, BOOK_HEADERS)]), (e: unknown) => {
      assert.ok(e instanceof InvalidInput);
      assert.deepEqual(e.errors.map((x) => x.where), ["'Budget book'!B3"]);
      assert.match(e.errors[0].message, /the sheet "Budget book" holding the range mapped as RevenueLines is not in the workbook/);
      return true;
    });
    const good = mappingFor(address, BOOK_HEADERS);
    assert.deepEqual(parseMappings([good, { ...good, table: 'Nope' }, { ...good, address: 'A1:=B2' }, { ...good, columns: { Outturn: -1 } }, null]), [good]);
    assert.deepEqual(parseMappings('x'), []);
  });
});

const YEARS: string[] = exampleDoc().reserves.years;
/** the other mappable tables: each one's template, and the column a bad cell goes in (one every line reads) */
const OTHERS: { table: TemplateTable; bad: string }[] = [
  { table: REVENUE_BELOW_LINE, bad: 'Amount' },
  { table: CAPITAL_LINES, bad: 'Outturn' },
  { table: reserveLinesTable(YEARS), bad: `Transfers ${YEARS[1]}` },
];

for (const { table, bad } of OTHERS) {
  describe(`Map a range: the pure mapping of ${table.name}`, () => {
    const SHEET = `My ${table.name}`;
    const mapping = (address: string, headers: GridValue[]): RangeMapping => ({ table: table.name as MappableTable, sheet: SHEET, address, columns: guessMapping(table, headers) });

    it('reorders the columns by their headers, ignores the extra one, skips the blank row', () => {
      const { sheet, address, headers, order, lines } = ownRange(table, SHEET);
      assert.deepEqual(mappableColumns(table.name as MappableTable, YEARS), table.columns);
      const m = mapping(address, headers);
      assert.deepEqual(m.columns, Object.fromEntries(table.columns.map((c, j) => [c, order[j]])));
      const errors: InputError[] = [];
      const t = applyMapping(sheet, m, table, errors)!;
      assert.deepEqual(errors, []);
      assert.deepEqual(t.cols, order.map((k) => 1 + k));
      assert.equal(t.rows.length, lines.length);
      assert.deepEqual(t.rows.map((r) => r.r), [3, ...lines.slice(1).map((_, i) => 5 + i)]);
      assert.deepEqual(t.rows.map((r) => r.cells), lines.map((l) => order.map((k) => l[k])));
    });

    it('a required column left unmapped is an error at the range\'s header row', () => {
      const { sheet, address, headers } = ownRange(table, SHEET);
      const m = mapping(address, headers);
      delete m.columns[bad];
      const errors: InputError[] = [];
      assert.equal(applyMapping(sheet, m, table, errors), undefined);
      assert.deepEqual(errors, [{ where: `'${SHEET}'!B3`, message: `the range ${address} mapped as ${table.name} has no column for "${bad}": map it to a column of the range` }]);
    });

    it('a bad cell is reported at its real address in the user\'s sheet, through the whole reader', () => {
      const inputs = asRead();
      const { sheet, address, headers, order } = ownRange(table, SHEET, inputs);
      // The second line sits below the blank row (sheet row 6); the bad column is where the user put it.
      const c = 1 + order[table.columns.indexOf(bad)];
      sheet.values[5][c] = 'twelve';
      assert.throws(() => readTemplates([...inputs, sheet], 'workbook', [], [mapping(address, headers)]), (e: unknown) => {
        assert.ok(e instanceof InvalidInput);
        assert.deepEqual(e.errors, [{ where: `'${SHEET}'!${a1(5, c)}`, message: '"twelve" is not an amount (write 1234.56, 1,234, (1,234), £1,234.56, - or leave blank)' }]);
        return true;
      });
    });

    it('the mapped range builds the same tables as the template table, instead of it', () => {
      const inputs = asRead();
      const { sheet, address, headers } = ownRange(table, SHEET, inputs);
      // Spoil the template table's own figures: only the mapped range gives the example's tables.
      const tpl = inputs.find((s) => s.name === table.sheet)!;
      const f = findTable(tpl, table, [])!;
      for (const r of f.rows) for (const col of table.money) tpl.values[r.r][f.col0 + table.columns.indexOf(col)] = 999;
      const direct = buildFromDoc(exampleDoc());
      const spoiled = buildFromSheets([...inputs, sheet]);
      assert.ok(direct.ok && spoiled.ok);
      if (!direct.ok || !spoiled.ok) return;
      assert.notDeepEqual(spoiled.plan.sheets.map((s) => s.cells), direct.plan.sheets.map((s) => s.cells), 'the spoiled template is read without the mapping');
      const out = buildFromSheets([...inputs, sheet], { ...DEFAULT_SETTINGS, mappings: [mapping(address, headers)] });
      assert.ok(out.ok, JSON.stringify(out.ok ? '' : out.errors.slice(0, 3)));
      if (!out.ok) return;
      assert.deepEqual(out.plan.sheets.map((s) => s.cells), direct.plan.sheets.map((s) => s.cells));
      assert.deepEqual(out.notes.map((n) => n.where), [`'${SHEET}'!B3`]);
      assert.match(out.notes[0].message, new RegExp(`^the ${table.name} input is read from your mapped range`));
    });
  });
}

describe('Map a range: ReserveLines and the Reserve years setting', () => {
  it('a year added to the setting after the mapping was made is an error at the header row, naming its columns', () => {
    const table = reserveLinesTable(YEARS);
    const { sheet, address, headers } = ownRange(table, 'Reserves book');
    const m: RangeMapping = { table: 'ReserveLines', sheet: 'Reserves book', address, columns: guessMapping(table, headers) };
    const errors: InputError[] = [];
    assert.equal(applyMapping(sheet, m, reserveLinesTable([...YEARS, '2099/00']), errors), undefined);
    assert.deepEqual(errors, [{ where: "'Reserves book'!B3", message: `the range ${address} mapped as ReserveLines has no column for "Movement 2099/00", "Transfers 2099/00", "Capital 2099/00": map them to a column of the range` }]);
  });
});

describe('Map a range: every table mapped at once', () => {
  it('builds the same tables with no template table read for their lines, and saved mappings of each table load', () => {
    const inputs = asRead();
    const book = budgetBook(inputs);
    const own = OTHERS.map(({ table }) => ({ table, ...ownRange(table, `My ${table.name}`, inputs) }));
    const mappings: RangeMapping[] = [
      mappingFor(book.address, BOOK_HEADERS),
      ...own.map((o) => ({ table: o.table.name as MappableTable, sheet: o.sheet.name, address: o.address, columns: guessMapping(o.table, o.headers) })),
    ];
    assert.deepEqual(parseMappings(mappings), mappings);
    // The template sheets keep only their settings: every line comes from the user's ranges.
    for (const s of inputs) if (s.name !== TEMPLATE_SHEETS.settings) s.values = [];
    const out = buildFromSheets([...inputs, book.sheet, ...own.map((o) => o.sheet)], { ...DEFAULT_SETTINGS, mappings });
    const direct = buildFromDoc(exampleDoc());
    assert.ok(out.ok && direct.ok, JSON.stringify(out.ok ? '' : out.errors.slice(0, 3)));
    if (out.ok && direct.ok) assert.deepEqual(out.plan.sheets.map((s) => s.cells), direct.plan.sheets.map((s) => s.cells));
  });
});
