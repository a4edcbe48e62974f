// Reads an input workbook (the Outturn templates) with ExcelJS into grids for the pure template reader.
import ExcelJS from 'exceljs';
import type { OutturnInput } from '../engine/model';
import { InvalidInput } from '../format/errors';
import { type GridValue, type InputSheet, readTemplates } from '../format/templates';

/** One ExcelJS cell value as the template reader sees it. */
export function gridValue(v: ExcelJS.CellValue): GridValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      if (r === undefined || r === null) return { error: 'a formula with no calculated value (open and save the workbook in Excel, or enter the value)' };
      if (typeof r === 'object' && 'error' in r) return { error: String(r.error) };
      return r instanceof Date ? r.toISOString().slice(0, 10) : (r as GridValue);
    }
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

export async function workbookSheets(data: Buffer, name: string): Promise<InputSheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new InvalidInput([{ where: name, message: `not a readable xlsx workbook (${(e as Error).message})` }]);
  }
  return wb.worksheets.map((ws) => {
    const values: GridValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: GridValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells[c - 1] = gridValue(cell.value);
      });
      values[r - 1] = Array.from(cells, (x) => x ?? null);
    });
    return { name: ws.name, values: Array.from(values, (x) => x ?? []) };
  });
}

export async function readInputWorkbook(data: Buffer, name: string): Promise<OutturnInput> {
  return readTemplates(await workbookSheets(data, name), name);
}
