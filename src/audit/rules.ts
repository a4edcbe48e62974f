// The arithmetic the audit redoes: casting of every block that ends in a total, the cross-casts of
// the three statutory layouts (variance, remaining budget, roll-forward of reserves), and for any
// other table its variance and percentage columns.
import { Dec, ZERO, sum, text } from '../engine/decimal';
import type { RowKind, Units } from '../engine/model';
import type { Column, FoundTable, Layout, TableRow } from './detect';
import { normalise } from './detect';
import { type AuditFinding, type Num, isNum, severityOf, show } from './findings';
import { type Reading, place, stepOf } from './grid';

/** The engine's row kinds the audit tells apart; every other printed row reads as one of these. */
export type Kind = Extract<RowKind, 'heading' | 'line' | 'subtotal' | 'total' | 'adjustment' | 'total_underspend' | 'earmarked' | 'net_underspend' | 'memo'>;

/** row_type values of the published fixtures and the engine's row kinds. */
const ROW_TYPES: Record<string, Kind> = {
  heading: 'heading',
  line: 'line',
  scheme: 'line',
  scheme_standalone: 'line',
  externally_funded: 'line',
  general_reserve: 'line',
  earmarked_reserve: 'line',
  subtotal: 'subtotal',
  category_total: 'subtotal',
  subtotal_useable: 'subtotal',
  subtotal_non_useable: 'subtotal',
  total: 'total',
  total_earmarked: 'total',
  total_reserves: 'total',
  grand_total: 'total',
  adjustment: 'adjustment',
  total_underspend: 'total_underspend',
  earmarked: 'earmarked',
  net_underspend: 'net_underspend',
  memo: 'memo',
};

const SUBTOTAL = /^sub[\s-]*totals?\b/i;
const TOTAL = /^(grand\s+)?totals?\b|\btotals?\s*[:\-–]*\s*$/i;
const TOTAL_UNDERSPEND = /^total\s+(net\s+)?(over|under)\s*-?\s*spend/i;
const NET_UNDERSPEND = /^net\s+(over|under)\s*-?\s*spend/i;

export function classify(t: FoundTable, layout: Layout): Kind[] {
  const kinds = t.rows.map((row): Kind => {
    const typed = row.rowType ? ROW_TYPES[row.rowType.toLowerCase()] ?? (row.rowType.toLowerCase().startsWith('memo') ? 'memo' : undefined) : undefined;
    if (typed) return typed;
    if (row.empty) return 'heading';
    if (layout === 'revenue' && TOTAL_UNDERSPEND.test(row.label)) return 'total_underspend';
    if (layout === 'revenue' && NET_UNDERSPEND.test(row.label)) return 'net_underspend';
    if (SUBTOTAL.test(row.label)) return 'subtotal';
    if (TOTAL.test(row.label)) return 'total';
    // A bold row of figures with no label is a total, as tables copied from a PDF often print it.
    if (!row.label && row.bold) return 'total';
    return 'line';
  });
  if (layout === 'revenue' && !t.rows.some((r) => r.rowType && ROW_TYPES[r.rowType.toLowerCase()])) {
    // After the table's total: adjustments, then the total underspend, then the earmarked amounts.
    const tu = kinds.indexOf('total_underspend');
    if (tu >= 0) {
      let lastTotal = -1;
      for (let i = 0; i < tu; i++) if (kinds[i] === 'total') lastTotal = i;
      for (let i = lastTotal + 1; i < tu; i++) if (kinds[i] === 'line') kinds[i] = 'adjustment';
      for (let i = tu + 1; i < kinds.length; i++) if (kinds[i] === 'line') kinds[i] = 'earmarked';
    }
  }
  return kinds;
}

/** What the rules share: the table, where findings go, and how to name a cell. */
export class Audit {
  readonly findings: AuditFinding[] = [];
  constructor(
    readonly t: FoundTable,
    readonly layout: Layout,
    readonly kinds: Kind[],
  ) {}

  col(c: number): Column {
    return this.t.columns.find((x) => x.c === c)!;
  }
  cols(role: Column['role']): Column[] {
    return this.t.columns.filter((c) => c.numeric && c.role === role);
  }
  at(row: TableRow, c: number): Reading | undefined {
    return row.cells.get(c);
  }
  num(row: TableRow, c: number): Num | undefined {
    const x = row.cells.get(c);
    return isNum(x) ? x : undefined;
  }
  /** A figure for arithmetic: blank is nil; undefined when the cell cannot be read. */
  value(row: TableRow, c: number): Dec | undefined {
    const x = row.cells.get(c);
    if (x === undefined || x.kind === 'blank') return ZERO;
    if (x.kind === 'text') return undefined;
    return x.value;
  }
  where(row: TableRow, c: number): string {
    return place(this.t.grid, row.r, c, this.col(c).caption);
  }
  units(c: number): Units | undefined {
    return this.col(c).units;
  }
  describe(row: TableRow, c: number): string {
    const caption = this.col(c).caption || `column ${c + 1}`;
    return `${row.label || '(no label)'} — ${caption}`;
  }

  /**
   * Compares the figure printed at (row, c) with the one recomputed from `terms`; a difference
   * becomes a finding, a warning when the printed rounding could explain it.
   */
  check(row: TableRow, c: number, expected: Dec, terms: (Reading | undefined)[], rule: string, what: string, extra = ''): boolean {
    const printed = this.num(row, c);
    if (!printed) return true;
    const difference = printed.value.minus(expected);
    if (difference.isZero()) return true;
    const { severity } = severityOf(difference, printed, terms);
    const u = this.units(c);
    this.findings.push({
      severity,
      table: this.layout,
      cell: this.where(row, c),
      rule,
      message: `${this.describe(row, c)}: printed ${show(printed.value)}, but ${what} ${show(expected)}${u ? ` (${u})` : ''}` +
        `; difference ${show(difference)}${severity === 'warning' ? ', within the rounding of the printed figures' : ''}${extra}`,
      printed: text(printed.value),
      expected: text(expected),
      difference: text(difference),
    });
    return false;
  }
}

// ---------- casting: every block that ends in a total ----------

function nameOf(label: string): string {
  return normalise(label)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^(grand\s+)?(sub[\s-]*)?totals?\b/, ' ')
    .replace(/\btotals?\s*$/, ' ')
    .replace(/[:\-–.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const isAllCaps = (s: string) => /[A-Z]/.test(s) && s === s.toUpperCase();

/**
 * Casts every sub-total and total against the block it closes, in the given columns. The block is
 * found from the labels: a total named after a heading ("Total Building Works" under "Building
 * Works") covers what follows that heading; a sub-total covers the lines since the last heading or
 * total; a total (in capitals, or typed as one) covers everything not yet totalled above it. When
 * the labels leave a choice, the reading under which more figures cast is taken.
 */
export function castBlocks(a: Audit, cols: number[], rule: string): Map<number, number[]> {
  const { t, kinds } = a;
  const rows = t.rows;
  const items: { i: number; covered: boolean }[] = [];
  const components = new Map<number, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const k = kinds[i];
    if (k === 'line') {
      items.push({ i, covered: false });
      continue;
    }
    if (k !== 'subtotal' && k !== 'total') continue;
    const row = rows[i];
    const uncovered = (from: number) => items.filter((it) => !it.covered && it.i > from).map((it) => it.i);
    let lastHeading = -1;
    let lastTotal = -1;
    for (let j = 0; j < i; j++) {
      if (kinds[j] === 'heading') lastHeading = j;
      if (kinds[j] === 'subtotal' || kinds[j] === 'total') lastTotal = j;
    }
    const name = nameOf(row.label);
    let matched = -1;
    if (name) {
      for (let j = i - 1; j >= 0; j--) {
        if (kinds[j] !== 'heading') continue;
        const h = nameOf(rows[j].label);
        if (h && (h === name || name.endsWith(` ${h}`))) {
          matched = j;
          break;
        }
      }
    }
    const narrow = uncovered(Math.max(lastHeading, lastTotal));
    const wide = uncovered(-1);
    const wideFirst = k === 'total' && (row.rowType !== undefined || isAllCaps(row.label));
    // A section need not be headed: the block of a sub-total may begin at any line, and only the
    // arithmetic tells where. Shorter trailing runs are tried last, and win only by casting better.
    const suffixes = wide.map((_, k) => wide.slice(k)).filter((x) => x.length < narrow.length);
    const seen = new Set<string>();
    const order = [
      ...(matched >= 0 ? [uncovered(matched)] : []),
      ...(wideFirst ? [wide, narrow] : [narrow, wide]),
      ...suffixes,
    ].filter((c) => c.length > 0 && !seen.has(c.join()) && seen.add(c.join()));
    if (order.length === 0) continue;
    const score = (members: number[]) => cols.filter((c) => {
      const p = a.num(row, c);
      if (!p) return false;
      const vals = members.map((m) => a.value(rows[m], c));
      return !vals.some((v) => v === undefined) && sum(vals as Dec[]).eq(p.value);
    }).length;
    let best = order[0];
    let bestScore = score(best);
    for (const cand of order.slice(1)) {
      const s = score(cand);
      if (s > bestScore) {
        best = cand;
        bestScore = s;
      }
    }
    for (const it of items) if (best.includes(it.i)) it.covered = true;
    components.set(i, best);
    items.push({ i, covered: false });

    const deep = (m: number, c: number): Dec | undefined => {
      const parts = components.get(m);
      if (!parts) return a.value(rows[m], c);
      let s = ZERO;
      for (const p of parts) {
        const v = deep(p, c);
        if (v === undefined) return undefined;
        s = s.plus(v);
      }
      return s;
    };
    for (const c of cols) {
      if (!a.num(row, c)) continue;
      const vals = best.map((m) => a.value(rows[m], c));
      if (vals.some((v) => v === undefined)) continue;
      const expected = sum(vals as Dec[]);
      const printed = a.num(row, c)!.value;
      let extra = '';
      if (!expected.eq(printed) && best.some((m) => components.has(m))) {
        const lines = deep(i, c);
        if (lines !== undefined && lines.eq(printed)) extra = `; it agrees with the lines beneath (${show(lines)}): the difference is in the sub-totals it adds`;
      }
      const what = best.length === 1 ? `the row it totals (${rows[best[0]].label}) shows` : `the ${best.length} rows it totals (${rows[best[0]].label} … ${rows[best[best.length - 1]].label}) add up to`;
      a.check(row, c, expected, best.map((m) => a.at(rows[m], c)), rule, what, extra);
    }
  }
  return components;
}

// ---------- row rules: a figure that is the difference of two others ----------

function difference(a: Audit, rows: number[], target: number, plus: number, minus: number, rule: string, what: string): void {
  for (const i of rows) {
    const row = a.t.rows[i];
    const p = a.num(row, plus);
    const m = a.num(row, minus);
    if (!a.num(row, target) || !p || !m) continue;
    a.check(row, target, p.value.minus(m.value), [p, m], rule, what);
  }
}

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

// ---------- the layouts ----------

const moneyCols = (t: FoundTable) => t.columns.filter((c) => c.numeric && !c.percent).map((c) => c.c);
const rowsOf = (a: Audit, ...kinds: Kind[]) => a.kinds.map((k, i) => (kinds.includes(k) ? i : -1)).filter((i) => i >= 0);

export function revenueRules(a: Audit): void {
  const [revised] = a.cols('revised');
  const [outturn] = a.cols('outturn');
  const [variance] = a.cols('variance');
  const [original] = a.cols('original');
  const [virement] = a.cols('virement');
  const [pct] = a.cols('pct');
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  if (variance && revised && outturn) difference(a, body, variance.c, outturn.c, revised.c, 'revenue.variance', 'outturn − revised budget is');
  if (virement && revised && original) difference(a, body, virement.c, revised.c, original.c, 'revenue.virement', 'revised − original budget is');
  castBlocks(a, moneyCols(a.t), 'revenue.cast');
  if (pct && variance && revised) checkPercent(a, pct, [{ num: variance.c, den: revised.c }], body, 'revenue.variance-percent');

  const rows = a.t.rows;
  if (variance) {
    const tu = rowsOf(a, 'total_underspend')[0];
    if (tu !== undefined) {
      let total = -1;
      for (let i = 0; i < tu; i++) if (a.kinds[i] === 'total') total = i;
      const parts = [...(total >= 0 ? [total] : []), ...rowsOf(a, 'adjustment').filter((i) => i > total && i < tu)];
      const vals = parts.map((i) => a.value(rows[i], variance.c));
      if (parts.length && !vals.some((v) => v === undefined)) {
        a.check(rows[tu], variance.c, sum(vals as Dec[]), parts.map((i) => a.at(rows[i], variance.c)), 'revenue.total-underspend',
          `the total's variance and the adjustments after it add up to`);
      }
      const net = rowsOf(a, 'net_underspend').find((i) => i > tu);
      if (net !== undefined) {
        const np = [tu, ...rowsOf(a, 'earmarked').filter((i) => i > tu && i < net)];
        const nv = np.map((i) => a.value(rows[i], variance.c));
        if (!nv.some((v) => v === undefined)) {
          a.check(rows[net], variance.c, sum(nv as Dec[]), np.map((i) => a.at(rows[i], variance.c)), 'revenue.net-underspend',
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
        cell: a.where(rows[total], revised.c),
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
    a.check(row, outturn.c, sum(vals as Dec[]), parts.map((c) => a.at(row, c.c)), 'forecast.outturn', what);
  }
  if (variance && revised) difference(a, body, variance.c, outturn.c, revised.c, 'forecast.variance', 'forecast outturn − revised budget is');
  castBlocks(a, moneyCols(a.t), 'forecast.cast');
}

export function capitalRules(a: Audit): void {
  const [revised] = a.cols('revised');
  const [outturn] = a.cols('outturn');
  const [remaining] = a.cols('remaining');
  const [reprofile] = a.cols('reprofile');
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  if (remaining && revised && outturn) difference(a, body, remaining.c, revised.c, outturn.c, 'capital.remaining', 'revised budget − outturn is');
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
      cell: a.where(row, reprofile.c),
      rule: 'capital.reprofile-exceeds-remaining',
      message: `${row.label}: reprofile of ${show(rp.value)} is larger than the remaining budget of ${show(rem)} (allowed, reported)`,
      printed: text(rp.value),
      expected: text(rem),
      difference: text(rp.value.minus(rem)),
    });
  }
}

// ---------- Outturn's forecasting tables: 1b, 2a, 2b, 3b, 3c ----------

const labelKey = (s: string) => normalise(s).replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * A row labelled "Difference: A − B (…)" is the row named A less the row named B, in every column
 * where all three are printed. A and B are found above it, nearest first, by their labels.
 */
function differenceRows(a: Audit, rule: string): void {
  const rows = a.t.rows;
  rows.forEach((row, i) => {
    const m = /^difference\s*:?\s*(.+?)\s+[−–-]\s+(.+?)\s*(\(|$)/i.exec(row.label);
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
      a.check(row, c, x.value.minus(y.value), [x, y], rule, `${rows[p].label} − ${rows[q].label} is`);
    }
  });
}

/** Table 1b: the headings cast; headings and unplaced lines = their total + the unplaced lines; the difference. */
export function ledgerRules(a: Audit): void {
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
      a.check(rows[hu], c, sum(vals as Dec[]), parts.map((i) => a.at(rows[i], c)), 'ledger.unplaced',
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
    a.check(row, result.c, sum(vals as Dec[]), parts.map((c) => a.at(row, c.c)), 'programme.total', what);
  }
  castBlocks(a, moneyCols(a.t), 'programme.cast');
}

/** Table 2b: the sources of finance cast to the total; the difference = financing − expenditure. */
export function financingRules(a: Audit): void {
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
      a.check(rows[target], c, sum(ps as Dec[]).minus(sum(ms as Dec[])), [...plus, ...minus].map((i) => a.at(rows[i], c)), rule, what);
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
    if (balance < 0 || projected < 0) return;
    for (let k = 1; k < cols.length; k++) {
      const prev = a.num(rows[balance], cols[k - 1]);
      const mv = a.num(rows[projected], cols[k]);
      if (!prev || !mv || !a.num(rows[balance], cols[k])) continue;
      a.check(rows[balance], cols[k], prev.value.plus(mv.value), [prev, mv], 'mtfp.balance',
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
      const most = gp.value.isNeg() ? ZERO : gp.value;
      if (un.value.isNeg() && !un.value.isZero()) a.check(row, u.c, ZERO, [un], 'scenarios.unfunded', 'a gap not funded is never below nil:');
      else if (un.value.gt(most)) a.check(row, u.c, most, [gp], 'scenarios.unfunded', `it cannot exceed the gap (${g.caption}):`);
    }
  }
}

interface Year {
  opening?: Column;
  flows: Column[];
  transfers?: Column;
  closing: Column;
}

/** The reserves columns in years: an opening balance, flows, and a closing balance that opens the next year. */
export function reserveYears(t: FoundTable): Year[] {
  const years: Year[] = [];
  let cur: Omit<Year, 'closing'> = { flows: [] };
  for (const col of t.columns) {
    if (!col.numeric || col.percent) continue;
    if (col.role === 'opening') cur.opening = col;
    else if (col.role === 'closing') {
      years.push({ ...cur, closing: col });
      cur = { flows: [] };
    } else if (col.role === 'movement' || col.role === 'transfers' || col.role === 'capital' || col.role === 'money') {
      cur.flows.push(col);
      if (col.role === 'transfers') cur.transfers = col;
    }
  }
  return years;
}

export function reservesRules(a: Audit): void {
  const years = reserveYears(a.t);
  const rows = a.t.rows;
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  for (const i of body) {
    const row = rows[i];
    years.forEach((y, k) => {
      const prev = k > 0 ? years[k - 1].closing : undefined;
      if (y.opening && prev) {
        const o = a.num(row, y.opening.c);
        const c = a.num(row, prev.c);
        if (o && c) a.check(row, y.opening.c, c.value, [c], 'reserves.roll-forward', `the previous year's closing balance (${prev.caption}) is`);
      }
      const open = y.opening ?? prev;
      if (!open || !a.num(row, y.closing.c)) return;
      const terms = [open, ...y.flows].map((c) => a.at(row, c.c));
      const vals = [open, ...y.flows].map((c) => a.value(row, c.c));
      if (vals.some((v) => v === undefined)) return;
      a.check(row, y.closing.c, sum(vals as Dec[]), terms, 'reserves.closing',
        `${y.opening ? 'the opening balance' : `the last closing balance (${open.caption})`} plus the year's movements, transfers and contributions is`);
    });
  }
  castBlocks(a, moneyCols(a.t), 'reserves.cast');

  // Transfers between reserves net to nil within a year.
  const lines = rowsOf(a, 'line');
  const lastTotal = rowsOf(a, 'total').pop() ?? lines[lines.length - 1];
  for (const y of years) {
    if (!y.transfers || lastTotal === undefined) continue;
    const vals = lines.map((i) => a.value(rows[i], y.transfers!.c));
    if (vals.some((v) => v === undefined)) continue;
    const net = sum(vals as Dec[]);
    if (net.isZero()) continue;
    const terms = lines.map((i) => a.at(rows[i], y.transfers!.c));
    const carrier = a.num(rows[lastTotal], y.transfers.c) ?? ({ kind: 'number', value: net, places: 0, dash: false, percent: false, negativeZero: false, typed: true, raw: text(net) } as Num);
    const { severity } = severityOf(net, carrier, terms);
    a.findings.push({
      severity,
      table: a.layout,
      cell: a.where(rows[lastTotal], y.transfers.c),
      rule: 'reserves.transfers-net-nil',
      message: `${y.transfers.caption}: the transfers between reserves net to ${show(net)}, not nil`,
      printed: text(net),
      expected: '0',
      difference: text(net),
    });
  }
  // A reserve below nil: legitimate to print, and worth saying.
  for (const i of lines) {
    const row = rows[i];
    for (const y of years) {
      const c = a.num(row, y.closing.c);
      if (c && c.value.isNeg() && !c.value.isZero()) {
        a.findings.push({
          severity: 'note',
          table: a.layout,
          cell: a.where(row, y.closing.c),
          rule: 'reserves.below-nil',
          message: `${row.label} is below nil at ${y.closing.caption}: ${show(c.value)}`,
          printed: text(c.value),
        });
        break;
      }
    }
  }
}

/** Any other table: cast the total blocks; cross-cast variance columns; recompute percentages. */
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

/** Notes and findings about single cells: unreadable figures, and a negative nil such as "(0.0)". */
export function cellRules(a: Audit): void {
  for (const row of a.t.rows) {
    for (const [c, x] of row.cells) {
      if (x.kind === 'text') {
        a.findings.push({
          severity: 'error',
          table: a.layout,
          cell: a.where(row, c),
          rule: 'printed.unreadable',
          message: `${a.describe(row, c)}: ${x.reason}; the cell is not read, and nothing that depends on it is checked`,
          printed: x.text,
        });
      } else if (x.kind === 'number' && x.negativeZero) {
        a.findings.push({
          severity: 'note',
          table: a.layout,
          cell: a.where(row, c),
          rule: 'printed.negative-zero',
          message: `${a.describe(row, c)}: printed ${x.raw}, a negative nil (a small negative figure rounded away; legitimate, but readers may ask)`,
          printed: x.raw,
        });
      }
    }
  }
}

/** The columns a layout cannot do without, as the message of a refused --table names them. */
export function requiredRoles(layout: Layout): string {
  switch (layout) {
    case 'revenue':
      return 'revised budget, outturn, and a variance or original budget';
    case 'forecast':
      return 'revised budget, actual to date, the rest of the year, and forecast outturn';
    case 'ledger':
      return 'a ledger total row and a difference row';
    case 'programme':
      return 'approved budget, reprofile, and the programme, without an outturn';
    case 'financing':
      return 'a total financing row and a difference row';
    case 'mtfp':
      return 'budget requirement, funding and budget gap rows';
    case 'scenarios':
      return 'budget gap and gap not funded columns';
    case 'capital':
      return 'revised budget, outturn, and budget remaining or reprofile';
    case 'reserves':
      return 'movements and closing balances';
    case 'auto':
      return 'figures';
  }
}
