// A cash book, a bank statement or a reserve ledger: a column of balances run down the rows, each the
// balance above less the row's payments plus its receipts ("Date | Description | Payments | Receipts |
// Balance", no totals: Shirley Parish Council's general account, session-10 trial T10-57). An auditor
// rolls the balance down the page; a wrong balance breaks the row into it and the row out of it.
import type { Dec } from '../base/decimal';
import { type At, type Audit, rowsOf } from './context';
import type { Column } from './detect';

/** The caption of a column of running balances. */
const BALANCE_COLUMN = /\bbalances?\b|\brunning\b|\bcumulative\b|\bto date\b/;
/** A caption of the other kinds of column a ledger prints (opening or closing balances of each row: rollAlongRows). */
const NOT_RUNNING = /\bopening\b|\bclosing\b|\bb\s*\/\s*f\b|\bc\s*\/\s*f\b|\bbrought\b|\bcarried\b|\bbudget\b|\bvariance\b/;

/**
 * A column of balances run down the rows (`….running-balance`): in a table of no statutory layout, a
 * money column captioned as a balance ("Balance", "Running balance", "Cumulative") to the right of one
 * to three other money columns (its movements: payments and receipts, debit and credit, out and in),
 * each added or subtracted — the signs the consecutive rows agree with exactly (each row's balance =
 * the balance of the row above ± its movements), on three pairs at least and more than three quarters
 * of the pairs whose movements are not all nil. Every pair of consecutive lines printing a balance is
 * then checked at the lower balance (within the rounding of the printed figures, a warning). The first
 * row (a balance brought forward) has no balance above it: not checked. Returns how many rows were rolled.
 */
export function runningBalances(a: Audit, rule: string): number {
  if (a.layout !== 'auto') return 0;
  const money = a.t.columns.filter((c) => c.numeric && !c.percent && !c.rate);
  const rows = a.t.rows;
  let n = 0;
  for (const [k, bal] of money.entries()) {
    if (!BALANCE_COLUMN.test(bal.norm) || NOT_RUNNING.test(bal.norm)) continue;
    const moves: Column[] = money.slice(Math.max(0, k - 3), k).filter((m) => !BALANCE_COLUMN.test(m.norm));
    if (!moves.length) continue;
    const body = rowsOf(a, 'line', 'subtotal', 'total').filter((i) => a.num(rows[i], bal.c) && a.kinds[i] === 'line');
    if (body.length < 4) continue;
    const pairs = body.slice(1).map((i, j) => [body[j], i] as const);
    /** the balance above ± row i's movements, with the signs of `signs` (bit j set: movement j subtracted) */
    const rolled = (p: number, i: number, signs: number): Dec | undefined => {
      let v: Dec | undefined = a.num(rows[p], bal.c)!.value;
      for (const [j, m] of moves.entries()) {
        const x = a.value(rows[i], m.c);
        if (x === undefined) return undefined;
        v = signs & (1 << j) ? v.minus(x) : v.plus(x);
      }
      return v;
    };
    const voters = pairs.filter(([, i]) => moves.some((m) => !(a.value(rows[i], m.c)?.isZero() ?? true)));
    let best = -1;
    let bestAgree = 0;
    for (let signs = 0; signs < 1 << moves.length; signs++) {
      const agree = voters.filter(([p, i]) => rolled(p, i, signs)?.eq(a.num(rows[i], bal.c)!.value)).length;
      if (agree > bestAgree) {
        best = signs;
        bestAgree = agree;
      }
    }
    if (best < 0 || bestAgree < 3 || bestAgree * 4 <= voters.length * 3) continue;
    const how = moves.map((m, j) => `${best & (1 << j) ? '−' : '+'} ${m.caption || `column ${m.c + 1}`}`).join(' ');
    const what = `the ${bal.caption || 'balance'} of the row above ${how} (a running balance: ${bestAgree} of ${voters.length} row(s) that move it agree) is`;
    for (const [p, i] of pairs) {
      const v = rolled(p, i, best);
      if (v === undefined) continue;
      n++;
      a.check(rows[i], bal.c, v, [[rows[p], bal.c], ...moves.map((m, j): At => [rows[i], m.c, best & (1 << j) ? -1 : 1])], rule, what);
    }
  }
  return n;
}
