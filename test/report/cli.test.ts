// `outturn audit REPORT…` through the command line: exit codes, --json places (page, table, row,
// column, the text read), the --html findings page, and reports it cannot read.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumOrSkip, markdownToHtml, printToPdf } from '../support/report-docs';
import { runCli } from '../support/cli';

const REPORT = join(__dirname, '..', 'fixtures', 'reports', 'derbyshire-2020-21-finance-section.md');
const text = () => readFileSync(REPORT, 'utf8').split('\n').filter((l) => !/^# (Source|Kept)/.test(l)).join('\n');

/** `outturn …args` in-process (test/support/cli.ts): exit code and output. */
const run = (args: string[]) => runCli(...args);

describe('outturn audit REPORT (command line)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'outturn-report-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a markdown report: exit 1, findings placed by table, row (and line), column; the narrative summarised', async () => {
    const md = join(dir, 'report.md');
    writeFileSync(md, text());
    const r = await run(['audit', md]);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /Read 3 tables in report\.md; audited 3/);
    assert.match(r.out, /table 3, row 14 \(line 104\), column 3 .*reserves\.cast {2}printed 1499006 {2}expected 1499007/);
    assert.match(r.out, /narrative\.truncated {2}printed £0\.370m {2}expected £0\.371m/);
    assert.match(r.out, /Narrative: 4 figures quoted, 2 tied to the tables, 2 not/);
    assert.match(r.out, /0 errors, 12 warnings, 5 notes/);
  });

  it('says per table how many figures each kind of check compared (Notts Fire 2024/25 as published)', async () => {
    // test/fixtures/reports/rebuilt/notts2024.pdf (source in SOURCES.md there). By hand: Table 1a and 1b
    // each close with one Total row over 3 year columns (3 totals each); the reserves table has 14
    // reserves and a total row (opening + movement = closing 31/3/24 on 15 rows; the total row casts in
    // 4 figure columns); the 31/3/25 column has no movement beside it, so it is only cast.
    const r = await run(['audit', join(__dirname, '..', 'fixtures', 'reports', 'rebuilt', 'notts2024.pdf')]);
    assert.match(r.out, /\n {2}page 1, table 1: checked 3 total figure\(s\), 0 cross-cast\(s\), 0 variance\(s\), 0 percentage\(s\), 0 roll-forward\(s\)\n/);
    assert.match(r.out, /\n {2}page 1, table 2: checked 3 total figure\(s\), 0 cross-cast/);
    assert.match(r.out, /\n {2}page 2, table 1: checked 4 total figure\(s\), 0 cross-cast\(s\), 0 variance\(s\), 0 percentage\(s\), 15 roll-forward\(s\)\n/);
    const j = JSON.parse((await run(['audit', join(__dirname, '..', 'fixtures', 'reports', 'rebuilt', 'notts2024.pdf'), '--json'])).out) as { tables: { checked: Record<string, number> }[] };
    assert.deepEqual(j.tables.map((t) => t.checked.rollForwards), [0, 0, 15]);
    assert.deepEqual(j.tables.map((t) => t.checked.totals), [3, 3, 4]);
  });

  it('--json: outturn/v1-report-audit with each finding’s table, row, column and the text read; the ties', async () => {
    const html = join(dir, 'report.html');
    writeFileSync(html, markdownToHtml(text()));
    const r = await run(['audit', html, '--json']);
    assert.equal(r.code, 1);
    const j = JSON.parse(r.out) as { format: string; findings: { rule: string; table?: string; row?: number; column?: number; text?: string }[]; ties: { quoted: string; status: string }[]; tables: { cells: string[][] }[] };
    assert.equal(j.format, 'outturn/v1-report-audit');
    const f = j.findings.find((x) => x.rule === 'reserves.cast' && x.row === 20 && x.column === 3)!;
    assert.deepEqual([f.table, f.text], ['table 3', '626,085']);
    assert.equal(j.tables[2].cells[19][2], '626,085');
    assert.deepEqual(j.ties.map((t) => [t.quoted, t.status]), [['£0.370m', 'truncated'], ['£13.605m', 'tied'], ['£15.467', 'tied'], ['87.9%', 'truncated']]);
  });

  it('--html: a findings page with each table as read and every finding numbered at its cell', async () => {
    const md = join(dir, 'report2.md');
    writeFileSync(md, text());
    const page = join(dir, 'findings.html');
    const r = await run(['audit', md, '--html', page]);
    assert.equal(r.code, 1);
    const h = readFileSync(page, 'utf8');
    assert.match(h, /<title>Audit of report2\.md<\/title>/);
    // the 1,499,006 cell carries its finding's number, and the narrative table names the truncation
    assert.match(h, /<td class="num warning" title="[^"]*1,499,007[^"]*">1,499,006<sup class="mark">\[\d+\]<\/sup><\/td>/);
    assert.match(h, /truncated, not rounded: should read £0\.371m/);
    assert.doesNotMatch(h, /<script/);
  });

  it('--html never writes over the file being audited, nor a file Outturn did not make (without --force); it rewrites its own page', async () => {
    const md = join(dir, 'own.md');
    writeFileSync(md, text());
    let r = await run(['audit', md, '--html', md]);
    assert.equal(r.code, 2);
    assert.match(r.err, /own\.md: is the file being audited; the findings page would overwrite it/);
    assert.equal(readFileSync(md, 'utf8'), text(), 'the report is untouched');
    const mine = join(dir, 'notes.html');
    writeFileSync(mine, '<p>my notes</p>');
    r = await run(['audit', md, '--html', mine]);
    assert.equal(r.code, 2);
    assert.match(r.err, /notes\.html: exists and was not made by Outturn; it is left alone \(choose another name, or --force\)/);
    assert.equal(readFileSync(mine, 'utf8'), '<p>my notes</p>');
    r = await run(['audit', md, '--html', mine, '--force']);
    assert.equal(r.code, 1);
    assert.match(readFileSync(mine, 'utf8'), /<meta name="generator" content="Outturn">/);
    r = await run(['audit', md, '--html', mine]);
    assert.equal(r.code, 1, 'a page Outturn wrote is its own to rewrite');
    // the same rules for a table file
    const csv = join(dir, 't.csv');
    writeFileSync(csv, 'Heading,Budget\nA,1\nB,2\nTotal,3\n');
    r = await run(['audit', csv, '--html', csv]);
    assert.equal(r.code, 2);
    assert.equal(readFileSync(csv, 'utf8'), 'Heading,Budget\nA,1\nB,2\nTotal,3\n');
  });

  it('--html for a CSV: the table as read, the finding numbered at its cell (it was ignored before)', async () => {
    // North Wales Fire and Rescue Authority, Provisional Outturn (15 March 2021) — the revenue table
    // of test/fixtures/published/audit, Premises' variance typed 561 for 516 (2,991 − 2,475)
    const tsv = readFileSync(join(__dirname, '..', 'fixtures', 'published', 'audit', 'nwfire-revenue-2020-21-mar.tsv'), 'utf8');
    const csv = join(dir, 'nwfire.csv');
    writeFileSync(csv, tsv.replace('2,991\t516', '2,991\t561').split('\n').map((l) => l.split('\t').map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\n'));
    const page = join(dir, 'nwfire-findings.html');
    const r = await run(['audit', csv, '--html', page]);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /Findings page: .*nwfire-findings\.html/);
    const h = readFileSync(page, 'utf8');
    assert.match(h, /<title>Audit of nwfire\.csv<\/title>/);
    assert.match(h, /<td class="num error" title="[^"]*516[^"]*">561<sup class="mark">\[\d+\]<\/sup><\/td>/);
    assert.doesNotMatch(h, /The narrative/, 'a table file has no running text');
  });

  it('a table laid out with spaces (as pdftotext -layout gives it) is read as a table; a report with no table read is not "clean"', async () => {
    // the same North Wales Fire table, each column right-aligned as a PDF's text layer lays it out
    const rows = readFileSync(join(__dirname, '..', 'fixtures', 'published', 'audit', 'nwfire-revenue-2020-21-mar.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
    const width = (c: number) => Math.max(...rows.map((x) => (x[c] ?? '').length));
    const laid = rows.map((x) => x.map((c, k) => (k === 0 ? c.padEnd(width(0) + 4) : c.padStart(width(k) + 4))).join('').trimEnd());
    const prose = 'The table below sets out the projected revenue outturn position for the 2020/21 financial year. This confirms a projected breakeven position against the budget of £35.942m.';
    const txt = join(dir, 'pasted.txt');
    writeFileSync(txt, ['REVENUE BUDGET', '', prose, '', ...laid, ''].join('\n'));
    let r = await run(['audit', txt, '--json']);
    assert.equal(r.code, 0, r.out);
    const j = JSON.parse(r.out) as { tables: { cells: string[][] }[]; ties: { quoted: string; status: string }[] };
    assert.equal(j.tables.length, 1);
    assert.deepEqual(j.tables[0].cells.map((x) => x.join('|')), rows.map((x) => x.join('|')));
    assert.deepEqual(j.ties.map((t) => [t.quoted, t.status]), [['£35.942m', 'tied']]);
    writeFileSync(txt, ['REVENUE BUDGET', '', prose, '', ...laid.map((l) => l.replace(/^(Premises\s+2,475\s+2,991\s+)516/, '$1561')), ''].join('\n'));
    r = await run(['audit', txt]);
    assert.equal(r.code, 1);
    assert.match(r.out, /table 1, row \d+ \(line \d+\), column 4 .*printed 561 {2}expected 516/);
    // no table at all: the one quoted figure has no source, and nothing was checked
    writeFileSync(txt, ['REVENUE BUDGET', '', prose, ''].join('\n'));
    r = await run(['audit', txt]);
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, /nothing in the report could be checked/);
  });

  it('a .txt with running text is a report; a .txt of tab-separated figures is still a table', async () => {
    const prose = join(dir, 'report.txt');
    writeFileSync(prose, text());
    assert.equal((await run(['audit', prose])).code, 1);
    const tsv = join(dir, 'table.txt');
    writeFileSync(tsv, 'Heading\tBudget £\tOutturn £\tVariance £\nA\t100\t90\t(10)\nB\t50\t55\t5\nTotal\t150\t145\t(5)\n');
    const r = await run(['audit', tsv]);
    assert.doesNotMatch(r.out, /Narrative:/);
  });

  it('a page with no text (a scanned image) is reported, not guessed; with nothing else to check: exit 2', async function () {
    if (!chromiumOrSkip(this)) return;
    const pdf = join(dir, 'scanned.pdf');
    await printToPdf([{ html: '<!doctype html><html><body><div style="width:400px;height:300px;border:2px solid #000"></div></body></html>', pdf }]);
    const r = await run(['audit', pdf, '--json']);
    const j = JSON.parse(r.out) as { scanned: number[]; findings: { rule: string; where: string }[] };
    assert.deepEqual(j.scanned, [1]);
    assert.deepEqual(j.findings.map((f) => [f.rule, f.where]), [['report.scanned-page', 'page 1']]);
    assert.equal(r.code, 2);
  });

  it('a file that is not a PDF, named .pdf: exit 2, in words, nothing written', async () => {
    const bad = join(dir, 'bad.pdf');
    writeFileSync(bad, 'this is not a PDF');
    const page = join(dir, 'bad-findings.html');
    const r = await run(['audit', bad, '--html', page]);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot audit .*bad\.pdf: it is not a PDF that can be read/);
    assert.ok(!existsSync(page));
  });
});
