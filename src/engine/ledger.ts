// Ledger-level input (outturn/v1 `revenue.ledger`): ledger lines (cost centre, account, budget,
// actual to date, commitments, the user's forecast) mapped to Table 1's headings by a mapping table
// of exact codes, ranges and prefixes; aggregated exactly (integer pence, safe-integer checked, with
// decimal.js beyond — src/engine/pence.ts), and, at month N, forecast to the year end.
//
// Every line lands in exactly one heading, or is reported: a line no mapping row matches is
// unmapped; a line that rows for two different headings match is doubly mapped. Neither is counted
// in any heading, so Table 1 then does not reconcile to the ledger total and the check says so.
import { invariant } from '../base/invariant';
import { Dec, ZERO, round, sum } from '../base/decimal';
import type { BucketTotals, CodeMatch, LedgerAggregate, LedgerInput, LedgerLine, RevenueInput } from './model';

export type { BucketTotals, LedgerAggregate } from './model';
import { amountOf, pence, PenceTotals, SAFE_SUM } from './pence';
import { convert } from './units';

// The hot loop's imports, bound once to module constants: under esbuild's CommonJS output (what tsx
// runs the sources through, the tests and the bench included) every use of an imported name is a
// getter call on the module object, several per ledger line; tsc's output (lib/) reads a plain
// property. Measured at 10^6 lines: 258 ms through the getters against 87 ms as lib/ runs it.
const toPence = pence;
const SAFE = SAFE_SUM;

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

/**
 * Exact running totals of the buckets (headings, unmapped, mapped twice, the ledger total), five
 * sums each, kept by the product's one integer-pence running total (PenceTotals, src/engine/pence.ts).
 */
const BUDGET = 0;
const ACTUAL = 1;
const COMMITMENTS = 2;
const FORECAST = 3;
/** the budget of lines with a forecast of their own (the profile forecasts the rest of the budget) */
const BUDGET_FORECAST = 4;
const FIELDS = 5;

class Sums {
  readonly store: PenceTotals;
  /** integer pence of every sum (the hot loop adds to it directly, with the same carry rule) */
  readonly pence: Float64Array;
  readonly lines: Float64Array;
  readonly linesWithForecast: Float64Array;

  constructor(buckets: number) {
    this.store = new PenceTotals(buckets * FIELDS);
    this.pence = this.store.pence;
    this.lines = new Float64Array(buckets);
    this.linesWithForecast = new Float64Array(buckets);
  }

  /** adds integer pence (|v| < 10^15) to sum k */
  add(k: number, v: number): void {
    this.store.add(k, v);
  }

  /** adds an amount that is integer pence or an exact decimal (pounds) */
  put(k: number, v: number | Dec): void {
    this.store.put(k, v);
  }

  /** a line with any amount outside the fast path, or with commitments or a forecast */
  addLine(bucket: number, b: number | Dec, a: number | Dec, c: number | Dec | undefined, f: number | Dec | undefined): void {
    const k = bucket * FIELDS;
    this.lines[bucket]++;
    this.put(k + BUDGET, b);
    this.put(k + ACTUAL, a);
    if (c !== undefined) this.put(k + COMMITMENTS, c);
    if (f !== undefined) {
      this.put(k + FORECAST, f);
      this.put(k + BUDGET_FORECAST, b);
      this.linesWithForecast[bucket]++;
    }
  }

  value(k: number): Dec {
    return this.store.value(k);
  }

  totals(bucket: number): BucketTotals {
    const k = bucket * FIELDS;
    const budget = this.value(k + BUDGET);
    return {
      budget,
      actual: this.value(k + ACTUAL),
      commitments: this.value(k + COMMITMENTS),
      forecast: this.value(k + FORECAST),
      budgetNoForecast: budget.minus(this.value(k + BUDGET_FORECAST)),
      lines: this.lines[bucket],
      linesWithForecast: this.linesWithForecast[bucket],
    };
  }
}

/** Integer pence when the fast path can take the text, else the exact decimal. */
function amount(s: string): number | Dec {
  const v = amountOf(s);
  invariant(v !== undefined, () => `not a decimal amount: ${JSON.stringify(s)} (validation lets none through)`);
  return v;
}



/**
 * Aggregates ledger lines into Table 1's headings one line at a time, so that a host reading a
 * ledger export can sum each line as it is read and never hold them all (src/cli/ledger-file.ts):
 * `add` every line in order, then `result()`. Matching is worked out once per distinct cost centre
 * and account (bitsets of mapping rows), and once per distinct pair of them; per line: two map
 * look-ups, two amounts read as integer pence, four exact integer additions (the line's bucket and,
 * independently of the mapping, the ledger total). Exact: integer pence with the safe-integer carry
 * of src/engine/pence.ts, decimal.js for amounts beyond it. Lines are numbered from 0 in the order
 * added (`lineSource` of the model names them).
 */
export class LedgerAggregator {
  private readonly headingCount: number;
  private readonly words: number;
  private readonly rowHeading: number[];
  private readonly ccIds = new Map<string, number>();
  private readonly ccBits: Uint32Array[] = [];
  private readonly acIds = new Map<string, number>();
  private readonly acBits: Uint32Array[] = [];
  /** per cost centre id, account id → bucket: a heading index, UNMAPPED, or AMBIGUOUS + k for
   *  ambiguousPairs[k] (small-integer indexes: one map of nested maps per line was much slower) */
  private readonly pairs: number[][] = [];
  private readonly ambiguousPairs: string[][] = [];
  private readonly UNMAPPED: number;
  private readonly TOTAL: number;
  private readonly AMBIGUOUS: number;
  private readonly sums: Sums;
  private readonly unmappedLines: number[] = [];
  private readonly ambiguousLines: LedgerAggregate['ambiguousLines'] = [];
  private readonly kept = new Map<number, LedgerLine>();
  private hasCommitments = false;
  private firstForecast = -1;
  private readonly all: Uint32Array;
  private readonly byAccount: Uint32Array;
  private readonly byCentre: Uint32Array;
  /** per cost centre id: its bucket when that does not depend on the account, else -1 */
  private readonly ccOnly: number[] = [];
  /** per account id: its bucket when that does not depend on the cost centre, else -1 */
  private readonly acOnly: number[] = [];
  /** lines added so far: the index of the next */
  count = 0;

  constructor(
    private readonly mapping: LedgerInput['mapping'],
    private readonly headings: string[],
  ) {
    const headingIndex = new Map(headings.map((h, i) => [h, i]));
    const words = (this.words = Math.max(1, Math.ceil(mapping.length / 32)));
    this.rowHeading = mapping.map((m) => {
      const i = headingIndex.get(m.heading);
      invariant(i !== undefined, () => `mapping to ${JSON.stringify(m.heading)}, which is not a Table 1 heading (validation lets none through)`);
      return i;
    });
    this.headingCount = headings.length;
    this.UNMAPPED = headings.length;
    this.TOTAL = this.UNMAPPED + 1;
    this.AMBIGUOUS = this.TOTAL + 1;
    this.sums = new Sums(this.AMBIGUOUS + 1);
    // Rows with no account criterion match every account (and likewise for cost centres). When none
    // of the rows a cost centre matches names an account, its lines' bucket does not depend on the
    // account: it is worked out once per cost centre (ccOnly) and the account is not looked up.
    this.all = new Uint32Array(words).fill(0xffffffff);
    this.byAccount = new Uint32Array(words);
    this.byCentre = new Uint32Array(words);
    mapping.forEach((m, k) => {
      if (m.account !== undefined) this.byAccount[k >>> 5] |= 1 << (k & 31);
      if (m.costCentre !== undefined) this.byCentre[k >>> 5] |= 1 << (k & 31);
    });
  }

  private bits(code: string, which: 'costCentre' | 'account'): Uint32Array {
    const w = new Uint32Array(this.words);
    this.mapping.forEach((m, k) => {
      const c = m[which];
      if (c === undefined || codeMatches(code, c)) w[k >>> 5] |= 1 << (k & 31);
    });
    return w;
  }

  /** the bucket of the lines whose mapping rows are the rows set in both a and b */
  private target(a: Uint32Array, b: Uint32Array): number {
    const found: number[] = [];
    for (let w = 0; w < this.words; w++) {
      let x = a[w] & b[w];
      while (x !== 0) {
        const bit = 31 - Math.clz32(x & -x);
        const h = this.rowHeading[w * 32 + bit];
        if (!found.includes(h)) found.push(h);
        x &= x - 1;
      }
    }
    if (found.length === 0) return this.UNMAPPED;
    if (found.length === 1) return found[0];
    this.ambiguousPairs.push(found.sort((p, q) => p - q).map((h) => this.headings[h]));
    return this.AMBIGUOUS + this.ambiguousPairs.length - 1;
  }

  private static none(x: Uint32Array, y: Uint32Array): boolean {
    return x.every((v, w) => (v & y[w]) === 0);
  }

  /** The bucket of a line: a heading index, UNMAPPED, or AMBIGUOUS + k. */
  private bucketOf(costCentre: string, account: string): number {
    let cc = this.ccIds.get(costCentre);
    if (cc === undefined) {
      cc = this.ccBits.length;
      this.ccIds.set(costCentre, cc);
      const b = this.bits(costCentre, 'costCentre');
      this.ccBits.push(b);
      this.ccOnly.push(LedgerAggregator.none(b, this.byAccount) ? this.target(b, this.all) : -1);
      this.pairs.push([]);
    }
    let t = this.ccOnly[cc];
    if (t >= 0) return t;
    let ac = this.acIds.get(account);
    if (ac === undefined) {
      ac = this.acBits.length;
      this.acIds.set(account, ac);
      const b = this.bits(account, 'account');
      this.acBits.push(b);
      this.acOnly.push(LedgerAggregator.none(b, this.byCentre) ? this.target(this.all, b) : -1);
    }
    t = this.acOnly[ac];
    if (t >= 0) return t;
    const byAc = this.pairs[cc];
    t = byAc[ac];
    if (t === undefined) t = byAc[ac] = this.target(this.ccBits[cc], this.acBits[ac]);
    return t;
  }

  /**
   * Adds line number `count` (then counts it). Amounts are decimal text as validated (outturn/v1 money).
   * Returns true when the line is kept for a finding (the first lines not mapped or mapped twice,
   * the first with a forecast): the caller may want to say where it came from.
   */
  add(l: LedgerLine): boolean {
    const i = this.count++;
    const t = this.bucketOf(l.costCentre, l.account);
    const { AMBIGUOUS, TOTAL, sums } = this;
    const bucket = t < AMBIGUOUS ? t : AMBIGUOUS;
    let keep = false;
    if (t === this.UNMAPPED) {
      if (this.unmappedLines.length < MAX_LINE_FINDINGS) {
        this.unmappedLines.push(i);
        this.kept.set(i, keep1(l));
        keep = true;
      }
    } else if (t >= AMBIGUOUS) {
      if (this.ambiguousLines.length < MAX_LINE_FINDINGS) {
        this.ambiguousLines.push({ line: i, headings: this.ambiguousPairs[t - AMBIGUOUS] });
        this.kept.set(i, keep1(l));
        keep = true;
      }
    }
    const b = toPence(l.budget);
    const a = toPence(l.actualToDate);
    if (b !== undefined && a !== undefined && l.commitments === undefined && l.forecast === undefined) {
      // the common line: budget and actual in pence, summed in its bucket and in the total
      const pn = sums.pence;
      const count = sums.lines;
      const k = bucket * FIELDS;
      const T = TOTAL * FIELDS;
      count[bucket]++;
      count[TOTAL]++;
      let s = pn[k + BUDGET] + b;
      if (s > SAFE || s < -SAFE) sums.add(k + BUDGET, b);
      else pn[k + BUDGET] = s;
      s = pn[k + ACTUAL] + a;
      if (s > SAFE || s < -SAFE) sums.add(k + ACTUAL, a);
      else pn[k + ACTUAL] = s;
      s = pn[T + BUDGET] + b;
      if (s > SAFE || s < -SAFE) sums.add(T + BUDGET, b);
      else pn[T + BUDGET] = s;
      s = pn[T + ACTUAL] + a;
      if (s > SAFE || s < -SAFE) sums.add(T + ACTUAL, a);
      else pn[T + ACTUAL] = s;
    } else {
      const bb = b ?? amount(l.budget);
      const aa = a ?? amount(l.actualToDate);
      const c = l.commitments !== undefined ? amount(l.commitments) : undefined;
      const f = l.forecast !== undefined ? amount(l.forecast) : undefined;
      if (c !== undefined) this.hasCommitments = true;
      if (f !== undefined && this.firstForecast < 0) {
        this.firstForecast = i;
        keep = true;
      }
      sums.addLine(bucket, bb, aa, c, f);
      sums.addLine(TOTAL, bb, aa, c, f);
    }
    return keep;
  }

  /** The totals of every line added. */
  result(): LedgerAggregate {
    const { sums } = this;
    return {
      headings: this.headings,
      byHeading: Array.from({ length: this.headingCount }, (_, i) => sums.totals(i)),
      unmapped: sums.totals(this.UNMAPPED),
      ambiguous: sums.totals(this.AMBIGUOUS),
      total: sums.totals(this.TOTAL),
      unmappedLines: this.unmappedLines,
      ambiguousLines: this.ambiguousLines,
      kept: this.kept,
      hasCommitments: this.hasCommitments,
      hasForecast: this.firstForecast >= 0,
      firstForecast: this.firstForecast,
    };
  }
}

/**
 * A copy of a line with strings of its own: a reader's strings may be slices of a much larger
 * chunk of text, which a kept line would otherwise hold in memory.
 */
function keep1(l: LedgerLine): LedgerLine {
  return structuredClone(l);
}

/**
 * Aggregates the ledger into the headings (LedgerAggregator over `ledger.lines`), or gives the
 * aggregate the host made while reading the lines (`ledger.aggregated`: the lines were summed as they
 * were read, see src/cli/ledger-file.ts).
 */
export function aggregateLedger(ledger: LedgerInput, headings: string[]): LedgerAggregate {
  if (ledger.aggregated) {
    const h = ledger.aggregated.headings;
    invariant(h.length === headings.length && h.every((x, i) => x === headings[i]), () => 'the ledger was aggregated for other headings');
    return ledger.aggregated;
  }
  const agg = new LedgerAggregator(ledger.mapping, headings);
  const lines = ledger.lines;
  for (let i = 0; i < lines.length; i++) agg.add(lines[i]);
  return agg.result();
}

/** The headings of Table 1 in table order, as the ledger is aggregated into them. */
export function ledgerHeadings(rev: RevenueInput): string[] {
  return rev.sections.flatMap((s) => s.lines.map((l) => l.label));
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

export function describeLine(l: LedgerLine): string {
  return `cost centre ${l.costCentre}, account ${l.account}${l.description ? ` (${l.description})` : ''}`;
}
