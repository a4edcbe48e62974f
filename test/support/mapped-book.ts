// A budget book for "Map a range" tests: the worked example's RevenueLines rows under the
// book's own headers, in its own column order, with columns Outturn does not use.
import assert from 'node:assert/strict';
import type { InputError } from '../../src/format/errors';
import { columnLetters } from '../../src/base/a1';
import { findTable, type GridValue, type InputSheet, REVENUE_LINES, TEMPLATE_SHEETS, type TemplateTable } from '../../src/format/templates';
import { templates } from '../../src/taskpane/pipeline-templates';
import { exampleDoc } from './fakes/scale';

export function asRead(sheets = templates(exampleDoc())): InputSheet[] {
  return sheets.map((s) => ({ name: s.name, values: s.cells.map((row) => row.map((c) => (c === null ? null : c.t === 's' ? c.v : Number(c.v)))) }));
}

/** The budget book's own headers, in its own order, with columns Outturn has no use for. */
export const BOOK_HEADERS = ['Cost centre', 'Budget heading', 'Notes', 'OUTTURN', 'revised budget', 'Original Budget', 'Section', 'Sub-total label', 'Ref'];
/** Template column → the book's column (0-based in the range), as the form's guess fills it. */
export const BOOK_ORDER = ['Section', 'Sub-total label', 'Budget heading', 'Ref', 'Original budget', 'Revised budget', 'Outturn'].map((c) => BOOK_HEADERS.findIndex((h) => h.toLowerCase() === c.toLowerCase()));

/**
 * The worked example's RevenueLines rows laid out as a budget book at B3 of "Budget book", a blank
 * row between sections; returns the sheet and the range's address.
 */
export function budgetBook(inputs: InputSheet[] = asRead()): { sheet: InputSheet; address: string; rows: GridValue[][] } {
  const errors: InputError[] = [];
  const found = findTable(inputs.find((s) => s.name === TEMPLATE_SHEETS.revenue)!, REVENUE_LINES, errors)!;
  assert.deepEqual(errors, []);
  const rows: GridValue[][] = [BOOK_HEADERS];
  let section: GridValue = null;
  found.rows.forEach((row, i) => {
    if (i > 0 && row.cells[0] !== section) rows.push(BOOK_HEADERS.map(() => null));
    section = row.cells[0];
    const out: GridValue[] = BOOK_HEADERS.map((_, k) => (k === 0 ? `CC${100 + i}` : k === 2 ? 'see note' : null));
    BOOK_ORDER.forEach((k, j) => (out[k] = row.cells[j]));
    rows.push(out);
  });
  const values: GridValue[][] = [['My budget book 2020/21'], [], ...rows.map((r) => [null, ...r])];
  return { sheet: { name: 'Budget book', values }, address: `B3:J${2 + rows.length}`, rows };
}


/**
 * Any template table's rows as the user's own range at B3 of `sheetName`: the template's columns in
 * reverse order under upper-cased headers, a "Notes" column Outturn does not use first, and a blank
 * spacer row after the first line. `order[j]` is template column j's column in the range (0-based).
 */
export function ownRange(t: TemplateTable, sheetName: string, inputs: InputSheet[] = asRead()): { sheet: InputSheet; address: string; headers: GridValue[]; order: number[]; lines: GridValue[][] } {
  const errors: InputError[] = [];
  const found = findTable(inputs.find((s) => s.name === t.sheet)!, t, errors)!;
  assert.deepEqual(errors, []);
  assert.ok(found.rows.length > 1, `the example's ${t.name} has lines`);
  const headers: GridValue[] = ['Notes', ...[...t.columns].reverse().map((c) => c.toUpperCase())];
  const order = t.columns.map((_, j) => t.columns.length - j);
  const lines = found.rows.map((row) => {
    const out: GridValue[] = headers.map((_, k) => (k === 0 ? 'see note' : null));
    order.forEach((k, j) => (out[k] = row.cells[j]));
    return out;
  });
  const rows = [headers, lines[0], headers.map(() => null), ...lines.slice(1)];
  const values: GridValue[][] = [[`My ${t.name}`], [], ...rows.map((r) => [null, ...r])];
  return { sheet: { name: sheetName, values }, address: `B3:${columnLetters(headers.length)}${2 + rows.length}`, headers, order, lines };
}
