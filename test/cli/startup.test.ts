// Start-up: what each command loads. ExcelJS (and JSZip) only where a workbook is read or written;
// Ajv's schema compiler never in the compiled command line (its validator is precompiled), and not
// for --help from the sources either. Measured in `npm run bench`; here only what is loaded.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'outturn-startup-'));

/** Runs the CLI's main() in a fresh node and returns the modules it loaded (paths under the repository). */
function loaded(entry: 'sources' | 'bundle', args: string[]): string[] {
  const main = entry === 'sources' ? join(ROOT, 'src', 'cli', 'main.ts') : join(ROOT, 'lib', 'outturn.cjs');
  const script = `const m = require(${JSON.stringify(main)});
m.main(['node', 'outturn', ...${JSON.stringify(args)}], { out() {}, err() {} }).then((code) => {
  process.stdout.write(JSON.stringify({ code, modules: Object.keys(require.cache) }));
});`;
  const out = execFileSync(process.execPath, [...(entry === 'sources' ? ['--require', 'tsx/cjs'] : []), '-e', script], { cwd: ROOT, encoding: 'utf8' });
  const r = JSON.parse(out) as { code: number; modules: string[] };
  return r.modules.map((m) => m.slice(ROOT.length + 1));
}

const has = (mods: string[], pkg: string) => mods.some((m) => m.startsWith(`node_modules/${pkg}/`));

describe('start-up: each command loads what it uses', function () {
  this.timeout(120_000);
  const csv = join(dir, 'table.csv');
  writeFileSync(csv, 'Heading,Budget,Outturn\nPolice pay,100,90\nPolice staff,50,55\nTotal,150,145\n');
  const out = join(dir, 'out.xlsx');

  it('from the sources: --help loads no file-format library (ExcelJS, SheetJS, JSZip, docx, fflate) and no Ajv', () => {
    const mods = loaded('sources', ['--help']);
    assert.ok(mods.some((m) => m === 'src/cli/main.ts'));
    assert.ok(mods.some((m) => m === 'src/cli/publish.ts'));
    assert.ok(has(mods, 'commander'));
    for (const pkg of ['exceljs', '@e965/xlsx', 'jszip', 'docx', 'fflate', 'ajv']) assert.equal(has(mods, pkg), false, `--help loaded ${pkg}`);
  });

  it('from the sources: auditing a CSV loads no ExcelJS; building a workbook does', () => {
    const audit = loaded('sources', ['audit', csv]);
    assert.ok(audit.includes('src/audit/audit.ts'));
    for (const pkg of ['exceljs', '@e965/xlsx', 'jszip', 'docx']) assert.equal(has(audit, pkg), false, `a CSV audit loaded ${pkg}`);
    const build = loaded('sources', ['build', join(ROOT, 'examples', 'derbyshire-2020-21.json'), '-o', out, '--force']);
    assert.ok(existsSync(out));
    assert.ok(has(build, 'exceljs'));
  });

  it('the compiled command line (lib/outturn.cjs, made by npm ci): --help is one file; a build adds ExcelJS and fflate (lib/deps/) and nothing else', function () {
    if (!existsSync(join(ROOT, 'lib', 'outturn.cjs'))) this.skip(); // made by `npm ci` (prepare); always there in CI
    assert.deepEqual(loaded('bundle', ['--help']), ['lib/outturn.cjs']);
    assert.deepEqual(loaded('bundle', ['audit', csv]), ['lib/outturn.cjs']);
    assert.deepEqual(loaded('bundle', ['build', join(ROOT, 'examples', 'derbyshire-2020-21.json'), '-o', out, '--force']).sort(), ['lib/deps/Workbook.cjs', 'lib/deps/fflate.cjs', 'lib/outturn.cjs']);
  });
});
