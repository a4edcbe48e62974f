// Reads the worksheets of a workbook (xlsx, xlsm, xls, ods; saved by any program) into grids for the
// audit: numbers as typed (a formula's cached result, 0 included), text as written, bold where the
// file says so (xlsx). The file reading is src/xlsx/read-book.ts (SheetJS; see its head for why).
import { AuditInputError } from '../audit/audit';
import type { Grid, GridCell } from '../audit/grid';
import { type BookValue, NO_CALCULATED_VALUE, readBook, UnreadableWorkbook } from './read-book';

/** A boolean as Excel shows it; an error value as its text (#REF!), a formula with no value as typed (=C2-B2). */
function cellValue(v: BookValue): GridCell {
  if (v === null || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.formula ?? v.error;
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
    // the number formats of typed numbers: the places and per cent sign each prints (Grid.formats)
    let formats: (string | undefined)[][] | undefined;
    ws.values.forEach((row, r) => row.forEach((v, c) => {
      const f = ws.formats[r]?.[c];
      if (typeof v !== 'number' || !f || /^general$/i.test(f)) return;
      ((formats ??= [])[r] ??= [])[c] = f;
    }));
    return {
      sheet: ws.name,
      cells: ws.values.map((row) => row.map(cellValue)),
      bold: ws.bold,
      addressing: 'a1' as const,
      ...(errors ? { errors } : {}),
      ...(formats ? { formats } : {}),
      ...(ws.hiddenRows.length ? { hiddenRows: new Set(ws.hiddenRows) } : {}),
      ...(ws.visibility !== 'visible' ? { hiddenSheet: ws.visibility } : {}),
    };
  });
}
