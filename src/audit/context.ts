// What the rules share: the table, where findings go, how to name a cell, and small helpers.
import { Dec, ZERO, text } from '../base/decimal';
import type { Units } from '../engine/model';
import type { Column, FoundTable, Layout, TableRow } from './detect';
import { type AuditFinding, type Num, isNum, severityOf, show } from './findings';
import { type Reading, place } from './grid';
import type { Kind } from './kinds';

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

export const moneyCols = (t: FoundTable) => t.columns.filter((c) => c.numeric && !c.percent).map((c) => c.c);
export const rowsOf = (a: Audit, ...kinds: Kind[]) => a.kinds.map((k, i) => (kinds.includes(k) ? i : -1)).filter((i) => i >= 0);

// ---------- row rules: a figure that is the difference of two others ----------

export function difference(a: Audit, rows: number[], target: number, plus: number, minus: number, rule: string, what: string): void {
  for (const i of rows) {
    const row = a.t.rows[i];
    const p = a.num(row, plus);
    const m = a.num(row, minus);
    if (!a.num(row, target) || !p || !m) continue;
    a.check(row, target, p.value.minus(m.value), [p, m], rule, what);
  }
}
