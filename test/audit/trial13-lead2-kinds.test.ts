// Kinds taken by fix-c in session 13 (entries in the trial-findings note): each on the real table that failed, as
// printed (test/fixtures/published/audit, sources in its SOURCES.md, or inline with its source named), expected
// figures recomputed by hand in exact decimal (verify.py does the same for the corpus tables).
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags as flagsOf, published, tsv, withCell } from '../support/audit-helpers';

const flags = (r: ReturnType<typeof audit>) => flagsOf(r, { severity: true }).sort();
const readings = (r: ReturnType<typeof audit>) => r.tables.flatMap((t) => t.differences.map((d) => `${d.column} ${d.is}`));

describe('audit: session-13 kinds (fix-c)', () => {
  describe('a band table\'s weekly column is the year\'s figure ÷ 52, read from the figures, never ninths of its own Band D (T12-03)', () => {
    // West Midlands Police and Crime Panel, "Panel supports the 2017-18 policing precept" (10 Feb 2017),
    // http://westmidlandspcp.co.uk/panel-supports-the-2017-18-policing-precept/ : band, statutory proportion,
    // 2016/17 and 2017/18 precept, the increase per year and per week, the last two captioned only "£ : p".
    const file = 'westmidlands-pcp-police-precept-bands-2017-18.tsv';
    const text = published(file);

    it('as printed: clean; column 6 read as column 5 ÷ 52 (A 3.33 ÷ 52 = 0.0640 → 0.06, though 6/9 × 0.10 = 0.0667 → 0.07), not as the statutory proportions', () => {
      const r = audit(text);
      assert.deepEqual(flags(r), []);
      assert.equal(exitCodeOf(r), 0);
      const read = readings(r);
      assert.ok(read.includes('6 "£ : p" (column 5) ÷ 52, to the places printed (a week, read from the band figures)'), read.join('\n'));
      assert.ok(!read.some((x) => x.startsWith('6 each band')), read.join('\n'));
      // the charges and the increase keep their readings: 2017/18 − 2016/17, and the ninths of each year's Band D
      assert.ok(read.some((x) => x.startsWith('5 ') && x.includes('−')));
      assert.ok(read.some((x) => x.startsWith('3 each band the statutory proportion')) && read.some((x) => x.startsWith('4 each band the statutory proportion')));
    });

    it('a weekly figure a penny out is found at its own cell as the week of its year (A 0.06 → 0.07: 3.33 ÷ 52 = 0.0640), where the ninths reading had warned at B, G and H and said nothing at A', () => {
      const r = audit(withCell(text, 5, 6, '0.07'));
      assert.deepEqual(flags(r), ['5:6 error auto.across.per-period 0.06']);
    });

    it('Band D\'s weekly figure 0.10 → 0.11 is the error at Band D (5.00 ÷ 52 = 0.0962 → 0.10), not four errors and three warnings at the bands around it', () => {
      assert.deepEqual(flags(audit(withCell(text, 8, 6, '0.11'))), ['8:6 error auto.across.per-period 0.1']);
      // and Band H's 0.19 → 0.20 (10.00 ÷ 52 = 0.1923)
      assert.deepEqual(flags(audit(withCell(text, 12, 6, '0.20'))), ['12:6 error auto.across.per-period 0.19']);
    });

    it('a slip in the year\'s increase is still found (E 6.11 → 6.21: 142.45 − 136.34 = 6.11), and the week read against it is then off too', () => {
      const f = flags(audit(withCell(text, 9, 5, '6.21')));
      assert.ok(f.some((x) => x.startsWith('9:5 error')), f.join('\n'));
    });

    // Newcastle-under-Lyme BC, "Council Tax summary" (2025 to 2026), https://www.newcastle-staffs.gov.uk/council-tax/council-tax-summary/3,
    // "Council Tax increase for each property band": the weekly column captioned, beside its annual increase.
    const ncl = tsv([
      ['Council Tax increase for each property band'],
      ['Property band', 'Borough council tax (£)', 'Annual increase (£)', 'Weekly increase (£)'],
      ['A', '148.69', '2.90', '0.06'], ['B', '173.47', '3.39', '0.07'], ['C', '198.26', '3.86', '0.07'], ['D', '223.04', '4.35', '0.08'],
      ['E', '272.61', '5.31', '0.10'], ['F', '322.17', '6.29', '0.12'], ['G', '371.73', '7.25', '0.14'], ['H', '446.08', '8.70', '0.17'],
    ]);

    it('Newcastle-under-Lyme 2025/26 (a second table, captioned): the weekly column is the annual increase ÷ 52 on every band (G 7.25 ÷ 52 = 0.1394 → 0.14 where 15/9 × 0.08 = 0.1333 → 0.13): nothing flagged in it', () => {
      const r = audit(ncl);
      const read = readings(r);
      assert.ok(read.some((x) => x.startsWith('4 Annual increase (£) ÷ 52')), read.join('\n'));
      assert.deepEqual(flags(r).filter((x) => /^\d+:4 /.test(x)), []);
      // its G weekly 0.14 → 0.15 is found there
      assert.deepEqual(flags(audit(withCell(ncl, 9, 4, '0.15'))).filter((x) => /^\d+:4 /.test(x)), ['9:4 error auto.across.per-period 0.14']);
    });
  });

  describe('a week may be 7/365 of the year (a 365-day year), not its 52nd: the basis more rows fit is the table\'s (T13-02)', () => {
    // Buckinghamshire & Milton Keynes Fire Authority, "Council tax information" 2025/26, https://bucksfire.gov.uk/publications/council-tax-information
    // (session-13 trial-a table): Band, Per Week (£), Per Month (£), Per Year ( £).
    const text = published('bucksfire-council-tax-bands-2025-26.tsv');

    it('as printed: clean (was four false errors at E-H: 103.23 × 7/365 = 1.9798 → 1.98 printed, where ÷ 52 gives 1.9852 → 1.99); per week read as the year × 7/365, per month as ÷ 12', () => {
      const r = audit(text);
      assert.deepEqual(flags(r), []);
      assert.equal(exitCodeOf(r), 0);
      const read = readings(r);
      assert.ok(read.includes('2 Per Year ( £) × 7/365, to the places printed on a 365-day year'), read.join('\n'));
      assert.ok(read.includes('3 Per Year ( £) ÷ 12, to the places printed'), read.join('\n'));
    });

    it('a week a penny out of its year is found at its cell (E 1.98 → 1.99: 103.23 × 7/365 = 1.9798), and so is G 2.70 → 2.80', () => {
      assert.deepEqual(flags(audit(withCell(text, 6, 2, '1.99'))), ['6:2 error auto.across.per-period 1.98']);
      assert.deepEqual(flags(audit(withCell(text, 8, 2, '2.80'))), ['8:2 error auto.across.per-period 2.7']);
    });

    it('where every row fits both bases the 52nd is kept (West Midlands PCP: 3.33 ÷ 52 = 0.0640 and × 7/365 = 0.0639, both 0.06)', () => {
      const read = readings(audit(published('westmidlands-pcp-police-precept-bands-2017-18.tsv')));
      assert.ok(read.some((x) => x.startsWith('6 ') && x.includes('÷ 52')), read.join('\n'));
    });
  });

  describe('a column whose cells print an amount with its unit and its share in brackets, "£136.3m (28.9%)", is figures (T13-51)', () => {
    // Central Bedfordshire Council, "Budget - full breakdown of spending" (year not on the stored page),
    // https://www.centralbedfordshire.gov.uk/info/141/budget/1340/budget_-_full_breakdown_of_spending (session-13 trial-b
    // table, as transcribed in its package: the lead-in sentence as title, amount and share kept in one cell as printed)
    const FILE = 'central-bedfordshire-spending-breakdown-undated.tsv';
    const text = tsv([
      ['This table shows how we will spend £471.7m on providing services, the majority of which (£243.5m) comes from Council Tax and business rates'],
      ['Service area', 'Amount in millions and percentage of total'],
      ['Adult social services', '£136.3m (28.9%)'],
      ["Children's services (including educational transport)", '£103.1m (21.9%)'],
      ['Housing Benefit (Plus administration and collection of Business Rates and Council Tax)', '£46.4m (9.8%)'],
      ['Council support services (e.g. finance, IT, building management, customer services, elections and registration services)', '£44.1m (9.4%)'],
      ['Housing', '£35.8m (7.6%)'],
      ['Economic growth and planning', '£18.1m (3.8%)'],
      ['Public health (public health services funded by government grant)', '£18.1m (3.8%)'],
      ['Transport, roads and parking (excluding educational transport)', '£17.4m (3.7%)'],
      ['Capital financing', '£16.1m (3.4%)'],
      ['Leisure and libraries', '£5.1m (1.1%)'],
      ['Public protection and safety', '£5.0m (1.1%)'],
      ['Contingency and contribution to reserves', '£2.1m (0.4%)'],
      ['Total spend', '£471.7m']
    ]);

    it('as printed: the "Total spend £471.7m" is found 24.1 over its twelve lines (they add to 447.6), and each share is checked as the amount over the total — 44.1 / 471.7 = 9.349%, printed 9.4, a rounding warning (was exit 2, "no table to audit")', () => {
      const r = audit(text, FILE);
      assert.equal(exitCodeOf(r), 1);
      assert.deepEqual(flags(r), ['15:2 error auto.cast 447.6', '6:2 warning auto.percent 9.3']);
      const read = (r.tables[0].percentages ?? []).map((p) => p.is);
      assert.ok(read.some((x) => /share of its total/.test(x)), read.join('\n'));
    });

    it('with the total printed as its lines add (£447.6m) the cast is clean; the shares, then a share of no printed figure (136.3 / 447.6 = 30.45%, printed 28.9), are said unchecked in a note, never read as negative amounts', () => {
      const r = audit(text.replace('Total spend\t£471.7m', 'Total spend\t£447.6m'), FILE);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.totals, 1);
      assert.ok(r.findings.some((f) => f.rule === 'auto.percent.no-basis' && f.row === 3 && f.column === 2));
    });
  });
});
