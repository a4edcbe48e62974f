// Kinds of the session-11 trial taken by the lead (entries in the trial-findings note): each on the real table that
// failed, as printed (test/fixtures/published/audit, sources in its SOURCES.md), expected figures recomputed by hand
// in exact decimal (verify.py does the same).
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags as flagsOf, published, tsv } from '../support/audit-helpers';

const flags = (r: ReturnType<typeof audit>) => flagsOf(r, { severity: true }).sort();

describe('audit: the session-11 trial kinds (lead)', () => {
  describe('a band column no Band D explains, beside band columns that agree, is checked against its own Band D (T11-56)', () => {
    const text = published('hounslow-council-tax-bands-2011-19.tsv');

    it('Hounslow 2011/12 … 2018/9: the 2013/14 column is wrong on every band (6/9 × 1,408.18 = 938.79, printed 939.46; 2 × 1,408.18 = 2,816.36, printed 2,817.36): seven errors there, not "not checked"', () => {
      const r = audit(text);
      assert.equal(exitCodeOf(r), 1);
      const errors = flags(r).filter((f) => f.includes(' error '));
      assert.deepEqual(errors, [
        '10:4 error auto.across.band-proportion 2816.36', '3:4 error auto.across.band-proportion 938.79', '4:4 error auto.across.band-proportion 1095.25',
        '5:4 error auto.across.band-proportion 1251.72', '7:4 error auto.across.band-proportion 1721.11', '8:4 error auto.across.band-proportion 2034.04',
        '9:4 error auto.across.band-proportion 2346.97',
      ]);
      assert.equal(r.findings.filter((f) => f.rule === 'auto.band.no-basis').length, 0);
      // the other seven columns: the pennies of two charges each rounded, warnings only (2011/12 C 8/9 × 1,400.47 = 1,244.8622 → 1,244.86, printed 1,244.87)
      assert.ok(flags(r).includes('5:2 warning auto.across.band-proportion 1244.86'));
      assert.equal(flags(r).filter((f) => f.includes(' warning ')).length, 10);
    });

    it('alone, a column no Band D explains is still only said in a note (it may be a count or Band D equivalents)', () => {
      const one = tsv(text.split('\n').filter((l) => l.trim()).slice(1).map((l) => { const c = l.split('\t'); return [c[0], c[3]]; }));
      // nothing else to check: exit 2, the reason naming the column
      assert.throws(() => audit(one), /no table to audit[\s\S]*2013\/14: the bands' figures are not the statutory proportions of one Band D/);
    });

    it('a column of counts beside band charges (not rising band by band) is not made a band column', () => {
      const counts = ['Households', '13,344', '26,416', '11,387', '7,195', '4,358', '1,353', '529', '95'];
      const lines = text.split('\n').filter((l) => l.trim()).slice(1).map((l, k) => [...l.split('\t').slice(0, 3), counts[k]]);
      const r = audit(tsv(lines));
      assert.deepEqual(flags(r).filter((f) => f.includes(':4 ')), []);
    });
  });
});
