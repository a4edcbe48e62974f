// A budget book for "Map a range" tests: the worked example's RevenueLines rows under the
// book's own headers, in its own column order, with columns Outturn does not use.
import assert from 'node:assert/strict';
import type { InputError } from '../../src/format/errors';
import { findTable, type GridValue, type InputSheet, REVENUE_LINES, TEMPLATE_SHEETS } from '../../src/format/templates';
import { templates } from '../../src/taskpane/pipeline';
import { exampleDoc } from '../fakes/scale';

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

