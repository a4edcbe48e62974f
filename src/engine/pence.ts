// Exact sums of many decimal amounts, fast: the hot loop of ledger aggregation.
//
// A ledger line's amount ("12345.67", "-0.5", "100") is read straight from its text into integer
// pence held in a JS number, and summed as integers. Integer arithmetic on IEEE doubles is exact
// while every operand and result is a safe integer (|x| <= 2^53 - 1): each amount is at most 15
// digits of pence (< 10^15 < 2^53), and before each addition the running sum is checked and, if
// the addition could leave the safe range, carried into an exact decimal first. Amounts the fast
// path cannot take (more than two decimal places, more than 15 digits, anything unusual) are summed
// with decimal.js directly. No fractional floating-point value is ever formed: the result is exact.
import { Dec } from '../base/decimal';

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Integer pence of a strict decimal text (optional minus, digits, optional 1-2 decimals), or
 * undefined when the text is not of that form or has more than 15 digits (then use Dec).
 */
export function pence(s: string): number | undefined {
  const n = s.length;
  let i = 0;
  let neg = false;
  if (n === 0) return undefined;
  if (s.charCodeAt(0) === 45 /* - */) {
    neg = true;
    i = 1;
    if (n === 1) return undefined;
  }
  let v = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    digits++;
  }
  if (digits === 0) return undefined;
  let places = 0;
  if (i < n) {
    if (s.charCodeAt(i) !== 46 /* . */) return undefined;
    i++;
    if (i === n) return undefined;
    for (; i < n; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9 || places === 2) return undefined;
      v = v * 10 + c;
      digits++;
      places++;
    }
  }
  // At most 15 digits of pence (the digits written, and the places the scaling below adds):
  // below 10^15, far inside 2^53, so that the sums in ExactSum stay exact.
  if (digits + 2 - places > 15) return undefined;
  if (places === 0) v *= 100;
  else if (places === 1) v *= 10;
  return neg ? -v : v;
}

/**
 * Exact running totals, numbered 0..n-1, in one array of integer pence: THE integer-pence running
 * total of the product (the ledger's aggregation keeps its buckets' sums here; ExactSum is one of
 * them). `add` takes integer pence below 10^15 in size (what `pence` returns), so each addition
 * adds two safe integers whose result is below 2^53: exact; a total is carried into decimal.js as
 * soon as its size passes SAFE_SUM. Amounts the fast path cannot take go to decimal.js directly
 * (`carry`). No fractional floating-point value is ever formed.
 */
export class PenceTotals {
  /** integer pence of each total, always below SAFE_SUM in size (read directly by hot loops) */
  readonly pence: Float64Array;
  /** pounds carried out of `pence`, and amounts the fast path could not take */
  readonly rest: (Dec | undefined)[];

  constructor(n: number) {
    this.pence = new Float64Array(n);
    this.rest = new Array<Dec | undefined>(n).fill(undefined);
  }

  /** adds integer pence (|v| < 10^15) to total k */
  add(k: number, v: number): void {
    const s = this.pence[k] + v;
    if (s > SAFE_SUM || s < -SAFE_SUM) {
      this.carry(k, new Dec(s).div(100));
      this.pence[k] = 0;
    } else this.pence[k] = s;
  }

  /** adds exact pounds to total k */
  carry(k: number, d: Dec): void {
    const r = this.rest[k];
    this.rest[k] = r === undefined ? d : r.plus(d);
  }

  /** adds an amount that is integer pence (|v| < 10^15) or an exact decimal (pounds) */
  put(k: number, v: number | Dec): void {
    if (typeof v === 'number') this.add(k, v);
    else this.carry(k, v);
  }

  /** total k, exactly, in pounds */
  value(k: number): Dec {
    const fast = new Dec(this.pence[k]).div(100);
    const r = this.rest[k];
    return r === undefined ? fast : fast.plus(r);
  }
}

/** Below this size a total of integer pence can take one more amount of the fast path (< 10^15) exactly. */
export const SAFE_SUM = MAX - 1e15;

/** Integer pence when the fast path can take the text, else the exact decimal; undefined when it is not a decimal. */
export function amountOf(s: string): number | Dec | undefined {
  const p = pence(s);
  if (p !== undefined) return p;
  if (!/^-?[0-9]+(\.[0-9]+)?$/.test(s)) return undefined;
  return new Dec(s);
}

/** An exact running total of decimal amounts: one PenceTotals total. */
export class ExactSum {
  private readonly t = new PenceTotals(1);

  /** Adds a decimal text; returns false (and adds nothing) when the text is not a decimal. */
  addText(s: string): boolean {
    const v = amountOf(s);
    if (v === undefined) return false;
    this.t.put(0, v);
    return true;
  }

  /** Adds integer pence; `v` must be a safe integer. */
  addPence(v: number): void {
    if (!Number.isSafeInteger(v)) throw new RangeError(`not a safe integer number of pence: ${v}`);
    if (v >= 1e15 || v <= -1e15) this.t.carry(0, new Dec(v).div(100));
    else this.t.add(0, v);
  }

  add(d: Dec): void {
    this.t.carry(0, d);
  }

  /** The exact total, in pounds. */
  value(): Dec {
    return this.t.value(0);
  }
}
