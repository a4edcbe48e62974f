// A ledger export as input (`revenue.ledger.linesFrom`): the same lines from a CSV (laid out as SAP
// exports its Cost Centers: Actual/Plan/Variance report) or an xlsx give exactly what they give as
// JSON; every bad cell is located by file, line and column, in finance words, and nothing is written.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import type { Io } from '../../src/cli/io';
import { DelimitedSplitter } from '../../src/cli/ledger-file';
import { main } from '../../src/cli/main';
import { exportAmount } from '../../src/format/ledger-export';
import { EXPORT_CSV, EXPORT_JSON, makeExportExample, sapAmount } from '../../scripts/make-ledger-export-example';

const ROOT = join(__dirname, '..', '..');
const MONTH6 = join(ROOT, 'examples', 'derbyshire-2021-22-month6.json');
const dir = mkdtempSync(join(tmpdir(), 'outturn-ledger-file-'));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(['node', 'outturn', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The workbook's parts, docProps/core.xml (its creation time) left out. */
async function parts(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) if (name !== 'docProps/core.xml' && !zip.files[name].dir) out[name] = await zip.file(name)!.async('string');
  return out;
}

type Doc = { revenue: { ledger: Record<string, unknown> & { lines?: Record<string, string>[] } } } & Record<string, unknown>;
const month6 = () => JSON.parse(readFileSync(MONTH6, 'utf8')) as Doc;

/** A JSON input beside `csv` (file name), with the example's mapping and the given linesFrom columns. */
function exportDoc(name: string, file: string, columns: Record<string, string>, extra: Record<string, unknown> = {}): string {
  const doc = month6();
  const { lines: _lines, ...ledger } = doc.revenue.ledger;
  void _lines;
  doc.revenue.ledger = { ...ledger, linesFrom: { file, columns, ...extra } };
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(doc));
  return p;
}

const COLUMNS = { costCentre: 'Cost Centre', account: 'Account', budget: 'Budget', actualToDate: 'Actual YTD' };
const HEADER = 'Cost Centre,Account,Budget,Actual YTD';

describe('a ledger export as input (revenue.ledger.linesFrom)', function () {
  this.timeout(120_000);

  it('the example files are as scripts/make-ledger-export-example.ts writes them', () => {
    const { csv, json } = makeExportExample();
    assert.equal(readFileSync(EXPORT_CSV, 'utf8'), csv);
    assert.equal(readFileSync(EXPORT_JSON, 'utf8'), json);
  });

  it('the SAP-style CSV export gives exactly the result and workbook of the same 10,080 lines in JSON', async () => {
    const a = await run('build', MONTH6, '-o', join(dir, 'json.xlsx'), '--json', join(dir, 'json.json'));
    const b = await run('build', EXPORT_JSON, '-o', join(dir, 'csv.xlsx'), '--json', join(dir, 'csv.json'));
    assert.equal(b.err, '');
    assert.equal(b.code, a.code);
    assert.equal(b.out.replaceAll('csv.xlsx', 'json.xlsx'), a.out);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'csv.json'), 'utf8')), JSON.parse(readFileSync(join(dir, 'json.json'), 'utf8')));
    assert.deepEqual(await parts(join(dir, 'csv.xlsx')), await parts(join(dir, 'json.xlsx')));
  });

  it('an xlsx export (numbers as numbers, codes as text, a title row above the header) gives the same result', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('GL extract');
    ws.addRow(['Budget monitoring, period 6 2021/22']);
    ws.addRow(['Cost Centre', 'Account', 'Description', 'Budget', 'Actual YTD', 'Commitments', 'Forecast', 'Period']);
    for (const l of month6().revenue.ledger.lines!) {
      // amounts as the numbers a finance system's xlsx holds (their text has <= 15 significant digits)
      ws.addRow([l.costCentre, l.account, l.description ?? null, Number(l.budget), Number(l.actualToDate), l.commitments === undefined ? null : Number(l.commitments), l.forecast === undefined ? null : Number(l.forecast), 'P06']);
    }
    await wb.xlsx.writeFile(join(dir, 'gl.xlsx'));
    const input = exportDoc('from-xlsx.json', 'gl.xlsx', { ...COLUMNS, description: 'Description', commitments: 'Commitments', forecast: 'Forecast', month: 'Period' });
    await run('build', MONTH6, '-o', join(dir, 'json.xlsx'), '--json', join(dir, 'json.json'));
    const r = await run('build', input, '-o', join(dir, 'x.xlsx'), '--json', join(dir, 'x.json'));
    assert.equal(r.err, '');
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')), JSON.parse(readFileSync(join(dir, 'json.json'), 'utf8')));
  });

  it('every bad cell located by file, line and column, in finance words; nothing written', async () => {
    const lines = [
      'Budget monitoring report', // a title above the header row: skipped
      HEADER,
      '10001,4000,"1,000.00",900.00',
      '10001,4001,12x,900.00', // line 4: budget not an amount
      '10001,4002,1.5E+05,900.00', // line 5: scientific notation
      ',4003,100.00,100.00', // line 6: no cost centre (a total row?)
      '10001,4004,"1.234,56",1', // line 7: a decimal comma
      '10001,4005,100.00,"(1,200.50)"', // fine: brackets
      '10001,4006,100.00,"unclosed', // line 9: a quote never closed
    ];
    writeFileSync(join(dir, 'bad.csv'), `${lines.join('\n')}\n`);
    const input = exportDoc('bad.json', 'bad.csv', COLUMNS);
    const out = join(dir, 'bad.xlsx');
    const r = await run('build', input, '-o', out);
    assert.equal(r.code, 2);
    assert.equal(existsSync(out), false);
    assert.match(r.err, /bad\.csv line 4, column C \(Budget\): the budget: "12x" is not an amount/);
    assert.match(r.err, /bad\.csv line 5, column C \(Budget\): the budget: "1\.5E\+05" is in scientific notation, which has lost the pennies/);
    assert.match(r.err, /bad\.csv line 6, column A \(Cost Centre\): no cost centre on this line \(a total or sub-total row\?/);
    assert.match(r.err, /bad\.csv line 7, column C \(Budget\): the budget: "1\.234,56" has a decimal comma/);
    assert.match(r.err, /bad\.csv line 9: not readable as ","-separated text .*check the quotes/);
    assert.doesNotMatch(r.err, /line [1238]\b/);
  });

  it('a mapped column missing from the header row, a period that changes, too many bad lines', async () => {
    writeFileSync(join(dir, 'nohead.csv'), 'Cost Centre,Account,Budget,Actual\n10001,4000,1,1\n');
    let r = await run('build', exportDoc('nohead.json', 'nohead.csv', COLUMNS), '-o', join(dir, 'n.xlsx'));
    assert.equal(r.code, 2);
    assert.match(r.err, /nohead\.csv line 1: no line has all the mapped column headers \("Cost Centre", "Account", "Budget", "Actual YTD"\); the first line has "Cost Centre", "Account", "Budget", "Actual"/);
    r = await run('build', exportDoc('nohead2.json', 'nohead.csv', COLUMNS, { headerRow: 1 }), '-o', join(dir, 'n.xlsx'));
    assert.match(r.err, /nohead\.csv line 1: the header row has no column headed "Actual YTD" \(mapped as the actual to date\)/);

    writeFileSync(join(dir, 'period.csv'), 'Cost Centre,Account,Budget,Actual YTD,Period\n10001,4000,1,1,P06\n10001,4001,1,1,P07\n');
    r = await run('build', exportDoc('period.json', 'period.csv', { ...COLUMNS, month: 'Period' }), '-o', join(dir, 'p.xlsx'));
    assert.match(r.err, /period\.csv line 3, column E \(Period\): the period here is 7, but 6 on line 2/);

    writeFileSync(join(dir, 'many.csv'), `${HEADER}\n${Array.from({ length: 250 }, (_, i) => `10001,${4000 + i},x,1`).join('\n')}\n`);
    r = await run('build', exportDoc('many.json', 'many.csv', COLUMNS), '-o', join(dir, 'm.xlsx'));
    assert.match(r.err, /the input cannot be used \(201 problems\)/);
    assert.match(r.err, /many\.csv line 201, column C \(Budget\)/);
    assert.match(r.err, /many\.csv: and 50 more bad cell\(s\) not listed/);
  });


  it('the lines are summed as they are read: a period that contradicts the document, and a forecast with no month, are located in the export', async () => {
    writeFileSync(join(dir, 'p7.csv'), 'Cost Centre,Account,Budget,Actual YTD,Period\n10001,4000,1,1,P07\n10001,4001,1,1,P07\n');
    let r = await run('build', exportDoc('p7.json', 'p7.csv', { ...COLUMNS, month: 'Period' }), '-o', join(dir, 'p7.xlsx'));
    assert.equal(r.code, 2);
    assert.match(r.err, /\$\.revenue\.ledger\.month: is 6, but the export's period column says 7 \(p7\.csv line 2\)/);
    assert.equal(existsSync(join(dir, 'p7.xlsx')), false);

    const doc = month6();
    const { lines: _lines, month: _month, ...ledger } = doc.revenue.ledger as typeof doc.revenue.ledger & { month?: number };
    void _lines;
    void _month;
    doc.revenue.ledger = { ...ledger, linesFrom: { file: 'fc.csv', columns: { ...COLUMNS, forecast: 'Forecast' } } } as typeof doc.revenue.ledger;
    writeFileSync(join(dir, 'fc.json'), JSON.stringify(doc));
    writeFileSync(join(dir, 'fc.csv'), `${HEADER},Forecast\n10001,4000,1.00,1.00,\n10001,4001,2.00,1.00,0.50\n10001,4002,3.00,1.00,0.75\n`);
    r = await run('build', join(dir, 'fc.json'), '-o', join(dir, 'fc.xlsx'));
    assert.equal(r.code, 2);
    assert.match(r.err, /fc\.csv line 3 \(forecast\): a forecast for the rest of the year needs revenue\.ledger\.month/);
    assert.equal(existsSync(join(dir, 'fc.xlsx')), false);
  });
  it('a line no mapping row takes is a finding at its line of the export', async () => {
    const doc = month6();
    const good = doc.revenue.ledger.lines!.slice(0, 3).map((l) => `${l.costCentre},${l.account},${l.budget},${l.actualToDate}`);
    writeFileSync(join(dir, 'unmapped.csv'), `${HEADER}\n${good.join('\n')}\n99999,4000,10.00,5.00\n`);
    const r = await run('build', exportDoc('unmapped.json', 'unmapped.csv', COLUMNS, {}), '-o', join(dir, 'u.xlsx'));
    assert.equal(r.code, 1);
    assert.match(r.out, /unmapped\.csv line 5/);
  });

  it('Windows-1252 text (what Excel saves as CSV on a UK Windows) is read, and said so', async () => {
    const doc = month6();
    const l = doc.revenue.ledger.lines![0];
    const text = `Cost Centre,Account,Description,Budget,Actual YTD\r\n${l.costCentre},${l.account},Café £ costs,${l.budget},${l.actualToDate}\r\n`;
    writeFileSync(join(dir, 'cp1252.csv'), Buffer.from([...text].map((c) => (c === 'é' ? 0xe9 : c === '£' ? 0xa3 : c.charCodeAt(0)))));
    const r = await run('build', exportDoc('cp1252.json', 'cp1252.csv', { ...COLUMNS, description: 'Description' }), '-o', join(dir, 'c.xlsx'), '--json', '-');
    assert.notEqual(r.code, 2, r.err);
    assert.match(r.err, /note\s+cp1252\.csv\s+not UTF-8 text: read as Windows-1252/);
  });

  it('amounts as exports write them, exactly', () => {
    const cases: [string | number | null, string][] = [
      ['1234.56', '1234.56'], ['-1234.56', '-1234.56'], ['1,234.56', '1234.56'], ['(1,234.56)', '-1234.56'],
      ['1,234.56-', '-1234.56'], ['1,234.56 CR', '-1234.56'], ['1,234.56 DR', '1234.56'], ['£1,234', '1234'],
      ['-£12.00', '-12.00'], ['', '0'], [null, '0'], ['  7.10 ', '7.10'], ['0.00-', '0.00'], [1234.56, '1234.56'], [-0.1, '-0.1'],
      [sapAmount('-1234567.8'), '-1234567.80'], [sapAmount('999'), '999.00'],
    ];
    for (const [v, want] of cases) assert.equal(exportAmount(v), want, JSON.stringify(v));
    for (const v of ['12x', '1,23.00', '1.2e5', '1.234,56', '12,50', 'TRUE', '--1']) assert.equal(typeof exportAmount(v), 'object', v);
  });

  it('the line splitter reads the same fields as csv-parse, quoted fields and line breaks inside them included', () => {
    const fieldArb = fc.oneof(fc.stringMatching(/^[A-Za-z0-9 .£-]{0,8}$/), fc.stringMatching(/^[A-Za-z0-9,;"\n .-]{0,10}$/));
    fc.assert(fc.property(fc.array(fc.array(fieldArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(',', ';', '\t'), fc.boolean(), (rows, delim, crlf) => {
      const quote = (f: string) => (f.includes(delim) || f.includes('"') || f.includes('\n') || f.includes('\r') ? `"${f.replace(/"/g, '""')}"` : f);
      const eol = crlf ? '\r\n' : '\n';
      const text = rows.map((r) => r.map(quote).join(delim)).join(eol) + eol;
      const expected = parse(text, { delimiter: delim, relax_column_count: true, record_delimiter: crlf ? '\r\n' : '\n', skip_empty_lines: false }) as string[][];
      const got: string[][] = [];
      const s = new DelimitedSplitter(delim, (f) => got.push(f), (rec) => (parse(rec, { delimiter: delim, relax_column_count: true }) as string[][])[0] ?? ['']);
      for (const line of text.slice(0, -eol.length).split(/\n/)) s.push(line.endsWith('\r') ? line.slice(0, -1) : line);
      s.end();
      assert.deepEqual(got, expected);
      // a line with no quote, split in place in the chunk of text (pushPlain), gives the same fields
      const plain: string[][] = [];
      const p = new DelimitedSplitter(delim, (f, line) => plain.push([String(line), ...f]), () => assert.fail('no quoted record here'));
      let start = 0;
      const lines = text.split('\n').slice(0, -1);
      lines.forEach((line, i) => {
        const end = start + line.length - (line.endsWith('\r') ? 1 : 0);
        if (line.includes('"')) p.push(`skipped ${i}`);
        else p.pushPlain(text, start, end);
        start += line.length + 1;
      });
      lines.forEach((line, i) => {
        if (!line.includes('"')) assert.deepEqual(plain[i], [String(i + 1), ...(line.endsWith('\r') ? line.slice(0, -1) : line).split(delim)]);
      });
    }), { numRuns: 500 });
  });
});
