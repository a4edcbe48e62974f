// "Audit a report…", the engine worker's part (loaded by the worker only when a report is audited, as
// its own chunk): the report's text (a PDF's positioned text, read by pdf.js in the pane, or a web
// page's bytes) → the tables and paragraphs (src/report, the same reading as `outturn audit
// REPORT`) → the audit → the sheet the pane writes, and every finding and tie with the cell it
// goes to on that sheet. Plain data out (structured-cloneable).
import type { PageText } from '../report/layout';
import { readPages } from '../report/layout';
import { readHtmlReport } from '../report/html';
import { auditReport, type ReportFinding } from '../report/audit-report';
import type { ReportDocument } from '../report/document';
import { cellRefOf, reportAuditSheet, reportSheetName, tableHeading } from '../report/sheet';
import type { TieStatus } from '../report/narrative';
import type { SheetPlan } from '../plan/plan';
import { sheetRef, a1 } from '../base/a1';

export type ReportSource = { kind: 'pdf'; name: string; pages: PageText[] } | { kind: 'html'; name: string; bytes: ArrayBuffer };

export interface PaneTie {
  quoted: string;
  where: string;
  status: TieStatus;
  source?: string;
  expected?: string;
  /** Sheet!A1: the table figure it ties to, else its line in the sheet's list of quoted figures */
  ref?: string;
}

export type ReportAuditOutcome =
  | {
      ok: true;
      /** the sheet to write: undefined when the report holds no table (nothing is written) */
      sheet?: SheetPlan;
      pages?: number;
      scanned: number[];
      tables: { where: string; heading: string; rows: number; columns: number; checked: boolean }[];
      findings: (ReportFinding & { ref?: string; group: string })[];
      ties: PaneTie[];
    }
  | { ok: false; reason: 'scanned'; pages: number };

/** A web page's text: UTF-8, else Windows-1252 (a page saved by an older system; £ is byte 0xA3). */
function decode(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Reads and audits the report, and lays its tables out on a new sheet, named apart from every sheet in `taken`. */
export function auditReportForPane(src: ReportSource, taken: readonly string[]): ReportAuditOutcome {
  const names = new Set(taken.map((n) => n.toLowerCase()));
  const sheetName = reportSheetName(src.name, (n) => names.has(n.toLowerCase()));
  const doc: ReportDocument = src.kind === 'pdf' ? readPages(src.name, src.pages) : readHtmlReport(decode(src.bytes), src.name);
  if (doc.kind === 'pdf' && doc.pages && doc.scanned?.length === doc.pages) return { ok: false, reason: 'scanned', pages: doc.pages };
  const r = auditReport(doc);
  const laid = r.tables.length ? reportAuditSheet(r, sheetName) : undefined;
  const places = laid?.places ?? {};
  const headings = new Map(r.tables.map((t) => [t.where, tableHeading(t)]));
  const ties: PaneTie[] = r.ties.map((t, i) => ({
    quoted: t.quote.text,
    where: t.quote.where,
    status: t.status,
    source: t.source,
    expected: t.expected,
    ref: (t.figure ? cellRefOf(sheetName, places, t.figure.table, t.figure.row, t.figure.column) : undefined) ?? (laid ? sheetRef(sheetName, a1(laid.tieRows[i], 0)) : undefined),
  }));
  // a finding about the narrative goes where its tie goes (the figure it quotes)
  const tieRef = (f: ReportFinding) => ties.find((t) => t.quoted === f.printed && t.where === f.where)?.ref;
  return {
    ok: true,
    sheet: laid?.sheet,
    pages: r.pages,
    scanned: r.scanned,
    tables: r.tables.map((t) => ({ where: t.where, heading: headings.get(t.where)!, rows: t.rows, columns: t.columns, checked: t.layouts.length > 0 })),
    findings: r.findings.map((f) => ({ ...f, group: f.table ? headings.get(f.table) ?? f.table : '', ref: f.table ? cellRefOf(sheetName, places, f.table, f.row, f.column) : tieRef(f) })),
    ties,
  };
}
