/// <reference types="office-js" />
// Reads the user's selection for "Map a range": its sheet, the used part of it (a whole-column
// selection such as A:H is 8 million cells, whose values Excel gives as null, and whose address
// "Sheet1!A:H" has no row), and only the header row of that part — what the mapping form offers —
// with the Reserve years setting of the settings sheet (the ReserveLines columns depend on it).
// Two syncs: the used part's address first, then its header row (and the settings sheet, when it
// exists). Nothing is written, and the range itself is read only when a build uses the mapping.
import type { GridValue } from '../format/templates';
import { reserveYearsFrom } from '../format/mapping';
import { parseRangeAddress } from './address';
import { splitSheetRef } from './select';

export interface Selection {
  sheet: string;
  /** the used part of the selection, without the sheet and the $ signs: "B3:J20" */
  address: string;
  headers: GridValue[];
  rows: number;
  /** the Reserve years setting of `settingsSheet` ([] when it or the sheet is not there) */
  reserveYears: string[];
}

/** The selection holds nothing: there is no range to map. */
export class EmptySelection extends Error {
  constructor(readonly sheet: string, readonly address: string) {
    super(`The selection (${address} on "${sheet}") holds nothing: select your range, its header row first and the lines below it.`);
    this.name = 'EmptySelection';
  }
}

const cell = (v: unknown, type: string | undefined): GridValue => (type === 'Empty' || type === 'Error' || v === '' || v === null ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v));

export async function readSelection(context: Excel.RequestContext, settingsSheet?: string): Promise<Selection> {
  const selected = context.workbook.getSelectedRange();
  selected.load('address');
  // The used part of the selection: never more than the sheet holds, whatever was selected.
  const part = selected.getIntersectionOrNullObject(selected.worksheet.getUsedRange(true));
  part.load('address,rowCount');
  const sheets = context.workbook.worksheets;
  if (settingsSheet) sheets.load('items/name');
  await context.sync();
  const { sheet, address: selAddress } = splitSheetRef(selected.address);
  if (part.isNullObject) throw new EmptySelection(sheet, selAddress.replace(/\$/g, ''));
  const header = part.getRow(0);
  header.load('values,valueTypes');
  const settings = settingsSheet && sheets.items.find((w) => w.name.toLowerCase() === settingsSheet.toLowerCase());
  const used = settings ? sheets.getItem(settings.name).getUsedRange(true) : undefined;
  used?.load('address,values,valueTypes');
  await context.sync();
  const types = (header.valueTypes as unknown as string[][])[0] ?? [];
  const headers = (header.values[0] ?? []).map((v, i) => cell(v, types[i]));
  let reserveYears: string[] = [];
  if (used) {
    const at = parseRangeAddress(used.address);
    const ut = used.valueTypes as unknown as string[][];
    const grid: GridValue[][] = [...Array<GridValue[]>(at.r0).fill([]), ...used.values.map((row, r) => [...Array<GridValue>(at.c0).fill(null), ...row.map((v, c) => cell(v, ut[r]?.[c]))])];
    reserveYears = reserveYearsFrom(grid);
  }
  return { sheet, address: splitSheetRef(part.address).address.replace(/\$/g, ''), headers, rows: part.rowCount, reserveYears };
}
