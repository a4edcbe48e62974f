// The peer a finance officer without Outturn would build: a LibreOffice workbook holding the ledger
// export on one sheet and, on a Summary sheet, per heading SUM of SUMIFS over its cost centres (budget
// and actual to date), recalculated by LibreOffice. `npm run bench -- --libreoffice` measures it on the
// same export as the other peers (it takes minutes at 10^6 lines). Only the recalculation is timed:
// `soffice --headless --convert-to csv` of the workbook (load, compute every formula, write the Summary);
// the file is written before the clock, as a finance officer's workbook already exists. LibreOffice's
// arithmetic is binary floating point: its sums are compared with the Python decimal ones. (The "of"
// namespace must be declared, or every formula is Err:510.)
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { measure, type Run } from './peers';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * Writes `sumifs.fods` (a flat OpenDocument spreadsheet) in `dir` from the export CSV (columns Cost
 * Centre, Account, Description, Annual Budget, YTD Actual) and the mapping {cost centre: heading}.
 * Summary (first sheet): heading | budget | actual, each a sum of one SUMIFS per cost centre.
 * Returns the file's path and the ledger's line count.
 */
export async function sumifsWorkbook(dir: string, csv: string, mapping: string): Promise<{ file: string; lines: number }> {
  mkdirSync(dir, { recursive: true });
  const map = JSON.parse(readFileSync(mapping, 'utf8')) as Record<string, string>;
  const byHeading = new Map<string, string[]>();
  for (const [cc, h] of Object.entries(map)) byHeading.set(h, [...(byHeading.get(h) ?? []), cc]);
  const rows: string[] = [];
  let header: string[] | undefined;
  for await (const line of createInterface({ input: createReadStream(csv), crlfDelay: Infinity })) {
    if (!header) {
      header = line.split(',');
      continue;
    }
    rows.push(line);
  }
  const h = header!;
  const [cc, b, a] = ['Cost Centre', 'Annual Budget', 'YTD Actual'].map((x) => h.indexOf(x));
  const n = rows.length;
  const file = join(dir, 'sumifs.fods');
  const w = createWriteStream(file);
  const put = (s: string) => (w.write(s) ? Promise.resolve() : new Promise<void>((r) => w.once('drain', () => r())));
  await put('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet>\n<table:table table:name="Summary">\n');
  const sumifs = (col: string, ccs: string[]) => ccs.map((c) => `SUMIFS([$Ledger.$${col}$1:.$${col}$${n}];[$Ledger.$A$1:.$A$${n}];&quot;${esc(c)}&quot;)`).join('+');
  for (const [heading, ccs] of [...byHeading.entries()].sort()) {
    await put(`<table:table-row><table:table-cell office:value-type="string"><text:p>${esc(heading)}</text:p></table:table-cell><table:table-cell table:formula="of:=${sumifs('B', ccs)}"/><table:table-cell table:formula="of:=${sumifs('C', ccs)}"/></table:table-row>\n`);
  }
  await put('</table:table>\n<table:table table:name="Ledger">\n');
  let buf = '';
  for (const line of rows) {
    const f = line.split(',');
    buf += `<table:table-row><table:table-cell office:value-type="string"><text:p>${esc(f[cc])}</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="${f[b]}"/><table:table-cell office:value-type="float" office:value="${f[a]}"/></table:table-row>\n`;
    if (buf.length > 1 << 20) {
      await put(buf);
      buf = '';
    }
  }
  await put(`${buf}</table:table></office:spreadsheet></office:body></office:document>\n`);
  await new Promise<void>((r) => w.end(() => r()));
  return { file, lines: n };
}

/**
 * LibreOffice recalculating the SUMIFS workbook: median of `runs` (one warm-up first, which makes the
 * profile), with the Summary as LibreOffice computed it ({heading: [budget, actual]} as printed in its CSV).
 */
export function recalculateSumifs(soffice: string, file: string, dir: string, runs = 3): { run: Run | { timedOut: number }; sums: Record<string, [string, string]> } {
  const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
  const args = [profile, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false', '--outdir', join(dir, 'lo-out'), file];
  measure(soffice, args, 1, { timeoutMs: 1_800_000 });
  const run = measure(soffice, args, runs, { timeoutMs: 1_800_000 });
  const sums: Record<string, [string, string]> = {};
  for (const line of readFileSync(join(dir, 'lo-out', 'sumifs.csv'), 'utf8').split(/\r?\n/)) {
    const m = /^"?([^",]*)"?,([^,]*),([^,]*)$/.exec(line);
    if (m) sums[m[1]] = [m[2], m[3]];
  }
  return { run, sums };
}
