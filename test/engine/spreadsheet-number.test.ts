// The pane's decimal-free conversion to a spreadsheet number agrees with the engine's.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Dec, text, toSpreadsheetNumber } from '../../src/base/decimal';
import { spreadsheetNumber } from '../../src/base/spreadsheet-number';

describe('spreadsheetNumber (no decimal.js) = toSpreadsheetNumber', () => {
  const decimalText = fc.tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,18}$/), fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined }))
    .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`);

  it('the same number, or both refuse (more than 15 significant digits), on random decimal text', () => {
    fc.assert(fc.property(decimalText, (v) => {
      let expected: number | 'throws';
      try {
        expected = toSpreadsheetNumber(new Dec(v));
      } catch {
        expected = 'throws';
      }
      let got: number | 'throws';
      try {
        got = spreadsheetNumber(v);
      } catch {
        got = 'throws';
      }
      assert.ok(Object.is(got, expected), `${v}: ${String(got)} vs ${String(expected)}`);
    }), { numRuns: 5000 });
  });

  it('real values', () => {
    assert.equal(spreadsheetNumber('-6994481'), -6994481);
    assert.equal(spreadsheetNumber('24978.41'), 24978.41);
    assert.ok(Object.is(spreadsheetNumber('-0.00'), 0));
    assert.equal(spreadsheetNumber('999999999999999'), 999999999999999);
    assert.equal(spreadsheetNumber('0000123.4500'), 123.45);
    assert.throws(() => spreadsheetNumber('1234567890123456'), /more than 15 significant digits/);
    assert.throws(() => spreadsheetNumber('1,234'), /not a decimal/);
    assert.equal(text(new Dec(String(spreadsheetNumber('12345678901234.5')))), '12345678901234.5');
  });
});
