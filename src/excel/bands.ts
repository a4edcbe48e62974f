/// <reference types="office-js" />
// Reads a block of a sheet in row bands, so no response passes Excel's limits: 5 MB per response
// on Excel on the web, 5,000,000 cells per read anywhere. Writes were already split (write.ts); a
// mapped range, a large input sheet (a 16,000-line ledger is about 5.6 MB of values) and an audited
// sheet were read in one response and failed. One band per sync at most CELLS_PER_BAND cells; a
// band Excel still refuses as too large is read again in halves (one more sync each).
import { excelErrorCode } from './run';

/** Cells per band: values and value types of 100,000 cells are about 2-3 MB of JSON for typical text. */
export const CELLS_PER_BAND = 100_000;

export interface Block {
  /** 0-based, inclusive */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface BandRead {
  values: unknown[][];
  valueTypes: string[][];
  /** bold per cell, when asked for (ExcelApi 1.9) */
  bold?: boolean[][];
  syncs: number;
}

const TOO_LARGE = new Set(['ResponsePayloadSizeLimitExceeded', 'InvalidOperation', 'GeneralException']);

/**
 * Values and value types of `block` on `sheet`, read in row bands of at most `cellsPerBand` cells
 * (ExcelApi 1.7 getRangeByIndexes). Rows come back in order, each `c1 - c0 + 1` long.
 */
export async function readInBands(
  context: Excel.RequestContext,
  sheet: string,
  block: Block,
  opts: { bold?: boolean; cellsPerBand?: number } = {},
): Promise<BandRead> {
  const width = block.c1 - block.c0 + 1;
  let rows = Math.max(1, Math.floor((opts.cellsPerBand ?? CELLS_PER_BAND) / width));
  const out: BandRead = { values: [], valueTypes: [], bold: opts.bold ? [] : undefined, syncs: 0 };
  let r = block.r0;
  while (r <= block.r1) {
    const n = Math.min(rows, block.r1 - r + 1);
    const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(r, block.c0, n, width);
    range.load('values,valueTypes');
    const props = opts.bold ? range.getCellProperties({ format: { font: { bold: true } } }) : undefined;
    try {
      await context.sync();
      out.syncs++;
    } catch (e) {
      out.syncs++;
      if (n > 1 && TOO_LARGE.has(excelErrorCode(e) ?? '')) {
        rows = Math.max(1, Math.floor(n / 2));
        continue;
      }
      throw e;
    }
    out.values.push(...range.values);
    out.valueTypes.push(...(range.valueTypes as unknown as string[][]));
    if (props) out.bold!.push(...props.value.map((row) => row.map((p) => !!p.format?.font?.bold)));
    r += n;
  }
  return out;
}
