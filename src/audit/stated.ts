// Calculations stated in words. A statutory calculation numbers its lines and names the arithmetic in
// the words beside each figure: the GLA's council tax requirement and precept calculation ("(3) the
// amount shown in line (1) less the amount shown in line (2)", "(5) … (line (3) divided by line (4))",
// "(9) … (the amount shown in line (5) plus the amount shown in line (8))"), and every English billing
// authority's council tax resolution ("4(c) being the amount by which the aggregate at 4(a) above
// exceeds the aggregate at 4(b) above", "(d) being the amount at 4(c) above (Item R), all divided by
// Item T"). The relation the words state is read and checked, whether or not it adds up: a difference
// or a sum exactly (within the rounding of the figures printed: a warning), a quotient or a product to
// the places printed, within what the rounding of its printed inputs allows (session-9 trial T9-01,
// T9-52: Cotswold's 4(c) printed 11,222,349 where 4(a) − 4(b) is 11,222,357, exit 2 "no table" before).
// Only references that name a numbered line of the same table are read ("line (3)", "item 4(a)",
// "4(b) above", "Item T" where a line defines it); a section of an Act ("Section 31A(2)") is none.
import { Dec, text } from '../base/decimal';
import type { At, Audit } from './context';
import type { TableRow } from './detect';
import { type Num, show } from './findings';
import { cellAt, cellText, stepOf } from './grid';

const HALF = new Dec('0.5');
/** A figure as arithmetic needs it: its value and the decimal places printed. */
type Figure = Pick<Num, 'value' | 'places'>;
/** A symbol of the statute's formula a line defines: "T", "R", "TP2" (capitals). */
const SYMBOL = /^[A-Z][A-Z0-9]*$/;

/** A line's own item marker, the whole of a short cell: "(1)", "1(a)", "3. (a)", "(b)", "2.", "3)", "Line 5", "Item 4(c)". */
const MARK = /^\s*(?:(?:line|item)\s+)?(?:\(?\s*(\d{1,2})\s*[.)]?\s*)?(?:\(\s*([a-z])\s*\)|([a-z])\s*[.)])?\s*$/i;

interface Item {
  i: number;
  id: string;
  shown: string;
  words: string;
}

interface Ref {
  row: number;
  start: number;
  end: number;
}

type Op = '+' | '-' | '/' | '*';

/** The item id a marker gives, numbering a lettered line under the last number printed ("(b)" after "4(a)" is 4(b)). */
function markerOf(s: string, last: string | undefined): { id: string; n?: string; shown: string } | undefined {
  const m = MARK.exec(s);
  if (!m || !s.trim() || s.trim().length > 12) return undefined;
  const n = m[1];
  const l = (m[2] ?? m[3])?.toLowerCase();
  if (!n && !l) return undefined;
  const num = n ?? last;
  if (!num) return { id: l!, shown: `(${l})` };
  return { id: `${num}${l ?? ''}`, n: num, shown: l ? `${num}(${l})` : `(${num})` };
}

/** The words of a row: every text cell of the table's columns that is not the marker, joined. */
function wordsOf(a: Audit, row: TableRow, skip: number | undefined): string {
  const out: string[] = [];
  for (let c = a.t.c0; c <= a.t.c1; c++) {
    if (c === skip || row.cells.get(c)?.kind === 'number') continue;
    const s = cellText(cellAt(a.t.grid, row.r, c)).trim();
    if (s) out.push(s);
  }
  return out.join(' ');
}

/** The operation the words between two references state, when they state exactly one. */
function opBetween(s: string, sumOf: boolean): Op | undefined {
  const w = s.toLowerCase();
  if (w.length > 80) return undefined;
  const found: Op[] = [];
  if (/\bless\b|\bminus\b|\bdeduct|\bexceeds?\b|\bsubtract|−/.test(w)) found.push('-');
  if (/\bplus\b|\badded\s+to\b|\+/.test(w) || (sumOf && /\band\b/.test(w))) found.push('+');
  if (/divided\s+by|÷/.test(w)) found.push('/');
  if (/multiplied\s+by|\btimes\b|×/.test(w)) found.push('*');
  return found.length === 1 ? found[0] : undefined;
}

/** An equality stated before a single reference: "as set out in line (2) above", "the amount at 4(c)", "equal to". */
const SAME = /(?:as\s+set\s+out\s+in|as\s+shown\s+in|shown\s+in|equal\s+to|same\s+as|the\s+amount\s+(?:at|in))\s*(?:the\s+)?(?:amount\s+(?:at|in)\s+)?$/i;

/**
 * Reads and checks the calculations the words of a numbered table state. True when a relation was checked.
 */
export function checkStatedCalculations(a: Audit): boolean {
  const t = a.t;
  const rows = t.rows;
  const money = t.columns.filter((c) => c.numeric).map((c) => c.c);
  if (!money.length || rows.length < 3) return false;
  // the item markers: in the label column, or the first short text cell of the row
  const items: Item[] = [];
  let last: string | undefined;
  for (const [i, row] of rows.entries()) {
    let mark: ReturnType<typeof markerOf>;
    let at: number | undefined;
    for (let c = t.c0; c <= t.c1 && !mark; c++) {
      if (row.cells.get(c)?.kind === 'number') continue;
      const s = cellText(cellAt(t.grid, row.r, c));
      if (!s.trim()) continue;
      mark = markerOf(s, last);
      at = c;
      if (!mark) break;
    }
    if (!mark) continue;
    if (mark.n) last = mark.n;
    items.push({ i, id: mark.id, shown: mark.shown, words: wordsOf(a, row, at) });
  }
  if (items.length < 3) return false;
  const byId = new Map<string, Item>();
  for (const it of items) if (!byId.has(it.id)) byId.set(it.id, it);
  // a symbol a line defines: "[item T in the formula …]", "(Item R in the formula …)"; else the first line naming it
  const symbols = new Map<string, Item>();
  const defined = new Set<string>();
  for (const it of items) for (const m of it.words.matchAll(/\bitem\s+([A-Z][A-Z0-9]{0,3})\b(\s+in\s+the\s+formula)?/gi)) {
    if (!SYMBOL.test(m[1])) continue;
    if (m[2] && !defined.has(m[1])) {
      symbols.set(m[1], it);
      defined.add(m[1]);
    } else if (!symbols.has(m[1])) symbols.set(m[1], it);
  }
  const refsOf = (it: Item): Ref[] => {
    const out: Ref[] = [];
    const add = (target: Item | undefined, start: number, end: number) => {
      if (target && target !== it && !out.some((r) => r.start < end && start < r.end)) out.push({ row: target.i, start, end });
    };
    const w = it.words;
    for (const m of w.matchAll(/\b(?:lines?|items?)\s*\(?\s*(\d{1,2})\s*\)?(?:\s*\(\s*([a-z])\s*\))?/gi)) {
      add(byId.get(`${m[1]}${(m[2] ?? '').toLowerCase()}`), m.index!, m.index! + m[0].length);
    }
    for (const m of w.matchAll(/(?<![\w(])(\d{1,2})\s*\(\s*([a-z])\s*\)/gi)) {
      if (/\b(?:section|sections|s\.|regulation|schedule|article)\s*$/i.test(w.slice(Math.max(0, m.index! - 14), m.index))) continue;
      add(byId.get(`${m[1]}${m[2].toLowerCase()}`), m.index!, m.index! + m[0].length);
    }
    const own = it.id.replace(/[a-z]$/, '');
    for (const m of w.matchAll(/(?<!\w)\(\s*([a-z])\s*\)\s+above/g)) add(byId.get(`${own}${m[1]}`), m.index!, m.index! + m[0].length);
    for (const m of w.matchAll(/\bitem\s+([A-Z][A-Z0-9]{0,3})\b/gi)) if (SYMBOL.test(m[1])) add(symbols.get(m[1]), m.index!, m.index! + m[0].length);
    out.sort((x, y) => x.start - y.start);
    // a line named twice in a row ("4(c) above (Item R)") is one operand
    const merged: Ref[] = [];
    for (const r of out) {
      const prev = merged[merged.length - 1];
      if (prev && prev.row === r.row) prev.end = r.end;
      else merged.push({ ...r });
    }
    return merged;
  };
  let any = false;
  const read: string[] = [];
  for (const it of items) {
    const row = rows[it.i];
    if (a.totals.some((x) => x.row === a.rowNumber(row))) continue;
    const refs = refsOf(it);
    if (!refs.length) continue;
    const w = it.words;
    let operands = refs.map((r) => r.row);
    let ops: Op[] = [];
    const sumOf = /\b(?:aggregate|sum|total)\s+of\b/i.test(w.slice(0, refs[0].start));
    let ok = true;
    for (let k = 1; k < refs.length && ok; k++) {
      const op = opBetween(w.slice(refs[k - 1].end, refs[k].start), sumOf);
      if (op) ops.push(op);
      else ok = false;
    }
    if (!ok) continue;
    if (refs.length === 1) {
      const after = w.slice(refs[0].end);
      if (/^\s*(?:above\s+)?exceeds\b/i.test(after) && refs[0].row < it.i) {
        // "the amount by which the aggregate at 3(a) above exceeds the aggregate at" (the rest not printed):
        // the one line printed between the two is the other aggregate
        const between = items.filter((x) => x.i > refs[0].row && x.i < it.i);
        if (between.length !== 1) continue;
        operands = [refs[0].row, between[0].i];
        ops = ['-'];
      } else if (!SAME.test(w.slice(0, refs[0].start))) continue;
    }
    const mult = ops.filter((o) => o === '/' || o === '*');
    if (mult.length && ops.length > 1) continue;
    const name = (i: number) => items.find((x) => x.i === i)!.shown;
    const quoted = w.length > 160 ? `${w.slice(0, 157)}…` : w;
    for (const c of money) {
      const target = a.num(row, c);
      const vals = operands.map((i) => a.num(rows[i], c));
      if (!target || target.notApplicable || vals.some((v) => !v || v.notApplicable)) continue;
      const nums = vals as Num[];
      any = true;
      if (mult.length) {
        checkQuotient(a, row, c, it.shown, rows[operands[0]], name(operands[0]), nums[0], rows[operands[1]], name(operands[1]), nums[1], mult[0] as '/' | '*', quoted);
        continue;
      }
      let expected = nums[0].value;
      const terms: At[] = [[rows[operands[0]], c]];
      let says = `${name(operands[0])} ${show(nums[0].value)}`;
      ops.forEach((o, k) => {
        const v = nums[k + 1].value;
        expected = o === '+' ? expected.plus(v) : expected.minus(v);
        terms.push([rows[operands[k + 1]], c, o === '+' ? 1 : -1]);
        says += ` ${o === '+' ? 'plus' : 'less'} ${name(operands[k + 1])} ${show(v)}`;
      });
      a.check(row, c, expected, terms, 'auto.stated.cast', `${says}, as its words state ("${quoted}"), is`);
    }
    const shownOps = ops.map((o) => (o === '-' ? '−' : o === '/' ? '÷' : o === '*' ? '×' : '+'));
    read.push(`${it.shown} = ${operands.map((i, k) => `${k ? `${shownOps[k - 1]} ` : ''}${name(i)}`).join(' ')}`);
    if (!mult.length && operands.length > 1) {
      a.totals.push({
        row: a.rowNumber(row),
        label: row.label || it.shown,
        from: Math.min(...operands.map((i) => a.rowNumber(rows[i]))),
        to: Math.max(...operands.map((i) => a.rowNumber(rows[i]))),
        why: `its words state it: ${read[read.length - 1]}`,
      });
    }
  }
  if (any) a.note(rows[items[0].i], t.labelCol, 'auto.stated.read', `the calculations the lines' words state, read and checked: ${read.join('; ')}`);
  return any;
}

/** A figure as a label prints it: "£15,000", "600", "£30.00", "1.5". */
const LABEL_FIGURE = String.raw`£?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
/** Two figures and the one operation between them, stated in a label: "(£15,000 divided by 600)", "£30.00 multiplied by 600", "£1.50 x 52". */
const LABEL_SUM = new RegExp(String.raw`(?<![\w.,/£])(${LABEL_FIGURE})\s*(divided\s+by|÷|multiplied\s+by|times|×|\sx|plus|\+|less|minus|−)\s*(${LABEL_FIGURE})(?![\w.,/%£])`, 'gi');

function figureOf(s: string): Figure {
  const v = s.replace(/[£,\s]/g, '');
  const dot = v.indexOf('.');
  return { value: new Dec(v), places: dot < 0 ? 0 : v.length - dot - 1 };
}

/**
 * Reads and checks the arithmetic a line's label states with its own figures — "Band D council tax
 * charge (£15,000 divided by 600) | £25.00", "Precept raised (£30.00 multiplied by 600) | £18,000", as
 * a billing authority's worked example for its parishes prints them (session-10 trial, King's Lynn &
 * West Norfolk): the line's one figure is that result, to the places printed (a quotient or a product
 * within the rounding of its stated inputs: a warning), a sum or difference exactly. Only a label
 * stating exactly one such operation, on a line printing exactly one figure, is read; a percentage
 * ("less 5%"), a date ("1/4") or a year ("2023/24") states none. True when a line was checked.
 */
export function checkFiguresInLabels(a: Audit): boolean {
  const t = a.t;
  const money = t.columns.filter((c) => c.numeric).map((c) => c.c);
  let any = false;
  for (const row of t.rows) {
    const figures = money.filter((c) => a.num(row, c) && !a.num(row, c)!.notApplicable);
    if (figures.length !== 1 || a.totals.some((x) => x.row === a.rowNumber(row))) continue;
    const label = row.label ?? '';
    const found = [...label.matchAll(LABEL_SUM)];
    if (found.length !== 1) continue;
    const [whole, xs, word, ys] = found[0];
    const x = figureOf(xs);
    const y = figureOf(ys);
    const w = word.trim().toLowerCase();
    const op: Op = /^(divided|÷)/.test(w) ? '/' : /^(multiplied|times|×|x)/.test(w) ? '*' : /^(plus|\+)/.test(w) ? '+' : '-';
    const c = figures[0];
    any = true;
    const quoted = whole.trim();
    if (op === '/' || op === '*') {
      checkQuotient(a, row, c, 'the line', undefined, xs.trim(), x, undefined, ys.trim(), y, op, quoted);
      continue;
    }
    const e = op === '+' ? x.value.plus(y.value) : x.value.minus(y.value);
    a.check(row, c, e, [], 'auto.stated.cast', `${xs.trim()} ${op === '+' ? 'plus' : 'less'} ${ys.trim()}, as its label states ("${quoted}"), is`);
  }
  return any;
}

/** x ÷ y (or x × y) to the places `printed` shows; a difference the rounding of the printed x and y explains is a warning. */
function checkQuotient(a: Audit, row: TableRow, c: number, shown: string, rx: TableRow | undefined, nx: string, x: Figure, ry: TableRow | undefined, ny: string, y: Figure, op: '/' | '*', quoted: string): void {
  const p = a.num(row, c)!;
  a.checked.crossCasts++;
  a.involve([[row, c]]);
  a.involve([rx, ry].filter((r): r is TableRow => r !== undefined).map((r) => [r, c] as At), true);
  const word = op === '/' ? 'divided by' : 'multiplied by';
  if (op === '/' && y.value.isZero()) {
    a.findings.push({
      severity: 'error', table: a.layout, ...a.loc(row, c), rule: 'auto.across.stated-quotient',
      message: `${a.describe(row, c)} (${shown}): printed ${show(p.value)}, but its words state ${nx} ${word} ${ny}, and ${ny} is nil: nothing to divide by`,
      printed: text(p.value),
    });
    return;
  }
  const e = op === '/' ? x.value.div(y.value) : x.value.times(y.value);
  const r = e.toDecimalPlaces(p.places, Dec.ROUND_HALF_UP);
  if (r.eq(p.value)) return;
  const hx = stepOf(x.places).times(HALF);
  const hy = stepOf(y.places).times(HALF);
  const ends: Dec[] = [];
  for (const u of [x.value.minus(hx), x.value.plus(hx)]) for (const v of [y.value.minus(hy), y.value.plus(hy)]) {
    if (op === '*') ends.push(u.times(v));
    else if (!v.isZero() && v.isNeg() === y.value.isNeg()) ends.push(u.div(v));
  }
  const half = stepOf(p.places).times(HALF);
  const explained = ends.length === 4 && p.value.plus(half).gte(Dec.min(...ends)) && p.value.minus(half).lte(Dec.max(...ends));
  a.findings.push({
    severity: explained ? 'warning' : 'error',
    table: a.layout,
    ...a.loc(row, c),
    rule: 'auto.across.stated-quotient',
    message: `${a.describe(row, c)} (${shown}): printed ${show(p.value)}, but ${nx} ${show(x.value)} ${word} ${ny} ${show(y.value)}, as its words state ("${quoted}"), is ` +
      `${show(e.toDecimalPlaces(p.places + 4, Dec.ROUND_HALF_UP))}, ${show(r)} to the places printed; difference ${show(p.value.minus(r))}${explained ? ', within what the rounding of the printed figures allows' : ''}`,
    printed: text(p.value),
    expected: text(r),
    difference: text(p.value.minus(r)),
  });
}
