// Totals, blocks and headers (session 13, fix-b; the session-13 trial's T13-50 and the kinds left open by
// earlier sessions): each kind on the real table that showed it (test/fixtures/published/audit, CASES.json,
// SOURCES.md, verify.py), with a change to a printed figure that the reading must catch. Every expected
// figure below is the hand arithmetic of verify.py, in exact decimal.
import { strict as assert } from 'node:assert';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags, published, tsv, withCell } from '../support/audit-helpers';

describe('audit: totals, blocks and headers (session-13 trial kinds, fix-b)', () => {
  describe('a one-column build-up: a first line, lines labelled "Less …"/"Deduct …" printed positive (one printed with a minus: less a negative) or all with a minus, closed by "Equals …"/"Net …" (T13-50, T13-03)', () => {
    const FILE = 'lancashire-cc-council-tax-build-2021-22.tsv';
    it('Lancashire CC 2021/22: 886.610 − 33.615 − 202.467 − 2.416 − 45.532 − 41.943 − (−0.197) − 11.479 − 4.000 = 545.355, clean (it was exit 2 "no table to audit")', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), []);
      assert.equal(exitCodeOf(r), 0);
      const t = r.tables[0].totals?.find((x) => x.row === 12);
      assert.ok(t && t.from === 3 && t.to === 11, JSON.stringify(r.tables[0].totals));
      assert.match(t.why, /less a negative/);
    });
    it('the budget requirement changed (886.610 → 886.710) is an error at "Equals council tax cash": 545.455 expected', () => {
      const f = flags(audit(withCell(published(FILE), 3, 2, '886.710'), FILE));
      assert.ok(f.includes('12:2 auto.cast 545.455'), f.join('; '));
    });
    it('the deficit printed the other way (−0.197 → 0.197) is found: 545.355 − 0.394 = 544.961', () => {
      const f = flags(audit(withCell(published(FILE), 9, 2, '0.197'), FILE));
      assert.ok(f.includes('12:2 auto.cast 544.961'), f.join('; '));
    });
    it('the result changed (545.355 → 545.455) is an error at its cell, 545.355 expected', () => {
      const f = flags(audit(withCell(published(FILE), 12, 2, '545.455'), FILE));
      assert.deepEqual(f, ['12:2 auto.cast 545.355']);
    });
    // the same kind with its one "Deduct" line printed with a minus (session-13 trial T13-03): PCC for
    // Cambridgeshire, "Statement relating to Taxpayers Alliance report", 10 August 2015, on 2013/14
    // (https://www.cambridgeshire-pcc.gov.uk/statement-relating-to-taxpayers-alliance-report/), transcribed
    // by the trial (trial-a): the page's bracketed remarks in a third column, "£" as printed
    const cambs = (net: string) => tsv([
      ['The true calculation should be', '', ''],
      ['Cost of OPCC Office', '£1,787,000', '(includes £1.2 million grant money)'],
      ['Deduct grant money', '-£1,223,000', ''],
      ['NET Cost of OPCC Office', net, ''],
      ['Population', '£599,894', '(from 2012 electorate)'],
      ['Cost per 1,000 population', '£938.50', '(not £2,979 as claimed in the report)'],
    ]);
    it('Cambridgeshire PCC 2013/14: "NET Cost of OPCC Office" £563,000 is read by its labels as 1,787,000 − 1,223,000 = 564,000 (the "Deduct" line printed with a minus, taken as printed): an error at [4,2] where it was exit 2 "no table to audit"', () => {
      const r = audit(cambs('£563,000'), 'cambs-pcc-opcc-net-cost-2013-14.tsv');
      assert.deepEqual(flags(r), ['4:2 auto.cast 564000']);
      assert.ok(r.tables[0].totals?.some((x) => x.row === 4 && x.from === 2 && x.to === 3), JSON.stringify(r.tables[0].totals));
    });
    it('Cambridgeshire PCC with the net printed right (£564,000): clean, the same reading', () => {
      const r = audit(cambs('£564,000'), 'cambs-pcc-opcc-net-cost-2013-14.tsv');
      assert.deepEqual(flags(r), []);
      assert.equal(exitCodeOf(r), 0);
    });
    // the second real table of the kind: Derbyshire CC's calculation (session-11 trial T11-61), "Less" lines
    // printed positive under "Actual budget requirement", closed by "Amount to be financed by council tax"
    const DERBY = 'derbyshirecc-council-tax-calculation-undated.tsv';
    it('Derbyshire CC: 491.5 − 7.0 − 48.5 − 157.2 − 0 = 278.8 still clean; its "Less council tax" printed −7.0 among positive "Less" lines is now less a negative: 292.8, found at row 8 (it passed unseen)', () => {
      assert.deepEqual(flags(audit(published(DERBY), DERBY)), []);
      const f = flags(audit(withCell(published(DERBY), 4, 2, '-7.0'), DERBY));
      assert.ok(f.includes('8:2 auto.cast 292.8'), f.join('; '));
    });
  });

  describe('a bank reconciliation whose section sub-totals stand on unlabelled lines, pushed into the label column by the copy (session-10 trial T10-54, Port Eynon, off KNOWN_GAPS)', () => {
    const FILE = 'porteynon-cc-receipts-payments-2015-16.tsv';
    it('Port Eynon CC 2015/16: 17,123.40 = the three accounts; 2348.19 = the four unsigned cheques; net balance 17,123.40 − 2,348.19 + 0.00 = 14,775.21; only the three genuine errors above it', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), ['9:2 auto.cast 10636.29', '24:2 auto.cast 11883.4', '29:2 auto.cast 14774.99']);
      const bank = r.tables.find((t) => t.totals?.some((x) => x.row === 52));
      assert.ok(bank, JSON.stringify(r.tables.map((t) => t.totals)));
      const at = (row: number) => bank.totals!.find((x) => x.row === row);
      assert.ok(at(44)?.from === 41 && at(44)?.to === 43, JSON.stringify(bank.totals));
      assert.ok(at(50)?.from === 45 && at(50)?.to === 49, JSON.stringify(bank.totals));
      assert.ok(at(52)?.from === 41 && at(52)?.less?.includes(50), JSON.stringify(bank.totals));
    });
    it('a cheque changed (1,748.19 → 1,749.19) is an error at its section sub-total where it is printed (2,349.19 expected), not at the net balance', () => {
      const f = flags(audit(withCell(published(FILE), 47, 2, '1,749.19'), FILE));
      assert.ok(f.includes('50:1 auto.bank-reconciliation.cast 2349.19'), f.join('; '));
      assert.ok(!f.some((x) => x.startsWith('52:')), f.join('; '));
    });
    it('the accounts\' sub-total changed (17,123.40 → 17,124.40) is an error at the cell it is printed in (the label column), 17,123.4 expected', () => {
      const f = flags(audit(withCell(published(FILE), 44, 1, '17,124.40'), FILE));
      assert.ok(f.includes('44:1 auto.bank-reconciliation.cast 17123.4'), f.join('; '));
    });
    it('the net balance changed (14,775.21 → 14,776.21) is an error at its cell', () => {
      const f = flags(audit(withCell(published(FILE), 52, 2, '14,776.21'), FILE));
      assert.ok(f.includes('52:2 auto.bank-reconciliation.cast 14775.21'), f.join('; '));
    });
    it('the un-banked cash printed 1.00 beside its section total 0.00 is an error at the total (its one line is 1)', () => {
      const f = flags(audit(withCell(published(FILE), 51, 2, '1.00'), FILE));
      assert.ok(f.includes('51:3 auto.bank-reconciliation.cast 1'), f.join('; '));
    });
  });

  describe('"Total band D Council Tax" under each body\'s requirement (£m), tax base and Band D charge: the sum of the charges, never of every row since the last total (T13-52)', () => {
    const FILE = 'southwark-budget-council-tax-2022-23.tsv';
    it('Southwark 2022-23: 1,164.14 + 363.66 = 1,527.80 and 1,198.95 + 395.59 = 1,594.54, clean (two false errors before: "expected 212,922.2", a tax base and a £m requirement added in)', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), []);
      const t = r.tables[0].totals?.find((x) => x.row === 27);
      assert.ok(t && t.from === 23 && t.to === 26 && /Band D charges/.test(t.why), JSON.stringify(r.tables[0].totals));
      assert.equal(r.tables[0].checked.totals, 8);
    });
    it('the total changed (1,527.80 → 1,528.80) is an error at its cell, 1,527.8 expected', () => {
      const f = flags(audit(withCell(published(FILE), 27, 1, '1,528.80'), FILE));
      assert.deepEqual(f, ['27:1 auto.cast.band-d-total 1527.8']);
    });
    it('the GLA charge 2022-23 changed (395.59 → 396.59) is found at its cell by the division (42.4m / 107,267) and at the total (1,594.54 for 1,595.54)', () => {
      const f = flags(audit(withCell(published(FILE), 26, 5, '396.59'), FILE));
      assert.ok(f.some((x) => x.startsWith('26:5 auto.across.band-d')), f.join('; '));
      assert.ok(f.includes('27:5 auto.cast.band-d-total 1595.54'), f.join('; '));
    });
  });

  describe('a total whose label wraps onto a second line that carries its figure ("Total amendments to the funding of the Capital" / "Programme: -2.700"): one total row, closing the heading it names (T13-53)', () => {
    // Lancashire County Council, Budget Council 17 February 2022, Annex 1 "Adjustment proposed by the
    // Conservative group" (https://council.lancashire.gov.uk/mgAi.aspx?ID=87733), transcribed by the
    // session-13 trial (trial-b) one printed line per row, "CONSERATIVE" as printed
    const FILE = 'lancashire-cc-budget-adjustment-2022-23.tsv';
    const table = (b3line: string, b3total: string) => tsv([
      ['ADJUSTMENT PROPOSED BY THE CONSERATIVE GROUP TO THE 2022/23 BUDGET'],
      ['(1)  Proposed adjustments to the revenue budget'],
      ['', '£m'],
      ['Lancashire Levelling Up Investment Fund (22/23 only)', '5.000'],
      ['Platinum Jubilee Addition to Members Grants (22/23 only)', '0.042'],
      ['Increased support for Active Travel (22/23 only)', '0.100'],
      ['Additional Funds for Emergency Welfare Support (22/23 only)', '0.100'],
      ['New Best Start in Life Scheme (22/23 only and funded from', '0.100'],
      ['Public Health Grant Reserve)'],
      ['Tackling Loneliness and Social Isolation Initiative', '0.100'],
      ['(22/23 only and funded from Public Health Grant Reserve)'],
      ['Local Nature and Biodiversity Grant Scheme', '0.058'],
      ['Total cost of proposed amendments:', '5.500'],
      ['(2)  Proposed additions to the capital programme'],
      ['', '£m'],
      ['Highways Responsive Maintenance (22/23 only)', '2.000'],
      ['Additional capacity of SEND Sufficiency Strategy', '0.400'],
      ['Conservation Area Enhancements Scheme', '0.300'],
      ['Total Additions to Capital Programme:', '2.700'],
      ['(3)  Proposed amendments to the funding of the Capital Programme'],
      ['', '£m'],
      ['Transfer from Transitional Reserve', b3line],
      ['Total amendments to the funding of the Capital'],
      ['Programme:', b3total],
    ]);
    it('Lancashire CC 2022/23: row 24 is "Total amendments to the funding of the Capital Programme:" = row 22 (−2.700), clean; the two other blocks as before (5.500, 2.700)', () => {
      const r = audit(table('-2.700', '-2.700'), FILE);
      assert.deepEqual(flags(r), []);
      const totals = r.tables[0].totals ?? [];
      assert.ok(totals.some((x) => x.row === 24 && x.from === 22 && x.to === 22 && x.label === 'Total amendments to the funding of the Capital Programme:'), JSON.stringify(totals));
      assert.ok(totals.some((x) => x.row === 13 && x.from === 4 && x.to === 12) && totals.some((x) => x.row === 19 && x.from === 16 && x.to === 18), JSON.stringify(totals));
      assert.equal(r.tables[0].checked.totals, 3);
    });
    it('the block\'s total changed (−2.700 → −2.800) is an error at row 24 (it was in no check), −2.7 expected', () => {
      assert.deepEqual(flags(audit(table('-2.700', '-2.800'), FILE)), ['24:2 auto.cast -2.7']);
    });
    it('the block\'s one line changed (−2.700 → −2.800) is an error at row 24, not a total read as a line', () => {
      const r = audit(table('-2.800', '-2.700'), FILE);
      assert.deepEqual(flags(r), ['24:2 auto.cast -2.8']);
      assert.ok(!r.findings.some((f) => f.rule === 'cast.total-read-as-line'));
    });
  });
});
