// The medium-term financial plan (outturn/v1 `reserves.mtfp`): per forecast year the budget
// requirement, the funding and the gap between them; the gap drawn from named reserves in order
// (each down to nil, never below), a surplus added to the first; the projected movements of Table 3
// derived from the planned movements and those draws; the year each reserve would be exhausted;
// and named scenarios (variants of the plan) side by side with the base case.
//
//   Table 3b (reserves-mtfp): requirement, funding, gap; per gap-funding reserve its planned
//             movements, the draw, the projected movements Table 3 shows (a live reference) and its
//             estimated balance; the gap not funded.
//   Table 3c (reserves-scenarios): year × case: gap, gap not funded, useable reserves at year end,
//             reserves exhausted.
import { Dec, ZERO, text } from '../base/decimal';
import type { Check, Column, Finding, MtfpYear, Reserve, ReservesInput, Table, TableCell, TableLink, TablePart, Units } from './model';
import type { ReservesTables } from './reserves';
import { TableBuilder, derived, input, sumOf } from './table-builder';
import { convert, placesFor } from './units';
import { millions } from './narrative';
import { bandPolicy, describePolicy, laterBudgets } from './reserve-policy';

export interface MtfpRun {
  /** per forecast year f (year index actualYears + f) */
  gap: Dec[];
  unfunded: Dec[];
  /** per gap-funding reserve: per forecast year, the draw (negative) or the surplus added (positive) */
  draws: Map<string, Dec[]>;
  /** per reserve: closing balance per year (every year) */
  closing: Map<string, Dec[]>;
  /** per reserve exhausted within the forecast: the year index it reaches nil */
  exhausted: Map<string, number>;
  /** general and useable earmarked reserves at each year end (every year) */
  useable: Dec[];
}

const flowTotal = (r: Reserve, y: number) => r.flows[y].movement.plus(r.flows[y].transfers).plus(r.flows[y].capital);

/** Runs the plan over the reserves: the draws, the balances, the exhaustion years. Input units throughout. */
export function runMtfp(res: ReservesInput, plan: MtfpYear[], gapFundedFrom: string[]): MtfpRun {
  const n = res.years.length;
  const balance = new Map(res.reserves.map((r) => [r.label, r.opening]));
  const closing = new Map(res.reserves.map((r) => [r.label, [] as Dec[]]));
  const draws = new Map(gapFundedFrom.map((l) => [l, [] as Dec[]]));
  const gap: Dec[] = [];
  const unfunded: Dec[] = [];
  const exhausted = new Map<string, number>();
  const useable: Dec[] = [];
  for (let y = 0; y < n; y++) {
    const opening = new Map(balance);
    for (const r of res.reserves) balance.set(r.label, balance.get(r.label)!.plus(flowTotal(r, y)));
    if (y >= res.actualYears) {
      const f = y - res.actualYears;
      const p = plan[f];
      const g = p.budgetRequirement.minus(p.funding);
      gap.push(g);
      let remaining = g;
      gapFundedFrom.forEach((label, k) => {
        let d = ZERO;
        if (g.isNeg() && k === 0) d = g.neg(); // a surplus is added to the first reserve
        else if (remaining.gt(0)) {
          const available = Dec.max(ZERO, balance.get(label)!);
          const take = Dec.min(available, remaining);
          remaining = remaining.minus(take);
          d = take.neg();
        }
        balance.set(label, balance.get(label)!.plus(d));
        draws.get(label)!.push(d);
      });
      unfunded.push(g.gt(0) ? remaining : ZERO);
      for (const r of res.reserves) {
        const b = balance.get(r.label)!;
        if (!exhausted.has(r.label) && opening.get(r.label)!.gt(0) && !b.gt(0)) exhausted.set(r.label, y);
      }
    }
    for (const r of res.reserves) closing.get(r.label)!.push(balance.get(r.label)!);
    useable.push(res.reserves.filter((r) => r.class !== 'non-useable').reduce((s, r) => s.plus(balance.get(r.label)!), ZERO));
  }
  return { gap, unfunded, draws, closing, exhausted, useable };
}

/** The reserves input with the draws added to the gap-funding reserves' movements: what Table 3 shows. */
export function withDraws(res: ReservesInput, run: MtfpRun): ReservesInput {
  return {
    ...res,
    reserves: res.reserves.map((r) => {
      const d = run.draws.get(r.label);
      if (!d) return r;
      return {
        ...r,
        flows: r.flows.map((f, y) => (y < res.actualYears ? f : { ...f, movement: f.movement.plus(d[y - res.actualYears]) })),
      };
    }),
  };
}

export interface MtfpTables extends TablePart {
  /** Table 3's projected movements of the reserves that fund the gap, as references to Table 3b */
  links: TableLink[];
  /** issue 11: the narrative's sentence when the plan or a scenario takes the general reserve below its policy minimum */
  minimumSentence?: string;
}

/** What every step of the MTFP tables shares: the forecast years, their column ids, the display units. */
interface MtfpFrame {
  res: ReservesInput;
  mtfp: NonNullable<ReservesInput['mtfp']>;
  /** display units and their decimal places */
  u: Units;
  dp: number;
  /** year index of the first forecast year */
  first: number;
  /** the forecast years' labels */
  fyears: string[];
  /** Table 3b's column id of forecast year f */
  yid: (f: number) => string;
  /** an input amount shown in display units */
  money: (v: Dec) => TableCell;
  /** one cell per forecast year */
  perYear: (fn: (f: number) => TableCell) => Record<string, TableCell>;
  /** references into Table 3 (its columns) */
  table3: TableBuilder;
  yearOf: (y: number) => string;
}

/** Table 3b as built, with the rows the other steps refer to. */
interface PlanTable {
  table: Table;
  builder: TableBuilder;
  gapRow: number;
  unfundedRow: number;
  links: TableLink[];
}

/** One case of Table 3c: the base plan or a named scenario, and its run. */
interface MtfpCase {
  label: string;
  run: MtfpRun;
  source?: string;
}

/**
 * Table 3b and 3c, and Table 3's projected movements of the gap-funding reserves turned into live
 * references to Table 3b. `t3` was built from `withDraws(res, base)`.
 */
export function mtfpTables(res: ReservesInput, base: MtfpRun, t3: ReservesTables): MtfpTables {
  const frame = mtfpFrame(res, t3);
  const plan = planTable(frame, base, t3);
  const findings: Finding[] = [];
  const checks: Check[] = [];
  exhaustionFindings(frame, base, t3, findings, checks);
  unfundedFindings(frame, base, plan, findings, checks);
  const cases: MtfpCase[] = [
    { label: 'Base', run: base, source: frame.mtfp.source },
    ...frame.mtfp.scenarios.map((sc) => ({ label: sc.label, run: runMtfp(res, sc.plan, frame.mtfp.gapFundedFrom), source: sc.source })),
  ];
  scenarioFindings(frame, cases, findings, checks);
  const minimumSentence = minimumFindings(frame, cases, t3, findings, checks);
  const tables = [plan.table];
  if (cases.length > 1) tables.push(scenariosTable(frame, cases, plan, t3));
  return { tables, findings, checks, links: plan.links, ...(minimumSentence ? { minimumSentence } : {}) };
}

function mtfpFrame(res: ReservesInput, t3: ReservesTables): MtfpFrame {
  const u = res.displayUnits;
  const dp = placesFor(u);
  const first = res.actualYears;
  const fyears = res.years.slice(first);
  const yid = (f: number) => `y${f}`;
  return {
    res,
    mtfp: res.mtfp!,
    u,
    dp,
    first,
    fyears,
    yid,
    money: (v: Dec) => input(convert(v, res.units, u), dp),
    perYear: (fn) => Object.fromEntries(fyears.map((_, f) => [yid(f), fn(f)])),
    table3: new TableBuilder('reserves', t3.table.columns),
    yearOf: (y: number) => res.years[y],
  };
}

/**
 * Table 3b: requirement, funding, gap; per gap-funding reserve its planned movements, the draw, the
 * projected movements (which Table 3 shows, as links) and its balance; the gap not funded.
 */
function planTable(fr: MtfpFrame, base: MtfpRun, t3: ReservesTables): PlanTable {
  const { res, mtfp, u, dp, first, fyears, yid, money, perYear, table3 } = fr;
  const columns: Column[] = [
    { id: 'label', header: ['', ''], kind: 'text' },
    ...fyears.map((y, f) => ({ id: yid(f), header: [y, u], kind: 'money' as const })),
  ];
  const b = new TableBuilder('reserves-mtfp', columns);
  const req = b.add('line', 'Budget requirement', false, perYear((f) => money(mtfp.plan[f].budgetRequirement)));
  const fund = b.add('line', 'Funding (grants, council tax precept and other funding)', false, perYear((f) => money(mtfp.plan[f].funding)));
  const gapRow = b.add('subtotal', 'Budget gap / (surplus)', true, perYear((f) => derived({ op: 'diff', a: b.ref(req, yid(f)), b: b.ref(fund, yid(f)) }, dp)));
  const drawRows: number[] = [];
  const links: TableLink[] = [];
  for (const label of mtfp.gapFundedFrom) {
    const reserve = res.reserves.find((r) => r.label === label)!;
    const r3 = t3.rows.byLabel.get(label)!;
    b.add('heading', label, true);
    const planned = b.add('line', 'Planned movements', false, perYear((f) => money(reserve.flows[first + f].movement)));
    const draw = b.add('line', 'Drawn to fund the gap / surplus added', false, perYear((f) => money(base.draws.get(label)![f])));
    drawRows.push(draw);
    const projected = b.add('subtotal', 'Projected movements (Table 3)', false, perYear((f) => sumOf([b.ref(planned, yid(f)), b.ref(draw, yid(f))], dp)));
    b.add('measure', 'Estimated balance at year end (Table 3)', false, perYear((f) => sumOf([table3.ref(r3, `closing${first + f}`)], dp)));
    // Table 3's projected movement of this reserve is the MTFP's: a live reference.
    fyears.forEach((_, f) => {
      links.push({ at: { t: 'reserves', r: r3, c: table3.col(`movement${first + f}`) }, value: sumOf([b.ref(projected, yid(f))], dp) });
    });
  }
  const drawn = b.add('subtotal', 'Drawn from reserves / surplus added', true, perYear((f) => sumOf(b.refs(drawRows, yid(f)), dp)));
  // gap + draws (negative) = what the reserves could not meet; a surplus and the surplus added net to nil
  const unfundedRow = b.add('total', 'Gap not funded from reserves', true, perYear((f) => sumOf([b.ref(gapRow, yid(f)), b.ref(drawn, yid(f))], dp)));
  const table = b.build(`Medium-term financial plan ${fyears[0]} to ${fyears[fyears.length - 1]}: the budget gap and the reserves that fund it`, u);
  return { table, builder: b, gapRow, unfundedRow, links };
}

/** Each reserve the base plan exhausts: a warning if it funds the gap, else a note; and the check. */
function exhaustionFindings(fr: MtfpFrame, base: MtfpRun, t3: ReservesTables, findings: Finding[], checks: Check[]): void {
  const { res, mtfp, table3, yearOf } = fr;
  for (const [label, y] of base.exhausted) {
    const gapReserve = mtfp.gapFundedFrom.includes(label);
    findings.push({
      severity: gapReserve ? 'warning' : 'note',
      table: 'reserves',
      rule: 'mtfp.exhausted',
      message: `${label} would be exhausted in ${yearOf(y)}${gapReserve ? ' funding the budget gap' : ''} (estimated balance ${text(base.closing.get(label)![y])} ${res.units})`,
      actual: text(base.closing.get(label)![y]),
      at: { r: t3.rows.byLabel.get(label)!, c: table3.col(`closing${y}`) },
      source: res.reserves.find((r) => r.label === label)?.source,
    });
  }
  checks.push({
    table: 'reserves-mtfp',
    rule: 'mtfp.exhausted',
    description: 'No reserve is exhausted within the MTFP',
    passed: base.exhausted.size === 0,
    detail: base.exhausted.size ? [...base.exhausted].map(([l, y]) => `${l}: ${yearOf(y)}`).join('; ') : 'none exhausted',
  });
}

/** Each forecast year whose gap the gap-funding reserves cannot meet: a warning; and the check. */
function unfundedFindings(fr: MtfpFrame, base: MtfpRun, plan: PlanTable, findings: Finding[], checks: Check[]): void {
  const { res, mtfp, fyears, yid } = fr;
  let unfundedYears = 0;
  base.unfunded.forEach((x, f) => {
    if (x.isZero()) return;
    unfundedYears++;
    findings.push({
      severity: 'warning',
      table: 'reserves-mtfp',
      rule: 'mtfp.unfunded',
      message: `The budget gap of ${text(base.gap[f])} ${res.units} in ${fyears[f]} is not fully funded: ${text(x)} ${res.units} is left after drawing ${mtfp.gapFundedFrom.join(', ')} down to nil`,
      actual: text(x),
      at: { r: plan.unfundedRow, c: plan.builder.col(yid(f)) },
      source: mtfp.source,
    });
  });
  checks.push({
    table: 'reserves-mtfp',
    rule: 'mtfp.unfunded',
    description: `The budget gap is funded from ${mtfp.gapFundedFrom.join(', then ')} in every year of the plan`,
    passed: unfundedYears === 0,
    detail: `${unfundedYears} year(s) with a gap not funded`,
  });
}

/**
 * Table 3c: year × case (the base, then each scenario): gap, gap not funded, useable reserves at year
 * end, reserves exhausted. The base case's figures are references to Table 3b and Table 3's companion.
 */
function scenariosTable(fr: MtfpFrame, cases: MtfpCase[], plan: PlanTable, t3: ReservesTables): Table {
  const { u, dp, first, fyears, yid, money, yearOf } = fr;
  const b = plan.builder;
  const sc: Column[] = [{ id: 'label', header: ['', 'Year'], kind: 'text' }];
  cases.forEach((c, k) => {
    sc.push({ id: `gap${k}`, header: [c.label, 'Budget gap / (surplus)', u], kind: 'money' });
    sc.push({ id: `unfunded${k}`, header: ['', 'Gap not funded from reserves', u], kind: 'money' });
    sc.push({ id: `useable${k}`, header: ['', 'Useable reserves at year end', u], kind: 'money' });
  });
  // The text columns stand after every figure, so that the sheet's check cell spans figures only.
  cases.forEach((c, k) => {
    sc.push({ id: `exhausted${k}`, header: [k === 0 ? 'Reserves exhausted in the year' : '', c.label, ''], kind: 'text' });
  });
  const s = new TableBuilder('reserves-scenarios', sc);
  const companion = t3.companion;
  const useableRow = t3.rows.useable;
  const compB = new TableBuilder('reserves-categories', companion.columns);
  fyears.forEach((year, f) => {
    const y = first + f;
    const cells: Record<string, TableCell> = {};
    cases.forEach((c, k) => {
      if (k === 0) {
        cells[`gap${k}`] = sumOf([b.ref(plan.gapRow, yid(f))], dp);
        cells[`unfunded${k}`] = sumOf([b.ref(plan.unfundedRow, yid(f))], dp);
        cells[`useable${k}`] = sumOf([compB.ref(useableRow, `y${y}`)], dp);
      } else {
        cells[`gap${k}`] = money(c.run.gap[f]);
        cells[`unfunded${k}`] = money(c.run.unfunded[f]);
        cells[`useable${k}`] = money(c.run.useable[y]);
      }
      const ex = [...c.run.exhausted].filter(([, yy]) => yy === y).map(([l]) => l);
      cells[`exhausted${k}`] = ex.length ? { text: ex.join('; ') } : null;
    });
    s.add('line', year, false, cells);
  });
  const summary: Record<string, TableCell> = {};
  cases.forEach((c, k) => {
    summary[`exhausted${k}`] = { text: c.run.exhausted.size ? [...c.run.exhausted].map(([l, y]) => `${l} (${yearOf(y)})`).join('; ') : 'none within the plan' };
  });
  s.add('measure', 'Exhausted within the plan', true, summary);
  return s.build('MTFP scenarios beside the base case: budget gap, reserves at year end, exhaustion', u);
}

/** A note per scenario (what it exhausts, the gap it leaves, the reserves it ends with); and the check. */
function scenarioFindings(fr: MtfpFrame, cases: MtfpCase[], findings: Finding[], checks: Check[]): void {
  const { res, fyears, yearOf } = fr;
  for (const c of cases.slice(1)) {
    const ex = [...c.run.exhausted].map(([l, y]) => `${l} in ${yearOf(y)}`);
    const unf = c.run.unfunded.reduce((a, x) => a.plus(x), ZERO);
    findings.push({
      severity: 'note',
      table: 'reserves-scenarios',
      rule: 'mtfp.scenario',
      message: `Scenario "${c.label}": ${ex.length ? `exhausts ${ex.join(', ')}` : 'no reserve exhausted'}; gap not funded over the plan ${text(unf)} ${res.units}; useable reserves at ${fyears[fyears.length - 1]} year end ${text(c.run.useable[res.years.length - 1])} ${res.units}`,
      source: c.source,
    });
  }
  checks.push({
    table: 'reserves-scenarios',
    rule: 'mtfp.scenarios',
    description: 'Scenarios of the MTFP shown side by side with the base case',
    passed: true,
    detail: `${cases.length - 1} scenario(s): ${cases.slice(1).map((c) => c.label).join('; ') || 'none'}`,
  });
}

/** A year the plan or a scenario leaves the general reserve below its policy minimum. */
interface Breach {
  k: number;
  y: number;
  balance: Dec;
  minimum: Dec;
  basis: string;
}

/**
 * Issue 11: the general reserve against its policy minimum in every forecast year of the base plan
 * and of every scenario — the greater of min% × that year's budget (the net revenue budget given for
 * the year, else the plan's budget requirement) and the minimum amount. Each year below it is a
 * warning naming the case, the year, the balance, the minimum and the shortfall (the base plan's
 * years the per-year band check already reports are not reported twice); one check; and the
 * narrative's sentence, returned.
 */
function minimumFindings(fr: MtfpFrame, cases: MtfpCase[], t3: ReservesTables, findings: Finding[], checks: Check[]): string | undefined {
  const { res, mtfp, first, fyears, yearOf } = fr;
  const general = res.reserves.filter((r) => r.class === 'general');
  if (!general.length) return undefined;
  const p = bandPolicy(res);
  const u = res.units;
  const given = new Map(laterBudgets(res));
  const reported = (y: number) => t3.rows.generalReservePercent !== undefined && p.extended && (y === 0 || given.has(y) || p.minAmount !== undefined);
  const plans = [mtfp.plan, ...mtfp.scenarios.map((sc) => sc.plan)];
  const breaches: Breach[] = [];
  cases.forEach((c, k) => {
    fyears.forEach((year, f) => {
      const y = first + f;
      const balance = general.reduce((a, r) => a.plus(c.run.closing.get(r.label)![y]), ZERO);
      // The budget the % applies to: the year's net revenue budget where the input gives one (a year
      // left blank is held to the minimum amount alone), else the plan's budget requirement.
      const budget = res.netRevenueBudgets ? (y === 0 ? res.netRevenueBudgets[0] : given.get(y)) : plans[k][f].budgetRequirement;
      const fromPct = budget !== undefined ? budget.times(p.min).div(100) : undefined;
      const minimum = fromPct === undefined ? p.minAmount : p.minAmount !== undefined && p.minAmount.gt(fromPct) ? p.minAmount : fromPct;
      if (minimum === undefined || !balance.lt(minimum)) return;
      const basis = fromPct !== undefined && minimum === fromPct
        ? `${text(p.min)}% of the ${res.netRevenueBudgets ? 'net revenue budget' : 'budget requirement'} of ${millions(budget!, u)}`
        : `the minimum amount of ${millions(minimum, u)}`;
      breaches.push({ k, y, balance, minimum, basis });
      if (k === 0 && reported(y)) return;
      const who = k === 0 ? 'The MTFP' : `Scenario "${c.label}"`;
      findings.push({
        severity: 'warning',
        table: k === 0 || cases.length < 2 ? 'reserves' : 'reserves-scenarios',
        rule: 'mtfp.general-minimum',
        message: `${who} takes the general reserve below its policy minimum in ${year}: ${millions(balance, u)} at the end of the year against a minimum of ${millions(minimum, u)} (${basis}), ${millions(minimum.minus(balance), u)} short`,
        expected: text(minimum),
        actual: text(balance),
        difference: text(balance.minus(minimum)),
        ...(k === 0 ? { at: { r: t3.rows.byLabel.get(general[0].label)!, c: fr.table3.col(`closing${y}`) } } : { at: { r: f, c: 1 + 3 * k + 2 } }),
        source: k === 0 ? mtfp.source : c.source,
      });
    });
  });
  checks.push({
    table: 'reserves-mtfp',
    rule: 'mtfp.general-minimum',
    description: `The general reserve stays at or above its policy minimum (${describePolicy(p, u).replace(' (a minimum only)', '')}) in every year of the plan${cases.length > 1 ? ' and of every scenario' : ''}`,
    passed: breaches.length === 0,
    detail: breaches.length ? breaches.map((b) => `${cases[b.k].label} ${yearOf(b.y)}: ${text(b.balance)} < ${text(b.minimum)} ${u}`).join('; ') : 'never below',
  });
  if (!breaches.length) return undefined;
  const parts = cases.map((c, k) => {
    const mine = breaches.filter((b) => b.k === k);
    if (!mine.length) return '';
    const years = mine.map((b) => `${millions(b.balance, u)} at the end of ${yearOf(b.y)}, ${millions(b.minimum.minus(b.balance), u)} short of ${millions(b.minimum, u)}`);
    return `${k === 0 ? 'in the plan' : `under "${c.label}"`} ${years.join(' and ')}`;
  }).filter(Boolean);
  return `The general reserve is forecast to fall below its policy minimum (${describePolicy(p, u).replace(' (a minimum only)', '')}): ${parts.join('; ')}.`;
}
