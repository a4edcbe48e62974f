// The audit of a whole report: every table found in it recalculated as `outturn audit` recalculates a
// sheet (layouts, casts, cross-casts, variances, percentages, roll-forwards, tie-outs between
// tables), and the narrative's amounts and percentages tied to the tables. Pure: a reader at the
// edge turns the PDF, HTML or text into a ReportDocument.
import type { Severity } from '../engine/model';
import { type AuditFinding, type AuditedTable, type AuditReport, AuditInputError, auditGrids } from '../audit/audit';
import type { Grid } from '../audit/grid';
import { type Checked, sumChecked } from '../audit/context';
import { parsePrinted } from '../base/printed';
import type { DocTable, ReportDocument } from './document';
import { type NarrativeTie, tieNarrative } from './narrative';

/** A finding of the report audit, placed by page, table, row and column, with the text it read. */
export interface ReportFinding {
  severity: Severity;
  rule: string;
  /** "page 3, table 2, row 7, column E (Outturn £)", or "page 2" for the narrative */
  where: string;
  page?: number;
  /** the table's place in the document ("page 3, table 2") */
  table?: string;
  /** 1-based row and column within the table as read */
  row?: number;
  column?: number;
  message: string;
  /** what was read: the cell's text, or the sentence quoted */
  text?: string;
  printed?: string;
  expected?: string;
  difference?: string;
}

export interface ReportAudit {
  source: string;
  kind: ReportDocument['kind'];
  pages?: number;
  scanned: number[];
  /**
   * each table found, as read, how the audit recognised it (none: not a table it could check) and
   * how many printed figures each kind of check compared (all blocks of the table added together)
   */
  tables: { where: string; title?: string; page?: number; rows: number; columns: number; layouts: string[]; checked: Checked; cells: string[][] }[];
  findings: ReportFinding[];
  ties: NarrativeTie[];
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

function gridOf(t: DocTable): Grid {
  return { sheet: t.where, cells: t.cells, bold: t.bold, addressing: 'a1' };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "'page 3, table 2'!E7" → the table, row 7, column 5. */
function placeOf(cell: string, byWhere: Map<string, DocTable>): { t?: DocTable; row?: number; column?: number } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?([0-9]+)$/.exec(cell);
  if (!m) return {};
  const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
  return { t: byWhere.get(sheet), row: Number(m[4]), column: columnNumber(m[3]) };
}

function describeCell(t: DocTable, row: number, column: number): string {
  const header = headerOf(t, column - 1);
  const rowPage = t.rowPages?.[row - 1];
  const line = t.rowLines?.[row - 1];
  const table = rowPage !== undefined && rowPage !== t.page ? t.where.replace(/^page \d+/, `page ${rowPage}`) + ` (continued from page ${t.page})` : t.where;
  return `${table}, row ${row}${line ? ` (line ${line})` : ''}, column ${column}${header ? ` (${header})` : ''}`;
}

/** A column's header: the text above its first figure. */
function headerOf(t: DocTable, c: number): string {
  const parts: string[] = [];
  for (const r of t.cells) {
    const x = r[c] ?? '';
    if (/[0-9]/.test(x) && !/[a-z]{3}/i.test(x)) break;
    if (x) parts.push(x);
  }
  return parts.join(' ').slice(0, 60);
}

/**
 * Audits a report: its tables through the same audit as a workbook (all at once, so tie-outs
 * between tables run), then its narrative against the tables.
 * @returns findings sorted by severity, each placed in the document; the narrative ties; the tables as read
 */
export function auditReport(doc: ReportDocument): ReportAudit {
  const byWhere = new Map(doc.tables.map((t) => [t.where, t]));
  const findings: ReportFinding[] = [];
  for (const t of doc.tables) findings.push(...pushedLabels(t));
  for (const t of doc.tables) {
    const h = t.hiddenRows;
    if (!h?.length) continue;
    const shown = h.slice(0, 3).map((x) => `“${x.length > 70 ? `${x.slice(0, 67)}…` : x}”`).join('; ');
    findings.push({
      severity: 'note', rule: 'report.hidden-rows', where: t.where, page: t.page, table: t.where,
      message: `${h.length === 1 ? 'a row' : `${h.length} rows`} of ${t.where} ${h.length === 1 ? 'is' : 'are'} hidden in the page (display:none, as Excel saves a sheet's hidden rows) and not shown to a reader: left out of the table as audited (${shown}${h.length > 3 ? ' …' : ''})`,
    });
  }
  let audited: AuditedTable[] = [];
  const grids = doc.tables.map(gridOf);
  if (grids.length) {
    try {
      const r = auditGrids(grids);
      audited = r.tables;
      for (const f of r.findings) findings.push(fromAudit(f, byWhere));
    } catch (e) {
      if (!(e instanceof AuditInputError)) throw e;
    }
  }
  const unitsByTable = new Map<string, string | undefined>();
  for (const a of audited) if (!unitsByTable.has(a.sheet) || a.units) unitsByTable.set(a.sheet, a.units);
  const narrative = tieNarrative(doc.paragraphs, doc.tables, (t) => unitsByTable.get(t.where));
  for (const f of narrative.findings) {
    findings.push({ severity: f.severity, rule: f.rule, where: f.where, page: f.page, message: f.message, text: f.text, printed: f.printed, expected: f.expected });
  }
  for (const p of doc.scanned ?? []) {
    findings.push({ severity: 'note', rule: 'report.scanned-page', where: `page ${p}`, page: p, message: `page ${p} has no text to read (a scanned image?): its tables, if any, were not checked` });
  }
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return {
    source: doc.source,
    kind: doc.kind,
    pages: doc.pages,
    scanned: doc.scanned ?? [],
    tables: doc.tables.map((t) => ({
      where: t.where, title: t.title, page: t.page, rows: t.cells.length, columns: t.cells[0]?.length ?? 0,
      layouts: audited.filter((a) => a.sheet === t.where).map((a) => a.layout),
      checked: sumChecked(audited.filter((a) => a.sheet === t.where).map((a) => a.checked)), cells: t.cells,
    })),
    findings,
    ties: narrative.ties,
  };
}

const isFigureText = (s: string) => /[0-9]/.test(s) && parsePrinted(s.replace(/\s*(\*+|\([a-z]\))$/i, '')).kind === 'number';

/**
 * A label pushed into a figure column, the label column left empty (a copy from a PDF leaves these:
 * "additional Council Tax surpluses" under "Original Budget"): moved to the label column, with a note.
 * Only text in a column whose other cells are figures, on a row whose label cell is empty.
 */
function pushedLabels(t: DocTable): ReportFinding[] {
  const out: ReportFinding[] = [];
  const width = t.cells[0]?.length ?? 0;
  const figureColumn = (c: number) => {
    let figs = 0;
    let texts = 0;
    for (const r of t.cells) {
      const x = (r[c] ?? '').trim();
      if (!x) continue;
      if (isFigureText(x)) figs++;
      else texts++;
    }
    return figs >= 3 && figs > 2 * texts;
  };
  const firstFigureRow = t.cells.findIndex((r) => r.some(isFigureText));
  if (firstFigureRow < 0) return out;
  for (let r = firstFigureRow; r < t.cells.length; r++) {
    const row = t.cells[r];
    if ((row[0] ?? '').trim() !== '') continue;
    const texts = row.map((x, c) => ({ x: x.trim(), c })).filter(({ x, c }) => c > 0 && x !== '' && !isFigureText(x) && /[a-z]{3}/i.test(x));
    if (texts.length !== 1 || !figureColumn(texts[0].c) || texts[0].c >= width) continue;
    const { x, c } = texts[0];
    row[0] = x;
    row[c] = '';
    if (t.bold?.[r]) [t.bold[r][0], t.bold[r][c]] = [t.bold[r][c] ?? false, false];
    out.push({
      severity: 'note', rule: 'report.label-moved', where: describeCell(t, r + 1, c + 1), page: t.rowPages?.[r] ?? t.page, table: t.where, row: r + 1, column: c + 1, text: x,
      message: `“${x}” is printed in a figure column with the label column empty (as a copy from a PDF leaves it): read as the row's label`,
    });
  }
  return out;
}

function fromAudit(f: AuditFinding, byWhere: Map<string, DocTable>): ReportFinding {
  const { t, row, column } = placeOf(f.cell, byWhere);
  const text = t && row && column ? t.cells[row - 1]?.[column - 1] : undefined;
  return {
    severity: f.severity,
    rule: f.rule,
    where: t && row && column ? describeCell(t, row, column) : f.cell,
    page: t ? t.rowPages?.[(row ?? 1) - 1] ?? t.page : undefined,
    table: t?.where,
    row,
    column,
    message: f.message,
    text,
    printed: f.printed,
    expected: f.expected,
    difference: f.difference,
  };
}

/** 0 clean (notes at most); 1 an error or a warning; 2 nothing could be checked (no table recalculated, no quoted figure found in a table). */
export function reportExitCode(r: ReportAudit): 0 | 1 | 2 {
  // nothing checked: no table the audit could recalculate, and no quoted figure found in a table
  // (a report whose tables were not read is never "clean")
  if (r.tables.every((t) => t.layouts.length === 0) && r.ties.every((t) => t.status === 'unsourced')) return 2;
  if (r.findings.some((f) => f.severity === 'error' || f.severity === 'warning')) return 1;
  return 0;
}

/**
 * A table file's audit (`outturn audit FILE.csv|.tsv|.xlsx --html`) in the shape of a report's, so the
 * same findings page shows it: each sheet (or the file) as read, every finding marked at its cell; no
 * narrative. `grids` as the audit read them, `report` what `auditGrids` found in them. A finding's
 * row is the file's line for a CSV/TSV (mapped back to the grid row through `lines`), the sheet's
 * row for a workbook; cells are shown as read (numbers as stored, not as a workbook formats them).
 */
export function tableFileAudit(source: string, grids: Grid[], report: AuditReport): ReportAudit {
  const sheetOf = (f: AuditFinding): Grid | undefined => {
    if (grids.length === 1) return grids[0];
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!/.exec(f.cell);
    const name = m ? (m[1] ?? m[2]).replace(/''/g, "'") : undefined;
    return grids.find((g) => g.sheet === name);
  };
  const findings: ReportFinding[] = report.findings.map((f) => {
    const g = sheetOf(f);
    const row = g?.lines ? g.lines.indexOf(f.row) + 1 : f.row;
    return {
      severity: f.severity, rule: f.rule, where: f.cell, table: g?.sheet, row: row > 0 ? row : undefined, column: f.column,
      message: f.message, printed: f.printed, expected: f.expected, difference: f.difference,
    };
  });
  for (const u of report.unchecked ?? []) {
    findings.push({ severity: 'note', rule: 'audit.unchecked', where: `${u.sheet} ${u.range}`, table: u.sheet, message: `nothing could be checked here: ${u.why}` });
  }
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return {
    source,
    kind: 'tables',
    scanned: [],
    tables: grids.map((g) => {
      const width = Math.max(0, ...g.cells.map((r) => r.length));
      const cells = g.cells.map((r) => Array.from({ length: width }, (_, i) => (r[i] === null || r[i] === undefined ? '' : String(r[i]))));
      const mine = report.tables.filter((t) => t.sheet === g.sheet);
      return { where: g.sheet, rows: cells.length, columns: width, layouts: mine.map((t) => t.layout), checked: sumChecked(mine.map((t) => t.checked)), cells };
    }),
    findings,
    ties: [],
  };
}
