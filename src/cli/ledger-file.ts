// The command line's side of a ledger export (`revenue.ledger.linesFrom`, src/format/ledger-export.ts):
// the file is read here and its rows handed to the pure reader one at a time.
//
// Delimited text is streamed, 1 MB at a time, never held whole: a line without a double quote (what
// finance systems write for codes and amounts) is split at the delimiter at once; a line with one
// is a quoted record (RFC 4180: a quoted field may hold the delimiter, doubled quotes and line
// breaks), gathered until its quotes balance and parsed by csv-parse, which reports a malformed one.
// csv-parse's own streaming parser does the same work at about a quarter of the speed on plain
// lines (4.7 s for 10^6 lines against 1.2 s, same run), and a million-line export is exactly the
// case this input is for; test/cli/ledger-file.test.ts checks that the two read the same fields.
// Text is UTF-8 (a byte-order mark is skipped); a file that is not UTF-8 is read again as
// Windows-1252, as Excel's "CSV" saves it on a UK Windows, and said so in a note.
// An .xlsx export is read whole with the workbook reader (src/xlsx/read-book.ts), within 64 MB.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import type { LedgerLine, OutturnInput } from '../engine/model';
import { type InputError, InvalidInput } from '../format/errors';
import { LedgerExportReader, type LedgerExportSpec } from '../format/ledger-export';
import { parseJsonText, toModel } from '../format/validate';
import { LedgerAggregator, ledgerHeadings } from '../engine/ledger';

/** The largest exports read: delimited text 1 GB (about 20 million lines: streamed), a workbook 64 MB (read whole). */
export const LEDGER_EXPORT_LIMITS = { delimited: 1024 * 2 ** 20, xlsx: 64 * 2 ** 20 } as const;

export interface LedgerExport {
  lines: LedgerLine[];
  /** the line (or row) of the export each line came from, 1-based */
  lineNumbers: number[];
  /** the period every line gives (a mapped period column) */
  month?: number;
  /** where line i of `lines` is, in the export: "ledger.csv line 812" or "'Sheet1'!812" */
  where(i: number): string;
  /** a line (or row) of the export named as `where` names it */
  place(line: number): string;
  notes: InputError[];
}

/** Takes each good line of an export as it is read, with its line (or row) in the file. */
export type LineSink = (l: LedgerLine, line: number) => void;

/** Splits delimited text into records, calling `row(fields, line)` for each; `line` is where the record starts. */
export class DelimitedSplitter {
  private line = 0;
  private pending: string | undefined;
  private pendingLine = 0;
  private quotes = 0;

  constructor(private readonly delimiter: string, private readonly row: (fields: string[], line: number) => void, private readonly parseQuoted: (record: string, line: number) => string[]) {}

  /** One physical line (without its line break). */
  push(text: string): void {
    this.line++;
    if (this.pending !== undefined) {
      this.pending += `\n${text}`;
      this.quotes += count(text);
      if (this.quotes % 2 === 0) this.flush();
      return;
    }
    if (text.indexOf('"') < 0) {
      this.row(text.split(this.delimiter), this.line);
      return;
    }
    this.pending = text;
    this.pendingLine = this.line;
    this.quotes = count(text);
    if (this.quotes % 2 === 0) this.flush();
  }

  /**
   * One physical line that holds no double quote, as text[start, end) (without its line break): split
   * at the delimiter straight from the chunk of text, as `push` would split it.
   */
  pushPlain(text: string, start: number, end: number): void {
    if (this.pending !== undefined) {
      this.push(text.slice(start, end));
      return;
    }
    this.line++;
    const d = this.delimiter;
    const fields: string[] = [];
    let a = start;
    for (let i = text.indexOf(d, a); i >= 0 && i < end; i = text.indexOf(d, a)) {
      fields.push(text.slice(a, i));
      a = i + 1;
    }
    fields.push(text.slice(a, end));
    this.row(fields, this.line);
  }

  private flush(): void {
    const record = this.pending!;
    this.pending = undefined;
    this.row(this.parseQuoted(record, this.pendingLine), this.pendingLine);
  }

  /** At the end of the text: a quoted field still open is an error for the parser to word. */
  end(): void {
    if (this.pending !== undefined) this.flush();
  }
}

function count(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n;
}

/** The path of the export: relative to the folder of the JSON file that names it. */
export function exportPath(spec: LedgerExportSpec, jsonPath: string): string {
  return isAbsolute(spec.file) ? spec.file : join(dirname(jsonPath), spec.file);
}

/**
 * Reads the ledger export `spec` names (relative to `jsonPath`). Throws InvalidInput with every bad
 * cell located ("ledger.csv line 812, column D (YTD Actual): …"), or when the file cannot be read.
 * With `sink`, each good line goes to the sink `sink()` gives as it is read (asked again when the file
 * is read a second time, as Windows-1252) and `lines` is empty: nothing is held but what the sink keeps.
 */
export async function readLedgerExport(spec: LedgerExportSpec, jsonPath: string, sink?: () => LineSink): Promise<LedgerExport> {
  const path = exportPath(spec, jsonPath);
  const name = spec.file;
  const at = `$.revenue.ledger.linesFrom.file (${name})`;
  if (!existsSync(path)) throw new InvalidInput([{ where: at, message: 'no such file' }]);
  const st = statSync(path);
  if (!st.isFile()) throw new InvalidInput([{ where: at, message: 'is a folder, not a file' }]);
  const ext = extname(path).toLowerCase();
  const workbook = ext === '.xlsx' || ext === '.xlsm' || ext === '.xls' || ext === '.ods';
  const limit = workbook ? LEDGER_EXPORT_LIMITS.xlsx : LEDGER_EXPORT_LIMITS.delimited;
  if (st.size > limit) throw new InvalidInput([{ where: at, message: `is ${(st.size / 2 ** 20).toFixed(0)} MB, larger than the ${limit / 2 ** 20} MB Outturn reads as a ledger export` }]);
  if (workbook) return readWorkbookExport(spec, path, name, sink?.());
  if (spec.sheet !== undefined) throw new InvalidInput([{ where: '$.revenue.ledger.linesFrom.sheet', message: `${name} is delimited text, which has no sheets: leave sheet out` }]);
  const notes: InputError[] = [];
  let r = await readDelimitedExport(spec, path, name, 'utf-8', sink?.());
  if (r === 'not utf-8') {
    notes.push({ where: name, message: 'not UTF-8 text: read as Windows-1252 (what Excel saves as "CSV" on a UK Windows)' });
    r = (await readDelimitedExport(spec, path, name, 'windows-1252', sink?.())) as LedgerExportReader;
  }
  return result(r, (line) => `${name} line ${line}`, notes);
}

function result(r: LedgerExportReader, place: (line: number) => string, notes: InputError[]): LedgerExport {
  if (r.errors.length) throw new InvalidInput(r.errors);
  return { lines: r.lines, lineNumbers: r.lineNumbers, month: r.month, where: (i) => place(r.lineNumbers[i]), place, notes };
}

async function readDelimitedExport(spec: LedgerExportSpec, path: string, name: string, encoding: 'utf-8' | 'windows-1252', sink?: LineSink): Promise<LedgerExportReader | 'not utf-8'> {
  const where = (line: number, column?: string, header?: string) =>
    line === 0 ? name : `${name} line ${line}${column ? `, column ${column}${header ? ` (${header})` : ''}` : ''}`;
  const reader = new LedgerExportReader(spec, where, sink);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('csv-parse/sync') as typeof import('csv-parse/sync');
  let delimiter: string | undefined = spec.delimiter;
  let splitter: DelimitedSplitter | undefined;
  const quoted = (record: string, line: number): string[] => {
    try {
      const rows = parse(record, { delimiter, relax_column_count: true, bom: false }) as string[][];
      return rows[0] ?? [];
    } catch (e) {
      reader.errors.push({ where: where(line), message: `not readable as ${delimiter === '\t' ? 'tab' : JSON.stringify(delimiter)}-separated text (${(e as Error).message.replace(/^Invalid Opening Quote: |^Quote Not Closed: /, '').replace(/ at line \d+.*$/, '')}): check the quotes` });
      return [];
    }
  };
  const decoder = new TextDecoder(encoding, { fatal: true });
  let rest = '';
  let first = true;
  const lineOf = (s: string) => (s.endsWith('\r') ? s.slice(0, -1) : s);
  const take = (text: string) => {
    if (!splitter) {
      // the delimiter: given, or from the first line (a tab when it has tabs and no commas)
      const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
      delimiter ??= ext(name) === '.tsv' || (firstLine.includes('\t') && !firstLine.includes(',')) ? '\t' : ',';
      splitter = new DelimitedSplitter(delimiter, (fields, line) => reader.row(fields, line), quoted);
    }
    let start = 0;
    if (text.indexOf('"') < 0 && delimiter!.length === 1) {
      // no quoted field in this chunk (the usual export of codes and amounts): each line split in place
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        splitter.pushPlain(text, start, nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
        start = nl + 1;
      }
    } else {
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        splitter.push(lineOf(text.slice(start, nl)));
        start = nl + 1;
      }
    }
    rest = text.slice(start);
  };
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 2 ** 20 })) {
      let text = decoder.decode(chunk as Buffer, { stream: true });
      if (first) {
        text = text.replace(/^\ufeff/, '');
        first = false;
      }
      take(rest + text);
      if (reader.errors.length >= 200) break;
    }
    const tail = rest + decoder.decode();
    if (tail !== '') {
      take(`${tail}\n`);
    }
  } catch (e) {
    if (e instanceof TypeError && encoding === 'utf-8') return 'not utf-8';
    throw e;
  }
  splitter?.end();
  reader.finish();
  return reader;
}

const ext = (name: string) => extname(name).toLowerCase();

async function readWorkbookExport(spec: LedgerExportSpec, path: string, name: string, sink?: LineSink): Promise<LedgerExport> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readBook, UnreadableWorkbook } = require('../xlsx/read-book') as typeof import('../xlsx/read-book');
  let sheets;
  try {
    sheets = await readBook(readFileSync(path), { name: basename(path), bold: false });
  } catch (e) {
    if (e instanceof UnreadableWorkbook) throw new InvalidInput([{ where: name, message: e.reason }]);
    throw e;
  }
  const sheet = spec.sheet === undefined ? sheets.find((s) => s.visibility === 'visible') ?? sheets[0] : sheets.find((s) => s.name === spec.sheet);
  if (!sheet) throw new InvalidInput([{ where: '$.revenue.ledger.linesFrom.sheet', message: `${name} has no worksheet named ${JSON.stringify(spec.sheet)} (it has ${sheets.map((s) => JSON.stringify(s.name)).join(', ')})` }]);
  const ref = `'${sheet.name.replace(/'/g, "''")}'`;
  const where = (line: number, column?: string, header?: string) =>
    line === 0 ? `${name} ${ref}` : column ? `${name} ${ref}!${column}${line}${header ? ` (${header})` : ''}` : `${name} ${ref} row ${line}`;
  const reader = new LedgerExportReader(spec, where, sink);
  sheet.values.forEach((row, r) => reader.row(row, r + 1));
  reader.finish();
  return result(reader, (line) => `${name} ${ref} row ${line}`, []);
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * An outturn/v1 JSON input (`text`, read from `jsonPath`) to the engine's model, with the ledger
 * lines of `revenue.ledger.linesFrom` read from the export it names: the JSON's own lines first,
 * then the export's, each located in the export ("ledger.csv line 812") in every error and finding.
 * The period column, when mapped, sets `revenue.ledger.month` (or must agree with it).
 *
 * When the JSON has no lines of its own (the usual case), the document is validated first and the
 * export's lines are then summed as they are read (LedgerAggregator, src/engine/ledger.ts), never
 * held: a million-line export costs the memory of its totals, not of a million line objects. Only
 * the lines a finding names (the first not mapped, or mapped twice, the first with a forecast) are
 * kept, with their line of the export. The document's errors then come before the export's.
 */
export async function readOutturnJson(text: string, jsonPath: string, notes?: InputError[]): Promise<OutturnInput> {
  const name = basename(jsonPath);
  const doc = parseJsonText(text, name);
  const ledger = isObj(doc) && isObj(doc.revenue) && isObj(doc.revenue.ledger) ? doc.revenue.ledger : undefined;
  const spec = ledger?.linesFrom;
  // A linesFrom the schema would refuse is left to the schema, which says what is wrong with it.
  if (!ledger || !isObj(spec) || typeof spec.file !== 'string' || spec.file === '' || !isObj(spec.columns)) return toModel(doc);
  const own = Array.isArray(ledger.lines) ? ledger.lines : [];
  if (own.length === 0) return streamedLedger(doc, spec as unknown as LedgerExportSpec, jsonPath, notes);
  const exported = await readLedgerExport(spec as unknown as LedgerExportSpec, jsonPath);
  notes?.push(...exported.notes);
  const month = ledger.month;
  if (exported.month !== undefined && month !== undefined && month !== exported.month) {
    throw new InvalidInput([{ where: '$.revenue.ledger.month', message: monthDiffers(month, exported.month, exported.where(0)) }]);
  }
  // the export's lines are checked as they are read (src/format/ledger-export.ts); the JSON's own, by toModel
  const lines = own.concat(exported.lines);
  const d = doc as Obj & { revenue: Obj & { ledger: Obj } };
  const withLines = { ...d, revenue: { ...d.revenue, ledger: { ...ledger, lines, ...(month === undefined && exported.month !== undefined ? { month: exported.month } : {}) } } };
  const n0 = own.length;
  const sources = (path: string): string | undefined => {
    const m = LINE.exec(path);
    if (!m || Number(m[1]) < n0) return undefined;
    return `${exported.where(Number(m[1]) - n0)}${m[2] ? ` (${m[2]})` : ''}`;
  };
  return toModel(withLines, sources);
}

const LINE = /^\$\.revenue\.ledger\.lines\[([0-9]+)\](?:\.([A-Za-z]+))?$/;
const monthDiffers = (month: unknown, exported: number, where: string) => `is ${String(month)}, but the export's period column says ${exported} (${where})`;

/** readOutturnJson for a document whose ledger lines all come from the export: summed as they are read. */
async function streamedLedger(doc: unknown, spec: LedgerExportSpec, jsonPath: string, notes?: InputError[]): Promise<OutturnInput> {
  /** the line of the export of each line kept for a finding, by its index */
  const lineOf = new Map<number, number>();
  let place: (line: number) => string = String;
  const sources = (path: string): string | undefined => {
    const m = LINE.exec(path);
    const line = m ? lineOf.get(Number(m[1])) : undefined;
    return line === undefined ? undefined : `${place(line)}${m![2] ? ` (${m![2]})` : ''}`;
  };
  const model = toModel(doc, sources);
  const ledger = model.revenue!.ledger!;
  let agg: LedgerAggregator | undefined;
  let firstLine = 0;
  const exported = await readLedgerExport(spec, jsonPath, () => {
    const a = (agg = new LedgerAggregator(ledger.mapping, ledgerHeadings(model.revenue!)));
    lineOf.clear();
    return (l, line) => {
      const i = a.count;
      if (i === 0) firstLine = line;
      if (a.add(l)) lineOf.set(i, line);
    };
  });
  place = exported.place;
  notes?.push(...exported.notes);
  if (exported.month !== undefined && ledger.month !== undefined && ledger.month !== exported.month) {
    throw new InvalidInput([{ where: '$.revenue.ledger.month', message: monthDiffers(ledger.month, exported.month, exported.place(firstLine)) }]);
  }
  const month = ledger.month ?? exported.month;
  const aggregated = agg!.result();
  if (aggregated.firstForecast >= 0 && month === undefined) {
    // as toModel says it of a document's own line
    throw new InvalidInput([{ where: sources(`$.revenue.ledger.lines[${aggregated.firstForecast}].forecast`)!, message: 'a forecast for the rest of the year needs revenue.ledger.month (the month the actuals run to)' }]);
  }
  return { ...model, revenue: { ...model.revenue!, ledger: { ...ledger, month, aggregated } } };
}
