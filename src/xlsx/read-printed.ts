// Reads the worksheets of an xlsx workbook into grids for the audit: numbers as typed (a formula's
// cached result), text as written, bold where the font says so. ExcelJS's `cell.text` ignores number
// formats, so a number is never read through it; and `cell.value` drops a formula result of 0, so a
// formula is read through `cell.result`.
import type * as ExcelJS from 'exceljs';
import { newWorkbook } from './exceljs';
import { AuditInputError } from '../audit/audit';
import type { Grid, GridCell } from '../audit/grid';

/** A formula with no calculated value, or an error value: the text says which, and the audit reports it. */
function cellValue(cell: ExcelJS.Cell): GridCell {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const r = cell.result as ExcelJS.CellValue | undefined;
      if (r === undefined || r === null) return `=${(v as ExcelJS.CellFormulaValue).formula ?? ''} (a formula with no calculated value)`;
      if (typeof r === 'number' || typeof r === 'string') return r;
      if (typeof r === 'boolean') return r ? 'TRUE' : 'FALSE';
      if (r instanceof Date) return r.toISOString().slice(0, 10);
      if (typeof r === 'object' && 'error' in r) return String(r.error);
      return String(r);
    }
    if ('error' in v) return String(v.error);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

export async function readPrintedWorkbook(data: Buffer | ArrayBuffer, name: string, sheet?: string): Promise<Grid[]> {
  const wb = newWorkbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch (e) {
    throw new AuditInputError(name, `not a readable xlsx workbook (${(e as Error).message})`);
  }
  const sheets = sheet === undefined ? wb.worksheets : wb.worksheets.filter((ws) => ws.name === sheet);
  if (sheet !== undefined && sheets.length === 0) {
    throw new AuditInputError(name, `no worksheet named ${JSON.stringify(sheet)} (the workbook has ${wb.worksheets.map((w) => JSON.stringify(w.name)).join(', ')})`);
  }
  return sheets.map((ws) => {
    const cells: GridCell[][] = [];
    const bold: boolean[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const line: GridCell[] = [];
      const b: boolean[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // A merged cell's slaves repeat the master's value in ExcelJS: keep it once, where it is written.
        if (cell.isMerged && cell.master !== cell) return;
        line[c - 1] = cellValue(cell);
        b[c - 1] = cell.font?.bold === true;
      });
      cells[r - 1] = Array.from(line, (x) => x ?? null);
      bold[r - 1] = Array.from(b, (x) => x ?? false);
    });
    return {
      sheet: ws.name,
      cells: Array.from(cells, (x) => x ?? []),
      bold: Array.from(bold, (x) => x ?? []),
      addressing: 'a1' as const,
    };
  });
}
