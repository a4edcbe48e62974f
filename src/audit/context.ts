// What the rules share: the table, where findings go, how to name a cell, and small helpers.
import { Dec, ZERO, text } from '../base/decimal';
import type { Units } from '../engine/model';
import { type Column, type FoundTable, type Layout, type TableRow, gridColumn } from './detect';
import { type AuditFinding, type Num, isNum, severityOf, show } from './findings';
import { type Location, type Reading, locate, place } from './grid';
import type { Kind } from './kinds';

/** What an audit counts as checked, per table: each a printed figure compared with one recomputed. */
export interface Checked {
  /** figures of a total or sub-total cast against the block it closes (down) */
  totals: number;
  /** figures of a total column cast against the columns it adds (across) */
  crossCasts: number;
  /** variances, remaining budgets, virements, reprofiles: a column that is the difference of two others */
  variances: number;
  /** percentages recomputed on their basis */
  percentages: number;
  /** balances rolled forward: opening + movements = closing, down the rows or across the years */
  rollForwards: number;
}

export const noneChecked = (): Checked => ({ totals: 0, crossCasts: 0, variances: 0, percentages: 0, rollForwards: 0 });

/** The counts of several tables (or blocks of one table) added together. */
export function sumChecked(cs: readonly Checked[]): Checked {
  const sum = noneChecked();
  for (const c of cs) for (const k of Object.keys(sum) as (keyof Checked)[]) sum[k] += c[k];
  return sum;
}

/** "3 total figure(s), 2 cross-cast(s), 8 variance(s), 0 percentage(s), 0 roll-forward(s)" */
export function checkedText(c: Checked): string {
  return `${c.totals} total figure(s), ${c.crossCasts} cross-cast(s), ${c.variances} variance(s), ${c.percentages} percentage(s), ${c.rollForwards} roll-forward(s)`;
}

const CATEGORIES = new Map<string, keyof Checked>();
/** Which count a rule's check adds to, from the rule's name. */
export function categoryOf(rule: string): keyof Checked {
  let c = CATEGORIES.get(rule);
  if (c === undefined) CATEGORIES.set(rule, (c = categoryByName(rule)));
  return c;
}

function categoryByName(rule: string): keyof Checked {
  if (/percent/.test(rule)) return 'percentages';
  if (/across/.test(rule)) return 'crossCasts';
  if (/cast|unplaced|drawn|programme\.total|forecast\.outturn|total-underspend|net-underspend/.test(rule)) return 'totals';
  if (/closing|roll-forward|balance|opening/.test(rule)) return 'rollForwards';
  return 'variances';
}

/** A row the audit took as a total, and why: so a person can see the reading. */
export interface TotalTaken {
  /** 1-based row of the file or sheet */
  row: number;
  label: string;
  /** the rows of the file or sheet it adds, first and last (1-based) */
  from: number;
  to: number;
  why: string;
  /** the rows of the file or sheet (1-based) among those it subtracts rather than adds: lines said in words to be subtracted ("Less: …"), or the sources a balancing figure nets off */
  less?: number[];
}

/**
 * A column the audit read as the difference of two others (a variance, a remaining budget, a
 * reprofile, a virement), and how: so a person can see the reading, and which way round it was taken.
 */
export interface DifferenceTaken {
  /** 1-based column of the file or sheet */
  column: number;
  caption: string;
  /** the two columns, as printed: "Projected Outturn − Total Budget" */
  is: string;
  /** when the reading was learned from the lines (either way round, of several budgets): how many lines agree with it; absent when the layout fixes it */
  agree?: number;
  /** printed as the size of the difference, increase and decrease both positive (|a − b|): `is` reads "|a − b|" */
  magnitude?: boolean;
}

/**
 * A column of percentages the audit recomputed, on which basis: so a person can see the reading, and
 * whether the column was read signed or unsigned.
 */
export interface PercentTaken {
  /** 1-based column of the file or sheet */
  column: number;
  caption: string;
  /** the quotient, as printed: "Variance £m / Budget £m", "… / the total's Budget £m", "… as a share of its total" */
  is: string;
  /** printed without the quotient's sign where it is negative (a percentage of an underspend printed 0.58 for (1.5)) */
  unsigned: boolean;
  /** how many rows the basis was learned from (agree with it); absent when the layout fixes it */
  agree?: number;
  /**
   * 1-based rows whose quotient on this basis is negative and whose percentage is printed (not nil):
   * the only rows that show whether the column keeps the quotient's sign.
   */
  negative: number[];
}

/**
 * A cell of the table: its row and its column (grid index), as a check names the figures it uses; a
 * third element −1 when the check subtracts the figure (1, or none, when it adds it).
 */
export type At = readonly [TableRow, number] | readonly [TableRow, number, 1 | -1];

/**
 * A check that failed: the finding it made, the cell it compared (`at`) and the figures it recomputed
 * that cell from (`terms`, each with its sign). The cell two failing checks share is sought in these
 * (shared.ts): the printed figure both checks point to.
 */
export interface Failed {
  finding: AuditFinding;
  /** absent when the figure compared is nil, printed nowhere (transfers between reserves net to nil) */
  at?: At;
  terms: readonly At[];
}

/** What the rules share: the table, where findings go, and how to name a cell. */
export class Audit {
  readonly findings: AuditFinding[] = [];
  /** every check that found a difference, with the figures it used (see Failed) */
  readonly failed: Failed[] = [];
  /**
   * Every cell some check compared or used (grid row and column, 0-based), so that what no check
   * involves — a figure in no total, cross-cast, variance, percentage or roll-forward — can be named.
   */
  get involved(): [number, number][] {
    return pairs(this.involvedRC);
  }
  /**
   * The cells of `involved` some check used other than as an input of a rounded percentage: a cell in
   * `involved` but not here is used only by percentages printed to fewer places than the figures give,
   * so a change the printed rounding absorbs cannot be seen by arithmetic.
   */
  get plain(): [number, number][] {
    return pairs(this.plainRC);
  }
  /**
   * Whether `involved` and `plain` are recorded (a trace asks for them; without one, a table of
   * 100,000 rows would record a million cells for nothing). True unless the caller says otherwise.
   */
  traced = true;
  /** `involved` and `plain` as they are recorded: row, column, row, column … (no pair per cell until a trace asks) */
  private readonly involvedRC: number[] = [];
  private readonly plainRC: number[] = [];
  /** the layouts of the other tables audited with this one (the same workbook or input): rules that tie-outs cover better can step aside */
  alongside: ReadonlySet<Layout> = new Set();
  /** the findings of the tables audited before this one (the same input): a figure restated here may have been found wrong there */
  before: readonly AuditFinding[] = [];
  readonly checked: Checked = noneChecked();
  readonly totals: TotalTaken[] = [];
  /** the columns read as the difference of two others (see DifferenceTaken) */
  readonly differences: DifferenceTaken[] = [];
  /** the columns of percentages recomputed, and on which basis (see PercentTaken) */
  readonly percentages: PercentTaken[] = [];
  /**
   * Rows no total adds nor is (marked 'memo') whose own figures are still related across the row: an
   * accounting statement's boxes 8-10 on a variance pro forma (this year − last year = the variance).
   */
  readonly acrossToo = new Set<number>();
  /** per total row (index into t.rows): the rows it adds, as readTotals found them */
  readonly blocks = new Map<number, { members: number[]; why: string; minus?: ReadonlySet<number>; carried?: { row: TableRow; sign: 1 | -1 }; skips?: number[] }>();
  private readonly byC = new Map<number, Column>();
  /** the table has a cell of words where a figure stands (not an error value): the columns checks use are kept (usedCols) */
  private readonly wordsInFigures: boolean;
  /**
   * The columns some check compared or used, kept only in a table with a cell of words among its
   * figures: such a cell in a column no check uses takes part in no relation (cellRules).
   */
  readonly usedCols = new Set<number>();
  constructor(
    readonly t: FoundTable,
    readonly layout: Layout,
    readonly kinds: Kind[],
  ) {
    for (const c of t.columns) this.byC.set(c.c, c);
    this.wordsInFigures = t.rows.some((row) => [...row.cells.values()].some((x) => x.kind === 'text' && !x.error));
  }

  col(c: number): Column {
    return this.byC.get(c)!;
  }
  /** The 1-based row of the file or sheet a table row was read from. */
  rowNumber(row: TableRow): number {
    // locate(…).row, without making the cell's names
    const g = this.t.grid;
    return g.addressing === 'rowcol' ? g.lines?.[row.r] ?? row.r + 1 : row.r + 1;
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
    return place(this.t.grid, row.r, gridColumn(row, c), this.col(c).caption);
  }
  /** A note at a cell: a fact about the table worth saying, not a fault. */
  note(row: TableRow, c: number, rule: string, message: string): void {
    this.findings.push({ severity: 'note', table: this.layout, ...this.loc(row, c), rule, message });
  }
  /** The cell as a finding names it: text for a person, row and column for a program. */
  loc(row: TableRow, c: number): Location {
    return locate(this.t.grid, row.r, gridColumn(row, c), this.col(c).caption);
  }
  units(c: number): Units | undefined {
    return this.col(c).units;
  }
  describe(row: TableRow, c: number): string {
    const caption = this.col(c).caption || `column ${c + 1}`;
    return `${row.label || '(no label)'} — ${caption}`;
  }

  /** Records that a check used these cells (see `involved`); `rounded`: as the inputs of a rounded percentage (see `plain`). */
  involve(cells: readonly At[], rounded = false): void {
    if (!this.traced) return;
    for (const [row, c] of cells) this.involveCell(row, c, rounded);
  }
  private involveCell(row: TableRow, c: number, rounded = false): void {
    if (!this.traced) return;
    const k = gridColumn(row, c);
    const r = row.rAt?.get(c) ?? row.r;
    this.involvedRC.push(r, k);
    if (!rounded) this.plainRC.push(r, k);
  }

  /**
   * Compares the figure printed at (row, c) with the one recomputed from the figures at `terms`; a
   * difference becomes a finding, a warning when the printed rounding could explain it. `terms`, `what`
   * and `extra` may be given as functions, called only when a trace or a finding needs them.
   */
  check(row: TableRow, c: number, expected: Dec, terms: readonly At[] | (() => readonly At[]), rule: string, what: string | (() => string), extra: string | (() => string) = ''): boolean {
    const printed = this.num(row, c);
    if (!printed || printed.notApplicable) return true;
    this.checked[categoryOf(rule)]++;
    // the columns checks use, for a table with a cell of words among figures (see usedCols)
    if (this.wordsInFigures) {
      this.usedCols.add(c);
      for (const [, k] of typeof terms === 'function' ? terms() : terms) this.usedCols.add(k);
    }
    if (this.traced) {
      this.involveCell(row, c);
      this.involve(typeof terms === 'function' ? terms() : terms);
    }
    if (printed.value.eq(expected)) return true;
    const readings = (typeof terms === 'function' ? terms() : terms).map(([r, k]) => this.at(r, k));
    // A figure printed to fewer places than the figures it comes from is exact when it is their result
    // rounded to its places (half up, or half to even): Clare's "Net Assets 2,745" over lines to 0.1 €m
    // adding to 2,744.5 — nothing differs but the precision printed (T6-08).
    // Only a figure printed less precisely than every figure it comes from (nils aside): one line printed
    // to more places among whole figures is no such convention, and a change to it stays a finding.
    const figures = readings.filter((x): x is Num => isNum(x) && !x.value.isZero());
    if (categoryOf(rule) === 'totals' && figures.length >= 2 && figures.every((x) => x.places > printed.places) &&
      (expected.toDecimalPlaces(printed.places, Dec.ROUND_HALF_UP).eq(printed.value) || expected.toDecimalPlaces(printed.places, Dec.ROUND_HALF_EVEN).eq(printed.value))) return true;
    const difference = printed.value.minus(expected);
    const { severity } = severityOf(difference, printed, readings);
    const u = this.units(c);
    const finding: AuditFinding = {
      severity,
      table: this.layout,
      ...this.loc(row, c),
      rule,
      message: `${this.describe(row, c)}: printed ${show(printed.value)}, but ${typeof what === 'string' ? what : what()} ${show(expected)}${u ? ` (${u})` : ''}` +
        `; difference ${show(difference)}${severity === 'warning' ? ', within the rounding of the printed figures' : ''}${typeof extra === 'string' ? extra : extra()}`,
      printed: text(printed.value),
      expected: text(expected),
      difference: text(difference),
    };
    this.findings.push(finding);
    this.failed.push({ finding, at: [row, c], terms: typeof terms === 'function' ? terms() : terms });
    return false;
  }
}

/**
 * x = p − m exactly: in integers where the three print their integers in the same places
 * (Reading.units); else in decimal, or — with `integersOnly` — false (the caller subtracts itself).
 */
export function isDifference(x: Num, p: Num, m: Num, integersOnly = false): boolean {
  if (x.units !== undefined && p.units !== undefined && m.units !== undefined && x.places === p.places && p.places === m.places) {
    const d = p.units - m.units;
    if (Number.isSafeInteger(d)) return d === x.units;
  }
  return !integersOnly && p.value.minus(m.value).eq(x.value);
}

/** Row, column, row, column … as [row, column] pairs. */
function pairs(rc: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < rc.length; i += 2) out.push([rc[i], rc[i + 1]]);
  return out;
}

export const moneyCols = (t: FoundTable) => t.columns.filter((c) => c.numeric && !c.percent && !c.rate).map((c) => c.c);
/** The rows (indices into a.t.rows) of the given kinds, in order. */
export function rowsOf(a: Audit, ...kinds: Kind[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.kinds.length; i++) if (kinds.includes(a.kinds[i])) out.push(i);
  return out;
}

// ---------- row rules: a figure that is the difference of two others ----------

/**
 * Checks column `target` as `plus` − `minus` on the given rows (a finding at each row that differs) and
 * records the reading in `a.differences`; `agree`: the lines it was learned from, when it was.
 */
export function difference(a: Audit, rows: number[], target: number, plus: number, minus: number, rule: string, what: string, agree?: number, magnitude = false): void {
  const caption = (c: number) => a.col(c).caption || `column ${c + 1}`;
  a.differences.push({
    column: locate(a.t.grid, a.t.r0, target, '').column,
    caption: caption(target),
    is: magnitude ? `|${caption(plus)} − ${caption(minus)}|` : `${caption(plus)} − ${caption(minus)}`,
    ...(agree !== undefined ? { agree } : {}),
    ...(magnitude ? { magnitude } : {}),
  });
  for (const i of rows) {
    const row = a.t.rows[i];
    const p = a.num(row, plus);
    const m = a.num(row, minus);
    const x = a.num(row, target);
    if (!x || !p || !m) continue;
    // p − m, or the printed figure itself when it is exactly that (found in integers: no Decimal made)
    if (magnitude) {
      // the size of the change: p − m or m − p, whichever is not negative
      const d = p.value.minus(m.value);
      a.check(row, target, d.abs(), () => (d.isNeg() ? [[row, minus], [row, plus, -1]] : [[row, plus], [row, minus, -1]]), rule, what);
      continue;
    }
    // A line merged into this one from the next year on: the row under it prints "Now included above" where
    // this year's figure would be, and last year's figure of its own (Rochford's 2025/26 county council
    // 1,579.59 includes the social care levy, 226.44 in 2024/25): the change is over both last-year figures
    // (and "included below", the row above). Rochford's 57.06 = 1,579.59 − (1,296.09 + 226.44); T11-57.
    const merged = mergedInto(a, i, plus, minus);
    if (merged) {
      const mm = a.num(merged, minus)!;
      a.check(row, target, p.value.minus(m.value).minus(mm.value), () => [[row, plus], [row, minus, -1], [merged, minus, -1]], rule,
        `${typeof what === 'string' ? what.replace(/ is$/, '') : what}, over this row's and "${merged.label}"'s ${caption(minus)} (that row's ${caption(plus)} "${a.num(merged, plus)!.raw}") is`);
      continue;
    }
    a.check(row, target, isDifference(x, p, m, true) ? x.value : p.value.minus(m.value), () => [[row, plus], [row, minus, -1]], rule, what);
  }
}

/** The row next to row i (an index into a.t.rows) whose `plus` figure says it is included in row i ("Now included above" under it, "… below" over it) and whose `minus` figure is printed: a line merged into row i. */
export function mergedInto(a: Audit, i: number, plus: number, minus: number): TableRow | undefined {
  const below = a.t.rows[i + 1];
  const above = a.t.rows[i - 1];
  return (below && includedIn(a, below, plus, minus, /\babove\b/i)) || (above && includedIn(a, above, plus, minus, /\bbelow\b/i)) || undefined;
}

/** The row, when its `plus` figure says it is included in the row above or below (`re`) and its `minus` figure is printed: a line merged into another. */
function includedIn(a: Audit, row: TableRow, plus: number, minus: number, re: RegExp): TableRow | undefined {
  const p = a.num(row, plus);
  const m = a.num(row, minus);
  if (!p?.notApplicable || !/^\s*(?:(?:now|already|also)\s+)?(?:included|incl\.?)\b/i.test(p.raw) || !re.test(p.raw)) return undefined;
  return m && !m.notApplicable && !m.value.isZero() ? row : undefined;
}
