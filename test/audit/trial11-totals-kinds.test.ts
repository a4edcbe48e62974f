// Totals and where rows stand (session 11, fix-b; the session-10 trial's T10-05, T10-53, T10-54, T10-06,
// T10-52 (a) and the session-9 trial's T9-65 (a)): each kind on the real table that showed it
// (test/fixtures/published/audit, CASES.json, SOURCES.md, verify.py), with a change to a printed figure that
// the reading must catch. Every expected figure below is the hand arithmetic of verify.py, in exact decimal.
import { strict as assert } from 'node:assert';
import { audit, flags, published, withCell } from '../support/audit-helpers';

/** The text with one cell (1-based row and column) replaced. */
describe('audit: totals and where rows stand (session-10 trial kinds, fix-b)', () => {
  describe('a "Total …" line after a grand total that restates an earlier one (T10-05)', () => {
    const FILE = 'govscot-rec-autumn-budget-revision-2017-18.tsv';
    it('Scottish Government ABR 2017-18: "Total Limit on Income (accruing resources)" 800.0 is a line with a note, not 2,167.3 counted twice', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), []);
      assert.ok(r.findings.some((f) => f.row === 35 && f.rule === 'cast.total-read-as-line'));
      assert.ok(!r.tables[0].totals?.some((t) => t.row === 35));
    });
    it('the grand total still casts: Total Budget operating 2,167.3 → 2,167.4 is an error at its cell (2,036.0 + 0.0 + 131.3)', () => {
      const r = audit(withCell(published(FILE), 34, 2, '2,167.4'), FILE);
      assert.ok(flags(r).includes('34:2 auto.cast 2167.3'), flags(r).join('; '));
    });
  });

  describe('a TOTAL line that is another quantity than the one row above it (T9-65 (a))', () => {
    for (const FILE of ['oxfordshire-capital-programme-2012-17.tsv']) {
      it(`${FILE}: "TOTAL ESTIMATED PROGRAMME RESOURCES" (different in all seven columns from the programme above) is a line; the shortfall = resources − programme is checked`, () => {
        const r = audit(published(FILE), FILE);
        assert.deepEqual(flags(r), []);
        assert.ok(r.findings.some((f) => f.row === 16 && f.rule === 'cast.total-read-as-line'));
        assert.equal(r.tables[0].checked.variances, 7);
      });
    }
    it('a resources figure changed (2014/15 77,460 → 77,560): the shortfall −14,350 no longer agrees, an error on row 16 or 17', () => {
      const FILE = 'oxfordshire-capital-programme-2012-17.tsv';
      const r = audit(withCell(published(FILE), 16, 5, '77,560'), FILE);
      assert.ok(flags(r).some((f) => f.startsWith('16:5 ') || f.startsWith('17:5 ')), flags(r).join('; '));
    });
  });

  describe('a coincidental sum of ordinary lines never beats a labelled Total that casts exactly over them all (T10-53 (a))', () => {
    it('Ludford PC: "Subs/Post/Stationery" and "Grasscutting" (1,100 = 150 + 540 + 110 + 300) are lines; Total 5,145 = the 16 lines', () => {
      const FILE = 'ludford-pc-budget-precept-2022-23.tsv';
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), []);
      assert.ok(r.tables[0].totals?.some((t) => t.row === 19 && t.from === 3 && t.to === 18));
    });
    it('Westbourne PC: "Mill Road ground maintenance" 7,000 (= 6,000 + 1,000 in three years of four) is a line; Running Costs Total 23,456 casts', () => {
      const FILE = 'westbourne-pc-budget-2013-17.tsv';
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), []);
      assert.ok(r.tables[0].totals?.some((t) => t.row === 23 && t.from === 16 && t.to === 22));
      assert.ok(!r.tables[0].totals?.some((t) => t.row === 19));
    });
    it('Westbourne PC: a line changed (Burial/cemetery 2015/16 8,476 → 8,576) is caught at the Total: 26,676 printed, 26,776 added', () => {
      const FILE = 'westbourne-pc-budget-2013-17.tsv';
      const r = audit(withCell(published(FILE), 16, 5, '£8576'), FILE);
      assert.ok(flags(r).some((f) => f.startsWith('23:5 auto.cast') || f.startsWith('16:5 ')), flags(r).join('; '));
    });
  });

  describe('an income line less the spending under it, both printed positive (T10-53 (b))', () => {
    const FILE = 'ludford-pc-budget-precept-2022-23.tsv';
    it('Ludford PC: Final Total 291 = Income 7,266 − Exp & Projects 6,975, no sign slip', () => {
      const r = audit(published(FILE), FILE);
      assert.ok(!r.findings.some((f) => f.row === 38 || f.row === 39 ? f.severity !== 'note' : false));
      assert.ok(r.tables.some((t) => t.totals?.some((x) => x.row === 39 && x.less?.includes(38))));
    });
    it('Final Total changed 291 → 391: an error at its cell, 291 expected', () => {
      const r = audit(published(FILE).replace('£291.00', '£391.00'), FILE);
      assert.ok(flags(r).includes('39:2 auto.cast 291'), flags(r).join('; '));
    });
  });

  describe("a block's closing total is not the caption of the next block (T10-54)", () => {
    const FILE = 'porteynon-cc-receipts-payments-2015-16.tsv';
    it('Port Eynon CC: "TOTAL PAYMENTS | £ 11,893.40" closes the payments, never "a total stated in the caption" over SUMMARY; the three genuine errors stay', () => {
      const r = audit(published(FILE), FILE);
      assert.ok(!r.findings.some((f) => f.rule === 'auto.cast.caption'), flags(r).join('; '));
      for (const x of ['9:2 auto.cast 10636.29', '24:2 auto.cast 11883.4', '29:2 auto.cast 14774.99']) assert.ok(flags(r).includes(x), `${x} in ${flags(r).join('; ')}`);
    });
  });

  describe('a block that nets to nil is closed by its row of zeros (T10-06)', () => {
    const FILE = 'cairngorms-npa-budget-monitoring-m6-2023-24.tsv';
    it('Cairngorms NPA: row 11 = rows 9-10 (1,141,000 − 1,141,000), row 16 = rows 13-15 (Overheads alone); the two rounding warnings name them', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r, { severity: true }), ['16:6 warning auto.cast 439063', '16:7 warning auto.cast 38178']);
      const t = r.tables[0].totals!;
      assert.ok(t.some((x) => x.row === 11 && x.from === 9 && x.to === 10));
      assert.ok(t.some((x) => x.row === 16 && x.from === 13 && x.to === 15));
      assert.ok(r.findings.find((f) => f.row === 16 && f.column === 6)!.message.includes('Other staff and board costs … IT and professional costs'));
    });
    it('a project line changed (recovered (1,141,000) → (1,141,100)): the nil sub-total is an error at its cell', () => {
      const r = audit(withCell(published(FILE), 10, 2, '(1,141,100)'), FILE);
      assert.ok(flags(r).some((f) => f.startsWith('11:2 ') || f.startsWith('10:2 ')), flags(r).join('; '));
    });
  });

  describe('words round a figure in a column no relation uses are a note (T10-52 (a))', () => {
    const FILE = 'pkc-council-tax-banding-charges-2023-24.tsv';
    it('Perth & Kinross: "Over 212,000" in the value-limit column is a note; the charges are checked, no error (the two 1p truncations of the printed fractions warned)', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r, { severity: true }), ['3:4 warning auto.across.band-proportion 1091.76', '7:4 warning auto.across.band-proportion 2281']);
      assert.ok(r.findings.some((f) => f.row === 9 && f.column === 2 && f.rule === 'printed.words-in-figures'));
    });
    it('the same words in a column a relation uses (the Total Combined Charge) stay an error at the cell', () => {
      const r = audit(withCell(published(FILE), 9, 7, 'Over 4,443'), FILE);
      assert.ok(r.findings.some((f) => f.row === 9 && f.column === 7 && f.rule === 'printed.unreadable' && f.severity === 'error'));
    });
  });
});
