/// <reference types="office-js" />
// The pane's commands: insert the templates, build, copy for report, audit.
import { readAuditGrid } from '../excel/audit-read';
import { type ClipboardContent, copyNow, copyWithinGesture } from '../excel/clipboard';
import { runExcel } from '../excel/run';
import { buildInWorkbook, type FlowOutcome } from '../excel/flow';
import type { DisplayCell } from '../excel/report';
import type { SheetPlan } from '../plan/plan';
import { engine, inputSheets } from './engine-client';
import { buildSettings, withMapped } from './mapping-form';
import { reportName, type Scope } from './settings';
import { fillSettingsForm, KEYS, saveSettings, state } from './settings-store';
import { $, busy, clearResults, el, listFinding, listInput, listInputErrors, setStatus, showResults } from './ui';


const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;
function describeWrite(o: Extract<FlowOutcome<never>, { kind: 'done' }> | { write: { sheets: string[]; requests: number[] }; syncs: number }): string {
  const bytes = o.write.requests.reduce((a, b) => a + b, 0);
  return `${o.write.sheets.length} sheet${o.write.sheets.length === 1 ? '' : 's'} written in ${o.syncs} round trips to Excel (about ${kb(bytes)}).`;
}

function explainRefusal(o: FlowOutcome<unknown>, retry: (replace: boolean) => void, onRename?: (suggestions: Record<string, string>) => void): boolean {
  if (o.kind === 'conflict') {
    clearResults();
    setStatus(`Nothing was written: ${o.sheets.map((s) => `"${s}"`).join(', ')} ${o.sheets.length === 1 ? 'is a sheet' : 'are sheets'} Outturn did not create, and Outturn never changes your sheets.`, 'error');
    if (onRename) {
      const b = el('button', { text: `Use ${Object.values(o.suggestions).map((s) => `"${s}"`).join(', ')} instead`, className: 'primary' });
      b.type = 'button';
      b.addEventListener('click', () => onRename(o.suggestions));
      $('actions').appendChild(b);
    }
    showResults();
    return true;
  }
  if (o.kind === 'exists') {
    clearResults();
    setStatus(`${o.sheets.map((s) => `"${s}"`).join(', ')} already ${o.sheets.length === 1 ? 'exists' : 'exist'}. Replacing loses the figures in ${o.sheets.length === 1 ? 'it' : 'them'}, and Excel's Undo cannot bring them back.`, 'error');
    const b = el('button', { text: 'Replace them', className: 'primary' });
    b.type = 'button';
    b.addEventListener('click', () => retry(true));
    const keep = el('button', { text: 'Keep them', className: 'secondary' });
    keep.type = 'button';
    keep.addEventListener('click', () => {
      clearResults();
      setStatus('Kept the input sheets as they are.');
    });
    $('actions').append(b, keep);
    showResults();
    return true;
  }
  return false;
}

export function insertTemplates(example: boolean, replace = false): void {
  void busy(example ? 'Preparing the worked example…' : 'Preparing the input templates…', async () => {
    const { sheets } = await engine({ kind: 'templates', example });
    const out = await runExcel((context) => buildInWorkbook(context, sheets.map((s) => s.name), async () => ({ ok: true as const, plan: { sheets } }), {
      replaceOwned: replace,
      onProgress: setStatus,
    }));
    if (explainRefusal(out, (r) => insertTemplates(example, r))) return;
    if (out.kind !== 'done') return;
    clearResults();
    setStatus(`${example ? 'The worked example is loaded' : 'The input templates are inserted'}: ${describeWrite(out)} Next: Build.`);
  });
}

export function build(scope: Scope): void {
  void busy('Building…', async () => {
    const names = scope === 'all' ? KEYS.map((k) => state.settings.sheetNames[k]) : [state.settings.sheetNames[scope]];
    const inputNames = await inputSheets();
    const out = await runExcel((context) => buildInWorkbook(context, names, (inputs) => engine({ kind: 'build', sheets: inputs, settings: buildSettings(), scope }), { onProgress: setStatus, inputNames: withMapped(inputNames), readOnly: state.mappings.map((m) => m.sheet), ranges: state.mappings }), { what: 'the build' });
    if (out.kind === 'errors') {
      listInputErrors(out.errors, `Nothing was written: the input has ${out.errors.length} problem${out.errors.length === 1 ? '' : 's'}. Fix ${out.errors.length === 1 ? 'it' : 'them'} and build again.`, out.notes);
      return;
    }
    if (explainRefusal(out, () => build(scope), (suggestions) => renameAndBuild(suggestions, scope))) return;
    if (out.kind !== 'done') return;
    const { plan, narrative } = out.result;
    clearResults();
    const n = (s: string) => plan.findings!.filter((f) => f.severity === s).length;
    // The reader's notes: what this Excel could not check, and the input's hidden rows.
    const inputNotes = [...out.notes, ...out.result.notes];
    const noted = inputNotes.length ? ` Notes on the input: ${inputNotes.length}.` : '';
    setStatus(`Built. ${describeWrite(out)} Findings: ${n('error')} error(s), ${n('warning')} warning(s), ${n('note')} note(s).${noted}`);
    for (const s of narrative) $('narrative').appendChild(el('li', { text: s }));
    for (const f of plan.findings ?? []) {
      const detail = [f.expected !== undefined ? `expected ${f.expected}` : '', f.actual !== undefined ? `actual ${f.actual}` : '', f.difference !== undefined ? `difference ${f.difference}` : ''].filter(Boolean).join('; ');
      listFinding(f.severity, f.message, detail || undefined, f.cell ?? f.source);
    }
    if (!plan.findings?.length) $('findings').appendChild(el('li', { text: 'No findings: every check passed.' }));
    listInput('note', inputNotes);
    showResults();
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
  // The clipboard write starts here, inside the click (Safari and Excel on the web allow it only
  // there); its contents follow when the table is ready (src/excel/clipboard.ts).
  let ready: (c: ClipboardContent) => void = () => undefined;
  let none: (e: Error) => void = () => undefined;
  const content = new Promise<ClipboardContent>((res, rej) => { ready = res; none = rej; });
  const copied = copyWithinGesture(content);
  void busy('Making the report copy…', async () => {
   try {
    const name = reportName(state.settings.sheetNames[table]);
    const inputNames = await inputSheets();
    let rows: DisplayCell[][] = [];
    const out = await runExcel((context) => buildInWorkbook(context, [name], async (inputs) => {
      const r = await engine({ kind: 'report', sheets: inputs, settings: buildSettings(), table });
      if (!r.ok) return r;
      rows = r.report.rows;
      return { ok: true as const, plan: { sheets: [r.report.sheet] as SheetPlan[] } };
    }, { onProgress: setStatus, inputNames: withMapped(inputNames), readOnly: state.mappings.map((m) => m.sheet), ranges: state.mappings }), { what: 'the report copy' });
    if (out.kind === 'errors') {
      listInputErrors(out.errors, 'Nothing was written: the input has problems.', out.notes);
      return;
    }
    if (explainRefusal(out, () => copyReport(table))) return;
    if (out.kind !== 'done') return;
    const t = tableForClipboard(rows);
    ready(t);
    const onClipboard = await copied;
    clearResults();
    setStatus(`"${name}" holds a values-only copy of the table. ${onClipboard ? 'The table is on the clipboard: paste it into Word.' : 'Excel did not let Outturn use the clipboard during that click: click "Copy the table" to put it there.'}`);
    if (!onClipboard) {
      const b = el('button', { text: 'Copy the table', className: 'primary' });
      b.type = 'button';
      b.id = 'copy-again';
      b.addEventListener('click', () => {
        void copyNow(t, t.element).then((ok) => {
          setStatus(ok ? 'The table is on the clipboard: paste it into Word.' : 'The clipboard is not available here: copy the cells from the sheet instead.', ok ? 'ok' : 'error');
          if (ok) b.remove();
        });
      });
      $('actions').appendChild(b);
      showResults();
    }
   } finally {
    none(new Error('no table to copy'));
   }
  });
}

/** The table as an element (built from text nodes), as HTML and as tab-separated text, for the clipboard. */
function tableForClipboard(rows: DisplayCell[][]): ClipboardContent & { element: HTMLElement } {
  const table = document.createElement('table');
  table.style.borderCollapse = 'collapse';
  table.style.fontFamily = 'Arial, sans-serif';
  table.style.fontSize = '10pt';
  for (const row of rows) {
    const tr = table.insertRow();
    for (const cell of row) {
      const td = tr.insertCell();
      td.textContent = cell.text;
      td.style.padding = '1pt 4pt';
      if (cell.numeric) td.style.textAlign = 'right';
      if (cell.bold) td.style.fontWeight = 'bold';
      if (cell.italic) td.style.fontStyle = 'italic';
      if (cell.borderTop) td.style.borderTop = '1px solid #000';
      if (cell.borderBottom) td.style.borderBottom = cell.borderBottom === 'double' ? '3px double #000' : '1px solid #000';
    }
  }
  return { element: table, html: table.outerHTML, text: rows.map((r) => r.map((c) => c.text).join('\t')).join('\n') };
}

export function audit(what: 'selection' | 'sheet'): void {
  void busy(`Auditing the ${what}…`, async () => {
    const bold = Office.context?.requirements?.isSetSupported?.('ExcelApi', '1.9') ?? false;
    const grid = await runExcel((context) => readAuditGrid(context, what, bold), { what: 'the audit' });
    if (!grid) {
      clearResults();
      setStatus(what === 'selection' ? 'The selection holds nothing: nothing to audit.' : 'The sheet is empty: nothing to audit.', 'error');
      return;
    }
    setStatus('Recalculating…');
    const out = await engine({ kind: 'audit', grids: [grid] });
    clearResults();
    if (!out.ok) {
      listInputErrors(out.errors, 'Nothing to audit here.');
      return;
    }
    setStatus(`Audited ${out.tables} table${out.tables === 1 ? '' : 's'}: ${out.findings.length} difference${out.findings.length === 1 ? '' : 's'}.`);
    for (const f of out.findings) {
      const detail = [f.printed !== undefined ? `printed ${f.printed}` : '', f.expected !== undefined ? `should be ${f.expected}` : '', f.difference !== undefined ? `difference ${f.difference}` : ''].filter(Boolean).join('; ');
      listFinding(f.severity, f.message, detail || undefined, f.cell);
    }
    if (!out.findings.length) $('findings').appendChild(el('li', { text: 'Everything casts: no differences.' }));
    showResults();
  });
}
