// ExcelJS, loaded on first use: only the commands that read or write a workbook pay for it.
//
// `exceljs`'s own entry also loads its streaming reader and writer (unzipper, archiver, and
// their dependencies), which Outturn never uses: about two thirds of its load time. The
// Workbook class is taken from its module directly (`exceljs/lib/doc/workbook`, the very class
// the entry exports as `Workbook`: test/xlsx/exceljs.test.ts checks that they are the same object).
import type * as ExcelJS from 'exceljs';

let Workbook: typeof ExcelJS.Workbook | undefined;

/** A new, empty ExcelJS workbook; the first call loads ExcelJS (~50 ms on a quiet machine). */
export function newWorkbook(): ExcelJS.Workbook {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  Workbook ??= require('exceljs/lib/doc/workbook') as typeof ExcelJS.Workbook;
  return new Workbook();
}
