// Relations across and down (session 11, fix-c; the session-9/10 trials' T10-57, T10-56, T9-12): each kind
// on the real table that showed it (test/fixtures/published/audit, CASES.json, SOURCES.md, verify.py), with a
// change to a printed figure that the reading must catch at its cell. Every expected figure below is the
// hand arithmetic of verify.py, in exact decimal.
import { strict as assert } from 'node:assert';
import { audit, flags, published } from '../support/audit-helpers';

/** The text with one cell (1-based row and column) replaced. */
function withCell(text: string, r: number, c: number, v: string): string {
  const lines = text.split('\n');
  const cells = lines[r - 1].split('\t');
  assert.ok(c - 1 < cells.length, `row ${r} has no column ${c}`);
  cells[c - 1] = v;
  lines[r - 1] = cells.join('\t');
  return lines.join('\n');
}

describe('audit: relations across and down (session-10/9 trial kinds, fix-c)', () => {
  describe('a cash book with a running balance column and no totals (T10-57)', () => {
    const FILE = 'shirley-pc-general-account-2014-15.tsv';
    it('Shirley PC: every Balance = the Balance above − Payments + Receipts, 30 rows rolled, clean', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables.length, 1);
      assert.equal(r.tables[0].checked.rollForwards, 30);
    });
    it('a balance 100 too high (8,051.06 → 8,151.06 after Insurance) is an error at its cell, the next row its consequence', () => {
      const r = audit(withCell(published(FILE), 11, 6, '£8,151.06'), FILE);
      // 8,262.71 − 211.65 = 8,051.06
      assert.deepEqual(flags(r, { severity: true }), ['11:6 error auto.running-balance 8051.06']);
    });
    it('a payment put in the receipts column (Insurance £211.65) is an error at the balance it breaks', () => {
      const r = audit(withCell(withCell(published(FILE), 11, 4, ''), 11, 5, '£211.65'), FILE);
      // 8,262.71 + 211.65 = 8,474.36, printed 8,051.06
      assert.deepEqual(flags(r), ['11:6 auto.running-balance 8474.36']);
    });
    it('the last balance one penny transposed (1,427.45 → 1,427.54) is an error: 1,598.15 − 170.70 = 1,427.45', () => {
      const r = audit(withCell(published(FILE), 33, 6, '£1,427.54'), FILE);
      assert.deepEqual(flags(r, { severity: true }), ['33:6 error auto.running-balance 1427.45']);
    });
  });
});
