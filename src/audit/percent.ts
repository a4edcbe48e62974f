// Percentages: recomputed on the basis most rows agree on.
import { Dec, text } from '../base/decimal';
import type { Column, TableRow } from './detect';
import type { Audit } from './context';
import { type Num, show } from './findings';
import { stepOf } from './grid';

// ---------- percentages: recomputed on the basis most rows agree on ----------

interface Basis {
  num: number;
  den: number;
  scale: Dec;
}

function percentAgrees(p: Num, expected: Dec): boolean {
  return p.value.minus(expected).abs().lte(stepOf(p.places).div(2));
}

export function checkPercent(a: Audit, pct: Column, candidates: { num: number; den: number }[], rows: number[], rule: string): void {
  const bases: Basis[] = [];
  for (const cand of candidates) for (const scale of [new Dec(1), new Dec(100)]) bases.push({ ...cand, scale });
  const expectedOf = (b: Basis, row: TableRow, p: Num): Dec | undefined => {
    const n = a.num(row, b.num);
    const d = a.num(row, b.den);
    if (!n || !d || d.value.isZero()) return undefined;
    // A figure printed with its % sign is a percentage whatever the basis; a typed one may be a fraction.
    const scale = p.percent ? new Dec(100) : b.scale;
    return n.value.div(d.value).times(scale);
  };
  let best: Basis | undefined;
  let bestAgree = 0;
  for (const b of bases) {
    let agree = 0;
    for (const i of rows) {
      const row = a.t.rows[i];
      const p = a.num(row, pct.c);
      if (!p) continue;
      const e = expectedOf(b, row, p);
      if (e !== undefined && percentAgrees(p, e)) agree++;
    }
    if (agree > bestAgree) {
      best = b;
      bestAgree = agree;
    }
  }
  if (!best) return;
  const basis = best;
  for (const i of rows) {
    const row = a.t.rows[i];
    const p = a.num(row, pct.c);
    if (!p) continue;
    const e = expectedOf(basis, row, p);
    if (e === undefined || percentAgrees(p, e)) continue;
    const shown = e.toDecimalPlaces(p.places, Dec.ROUND_HALF_UP);
    const diff = p.value.minus(shown);
    const truncated = e.toDecimalPlaces(p.places, Dec.ROUND_DOWN).eq(p.value);
    a.findings.push({
      severity: 'error',
      table: a.layout,
      cell: a.where(row, pct.c),
      rule,
      message: `${a.describe(row, pct.c)}: printed ${p.raw}, but ${a.col(basis.num).caption} / ${a.col(basis.den).caption}` +
        ` (the basis ${bestAgree} row(s) agree on) is ${show(e.toDecimalPlaces(p.places + 3, Dec.ROUND_HALF_UP))}, ${show(shown)} to the places printed` +
        `${truncated ? ' (the printed figure is truncated, not rounded)' : ''}`,
      printed: text(p.value),
      expected: text(shown),
      difference: text(diff),
    });
  }
}
