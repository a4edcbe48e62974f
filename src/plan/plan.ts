// The sheet plan: everything a writer needs to put the tables into a workbook — cells (values,
// formulas with the figure the engine expects), number formats by block, styles by block, column
// widths — and nothing it must work out itself. Plain data (strings, no decimal objects), so it can
// cross from a Web Worker to the task pane, and be rendered by ExcelJS or Office.js alike.
import { invariant } from '../base/invariant';
import { Dec, text } from '../base/decimal';
import type { BuildResult, CellRef, Derivation, Figure, Finding, Table, TableId } from '../engine/model';
import { isFigure } from '../engine/model';
import { TABLES, tablesOnSheet } from '../engine/tables';
import { a1, range, sheetRef } from '../base/a1';
import { MONEY_FORMAT, type FormatName, type StyleName } from './styles';

export type PlanCell =
  | null
  /** text; `link` selects a cell of the workbook (e.g. a finding's place) */
  | { t: 's'; v: string; link?: string }
  /** a number, as exact decimal text */
  | { t: 'n'; v: string }
  /** a formula (with its leading '='), and the figure the engine expects it to give */
  | { t: 'f'; f: string; v: string };

export interface SheetPlan {
  name: string;
  role: 'table' | 'checks';
  tables: TableId[];
  /** rows × columns from A1; every row as long as the widest */
  cells: PlanCell[][];
  columnWidths: number[];
  numberFormats: { range: string; format: FormatName }[];
  styles: { range: string; style: StyleName }[];
  freeze?: { rows: number; columns: number };
  /** one check cell per table: 0 when every formula gives the engine's figure */
  checkCells: { table: TableId; address: string }[];
  /** heights in points of rows that need more than one line (wrapped header captions; a long message on the Checks sheet) */
  rowHeights?: { row: number; height: number }[];
  /** what prints: the tables and their check rows, not the engine's figures beside them */
  printArea?: string;
  /** Excel tables (ListObjects) to create over ranges of `cells`, header row first */
  excelTables?: { name: string; range: string }[];
}

export interface PlacedFinding extends Finding {
  /** Sheet!A1 of the finding's cell, when it has one */
  cell?: string;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  findings: PlacedFinding[];
  /** where each table landed: its sheet and the A1 address of its first data row's first cell */
  placement: Partial<Record<TableId, { sheet: string; row: number; column: number }>>;
}

/** How to lay the tables out; what they are (organisation, year, rounding) comes with the BuildResult. */
export interface PlanOptions {
  sheetNames?: Partial<Record<'revenue' | 'capital' | 'reserves' | 'checks', string>>;
}

export const DEFAULT_SHEET_NAMES = {
  revenue: 'Table 1 Revenue',
  capital: 'Table 2 Capital',
  reserves: 'Table 3 Reserves',
  checks: 'Checks',
} as const;

/** "Table 1a": as the registry prints it. */
const tableNumber = (id: TableId): string => TABLES[id].number;

/** The places shown by a figure stored as exact decimal: how many decimals a cell holds. */
function places(d: Dec): number {
  return Math.max(0, d.decimalPlaces());
}

/** A small grid that grows as it is written. */
class Grid {
  cells: PlanCell[][] = [];
  numberFormats: SheetPlan['numberFormats'] = [];
  styles: SheetPlan['styles'] = [];
  width = 0;
  set(r: number, c: number, cell: PlanCell): void {
    while (this.cells.length <= r) this.cells.push([]);
    const row = this.cells[r];
    while (row.length <= c) row.push(null);
    row[c] = cell;
    this.width = Math.max(this.width, c + 1);
  }
  style(r0: number, c0: number, r1: number, c1: number, style: StyleName): void {
    this.styles.push({ range: range(r0, c0, r1, c1), style });
  }
  format(r0: number, c0: number, r1: number, c1: number, format: FormatName): void {
    this.numberFormats.push({ range: range(r0, c0, r1, c1), format });
  }
  get height(): number {
    return this.cells.length;
  }
  rectangular(): PlanCell[][] {
    return this.cells.map((row) => [...row, ...Array<PlanCell>(this.width - row.length).fill(null)]);
  }
}

interface Placed {
  table: Table;
  sheet: string;
  /** 0-based sheet row of the table's first data row, and column of its first column */
  row0: number;
  col0: number;
}

/** Where a table's block stands on its sheet (0-based rows). */
interface Block {
  t: Table;
  titleRow: number;
  headerRow: number;
  headerRows: number;
  row0: number;
  checkRow: number;
}
interface SheetLayout {
  sheet: string;
  blocks: Block[];
}
/** A cell reference of the engine's as an address, from a given sheet (sheet-qualified when on another). */
type AddressOf = (ref: CellRef, fromSheet: string) => string;

/**
 * The sheet plan of a build: one sheet per group of tables (the registry says which), each derived
 * cell a formula with the engine's figure beside it, a check cell per table, and the Checks sheet.
 */
export function makePlan(result: BuildResult, opts: PlanOptions = {}): WorkbookPlan {
  const names = { ...DEFAULT_SHEET_NAMES, ...opts.sheetNames };
  const placed = new Map<TableId, Placed>();
  // Lay out first (addresses), then write cells: formulas need every table's place.
  const layouts = layOut(result, names, placed);
  const addressOf: AddressOf = (ref, fromSheet) => {
    const p = placed.get(ref.t);
    invariant(p, () => `no table ${ref.t} in the plan`);
    const addr = a1(p.row0 + ref.r, p.col0 + ref.c);
    return p.sheet === fromSheet ? addr : sheetRef(p.sheet, addr);
  };
  const sheets: SheetPlan[] = layouts.map((g) => tableSheet(g, result, addressOf));
  const findings: PlacedFinding[] = result.findings.map((f) => {
    const p = f.table !== 'input' ? placed.get(f.table) : undefined;
    return p && f.at ? { ...f, cell: sheetRef(p.sheet, a1(p.row0 + f.at.r, p.col0 + f.at.c)) } : { ...f };
  });
  sheets.push(checksSheet(names.checks, result, findings, sheets));

  const placement: WorkbookPlan['placement'] = {};
  for (const [id, p] of placed) placement[id] = { sheet: p.sheet, row: p.row0, column: p.col0 };
  return { sheets, findings, placement };
}

/** Each sheet's blocks, in registry order: title rows, header rows, rows, a blank row, the check row. */
function layOut(result: BuildResult, names: Record<'revenue' | 'capital' | 'reserves', string>, placed: Map<TableId, Placed>): SheetLayout[] {
  const byId = new Map(result.tables.map((t) => [t.id, t]));
  return (['revenue', 'capital', 'reserves'] as const)
    .map((s) => ({ sheet: names[s], tables: tablesOnSheet(s).map((id) => byId.get(id)).filter((t): t is Table => t !== undefined) }))
    .filter((g) => g.tables.length > 0)
    .map((g) => {
      let row = 4; // title, organisation, basis, blank
      const blocks = g.tables.map((t, i) => {
        if (i > 0) row += 2; // gap, then the companion's own title row
        const titleRow = i === 0 ? 0 : row - 1;
        const headerRows = Math.max(...t.columns.map((c) => c.header.length));
        const headerRow = row;
        const row0 = headerRow + headerRows;
        placed.set(t.id, { table: t, sheet: g.sheet, row0, col0: 0 });
        row = row0 + t.rows.length + 1; // a blank row, then the check row
        const checkRow = row;
        row += 1;
        return { t, titleRow, headerRow, headerRows, row0, checkRow };
      });
      return { sheet: g.sheet, blocks };
    });
}

/** One table sheet: its title lines, then each block (headers, rows, formats, engine figures, check cell). */
function tableSheet(g: SheetLayout, result: BuildResult, addressOf: AddressOf): SheetPlan {
  const grid = new Grid();
  const checkCells: SheetPlan['checkCells'] = [];
  const widths: number[] = [];
  const rowHeights: NonNullable<SheetPlan['rowHeights']> = [];
  // The engine's figures stand to the right of the widest table on the sheet, outside what prints.
  const mirrorCol = Math.max(...g.blocks.map((b) => b.t.columns.length)) + 1;
  const first = g.blocks[0].t;
  grid.set(0, 0, { t: 's', v: `${tableNumber(first.id)}: ${first.title}` });
  grid.style(0, 0, 0, 0, 'title');
  grid.set(1, 0, { t: 's', v: `${result.organisation}${first.subtitle ? ` — ${first.subtitle}` : ''}` });
  grid.set(2, 0, {
    t: 's',
    v: `Figures in ${first.units}. ${result.rounding === 'round-then-sum'
      ? 'Each line is rounded, and every total is the sum of the rounded lines it covers.'
      : 'Each figure is rounded on its own; a total may differ from the sum of its displayed lines (see Checks).'}`,
  });
  grid.style(1, 0, 2, 0, 'subtitle');

  for (const blk of g.blocks) {
    if (blk.titleRow > 0) {
      grid.set(blk.titleRow, 0, { t: 's', v: `${tableNumber(blk.t.id)}: ${blk.t.title}` });
      grid.style(blk.titleRow, 0, blk.titleRow, 0, 'heading');
    }
    writeHeaders(grid, blk, widths, rowHeights);
    let roundTo = 2;
    blk.t.rows.forEach((row) => row.cells.forEach((cell) => {
      if (isFigure(cell)) roundTo = Math.max(roundTo, places(cell.stored));
    }));
    writeRows(grid, blk, roundTo, (ref) => addressOf(ref, g.sheet));
    writeFormats(grid, blk, mirrorCol);
    const check = writeEngineFigures(grid, blk, mirrorCol, roundTo, widths);
    if (check) checkCells.push(check);
  }
  const printCols = Math.max(...g.blocks.map((b) => b.t.columns.length));
  return {
    rowHeights,
    printArea: range(0, 0, grid.height - 1, printCols - 1),
    name: g.sheet,
    role: 'table',
    tables: g.blocks.map((b) => b.t.id),
    cells: grid.rectangular(),
    columnWidths: Array.from(widths, (w) => w ?? 10),
    numberFormats: grid.numberFormats,
    styles: grid.styles,
    freeze: { rows: g.blocks[0].row0, columns: 1 },
    checkCells,
  };
}

/** Headers, bottom-aligned so the units line is always last; column widths; wrapped captions' row heights. */
function writeHeaders(grid: Grid, blk: Block, widths: number[], rowHeights: NonNullable<SheetPlan['rowHeights']>): void {
  const { t, headerRow, headerRows } = blk;
  const ncols = t.columns.length;
  t.columns.forEach((col, c) => {
    const pad = headerRows - col.header.length;
    col.header.forEach((h, i) => {
      if (h) grid.set(headerRow + pad + i, c, { t: 's', v: h });
    });
    const longest = col.kind === 'text' ? Math.max(...t.rows.map((row) => row.label.length)) : 0;
    widths[c] = Math.max(widths[c] ?? 0, col.kind === 'text' ? Math.min(90, Math.max(30, longest + 2)) : col.kind === 'ref' ? 6 : col.kind === 'flag' ? 8 : 14);
  });
  if (headerRows > 1) grid.style(headerRow, 0, headerRow + headerRows - 2, ncols - 1, 'header');
  // A caption longer than its column wraps: give its row the height of the longest wrap.
  for (let i = 0; i < headerRows - 1; i++) {
    const lines = Math.max(1, ...t.columns.map((col) => {
      const h = col.header[i - (headerRows - col.header.length)] ?? '';
      return col.kind === 'text' ? 1 : Math.ceil(h.length / 12);
    }));
    if (lines > 1) rowHeights.push({ row: headerRow + i, height: 13 * lines + 2 });
  }
  grid.style(headerRow + headerRows - 1, 0, headerRow + headerRows - 1, ncols - 1, 'headerLast');
}

/** Rows: text, numbers, formulas (each with the engine's figure), and the row styles of totals. */
function writeRows(grid: Grid, blk: Block, roundTo: number, addressOf: (ref: CellRef) => string): void {
  const { t, row0 } = blk;
  const ncols = t.columns.length;
  t.rows.forEach((row, r) => {
    const sr = row0 + r;
    row.cells.forEach((cell, c) => {
      if (cell === null) return;
      if (!isFigure(cell)) {
        grid.set(sr, c, { t: 's', v: cell.text });
        return;
      }
      grid.set(sr, c, cell.derivation
        ? { t: 'f', f: `=${formula(cell.derivation, cell, roundTo, addressOf)}`, v: text(cell.stored) }
        : { t: 'n', v: text(cell.stored) });
    });
    const style: StyleName | undefined =
      ['total', 'grand_total', 'net_underspend', 'total_reserves', 'total_earmarked'].includes(row.kind) ? (row.kind === 'total' || row.kind === 'total_earmarked' ? 'total' : 'grand')
      : ['subtotal', 'category_total', 'subtotal_useable', 'subtotal_non_useable', 'total_underspend', 'earmarked_subtotal'].includes(row.kind) ? 'total'
      : row.kind === 'heading' ? 'heading'
      : row.bold ? 'bold' : undefined;
    if (style) grid.style(sr, 0, sr, ncols - 1, style);
  });
}

const isNumeric = (t: Table) => t.columns.map((c) => c.kind === 'money' || c.kind === 'percent' || c.kind === 'ratio');

/** Number formats by column block (the table's and its engine figures'), then the few figures that are not money. */
function writeFormats(grid: Grid, blk: Block, mirrorCol: number): void {
  const { t, row0 } = blk;
  const numeric = isNumeric(t);
  const firstNum = numeric.indexOf(true);
  const rowN = row0 + t.rows.length - 1;
  const moneyFormat: FormatName = t.places !== undefined ? MONEY_FORMAT[t.places] : t.units === '£m' ? 'money1' : 'money0';
  t.columns.forEach((col, c) => {
    if (!numeric[c]) return;
    const fmt: FormatName = col.kind === 'percent' ? percentFormat(t, c) : col.kind === 'ratio' ? 'ratio1' : moneyFormat;
    grid.format(row0, c, rowN, c, fmt);
    grid.format(row0, mirrorCol + c - firstNum, rowN, mirrorCol + c - firstNum, fmt);
  });
  t.rows.forEach((row, r) => row.cells.forEach((cell, c) => {
    if (isFigure(cell) && cell.as && t.columns[c].kind === 'money') {
      const fmt: FormatName = cell.as === 'percent' ? 'percent1' : 'ratio1';
      grid.format(row0 + r, c, row0 + r, c, fmt);
      grid.format(row0 + r, mirrorCol + c - firstNum, row0 + r, mirrorCol + c - firstNum, fmt);
    }
  }));
}

/** The engine's figures, mirrored beside the table, and one check cell proving the formulas agree; the check cell, if the table has figures. */
function writeEngineFigures(grid: Grid, blk: Block, mirrorCol: number, roundTo: number, widths: number[]): SheetPlan['checkCells'][number] | undefined {
  const { t, headerRow, row0 } = blk;
  const numeric = isNumeric(t);
  const firstNum = numeric.indexOf(true);
  const lastNum = numeric.lastIndexOf(true);
  if (firstNum < 0) return undefined;
  const rowN = row0 + t.rows.length - 1;
  grid.set(headerRow, mirrorCol, { t: 's', v: `Engine figures for the check (${tableNumber(t.id)})` });
  grid.style(headerRow, mirrorCol, headerRow, mirrorCol, 'muted');
  t.rows.forEach((row, r) => row.cells.forEach((cell, c) => {
    if (isFigure(cell)) grid.set(row0 + r, mirrorCol + c - firstNum, { t: 'n', v: text(cell.stored) });
  }));
  grid.style(row0, mirrorCol, rowN, mirrorCol + lastNum - firstNum, 'muted');
  for (let c = firstNum; c <= lastNum; c++) widths[mirrorCol + c - firstNum] = Math.max(widths[mirrorCol + c - firstNum] ?? 0, 14);
  widths[mirrorCol - 1] = Math.max(widths[mirrorCol - 1] ?? 0, 3);
  const tableRange = range(row0, firstNum, rowN, lastNum);
  const mirrorRange = range(row0, mirrorCol, rowN, mirrorCol + lastNum - firstNum);
  grid.set(blk.checkRow, 0, { t: 's', v: `Check: every formula of ${tableNumber(t.id)} gives the engine's figure (0 = agree)` });
  grid.set(blk.checkRow, firstNum, { t: 'f', f: `=SUMPRODUCT(ABS(ROUND(${tableRange},${roundTo})-ROUND(${mirrorRange},${roundTo})))`, v: '0' });
  grid.style(blk.checkRow, 0, blk.checkRow, 0, 'muted');
  grid.style(blk.checkRow, firstNum, blk.checkRow, firstNum, 'check');
  grid.format(blk.checkRow, firstNum, blk.checkRow, firstNum, 'check');
  return { table: t.id, address: a1(blk.checkRow, firstNum) };
}

/** A percentage column's format by the places its figures keep (a fraction to 3 places = 0.1%). */
function percentFormat(t: Table, c: number): FormatName {
  const f = t.rows.map((row) => row.cells[c]).find(isFigure);
  return f?.dp === 2 ? 'percent0' : f?.dp === 4 ? 'percent2' : 'percent1';
}

/** The formula of a derived figure, in the sheet's own cells. */
function formula(d: Derivation, f: Figure, roundTo: number, addr: (r: CellRef) => string): string {
  switch (d.op) {
    case 'sum':
      return d.minus?.length
        ? `ROUND(${sumFormula(d.of, addr)}-${sumFormula(d.minus, addr)},${roundTo})`
        : `ROUND(${sumFormula(d.of, addr)},${roundTo})`;
    case 'diff':
      return `ROUND(${addr(d.a)}-${addr(d.b)},${roundTo})`;
    case 'ratio':
      return `IF(${addr(d.den)}=0,0,ROUND(${addr(d.num)}/${addr(d.den)},${f.dp}))`;
    case 'cover':
      return `IF(${addr(d.change)}<0,ROUND(${addr(d.balance)}/-${addr(d.change)},${f.dp}),0)`;
    case 'pos':
      return `MAX(0,${d.neg ? '-' : ''}${addr(d.a)})`;
  }
}

/** SUM over cells, with runs of adjacent cells written as ranges (B5:B21), and SUM's 255-argument limit respected. */
export function sumFormula(refs: CellRef[], addr: (r: CellRef) => string): string {
  if (refs.length === 0) return '0';
  const args: string[] = [];
  let i = 0;
  while (i < refs.length) {
    let j = i;
    while (
      j + 1 < refs.length && refs[j + 1].t === refs[i].t &&
      ((refs[j + 1].c === refs[j].c && refs[j + 1].r === refs[j].r + 1) || (refs[j + 1].r === refs[j].r && refs[j + 1].c === refs[j].c + 1))
      && (refs[j + 1].c === refs[i].c || refs[j + 1].r === refs[i].r)
    ) j++;
    const from = addr(refs[i]);
    const to = addr(refs[j]);
    args.push(i === j ? from : `${from}:${to.replace(/^.*!/, '')}`);
    i = j + 1;
  }
  const chunks: string[] = [];
  for (let k = 0; k < args.length; k += 200) chunks.push(`SUM(${args.slice(k, k + 200).join(',')})`);
  return chunks.length === 1 ? chunks[0] : chunks.join('+');
}

/** The Checks sheet's column widths, in characters: check or severity, table, cell, rule, message, expected, actual, difference. */
const FINDING_WIDTHS = [60, 12, 26, 30, 90, 14, 14, 14] as const;
/** Points per line of wrapped text in the default font (Calibri 11), as Excel's default row height. */
const LINE_POINTS = 15;

/**
 * A text longer than its column wraps inside it, and its row is made tall enough for every line
 * (`lines` × 15 pt; Excel and LibreOffice do not grow a row on their own when a file gives wrapped
 * text); the row's other cells keep the default bottom alignment, level with the message's last
 * line (aligned to the top, a finding's figures print so close under the column captions that a
 * reader of the PDF takes the two for one two-line cell). Unwrapped, a long message runs under
 * the figure beside it: printed (LibreOffice to PDF) the two join into one run of text, so the
 * printed Expected figure can no longer be read (issue 15). Lines are counted at one character per
 * unit of column width, a little generous for proportional text. A text that fits is left as it is.
 */
function wrapLong(g: Grid, r: number, c: number, text: string, widths: readonly number[], rowHeights: NonNullable<SheetPlan['rowHeights']>): void {
  const lines = Math.ceil(text.length / widths[c]);
  if (lines < 2) return;
  g.style(r, c, r, c, 'wrap');
  rowHeights.push({ row: r, height: Math.min(409, LINE_POINTS * lines) });
}

function checksSheet(name: string, result: BuildResult, findings: PlacedFinding[], tableSheets: SheetPlan[]): SheetPlan {
  const g = new Grid();
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  g.set(0, 0, { t: 's', v: `Checks: ${result.organisation}, ${result.financialYear}` });
  g.style(0, 0, 0, 0, 'title');
  g.set(1, 0, { t: 's', v: `${count('error')} error(s), ${count('warning')} warning(s), ${count('note')} note(s). Rounding policy: ${result.rounding}.` });
  g.style(1, 0, 1, 0, 'subtitle');
  let r = 3;
  g.set(r, 0, { t: 's', v: 'Formula checks' });
  g.set(r, 1, { t: 's', v: 'Check cell' });
  g.set(r, 2, { t: 's', v: 'Value (0 = agree)' });
  g.style(r, 0, r, 4, 'headerLast');
  r++;
  for (const s of tableSheets) {
    for (const cc of s.checkCells) {
      const ref = sheetRef(s.name, cc.address);
      g.set(r, 0, { t: 's', v: `${tableNumber(cc.table)}: formulas give the engine's figures` });
      g.set(r, 1, { t: 's', v: ref, link: ref });
      g.style(r, 1, r, 1, 'link');
      g.set(r, 2, { t: 'f', f: `=${ref}`, v: '0' });
      g.format(r, 2, r, 2, 'check');
      r++;
    }
  }
  r++;
  g.set(r, 0, { t: 's', v: 'Check' });
  g.set(r, 1, { t: 's', v: 'Table' });
  g.set(r, 2, { t: 's', v: 'Result' });
  g.set(r, 3, { t: 's', v: 'Detail' });
  g.style(r, 0, r, 4, 'headerLast');
  r++;
  for (const c of result.checks) {
    g.set(r, 0, { t: 's', v: c.description });
    g.set(r, 1, { t: 's', v: c.table === 'input' ? 'Input' : tableNumber(c.table) });
    const failing = findings.filter((f) => f.rule === c.rule && f.table === c.table);
    const worst = failing.some((f) => f.severity === 'error') ? 'Error' : failing.some((f) => f.severity === 'warning') ? 'Warning' : failing.length ? 'Reported' : c.passed ? 'Pass' : 'Fail';
    g.set(r, 2, { t: 's', v: worst });
    if (worst === 'Error' || worst === 'Fail') g.style(r, 2, r, 2, 'error');
    else if (worst === 'Warning') g.style(r, 2, r, 2, 'warning');
    if (c.detail) g.set(r, 3, { t: 's', v: c.detail });
    r++;
  }
  r++;
  const heads = ['Finding', 'Table', 'Cell', 'Rule', 'Message', 'Expected', 'Actual', 'Difference'];
  heads.forEach((h, c) => g.set(r, c, { t: 's', v: h }));
  g.style(r, 0, r, heads.length - 1, 'headerLast');
  r++;
  if (findings.length === 0) g.set(r++, 0, { t: 's', v: 'No findings.' });
  const rowHeights: NonNullable<SheetPlan['rowHeights']> = [];
  for (const f of findings) {
    g.set(r, 0, { t: 's', v: f.severity });
    g.style(r, 0, r, 0, f.severity);
    g.set(r, 1, { t: 's', v: f.table === 'input' ? 'Input' : tableNumber(f.table) });
    if (f.cell) {
      g.set(r, 2, { t: 's', v: f.cell, link: f.cell });
      g.style(r, 2, r, 2, 'link');
    } else if (f.source) g.set(r, 2, { t: 's', v: f.source });
    g.set(r, 3, { t: 's', v: f.rule });
    g.set(r, 4, { t: 's', v: f.message });
    wrapLong(g, r, 4, f.message, FINDING_WIDTHS, rowHeights);
    if (f.expected !== undefined) g.set(r, 5, { t: 's', v: f.expected });
    if (f.actual !== undefined) g.set(r, 6, { t: 's', v: f.actual });
    if (f.difference !== undefined) g.set(r, 7, { t: 's', v: f.difference });
    r++;
  }
  return {
    name,
    role: 'checks',
    tables: [],
    cells: g.rectangular(),
    columnWidths: [...FINDING_WIDTHS],
    ...(rowHeights.length ? { rowHeights } : {}),
    numberFormats: g.numberFormats,
    styles: g.styles,
    freeze: { rows: 0, columns: 0 },
    checkCells: [],
  };
}

