// The statutory layouts: revenue outturn (Table 1), the forecast build-up (1a), capital outturn (Table 2).
import { Dec, sum, text } from '../base/decimal';
import type { Column } from './detect';
import { castBlocks } from './casting';
import { type At, type Audit, difference, moneyCols, rowsOf } from './context';
import { show } from './findings';
import { checkPercent } from './percent';
import { checkDifference, inferDifference, remainingAfter } from './differences';

export function revenueRules(a: Audit): void {
  const [revised] = a.cols('revised');
  const [outturn] = a.cols('outturn');
  const budgets0 = [...a.cols('revised'), ...a.cols('original')].map((c) => c.c);
  const outturns = a.cols('outturn').map((c) => c.c);
  // Of several variance columns, the outturn's is the one whose lines show a difference that is not
  // nil (a "Forecast Variance Month 9" column of nils beside "Provisional Variance" is another
  // period's); when none does, the first printed after an outturn column (a variance follows what it compares).
  const solidOf = (v: Column) => (revised && outturn ? inferDifference(a, v.c, outturns, budgets0)?.solid ?? 0 : 0);
  const after = (v: Column) => (outturns.some((o) => o < v.c) ? 1 : 0);
  const variances = a.cols('variance');
  const variance = variances.length > 1
    ? variances.reduce((x, y) => (solidOf(y) > solidOf(x) || (solidOf(y) === solidOf(x) && after(y) > after(x)) ? y : x))
    : variances[0];
  const [original] = a.cols('original');
  const [virement] = a.cols('virement');
  const [pct] = a.cols('pct');
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  // The variance's direction and its budget column, as the lines show them (outturn − revised budget by default).
  const budgets = [...a.cols('revised'), ...a.cols('original')].map((c) => c.c);
  const basis = variance && revised && outturn ? inferDifference(a, variance.c, a.cols('outturn').map((c) => c.c), budgets) : undefined;
  if (basis && !(basis.plus === outturn.c && basis.minus === revised.c)) checkDifference(a, variance.c, basis, 'revenue.variance');
  else if (variance && revised && outturn) difference(a, body, variance.c, outturn.c, revised.c, 'revenue.variance', 'outturn − revised budget is', basis?.agree);
  if (virement && revised && original) difference(a, body, virement.c, revised.c, original.c, 'revenue.virement', 'revised − original budget is');
  castBlocks(a, moneyCols(a.t), 'revenue.cast');
  const budgetOf = (b: { plus: number; minus: number }) => (budgets.includes(b.minus) ? b.minus : b.plus);
  const budget = basis ? budgetOf(basis) : revised?.c;
  // Each variance column has its own budget ("Variation to Original …", "Variation to Latest …"), and
  // each percentage column is the variance printed left of it over that variance's budget.
  const bases = new Map<number, number>();
  if (variance && budget !== undefined) bases.set(variance.c, budget);
  for (const v of variances.filter((x) => x !== variance)) {
    const b = outturn ? inferDifference(a, v.c, a.cols('outturn').map((c) => c.c), budgets) : undefined;
    // Another variance column no line with a difference agrees with (each of its lines nil, or none
    // equal to an outturn − a budget): of another period or basis; said, not checked.
    if (!b || !b.solid) {
      a.note(a.t.rows[body[0] ?? 0], v.c, 'revenue.variance.other-basis', `${v.caption}: no line with a difference that is not nil equals an outturn − a budget printed here, either way round (another period's or basis' variance); not checked`);
      continue;
    }
    checkDifference(a, v.c, b, 'revenue.variance');
    bases.set(v.c, budgetOf(b));
  }
  for (const p of a.cols('pct')) {
    const left = [...bases.keys()].filter((c) => c < p.c);
    const v = left.length ? Math.max(...left) : p === pct ? variance?.c : undefined;
    if (v !== undefined && bases.has(v)) checkPercent(a, p, [{ num: v, den: bases.get(v)! }], body, 'revenue.variance-percent', true);
  }

  const rows = a.t.rows;
  if (variance) {
    const tu = rowsOf(a, 'total_underspend')[0];
    if (tu !== undefined) {
      let total = -1;
      for (let i = 0; i < tu; i++) if (a.kinds[i] === 'total') total = i;
      const parts = [...(total >= 0 ? [total] : []), ...rowsOf(a, 'adjustment').filter((i) => i > total && i < tu)];
      const vals = parts.map((i) => a.value(rows[i], variance.c));
      if (parts.length && !vals.some((v) => v === undefined)) {
        a.check(rows[tu], variance.c, sum(vals as Dec[]), parts.map((i): At => [rows[i], variance.c]), 'revenue.total-underspend',
          `the total's variance and the adjustments after it add up to`);
      }
      const net = rowsOf(a, 'net_underspend').find((i) => i > tu);
      if (net !== undefined) {
        const np = [tu, ...withoutSubtotals(a, rowsOf(a, 'earmarked').filter((i) => i > tu && i < net), variance.c)];
        const nv = np.map((i) => a.value(rows[i], variance.c));
        if (!nv.some((v) => v === undefined)) {
          a.check(rows[net], variance.c, sum(nv as Dec[]), np.map((i): At => [rows[i], variance.c]), 'revenue.net-underspend',
            'the total underspend and the earmarked amounts add up to');
        }
      }
    }
  }
  // Virements move budget between headings: the total stays unless the budget requirement changed.
  const total = rowsOf(a, 'total')[0];
  if (total !== undefined && revised && original) {
    const o = a.num(rows[total], original.c);
    const r = a.num(rows[total], revised.c);
    if (o && r && !o.value.eq(r.value)) {
      a.findings.push({
        severity: 'note',
        table: a.layout,
        ...a.loc(rows[total], revised.c),
        rule: 'revenue.budget-requirement',
        message: `${rows[total].label}: the total revised budget (${show(r.value)}) differs from the total original budget (${show(o.value)}) by ${show(r.value.minus(o.value))}: a change in the budget requirement, which the report should explain`,
        printed: text(r.value),
        expected: text(o.value),
        difference: text(r.value.minus(o.value)),
      });
    }
  }
}

/**
 * The earmarked rows without their own sub-total (issue 11): a bold row whose variance is the sum of
 * the rows directly above it (one or more, back to the last such row) closes them and is not added again,
 * whatever its label ("Total" is read as a total already; "Earmarked underspends" is not).
 */
function withoutSubtotals(a: Audit, rows: number[], c: number): number[] {
  const out: number[] = [];
  let block: number[] = [];
  for (const i of rows) {
    const row = a.t.rows[i];
    const v = a.value(row, c);
    // The run it closes: the rows directly above it (one or more, back to the last sub-total).
    let run: number | undefined;
    if (row.bold && v !== undefined) {
      let acc = new Dec(0);
      for (let k = block.length - 1; k >= 0; k--) {
        const x = a.value(a.t.rows[block[k]], c);
        if (x === undefined) break;
        acc = acc.plus(x);
        if (acc.eq(v)) run = k;
      }
    }
    if (run !== undefined) {
      block = [];
      continue;
    }
    out.push(i);
    block.push(i);
  }
  return out;
}

/**
 * Outturn's forecast build-up (Table 1a): per heading, forecast outturn = actual to date + the rest of
 * the year, and its variance = forecast outturn − revised budget. Which rest-of-year columns add up
 * (forecasts given, the rest from the profile — not the budget the profile is applied to) is what
 * most rows agree on; the captions decide a tie.
 */
export function forecastRules(a: Audit): void {
  const [revised] = a.cols('revised');
  const [toDate] = a.cols('to_date');
  const rest = a.cols('rest').filter((c) => !c.percent);
  // The forecast outturn: the outturn column after the actual to date (the build-up's result).
  const outturn = a.cols('outturn').find((c) => c.c > toDate.c) ?? a.cols('outturn')[0];
  const [variance] = a.cols('variance');
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  const lines = rowsOf(a, 'line');
  const rows = a.t.rows;
  const subsets: Column[][] = [];
  for (let m = 1; m < 1 << rest.length; m++) subsets.push(rest.filter((_, k) => m & (1 << k)));
  // By the captions: a budget is what the profile is applied to, not a part of the forecast.
  const byCaption = rest.filter((c) => !/budget|without/.test(c.norm));
  const agrees = (cols: Column[]) => lines.filter((i) => {
    const o = a.num(rows[i], outturn.c);
    const vals = [toDate, ...cols].map((c) => a.value(rows[i], c.c));
    return o !== undefined && !vals.some((v) => v === undefined) && sum(vals as Dec[]).eq(o.value);
  }).length;
  let best = byCaption.length ? byCaption : rest;
  let bestScore = agrees(best);
  for (const cand of subsets) {
    const s = agrees(cand);
    if (s > bestScore) {
      best = cand;
      bestScore = s;
    }
  }
  const parts = [toDate, ...best];
  const what = `${parts.map((c) => c.caption).join(' + ')} is`;
  for (const i of body) {
    const row = rows[i];
    if (!a.num(row, outturn.c)) continue;
    const vals = parts.map((c) => a.value(row, c.c));
    if (vals.some((v) => v === undefined)) continue;
    a.check(row, outturn.c, sum(vals as Dec[]), parts.map((c): At => [row, c.c]), 'forecast.outturn', what);
  }
  if (variance && revised) difference(a, body, variance.c, outturn.c, revised.c, 'forecast.variance', 'forecast outturn − revised budget is');
  castBlocks(a, moneyCols(a.t), 'forecast.cast');
}

export function capitalRules(a: Audit): void {
  const [outturn] = a.cols('outturn');
  // Issue 11: a table with in-year budget changes prints the earlier budget, the changes, then the
  // latest budget: the variance is against the budget nearest the outturn, and the earlier budget +
  // the columns between = that budget.
  const budgets = a.cols('revised').filter((c) => !outturn || c.c < outturn.c);
  const revised = budgets.at(-1) ?? a.cols('revised')[0];
  const [remaining] = a.cols('remaining');
  const [reprofile] = a.cols('reprofile');
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  if (remaining && revised && outturn) difference(a, body, remaining.c, revised.c, outturn.c, 'capital.remaining', 'revised budget − outturn is');
  remainingAfter(a, 'capital.remaining-after');
  if (budgets.length >= 2) {
    const earlier = budgets[0];
    const changes = a.t.columns.filter((c) => c.numeric && !c.percent && c.c > earlier.c && c.c < revised.c);
    const what = `${[earlier, ...changes].map((c) => c.caption).join(' + ')} is`;
    for (const i of body) {
      const row = a.t.rows[i];
      const vals = [earlier, ...changes].map((c) => a.value(row, c.c));
      if (vals.some((v) => v === undefined)) continue;
      a.check(row, revised.c, sum(vals as Dec[]), [earlier, ...changes].map((c): At => [row, c.c]), 'capital.budget-changes', what);
    }
  }
  // Issue 11: a saving (the underspend not reprofiled) = budget remaining − reprofile, on every row.
  const saving = a.t.columns.find((c) => c.numeric && !c.percent && /\bsaving/.test(c.norm));
  if (saving && reprofile && remaining) difference(a, body, saving.c, remaining.c, reprofile.c, 'capital.saving', 'budget remaining − reprofile is');
  castBlocks(a, moneyCols(a.t), 'capital.cast');
  if (!reprofile) return;
  for (const i of rowsOf(a, 'line')) {
    const row = a.t.rows[i];
    const rp = a.num(row, reprofile.c);
    if (!rp || rp.value.isZero()) continue;
    const left = remaining ? a.num(row, remaining.c)?.value : undefined;
    const rv = revised ? a.num(row, revised.c) : undefined;
    const ot = outturn ? a.num(row, outturn.c) : undefined;
    const rem = left ?? (rv && ot ? rv.value.minus(ot.value) : undefined);
    if (rem === undefined || !rp.value.gt(rem)) continue;
    a.findings.push({
      severity: 'note',
      table: a.layout,
      ...a.loc(row, reprofile.c),
      rule: 'capital.reprofile-exceeds-remaining',
      message: `${row.label || `row ${a.rowNumber(row)}, no label`}: reprofile of ${show(rp.value)} is larger than the remaining budget of ${show(rem)} (allowed, reported)`,
      printed: text(rp.value),
      expected: text(rem),
      difference: text(rp.value.minus(rem)),
    });
  }
}
