// A ledger export (`revenue.ledger.linesFrom`): the rows of a file a finance system exported —
// Oracle, SAP, Unit4 (Agresso), Civica, TechnologyOne — read as outturn/v1 ledger lines through a
// column mapping given once (the export's own header text for cost centre, account, budget, actual
// to date, and optionally description, commitments, forecast and the period). Pure: the host (the
// command line, src/cli/ledger-file.ts) streams the file and hands over one row at a time with its
// line (or row) number; this finds the header row, reads each cell and locates every bad one.
//
// Amounts are read as an export writes them and kept as exact decimal text (never a float):
// "-1234.56", "1,234.56" (thousands separators), "(1,234.56)" (brackets for negatives),
// "1,234.56-" (SAP's trailing minus), "1,234.56 CR" / "DR", a leading "£", and a blank cell for nil.
// Scientific notation ("1.2E+05", what a spreadsheet saves from a too-narrow column) and decimal
// commas ("1.234,56") are refused with the fix in words, never guessed at.
import { fromSpreadsheetNumber, text } from '../base/decimal';
import type { LedgerLine } from '../engine/model';
import type { InputError } from './errors';

/** The export's header text of each column read (`linesFrom.columns`). */
export interface LedgerExportColumns {
  costCentre: string;
  account: string;
  description?: string;
  budget: string;
  actualToDate: string;
  commitments?: string;
  forecast?: string;
  month?: string;
}

/** `revenue.ledger.linesFrom` of outturn/v1. */
export interface LedgerExportSpec {
  file: string;
  sheet?: string;
  delimiter?: ',' | ';' | '\t' | '|';
  headerRow?: number;
  columns: LedgerExportColumns;
}

/** A cell as the host reads it: text (delimited files), or a workbook cell's number, text, boolean or blank. */
export type ExportCell = string | number | boolean | null | undefined | { error: string };

/** The bad cells named one by one; the rest are counted in one more error. */
export const MAX_EXPORT_ERRORS = 200;

const FIELDS = ['costCentre', 'account', 'description', 'budget', 'actualToDate', 'commitments', 'forecast', 'month'] as const;
type Field = (typeof FIELDS)[number];
const WORDS: Record<Field, string> = {
  costCentre: 'cost centre',
  account: 'account',
  description: 'description',
  budget: 'budget',
  actualToDate: 'actual to date',
  commitments: 'commitments',
  forecast: 'forecast',
  month: 'period',
};

/** Spreadsheet column letters of a 0-based column: 0 → A, 26 → AA. */
export function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const isBlank = (v: ExportCell) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const norm = (v: ExportCell): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '').trim().replace(/\s+/g, ' ').toLowerCase();

/** longer text is not an amount (the schema's money text is at most 1,000 characters; no ledger needs 40) */
const MAX_AMOUNT = 40;
const PLAIN = /^-?[0-9]+(\.[0-9]+)?$/;
const UNSIGNED = /^[0-9]+(\.[0-9]+)?$/;
const GROUPED = /^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$/;

/**
 * An amount as a finance system exports it, as exact decimal text; or `{ error }` in words.
 * Text: see the head of this file. A number (a workbook cell): the decimal it displays with 15
 * significant digits (src/base/decimal.ts fromSpreadsheetNumber), so 1234.56 stored as the double
 * 1234.559999… reads as "1234.56".
 */
export function exportAmount(v: ExportCell): string | { error: string } {
  if (v === null || v === undefined) return '0';
  if (typeof v === 'number') return Number.isFinite(v) ? text(fromSpreadsheetNumber(v)) : { error: `${v} is not an amount` };
  if (typeof v === 'boolean') return { error: `${v ? 'TRUE' : 'FALSE'} is not an amount` };
  if (typeof v === 'object') return { error: `the cell holds the error ${v.error}, not an amount` };
  if (v.length <= MAX_AMOUNT && PLAIN.test(v)) return v; // the usual case, at once
  if (v.length > MAX_AMOUNT) return { error: `${JSON.stringify(v.slice(0, 20))}… is too long to be an amount` };
  let s = v.trim();
  if (s === '' || s === '-') return '0';
  let neg = false;
  const m = /^(.*?)\s*(CR|DR)$/i.exec(s);
  if (m) {
    neg = m[2].toUpperCase() === 'CR';
    s = m[1];
  }
  if (s.startsWith('(') && s.endsWith(')')) {
    neg = !neg;
    s = s.slice(1, -1).trim();
  }
  if (s.endsWith('-')) {
    neg = !neg;
    s = s.slice(0, -1).trim();
  } else if (s.startsWith('-')) {
    neg = !neg;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  if (s.startsWith('£')) s = s.slice(1).trim();
  if (s.startsWith('-') && !neg) {
    neg = true;
    s = s.slice(1);
  }
  if (/^[0-9.,]*[0-9]\.?[0-9]*e[+-]?[0-9]+$/i.test(s)) {
    return { error: `${JSON.stringify(v)} is in scientific notation, which has lost the pennies: export the column as numbers with 2 decimal places` };
  }
  if (/^[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$/.test(s) || /^[0-9]+,[0-9]{1,2}$/.test(s)) {
    return { error: `${JSON.stringify(v)} has a decimal comma: export amounts with a decimal point (1234.56)` };
  }
  if (!UNSIGNED.test(s) && !GROUPED.test(s)) return { error: `${JSON.stringify(v)} is not an amount` };
  const digits = s.replace(/,/g, '');
  const isZero = /^[0.]+$/.test(digits);
  return neg && !isZero ? `-${digits}` : digits;
}

/** A code (cost centre, account): its text, trimmed; a workbook number as its digits. */
function exportCode(v: ExportCell): string | { error: string } | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? String(v) : { error: `${v} is not a code` };
  if (typeof v === 'boolean') return { error: `${v ? 'TRUE' : 'FALSE'} is not a code` };
  if (typeof v === 'object') return { error: `the cell holds the error ${v.error}` };
  const t = v.trim();
  if (t === '') return undefined;
  if (t.length > 64) return { error: `${JSON.stringify(t.slice(0, 20))}… is longer than a code (64 characters)` };
  return t;
}

/** The period: 1-12 (April = 1), written 6, 06, P6, P06 or "Period 6". */
function exportPeriod(v: ExportCell): number | undefined {
  const m = /^(?:p|period\s*)?0?([0-9]{1,2})$/i.exec(norm(v));
  const n = m ? Number(m[1]) : typeof v === 'number' && Number.isInteger(v) ? v : NaN;
  return n >= 1 && n <= 12 ? n : undefined;
}

/**
 * Reads the rows of one ledger export. Feed every row in order with `row()`, then `finish()`.
 * `lines` and `lineNumbers` (the file's line or row of each, 1-based) grow as rows arrive;
 * `errors` holds every bad cell, located by `where(line, column, header)` (line 0: the file as a
 * whole), at most
 * MAX_EXPORT_ERRORS of them and then one that counts the rest.
 */
export class LedgerExportReader {
  readonly lines: LedgerLine[] = [];
  readonly lineNumbers: number[] = [];
  readonly errors: InputError[] = [];
  /** the period every line gives, when the mapping has a period column */
  month?: number;
  private monthLine = 0;
  private cols: Partial<Record<Field, number>> | undefined;
  private headers: string[] = [];
  private firstRow: string[] | undefined;
  private more = 0;
  private readonly wanted: [Field, string][];

  /**
   * `sink`, when given, takes each good line as it is read (with its line of the file) and the reader
   * keeps none: `lines` and `lineNumbers` stay empty (a host aggregating while it reads).
   */
  constructor(
    private readonly spec: LedgerExportSpec,
    private readonly where: (line: number, column?: string, header?: string) => string,
    private readonly sink?: (l: LedgerLine, line: number) => void,
  ) {
    this.wanted = FIELDS.filter((f) => spec.columns[f] !== undefined).map((f) => [f, spec.columns[f]!]);
  }

  private error(line: number, c: number | undefined, message: string): void {
    if (this.errors.length >= MAX_EXPORT_ERRORS) {
      this.more++;
      return;
    }
    this.errors.push({ where: c === undefined ? this.where(line) : this.where(line, columnName(c), this.headers[c]), message });
  }

  /** Looks for the header row: the given headerRow, or the first row naming every mapped column. */
  private header(cells: readonly ExportCell[], line: number): void {
    const names = cells.map(norm);
    if (!this.firstRow && names.some((n) => n !== '')) this.firstRow = cells.map((c) => (c === null || c === undefined ? '' : String(typeof c === 'object' ? c.error : c).trim()));
    const at = (h: string) => names.indexOf(h.trim().replace(/\s+/g, ' ').toLowerCase());
    const found = this.wanted.map(([f, h]) => [f, at(h)] as const);
    const given = this.spec.headerRow !== undefined;
    if (given && line < this.spec.headerRow!) return;
    if (!given && found.some(([, c]) => c < 0)) return;
    this.headers = cells.map((c) => String(c ?? '').trim());
    this.cols = Object.fromEntries(found);
    const missing = found.filter(([, c]) => c < 0);
    for (const [f] of missing) {
      this.error(line, undefined, `the header row has no column headed ${JSON.stringify(this.spec.columns[f])} (mapped as the ${WORDS[f]}); its headers are ${this.headers.filter(Boolean).map((h) => JSON.stringify(h)).join(', ')}`);
    }
    if (missing.length) this.cols = undefined;
  }

  /** One row of the export (its cells from column A, or the fields of a delimited line) and its line number. */
  row(cells: readonly ExportCell[], line: number): void {
    const c = this.cols;
    if (!c) {
      if (this.errors.length === 0 || this.spec.headerRow === undefined) this.header(cells, line);
      return;
    }
    let blank = true;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (v !== null && v !== undefined && v !== '' && !(typeof v === 'string' && v.trim() === '')) {
        blank = false;
        break;
      }
    }
    if (blank) return;
    const before = this.errors.length + this.more;
    const l: LedgerLine = {
      costCentre: this.code(cells, c.costCentre!, 'costCentre', line),
      account: this.code(cells, c.account!, 'account', line),
      budget: this.amount(cells, c.budget!, 'budget', line),
      actualToDate: this.amount(cells, c.actualToDate!, 'actualToDate', line),
    };
    if (c.description !== undefined) {
      const d = cells[c.description];
      if (d !== null && d !== undefined && d !== '') l.description = String(typeof d === 'object' ? d.error : d).trim().slice(0, 255);
    }
    if (c.commitments !== undefined && !isBlank(cells[c.commitments])) l.commitments = this.amount(cells, c.commitments, 'commitments', line);
    if (c.forecast !== undefined && !isBlank(cells[c.forecast])) l.forecast = this.amount(cells, c.forecast, 'forecast', line);
    if (c.month !== undefined) this.period(cells[c.month], c.month, line);
    if (this.errors.length + this.more === before) {
      if (this.sink) this.sink(l, line);
      else {
        this.lines.push(l);
        this.lineNumbers.push(line);
      }
    }
  }

  private code(cells: readonly ExportCell[], i: number, f: 'costCentre' | 'account', line: number): string {
    const v = cells[i];
    if (typeof v === 'string') {
      const t = v.length > 0 && v.length <= 64 && v.charCodeAt(0) > 32 && v.charCodeAt(v.length - 1) > 32 ? v : v.trim();
      if (t !== '' && t.length <= 64) return t;
    }
    const r = exportCode(v);
    if (r === undefined) {
      this.error(line, i, `no ${WORDS[f]} on this line${f === 'costCentre' ? ' (a total or sub-total row? leave totals out of the export: Outturn adds the lines up itself)' : ''}`);
      return '';
    }
    if (typeof r === 'object') {
      this.error(line, i, r.error);
      return '';
    }
    return r;
  }

  private amount(cells: readonly ExportCell[], i: number, f: 'budget' | 'actualToDate' | 'commitments' | 'forecast', line: number): string {
    const r = exportAmount(cells[i]);
    if (typeof r === 'object') {
      this.error(line, i, `the ${WORDS[f]}: ${r.error}`);
      return '0';
    }
    return r;
  }

  private period(v: ExportCell, i: number, line: number): void {
    const p = exportPeriod(v);
    if (p === undefined) this.error(line, i, `${JSON.stringify(String(v ?? ''))} is not a period: 1 (April) to 12 (March), or P1 to P12`);
    else if (this.month === undefined) {
      this.month = p;
      this.monthLine = line;
    } else if (p !== this.month) {
      this.error(line, i, `the period here is ${p}, but ${this.month} on line ${this.monthLine}: an export holds one period's year-to-date figures`);
    }
  }

  /** After the last row: an error when no header row was found; the count of errors not listed. */
  finish(): void {
    if (!this.cols && this.errors.length === 0) {
      const want = this.wanted.map(([, h]) => JSON.stringify(h)).join(', ');
      const first = this.firstRow?.filter(Boolean).map((h) => JSON.stringify(h)).join(', ');
      this.errors.push({
        where: this.where(this.spec.headerRow ?? 1),
        message: this.spec.headerRow !== undefined
          ? `line ${this.spec.headerRow} (headerRow) is beyond the end of the export`
          : `no line has all the mapped column headers (${want})${first ? `; the first line has ${first}` : '; the export is empty'}`,
      });
    }
    if (this.more > 0) this.errors.push({ where: this.where(0), message: `and ${this.more} more bad cell(s) not listed` });
  }
}
