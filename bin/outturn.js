#!/usr/bin/env node
// The command line entry: the compiled CLI in lib/ (made by `npm ci` through the prepare script),
// or the TypeScript sources through tsx when lib/ is missing or older than src/ (a working checkout).
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const compiled = path.join(root, 'lib', 'cli', 'main.js');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function fresh() {
  if (!fs.existsSync(compiled)) return false;
  const src = path.join(root, 'src');
  return !fs.existsSync(src) || fs.statSync(compiled).mtimeMs >= newest(src);
}

let cli;
if (fresh()) {
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
