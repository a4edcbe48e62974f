/// <reference types="office-js" />
// Reads what a build needs from the workbook, in two syncs whatever the size: first the sheet
// names, then, in one request, the used ranges of the input template sheets (values and value
// types, so error cells stay errors, with their merged areas and hidden rows) and the ownership
// mark of every sheet the build would write. Two, not one, because Office.js null objects cannot
// be navigated: a sheet must be known to exist before its used range is asked for.
//
// Merged areas need ExcelApi 1.13 and the hidden state of each row 1.9; the add-in asks for 1.7.
// On an older Excel the read costs no more syncs: it says, in its notes, what it could not check
// (merged cells), or could not locate (which rows are hidden, from the used range's rowHidden).
import type { InputError } from '../format/errors';
import type { GridValue, InputSheet } from '../format/templates';
import { parseA1, range as rangeA1, sheetRef } from '../base/a1';
import { parseRangeAddress } from './address';
import { readInBands } from './bands';
import { OWNER_NAME, type TargetState } from './ownership';
import { excelErrorCode } from './run';

export interface WorkbookState {
  /** the input template sheets found, as grids from A1 */
  inputs: InputSheet[];
  /** every sheet name in the workbook, in tab order */
  sheetNames: string[];
  /** what stands at each requested target name (case-insensitive, as Excel compares) */
  targets: Map<string, TargetState>;
  /** what this Excel could not tell the reader (merged cells unchecked, hidden rows unlocated) */
  notes: InputError[];
  syncs: number;
}

/** Office's requirement-set test (`Office.context.requirements.isSetSupported`). */
export type IsSetSupported = (set: string, version: string) => boolean;

export interface ReadOptions {
  /** the requirement sets this Excel supports; by default Office's own answer (none outside Office) */
  isSetSupported?: IsSetSupported;
  /**
   * Ranges mapped as input ("Map a range"): on these sheets only the ranges are read (their
   * bounding block per sheet), never the user's whole sheet.
   */
  ranges?: readonly { sheet: string; address: string }[];
  /** cells per band when a sheet is too large for one response (default CELLS_PER_BAND) */
  cellsPerBand?: number;
}

/** Excel refused a read as too large: over 5 MB of response, or over 5,000,000 cells. */
export function isTooLarge(e: unknown): boolean {
  const code = excelErrorCode(e);
  return code === 'ResponsePayloadSizeLimitExceeded' || /5,?000,?000|payload size|too large/i.test(e instanceof Error ? e.message : String(e));
}

/** Office's requirement-set test where Office is loaded; nothing is supported elsewhere. */
export function officeRequirements(): IsSetSupported {
  const req = typeof Office === 'undefined' ? undefined : Office.context?.requirements;
  return (set, version) => req?.isSetSupported?.(set, version) ?? false;
}

/** A merged area's address ("'Revenue input'!$E$5:$F$5") as 0-based inclusive bounds. */
export function areaBounds(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const [from, to = from] = address.slice(address.lastIndexOf('!') + 1).split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  return { r0: a.r, c0: a.c, r1: b.r, c1: b.c };
}

export const MERGED_UNCHECKED = 'this version of Excel (before requirement set ExcelApi 1.13) cannot list merged cells, so the input tables were not checked for them: a merged cell stands for several cells and hides the figures behind it. Unmerge any merged cells in the input tables, or check the workbook with the command line (outturn build INPUT.xlsx), which reports them';

const lower = (s: string) => s.toLowerCase();

/** Turns a used range (its address and loaded arrays) into a grid from A1, error cells as {error}. */
export function gridFromRange(address: string, values: unknown[][], valueTypes: string[][]): GridValue[][] {
  const { r0, c0 } = parseRangeAddress(address);
  const grid: GridValue[][] = Array.from({ length: r0 }, () => []);
  values.forEach((row, r) => {
    const out: GridValue[] = Array<GridValue>(c0).fill(null);
    row.forEach((v, c) => {
      const type = valueTypes[r]?.[c];
      if (type === 'Error') out.push({ error: String(v) });
      else if (type === 'Empty' || v === '' || v === null || v === undefined) out.push(null);
      else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') out.push(v);
      else out.push(String(v));
    });
    grid.push(out);
  });
  return grid;
}

/**
 * `inputNames`: the input template sheets (TEMPLATE_SHEETS of src/format/templates, handed in so
 * the task pane's bundle does not carry the template reader); `targetNames`: the sheets a write would replace.
 */
export async function readWorkbook(context: Excel.RequestContext, inputNames: readonly string[], targetNames: readonly string[] = [], opts: ReadOptions = {}): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  const byLower = new Map(sheetNames.map((n) => [lower(n), n]));
  const supported = opts.isSetSupported ?? officeRequirements();
  const templateNames = inputNames.map((n) => byLower.get(lower(n))).filter((n): n is string => !!n);
  // A mapped sheet is read at its mapped ranges only (their bounding block).
  const mappedBlock = new Map<string, { r0: number; c0: number; r1: number; c1: number }>();
  for (const m of opts.ranges ?? []) {
    const b = parseRangeAddress(m.address);
    const k = lower(m.sheet);
    const was = mappedBlock.get(k);
    mappedBlock.set(k, was ? { r0: Math.min(was.r0, b.r0), c0: Math.min(was.c0, b.c0), r1: Math.max(was.r1, b.r1), c1: Math.max(was.c1, b.c1) } : b);
  }
  let withMerged = templateNames.length > 0 && supported('ExcelApi', '1.13');
  const withRows = supported('ExcelApi', '1.9');

  const queue = (withValues: boolean) => {
    const ranges = templateNames.map((name) => {
      const ws = sheets.getItem(name);
      // Never a null object (a blank sheet gives A1), so it can be navigated in the same request.
      const block = mappedBlock.get(lower(name));
      const used = block ? ws.getRange(rangeA1(block.r0, block.c0, block.r1, block.c1)) : ws.getUsedRange(true);
      used.load(withValues ? 'address,values,valueTypes' : 'address');
      // From A1 to the used range's far corner: its row i is the sheet's row i, and it holds the
      // top-left cell of every merged area that touches a used cell (Excel lists a merged area only
      // when its top-left cell is in the range asked about).
      const fromA1 = ws.getRange('A1').getBoundingRect(used);
      let merged: Excel.RangeAreas | undefined;
      if (withMerged) {
        merged = fromA1.getMergedAreasOrNullObject();
        // The areas' own addresses: the RangeAreas' address has been seen to give top-left cells only.
        merged.load('areas/items/address');
      }
      const rows = withRows ? fromA1.getRowProperties({ rowHidden: true }) : undefined;
      if (!withRows) fromA1.load('rowHidden');
      return { name, used, fromA1, merged, rows };
    });
    const marks = [...new Set(targetNames.map(lower))]
      .filter((n) => byLower.has(n))
      .map((n) => {
        const name = byLower.get(n)!;
        const mark = sheets.getItem(name).names.getItemOrNullObject(OWNER_NAME);
        mark.load('formula');
        return { n, mark };
      });
    return { ranges, marks };
  };
  const notes: InputError[] = [];
  let syncs = 1;
  class TooLarge extends Error {}
  // One request for everything; when Excel refuses to list the merged areas (more than 512), once
  // more without them, saying that merged cells were not checked. A read too large for one
  // response (over 5 MB or 5,000,000 cells) is never blamed on merged cells: see below.
  const attempt = async (withValues: boolean) => {
    let q = queue(withValues);
    if (!q.ranges.length && !q.marks.length) return q;
    try {
      await context.sync();
      syncs++;
      return q;
    } catch (e) {
      syncs++;
      if (withValues && isTooLarge(e)) throw new TooLarge();
      if (!withMerged) throw e;
      withMerged = false;
      q = queue(withValues);
      await context.sync();
      syncs++;
      notes.push({ where: 'Excel', message: `merged cells were not checked: Excel could not list the merged areas of the input sheets (${e instanceof Error ? e.message : String(e)}; it lists at most 512 at once). Unmerge the cells in the input tables` });
      return q;
    }
  };
  let banded = false;
  let q: ReturnType<typeof queue>;
  try {
    q = await attempt(true);
  } catch (e) {
    if (!(e instanceof TooLarge)) throw e;
    // Too large for one response: the same request without the cells, then each sheet in row bands.
    banded = true;
    q = await attempt(false);
  }
  const { ranges, marks } = q;
  const banding = new Map<string, { values: unknown[][]; valueTypes: string[][] }>();
  if (banded) {
    for (const { name, used } of ranges) {
      const read = await readInBands(context, name, parseRangeAddress(used.address), { cellsPerBand: opts.cellsPerBand });
      syncs += read.syncs;
      banding.set(name, read);
    }
  }
  if (templateNames.length && !withMerged && !notes.length) notes.push({ where: 'Excel', message: MERGED_UNCHECKED });
  const targets = new Map<string, TargetState>();
  for (const t of targetNames) targets.set(lower(t), byLower.has(lower(t)) ? 'foreign' : 'absent');
  for (const { n, mark } of marks) targets.set(n, mark.isNullObject ? 'foreign' : 'owned');
  const inputs = ranges.map(({ name, used, fromA1, merged, rows }): InputSheet => {
    const cells = banding.get(name) ?? { values: used.values, valueTypes: used.valueTypes as unknown as string[][] };
    const sheet: InputSheet = { name, values: gridFromRange(used.address, cells.values, cells.valueTypes) };
    if (merged) sheet.merged = merged.isNullObject ? [] : merged.areas.items.map((a) => areaBounds(a.address));
    if (rows) {
      sheet.hiddenRows = rows.value.flatMap((p, i) => (p.rowHidden ? [i] : []));
    } else if (fromA1.rowHidden !== false) {
      // true (all hidden) or null (some): which ones, this Excel cannot say in the same request.
      notes.push({
        where: sheetRef(name, 'A1'),
        message: 'rows of this sheet are hidden, and this version of Excel (before requirement set ExcelApi 1.9) cannot say which: hidden rows are read as input like the others; unhide them to see what is read',
      });
    }
    return sheet;
  });
  return { inputs, sheetNames, targets, notes, syncs };
}

/** The input template sheets as grids, for the pure template reader. */
export async function readInputSheets(context: Excel.RequestContext, inputNames: readonly string[], opts: ReadOptions = {}): Promise<InputSheet[]> {
  return (await readWorkbook(context, inputNames, [], opts)).inputs;
}
