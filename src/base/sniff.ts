// What a file really is, from its first bytes — never from its name, which a mail client's "save as",
// a finance system's "Export to Excel" or a person renaming it may have got wrong (the session-6 new
// user's U6-13, U6-24: a PDF named .csv read as 239 rows of CSV, a web page named .xls refused as "not
// a workbook", a broken zip called "password-protected"). Pure: bytes in, a kind and its name out.

export type FileKind =
  /** a zip: xlsx, xlsm, ods (and docx…) */
  | 'zip'
  /** an OLE compound file: a BIFF .xls, or a password-protected xlsx (its EncryptedPackage stream) */
  | 'cfb'
  | 'encrypted'
  | 'pdf'
  /** a web page or an HTML table (what finance systems' "Export to Excel" writes as .xls) */
  | 'html'
  /** Excel 2003 XML Spreadsheet (`<?mso-application progid="Excel.Sheet"?>`) */
  | 'spreadsheetml'
  /** text in UTF-16 with no byte-order mark (every other byte 0: SQL Server's bcp -w, some ERP exports) */
  | 'utf16le'
  | 'utf16be'
  | 'text'
  | 'image'
  /** none of these: bytes that are not text */
  | 'binary'
  | 'empty';

const starts = (b: Uint8Array, ...sig: number[]) => sig.every((x, i) => b[i] === x);

/** The UTF-16 name "EncryptedPackage" as a compound file's directory holds it. */
const ENCRYPTED = Array.from('EncryptedPackage').flatMap((ch) => [ch.charCodeAt(0), 0]);

function contains(b: Uint8Array, sig: readonly number[], limit = b.length): boolean {
  const n = Math.min(b.length, limit) - sig.length;
  outer: for (let i = 0; i <= n; i++) {
    for (let j = 0; j < sig.length; j++) if (b[i + j] !== sig[j]) continue outer;
    return true;
  }
  return false;
}

/** The kind of a file's bytes. */
export function sniff(b: Uint8Array): FileKind {
  if (b.length === 0) return 'empty';
  if (starts(b, 0x50, 0x4b, 0x03, 0x04) || starts(b, 0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return contains(b, ENCRYPTED) ? 'encrypted' : 'cfb';
  if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (starts(b, 0x89, 0x50, 0x4e, 0x47) || starts(b, 0xff, 0xd8, 0xff) || starts(b, 0x47, 0x49, 0x46, 0x38) || starts(b, 0x49, 0x49, 0x2a, 0x00) || starts(b, 0x4d, 0x4d, 0x00, 0x2a)) return 'image';
  // UTF-16 with no byte-order mark: in the first bytes, one of each pair is 0 nearly always
  if (!starts(b, 0xff, 0xfe) && !starts(b, 0xfe, 0xff) && b.length >= 8) {
    const n = Math.min(b.length & ~1, 512);
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < n; i += 2) {
      if (b[i] === 0) evenZero++;
      if (b[i + 1] === 0) oddZero++;
    }
    const pairs = n / 2;
    if (oddZero >= pairs * 0.9 && evenZero <= pairs * 0.1) return 'utf16le';
    if (evenZero >= pairs * 0.9 && oddZero <= pairs * 0.1) return 'utf16be';
  }
  // text: a byte-order mark, or no control bytes but tab, CR, LF, form feed in the first 4 KB
  let head = 0;
  if (starts(b, 0xef, 0xbb, 0xbf)) head = 3;
  else if (starts(b, 0xff, 0xfe) || starts(b, 0xfe, 0xff)) return 'text';
  const n = Math.min(b.length, 4096);
  for (let i = head; i < n; i++) {
    const x = b[i];
    if (x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0d && x !== 0x0c && x !== 0x1a) return 'binary';
  }
  const start = new TextDecoder('latin1').decode(b.subarray(head, Math.min(b.length, 2048))).trimStart().toLowerCase();
  if (start.startsWith('<?xml') && /urn:schemas-microsoft-com:office:spreadsheet|progid="excel\.sheet"/.test(start)) return 'spreadsheetml';
  if (/^<(!doctype html|html|head|body|table|meta|style|\?xml[^>]*>\s*<html)/.test(start) || (start.startsWith('<') && /<table\b/.test(start))) return 'html';
  return 'text';
}

/** What a file is, as a message names it: "a PDF (it starts %PDF-)". */
export function kindName(k: FileKind): string {
  switch (k) {
    case 'zip': return 'a zip file (an .xlsx, .xlsm or .ods workbook is one)';
    case 'cfb': return 'an Excel 97-2003 (.xls) workbook';
    case 'encrypted': return 'a password-protected workbook';
    case 'pdf': return 'a PDF (it starts %PDF-)';
    case 'html': return 'a web page (HTML)';
    case 'spreadsheetml': return 'an Excel 2003 XML spreadsheet';
    case 'utf16le':
    case 'utf16be': return 'a text file in UTF-16 with no byte-order mark';
    case 'text': return 'a text file (comma-, tab- or semicolon-separated figures are read as CSV/TSV)';
    case 'image': return 'an image (a scan or a screenshot: its figures are not text)';
    case 'binary': return 'not a text file, a workbook, a PDF or a web page';
    case 'empty': return 'empty';
  }
}

/**
 * Whether a zip ends as a whole one does: its end-of-central-directory record (PK 5 6) in the last
 * 64 KB. A zip cut short (a download or an attachment not saved whole) has none.
 */
export function zipIsWhole(b: Uint8Array): boolean {
  const from = Math.max(0, b.length - 65557);
  for (let i = b.length - 22; i >= from; i--) if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return true;
  return false;
}
