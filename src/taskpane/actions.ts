/// <reference types="office-js" />
// The pane's commands: insert the templates (or the worked example), build, copy for report, audit.
// Each runs as a task (ui.runTask): its steps in the bar at the top, cancellable until the write
// starts, its outcome in the bar and the results below it, focus on the outcome.
import { readAuditGrid } from '../excel/audit-read';
import { type ClipboardContent, copyNow, copyWithinGesture } from '../excel/clipboard';
import { runExcel } from '../excel/run';
import { buildInWorkbook } from '../excel/flow';
import type { InputError } from '../format/errors';
import type { InputSheet } from '../format/templates';
import type { SheetPlan } from '../plan/plan';
import { engine, inputSheets } from './engine-client';
import type { ReportOutcome } from './pipeline';
import { offerWordDownload } from './report-download';
import { inputItems, type Item, renderFindings, tallyOf } from './findings';
import { buildSettings, withMapped } from './mapping-form';
import { AUDIT_TITLES, audited, CLIPBOARD, built, conflict, exampleLoaded, FILL_IN, financeWords, FINDINGS, inputProblems, KEPT, NO_INPUT_SHEETS, NOTHING_TO_AUDIT, NO_TABLE_FOUND, QUESTION, replaceQuestion, reportCopied, STEP, TABLE_TITLES, TASK, templatesInserted } from './messages';
import { reportName, type Scope } from './settings';
import { fillSettingsForm, KEYS, saveSettings, state } from './settings-store';
import { $, ask, button, clearResults, el, focusOutcome, runTask, say, showResults } from './ui';


// ---------- the first run: one call to action until the input sheets exist ----------

/** The input template sheets (the names on their tabs). */
export const INPUT_SHEETS = Object.keys(FILL_IN);

/**
 * First run (no input sheet and no mapped range): Insert input templates is the one primary button,
 * with teaching text; after that, Build is.
 */
export function setFirstRun(first: boolean): void {
  document.body.classList.toggle('first-run', first);
  $('first-run-text').hidden = !first;
  $('insert-templates').className = first ? 'primary' : 'secondary';
  $('build').className = first ? 'secondary' : 'primary';
}

/** Whether the workbook holds any input sheet (one sync: the sheet names). */
export async function workbookHasInputs(): Promise<boolean> {
  const names = await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    return sheets.items.map((s) => s.name.toLowerCase());
  });
  return INPUT_SHEETS.some((n) => names.includes(n.toLowerCase()));
}

// ---------- outcomes shown in the results ----------

function showInputProblems(errors: InputError[], notes: InputError[], inputs: InputSheet[]): void {
  clearResults();
  const missing = INPUT_SHEETS.filter((n) => !inputs.some((s) => s.name.toLowerCase() === n.toLowerCase()));
  if (missing.length === INPUT_SHEETS.length && !state.mappings.length) {
    say(NO_INPUT_SHEETS, 'error');
    return;
  }
  say(inputProblems(errors.length), 'error');
  renderFindings([...inputItems('error', errors, inputs, TABLE_TITLES.input), ...inputItems('note', notes, inputs, TABLE_TITLES.input)]);
  showResults();
}

/** The Use-another-name offer for a user's sheet with a table's name; false when `o` is no refusal. */
function showConflict(sheets: string[], suggestions: Record<string, string>, onRename?: (s: Record<string, string>) => void): void {
  clearResults();
  const said = conflict(sheets, Object.values(suggestions));
  say(said, 'warning');
  if (onRename) {
    $('actions').appendChild(button(said.button, 'primary', () => onRename(suggestions)));
    showResults();
  }
}

// ---------- commands ----------

export function insertTemplates(example: boolean, replace = false): void {
  void runTask(example ? TASK.example : TASK.templates, async (task) => {
    task.step(1, 3, STEP.preparing);
    const { sheets } = await task.race(engine({ kind: 'templates', example }));
    const names = sheets.map((s) => s.name);
    task.step(2, 3, STEP.readInputs);
    const out = await task.race(runExcel((context) => buildInWorkbook(context, names, async () => {
      task.check();
      task.writing(3, 3, STEP.writing(names));
      return { ok: true as const, plan: { sheets } };
    }, { replaceOwned: replace })));
    if (out.kind === 'exists') {
      return () => {
        clearResults();
        ask(replaceQuestion(out.sheets), [
          { label: QUESTION.keep, primary: true, onChoose: () => { say(KEPT, 'info'); focusOutcome(); } },
          { label: QUESTION.replace, onChoose: () => insertTemplates(example, true) },
        ]);
        return document.activeElement as HTMLElement;
      };
    }
    if (out.kind === 'conflict') return () => showConflict(out.sheets, out.suggestions);
    if (out.kind !== 'done') return () => showInputProblems(out.errors, out.notes, []);
    return () => {
      clearResults();
      setFirstRun(false);
      say(example ? exampleLoaded(names) : templatesInserted(names), 'success');
    };
  });
}

export function build(scope: Scope): void {
  void runTask(TASK.build, async (task) => {
    const names = scope === 'all' ? KEYS.map((k) => state.settings.sheetNames[k]) : [state.settings.sheetNames[scope]];
    const inputNames = await task.race(inputSheets());
    task.step(1, 3, STEP.readInputs);
    let read: InputSheet[] = [];
    const out = await task.race(runExcel((context) => buildInWorkbook(context, names, async (inputs) => {
      read = inputs;
      task.check();
      task.step(2, 3, STEP.computing);
      const r = await task.race(engine({ kind: 'build', sheets: inputs, settings: buildSettings(), scope }));
      task.check();
      if (r.ok) task.writing(3, 3, STEP.writing(r.plan.sheets.map((s) => s.name)));
      return r;
    }, { inputNames: withMapped(inputNames), readOnly: state.mappings.map((m) => m.sheet), ranges: state.mappings })));
    if (out.kind === 'errors') return () => showInputProblems(out.errors, out.notes, read);
    if (out.kind === 'conflict') return () => showConflict(out.sheets, out.suggestions, (s) => renameAndBuild(s, scope));
    if (out.kind === 'exists') return () => showConflict(out.sheets, {});
    const { plan, narrative } = out.result;
    return () => {
      clearResults();
      setFirstRun(false);
      const findings: Item[] = (plan.findings ?? []).map((f) => ({
        severity: f.severity,
        group: TABLE_TITLES[f.table] ?? TABLE_TITLES.input,
        kind: f.rule,
        message: financeWords(f.message),
        detail: [f.expected !== undefined ? `${FINDINGS.detail.expected} ${f.expected}` : '', f.actual !== undefined ? `${FINDINGS.detail.actual} ${f.actual}` : '', f.difference !== undefined ? `${FINDINGS.detail.difference} ${f.difference}` : ''].filter(Boolean).join('; ') || undefined,
        ref: f.cell ?? f.source,
      }));
      // The reader's notes: what this Excel could not check, and the input's hidden rows.
      const notes = inputItems('note', [...out.notes, ...out.result.notes], read, TABLE_TITLES.input);
      const items = [...findings, ...notes];
      const t = tallyOf(items);
      say(built(out.write.sheets, t), t.error ? 'error' : t.warning ? 'warning' : 'success');
      if (narrative.length) {
        $('narrative-box').hidden = false;
        for (const s of narrative) $('narrative').appendChild(el('li', { text: financeWords(s) }));
      }
      renderFindings(items, FINDINGS.none);
      showResults();
    };
  });
}

function renameAndBuild(suggestions: Record<string, string>, scope: Scope): void {
  const names = { ...state.settings.sheetNames };
  for (const k of KEYS) if (suggestions[names[k]]) names[k] = suggestions[names[k]];
  state.settings = { ...state.settings, sheetNames: names };
  fillSettingsForm(state.settings);
  void saveSettings(state.settings).then(() => build(scope));
}

export function copyReport(table: Exclude<Scope, 'all'>): void {
  // The clipboard write starts here, within the click: Safari's web view and Excel on the web
  // refuse one made after Excel.run and the engine return. Its contents follow when the table is
  // ready (src/excel/clipboard.ts); where even that is refused, a second click copies it.
  let ready: (c: ClipboardContent) => void = () => undefined;
  let none: (e: Error) => void = () => undefined;
  const content = new Promise<ClipboardContent>((res, rej) => {
    ready = res;
    none = rej;
  });
  const copied = copyWithinGesture(content);
  void runTask(TASK.report, async (task) => {
   try {
    const name = reportName(state.settings.sheetNames[table]);
    const inputNames = await task.race(inputSheets());
    task.step(1, 3, STEP.readInputs);
    let report: ReportOutcome | undefined;
    let read: InputSheet[] = [];
    const out = await task.race(runExcel((context) => buildInWorkbook(context, [name], async (inputs) => {
      read = inputs;
      task.check();
      task.step(2, 3, STEP.computing);
      const r = await task.race(engine({ kind: 'report', sheets: inputs, settings: buildSettings(), table }));
      task.check();
      if (!r.ok) return r;
      task.writing(3, 3, STEP.writing([name]));
      report = r.report;
      return { ok: true as const, plan: { sheets: [r.report.sheet] as SheetPlan[] } };
    }, { inputNames: withMapped(inputNames), readOnly: state.mappings.map((m) => m.sheet), ranges: state.mappings })));
    if (out.kind === 'errors') return () => showInputProblems(out.errors, out.notes, read);
    if (out.kind === 'conflict' || out.kind === 'exists') return () => showConflict(out.sheets, out.kind === 'conflict' ? out.suggestions : {});
    if (!report) return;
    const done = report;
    ready(done.clipboard);
    const onClipboard = await copied;
    return () => {
      clearResults();
      say(onClipboard ? reportCopied(name, true) : { ...reportCopied(name, false), detail: CLIPBOARD.refused }, 'success');
      if (!onClipboard) {
        const again = button(CLIPBOARD.again, 'primary', () => {
          void copyNow(done.clipboard).then((ok) => {
            say(ok ? CLIPBOARD.copied : reportCopied(name, false), ok ? 'success' : 'warning');
            if (ok) again.remove();
          });
        });
        again.id = 'copy-again';
        $('actions').appendChild(again);
      }
      // Issue 16: the same tables as a Word document, offered beside the copy.
      offerWordDownload($('actions'), done.document);
      showResults();
    };
   } finally {
    none(new Error('no table to copy'));
   }
  });
}

export function audit(what: 'selection' | 'sheet'): void {
  void runTask(TASK.audit, async (task) => {
    const bold = Office.context?.requirements?.isSetSupported?.('ExcelApi', '1.9') ?? false;
    task.step(1, 2, STEP.readSelection);
    const grid = await task.race(runExcel((context) => readAuditGrid(context, what, bold)));
    if (!grid) return () => {
      clearResults();
      say(NOTHING_TO_AUDIT, 'warning');
    };
    task.step(2, 2, STEP.recalculating);
    const out = await task.race(engine({ kind: 'audit', grids: [grid] }));
    if (!out.ok) {
      return () => {
        clearResults();
        say(NO_TABLE_FOUND, 'warning');
        renderFindings(inputItems('error', out.errors, [], FINDINGS.selection));
        showResults();
      };
    }
    return () => {
      clearResults();
      const items: Item[] = out.findings.map((f) => ({
        severity: f.severity,
        group: AUDIT_TITLES[f.table] ?? AUDIT_TITLES.auto,
        kind: f.rule,
        message: financeWords(f.message),
        detail: [f.printed !== undefined ? `${FINDINGS.detail.printed} ${f.printed}` : '', f.expected !== undefined ? `${FINDINGS.detail.shouldBe} ${f.expected}` : '', f.difference !== undefined ? `${FINDINGS.detail.difference} ${f.difference}` : ''].filter(Boolean).join('; ') || undefined,
        ref: f.cell,
      }));
      const t = tallyOf(items);
      say(audited(out.tables, t), t.error ? 'error' : t.warning ? 'warning' : 'success');
      renderFindings(items, FINDINGS.noneAudit);
      showResults();
    };
  });
}
