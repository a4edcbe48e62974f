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
