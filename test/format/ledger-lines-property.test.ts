// The ledger-lines fast path (src/format/ledger-lines.ts) earns its place only if it is never more
// lenient than the JSON Schema: over arbitrary line-like values — good lines, near misses of every
// field (money text such as "1.", ".5", "+1", "1e5", " 1", Arabic-Indic digits; codes of 0, 64, 65
// characters, astral characters whose UTF-16 length is twice their length; descriptions about 255
// long; floats, negatives, NaN, Infinity, booleans, null, arrays; unknown and missing fields) — a
// line the fast path accepts is one the product's Ajv validator accepts too, in a valid document.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ledgerLinesValid } from '../../src/format/ledger-lines';
import { schemaValidator } from '../../src/format/schema-validator';
import { ledgerDoc } from '../support/forecast';

const digits = fc.stringMatching(/^[0-9]{1,18}$/);
const goodMoney = fc.oneof(
  fc.tuple(fc.boolean(), digits, fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined })).map(([neg, w, f]) => `${neg ? '-' : ''}${w}${f !== undefined ? `.${f}` : ''}`),
  fc.integer(),
  fc.maxSafeInteger(),
);
const nearMiss = fc.constantFrom('', '-', '1.', '.5', '+1', '1e5', ' 1', '1 ', '1,234', '1.2.3', '--1', '\u0661\u0662', '0x10', '１', '1.-2', 'NaN', '-.5', '1.5 ');
const anything = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1.5, -1, 2 ** 60),
  fc.string({ maxLength: 8 }),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.constant({}),
);
const money = fc.oneof({ weight: 12, arbitrary: goodMoney }, { weight: 1, arbitrary: nearMiss }, { weight: 1, arbitrary: anything }, { weight: 1, arbitrary: fc.string({ minLength: 990, maxLength: 1010, unit: fc.constantFrom('1', '2') }) });
const code = fc.oneof(
  { weight: 10, arbitrary: fc.string({ minLength: 1, maxLength: 64 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0 }) },
  { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(64), 'x'.repeat(65), '😀'.repeat(32), '😀'.repeat(33), '😀'.repeat(64), '😀'.repeat(65), -1, 1.5) },
  { weight: 1, arbitrary: anything },
);
const description = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('d'.repeat(255), 'd'.repeat(256), '😀'.repeat(127), '😀'.repeat(128), '😀'.repeat(255), '😀'.repeat(256)) },
  { weight: 1, arbitrary: anything },
);
// fast-check's option: absent once in `freq` draws
const field = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
const required = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 40 });
const line = fc.oneof(
  {
    weight: 30,
    arbitrary: fc.record({
      costCentre: required(code),
      account: required(code),
      description: field(description),
      budget: required(money),
      actualToDate: required(money),
      commitments: field(money),
      forecast: field(money),
      extra: fc.oneof({ weight: 20, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('acutal', 'Budget', 'heading', '__proto__x') }),
    }).map(({ extra, ...l }) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(l)) if (v !== undefined) out[k] = v;
      if (extra) out[extra] = '1';
      return out;
    }),
  },
  { weight: 1, arbitrary: anything },
);

describe('ledger lines: the fast path is never more lenient than the schema', () => {
  const validate = schemaValidator();
  const mapping = [{ heading: 'A', costCentrePrefix: 'C' }];
  const docOf = (lines: unknown[]) => ledgerDoc({ lines, mapping });

  it('the document around the lines is valid, and the generator makes lines of both kinds', () => {
    assert.ok(validate(docOf([{ costCentre: 'C1', account: '4000', budget: '1.50', actualToDate: -2 }])), JSON.stringify(validate.errors));
    const sample = fc.sample(line, { numRuns: 2000, seed: 9 });
    const accepted = sample.filter((l) => ledgerLinesValid([l])).length;
    assert.ok(accepted > 200 && accepted < 1800, `the fast path accepted ${accepted} of 2000: the generator must make both kinds`);
  });

  it('every line the fast path accepts, the schema accepts (and a batch of lines likewise)', () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
      if (!ledgerLinesValid(lines)) return;
      assert.ok(validate(docOf(lines)), `fast path accepted, schema refused: ${JSON.stringify(lines)}: ${JSON.stringify(validate.errors)}`);
    }), { numRuns: 3000 });
  });
});
