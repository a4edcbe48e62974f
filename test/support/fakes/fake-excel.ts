// A strict fake of the part of the Excel JavaScript API (Office.js) that src/excel uses, so the
// host code can be proved without Excel. Strict where Excel is strict, and stricter where a mistake
// would only show in Excel:
// - operations queue on proxies and run only at context.sync(), in order, against a cell grid;
// - a property is unreadable until it was load()ed and a sync has run (PropertyNotLoaded);
// - 2D arrays must match the range's shape (InvalidArgument); unknown sheets throw ItemNotFound;
// - a method called on a null object fails at sync (we never rely on null objects chaining);
// - every sync is counted with the JSON size of what it carried (the request payload);
// - Excel.run fails if operations were queued and never synced;
// - an API newer than the fake's requirement set (ExcelApi 1.13 unless told) fails at sync with
//   ApiNotFound, as in an older Excel that still has the newest office.js;
// - merged areas and hidden rows: getMergedAreasOrNullObject lists only the merged areas whose
//   top-left cell is in the range (office-js#3611), at most 512 of them, and gives them through
//   `areas` (its `address` has given top-left cells only, office-js#1590, so the fake refuses it);
//   rowHidden is true, false or null (mixed) as Excel's; getRowProperties gives rowHidden per row.
// Null objects: isNullObject after load and sync; every other property of one, and every method
// called on one, fails (stricter than Excel, whose null objects give null properties).
// Text written through `formulas` is read as Excel reads typed text: '=…' is a formula, text that
// looks like a number becomes a number, a leading apostrophe keeps the rest as text.
// What real Excel does that a plain fake would hide (issue #12), each modelled here:
// - a read over 5,000,000 cells fails, except a whole-column or whole-row range, whose values,
//   valueTypes, formulas and numberFormat come back as null; its address reads 'Sheet1!A:H' / '3:5';
// - a response over `maxResponseBytes` (5 MB, Excel on the web) fails the sync with
//   ResponsePayloadSizeLimitExceeded, as a request over `maxRequestBytes` does;
// - a 1×1 array written to numberFormat, values or formulas is broadcast to the whole range;
// - text beginning + or - that is not a number becomes a formula (#NAME? here) unless quoted;
// - sheet visibility: Visible, Hidden or VeryHidden; activating a hidden sheet, freezing or
//   unfreezing its panes and selecting on it fail (InvalidOperation); "History" cannot be a sheet name;
// - cell-edit mode: every sync fails with InvalidOperationInCellEditMode, unless the run was given
//   { delayForCellEdit: true } (ExcelApi 1.11), which waits until the user leaves the cell;
// - a batch that fails part-way keeps the operations before the failing one (`failWhen` picks one);
// - `hang`: a sync that never returns (Excel on the web losing its connection).

import { columnLetters, parseA1 } from '../../../src/base/a1';

export class FakeExcelError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

export interface FakeCell {
  /** the typed value: number, text, boolean, or an error such as '#REF!' */
  value: number | string | boolean | null;
  error?: string;
  formula?: string;
  numberFormat?: string;
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: string; underline?: string };
  fill?: string;
  borders?: Record<string, { style: string; weight?: string }>;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, FakeCell>;
  names: Map<string, { formula: string; visible: boolean }>;
  tables: { name: string; address: string; style?: string }[];
  freeze?: { rows: number; columns: number };
  columnWidths: Map<number, number>;
  /** heights in points of rows given one (Excel: 0 to 409 points) */
  rowHeights: Map<number, number>;
  /** merged areas, 0-based inclusive, never overlapping */
  merged: Box[];
  /** 0-based indexes of hidden rows */
  hiddenRows: Set<number>;
}

export interface SyncRecord {
  bytes: number;
  operations: number;
  /** JSON size of what the sync's loads returned */
  responseBytes?: number;
  /** Excel refused to send the response (over maxResponseBytes): nothing came back */
  refused?: boolean;
}

export interface FakeWorkbookOptions {
  /** request payload limit; a sync over it fails like Excel on the web (5 MB there) */
  maxRequestBytes?: number;
  /** the newest ExcelApi requirement set this Excel supports, e.g. '1.9' (default '1.13') */
  excelApi?: string;
  /** response payload limit; a sync whose loads return more fails (5 MB on Excel on the web) */
  maxResponseBytes?: number;
}

/** Excel's limit on the cells one read may return. */
export const MAX_READ_CELLS = 5_000_000;

/** 'ExcelApi' '1.13' → 13: requirement sets compare by minor number, not as decimals (1.9 < 1.13). */
function apiMinor(version: string): number {
  const m = /^1\.([0-9]+)$/.exec(version);
  if (!m) throw new FakeExcelError('InvalidArgument', `not an ExcelApi version: ${version}`);
  return Number(m[1]);
}

// ---------- addresses (the A1 helpers are the product's own, src/base/a1) ----------

/** "C7" → {r, c}, failing as Excel does (InvalidArgument) on anything else */
function cellAt(ref: string, address: string): { r: number; c: number } {
  try {
    return parseA1(ref);
  } catch {
    throw new FakeExcelError('InvalidArgument', `not an address: ${address}`);
  }
}
export interface Box { r0: number; c0: number; r1: number; c1: number }
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/** 'A1', 'B2:D9', 'A:C', '3:5', with an optional Sheet! prefix (ignored here). */
export function parseAddress(address: string): Box {
  const a = address.replace(/^.*!/, '').replace(/\$/g, '').toUpperCase();
  const [from, to = from] = a.split(':');
  const cell = /^([A-Z]+)([0-9]+)$/;
  const col = /^([A-Z]+)$/;
  const row = /^([0-9]+)$/;
  let m1 = cell.exec(from);
  let m2 = cell.exec(to);
  if (m1 && m2) {
    const a = cellAt(from, address);
    const z = cellAt(to, address);
    return norm({ r0: a.r, c0: a.c, r1: z.r, c1: z.c }, address);
  }
  m1 = col.exec(from);
  m2 = col.exec(to);
  if (m1 && m2) return norm({ r0: 0, c0: cellAt(`${m1[1]}1`, address).c, r1: MAX_ROWS - 1, c1: cellAt(`${m2[1]}1`, address).c }, address);
  m1 = row.exec(from);
  m2 = row.exec(to);
  if (m1 && m2) return norm({ r0: +m1[1] - 1, c0: 0, r1: +m2[1] - 1, c1: MAX_COLS - 1 }, address);
  throw new FakeExcelError('InvalidArgument', `not an address: ${address}`);
}
function norm(b: Box, address: string): Box {
  if (b.r0 < 0 || b.c0 < 0 || b.r1 >= MAX_ROWS || b.c1 >= MAX_COLS || b.r1 < b.r0 || b.c1 < b.c0) {
    throw new FakeExcelError('InvalidArgument', `bad address ${address}`);
  }
  return b;
}
/** As Excel gives a range's address: whole columns 'A:H', whole rows '3:5', else 'B2:D9'. */
export function excelAddress(b: Box): string {
  if (b.r0 === 0 && b.r1 === MAX_ROWS - 1 && !(b.c0 === 0 && b.c1 === MAX_COLS - 1)) return `${columnLetters(b.c0)}:${columnLetters(b.c1)}`;
  if (b.c0 === 0 && b.c1 === MAX_COLS - 1) return `${b.r0 + 1}:${b.r1 + 1}`;
  return boxAddress(b);
}
export function boxAddress(b: Box): string {
  const a = `${columnLetters(b.c0)}${b.r0 + 1}`;
  const z = `${columnLetters(b.c1)}${b.r1 + 1}`;
  return a === z ? a : `${a}:${z}`;
}
const key = (r: number, c: number) => `${r},${c}`;
const overlaps = (a: Box, b: Box) => !(a.r1 < b.r0 || b.r1 < a.r0 || a.c1 < b.c0 || b.c1 < a.c0);
function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---------- the workbook state ----------

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  syncs: SyncRecord[] = [];
  /** cells selected by Range.select(), as Sheet!A1 */
  selections: string[] = [];
  activeSheet?: string;
  /** what getSelectedRange() returns */
  selected?: { sheet: string; address: string };
  calculationSuspensions = 0;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** the user is typing in a cell (Windows: clicking the pane does not leave the cell) */
  cellEditMode = false;
  /** syncs that waited for the user to leave the cell (delayForCellEdit) */
  cellEditWaits = 0;
  /** every sync from now on never returns */
  hang = false;
  /** entries of the numberFormat arrays sent (a 1×1 array broadcast counts one) */
  numberFormatEntriesSent = 0;
  /** an operation for which this returns an error fails, and the batch stops there (earlier operations stay) */
  failWhen?: (op: { o: string; p: string; a?: unknown }) => FakeExcelError | undefined;
  /** the newest ExcelApi requirement set supported */
  readonly excelApi: string;
  private nextId = 1;

  constructor(opts: FakeWorkbookOptions = {}) {
    this.maxRequestBytes = opts.maxRequestBytes ?? 5 * 1024 * 1024;
    this.maxResponseBytes = opts.maxResponseBytes ?? 5 * 1024 * 1024;
    this.excelApi = opts.excelApi ?? '1.13';
    apiMinor(this.excelApi);
  }
  /** Office.context.requirements.isSetSupported, answered for this Excel */
  isSetSupported(set: string, version = '1.1'): boolean {
    return set === 'ExcelApi' && apiMinor(version) <= apiMinor(this.excelApi);
  }
  /** fails (at sync, where it is called) like an Excel without the requirement set */
  requireApi(version: string, what: string): void {
    if (!this.isSetSupported('ExcelApi', version)) throw new FakeExcelError('ApiNotFound', `${what} needs ExcelApi ${version}; this Excel has ${this.excelApi}`);
  }

  addSheet(name: string): FakeSheet {
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name)) {
      throw new FakeExcelError('InvalidArgument', `invalid sheet name ${JSON.stringify(name)}`);
    }
    if (name.toLowerCase() === 'history') throw new FakeExcelError('InvalidArgument', 'History is a name Excel reserves');
    if (this.sheet(name)) throw new FakeExcelError('ItemAlreadyExists', `a sheet named ${name} exists`);
    const s: FakeSheet = { id: `{sheet-${this.nextId++}}`, name, visibility: 'Visible', cells: new Map(), names: new Map(), tables: [], columnWidths: new Map(), rowHeights: new Map(), merged: [], hiddenRows: new Set() };
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  /** Test helper: put typed values into a sheet from A1 (or from `at`). */
  setValues(sheetName: string, rows: (number | string | boolean | null | { error: string })[][], at = 'A1'): void {
    const s = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const b = parseAddress(at);
    rows.forEach((row, r) => row.forEach((v, c) => {
      const k = key(b.r0 + r, b.c0 + c);
      if (v === null) s.cells.delete(k);
      else if (typeof v === 'object') s.cells.set(k, { value: v.error, error: v.error });
      else s.cells.set(k, { value: v });
    }));
  }
  /** Test helper: merge cells as Excel's Merge does, keeping only the top-left cell's value. */
  merge(sheetName: string, address: string): void {
    const s = this.sheet(sheetName);
    if (!s) throw new FakeExcelError('ItemNotFound', `no sheet named ${sheetName}`);
    const b = parseAddress(address);
    if (b.r0 === b.r1 && b.c0 === b.c1) throw new FakeExcelError('InvalidArgument', `${address} is one cell: nothing to merge`);
    if (s.merged.some((m) => overlaps(m, b))) throw new FakeExcelError('InvalidOperation', `${address} overlaps a merged area`);
    for (let r = b.r0; r <= b.r1; r++) {
      for (let c = b.c0; c <= b.c1; c++) {
        const cell = s.cells.get(key(r, c));
        if (!cell || (r === b.r0 && c === b.c0)) continue;
        cell.value = null;
        delete cell.formula;
        delete cell.error;
      }
    }
    s.merged.push(b);
  }
  /** Test helper: hide (or show) whole rows, e.g. '6' or '6:8'. */
  hideRows(sheetName: string, rows: string, hidden = true): void {
    const s = this.sheet(sheetName);
    if (!s) throw new FakeExcelError('ItemNotFound', `no sheet named ${sheetName}`);
    const b = parseAddress(rows.includes(':') ? rows : `${rows}:${rows}`);
    if (b.c0 !== 0 || b.c1 !== MAX_COLS - 1) throw new FakeExcelError('InvalidArgument', `hide whole rows ('6:8'), not ${rows}`);
    for (let r = b.r0; r <= b.r1; r++) {
      if (hidden) s.hiddenRows.add(r);
      else s.hiddenRows.delete(r);
    }
  }
  cell(sheetName: string, address: string): FakeCell | undefined {
    const s = this.sheet(sheetName);
    const b = parseAddress(address);
    return s?.cells.get(key(b.r0, b.c0));
  }
  /** A deep copy of every sheet, for "nothing changed" comparisons. */
  snapshot(): string {
    return JSON.stringify(this.sheets.map((s) => ({
      ...s,
      cells: [...s.cells.entries()].sort(),
      names: [...s.names.entries()],
      columnWidths: [...s.columnWidths.entries()],
      rowHeights: [...s.rowHeights.entries()],
      hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
    })));
  }
  usedBox(s: FakeSheet, valuesOnly: boolean): Box | undefined {
    let box: Box | undefined;
    const add = (b: Box) => {
      box = box ? { r0: Math.min(box.r0, b.r0), c0: Math.min(box.c0, b.c0), r1: Math.max(box.r1, b.r1), c1: Math.max(box.c1, b.c1) } : { ...b };
    };
    for (const [k, cell] of s.cells) {
      if (valuesOnly && cell.value === null && cell.formula === undefined) continue;
      const [r, c] = k.split(',').map(Number);
      add({ r0: r, c0: c, r1: r, c1: c });
    }
    // A merged area is formatting: it counts unless only values do.
    if (!valuesOnly) for (const m of s.merged) add(m);
    return box;
  }
  get syncCount(): number {
    return this.syncs.length;
  }
}

// ---------- proxies and the request queue ----------

interface Op {
  json: { o: string; p: string; a?: unknown };
  run: () => void;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync: () => void };
  /** operations queued since the last sync */
  queue: Op[] = [];
  /** bytes the current sync's loads returned */
  responseBytes = 0;

  constructor(readonly state: FakeWorkbook, readonly runOptions: { delayForCellEdit?: boolean } = {}) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => this.enqueue('suspendApiCalculationUntilNextSync', 'application', undefined, () => {
        this.state.calculationSuspensions++;
      }),
    };
  }

  enqueue(o: string, p: string, a: unknown, run: () => void): void {
    this.queue.push({ json: a === undefined ? { o, p } : { o, p, a }, run });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const bytes = new TextEncoder().encode(JSON.stringify(ops.map((x) => x.json))).length; // UTF-8 bytes, measured independently of src/excel (and in the browser too)
    const record: SyncRecord = { bytes, operations: ops.length };
    this.state.syncs.push(record);
    if (this.state.hang) return new Promise<void>(() => {});
    if (this.state.cellEditMode) {
      if (!this.runOptions.delayForCellEdit || !this.state.isSetSupported('ExcelApi', '1.11')) {
        throw new FakeExcelError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
      }
      // Excel waits until the user leaves the cell, then runs the batch.
      this.state.cellEditMode = false;
      this.state.cellEditWaits++;
    }
    if (bytes > this.state.maxRequestBytes) {
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `request of ${bytes} bytes is over the ${this.state.maxRequestBytes}-byte limit`);
    }
    // Excel runs the batch in order and stops at the first failing operation; what ran before stays.
    this.responseBytes = 0;
    for (const op of ops) {
      const fail = this.state.failWhen?.(op.json);
      if (fail) throw fail;
      op.run();
    }
    record.responseBytes = this.responseBytes;
    if (this.responseBytes > this.state.maxResponseBytes) {
      record.refused = true;
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `response of ${this.responseBytes} bytes is over the ${this.state.maxResponseBytes}-byte limit`);
    }
    await Promise.resolve();
  }
}


/** Loadable properties: unreadable until load() + sync(). */
class Loadable {
  protected loaded = new Map<string, unknown>();
  protected pending = new Set<string>();
  constructor(protected ctx: FakeRequestContext, protected path: string) {}
  protected readProp<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new FakeExcelError('PropertyNotLoaded', `${this.path}.${name} was not loaded: call load('${name}') and sync() first`);
    }
    return this.loaded.get(name) as T;
  }
  protected queueLoad(names: string[], read: (name: string) => unknown): void {
    this.ctx.enqueue('load', this.path, names, () => {
      for (const n of names) this.loaded.set(n, read(n));
    });
  }
}

export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  constructor(private ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
  /** the cells the user has selected (FakeWorkbook.selected, or A1 of the active sheet) */
  getSelectedRange(): FakeRange {
    const st = this.ctx.state;
    const ws = new FakeWorksheet(this.ctx, () => st.sheet(st.selected?.sheet ?? st.activeSheet ?? st.sheets[0]?.name ?? ''), 'selection.ws', false);
    return new FakeRange(this.ctx, ws, () => parseAddress(st.selected?.address ?? 'A1'), 'selection', false);
  }
}

export class FakeWorksheetCollection extends Loadable {
  private itemsLoaded?: FakeWorksheet[];
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'worksheets');
  }
  get items(): FakeWorksheet[] {
    if (!this.itemsLoaded) throw new FakeExcelError('PropertyNotLoaded', 'worksheets.items was not loaded');
    return this.itemsLoaded;
  }
  load(props: string | string[] = 'items/name'): this {
    const list = typeof props === 'string' ? props.split(',').map((s) => s.trim()) : props;
    const names = list.map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue('load', this.path, list, () => {
      this.itemsLoaded = this.ctx.state.sheets.map((s) => {
        const w = new FakeWorksheet(this.ctx, () => s, `ws#${s.id}`, false);
        w.markLoaded(names);
        return w;
      });
    });
    return this;
  }
  getActiveWorksheet(): FakeWorksheet {
    const st = this.ctx.state;
    return new FakeWorksheet(this.ctx, () => st.sheet(st.activeSheet ?? st.sheets[0]?.name ?? ''), 'ws[active]', false);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.state.sheet(name);
      if (!s) throw new FakeExcelError('ItemNotFound', `no sheet named ${name}`);
      return s;
    }, `ws[${name}]`, false);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheet(name), `ws?[${name}]`, true);
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.ctx.enqueue('add', this.path, [name], () => {
      created = this.ctx.state.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new FakeExcelError('InvalidReference', `sheet ${name} not created yet`);
      return created;
    }, `ws+[${name}]`, false);
  }
}

export class FakeWorksheet extends Loadable {
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly freezePanes: FakeFreezePanes;
  private nullState?: boolean;
  constructor(ctx: FakeRequestContext, readonly resolveSheet: () => FakeSheet | undefined, path: string, private readonly orNull: boolean) {
    super(ctx, path);
    this.names = new FakeNamedItemCollection(ctx, this);
    this.tables = new FakeTableCollection(ctx, this);
    this.freezePanes = new FakeFreezePanes(ctx, this);
  }
  /** the sheet, failing like Excel if this is a null object or the sheet is gone */
  sheet(): FakeSheet {
    const s = this.resolveSheet();
    if (!s) throw new FakeExcelError('ItemNotFound', `${this.path} is a null object or no longer exists`);
    return s;
  }
  markLoaded(names: string[]): void {
    const s = this.sheet();
    for (const n of names) this.loaded.set(n, (s as unknown as Record<string, unknown>)[n]);
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new FakeExcelError('PropertyNotLoaded', `${this.path}.isNullObject needs load() and sync()`);
    return this.nullState;
  }
  get name(): string {
    return this.readProp('name');
  }
  set name(v: string) {
    this.ctx.enqueue('set', `${this.path}.name`, v, () => {
      const s = this.sheet();
      if (this.ctx.state.sheet(v) && this.ctx.state.sheet(v) !== s) throw new FakeExcelError('ItemAlreadyExists', v);
      s.name = v;
    });
  }
  get id(): string {
    return this.readProp('id');
  }
  get visibility(): string {
    return this.readProp('visibility');
  }
  set visibility(v: string) {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) throw new FakeExcelError('InvalidArgument', `visibility ${v}`);
    this.ctx.enqueue('set', `${this.path}.visibility`, v, () => {
      const s = this.sheet();
      if (v !== 'Visible' && this.ctx.state.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) throw new FakeExcelError('InvalidOperation', 'a workbook must keep one visible sheet');
      s.visibility = v as FakeSheet['visibility'];
    });
  }
  /** ExcelApi 1.7 */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const box = norm({ r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 }, `indexes ${startRow},${startColumn},${rowCount},${columnCount}`);
    return new FakeRange(this.ctx, this, () => box, `${this.path}.range#[${startRow},${startColumn},${rowCount},${columnCount}]`, false);
  }
  load(props: string | string[] = 'name'): this {
    const list = typeof props === 'string' ? props.split(',').map((s) => s.trim()) : props;
    this.ctx.enqueue('load', this.path, list, () => {
      const s = this.resolveSheet();
      if (this.orNull) this.nullState = s === undefined;
      if (!s) {
        if (!this.orNull) throw new FakeExcelError('ItemNotFound', this.path);
        return;
      }
      for (const n of list) this.loaded.set(n, (s as unknown as Record<string, unknown>)[n]);
    });
    return this;
  }
  delete(): void {
    this.ctx.enqueue('delete', this.path, undefined, () => {
      const s = this.sheet();
      const st = this.ctx.state;
      if (st.sheets.length === 1 || (s.visibility === 'Visible' && !st.sheets.some((x) => x !== s && x.visibility === 'Visible'))) throw new FakeExcelError('InvalidOperation', 'a workbook must keep one visible sheet');
      st.sheets = st.sheets.filter((x) => x !== s);
    });
  }
  activate(): void {
    this.ctx.enqueue('activate', this.path, undefined, () => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', `cannot activate ${s.name}: the sheet is hidden`);
      this.ctx.state.activeSheet = s.name;
    });
  }
  getRange(address?: string): FakeRange {
    const box = address === undefined ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } : parseAddress(address);
    return new FakeRange(this.ctx, this, () => box, `${this.path}.range[${address ?? '*'}]`, false);
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this, () => this.ctx.state.usedBox(this.sheet(), valuesOnly), `${this.path}.used`, true);
  }
  /** Never a null object: a blank sheet gives A1 (as Excel documents). */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this, () => this.ctx.state.usedBox(this.sheet(), valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }, `${this.path}.used!`, false);
  }
}

export class FakeNamedItemCollection {
  constructor(private ctx: FakeRequestContext, private ws: FakeWorksheet) {}
  add(name: string, reference: string, comment?: string): FakeNamedItem {
    this.ctx.enqueue('names.add', `${this.wsPath()}.names`, [name, reference, comment ?? ''], () => {
      const s = this.ws.sheet();
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new FakeExcelError('InvalidArgument', `bad name ${name}`);
      if (s.names.has(name.toLowerCase())) throw new FakeExcelError('ItemAlreadyExists', name);
      s.names.set(name.toLowerCase(), { formula: reference, visible: true });
    });
    return new FakeNamedItem(this.ctx, () => this.ws.sheet().names.get(name.toLowerCase()), `${this.wsPath()}.names[${name}]`, false);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.ws.sheet().names.get(name.toLowerCase()), `${this.wsPath()}.names?[${name}]`, true);
  }
  private wsPath(): string {
    return (this.ws as unknown as { path: string }).path;
  }
}

export class FakeNamedItem extends Loadable {
  private nullState?: boolean;
  constructor(ctx: FakeRequestContext, private resolve: () => { formula: string; visible: boolean } | undefined, path: string, private orNull: boolean) {
    super(ctx, path);
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new FakeExcelError('PropertyNotLoaded', `${this.path}.isNullObject needs load() and sync()`);
    return this.nullState;
  }
  get formula(): string {
    return this.readProp('formula');
  }
  get visible(): boolean {
    return this.readProp('visible');
  }
  set visible(v: boolean) {
    this.ctx.enqueue('set', `${this.path}.visible`, v, () => {
      const n = this.resolve();
      if (!n) throw new FakeExcelError('ItemNotFound', this.path);
      n.visible = v;
    });
  }
  load(props: string | string[] = 'formula'): this {
    const list = typeof props === 'string' ? props.split(',').map((s) => s.trim()) : props;
    this.ctx.enqueue('load', this.path, list, () => {
      const n = this.resolve();
      if (this.orNull) this.nullState = n === undefined;
      if (!n) {
        if (!this.orNull) throw new FakeExcelError('ItemNotFound', this.path);
        return;
      }
      for (const p of list) this.loaded.set(p, (n as Record<string, unknown>)[p]);
    });
    return this;
  }
}

export class FakeTableCollection {
  constructor(private ctx: FakeRequestContext, private ws: FakeWorksheet) {}
  add(address: string, hasHeaders: boolean): FakeTable {
    const entry: { name: string; address: string; style?: string } = { name: '', address };
    this.ctx.enqueue('tables.add', 'tables', [address, hasHeaders], () => {
      const s = this.ws.sheet();
      const b = parseAddress(address);
      for (const other of this.ctx.state.sheets.flatMap((x) => x.tables.map((t) => ({ t, x })))) {
        if (other.x !== s) continue;
        const o = parseAddress(other.t.address);
        if (!(b.r1 < o.r0 || o.r1 < b.r0 || b.c1 < o.c0 || o.c1 < b.c0)) throw new FakeExcelError('InvalidOperation', `tables overlap at ${address}`);
      }
      if (hasHeaders) {
        for (let c = b.c0; c <= b.c1; c++) {
          const v = s.cells.get(key(b.r0, c))?.value;
          if (typeof v !== 'string' || v === '') throw new FakeExcelError('InvalidArgument', `table header ${columnLetters(c)}${b.r0 + 1} must be text`);
        }
      }
      let n = 1;
      while (this.ctx.state.sheets.some((x) => x.tables.some((t) => t.name.toLowerCase() === `table${n}`))) n++;
      entry.name = `Table${n}`;
      entry.address = boxAddress(b);
      s.tables.push(entry);
    });
    return new FakeTable(this.ctx, entry);
  }
}

export class FakeTable {
  constructor(private ctx: FakeRequestContext, private entry: { name: string; address: string; style?: string }) {}
  set name(v: string) {
    this.ctx.enqueue('set', 'table.name', v, () => {
      if (this.ctx.state.sheets.some((x) => x.tables.some((t) => t !== this.entry && t.name.toLowerCase() === v.toLowerCase()))) {
        throw new FakeExcelError('InvalidArgument', `a table named ${v} exists in the workbook`);
      }
      this.entry.name = v;
    });
  }
  set style(v: string) {
    this.ctx.enqueue('set', 'table.style', v, () => {
      this.entry.style = v;
    });
  }
}

export class FakeFreezePanes {
  constructor(private ctx: FakeRequestContext, private ws: FakeWorksheet) {}
  /** Excel refuses to change the panes of a hidden sheet. */
  private visible(): FakeSheet {
    const s = this.ws.sheet();
    if (s.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', `cannot change the frozen panes of ${s.name}: the sheet is hidden`);
    return s;
  }
  freezeAt(address: string): void {
    this.ctx.enqueue('freezeAt', 'freezePanes', [address], () => {
      const b = parseAddress(address);
      if (b.r0 !== 0 || b.c0 !== 0) throw new FakeExcelError('InvalidArgument', 'freezeAt takes a range from A1 in this fake');
      this.visible().freeze = { rows: b.r1 + 1, columns: b.c1 + 1 };
    });
  }
  freezeRows(n: number): void {
    this.ctx.enqueue('freezeRows', 'freezePanes', [n], () => {
      this.visible().freeze = { rows: n, columns: 0 };
    });
  }
  freezeColumns(n: number): void {
    this.ctx.enqueue('freezeColumns', 'freezePanes', [n], () => {
      this.visible().freeze = { rows: 0, columns: n };
    });
  }
  unfreeze(): void {
    this.ctx.enqueue('unfreeze', 'freezePanes', undefined, () => {
      delete this.visible().freeze;
    });
  }
}

type Grid2D = unknown[][];

export class FakeRange extends Loadable {
  readonly format: FakeRangeFormat;
  private nullState?: boolean;
  constructor(ctx: FakeRequestContext, readonly ws: FakeWorksheet, readonly resolveBox: () => Box | undefined, path: string, private orNull: boolean) {
    super(ctx, path);
    this.format = new FakeRangeFormat(ctx, this);
  }
  /** the sheet this range is on (Range.worksheet) */
  get worksheet(): FakeWorksheet {
    return this.ws;
  }
  box(): Box {
    const b = this.resolveBox();
    if (!b) throw new FakeExcelError('ItemNotFound', `${this.path} is a null object`);
    return b;
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new FakeExcelError('PropertyNotLoaded', `${this.path}.isNullObject needs load() and sync()`);
    return this.nullState;
  }
  get values(): unknown[][] { return this.readProp('values'); }
  set values(v: unknown[][]) { this.setGrid('values', v, (cell, x) => writeTyped(cell, x, false)); }
  get formulas(): unknown[][] { return this.readProp('formulas'); }
  set formulas(v: unknown[][]) { this.setGrid('formulas', v, (cell, x) => writeTyped(cell, x, true)); }
  get numberFormat(): unknown[][] { return this.readProp('numberFormat'); }
  set numberFormat(v: unknown[][]) {
    if (Array.isArray(v)) this.ctx.state.numberFormatEntriesSent += v.reduce((n, row) => n + (Array.isArray(row) ? row.length : 0), 0);
    this.setGrid('numberFormat', v, (cell, x) => {
      if (typeof x !== 'string') throw new FakeExcelError('InvalidArgument', 'a number format is text');
      cell.numberFormat = x;
    });
  }
  get valueTypes(): string[][] { return this.readProp('valueTypes'); }
  get address(): string { return this.readProp('address'); }
  /** true: every row hidden; false: none; null: some (ExcelApi 1.2) */
  get rowHidden(): boolean | null { return this.readProp('rowHidden'); }
  get rowCount(): number { return this.readProp('rowCount'); }
  get columnCount(): number { return this.readProp('columnCount'); }
  set hyperlink(h: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.ctx.enqueue('set', `${this.path}.hyperlink`, h, () => {
      const b = this.box();
      if (b.r0 !== b.r1 || b.c0 !== b.c1) throw new FakeExcelError('InvalidArgument', 'a hyperlink is set on one cell in this fake');
      const cell = this.cellAt(b.r0, b.c0);
      cell.hyperlink = { ...h };
      if (h.textToDisplay !== undefined) cell.value = h.textToDisplay;
    });
  }
  load(props: string | string[]): this {
    const list = typeof props === 'string' ? props.split(',').map((s) => s.trim()) : props;
    this.ctx.enqueue('load', this.path, list, () => {
      const b = this.resolveBox();
      if (this.orNull) this.nullState = b === undefined;
      if (!b) {
        if (!this.orNull) throw new FakeExcelError('ItemNotFound', this.path);
        return;
      }
      const s = this.ws.sheet();
      for (const p of list) {
        const v = this.readNow(p, s, b);
        this.loaded.set(p, v);
        this.ctx.responseBytes += new TextEncoder().encode(JSON.stringify(v) ?? '').length;
      }
    });
    return this;
  }
  /** The cells of this range that are also in `other` (ExcelApi 1.4), or a null object. */
  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const a = this.box();
      const b = other.box();
      if (this.ws.sheet() !== other.ws.sheet()) throw new FakeExcelError('InvalidArgument', 'intersection of ranges on different sheets');
      const r = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
      return r.r0 > r.r1 || r.c0 > r.c1 ? undefined : r;
    }, `${this.path}.intersect(${other.path})`, true);
  }
  /** Row `i` of this range (0-based, ExcelApi 1.1). */
  getRow(i: number): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const b = this.box();
      if (i < 0 || b.r0 + i > b.r1) throw new FakeExcelError('InvalidArgument', `row ${i} of ${boxAddress(b)}`);
      return { ...b, r0: b.r0 + i, r1: b.r0 + i };
    }, `${this.path}.row(${i})`, false);
  }
  /** The used cells within this range (ExcelApi 1.4), or a null object. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const a = this.box();
      const u = this.ctx.state.usedBox(this.ws.sheet(), valuesOnly);
      if (!u) return undefined;
      const r = { r0: Math.max(a.r0, u.r0), c0: Math.max(a.c0, u.c0), r1: Math.min(a.r1, u.r1), c1: Math.min(a.c1, u.c1) };
      return r.r0 > r.r1 || r.c0 > r.c1 ? undefined : r;
    }, `${this.path}.used?`, true);
  }
  /** The smallest range holding both (ExcelApi 1.1); resolved at sync, so a null object fails there. */
  getBoundingRect(other: FakeRange): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const a = this.box();
      const b = other.box();
      if (this.ws.sheet() !== other.ws.sheet()) throw new FakeExcelError('InvalidArgument', 'getBoundingRect of ranges on different sheets');
      return { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };
    }, `${this.path}.boundingRect(${other.path})`, false);
  }
  /**
   * ExcelApi 1.13: the merged areas whose top-left cell is in this range (as Excel answers, office-js#3611),
   * or a null object when there are none; more than 512 fail the request.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this, `${this.path}.mergedAreas?`);
  }
  /** ExcelApi 1.9: one entry per row of the range; this fake knows rowHidden only */
  getRowProperties(spec: { rowHidden?: boolean }): { value: { rowHidden: boolean }[] } {
    if (Object.keys(spec).length !== 1 || spec.rowHidden !== true) throw new FakeExcelError('InvalidArgument', 'the fake loads rowHidden only');
    let rows: { rowHidden: boolean }[] | undefined;
    this.ctx.enqueue('getRowProperties', this.path, spec, () => {
      this.ctx.state.requireApi('1.9', 'Range.getRowProperties');
      const b = this.box();
      const hidden = this.ws.sheet().hiddenRows;
      rows = Array.from({ length: b.r1 - b.r0 + 1 }, (_, i) => ({ rowHidden: hidden.has(b.r0 + i) }));
    });
    return {
      get value() {
        if (!rows) throw new FakeExcelError('PropertyNotLoaded', 'ClientResult.value before sync()');
        return rows;
      },
    };
  }
  /** ExcelApi 1.9: cell properties as a 2D array; this fake knows font.bold only */
  getCellProperties(spec: { format?: { font?: { bold?: boolean } } }): { value: { format: { font: { bold: boolean } } }[][] } {
    if (!spec.format?.font?.bold) throw new FakeExcelError('InvalidArgument', 'the fake loads format.font.bold only');
    const result: { value?: { format: { font: { bold: boolean } } }[][] } = {};
    let ready = false;
    this.ctx.enqueue('getCellProperties', this.path, spec, () => {
      this.ctx.state.requireApi('1.9', 'Range.getCellProperties');
      const b = this.box();
      const s = this.ws.sheet();
      const out: { format: { font: { bold: boolean } } }[][] = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const row: { format: { font: { bold: boolean } } }[] = [];
        for (let c = b.c0; c <= b.c1; c++) row.push({ format: { font: { bold: s.cells.get(key(r, c))?.font?.bold ?? false } } });
        out.push(row);
      }
      result.value = out;
      ready = true;
    });
    return {
      get value() {
        if (!ready) throw new FakeExcelError('PropertyNotLoaded', 'ClientResult.value before sync()');
        return result.value!;
      },
    };
  }
  select(): void {
    this.ctx.enqueue('select', this.path, undefined, () => {
      const s = this.ws.sheet();
      if (s.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', `cannot select on ${s.name}: the sheet is hidden`);
      this.ctx.state.selections.push(`${quoteSheet(s.name)}!${boxAddress(this.box())}`);
      this.ctx.state.activeSheet = s.name;
    });
  }
  clear(applyTo = 'All'): void {
    this.ctx.enqueue('clear', this.path, [applyTo], () => {
      const s = this.ws.sheet();
      const b = this.box();
      for (const k of [...s.cells.keys()]) {
        const [r, c] = k.split(',').map(Number);
        if (r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1) s.cells.delete(k);
      }
    });
  }
  cellAt(r: number, c: number): FakeCell {
    const s = this.ws.sheet();
    let cell = s.cells.get(key(r, c));
    if (!cell) {
      cell = { value: null };
      s.cells.set(key(r, c), cell);
    }
    return cell;
  }
  eachCell(fn: (cell: FakeCell, r: number, c: number) => void): void {
    const b = this.box();
    if ((b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1) > 5_000_000) throw new FakeExcelError('InvalidArgument', 'range too large for a format in this fake');
    for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) fn(this.cellAt(r, c), r, c);
  }
  private setGrid(prop: string, v: Grid2D, write: (cell: FakeCell, x: unknown) => void): void {
    this.ctx.enqueue('set', `${this.path}.${prop}`, v, () => {
      const b = this.box();
      const rows = b.r1 - b.r0 + 1;
      const cols = b.c1 - b.c0 + 1;
      // A single value (a 1×1 array) is applied to every cell of the range, as Excel does.
      if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 && (rows > 1 || cols > 1)) {
        if (rows * cols > MAX_READ_CELLS) throw new FakeExcelError('InvalidArgument', `${prop} broadcast over ${rows * cols} cells in this fake`);
        const x = v[0][0];
        if (x === null) return;
        for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) write(this.cellAt(r, c), x);
        return;
      }
      if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
        const got = Array.isArray(v) ? `${v.length}×${Array.isArray(v[0]) ? v[0].length : '?'}` : typeof v;
        throw new FakeExcelError('InvalidArgument', `${prop} of ${boxAddress(b)} needs a ${rows}×${cols} array, got ${got}`);
      }
      v.forEach((row, r) => row.forEach((x, c) => {
        if (x === null) return; // Excel leaves the cell as it is
        write(this.cellAt(b.r0 + r, b.c0 + c), x);
      }));
    });
  }
  private readNow(p: string, s: FakeSheet, b: Box): unknown {
    const cells = (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
    if (['values', 'formulas', 'numberFormat', 'valueTypes', 'text'].includes(p) && cells > MAX_READ_CELLS) {
      // A whole-column or whole-row selection gives null; any other range that large fails.
      if ((b.r0 === 0 && b.r1 === MAX_ROWS - 1) || (b.c0 === 0 && b.c1 === MAX_COLS - 1)) return null;
      throw new FakeExcelError('InvalidOperation', `${boxAddress(b)} is ${cells} cells: Excel reads at most ${MAX_READ_CELLS} at once`);
    }
    const grid = <T>(fn: (cell: FakeCell | undefined) => T): T[][] => {
      const out: T[][] = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const row: T[] = [];
        for (let c = b.c0; c <= b.c1; c++) row.push(fn(s.cells.get(key(r, c))));
        out.push(row);
      }
      return out;
    };
    switch (p) {
      case 'values': return grid((cell) => (cell ? (cell.formula !== undefined && cell.value === null ? 0 : cell.value ?? '') : ''));
      case 'formulas': return grid((cell) => cell?.formula ?? cell?.value ?? '');
      case 'numberFormat': return grid((cell) => cell?.numberFormat ?? 'General');
      case 'valueTypes': return grid((cell) => {
        if (!cell || (cell.value === null && cell.formula === undefined)) return 'Empty';
        if (cell.error) return 'Error';
        if (typeof cell.value === 'number' || cell.formula !== undefined) return 'Double';
        if (typeof cell.value === 'boolean') return 'Boolean';
        return 'String';
      });
      case 'address': return `${quoteSheet(s.name)}!${excelAddress(b)}`;
      case 'rowHidden': {
        let n = 0;
        for (const r of s.hiddenRows) if (r >= b.r0 && r <= b.r1) n++;
        return n === 0 ? false : n === b.r1 - b.r0 + 1 ? true : null;
      }
      case 'rowCount': return b.r1 - b.r0 + 1;
      case 'columnCount': return b.c1 - b.c0 + 1;
      default: throw new FakeExcelError('InvalidArgument', `the fake cannot load Range.${p}`);
    }
  }
}

/** Excel.RangeAreas as getMergedAreasOrNullObject gives it: load('areas/items/address') or 'areaCount'. */
export class FakeRangeAreas extends Loadable {
  private nullState?: boolean;
  constructor(ctx: FakeRequestContext, private readonly range: FakeRange, path: string) {
    super(ctx, path);
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new FakeExcelError('PropertyNotLoaded', `${this.path}.isNullObject needs load() and sync()`);
    return this.nullState;
  }
  get areas(): { items: { address: string }[] } {
    this.notNull('areas');
    return this.readProp('areas/items/address');
  }
  get areaCount(): number {
    this.notNull('areaCount');
    return this.readProp('areaCount');
  }
  get address(): string {
    throw new FakeExcelError('InvalidArgument', "the fake gives no RangeAreas.address for merged areas (Excel has given their top-left cells only, office-js#1590): load 'areas/items/address'");
  }
  load(props: string | string[]): this {
    const list = typeof props === 'string' ? props.split(',').map((x) => x.trim()) : props;
    this.ctx.enqueue('load', this.path, list, () => {
      this.ctx.state.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
      const b = this.range.box();
      const s = this.range.ws.sheet();
      const found = s.merged.filter((m) => m.r0 >= b.r0 && m.r0 <= b.r1 && m.c0 >= b.c0 && m.c0 <= b.c1);
      if (found.length > 512) throw new FakeExcelError('GeneralException', `${found.length} merged areas: Excel lists at most 512`);
      this.nullState = found.length === 0;
      if (this.nullState) return;
      for (const p of list) {
        if (p === 'areas/items/address') this.loaded.set(p, { items: found.map((m) => ({ address: `${quoteSheet(s.name)}!${boxAddress(m)}` })) });
        else if (p === 'areaCount') this.loaded.set(p, found.length);
        else throw new FakeExcelError('InvalidArgument', `the fake cannot load RangeAreas.${p}`);
      }
    });
    return this;
  }
  private notNull(prop: string): void {
    if (this.nullState) throw new FakeExcelError('InvalidOperation', `${this.path}.${prop}: a null object (check isNullObject first)`);
  }
}

/** Typed input as Excel reads it. */
function writeTyped(cell: FakeCell, x: unknown, _viaFormulas: boolean): void {
  delete cell.formula;
  delete cell.error;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new FakeExcelError('InvalidArgument', `${x} is not a number Excel can hold`);
    cell.value = x;
    return;
  }
  if (typeof x === 'boolean') {
    cell.value = x;
    return;
  }
  if (typeof x !== 'string') throw new FakeExcelError('InvalidArgument', `cannot write ${typeof x}`);
  if (x === '') {
    cell.value = null;
    return;
  }
  if (x.startsWith("'")) {
    cell.value = x.slice(1);
    return;
  }
  if (x.startsWith('=') && x.length > 1) {
    cell.formula = x;
    cell.value = null; // the fake does not calculate
    return;
  }
  if (/^[+-]/.test(x) && x.length > 1 && !/^[+-]\s*[0-9][0-9,]*(\.[0-9]+)?\s*%?\s*$/.test(x)) {
    // Typed text beginning + or - is a formula to Excel ("- Transfers" → =- Transfers → #NAME?).
    cell.formula = `=${x}`;
    cell.value = '#NAME?';
    cell.error = '#NAME?';
    return;
  }
  if (/^\s*-?[0-9][0-9,]*(\.[0-9]+)?\s*%?\s*$/.test(x) || /^(true|false)$/i.test(x) || /^\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?$/.test(x)) {
    // Excel would turn this text into a number, boolean or date: writers must quote it.
    cell.value = /^(true|false)$/i.test(x) ? x.toLowerCase() === 'true' : Number.NaN;
    cell.error = `converted:${x}`;
    return;
  }
  cell.value = x;
}

export class FakeRangeFormat {
  readonly font: Record<string, unknown>;
  readonly fill: Record<string, unknown>;
  readonly borders: { getItem: (name: string) => Record<string, unknown> };
  constructor(private ctx: FakeRequestContext, private range: FakeRange) {
    const setter = (path: string, apply: (cell: FakeCell, v: unknown) => void, check: (v: unknown) => boolean) => (v: unknown) => {
      if (!check(v)) throw new FakeExcelError('InvalidArgument', `${path} cannot be ${JSON.stringify(v)}`);
      this.ctx.enqueue('set', `${this.rangePath()}.${path}`, v, () => this.range.eachCell((cell) => apply(cell, v)));
    };
    const font = (prop: string, check: (v: unknown) => boolean) => setter(`font.${prop}`, (cell, v) => {
      cell.font = { ...(cell.font ?? {}), [prop]: v };
    }, check);
    const bool = (v: unknown) => typeof v === 'boolean';
    const colour = (v: unknown) => typeof v === 'string' && /^#[0-9A-Fa-f]{6}$/.test(v);
    this.font = defineSetters({
      bold: font('bold', bool),
      italic: font('italic', bool),
      size: font('size', (v) => typeof v === 'number' && v > 0),
      color: font('color', colour),
      underline: font('underline', (v) => v === 'None' || v === 'Single' || v === 'Double'),
    });
    this.fill = defineSetters({
      color: setter('fill.color', (cell, v) => { cell.fill = v as string; }, colour),
    });
    const BORDERS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];
    this.borders = {
      getItem: (name: string) => {
        if (!BORDERS.includes(name)) throw new FakeExcelError('InvalidArgument', `no border ${name}`);
        const apply = (prop: 'style' | 'weight') => (v: unknown) => {
          this.ctx.enqueue('set', `${this.rangePath()}.borders[${name}].${prop}`, v, () => {
            const b = this.range.box();
            this.range.eachCell((cell, r) => {
              const sides = name === 'EdgeTop' ? (r === b.r0 ? ['top'] : [])
                : name === 'EdgeBottom' ? (r === b.r1 ? ['bottom'] : [])
                : name === 'InsideHorizontal' ? [...(r > b.r0 ? ['top'] : []), ...(r < b.r1 ? ['bottom'] : [])]
                : [name];
              for (const side of sides) {
                cell.borders = { ...(cell.borders ?? {}) };
                cell.borders[side] = { ...(cell.borders[side] ?? { style: 'None' }), [prop]: v as string };
              }
            });
          });
        };
        return defineSetters({
          style: (v: unknown) => {
            if (!['Continuous', 'Double', 'None', 'Dash', 'Dot'].includes(v as string)) throw new FakeExcelError('InvalidArgument', `border style ${String(v)}`);
            apply('style')(v);
          },
          weight: (v: unknown) => {
            if (!['Hairline', 'Thin', 'Medium', 'Thick'].includes(v as string)) throw new FakeExcelError('InvalidArgument', `border weight ${String(v)}`);
            apply('weight')(v);
          },
        });
      },
    };
    const own = (prop: 'wrapText' | 'horizontalAlignment' | 'verticalAlignment', check: (v: unknown) => boolean) =>
      setter(prop, (cell, v) => { (cell as unknown as Record<string, unknown>)[prop] = v; }, check);
    Object.defineProperties(this, {
      wrapText: { set: own('wrapText', bool), enumerable: true },
      horizontalAlignment: { set: own('horizontalAlignment', (v) => ['General', 'Left', 'Center', 'Right'].includes(v as string)), enumerable: true },
      verticalAlignment: { set: own('verticalAlignment', (v) => ['Top', 'Center', 'Bottom'].includes(v as string)), enumerable: true },
      columnWidth: {
        set: (v: unknown) => {
          if (typeof v !== 'number' || v < 0 || v > 255 * 7.5) throw new FakeExcelError('InvalidArgument', `column width ${String(v)}`);
          this.ctx.enqueue('set', `${this.rangePath()}.columnWidth`, v, () => {
            const b = this.range.box();
            if (b.r0 !== 0 || b.r1 !== MAX_ROWS - 1) throw new FakeExcelError('InvalidArgument', 'set column widths on whole columns in this fake');
            const s = this.range.ws.sheet();
            for (let c = b.c0; c <= b.c1; c++) s.columnWidths.set(c, v);
          });
        },
        enumerable: true,
      },
      rowHeight: {
        // Excel: the height in points of every row the range touches, 0 to 409 (RangeFormat.rowHeight).
        set: (v: unknown) => {
          if (typeof v !== 'number' || !(v >= 0 && v <= 409)) throw new FakeExcelError('InvalidArgument', `row height ${String(v)}`);
          this.ctx.enqueue('set', `${this.rangePath()}.rowHeight`, v, () => {
            const b = this.range.box();
            const s = this.range.ws.sheet();
            for (let r = b.r0; r <= b.r1; r++) s.rowHeights.set(r, v);
          });
        },
        enumerable: true,
      },
    });
  }
  private rangePath(): string {
    return (this.range as unknown as { path: string }).path;
  }
}

/** An object whose properties can only be set (reading them throws, as nothing was loaded). */
function defineSetters(setters: Record<string, (v: unknown) => void>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, set] of Object.entries(setters)) {
    Object.defineProperty(o, k, {
      set,
      get: () => {
        throw new FakeExcelError('PropertyNotLoaded', `format.${k} was not loaded`);
      },
      enumerable: true,
    });
  }
  return o;
}

/** Excel.run over a fake workbook; fails if queued operations were never synced. */
export function fakeExcelRun(state: FakeWorkbook) {
  return async function run<T>(
    optionsOrBatch: { delayForCellEdit?: boolean } | ((context: FakeRequestContext) => Promise<T>),
    maybeBatch?: (context: FakeRequestContext) => Promise<T>,
  ): Promise<T> {
    const batch = typeof optionsOrBatch === 'function' ? optionsOrBatch : maybeBatch!;
    const ctx = new FakeRequestContext(state, typeof optionsOrBatch === 'function' ? {} : optionsOrBatch);
    const out = await batch(ctx);
    if (ctx.queue.length) throw new Error(`Excel.run ended with ${ctx.queue.length} operation(s) queued and never synced`);
    return out;
  };
}
