// A year's opening balance is the closing balance of the year before, in that year's column (session-7
// trial T7-03): tied across the year columns, and a wrong opening or closing found at its own cell — the
// one cell the tie shares with the roll down it breaks. Shown on real tables as printed
// (test/fixtures/published/audit, sources in its SOURCES.md) and with one figure changed; every expected
// figure recomputed here by hand from the printed ones, in exact decimal.
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags, published } from '../support/audit-helpers';

/** The table with the row labelled `label` printing `to` where it printed `from` (the one cell). */
function changed(text: string, label: string, from: string, to: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(label));
  const cells = lines[i].split('\t');
  assert.equal(cells.filter((x) => x === from).length, 1, `${label}: ${from} printed once`);
  lines[i] = cells.map((x) => (x === from ? to : x)).join('\t');
  return lines.join('\n');
}

const note = (r: ReturnType<typeof audit>, row: number, column: number) => {
  const f = r.findings.find((x) => x.row === row && x.column === column)!;
  return [f.severity, f.rule, f.expected];
};

describe('audit: the closing balance of a year is the opening balance of the next, across the year columns (T7-03)', () => {
  describe('Havering, cash flow statement 2020/21: 2019/20 Authority | Group | label | Note | 2020/21 Authority | Group (£000)', () => {
    const havering = published('havering-cash-flow-2020-21.tsv');
    const OPENING = 'at the beginning of the reporting period';
    const CLOSING = 'at the end of the reporting period';

    it('as printed: clean; each 2020/21 opening tied to its column\'s 2019/20 closing (26,750 = 26,750; 27,860 = 27,860)', () => {
      const r = audit(havering);
      assert.equal(exitCodeOf(r), 0);
      assert.equal(r.tables[0].checked.rollForwards, 2);
    });

    it('2020/21 Authority opening printed 126,750: an error at its cell [12,5] (the 2019/20 closing is 26,750), the closing [13,5] (126,750 − 18,889 = 107,861 against 7,861) a note naming it — before, found only at the closing', () => {
      const r = audit(changed(havering, OPENING, '26,750', '126,750'));
      assert.deepEqual(flags(r), ['12:5 auto.year-roll-forward 26750']);
      assert.deepEqual(note(r, 13, 5), ['note', 'auto.cast.explained', '107861']);
    });

    it('2019/20 Group closing printed 27,960: an error at its cell [13,2] (26,930 + 930 = 27,860), the 2020/21 Group opening\'s tie [12,6] a note naming it', () => {
      const r = audit(changed(havering, CLOSING, '27,860', '27,960'));
      assert.deepEqual(flags(r), ['13:2 auto.cast 27860']);
      assert.deepEqual(note(r, 12, 6), ['note', 'auto.year-roll-forward.explained', '27960']);
    });
  });

  describe('Preston, general fund forecast 2022/23 to 2026/27 (£000): Balance of Reserves b/f … Year End Balance in each year', () => {
    const preston = published('preston-gf-forecast-2022-27.tsv');

    it('as printed: the two genuine errors at their cells — 2025/26 Year End Balance 3,289 (6,303 − 3,289 + 600 = 3,614, the b/f 2026/27 prints) and 2026/27 3,021 (3,614 − 3,021 + 600 = 1,193); the b/f ties 10,190, 8,628, 6,303 hold and the 2026/27 tie (3,614 against 3,289) is a note naming [24,5]', () => {
      const r = audit(preston);
      assert.deepEqual(flags(r), ['24:5 auto.cast 3614', '24:6 auto.cast 1193']);
      assert.equal(r.tables[0].checked.rollForwards, 4);
      assert.deepEqual(note(r, 21, 6), ['note', 'auto.year-roll-forward.explained', '3289']);
      assert.equal(exitCodeOf(r), 1);
    });

    it('the 2022/23 b/f printed 111,441 (T7-10): "Year End Balance" is still read as closing its roll — errors at [24,2] (111,441 − 1,251 + 0 = 110,190 against 10,190), [24,5] and [24,6]; before, the row stopped being a total and the table "cast"', () => {
      const r = audit(changed(preston, 'Balance of Reserves b/f', '11,441', '111,441'));
      assert.deepEqual(flags(r), ['24:2 auto.cast 110190', '24:5 auto.cast 3614', '24:6 auto.cast 1193']);
      assert.ok(r.tables[0].totals.some((t) => t.row === 24 && t.from === 21 && t.to === 23));
    });

    it('the 2023/24 b/f printed 10,290: found at its cell (2022/23 ends at 10,190), the 2023/24 Year End Balance it feeds (10,290 − 1,562 = 8,728 against 8,628) a note', () => {
      const r = audit(changed(preston, 'Balance of Reserves b/f', '10,190', '10,290'));
      assert.ok(flags(r).includes('21:3 auto.year-roll-forward 10190'), flags(r).join('; '));
      assert.ok(!flags(r).some((f) => f.startsWith('24:3')), flags(r).join('; '));
    });
  });
});
