/// <reference lib="webworker" />
// The engine worker: everything heavy (reading the templates, validating, the exact engine, the
// sheet plan, the audit) runs here, so the task pane never blocks Excel's UI thread.
import { withForecasting } from './forecasting-on-demand';
import { buildFromSheets, inputSheetNames } from './pipeline';
import type { WorkerMessage, WorkerRequest, WorkerResponse } from './protocol';

async function handle(req: WorkerRequest): Promise<WorkerResponse[WorkerRequest['kind']]> {
  switch (req.kind) {
    case 'info':
      return { inputSheets: inputSheetNames() };
    case 'templates': {
      // The template writer and the worked example are a chunk of their own: a build never loads them.
      const { templateSheets } = await import(/* webpackChunkName: "templates" */ './pipeline-templates');
      return { sheets: templateSheets(req.example) };
    }
    case 'build':
      // The ledger and MTFP engine is a chunk of its own, loaded when an input has them.
      return withForecasting(() => buildFromSheets(req.sheets, req.settings, req.scope));
    case 'report': {
      // "Copy for report" (the publish code) and the audit are chunks of their own, loaded the first
      // time they are used: the worker a build needs is the engine alone.
      const { reportFromSheets } = await import(/* webpackChunkName: "report-copy" */ './pipeline-report');
      return withForecasting(() => reportFromSheets(req.sheets, req.settings, req.table));
    }
    case 'audit': {
      const { AuditInputError, auditGrids } = await import(/* webpackChunkName: "audit" */ '../audit/audit');
      try {
        const report = auditGrids(req.grids);
        return { ok: true, findings: report.findings, tables: report.tables.length };
      } catch (e) {
        if (e instanceof AuditInputError) return { ok: false, errors: [{ where: e.where, message: e.message.replace(`${e.where}: `, '') }] };
        throw e;
      }
    }
    case 'report-audit': {
      // The report reader (parse5, the PDF layout, the narrative ties) is its own chunk, loaded the
      // first time a report is audited: a build never loads it.
      const { auditReportForPane } = await import(/* webpackChunkName: "report-audit" */ './report-audit-run');
      return auditReportForPane(req.source, req.taken);
    }
  }
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (e: MessageEvent<{ id: number; req: WorkerRequest }>) => {
  const { id, req } = e.data;
  let msg: WorkerMessage;
  try {
    msg = { id, ok: true, result: await handle(req) };
  } catch (err) {
    msg = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(msg);
};
