// Kinds of statement of accounts the audit had not been tuned for, found by session 6's trial (entries
// T6-NN of its findings note), each shown on the real table as printed (test/fixtures/published/audit,
// sources in its SOURCES.md) and with figures changed. Every expected figure is recomputed here by hand
// from the printed ones, in exact decimal.
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags, published } from '../support/audit-helpers';

const KILKENNY_2002 = 'kilkenny-income-expenditure-2002.tsv';
const KILKENNY_2003 = 'kilkenny-income-expenditure-2003.tsv';

describe('audit: statements of accounts from session 6\'s trial', () => {
  describe('a row of bare years and a row of units under the captions are caption rows, never figures (T6-04, T6-12, T6-14)', () => {
    it('Kilkenny 2002: "2002 | 2002 | 2002 | 2002" and "\'000" ×4 are header rows; net = gross − income read on the lines; only the two rounding warnings (17,463 − 12,057 = 5,406 printed 5,405; 2,092 − 428 = 1,664 printed 1,665)', () => {
      const r = audit(published(KILKENNY_2002), KILKENNY_2002);
      assert.deepEqual(flags(r, { severity: true }), ['6:4 warning auto.across 5406', '10:4 warning auto.across 1664']);
      assert.equal(exitCodeOf(r), 1);
      // the captions carry the year and the unit; the first row of the body is the first line
      assert.deepEqual(r.tables.map((t) => t.range), ['rows 2-25']);
      assert.deepEqual(r.tables[0].differences, [{ column: 4, caption: "Net Expenditure Actual 2002 '000", is: "Gross Expenditure 2002 '000 − Income 2002 '000", agree: 6 }]);
      // the total adds the eight lines and the nil line, not the year row: 52,508 and 33,993
      assert.deepEqual(r.tables[0].totals.find((t) => t.row === 15), { row: 15, label: 'Total Expenditure/Income', from: 5, to: 13, why: 'labelled as a total of the rows since the last heading or total' });
    });

    it('Kilkenny 2003 ("€ \'000" and "€\'000" as the unit row): clean, exit 0', () => {
      const r = audit(published(KILKENNY_2003), KILKENNY_2003);
      assert.deepEqual(flags(r), []);
      assert.equal(exitCodeOf(r), 0);
    });

    it('a bare currency sign per column ("€ | € | € | €") is a unit row too; a year printed with a separator ("2,019") stays a figure', () => {
      const lines = published(KILKENNY_2002).split('\n');
      lines[3] = '\t€\t€\t€\t€';
      const r = audit(lines.join('\n'), KILKENNY_2002);
      assert.deepEqual(flags(r), ['6:4 auto.across 5406', '10:4 auto.across 1664']);
      // Housing's gross printed 2,019 for 8,331: a figure, found at its cell — the one its row (2,019 − 7,475 = −5,456
      // against 856) and the gross total (lines 46,196 against 52,508) share: 856 + 7,475 = 8,331
      const changed = published(KILKENNY_2002).replace('Housing & Building\t8,331', 'Housing & Building\t2,019');
      assert.deepEqual(flags(audit(changed, KILKENNY_2002)).filter((f) => f.startsWith('5:') || f.startsWith('15:')), ['5:2 auto.shared-figure 8331']);
    });
  });

  describe('a balancing reading out in one column loses to the running total printed under it (T6-05, T6-12)', () => {
    // Rows 18-23: net cost (18,515) | (19,436); Rates 5,818 | 5,703; Local Government Fund 12,674 | 12,673;
    // Changes To Urbans 1,186 | 1,060; spacer; Surplus / (Deficit) for Year before Transfers 1,163 | 0.
    // The budget column nets to nil (−19,436 + 5,703 + 12,673 + 1,060 = 0): that says its surplus is nil.
    it('as printed: row 23 = rows 18-21 in both columns (−18,515 + 5,818 + 12,674 + 1,186 = 1,163; budget 0), "Changes To Urbans" a line, no finding there', () => {
      const r = audit(published(KILKENNY_2002), KILKENNY_2002);
      const t = r.tables[0].totals;
      assert.deepEqual(t.find((x) => x.row === 23)?.from, 18);
      assert.equal(t.find((x) => x.row === 21), undefined);
      assert.ok(!r.findings.some((f) => f.rule === 'cast.balancing'));
    });

    it('Rates 5,918 (+100): found at the surplus, which the lines now make 1,263', () => {
      const r = audit(published(KILKENNY_2002).replace('Rates\t\t\t5,818', 'Rates\t\t\t5,918'), KILKENNY_2002);
      assert.deepEqual(flags(r), ['23:4 auto.cast 1263', '6:4 auto.across 5406', '10:4 auto.across 1664']);
    });

    it('Rates budget 5,803 (+100): found at the surplus budget, 100 where it prints 0', () => {
      const r = audit(published(KILKENNY_2002).replace('Rates\t\t\t5,818\t5,703', 'Rates\t\t\t5,818\t5,803'), KILKENNY_2002);
      assert.deepEqual(flags(r), ['23:5 auto.cast 100', '6:4 auto.across 5406', '10:4 auto.across 1664']);
    });
  });

  describe('a nil total that is exactly the sum of two figures or more that are not nil is arithmetic, not a coincidence (T6-02)', () => {
    const CASH = 'transportscotland-cash-flow-2010-11.tsv';
    it('Transport Scotland\'s cash flow: "Net Increase/ (Decrease) in cash" (0 | 0) is read as the three section totals (−1,522,020 − 268,639 + 1,790,659 = 0; −1,477,398 − 324,686 + 1,802,084 = 0), clean', () => {
      const r = audit(published(CASH), CASH);
      assert.deepEqual(flags(r), []);
      assert.deepEqual(r.tables[0].totals.find((t) => t.row === 26), { row: 26, label: 'Net Increase/ (Decrease) in cash and cash equivalents in the period', from: 13, to: 25, why: 'labelled as closing a block ("Net Increase/ (Decrease) in cash and cash equivalents in the period")' });
    });

    it('the net increase printed 100,000 (for 0): an error at its cell, the restated year\'s exact nil placing the total', () => {
      const lines = published(CASH).split('\n');
      lines[25] = lines[25].replace(/\t0\t0$/, '\t100,000\t0');
      assert.deepEqual(flags(audit(lines.join('\n'), CASH)), ['26:3 auto.cast 0']);
    });

    it('Kilkenny 2003: Rates printed nil (for 6,358) is found at the surplus, its budget column exactly nil (−21,020 + 6,395 + 13,425 + 1,200 = 0): −16,981 + 0 + 13,425 + 1,200 = −2,356', () => {
      const r = audit(published(KILKENNY_2003).replace('Rates\t\t\t6,358', 'Rates\t\t\t0'), KILKENNY_2003);
      assert.deepEqual(flags(r), ['23:4 auto.cast -2356']);
    });

    it('Kilkenny 2003: the overall surplus 935 (for 934) is found: "Overall Surplus / (Deficit) for Year" closes the surplus and the transfers (4,002 − 3,068 = 934)', () => {
      const r = audit(published(KILKENNY_2003).replace(/(Overall[^\t]*\t\t\t)934/, '$1935'), KILKENNY_2003);
      assert.deepEqual(flags(r, { severity: true }), ['25:4 warning auto.cast 934']);
    });
  });
});
