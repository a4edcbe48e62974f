// The sentences report authors copy next to the tables, formed from the figures the tables show.
import { Dec, round } from '../base/decimal';
import type { Units } from './model';
import { convert } from './units';

/** "£0.371m": pounds in millions to three places, half away from zero. */
export function millions(amount: Dec, units: Units): string {
  return `£${round(convert(amount, units, '£m'), 3).toFixed(3)}m`;
}

/** "88.0%": a share to one place, half away from zero. */
export function percent(part: Dec, whole: Dec): string {
  if (whole.isZero()) return 'n/a';
  return `${round(part.div(whole).times(100), 1).toFixed(1)}%`;
}

export function revenueSentence(netVariance: Dec, units: Units, basis?: string): string {
  const kind = netVariance.isNeg() ? 'underspend' : netVariance.isZero() ? 'balanced position' : 'overspend';
  const amount = netVariance.isZero() ? '' : ` of ${millions(netVariance.abs(), units)}`;
  return basis
    ? `On a forecast basis (${basis}), an overall ${kind} against the Revised Budget is expected for the year${amount}.`
    : `The final outturn shows an overall ${kind} against the Revised Budget for the year${amount}, after earmarked underspends.`;
}

export function capitalSentence(spend: Dec, programme: Dec, units: Units, year: string): string {
  return `The capital outturn for ${year} shows actual expenditure of ${millions(spend, units)} (${percent(spend, programme)}) against an approved programme of ${millions(programme, units)}.`;
}

