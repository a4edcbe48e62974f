/// <reference types="office-js" />
// Reads the user's selection for "Map a range": its sheet, its address and its first row (the
// headers the mapping form offers), and the Reserve years setting of the settings sheet (the
// ReserveLines columns depend on it). One sync, two when the settings sheet exists; nothing is written.
import type { GridValue } from '../format/templates';
import { reserveYearsFrom } from '../format/mapping';
import { splitSheetRef } from './select';

export interface Selection {
  sheet: string;
  /** without the sheet and the $ signs: "B3:J20" */
  address: string;
  headers: GridValue[];
  rows: number;
  /** the Reserve years setting of `settingsSheet` ([] when it or the sheet is not there) */
  reserveYears: string[];
}

const cell = (v: unknown, type: string | undefined): GridValue => (type === 'Empty' || type === 'Error' || v === '' || v === null ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v));

export async function readSelection(context: Excel.RequestContext, settingsSheet?: string): Promise<Selection> {
  const range = context.workbook.getSelectedRange();
  range.load('address,values,valueTypes,rowCount');
  const sheets = context.workbook.worksheets;
  if (settingsSheet) sheets.load('items/name');
  await context.sync();
  const { sheet, address } = splitSheetRef(range.address);
  const types = (range.valueTypes as unknown as string[][])[0] ?? [];
  const headers = (range.values[0] ?? []).map((v, i) => cell(v, types[i]));
  let reserveYears: string[] = [];
  const settings = settingsSheet && sheets.items.find((w) => w.name.toLowerCase() === settingsSheet.toLowerCase());
  if (settings) {
    const used = sheets.getItem(settings.name).getUsedRange(true);
    used.load('address,values,valueTypes');
    await context.sync();
    const { address: at } = splitSheetRef(used.address);
    const m = /^\$?([A-Z]+)\$?(\d+)/.exec(at)!;
    let c0 = 0;
    for (const ch of m[1]) c0 = c0 * 26 + ch.charCodeAt(0) - 64;
    const ut = used.valueTypes as unknown as string[][];
    const grid: GridValue[][] = [...Array<GridValue[]>(Number(m[2]) - 1).fill([]), ...used.values.map((row, r) => [...Array<GridValue>(c0 - 1).fill(null), ...row.map((v, c) => cell(v, ut[r]?.[c]))])];
    reserveYears = reserveYearsFrom(grid);
  }
  return { sheet, address: address.replace(/\$/g, ''), headers, rows: range.rowCount, reserveYears };
}
