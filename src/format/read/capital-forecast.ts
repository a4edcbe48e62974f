// Next year's capital (issue 5): the Capital next-year programme total setting, the
// CapitalNextYear table (each scheme's approved next-year budget) and the CapitalFinancing table.
import { a1, sheetRef } from '../../base/a1';
import { isBlank } from '../../base/cells';
import { findTable } from '../find-table';
import { CAPITAL_FINANCING, CAPITAL_NEXT_YEAR, FINANCING_TYPES, FORECAST_SHEETS } from '../template-tables';
import type { CategoryDoc, SchemeDoc } from './capital';
import type { MoneyText, ReadContext } from './context';

export interface CapitalForecastDoc {
  nextYearProgrammeTotal?: MoneyText;
  /** each scheme (or one-line category) of `categories` given a next-year budget, with it */
  nextYearBudgets: { target: SchemeDoc | CategoryDoc; budget: MoneyText }[];
  financing?: { type: string; label: string; amount: MoneyText; reserve?: string; originalAmount?: MoneyText; latestAmount?: MoneyText }[];
}

/** Next year's capital, for the schemes read from CapitalLines (`categories`); undefined without the capital sheet. */
export function readCapitalForecast(ctx: ReadContext, categories: CategoryDoc[]): CapitalForecastDoc | undefined {
  const cs = ctx.sheet(FORECAST_SHEETS.capital);
  if (!cs) return undefined;
  const out: CapitalForecastDoc = { nextYearBudgets: [] };
  const total = ctx.setting('Capital next-year programme total');
  if (total && !isBlank(total.v)) {
    const v = ctx.money(total.v, total.where, '$.capital.nextYearProgrammeTotal');
    if (v !== undefined) out.nextYearProgrammeTotal = v;
  }
  const ny = findTable(cs, CAPITAL_NEXT_YEAR, ctx.errors, ctx.notes);
  if (ny && ny.rows.length) {
    for (const row of ny.rows) {
      const label = ctx.cellText(row.cells[0]);
      const where = sheetRef(ny.sheet, a1(row.r, ny.col0 + 1));
      let path: string | undefined;
      let target: SchemeDoc | CategoryDoc | undefined;
      categories.forEach((c, i) => {
        if (c.schemes) c.schemes.forEach((s, j) => { if (s.label === label) { target = s; path = `$.capital.categories[${i}].schemes[${j}]`; } });
        else if (c.label === label) { target = c; path = `$.capital.categories[${i}]`; }
      });
      if (!target || !path) {
        ctx.errors.push({ where: sheetRef(ny.sheet, a1(row.r, ny.col0)), message: `"${label}" is not a scheme (or one-line category) of the CapitalLines table` });
        continue;
      }
      const v = ctx.money(row.cells[1], where, `${path}.nextYearBudget`);
      if (v !== undefined) out.nextYearBudgets.push({ target, budget: v });
    }
  }
  const fin = findTable(cs, CAPITAL_FINANCING, ctx.errors, ctx.notes);
  if (fin && fin.rows.length) {
    out.financing = fin.rows.map((row, i) => {
      const path = `$.capital.financing[${i}]`;
      const cell = (col: string) => sheetRef(fin.sheet, a1(row.r, fin.col0 + CAPITAL_FINANCING.columns.indexOf(col)));
      ctx.trace(path, cell('Financing label'));
      ctx.trace(`${path}.label`, cell('Financing label'));
      ctx.trace(`${path}.reserve`, cell('From reserve'));
      const [source, label, , reserve] = row.cells.map(ctx.cellText);
      ctx.text(label, cell('Financing label'), 'the financing line', 'label');
      if (reserve) ctx.text(reserve, cell('From reserve'), 'the reserve', 'label');
      const type = Object.hasOwn(FINANCING_TYPES, source.toLowerCase()) ? FINANCING_TYPES[source.toLowerCase()] : undefined;
      if (!type) ctx.errors.push({ where: cell('Financing source'), message: `the financing source must be Grant, Capital receipts, Revenue, Reserve or Borrowing, not "${source}"` });
      // Issue 11: the optional Original financing and Latest financing columns (blank: not given).
      const other = (col: string, key: string) => (isBlank(row.cells[CAPITAL_FINANCING.columns.indexOf(col)]) ? {} : { [key]: ctx.moneyOr0(row.cells[CAPITAL_FINANCING.columns.indexOf(col)], cell(col), `${path}.${key}`) });
      return {
        type: type ?? 'grant', label, amount: ctx.moneyOr0(row.cells[2], cell('Financing amount'), `${path}.amount`), ...(reserve ? { reserve } : {}),
        ...other('Original financing', 'originalAmount'), ...other('Latest financing', 'latestAmount'),
      };
    });
  }
  return out;
}
