// Relations across and down (session 11, fix-c; the session-9/10 trials' T10-57, T10-56, T9-12): each kind
// on the real table that showed it (test/fixtures/published/audit, CASES.json, SOURCES.md, verify.py), with a
// change to a printed figure that the reading must catch at its cell. Every expected figure below is the
// hand arithmetic of verify.py, in exact decimal.
import { strict as assert } from 'node:assert';
import { audit, flags, published, withCell } from '../support/audit-helpers';

/** The text with one cell (1-based row and column) replaced. */
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
  describe('an income line printed unsigned between a spending line and a net line (T9-12)', () => {
    const NEW = 'islington-lee-valley-rpa-levy-2025-26.tsv';
    const OLD = 'islington-lee-valley-rpa-levy-2024-25.tsv';
    it('Lee Valley 2024/25: "Net service operating costs" = expenditure − income (15.5 − 7.3 = 8.2; 15.3 − 7.8 = 7.5), no false sum, no sign error', () => {
      const r = audit(published(OLD), OLD);
      assert.deepEqual(flags(r), []);
      const net = r.tables[0].totals.find((x) => x.row === 4);
      assert.ok(net && net.from === 2 && net.to === 3 && net.less?.includes(3), JSON.stringify(r.tables[0].totals));
    });
    it('Lee Valley 2025/26 ("spending minus income"): the net line read so, and the income figure changed by 0.1 is found at the net line', () => {
      const clean = audit(published(NEW), NEW);
      assert.deepEqual(flags(clean), []);
      assert.ok(clean.tables[0].totals.some((x) => x.row === 4 && x.less?.includes(3)));
      // 15.3 − 7.9 = 7.4, printed 7.5: within the rounding of three figures to 0.1 (±0.15), a warning at the net line
      const r = audit(withCell(published(NEW), 3, 2, '£7.9m'), NEW);
      assert.deepEqual(flags(r, { severity: true }), ['4:2 warning auto.cast 7.4']);
    });
    it('the income changed by a whole £1m (7.3 → 8.3) is an error at the net line: 15.5 − 8.3 = 7.2, printed 8.2', () => {
      const r = audit(withCell(published(OLD), 3, 2, '£8.3m'), OLD);
      assert.deepEqual(flags(r, { severity: true }), ['4:2 error auto.cast 7.2']);
    });
  });

  describe("an income and expenditure account's bottom line (T10-56)", () => {
    const FILE = 'eastbedlington-pc-income-expenditure-2009-10.tsv';
    it('East Bedlington PC: Net Income for the Year = the income total − Total Expenditure (75,002 − 19,351 = 55,651), clean', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), []);
      assert.ok(r.tables[0].totals.some((x) => x.row === 39 && x.less?.includes(38)), JSON.stringify(r.tables[0].totals));
    });
    it('the bottom line 100 out (55,651 → 55,751) is an error at its cell', () => {
      const r = audit(withCell(published(FILE), 39, 3, '55,751'), FILE);
      assert.deepEqual(flags(r, { severity: true }), ['39:3 error auto.cast.account-net 55651']);
    });
    it('the precept 100 out (75,002 → 75,102) is found: the unlabelled income total no longer closes its one line', () => {
      const r = audit(withCell(published(FILE), 4, 3, '75,102'), FILE);
      assert.deepEqual(flags(r, { severity: true }), ['5:3 error auto.cast.account-income 75102']);
    });
    it('the income total printed as nil is found though the expenditure total then reads across "Less Expenditure": 0 − 19,351, printed 55,651', () => {
      const r = audit(withCell(published(FILE), 5, 3, '0'), FILE);
      assert.deepEqual(flags(r, { severity: true }), ['39:3 error auto.cast.account-net -19351', '5:3 error auto.cast.account-income 75002']);
    });
    it('a sum is never the reading: an expenditure line 100 out is found at Total Expenditure, the bottom line left as printed', () => {
      const r = audit(withCell(published(FILE), 19, 3, '1,150'), FILE);
      // 19,351 + 100 = 19,451 over the lines; printed 19,351 — found at Total Expenditure (which run of the
      // sub-headed lines the failing total is then cast over is the totals reading's, not this kind's)
      assert.deepEqual(flags(r, { severity: true }).map((x) => x.split(' ').slice(0, 3).join(' ')), ['38:3 error auto.cast']);
    });
  });
  describe('whole-number % columns under year groups, learned from two lines (T10-08)', () => {
    const FILE = 'hansard-police-pension-topup-grant-2006-09.tsv';
    it('each % column is its own year group\'s top-up / total payments: clean, 6 percentages', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.percentages, 6);
      assert.ok(r.tables[0].percentages!.every((p) => !/change over/.test(p.is)), JSON.stringify(r.tables[0].percentages));
    });
    it('6% → 7% at [3,4] is flagged at its cell (7,670,400 / 129,195,325 = 5.94%), not explained by another year\'s total payments', () => {
      assert.deepEqual(flags(audit(withCell(published(FILE), 3, 4, '7%'), FILE), { severity: true }), ['3:4 error auto.percent 6']);
    });
    it('8% → 9% at [3,10] is flagged there (11,915,274 / 141,835,492 = 8.40%), the clean Bedfordshire cell not blamed', () => {
      assert.deepEqual(flags(audit(withCell(published(FILE), 3, 10, '9%'), FILE), { severity: true }), ['3:10 error auto.percent 8']);
    });
    it('8% → 9% at [3,7] is flagged there (11,592,000 / 138,011,585 = 8.40%), not explained as the grant over the payments less it (9.17%): the header names what it divides by', () => {
      assert.deepEqual(flags(audit(withCell(published(FILE), 3, 7, '9%'), FILE), { severity: true }), ['3:7 error auto.percent 8']);
    });
    it('2% → 3% at [4,7] is flagged there (1,081,800 / 50,858,043 = 2.13%)', () => {
      assert.deepEqual(flags(audit(withCell(published(FILE), 4, 7, '3%'), FILE), { severity: true }), ['4:7 error auto.percent 2']);
    });
  });
});
