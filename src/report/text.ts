// Tables and running text from a markdown or plain-text report: tables as tab-separated lines (a
// copy from a PDF or a spreadsheet), markdown pipe tables, or columns laid out with spaces (as
// `pdftotext -layout` and fixed-width exports write them); everything else is running text.
import { type DocParagraph, type DocTable, type ReportDocument, rectangular, squash } from './document';
import { type TextItem, readPages } from './layout';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', pound: '£', ndash: '–', mdash: '—', minus: '−' };

/** Markdown/HTML inline marks out of a cell or a sentence: `<b>`, `**`, entities; says whether it was bold. */
export function plain(s: string): { text: string; bold: boolean } {
  const bold = /<(b|strong)>/i.test(s) || /^\*\*.*\*\*$/.test(s.trim());
  const text = s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? m;
    });
  return { text: squash(text), bold };
}

const isPipeRow = (l: string) => /^\s*\|.*\|\s*$/.test(l);
const isPipeRule = (l: string) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(l);
const isTabRow = (l: string) => l.includes('\t');

/** A figure as a field of a text table: 1,234  (1,234)  -1,203  £2.4m  12.5%  – */
const FIGURE_FIELD = /^[-−–(£]*[0-9][0-9,.]*\)?%?[a-z]{0,2}\*?$|^[-–—]$/i;
/** The fields of a line laid out with spaces (two or more between fields), as `pdftotext -layout` or a fixed-width export writes a table. */
const spacedFields = (l: string) => l.trim().split(/\s{2,}/);
const isSpacedRow = (l: string) => !l.includes('\t') && l.trim() !== '' && spacedFields(l).length >= 2;
const isSpacedFigureRow = (l: string) => isSpacedRow(l) && spacedFields(l).filter((f) => FIGURE_FIELD.test(f)).length >= 1;

/**
 * A block of lines laid out with spaces read as a table, through the same column reading as a PDF
 * page: each field placed at its character position (one character = 6 points, one line = 12), so
 * right-aligned figures and a label column are found as they are on a printed page.
 */
function spacedTable(lines: string[], firstLine: number): { cells: string[][]; bold: boolean[][]; rowLines: number[] } | undefined {
  const items: TextItem[] = [];
  lines.forEach((l, k) => {
    for (const m of l.matchAll(/\S+(?: \S+)*/g)) items.push({ str: m[0], x: m.index * 6, y: 100 + k * 12, w: m[0].length * 6, h: 10 });
  });
  const doc = readPages('text', [{ page: 1, width: Math.max(...lines.map((l) => l.length)) * 6 + 200, height: 100 + lines.length * 12 + 100, items }]);
  const t = doc.tables.find((x) => x.cells.length >= 2);
  if (!t || doc.tables.length !== 1) return undefined;
  // each row back to its line in the file, by its first field's text in order
  const rowLines: number[] = [];
  let k = 0;
  for (const row of t.cells) {
    const first = row.find((c) => c.trim() !== '') ?? '';
    while (k < lines.length && !lines[k].includes(first.split(' ')[0])) k++;
    rowLines.push(firstLine + Math.min(k, lines.length - 1));
    if (k < lines.length) k++;
  }
  return { cells: t.cells, bold: t.bold ?? t.cells.map((r) => r.map(() => false)), rowLines };
}

/**
 * Reads a markdown or text report. A table is a run of tab-separated lines (one blank line inside
 * it is kept as an empty row: printed tables have spacer rows) or of markdown pipe rows; a caption
 * line ("Table 1", "**Table 1**") just above becomes its title. Rows remember their line in the file.
 */
export function readTextReport(content: string, source: string, kind: 'markdown' | 'text' = 'markdown'): ReportDocument {
  const lines = content.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const tables: DocTable[] = [];
  const paragraphs: DocParagraph[] = [];
  let para: { text: string[]; line: number; heading: boolean } | undefined;
  const flush = () => {
    if (para) {
      const text = squash(para.text.join(' '));
      if (text) paragraphs.push({ text, where: `line ${para.line}`, heading: para.heading });
    }
    para = undefined;
  };
  let i = 0;
  while (i < lines.length) {
    const l = lines[i];
    const pipe = isPipeRow(l);
    if (isTabRow(l) || pipe) {
      flush();
      const cells: string[][] = [];
      const bold: boolean[][] = [];
      const rowLines: number[] = [];
      let j = i;
      while (j < lines.length) {
        const x = lines[j];
        if (pipe ? isPipeRow(x) : isTabRow(x)) {
          if (!(pipe && isPipeRule(x))) {
            const raw = pipe ? x.trim().replace(/^\|/, '').replace(/\|$/, '').split('|') : x.split('\t');
            const row = raw.map(plain);
            cells.push(row.map((c) => c.text));
            bold.push(row.map((c) => c.bold));
            rowLines.push(j + 1);
          }
          j++;
        } else if (x.trim() === '' && j + 1 < lines.length && (pipe ? isPipeRow(lines[j + 1]) : isTabRow(lines[j + 1]))) {
          // a spacer line inside the table: printed tables have them; it holds nothing to read
          j++;
        } else break;
      }
      const prev = paragraphs[paragraphs.length - 1];
      const title = prev && /^(table|appendix|annex)\s+[0-9a-z.]+\b/i.test(prev.text) && prev.text.length <= 90 ? prev.text : undefined;
      if (title) paragraphs.pop();
      tables.push({ where: `table ${tables.length + 1}`, title, cells: rectangular(cells), bold, rowLines });
      i = j;
      continue;
    }
    if (isSpacedRow(l)) {
      // a run of lines laid out with spaces, at least two of them with figures: a table
      let j = i;
      while (j < lines.length && (isSpacedRow(lines[j]) || (lines[j].trim() === '' && j + 1 < lines.length && isSpacedRow(lines[j + 1])))) j++;
      const block = lines.slice(i, j);
      const t = block.filter(isSpacedFigureRow).length >= 2 ? spacedTable(block, i + 1) : undefined;
      if (t) {
        flush();
        const prev = paragraphs[paragraphs.length - 1];
        const title = prev && /^(table|appendix|annex)\s+[0-9a-z.]+\b/i.test(prev.text) && prev.text.length <= 90 ? prev.text : undefined;
        if (title) paragraphs.pop();
        tables.push({ where: `table ${tables.length + 1}`, title, cells: rectangular(t.cells), bold: t.bold, rowLines: t.rowLines });
        i = j;
        continue;
      }
    }
    if (l.trim() === '') {
      flush();
      i++;
      continue;
    }
    const heading = /^\s*#{1,6}\s/.test(l);
    const text = plain(l.replace(/^\s*#{1,6}\s+/, '').replace(/^\s*[-*+]\s+/, '')).text;
    if (heading || /^\s*[-*+]\s+/.test(l)) {
      flush();
      para = { text: [text], line: i + 1, heading };
      flush();
    } else {
      if (!para) para = { text: [], line: i + 1, heading: false };
      para.text.push(text);
    }
    i++;
  }
  flush();
  return { source, kind, tables, paragraphs };
}
