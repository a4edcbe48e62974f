// The outturn/v1 validator precompiled (Ajv standalone, scripts/ajv-standalone.cjs) — what the
// compiled command line and the add-in run — reports exactly what Ajv compiling the schema at
// run time reports (what the tests, through tsx, run), on the examples and on thousands of
// documents with one field broken.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { AJV_OPTIONS, CHECKS_READER_DOCUMENTS, PRECOMPILED, type SchemaValidator, schemaValidator } from '../../src/format/schema-validator';

const ROOT = join(__dirname, '..', '..');
const script = require(join(ROOT, 'scripts', 'ajv-standalone.cjs')) as { OPTIONS: object; writeValidator(file: string): string; validatorSource(): string };

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** every path (keys and indices) in a document */
function paths(x: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (x !== null && typeof x === 'object') {
    for (const [k, v] of Array.isArray(x) ? x.map((v, i) => [i, v] as const) : Object.entries(x)) {
      out.push([...at, k]);
      paths(v, [...at, k], out);
    }
  }
  return out;
}

/** A copy of the document with the field at `path` set to `value`, or removed when `value` is undefined. */
function broken(doc: Json, path: (string | number)[], value: Json | undefined): Json {
  const d = structuredClone(doc) as Record<string | number, Json>;
  let node = d as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = value;
  return d;
}

describe('the precompiled outturn/v1 validator', () => {
  const file = script.writeValidator(join(ROOT, 'node_modules', '.cache', 'outturn', 'schema-validator.cjs'));
  const pre = require(file) as { schemaValidator(): SchemaValidator; PRECOMPILED: boolean; AJV_OPTIONS: object; CHECKS_READER_DOCUMENTS: boolean };
  const runtime = schemaValidator();
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(ROOT, 'examples', f), 'utf8')) as Json)
    .filter((d) => d !== null && typeof d === 'object' && !Array.isArray(d) && d.format === 'outturn/v1');

  it('has the same options and exports as src/format/schema-validator.ts, and no copy of the schema', () => {
    assert.deepEqual(script.OPTIONS, AJV_OPTIONS);
    assert.deepEqual(pre.AJV_OPTIONS, AJV_OPTIONS);
    assert.equal(PRECOMPILED, false);
    assert.equal(pre.PRECOMPILED, true);
    // the command line checks the template reader's documents against the schema too, as these sources do
    assert.equal(CHECKS_READER_DOCUMENTS, true);
    assert.equal(pre.CHECKS_READER_DOCUMENTS, true);
    const source = script.validatorSource();
    assert.doesNotMatch(source, /const schema\d+ =/);
    assert.doesNotMatch(source, /new Function|eval\(/);
    assert.doesNotMatch(source, /A decimal string, or an integer JSON number/, 'the schema\'s descriptions are not carried');
  });

  it('accepts every example', () => {
    assert.ok(examples.length >= 3);
    for (const d of examples) assert.equal(pre.schemaValidator()(d), true);
  });

  it('reports the same errors as Ajv at run time, one field broken anywhere in the examples', function () {
    this.timeout(60_000);
    const bad: Json[] = [null, true, false, 'x', '12x', '', -1, 1.5, 0, {}, [], { x: 1 }, ['a'], 'a'.repeat(300)];
    const cases = examples.flatMap((d) => paths(d).map((p) => [d, p] as const));
    fc.assert(fc.property(fc.constantFrom(...cases), fc.option(fc.constantFrom(...bad), { nil: undefined }), ([doc, path], value) => {
      const d = broken(doc, path, value);
      const v = pre.schemaValidator();
      assert.equal(v(d), runtime(d));
      assert.deepEqual(v.errors, runtime.errors);
    }), { numRuns: 200 });
  });

  it('names each definition in its errors as Ajv does where it inlines it: every field of the examples broken, one at a time', function () {
    this.timeout(120_000);
    // The standalone code compiles each definition once (inlineRefs: false) and puts
    // "#/definitions/NAME" back in front of its errors' schemaPath (scripts/ajv-standalone.cjs):
    // validate.ts words an error by that path ("must be money: …"). Every path of each example
    // (a ledger's lines: its first two only), each broken value and removal, against Ajv at run time.
    const bad: (Json | undefined)[] = [undefined, null, true, 'x', '12x', '', -1, 1.5, 0, {}, ['a'], 'a'.repeat(300)];
    const named = new Set<string>();
    let compared = 0;
    for (const doc of examples) {
      const small = structuredClone(doc) as Record<string, Json>;
      const ledger = (small.revenue as Record<string, Json> | undefined)?.ledger as Record<string, Json[]> | undefined;
      if (ledger?.lines) ledger.lines = ledger.lines.slice(0, 2);
      // two optional settings no example gives, so that they too are broken
      const revenue = small.revenue as Record<string, Json> | undefined;
      if (revenue) Object.assign(revenue, { decimals: 1, varianceSign: 'budget-minus-outturn' }, revenue);
      for (const path of paths(small)) {
        for (const value of bad) {
          const d = broken(small, path, value);
          const v = pre.schemaValidator();
          assert.equal(v(d), runtime(d), JSON.stringify(path));
          assert.deepEqual(v.errors, runtime.errors, JSON.stringify(path));
          for (const e of v.errors ?? []) named.add(/^#\/definitions\/(\w+)\//.exec(e.schemaPath)?.[1] ?? '');
          compared++;
        }
      }
    }
    assert.ok(compared > 10_000, `${compared} documents compared`);
    // every definition Ajv would inline (none with a $ref inside), each seen named in an error
    for (const name of ['money', 'percent', 'year', 'decimals', 'varianceSign', 'caption', 'units', 'label', 'ref', 'code', 'weight']) assert.ok(named.has(name), `no error named #/definitions/${name}: ${[...named].join(', ')}`);
  });
});
