// The forecasting parts of an outturn/v1 document as the engine's model: the ledger (revenue.ledger)
// and the MTFP (reserves.mtfp), once the schema (or the template reader) has passed the document.
// validate.ts's toModel calls these only when a document has them; in the add-in they load with
// the forecasting engine, as a chunk of the worker's own (src/taskpane/forecasting-on-demand.ts,
// swapped in by webpack.config.js), so a build of the statutory tables alone never loads them.
import { Dec } from '../base/decimal';
import type { CodeMatch, LedgerInput, LedgerLine, MtfpInput } from '../engine/model';
import type { InputError } from './errors';

/** A JSON path → the place to name (a traced cell, or the path). */
export type Src = (p: (string | number)[]) => string;
/** Money as toModel reads it (errors recorded at the path), an exact decimal. */
export type MoneyFn = (v: string | number, p: (string | number)[]) => Dec;
type M = string | number;
export interface V1Ledger {
  month?: number;
  lines?: { costCentre: M; account: M; description?: string; budget: M; actualToDate: M; commitments?: M; forecast?: M }[];
  mapping: {
    heading: string;
    costCentre?: M; costCentres?: { from: M; to: M }; costCentrePrefix?: string;
    account?: M; accounts?: { from: M; to: M }; accountPrefix?: string;
  }[];
  profiles?: { heading: string; weights: M[] }[];
  defaultProfile?: M[];
}
export interface V1Mtfp {
  plan: { year: string; budgetRequirement: M; funding: M }[];
  gapFundedFrom: string[];
  scenarios?: { label: string; changes: { year: string; budgetRequirement?: M; funding?: M }[] }[];
}
export interface V1Section { label?: string; subtotalLabel?: string; income?: boolean; lines: { label: string; ref?: string; originalBudget?: M; revisedBudget?: M; outturn?: M; income?: boolean }[] }
/** A section with its lines (a service of a group, or a top-level section), its JSON path and its group's index. */
export interface V1Leaf { s: V1Section; p: (string | number)[]; group?: number }

/** The ledger: lines kept as decimal text (validated here once), mapping rows as code criteria. */
export function ledgerModel(l: V1Ledger, sections: V1Leaf[], errors: InputError[], src: Src, money: MoneyFn): LedgerInput {
  const headings = new Set(sections.flatMap(({ s }) => s.lines.map((x) => x.label)));
  const originalBudgets = new Map<string, Dec>();
  sections.forEach(({ s, p: sp }) => s.lines.forEach((x, j) => {
    const p = [...sp, 'lines', j];
    for (const k of ['revisedBudget', 'outturn'] as const) {
      if (x[k] !== undefined) errors.push({ where: src([...p, k]), message: `with revenue.ledger, the ${k === 'outturn' ? 'outturn' : 'revised budget'} of a heading comes from the ledger: leave it out` });
    }
    if (x.originalBudget !== undefined) originalBudgets.set(x.label, money(x.originalBudget, [...p, 'originalBudget']));
  }));
  const code = (v: string | number) => String(v);
  /** money text of a line: a decimal string as is, a safe integer as its digits */
  const amount = (v: string | number, i: number, k: string): string => {
    if (typeof v === 'string') return v;
    if (!Number.isSafeInteger(v)) {
      errors.push({ where: src(['revenue', 'ledger', 'lines', i, k]), message: `the integer ${v} is beyond exact JSON numbers: write money as a decimal string` });
      return '0';
    }
    return String(v);
  };
  const month = l.month;
  let forecastWithoutMonth = -1;
  // The document's own line objects are the model's lines (they hold only the known fields, the
  // schema has said so), not copies; a line with an integer JSON code or amount is converted to text.
  const given = l.lines ?? [];
  let lines = given as LedgerLine[];
  for (let i = 0; i < given.length; i++) {
    const x = given[i];
    if (x.forecast !== undefined && month === undefined && forecastWithoutMonth < 0) forecastWithoutMonth = i;
    if (typeof x.costCentre === 'string' && typeof x.account === 'string' && typeof x.budget === 'string' && typeof x.actualToDate === 'string' &&
      (x.commitments === undefined || typeof x.commitments === 'string') && (x.forecast === undefined || typeof x.forecast === 'string')) continue;
    const line: LedgerLine = {
      costCentre: code(x.costCentre),
      account: code(x.account),
      budget: amount(x.budget, i, 'budget'),
      actualToDate: amount(x.actualToDate, i, 'actualToDate'),
    };
    if (x.description !== undefined) line.description = x.description;
    if (x.commitments !== undefined) line.commitments = amount(x.commitments, i, 'commitments');
    if (x.forecast !== undefined) line.forecast = amount(x.forecast, i, 'forecast');
    if (lines === given) lines = given.slice() as LedgerLine[];
    lines[i] = line;
  }
  if (forecastWithoutMonth >= 0) {
    errors.push({ where: src(['revenue', 'ledger', 'lines', forecastWithoutMonth, 'forecast']), message: 'a forecast for the rest of the year needs revenue.ledger.month (the month the actuals run to)' });
  }
  const mapping = l.mapping.map((m, i) => {
    const p = ['revenue', 'ledger', 'mapping', i];
    if (!headings.has(m.heading)) errors.push({ where: src([...p, 'heading']), message: `${JSON.stringify(m.heading)} is not a heading of Table 1 (revenue.sections[].lines[].label)` });
    const crit = (exact: string | number | undefined, range: { from: string | number; to: string | number } | undefined, prefix: string | undefined, what: string): CodeMatch | undefined => {
      const given = [exact !== undefined, range !== undefined, prefix !== undefined].filter(Boolean).length;
      if (given > 1) errors.push({ where: src(p), message: `give one ${what} criterion (exact, range or prefix), not ${given}` });
      if (range && compareCodesLoose(code(range.from), code(range.to)) > 0) errors.push({ where: src([...p, `${what === 'cost centre' ? 'costCentres' : 'accounts'}`]), message: `the range runs from ${range.from} to ${range.to}: "from" is after "to"` });
      if (exact !== undefined) return { exact: code(exact) };
      if (range) return { from: code(range.from), to: code(range.to) };
      if (prefix !== undefined) return { prefix };
      return undefined;
    };
    const costCentre = crit(m.costCentre, m.costCentres, m.costCentrePrefix, 'cost centre');
    const account = crit(m.account, m.accounts, m.accountPrefix, 'account');
    if (!costCentre && !account) errors.push({ where: src(p), message: 'a mapping row needs a cost centre or an account criterion (it would match every line)' });
    return { heading: m.heading, costCentre, account, source: src(p) };
  });
  const weights = (w: (string | number)[], p: (string | number)[]) => {
    const ws = w.map((x) => new Dec(x));
    if (ws.every((x) => x.isZero())) errors.push({ where: src(p), message: 'the weights of a profile must not all be nil' });
    return ws;
  };
  const profiles = (l.profiles ?? []).map((pr, i) => {
    const p = ['revenue', 'ledger', 'profiles', i];
    if (!headings.has(pr.heading)) errors.push({ where: src([...p, 'heading']), message: `${JSON.stringify(pr.heading)} is not a heading of Table 1` });
    return { heading: pr.heading, weights: weights(pr.weights, [...p, 'weights']), source: src(p) };
  });
  const seen = new Set<string>();
  (l.profiles ?? []).forEach((pr, i) => {
    if (seen.has(pr.heading)) errors.push({ where: src(['revenue', 'ledger', 'profiles', i, 'heading']), message: `a second profile for ${JSON.stringify(pr.heading)}` });
    seen.add(pr.heading);
  });
  return {
    lines,
    mapping,
    month,
    profiles,
    defaultProfile: l.defaultProfile ? weights(l.defaultProfile, ['revenue', 'ledger', 'defaultProfile']) : undefined,
    originalBudgets,
    lineSource: (i) => src(['revenue', 'ledger', 'lines', i]),
  };
}

/** Code order as the engine uses it (digits as numbers), for validating ranges. */
function compareCodesLoose(a: string, b: string): number {
  if (/^[0-9]+$/.test(a) && /^[0-9]+$/.test(b)) {
    const x = a.replace(/^0+(?=.)/, '');
    const y = b.replace(/^0+(?=.)/, '');
    if (x.length !== y.length) return x.length - y.length;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The MTFP: one plan entry per forecast year; scenarios as the base plus their changes. */
export function mtfpModel(m: V1Mtfp, r: { years: string[]; reserves: { label: string }[] }, actualYears: number, errors: InputError[], src: Src, money: MoneyFn): MtfpInput {
  const forecastYears = r.years.slice(actualYears);
  if (m.plan.length !== forecastYears.length) {
    errors.push({ where: src(['reserves', 'mtfp', 'plan']), message: `${m.plan.length} plan year(s) for ${forecastYears.length} forecast year(s) (${forecastYears.join(', ') || 'none'}): give one per forecast year` });
  }
  m.plan.forEach((p, f) => {
    if (forecastYears[f] !== undefined && p.year !== forecastYears[f]) errors.push({ where: src(['reserves', 'mtfp', 'plan', f, 'year']), message: `expected ${forecastYears[f]} (the forecast years of reserves.years, in order), not ${p.year}` });
  });
  const plan = m.plan.map((p, f) => ({
    budgetRequirement: money(p.budgetRequirement, ['reserves', 'mtfp', 'plan', f, 'budgetRequirement']),
    funding: money(p.funding, ['reserves', 'mtfp', 'plan', f, 'funding']),
  }));
  const labels = new Set(r.reserves.map((x) => x.label));
  m.gapFundedFrom.forEach((l, i) => {
    if (!labels.has(l)) errors.push({ where: src(['reserves', 'mtfp', 'gapFundedFrom', i]), message: `${JSON.stringify(l)} is not a reserve of the statement` });
    if (m.gapFundedFrom.indexOf(l) !== i) errors.push({ where: src(['reserves', 'mtfp', 'gapFundedFrom', i]), message: `${JSON.stringify(l)} is named twice` });
  });
  const seen = new Set<string>();
  const scenarios = (m.scenarios ?? []).map((s, k) => {
    const p = ['reserves', 'mtfp', 'scenarios', k];
    if (seen.has(s.label) || s.label === 'Base') errors.push({ where: src([...p, 'label']), message: `the scenario label ${JSON.stringify(s.label)} is ${s.label === 'Base' ? 'the base case\'s' : 'used twice'}` });
    seen.add(s.label);
    const sp = plan.map((x) => ({ ...x }));
    s.changes.forEach((c, j) => {
      const f = forecastYears.indexOf(c.year);
      if (f < 0 || f >= sp.length) {
        errors.push({ where: src([...p, 'changes', j, 'year']), message: `${c.year} is not a forecast year of the plan (${forecastYears.join(', ')})` });
        return;
      }
      if (c.budgetRequirement !== undefined) sp[f].budgetRequirement = sp[f].budgetRequirement.plus(money(c.budgetRequirement, [...p, 'changes', j, 'budgetRequirement']));
      if (c.funding !== undefined) sp[f].funding = sp[f].funding.plus(money(c.funding, [...p, 'changes', j, 'funding']));
    });
    return { label: s.label, plan: sp, source: src(p) };
  });
  return { plan, gapFundedFrom: m.gapFundedFrom, scenarios, source: src(['reserves', 'mtfp']) };
}
