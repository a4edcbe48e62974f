// Reads a workbook saved by any spreadsheet program (Excel, LibreOffice, Google Sheets, openpyxl,
// ExcelJS) into plain grids: the cell's raw type and value, a formula's cached result whatever it is
// (0 included), its number format, bold where the file says so, merged areas, hidden rows and each
// sheet's visibility. Formats: xlsx/xlsm (OOXML), xls (BIFF8), ods (OpenDocument).
//
// Why SheetJS Community Edition (`@e965/xlsx`, the npm mirror of SheetJS CE 0.20.3) and not ExcelJS
// for reading: on the bug cases ExcelJS 4.4 drops a formula result of 0 from `cell.value`
// (bug-case 01), turns a number whose format holds an escaped letter (`£#,##0.0,,\m`) into a Date
// (09), refuses a whole workbook holding a sheet named History, and fails with an internal message
// on openpyxl's absolute part names; it reads neither xls nor ods. SheetJS reads the raw `<v>` and
// the format string as written and reads all of those files. ExcelJS stays the writer (styled
// workbooks). SheetJS CE gives no fonts, so bold is read here from the xlsx styles part directly.
import type * as XLSX from '@e965/xlsx';
import type JSZip from 'jszip';
import { kindName, sniff, zipIsWhole } from '../base/sniff';

// SheetJS (~1 MB) and JSZip are loaded on first use: commands that read no workbook never pay
// for them (test/cli/startup.test.ts; src/xlsx/exceljs.ts does the same for ExcelJS).
let sheetJs: typeof XLSX | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sheetJS = (): typeof XLSX => (sheetJs ??= require('@e965/xlsx') as typeof XLSX);

/** The workbook files read (by extension, lower case). */
export const WORKBOOK_EXTENSIONS: readonly string[] = ['.xlsx', '.xlsm', '.xls', '.ods'];

/** A cell as read: number, text, boolean, an error value, or null for blank. */
export type BookValue = number | string | boolean | { error: string; formula?: string } | null;

export interface BookSheet {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  /** rows from A1, each as long as its last non-blank cell */
  values: BookValue[][];
  /** each cell's number format as written ('General' where none), same shape as values */
  formats: (string | undefined)[][];
  /** bold cells (xlsx only; false elsewhere), same shape as values */
  bold: boolean[][];
  /** merged areas, 0-based inclusive */
  merged: { r0: number; c0: number; r1: number; c1: number }[];
  /** 0-based rows hidden */
  hiddenRows: number[];
}

/** A file this reader refuses, in words for the person who chose it. */
export class UnreadableWorkbook extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnreadableWorkbook';
  }
}

export const NO_CALCULATED_VALUE = 'a formula with no calculated value in the file (open and save the workbook in Excel or LibreOffice, or type the value)';

/**
 * Is this number format a date or time format? Only if a date or time code (d, m, y, h, s, e, g, b)
 * survives removing quoted text, bracketed sections ([Red], [$£-809]; but [h], [mm], [ss] are
 * elapsed times), backslash-escaped characters and the `_x` / `*x` padding pairs. `£#,##0.0,,\m`
 * is money (the m is a literal); `dd/mm/yyyy` and `[h]:mm` are dates and times.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || /^general$/i.test(format)) return false;
  const section = format.split(';')[0];
  if (/\[(h+|m+|s+)\]/i.test(section)) return true;
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  return /[dmyhsegb]/i.test(bare.replace(/AM\/PM|A\/P/gi, 'h'));
}

/** A formula saved with no calculated value, the formula as typed ("=C2-B2") with it. */
const noValue = (f: unknown): { error: string; formula?: string } => ({ error: NO_CALCULATED_VALUE, ...(typeof f === 'string' && f !== '' ? { formula: `=${f}` } : {}) });

const ISO = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A serial date (Excel's 1900 or 1904 system) as YYYY-MM-DD, or undefined if it is not a date. */
function serialDate(v: number, date1904: boolean): string | undefined {
  const p = sheetJS().SSF.parse_date_code(v, { date1904 });
  if (!p || p.y < 1900 || p.y > 9999) return undefined;
  return ISO(p.y, p.m, p.d);
}

/**
 * Reads every sheet of a workbook. `data`: the file's bytes. Throws UnreadableWorkbook (never an
 * internal message) when the file is not a workbook, is password-protected or is damaged.
 */
export async function readBook(data: Buffer | Uint8Array | ArrayBuffer, opts: { bold?: boolean; name?: string } = {}): Promise<BookSheet[]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  // What the file is, from its bytes, not its name: an .xls that is a web page or an Excel 2003 XML
  // spreadsheet (as finance systems' "Export to Excel" write them) is read as Excel opens it.
  const k = sniff(bytes);
  const ext = /\.([A-Za-z]+)$/.exec(opts.name ?? '')?.[1]?.toLowerCase() ?? 'xlsx';
  const not = `not a readable ${ext} workbook`;
  if (k === 'empty') throw new UnreadableWorkbook(`${not}: the file is empty`);
  if (k === 'encrypted') throw new UnreadableWorkbook(`${not}: it is password-protected; save a copy without a password and read that`);
  if (k !== 'zip' && k !== 'cfb' && k !== 'html' && k !== 'spreadsheetml') {
    const advice = k === 'pdf' ? ': audit it as a report under a name ending .pdf'
      : k === 'text' || k === 'utf16le' || k === 'utf16be' ? ': if it holds comma- or tab-separated figures, give it a name ending .csv or .tsv'
      : ' (.xlsx, .xlsm, .xls or .ods)';
    throw new UnreadableWorkbook(`${not}: the file is ${kindName(k)}, not an Excel or OpenDocument workbook${advice}`);
  }
  let wb: XLSX.WorkBook;
  // SheetJS reports an ODS conditional number format it approximates on the console; the format
  // is not what Outturn reads (the value is), so that noise is kept off the user's terminal.
  const consoleError = console.error;
  try {
    console.error = () => {};
    wb = sheetJS().read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true, cellDates: false, cellHTML: false, cellText: false, dense: true, sheetStubs: true });
  } catch (e) {
    const m = String((e as Error)?.message ?? e);
    // a password-protected workbook is a compound file (sniffed above), never a zip
    if (k === 'cfb' && /password|encrypt/i.test(m)) throw new UnreadableWorkbook(`${not}: it is password-protected; save a copy without a password and read that`);
    if (k === 'cfb') throw new UnreadableWorkbook(`${not}: an old or damaged .xls; open it in Excel and save it as .xlsx`);
    if (k === 'zip' && !zipIsWhole(bytes)) throw new UnreadableWorkbook(`${not}: it is cut short — the zip an .xlsx or .ods is made of ends early (${bytes.length.toLocaleString('en-GB')} bytes: a download or an e-mail attachment not saved whole?); fetch or save it again`);
    if (k === 'html' || k === 'spreadsheetml') throw new UnreadableWorkbook(`${not}: the file is ${kindName(k)} that cannot be read as a table; open it in Excel and save it as .xlsx`);
    throw new UnreadableWorkbook(`${not}: it is damaged (its contents cannot be read as .xlsx or .ods); open it in Excel and save it again`);
  } finally {
    console.error = consoleError;
  }
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const bold = opts.bold && k === 'zip' ? await boldCells(bytes, wb.SheetNames) : undefined;
  return wb.SheetNames.map((name, i): BookSheet => {
    const ws = wb.Sheets[name];
    const hidden = wb.Workbook?.Sheets?.[i]?.Hidden ?? 0;
    const values: BookValue[][] = [];
    const formats: (string | undefined)[][] = [];
    const dense = (ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
    dense.forEach((row, r) => {
      if (!row) return;
      const vs: BookValue[] = [];
      const fs: (string | undefined)[] = [];
      row.forEach((cell, c) => {
        if (!cell) return;
        const v = cellValue(cell, date1904);
        if (v !== null) {
          vs[c] = v;
          fs[c] = typeof cell.z === 'string' ? cell.z : undefined;
        }
      });
      if (vs.length) {
        values[r] = Array.from(vs, (x) => x ?? null);
        formats[r] = Array.from(fs);
      }
    });
    const sheetBold = bold?.get(name);
    const boldGrid = Array.from(values, (row, r) => Array.from(row ?? [], (_, c) => sheetBold?.has(`${r},${c}`) ?? false));
    return {
      name,
      visibility: hidden === 2 ? 'veryHidden' : hidden === 1 ? 'hidden' : 'visible',
      values: Array.from(values, (x) => x ?? []),
      formats: Array.from(formats, (x) => x ?? []),
      bold: boldGrid,
      merged: (ws['!merges'] ?? []).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c })),
      hiddenRows: (ws['!rows'] ?? []).flatMap((p, r) => (p?.hidden ? [r] : [])),
    };
  });
}

/** Excel's error values by their BIFF code, as SheetJS gives them in `v`. */
const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };
/** The largest serial Excel shows as a date (31 December 9999); a larger number in a date format shows ######. */
const MAX_DATE_SERIAL = 2958465;
export const NOT_A_DATE = 'a number formatted as a date it cannot be (######)';

function cellValue(cell: XLSX.CellObject, date1904: boolean): BookValue {
  const hasFormula = typeof cell.f === 'string' && cell.f !== '';
  const unvalued = noValue(cell.f);
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number | undefined;
      if (typeof v !== 'number') return hasFormula ? unvalued : null;
      if (isDateFormat(cell.z as string | undefined)) return (v >= 0 && v <= MAX_DATE_SERIAL && serialDate(v, date1904)) || { error: NOT_A_DATE };
      return v;
    }
    case 's': {
      const v = cell.v as string | undefined;
      if (v === undefined) return hasFormula ? unvalued : null;
      return v === '' ? null : v;
    }
    case 'b':
      return cell.v as boolean;
    case 'e':
      return { error: cell.w ?? ERRORS[cell.v as number] ?? '#VALUE!' };
    case 'd': {
      const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      return Number.isNaN(d.getTime()) ? String(cell.v) : ISO(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    }
    case 'z':
    default:
      return hasFormula ? unvalued : null;
  }
}

/**
 * Bold cells of an xlsx, per sheet name, as "r,c" keys: the `s` index of each `<c>`, through
 * styles.xml's cellXfs to its font, bold when the font has `<b/>` (not `<b val="0"/>`). Part names
 * follow the workbook's relationships, absolute or relative (openpyxl writes absolute ones).
 */
async function boldCells(bytes: Uint8Array, sheetNames: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  let zip: JSZip;
  try {
    zip = await (await import('jszip')).default.loadAsync(bytes);
  } catch {
    return out;
  }
  const text = async (p: string) => (await zip.file(p)?.async('string')) ?? '';
  const rootRels = await text('_rels/.rels');
  const wbPart = resolvePart('', relTargets(rootRels).find((r) => /officeDocument$/.test(r.type))?.target ?? 'xl/workbook.xml');
  const wbDir = wbPart.includes('/') ? wbPart.slice(0, wbPart.lastIndexOf('/')) : '';
  const wbRels = relTargets(await text(`${wbDir}/_rels/${wbPart.slice(wbDir.length + 1)}.rels`));
  const stylesRel = wbRels.find((r) => /\/styles$/.test(r.type));
  if (!stylesRel) return out;
  const styles = await text(resolvePart(wbDir, stylesRel.target));
  const tag = (name: string) => new RegExp(`<(?:\\w+:)?${name}\\b([^>]*?)(/>|>([\\s\\S]*?)</(?:\\w+:)?${name}>)`, 'g');
  const fontsBlock = /<(?:\w+:)?fonts\b[^>]*>([\s\S]*?)<\/(?:\w+:)?fonts>/.exec(styles)?.[1] ?? '';
  const fontBold = [...fontsBlock.matchAll(tag('font'))].map((m) => /<(?:\w+:)?b(\s+val="(1|true)")?\s*\/>/.test(m[3] ?? ''));
  const xfsBlock = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  const xfBold = [...xfsBlock.matchAll(tag('xf'))].map((m) => fontBold[Number(/\bfontId="(\d+)"/.exec(m[1])?.[1] ?? 0)] ?? false);
  if (!xfBold.some(Boolean)) return out;
  const wbXml = await text(wbPart);
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const name = unescapeXml(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? '');
    const rid = /\br:id="([^"]*)"|\b\w+:id="([^"]*)"/.exec(m[1]);
    const rel = wbRels.find((r) => r.id === (rid?.[1] ?? rid?.[2]));
    if (!rel || !sheetNames.includes(name)) continue;
    const xml = await text(resolvePart(wbDir, rel.target));
    const set = new Set<string>();
    for (const c of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)\/?>/g)) {
      const s = /\bs="(\d+)"/.exec(c[1]);
      const ref = /\br="([A-Z]+)(\d+)"/.exec(c[1]);
      if (!s || !ref || !xfBold[Number(s[1])]) continue;
      let col = 0;
      for (const ch of ref[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      set.add(`${Number(ref[2]) - 1},${col - 1}`);
    }
    out.set(name, set);
  }
  return out;
}

function relTargets(xml: string): { id: string; type: string; target: string }[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].map((m) => ({
    id: /\bId="([^"]*)"/.exec(m[1])?.[1] ?? '',
    type: /\bType="([^"]*)"/.exec(m[1])?.[1] ?? '',
    target: unescapeXml(/\bTarget="([^"]*)"/.exec(m[1])?.[1] ?? ''),
  }));
}
function resolvePart(dir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (dir ? `${dir}/${target}` : target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}
function unescapeXml(s: string): string {
  return s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
