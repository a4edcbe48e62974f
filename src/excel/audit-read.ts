/// <reference types="office-js" />
// Reads a printed table for the audit: the selection or the active sheet's used range, as a grid
// from A1 (typed numbers stay numbers, text stays as printed), with bold where Excel can say
// (ExcelApi 1.9). One sync.
import type { Grid, GridCell } from '../audit/audit';

export async function readAuditGrid(context: Excel.RequestContext, what: 'selection' | 'sheet', withBold: boolean): Promise<Grid | undefined> {
  const range = what === 'selection'
    ? context.workbook.getSelectedRange()
    : context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true);
  range.load('address,values,valueTypes');
  const props = withBold ? range.getCellProperties({ format: { font: { bold: true } } }) : undefined;
  await context.sync();
  if (what === 'sheet' && range.isNullObject) return undefined;
  const address = range.address;
  const bang = address.lastIndexOf('!');
  const sheet = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  const m = /^\$?([A-Z]+)\$?([0-9]+)/.exec(address.slice(bang + 1));
  if (!m) throw new Error(`unexpected address ${address}`);
  let c0 = 0;
  for (const ch of m[1]) c0 = c0 * 26 + (ch.charCodeAt(0) - 64);
  c0 -= 1;
  const r0 = Number.parseInt(m[2], 10) - 1;
  const types = range.valueTypes as unknown as string[][];
  const cells: GridCell[][] = Array.from({ length: r0 }, () => []);
  const bold: boolean[][] = Array.from({ length: r0 }, () => []);
  range.values.forEach((row, r) => {
    cells.push([...Array<GridCell>(c0).fill(null), ...row.map((v, c): GridCell => {
      if (types[r][c] === 'Empty' || v === '' || v === null) return null;
      return typeof v === 'number' ? v : String(v);
    })]);
    bold.push([...Array<boolean>(c0).fill(false), ...(props ? props.value[r].map((p) => !!p.format?.font?.bold) : row.map(() => false))]);
  });
  return { sheet, cells, bold, addressing: 'a1' };
}
