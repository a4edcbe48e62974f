/// <reference types="office-js" />
// "Audit a report…": the auditor picks a PDF or a web page on this computer; the pane reads it here
// (a PDF with pdf.js, loaded only now as its own chunk, its worker from the add-in's origin; a web
// page's bytes go to the engine worker, which parses it with parse5 as the command line does), the
// engine worker finds the tables, audits them and ties the narrative (src/report, shared with
// `outturn audit REPORT`), and the tables are written to a new sheet the add-in owns (never over a
// sheet that exists). The findings are listed by table, each going to its cell on that sheet; the
// figures the text quotes are listed with their ties. Nothing is sent anywhere: the file is read
// with File.arrayBuffer(), and the pane's Content-Security-Policy allows no other origin.
import { runExcel } from '../excel/run';
import { writePlan } from '../excel/write';
import type { ReportSource } from './report-audit-run';
import { engine } from './engine-client';
import { goTo, type Item, isSheetRef, renderFindings, tallyOf } from './findings';
import { financeWords, FINDINGS, REPORT, STEP, TASK } from './messages';
import { $, clearResults, el, runTask, say, showResults } from './ui';

/** The largest report read, as the command line (src/cli/audit-report.ts REPORT_LIMIT). */
const LIMIT = 64 * 2 ** 20;

type Kind = 'pdf' | 'html';

/** A PDF by its first bytes (%PDF-), else by its name; a web page by its name or type. */
function kindOf(file: File, head: Uint8Array): Kind | undefined {
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return 'pdf';
  if (/\.pdf$/i.test(file.name) || file.type === 'application/pdf') return 'pdf';
  if (/\.html?$/i.test(file.name) || file.type === 'text/html') return 'html';
  return undefined;
}

/** Wires the button to the hidden file input: choosing a file starts the audit. */
export function wireReportAudit(): void {
  const input = $<HTMLInputElement>('report-file');
  $('audit-report').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = ''; // the same file may be chosen again
    if (file) auditReportFile(file);
  });
}

/** Audits one report file (see the top of this file). */
export function auditReportFile(file: File): void {
  void runTask(TASK.reportAudit, async (task) => {
    if (file.size > LIMIT) return () => { clearResults(); say(REPORT.tooLarge(file.name, Math.round(file.size / 2 ** 20)), 'error'); };
    task.step(1, 3, STEP.readingFile(file.name));
    const bytes = new Uint8Array(await task.race(file.arrayBuffer()));
    const kind = kindOf(file, bytes.subarray(0, 4));
    if (!kind) return () => { clearResults(); say(REPORT.wrongKind(file.name), 'error'); };
    let source: ReportSource;
    if (kind === 'pdf') {
      const { readPdfInBrowser, PdfReadError } = await task.race(import(/* webpackChunkName: "pdf" */ '../pdf/browser'));
      try {
        source = { kind: 'pdf', name: file.name, pages: await task.race(readPdfInBrowser(bytes)) };
      } catch (e) {
        if (e instanceof PdfReadError) return () => { clearResults(); say(REPORT.unreadable(file.name), 'error'); };
        throw e;
      }
    } else {
      source = { kind: 'html', name: file.name, bytes: bytes.buffer };
    }
    task.step(2, 3, STEP.findingTables);
    // The new sheet's name is chosen (in the worker) against the sheets there now (one sync), so nothing is written over.
    const taken = await task.race(runExcel(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name);
    }));
    const out = await task.race(engine({ kind: 'report-audit', source, taken }));
    if (!out.ok) return () => { clearResults(); say(REPORT.scanned(file.name), 'error'); };
    let written: string | undefined;
    if (out.sheet) {
      const sheet = out.sheet;
      task.writing(3, 3, STEP.writing([sheet.name]));
      // absent: the name was free a moment ago; writePlan still refuses a sheet that is not its own
      await runExcel((context) => writePlan(context, { sheets: [sheet] }, { replaceOwned: false, activate: sheet.name }));
      written = sheet.name;
    }
    return () => {
      clearResults();
      const items: Item[] = out.findings.map((f) => ({
        severity: f.severity,
        group: f.group || REPORT.narrative,
        kind: f.rule,
        message: financeWords(f.message),
        detail: [f.printed !== undefined ? `${FINDINGS.detail.printed} ${f.printed}` : '', f.expected !== undefined ? `${FINDINGS.detail.shouldBe} ${f.expected}` : '', f.difference !== undefined ? `${FINDINGS.detail.difference} ${f.difference}` : ''].filter(Boolean).join('; ') || undefined,
        ref: f.ref,
        place: REPORT.place(f.where),
      }));
      const t = tallyOf(items);
      if (written) say(REPORT.audited(file.name, written, out.tables.length, t, out.ties.length), t.error ? 'error' : t.warning ? 'warning' : 'success');
      else say(REPORT.noTables(file.name, out.ties.length), 'warning');
      renderFindings(items, FINDINGS.noneAudit);
      if (out.ties.length) {
        $('ties-box').hidden = false;
        for (const tie of out.ties) {
          const status = REPORT.tie[tie.status] ?? tie.status;
          const li = el('li', { className: tie.status === 'truncated' || tie.status === 'different' ? 'warning' : 'note' }, el('span', { text: REPORT.tieLine(tie.quoted, tie.where, status), className: 'what' }));
          if (tie.source) li.appendChild(el('div', { text: financeWords(REPORT.tieSource(tie.source, tie.expected)), className: 'detail' }));
          if (isSheetRef(tie.ref)) li.appendChild(goTo(tie.ref, `${tie.quoted}, ${status}`));
          $('ties').appendChild(li);
        }
      }
      showResults();
    };
  });
}
