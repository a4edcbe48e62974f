/// <reference types="office-js" />
// Mapped ranges: the user's own range read as an input table (kept with the workbook only: a
// mapping names this workbook's cells).
import { SAVED_IN_WORKBOOK, saveDocumentSettings, type SaveOutcome } from '../excel/document-settings';
import { runExcel } from '../excel/run';
import { readSelection, type Selection } from '../excel/selection';
import { guessMapping, mappableColumns, type MappableTable, parseMappings, rangeColumns, rangeBounds, type RangeMapping, requiredColumns, SETTINGS_SHEET } from '../format/mapping';
import { sheetRef } from '../base/a1';
import type { BuildSettings } from './settings';
import { state } from './settings-store';
import { $, busy, el, setStatus } from './ui';


const MAPPINGS_KEY = 'outturn.mappings';

export function loadMappings(): void {
  try {
    state.mappings = parseMappings(Office.context?.document?.settings?.get(MAPPINGS_KEY));
  } catch {
    state.mappings = [];
  }
}

/** Saves the mappings with the workbook; says truthfully whether Excel kept them. */
async function saveMappings(): Promise<SaveOutcome> {
  return saveDocumentSettings(Office.context?.document?.settings, { [MAPPINGS_KEY]: state.mappings });
}
const saved = (o: SaveOutcome, what: string) => (o.ok ? setStatus(`Saved with the workbook: ${what} (The mappings are ${SAVED_IN_WORKBOOK}.)`) : setStatus(`Not saved: ${o.message}. ${what}`, 'error'));

/** What a build sends the engine, and the sheets it reads: the input templates and every mapped sheet. */
export const buildSettings = (): BuildSettings => ({ ...state.settings, mappings: state.mappings });
export const withMapped = (names: string[]) => [...new Map([...names, ...state.mappings.map((m) => m.sheet)].map((n) => [n.toLowerCase(), n])).values()];

export function showMappings(): void {
  const list = $('mappings');
  list.replaceChildren();
  for (const m of state.mappings) {
    const remove = el('button', { text: 'Remove', className: 'secondary' });
    remove.type = 'button';
    remove.setAttribute('aria-label', `Remove the mapping of ${m.table}`);
    remove.addEventListener('click', () => {
      state.mappings = state.mappings.filter((x) => x !== m);
      showMappings();
      void saveMappings().then((o) => (o.ok ? setStatus(`${m.table} is read from its template table again.`) : saved(o, `${m.table} is read from its template table again.`)));
    });
    list.appendChild(el('li', {}, el('span', { text: `${m.table} is read from ${sheetRef(m.sheet, m.address)}.` }), remove));
  }
}

let selection: Selection | undefined;
export const currentSelection = (): Selection | undefined => selection;

/** ReserveLines has three columns per Reserve year: the years come from the settings sheet, read with the selection. */
const noReserveYears = (table: MappableTable, sel: Selection) => table === 'ReserveLines' && sel.reserveYears.length === 0;
const NO_YEARS = `Reserve years is not set on the "${SETTINGS_SHEET}" sheet: set it (e.g. 2020/21, 2021/22), then Map a range again. The form lists Movement, Transfers and Capital for each year.`;

export function renderColumnSelects(table: MappableTable, sel: Selection, current?: Record<string, number>): void {
  const columns = mappableColumns(table, sel.reserveYears);
  const guess = current ?? guessMapping({ columns }, sel.headers);
  const labels = rangeColumns(sel.headers, rangeBounds(sel.address).c0);
  const box = $('map-columns');
  box.replaceChildren();
  if (table === 'ReserveLines') {
    const hint = el('p', { className: 'hint', text: noReserveYears(table, sel) ? NO_YEARS : `Reserve years (from the "${SETTINGS_SHEET}" sheet): ${sel.reserveYears.join(', ')}; Movement, Transfers and Capital for each.` });
    hint.id = 'map-years';
    box.appendChild(hint);
  }
  columns.forEach((col, i) => {
    const id = `map-col-${i}`;
    const label = el('label', { text: col });
    label.htmlFor = id;
    if (!requiredColumns(table, columns).includes(col)) label.appendChild(el('span', { text: ' (optional)', className: 'req' }));
    const select = el('select');
    select.id = id;
    select.dataset.column = col;
    const none = el('option', { text: '(not mapped)' });
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
  void busy('Reading the selection…', async () => {
    const sel = await runExcel((context) => readSelection(context, SETTINGS_SHEET), { what: 'reading the selection' });
    if (sel.rows < 2) {
      setStatus('Select your range first: its header row and the lines below it, then Map a range.', 'error');
      return;
    }
    selection = sel;
    const table = $<HTMLSelectElement>('map-table').value as MappableTable;
    const existing = state.mappings.find((m) => m.table === table && m.sheet === sel.sheet && m.address === sel.address);
    $('map-range-text').textContent = `${sheetRef(sel.sheet, sel.address)}: row ${rangeBounds(sel.address).r0 + 1} holds the headers, ${sel.rows - 1} row${sel.rows === 2 ? '' : 's'} below. Outturn only reads it.`;
    renderColumnSelects(table, sel, existing?.columns);
    $('map-form').hidden = false;
    setStatus('Choose the column of your range for each column of the input table.');
    $('map-table').focus();
  });
}

export function saveMapping(): void {
  if (!selection) return;
  const table = $<HTMLSelectElement>('map-table').value as MappableTable;
  if (noReserveYears(table, selection)) {
    setStatus(NO_YEARS, 'error');
    $('map-table').focus();
    return;
  }
  const columns: Record<string, number> = {};
  for (const s of $('map-columns').querySelectorAll('select')) if (s.value !== '') columns[s.dataset.column!] = Number(s.value);
  const missing = requiredColumns(table, mappableColumns(table, selection.reserveYears)).filter((c) => columns[c] === undefined);
  if (missing.length) {
    setStatus(`Choose a column for ${missing.map((c) => `"${c}"`).join(', ')}.`, 'error');
    ($('map-columns').querySelector(`select[data-column="${missing[0]}"]`) as HTMLSelectElement | null)?.focus();
    return;
  }
  const m: RangeMapping = { table, sheet: selection.sheet, address: selection.address, columns };
  state.mappings = [...state.mappings.filter((x) => x.table !== table), m];
  $('map-form').hidden = true;
  showMappings();
  void saveMappings().then((o) => saved(o, `${table} is read from ${sheetRef(m.sheet, m.address)}. Next: Build.`));
  $('build').focus();
}
