// A report as the audit of reports sees it: the tables found in it (cells as printed, with where
// each came from) and the running text around them, whatever the file was (PDF, HTML, markdown or
// plain text). Readers at the edge turn a file into this; src/report/audit-report.ts audits it.

/** One table found in a report: cells as printed, top row first, label column first. */
export interface DocTable {
  /** "page 3, table 2" (PDF) or "table 2" (HTML, text): how a finding names the table */
  where: string;
  /** the page the table starts on (PDF), 1-based */
  page?: number;
  /** the page each row was read from (PDF; a table broken across pages spans several) */
  rowPages?: number[];
  /** the line of the file each row was read from (markdown, text), 1-based */
  rowLines?: number[];
  /** the caption or heading just above the table ("Table 1"), when there is one */
  title?: string;
  cells: string[][];
  /** bold cells, where the reader knows (HTML <b>/<strong>/<th>, markdown <b>, PDF bold fonts) */
  bold?: boolean[][];
}

/** A run of text outside the tables: a paragraph, heading or list item. */
export interface DocParagraph {
  text: string;
  /** the page it was read from (PDF), 1-based */
  page?: number;
  /** "page 2" or "paragraph 7": how a finding names it */
  where: string;
  heading?: boolean;
}

export interface ReportDocument {
  /** the file's name */
  source: string;
  kind: 'pdf' | 'html' | 'markdown' | 'text' | 'tables';
  tables: DocTable[];
  paragraphs: DocParagraph[];
  /** number of pages (PDF) */
  pages?: number;
  /** pages with no text to read (scanned images): reported, never guessed */
  scanned?: number[];
}

/** Text as a reader of the printed page sees it: runs of white space (incl. no-break) as one space. */
export function squash(s: string): string {
  return s.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
}

/** Pads ragged rows to the table's width with empty cells. */
export function rectangular(cells: string[][]): string[][] {
  const w = cells.reduce((m, r) => Math.max(m, r.length), 0);
  return cells.map((r) => (r.length === w ? r : [...r, ...Array<string>(w - r.length).fill('')]));
}
