/// <reference types="office-js" />
// Page helpers: elements, the message bar at the top (progress, the step, the outcome, a question),
// the busy state, and the results area. Every sentence comes from messages.ts.
import { CANCEL_HINT, CANCELLED, failure, NO_CANCEL, type Said, stepOf } from './messages';

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
export const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: { text?: string; className?: string } = {}, ...children: Node[]) => {
  const e = document.createElement(tag);
  if (props.text !== undefined) e.textContent = props.text;
  if (props.className) e.className = props.className;
  for (const c of children) e.appendChild(c);
  return e;
};
export function button(text: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { text, className });
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** What the pane knows between tasks. */
export const pane = {
  auditAvailable: true,
  /** a task is running */
  busy: false,
  /** a question waits for its answer: every other command is disabled */
  waiting: false,
};

export type Tone = 'info' | 'success' | 'warning' | 'error';

/** Puts a message in the bar at the top: what happened, and what to do. */
export function say(said: Said, tone: Tone = 'info'): void {
  $('status-title').textContent = said.title;
  $('status-detail').textContent = said.detail;
  $('status-detail').hidden = !said.detail;
  $('status').className = `message ${tone}${said.title ? '' : ' empty'}`;
  // Focus never hides under the bar (WCAG 2.2, 2.4.11): scrolling into view leaves room for it.
  document.documentElement.style.scrollPaddingTop = `${$('bar').offsetHeight + 8}px`;
}

/** Moves focus to the outcome: the results heading when there are results, else the message bar. */
export function focusOutcome(): void {
  window.scrollTo(0, 0);
  if (!$('results').hidden) $('h-results').focus();
  else $('status').focus();
}

/** Every command of the pane, disabled while a task runs or a question waits. */
function commands(): HTMLButtonElement[] {
  return [...document.querySelectorAll<HTMLButtonElement>('main button')];
}

export function enableActions(): void {
  const off = pane.busy || pane.waiting;
  for (const b of commands()) b.disabled = off;
  for (const id of ['scope', 'report-table']) $<HTMLSelectElement>(id).disabled = off;
  if (!pane.auditAvailable) for (const id of ['audit-selection', 'audit-sheet']) $<HTMLButtonElement>(id).disabled = true;
}

export function clearResults(): void {
  for (const id of ['actions', 'narrative', 'findings', 'ties']) $(id).replaceChildren();
  $('narrative-box').hidden = true;
  $('ties-box').hidden = true;
  $('results').hidden = true;
}

export function showResults(): void {
  $('results').hidden = false;
}

/** Cancelling a task before it writes. */
export class Cancelled extends Error {
  override name = 'Cancelled';
}

/** What a running task reports: its step, whether it may still be cancelled, and the cancel itself. */
export interface Task {
  /** "Step n of total: text…"; cancellable until the writing starts */
  step(n: number, total: number, text: string): void;
  /** the write is about to start: no cancelling from here */
  writing(n: number, total: number, text: string): void;
  /** throws Cancelled when the user cancelled */
  check(): void;
  /** the promise, or Cancelled as soon as the user cancels */
  race<T>(p: Promise<T>): Promise<T>;
}

let cancel: (() => void) | undefined;

/**
 * Runs one task of the pane: disables the other commands, shows its steps in the bar, and ends with
 * its outcome: `work` returns a function that shows it (and may return the element to focus; called after the busy state is cleared, so a
 * screen reader is not told the page is busy while it reads the result), then focus moves to it.
 * A failure is said in finance words (messages.failure), never as the raw error, and clears the
 * last results.
 */
export async function runTask(label: string, work: (t: Task) => Promise<(() => HTMLElement | void) | void>): Promise<void> {
  if (pane.busy || pane.waiting) return;
  pane.busy = true;
  enableActions();
  let stage: 'before-write' | 'writing' = 'before-write';
  let cancelled = false;
  const listeners: (() => void)[] = [];
  cancel = () => {
    cancelled = true;
    for (const l of listeners) l();
  };
  const fill = $('progress-fill');
  const cancelButton = $<HTMLButtonElement>('cancel');
  const show = (n: number, total: number, text: string) => {
    say({ title: stepOf(n, total, text), detail: '' });
    fill.style.width = `${Math.round((n / total) * 100)}%`;
  };
  $('progress').hidden = false;
  cancelButton.disabled = false;
  $('cancel-hint').textContent = CANCEL_HINT;
  document.querySelector('main')!.setAttribute('aria-busy', 'true');
  say({ title: `${label}…`, detail: '' });
  fill.style.width = '5%';
  const task: Task = {
    step: (n, total, text) => show(n, total, text),
    writing: (n, total, text) => {
      stage = 'writing';
      cancelButton.disabled = true;
      $('cancel-hint').textContent = NO_CANCEL;
      show(n, total, text);
    },
    check: () => {
      if (cancelled) throw new Cancelled();
    },
    race: <T>(p: Promise<T>) => new Promise<T>((resolve, reject) => {
      if (cancelled) reject(new Cancelled());
      listeners.push(() => reject(new Cancelled()));
      p.then(resolve, reject);
    }),
  };
  let render: (() => HTMLElement | void) | void;
  try {
    render = await work(task);
  } catch (e) {
    render = () => {
      clearResults();
      if (e instanceof Cancelled) say(CANCELLED, 'info');
      else {
        console.error(e);
        say(failure(e, stage), 'error');
      }
    };
  }
  pane.busy = false;
  cancel = undefined;
  $('progress').hidden = true;
  document.querySelector('main')!.removeAttribute('aria-busy');
  enableActions();
  if (render) {
    const target = render();
    if (target) target.focus();
    else focusOutcome();
  }
}

/** The Cancel button of the bar. */
export function cancelTask(): void {
  cancel?.();
}

/**
 * Asks a question in the bar, styled as a question (not an error), with `options[0]` the safe
 * default: focused, and what Escape chooses. Every other command is disabled until it is answered.
 */
export function ask(said: Said, options: { label: string; primary?: boolean; onChoose: () => void }[]): void {
  pane.waiting = true;
  enableActions();
  say(said, 'warning');
  const box = $('question');
  box.replaceChildren();
  const answer = (f: () => void) => () => {
    pane.waiting = false;
    box.hidden = true;
    box.replaceChildren();
    enableActions();
    f();
  };
  const buttons = options.map((o) => button(o.label, o.primary ? 'primary' : 'secondary', answer(o.onChoose)));
  box.append(...buttons);
  box.hidden = false;
  box.onkeydown = (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      buttons[0].click();
    }
  };
  window.scrollTo(0, 0);
  buttons[0].focus();
}
