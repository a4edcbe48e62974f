// Helpers shared by the audit's kind tests (test/audit/*-kinds, block-structure, net-and-change, …):
// audit a delimited text as printed, list its flags compactly, and write a table as TSV.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AuditReport, auditGrids } from '../../src/audit/audit';
import { readDelimited } from '../../src/audit/delimited';

/** The folder of our corpus of real published tables (test/fixtures/published/audit). */
export const PUBLISHED = join(__dirname, '..', 'fixtures', 'published', 'audit');

/** The text of one file under test/fixtures/published/FOLDER (trial7, trial8, bodies/…), as transcribed (UTF-8). */
export const fixture = (folder: string, file: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'published', folder, file), 'utf8');

/** The text of one table of our published corpus (test/fixtures/published/audit), as transcribed (UTF-8). */
export const published = (file: string): string => fixture('audit', file);

/** Audits one delimited text (TSV unless the name says otherwise) with its trace kept. */
export const audit = (text: string, name = 'table.tsv'): AuditReport => auditGrids([readDelimited(text, name)], { trace: true });

/**
 * The findings above a note, each as "row:column rule expected" (1-based row and column of the file),
 * or "row:column severity rule expected" with `{ severity: true }`.
 */
export const flags = (r: AuditReport, o: { severity?: boolean } = {}): string[] =>
  r.findings.filter((f) => f.severity !== 'note').map((f) => `${f.row}:${f.column} ${o.severity ? `${f.severity} ` : ''}${f.rule} ${f.expected}`);

/** Rows of cells as a TSV text, one line per row, ending in a newline. */
export const tsv = (rows: string[][]): string => rows.map((r) => r.join('\t')).join('\n') + '\n';

/** The text of a TSV with the cell at [r, c] (1-based, row 1 the file's first line) replaced by v; fails when the row has no such column. */
export function withCell(text: string, r: number, c: number, v: string): string {
  const lines = text.split('\n');
  const cells = lines[r - 1].split('\t');
  assert.ok(c - 1 < cells.length, `row ${r} has no column ${c}`);
  cells[c - 1] = v;
  lines[r - 1] = cells.join('\t');
  return lines.join('\n');
}
