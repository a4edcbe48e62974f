// Finds the tables on a grid: header rows (over several lines), the body under them, each column's
// caption, role and units; leaves out what is not the table (titles above it, the check row under it,
// Outturn's "engine figures" mirror block to its right).
import type { Units } from '../engine/model';
import type { TableLayout } from '../engine/tables';
import { Dec } from '../base/decimal';
import { type Grid, type Reading, NIL_WORD, NOT_APPLICABLE, NOT_RENDERED, RULE, TOO_NARROW, boldAt, cellAt, cellText, readAt, stepOf, twoFigures, width } from './grid';

/**
 * The statutory layouts (revenue, capital, reserves); Outturn's forecasting tables: the forecast
 * build-up (Table 1a: actual to date + the rest of the year = the forecast outturn), the ledger
 * reconciliation (1b), next year's programme (2a: approved budget + reprofile), the financing of the
 * spend (2b), the MTFP (3b: gap = budget requirement − funding, drawn from reserves) and its
 * scenarios (3c); and auto (any other table: its totals cast).
 */
export type Layout = TableLayout | 'auto';

export type Role =
  | 'row_type'
  | 'label'
  | 'text'
  | 'original'
  | 'revised'
  | 'virement'
  | 'outturn'
  | 'to_date'
  | 'rest'
  | 'variance'
  | 'pct'
  | 'remaining'
  | 'reprofile'
  | 'opening'
  | 'movement'
  | 'transfers'
  | 'capital'
  | 'closing'
  | 'money';

export interface Column {
  c: number;
  /** the header lines joined, as printed */
  caption: string;
  /** lower case, underscores as spaces: what roles are recognised from */
  norm: string;
  numeric: boolean;
  /** a percentage column (a % in its header or its figures) */
  percent: boolean;
  role: Role;
  units?: Units;
  /**
   * a column with no % in its caption or its figures read as percentages by its figures: what they are
   * on nearly every row ("(2018/19 − 2017/18) / 2017/18 on 5 of 5 rows"; see percentByFigures)
   */
  byFigures?: string;
  /**
   * the units were read from the column's own figures, every one of which prints them inside its cell
   * ("£41.4m", "£743.599m"; "£31,682,480"), no header, title or note stating any: one note for the
   * column, not one per cell (see cellRules)
   */
  unitsInCells?: string;
  /** a rate per unit, never summed: a Band D charge, the amount raised over the tax base on each row (bandd.ts) */
  rate?: boolean;
  /**
   * one of the two columns read from a column whose cells print two figures each ("+9.90 (+4.79%)",
   * "2.99%/£41.05"): a cell as printed, for the note (see withTwoFigures)
   */
  twoFigures?: string;
}

export interface TableRow {
  r: number;
  label: string;
  rowType?: string;
  bold: boolean;
  /** readings of the numeric columns, by grid column */
  cells: Map<number, Reading>;
  /** no figure in any numeric column */
  empty: boolean;
  /** the grid column the label was found in when it is not the label column (pushed into the figures by a copy from a PDF) */
  labelIn?: number;
  /**
   * A row whose figures a copy shifted one column (see shiftedRows): per table column c of `cells`,
   * the grid column its figure is printed in; `shift` says which way (-1: one column left, the first
   * figure in the label column; +1: one column right, the last figure past the last header).
   */
  printedAt?: Map<number, number>;
  /**
   * A total carried from several tables above, one per column (see carriedByYear): per table column c,
   * the grid row its figure is printed in (row.r otherwise).
   */
  rAt?: Map<number, number>;
  /** with rAt: per table column, the label of the row its figure is carried from */
  labels?: Map<number, string>;
  shift?: -1 | 1;
  /** with shift +1: the grid column of the empty cell the copy left in the row; only the figures after it are shifted (see gapBefore) */
  gapAt?: number;
  /** the row is one cell short, its figures compacted to the left: each printed one column left of the header it belongs to (see unshift) */
  compacted?: true;
  /** printed under a single rule typed as characters ("------"): where a total stands (a hint, the arithmetic decides) */
  ruled?: boolean;
  /** the label began on the line above, which printed no figure (a total's label wrapped: see joinWrappedTotals) */
  wrapped?: true;
}

/** The grid column the figure of table column c is printed in on this row (c itself unless a copy shifted the row). */
export const gridColumn = (row: TableRow, c: number): number => row.printedAt?.get(c) ?? c;

export interface FoundTable {
  grid: Grid;
  /** grid rows of the header (may be empty: a table pasted without one) */
  headerRows: number[];
  /** first and last grid row of the body, first and last column of the table */
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  columns: Column[];
  labelCol: number;
  rowTypeCol?: number;
  rows: TableRow[];
  units?: Units;
}

/**
 * Text that is a figure the reader could not read: digits (grouped, bracketed, with £, a per cent sign)
 * followed by at most a short mark ("1203XX", "2,991.5x", "1.2.3", "9%x"), not a word, a year ("2020/21") or a date.
 */
const FIGURE_LIKE = /^[(\-−–]?\s*[£€$]?\s*\d[\d,.\s\u00a0]*\)?\s*%?\s*[a-z]{0,3}\.?\s*[-−–]?$/i;

/**
 * Text that prints an amount of money the reader could not read: a currency sign before digits, with
 * no more than a few marks around it and no word ("(+ £12.4m)" before T7-66, "£12.4m (+3%)", "c.£5m",
 * "£1.2m / £0.3m"): a column of nothing else is a column of figures, each cell unreadable (T7-66 (b)).
 */
const MONEY_TEXT = /[£€$]\s*\d/;
const moneyText = (s: string) => MONEY_TEXT.test(s) && !VALUE_RANGE.test(s) && !/[a-z]{4,}/i.test(s) && s.replace(/[£€$\d,.\s\u00a0]/g, '').length <= 12;

/**
 * A property's value band printed beside (or with) its council tax band: "Up to £40,000", "£40,001-£52,000",
 * "A (up to £40k)", "B (£40k - £52k)", "Over £320,000" — words of a valuation, never an amount the table adds
 * (T11-08: Sefton's and Cheshire West's band tables, 4 and 6 false "unreadable" errors and exit 2).
 */
const VALUE_RANGE = /^\s*(?:[A-I]\s*)?\(?\s*(?:(?:up\s+to|over|under|above|below|not\s+exceeding|exceeding|more\s+than|less\s+than)\s+[£€$]\s*\d[\d,.]*\s*k?|[£€$]\s*\d[\d,.]*\s*k?\s*(?:[-–—]|to|and)\s*[£€$]?\s*\d[\d,.]*\s*k?)\s*\)?\s*$/i;

const BLANK_TEXT = /^[\s\u00a0\u202f\u2009]*$/;

function rowIsBlank(g: Grid, r: number, c1: number): boolean {
  for (let c = 0; c <= c1; c++) {
    const v = cellAt(g, r, c);
    if (v === null) continue;
    if (typeof v !== 'string') return false;
    // text that starts with a printable ASCII character is not blank (no pattern needed)
    const c0 = v.charCodeAt(0);
    if ((c0 > 32 && c0 < 127) || !BLANK_TEXT.test(v)) return false;
  }
  return true;
}

/**
 * RULE.test(t) for text trimmed as printedText trims it: a rule starts with one of its characters,
 * so text that does not is told at its first character.
 */
function isRule(t: string): boolean {
  const c0 = t.charCodeAt(0);
  return (c0 === 45 || c0 === 61 || c0 === 95 || c0 >= 0x2013) && RULE.test(t);
}

/** A row of single rules typed as characters and nothing else ("------" under the figures a total adds; not "======", the double rule under a total). */
function underRule(g: Grid, r: number, c1: number): boolean {
  let any = false;
  for (let c = 0; c <= c1; c++) {
    const t = cellText(cellAt(g, r, c));
    if (!t) continue;
    if (!isRule(t)) return false;
    if (!/=|\u2550/.test(t)) any = true;
  }
  return any;
}

/** A cell printing an amount and a percentage together ("+9.90 (+4.79%)", "2.99%/£41.05", "£136.3m (28.9%)"). */
const bothFigures = (s: string): boolean => {
  const two = /[0-9]/.test(s) ? twoFigures(s) : undefined;
  return two?.money !== undefined && two.pct !== undefined;
};

function hasNumber(g: Grid, r: number, c1: number): boolean {
  let missing = 0;
  let other = 0;
  for (let c = 0; c <= c1; c++) {
    const x = readAt(g, r, c);
    // A dash is a printed nil: a table may be all nils. The word "none" alone does not make a row of figures.
    if (x.kind === 'number' && !NIL_WORD.test(x.raw)) return true;
    // an amount and its share printed in one cell ("£136.3m (28.9%)": T13-51) is a row of figures (withTwoFigures reads both)
    if (x.kind === 'text' && !x.error && bothFigures(x.text)) return true;
    // where figures stand but were not printed ("£nanm", "####"): a row of figures all the same (T7-09)
    if (x.kind === 'text' && x.error && g.errors?.[r]?.[c] === undefined && (NOT_RENDERED.test(x.text) || TOO_NARROW.test(x.text))) missing++;
    else if (x.kind !== 'blank') other++;
  }
  return missing >= 2 && other <= 1;
}

const isCheckRow = (g: Grid, r: number) => /^check\b/i.test(cellText(cellAt(g, r, 0)));

/**
 * A row of bare years and nothing else ("2002 | 2002 | 2002 | 2002" under the captions; "2019 | 2018"
 * as the only caption of a balance sheet's columns): each the year of its column, a caption, never
 * figures. Only where the rows of figures have not started (the first row of a band that prints a
 * figure is looked at), with no label and no other text, each year a whole number 1990-2099 printed
 * without a separator ("2,019" is a figure).
 */
function isYearCaptionRow(g: Grid, r: number, w: number): boolean {
  let years = 0;
  for (let c = 0; c < w; c++) {
    const v = cellAt(g, r, c);
    const t = cellText(v);
    if (!t) continue;
    if (!/^(19[9]\d|20\d\d)$/.test(t.trim())) return false;
    years++;
  }
  return years > 0;
}

/**
 * Tables printed side by side on one sheet, one or more empty columns between them (a workbook holding
 * Cumbria PCC's council tax analysis at A1:C21 and Surrey PCC's monitoring summary at F1:I4): each part
 * is a grid of its own — the same cells, those of the other parts blank, so every address stays the
 * sheet's — read as a sheet is. A part is a table of its own only when a column of it names its rows
 * (words on two rows or more that print figures to its right in the part); any other part (a column
 * group after a spacer column, a notes column after the figures, the engine figures Outturn mirrors
 * beside a table) stays with the part to its left. Undefined when the sheet is one part.
 */
function sideBySide(g: Grid, w: number): Grid[] | undefined {
  const used: boolean[] = new Array(w).fill(false);
  for (const row of g.cells) for (let c = 0; c < row.length; c++) if (!used[c] && cellText(row[c]).trim() !== '') used[c] = true;
  const runs: [number, number][] = [];
  for (let c = 0; c < w; c++) {
    if (!used[c]) continue;
    const start = c;
    while (c + 1 < w && used[c + 1]) c++;
    runs.push([start, c]);
  }
  if (runs.length < 2) return repeatedPairs(g, w);
  // A column of the part names its rows: words on two rows or more that print figures to its right in the part.
  const own = ([c0, c1]: [number, number]) => {
    for (let l = c0; l < c1; l++) {
      let named = 0;
      for (let r = 0; r < g.cells.length && named < 2; r++) {
        const x = readAt(g, r, l);
        if (x.kind !== 'text' || !/[a-z]{2}/i.test(x.text)) continue;
        for (let c = l + 1; c <= c1; c++) {
          if (readAt(g, r, c).kind === 'number') {
            named++;
            break;
          }
        }
      }
      if (named >= 2) return true;
    }
    return false;
  };
  const parts: [number, number][] = [];
  for (const run of runs) {
    if (parts.length && !own(run)) parts[parts.length - 1][1] = run[1];
    else parts.push([run[0], run[1]]);
  }
  if (parts.length < 2 || !own(parts[0])) return undefined;
  return maskParts(g, parts);
}

/** The grid cut into column parts [c0, c1], each a grid of its own with the same addresses. */
function maskParts(g: Grid, parts: [number, number][]): Grid[] {
  const mask = <T>(rows: T[][] | undefined, [c0, c1]: [number, number], blank: T): T[][] | undefined =>
    rows?.map((row) => (row ? Array.from(row.slice(0, c1 + 1), (v, c) => (c < c0 ? blank : v)) : row));
  return parts.map((p) => ({
    ...g,
    cells: mask(g.cells, p, null)!,
    ...(g.bold ? { bold: mask(g.bold, p, false) } : {}),
    ...(g.errors ? { errors: mask(g.errors, p, undefined) } : {}),
    part: { of: g, c0: p[0] },
  }));
}

/**
 * Two lists printed side by side with no spacer column between them, under a caption row that prints
 * the same captions twice ("Subject | £m | Subject | £m", "Expenditure | £ | Income | £" is not the
 * same and stays one table): South Yorkshire fire's spending on the left and its funding on the
 * right, each with its own "Total" on a row of its own (session 10, T9-16: read as one table, the
 * right-hand total was in no check). A part for each copy of the captions, when the first column of
 * each names two rows or more in words, with figures to its right in the part.
 */
function repeatedPairs(g: Grid, w: number): Grid[] | undefined {
  for (let r = 0; r < Math.min(g.cells.length, 12); r++) {
    for (let p = 2; p * 2 <= w; p++) {
      const cap = (c: number) => normalise(cellText(cellAt(g, r, c)));
      const first = Array.from({ length: p }, (_, c) => cap(c));
      if (first.some((x) => !x)) continue;
      let copies = 1;
      while ((copies + 1) * p <= w && first.every((x, c) => cap(copies * p + c) === x)) copies++;
      if (copies < 2) continue;
      // nothing printed right of the last copy
      for (let c = copies * p; c < w; c++) for (let q = 0; q < g.cells.length; q++) if (cellText(cellAt(g, q, c))) return undefined;
      const names = (c0: number) => {
        let n = 0;
        for (let q = r + 1; q < g.cells.length && n < 2; q++) {
          const x = readAt(g, q, c0);
          if (x.kind !== 'text' || !/[a-z]{2}/i.test(x.text)) continue;
          for (let c = c0 + 1; c < c0 + p; c++) if (readAt(g, q, c).kind === 'number') {
            n++;
            break;
          }
        }
        return n >= 2;
      };
      const parts: [number, number][] = Array.from({ length: copies }, (_, k) => [k * p, k * p + p - 1]);
      if (!parts.every(([c0]) => names(c0))) continue;
      return maskParts(g, parts);
    }
  }
  return undefined;
}

/** Every table on the grid, top to bottom (each part of a sheet printing tables side by side in turn). */
export function findTables(g: Grid): FoundTable[] {
  const parts = g.part ? undefined : sideBySide(g, width(g));
  return parts ? parts.flatMap(findTablesIn) : findTablesIn(g);
}

function findTablesIn(g: Grid): FoundTable[] {
  const w = width(g);
  const tables: FoundTable[] = [];
  // Bands: runs of rows that are not blank.
  const bands: [number, number][] = [];
  for (let r = 0; r < g.cells.length; r++) {
    if (rowIsBlank(g, r, w - 1)) continue;
    const start = r;
    while (r + 1 < g.cells.length && !rowIsBlank(g, r + 1, w - 1)) r++;
    bands.push([start, r]);
  }
  let pendingHeader: number[] = [];
  const above: number[] = [];
  for (let n = 0; n < bands.length; n++) {
    const [b0] = bands[n];
    let b1 = bands[n][1];
    let d = -1;
    // A row of column markers under the captions ("(1) (1) (2) (3)", "(a) (b)", "1 2 3 4") is part of
    // the header, not a row of figures (−1, −1, −2 …): it neither starts the body nor cuts it from its captions.
    const markers = new Set<number>();
    for (let r = b0; r <= b1; r++) {
      if (r > b0 && d < 0 && isMarkerRow(g, r, w)) {
        markers.add(r);
        continue;
      }
      if (hasNumber(g, r, w - 1) && !isCheckRow(g, r) && !isYearCaptionRow(g, r, w)) {
        d = r;
        break;
      }
    }
    if (d < 0) {
      // A band of text: a title, or a header separated from its body by a blank row.
      const multi = [];
      for (let r = b0; r <= b1; r++) {
        let n = 0;
        for (let c = 0; c < w; c++) if (cellText(cellAt(g, r, c))) n++;
        if (n >= 2) multi.push(r);
        above.push(r);
      }
      pendingHeader = multi;
      continue;
    }
    let last = b1;
    while (last > d && isCheckRow(g, last)) last--;
    if (isCheckRow(g, d)) continue;

    // Columns holding figures in the body tell header rows (text over figures) from headings.
    const numericish = new Set<number>();
    for (let r = d; r <= last; r++) for (let c = 0; c < w; c++) {
      const x = readAt(g, r, c);
      // a workbook's cell with no value (a formula saved without its result) stands where a figure does
      if (x.kind === 'number' || (x.kind === 'text' && (x.error || bothFigures(x.text)))) numericish.add(c);
    }
    let headerStart = -1;
    let headerEnd = -1;
    for (let r = b0; r < d; r++) {
      // A heading printing "N/A" in every figure column (South Cambridgeshire's HRA summary: "Expenditure |
      // N/A | N/A | N/A | N/A") names no column: the body's first heading, not a caption row (T9-57).
      if (headerStart >= 0 && notApplicableRow(g, r, [...numericish])) break;
      // A sentence alone on its line over the column of figures ("It is proposed that the total
      // corporate underspend of £8.923m … is transferred to the following reserves:", above a list that
      // prints each amount before its label) is a title line, not the figures' caption.
      if (headerStart < 0 && isSentenceLine(g, r, w)) continue;
      for (const c of numericish) {
        if (cellText(cellAt(g, r, c))) {
          if (headerStart < 0) headerStart = r;
          headerEnd = r;
          break;
        }
      }
    }
    let headerRows: number[] = [];
    let bodyStart: number;
    if (headerStart >= 0) {
      for (let r = headerStart; r <= headerEnd; r++) if (!markers.has(r)) headerRows.push(r);
      for (let r = b0; r < headerStart; r++) above.push(r);
      bodyStart = headerEnd + 1;
    } else if (pendingHeader.length > 0) {
      headerRows = pendingHeader;
      bodyStart = b0;
    } else {
      bodyStart = b0;
    }
    pendingHeader = [];

    // A header printed again inside the body: the same header (a page break) is not a row of the
    // table; another header (other captions, or the same columns over another label caption: a second
    // table stacked under the first with no blank line) starts a band of its own, with the title lines
    // directly above it.
    const skip = new Set<number>();
    const captions = new Set<number>();
    const figureCols = [...numericish];
    for (let r = bodyStart + 1; r <= last; r++) {
      let again = headerAgain(g, w, headerRows, r, figureCols);
      // The same captions again directly under a title line of their own — not the table's own title,
      // not "(continued)" — start a second table stacked under the first with no blank line (a written
      // answer's overtime in £000, then "Overtime as a Percentage of …" over the same years, T8-12).
      if (again === 'same' && r - 1 > bodyStart && isTitleRow(g, r - 1, w) && !/\bcontinued\b|\bcont(\.|'?d)/i.test(cellText(cellAt(g, r - 1, 0))) &&
        !above.some((x) => normalise(cellText(cellAt(g, x, 0))) === normalise(cellText(cellAt(g, r - 1, 0)))) && repeatsLabels(g, bodyStart, r - 2, r + 1, last)) again = 'other';
      if (again === 'same') skip.add(r);
      // A block's own caption row, its words other than the first header's ("PAYMENTS | Budget | YTD
      // Payments | Remaining | %" under "Budget 2024-25 | YTD | Remaining | %"; "Spending/receipts |
      // 2024/25 £m" under "2024/25 - £m"): a heading of the same table, its figure cells captions (T9-53).
      // Directly under a title line of its own ("How your Council Tax is calculated"), such a row heads a
      // second table stacked under the first (Midlothian's funding build-up under its directorates).
      if (again === undefined && blockCaptionRow(g, w, headerRows, r, figureCols)) {
        if (r - 1 > bodyStart && isTitleRow(g, r - 1, w)) again = 'other';
        else captions.add(r);
      }
      // A caption row of words over a header row printed again (West Yorkshire Fire's "Source of Funding |
      // Amount" then "£m |", as its cost list printed "Item | Cost" then "£m |"): a second list stacked under
      // the first with no blank line, its captions other words than the first's (T11-02).
      if (again === undefined && r + 1 <= last && captionOverHeaderAgain(g, w, Array.from({ length: d - b0 }, (_, k) => b0 + k), r, figureCols)) again = 'other';
      // A "Financed by:" heading that names the unit over the figures ("Financed by: | £m") carries on the
      // reckoning above it: a heading of the same table, not a table of its own (T9-62).
      if (again === 'other' && /^\s*(financed|funded)\s+by\b/i.test(cellText(cellAt(g, r, 0))) && unitCaptionRow(g, w, r, figureCols) === 'other') {
        captions.add(r);
        continue;
      }
      if (again !== 'other') continue;
      let t0 = r;
      while (t0 - 1 > bodyStart && isTitleRow(g, t0 - 1, w)) t0--;
      bands.splice(n + 1, 0, [t0, b1]);
      last = t0 - 1;
      break;
    }

    // Spacer rows (an HTML table's empty rows, a blank line between the blocks of one build-up) do not
    // end a table: a band that follows after one or two blank rows, starts with figures (no header or
    // title of its own) and prints them only in the columns this table's figures use, continues it.
    // A column captioned as references ("Note", "Ref") holds note numbers, not figures: a band printing
    // them there ("Total Expenditure/Income | 16 | …" after a spacer) still continues the table.
    const refCols = new Set<number>();
    for (let c = 0; c < w; c++) if (TEXT_CAPTION.test(normalise(headerRows.map((r) => cellText(cellAt(g, r, c))).filter(Boolean).join(' ')))) refCols.add(c);
    while (last === b1 && n + 1 < bands.length && continues(g, w, bands[n + 1], b1, numericish, refCols)) {
      n++;
      last = bands[n][1];
      b1 = last;
      for (let r = bands[n][0]; r <= last; r++) {
        for (let c = 0; c < w; c++) {
          const x = readAt(g, r, c);
          if (x.kind === 'number' || (x.kind === 'text' && (x.error || bothFigures(x.text)))) numericish.add(c);
        }
      }
    }

    // The mirror block Outturn writes beside a table starts under a header naming the engine.
    let c1 = w - 1;
    for (const r of headerRows) for (let c = 0; c < w; c++) {
      if (/engine/i.test(cellText(cellAt(g, r, c))) && c - 1 < c1) c1 = c - 1;
    }
    while (c1 > 0 && columnIsBlank(g, [...headerRows, ...range(bodyStart, last)], c1)) c1--;

    const t = describe(g, headerRows, bodyStart, last, c1, above, skip, captions);
    if (t) tables.push(t);
    above.length = 0;
  }
  return tables;
}

/**
 * The band [s0, s1] carries on the table above it across a spacer: at most two blank rows between,
 * its first row prints figures (no header, no title line), and every figure it prints is in a column
 * where the table above prints figures (a new table's figures would sit in columns of their own).
 */
function continues(g: Grid, w: number, [s0, s1]: [number, number], prevEnd: number, figureCols: Set<number>, refCols: ReadonlySet<number> = new Set()): boolean {
  // A heading that ends with a colon ("Funded By:", "Less:") goes on with what is above it.
  let first = s0;
  while (first < s1 && isTitleRow(g, first, w) && /:\s*$/.test(cellText(cellAt(g, first, 0)))) first++;
  // A group's heading alone on its line ("2.Childrens Services", "3. Adult Services") over rows that
  // print their figures in every column the table above prints them in, three at least, goes on with
  // the table: one sheet's numbered service groups, each after a spacer row, under one set of
  // captions (the Isle of Wight's revenue summary, whose later groups had lost their captions and
  // had their "% SPENT" columns summed as money, T7-56). A new table would print captions of its own.
  if (first === s0 && first < s1 && isTitleRow(g, first, w) && figureCols.size >= 3) {
    const own = (r: number) => {
      const cs = new Set<number>();
      for (let c = 0; c < w; c++) if (readAt(g, r, c).kind === 'number') cs.add(c);
      return cs;
    };
    const rowsWith = range(first + 1, s1).filter((r) => hasNumber(g, r, w - 1));
    if (rowsWith.length >= 2 && rowsWith.every((r) => {
      const cs = own(r);
      return cs.size === figureCols.size && [...cs].every((c) => figureCols.has(c));
    })) first++;
  }
  if (s0 - prevEnd - 1 > 2 || !hasNumber(g, first, w - 1) || isCheckRow(g, first)) return false;
  for (let r = s0; r <= s1; r++) {
    for (let c = 0; c < w; c++) if (readAt(g, r, c).kind === 'number' && !figureCols.has(c) && !refCols.has(c)) return false;
    if (headerAgain(g, w, [], r, figureCols) !== undefined) return false;
  }
  return true;
}

/**
 * The rows from `from` to `to` print the labels of rows `b0` … `b1` again (two of their first three, or
 * their one): a second table over the same lines (T8-12, "Central", "Fife" … under the overtime in £000
 * and again under it as a percentage), not a group heading over the next lines of the same table (a
 * page break after "Corporate and Centralised Services" in Nottinghamshire fire's EFA).
 */
function repeatsLabels(g: Grid, b0: number, b1: number, from: number, to: number): boolean {
  const seen = new Set<string>();
  for (let r = b0; r <= b1; r++) {
    const x = normalise(cellText(cellAt(g, r, 0)));
    if (x) seen.add(x);
  }
  const next: string[] = [];
  for (let r = from; r <= to && next.length < 3; r++) {
    const x = normalise(cellText(cellAt(g, r, 0)));
    if (x) next.push(x);
  }
  const hits = next.filter((x) => seen.has(x)).length;
  return next.length > 0 && (hits >= 2 || (next.length === 1 && hits === 1));
}

/**
 * Row r prints "N/A" (or "n/a", "not applicable", a dash-like word of NOT_APPLICABLE) in two or more of
 * the figure columns and nothing else there: a heading of the body whose figure cells say there is no
 * figure, never a row of captions (T9-57).
 */
export function notApplicableRow(g: Grid, r: number, figureCols: Iterable<number>): boolean {
  let n = 0;
  for (const c of figureCols) {
    const x = readAt(g, r, c);
    if (x.kind === 'blank') continue;
    if (x.kind !== 'text' || !NOT_APPLICABLE.test(x.text)) return false;
    n++;
  }
  return n >= 2;
}

/**
 * Row r holds words in every column of figures and in its label column (no figure, no "n/a"), and the row
 * under it repeats one of the rows printed above the table's first figures (`tops`: its header and a unit
 * row "£m" under it) cell for cell, not blank: the caption row of a second table stacked under the first
 * with no blank line.
 */
function captionOverHeaderAgain(g: Grid, w: number, tops: number[], r: number, figureCols: Iterable<number>): boolean {
  const cols = [...figureCols];
  if (!cols.length || hasNumber(g, r, w - 1) || !cellText(cellAt(g, r, 0)).trim()) return false;
  if (!cols.every((c) => readAt(g, r, c).kind === 'text' && /[a-z]{2}/i.test(cellText(cellAt(g, r, c))) && !NOT_APPLICABLE.test(cellText(cellAt(g, r, c))))) return false;
  const row = (x: number) => Array.from({ length: w }, (_, c) => normalise(cellText(cellAt(g, x, c))));
  const next = row(r + 1);
  if (next.every((x) => !x) || hasNumber(g, r + 1, w - 1)) return false;
  return tops.some((h) => h !== r && h !== r + 1 && row(h).every((x, c) => x === next[c]));
}

/**
 * Row r is a header inside the body: no figure, and text in two or more of the columns that hold
 * figures. 'same': each of those texts is the caption a header row prints in that column (case and
 * spacing aside) and so is the first column's (a page break repeating the header); 'other': the same
 * captions over another label caption ("Non-Current Provisions" … "Current Provisions"), or captions
 * that each name units or a year (another table's header); undefined: a row of the table.
 */
function headerAgain(g: Grid, w: number, headerRows: number[], r: number, figureCols: Iterable<number>): 'same' | 'other' | undefined {
  return captionsAgain(g, w, headerRows, r, figureCols) ?? (sameRowAgain(g, w, headerRows, r) ? 'same' : unitCaptionRow(g, w, r, figureCols));
}

/**
 * Row r prints, cell for cell (case and spacing aside), a header row of the table, its label caption
 * too, and no figure, directly under a line of figures: the header printed again where the list breaks to a new column or page
 * ("Police authority | £" again before the last three of 43 authorities in a written answer), not the
 * header of a table of its own.
 */
function sameRowAgain(g: Grid, w: number, headerRows: number[], r: number): boolean {
  // between two lines of figures: under a title line of its own, the same captions head a second list
  if (hasNumber(g, r, w - 1) || r === 0 || !hasNumber(g, r - 1, w - 1)) return false;
  const row = (x: number) => [...Array(w).keys()].map((c) => normalise(cellText(cellAt(g, x, c))));
  const mine = row(r);
  if (mine.filter(Boolean).length < 2) return false;
  return headerRows.some((h) => row(h).every((x, c) => x === mine[c]));
}

function captionsAgain(g: Grid, w: number, headerRows: number[], r: number, figureCols: Iterable<number>): 'same' | 'other' | undefined {
  let n = 0;
  for (const c of figureCols) if (readAt(g, r, c).kind === 'text' && ++n >= 2) break;
  if (n < 2 || hasNumber(g, r, w - 1) || notApplicableRow(g, r, figureCols)) return undefined;
  const texts = [...figureCols].map((c) => [c, normalise(cellText(cellAt(g, r, c)))] as const).filter(([, x]) => x);
  const caption = (row: number, c: number) => normalise(cellText(cellAt(g, row, c)));
  // Under no header at all, or one naming only units (a block of label and figure): captions over two
  // figure columns or more start a table of their own.
  const named = headerRows.some((row) => [...figureCols].filter((c) => caption(row, c) && !UNIT_CAPTION.test(caption(row, c))).length >= 2);
  if (!named) return texts.filter(([, x]) => /[a-z]{2}/.test(x) && !NOT_APPLICABLE.test(x)).length >= 2 ? 'other' : undefined;
  // the same captions but for where a unit sign stands ("1997–98 Allocation1 £ million" over "1997–98
  // Allocation1 million" printed again at a column break, T9-02)
  const loose = (x: string) => x.replace(/[£$€]/g, ' ').replace(/\s+/g, ' ').trim();
  const h = headerRows.find((row) => texts.every(([c, x]) => x === caption(row, c))) ?? headerRows.find((row) => texts.every(([c, x]) => loose(x) === loose(caption(row, c))));
  if (h !== undefined) return caption(r, 0) === caption(h, 0) ? 'same' : 'other';
  return texts.every(([, x]) => unitsIn(x) || /\bthousands?\b|\b(19|20)\d\d\b/.test(x)) ? 'other' : undefined;
}

/**
 * Row r, inside the body, is the caption row of a block of the same table: no figure, and every text in
 * a column of figures names that column — a word or a year of the column's caption ("Budget" under
 * "Budget 2024-25", "YTD Payments" under "YTD", "2024/25 £m" under "2024/25 - £m") or its unit ("%", "£m")
 * — one of them at least by a word or a year. Its figure cells are captions, never unreadable figures;
 * its label is the block's heading (T9-53, a parish's PAYMENTS block under its RECEIPTS).
 */
function blockCaptionRow(g: Grid, w: number, headerRows: number[], r: number, figureCols: Iterable<number>): boolean {
  if (headerRows.length === 0 || hasNumber(g, r, w - 1)) return false;
  const words = (x: string) => new Set(normalise(x).replace(/[£$€]/g, ' ').split(/[^a-z0-9/%-]+/).filter((t) => /^(19|20)\d\d([/-]\d{2,4})?$/.test(t) || (/^[a-z]{2,}$/.test(t) && !STOP.has(t))));
  let named = 0;
  for (const c of figureCols) {
    const t = cellText(cellAt(g, r, c)).trim();
    if (!t) continue;
    const caption = headerRows.map((row) => cellText(cellAt(g, row, c))).filter(Boolean).join(' ');
    if (!caption) return false;
    const own = words(t);
    const theirs = words(caption);
    if ([...own].some((x) => theirs.has(x) || theirs.has(x.replace(/-/g, '/')) || theirs.has(x.replace(/\//g, '-')))) {
      named++;
      continue;
    }
    if (UNIT_CAPTION.test(t) && (t === '%' ? caption.includes('%') : true)) continue;
    return false;
  }
  return named > 0;
}

const STOP = new Set(['of', 'the', 'and', 'to', 'in', 'on', 'for', 'by', 'at', 'or', 'as']);

/**
 * Row r, not a header by its captions, names only units over the figures ("Expenditure | £m", "Budget
 * resourced by | Net £m", "Calculation of Council Tax Income 2022/23 | £’000"): no figure, and every text in a column of figures
 * names a unit with no digit in it. With a label of its own it is the header of the next block ('other':
 * a second table stacked under the first, as Kent PCC's 2023/24 precept page and Rotherham's council
 * tax guide print them); with none it is the unit row printed again ('same': not a row of the table).
 */
function unitCaptionRow(g: Grid, w: number, r: number, figureCols: Iterable<number>): 'same' | 'other' | undefined {
  if (hasNumber(g, r, w - 1)) return undefined;
  const texts = [...figureCols].map((c) => cellText(cellAt(g, r, c)).trim()).filter(Boolean);
  if (texts.length === 0 || !texts.every((x) => !/\d/.test(x.replace(/['’]?000s?\b/g, '')) && (UNIT_CAPTION.test(x) || unitsIn(x) !== undefined))) return undefined;
  const figure = new Set(figureCols);
  const label = [...Array(w).keys()].some((c) => !figure.has(c) && cellText(cellAt(g, r, c)).trim());
  return label ? 'other' : 'same';
}

/** A caption that names only a unit: "£000", "£'000", "(£m)", "%". */
const UNIT_CAPTION = /^\(?\s*([£€$]\s*(['’]?\s*000s?|m|k|bn)?|%|['’]?000s?)\s*\)?$/i;

const CELL_UNIT: Record<string, Units> = { '': '£', k: "£'000", thousand: "£'000", m: '£m', million: '£m' };

/**
 * The unit every figure of a column prints inside its cell, with a £ ("£41.4m" → £m, "£450k" → £'000,
 * "£31,682,480" → £): two figures at least, all of one unit (nils aside); undefined otherwise (a figure
 * without the £ or with another unit, or a unit the audit has no name for, as £bn).
 */
function unitsInCells(g: Grid, r0: number, r1: number, c: number, skip: ReadonlySet<number>): { units: Units; example: string } | undefined {
  let units: Units | undefined;
  let example = '';
  let n = 0;
  let pounds = 0;
  for (let r = r0; r <= r1; r++) {
    if (skip.has(r)) continue;
    const x = readAt(g, r, c);
    // (words: a title or a label a copy pushed into the column, not one of its figures)
    if (x.kind === 'blank' || (x.kind === 'number' && x.dash) || (x.kind === 'text' && /[a-z]{2}/i.test(x.text))) continue;
    if (x.kind !== 'number' || x.percent) return undefined;
    const u = CELL_UNIT[(x.unit ?? '').toLowerCase()];
    // a figure with no unit of its own and no £ says nothing of a unit; one with a suffix ("4.701m") does
    if (!u || (units && u !== units) || (!x.unit && !x.raw.includes('£'))) return undefined;
    units = u;
    if (x.raw.includes('£')) {
      example ||= x.raw;
      pounds++;
    }
    n++;
  }
  return units && pounds >= 2 && pounds * 2 > n ? { units, example } : undefined;
}

/** A column marker as printed under a caption: a footnote or column number, a note letter ("(1)", "(a)", "(iv)", "3"). */
const MARKER = /^\(\s*(\d{1,2}|[a-z]|[ivx]{1,4})\s*\)$|^([a-z]|\d{1,2})$/i;

/**
 * A row of column markers under the captions: no label, two or more cells, each a marker; bare
 * numbers only as the columns' numbering (1, 2, 3 … each one more than the last), never a row of
 * small figures; and it follows a row of captions (text in two cells or more).
 */
function isMarkerRow(g: Grid, r: number, w: number): boolean {
  const cells: string[] = [];
  for (let c = 0; c < w; c++) {
    const t = cellText(cellAt(g, r, c));
    if (!t) continue;
    if (!MARKER.test(t)) return false;
    cells.push(t);
  }
  if (cells.length < 2) return false;
  const bare = cells.filter((t) => /^\d+$/.test(t));
  if (bare.length && (bare.length < cells.length || bare.some((t, k) => Number(t) !== Number(bare[0]) + k))) return false;
  let captions = 0;
  for (let c = 0; c < w; c++) if (readAt(g, r - 1, c).kind === 'text') captions++;
  return captions >= 2;
}

/** A line holding one cell only, a sentence of eight words or more naming an amount ("… the total corporate underspend of £8.923m …"): a lead-in, never a caption. */
function isSentenceLine(g: Grid, r: number, w: number): boolean {
  let text = '';
  for (let c = 0; c < w; c++) {
    const x = cellText(cellAt(g, r, c));
    if (!x) continue;
    if (text) return false;
    text = x;
  }
  return /[£$€]\s?\d/.test(text) && text.split(/\s+/).filter((x) => /[a-z]/i.test(x)).length >= 8;
}

/** A title line: text in the first cell only. */
function isTitleRow(g: Grid, r: number, w: number): boolean {
  if (!cellText(cellAt(g, r, 0))) return false;
  // a figure alone in the first column is no title: a sub-total a copy pushed into the label column
  // (Port Eynon's bank reconciliation, "17,123.40" under its three accounts) — a year alone may be one
  const x = readAt(g, r, 0);
  if (x.kind === 'number' && !x.dash && !/^\s*(19|20)\d\d\s*$/.test(x.raw) && /[.,()-]/.test(x.raw)) return false;
  for (let c = 1; c < w; c++) if (cellText(cellAt(g, r, c))) return false;
  return true;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

function columnIsBlank(g: Grid, rows: number[], c: number): boolean {
  return rows.every((r) => !cellText(cellAt(g, r, c)));
}

export function normalise(s: string): string {
  return s.toLowerCase().replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Units named in a header or a title: £, £'000 (also £000s, "£,000" as Pembrokeshire prints it, £k, £ thousands, "in thousands of pounds"), £m (also "millions of pounds"). */
export function unitsIn(s: string): Units | undefined {
  if (/£\s*['’]?\s*m\b|£\s*(in\s+)?millions?\b|\(\s*£?\s*m\s*\)|\bmillions? of pounds\b/i.test(s)) return '£m';
  if (/£\s*['’,]?\s*000s?|£\s*k\b|£\s*(in\s+)?thousands?\b|\(\s*000s?\s*\)|\bthousands? of pounds\b/i.test(s)) return "£'000";
  if (/£/.test(s)) return '£';
  return undefined;
}

const TEXT_CAPTION = /^(ref|refs|reference|note|notes|flag|code|cost centre|account)\b|\bref\.?$|\bnote ref/;
const LABEL_CAPTION = /^(label|budget heading|heading|description|item|scheme|reserve|service|line)s?\b/;

/** What a column holds, from its caption. Order matters: "Budget Remaining" is not the budget. */
export function roleOf(norm: string): Role {
  // A % after a figure names a scenario ("Pay award 1% higher … £"), not a percentage column.
  // "Per cent." as Hansard and the statistical releases caption it, "Percentage", "%age", "%"
  if (/percent|\bper\s+cent\b|%age\b/.test(norm) || norm.replace(/\d\s*%/g, '').includes('%')) return 'pct';
  if (/viremen/.test(norm)) return 'virement';
  // "Other differences" (an EFA's column of other adjustments) is money, not a variance.
  if (/other differences?/.test(norm)) return 'money';
  // "Diff", "Diff b’ween 2018/2019 Budget and Proposed 2019/2020", "Total v. Budget", "Actual vs Budget": a difference (T8-51)
  if (/varian|variation|difference|\bdiff\b|over.{0,6}under|under.{0,6}over|\b(over|under)\s*-?\s*spend|\bv\.\s|\bvs\.?\s|\bversus\b/.test(norm)) return 'variance';
  // A forecast's build-up: the actual so far, and the rest of the year (forecasts, the profile).
  if (/rest of (the )?year|remainder of (the )?year/.test(norm)) return 'rest';
  if (/\bto date\b|\bytd\b|^to month \d|actual to (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/.test(norm)) return 'to_date';
  // "Budget Left", "Left to spend", "Budget Left after Commitment" (U6-18): what remains of a budget.
  if (/remaining|unspent|\bleft\b/.test(norm)) return 'remaining';
  if (/reprofil|slippage|carr(y|ied) forward to|re-phas|rephas/.test(norm)) return 'reprofile';
  if (/b\s?\/\s?fwd|\bbfwd\b|brought forward|\bopening\b/.test(norm)) return 'opening';
  if (/transfer/.test(norm)) return 'transfers';
  if (/movement|(to|from)\s*\/?\s*(from)?\s*revenue/.test(norm)) return 'movement';
  if (/capital/.test(norm) && /contribution|capital$|projected capital/.test(norm)) return 'capital';
  if (/balance|closing|c\s?\/\s?fwd|carried forward/.test(norm)) return 'closing';
  if (/original/.test(norm)) return 'original';
  if (/outturn|actual|forecast|spend/.test(norm)) return 'outturn';
  if (/revised|budget|approved|programme/.test(norm)) return 'revised';
  return 'money';
}

/** A label that only says what to do with the line named beside it: "Less", "Add:", "Deduct". */
const CONNECTIVE = /^(less|add|plus|deduct|minus)\s*:?$/i;

const TOTALISH = /\btotal|requirement|balance|\bnet\b|gross/i;

/**
 * The label column, chosen by what it holds: the column of text that names the most rows (a word
 * counts more than a code such as "R01"), the total labels counting double; on a tie the leftmost.
 * A sparse grouping column beside it ("Policing" on the first line of a group) loses to the column
 * that names every row; a caption is not trusted over the content ("Reserves exhausted in the year"
 * over a column of years in Table 3c). Returns a grid column (0 when no column holds text).
 */
export function chooseLabelColumn(g: Grid, columns: Column[], r0: number, r1: number): number {
  let best = -1;
  let bestScore = 0;
  for (const col of columns) {
    if (col.numeric || col.role === 'row_type' || TEXT_CAPTION.test(col.norm)) continue;
    let score = 0;
    for (let r = r0; r <= r1; r++) {
      const s = cellText(cellAt(g, r, col.c));
      if (!s) continue;
      score += /^[a-z]{0,4}[-.]?\d+[a-z]?$/i.test(s) ? 0.5 : 1;
      // A total's label is short; a sentence that mentions a "net budget" is a comment, not a label.
      if (TOTALISH.test(s) && s.length <= 60) score += 2;
    }
    if (score > bestScore) {
      best = col.c;
      bestScore = score;
    }
  }
  return best >= 0 ? best : 0;
}

/** A caption over box, line or item numbers: "Section", "Box", "Line", "No.", "Item". */
const NUMBERS_CAPTION = /^(section|box|line|item|no|number|ref)s?\.?( no\.?)?$/;

/**
 * A column of box or line numbers, not of figures (session-7 trial T7-04: an annual accounting
 * statement's "Section" column, 1, 2 … 8, was cast as money, "printed 8, but the 7 rows it totals add up
 * to 28"): every cell printed is a bare whole number ("1", "2." …), three at least, counting 1, 2, 3 …
 * down the rows (a row may print none), under a caption naming numbers ("Section", "Box", "Line",
 * "No.", "Item") or none.
 */
function numberedBoxes(g: Grid, r0: number, r1: number, c: number, own: string, skip: ReadonlySet<number>): boolean {
  if (own && !NUMBERS_CAPTION.test(own)) return false;
  let next = 1;
  for (let r = r0; r <= r1; r++) {
    if (skip.has(r)) continue;
    const s = cellText(cellAt(g, r, c)).trim();
    if (!s) continue;
    const m = /^(\d{1,2})\.?$/.exec(s);
    if (!m || Number(m[1]) !== next) return false;
    next++;
  }
  return next > 3;
}

/** An outline code as budgets number their lines: "1", "1.1", "1.10", "1.a", "2.4", "A", "B1", "A.2". */
const OUTLINE_CODE = /^(\d{1,3}|[a-z]\d{0,3})(\.(\d{1,3}|[a-z]))*\.?$/i;

/**
 * A column of outline codes ("1", "1.1" … "1.9", "1.a", "1.b", "2", "2.1" …) left of the labels: the
 * budget's line numbers, not figures (session 10, T9-64: Little Melton PC's precept, its section
 * numbers shifted into the 2013/2014 column and summed, "1.a" an unreadable figure). Every cell printed
 * is a code, three at least, strictly increasing in outline order down the rows (1 < 1.1 < 1.9 < 1.a <
 * 2), one at least with a second level; the column to its right names each coded row in words; no
 * caption, or one naming numbers. A column of small amounts left of its labels is not in outline order
 * with levels.
 */
function outlineCodes(g: Grid, r0: number, r1: number, c: number, own: string, skip: ReadonlySet<number>): boolean {
  if (own && !NUMBERS_CAPTION.test(own) && !/\bcode\b/.test(own)) return false;
  let prev: (number | string)[] | undefined;
  let n = 0;
  let levels = 0;
  const key = (s: string) => s.replace(/\.$/, '').split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x.toLowerCase()));
  const before = (a: (number | string)[], b: (number | string)[]) => {
    for (let k = 0; k < Math.min(a.length, b.length); k++) {
      if (a[k] === b[k]) continue;
      // a number before a letter (1.9 < 1.a), numbers by value, letters in order
      if (typeof a[k] !== typeof b[k]) return typeof a[k] === 'number';
      return a[k] < b[k];
    }
    return a.length < b.length;
  };
  for (let r = r0; r <= r1; r++) {
    if (skip.has(r)) continue;
    const s = cellText(cellAt(g, r, c)).trim();
    if (!s) continue;
    if (!OUTLINE_CODE.test(s) || !/[a-z]{2}/i.test(cellText(cellAt(g, r, c + 1)))) return false;
    const k = key(s);
    if (prev && !before(prev, k)) return false;
    prev = k;
    n++;
    if (k.length > 1) levels++;
  }
  return n >= 3 && levels >= 1;
}

function describe(g: Grid, headerRows: number[], r0: number, r1: number, c1: number, above: number[], skip: ReadonlySet<number> = new Set(), captions: ReadonlySet<number> = new Set()): FoundTable | undefined {
  const captionOf = (c: number) => headerRows.map((r) => cellText(cellAt(g, r, c))).filter(Boolean).join(' ');
  // A header row with text in its first cell only is the table's title ("Note 11 – Other Operating
  // Expenditure"), not that column's caption: it does not make the column one of note references.
  const titles = new Set(headerRows.filter((r) => {
    let n = 0;
    for (let c = 0; c <= c1; c++) if (cellText(cellAt(g, r, c))) n++;
    return n === 1 && cellText(cellAt(g, r, 0)) !== '' && c1 > 0;
  }));
  const ownCaption = (c: number) => normalise(headerRows.filter((r) => !titles.has(r)).map((r) => cellText(cellAt(g, r, c))).filter(Boolean).join(' '));
  const columns: Column[] = [];
  for (let c = 0; c <= c1; c++) {
    const caption = captionOf(c);
    const norm = normalise(caption);
    let numbers = 0;
    let texts = 0;
    let percents = 0;
    let figureLike = 0;
    /** text cells that print an amount of money the reader could not read (see moneyText) */
    let money = 0;
    let errors = 0;
    /** figures that could be line numbers or codes: whole, printed as bare digits (no separator, sign or point) */
    let codeLike = 0;
    /** nils printed as a dash ("-", "–"): a figure only in a column that prints figures */
    let dashes = 0;
    for (let r = r0; r <= r1; r++) {
      if (skip.size && skip.has(r)) continue;
      if (captions.size && captions.has(r)) continue;
      const x = readAt(g, r, c);
      if (x.kind === 'number') {
        numbers++;
        if (x.dash) dashes++;
        if (x.percent) percents++;
        if (/^\d+$/.test(x.raw.trim())) codeLike++;
      } else if (x.kind === 'text') {
        texts++;
        if (VALUE_RANGE.test(x.text.trim())) continue;
        if (x.error) errors++;
        else if (FIGURE_LIKE.test(x.text.trim()) || bothFigures(x.text)) figureLike++;
        else if (moneyText(x.text.trim())) money++;
      }
    }
    const own = ownCaption(c);
    // A caption that names rows ("Reserve", "Scheme", "Service") over a column of figures only, some
    // printed as amounts (a separator, a point, a sign or a dash), not line numbers or codes ("Reserves
    // £m | Total revenue funding £m | Reserves as % of …", as reserves levels are published: a money
    // column, T6-100), is a column of figures: the content decides.
    // A caption naming units ("Reserves 2024-25 (£'000)") is over amounts however they are printed: "222 | 177".
    const figuresOnly = texts === 0 && numbers >= 2 && (codeLike < numbers || unitsIn(own) !== undefined);
    const byCaption = norm === 'row type' ? 'row_type' : TEXT_CAPTION.test(own) || numberedBoxes(g, r0, r1, c, own, skip) || outlineCodes(g, r0, r1, c, own, skip) ? 'text' : LABEL_CAPTION.test(own) && !figuresOnly ? 'label' : undefined;
    // A column of figures some of which cannot be read ("1203XX", "2,99,1") is still a column of
    // figures: each unreadable cell is then an error at its cell, never the column left out unsaid.
    // So is a column of a workbook's formulas saved with no calculated value (openpyxl writes them so):
    // each such cell is unreadable at its cell, the column never dropped (the Variance column of a
    // script-made workbook).
    // A column of words and dashes, not one figure in it ("Various" and "-" under "Contract Start Date
    // Qtr", "Duration Months" in a capital programme's schedule): a dash is a nil only where the column
    // holds figures, so this is a column of text (session-7 trial T7-51: six "unreadable" errors, exit 2).
    const wordsAndDashes = texts > 0 && numbers === dashes && figureLike === 0 && errors === 0 && money === 0;
    // A column of amounts of money none of which could be read (two at least, nothing else in it) is a
    // column of figures too, each cell unreadable at its cell — never a text column dropped unsaid (T7-66 (b)).
    const unreadMoney = numbers === 0 && texts >= 2 && money + figureLike + errors === texts && money > 0;
    const numeric = byCaption === undefined && !wordsAndDashes && ((numbers > 0 || errors * 2 > texts) && numbers + figureLike + errors >= texts || unreadMoney);
    const role: Role = byCaption ?? (numeric ? roleOf(norm) : 'text');
    columns.push({
      c,
      caption,
      norm,
      numeric,
      percent: numeric && (role === 'pct' || (percents > 0 && percents * 2 >= numbers)),
      role: numeric && percents > 0 && percents * 2 >= numbers ? 'pct' : role,
      units: numeric ? unitsIn(caption) : undefined,
    });
  }
  if (!columns.some((c) => c.numeric)) return undefined;
  const rowTypeCol = columns.find((c) => c.role === 'row_type')?.c;
  const labelCol = chooseLabelColumn(g, columns, r0, r1);
  for (const col of columns) if (col.role === 'label' && col.c !== labelCol) col.role = 'text';
  if (columns[labelCol] && !columns[labelCol].numeric) columns[labelCol].role = 'label';

  // Units: a column's own header first, then the table's header, the title above it, the file's notes.
  const counts = new Map<Units, number>();
  for (const col of columns) if (col.units) counts.set(col.units, (counts.get(col.units) ?? 0) + 1);
  let units: Units | undefined = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!units) {
    for (const r of [...above].reverse()) {
      for (let c = 0; c < width(g) && !units; c++) units = unitsIn(cellText(cellAt(g, r, c)));
      if (units) break;
    }
  }
  if (!units) for (const n of g.notes ?? []) if ((units = unitsIn(n))) break;
  if (!units) {
    // No header, title or note states a unit, but every figure of a column prints it inside its cell,
    // as a web page's list prints "£41.4m" or "£31,682,480": that is the column's unit.
    const found = new Map<Units, number>();
    for (const col of columns) {
      if (!col.numeric || col.percent) continue;
      const own = unitsInCells(g, r0, r1, col.c, skip);
      if (!own) continue;
      col.units = own.units;
      col.unitsInCells = own.example;
      found.set(own.units, (found.get(own.units) ?? 0) + 1);
    }
    if (found.size === 1) units = [...found.keys()][0];
  }
  for (const col of columns) if (col.numeric && !col.percent && !col.units) col.units = units;

  const rows: TableRow[] = [];
  const firstFigure = columns.find((col) => col.numeric)?.c ?? 0;
  for (let r = r0; r <= r1; r++) {
    if (skip.has(r)) continue;
    const cells = new Map<number, Reading>();
    let empty = true;
    for (const col of columns) {
      if (!col.numeric) continue;
      const x: Reading = captions.has(r) ? { kind: 'blank' } : readAt(g, r, col.c);
      cells.set(col.c, x);
      if (x.kind !== 'blank') empty = false;
    }
    let label = cellText(cellAt(g, r, labelCol));
    if (isRule(label)) label = '';
    let labelIn: number | undefined;
    if (!label) {
      // Copied from a PDF: the label pushed into the first column of figures, the label column empty.
      const first = columns.find((col) => col.numeric);
      const x = first && cells.get(first.c);
      if (first && x?.kind === 'text' && /[a-z]{2}/i.test(x.text)) {
        label = cellText(x.text);
        labelIn = first.c;
        cells.set(first.c, { kind: 'blank' });
        empty = [...cells.values()].every((v) => v.kind === 'blank');
      }
    }
    if (!label || CONNECTIVE.test(label)) {
      // A line labelled in a column of its own left of the figures ("Less | Fees and Charges", then
      // " | Other Grants" under it, as a build-up indents the lines it subtracts): that text names it.
      const named = columns.find((col) => col.c > labelCol && col.c < firstFigure && !col.numeric && col.role !== 'row_type' && !TEXT_CAPTION.test(col.norm) && /[a-z]{2}/i.test(cellText(cellAt(g, r, col.c))));
      if (named) label = label ? `${label} ${cellText(cellAt(g, r, named.c))}` : cellText(cellAt(g, r, named.c));
    }
    if (empty && !label && (rowTypeCol === undefined || !cellText(cellAt(g, r, rowTypeCol)))) continue;
    const ruled = r > r0 && underRule(g, r - 1, c1);
    const rowType = rowTypeCol !== undefined ? cellText(cellAt(g, r, rowTypeCol)) || undefined : undefined;
    const bold = g.bold !== undefined && (boldAt(g, r, labelCol) || columns.some((col) => col.numeric && boldAt(g, r, col.c)));
    // `ruled` first and `labelIn` last when present, as a spread of each would place them (no object per row to spread)
    const row: TableRow = ruled ? { ruled, r, label, rowType, bold, cells, empty } : { r, label, rowType, bold, cells, empty };
    if (labelIn !== undefined) row.labelIn = labelIn;
    rows.push(row);
  }
  joinWrappedTotals(rows);
  unshift(g, headerRows.length > 0, columns, labelCol, rows);
  percentByFigures(columns, rows, (c) => normalise(ownCaption(c)));
  return { grid: g, headerRows, r0, r1, c0: g.part?.c0 ?? 0, c1, columns, labelCol, rowTypeCol, rows, units };
}

/**
 * Whether a blank line (or a line not read as a row) stands between row i and the row above it: a block
 * ends there. The line a wrapped label began on is part of its row, no gap.
 */
export function gapAbove(rows: readonly TableRow[], i: number): boolean {
  return i > 0 && rows[i].r - (rows[i].wrapped ? 1 : 0) > rows[i - 1].r + 1;
}

/**
 * A total's label wrapped onto a second line that carries the figure ("Total amendments to the funding
 * of the Capital" with no figure, then "Programme: | -2.700"): one row, the figure's, with the whole
 * label — not a heading over a line named "Programme:" (session-13 trial T13-53, Lancashire CC's budget
 * adjustment 2022/23). Read when the first line says "Total …", prints no figure and does not end its
 * words (no colon or full stop), and the line directly under it prints figures under a label of three
 * words at most that ends with a colon or starts in lower case. Mutates `rows`.
 */
function joinWrappedTotals(rows: TableRow[]): void {
  for (let i = rows.length - 2; i >= 0; i--) {
    const [p, q] = [rows[i], rows[i + 1]];
    if (q.r !== p.r + 1 || !p.empty || q.empty || !/^\s*total\b/i.test(p.label) || /[:.]\s*$/.test(p.label)) continue;
    const words = q.label.trim().split(/\s+/);
    if (!q.label.trim() || words.length > 3 || !(/:\s*$/.test(q.label) || /^[a-z]/.test(q.label.trim()))) continue;
    q.label = `${p.label.trim()} ${q.label.trim()}`;
    q.wrapped = true;
    rows.splice(i, 1);
  }
}

const HUNDRED = new Dec(100);
const HALF = new Dec(0.5);

/**
 * A column of percentages printed with no % sign under a caption that names none ("Increase on", cut
 * short; "Difference" beside 2018/19 and 2017/18): known by its figures, as a reader knows it. A column
 * whose own caption states no money unit is a percentage column when, on nearly every row that prints
 * it, its figure is 100 × one of the relations a percentage column prints between two other columns of
 * one unit — the ratio N / D, the change (N − D) / D, or the change over the size of the figure before
 * it (N − D) / |D| (income printed negative: Hampshire's grants −924 → −837 is +9.4) — exactly to its
 * places on three rows at least, and on the rest within what the rounding of the printed figures
 * allows; at most one row in four (none of three) not so. Never summed as money then (Hampshire's
 * "Increase on" −2.0 had been cast as the Budget of −5.9 − 2.4 + 9.4 + 25.5; Thanet's "Difference"
 * −4.49 as the net budget of its running statement: false errors on clean tables, T7-60); checked as
 * percentages on the basis the rows agree on (percent.ts). Mutates `columns`.
 */
function percentByFigures(columns: Column[], rows: TableRow[], own: (c: number) => string): void {
  const money = columns.filter((c) => c.numeric && !c.percent);
  // a wide table (a ledger of 200 columns) is no percentage column's place: not tried (U6-29)
  if (money.length < 3 || money.length > 30) return;
  const num = (row: TableRow, c: number) => {
    const x = row.cells.get(c);
    return x?.kind === 'number' && !x.percent ? x : undefined;
  };
  type Form = 'ratio' | 'change' | 'change-abs';
  const q = (f: Form, n: Dec, d: Dec) => (f === 'ratio' ? n.div(d) : f === 'change' ? n.minus(d).div(d) : n.minus(d).div(d.abs())).times(HUNDRED);
  const found: { x: Column; basis: string }[] = [];
  for (const x of money) {
    // a money unit in its caption or its cells ("£9.89": West Mercia's band "Difference") says money
    if (unitsIn(own(x.c)) || rows.some((row) => {
      const v = row.cells.get(x.c);
      return v?.kind === 'number' && /[£€$]/.test(v.raw);
    })) continue;
    const printed = rows.filter((row) => {
      const p = num(row, x.c);
      return p && !p.dash && !p.value.isZero();
    });
    if (printed.length < 3) continue;
    const allowMiss = printed.length < 4 ? 0 : Math.max(1, Math.floor(printed.length / 4));
    let hit: string | undefined;
    for (const n of money) {
      if (hit) break;
      if (n === x) continue;
      for (const d of money) {
        if (hit) break;
        if (d === x || d === n || (n.units && d.units && n.units !== d.units)) continue;
        for (const f of ['change', 'change-abs', 'ratio'] as Form[]) {
          let exact = 0;
          let miss = 0;
          for (const row of printed) {
            const p = num(row, x.c)!;
            const nv = num(row, n.c);
            const dv = num(row, d.c);
            const half = stepOf(p.places).times(HALF);
            let fits = false;
            if (nv && dv && !dv.value.isZero()) {
              const e = q(f, nv.value, dv.value);
              if (p.value.minus(e).abs().lte(half)) {
                exact++;
                fits = true;
              } else {
                // within what the rounding of the printed inputs allows
                const hn = stepOf(nv.places).times(HALF);
                const hd = stepOf(dv.places).times(HALF);
                const ends: Dec[] = [];
                for (const a of [nv.value.minus(hn), nv.value.plus(hn)]) for (const b of [dv.value.minus(hd), dv.value.plus(hd)]) if (!b.isZero() && b.isNeg() === dv.value.isNeg()) ends.push(q(f, a, b));
                fits = ends.length === 4 && p.value.plus(half).gte(Dec.min(...ends)) && p.value.minus(half).lte(Dec.max(...ends));
              }
            }
            if (!fits && ++miss > allowMiss) break;
          }
          if (miss <= allowMiss && exact >= Math.min(3, printed.length - 1) && exact >= 2) {
            const name = (c: Column) => c.caption || `column ${c.c + 1}`;
            const what = f === 'ratio' ? `${name(n)} / ${name(d)}` : f === 'change' ? `(${name(n)} − ${name(d)}) / ${name(d)}` : `(${name(n)} − ${name(d)}) / |${name(d)}|`;
            hit = `${what} × 100 on ${printed.length - miss} of its ${printed.length} figures`;
            break;
          }
        }
      }
    }
    if (hit) found.push({ x, basis: hit });
  }
  for (const { x, basis } of found) {
    x.percent = true;
    x.role = 'pct';
    x.units = undefined;
    x.byFigures = basis;
  }
}

/**
 * A figure in the label column that is no line or note number (a bare integer of one or two digits;
 * never 0: no line is numbered 0, and a shifted total whose first column is nil prints it so).
 */
const figureInLabel = (x: Reading): boolean => x.kind === 'number' && !x.dash && !/^\s*(?!0+\s*$)\d{1,2}\s*$/.test(x.raw) &&
  // a short number with a footnote mark is a name ("0*": South Lanarkshire's disabled-relief band below A,
  // "*Disabled relief charge for Band A"; T11-64), never a figure a copy pushed into the label column
  !(x.marker && /^\s*\d{1,2}\s*\S{1,3}\s*$/.test(x.raw));

/**
 * Rows whose figures a copy shifted one column (an HTML table one cell short, a PDF's text run
 * together), read under the headers they belong to, each figure keeping the cell it is printed in
 * (`printedAt`, so findings name that cell):
 *  - one column left: the label column holds a figure, the last column of figures is empty, and no
 *    other cell of figures holds text (an unlabelled total whose row lost its first, empty cell) —
 *    in a label column of words (fewer than half its cells figures: never in a column of codes);
 *  - one column right: a column past the last caption (no caption of its own, every other column of
 *    figures captioned) holds figures only in rows whose first column of figures is empty (or holds
 *    the row's label, pushed there too): each such row moves one column left, and the uncaptioned
 *    column is no column of the table. When any row with a figure there does not fit, nothing moves.
 * Decided by the row's shape alone, never by its arithmetic: a wrong figure in a shifted row is then
 * found at its cell like any other. Mutates `rows` and `columns`.
 */
function unshift(g: Grid, captioned: boolean, columns: Column[], labelCol: number, rows: TableRow[]): void {
  const figs = columns.filter((c) => c.numeric).map((c) => c.c);
  if (figs.length < 2) return;
  const isText = (x: Reading | undefined) => x?.kind === 'text';
  const move = (row: TableRow, from: number[], shift: -1 | 1) => {
    const cells = new Map(row.cells);
    const printedAt = new Map<number, number>();
    figs.forEach((c, i) => {
      cells.set(c, readAt(g, row.r, from[i]));
      printedAt.set(c, from[i]);
    });
    row.cells = cells;
    row.printedAt = printedAt;
    row.shift = shift;
    row.empty = false;
  };
  // The label column must be one of words: where most of its cells read as figures (a column of codes
  // "1001", "1002" …), a figure there is the row's label, and a row with its last figure missing is short.
  let labelFigures = 0;
  let labelled = 0;
  for (const row of rows) {
    if (readAt(g, row.r, labelCol).kind === 'number') labelFigures++;
    if (cellText(cellAt(g, row.r, labelCol))) labelled++;
  }
  if (labelCol < figs[0] && labelFigures * 2 < labelled) {
    for (const row of rows) {
      const x = readAt(g, row.r, labelCol);
      const last = row.cells.get(figs[figs.length - 1]);
      if (!figureInLabel(x) || (last && last.kind !== 'blank') || figs.slice(0, -1).some((c) => isText(row.cells.get(c)))) continue;
      if (row.labelIn !== undefined || row.printedAt) continue;
      move(row, [labelCol, ...figs.slice(0, -1)], -1);
      row.label = '';
    }
  }
  compactedRows(g, figs, rows, move);
  const o = figs[figs.length - 1];
  const over = columns.find((c) => c.c === o)!;
  if (!captioned || over.caption || figs.slice(0, -1).some((c) => !columns.find((x) => x.c === c)!.caption)) return;
  const inner = figs.slice(0, -1);
  const using = rows.filter((row) => (row.cells.get(o)?.kind ?? 'blank') !== 'blank');
  const fits = (row: TableRow) => !row.printedAt && (row.cells.get(inner[0])?.kind ?? 'blank') === 'blank' && !inner.slice(1).some((c) => isText(row.cells.get(c))) && !isText(row.cells.get(o));
  if (!using.length) return;
  if (!using.every(fits) && !gapBefore(g, figs, rows, using)) return;
  figs.splice(figs.length - 1, 1);
  for (const row of using) if (!row.printedAt) move(row, [...inner.slice(1), o], 1);
  for (const row of rows) row.cells.delete(o);
  over.numeric = false;
  over.percent = false;
  over.role = 'text';
  over.units = undefined;
}

/**
 * A figure printed one cell right of its column, after an empty cell the copy left in the row (an HTML
 * row with one cell too many: Hampshire's "Adult Social Care | 291 | (a no-break space) | 421.77" under
 * "£ million | per Band D council tax £", nothing captioned over the 421.77): the column past the last
 * caption holds figures only in rows whose cell left of it is empty — or empty further left, every cell
 * between a figure. Each such figure run moves one column left into the empty cell, but only where the
 * column it moves into then casts EXACTLY with it: a row below equal to the sum of a run of rows above
 * it (the figure among them) — the figure is read where the arithmetic puts it, never by the shape alone
 * (a blank cell is an ordinary nil, an uncaptioned column may be one of its own). Any row that does not
 * fit: nothing moves. Said in a note (printed.shifted-row) at the cell read; session-11 trial T11-53.
 */
function gapBefore(g: Grid, figs: number[], rows: TableRow[], using: TableRow[]): boolean {
  const ZERO = new Dec(0);
  const o = figs[figs.length - 1];
  const inner = figs.slice(0, -1);
  const kind = (row: TableRow, c: number) => row.cells.get(c)?.kind ?? 'blank';
  const gaps = new Map<TableRow, number>();
  for (const row of using) {
    if (row.printedAt || row.labelIn !== undefined || kind(row, o) !== 'number') return false;
    // the empty cell: the last blank inner column with only figures after it up to o
    let b = -1;
    for (let i = inner.length - 1; i >= 0; i--) {
      if (kind(row, inner[i]) === 'blank') { b = i; break; }
      if (kind(row, inner[i]) !== 'number') return false;
    }
    if (b < 0) return false;
    gaps.set(row, b);
  }
  const value = (row: TableRow, c: number): Dec | undefined => {
    const x = row.cells.get(c);
    return x?.kind === 'number' ? x.value : x === undefined || x.kind === 'blank' ? ZERO : undefined;
  };
  const moved = (row: TableRow, b: number): Map<number, Reading> => {
    const cells = new Map(row.cells);
    for (let i = b; i < inner.length; i++) cells.set(inner[i], readAt(g, row.r, i + 1 < inner.length ? inner[i + 1] : o));
    return cells;
  };
  // the column the first moved figure goes into casts exactly with it: some row below is the sum of a run ending above it
  const casts = (row: TableRow, b: number): boolean => {
    const c = inner[b];
    const at = rows.indexOf(row);
    const after = moved(row, b);
    const val = (k: number) => (k === at ? (after.get(c)?.kind === 'number' ? (after.get(c) as { value: Dec }).value : undefined) : value(rows[k], c));
    for (let t = at + 1; t < rows.length; t++) {
      const tv = val(t);
      if (tv === undefined || tv.isZero()) continue;
      let sum: Dec | undefined = ZERO;
      for (let k = t - 1; k >= 0 && sum !== undefined; k--) {
        const v = val(k);
        sum = v === undefined ? undefined : sum.plus(v);
        if (sum !== undefined && k <= at && t - k >= 2 && sum.eq(tv)) return true;
      }
    }
    return false;
  };
  if (![...gaps].every(([row, b]) => casts(row, b))) return false;
  for (const [row, b] of gaps) {
    const printedAt = new Map<number, number>();
    for (let i = b; i < inner.length; i++) printedAt.set(inner[i], i + 1 < inner.length ? inner[i + 1] : o);
    row.cells = moved(row, b);
    row.cells.delete(o);
    row.printedAt = printedAt;
    row.shift = 1;
    row.gapAt = inner[b];
    row.empty = false;
  }
  return true;
}

/**
 * A row one cell short with its label in place, its figures compacted to the left (an HTML table's row
 * that lost an empty cell before its figures: Ashfield's "Increase in Council Tax base | -£0.56 |" under
 * "£ thousands | Effect on Council Tax"): the last column of figures empty, and every figure it prints
 * in the form of the column to its right and not of its own — the decimal places most (three in four)
 * of that column's figures print (whole thousands beside pence), not nil, not a workbook's typed number.
 * Read one column right, by the row's shape alone.
 */
function compactedRows(g: Grid, figs: number[], rows: TableRow[], move: (row: TableRow, from: number[], shift: -1 | 1) => void): void {
  const formOf = (x: Reading) => (x.kind === 'number' ? String(x.places) : '');
  const usual = figs.map((c) => {
    const n = new Map<string, number>();
    for (const row of rows) {
      const x = row.cells.get(c);
      if (x?.kind === 'number' && !x.dash && !row.printedAt) n.set(formOf(x), (n.get(formOf(x)) ?? 0) + 1);
    }
    const [best, count] = [...n.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    return count >= 3 && count * 4 >= [...n.values()].reduce((x, y) => x + y, 0) * 3 ? best : undefined;
  });
  const last = figs[figs.length - 1];
  for (const row of rows) {
    if (row.printedAt || !row.label || (row.cells.get(last)?.kind ?? 'blank') !== 'blank') continue;
    const own = figs.slice(0, -1).map((c) => row.cells.get(c));
    // figures as printed in text (a workbook's typed numbers carry no printed form), none of them nil
    if (own.some((x) => x?.kind === 'text' || (x?.kind === 'number' && (x.typed || x.value.isZero()))) || !own.some((x) => x?.kind === 'number' && !x.dash)) continue;
    const fitsRight = own.every((x, i) => x === undefined || x.kind === 'blank' || (x.kind === 'number' && !x.dash &&
      usual[i + 1] !== undefined && usual[i] !== undefined && usual[i] !== usual[i + 1] && formOf(x) === usual[i + 1]));
    if (!fitsRight) continue;
    // figs[0] reads the (blank) last cell; each later column the cell to its left
    move(row, [last, ...figs.slice(0, -1)], -1);
    row.compacted = true;
  }
}

/** Row labels that name a forecasting table's rows (Tables 1b, 2b, 3b print years or one column). */
const hasRow = (t: FoundTable, re: RegExp) => t.rows.some((r) => re.test(r.label));
const hasCaption = (t: FoundTable, re: RegExp) => t.columns.some((c) => c.numeric && re.test(c.norm));

/** Does the table have the columns (or, for 1b, 2b and 3b, the rows) a layout needs? */
export function fits(t: FoundTable, layout: Layout): boolean {
  const has = (role: Role) => t.columns.some((c) => c.numeric && c.role === role);
  const money = t.columns.filter((c) => c.numeric && !c.percent);
  // Two period groups side by side ("LAST YEAR: annual budget, actual to month 2 | CURRENT YEAR: annual
  // budget, actual to month 2, remaining, forecast outturn, variance"): which budget and which actual a
  // difference takes is learned from the rows (the auto reading), never the first of each caption —
  // the Isle of Wight's "AMOUNT REMAINING" had been read as last year's budget − last year's actual,
  // 17 false errors (T7-57).
  const twoPeriods = () => money.filter((c) => c.role === 'revised').length >= 2 && money.filter((c) => c.role === 'outturn').length >= 2;
  switch (layout) {
    case 'ledger':
      return hasRow(t, /^ledger total\b/i) && hasRow(t, /^difference\b/i);
    case 'financing':
      return hasRow(t, /^total financing\b/i) && hasRow(t, /^difference\b/i);
    case 'mtfp':
      return hasRow(t, /^budget requirement\b/i) && hasRow(t, /^funding\b/i) && hasRow(t, /^budget gap\b/i);
    case 'scenarios':
      return hasCaption(t, /budget gap/) && hasCaption(t, /gap not funded/);
    case 'programme': {
      // Next year's programme: approved budget + reprofiled from this year = the programme; no outturn.
      const rp = money.findIndex((c) => c.role === 'reprofile');
      return rp > 0 && !has('outturn') && money.slice(0, rp).some((c) => c.role === 'revised') && money.slice(rp + 1).some((c) => c.role === 'revised');
    }
    case 'reserves':
      return has('movement') && has('closing');
    case 'capital':
      return has('revised') && has('outturn') && (has('remaining') || has('reprofile')) && !twoPeriods();
    case 'forecast':
      return has('revised') && has('to_date') && has('rest') && has('outturn');
    case 'revenue':
      return has('revised') && has('outturn') && (has('variance') || has('original')) && !twoPeriods();
    case 'auto':
      return true;
  }
}

const RECOGNISED = new WeakMap<FoundTable, Layout>();
/** Which statutory layout a table's headers describe (auto when none); found once per table. */
export function recogniseLayout(t: FoundTable): Layout {
  let l = RECOGNISED.get(t);
  if (l === undefined) RECOGNISED.set(t, (l = layoutOf(t)));
  return l;
}

function layoutOf(t: FoundTable): Layout {
  return (['mtfp', 'scenarios', 'ledger', 'financing', 'reserves', 'capital', 'programme', 'forecast', 'revenue'] as const).find((l) => fits(t, l)) ?? 'auto';
}
