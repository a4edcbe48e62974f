// The compiled command line as two files, so that it starts at once (`npm ci` runs this from the
// prepare script, after tsc):
//   lib/outturn.cjs    lib/cli/main.js and everything it needs (commander, decimal.js, csv-parse,
//                      the precompiled validator, Ajv's runtime helpers), without ExcelJS;
//   lib/xlsx-deps.cjs  ExcelJS's Workbook and JSZip, which lib/outturn.cjs loads on first use
//                      (src/xlsx/exceljs.ts), so `--help` and commands that read or write no
//                      workbook never parse them.
// One file instead of hundreds: node resolves, reads and compiles one module, not ~400 (ExcelJS
// alone is ~250 files). The modules inside keep their lazy `require`s (esbuild runs each CommonJS
// module when it is first required). bin/outturn.js runs lib/outturn.cjs when it is fresh.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', legalComments: 'none' };

/** exceljs/lib/doc/workbook and jszip, in lib/outturn.cjs, are taken from lib/xlsx-deps.cjs. */
const fromDeps = {
  name: 'xlsx-deps',
  setup(b) {
    b.onResolve({ filter: /^(exceljs\/lib\/doc\/workbook|jszip)$/ }, (a) => ({ path: a.path, namespace: 'xlsx-deps' }));
    b.onLoad({ filter: /.*/, namespace: 'xlsx-deps' }, (a) => ({
      contents: `module.exports = require('./xlsx-deps.cjs')[${JSON.stringify(a.path === 'jszip' ? 'JSZip' : 'Workbook')}];`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/xlsx-deps\.cjs$/ }, (a) => ({ path: a.path, external: true }));
  },
};

await build({ ...common, entryPoints: [join(root, 'lib', 'cli', 'main.js')], outfile: join(root, 'lib', 'outturn.cjs'), plugins: [fromDeps] });
await build({
  ...common,
  stdin: { contents: "module.exports = { Workbook: require('exceljs/lib/doc/workbook'), JSZip: require('jszip') };", resolveDir: root, loader: 'js' },
  outfile: join(root, 'lib', 'xlsx-deps.cjs'),
});
