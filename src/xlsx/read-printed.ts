// Reads the worksheets of a workbook (xlsx, xlsm, xls, ods; saved by any program) into grids for the
// audit: numbers as typed (a formula's cached result, 0 included), text as written, bold where the
// file says so (xlsx). The file reading is src/xlsx/read-book.ts (SheetJS; see its head for why).
import { AuditInputError } from '../audit/audit';
import type { Grid, GridCell } from '../audit/grid';
import { Dec, withoutResidue } from '../base/decimal';
import { type BookValue, NO_CALCULATED_VALUE, readBook, UnreadableWorkbook } from './read-book';

/** A boolean as Excel shows it; an error value as its text (#REF!), a formula with no value as typed (=C2-B2). */
function cellValue(v: BookValue): GridCell {
  if (v === null || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.formula ?? v.error;
}

/**
 * The decimal places a number format shows, from its first (positive) section: "0.0;(0.0)" 1,
 * "#,##0" 0, "#,##0.00_-" 2. Undefined where the places are not fixed by the format alone: General,
 * a percentage, a scientific or fraction format, or one that scales by thousands ("#,##0,").
 */
export function formatPlaces(format: string | undefined): number | undefined {
  if (!format) return undefined;
  // quoted text, escaped characters, [colour] and [condition] parts, and padding (_x, *x) say nothing of the places
  const first = format.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]|[_*]./g, '');
  if (!/[0#?]/.test(first) || /[%eE/@]/.test(first) || /[0#?],+(?![0#?])/.test(first)) return undefined;
  const dot = first.indexOf('.');
  return dot < 0 ? 0 : (first.slice(dot + 1).match(/[0#?]/g) ?? []).length;
}

/**
 * A number as the cell shows it when its format fixes the places and the number differs from what it
 * shows only by a formula's binary residue (less than 10^-(places+4)): 260.4 − 261.7 stored as
 * −1.3000000000000114 in a "0.0" cell is −1.3 (U6-15). A figure with more places than its format
 * shows (pence in a "#,##0" cell) is left as typed: the audit reads the figure, and its rounding.
 */
function shown(v: number, format: string | undefined): number {
  const places = formatPlaces(format);
  if (places === undefined || !Number.isFinite(v)) return v;
  const d = withoutResidue(v);
  if (d.decimalPlaces() <= places) return v;
  const r = d.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
  // the decimal itself, carried as the number a cell would hold for it (exact at 15 significant digits)
  return r.minus(d).abs().lt(new Dec(10).pow(-(places + 4))) ? Number(r.toFixed()) : v;
}

/**
 * Why each cell holding no value is no figure (Grid.errors): an error value, or a formula the file
 * saved without its result. Undefined when the sheet has none.
 */
function errorsOf(values: BookValue[][]): (string | undefined)[][] | undefined {
  let out: (string | undefined)[][] | undefined;
  values.forEach((row, r) => row.forEach((v, c) => {
    if (v === null || typeof v !== 'object') return;
    out ??= [];
    (out[r] ??= [])[c] = v.formula !== undefined
      ? `${v.formula} is ${NO_CALCULATED_VALUE}`
      : v.error === NO_CALCULATED_VALUE
        ? NO_CALCULATED_VALUE
        : `${v.error} is an error value in the workbook, not a figure`;
  }));
  return out;
}

export async function readPrintedWorkbook(data: Buffer | ArrayBuffer, name: string, sheet?: string): Promise<Grid[]> {
  let book;
  try {
    book = await readBook(data, { bold: true, name });
  } catch (e) {
    if (e instanceof UnreadableWorkbook) throw new AuditInputError(name, e.reason);
    throw e;
  }
  const sheets = sheet === undefined ? book : book.filter((ws) => ws.name === sheet);
  if (sheet !== undefined && sheets.length === 0) {
    throw new AuditInputError(name, `no worksheet named ${JSON.stringify(sheet)} (the workbook has ${book.map((w) => JSON.stringify(w.name)).join(', ')})`);
  }
  return sheets.map((ws) => {
    const errors = errorsOf(ws.values);
    return {
      sheet: ws.name,
      cells: ws.values.map((row, r) => row.map((v, c) => (typeof v === 'number' ? shown(v, ws.formats[r]?.[c]) : cellValue(v)))),
      bold: ws.bold,
      addressing: 'a1' as const,
      ...(errors ? { errors } : {}),
    };
  });
}
