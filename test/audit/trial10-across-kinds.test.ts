// Relations across the rows and in words left by the session-9 trial (entries T9-58, T9-59, T9-60 … in the
// trial-findings note), each shown on the real table as printed (test/fixtures/published/audit, sources in its
// SOURCES.md) and with one figure changed. Every expected figure is recomputed here by hand from the printed
// ones, in exact decimal.
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags as flagsOf, published } from '../support/audit-helpers';

const flags = (r: ReturnType<typeof audit>) => flagsOf(r, { severity: true }).sort();

describe('audit: relations across the rows and in words (session-9 trial T9-58, T9-59, T9-60 …)', () => {
  describe('the bank reconciliation (the AGAR pro forma): each half\'s arithmetic and the two halves\' agreement (T9-58, T9-59, T9-60)', () => {
    // Collingbourne Ducis PC, 31/3/19: label | cheque number | £ (detail) | £ (totals); the second £ column
    // prints each section's total, the net balances their sum.
    const cd = published('collingbourneducis-pc-bank-reconciliation-2018-19.tsv');

    it('Collingbourne Ducis as printed: clean; 37,452.7 + − = 37,452.7, (500.00) + (75.80) = (575.80), 37,452.7 + − + (575.80) + − = 36,876.9 (Box 8)', () => {
      const r = audit(cd);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.totals, 3);
      assert.deepEqual(r.tables[0].totals.map((x) => `${x.row}=${x.from}-${x.to}`), ['8=5-7', '13=9-12', '15=5-14']);
    });

    it('the Lloyds balance changed (37,452.7 → 37,552.7): found at the accounts\' sub-total, 37,552.7 + − = 37,552.7 against 37,452.7 printed', () => {
      assert.deepEqual(flags(audit(cd.replace('\t37,452.7\t', '\t37,552.7\t'))), ['8:4 error auto.bank-reconciliation.cast 37552.7']);
    });

    it('a cheque changed ((500.00) → (600.00)): found at the cheques\' sub-total, (600.00) + (75.80) = (675.80) against (575.80)', () => {
      assert.deepEqual(flags(audit(cd.replace('(500.00)', '(600.00)'))), ['13:4 error auto.bank-reconciliation.cast -675.8']);
    });

    it('the cheque numbers (1749, 1750) are references, not money: changing one changes nothing', () => {
      assert.deepEqual(flags(audit(cd.replace('\t1749\t', '\t1849\t'))), []);
    });

    // Temple Cloud with Cameley PC, 31 Oct 2021: one £ column, the sub-totals named ("SUBTOTAL", "NET BALANCES").
    const tc = published('templecloud-pc-bank-reconciliation-2021-10.tsv');

    it('Temple Cloud as printed: clean; 46,925.31 + 0.00 + 85,000.00 = 131,925.31; − 0.00 + 0.00 = 131,925.31 net; the cash book 113,306.06 + 48,893.76 − 30,274.51 = 131,925.31 = net balances', () => {
      const r = audit(tc);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.totals, 2);
      assert.equal(r.tables[0].checked.rollForwards, 2);
    });

    it('NET BALANCES changed (131,925.31 → 132,025.31): found there twice over — against the sub-total − unpresented + unbanked, and against the closing balance per cash book', () => {
      const r = audit(tc.replace('NET BALANCES\t131,925.31', 'NET BALANCES\t132,025.31'));
      assert.deepEqual(flags(r), ['9:2 error auto.bank-reconciliation.balance 131925.31', '9:2 error auto.bank-reconciliation.cast 131925.31']);
    });

    it('the payments changed (-30274.51 → -30374.51): the closing balance 113,306.06 + 48,893.76 − 30,374.51 = 131,825.31 against 131,925.31 printed', () => {
      assert.deepEqual(flags(audit(tc.replace('-30274.51', '-30374.51'))), ['14:2 error auto.bank-reconciliation.closing 131825.31']);
    });

    it('Ilam 2023/24 (T9-59): "N/A" accounts nil, running balances in the second £ column, the cash book\'s three figures in one cell read as lines with a note: clean, exit 0', () => {
      const il = published('ilam-pc-bank-reconciliation-2023-24.tsv');
      const r = audit(il);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(flags(r), []);
      assert.ok(r.findings.some((f) => f.rule === 'auto.bank-reconciliation.stacked' && f.row === 18 && /1,797\.18.*2,785.*2,910\.46/.test(f.message)));
      // 1797.18 + 2785.00 − 2910.46 = 1671.72; a receipts figure 100 out shows at the closing balance
      assert.deepEqual(flags(audit(il.replace('2785.00', '2885.00'))), ['19:3 error auto.bank-reconciliation.closing 1771.72']);
      // the current account 100 out: the balance after the accounts, 1771.72 against 1671.72
      assert.deepEqual(flags(audit(il.replace('account\t1671.72', 'account\t1771.72'))), ['9:3 error auto.bank-reconciliation.cast 1771.72']);
    });

    it('Ilam 2020/21 (another clerk\'s form): a cheque printed positive under "Less:" is subtracted, payments unbracketed in the stacked cell: 1076.64 − 60.00 = 1016.64; 702.85 + 1000.00 − 686.21 = 1016.64', () => {
      const il = published('ilam-pc-bank-reconciliation-2020-21.tsv');
      assert.deepEqual(flags(audit(il)), []);
      assert.deepEqual(flags(audit(il.replace('\t60.00\t', '\t50.00\t'))), ['13:3 error auto.bank-reconciliation.cast 1026.64']);
    });

    it('Stoke St Milborough (T9-60, GENUINE): the cash book 8,749 + 3,936 − 2,101 = 10,584, its closing cell left blank, against net balances (Box 8) £6,915 — found, exit 1; the bank half (no bank balance printed) said not checkable', () => {
      const r = audit(published('stokestmilborough-pc-bank-reconciliation-2019-20.tsv'));
      assert.equal(exitCodeOf(r), 1);
      assert.deepEqual(flags(r), ['11:2 error auto.bank-reconciliation.balance 10584']);
      assert.ok(r.findings.some((f) => f.rule === 'auto.bank-reconciliation.bank-half' && f.row === 11));
    });
  });
  describe('a variance column FAVOURABLE-POSITIVE: income actual − budget, expenditure budget − actual, one column (T9-61)', () => {
    // Belstone PC, End of Year Budget Review 2023-2024: Budget | 2nd Quarter | 4th Quarter | Difference, an
    // "Income (gross)" block with its Total, then an "Expenditure (gross)" block.
    const bel = published('belstone-pc-end-of-year-budget-review-2023-24.tsv');

    it('as printed: clean (was 4 false errors): income 4th Quarter − Budget (4,432 − 5,163 = −731.00 on the Total), expenditure Budget − 4th Quarter (2,148 − 2,228.21 = −80.21; 125 − 27 = 98)', () => {
      const r = audit(bel);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(flags(r), []);
      assert.deepEqual(r.tables[0].differences.map((d) => d.is), ['31/03/2024 4th Quarter − Budget', 'Budget − 31/03/2024 4th Quarter']);
      assert.equal(r.tables[0].checked.variances, 15);
    });

    it('an expenditure difference changed (Insurance £14.20 → £24.20): found at its cell, 160.00 − 145.80 = 14.20', () => {
      assert.deepEqual(flags(audit(bel.replace('£14.20', '£24.20'))), ['20:7 error auto.variance 14.2']);
    });

    it('with no heading naming the income block, the column keeps one direction (the blocks are not guessed)', () => {
      const r = audit(bel.replace('Income (gross)', 'Receivable (gross)'));
      assert.deepEqual(flags(r), ['16:7 error auto.variance 80.21', '17:7 error auto.variance -98', '19:7 error auto.variance -29.98', '20:7 error auto.variance -14.2']);
    });
  });

  describe('a change column written as words and a figure: "Increase £1345.50", "Decrease £59.00", "Unchanged" (T9-68)', () => {
    // Winkleigh PC, Budget and Precept Proposal 2017-18: Budget 2016/17 | Draft budget 2017/18 | (no caption).
    const wk = published('winkleigh-pc-budget-proposal-2017-18.tsv');

    it('as printed (GENUINE): Running Costs 4020.00 → 3960.00 is a decrease of £60.00, printed "Decrease £26.00" — the one error; the other eight phrases agree with draft − budget', () => {
      const r = audit(wk);
      assert.equal(exitCodeOf(r), 1);
      assert.deepEqual(flags(r), ['4:4 error auto.variance -60']);
      assert.equal(r.tables[0].checked.variances, 9);
    });

    it('"Unchanged" is nil: Assets Maintenance\'s draft 1000.00 → 1100.00 breaks both the TOTAL and its "Unchanged": found at the draft figure the two share', () => {
      const r = audit(wk.replace('1000.00\t1000.00', '1000.00\t1100.00'));
      assert.ok(flags(r).includes('6:3 error auto.shared-figure 1000'));
    });

    it('a phrase with the wrong word ("Increase £59.00" for Administration 2219.00 → 2160.00): found, −59.00', () => {
      assert.ok(flags(audit(wk.replace('Decrease £59.00', 'Increase £59.00'))).includes('3:4 error auto.variance -59'));
    });
  });
  describe('a year-on-year % row across column groups, and to two places of inputs rounded to £\'000 (T9-10, T9-11)', () => {
    // Environment Agency flood levies on Rotherham's council tax pages: two committees side by side, each
    // over two year columns (a caption spanning its pair), "Total increase in levy" per column.
    const r20 = published('rotherham-ea-flood-levies-2020-21.tsv');
    const r25 = published('rotherham-ea-flood-levies-2025-26.tsv');

    it('2020/21 as printed: clean (was a false error "−19.2%"): each committee\'s % is its own second year over its first — 2,593 / 2,529 = +2.53% (2.5%), 2,137 / 2,095 = +2.00% (2.0%); Yorkshire → Trent is no change', () => {
      const r = audit(r20);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.percentages, 2);
    });

    it('a levy changed (Trent 2,137 → 2,237) leaves one committee of two agreeing: no basis is learned — said, "no table to audit" (exit 2), never "the tables cast"', () => {
      assert.throws(() => audit(r20.replace('2,137', '2,237')), /no table to audit/);
    });

    it('2025/26 as printed: the two %s to two places lie within the £\'000 rounding of the levies — warnings, not errors (3,034 / 2,946 = +2.9871%, printed 3.00%, 2.9526..3.0216% allowed; 2,360 / 2,313 = +2.0320%, printed 2.00%, 1.9883..2.0757%)', () => {
      const r = audit(r25);
      assert.equal(exitCodeOf(r), 1);
      assert.deepEqual(flags(r), ['6:3 warning auto.change-percent 2.99', '6:5 warning auto.change-percent 2.03']);
    });

    it('2025/26 with a % beyond the rounding (3.00% → 3.50%): the other committee alone is no basis — exit 2, said', () => {
      assert.throws(() => audit(r25.replace('\t3.00%\t', '\t3.50%\t')), /no table to audit/);
    });
  });
});
