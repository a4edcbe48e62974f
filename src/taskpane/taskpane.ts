/// <reference types="office-js" />
// The task pane: buttons, settings, progress and findings. Thin: the engine runs in a worker
// (engine-client.ts), the workbook is read and written by src/excel. Cell text only ever reaches the
// page through textContent, never as HTML. The sections: ui.ts (page helpers, status, results),
// settings-store.ts, mapping-form.ts, actions.ts; this file applies the theme and wires the page.
import type { MappableTable } from '../format/mapping';
import { audit, build, copyReport, insertTemplates } from './actions';
import { currentSelection, loadMappings, mapRange, renderColumnSelects, saveMapping, showMappings } from './mapping-form';
import { DEFAULT_SETTINGS, type Scope } from './settings';
import { SAVED_IN_WORKBOOK } from '../excel/document-settings';
import { fillSettingsForm, loadSettings, readSettingsForm, saveSettings, state } from './settings-store';
import { $, enableActions, pane, setStatus } from './ui';


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
  state.settings = loadSettings();
  fillSettingsForm(state.settings);
  loadMappings();
  showMappings();
  applyTheme();
  pane.auditAvailable = true;
  $('insert-templates').addEventListener('click', () => insertTemplates(false));
  $('load-example').addEventListener('click', () => insertTemplates(true));
  $('map-range').addEventListener('click', () => mapRange());
  $('map-table').addEventListener('change', () => {
    const sel = currentSelection();
    if (sel) renderColumnSelects($<HTMLSelectElement>('map-table').value as MappableTable, sel);
  });
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
    state.settings = readSettingsForm();
    void saveSettings(state.settings).then((o) => (o.ok ? setStatus(`Settings ${SAVED_IN_WORKBOOK}.`) : setStatus(`The settings apply now but were not saved: ${o.message}.`, 'error')));
  });
  $('reset-settings').addEventListener('click', () => {
    state.settings = { ...DEFAULT_SETTINGS, sheetNames: { ...DEFAULT_SETTINGS.sheetNames } };
    fillSettingsForm(state.settings);
    void saveSettings(state.settings).then((o) => (o.ok ? setStatus(`Settings set back to the defaults, ${SAVED_IN_WORKBOOK}.`) : setStatus(`Settings set back to the defaults, but not saved: ${o.message}.`, 'error')));
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
