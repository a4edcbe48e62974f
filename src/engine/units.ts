// Units of a table and the conversions between them; all exact.
import { Dec } from '../base/decimal';
import type { Units } from './model';

const FACTOR: Record<Units, number> = { '£': 1, "£'000": 1000, '£m': 1000000 };

/** Places a table in these units shows: whole pounds, whole thousands, or £m to one place. */
export function placesFor(units: Units): number {
  return units === '£m' ? 1 : 0;
}

/** An amount given in `from` units, expressed exactly in `to` units. */
export function convert(amount: Dec, from: Units, to: Units): Dec {
  if (from === to) return amount;
  return amount.times(FACTOR[from]).div(FACTOR[to]);
}

export function toPounds(amount: Dec, from: Units): Dec {
  return convert(amount, from, '£');
}
