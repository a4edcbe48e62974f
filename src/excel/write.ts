/// <reference types="office-js" />
// Writes a sheet plan into the open workbook with Office.js: the in-Excel twin of src/xlsx/write.ts
// (same number formats, same styles). Everything is queued as a list of operations with their
// request size, packed into as few requests as fit under the limit, and each request is one
// context.sync() with calculation suspended: a full build is one write request at any size that
// fits, and a few more only when the plan is larger than a request may carry.
import { a1, parseA1, range as rangeA1 } from '../base/a1';
import type { SheetPlan, WorkbookPlan } from '../plan/plan';
import { NUMBER_FORMATS, STYLES } from '../plan/styles';
import { formulasGrid, jsonBytes, styleWrites, widthRuns } from './cells';
import { OWNER_FORMULA, OWNER_NAME, SheetConflict, type TargetState } from './ownership';
import { readWorkbook } from './read';

/** Excel on the web refuses requests over 5 MB; stay well below. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** Allowance for what Office.js adds around each operation's own data (ids, names, types). */
const OP_OVERHEAD = 200;

export interface WritePlanOptions {
  /** what stands at each sheet name, from readWorkbook; read here (two more syncs) when absent */
  targets?: Map<string, TargetState>;
  /** replace sheets the add-in made (a rebuild); false refuses them too (inserting templates over filled ones) */
  replaceOwned?: boolean;
  maxRequestBytes?: number;
  /** the sheet to show when done */
  activate?: string;
}

export interface WriteReport {
  sheets: string[];
  /** write requests (syncs), each with its estimated size in bytes */
  requests: number[];
  cells: number;
}

interface Op {
  bytes: number;
  /** the sheet it changes and what it does there, for an account of a write that stopped part-way */
  sheet: string;
  step: string;
  apply: (ws: (name: string) => Excel.Worksheet, context: Excel.RequestContext) => void;
}

/** A name Excel reserves: English Excel refuses a sheet named History (it keeps change history under it). */
export const RESERVED_SHEET_NAMES = ['history'];

/**
 * A write Excel stopped part-way. Excel runs a request's operations in order and stops at the
 * first it refuses; those before it stay applied (a sheet made or cleared, panes frozen), so
 * "nothing was written" would be untrue. The message says what was written for certain (requests
 * that completed) and what may have been (the request that failed, up to the refused step).
 */
export class WriteIncomplete extends Error {
  constructor(readonly told: string, readonly code: string | undefined, readonly detail: string) {
    super(`${told} Excel said: ${detail}`);
    this.name = 'WriteIncomplete';
  }
}

/** "Table 1 Revenue (made anew, values A1:J40, number formats), Checks (cleared)" */
function account(ops: Op[]): string {
  const by = new Map<string, string[]>();
  for (const op of ops) {
    const steps = by.get(op.sheet) ?? [];
    if (!steps.includes(op.step)) steps.push(op.step);
    by.set(op.sheet, steps);
  }
  return [...by].map(([sheet, steps]) => `"${sheet}" (${steps.join(', ')})`).join('; ');
}

export class ExistingOwnedSheets extends Error {
  constructor(readonly sheets: string[]) {
    super(`${sheets.map((s) => `"${s}"`).join(', ')} already ${sheets.length === 1 ? 'exists' : 'exist'}; replacing would lose what is in ${sheets.length === 1 ? 'it' : 'them'}`);
    this.name = 'ExistingOwnedSheets';
  }
}

export async function writePlan(context: Excel.RequestContext, plan: Pick<WorkbookPlan, 'sheets'>, opts: WritePlanOptions = {}): Promise<WriteReport> {
  const names = plan.sheets.map((s) => s.name);
  const reserved = names.filter((n) => RESERVED_SHEET_NAMES.includes(n.toLowerCase()));
  if (reserved.length) {
    throw new WriteIncomplete(`"${reserved[0]}" is a sheet name Excel reserves for its own use: choose another name in Settings. Nothing was written.`, 'InvalidArgument', 'History is a reserved name');
  }
  const targets = opts.targets ?? (await readWorkbook(context, [], names)).targets;
  const state = (n: string) => targets.get(n.toLowerCase()) ?? 'absent';
  // Refuse before anything is queued: a sheet of the user's is never touched.
  const foreign = names.filter((n) => state(n) === 'foreign');
  if (foreign.length) throw new SheetConflict(foreign);
  const owned = names.filter((n) => state(n) === 'owned');
  if (owned.length && opts.replaceOwned === false) throw new ExistingOwnedSheets(owned);

  const ops = plan.sheets.flatMap((s) => sheetOps(s, state(s.name) === 'owned', opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES));
  if (opts.activate) {
    const name = opts.activate;
    ops.push({ bytes: OP_OVERHEAD, sheet: name, step: 'shown', apply: (ws) => ws(name).activate() });
  }
  const batches = pack(ops, opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
  const requests: number[] = [];
  for (const [i, batch] of batches.entries()) {
    context.application.suspendApiCalculationUntilNextSync();
    const cache = new Map<string, Excel.Worksheet>();
    const ws = (name: string) => {
      let w = cache.get(name);
      if (!w) {
        w = context.workbook.worksheets.getItem(name);
        cache.set(name, w);
      }
      return w;
    };
    for (const op of batch) op.apply(ws, context);
    try {
      await context.sync();
    } catch (e) {
      const done = batches.slice(0, i).flat();
      const code = (e as { code?: string }).code ?? /^([A-Za-z]+): /.exec((e as Error)?.message ?? '')?.[1];
      const told = `The write stopped part-way, so the workbook is not as it was. ${done.length ? `Written: ${account(done)}. ` : ''}` +
        `Possibly written, up to the step Excel refused: ${account(batch)}. Nothing else was changed. ` +
        'Sheets Outturn made carry its mark: build again to replace them, or delete them.';
      throw new WriteIncomplete(told, code, (e as Error)?.message ?? String(e));
    }
    requests.push(batch.reduce((n, op) => n + op.bytes, OP_OVERHEAD));
  }
  return { sheets: names, requests, cells: plan.sheets.reduce((n, s) => n + s.cells.reduce((m, row) => m + row.filter((c) => c !== null).length, 0), 0) };
}

/** Greedy packing in order (order matters: a sheet exists before it is written). */
function pack(ops: Op[], limit: number): Op[][] {
  const budget = limit - 4 * OP_OVERHEAD;
  const batches: Op[][] = [];
  let cur: Op[] = [];
  let size = 0;
  for (const op of ops) {
    if (cur.length && size + op.bytes > budget) {
      batches.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(op);
    size += op.bytes;
  }
  if (cur.length) batches.push(cur);
  return batches;
}

function sheetOps(s: SheetPlan, owned: boolean, limit: number): Op[] {
  const ops: Op[] = [];
  const name = s.name;
  const height = s.cells.length;
  const width = height ? s.cells[0].length : 0;
  const hasTables = (s.excelTables ?? []).length > 0;

  if (owned) {
    // The user may have hidden the sheet (or made it very hidden): Excel refuses to change the
    // panes of, activate or select on a hidden sheet, so Outturn's own sheet is shown first.
    ops.push({ bytes: OP_OVERHEAD, sheet: name, step: 'shown', apply: (ws) => { ws(name).visibility = 'Visible'; } });
  }
  if (owned && !hasTables) {
    // Cleared in place, so formulas elsewhere that refer to this sheet keep working.
    ops.push({
      bytes: OP_OVERHEAD * 2,
      sheet: name,
      step: 'cleared',
      apply: (ws) => {
        ws(name).getRange().clear('All');
        ws(name).freezePanes.unfreeze();
      },
    });
  } else {
    // A template sheet is made anew: its Excel tables go with it, so their names are free again.
    ops.push({
      bytes: OP_OVERHEAD * 4,
      sheet: name,
      step: owned ? 'made anew' : 'created',
      apply: (_ws, context) => {
        if (owned) context.workbook.worksheets.getItem(name).delete();
        const w = context.workbook.worksheets.add(name);
        w.names.add(OWNER_NAME, OWNER_FORMULA).visible = false;
      },
    });
  }

  // Values and formulas: one 2D array per sheet, in row bands only when it would not fit a request.
  if (height && width) {
    const budget = Math.floor((limit - 8 * OP_OVERHEAD) / 2);
    let r0 = 0;
    let rows: (string | number)[][] = [];
    let bytes = 0;
    const flush = (r1: number) => {
      const band = rows;
      const from = r0;
      ops.push({ bytes: bytes + OP_OVERHEAD, sheet: name, step: `cells ${rangeA1(from, 0, r1, width - 1)}`, apply: (ws) => { ws(name).getRange(rangeA1(from, 0, r1, width - 1)).formulas = band; } });
      r0 = r1 + 1;
      rows = [];
      bytes = 0;
    };
    for (let r = 0; r < height; r++) {
      const row = formulasGrid(s.cells, r, r)[0];
      const b = jsonBytes(row) + 1;
      if (rows.length && bytes + b > budget) flush(r - 1);
      rows.push(row);
      bytes += b;
    }
    flush(height - 1);
  }

  // Number formats by block, from the plan's small fixed set: one value per block, which Excel
  // applies to every cell of the range (a 1×1 array is broadcast), so a large block costs no more.
  for (const { range, format } of s.numberFormats) {
    const grid = [[NUMBER_FORMATS[format]]];
    ops.push({ bytes: jsonBytes(grid) + OP_OVERHEAD, sheet: name, step: 'number formats', apply: (ws) => { ws(name).getRange(range).numberFormat = grid; } });
  }

  // Styles by block.
  for (const { range, style } of s.styles) {
    const b = box(range);
    const writes = styleWrites(STYLES[style], b.r1 > b.r0);
    ops.push({
      bytes: writes.length * (OP_OVERHEAD + range.length),
      sheet: name,
      step: 'styles',
      apply: (ws) => {
        const f = ws(name).getRange(range).format;
        for (const [path, value] of writes) setPath(f, path, value);
      },
    });
  }

  // Links (a finding's cell, a check cell) select their target when clicked.
  s.cells.forEach((row, r) => row.forEach((cell, c) => {
    if (cell?.t === 's' && cell.link) {
      const link = { documentReference: cell.link, textToDisplay: cell.v };
      ops.push({ bytes: jsonBytes(link) + OP_OVERHEAD, sheet: name, step: 'links', apply: (ws) => { ws(name).getRange(a1(r, c)).hyperlink = link; } });
    }
  }));

  const runs = widthRuns(s.columnWidths);
  ops.push({
    bytes: runs.length * OP_OVERHEAD,
    sheet: name,
    step: 'column widths',
    apply: (ws) => {
      for (const [c0, c1, pts] of runs) ws(name).getRange(`${colOf(c0)}:${colOf(c1)}`).format.columnWidth = pts;
    },
  });

  // Rows of wrapped text get the height the file writer gives them (Excel does not grow a row
  // whose text wraps because of a format set by the API), so a table looks the same either way.
  const heights = s.rowHeights ?? [];
  if (heights.length) {
    ops.push({
      bytes: heights.length * OP_OVERHEAD,
      sheet: name,
      step: 'row heights',
      apply: (ws) => {
        for (const { row, height } of heights) ws(name).getRange(`${row + 1}:${row + 1}`).format.rowHeight = height;
      },
    });
  }

  const fr = s.freeze;
  if (fr && (fr.rows || fr.columns)) {
    ops.push({
      bytes: OP_OVERHEAD,
      sheet: name,
      step: 'panes frozen',
      apply: (ws) => {
        const p = ws(name).freezePanes;
        if (fr.rows && fr.columns) p.freezeAt(rangeA1(0, 0, fr.rows - 1, fr.columns - 1));
        else if (fr.rows) p.freezeRows(fr.rows);
        else p.freezeColumns(fr.columns);
      },
    });
  }

  for (const t of s.excelTables ?? []) {
    ops.push({
      bytes: OP_OVERHEAD * 3,
      sheet: name,
      step: `table ${t.name}`,
      apply: (ws) => {
        const table = ws(name).tables.add(t.range, true);
        table.name = t.name;
        table.style = 'TableStyleLight9';
      },
    });
  }
  return ops;
}

function colOf(c: number): string {
  return a1(0, c).replace(/[0-9]+$/, '');
}

function box(range: string): { r0: number; c0: number; r1: number; c1: number } {
  const [from, to = from] = range.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  return { r0: a.r, c0: a.c, r1: b.r, c1: b.c };
}

/** format.font.bold = true, format.borders.EdgeTop.style = 'Continuous', … */
function setPath(format: Excel.RangeFormat, path: string, value: string | number | boolean): void {
  const parts = path.split('.');
  let o: Record<string, unknown> = format as unknown as Record<string, unknown>;
  if (parts[0] === 'borders') {
    const edge = (format.borders as unknown as { getItem: (n: string) => Record<string, unknown> }).getItem(parts[1]);
    edge[parts[2]] = value;
    return;
  }
  for (const p of parts.slice(0, -1)) o = o[p] as Record<string, unknown>;
  o[parts[parts.length - 1]] = value;
}
