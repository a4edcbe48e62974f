// Rows inside a block that are not lines of it (issue #10, session 5): a memo figure — a charge per
// Band D property, a tax base — printed among the sources a total adds, shown on the real tables that
// showed the kind (transcribed exactly in test/fixtures/published/audit, sources in its SOURCES.md), as
// printed and with one figure changed. Every expected figure is recomputed here by hand from the printed
// ones, in exact decimal.
import assert from 'node:assert/strict';
import { type AuditReport, exitCodeOf } from '../../src/audit/audit';
import { audit, flags, published } from '../support/audit-helpers';

const fixture = (name: string) => published(name);
/** The error and warning findings as "row:column rule expected". */
const notes = (r: AuditReport, rule: string) => r.findings.filter((f) => f.severity === 'note' && f.rule === rule).map((f) => f.row);
const involved = (r: AuditReport, row: number, column: number) => r.involved!.some((x) => x.row === row && x.column === column);

describe('audit: memo rows inside a block (a Band D charge, a tax base) are not lines of it', () => {
  describe('West Norfolk, "Funds to be raised" 2024/25: the Band D charge and the tax base printed among the nine sources', () => {
    // Borough Council of King's Lynn & West Norfolk, "Where the money comes from"
    // (https://www.west-norfolk.gov.uk/info/20117/your_council_tax_explained/91/where_the_money_comes_from):
    // rows 2-9 and 12 the sources, row 10 "Council Tax Band D £148.37", row 11 "Council Tax Base £53,748",
    // row 13 "Total (£24,731,820)".
    const wn = fixture('westnorfolk-funds-to-be-raised-2024-25.tsv');

    it('as printed: clean; the nine sources cast to the Total (1,015,160 + 628,540 + 338,620 + 558,760 + 14,066,580 + 52,020 + 46,050 + 51,650 + 7,974,440 = 24,731,820, all in brackets); the two memo rows said in notes', () => {
      const r = audit(wn);
      assert.deepEqual(flags(r), []);
      assert.equal(exitCodeOf(r), 0);
      assert.equal(r.tables[0].checked.totals, 1);
      assert.deepEqual(notes(r, 'cast.memo'), [10, 11]);
      assert.match(r.tables[0].totals[0].why, /not the memo row\(s\) 10, 11/);
      // The memo figures take part in no check: the Total is cast without them.
      assert.ok(involved(r, 13, 2) && involved(r, 12, 2));
      assert.ok(!involved(r, 10, 2) && !involved(r, 11, 2));
    });

    it('before: the two memo figures were added as sources, a false error at the Total (−24,677,923.63 = the sources + 148.37 + 53,748): not any more', () => {
      const r = audit(wn);
      assert.ok(!r.findings.some((f) => f.expected === '-24677923.63'));
    });

    it('Council Tax printed (£7,974,441): the Total is found 1 off against the sources alone (−24,731,821), the memo rows still left out by their form', () => {
      const r = audit(wn.replace('(£7,974,440)', '(£7,974,441)'));
      assert.deepEqual(flags(r), ['13:2 auto.cast -24731821']);
      assert.deepEqual(notes(r, 'cast.memo'), [10, 11]);
    });

    it('Business Rates printed (£14,166,580), 100,000 out: found at the Total (−24,831,820 expected)', () => {
      const r = audit(wn.replace('(£14,066,580)', '(£14,166,580)'));
      assert.deepEqual(flags(r), ['13:2 auto.cast -24831820']);
    });
  });

  describe('West Norfolk, "Funds to be raised" 2025/26 (the next year\'s page; four sources printed £0)', () => {
    const wn = fixture('westnorfolk-funds-to-be-raised-2025-26.tsv');

    it('as printed: clean (293,360 + 0 + 1,052,270 + 1,147,680 + 14,971,290 + 0 + 0 + 0 + 8,663,870 = 26,128,470), Band D £152.87 and the base £56,675 read as memo figures', () => {
      const r = audit(wn);
      assert.deepEqual(flags(r), []);
      assert.deepEqual(notes(r, 'cast.memo'), [10, 11]);
    });

    it('the tax base printed in brackets, (£56,675), like the sources: still a memo row, by the arithmetic (the Total casts without it and not with it)', () => {
      const r = audit(wn.replace('£56,675', '(£56,675)'));
      assert.deepEqual(flags(r), []);
      assert.deepEqual(notes(r, 'cast.memo'), [10, 11]);
    });
  });

  describe('West Norfolk, "Funds to be raised" 2023/24 (an earlier stored page, transcribed by the session-5 trial, its entry 2): "(0)" lines carry rounding', () => {
    // Same page as above, the 2023/2024 stored version: two sources printed "(0)", a negative nil (a small
    // negative figure rounded away).
    const wn = [
      '\t2023/2024 (Estimated)', 'Revenues Support Grant\t(952,100)', 'Rural Services Delivery Grant\t(485,690)', 'New Homes Bonus\t(14,560)',
      'Other Government Grants\t(1,144,020)', 'Business Rates\t(12,068,520)', 'Business Rates Reserves\t(0)', 'Collection Fund Surplus\t(0)',
      'Council Tax Band D\t143.87', 'Council Tax Base\t52,984', 'Council Tax\t(7,622,806)', 'Total\t(22,287,700)',
    ].join('\n') + '\n';

    it('the sources come to 22,287,696 (952,100 + 485,690 + 14,560 + 1,144,020 + 12,068,520 + 0 + 0 + 7,622,806), the Total prints 22,287,700: 4 off, within the 8 × 0.5 the eight rounded sources allow (the two "(0)" among them): a warning, not an error', () => {
      const r = audit(wn);
      assert.deepEqual(flags(r), ['12:2 auto.cast -22287696']);
      assert.equal(r.findings.find((f) => f.rule === 'auto.cast')!.severity, 'warning');
      assert.deepEqual(notes(r, 'cast.memo'), [9, 10]);
    });

    it('the same with the two nils printed "–" (exact nils): 4 is beyond the 6 × 0.5 the six rounded sources allow, an error', () => {
      const r = audit(wn.replace(/\(0\)/g, '–'));
      assert.equal(r.findings.find((f) => f.rule === 'auto.cast')!.severity, 'error');
    });
  });

  it('a tax base that IS the total of its block stays a total: the Greater Manchester city council\'s tax base (64,435 − 1,289 = 63,146)', () => {
    const r = audit(fixture('gm-city-council-tax-base-2001-02.tsv'));
    assert.equal(exitCodeOf(r), 0);
    assert.deepEqual(notes(r, 'cast.memo'), []);
    assert.ok(r.tables[0].totals.some((t) => t.row === 15 && t.label === 'Council Tax Base'));
  });

  it('memo rows after the last total change nothing and are not noted: Greenwich\'s property count and Band D tax, Herefordshire\'s Band D equivalents and charge', () => {
    for (const name of ['greenwich-council-tax-2019-20.tsv', 'herefordshire-parish-precepts-2024-25.tsv']) {
      assert.deepEqual(notes(audit(fixture(name)), 'cast.memo'), [], name);
    }
  });
});
