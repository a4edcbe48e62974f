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

/** Below this a difference from a decimal of at most 9 places is a formula's binary residue, not a figure's digit. */
const RESIDUE = new Dec('1e-10');

/**
 * A spreadsheet number as the figure it stands for, the binary residue of a formula's arithmetic
 * dropped: the 15-significant-digit decimal (fromSpreadsheetNumber), or — when that lies within 10^-10
 * of a decimal of at most 9 places — that decimal, with the fewest places. A formula's result carries
 * such residue: =E2-D2 with 261.7 and 260.4 stores −1.3000000000000114 (15 significant digits:
 * −1.30000000000001), which the cell shows as −1.3 (session-6 new user U6-15). A figure of at most
 * 9 places differs from any decimal of fewer places by 10^-9 at least, so it is its own decimal,
 * unchanged (£'000 with pence: −280,994,348.02789). Units: those of the cell. Throws for NaN or
 * ±Infinity (as fromSpreadsheetNumber).
 */
export function withoutResidue(n: number): Dec {
  const d = fromSpreadsheetNumber(n);
  if (d.decimalPlaces() <= 9) return d;
  for (let p = 0; p <= 9; p++) {
    const r = d.toDecimalPlaces(p, Dec.ROUND_HALF_UP);
    if (r.minus(d).abs().lt(RESIDUE)) return r;
  }
  return d;
}
