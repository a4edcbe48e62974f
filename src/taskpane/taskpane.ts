/// <reference types="office-js" />
// The task pane: buttons, settings, progress and findings. Thin: the engine runs in a worker
// (engine-client.ts), the workbook is read and written by src/excel. Cell text only ever reaches the
// page through textContent, never as HTML. The sections: messages.ts (every sentence), ui.ts (the
// message bar, tasks, results), findings.ts, settings-store.ts, mapping-form.ts, actions.ts; this
// file applies the theme and wires the page.
import type { MappableTable } from '../format/mapping';
import { audit, build, copyReport, INPUT_SHEETS, insertTemplates, setFirstRun, workbookHasInputs } from './actions';
import { cancelMapping, currentSelection, loadMappings, mapRange, renderColumnSelects, saveMapping, showMappings } from './mapping-form';
import { NOT_IN_EXCEL, SETTINGS } from './messages';
import { wireReportAudit } from './report-audit';
import { DEFAULT_SETTINGS, type Scope } from './settings';
import { differences, fillSettingsForm, loadSettings, readSettingsForm, saveSettings, showFieldErrors, state, validateSettings } from './settings-store';
import { $, cancelTask, clearResults, enableActions, focusOutcome, pane, say } from './ui';

// ---------- theme ----------

/** Office's theme: its body and control colours, and our dark palette when its background is dark. */
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
  const dark = !!t.bodyBackgroundColor && /^#[0-9a-f]{6}$/i.test(t.bodyBackgroundColor) && luminance(t.bodyBackgroundColor) < 0.2;
  document.documentElement.classList.toggle('dark', dark);
}

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// ---------- settings ----------

function wireSettings(): void {
  const { settings, offer } = loadSettings();
  state.settings = settings;
  fillSettingsForm(settings);
  if (offer) {
    $('settings-offer-text').textContent = SETTINGS.offer(differences(offer, settings).join('; '));
    $('settings-offer').hidden = false;
    $('offer-use').addEventListener('click', () => {
      state.settings = offer;
      fillSettingsForm(offer);
      $('settings-offer').hidden = true;
      void saveSettings(offer).then((kept) => {
        say(kept ? SETTINGS.offerUsed : SETTINGS.savedHereOnly, kept ? 'success' : 'warning');
        focusOutcome();
      });
    });
    $('offer-dismiss').addEventListener('click', () => {
      $('settings-offer').hidden = true;
      say(SETTINGS.offerDeclined, 'info');
      focusOutcome();
    });
  }
  $('settings-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const s = readSettingsForm();
    const errors = validateSettings(s, INPUT_SHEETS);
    showFieldErrors(errors);
    if (errors.length) {
      say(SETTINGS.invalid(errors.length), 'error');
      return;
    }
    state.settings = s;
    void saveSettings(s).then((kept) => {
      say(kept ? SETTINGS.saved : SETTINGS.savedHereOnly, kept ? 'success' : 'warning');
      focusOutcome();
    });
  });
  $('reset-settings').addEventListener('click', () => {
    state.settings = { ...DEFAULT_SETTINGS, sheetNames: { ...DEFAULT_SETTINGS.sheetNames } };
    fillSettingsForm(state.settings);
    void saveSettings(state.settings).then((kept) => {
      say(kept ? SETTINGS.defaults : SETTINGS.savedHereOnly, kept ? 'success' : 'warning');
      focusOutcome();
    });
  });
  // Escape closes Settings, back on its summary.
  $('settings').addEventListener('keydown', (e) => {
    const d = $<HTMLDetailsElement>('settings');
    if (e.key === 'Escape' && d.open) {
      e.preventDefault();
      d.open = false;
      $('settings-summary').focus();
    }
  });
}

// ---------- start ----------

async function start(): Promise<void> {
  applyTheme();
  wireSettings();
  loadMappings();
  showMappings();
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
  $('cancel-mapping').addEventListener('click', () => cancelMapping());
  $('map-form').addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      cancelMapping();
    }
  });
  $('build').addEventListener('click', () => build($<HTMLSelectElement>('scope').value as Scope));
  $('copy-report').addEventListener('click', () => copyReport($<HTMLSelectElement>('report-table').value as Exclude<Scope, 'all'>));
  $('audit-selection').addEventListener('click', () => audit('selection'));
  $('audit-sheet').addEventListener('click', () => audit('sheet'));
  wireReportAudit();
  $('cancel').addEventListener('click', () => cancelTask());
  $('close-results').addEventListener('click', () => {
    clearResults();
    // Back to the commands: the message may be empty (hidden), so focus goes to Build.
    $('build').focus();
  });
  // First run: no input sheet and no mapped range (when Excel cannot say, not a first run).
  const first = !state.mappings.length && !(await workbookHasInputs().catch(() => true));
  setFirstRun(first);
  enableActions();
  say({ title: '', detail: '' });
  document.body.dataset.ready = 'true';
  (first ? $('insert-templates') : $('build')).focus();
}

if (typeof Office === 'undefined') {
  document.addEventListener('DOMContentLoaded', () => {
    $('not-in-excel').textContent = NOT_IN_EXCEL;
    $('not-in-excel').hidden = false;
  });
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) void start();
    else {
      $('not-in-excel').textContent = NOT_IN_EXCEL;
      $('not-in-excel').hidden = false;
    }
  });
}
