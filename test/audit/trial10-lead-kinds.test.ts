// Kinds the lead closed in session 10, each on the real table that showed it (sources in
// test/fixtures/published/audit/SOURCES.md).
import assert from 'node:assert/strict';
import { AuditInputError, exitCodeOf } from '../../src/audit/audit';
import { audit, flags, published } from '../support/audit-helpers';

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
