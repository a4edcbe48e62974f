// Places a table shows (issue 11): bodies print £, £'000 or £m to 0–3 places. A table shows the
// places its `layout.decimals` asks for; otherwise what its inputs carry when they are in the
// display units (a £m table typed to three places shows three places), never fewer than the
// units' default (whole £ and £'000, £m to one place) and never more than three. Inputs in £ shown
// as £ keep whole pounds (pennies are rounded away, as the published tables do) unless asked.
import type { Dec } from '../base/decimal';
import type { Units } from './model';
import { placesFor } from './units';

export const MAX_PLACES = 3;

/** Decimal places written in an exact input figure ("20.195" → 3, "14760.3" → 1, "100" → 0). */
export function placesCarried(d: Dec): number {
  return Math.max(0, d.decimalPlaces());
}

/**
 * The places a table's money figures show.
 * @param units the units the inputs are typed in
 * @param displayUnits the units the table shows
 * @param decimals the table's own setting (0–3), when given
 * @param inputs every money input of the table (exact, in `units`)
 * @returns an integer 0–3
 */
export function tablePlaces(units: Units, displayUnits: Units, decimals: number | undefined, inputs: Iterable<Dec>): number {
  if (decimals !== undefined) return decimals;
  const base = placesFor(displayUnits);
  if (units !== displayUnits || displayUnits === '£') return base;
  let carried = 0;
  for (const d of inputs) {
    carried = Math.max(carried, placesCarried(d));
    if (carried >= MAX_PLACES) return MAX_PLACES;
  }
  return Math.max(base, carried);
}

/** The `places` a Table records: only when it differs from the units' default (keeps existing results unchanged). */
export function placesField(displayUnits: Units, places: number): { places?: number } {
  return places === placesFor(displayUnits) ? {} : { places };
}
