/// <reference types="office-js" />
// Page helpers: elements, the status line, the busy state, the results list.
import { ExcelProblem, runExcel } from '../excel/run';
import { HiddenSheet, selectCell, splitSheetRef } from '../excel/select';
import { EmptySelection } from '../excel/selection';
import { WriteIncomplete } from '../excel/write';
import type { InputError } from '../format/errors';


export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
export const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: { text?: string; className?: string } = {}, ...children: Node[]) => {
  const e = document.createElement(tag);
  if (props.text !== undefined) e.textContent = props.text;
  if (props.className) e.className = props.className;
  for (const c of children) e.appendChild(c);
  return e;
};
const ACTION_BUTTONS = ['insert-templates', 'load-example', 'map-range', 'build', 'copy-report', 'audit-selection', 'audit-sheet'];
export const pane = { auditAvailable: true };

export function setStatus(text: string, kind: 'ok' | 'error' = 'ok'): void {
  const s = $('status');
  s.textContent = text;
  s.className = kind === 'error' ? 'status error' : 'status';
}

let busyNow = false;
export async function busy(label: string, work: () => Promise<void>): Promise<void> {
  if (busyNow) return;
  busyNow = true;
  for (const id of ACTION_BUTTONS) $<HTMLButtonElement>(id).disabled = true;
  $('progress').hidden = false;
  document.body.setAttribute('aria-busy', 'true');
  setStatus(label);
  try {
    await work();
  } catch (e) {
    // Excel's refusals, in words, say themselves what was and was not written (src/excel/run.ts).
    if (e instanceof ExcelProblem || e instanceof WriteIncomplete || e instanceof EmptySelection) setStatus(e.message, 'error');
    else setStatus(`Something went wrong: ${e instanceof Error ? e.message : String(e)}. Nothing further was written.`, 'error');
  } finally {
    busyNow = false;
    $('progress').hidden = true;
    document.body.removeAttribute('aria-busy');
    enableActions();
  }
}

export function enableActions(): void {
  for (const id of ACTION_BUTTONS) $<HTMLButtonElement>(id).disabled = false;
  if (!pane.auditAvailable) {
    for (const id of ['audit-selection', 'audit-sheet']) $<HTMLButtonElement>(id).disabled = true;
  }
}

export function clearResults(): void {
  for (const id of ['actions', 'narrative', 'findings']) $(id).replaceChildren();
  $('results').hidden = true;
}

export function showResults(): void {
  $('results').hidden = false;
  $('h-results').focus();
}

/** A button that selects a cell of the workbook. */
function goTo(ref: string): HTMLButtonElement {
  const b = el('button', { text: `Go to ${ref}`, className: 'go' });
  b.type = 'button';
  b.addEventListener('click', () => {
    void runExcel((context) => selectCell(context, ref), { what: `going to ${ref}` }).catch((e: Error) => setStatus(e instanceof HiddenSheet || e instanceof ExcelProblem ? e.message : `Cannot select ${ref}: ${e.message}`, 'error'));
  });
  return b;
}

const isSheetRef = (s: string | undefined): s is string => {
  if (!s) return false;
  try {
    splitSheetRef(s);
    return /![A-Z]+[0-9]+$/.test(s);
  } catch {
    return false;
  }
};

export function listFinding(severity: string, message: string, detail: string | undefined, ref: string | undefined): void {
  const li = el('li', {}, el('span', { text: severity, className: `badge ${severity}` }), document.createTextNode(message));
  if (detail) li.appendChild(el('div', { text: detail, className: 'detail' }));
  if (isSheetRef(ref)) li.appendChild(goTo(ref));
  else if (ref) li.appendChild(el('div', { text: ref, className: 'detail' }));
  $('findings').appendChild(li);
}

/** Input errors or notes, each at its place, with a link when the place is a cell. */
export function listInput(severity: 'error' | 'note', items: InputError[]): void {
  for (const e of items) {
    const m = /^('(?:[^']|'')+'|[^'!\s]+)![A-Z]+[0-9]+/.exec(e.where);
    listFinding(severity, `${e.where}: ${e.message}`, undefined, m ? m[0] : undefined);
  }
}

export function listInputErrors(errors: InputError[], intro: string, notes: InputError[] = []): void {
  clearResults();
  setStatus(intro, 'error');
  listInput('error', errors);
  listInput('note', notes);
  showResults();
}
