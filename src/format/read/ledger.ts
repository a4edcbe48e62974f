// The month-N forecast's input (issue 5): the Ledger input sheet's LedgerLines (cost centre,
// account, budget, actual to date, commitments, forecast), LedgerMapping (headings by exact code,
// range or prefix) and LedgerProfiles (monthly weights), and the Forecast month setting.
import { a1, sheetRef } from '../../base/a1';
import { isBlank } from '../../base/cells';
import { fromSpreadsheetNumber, text } from '../../base/decimal';
import type { InputError } from '../errors';
import { type Found, findTable } from '../find-table';
import { DEFAULT_PROFILE_HEADING, FORECAST_SHEETS, LEDGER_LINES, LEDGER_MAPPING, LEDGER_PROFILES, MONTH_COLUMNS, type TemplateTable } from '../template-tables';
import type { MoneyText, ReadContext } from './context';

export interface LedgerLineDoc {
  costCentre: string;
  account: string;
  description?: string;
  budget: MoneyText;
  actualToDate: MoneyText;
  commitments?: MoneyText;
  forecast?: MoneyText;
}
export interface LedgerDoc {
  lines: LedgerLineDoc[];
  month?: number | string;
  mapping: Record<string, unknown>[];
  profiles?: { heading: string; weights: string[] }[];
  defaultProfile?: string[];
}

/**
 * The LedgerLines table when it has rows (the input then has a ledger). Its errors and notes are
 * returned, not recorded: the composer records them where the ledger is read, after Tables 1-3.
 */
export function findLedgerLines(ctx: ReadContext): { lines?: Found; errors: InputError[]; notes: InputError[] } {
  const errors: InputError[] = [];
  const notes: InputError[] = [];
  const ls = ctx.sheet(FORECAST_SHEETS.ledger);
  const lines = ls ? findTable(ls, LEDGER_LINES, errors, ctx.notes ? notes : undefined) : undefined;
  return { lines: lines && lines.rows.length > 0 ? lines : undefined, errors, notes };
}

/** The ledger from its found LedgerLines table: lines, month, mapping and profiles. */
export function readLedger(ctx: ReadContext, lines: Found): LedgerDoc {
  const { errors } = ctx;
  const ls = ctx.sheet(FORECAST_SHEETS.ledger)!;
  const at = (r: number, col: string, t: TemplateTable = LEDGER_LINES, f: Found = lines) => sheetRef(f.sheet, a1(r, f.col0 + t.columns.indexOf(col)));
  const out: LedgerLineDoc[] = lines.rows.map((row, i) => {
    const path = `$.revenue.ledger.lines[${i}]`;
    ctx.trace(path, at(row.r, 'Cost centre'));
    const [cc, account, description] = row.cells.slice(0, 3).map(ctx.cellText);
    ctx.text(cc, at(row.r, 'Cost centre'), 'the cost centre', 'code');
    ctx.text(account, at(row.r, 'Account'), 'the account', 'code');
    ctx.text(description, at(row.r, 'Description'), 'the description', 'note');
    ctx.trace(`${path}.costCentre`, at(row.r, 'Cost centre'));
    ctx.trace(`${path}.account`, at(row.r, 'Account'));
    const m = (col: string, key: string) => ctx.moneyOr0(row.cells[LEDGER_LINES.columns.indexOf(col)], at(row.r, col), `${path}.${key}`);
    const line: LedgerLineDoc = { costCentre: cc, account, budget: m('Budget', 'budget'), actualToDate: m('Actual to date', 'actualToDate') };
    if (description) line.description = description;
    // Blank commitments are none; a blank forecast means "use the profile", not nil.
    if (!isBlank(row.cells[5])) line.commitments = m('Commitments', 'commitments');
    if (!isBlank(row.cells[6])) line.forecast = m('Forecast rest of year', 'forecast');
    return line;
  });
  const ledger: LedgerDoc = { lines: out, mapping: [] };
  const monthSetting = ctx.setting('Forecast month');
  if (monthSetting && !isBlank(monthSetting.v)) {
    const v = monthSetting.v;
    const n = typeof v === 'number' ? v : /^\d+(\.0+)?$/.test(ctx.cellText(v)) ? Number(ctx.cellText(v)) : Number.NaN;
    ledger.month = Number.isFinite(n) ? n : ctx.cellText(v);
    if (!(Number.isInteger(n) && n >= 1 && n <= 12)) errors.push({ where: monthSetting.where, message: `the forecast month must be a month of the financial year, 1 (April) to 12 (March), not "${ctx.cellText(v)}"` });
    ctx.trace('$.revenue.ledger.month', monthSetting.where);
  }
  const mt = findTable(ls, LEDGER_MAPPING, errors, ctx.notes);
  if (!mt || mt.rows.length === 0) {
    errors.push({ where: mt ? sheetRef(mt.sheet, a1(mt.headerRow, mt.col0)) : sheetRef(ls.name, 'A1'), message: `ledger lines need a ${LEDGER_MAPPING.name} table with at least one row (headers ${LEDGER_MAPPING.columns.join(', ')})` });
  } else {
    mt.rows.forEach((row, i) => {
      const path = `$.revenue.ledger.mapping[${i}]`;
      const cell = (col: string) => at(row.r, col, LEDGER_MAPPING, mt);
      ctx.trace(path, cell('Heading'));
      ctx.trace(`${path}.heading`, cell('Heading'));
      const t = row.cells.map(ctx.cellText);
      const m: Record<string, unknown> = { heading: t[0] };
      ctx.text(t[0], cell('Heading'), 'the heading', 'label');
      // every code given: 1-64 characters (a blank one is not given)
      t.slice(1, 9).forEach((code, k) => code && ctx.text(code, cell(LEDGER_MAPPING.columns[k + 1]), `the ${LEDGER_MAPPING.columns[k + 1].toLowerCase()}`, 'code'));
      const criterion = (exact: number, what: 'costCentre' | 'account', rangeKey: string, prefixKey: string) => {
        if (t[exact]) m[what] = t[exact];
        if (t[exact + 1] || t[exact + 2]) {
          if (!t[exact + 1] || !t[exact + 2]) errors.push({ where: cell(LEDGER_MAPPING.columns[t[exact + 1] ? exact + 2 : exact + 1]), message: 'a range needs both "from" and "to"' });
          m[rangeKey] = { from: t[exact + 1], to: t[exact + 2] };
          ctx.trace(`${path}.${rangeKey}`, cell(LEDGER_MAPPING.columns[exact + 1]));
        }
        if (t[exact + 3]) m[prefixKey] = t[exact + 3];
      };
      criterion(1, 'costCentre', 'costCentres', 'costCentrePrefix');
      criterion(5, 'account', 'accounts', 'accountPrefix');
      ledger.mapping.push(m);
    });
  }
  const pt = findTable(ls, LEDGER_PROFILES, errors, ctx.notes);
  if (pt && pt.rows.length) {
    const profiles: { heading: string; weights: string[] }[] = [];
    for (const row of pt.rows) {
      const heading = ctx.cellText(row.cells[0]);
      const isDefault = heading.toLowerCase() === DEFAULT_PROFILE_HEADING;
      const path = isDefault ? '$.revenue.ledger.defaultProfile' : `$.revenue.ledger.profiles[${profiles.length}]`;
      ctx.trace(path, at(row.r, 'Profile heading', LEDGER_PROFILES, pt));
      if (!isDefault) ctx.text(heading, at(row.r, 'Profile heading', LEDGER_PROFILES, pt), 'the profile heading', 'label');
      const weights = MONTH_COLUMNS.map((mc, k) => {
        const v = row.cells[k + 1];
        ctx.trace(isDefault ? `${path}[${k}]` : `${path}.weights[${k}]`, at(row.r, mc, LEDGER_PROFILES, pt));
        const w = typeof v === 'number' ? text(fromSpreadsheetNumber(v)) : isBlank(v) ? '0' : ctx.cellText(v);
        // outturn/v1's weight: a number of 0 or more, as decimal text
        if (!/^[0-9]+(\.[0-9]+)?$/.test(w)) errors.push({ where: at(row.r, mc, LEDGER_PROFILES, pt), message: `the ${mc} weight must be a number of 0 or more, such as 1 or 8.5${typeof v === 'object' && v !== null ? ` (the cell holds the error ${v.error})` : ` (not "${w}")`}` });
        return w;
      });
      if (isDefault) ledger.defaultProfile = weights;
      else {
        ctx.trace(`${path}.heading`, at(row.r, 'Profile heading', LEDGER_PROFILES, pt));
        profiles.push({ heading, weights });
      }
    }
    if (profiles.length) ledger.profiles = profiles;
  }
  return ledger;
}
