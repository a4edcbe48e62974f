// The findings list: sorted by severity, grouped by table and by rule (or, for input problems, by
// what is wrong) with counts, notes collapsed, each at its place named in the user's terms (sheet,
// column heading, line label, cell) with a button that selects the cell. Text only (textContent).
import { runExcel } from '../excel/run';
import { HiddenSheet, selectCell, splitSheetRef } from '../excel/select';
import type { InputError } from '../format/errors';
import type { GridValue, InputSheet } from '../format/templates';
import { financeWords, FINDINGS, SELECT_FAILED, type Tally } from './messages';
import { $, button, el, say } from './ui';

export type Severity = 'error' | 'warning' | 'note';

/** One line of the list. `group`: the heading it is listed under; `kind`: what makes two items alike. */
export interface Item {
  severity: Severity;
  group: string;
  kind: string;
  message: string;
  detail?: string;
  /** Sheet!A1 of the cell, for the Go to button */
  ref?: string;
  /** the place in the user's terms */
  place?: string;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

export function tallyOf(items: readonly { severity: string }[]): Tally {
  const t: Tally = { error: 0, warning: 0, note: 0 };
  for (const i of items) if (i.severity in t) t[i.severity as Severity]++;
  return t;
}

export const isSheetRef = (s: string | undefined): s is string => {
  if (!s) return false;
  try {
    splitSheetRef(s);
    return /![A-Z]+[0-9]+$/.test(s);
  } catch {
    return false;
  }
};

/** A button that selects `ref` (Sheet!A1) in the workbook; `what` completes its accessible name. */
export function goTo(ref: string, what: string): HTMLButtonElement {
  const b = button(FINDINGS.goTo(ref), 'go', () => {
    void runExcel((context) => selectCell(context, ref), { what: `going to ${ref}` }).catch((e: unknown) => say(e instanceof HiddenSheet ? { title: e.message, detail: '' } : SELECT_FAILED(ref), 'error'));
  });
  b.setAttribute('aria-label', FINDINGS.goToLabel(ref, what));
  return b;
}

function line(i: Item): HTMLLIElement {
  const badge = el('span', { text: FINDINGS.severity[i.severity], className: `badge ${i.severity}` });
  const li = el('li', { className: i.severity }, badge, el('span', { text: i.message, className: 'what' }));
  if (i.place) li.appendChild(el('div', { text: i.place, className: 'place' }));
  if (i.detail) li.appendChild(el('div', { text: i.detail, className: 'detail' }));
  if (isSheetRef(i.ref)) li.appendChild(goTo(i.ref, i.message));
  return li;
}

/** Items of one heading, alike ones together: the first shown, the rest behind "N more like this". */
function cluster(items: Item[]): HTMLUListElement {
  const ul = el('ul', { className: 'items' });
  const kinds = new Map<string, Item[]>();
  for (const i of items) kinds.set(`${i.severity} ${i.kind}`, [...(kinds.get(`${i.severity} ${i.kind}`) ?? []), i]);
  for (const same of kinds.values()) {
    const li = line(same[0]);
    if (same.length > 1) {
      const more = el('details', { className: 'more' }, el('summary', { text: FINDINGS.similar(same.length - 1) }), el('ul', { className: 'items' }, ...same.slice(1).map(line)));
      li.appendChild(more);
    }
    ul.appendChild(li);
  }
  return ul;
}

let headingId = 0;
function section(title: string, items: Item[]): HTMLElement {
  const h = el('h3', { text: FINDINGS.group(title, tallyOf(items)) });
  h.id = `fh-${++headingId}`;
  const s = el('section', { className: 'fgroup' }, h, cluster(items));
  s.setAttribute('aria-labelledby', h.id);
  return s;
}

/** Renders the list into #findings: errors and warnings by heading; notes in one collapsed group. */
export function renderFindings(items: Item[], none?: string): void {
  const box = $('findings');
  box.replaceChildren();
  const sorted = [...items].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const issues = sorted.filter((i) => i.severity !== 'note');
  const notes = sorted.filter((i) => i.severity === 'note');
  const groups = new Map<string, Item[]>();
  for (const i of issues) groups.set(i.group, [...(groups.get(i.group) ?? []), i]);
  for (const [title, list] of groups) box.appendChild(section(title, list));
  if (!issues.length && none) box.appendChild(el('p', { text: none, className: 'none' }));
  if (notes.length) {
    const byGroup = new Map<string, Item[]>();
    for (const n of notes) byGroup.set(n.group, [...(byGroup.get(n.group) ?? []), n]);
    const d = el('details', { className: 'notes' }, el('summary', { text: FINDINGS.notes(notes.length) }), ...[...byGroup].map(([t, l]) => section(t, l)));
    box.appendChild(d);
  }
}

// ---------- input problems, at their place ----------

const CELL = /^('(?:[^']|'')+'|[^'!\s]+)!([A-Z]+)([0-9]+)/;
const LINE_HEADINGS = ['budget heading', 'label', 'reserve', 'scheme', 'heading', 'description', 'setting', 'account'];
const colIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const isText = (v: GridValue | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * "“Revenue input”, column “Outturn”, line “Police pay”, cell F6": the column heading is the nearest
 * row above the cell that reads as a header row (three or more text cells), the line is the row's
 * label column (Budget heading, Label, Reserve…).
 */
export function placeOf(where: string, inputs: readonly InputSheet[]): { ref?: string; place?: string } {
  const m = CELL.exec(where);
  if (!m) return {};
  const ref = m[0];
  const { sheet } = splitSheetRef(ref);
  const c = colIndex(m[2]);
  const r = Number(m[3]) - 1;
  const grid = inputs.find((s) => s.name.toLowerCase() === sheet.toLowerCase())?.values;
  let column: string | undefined;
  let label: string | undefined;
  if (grid) {
    for (let h = r - 1; h >= 0; h--) {
      const row = grid[h] ?? [];
      if (row.filter(isText).length >= 3 && !row.some((v) => typeof v === 'number')) {
        if (isText(row[c])) column = row[c] as string;
        const at = row.findIndex((v) => isText(v) && LINE_HEADINGS.includes(v.trim().toLowerCase()));
        const value = at >= 0 ? grid[r]?.[at] : undefined;
        if (isText(value) && at !== c) label = value.trim();
        break;
      }
    }
  }
  return { ref, place: FINDINGS.place(sheet, column, label, `${m[2]}${m[3]}`) };
}

/** Input problems or notes as items: the place named, alike problems (same sentence, other cells) together. */
export function inputItems(severity: Severity, errors: readonly InputError[], inputs: readonly InputSheet[], group: string): Item[] {
  return errors.map((e) => {
    const at = placeOf(e.where, inputs);
    const message = financeWords(e.message);
    const first = message.charAt(0).toUpperCase() + message.slice(1);
    return {
      severity,
      group,
      kind: message.replace(/"[^"]*"|“[^”]*”|-?\d[\d,.]*/g, '…'),
      message: at.ref ? first : `${financeWords(e.where)}: ${message}`,
      ref: at.ref,
      place: at.place,
    };
  });
}
