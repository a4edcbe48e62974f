/// <reference types="office-js" />
// Reads what a build needs from the workbook, in two syncs whatever the size: first the sheet
// names, then, in one request, the used ranges of the input template sheets (values and value
// types, so error cells stay errors) and the ownership mark of every sheet the build would write.
// Two, not one, because Office.js null objects cannot be navigated: a sheet must be known to exist
// before its used range is asked for.
import type { GridValue, InputSheet } from '../format/templates';
import { OWNER_NAME, type TargetState } from './ownership';

export interface WorkbookState {
  /** the input template sheets found, as grids from A1 */
  inputs: InputSheet[];
  /** every sheet name in the workbook, in tab order */
  sheetNames: string[];
  /** what stands at each requested target name (case-insensitive, as Excel compares) */
  targets: Map<string, TargetState>;
  syncs: number;
}

const lower = (s: string) => s.toLowerCase();

/** Turns a used range (its address and loaded arrays) into a grid from A1, error cells as {error}. */
export function gridFromRange(address: string, values: unknown[][], valueTypes: string[][]): GridValue[][] {
  const m = /!?\$?([A-Z]+)\$?([0-9]+)(?::|$)/.exec(address.replace(/^.*!/, ''));
  if (!m) throw new Error(`unexpected range address ${address}`);
  let c0 = 0;
  for (const ch of m[1]) c0 = c0 * 26 + (ch.charCodeAt(0) - 64);
  c0 -= 1;
  const r0 = Number.parseInt(m[2], 10) - 1;
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
export async function readWorkbook(context: Excel.RequestContext, inputNames: readonly string[], targetNames: readonly string[] = []): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  const byLower = new Map(sheetNames.map((n) => [lower(n), n]));

  const templateNames = inputNames.map((n) => byLower.get(lower(n))).filter((n): n is string => !!n);
  const ranges = templateNames.map((name) => {
    const used = sheets.getItem(name).getUsedRangeOrNullObject(true);
    used.load('address,values,valueTypes');
    return { name, used };
  });
  const marks = [...new Set(targetNames.map(lower))]
    .filter((n) => byLower.has(n))
    .map((n) => {
      const name = byLower.get(n)!;
      const mark = sheets.getItem(name).names.getItemOrNullObject(OWNER_NAME);
      mark.load('formula');
      return { n, mark };
    });
  let syncs = 1;
  if (ranges.length || marks.length) {
    await context.sync();
    syncs++;
  }
  const targets = new Map<string, TargetState>();
  for (const t of targetNames) targets.set(lower(t), byLower.has(lower(t)) ? 'foreign' : 'absent');
  for (const { n, mark } of marks) targets.set(n, mark.isNullObject ? 'foreign' : 'owned');
  const inputs = ranges.map(({ name, used }) => ({
    name,
    values: used.isNullObject ? [] : gridFromRange(used.address, used.values, used.valueTypes as unknown as string[][]),
  }));
  return { inputs, sheetNames, targets, syncs };
}

/** The input template sheets as grids, for the pure template reader. */
export async function readInputSheets(context: Excel.RequestContext, inputNames: readonly string[]): Promise<InputSheet[]> {
  return (await readWorkbook(context, inputNames)).inputs;
}
