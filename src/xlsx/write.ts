// Renders a sheet plan into an xlsx file with ExcelJS: the file-side twin of the Office.js writer.
import type * as ExcelJS from 'exceljs';
import { newWorkbook } from './exceljs';
import { Dec, toSpreadsheetNumber } from '../base/decimal';
import { parseA1 } from '../base/a1';
import type { PlanCell, SheetPlan, WorkbookPlan } from '../plan/plan';
import { type CellStyle, NUMBER_FORMATS, STYLES } from '../plan/styles';

export function writeWorkbook(plan: WorkbookPlan, wb: ExcelJS.Workbook = newWorkbook()): ExcelJS.Workbook {
  wb.creator = 'Outturn';
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) writeSheet(wb, sheet);
  return wb;
}

/**
 * The xlsx file of a plan. ExcelJS writes the parts into a zip without compressing them (STORE), and
 * the zip is made once, by fflate (deflate level 6), after the links are put right (internalLinks):
 * ExcelJS's own deflate, then unzipping and deflating again with JSZip, cost two thirds of a small
 * build's time. The parts are the same bytes either way (test/golden.test.ts compares them).
 */
export async function workbookBuffer(plan: WorkbookPlan): Promise<Buffer> {
  const wb = writeWorkbook(plan);
  const stored = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Partial<ExcelJS.XlsxWriteOptions>);
  return internalLinks(Buffer.from(stored));
}

const HYPERLINK_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/**
 * Rewrites every link to a cell of the workbook as ECMA-376 wants an internal hyperlink:
 * `<hyperlink ref="B5" location="'Table 1 Revenue'!B13"/>`, with no relationship.
 * ExcelJS 4.4 writes an external relationship `Target="#'Sheet'!B13"` as well as a `#`-prefixed
 * location, which LibreOffice and Excel join into `#'Sheet'!B13##'Sheet'!B13`, a link to nowhere
 * (exceljs#3027; ../shared/bug-cases/02). `data`: the xlsx ExcelJS wrote (any compression); returned
 * as a new zip, its parts in the same order, deflated.
 */
export async function internalLinks(data: Buffer): Promise<Buffer> {
  // loaded on first use, as ExcelJS is (src/xlsx/exceljs.ts)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { strFromU8, strToU8, unzipSync, zipSync } = require('fflate') as typeof import('fflate');
  const files = unzipSync(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  for (const name of Object.keys(files).filter((n) => /^xl\/worksheets\/_rels\/[^/]+\.xml\.rels$/.test(n))) {
    const relsXml = strFromU8(files[name]);
    const internal = new Map<string, string>();
    const rels = relsXml.replace(/<Relationship ([^>]*?)\/>/g, (whole, attrs: string) => {
      const get = (a: string) => new RegExp(`\\b${a}="([^"]*)"`).exec(attrs)?.[1];
      const target = get('Target');
      if (get('Type') !== HYPERLINK_REL || !target?.startsWith('#')) return whole;
      internal.set(get('Id')!, target.slice(1));
      return '';
    });
    if (!internal.size) continue;
    const sheetName = name.replace('_rels/', '').replace(/\.rels$/, '');
    const sheetXml = strFromU8(files[sheetName]);
    const sheet = sheetXml.replace(/<hyperlink ([^>]*?)\/>/g, (whole, attrs: string) => {
      const rid = /\br:id="([^"]*)"/.exec(attrs)?.[1];
      const ref = /\bref="([^"]*)"/.exec(attrs)?.[1];
      if (!rid || !ref || !internal.has(rid)) return whole;
      return `<hyperlink ref="${ref}" location="${internal.get(rid)}"/>`;
    });
    files[sheetName] = strToU8(sheet);
    if (/<Relationship /.test(rels)) files[name] = strToU8(rels);
    else delete files[name];
  }
  return Buffer.from(zipSync(files, { level: 6 }));
}


function writeSheet(wb: ExcelJS.Workbook, s: SheetPlan): void {
  const ws = wb.addWorksheet(s.name, {
    views: s.freeze && (s.freeze.rows || s.freeze.columns)
      ? [{ state: 'frozen', xSplit: s.freeze.columns, ySplit: s.freeze.rows }]
      : [{}],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, ...(s.printArea ? { printArea: s.printArea.replace(/([A-Z]+)([0-9]+)/g, '$1$$$2') } : {}) },
  });
  s.columnWidths.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  for (const { row, height } of s.rowHeights ?? []) ws.getRow(row + 1).height = height;
  s.cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell) ws.getCell(r + 1, c + 1).value = cellValue(cell);
    });
  });
  for (const { range, format } of s.numberFormats) {
    eachCell(ws, range, (cell) => {
      cell.numFmt = NUMBER_FORMATS[format];
    });
  }
  for (const { range, style } of s.styles) {
    const st: CellStyle = STYLES[style];
    eachCell(ws, range, (cell) => applyStyle(cell, st));
  }
  for (const t of s.excelTables ?? []) {
    const [from, to] = t.range.split(':');
    const a = parseA1(from);
    const b = parseA1(to);
    const header = s.cells[a.r].slice(a.c, b.c + 1);
    const rows = s.cells.slice(a.r + 1, b.r + 1).map((row) => row.slice(a.c, b.c + 1).map((c) => (c ? cellValue(c) : null)));
    ws.addTable({
      name: t.name,
      ref: from,
      headerRow: true,
      totalsRow: false,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: header.map((h) => ({ name: h && h.t === 's' ? h.v : '', filterButton: true })),
      rows: rows as ExcelJS.CellValue[][],
    });
  }
}

/** Was this workbook made by Outturn (so that replacing it destroys nothing of the user's)? */
export async function isOutturnWorkbook(data: Buffer): Promise<boolean> {
  const wb = newWorkbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return false;
  }
  return wb.creator === 'Outturn';
}

function cellValue(cell: NonNullable<PlanCell>): ExcelJS.CellValue {
  switch (cell.t) {
    case 's':
      return cell.link ? { text: cell.v, hyperlink: `#${cell.link}` } : cell.v;
    case 'n':
      return toSpreadsheetNumber(new Dec(cell.v));
    case 'f':
      return { formula: cell.f.replace(/^=/, ''), result: toSpreadsheetNumber(new Dec(cell.v)) } as ExcelJS.CellFormulaValue;
  }
}

function eachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void): void {
  const [from, to = from] = range.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  for (let r = a.r; r <= b.r; r++) for (let c = a.c; c <= b.c; c++) fn(ws.getCell(r + 1, c + 1));
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

function applyStyle(cell: ExcelJS.Cell, st: CellStyle): void {
  const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
  if (st.bold) font.bold = true;
  if (st.italic) font.italic = true;
  if (st.size) font.size = st.size;
  if (st.color) font.color = { argb: argb(st.color) };
  if (st.underline) font.underline = true;
  cell.font = font;
  if (st.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(st.fill) } };
  if (st.borderTop || st.borderBottom) {
    cell.border = {
      ...(cell.border ?? {}),
      ...(st.borderTop ? { top: { style: st.borderTop } } : {}),
      ...(st.borderBottom ? { bottom: { style: st.borderBottom } } : {}),
    };
  }
  if (st.wrap || st.hAlign || st.vAlign) {
    cell.alignment = {
      ...(cell.alignment ?? {}),
      ...(st.wrap ? { wrapText: true } : {}),
      ...(st.hAlign ? { horizontal: st.hAlign } : {}),
      ...(st.vAlign ? { vertical: st.vAlign } : {}),
    };
  }
}
