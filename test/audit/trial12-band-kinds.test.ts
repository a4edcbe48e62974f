// Kinds of council tax band tables from the session-11 trials, fixed in session 12 (fix-a): each on the real table that
// failed, as printed (test/fixtures/published/audit, sources in its SOURCES.md, or inline with its source named), the
// expected figures recomputed by hand in exact decimal (verify.py does the same for the corpus tables).
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags as flagsOf, published, tsv, withCell } from '../support/audit-helpers';

const flags = (r: ReturnType<typeof audit>) => flagsOf(r, { severity: true }).sort();

describe('audit: council tax band tables (session-12 kinds, fix-a)', () => {
  describe('in a table whose columns are the bands, a sum of band columns is an identity of the proportions, never a cross-cast (T11-10)', () => {
    it('St Helens 2022-23: "Band H = Band B + Band E" is not learned (18/9 = 7/9 + 11/9); ASC H 383.36 = 2 × 191.68 exactly is not flagged; ASC E 234.27 for 11/9 × 191.68 = 234.2756 is the one rounding warning', () => {
      const r = audit(published('sthelens-council-tax-charges-2022-23.tsv'));
      assert.deepEqual(flags(r), ['8:6 warning auto.across.band-proportion 234.28']);
      assert.equal(r.findings.filter((f) => f.rule === 'auto.across').length, 0);
      assert.equal(exitCodeOf(r), 1);
    });

    it('St Helens 2024-25: "Band G = Band A + Band D" is not learned (15/9 = 6/9 + 9/9): council G 2,987.18 = 15/9 × 1,792.31 = 2,987.1833 and Total G 3,612.55 are right; the warnings are at council A (1,194.8733 → 1,194.87) and ASC C (229.6356 → 229.64)', () => {
      const r = audit(published('sthelens-council-tax-charges-2024-25.tsv'));
      assert.deepEqual(flags(r), ['3:2 warning auto.across.band-proportion 1194.87', '8:4 warning auto.across.band-proportion 229.64']);
      assert.equal(exitCodeOf(r), 1);
    });

    it('a wrong band is still found at its cell and at the Total it breaks: PCC H 473.94 → 483.94 (2 × 236.97 = 473.94)', () => {
      const r = audit(withCell(published('sthelens-council-tax-charges-2022-23.tsv'), 4, 9, '483.94'));
      const f = flags(r);
      assert.ok(f.includes('4:9 error auto.across.band-proportion 473.94'), f.join('\n'));
      assert.ok(f.some((x) => x.startsWith('7:9 error auto.cast')), f.join('\n'));
    });
  });

  describe('a tax base: Band D equivalents = dwellings × the proportion printed on the row, counts not charges (T11-60)', () => {
    const wealden = published('wealden-parish-tax-base-example.tsv');
    // the session-11 trial's variant of Wealden's worked example with counts that differ by band (A 93 × 6/9 = 62;
    // H 45 × 18/9 = 90), as every real tax base has them
    const realistic = withCell(withCell(withCell(withCell(wealden, 3, 2, '93'), 3, 4, '62'), 10, 2, '45'), 10, 4, '90');

    it('Wealden\'s example as printed: clean, read as Number of properties × Ratio to Band D, not "each band the statutory proportion of Band D"', () => {
      const r = audit(wealden);
      assert.deepEqual(flags(r), []);
      assert.equal(exitCodeOf(r), 0);
      const read = r.tables[0].differences.map((d) => d.is);
      assert.ok(read.some((x) => /^Number of properties × Ratio to Band D/.test(x)), read.join('\n'));
      assert.ok(!read.some((x) => /statutory proportion of Band D/.test(x)), read.join('\n'));
    });

    it('with counts that differ by band (93 × 6/9 = 62, 45 × 18/9 = 90): clean (were two false errors "6/9 of Band D 90 is 60", "18/9 … is 180")', () => {
      const r = audit(realistic);
      assert.deepEqual(flags(r), []);
      assert.equal(exitCodeOf(r), 0);
    });

    it('an equivalent one off its count × ratio is an error at it: H 91 for 45 × 18/9 = 90 (whole counts are exact)', () => {
      assert.deepEqual(flags(audit(withCell(realistic, 10, 4, '91'))), ['10:4 error auto.across.band-equivalents 90']);
    });

    it('GM city 2002/03: dwellings after discounts are rounded counts (45,335 × 6/9 = 30,223.33, printed 30,224: no finding), the disabled row "A 5/9" is a proportion of its own; the genuine total error stays the one finding', () => {
      const r = audit(published('gm-city-council-tax-base-2002-03.tsv'));
      assert.deepEqual(flags(r), ['12:4 error auto.cast 63570']);
      assert.ok(r.tables[0].differences.some((d) => /^Total No\. of Dwellings \(After discounts\) × Proportion to Band D/.test(d.is)));
      // an equivalent beyond the count's rounding: 45,335 × 6/9 = 30,223.33, printed 30,234
      assert.ok(flags(audit(withCell(published('gm-city-council-tax-base-2002-03.tsv'), 3, 4, '30,234'))).includes('3:4 error auto.across.band-equivalents 30223'));
    });

    it('with no proportion printed, the statutory one of the band: "Band | Dwellings | Band D equivalents" (Wealden\'s realistic counts, the ratio column left out)', () => {
      const lines = realistic.split('\n').filter((l) => l.trim()).map((l) => { const c = l.split('\t'); return [c[0], c[1], c[3]]; });
      assert.deepEqual(flags(audit(tsv(lines))), []);
      const wrong = lines.map((c) => (c[0] === 'H' ? [c[0], c[1], '91'] : c));
      assert.deepEqual(flags(audit(tsv(wrong))), ['10:3 error auto.across.band-equivalents 90']);
    });
  });

  describe('a printed "Proportion to Band D" column is checked against the statute; a bill alone beside the bands is checked as bands (T11-11)', () => {
    const wirral = published('wirral-council-tax-bands-2024-25.tsv');

    it('Wirral 2024-25: Band H\'s proportion "18/19" is an error (statutory 18/9: its charge 4,526.88 = 2 × 2,263.44); the payable column\'s pennies (five precepts each rounded) are five warnings (was exit 2 "nothing could be checked")', () => {
      const r = audit(wirral);
      assert.deepEqual(flags(r), [
        '2:4 warning auto.across.band-proportion 1508.96', '3:4 warning auto.across.band-proportion 1760.45', '6:4 warning auto.across.band-proportion 2766.43',
        '7:4 warning auto.across.band-proportion 3269.41', '8:4 warning auto.across.band-proportion 3772.4', '9:3 error auto.across.band-ratio 18/9',
      ]);
      assert.equal(exitCodeOf(r), 1);
    });

    it('"18/9" as it should be: only the five warnings; "1" for Band D changed to "2": an error at it', () => {
      const right = withCell(wirral, 9, 3, '18/9');
      assert.deepEqual(flags(audit(right)).filter((f) => f.includes(' error ')), []);
      assert.deepEqual(flags(audit(withCell(right, 5, 3, '2'))).filter((f) => f.includes(' error ')), ['5:3 error auto.across.band-ratio 9/9']);
    });

    it('a payable band a pound out is an error: G £3,773.41 for 15/9 × 2,263.44 = 3,772.40', () => {
      assert.ok(flags(audit(withCell(wirral, 8, 4, '£3,773.41'))).includes('8:4 error auto.across.band-proportion 3772.4'));
    });
  });

  describe('a band label like a number ("0*") is a label, and an exact half penny rounds either way (T11-64)', () => {
    const sl = published('southlanarkshire-council-tax-charges-2017-18.tsv');

    it('South Lanarkshire 2017/18: clean — "0*" (the disabled-relief band) is the row\'s label, not a figure of a row shifted left (was a false error "printed 128.5 … 722.37"); G 1,101 × 705/360 = 2,156.125 printed 2,156.12 is no penny off', () => {
      const r = audit(sl);
      assert.deepEqual(flags(r), []);
      assert.equal(exitCodeOf(r), 0);
      assert.equal(r.findings.filter((f) => f.rule === 'printed.shifted-row' || f.rule === 'printed.footnote-marker').length, 0);
    });

    it('the 0* row\'s total changed (850.87 → 851.87) is found at it: council tax + water + sewerage = 850.87', () => {
      assert.ok(flags(audit(withCell(sl, 2, 5, '£851.87'))).some((f) => f.startsWith('2:5 error auto.across')));
    });

    it('a tie is right either way, but a penny past it is not: G 2,156.11 (2,156.125 − 0.015) is a warning', () => {
      assert.deepEqual(flags(audit(withCell(sl, 9, 2, '£2156.11'))).filter((f) => f.startsWith('9:2')), ['9:2 warning auto.across.band-proportion 2156.13']);
    });
  });

  describe('a band printed without its letter is read by its place among the bands, with a note (T11-63)', () => {
    const dundee = published('dundee-council-tax-charges-2025-26.tsv');

    it('Dundee 2025/26: "(Up to £27,000)" before band B is band A — checked, and said so in a note; clean', () => {
      const r = audit(dundee);
      assert.deepEqual(flags(r), []);
      assert.deepEqual(r.findings.filter((f) => f.rule === 'auto.band.letter-inferred').map((f) => [f.row, f.message]),
        [[2, '(Up to £27,000): printed without its band letter; read as Band A by its place among the bands (the row before Band B)']]);
    });

    it('band A\'s council tax a pound out, carried into its total (1,070.23 → 1,071.23, 1,470.49 → 1,471.49; the trial\'s variant): an error at it (240/360 × 1,605.34 = 1,070.2267) — it had passed', () => {
      const changed = withCell(withCell(dundee, 2, 2, '£1071.23'), 2, 5, '£1471.49');
      assert.deepEqual(flags(audit(changed)), ['2:2 error auto.across.band-proportion 1070.23']);
    });
  });

  describe('a comma straight after the £ is a slip, read past with a note (T11-51)', () => {
    // Wirral Council, "What your council tax pays" (2019-20 version of the page), https://www.wirral.gov.uk/council-tax/what-your-council-tax-pays-0,
    // the band breakdown as printed (session-11 trial-a pkg): Band D's council charge printed "£,1,416.11"
    const wirral = tsv([
      ['', 'Wirral Council', 'Adult Social Care', 'City Region', 'Police', 'Fire and Rescue', 'Total'],
      ['A', '£944.07', '£71.54', '£12.67', '£134.65', '£52.56', '£1,215.49'],
      ['B', '£1,101.42', '£83.46', '£14.78', '£157.09', '£61.32', '£1,418.07'],
      ['C', '£1,258.76', '£95.39', '£16.89', '£179.53', '£70.08', '£1,620.65'],
      ['D', '£,1,416.11', '£107.31', '£19.00', '£201.97', '£78.84', '£1,823.23'],
      ['E', '£1,730.80', '£131.15', '£23.22', '£246.85', '£96.36', '£2,228.38'],
      ['F', '£2,045.49', '£155.00', '£27.44', '£291.73', '£113.88', '£2,633.54'],
      ['G', '£2,360.18', '£178.85', '£31.67', '£336.62', '£131.40', '£3,038.72'],
      ['H', '£2,832.22', '£214.62', '£38.00', '£403.94', '£157.68', '£3,646.46'],
    ]);

    it('Wirral 2019-20: "£,1,416.11" reads as 1,416.11 with a note (was an unreadable error, exit 2): the D row casts (1,416.11 + 107.31 + 19.00 + 201.97 + 78.84 = 1,823.23), the council\'s bands its ninths; ASC E 131.15 for 11/9 × 107.31 = 131.1567 is the one rounding warning', () => {
      const r = audit(wirral);
      assert.deepEqual(flags(r), ['6:3 warning auto.across.band-proportion 131.16']);
      assert.deepEqual(r.findings.filter((f) => f.rule === 'printed.stray-separator').map((f) => [f.row, f.column]), [[5, 2]]);
    });

    it('read as 1,416.11, a wrong figure there is still found: "£,1,426.11" — an error at it (bands and the row disagree)', () => {
      const f = flags(audit(wirral.replace('£,1,416.11', '£,1,426.11')));
      assert.ok(f.some((x) => x.startsWith('5:2 error') || x.startsWith('5:7 error')), f.join('\n'));
    });
  });
});
