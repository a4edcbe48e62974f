// The council tax family of the session-9 trial (entries T9-63, T9-66, T9-67 in the trial-findings note,
// and T10-51's Welsh Band I): a band table's statutory proportions of Band D, and a precept build-up's
// charge = precept ÷ tax base printed in rows. Each shown on the real table as printed
// (test/fixtures/published/audit, sources in its SOURCES.md) and with one figure changed. Every expected
// figure is recomputed here by hand from the printed ones, in exact decimal (verify.py does the same).
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags as flagsOf, published, tsv } from '../support/audit-helpers';

const flags = (r: ReturnType<typeof audit>) => flagsOf(r, { severity: true }).sort();

describe('audit: council tax bands and Band D charges (session-9 trial T9-63, T9-66, T9-67; session-10 T10-51)', () => {
  describe('a band table: each band the statutory proportion of Band D (England 6/9 … 18/9)', () => {
    it('Tower Hamlets (national average parish precept 2018/19, no total, no difference): Band F £93.16 is the error (13/9 × £64.05 = £92.5167 → £92.52); Band B £49.81 a penny from 7/9 × 64.05 = 49.8167 → 49.82, a rounding warning (session 11: rounding explains it, as a total a unit off); was "no table to audit"', () => {
      const r = audit(published('towerhamlets-average-parish-precept-bands-2018-19.tsv'));
      assert.equal(exitCodeOf(r), 1);
      assert.deepEqual(flags(r), ['5:2 warning auto.across.band-proportion 49.82', '9:2 error auto.across.band-proportion 92.52']);
      assert.equal(r.tables[0].checked.crossCasts, 8);
    });

    it('Wing PC 2021/22 and 2022/23: Band A is 0.67 of Band D, not 6/9, in both years (6/9 × 116.64 = 77.76, printed 78.15; 6/9 × 134.62 = 89.75, printed 90.20) — found at its cells where "the tables cast"', () => {
      const r = audit(published('wing-pc-precept-bands-2022-23.tsv'));
      assert.equal(exitCodeOf(r), 1);
      // the /10 column's Band A follows the wrong figures: 12.05 / 10 = 1.205 → 1.21, a penny from 6/9 × 1.80 = 1.20 — the column is
      // the increase ÷ 10 on every band, so its penny is that column's rounding (T11-65), said nothing of
      assert.deepEqual(flags(r), ['2:2 error auto.across.band-proportion 77.76', '2:3 error auto.across.band-proportion 89.75']);
    });

    it('West Mercia PCC 2023/24 (a police precept page): Band B 2022/23 £191.18 where 7/9 × £249.66 = £194.18; the Difference column follows it (205.72 − 191.18 = 14.54) and cannot show it', () => {
      const text = published('westmercia-pcc-council-tax-bands-2023-24.tsv');
      const r = audit(text);
      assert.equal(exitCodeOf(r), 1);
      assert.deepEqual(flags(r), ['4:3 error auto.across.band-proportion 194.18']);
      // corrected, the table is clean: 7/9 × 249.66 = 194.18, and 205.72 − 194.18 = 11.54
      assert.deepEqual(flags(audit(text.replace('£191.18\t£14.54', '£194.18\t£11.54'))), []);
    });

    it('a Band D changed by 10p (2023/24 £264.50 → £264.60) is the error at Band D, not seven errors at the other bands (they agree with one Band D of 264.49 to 264.51)', () => {
      const text = published('westmercia-pcc-council-tax-bands-2023-24.tsv').replace('£264.50', '£264.60');
      const f = flags(audit(text)).filter((x) => / [0-9]+:2 /.test(` ${x}`) && x.includes('band-proportion'));
      assert.deepEqual(f, ['6:2 error auto.across.band-proportion 264.5']);
    });
  });

  describe('Wales (A … I, I = 21/9) and Scotland since 2017 (240/360 … 882/360, water and sewerage still ninths)', () => {
    // Neath Port Talbot CBC, "Your Council Tax 2024-2025 explained": weekly increase per band (session-10 trial T10-51).
    const npt = tsv([
      ['Property band', 'Number of households in this band', 'Weekly Council Tax increase per household'],
      ['A', '13,344', '£1.76'], ['B', '26,416', '£2.05'], ['C', '11,387', '£2.34'], ['D', '7,195', '£2.64'], ['E', '4,358', '£3.22'],
      ['F', '1,353', '£3.81'], ['G', '529', '£4.39'], ['H', '95', '£5.27'], ['I', '14', '£6.15'],
    ]);

    it('Neath Port Talbot: nine bands checked; the five a penny from the printed £2.64 × their ninths are rounding warnings (8/9 × 2.64 = 2.3467 → 2.35, printed 2.34; 11/9 → 3.2267 → 3.23, printed 3.22; 15/9 → 4.40, printed 4.39; 18/9 → 5.28, printed 5.27; 21/9 → 6.16, printed 6.15), each within what a Band D of 2.635 to 2.645 gives; exit 1, no error', () => {
      const r = audit(npt);
      assert.deepEqual(flags(r), ['10:3 warning auto.across.band-proportion 6.16', '4:3 warning auto.across.band-proportion 2.35', '6:3 warning auto.across.band-proportion 3.23', '8:3 warning auto.across.band-proportion 4.4', '9:3 warning auto.across.band-proportion 5.28']);
      assert.equal(exitCodeOf(r), 1);
      assert.ok(r.findings.find((f) => f.row === 4)!.message.includes('a Band D from 2.635 to 2.645 gives 2.3422 to 2.3511'));
      assert.equal(r.tables[0].checked.crossCasts, 9);
      assert.ok(r.tables[0].differences.some((d) => /I 21\/9/.test(d.is)));
      // the households column is a count: no band proportions, no note
      assert.equal(r.findings.filter((f) => f.rule === 'auto.band.no-basis').length, 0);
    });

    it('Band I changed by 10p (6.15 → 6.25) is an error at its cell (21/9 × 2.64 = 6.16)', () => {
      assert.ok(flags(audit(npt.replace('£6.15', '£6.25'))).includes('10:3 error auto.across.band-proportion 6.16'));
    });

    // City of Edinburgh, "Council Tax bands charges 2024/ 2025" (session-9 trial pkg-b).
    const edinburgh = tsv([
      ['Council Tax bands charges 2024/ 2025', '', '', '', ''],
      ['Band', 'Council Tax', 'Water', 'Sewerage', 'Total'],
      ['A', '£965.13', '£168.60', '£195.66', '£1,329.39'],
      ['B', '£1,125.98', '£196.70', '£228.27', '£1,550.95'],
      ['C', '£1,286.84', '£224.80', '£260.88', '£1,772.52'],
      ['D', '£1,447.69', '£252.90', '£293.49', '£1,994.08'],
      ['E', '£1,902.10', '£309.10', '£358.71', '£2,569.91'],
      ['F', '£2,352.50', '£365.30', '£423.93', '£3,141.73'],
      ['G', '£2,835.06', '£421.50', '£489.15', '£3,745.71'],
      ['H', '£3,546.84', '£505.80', '£586.98', '£4,639.62'],
    ]);

    it('Edinburgh 2024/25: council tax in 360ths (473/360 × 1,447.69 = 1,902.1038 → 1,902.10), water and sewerage in ninths (11/9 × 252.90 = 309.10): clean, 24 band figures checked', () => {
      const r = audit(edinburgh);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].differences.filter((d) => /statutory proportion/.test(d.is)).length, 3);
      assert.ok(r.tables[0].differences.some((d) => d.caption === 'Council Tax' && /E 473\/360/.test(d.is)));
      assert.ok(r.tables[0].differences.some((d) => d.caption === 'Water' && /E 11\/9/.test(d.is)));
    });

    it('Edinburgh with Band E council tax £1,902.10 → £1,912.10 (and its total, so the cross-cast holds): the error at the council tax cell', () => {
      const f = flags(audit(edinburgh.replace('£1,902.10', '£1,912.10').replace('£2,569.91', '£2,579.91')));
      assert.deepEqual(f, ['7:2 error auto.across.band-proportion 1902.1']);
    });
  });

  describe('a precept build-up in rows: Council Tax charge = Precept ÷ Band D equivalent properties (T9-67)', () => {
    const hereford = published('herefordshire-bromyard-hereford-precepts-2022-23-2023-24.tsv');

    it('Herefordshire 2022/23-2023/24: Bromyard 2022/23 £168.58 where 240,825 / 1,437 = £167.59 is the error; the other three agree within the rounding of the printed base (241,150 / 1,440 = 167.47, printed 167.44: a base of 1,440.2)', () => {
      const r = audit(hereford);
      assert.equal(exitCodeOf(r), 1);
      assert.deepEqual(flags(r), ['17:2 error auto.across.band-d 167.59']);
      assert.equal(r.tables.reduce((n, t) => n + t.checked.crossCasts, 0), 4);
    });

    it('corrected to £167.59 the tables cast; Hereford\'s 2023/24 charge changed (£56.86 → £57.86) is found: 934,630 / 16,437 = 56.86', () => {
      const fixed = hereford.replace('£168.58', '£167.59');
      assert.deepEqual(flags(audit(fixed)), []);
      const lines = fixed.split('\n');
      lines[33] = lines[33].replace(/£56\.86$/, '£57.86');
      assert.deepEqual(flags(audit(lines.join('\n'))), ['34:3 error auto.across.band-d 56.86']);
    });
  });

  describe('a Band D build-up across an "Add" heading: the closing line is the line above the heading plus the lines under it (T9-55)', () => {
    // Canterbury City Council, "Council tax budget summary 2023/2024" (session-9 trial pkg-b), rows 12-17 as
    // printed: the district's Band D to the penny, "Add", three precepts to £1, the total Band D to £1.
    const canterbury = tsv([
      ['Budget summary', '2022/23', '2023/24'],
      ['Canterbury tax level (Band D)', '226.17', '232.92'],
      ['Add', '', ''],
      ['Kent County Council precept', '1,461', '1,534'],
      ["The Police and Crime Commissioner for Kent's precept", '228', '243'],
      ['Kent & Medway Fire and Rescue authority precept', '82', '87'],
      ['Council tax level (Band D)', '1,998', '2,098'],
    ]);

    it('as printed: 226.17 + 1,461 + 228 + 82 = 1,997.17 (printed 1,998) and 232.92 + 1,534 + 243 + 87 = 2,096.92 (printed 2,098): two rounding warnings (precepts printed to £1), the reading reported', () => {
      const r = audit(canterbury);
      assert.deepEqual(flags(r), ['7:2 warning auto.cast.add-block 1997.17', '7:3 warning auto.cast.add-block 2096.92']);
      assert.deepEqual(r.tables[0].totals.map((x) => [x.row, x.from, x.to]), [[7, 2, 6]]);
    });

    it('the total Band D 2,098 → 2,198, or Kent County Council 1,534 → 1,634: an error, where both had passed', () => {
      assert.deepEqual(flags(audit(canterbury.replace('2,098', '2,198'))), ['7:2 warning auto.cast.add-block 1997.17', '7:3 error auto.cast.add-block 2096.92']);
      assert.deepEqual(flags(audit(canterbury.replace('1,534', '1,634'))), ['7:2 warning auto.cast.add-block 1997.17', '7:3 error auto.cast.add-block 2196.92']);
    });

    it('Thanet 2018/19 (in the corpus), which casts exactly, is read by the totals as before; Kent County Council changed by £100 (1,237.68 → 1,337.68) is an error at the closing line', () => {
      const thanet = published('thanet-council-tax-worked-out-2018-19.tsv');
      assert.deepEqual(flags(audit(thanet)), []);
      // 226.44 + 40.46 + 1,337.68 + 169.15 + 75.51 = 1,849.24, printed 1,749.24
      assert.ok(flags(audit(thanet.replace('1,237.68', '1,337.68'))).some((f) => /^24:2 error auto\.cast(\.add-block)? 1849\.24$/.test(f)));
    });
  });
});
