// Reports as auditors receive them, made for tests: a report's text (markdown with tab-separated
// tables, as ../shared/reference gives the Derbyshire finance section) as an HTML page, and any HTML
// printed to PDF by Chromium (headless, the flags TOOLING.md gives). Printed tables are laid out as
// bodies lay them out: headers over several lines, super-headers spanning columns, wrapped labels,
// a table broken across pages with its header repeated, two tables on a page.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';

const esc = (s: string) => s.replace(/&(?!(amp|lt|gt|quot|#\d+);)/g, '&amp;').replace(/<(?!\/?b>)/g, '&lt;');
const isFigure = (s: string) => /^[(£\-–−]*\s*[0-9][0-9,.]*\)?%?$/.test(s.replace(/<\/?b>/g, '').trim()) || /^[-–]$/.test(s.replace(/<\/?b>/g, '').trim());

export interface HtmlStyle {
  /** CSS font size of tables, e.g. '9pt' */
  tableFont?: string;
  /** the widest tables in landscape pages */
  landscape?: boolean;
  /** cell padding in points */
  padding?: number;
  /** vertical-align of cells (Word uses top) */
  valign?: 'top' | 'middle' | 'bottom';
  /** width of the label column (makes long labels wrap) */
  labelWidth?: string;
  /** a header cell's words one to a line (narrow columns) */
  narrowHeaders?: boolean;
  /** width of the text columns right of the label column (a comments column whose text wraps) */
  textWidth?: string;
}

/**
 * The comments columns of a table's body rows: text columns right of the label column (the column
 * holding the most text), with at least one entry long enough to wrap (over 40 characters).
 */
export function commentColumns(body: string[][]): Set<number> {
  const text = new Map<number, number>();
  const long = new Set<number>();
  // rows of figures only: a header's long captions are not comments
  body.filter((r) => r.some(isFigure)).forEach((r) => r.forEach((c, j) => {
    if (!c.trim() || isFigure(c)) return;
    text.set(j, (text.get(j) ?? 0) + 1);
    if (c.trim().length > 40) long.add(j);
  }));
  let label = 0;
  for (const [j, n] of text) if (n > (text.get(label) ?? 0)) label = j;
  return new Set([...long].filter((j) => j > label));
}

/** A table as HTML: leading rows without figures as a <thead> of <th>; labels left, figures right. */
export function tableHtml(rows: string[][], style: HtmlStyle = {}, caption?: string): string {
  const head: string[][] = [];
  let i = 0;
  while (i < rows.length && !rows[i].slice(1).some(isFigure)) head.push(rows[i++]);
  const pad = style.padding ?? 4;
  const textColumns = commentColumns(rows.slice(i));
  const cell = (tag: string, c: string, j: number) => {
    // captions over a comments column are left-aligned with its text
    const right = j > 0 && (isFigure(c) || tag === 'th' && !(style.textWidth && textColumns.has(j)));
    const w = j === 0 && style.labelWidth ? `width:${style.labelWidth};` : '';
    const hw = tag === 'th' && j > 0 && style.narrowHeaders ? 'width:3.2em;' : '';
    const tw = tag === 'td' && j > 0 && style.textWidth && textColumns.has(j) ? `width:${style.textWidth};` : '';
    return `<${tag} style="padding:${pad}pt;${right ? 'text-align:right;' : 'text-align:left;'}${w}${hw}${tw}">${esc(c)}</${tag}>`;
  };
  const out = [`<table style="border-collapse:collapse;font-size:${style.tableFont ?? '9pt'};margin:6pt 0">`];
  if (caption) out.push(`<caption style="text-align:left;font-weight:bold">${esc(caption)}</caption>`);
  if (head.length) out.push('<thead>', ...head.map((r) => `<tr>${r.map((c, j) => cell('th', c, j)).join('')}</tr>`), '</thead>');
  out.push('<tbody>', ...rows.slice(i).map((r) => `<tr>${r.map((c, j) => cell('td', c, j)).join('')}</tr>`), '</tbody></table>');
  return out.join('\n');
}

/** The report's markdown (paragraphs, headings, **bold**, tab-separated tables) as a printable page. */
export function markdownToHtml(md: string, style: HtmlStyle = {}): string {
  const lines = md.split(/\r?\n/);
  const body: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i];
    if (l.includes('\t')) {
      const rows: string[][] = [];
      while (i < lines.length && (lines[i].includes('\t') || lines[i].trim() === '' && lines[i + 1]?.includes('\t'))) {
        if (lines[i].trim() !== '') rows.push(lines[i].split('\t'));
        i++;
      }
      const w = Math.max(...rows.map((r) => r.length));
      body.push(tableHtml(rows.map((r) => [...r, ...Array<string>(w - r.length).fill('')]), { ...style, tableFont: w > 10 ? '6.5pt' : style.tableFont }));
      continue;
    }
    const bold = (s: string) => esc(s).replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const h = /^(#{1,6})\s+(.*)$/.exec(l);
    if (h) body.push(`<h${h[1].length}>${bold(h[2])}</h${h[1].length}>`);
    else if (l.trim()) body.push(`<p>${bold(l.replace(/\s{2,}$/, ''))}</p>`);
    i++;
  }
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Report</title>
<style>body{font-family:"Liberation Sans",Arial,sans-serif;font-size:10pt} td,th{border:0.5pt solid #444;vertical-align:${style.valign ?? 'top'}} th{font-weight:bold;vertical-align:bottom}
@page{size:A4 ${style.landscape ? 'landscape' : 'portrait'};margin:15mm}</style></head><body>
${body.join('\n')}
</body></html>`;
}

export function chromiumOrSkip(ctx: Mocha.Context): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: CI must install chromium`);
  console.log(`      skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`);
  ctx.skip();
  return false;
}

/** Prints each HTML page to a PDF file with one headless Chromium. */
export async function printToPdf(jobs: { html: string; pdf: string; landscape?: boolean; pageRanges?: string }[]): Promise<void> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'outturn-print-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    for (const j of jobs) {
      await page.setContent(j.html, { waitUntil: 'load' });
      await page.pdf({ path: j.pdf, format: 'A4', landscape: j.landscape ?? false, preferCSSPageSize: true, printBackground: false, ...(j.pageRanges ? { pageRanges: j.pageRanges } : {}) });
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
