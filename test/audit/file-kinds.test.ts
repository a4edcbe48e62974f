// Files whose name does not say what they are (the session-6 new user's U6-13 and U6-24): a broken or
// cut-short zip, a PDF saved under a .csv name, a CSV renamed .xlsx, UTF-16 text with no byte-order
// mark, and the ".xls" files finance systems' "Export to Excel" write (an HTML table, an Excel 2003 XML
// spreadsheet). Each is made from a real table of our published corpus, as the other program writes
// it; the bytes decide what the file is, and a refusal names what it really is.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../support/cli';
import { published } from '../support/audit-helpers';
import { sniff } from '../../src/base/sniff';
import { readCell } from '../../src/audit/grid';

const rowsOf = (file: string) => published(file).replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Finding { severity: string; cell: string; rule: string; printed?: string; expected?: string }
const flagged = (out: string) => (JSON.parse(out) as { findings: Finding[] }).findings.filter((f) => f.severity !== 'note').map((f) => `${f.cell} ${f.printed} ${f.expected}`).sort();

// West Norfolk's budget requirement 2024/25 (real): three genuine error cells, the same in every form
// West Norfolk's three genuine errors (D17, the Borough Budget Requirement, out by D16's 100,000, is a note naming D16: the one figure its cast shares with D16's row)
const WEST_NORFOLK = (sheet: string) => [`${sheet}!B25 102993375 103093375`, `${sheet}!C25 -90756890 -90856890`, `${sheet}!D16 -2099130 -2199130`];

describe('audit: a file is what its bytes say, not its name (U6-13, U6-24)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'outturn-kinds-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a zip that breaks at once, and a real workbook cut short, are "cut short" — never "password-protected"', async () => {
    const broken = join(dir, 'garbage.xlsx');
    writeFileSync(broken, Buffer.from('PK\u0003\u0004garbage', 'latin1'));
    let r = await runCli('audit', broken);
    assert.equal(r.code, 2);
    assert.match(r.err, /garbage\.xlsx: not a readable xlsx workbook: it is cut short — the zip an \.xlsx or \.ods is made of ends early \(11 bytes: a download or an e-mail attachment not saved whole\?\)/);
    assert.doesNotMatch(r.err, /password/);
    // the Derbyshire workbook of the examples, its first 3,000 bytes only (a download cut short)
    const cut = join(dir, 'derbyshire-cut.xlsx');
    writeFileSync(cut, readFileSync(resolve(__dirname, '..', '..', 'examples', 'derbyshire-2020-21.xlsx')).subarray(0, 3000));
    r = await runCli('audit', cut);
    assert.equal(r.code, 2);
    assert.match(r.err, /derbyshire-cut\.xlsx: not a readable xlsx workbook: it is cut short .*\(3,000 bytes/);
  });

  it('a PDF saved under a .csv name (a mail client\'s "save as") is read as the PDF report it is, with a note — not 239 rows of CSV', async () => {
    const pdf = resolve(__dirname, '..', '..', 'examples', 'derbyshire-2020-21-finance-section.pdf');
    const named = join(dir, 'finance-section.csv');
    copyFileSync(pdf, named);
    const asPdf = await runCli('audit', pdf, '--json');
    const asCsv = await runCli('audit', named, '--json');
    assert.equal(asCsv.code, asPdf.code);
    const a = JSON.parse(asPdf.out) as { kind: string; tables: unknown[]; findings: Finding[] };
    const b = JSON.parse(asCsv.out) as { kind: string; tables: unknown[]; findings: Finding[] };
    assert.equal(b.kind, 'pdf');
    assert.equal(b.tables.length, a.tables.length);
    assert.deepEqual(b.findings.filter((f) => f.rule !== 'report.named-as').map((f) => f.rule), a.findings.map((f) => f.rule));
    assert.ok(b.findings.some((f) => f.rule === 'report.named-as'));
  });

  it('a CSV saved by UK Excel and renamed .xlsx is read as the CSV it is, and said so', async () => {
    const text = rowsOf('westnorfolk-budget-requirement-2024-25.tsv').map((r) => r.map((c) => (/[",]/.test(c) ? `"${c}"` : c)).join(',')).join('\r\n') + '\r\n';
    const file = join(dir, 'westnorfolk.xlsx');
    writeFileSync(file, Buffer.from(text, 'latin1'));
    assert.equal(sniff(readFileSync(file)), 'text');
    const r = await runCli('audit', file);
    assert.equal(r.code, 1);
    assert.match(r.out, /read as Windows-1252, comma-separated \(a text file named \.xlsx, not a workbook\)/);
    const j = await runCli('audit', file, '--json');
    assert.deepEqual(flagged(j.out).map((x) => x.split(' ')[0]).length, 3);
  });

  it('UTF-16 with no byte-order mark (SQL Server\'s bcp -w) is read as UTF-16, the table\'s findings as printed', async () => {
    const tsv = published('westnorfolk-budget-requirement-2024-25.tsv');
    const file = join(dir, 'westnorfolk-utf16.tsv');
    writeFileSync(file, Buffer.from(tsv, 'utf16le'));
    const r = await runCli('audit', file);
    assert.equal(r.code, 1);
    assert.match(r.out, /read as UTF-16 with no byte-order mark, tab-separated/);
    const asPrinted = await runCli('audit', resolve(__dirname, '..', 'fixtures', 'published', 'audit', 'westnorfolk-budget-requirement-2024-25.tsv'), '--json');
    const j = await runCli('audit', file, '--json');
    const at = (out: string) => (JSON.parse(out) as { findings: (Finding & { row: number; column: number })[] }).findings.filter((f) => f.severity !== 'note').map((f) => `${f.row}:${f.column} ${f.printed} ${f.expected}`).sort();
    assert.deepEqual(at(j.out), at(asPrinted.out));
  });

  it('an ".xls" that is an HTML table (a finance system\'s "Export to Excel") is read as Excel opens it: West Norfolk\'s three errors at their cells', async () => {
    const rows = rowsOf('westnorfolk-budget-requirement-2024-25.tsv');
    const file = join(dir, 'westnorfolk-export.xls');
    writeFileSync(file, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><table border="1">\n${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n')}\n</table></body></html>\n`);
    assert.equal(sniff(readFileSync(file)), 'html');
    const r = await runCli('audit', file, '--json');
    assert.equal(r.code, 1);
    assert.deepEqual(flagged(r.out), WEST_NORFOLK('Sheet1'));
    const text = await runCli('audit', file);
    assert.match(text.out, /read as a web page \(HTML\) named \.xls, as Excel opens it/);
  });

  it('an ".xls" that is an Excel 2003 XML spreadsheet is read as a workbook: its sheet "Budget", the three errors at B25, C25, D16', async () => {
    const rows = rowsOf('westnorfolk-budget-requirement-2024-25.tsv');
    const cell = (s: string) => {
      const m = /^(\()?£([\d,]+)\)?$/.exec(s.trim());
      if (m) return `<Cell ss:StyleID="money"><Data ss:Type="Number">${(m[1] ? -1 : 1) * Number(m[2].replace(/,/g, ''))}</Data></Cell>`;
      return s ? `<Cell><Data ss:Type="String">${esc(s)}</Data></Cell>` : '<Cell/>';
    };
    const file = join(dir, 'westnorfolk-2003.xls');
    writeFileSync(file, ['<?xml version="1.0"?>', '<?mso-application progid="Excel.Sheet"?>',
      '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
      '<Styles><Style ss:ID="money"><NumberFormat ss:Format="&quot;£&quot;#,##0;(&quot;£&quot;#,##0)"/></Style></Styles>',
      '<Worksheet ss:Name="Budget"><Table>', ...rows.map((r) => `<Row>${r.map(cell).join('')}</Row>`), '</Table></Worksheet></Workbook>'].join('\n'));
    assert.equal(sniff(readFileSync(file)), 'spreadsheetml');
    const r = await runCli('audit', file, '--json');
    assert.equal(r.code, 1);
    assert.deepEqual(flagged(r.out), WEST_NORFOLK('Budget'));
  });

  it('bytes that are no text, workbook, PDF or page are refused saying so; an image named .xlsx is named an image', async () => {
    const bin = join(dir, 'export.csv');
    writeFileSync(bin, Buffer.from([0x00, 0x01, 0x02, 0x03, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1b, 0x1c]));
    let r = await runCli('audit', bin);
    assert.equal(r.code, 2);
    assert.match(r.err, /the file is not text, so not a CSV\/TSV table/);
    const png = join(dir, 'scan.xlsx');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    r = await runCli('audit', png);
    assert.equal(r.code, 2);
    assert.match(r.err, /the file is an image \(a scan or a screenshot: its figures are not text\), not a workbook/);
  });
});

describe('audit: printed figures as pages print them (T7-01, T7-09, T7-63, T7-64, T7-66)', () => {
  // The forms as printed on the real pages (the tables themselves are in the published corpus, but
  // Brighton & Hove's "Services provided" 2020/21, whose total printed first is not yet read right)
  it('reads each form as the figure it prints', () => {
    const read = (s: string) => {
      const x = readCell(s);
      return x.kind === 'number' ? `${x.value.toFixed()}${x.percent ? '%' : ''}` : `text${x.kind === 'text' && x.error ? ' (no figure)' : ''}`;
    };
    // Lancashire fire: a deduction with the £ and m inside the brackets
    assert.deepEqual(['(£6.9m)', '(£0.3m)', '£54.3m', '(£12.5k)'].map(read), ['-6.9', '-0.3', '54.3', '-12.5']);
    // Brighton & Hove: a change with its sign inside the brackets
    assert.deepEqual(['(+ £12.4m)', '(- £1.4m)', '(+/- £0.0m)', '(+/- £1.0m)'].map(read), ['12.4', '-1.4', '0', 'text']);
    // Carlisle: pence, and pounds with a stray p
    assert.deepEqual(['27p', '76p', '£1.28p', '£4.26p'].map(read), ['0.27', '0.76', '1.28', '4.26']);
    // the Police Grant Report: per cent in words
    assert.deepEqual(['3.8 per cent', '3.6 percent', '-1.2 per cent'].map(read), ['3.8%', '3.6%', '-1.2%']);
    // police.uk: a value a web page failed to render is no figure, and never a caption
    assert.deepEqual(['£nanm', 'NaN', '#DIV/0!', 'undefined'].map(read), ['text (no figure)', 'text (no figure)', 'text (no figure)', 'text (no figure)']);
  });
});
