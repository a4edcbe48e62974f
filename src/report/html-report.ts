// The report audit as a page for people who do not use the command line: each table as it was read,
// every finding marked at its cell (colour AND a numbered marker, so it reads without colour), the
// list of findings, and the narrative's figures with what each was tied to. Standalone HTML: no
// script, no external resource.
import type { ReportAudit, ReportFinding } from './audit-report';
import { checkedText } from '../audit/context';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STATUS: Record<string, string> = {
  tied: 'tied to the table',
  rounded: 'tied within rounding',
  truncated: 'truncated, not rounded',
  different: 'different from the table',
  unsourced: 'no source in any table',
};

/** The findings page (HTML5, UTF-8). */
export function reportPage(r: ReportAudit): string {
  const byCell = new Map<string, { n: number; f: ReportFinding }[]>();
  r.findings.forEach((f, i) => {
    if (f.table && f.row && f.column) {
      const k = `${f.table}\u0001${f.row}\u0001${f.column}`;
      byCell.set(k, [...(byCell.get(k) ?? []), { n: i + 1, f }]);
    }
  });
  const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const out: string[] = [];
  out.push('<!doctype html>', '<html lang="en-GB">', '<head>', '<meta charset="utf-8">', '<meta name="generator" content="Outturn">',
    `<title>Audit of ${esc(r.source)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<style>',
    'body{font-family:"Segoe UI",Arial,sans-serif;margin:1.5rem;color:#1b1b1b;line-height:1.4}',
    'table{border-collapse:collapse;margin:0.5rem 0 1.5rem;font-size:0.9rem}',
    'caption{text-align:left;font-weight:600;padding:0.25rem 0}',
    'td,th{border:1px solid #8a8a8a;padding:0.15rem 0.4rem;vertical-align:top}',
    'td.num{text-align:right;font-variant-numeric:tabular-nums}',
    '.error{background:#fde7e9;outline:2px solid #a4262c}',
    '.warning{background:#fff4ce;outline:2px dashed #8a6100}',
    '.note{background:#eef4fb;outline:1px dotted #1b5e9b}',
    'sup.mark{font-weight:700}',
    '.tie-truncated,.tie-different{font-weight:600}',
    '@media print{body{margin:0}table{page-break-inside:auto}tr{page-break-inside:avoid}}',
    '</style>', '</head>', '<body>', '<main>');
  out.push(`<h1>Audit of ${esc(r.source)}</h1>`);
  out.push(`<p>${plural(r.tables.length, 'table')} read${r.pages ? ` from ${plural(r.pages, 'page')}` : ''}; ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('note'), 'note')}. ` +
    `Each finding is numbered, and its number is marked at the cell it concerns.</p>`);
  if (r.scanned.length) out.push(`<p>Pages with no text to read (scanned images, not checked): ${r.scanned.join(', ')}.</p>`);

  out.push('<h2>Findings</h2>');
  if (r.findings.length === 0) out.push('<p>None.</p>');
  else {
    out.push('<ol>');
    for (const f of r.findings) {
      out.push(`<li><strong>${esc(f.severity)}</strong> — ${esc(f.where)}: ${esc(f.message)}${f.text ? ` <em>(read: “${esc(f.text)}”)</em>` : ''}</li>`);
    }
    out.push('</ol>');
  }

  if (r.kind !== 'tables') out.push(...narrativeSection(r)); // a table file has no running text

  out.push('<h2>The tables as read</h2>');
  for (const t of r.tables) {
    out.push(`<table><caption>${esc(t.where)}${t.title ? ` — ${esc(t.title)}` : ''} (${t.layouts.length ? `read as ${esc([...new Set(t.layouts)].join(', '))}; checked ${esc(checkedText(t.checked))}` : 'nothing the audit could check'})</caption><tbody>`);
    t.cells.forEach((row, ri) => {
      out.push('<tr>');
      row.forEach((cell, ci) => {
        const marks = byCell.get(`${t.where}\u0001${ri + 1}\u0001${ci + 1}`) ?? [];
        const worst = marks.find((m) => m.f.severity === 'error') ?? marks.find((m) => m.f.severity === 'warning') ?? marks[0];
        const cls = [/[0-9]/.test(cell) && !/[a-z]{3}/i.test(cell) ? 'num' : '', worst ? worst.f.severity : ''].filter(Boolean).join(' ');
        const sup = marks.map((m) => `<sup class="mark">[${m.n}]</sup>`).join('');
        out.push(`<td${cls ? ` class="${cls}"` : ''}${worst ? ` title="${esc(worst.f.message)}"` : ''}>${esc(cell)}${sup}</td>`);
      });
      out.push('</tr>');
    });
    out.push('</tbody></table>');
  }
  out.push('</main>', '</body>', '</html>');
  return out.join('\n');
}

/** The narrative's quoted figures and what each was tied to. */
function narrativeSection(r: ReportAudit): string[] {
  const out: string[] = ['<h2>The narrative</h2>'];
  if (r.ties.length === 0) out.push('<p>No amount or percentage is quoted in the running text.</p>');
  else {
    out.push('<table><caption>Figures quoted in the text, and their source in the tables</caption>',
      '<thead><tr><th scope="col">Where</th><th scope="col">Quoted</th><th scope="col">Result</th><th scope="col">Source</th><th scope="col">Sentence</th></tr></thead><tbody>');
    for (const t of r.ties) {
      out.push(`<tr class="tie-${t.status}"><td>${esc(t.quote.where)}</td><td>${esc(t.quote.text)}</td><td>${esc(STATUS[t.status])}${t.expected ? `: should read ${esc(t.expected)}` : ''}</td>` +
        `<td>${esc(t.source ?? '—')}</td><td>${esc(t.quote.sentence)}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  return out;
}
