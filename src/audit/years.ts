// A balance carried from one year's column to the next: the closing balance of a year is the opening
// balance of the year after (session-7 trial T7-03: a cash flow statement's cash at the end of 2019/20
// and at the beginning of 2020/21; a forecast's "Year End Balance" and the next year's "Balance of
// Reserves b/f"; an annual return's boxes 7 and 1).
import type { Column } from './detect';
import type { Audit } from './context';

/** A row that opens a year's balance. */
const OPENING = /\b(?:brought forward|b\s*\/\s*f(?:wd)?|bfwd|at the (?:beginning|start) of|opening|(?:balances?|as) at 1(?:st)? april)\b/i;
/** A row that closes it. */
const CLOSING = /\b(?:carried forward|c\s*\/\s*f(?:wd)?|cfwd|at the end of|closing|year[- ]end|(?:balances?|as) at 31(?:st)? march)\b/i;

interface Dated {
  year: number;
  /** the caption's words before the year (a title line the header took in: "Cash Flow Statement") and after it */
  before: string;
  after: string;
}

/**
 * The year a column's caption names, and the caption's words around it: "2019/20 Authority £000" → 2019,
 * "", "authority £000"; "2022 / 23 £000" → 2022; "2019-2020" → 2019; a caption naming no year, or two
 * (a column of changes "2019/20 to 2020/21"), has none.
 */
function yearOf(col: Column): Dated | undefined {
  const text = col.caption.toLowerCase().replace(/\s+/g, ' ');
  const years = [...text.matchAll(/(?<![\d,.])((?:19|20)\d\d)(?:\s*[/\-–]\s*(\d{2}|(?:19|20)\d\d))?(?![\d,.])/g)];
  if (years.length !== 1) return undefined;
  const [m, first, second] = years[0];
  const year = Number(first);
  if (second !== undefined) {
    const next = second.length === 2 ? (year + 1) % 100 : year + 1;
    if (Number(second) !== next) return undefined;
  }
  const at = years[0].index!;
  return { year, before: text.slice(0, at).trim(), after: text.slice(at + m.length).trim() };
}

/** The same column of another year: the words after the year alike, those before alike or one a title's tail of the other. */
const alike = (x: Dated, y: Dated) => x.after === y.after && (x.before === y.before || x.before.endsWith(y.before) || y.before.endsWith(x.before));

/**
 * Ties each year's opening balance to the closing balance of the year before, when the table prints
 * both: a row labelled as an opening balance ("brought forward", "b/f", "at the beginning of the
 * period", "balance at 1 April"), a row after it labelled as the closing one ("carried forward",
 * "at the end of", "Year End Balance", "balance at 31 March"), and columns whose captions differ only by
 * the year, one year apart ("2019/20 Authority" and "2020/21 Authority"). Checked on the opening cell of
 * the later year; when it fails, the closing it should repeat is the other figure, and the one cell
 * this tie shares with a failing roll down is the error (shared.ts).
 */
export function tieYears(a: Audit, rule: string): void {
  // A year printed once over a group of columns ("2019/20" over CIES | Adjustments | Chargeable) is the
  // year of each column of the group: a column naming no year takes the year of the nearest dated column
  // to its left, on the same side of the label column.
  const dated: { c: Column; y: Dated }[] = [];
  let last: Dated | undefined;
  for (const c of a.t.columns) {
    if (c.c === a.t.labelCol) last = undefined;
    if (!c.numeric || c.percent) continue;
    const own = yearOf(c);
    if (own) last = own;
    const y = own ?? (last && { year: last.year, before: '', after: c.caption.toLowerCase().replace(/\s+/g, ' ').trim() });
    if (y) dated.push({ c, y });
  }
  const pairs: [Column, Column][] = [];
  for (const later of dated) {
    const earlier = dated.filter((x) => x.y.year === later.y.year - 1 && alike(x.y, later.y));
    if (earlier.length === 1) pairs.push([earlier[0].c, later.c]);
  }
  if (!pairs.length) return;
  const rows = a.t.rows;
  for (let i = 0; i < rows.length; i++) {
    if (!OPENING.test(rows[i].label) || CLOSING.test(rows[i].label)) continue;
    // its closing balance: the next row so labelled, before another opening row
    let j = i + 1;
    while (j < rows.length && !CLOSING.test(rows[j].label) && !OPENING.test(rows[j].label)) j++;
    if (j >= rows.length || !CLOSING.test(rows[j].label) || OPENING.test(rows[j].label)) continue;
    const open = rows[i];
    const close = rows[j];
    for (const [earlier, later] of pairs) {
      const was = a.num(close, earlier.c);
      if (!was || !a.num(open, later.c)) continue;
      a.check(open, later.c, was.value, [[close, earlier.c]], rule,
        `${close.label || 'the closing balance'} of the year before (${earlier.caption || `column ${earlier.c + 1}`}), which it carries forward, is`);
    }
  }
}
