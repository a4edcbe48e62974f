// A small helper the three table modules share: rows of input figures and derived figures.
import { invariant } from '../base/invariant';
import { Dec, ZERO } from '../base/decimal';
import type { CellRef, Column, Derivation, Figure, Row, RowKind, Table, TableCell, TableId, Units } from './model';

export class TableBuilder {
  readonly rows: Row[] = [];
  constructor(
    readonly id: TableId,
    readonly columns: Column[],
  ) {}

  col(id: string): number {
    const i = this.columns.findIndex((c) => c.id === id);
    invariant(i >= 0, () => `${this.id}: no column ${id}`);
    return i;
  }

  has(id: string): boolean {
    return this.columns.some((c) => c.id === id);
  }

  /** Adds a row; cells are given by column id. Returns the row index. */
  add(kind: RowKind, label: string, bold: boolean, cells: Record<string, TableCell> = {}, source?: string): number {
    const row: Row = { kind, label, bold, cells: this.columns.map(() => null), source };
    row.cells[0] = { text: label };
    for (const [id, cell] of Object.entries(cells)) {
      if (this.has(id)) row.cells[this.col(id)] = cell;
    }
    this.rows.push(row);
    return this.rows.length - 1;
  }

  ref(r: number, colId: string): CellRef {
    return { t: this.id, r, c: this.col(colId) };
  }

  refs(rows: number[], colId: string): CellRef[] {
    return rows.map((r) => this.ref(r, colId));
  }

  build(title: string, units: Units, subtitle?: string): Table {
    return { id: this.id, title, subtitle, units, columns: this.columns, rows: this.rows, labelColumn: 0 };
  }
}

/** An input figure, exact in display units. */
export function input(exact: Dec, dp: number): Figure {
  return { exact, shown: exact, stored: exact, dp };
}

/** A derived figure; the evaluator fills its values. */
export function derived(derivation: Derivation, dp: number): Figure {
  return { exact: ZERO, shown: ZERO, stored: ZERO, dp, derivation };
}

export function sumOf(of: CellRef[], dp: number): Figure {
  return derived({ op: 'sum', of }, dp);
}
