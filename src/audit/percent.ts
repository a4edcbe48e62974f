// Percentages: the basis is inferred from the rows (which figure over which: the line's own budget,
// the total's budget, a share of the column's total; signed or unsigned; per cent or a fraction), and
// each printed percentage is recomputed on it. A difference the rounding of the printed inputs could
// make is a warning; beyond that an error; when no basis reproduces any row, a note says so.
import { Dec, text } from '../base/decimal';
import type { Column, TableRow } from './detect';
import type { Audit } from './context';
import { type Num, show } from './findings';
import { NOT_APPLICABLE, cellText, locate, stepOf } from './grid';

const HUNDRED = new Dec(100);
const HALF = new Dec(0.5);
const ZERO = new Dec(0);

export interface Basis {
  num: number;
  den: number;
  /** the denominator is read from this table row (the total), not the row's own */
  denRow?: number;
  scale: Dec;
  unsigned: boolean;
  /**
   * Not num over den but: 'change', the change from den to num over den ((num − den) / den: a
   * year-on-year "variance %" beside two years); 'previous', num a change and den the figure it led to,
   * the change over the figure before it (num / (den − num): "Change from previous year %" beside the
   * change and this year); 'previous-abs', the same over the size of the figure before it.
   */
  form?: 'change' | 'change-abs' | 'previous' | 'previous-abs';
  /**
   * The denominator is the same column's figure on the row directly above (years down the rows: "£
   * million | Percentage change", this year over last year − 1, with form 'change'), not this row's.
   */
  above?: boolean;
  /**
   * The denominator is the same column's figure on the first row of the rows checked (a base year down
   * the rows: "Change from 1996-97 (percentage)", each year over 1996-97 − 1, with form 'change').
   */
  base?: boolean;
  /**
   * The denominator is the sum of the den column over the rows checked, no total row being printed (a
   * pie chart's key: "Council Tax: £16.722 or 54%", four sources and no total line; T8-02).
   */
  ofSum?: boolean;
  describe: string;
}

/** n over d on the basis (see Basis.form). */
function quotient(b: Basis, n: Dec, d: Dec): Dec {
  if (b.form === 'change') return n.minus(d).div(d);
  if (b.form === 'change-abs') return n.minus(d).div(d.abs());
  if (b.form === 'previous') return n.div(d.minus(n));
  if (b.form === 'previous-abs') return n.div(d.minus(n).abs());
  return n.div(d);
}

/** A percentage printed with its rounding: agrees when within half a unit of the places printed. */
function agrees(p: Num, expected: Dec): boolean {
  return p.value.minus(expected).abs().lte(stepOf(p.places).times(HALF));
}

/**
 * The columns sharing a caption that spans them with column c (a header row printing a caption over the
 * first of a group and leaving the others empty: "2006-07 | | | 2007-08 | | "), when some header row
 * groups the columns so and c's group holds two figure columns or more besides c; else undefined.
 */
function groupOf(a: Audit, c: number): Set<number> | undefined {
  const figures = a.t.columns.filter((k) => k.numeric).map((k) => k.c);
  if (figures.length < 4) return undefined;
  for (const r of a.t.headerRows) {
    const cells = a.t.grid.cells[r] ?? [];
    const starts = figures.filter((k) => cellText(cells[k]).trim() !== '');
    // a spanning row: a caption over some figure columns only, two groups at least, the first over the first figure column
    if (starts.length < 2 || starts.length * 2 > figures.length || starts[0] !== figures[0]) continue;
    const start = [...starts].reverse().find((k) => k <= c);
    if (start === undefined) continue;
    const next = starts.find((k) => k > start) ?? Infinity;
    const group = new Set(figures.filter((k) => k >= start && k < next));
    if ([...group].filter((k) => k !== c && !a.col(k).percent).length >= 2) return group;
  }
  return undefined;
}

/**
 * Recomputes the percentage column `pct` on the basis most of `rows` agree on, trying every pair of
 * `candidates` on the row's own figures and on the total's denominator, and every column as a share
 * of its total; counts each comparison in `a.checked.percentages`.
 */
export function checkPercent(a: Audit, pct: Column, candidates: { num: number; den: number }[], rows: number[], rule: string, layoutBasis = false, shareCols: number[] = [],
  o: {
    /** only learn the basis: nothing checked, noted or reported */
    dry?: boolean;
    /**
     * when the rows show no basis of their own: the basis of another percentage column of the same
     * caption (`column`), moved to this column's place (`basis`) — the table's convention for such a
     * column, learned from that column's rows ("Percentage change" beside each "£ million")
     */
    like?: { basis: Basis; column: Column };
  } = {}): Basis | undefined {
  const trs = a.t.rows;
  // A percentage column under a caption spanning a group of columns ("2006-07" over "Top up grant |
  // Total Payments | Top up as a % of total payments", the group printed again for 2007-08 and 2008-09)
  // whose caption names what it divides by ("X as a % of Y"): its basis is the line's own figure of its
  // group over the group's column captioned Y — learned from the lines, and another group's columns or a
  // change between years never tried (two lines of whole percentages fit many bases by chance, T10-08).
  const own = groupOf(a, pct.c);
  if (own) {
    const inside = candidates.filter((c) => own.has(c.num) && own.has(c.den));
    // "X as a % of Y": the header names the figure it divides by — the group's column captioned Y, on the line's own figures
    const of = /\bas an?\s+(?:%|percentage|per\s?cent)\s+of\s+(.+)$/i.exec(pct.caption)?.[1];
    const words = (x: string) => x.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
    const named = of ? inside.filter((c) => words(a.col(c.den).caption).includes(words(of)) && !words(a.col(c.num).caption).includes(words(of))) : [];
    if (named.length && named.length < candidates.length && new Set(named.map((c) => c.den)).size === 1) {
      const mine = checkPercent(a, pct, named, rows, rule, true, [], { ...o, dry: true });
      if (mine) return o.dry ? mine : checkPercent(a, pct, named, rows, rule, true, [], o);
    }
  }
  // The grand total: the last row taken as a total (for shares, and for a percentage of the total budget).
  let total: number | undefined;
  for (const i of a.blocks.keys()) if (total === undefined || i > total) total = i;
  const bases: Basis[] = [];
  // A column that prints negative percentages is signed: a figure printed without its minus is then
  // the error (-100% printed 100%), not a sign the column is unsigned.
  const signed = rows.some((i) => {
    const p = a.num(trs[i], pct.c);
    return p !== undefined && p.value.isNeg() && !p.value.isZero();
  });
  // a column with no caption (a PDF's header run together) is named by its place, never left empty
  const name = (c: number) => a.col(c).caption || `column ${c + 1}`;
  for (const scale of [HUNDRED, new Dec(1)]) for (const unsigned of signed ? [false] : [false, true]) {
    for (const c of candidates) {
      const what = `${name(c.num)} / ${name(c.den)}`;
      bases.push({ ...c, scale, unsigned, describe: what });
      if (total !== undefined) bases.push({ ...c, denRow: total, scale, unsigned, describe: `${name(c.num)} / the total's ${name(c.den)}` });
    }
    if (total !== undefined) {
      for (const n of new Set([...candidates.flatMap((c) => [c.num, c.den]), ...shareCols])) {
        bases.push({ num: n, den: n, denRow: total, scale, unsigned, describe: `${name(n)} as a share of its total` });
      }
    }
    // The change from one column to another over the first ("2023/24 £000 | 2024/25 £000 | variance": 7%
    // for 79,815 → 85,242), with the sign of that first figure ((3,044) → (255) is −92%).
    if (!layoutBasis) {
      for (const c of candidates) {
        bases.push({ ...c, scale, unsigned, form: 'change', describe: `(${name(c.num)} − ${name(c.den)}) / ${name(c.den)}, the change over the first` });
      }
      // … or over the size of the first, where income is printed negative (Hampshire's "Increase on":
      // grants −924 → −837 is +9.4, a smaller call on the budget printed as a rise; T7-60)
      for (const c of candidates) {
        bases.push({ ...c, scale, unsigned, form: 'change-abs', describe: `(${name(c.num)} − ${name(c.den)}) / |${name(c.den)}|, the change over the size of the first` });
      }
      // A change over the figure before it, when the table prints the change and the figure it led to
      // ("Net Expenditure | Change from previous year £000 | Change from previous year %": 11,441 over
      // 170,160 − 11,441), over that figure or its size.
      for (const c of candidates) {
        const was = `(${name(c.den)} − ${name(c.num)})`;
        // over its size first: a fall shows negative whatever the sign of the figure before it
        bases.push({ ...c, scale, unsigned, form: 'previous-abs', describe: `${name(c.num)} / |${was}|, the change over the size of the figure before it` });
        bases.push({ ...c, scale, unsigned, form: 'previous', describe: `${name(c.num)} / ${was}, the change over the figure before it` });
      }
    }
  }
  // Years down the rows: the change of a column's figure from the row above over that figure ("1993–94
  // 302.7 | 5.8" under "1992–93 286.2": 302.7 / 286.2 − 1 = 5.8%), after every basis of the row's own
  // figures (one of those wins a tie), per cent, signed and unsigned.
  if (!layoutBasis) {
    for (const n of new Set([...candidates.flatMap((c) => [c.num, c.den]), ...shareCols])) {
      for (const unsigned of signed ? [false] : [false, true]) {
        bases.push({ num: n, den: n, scale: HUNDRED, unsigned, form: 'change', above: true, describe: `the change in ${name(n)} from the row above over that row's figure (year on year down the rows)` });
      }
    }
    // … or from the first row's, a base year ("Change from 1996-97 (percentage)": 2,114,131 / 1,669,495 − 1 = 26.6%; T12-05)
    for (const n of new Set([...candidates.flatMap((c) => [c.num, c.den]), ...shareCols])) {
      for (const unsigned of signed ? [false] : [false, true]) {
        bases.push({ num: n, den: n, scale: HUNDRED, unsigned, form: 'change', base: true, describe: `the change in ${name(n)} since the first row's figure over that figure (the change since a base year, down the rows)` });
      }
    }
  }
  // Shares of a column's sum, when no total row is printed (a pie chart's key, a funding breakdown: "Council
  // Tax: £16.722 or 54%" … four sources and no total line, Cambridgeshire fire 2014/15; T8-02): each
  // column whose figures on the rows are none negative, two at least, as a share of their sum (unsigned,
  // per cent), tried after every other basis, so one of those wins a tie.
  // A line whose percentage is printed "N/A" is outside the whole (ring-fenced spending: Central Bedfordshire's
  // 2024/25 "Housing (funded primarily by rent and service charges) £40.8m N/A"): the sum is of the lines that
  // print a share (ten lines, £265.3m, the page's "around £265million"; 98 / 265.3 = 36.9%; session-13 trial
  // T13-54: ten false errors on the sum of all twelve lines, 324.7, before).
  const outside = new Set(rows.filter((i) => {
    const x = trs[i].cells.get(pct.c);
    return x?.kind === 'text' && NOT_APPLICABLE.test(x.text);
  }));
  const sums = new Map<number, Num>();
  if (total === undefined && !layoutBasis) {
    for (const n of new Set([...candidates.flatMap((c) => [c.num, c.den]), ...shareCols])) {
      const ns = rows.filter((i) => !outside.has(i)).map((i) => a.num(trs[i], n)).filter((x): x is Num => x !== undefined);
      if (ns.length < 2 || ns.some((x) => x.value.isNeg()) || ns.filter((x) => !x.value.isZero()).length < 2) continue;
      const value = ns.reduce((x, y) => x.plus(y.value), new Dec(0));
      const places = Math.max(...ns.map((x) => x.places));
      sums.set(n, { kind: 'number', value, places, dash: false, percent: false, negativeZero: false, typed: false, raw: show(value) });
      const words = [...new Set([...outside].map((i) => { const x = trs[i].cells.get(pct.c); return x?.kind === 'text' ? x.text.trim() : ''; }))];
      const left = outside.size ? `, the ${outside.size} line(s) printing ${words.join(', ')} left out` : '';
      bases.push({ num: n, den: n, scale: HUNDRED, unsigned: false, ofSum: true, describe: `${name(n)} as a share of the column's sum, ${show(value)} (no total printed${left})` });
    }
  }
  const lines = new Set(rows);
  /** the row a basis divides by: the total's, the row directly above (a line too), or the row's own */
  const denRowOf = (b: Basis, row: TableRow): TableRow | undefined => {
    if (b.denRow !== undefined) return trs[b.denRow];
    if (b.base) {
      const first = rows.find((i) => a.kinds[i] === 'line' && a.num(trs[i], b.den) !== undefined);
      return first !== undefined && trs[first] !== row && a.kinds[trs.indexOf(row)] === 'line' ? trs[first] : undefined;
    }
    if (!b.above) return row;
    const i = trs.indexOf(row);
    return i > 0 && lines.has(i - 1) && a.kinds[i - 1] === 'line' && a.kinds[i] === 'line' ? trs[i - 1] : undefined;
  };
  const inputs = (b: Basis, row: TableRow): [Num, Num] | undefined => {
    const n = a.num(row, b.num);
    const from = denRowOf(b, row);
    const d = b.ofSum ? sums.get(b.den) : from && a.num(from, b.den);
    if (!n || !d || d.value.isZero()) return undefined;
    // Down the rows, a bare whole figure where the column prints places (a footnote reference standing
    // where no figure exists: "2" among "286.2") is no figure to compare with.
    const bare = (x: Num, y: Num) => x.places < y.places && /^\d+$/.test(x.raw.trim());
    if ((b.above || b.base) && (bare(d, n) || bare(n, d))) return undefined;
    return [n, d];
  };
  const expectedOf = (b: Basis, row: TableRow, p: Num): Dec | undefined => {
    const nd = inputs(b, row);
    if (!nd || (b.form?.startsWith('previous') && nd[1].value.eq(nd[0].value))) return undefined;
    // A figure printed with its % sign is a percentage whatever the basis; a typed one may be a fraction.
    const scale = p.percent ? HUNDRED : b.scale;
    const e = quotient(b, nd[0].value, nd[1].value).times(scale);
    return b.unsigned && p.value.gte(0) ? e.abs() : e;
  };
  /** What the rounding of the printed inputs allows on the basis: the range of the percentage, each input within half a unit of its places; undefined when a bound divides by nil or crosses the sign. */
  const allowed = (b: Basis, row: TableRow, p: Num): { lo: Dec; hi: Dec } | undefined => {
    const nd = inputs(b, row);
    if (!nd) return undefined;
    const [n, d] = nd;
    const hn = stepOf(n.places).times(HALF);
    const hd = stepOf(d.places).times(HALF);
    const scale = p.percent ? HUNDRED : b.scale;
    const ends: Dec[] = [];
    for (const x of [n.value.minus(hn), n.value.plus(hn)]) for (const y of [d.value.minus(hd), d.value.plus(hd)]) {
      const before = b.form?.startsWith('previous') ? [y.minus(x), d.value.minus(n.value)] : [y, d.value];
      if (!before[0].isZero() && before[0].isNeg() === before[1].isNeg()) ends.push(quotient(b, x, y).times(scale));
    }
    if (ends.length < 4) return undefined;
    const signed = (v: Dec) => (b.unsigned && p.value.gte(0) ? v.abs() : v);
    return { lo: Dec.min(...ends.map(signed)), hi: Dec.max(...ends.map(signed)) };
  };
  /** The printed percentage is within what the rounding of the printed inputs allows on the basis. */
  const explained = (b: Basis, row: TableRow, p: Num): boolean => {
    const r = allowed(b, row, p);
    const half = stepOf(p.places).times(HALF);
    return r !== undefined && p.value.plus(half).gte(r.lo) && p.value.minus(half).lte(r.hi);
  };
  /**
   * A line of a sub-total whose percentage is its own change (or figure) over the SUB-TOTAL's figure,
   * not its own: a council's basic and social-care increases each a percentage of the core council tax
   * they make up ("2.99%" = £41.05 / the 2022/23 core £1,372.75, the referendum percentage; Waltham
   * Forest, T11-52). Only where the basis divides by the row's own figure, and exactly at the places
   * printed (a rounding near miss is no evidence of another basis): the sub-total row it returns.
   */
  function onSubtotal(b: Basis, i: number, p: Num): TableRow | undefined {
    const q = subtotalQuotient(b, i, p);
    return q && agrees(p, q.e) ? q.sub : undefined;
  }
  /**
   * The lines read over their sub-total's figure on basis b: those that fit it and not their own, two
   * lines at least of the same sub-total (one line alone is a coincidence, a one-place percentage of a
   * monitoring report fitting some sub-total's budget), by line (index into the table's rows).
   */
  function subtotalLines(b: Basis): Map<number, TableRow> {
    const found = new Map<number, TableRow>();
    for (const i of rows) {
      const p = a.num(trs[i], pct.c);
      if (!p || p.value.isZero()) continue;
      const e = expectedOf(b, trs[i], p);
      if (e !== undefined && agrees(p, e)) continue;
      const sub = onSubtotal(b, i, p);
      if (sub) found.set(i, sub);
    }
    for (const [i, sub] of found) if ([...found.values()].filter((x) => x === sub).length < 2) found.delete(i);
    return found;
  }
  /** The line's percentage on its sub-total's denominator (see onSubtotal), and the range the rounding of the printed inputs allows. */
  function subtotalQuotient(b: Basis, i: number, p: Num): { sub: TableRow; e: Dec; lo: Dec; hi: Dec } | undefined {
    if (b.denRow !== undefined || b.above || b.ofSum || a.kinds[i] !== 'line') return undefined;
    let k: number | undefined;
    for (const [t, block] of a.blocks) if (block.members.includes(i) && (k === undefined || t < k)) k = t;
    if (k === undefined) return undefined;
    const n = a.num(trs[i], b.num);
    const d = a.num(trs[i], b.den);
    const dT = a.num(trs[k], b.den);
    const nT = a.num(trs[k], b.num);
    if (!n || !d || !dT || (b.form?.startsWith('previous') && !nT)) return undefined;
    const scale = p.percent ? HUNDRED : b.scale;
    const at = (x: Dec, y: Dec, z: Dec, w: Dec): Dec | undefined => {
      const top = b.form === 'change' || b.form === 'change-abs' ? x.minus(y) : x;
      const under = b.form?.startsWith('previous') ? z.minus(w) : z;
      if (under.isZero()) return undefined;
      const e = top.div(b.form?.endsWith('abs') ? under.abs() : under).times(scale);
      return b.unsigned && p.value.gte(0) ? e.abs() : e;
    };
    const e = at(n.value, d.value, dT.value, nT?.value ?? ZERO);
    if (e === undefined) return undefined;
    // each printed input within half a unit of its places
    const ends: Dec[] = [];
    const half = (x: Num) => [x.value.minus(stepOf(x.places).times(HALF)), x.value.plus(stepOf(x.places).times(HALF))];
    for (const x of half(n)) for (const y of half(d)) for (const z of half(dT)) for (const w of nT ? half(nT) : [ZERO]) {
      const v = at(x, y, z, w);
      if (v !== undefined) ends.push(v);
    }
    return { sub: trs[k], e, lo: Dec.min(e, ...ends), hi: Dec.max(e, ...ends) };
  }
  let best: Basis | undefined;
  let bestAgree = 0;
  let bestFit = 0;
  let bestTried = 0;
  let bestReach = 0;
  for (const b of bases) {
    let agree = 0;
    let tried = 0;
    // the rows the basis can recompute, a printed nil among them (for the tie-break of two-figure columns)
    let reach = 0;
    const fits: TableRow[] = [];
    for (const i of rows) {
      const row = trs[i];
      const p = a.num(row, pct.c);
      if (p && pct.twoFigures && !(b.denRow === i && b.num === b.den) && expectedOf(b, row, p) !== undefined) reach++;
      // A nil agrees with any basis whose numerator is nil: it says nothing about the basis.
      if (!p || p.value.isZero() || (b.denRow === i && b.num === b.den)) continue;
      const e = expectedOf(b, row, p);
      if (e === undefined) continue;
      tried++;
      if (agrees(p, e)) agree++;
      else fits.push(row);
    }
    // In a column read from cells printing an amount and a percentage together, the amount may be left
    // out where the percentage is printed alone ("9.74%" among "2.99%/£41.05"): of two bases the rows
    // agree on equally, the one that recomputes more of them (the change of the year columns, not the
    // amount printed beside it) is the column's, so no percentage printed alone goes unchecked.
    if (agree > bestAgree || (agree > 0 && agree === bestAgree && pct.twoFigures && reach > bestReach)) {
      best = b;
      bestAgree = agree;
      bestTried = tried;
      bestReach = reach;
      // the figures the rounding of the printed inputs explains fit the basis too (counted for the best
      // only), and so do lines over their sub-total's figure (see onSubtotal)
      const over = fits.length ? subtotalLines(b) : undefined;
      bestFit = agree + fits.filter((row) => explained(b, row, a.num(row, pct.c)!) || over?.has(trs.indexOf(row))).length;
    }
  }
  // A basis learned from the rows must be the rows' own: fewer than half the figures it can recompute
  // fitting it (exactly or within the rounding of the printed inputs) is a coincidence (one share among
  // fifteen year-on-year changes), not a basis: no figure is flagged on it.
  if (best && !layoutBasis && bestFit * 2 < bestTried) best = undefined;
  const printedRows = rows.filter((i) => a.num(trs[i], pct.c));
  // The layout names the one basis (a variance's percentage of its own budget, printed beside it):
  // when no line agrees with any reading of it (the one line with a figure to divide is the wrong
  // one), it is checked on the line's own figures, signed, per cent, rather than left unchecked.
  // Only then: a basis two or more lines could show and none agrees with is not the column's (the
  // variance printed beside it is another's — an uncaptioned forecast variance between them, T8-52): a
  // note that no basis fits, never an error on every row.
  // (lines only: a total repeating its one line shows nothing more)
  const couldShow = (b: Basis) => rows.filter((i) => {
    const p = a.num(trs[i], pct.c);
    if (a.kinds[i] !== 'line') return false;
    return p !== undefined && !p.value.isZero() && expectedOf(b, trs[i], p) !== undefined;
  }).length;
  if (!best && layoutBasis && candidates.length === 1 && couldShow(bases[0]) <= 1) best = bases[0];
  // Shares printed without their total's 100% (the total row prints the amount, its % cell empty):
  // when the lines' percentages add up to 100 within their rounding, the column is each line's share of
  // the total, whatever few of them fit it (Derry & Strabane's "39.4% £27.087m" … "Total Net
  // Expenditure £67.964m": five of six shares are of another set of figures, T7-65).
  let shares: string | undefined;
  if (!best && !layoutBasis && total !== undefined) {
    const lines = rows.filter((i) => i !== total && a.kinds[i] === 'line' && a.num(trs[i], pct.c));
    const ps = lines.map((i) => a.num(trs[i], pct.c)!);
    const sum = ps.reduce((x, p) => x.plus(p.value), new Dec(0));
    const slack = ps.reduce((x, p) => x.plus(stepOf(p.places).times(HALF)), new Dec(0));
    const own = a.num(trs[total], pct.c);
    if (ps.length >= 2 && !own && ps.every((p) => !p.value.isNeg()) && sum.minus(HUNDRED).abs().lte(slack)) {
      const of = bases.filter((b) => b.denRow === total && b.num === b.den && b.scale.eq(HUNDRED) && !b.unsigned && a.num(trs[total], b.num) && lines.every((i) => a.num(trs[i], b.num)));
      if (of.length === 1) {
        best = of[0];
        shares = `${of[0].describe} (the lines' percentages add up to ${show(sum)}, the total's 100% not printed)`;
      }
    }
  }
  // The same with no total row at all (a pie chart's key): the percentages adding up to 100 within their
  // rounding say they are shares of the whole, the sum of the one column of amounts beside them, however
  // few rows agree with it (one amount changed moves every share: T8-02).
  if (!best && !layoutBasis && total === undefined && sums.size) {
    const ps = rows.map((i) => a.num(trs[i], pct.c)).filter((x): x is Num => x !== undefined);
    const sum = ps.reduce((x, p) => x.plus(p.value), new Dec(0));
    const slack = ps.reduce((x, p) => x.plus(stepOf(p.places).times(HALF)), new Dec(0));
    const of = bases.filter((b) => b.ofSum && rows.every((i) => !a.num(trs[i], pct.c) || a.num(trs[i], b.num)));
    if (ps.length >= 2 && ps.every((p) => !p.value.isNeg()) && sum.minus(HUNDRED).abs().lte(slack) && of.length === 1) {
      best = of[0];
      shares = `${of[0].describe} (the percentages add up to ${show(sum)}: shares of the whole)`;
    }
  }
  if (o.dry) return best;
  let like: string | undefined;
  if (!best && o.like) {
    const l = o.like.basis;
    best = bases.find((b) => b.num === l.num && b.den === l.den && b.denRow === undefined && l.denRow === undefined && b.scale.eq(l.scale) && b.unsigned === l.unsigned && b.form === l.form && b.above === l.above && b.base === l.base);
    if (best) like = `${best.describe}, as column ${o.like.column.c + 1} "${o.like.column.caption}" of the same caption, whose rows show it (none of this column's agree with any basis)`;
  }
  if (!best) {
    // Nothing to say when no row has figures to divide (a zero budget everywhere).
    // (A nil percentage beside a nil budget is how a percentage of nothing is printed.)
    if (!printedRows.some((i) => !a.num(trs[i], pct.c)!.value.isZero() && bases.some((b) => b.denRow === undefined && inputs(b, trs[i]) !== undefined))) return;
    const first = trs[printedRows[0]];
    a.note(first, pct.c, `${rule}.no-basis`, `${pct.caption || 'the percentage column'}: no basis reproduces any of its ${printedRows.length} figure(s) (tried each column over each other, on the row's own figures and on the total's, signed and unsigned, per cent and as a fraction); not checked`);
    return undefined;
  }
  const basis: Basis = like ? { ...best, describe: like } : shares ? { ...best, describe: shares } : best;
  // The rows whose quotient is negative, their percentage printed: the only ones that show whether the column keeps the sign.
  const negative = printedRows.filter((i) => {
    const nd = inputs(basis, trs[i]);
    return nd !== undefined && !a.num(trs[i], pct.c)!.value.isZero() && !nd[0].value.isZero() && quotient(basis, nd[0].value, nd[1].value).isNeg();
  });
  a.percentages.push({
    column: locate(a.t.grid, a.t.r0, pct.c, '').column,
    caption: pct.caption || 'the percentage column',
    is: basis.describe,
    unsigned: basis.unsigned,
    ...(bestAgree ? { agree: bestAgree } : {}),
    negative: negative.map((i) => a.rowNumber(trs[i])),
  });
  if (basis.unsigned && negative.length === 1) {
    // Read unsigned on the strength of one row: a column that signs its percentages would print this one negative.
    const row = trs[negative[0]];
    const p = a.num(row, pct.c)!;
    a.note(row, pct.c, `${rule}.unsigned`, `${a.describe(row, pct.c)}: printed ${p.raw} where ${basis.describe} is negative, so the column is read as printing its percentages without their sign; no other row has a negative quotient, so nothing else in the table shows which convention it keeps: if it signs them, this figure should be −${p.raw}`);
  }
  /**
   * The column's own rounding, learned from its rows (T8-56). Truncation: two figures or more are the
   * quotient cut off at the places printed and not it rounded ("35.7" for 35.796, "−1.13" for −1.1396),
   * and no figure is it rounded and not cut off (7.56 printed 8 says rounding): those figures agree.
   * Shares forced to add up to 100 (largest remainder): on a share of the total, the lines' printed
   * shares add up to exactly 100 while rounded one by one they add up to 100 ± k units, and exactly k
   * lines differ from their rounding, each by one unit the way that restores 100, each the quotient cut
   * off or raised (36 for 36.515): warnings naming the convention, not errors.
   */
  function roundingKept(b: Basis, printed: number[]) {
    const truncated = new Set<number>();
    const forced = new Set<number>();
    let roundOnly = 0;
    const cut: number[] = [];
    for (const i of printed) {
      const p = a.num(trs[i], pct.c)!;
      const e = expectedOf(b, trs[i], p);
      if (e === undefined || p.value.isZero()) continue;
      const round = agrees(p, e);
      const trunc = e.toDecimalPlaces(p.places, Dec.ROUND_DOWN).eq(p.value);
      if (trunc && !round) cut.push(i);
      if (round && !trunc) roundOnly++;
    }
    if (cut.length >= 2 && roundOnly === 0) for (const i of cut) truncated.add(i);
    let roundedSum: Dec | undefined;
    let printedSum: Dec | undefined;
    if (b.denRow !== undefined && b.num === b.den && !truncated.size) {
      const lines = printed.filter((i) => i !== b.denRow && a.kinds[i] === 'line');
      const ps = lines.map((i) => a.num(trs[i], pct.c)!);
      const es = lines.map((i, k) => expectedOf(b, trs[i], ps[k]));
      const places = ps[0]?.places;
      if (lines.length >= 2 && es.every((e) => e !== undefined) && ps.every((p) => p.places === places && !p.value.isNeg())) {
        const step = stepOf(places);
        const rounded = es.map((e) => e!.toDecimalPlaces(places, Dec.ROUND_HALF_UP));
        printedSum = ps.reduce((x, p) => x.plus(p.value), new Dec(0));
        roundedSum = rounded.reduce((x, r) => x.plus(r), new Dec(0));
        const k = roundedSum.minus(HUNDRED).div(step);
        const off = lines.filter((_, n) => !ps[n].value.eq(rounded[n]));
        const oneWay = off.every((i) => {
          const n = lines.indexOf(i);
          const d = ps[n].value.minus(rounded[n]);
          const e = es[n]!;
          return d.abs().eq(step) && d.isNeg() === k.isPos() && (ps[n].value.eq(e.toDecimalPlaces(places, Dec.ROUND_DOWN)) || ps[n].value.eq(e.toDecimalPlaces(places, Dec.ROUND_UP)));
        });
        if (printedSum.eq(HUNDRED) && !k.isZero() && k.isInteger() && off.length === k.abs().toNumber() && oneWay) for (const i of off) forced.add(i);
      }
    }
    return { truncated, forced, roundedSum, printedSum };
  }
  const kept = roundingKept(basis, printedRows);
  const bySubtotal: [TableRow, TableRow][] = [];
  // the lines over their sub-total's figure (see subtotalLines): a line of one of those sub-totals that
  // fits neither its own figure nor the sub-total's is compared with the sub-total's, as its fellows are
  const overSubtotal = subtotalLines(basis);
  const subtotals = new Set(overSubtotal.values());
  if (kept.truncated.size) {
    const first = trs[[...kept.truncated][0]];
    a.note(first, pct.c, `${rule}.truncated`, `${pct.caption || 'the percentage column'}: ${kept.truncated.size} figure(s) of the column are the quotient cut off at the places printed, not rounded (${kept.truncated.size} fit only so, none fits only rounding): read as the column's convention, truncation; those figures agree`);
  }
  for (const i of printedRows) {
    const row = trs[i];
    const p = a.num(row, pct.c)!;
    const e = expectedOf(basis, row, p);
    if (e !== undefined && kept.truncated.has(i)) {
      a.checked.percentages++;
      a.involve([[row, pct.c]]);
      a.involve([[row, basis.num], [denRowOf(basis, row)!, basis.den]], true);
      continue;
    }
    if (e === undefined) {
      const from = denRowOf(basis, row);
      const d = from && basis.denRow === undefined && !basis.form?.startsWith('previous') ? a.num(from, basis.den) : undefined;
      const n = a.num(row, basis.num);
      if (from && d && n && d.value.isZero() && !p.value.isZero() && !p.value.abs().eq(HUNDRED)) {
        // Nothing to divide by: a percentage of a nil figure is printed nil (or ±100%, a convention for
        // spending with no budget); any other figure is not the basis's, whatever the rounding.
        a.checked.percentages++;
        a.involve([[row, pct.c]]);
        a.involve([[row, basis.num], [from, basis.den]], true);
        a.findings.push({
          severity: 'error',
          table: a.layout,
          ...a.loc(row, pct.c),
          rule,
          message: `${a.describe(row, pct.c)}: printed ${p.raw}, but on ${basis.describe} (the basis ${bestAgree} row(s) agree on) it divides by ${name(basis.den)}${from === row ? '' : ` of ${from.label || 'the row above'}`}, which is nil: nothing to divide`,
          printed: text(p.value),
        });
        continue;
      }
      if (from && d && n && d.value.isZero() && p.value.isZero() && !layoutBasis) {
        // A nil percentage of a nil figure is how a percentage of nothing is printed: it agrees.
        a.checked.percentages++;
        a.involve([[row, pct.c]]);
        a.involve([[row, basis.num], [from, basis.den]], true);
        continue;
      }
      // Down the rows, a percentage with no figure above it to compare with (the first year of a block,
      // or the year after a footnote or a gap) cannot be recomputed: said, not passed.
      if (basis.above && !p.value.isZero()) a.note(row, pct.c, `${rule}.no-previous`, `${a.describe(row, pct.c)}: printed ${p.raw}, but the row above prints no figure of ${name(basis.num)} to compare with; not checked`);
      continue;
    }
    a.checked.percentages++;
    a.involve([[row, pct.c]]);
    a.involve(basis.ofSum ? rows.map((k): [TableRow, number] => [trs[k], basis.den]) : [[row, basis.num], [denRowOf(basis, row)!, basis.den]], true);
    if (agrees(p, e)) continue;
    const sub = overSubtotal.get(i);
    if (sub) {
      a.involve([[sub, basis.den]], true);
      bySubtotal.push([row, sub]);
      continue;
    }
    const other = subtotalQuotient(basis, i, p);
    if (other && subtotals.has(other.sub)) {
      // its fellow lines are over the sub-total's figure: so is this one, and it is wrong on that
      const shown = other.e.toDecimalPlaces(p.places, Dec.ROUND_HALF_UP);
      const half = stepOf(p.places).times(HALF);
      const within = p.value.plus(half).gte(other.lo) && p.value.minus(half).lte(other.hi);
      a.involve([[other.sub, basis.den]], true);
      a.findings.push({
        severity: within ? 'warning' : 'error',
        table: a.layout,
        ...a.loc(row, pct.c),
        rule,
        message: `${a.describe(row, pct.c)}: printed ${p.raw}, but ${basis.describe} with the denominator of the sub-total it makes up (${other.sub.label || `row ${a.rowNumber(other.sub)}`}, ${name(basis.den)} ${a.num(other.sub, basis.den)!.raw}), as the other lines of that sub-total print theirs, is ${show(other.e.toDecimalPlaces(p.places + 3, Dec.ROUND_HALF_UP))}, ${show(shown)} to the places printed` +
          `${within ? `; within what the rounding of the printed figures allows (${show(other.lo.toDecimalPlaces(p.places + 2))} to ${show(other.hi.toDecimalPlaces(p.places + 2))})` : ''}`,
        printed: text(p.value),
        expected: text(shown),
        difference: text(p.value.minus(shown)),
      });
      continue;
    }
    const shown = e.toDecimalPlaces(p.places, Dec.ROUND_HALF_UP);
    const diff = p.value.minus(shown);
    const truncated = e.toDecimalPlaces(p.places, Dec.ROUND_DOWN).eq(p.value);
    // What the rounding of the printed inputs allows: each within half a unit of its places.
    const range = allowed(basis, row, p);
    const within = explained(basis, row, p);
    const forced = kept.forced.has(i);
    a.findings.push({
      severity: within || forced ? 'warning' : 'error',
      table: a.layout,
      ...a.loc(row, pct.c),
      rule,
      message: `${a.describe(row, pct.c)}: printed ${p.raw}, but ${basis.describe}${basis.unsigned ? ' (unsigned)' : ''}` +
        ` (the basis ${bestAgree} row(s) agree on) is ${show(e.toDecimalPlaces(p.places + 3, Dec.ROUND_HALF_UP))}, ${show(shown)} to the places printed` +
        (forced ? `; the shares are rounded to add up to exactly 100 (largest remainder: rounded one by one they add up to ${show(kept.roundedSum!)}, printed ${show(kept.printedSum!)}), and this one is one unit the other way, as that convention moves it` : '') +
        `${truncated && !forced ? ' (the printed figure is truncated, not rounded)' : ''}` +
        `${within && range ? `; within what the rounding of the printed figures allows (${show(range.lo.toDecimalPlaces(p.places + 2))} to ${show(range.hi.toDecimalPlaces(p.places + 2))})` : ''}`,
      printed: text(p.value),
      expected: text(shown),
      difference: text(diff),
    });
  }
  if (bySubtotal.length) {
    const [row, sub] = bySubtotal[0];
    a.note(row, pct.c, `${rule}.of-subtotal`, `${pct.caption || 'the percentage column'}: ${bySubtotal.length} line(s) (${bySubtotal.map(([r, t]) => `${r.label || `row ${a.rowNumber(r)}`} over ${t.label || `row ${a.rowNumber(t)}`}`).join('; ')}) are ${basis.describe} with the denominator of the sub-total they make up, not their own (${name(basis.den)} ${a.num(sub, basis.den)!.raw}), exactly at the places printed: read so, as a council states its increases as percentages of the core council tax`);
  }
  return basis;
}
