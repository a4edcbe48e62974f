// Cells as hosts read them, and the few ways Outturn reads their text — written once here, so every
// reader (input templates, mapped ranges, forecasting templates) treats a cell the same way.

/** A cell as a host reads it: typed number, text, boolean, blank, or an error value such as #REF!. */
export type GridValue = string | number | boolean | null | { error: string };

/** A sheet as a host hands it to a reader: its values from A1, and what the host can see of its shape. */
export interface InputSheet {
  name: string;
  /** rows × columns from A1 */
  values: GridValue[][];
  /** merged ranges, 0-based and inclusive (a host that can see them fills this) */
  merged?: { r0: number; c0: number; r1: number; c1: number }[];
  /** 0-based indexes of hidden rows (hidden rows are read like any other, and noted) */
  hiddenRows?: number[];
}

/** The one blank-cell test: no value, or text of nothing but spaces. An error value or `false` is not blank. */
export function isBlank(v: GridValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * A header or keyword cell for matching: text or a typed number, trimmed and lower-cased; '' for
 * anything else (blank, boolean, error). "Budget Heading " and "budget heading" match.
 */
export function norm(v: GridValue | undefined): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v).trim().toLowerCase() : '';
}

/**
 * A cell's text as the user typed it, for labels and settings: '' for blank or an error value;
 * numbers and booleans as JavaScript writes them; text trimmed (inner spaces and line breaks kept,
 * as they will be printed).
 */
export function cellText(v: GridValue | undefined): string {
  return v === null || v === undefined || typeof v === 'object' ? '' : String(v).trim();
}

/**
 * A printed cell's text, for reading tables back (the audit): '' for blank; numbers as JavaScript
 * writes them; text with every run of spaces, line breaks and no-break or thin spaces made one space,
 * trimmed — a caption wrapped over two lines reads as one. (cellText keeps what will be printed.)
 */
export function printedText(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  return spacedOnce(v) ? v : v.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
}

/**
 * Whether text is already as printedText makes it: no white space but single spaces between other
 * characters (one scan, no copy: the audit asks for the text of every label several times).
 */
function spacedOnce(v: string): boolean {
  let space = true; // a leading space is trimmed
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
    } else if (c < 32 || (c >= 0xa0 && isWhite(c))) return false;
    else space = false;
  }
  return !space || v.length === 0;
}

/** The characters JavaScript's \s and trim() take as white space, from U+00A0 up. */
const isWhite = (c: number) => c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
