// Kinds the lead closed in session 10, each on the real table that showed it (sources in
// test/fixtures/published/audit/SOURCES.md).
import assert from 'node:assert/strict';
import { AuditInputError, exitCodeOf } from '../../src/audit/audit';
import { audit, fixture, flags, published } from '../support/audit-helpers';

describe('audit: a list of shares and nothing else adds up to the whole (T9-05)', () => {
  it('West Yorkshire CA, "Where the money came from 2024/25": eleven shares add up to 100.1, within the rounding of nine one-place and two whole shares (±1.45) — one percentage check, a warning at the last share, no error', () => {
    const r = audit(published('leeds-wyca-where-the-money-came-from-2024-25.tsv'), 'wyca.tsv');
    assert.equal(exitCodeOf(r), 1);
    assert.equal(r.tables[0].checked.percentages, 1);
    assert.deepEqual(flags(r, { severity: true }), ['12:2 warning auto.percent.shares 100']);
    assert.match(r.findings[0].message, /the 11 shares \(29\.1% … 0\.3%\) add up to 100\.1%, but shares of one whole add up to 100%; difference 0\.1, within the rounding of the printed shares \(±1\.45\)/);
  });

  it('the same list with "Other 29.1%" printed 39.1%: 110.1, beyond ±1.45 — an error, not "the tables cast"', () => {
    const r = audit(published('leeds-wyca-where-the-money-came-from-2024-25.tsv').replace('Other\t29.1%', 'Other\t39.1%'), 'wyca.tsv');
    assert.deepEqual(flags(r, { severity: true }), ['12:2 error auto.percent.shares 100']);
    assert.match(r.findings[0].message, /add up to 110\.1%, but shares of one whole add up to 100%; difference 10\.1/);
  });

  it('Dover\'s percentage breakdowns 2015/16 and 2016/17 and Allerdale\'s 2012-13 shares add up to 100.0 exactly: clean, one check each', () => {
    for (const f of ['dover-council-tax-percentage-breakdown-2016-17.tsv', 'dover-council-tax-percentage-breakdown-2015-16.tsv', 'allerdale-council-tax-shares-2012-13.tsv']) {
      const r = audit(published(f), f);
      assert.deepEqual(flags(r), [], f);
      assert.equal(r.findings.length, 0, f);
      assert.equal(r.tables[0].checked.percentages, 1, f);
    }
  });

  it('Dover 2016/17 with Kent County Council\'s 71.2% transposed to 17.2% (the shares then add up to 46.0): the title says the list is a breakdown, so still an error, not "nothing to check"', () => {
    const r = audit(published('dover-council-tax-percentage-breakdown-2016-17.tsv').replace('71.2%', '17.2%'), 'd.tsv');
    assert.deepEqual(flags(r, { severity: true }), ['6:2 error auto.percent.shares 100']);
  });

  it('a printed total row of the shares: cast against its own figure (Dover 2016/17 with "Total 100.0%" printed 101.0%)', () => {
    const text = `${published('dover-council-tax-percentage-breakdown-2016-17.tsv').trimEnd()}\nTotal\t101.0%\n`;
    const r = audit(text, 'd.tsv');
    assert.deepEqual(flags(r, { severity: true }), ['7:2 error auto.percent.shares 100']);
    assert.match(r.findings[0].message, /printed 101%, but the 5 shares/);
    assert.deepEqual(flags(audit(text.replace('101.0%', '100.0%'), 'd.tsv')), []);
  });

  it('percentages that are each line\'s own rate ("Council tax increase 2024/25") are no shares: not added up, exit 2 saying nothing could be checked', () => {
    // rates of separate bodies: 4.99 + 2.99 + 5.26 + 3.4 = 16.64 — no whole
    const text = 'Council tax increase 2024/25\t\nCounty council\t4.99%\nDistrict council\t2.99%\nPolice and crime commissioner\t5.26%\nFire authority\t3.4%\n';
    assert.throws(() => audit(text, 'rates.tsv'), (e: Error) => e instanceof AuditInputError && /nothing could be checked/.test(e.message));
  });
});

describe('audit: figures as the Official Report and statisticians print them (session-10 trial, T10-01, T10-02, T10-04, T10-55 (a))', () => {
  it('Hansard\'s raised decimal point: the RUC\'s costs 1988-90 ("320·89") read as decimals, both totals checked, one note (T10-01; was "no figures in it")', () => {
    // 320.89 + 14.74 + 19.68 + 46.12 = 401.43; 353.96 + 16.75 + 22.30 + 47.64 = 440.65
    const text = published('hansard-ruc-cost-1988-90.tsv');
    const r = audit(text, 'ruc.tsv');
    assert.deepEqual(flags(r), []);
    assert.equal(r.tables[0].checked.totals, 2);
    assert.deepEqual(r.findings.filter((f) => f.rule === 'printed.raised-point').map((f) => `${f.row}:${f.column}`), ['2:2']);
    // 46·12 printed 46·21: the gross total 401.43 against lines adding up to 401.52
    const wrong = audit(text.replace('46·12', '46·21'), 'ruc.tsv');
    assert.deepEqual(flags(wrong), ['6:2 auto.cast 401.52']);
  });

  it('a footnote mark BEFORE a figure ("*30,000,000", an estimate): the figure read, the mark set aside with a note, no error (T10-02, the RUC\'s overtime 1980-84)', () => {
    const text = fixture('trial10', 'hansard-ruc-overtime-provision-1980-84.tsv');
    // provision and actual side by side, no difference, no total: nothing to check — exit 2 with no error
    assert.throws(() => audit(text, 'ot.tsv'), (e: Error) => e instanceof AuditInputError && /nothing could be checked/.test(e.message));
    // with a total row the marked figure is added: 25,431,000 + 38,745,000 + 36,383,000 + 30,000,000 = 130,559,000
    const totalled = `${text.split('\n').slice(0, 6).join('\n')}\nTotal\t113,510,000\t130,559,000\n`;
    const r = audit(totalled, 'ot.tsv');
    assert.deepEqual(flags(r), []);
    assert.equal(r.tables[0].checked.totals, 2);
    const note = r.findings.find((f) => f.rule === 'printed.footnote-marker');
    assert.ok(note && note.row === 6 && note.column === 3, JSON.stringify(r.findings));
    assert.match(note.message, /printed \*30,000,000; read as 30000000, the footnote marker \* set aside/);
  });

  it('"n.a." (and "n.k.", "n/av", "[c]", "*", "x"): not available, a note, never "not a number" (T10-04, the Commons\' answer on BR and London Transport grants)', () => {
    const text = fixture('trial10', 'hansard-br-pso-lt-revenue-grant-1980-95.tsv');
    assert.ok(text.includes('n.a.'));
    // three grant series, no total, no difference: nothing to check, and no error for "n.a."
    assert.throws(() => audit(text, 'br.tsv'), (e: Error) => e instanceof AuditInputError && /nothing could be checked/.test(e.message) && !/could not be read/.test(e.message));
    for (const mark of ['n.a.', 'n.a', 'n.k.', 'n/av', '[c]', '[x]', '*', 'x']) {
      const r = audit(`Item\tA\tB\nx\t10\t${mark}\ny\t20\t7\nTotal\t30\t7\n`, 'na.tsv');
      assert.deepEqual(flags(r), [], mark);
      assert.equal(r.findings.filter((f) => f.rule === 'printed.not-available').length, 1, mark);
      assert.equal(r.tables[0].checked.totals, 1, mark);
    }
  });

  it('a nil printed with a currency sign, "€ -" (Ireland\'s LPT allocations): a nil like "-", with the currency note, never "not a number" (T10-55 (a))', () => {
    const r = audit('Council\tA €\tB €\tTotal €\nCavan\t€ 100\t€ -\t€ 100\nClare\t€ 50\t€ 25\t€ 75\n', 'lpt.tsv');
    assert.deepEqual(flags(r), []);
    assert.equal(r.tables[0].checked.crossCasts, 2);
    assert.ok(!r.findings.some((f) => f.rule === 'printed.unreadable'));
  });
});

describe('audit: a total label behind an item letter or number, and a unit caption with a footnote digit (T10-07, T10-03)', () => {
  it('"E. Total gross expenditure" is labelled a total: the RUC\'s costs 1985-86 with a line 0.1 out is a warning at E, not "no table to audit" (T10-07)', () => {
    const text = published('hansard-ruc-cost-1985-86.tsv');
    const r = audit(text, 'ruc.tsv');
    assert.deepEqual(flags(r), []);
    assert.match(r.tables[0].totals[0].why, /labelled as a total/);
    // A 237.7 printed 237.8: 237.8 + 14.6 + 8.4 + 36.1 = 296.9 against E's 296.8 — within the rounding of five figures to one place
    const slip = audit(text.replace('237.7', '237.8'), 'ruc.tsv');
    assert.deepEqual(flags(slip, { severity: true }), ['7:2 warning auto.cast 296.9']);
    // and 10 out: an error
    assert.deepEqual(flags(audit(text.replace('237.7', '247.7'), 'ruc.tsv'), { severity: true }), ['7:2 error auto.cast 306.8']);
  });

  it('"E Total Gross Expenditure" (a bare letter) in the 1986-88 answer, and "5. Total", "(e) Total", "Line 5 Total", "3(c) Total": each labelled a total whatever its figures', () => {
    const r = audit(published('hansard-ruc-cost-1986-88.tsv').replace('270.14', '270.24').replace('302.85', '302.95'), 'ruc.tsv');
    assert.deepEqual(flags(r), ['6:2 auto.cast 339.33', '6:3 auto.cast 382.32']);
    for (const label of ['5. Total', '(e) Total', 'Line 5 Total', '3(c) Total', 'iv) Total', 'C. Grand total']) {
      const x = audit(`Item\t£\nA. x\t10\nB. y\t20\n${label}\t35\n`, 't.tsv');
      assert.deepEqual(flags(x, { severity: true }), ['4:2 error auto.cast 30'], label);
    }
    // a sentence is no item marker: "A total of" stays a line
    assert.throws(() => audit('Item\t£\nx\t10\ny\t20\nA total of the above\t31\n', 't.tsv'));
  });

  it('a caption row headed "£0001" (the unit £000 and note 1) is the caption row, its force names captions, no error (T10-03, Welsh police budgets 1990-2004)', () => {
    const text = fixture('trial10', 'hansard-wales-police-budgets-real-terms-1990-2004.tsv');
    assert.ok(text.startsWith('£0001\tDyfed Powys'));
    // four forces by year, no total: nothing to check, and no "not a number" for the force names
    assert.throws(() => audit(text, 'w.tsv'), (e: Error) => e instanceof AuditInputError && /nothing could be checked/.test(e.message) && !/could not be read/.test(e.message));
  });
});

describe('audit: a sign printed in brackets before the figure, "(-)55,079" (T10-58)', () => {
  it('an English council\'s Appendix G budget detail: "(-)" read as the minus on every credit — Net Expenditure checked, its £1 in the 2007/08 actuals a warning (was 11 unreadable errors and exit 2)', () => {
    // 879,955 − 55,079 − 840,201 = −15,325, printed (-)15,324; 701,460 − 52,100 − 930,740 = −281,380 exactly
    const text = published('council-gf-budget-detail-appendix-g-chief-exec-2009-10.tsv');
    const r = audit(text, 'g.tsv');
    assert.deepEqual(flags(r, { severity: true }), ['16:2 warning revenue.cast -15325']);
    assert.ok(!r.findings.some((f) => f.rule === 'printed.unreadable'));
    // (-)52,100 printed (-)52,010: the 2008/09 net no longer adds up
    assert.deepEqual(flags(audit(text.replace('(-)52,100', '(-)52,010'), 'g.tsv'), { severity: true }), ['16:3 error revenue.cast -281290', '16:2 warning revenue.cast -15325']);
  });

  it('"(+)384" is plus; a second sign after the brackets, "(-)(5)" or "(-)-5", cannot be told and stays unreadable', () => {
    const r = audit('Item\t£\nx\t(+)384\ny\t(-)84\nTotal\t300\n', 's.tsv');
    assert.deepEqual(flags(r), []);
    assert.equal(r.tables[0].checked.totals, 1);
    for (const two of ['(-)(5)', '(-)-5']) {
      const x = audit(`Item\t£\nx\t10\ny\t${two}\nz\t20\nTotal\t30\n`, 's.tsv');
      assert.ok(x.findings.some((f) => f.rule === 'printed.unreadable' && f.row === 3), two);
    }
  });
});
