// The statement of reserves: balances rolled forward across years, transfers netting to nil.
import { Dec, sum, text } from '../base/decimal';
import type { Column, FoundTable } from './detect';
import { castBlocks } from './casting';
import { type At, type Audit, moneyCols, rowsOf } from './context';
import { type AuditFinding, type Num, severityOf, show } from './findings';

interface Year {
  opening?: Column;
  flows: Column[];
  transfers?: Column;
  closing: Column;
  /** columns of figures between the last balance and this one whose role names no flow ("Outturn 2011/12", "Actual", "Forecast") */
  others: Column[];
}

/** The reserves columns in years: an opening balance, flows, and a closing balance that opens the next year. */
export function reserveYears(t: FoundTable): Year[] {
  const years: Year[] = [];
  let cur: Omit<Year, 'closing'> = { flows: [], others: [] };
  for (const col of t.columns) {
    if (!col.numeric || col.percent) continue;
    if (col.role === 'opening') cur.opening = col;
    else if (col.role === 'closing') {
      years.push({ ...cur, closing: col });
      cur = { flows: [], others: [] };
    } else if (col.role === 'movement' || col.role === 'transfers' || col.role === 'capital' || col.role === 'money') {
      cur.flows.push(col);
      if (col.role === 'transfers') cur.transfers = col;
    } else cur.others.push(col);
  }
  return years;
}

/**
 * A year printed as a balance with columns between it and the last balance whose headers name no
 * movement ("Balance at 01/04/11 | Outturn 2011/12 | Balance at 1/4/2012", as a reserves statement
 * prints the year just closed): those columns are the year's movement when the arithmetic says so —
 * last balance + them = this balance on every row that moves, but one (a wrong figure), two rows at
 * least and more agreeing than not. The year is then rolled forward like any other, with a note
 * saying how the column was read.
 */
function movedBy(a: Audit, body: number[], prev: Year, y: Year): Year {
  if (y.opening || y.flows.length || !y.others.length) return y;
  const rows = a.t.rows;
  let agree = 0;
  let informative = 0;
  for (const i of body) {
    const row = rows[i];
    const was = a.num(row, prev.closing.c);
    const now = a.num(row, y.closing.c);
    const moves = y.others.map((c) => a.value(row, c.c));
    if (!was || !now || moves.some((v) => v === undefined) || moves.every((v) => v!.isZero())) continue;
    informative++;
    if (was.value.plus(sum(moves as Dec[])).eq(now.value)) agree++;
  }
  if (agree < 2 || informative - agree > 1 || agree * 2 <= informative) return y;
  const first = rows[body[0]];
  const names = y.others.map((c) => c.caption).join(', ');
  if (first) a.note(first, y.others[0].c, 'reserves.movement-by-position', `${names}: read as the year's movement — between ${prev.closing.caption} and ${y.closing.caption}, and ${agree} of ${informative} rows that move add up to it`);
  return { ...y, flows: y.others, others: [] };
}

export function reservesRules(a: Audit): void {
  const rows = a.t.rows;
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  const years = reserveYears(a.t).map((y, k, all) => (k > 0 ? movedBy(a, body, all[k - 1], y) : y));
  // A closing balance with no opening and no movement of its own beside it (a later year printed as a
  // balance only) is not rolled forward from nothing: said once, and skipped.
  const bare = new Set(years.filter((y, k) => k > 0 && !y.opening && y.flows.length === 0));
  for (const y of bare) {
    const first = rows[body[0]];
    if (first) a.note(first, y.closing.c, 'reserves.no-movement', `${y.closing.caption}: a closing balance with no movement printed for its year; it cannot be rolled forward from the previous balance, and is only cast`);
  }
  for (const i of body) {
    const row = rows[i];
    years.forEach((y, k) => {
      if (bare.has(y)) return;
      const prev = k > 0 ? years[k - 1].closing : undefined;
      if (y.opening && prev) {
        const o = a.num(row, y.opening.c);
        const c = a.num(row, prev.c);
        if (o && c) a.check(row, y.opening.c, c.value, [[row, prev.c]], 'reserves.roll-forward', `the previous year's closing balance (${prev.caption}) is`);
      }
      const open = y.opening ?? prev;
      if (!open || !a.num(row, y.closing.c)) return;
      const terms = [open, ...y.flows].map((c): At => [row, c.c]);
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
    a.involve(lines.map((i): At => [rows[i], y.transfers!.c]));
    const net = sum(vals as Dec[]);
    if (net.isZero()) continue;
    const terms = lines.map((i) => a.at(rows[i], y.transfers!.c));
    const carrier = a.num(rows[lastTotal], y.transfers.c) ?? ({ kind: 'number', value: net, places: 0, dash: false, percent: false, negativeZero: false, typed: true, raw: text(net) } as Num);
    const { severity } = severityOf(net, carrier, terms);
    const finding: AuditFinding = {
      severity,
      table: a.layout,
      ...a.loc(rows[lastTotal], y.transfers.c),
      rule: 'reserves.transfers-net-nil',
      message: `${y.transfers.caption}: the transfers between reserves net to ${show(net)}, not nil`,
      printed: text(net),
      expected: '0',
      difference: text(net),
    };
    a.findings.push(finding);
    // nil = the lines, so the difference is the lines' sum: each line counts as subtracted from nil (see Failed)
    a.failed.push({ finding, terms: lines.map((i): At => [rows[i], y.transfers!.c, -1]) });
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
          ...a.loc(row, y.closing.c),
          rule: 'reserves.below-nil',
          message: `${row.label || `row ${a.rowNumber(row)}, no label`} is below nil at ${y.closing.caption}: ${show(c.value)}`,
          printed: text(c.value),
        });
        break;
      }
    }
  }
}
