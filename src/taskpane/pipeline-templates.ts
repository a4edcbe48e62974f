// "Insert input templates" and "Load the worked example": the template sheets as a sheet plan,
// empty or filled with the worked example. The engine worker loads this as a chunk of its own the
// first time a user asks (src/taskpane/engine.worker.ts), so a build never loads the template
// writer or the example. Imports the plan directly, never through ./pipeline, so the worker's
// main chunk keeps none of it.
import example from '../../examples/derbyshire-2020-21.json';
import type { SheetPlan } from '../plan/plan';
import { templatePlan } from '../plan/templates-plan';

/** The input templates, empty or filled with an outturn/v1 document (schema-valid: the plan writes what it finds). */
export function templates(doc?: unknown): SheetPlan[] {
  return templatePlan(doc as Record<string, unknown> | undefined);
}

/** The input templates' sheets, empty, or filled with the worked example (Derbyshire 2020/21) when `withExample`. */
export function templateSheets(withExample: boolean): SheetPlan[] {
  return templatePlan(withExample ? (example as Record<string, unknown>) : undefined);
}
