/// <reference types="office-js" />
// Settings belong to the workbook: kept in its Office document settings (key outturn.settings) and
// read from there only. The last settings saved on this computer are kept in the browser too, but a
// workbook without settings of its own uses the defaults: the browser's are offered, never applied
// silently (a band minimum or sheet names from another body's workbook change its findings).
import { saveDocumentSettings } from '../excel/document-settings';
import type { RangeMapping } from '../format/mapping';
import { SETTING_WORDS, SETTINGS } from './messages';
import { type BuildSettings, DEFAULT_SETTINGS, type SheetKey } from './settings';
import { $ } from './ui';

const SETTINGS_KEY = 'outturn.settings';
const LOCAL_KEY = 'outturn.settings';

export const KEYS: SheetKey[] = ['revenue', 'capital', 'reserves', 'checks'];
const LABELS: Record<SheetKey, string> = { revenue: 'Table 1', capital: 'Table 2', reserves: 'Table 3', checks: 'Checks' };

/** The settings in force, and the mapped ranges (kept with the workbook only). */
export const state: { settings: BuildSettings; mappings: RangeMapping[] } = { settings: DEFAULT_SETTINGS, mappings: [] };

const fresh = (): BuildSettings => ({ ...DEFAULT_SETTINGS, sheetNames: { ...DEFAULT_SETTINGS.sheetNames } });

function normalise(raw: unknown): BuildSettings | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const s = raw as Partial<BuildSettings>;
  const rounding = ['input', 'round-then-sum', 'round-each'].includes(s.rounding as string) ? s.rounding! : DEFAULT_SETTINGS.rounding;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const names = { ...DEFAULT_SETTINGS.sheetNames };
  for (const k of KEYS) names[k] = str(s.sheetNames?.[k]) ?? names[k];
  return { rounding, bandMin: str(s.bandMin), bandMax: str(s.bandMax), sheetNames: names };
}

/** This workbook's settings (the defaults when it has none), and the browser's when they differ: to offer. */
export function loadSettings(): { settings: BuildSettings; offer?: BuildSettings } {
  let own: BuildSettings | undefined;
  let local: BuildSettings | undefined;
  try {
    own = normalise(Office.context?.document?.settings?.get(SETTINGS_KEY));
  } catch {
    own = undefined;
  }
  try {
    local = normalise(JSON.parse(localStorage.getItem(LOCAL_KEY) ?? 'null'));
  } catch {
    local = undefined;
  }
  if (own) return { settings: own };
  const offer = local && differences(local, DEFAULT_SETTINGS).length ? local : undefined;
  return { settings: fresh(), offer };
}

/** How `s` differs from `base`, in the form's words ("general reserve band minimum 7%"). */
export function differences(s: BuildSettings, base: BuildSettings): string[] {
  const out: string[] = [];
  if (s.rounding !== base.rounding) out.push(`${SETTING_WORDS.rounding} “${s.rounding === 'round-each' ? 'round each figure' : s.rounding === 'round-then-sum' ? 'round each line' : 'as in the settings sheet'}”`);
  if ((s.bandMin ?? '') !== (base.bandMin ?? '')) out.push(`${SETTING_WORDS.bandMin} ${s.bandMin ?? 'blank'}%`);
  if ((s.bandMax ?? '') !== (base.bandMax ?? '')) out.push(`${SETTING_WORDS.bandMax} ${s.bandMax ?? 'blank'}%`);
  for (const k of KEYS) if (s.sheetNames[k] !== base.sheetNames[k]) out.push(`${SETTING_WORDS.sheet(LABELS[k])} “${s.sheetNames[k]}”`);
  return out;
}

/**
 * Saves with the workbook (Office document settings), and remembers them on this computer to offer
 * to other workbooks. Resolves true only when Office says the workbook kept them.
 */
export async function saveSettings(s: BuildSettings): Promise<boolean> {
  try {
    localStorage.setItem(LOCAL_KEY, JSON.stringify(s));
  } catch {
    // private mode: the workbook still keeps them
  }
  return (await saveDocumentSettings(Office.context?.document?.settings, { [SETTINGS_KEY]: s })).ok;
}

export function fillSettingsForm(s: BuildSettings): void {
  $<HTMLSelectElement>('rounding').value = s.rounding;
  $<HTMLInputElement>('band-min').value = s.bandMin ?? '';
  $<HTMLInputElement>('band-max').value = s.bandMax ?? '';
  for (const k of KEYS) $<HTMLInputElement>(`name-${k}`).value = s.sheetNames[k];
  showFieldErrors([]);
}

export function readSettingsForm(): BuildSettings {
  const band = (id: string) => $<HTMLInputElement>(id).value.trim().replace(/%$/, '').trim() || undefined;
  return {
    rounding: $<HTMLSelectElement>('rounding').value as BuildSettings['rounding'],
    bandMin: band('band-min'),
    bandMax: band('band-max'),
    sheetNames: Object.fromEntries(KEYS.map((k) => [k, $<HTMLInputElement>(`name-${k}`).value.trim()])) as Record<SheetKey, string>,
  };
}

export interface FieldError {
  /** the id of the form field */
  field: string;
  message: string;
}

/**
 * Checks the form's settings as Excel and the engine will: a band is a percentage 0–100 (minimum not
 * above maximum); a sheet name has 1–31 characters, none of \ / ? * [ ] :, no apostrophe at either
 * end, is not "History" (Excel keeps it), not an input sheet's name, and not another table's.
 */
export function validateSettings(s: BuildSettings, inputSheets: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  const pct = /^(100(\.0+)?|[0-9]{1,2}(\.[0-9]+)?)$/;
  for (const [field, label, v] of [['band-min', 'Minimum %', s.bandMin], ['band-max', 'Maximum %', s.bandMax]] as const) {
    if (v !== undefined && !pct.test(v)) errors.push({ field, message: SETTINGS.notPercent(label) });
  }
  if (!errors.length && s.bandMin && s.bandMax && Number(s.bandMin) > Number(s.bandMax)) errors.push({ field: 'band-min', message: SETTINGS.minAboveMax });
  const seen = new Map<string, SheetKey>();
  const inputs = new Set(inputSheets.map((n) => n.toLowerCase()));
  for (const k of KEYS) {
    const n = s.sheetNames[k];
    const field = `name-${k}`;
    if (!n || n.length > 31 || /[\\/?*[\]:]/.test(n) || /^'|'$/.test(n)) errors.push({ field, message: SETTINGS.badSheetName(LABELS[k]) });
    else if (n.toLowerCase() === 'history') errors.push({ field, message: SETTINGS.reservedName(LABELS[k], n) });
    else if (inputs.has(n.toLowerCase())) errors.push({ field, message: SETTINGS.inputSheetName(LABELS[k], n) });
    else if (seen.has(n.toLowerCase())) errors.push({ field, message: SETTINGS.sameName(LABELS[k], LABELS[seen.get(n.toLowerCase())!]) });
    seen.set(n.toLowerCase(), k);
  }
  return errors;
}

/** Marks each field in error (its message under it, aria-invalid, described by the message); clears the others. */
export function showFieldErrors(errors: readonly FieldError[]): void {
  for (const id of ['band-min', 'band-max', ...KEYS.map((k) => `name-${k}`)]) {
    const input = $<HTMLInputElement>(id);
    const msg = $(`${id}-error`);
    const e = errors.find((x) => x.field === id);
    msg.textContent = e?.message ?? '';
    msg.hidden = !e;
    if (e) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${id}-error`);
    } else {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
  }
  if (errors.length) $(errors[0].field).focus();
}
