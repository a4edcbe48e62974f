// Exact money arithmetic: one configured decimal.js clone for the whole engine.
// Precision 40 means no sum, difference or ratio of money the engine forms is ever rounded silently;
// rounding happens only where a table says so, half away from zero.
import DecimalJs from 'decimal.js';

export const Dec = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP, // decimal.js HALF_UP = ties away from zero, as Excel's ROUND
  toExpNeg: -50,
  toExpPos: 50,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

/** Round to `dp` decimal places, ties away from zero. */
export function round(d: Dec, dp: number): Dec {
  return d.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
}

/** Plain decimal text without exponent, separators or negative zero: "-6994481", "24978.41". */
export function text(d: Dec): string {
  const s = d.toFixed();
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

export function sum(values: readonly Dec[]): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Strict decimal text of the interchange format: optional minus, digits, optional fraction. */
export const DECIMAL_TEXT = /^-?[0-9]+(\.[0-9]+)?$/;

export function parseDecimal(s: string): Dec {
  if (!DECIMAL_TEXT.test(s)) throw new Error(`not a decimal: ${JSON.stringify(s)}`);
  return new Dec(s);
}

/** Significant digits of a decimal as written to a spreadsheet cell (Excel keeps 15). */
export function significantDigits(d: Dec): number {
  const digits = d.abs().toFixed().replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/** Can this decimal be stored in an Excel cell (IEEE double, 15 significant digits) and read back unchanged? */
export function survivesSpreadsheet(d: Dec): boolean {
  return significantDigits(d) <= 15;
}

/**
 * The one place where an exact decimal becomes a spreadsheet number (an IEEE double).
 * Throws rather than change the value silently.
 */
export function toSpreadsheetNumber(d: Dec): number {
  if (!survivesSpreadsheet(d)) {
    throw new Error(`${text(d)} has more than 15 significant digits and would change in a spreadsheet cell`);
  }
  // Double conversion at the host edge: exact for <= 15 significant digits (checked above).
  const n = Number(text(d));
  if (!new Dec(String(n)).eq(d)) throw new Error(`${text(d)} does not survive conversion to a spreadsheet number`);
  return n;
}

/** Read a spreadsheet number back as the decimal it displays with 15 significant digits. */
export function fromSpreadsheetNumber(n: number): Dec {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return new Dec(n.toPrecision(15));
}
