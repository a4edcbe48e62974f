// A document through the input templates, as `outturn template INPUT.json` writes them and
// `outturn build TEMPLATES.xlsx` reads them back: what a host reads from each cell (numbers as
// spreadsheet numbers, text as text), then the reader. Shared by the bodies tests and the property.
import { Dec, toSpreadsheetNumber } from '../../src/base/decimal';
import { resultJson } from '../../src/app/result';
import { build } from '../../src/engine/build';
import type { OutturnInput } from '../../src/engine/model';
import { type GridValue, type InputSheet, readTemplates } from '../../src/format/templates';
import { toModel } from '../../src/format/validate';
import { makePlan, type SheetPlan } from '../../src/plan/plan';
import { templatePlan } from '../../src/plan/templates-plan';

/** A sheet plan as a host would read it back. */
export function grid(s: SheetPlan): InputSheet {
  const values: GridValue[][] = s.cells.map((row) => row.map((c) => (c === null ? null : c.t === 'n' ? toSpreadsheetNumber(new Dec(c.v)) : c.t === 's' ? c.v : null)));
  return { name: s.name, values };
}

/** The model read back from the templates filled from `doc`. */
export function viaTemplates(doc: Record<string, unknown>): OutturnInput {
  return readTemplates(templatePlan(doc).map(grid));
}

/** What a build shows: tables, narrative, findings (without the input place, which differs by route), checks. */
export function shownResult(model: OutturnInput): unknown {
  const r = build(model);
  const j = resultJson(r, makePlan(r));
  return { tables: j.tables, narrative: j.narrative, findings: j.findings.map(({ source: _s, ...f }) => f), checks: j.checks };
}

export function sameThroughTemplates(doc: Record<string, unknown>): { direct: unknown; templates: unknown } {
  return { direct: shownResult(toModel(doc)), templates: shownResult(viaTemplates(doc)) };
}
