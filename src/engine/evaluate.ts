// Evaluates every derived figure of a set of tables under a rounding policy.
//  exact:  from the exact inputs (pennies kept), the true figure;
//  shown:  what the table displays — round-then-sum rounds each input line, then forms every
//          derived figure from the rounded lines (so totals cast); round-each rounds every figure
//          independently from its exact value (as Excel's display format does);
//  stored: what a cell holds so that the sheet's own formulas reproduce `shown` on screen —
//          the shown figures under round-then-sum, the exact ones under round-each.
import { invariant } from '../base/invariant';
import { Dec, ZERO, round, text } from '../base/decimal';
import type { CellRef, Derivation, Figure, Finding, RoundingPolicy, Table, TableId } from './model';
import { isFigure } from './model';

type Which = 'exact' | 'shown' | 'stored';

export function evaluate(tables: Table[], policy: RoundingPolicy): Finding[] {
  const byId = new Map<TableId, Table>(tables.map((t) => [t.id, t]));
  const done = new Map<Figure, Set<Which>>();
  const visiting = new Set<Figure>();

  const figureAt = (ref: CellRef): Figure => {
    const cell = byId.get(ref.t)?.rows[ref.r]?.cells[ref.c];
    invariant(cell && isFigure(cell), () => `derivation refers to ${ref.t}[${ref.r},${ref.c}], which is not a figure`);
    return cell;
  };

  const apply = (d: Derivation, dp: number, get: (r: CellRef) => Dec): Dec => {
    switch (d.op) {
      case 'sum':
        // `minus`: rows counted against the sum (income typed positive, issue 11)
        return (d.minus ?? []).reduce((acc, r) => acc.minus(get(r)), d.of.reduce((acc, r) => acc.plus(get(r)), ZERO));
      case 'diff':
        return get(d.a).minus(get(d.b));
      case 'ratio': {
        const den = get(d.den);
        return den.isZero() ? ZERO : round(get(d.num).div(den), dp);
      }
      case 'cover': {
        const change = get(d.change);
        return change.isNeg() && !change.isZero() ? round(get(d.balance).div(change.neg()), dp) : ZERO;
      }
      case 'pos':
        return Dec.max(ZERO, d.neg ? get(d.a).neg() : get(d.a));
    }
  };

  const value = (f: Figure, which: Which): Dec => {
    if (done.get(f)?.has(which)) return f[which];
    if (!f.derivation) {
      if (which === 'shown') f.shown = round(f.exact, f.dp);
      if (which === 'stored') f.stored = policy === 'round-then-sum' ? value(f, 'shown') : f.exact;
    } else {
      invariant(!visiting.has(f), 'circular derivation');
      visiting.add(f);
      const d = f.derivation;
      if (which === 'exact') f.exact = apply(d, f.dp, (r) => value(figureAt(r), 'exact'));
      if (which === 'stored') f.stored = apply(d, f.dp, (r) => value(figureAt(r), 'stored'));
      if (which === 'shown') {
        f.shown = policy === 'round-then-sum'
          ? apply(d, f.dp, (r) => value(figureAt(r), 'shown'))
          : round(value(f, 'exact'), f.dp);
      }
      visiting.delete(f);
    }
    if (!done.has(f)) done.set(f, new Set());
    done.get(f)!.add(which);
    return f[which];
  };

  const findings: Finding[] = [];
  for (const t of tables) {
    t.rows.forEach((row, r) => {
      row.cells.forEach((cell, c) => {
        if (!isFigure(cell)) return;
        value(cell, 'exact');
        value(cell, 'shown');
        value(cell, 'stored');
        const d = cell.derivation;
        if (!d || d.op === 'ratio' || d.op === 'cover' || d.op === 'pos') return;
        const column = t.columns[c].header.filter(Boolean).join(' ');
        if (policy === 'round-each') {
          // The displayed figure against the same sum formed from the displayed lines.
          const fromShown = apply(d, cell.dp, (ref) => value(figureAt(ref), 'shown'));
          if (!fromShown.eq(cell.shown)) {
            findings.push({
              severity: 'warning',
              table: t.id,
              rule: 'rounding.cast',
              message: `${row.label}, ${column}: the displayed figure does not ${d.op === 'sum' ? 'cast with' : 'agree with'} its displayed lines (figures rounded independently)`,
              expected: text(fromShown),
              actual: text(cell.shown),
              difference: text(cell.shown.minus(fromShown)),
              at: { r, c },
            });
          }
        } else if (d.op === 'sum' && d.of.length + (d.minus?.length ?? 0) > 1) {
          const exactShown = round(cell.exact, cell.dp);
          if (!exactShown.eq(cell.shown)) {
            findings.push({
              severity: 'note',
              table: t.id,
              rule: 'rounding.difference',
              message: `${row.label}, ${column}: sum of the rounded lines differs from the exact total by ${text(cell.shown.minus(cell.exact))} (rounding difference)`,
              expected: text(exactShown),
              actual: text(cell.shown),
              difference: text(cell.shown.minus(exactShown)),
              at: { r, c },
            });
          }
        }
      });
    });
  }
  return findings;
}
