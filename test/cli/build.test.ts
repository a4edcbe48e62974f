// `outturn build` and `outturn template` end to end: exit codes, files written or not, messages with places.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../support/cli';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE_JSON = join(ROOT, 'examples', 'derbyshire-2020-21.json');
const EXAMPLE_XLSX = join(ROOT, 'examples', 'derbyshire-2020-21.xlsx');

const run = runCli;

describe('outturn build', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outturn-cli-'));
  });

  it('builds the worked example: exit 0, a workbook with the four sheets, the result JSON as displayed', async () => {
    const out = join(dir, 'tables.xlsx');
    const json = join(dir, 'result.json');
    const r = await run('build', EXAMPLE_JSON, '-o', out, '--json', json);
    assert.equal(r.code, 0, r.err);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Table 1 Revenue', 'Table 2 Capital', 'Table 3 Reserves', 'Checks']);
    const result = JSON.parse(readFileSync(json, 'utf8'));
    assert.equal(result.format, 'outturn/v1-result');
    const revenue = result.tables.find((t: { id: string }) => t.id === 'revenue');
    const net = revenue.rows.find((row: { kind: string }) => row.kind === 'net_underspend');
    assert.deepEqual(net.values, [null, null, null, '-370741']);
    assert.equal(result.narrative.capital.percent, '88.0%');
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0].cell, "'Table 2 Capital'!F23");
    assert.match(r.out, /£0\.371m/);
  });

  it('builds the same tables from the example input workbook as from the JSON', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    assert.equal((await run('build', EXAMPLE_JSON, '-o', join(dir, 'a.xlsx'), '--json', a)).code, 0);
    assert.equal((await run('build', EXAMPLE_XLSX, '-o', join(dir, 'b.xlsx'), '--json', b)).code, 0);
    const strip = (f: string) => {
      const j = JSON.parse(readFileSync(f, 'utf8'));
      for (const x of j.findings) delete x.source;
      return j;
    };
    assert.deepEqual(strip(b), strip(a));
  });

  it('invalid JSON input: exit 2, the JSON path named, nothing written', async () => {
    const doc = JSON.parse(readFileSync(EXAMPLE_JSON, 'utf8'));
    doc.revenue.sections[0].lines[3].outtrun = '1';
    doc.capital.categories[0].schemes[1].outturn = 12.5;
    const input = join(dir, 'bad.json');
    writeFileSync(input, JSON.stringify(doc));
    const out = join(dir, 'never.xlsx');
    const json = join(dir, 'never.json');
    const r = await run('build', input, '-o', out, '--json', json);
    assert.equal(r.code, 2);
    assert.match(r.err, /\$\.revenue\.sections\[0\]\.lines\[3\]\.outtrun: unknown field/);
    assert.match(r.err, /\$\.capital\.categories\[0\]\.schemes\[1\]\.outturn: must be money/);
    assert.ok(!existsSync(out) && !existsSync(json), 'an output was written');
  });

  it('invalid workbook input: exit 2, the sheet and cell named, nothing written', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXAMPLE_XLSX);
    wb.getWorksheet('Revenue input')!.getCell('F6').value = 'about 5m';
    wb.getWorksheet('Reserves input')!.getCell('D5').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    const input = join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(input);
    const out = join(dir, 'never.xlsx');
    const r = await run('build', input, '-o', out);
    assert.equal(r.code, 2);
    assert.match(r.err, /'Revenue input'!F6: "about 5m" is not an amount/);
    assert.match(r.err, /'Reserves input'!D5: holds the error #REF!/);
    assert.ok(!existsSync(out));
  });

  it('a readable input whose figures are wrong: exit 1 with the finding (transfers that do not net)', async () => {
    const doc = JSON.parse(readFileSync(EXAMPLE_JSON, 'utf8'));
    doc.reserves.reserves[2].flows[0].transfers = '100'; // was -217,100: the year's transfers now net to 217,200
    const input = join(dir, 'transfers.json');
    writeFileSync(input, JSON.stringify(doc));
    const r = await run('build', input, '-o', join(dir, 'x.xlsx'));
    assert.equal(r.code, 1);
    assert.match(r.out, /error\s+'Table 3 Reserves'!D\d+\s+Transfers between reserves in 2020\/21 net to 217200 £, not nil/);
  });

  it("never replaces a file it did not make, and replaces its own", async () => {
    const out = join(dir, 'mine.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('My work').getCell('A1').value = 'precious';
    await wb.xlsx.writeFile(out);
    const before = readFileSync(out);
    const r = await run('build', EXAMPLE_JSON, '-o', out);
    assert.equal(r.code, 2);
    assert.match(r.err, /was not made by Outturn; it is left alone/);
    assert.deepEqual(readFileSync(out), before);
    const own = join(dir, 'own.xlsx');
    assert.equal((await run('build', EXAMPLE_JSON, '-o', own)).code, 0);
    assert.equal((await run('build', EXAMPLE_JSON, '-o', own)).code, 0);
  });

  it('usage errors exit 2', async () => {
    assert.equal((await run('build', EXAMPLE_JSON)).code, 2); // no -o
    assert.equal((await run('build', join(dir, 'missing.json'), '-o', join(dir, 'x.xlsx'))).code, 2);
    assert.equal((await run('frobnicate')).code, 2);
  });

  it('the real executable: exit codes 0, 1 and 2 from a child process', function () {
    this.timeout(60_000);
    const bin = join(ROOT, 'bin', 'outturn.js');
    const ok = spawnSync(process.execPath, [bin, 'build', EXAMPLE_JSON, '-o', join(dir, 'ok.xlsx')], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    const bad = spawnSync(process.execPath, [bin, 'build', join(dir, 'nope.json'), '-o', join(dir, 'no.xlsx')], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /no such file/);
    assert.doesNotMatch(bad.stderr, /at .*\.ts:\d+/, 'a stack trace reached the user');
    const help = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    assert.match(help, /build/);
  });
});

describe('outturn template', () => {
  it('writes the empty input templates, which read back as an input error-free skeleton except for missing lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outturn-tpl-'));
    const out = join(dir, 'templates.xlsx');
    const r = await run('template', '-o', out);
    assert.equal(r.code, 0, r.err);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Outturn settings', 'Revenue input', 'Capital input', 'Reserves input']);
    assert.equal(wb.getWorksheet('Revenue input')!.getCell('C3').value, 'Budget heading');
    // Building from empty templates is invalid input, and says where.
    const b = await run('build', out, '-o', join(dir, 'x.xlsx'));
    assert.equal(b.code, 2);
    assert.match(b.err, /'Revenue input'|\$\.revenue/);
  });
});
