// "n/a" printed in a money column (session 5's trial, entry 4): nothing applies there, so the lines it
// sits among add it as nil, with a note; it is never an unreadable figure that stops the table's checks.
// Shown on the table as printed (transcribed exactly, source named) and with one figure changed; every
// expected figure recomputed by hand from the printed ones, in exact decimal.
import assert from 'node:assert/strict';
import { type AuditReport, exitCodeOf } from '../../src/audit/audit';
import { audit, flags, tsv } from '../support/audit-helpers';

const notes = (r: AuditReport, rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => `${f.row}:${f.column}`);

// Westmorland and Furness Council, "Westmorland and Furness budget" (budget agreed February 2024), "Where
// the money comes from", £m: https://www.westmorlandandfurness.gov.uk/council-tax/your-council-tax-explained/westmorland-and-furness-budget
const sources = tsv([
  ['Where the money comes from', '', ''],
  ['Sources of finance', '2023 to 2024 budget £m', '2024 to 2025 budget £m'],
  ['Revenue support grant', '(8.451)', '(9.010)'],
  ['Use of specific grants', 'n/a', '(3.040)'],
  ['General grants', '(25.788)', '(30.488)'],
  ['Retained business rates', '(56.682)', '(63.600)'],
  ['(Surplus)/Deficit on Business Rates collection fund', '0.617', 'n/a'],
  ['(Surplus)/Deficit on Council Tax collection fund', '0.526', '(2.700)'],
  ['Additional Government support', '(21.000)', 'n/a'],
  ['Total sources of finance', '(110.778)', '(108.838)'],
]);

describe('audit: "n/a" in a money column is nil, not unreadable (Westmorland and Furness 2024/25)', () => {
  it('as printed: clean, both Totals cast with n/a as nil, a note at each n/a', () => {
    // 2023/24: −8.451 + 0 − 25.788 − 56.682 + 0.617 + 0.526 − 21.000 = −110.778;
    // 2024/25: −9.010 − 3.040 − 30.488 − 63.600 + 0 − 2.700 + 0 = −108.838
    const r = audit(sources);
    assert.deepEqual(flags(r), []);
    assert.equal(exitCodeOf(r), 0);
    assert.equal(r.tables[0].checked.totals, 2);
    assert.deepEqual(notes(r, 'printed.not-applicable'), ['4:2', '7:3', '9:3']);
    assert.deepEqual(notes(r, 'printed.unreadable'), []);
  });

  it('Retained business rates 2023/24 printed (56.692): the Total is found 0.010 out (−110.788 expected)', () => {
    const r = audit(sources.replace('(56.682)', '(56.692)'));
    assert.deepEqual(flags(r), ['10:2 auto.cast -110.788']);
    assert.equal(exitCodeOf(r), 1);
  });

  it('a Total printed n/a is not compared with the sum of its lines (nothing to compare), and the other column still is', () => {
    const r = audit(sources.replace('(110.778)', 'n/a').replace('(63.600)', '(63.601)'));
    assert.deepEqual(flags(r), ['10:3 auto.cast -108.839']);
  });

  it('a word that is not "not applicable" in a money column stays unreadable, at its cell', () => {
    const r = audit(sources.replace('n/a\t(3.040)', 'tbc\t(3.040)'));
    assert.deepEqual(r.findings.filter((f) => f.rule === 'printed.unreadable').map((f) => `${f.row}:${f.column}`), ['4:2']);
  });
});
