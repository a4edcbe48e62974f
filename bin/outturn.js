#!/usr/bin/env node
// The command line entry: the compiled CLI in lib/ (made by `npm ci` through the prepare script),
// or, in a checkout where it has not been compiled, the TypeScript sources through tsx.
const path = require('node:path');
const fs = require('node:fs');
const compiled = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
let cli;
if (fs.existsSync(compiled)) {
  cli = require(compiled);
} else {
  require('tsx/cjs');
  cli = require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));
}
cli.main(process.argv).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`outturn: ${(e && e.stack) || e}\n`); process.exitCode = 2; },
);
