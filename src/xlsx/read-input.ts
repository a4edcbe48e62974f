// Reads an input workbook (the Outturn templates, saved by any spreadsheet program) into grids for
// the pure template reader. The file reading is src/xlsx/read-book.ts (SheetJS; see its head for why).
import type { OutturnInput } from '../engine/model';
import { type InputError, InvalidInput } from '../format/errors';
import { type InputSheet, readTemplates } from '../format/templates';
import { readBook, UnreadableWorkbook } from './read-book';

/**
 * Every sheet of the workbook as grids from A1 (a formula's cached result, 0 included; a number in
 * a date format as YYYY-MM-DD; an error value as {error}), with merged areas and hidden rows.
 * Throws InvalidInput naming the file when it cannot be read.
 */
export async function workbookSheets(data: Buffer, name: string): Promise<InputSheet[]> {
  try {
    return (await readBook(data, { name })).map((s) => ({ name: s.name, values: s.values, merged: s.merged, hiddenRows: s.hiddenRows }));
  } catch (e) {
    if (e instanceof UnreadableWorkbook) throw new InvalidInput([{ where: name, message: e.reason }]);
    throw e;
  }
}

export async function readInputWorkbook(data: Buffer, name: string, notes?: InputError[]): Promise<OutturnInput> {
  return readTemplates(await workbookSheets(data, name), name, notes);
}
