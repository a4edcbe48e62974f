// Kinds of table found by the session-6 trial (statements of accounts and notes of bodies the audit had
// not been tuned for; the entry numbers are those of the session's trial-findings note), each shown on
// the real table as printed (transcribed exactly, source named: test/fixtures/published/audit/SOURCES.md)
// and with one figure changed. Every expected figure is recomputed here by hand from the printed ones,
// in exact decimal.
import assert from 'node:assert/strict';
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

    it('the opening Total printed (36,816): found at its own cell by the cross-cast (expected −36,716), and at the closing Total it feeds (−36,816 + 4,482 = −32,334)', () => {
      const r = audit(falkirk.replace('(36,716)', '(36,816)'), 'falkirk.tsv');
      assert.deepEqual(flags(r), ['5:8 auto.across -36716', '9:8 auto.cast -32334']);
    });

    it('a total printed nil votes for the run of columns it adds: with the marker row left off and the opening Total wrong, 3 of the 4 rows that print two parts or more agree, and the wrong row is found', () => {
      // Rows 7 and 8 print Total "-" over parts that are not nil (−15,608 + 3,608 + 12,000 = 0; 6,899 − 1,320 − 3,608 − 290 − 31 − 1,650 = 0).
      const noMarkers = falkirk.split('\n').filter((line) => !line.includes('(1)\t(1)')).join('\n').replace('(36,716)', '(36,816)');
      const r = audit(noMarkers, 'falkirk.tsv');
      assert.deepEqual(flags(r), ['4:8 auto.across -36716', '8:8 auto.cast -32334']);
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
    // printed row above it. "Total Comprehensive Income and Expenditure" (rows 5 and 13) is a line of
    // its block: nothing above adds up to it.
    const asPrinted = ['17:8 auto.across -111594', '17:8 auto.cast -111594', '18:8 auto.cast -520129'];

    it('as printed, no bold: the three findings of the 100,000 slip, and the two lines read as lines', () => {
      const r = audit(text);
      assert.deepEqual(flags(r), asPrinted);
      assert.deepEqual(r.findings.filter((f) => f.rule === 'cast.total-read-as-line').map((f) => f.row), [5, 13]);
    });

    it('"Total Comprehensive Income and Expenditure" bold with the balances and "Increase (Decrease)" rows: the same three findings, not 13 (row 5 was read as the total of the opening balance alone)', () => {
      assert.deepEqual(inBold(/^(Balance|Increase \(Decrease\)|Total Comprehensive)/), asPrinted);
    });

    it('only the "Total …" rows bold (the table\'s real totals plain): the same three findings, not the closing balances cast without their sub-totals (9 false errors)', () => {
      assert.deepEqual(inBold(/^Total/), asPrinted);
    });

    it('the balances and "Increase (Decrease)" rows bold, as CIPFA statements print them: the same three findings', () => {
      assert.deepEqual(inBold(/^(Balance|Increase \(Decrease\))/), asPrinted);
    });
  });
});
