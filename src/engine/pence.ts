// Exact sums of many decimal amounts, fast: the hot loop of ledger aggregation.
//
// A ledger line's amount ("12345.67", "-0.5", "100") is read straight from its text into integer
// pence held in a JS number, and summed as integers. Integer arithmetic on IEEE doubles is exact
// while every operand and result is a safe integer (|x| <= 2^53 - 1): each amount is at most 15
// digits of pence (< 10^15 < 2^53), and before each addition the running sum is checked and, if
// the addition could leave the safe range, carried into an exact decimal first. Amounts the fast
// path cannot take (more than two decimal places, more than 15 digits, anything unusual) are summed
// with decimal.js directly. No fractional floating-point value is ever formed: the result is exact.
import { Dec, ZERO } from '../base/decimal';

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

/** An exact running total of decimal amounts: integer pence while it can, decimal.js beyond. */
export class ExactSum {
  /** integer pence, always a safe integer */
  private p = 0;
  /** the part carried out of `p`, and every amount the fast path could not take */
  private rest: Dec = ZERO;
  private carried = false;

  /** Adds a decimal text; returns false (and adds nothing) when the text is not a decimal. */
  addText(s: string): boolean {
    const v = pence(s);
    if (v !== undefined) {
      this.addPence(v);
      return true;
    }
    if (!/^-?[0-9]+(\.[0-9]+)?$/.test(s)) return false;
    this.rest = this.rest.plus(new Dec(s));
    this.carried = true;
    return true;
  }

  /** Adds integer pence; `v` must be a safe integer. */
  addPence(v: number): void {
    if (!Number.isSafeInteger(v)) throw new RangeError(`not a safe integer number of pence: ${v}`);
    const p = this.p;
    // p + v is exact when the true sum is within ±MAX; check that before adding.
    if ((v > 0 && p > MAX - v) || (v < 0 && p < -MAX - v)) {
      this.rest = this.rest.plus(new Dec(p).div(100));
      this.carried = true;
      this.p = v;
    } else {
      this.p = p + v;
    }
  }

  add(d: Dec): void {
    this.rest = this.rest.plus(d);
    this.carried = true;
  }

  /** The exact total, in pounds. */
  value(): Dec {
    const fast = new Dec(this.p).div(100);
    return this.carried ? fast.plus(this.rest) : fast;
  }
}
