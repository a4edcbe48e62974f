// The kinds of reading the mutation property (test/audit/mutation.test.ts) found missing, each shown on
// the real table that showed it (sources: test/fixtures/published/audit/SOURCES.md and
// test/fixtures/audit-corpus/README.md) with one figure changed, and on the table as printed (clean).
// Every expected figure is recomputed here by hand from the printed ones, in exact decimal.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exitCodeOf } from '../../src/audit/audit';
import { balanceAt, datedName } from '../../src/audit/casting';
import { Dec } from '../../src/base/decimal';
import { audit, flags } from '../support/audit-helpers';

const PUBLISHED = join(__dirname, '..', 'fixtures', 'published', 'audit');
const CORPUS = join(__dirname, '..', 'fixtures', 'audit-corpus');

const read = (file: string) => readFileSync(file, 'utf8');
/** The error and warning findings as "row:column rule expected". */

describe('audit: kinds of reading the mutation property found missing', () => {
  describe('a column headed "Total …" beside the columns its header names is a cross-cast, even in a table of one row', () => {
    // PCC for Surrey, Decision 42/2022, 2nd quarter 2022/23: PCC Budget 3.3 + Operational Budget 275.8 = Total Budget 279.1.
    const m6 = read(join(PUBLISHED, 'surrey-pcc-monitoring-2022-23-m6.tsv'));

    it('as printed: clean, and the one row is cross-cast (3.3 + 275.8 = 279.1)', () => {
      const r = audit(m6);
      assert.equal(exitCodeOf(r), 0);
      assert.equal(r.tables[0].checked.crossCasts, 1);
      assert.ok(r.involved!.some((x) => x.row === 2 && x.column === 2), 'the PCC Budget figure is in a check');
    });

    it('the PCC Budget printed 3.4: Total Budget is found 0.1 short of its parts (3.4 + 275.8 = 279.2)', () => {
      const r = audit(m6.replace('Month 6\t3.3\t', 'Month 6\t3.4\t'));
      assert.deepEqual(flags(r), ['2:4 revenue.across 279.2']);
      assert.match(r.findings[0].message, /the columns its header names as its parts/);
    });

    it('the Operational Budget printed 10,275.8: Total Budget is found short (3.3 + 10,275.8 = 10,279.1)', () => {
      const r = audit(m6.replace('\t275.8\t', '\t10275.8\t'));
      assert.deepEqual(flags(r), ['2:4 revenue.across 10279.1']);
    });

    it('the PCC Budget printed 0.0 (a part left out): the row is still cross-cast, a nil part being a part (0.0 + 275.8 = 275.8)', () => {
      const r = audit(m6.replace('Month 6\t3.3\t', 'Month 6\t0.0\t'));
      assert.deepEqual(flags(r), ['2:4 revenue.across 275.8']);
    });

    it('not over versions of the total: "Original Budget" and "Revised Budget" beside "Total Budget" are not its parts', () => {
      const header = ' \tOriginal Budget £m\tRevised Budget £m\tTotal Budget £m\tProjected Outturn £m\tProjected Variance £m';
      const r = audit(`${header}\nMonth 6\t275.8\t279.1\t279.1\t276.7\t(2.4)\n`);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.crossCasts, 0);
    });

    it('rows that say otherwise win over the header: two rows whose "Total Budget" is not the sum of the named columns are not cross-cast', () => {
      // The same header over two rows where the total holds a third, unprinted part (figures made up for the shape).
      const header = m6.split('\n')[0];
      const text = `${header}\nMonth 6\t3.3\t275.8\t281.1\t276.7\t(4.4)\nMonth 9\t3.2\t275.9\t281.1\t275.7\t(5.4)\n`;
      const r = audit(text);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.crossCasts, 0);
    });
  });

  describe('a firmly closing label ("Gross expenditure", "Net expenditure") is a total however far its rows are out, when its run crosses no heading', () => {
    // Eden DC, Cumbria Commissioner Fire and Rescue Authority 2023/24 (£m): nine lines = Gross expenditure 30.515;
    // 30.515 − 0.169 − 4.903 = Net expenditure / budget requirement 25.443; 25.443 − 3.211 − 6.360 + 0.067 = 15.939.
    const eden = read(join(CORPUS, 'cumbria-fire-2023-24-eden.tsv'));

    it('as printed: clean, three totals read', () => {
      const r = audit(eden);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(r.tables[0].totals.map((t) => `${t.row}:${t.from}-${t.to}`), ['11:2-10', '14:11-13', '18:14-17']);
    });

    it('Firefighter pay printed 117.044 (100 £m too much): Gross expenditure is found 100 short (the lines add up to 130.515)', () => {
      const r = audit(eden.replace('\t17.044', '\t117.044'));
      assert.deepEqual(flags(r), ['11:2 auto.cast 130.515']);
    });

    it('Less: fees and charges printed 99.831 for (0.169): Net expenditure is read as Gross expenditure less the lines since (30.515 + 99.831 − 4.903 = 125.443)', () => {
      const r = audit(eden.replace('(0.169)', '99.831'));
      assert.deepEqual(flags(r), ['14:2 auto.cast 125.443']);
      assert.equal(r.tables[0].totals.find((t) => t.row === 14)?.from, 11, 'the running reading: from Gross expenditure');
    });
  });

  describe('a balance at a later date named as one above it ("Budget … as at 30 November 2019" … "Budget as at 31 January 2020") closes a running statement', () => {
    // North Ayrshire Council, Capital Programme Performance to 31 January 2020, para 2.1 (£m):
    // 51.368 − 0.361 − 12.071 + 0.127 + 0.172 = 39.235.
    const na = read(join(PUBLISHED, 'northayrshire-capital-budget-2019-20.tsv'));

    it('as printed: clean, the last row the total of the statement from the first', () => {
      const r = audit(na);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(r.tables[0].totals.map((t) => `${t.row}:${t.from}-${t.to}`), ['8:2-7']);
    });

    it('Revisions to the Programme printed 0.173: the budget as at 31 January 2020 is found 0.001 out (51.368 − 0.361 − 12.071 + 0.127 + 0.173 = 39.236)', () => {
      const r = audit(na.replace('\t0.172', '\t0.173'));
      assert.deepEqual(flags(r), ['8:2 auto.cast 39.236']);
      assert.match(r.tables[0].totals[0].why, /at a later date/);
    });

    it('the opening budget printed 151.368: found at the closing row (100 £m out), not passed as a table with nothing to check', () => {
      const r = audit(na.replace('51.368', '151.368'));
      assert.deepEqual(flags(r), ['8:2 auto.cast 139.235']);
    });

    it('not when the balance above names another quantity or a later date: then nothing is read (nothing to check)', () => {
      for (const changed of [na.replace('Budget approved as at 30 November', 'Funding approved as at 30 November'), na.replace('30 November 2019', '30 November 2020')]) {
        assert.throws(() => audit(changed.replace('\t0.172', '\t0.173')), /nothing could be checked/);
      }
    });

    it('a later version named as a balance above it ("Approved budget" … "Revised budget", a derived variant) closes it the same way', () => {
      const versions = na.replace('Budget approved as at 30 November 2019', 'Approved budget 2019/20').replace('Budget as at 31 January 2020', 'Revised budget 2019/20');
      assert.equal(exitCodeOf(audit(versions)), 0);
      const r = audit(versions.replace('\t0.172', '\t0.173'));
      assert.deepEqual(flags(r), ['8:2 auto.cast 39.236']);
      assert.match(r.tables[0].totals[0].why, /in a later version/);
      // The versions the other way round, or another quantity: no reading (nothing to check).
      for (const other of [versions.replace('Revised budget 2019/20', 'Original budget 2019/20').replace('Approved budget 2019/20', 'Revised budget 2019/20'),
        versions.replace('Approved budget 2019/20', 'Approved funding 2019/20')]) {
        assert.throws(() => audit(other.replace('\t0.172', '\t0.173')), /nothing could be checked/);
      }
    });

    it('reads the dates a label names, day first as the UK writes them', () => {
      assert.deepEqual(datedName('Budget approved as at 30 November 2019'), { name: 'budget', date: 20191130 });
      assert.deepEqual(datedName('Budget as at 31 January 2020'), { name: 'budget', date: 20200131 });
      assert.deepEqual(datedName('Programme at 31st March 2005'), { name: 'programme', date: 20050331 });
      assert.deepEqual(datedName('Balance at 31/03/2024'), { name: 'balance', date: 20240331 });
      assert.deepEqual(datedName('Revised budget, June 2021'), { name: 'budget', date: 20210601 });
      assert.equal(datedName('2019/20 to 2020/21'), undefined);
      assert.equal(datedName('As at 31 March 2024'), undefined, 'a date naming nothing');
      assert.deepEqual(balanceAt('Original Budget'), { name: 'budget', stage: 0 });
      assert.deepEqual(balanceAt('Revised budget'), { name: 'budget', stage: 1 });
      assert.deepEqual(balanceAt('Budget as at 31 January 2020'), { name: 'budget', date: 20200131 });
      assert.equal(balanceAt('Premises costs'), undefined);
    });
  });

  describe('a running total where a total stands: the last row, after a total and the line that changes it', () => {
    // Bath & North East Somerset Council, Cabinet 29 June 2005, Appendix 5 (£000): TOTAL (14,834);
    // Remove amounts not subject to carry forward rules (511); Maximum amount … carry forward (15,345) = (14,834) + (511).
    const banes = read(join(PUBLISHED, 'banes-capital-outturn-2004-05.tsv'));

    it('as printed: clean, the last row read as a running total of TOTAL and the line since', () => {
      const r = audit(banes);
      assert.equal(exitCodeOf(r), 0);
      assert.ok(r.tables[0].totals.some((t) => t.row === 32 && t.from === 30 && t.to === 31));
    });

    for (const [printed, expected] of [['(510)', '-15344'], ['(512)', '-15346'], ['99489', '84655']]) {
      it(`the amount removed printed ${printed}: the maximum to carry forward is found out (TOTAL + ${printed} = ${expected})`, () => {
        const r = audit(banes.replace('\t(511)', `\t${printed}`));
        assert.deepEqual(flags(r), [`32:7 revenue.cast ${expected}`]);
      });
    }
  });

  describe('which way round a difference column was read is in the report: a one-row variance with its sign flipped is the other convention, not an error', () => {
    const m6 = read(join(PUBLISHED, 'surrey-pcc-monitoring-2022-23-m6.tsv'));

    it('as printed: Projected Variance (2.4) = Projected Outturn 276.7 − Total Budget 279.1, learned from its one line', () => {
      assert.deepEqual(audit(m6).tables[0].differences, [
        { column: 6, caption: '2022/23 Projected Variance £m', is: '2022/23 Projected Outturn £m − 2022/23 Total Budget £m', agree: 1 },
      ]);
    });

    it('printed 2.4 instead: read clean as Total Budget − Projected Outturn (as bodies printing "underspend" positive do): no arithmetic tells the two apart', () => {
      const r = audit(m6.replace('(2.4)', '2.4'));
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(r.tables[0].differences.map((d) => d.is), ['2022/23 Total Budget £m − 2022/23 Projected Outturn £m']);
    });

    it('with two lines the direction is fixed by the other: the flipped one is the error (Month 6 and Month 9 as one table)', () => {
      const m9 = read(join(PUBLISHED, 'surrey-pcc-monitoring-2022-23-m9.tsv')).split('\n')[1];
      const r = audit(`${m6.trimEnd()}\n${m9.replace('(3.4)', '3.4')}\n`);
      assert.deepEqual(flags(r), ['3:6 revenue.variance -3.4']);
    });
  });

  describe('a shifted total row whose first figure is nil, printed 0, is read as shifted (no line is numbered 0)', () => {
    // Nottinghamshire Fire EFA 2020/21 adjustments, the copy whose unlabelled totals lost their first cell
    // (test/fixtures/published/audit/variant-nottsfire-efa-shifted-totals.tsv): row 16 prints (1,170) (9,416) (2,180) (12,766)
    // one column left; (1,155) + (15) = (1,170) in the capital column.
    const shifted = read(join(PUBLISHED, 'variant-nottsfire-efa-shifted-totals.tsv'));

    it('its capital total printed 0: found at its cell (the two rows above add up to −1,170); across, −12,766 is not 0 − 9,416 − 2,180, a note naming that cell, the one figure the two checks share', () => {
      const lines = shifted.split('\n');
      lines[15] = lines[15].replace('(1,170)', '0');
      const r = audit(lines.join('\n'));
      assert.deepEqual(flags(r), ['16:1 auto.cast -1170']);
      const across = r.findings.find((f) => f.row === 16 && f.column === 4)!;
      assert.deepEqual([across.severity, across.rule, across.expected], ['note', 'auto.across.explained', '-11596']);
    });
  });

  describe('a movement named after the balance it moves is closing − opening ("(Decrease) / Increase in Capital Financing Requirement")', () => {
    // Nottinghamshire Fire statement of accounts 2020/21, capital financing requirement note (£000):
    // 26,017 − 25,738 = 279 (2019/20) and 26,667 − 26,017 = 650 (2020/21).
    const cfr = read(join(PUBLISHED, 'nottsfire-capital-financing-2020-21.tsv'));

    it('as printed: clean, both years rolled (279 and 650), so those figures are in a check; and 2020/21 opens at 2019/20\'s closing (26,017)', () => {
      const r = audit(cfr);
      assert.equal(exitCodeOf(r), 0);
      assert.equal(r.tables[0].checked.rollForwards, 3);
      assert.ok(r.involved!.some((x) => x.row === 16 && x.column === 3));
    });

    it('the 2020/21 increase printed 6,500: found at its cell (26,667 − 26,017 = 650)', () => {
      const r = audit(cfr.replace('Requirement\t650', 'Requirement\t6,500'));
      assert.deepEqual(flags(r), ['16:3 auto.closing-movement 650']);
    });

    it('"Decrease in …" with the decrease printed positive: opening − closing', () => {
      const r = audit(cfr.replace('279\t(Decrease) / Increase in', '(279)\tDecrease in').replace('Requirement\t650', 'Requirement\t(650)'));
      assert.equal(exitCodeOf(r), 0);
      const wrong = audit(cfr.replace('279\t(Decrease) / Increase in', '279\tDecrease in').replace('Requirement\t650', 'Requirement\t(650)'));
      assert.deepEqual(flags(wrong), ['16:1 auto.closing-movement -279']);
    });
  });

  describe('an unlabelled sub-total in the middle of the rows, its lines in no other total, is a sub-total (a ruled row copied without its label)', () => {
    // The Eden/Cumbria Fire 2023/24 build-up with "Gross expenditure" copied without its label (a derived variant).
    const eden = read(join(CORPUS, 'cumbria-fire-2023-24-eden.tsv')).replace('Gross expenditure\t', '\t');

    it('as derived: clean, the unlabelled row read as the total of the nine lines by its arithmetic', () => {
      const r = audit(eden);
      assert.equal(exitCodeOf(r), 0);
      assert.ok(r.tables[0].totals.some((t) => t.row === 11 && t.from === 2 && t.to === 10));
    });

    it('Firefighter pay printed 17.045: found at the unlabelled sub-total (the nine lines add up to 30.516), though the net expenditure still adds it', () => {
      const r = audit(eden.replace('\t17.044', '\t17.045'));
      assert.deepEqual(flags(r), ['11:2 auto.cast 30.516']);
      assert.match(r.tables[0].totals.find((t) => t.row === 11)!.why, /in the middle of the rows/);
    });

    it('every figure of it ±1 unit and +100,000 units: each change flagged', () => {
      const lines = eden.split('\n');
      const unseen: string[] = [];
      lines.forEach((line, r) => {
        const [label, figure] = line.split('\t');
        if (r === 0 || figure === undefined || !/\d/.test(figure)) return;
        // £m to three places: the figure in thousandths, exactly.
        const value = new Dec(figure.replace(/[()]/g, '')).times(figure.startsWith('(') ? -1 : 1);
        for (const units of [1, -1, 100_000]) {
          const v = value.plus(new Dec(units).div(1000));
          const printed = v.isNeg() ? `(${v.abs().toFixed(3)})` : v.toFixed(3);
          const copy = lines.slice();
          copy[r] = `${label}\t${printed}`;
          if (flags(audit(copy.join('\n'))).length === 0) unseen.push(`row ${r + 1} ${figure}→${printed}`);
        }
      });
      assert.deepEqual(unseen, []);
    });
  });

  describe('a row directly above "Less: …" lines is placed as a total: cast in every column but one, it is a total with one wrong figure, whatever its label', () => {
    // Eden DC, Police and Crime Commissioner for Cumbria, analysis of council tax requirement 2017-18 and 2018-19 (£m),
    // with "Gross Expenditure" printed under a label that does not say so (a derived variant): 2017-18 lines add up to 131.447.
    const ctr = read(join(PUBLISHED, 'cumbria-pcc-ctr-2017-19.tsv')).replace('Gross Expenditure\t', 'Amount before income\t');

    it('as derived: clean', () => assert.equal(exitCodeOf(audit(ctr)), 0));

    it('Police Pay 2017-18 printed 77.869: found at the row above "Less: Fees and Charges" (the lines add up to 131.448)', () => {
      const r = audit(ctr.replace('\t77.868\t', '\t77.869\t'));
      assert.deepEqual(flags(r), ['13:2 auto.cast 131.448']);
    });
  });

  describe('a "Less:" heading carries on the reckoning above it: the total below closes the whole run, and a subtracted line printed with the other sign is the figure found', () => {
    // Cannock Chase District Council, budget 2024/25 (£m; Band D £): Budget Requirement 13.695;
    // Less: Central Government Support — Business Rates Retention 6.371; Amount to be raised from
    // Council Tax 7.324 = 13.695 − 6.371 (and 13.086 − 6.014 = 7.072; 456.26 − 212.26 = 244.00;
    // 438.39 − 201.47 = 236.92).
    const cannock = read(join(PUBLISHED, 'cannock-budget-requirement-2024-25.tsv'));

    it('as printed: clean, the amount to be raised read as the requirement less the line under "Less:"', () => {
      const r = audit(cannock);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(r.tables[0].totals.map((t) => [t.row, t.from, t.to]), [[6, 3, 5]]);
    });

    it('Business Rates Retention 2023/24 printed −93.986 (100 £m less): found at the amount to be raised, 100 out, the other three columns still read as subtracted', () => {
      // 13.086 − (−93.986) = 107.072; printed 7.072.
      const r = audit(cannock.replace(/^6\.014\t/m, '-93.986\t'));
      assert.deepEqual(flags(r), ['6:1 auto.cast 107.072']);
    });

    it('Business Rates Retention 2023/24 printed −6.014: found at its own cell as printed with the wrong sign (13.086 − 6.014 = 7.072)', () => {
      const r = audit(cannock.replace(/^6\.014\t/m, '-6.014\t'));
      assert.deepEqual(flags(r), ['6:1 auto.cast 19.1', '5:1 auto.cast.sign 6.014']);
    });
  });

  describe('a running statement from one financial year\'s budget to the next ("Base Budget 2021/22" … "Net Expenditure Budget for 2022/23") is checked however far out', () => {
    // Oldham Council, Budget 2022/23, section 5 (£000, a stepped layout): Base Budget 2021/22 254,179
    // + Increase in the Net Expenditure Budget 6,507 = Net Expenditure Budget for 2022/23 260,686.
    const oldham = read(join(PUBLISHED, 'oldham-net-budget-changes-2022-23.tsv'));

    it('as printed: clean', () => assert.equal(exitCodeOf(audit(oldham)), 0));

    // Each expected figure: the base budget + 6,507 (2,541,790 + 6,507 = 2,548,297; 0 + 6,507 = 6,507; 254,179 + 6,507 = 260,686).
    for (const [from, to, expected] of [['\t254,179', '\t2,541,790', '33:4 auto.cast 2548297'], ['\t254,179', '\t0', '33:4 auto.cast 6507'], ['\t260,686', '\t26,069', '33:4 auto.cast 260686']] as const) {
      it(`${from.trim()} printed ${to.trim()}: found at the net budget for 2022/23 (${expected.split(' ')[2]})`, () => {
        assert.deepEqual(flags(audit(oldham.replace(from, to))), [expected]);
      });
    }

    it('a year inside a sentence is no balance ("… to support the 2022/23 Budget"), and the year\'s label is read by its last word', () => {
      assert.deepEqual(balanceAt('Base Budget 2021/22'), { name: 'budget', date: 20210401 });
      assert.deepEqual(balanceAt('Net Expenditure Budget for 2022/23'), { name: 'budget', date: 20220401 });
      assert.deepEqual(balanceAt('Budget Requirement 2023-24'), { name: 'requirement', date: 20230401 });
      assert.deepEqual(balanceAt('Revised budget 2019/20'), { name: 'budget', date: 20190401, stage: 1 });
      assert.equal(balanceAt('Flexible use of capital receipts to support the 2022/23 Budget'), undefined);
      assert.equal(balanceAt('Council tax income 2022/23'), undefined, 'not a quantity carried from year to year');
    });
  });

  describe('a nil sub-total is cast: against the heading it names, and in a stepped layout against the inner column its lines print in', () => {
    const oldham = read(join(PUBLISHED, 'oldham-net-budget-changes-2022-23.tsv'));

    it('Total Net Budget Adjustments printed 0 (right after Total Levies): it names "Budget Adjustments", so it totals that block (−8,533 − 2,500 + 29,025 + 250 = 18,242)', () => {
      assert.deepEqual(flags(audit(oldham.replace('\t18,242\t', '\t0\t'))), ['27:3 auto.cast 18242']);
    });

    it('Total Approved Budget Reductions printed 0: its lines print one column in (−5,467 − 6,268 = −11,735)', () => {
      assert.deepEqual(flags(audit(oldham.replace('\t(11,735)\t', '\t0\t'))), ['31:3 auto.cast -11735']);
    });
  });

  describe('the convention a table keeps, when one figure alone shows it, is in the report: its sign flipped is the other convention, said, not an error', () => {
    // Brighton & Hove, FCL capital provisional outturn 2021/22: Schools variance (2) on a budget of 68,
    // printed −2.9% (−2 / 68 = −2.94%); every other row's quotient is nil or rounds to 0.0%.
    const brighton = read(join(PUBLISHED, 'brighton-fcl-capital-2021-22-outturn.tsv'));

    it('as printed: the percentages read signed, row 7 the only negative quotient', () => {
      const r = audit(brighton);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(r.tables[0].percentages, [{ column: 10, caption: 'Provisional Variance %', is: "Provisional Variance £'000 / Reported Budget Month 12 £'000", unsigned: false, agree: 1, negative: [7] }]);
    });

    it('printed 2.9%: read unsigned (as published-1 prints 0.58 beside (1.5)), with a note at the cell that nothing else shows the convention', () => {
      const r = audit(brighton.replace('-2.9%', '2.9%'));
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].percentages![0].unsigned, true);
      const note = r.findings.find((f) => f.rule === 'revenue.variance-percent.unsigned')!;
      assert.deepEqual([note.row, note.column], [7, 10]);
      assert.match(note.message, /if it signs them, this figure should be −2\.9%/);
    });

    it('printed 3.9%: an error on either convention (−2 / 68 = −2.94%; no row agrees with any basis, so the layout\'s own, signed, is used)', () => {
      assert.deepEqual(flags(audit(brighton.replace('-2.9%', '3.9%'))), ['7:10 revenue.variance-percent -2.9']);
    });

    it('published-1 (three negative quotients, all printed positive) is read unsigned with no such note', () => {
      const r = audit(read(join(CORPUS, 'published-1.tsv')));
      assert.deepEqual(r.tables[0].percentages!.map((p) => [p.unsigned, p.negative]), [[true, [4, 5, 6]]]);
      assert.ok(!r.findings.some((f) => /unsigned/.test(f.rule)));
    });

    // A Greater Manchester city council, council tax base 2001/02: 64,435 band D equivalents; Less:
    // Allowance for losses on collection 1,289; Council Tax Base 63,146 = 64,435 − 1,289.
    const gm = read(join(PUBLISHED, 'gm-city-council-tax-base-2001-02.tsv'));

    it('a total says which rows it subtracts in words (tables[].totals[].less)', () => {
      const r = audit(gm);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(r.tables[0].totals.map((t) => [t.row, t.from, t.to, t.less]), [[12, 2, 10, undefined], [15, 12, 13, [13]]]);
    });

    it('the allowance printed −1,289: read as the other convention (a deduction printed negative and added), nothing to flag; printed −1,288: an error', () => {
      const r = audit(gm.replace('\t1,289', '\t-1,289'));
      assert.deepEqual(flags(r), []);
      assert.deepEqual(r.tables[0].totals.map((t) => [t.row, t.from, t.to, t.less]), [[12, 2, 10, undefined], [15, 12, 13, undefined]]);
      // 64,435 + (−1,288) = 63,147 on the plain reading; 64,435 − (−1,288) = 65,723 on the worded one: the plain is nearer.
      assert.deepEqual(flags(audit(gm.replace('\t1,289', '\t-1,288'))).filter((f) => f.startsWith('15:')), ['15:4 auto.cast 63147']);
    });
  });

  describe('a sub-total known only by where it stands keeps its role when a figure of its block is wrong (labels that say nothing of a total)', () => {
    // The Eden/Cumbria Fire 2023/24 build-up with "Gross expenditure" relabelled "Service expenditure"
    // (a label that does not say it closes anything, as Westmorland and Furness prints its nine
    // directorate budgets; a derived variant): the net expenditure below adds it.
    const eden = read(join(CORPUS, 'cumbria-fire-2023-24-eden.tsv')).replace('Gross expenditure\t', 'Service expenditure\t');

    it('as derived: clean', () => assert.equal(exitCodeOf(audit(eden)), 0));

    it('Firefighter pay printed 17.045: found at "Service expenditure" (the nine lines add up to 30.516), its label kept in the reading', () => {
      const r = audit(eden.replace('\t17.044', '\t17.045'));
      assert.deepEqual(flags(r), ['11:2 auto.cast 30.516']);
      const t = r.tables[0].totals.find((x) => x.row === 11)!;
      assert.equal(t.label, 'Service expenditure');
      assert.match(t.why, /a label that does not say total, in the middle of the rows/);
    });

    // Oldham's stepped layout (see above) with "Total Expenditure Adjustments" relabelled "Amount
    // carried to the summary" (derived): printed one column right of its eleven lines, it is their
    // sub-total whatever its label.
    const oldham = read(join(PUBLISHED, 'oldham-net-budget-changes-2022-23.tsv')).replace('Total Expenditure Adjustments', 'Amount carried to the summary');

    it('a stepped sub-total: Pay and Price Inflation printed 5,631 is found at it (the eleven lines add up to 29,026)', () => {
      assert.equal(exitCodeOf(audit(oldham)), 0);
      const r = audit(oldham.replace('\t5,630\t', '\t5,631\t'));
      assert.deepEqual(flags(r), ['22:3 auto.cast 29026']);
      assert.match(r.tables[0].totals.find((x) => x.row === 22)!.why, /a stepped layout's sub-total/);
    });

    // North Yorkshire PCC, budget requirement 2017/18 (£000), with each total's label replaced by one
    // that says nothing (derived): "Total Budget 2017/18" = rows 2-4 still adds up, so the table's
    // convention is learned: its blocks end in their totals.
    const ny = read(join(PUBLISHED, 'northyorks-pcc-budget-requirement-2017-18.tsv'))
      .replace('Total Budget 2017/18', 'Amount carried to the summary').replace('Total Government Funding', 'Amount carried to the summary')
      .replace('Balance required from the Precept', 'Amount carried to the summary');

    it('a block in a table whose other block ends in its total: Council Tax Freeze Grants printed −2,153 leaves the block\'s last row a total, checked', () => {
      assert.equal(exitCodeOf(audit(ny)), 0);
      const r = audit(ny.replace('-2,152', '-2,153'));
      // Nothing adds up in the block now (−67,762 − 5,746 − 2,153 = −75,661 is not printed): its last row totals it.
      // −67,762 − 5,746 − 2,153 − 75,660 − 993 = −152,314.
      assert.ok(flags(r).includes('12:2 auto.cast -152314'), flags(r).join('; '));
      assert.match(r.tables[0].totals.find((x) => x.row === 12)!.why, /the table's 1 other block\(s\) each end in their total/);
    });

    it('not a block of several columns cut off at the table\'s end (Bexley\'s collection fund: "Less Other Charges:" and three lines, no total printed)', () => {
      assert.equal(exitCodeOf(audit(read(join(PUBLISHED, 'bexley-collection-fund-2022-23.tsv')))), 0);
    });
  });

  describe('a running statement is learned from its totals: a total that no longer adds up keeps its place as the running total', () => {
    // Eden/Cumbria Fire 2023/24 (£m) with every total's label replaced by one that says nothing
    // (derived): rows 11 = 2-10, 14 = 11-13 (a total adding the total above it) and 18 = 14-17 still
    // read by their arithmetic as printed.
    const neutral = (t: string, labels: string[]) => labels.reduce((x, l) => x.replace(`${l}\t`, 'Amount carried to the summary\t'), t);
    const eden = neutral(read(join(CORPUS, 'cumbria-fire-2023-24-eden.tsv')), ['Gross expenditure', 'Net expenditure / budget requirement', 'Council Tax requirement for Cumbria Commissioner Fire and Rescue Authority']);

    it('as derived: clean, row 14 read as running on from row 11', () => {
      const r = audit(eden);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(r.tables[0].totals.map((t) => [t.row, t.from, t.to]), [[11, 2, 10], [14, 11, 13], [18, 14, 17]]);
    });

    it('Revenue support grant printed (3.210): the last row is the running total of row 14 and the lines since, found 0.001 out (25.443 − 3.210 − 6.360 + 0.067 = 15.940)', () => {
      const r = audit(eden.replace('(3.211)', '(3.210)'));
      assert.deepEqual(flags(r), ['18:2 auto.cast 15.94']);
      assert.match(r.tables[0].totals.find((t) => t.row === 18)!.why, /the table's totals run on from each other/);
    });

    // Royal Borough of Greenwich, council tax 2019/20 (£000, two years), the same derivation: "Total
    // to be met from council tax" (row 14) = the council tax requirement (row 12, a total running on
    // from row 7) + the GLA precept.
    const greenwich = neutral(read(join(PUBLISHED, 'greenwich-council-tax-2019-20.tsv')), ['Total service expenditure', 'Total expenditure', 'Council tax requirement', 'Total to be met from council tax']);

    it('the GLA precept 2018/19 printed 23,592: row 14 still adds up in 2019/20, so it is the running total with one figure wrong (91,024 + 23,592 = 114,616)', () => {
      assert.equal(exitCodeOf(audit(greenwich)), 0);
      assert.deepEqual(flags(audit(greenwich.replace('23,591', '23,592'))), ['14:2 auto.cast 114616']);
    });
  });

  describe('a row of two figures, one of them exactly the sum of the run above it, is that run\'s total wherever it stands; "Amount distributed" closes a block', () => {
    // Westmorland and Furness Council, budget 2024/25 (£m), with each total's label replaced by one
    // that says nothing (derived): "Total corporate budgets" 4.009 | 15.322 = 0.503 + 3.506 | 0.503 + 14.819, mid-table.
    const wf = ['Service expenditure', 'Total corporate budgets', 'Net budget', 'Total sources of finance', 'Total Council Tax requirement']
      .reduce((x, l) => x.replace(`${l}\t`, 'Amount carried to the summary\t'), read(join(PUBLISHED, 'westmorlandfurness-budget-2024-25.tsv')));

    it('Precepts paid 2023/24 printed 100.503 (100 £m out): found at the sub-total, whose 2024/25 figure still casts (100.503 + 3.506 = 104.009)', () => {
      assert.equal(exitCodeOf(audit(wf)), 0);
      const r = audit(wf.replace('\t0.503\t0.503', '\t100.503\t0.503'));
      assert.deepEqual(flags(r).filter((f) => f.startsWith('15:')), ['15:2 auto.cast 104.009']);
    });

    // Maidstone Borough Council, collection fund surplus 2012/13 shared among the preceptors (£):
    // 32,033 + 139,431 + 18,463 + 9,033 = 198,960 "Amount Distributed".
    const maidstone = read(join(PUBLISHED, 'maidstone-collection-fund-surplus-2012-13.tsv'));

    it('Kent Police Authority\'s share printed 18,464: found at "Amount Distributed" (the four shares come to 198,961)', () => {
      assert.equal(exitCodeOf(audit(maidstone)), 0);
      assert.deepEqual(flags(audit(maidstone.replace('18,463', '18,464'))), ['6:2 auto.cast 198961']);
    });
  });

  describe('a one-column balancing block keeps its reading when a source changes: a firmly labelled requirement, the sources with its sign, the council tax last', () => {
    // Derbyshire County Council, where the money comes from (£m), its first column alone (derived):
    // Net budget requirement 491.9 = the five lines above; 491.9 − 93.2 − 17.6 − 85.7 − 30.3 = 265.1 "Council tax payer".
    const dcc = read(join(PUBLISHED, 'derbyshirecc-money-comes-from-undated.tsv')).split('\n').map((l) => l.split('\t').slice(0, 2).join('\t')).join('\n');

    it('as derived: clean, the council tax read as the balancing source', () => {
      const r = audit(dcc);
      assert.equal(exitCodeOf(r), 0);
      assert.ok(r.findings.some((f) => f.rule === 'cast.balancing' && f.row === 12));
    });

    it('Government Top Up Grant printed 185.7: found at the council tax (491.9 − 93.2 − 17.6 − 185.7 − 30.3 = 165.1), the reading said to rest on labels and signs', () => {
      const r = audit(dcc.replace('\t85.7', '\t185.7'));
      assert.deepEqual(flags(r), ['12:2 auto.cast 165.1']);
      assert.match(r.findings.find((f) => f.rule === 'cast.balancing')!.message, /by its label and the signs of the figures/);
    });

    it('not when the last row does not name the council tax or a precept: then nothing says it balances', () => {
      const r = audit(dcc.replace('Council tax payer', 'Other income').replace('\t85.7', '\t185.7'));
      assert.ok(!r.findings.some((f) => f.rule === 'cast.balancing'));
    });
  });
});
