// Outturn workbooks built in memory for tests: an outturn/v1 document or an example → build →
// sheet plan; the plan audited as the xlsx it writes; a plan with one figure altered.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AuditReport, auditGrids } from '../../src/audit/audit';
import type { Grid, GridCell } from '../../src/audit/grid';
import { Dec, toSpreadsheetNumber } from '../../src/base/decimal';
import { type CellStyle, STYLES } from '../../src/plan/styles';
import { build } from '../../src/engine/build';
import type { BuildResult } from '../../src/engine/model';
import { toModel } from '../../src/format/validate';
import { parseA1 } from '../../src/base/a1';
import { makePlan, type WorkbookPlan } from '../../src/plan/plan';
import { readPrintedWorkbook } from '../../src/xlsx/read-printed';
import { workbookBuffer } from '../../src/xlsx/write';

export const EXAMPLES = join(__dirname, '..', '..', 'examples');

export function builtDocument(doc: unknown): { result: BuildResult; plan: WorkbookPlan } {
  const model = toModel(doc);
  const result = build(model);
  return { result, plan: makePlan(result) };
}

export function builtExample(file: string): { result: BuildResult; plan: WorkbookPlan } {
  return builtDocument(JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')));
}

export async function auditPlan(plan: WorkbookPlan): Promise<AuditReport> {
  return auditGrids(await readPrintedWorkbook(await workbookBuffer(plan), 'built.xlsx'));
}

/** The plan with the figure at sheet!ref replaced by a typed number (the value it had is checked first). */
export function altered(plan: WorkbookPlan, sheet: string, ref: string, was: string, now: string): WorkbookPlan {
  const { r, c } = parseA1(ref);
  const sheets = plan.sheets.map((s) => (s.name === sheet ? { ...s, cells: s.cells.map((row) => row.slice()) } : s));
  const s = sheets.find((x) => x.name === sheet)!;
  assert.equal(s.cells[r][c]?.v, was, `${sheet}!${ref}`);
  s.cells[r][c] = { t: 'n', v: now };
  return { ...plan, sheets };
}

/** The grids a spreadsheet would show for a plan — what readPrintedWorkbook reads from the written file, without the file. */
export function planGrids(plan: WorkbookPlan): Grid[] {
  return plan.sheets.map((s) => {
    const cells: GridCell[][] = s.cells.map((row) => row.map((c) => (c === null ? null : c.t === 's' ? c.v : toSpreadsheetNumber(new Dec(c.v)))));
    const bold: boolean[][] = s.cells.map((row) => row.map(() => false));
    for (const { range, style } of s.styles) {
      if (!(STYLES[style] as CellStyle).bold) continue;
      const [from, to = from] = range.split(':');
      const a = parseA1(from);
      const b = parseA1(to);
      for (let r = a.r; r <= b.r; r++) for (let c = a.c; c <= b.c; c++) if (bold[r]) bold[r][c] = true;
    }
    return { sheet: s.name, cells, bold, addressing: 'a1' as const };
  });
}
