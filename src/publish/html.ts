// The document model as HTML: one table (for the clipboard: "Copy for report"), or a standalone
// accessible page with print CSS (`outturn publish … -o REPORT.html`), and the same tables as
// plain text for targets that take no HTML. Pure string building; every text is escaped.
//
// Accessibility (WCAG 2.2 AA; the Public Sector Bodies Accessibility Regulations 2018): a caption
// with the table's number and title; one header row in <thead> of <th scope="col"> holding the
// units; each row's label a <th scope="row">; totals bold, ruled and named "total" in the words,
// never by colour alone; the narrative as text beside the table, not in it.
import type { Emphasis, PublishDocument, PublishTable } from './model';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

/** A CSS font-family list with the house font first; the name is kept to letters, digits, spaces and hyphens. */
export function fontStack(font: string): string {
  const safe = font.replace(/[^A-Za-z0-9 -]/g, '').trim();
  return `${safe ? `"${safe}", ` : ''}Arial, Helvetica, sans-serif`;
}

export interface TableHtmlOptions {
  /** inline styles on every element (for pasting into Word, which ignores most style sheets) */
  inline?: boolean;
  /** the document's font, for inline styles */
  font?: string;
  /** the caption's content as a heading of this level (the page: 2), or plain text (the clipboard) */
  captionHeading?: 2 | 3;
  /** an id prefix, unique within the page */
  id?: string;
}

/** The line under the table: units, rounding, and how negatives and nil are printed. */
export function tableNote(t: PublishTable): string {
  return `${t.note ? `${t.note} ` : ''}Figures in brackets are negative; a dash (-) is nil.`;
}

const INLINE = {
  table: 'border-collapse:collapse;font-size:10pt',
  caption: 'caption-side:top;text-align:left;font-weight:bold;font-size:11pt;padding:0 0 4pt 0',
  th: 'padding:2pt 4pt;vertical-align:bottom;font-weight:bold;border-bottom:1px solid #000',
  rowTh: 'padding:1pt 4pt;text-align:left;font-weight:normal',
  td: 'padding:1pt 4pt',
};

function emphasisStyle(e: Emphasis): string {
  switch (e) {
    case 'heading':
    case 'bold':
      return 'font-weight:bold';
    case 'total':
      return 'font-weight:bold;border-top:1px solid #000;border-bottom:1px solid #000';
    case 'grand':
      return 'font-weight:bold;border-top:1px solid #000;border-bottom:3px double #000';
    default:
      return '';
  }
}

/** One table: caption, header row, rows with row headers. */
export function tableHtml(t: PublishTable, o: TableHtmlOptions = {}): string {
  const st = (css: string) => (o.inline && css ? ` style="${css}"` : '');
  const cls = (c: string) => (!o.inline && c ? ` class="${c}"` : '');
  const captionText = `${escapeHtml(t.number)}: ${escapeHtml(t.title)}${t.subtitle ? ` — ${escapeHtml(t.subtitle)}` : ''}`;
  const caption = o.captionHeading ? `<h${o.captionHeading}${o.id ? ` id="${escapeHtml(o.id)}-title"` : ''}>${captionText}</h${o.captionHeading}>` : captionText;
  const out: string[] = [];
  out.push(`<table${o.id ? ` id="${escapeHtml(o.id)}"` : ''}${cls(`ot-table${t.wide ? ' wide' : ''}`)}${st(`${INLINE.table}${o.font ? `;font-family:${fontStack(o.font).replace(/"/g, "'")}` : ''}`)}>`);
  out.push(`<caption${st(INLINE.caption)}>${caption}</caption>`);
  out.push('<thead><tr>');
  t.columns.forEach((c) => {
    const align = c.kind === 'number' ? 'text-align:right' : 'text-align:left';
    const lines = c.header.map(escapeHtml).join('<br>');
    const content = c.supplied && !o.inline ? `<span class="vh">${lines}</span>` : lines;
    out.push(`<th scope="col"${cls(c.kind === 'number' ? 'num' : '')}${st(`${INLINE.th};${align}`)}>${content}</th>`);
  });
  out.push('</tr></thead>');
  out.push('<tbody>');
  for (const row of t.rows) {
    const e = emphasisStyle(row.emphasis);
    out.push(`<tr${cls(row.emphasis === 'none' ? '' : row.emphasis)}>`);
    row.cells.forEach((text, c) => {
      const col = t.columns[c];
      if (c === t.labelColumn) {
        out.push(`<th scope="row"${st(`${INLINE.rowTh}${e ? `;${e}` : ''}`)}>${escapeHtml(text)}</th>`);
        return;
      }
      const align = col.kind === 'number' ? ';text-align:right;white-space:nowrap' : '';
      out.push(`<td${cls(col.kind === 'number' ? 'num' : '')}${st(`${INLINE.td}${align}${e ? `;${e}` : ''}`)}>${escapeHtml(text)}</td>`);
    });
    out.push('</tr>');
  }
  out.push('</tbody></table>');
  return out.join('');
}

/**
 * "Copy for report": the table and, after it, its narrative sentences and the note, as one HTML
 * fragment with inline styles (Word keeps the caption, header row and row headers on paste).
 */
export function reportFragmentHtml(t: PublishTable, narrative: string[], font: string): string {
  const p = (s: string, css = '') => `<p style="font-family:${fontStack(font).replace(/"/g, "'")};font-size:10pt${css}">${escapeHtml(s)}</p>`;
  return [tableHtml(t, { inline: true, font }), p(tableNote(t), ';font-style:italic'), ...narrative.map((s) => p(s))].join('\n');
}

/**
 * The table as plain text for targets without HTML: the caption, then tab-separated rows with the
 * header first, then the note and the narrative. Totals keep the word "total" in their label.
 */
export function tableText(t: PublishTable, narrative: string[] = []): string {
  const lines = [`${t.number}: ${t.title}${t.subtitle ? ` — ${t.subtitle}` : ''}`];
  lines.push(t.columns.map((c) => c.name).join('\t'));
  for (const r of t.rows) lines.push(r.cells.join('\t'));
  lines.push('', tableNote(t), ...narrative);
  return lines.join('\n');
}

const PAGE_CSS = (font: string) => `
:root { color: #1a1a1a; background: #fff; }
body { font-family: ${fontStack(font)}; font-size: 11pt; line-height: 1.4; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
header .org { font-size: 1.05rem; margin: 0; }
h1 { font-size: 1.6rem; margin: 0.2rem 0 1.5rem; }
h2 { font-size: 1.15rem; margin: 0; }
section { margin: 0 0 2.5rem; }
.scroll { overflow-x: auto; }
.scroll:focus { outline: 3px solid #1d70b8; outline-offset: 2px; }
table.ot-table { border-collapse: collapse; font-size: 10pt; margin: 0.5rem 0; }
table.ot-table caption { caption-side: top; text-align: left; padding: 0 0 0.5rem; }
table.ot-table th, table.ot-table td { padding: 0.15rem 0.45rem; }
table.ot-table thead th { vertical-align: bottom; border-bottom: 2px solid #1a1a1a; text-align: left; }
table.ot-table thead th.num, table.ot-table td.num { text-align: right; }
table.ot-table td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
table.ot-table tbody th { text-align: left; font-weight: normal; }
table.ot-table tr.heading th, table.ot-table tr.bold th, table.ot-table tr.bold td { font-weight: bold; }
table.ot-table tr.total th, table.ot-table tr.total td { font-weight: bold; border-top: 1px solid #1a1a1a; border-bottom: 1px solid #1a1a1a; }
table.ot-table tr.grand th, table.ot-table tr.grand td { font-weight: bold; border-top: 1px solid #1a1a1a; border-bottom: 3px double #1a1a1a; }
.note { font-size: 0.9rem; font-style: italic; }
.narrative { max-width: 45rem; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
footer { font-size: 0.85rem; border-top: 1px solid #b1b4b6; padding-top: 0.5rem; }
@page { size: A4 portrait; margin: 15mm; }
@page wide { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  section { break-before: page; margin: 0; }
  section:first-of-type { break-before: auto; }
  section.wide { page: wide; }
  .scroll { overflow: visible; }
  table.ot-table { width: 100%; }
  table.ot-table thead { display: table-header-group; }
  table.ot-table tr { break-inside: avoid; }
  table.ot-table caption h2, h2 { break-after: avoid; }
  footer { display: none; }
}
`;

/** A standalone, accessible HTML page of the whole document (no script, no external resource). */
export function pageHtml(doc: PublishDocument): string {
  const out: string[] = [];
  out.push('<!DOCTYPE html>');
  out.push(`<html lang="${doc.lang}">`);
  out.push('<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${escapeHtml(doc.title)}</title>`);
  out.push(`<style>${PAGE_CSS(doc.house.font)}</style></head>`);
  out.push('<body>');
  out.push(`<header><p class="org">${escapeHtml(doc.organisation)}</p><h1>Finance tables${doc.financialYear ? ` ${escapeHtml(doc.financialYear)}` : ''}</h1></header>`);
  out.push('<main>');
  doc.sections.forEach(({ table, narrative }, i) => {
    const id = `t${i + 1}-${table.id}`;
    out.push(`<section${table.wide ? ' class="wide"' : ''}>`);
    out.push(`<div class="scroll" role="region" aria-labelledby="${id}-title" tabindex="0">`);
    out.push(tableHtml(table, { captionHeading: 2, id }));
    out.push('</div>');
    out.push(`<p class="note">${escapeHtml(tableNote(table))}</p>`);
    for (const s of narrative) out.push(`<p class="narrative">${escapeHtml(s)}</p>`);
    out.push('</section>');
  });
  out.push('</main>');
  out.push(`<footer><p>Made with Outturn from the organisation's own figures. Figures are exact to the penny before rounding for display.</p></footer>`);
  out.push('</body></html>');
  return `${out.join('\n')}\n`;
}

/**
 * "Copy for report" of one sheet's tables (Table 3 and 3a together): HTML for Word and web
 * editors (each table with its caption, header row, row headers, note and narrative sentences)
 * and the same as plain text for other targets.
 */
export function reportClipboard(doc: PublishDocument): { html: string; text: string } {
  return {
    html: doc.sections.map(({ table, narrative }) => reportFragmentHtml(table, narrative, doc.house.font)).join('\n<p></p>\n'),
    text: doc.sections.map(({ table, narrative }) => tableText(table, narrative)).join('\n\n'),
  };
}
