// Percentages laid out in rows: a "Ratio" or "%" row under the two rows it divides, as every council,
// fire and police body prints its prudential indicators ("Total Revenue Costs", "Net Revenue Stream",
// then "Ratio of Financing Costs to Net Revenue Stream" 4.6%), often across a blank line and a caption,
// so in a table of its own. The numerator and denominator rows are learned from the arithmetic: the
// pair of rows of figures (of the table itself or of the table printed directly above it, in the same
// columns) whose quotient reproduces the printed percentage in most columns; then every column is
// checked, with the rounding the printed figures allow.
import { Dec, text } from '../base/decimal';
import { Audit } from './context';
import type { FoundTable, TableRow } from './detect';
import { type Num, show } from './findings';
import { cellAt, cellText, stepOf } from './grid';
import { classify } from './kinds';

const HUNDRED = new Dec(100);
const HALF = new Dec('0.5');

/** A row of percentages: every figure it prints is a percentage, two at least. */
function percentRow(row: TableRow): number[] | undefined {
  const cols = [...row.cells.entries()].filter(([, x]) => x.kind === 'number').map(([c]) => c);
  const pct = cols.filter((c) => (row.cells.get(c) as Num).percent);
  return pct.length >= 2 && pct.length === cols.length ? pct : undefined;
}

const num = (row: TableRow, c: number): Num | undefined => {
  const x = row.cells.get(c);
  return x?.kind === 'number' ? x : undefined;
};

/** The percentage a/b × 100 agrees with the printed p to the places printed. */
const agrees = (p: Num, e: Dec) => p.value.minus(e).abs().lte(stepOf(p.places).times(HALF));

export interface RatioReading {
  /** the audit of the table holding the percentage rows: its findings, checks and cells involved */
  audit: Audit;
  /** the table above whose rows it divides, when the rows are there */
  source?: FoundTable;
}

/**
 * Checks each row of percentages of `t` as the quotient of two rows of figures above it (in `t`, or in
 * `above`: the table printed directly above on the same sheet), the pair most columns agree on (two at
 * least, all but one of the columns both print). Undefined when `t` has no such row.
 */
export function ratioRows(t: FoundTable, above: FoundTable | undefined): RatioReading | undefined {
  let a: Audit | undefined;
  let source: FoundTable | undefined;
  for (const [i, row] of t.rows.entries()) {
    const pcts = percentRow(row);
    if (!pcts) continue;
    const own = t.rows.slice(0, i).filter((r) => !percentRow(r));
    const cands: [TableRow, FoundTable | undefined][] = [...own.map((r) => [r, undefined] as [TableRow, undefined]),
      ...(above ? above.rows.filter((r) => !percentRow(r)).map((r) => [r, above] as [TableRow, FoundTable]) : [])];
    let best: { n: TableRow; d: TableRow; from?: FoundTable; agree: number } | undefined;
    for (const [n, fn] of cands) for (const [d, fd] of cands) {
      if (n === d) continue;
      let agree = 0;
      let tried = 0;
      for (const c of pcts) {
        const p = num(row, c)!;
        const x = num(n, c);
        const y = num(d, c);
        if (!x || !y || y.value.isZero()) continue;
        tried++;
        if (agrees(p, x.value.div(y.value).times(HUNDRED))) agree++;
      }
      if (agree >= 2 && tried - agree <= 1 && (!best || agree > best.agree)) best = { n, d, from: fn ?? fd, agree };
    }
    if (!best) continue;
    a ??= new Audit(t, 'auto', classify(t, 'auto', false));
    if (best.from) source = best.from;
    for (const c of pcts) checkRatio(a, row, c, best.n, best.d, best.agree);
  }
  return a ? { audit: a, source } : undefined;
}

/** Row `row`'s percentage in column c against n / d × 100; a difference the rounding of n and d explains is a warning. */
function checkRatio(a: Audit, row: TableRow, c: number, n: TableRow, d: TableRow, agree: number): void {
  const p = num(row, c)!;
  const x = num(n, c);
  const y = num(d, c);
  if (!x || !y) return;
  a.checked.percentages++;
  a.involve([[row, c]]);
  a.involve([[n, c], [d, c]], true);
  if (y.value.isZero()) {
    // Nothing to divide by: a nil ratio is how that is printed; any other figure is an error.
    if (p.value.isZero()) return;
    a.findings.push({
      severity: 'error',
      table: a.layout,
      ...a.loc(row, c),
      rule: 'auto.ratio-percent',
      message: `${row.label || 'the ratio'} — ${a.col(c)?.caption || `column ${c + 1}`}: printed ${p.raw}, but ${d.label}, which the rows ${agree} column(s) agree it divides by, is nil: nothing to divide`,
      printed: text(p.value),
    });
    return;
  }
  const e = x.value.div(y.value).times(HUNDRED);
  if (agrees(p, e)) return;
  const hn = stepOf(x.places).times(HALF);
  const hd = stepOf(y.places).times(HALF);
  const ends: Dec[] = [];
  for (const u of [x.value.minus(hn), x.value.plus(hn)]) for (const v of [y.value.minus(hd), y.value.plus(hd)]) {
    if (!v.isZero() && v.isNeg() === y.value.isNeg()) ends.push(u.div(v).times(HUNDRED));
  }
  const half = stepOf(p.places).times(HALF);
  const explained = ends.length === 4 && p.value.plus(half).gte(Dec.min(...ends)) && p.value.minus(half).lte(Dec.max(...ends));
  const shown = e.toDecimalPlaces(p.places, Dec.ROUND_HALF_UP);
  a.findings.push({
    severity: explained ? 'warning' : 'error',
    table: a.layout,
    ...a.loc(row, c),
    rule: 'auto.ratio-percent',
    message: `${row.label || 'the ratio'} — ${a.col(c)?.caption || `column ${c + 1}`}: printed ${p.raw}, but ${n.label} / ${d.label} (the rows ${agree} column(s) agree it divides) is ` +
      `${show(e.toDecimalPlaces(p.places + 3, Dec.ROUND_HALF_UP))}%, ${show(shown)}% to the places printed${explained ? ', within what the rounding of the printed figures allows' : ''}`,
    printed: text(p.value),
    expected: text(shown),
    difference: text(p.value.minus(shown)),
  });
}

/**
 * A row of percentages inside a table of years as columns, each the change of a row above it from the
 * year before ("Band D Council Tax £333.63 £343.60 …", then "Council Tax Increase 1.99% 2.99% …":
 * (343.60 − 333.63) / 333.63 = 2.988%, printed 2.99%; Preston's General Fund forecast, T7-07): the row
 * whose year-on-year changes most columns agree on (two at least, all but one of those it can be tried
 * on: the first year has no year before it in the table). Each checked with the rounding the printed
 * figures allow (a warning when that explains it). The quotient rows of ratioRows are tried first.
 * Returns the number of percentages checked.
 */
export function checkChangeRows(a: Audit, done?: Set<number>): number {
  const t = a.t;
  const money = t.columns.filter((c) => c.numeric).map((c) => c.c).sort((x, y) => x - y);
  let count = 0;
  const groups = columnGroups(t, money);
  for (const [i, row] of t.rows.entries()) {
    const pcts = percentRow(row);
    if (!pcts) continue;
    // the year before within its group: a caption spanning a group of columns (a body, a committee, a
    // fund printed once over its years) bounds the changes — never from one group's last year to the next's first (T9-10)
    const prev = (c: number) => {
      const b = money[money.indexOf(c) - 1];
      return b !== undefined && groups.get(b) === groups.get(c) ? b : undefined;
    };
    let best: { x: TableRow; agree: number } | undefined;
    for (const x of t.rows.slice(0, i)) {
      if (percentRow(x)) continue;
      let agree = 0;
      let tried = 0;
      for (const c of pcts) {
        const b = prev(c);
        const now = b === undefined ? undefined : num(x, c);
        const was = b === undefined ? undefined : num(x, b);
        if (!now || !was || was.value.isZero()) continue;
        tried++;
        // agreeing to the places printed, or within what the rounding of the printed figures allows (a % to
        // two places of levies rounded to £'000 rarely agrees exactly: 3,034 / 2,946 = 2.9871%, printed 3.00%, T9-11)
        if (agrees(num(row, c)!, now.value.minus(was.value).div(was.value).times(HUNDRED)) || changeExplained(num(row, c)!, now, was)) agree++;
      }
      if (agree >= 2 && tried - agree <= 1 && (!best || agree > best.agree)) best = { x, agree };
    }
    if (!best) continue;
    done?.add(i);
    for (const c of pcts) {
      const b = prev(c);
      if (b === undefined || !num(best.x, c) || !num(best.x, b)) continue;
      checkChange(a, row, c, best.x, b, best.agree);
      count++;
    }
  }
  return count;
}

/** Row `row`'s percentage in column c against the change of row x from column b to c, × 100 of its column-b figure. */
function checkChange(a: Audit, row: TableRow, c: number, x: TableRow, b: number, agree: number): void {
  const p = num(row, c)!;
  const now = num(x, c)!;
  const was = num(x, b)!;
  a.checked.percentages++;
  a.involve([[row, c]]);
  a.involve([[x, c], [x, b]], true);
  const e = now.value.minus(was.value).div(was.value).times(HUNDRED);
  if (agrees(p, e)) return;
  const explained = changeExplained(p, now, was);
  const shown = e.toDecimalPlaces(p.places, Dec.ROUND_HALF_UP);
  const year = (k: number) => a.col(k)?.caption || `column ${k + 1}`;
  a.findings.push({
    severity: explained ? 'warning' : 'error',
    table: a.layout,
    ...a.loc(row, c),
    rule: 'auto.change-percent',
    message: `${row.label || 'the change'} — ${year(c)}: printed ${p.raw}, but ${x.label} changed from ${was.raw} (${year(b)}) to ${now.raw}, ` +
      `${show(e.toDecimalPlaces(p.places + 3, Dec.ROUND_HALF_UP))}% (the change from the year before, which ${agree} column(s) agree on), ${show(shown)}% to the places printed${explained ? ', within what the rounding of the printed figures allows' : ''}`,
    printed: text(p.value),
    expected: text(shown),
    difference: text(p.value.minus(shown)),
  });
}

/** Whether some figures within the printed rounding of `now` and `was` give a change within the printed rounding of `p`. */
function changeExplained(p: Num, now: Num, was: Num): boolean {
  const hn = stepOf(now.places).times(HALF);
  const hw = stepOf(was.places).times(HALF);
  const ends: Dec[] = [];
  for (const u of [now.value.minus(hn), now.value.plus(hn)]) for (const v of [was.value.minus(hw), was.value.plus(hw)]) {
    if (!v.isZero() && v.isNeg() === was.value.isNeg()) ends.push(u.minus(v).div(v).times(HUNDRED));
  }
  const half = stepOf(p.places).times(HALF);
  return ends.length === 4 && p.value.plus(half).gte(Dec.min(...ends)) && p.value.minus(half).lte(Dec.max(...ends));
}

/**
 * The groups of columns a caption spans (T9-10): a header or title row printing a caption over the first
 * column of each group and nothing over the rest ("| Yorkshire Regional Flood and Coastal Committee | |
 * Trent Regional Flood and Coastal Committee | |", each over its two years). Per money column, the first
 * column of its group (−1 when no such row stands over the table: one group).
 */
function columnGroups(t: FoundTable, money: number[]): Map<number, number> {
  const out = new Map<number, number>(money.map((c) => [c, -1]));
  if (money.length < 4) return out;
  const top = t.headerRows.length ? t.headerRows[0] : t.r0;
  const last = t.headerRows.length ? t.headerRows[t.headerRows.length - 1] : t.r0 - 1;
  for (let r = Math.max(0, top - 2); r <= last; r++) {
    const filled = money.filter((c) => cellText(cellAt(t.grid, r, c)).trim() !== '');
    // two captions at least, each over two columns or more, the first over the first money column
    if (filled.length < 2 || filled[0] !== money[0] || filled.length * 2 > money.length) continue;
    const starts = filled.map((c) => money.indexOf(c));
    if (starts.some((k, n) => (starts[n + 1] ?? money.length) - k < 2)) continue;
    for (const c of money) out.set(c, Math.max(...filled.filter((f) => f <= c)));
    return out;
  }
  return out;
}

/** A row of the change from the year before: "Change on previous year", "INCREASE/DECREASE", "Increase in Band D". */
const CHANGE_ROW = /\b(change|increase|decrease|movement)\b/i;

/**
 * A table printed with its quantities as rows and its years as columns, as a parish prints its precept
 * ("Precept | Taxbase | Band D equivalent | Change on previous year | % change on previous year" down, 2023/24
 * and 2024/25 across; session-10 trial T10-50, session-11 T11-59): a row labelled as a change is the change of
 * a row above it from the year before — this year's figure less the one in the column to its left (within the
 * columns a caption spans), learned from the columns (every column that can be tried agrees; exactly when only
 * one can) and checked in each (auto.change-amount); and a row of percentages under it, labelled as a change
 * too, is that change over the year before's figure, which is the row's figure less its change — so the first
 * year is checked as well (0.27 / (7.12 − 0.27) = 3.94%), within what the rounding of the printed figures
 * allows (auto.change-percent). Rows checkChangeRows read (`done`) are left to it. Returns the checks made.
 */
export function checkChangeAmountRows(a: Audit, done: ReadonlySet<number>): number {
  const t = a.t;
  const money = t.columns.filter((c) => c.numeric && !c.percent).map((c) => c.c).sort((x, y) => x - y);
  if (money.length < 2) return 0;
  const groups = columnGroups(t, money);
  // the year before: the column to the left within its group, both captioned by a year ("2023/24", "2010/11"):
  // columns of another kind (Revenue | Capital | Reform) are no years (SPA's outturn summary)
  const YEAR_IN = /(?<!\d)(?:19|20)\d\d(?!\d)/;
  const prev = (c: number) => {
    const b = money[money.indexOf(c) - 1];
    return b !== undefined && groups.get(b) === groups.get(c) && YEAR_IN.test(a.col(b)?.caption ?? '') && YEAR_IN.test(a.col(c)?.caption ?? '') ? b : undefined;
  };
  let count = 0;
  const changeOf = new Map<number, TableRow>();
  for (const [i, row] of t.rows.entries()) {
    if (percentRow(row) || !CHANGE_ROW.test(row.label) || /%|per\s*cent/i.test(row.label)) continue;
    let best: { x: TableRow; agree: number } | undefined;
    for (const x of t.rows.slice(0, i)) {
      if (percentRow(x) || CHANGE_ROW.test(x.label)) continue;
      let agree = 0;
      let exact = 0;
      let tried = 0;
      // a nil change agreeing with a nil printed is no evidence: a line of the same figure every year beside
      // a line printing nothing after its first year ("Increase to book fund 0.500 | 0.000 | 0.000 | 0.000"
      // beside "Museums 0.936" each year, Lancashire CC's budget adjustment 2020/21) is no change row
      let moved = 0;
      for (const c of money) {
        const b = prev(c);
        const d = num(row, c);
        const now = num(x, c);
        const was = b === undefined ? undefined : num(x, b);
        if (!d || !now || !was || d.percent) continue;
        tried++;
        const e = now.value.minus(was.value);
        const slack = stepOf(d.places).plus(stepOf(now.places)).plus(stepOf(was.places)).times(HALF);
        if (e.eq(d.value)) exact++;
        if (e.minus(d.value).abs().lte(slack)) {
          agree++;
          if (!e.isZero()) moved++;
        }
      }
      // most columns that can be tried agree (a wrong figure leaves the others agreeing), one of them at least
      // on a change that is not nil; one column alone only exactly
      if (tried && moved && ((tried === 1 && exact === 1) || (tried > 1 && agree * 2 > tried)) && (!best || agree > best.agree)) best = { x, agree };
    }
    // the row's words say it is the change on the year before ("Change on previous year"): of the row directly
    // above it, whether or not it agrees — one pair of years cannot teach it, and a wrong change must not pass
    if (!best && /\b(previous|last|prior)\s+year\b|\byear\s+before\b/i.test(row.label)) {
      const x = t.rows.slice(0, i).reverse().find((r) => !percentRow(r) && !CHANGE_ROW.test(r.label) && money.some((c) => num(r, c)));
      if (x && money.filter((c) => num(row, c)).every((c) => num(x, c))) best = { x, agree: 0 };
    }
    if (!best) continue;
    changeOf.set(i, best.x);
    for (const c of money) {
      const b = prev(c);
      const now = num(best.x, c);
      const was = b === undefined ? undefined : num(best.x, b);
      if (!now || !was || !num(row, c)) continue;
      count++;
      a.check(row, c, now.value.minus(was.value), [[best.x, c], [best.x, b!, -1]], 'auto.change-amount',
        `${best.x.label} ${show(now.value)} (${a.col(c)?.caption || `column ${c + 1}`}) less ${show(was.value)} (${a.col(b!)?.caption || `column ${b! + 1}`}), the change from the year before (${best.agree ? `which ${best.agree} column(s) agree on` : 'as its label says'}), is`);
    }
  }
  // the percentage row under a change row: the change over the year before's figure (the row's figure less its change)
  for (const [i, row] of t.rows.entries()) {
    const pcts = percentRow(row) ?? (/%|per\s*cent/i.test(row.label) ? [...row.cells.keys()].filter((c) => num(row, c)) : undefined);
    if (!pcts || done.has(i) || !CHANGE_ROW.test(row.label)) continue;
    const k = [...changeOf.keys()].filter((j) => j < i).pop();
    if (k === undefined) continue;
    const ch = t.rows[k];
    const x = changeOf.get(k)!;
    for (const c of pcts) {
      const p = num(row, c);
      const d = num(ch, c);
      const now = num(x, c);
      if (!p || !d || !now) continue;
      const was = now.value.minus(d.value);
      if (was.isZero()) continue;
      count++;
      a.checked.percentages++;
      a.involve([[row, c]]);
      a.involve([[ch, c], [x, c]], true);
      const e = d.value.div(was).times(HUNDRED);
      if (agrees(p, e)) continue;
      const hd = stepOf(d.places).times(HALF);
      const hn = stepOf(now.places).times(HALF);
      const ends: Dec[] = [];
      for (const u of [d.value.minus(hd), d.value.plus(hd)]) for (const v of [now.value.minus(hn), now.value.plus(hn)]) {
        const w = v.minus(u);
        if (!w.isZero() && w.isNeg() === was.isNeg()) ends.push(u.div(w).times(HUNDRED));
      }
      const half = stepOf(p.places).times(HALF);
      const explained = ends.length === 4 && p.value.plus(half).gte(Dec.min(...ends)) && p.value.minus(half).lte(Dec.max(...ends));
      const shown = e.toDecimalPlaces(p.places, Dec.ROUND_HALF_UP);
      a.findings.push({
        severity: explained ? 'warning' : 'error',
        table: a.layout,
        ...a.loc(row, c),
        rule: 'auto.change-percent',
        message: `${row.label || 'the change'} — ${a.col(c)?.caption || `column ${c + 1}`}: printed ${p.raw}, but ${ch.label} ${show(d.value)} over the year before's ${x.label} ${show(was)} (${show(now.value)} less the change) is ` +
          `${show(e.toDecimalPlaces(p.places + 3, Dec.ROUND_HALF_UP))}%, ${show(shown)}% to the places printed${explained ? ', within what the rounding of the printed figures allows' : ''}`,
        printed: text(p.value),
        expected: text(shown),
        difference: text(p.value.minus(shown)),
      });
    }
  }
  return count;
}
