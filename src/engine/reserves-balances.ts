// Table 3 as most reserves strategies publish it (issue 11): year-end balances per reserve, no
// movement columns. The balances are the inputs; the movement of each year is derived (this
// year's balance − last year's) and captioned as derived, so a reader never takes it for a
// published figure. Totals are compact: a class sub-total only when both classes are present,
// an earmarked total only beside a general reserve. The companion table (Home Office categories,
// useable reserves, years of cover, general reserve % and band) is the same as for Table 3.
import type { Dec } from '../base/decimal';
import type { Column, Finding, Check, Reserve, ReservesInput, RowKind } from './model';
import { TableBuilder, derived, input, sumOf } from './table-builder';
import { convert } from './units';
import { placesField, tablePlaces } from './precision';
import { belowNil, companionTable, yearDates, type ReservesTables } from './reserves';

/** The balances the input gave: the first year's starting point and the roll-forward of the derived movements. */
function balancesOf(res: Reserve, years: number): Dec[] {
  const out: Dec[] = [];
  let b = res.opening;
  for (let y = 0; y < years; y++) {
    b = b.plus(res.flows[y].movement);
    out.push(b);
  }
  return out;
}

/**
 * Table 3 from year-end balances.
 * @param inp reserves with `balancesOnly` (validate.ts has turned the balances into opening + derived movements)
 * @param netRevenueBudget for the general reserve % (Table 1's revised total, or the input's)
 */
export function balancesTables(inp: ReservesInput, netRevenueBudget: { amount: Dec; units: string } | undefined): ReservesTables {
  const u = inp.displayUnits;
  const years = inp.years;
  const all = inp.reserves.flatMap((r) => [r.opening, ...balancesOf(r, years.length)]);
  const dp = tablePlaces(inp.units, u, inp.layout?.decimals, all);
  const showMovements = inp.showMovements !== false;
  const opening = inp.balancesOpening === true;
  const columns: Column[] = [{ id: 'label', header: ['', '', ''], kind: 'text' }];
  if (opening) columns.push({ id: 'opening', header: [years[0], `Balance b/fwd at ${yearDates(years[0]).start}`, u], kind: 'money' });
  const hasMovement = (y: number) => showMovements && (y > 0 || opening);
  years.forEach((year, y) => {
    if (hasMovement(y)) columns.push({ id: `movement${y}`, header: [year, 'Movement (derived from the balances)', u], kind: 'money' });
    const estimated = y >= inp.actualYears ? 'Estimated balance' : 'Balance';
    columns.push({ id: `closing${y}`, header: [hasMovement(y) || (y === 0 && opening) ? '' : year, `${estimated} at ${yearDates(year).end}`, u], kind: 'money' });
  });
  const numericIds = columns.filter((c) => c.kind === 'money').map((c) => c.id);
  const b = new TableBuilder('reserves', columns);
  const byLabel = new Map<string, number>();

  const reserveRow = (res: Reserve, kind: 'general_reserve' | 'earmarked_reserve'): number => {
    const cells: Record<string, ReturnType<typeof input>> = {};
    if (opening) cells.opening = input(convert(res.opening, inp.units, u), dp);
    balancesOf(res, years.length).forEach((bal, y) => { cells[`closing${y}`] = input(convert(bal, inp.units, u), dp); });
    const r = b.add(kind, res.label, kind === 'general_reserve', cells, res.source);
    if (showMovements) {
      for (let y = 0; y < years.length; y++) {
        if (!hasMovement(y)) continue;
        b.rows[r].cells[b.col(`movement${y}`)] = derived({ op: 'diff', a: b.ref(r, `closing${y}`), b: b.ref(r, y === 0 ? 'opening' : `closing${y - 1}`) }, dp);
      }
    }
    byLabel.set(res.label, r);
    return r;
  };
  const totalRow = (kind: RowKind, label: string, rows: number[]): number => {
    const cells: Record<string, ReturnType<typeof sumOf>> = {};
    for (const id of numericIds) cells[id] = sumOf(b.refs(rows, id), dp);
    return b.add(kind, label, true, cells);
  };

  const general = inp.reserves.filter((r) => r.class === 'general').map((r) => reserveRow(r, 'general_reserve'));
  const useable = inp.reserves.filter((r) => r.class === 'useable');
  const nonUseable = inp.reserves.filter((r) => r.class === 'non-useable');
  const bothClasses = useable.length > 0 && nonUseable.length > 0;
  const useableRows = useable.map((r) => reserveRow(r, 'earmarked_reserve'));
  const useableTotal = bothClasses ? totalRow('subtotal_useable', 'Total useable earmarked reserves', useableRows) : undefined;
  const nonUseableRows = nonUseable.map((r) => reserveRow(r, 'earmarked_reserve'));
  const nonUseableTotal = bothClasses ? totalRow('subtotal_non_useable', 'Total non-useable earmarked reserves', nonUseableRows) : undefined;
  const earmarkedParts = bothClasses ? [useableTotal!, nonUseableTotal!] : [...useableRows, ...nonUseableRows];
  const totalEarmarked = general.length > 0 && earmarkedParts.length > 1 ? totalRow('total_earmarked', 'Total earmarked reserves', earmarkedParts) : undefined;
  const totalReserves = totalRow('total_reserves', inp.totalLabel ?? 'TOTAL RESERVES', [...general, ...(totalEarmarked !== undefined ? [totalEarmarked] : earmarkedParts)]);

  const last = years[years.length - 1];
  const title = years.length === 1
    ? `Reserves at ${yearDates(years[0]).end}`
    : `Reserves: balances at ${yearDates(years[0]).end} and ${inp.actualYears < years.length ? 'forecast balances' : 'balances'} to ${yearDates(last).end}`;
  const table = { ...b.build(title, u), ...placesField(u, dp) };
  const findings: Finding[] = [];
  const checks: Check[] = [{
    table: 'reserves',
    rule: 'reserves.balances-derived',
    description: 'Reserves given as year-end balances: each movement is derived as the year\'s balance − the year before\'s',
    passed: true,
    detail: `${inp.reserves.length} reserve(s), ${years.length} year(s)${showMovements && years.length > 1 ? '; derived movements shown' : ''}`,
  }];
  belowNil(inp, b, byLabel, findings, checks);
  const { table: companion, useable: useableRow, generalReservePercent } = companionTable(inp, b, { general, useableTotal, useableRows: useableTotal !== undefined ? [useableTotal] : useableRows, byLabel, netRevenueBudget }, findings, checks, dp);
  return { table, companion: { ...companion, ...placesField(u, dp) }, findings, checks, rows: { byLabel, totalReserves, useable: useableRow, generalReservePercent } };
}
