// Tables and running text from a markdown or plain-text report: tables as tab-separated lines (a
// copy from a PDF or a spreadsheet) or markdown pipe tables; everything else is running text.
import { type DocParagraph, type DocTable, type ReportDocument, rectangular, squash } from './document';

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
