// Variance and percentage columns read by each table's own conventions, learned from its lines (issue #10
// kinds 3-4; session-8 trial T8-51, T8-52, T8-54, T8-55, T8-56, and Ilam's pro forma with no box 1). Each
// table as printed (test/fixtures/published/audit, SOURCES.md); every expected figure recomputed by hand
// from the printed ones in exact decimal (verify.py states the same relations).
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags as flagsOf, published } from '../support/audit-helpers';

const flags = (r: ReturnType<typeof audit>) => flagsOf(r, { severity: true }).sort();
const notes = (r: ReturnType<typeof audit>) => r.findings.filter((f) => f.severity === 'note').map((f) => `${f.row}:${f.column} ${f.rule}`);

describe('audit: a variance column printed as magnitudes (T8-54)', () => {
  const denstone = published('denstone-pc-variances-2017-18.tsv');

  it('Denstone 2017/18: |15,012 − 14,204| = 808, |25,969 − 8,485| = 17,484, 340, 0, |9,522 − 20,456| = 10,934 — read as sizes, exit 0 (was an error "expected −10,934" at Box 6)', () => {
    const r = audit(denstone);
    assert.equal(exitCodeOf(r), 0);
    assert.deepEqual(flags(r), []);
    assert.deepEqual(r.tables[0].differences.map((d) => [d.column, d.is, d.magnitude]), [[4, '|2017/18 £ − 2016/17 £|', true]]);
    // the note at the one line that moved the other way (Box 6, a decrease printed positive)
    assert.ok(notes(r).includes('9:4 auto.variance.magnitude'), notes(r).join('; '));
  });

  it('a size still checked: Box 3 printed 17,584 for |25,969 − 8,485| = 17,484 is an error at its cell', () => {
    const r = audit(denstone.replace('\t17484\t', '\t17584\t'));
    assert.ok(flags(r).includes('6:4 error auto.variance 17484'), flags(r).join('; '));
  });

  it('Ilam 2017/18: £200 up, £156 and £586 down, all printed positive: exit 0 (was an error "expected −200" at Box 2)', () => {
    const r = audit(published('ilam-pc-variances-2017-18.tsv'));
    assert.equal(exitCodeOf(r), 0);
    assert.deepEqual(r.tables[0].differences.map((d) => d.is), ['|2016/17 £ − 2017/18 £|']);
  });

  it('a signed column keeps its sign errors: Gittisham prints −367, −28, −62 and 1,061 (prior − current), so no line is read as a size', () => {
    const r = audit(published('gittisham-pc-variances-2017-18.tsv'));
    assert.deepEqual(r.tables[0].differences.map((d) => [d.is, d.magnitude]), [['2016/17 £ − 2017/18 £', undefined]]);
  });
});

describe('audit: a difference column found by its arithmetic, not its caption (T8-51, T8-52)', () => {
  it('Farringdon 2019/20: "Diff b’ween 2018/2019 Budget and Proposed 2019/2020" = Proposed − Budget on 8 of 8 lines (14,140 − 13,565 = 575 … 8,780 − 11,020 = (2,240)): exit 0 (was exit 2, "no table to audit")', () => {
    const text = published('farringdon-pc-precept-2019-20.tsv');
    const r = audit(text);
    assert.equal(exitCodeOf(r), 0);
    assert.deepEqual(r.tables[0].differences.map((d) => [d.column, d.is]), [[5, 'Proposed Budget 2019/2020 £ − Budget 2018/2019 £']]);
    // a difference changed by 100 is found at its cell: 2,030 − 2,000 = 30, printed 130
    assert.deepEqual(flags(audit(text.replace('\t2,030\t30', '\t2,030\t130'))), ['9:5 error auto.variance 30']);
  });

  it('the corporate monitoring report of September 2011: the uncaptioned column 9 = Latest Forecast Outturn − Latest Budget, and "%" = it / Latest Budget: the 2 genuine errors and 1 rounding warning, none of the 20 false % errors', () => {
    const r = audit(published('council-corporate-monitoring-2011-09.tsv'));
    assert.deepEqual(flags(r), [
      '23:7 warning revenue.cast 17631',
      '24:6 error revenue.variance 38966',
      '25:6 error revenue.variance -38966',
    ]);
    assert.deepEqual(r.tables[0].differences.map((d) => [d.column, d.is]), [
      [6, "Actual to Date £'000 − Budget to Date £'000"],
      [9, "Latest Forecast Outturn £'000 − Latest Budget £'000"],
    ]);
    assert.deepEqual(r.tables[0].percentages?.map((p) => [p.column, p.is]), [[10, "£'000 / Latest Budget £'000"]]);
    // a % changed: Expenditure 1,584 / 115,654 = 1.37%, printed 1, changed to 4 — an error at its cell
    const changed = audit(published('council-corporate-monitoring-2011-09.tsv').replace('\t1,584\t1\n', '\t1,584\t4\n'));
    assert.ok(flags(changed).includes('6:10 error revenue.variance-percent 1'), flags(changed).join('; '));
  });
});

describe('audit: a percentage column\'s own rounding (T8-56)', () => {
  it('Gittisham 2017/18 truncates (1,061 / 2,964 = 35.796 → 35.7; −28 / 2,457 = −1.1396 → −1.13): a note naming the convention, and only the sign lost at Box 6 (−62 / 6,167 = −1.005, printed 1) an error', () => {
    const r = audit(published('gittisham-pc-variances-2017-18.tsv'));
    assert.deepEqual(flags(r), ['9:5 error auto.percent -1']);
    assert.ok(notes(r).includes('6:5 auto.percent.truncated'), notes(r).join('; '));
  });

  it('Aberdeen City 2024-25: shares forced to add up to 100 (rounded one by one 101): Non domestic rates 21.62% printed 21 is a warning naming the convention, not an error', () => {
    const r = audit(published('aberdeencity-council-tax-spent-2024-25.tsv'));
    const f = r.findings.find((x) => x.row === 4 && x.column === 3)!;
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /largest remainder: rounded one by one they add up to 101, printed 100/);
  });
});

describe('audit: the accounting statement\'s boxes reprinted without signs or box 1 (T8-55, Ilam)', () => {
  it('Belstone 2022-23 ("1 Balances Brought Forward" … "7 Balances Carried Forward", no signs): box 7 rolled by the words, 3,277 → 3,377 an error at [11,3] (2,719 + 3,408 + 528 − 2,348 − 0 − 1,030 = 3,277); the two % warnings kept', () => {
    const text = published('belstone-pc-variances-2022-23.tsv');
    assert.deepEqual(flags(audit(text)), ['7:5 warning auto.percent 1855.56', '8:5 warning auto.percent 76.81']);
    const r = audit(text.replace('7 Balances Carried Forward\t2,719\t3,277', '7 Balances Carried Forward\t2,719\t3,377'));
    assert.ok(flags(r).includes('11:3 error auto.statement-roll-forward 3277'), flags(r).join('; '));
  });

  it('Ilam 2024/25 (boxes 2-7, no box 1): box 7 = last year\'s box 7 + 800 + 1,273 − 0 − 0 − 1,824 = 1,921, printed 1,672: an error at [8,3] (was "the tables cast")', () => {
    const r = audit(published('ilam-pc-variances-2024-25.tsv'));
    assert.deepEqual(flags(r), ['8:3 error auto.statement-roll-forward 1921']);
  });

  it('Ilam 2021/22: 1,017 + 800 + 923 − 0 − 0 − 1,053 = 1,687, printed 1,686: a rounding warning at [9,3]', () => {
    const r = audit(published('ilam-pc-variances-2021-22.tsv'));
    assert.deepEqual(flags(r), ['9:3 warning auto.statement-roll-forward 1687']);
  });
});

describe('audit: a column of amounts none of which can be read is named, never dropped (T7-66 (b))', () => {
  it('Brighton & Hove 2020/21 with its changes written "(+ c.£12.4m)": each cell an unreadable figure at its cell, exit 2 (was "the tables cast", the column dropped as text)', () => {
    const text = published('brighton-services-provided-2020-21.tsv').replace(/\((\+|-|\+\/-) £/g, '($1 c.£');
    const r = audit(text);
    assert.equal(exitCodeOf(r), 2);
    const unread = r.findings.filter((f) => f.rule === 'printed.unreadable');
    assert.equal(unread.length, 15);
    assert.deepEqual([unread[0].row, unread[0].column, unread[0].printed], [2, 3, '(+ c.£13.7m)']);
  });
});
