// "Copy for report": a finished, values-only copy of a table sheet (no formulas, no engine figures,
// no check rows, so nothing can break when it is pasted elsewhere), and the same table as display
// text for Word. Pure: the worker makes it, the task pane renders it with DOM text nodes.
import { Dec, round } from '../base/decimal';
import { parseA1, range as rangeA1 } from '../base/a1';
import type { PlanCell, SheetPlan } from '../plan/plan';
import { type FormatName, NUMBER_FORMATS, STYLES, type StyleName } from '../plan/styles';

/** Where one table sits on its sheet (from the plan's placement and the table's own shape). */
export interface TableBlock {
  /** 0-based row of the first data row */
  row0: number;
  /** rows of headers above it */
  headerRows: number;
  rows: number;
  columns: number;
}

export interface DisplayCell {
  text: string;
  numeric: boolean;
  bold: boolean;
  italic: boolean;
  borderTop: boolean;
  borderBottom: 'thin' | 'double' | undefined;
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

/** The table as it reads on the sheet: every cell's displayed text and its emphasis. */
export function displayRows(sheet: SheetPlan): DisplayCell[][] {
  const height = sheet.cells.length;
  const width = height ? sheet.cells[0].length : 0;
  const formats: (FormatName | undefined)[][] = Array.from({ length: height }, () => Array(width).fill(undefined));
  const styles: StyleName[][][] = Array.from({ length: height }, () => Array.from({ length: width }, () => []));
  const each = (range: string, fn: (r: number, c: number) => void) => {
    const [from, to = from] = range.split(':');
    const a = parseA1(from);
    const b = parseA1(to);
    for (let r = a.r; r <= Math.min(b.r, height - 1); r++) for (let c = a.c; c <= Math.min(b.c, width - 1); c++) fn(r, c);
  };
  for (const f of sheet.numberFormats) each(f.range, (r, c) => { formats[r][c] = f.format; });
  for (const s of sheet.styles) each(s.range, (r, c) => styles[r][c].push(s.style));
  return sheet.cells.map((row, r) => row.map((cell, c) => {
    const st = styles[r][c].map((n) => STYLES[n] as { bold?: boolean; italic?: boolean; borderTop?: 'thin'; borderBottom?: 'thin' | 'double' });
    const numeric = cell !== null && cell.t !== 's';
    return {
      text: cell === null ? '' : cell.t === 's' ? cell.v : displayNumber(cell.v, formats[r][c]),
      numeric,
      bold: st.some((x) => x.bold),
      italic: st.some((x) => x.italic),
      borderTop: st.some((x) => x.borderTop),
      borderBottom: st.reduce<'thin' | 'double' | undefined>((b, x) => x.borderBottom ?? b, undefined),
    };
  }));
}

/**
 * A decimal as Excel shows it in one of the plan's formats: thousands separators, brackets for
 * negatives, a dash for nil, rounded half away from zero (as Excel's display does).
 */
export function displayNumber(v: string, format: FormatName | undefined): string {
  const d = new Dec(v);
  const spec: Record<FormatName, { dp: number; scale: number; suffix: string; group: boolean } | undefined> = {
    money0: { dp: 0, scale: 1, suffix: '', group: true },
    money1: { dp: 1, scale: 1, suffix: '', group: true },
    money2: { dp: 2, scale: 1, suffix: '', group: true },
    money3: { dp: 3, scale: 1, suffix: '', group: true },
    percent1: { dp: 1, scale: 100, suffix: '%', group: false },
    ratio1: { dp: 1, scale: 1, suffix: '', group: false },
    check: { dp: 2, scale: 1, suffix: '', group: false },
    text: undefined,
  };
  const s = format ? spec[format] : undefined;
  if (!s) return d.toFixed();
  if (format !== 'check' && d.isZero()) return '-';
  if (format === 'check' && d.isZero()) return '0';
  const shown = round(d.abs().times(s.scale), s.dp).toFixed(s.dp);
  const [int, frac] = shown.split('.');
  const grouped = s.group ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  const body = `${grouped}${frac ? `.${frac}` : ''}${s.suffix}`;
  if (format === 'check') return d.isNegative() ? `-${body}` : body;
  return d.isNegative() ? `(${body})` : body;
}

export { NUMBER_FORMATS };
