// Where rows stand and how they are read (session 10, fix-b; the session-9 trial's T9-53, T9-56, T9-50,
// T9-54, T9-69): each kind on the real table that showed it (test/fixtures/published/audit, CASES.json,
// SOURCES.md, verify.py), with a change to a printed figure that the reading must catch or leave alone.
// Every expected figure below is the hand arithmetic of verify.py, in exact decimal.
import { strict as assert } from 'node:assert';
import { audit, flags, published, withCell } from '../support/audit-helpers';

/** The text with one cell (1-based row and column) replaced. */
describe('audit: where rows stand (session-9 trial kinds, fix-b)', () => {
  describe('a block caption row inside a table, worded otherwise than the header (T9-53)', () => {
    const FILE = 'hintonblewett-pc-budget-vs-spend-2024-25.tsv';
    it('Hinton Blewett PC: "PAYMENTS | Budget | YTD Payments | Remaining | %" is a heading, not four unreadable figures; the genuine RECEIPTS TOTAL errors and the Bank Charges rounding stay', () => {
      const r = audit(published(FILE), FILE);
      // (the Remaining cast of row 10 is made through the subtotal row, whose Remaining is printed empty)
      assert.deepEqual(r.findings.filter((f) => f.severity !== 'note').map((f) => `${f.row}:${f.column} ${f.severity} ${f.rule}`), [
        '10:2 error auto.cast',
        '10:4 error auto.cast',
        '10:4 error auto.variance',
        '19:5 warning auto.percent',
      ]);
      assert.deepEqual(flags(r).filter((x) => !x.startsWith('10:4 auto.cast')), ['10:2 auto.cast 12612', '10:4 auto.variance -421', '19:5 auto.percent 80']);
      assert.ok(!r.findings.some((f) => f.row === 11), 'nothing on the caption row');
    });
    it('the payments block under it is read with the same columns: Insurance Remaining 108 → 118 is an error at its cell (509 − 401 = 108)', () => {
      const r = audit(withCell(published(FILE), 21, 4, '118'), FILE);
      assert.ok(flags(r).includes('21:4 auto.variance 108'), flags(r).join('; '));
    });
  });

  describe('a running total closed after "Less:" lines printed with a minus (T9-56)', () => {
    const FILE = 'eden-dc-revenue-budget-deficit-2018-19.tsv';
    it('Eden DC: Deficit = 8,144,306 and the six deductions as printed = 768,080, printed 760,080 — the error is 8,000, not 8,136,306', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r, { severity: true }), ['12:2 error auto.cast 768080']);
      assert.equal(r.findings.find((f) => f.row === 12)!.difference, '-8000');
    });
    it('with the deficit printed right (768,080) the table casts: the minus is not subtracted twice', () => {
      const r = audit(withCell(published(FILE), 12, 2, '768,080'), FILE);
      assert.deepEqual(flags(r), []);
    });
  });

  describe('an unlabelled line at the foot of a block is a total only if it looks like one (T9-50)', () => {
    it("Ropsley PC's variances: Box 9's restated line (no 2015 figure, −12,726 v the boxes' 40,049) is no total; only the lost sign of Box 9's % is an error", () => {
      const FILE = 'ropsley-pc-variances-2014-15.tsv';
      const r = audit(published(FILE), FILE);
      assert.ok(!r.findings.some((f) => f.rule === 'auto.cast'), flags(r).join('; '));
      assert.ok(flags(r).includes('10:5 auto.percent -28'), flags(r).join('; '));
      assert.ok(r.findings.filter((f) => f.severity !== 'note').every((f) => f.row === 10 || f.row === 11));
    });
    it("Ropsley PC's bank reconciliation (the contrast): the unlabelled 12,054 under 517, 979, 10,577 is their total, 19 short", () => {
      const FILE = 'ropsley-pc-bank-reconciliation-2014-15.tsv';
      assert.deepEqual(flags(audit(published(FILE), FILE)), ['8:2 auto.cast 12073']);
    });
  });

  describe('lines at the end of a list are no running sub-total by a coincidence in one column (T9-54)', () => {
    const FILE = 'scotborders-financial-information-2023-24.tsv';
    it('Scottish Borders: "People, Performance and change" (7.5 where the lines above add to 72.5) and "COVID-19" (£0.0m) are lines; the genuine Government Grants % stays', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r, { severity: true }), ['6:4 error auto.percent 4.5']);
      assert.ok(!r.tables[0].totals?.some((t) => t.row === 18 || t.row === 20));
    });
  });

  describe('a £ figure with its unit left off in a column of £m (T9-69)', () => {
    const FILE = 'london-borough-council-tax-spending-2024-25.tsv';
    it('"£237.5" among "£325.7m" is £237.5m with a note, not 0.0002375: Income adds to 836.2 (printed 856.205)', () => {
      const r = audit(published(FILE), FILE);
      assert.ok(flags(r).includes('12:3 auto.cast 836.2'), flags(r).join('; '));
      assert.ok(r.findings.some((f) => f.row === 4 && f.column === 3 && f.rule === 'printed.unit-dropped'));
      assert.ok(!r.findings.some((f) => f.row === 4 && f.rule === 'printed.unit-rescaled'));
    });
    it('a figure in pounds that scales to a figure the column can print ("£664,000" → 0.664 among £m to one place) is still rescaled', () => {
      const r = audit(withCell(published(FILE), 4, 3, '£237,500,000'), FILE);
      assert.ok(r.findings.some((f) => f.row === 4 && f.column === 3 && f.rule === 'printed.unit-rescaled'));
      assert.ok(flags(r).includes('12:3 auto.cast 836.2'), flags(r).join('; '));
    });
  });

  describe('an outline code column left of the labels is not figures (T9-64)', () => {
    const FILE = 'littlemelton-pc-precept-2014-15.tsv';
    it('Little Melton PC: "1", "1.1" … "1.9", "1.a", "1.b", "2" … are line numbers: TOTAL 20,576 = the 24 lines in both years, no unreadable code, nothing shifted', () => {
      const r = audit(published(FILE), FILE);
      assert.ok(!r.findings.some((f) => f.severity === 'error'), flags(r).join('; '));
      assert.ok(r.findings.filter((f) => f.severity !== 'note').every((f) => f.row === 39 || f.row === 44), flags(r).join('; '));
      const total = r.tables[0].totals.find((t) => t.row === 38);
      assert.ok(total, 'TOTAL read');
    });
    it('a line changed by one pound (Clerk\'s remuneration £7,175 → £7,176) is found at TOTAL in that year', () => {
      const r = audit(withCell(published(FILE), 5, 3, '£7,176'), FILE);
      assert.ok(flags(r).includes('38:3 auto.cast 20577'), flags(r).join('; '));
    });
  });

  describe('two lists printed side by side under the same captions twice (T9-16)', () => {
    const FILE = 'syfire-budget-spending-funding-2020-21.tsv';
    it('South Yorkshire fire: spending (rows 3-10 → 54.8) and funding (rows 3-7 → 55.3) are two tables, each total over its own rows', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), []);
      const read = r.tables.flatMap((t) => t.totals.map((x) => `${x.row} ${x.from}-${x.to}`));
      assert.ok(read.includes('11 3-10'), read.join('; '));
      assert.ok(read.includes('8 3-7'), read.join('; '));
    });
    it('a funding line changed (Local Taxpayers 26.9 → 27.9) is an error at the funding total; a spending line (Operational Staff 34.7 → 35.7) at the spending total', () => {
      assert.ok(flags(audit(withCell(published(FILE), 3, 4, '27.9'), FILE)).includes('8:4 auto.cast 56.3'));
      assert.ok(flags(audit(withCell(published(FILE), 3, 2, '35.7'), FILE)).includes('11:2 auto.cast 55.8'));
    });
  });

  describe('a "Total …" line that balances a "Financed by:" list under a caption row of its own (T9-62)', () => {
    const FILE = 'midlothian-budget-allocation-2024-25.tsv';
    it('Midlothian: "Spending/receipts | 2024/25 £m" under a title line heads a second table; "Financed by: | £m" is its heading; "Total amount needed from Council Tax" is the balancing line: 191.6 + 34.8 + 9.6 + 64.7 = 300.7 = Net spending', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r), []);
      assert.ok(!r.findings.some((f) => f.rule === 'printed.unreadable'));
    });
    it('a funding line changed (Government grants 191.6 → 192.6) is caught', () => {
      const r = audit(withCell(published(FILE), 17, 2, '£192.6'), FILE);
      assert.ok(r.findings.some((f) => f.severity === 'error' && (f.row === 17 || f.row === 20 || f.row === 15)), flags(r).join('; '));
    });
  });

  describe('a line above a title row belongs to the list above it, never a caption of the list below (T9-22)', () => {
    const FILE = 'gmca-police-precept-spend-sources-2020-21.tsv';
    it('GMCA police precept: "Capital Financing £16.67 2%" is the spending list\'s last line; the spending shares off their own sum 833.89 are found (66% v 67.48%, 3% v 3.55%), the sources list clean', () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r, { severity: true }), ['3:3 error auto.percent 67', '7:3 error auto.percent 4']);
      assert.ok(!r.findings.some((f) => f.rule === 'auto.cast.caption'));
    });
  });

  describe('a total by arithmetic exact in one column and within rounding in the others (T9-21)', () => {
    const FILE = 'lancsfire-efa-2023-24.tsv';
    it("Lancashire fire's EFA: Surplus on provision of services = Net cost of Services + Other income and expenditure — 220 exact, 5,618 and 5,838 each 1 off the £000 figures: two rounding warnings", () => {
      const r = audit(published(FILE), FILE);
      assert.deepEqual(flags(r, { severity: true }), ['10:5 warning auto.cast 5617', '10:6 warning auto.cast 5837']);
    });
    it('a figure of the surplus 100 out (5,838 → 5,938) is an error at its cell (its row no longer casts across: 220 + 5,618 = 5,838)', () => {
      const r = audit(withCell(published(FILE), 10, 6, '5,938'), FILE);
      assert.ok(r.findings.some((f) => f.severity === 'error' && f.row === 10 && f.column === 6), flags(r).join('; '));
    });
  });
});
