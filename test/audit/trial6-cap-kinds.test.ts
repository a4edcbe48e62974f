// Kinds of table the audit had not been tuned for, found by session 6's trial (trial-cap: tables of bodies
// not in the corpus; the entry numbers are those of its findings note, T6-NN), each shown on the real
// table as printed (transcribed exactly in test/fixtures/published/audit, sources in its SOURCES.md) and
// with figures changed. Every expected figure is recomputed here by hand from the printed ones, in exact
// decimal (and in verify.py beside the tables).
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags, published } from '../support/audit-helpers';

describe('audit: kinds found by session 6\'s trial (trial-cap) on tables nobody tuned it for', () => {
  describe('a total stated in a sentence over a list with no header row, the unit in the cells (T6-54, T6-57)', () => {
    // Mid and West Wales Fire and Rescue Service, "What the Service Costs": "Our budget for 2022/23 is
    // £53,824,230", then six bulleted cost lines "label | £amount", no header row.
    const maww = published('mawwfire-budget-2022-23.tsv');
    // Cornwall Council, "Where the money comes from 2024": "Our gross expenditure is: £1,513.176m", the
    // heading "Income", five sources "label: | £amount m" — one of them "Council tax requirement:".
    const cornwall = published('cornwall-where-money-comes-from-2024-25.tsv');

    it('Mid and West Wales: the six lines come to 31,682,480 + 9,268,960 + 2,351,600 + 2,932,100 + 5,184,100 + 4,747,900 = 56,167,140, not the £53,824,230 stated: an error at the sentence (row 1, column 1), exit 1 — not "no table to audit"', () => {
      const r = audit(maww);
      assert.deepEqual(flags(r), ['1:1 auto.cast.caption 56167140']);
      const f = r.findings.find((x) => x.rule === 'auto.cast.caption')!;
      assert.equal(f.printed, '53824230');
      assert.equal(f.difference, '-2342910');
      assert.equal(r.tables[0].units, '£');
      assert.equal(exitCodeOf(r), 1);
    });

    it('Mid and West Wales with the budget stated as the lines add up (£56,167,140): the tables cast, the caption checked', () => {
      const r = audit(maww.replace('£53,824,230', '£56,167,140'));
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.totals, 1);
      assert.equal(exitCodeOf(r), 0);
    });

    it('Cornwall: 743.599 + 99.929 + 269.895 + 393.699 + 6.054 = 1,513.176, the gross expenditure stated: clean, and "Council tax requirement" is one of the five sources, not their total (before: a false error, 393.699 against 1,113.423)', () => {
      const r = audit(cornwall);
      assert.deepEqual(flags(r), []);
      assert.deepEqual(r.tables[0].totals.map((t) => [t.row, t.from, t.to]), [[1, 3, 7]]);
      assert.equal(r.tables[0].units, '£m');
      assert.equal(exitCodeOf(r), 0);
    });

    it('Cornwall with business rates printed £296.895m (a transposition): found at the sentence, the five come to 1,540.176', () => {
      const r = audit(cornwall.replace('£269.895m', '£296.895m'));
      assert.deepEqual(flags(r), ['1:1 auto.cast.caption 1540.176']);
    });
  });

  describe('a column whose every figure prints its unit inside the cell ("£41.4m") states its unit: one note for the column, not one per cell (T6-55)', () => {
    // North Yorkshire PFCC, "Annual fire budget": funding and spending tables, 2023/24 and 2024/25, every figure "£x.xm".
    const ny = published('northyorks-pfcc-fire-budget-2024-25.tsv');

    it('as printed: both totals cast (9.5 + 25.2 + 4.8 + 0.7 + 1.2 = 41.4; 26.3 + 6.0 + 4.0 + 2.6 + 1.9 + 1.1 + 2.1 + 1.2 = 45.2), the tables read in £m, four notes (one per column of each table) where there were thirty', () => {
      const r = audit(ny);
      assert.deepEqual(flags(r), []);
      assert.deepEqual(r.tables.map((t) => t.units), ['£m', '£m']);
      const notes = r.findings.filter((f) => f.rule === 'printed.unit-in-cell');
      assert.deepEqual(notes.map((f) => `${f.row}:${f.column}`), ['3:2', '3:3', '12:2', '12:3']);
      assert.match(notes[0].message, /every figure of the column prints its unit inside the cell \(£9\.5m\).*£m/);
      assert.equal(exitCodeOf(r), 0);
    });

    it('one figure printed in another unit (£700k for £0.7m) is not "every figure in £m": that column is read figure by figure, and still casts once scaled', () => {
      const r = audit(ny.replace('£0.7m', '£700k'));
      assert.deepEqual(flags(r), []);
      assert.ok(r.findings.some((f) => f.rule === 'printed.unit-rescaled' && f.row === 6), r.findings.map((f) => f.message).join('\n'));
    });
  });

  describe('a nil "Balanced budget" row closing an MTFS gap: the annual requirement ± the options to close it (T6-50)', () => {
    // Gateshead Council, MTFS 2025/26 - 2029/30, "Proposal": "Estimated annual savings requirement", the
    // heading "Options to close gap:", four option lines printed negative, "Balanced budget 0.000" in every year.
    const gh = published('gateshead-mtfs-gap-2025-30.tsv');
    // The stored copy prints "Potential budget cuts: unidentified" from Year 1 with Year 5 empty, Year 3's figure "0.062)".
    const aligned = gh.replace('Potential budget cuts: unidentified\t(8.209)\t(6.514)\t0.062)\t(0.181)\t', 'Potential budget cuts: unidentified\t\t(8.209)\t(6.514)\t0.062\t(0.181)');

    it('as stored: the options do not close the requirement — Year 1 4.824 − 2.117 − 0.612 − 2.095 − 8.209 = −8.209; Year 2 14.223 − 2.270 − 1.744 − 2.000 − 6.514 = 1.695; Year 4 2.676 − 2.178 − 0.560 − 0.181 = −0.243; Year 5 1.662 − 1.481 + 0.000 = 0.181 — each an error at "Balanced budget", and "0.062)" unreadable (before: exit 2, the row never checked)', () => {
      const r = audit(gh);
      assert.deepEqual(flags(r).sort(), ['12:4 printed.unreadable undefined', '13:2 auto.cast -8.209', '13:3 auto.cast 1.695', '13:5 auto.cast -0.243', '13:6 auto.cast 0.181']);
      assert.ok(r.tables[0].totals.some((t) => t.row === 13 && t.from === 7 && t.to === 12));
      assert.equal(exitCodeOf(r), 1);
    });

    it('the row read one column right, as the page prints it: every year balances to 0.000 exactly (4.824 − 2.117 − 0.612 − 2.095; 14.223 − 2.270 − 1.744 − 2.000 − 8.209; 10.969 − 1.878 − 0.577 − 2.000 − 6.514; 2.676 − 2.178 − 0.560 + 0.062; 1.662 − 1.481 − 0.181): clean, and the balance checked in all five years', () => {
      const r = audit(aligned);
      assert.deepEqual(flags(r), []);
      assert.ok(r.tables[0].totals.some((t) => t.row === 13 && t.from === 7 && t.to === 12));
      assert.equal(exitCodeOf(r), 0);
    });

    it('aligned, with Adult Social Care Year 2 printed (2.720) for (2.270): found at "Balanced budget": 14.223 − 2.720 − 1.744 − 2.000 − 8.209 = −0.450', () => {
      const r = audit(aligned.replace('(2.270)', '(2.720)'));
      assert.deepEqual(flags(r), ['13:3 auto.cast -0.45']);
    });
  });

  describe('column groups: "Year to Date" and "Annual", each Budget | Actual/Forecast | Variance | % — each variance and % belongs to its own group (T6-52), and figures printed with "$" (T6-51)', () => {
    // Niagara Region, Niagara Regional Police Service, Q3 Financial Update 2016, Statement of Operations
    // (thousands of dollars): "$99,388", "$(1,973)" on the first and last rows; figures rounded from dollars.
    const ni = published('niagara-police-q3-2016.tsv');

    it('as printed: YTD Variance = YTD Budget − Actual (115 = 2,825 − 2,710; 1,301 = (5,082) − (6,383)), Annual Variance = Annual Budget − Forecast, each % over its own group\'s budget — the one error is Indirect Allocations\' YTD 13.4% where 477 / 4,031 = 11.83% (it is 477 / 3,554, the actual); before: 35 false errors against the Annual columns', () => {
      const r = audit(ni);
      const errors = r.findings.filter((f) => f.severity === 'error').map((f) => `${f.row}:${f.column} ${f.rule} ${f.expected}`);
      // (row 25's YTD Variance (8) against (7) + 0 is rounding: the 0 is 7,176 − 7,176 in thousands, its % printed (0.0%); still called an error, row allowed)
      assert.deepEqual(errors.filter((e) => !e.startsWith('25:4 ')), ['27:5 revenue.variance-percent 11.8']);
      const diffs = r.tables[0].differences.map((d) => `${d.column} ${d.is}`);
      assert.ok(diffs.some((d) => /^4 Year to Date Budget − Actual/.test(d)), diffs.join('; '));
      assert.ok(diffs.some((d) => /^8 Annual Budget − Forecast/.test(d)), diffs.join('; '));
      // every warning is 1 unit of rounding (a variance or a cast) or a % within its inputs' rounding
      assert.ok(r.findings.filter((f) => f.severity === 'warning' && f.rule !== 'revenue.variance-percent').every((f) => ['1', '-1'].includes(f.difference!)));
      assert.equal(exitCodeOf(r), 1);
    });

    it('the "$" figures are read (99,388; (1,973); 485 …), one note for the table, no unreadable cell — before: 12 errors "not a number as printed"', () => {
      const r = audit(ni);
      assert.ok(!r.findings.some((f) => f.rule === 'printed.unreadable'));
      const notes = r.findings.filter((f) => f.rule === 'printed.currency-sign');
      assert.equal(notes.length, 1);
      assert.match(notes[0].message, /12 figure\(s\) printed with the currency sign \$ \(row\(s\) 6, 30\)/);
    });

    it('Administrative\'s YTD Variance printed 151 for 115 (a transposition): found at its cell against its own group, 2,825 − 2,710 = 115', () => {
      const r = audit(ni.replace('Administrative\t2,825\t2,710\t115\t', 'Administrative\t2,825\t2,710\t151\t'));
      assert.ok(flags(r).includes('7:4 revenue.variance 115'), flags(r).join('; '));
    });
  });

  describe('"Original Budget | In Year Budget Changes | Working Budget": a roll-forward across, the changes column named as such (T6-53)', () => {
    // Hyndburn Borough Council, Cabinet, Revenue Budget Monitoring 2025/26 Quarter 1, Table 1 (£'000).
    const hy = published('hyndburn-revenue-q1-2025-26.tsv');

    it('as printed: Original + In Year Budget Changes = Working Budget on every row (5,495 + (14) = 5,481; 712 + 10 = 722; "-" where unchanged), 6 roll-forwards checked — before: 0, the column of changes read as a budget', () => {
      const r = audit(hy);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.rollForwards, 6);
      assert.equal(exitCodeOf(r), 0);
    });

    it('Environmental Services\' change printed (41) for (14): 5,495 + (41) = 5,454, printed 5,481 — an error at the Working Budget (before: "the tables cast")', () => {
      const r = audit(hy.replace('\t(14)\t', '\t(41)\t'));
      assert.deepEqual(flags(r), ['3:4 revenue.budget-roll-forward 5454']);
      assert.equal(exitCodeOf(r), 1);
    });
  });
});
