// The general reserve policy as bodies write it (issue 11): "at least 3% of the net revenue
// budget" (a minimum only), "5% or £4m, whichever is greater", a band of 2–5% — checked for every
// year whose net revenue budget is known, so that a medium-term plan that draws the general
// reserve below its minimum says so in the year it happens, never silently.
import { Dec, round, sum, text } from '../base/decimal';
import type { Check, Finding, ReservesInput } from './model';
import { millions } from './narrative';

export interface BandPolicy {
  /** percent of the net revenue budget */
  min: Dec;
  /** percent; absent: a minimum only */
  max?: Dec;
  /** the minimum as an amount (reserves' input units): the greater of the two applies */
  minAmount?: Dec;
  /** true when the input uses any issue-11 policy field: the per-year checks replace the first-year one */
  extended: boolean;
}

export function bandPolicy(inp: ReservesInput): BandPolicy {
  const extended = inp.generalReserveMinAmount !== undefined || inp.generalReserveNoMax === true || laterBudgets(inp).length > 0;
  return {
    min: inp.generalReserveBand.min,
    max: inp.generalReserveNoMax ? undefined : inp.generalReserveBand.max,
    minAmount: inp.generalReserveMinAmount,
    extended,
  };
}

/** The net revenue budgets of the years after the first, [year index, amount in the reserves' units]. */
export function laterBudgets(inp: ReservesInput): [number, Dec][] {
  const out: [number, Dec][] = [];
  (inp.netRevenueBudgets ?? []).forEach((b, y) => {
    if (y > 0 && b !== undefined) out.push([y, b]);
  });
  return out;
}

/** The general reserve(s) at the end of each year, exact, in the reserves' units. */
export function generalBalances(inp: ReservesInput): Dec[] {
  const general = inp.reserves.filter((r) => r.class === 'general');
  const out: Dec[] = [];
  let balance = sum(general.map((r) => r.opening));
  inp.years.forEach((_, y) => {
    balance = balance.plus(sum(general.map((r) => r.flows[y].movement.plus(r.flows[y].transfers).plus(r.flows[y].capital))));
    out.push(balance);
  });
  return out;
}

/** "3% of the net revenue budget, or £4.000m, whichever is greater; at most 5%" */
export function describePolicy(p: BandPolicy, units: ReservesInput['units']): string {
  return `at least ${text(p.min)}% of the net revenue budget` +
    (p.minAmount !== undefined ? ` or ${millions(p.minAmount, units)}, whichever is greater` : '') +
    (p.max !== undefined ? `, and at most ${text(p.max)}%` : ' (a minimum only)');
}

/**
 * One check per year with a known budget: the general reserve against the policy minimum (and maximum).
 * @param budgets [year index, net revenue budget in the reserves' input units]
 * @param at where a finding points: the % row and the column of a year
 */
export function bandChecks(inp: ReservesInput, budgets: [number, Dec][], p: BandPolicy, at: { row: number; col: (y: number) => number }): { findings: Finding[]; checks: Check[] } {
  const findings: Finding[] = [];
  const checks: Check[] = [];
  const balances = generalBalances(inp);
  const drawnByMtfp = new Set(inp.mtfp?.gapFundedFrom ?? []);
  const generalDrawn = inp.reserves.some((r) => r.class === 'general' && drawnByMtfp.has(r.label));
  const u = inp.units;
  const known = new Set(budgets.map(([y]) => y));
  if (p.minAmount !== undefined) {
    // A year whose budget is not known is still held to the policy's amount.
    inp.years.forEach((year, y) => {
      if (known.has(y)) return;
      const below = balances[y].lt(p.minAmount!);
      checks.push({
        table: 'reserves',
        rule: 'reserves.general-band',
        description: `General reserve at least ${millions(p.minAmount!, u)} in ${year} (no net revenue budget given for the % test)`,
        passed: !below,
        detail: `${millions(balances[y], u)}`,
      });
      if (below) {
        findings.push({
          severity: 'warning',
          table: 'reserves-categories',
          rule: 'reserves.general-band',
          message: `The general reserve ${y >= inp.actualYears ? 'is forecast to be' : 'is'} ${millions(balances[y], u)} at the end of ${year}, below the policy minimum of ${millions(p.minAmount!, u)}`,
          expected: text(p.minAmount!),
          actual: text(balances[y]),
          difference: text(balances[y].minus(p.minAmount!)),
          at: { r: at.row, c: at.col(y) },
          source: inp.bandSource,
        });
      }
    });
  }
  for (const [y, budget] of budgets) {
    const year = inp.years[y];
    const balance = balances[y];
    const fromPct = budget.times(p.min).div(100);
    const minimum = p.minAmount !== undefined && p.minAmount.gt(fromPct) ? p.minAmount : fromPct;
    const pct = budget.isZero() ? new Dec(0) : balance.div(budget).times(100);
    const shown = round(pct, 1).toFixed(1);
    const below = balance.lt(minimum);
    const above = p.max !== undefined && pct.gt(p.max);
    const forecast = y >= inp.actualYears;
    checks.push({
      table: 'reserves',
      rule: 'reserves.general-band',
      description: `General reserve ${describePolicy(p, u)} in ${year}`,
      passed: !below && !above,
      detail: `${millions(balance, u)} = ${shown}% of ${millions(budget, u)}; minimum ${millions(minimum, u)}`,
    });
    if (below) {
      const mtfp = forecast && generalDrawn && inp.mtfp ? ', after the MTFP draws on it to fund the budget gap' : '';
      findings.push({
        severity: 'warning',
        table: 'reserves-categories',
        rule: 'reserves.general-band',
        message: `The general reserve ${forecast ? 'is forecast to be' : 'is'} ${millions(balance, u)} at the end of ${year} (${shown}% of the net revenue budget)${mtfp}, ` +
          `below the policy minimum of ${millions(minimum, u)} (${describePolicy(p, u)})`,
        expected: text(minimum),
        actual: text(balance),
        difference: text(balance.minus(minimum)),
        at: { r: at.row, c: at.col(y) },
        source: inp.bandSource,
      });
    } else if (above) {
      findings.push({
        severity: 'warning',
        table: 'reserves-categories',
        rule: 'reserves.general-band',
        message: `The general reserve ${forecast ? 'is forecast to be' : 'is'} ${shown}% of the net revenue budget at the end of ${year}, above the policy's ${text(p.max!)}%`,
        expected: text(p.max!),
        actual: shown,
        at: { r: at.row, c: at.col(y) },
        source: inp.bandSource,
      });
    }
  }
  return { findings, checks };
}
