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
