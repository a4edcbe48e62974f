// Kinds of the session-7 trial closed in session 8 by fix-c (T7-52, T7-54, T7-56, T7-57, T7-60, T7-66):
// each on the real table as printed (test/fixtures/published/audit, sources in its SOURCES.md; the
// arithmetic restated in exact decimal by verify.py) and with one figure changed. Expected figures are
// recomputed here by hand from the printed ones.
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags as flagsOf, published, tsv } from '../support/audit-helpers';

const flags = (r: ReturnType<typeof audit>) => flagsOf(r, { severity: true }).sort();

describe('audit: kinds of the session-7 trial closed in session 8 (fix-c)', () => {
  describe('a column of percentages known only by its figures (no % sign, a caption that names none) is checked as percentages, never summed as money (T7-60)', () => {
    // Thanet DC, "How is my council tax worked out" 2018/19: "Difference" = (2018/19 − 2017/18) / 2017/18.
    const thanet = published('thanet-council-tax-worked-out-2018-19.tsv');

    it('Thanet: "Difference" (−5.64, −4.49, −15.60, 2.99, 5.24) is read as (2018/19 − 2017/18) / 2017/18 on its 5 rows, clean, exit 0', () => {
      const r = audit(thanet);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.percentages, 5);
      assert.equal(r.tables[0].percentages?.[0].is, "(2018/19 £'000 − 2017/18 £'000) / 2017/18 £'000, the change over the first");
      // before: "Net Budget 2018/19 — Difference: printed −4.49, but the 6 rows it totals … add up to −5.64"
      assert.ok(!r.findings.some((f) => f.rule === 'auto.cast' && f.column === 4));
    });

    it('Thanet: the net budget\'s −4.49 printed −4.94 is an error at [8,4]: (16,800 − 17,589) / 17,589 = −4.4857… → −4.49', () => {
      assert.deepEqual(flags(audit(thanet.replace('\t-4.49\t', '\t-4.94\t'))), ['8:4 error auto.percent -4.49']);
    });

    // Hampshire CC, "Where the money comes from" 2012/13: "Increase on" (cut short), income printed negative.
    const hants = published('hampshirecc-money-comes-from-2012-13.tsv');

    it('Hampshire: "Increase on" is the change over the size of the adjusted 2011/12 figure (grants −924 → −837 is +9.4); Budget −2.0 for −1.93 a warning; exit 1 for rounding only', () => {
      const r = audit(hants);
      assert.equal(exitCodeOf(r), 1);
      // (712 − 726) / 726 = −1.9283… → −1.9, printed −2.0 (711.5 … 712.5 over 725.5 … 726.5 allows −2.07 … −1.79);
      // 726 − 196 − 4 = 526 and 716 − 186 − 4 = 526 exact, 712 − 177 − 4 = 531 printed 530 (three figures to £1m)
      assert.deepEqual(flags(r), ['10:4 warning auto.cast 531', '7:5 warning auto.percent -1.9']);
      assert.match(r.tables[0].percentages?.[0].is ?? '', /\/ \|2011\/12 adjusted for function changes etc\|, the change over the size of the first/);
    });

    it('Hampshire: the grants\' 9.4 printed 4.9 is an error at [5,5]: (−837 + 924) / 924 = 9.4155… → 9.4', () => {
      assert.deepEqual(flags(audit(hants.replace('\t9.4\n', '\t4.9\n'))), ['10:4 warning auto.cast 531', '5:5 error auto.percent 9.4', '7:5 warning auto.percent -1.9']);
    });

    // Hansard, Commons written answers 7 March 2002: revenue expenditure and three sources, each "£ billion | Per cent."
    const lgf = published('hansard-lg-revenue-financing-1997-2002.tsv');

    it('Hansard 2002: the three "Per cent." columns (whole figures, no % sign) are each source / revenue expenditure; 1998–99 council tax 24 where 12.332 / 50.189 = 24.571… → 25 is the one error (T8-04)', () => {
      const r = audit(lgf);
      assert.equal(r.tables[0].checked.percentages, 15);
      assert.deepEqual(flags(r), ['4:8 error auto.percent 25']);
    });

    it('Hansard 2002: 1997–98 government grant 50 printed 55 is an error at [3,4]: 23.840 / 47.256 = 50.448… → 50', () => {
      assert.deepEqual(flags(audit(lgf.replace('\t23.840\t50\t', '\t23.840\t55\t'))), ['3:4 error auto.percent 50', '4:8 error auto.percent 25']);
    });

    it('a small money column stays money: West Mercia PCC\'s band table, "Difference" in pounds (£9.89 = £176.33 − £166.44), is checked as 2023/24 − 2022/23 (its one error, since session 10, is Band B 2022/23 £191.18 where 7/9 × £249.66 = £194.18: a band proportion, not the difference)', () => {
      // https://westmercia-pcc.gov.uk/counciltax ("Council Tax Banding"), as the page prints it
      const r = audit(tsv([
        ['Council Tax band', '2023/24', '2022/23', 'Difference'],
        ['Band A', '£176.33', '£166.44', '£9.89'],
        ['Band B', '£205.72', '£191.18', '£14.54'],
        ['Band C', '£235.11', '£221.92', '£13.19'],
        ['Band D', '£264.50', '£249.66', '£14.84'],
        ['Band E', '£323.28', '£305.14', '£18.14'],
        ['Band F', '£382.06', '£360.62', '£21.44'],
        ['Band G', '£440.83', '£416.10', '£24.73'],
        ['Band H', '£529.00', '£499.32', '£29.68'],
      ]));
      assert.equal(r.tables[0].checked.percentages, 0);
      assert.equal(r.tables[0].checked.variances, 8);
      assert.deepEqual(flags(r), ['3:3 error auto.across.band-proportion 194.18']);
    });
  });

  it('a sub-total that casts from its own lines is never "printed with the wrong sign": South Lakeland 2019/20, only [25,5] (Budget income 447.5 for −447.5) and [33,3] (T7-52)', () => {
    const r = audit(published('southlakeland-cumbriacc-income-expenditure-2019-20.tsv'));
    // Service costs −447.5 = −420.0 − 20.2 − 0.4 − 0.0 − 4.7 − 1.1 − 1.1 + 0.0 + 0.0; 378.7 − 123.7 − 17.9 − 0.7 − 0.1 = 236.3
    assert.deepEqual(flags(r), ['25:5 error auto.cast -447.5', '33:3 error auto.cast 236.3']);
    assert.ok(!r.findings.some((f) => f.rule.endsWith('.sign')));
  });

  it('a sub-total printed under two lines it leaves out is found at its own cells, not moved to a line: South Lakeland 2022/23 "Service costs" (T7-54)', () => {
    const r = audit(published('southlakeland-cumbriacc-income-expenditure-2022-23.tsv'));
    // nine lines: 897.0 / 418.2 / 950.3 / 455.5 (918.0 − 13.9 + 34.9 = 897.0 …); Budget = them + reserves exactly
    assert.deepEqual(flags(r).filter((f) => !f.includes('band-proportion')), ['23:2 error auto.cast 897', '23:3 error auto.cast 418.2', '23:4 error auto.cast 950.3', '23:6 error auto.cast 455.5']);
    // (the band table above it is a table checked too since session 10: its bands are the ninths of Band D £1,528.00,
    // A, B, E and G a penny off — county and adult social care each rounded — rounding warnings since session 11)
    assert.deepEqual(flags(r).filter((f) => f.includes('band-proportion')).length, 4);
    assert.match(r.tables.flatMap((t) => t.totals).find((x) => x.row === 23)?.why ?? '', /sum of rows 14-20 only, leaving out rows 21-22/);
  });

  describe('spacer rows between numbered groups under one set of captions, and two period groups (T7-56, T7-57)', () => {
    const iow = published('iow-adult-community-revenue-2004-05-may.tsv');

    it('Isle of Wight adult services May 2004: one table; % SPENT columns checked as percentages; remaining and variance learned from the current year\'s columns; the two 13-out variances the errors', () => {
      const r = audit(iow);
      assert.equal(r.tables.length, 1);
      assert.equal(r.tables[0].layout, 'auto');
      const f = flags(r);
      // 12,552 − 12,541 = 11 printed (2); 18,380 − 18,283 = 97 printed 84
      assert.ok(f.includes('18:10 error auto.variance 11') && f.includes('25:10 error auto.variance 97'));
      assert.equal(f.filter((x) => x.includes(' error ')).length, 2);
      // no % column summed as money (before: "printed 16 expected 86" at [15,4])
      assert.ok(!r.findings.some((x) => x.rule.endsWith('.cast') && [4, 7, 11].includes(x.column ?? 0)));
      assert.ok(!r.findings.some((x) => x.rule === 'capital.remaining'));
      assert.deepEqual(r.tables[0].percentages?.map((p) => p.is), [
        'ACTUAL TO Month 2 £000 / LAST YEAR 2003/4 ANNUAL BUDGET £000',
        'ACTUAL TO MONTH 2 £000 / CURRENT YEAR 2004/5 ANNUAL BUDGET £000',
        'FORECAST OUTTURN VARIANCE £000 / CURRENT YEAR 2004/5 ANNUAL BUDGET £000',
      ]);
    });

    it('a % spent after a spacer changed (Older People 14 → 41) is an error at [18,4]: 1,510 / 11,106 = 13.596… → 14', () => {
      const f = flags(audit(iow.replace('\t1,510\t14\t', '\t1,510\t41\t')));
      assert.ok(f.includes('18:4 error auto.percent 14'));
    });
  });

  it('a first row labelled as a total over lines that add up to it is their total, not balanced by the last line: Brighton & Hove 2020/21, the changes\' 35.4 gap at [2,3] (T7-66)', () => {
    const r = audit(published('brighton-services-provided-2020-21.tsv'));
    // 12.4 + 17.7 + 7.5 + 6 + 2.6 + 0.0 + 1.1 + 1.6 − 1.4 + 0.6 − 0.2 + 0.7 + 0.2 + 0.3 = 49.1, printed (+ £13.7m)
    assert.deepEqual(flags(r), ['2:3 error auto.cast 49.1']);
    assert.equal(r.tables[0].totals[0].row, 2);
  });
});
