/// <reference types="office-js" />
// Mapped ranges: the user's own range read as an input table (kept with the workbook only: a
// mapping names this workbook's cells).
import { saveDocumentSettings } from '../excel/document-settings';
import { runExcel } from '../excel/run';
import { readSelection, type Selection } from '../excel/selection';
import { guessMapping, mappableColumns, type MappableTable, parseMappings, rangeColumns, rangeBounds, type RangeMapping, requiredColumns, SETTINGS_SHEET } from '../format/mapping';
import { sheetRef } from '../base/a1';
import { MAP, STEP, TASK } from './messages';
import type { BuildSettings } from './settings';
import { state } from './settings-store';
import { $, button, el, focusOutcome, runTask, say } from './ui';

const MAPPINGS_KEY = 'outturn.mappings';

export function loadMappings(): void {
  try {
    state.mappings = parseMappings(Office.context?.document?.settings?.get(MAPPINGS_KEY));
  } catch {
    state.mappings = [];
  }
}

/** Saves the mappings with the workbook; when Excel does not keep them, says so (they apply until the pane closes). */
async function saveMappings(): Promise<boolean> {
  const o = await saveDocumentSettings(Office.context?.document?.settings, { [MAPPINGS_KEY]: state.mappings });
  if (!o.ok) {
    console.error(o.message);
    say(MAP.notKept, 'warning');
  }
  return o.ok;
}

/** What a build sends the engine, and the sheets it reads: the input templates and every mapped sheet. */
export const buildSettings = (): BuildSettings => ({ ...state.settings, mappings: state.mappings });
export const withMapped = (names: string[]) => [...new Map([...names, ...state.mappings.map((m) => m.sheet)].map((n) => [n.toLowerCase(), n])).values()];

export function showMappings(): void {
  const list = $('mappings');
  list.replaceChildren();
  for (const m of state.mappings) {
    const remove = button(MAP.remove, 'secondary small', () => {
      state.mappings = state.mappings.filter((x) => x !== m);
      showMappings();
      void saveMappings().then((kept) => {
        if (kept) say(MAP.removed(m.table), 'success');
        focusOutcome();
      });
    });
    remove.setAttribute('aria-label', MAP.removeLabel(m.table));
    list.appendChild(el('li', {}, el('span', { text: MAP.listed(m.table, sheetRef(m.sheet, m.address)) }), remove));
  }
}

let selection: Selection | undefined;
export const currentSelection = (): Selection | undefined => selection;

/** ReserveLines has three columns per Reserve year: the years come from the settings sheet, read with the selection. */
const noReserveYears = (table: MappableTable, sel: Selection) => table === 'ReserveLines' && sel.reserveYears.length === 0;
const NO_YEARS = MAP.noYears(SETTINGS_SHEET);

export function renderColumnSelects(table: MappableTable, sel: Selection, current?: Record<string, number>): void {
  const columns = mappableColumns(table, sel.reserveYears);
  const guess = current ?? guessMapping({ columns }, sel.headers);
  const labels = rangeColumns(sel.headers, rangeBounds(sel.address).c0);
  const box = $('map-columns');
  box.replaceChildren();
  if (table === 'ReserveLines') {
    const hint = el('p', { className: 'hint', text: noReserveYears(table, sel) ? NO_YEARS : MAP.years(SETTINGS_SHEET, sel.reserveYears) });
    hint.id = 'map-years';
    box.appendChild(hint);
  }
  columns.forEach((col, i) => {
    const id = `map-col-${i}`;
    const label = el('label', { text: col });
    label.htmlFor = id;
    if (!requiredColumns(table, columns).includes(col)) label.appendChild(el('span', { text: MAP.optional, className: 'req' }));
    const select = el('select');
    select.id = id;
    select.dataset.column = col;
    const none = el('option', { text: MAP.notMapped });
    none.value = '';
    select.appendChild(none);
    labels.forEach((text, k) => {
      const o = el('option', { text });
      o.value = String(k);
      select.appendChild(o);
    });
    select.value = guess[col] === undefined ? '' : String(guess[col]);
    box.appendChild(el('div', { className: 'field' }, label, select));
  });
}

export function mapRange(): void {
  void runTask(TASK.map, async (task) => {
    task.step(1, 1, STEP.readSelection);
    const sel = await task.race(runExcel((context) => readSelection(context, SETTINGS_SHEET), { what: 'reading the selection' }));
    if (sel.rows < 2) return () => say(MAP.selectFirst, 'warning');
    selection = sel;
    return () => {
      const table = $<HTMLSelectElement>('map-table').value as MappableTable;
      const existing = state.mappings.find((m) => m.table === table && m.sheet === sel.sheet && m.address === sel.address);
      const ref = sheetRef(sel.sheet, sel.address);
      const headerRow = rangeBounds(sel.address).r0 + 1;
      $('map-range-text').textContent = MAP.rangeText(ref, headerRow, sel.rows - 1);
      renderColumnSelects(table, sel, existing?.columns);
      $('map-form').hidden = false;
      say(MAP.chooseColumns(ref, headerRow, sel.rows - 1), 'info');
      return $('map-table');
    };
  });
}

/** Closes the form without saving (Cancel or Escape). */
export function cancelMapping(): void {
  $('map-form').hidden = true;
  say(MAP.notSaved, 'info');
  $('map-range').focus();
}

export function saveMapping(): void {
  if (!selection) return;
  const table = $<HTMLSelectElement>('map-table').value as MappableTable;
  if (noReserveYears(table, selection)) {
    say({ title: NO_YEARS, detail: '' }, 'error');
    $('map-table').focus();
    return;
  }
  const columns: Record<string, number> = {};
  for (const s of $('map-columns').querySelectorAll('select')) if (s.value !== '') columns[s.dataset.column!] = Number(s.value);
  const missing = requiredColumns(table, mappableColumns(table, selection.reserveYears)).filter((c) => columns[c] === undefined);
  if (missing.length) {
    say({ title: MAP.chooseFor(missing), detail: '' }, 'error');
    ($('map-columns').querySelector(`select[data-column="${missing[0]}"]`) as HTMLSelectElement | null)?.focus();
    return;
  }
  const m: RangeMapping = { table, sheet: selection.sheet, address: selection.address, columns };
  state.mappings = [...state.mappings.filter((x) => x.table !== table), m];
  $('map-form').hidden = true;
  showMappings();
  void saveMappings().then((kept) => {
    if (kept) say(MAP.saved(table, sheetRef(m.sheet, m.address)), 'success');
    focusOutcome();
  });
}
