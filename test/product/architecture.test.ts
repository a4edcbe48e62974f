// The folder layout is a promise, and this test keeps it:
//  1. the engine, the format, the plan, the audit (and the ground floor under them) are pure — they
//     know no host: none reaches for Office, ExcelJS, the DOM or the file system;
//  2. every folder of src/ has a rank, and a module imports only from its own folder or from a
//     folder of lower rank: the arrows point down, never up, and never sideways between two
//     folders of the same rank;
//  3. no module imports itself back through others: no cycle among the modules of src/, whatever
//     their folders (type-only and lazy `import()` imports count too).
// A new folder needs a rank here (and a line in docs/architecture.md).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');

/**
 * Each folder's rank, from the ground up. base: exact decimals, A1 addresses, cells, printed
 * numbers. engine: the tables and their checks (and the table registry). format: outturn/v1 and the
 * input templates, read into the engine's model. audit / plan: printed tables recalculated / the
 * sheet plan a writer renders. app: the use cases both hosts share (build, the result JSON).
 * report: whole reports (PDF, HTML, text) audited, their narrative tied to their tables (pure: the
 * PDF's positioned text comes in from pdf/). xlsx / excel / publish / pdf: the hosts' edges (ExcelJS files, Office.js, published reports). cli /
 * taskpane / commands: the hosts themselves.
 */
export const RANKS: Record<string, number> = {
  base: 0,
  engine: 1,
  format: 2,
  audit: 3,
  plan: 3,
  app: 4,
  report: 4,
  xlsx: 5,
  pdf: 5,
  excel: 5,
  publish: 5,
  cli: 6,
  taskpane: 6,
  commands: 6,
};
const PURE = ['base', 'engine', 'format', 'plan', 'audit', 'report'];
const FORBIDDEN = [/^exceljs$/, /^node:/, /^fs$/, /^path$/, /^child_process$/, /office/i, /^playwright/, /\/xlsx\//, /\/excel\//, /\/cli\//, /\/taskpane\//];
const FORBIDDEN_GLOBALS = /\b(document|window|Office|Excel)\s*\./;

function files(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(files(p));
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every module specifier a file imports: static, type-only, re-exports, require() and import(). */
function importsOf(code: string): string[] {
  return [...code.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

/** The source file a relative specifier names (undefined for a package, JSON or asset). */
function resolveModule(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const p of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(p)) return p;
  return undefined;
}

const folderOf = (file: string) => relative(SRC, file).split(sep)[0];
const ALL = files(SRC);
const GRAPH = new Map(ALL.map((f) => [f, importsOf(readFileSync(f, 'utf8')).flatMap((s) => resolveModule(f, s) ?? [])]));

/** Strongly connected components with more than one module (or a module importing itself): the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.map((f) => relative(SRC, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('architecture', () => {
  for (const folder of PURE) {
    it(`src/${folder} imports nothing of a host (Office, ExcelJS, DOM, Node's fs)`, function () {
      const dir = join(SRC, folder);
      if (!existsSync(dir)) this.skip();
      const sources = files(dir);
      if (sources.length === 0) this.skip();
      for (const f of sources) {
        const code = readFileSync(f, 'utf8');
        for (const i of importsOf(code)) {
          assert.ok(!FORBIDDEN.some((re) => re.test(i)), `${relative(SRC, f)} imports ${i}`);
        }
        const code0 = code.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');
        assert.doesNotMatch(code0, FORBIDDEN_GLOBALS, `${relative(SRC, f)} uses a host global`);
      }
    });
  }

  it('every folder of src/ with TypeScript in it has a rank', () => {
    const folders = [...new Set(ALL.map(folderOf))].filter((f) => !f.endsWith('.ts'));
    const missing = folders.filter((f) => !(f in RANKS));
    assert.deepEqual(missing, [], `give these folders a rank in test/product/architecture.test.ts: ${missing.join(', ')}`);
  });

  it('imports point down the ranks: a module imports its own folder or a lower-ranked one', () => {
    const bad: string[] = [];
    for (const [f, deps] of GRAPH) {
      const a = folderOf(f);
      for (const d of deps) {
        const b = folderOf(d);
        if (a === b || !(a in RANKS) || !(b in RANKS)) continue;
        if (RANKS[b] >= RANKS[a]) bad.push(`${relative(SRC, f)} (${a}, rank ${RANKS[a]}) imports ${relative(SRC, d)} (${b}, rank ${RANKS[b]})`);
      }
    }
    assert.deepEqual(bad, [], `imports that point up or sideways:\n  ${bad.join('\n  ')}`);
  });

  it('no cycle among the modules of src/', () => {
    const found = cycles(GRAPH);
    assert.deepEqual(found, [], `modules that import each other:\n  ${found.map((c) => c.join(' → ')).join('\n  ')}`);
  });

  it('the engine builds one way: only build.ts writes into a finished table (declared links), and no row is found by its printed label nor a date cut out of a header', () => {
    const bad: string[] = [];
    for (const f of files(join(SRC, 'engine'))) {
      const code = readFileSync(f, 'utf8');
      const name = relative(SRC, f);
      if (name !== join('engine', 'build.ts') && /\.table\.rows\[[^\]]*\]\.cells\[[^\]]*\]\s*=[^=]/.test(code)) bad.push(`${name} writes into another module's table: declare a TableLink instead`);
      if (/rows\.(find|findIndex)\(\(?\w+\)? => \w+\.label\.(startsWith|includes)\(/.test(code)) bad.push(`${name} finds a row by its printed label: name the row where it is made`);
      if (/\.header\[\d\]\.replace\(/.test(code)) bad.push(`${name} cuts text out of a column header`);
    }
    assert.deepEqual(bad, []);
  });

  it('the checks above can fail: an upward import and a cycle in a made-up graph are caught', () => {
    const g = new Map<string, string[]>([
      [join(SRC, 'engine', 'a.ts'), [join(SRC, 'engine', 'b.ts')]],
      [join(SRC, 'engine', 'b.ts'), [join(SRC, 'engine', 'a.ts')]],
      [join(SRC, 'engine', 'c.ts'), []],
    ]);
    assert.deepEqual(cycles(g), [['engine/a.ts', 'engine/b.ts'].map((p) => p.split('/').join(sep))]);
    assert.ok(RANKS.plan > RANKS.engine && RANKS.base < RANKS.engine, 'plan sits above the engine, the ground floor under it');
    assert.deepEqual(importsOf("import type { X } from '../plan/plan';\nconst m = await import('./lazy');\nexport * from '../base/a1';"), ['../plan/plan', './lazy', '../base/a1']);
  });
});
