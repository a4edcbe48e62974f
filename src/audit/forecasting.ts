// Outturn's forecasting tables: the ledger reconciliation (1b), the programme (2a), its financing (2b),
// the MTFP (3b) and its scenarios (3c).
import { Dec, ZERO, sum } from '../base/decimal';
import { normalise } from './detect';
import { castBlocks } from './casting';
import { type At, type Audit, moneyCols, rowsOf } from './context';
import { stepOf } from './grid';

// ---------- Outturn's forecasting tables: 1b, 2a, 2b, 3b, 3c ----------

const labelKey = (s: string) => normalise(s).replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();

/** "Difference: Table 1 total − ledger total (…)": the two rows a difference row names, A and B. */
const DIFFERENCE_LABEL = /^difference\s*:?\s*(.+?)\s+[−–-]\s+(.+?)\s*(\(|$)/i;

/**
 * Takes the rows labelled "Difference: A − B" out of the totals read, before the blocks are cast: such a row is
 * checked as A − B (differenceRows), never as the total of the rows above it — its label names totals
 * ("Table 1 total − ledger total") but states a subtraction. A built workbook of one heading and one
 * ledger line (A and B both −0.4, the rows above them 0, 0, −0.4) had its nil difference read as the
 * sum of the five rows above, −1.2, "within rounding": two warnings on a table that reconciles (the
 * round-trip property, 1 case in 10,000).
 */
function setDifferencesApart(a: Audit): void {
  a.t.rows.forEach((row, i) => {
    if (!DIFFERENCE_LABEL.test(row.label) || !a.blocks.has(i)) return;
    a.blocks.delete(i);
    a.kinds[i] = 'memo';
    const at = a.rowNumber(row);
    a.totals.splice(0, a.totals.length, ...a.totals.filter((x) => x.row !== at));
  });
}

/**
 * A row labelled "Difference: A − B (…)" is the row named A less the row named B, in every column
 * where all three are printed. A and B are found above it, nearest first, by their labels.
 */
function differenceRows(a: Audit, rule: string): void {
  const rows = a.t.rows;
  rows.forEach((row, i) => {
    const m = DIFFERENCE_LABEL.exec(row.label);
    if (!m) return;
    const find = (name: string) => {
      const key = labelKey(name);
      for (let j = i - 1; j >= 0; j--) if (!rows[j].empty && key && labelKey(rows[j].label).includes(key)) return j;
      return -1;
    };
    const p = find(m[1]);
    const q = find(m[2]);
    if (p < 0 || q < 0 || p === q) return;
    for (const c of moneyCols(a.t)) {
      const x = a.num(rows[p], c);
      const y = a.num(rows[q], c);
      if (!x || !y) continue;
      a.check(row, c, x.value.minus(y.value), [[rows[p], c], [rows[q], c]], rule, `${rows[p].label} − ${rows[q].label} is`);
    }
  });
}

/** Table 1b: the headings cast; headings and unplaced lines = their total + the unplaced lines; the difference. */
export function ledgerRules(a: Audit): void {
  setDifferencesApart(a);
  castBlocks(a, moneyCols(a.t), 'ledger.cast');
  const rows = a.t.rows;
  const hu = rows.findIndex((r) => /^headings and unplaced\b/i.test(r.label));
  if (hu >= 0) {
    let total = -1;
    for (let i = 0; i < hu; i++) if (a.kinds[i] === 'total' || a.kinds[i] === 'subtotal') total = i;
    const parts = [...(total >= 0 ? [total] : []), ...rowsOf(a, 'line').filter((i) => i > total && i < hu)];
    for (const c of moneyCols(a.t)) {
      const vals = parts.map((i) => a.value(rows[i], c));
      if (!parts.length || vals.some((v) => v === undefined)) continue;
      a.check(rows[hu], c, sum(vals as Dec[]), parts.map((i): At => [rows[i], c]), 'ledger.unplaced',
        `${rows[parts[0]].label} and the unplaced lines after it add up to`);
    }
  }
  differenceRows(a, 'ledger.difference');
}

/** Table 2a: per scheme, the programme = the approved budget + what is reprofiled into the year; the blocks cast. */
export function programmeRules(a: Audit): void {
  const money = a.t.columns.filter((c) => c.numeric && !c.percent);
  const rp = money.findIndex((c) => c.role === 'reprofile');
  const result = money.slice(rp + 1).find((c) => c.role === 'revised')!;
  const parts = [...money.slice(0, rp).filter((c) => c.role === 'revised'), money[rp]];
  const what = `${parts.map((c) => c.caption).join(' + ')} is`;
  for (const i of rowsOf(a, 'line', 'subtotal', 'total')) {
    const row = a.t.rows[i];
    if (!a.num(row, result.c)) continue;
    const vals = parts.map((c) => a.value(row, c.c));
    if (vals.some((v) => v === undefined)) continue;
    a.check(row, result.c, sum(vals as Dec[]), parts.map((c): At => [row, c.c]), 'programme.total', what);
  }
  castBlocks(a, moneyCols(a.t), 'programme.cast');
}

/** Table 2b: the sources of finance cast to the total; the difference = financing − expenditure. */
export function financingRules(a: Audit): void {
  setDifferencesApart(a);
  castBlocks(a, moneyCols(a.t), 'financing.cast');
  differenceRows(a, 'financing.difference');
}

/**
 * Table 3b, years across: budget gap = budget requirement − funding; per reserve, its projected
 * movements = planned movements + what is drawn to fund the gap, and its balance = last year's
 * balance + this year's movements; drawn from reserves = the draws on each; gap not funded = gap +
 * drawn (draws are negative).
 */
export function mtfpRules(a: Audit): void {
  const rows = a.t.rows;
  const cols = moneyCols(a.t);
  const find = (re: RegExp, from = 0, to = rows.length) => {
    for (let i = from; i < to; i++) if (re.test(rows[i].label)) return i;
    return -1;
  };
  const req = find(/^budget requirement\b/i);
  const fund = find(/^funding\b/i);
  const gap = find(/^budget gap\b/i);
  const byRow = (target: number, plus: number[], minus: number[], rule: string, what: string) => {
    if (target < 0 || [...plus, ...minus].some((i) => i < 0)) return;
    for (const c of cols) {
      if (!a.num(rows[target], c)) continue;
      const ps = plus.map((i) => a.value(rows[i], c));
      const ms = minus.map((i) => a.value(rows[i], c));
      if ([...ps, ...ms].some((v) => v === undefined)) continue;
      a.check(rows[target], c, sum(ps as Dec[]).minus(sum(ms as Dec[])), [...plus, ...minus].map((i): At => [rows[i], c]), rule, what);
    }
  };
  byRow(gap, [req], [fund], 'mtfp.gap', `${rows[req]?.label} − ${rows[fund]?.label} is`);
  // The reserves: a heading, then its planned movements, draws, projected movements and balance.
  const draws: number[] = [];
  rows.forEach((row, h) => {
    if (!row.empty || h <= gap) return;
    let end = h + 1;
    while (end < rows.length && !rows[end].empty && !/^drawn from reserves\b|^gap not funded\b/i.test(rows[end].label)) end++;
    const planned = find(/^planned movements?\b/i, h + 1, end);
    const drawn = find(/^drawn to fund\b/i, h + 1, end);
    const projected = find(/^projected movements?\b/i, h + 1, end);
    const balance = find(/balance/i, h + 1, end);
    if (drawn >= 0) draws.push(drawn);
    if (projected >= 0 && planned >= 0 && drawn >= 0) byRow(projected, [planned, drawn], [], 'mtfp.movements', `${rows[planned].label} + ${rows[drawn].label} (${row.label}) is`);
    // With Table 3 beside it, each balance is tied to Table 3's closing balance (tie.mtfp-reserves) and
    // Table 3 rolls it forward with every flow; here only the projected movements are printed, and a
    // reserve's transfers and contributions to capital would make last year's balance + them differ.
    if (balance < 0 || projected < 0 || a.alongside.has('reserves')) return;
    for (let k = 1; k < cols.length; k++) {
      const prev = a.num(rows[balance], cols[k - 1]);
      const mv = a.num(rows[projected], cols[k]);
      if (!prev || !mv || !a.num(rows[balance], cols[k])) continue;
      a.check(rows[balance], cols[k], prev.value.plus(mv.value), [[rows[balance], cols[k - 1]], [rows[projected], cols[k]]], 'mtfp.balance',
        `${row.label}: last year's balance (${a.col(cols[k - 1]).caption}) + this year's ${rows[projected].label.toLowerCase()} is`);
    }
  });
  const total = find(/^drawn from reserves\b/i);
  if (total >= 0 && draws.length) byRow(total, draws, [], 'mtfp.drawn', `the draws on each reserve add up to`);
  const unfunded = find(/^gap not funded\b/i);
  if (total >= 0) byRow(unfunded, [gap, total], [], 'mtfp.unfunded', `${rows[gap]?.label} + ${rows[total].label} is`);
}

/**
 * Table 3c, cases across: in each case, the gap not funded from reserves is never below nil, nor more
 * than the gap. (The useable reserves depend on planned movements the table does not print.)
 */
export function scenariosRules(a: Audit): void {
  const money = a.t.columns.filter((c) => c.numeric && !c.percent);
  for (const [k, g] of money.entries()) {
    if (!/budget gap/.test(g.norm)) continue;
    const u = money.slice(k + 1).find((c) => /gap not funded/.test(c.norm));
    if (!u || money.slice(k + 1, money.indexOf(u)).some((c) => /budget gap/.test(c.norm))) continue;
    for (const i of rowsOf(a, 'line', 'subtotal', 'total')) {
      const row = a.t.rows[i];
      const gp = a.num(row, g.c);
      const un = a.num(row, u.c);
      if (!gp || !un) continue;
      a.checked.variances++;
      a.involve([[row, g.c], [row, u.c]]);
      const most = gp.value.isNeg() ? ZERO : gp.value;
      // These are bounds, not casts: the gap not funded is the gap + the draws, each rounded as printed
      // (under round-then-sum, sums of rounded figures), so a breach of one printed unit is rounding.
      const unit = stepOf(Math.max(un.places, gp.places));
      if (un.value.gte(unit.neg()) && un.value.lte(most.plus(unit))) continue;
      if (un.value.isNeg() && !un.value.isZero()) a.check(row, u.c, ZERO, [[row, u.c]], 'scenarios.unfunded', 'a gap not funded is never below nil:');
      else if (un.value.gt(most)) a.check(row, u.c, most, [[row, g.c]], 'scenarios.unfunded', `it cannot exceed the gap (${g.caption}):`);
    }
  }
}
