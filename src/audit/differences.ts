// A column that is the difference of two others (a variance, an over/(under) spend, a rephasing or
// slippage, a remaining budget): which two, and which way round, is learned from the table's own
// lines — outturn − budget or budget − outturn; of several budget columns (PCC budget, operational
// budget, total budget; approved, additions, revised), the one the lines agree with — and then every
// row is checked, so a row printed with the other sign is the one flagged, not every line.
import { type Audit, difference, isDifference, mergedInto, moneyCols, rowsOf } from './context';
import type { FoundTable } from './detect';

export interface DifferenceBasis {
  plus: number;
  minus: number;
  /** lines whose printed figure equals plus − minus exactly (a line whose three figures are all nil says nothing: not counted) */
  agree: number;
  /** of those, lines whose printed difference is not nil (0 = 15,115 − 15,115 fits any column printing nil) */
  solid?: number;
  /** lines that print all three figures, not all nil: the lines that could agree (those that vote) */
  of?: number;
  /** the column prints the size of the difference, |plus − minus| (increase and decrease both positive): see magnitudes() */
  magnitude?: boolean;
  /** with magnitude: the first line that moved the way fewer lines move (where the note is put) */
  turn?: number;
}

/** The rows whose three figures of target = plus − minus a basis is learned from: the lines (or, with none, every row). */
function basisRows(a: Audit): number[] {
  // rows no total adds whose own figures are still related across (a statement's boxes) vote as lines do
  const lines = a.acrossToo.size ? [...new Set([...rowsOf(a, 'line'), ...a.acrossToo])].sort((x, y) => x - y) : rowsOf(a, 'line');
  return lines.length ? lines : rowsOf(a, 'line', 'subtotal', 'total');
}

/**
 * The three printed figures of a row that can vote on a basis: target, plus and minus all readable and
 * not all nil (a line of nils, 0 = 0 − 0, agrees with every basis); undefined otherwise.
 */
function votes(a: Audit, i: number, target: number, plus: number, minus: number) {
  const row = a.t.rows[i];
  const x = a.num(row, target);
  const pp = a.num(row, plus);
  const mm = a.num(row, minus);
  if (!x || !pp || !mm || (x.value.isZero() && pp.value.isZero() && mm.value.isZero())) return undefined;
  // words for a figure ("n/a", "Now included above") show no basis; nor does the line a merged line is now
  // inside (its change is over both lines' last-year figures: see difference in context.ts)
  if (x.notApplicable || pp.notApplicable || mm.notApplicable || mergedInto(a, i, plus, minus)) return undefined;
  return { x, pp, mm };
}

/** The lines that print the three figures of target = plus − minus, not all nil: those that can show a basis. */
export function voters(a: Audit, target: number, plus: number, minus: number): number {
  return basisRows(a).filter((i) => votes(a, i, target, plus, minus)).length;
}

/**
 * Of `rows` (indices into the table's rows), how many print the three figures (`of`), how many of those have
 * `target` = `p` − `m` exactly (`agree`), and how many of those are not nil (`solid`).
 */
function tally(a: Audit, rows: readonly number[], target: number, p: number, m: number): { agree: number; solid: number; of: number } {
  let agree = 0;
  let solid = 0;
  let of = 0;
  for (const i of rows) {
    const v = votes(a, i, target, p, m);
    if (!v) continue;
    of++;
    if (isDifference(v.x, v.pp, v.mm)) {
      agree++;
      if (!v.x.value.isZero()) solid++;
    }
  }
  return { agree, solid, of };
}

/**
 * The pair (plus, minus) among `plus` × `minus` columns, either way round when `eitherWay`, that most
 * of the table's lines show in column `target`; ties go to the earlier pair in the order given.
 * Undefined when no line agrees with any pair.
 */
export function inferDifference(a: Audit, target: number, plus: number[], minus: number[], eitherWay = true): DifferenceBasis | undefined {
  const all = inferFrom(a, target, plus, minus, eitherWay);
  // Its own group first: the columns printed between the previous column of its kind and it ("Year to
  // Date: Budget | Actual | Variance | % — Annual: Budget | Forecast | Variance | %", a monitoring
  // report's month, year-to-date and full-year groups; the first group: every column left of it): a
  // variance compares the budget and the outturn of its own group, which lines of nils (0 = 0 − 0,
  // agreeing with any group) cannot outvote.
  const kind = a.col(target).role;
  const prev = Math.max(-1, ...a.t.columns.filter((c) => c.c < target && c.numeric && !c.percent && (c.role === kind || c.role === 'variance')).map((c) => c.c));
  const inGroup = (c: number) => c > prev && c < target;
  // The group's own captions may not say which is the budget ("Year to Date" over "Budget": read as
  // figures to date): then any two of its columns of money, either way round, as its lines show them.
  const group = a.t.columns.filter((c) => inGroup(c.c) && c.numeric && !c.percent && c.role !== 'variance').map((c) => c.c);
  const named = plus.some(inGroup) && minus.some(inGroup);
  const own = named ? inferFrom(a, target, plus.filter(inGroup), minus.filter(inGroup), eitherWay) : group.length >= 2 ? inferFrom(a, target, group, group, true) : undefined;
  return own && (own.solid ?? 0) > 0 && (!all || own.agree * 2 >= all.agree) ? own : all;
}

function inferFrom(a: Audit, target: number, plus: number[], minus: number[], eitherWay: boolean): DifferenceBasis | undefined {
  const rows = basisRows(a);
  const pairs: [number, number][] = [];
  for (const p of plus) for (const m of minus) {
    if (p === m || p === target || m === target) continue;
    pairs.push([p, m]);
    if (eitherWay) pairs.push([m, p]);
  }
  let best: DifferenceBasis | undefined;
  for (const [p, m] of pairs) {
    const { agree, solid, of } = tally(a, rows, target, p, m);
    if (agree > 0 && (!best || agree > best.agree)) best = { plus: p, minus: m, agree, solid, of };
  }
  return best;
}

/**
 * A difference column printed as MAGNITUDES (T8-54): a parish's "Explanation of variances" prints
 * "Variance £" 808 for 14,204 → 15,012 and 10,934 for 20,456 → 9,522 — increase and decrease both
 * positive. Read signed, the direction most lines take would make every line that moved the other way
 * an error. The column prints its differences as sizes when: no figure of it (line, sub-total or total)
 * is negative; its lines move both ways (exactly plus − minus on some, exactly minus − plus on others,
 * not nil); the fewer direction is not one line among many (two lines at least, or a quarter of the
 * lines that print the three figures); and the size |plus − minus| fits every such line but one at
 * most (a quarter, in a long table). A signed column with one line printed without its minus is the
 * other case: its other lines print minuses, or all move one way. Returns the basis read as sizes, or
 * undefined to keep the signed reading.
 */
export function magnitudes(a: Audit, target: number, b: DifferenceBasis): DifferenceBasis | undefined {
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  // one figure printed negative that fits neither way exactly is a wrong figure among sizes, not a sign convention
  const negative = body.filter((i) => a.num(a.t.rows[i], target)?.value.isNeg());
  if (negative.length > 1) return undefined;
  if (negative.length === 1) {
    const v = votes(a, negative[0], target, b.plus, b.minus);
    if (v && v.x.value.abs().eq(v.pp.value.minus(v.mm.value).abs())) return undefined;
  }
  let fits = 0;
  let of = 0;
  const ups: number[] = [];
  const downs: number[] = [];
  for (const i of basisRows(a)) {
    const v = votes(a, i, target, b.plus, b.minus);
    if (!v) continue;
    of++;
    const d = v.pp.value.minus(v.mm.value);
    if (v.x.value.eq(d.abs())) fits++;
    if (v.x.value.isZero()) continue;
    if (v.x.value.eq(d)) ups.push(i);
    else if (v.x.value.eq(d.neg())) downs.push(i);
  }
  const [up, down] = [ups.length, downs.length];
  const fewer = Math.min(up, down);
  if (fewer < 1 || (fewer < 2 && fewer * 4 < of) || of - fits > Math.max(1, Math.floor(of / 4)) || fits <= b.agree) return undefined;
  return { ...b, agree: fits, solid: up + down, of, magnitude: true, turn: (up < down ? ups : downs)[0] };
}

/** Checks column `target` as plus − minus (or its size, when the basis is read as magnitudes) on every line, sub-total and total, naming the basis in each finding. */
export function checkDifference(a: Audit, target: number, b: DifferenceBasis, rule: string): void {
  const body = a.acrossToo.size ? [...new Set([...rowsOf(a, 'line', 'subtotal', 'total'), ...a.acrossToo])].sort((x, y) => x - y) : rowsOf(a, 'line', 'subtotal', 'total');
  const is = `${a.col(b.plus).caption || `column ${b.plus + 1}`} − ${a.col(b.minus).caption || `column ${b.minus + 1}`}`;
  if (b.magnitude) {
    const first = b.turn ?? body.find((i) => a.num(a.t.rows[i], target)) ?? body[0];
    a.note(a.t.rows[first], target, `${rule}.magnitude`, `${a.col(target).caption || `column ${target + 1}`}: every figure printed without a sign, the lines moving both ways (an increase and a decrease both printed positive): read as the size of the difference, |${is}| (the basis ${b.agree} line(s) agree on; this line moved the way fewer lines did); which way each line moved is not shown, so a sign cannot be checked`);
  }
  difference(a, body, target, b.plus, b.minus, rule, `${b.magnitude ? `|${is}|` : is} (the basis ${b.agree} line(s) agree on) is`, b.agree, b.magnitude);
}

/**
 * What remains of a budget after commitments: a column of what is left printed after another (a
 * capital monitor's "Budget Left | Total Commitment | Budget Left", the second after commitments,
 * U6-18) is the earlier one less a column printed between them, the one its lines show (every line
 * but one at most, one not nil at least); each row then checked, so a line's figure changed and
 * carried into the total is found on its row. Returns the columns so checked.
 */
export function remainingAfter(a: Audit, rule: string): Set<number> {
  const done = new Set<number>();
  const rems = a.t.columns.filter((c) => c.numeric && !c.percent && c.role === 'remaining');
  const money = moneyCols(a.t);
  for (let k = 1; k < rems.length; k++) {
    const [prev, cur] = [rems[k - 1], rems[k]];
    const between = money.filter((c) => c > prev.c && c < cur.c);
    if (!between.length) continue;
    const b = inferFrom(a, cur.c, [prev.c], between, false);
    if (!b || (b.solid ?? 0) < 1 || (b.of ?? 0) - b.agree > 1 || b.agree * 2 <= (b.of ?? 0)) continue;
    checkDifference(a, cur.c, b, rule);
    done.add(cur.c);
  }
  return done;
}

/** A caption naming a level, not a difference: a total, a net figure, a balance. */
const LEVEL = /\btotals?\b|\bnet\b|\bgross\b|\bbalances?\b|\bclosing\b|\bopening\b|\brequirement\b/;

/**
 * Columns that are the difference of two others by their arithmetic alone (T8-51, T8-52): a column
 * whose caption names nothing (lost in a PDF copy: seven captions over nine figure columns) or names no
 * role ("Diff", "Inc/(Dec)" beside figures), printed right of two columns of money whose difference,
 * one way round, it is on every line that prints the three (one line out at most, in eight or more),
 * on three lines at least with a difference that is not nil. Captions are hints; the lines decide.
 * Returns the grid columns so read (to be read as variances).
 */
export function differencesByArithmetic(a: Audit): Set<number> {
  const out = new Set<number>();
  const money = a.t.columns.filter((c) => c.numeric && !c.percent && !c.rate);
  for (const col of money) {
    if (col.role !== 'money' || LEVEL.test(col.norm)) continue;
    const left = money.filter((c) => c.c < col.c && c.role !== 'variance' && !out.has(c.c) && (!c.units || !col.units || c.units === col.units)).map((c) => c.c);
    if (left.length < 2) continue;
    // a column equal to a total less another column is that total's other part (A | Total | B, B = Total − A), not a difference
    const plus = left.filter((c) => !/\btotals?\b/.test(a.col(c).norm));
    // the pair the lines agree with, on three lines at least where neither column is nil (a column less a
    // column of nils is a copy of the first, not a difference: "Projected Expenditure" = "Precept" − "Income" 0.00)
    let found = false;
    // and the later of the two less the earlier: a first column less the second is a total printed before
    // its parts ("Fire and Civil Defence | Fire | Civil Defence"), the third its other part, not a difference
    for (const p of plus) for (const m of left) {
      if (p <= m || found) continue;
      let of = 0;
      let agree = 0;
      let telling = 0;
      for (const i of basisRows(a)) {
        const v = votes(a, i, col.c, p, m);
        if (!v) continue;
        of++;
        if (!isDifference(v.x, v.pp, v.mm)) continue;
        agree++;
        if (!v.x.value.isZero() && !v.pp.value.isZero() && !v.mm.value.isZero()) telling++;
      }
      if (telling >= 3 && of - agree <= (of >= 8 ? 1 : 0)) found = true;
    }
    if (found) out.add(col.c);
  }
  return out;
}

/** The table with the columns found by their arithmetic read as variances. */
export function withArithmeticDifferences(t: FoundTable, cols: ReadonlySet<number>): FoundTable {
  if (!cols.size) return t;
  return { ...t, columns: t.columns.map((c) => (cols.has(c.c) ? { ...c, role: 'variance' } : c)) };
}

/** A heading over the income block and one over the expenditure block of a budget review. */
const INCOME_HEAD = /\b(income|receipts)\b/i;
const SPENDING_HEAD = /\b(expenditure|payments|spending)\b/i;

/**
 * A variance column read FAVOURABLE-POSITIVE (T9-61): a parish's budget review prints its "Difference"
 * as actual − budget on the income lines (more income, good) and budget − actual on the expenditure
 * lines (less spending, good) — one column, two directions, each block agreeing among its own lines.
 * Read with one direction for the whole column, every expenditure line that moved would be an error.
 * When a heading row naming expenditure or payments splits the rows, the rows above it are the income
 * block (a heading naming income or receipts above or inside the table), and each block's lines agree
 * on the opposite pair of columns (two lines at least, not nil, in each; no more than one line of a
 * block against it), the blocks are checked each with its own direction. Undefined otherwise.
 */
export function favourableBlocks(a: Audit, target: number, b: DifferenceBasis): { rows: number[]; basis: DifferenceBasis; block: string }[] | undefined {
  const rows = a.t.rows;
  const g = a.t.grid;
  // the text of a grid row's cells (a heading may stand in the code column, or be a row the table skipped)
  const words = (r: number) => (g.cells[r] ?? []).slice(a.t.c0, a.t.c1 + 1).map((x) => (typeof x === 'string' ? x : '')).join(' ');
  const heading = (r: number, re: RegExp) => re.test(words(r)) && !(g.cells[r] ?? []).some((x) => typeof x === 'number' || /\d/.test(String(x ?? '').replace(/\(?(19|20)\d\d/g, '')));
  // the first row of the expenditure block: under a heading naming expenditure (its own row, or a grid row between two table rows)
  let split = -1;
  for (let i = 1; i < rows.length && split < 0; i++) {
    for (let r = rows[i - 1].r + 1; r <= rows[i].r && split < 0; r++) {
      if (heading(r, SPENDING_HEAD) && !INCOME_HEAD.test(words(r))) split = r === rows[i].r ? i + 1 : i;
    }
  }
  if (split < 0 || split >= rows.length) return undefined;
  let income = false;
  const top = Math.max(0, (a.t.headerRows[0] ?? a.t.r0) - 4);
  for (let r = top; r < rows[split].r && !income; r++) income = heading(r, INCOME_HEAD) && !SPENDING_HEAD.test(words(r));
  if (!income) return undefined;
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  const lines = rowsOf(a, 'line');
  const count = (block: number[], p: number, m: number) => tally(a, block, target, p, m);
  const upper = lines.filter((i) => i < split);
  const lower = lines.filter((i) => i >= split);
  // which of the two directions each block takes: the table's learned one in one block, its reverse in the other
  for (const [first, second] of [[b.plus, b.minus], [b.minus, b.plus]] as const) {
    const u = count(upper, first, second);
    const l = count(lower, second, first);
    const fits = (x: { agree: number; solid: number; of: number }) => x.solid >= 2 && x.of - x.agree <= 1;
    if (!fits(u) || !fits(l)) continue;
    return [
      { rows: body.filter((i) => i < split), basis: { plus: first, minus: second, agree: u.agree, solid: u.solid, of: u.of }, block: 'income' },
      { rows: body.filter((i) => i >= split), basis: { plus: second, minus: first, agree: l.agree, solid: l.solid, of: l.of }, block: 'expenditure' },
    ];
  }
  return undefined;
}

/** Checks column `target` as plus − minus on the rows of one block, naming the block and its basis (see favourableBlocks). */
export function checkBlockDifference(a: Audit, target: number, rows: number[], b: DifferenceBasis, block: string, rule: string): void {
  const is = `${a.col(b.plus).caption || `column ${b.plus + 1}`} − ${a.col(b.minus).caption || `column ${b.minus + 1}`}`;
  difference(a, rows, target, b.plus, b.minus, rule, `on the ${block} lines (favourable positive: the basis ${b.agree} ${block} line(s) agree on), ${is} is`, b.agree);
}
