// What every template reader is handed: the sheets, where errors and notes go, the trace from JSON
// paths to cells (so errors after validation still name a cell), and the cell readings every reader
// shares (money, the user's mapped ranges). Each reader returns its own part of the outturn/v1
// document; only readTemplates (../templates.ts) assembles them.
import { a1, sheetRef } from '../../base/a1';
import { cellText, type GridValue, type InputSheet } from '../../base/cells';
import { fromSpreadsheetNumber, text } from '../../base/decimal';
import { parsePrinted } from '../../base/printed';
import type { InputError } from '../errors';
import { type Found, findTable } from '../find-table';
import { applyMapping, type RangeMapping } from '../mapping';
import type { TemplateTable } from '../template-tables';

/** A money field of the document: exact decimal text, as outturn/v1 writes it. */
export type MoneyText = string;

/**
 * outturn/v1's rules for a text field, as [fewest, most] characters: the schema's `label` (a
 * heading, scheme, reserve, total label…), a ledger line's description (`note`), `ref`, `caption` (a column's header), `code` (a cost
 * centre or account), the revenue basis line, the organisation's name, and text of any length.
 */
export const TEXT_RULES = {
  label: [1, 255], note: [0, 255], ref: [0, 40], caption: [1, 80], code: [1, 64], basis: [1, 80], name: [1, Infinity], any: [0, Infinity],
} as const;
export type TextRule = keyof typeof TEXT_RULES;

/** `allowed` as a finance officer reads a list: "a", "b" or "c". */
export function choices(allowed: readonly string[]): string {
  const q = allowed.map((x) => JSON.stringify(x));
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}` : q[0];
}

/**
 * A text field's value held to its outturn/v1 rule (TEXT_RULES): an error at `where` naming `what`
 * ("the budget heading") when it is blank or too long, or (`allowed`) not one of the values the
 * field takes. Returns whether it passes. The template readers check every text they put in the
 * document with this, so a document they return needs no schema check (../templates.ts).
 */
export function checkText(errors: InputError[], t: string, where: string, what: string, rule: TextRule | readonly string[]): boolean {
  if (typeof rule !== 'string') {
    if (rule.includes(t)) return true;
    errors.push({ where, message: `${what} must be ${choices(rule)}${t ? ` (not ${JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : t)})` : ', not blank'}` });
    return false;
  }
  const [min, max] = TEXT_RULES[rule];
  if (t.length < min) {
    errors.push({ where, message: `${what} is blank` });
    return false;
  }
  if (t.length > max) {
    errors.push({ where, message: `${what} is longer than ${max} characters (it has ${t.length}): shorten it` });
    return false;
  }
  return true;
}

export interface ReadContext {
  /** a sheet by name, case-insensitively */
  sheet(name: string): InputSheet | undefined;
  errors: InputError[];
  notes?: InputError[];
  /** JSON path → the cell it was read from ("'Revenue input'!E7") */
  trace(path: string, where: string): void;
  /** money from a cell: typed number or printed text, blank and dashes nil; undefined after an error */
  money(v: GridValue, where: string, path: string): MoneyText | undefined;
  /** money as `money` reads it, '0' after an error (the error stands, so nothing is built) */
  moneyOr0(v: GridValue, where: string, path: string): MoneyText;
  cellText(v: GridValue): string;
  /** checkText into this read's errors: whether `t` passes its rule at `where` */
  text(t: string, where: string, what: string, rule: TextRule | readonly string[]): boolean;
  /** a setting's value and cell, by label (case-insensitive) */
  setting(label: string): { v: GridValue; where: string } | undefined;
  /** the address of a template column's cell in a row of a found table */
  at(f: Found, row: { r: number }, col: string, t: TemplateTable): string;
  /** the table from the user's mapped range when one is mapped ('none' when not), else undefined after an error */
  mapped(t: TemplateTable): Found | undefined | 'none';
  /** whether a range is mapped as this template table */
  isMapped(table: string): boolean;
  /** the template table: from the mapped range when there is one, else found on `sheet` */
  table(t: TemplateTable, sheet: InputSheet | undefined): Found | undefined;
  /** an input table with a header and no rows is an error at its header */
  noRows(f: Found, t: TemplateTable, what: string): void;
  /**
   * Issue 11: one of the three tables' inputs with a header and no rows — "no such table", unless
   * every table is empty (then each is an error at its header). readTemplates decides.
   */
  empty: { table: 'revenue' | 'capital' | 'reserves'; f: Found; t: TemplateTable; what: string }[];
}

/** The context of one read of `sheets`; `settings` is filled by the settings reader. */
export function readContext(
  sheets: InputSheet[],
  errors: InputError[],
  sources: Map<string, string>,
  settings: Map<string, { v: GridValue; where: string }>,
  notes: InputError[] | undefined,
  mappings: RangeMapping[],
): ReadContext {
  const bySheet = new Map(sheets.map((s) => [s.name.trim().toLowerCase(), s]));
  const sheet = (n: string) => bySheet.get(n.toLowerCase());
  const money = (v: GridValue, where: string, path: string): string | undefined => {
    sources.set(path, where);
    if (v !== null && typeof v === 'object') {
      errors.push({ where, message: `holds the error ${v.error}; enter a number` });
      return undefined;
    }
    if (typeof v === 'boolean') {
      errors.push({ where, message: `holds ${v ? 'TRUE' : 'FALSE'}; enter a number` });
      return undefined;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        errors.push({ where, message: 'is not a finite number' });
        return undefined;
      }
      return text(fromSpreadsheetNumber(v));
    }
    const p = parsePrinted(v);
    if (p.kind === 'blank') return '0';
    if (p.kind === 'unreadable') {
      errors.push({ where, message: `${JSON.stringify(v)} is not an amount (write 1234.56, 1,234, (1,234), £1,234.56, - or leave blank)` });
      return undefined;
    }
    if (p.percent) {
      errors.push({ where, message: `${JSON.stringify(v)} is a percentage; enter an amount` });
      return undefined;
    }
    return text(p.value);
  };
  const mapped = (t: TemplateTable): Found | undefined | 'none' => {
    const m = mappings.find((x) => x.table === t.name);
    if (!m) return 'none';
    const s = sheet(m.sheet);
    if (!s) {
      errors.push({ where: sheetRef(m.sheet, m.address.split(':')[0]), message: `the sheet "${m.sheet}" holding the range mapped as ${t.name} is not in the workbook: map the range again, or remove the mapping` });
      return undefined;
    }
    const f = applyMapping(s, m, t, errors, notes);
    if (f) notes?.push({ where: sheetRef(f.sheet, a1(f.headerRow, f.col0)), message: `the ${t.name} input is read from your mapped range ${sheetRef(f.sheet, m.address)} (${f.rows.length} line${f.rows.length === 1 ? '' : 's'})` });
    return f;
  };
  return {
    sheet,
    errors,
    notes,
    trace: (path, where) => {
      sources.set(path, where);
    },
    money,
    moneyOr0: (v, where, path) => money(v, where, path) ?? '0',
    cellText,
    text: (t, where, what, rule) => checkText(errors, t, where, what, rule),
    setting: (label) => settings.get(label.toLowerCase()),
    at: (f, row, col, t) => {
      const c = f.cols[t.columns.indexOf(col)];
      return sheetRef(f.sheet, a1(row.r, c >= 0 ? c : f.col0));
    },
    mapped,
    isMapped: (table) => mappings.some((x) => x.table === table),
    table: (t, s) => {
      const fromRange = mapped(t);
      return fromRange === 'none' ? (s ? findTable(s, t, errors, notes) : undefined) : fromRange;
    },
    noRows: (f, t, what) => {
      if (f.rows.length === 0) errors.push({ where: sheetRef(f.sheet, a1(f.headerRow, f.col0)), message: `the ${t.name} table has no rows: enter ${what}` });
    },
    empty: [],
  };
}
