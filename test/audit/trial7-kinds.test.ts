// Kinds the session-6 trial and its new user found unchecked (entries T6-100, T6-101, U6-18, U6-28 of
// the trial-findings note; T7-65 of session 7's: percentages, remaining budgets, conventions), each shown on the real table as printed (test/fixtures/published/audit, sources in its SOURCES.md) and
// with one figure changed. Every expected figure is recomputed here by hand from the printed ones, in
// exact decimal.
import assert from 'node:assert/strict';
import { AuditInputError, exitCodeOf } from '../../src/audit/audit';
import { audit, flags as flagsOf, published } from '../support/audit-helpers';

const flags = (r: ReturnType<typeof audit>) => flagsOf(r, { severity: true }).sort();

describe('audit: kinds of the session-6 trial left for session 7 (T6-100, T6-101, U6-18, U6-28) and of the session-7 trial (T7-65)', () => {
  describe('a ratio of two money columns on each row ("Reserves £m | Total revenue funding £m | Reserves as % of …") is checked as that ratio, whatever a caption names (T6-100)', () => {
    // Home Office answer to a parliamentary question, 3 November 2015: three police authorities' reserves,
    // total revenue funding and reserves as % of government grant + precept, five year-ends each.
    const pq = published('homeoffice-pq-police-reserves-2011-15.tsv');

    it('as printed: 15 percentages checked as Reserves / Total revenue funding; the three the £m rounding explains are warnings, exit 1', () => {
      const r = audit(pq);
      assert.equal(exitCodeOf(r), 1);
      assert.equal(r.unchecked, undefined);
      assert.deepEqual(r.tables.map((t) => t.checked.percentages), [5, 5, 5]);
      for (const t of r.tables) assert.deepEqual(t.percentages?.map((p) => p.is), ['Reserves £m / Total revenue funding £m']);
      // 47.9 / 181.1 = 26.449… → 26.4, printed 26.5 (47.95 / 181.05 = 26.484…); 35.8 / 266.0 = 13.458… → 13.5,
      // printed 13.4 (35.75 / 266.05 = 13.437…); 49.3 / 258.9 = 19.042… → 19.0, printed 19.1 (49.35 / 258.85 = 19.065…).
      assert.deepEqual(flags(r), ['14:4 warning auto.percent 13.5', '15:4 warning auto.percent 19', '7:4 warning auto.percent 26.4']);
    });

    it('a percentage one point out is an error at its cell: Hertfordshire 2012 printed 14.0% where 24.9 / 191.5 = 13.0026… → 13.0', () => {
      const r = audit(pq.replace('\t13.0%', '\t14.0%'));
      assert.deepEqual(flags(r), ['14:4 warning auto.percent 13.5', '15:4 warning auto.percent 19', '4:4 error auto.percent 13', '7:4 warning auto.percent 26.4']);
    });

    // House of Commons written answer, 30 November 1999: police authorities' reserves at 31 March 1998
    // (CIPFA), "Net expenditure £000 | Reserves £000 | Percentages", no % sign, a nil printed "—".
    const hansard = published('hansard-police-reserves-1998.tsv');

    it('"Percentages" over bare figures is a percentage column: 8 checked as Reserves / Net expenditure (the second column over the first), clean, exit 0', () => {
      const r = audit(hansard);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.percentages, 8);
      assert.equal(r.tables[0].percentages?.[0].is, 'Reserves £000 / Net expenditure £000');
    });

    it('Avon and Somerset printed 2.7 where 2,539 / 152,673 = 1.663… → 1.7: an error at [3,4]', () => {
      const r = audit(hansard.replace('\t2,539\t1.7', '\t2,539\t2.7'));
      assert.deepEqual(flags(r), ['3:4 error auto.percent 1.7']);
    });

    it('a reserves figure changed (Cheshire 6,162 → 7,162) is found at the percentage it breaks: 7,162 / 104,005 = 6.886… → 6.9, printed 5.9', () => {
      const r = audit(hansard.replace('\t6,162\t', '\t7,162\t'));
      assert.deepEqual(flags(r), ['6:4 error auto.percent 6.9']);
    });

    it('a percentage column no pair of columns explains is named in a note, not passed over: exit 2 saying which column has no basis', () => {
      const lines = hansard.split('\n');
      // every percentage replaced by a figure no ratio of the row gives
      const wrong = ['4.4', '7.1', '3.3', '9.9', '0.0', '8.2', '6.6', '1.1'];
      let k = 0;
      const scrambled = lines.map((l) => (/\t[\d.]+$/.test(l) && /\d/.test(l.split('\t')[1] ?? '') ? l.replace(/\t[\d.]+$/, `\t${wrong[k++]}`) : l)).join('\n');
      assert.equal(k, 8);
      assert.throws(() => audit(scrambled), (e: unknown) => e instanceof AuditInputError && /Percentages: no basis reproduces any of its 8 figure\(s\)/.test(e.message));
    });
  });

  describe('a year-on-year "Percentage change" down the rows (years as rows: this year over last year − 1) is checked (T6-101)', () => {
    // House of Commons written answers, 15 January 1997: "Total spending powers" and "Total external
    // support …" for the West Midlands and England and Wales, 1992–93 to 1997–98, £ million with a
    // "Percentage change" column each; footnote numbers ("2", "3") stand where no figure exists.
    const wmids = published('hansard-police-spending-wmids-1992-98.tsv');

    it('as printed: 13 percentages checked, each the change from the row above, clean, exit 0; the footnote cells compared with nothing', () => {
      // 302.7 / 286.2 − 1 = 5.765…% → 5.8; 314.9 / 302.7 → 4.030… → 4.0; 329.3 / 314.9 → 4.572… → 4.6; 344.2 / 329.3 → 4.524… → 4.5;
      // 357.2 / 344.2 → 3.776… → 3.8; 6,612.8 / 6,366.5 → 3.868… → 3.9; 6,859.3 / 6,612.8 → 3.727… → 3.7; 282.4 / 272.0 → 3.823… → 3.8;
      // 295.9 / 282.4 → 4.780… → 4.8; 310.0 / 295.9 → 4.765… → 4.8; 317.4 / 310.0 → 2.387… → 2.4; 5,801.9 / 5,589.4 → 3.801… → 3.8;
      // 5,930.0 / 5,801.9 → 2.207… → 2.2.
      const r = audit(wmids);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(r.findings, []);
      assert.deepEqual(r.tables.map((t) => t.checked.percentages), [7, 6]);
      for (const t of r.tables) {
        assert.deepEqual(t.percentages?.map((p) => p.is), [
          'the change in West Midlands £ million from the row above over that row\'s figure (year on year down the rows)',
          'the change in England and Wales1 £ million from the row above over that row\'s figure (year on year down the rows)',
        ]);
      }
    });

    it('a year\'s figure changed (1994–95 314.9 → 315.9) breaks its own change and the next year\'s: 315.9 / 302.7 → 4.36… → 4.4 (printed 4.0), 329.3 / 315.9 → 4.24… → 4.2 (printed 4.6)', () => {
      const r = audit(wmids.replace('\t314.9\t4.0', '\t315.9\t4.0'));
      assert.deepEqual(flags(r), ['5:3 error auto.percent 4.4', '6:3 error auto.percent 4.2']);
    });

    it('a percentage printed on the first year, with nothing above it to compare with, is a note, not a check', () => {
      const r = audit(wmids.replace('1992–93\t286.2\t', '1992–93\t286.2\t3.1'));
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(r.findings.map((f) => `${f.row}:${f.column} ${f.severity} ${f.rule}`), ['3:3 note auto.percent.no-previous']);
    });
  });

  describe('"Budget Left" columns are what remains of the budget, and "Budget Left" after commitments the earlier one less them (U6-18)', () => {
    // Isle of Wight Council, Fire and Public Safety Select Committee, capital expenditure summary as at
    // end of March 2005: Revised Budget | Spend | Budget Left | Total Commitment | Budget Left.
    const iow = published('iow-fire-public-safety-capital-2004-05-mar.tsv');

    it('as printed: clean; Budget Left = Revised Budget − Spend and the second Budget Left = Budget Left − Total Commitment on all 8 rows', () => {
      const r = audit(iow);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(r.findings, []);
      assert.deepEqual(r.tables[0].differences.map((d) => `${d.column} ${d.is}`), ['4 Revised Budget − Spend', '6 Budget Left − Total Commitment']);
      assert.equal(r.tables[0].checked.variances, 16);
    });

    it('a line figure overtyped and carried into the total (Cemeteries 39,512 → 39,612 in both Budget Left columns, TOTAL 159,595 → 159,695 and 109,583 → 109,683): found at the line and at the total', () => {
      // 50,000 − 10,488 = 39,512; 290,702 − 131,107 = 159,595. The second column agrees with the first as printed
      // (39,612 − 0; 159,695 − 50,012 = 109,683), and every column still casts: only the difference sees it.
      const changed = iow.replace('\t39,512\t0\t39,512\t', '\t39,612\t0\t39,612\t').replace(/^TOTAL\t290,702\t131,107\t159,595\t50,012\t109,583/m, 'TOTAL\t290,702\t131,107\t159,695\t50,012\t109,683');
      assert.notEqual(changed, iow);
      const r = audit(changed);
      assert.deepEqual(flags(r), ['10:4 error capital.remaining 39512', '13:4 error capital.remaining 159595']);
    });

    it('a commitment changed (Cowes 27,050 → 27,150, its total with it) is found at the budget left after it: 33,093 − 27,150 = 5,943, printed 6,043', () => {
      const changed = iow.replace('\t27,050\t', '\t27,150\t').replace('\t50,012\t', '\t50,112\t');
      const r = audit(changed);
      assert.deepEqual(flags(r), ['13:6 error capital.remaining-after 109483', '7:6 error capital.remaining-after 5943']);
    });
  });

  describe('a semicolon-separated file with decimal commas: a footnote marker after a decimal-comma figure ("10,8*") is read as "10.8*" is, with its note (U6-28)', () => {
    // Scottish Government, SFRS funding 2013/14 to 2022/23 (in millions), as Excel in Germany or France saves
    // it: ';' between cells, decimal commas, the footnoted Capital 2016/17 "10,8*".
    const printed = published('scotgov-sfrs-funding-2013-23.tsv');
    const semicolon = printed.replace(/\t/g, ';').replace(/(\d)\.(\d)/g, '$1,$2');

    it('the same findings as the table as printed: TOTAL 2022/23 332.7 against 352.707, four rounding warnings, and the marker a note, no unreadable cell', () => {
      assert.match(semicolon, /;10,8\*;/);
      const asPrinted = audit(printed);
      const r = audit(semicolon, 'sfrs.csv');
      assert.equal(r.tables[0].readAs, 'UTF-8, semicolon-separated with decimal commas');
      assert.deepEqual(flags(r), flags(asPrinted));
      // 294.207 + 26.0 + 32.5 = 352.707; 2016/17: 259.221 + 24.679 + 10.8 = 294.700, printed 294.7
      assert.ok(flags(r).includes('6:11 error auto.cast 352.707'));
      assert.deepEqual(r.findings.filter((f) => f.severity === 'note').map((f) => `${f.row}:${f.column} ${f.rule}`), ['5:5 printed.footnote-marker']);
      assert.equal(r.tables[0].checked.totals, 10);
    });
  });

  describe('shares whose total prints no 100%: a % column whose lines add up to 100 is each line\'s share of the total, however few fit (T7-65)', () => {
    // Derry City and Strabane District Council, "Rates Breakdown" 2022/23: "39.4% | £27.087m" … "Total Net
    // Expenditure | | £67.964m"; the shares add up to 100.0 but five are not their line's share of 67.964.
    const derry = published('derrystrabane-net-revenue-expenditure-2022-23.tsv');

    it('as printed: 6 shares checked, the five that are not their line\'s share errors at their cells; the income total a rounding warning', () => {
      // 27.087 / 67.964 = 39.855% → 39.9 (printed 39.4); 12.358 → 18.183 → 18.2 (17.7); 8.524 → 12.542 → 12.5 (fits);
      // 8.660 → 12.742 → 12.7 (13.4); 3.445 → 5.069 → 5.1 (5.2); 7.890 → 11.609 → 11.6 (11.8). Income: 64.972 + 2.268 + 0.373 + 0.350 = 67.963.
      const r = audit(derry);
      assert.equal(exitCodeOf(r), 1);
      assert.equal(r.tables[0].checked.percentages, 6);
      assert.match(r.tables[0].percentages?.[0].is ?? '', /as a share of its total \(the lines' percentages add up to 100, the total's 100% not printed\)/);
      assert.deepEqual(flags(r), ['17:3 warning auto.cast 67.963', '4:2 error auto.percent 39.9', '5:2 error auto.percent 18.2', '7:2 error auto.percent 12.7', '8:2 error auto.percent 5.1', '9:2 error auto.percent 11.6']);
    });

    it('shares that do not add up to 100 say nothing of a basis: the column is a note, not six errors', () => {
      const r = audit(derry.replace('\t39.4%\t', '\t49.4%\t'));
      assert.equal(r.tables[0].checked.percentages, 0);
      assert.deepEqual(flags(r), ['17:3 warning auto.cast 67.963']);
      assert.ok(r.findings.some((f) => f.rule === 'auto.percent.no-basis' && f.row === 4 && f.column === 2));
    });
  });
});
