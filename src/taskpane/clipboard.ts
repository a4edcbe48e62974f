// The report copy on the clipboard: the table as HTML (built from text nodes, never markup from
// cells) and as tab-separated text, for Word.
import type { DisplayCell } from '../excel/report';
import { el } from './ui';

/** The table as HTML (built from text nodes) and as tab-separated text, on the clipboard. */
export async function copyTable(rows: DisplayCell[][]): Promise<boolean> {
  const table = document.createElement('table');
  table.style.borderCollapse = 'collapse';
  table.style.fontFamily = 'Arial, sans-serif';
  table.style.fontSize = '10pt';
  for (const row of rows) {
    const tr = table.insertRow();
    for (const cell of row) {
      const td = tr.insertCell();
      td.textContent = cell.text;
      td.style.padding = '1pt 4pt';
      if (cell.numeric) td.style.textAlign = 'right';
      if (cell.bold) td.style.fontWeight = 'bold';
      if (cell.italic) td.style.fontStyle = 'italic';
      if (cell.borderTop) td.style.borderTop = '1px solid #000';
      if (cell.borderBottom) td.style.borderBottom = cell.borderBottom === 'double' ? '3px double #000' : '1px solid #000';
    }
  }
  const html = table.outerHTML;
  const tsv = rows.map((r) => r.map((c) => c.text).join('\t')).join('\n');
  try {
    if (navigator.clipboard && typeof ClipboardItem !== 'undefined') {
      await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([tsv], { type: 'text/plain' }) })]);
      return true;
    }
  } catch {
    // Office's web view may refuse the async clipboard: fall back to a selection and copy.
  }
  const holder = el('div', { className: 'visually-hidden' }, table);
  holder.contentEditable = 'true';
  document.body.appendChild(holder);
  const range = document.createRange();
  range.selectNodeContents(holder);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  try {
    return document.execCommand('copy');
  } finally {
    sel?.removeAllRanges();
    holder.remove();
  }
}
