// A council tax band table states its own arithmetic as surely as a total row does: each band's charge
// is the statutory proportion of the Band D charge — in England A to H are 6, 7, 8, 9, 11, 13, 15 and 18
// ninths of Band D (Local Government Finance Act 1992, s.5(1)); in Wales A to I, I being 21/9 (s.5(1A));
// in Scotland since April 2017 council tax bands A to H are 240, 280, 320, 360, 473, 585, 705 and 882
// 360ths of Band D (the Council Tax (Substitution of Proportion) (Scotland) Order 2016), while Scottish
// Water's water and sewerage charges keep the ninths (Argyll and Bute and Edinburgh print both side by
// side). A charge is printed to the penny, rounded from an unrounded Band D (or the sum of two charges
// each rounded): the bands of one column agree when ONE Band D gives every band's printed figure within a
// penny. The bands most of the column agree with fix that Band D; a band beyond a penny of the printed Band
// D × its proportion (allowing Band D's own rounding) is the error at its cell (Wing PC's Band A at 0.67 of Band D instead of 6/9; Tower Hamlets' Band F £93.16 where
// 13/9 × £64.05 = £92.52). Exact: the intervals are compared by cross-multiplication, never in floats.
import { Dec, ZERO, text } from '../base/decimal';
import type { Audit } from './context';
import type { Column, TableRow } from './detect';
import { type Num, show } from './findings';
import { cellText, locate, readCell, stepOf } from './grid';
import { type PeriodBasis, basis, fitsPeriod, perPeriodOf } from './periods';

const HALF = new Dec('0.5');

interface Scheme {
  name: string;
  den: number;
  n: Record<string, number>;
}
const NINTHS: Scheme = { name: 'ninths', den: 9, n: { A: 6, B: 7, C: 8, D: 9, E: 11, F: 13, G: 15, H: 18, I: 21 } };
const SCOTLAND: Scheme = { name: '360ths', den: 360, n: { A: 240, B: 280, C: 320, D: 360, E: 473, F: 585, G: 705, H: 882 } };
const SCHEMES = [NINTHS, SCOTLAND];

/** "Band A", "Council Tax Band A", "Band 'D'", "Property band C (£40,001 – £52,000)". */
const BAND_WORD = /^\s*(?:council\s+tax\s+|property\s+|valuation\s+|tax\s+)?band\s*['‘’"]?([A-I])['‘’"]?(?![A-Za-z0-9])/i;
/** A bare band letter ("A", "A - up to £40,000"), read as a band only under a "Band" caption or in a run of six letters or more; "A-" (the disabled reduction, 5/9) is no band here. */
const BARE = /^\s*['‘’"]?([A-I])['‘’"]?(?![A-Za-z0-9\-–])/;
/** A total of several charges (council tax + water + sewerage; county + district + police + fire): each part rounded on its own, checked by its cast, not by the proportions. */
const TOTAL = /\btotal\b|\bpayable\b|\baggregate\b/i;

interface Entry {
  letter: string;
  row: TableRow;
  c: number;
  x: Num;
}

const letterOf = (s: string, bare: boolean): string | undefined => {
  const m = BAND_WORD.exec(s) ?? (bare ? BARE.exec(s) : null);
  return m ? m[1].toUpperCase() : undefined;
};

/** The band letters along the rows (by index into t.rows) or undefined: three bands at least, Band D among them, each letter once. */
function bandRows(a: Audit, inferred = new Map<number, string>()): Map<number, string> | undefined {
  const t = a.t;
  const labelCaption = t.columns.find((c) => c.c === t.labelCol)?.caption ?? '';
  const header = t.headerRows.map((r) => t.grid.cells[r]?.map((x) => cellText(x)).join(' ') ?? '').join(' ');
  const bareAllowed = /\bband/i.test(labelCaption) || /\bband/i.test(header);
  const tryRead = (bare: boolean) => {
    const out = new Map<number, string>();
    const seen = new Set<string>();
    const texts = t.columns.filter((c) => !c.numeric).map((c) => c.c);
    t.rows.forEach((row, i) => {
      const cells = [row.label, ...texts.filter((c) => c !== t.labelCol).map((c) => cellText(t.grid.cells[row.r]?.[c] ?? null))];
      const l = cells.map((x) => letterOf(x, bare)).find((x) => x !== undefined);
      if (l && !seen.has(l)) {
        seen.add(l);
        out.set(i, l);
      }
    });
    return out;
  };
  let out = tryRead(bareAllowed);
  if (!bareAllowed && new Set(out.values()).size < 3) {
    const bare = tryRead(true);
    // six letters or more, A, B, C … in order with none missing: a band table whose caption was lost (a
    // column of codes "A, C, D, E, F, G" over a budget's lines is no band table: Belstone's)
    const letters = [...bare.values()];
    if (letters.length >= 6 && letters.join('') === 'ABCDEFGHI'.slice(0, letters.length)) out = bare;
  }
  if (!(out.size >= 3 && [...out.values()].includes('D'))) return undefined;
  // A band printed without its letter ("(Up to £27,000)" for A, Dundee's first row; T11-63): the one row that
  // prints figures between the bands either side of the missing letter (or, for the first, directly before the
  // next band's row) is that band, read so with a note — never left out of the check in silence.
  const figures = (i: number) => !t.rows[i].empty && [...t.rows[i].cells.values()].some((x) => x.kind === 'number');
  const letters = 'ABCDEFGHI';
  const last = Math.max(...[...out.values()].map((l) => letters.indexOf(l)));
  const byLetter = new Map([...out].map(([i, l]) => [l, i]));
  for (let k = 0; k < last; k++) {
    const l = letters[k];
    if (byLetter.has(l)) continue;
    const next = byLetter.get(letters[k + 1]);
    if (next === undefined) continue;
    const prev = k > 0 ? byLetter.get(letters[k - 1]) : -1;
    if (prev === undefined || prev >= next) continue;
    const between = t.rows.map((_, i) => i).filter((i) => i > prev && i < next && figures(i));
    if (between.length !== 1 || out.has(between[0]) || (k === 0 && between[0] !== next - 1)) continue;
    out.set(between[0], l);
    byLetter.set(l, between[0]);
    inferred.set(between[0], l);
  }
  return out;
}

/**
 * The grid columns of a table whose columns are the bands ("Band A £ | … | Band H £", bodies as rows: St Helens'
 * page). A sum of band columns (Band G = Band A + Band D, Band H = Band B + Band E) is an identity of the
 * statutory proportions (6/9 + 9/9 = 15/9; 7/9 + 11/9 = 18/9), not a relation the page prints: no cross-cast
 * is learned with a band column as its total (T11-10) — each band is checked against Band D instead.
 */
export function bandColumnSet(a: Audit): ReadonlySet<number> {
  return new Set(bandColumns(a)?.keys() ?? []);
}

/** The band letters across the columns (by grid column), or undefined. */
function bandColumns(a: Audit): Map<number, string> | undefined {
  const out = new Map<number, string>();
  const seen = new Set<string>();
  for (const c of a.t.columns) {
    if (!c.numeric || c.percent) continue;
    const l = letterOf(c.caption, false);
    if (l && !seen.has(l)) {
      seen.add(l);
      out.set(c.c, l);
    }
  }
  return out.size >= 3 && [...out.values()].includes('D') ? out : undefined;
}

interface Fit {
  scheme: Scheme;
  /** the entries the one Band D explains */
  agree: Entry[];
  off: Entry[];
  /** the Band D range they allow (unrounded), as decimals to show */
  lo: Dec;
  hi: Dec;
}

/**
 * The Band D that the most entries agree with under a scheme: each entry allows Band D in
 * [(x − s)·den/n, (x + s)·den/n]; the point most of those intervals hold is a left end of one of them.
 * Compared by cross-multiplication ((x_i − s_i)·n_j ≤ (x_j − s_j)·n_i …), so no quotient is rounded.
 */
function fit(entries: Entry[], scheme: Scheme, slack: (e: Entry) => Dec): Fit | undefined {
  const usable = entries.filter((e) => scheme.n[e.letter] !== undefined);
  if (usable.length !== entries.length) return undefined;
  const lo = usable.map((e) => e.x.value.minus(slack(e)));
  const hi = usable.map((e) => e.x.value.plus(slack(e)));
  const n = usable.map((e) => new Dec(scheme.n[e.letter]));
  // lo_i/n_i ≤ lo_j/n_j ≤ hi_i/n_i  ⇔  lo_i·n_j ≤ lo_j·n_i ≤ hi_i·n_j
  const holds = (i: number, j: number) => lo[i].times(n[j]).lte(lo[j].times(n[i])) && lo[j].times(n[i]).lte(hi[i].times(n[j]));
  let best: number[] = [];
  for (let j = 0; j < usable.length; j++) {
    const set: number[] = [];
    for (let i = 0; i < usable.length; i++) if (holds(i, j)) set.push(i);
    const hasD = (s: number[]) => s.some((i) => usable[i].letter === 'D');
    if (set.length > best.length || (set.length === best.length && hasD(set) && !hasD(best))) best = set;
  }
  if (!best.length) return undefined;
  const den = new Dec(scheme.den);
  const L = best.map((i) => lo[i].times(den).div(n[i])).reduce((x, y) => (y.gt(x) ? y : x));
  const H = best.map((i) => hi[i].times(den).div(n[i])).reduce((x, y) => (y.lt(x) ? y : x));
  const inSet = new Set(best);
  return { scheme, agree: best.map((i) => usable[i]), off: usable.filter((_, i) => !inSet.has(i)), lo: L, hi: H };
}

const ratioText = (s: Scheme, l: string) => `${s.n[l]}/${s.den}`;


/**
 * Checks one series of band charges (a column of a table whose rows are the bands, or a row of one whose
 * columns are): true when checked. A band agrees when it is within one unit of its printed places (a
 * penny) of the printed Band D × its proportion, allowing the rounding of the printed Band D: bands are
 * worked from an unrounded Band D, or are the sum of two charges each rounded (a county's and its adult
 * social care precept: Cumbria's Band A £1,018.66 for 6/9 × £1,528.00 = £1,018.67; Stirling's,
 * Renfrewshire's and North Yorkshire's pages are a penny out on several bands). A band that is exactly the
 * printed Band D × its proportion rounded to its places passes; one a penny from it that the rounding
 * explains is a warning at the band, as a total a unit from its printed lines is (the issue's rule: "a
 * warning, not an error, when rounding explains it"; Neath Port Talbot's C £2.34 for 8/9 × £2.64 =
 * £2.3467); beyond that an error at the band. When the printed Band D is the figure the other bands do not agree with,
 * the error is at Band D.
 */
function checkSeries(a: Audit, entries: Entry[], name: string, noteAt: [TableRow, number], sibling?: Scheme, derived = false): Scheme | 'no-basis' | undefined {
  if (entries.length < 3 || !entries.some((e) => e.letter === 'D') || entries.every((e) => e.x.value.isZero())) return undefined;
  const slack = (e: Entry) => stepOf(e.x.places);
  const fits = SCHEMES.map((s) => fit(entries, s, slack)).filter((f): f is Fit => f !== undefined);
  // the scheme most bands agree with (the ninths when A-D alone cannot tell them apart)
  let best = fits.reduce<Fit | undefined>((x, y) => (!x || y.agree.length > x.agree.length ? y : x), undefined);
  const n = entries.length;
  const enough = best && best.agree.length >= 3 && best.agree.length * 2 > n && best.off.length <= Math.max(1, Math.floor(n / 4));
  const D = entries.find((e) => e.letter === 'D')!;
  if (!best || !enough) {
    // A column no Band D explains is said, not checked (a count, Band D equivalents) — unless the table's other
    // band columns are charges in the statutory proportions and this one is a charge too (pence printed, rising
    // band by band): then it is a band column whose figures are wrong, each checked against its own printed
    // Band D (T11-56: Hounslow's 2013/14 beside seven years that agree)
    const order = (e: Entry) => (sibling ? sibling.n[e.letter] ?? 0 : 0);
    const sorted = [...entries].sort((x, y) => order(x) - order(y));
    const charges = sibling && entries.every((e) => sibling.n[e.letter] !== undefined && e.x.places >= 2) && sorted.every((e, k) => k === 0 || e.x.value.gt(sorted[k - 1].x.value));
    if (!charges) return entries.some((e) => e.x.places >= 2) ? 'no-basis' : undefined;
    best = { scheme: sibling, agree: [D], off: entries.filter((e) => e !== D), lo: D.x.value, hi: D.x.value };
  }
  const s = best.scheme;
  const den = new Dec(s.den);
  const dAgrees = best.agree.includes(D);
  const alone = best.agree.length === 1;
  a.differences.push({
    column: locate(a.t.grid, a.t.r0, noteAt[1], '').column,
    caption: name,
    is: `each band the statutory proportion of Band D (${entries.map((e) => `${e.letter} ${ratioText(s, e.letter)}`).join(', ')}), to a penny of the places printed`,
    agree: best.agree.length,
  });
  for (const e of entries) {
    a.checked.crossCasts++;
    a.involve([[e.row, e.c], [D.row, D.c]], true);
  }
  const mid = best.lo.plus(best.hi).div(2);
  for (const e of entries) {
    if (e === D && dAgrees) continue;
    const nn = new Dec(s.n[e.letter]);
    const k = nn.div(den);
    const v = e.x.value;
    let expected: Dec;
    let from: string;
    let rounding = false;
    if (dAgrees) {
      expected = D.x.value.times(k).toDecimalPlaces(e.x.places, Dec.ROUND_HALF_UP);
      if (v.eq(expected)) continue;
      // an exact half a penny rounds either way (half up, half to even, half down: South Lanarkshire's F 1,101 × 585/360
      // = 1,789.125 printed 1,789.13, G × 705/360 = 2,156.125 printed 2,156.12): both are the proportion to the penny
      if (v.minus(D.x.value.times(nn).div(den)).abs().eq(stepOf(e.x.places).times(HALF))) continue;
      // |x·den − d·n| ≤ u_x·den + ½u_d·n: a penny either way, and the rounding of the printed Band D —
      // what the rounding explains (a Band D worked unrounded, or two charges each rounded): a warning,
      // as a total a unit from its printed lines is; beyond it an error
      const gap = v.times(den).minus(D.x.value.times(nn)).abs();
      rounding = gap.lte(stepOf(e.x.places).times(den).plus(stepOf(D.x.places).times(HALF).times(nn)));
      // a column worked from another column's rounded figures (a month's tenth, a week's 52nd, the difference of
      // two years): its pennies are that column's rounding, said nothing of (T11-65: South Ashford's "pm" columns)
      if (rounding && derived) continue;
      from = alone
        ? `${ratioText(s, e.letter)} of Band D ${show(D.x.value)} (the statutory proportion the table's other band columns print; no one Band D explains this column's bands)`
        : `${ratioText(s, e.letter)} of Band D ${show(D.x.value)} (the statutory proportion; ${best.agree.length} of ${n} bands agree with one Band D)`;
    } else {
      if (best.agree.includes(e)) continue;
      // the Band D printed is itself off: each figure against the Band D the other bands agree with
      expected = mid.times(k).toDecimalPlaces(e.x.places, Dec.ROUND_HALF_UP);
      from = e === D
        ? `the Band D the other ${best.agree.length} bands agree with (${show(best.lo.toDecimalPlaces(4))} to ${show(best.hi.toDecimalPlaces(4))})`
        : `${ratioText(s, e.letter)} of the Band D the other ${best.agree.length} bands agree with`;
    }
    const lo = D.x.value.minus(stepOf(D.x.places).times(HALF));
    const hi = D.x.value.plus(stepOf(D.x.places).times(HALF));
    a.findings.push({
      severity: rounding ? 'warning' : 'error',
      table: a.layout,
      ...a.loc(e.row, e.c),
      rule: 'auto.across.band-proportion',
      message: `${a.describe(e.row, e.c)}: printed ${show(v)}, but ${from} is ${show(expected)}; difference ${show(v.minus(expected))}, ` +
        (rounding
          ? `within a penny and the rounding of the printed Band D (a Band D from ${show(lo)} to ${show(hi)} gives ${show(lo.times(k).toDecimalPlaces(e.x.places + 2, Dec.ROUND_HALF_UP))} to ${show(hi.times(k).toDecimalPlaces(e.x.places + 2, Dec.ROUND_HALF_UP))}): rounding, worth a look`
          : 'beyond a penny and the rounding of the printed Band D'),
      printed: text(v),
      expected: text(expected),
      difference: text(v.minus(expected)),
    });
  }
  return s;
}

const num = (row: TableRow, c: number): Num | undefined => {
  const x = row.cells.get(c);
  return x?.kind === 'number' && !x.notApplicable ? x : undefined;
};

/** A proportion printed in a cell: "6/9", "240/360", "18/19" (a misprint to find), or a whole "1" / "2" (Band D, Band H). */
const FRACTION = /^\s*(\d{1,3})\s*\/\s*(\d{1,3})\s*$/;
/** A column of counts (dwellings, properties, Band D equivalents): no charge, never a band charge series. */
const COUNT = /\bequivalents?\b|\bdwellings?\b|\bpropert(?:y|ies)\b|\bnumber\s+of\b|\bno\.?\s+of\b|\bhouseholds\b|\btax\s*base\b/i;
const DISCOUNTED = /\bdiscount|\bexempt|\badjusted\b|\breliefs?\b/i;
const CHARGE = /£|\bcharge|\bper\b|\bprecept|\bpayable\b|\bbill\b/i;

interface Ratio {
  n: Dec;
  d: Dec;
  text: string;
}

/**
 * The column of printed proportions of Band D beside the bands ("Ratio to Band D" 6/9 … 18/9, "Proportion to
 * Band D" 6/9 … 1 … 18/9, "240/360" … in Scotland): three fractions at least on the band rows, every other band
 * row printing a whole 1 or 2 or nothing. By grid column, with each row's proportion (indices into t.rows, any
 * row printing one: a disabled-relief row "A 5/9" too).
 */
function ratioColumn(a: Audit, rows: Map<number, string>): { c: number; at: Map<number, Ratio> } | undefined {
  const t = a.t;
  for (const col of t.columns) {
    if (col.c === t.labelCol) continue;
    const at = new Map<number, Ratio>();
    let fractions = 0;
    let other = 0;
    t.rows.forEach((row, i) => {
      const s = cellText(t.grid.cells[row.r]?.[col.c] ?? null);
      const f = FRACTION.exec(s);
      // a figure ("1" for Band D, "2" for H): the proportion itself
      const x = f || !s.trim() ? undefined : readCell(s);
      if (f && +f[2] > 0) {
        at.set(i, { n: new Dec(f[1]), d: new Dec(f[2]), text: s.trim() });
        if (rows.has(i)) fractions++;
      } else if (x?.kind === 'number') at.set(i, { n: x.value, d: new Dec(1), text: s.trim() });
      else if (rows.has(i) && s.trim()) other++;
    });
    if (fractions >= 3 && !other) return { c: col.c, at };
  }
  return undefined;
}

/** Whether n/d is a statutory proportion of Band D for band `letter` (either scheme; A's disabled reduction 5/9, 200/360 too). */
const statutory = (r: Ratio, letter: string): boolean =>
  SCHEMES.some((s) => s.n[letter] !== undefined && r.d.times(s.n[letter]).eq(r.n.times(s.den))) || (letter === 'A' && r.n.times(9).eq(r.d.times(5)));

/**
 * The printed proportions checked against the statute (auto.across.band-ratio, counted with the cross-casts): a
 * band's printed proportion that is neither its ninths nor its 360ths is an error at the cell (Wirral's Band H
 * "18/19", whose charge is 18/9 of Band D; T11-11).
 */
function checkRatios(a: Audit, rows: Map<number, string>, ratio: { c: number; at: Map<number, Ratio> }): void {
  const t = a.t;
  const dens = [...ratio.at.values()].map((r) => r.d.toNumber());
  const scheme = dens.filter((d) => d === 360).length > dens.filter((d) => d === 9).length ? SCOTLAND : NINTHS;
  for (const [i, letter] of rows) {
    const r = ratio.at.get(i);
    if (!r || scheme.n[letter] === undefined) continue;
    a.checked.crossCasts++;
    a.involve([[t.rows[i], ratio.c]]);
    if (statutory(r, letter)) continue;
    a.findings.push({
      severity: 'error',
      table: a.layout,
      ...a.loc(t.rows[i], ratio.c),
      rule: 'auto.across.band-ratio',
      message: `${t.rows[i].label || `Band ${letter}`} — ${a.col(ratio.c).caption || 'proportion'}: printed "${r.text}", but Band ${letter}'s statutory proportion of Band D is ${ratioText(scheme, letter)}` +
        `${scheme === NINTHS && NINTHS.n[letter] % 9 === 0 ? ` (${NINTHS.n[letter] / 9})` : ''}`,
      printed: r.text,
      expected: ratioText(scheme, letter),
    });
  }
}

/**
 * A tax base: a column of Band D equivalents = a column of dwellings × the band's proportion ("Number of
 * properties | Ratio to Band D | Band D Equivalents (number of properties x Band D Ratio)": Wealden's worked
 * example; GM city's tax base with its disabled-relief row at 5/9): the proportion printed on the row, or, with
 * none printed, the statutory one of the row's band. Learned from the rows (three at least agree, within the
 * rounding of the printed count and equivalents, and no more than one in four say otherwise), then every row
 * checked (auto.across.band-equivalents, counted with the cross-casts): an equivalent beyond what the rounding of
 * its count allows is an error. Such columns are counts, not charges: never band charge series (T11-60). Returns
 * the grid columns read (both the equivalents and the counts).
 */
function checkEquivalents(a: Audit, rows: Map<number, string>, ratio: { c: number; at: Map<number, Ratio> } | undefined): Set<number> {
  const t = a.t;
  const read = new Set<number>();
  const numeric = t.columns.filter((c) => c.numeric && !c.percent && c.c !== t.labelCol && c.c !== ratio?.c);
  const proportions: Map<number, Ratio>[] = ratio
    ? [ratio.at]
    : SCHEMES.map((s) => new Map([...rows].filter(([, l]) => s.n[l] !== undefined).map(([i, l]) => [i, { n: new Dec(s.n[l]), d: new Dec(s.den), text: ratioText(s, l) }])));
  // a count of dwellings is exact, unless printed with decimals or after discounts (a single person's 25% makes
  // quarters of a dwelling, printed rounded: GM city's 45,335 × 6/9 = 30,223.33, printed 30,224)
  const within = (x: Num, y: Num, r: Ratio, yc: Column) => {
    const k = r.n.div(r.d);
    const gap = x.value.minus(y.value.times(k)).abs();
    const countRounded = y.places > 0 || DISCOUNTED.test(yc.caption);
    return { ok: gap.lte(stepOf(x.places).times(HALF).plus(countRounded ? stepOf(y.places).times(HALF).times(k) : ZERO)), k };
  };
  for (const at of proportions) {
    for (const xc of numeric) {
      if (read.has(xc.c)) continue;
      for (const yc of numeric) {
        if (yc.c === xc.c || read.has(yc.c)) continue;
        let agree = 0;
        let against = 0;
        for (const [i, r] of at) {
          const x = num(t.rows[i], xc.c);
          const y = num(t.rows[i], yc.c);
          if (!x || !y || x.value.isZero() || y.value.isZero() || r.n.eq(r.d)) continue;
          if (within(x, y, r, yc).ok) agree++;
          else against++;
        }
        if (agree < 3 || against * 4 > agree) continue;
        read.add(xc.c);
        read.add(yc.c);
        const what = `${yc.caption || `column ${yc.c + 1}`} × ${ratio ? a.col(ratio.c).caption || 'the proportion printed' : 'the band\'s statutory proportion of Band D'}`;
        a.differences.push({ column: locate(t.grid, t.r0, xc.c, '').column, caption: xc.caption, is: `${what} (Band D equivalents: a count times its band's proportion, within the rounding of the printed count)`, agree });
        for (const [i, r] of at) {
          const row = t.rows[i];
          const x = num(row, xc.c);
          const y = num(row, yc.c);
          if (!x || !y || (ratio && rows.has(i) && !statutory(r, rows.get(i)!))) continue;
          a.checked.crossCasts++;
          a.involve([[row, xc.c], [row, yc.c]], true);
          const { ok, k } = within(x, y, r, yc);
          if (ok) continue;
          const expected = y.value.times(k).toDecimalPlaces(x.places, Dec.ROUND_HALF_UP);
          a.findings.push({
            severity: 'error',
            table: a.layout,
            ...a.loc(row, xc.c),
            rule: 'auto.across.band-equivalents',
            message: `${a.describe(row, xc.c)}: printed ${show(x.value)}, but ${show(y.value)} × ${r.text} is ${show(expected)}; difference ${show(x.value.minus(expected))}, ${y.places > 0 || DISCOUNTED.test(yc.caption) ? 'beyond the rounding of the printed count' : 'the count and its proportion exact'}`,
            printed: text(x.value),
            expected: text(expected),
            difference: text(x.value.minus(expected)),
          });
        }
        break;
      }
    }
    if (read.size) break;
  }
  return read;
}

/**
 * Every band series of the table checked against the statutory proportions (auto.across.band-proportion,
 * counted with the cross-casts). Bands as rows: each money column not a percentage and not a total of
 * charges (TOTAL: checked by its cast); bands as columns: each row not a total. True when a band was checked.
 */
export function checkBands(a: Audit): boolean {
  const t = a.t;
  const inferred = new Map<number, string>();
  const rows = bandRows(a, inferred);
  if (rows) {
    for (const [i, l] of inferred) {
      a.note(t.rows[i], t.labelCol, 'auto.band.letter-inferred', `${t.rows[i].label || `row ${a.rowNumber(t.rows[i])}`}: printed without its band letter; read as Band ${l} by its place among the bands (the row before Band ${'ABCDEFGHI'['ABCDEFGHI'.indexOf(l) + 1]})`);
    }
    // a column read already as the difference or quotient of others (a change from last year, per week) is checked by that reading
    const read = new Set(a.differences.map((d) => d.column));
    // a printed column of proportions (6/9 … 18/9): each checked against the statute; a tax base's Band D
    // equivalents = dwellings × proportion (T11-60): counts, never band charges
    const ratio = ratioColumn(a, rows);
    if (ratio) checkRatios(a, rows, ratio);
    const counts = checkEquivalents(a, rows, ratio);
    const series: Series[] = [];
    const candidates = t.columns.filter((col) => col.numeric && !col.percent && col.c !== t.labelCol && !read.has(locate(t.grid, t.r0, col.c, '').column) &&
      !counts.has(col.c) && !(COUNT.test(col.caption) && !CHARGE.test(col.caption)));
    // a total of charges is cast from its parts, not checked by the proportions — unless the table prints no parts:
    // "Council Tax Payable" alone beside the bands is the bill, each band the sum of the precepts each rounded, its
    // pennies warned (Wirral's "Council Tax explained", T11-11)
    const parts = candidates.filter((col) => !TOTAL.test(col.caption));
    for (const col of candidates) {
      if (TOTAL.test(col.caption) && parts.length) continue;
      const entries: Entry[] = [];
      for (const [i, letter] of rows) {
        const x = num(t.rows[i], col.c);
        if (x) entries.push({ letter, row: t.rows[i], c: col.c, x });
      }
      const dRow = [...rows].find(([, l]) => l === 'D')![0];
      series.push({ entries, name: col.caption || `column ${col.c + 1}`, noteAt: [t.rows[dRow], col.c], derived: derivedColumn(t.rows, [...rows.keys()], col.c, t.columns.filter((o) => o.numeric && !o.percent && o.c !== col.c).map((o) => o.c)) });
    }
    // the wholes a quotient may be of: every money column on the band rows (a difference already read too)
    const wholes: Series[] = t.columns.filter((col) => col.numeric && !col.percent && col.c !== t.labelCol && !counts.has(col.c)).map((col) => ({
      entries: [...rows].flatMap(([i, letter]) => {
        const x = num(t.rows[i], col.c);
        return x ? [{ letter, row: t.rows[i], c: col.c, x }] : [];
      }),
      name: `${col.caption ? `"${col.caption}" ` : ''}(column ${locate(t.grid, t.r0, col.c, '').column})`,
      noteAt: [t.rows[0], col.c],
    }));
    const quotients = checkQuotients(a, series, wholes);
    return checkAll(a, series.filter((x) => !quotients.has(x))) || quotients.size > 0 || ratio !== undefined || counts.size > 0;
  }
  const cols = bandColumns(a);
  if (!cols) return false;
  const dCol = [...cols].find(([, l]) => l === 'D')![0];
  const series: Series[] = [];
  const wholes: Series[] = [];
  t.rows.forEach((row, i) => {
    const entries: Entry[] = [];
    for (const [c, letter] of cols) {
      const x = num(row, c);
      if (x) entries.push({ letter, row, c, x });
    }
    const s = { entries, name: row.label || `row ${a.rowNumber(row)}`, noteAt: [row, dCol] as [TableRow, number] };
    wholes.push(s);
    if (a.kinds[i] === 'total' || a.kinds[i] === 'subtotal' || TOTAL.test(row.label)) return;
    series.push(s);
  });
  const quotients = checkQuotients(a, series, wholes);
  return checkAll(a, series.filter((x) => !quotients.has(x))) || quotients.size > 0;
}

/**
 * A band series that is another series of the table ÷ 2, 4, 10, 12 or 52, or × 7/365 (a half-year, a quarter, ten
 * or twelve instalments, a week of 52 or of a 365-day year: T13-02), learned from the figures on the band rows — the captions need not say so (West Midlands
 * Police and Crime Panel's 2017/18 precept table prints its increase per year and per week under "£ : p" alone;
 * T12-03): three bands at least and more than half agree, no more than one in four (one at least) do not, each
 * within what the rounding of the two printed figures allows (|q − w ÷ k| ≤ ½ unit of q + ½ unit of w ÷ k). Such a
 * series is read and checked as that quotient on every band (auto.across.per-period, counted with the cross-casts;
 * an error where a band is beyond that rounding), never as a charge in the statutory proportions of its own Band
 * D: a weekly figure rounded from the year's band figure is not 6/9 … 18/9 of the weekly Band D to the penny (Band
 * A 3.33 ÷ 52 = 0.064 → 0.06 where 6/9 × 0.10 = 0.0667 → 0.07), so read as ninths a correct page drew rounding
 * warnings and a wrong weekly figure was found at the other bands, not at itself. Returns the series so read.
 */
function checkQuotients(a: Audit, series: Series[], wholes: Series[]): Set<Series> {
  const out = new Set<Series>();
  for (const s of series) {
    let best: { w: Series; k: PeriodBasis; pairs: [Entry, Entry][]; agree: number } | undefined;
    for (const w of wholes) {
      if (w === s || out.has(w)) continue;
      const by = new Map(w.entries.map((e) => [e.letter, e]));
      const pairs = s.entries.flatMap((e): [Entry, Entry][] => {
        const o = by.get(e.letter);
        return o && !o.x.value.isZero() && !e.x.value.isZero() ? [[e, o]] : [];
      });
      if (pairs.length < 3) continue;
      for (const k of SHARES) {
        const agree = pairs.filter(([q, o]) => fitsPeriod(q.x, o.x, k)).length;
        const off = pairs.length - agree;
        if (agree < 3 || agree * 2 <= pairs.length || off > Math.max(1, Math.floor(pairs.length / 4))) continue;
        if (!best || agree > best.agree) best = { w, k, pairs, agree };
      }
    }
    if (!best) continue;
    const { w, k, pairs, agree } = best;
    out.add(s);
    a.differences.push({ column: locate(a.t.grid, a.t.r0, s.noteAt[1], '').column, caption: s.name, is: `${w.name} ${k.text}, to the places printed (${PER.get(k.text)}, read from the band figures)`, agree });
    for (const [q, o] of pairs) {
      a.checked.crossCasts++;
      a.involve([[q.row, q.c], [o.row, o.c]], true);
      if (fitsPeriod(q.x, o.x, k)) continue;
      const e = perPeriodOf(o.x.value, k, q.x.places);
      a.findings.push({
        severity: 'error',
        table: a.layout,
        ...a.loc(q.row, q.c),
        rule: `${a.layout}.across.per-period`,
        message: `${a.describe(q.row, q.c)}: printed ${show(q.x.value)}, but ${w.name} ${show(o.x.value)} ${k.text} (${PER.get(k.text)}, as ${agree} of ${pairs.length} bands print it) is ${show(e)}; difference ${show(q.x.value.minus(e))}, beyond what the rounding of the printed figures allows`,
        printed: text(q.x.value),
        expected: text(e),
        difference: text(q.x.value.minus(e)),
      });
    }
  }
  return out;
}

/** The shares of a year a band series may be of another: a half-year, a quarter, ten or twelve instalments, a week (of 52, or of a 365-day year: T13-02). */
const SHARES = [basis(1, 2), basis(1, 4), basis(1, 10), basis(1, 12), basis(1, 52), basis(7, 365)];
/** What each share is, in a finance officer's words. */
const PER = new Map<string, string>([['÷ 2', 'a half-year'], ['÷ 4', 'a quarter'], ['÷ 10', 'one of ten instalments'], ['÷ 12', 'a month'], ['÷ 52', 'a week'], ['× 7/365', 'a week of a 365-day year']]);

interface Series {
  entries: Entry[];
  name: string;
  noteAt: [TableRow, number];
  /** the column is another's figures ÷ a whole number, or the difference of two others, rounded */
  derived?: boolean;
}

const DIVISORS = [2, 4, 10, 12, 52].map((k) => new Dec(k));

/**
 * True when column c, on the band rows, is another column's figure ÷ 2, 4, 10, 12 or 52 (a half-year, a
 * quarter, ten or twelve instalments, a week) or the difference of two other columns, to its printed places,
 * on every band row: its figures carry that column's rounding, not their own. A sum of columns is not so: a bill
 * or a new charge is a charge in the statutory proportions itself (Angus's "From 1 April 2018" = current + 3%:
 * its pennies are warned, as Cumbria's county + adult social care are).
 */
function derivedColumn(rows: TableRow[], band: number[], c: number, others: number[]): boolean {
  const at = (i: number, k: number) => num(rows[i], k);
  const xs = band.map((i) => at(i, c));
  if (xs.some((x) => !x)) return false;
  const same = (v: Dec, x: Num) => v.toDecimalPlaces(x.places, Dec.ROUND_HALF_UP).eq(x.value);
  for (const o of others) {
    const ys = band.map((i) => at(i, o));
    if (ys.some((y) => !y)) continue;
    if (DIVISORS.some((k) => band.every((_, n) => same(ys[n]!.value.div(k), xs[n]!)))) return true;
    for (const p of others) {
      if (p === o) continue;
      const zs = band.map((i) => at(i, p));
      if (zs.some((z) => !z)) continue;
      if (band.every((_, n) => ys[n]!.value.minus(zs[n]!.value).eq(xs[n]!.value))) return true;
    }
  }
  return false;
}

/**
 * The band series of one table: each checked on its own; one no Band D explains is checked against its own
 * printed Band D when another series of the table is read as bands (a year of wrong charges among years of
 * right ones), else said in a note (auto.band.no-basis). True when a band was checked.
 */
function checkAll(a: Audit, series: Series[]): boolean {
  const outcome = series.map((x) => checkSeries(a, x.entries, x.name, x.noteAt, undefined, x.derived));
  const sibling = outcome.find((o): o is Scheme => typeof o === 'object');
  outcome.forEach((o, k) => {
    if (o !== 'no-basis') return;
    const { entries, name, noteAt } = series[k];
    const again = sibling ? checkSeries(a, entries, name, noteAt, sibling, series[k].derived) : undefined;
    if (typeof again === 'object') outcome[k] = again;
    else a.note(noteAt[0], noteAt[1], 'auto.band.no-basis',
      `${name}: the bands' figures are not the statutory proportions of one Band D (6/9 … 18/9, or 240/360 … 882/360 in Scotland): not checked`);
  });
  return outcome.some((o) => typeof o === 'object');
}
