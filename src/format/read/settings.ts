// The OutturnSettings table: each setting to its field of the document (SETTINGS in
// ../template-tables.ts says which). Returns the document's settings part: the top-level fields,
// and revenue/capital/reserves objects holding their settings (only for tables the workbook has).
import { a1, sheetRef } from '../../base/a1';
import { type GridValue, isBlank } from '../../base/cells';
import { fromSpreadsheetNumber, text } from '../../base/decimal';
import { InvalidInput } from '../errors';
import { findTable } from '../find-table';
import { LAYOUT_SETTINGS, SETTINGS, SETTINGS_TABLE, TEMPLATE_SHEETS } from '../template-tables';
import { layoutSetting } from '../layout-settings';
import type { ReadContext } from './context';

/** Settings holding one financial year, and the one holding a list of them. */
const YEAR_SETTINGS = new Set(['Financial year', 'Capital year', 'Capital next year']);

/**
 * A financial year as people type it, as outturn/v1 writes it: "2020/21", "2020-21", "2020–21",
 * "2020/2021", "2020-2021", "2020 / 21" → "2020/21". Returns an error message for anything else:
 * a date (Excel turns some entries into dates), two years that do not follow each other, other text.
 */
export function financialYear(v: GridValue): { year: string } | { error: string } {
  const typed = typeof v === 'string' ? v.trim() : String(v);
  const how = 'write the financial year as 2020/21';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(typed)) {
    return { error: `Excel has stored a date here (${typed.slice(0, 10)}): ${how}, as text (type an apostrophe first: '2020/21)` };
  }
  const m = /^(\d{4})\s*[/\-–—]\s*(\d{2}|\d{4})$/.exec(typed);
  if (!m) return { error: `${how} (not "${typed}")` };
  const first = Number(m[1]);
  const second = m[2].length === 4 ? Number(m[2]) : Math.floor(first / 100) * 100 + Number(m[2]) + (Number(m[2]) < first % 100 ? 100 : 0);
  if (second !== first + 1) return { error: `"${typed}" is not a financial year (the second year must follow the first): ${how}` };
  return { year: `${first}/${String(second % 100).padStart(2, '0')}` };
}

/** The template's example organisation ("Police and Crime Commissioner for …"), or any name left unfinished. */
const PLACEHOLDER_ORGANISATION = /(…|\.\.\.)\s*$|\bfor\s*$/;

/** Units as finance officers type them, as outturn/v1 names them: £000, £ 000s, £k → £'000; £ m, £M → £m. */
const UNITS_AS_TYPED: [RegExp, string][] = [
  [/^£\s*['’]?\s*000s?$|^£\s*k$|^£\s*thousands?$/i, "£'000"],
  [/^£\s*m(illions?)?$/i, '£m'],
];

/** Settings read by the forecasting readers themselves (they need the tables they qualify). */
const READ_ELSEWHERE = new Set(['revenue.ledger.month', 'capital.nextYearProgrammeTotal']);

/**
 * Reads the settings into `settings` (label, lower-cased → value and cell) and returns the document
 * with the settings' fields set. Throws InvalidInput when there is no settings sheet or table.
 * `present`: which of revenue, capital and reserves the workbook has input for.
 */
export function readSettings(
  ctx: ReadContext,
  name: string,
  settings: Map<string, { v: GridValue; where: string }>,
  present: Record<'revenue' | 'capital' | 'reserves', boolean>,
): Record<string, unknown> {
  const { errors } = ctx;
  const settingsSheet = ctx.sheet(TEMPLATE_SHEETS.settings);
  if (!settingsSheet) throw new InvalidInput([{ where: name, message: `no "${TEMPLATE_SHEETS.settings}" sheet: insert the input templates first` }]);
  const st = findTable(settingsSheet, SETTINGS_TABLE, errors, ctx.notes);
  if (!st) {
    if (!errors.length) errors.push({ where: sheetRef(settingsSheet.name, 'A1'), message: 'no OutturnSettings table (headers Setting, Value)' });
    throw new InvalidInput(errors);
  }
  ctx.trace('$', sheetRef(st.sheet, a1(st.headerRow, st.col0)));
  for (const row of st.rows) {
    const key = ctx.cellText(row.cells[0]).toLowerCase();
    const where = sheetRef(st.sheet, a1(row.r, st.col0 + 1));
    if (!SETTINGS.some(([label]) => label.toLowerCase() === key) && !LAYOUT_SETTINGS.some(([label]) => label.toLowerCase() === key)) {
      errors.push({ where: sheetRef(st.sheet, a1(row.r, st.col0)), message: `unknown setting "${ctx.cellText(row.cells[0])}"` });
      continue;
    }
    settings.set(key, { v: row.cells[1], where });
    // A value typed one column right of the Value column would be left out: an error at its cell.
    const beside = settingsSheet.values[row.r]?.[st.col0 + 2];
    if (!isBlank(beside ?? null)) {
      const value = isBlank(row.cells[1]) ? '' : `, which holds "${ctx.cellText(row.cells[1])}"`;
      errors.push({
        where: sheetRef(st.sheet, a1(row.r, st.col0 + 2)),
        message: `"${ctx.cellText(beside ?? null)}" is typed beside the Value column, where it is not read: type the ${ctx.cellText(row.cells[0])} in ${a1(row.r, st.col0 + 1)}${value}, and clear this cell`,
      });
    }
  }
  const doc: Record<string, unknown> = { format: 'outturn/v1' };
  const set = (path: string, value: unknown, where: string) => {
    const parts = path.split('.');
    let o = doc;
    for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
    o[parts[parts.length - 1]] = value;
    ctx.trace(`$.${path}`, where);
  };
  for (const [label, path] of SETTINGS) {
    const s = settings.get(label.toLowerCase());
    if (!s || isBlank(s.v)) continue;
    const table = path.split('.')[0];
    if ((table === 'revenue' || table === 'capital' || table === 'reserves') && !present[table]) continue;
    if (typeof s.v === 'object' && s.v !== null) {
      errors.push({ where: s.where, message: `holds the error ${s.v.error}` });
      continue;
    }
    if (READ_ELSEWHERE.has(path)) {
      // The table it qualifies exists: make its object, as every setting of a table does.
      doc[table] ??= {};
      continue;
    }
    let value: unknown = typeof s.v === 'string' ? s.v.trim() : s.v;
    const list = (label as string) === 'Reserve years';
    if (YEAR_SETTINGS.has(label) || list) {
      const parts = list && typeof s.v === 'string' ? s.v.split(/\s*[,;]\s*|\s+(?=\d{4})/).filter(Boolean) : [s.v];
      const read = parts.map(financialYear);
      const bad = read.find((x): x is { error: string } => 'error' in x);
      if (bad) {
        errors.push({ where: s.where, message: bad.error });
        continue;
      }
      const years = read.map((x) => (x as { year: string }).year);
      set(path, list ? years : years[0], s.where);
      continue;
    }
    if (/units$/.test(label) && typeof value === 'string') value = UNITS_AS_TYPED.find(([re]) => re.test(value as string))?.[1] ?? value;
    if (label === 'Organisation' && PLACEHOLDER_ORGANISATION.test(String(value))) {
      errors.push({ where: s.where, message: `the organisation is still the template's example "${String(value)}": type your organisation's name as the tables should be headed (e.g. "Police and Crime Commissioner for Derbyshire", "North Wales Fire and Rescue Authority")` });
      continue;
    }
    if (/(Budget requirement change|amount|Net revenue budget)$/i.test(label)) value = ctx.money(s.v, s.where, `$.${path}`);
    else if (/^Show /.test(label)) value = typeof s.v === 'boolean' ? s.v : /^(yes|true|y|1)$/i.test(String(value)); // before /%$/: "Show variance %" is a yes/no
    else if (/%$/.test(label)) value = typeof s.v === 'number' ? text(fromSpreadsheetNumber(s.v)) : String(value).replace(/%$/, '').trim();
    else if (label === 'Reserve years') value = String(value).split(/[,;]\s*|\s+/).filter(Boolean);
    else if (label === 'Actual years') value = typeof s.v === 'number' ? s.v : Number.parseInt(String(value), 10);
    else if (typeof value === 'number') value = String(value);
    if (value !== undefined) set(path, value, s.where);
  }
  // Issue 11: how the body prints its tables (template-tables.ts LAYOUT_SETTINGS).
  for (const [label, path, kind] of LAYOUT_SETTINGS) {
    const s = settings.get(label.toLowerCase());
    if (!s || isBlank(s.v)) continue;
    const table = path.split('.')[0] as 'revenue' | 'capital' | 'reserves';
    if (!present[table]) continue;
    const value = layoutSetting(kind, s.v, s.where, errors, (v) => ctx.money(v, s.where, `$.${path}`));
    if (value !== undefined) set(path, value, s.where);
  }
  const cap = doc.capital as Record<string, unknown> | undefined;
  if (cap?.heading === '(none)') cap.heading = ''; // no heading line (a blank setting keeps the default)
  // A band finding names the settings cell of the band.
  const band = settings.get('general reserve band min %') ?? settings.get('general reserve minimum amount');
  if (band) ctx.trace('$.reserves.generalReserveBand', band.where);
  return doc;
}
