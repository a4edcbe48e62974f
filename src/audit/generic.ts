// Any other table: its totals cast, its variance and percentage columns recomputed.
import { castBlocks } from './casting';
import { type Audit, moneyCols, rowsOf } from './context';
import { checkDifference, inferDifference } from './differences';
import { locate } from './grid';
import { checkPercent } from './percent';

export function genericRules(a: Audit): boolean {
  const t = a.t;
  const money = moneyCols(t);
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  const hasTotals = a.kinds.some((k) => k === 'subtotal' || k === 'total');
  castBlocks(a, money, 'auto.cast');
  // Columns that are the difference of two others: variance, over/(under) spend, rephasing, slippage, remaining.
  const DIFFS = ['variance', 'reprofile', 'remaining'];
  const variances = t.columns.filter((c) => c.numeric && !c.percent && DIFFS.includes(c.role));
  for (const v of variances) {
    const others = money.filter((c) => c !== v.c && !DIFFS.includes(a.col(c).role));
    const first = (roles: string[]) => [...others.filter((c) => roles.includes(a.col(c).role)), ...others.filter((c) => !roles.includes(a.col(c).role))];
    let best = inferDifference(a, v.c, first(['outturn', 'to_date']), first(['revised', 'original']));
    if (!best) {
      // No line agrees either way round: the headers may still say which columns it comes from.
      const o = others.find((c) => a.col(c).role === 'outturn');
      const r = others.find((c) => a.col(c).role === 'revised' || a.col(c).role === 'original');
      if (o !== undefined && r !== undefined && v.role === 'variance') best = { plus: o, minus: r, agree: 0 };
      else if (others.length >= 2) {
        a.findings.push({
          severity: 'note',
          table: a.layout,
          ...locate(t.grid, t.headerRows[t.headerRows.length - 1] ?? t.r0, v.c, v.caption),
          rule: 'auto.variance.no-basis',
          message: `${v.caption}: no line equals the difference of any two other columns, either way round; not checked`,
        });
      }
    }
    if (best) checkDifference(a, v.c, best, 'auto.variance');
  }
  const pcts = t.columns.filter((c) => c.numeric && c.percent);
  for (const pct of pcts) {
    const cands: { num: number; den: number }[] = [];
    for (const n of money) for (const d of money) if (n !== d) cands.push({ num: n, den: d });
    checkPercent(a, pct, cands, body, 'auto.percent');
  }
  return hasTotals || variances.length > 0 || pcts.length > 0;
}
