// A figure per week, month or day beside the same figure per year (a council tax page's bands, "Increase per year |
// Increase per week"; a year's instalments): the share of the year that gives it, exact, and the test of a printed
// pair against it. Pure: decimals in, booleans and decimals out.
import { Dec } from '../base/decimal';
import type { Num } from './findings';
import { stepOf } from './grid';

/**
 * A figure per period as a share num/den of the year's, exact: a week is 1/52 of the year, or 7/365 of it on a
 * 365-day year (Buckinghamshire fire's band table 2025/26, T13-02: E 103.23 × 7/365 = 1.9797 → 1.98 where ÷ 52
 * gives 1.9852 → 1.99); a month 1/12; ten instalments 1/10.
 */
export interface PeriodBasis {
  num: Dec;
  den: Dec;
  /** how it is said: "÷ 52", "× 7/365" */
  text: string;
}

/** The share num/den of a year (whole numbers; num 1 is said "÷ den"). */
export const basis = (num: number, den: number): PeriodBasis => ({ num: new Dec(num), den: new Dec(den), text: num === 1 ? `÷ ${den}` : `× ${num}/${den}` });

/**
 * Whether p (a figure per period, as printed) is y (the year's, as printed) × num/den within what the rounding of
 * the two printed figures allows: |p − y·num/den| ≤ ½ unit of p + ½ unit of y × num/den, compared by
 * cross-multiplication (|p·den − y·num| ≤ ½u_p·den + ½u_y·num), so nothing is rounded.
 */
export function fitsPeriod(p: Num, y: Num, b: PeriodBasis): boolean {
  const half = (places: number) => stepOf(places).div(2);
  return p.value.times(b.den).minus(y.value.times(b.num)).abs().lte(half(p.places).times(b.den).plus(half(y.places).times(b.num)));
}

/** y × num/den rounded half up to `places`: the figure per period a line should print (shown as the expected figure). */
export const perPeriodOf = (y: Dec, b: PeriodBasis, places: number): Dec => y.times(b.num).div(b.den).toDecimalPlaces(places, Dec.ROUND_HALF_UP);
