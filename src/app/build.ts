// The one build use case both hosts run (the command line's `outturn build` and the task pane's
// engine worker): a validated outturn/v1 input in; the engine's result (carrying the organisation,
// year and rounding it was built for), the sheet plan, and the narrative sentences out. Reading the
// input (files, sheets, mapped ranges) and writing the workbook stay with each host.
import type { BuildResult, OutturnInput } from '../engine/model';
import { build } from '../engine/build';
import { makePlan, type PlanOptions, type WorkbookPlan } from '../plan/plan';

export interface Built {
  result: BuildResult;
  plan: WorkbookPlan;
  /** the narrative sentences, Table 1's first */
  narrative: string[];
}

/**
 * Builds every table the input has and lays them out. `sheetNames`: the sheets' names where the
 * host lets the user choose them (defaults: DEFAULT_SHEET_NAMES). Pure; throws InternalError only
 * on a fault of Outturn itself.
 */
export function buildTables(input: OutturnInput, o: PlanOptions = {}): Built {
  const result = build(input);
  const plan = makePlan(result, o);
  const narrative = Object.values(result.narrative).map((n) => n?.sentence).filter((x): x is string => !!x);
  return { result, plan, narrative };
}
