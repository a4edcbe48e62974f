/// <reference types="office-js" />
// A build in the open workbook, end to end: read (two syncs), compute off the UI thread (the
// caller's `compute`, a Web Worker in the task pane), then write (one sync, more only when the plan
// is over the request limit). Nothing is written while any input error stands, and nothing at all
// when a target sheet belongs to the user. The outcome carries the reader's notes (what this Excel
// could not check), for the pane to list with its own.
import type { InputError } from '../format/errors';
import type { InputSheet } from '../format/templates';
import type { SheetPlan, WorkbookPlan } from '../plan/plan';
import { alternativeName, SheetConflict } from './ownership';
import { type IsSetSupported, readWorkbook } from './read';
import { ExistingOwnedSheets, writePlan, type WriteReport } from './write';

export type ComputeResult = { ok: true; plan: Pick<WorkbookPlan, 'sheets'> & Partial<WorkbookPlan> } | { ok: false; errors: InputError[] };

export type FlowOutcome<P> =
  | { kind: 'errors'; errors: InputError[]; notes: InputError[]; syncs: number }
  | { kind: 'conflict'; sheets: string[]; suggestions: Record<string, string>; syncs: number }
  | { kind: 'exists'; sheets: string[]; syncs: number }
  | { kind: 'done'; result: P; write: WriteReport; notes: InputError[]; syncs: number };

export interface FlowOptions {
  /** the input template sheets to read (TEMPLATE_SHEETS); none for a write that reads no input */
  inputNames?: readonly string[];
  maxRequestBytes?: number;
  /** false: refuse to replace sheets the add-in made (the input templates, which hold the user's figures) */
  replaceOwned?: boolean;
  onProgress?: (message: string) => void;
  /** the requirement sets this Excel supports (by default Office's answer): merged areas need 1.13 */
  isSetSupported?: IsSetSupported;
  /** sheets read as the user's own input (mapped ranges): a plan that would write one is refused before anything is written */
  readOnly?: readonly string[];
  /** the mapped ranges: on their sheets only these are read, never the whole sheet */
  ranges?: readonly { sheet: string; address: string }[];
}

/**
 * Reads the inputs and the state of every sheet in `targetNames`, computes, and writes.
 * `compute` gets the input sheets; its plan's sheets must all be among `targetNames`.
 */
export async function buildInWorkbook<P extends ComputeResult & { ok: true }>(
  context: Excel.RequestContext,
  targetNames: string[],
  compute: (inputs: InputSheet[]) => Promise<P | { ok: false; errors: InputError[] }>,
  opts: FlowOptions = {},
): Promise<FlowOutcome<P>> {
  // A mapped range's sheet is the user's: refused before anything is read or written.
  const own = new Set((opts.readOnly ?? []).map((n) => n.toLowerCase()));
  const clash = targetNames.filter((n) => own.has(n.toLowerCase()));
  if (clash.length) {
    return {
      kind: 'errors',
      errors: clash.map((n) => ({ where: n, message: `this sheet holds a range mapped as input, and a build writes "${n}": map a range on another sheet, or give the table another sheet name in Settings` })),
      notes: [],
      syncs: 0,
    };
  }
  opts.onProgress?.('Reading the workbook…');
  const state = await readWorkbook(context, opts.inputNames ?? [], targetNames, { isSetSupported: opts.isSetSupported, ranges: opts.ranges });
  opts.onProgress?.('Computing the tables…');
  const out = await compute(state.inputs);
  if (!out.ok) return { kind: 'errors', errors: out.errors, notes: state.notes, syncs: state.syncs };
  const sheets: SheetPlan[] = out.plan.sheets;
  const stray = sheets.filter((s) => !state.targets.has(s.name.toLowerCase()));
  if (stray.length) throw new Error(`internal: the plan writes ${stray.map((s) => s.name).join(', ')}, which was not read`);
  opts.onProgress?.(`Writing ${sheets.length} sheet${sheets.length === 1 ? '' : 's'}…`);
  try {
    const write = await writePlan(context, out.plan, {
      targets: state.targets,
      replaceOwned: opts.replaceOwned ?? true,
      maxRequestBytes: opts.maxRequestBytes,
      activate: sheets[0]?.name,
    });
    return { kind: 'done', result: out, write, notes: state.notes, syncs: state.syncs + write.requests.length };
  } catch (e) {
    if (e instanceof SheetConflict) {
      const taken = new Set(state.sheetNames.map((n) => n.toLowerCase()));
      const suggestions: Record<string, string> = {};
      for (const s of e.sheets) {
        const alt = alternativeName(s, (n) => taken.has(n.toLowerCase()));
        suggestions[s] = alt;
        taken.add(alt.toLowerCase());
      }
      return { kind: 'conflict', sheets: e.sheets, suggestions, syncs: state.syncs };
    }
    if (e instanceof ExistingOwnedSheets) return { kind: 'exists', sheets: e.sheets, syncs: state.syncs };
    throw e;
  }
}
