// A sheet plan's cells as they read: every figure in the plan's own number format (thousands
// separators, brackets for negatives, a dash for nil, rounded half away from zero as Excel's
// display does), with its emphasis. Pure; shared by "Copy for report" and the published document.
import { Dec, round } from '../base/decimal';
import { parseA1 } from '../base/a1';
import type { SheetPlan } from './plan';
import { type FormatName, STYLES, type StyleName } from './styles';

export interface DisplayCell {
  text: string;
  numeric: boolean;
  bold: boolean;
  italic: boolean;
  borderTop: boolean;
  borderBottom: 'thin' | 'double' | undefined;
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
    percent0: { dp: 0, scale: 100, suffix: '%', group: false },
    percent2: { dp: 2, scale: 100, suffix: '%', group: false },
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
