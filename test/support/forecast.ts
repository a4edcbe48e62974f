// Shared helpers for the forecasting tests: build a document, read figures by table, row and column.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from '../../src/base/decimal';
import { build } from '../../src/engine/build';
import type { BuildResult, Check, Finding, Table, TableId } from '../../src/engine/model';
import { isFigure } from '../../src/engine/model';
import { toModel } from '../../src/format/validate';

export const EXAMPLES = join(__dirname, '..', '..', 'examples');
export const readExample = (name: string): any => JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8'));

export function buildDoc(doc: unknown): BuildResult {
  return build(toModel(doc));
}

export function table(r: BuildResult, id: TableId): Table {
  const t = r.tables.find((x) => x.id === id);
  assert.ok(t, `no table ${id} (tables: ${r.tables.map((x) => x.id).join(', ')})`);
  return t;
}

/** The exact figure (as decimal text) at a row (by label) and column (by id). */
export function exact(t: Table, label: string, col: string): string {
  return figure(t, label, col).exact;
}
export function shown(t: Table, label: string, col: string): string {
  return figure(t, label, col).shown;
}
function figure(t: Table, label: string, col: string): { exact: string; shown: string } {
  const r = t.rows.find((x) => x.label === label);
  assert.ok(r, `${t.id}: no row "${label}" (rows: ${t.rows.map((x) => x.label).join(' | ')})`);
  const c = t.columns.findIndex((x) => x.id === col);
  assert.ok(c >= 0, `${t.id}: no column ${col} (columns: ${t.columns.map((x) => x.id).join(', ')})`);
  const cell = r.cells[c];
  assert.ok(isFigure(cell), `${t.id}: no figure at "${label}", ${col}`);
  return { exact: text(cell.exact), shown: text(cell.shown) };
}

export function check(r: BuildResult, rule: string): Check {
  const c = r.checks.find((x) => x.rule === rule);
  assert.ok(c, `no check ${rule} (checks: ${r.checks.map((x) => x.rule).join(', ')})`);
  return c;
}
export const findings = (r: BuildResult, rule: string): Finding[] => r.findings.filter((f) => f.rule === rule);

/** A small outturn/v1 document with a ledger: headings A and B (one section), lines and mapping given. */
export function ledgerDoc(ledger: Record<string, unknown>, extra: Record<string, unknown> = {}): any {
  return {
    format: 'outturn/v1',
    organisation: 'PCC for Testshire',
    financialYear: '2025/26',
    revenue: {
      units: '£',
      totalLabel: 'TOTAL',
      sections: [{ lines: [{ label: 'A' }, { label: 'B' }] }],
      ...extra,
      ledger,
    },
  };
}
