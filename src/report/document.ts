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
  /** rows the file holds but the page does not show (HTML `display:none`: a sheet's hidden rows as Excel saves a web page), left out of `cells`; their text */
  hiddenRows?: string[];
}

/** A run of text outside the tables: a paragraph, heading or list item. */
export interface DocParagraph {
  text: string;
  /** the page it was read from (PDF), 1-based */
  page?: number;
  /**
   * How a finding names it, as a reader would find it: "paragraph 1.1" (the report's own number),
   * "paragraph 2 (the 1st under the heading “Revenue budget”)" (headings not counted), "page 2,
   * line 14, paragraph 3" (PDF: lines and paragraphs counted on that page), "line 7" (markdown, text)
   */
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

/** A paragraph's own number, as committee reports print them: "1.1", "3.2.1", "4." (then "4"). */
export function ownNumber(text: string): string | undefined {
  const m = /^(\d{1,2}(?:\.\d{1,2}){1,3}|\d{1,2}\.)\s+\S/.exec(text);
  return m ? m[1].replace(/\.$/, '') : undefined;
}

const ORD = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
const shortHeading = (t: string) => (t.length > 60 ? `${t.slice(0, 57).trimEnd()}…` : t);

/**
 * Names a paragraph as a reader finds it: its own number when it prints one ("paragraph 1.1"),
 * else its place among the paragraphs before it (headings not counted) with the heading it sits
 * under and its place there: "paragraph 2 (the 1st under the heading “Revenue budget”)".
 * @param before the paragraphs before it in the same scope (the document, or the PDF page), headings included
 */
export function paragraphWhere(text: string, before: DocParagraph[]): string {
  const own = ownNumber(text);
  if (own) return `paragraph ${own}`;
  const n = before.filter((p) => !p.heading).length + 1;
  let h = before.length - 1;
  while (h >= 0 && !before[h].heading) h--;
  if (h < 0) return `paragraph ${n}`;
  const inSection = before.length - 1 - h + 1;
  return `paragraph ${n} (the ${ORD(inSection)} under the heading “${shortHeading(before[h].text)}”)`;
}

/** Pads ragged rows to the table's width with empty cells. */
export function rectangular(cells: string[][]): string[][] {
  const w = cells.reduce((m, r) => Math.max(m, r.length), 0);
  return cells.map((r) => (r.length === w ? r : [...r, ...Array<string>(w - r.length).fill('')]));
}
