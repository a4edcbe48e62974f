// The audit's input: a rectangle of cells as a reader found them — text as printed, or numbers as
// typed — with the sheet they came from and how to name a cell to the reader of a finding.
import { printedText } from '../base/cells';
import { Dec, withoutResidue } from '../base/decimal';
import { parsePrinted } from '../base/printed';
import { a1, columnLetters, range, sheetRef } from '../base/a1';

export type GridCell = string | number | null;

export interface Grid {
  /** worksheet name, or the file name of a CSV/TSV */
  sheet: string;
  /** rows × columns from A1 (rows may be ragged) */
  cells: GridCell[][];
  /** bold cells, where the reader knows (xlsx) */
  bold?: boolean[][];
  /**
   * How findings name a cell: 'a1' gives Sheet!C7 (workbooks); 'rowcol' gives "row N, column <header>"
   * (CSV/TSV), N being the line of the file.
   */
  addressing?: 'a1' | 'rowcol';
  /** for 'rowcol': the line of the file each grid row came from (1-based) */
  lines?: number[];
  /**
   * for 'rowcol': the row Excel shows each grid row at when it opens the file (1-based); differs from
   * `lines` only after a quoted cell that runs over several lines. Default: `lines`.
   */
  sheetRows?: number[];
  /** comment lines of a CSV/TSV ("# units: £'000"), read for units */
  notes?: string[];
  /** how the file was read, for the report: "Windows-1252, semicolon-separated with decimal commas" */
  readAs?: string;
  /**
   * Cells a workbook holds no value for, by row and column: an error value (#REF!, #DIV/0!) or a
   * formula saved with no calculated value (openpyxl and other scripts write formulas so). The text
   * in `cells` is what a person sees (the error value, or the formula as typed: "=C2-B2"); the reason
   * says why it is no figure. Such a cell stands where a figure should: a column of them is a column
   * of figures, each cell unreadable at its cell (never a column left out unsaid).
   */
  errors?: (string | undefined)[][];
  /**
   * One of the tables a sheet prints side by side (detect.ts, sideBySide): the sheet's cells with those
   * of the other parts blank, addresses unchanged; `of` the whole sheet, `c0` the part's first column.
   */
  part?: { of: Grid; c0: number };
  /**
   * A workbook's number formats, by row and column, for cells holding a typed number (absent or
   * 'General' where none): how the cell prints it — its decimal places ("0.000" prints 2.25 as 2.250,
   * a figure rounded to three places) and whether it is a percentage ("0.0%" prints 0.033 as 3.3%).
   */
  formats?: (string | undefined)[][];
  /**
   * A workbook's hidden rows (grid rows, 0-based): part of the workbook's arithmetic — a total's
   * formula adds them — but not of the table as printed or shown on screen. The audit casts the
   * workbook's arithmetic with them and says when the rows shown do not cast without them.
   */
  hiddenRows?: ReadonlySet<number>;
  /** A worksheet the workbook hides ('hidden': Excel's Unhide lists it; 'veryHidden': only the VBA editor shows it). */
  hiddenSheet?: 'hidden' | 'veryHidden';
  /**
   * Columns the audit made past the grid's last column, each the grid column its figures are printed
   * in: a cell printing two figures ("+9.90 (+4.79%)", "2.99%/£41.05") is read as two columns, the
   * second one made (see withTwoFigures); a finding at the made column names the printed cell.
   */
  virtual?: ReadonlyMap<number, number>;
}

/**
 * How a number format prints a number, from its first section (the positive one): the decimal places
 * it shows, and a per cent sign — `scaled` when the format multiplies by 100 (an unquoted %),
 * `literal` when it only prints the sign ("0.0\"%\""); `thousands`: how many times it divides by
 * 1,000 (each comma after the last digit placeholder: `#,##0,` shows £43,581,000 as 43,581, `0.0,,` in
 * millions); `pound`: it prints a £ (`£#,##0`, `"£"#,##0`, `[$£-809]#,##0`); `suffix`: a unit it prints
 * after the figure (`"m"`, `\m`, `"k"`, `"bn"`). Undefined for General, a date or text format.
 */
export function formatShows(format: string | undefined): { places: number; percent?: 'scaled' | 'literal'; thousands?: number; pound?: boolean; suffix?: string } | undefined {
  if (!format || /^general$/i.test(format.trim()) || format === '@') return undefined;
  const section = format.split(';')[0];
  const literal = /"[^"]*%[^"]*"|\\%/.test(section);
  const bare = section.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').replace(/[_*]./g, '');
  if (!/[0#?]/.test(bare)) return undefined;
  const dot = bare.indexOf('.');
  const places = dot < 0 ? 0 : (bare.slice(dot + 1).match(/^[0#?,]*/)?.[0].replace(/,/g, '').length ?? 0);
  const scaled = bare.includes('%');
  // commas after the last digit placeholder of the integer part (before the point or the end), and after the last decimal one
  const whole = dot < 0 ? bare : bare.slice(0, dot);
  const thousands = (/[0#?](,+)[^0#?,]*$/.exec(whole)?.[1].length ?? 0) + (dot < 0 ? 0 : /[0#?](,+)[^0#?,]*$/.exec(bare.slice(dot + 1))?.[1].length ?? 0);
  const pound = /£/.test(section.replace(/_./g, ''));
  // the unit printed after the figure: the quoted or escaped text after the last digit placeholder
  const tail = /[0#?.,%]+((?:"[^"]*"|\\.|[^0#?])*)$/.exec(section.replace(/\[[^\]]*\]/g, '').replace(/[_*]./g, ''))?.[1] ?? '';
  const suffix = /^(k|m|bn|million|thousand)$/i.exec(tail.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1').trim())?.[1].toLowerCase();
  return { places, ...(scaled ? { percent: 'scaled' as const } : literal ? { percent: 'literal' as const } : {}), ...(thousands ? { thousands } : {}), ...(pound ? { pound } : {}), ...(suffix ? { suffix } : {}) };
}

/** 1234567.5 with 1 place → "1,234,567.5": a figure as a spreadsheet shows it under a grouping format. */
function grouped(v: Dec, places: number): string {
  const [w, f] = v.abs().toFixed(places).split('.');
  return `${w.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f ? `.${f}` : ''}`;
}

/**
 * A typed number as its format prints it: a percentage format's fraction as per cent (0.033 → 3.3,
 * exactly), and the places the format shows when they are more than the number's own digits (2.25
 * under "0.000" is a figure printed to three places, 2.250: its rounding is half of 0.001, not of 0.01).
 * Places are never fewer than the stored digits: the stored figure is the one summed — except under a
 * format that divides by 1,000 (`#,##0,`: pounds held, thousands shown), where the figure is the one
 * shown, rounded to the format's places as the spreadsheet rounds it (half away from nil), since the
 * table a reader sees and prints is in those thousands (U6-09). A £ or a unit the format prints
 * (`"£"0.0"m"`, `"£"#,##0`) is the figure's own unit, as if typed in the cell: "£664,000" among "£91.6m"
 * figures is in pounds (U6-26).
 */
function asFormatted(x: Reading, format: string | undefined): Reading {
  if (x.kind !== 'number' || !x.typed) return x;
  const shows = formatShows(format);
  if (!shows) return x;
  if (shows.thousands && !shows.percent) {
    const value = x.value.div(new Dec(1000).pow(shows.thousands)).toDecimalPlaces(Math.min(shows.places, MAX_PRINTED_PLACES), Dec.ROUND_HALF_UP);
    const places = Math.min(shows.places, MAX_PRINTED_PLACES);
    const u = value.times(new Dec(10).pow(places));
    const power = 3 * shows.thousands;
    return {
      ...x,
      value,
      places,
      units: u.isInteger() && u.abs().lte(Number.MAX_SAFE_INTEGER) ? u.toNumber() : undefined,
      raw: `${value.isNeg() ? '-' : ''}${shows.pound ? '£' : ''}${grouped(value, places)}${shows.suffix ?? ''}`,
      // the unit shown: the suffix the format prints, else the power of a thousand it divides by (£ held, £'000 shown)
      unit: shows.suffix ?? (power === 3 ? 'k' : power === 6 ? 'm' : power === 9 ? 'bn' : undefined),
      formatScaled: { format: format!, held: x.value },
    };
  }
  const value = shows.percent === 'scaled' ? x.value.times(100) : x.value;
  const places = Math.min(Math.max(value.decimalPlaces(), shows.places), MAX_PRINTED_PLACES);
  const money = !shows.percent && (shows.pound || shows.suffix);
  if (places === x.places && value === x.value && !shows.percent && !money) return x;
  const u = value.times(new Dec(10).pow(places));
  return {
    ...x,
    value,
    places,
    units: u.isInteger() && u.abs().lte(Number.MAX_SAFE_INTEGER) ? u.toNumber() : undefined,
    percent: shows.percent !== undefined,
    raw: money ? `${value.isNeg() ? '-' : ''}${shows.pound ? '£' : ''}${grouped(value, places)}${shows.suffix ?? ''}` : `${value.toFixed(places)}${shows.percent ? '%' : ''}`,
    ...(money && shows.suffix ? { unit: shows.suffix } : {}),
  };
}

export function cellAt(g: Grid, r: number, c: number): GridCell {
  return g.cells[r]?.[c] ?? null;
}

export function boldAt(g: Grid, r: number, c: number): boolean {
  return g.bold?.[r]?.[c] ?? false;
}

export function width(g: Grid): number {
  return g.cells.reduce((w, row) => Math.max(w, row.length), 0);
}

/** The place of a cell as a finding names it. `header` is the column's caption (for CSV/TSV). */
export function place(g: Grid, r: number, c: number, header: string): string {
  c = g.virtual?.get(c) ?? c;
  if (g.addressing === 'rowcol') {
    const line = g.lines?.[r] ?? r + 1;
    // where a quoted cell ran over lines, or a "sep=" line came first, Excel shows the row elsewhere: say both
    const shown = g.sheetRows?.[r] ?? line;
    return `row ${line}${shown !== line ? ` (row ${shown} in Excel)` : ''}, column ${header || columnLetters(c)}`;
  }
  return sheetRef(g.sheet, a1(r, c));
}

/** Where a cell is, for a program: 1-based row and column in the file or sheet, and the A1 address Excel shows. */
export interface Location {
  /** as a person reads it: Sheet!C7, or "row N, column <header>" for CSV/TSV */
  cell: string;
  /** 1-based: the line of a CSV/TSV file, the row of a worksheet */
  row: number;
  /** 1-based: the field of a CSV/TSV line, the column of a worksheet */
  column: number;
  /** for CSV/TSV: the address of the cell when the file is opened in Excel (C7) */
  a1?: string;
  /** for a workbook: the worksheet's name, unquoted ("Q3 '23 monitoring") */
  sheet?: string;
}

export function locate(g: Grid, r: number, c: number, header: string): Location {
  c = g.virtual?.get(c) ?? c;
  if (g.addressing === 'rowcol') {
    const line = g.lines?.[r] ?? r + 1;
    return { cell: place(g, r, c, header), row: line, column: c + 1, a1: `${columnLetters(c)}${g.sheetRows?.[r] ?? line}` };
  }
  return { cell: place(g, r, c, header), row: r + 1, column: c + 1, sheet: g.sheet };
}

/** The range a table covers, as the `tables` list of a report names it. */
export function placeRange(g: Grid, r0: number, c0: number, r1: number, c1: number): string {
  if (g.addressing === 'rowcol') return `rows ${g.lines?.[r0] ?? r0 + 1}-${g.lines?.[r1] ?? r1 + 1}`;
  return range(r0, c0, r1, c1);
}

/** A cell read as a figure. */
export type Reading =
  | { kind: 'blank' }
  | {
      kind: 'text';
      text: string;
      reason: string;
      /**
       * a figure's place, unread: a workbook's error value or formula with no calculated value
       * (Grid.errors), or "####", a figure too wide for its column saved as shown (TOO_NARROW)
       */
      error?: boolean;
      /**
       * one of the two figures a cell prints together, this one not printed on the row (the cell
       * prints "9.74%" where the others print "2.99%/£41.05"): unread, no fault (see withTwoFigures)
       */
      alone?: boolean;
    }
  | {
      kind: 'number';
      value: Dec;
      /** decimal places as printed (or as typed): sets the rounding tolerance */
      places: number;
      /** value × 10^places as a safe integer, where the reader knows it cheaply (see Printed); else undefined */
      units?: number;
      dash: boolean;
      percent: boolean;
      negativeZero: boolean;
      typed: boolean;
      raw: string;
      /** a footnote marker printed after the figure ("8,649*", "39,958 (a)"), read past */
      marker?: string;
      /** a currency sign other than £ printed before the figure ("$99,388"), read past */
      currency?: string;
      /** the decimal point printed raised, as Hansard prints it ("320·89", U+00B7), read as a point */
      raisedPoint?: boolean;
      /** a stray separator printed between the currency sign and the figure ("£,1,416.11"), read past */
      straySeparator?: string;
      /** a unit printed inside the cell ("£13.5m"), read past */
      unit?: string;
      /**
       * the figure as printed when its own unit differs from its column's ("£664,000" among "£91.6m"):
       * `value` is then in the column's unit (0.664), see withCellUnits
       */
      rescaled?: { from: string; to: string; dropped?: boolean };
      /**
       * a typed number its number format divides by 1,000 or 1,000,000 (`#,##0,`: pounds held, thousands
       * shown): `value` is the figure shown; `held` the number the workbook holds
       */
      formatScaled?: { format: string; held: Dec };
      /** printed in pence ("27p": value in pounds, 0.27) or as pounds with a stray p ("£1.28p": 1.28) */
      pence?: 'pence' | 'stray';
      /** printed "n/a" (not applicable) in a figure column: read as nil in the figures it adds to, never checked itself (see withNotApplicable) */
      notApplicable?: boolean;
      /**
       * how a finance system marked the sign after the figure: CR (a credit, read as negative), DR (a
       * debit, read as positive), or '-' (a trailing minus, "1203-", read as negative)
       */
      ledgerSign?: 'CR' | 'DR' | '-';
    };

/**
 * A header cell that states a unit: £, £000, £'000, £m, £k, %, (£m) — and one with a footnote digit glued to
 * it, "£0001", "£m2", "£'000³" (the Commons' answer on Welsh police budgets 1990-2004 heads its year column
 * "£0001": a unit and note 1, never the figure 1; T10-03).
 */
const UNIT_ONLY = /^\s*\(?\s*([£€$]\s*(['’]?\s*000s?|m|k|bn)?|%|\(%\)|['’]?000s?)\s*\)?\s*$|^\s*[£€$]\s*(?:['’]?\s*000|m|k|bn)\s*[0-9\u00b9\u00b2\u00b3\u2070-\u2079]\s*$/i;
export const NIL_WORD = /^\s*(none|nil)\s*$/i;
/**
 * A rule typed as characters ("------", "======", "____", "───"): the printed underline of a figure
 * above a total, in plain-text reports and text copied from a PDF. Three or more; a lone "-" is a nil.
 */
/** "####" (two hashes or more): what Excel and LibreOffice show for a figure wider than its column. */
export const TOO_NARROW = /^\s*#{2,}\s*$/;
/**
 * A value a program failed to render, printed where a figure stands: "NaN" ("£nanm", as police.uk
 * printed a missing year of reserves), "undefined", "null", "Infinity", or a spreadsheet's error value
 * typed into text (#VALUE!, #REF!, #DIV/0!, #N/A, #NAME?, #NUM!, #NULL!). A figure's place, never a caption (T7-09).
 */
export const NOT_RENDERED = /^\s*[(\-−–]?\s*[£$€]?\s*(nan|undefined|null|[-+]?infinity|#(value!|ref!|div\/0!|n\/a|name\?|num!|null!))\s*(m|k|bn|%)?\s*\)?\s*$/i;
export const RULE = /^\s*[-=_\u2500\u2501\u2550\u2013\u2014]{3,}\s*$/;
/** "n/a", "N/A", "not applicable", and the statistical symbol "." (not applicable, as StatsWales and the GSS print it). */
/**
 * Not applicable, in the table's own words or the statistician's: "n/a", "NA", "not applicable", ".",
 * and a short phrase saying the line does not exist for this body ("No HRA", "No housing stock", "No
 * scheme": councils with no housing revenue account print it in that column; T8-10) — not "no data",
 * "no figures", "no information" or "no return", which say a figure exists but is not given. Also the
 * words saying the amount has no figure of its own because it is inside another ("Included in rent",
 * "incl. in line 3", "included above", "see note 4": the ODPM's Marchington costs 1991-92, whose storage
 * cost is in its rent; T9-04), with "now", "already" or "also" before it ("Now included above": Rochford's
 * 2025/26 social care levy, merged into the county's figure; T11-57): nil for the arithmetic, with a note.
 */
export const NOT_APPLICABLE = /^\s*(n\/?a|not applicable|\.|\[\s*z\s*\]|(?:(?:now|already|also)\s+)?(?:included|incl\.?|includes?)\s+(?:in|within|with|above|below|elsewhere|under)\b(?:\s+[a-z0-9'’&/.,-]+){0,4}|(?:(?:now|already|also)\s+)?(?:included|incl\.?)\s+(?:above|below|elsewhere)|see\s+(?:notes?|para(?:graph)?s?|above|below)\b(?:\s+[a-z0-9.()]+){0,2}|no\s+(?!(?:data|figures?|information|returns?|values?|details?)\b)[a-z][a-z'’&/-]*(?:\s+[a-z'’&/-]+){0,3})\s*%?\s*$/i;
/**
 * A figure that exists but was not published: the statistical symbol "..", the words "not available" /
 * "not known", and the abbreviations statisticians and Hansard print — "n.a." / "n.a" (not available),
 * "n.k." (not known), "n/av", "n/k", "n.q." (not quoted) — and the marks of a figure withheld: "*" or "x"
 * alone, ONS's "[c]" (confidential), "[x]" (not available), "[low]", "[u]", "[w]" (T10-04: the Commons'
 * answer on BR and London Transport grants prints "n.a.", which had been an error, "not a number").
 */
export const NOT_AVAILABLE = /^\s*(\.\.|not available|not known|n\.\s?[akq]\.?|n\/(?:av|k)|\*|x|\[\s*(?:c|x|low|u|w)\s*\])\s*$/i;

/** A currency sign other than £ (read by the parser) before a figure or its bracket or minus: "$99,388", "$(1,973)", "-€12". */
const CURRENCY = /^(\s*[(\-−–]?\s*)([$€])\s*(?=[\d(.]|[-−–]\s*$)/;
/**
 * A figure, then a footnote marker: *, †, ‡, superscript digits, (a), (1), [2] — or the mark worded, as
 * Parliament, the ONS and councils print it: "(Note 1)", "(note 1)", "Note 1", "[Note 1]", "(see note 1)",
 * "(see note)", "(N1)" (T11-04: the Commons' answer on mayoral precepts, "112.95 (Note 1)").
 */
const FOOTNOTE = /^(.*[0-9)%])\s*(\*+|[†‡§¶]+|[\u00b9\u00b2\u00b3\u2070-\u2079]+|\(\s*(?:[a-z]|[ivx]{1,4}|[0-9]{1,2})\s*\)|\[\s*[0-9a-z]{1,2}\s*\]|[([]\s*(?:see\s+)?notes?\s*[0-9a-z]{0,2}\s*[)\]]|(?:see\s+)?notes?\s+[0-9a-z]{1,2}|\(\s*n[0-9]{1,2}\s*\))$/i;
/** A footnote mark printed BEFORE the figure, as Hansard prints an estimate: "*30,000,000", "†12.5", "(a) 39,958". */
const FOOTNOTE_BEFORE = /^\s*(\*+|[†‡§¶]+|\(\s*[a-z]\s*\)(?=\s))\s*(?=[0-9(£$€\-−–.])/i;
/** A sign printed in brackets before the figure, as budget books print credits: "(-)55,079", "(−)1,655,180", "(+)384". */
const SIGN_BEFORE = /^\s*\(\s*([-−–+])\s*\)\s*(?=[£$€]?\s*[0-9.])/;
/** The decimal point printed raised (Hansard's "320·89": U+00B7 middle dot, U+2219, U+22C5) between two digits. */
const RAISED_POINT = /(?<=[0-9])[\u00b7\u2219\u22c5](?=[0-9])/;
/** A figure with its unit inside the cell: "£13.5m", "£1,705m", "£2.1bn", "£450k", "£'000 12". */
const UNIT_IN_CELL = /^(.*[0-9)])\s*(m|bn|k|million|thousand)$/i;
/** A change printed with its sign inside brackets: "(+ £12.4m)", "(- £1.4m)", "(+/- £0.0m)", "(± 0.0)". */
const SIGNED_BRACKET = /^\(\s*(\+\s*\/\s*[-−–]|±|\+|[-−–])\s*(£?\s*[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:m|k|bn)?)\s*\)$/i;
/** A percentage printed with the words: "3.8 per cent", "-1.2 percent", "(0.5) pc". */
const PER_CENT = /^(.*[0-9])\s*(?:per\s?cent|pc)(\)?)$/i;
/** Pence: "27p", "(5p)", "6 pence", "9 p" (T11-54: Rushcliffe's "Increase per Week"), and a pound figure with a stray p, "£1.28p". */
const PENCE = /^\+?\s*([(\-−–]?\s*£?)([0-9][0-9,]*(?:\.[0-9]+)?)\s?p(?:ence)?(\)?)$/;
/** A negative figure whose brackets hold its unit too, as Lancashire fire prints "(£6.9m)" beside "£54.3m". */
const BRACKETED_UNIT = /^\(\s*([^()]*[0-9])\s*(m|bn|k|million|thousand)\s*\)$/i;
/**
 * A figure with its sign marked after it as ledgers and finance systems print it (Agresso/Unit4,
 * SAP, Oracle reports; trial balances): "1203CR", "1,203 Cr", "£2,587CR", "999 DR", "1203-".
 */
const LEDGER_SIGN = /^(.*[0-9)%])\s*(?:(CR|DR)\.?|([-−–]))$/i;

/**
 * A cell's figure and what is printed after it that the reader sets aside or reads as a sign (a
 * footnote marker, a unit inside the cell, a ledger's CR/DR or trailing minus): ["10,8", "*"] for
 * "10,8*", so a file written with decimal commas converts the figure and keeps the mark (U6-28).
 * Undefined when nothing follows the figure.
 */
export function figureAndMark(v: string): [string, string] | undefined {
  const t = v.trim();
  const m = FOOTNOTE.exec(t) ?? UNIT_IN_CELL.exec(t) ?? LEDGER_SIGN.exec(t);
  return m ? [m[1], t.slice(m[1].length)] : undefined;
}

/** Typed numbers with more places than this are unrounded ratios or the like, not printed figures. */
const MAX_PRINTED_PLACES = 10;

/**
 * The common printed figure — digits grouped by commas or not, a point and decimals, a leading minus
 * or brackets (1234, -1,234.5, (1,234)) — read without regular expressions or an intermediate
 * object (a table of 100,000 rows has 300,000 of them); undefined for anything else, which the
 * general path (parsePrinted) reads. Same result as parsePrinted's.
 */
function plainFigure(v: string): Reading | undefined {
  const n = v.length;
  let i = 0;
  let end = n;
  let negative = false;
  if (n === 0) return undefined;
  const c0 = v.charCodeAt(0);
  if (c0 === 45 /* - */) {
    negative = true;
    i = 1;
  } else if (c0 === 40 /* ( */) {
    // "(000)" is a unit heading (£'000), not a nil: the general path says so
    if (v.charCodeAt(n - 1) !== 41 /* ) */ || v === '(000)') return undefined;
    negative = true;
    i = 1;
    end = n - 1;
  }
  // whole part: digits, in groups of three after the first (1-3 digits) when commas separate them
  let units = 0;
  let digits = 0;
  let groupLen = 0;
  let commas = 0;
  let k = i;
  for (; k < end; k++) {
    const c = v.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      digits++;
      groupLen++;
    } else if (c === 44 /* , */) {
      if (commas === 0 ? groupLen < 1 || groupLen > 3 : groupLen !== 3) return undefined;
      commas++;
      groupLen = 0;
    } else break;
  }
  if (digits === 0 || (commas > 0 && groupLen !== 3)) return undefined;
  let places = 0;
  if (k < end) {
    if (v.charCodeAt(k) !== 46 /* . */ || k + 1 === end) return undefined;
    for (k++; k < end; k++) {
      const c = v.charCodeAt(k);
      if (c < 48 || c > 57) return undefined;
      units = units * 10 + (c - 48);
      digits++;
      places++;
    }
  }
  if (digits > 15) return undefined; // beyond a safe integer's digits: the general path (Decimal from text)
  let value: Dec;
  if (places === 0 && units < 1e7) value = new Dec(negative ? -units : units);
  else {
    const body = commas ? v.slice(i, end).replace(/,/g, '') : v.slice(i, end);
    value = new Dec(body);
    if (negative) value = value.neg();
  }
  return {
    kind: 'number',
    value,
    places,
    units: negative && units !== 0 ? -units : units,
    dash: false,
    percent: false,
    negativeZero: negative && units === 0,
    typed: false,
    raw: v,
  };
}

/** The currency sign with a comma straight after it (a point there is a decimal point: "£.50"), then a digit ("£,1,416.11"). */
const STRAY_SEPARATOR = /^(\s*[(\-−–]?\s*£)\s*(,)(?=\s*\d)/;

export function readCell(v: GridCell): Reading {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'string' && v.length > 0) {
    const c = v.charCodeAt(0);
    // Words (a label, a heading): a figure never starts with a letter, nor does the part of one read
    // before a mark, footnote or unit after it; only "none" and "nil" are figures (nils). The reason is
    // the one the general path gives (parsePrinted's).
    if (((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) && !NIL_WORD.test(v) && !NOT_RENDERED.test(v)) return { kind: 'text', text: v, reason: `${JSON.stringify(v)} is not a number as printed` };
  }
  if (typeof v === 'string' && v.length > 0 && v.length <= 24) {
    const c = v.charCodeAt(0);
    // a plain figure never reads as a unit ("000" does: left to the general path) or as a nil word
    if ((c >= 49 && c <= 57) || c === 45 || c === 40) {
      const x = plainFigure(v);
      if (x) return x;
    }
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'text', text: String(v), reason: `${v} is not a number` };
    // A typed number is the decimal a spreadsheet shows at 15 significant digits, less the binary
    // residue a formula's result carries (−1.3000000000000114 is −1.3).
    const value = withoutResidue(v);
    return {
      kind: 'number',
      value,
      places: Math.min(value.decimalPlaces(), MAX_PRINTED_PLACES),
      // a whole number below 10^15 is its own decimal (15 significant digits)
      units: Number.isInteger(v) && Math.abs(v) < 1e15 ? v + 0 : undefined,
      dash: false,
      percent: false,
      negativeZero: false,
      typed: true,
      raw: value.toFixed(),
    };
  }
  // A rule typed as characters: no figure (a row of rules reads as no row: it closes the block above it).
  if (RULE.test(v)) return { kind: 'blank' };
  // Excel and LibreOffice write the shown text to a CSV or a PDF: the figure is not in the file.
  if (NOT_RENDERED.test(v)) {
    return { kind: 'text', text: v, error: true, reason: `printed ${v.trim()}: no figure is printed here — what a spreadsheet or a web page shows for a missing or broken value (not a number), so the figure is not in the table` };
  }
  if (TOO_NARROW.test(v)) {
    return { kind: 'text', text: v, error: true, reason: `printed ${v.trim()}: the column was too narrow for the figure when the file was saved, so the figure is not in the file (widen the column in the spreadsheet and save again)` };
  }
  // Words printed for a nil or for nothing: "none", "nil" are nils; "n/a" is not applicable (nothing to read).
  if (UNIT_ONLY.test(v)) return { kind: 'text', text: v, reason: `"${v.trim()}" is a unit, not a figure` };
  if (NIL_WORD.test(v)) return { kind: 'number', value: new Dec(0), places: 0, units: 0, dash: true, percent: false, negativeZero: false, typed: false, raw: v.trim() };
  // A currency sign other than £ before the figure or its bracket ("$99,388", "$(1,973)", "(€450)"), as a
  // statement prints it on its first and total rows: the figure, the sign read past (a note says so).
  const cur = CURRENCY.exec(v);
  if (cur) {
    const x = readCell(cur[1] + v.slice(cur[0].length));
    return x.kind === 'number' ? { ...x, raw: v.trim(), currency: cur[2] } : x.kind === 'text' ? { ...x, text: v } : x;
  }
  // Hansard's raised decimal point: one between two digits is the point (a note says so, once per table; T10-01)
  if (RAISED_POINT.test(v) && v.match(/[\u00b7\u2219\u22c5]/g)!.length === 1) {
    const x = readCell(v.replace(RAISED_POINT, '.'));
    if (x.kind === 'number') return { ...x, raw: v.trim(), raisedPoint: true };
  }
  // a separator printed between the £ and the figure ("£,1,416.11": Wirral's Band D, 2019-20; T11-51): a slip of
  // the keyboard, never part of the figure — read past, a note says so (the figure after it must read on its own)
  const stray = STRAY_SEPARATOR.exec(v);
  if (stray) {
    const x = readCell(stray[1] + v.slice(stray[0].length));
    if (x.kind === 'number') return { ...x, raw: v.trim(), straySeparator: stray[2] };
  }
  // a sign in brackets before the figure ("(-)55,079": a budget book's credits; T10-58): that sign, the figure
  // after it unsigned (a second sign, "(-)(5)", "(-)-5", cannot be told and stays unreadable)
  const sign = SIGN_BEFORE.exec(v);
  if (sign) {
    const x = readCell(v.slice(sign[0].length));
    if (x.kind === 'number' && !x.value.isNeg() && !x.negativeZero && !/^[\s£$€]*[(\-−–]/.test(v.slice(sign[0].length))) {
      const neg = sign[1] !== '+';
      return { ...x, value: neg ? x.value.neg() : x.value, units: x.units === undefined ? undefined : neg ? -x.units : x.units, negativeZero: neg && x.value.isZero() ? false : x.negativeZero, raw: v.trim() };
    }
  }
  // a footnote mark before the figure ("*30,000,000"): the figure, the mark read past with a note (T10-02)
  const before = FOOTNOTE_BEFORE.exec(v);
  if (before) {
    const x = readCell(v.slice(before[0].length));
    if (x.kind === 'number' && !x.marker) return { ...x, raw: v.trim(), marker: before[1].trim() };
  }
  let p = parsePrinted(v);
  if (p.kind === 'blank') return { kind: 'blank' };
  let marker: string | undefined;
  let unit: string | undefined;
  if (p.kind === 'unreadable') {
    // As copied from a PDF: a footnote marker after the figure, or the unit inside the cell.
    const ls = LEDGER_SIGN.exec(v.trim());
    if (ls) return ledgerSigned(v, ls[1], ls[2] ? (ls[2].toUpperCase() as 'CR' | 'DR') : '-', p.reason);
    // a change with its sign inside the brackets ("(+ £12.4m)", "(- £1.4m)", "(+/- £0.0m)", as an
    // infographic prints the change on last year): the brackets mark the change, the sign is the sign
    const sb = SIGNED_BRACKET.exec(v.trim());
    if (sb) {
      const either = sb[1].length > 1;
      const x = readCell(`${sb[1] === '+' || either ? '' : '-'}${sb[2]}`);
      if (x.kind === 'number' && (!either || x.value.isZero())) return { ...x, raw: v.trim() };
    }
    // "3.8 per cent" (Hansard, the Welsh and Scottish Governments print the word): the per cent sign
    const pc = PER_CENT.exec(v.trim());
    if (pc) {
      const x = parsePrinted(`${pc[1]}%${pc[2]}`);
      if (x.kind === 'number') return { kind: 'number', value: x.value, places: x.places, units: x.units, dash: x.dash, percent: true, negativeZero: x.negativeZero, typed: false, raw: v.trim() };
    }
    // "27p" (pence, as council-tax leaflets print the pence a week) and "£1.28p" (pounds with a stray p): in pounds
    const pn = PENCE.exec(v.trim());
    if (pn) {
      const x = parsePrinted(`${pn[1]}${pn[2]}${pn[3]}`);
      if (x.kind === 'number' && !x.percent) {
        const pounds = /£/.test(pn[1]);
        const value = pounds ? x.value : x.value.div(100);
        const places = pounds ? x.places : x.places + 2;
        const u = value.times(new Dec(10).pow(places));
        return { kind: 'number', value, places, units: u.abs().lte(Number.MAX_SAFE_INTEGER) ? u.toNumber() : undefined, dash: x.dash, percent: false, negativeZero: x.negativeZero, typed: false, raw: v.trim(), pence: pounds ? 'stray' : 'pence' };
      }
    }
    const fm = FOOTNOTE.exec(v.trim());
    // the sign's brackets round the whole amount, unit and all ("(£6.9m)", "(£12.5k)"): as "(£6.9)m"
    const bu = fm ? null : BRACKETED_UNIT.exec(v.trim());
    const m = fm ?? (bu ? [bu[0], `(${bu[1]})`, bu[2]] : UNIT_IN_CELL.exec(v.trim()));
    if (!m) return { kind: 'text', text: v, reason: p.reason };
    const inner = parsePrinted(m[1]);
    if (inner.kind !== 'number') return { kind: 'text', text: v, reason: p.reason };
    p = inner;
    if (fm) marker = m[2].trim();
    else unit = m[2].trim();
  }
  return {
    ...(marker ? { marker } : {}),
    ...(unit ? { unit } : {}),
    kind: 'number',
    value: p.value,
    places: p.places,
    units: p.units,
    dash: p.dash,
    percent: p.percent,
    negativeZero: p.negativeZero,
    typed: false,
    raw: v.trim(),
  };
}

/** "1203CR" and the like (LEDGER_SIGN): the figure with the sign its mark gives; a sign printed twice is unreadable. */
function ledgerSigned(v: string, figure: string, mark: 'CR' | 'DR' | '-', reason: string): Reading {
  const p = parsePrinted(figure);
  // a percentage takes a trailing minus ("9%-", as ledgers export −9%), never CR or DR
  if (p.kind !== 'number' || p.dash || (p.percent && mark !== '-')) return { kind: 'text', text: v, reason };
  if (p.value.isNegative() || p.negativeZero) {
    return { kind: 'text', text: v, reason: `${JSON.stringify(v.trim())} has two signs (${p.bracketed ? 'brackets' : 'a minus'} and ${mark === '-' ? 'a trailing minus' : mark}): the figure's sign cannot be told` };
  }
  const negative = mark !== 'DR' && !p.value.isZero();
  return {
    kind: 'number',
    value: negative ? p.value.neg() : p.value,
    places: p.places,
    units: p.units === undefined ? undefined : negative ? -p.units : p.units,
    dash: false,
    percent: p.percent,
    negativeZero: false,
    typed: false,
    raw: v.trim(),
    ledgerSign: mark,
  };
}

const READINGS = new WeakMap<Grid, Reading[][]>();
/** the grid read last, and its readings: most calls ask about the same grid as the one before */
let lastGrid: Grid | undefined;
let lastReadings: Reading[][] = [];

/** The reading of a cell, parsed once per grid however often the detection and the rules ask. */
export function readAt(g: Grid, r: number, c: number): Reading {
  let m: Reading[][] | undefined = g === lastGrid ? lastReadings : READINGS.get(g);
  if (!m) READINGS.set(g, (m = []));
  lastGrid = g;
  lastReadings = m;
  const row = (m[r] ??= []);
  const error = g.errors?.[r]?.[c];
  if (error !== undefined) return (row[c] ??= { kind: 'text', text: cellText(cellAt(g, r, c)), reason: error, error: true });
  const format = g.formats?.[r]?.[c];
  if (format !== undefined) return (row[c] ??= asFormatted(readCell(cellAt(g, r, c)), format));
  return (row[c] ??= readCell(cellAt(g, r, c)));
}

/** Text of a cell for labels and headers ('' for blank; numbers as typed). */
export function cellText(v: GridCell): string {
  return printedText(v);
}

/** A zero-width value: the places of a figure as a step (1 for whole units, 0.1 for one place …). */
export function stepOf(places: number): Dec {
  return new Dec(10).pow(-places);
}

/** A cell read as a figure (the number case of Reading). */
type NumReading = Extract<Reading, { kind: 'number' }>;

/** "+9.90 (+4.79%)", "£12.4m (+3%)", "£136.3m (28.9%)" (the amount's unit after it: T13-51): a figure, then another in brackets. */
const TWO_BRACKETED = /^([^()]*[0-9%](?:\s*(?:m|bn|k))?)\s*\(\s*([^()]*[0-9%])\s*\)$/i;
/** "2.99%/£41.05", "2.00% /£27.46", "£41.05 / 2.99%": two figures either side of one slash. */
const TWO_SLASHED = /^([^/]*[0-9%])\s*\/\s*([^/]*[0-9])$/;

/**
 * The figures a cell prints: one (a % or an amount), or two — an amount and a percentage together,
 * "+9.90 (+4.79%)" or "2.99%/£41.05" — each as it reads alone (the brackets round the second figure
 * are no sign). Undefined when the cell is anything else, or two amounts, or two percentages.
 */
export function twoFigures(s: string): { money?: NumReading; pct?: NumReading } | undefined {
  const v = s.trim();
  if (!v) return undefined;
  const one = readCell(v);
  if (one.kind === 'number') return one.percent ? { pct: one } : { money: one };
  const m = TWO_BRACKETED.exec(v) ?? TWO_SLASHED.exec(v);
  if (!m) return undefined;
  const [x, y] = [readCell(m[1].trim()), readCell(m[2].trim())];
  if (x.kind !== 'number' || y.kind !== 'number' || x.percent === y.percent || x.dash || y.dash) return undefined;
  return x.percent ? { pct: x, money: y } : { money: x, pct: y };
}

