// The sentences report authors copy next to the tables, formed from the figures the tables show.
import { Dec, round } from '../base/decimal';
import type { Units } from './model';
import { convert } from './units';

/**
 * "£0.371m": an amount in millions, to three places (or `places`, a £m table's own), half away
 * from zero. An amount too small to show in £m at those places ("£0.000m" for an £80 underspend)
 * is written in whole pounds instead: "£80", "£4,650" (issue 11).
 */
export function millions(amount: Dec, units: Units, places = 3): string {
  const m = round(convert(amount, units, '£m'), places);
  if (m.isZero() && !amount.isZero()) return pounds(convert(amount, units, '£'));
  return `£${m.toFixed(places)}m`;
}

/** "£4,650": whole pounds with thousands separators, half away from zero ("£0.40" below a pound). */
export function pounds(amount: Dec): string {
  const abs = amount.abs();
  if (abs.lt(1)) return `${amount.isNeg() ? '-' : ''}£${round(abs, 2).toFixed(2)}`;
  const whole = round(abs, 0).toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount.isNeg() ? '-' : ''}£${whole}`;
}

/** "88.0%": a share to one place, half away from zero. */
export function percent(part: Dec, whole: Dec): string {
  if (whole.isZero()) return 'n/a';
  return `${round(part.div(whole).times(100), 1).toFixed(1)}%`;
}

/**
 * Table 1's sentence. `netVariance` is outturn − budget (negative: underspend), in `units`.
 * Options (issue 11): `places` of a £m table; `percentOf`: the budget the underspend is a % of
 * (the headline of most outturn reports); `afterEarmarked` false when the table has no earmarked rows;
 * `budgetCaption`: the budget column's caption as the table prints it (default "Revised Budget").
 */
export function revenueSentence(netVariance: Dec, units: Units, basis?: string, o: { places?: number; percentOf?: Dec; afterEarmarked?: boolean; budgetCaption?: string } = {}): string {
  const kind = netVariance.isNeg() ? 'underspend' : netVariance.isZero() ? 'balanced position' : 'overspend';
  // the budget as the table's own column calls it ("Budget", "Current Budget"); default Revised Budget
  const budget = o.budgetCaption?.trim() || 'Revised Budget';
  const pct = o.percentOf !== undefined && !o.percentOf.isZero() ? ` (${percent(netVariance.abs(), o.percentOf.abs())} of the ${budget.toLowerCase()})` : '';
  const amount = netVariance.isZero() ? '' : ` of ${millions(netVariance.abs(), units, o.places)}${pct}`;
  const after = o.afterEarmarked === false ? '' : ', after earmarked underspends';
  return basis
    ? `On a forecast basis (${basis}), an overall ${kind} against the ${budget} is expected for the year${amount}.`
    : `The final outturn shows an overall ${kind} against the ${budget} for the year${amount}${after}.`;
}

/**
 * Issue 11: the capital underspend (revised − outturn, in `units`; negative: an overspend) split into
 * what is reprofiled to `nextYear` and what is saved (underspend − reprofile; negative: a net overspend).
 * "Of the underspend of £1.763m, £1.763m is reprofiled to 2018/19 and £0.000m is a saving."
 */
export function savingsSentence(underspend: Dec, reprofile: Dec, units: Units, nextYear: string, places?: number): string {
  const m = (x: Dec) => millions(x.abs(), units, places);
  const saving = underspend.minus(reprofile);
  const rest = saving.isNeg() ? `a net overspend of ${m(saving)}` : `${m(saving)} is a saving`;
  if (underspend.isNeg()) return `The programme is overspent by ${m(underspend)}; ${m(reprofile)} is reprofiled to ${nextYear}, ${rest}.`;
  return `Of the underspend of ${m(underspend)}, ${m(reprofile)} is reprofiled to ${nextYear} and ${rest}.`;
}

export function capitalSentence(spend: Dec, programme: Dec, units: Units, year: string): string {
  return `The capital outturn for ${year} shows actual expenditure of ${millions(spend, units)} (${percent(spend, programme)}) against an approved programme of ${millions(programme, units)}.`;
}

