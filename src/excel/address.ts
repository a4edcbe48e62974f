// A range address as Excel gives it, in every form it takes: "'Budget book'!B3:J20", "Sheet1!A:H"
// (whole columns), "Sheet1!3:5" (whole rows), "Sheet1!$C$7", with or without the sheet.
import { parseA1 } from '../base/a1';

/** Excel's grid: 1,048,576 rows and 16,384 columns (XFD). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

export interface RangeBox {
  /** the sheet named in the address, unquoted ('' when none) */
  sheet: string;
  /** 0-based, inclusive */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Parses an address; throws Error naming it when it is not one. */
export function parseRangeAddress(address: string): RangeBox {
  const bang = address.lastIndexOf('!');
  const sheet = bang < 0 ? '' : address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  const ref = address.slice(bang + 1).replace(/\$/g, '').toUpperCase();
  const [from, to = from] = ref.split(':');
  if (/^[A-Z]+$/.test(from) && /^[A-Z]+$/.test(to)) {
    return { sheet, r0: 0, r1: EXCEL_ROWS - 1, c0: parseA1(`${from}1`).c, c1: parseA1(`${to}1`).c };
  }
  if (/^[0-9]+$/.test(from) && /^[0-9]+$/.test(to)) {
    return { sheet, r0: Number(from) - 1, r1: Number(to) - 1, c0: 0, c1: EXCEL_COLUMNS - 1 };
  }
  try {
    const a = parseA1(from);
    const b = parseA1(to);
    return { sheet, r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
  } catch {
    throw new Error(`not a range address: ${address}`);
  }
}

/** Rows × columns of a box. */
export const cellCount = (b: Pick<RangeBox, 'r0' | 'c0' | 'r1' | 'c1'>): number => (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
