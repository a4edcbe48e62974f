// The one figure two failing checks share: where an auditor points when a line's row relation and its
// column's total are both out by the same amount.
import { Dec, text } from '../base/decimal';
import { type At, type Audit, type Failed, categoryOf } from './context';
import { type AuditFinding, type Num, isNum, severityOf, show } from './findings';

/** A failing check read as a linear relation: the coefficient with which each cell it uses moves its difference. */
interface Linear {
  failed: Failed;
  /** printed − recomputed */
  diff: Dec;
  /** what the printed rounding allows it */
  tolerance: Dec;
  /** cell key → [the cell, coefficient]: +1 for the figure compared, −sign for a figure it is recomputed from */
  cells: Map<string, [At, number]>;
}

/** The nil a check compares with when it prints no figure of its own (transfers between reserves net to nil), to the places of its figures. */
const nil = (places: number): Num => ({ kind: 'number', value: new Dec(0), places, dash: false, percent: false, negativeZero: false, typed: true, raw: '0' });

/** More failing checks than this in one table: no pairing is tried (a table this far out says no one figure). */
const MOST = 200;

/**
 * A printed figure x too high moves the difference of every check using it by its coefficient × x:
 * the figure compared (a total, a net, a closing balance) by +x, a figure added into it by −x, a
 * figure subtracted by +x. So when two checks fail by errors and the only cell they share, changed by
 * one amount, would make both agree (within the rounding each allows), that cell is the printed error:
 * Kilkenny's Roads gross, 50,000 over, breaks its row's net = gross − income and the gross column's
 * total, and is the one figure both use (session-6 trial T6-09; T6-104 on capital tables; T6-11's
 * "(d)=(b)+(c)" and "(e)=(a)+(d)" on one row). The error is raised at that cell; the checks it
 * explains stay in the report as notes that name it, so each wrong figure is one error, where it is.
 * A check whose candidates point to two different cells explains nothing here (two errors, or one
 * that cannot be placed); a check whose recorded figures do not give its difference (a stepped or
 * scaled reading) is left as it is.
 */
export function locateShared(a: Audit): void {
  const failing = a.failed.filter((f) => f.finding.severity === 'error');
  if (failing.length < 2 || failing.length > MOST) return;
  const linear = failing.map((f) => asLinear(a, f)).filter((l): l is Linear => l !== undefined);
  // For each check, the cells it could share with another: cell key → the other checks and the amount.
  const found = new Map<Linear, Map<string, Linear[]>>();
  const add = (l: Linear, key: string, other: Linear) => {
    let m = found.get(l);
    if (!m) found.set(l, (m = new Map()));
    m.set(key, [...(m.get(key) ?? []), other]);
  };
  for (let i = 0; i < linear.length; i++) {
    for (let j = i + 1; j < linear.length; j++) {
      const [x, y] = linear[i].cells.size <= linear[j].cells.size ? [linear[i], linear[j]] : [linear[j], linear[i]];
      let shared: string | undefined;
      let count = 0;
      for (const k of x.cells.keys()) {
        if (y.cells.has(k)) {
          shared = k;
          if (++count > 1) break;
        }
      }
      if (count !== 1 || shared === undefined) continue;
      const ax = amount(x, shared);
      const ay = amount(y, shared);
      if (ax.isZero() || ay.isZero() || ax.isNeg() !== ay.isNeg()) continue;
      if (ax.minus(ay).abs().gt(Dec.min(x.tolerance, y.tolerance))) continue;
      add(x, shared, y);
      add(y, shared, x);
    }
  }
  // A check that could be explained by two different cells is explained by neither.
  const byCell = new Map<string, Set<Linear>>();
  for (const [l, m] of found) {
    if (m.size !== 1) continue;
    const [key, others] = [...m][0];
    const clear = others.filter((o) => found.get(o)!.size === 1);
    if (!clear.length) continue;
    let s = byCell.get(key);
    if (!s) byCell.set(key, (s = new Set()));
    s.add(l);
  }
  for (const [key, group] of byCell) {
    if (group.size < 2) continue;
    const checks = [...group];
    const [row, c] = checks[0].cells.get(key)![0];
    const printed = a.num(row, c);
    if (!printed) continue;
    // The amount from the check the printed rounding constrains most (a row of three figures before a column of ten).
    const best = checks.reduce((p, q) => (q.tolerance.lt(p.tolerance) ? q : p));
    const x = amount(best, key);
    const loc = a.loc(row, c);
    const at = (f: AuditFinding) => f.row === loc.row && f.column === loc.column && (f.sheet ?? '') === (loc.sheet ?? '');
    const name = (l: Linear) => `${WHAT[categoryOf(l.failed.finding.rule)]} at ${l.failed.finding.cell} (difference ${show(l.diff)})`;
    const expected = printed.value.minus(x);
    const already = a.findings.find((f) => at(f) && f.severity === 'error');
    const elsewhere = checks.filter((l) => !at(l.failed.finding));
    if (!elsewhere.length) continue;
    const here = `${a.describe(row, c)} (${loc.cell})`;
    for (const l of elsewhere) {
      const f = l.failed.finding;
      const rest = l.diff.minus(l.cells.get(key)![1] === 1 ? x : x.neg());
      f.severity = 'note';
      f.rule = `${f.rule}.explained`;
      f.message += `; explained by ${here}, printed ${show(x.abs())} too ${x.isNeg() ? 'low' : 'high'} — the one figure this check shares with ${checks.filter((o) => o !== l).map(name).join(' and ')}; it is the error${rest.isZero() ? '' : ` (with it right, ${show(rest)} is left here, within the rounding of the printed figures)`}`;
    }
    if (already) {
      already.message += `; it is also the one figure ${elsewhere.map(name).join(' and ')} share${elsewhere.length === 1 ? 's' : ''} with this check, each out by as much: those are its consequences (notes)`;
      continue;
    }
    a.findings.push({
      severity: 'error',
      table: a.layout,
      ...loc,
      rule: `${a.layout}.shared-figure`,
      message: `${a.describe(row, c)}: printed ${show(printed.value)}, but ${show(expected)} makes both ${checks.map(name).join(' and ')} agree: it is the one figure they share, so the printed error is here, ${show(x.abs())} too ${x.isNeg() ? 'low' : 'high'}; those checks are its consequences (notes)`,
      printed: text(printed.value),
      expected: text(expected),
      difference: text(x),
    });
  }
}

const WHAT: Record<ReturnType<typeof categoryOf>, string> = {
  totals: 'the total',
  crossCasts: 'the cross-cast',
  variances: 'the difference',
  percentages: 'the percentage',
  rollForwards: 'the roll-forward',
};

/** The amount the shared cell is printed too high by, as one check sees it: its difference over the cell's coefficient. */
function amount(l: Linear, key: string): Dec {
  const k = l.cells.get(key)![1];
  return k === 1 ? l.diff : l.diff.neg();
}

function asLinear(a: Audit, f: Failed): Linear | undefined {
  const printed = f.at ? a.num(f.at[0], f.at[1]) : nil(Math.max(0, ...f.terms.map((t) => a.num(t[0], t[1])?.places ?? 0)));
  if (!printed || f.finding.difference === undefined) return undefined;
  const cells = new Map<string, [At, number]>();
  const put = (at: At, k: number) => {
    const l = a.loc(at[0], at[1]);
    const key = `${l.row}:${l.column}`;
    const was = cells.get(key);
    cells.set(key, [at, (was?.[1] ?? 0) + k]);
  };
  if (f.at) put(f.at, 1);
  let expected = new Dec(0);
  for (const t of f.terms) {
    const v = a.value(t[0], t[1]);
    if (v === undefined) return undefined;
    const s = t[2] ?? 1;
    expected = expected.plus(v.times(s));
    put(t, -s);
  }
  const diff = printed.value.minus(expected);
  // Only a check whose recorded figures give its difference is read as linear in them.
  if (!diff.eq(new Dec(f.finding.difference))) return undefined;
  for (const [k, [, coef]] of cells) if (coef !== 1 && coef !== -1) cells.delete(k);
  for (const [k, [at]] of cells) if (!isNum(a.at(at[0], at[1]))) cells.delete(k);
  const { tolerance } = severityOf(diff, printed, f.terms.map((t) => a.at(t[0], t[1])));
  return { failed: f, diff, tolerance, cells };
}
