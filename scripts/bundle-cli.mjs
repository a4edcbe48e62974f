// The compiled command line as two files, so that it starts at once (`npm ci` runs this from the
// prepare script, after tsc):
//   lib/outturn.cjs    lib/cli/main.js and everything it needs (commander, decimal.js, csv-parse,
//                      the precompiled validator, Ajv's runtime helpers), without ExcelJS;
//   lib/deps/*.cjs     the file-format libraries, one file each: ExcelJS's Workbook, SheetJS, JSZip,
//                      docx and fflate, which lib/outturn.cjs loads on first use
//                      (src/xlsx/exceljs.ts, src/xlsx/read-book.ts, src/cli/publish.ts), so `--help` and commands that read or write no
//                      workbook never parse them.
// One file instead of hundreds: node resolves, reads and compiles one module, not ~400 (ExcelJS
// alone is ~250 files). The modules inside keep their lazy `require`s (esbuild runs each CommonJS
// module when it is first required). bin/outturn.js runs lib/outturn.cjs when it is fresh.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// pdf.js and parse5 are ES modules that Node loads from node_modules on first use (the audit of reports): left outside.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', legalComments: 'none', external: ['pdfjs-dist', 'pdfjs-dist/*', 'parse5'] };

/** The packages bundled on their own, lib/deps/NAME.cjs. */
const DEPS = { 'exceljs/lib/doc/workbook': 'Workbook', '@e965/xlsx': 'XLSX', jszip: 'JSZip', docx: 'docx', fflate: 'fflate' };

/** In lib/outturn.cjs, each of DEPS is required from its own file, when first required. */
const fromDeps = {
  name: 'xlsx-deps',
  setup(b) {
    const names = Object.keys(DEPS).map((k) => k.replace(/[/.@]/g, (c) => `\\${c}`)).join('|');
    b.onResolve({ filter: new RegExp(`^(${names})$`) }, (a) => ({ path: a.path, namespace: 'xlsx-deps' }));
    b.onLoad({ filter: /.*/, namespace: 'xlsx-deps' }, (a) => ({
      contents: `module.exports = require('./deps/${DEPS[a.path]}.cjs');`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/deps\/[A-Za-z]+\.cjs$/ }, (a) => ({ path: a.path, external: true }));
  },
};

await build({ ...common, entryPoints: [join(root, 'lib', 'cli', 'main.js')], outfile: join(root, 'lib', 'outturn.cjs'), plugins: [fromDeps] });
for (const [pkg, name] of Object.entries(DEPS)) {
  await build({
    ...common,
    stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root, loader: 'js' },
    outfile: join(root, 'lib', 'deps', `${name}.cjs`),
  });
}

// V8's code cache for the bundles (bin/code-cache.js): the commands run once here, in one process —
// --help, a build of the worked example, an audit of its Table 1 — and what V8 compiled is saved in
// lib/cache/, so that every later run starts without compiling the bundles again.
{
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const tmp = mkdtempSync(join(tmpdir(), 'outturn-code-cache-'));
  const csv = join(tmp, 'table.csv');
  writeFileSync(csv, 'Heading,Budget,Outturn,Variance\nPolice pay,"1,000",900,(100)\nPolice staff,500,550,50\nTotal,"1,500","1,450",(50)\n');
  const script = `
    const save = require(${JSON.stringify(join(root, 'bin', 'code-cache.js'))}).useCodeCache(true);
    const { main } = require(${JSON.stringify(join(root, 'lib', 'outturn.cjs'))});
    const io = { out() {}, err() {} };
    (async () => {
      await main(['node', 'outturn', '--help'], io).catch(() => 0);
      await main(['node', 'outturn', 'build', ${JSON.stringify(join(root, 'examples', 'derbyshire-2020-21.json'))}, '-o', ${JSON.stringify(join(tmp, 'example.xlsx'))}, '--force'], io);
      await main(['node', 'outturn', 'audit', ${JSON.stringify(csv)}], io);
      save();
    })();`;
  try {
    execFileSync(process.execPath, ['-e', script], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
