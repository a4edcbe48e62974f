/// <reference types="office-js" />
// Reads the user's selection for "Map a range": its sheet, its address and its first row (the
// headers the mapping form offers). One sync; nothing is written.
import type { GridValue } from '../format/templates';
import { splitSheetRef } from './select';

export interface Selection {
  sheet: string;
  /** without the sheet and the $ signs: "B3:J20" */
  address: string;
  headers: GridValue[];
  rows: number;
}

export async function readSelection(context: Excel.RequestContext): Promise<Selection> {
  const range = context.workbook.getSelectedRange();
  range.load('address,values,valueTypes,rowCount');
  await context.sync();
  const { sheet, address } = splitSheetRef(range.address);
  const types = (range.valueTypes as unknown as string[][])[0] ?? [];
  const headers = (range.values[0] ?? []).map((v, i): GridValue => (types[i] === 'Empty' || types[i] === 'Error' || v === '' || v === null ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v)));
  return { sheet, address: address.replace(/\$/g, ''), headers, rows: range.rowCount };
}
