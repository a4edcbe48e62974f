// Ledger-level input (outturn/v1 `revenue.ledger`): ledger lines (cost centre, account, budget,
// actual to date, commitments, the user's forecast) mapped to Table 1's headings by a mapping table
// of exact codes, ranges and prefixes; aggregated exactly (integer pence, safe-integer checked, with
// decimal.js beyond — src/engine/pence.ts), and, at month N, forecast to the year end.
//
// Every line lands in exactly one heading, or is reported: a line no mapping row matches is
// unmapped; a line that rows for two different headings match is doubly mapped. Neither is counted
// in any heading, so Table 1 then does not reconcile to the ledger total and the check says so.
import { Dec, ZERO, round, sum } from './decimal';
import type { CodeMatch, LedgerInput, LedgerLine, RevenueInput } from './model';
import { ExactSum, pence } from './pence';
import { convert } from './units';

/** Findings name at most this many lines of each kind one by one; a summary finding covers the rest. */
export const MAX_LINE_FINDINGS = 200;

const DIGITS = /^[0-9]+$/;

/** Orders codes: numerically when both are all digits (so 999 < 1000), otherwise as text. */
export function compareCodes(a: string, b: string): number {
  if (DIGITS.test(a) && DIGITS.test(b)) {
    const x = a.replace(/^0+(?=.)/, '');
    const y = b.replace(/^0+(?=.)/, '');
    if (x.length !== y.length) return x.length - y.length;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function codeMatches(code: string, m: CodeMatch): boolean {
  if (m.exact !== undefined) return code === m.exact;
  if (m.prefix !== undefined) return code.startsWith(m.prefix);
  if (m.from !== undefined && m.to !== undefined) return compareCodes(code, m.from) >= 0 && compareCodes(code, m.to) <= 0;
  return true;
}

/** Exact running totals of one bucket of lines. */
class Totals {
  budget = new ExactSum();
  actual = new ExactSum();
  commitments = new ExactSum();
  /** the user's rest-of-year forecasts, where given */
  forecast = new ExactSum();
  /** the budget of lines with no forecast of their own: the profile forecasts it */
  budgetNoForecast = new ExactSum();
  lines = 0;
  linesWithForecast = 0;

  add(l: LedgerLine): void {
    this.addAmounts(amount(l.budget), amount(l.actualToDate), l.commitments !== undefined ? amount(l.commitments) : undefined, l.forecast !== undefined ? amount(l.forecast) : undefined);
  }

  /** A line's amounts, read once (a line is added to its bucket and to the ledger total). */
  addAmounts(budget: number | Dec, actual: number | Dec, commitments: number | Dec | undefined, forecast: number | Dec | undefined): void {
    this.lines++;
    put(this.budget, budget);
    put(this.actual, actual);
    if (commitments !== undefined) put(this.commitments, commitments);
    if (forecast !== undefined) {
      put(this.forecast, forecast);
      this.linesWithForecast++;
    } else {
      put(this.budgetNoForecast, budget);
    }
  }

  value(): BucketTotals {
    return {
      budget: this.budget.value(),
      actual: this.actual.value(),
      commitments: this.commitments.value(),
      forecast: this.forecast.value(),
      budgetNoForecast: this.budgetNoForecast.value(),
      lines: this.lines,
      linesWithForecast: this.linesWithForecast,
    };
  }
}

/** Integer pence when the fast path can take the text, else the exact decimal. */
function amount(s: string): number | Dec {
  const p = pence(s);
  if (p !== undefined) return p;
  if (!/^-?[0-9]+(\.[0-9]+)?$/.test(s)) throw new Error(`not a decimal amount: ${JSON.stringify(s)}`);
  return new Dec(s);
}
function put(t: ExactSum, v: number | Dec): void {
  if (typeof v === 'number') t.addPence(v);
  else t.add(v);
}

export interface BucketTotals {
  budget: Dec;
  actual: Dec;
  commitments: Dec;
  forecast: Dec;
  budgetNoForecast: Dec;
  lines: number;
  linesWithForecast: number;
}

export interface LedgerAggregate {
  /** Table 1's headings in table order, and their totals (input units) */
  headings: string[];
  byHeading: BucketTotals[];
  unmapped: BucketTotals;
  ambiguous: BucketTotals;
  /** every line, summed on its own (independently of the mapping): the ledger total */
  total: BucketTotals;
  /** the first lines of each kind, for findings (at most MAX_LINE_FINDINGS each) */
  unmappedLines: number[];
  ambiguousLines: { line: number; headings: string[] }[];
  hasCommitments: boolean;
  hasForecast: boolean;
}

/**
 * Aggregates the ledger into the headings. Matching is worked out once per distinct cost centre and
 * account (bitsets of mapping rows), and once per distinct pair of them; the per-line loop is a few
 * map look-ups and integer additions.
 */
export function aggregateLedger(ledger: LedgerInput, headings: string[]): LedgerAggregate {
  const headingIndex = new Map(headings.map((h, i) => [h, i]));
  const rows = ledger.mapping;
  const words = Math.max(1, Math.ceil(rows.length / 32));
  const rowHeading = rows.map((m) => {
    const i = headingIndex.get(m.heading);
    if (i === undefined) throw new Error(`mapping to ${JSON.stringify(m.heading)}, which is not a Table 1 heading`);
    return i;
  });

  const bits = (code: string, which: 'costCentre' | 'account'): Uint32Array => {
    const w = new Uint32Array(words);
    rows.forEach((m, k) => {
      const c = m[which];
      if (c === undefined || codeMatches(code, c)) w[k >>> 5] |= 1 << (k & 31);
    });
    return w;
  };
  const ccIds = new Map<string, number>();
  const ccBits: Uint32Array[] = [];
  const acIds = new Map<string, number>();
  const acBits: Uint32Array[] = [];
  /** per cost centre, account → heading index (≥ 0), -1 unmapped, or -2 - k for ambiguousPairs[k]
   *  (small-integer keys: a single numeric key cc·2^21 + ac is a heap number, slow to hash) */
  const pairs: Map<number, number>[] = [];
  const ambiguousPairs: string[][] = [];

  const buckets = headings.map(() => new Totals());
  const unmapped = new Totals();
  const ambiguous = new Totals();
  const total = new Totals();
  const unmappedLines: number[] = [];
  const ambiguousLines: LedgerAggregate['ambiguousLines'] = [];
  let hasCommitments = false;
  let hasForecast = false;

  const lines = ledger.lines;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    let cc = ccIds.get(l.costCentre);
    if (cc === undefined) {
      cc = ccBits.length;
      ccIds.set(l.costCentre, cc);
      ccBits.push(bits(l.costCentre, 'costCentre'));
    }
    let ac = acIds.get(l.account);
    if (ac === undefined) {
      ac = acBits.length;
      acIds.set(l.account, ac);
      acBits.push(bits(l.account, 'account'));
    }
    const byAccount = (pairs[cc] ??= new Map<number, number>());
    let target = byAccount.get(ac);
    if (target === undefined) {
      const a = ccBits[cc];
      const b = acBits[ac];
      const found: number[] = [];
      for (let w = 0; w < words; w++) {
        let x = a[w] & b[w];
        while (x !== 0) {
          const bit = 31 - Math.clz32(x & -x);
          const h = rowHeading[w * 32 + bit];
          if (!found.includes(h)) found.push(h);
          x &= x - 1;
        }
      }
      if (found.length === 0) target = -1;
      else if (found.length === 1) target = found[0];
      else {
        ambiguousPairs.push(found.sort((p, q) => p - q).map((h) => headings[h]));
        target = -1 - ambiguousPairs.length;
      }
      byAccount.set(ac, target);
    }
    const b = amount(l.budget);
    const a = amount(l.actualToDate);
    const c = l.commitments !== undefined ? amount(l.commitments) : undefined;
    const f = l.forecast !== undefined ? amount(l.forecast) : undefined;
    total.addAmounts(b, a, c, f);
    if (l.commitments !== undefined) hasCommitments = true;
    if (l.forecast !== undefined) hasForecast = true;
    if (target >= 0) buckets[target].addAmounts(b, a, c, f);
    else if (target === -1) {
      unmapped.addAmounts(b, a, c, f);
      if (unmappedLines.length < MAX_LINE_FINDINGS) unmappedLines.push(i);
    } else {
      ambiguous.addAmounts(b, a, c, f);
      if (ambiguousLines.length < MAX_LINE_FINDINGS) ambiguousLines.push({ line: i, headings: ambiguousPairs[-2 - target] });
    }
  }
  return {
    headings,
    byHeading: buckets.map((b) => b.value()),
    unmapped: unmapped.value(),
    ambiguous: ambiguous.value(),
    total: total.value(),
    unmappedLines,
    ambiguousLines,
    hasCommitments,
    hasForecast,
  };
}

export const TWELFTHS: Dec[] = Array.from({ length: 12 }, () => new Dec(1));

/** The profile of a heading: its own, or the default, or even twelfths. */
export function profileOf(ledger: LedgerInput, heading: string): Dec[] {
  return ledger.profiles.find((p) => p.heading === heading)?.weights ?? ledger.defaultProfile ?? TWELFTHS;
}

/** The share of the year's budget the profile leaves after month N: Σ weights of months N+1..12 / Σ weights. */
export function remainingShare(weights: Dec[], month: number): { remaining: Dec; whole: Dec } {
  return { remaining: sum(weights.slice(month)), whole: sum(weights) };
}

/**
 * The rest of the year from the profile: budget × remaining weights / all weights, rounded to the
 * penny (half away from zero) once per heading.
 */
export function profiledRest(budget: Dec, units: RevenueInput['units'], weights: Dec[], month: number): Dec {
  const { remaining, whole } = remainingShare(weights, month);
  if (whole.isZero()) return ZERO;
  const pounds = round(convert(budget, units, '£').times(remaining).div(whole), 2);
  return convert(pounds, '£', units);
}

export interface HeadingForecast {
  heading: string;
  budget: Dec;
  actual: Dec;
  commitments: Dec;
  /** the users' forecasts for the rest of the year */
  forecastGiven: Dec;
  budgetNoForecast: Dec;
  /** the profile's share of the year left after month N (exact) */
  share: Dec;
  restFromProfile: Dec;
  /** actual + forecastGiven + restFromProfile */
  forecast: Dec;
}

/** Per heading: actual to date + the rest of the year (the user's forecast where given, else the profile). */
export function forecastHeadings(ledger: LedgerInput, agg: LedgerAggregate, units: RevenueInput['units'], month: number): HeadingForecast[] {
  return agg.headings.map((heading, i) => {
    const t = agg.byHeading[i];
    const weights = profileOf(ledger, heading);
    const { remaining, whole } = remainingShare(weights, month);
    const restFromProfile = profiledRest(t.budgetNoForecast, units, weights, month);
    return {
      heading,
      budget: t.budget,
      actual: t.actual,
      commitments: t.commitments,
      forecastGiven: t.forecast,
      budgetNoForecast: t.budgetNoForecast,
      share: whole.isZero() ? ZERO : remaining.div(whole),
      restFromProfile,
      forecast: t.actual.plus(t.forecast).plus(restFromProfile),
    };
  });
}

/** Table 1's lines filled from the ledger: the revenue input the rest of the engine builds from. */
export function revenueFromLedger(rev: RevenueInput, agg: LedgerAggregate, forecasts: HeadingForecast[] | undefined): RevenueInput {
  const ledger = rev.ledger!;
  let k = 0;
  const sections = rev.sections.map((s) => ({
    ...s,
    lines: s.lines.map((l) => {
      const i = k++;
      const t = agg.byHeading[i];
      return {
        ...l,
        originalBudget: ledger.originalBudgets.get(l.label) ?? t.budget,
        revisedBudget: t.budget,
        outturn: forecasts ? forecasts[i].forecast : t.actual,
      };
    }),
  }));
  return {
    ...rev,
    sections,
    basis: rev.basis ?? (ledger.month !== undefined ? `forecast at month ${ledger.month}` : undefined),
  };
}

export function describeLine(ledger: LedgerInput, i: number): string {
  const l = ledger.lines[i];
  return `cost centre ${l.costCentre}, account ${l.account}${l.description ? ` (${l.description})` : ''}`;
}
