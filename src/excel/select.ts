/// <reference types="office-js" />
// Selects a finding's cell: one request.

/** "'Table 1 Revenue'!E30" → { sheet: 'Table 1 Revenue', address: 'E30' } */
export function splitSheetRef(ref: string): { sheet: string; address: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref);
  if (!m) throw new Error(`not a Sheet!A1 reference: ${ref}`);
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), address: m[3] };
}

export async function selectCell(context: Excel.RequestContext, ref: string): Promise<void> {
  const { sheet, address } = splitSheetRef(ref);
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}
