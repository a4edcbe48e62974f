// "Map a range": the finance officer's own range (their budget book's lines under their own column
// headers) read as one of the input templates' tables. Pure: the mapping is plain data, kept with
// the workbook by the add-in; `applyMapping` turns the user's sheet (a grid from A1) into the
// template table's rows, every cell keeping its real address in the user's sheet, so an error names
// the user's own cell. Nothing here writes; the user's sheet is only ever read.
import { a1, columnLetters, parseA1, sheetRef } from '../base/a1';
import type { InputError } from './errors';
import { type GridValue, type InputSheet, isBlank, norm } from '../base/cells';
import type { TemplateTable } from './template-tables';

/** The template tables a range can stand for. */
export const MAPPABLE = ['RevenueLines', 'RevenueBelowTheLine', 'CapitalLines', 'ReserveLines'] as const;
export type MappableTable = (typeof MAPPABLE)[number];

/**
 * Each mappable table's columns (equal to its TemplateTable's; a test keeps them so), for the pane's
 * form without the reader. ReserveLines' depend on the Reserve years setting: three per year.
 */
export function mappableColumns(table: MappableTable, years: readonly string[] = []): string[] {
  switch (table) {
    case 'RevenueLines':
      return ['Section', 'Sub-total label', 'Budget heading', 'Ref', 'Original budget', 'Revised budget', 'Outturn', 'Income', 'Directorate', 'Directorate sub-total label'];
    case 'RevenueBelowTheLine':
      return ['Type', 'Label', 'Amount', 'Reserve'];
    case 'CapitalLines':
      return ['Type', 'Category', 'Category ref', 'Label', 'Ref', 'Revised budget', 'Outturn', 'Reprofile', 'Category total label', 'Original programme'];
    case 'ReserveLines':
      return ['Reserve', 'Class', 'Category', 'Opening balance', ...years.flatMap((y) => [`Movement ${y}`, `Transfers ${y}`, `Capital ${y}`]), ...years.map((y) => `Balance ${y}`)];
  }
}

/** The settings sheet of the input templates (TEMPLATE_SHEETS.settings; a test keeps them equal), for the pane without the reader. */
export const SETTINGS_SHEET = 'Outturn settings';

/** The Reserve years setting as the reader splits it, from the settings sheet's grid (the cell right of "Reserve years"); [] if not set. */
export function reserveYearsFrom(values: GridValue[][]): string[] {
  for (const row of values) {
    const c = row.findIndex((v) => norm(v) === 'reserve years');
    if (c < 0) continue;
    const v = row[c + 1];
    return typeof v === 'string' || typeof v === 'number' ? String(v).trim().split(/[,;]\s*|\s+/).filter(Boolean) : [];
  }
  return [];
}

/** The template columns a mapping may leave unmapped (read as blank); every other column needs one. */
export const OPTIONAL_COLUMNS: Record<MappableTable, readonly string[]> = {
  RevenueLines: ['Section', 'Sub-total label', 'Ref', 'Income', 'Directorate', 'Directorate sub-total label'],
  RevenueBelowTheLine: ['Reserve'],
  CapitalLines: ['Category ref', 'Ref', 'Reprofile', 'Category total label', 'Original programme'],
  ReserveLines: ['Category'],
};

/** The columns of a table's column list a mapping must give a column for. */
export function requiredColumns(table: string, columns: readonly string[]): string[] {
  const optional = OPTIONAL_COLUMNS[table as MappableTable] ?? [];
  // Issue 11: a mapped reserves range gives the flows; the year-end Balance columns are optional.
  return columns.filter((c) => !optional.includes(c) && !(table === 'ReserveLines' && c.startsWith('Balance ')));
}

export interface RangeMapping {
  /** the template table the range stands for */
  table: MappableTable;
  /** the user's sheet */
  sheet: string;
  /** the range as selected, without the sheet ("B3:H40"): its first row holds the headers */
  address: string;
  /** template column → the range's column, 0-based from the range's first column; absent: unmapped */
  columns: Record<string, number>;
}

/** The template table's rows read out of a mapped range: what `findTable` gives for a template table. */
export interface MappedTable {
  sheet: string;
  /** 0-based row of the header row, and the range's first column */
  headerRow: number;
  col0: number;
  /** the sheet column (0-based) of each template column, in template order; -1: unmapped */
  cols: number[];
  rows: { r: number; cells: GridValue[] }[];
}

const blank = isBlank;

/** "B3:H40" (optionally $-anchored, optionally with a sheet) → 0-based inclusive bounds. */
export function rangeBounds(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const [from, to = from] = address.slice(address.lastIndexOf('!') + 1).split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

/** The range's columns as the form offers them: "C: Cost centre" (letter, and the header text). */
export function rangeColumns(headers: GridValue[], c0: number): string[] {
  return headers.map((h, i) => `${columnLetters(c0 + i)}${blank(h) ? '' : `: ${String(h).trim()}`}`);
}

/** The form's first guess: each template column to the range column headed the same (case-insensitive). */
export function guessMapping(t: { columns: readonly string[] }, headers: GridValue[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const col of t.columns) {
    const i = headers.findIndex((h) => norm(h) === col.toLowerCase());
    if (i >= 0) out[col] = i;
  }
  return out;
}

/**
 * The template table's rows from the user's range. The range's first row holds the headers; every
 * later row with an entry in a mapped column is a line (rows with none are skipped: budget books
 * space their sections). Columns the mapping does not name are read as blank; columns it does not
 * use are ignored. Errors are located in the user's sheet: a required column not mapped (at the
 * range's header row), a mapped column outside the range, merged cells; hidden rows are noted.
 */
export function applyMapping(sheet: InputSheet, m: RangeMapping, t: TemplateTable, errors: InputError[], notes?: InputError[]): MappedTable | undefined {
  let b: ReturnType<typeof rangeBounds>;
  try {
    b = rangeBounds(m.address);
  } catch {
    errors.push({ where: sheetRef(sheet.name, 'A1'), message: `the mapped range for ${t.name} (${JSON.stringify(m.address)}) is not a range address: map the range again` });
    return undefined;
  }
  const header = sheetRef(sheet.name, a1(b.r0, b.c0));
  const width = b.c1 - b.c0 + 1;
  const before = errors.length;
  const cols = t.columns.map((col) => {
    const i = m.columns[col];
    if (i === undefined || i === null) return -1;
    if (!Number.isInteger(i) || i < 0 || i >= width) {
      errors.push({ where: header, message: `the mapping puts ${t.name}'s "${col}" in column ${i + 1} of ${m.address}, which has ${width} column${width === 1 ? '' : 's'}: map the range again` });
      return -1;
    }
    return b.c0 + i;
  });
  const required = requiredColumns(t.name, t.columns);
  const missing = required.filter((col) => cols[t.columns.indexOf(col)] < 0 && m.columns[col] === undefined);
  if (missing.length) {
    errors.push({ where: header, message: `the range ${m.address} mapped as ${t.name} has no column for ${missing.map((c) => `"${c}"`).join(', ')}: map ${missing.length === 1 ? 'it' : 'them'} to a column of the range` });
  }
  if (errors.length > before) return undefined;
  const cell = (r: number, c: number): GridValue => (c < 0 ? null : sheet.values[r]?.[c] ?? null);
  const used = cols.filter((c) => c >= 0);
  const rows: MappedTable['rows'] = [];
  for (let r = b.r0 + 1; r <= b.r1; r++) {
    if (used.every((c) => blank(cell(r, c)))) continue;
    rows.push({ r, cells: cols.map((c) => cell(r, c)) });
  }
  for (const g of sheet.merged ?? []) {
    if (g.r1 <= b.r0 || g.r0 > b.r1 || !used.some((c) => c >= g.c0 && c <= g.c1)) continue;
    const c = Math.min(...used.filter((x) => x >= g.c0 && x <= g.c1));
    errors.push({
      where: sheetRef(sheet.name, a1(Math.max(g.r0, b.r0 + 1), c)),
      message: `merged cells (${a1(g.r0, g.c0)}:${a1(g.r1, g.c1)}) in the range mapped as ${t.name}: unmerge them and give each cell its own value`,
    });
  }
  const hidden = (sheet.hiddenRows ?? []).filter((h) => h > b.r0 && h <= b.r1 && rows.some((x) => x.r === h));
  if (hidden.length && notes) {
    notes.push({
      where: sheetRef(sheet.name, a1(hidden[0], Math.min(...used))),
      message: `${hidden.length === 1 ? 'row' : 'rows'} ${hidden.map((h) => h + 1).join(', ')} of the range mapped as ${t.name} ${hidden.length === 1 ? 'is' : 'are'} hidden, and read as input like the others`,
    });
  }
  return { sheet: sheet.name, headerRow: b.r0, col0: b.c0, cols, rows };
}

/** A mapping as saved in the workbook, checked: anything else is dropped (an old or hand-edited setting). */
export function parseMappings(raw: unknown): RangeMapping[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((m): m is RangeMapping => {
    if (!m || typeof m !== 'object') return false;
    const x = m as Record<string, unknown>;
    if (!MAPPABLE.includes(x.table as MappableTable) || typeof x.sheet !== 'string' || typeof x.address !== 'string') return false;
    if (!/^\$?[A-Z]+\$?[0-9]+(:\$?[A-Z]+\$?[0-9]+)?$/.test(x.address)) return false;
    if (!x.columns || typeof x.columns !== 'object') return false;
    return Object.values(x.columns as Record<string, unknown>).every((v) => Number.isInteger(v) && (v as number) >= 0);
  });
}
