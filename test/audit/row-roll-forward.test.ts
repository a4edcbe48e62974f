// A balance rolled forward along each row, "Opening | Income | Expenditure | Closing" (session-8 trial
// entry T8-08), on the real table as printed (test/fixtures/published/audit, source in its SOURCES.md)
// and with figures changed. Every expected figure is recomputed here by hand in exact decimal
// (python3 decimal; verify.py repeats the roll).
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags as flagsOf, published, tsv } from '../support/audit-helpers';

const flags = (r: ReturnType<typeof audit>) => flagsOf(r, { severity: true }).sort();

describe('audit: a roll-forward along each row, opening + income − expenditure = closing (session-8 trial T8-08)', () => {
  // Staveley and Copgrove Parish Council, balances 2010-11 to 2020-21 (£, whole pounds, "£" in every cell).
  const stav = published('staveleycopgrove-pc-balances-2010-21.tsv');

  it('as printed: the council\'s two wrong closing balances are errors at their cells — 2015-16: 14,200 + 6,942 − 6,267 = 14,875, printed 14,895; 2017-18: 13,982 + 7,800 − 8,779 = 13,003, printed 13,007 — and the two within a pound or two flagged too, never "no table to audit"', () => {
    const r = audit(stav);
    assert.equal(exitCodeOf(r), 1);
    // 2013-14: 14,920 + 6,075 − 4,224 = 16,771, printed 16,772 (1: within the 1.5 three whole-pound terms allow);
    // 2016-17: 14,895 + 6,535 − 7,450 = 13,980, printed 13,982 (2: beyond it)
    assert.deepEqual(flags(r), [
      '10:5 error auto.row-roll-forward 13003',
      '6:5 warning auto.row-roll-forward 16771',
      '8:5 error auto.row-roll-forward 14875',
      '9:5 error auto.row-roll-forward 13980',
    ]);
    assert.equal(r.tables[0].checked.rollForwards, 21); // 11 rows rolled, 10 openings carried from the row above
  });

  it('an opening that is not the closing of the year above is found at the opening (2019-20: 12,209 → 12,309; the closing above is 12,209)', () => {
    const r = audit(stav.replace('2019 - 2020\t£12,209', '2019 - 2020\t£12,309'));
    const at = r.findings.filter((f) => f.row === 12 && f.column === 2 && f.severity === 'error').map((f) => `${f.rule} ${f.expected}`);
    assert.deepEqual(at, ['auto.row-roll-forward.opening 12209']);
  });

  it('an earmarked-reserves layout (Balance b/f | Transfers in | Transfers out | Balance c/f, one reserve a row) is rolled the same way, and not chained (the rows are not successive periods)', () => {
    // 100 + 20 − 30 = 90; 50 + 5 − 10 = 45; 200 + 0 − 70 = 130, printed 133
    const text = tsv([
      ['Reserve', 'Balance b/f', 'Transfers in', 'Transfers out', 'Balance c/f'],
      ['Insurance', '100', '20', '30', '90'],
      ['IT renewal', '50', '5', '10', '45'],
      ['Elections', '200', '0', '70', '133'],
    ]);
    assert.deepEqual(flags(audit(text)), ['4:5 error auto.row-roll-forward 130']);
  });
});
