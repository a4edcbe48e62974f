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
      // Housing's gross printed 2,019 for 8,331: a figure, found by its row (2,019 − 7,475 = −5,456 against 856) and the total
      const changed = published(KILKENNY_2002).replace('Housing & Building\t8,331', 'Housing & Building\t2,019');
      assert.deepEqual(flags(audit(changed, KILKENNY_2002)).filter((f) => f.startsWith('5:') || f.startsWith('15:')), ['15:2 auto.cast 46196', '5:4 auto.across -5456']);
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
});
