/// <reference types="office-js" />
// Reads a printed table for the audit: the used part of the selection (a whole-column selection
// is millions of cells, whose values Excel gives as null) or the active sheet's used range, as a
// grid from A1 (typed numbers stay numbers, text stays as printed), with bold where Excel can say
// (ExcelApi 1.9). One sync for where it is, then the cells in row bands under Excel's response
// limits (src/excel/bands.ts): one more sync for a table of ordinary size.
import type { Grid, GridCell } from '../audit/audit';
import { parseRangeAddress } from './address';
import { readInBands } from './bands';

export async function readAuditGrid(context: Excel.RequestContext, what: 'selection' | 'sheet', withBold: boolean): Promise<Grid | undefined> {
  let range: Excel.Range;
  if (what === 'selection') {
    const selected = context.workbook.getSelectedRange();
    range = selected.getIntersectionOrNullObject(selected.worksheet.getUsedRange(true));
  } else {
    range = context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true);
  }
  range.load('address');
  await context.sync();
  if (range.isNullObject) return undefined;
  const at = parseRangeAddress(range.address);
  const read = await readInBands(context, at.sheet, at, { bold: withBold });
  const cells: GridCell[][] = Array.from({ length: at.r0 }, () => []);
  const bold: boolean[][] = Array.from({ length: at.r0 }, () => []);
  read.values.forEach((row, r) => {
    cells.push([...Array<GridCell>(at.c0).fill(null), ...row.map((v, c): GridCell => {
      if (read.valueTypes[r][c] === 'Empty' || v === '' || v === null) return null;
      return typeof v === 'number' ? v : String(v);
    })]);
    bold.push([...Array<boolean>(at.c0).fill(false), ...(read.bold ? read.bold[r] : row.map(() => false))]);
  });
  return { sheet: at.sheet, cells, bold, addressing: 'a1' };
}
