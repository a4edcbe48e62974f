// Table 3's input: the ReserveLines table (a reserve per row; opening balance, then movement,
// transfers and capital for each of the Reserve years), from the template sheet or a mapped range.
import { sheetRef, a1 } from '../../base/a1';
import { reserveLinesTable, TEMPLATE_SHEETS } from '../template-tables';
import type { MoneyText, ReadContext } from './context';

export interface ReserveDoc {
  label: string;
  class: string;
  category?: string;
  opening?: MoneyText;
  flows?: { movement: MoneyText; transfers: MoneyText; capital: MoneyText }[];
  /** issue 11: year-end balances (Balance <year> columns) instead of the flows */
  balances?: MoneyText[];
}

/** outturn/v1's classes and categories of reserve (a cell's text is read lower-cased). */
const RESERVE_CLASSES = ['general', 'useable', 'non-useable'] as const;
const RESERVE_CATEGORIES = ['mtfp', 'beyond-mtfp', 'contingency'] as const;

/** The reserves, for `years` (the Reserve years setting, which must be given); undefined when there is no table or no years. */
export function readReserveLines(ctx: ReadContext, years: string[]): ReserveDoc[] | undefined {
  if (years.length === 0) {
    ctx.errors.push({ where: ctx.setting('reserve years')?.where ?? sheetRef(TEMPLATE_SHEETS.settings, 'B1'), message: 'Reserve years is needed for the reserves input (e.g. "2020/21, 2021/22, 2022/23")' });
    return undefined;
  }
  const ress = ctx.sheet(TEMPLATE_SHEETS.reserves);
  const tt = reserveLinesTable(years);
  const t = ctx.table(tt, ress);
  if (!t) {
    if (!ctx.errors.length && ress) ctx.errors.push({ where: sheetRef(ress.name, 'A1'), message: `no ReserveLines table (headers ${tt.columns.slice(0, 5).join(', ')}, …)` });
    return undefined;
  }
  ctx.trace('$.reserves', sheetRef(t.sheet, a1(t.headerRow, t.col0)));
  if (t.rows.length === 0) ctx.empty.push({ table: 'reserves', f: t, t: tt, what: 'one row per reserve' });
  // Issue 11: Balance columns with figures in them: reserves published as year-end balances.
  const has = (col: string) => t.cols[tt.columns.indexOf(col)] >= 0;
  const balanceIdx = years.map((y) => tt.columns.indexOf(`Balance ${y}`)).filter((i) => t.cols[i] >= 0);
  const asBalances = balanceIdx.length > 0 && t.rows.some((row) => balanceIdx.some((i) => ctx.cellText(row.cells[i]) !== ''));
  return t.rows.map((row, i): ReserveDoc => {
    const cell = (col: string) => ctx.at(t, row, col, tt);
    const [label, cls, category] = row.cells.slice(0, 3).map(ctx.cellText);
    const path = `$.reserves.reserves[${i}]`;
    ctx.trace(path, cell('Reserve'));
    ctx.trace(`${path}.label`, cell('Reserve'));
    ctx.trace(`${path}.class`, cell('Class'));
    ctx.trace(`${path}.category`, cell('Category'));
    ctx.text(label, cell('Reserve'), 'the reserve', 'label');
    ctx.text(cls.toLowerCase(), cell('Class'), 'the class of reserve', RESERVE_CLASSES);
    if (category) ctx.text(category.toLowerCase(), cell('Category'), 'the category of reserve', RESERVE_CATEGORIES);
    const fig = (col: string, p: string) => ctx.moneyOr0(row.cells[tt.columns.indexOf(col)], cell(col), p);
    if (asBalances) {
      return {
        label,
        class: cls.toLowerCase(),
        ...(category ? { category: category.toLowerCase() } : {}),
        ...(has('Opening balance') ? { opening: fig('Opening balance', `${path}.opening`) } : {}),
        balances: years.map((y, k) => fig(`Balance ${y}`, `${path}.balances[${k}]`)),
      };
    }
    return {
      label,
      class: cls.toLowerCase(),
      ...(category ? { category: category.toLowerCase() } : {}),
      opening: fig('Opening balance', `${path}.opening`),
      flows: years.map((y, k) => ({
        movement: fig(`Movement ${y}`, `${path}.flows[${k}].movement`),
        transfers: fig(`Transfers ${y}`, `${path}.flows[${k}].transfers`),
        capital: fig(`Capital ${y}`, `${path}.flows[${k}].capital`),
      })),
    };
  });
}
