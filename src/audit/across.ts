// Cross-casts: a column headed as a total ("Total", "Total usable reserves", "Total Adjustments")
// adds a run of the columns to its left — which run is learned from the rows (the one most rows
// agree with, nested totals standing for the columns they add, as a movement-in-reserves statement
// prints Total Usable Reserves and then Total Authority Reserves) — and then every row is checked.
import { ZERO } from '../base/decimal';
import type { Column } from './detect';
import { type At, type Audit, rowsOf } from './context';

/** Rows sampled to learn each total column's run: enough to outvote a few wrong rows, bounded for long tables. */
const SAMPLE = 200;

/**
 * Cross-casts every column headed as a total (and, in a table of no statutory layout, a last column or a
 * Net column most rows add up to). Returns how many rows were cross-cast from two or more figures that
 * are not nil (a row whose total repeats its one part is checked, but says little on its own).
 */
export function crossCast(a: Audit, rule: string): number {
  let solid = 0;
  const money = a.t.columns.filter((c) => c.numeric && !c.percent);
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  const rows = a.t.rows;
  const stack: Column[] = [];
  /** total columns already cross-cast (by their run of columns) */
  const checked = new Set<number>();
  const sumOf = (i: number, cols: Column[]) => {
    let s = ZERO;
    for (const c of cols) {
      const v = a.value(rows[i], c.c);
      if (v === undefined) return undefined;
      s = s.plus(v);
    }
    return s;
  };
  for (const col of money) {
    // A column headed as a total; in a table of no statutory layout, also the last column of money
    // (a row's estimate = gross expenditure + gross income), when most rows say so.
    const last = a.layout === 'auto' && col === money[money.length - 1];
    if ((!/\btotals?\b/.test(col.norm) && !last) || stack.length < 2) {
      stack.push(col);
      continue;
    }
    const sample = body.filter((i) => a.num(rows[i], col.c) && !a.num(rows[i], col.c)!.value.isZero()).slice(0, SAMPLE);
    let best = -1;
    let bestAgree = 0;
    for (let k = stack.length - 2; k >= 0; k--) {
      const run = stack.slice(k);
      let agree = 0;
      let informative = 0;
      for (const i of sample) {
        // A row with one figure in the run agrees with any run that holds it: it says nothing.
        if (run.filter((c) => !(a.value(rows[i], c.c) ?? ZERO).isZero()).length < 2) continue;
        informative++;
        const v = sumOf(i, run);
        if (v !== undefined && v.eq(a.num(rows[i], col.c)!.value)) agree++;
      }
      if (agree * 2 <= informative) continue;
      if (agree > bestAgree) {
        best = k;
        bestAgree = agree;
      }
    }
    const headed = /\btotals?\b/.test(col.norm);
    if (best < 0 && headed) {
      // No row has two figures in any run (each row prints one class: "Insurances" or "Ill Health", as a
      // provisions note does): the columns since the last total column, when every row agrees with them.
      let k = stack.length;
      while (k > 0 && !/\btotals?\b/.test(stack[k - 1].norm)) k--;
      const run = stack.slice(k);
      const agree = sample.filter((i) => sumOf(i, run)?.eq(a.num(rows[i], col.c)!.value)).length;
      if (run.length >= 2 && sample.length > 0 && agree === sample.length) {
        best = k;
        bestAgree = agree;
      }
    }
    if (best < 0 && headed) {
      // Too few rows to learn from (a table of one row, as a monitoring summary prints): the header
      // says it — "Total Budget" beside "PCC Budget" and "Operational Budget" adds the columns
      // directly to its left whose captions name it and qualify it. Checked unless the rows say
      // otherwise (more than one row, and fewer agreeing than disagreeing). Every row that prints the
      // total counts here, one with a single part too (a part printed nil is still a part).
      const k = namedParts(col, stack);
      if (k >= 0) {
        const run = stack.slice(k);
        const agree = sample.filter((i) => sumOf(i, run)?.eq(a.num(rows[i], col.c)!.value)).length;
        const disagree = sample.length - agree;
        if (sample.length > 0 && (disagree <= 1 || agree >= disagree)) {
          checkRun(col, stack.splice(k), agree, `${run.map((c) => c.caption).join(' + ')} (the columns its header names as its parts) is`);
          stack.push(col);
          continue;
        }
      }
    }
    if (best < 0 || (!headed && bestAgree < 3)) {
      stack.push(col);
      continue;
    }
    const run = stack.splice(best);
    checkRun(col, run, bestAgree);
    stack.push(col);
  }
  if (a.layout === 'auto') netPairs(a, money, body, checked, checkRun);
  return solid;

  function checkRun(col: Column, run: Column[], bestAgree: number, named?: string): void {
    checked.add(col.c);
    const what = named ?? `${run.map((c) => c.caption || `column ${c.c + 1}`).join(' + ')} (the columns ${bestAgree} row(s) agree it adds) is`;
    for (const i of body) {
      // A row that prints none of the columns the total adds (only its net, as a CIES prints its lower half) is not cross-cast.
      // A nil word or dash ("none", "-") prints nothing either: the CIES's lower half prints "none" under gross.
      if (!run.some((c) => a.num(rows[i], c.c) && !a.num(rows[i], c.c)!.dash)) continue;
      const v = sumOf(i, run);
      if (v === undefined) continue;
      if (a.num(rows[i], col.c) && run.filter((c) => !(a.value(rows[i], c.c) ?? ZERO).isZero()).length >= 2) solid++;
      a.check(rows[i], col.c, v, run.map((c): At => [rows[i], c.c]), rule, what);
    }
  }
}

const words = (s: string) => s.split(/[^\p{L}\p{N}/£'’]+/u).filter(Boolean);

/**
 * Where the parts a total column's header names begin (an index into `stack`), or −1: "2022/23 Total
 * Budget £m" adds the columns directly to its left whose captions hold every other word of its header
 * and more ("2022/23 PCC Budget £m", "2022/23 Operational Budget £m"), two at least, none a total and
 * none a version of it ("Original Budget", "Revised Budget").
 */
function namedParts(col: Column, stack: Column[]): number {
  const name = words(col.norm).filter((w) => !/^totals?$/.test(w));
  // The header must name something besides its year and units ("Total £m" names no parts).
  if (!name.some((w) => /\p{L}{3,}/u.test(w) && !/^£/.test(w))) return -1;
  let k = stack.length;
  while (k > 0) {
    const ws = words(stack[k - 1].norm);
    if (ws.some((w) => /^totals?$/.test(w)) || !name.every((w) => ws.includes(w))) break;
    // A part says what it adds ("PCC", "Operational", "Capital"); "Original Budget" or "Revised
    // Budget" is a version of the total, not a part of it.
    const own = ws.filter((w) => !name.includes(w));
    if (!own.length || own.every((w) => VERSION.test(w))) break;
    k--;
  }
  return stack.length - k >= 2 ? k : -1;
}

/** Words that name a version of a figure, not a part of it. */
const VERSION = /^(original|revised|latest|current|approved|amended|updated|initial|final|working|previous|new|base|agreed)$/;

/**
 * A column that is the sum of two columns not side by side, as a budget monitor prints Net = Expenditure
 * + Income for the year to date and for the budget ("Expenditure: To Date, Budget, % | Income: To Date,
 * Budget, % | Net: To Date, Budget"): learned from the rows — at least three rows with both figures agree
 * exactly, and more than half of those that print both — then every row is checked (rounding: a warning).
 */
function netPairs(a: Audit, money: Column[], body: number[], checked: Set<number>, checkRun: (col: Column, run: Column[], agree: number) => void): void {
  const rows = a.t.rows;
  for (const [t, col] of money.entries()) {
    if (checked.has(col.c) || t < 2) continue;
    let best: [Column, Column] | undefined;
    let bestAgree = 0;
    for (let x = 0; x < t; x++) for (let y = x + 1; y < t; y++) {
      // Columns side by side are the stack's (crossCast above); a pair with a column between is this rule's.
      if (y === x + 1) continue;
      const [cx, cy] = [money[x], money[y]];
      let agree = 0;
      let informative = 0;
      for (const i of body) {
        const p = a.num(rows[i], col.c);
        const vx = a.value(rows[i], cx.c);
        const vy = a.value(rows[i], cy.c);
        if (!p || vx === undefined || vy === undefined || vx.isZero() || vy.isZero()) continue;
        informative++;
        if (vx.plus(vy).eq(p.value)) agree++;
      }
      if (agree >= 3 && agree * 2 > informative && agree > bestAgree) {
        best = [cx, cy];
        bestAgree = agree;
      }
    }
    if (best) checkRun(col, best, bestAgree);
  }
}
