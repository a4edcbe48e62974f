/// <reference types="office-js" />
// Saving the add-in's settings (Office.context.document.settings) truthfully. `saveAsync` can
// fail (a read-only or co-authored workbook, a lost connection on the web), and a success only
// puts the settings into the open workbook: they reach the file when the user saves the workbook.
// Before issue #12 the pane said "Settings saved." whatever happened.

export type SaveOutcome = { ok: true } | { ok: false; message: string };

/** What the pane says after a save. */
export const SAVED_IN_WORKBOOK = 'kept with this workbook; they are in the file once you save the workbook';

/**
 * Sets `values` (key → JSON-able value) and saves. `settings`: Office.context.document.settings,
 * or undefined outside Office (then nothing is kept with a workbook, and the outcome says so).
 */
export async function saveDocumentSettings(settings: Office.Settings | undefined, values: Record<string, unknown>): Promise<SaveOutcome> {
  if (!settings) return { ok: false, message: 'there is no workbook to keep them with here (Office is not loaded)' };
  try {
    for (const [k, v] of Object.entries(values)) settings.set(k, v);
  } catch (e) {
    return { ok: false, message: `Office refused them (${e instanceof Error ? e.message : String(e)})` };
  }
  return new Promise<SaveOutcome>((resolve) => {
    try {
      settings.saveAsync((result?: Office.AsyncResult<void>) => {
        if (result && String(result.status) === 'failed') {
          const err = result.error;
          resolve({ ok: false, message: `Excel could not save them${err ? ` (${err.name ? `${err.name}: ` : ''}${err.message})` : ''}; they apply until the pane is closed` });
        } else resolve({ ok: true });
      });
    } catch (e) {
      resolve({ ok: false, message: `Excel could not save them (${e instanceof Error ? e.message : String(e)}); they apply until the pane is closed` });
    }
  });
}
