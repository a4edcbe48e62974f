// Totals and where rows stand (session 12, fix-b; the session-11 trial's T11-55 …): each kind on the real
// table that showed it (test/fixtures/published/audit, CASES.json, SOURCES.md, verify.py), with a change to
// a printed figure that the reading must catch. Every expected figure below is the hand arithmetic of
// verify.py, in exact decimal.
import { strict as assert } from 'node:assert';
import { audit, flags, published, tsv, withCell } from '../support/audit-helpers';

describe('audit: totals and where rows stand (session-11 trial kinds, fix-b)', () => {
  describe('a "Funded by:" block closed by a labelled TOTAL FUNDING under a rule row: its last source is a line, not a balancing figure (T11-55)', () => {
    const FILE = 'caerphilly-summary-budget-2021-22.tsv';
    it('Caerphilly 2021/22: TOTAL FUNDING = rows 18-20 ((221,892) + (61,476) + (71,713) = (355,081)), tied to TOTAL NET EXPENDITURE with the other sign', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), []);
      assert.ok(r.tables[0].totals?.some((t) => t.row === 22 && t.from === 18 && t.to === 20), JSON.stringify(r.tables[0].totals));
      assert.ok(!r.findings.some((f) => f.rule === 'cast.balancing' || f.rule === 'cast.total-read-as-line'));
    });
    it('TOTAL FUNDING 2020/21 (355,081) → (355,181) is an error at its cell (it had passed as a line)', () => {
      const r = audit(withCell(published(FILE), 22, 1, '(355,181)'), FILE);
      assert.ok(flags(r).includes('22:1 auto.cast -355081'), flags(r).join('; '));
    });
    it('Council Tax 2021/22 (74,810) → (74,910) is caught at TOTAL FUNDING: (233,031) + (59,336) + (74,910) = (367,277)', () => {
      const r = audit(withCell(published(FILE), 20, 3, '(74,910)'), FILE);
      assert.ok(flags(r).includes('22:3 auto.cast -367277'), flags(r).join('; '));
    });
  });
  describe('a figure printed one cell right of its column, after an empty cell, past the last header: read in its column where that casts exactly (T11-53)', () => {
    const FILE = 'hampshirecc-budget-spent-2011-12.tsv';
    it('Hampshire 2011/12: Adult Social Care\'s 421.77 (column 4, after a no-break space) is its per-Band-D figure: 421.77 + … + 16.53 = 1,037.88, with a note', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), []);
      const note = r.findings.find((f) => f.rule === 'printed.shifted-row');
      assert.ok(note && note.row === 3, JSON.stringify(r.findings));
      assert.equal(r.tables[0].checked.totals, 2);
    });
    it('a per-Band-D line changed (Children\'s services 231.91 → 232.91) is an error at the Total', () => {
      const r = audit(withCell(published(FILE), 4, 3, '232.91'), FILE);
      assert.ok(flags(r).some((f) => f.startsWith('11:3 auto.cast')), flags(r).join('; '));
    });
    // a variant: three captioned columns, the gap in the middle one, the figure after it past the last header
    const variant = (c4: string) => tsv([
      ['', 'Budget', 'Actual', 'Variance', ''],
      ['Staff', '100', '90', '-10', ''],
      ['Premises', '50', '', '55', '5'],
      ['Supplies', '20', '25', '5', ''],
      ['Total', '170', c4, '0', ''],
    ]);
    it('variant: "Premises | 50 | (empty) | 55 | 5" is read as Actual 55, Variance 5 when Actual then casts (90 + 55 + 25 = 170)', () => {
      const r = audit(variant('170'), 'variant.tsv');
      assert.deepEqual(flags(r), []);
      assert.ok(r.findings.some((f) => f.rule === 'printed.shifted-row' && f.row === 3));
    });
    it('variant: where the shifted reading does not cast (Actual total 171), nothing moves and no note says it did', () => {
      const r = audit(variant('171'), 'variant.tsv');
      assert.ok(!r.findings.some((f) => f.rule === 'printed.shifted-row'));
    });
  });
  describe('a line merged into the line above from the new year ("Now included above"): a note, and the change over both lines (T11-57)', () => {
    const FILE = 'rochford-band-d-by-authority-2025-26.tsv';
    it('Rochford 2025/26: the levy\'s "Now included above" cells are notes; Essex CC 57.06 = 1,579.59 − (1,296.09 + 226.44); totals and the other increases exact', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), []);
      assert.equal(r.findings.filter((f) => f.rule === 'printed.not-applicable' && f.row === 4).length, 2);
      assert.equal(r.tables[0].checked.variances, 6);
    });
    it('the levy\'s 2024/25 figure changed (226.44 → 227.44) is found at the county\'s increase (expected 56.06) and the 2024/25 total', () => {
      const f = flags(audit(withCell(published(FILE), 4, 2, '227.44'), FILE));
      assert.ok(f.includes('3:4 auto.variance 56.06') && f.includes('9:2 auto.cast 2176.37'), f.join('; '));
    });
    it('the county\'s increase changed (57.06 → 57.16) is an error at its cell', () => {
      const f = flags(audit(withCell(published(FILE), 3, 4, '57.16'), FILE), { severity: true });
      assert.ok(f.includes('3:4 error auto.variance 57.06'), f.join('; '));
    });
    it('the county\'s 2025/26 figure changed by 1 (1,579.59 → 1,580.59) is an ERROR: a nil in words carries no rounding', () => {
      const f = flags(audit(withCell(published(FILE), 3, 3, '1,580.59'), FILE), { severity: true });
      assert.ok(f.some((x) => x.startsWith('3:3 error')), f.join('; '));
      assert.ok(!f.some((x) => x.includes(' warning ')), f.join('; '));
    });
    it('variant: "Already included below" on the row ABOVE the line it is merged into', () => {
      const text = tsv([
        ['Authority', '2024/25 £', '2025/26 £', 'Increase £'],
        ['Adult social care precept', '200.00', 'Already included below', 'Already included below'],
        ['County council', '1,300.00', '1,560.00', '60.00'],
        ['Police', '250.00', '260.00', '10.00'],
        ['Fire', '80.00', '85.00', '5.00'],
        ['District', '260.00', '267.00', '7.00'],
        ['Total', '2,090.00', '2,172.00', '82.00'],
      ]);
      const r = audit(text, 'variant.tsv');
      assert.deepEqual(flags(r), []);
      assert.ok(flags(audit(withCell(text, 3, 4, '61.00'), 'variant.tsv')).includes('3:4 auto.variance 60'));
    });
  });
  describe('two lists stacked with no blank row: the second list\'s caption row over a repeated unit row starts a table (T11-02)', () => {
    const FILE = 'wyfs-cost-funding-2020-21.tsv';
    it('West Yorkshire Fire 2020/21: "Source of Funding | Amount" over "£m" is the second table\'s header, not an unreadable figure; both Totals 87.623 cast', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables.length, 2);
      assert.ok(!r.findings.some((f) => f.rule === 'printed.unreadable'));
    });
    it('a funding line changed (Council tax precept 43.633 → 43.733) is an error at the second Totals', () => {
      const f = flags(audit(withCell(published(FILE), 12, 2, '43.733'), FILE));
      assert.ok(f.some((x) => x.startsWith('15:2 ')), f.join('; '));
    });
  });
  describe('a build-up its labels state ("X", "Less …" lines, "Amount to be financed by council tax") is read when its figures do not cast (T11-61)', () => {
    const FILE = 'derbyshirecc-council-tax-calculation-undated.tsv';
    it('Derbyshire CC: 491.5 − 7.0 − 48.5 − 157.2 − 0 = 278.8, clean', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), []);
      assert.ok(r.tables[0].totals?.some((t) => t.row === 8 && t.from === 3 && t.to === 7));
    });
    it('the budget requirement changed (491.5 → 491.6) is found at row 8 (278.9 printed 278.8), not "no table to audit"', () => {
      const f = flags(audit(withCell(published(FILE), 3, 2, '491.6'), FILE));
      assert.ok(f.includes('8:2 auto.cast 278.9'), f.join('; '));
    });
    it('a Less line changed by 100 (revenue support grant 48.5 → 148.5) is an error at row 8', () => {
      const f = flags(audit(withCell(published(FILE), 5, 2, '148.5'), FILE), { severity: true });
      assert.ok(f.includes('8:2 error auto.cast 178.8'), f.join('; '));
    });
  });
});
