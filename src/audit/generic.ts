// Any other table: its totals cast, its variance and percentage columns recomputed.
import { castBlocks } from './casting';
import { type Audit, difference, moneyCols, rowsOf } from './context';
import { place } from './grid';
import { checkPercent } from './percent';

export function genericRules(a: Audit): boolean {
  const t = a.t;
  const money = moneyCols(t);
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  const hasTotals = a.kinds.some((k) => k === 'subtotal' || k === 'total');
  castBlocks(a, money, 'auto.cast');
  const variances = t.columns.filter((c) => c.numeric && !c.percent && c.role === 'variance');
  for (const v of variances) {
    // The pair of other columns whose difference most rows show is where the variance comes from.
    const others = money.filter((c) => c !== v.c && a.col(c).role !== 'variance');
    let best: [number, number] | undefined;
    let bestScore = 0;
    const preferred = (p: number, m: number) => (['outturn'].includes(a.col(p).role) ? 1 : 0) + (['revised', 'original'].includes(a.col(m).role) ? 1 : 0);
    for (const p of others) for (const m of others) {
      if (p === m) continue;
      let score = 0;
      for (const i of body) {
        const row = t.rows[i];
        const x = a.num(row, v.c);
        const pp = a.num(row, p);
        const mm = a.num(row, m);
        if (x && pp && mm && pp.value.minus(mm.value).eq(x.value)) score++;
      }
      if (score > bestScore || (score === bestScore && score > 0 && best && preferred(p, m) > preferred(...best))) {
        best = [p, m];
        bestScore = score;
      }
    }
    if (!best) {
      // No row agrees either way round: the headers may still say which columns it comes from.
      const o = others.find((c) => a.col(c).role === 'outturn');
      const r = others.find((c) => a.col(c).role === 'revised' || a.col(c).role === 'original');
      if (o !== undefined && r !== undefined) best = [o, r];
      else if (others.length >= 2) {
        a.findings.push({
          severity: 'warning',
          table: a.layout,
          cell: place(t.grid, t.headerRows[t.headerRows.length - 1] ?? t.r0, v.c, v.caption),
          rule: 'auto.variance',
          message: `${v.caption}: no row equals the difference of any two other columns, either way round`,
        });
      }
    }
    if (best) {
      const [p, m] = best;
      difference(a, body, v.c, p, m, 'auto.variance', `${a.col(p).caption} − ${a.col(m).caption} (the basis ${bestScore} row(s) agree on) is`);
    }
  }
  const pcts = t.columns.filter((c) => c.numeric && c.percent);
  for (const pct of pcts) {
    const cands: { num: number; den: number }[] = [];
    for (const n of money) for (const d of money) if (n !== d) cands.push({ num: n, den: d });
    checkPercent(a, pct, cands, body, 'auto.percent');
  }
  return hasTotals || variances.length > 0 || pcts.length > 0;
}
