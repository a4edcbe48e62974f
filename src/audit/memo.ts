// Memo rows: a figure printed among the lines of a block that is not money of the block — a charge per
// Band D property, a tax base, a number of dwellings, a rate or a percentage, a ratio ("Council Tax Band D
// £148.37" and "Council Tax Base £53,748" between a council's funding sources and their total, as the
// Borough Council of King's Lynn & West Norfolk prints "Where the money comes from"). An auditor reads
// past such a row: it is not a line the total adds. The audit does the same when the row's label names
// such a quantity and either the arithmetic says so (the totals around it cast without it and not with
// it) or its form does (a figure in pence among whole figures, a percentage among money, a sign against
// every other line of its block). Said in a note at the row; never cast.
import { type FoundTable, type Layout, type TableRow } from './detect';
import { Audit, moneyCols } from './context';
import { castBlocks, readTotals } from './casting';
import type { Num } from './findings';
import { ZERO } from '../base/decimal';
import { type Kind, MEMO_LABEL } from './kinds';


/** A label naming a change, not a quantity: "Increase in Council Tax base", "Change in tax base". */
const CHANGE = /^\(?\s*(net\s+)?(increase|decrease|reduction|growth|change|movement|fall|rise)\b/i;

/** What a memo label names, for the note. */
function whatItIs(label: string): string {
  if (/\bband\s*d\b/i.test(label) && !/\bequivalent|\bproperties|\bdwellings|\bbase\b/i.test(label)) return 'a charge per Band D property';
  if (/\btax\s*base\b|\btaxbase\b|\bequivalent|\bproperties|\bdwellings|\bnumber|\bno\.?\s+of|\bheadcount|\bfte\b|\bfull[\s-]+time|\bpopulation/i.test(label)) return 'a count of properties, dwellings or posts';
  if (/\bper\s+/i.test(label)) return 'a figure per unit';
  return 'a rate or a ratio';
}

const printed = (row: TableRow, cols: number[]): Num[] =>
  cols.map((c) => row.cells.get(c)).filter((x): x is Num => x?.kind === 'number' && !x.value.isZero());

/**
 * The row's form says it is not money of its block: every figure it prints a percentage; or printed to
 * more decimal places than every other figure of its column in the table (pence among whole pounds); or
 * of the other sign than every other non-nil figure of its column in its run of rows (a count printed
 * positive among sources all in brackets). Empty when the form says nothing.
 */
function formOf(t: FoundTable, i: number, cols: number[], memo: ReadonlySet<number>): string {
  const row = t.rows[i];
  const own = printed(row, cols);
  if (!own.length) return '';
  if (own.every((x) => x.percent)) return 'it prints percentages among money';
  // The run of rows it sits in: up to a blank row (or heading) either side, other memo candidates aside.
  const run: number[] = [];
  for (let j = i - 1; j >= 0 && t.rows[j].r === t.rows[j + 1].r - 1 && !t.rows[j].empty; j--) if (!memo.has(j)) run.push(j);
  for (let j = i + 1; j < t.rows.length && t.rows[j].r === t.rows[j - 1].r + 1 && !t.rows[j].empty; j++) if (!memo.has(j)) run.push(j);
  const figures = (c: number, rows: number[]) => rows.map((j) => t.rows[j].cells.get(c)).filter((x): x is Num => x?.kind === 'number' && !x.value.isZero());
  const others = (c: number) => figures(c, t.rows.map((_, j) => j).filter((j) => j !== i && !memo.has(j)));
  const pence = cols.every((c) => {
    const x = row.cells.get(c);
    if (x?.kind !== 'number' || x.value.isZero()) return true;
    const o = others(c);
    return o.length >= 2 && !x.value.isInteger() && o.every((y) => y.places < x.places);
  });
  if (pence) return `it is printed to ${own[0].places} decimal place(s) where every other figure of its column is printed to fewer`;
  const against = cols.every((c) => {
    const x = row.cells.get(c);
    if (x?.kind !== 'number' || x.value.isZero()) return true;
    const o = figures(c, run);
    return o.length >= 3 && o.every((y) => y.value.isNegative() !== x.value.isNegative());
  });
  return against ? 'its sign is the other of every other figure of its block' : '';
}

/** Cast findings (errors and warnings) and total figures checked when the rows `memo` are read as memo rows. */
function trial(t: FoundTable, layout: Layout, kinds: Kind[], memo: ReadonlySet<number>, carried?: TableRow): { faults: number; checked: number; blocks: Audit['blocks'] } {
  const a = new Audit(t, layout, kinds.map((k, i) => (memo.has(i) ? 'memo' : k)));
  readTotals(a, carried);
  castBlocks(a, moneyCols(t), 'memo.trial.cast');
  return { faults: a.findings.filter((f) => f.severity !== 'note').length, checked: a.checked.totals, blocks: a.blocks };
}

export interface MemoRow {
  /** index into t.rows */
  i: number;
  why: string;
}

/**
 * Finds the memo rows of a table of no statutory layout and marks them 'memo' in `kinds` (readTotals
 * then never puts them in a block): a line labelled as a per-unit figure, count, rate or ratio
 * (MEMO_LABEL), printed inside a block (between the first line and the total of a block the memo reading
 * finds), when the totals cast with fewer differences without such rows than with them, or when each
 * one's form says so (formOf). A row the plain reading takes as a total (a tax base at the foot of a
 * tax-base table) is never a memo row. Returns the rows so read, with why, for the note.
 */
export function memoRows(t: FoundTable, layout: Layout, kinds: Kind[], carried?: TableRow): MemoRow[] {
  if (layout !== 'auto') return [];
  const cols = moneyCols(t);
  const cands = new Set<number>();
  for (const [i, row] of t.rows.entries()) {
    // a change in a count ("Increase in Council Tax base") is money of the statement, not the count
    if (kinds[i] === 'line' && row.label && MEMO_LABEL.test(row.label) && !CHANGE.test(row.label) && printed(row, cols).length) cands.add(i);
  }
  if (!cands.size) return [];
  const plain = trial(t, layout, kinds, new Set(), carried);
  for (const i of plain.blocks.keys()) cands.delete(i);
  if (!cands.size) return [];
  const memo = trial(t, layout, kinds, cands, carried);
  // Inside a block: between the first row and the total of a block the memo reading takes.
  const inside = [...cands].filter((i) => [...memo.blocks].some(([total, b]) => b.members[0] < i && i < total));
  if (!inside.length) return [];
  const castsWithout = memo.faults < plain.faults && memo.checked > 0;
  const out: MemoRow[] = [];
  for (const i of inside) {
    const form = formOf(t, i, cols, cands);
    if (!castsWithout && !form) continue;
    const label = t.rows[i].label;
    const because = [castsWithout ? 'the totals around it cast without it and not with it' : '', form].filter(Boolean).join('; ');
    out.push({ i, why: `"${label}" is read as a memo figure, ${whatItIs(label)}, not a line of its block, so it is not cast: ${because}` });
  }
  for (const { i } of out) kinds[i] = 'memo';
  return out;
}

/** A tax base's label, the row directly above a Band D charge (the division the build-up prints). */
const TAX_BASE = /\btax\s*base\b|\btaxbase\b|\bband\s*d\s+equivalents?\b|\bequivalent\s+(number\s+of\s+)?(band\s*d\s+)?properties\b/i;

/** A total of Band D charges: the row, and the charge rows it adds (indices into t.rows). */
export interface ChargeTotal {
  i: number;
  parts: number[];
}

/**
 * A total of Band D charges closing a build-up that prints, for each body, its requirement (£m), "Divided
 * by council tax base" (a count) and "Which equals … band D Council Tax" (£ per property), then "Total
 * band D Council Tax": that total is the sum of the charges, never of every row since the last total (a
 * count and £m among them; session-13 trial T13-52, Southwark's budget 2022-23: 1,164.14 + 363.66 =
 * 1,527.80). Read when the total's label names a charge per Band D property (as memo rows do) and two
 * rows above it or more do, each directly under a row naming a tax base (the division printed). Marks the
 * total 'memo' in `kinds` so the totals by arithmetic leave it; checked by checkChargeTotals. Returns the
 * totals so read.
 */
export function chargeTotals(t: FoundTable, layout: Layout, kinds: Kind[]): ChargeTotal[] {
  if (layout !== 'auto') return [];
  const cols = moneyCols(t);
  const charge = (i: number) => MEMO_LABEL.test(t.rows[i].label) && whatItIs(t.rows[i].label) === 'a charge per Band D property';
  const out: ChargeTotal[] = [];
  let from = 0;
  for (const [i, row] of t.rows.entries()) {
    if (!/^\s*total\b/i.test(row.label) || !charge(i) || !printed(row, cols).length) continue;
    const parts: number[] = [];
    for (let j = from; j < i; j++) {
      if (j > 0 && charge(j) && printed(t.rows[j], cols).length && TAX_BASE.test(t.rows[j - 1].label) && !charge(j - 1)) parts.push(j);
    }
    from = i + 1;
    if (parts.length < 2) continue;
    kinds[i] = 'memo';
    out.push({ i, parts });
  }
  return out;
}

/**
 * Checks each total of Band D charges (chargeTotals) in every money column it prints: the sum of the
 * charges (`auto.cast.band-d-total`, counted with the totals), within the rounding of the printed
 * figures a warning. Records each as a total read. True when any was checked.
 */
export function checkChargeTotals(a: Audit, totals: readonly ChargeTotal[]): boolean {
  let any = false;
  const rows = a.t.rows;
  for (const { i, parts } of totals) {
    const row = rows[i];
    for (const c of moneyCols(a.t)) {
      if (!a.num(row, c)) continue;
      const terms = parts.filter((j) => a.num(rows[j], c)).map((j): [TableRow, number] => [rows[j], c]);
      if (terms.length < 2) continue;
      const expected = terms.reduce((s, [r]) => s.plus(a.num(r, c)!.value), ZERO);
      a.check(row, c, expected, terms, 'auto.cast.band-d-total', () => `the ${terms.length} Band D charges above it (${parts.map((j) => rows[j].label).join('; ')}) add up to`);
      any = true;
    }
    if (any) a.totals.push({ row: a.rowNumber(row), label: row.label, from: a.rowNumber(rows[parts[0]]), to: a.rowNumber(rows[parts[parts.length - 1]]),
      why: `a total of Band D charges: the ${parts.length} charge rows (each under its tax base) only, not the requirements and tax bases between them` });
  }
  return any;
}
