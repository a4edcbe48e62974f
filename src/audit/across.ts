// Cross-casts: a column headed as a total ("Total", "Total usable reserves", "Total Adjustments")
// adds a run of the columns to its left — which run is learned from the rows (the one most rows
// agree with, nested totals standing for the columns they add, as a movement-in-reserves statement
// prints Total Usable Reserves and then Total Authority Reserves) — and then every row is checked.
import { Dec, ZERO, text } from '../base/decimal';
import type { Column } from './detect';
import { type At, type Audit, rowsOf } from './context';
import { type Num, severityOf, show } from './findings';
import { bandColumnSet } from './bands';
import { locate } from './grid';
import { basis, fitsPeriod, perPeriodOf } from './periods';

/** Rows sampled to learn each total column's run: enough to outvote a few wrong rows, bounded for long tables. */
const SAMPLE = 200;

/**
 * Cross-casts every column headed as a total (and, in a table of no statutory layout, a last column or a
 * Net column most rows add up to). Returns how many rows were cross-cast from two or more figures that
 * are not nil (a row whose total repeats its one part is checked, but says little on its own).
 */
export function crossCast(a: Audit, rule: string): number {
  let solid = 0;
  const money = a.t.columns.filter((c) => c.numeric && !c.percent && !c.rate);
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  const rows = a.t.rows;
  const stack: Column[] = [];
  /** total columns already cross-cast (by their run of columns) */
  const checked = new Set<number>();
  /** the columns those cross-casts add */
  const parts = new Set<number>();
  /** the sum of a row's figures in `cols`, those in `minus` subtracted; undefined when one cannot be read */
  const sumOf = (i: number, cols: Column[], minus?: ReadonlySet<number>) => {
    let s = ZERO;
    for (const c of cols) {
      const v = a.value(rows[i], c.c);
      if (v === undefined) return undefined;
      s = minus?.has(c.c) ? s.minus(v) : s.plus(v);
    }
    return s;
  };
  // A table mirrored about its label column (last year's figures left of the labels, this year's right,
  // as an expenditure and funding analysis or a CIES prints them: "2019/20 CIES | Adjustments |
  // Chargeable | label | 2020/21 CIES | Adjustments | Chargeable") ends a block of figures on each side:
  // the last column of money left of the labels is a last column too (session-6 trial T6-13).
  // In a table whose columns are council tax bands, a band column is never the total of other band columns: their
  // sums are identities of the statutory proportions (Band H = Band B + Band E: 18/9 = 7/9 + 11/9), and the
  // pennies each band's own rounding leaves would be "differences" at correct cells (T11-10: St Helens).
  const bands = a.layout === 'auto' ? bandColumnSet(a) : new Set<number>();
  const bandSum = (col: Column) => bands.has(col.c);
  const leftEnd = money.filter((c) => c.c < a.t.labelCol).at(-1);
  const mirroredEnd = leftEnd && money.some((c) => c.c > a.t.labelCol) ? leftEnd : undefined;
  // A header that states its arithmetic is read first: the relation it states, never one the rows would teach (T10-55 (b)).
  statedInHeader(a, money, checked, rule, (col, run, named, minus) => checkRun(col, run, 0, named, minus));
  for (const col of money) {
    if (checked.has(col.c)) {
      stack.push(col);
      continue;
    }
    // A column headed as a total; in a table of no statutory layout, also the last column of money
    // (a row's estimate = gross expenditure + gross income), when most rows say so.
    const last = a.layout === 'auto' && (col === money[money.length - 1] || col === mirroredEnd);
    // In a table of no statutory layout, any other column of money too that nearly every row shows is
    // the sum of the columns directly left of it: two groups side by side, each closing on its own sum
    // ("Non-Domestic Rate District | Region | Poundage | Domestic Rate Region | District | Poundage",
    // Northern Ireland's rate poundages: the first group had never been cross-cast, T8-50).
    const inner = a.layout === 'auto' && !last && money.length <= INNER_MOST;
    if ((!/\btotals?\b/.test(col.norm) && !last && !inner) || stack.length < 2 || bandSum(col)) {
      stack.push(col);
      continue;
    }
    const sample = body.filter((i) => a.num(rows[i], col.c) && !a.num(rows[i], col.c)!.value.isZero()).slice(0, SAMPLE);
    // A total printed nil votes too when two parts or more print figures that are not nil ("3,608 |
    // 12,000 | (15,608) | Total –": an appropriation between funds): a row of dashes says nothing.
    const voters = body.filter((i) => a.num(rows[i], col.c)).slice(0, SAMPLE);
    let best = -1;
    let bestAgree = 0;
    let bestInformative = 0;
    // The runs stack[k…] for k from the end down, each row's sum and count of figures carried from one
    // run to the next (one addition per run and row, not the whole run again: a table of 1,000 columns, U6-29).
    const runs = runsOf(a, col, voters);
    runs.add(stack[stack.length - 1]);
    // a column inside the table looks back over a bounded run (the groups side by side are short)
    for (let k = stack.length - 2; k >= (inner ? Math.max(0, stack.length - INNER_RUN) : 0); k--) {
      const { agree, informative } = runs.add(stack[k]);
      if (agree * 2 <= informative) continue;
      if (agree > bestAgree) {
        best = k;
        bestAgree = agree;
        bestInformative = informative;
      }
    }
    const headed = /\btotals?\b/.test(col.norm);
    // A column inside the table, headed as no total, is a sum only when three rows at least say so and no
    // more than one row in four says otherwise (what one or two wrong figures leave): a coincidence on a
    // bare majority of the rows is no reading.
    if (inner && !headed && best >= 0 && (bestAgree < 3 || (bestInformative - bestAgree) * 3 > bestAgree
      // The rows printing one figure of the run vote too once the run is chosen: the reading would check
      // them, so a row whose total is not its one figure says otherwise (a Checks sheet's "Expected | Actual"
      // beside a message column holding a figure on three rows: Actual = that figure + Expected on those
      // three, Actual ≠ Expected on the eleven others — no reading, where it had given 11 false errors).
      || disagreeing(a, voters, col, stack.slice(best), sumOf) * 3 > bestAgree
      // A Net column with a gross and an income column left of it is read by grossIncomeNet, which learns
      // the income's sign and records the reading (Cheshire West and Chester's "Spend | Income | Net spend").
      || netOfGrossAndIncome(money, col))) {
      stack.push(col);
      continue;
    }
    if (best < 0 && headed) {
      // No row has two figures in any run (each row prints one class: "Insurances" or "Ill Health", as a
      // provisions note does): the columns since the last total column, when every row agrees with them.
      let k = stack.length;
      while (k > 0 && !/\btotals?\b/.test(stack[k - 1].norm)) k--;
      const run = stack.slice(k);
      const agree = sample.filter((i) => agrees(a, i, col, run, sumOf(i, run))).length;
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
    // A last column on a row or two of figures (a Band D bill built up from its precepts, printed as one
    // row: "Basic Council Tax £ | ASC Precept £ | Mayoral PCC Precept £ | Mayoral General Precept £ | Council
    // Tax Bill (Band D) £"; T11-09, Oldham): too few rows to learn from, so the header or the arithmetic says
    // it. A header naming the whole — a bill, a total, an amount payable — adds every column of money left
    // of it since the last total column (two at least), and is checked, a wrong bill an error; with no such
    // header, the row(s) adding up EXACTLY to every such column, to the penny, is no coincidence (2-dp
    // figures, two parts or more, every row printing the total agreeing).
    if (last && !inner && voters.length > 0 && voters.length <= 2 && (best < 0 || (!headed && bestAgree < 3))) {
      let k = stack.length;
      while (k > 0 && !/\btotals?\b/.test(stack[k - 1].norm)) k--;
      const run = stack.slice(k);
      const sums = voters.map((i) => sumOf(i, run));
      const whole = WHOLE_CAPTION.test(col.norm) || qualifiedBy(col, run);
      const exact = run.length >= 2 && voters.every((i, n) => sums[n]?.eq(a.num(rows[i], col.c)!.value) && a.num(rows[i], col.c)!.places >= 2 && run.filter((c) => a.num(rows[i], c.c) && !a.num(rows[i], c.c)!.value.isZero()).length >= 2);
      if (run.length >= 2 && sums.every((x) => x !== undefined) && (whole || exact)) {
        const why = whole ? `its header names the whole, "${col.caption}"` : `the row${voters.length > 1 ? 's add' : ' adds'} up to it exactly, to the penny`;
        checkRun(col, stack.splice(k), exact ? voters.length : 0, `${run.map((c) => c.caption || `column ${c.c + 1}`).join(' + ')} (every column of money left of it: ${why}) is`);
        stack.push(col);
        continue;
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
  // the band columns are no totals of the readings below either
  if (a.layout === 'auto') netPairs(a, money, body, checked, checkRun, bands);
  grossIncomeNet(a, money, body, checked, rule, (i, run, minus) => sumOf(i, run, minus), checkRun);
  if (a.layout === 'auto') totalFirst(a, money, body, checked, parts, checkRun, bands);
  if (a.layout === 'auto') netTriples(a, money, body, checked, checkRun, bands);
  if (a.layout === 'auto') solid += perPeriod(a, money, body, rule);
  return solid;

  /** Checks `col` on every row as the sum of `run` (the columns in `minus` subtracted). */
  function checkRun(col: Column, run: Column[], bestAgree: number, named?: string, minus?: ReadonlySet<number>): void {
    checked.add(col.c);
    for (const c of run) parts.add(c.c);
    const what = named ?? `${run.map((c) => c.caption || `column ${c.c + 1}`).join(' + ')} (the columns ${bestAgree} row(s) agree it adds) is`;
    for (const i of body) {
      // A cumulative row (a running balance across the years: "Cumulative Shortfall (-) / Surplus (+)" under the
      // in-year shortfalls, its opening printed left of the first year) is a stock, not a flow: its total column
      // is its closing figure, the last the run prints, never the sum of the years (Oxfordshire's capital
      // programme 2012-17: 203, not 119,321; session-9 trial T9-65 (b)). Its years roll (generic.ts).
      if (STOCK.test(rows[i].label)) {
        const last = [...run].reverse().find((c) => a.num(rows[i], c.c) && !a.num(rows[i], c.c)!.dash);
        if (last && a.num(rows[i], col.c)) {
          a.check(rows[i], col.c, a.value(rows[i], last.c)!, [[rows[i], last.c]], rule,
            `the closing figure of a cumulative row (its last column, ${last.caption || `column ${last.c + 1}`}) is`);
        }
        continue;
      }
      // A row that prints none of the columns the total adds (only its net, as a CIES prints its lower half) is not cross-cast.
      // A nil word or dash ("none", "-") prints nothing either: the CIES's lower half prints "none" under gross.
      if (!run.some((c) => a.num(rows[i], c.c) && !a.num(rows[i], c.c)!.dash)) continue;
      const v = sumOf(i, run, minus);
      if (v === undefined) continue;
      if (a.num(rows[i], col.c) && run.filter((c) => !(a.value(rows[i], c.c) ?? ZERO).isZero()).length >= 2) solid++;
      a.check(rows[i], col.c, v, run.map((c): At => [rows[i], c.c, minus?.has(c.c) ? -1 : 1]), rule, what, otherScale(a, i, col, run, minus));
    }
  }
}

/** Labels of a running balance carried across the columns (a stock, not a flow). */
const STOCK = /\bcumulative\b|\brunning\s+(total|balance)\b/i;

/** A column's marker at the start of its caption: "(d)", "(3)", "d" before "=" too ("(d)=(b)+(c) (Increase) or Decrease"). */
const MARK = /^\(\s*([a-z]|\d{1,2})\s*\)/i;
/** A column lettered by a capital alone or before "=" ("A", "B", "C = (A- B)", "D = Shortfall in 'C'"), as a formula table letters them. */
const LETTER = /^([A-Z])\s*(?:=|$)/;
/** The relation a caption states: "(d)=(b)+(c)", "(e) = (a) + (d)", "(3)=(1)-(2)". */
const STATED = /^\(\s*([a-z]|\d{1,2})\s*\)\s*=\s*(\(\s*(?:[a-z]|\d{1,2})\s*\)(?:\s*[+\-−–]\s*\(\s*(?:[a-z]|\d{1,2})\s*\))+)/i;
/** The same in capitals without brackets round each letter: "C = (A- B)", "H = (A + D)", "K = (J+G)". */
const STATED_LETTERS = /^([A-Z])\s*=\s*\(?\s*([A-Z](?:\s*[+\-−–]\s*[A-Z])+)\s*\)?\s*$/;
/** A product a caption states: "J= (A x I)", "E = (A x 22.5%)" (a letter times a letter or a percentage). */
const STATED_PRODUCT = /^([A-Z])\s*=\s*\(?\s*([A-Z])\s*[x×*]\s*([A-Z]|\d+(?:\.\d+)?\s*%)\s*\)?\s*$/;

/**
 * A header that states its arithmetic: columns marked "(a)", "(b)", "(c)" and one captioned
 * "(d)=(b)+(c)" (a statistical table's movements in reserves: opening, surplus or deficit, movements
 * between reserves, "(d)=(b)+(c) (Increase) or Decrease", "(e)=(a)+(d) Level of Reserves held 31
 * March"): each such column is cross-cast on every row as its header says, whatever the rows would
 * teach (the session-6 trial's T6-11: (d) had never been checked). A term naming no column, or a
 * column of another unit, leaves the relation unchecked. Columns lettered in capitals state it so too,
 * as the Irish Department of Housing's LPT allocations print it ("A | B | C = (A- B) | … | H = (A + D) |
 * I = Max +/- 15% | J= (A x I) | K = (J+G)"): sums and differences as above, and a product of a column
 * and a percentage (a column's or one printed in the caption) to the places printed, the rounding of
 * its inputs allowing one unit (a warning). Read before the rows teach anything: K = J + G is checked as
 * stated, where the rows had taught A + D + J (G = H = A + D), and C = A − B, never checked, is
 * (session-10 trial T10-55 (b): Cavan's C 4,014,598 − 11,783,496 = −7,768,898, printed −7,768,897).
 */
function statedInHeader(a: Audit, money: Column[], checked: Set<number>, rule: string, checkRun: (col: Column, run: Column[], named: string, minus: ReadonlySet<number>) => void): void {
  const byMark = new Map<string, Column>();
  const numeric = a.t.columns.filter((c) => c.numeric);
  for (const c of numeric) {
    const caption = c.caption.trim();
    const m = MARK.exec(caption) ?? LETTER.exec(caption);
    if (m && !byMark.has(m[1])) byMark.set(LETTER.test(caption) ? m[1] : m[1].toLowerCase(), c);
  }
  if (byMark.size < 3) return;
  for (const col of money) {
    if (checked.has(col.c)) continue;
    const caption = col.caption.trim();
    const letters = STATED_LETTERS.exec(caption);
    const m = STATED.exec(caption) ?? letters;
    const key = (x: string) => (letters ? x : x.toLowerCase());
    if (!m) {
      statedProduct(a, col, byMark, checked, rule);
      continue;
    }
    if (byMark.get(key(m[1])) !== col) continue;
    const run: Column[] = [];
    const minus = new Set<number>();
    let ok = true;
    const terms = letters ? m[2].matchAll(/([+\-−–]?)\s*([A-Z])/g) : m[2].matchAll(/([+\-−–]?)\s*\(\s*([a-z]|\d{1,2})\s*\)/gi);
    for (const t of terms) {
      const part = byMark.get(key(t[2]));
      if (!part || part === col || part.percent || part.rate || run.includes(part) || (part.units && col.units && part.units !== col.units)) {
        ok = false;
        break;
      }
      run.push(part);
      if (t[1] && t[1] !== '+') minus.add(part.c);
    }
    if (!ok || run.length < 2) continue;
    const said = letters ? m[0].trim() : m[0].replace(/\s+/g, '');
    checkRun(col, run, `${run.map((c) => `${minus.has(c.c) ? '− ' : ''}${c.caption || `column ${c.c + 1}`}`).join(' + ').replace(/\+ − /g, '− ')} (as its header states: "${said}") is`, minus);
  }
}

/** A column whose caption states it the product of a lettered column and a percentage ("J= (A x I)"): checked on every row printing the three. */
function statedProduct(a: Audit, col: Column, byMark: Map<string, Column>, checked: Set<number>, rule: string): void {
  const m = STATED_PRODUCT.exec(col.caption.trim());
  if (!m || byMark.get(m[1]) !== col) return;
  const x = byMark.get(m[2]);
  const y = /^[A-Z]$/.test(m[3]) ? byMark.get(m[3]) : undefined;
  const constant = y ? undefined : new Dec(m[3].replace(/[\s%]/g, '')).div(100);
  if (!x || x === col || (!y && !constant) || y === col) return;
  checked.add(col.c);
  for (const row of a.t.rows) {
    const p = a.num(row, col.c);
    const u = a.num(row, x.c);
    const v = y ? a.num(row, y.c) : undefined;
    if (!p || !u || (y && !v) || u.notApplicable || v?.notApplicable) continue;
    // a percentage column's figure is per cent; a fraction printed without the sign is itself
    const k = constant ?? (v!.percent || y!.percent ? v!.value.div(100) : v!.value);
    const places = p.places;
    const e = u.value.times(k).toDecimalPlaces(places, Dec.ROUND_HALF_UP);
    a.check(row, col.c, e, y ? [[row, x.c], [row, y.c]] : [[row, x.c]], rule,
      `${x.caption || `column ${x.c + 1}`} × ${y ? y.caption || `column ${y.c + 1}` : m[3].replace(/\s+/g, '')} (as its header states: "${m[0].trim()}"), to the places printed,`);
  }
}

/**
 * When a cross-cast fails because one part was printed in another scale — "£110,156" for £110,156,000,
 * the ",000" left off — the words that say so (the part that, a thousand or a million times larger or
 * smaller, makes the row cast exactly); '' otherwise.
 */
function otherScale(a: Audit, i: number, col: Column, run: Column[], minus?: ReadonlySet<number>): string {
  const row = a.t.rows[i];
  const printed = a.num(row, col.c);
  if (!printed) return '';
  let rest = printed.value;
  const parts: [Column, Num][] = [];
  for (const c of run) {
    const v = a.value(row, c.c);
    if (v === undefined) return '';
    rest = minus?.has(c.c) ? rest.plus(v) : rest.minus(v);
    const n = a.num(row, c.c);
    if (n && !n.value.isZero()) parts.push([c, n]);
  }
  // rest = printed − every part (signed); a part p fits when rest + p = p × scale (signed as in the run).
  for (const [c, n] of parts) {
    const p = minus?.has(c.c) ? n.value.negated() : n.value;
    for (const [scale, how] of SCALES) {
      if (!rest.plus(p).eq(p.times(scale))) continue;
      return `; ${c.caption || `column ${c.c + 1}`} is printed ${show(n.value)}: as ${show(n.value.times(scale))} (${how}) the row casts exactly, a figure printed in another scale?`;
    }
  }
  return '';
}

/** The scales a figure is slipped by when a ",000" is left off or added (thousands, millions). */
const SCALES: [Dec, string][] = [
  [new Dec(1000), 'a thousand times the figure'],
  [new Dec(1000000), 'a million times the figure'],
  [new Dec('0.001'), 'a thousandth of the figure'],
  [new Dec('0.000001'), 'a millionth of the figure'],
];

/** Headers of a net figure, of gross spending, and of income (the parts a net column is the difference of). */
const NET = /\bnet\b/;
const INCOME = /\bincome\b|\breceipts?\b/;
const SPENT = /\bspend(ing)?\b|\bexpenditure\b|\bcosts?\b/;
const GROSS = /\bgross\b/;

/**
 * A Net column beside a gross column and an income column ("Gross expenditure | Total income | Net
 * cost", "Spend | Income | Net spend", "Total Expenditure | Total Income | Net Revenue Expenditure"):
 * the headers say it is a cross-cast, net = gross + income when the income is printed bracketed, net =
 * gross − income when it is printed positive — which, the rows say (rows printing income that is not
 * nil vote; at least one agrees exactly, and no fewer than disagree, so two rows are enough: the exact
 * one sets the direction and the other is then the error). The parts are the nearest gross and income
 * columns to its left since the last net column (last year's net beside this year's is no part). The
 * reading is recorded in `a.differences`; no row agreeing either way is said in a note.
 */
function grossIncomeNet(
  a: Audit, money: Column[], body: number[], checked: Set<number>, rule: string,
  sumOf: (i: number, run: Column[], minus?: ReadonlySet<number>) => Dec | undefined,
  checkRun: (col: Column, run: Column[], agree: number, named?: string, minus?: ReadonlySet<number>) => void,
): void {
  const rows = a.t.rows;
  const income = isIncome;
  const gross = isGross;
  for (const [t, col] of money.entries()) {
    if (!NET.test(col.norm) || checked.has(col.c)) continue;
    let k = t;
    while (k > 0 && !NET.test(money[k - 1].norm)) k--;
    const left = money.slice(k, t).reverse();
    const g = left.find(gross);
    const inc = left.find(income);
    if (!g || !inc || [g, inc].some((c) => c.units && col.units && c.units !== col.units)) continue;
    const run = money.filter((c) => c === g || c === inc);
    const vote = (minus?: ReadonlySet<number>) => {
      let agree = 0;
      let informative = 0;
      let fits = 0;
      for (const i of body) {
        const n = a.num(rows[i], col.c);
        const v = sumOf(i, run, minus);
        if (!n || v === undefined || (a.value(rows[i], inc.c) ?? ZERO).isZero()) continue;
        informative++;
        if (v.eq(n.value)) agree++;
        if (severityOf(n.value.minus(v), n, run.map((c) => a.at(rows[i], c.c))).severity === 'warning') fits++;
      }
      return { agree, informative, fits };
    };
    const subtract = new Set([inc.c]);
    const plus = vote();
    const less = vote(subtract);
    let best = less.agree > plus.agree ? less : plus;
    // A column of reserves used or set aside between the gross and the net, part of the net ("Gross Expenditure
    // 2024-25 (£,000) | Income | Reserves | Net Estimated Expenditure": 112,993 + (15,551) + (222) = 97,220,
    // Pembrokeshire's budget for its council taxpayers; session-12 trial T12-56): net = gross ± income ± reserves,
    // each sign the one the rows agree with — read only when it fits more rows than the gross and income alone.
    const res = left.find(isReserves);
    if (res && !(res.units && col.units && res.units !== col.units)) {
      const runR = money.filter((c) => c === g || c === inc || c === res);
      const voteR = (minus: ReadonlySet<number>) => {
        let agree = 0;
        let informative = 0;
        for (const i of body) {
          const n = a.num(rows[i], col.c);
          const v = sumOf(i, runR, minus);
          if (!n || v === undefined || ((a.value(rows[i], inc.c) ?? ZERO).isZero() && (a.value(rows[i], res.c) ?? ZERO).isZero())) continue;
          informative++;
          if (v.eq(n.value)) agree++;
        }
        return { agree, informative, minus };
      };
      const ways = [new Set<number>(), new Set([inc.c]), new Set([res.c]), new Set([inc.c, res.c])].map(voteR);
      const top = ways.reduce((x, y) => (y.agree > x.agree ? y : x));
      if (top.agree > Math.max(plus.agree, less.agree) && top.agree * 2 >= top.informative) {
        const caption = (c: Column) => c.caption || `column ${c.c + 1}`;
        const sign = (c: Column) => (top.minus.has(c.c) ? '−' : '+');
        const is = `${caption(g)} ${sign(inc)} ${caption(inc)} ${sign(res)} ${caption(res)}`;
        a.differences.push({ column: locate(a.t.grid, a.t.r0, col.c, '').column, caption: caption(col), is, agree: top.agree });
        checkRun(col, runR, top.agree, `${is} (the net of its gross, income and reserves: ${top.agree} row(s) agree) is`, top.minus.size ? top.minus : undefined);
        continue;
      }
    }
    // No row exact either way, but every row printing the three within the rounding of its printed figures one
    // way and not the other (Northumbria PCC's one row: 321.5 + (18.9) = 302.6, printed 302.5; session-9 trial
    // T9-08): the headers name the relation and the rows do not gainsay it — read so, the rows warned.
    const rounded = best.agree === 0 && [plus, less].filter((v) => v.informative > 0 && v.fits === v.informative).length === 1;
    if (rounded) best = plus.fits === plus.informative ? plus : less;
    // One row alone printing the three, out beyond rounding either way: no row can show the convention, so the
    // headers and the income's own sign say it — printed negative, net = gross + income; positive, gross − income
    // (as a one-line table's variance is read by its headers) — and the row is the error.
    const one = best.agree === 0 && !rounded && plus.informative === 1;
    if (one) {
      const i = body.find((k) => a.num(rows[k], col.c) && sumOf(k, run) !== undefined && !(a.value(rows[k], inc.c) ?? ZERO).isZero())!;
      best = a.value(rows[i], inc.c)!.isNeg() ? plus : less;
    }
    const minus = best === less ? subtract : undefined;
    const caption = (c: Column) => c.caption || `column ${c.c + 1}`;
    if (!rounded && !one && (best.agree === 0 || best.agree * 2 < best.informative)) {
      if (best.informative > 0) {
        a.findings.push({
          severity: 'note', table: a.layout, ...locate(a.t.grid, a.t.headerRows[a.t.headerRows.length - 1] ?? a.t.r0, col.c, col.caption),
          rule: `${rule}.net-no-basis`,
          message: `${caption(col)}: no row equals ${caption(g)} plus or minus ${caption(inc)}; not cross-cast`,
        });
      }
      continue;
    }
    const is = `${caption(g)} ${minus ? '−' : '+'} ${caption(inc)}`;
    a.differences.push({ column: locate(a.t.grid, a.t.r0, col.c, '').column, caption: caption(col), is, agree: best.agree });
    checkRun(col, run, best.agree, `${is} (the net of its gross and income, ${minus ? 'income printed positive' : 'income printed as a negative'}: ${rounded ? `${best.fits} row(s) agree within their rounding` : one ? 'the one row printing the three, read by its headers and the income\'s sign' : `${best.agree} row(s) agree`}) is`, minus);
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
function netPairs(a: Audit, money: Column[], body: number[], checked: Set<number>, checkRun: (col: Column, run: Column[], agree: number) => void, noTotal: ReadonlySet<number>): void {
  const rows = a.t.rows;
  // Each row's figures by money column, as exact decimal keys (nil or unreadable: none — such a row tells
  // nothing about a pair), and per row the columns holding each value: the pairs a total agrees with are
  // found by looking up p − x, not by adding every pair (a table of 200 columns had 1.3 million pairs,
  // 1,000 columns 166 million: U6-29).
  const keyOf = (d: Dec) => d.toString();
  const vals: (Dec | undefined)[][] = body.map((i) => money.map((col) => {
    const v = a.value(rows[i], col.c);
    return v === undefined || v.isZero() ? undefined : v;
  }));
  // In integers of the table's finest printed places when every figure is one (Reading.units), else in decimal.
  const places = Math.max(0, ...body.flatMap((i) => money.map((col) => a.num(rows[i], col.c)?.places ?? 0)));
  const intOf = (x: Num | undefined): number | undefined => {
    if (!x || x.units === undefined || places - x.places > 15) return undefined;
    const v = x.units * 10 ** (places - x.places);
    return Number.isSafeInteger(v) ? v : undefined;
  };
  const ints: (number | undefined)[][] = body.map((i) => money.map((col) => intOf(a.num(rows[i], col.c))));
  const integers = body.every((i, bi) => money.every((col, k) => {
    const x = a.at(rows[i], col.c);
    return x === undefined || x.kind === 'blank' || (x.kind === 'number' && ints[bi][k] !== undefined);
  }));
  const need = (bi: number, t: number, x: number, p: Num): string | undefined => {
    if (integers) {
      const d = ints[bi][t]! - ints[bi][x]!;
      return Number.isSafeInteger(d) ? `i${d}` : keyOf(p.value.minus(vals[bi][x]!));
    }
    return keyOf(p.value.minus(vals[bi][x]!));
  };
  const keyAt = (bi: number, k: number): string => (integers ? `i${ints[bi][k]}` : keyOf(vals[bi][k]!));
  const where: Map<string, number[]>[] = vals.map((row, bi) => {
    const m = new Map<string, number[]>();
    row.forEach((v, k) => { if (v) { const key = keyAt(bi, k); const l = m.get(key); if (l) l.push(k); else m.set(key, [k]); } });
    return m;
  });
  for (const [t, col] of money.entries()) {
    if (checked.has(col.c) || noTotal.has(col.c) || t < 2) continue;
    // three rows must agree: a column printed on fewer rows has no pair (a 20,000-column file of two rows)
    if (body.filter((i) => a.num(rows[i], col.c)).length < 3) continue;
    // agree[x * t + y]: the rows where figure x + figure y is the total's figure exactly
    const agreeBy = new Map<number, number>();
    body.forEach((i, bi) => {
      const p = a.num(rows[i], col.c);
      if (!p) return;
      for (let x = 0; x < t - 2; x++) {
        const vx = vals[bi][x];
        if (!vx) continue;
        for (const y of where[bi].get(need(bi, t, x, p)!) ?? []) {
          // Columns side by side are the stack's (crossCast above); a pair with a column between is this rule's.
          if (y <= x + 1 || y >= t) continue;
          agreeBy.set(x * t + y, (agreeBy.get(x * t + y) ?? 0) + 1);
        }
      }
    });
    let best: [Column, Column] | undefined;
    let bestAgree = 0;
    // in the order the pairs were always tried (x, then y), so the first of equals is the one taken
    for (const pair of [...agreeBy.keys()].sort((u, v) => u - v)) {
      const agree = agreeBy.get(pair)!;
      if (agree < 3 || agree <= bestAgree) continue;
      const x = Math.floor(pair / t);
      const y = pair % t;
      let informative = 0;
      body.forEach((i, bi) => { if (a.num(rows[i], col.c) && vals[bi][x] && vals[bi][y]) informative++; });
      if (agree * 2 > informative) {
        best = [money[x], money[y]];
        bestAgree = agree;
      }
    }
    if (best) checkRun(col, best, bestAgree);
  }
}

/** A table of more columns of money than this is not searched for sums inside it or printed first (each column tries runs). */
const INNER_MOST = 40;
/**
 * The header of a last column names the whole its parts qualify: "2020/21 Council Tax £" after "2020/21
 * Basic Council Tax £" and "2020/21 ASC Contribution £" (a part's caption is the whole's words and more).
 */
function qualifiedBy(col: Column, run: Column[]): boolean {
  const bare = (c: Column) => c.norm.replace(/£\s*['’]?\s*(?:000s?|m|k)?|\(\s*\)|\b\d{2,4}(?:\s*[/-]\s*\d{2,4})?\b/g, ' ').replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
  const name = bare(col);
  if (!/[a-z]{3,}/.test(name)) return false;
  return run.some((c) => {
    const part = bare(c);
    return part !== name && ` ${part} `.includes(` ${name} `);
  });
}
/** A header naming a whole that the columns left of it make up: a bill, a total, an amount or charge payable (T11-09). */
const WHOLE_CAPTION = /\btotals?\b|\bbills?\b|\b(?:amount|charge|sum)s? payable\b/;
/** The longest run of columns a column inside the table, or one printed first, is tried as the sum of. */
const INNER_RUN = 12;
/** A table of more columns of money than this is not searched for sums of three columns apart. */
const TRIPLE_MOST = 16;

/** Half a unit of the last place a figure printed to `places` places shows (0.05 for one place). */
const halfUnit = (places: number) => new Dec(5).times(new Dec(10).pow(-(places + 1)));

/**
 * A row's parts add up to its printed total: exactly, or — a total printed to fewer places than its parts
 * ("Total spending power" 88.3 over 43.76 + 13.71 + 17.8 + 13.02 = 88.29, Hansard's Derbyshire police
 * authority 1995–96; T8-06) — within half a unit of the total's last place, as its printing rounds. Only
 * for learning which columns a total adds: each row is then checked as printed (a warning, within the
 * rounding of the printed figures, where the sum is not the total exactly).
 */
function close(sum: Dec, printed: Num, places: number): boolean {
  return sum.eq(printed.value) || (printed.places < places && sum.minus(printed.value).abs().lte(halfUnit(printed.places)));
}

/** The most places any figure of `run` prints on row i, nils aside. */
function placesOf(a: Audit, i: number, run: Column[]): number {
  let p = 0;
  for (const c of run) {
    const x = a.num(a.t.rows[i], c.c);
    if (x && !x.value.isZero()) p = Math.max(p, x.places);
  }
  return p;
}

/** Row i's sum over `run` (undefined: a figure unread) is its printed figure in `col`, as `close` reads it. */
/**
 * How many of the rows `voters` (indices into the table's rows, each printing `col`) do not agree that
 * `col` is the sum of `run`: every row whose parts can be read, one with a single figure of the run too
 * (checked by the reading as the others are).
 */
function disagreeing(a: Audit, voters: number[], col: Column, run: Column[], sumOf: (i: number, cols: Column[]) => Dec | undefined): number {
  return voters.filter((i) => {
    const sum = sumOf(i, run);
    return sum !== undefined && !agrees(a, i, col, run, sum);
  }).length;
}

/** `col` is a Net column with a gross column and an income column left of it since the last Net column (grossIncomeNet's reading). */
function netOfGrossAndIncome(money: Column[], col: Column): boolean {
  if (!NET.test(col.norm)) return false;
  const left: Column[] = [];
  for (const c of money) {
    if (c === col) break;
    if (NET.test(c.norm)) left.length = 0;
    else left.push(c);
  }
  return left.some(isGross) && left.some(isIncome);
}

// "Gross Income" is income (a CIES's); "Income and expenditure" is neither.
const isIncome = (c: Column) => INCOME.test(c.norm) && !SPENT.test(c.norm) && !NET.test(c.norm);
const isGross = (c: Column) => (GROSS.test(c.norm) || SPENT.test(c.norm)) && !INCOME.test(c.norm) && !NET.test(c.norm);
/** Reserves used or set aside, a part of a net ("Reserves", "Use of reserves", "Contribution to/(from) reserves", "Appropriations"). */
const RESERVES = /\breserves?\b|\bappropriations?\b/;
const isReserves = (c: Column) => RESERVES.test(c.norm) && !isGross(c) && !isIncome(c) && !NET.test(c.norm) && !/\btotals?\b|\bbalances?\b/.test(c.norm);

function agrees(a: Audit, i: number, col: Column, run: Column[], sum: Dec | undefined): boolean {
  const printed = a.num(a.t.rows[i], col.c);
  return sum !== undefined && printed !== undefined && close(sum, printed, placesOf(a, i, run));
}

/**
 * Runs of columns tried as the parts of `col`, one column added at a time: each voter row's sum, count of
 * figures not nil and finest places carried from one run to the next (one addition per column and row,
 * not the whole run again: a table of 1,000 columns, U6-29). `add` returns, for the run so far, the rows
 * printing two figures or more in it (a row with one says nothing: it agrees with any run holding it) and
 * of those the rows whose sum is the printed total (`close`).
 */
function runsOf(a: Audit, col: Column, voters: number[]) {
  const rows = a.t.rows;
  const sums: (Dec | undefined)[] = voters.map(() => ZERO);
  const figures = voters.map(() => 0);
  const places = voters.map(() => 0);
  return {
    add(c: Column): { agree: number; informative: number } {
      let agree = 0;
      let informative = 0;
      voters.forEach((i, n) => {
        const v = a.value(rows[i], c.c);
        if (!(v ?? ZERO).isZero()) {
          figures[n]++;
          places[n] = Math.max(places[n], a.num(rows[i], c.c)?.places ?? 0);
        }
        sums[n] = v === undefined || sums[n] === undefined ? undefined : sums[n]!.plus(v);
        if (figures[n] < 2) return;
        informative++;
        if (sums[n] !== undefined && close(sums[n]!, a.num(rows[i], col.c)!, places[n])) agree++;
      });
      return { agree, informative };
    },
  };
}

/** Roles of a column that is a difference of two others (its own relation, checked in generic.ts). */
const DIFF_ROLES = new Set(['variance', 'reprofile', 'remaining']);
/** Headers of a column of changes between two others. */
const CHANGE = /\bchanges?\b|\bmovements?\b|\bincrease|\bdecrease/;

/**
 * A total column printed FIRST, left of its parts ("Total gross revenue expenditure | Government funding
 * and specific grants | Other | Council tax", Hansard's Merseyside police funding 1996–2004; "Budget
 * requirement | Re-distributed non-domestic rates | Revenue support grant | Police grant | .. | .. | Amount
 * to be collected from the council tax", StatsWales; T8-05): a column no other cross-cast or difference
 * reads that the run of columns directly right of it adds up to on three rows at least and on more than
 * half of those printing two parts or more — the shortest such run (a column of nils, "..", adds
 * nothing) — is cross-cast on every row. A column a difference or a cross-cast already uses is neither
 * the total nor a part: budget = outturn + variance is the variance's own relation, read before.
 */
function totalFirst(
  a: Audit, money: Column[], body: number[], checked: Set<number>, parts: Set<number>,
  checkRun: (col: Column, run: Column[], agree: number, named?: string) => void, noTotal: ReadonlySet<number>,
): void {
  if (money.length > INNER_MOST) return;
  const rows = a.t.rows;
  const differences = new Set(a.differences.map((d) => d.column));
  const taken = (c: Column) => checked.has(c.c) || parts.has(c.c) || DIFF_ROLES.has(c.role) || CHANGE.test(c.norm) ||
    differences.has(locate(a.t.grid, a.t.r0, c.c, '').column);
  for (const [t, col] of money.entries()) {
    if (taken(col) || noTotal.has(col.c)) continue;
    const voters = body.filter((i) => a.num(rows[i], col.c)).slice(0, SAMPLE);
    if (voters.length < 3) continue;
    const runs = runsOf(a, col, voters);
    let best = -1;
    let bestAgree = 0;
    for (let k = t + 1; k < money.length && k - t <= INNER_RUN; k++) {
      const part = money[k];
      // the run stops at a column another check reads, one of another unit, or across the label column
      if (taken(part) || (part.units && col.units && part.units !== col.units) || (part.c > a.t.labelCol) !== (col.c > a.t.labelCol)) break;
      const { agree, informative } = runs.add(part);
      if (k === t + 1 || agree < 3 || agree * 2 <= informative) continue;
      if (agree > bestAgree) {
        best = k;
        bestAgree = agree;
      }
    }
    if (best < 0) continue;
    const run = money.slice(t + 1, best + 1);
    checkRun(col, run, bestAgree,
      `${run.map((c) => c.caption || `column ${c.c + 1}`).join(' + ')} (the columns right of it, ${bestAgree} row(s) agree it adds: a total printed before its parts) is`);
  }
}

/**
 * A column that is the sum of THREE others not side by side ("Net Budget To Date" = expenditure "To
 * Date" + "Committed" + income "To Date", as a committee's revenue summary prints its net committed
 * spending: Isle of Wight's Environment committee, October 2003; T7-59): the one triple of columns left of
 * it that three rows at least print with three figures not nil and agree with exactly, with no more than
 * one row in four of those printing two of them or more saying otherwise; then every row is checked. Two
 * triples fitting as well: no reading. In integers of the table's finest places (a table of other figures
 * is not searched).
 */
function netTriples(a: Audit, money: Column[], body: number[], checked: Set<number>, checkRun: (col: Column, run: Column[], agree: number) => void, noTotal: ReadonlySet<number>): void {
  if (money.length > TRIPLE_MOST || money.length < 4) return;
  const rows = a.t.rows;
  const sample = body.slice(0, SAMPLE);
  const places = Math.max(0, ...sample.flatMap((i) => money.map((c) => a.num(rows[i], c.c)?.places ?? 0)));
  if (places > 9) return;
  const scale = new Dec(10).pow(places);
  const intOf = (v: Dec | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const x = v.times(scale);
    return x.isInteger() && x.abs().lte(Number.MAX_SAFE_INTEGER / 4) ? x.toNumber() : undefined;
  };
  // each row's figures in integers (undefined: unread, or not a whole number of the finest places)
  const vals = sample.map((i) => money.map((c) => intOf(a.value(rows[i], c.c))));
  const totals = sample.map((i) => money.map((c) => intOf(a.num(rows[i], c.c)?.value)));
  const sameUnits = (...cs: Column[]) => new Set(cs.map((c) => c.units).filter(Boolean)).size <= 1;
  for (const [t, col] of money.entries()) {
    if (checked.has(col.c) || noTotal.has(col.c) || t < 3) continue;
    let best: number[] | undefined;
    let bestAgree = 0;
    let tie = false;
    for (let x = 0; x < t; x++) for (let y = x + 1; y < t; y++) for (let z = y + 1; z < t; z++) {
      // three side by side are a run (crossCast's stack above)
      if (z === x + 2 || !sameUnits(col, money[x], money[y], money[z])) continue;
      let agree = 0;
      let informative = 0;
      let solid = 0;
      sample.forEach((_, n) => {
        const p = totals[n][t];
        const [vx, vy, vz] = [vals[n][x], vals[n][y], vals[n][z]];
        if (p === undefined || vx === undefined || vy === undefined || vz === undefined) return;
        const figures = (vx !== 0 ? 1 : 0) + (vy !== 0 ? 1 : 0) + (vz !== 0 ? 1 : 0);
        if (figures < 2) return;
        informative++;
        if (vx + vy + vz !== p) return;
        agree++;
        if (figures === 3) solid++;
      });
      if (solid < 3 || (informative - agree) * 3 > agree) continue;
      if (agree > bestAgree) {
        best = [x, y, z];
        bestAgree = agree;
        tie = false;
      } else if (agree === bestAgree) tie = true;
    }
    if (!best || tie) continue;
    checkRun(col, best.map((k) => money[k]), bestAgree);
  }
}

/** A caption's words for a figure per week, per month, per day, and the shares of a year that give it (the first preferred when the rows fit each alike). */
const PERIODS: { re: RegExp; bases: ReturnType<typeof basis>[]; per: string }[] = [
  { re: /\bper\s+week\b|\bweekly\b|\ba\s+week\b/, bases: [basis(1, 52), basis(7, 365)], per: 'week' },
  { re: /\bper\s+(calendar\s+)?month\b|\bmonthly\b|\ba\s+month\b/, bases: [basis(1, 12)], per: 'month' },
  { re: /\bper\s+day\b|\bdaily\b|\ba\s+day\b/, bases: [basis(1, 365)], per: 'day' },
];
/** A caption's words for a figure per year. */
const YEARLY = /\bper\s+(year|annum)\b|\bannual(ly)?\b|\byearly\b|\ba\s+year\b|\bp\.?\s?a\.?$/;

/**
 * A column of the same figure per week (per month, per day) beside it per year ("Increase per year |
 * Increase per week", as a council tax page prints each band's increase; North Yorkshire fire 2023/24,
 * T8-57): the weekly figure is the yearly one ÷ 52 — or × 7/365 on a 365-day year, whichever more rows
 * fit (Buckinghamshire fire 2025/26, T13-02) — (÷ 12, ÷ 365), to the places printed. The captions
 * name the pair (the same words but the period; else the one yearly column); checked on every row when
 * the rows agree — two at least and no fewer than half of those printing both, within what the rounding
 * of the two printed figures allows — and an error where a row is beyond that. Returns the rows checked.
 */
function perPeriod(a: Audit, money: Column[], body: number[], rule: string): number {
  const rows = a.t.rows;
  let n = 0;
  const strip = (norm: string) => norm.replace(YEARLY, ' ').replace(/\bper\s+\w+\b|\bweekly\b|\bmonthly\b|\bdaily\b|\ba\s+(week|month|day)\b/g, ' ').replace(/\s+/g, ' ').trim();
  const yearly = money.filter((c) => YEARLY.test(c.norm));
  for (const col of money) {
    const period = PERIODS.find((p) => p.re.test(col.norm));
    if (!period || YEARLY.test(col.norm)) continue;
    const same = yearly.filter((y) => strip(y.norm) === strip(col.norm));
    const year = same.length === 1 ? same[0] : yearly.length === 1 ? yearly[0] : undefined;
    if (!year || (year.units && col.units && year.units !== col.units)) continue;
    const pairs = body.map((i) => [i, a.num(rows[i], col.c), a.num(rows[i], year.c)] as const).filter(([, p, y]) => p && y && !y.value.isZero());
    // the share of the year the rows fit best (a week: ÷ 52, or × 7/365 on a 365-day year — rows that fit both
    // decide nothing; T13-02), the first on a tie
    const scored = period.bases.map((b) => ({ b, agree: pairs.filter(([, p, y]) => fitsPeriod(p!, y!, b)).length }));
    const { b, agree } = scored.reduce((x, y) => (y.agree > x.agree ? y : x));
    const fits = (p: Num, y: Num) => fitsPeriod(p, y, b);
    if (agree < 2 || agree * 2 < pairs.length) continue;
    const yearly365 = b.num.eq(1) ? '' : ' on a 365-day year';
    const what = `${year.caption || `column ${year.c + 1}`} ${b.text} (the figure per ${period.per}${yearly365}, as ${agree} row(s) print it) is`;
    a.differences.push({ column: locate(a.t.grid, a.t.r0, col.c, '').column, caption: col.caption, is: `${year.caption || `column ${year.c + 1}`} ${b.text}, to the places printed${yearly365}`, agree });
    for (const [i, p, y] of pairs) {
      n++;
      a.checked.crossCasts++;
      a.involve([[rows[i], col.c], [rows[i], year.c]], true);
      if (fits(p!, y!)) continue;
      const e = perPeriodOf(y!.value, b, p!.places);
      a.findings.push({
        severity: 'error',
        table: a.layout,
        ...a.loc(rows[i], col.c),
        rule: `${rule}.per-period`,
        message: `${a.describe(rows[i], col.c)}: printed ${show(p!.value)}, but ${what} ${show(e)}; difference ${show(p!.value.minus(e))}, beyond what the rounding of the printed figures allows`,
        printed: text(p!.value),
        expected: text(e),
        difference: text(p!.value.minus(e)),
      });
    }
  }
  return n;
}

/** A column of balances at the start of each row's period: "Opening Balance", "Balance b/f", "Balance at 1 April". */
const OPENING_COLUMN = /\bopening\b|\bb\s*\/\s*f\b|\bbrought forward\b|\bbalance (at|as at) 1(st)? april\b|\bstart of (the )?year\b/;
/** A column of balances at the end of each row's period: "Closing Balance", "Balance c/f", "Balance at 31 March". */
const CLOSING_COLUMN = /\bclosing\b|\bc\s*\/\s*f\b|\bcarried forward\b|\bbalance (at|as at) 31(st)? march\b|\bend of (the )?year\b|\byear[- ]end\b/;

/**
 * A balance rolled forward along each row (session-8 trial T8-08: a parish council's "Financial Year |
 * Opening Balance | Income | Expenditure | Closing Balance", one year a row; an earmarked-reserves note's
 * "Balance 1 April | Transfers in | Transfers out | Balance 31 March", one reserve a row): in a table of
 * no statutory layout, a column of money captioned as an opening balance, a later one captioned as a
 * closing balance, and one to four columns of money between them, each added or subtracted — the signs
 * the rows agree with exactly (more than half the rows that print the two balances and a movement that
 * is not nil, two at least), one subtraction at least (all added is a plain cross-cast). Every row is
 * then checked: closing = opening ± the movements, at the closing balance (`….row-roll-forward`; within
 * the rounding of the printed figures, a warning). And when the rows are successive periods — each
 * row's opening equal to the closing of the row above on more than half the pairs, two at least —
 * every row's opening is checked against the closing above it (`….row-roll-forward.opening`). Returns how
 * many rows were rolled.
 */
export function rollAlongRows(a: Audit, rule: string): number {
  if (a.layout !== 'auto') return 0;
  const money = a.t.columns.filter((c) => c.numeric && !c.percent && !c.rate);
  const open = money.findIndex((c) => OPENING_COLUMN.test(c.norm) && !CLOSING_COLUMN.test(c.norm));
  if (open < 0) return 0;
  const close = money.findIndex((c, k) => k > open + 1 && k <= open + 5 && CLOSING_COLUMN.test(c.norm) && !OPENING_COLUMN.test(c.norm));
  if (close < 0) return 0;
  const [o, z] = [money[open], money[close]];
  const moves = money.slice(open + 1, close);
  const rows = a.t.rows;
  const body = rowsOf(a, 'line', 'subtotal', 'total').filter((i) => a.num(rows[i], o.c) && a.num(rows[i], z.c));
  const voters = body.filter((i) => moves.some((m) => !(a.value(rows[i], m.c) ?? ZERO).isZero()));
  /** row i's opening ± its movements, with the signs of `signs` (bit k set: movement k subtracted) */
  const rolled = (i: number, signs: number): Dec | undefined => {
    let v = a.value(rows[i], o.c);
    for (const [k, m] of moves.entries()) {
      const x = a.value(rows[i], m.c);
      if (v === undefined || x === undefined) return undefined;
      v = signs & (1 << k) ? v.minus(x) : v.plus(x);
    }
    return v;
  };
  let best = -1;
  let bestAgree = 0;
  for (let signs = 1; signs < 1 << moves.length; signs++) {
    const agree = voters.filter((i) => rolled(i, signs)?.eq(a.num(rows[i], z.c)!.value)).length;
    if (agree > bestAgree) {
      best = signs;
      bestAgree = agree;
    }
  }
  if (best < 0 || bestAgree < 2 || bestAgree * 2 <= voters.length) return 0;
  const what = `${o.caption || 'the opening balance'} ${moves.map((m, k) => `${best & (1 << k) ? '−' : '+'} ${m.caption || `column ${m.c + 1}`}`).join(' ')} (the roll-forward ${bestAgree} of ${voters.length} row(s) agree with) is`;
  let n = 0;
  for (const i of body) {
    const v = rolled(i, best);
    if (v === undefined) continue;
    n++;
    a.check(rows[i], z.c, v, [[rows[i], o.c], ...moves.map((m, k): At => [rows[i], m.c, best & (1 << k) ? -1 : 1])], rule, what);
  }
  // Successive periods: each row's opening is the closing of the row above.
  const pairs = body.slice(1).map((i, k) => [body[k], i] as const).filter(([p, i]) => rows[i].r === rows[p].r + 1);
  const carried = pairs.filter(([p, i]) => a.num(rows[i], o.c)!.value.eq(a.num(rows[p], z.c)!.value)).length;
  if (carried >= 2 && carried * 2 > pairs.length) {
    for (const [p, i] of pairs) a.check(rows[i], o.c, a.num(rows[p], z.c)!.value, [[rows[p], z.c]], `${rule}.opening`, `the ${z.caption || 'closing balance'} of the row above (${carried} of ${pairs.length} pair(s) carry it so) is`);
  }
  return n;
}
