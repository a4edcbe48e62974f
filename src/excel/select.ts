/// <reference types="office-js" />
// "Go to" a finding's cell. Excel refuses to activate a hidden sheet or select on it, so the sheet's
// visibility is read first (with Outturn's mark): Outturn's own sheet, hidden by the user, is shown
// again; a hidden sheet of the user's is left hidden and the pane says how to show it.
import { OWNER_NAME } from './ownership';

/** "'Table 1 Revenue'!E30" → { sheet: 'Table 1 Revenue', address: 'E30' } */
export function splitSheetRef(ref: string): { sheet: string; address: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref);
  if (!m) throw new Error(`not a Sheet!A1 reference: ${ref}`);
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), address: m[3] };
}

/** The cell is on a sheet of the user's that is hidden: nothing was changed. */
export class HiddenSheet extends Error {
  constructor(readonly sheet: string, readonly veryHidden: boolean) {
    super(veryHidden
      ? `"${sheet}" is a very hidden sheet (only a macro or an add-in can show it), so Outturn cannot go to the cell. Nothing was changed.`
      : `"${sheet}" is a hidden sheet: show it (right-click a sheet tab, Unhide…) and try again. Nothing was changed.`);
    this.name = 'HiddenSheet';
  }
}

/** Two syncs: the sheet's visibility and mark, then activate and select (showing Outturn's own sheet). */
export async function selectCell(context: Excel.RequestContext, ref: string): Promise<void> {
  const { sheet, address } = splitSheetRef(ref);
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.load('visibility');
  const mark = ws.names.getItemOrNullObject(OWNER_NAME);
  mark.load('formula');
  await context.sync();
  if (ws.visibility !== 'Visible') {
    if (mark.isNullObject) throw new HiddenSheet(sheet, ws.visibility === 'VeryHidden');
    ws.visibility = 'Visible';
  }
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}
