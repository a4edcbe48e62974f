// Tables and running text from an HTML report (a committee-system page, a report saved as a web page,
// a table pasted from Word), parsed with parse5 as browsers parse HTML: implied <tbody>, unclosed
// cells and rows, entities. rowspan/colspan are expanded so every row has its columns; a cell spanning
// columns keeps its text in the first of them, as a super-header is printed over its group.
import { parse } from 'parse5';
import { type DocParagraph, type DocTable, type ReportDocument, paragraphWhere, rectangular, squash } from './document';

interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

const BLOCK = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'main', 'header', 'footer', 'dd', 'dt', 'figcaption', 'pre', 'address', 'body', 'ul', 'ol', 'dl', 'td', 'th', 'caption']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'nav', 'svg', 'button', 'select', 'iframe']);
const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;

function isBold(n: Node, inherited: boolean): boolean {
  // <th> is bold by the browser's default style, but marks a header, not a total: only marks and styles count
  if (n.tagName === 'b' || n.tagName === 'strong') return true;
  const style = attr(n, 'style') ?? '';
  const m = /font-weight\s*:\s*(bold|bolder|[6-9]00)/i.exec(style);
  if (m) return true;
  if (/font-weight\s*:\s*(normal|[1-5]00)/i.test(style)) return false;
  return inherited;
}

/** Text of a node as it reads on the page (<br> as a space), and whether all its text is bold. */
function textOf(n: Node, bold = false): { text: string; allBold: boolean; any: boolean } {
  let text = '';
  let allBold = true;
  let any = false;
  const walk = (x: Node, b: boolean) => {
    if (x.nodeName === '#text') {
      const v = x.value ?? '';
      text += v;
      if (v.trim()) {
        any = true;
        if (!b) allBold = false;
      }
      return;
    }
    if (x.tagName && SKIP.has(x.tagName)) return;
    if (x.tagName === 'br') {
      text += ' ';
      return;
    }
    const bb = x.tagName ? isBold(x, b) : b;
    if (x.tagName && BLOCK.has(x.tagName)) text += ' ';
    for (const c of x.childNodes ?? []) walk(c, bb);
    if (x.tagName && BLOCK.has(x.tagName)) text += ' ';
  };
  walk(n, bold);
  return { text: squash(text), allBold: any && allBold, any };
}

function rowsOf(table: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    for (const c of n.childNodes ?? []) {
      if (c.tagName === 'tr') out.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') walk(c);
    }
  };
  walk(table);
  return out;
}

const hasFigure = (cells: string[][]) => cells.some((r) => r.some((c) => /[0-9]/.test(c) && /^[£(\-–−]?\s*[£(]?[0-9][0-9,. \u00a0]*\)?%?[m*]?$/.test(c.trim())));

/**
 * Reads an HTML report. A <table> holding figures is a table; a table of text only (a page laid out
 * with tables, as committee systems do) is read as running text. <caption>, or a heading or
 * paragraph "Table N" just above, is the table's title.
 */
export function readHtmlReport(content: string, source: string): ReportDocument {
  const doc = parse(content) as unknown as Node;
  const tables: DocTable[] = [];
  const paragraphs: DocParagraph[] = [];
  const para = (text: string, heading: boolean) => {
    const t = squash(text);
    if (!t) return;
    // a heading is named by its text; a paragraph as a reader counts it (headings not counted)
    paragraphs.push({ text: t, where: heading ? `the heading “${t.length > 60 ? `${t.slice(0, 57)}…` : t}”` : paragraphWhere(t, paragraphs), heading });
  };
  const walk = (n: Node, bold: boolean) => {
    const tag = n.tagName;
    if (tag && SKIP.has(tag)) return;
    if (tag === 'template' && n.content) return;
    if (tag === 'table') {
      const t = tableOf(n, bold);
      if (t && hasFigure(t.cells)) {
        const prev = paragraphs[paragraphs.length - 1];
        let title = t.caption;
        if (!title && prev && /^(table|appendix|annex)\s+[0-9a-z.]+\b/i.test(prev.text) && prev.text.length <= 90) {
          title = prev.text;
          paragraphs.pop();
        }
        tables.push({ where: `table ${tables.length + 1}`, title, cells: rectangular(t.cells), bold: t.bold, ...(t.hidden ? { hiddenRows: t.hidden } : {}) });
        return;
      }
      // a layout table: read its cells as running text
    }
    if (tag && /^(p|li|h[1-6]|caption|figcaption|dt|dd|pre|blockquote)$/.test(tag) && !containsTable(n)) {
      const t = textOf(n, isBold(n, bold));
      para(t.text, /^h[1-6]$/.test(tag) || t.allBold && t.text.length < 120);
      return;
    }
    // text directly inside a div/td/body between blocks
    let inline = '';
    const b = tag ? isBold(n, bold) : bold;
    for (const c of n.childNodes ?? []) {
      if (c.nodeName === '#text' || (c.tagName && !BLOCK.has(c.tagName) && c.tagName !== 'table' && !containsBlock(c))) {
        inline += ` ${c.nodeName === '#text' ? c.value ?? '' : textOf(c, b).text}`;
      } else {
        if (inline.trim()) para(inline, false);
        inline = '';
        walk(c, b);
      }
    }
    if (inline.trim()) para(inline, false);
  };
  walk(doc, false);
  return { source, kind: 'html', tables, paragraphs };
}

function containsTable(n: Node): boolean {
  return (n.childNodes ?? []).some((c) => c.tagName === 'table' || containsTable(c));
}
function containsBlock(n: Node): boolean {
  return (n.childNodes ?? []).some((c) => (c.tagName !== undefined && (BLOCK.has(c.tagName) || c.tagName === 'table')) || containsBlock(c));
}

/**
 * Hidden on the page: `display:none`, `visibility:hidden` or `collapse` in its style, or the `hidden`
 * attribute. Excel's "Save as Web Page" writes a sheet's hidden rows so (`<tr height=0
 * style='display:none'>`) and the cells of its hidden columns (`<td style='display:none'>`).
 */
const isHidden = (n: Node) => attr(n, 'hidden') !== undefined || /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*(hidden|collapse))\s*(;|$)/i.test(attr(n, 'style') ?? '');

function tableOf(table: Node, bold: boolean): { cells: string[][]; bold: boolean[][]; caption?: string; hidden?: string[] } | undefined {
  const cap = (table.childNodes ?? []).find((c) => c.tagName === 'caption');
  const grid: string[][] = [];
  const gridBold: boolean[][] = [];
  const taken: boolean[][] = [];
  // A row the page does not show is no row of the table a reader sees: left out, and named in a note.
  const hidden: string[] = [];
  const rows = rowsOf(table).filter((tr) => {
    if (!isHidden(tr)) return true;
    hidden.push(squash((tr.childNodes ?? []).filter((c) => c.tagName === 'td' || c.tagName === 'th').map((c) => textOf(c).text).join(' | ')));
    return false;
  });
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    gridBold[r] ??= [];
    taken[r] ??= [];
    let c = 0;
    const rowBold = isBold(tr, bold);
    for (const cell of tr.childNodes ?? []) {
      if (cell.tagName !== 'td' && cell.tagName !== 'th') continue;
      if (isHidden(cell)) continue;
      while (taken[r][c]) c++;
      const span = Math.max(1, Math.min(1000, parseInt(attr(cell, 'colspan') ?? '1', 10) || 1));
      const down = Math.max(1, Math.min(rows.length - r, parseInt(attr(cell, 'rowspan') ?? '1', 10) || 1));
      const t = textOf(cell, rowBold);
      for (let dr = 0; dr < down; dr++) {
        grid[r + dr] ??= [];
        gridBold[r + dr] ??= [];
        taken[r + dr] ??= [];
        for (let dc = 0; dc < span; dc++) {
          taken[r + dr][c + dc] = true;
          grid[r + dr][c + dc] = dr === 0 && dc === 0 ? t.text : '';
          gridBold[r + dr][c + dc] = dr === 0 && dc === 0 && t.allBold;
        }
      }
      c += span;
    }
  });
  if (grid.length === 0) return undefined;
  for (let r = 0; r < grid.length; r++) for (let c = 0; c < (grid[r]?.length ?? 0); c++) grid[r][c] ??= '';
  return { cells: grid.map((r) => Array.from(r, (x) => x ?? '')), bold: gridBold.map((r) => Array.from(r, (x) => !!x)), caption: cap ? textOf(cap).text || undefined : undefined, ...(hidden.length ? { hidden } : {}) };
}
