// The narrative tied to the tables: every amount and percentage quoted in the running text is matched
// to the table figure (or the sum or ratio of table figures) it quotes, at the precision it is quoted,
// the way an auditor ticks a report: tied, tied within rounding, truncated instead of rounded,
// different (with the figure it should be), or quoted with no source in any table. Financial years
// and dates inconsistent with the report's own year are noted. Pure and exact (decimal.js clone).
import { Dec } from '../base/decimal';
import { parsePrinted } from '../base/printed';
import { unitsIn } from '../audit/detect';
import type { Severity } from '../engine/model';
import type { DocParagraph, DocTable } from './document';

/** An amount or percentage as the narrative quotes it. */
export interface Quote {
  /** as printed: "£0.370m", "87.9%", "£2.4 million", "3.6 per cent" */
  text: string;
  kind: 'money' | 'percent';
  /** money in pounds, percentages in percentage points; always the magnitude */
  value: Dec;
  /** half a unit of the last place quoted, in the same units as value: how far rounding may move it */
  half: Dec;
  /** a unit of the last place quoted (£1,000 for "£13.605m"; 0.1 for "87.9%") */
  step: Dec;
  /** decimal places as quoted */
  places: number;
  /** the unit was not printed and was taken from the sentence's other amounts ("£15.467" beside "£13.605m") */
  unitInferred?: boolean;
  sentence: string;
  /** the sentence's place in its paragraph, 0-based: "This amounts to 0.8%" speaks of the sentence before it */
  sentenceNo?: number;
  where: string;
  page?: number;
}

/** A figure of a table, in pounds (money) or percentage points (a % column). */
export interface TableFigure {
  value: Dec;
  percent: boolean;
  table: DocTable;
  row: number;
  col: number;
  /** the row's label and the column's header, for messages */
  label: string;
  header: string;
  printed: string;
}

export type TieStatus = 'tied' | 'rounded' | 'truncated' | 'different' | 'unsourced';

export interface NarrativeTie {
  quote: Quote;
  status: TieStatus;
  /** what it was tied to, in words: "page 2, table 1, row 25 (NET UNDERSPEND…), column Over/(Under)spend £: (370,741)" */
  source?: string;
  /** the figure the source gives at the precision quoted, when it differs from the quote */
  expected?: string;
  /** for 'different': why that figure ("the row the sentence speaks of; two digits swapped") */
  why?: string;
  /** the source's one table figure, when it is one (not a sum or a ratio): its table and 1-based row and column */
  figure?: { table: string; row: number; column: number };
}

export interface NarrativeFinding {
  severity: Severity;
  rule: string;
  where: string;
  page?: number;
  message: string;
  /** the text it read */
  text: string;
  printed?: string;
  expected?: string;
}

const MULT: Record<string, Dec> = { m: new Dec(1e6), million: new Dec(1e6), mn: new Dec(1e6), bn: new Dec(1e9), billion: new Dec(1e9), k: new Dec(1e3), thousand: new Dec(1e3), '': new Dec(1) };

const MONEY = /(\(?)(?:£|GBP\s?)\s?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:\s?(million|billion|thousand|bn|mn|m|k)\b)?/gi;
const PERCENT = /(\d+(?:\.\d+)?)\s?(%|per\s?cent\b|percent\b)/gi;

/** Sentences of a paragraph (a full stop inside "£0.370m." or "87.9%" does not end one). */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z£(“"'])/).map((s) => s.trim()).filter(Boolean);
}

function decimalPlaces(s: string): number {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Every amount and percentage in a paragraph. */
export function quotesIn(p: DocParagraph): Quote[] {
  const out: Quote[] = [];
  for (const [sentenceNo, s] of sentences(p.text).entries()) {
    const money: Quote[] = [];
    for (const m of s.matchAll(MONEY)) {
      const digits = m[2].replace(/,/g, '');
      const unit = (m[3] ?? '').toLowerCase();
      const mult = MULT[unit] ?? new Dec(1);
      const places = decimalPlaces(digits);
      const step = new Dec(1).div(new Dec(10).pow(places)).times(mult);
      money.push({
        text: m[0].replace(/^\(/, ''), kind: 'money', value: new Dec(digits).times(mult), half: step.div(2), step, places,
        sentence: s, sentenceNo, where: p.where, page: p.page,
      });
    }
    // "£15.467" beside "£13.605m": pounds are never quoted to three places; take the sentence's unit
    const withUnit = money.find((q) => /m(illion)?$|bn$|billion$|k$|thousand$/i.test(q.text));
    for (const q of money) {
      if (q === withUnit || /[a-z]$/i.test(q.text)) continue;
      const places = decimalPlaces(q.text.replace(/[£,\s]/g, ''));
      if (places === 3 || places === 1 && withUnit) {
        const unit = withUnit ? (/bn$|billion$/i.test(withUnit.text) ? 'bn' : /k$|thousand$/i.test(withUnit.text) ? 'k' : 'm') : 'm';
        const mult = MULT[unit];
        q.value = q.value.times(mult);
        q.step = q.step.times(mult);
        q.half = q.half.times(mult);
        q.unitInferred = true;
      }
    }
    out.push(...money);
    for (const m of s.matchAll(PERCENT)) {
      const places = decimalPlaces(m[1]);
      const step = new Dec(1).div(new Dec(10).pow(places));
      out.push({ text: m[0], kind: 'percent', value: new Dec(m[1]), half: step.div(2), step, places, sentence: s, sentenceNo, where: p.where, page: p.page });
    }
  }
  return out;
}

const FACTOR: Record<string, Dec> = { '£': new Dec(1), "£'000": new Dec(1000), '£m': new Dec(1e6) };

/**
 * Units of a header cell or caption: £, £'000, £m — the audit's reading (`unitsIn`: "£'m", "£ millions",
 * "£000s", "£k", "(000)" …), and besides it the shapes report headers print with no unit word the
 * audit needs: a bare "'000", "m£", "£ mn".
 */
export function unitsOfText(s: string): '£' | "£'000" | '£m' | undefined {
  const t = s.toLowerCase().replace(/[’‘`]/g, "'");
  if (/\bm£|£\s?mn\b/.test(t)) return '£m';
  return unitsIn(t) ?? (/'000/.test(t) ? "£'000" : undefined);
}

/**
 * Every figure of every table, in pounds: each column's units from its header cells (above the first
 * figure), else the table's title, else the table's own most common unit, else £.
 */
export function tableFigures(tables: DocTable[], unitsOf: (t: DocTable) => string | undefined = () => undefined): TableFigure[] {
  const out: TableFigure[] = [];
  for (const t of tables) {
    const width = t.cells.reduce((m, r) => Math.max(m, r.length), 0);
    const firstFigureRow = t.cells.findIndex((r) => r.slice(1).some((c) => parsePrinted(c).kind === 'number' && /[0-9]/.test(c)));
    const head = firstFigureRow < 0 ? 0 : firstFigureRow;
    const colUnits: (string | undefined)[] = [];
    const colHeader: string[] = [];
    for (let c = 0; c < width; c++) {
      const h = t.cells.slice(0, head).map((r) => r[c] ?? '').filter(Boolean).join(' ');
      colHeader.push(h);
      colUnits.push(unitsOfText(h));
    }
    const tableUnits = unitsOf(t) ?? unitsOfText(t.title ?? '') ?? colUnits.find((u) => u) ?? '£';
    const labelCol = 0;
    for (let r = head; r < t.cells.length; r++) {
      // the row's name: its text left of its first figure (a comment or reason column right of the
      // figures is not the row's name); the text anywhere when the label stands right of figures
      const row = t.cells[r];
      const isText = (c: string) => !!c && parsePrinted(c).kind !== 'number';
      const first = row.findIndex((c) => !!c && parsePrinted(c).kind === 'number');
      const left = row.slice(0, first < 0 ? row.length : first).filter(isText);
      const label = (left.length ? left : row.filter(isText)).join(' ').slice(0, 80);
      for (let c = 0; c < width; c++) {
        const raw = (t.cells[r][c] ?? '').replace(/\s*(\*+|\([a-z]\)|[†‡§])$/i, '');
        if (!/[0-9]/.test(raw) || c === labelCol && !/^[£(\-–−]?[0-9]/.test(raw.trim())) continue;
        const inCell = /(m|k|bn)$/i.exec(raw.trim());
        const p = parsePrinted(raw.replace(/\s*(m|k|bn)$/i, ''));
        if (p.kind !== 'number') continue;
        const units = inCell ? (inCell[1].toLowerCase() === 'k' ? "£'000" : '£m') : colUnits[c] ?? tableUnits;
        const value = p.percent || /%/.test(colHeader[c]) ? p.value : p.value.times(FACTOR[units] ?? new Dec(1));
        out.push({ value, percent: p.percent || /%/.test(colHeader[c]), table: t, row: r, col: c, label, header: colHeader[c], printed: t.cells[r][c] });
      }
    }
  }
  return out;
}

/** Round half away from zero to a multiple of `step`. */
const roundTo = (v: Dec, step: Dec) => v.div(step).toDecimalPlaces(0, Dec.ROUND_HALF_UP).times(step);
const truncTo = (v: Dec, step: Dec) => v.div(step).toDecimalPlaces(0, Dec.ROUND_DOWN).times(step);

function describe(f: TableFigure): string {
  return `${f.table.where}${f.table.title ? ` (${f.table.title})` : ''}, row ${f.row + 1}${f.label ? ` “${f.label}”` : ''}${f.header ? `, column “${f.header}”` : ''}: ${f.printed}`;
}

function showQuoteValue(q: Quote, v: Dec): string {
  if (q.kind === 'percent') return `${v.toFixed(q.places)}%`;
  const u = unitOf(q);
  const sym = u.eq(1e9) ? 'bn' : u.eq(1e6) ? 'm' : u.eq(1e3) ? 'k' : '';
  return `£${groupThousands(v.div(u).toFixed(q.places))}${sym}`;
}
function unitOf(q: Quote): Dec {
  if (q.kind === 'percent') return new Dec(1);
  if (/bn$|billion$/i.test(q.text)) return new Dec(1e9);
  if (/m$|million$|mn$/i.test(q.text) || q.unitInferred) return new Dec(1e6);
  if (/k$|thousand$/i.test(q.text)) return new Dec(1e3);
  return new Dec(1);
}
function groupThousands(s: string): string {
  const [w, f] = s.split('.');
  return w.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f ? `.${f}` : '');
}

interface Match {
  status: TieStatus;
  value: Dec;
  source: string;
  /** the one table figure it ties to (not a sum or ratio) */
  fig?: TableFigure;
  /** for 'different': why that figure is the one it misquotes, in words ("two digits swapped") */
  why?: string;
}

/**
 * @param minSteps how many units of its last place a quote needs before "cut short" is said of it:
 *   100 (three significant figures: "£0.370m", "87.9%") where the source was found by its value alone
 *   ("2%" of 2.9% is a band, not a truncation); 10 where the sentence names the source (a percentage
 *   beside its own amount: "£1,192k (2.4%)" of 2.465%)
 */
function classify(q: Quote, v: Dec, minSteps = 100): TieStatus | undefined {
  const a = v.abs();
  if (a.eq(q.value)) return 'tied';
  if (roundTo(a, q.step).eq(q.value)) return 'rounded';
  if (truncTo(a, q.step).eq(q.value) && q.value.abs().div(q.step).gte(minSteps)) return 'truncated';
  return undefined;
}

const RANK: Record<TieStatus, number> = { tied: 0, rounded: 1, truncated: 2, different: 3, unsourced: 4 };

const rowKey = (f: TableFigure) => `${f.table.where}\u0001${f.row}`;

/** The rows a sentence names: a word of the row's label (other than "total", "the", …) in the sentence. */
function namedRows(sentence: string, figs: TableFigure[]): Set<string> {
  const words = wordsOf(sentence);
  const out = new Set<string>();
  for (const f of figs) if ([...wordsOf(f.label)].some((w) => words.has(w))) out.add(rowKey(f));
  return out;
}

/** A sentence that speaks of a table's total: "overall", "total", "in total", "net", "the budget". */
const TOTAL_WORDS = /\b(overall|total|net|the budget)\b/i;

/** The total rows of each table: labelled total / net / overall / budget requirement, else its last row of figures. */
function totalRows(figs: TableFigure[]): Set<string> {
  const out = new Set<string>();
  for (const t of new Set(figs.map((f) => f.table))) {
    const own = figs.filter((f) => f.table === t);
    const labelled = own.filter((f) => /\b(total|net|overall|budget requirement)\b/i.test(f.label));
    if (labelled.length) for (const f of labelled) out.add(rowKey(f));
    else if (own.length) out.add(rowKey(own.reduce((a, b) => (b.row > a.row ? b : a))));
  }
  return out;
}

/**
 * Two digit strings one slip apart: two neighbouring digits swapped ("561" for "516", "35924" for
 * "35942") or one digit wrong ("35842" for "35942"). Both of three digits or more (a slip in "£6k" is
 * no evidence of anything).
 */
export function isSlip(a: string, b: string): boolean {
  if (a === b || a.length !== b.length || a.length < 3) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return diff[0] > 0; // the leading digit wrong is a different amount, not a slip
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/** The digits of an amount at a quote's precision ("£35.924m": 35924). */
const digitsAt = (v: Dec, step: Dec) => roundTo(v.abs(), step).div(step).toFixed(0);

/**
 * The best source for a money quote among the figures: one figure; else the sum of two figures of a
 * column that means something (both rows named in the sentence, or neighbouring rows, as a total and
 * the memo line under it); else, when the sentence clearly quotes a figure it does not give, that
 * figure as 'different': a row the sentence names (or a total row, when it says overall / total /
 * net / the budget) whose figure is within a tenth of the quote (or one unit of its last place) and
 * is not quoted rightly elsewhere in the sentence, or
 * the one figure of all whose digits at the quote's precision are one slip from the quote's.
 */
function sourceForMoney(q: Quote, figs: TableFigure[]): Match | undefined {
  let best: Match | undefined;
  const consider = (m: Match) => {
    if (!best || RANK[m.status] < RANK[best.status]) best = m;
  };
  const money = figs.filter((f) => !f.percent);
  for (const f of money) {
    const s = classify(q, f.value);
    if (s) consider({ status: s, value: f.value.abs(), source: describe(f), fig: f });
  }
  if (best && RANK[best.status] <= 1) return best;
  const single = best;
  const named = namedRows(q.sentence, money);
  // a total and a line printed under it ("TOTAL … (including Region)" + a memo line), or two rows the
  // sentence names: the sum of two in a column; never two unrelated rows that happen to add up
  const byColumn = new Map<string, TableFigure[]>();
  for (const f of money) {
    const k = `${f.table.where}\u0001${f.col}`;
    byColumn.set(k, [...(byColumn.get(k) ?? []), f]);
  }
  for (const col of byColumn.values()) {
    if (col.length > 200) continue;
    for (let i = 0; i < col.length; i++) {
      for (let j = i + 1; j < col.length; j++) {
        const meaningful = j === i + 1 || named.has(rowKey(col[i])) && named.has(rowKey(col[j]));
        if (!meaningful) continue;
        const sum = col[i].value.plus(col[j].value);
        const s = classify(q, sum);
        if (s && RANK[s] <= 1) consider({ status: s, value: sum.abs(), source: `the sum of ${describe(col[i])} and ${describe(col[j])}` });
      }
    }
  }
  if (best || single) return best ?? single;
  // a figure the sentence clearly quotes, misquoted
  const totals = TOTAL_WORDS.test(q.sentence) ? totalRows(money) : new Set<string>();
  const quoted = q.value.div(q.step).toFixed(0);
  const slips = money.filter((f) => isSlip(quoted, digitsAt(f.value, q.step)));
  const slipValues = new Set(slips.map((f) => f.value.abs().toString()));
  const inNamed = (f: TableFigure) => named.has(rowKey(f)) || totals.has(rowKey(f));
  const near = (f: TableFigure) => {
    const d = f.value.abs().minus(q.value).abs();
    return d.lte(f.value.abs().div(10)) || d.lte(q.step);
  };
  let pick = slips.find(inNamed);
  if (!pick) {
    for (const f of money) {
      if (!inNamed(f) || !near(f)) continue;
      if (!pick || f.value.abs().minus(q.value).abs().lt(pick.value.abs().minus(q.value).abs())) pick = f;
    }
  }
  if (!pick && slipValues.size === 1) pick = slips[0];
  if (!pick) return undefined;
  const d = digitsAt(pick.value, q.step);
  const slip = isSlip(quoted, d) ? ([...quoted].filter((c, i) => c !== d[i]).length === 2 ? 'two digits swapped' : 'one digit wrong') : undefined;
  const why = [inNamed(pick) ? 'the row the sentence speaks of' : '', slip ?? ''].filter(Boolean).join('; ');
  return { status: 'different', value: pick.value.abs(), source: describe(pick), fig: pick, why };
}

const STOP = new Set(['the', 'and', 'for', 'of', 'to', 'in', 'on', 'a', 'an', 'is', 'at', 'by', 'with', 'from', 'total', 'less', 'this', 'that', 'was', 'be']);
function wordsOf(s: string): Set<string> {
  return new Set(s.toLowerCase().replace(/[^a-z ]+/g, ' ').split(' ').filter((w) => w.length > 2 && !STOP.has(w)));
}

const tiedWell = (m: Match | undefined) => m !== undefined && RANK[m.status] <= 1;

/**
 * A table whose headers give the wrong unit ("£" over figures in £'000, as North Wales Fire's 2019/20
 * monitoring prints them): when none of the narrative's amounts tie to its figures as labelled, but two
 * or more tie to them a thousand (or a million) times larger or smaller, the table is read in that unit,
 * and a note says so. `figs` and `matched` are updated in place.
 */
function rescaleMisprintedUnits(quotes: Quote[], figs: TableFigure[], matched: Map<Quote, Match | undefined>): NarrativeFinding[] {
  const out: NarrativeFinding[] = [];
  const money = quotes.filter((q) => q.kind === 'money');
  for (const t of [...new Set(figs.map((f) => f.table))]) {
    const own = figs.filter((f) => f.table === t && !f.percent);
    if (own.length === 0 || money.some((q) => tiedWell(matched.get(q)) && matched.get(q)?.fig?.table === t)) continue;
    for (const factor of ['1000', '1000000', '0.001']) {
      const scaled = own.map((f) => ({ ...f, value: f.value.times(factor) }));
      const ties = money.filter((q) => !tiedWell(matched.get(q)) && tiedWell(sourceForMoney(q, scaled)));
      if (ties.length < 2) continue;
      for (const f of own) f.value = f.value.times(factor);
      for (const q of money) if (!tiedWell(matched.get(q))) matched.set(q, sourceForMoney(q, figs));
      const unit = factor === '1000' ? "£'000" : factor === '1000000' ? '£m' : '£';
      out.push({
        severity: 'note', rule: 'narrative.table-units', where: t.where, text: ties.map((q) => q.text).join(', '),
        message: `${t.where}${t.title ? ` (${t.title})` : ''}: the narrative quotes its figures as ${unit} (${ties.map((q) => q.text).join(', ')}), not in the unit its headers print: read in ${unit}`,
      });
      break;
    }
  }
  return out;
}

/**
 * Three amounts one sentence quotes as one position must relate as the table relates their columns.
 * When each is tied to a figure of the same table in its own column, and on every row of that table
 * holding the three (two rows at least) one column is the difference of the other two (|x − y| = |z|:
 * budget − outturn = variance), the quoted |a − b| must be c within the rounding of the three quotes.
 * When it is not, the figures were taken from different rows — "the total budget … is £261.7m …, the
 * forecast outturn … is £259.8m resulting in an underspend of £2.1m" (PCC for Surrey, decision 007/2022:
 * Month 8's outturn with Month 9's variance) — and c is re-tied as 'different' from a − b, in place.
 */
function mixedPositions(quotes: Quote[], figs: TableFigure[], matched: Map<Quote, Match | undefined>): void {
  const at = new Map(figs.filter((f) => !f.percent).map((f) => [`${f.table.where}\u0001${f.row}\u0001${f.col}`, f]));
  const figure = (t: DocTable, r: number, c: number) => at.get(`${t.where}\u0001${r}\u0001${c}`);
  const bySentence = new Map<string, Quote[]>();
  for (const q of quotes) {
    const m = matched.get(q);
    if (q.kind !== 'money' || !tiedWell(m) || !m!.fig) continue;
    const k = `${q.where}\u0001${q.sentence}`;
    bySentence.set(k, [...(bySentence.get(k) ?? []), q]);
  }
  for (const qs of bySentence.values()) {
    if (qs.length < 3) continue;
    const fig = (q: Quote) => matched.get(q)!.fig!;
    // of the triples whose columns the table relates, the one whose difference column is the smallest
    // (the variance, not the budget = outturn − variance the same relation also gives)
    let best: { a: Quote; b: Quote; c: Quote; rows: number; size: Dec } | undefined;
    for (const c of qs) {
      for (const a of qs) {
        for (const b of qs) {
          if (a === b || a === c || b === c || qs.indexOf(a) > qs.indexOf(b)) continue;
          const [fa, fb, fc] = [fig(a), fig(b), fig(c)];
          const t = fa.table;
          if (fb.table !== t || fc.table !== t || new Set([fa.col, fb.col, fc.col]).size < 3) continue;
          let rows = 0;
          let size = new Dec(0);
          let holds = true;
          for (let r = 0; r < t.cells.length && holds; r++) {
            const [x, y, z] = [figure(t, r, fa.col), figure(t, r, fb.col), figure(t, r, fc.col)];
            if (!x || !y || !z) continue;
            rows++;
            size = size.plus(z.value.abs());
            holds = x.value.minus(y.value).abs().eq(z.value.abs());
          }
          if (holds && rows >= 2 && (!best || size.lt(best.size))) best = { a, b, c, rows, size };
        }
      }
    }
    if (!best) continue;
    const { a, b, c, rows } = best;
    const [fa, fb, fc] = [fig(a), fig(b), fig(c)];
    const diff = a.value.minus(b.value).abs();
    if (diff.minus(c.value).abs().lte(a.half.plus(b.half).plus(c.half))) continue;
    // the rows each quote can be read from (a budget printed alike on every row names none)
    const t = fa.table;
    const from = (q: Quote) => t.cells.map((_, r) => r).filter((r) => {
      const f = figure(t, r, fig(q).col);
      return f !== undefined && classify(q, f.value) !== undefined;
    });
    const single = [a, b, c].filter((q) => from(q).length === 1);
    matched.set(c, {
      status: 'different', value: diff, fig: fc,
      source: `${a.text} − ${b.text} as the sentence quotes them (${t.where}: “${fa.header}” − “${fb.header}” = “${fc.header}” on each of its ${rows} rows)`,
      why: single.length >= 2 && new Set(single.map((q) => fig(q).row)).size > 1
        ? `quoted as one position from different rows: ${single.map((q) => `${q.text} is row ${fig(q).row + 1}${fig(q).label ? ` “${fig(q).label}”` : ''}`).join(', ')}`
        : 'the three quoted as one position do not relate as the table does',
    });
  }
}

/** Ties every quote of the narrative to the tables, and notes stale years and dates. */
export function tieNarrative(paragraphs: DocParagraph[], tables: DocTable[], unitsOf?: (t: DocTable) => string | undefined): { ties: NarrativeTie[]; findings: NarrativeFinding[] } {
  const figs = tableFigures(tables, unitsOf);
  const ties: NarrativeTie[] = [];
  const findings: NarrativeFinding[] = [];
  const quotes = paragraphs.flatMap(quotesIn);
  const matched = new Map<Quote, Match | undefined>();
  for (const q of quotes) if (q.kind === 'money') matched.set(q, sourceForMoney(q, figs));
  findings.push(...rescaleMisprintedUnits(quotes, figs, matched));
  mixedPositions(quotes, figs, matched);
  // a figure the same sentence already quotes rightly is not what its other amount misquotes: "income
  // from capital receipts of £9.500million, which was revised during the year to £8.397 million"
  for (const q of quotes) {
    const m = matched.get(q);
    if (m?.status !== 'different') continue;
    const rightly = quotes.some((o) => o !== q && o.sentence === q.sentence && o.where === q.where && tiedWell(matched.get(o)) && matched.get(o)?.fig === m.fig);
    if (rightly) matched.set(q, undefined);
  }

  for (const q of quotes) {
    let m: Match | undefined;
    if (q.kind === 'money') m = matched.get(q);
    else m = sourceForPercent(q, quotes, matched, figs);
    let tie: NarrativeTie;
    if (m && RANK[m.status] <= 2) {
      tie = { quote: q, status: m.status, source: m.source, expected: m.status === 'truncated' ? showQuoteValue(q, roundTo(m.value, q.step)) : undefined, figure: figureOf(m) };
    } else if (m && m.status === 'different') {
      tie = { quote: q, status: 'different', source: m.source, expected: showQuoteValue(q, roundTo(m.value, q.step)), figure: figureOf(m), ...(m.why ? { why: m.why } : {}) };
    } else {
      tie = { quote: q, status: 'unsourced' };
    }
    ties.push(tie);
    const exact = m ? (q.kind === 'percent' ? `${m.value.toDecimalPlaces(Math.max(2, -q.step.log(10).round().toNumber() + 1)).toString()}%` : showExact(m.value)) : '';
    if (tie.status === 'truncated') {
      findings.push({
        severity: 'warning', rule: 'narrative.truncated', where: q.where, page: q.page, text: q.sentence, printed: q.text, expected: tie.expected,
        message: `${q.text} is ${exact} cut short, not rounded: rounded it is ${tie.expected} (${tie.source})`,
      });
    } else if (tie.status === 'different') {
      findings.push({
        severity: 'warning', rule: 'narrative.different', where: q.where, page: q.page, text: q.sentence, printed: q.text, expected: tie.expected,
        message: `${q.text} does not agree with the table: ${tie.source} gives ${tie.expected}${tie.why ? ` (${tie.why})` : ''}`,
      });
    } else if (tie.status === 'unsourced') {
      findings.push({
        severity: 'note', rule: 'narrative.unsourced', where: q.where, page: q.page, text: q.sentence, printed: q.text,
        message: `${q.text} is quoted with no source in any table of the report (no figure, sum of two figures in a column, or ratio that gives it)`,
      });
    }
  }
  findings.push(...staleYearsAndDates(paragraphs, tables));
  return { ties, findings };
}

function figureOf(m: Match): NarrativeTie['figure'] {
  return m.fig ? { table: m.fig.table.where, row: m.fig.row + 1, column: m.fig.col + 1 } : undefined;
}

function showExact(v: Dec): string {
  return `£${groupThousands(v.toFixed(v.isInteger() ? 0 : 2))}`;
}

/** A percentage: a % figure of a table, else the ratio of the sentence's two amounts, else of the figures around its amount. */
function sourceForPercent(q: Quote, quotes: Quote[], matched: Map<Quote, Match | undefined>, figs: TableFigure[]): Match | undefined {
  let best: Match | undefined;
  const consider = (m: Match) => {
    if (!best || RANK[m.status] < RANK[best.status]) best = m;
  };
  for (const f of figs) {
    if (!f.percent) continue;
    const s = classify(q, f.value);
    if (s) consider({ status: s, value: f.value.abs(), source: describe(f), fig: f });
  }
  if (best && RANK[best.status] <= 1) return best;
  // the ratio of two amounts quoted in the same sentence (each at its table figure when it has one)
  // the amounts of its own sentence; with none, those of the sentence before it in the paragraph ("…an
  // underspend of £2.1m. This amounts to 0.8% of the overall budget.")
  const own = quotes.filter((x) => x.kind === 'money' && x.sentence === q.sentence && x.where === q.where);
  const before = own.length || q.sentenceNo === undefined ? [] : quotes.filter((x) => x.kind === 'money' && x.where === q.where && x.sentenceNo === q.sentenceNo! - 1);
  const same = own.length ? own : before;
  const valueOf = (x: Quote) => {
    const m = matched.get(x);
    return m && m.status === 'tied' || m && m.status === 'rounded' ? { v: m.value, why: m.source } : { v: x.value, why: `${x.text} as quoted` };
  };
  for (const a of same) {
    for (const b of same) {
      if (a === b) continue;
      const va = valueOf(a);
      const vb = valueOf(b);
      if (vb.v.isZero() || va.v.gt(vb.v)) continue;
      const ratio = va.v.div(vb.v).times(100);
      const s = classify(q, ratio);
      const src = `${a.text} ÷ ${b.text} = ${ratio.toDecimalPlaces(4).toString()}% (${va.why}; ${vb.why})`;
      if (s) consider({ status: s, value: ratio, source: src });
      else if (ratio.minus(q.value).abs().lte(q.step.times(10))) consider({ status: 'different', value: ratio, source: src });
    }
  }
  if (best && RANK[best.status] <= 2) return best;
  // A percentage beside one amount: that amount's share of a base the sentence implies — its row's
  // budget ("an overspend of £0.954m (18.5% of budget)": 954 ÷ 5,145), the budget total
  // ("underspend of £1,192k (2.4%)": 1,192 ÷ 48,350), or its column's total ("£27.2m representing 77%
  // of net expenditure": the largest figure in the column). The amount's figure is known, so
  // a percentage two significant figures long can be said to be cut short; one within ten units of its
  // last place of the amount it follows, as a share of that amount's budget, is different.
  const at = (x: Quote) => x.sentence.indexOf(x.text);
  const owner = own.length ? own.filter((a) => at(a) >= 0 && at(a) < at(q)).sort((a, b) => at(b) - at(a))[0] : before.sort((a, b) => at(b) - at(a))[0];
  // what the sentence says it is a share of: "(2.4%)" alone or "of budget" is the budget; "of gross
  // expenditure" names a base no table figure may give, so no figure is said to differ from it
  const of = /^\s*(?:of|against)\s+(?:the\s+)?([a-z][a-z ]*)/i.exec(q.sentence.slice(at(q) + q.text.length));
  const differsFrom = (why: string) => why !== "its column's total" && (!of || /budget/i.test(of[1]));
  let closest: Match | undefined;
  for (const a of same) {
    // the amount's table figure, also when the amount misquotes it (the share is of the figure)
    const f = matched.get(a)?.fig;
    if (!f) continue;
    for (const { base, why } of basesOf(f, figs)) {
      if (base.value.isZero()) continue;
      const ratio = f.value.abs().div(base.value.abs()).times(100);
      const src = `${describe(f)} ÷ ${why} ${describe(base)} = ${ratio.toDecimalPlaces(2).toString()}%`;
      const s = classify(q, ratio, 10);
      if (s) consider({ status: s, value: ratio, source: src });
      else if (a === owner && differsFrom(why) && ratio.minus(q.value).abs().lte(q.step.times(10)) && (!closest || ratio.minus(q.value).abs().lt(closest.value.minus(q.value).abs()))) {
        closest = { status: 'different', value: ratio, source: src };
      }
    }
  }
  if (!best && closest) consider(closest);
  return best;
}

/** The budget column of a table: headed "budget" (a revised / current / latest one before the original), else its first money column. */
function budgetColumn(t: DocTable, figs: TableFigure[]): number | undefined {
  const own = figs.filter((f) => f.table === t && !f.percent);
  const cols = [...new Set(own.map((f) => f.col))].sort((a, b) => a - b);
  const header = (c: number) => own.find((f) => f.col === c)?.header ?? '';
  return cols.find((c) => /budget/i.test(header(c)) && /revised|current|latest|working|full.?year/i.test(header(c)))
    ?? cols.find((c) => /budget/i.test(header(c)) && !/original/i.test(header(c)))
    ?? cols.find((c) => /budget/i.test(header(c)))
    ?? cols[0];
}

/** What a figure's share may be of: its row's budget, the table's budget total, its column's total (largest figure). */
function basesOf(f: TableFigure, figs: TableFigure[]): { base: TableFigure; why: string }[] {
  const out: { base: TableFigure; why: string }[] = [];
  const bc = budgetColumn(f.table, figs);
  const own = figs.filter((g) => g.table === f.table && !g.percent);
  if (bc !== undefined && bc !== f.col) {
    const rowBudget = own.find((g) => g.row === f.row && g.col === bc);
    if (rowBudget) out.push({ base: rowBudget, why: "its row's budget" });
    const totals = totalRows(own);
    const total = own.filter((g) => g.col === bc && totals.has(rowKey(g))).sort((a, b) => b.row - a.row)[0];
    if (total && total !== rowBudget) out.push({ base: total, why: 'the budget total' });
  }
  let colTotal: TableFigure | undefined;
  for (const g of own) if (g.col === f.col && g !== f && (!colTotal || g.value.abs().gt(colTotal.value.abs()))) colTotal = g;
  if (colTotal) out.push({ base: colTotal, why: 'its column\'s total' });
  return out;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const FY = /\b(20\d\d)\s?[/\-–]\s?(\d\d)\b/g;

/**
 * The report's own financial year: the one named most often in its text and its tables' headers (the
 * latest on a tie), a heading's (the report's title) counting three times. A table's body rows do not
 * count: a comment such as "this budget has been updated for 2023/24" names next year, not the report's.
 */
export function reportYear(paragraphs: DocParagraph[], tables: DocTable[]): number | undefined {
  const count = new Map<number, number>();
  const see = (s: string, weight = 1) => {
    for (const m of s.matchAll(FY)) {
      const y = Number(m[1]);
      if ((y + 1) % 100 !== Number(m[2])) continue;
      count.set(y, (count.get(y) ?? 0) + weight);
    }
  };
  for (const p of paragraphs) see(p.text, p.heading ? 3 : 1);
  for (const t of tables) {
    if (t.title) see(t.title, 3);
    // the header rows: those above the first row holding a figure
    for (const r of t.cells.slice(0, 6)) {
      if (r.some((c) => /^[(\-–−]?£?[0-9][0-9,.]*\)?%?$/.test(c.trim()))) break;
      for (const c of r) see(c);
    }
  }
  let best: number | undefined;
  for (const [y, n] of count) if (best === undefined || n > (count.get(best) ?? 0) || n === count.get(best) && y > best) best = y;
  return best;
}

function staleYearsAndDates(paragraphs: DocParagraph[], tables: DocTable[]): NarrativeFinding[] {
  const fy = reportYear(paragraphs, tables);
  if (fy === undefined) return [];
  const name = `${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
  const out: NarrativeFinding[] = [];
  for (const p of paragraphs) {
    for (const s of sentences(p.text)) {
      for (const m of s.matchAll(FY)) {
        const y = Number(m[1]);
        if ((y + 1) % 100 !== Number(m[2])) continue;
        if (y < fy - 1) {
          out.push({
            severity: 'note', rule: 'narrative.stale-year', where: p.where, page: p.page, text: s, printed: m[0],
            message: `${m[0]} in a report on ${name}: a year left from an earlier report? (the report's own year is ${name}, named most often)`,
          });
        }
      }
      for (const m of s.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(january|february|march|april|may|june|july|august|september|october|november|december)\s+(20\d\d)\b/gi)) {
        const month = MONTHS.indexOf(m[2].toLowerCase());
        const y = Number(m[3]);
        // 31 March before the year: the year's opening balances ("reserves at 31 March 2024" in 2024/25)
        if (y === fy && month === 2 && Number(m[1]) === 31) continue;
        // before the report's year began (1 April): it cannot describe that year's outturn — unless the
        // sentence is about setting the year's budget or precept, which is done before the year begins
        if ((y < fy || y === fy && month < 3) && !/approv|agreed|\bset\b|precept|budget|council tax/i.test(s)) {
          out.push({
            severity: 'note', rule: 'narrative.stale-date', where: p.where, page: p.page, text: s, printed: m[0],
            message: `${m[0]} is before the report's financial year ${name} began (1 April ${fy}): a date left from an earlier report?`,
          });
        }
      }
    }
  }
  return out;
}
