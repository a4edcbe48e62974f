#!/usr/bin/env node
// The command line entry: the compiled CLI in lib/ (made by `npm ci` through the prepare script:
// lib/outturn.cjs, one bundled file, see scripts/bundle-cli.mjs; or tsc's lib/cli/main.js), or the
// TypeScript sources through tsx when lib/ is missing or older than src/ (a working checkout).
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const bundled = path.join(root, 'lib', 'outturn.cjs');
const compiled = path.join(root, 'lib', 'cli', 'main.js');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

let srcTime;
function fresh(file) {
  if (!fs.existsSync(file)) return false;
  const src = path.join(root, 'src');
  if (!fs.existsSync(src)) return true;
  srcTime ??= newest(src);
  return fs.statSync(file).mtimeMs >= srcTime;
}

let cli;
if (fresh(bundled)) {
  // the bundle's compiled code, saved by `npm run build:cli` (bin/code-cache.js)
  if (!process.env.OUTTURN_NO_CODE_CACHE) require('./code-cache').useCodeCache();
  cli = require(bundled);
} else if (fresh(compiled)) {
  cli = require(compiled);
} else {
  require('tsx/cjs');
  cli = require(path.join(root, 'src', 'cli', 'main.ts'));
}
cli.main(process.argv).then(
  (code) => { process.exitCode = code; },
  // Anything a command did not handle is a fault of Outturn: exit 3, "internal error" (README: exit codes).
  (e) => { process.stderr.write(`outturn: internal error (a fault in Outturn, not in your input: please report it): ${(e && e.stack) || e}\n`); process.exitCode = 3; },
);
