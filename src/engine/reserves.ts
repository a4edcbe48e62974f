// Table 3: the statement of reserves, rolled forward over every year of the forecast, and its
// companion table: the Home Office categories, useable reserves and years of cover per year.
import { Dec, ZERO, round, sum, text } from '../base/decimal';
import type { Check, Column, Figure, Finding, Reserve, ReserveCategory, ReservesInput, Table } from './model';
import { bandChecks, bandPolicy, laterBudgets } from './reserve-policy';
import { TableBuilder, derived, input, sumOf } from './table-builder';
import { convert, placesFor } from './units';
import { placesField, tablePlaces } from './precision';

export const CATEGORY_LABELS: Record<ReserveCategory | 'none', string> = {
  mtfp: 'Earmarked for planned spending within the MTFP',
  'beyond-mtfp': 'Earmarked for specific projects beyond the MTFP',
  contingency: 'Held as general contingency',
  none: 'Not categorised',
};

export interface ReservesTables {
  table: Table;
  companion: Table;
  findings: Finding[];
  checks: Check[];
  /**
   * Named rows: Table 3's by reserve label, and its TOTAL RESERVES; Table 3a's useable reserves and
   * (with a net revenue budget) the general reserve as % of it — never found again by their labels.
   */
  rows: { byLabel: Map<string, number>; totalReserves: number; useable: number; generalReservePercent?: number };
}

/**
 * Whether the body is a police body — a PCC, a police, fire and crime commissioner, MOPAC — whose
 * reserves the Home Office's categories (MTFP, beyond MTFP, contingency; the reserves strategy
 * guidance of 2018) apply to. Known from the organisation's name, the only field that names the
 * body ("Police and Crime Commissioner for Derbyshire", "Test PCC"); a fire and rescue authority or
 * a council is not one, and its reserves are not noted one by one for having no such category.
 */
export function isPoliceBody(organisation: string): boolean {
  return /\bpolic(e|ing)\b|crime commissioner|\bP(F)?CC\b|\bMOPAC\b/i.test(organisation);
}

/**
 * The reserves tables of a body that is not a police body (isPoliceBody): without the per-reserve
 * notes of the Home Office categories, which are a PCC's; and without their check too, unless the
 * body gives its reserves categories of its own accord (`categorised`: Kent fire's example does).
 * Changes `r` in place.
 */
export function withoutHomeOfficeCategoryNotes(r: ReservesTables, categorised: boolean): void {
  r.findings = r.findings.filter((f) => f.rule !== 'reserves.categories');
  if (!categorised) r.checks = r.checks.filter((c) => c.rule !== 'reserves.categories');
}

/** "2020/21" → the dates the column headers use: "1/04/20" and "31/03/21". */
export function yearDates(year: string): { start: string; end: string } {
  const y = Number.parseInt(year.slice(0, 4), 10);
  const yy = (n: number) => String(n % 100).padStart(2, '0');
  return { start: `1/04/${yy(y)}`, end: `31/03/${yy(y + 1)}` };
}

export function reservesTables(inp: ReservesInput, netRevenueBudget: { amount: Dec; units: string } | undefined): ReservesTables {
  const u = inp.displayUnits;
  const dp = tablePlaces(inp.units, u, inp.layout?.decimals, inp.reserves.flatMap((r) => [r.opening, ...r.flows.flatMap((f) => [f.movement, f.transfers, f.capital])]));
  const years = inp.years;
  const isActual = (y: number) => y < inp.actualYears;
  const hasTransfers = (y: number) => isActual(y) || inp.reserves.some((r) => !r.flows[y].transfers.isZero());

  const columns: Column[] = [
    { id: 'label', header: ['', '', ''], kind: 'text' },
    { id: 'opening', header: [years[0], `Balances b/fwd at ${yearDates(years[0]).start}`, u], kind: 'money' },
  ];
  years.forEach((year, y) => {
    const p = isActual(y) ? '' : 'Projected ';
    const band = y === 0 ? '' : year;
    columns.push({ id: `movement${y}`, header: [band, `${p}Movements (to) / from Revenue`, u], kind: 'money' });
    if (hasTransfers(y)) columns.push({ id: `transfers${y}`, header: ['', `${p}Transfers Between Reserves`, u], kind: 'money' });
    columns.push({ id: `capital${y}`, header: ['', `${p}Contributions to Capital`, u], kind: 'money' });
    columns.push({
      id: `closing${y}`,
      header: ['', `${isActual(y) ? 'Balances' : 'Estimated Balances'} at ${yearDates(year).end}`, u],
      kind: 'money',
    });
  });
  const flowIds = (y: number) => [`movement${y}`, ...(hasTransfers(y) ? [`transfers${y}`] : []), `capital${y}`];
  const numericIds = columns.filter((c) => c.kind === 'money').map((c) => c.id);

  const b = new TableBuilder('reserves', columns);
  const money = (v: Dec) => input(convert(v, inp.units, u), dp);
  const byLabel = new Map<string, number>();

  const reserveRow = (res: Reserve, kind: 'general_reserve' | 'earmarked_reserve'): number => {
    const cells: Record<string, ReturnType<typeof input>> = { opening: money(res.opening) };
    years.forEach((_, y) => {
      const f = res.flows[y];
      cells[`movement${y}`] = money(f.movement);
      if (hasTransfers(y)) cells[`transfers${y}`] = money(f.transfers);
      cells[`capital${y}`] = money(f.capital);
    });
    const r = b.add(kind, res.label, kind === 'general_reserve', cells, res.source);
    // The roll-forward: each year closes at its opening plus its flows and opens the next year.
    years.forEach((_, y) => {
      const opening = y === 0 ? 'opening' : `closing${y - 1}`;
      b.rows[r].cells[b.col(`closing${y}`)] = sumOf(b.refs([r], opening).concat(flowIds(y).map((id) => b.ref(r, id))), dp);
    });
    byLabel.set(res.label, r);
    return r;
  };
  const totalRow = (kind: Parameters<TableBuilder['add']>[0], label: string, rows: number[]): number => {
    const cells: Record<string, ReturnType<typeof sumOf>> = {};
    for (const id of numericIds) cells[id] = sumOf(b.refs(rows, id), dp);
    return b.add(kind, label, true, cells);
  };

  const general = inp.reserves.filter((r) => r.class === 'general').map((r) => reserveRow(r, 'general_reserve'));
  const useable = inp.reserves.filter((r) => r.class === 'useable');
  const nonUseable = inp.reserves.filter((r) => r.class === 'non-useable');
  const earmarkedParts: number[] = [];
  let useableTotal: number | undefined;
  if (useable.length + nonUseable.length > 0) b.add('heading', 'EARMARKED RESERVES', true);
  if (useable.length > 0) {
    b.add('heading', 'Useable:-', true);
    const rows = useable.map((r) => reserveRow(r, 'earmarked_reserve'));
    useableTotal = totalRow('subtotal_useable', 'Total Useable:-', rows);
    earmarkedParts.push(useableTotal);
  }
  if (nonUseable.length > 0) {
    b.add('heading', 'Non-useable:-', true);
    const rows = nonUseable.map((r) => reserveRow(r, 'earmarked_reserve'));
    earmarkedParts.push(totalRow('subtotal_non_useable', 'Total Non-useable:-', rows));
  }
  const totalEarmarked = earmarkedParts.length > 0 ? totalRow('total_earmarked', 'TOTAL EARMARKED RESERVES', earmarkedParts) : undefined;
  const totalReserves = totalRow('total_reserves', inp.totalLabel ?? 'TOTAL RESERVES', [...general, ...(totalEarmarked !== undefined ? [totalEarmarked] : [])]);

  const last = years[years.length - 1];
  const table = b.build(
    `Statement of level of reserves at ${yearDates(years[Math.max(0, inp.actualYears - 1)]).end} and forecast levels to ${yearDates(last).end}`,
    u,
  );

  const findings: Finding[] = [];
  const checks: Check[] = [];
  transfersNetToNil(inp, b, totalReserves, findings, checks);
  belowNil(inp, b, byLabel, findings, checks);

  const { table: companionTable3a, useable: useableRow, generalReservePercent } = companionTable(inp, b, { general, useableTotal, byLabel, netRevenueBudget }, findings, checks, dp);
  const companion = { ...companionTable3a, ...placesField(u, dp) };
  return { table: { ...table, ...placesField(u, dp) }, companion, findings, checks, rows: { byLabel, totalReserves, useable: useableRow, generalReservePercent } };
}

export function transfersNetToNil(inp: ReservesInput, b: TableBuilder, totalRow: number, findings: Finding[], checks: Check[]): void {
  inp.years.forEach((year, y) => {
    const net = sum(inp.reserves.map((r) => r.flows[y].transfers));
    checks.push({
      table: 'reserves',
      rule: 'reserves.transfers-net-nil',
      description: `Transfers between reserves net to nil in ${year}`,
      passed: net.isZero(),
      detail: `net ${text(net)} ${inp.units}`,
    });
    if (!net.isZero()) {
      findings.push({
        severity: 'error',
        table: 'reserves',
        rule: 'reserves.transfers-net-nil',
        message: `Transfers between reserves in ${year} net to ${text(net)} ${inp.units}, not nil`,
        expected: '0',
        actual: text(net),
        difference: text(net),
        at: b.has(`transfers${y}`) ? { r: totalRow, c: b.col(`transfers${y}`) } : undefined,
      });
    }
  });
}

export function belowNil(inp: ReservesInput, b: TableBuilder, byLabel: Map<string, number>, findings: Finding[], checks: Check[]): void {
  let count = 0;
  for (const res of inp.reserves) {
    let balance = res.opening;
    for (let y = 0; y < inp.years.length; y++) {
      const f = res.flows[y];
      balance = balance.plus(f.movement).plus(f.transfers).plus(f.capital);
      if (balance.isNeg() && !balance.isZero()) {
        count++;
        findings.push({
          severity: 'warning',
          table: 'reserves',
          rule: 'reserves.below-nil',
          message: `${res.label} is ${y < inp.actualYears ? '' : 'forecast to be '}below nil at the end of ${inp.years[y]}: ${text(balance)} ${inp.units}`,
          expected: '0',
          actual: text(balance),
          difference: text(balance),
          at: { r: byLabel.get(res.label)!, c: b.col(`closing${y}`) },
          source: res.source,
        });
        break;
      }
    }
  }
  checks.push({
    table: 'reserves',
    rule: 'reserves.below-nil',
    description: 'No reserve is, or is forecast to be, below nil',
    passed: count === 0,
    detail: `${count} reserve(s) below nil`,
  });
}

export interface CompanionContext {
  general: number[];
  useableTotal: number | undefined;
  /** the rows whose sum is the useable earmarked reserves, when there is no single total row (balances layout) */
  useableRows?: number[];
  byLabel: Map<string, number>;
  netRevenueBudget: { amount: Dec; units: string } | undefined;
}

/**
 * The Home Office categories for every year, the useable reserves and the years they would last
 * at that year's rate of draw, and the general reserve as a share of the net revenue budget.
 * Every figure is a formula over Table 3's cells on the same sheet.
 */
export function companionTable(inp: ReservesInput, t3: TableBuilder, ctx: CompanionContext, findings: Finding[], checks: Check[], places?: number): { table: Table; useable: number; generalReservePercent?: number } {
  const u = inp.displayUnits;
  const dp = places ?? placesFor(u);
  const years = inp.years;
  const columns: Column[] = [
    { id: 'label', header: ['', ''], kind: 'text' },
    ...years.map((year) => ({ id: `y${years.indexOf(year)}`, header: [`At ${yearDates(year).end}`, u], kind: 'money' as const })),
  ];
  const b = new TableBuilder('reserves-categories', columns);
  const yid = (y: number) => `y${y}`;

  const categoryOf = (r: Reserve): ReserveCategory | 'none' => r.category ?? (r.class === 'general' ? 'contingency' : 'none');
  const cats: (ReserveCategory | 'none')[] = ['mtfp', 'beyond-mtfp', 'contingency'];
  if (inp.reserves.some((r) => categoryOf(r) === 'none')) cats.push('none');
  const catRows = cats.map((cat) => {
    const members = inp.reserves.filter((r) => categoryOf(r) === cat).map((r) => ctx.byLabel.get(r.label)!);
    const cells: Record<string, ReturnType<typeof sumOf>> = {};
    years.forEach((_, y) => {
      cells[yid(y)] = sumOf(members.map((r) => t3.ref(r, `closing${y}`)), dp);
    });
    return b.add('category', CATEGORY_LABELS[cat], false, cells);
  });
  const totalCells: Record<string, ReturnType<typeof sumOf>> = {};
  years.forEach((_, y) => { totalCells[yid(y)] = sumOf(b.refs(catRows, yid(y)), dp); });
  b.add('total_reserves', 'TOTAL RESERVES', true, totalCells);

  // Useable reserves: the general reserve and the useable earmarked reserves.
  const useableRows = [...ctx.general, ...(ctx.useableRows ?? (ctx.useableTotal !== undefined ? [ctx.useableTotal] : []))];
  const useCells: Record<string, ReturnType<typeof sumOf>> = {};
  const changeCells: Record<string, ReturnType<typeof sumOf>> = {};
  years.forEach((_, y) => {
    useCells[yid(y)] = sumOf(useableRows.map((r) => t3.ref(r, `closing${y}`)), dp);
    const flows = t3.columns.filter((c) => [`movement${y}`, `transfers${y}`, `capital${y}`].includes(c.id)).map((c) => c.id);
    changeCells[yid(y)] = sumOf(useableRows.flatMap((r) => flows.map((id) => t3.ref(r, id))), dp);
  });
  const useable = b.add('measure', 'Useable reserves (general and useable earmarked)', true, useCells);
  const change = b.add('measure', 'Change in useable reserves in the year', false, changeCells);
  const coverCells: Record<string, ReturnType<typeof derived>> = {};
  years.forEach((_, y) => {
    coverCells[yid(y)] = { ...derived({ op: 'cover', balance: b.ref(useable, yid(y)), change: b.ref(change, yid(y)) }, 1), as: 'ratio' };
  });
  b.add('measure', "Years of cover at that year's rate of draw (- = no draw)", false, coverCells);

  // The general reserve against the net revenue budget, for the first year.
  let generalReservePercent: number | undefined;
  const generalClosing = sum(inp.reserves.filter((r) => r.class === 'general').map((r) => r.opening.plus(r.flows[0].movement).plus(r.flows[0].transfers).plus(r.flows[0].capital)));
  if (ctx.netRevenueBudget && ctx.general.length > 0) {
    const genCells: Record<string, ReturnType<typeof sumOf>> = {};
    years.forEach((_, y) => { genCells[yid(y)] = sumOf(ctx.general.map((r) => t3.ref(r, `closing${y}`)), dp); });
    const generalRow = b.add('measure', 'General reserve', false, genCells);
    // Issue 11: a budget for every year the input gives one (netRevenueBudgets), so the % and the band are checked each year.
    const later = laterBudgets(inp);
    const budgetCells: Record<string, Figure> = { y0: input(convert(ctx.netRevenueBudget.amount, ctx.netRevenueBudget.units as typeof u, u), dp) };
    for (const [y, amount] of later) budgetCells[yid(y)] = input(convert(amount, inp.units, u), dp);
    const budget = b.add('measure', 'Net revenue budget', false, budgetCells);
    const pctCells: Record<string, Figure> = { y0: { ...derived({ op: 'ratio', num: b.ref(generalRow, 'y0'), den: b.ref(budget, 'y0') }, 3), as: 'percent' } };
    for (const [y] of later) pctCells[yid(y)] = { ...derived({ op: 'ratio', num: b.ref(generalRow, yid(y)), den: b.ref(budget, yid(y)) }, 3), as: 'percent' };
    const pctRow = b.add('measure', 'General reserve as % of the net revenue budget', false, pctCells);
    generalReservePercent = pctRow;
    const budgetPounds = convert(ctx.netRevenueBudget.amount, ctx.netRevenueBudget.units as typeof u, '£');
    const pct = budgetPounds.isZero() ? ZERO : convert(generalClosing, inp.units, '£').div(budgetPounds).times(100);
    const policy = bandPolicy(inp);
    if (policy.extended) {
      const budgets: [number, Dec][] = [[0, convert(ctx.netRevenueBudget.amount, ctx.netRevenueBudget.units as typeof u, inp.units)], ...later];
      const r = bandChecks(inp, budgets, policy, { row: pctRow, col: (y) => b.col(yid(y)) });
      findings.push(...r.findings);
      checks.push(...r.checks);
    }
    const within = policy.extended || (pct.gte(inp.generalReserveBand.min) && pct.lte(inp.generalReserveBand.max));
    const shown = round(pct, 1);
    if (!policy.extended) checks.push({
      table: 'reserves',
      rule: 'reserves.general-band',
      description: `General reserve within the policy band of ${text(inp.generalReserveBand.min)}% to ${text(inp.generalReserveBand.max)}% of the net revenue budget`,
      passed: within,
      detail: `${text(shown)}% at ${yearDates(years[0]).end}`,
    });
    if (!within) {
      findings.push({
        severity: 'warning',
        table: 'reserves-categories',
        rule: 'reserves.general-band',
        message: pct.gt(inp.generalReserveBand.max)
          ? `The general reserve is ${text(shown)}% of the net revenue budget, above the band's ${text(inp.generalReserveBand.max)}%: the Home Office expects a PCC to justify a general reserve above 5%`
          : `The general reserve is ${text(shown)}% of the net revenue budget, below the band's ${text(inp.generalReserveBand.min)}%`,
        expected: `${text(inp.generalReserveBand.min)}-${text(inp.generalReserveBand.max)}`,
        actual: text(shown),
        at: { r: pctRow, c: b.col('y0') },
        ...(inp.bandSource ? { source: inp.bandSource } : {}),
      });
    }
  }
  const uncategorised = inp.reserves.filter((r) => categoryOf(r) === 'none');
  checks.push({
    table: 'reserves',
    rule: 'reserves.categories',
    description: 'Every reserve carries a Home Office category (MTFP, beyond MTFP, contingency)',
    passed: uncategorised.length === 0,
    detail: uncategorised.length ? `not categorised: ${uncategorised.map((r) => r.label).join('; ')}` : 'all categorised',
  });
  for (const r of uncategorised) {
    findings.push({
      severity: 'note',
      table: 'reserves',
      rule: 'reserves.categories',
      message: `${r.label} has no Home Office category; it is shown as "Not categorised"`,
      at: { r: ctx.byLabel.get(r.label)!, c: 0 },
      source: r.source,
    });
  }
  return { table: b.build('Reserves by Home Office category, and resilience', u), useable, generalReservePercent };
}
