// The folder layout is a promise: the engine, the format, the plan and the audit are pure — they
// know no host. This test reads their imports and fails when one reaches for Office, ExcelJS,
// the DOM or the file system.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', 'src');
const PURE = ['engine', 'format', 'plan', 'audit'];
const FORBIDDEN = [/^exceljs$/, /^node:/, /^fs$/, /^path$/, /^child_process$/, /office/i, /^playwright/, /\/xlsx\//, /\/excel\//, /\/cli\//, /\/taskpane\//];
const FORBIDDEN_GLOBALS = /\b(document|window|Office|Excel)\s*\./;

function files(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(files(p));
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

describe('architecture', () => {
  for (const folder of PURE) {
    it(`src/${folder} imports nothing of a host (Office, ExcelJS, DOM, Node's fs)`, function () {
      let dir: string;
      try {
        dir = join(SRC, folder);
        statSync(dir);
      } catch {
        this.skip();
        return;
      }
      const sources = files(dir);
      if (sources.length === 0) this.skip();
      for (const f of sources) {
        const code = readFileSync(f, 'utf8');
        const imports = [...code.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
          .map((m) => m[1] ?? m[2] ?? m[3]);
        for (const i of imports) {
          assert.ok(!FORBIDDEN.some((re) => re.test(i)), `${relative(SRC, f)} imports ${i}`);
        }
        const code0 = code.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');
        assert.doesNotMatch(code0, FORBIDDEN_GLOBALS, `${relative(SRC, f)} uses a host global`);
      }
    });
  }
});
