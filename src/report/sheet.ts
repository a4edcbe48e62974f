// The tables of an audited report as one sheet for the auditor to tick (the task pane's "Audit a
// report…"): each table under a title naming its page and table, labels as text, figures as numbers
// (so SUM and the auditor's own formulas work on them) in the number format of their printed places,
// the cells a finding is about marked, and the figures the narrative quotes listed below with their
// ties. Pure: a sheet plan (src/plan) that the Office.js writer renders like any other sheet.
import { a1, range, sheetRef } from '../base/a1';
import { parsePrinted } from '../base/printed';
import type { PlanCell, SheetPlan } from '../plan/plan';
import type { FormatName, StyleName } from '../plan/styles';
import type { ReportAudit } from './audit-report';
import type { TieStatus } from './narrative';

/** Where each table landed: the sheet row and column (0-based) of its cell at row 1, column 1. */
export type TablePlaces = Record<string, { row0: number; col0: number }>;

/** How a tie reads on the sheet and in the pane. */
export const TIE_WORDS: Record<TieStatus, string> = {
  tied: 'tied',
  rounded: 'tied within rounding',
  truncated: 'cut short, not rounded',
  different: 'different from the table',
  unsourced: 'no source in any table',
};

const FIGURE = /[0-9]/;
const isFigure = (s: string) => FIGURE.test(s) && parsePrinted(s).kind === 'number';
const isNil = (s: string) => parsePrinted(s).kind === 'number' && !FIGURE.test(s);

/** A year as a header prints it ("2021"): not a figure when finding where the figures start. */
const isYear = (s: string) => /^(19|20)[0-9]{2}$/.test(s.trim());
const bodyFigure = (s: string) => isFigure(s) && !isYear(s);

/** The first row of a table holding figures (two or more outside the label column): rows above it are headers. */
function firstFigureRow(cells: string[][]): number {
  const r = cells.findIndex((row) => row.slice(1).filter(bodyFigure).length >= 2);
  return r < 0 ? cells.findIndex((row) => row.slice(1).some(bodyFigure)) : r;
}

/** A printed cell as a sheet cell: a figure as a number in its printed places, else the text as read. */
function cellOf(text: string, figures: boolean): { cell: PlanCell; format?: FormatName } {
  if (text.trim() === '') return { cell: null };
  if (!figures || !(isFigure(text) || isNil(text))) return { cell: { t: 's', v: text } };
  const p = parsePrinted(text);
  if (p.kind !== 'number') return { cell: { t: 's', v: text } };
  if (p.percent) return { cell: { t: 'n', v: p.value.div(100).toString() }, format: (['percent0', 'percent1', 'percent2'] as const)[Math.min(p.places, 2)] };
  return { cell: { t: 'n', v: p.value.toString() }, format: (['money0', 'money1', 'money2', 'money3'] as const)[Math.min(p.places, 3)] };
}

/** "page 3, table 2" → "Page 3, table 2". */
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A table's heading on the sheet and in the pane: "Page 3, table 2: Table 3 Reserves". */
export function tableHeading(t: { where: string; title?: string }): string {
  return `${capital(t.where)}${t.title ? `: ${t.title}` : ''}`;
}

/**
 * The report's tables as the sheet `name`: a title, then each table under its heading (a blank row
 * between), then the narrative's quoted figures with their ties.
 * @returns the sheet plan, where each table landed, and the sheet row of each tie (0-based)
 */
export function reportAuditSheet(r: ReportAudit, name: string): { sheet: SheetPlan; places: TablePlaces; tieRows: number[] } {
  const rows: PlanCell[][] = [];
  const numberFormats: SheetPlan['numberFormats'] = [];
  const styles: SheetPlan['styles'] = [];
  const places: TablePlaces = {};
  const put = (cells: PlanCell[]) => rows.push(cells);
  put([{ t: 's', v: `Tables read from ${r.source}` }]);
  styles.push({ range: 'A1', style: 'title' });
  put([{ t: 's', v: `${r.tables.length} table${r.tables.length === 1 ? '' : 's'}${r.pages ? ` on ${r.pages} page${r.pages === 1 ? '' : 's'}` : ''}, as Outturn read them: labels as text, figures as numbers in their printed places. Cells with a finding are in red (error) or amber (warning).` }]);
  styles.push({ range: 'A2', style: 'subtitle' });
  const marks = new Map<string, StyleName>();
  for (const f of r.findings) {
    if (!f.table || !f.row || !f.column || f.severity === 'note') continue;
    const k = `${f.table}\u0001${f.row}\u0001${f.column}`;
    if (marks.get(k) !== 'error') marks.set(k, f.severity === 'error' ? 'error' : 'warning');
  }
  for (const t of r.tables) {
    put([]);
    const heading = rows.length;
    put([{ t: 's', v: tableHeading(t) }]);
    styles.push({ range: a1(heading, 0), style: 'heading' });
    const row0 = rows.length;
    places[t.where] = { row0, col0: 0 };
    const first = firstFigureRow(t.cells);
    t.cells.forEach((cells, i) => {
      const out: PlanCell[] = [];
      cells.forEach((text, c) => {
        const { cell, format } = cellOf(text, i >= first && first >= 0 && c > 0);
        out.push(cell);
        if (format) numberFormats.push({ range: a1(row0 + i, c), format });
        else if (cell?.t === 's' && c > 0 && i >= first) numberFormats.push({ range: a1(row0 + i, c), format: 'text' });
        const mark = marks.get(`${t.where}\u0001${i + 1}\u0001${c + 1}`);
        if (mark) styles.push({ range: a1(row0 + i, c), style: mark });
      });
      put(out);
    });
    if (first > 0) styles.push({ range: range(row0, 0, row0 + first - 1, Math.max(0, t.columns - 1)), style: 'bold' });
  }
  const tieRows: number[] = [];
  if (r.ties.length) {
    put([]);
    const h = rows.length;
    put([{ t: 's', v: 'Figures quoted in the text' }]);
    styles.push({ range: a1(h, 0), style: 'heading' });
    put(['Quoted', 'Where', 'Tie', 'Source in the tables', 'Should read'].map((v) => ({ t: 's', v })));
    styles.push({ range: range(h + 1, 0, h + 1, 4), style: 'headerLast' });
    for (const tie of r.ties) {
      tieRows.push(rows.length);
      put([
        { t: 's', v: tie.quote.text },
        { t: 's', v: tie.quote.where },
        { t: 's', v: TIE_WORDS[tie.status] },
        tie.source ? { t: 's', v: tie.source } : null,
        tie.expected ? { t: 's', v: tie.expected } : null,
      ]);
      if (tie.status === 'truncated' || tie.status === 'different') styles.push({ range: a1(rows.length - 1, 2), style: 'warning' });
    }
  }
  const width = Math.max(5, ...rows.map((x) => x.length));
  const cells = rows.map((x) => [...x, ...Array<PlanCell>(width - x.length).fill(null)]);
  const widest = (c: number) => Math.max(0, ...r.tables.flatMap((t) => t.cells.map((row) => (row[c] ?? '').length)));
  const columnWidths = Array.from({ length: width }, (_, c) => (c === 0 ? Math.min(50, Math.max(24, widest(0))) : Math.min(24, Math.max(12, widest(c)))));
  return {
    sheet: { name, role: 'table', tables: [], cells, columnWidths, numberFormats, styles, checkCells: [] },
    places,
    tieRows,
  };
}

/** Sheet!A1 of a table's cell (1-based row and column as the findings give them). */
export function cellRefOf(name: string, places: TablePlaces, table: string | undefined, row: number | undefined, column: number | undefined): string | undefined {
  const p = table ? places[table] : undefined;
  if (!p || !row || !column) return undefined;
  return sheetRef(name, a1(p.row0 + row - 1, p.col0 + column - 1));
}

/**
 * The new sheet's name: "Audit " and the file's name without its extension, as Excel allows a sheet
 * name (31 characters, none of \ / ? * [ ] :, no apostrophe at either end), numbered " (2)", " (3)"…
 * when a sheet of that name exists: an earlier audit's sheet or a user's is never written over.
 */
export function reportSheetName(file: string, taken: (name: string) => boolean): string {
  const stem = file.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[\\/?*[\]:]+/g, ' ').replace(/\s+/g, ' ').trim();
  const clean = (s: string) => s.replace(/^'+|'+$/g, '').trim();
  const base = clean(`Audit ${stem}`.slice(0, 31)) || 'Audit';
  for (let i = 1; i < 1000; i++) {
    const suffix = i === 1 ? '' : ` (${i})`;
    const name = `${clean(base.slice(0, 31 - suffix.length))}${suffix}`;
    if (name.toLowerCase() !== 'history' && !taken(name)) return name;
  }
  throw new Error(`no free sheet name for ${file}`);
}
