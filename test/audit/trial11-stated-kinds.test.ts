// Calculations stated in words and captions (session-9 trial T9-01, T9-52 and the Wiltshire resolution of
// session 10; session-10 trial T10-55 (b)): a numbered statutory calculation whose lines name their
// arithmetic ("the amount shown in line (1) less the amount shown in line (2)", "(c) being the amount by which
// the aggregate at 4(a) above exceeds the aggregate at 4(b) above", "(d) … all divided by Item T"), and a
// table whose captions print its formulas in its own column letters ("C = (A- B)", "K = (J+G)", "J= (A x I)").
// Each shown on the real table as printed (test/fixtures/published/audit, sources in its SOURCES.md) and with
// one figure changed; every expected figure recomputed here by hand in exact decimal (verify.py does the same).
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags as flagsOf, published } from '../support/audit-helpers';

const flags = (r: ReturnType<typeof audit>) => flagsOf(r, { severity: true }).sort();
const notes = (r: ReturnType<typeof audit>) => r.findings.filter((f) => f.rule === 'auto.stated.read').map((f) => f.message);

describe('audit: calculations stated in words and captions (session-9 trial T9-01, T9-52; session-10 T10-55 (b))', () => {
  describe('a numbered statutory calculation: the relation each line\'s words state, checked whether or not it adds up', () => {
    it('GLA council tax requirement and precept calculation 2016-17: (3) = (1) − (2), (5) = (3) ÷ (4), (6) = (2), (8) = (6) ÷ (7), (9) = (5) + (8), all as printed — was "no table to audit"', () => {
      const r = audit(published('gla-council-tax-requirement-precept-calculation-2016-17.tsv'));
      assert.equal(exitCodeOf(r), 0);
      assert.deepEqual(flags(r), []);
      assert.deepEqual(notes(r), ['the calculations the lines\' words state, read and checked: (3) = (1) − (2); (5) = (3) ÷ (4); (6) = (2); (8) = (6) ÷ (7); (9) = (5) + (8)']);
      // (3), (6), (9) as totals; (5), (8) as quotients
      assert.equal(r.tables[0].checked.totals, 3);
      assert.equal(r.tables[0].checked.crossCasts, 2);
    });

    it('GLA: the remainder 12 out (207,686,212 → 207,686,200) is an error at (3), not "no table to audit"; (5) to the penny, 207,686,200 / 2,810,748.56 = 73.88999… → 73.89, still agrees', () => {
      const text = published('gla-council-tax-requirement-precept-calculation-2016-17.tsv').replace('£207,686,212', '£207,686,200');
      const r = audit(text);
      assert.equal(exitCodeOf(r), 1);
      // 774,343,355 − 566,657,143 = 207,686,212
      assert.deepEqual(flags(r), ['4:2 error auto.stated.cast 207686212']);
    });

    it('GLA: line (8) a penny out (£202.11 → £202.12) is an error: 566,657,143 / 2,803,706.61 = 202.1100000, beyond the rounding of the printed tax base; and (9) 73.89 + 202.12 = 276.01 ≠ 276.00, a penny, within the rounding of two figures to the penny (a warning)', () => {
      const text = published('gla-council-tax-requirement-precept-calculation-2016-17.tsv').replace('£202.11', '£202.12');
      const r = audit(text);
      assert.deepEqual(flags(r), ['10:2 warning auto.stated.cast 276.01', '9:2 error auto.across.stated-quotient 202.11']);
    });

    it('Cotswold council tax resolution 2024/25: 4(c) "the amount by which the aggregate at 4(a) above exceeds the aggregate at 4(b) above" printed 11,222,349 where 47,469,352 − 36,246,995 = 11,222,357 — the GENUINE error, found at its cell; 4(d) = 4(c) ÷ Item T (2(a)) 11,222,349 / 42,855.33 = 261.8659 → 261.87 agrees', () => {
      const r = audit(published('cotswold-council-tax-resolution-2024-25.tsv'));
      assert.equal(exitCodeOf(r), 1);
      assert.deepEqual(flags(r), ['7:2 error auto.stated.cast 11222357']);
      assert.deepEqual(notes(r), ['the calculations the lines\' words state, read and checked: 4(c) = 4(a) − 4(b); 4(d) = 4(c) ÷ 2(a)']);
      const f = r.findings.find((x) => x.rule === 'auto.stated.cast')!;
      assert.equal(f.difference, '-8');
    });

    it('Cotswold: 4(d) £261.87 → £262.87 is an error at 4(d) (the quotient 261.87), "Item R" and "Item T" read as the lines that define them', () => {
      const r = audit(published('cotswold-council-tax-resolution-2024-25.tsv').replace('£261.87', '£262.87'));
      assert.deepEqual(flags(r), ['7:2 error auto.stated.cast 11222357', '8:2 error auto.across.stated-quotient 261.87']);
    });

    it('Wiltshire council tax setting 2019/20: 3(c) = 3(a) − 3(b) exactly (852,038,751 − 573,784,806 = 278,253,945), though its words end at "exceeds the aggregate at" (the one line printed between is the other aggregate); 3(c) 100 out is an error', () => {
      const text = published('wiltshire-council-tax-resolution-2019-20.tsv');
      const r = audit(text);
      assert.equal(exitCodeOf(r), 0);
      assert.equal(r.tables[0].checked.totals, 1);
      assert.deepEqual(flags(audit(text.replace('£278,253,945', '£278,254,045'))), ['7:2 error auto.stated.cast 278253945']);
    });

    it('a section of an Act is no line ("Section 31A(2)", "section 88 (2) of the GLA Act"), and a line whose words name another only in passing states nothing: no table to audit, as before', () => {
      assert.throws(() => audit([
        'Item\tAmount\tDescription',
        '1\t£100\tthe aggregate of the items set out in Section 31A (2) of the Act',
        '2\t£40\tthe aggregate of the items set out in Section 31A(3) of the Act, having regard to line 1',
        '3\t£70\tthe amount calculated in accordance with section 4(a) of the Act and line 2',
      ].join('\n') + '\n'), /no table to audit/);
    });
  });

  describe('captions that print the formula in the table\'s own column letters (T10-55 (b))', () => {
    it('Irish LPT allocations 2024 (11 councils): C = A − B, H = A + D, J = A × I, K = J + G, O = H + J read as the captions state them: 19 €1 rounding warnings, no error (C = A − B had never been checked; K had been read as A + D + J)', () => {
      const r = audit(published('ie-lpt-allocations-2024-extract.tsv'));
      assert.equal(exitCodeOf(r), 1);
      const f = r.findings.filter((x) => x.severity !== 'note');
      assert.equal(f.length, 19);
      assert.ok(f.every((x) => x.severity === 'warning'));
      // Cavan: 4,014,598 − 11,783,496 = −7,768,898, printed −7,768,897
      assert.ok(flags(r).includes('4:4 warning auto.across -7768898'));
      // Clare: 9,738,737 × 15% = 1,460,810.55 → 1,460,811, printed 1,460,810
      assert.ok(flags(r).includes('5:11 warning auto.across 1460811'));
      assert.match(f.find((x) => x.row === 4 && x.column === 12)!.message, /as its header states: "K = \(J\+G\)"/);
    });

    it('Irish LPT: Carlow\'s C changed by 1,000 (−€ 4,916,243 → −€ 4,917,243) is an error at C; Kerry\'s J 10% → 15% an error at J (13,366,016 × 15% = 2,004,902.4)', () => {
      const text = published('ie-lpt-allocations-2024-extract.tsv');
      const c = flags(audit(text.replace('-€ 4,916,243', '-€ 4,917,243')));
      assert.ok(c.includes('3:4 error auto.across -4916243'));
      const j = flags(audit(text.replace('+10%\t€ 1,336,602', '+15%\t€ 1,336,602')));
      assert.ok(j.includes('8:11 error auto.across 2004902'));
    });
  });

  describe('a precept table printed with its quantities as rows and its years as columns (T10-50, T11-59)', () => {
    it('Barnacre-with-Bonds PC 2024/25: the change on previous year = 15.40 − 7.12 = 8.28, and each % change = change ÷ (Band D − change): 0.27 / 6.85 = 3.94%, 8.28 / 7.12 = 116.3%; a % 1 point out (3.94% → 4.94%) is an error where it passed', () => {
      const text = published('barnacre-pc-precept-2024-25.tsv');
      const r = audit(text);
      assert.equal(exitCodeOf(r), 0);
      assert.equal(r.tables[0].checked.percentages, 2);
      assert.equal(r.tables[0].checked.variances, 1);
      assert.deepEqual(flags(audit(text.replace('3.94%', '4.94%'))), ['6:2 error auto.change-percent 3.94']);
      // the change 8.28 → 8.38: 15.40 − 7.12 = 8.28
      assert.ok(flags(audit(text.replace('£8.28', '£8.38'))).includes('5:3 error auto.change-amount 8.28'));
    });

    it('Quedgeley PC 2009-13: "+18p" read as £0.18 (it was an unreadable ERROR); INCREASE/DECREASE = this year\'s Band D − last year\'s (+0.18, −2.39, +0.03); BAND D PAYMENT = PRECEPT ÷ COUNCIL TAX BASE printed under the base (192,541 / 5,056.68 = 38.0766 → 38.08)', () => {
      const text = published('quedgeley-pc-precept-2009-13.tsv');
      const r = audit(text);
      assert.equal(exitCodeOf(r), 0);
      assert.equal(r.tables[0].checked.crossCasts, 4);
      assert.equal(r.tables[0].checked.variances, 3);
      // −£2.39 → −£2.49: 35.87 − 38.26 = −2.39; the other two years still agree
      assert.deepEqual(flags(audit(text.replace('-£2.39', '-£2.49'))), ['5:4 error auto.change-amount -2.39']);
      // 2010/11's Band D 38.26 → 38.36: 199,725 / 5,220.29 = 38.2594 → 38.26
      assert.ok(flags(audit(text.replace('£38.26', '£38.36'))).includes('4:3 error auto.across.band-d 38.26'));
    });
  });
});
