// Ledger lines are validated by a hand-written pass (src/format/validate.ts); the schema still decides
// every message: a bad line, anywhere among many good ones, gets the same located error the schema
// gives, and the model shares the document's line objects rather than copying them.
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { InvalidInput } from '../../src/format/errors';
import schema from '../../src/format/outturn-v1.schema.json';
import { toModel } from '../../src/format/validate';
import { ledgerDoc } from '../support/forecast';

const good = (i: number) => ({ costCentre: `CC${i % 7}`, account: String(4000 + (i % 13)), description: `line ${i}`, budget: `${i}.25`, actualToDate: `-${i}` });
const mapping = [{ heading: 'A', costCentrePrefix: 'CC' }];
const errorsOf = (doc: unknown) => {
  try {
    toModel(doc);
  } catch (e) {
    if (e instanceof InvalidInput) return e.errors;
    throw e;
  }
  return [];
};

describe('ledger lines: the hand-written pass and the schema', () => {
  it('accepts good lines and shares them with the model (text kept as given; integer JSON numbers become their digits)', () => {
    const lines: Record<string, unknown>[] = Array.from({ length: 3000 }, (_, i) => good(i));
    lines[10] = { ...good(10), costCentre: 17, budget: 5, commitments: '1.5' };
    const doc = ledgerDoc({ lines, mapping: [...mapping, { heading: 'B', costCentre: 17 }] });
    const m = toModel(doc).revenue!.ledger!;
    assert.equal(m.lines.length, 3000);
    assert.equal(m.lines[0], lines[0]);
    assert.deepEqual(m.lines[10], { ...good(10), costCentre: '17', budget: '5', commitments: '1.5' });
    assert.equal((lines[10] as { budget: unknown }).budget, 5, 'the document is not changed');
  });

  // Every kind of bad line, at line 2000 of 3000: the errors are the schema's, at the same place.
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  const validate = ajv.compile(schema);
  const cases: [string, unknown, string, RegExp][] = [
    ['an unknown field', { ...good(1), acutal: '1' }, '$.revenue.ledger.lines[2000].acutal', /unknown field/],
    ['a missing field', { costCentre: 'CC1', account: '4000', budget: '1' }, '$.revenue.ledger.lines[2000].actualToDate', /required field is missing/],
    ['money as a float', { ...good(1), budget: 12.5 }, '$.revenue.ledger.lines[2000].budget', /must be money/],
    ['money text with an exponent', { ...good(1), actualToDate: '1e5' }, '$.revenue.ledger.lines[2000].actualToDate', /must be money/],
    ['money text ending in a point', { ...good(1), forecast: '1.' }, '$.revenue.ledger.lines[2000].forecast', /must be money/],
    ['money as a boolean', { ...good(1), commitments: true }, '$.revenue.ledger.lines[2000].commitments', /must be money/],
    ['a negative code', { ...good(1), costCentre: -1 }, '$.revenue.ledger.lines[2000].costCentre', /must be a code/],
    ['an empty code', { ...good(1), account: '' }, '$.revenue.ledger.lines[2000].account', /must be a code/],
    ['a code of 65 characters', { ...good(1), account: 'x'.repeat(65) }, '$.revenue.ledger.lines[2000].account', /must be a code/],
    ['a description that is a number', { ...good(1), description: 5 }, '$.revenue.ledger.lines[2000].description', /^the description must be text \(not 5\)$/],
    ['a description of 256 characters', { ...good(1), description: 'd'.repeat(256) }, '$.revenue.ledger.lines[2000].description', /longer than 255 characters \(it has 256\)/],
    ['a line that is not an object', ['CC1', '4000', '1', '1'], '$.revenue.ledger.lines[2000]', /^item 2001 of the lines must be a group of fields/],
    ['a line that is null', null, '$.revenue.ledger.lines[2000]', /^item 2001 of the lines must be a group of fields/],
    ['money text over the size limit', { ...good(1), budget: '1'.repeat(1001) }, '$.revenue.ledger.lines[2000].budget', /1,001 characters/],
  ];
  for (const [what, line, where, message] of cases) {
    it(`${what}: located as the schema locates it`, () => {
      const lines: unknown[] = Array.from({ length: 3000 }, (_, i) => good(i));
      lines[2000] = line;
      const doc = ledgerDoc({ lines, mapping });
      const errs = errorsOf(doc);
      assert.ok(errs.some((e) => e.where === where && message.test(e.message)), JSON.stringify(errs));
      assert.ok(errs.every((e) => e.where.startsWith('$.revenue.ledger.lines[2000]')), JSON.stringify(errs));
      // the schema alone agrees that the line, and only it, is wrong (the size limit is checked first)
      if (!/characters/.test(message.source)) {
        assert.equal(validate(doc), false);
        assert.ok(validate.errors!.every((e) => e.instancePath.startsWith('/revenue/ledger/lines/2000')));
      }
    });
  }

  it('errors elsewhere in the document are reported as before, with the lines good', () => {
    const doc = ledgerDoc({ lines: Array.from({ length: 100 }, (_, i) => good(i)), mapping, mnoth: 3 });
    assert.deepEqual(errorsOf(doc), [{ where: '$.revenue.ledger.mnoth', message: 'unknown field (check the spelling; unknown fields are not allowed)' }]);
  });

  it('a code the fast pass cannot be sure of is left to the schema (64 characters outside the BMP: 128 UTF-16 units)', () => {
    const lines: unknown[] = Array.from({ length: 10 }, (_, i) => good(i));
    lines[3] = { ...good(3), account: '\u{1F600}'.repeat(64) };
    assert.deepEqual(errorsOf(ledgerDoc({ lines, mapping })), []);
    lines[3] = { ...good(3), account: '\u{1F600}'.repeat(65) };
    assert.deepEqual(errorsOf(ledgerDoc({ lines, mapping })).map((e) => e.where), ['$.revenue.ledger.lines[3].account']);
  });
});
