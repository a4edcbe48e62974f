// Kinds of table found by the session-6 trial (statements of accounts and notes of bodies the audit had
// not been tuned for; the entry numbers are those of the session's trial-findings note), each shown on
// the real table as printed (transcribed exactly, source named: test/fixtures/published/audit/SOURCES.md)
// and with one figure changed. Every expected figure is recomputed here by hand from the printed ones,
// in exact decimal.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditGrids, exitCodeOf } from '../../src/audit/audit';
import { readDelimited } from '../../src/audit/delimited';
import { audit, flags as flagsOf, published } from '../support/audit-helpers';

/** The flags, sorted (the order findings are made in says nothing). */
const flags = (r: ReturnType<typeof audit>) => flagsOf(r).sort();

describe('audit: kinds of table found by the session-6 trial and its new user', () => {
  describe('a row of column markers under the captions ("(1) (1) (2) (3) (4) (5)") is part of the header, and a Total column is cross-cast (T6-01)', () => {
    // Falkirk Council, 2011/2012 audited annual accounts, note 1 "Analysis of General Fund Balance":
    // captions General | Housing | Devolved Schools | Economic Development | Central Energy Efficiency
    // Fund | New Schools Project | Total, the footnote markers under them, then £'000.
    const falkirk = published('falkirk-general-fund-balance-2011-12.tsv');

    it('as printed: one table (rows 2-9, the captions its header), clean, the Total column cross-cast on its 5 rows', () => {
      const r = audit(falkirk, 'falkirk.tsv');
      assert.equal(exitCodeOf(r), 0);
      assert.equal(r.tables.length, 1);
      assert.equal(r.unchecked, undefined);
      assert.match(r.tables[0].range, /rows 2-9/);
      // Across: 11,330 + 6,392 + 7,390 + 915 + 339 + 10,350 = 36,716; 4,482; −15,608 + 3,608 + 12,000 = 0;
      // 6,899 − 1,320 − 3,608 − 290 − 31 − 1,650 = 0; 15,557 + 7,712 + 7,390 + 1,205 + 370 + 0 = 32,234.
      assert.equal(r.tables[0].checked.crossCasts, 5);
    });

    it('the opening Total printed (36,816): found at its own cell by the cross-cast (expected −36,716); the closing Total it feeds (−36,816 + 4,482 = −32,334 against −32,234) is out by as much, a note naming it (the one figure the two checks share)', () => {
      const r = audit(falkirk.replace('(36,716)', '(36,816)'), 'falkirk.tsv');
      assert.deepEqual(flags(r), ['5:8 auto.across -36716']);
      const closing = r.findings.find((f) => f.row === 9 && f.column === 8)!;
      assert.deepEqual([closing.severity, closing.rule, closing.expected], ['note', 'auto.cast.explained', '-32334']);
    });

    it('a total printed nil votes for the run of columns it adds: with the marker row left off and the opening Total wrong, 3 of the 4 rows that print two parts or more agree, and the wrong row is found', () => {
      // Rows 7 and 8 print Total "-" over parts that are not nil (−15,608 + 3,608 + 12,000 = 0; 6,899 − 1,320 − 3,608 − 290 − 31 − 1,650 = 0).
      const noMarkers = falkirk.split('\n').filter((line) => !line.includes('(1)\t(1)')).join('\n').replace('(36,716)', '(36,816)');
      const r = audit(noMarkers, 'falkirk.tsv');
      assert.deepEqual(flags(r), ['4:8 auto.across -36716']);
      assert.ok(r.findings.some((f) => f.row === 8 && f.column === 8 && f.severity === 'note' && f.rule === 'auto.cast.explained'));
    });

    it('a row of small figures is no marker row: "1 | 2 | 4" under the captions is a line (a numbering runs 1, 2, 3 …), and its cross-cast is checked', () => {
      // Across: 1 + 2 = 3, printed 4 (and the total row 11 + 18 = 29, printed 30); 5 + 6 = 11, 3 + 3 = 6, 2 + 7 = 9.
      // Down: 1 + 5 + 3 + 2 = 11, 2 + 6 + 3 + 7 = 18, 4 + 11 + 6 + 9 = 30.
      const t = ['\tA\tB\tTotal', '\t1\t2\t4', 'Second\t5\t6\t11', 'Third\t3\t3\t6', 'Fourth\t2\t7\t9', 'Total\t11\t18\t30', ''].join('\n');
      const r = audit(t);
      assert.match(r.tables[0].range, /rows 1-6/);
      assert.deepEqual(flags(r), ['2:4 auto.across 3', '6:4 auto.across 29']);
    });
  });

  describe('bold is a hint, never a total alone: a bold line that nothing above adds up to is a line, and bold rows that add nothing up do not say the table prints its totals bold (U6-03)', () => {
    // Nottinghamshire Fire and Rescue Service, Movement in Reserves Statement 2019/20 and 2020/21
    // (test/fixtures/published/audit/nottsfire-mirs-2019-21.tsv, source in its SOURCES.md), as a workbook
    // prints it: the rows whose label matches `bolded` bold.
    const text = published('nottsfire-mirs-2019-21.tsv');
    const inBold = (bolded: RegExp) => {
      const g = readDelimited(text, 'mirs.tsv');
      g.bold = g.cells.map((row) => row.map(() => bolded.test(String(row[0] ?? ''))));
      return flags(auditGrids([g], { trace: true }));
    };
    // As printed (TSV, no bold): 2020/21 Total Authority Reserves "Increase (Decrease)" printed (11,594):
    // (112,544) + 950 = (111,594) down, 950 + (112,544) = (111,594) across; the closing balance
    // (508,535) + (111,594) = (620,129) as printed, against (508,535) + (11,594) = (520,129) from the
    // printed row above it — the closing balance is right, and its difference a note naming [17,8], the one
    // figure its cast shares with row 17's checks. "Total Comprehensive Income and Expenditure" (rows 5 and
    // 13) is a line of its block: nothing above adds up to it.
    const asPrinted = ['17:8 auto.across -111594', '17:8 auto.cast -111594'];

    it('as printed, no bold: the two findings of the 100,000 slip at its cell (the closing balance a note), and the two lines read as lines', () => {
      const r = audit(text);
      assert.deepEqual(flags(r), asPrinted);
      const closing = r.findings.find((f) => f.row === 18 && f.column === 8)!;
      assert.deepEqual([closing.severity, closing.rule, closing.expected], ['note', 'auto.cast.explained', '-520129']);
      assert.deepEqual(r.findings.filter((f) => f.rule === 'cast.total-read-as-line').map((f) => f.row), [5, 13]);
    });

    it('"Total Comprehensive Income and Expenditure" bold with the balances and "Increase (Decrease)" rows: the same findings, not 13 (row 5 was read as the total of the opening balance alone)', () => {
      assert.deepEqual(inBold(/^(Balance|Increase \(Decrease\)|Total Comprehensive)/), asPrinted);
    });

    it('only the "Total …" rows bold (the table\'s real totals plain): the same findings, not the closing balances cast without their sub-totals (9 false errors)', () => {
      assert.deepEqual(inBold(/^Total/), asPrinted);
    });

    it('the balances and "Increase (Decrease)" rows bold, as CIPFA statements print them: the same findings', () => {
      assert.deepEqual(inBold(/^(Balance|Increase \(Decrease\))/), asPrinted);
    });
  });

  describe('a sub-total or a grand total found by its arithmetic is still read when it is wrong: shown by the total below it, or standing where the totals of totals stand (T6-103)', () => {
    // House of Commons written answer, 18 November 1996 (Welsh Office), "Local authority contributions to
    // fire authority budgets 1996–97", £ thousand: six councils, "North Wales Fire Authority" 16,045; six,
    // "Mid and West Wales Fire Authority" 24,661; ten, "South Wales Fire Authority" 36,349; "Wales" 77,055.
    // No label says total: every total is found by its arithmetic.
    const wales = published('hansard-wales-fire-contributions-1996-97.tsv');

    it('as printed: clean, the four totals read (16,045 + 24,661 + 36,349 = 77,055)', () => {
      const r = audit(wales);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(r.tables[0].totals.map((t) => t.row), [9, 16, 27, 28]);
    });

    it('"North Wales Fire Authority" printed 16,145: found at its cell (the six add up to 16,045), and "Wales" — 16,045 + 24,661 + 36,349 = 77,055 from the lines — is not flagged with it', () => {
      assert.deepEqual(flags(audit(wales.replace('\t16,045', '\t16,145'))), ['9:2 auto.cast 16045']);
    });

    it('"South Wales Fire Authority" printed 36,449: found at its cell (the ten add up to 36,349; "Wales" casts from them)', () => {
      assert.deepEqual(flags(audit(wales.replace('\t36,349', '\t36,449'))), ['27:2 auto.cast 36349']);
    });

    it('Cardiff printed 7,995: the ten councils add up to 36,449, and "South Wales Fire Authority" (which "Wales" = 16,045 + 24,661 + 36,349 confirms) is found', () => {
      assert.deepEqual(flags(audit(wales.replace('\t7,895', '\t7,995'))), ['27:2 auto.cast 36449']);
    });

    it('"Wales" printed 177,055: the total of the three totals directly above it, larger than each, is found 100,000 out', () => {
      assert.deepEqual(flags(audit(wales.replace('\t77,055', '\t177,055'))), ['28:2 auto.cast 77055']);
    });

    it('a row after the sub-totals smaller than one of them is no total of them: "Wales" printed 7,055 reads as a line (the sub-totals still cast)', () => {
      const r = audit(wales.replace('\t77,055', '\t7,055'));
      assert.deepEqual(r.tables[0].totals.map((t) => t.row), [9, 16, 27]);
    });

    it('a build-up\'s running sub-total shown by the requirement below it, its label saying nothing: Eden\'s "Net expenditure / budget requirement" printed 25.444 is found at its cell', () => {
      // Cumbria Fire 2023/24 (Eden District Council's page, ../shared/audit-corpus): gross expenditure 30.515,
      // less fees 0.169 and grants 4.903 = 25.443; the council tax requirement 15.939 = 25.443 − 3.211 −
      // 6.360 + 0.067. Every total's label replaced by "Amount carried to the summary".
      const eden = readFileSync(join(__dirname, '..', 'fixtures', 'audit-corpus', 'cumbria-fire-2023-24-eden.tsv'), 'utf8')
        .replace('Gross expenditure', 'Amount carried to the summary')
        .replace('Net expenditure / budget requirement', 'Amount carried to the summary')
        .replace('Council Tax requirement for Cumbria Commissioner Fire and Rescue Authority', 'Amount carried to the summary');
      assert.equal(exitCodeOf(audit(eden)), 0);
      assert.deepEqual(flags(audit(eden.replace('\t25.443', '\t25.444'))), ['14:2 auto.cast 25.443']);
      assert.deepEqual(flags(audit(eden.replace('\t25.443', '\t125.443'))), ['14:2 auto.cast 25.443']);
    });
  });

  describe('a header that states its arithmetic ("(d)=(b)+(c)", "(e)=(a)+(d)") is cross-cast as it says, on every row (T6-11)', () => {
    // Scottish Government, Scottish Local Government Financial Statistics 2016-17, Table 4.1 "Movements in
    // Reserves by Account" (£thousands): opening (a), (surplus) or deficit (b), movements between reserves
    // (c), (d)=(b)+(c) (increase) or decrease, (e)=(a)+(d) closing.
    const scot = published('scotgov-slgfs-reserves-movements-2016-17.tsv');

    it('as printed: clean, both relations checked on all 12 rows (24 cross-casts): General Fund 55,451 − 8,069 = 47,382, −1,225,083 + 47,382 = −1,177,701 …', () => {
      const r = audit(scot);
      assert.equal(exitCodeOf(r), 0);
      assert.equal(r.tables[0].checked.crossCasts, 24);
    });

    it('General Fund (b) printed 55,551: found at its cell — its row ((d) = 55,551 − 8,069 = 47,482 against 47,382 printed) and the column cast both fail by 100, and it is the one figure they share', () => {
      // and at its cell: the one figure (d) = (b) + (c) on its row and the (b) column's cast share — (d) 47,382 − (c) (8,069) = 55,451
      assert.deepEqual(flags(audit(scot.replace('\t55,451\t', '\t55,551\t'))), ['5:3 auto.shared-figure 55451']);
    });
  });

  describe('a table mirrored about its label column — last year left of the labels, this year right — is cross-cast on both sides (T6-13)', () => {
    // PCC for Hertfordshire, statement of accounts 2020/21, note 9 "PCC expenditure and funding analysis"
    // (£'000): 2019/20 Net Expenditure in the CIES | Adjustments | Net Expenditure Chargeable to the General
    // Fund | label | the same three for 2020/21. Chargeable = CIES + adjustments on each side.
    const herts = published('hertspcc-efa-2020-21.tsv');

    it('as printed: both blocks cross-cast (9 rows each, Past Service Pension Cost printing dashes); the one rounding, 2019/20 (Surplus) or Deficit 11,474 − 8,197 = 3,277 printed 3,276, found across as well as down', () => {
      const r = audit(herts);
      assert.equal(r.tables[0].checked.crossCasts, 18);
      assert.deepEqual(flags(r), ['14:3 auto.across 3277', '14:3 auto.cast 3277']);
      assert.ok(r.findings.filter((f) => f.severity !== 'note').every((f) => f.severity === 'warning'));
    });

    it('2019/20 Office of the PCC chargeable printed 1,593: found at its cell (1,843 − 350 = 1,493), the Cost of Services it feeds (2,613 against 2,513) a note naming it', () => {
      const r = audit(herts.replace('1,843\t-350\t1,493', '1,843\t-350\t1,593'));
      assert.deepEqual(flags(r), ['14:3 auto.across 3277', '14:3 auto.cast 3277', '9:3 auto.across 1493']);
      const cost = r.findings.find((f) => f.row === 12 && f.column === 3)!;
      assert.deepEqual([cost.severity, cost.rule, cost.expected], ['note', 'auto.cast.explained', '2613']);
    });
  });
});
