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

  describe('a nil line whose label a copy lost is no total by where it stands; a Note column\'s numbers do not split the table (T6-06, T6-10)', () => {
    const K2009 = 'kilkenny-income-expenditure-2009.tsv';
    it('Kilkenny 2009: row 13 "| | - | - | - | -" is a line; "Total Expenditure/Income | 16 | …" after a spacer is the total of rows 5-13 (gross 72,471,359 printed 72,471,358: a warning); "2,700,00" unreadable', () => {
      const r = audit(published(K2009), K2009);
      assert.deepEqual(flags(r, { severity: true }).sort(), ['15:3 warning auto.cast 72471359', '22:5 error printed.unreadable undefined', '5:5 warning auto.across 639798', '6:5 warning auto.across 5409399', '8:5 warning auto.across 4187168']);
      assert.equal(r.tables[0].totals.find((t) => t.row === 13), undefined);
      assert.deepEqual(r.tables[0].totals.find((t) => t.row === 15)?.from, 5);
      // "County Charge" is a source of the surplus, not the block's total by the table's convention
      assert.equal(r.tables[0].totals.find((t) => t.row === 22), undefined);
    });
  });

  describe('a surplus for the year is the income or sources less the expenditure or net cost; a total printed over two rows; a spacer inside a statement (T6-03, T6-07)', () => {
    const FALKIRK = 'falkirk-council-tax-income-account-2011-12.tsv';
    const K2010 = 'kilkenny-income-expenditure-2010.tsv';
    it('Falkirk\'s council tax income account: "SURPLUS FOR YEAR" = TOTAL INCOME − TOTAL EXPENDITURE (69,043 − 9,002 = 60,041; 68,522 − 8,879 = 59,643), the General Fund it is appropriated to, and the stepped net (8,817 − 8,970 = (153)) are checked; clean', () => {
      const r = audit(published(FALKIRK), FALKIRK);
      assert.deepEqual(flags(r), []);
      assert.equal(exitCodeOf(r), 0);
      const t = r.tables[0];
      assert.deepEqual({ ...t.totals.find((x) => x.row === 15), why: undefined }, { row: 15, label: 'SURPLUS FOR YEAR', from: 11, to: 14, why: undefined, less: [11] });
      // four totals, two surpluses, two appropriations, two stepped nets
      assert.equal(t.checked.totals, 10);
    });

    it('Falkirk: a surplus 60,141, a General Fund 60,141 and a benefit 8,917 are each found at their cell (they passed "the tables cast" before)', () => {
      const text = published(FALKIRK);
      assert.deepEqual(flags(audit(text.replace('SURPLUS FOR YEAR\t\t60,041', 'SURPLUS FOR YEAR\t\t60,141'), FALKIRK)), ['15:5 auto.cast 60041']);
      assert.deepEqual(flags(audit(text.replace('General Fund\t\t60,041', 'General Fund\t\t60,141'), FALKIRK)), ['17:5 auto.cast.appropriated 60041']);
      assert.deepEqual(flags(audit(text.replace('Council Tax Benefit\t8,817', 'Council Tax Benefit\t8,917'), FALKIRK)), ['7:5 auto.cast.stepped-net -53']);
    });

    it('Kilkenny 2010: the net cost is the total of the same lines as "Total Expenditure/Income" in the net columns; the surplus after a spacer = the four sources − the net cost; only the rounding warnings', () => {
      const r = audit(published(K2010), K2010);
      assert.deepEqual(flags(r, { severity: true }).sort(), ['10:5 warning auto.across 3167187', '15:3 warning auto.cast 72760862', '15:4 warning auto.cast 43976810', '18:5 warning auto.cast 28784055', '5:5 warning auto.across -484442', '7:5 warning auto.across 7587912']);
      const totals = r.tables[0].totals;
      assert.deepEqual([totals.find((x) => x.row === 18)?.from, totals.find((x) => x.row === 18)?.to], [5, 13]);
      assert.deepEqual({ ...totals.find((x) => x.row === 24), why: undefined }, { row: 24, label: 'Surplus/Deficit for Yr Before', from: 18, to: 22, why: undefined, less: [18] });
      assert.deepEqual(r.tables.map((t) => t.range), ['rows 2-28']);
    });

    it('Kilkenny 2010: Rates 11,837,796 (100,000 out) is found at the surplus: 11,837,796 + 17,618,682 + 1,337,207 + 2,750,000 − 28,784,053 = 4,759,632', () => {
      const r = audit(published(K2010).replace('Rates\t\t\t\t11,737,796', 'Rates\t\t\t\t11,837,796'), K2010);
      assert.deepEqual(flags(r, { severity: true }).filter((f) => f.startsWith('24:')), ['24:5 error auto.cast 4759632']);
    });
  });

  describe('the same kinds on a statement nobody tuned them for: Cork City 2020, no spacer row (session 7 trial, T7-08)', () => {
    const CORK = 'corkcity-comprehensive-income-2020.tsv';
    it('the surplus before transfers = rates + LPT − the net cost: 2020\'s 4,000,000 found at its cell (98,844,530 + 13,965,558 − 96,403,065 = 16,407,023, printed 12,407,023); 2019 exact (66,184,863 + 11,927,355 − 72,311,956 = 5,800,262), no sign error on its net cost', () => {
      const r = audit(published(CORK), CORK);
      assert.deepEqual(flags(r, { severity: true }), ['18:4 error auto.cast 16407023']);
      assert.equal(exitCodeOf(r), 1);
      const totals = r.tables[0].totals;
      assert.deepEqual([totals.find((x) => x.row === 15)?.from, totals.find((x) => x.row === 15)?.to], [6, 13]);
      assert.deepEqual({ ...totals.find((x) => x.row === 18), why: undefined }, { row: 18, label: 'Surplus/(Deficit) for Year before Transfers (Note 16)', from: 15, to: 17, why: undefined, less: [15] });
    });
  });

  describe('a line printing no figure between the lines of "Financed by" is a nil line, not a heading; a total printed to fewer places than its lines is exact when it is their sum rounded (T6-08)', () => {
    const CLARE = 'clare-balance-sheet-2019.tsv';
    it('Clare\'s balance sheet: Total Reserves = rows 13-17 across "Specific Revenue Reserve" (2,770.2 + 37.0 + 2.5 − 33.6 = 2,776.1 printed 2,776; 2,754.5 + 24.3 + 1.9 − 36.2 = 2,744.5 printed 2,745); Net Assets 2,745 over 2,744.5 exact; only the rounding warning at net current assets (66.2 − 35.3 = 30.9 printed 30.8)', () => {
      const r = audit(published(CLARE), CLARE);
      assert.deepEqual(flags(r, { severity: true }), ['9:2 warning auto.cast 30.9']);
      assert.deepEqual([r.tables[0].totals.find((x) => x.row === 18)?.from, r.tables[0].totals.find((x) => x.row === 18)?.to], [13, 17]);
    });

    it('Clare: General Revenue Reserve printed 102.5 (for 2.5) is found at Total Reserves: 2,770.2 + 37.0 + 102.5 − 33.6 = 2,876.1', () => {
      const r = audit(published(CLARE).replace('General Revenue Reserve\t2.5', 'General Revenue Reserve\t102.5'), CLARE);
      assert.deepEqual(flags(r, { severity: true }), ['18:2 error auto.cast 2876.1', '9:2 warning auto.cast 30.9']);
    });
  });
});
