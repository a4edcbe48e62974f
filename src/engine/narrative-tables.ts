// The narrative of tables printed the way other bodies print them (issue 11): amounts at a £m
// table's own places, the underspend as a % of the budget, a variance column in either sign, the
// reserves sentence for every year with forecast years in the future tense. Only inputs that use
// these options get these sentences, so every earlier result stays exactly as it was.
import type { Dec } from '../base/decimal';
import { text, ZERO } from '../base/decimal';
import type { Narrative, ReservesInput, RevenueInput, Table, Units } from './model';
import { isFigure } from './model';
import { millions, percent, revenueSentence } from './narrative';
import type { RevenueTable } from './revenue';
import { type ReservesTables, yearDates } from './reserves';
import { convert, placesFor } from './units';

/** A £m table's places for its sentences (else the default three places). */
function placesOf(t: Table): number | undefined {
  return t.units === '£m' ? (t.places ?? placesFor('£m')) : undefined;
}

function shown(t: Table, r: number, colId: string): Dec | undefined {
  const c = t.columns.findIndex((col) => col.id === colId);
  const cell = c >= 0 ? t.rows[r]?.cells[c] : undefined;
  return cell && isFigure(cell) ? cell.shown : undefined;
}

/** A column's caption: the header line above the units ("Budget" for columnLabels.revised "Budget"). */
function captionOf(t: Table, colId: string): string | undefined {
  const h = t.columns.find((col) => col.id === colId)?.header;
  return h ? h[h.length >= 2 ? h.length - 2 : 0] : undefined;
}

export function revenueNarrativeOptions(inp: RevenueInput): boolean {
  return inp.narrativePercent === true || inp.layout !== undefined || inp.underspendRows === 'when-needed' || inp.hasOriginal === false ||
    (inp.transfersToCapital?.length ?? 0) > 0;
}

/**
 * @param net the net variance as Table 1 shows it (in its own sign convention, display units)
 * @returns netVariance in £ as shown; the sentence reads it as outturn − budget whatever the column's sign
 */
export function revenueNarrative(inp: RevenueInput, t: RevenueTable, net: Dec): NonNullable<Narrative['revenue']> {
  const overSense = inp.layout?.varianceSign === 'budget-minus-outturn' ? net.neg() : net;
  const budget = shown(t.table, t.rows.total, 'revised');
  const percentOf = inp.narrativePercent ? budget : undefined;
  const places = placesOf(t.table);
  let sentence = revenueSentence(overSense, inp.displayUnits, inp.basis, {
    places,
    percentOf,
    afterEarmarked: t.rows.net !== t.rows.total,
    budgetCaption: captionOf(t.table, 'revised'),
  });
  if (t.rows.toCapital.length) sentence = toCapitalSentence(inp, t, percentOf, places);
  return {
    netVariance: text(convert(net, inp.displayUnits, '£')),
    sentence,
    ...(percentOf !== undefined ? { percentOfBudget: percentOf.isZero() ? 'n/a' : percent(overSense.abs(), percentOf.abs()) } : {}),
  };
}

/**
 * Issue 11: with revenue transferred to capital, the headline is the underspend before it (as the
 * reports print it: "an under spend of £2.321m against budget of £117.611m (2%)"), then where it went.
 */
function toCapitalSentence(inp: RevenueInput, t: RevenueTable, percentOf: Dec | undefined, places: number | undefined): string {
  const u = inp.displayUnits;
  const sign = inp.layout?.varianceSign === 'budget-minus-outturn' ? -1 : 1;
  const at = (r: number) => shown(t.table, r, 'variance')!.times(sign);
  const before = at(t.rows.totalUnderspend);
  const toCapital = t.rows.toCapital.reduce((a, r) => a.plus(at(r)), ZERO);
  const earmarked = t.rows.earmarked.reduce((a, r) => a.plus(at(r)), ZERO);
  const net = at(t.rows.net);
  const kind = (v: Dec) => (v.isNeg() ? 'underspend' : v.isZero() ? 'balanced position' : 'overspend');
  const pct = percentOf !== undefined && !percentOf.isZero() ? ` (${percent(before.abs(), percentOf.abs())} of the revised budget)` : '';
  const amount = before.isZero() ? '' : ` of ${millions(before.abs(), u, places)}${pct}`;
  const lead = inp.basis
    ? `On a forecast basis (${inp.basis}), an overall ${kind(before)} against the Revised Budget is expected for the year${amount}`
    : `The final outturn shows an overall ${kind(before)} against the Revised Budget for the year${amount}`;
  const uses = [`${millions(toCapital.abs(), u, places)} is ${toCapital.isNeg() ? 'taken back from' : 'transferred to'} capital`,
    ...(t.rows.earmarked.length ? [`${millions(earmarked.abs(), u, places)} earmarked`] : [])].join(' and ');
  const rest = net.isZero() ? 'nothing' : `a net ${kind(net)} of ${millions(net.abs(), u, places)}`;
  return `${lead}, of which ${uses}, leaving ${rest}.`;
}

export function capitalNarrative(spend: Dec, programme: Dec, u: Units, year: string, places: number): NonNullable<Narrative['capital']> {
  return {
    spend: millions(spend, u, places),
    programme: millions(programme, u, places),
    percent: percent(spend, programme),
    sentence: `The capital outturn for ${year} shows actual expenditure of ${millions(spend, u, places)} (${percent(spend, programme)}) against an approved programme of ${millions(programme, u, places)}.`,
  };
}

export function reservesNarrativeOptions(inp: ReservesInput, t: Table): boolean {
  return inp.narrativeYears === 'all' || inp.balancesOnly === true || t.places !== undefined || t.units === '£m';
}

/**
 * The column of the reserves statement the report's own year closes (issue 12, finding 8): the year
 * equal to `financialYear` ("2020/21" in years ["2019/20", "2020/21"]: index 1, so the sentence speaks
 * of 31/03/21); when the statement does not name the report's year, its last actual year (index
 * actualYears − 1), else its first. An index into `inp.years`.
 */
export function reportYearIndex(inp: ReservesInput, financialYear: string): number {
  const y = inp.years.indexOf(financialYear);
  if (y >= 0) return y;
  return Math.max(0, Math.min(inp.actualYears, inp.years.length) - 1);
}

/**
 * "Total reserves at 31/03/21 are £20.195m" (the report's own year: `reportYearIndex`) and, for
 * forecast years, "are forecast to be"; with narrativeYears "all", one sentence per year as well.
 */
export function reservesNarrative(inp: ReservesInput, r: ReservesTables, financialYear: string): NonNullable<Narrative['reserves']> {
  const u = inp.displayUnits;
  const places = placesOf(r.table);
  const pctRow = r.rows.generalReservePercent === undefined ? undefined : r.companion.rows[r.rows.generalReservePercent];
  const sentenceFor = (y: number): string => {
    const at = yearDates(inp.years[y]).end;
    const total = shown(r.table, r.rows.totalReserves, `closing${y}`)!;
    const cell = pctRow?.cells[y + 1];
    const pct = cell && isFigure(cell) && cell.derivation ? cell.shown.times(100).toFixed(1) : undefined;
    const forecast = y >= inp.actualYears;
    return `Total reserves at ${at} ${forecast ? 'are forecast to be' : 'are'} ${millions(total, u, places)}` +
      (pct ? `; the general reserve ${forecast ? 'is forecast to be' : 'is'} ${pct}% of the net revenue budget.` : '.');
  };
  const own = reportYearIndex(inp, financialYear);
  const first = pctRow?.cells[own + 1];
  return {
    generalReservePercent: first && isFigure(first) ? first.shown.times(100).toFixed(1) : undefined,
    sentence: sentenceFor(own),
    ...(inp.narrativeYears === 'all' ? { years: inp.years.map((year, y) => ({ year, sentence: sentenceFor(y) })) } : {}),
  };
}
