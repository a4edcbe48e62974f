// outturn/v1-result: the tables as displayed, every finding with its cell, the narrative, and
// (an extension) every check that ran.
import { text } from '../base/decimal';
import type { BuildResult } from '../engine/model';
import { isFigure } from '../engine/model';
import type { WorkbookPlan } from '../plan/plan';

export interface ResultJson {
  format: 'outturn/v1-result';
  tables: {
    id: string;
    title: string;
    units: string;
    sheet?: string;
    columns: { id: string; label: string; kind: string }[];
    rows: { kind: string; label: string; ref?: string; flag?: string; values: (string | null)[] }[];
  }[];
  findings: {
    severity: string;
    table: string;
    cell: string | null;
    rule: string;
    message: string;
    expected: string | null;
    actual: string | null;
    difference: string | null;
    source?: string;
  }[];
  narrative: BuildResult['narrative'];
  checks: { table: string; rule: string; description: string; passed: boolean; detail?: string }[];
}

export function resultJson(result: BuildResult, plan: WorkbookPlan): ResultJson {
  return {
    format: 'outturn/v1-result',
    tables: result.tables.map((t) => {
      const numeric = t.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'money' || c.kind === 'percent' || c.kind === 'ratio');
      const refCol = t.columns.findIndex((c) => c.kind === 'ref');
      const flagCol = t.columns.findIndex((c) => c.kind === 'flag');
      const textAt = (cells: (typeof t.rows)[number]['cells'], i: number) => {
        const cell = i >= 0 ? cells[i] : null;
        return cell && !isFigure(cell) && cell.text ? cell.text : undefined;
      };
      return {
        id: t.id,
        title: t.title,
        units: t.units,
        sheet: plan.placement[t.id]?.sheet,
        columns: numeric.map(({ c }) => ({ id: c.id, label: c.header.filter(Boolean).join(' '), kind: c.kind })),
        rows: t.rows.map((row) => ({
          kind: row.kind,
          label: row.label,
          ...(textAt(row.cells, refCol) ? { ref: textAt(row.cells, refCol) } : {}),
          ...(textAt(row.cells, flagCol) ? { flag: textAt(row.cells, flagCol) } : {}),
          values: numeric.map(({ i }) => {
            const cell = row.cells[i];
            if (!isFigure(cell)) return null;
            // Percentages are given as displayed: percentage points ("2.9" for 2.9%).
            return cell.as === 'percent' || t.columns[i].kind === 'percent' ? text(cell.shown.times(100)) : text(cell.shown);
          }),
        })),
      };
    }),
    findings: plan.findings.map((f) => ({
      severity: f.severity,
      table: f.table,
      cell: f.cell ?? null,
      rule: f.rule,
      message: f.message,
      expected: f.expected ?? null,
      actual: f.actual ?? null,
      difference: f.difference ?? null,
      ...(f.source ? { source: f.source } : {}),
    })),
    narrative: result.narrative,
    checks: result.checks.map((c) => ({ table: c.table, rule: c.rule, description: c.description, passed: c.passed, ...(c.detail ? { detail: c.detail } : {}) })),
  };
}
