// Messages between the task pane and the engine worker (types only: nothing of the engine is
// bundled into the pane).
import type { AuditFinding } from '../audit/audit';
import type { Grid } from '../audit/grid';
import type { InputError } from '../format/errors';
import type { InputSheet } from '../format/templates';
import type { SheetPlan } from '../plan/plan';
import type { BuildOutcome, ReportOutcome } from './pipeline';
import type { ReportAuditOutcome, ReportSource } from './report-audit-run';
import type { BuildSettings, Scope } from './settings';

export type WorkerRequest =
  | { kind: 'info' }
  | { kind: 'templates'; example: boolean }
  | { kind: 'build'; sheets: InputSheet[]; settings: BuildSettings; scope: Scope }
  | { kind: 'report'; sheets: InputSheet[]; settings: BuildSettings; table: Exclude<Scope, 'all'> }
  | { kind: 'audit'; grids: Grid[] }
  /** a report (PDF text or web page) audited, its tables laid out on a new sheet named apart from `taken` (the workbook's sheets) */
  | { kind: 'report-audit'; source: ReportSource; taken: string[] };

export type WorkerResponse = {
  info: { inputSheets: string[] };
  templates: { sheets: SheetPlan[] };
  build: BuildOutcome;
  report: { ok: true; report: ReportOutcome } | { ok: false; errors: InputError[] };
  audit: { ok: true; findings: AuditFinding[]; tables: number } | { ok: false; errors: InputError[] };
  'report-audit': ReportAuditOutcome;
};

export type WorkerMessage =
  | { id: number; ok: true; result: WorkerResponse[WorkerRequest['kind']] }
  | { id: number; ok: false; message: string };
