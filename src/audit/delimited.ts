// CSV and TSV text into a grid: a byte-order mark, CRLF line ends and "#" comment lines are
// honoured; the comments are kept, for the units they often state ("# units: £'000").
import { parse } from 'csv-parse/sync';
import type { Grid } from './grid';
import { AuditInputError } from './audit';

export function readDelimited(content: string, name: string, delimiter: ',' | '\t' = name.toLowerCase().endsWith('.tsv') ? '\t' : ','): Grid {
  const textIn = content.replace(/^\ufeff/, '');
  const notes = textIn.split(/\r?\n/).filter((l) => /^\s*#/.test(l)).map((l) => l.replace(/^\s*#\s?/, ''));
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(textIn, {
      delimiter,
      comment: '#',
      comment_no_infix: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new AuditInputError(line ? `${name} line ${line}` : name, `not readable as ${delimiter === '\t' ? 'TSV' : 'CSV'} (${(e as Error).message})`);
  }
  return {
    sheet: name,
    cells: records.map((x) => x.record.map((v) => (v === '' ? null : v))),
    lines: records.map((x) => x.info.lines),
    addressing: 'rowcol',
    notes,
  };
}
