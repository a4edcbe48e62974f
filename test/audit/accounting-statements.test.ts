// The annual accounting statement every parish and town council, internal drainage board and smaller
// authority in England publishes (AGAR Section 2; before 2017 the Annual Return's statement of accounts):
// boxes 1-7 a running statement whose signs are printed in the labels ("(+)", "(-)", "(=)") or, on older
// forms, only in the words; boxes 8-10 balances at the year end under it. Session-7 trial T7-02 to T7-05
// (Longsdon, Belstone, Cotgrave, River Arun) and three more real statements found in session 8
// (Tibberton, Four Marks, The Leigh), each as printed (test/fixtures/published/audit, SOURCES.md). Every
// expected figure recomputed by hand from the printed ones in exact decimal (verify.py states the same).
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags as flagsOf, published } from '../support/audit-helpers';

const flags = (r: ReturnType<typeof audit>) => flagsOf(r, { severity: true }).sort();
const rules = (r: ReturnType<typeof audit>, sev: string) => r.findings.filter((f) => f.severity === sev).map((f) => `${f.row}:${f.column} ${f.rule}`).sort();

describe('audit: the annual accounting statement (AGAR Section 2), signed in its labels (T7-02 … T7-05)', () => {
  const longsdon = published('longsdon-pc-accounting-statements-2018-19.tsv');

  it('Longsdon 2018/19, clean: box 7 = (1+2+3) − (4+5+6) in both years (7,101 + 4,421 + 689 − 938 − 0 − 2,065 = 9,208; 9,208 + 4,486 + 393 − 1,287 − 0 − 2,078 = 10,722), box 8 = box 7, box 1 2019 = box 7 2018: exit 0 (was 2 false errors, the plain sum 15,214 and 17,452)', () => {
    const r = audit(longsdon);
    assert.equal(exitCodeOf(r), 0);
    assert.deepEqual(flags(r), []);
    assert.deepEqual(r.tables[0].totals.map((x) => [x.row, x.from, x.to, x.less]), [[11, 5, 10, [8, 9, 10]]]);
    // 2 roll downs, 2 cash ties, 1 tie across the years
    assert.equal(r.tables[0].checked.rollForwards, 5);
  });

  it('a staff cost changed (2019 1,287 → 1,387) is found at box 7 2019: 9,208 + 4,486 + 393 − 1,387 − 0 − 2,078 = 10,622, printed 10,722', () => {
    const r = audit(longsdon.replace('\t938\t1,287\t', '\t938\t1,387\t'));
    assert.deepEqual(flags(r), ['11:4 error auto.statement-roll-forward 10622']);
  });

  it('cash and investments changed in one year (2019 10,722 → 10,723) is an error at box 8: the other year shows the two equal (receipts and payments)', () => {
    const lines = longsdon.split('\n');
    lines[11] = lines[11].replace('\t10,722\t', '\t10,723\t');
    assert.deepEqual(flags(audit(lines.join('\n'))), ['12:4 error auto.statement-roll-forward.cash 10722']);
  });

  it('Belstone 2022/23: box 6 of 2023 printed "1.030" among whole pounds with thousands commas is read as 1,030 with a warning at [9,3], and the statement casts with it (2,719 + 3,408 + 528 − 2,348 − 0 − 1,030 = 3,277); was exit 2 "no table to audit"', () => {
    const r = audit(published('belstone-pc-accounting-statements-2022-23.tsv'));
    assert.equal(exitCodeOf(r), 1);
    assert.deepEqual(flags(r), ['9:3 warning printed.point-for-comma 1030']);
    assert.equal(r.tables[0].checked.rollForwards, 5);
  });

  it('Cotgrave 2012/13 (captions "31st March" twice): box 1 of 2012/13 243,156 is the one figure the failing tie to box 7 2011/12 (243,516) and the failing roll down (271,754 against 272,114 printed) share — an error at [7,3], the roll down a note; cash differing from box 7 in both years is a note (income and expenditure)', () => {
    const r = audit(published('cotgrave-tc-annual-return-2012-13.tsv'));
    assert.equal(exitCodeOf(r), 1);
    assert.deepEqual(flags(r), ['7:3 error auto.year-roll-forward 243516']);
    assert.deepEqual(rules(r, 'note').filter((x) => /explained|cash/.test(x)), ['13:3 auto.statement-roll-forward.explained', '14:2 auto.statement-roll-forward.cash', '14:3 auto.statement-roll-forward.cash']);
  });

  it('River Arun 2023/24: the "Section" column (1 … 8) is box numbers, not money; box 7 prints box 1\'s figures: errors at [10,3] (4,538 = 45,441 + 73,469 + 10,670 − 0 − 0 − 125,042, and the tie to box 1 2024 a note) and [10,4] (9,055); box 8 "Total value of cash …" no total (was cast as boxes 1-7: 300,063)', () => {
    const r = audit(published('riverarun-idb-accounting-statement-2023-24.tsv'));
    assert.equal(exitCodeOf(r), 1);
    assert.deepEqual(flags(r), ['10:3 error auto.statement-roll-forward 4538', '10:4 error auto.statement-roll-forward 9055']);
    assert.ok(!r.findings.some((f) => f.column === 1), 'nothing in the Section column');
  });

  it('Tibberton 2019/20 (dashes for nil, no guidance column) and The Leigh 2021/22 (a guidance column, "(+)Preceptor Rates and Levies"): clean, boxes 9-10 notes', () => {
    for (const f of ['tibberton-pc-agar-2019-20.tsv', 'theleigh-pc-accounting-statements-2021-22.tsv']) {
      const r = audit(published(f));
      assert.equal(exitCodeOf(r), 0, f);
      assert.equal(r.tables[0].checked.rollForwards, 5, f);
    }
  });

  it('Four Marks 2020/21, no sign printed (signed by its words: precept and receipts added, costs and payments subtracted): box 7 2020 one out within rounding (208,958), box 8 2021 "243.049" read as 243,049 with a warning', () => {
    const r = audit(published('fourmarks-pc-annual-return-2020-21.tsv'));
    assert.equal(exitCodeOf(r), 1);
    assert.deepEqual(flags(r), ['13:2 warning auto.statement-roll-forward 208958', '14:3 warning printed.point-for-comma 243049']);
    assert.match(r.tables[0].totals[0].why, /words of its labels/);
  });

  it('the form\'s boxes printed without the running statement (Corscombe and Halstock\'s explanation of variances 2021/22): "Total fixed assets & long term investments & assets" (13,548 | 25,471) and "Total borrowings" are balances, no totals of boxes 2-6 (were 3 and 2 false errors, "expected 34,684"); the genuine error found: borrowings 759 → 0 printed "NIL" where the variance is −759', () => {
    const r = audit(published('corscombe-halstock-pc-variances-2021-22.tsv'));
    assert.equal(exitCodeOf(r), 1);
    // [7,5]: box 5's decrease printed unsigned (777 for 777 − 1,554), the table's only other decrease: acceptable either way
    assert.deepEqual(flags(r), ['10:5 error auto.variance -759', '7:5 error auto.variance -777']);
    assert.deepEqual(r.tables[0].totals, []);
    assert.deepEqual(rules(r, 'note').filter((x) => /balance-box/.test(x)), ['10:2 auto.statement.balance-box', '9:2 auto.statement.balance-box']);
  });

  it('a statement signed only by its words whose payments are printed in brackets is a plain sum, not read twice over', () => {
    const text = ['\t2021 £\t2022 £', 'Balances brought forward\t100\t150', 'Receipts\t80\t90', 'Payments\t(30)\t(40)', 'Balances carried forward\t150\t200', ''].join('\n');
    const r = audit(text);
    assert.equal(exitCodeOf(r), 0);
    assert.deepEqual(flags(r), []);
    assert.ok(!r.tables[0].totals.some((x) => /running statement/.test(x.why)));
  });
});
