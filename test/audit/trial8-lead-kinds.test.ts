// Kinds the lead closed in session 8, each on the real table that showed it (sources in
// test/fixtures/published/audit/SOURCES.md).
import assert from 'node:assert/strict';
import { audit, fixture, flags, published } from '../support/audit-helpers';

const trial8 = (file: string) => fixture('trial8', file);

describe('audit: the session-8 kinds (lead)', () => {
  it('a gap row straight after the sources\' sub-total is the cost less that sub-total (T7-07 (a): Preston\'s General Fund forecast, "Call on Reserves")', () => {
    // By hand (£000): 22,564 − 21,313 = 1,251; 24,085 − 22,523 = 1,562; 23,868 − 20,943 = 2,925;
    // 24,636 − 21,347 = 3,289; 25,034 − 22,013 = 3,021 — every Call on Reserves as printed.
    const text = published('preston-gf-forecast-2022-27.tsv');
    const r = audit(text, 'preston.tsv');
    const gap = r.tables[0].totals.find((x) => x.label === 'Call on Reserves');
    assert.ok(gap && gap.from === 10 && gap.to === 18, 'Call on Reserves is read as row 10 less row 18');
    // the two Year End Balances the council printed wrong, and nothing else
    assert.deepEqual(flags(r), ['24:5 auto.cast 3614', '24:6 auto.cast 1193']);
    // 1,351 printed for 1,251: found at its cell, 100 out (the reserves roll below repeats −1,251 and does not see it)
    const wrong = text.replace('Call on Reserves\t1,251', 'Call on Reserves\t1,351');
    assert.notEqual(wrong, text);
    const w = audit(wrong, 'preston.tsv');
    const at = w.findings.find((f) => f.severity === 'error' && f.row === 19);
    assert.ok(at && at.column === 2 && at.expected === '1251' && at.difference === '100');
  });

  it('a line named as a use of reserves among the sources stays a line (it is no gap unless it follows the sources\' sub-total)', () => {
    // Net expenditure 100.0 / 120.0 = grant 60.0 / 70.0 + council tax 30.0 / 35.0 + use of reserves 10.0 / 15.0
    // = total funding: read as a gap, "Use of reserves" (100 − 90 = 10) would leave "Total funding" adding up to nothing
    const r = audit('\t2024/25\t2025/26\nNet expenditure\t100.0\t120.0\nGrant\t60.0\t70.0\nCouncil tax\t30.0\t35.0\nUse of reserves\t10.0\t15.0\nTotal funding\t100.0\t120.0\n', 'f.tsv');
    assert.deepEqual(flags(r), []);
    assert.deepEqual(r.tables[0].totals.map((x) => [x.label, x.from, x.to]), [['Total funding', 3, 5]]);
  });

  it('a row of percentages under a row of amounts by year is each year\'s change from the year before (T7-07 (d): Preston\'s "Council Tax Increase")', () => {
    // By hand: (343.60 − 333.63) / 333.63 = 2.98834%; (353.87 − 343.60) / 343.60 = 2.98894%;
    // (364.45 − 353.87) / 353.87 = 2.98980%; (375.34 − 364.45) / 364.45 = 2.98806% — each printed 2.99%.
    // 2022/23's 1.99% has no year before it in the table: not checked.
    const text = published('preston-gf-forecast-2022-27.tsv');
    assert.equal(audit(text, 'preston.tsv').tables[0].checked.percentages, 4);
    const wrong = text.replace('Council Tax Increase\t1.99%\t2.99%\t2.99%', 'Council Tax Increase\t1.99%\t2.99%\t3.99%');
    assert.notEqual(wrong, text);
    const at = audit(wrong, 'preston.tsv').findings.filter((f) => f.rule === 'auto.change-percent');
    assert.deepEqual(at.map((f) => [f.severity, f.row, f.column, f.expected]), [['error', 26, 4, '2.99']]);
    // 2.98% printed: Band D printed to the penny allows (353.865 − 343.605) / 343.605 = 2.98599% to
    // (353.875 − 343.595) / 343.595 = 2.99189%, and 2.98% stands for 2.975%–2.985%: not rounding, an error
    const near = text.replace('Council Tax Increase\t1.99%\t2.99%\t2.99%', 'Council Tax Increase\t1.99%\t2.99%\t2.98%');
    const w = audit(near, 'preston.tsv').findings.filter((f) => f.rule === 'auto.change-percent');
    assert.deepEqual(w.map((f) => [f.severity, f.row, f.column, f.difference]), [['error', 26, 4, '-0.01']]);
  });

  it('a figure with a plus sign is the figure (T8-58: Ilam Parish Council\'s variances 2019/20, "+384", "+160")', () => {
    // By hand: 1268 − 884 = +384 (Box 6), 1015 − 855 = +160 (Box 9); the other variances 0, −94, 0, 0, −251.
    const text = trial8('ilam-pc-variances-2019-20.tsv');
    const r = audit(text, 'ilam.tsv');
    assert.deepEqual(flags(r), []);
    assert.equal(r.tables[0].checked.variances, 7);
    const wrong = text.replace('+384', '+348');
    assert.notEqual(wrong, text);
    assert.deepEqual(audit(wrong, 'ilam.tsv').findings.filter((f) => f.severity === 'error').map((f) => [f.row, f.column, f.expected]), [[9, 5, '384']]);
  });

  it('a figure printed "0." is nil to no places (T8-01: Crawley\'s council finances summary 2022/23, Council housing net)', () => {
    // By hand (£m): 53.75 − 53.75 = 0, printed "0."; the Net column casts with it, 16.16 against 16.15 (rounding);
    // Total income 119.77 against 119.76 (rounding); Net budget requirement 15.06 against 16.16 − 1.77 + 0.94 = 15.33 (error).
    const r = audit(trial8('crawley-council-finances-summary-2022-23.tsv'), 'crawley.tsv');
    assert.ok(!r.findings.some((f) => f.rule === 'printed.unreadable'));
    assert.deepEqual(r.findings.filter((f) => f.severity !== 'note').map((f) => [f.severity, f.row, f.column]).sort(), [['error', 17, 4], ['warning', 11, 3], ['warning', 11, 4]]);
  });

  it('"No HRA" in a column of money is not applicable there: nil, with a note, and every row of it cast (T8-10: Scottish councils\' revenue reserves 2011)', () => {
    // By hand (£000): Argyll and Bute 32,973 + 0 + 497 + 0 + 0 = 33,470; Dumfries and Galloway 51,721 + 0 + 1,668 + 2,791 + 0 = 56,180.
    const text = trial8('scotparl-la-revenue-reserves-2011.tsv');
    const r = audit(text, 'scot.tsv');
    assert.deepEqual(flags(r), []);
    assert.deepEqual(r.findings.filter((f) => f.rule === 'printed.not-applicable').map((f) => f.row), [6, 8, 15, 18, 20]);
    assert.equal(r.tables[0].checked.crossCasts, 22);
    const wrong = text.replace('Argyll and Bute\t32,973', 'Argyll and Bute\t32,873');
    assert.notEqual(wrong, text);
    assert.deepEqual(audit(wrong, 'scot.tsv').findings.filter((f) => f.severity === 'error').map((f) => [f.row, f.column, f.expected]), [[6, 7, '33370']]);
    // a figure that exists but is not given is no nil: "No data" stays unreadable
    const nodata = audit(text.replace('Argyll and Bute\t32,973\tNo HRA', 'Argyll and Bute\t32,973\tNo data'), 'scot.tsv');
    assert.ok(nodata.findings.some((f) => f.rule === 'printed.unreadable' && f.row === 6));
  });

  it('an accounting statement signed "(+)" and "(-)" in its labels comes to the next row whatever that row is called (Tibberton PC\'s AGAR 2019/20, box 7 relabelled)', () => {
    // By hand: 173,054 + 36,509 + 16,219 − 6,739 − 0 − 18,917 = 200,126; 200,126 + 36,509 + 822,997 − 8,182 − 7,050 − 964,245 = 80,155.
    const text = published('tibberton-pc-agar-2019-20.tsv').replace('7. (=) Balances carried forward', 'Amount carried to the summary');
    const r = audit(text, 'tibberton.tsv');
    assert.deepEqual(flags(r), []);
    assert.deepEqual(r.tables[0].totals.map((x) => [x.row, x.from, x.to]), [[8, 2, 7]]);
    const wrong = text.replace('Amount carried to the summary\t200,126\t80,155', 'Amount carried to the summary\t200,126\t80,255');
    assert.notEqual(wrong, text);
    assert.ok(audit(wrong, 'tibberton.tsv').findings.some((f) => f.severity === 'error' && f.row === 8 && f.column === 3));
  });

  it('a column captioned "Per cent." is a percentage column (T8-04: Hansard 7 March 2002, local government revenue and its financing, England)', () => {
    // By hand: 12.332 / 50.189 × 100 = 24.571%, printed 24 (rounds to 25); the other 14 shares agree,
    // e.g. 23.840 / 47.256 = 50.45 → 50, 11.241 / 47.256 = 23.79 → 24.
    const r = audit(published('hansard-lg-revenue-financing-1997-2002.tsv'), 'lg.tsv');
    assert.equal(r.tables[0].checked.percentages, 15);
    assert.deepEqual(r.findings.filter((f) => f.severity !== 'note').map((f) => [f.severity, f.row, f.column, f.expected]), [['error', 4, 8, '25']]);
  });
});
