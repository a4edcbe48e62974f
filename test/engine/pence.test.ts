// The fast exact sum (integer pence, safe-integer checked) against decimal.js on the same amounts.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Dec, sum, text } from '../../src/base/decimal';
import { ExactSum, pence } from '../../src/engine/pence';

const decimalText = fc.tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,19}$/), fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: undefined }))
  .map(([neg, whole, frac]) => `${neg ? '-' : ''}${whole}${frac !== undefined ? `.${frac}` : ''}`);

describe('exact pence sums (src/engine/pence.ts)', () => {
  it('reads pence from decimal text exactly, and declines what it cannot take', () => {
    assert.equal(pence('12345.67'), 1234567);
    assert.equal(pence('-0.5'), -50);
    assert.equal(pence('100'), 10000);
    assert.equal(pence('-0'), -0);
    assert.equal(pence('0.001'), undefined); // three places: decimal.js takes it
    assert.equal(pence('1234567890123456'), undefined); // 18 digits of pence
    assert.equal(pence('9999999999999.99'), 999999999999999);
    // 15 digits written, but 17 digits of pence: beyond 2^53, so decimal.js takes them (not a crash)
    assert.equal(pence('999999999999999'), undefined);
    assert.equal(pence('99999999999999.9'), undefined);
    assert.equal(pence('9999999999999'), 999999999999900);
    const s = new ExactSum();
    assert.ok(s.addText('999999999999999'));
    assert.ok(s.addText('99999999999999.9'));
    assert.equal(text(s.value()), '1099999999999998.9');
    for (const bad of ['', '-', '1.', '.5', '1e5', '1,234', ' 1', '1 ', '+1', '0x10', 'NaN', '--1', '1.2.3']) assert.equal(pence(bad), undefined, bad);
  });

  it('sums any decimal texts exactly, as decimal.js does', () => {
    fc.assert(fc.property(fc.array(decimalText, { maxLength: 60 }), (xs) => {
      const s = new ExactSum();
      for (const x of xs) assert.ok(s.addText(x));
      assert.equal(text(s.value()), text(sum(xs.map((x) => new Dec(x)))));
    }), { numRuns: 500 });
  });

  it('carries out of the safe-integer range instead of losing pennies', () => {
    const s = new ExactSum();
    const big = '9999999999999.99'; // 999,999,999,999,999 pence: a thousand of these pass 2^53
    for (let i = 0; i < 1000; i++) s.addText(big);
    s.addText('0.01');
    assert.equal(text(s.value()), '9999999999999990.01');
    const neg = new ExactSum();
    for (let i = 0; i < 1000; i++) neg.addText(`-${big}`);
    neg.addText('0.01');
    assert.equal(text(neg.value()), '-9999999999999989.99');
    assert.throws(() => neg.addPence(2 ** 53), RangeError);
    assert.throws(() => neg.addPence(0.5), RangeError);
  });

  it('refuses text that is not a decimal, adding nothing', () => {
    const s = new ExactSum();
    s.addText('1.00');
    assert.equal(s.addText('1e3'), false);
    assert.equal(s.addText('£5'), false);
    assert.equal(text(s.value()), '1');
  });
});
