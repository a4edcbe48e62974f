// Pure translation of a sheet plan into what Office.js takes: 2D arrays for `range.formulas` and
// `range.numberFormat`, style properties, column widths in points. No Office here, so it is tested
// on its own and shared by the writer and the report copy.
import { spreadsheetNumber } from '../base/spreadsheet-number';
import type { PlanCell } from '../plan/plan';
import type { CellStyle } from '../plan/styles';

/**
 * Text as Excel must receive it to keep it text: typed text that Excel would turn into a formula,
 * a number, a date or a boolean ('=x', '2020/21', '1', '(1,234)', 'TRUE') is written with Excel's
 * quote prefix, which Excel does not show or store as part of the text.
 */
export function textForExcel(v: string): string {
  if (v === '') return '';
  const risky =
    /^[=+\-@']/.test(v) ||
    !/[A-Za-z]/.test(v) ||
    /^\s*(true|false)\s*$/i.test(v) ||
    /^\s*[-+]?[0-9.]+e[-+]?[0-9]+\s*$/i.test(v) ||
    /^\s*[0-9]{1,2}[\s\-/]*[A-Za-z]{3,9}([\s\-/]*[0-9]{2,4})?\s*$/.test(v) ||
    /^\s*[A-Za-z]{3,9}[\s\-/]*[0-9]{1,4}([\s\-/,]*[0-9]{2,4})?\s*$/.test(v) ||
    /^\s*[0-9]+(:[0-9]+)+\s*(am|pm)?\s*$/i.test(v);
  return risky ? `'${v}` : v;
}

/** One plan cell as an entry of `range.formulas`: a number, a formula, text, or '' for blank. */
export function formulaEntry(cell: PlanCell): string | number {
  if (cell === null) return '';
  switch (cell.t) {
    case 's':
      return textForExcel(cell.v);
    case 'n':
      return spreadsheetNumber(cell.v); // no decimal.js in the pane (src/base/spreadsheet-number.ts)
    case 'f':
      return cell.f;
  }
}

export function formulasGrid(cells: PlanCell[][], r0 = 0, r1 = cells.length - 1): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (let r = r0; r <= r1; r++) out.push(cells[r].map(formulaEntry));
  return out;
}

/** A plan column width (characters of the default font, as in xlsx) in points, as Office.js sets it. */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Runs of equal widths, so a sheet's widths take a few operations: [first column, last column, points]. */
export function widthRuns(widths: number[]): [number, number, number][] {
  const runs: [number, number, number][] = [];
  widths.forEach((w, c) => {
    const pts = widthInPoints(w);
    const last = runs[runs.length - 1];
    if (last && last[1] === c - 1 && last[2] === pts) last[1] = c;
    else runs.push([c, c, pts]);
  });
  return runs;
}

/** Property writes for a style, as [path, value] pairs, path relative to `range.format`. */
export function styleWrites(st: CellStyle, multiRow: boolean): [string, string | number | boolean][] {
  const w: [string, string | number | boolean][] = [];
  if (st.bold) w.push(['font.bold', true]);
  if (st.italic) w.push(['font.italic', true]);
  if (st.size) w.push(['font.size', st.size]);
  if (st.color) w.push(['font.color', st.color]);
  if (st.underline) w.push(['font.underline', 'Single']);
  if (st.fill) w.push(['fill.color', st.fill]);
  const border = (edge: string, kind: 'thin' | 'double') => {
    if (kind === 'double') w.push([`borders.${edge}.style`, 'Double']);
    else {
      w.push([`borders.${edge}.style`, 'Continuous']);
      w.push([`borders.${edge}.weight`, 'Thin']);
    }
  };
  // A plan style is per cell (as in xlsx): over several rows, every row gets the border.
  if (st.borderTop) border('EdgeTop', st.borderTop);
  if (st.borderBottom) border('EdgeBottom', st.borderBottom);
  if (multiRow && (st.borderTop || st.borderBottom)) border('InsideHorizontal', st.borderBottom ?? st.borderTop!);
  if (st.wrap) w.push(['wrapText', true]);
  if (st.hAlign) w.push(['horizontalAlignment', st.hAlign === 'center' ? 'Center' : st.hAlign === 'left' ? 'Left' : 'Right']);
  if (st.vAlign) w.push(['verticalAlignment', st.vAlign === 'top' ? 'Top' : 'Bottom']);
  return w;
}

/** UTF-8 size of a JSON value: how big it makes a request. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
