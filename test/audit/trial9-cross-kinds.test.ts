// Cross-casts of the session-7 and session-8 trials left for session 9 (entries T8-50, T8-05, T8-06, T7-59,
// T8-02, T8-57 in the trial-findings note), each shown on the real table as printed
// (test/fixtures/published/audit, sources in its SOURCES.md) and with one figure changed. Every expected
// figure is recomputed here by hand from the printed ones, in exact decimal.
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags as flagsOf, published } from '../support/audit-helpers';

const flags = (r: ReturnType<typeof audit>) => flagsOf(r, { severity: true }).sort();

describe('audit: cross-casts in every layout (session-8 trial T8-50, T8-05, T8-06, T8-02, T8-57; session-7 trial T7-59)', () => {
  describe('two cross-cast groups side by side, each closing on its own sum: both checked (T8-50)', () => {
    // Land & Property Services NI, "Poundages 2009 - 2010": Non-Domestic Rate District | Region | Non Domestic
    // Poundage | Domestic Rate Region | District | Domestic Poundage, 23 districts.
    const ni = published('lpsni-poundages-2009-10.tsv');

    it('as printed: 46 cross-casts (both groups); Cookstown\'s non-domestic poundage is the one error: 0.210292 + 0.2898 = 0.500092, printed 0.509192', () => {
      const r = audit(ni);
      assert.equal(exitCodeOf(r), 1);
      assert.deepEqual(flags(r), ['14:4 error auto.across 0.500092']);
      assert.equal(r.tables[0].checked.crossCasts, 46);
    });

    it('Antrim\'s non-domestic poundage changed (0.554161 → 0.564161): found at its cell (0.255261 + 0.2989 = 0.554161)', () => {
      const r = audit(ni.replace('0.554161', '0.564161'));
      assert.ok(flags(r).includes('4:4 error auto.across 0.554161'));
    });

    it('the 2010 page, the domestic pair in the other order (district, regional): clean, 36 cross-casts; a non-domestic poundage changed is found (Antrim 0.268813 + 0.3069 = 0.575713)', () => {
      const y10 = published('lpsni-rate-poundages-2010.tsv');
      const r = audit(y10);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.crossCasts, 36);
      assert.deepEqual(flags(audit(y10.replace('0.575713', '0.585713'))), ['3:4 error auto.across 0.575713']);
    });
  });

  describe('a total column printed FIRST, left of its parts (T8-05)', () => {
    // Hansard 15 June 2004, Merseyside police funding (£ million): Total gross revenue expenditure | Government
    // funding and specific grants | Other | Council tax, eight years.
    const mers = published('hansard-merseyside-police-funding-1996-2004.tsv');

    it('as printed: 8 cross-casts; 1997–98 206.1 − 3.2 + 27.4 = 230.3 printed 230.2 is a rounding warning, the other seven exact (202.9 − 0.6 + 23.3 = 225.6 …)', () => {
      const r = audit(mers);
      assert.deepEqual(flags(r), ['4:2 warning auto.across 230.3']);
      assert.equal(r.tables[0].checked.crossCasts, 8);
    });

    it('a council tax figure changed (2003–04 42.3 → 52.3): found on its row, 260.0 + 7.6 + 52.3 = 319.9 against 309.9 printed', () => {
      const r = audit(mers.replace('\t42.3', '\t52.3'));
      assert.deepEqual(flags(r), ['10:2 error auto.across 319.9', '4:2 warning auto.across 230.3']);
    });

    it('StatsWales\'s police budget requirement (the KNOWN_GAP of session 8): Budget requirement = rates + RSG + police grant + council tax over two ".." columns; Dyfed Powys 8,823 + 4,278 + 36,212 + 49,787 = 99,100 printed 99,099, and the total row 640,074 printed 640,073, warned; the tax base and the Band D rate are no parts', () => {
      const r = audit(published('statswales-police-authority-budget-requirement.tsv'));
      assert.deepEqual(flags(r), ['3:2 warning auto.across 640074', '3:2 warning auto.cast 640072', '3:8 warning auto.cast 290139', '3:9 warning auto.cast 1215498', '4:2 warning auto.across 99100']);
    });
  });

  describe('a total column printed to FEWER places than its parts (T8-06)', () => {
    // Hansard 5 November 1997, Derbyshire Police Authority (£ million): four sources to two places (17.8, 19.7,
    // 13.3 one) and "Total spending power" to one.
    const db = published('hansard-derbyshire-police-authority-spending-power-1995-98.tsv');

    it('as printed: the total is learned from all three years within its own rounding; 43.76 + 13.71 + 17.8 + 13.02 = 88.29 printed 88.3 and 48.09 + 14.09 + 18.89 + 15.28 = 96.35 printed 96.3 are rounding warnings, 92.50 = 92.5 exact', () => {
      const r = audit(db);
      assert.equal(exitCodeOf(r), 1);
      assert.deepEqual(flags(r), ['4:6 warning auto.across 88.29', '6:6 warning auto.across 96.35']);
      assert.equal(r.tables[0].checked.crossCasts, 3);
    });

    it('the 1996–97 total changed (92.5 → 93.5): an error, 46.36 + 13.14 + 19.7 + 13.3 = 92.50', () => {
      assert.ok(flags(audit(db.replace('\t92.5', '\t93.5'))).includes('5:6 error auto.across 92.5'));
    });
  });

  describe('a net column that is the sum of THREE columns not side by side (T7-59)', () => {
    // Isle of Wight, Environment committee, revenue summary October 2003 (£000): expenditure Budget | To Date |
    // Committed | % | income Budget | To Date | % | Net Budget | Net To Date | Variance.
    const iow = published('iow-environment-revenue-2003-04-oct.tsv');

    it('as printed: clean; net to date = to date + committed + income to date on all five services (1,097.8 + 20.3 − 108.6 = 1,009.5), 10 cross-casts', () => {
      const r = audit(iow);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.crossCasts, 10);
    });

    it('Policy and Strategy\'s Committed changed (20.3 → 30.3): found on its row, 1,097.8 + 30.3 − 108.6 = 1,019.5 against 1,009.5 printed', () => {
      const r = audit(iow.replace('\t20.3\t', '\t30.3\t'));
      assert.deepEqual(flags(r), ['9:10 error auto.across 1019.5']);
    });
  });

  describe('percentages that are shares of a column\'s sum, no total row printed (T8-02)', () => {
    // Cambridgeshire and Peterborough fire, "How we are financed" 2014/15: four sources in £m with their shares
    // ("Council Tax: £16.722 or 54%."), no total line.
    const cf = published('cambsfire-how-we-are-financed-2014-15.tsv');

    it('as printed: each share of the sum 16.722 + 3.437 + 8.934 + 2.036 = 31.129; Other Income 2.036 / 31.129 = 6.54%, printed 6, is the error (53.72 → 54, 11.04 → 11, 28.70 → 29 agree)', () => {
      const r = audit(cf);
      assert.equal(exitCodeOf(r), 1);
      assert.deepEqual(flags(r), ['6:4 error auto.percent 7']);
      assert.equal(r.tables[0].checked.percentages, 4);
    });

    it('the printed 6 put right (7): clean; Business Rates changed (3.437 → 4.437: 4.437 / 32.129 = 13.81%, printed 11) is found at its share', () => {
      const right = cf.replace('6%.', '7%.');
      assert.deepEqual(flags(audit(right)), []);
      assert.ok(flags(audit(right.replace('£3.437', '£4.437'))).some((f) => f.startsWith('4:4 error auto.percent 14')));
    });
  });

  describe('a column per week beside the same figure per year (T8-57)', () => {
    // North Yorkshire PFCC, 2023/24 fire precept: band | 2022/2023 | 2023/2024 | Increase per year | Increase per week.
    const ny = published('northyorks-pfcc-fire-precept-2023-24.tsv');

    it('as printed: clean; every band\'s increase per week is its increase per year ÷ 52 to the penny (3.33 / 52 = 0.064 → 0.06; 4.44 / 52 = 0.0854 → 0.09; 10.00 / 52 = 0.192 → 0.19)', () => {
      const r = audit(ny);
      assert.deepEqual(flags(r), []);
      // 8 per week = per year ÷ 52, and (since session 10) the 16 band charges of the two years, each its ninths of Band D
      assert.equal(r.tables[0].checked.crossCasts, 24);
      assert.ok(r.tables[0].differences.some((d) => d.caption === 'Increase per week' && /Increase per year ÷ 52/.test(d.is)));
    });

    it('band A\'s per week changed by £1.00 (0.06 → 1.06): an error at its cell, expected 0.06', () => {
      assert.deepEqual(flags(audit(ny.replace('£  0.06', '£  1.06'))), ['4:5 error auto.across.per-period 0.06']);
    });
  });

  describe('a net column its captions name, whose one row agrees only within rounding (session-9 trial T9-08)', () => {
    // Northumbria PCC's statement on South Tyneside's page 2020/21: "Gross Expenditure £m | Gross Income £m | Net
    // Expenditure £m", printed on one row only: Police General 321.5 | −18.9 | 302.5.
    const nb = published('southtyneside-northumbria-pcc-funding-2020-21.tsv');

    it('as printed: net = gross + income within the rounding of three one-place figures, 321.5 − 18.9 = 302.6 printed 302.5, a warning (and last year\'s 284.1 − 219.0 − 3.4 − 8.2 − 0.8 = 52.7 printed 52.8)', () => {
      const r = audit(nb);
      assert.deepEqual(flags(r), ['12:1 warning auto.cast 52.7', '3:5 warning auto.across 302.6']);
    });

    it('the net changed by 10 (302.5 → 312.5): an error at its cell, 302.6 expected', () => {
      const r = audit(nb.replace('-18.9\t302.5', '-18.9\t312.5'));
      assert.ok(flags(r).includes('3:5 error auto.across 302.6'));
    });
  });

  describe('a cumulative row across the years is a running balance, its total column the closing figure (session-9 trial T9-65 (b))', () => {
    // Oxfordshire CC capital programme 2012/13-2017/18 (£'000s): "In-Year Shortfall (-) /Surplus (+)" then "Cumulative
    // Shortfall (-) / Surplus (+)" 26,362 (brought in, left of the first year) | 30,158 | … | 203 | total 203.
    const ox = published('oxfordshire-capital-programme-2012-17.tsv');

    it('as printed: no cross-cast error on the cumulative row (203 is its closing figure, not 119,321 the sum of its years); its years rolled: 30,158 + 9,574 = 39,732 … 10,458 − 10,255 = 203', () => {
      const r = audit(ox);
      assert.ok(!flags(r).some((f) => f.startsWith('18:')), flags(r).join('; '));
      assert.equal(r.tables[0].checked.rollForwards, 5);
    });

    it('a cumulative figure changed (2014/15 25,382 → 25,482): an error at its cell, 39,732 − 14,350 = 25,382', () => {
      const r = audit(ox.replace('\t25,382\t', '\t25,482\t'));
      assert.ok(flags(r).includes('18:5 error auto.balance-roll-forward 25382'), flags(r).join('; '));
    });
  });
});
