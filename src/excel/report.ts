// "Copy for report": a finished, values-only copy of a table sheet (no formulas, no engine figures,
// no check rows, so nothing can break when it is pasted elsewhere), and the same table as display
// text for Word. Pure: the worker makes it, the task pane renders it with DOM text nodes.
import { parseA1, range as rangeA1 } from '../base/a1';
import type { PlanCell, SheetPlan } from '../plan/plan';
import { NUMBER_FORMATS } from '../plan/styles';

/** Where one table sits on its sheet (from the plan's placement and the table's own shape). */
export interface TableBlock {
  /** 0-based row of the first data row */
  row0: number;
  /** rows of headers above it */
  headerRows: number;
  rows: number;
  columns: number;
}


/** A values-only copy of `sheet` named `name`, keeping only the tables themselves. */
export function reportSheet(sheet: SheetPlan, blocks: TableBlock[], name: string): SheetPlan {
  const keep = (r: number, c: number) => {
    for (const b of blocks) {
      const top = b.row0 - b.headerRows;
      if (r >= top && r < b.row0 + b.rows) return c < b.columns; // the table, not the engine figures beside it
      if (r === b.row0 + b.rows + 1) return false; // the check row
    }
    return true; // titles
  };
  const cells: PlanCell[][] = sheet.cells.map((row, r) => row.map((cell, c) => {
    if (!cell || !keep(r, c)) return null;
    return cell.t === 'f' ? { t: 'n', v: cell.v } : cell.t === 's' ? { t: 's', v: cell.v } : cell;
  }));
  // Trim what was only engine figures and checks.
  let height = cells.length;
  while (height > 0 && cells[height - 1].every((c) => c === null)) height--;
  let width = 0;
  for (const row of cells.slice(0, height)) row.forEach((c, i) => { if (c) width = Math.max(width, i + 1); });
  const trimmed = cells.slice(0, height).map((row) => row.slice(0, width));
  const clip = <T extends { range: string }>(list: T[]): T[] => list.flatMap((x) => {
    const [from, to = from] = x.range.split(':');
    const a = parseA1(from);
    const b = parseA1(to);
    const r1 = Math.min(b.r, height - 1);
    const c1 = Math.min(b.c, width - 1);
    if (a.r > r1 || a.c > c1) return [];
    for (let r = a.r; r <= r1; r++) for (let c = a.c; c <= c1; c++) if (!keep(r, c)) return [];
    return [{ ...x, range: rangeA1(a.r, a.c, r1, c1) }];
  });
  return {
    name,
    role: 'table',
    tables: sheet.tables,
    cells: trimmed,
    columnWidths: sheet.columnWidths.slice(0, width),
    numberFormats: clip(sheet.numberFormats),
    styles: clip(sheet.styles),
    freeze: sheet.freeze,
    checkCells: [],
  };
}

export { displayNumber, displayRows, type DisplayCell } from '../plan/display';
export { NUMBER_FORMATS };
