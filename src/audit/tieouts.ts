// Tie-outs between tables: figures one table repeats from another must agree. Runs after the
// per-table rules when more than one table is recognised; rows are matched by label, columns by
// role, year or date in the caption. Each mismatch is a finding at the cell of the dependent table.
// Pure.
import { sum, text } from '../base/decimal';
import { layoutPhrase } from '../engine/tables';
import type { Column, FoundTable, Layout, TableRow } from './detect';
import { gridColumn, normalise } from './detect';
import { type AuditFinding, type Num, isNum, severityOf, show } from './findings';
import { locate, place } from './grid';
import { classify, reserveYears } from './rules';

export interface PlacedTable {
  t: FoundTable;
  layout: Layout;
}


const key = (label: string) => normalise(label).replace(/[:\s]+$/, '');

const numAt = (row: TableRow, c: number): Num | undefined => {
  const x = row.cells.get(c);
  return isNum(x) ? x : undefined;
};

const colOf = (t: FoundTable, c: number): Column => t.columns.find((x) => x.c === c)!;
const firstCol = (t: FoundTable, role: Column['role']) => t.columns.find((c) => c.numeric && !c.percent && c.role === role);
const where = (t: FoundTable, row: TableRow, c: number) => place(t.grid, row.r, gridColumn(row, c), colOf(t, c).caption);
const loc = (t: FoundTable, row: TableRow, c: number) => locate(t.grid, row.r, gridColumn(row, c), colOf(t, c).caption);
const rowByLabel = (t: FoundTable, label: string) => t.rows.find((r) => key(r.label) === key(label));

/** The year a caption names: "2021/22" → "2021/22" (also 2021-22). */
const yearIn = (caption: string) => /\b(20\d\d)\s*[/-]\s*(\d\d)\b/.exec(caption)?.slice(1, 3).join('/');
/** The date a caption names: "31/03/22" or "31/03/2022" → "31/03/22". */
const dateIn = (caption: string) => {
  const m = /\b(\d\d)\/(\d\d)\/(?:20)?(\d\d)\b/.exec(caption);
  return m ? `${m[1]}/${m[2]}/${m[3]}` : undefined;
};

class Ties {
  readonly findings: AuditFinding[] = [];
  /** the cells each tie compared (see Audit.involved) */
  readonly involved: { grid: FoundTable['grid']; r: number; c: number }[] = [];

  /** The figure at (row, c) of `dep` must equal `expected`, read from `src` at `from` (one cell, or a sum of several). */
  tie(dep: PlacedTable, row: TableRow, c: number, src: PlacedTable, from: { row: TableRow; c: number }[], rule: string, what: string): void {
    const printed = numAt(row, c);
    const others = from.map((f) => numAt(f.row, f.c));
    if (!printed || others.length === 0 || others.some((o) => o === undefined)) return;
    const u = colOf(dep.t, c).units;
    if (from.some((f) => colOf(src.t, f.c).units !== u)) return;
    this.involved.push({ grid: dep.t.grid, r: row.r, c: gridColumn(row, c) }, ...from.map((f) => ({ grid: src.t.grid, r: f.row.r, c: gridColumn(f.row, f.c) })));
    const expected = sum(others.map((o) => o!.value));
    const difference = printed.value.minus(expected);
    if (difference.isZero()) return;
    const { severity } = severityOf(difference, printed, [printed, ...others]);
    const cells = from.map((f) => where(src.t, f.row, f.c)).join(' + ');
    this.findings.push({
      severity,
      table: dep.layout,
      ...loc(dep.t, row, c),
      rule,
      message:
        `${row.label || '(no label)'} — ${colOf(dep.t, c).caption}: printed ${show(printed.value)}, but ${what} in ${layoutPhrase(src.layout)} ` +
        `(${cells}) ${from.length > 1 ? 'sum to' : 'is'} ${show(expected)}${u ? ` (${u})` : ''}; difference ${show(difference)}` +
        `${severity === 'warning' ? ', within the rounding of the printed figures' : ''}`,
      printed: text(printed.value),
      expected: text(expected),
      difference: text(difference),
    });
  }
}

const lastTotal = (p: PlacedTable) => {
  const kinds = classify(p.t, p.layout);
  let i = -1;
  kinds.forEach((k, j) => {
    if (k === 'total') i = j;
  });
  return i < 0 ? undefined : p.t.rows[i];
};
const firstTotal = (p: PlacedTable) => {
  const i = classify(p.t, p.layout).indexOf('total');
  return i < 0 ? undefined : p.t.rows[i];
};

/** Table 3a: a figure at a date ("At 31/03/22") on a row of Table 3's ("TOTAL RESERVES") = Table 3's closing balance at that date. */
function reservesSummary(x: Ties, dep: PlacedTable, res: PlacedTable): void {
  const closings = reserveYears(res.t).map((y) => y.closing);
  for (const col of dep.t.columns) {
    if (!col.numeric || col.percent) continue;
    const d = dateIn(col.caption);
    const closing = d && closings.find((k) => dateIn(k.caption) === d);
    if (!closing) continue;
    for (const row of dep.t.rows) {
      const other = rowByLabel(res.t, row.label);
      if (other) x.tie(dep, row, col.c, res, [{ row: other, c: closing.c }], 'tie.reserves-total', `the closing balance ${closing.caption}`);
    }
  }
}

/**
 * Table 2a: each scheme's reprofile = Table 2's reprofile of the scheme (by label); 2a's total = the
 * reprofile of Table 2's total (its first total in capitals, "TOTAL PLANNED EXPENDITURE", before the
 * externally funded lines; else its last total).
 */
function reprofile(x: Ties, dep: PlacedTable, cap: PlacedTable): void {
  const pc = firstCol(dep.t, 'reprofile');
  const cc = firstCol(cap.t, 'reprofile');
  if (!pc || !cc) return;
  const total = lastTotal(dep);
  const capKinds = classify(cap.t, 'capital');
  const capTotal = cap.t.rows.find((r, i) => capKinds[i] === 'total' && /[A-Z]/.test(r.label) && r.label === r.label.toUpperCase()) ?? lastTotal(cap);
  for (const row of dep.t.rows) {
    const other = rowByLabel(cap.t, row.label) ?? (row === total ? capTotal : undefined);
    if (other) x.tie(dep, row, pc.c, cap, [{ row: other, c: cc.c }], 'tie.reprofile', `the reprofile of ${other.label}`);
  }
}

/** Table 2b: the capital expenditure it finances = Table 2's grand total outturn + its memo lines. */
function financing(x: Ties, dep: PlacedTable, cap: PlacedTable): void {
  const row = dep.t.rows.find((r) => /^capital expenditure\b/.test(key(r.label)));
  const money = dep.t.columns.find((c) => c.numeric && !c.percent);
  const out = firstCol(cap.t, 'outturn');
  if (!row || !money || !out) return;
  const kinds = classify(cap.t, 'capital');
  let grand = -1;
  kinds.forEach((k, i) => {
    if (k === 'total') grand = i;
  });
  if (grand < 0) return;
  const from = [{ row: cap.t.rows[grand], c: out.c }];
  kinds.forEach((k, i) => {
    // Memo lines: typed so, or the lines printed under the grand total (as Outturn writes them).
    if ((k === 'memo' || (k === 'line' && i > grand)) && numAt(cap.t.rows[i], out.c)) from.push({ row: cap.t.rows[i], c: out.c });
  });
  x.tie(dep, row, money.c, cap, from, 'tie.financing-expenditure', `the total spend (with the memo lines, ${out.caption})`);
}

/** Table 3b: a reserve's projected movements and year-end balance = Table 3's for that reserve and year. */
function mtfpReserves(x: Ties, dep: PlacedTable, res: PlacedTable): void {
  const years = reserveYears(res.t);
  let reserve: TableRow | undefined;
  for (const row of dep.t.rows) {
    if (row.empty) {
      reserve = rowByLabel(res.t, row.label);
      continue;
    }
    const k = key(row.label);
    const movement = /^projected movements?\b/.test(k);
    const balance = /^estimated balance\b/.test(k);
    if (!reserve || (!movement && !balance)) continue;
    for (const col of dep.t.columns) {
      const y = col.numeric && !col.percent ? yearIn(col.caption) : undefined;
      const year = y && years.find((v) => v.flows.some((f) => yearIn(f.caption) === y));
      if (!year) continue;
      const target = balance ? year.closing : year.flows.find((f) => f.role === 'movement');
      if (target) x.tie(dep, row, col.c, res, [{ row: reserve, c: target.c }], 'tie.mtfp-reserves', `${reserve.label} — ${target.caption}`);
    }
  }
}

/** Table 1a: each heading's revised budget and forecast outturn = Table 1's (its outturn is the forecast), the total too. */
function forecastRevenue(x: Ties, dep: PlacedTable, rev: PlacedTable): void {
  const total = lastTotal(dep);
  const revTotal = firstTotal(rev);
  for (const role of ['revised', 'outturn'] as const) {
    const dc = firstCol(dep.t, role);
    const rc = firstCol(rev.t, role);
    if (!dc || !rc) continue;
    for (const row of dep.t.rows) {
      const other = row === total && revTotal ? revTotal : rowByLabel(rev.t, row.label);
      if (other) x.tie(dep, row, dc.c, rev, [{ row: other, c: rc.c }], 'tie.forecast-revenue', `${other.label} — ${rc.caption}`);
    }
  }
}

/** Table 1b: its "Table 1 total" row = Table 1's total (the budget), or 1a's total (the actual to date). */
function ledgerTotal(x: Ties, dep: PlacedTable, rev: PlacedTable | undefined, fc: PlacedTable | undefined): void {
  const row = dep.t.rows.find((r) => /^table 1 total\b/.test(key(r.label)));
  if (!row) return;
  for (const col of dep.t.columns) {
    if (!col.numeric || col.percent || !numAt(row, col.c)) continue;
    for (const src of [rev, fc]) {
      const sc = src && firstCol(src.t, col.role);
      const st = src && (src === rev ? firstTotal(src) : lastTotal(src));
      if (!src || !sc || !st || !numAt(st, sc.c)) continue;
      x.tie(dep, row, col.c, src, [{ row: st, c: sc.c }], 'tie.ledger-total', `${st.label} — ${sc.caption}`);
      break;
    }
  }
}

/**
 * The tie-outs between the tables of one audit input: a finding per figure that disagrees with the
 * table it repeats; `involved`, when given, receives every cell a tie compared (grid, row, column; 0-based).
 */
export function tieOuts(tables: PlacedTable[], involved?: { grid: FoundTable['grid']; r: number; c: number }[]): AuditFinding[] {
  const x = new Ties();
  if (tables.length < 2) return x.findings;
  const one = (l: Layout) => {
    const all = tables.filter((p) => p.layout === l);
    return all.length === 1 ? all[0] : undefined;
  };
  const res = one('reserves');
  const cap = one('capital');
  const rev = one('revenue');
  const fc = one('forecast');
  for (const p of tables) {
    if (res && p.layout === 'auto') reservesSummary(x, p, res);
    if (res && p.layout === 'mtfp') mtfpReserves(x, p, res);
    if (cap && p.layout === 'programme') reprofile(x, p, cap);
    if (cap && p.layout === 'financing') financing(x, p, cap);
    if (rev && p.layout === 'forecast') forecastRevenue(x, p, rev);
    if ((rev || fc) && p.layout === 'ledger') ledgerTotal(x, p, rev, fc);
  }
  involved?.push(...x.involved);
  return x.findings;
}
