// Where totals stand (session-8 trial entries T8-09, T8-03, T8-53, T8-59; session 9's T9-03, T9-09) and where a table
// starts or goes on (T8-12, T9-02): totals printed ABOVE the lines they add, the rows closing a budget of blocks, a total named after
// its heading, each shown on the real table as printed (test/fixtures/published/audit and …/trial8, sources in their SOURCES.md) and
// with one figure changed. Every expected figure is recomputed here by hand from the printed ones, in
// exact decimal (python3 decimal; verify.py repeats the casts of the corpus tables).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags as flagsOf, published } from '../support/audit-helpers';

const flags = (r: ReturnType<typeof audit>) => flagsOf(r, { severity: true }).sort();
const trial8 = (file: string) => readFileSync(join(__dirname, '..', 'fixtures', 'published', 'trial8', file), 'utf8');

describe('audit: totals printed above the lines they add (session-8 trial T8-09, T8-03)', () => {
  describe('a two-level list whose group totals stand on the group\'s heading line, above its items (T8-09)', () => {
    // Scottish Government, SLGFS 2013-14 Annex J, capital receipts by service (£ thousands, one column):
    // "Education 13,798" then its five services (442 + 11,367 + 1,344 + 437 + 208 = 13,798), … "Trading
    // Services 6" then three (6 + 0 + 0); "Total General Fund Services" 109,732 = the seven group lines +
    // Central Services 28,128 + Non-HRA Housing 198; "All services" 163,261 = 109,732 + 53,529.
    const scot = published('scotgov-capital-receipts-by-service-2013-14.tsv');

    it('as printed: clean, exit 0 — each group row the total of the items under it, the General Fund total of the group lines and the two lines in no group (no "Rail … the total of 23 rows")', () => {
      const r = audit(scot);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(flags(r), []);
      const read = r.tables[0].totals.map((t) => `${t.row}=${t.from}-${t.to}`);
      assert.deepEqual(read, ['4=5-9', '10=11-15', '16=17-21', '22=23-28', '29=30-34', '35=36-38', '41=42-44', '45=4-41', '47=45-46']);
      assert.equal(r.tables[0].checked.totals, 9);
    });

    it('an item changed (Rail 1 → 101) is found at its group: 962 + 307 + 110 + 29 + 101 + 333 = 1,842, printed 1,742', () => {
      const r = audit(scot.replace('\nRail\t1\n', '\nRail\t101\n'));
      assert.deepEqual(flags(r), ['22:2 error auto.cast 1842']);
    });

    it('an item of a group that follows two lines in no group changed (Economic development 57,416 → 57,516) is found at its group, not read as a total of the lines around it: 829 + 31 + 57,516 = 58,376, printed 58,276', () => {
      const r = audit(scot.replace('Economic development\t57,416', 'Economic development\t57,516'));
      assert.deepEqual(flags(r), ['35:2 error auto.cast 58376']);
    });

    it('the last group\'s item changed (Fishery Harbours … 6 → 106) is found at "Trading Services": 106 + 0 + 0 = 106, printed 6', () => {
      const r = audit(scot.replace(/(Piers & Harbours)\t6\n/, '$1\t106\n'));
      assert.deepEqual(flags(r), ['41:2 error auto.cast 106']);
    });

    it('a group row changed (Education 13,798 → 13,898) is found at itself: its items add up to 13,798', () => {
      const r = audit(scot.replace('Education\t13,798', 'Education\t13,898'));
      assert.deepEqual(flags(r), ['4:2 error auto.cast 13798']);
    });

    it('a line in no group changed (Central Services 28,128 → 28,228) is found at the General Fund total: 13,798 + 3,574 + 2,632 + 1,742 + 1,378 + 58,276 + 28,228 + 198 + 6 = 109,832, printed 109,732', () => {
      const r = audit(scot.replace('Central Services\t28,128', 'Central Services\t28,228'));
      assert.deepEqual(flags(r), ['45:2 error auto.cast 109832']);
    });
  });

  describe('one total printed first, above every line of the list (T8-03, Scottish Parliament written answer)', () => {
    // Forecast capital receipts 1999-2000 (£000's): "Scotland 392,155", then the 32 councils
    // (23,298 + 13,720 + … + 21,673 = 392,155).
    const sp = published('scotparl-forecast-capital-receipts-1999-2000.tsv');

    it('as printed: clean, exit 0, row 3 read as the total of rows 4-35 (not "no table to audit")', () => {
      const r = audit(sp);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(flags(r), []);
      assert.deepEqual(r.tables[0].totals.map((t) => `${t.row}=${t.from}-${t.to}`), ['3=4-35']);
    });

    it('the first line one unit off the sum of the rest (392,156) is not read as a total: "no table to audit", not a guess (a one-total list changed is T6-103\'s kind: see mutation.test.ts NOT_YET)', () => {
      assert.throws(() => audit(sp.replace('Scotland\t392,155', 'Scotland\t392,156')), /no table to audit/);
    });
  });

  describe('totals printed above their parts under "financed by:" (T8-03, Hansard written answer, Lichfield DC £000)', () => {
    // Revenue expenditure 12,353 | 12,603 | 12,507 | 13,656, "financed by:" grants, NNDR, council tax, other;
    // Capital expenditure 5,187 | 4,253 | 7,411 | 4,052, "financed by:" three lines; then a memo line
    // "Capital receipts in year". Council tax 2007-08 is printed "6,21" (a digit lost).
    const lich = trial8('hansard-lichfield-dc-finance-2005-09.tsv');

    it('as printed: the unreadable "6,21" is named (exit 2), and the 7 totals that do not depend on it are checked and cast', () => {
      const r = audit(lich);
      assert.equal(exitCodeOf(r), 2);
      assert.deepEqual(flags(r), ['6:4 error printed.unreadable undefined']);
      assert.deepEqual(r.tables[0].totals.map((t) => `${t.row}=${t.from}-${t.to}`), ['2=4-7', '8=10-12']);
      assert.equal(r.tables[0].checked.totals, 7);
    });

    it('with "6,121" (what the column needs: 12,507 − 2,979 − 5,019 + 1,612) clean; a capital line 100 short (2,906 → 2,806) found at Capital expenditure 2007-08: 459 + 4,046 + 2,806 = 7,311, printed 7,411', () => {
      const mended = lich.replace('\t6,21\t', '\t6,121\t');
      assert.equal(exitCodeOf(audit(mended)), 0);
      const r = audit(mended.replace('\t2,906\t', '\t2,806\t'));
      assert.deepEqual(flags(r), ['8:4 error auto.cast 7311']);
    });
  });

  describe('a grand total of the block totals with no "total" word, past a line restating a total, and the balance under it (T8-53)', () => {
    // Freshford Parish Council, budget 2020/21 (£): "Total Income £31,746" under INCOME; six expenditure blocks
    // each closing "Total (…)"; then "Operational Income £31,746", "Operational Expeniture £31,710" (12,524 +
    // 2,622 + 4,389 + 1,000 + 8,390 + 2,785 = 31,710) and "End of Year Position £36" (31,746 − 31,710 = 36).
    const fresh = published('freshford-pc-budget-2020-21.tsv');

    it('as printed: clean, exit 0, the three closing rows read — the restated income, the total of the six block totals, the balance', () => {
      const r = audit(fresh);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(flags(r), []);
      const read = r.tables[0].totals.filter((t) => t.row >= 54).map((t) => `${t.row}=${t.from}-${t.to}`);
      assert.deepEqual(read, ['54=4-4', '55=19-53', '56=54-55']);
    });

    it('the expenditure total 100 out (31,810) is found at it: the six block totals add up to 31,710', () => {
      assert.deepEqual(flags(audit(fresh.replace('Operational Expeniture\t£31,710', 'Operational Expeniture\t£31,810'))), ['55:2 error auto.cast 31710']);
    });

    it('the balance 100 out (136) is found at it: 31,746 − 31,710 = 36', () => {
      assert.deepEqual(flags(audit(fresh.replace('End of Year Position\t£36', 'End of Year Position\t£136'))), ['56:2 error auto.cast 36']);
    });

    it('the restated income 100 out (31,846) is found at it, against "Total Income" 31,746 (the balance under it then disagrees too)', () => {
      const f = flags(audit(fresh.replace('Operational Income\t£31,746', 'Operational Income\t£31,846')));
      assert.ok(f.includes('54:2 error auto.cast 31746'), f.join('; '));
    });

    it('"Total Income" named after the heading over its one line is checked when it stops matching that line (Precept + Grant 31,846: error at the total, not "read as a line")', () => {
      const r = audit(fresh.replace('Precept + Grant\t£31,746', 'Precept + Grant\t£31,846'));
      assert.deepEqual(flags(r), ['4:2 error auto.cast 31846']);
      assert.ok(!r.findings.some((f) => f.rule === 'cast.total-read-as-line'));
    });
  });

  describe('two tables stacked with no blank line: a title line and the year header printed again start the second (T8-12)', () => {
    // Scottish Parliament written answer, 20 June 2002: overtime by the 8 Scottish police forces (£000), Total =
    // 1,299 + 879 + 1,266 + 2,925 + 3,199 + 1,221 + 14,163 + 1,508 = 26,460 (37,466; 34,455); then "Overtime as a
    // Percentage of Actual Expenditure on Police Pay" over "| 1998-99 | 1999-2000 | 2000-01" again, whose Total
    // 7.0% is the all-force rate, not a sum (the forces' % add to 55.3%).
    const ot = published('scotparl-police-overtime-1998-2001.tsv');

    it('as printed: exit 0, the first table\'s Total checked in all three years (not "no table to audit")', () => {
      const r = audit(ot);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(flags(r), []);
      assert.deepEqual(r.tables[0].totals.map((t) => `${t.row}=${t.from}-${t.to}`), ['11=3-10']);
      assert.equal(r.tables[0].checked.totals, 3);
    });

    it('a force\'s overtime 100 out (Fife 1999-2000 2,008) is found at the Total: 37,566, printed 37,466', () => {
      assert.deepEqual(flags(audit(ot.replace('Fife\t1,266\t1,908', 'Fife\t1,266\t2,008'))), ['11:3 error auto.cast 37566']);
    });

    it('the same header printed again with no title line over it is still a page break, not a new table', () => {
      const lines = ot.split('\n');
      const pageBreak = [...lines.slice(0, 6), lines[1], ...lines.slice(6, 11)].join('\n') + '\n';
      const r = audit(pageBreak);
      assert.equal(r.tables.length, 1);
      assert.deepEqual(r.tables[0].totals.map((t) => t.label), ['Total']);
      assert.deepEqual(flags(r), []);
    });
  });

  describe('a total named after the heading it closes adds every row since it, the first line included when one of its figures changes (T8-59)', () => {
    // A parish council's monthly receipts 2013/14: "Parish Council Receipts", seven lines ("Grants" nil in every
    // column first), "Total Parish Council Receipts" (Budget 89,840.00 = 0.00 + 87,600.00 + 400.00 + 0.00 + 0.00 + 900.00 + 940.00).
    const pm = published('parish-monthly-receipts-2013-14.tsv');

    it('as printed: clean, the total read as rows 5-11', () => {
      const r = audit(pm);
      assert.equal(exitCodeOf(r), 0);
      assert.equal(r.tables[0].totals.find((t) => t.row === 12)?.from, 5);
    });

    it('"Grants" budgeted 100.00 is found (at its cell, the one figure the total and the variance share, or at the total: 89,940.00, printed 89,840.00), not dropped by re-reading the total as rows 6-11', () => {
      const r = audit(pm.replace('Grants\t0.00\t', 'Grants\t100.00\t'));
      assert.equal(r.tables[0].totals.find((t) => t.row === 12)?.from, 5);
      // since fix-c's variance conventions (session 9) the two failing checks' shared figure is named at its cell
      assert.ok(flags(r).includes('12:2 error auto.cast 89940') || flags(r).includes('5:2 error revenue.shared-figure 0'), flags(r).join('; '));
    });
  });

  describe('a table read on across its caption row printed again at a column break, and a line equal to two above in one column only (T9-02, T9-03)', () => {
    // Lords written answer, 2 February 1998, police grant allocations (£ million, one place): English Shire,
    // Metropolitan and London forces under ONE "English Total" (1997-98: the 39 lines add to 6,483.8, printed
    // 6,483.9; 1998-99: 6,681.4, printed 6,682.6), the caption row printed again at row 24 with its "£" moved;
    // "Sussex 155.2" = Suffolk 63.4 + Surrey 91.8 in 1997-98 by chance (1998-99: 162.6 against 66.0 + 84.2 = 150.2).
    const grant = published('hansard-police-grant-allocations-1998-99.tsv');

    it('as printed: one table; the English Total adds all 39 English lines across the break, within rounding (no false error of 2,309.1), Sussex a line', () => {
      const r = audit(grant);
      assert.equal(r.tables.length, 1);
      const eng = r.tables[0].totals.find((t) => t.label === 'English Total');
      assert.deepEqual([eng?.from, eng?.to], [3, 44]);
      assert.ok(!r.tables[0].totals.some((t) => t.label === 'Sussex'));
      assert.deepEqual(flags(r).filter((f) => f.startsWith('45:')), ['45:2 warning auto.cast 6483.8', '45:3 warning auto.cast 6681.4']);
      assert.ok(!r.findings.some((f) => f.severity === 'error' && f.row !== 52), flags(r).join('; '));
    });

    it('a line 10.0 out (Kent 1998-99 188.9) is found at the English Total: 6,691.4, printed 6,682.6', () => {
      const f = flags(audit(grant.replace('Kent\t168.5\t178.9', 'Kent\t168.5\t188.9')));
      assert.ok(f.includes('45:3 error auto.cast 6691.4'), f.join('; '));
    });
  });
  describe('a one-line sub-total, then the total of the statement: the total above and that sub-total, not its line counted twice (T9-09)', () => {
    // West Midlands Combined Authority, CIES 2020/21 (£'000, prior year left of the labels): "(Surplus) or deficit on
    // provision of services" (30,172) | (2,689); "Remeasurement of the net defined benefit liability" (20,168) | 20,118;
    // "Other Comprehensive Income and Expenditure" (20,168) | 20,118 (its one line); "Total Comprehensive Income and
    // Expenditure" (30,172) + (20,168) = (50,340) | (2,689) + 20,118 = 17,429.
    const wmca = published('wmca-cies-2020-21.tsv');

    it('as printed: clean, exit 0 — "Other CIE" the sub-total of its one line, the Total CIE = rows 11 and 13 (no false errors of 10,004 and 22,807)', () => {
      const r = audit(wmca);
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(flags(r), []);
      const read = r.tables[0].totals.filter((t) => t.row >= 13).map((t) => `${t.row}=${t.from}-${t.to}`).sort();
      assert.deepEqual(read, ['13=12-12', '14=11-13']);
    });

    it('the Total CIE 100 out in 2020/21 (17,529) is found at it: (2,689) + 20,118 = 17,429', () => {
      const f = flags(audit(wmca.replace(/\t17,429$/m, '\t17,529')));
      assert.ok(f.includes('14:8 error auto.cast 17429'), f.join('; '));
    });
  });
});
