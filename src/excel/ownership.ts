// How Outturn knows a sheet is its own: a hidden, sheet-scoped defined name on every sheet it
// creates. Names are part of the file (they survive save, reopen and Excel on the web), cost no
// cells, and need only ExcelApi 1.4. A sheet without the mark is the user's and is never touched.

export const OWNER_NAME = 'Outturn_Owned';
/** The mark's formula: a constant, so it never calculates and never breaks. */
export const OWNER_FORMULA = '="Created by the Outturn add-in; rebuilding replaces this sheet"';

/** What stands at a sheet name the add-in wants to write. */
export type TargetState = 'absent' | 'owned' | 'foreign';

export class SheetConflict extends Error {
  constructor(readonly sheets: string[]) {
    super(
      `${sheets.map((s) => `"${s}"`).join(', ')} ${sheets.length === 1 ? 'is a sheet' : 'are sheets'} that Outturn did not create; ` +
      'nothing was written. Rename or move your sheet, or choose other sheet names in the settings.',
    );
    this.name = 'SheetConflict';
  }
}

/** A sheet name the user could take instead of a conflicting one. */
export function alternativeName(name: string, taken: (n: string) => boolean): string {
  for (let i = 1; i < 100; i++) {
    const suffix = i === 1 ? ' (Outturn)' : ` (Outturn ${i})`;
    const candidate = `${name.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
  throw new Error(`no free sheet name near ${name}`);
}
