// Reads an input workbook (the Outturn templates) with ExcelJS into grids for the pure template reader.
import ExcelJS from 'exceljs';
import type { OutturnInput } from '../engine/model';
import { type InputError, InvalidInput } from '../format/errors';
import { parseA1 } from '../base/a1';
import { type GridValue, type InputSheet, readTemplates } from '../format/templates';

/** One ExcelJS cell value as the template reader sees it. */
export function gridValue(v: ExcelJS.CellValue): GridValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  // A number shown as a date; one too large for a date comes back as an invalid Date.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: 'a number formatted as a date it cannot be (######)' } : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      if (r === undefined || r === null) return { error: 'a formula with no calculated value (open and save the workbook in Excel, or enter the value)' };
      if (typeof r === 'object' && 'error' in r) return { error: String(r.error) };
      return r instanceof Date ? gridValue(r) : (r as GridValue);
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
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: GridValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // A merged cell other than the top-left one repeats the top-left value in ExcelJS: it holds nothing.
        cells[c - 1] = cell.isMerged && cell.master !== cell ? null : gridValue(cell.value);
      });
      values[r - 1] = Array.from(cells, (x) => x ?? null);
      if (row.hidden) hiddenRows.push(r - 1);
    });
    // Merged ranges, e.g. "E7:F7" (the worksheet model lists them).
    const merged = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => {
      const [a, b = a] = m.split(':');
      const p = parseA1(a);
      const q = parseA1(b);
      return { r0: p.r, c0: p.c, r1: q.r, c1: q.c };
    });
    return { name: ws.name, values: Array.from(values, (x) => x ?? []), merged, hiddenRows };
  });
}

export async function readInputWorkbook(data: Buffer, name: string, notes?: InputError[]): Promise<OutturnInput> {
  return readTemplates(await workbookSheets(data, name), name, notes);
}
