/// <reference types="office-js" />
// Settings: kept with the workbook when Office allows, else in this browser.
import { saveDocumentSettings, type SaveOutcome } from '../excel/document-settings';
import type { RangeMapping } from '../format/mapping';
import { type BuildSettings, DEFAULT_SETTINGS, type SheetKey } from './settings';
import { $ } from './ui';


const SETTINGS_KEY = 'outturn.settings';

export function loadSettings(): BuildSettings {
  let raw: unknown;
  try {
    raw = Office.context?.document?.settings?.get(SETTINGS_KEY) ?? JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null');
  } catch {
    raw = null;
  }
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<BuildSettings>;
  return { ...DEFAULT_SETTINGS, ...s, sheetNames: { ...DEFAULT_SETTINGS.sheetNames, ...(s.sheetNames ?? {}) } };
}

/** Saves the settings with the workbook (and in this browser); the outcome says truthfully whether Excel kept them. */
export async function saveSettings(s: BuildSettings): Promise<SaveOutcome> {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
  } catch {
    // private mode: the document settings still keep them
  }
  return saveDocumentSettings(Office.context?.document?.settings, { [SETTINGS_KEY]: s });
}

export const KEYS: SheetKey[] = ['revenue', 'capital', 'reserves', 'checks'];

export function fillSettingsForm(s: BuildSettings): void {
  $<HTMLSelectElement>('rounding').value = s.rounding;
  $<HTMLInputElement>('band-min').value = s.bandMin ?? '';
  $<HTMLInputElement>('band-max').value = s.bandMax ?? '';
  for (const k of KEYS) $<HTMLInputElement>(`name-${k}`).value = s.sheetNames[k];
}

export function readSettingsForm(): BuildSettings {
  const band = (id: string) => $<HTMLInputElement>(id).value.trim().replace(/%$/, '').trim() || undefined;
  return {
    rounding: $<HTMLSelectElement>('rounding').value as BuildSettings['rounding'],
    bandMin: band('band-min'),
    bandMax: band('band-max'),
    sheetNames: Object.fromEntries(KEYS.map((k) => [k, $<HTMLInputElement>(`name-${k}`).value.trim() || DEFAULT_SETTINGS.sheetNames[k]])) as Record<SheetKey, string>,
  };
}

/** The settings in force, and the mapped ranges (kept with the workbook only). */
export const state: { settings: BuildSettings; mappings: RangeMapping[] } = { settings: DEFAULT_SETTINGS, mappings: [] };
