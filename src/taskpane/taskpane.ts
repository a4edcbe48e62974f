/// <reference types="office-js" />
// The task pane: buttons, settings, progress and findings. Thin: the engine runs in a worker,
// the workbook is read and written by src/excel. Cell text only ever reaches the page through
// textContent, never as HTML.
import { readAuditGrid } from '../excel/audit-read';
import { buildInWorkbook, type FlowOutcome } from '../excel/flow';
import { selectCell, splitSheetRef } from '../excel/select';
import { readSelection, type Selection } from '../excel/selection';
import { guessMapping, mappableColumns, type MappableTable, parseMappings, rangeColumns, rangeBounds, type RangeMapping, requiredColumns, SETTINGS_SHEET } from '../format/mapping';
import { sheetRef } from '../plan/a1';
import type { DisplayCell } from '../excel/report';
import type { InputError } from '../format/errors';
import type { SheetPlan } from '../plan/plan';
import type { WorkerMessage, WorkerRequest, WorkerResponse } from './protocol';
import { type BuildSettings, DEFAULT_SETTINGS, reportName, type Scope, type SheetKey } from './settings';

// ---------- the engine worker ----------

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function engine<K extends WorkerRequest['kind']>(req: Extract<WorkerRequest, { kind: K }>): Promise<WorkerResponse[K]> {
  if (!worker) {
    worker = new Worker('engine.worker.js');
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const w = waiting.get(e.data.id);
      if (!w) return;
      waiting.delete(e.data.id);
      if (e.data.ok) w.resolve(e.data.result);
      else w.reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      for (const w of waiting.values()) w.reject(new Error(`the engine stopped: ${e.message}`));
      waiting.clear();
      worker = undefined;
    };
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
    worker!.postMessage({ id, req });
  });
}

let inputSheetList: string[] | undefined;
/** The input template sheets a build reads, as the engine knows them. */
async function inputSheets(): Promise<string[]> {
  inputSheetList ??= (await engine({ kind: 'info' })).inputSheets;
  return inputSheetList;
}

// ---------- page helpers ----------

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: { text?: string; className?: string } = {}, ...children: Node[]) => {
  const e = document.createElement(tag);
  if (props.text !== undefined) e.textContent = props.text;
  if (props.className) e.className = props.className;
  for (const c of children) e.appendChild(c);
  return e;
};
const ACTION_BUTTONS = ['insert-templates', 'load-example', 'map-range', 'build', 'copy-report', 'audit-selection', 'audit-sheet'];
let auditAvailable = true;

function setStatus(text: string, kind: 'ok' | 'error' = 'ok'): void {
  const s = $('status');
  s.textContent = text;
  s.className = kind === 'error' ? 'status error' : 'status';
}

let busyNow = false;
async function busy(label: string, work: () => Promise<void>): Promise<void> {
  if (busyNow) return;
  busyNow = true;
  for (const id of ACTION_BUTTONS) $<HTMLButtonElement>(id).disabled = true;
  $('progress').hidden = false;
  document.body.setAttribute('aria-busy', 'true');
  setStatus(label);
  try {
    await work();
  } catch (e) {
    setStatus(`Something went wrong: ${e instanceof Error ? e.message : String(e)}. Nothing further was written.`, 'error');
  } finally {
    busyNow = false;
    $('progress').hidden = true;
    document.body.removeAttribute('aria-busy');
    enableActions();
  }
}

function enableActions(): void {
  for (const id of ACTION_BUTTONS) $<HTMLButtonElement>(id).disabled = false;
  if (!auditAvailable) {
    for (const id of ['audit-selection', 'audit-sheet']) $<HTMLButtonElement>(id).disabled = true;
  }
}

function clearResults(): void {
  for (const id of ['actions', 'narrative', 'findings']) $(id).replaceChildren();
  $('results').hidden = true;
}

function showResults(): void {
  $('results').hidden = false;
  $('h-results').focus();
}

/** A button that selects a cell of the workbook. */
function goTo(ref: string): HTMLButtonElement {
  const b = el('button', { text: `Go to ${ref}`, className: 'go' });
  b.type = 'button';
  b.addEventListener('click', () => {
    void Excel.run((context) => selectCell(context, ref)).catch((e: Error) => setStatus(`Cannot select ${ref}: ${e.message}`, 'error'));
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

function listFinding(severity: string, message: string, detail: string | undefined, ref: string | undefined): void {
  const li = el('li', {}, el('span', { text: severity, className: `badge ${severity}` }), document.createTextNode(message));
  if (detail) li.appendChild(el('div', { text: detail, className: 'detail' }));
  if (isSheetRef(ref)) li.appendChild(goTo(ref));
  else if (ref) li.appendChild(el('div', { text: ref, className: 'detail' }));
  $('findings').appendChild(li);
}

/** Input errors or notes, each at its place, with a link when the place is a cell. */
function listInput(severity: 'error' | 'note', items: InputError[]): void {
  for (const e of items) {
    const m = /^('(?:[^']|'')+'|[^'!\s]+)![A-Z]+[0-9]+/.exec(e.where);
    listFinding(severity, `${e.where}: ${e.message}`, undefined, m ? m[0] : undefined);
  }
}

function listInputErrors(errors: InputError[], intro: string, notes: InputError[] = []): void {
  clearResults();
  setStatus(intro, 'error');
  listInput('error', errors);
  listInput('note', notes);
  showResults();
}

// ---------- settings (kept with the workbook when Office allows, else in this browser) ----------

const SETTINGS_KEY = 'outturn.settings';

function loadSettings(): BuildSettings {
  let raw: unknown;
  try {
    raw = Office.context?.document?.settings?.get(SETTINGS_KEY) ?? JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null');
  } catch {
    raw = null;
  }
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<BuildSettings>;
  return { ...DEFAULT_SETTINGS, ...s, sheetNames: { ...DEFAULT_SETTINGS.sheetNames, ...(s.sheetNames ?? {}) } };
}

async function saveSettings(s: BuildSettings): Promise<void> {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
  } catch {
    // private mode: the document settings still keep them
  }
  const doc = Office.context?.document?.settings;
  if (doc) {
    doc.set(SETTINGS_KEY, s);
    await new Promise<void>((resolve) => doc.saveAsync(() => resolve()));
  }
}

const KEYS: SheetKey[] = ['revenue', 'capital', 'reserves', 'checks'];

function fillSettingsForm(s: BuildSettings): void {
  $<HTMLSelectElement>('rounding').value = s.rounding;
  $<HTMLInputElement>('band-min').value = s.bandMin ?? '';
  $<HTMLInputElement>('band-max').value = s.bandMax ?? '';
  for (const k of KEYS) $<HTMLInputElement>(`name-${k}`).value = s.sheetNames[k];
}

function readSettingsForm(): BuildSettings {
  const band = (id: string) => $<HTMLInputElement>(id).value.trim().replace(/%$/, '').trim() || undefined;
  return {
    rounding: $<HTMLSelectElement>('rounding').value as BuildSettings['rounding'],
    bandMin: band('band-min'),
    bandMax: band('band-max'),
    sheetNames: Object.fromEntries(KEYS.map((k) => [k, $<HTMLInputElement>(`name-${k}`).value.trim() || DEFAULT_SETTINGS.sheetNames[k]])) as Record<SheetKey, string>,
  };
}

let settings: BuildSettings = DEFAULT_SETTINGS;

// ---------- mapped ranges (kept with the workbook only: a mapping names this workbook's cells) ----------

const MAPPINGS_KEY = 'outturn.mappings';
let mappings: RangeMapping[] = [];

function loadMappings(): void {
  try {
    mappings = parseMappings(Office.context?.document?.settings?.get(MAPPINGS_KEY));
  } catch {
    mappings = [];
  }
}

async function saveMappings(): Promise<void> {
  const doc = Office.context?.document?.settings;
  if (!doc) return;
  doc.set(MAPPINGS_KEY, mappings);
  await new Promise<void>((resolve) => doc.saveAsync(() => resolve()));
}

/** What a build sends the engine, and the sheets it reads: the input templates and every mapped sheet. */
const buildSettings = (): BuildSettings => ({ ...settings, mappings });
const withMapped = (names: string[]) => [...new Map([...names, ...mappings.map((m) => m.sheet)].map((n) => [n.toLowerCase(), n])).values()];

function showMappings(): void {
  const list = $('mappings');
  list.replaceChildren();
  for (const m of mappings) {
    const remove = el('button', { text: 'Remove', className: 'secondary' });
    remove.type = 'button';
    remove.setAttribute('aria-label', `Remove the mapping of ${m.table}`);
    remove.addEventListener('click', () => {
      mappings = mappings.filter((x) => x !== m);
      showMappings();
      void saveMappings().then(() => setStatus(`${m.table} is read from its template table again.`));
    });
    list.appendChild(el('li', {}, el('span', { text: `${m.table} is read from ${sheetRef(m.sheet, m.address)}.` }), remove));
  }
}

let selection: Selection | undefined;

/** ReserveLines has three columns per Reserve year: the years come from the settings sheet, read with the selection. */
const noReserveYears = (table: MappableTable, sel: Selection) => table === 'ReserveLines' && sel.reserveYears.length === 0;
const NO_YEARS = `Reserve years is not set on the "${SETTINGS_SHEET}" sheet: set it (e.g. 2020/21, 2021/22), then Map a range again. The form lists Movement, Transfers and Capital for each year.`;

function renderColumnSelects(table: MappableTable, sel: Selection, current?: Record<string, number>): void {
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

function mapRange(): void {
  void busy('Reading the selection…', async () => {
    const sel = await Excel.run((context) => readSelection(context, SETTINGS_SHEET));
    if (sel.rows < 2) {
      setStatus('Select your range first: its header row and the lines below it, then Map a range.', 'error');
      return;
    }
    selection = sel;
    const table = $<HTMLSelectElement>('map-table').value as MappableTable;
    const existing = mappings.find((m) => m.table === table && m.sheet === sel.sheet && m.address === sel.address);
    $('map-range-text').textContent = `${sheetRef(sel.sheet, sel.address)}: row ${rangeBounds(sel.address).r0 + 1} holds the headers, ${sel.rows - 1} row${sel.rows === 2 ? '' : 's'} below. Outturn only reads it.`;
    renderColumnSelects(table, sel, existing?.columns);
    $('map-form').hidden = false;
    setStatus('Choose the column of your range for each column of the input table.');
    $('map-table').focus();
  });
}

function saveMapping(): void {
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
  mappings = [...mappings.filter((x) => x.table !== table), m];
  $('map-form').hidden = true;
  showMappings();
  void saveMappings().then(() => setStatus(`Saved with the workbook: ${table} is read from ${sheetRef(m.sheet, m.address)}. Next: Build.`));
  $('build').focus();
}

// ---------- actions ----------

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

function insertTemplates(example: boolean, replace = false): void {
  void busy(example ? 'Preparing the worked example…' : 'Preparing the input templates…', async () => {
    const { sheets } = await engine({ kind: 'templates', example });
    const out = await Excel.run((context) => buildInWorkbook(context, sheets.map((s) => s.name), async () => ({ ok: true as const, plan: { sheets } }), {
      replaceOwned: replace,
      onProgress: setStatus,
    }));
    if (explainRefusal(out, (r) => insertTemplates(example, r))) return;
    if (out.kind !== 'done') return;
    clearResults();
    setStatus(`${example ? 'The worked example is loaded' : 'The input templates are inserted'}: ${describeWrite(out)} Next: Build.`);
  });
}

function build(scope: Scope): void {
  void busy('Building…', async () => {
    const names = scope === 'all' ? KEYS.map((k) => settings.sheetNames[k]) : [settings.sheetNames[scope]];
    const inputNames = await inputSheets();
    const out = await Excel.run((context) => buildInWorkbook(context, names, (inputs) => engine({ kind: 'build', sheets: inputs, settings: buildSettings(), scope }), { onProgress: setStatus, inputNames: withMapped(inputNames), readOnly: mappings.map((m) => m.sheet) }));
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
  const names = { ...settings.sheetNames };
  for (const k of KEYS) if (suggestions[names[k]]) names[k] = suggestions[names[k]];
  settings = { ...settings, sheetNames: names };
  fillSettingsForm(settings);
  void saveSettings(settings).then(() => build(scope));
}

function copyReport(table: Exclude<Scope, 'all'>): void {
  void busy('Making the report copy…', async () => {
    const name = reportName(settings.sheetNames[table]);
    const inputNames = await inputSheets();
    let rows: DisplayCell[][] = [];
    const out = await Excel.run((context) => buildInWorkbook(context, [name], async (inputs) => {
      const r = await engine({ kind: 'report', sheets: inputs, settings: buildSettings(), table });
      if (!r.ok) return r;
      rows = r.report.rows;
      return { ok: true as const, plan: { sheets: [r.report.sheet] as SheetPlan[] } };
    }, { onProgress: setStatus, inputNames: withMapped(inputNames), readOnly: mappings.map((m) => m.sheet) }));
    if (out.kind === 'errors') {
      listInputErrors(out.errors, 'Nothing was written: the input has problems.', out.notes);
      return;
    }
    if (explainRefusal(out, () => copyReport(table))) return;
    if (out.kind !== 'done') return;
    const copied = await copyTable(rows);
    clearResults();
    setStatus(`"${name}" holds a values-only copy of the table. ${copied ? 'The table is on the clipboard: paste it into Word.' : 'The clipboard was not available here: copy the cells from the sheet instead.'}`);
  });
}

/** The table as HTML (built from text nodes) and as tab-separated text, on the clipboard. */
async function copyTable(rows: DisplayCell[][]): Promise<boolean> {
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
  const html = table.outerHTML;
  const tsv = rows.map((r) => r.map((c) => c.text).join('\t')).join('\n');
  try {
    if (navigator.clipboard && typeof ClipboardItem !== 'undefined') {
      await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([tsv], { type: 'text/plain' }) })]);
      return true;
    }
  } catch {
    // Office's web view may refuse the async clipboard: fall back to a selection and copy.
  }
  const holder = el('div', { className: 'visually-hidden' }, table);
  holder.contentEditable = 'true';
  document.body.appendChild(holder);
  const range = document.createRange();
  range.selectNodeContents(holder);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  try {
    return document.execCommand('copy');
  } finally {
    sel?.removeAllRanges();
    holder.remove();
  }
}

function audit(what: 'selection' | 'sheet'): void {
  void busy(`Auditing the ${what}…`, async () => {
    const bold = Office.context?.requirements?.isSetSupported?.('ExcelApi', '1.9') ?? false;
    const grid = await Excel.run((context) => readAuditGrid(context, what, bold));
    if (!grid) {
      clearResults();
      setStatus('The sheet is empty: nothing to audit.', 'error');
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

// ---------- theme and start ----------

function applyTheme(): void {
  const t = Office.context?.officeTheme;
  if (!t) return;
  const root = document.documentElement.style;
  const set = (v: string, c: string | undefined) => {
    if (c && /^#[0-9a-f]{6}$/i.test(c)) root.setProperty(v, c);
  };
  set('--bg', t.bodyBackgroundColor);
  set('--fg', t.bodyForegroundColor);
  set('--control-bg', t.controlBackgroundColor);
  set('--control-fg', t.controlForegroundColor);
  // A dark theme needs light focus rings and lighter greys.
  const dark = t.bodyBackgroundColor && Number.parseInt(t.bodyBackgroundColor.slice(1, 3), 16) < 0x80;
  if (dark) {
    root.setProperty('--focus', '#ffffff');
    root.setProperty('--muted', '#c8c8c8');
    root.setProperty('--subtle', '#3d3d3d');
    root.setProperty('--stroke', '#666666');
    root.setProperty('--info-bg', '#1b3a57');
    root.setProperty('--warn-bg', '#4a2a14');
    root.setProperty('--link', '#62abf5');
    root.setProperty('--note', '#6e6e6e');
  }
}

function start(): void {
  settings = loadSettings();
  fillSettingsForm(settings);
  loadMappings();
  showMappings();
  applyTheme();
  auditAvailable = true;
  $('insert-templates').addEventListener('click', () => insertTemplates(false));
  $('load-example').addEventListener('click', () => insertTemplates(true));
  $('map-range').addEventListener('click', () => mapRange());
  $('map-table').addEventListener('change', () => selection && renderColumnSelects($<HTMLSelectElement>('map-table').value as MappableTable, selection));
  $('map-form').addEventListener('submit', (e) => {
    e.preventDefault();
    saveMapping();
  });
  $('cancel-mapping').addEventListener('click', () => {
    $('map-form').hidden = true;
    setStatus('No mapping saved.');
    $('map-range').focus();
  });
  $('build').addEventListener('click', () => build($<HTMLSelectElement>('scope').value as Scope));
  $('copy-report').addEventListener('click', () => copyReport($<HTMLSelectElement>('report-table').value as Exclude<Scope, 'all'>));
  $('audit-selection').addEventListener('click', () => audit('selection'));
  $('audit-sheet').addEventListener('click', () => audit('sheet'));
  $('settings-form').addEventListener('submit', (e) => {
    e.preventDefault();
    settings = readSettingsForm();
    void saveSettings(settings).then(() => setStatus('Settings saved.'));
  });
  $('reset-settings').addEventListener('click', () => {
    settings = { ...DEFAULT_SETTINGS, sheetNames: { ...DEFAULT_SETTINGS.sheetNames } };
    fillSettingsForm(settings);
    void saveSettings(settings).then(() => setStatus('Settings set back to the defaults.'));
  });
  enableActions();
  setStatus('Ready.');
}

if (typeof Office === 'undefined') {
  document.addEventListener('DOMContentLoaded', () => {
    $('not-in-excel').hidden = false;
  });
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) start();
    else $('not-in-excel').hidden = false;
  });
}
