// CSV and TSV files into a grid, as people save them: UTF-8 (with or without a byte-order mark),
// UTF-16 (Excel's "Unicode text"), or Windows-1252 (a CSV saved by UK Excel: £ is the byte 0xA3);
// separated by commas, tabs or semicolons (Excel in much of Europe writes `;` with decimal commas,
// 1.234,56); CRLF line ends; "#" comment lines, kept for the units they often state ("# units: £'000").
import { parse } from 'csv-parse/sync';
import { type Grid, type GridCell, figureAndMark } from './grid';
import { AuditInputError } from './audit';
import { sniff } from '../base/sniff';

export type Delimiter = ',' | '\t' | ';';

/** How a file was read, as the report says it: "UTF-8, comma-separated". */
export interface DelimitedReading {
  encoding: 'UTF-8' | 'UTF-16' | 'UTF-16 with no byte-order mark' | 'Windows-1252';
  delimiter: Delimiter;
  decimalComma: boolean;
}

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma-separated', '\t': 'tab-separated', ';': 'semicolon-separated' };

/**
 * Bytes of a CSV/TSV file into text: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else UTF-8 when
 * the bytes are valid UTF-8, else Windows-1252 (every byte is a character there, so nothing is refused;
 * a file in another 8-bit code page reads with the wrong letters but the right figures).
 */
export function decodeDelimited(bytes: Uint8Array): { text: string; encoding: DelimitedReading['encoding'] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  // UTF-16 with no byte-order mark (SQL Server's bcp -w, some ERP exports): one byte of each pair is 0
  const k = sniff(bytes);
  if (k === 'utf16le' || k === 'utf16be') return { text: new TextDecoder(k === 'utf16le' ? 'utf-16le' : 'utf-16be').decode(bytes), encoding: 'UTF-16 with no byte-order mark' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

/** Counts a character outside double quotes on one line. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const x of line) {
    if (x === '"') quoted = !quoted;
    else if (x === ch && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter of a file: the one of tab, semicolon and comma that splits the most of the first 50
 * lines that are not comments, most consistently; a `.tsv` is tab-separated unless it has no tab.
 */
export function detectDelimiter(text: string, name: string): Delimiter {
  const lines = text.split(/\r?\n/, 200).filter((l) => l.trim() && !/^\s*#/.test(l)).slice(0, 50);
  const score = (d: Delimiter) => {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const split = counts.filter((n) => n > 0).length;
    return split === 0 ? 0 : split * 1000 + Math.min(...counts.filter((n) => n > 0));
  };
  if (name.toLowerCase().endsWith('.tsv') && score('\t') > 0) return '\t';
  const order: Delimiter[] = ['\t', ';', ','];
  let best: Delimiter = name.toLowerCase().endsWith('.tsv') ? '\t' : ',';
  let bestScore = 0;
  for (const d of order) {
    const s = score(d);
    if (s > bestScore) {
      best = d;
      bestScore = s;
    }
  }
  return best;
}

// A figure written with decimal commas: 1.234,56 / 1234,5 / -1.234 / (12,0) / 12,5 %.
const DECIMAL_COMMA = /^[(\-−–]?\s*[£€]?\s*\d{1,3}(?:[.\u00a0\u202f ]\d{3})*(?:,\d+)?\s*%?\)?$|^[(\-−–]?\s*[£€]?\s*\d+,\d+\s*%?\)?$/;

function toDecimalPoint(v: string): string {
  return v.replace(/[.\u00a0\u202f ](?=\d{3}\b)/g, '').replace(/,(?=\d)/, '.');
}

/**
 * A cell of a file written with decimal commas, its figure with a decimal point: "1.234,56" →
 * "1234.56", and a figure with a mark after it (a footnote marker, CR/DR, a trailing minus; not a unit)
 * converted the same with the mark kept ("10,8*" → "10.8*", read with the same note as "10.8*": U6-28).
 */
function withDecimalPoint(v: string): string {
  const t = v.trim();
  if (DECIMAL_COMMA.test(t)) return toDecimalPoint(t);
  const fm = figureAndMark(t);
  // a unit inside the cell ("£64.972m") is left as printed, as before: the file's own figures decide nothing of it
  return fm && !/^\s*(m|bn|k|million|thousand)$/i.test(fm[1]) && DECIMAL_COMMA.test(fm[0].trim()) ? `${toDecimalPoint(fm[0].trim())}${fm[1]}` : v;
}

/** Line breaks inside a record's cells. */
function breaksIn(record: string[]): number {
  let n = 0;
  for (const v of record) for (let i = v.indexOf('\n'); i >= 0; i = v.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The records of a file with no comment lines as csv-parse reads them with readDelimited's options, in
 * one scan without its per-character state machine (a table of 100,000 rows is 400,000 fields): for the
 * files it reads exactly as csv-parse does — lines ended all by LF or all by CR LF, fields either
 * unquoted with no double quote in them or wholly quoted ("" for a quote, line breaks inside) and
 * followed by the delimiter or the line's end. Undefined for anything else (a lone CR, mixed line ends,
 * a quote inside an unquoted field, text after a closing quote, a quote left open), which csv-parse
 * then reads, with its relaxations and its errors.
 */
export function plainRecords(text: string, delimiter: Delimiter): string[][] | undefined {
  const n = text.length;
  // Line ends: every one LF, or every one CR LF (csv-parse keeps to the first kind it meets).
  if (text.indexOf('\r') >= 0) {
    for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return undefined;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (i === 0 || text.charCodeAt(i - 1) !== 13) return undefined;
  }
  const D = delimiter.charCodeAt(0);
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < n) {
    let end: number;
    if (text.charCodeAt(i) === 34 /* " */) {
      let from = i + 1;
      let q = text.indexOf('"', from);
      if (q < 0) return undefined;
      if (text.charCodeAt(q + 1) !== 34) record.push(text.slice(from, q));
      else {
        // a quote doubled inside: the pieces between
        let value = '';
        for (;;) {
          if (q < 0) return undefined;
          if (text.charCodeAt(q + 1) !== 34) break;
          value += text.slice(from, q + 1);
          from = q + 2;
          q = text.indexOf('"', from);
        }
        record.push(value + text.slice(from, q));
      }
      end = q + 1;
    } else {
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === D || c === 10 || c === 13) break;
        if (c === 34) return undefined;
      }
      record.push(text.slice(i, j));
      end = j;
    }
    if (end >= n) {
      records.push(record);
      return records;
    }
    const c = text.charCodeAt(end);
    if (c === D) {
      i = end + 1;
      // a delimiter at the very end: one more, empty, field
      if (i === n) {
        record.push('');
        records.push(record);
        return records;
      }
    } else if (c === 10 || c === 13) {
      records.push(record);
      record = [];
      i = end + (c === 13 ? 2 : 1);
    } else return undefined;
  }
  return records;
}

/**
 * Records of a file with no comment lines, each with the last line of the file it ends on (as
 * csv-parse's `info.lines`); undefined when the count does not come to the file's own number of lines
 * (a file whose lines end in a lone CR, say): the caller then asks csv-parse.
 */
function withLines(rows: string[][], text: string): { record: string[]; info: { lines: number } }[] | undefined {
  let line = 0;
  const out = rows.map((record) => {
    line += 1 + breaksIn(record);
    return { record, info: { lines: line } };
  });
  let physical = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) physical++;
  if (text.endsWith('\n')) physical--;
  return line === physical ? out : undefined;
}

/**
 * csv-parse's `info.lines` counts a CR LF inside a quoted cell as two lines (csv-parse 6.2): its
 * records with the count corrected, so a finding names the line a text editor shows.
 */
function csvParseLines(records: { record: string[]; info: { lines: number } }[]): { record: string[]; info: { lines: number } }[] {
  let over = 0;
  for (const r of records) {
    for (const v of r.record) for (let i = v.indexOf('\r\n'); i >= 0; i = v.indexOf('\r\n', i + 2)) over++;
    if (over) r.info = { lines: r.info.lines - over };
  }
  return records;
}

// A figure's digits and separators, without its sign, brackets, currency and percent sign: "(1.647)" → 1.647.
const FIGURE = /^[(\-−–]?\s*[£€]?\s*(\d[\d.,\u00a0\u202f ]*)\s*%?\s*\)?$/;

/**
 * How a figure of a semicolon-separated file is written: 'comma' certainly with a decimal comma
 * (12,5 · 1.234,56 · 0,113 · 1.234.567), 'point' certainly with a decimal point (12.5 · 1,234.56 ·
 * 0.113 · 1,234,567), 'dot3' and 'comma3' either way (1.491 · 1,491: a separator between thousands,
 * or three decimal places), 'whole' a whole number (400, 1 234); undefined for anything else.
 */
type Form = 'comma' | 'point' | 'dot3' | 'comma3' | 'whole';
function formOf(s: string): Form | undefined {
  const f = FIGURE.exec(s)?.[1].replace(/[\u00a0\u202f ](?=\d{3}\b)/g, '');
  if (!f) return undefined;
  if (/^\d+$/.test(f)) return 'whole';
  if (/^[1-9]\d{0,2}\.\d{3}$/.test(f)) return 'dot3';
  if (/^[1-9]\d{0,2},\d{3}$/.test(f)) return 'comma3';
  if (/^(\d{1,3}(\.\d{3})+|\d+),\d+$/.test(f) || /^\d{1,3}(\.\d{3}){2,}$/.test(f)) return 'comma';
  if (/^(\d{1,3}(,\d{3})+|\d+)\.\d+$/.test(f) || /^\d{1,3}(,\d{3}){2,}$/.test(f)) return 'point';
  return undefined;
}

/** What a semicolon-separated file's figures show of how it writes them: counts and the first of each form. */
interface Forms {
  count: Record<Form, number>;
  /** the first figure of each form, and where it is ("line 3, field 2") */
  first: Partial<Record<Form, [string, string]>>;
}

/**
 * How a semicolon-separated file writes its figures, decided from the whole file: with decimal
 * commas (as Excel saves one in much of Europe: 1.234,56; and 1.491 is 1491), or with decimal points
 * (1,234.56; 1,491 is 1491). A figure certain either way decides; a file with both is refused. When
 * every figure is whole or of the form 1.491 / 1,491, whole figures beside them (1.491 beside 400,
 * as B&NES's capital monitor saved by continental Excel) or the table's unit £ or £'000 (where a
 * third decimal place is not printed) make them thousands. Returns true for decimal commas.
 * Errors: AuditInputError naming the figure when the file cannot tell (1.491 and 1,491 in one file;
 * every figure 1.491-like in £m or with no unit).
 */
function commaConvention(forms: Forms, text: string, name: string): boolean {
  const { count, first } = forms;
  const at = (f: Form) => `"${first[f]![0]}" (${first[f]![1]})`;
  if (count.comma > 0 && count.point > 0) {
    throw new AuditInputError(name, `a semicolon-separated file whose figures are written both with decimal commas (${at('comma')}) and with decimal points (${at('point')}): save it again with one way of writing figures`);
  }
  if (count.comma > 0) return true;
  if (count.point > 0 || (count.dot3 === 0 && count.comma3 === 0)) return false;
  const fix = 'save the file again with one way of writing figures (1,491 or 1.491,00), or as .xlsx';
  const either = (f: 'dot3' | 'comma3') => {
    const v = first[f]![0];
    const digits = FIGURE.exec(v)![1];
    const whole = digits.replace(/[.,]/, '');
    const decimal = digits.replace(',', '.');
    return `${at(f)} could be ${whole} written with ${f === 'dot3' ? 'a point' : 'a comma'} between thousands or ${decimal} with ${f === 'dot3' ? 'a decimal point' : 'a decimal comma'}`;
  };
  if (count.dot3 > 0 && count.comma3 > 0) {
    throw new AuditInputError(name, `figures written both as ${first.dot3![0]} and as ${first.comma3![0]} in a semicolon-separated file: ${either('dot3')}, and ${either('comma3')}; ${fix}`);
  }
  const inThousands = /£\s*['’]?\s*000|£\s*k\b|£\s*thousands?\b/i.test(text);
  const inMillions = /£\s*['’]?\s*m\b|£\s*millions?\b/i.test(text);
  // in £m three places are thousands of pounds, as tables in £m print them: a decimal separator
  if (inMillions && !inThousands) return count.comma3 > 0;
  const thousands = count.whole > 0 || inThousands || /£/.test(text);
  if (!thousands) {
    const f = count.dot3 > 0 ? 'dot3' : 'comma3';
    throw new AuditInputError(name, `every figure is written like ${first[f]![0]}, and nothing in the file tells which way: ${either(f)}; ${fix}`);
  }
  // thousands: 1.491 as continental Excel writes 1491 (decimal commas), 1,491 as British Excel does
  return count.dot3 > 0;
}

/**
 * CSV/TSV text into a grid. `delimiter` is found from the text when not given. In a semicolon-separated
 * file, figures with decimal commas (1.234,56) are read as 1234.56 when every figure of the file is
 * written that way (decided by commaConvention from the whole file: 1.491 beside 400 is 1491); a file
 * that mixes both ways, or cannot tell, is refused, naming the figures.
 * Errors: AuditInputError naming the file and line.
 */
export function readDelimited(content: string, name: string, delimiter?: Delimiter, encoding: DelimitedReading['encoding'] = 'UTF-8'): Grid {
  const textIn = content.replace(/^\ufeff/, '');
  if (!/\S/.test(textIn)) throw new AuditInputError(name, 'the file is empty: there is nothing in it to audit');
  // Excel's delimiter hint, "sep=;" on the first line (many finance systems write it so that Excel
  // opens the file in any locale): it names the delimiter, and Excel shows no row for it.
  const hint = /^sep=([,;\t])[ \t]*\r?\n/i.exec(textIn);
  const delim = delimiter ?? (hint ? (hint[1] as Delimiter) : detectDelimiter(textIn, name));
  const notes: string[] = [];
  const commented = /^\s*#/m.test(textIn);
  if (commented) for (const l of textIn.split(/\r?\n/)) if (/^\s*#/.test(l)) notes.push(l.replace(/^\s*#\s?/, ''));
  const options = { delimiter: delim, comment: '#', comment_no_infix: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false };
  let records: { record: string[]; info: { lines: number } }[] | undefined;
  try {
    // Without comment lines every line of the file is a record, or part of one (a quoted cell over
    // several lines): each record's line is counted from the line breaks inside its cells, which
    // csv-parse's per-record `info` (about half its time on a large file) would otherwise give.
    if (!commented) records = withLines(plainRecords(textIn, delim) ?? (parse(textIn, options) as string[][]), textIn);
    records ??= csvParseLines(parse(textIn, { ...options, info: true }) as unknown as { record: string[]; info: { lines: number } }[]);
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new AuditInputError(line ? `${name} line ${line}` : name, `not readable as ${DELIMITER_NAMES[delim]} text (${(e as Error).message})`);
  }
  // the hint's own line is no row of the table (its line still counts in the lines of the rows below it)
  if (hint && records.length && records[0].record.length <= 2 && /^sep=/i.test(records[0].record[0] ?? '')) records = records.slice(1);
  let decimalComma = false;
  let pointThousands = false;
  if (delim === ';') {
    const forms: Forms = { count: { comma: 0, point: 0, dot3: 0, comma3: 0, whole: 0 }, first: {} };
    let printedComma = false;
    for (const { record, info } of records) {
      for (let k = 0; k < record.length; k++) {
        const s = record[k].trim();
        const form = /\d/.test(s) ? formOf(s) : undefined;
        if (!form) continue;
        if (!forms.count[form]++) forms.first[form] = [s, `line ${info.lines - breaksIn(record)}, field ${k + 1}`];
        if (form === 'comma' && s.includes(',')) printedComma = true;
      }
    }
    decimalComma = commaConvention(forms, textIn, name);
    // no decimal comma printed, only points between thousands: say so
    pointThousands = decimalComma && !printedComma;
  }
  const lines: number[] = [];
  const sheetRows: number[] = [];
  // Excel's rows: one less than the file's lines for each line break inside a quoted cell, and for the hint
  let extra = hint ? 1 : 0;
  const cells = records.map(({ record, info }) => {
    const inside = breaksIn(record);
    const start = info.lines - inside;
    lines.push(start);
    sheetRows.push(start - extra);
    extra += inside;
    if (decimalComma) return record.map((v) => (v === '' ? null : withDecimalPoint(v)));
    // the record itself, an empty field made null (no copy of each row)
    const row: GridCell[] = record;
    for (let k = 0; k < row.length; k++) if (row[k] === '') row[k] = null;
    return row;
  });
  return {
    sheet: name,
    cells,
    lines,
    sheetRows,
    addressing: 'rowcol',
    notes,
    readAs: `${encoding}, ${DELIMITER_NAMES[delim]}${pointThousands ? ' with a point between thousands (1.491 read as 1,491)' : decimalComma ? ' with decimal commas' : ''}`,
  };
}

/** A CSV/TSV file's bytes into a grid: the encoding and delimiter found from the bytes (see decodeDelimited, detectDelimiter). */
export function readDelimitedBytes(bytes: Uint8Array, name: string): Grid {
  const { text, encoding } = decodeDelimited(bytes);
  return readDelimited(text, name, undefined, encoding);
}
