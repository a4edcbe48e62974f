// Files from other programs: what ExcelJS hid. The bug cases of ../shared/bug-cases (01, 02, 08,
// 09) as their EXPECT.md says, and the kinds behind them: workbooks saved by LibreOffice (xlsx, ods,
// xls) and openpyxl (absolute part names, a sheet named History), damaged files refused in words
// that name the file, and `outturn … | head` quiet with the command's own exit code.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { isDateFormat, readBook } from '../../src/xlsx/read-book';
import { readInputWorkbook } from '../../src/xlsx/read-input';
import { requireOrSkip, soffice } from '../support/libreoffice';
import { runCli } from '../support/cli';

const ROOT = resolve(__dirname, '..', '..');
const BUGS = resolve(ROOT, '..', 'shared', 'bug-cases');
const EXAMPLE = join(ROOT, 'examples', 'derbyshire-2020-21.json');
const BIN = join(ROOT, 'bin', 'outturn.js');

const run = runCli;
function bugCase(ctx: Mocha.Context, name: string): string {
  const dir = join(BUGS, name);
  if (existsSync(dir)) return dir;
  console.log(`      skipped: ${dir} is absent (../shared is not on this machine)`);
  ctx.skip();
}
// Debian's python3 (where python3-openpyxl is installed), not a version manager's shim.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const havePython = () => spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
function requirePython(ctx: Mocha.Context): void {
  if (havePython()) return;
  if (process.env.CI === 'true') throw new Error('python3-openpyxl is not installed, and CI must run this test (.ci/run installs it)');
  console.log('      skipped: python3-openpyxl is not installed (CI installs it)');
  ctx.skip();
}
function python(script: string, ...args: string[]): void {
  execFileSync(PYTHON, ['-c', script, ...args], { stdio: 'pipe' });
}
/** LibreOffice converts each file to `to` (ods, xls, xlsx) in `out`; one process, a fresh profile. */
function convert(files: string[], to: string, out: string): void {
  const p = mkdtempSync(join(tmpdir(), 'outturn-lo-'));
  execFileSync(soffice()!, [`-env:UserInstallation=file://${p}`, '--headless', '--convert-to', to, '--outdir', out, ...files], { stdio: 'pipe', timeout: 180_000 });
}

describe('files from other programs (the file boundary)', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'outturn-files-'));
  });

  describe('bug-case 01: a formula whose cached result is 0', () => {
    it("reads 'Revenue input'!E5 (=500-500, <v>0</v>) as 0 and builds; the same file with the revised budget 0 too builds with exit 0", async function () {
      const bug = bugCase(this, '01-input-formula-result-zero');
      const out = join(dir, 'b01.xlsx');
      const json = join(dir, 'b01.json');
      const r = await run('build', join(bug, 'input.xlsx'), '-o', out, '--json', json);
      // The 0 is read: the workbook is written, exit 0 as EXPECT.md says. The total original budget
      // (1,000 + 0) differs from the total revised budget (1,000 + 500) by 500: said as a note (the
      // virements column shows it; no budget requirement change is recorded), not a warning.
      assert.ok(existsSync(out), r.err);
      assert.doesNotMatch(`${r.out}${r.err}`, /no calculated value/);
      assert.match(r.out, /note .*differs from the total original budget by 500 .*budget requirement change/);
      assert.equal(r.code, 0, `${r.out}\n${r.err}`);
      const result = JSON.stringify(JSON.parse(readFileSync(json, 'utf8')));
      assert.match(result, /Transport/);
      // Same file, F5 also a formula giving 0: nothing to warn about, exit 0 (as with =500 in both).
      const zip = await JSZip.loadAsync(readFileSync(join(bug, 'input.xlsx')));
      const sheetPart = Object.keys(zip.files).find((n) => /worksheets\/sheet2\.xml$/.test(n))!;
      const xml = await zip.file(sheetPart)!.async('string');
      const f5 = /<c r="F5"[^>]*>.*?<\/c>/.exec(xml)![0];
      zip.file(sheetPart, xml.replace(f5, f5.replace(/<v>500<\/v>/, '<f>500-500</f><v>0</v>')));
      const both = join(dir, 'b01-both.xlsx');
      writeFileSync(both, await zip.generateAsync({ type: 'nodebuffer' }));
      const r2 = await run('build', both, '-o', join(dir, 'b01-both-out.xlsx'));
      assert.equal(r2.code, 0, `${r2.out}\n${r2.err}`);
    });
  });

  describe('bug-case 02: links on the Checks sheet', () => {
    it('are written as internal hyperlinks (location, no #, no relationship), and LibreOffice opens them as one link to the cell', async function () {
      const bug = bugCase(this, '02-checks-links-doubled-target');
      const out = join(dir, 'b02.xlsx');
      const r = await run('build', join(bug, 'input.json'), '-o', out);
      assert.equal(r.code, 0, r.err);
      const zip = await JSZip.loadAsync(readFileSync(out));
      const checks = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
      const links = [...checks.matchAll(/<hyperlink [^>]*\/>/g)].map((m) => m[0]);
      assert.ok(links.length >= 1);
      for (const l of links) {
        assert.match(l, /^<hyperlink ref="[A-Z]+\d+" location="&apos;Table 1 Revenue&apos;![A-Z]+\d+"\/>$/);
      }
      const rels = zip.file('xl/worksheets/_rels/sheet2.xml.rels');
      assert.ok(!rels || !/hyperlink/.test(await rels.async('string')), 'no hyperlink relationship');
      if (!soffice()) return requireOrSkip(this, undefined, 'LibreOffice');
      const ods = join(dir, 'ods');
      mkdirSync(ods);
      convert([out], 'ods', ods);
      const content = await (await JSZip.loadAsync(readFileSync(join(ods, 'b02.ods')))).file('content.xml')!.async('string');
      const hrefs = [...content.matchAll(/xlink:href="([^"]*)"/g)].map((m) => m[1]);
      assert.ok(hrefs.length >= 1, 'LibreOffice kept the links');
      for (const h of hrefs) {
        assert.match(h, /^#&apos;Table 1 Revenue&apos;\.[A-Z]+\d+$|^#'Table 1 Revenue'\.[A-Z]+\d+$|^#Table 1 Revenue\.[A-Z]+\d+$/, `one link to a cell: ${h}`);
        assert.doesNotMatch(h, /##/);
      }
    });
  });

  describe('bug-case 08: outturn … | head', () => {
    for (const args of [['build', 'INPUT', '-o', 'OUT'], ['audit', 'PRINTED']]) {
      it(`outturn ${args[0]} with stdout closed by its reader: no stack trace, the command's own exit code`, async function () {
        const bug = bugCase(this, '02-checks-links-doubled-target');
        const printed = join(dir, 'b08-printed.xlsx');
        if (!existsSync(printed)) assert.equal((await run('build', join(bug, 'input.json'), '-o', printed)).code, 0);
        const argv = args.map((a) => (a === 'INPUT' ? join(bug, 'input.json') : a === 'OUT' ? join(dir, 'b08-out.xlsx') : a === 'PRINTED' ? printed : a));
        const expected = (await run(...argv, ...(args[0] === 'build' ? ['--force'] : []))).code;
        for (let i = 0; i < 3; i++) {
          // The reader has gone before the first line is written: every write is EPIPE.
          const child = spawn(process.execPath, [BIN, ...argv, ...(args[0] === 'build' ? ['--force'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
          child.stdout.destroy();
          let stderr = '';
          child.stderr.on('data', (d) => { stderr += d; });
          const code = await new Promise<number | null>((res) => child.on('close', res));
          assert.equal(stderr, '', 'nothing on stderr');
          assert.equal(code, expected, `exit ${expected} as without the pipe`);
        }
      });
    }
  });

  describe("bug-case 09: money in a '£#,##0.0,,\\m' format", () => {
    it('builds from the input (G4:G5 read as 900 and 520) and audits the printed table (it casts): both exit 0', async function () {
      const bug = bugCase(this, '09-escaped-m-format-read-as-date');
      const json = join(dir, 'b09.json');
      const b = await run('build', join(bug, 'input.xlsx'), '-o', join(dir, 'b09.xlsx'), '--json', json);
      assert.equal(b.code, 0, `${b.out}\n${b.err}`);
      const sheets = await readBook(readFileSync(join(bug, 'input.xlsx')));
      const rev = sheets.find((s) => s.name === 'Revenue input')!;
      assert.deepEqual([rev.values[3][6], rev.values[4][6]], [900, 520]);
      assert.equal(rev.formats[3][6], '£#,##0.0,,\\m');
      const a = await run('audit', join(bug, 'printed.xlsx'));
      assert.equal(a.code, 0, `${a.out}\n${a.err}`);
      assert.match(a.out, /the tables cast/);
    });
    it('a format is a date format only if a date code survives quotes, brackets and escapes', () => {
      for (const f of ['£#,##0.0,,\\m', '#,##0_);\\(#,##0\\);\\-_)', '0.0"m"', '[$£-809]#,##0', '[Red]#,##0;[Blue]-#,##0', '#,##0 "days"', 'General', '0%', '_-£* #,##0_-']) assert.equal(isDateFormat(f), false, f);
      for (const f of ['dd/mm/yyyy', 'd-mmm-yy', 'mmm yyyy', '[h]:mm', 'h:mm AM/PM', 'yyyy-mm-dd;@', '[$-809]dd mmmm yyyy']) assert.equal(isDateFormat(f), true, f);
    });
  });

  describe('openpyxl and LibreOffice files', () => {
    let templates: string;
    before(async () => {
      templates = join(dir, 'templates.xlsx');
      const r = await run('template', EXAMPLE, '-o', templates);
      assert.equal(r.code, 0, r.err);
    });

    it('a workbook saved by openpyxl (absolute part names) builds the same tables as the ExcelJS one', async function () {
      requirePython(this);
      const saved = join(dir, 'openpyxl.xlsx');
      python('import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])', templates, saved);
      const rels = await (await JSZip.loadAsync(readFileSync(saved))).file('xl/_rels/workbook.xml.rels')!.async('string');
      assert.match(rels, /Target="\/xl\/worksheets\/sheet1\.xml"/, 'openpyxl writes absolute part names');
      assert.deepEqual(await readInputWorkbook(readFileSync(saved), 'openpyxl.xlsx'), await readInputWorkbook(readFileSync(templates), 'templates.xlsx'));
    });

    it('a workbook holding a sheet named History (openpyxl, as LibreOffice and Google Sheets allow) reads, History and all', async function () {
      requirePython(this);
      const saved = join(dir, 'history.xlsx');
      python("import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); ws=wb.create_sheet('History'); ws['A1']='changes'; wb.save(sys.argv[2])", templates, saved);
      const book = await readBook(readFileSync(saved));
      assert.ok(book.some((s) => s.name === 'History' && s.values[0][0] === 'changes'));
      const r = await run('build', saved, '-o', join(dir, 'history-out.xlsx'));
      assert.equal(r.code, 0, `${r.out}\n${r.err}`);
    });

    it('sheet visibility is read: hidden and very hidden sheets (openpyxl)', async function () {
      requirePython(this);
      const saved = join(dir, 'hidden.xlsx');
      python("import openpyxl,sys; wb=openpyxl.Workbook(); wb.active.title='Shown'; h=wb.create_sheet('Hid'); h.sheet_state='hidden'; v=wb.create_sheet('VeryHid'); v.sheet_state='veryHidden'; v['B2']=0; v['B3']='=1-1'; wb.save(sys.argv[1])", saved);
      const book = await readBook(readFileSync(saved));
      assert.deepEqual(book.map((s) => [s.name, s.visibility]), [['Shown', 'visible'], ['Hid', 'hidden'], ['VeryHid', 'veryHidden']]);
      // openpyxl writes a formula with no cached value: never an internal message, never a number.
      assert.equal(book[2].values[1][1], 0);
      assert.match(JSON.stringify(book[2].values[2][1]), /with no calculated value in the file/);
    });

    it('damaged or foreign files are refused naming the file, never with an internal message', async () => {
      const cases: [string, Buffer, RegExp][] = [
        ['cut.xlsx', readFileSync(templates).subarray(0, 2000), /not a readable xlsx workbook: it is cut short — the zip an \.xlsx or \.ods is made of ends early \(2,000 bytes/],
        ['broken.xlsx', Buffer.concat([readFileSync(templates).subarray(0, 2000), readFileSync(templates).subarray(-200)]), /not a readable xlsx workbook: it is damaged/],
        ['empty.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /not a readable xls workbook: an old or damaged \.xls/],
      ];
      for (const [name, bytes, message] of cases) {
        const file = join(dir, name);
        writeFileSync(file, bytes);
        for (const cmd of ['build', 'audit']) {
          const r = await run(cmd, file, ...(cmd === 'build' ? ['-o', join(dir, 'never.xlsx')] : []));
          assert.equal(r.code, 2, `${cmd} ${name}`);
          assert.match(r.err, new RegExp(name.replace('.', '\\.')), `${cmd} ${name}: ${r.err}`);
          assert.match(r.err, message, `${cmd} ${name}: ${r.err}`);
          assert.doesNotMatch(r.err, /Error:|at .*\.js|undefined|Cannot read|TypeError|Corrupted zip|End of data/i, `${cmd} ${name}: ${r.err}`);
        }
      }
      assert.ok(!existsSync(join(dir, 'never.xlsx')));
      // a text file named .xlsx: an input workbook it cannot be (named for what it is); a printed table, it is read as the CSV it is
      const notes = join(dir, 'notes.xlsx');
      writeFileSync(notes, Buffer.from('Budget heading,Outturn\nPremises,900\n'));
      const b = await run('build', notes, '-o', join(dir, 'never.xlsx'));
      assert.equal(b.code, 2);
      assert.match(b.err, /notes\.xlsx.*not a readable xlsx workbook: the file is a text file \(comma-, tab- or semicolon-separated figures are read as CSV\/TSV\), not an Excel or OpenDocument workbook: if it holds comma- or tab-separated figures, give it a name ending \.csv or \.tsv/);
      const a = await run('audit', notes);
      assert.equal(a.code, 2);
      assert.match(a.err, /notes\.xlsx: no table to audit/);
    });

    it('the templates saved by LibreOffice as xlsx, ods and xls build the same tables; a printed table saved as ods and xls audits', async function () {
      requireOrSkip(this, soffice(), 'LibreOffice');
      const lo = join(dir, 'lo');
      mkdirSync(lo);
      const printed = join(lo, 'printed.xlsx');
      assert.equal((await run('build', EXAMPLE, '-o', printed)).code, 0);
      const tin = join(lo, 'in');
      mkdirSync(tin);
      copyFileSync(templates, join(tin, 'templates.xlsx'));
      copyFileSync(printed, join(tin, 'printed.xlsx'));
      for (const to of ['ods', 'xls']) convert([join(tin, 'templates.xlsx'), join(tin, 'printed.xlsx')], to, lo);
      const resaved = join(lo, 'resaved');
      mkdirSync(resaved);
      convert([join(tin, 'templates.xlsx')], 'xlsx', resaved);
      assert.deepEqual(readdirSync(lo).sort(), ['in', 'printed.ods', 'printed.xls', 'printed.xlsx', 'resaved', 'templates.ods', 'templates.xls']);
      const want = await readInputWorkbook(readFileSync(templates), 'templates.xlsx');
      for (const f of [join(resaved, 'templates.xlsx'), join(lo, 'templates.ods'), join(lo, 'templates.xls')]) {
        assert.deepEqual(await readInputWorkbook(readFileSync(f), 'templates'), want, f);
      }
      const direct = await run('audit', printed);
      for (const f of ['printed.ods', 'printed.xls']) {
        const r = await run('audit', join(lo, f));
        assert.equal(r.code, direct.code, `${f}: ${r.out}\n${r.err}`);
        assert.match(r.out, /Audited [1-9]\d* table/, f);
      }
    });
  });
});
