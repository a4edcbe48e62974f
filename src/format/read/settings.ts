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
import type { ReadContext, TextRule } from './context';

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

/** A setting's label (as the template lists it) from its field's path. */
function labelOf(path: string): string {
  return ([...SETTINGS, ...LAYOUT_SETTINGS] as readonly (readonly string[])[]).find((x) => x[1] === path)?.[0] ?? path;
}

const UNITS = ['£', "£'000", '£m'] as const;
const VARIANCE_SIGNS = ['outturn-minus-budget', 'budget-minus-outturn'] as const;
/** Each setting outturn/v1 holds to a text rule or a list of values (../read/context.ts checkText), by field. */
const TEXT_SETTINGS: Record<string, TextRule | readonly string[]> = {
  organisation: 'name',
  rounding: ['round-then-sum', 'round-each'],
  'revenue.units': UNITS, 'revenue.displayUnits': UNITS, 'capital.units': UNITS, 'capital.displayUnits': UNITS, 'reserves.units': UNITS, 'reserves.displayUnits': UNITS,
  'revenue.totalLabel': 'label', 'revenue.earmarkedSubtotalLabel': 'label', 'capital.totalLabel': 'label', 'capital.grandTotalLabel': 'label',
  'capital.financingTotalLabel': 'label', 'reserves.totalLabel': 'label',
  'capital.heading': 'any', 'revenue.basis': 'basis', 'capital.budgetChanges.earlierLabel': 'caption',
  'revenue.varianceSign': VARIANCE_SIGNS, 'capital.varianceSign': VARIANCE_SIGNS,
  'revenue.underspendRows': ['always', 'when-needed'], 'reserves.narrativeYears': ['first', 'all'],
};
const PERCENT_SETTINGS = new Set(['revenue.varianceThreshold.percent', 'reserves.generalReserveBand.min', 'reserves.generalReserveBand.max']);
/** The columns each table's Column order and Column labels settings may name. */
const COLUMNS: Record<string, readonly string[]> = {
  revenue: ['original', 'revised', 'virement', 'outturn', 'variance', 'pct', 'flag'],
  capital: ['original', 'revised', 'outturn', 'varOriginal', 'pctOriginal', 'remaining', 'pct', 'reprofile', 'saving', 'earlier'],
};
const LABELLED_COLUMNS: Record<string, readonly string[]> = {
  'revenue.columnLabels': ['label', ...COLUMNS.revenue],
  'capital.columnLabels': ['label', 'revised', 'outturn', 'remaining', 'reprofile', 'original', 'varOriginal', 'pctOriginal', 'pct', 'saving', 'earlier'],
  'capital.financingColumnLabels': ['original', 'latest', 'amount', 'varOriginal', 'varLatest'],
};

/**
 * Whether a setting's value, as read, holds to outturn/v1's rule for its field: an error at
 * `where`, naming the setting by its `label`, when not. Every setting the reader puts in the
 * document passes here (settings without a rule below are read by a reader that guarantees theirs:
 * money, Yes/No, financial years, decimal places).
 */
function settingHolds(ctx: ReadContext, path: string, value: unknown, where: string, label: string): boolean {
  const fail = (message: string) => {
    ctx.errors.push({ where, message });
    return false;
  };
  const rule = TEXT_SETTINGS[path];
  if (rule) {
    const what = path === 'organisation' ? "the organisation's name" : `the ${label.toLowerCase()}`;
    if (typeof value !== 'string') return fail(`${what} must be text (not ${String(value).toUpperCase()})`);
    return ctx.text(value, where, what, rule);
  }
  if (PERCENT_SETTINGS.has(path)) return typeof value === 'string' && /^[0-9]+(\.[0-9]+)?$/.test(value) ? true : fail(`${label} must be a percentage of 0 or more, such as 5 or 2.5 (not "${String(value)}")`);
  if (path === 'reserves.actualYears') return Number.isInteger(value) && (value as number) >= 0 ? true : fail(`${label} must be a whole number of years, 0 or more (not "${String(value)}")`);
  if (path === 'capital.percentDecimals') return (value as number) <= 2 ? true : fail(`${label} must be 0, 1 or 2 (not ${String(value)})`);
  if (path === 'reserves.years' && (value as string[]).length > 30) return fail(`${label}: at most 30 years (${(value as string[]).length} given)`);
  const table = path.split('.')[0];
  if (path.endsWith('.columnOrder')) {
    const list = value as string[];
    for (const [i, c] of list.entries()) {
      if (!COLUMNS[table].includes(c) && !(table === 'capital' && /^change[1-9][0-9]?$/.test(c))) return fail(`${label}: "${c}" is not a column of the ${table} table (the columns: ${COLUMNS[table].join(', ')}${table === 'capital' ? ', change1, change2…' : ''})`);
      if (list.indexOf(c) !== i) return fail(`${label} names "${c}" twice`);
    }
    return true;
  }
  if (LABELLED_COLUMNS[path]) {
    for (const [k, caption] of Object.entries(value as Record<string, string>)) {
      if (!LABELLED_COLUMNS[path].includes(k)) return fail(`${label}: "${k}" is not a column it labels (the columns: ${LABELLED_COLUMNS[path].join(', ')})`);
      if (!ctx.text(caption, where, `${label}: the label of ${k}`, 'caption')) return false;
    }
    return true;
  }
  if (path === 'capital.budgetChanges.columns') {
    const list = value as string[];
    if (list.length > 20) return fail(`${label}: at most 20 changes (${list.length} given)`);
    for (const [i, c] of list.entries()) {
      if (!ctx.text(c, where, `${label}: "${c.slice(0, 40)}"`, 'caption')) return false;
      if (list.indexOf(c) !== i) return fail(`${label} names "${c}" twice`);
    }
  }
  return true;
}

/**
 * The settings each table's part of the document needs (outturn/v1's required fields), and the
 * document's own: an error at the setting's Value cell (or the settings table when the row is
 * missing) for each left blank. Run once the document is assembled (an empty table is gone by then).
 */
export function requiredSettings(ctx: ReadContext, doc: Record<string, unknown>, settingsAt: string): void {
  const need: [string, string][] = [['organisation', 'Organisation'], ['financialYear', 'Financial year']];
  if (doc.revenue) need.push(['revenue.units', 'Revenue units'], ['revenue.totalLabel', 'Revenue total label']);
  if (doc.capital) need.push(['capital.units', 'Capital units'], ['capital.year', 'Capital year'], ['capital.nextYear', 'Capital next year']);
  if (doc.reserves) need.push(['reserves.units', 'Reserves units']);
  const band = (doc.reserves as Record<string, unknown> | undefined)?.generalReserveBand;
  if (band) need.push(['reserves.generalReserveBand.min', 'General reserve band min %']);
  if ((doc.capital as Record<string, unknown> | undefined)?.budgetChanges) need.push(['capital.budgetChanges.earlierLabel', 'Capital earlier budget label']);
  for (const [path, label] of need) {
    let o: unknown = doc;
    for (const p of path.split('.')) o = o === undefined ? undefined : (o as Record<string, unknown>)[p];
    if (o !== undefined) continue;
    const s = ctx.setting(label);
    // a setting given but refused has its own error already
    if (s && !isBlank(s.v) && ctx.errors.some((e) => e.where === s.where)) continue;
    const why = label === 'General reserve band min %' ? 'a general reserve band needs its minimum' : label === 'Capital earlier budget label' ? 'the capital budget changes need the caption of the budget they change' : 'the tables need it';
    ctx.errors.push(s ? { where: s.where, message: `${label} is blank: ${why}` } : { where: settingsAt, message: `no "${label}" setting: add a row "${label}" to the OutturnSettings table (${why})` });
  }
}

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
    if (!settingHolds(ctx, path, value, where, labelOf(path))) return;
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
