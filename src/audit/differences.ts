// A column that is the difference of two others (a variance, an over/(under) spend, a rephasing or
// slippage, a remaining budget): which two, and which way round, is learned from the table's own
// lines — outturn − budget or budget − outturn; of several budget columns (PCC budget, operational
// budget, total budget; approved, additions, revised), the one the lines agree with — and then every
// row is checked, so a row printed with the other sign is the one flagged, not every line.
import { type Audit, difference, isDifference, moneyCols, rowsOf } from './context';

export interface DifferenceBasis {
  plus: number;
  minus: number;
  /** lines whose printed figure equals plus − minus exactly (a line whose three figures are all nil says nothing: not counted) */
  agree: number;
  /** of those, lines whose printed difference is not nil (0 = 15,115 − 15,115 fits any column printing nil) */
  solid?: number;
  /** lines that print all three figures, not all nil: the lines that could agree (those that vote) */
  of?: number;
}

/** The rows whose three figures of target = plus − minus a basis is learned from: the lines (or, with none, every row). */
function basisRows(a: Audit): number[] {
  const lines = rowsOf(a, 'line');
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
  return { x, pp, mm };
}

/** The lines that print the three figures of target = plus − minus, not all nil: those that can show a basis. */
export function voters(a: Audit, target: number, plus: number, minus: number): number {
  return basisRows(a).filter((i) => votes(a, i, target, plus, minus)).length;
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
    if (agree > 0 && (!best || agree > best.agree)) best = { plus: p, minus: m, agree, solid, of };
  }
  return best;
}

/** Checks column `target` as plus − minus on every line, sub-total and total, naming the basis in each finding. */
export function checkDifference(a: Audit, target: number, b: DifferenceBasis, rule: string): void {
  const body = a.acrossToo.size ? [...new Set([...rowsOf(a, 'line', 'subtotal', 'total'), ...a.acrossToo])].sort((x, y) => x - y) : rowsOf(a, 'line', 'subtotal', 'total');
  difference(a, body, target, b.plus, b.minus, rule, `${a.col(b.plus).caption || `column ${b.plus + 1}`} − ${a.col(b.minus).caption || `column ${b.minus + 1}`} (the basis ${b.agree} line(s) agree on) is`, b.agree);
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
