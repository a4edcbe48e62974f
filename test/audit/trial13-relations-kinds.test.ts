// Relations across and percentages (session 13, fix-a): each kind on the real table that showed it, transcribed
// exactly as printed (source named at each table), with changes to printed figures the reading must catch at their
// cells. Every expected figure below is hand arithmetic in exact decimal (Python's decimal), written in comments.
import { strict as assert } from 'node:assert';
import { audit, flags, tsv } from '../support/audit-helpers';

describe('audit: relations across and percentages (session 13, fix-a)', () => {
  describe('a reserves column that is part of the net, read across; "£,000" = £\'000 (T12-56, Pembrokeshire)', () => {
    // Pembrokeshire County Council, "How Council Tax is Spent" (Information to Council Taxpayers on planned
    // expenditure and Council Tax level), https://cms.pembrokeshire.gov.uk/council-tax-information/how-council-tax-is-spent
    // (2023-24 and 2024-25 pages) and https://pembrokeshire.gov.uk/council-tax-information/how-council-tax-is-spent
    // (2025-26): the first two service lines of each year's table as the stored pages give them (the captions as
    // printed, "(£,000)" beside "(£'000)", and 2025-26's "Gross expenditure 2022-26" misprint too).
    const P2324 = tsv([
      ['County Council Services', 'Gross Expenditure 2023-24 (£’000)', 'Income 2023-24 (£’000)', 'Reserves 2023-24 (£’000)', 'Net Estimated Expenditure 2023-24 (£’000)', 'Net Estimated Expenditure 2022-23 (£’000)'],
      ['Education Services', '139,674', '(22,147)', '(5,472)', '112,055', '104,678'],
      ['Children Services', '25,839', '(6,010)', '36', '19,865', '17,083'],
    ]);
    const P2425 = tsv([
      ['County Council Services', 'Gross Expenditure 2024-25 (£,000)', "Income 2024-25 (£'000)", "Reserves 2024-25 (£'000) ", "Net Estimated Expenditure 2024-25 (£'000)", 'Net Estimated Expenditure 2023-24 (£,000)'],
      ['Education – Individual School Budgets', '112,993', '(15,551)', '(222)', '97,220', '89,516'],
      ['Education - Other', '32,085', '(10,168)', '177', '22,094', '20,899'],
    ]);
    const P2526 = tsv([
      ['County council services', 'Gross expenditure 2022-26 (£,000)', "Income 2025-26 (£'000)", "Reserves 2025-26 (£'000) ", "Net estimated expenditure 2025-26 (£'000)", 'Net estimated expenditure 2024-25 (£,000)'],
      ['Education – Individual School Budgets', '124,435', '(17,092)', '(4,395)', '102,948', '97,220'],
      ['Education - Other', '33,108', '(10,985)', '188', '23,311', '22,094'],
    ]);
    it('2024-25: Net = Gross + Income + Reserves on both lines (112,993 − 15,551 − 222 = 97,220; 32,085 − 10,168 + 177 = 22,094), all £\'000: clean, where it had been exit 2', () => {
      const r = audit(P2425, 'pembrokeshire-2024-25.tsv');
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables.length, 1);
      assert.equal(r.tables[0].units, "£'000");
      assert.equal(r.tables[0].checked.crossCasts, 2);
      assert.deepEqual(r.tables[0].differences.map((d) => [d.column, d.is]), [[5, "Gross Expenditure 2024-25 (£,000) + Income 2024-25 (£'000) + Reserves 2024-25 (£'000)"]]);
    });
    it('2023-24 (a page the fix was not written on): 139,674 − 22,147 − 5,472 = 112,055; 25,839 − 6,010 + 36 = 19,865: clean', () => {
      const r = audit(P2324, 'pembrokeshire-2023-24.tsv');
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.crossCasts, 2);
    });
    it('2025-26: the page\'s own misprint is found at its cell — 33,108 − 10,985 + 188 = 22,311, printed 23,311 (the next line of the 2024-25 column, 22,094, is the 2024-25 page\'s own)', () => {
      const r = audit(P2526, 'pembrokeshire-2025-26.tsv');
      // 124,435 − 17,092 − 4,395 = 102,948 agrees and sets the signs
      assert.deepEqual(flags(r, { severity: true }), ['3:5 error auto.across 22311']);
    });
    it('2024-25: a figure one unit out in any of the four columns is found at the net (a warning: within the rounding of three £\'000 figures), 100,000 out an error; the reserves\' sign lost an error', () => {
      const rows = P2425.trimEnd().split('\n').map((l) => l.split('\t'));
      const at = (r: number, c: number, v: string) => audit(tsv(rows.map((x, i) => (i === r - 1 ? x.map((y, j) => (j === c - 1 ? v : y)) : x))), 'pembrokeshire-2024-25.tsv');
      // 112,994 − 15,551 − 222 = 97,221
      assert.deepEqual(flags(at(2, 2, '112,994'), { severity: true }), ['2:5 warning auto.across 97221']);
      // 112,993 − 15,552 − 222 = 97,219
      assert.deepEqual(flags(at(2, 3, '(15,552)'), { severity: true }), ['2:5 warning auto.across 97219']);
      // 32,085 − 10,168 + 178 = 22,095
      assert.deepEqual(flags(at(3, 4, '178'), { severity: true }), ['3:5 warning auto.across 22095']);
      // 32,085 − 110,168 + 177 = −77,906
      assert.deepEqual(flags(at(3, 3, '(110,168)'), { severity: true }), ['3:5 error auto.across -77906']);
      // the net itself 22,094 → 122,094: 32,085 − 10,168 + 177 = 22,094
      assert.deepEqual(flags(at(3, 5, '122,094'), { severity: true }), ['3:5 error auto.across 22094']);
      // reserves (222) printed 222: 112,993 − 15,551 + 222 = 97,664
      assert.deepEqual(flags(at(2, 4, '222'), { severity: true }), ['2:5 error auto.across 97664']);
    });
    it('the same relation printed with the income and the reserves used unsigned ("Use of reserves" subtracted) reads the same', () => {
      const rows = P2425.trimEnd().split('\n').map((l) => l.split('\t'));
      // Income printed positive and subtracted; reserves used printed positive (222 used, −177 set aside)
      const unsigned = [
        ['County Council Services', "Gross Expenditure (£'000)", "Income (£'000)", "Use of reserves (£'000)", "Net Expenditure (£'000)"],
        [rows[1][0], '112,993', '15,551', '222', '97,220'],
        [rows[2][0], '32,085', '10,168', '(177)', '22,094'],
      ];
      const r = audit(tsv(unsigned), 'unsigned.tsv');
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].differences[0]?.is, "Gross Expenditure (£'000) − Income (£'000) − Use of reserves (£'000)");
    });
  });

  describe('shares of a whole not printed, with lines printing "N/A" outside it (T13-54, Central Bedfordshire)', () => {
    // Central Bedfordshire Council, "Budget 2024-2025 — What is the revenue budget?",
    // https://www.centralbedfordshire.gov.uk/info/141/budget/1568/budget_2024-2025/2 (session-13 trial-b's transcription,
    // /work/notes/s13/trial/pkg-b/central-bedfordshire-revenue-budget-shares-2024-25.tsv; the caption "Valuation bands for
    // 2024/2025" is the page's own mislabel, kept as printed)
    const CB = tsv([
      ['Valuation bands for 2024/2025'],
      ['Service', 'Spending in millions', '% of total spend'],
      ['Adult social services', '£98m', '36.9%'],
      ["Children's services", '£67.1m', '25.3%'],
      ['Housing (funded primarily by rent and service charges)', '£40.8m', 'N/A'],
      ['Council support services', '£35.4m', '13.3%'],
      ['Waste and recycling', '£22.2m', '8.4%'],
      ['Public health (funded by government grant)', '£18.6m', 'N/A'],
      ['Capital financing', '£14.5m', '5.5%'],
      ['Transport, roads and parking', '£9.8m', '3.7%'],
      ['Economic growth and planning', '£6.5m', '2.4%'],
      ['Libraries and leisure', '£4.4m', '1.7%'],
      ['Public protection and safety', '£4.4m', '1.6%'],
      ['Housing Benefit', '£3m', '1.2%'],
    ]);
    it('each share is over the sum of the ten lines printing one, 265.3 (the page\'s "around £265million"): 98 / 265.3 = 36.94 → 36.9; three within their inputs\' rounding are warnings, no error', () => {
      const r = audit(CB, 'central-bedfordshire-revenue-budget-shares-2024-25.tsv');
      // 6.5 / 265.3 = 2.450 (printed 2.4), 4.4 / 265.3 = 1.658 (printed 1.6; the other £4.4m line prints 1.7), 3 / 265.3 = 1.131 (printed 1.2)
      assert.deepEqual(flags(r, { severity: true }), ['11:3 warning auto.percent 2.5', '13:3 warning auto.percent 1.7', '14:3 warning auto.percent 1.1']);
      assert.equal(r.tables[0].checked.percentages, 10);
      assert.match(r.tables[0].percentages![0].is, /share of the column's sum, 265\.3 \(no total printed, the 2 line\(s\) printing N\/A left out\)/);
    });
    it('an amount or a share changed is found: Children\'s services 25.3 → 35.3 an error at its cell; £67.1m → £77.1m moves every share (275.3)', () => {
      const rows = CB.trimEnd().split('\n').map((l) => l.split('\t'));
      const at = (r: number, c: number, v: string) => audit(tsv(rows.map((x, i) => (i === r - 1 ? x.map((y, j) => (j === c - 1 ? v : y)) : x))), 'cb.tsv');
      // 67.1 / 265.3 = 25.29 → 25.3
      assert.ok(flags(at(4, 3, '35.3%'), { severity: true }).includes('4:3 error auto.percent 25.3'));
      // 77.1 / 275.3 = 28.01 → 28.0, printed 25.3; 98 / 275.3 = 35.60 → 35.6, printed 36.9
      const moved = flags(at(4, 2, '£77.1m'), { severity: true });
      assert.ok(moved.includes('4:3 error auto.percent 28') && moved.includes('3:3 error auto.percent 35.6'), moved.join('; '));
    });
    it('the N/A lines are what is left out: an amount changed on one (£40.8m → £140.8m) changes no share', () => {
      const rows = CB.trimEnd().split('\n').map((l) => l.split('\t'));
      rows[4][1] = '£140.8m';
      assert.deepEqual(flags(audit(tsv(rows), 'cb.tsv'), { severity: true }), ['11:3 warning auto.percent 2.5', '13:3 warning auto.percent 1.7', '14:3 warning auto.percent 1.1']);
    });
  });
});
