// The add-in bundles decimal.js without the methods Outturn never calls (scripts/decimal-trim.cjs, a
// webpack loader for the add-in only; issue 14). These tests fail if the trim removes anything the
// product uses: a call in src/ of a removed method, or a call at run time while the command line
// builds every example, audits the audit corpus and reads the Derbyshire report (the CLI runs the
// same engine, audit and report reader the add-in bundles). And they hold what stays exact.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import DecimalJs from 'decimal.js';
import { main } from '../../src/cli/main';
import { Dec } from '../../src/base/decimal';

const trim = require('../../scripts/decimal-trim.cjs') as { trimDecimal(s: string): string; REMOVED_METHODS: string[]; REMOVED_STATICS: string[]; KEPT: string[] };

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const CORPUS = join(ROOT, '..', 'shared', 'audit-corpus');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('decimal.js trimmed for the add-in (scripts/decimal-trim.cjs)', () => {
  type Trimmed = typeof DecimalJs;
  let Trimmed: Trimmed;
  before(async () => {
    const source = readFileSync(require.resolve('decimal.js/decimal.mjs'), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'outturn-decimal-trim-'));
    const file = join(dir, 'decimal.mjs');
    writeFileSync(file, trim.trimDecimal(source));
    Trimmed = ((await import(pathToFileURL(file).href)) as { default: Trimmed }).default;
  });

  it('removes exactly the listed methods and statics, and keeps pow, log, ln and exp', () => {
    const proto = Trimmed.prototype as unknown as Record<string, unknown>;
    const full = DecimalJs.prototype as unknown as Record<string, unknown>;
    for (const m of trim.REMOVED_METHODS) {
      assert.equal(typeof full[m], 'function', `${m} is a method of the whole decimal.js`);
      assert.equal(proto[m], undefined, `${m} is removed`);
    }
    for (const s of trim.REMOVED_STATICS) assert.equal((Trimmed as unknown as Record<string, unknown>)[s], undefined, `Decimal.${s} is removed`);
    const removed = new Set(trim.REMOVED_METHODS);
    for (const m of Object.keys(full).filter((k) => !removed.has(k))) assert.equal(typeof proto[m], typeof full[m], `${m} is kept`);
    for (const m of trim.KEPT) assert.equal(typeof proto[m], 'function', `${m} is kept`);
  });

  it('computes what the whole library computes with what stays (exact text compared)', () => {
    const T = Trimmed.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -50, toExpPos: 50 });
    const values = ['0', '-0', '1', '-1', '0.5', '24978.41', '-6994481', '123456789012345.67', '1e-7', '0x1F', '2.5', '1.0625'];
    for (const a of values) {
      for (const b of ['3', '-7.25', '0.01', '1000']) {
        const x = new T(a);
        const y = new Dec(a);
        assert.equal(x.plus(b).toFixed(), y.plus(b).toFixed());
        assert.equal(x.minus(b).toFixed(), y.minus(b).toFixed());
        assert.equal(x.times(b).toFixed(), y.times(b).toFixed());
        assert.equal(x.dividedBy(b).toFixed(), y.dividedBy(b).toFixed());
        assert.equal(x.toDecimalPlaces(2).toFixed(2), y.toDecimalPlaces(2).toFixed(2));
        assert.equal(x.cmp(b), y.cmp(b));
      }
      const x = new T(a).abs().plus(1);
      const y = new Dec(a).abs().plus(1);
      assert.equal(x.pow(3).toString(), y.pow(3).toString());
      assert.equal(x.pow('0.5').toString(), y.pow('0.5').toString());
      assert.equal(x.ln().toString(), y.ln().toString());
      assert.equal(x.log(10).toString(), y.log(10).toString());
      assert.equal(new T(a).exp().toString(), new Dec(a).exp().toString());
    }
  });

  it('no code in src/ calls a removed method', () => {
    const names = [...new Set([...trim.REMOVED_METHODS, ...trim.REMOVED_STATICS])];
    const call = new RegExp(`(?<!\\bMath)\\.(${names.join('|')})\\s*\\(`);
    const found: string[] = [];
    for (const f of tsFiles(join(ROOT, 'src'))) {
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        if (call.test(line)) found.push(`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(found, []);
  });

  it('the engine, the audit and the report reader call no removed method on the examples', async function () {
    this.timeout(300000);
    // Every removed method of the decimal.js the product uses, made to record its call.
    const proto = DecimalJs.prototype as unknown as Record<string, unknown>;
    const ctor = Dec as unknown as Record<string, unknown>;
    const saved = new Map<string, unknown>();
    const called: string[] = [];
    for (const m of trim.REMOVED_METHODS) {
      saved.set(m, proto[m]);
      proto[m] = function (this: unknown, ...a: unknown[]) { called.push(m); return (saved.get(m) as (...x: unknown[]) => unknown).apply(this, a); };
    }
    for (const s of trim.REMOVED_STATICS) {
      saved.set(`static ${s}`, ctor[s]);
      ctor[s] = (...a: unknown[]) => { called.push(`Decimal.${s}`); return (saved.get(`static ${s}`) as (...x: unknown[]) => unknown).apply(Dec, a); };
    }
    // A sentinel: a removed method called here is recorded (so the watch itself can fail).
    new Dec(2).sqrt();
    assert.deepEqual(called.splice(0), ['sqrt']);
    const io = { out: () => {}, err: () => {} };
    const out = mkdtempSync(join(tmpdir(), 'outturn-decimal-trim-run-'));
    const runs: string[][] = [];
    try {
      for (const f of readdirSync(EXAMPLES).filter((x) => x.endsWith('.json'))) {
        runs.push(['build', join(EXAMPLES, f), '-o', join(out, `${f}.xlsx`), '--json', join(out, `${f}.result.json`)]);
      }
      runs.push(['build', join(EXAMPLES, 'derbyshire-2020-21.xlsx'), '-o', join(out, 'from-xlsx.xlsx')]);
      runs.push(['build', join(EXAMPLES, 'ledger-export', 'derbyshire-2021-22-month6.json'), '-o', join(out, 'ledger-export.xlsx')]);
      for (const f of readdirSync(CORPUS).filter((x) => /\.(tsv|csv)$/.test(x))) runs.push(['audit', join(CORPUS, f), '--json']);
      for (const f of readdirSync(EXAMPLES).filter((x) => /\.(html|pdf)$/.test(x))) runs.push(['audit', join(EXAMPLES, f), '--json']);
      const codes: string[] = [];
      for (const args of runs) codes.push(`${args[0]} ${relative(ROOT, args[1])}: ${await main(['node', 'outturn', ...args], io)}`);
      assert.ok(runs.length >= 10, `${runs.length} runs`);
      // Every run reached its end (0: clean, 1: findings; never refused input or an internal error): a
      // run stopped early would prove nothing about the engine.
      for (const c of codes) assert.match(c, /: [01]$/, c);
    } finally {
      for (const m of trim.REMOVED_METHODS) proto[m] = saved.get(m);
      for (const s of trim.REMOVED_STATICS) ctor[s] = saved.get(`static ${s}`);
    }
    assert.deepEqual(called, []);
  });
});
