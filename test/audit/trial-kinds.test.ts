// Kinds of table the audit had not been tuned for, each found on a real published table by running
// the audit on tables nobody had read (session 4's trial: the finding numbers are those of its notes),
// shown here on the table as printed (transcribed exactly, source named) and with one figure changed.
// Every expected figure is recomputed here by hand from the printed ones, in exact decimal.
import assert from 'node:assert/strict';
import { type AuditReport, exitCodeOf } from '../../src/audit/audit';
import { audit, flags, tsv } from '../support/audit-helpers';

/** The error and warning findings as "row:column rule expected". */

describe('audit: kinds of table found by running it on tables nobody tuned it for', () => {
  describe('a column headed "TOTAL" that adds the figure columns on every row is cross-cast, with no total row (trial #7)', () => {
    // Lancashire Combined Fire Authority, minutes (cfa.lancsfirerescue.org.uk/mgAi.aspx?ID=4523):
    // summary of capital requirements 2019/20-2023/24 (£m), the rows printed whole.
    const lancs = tsv([
      ['', '2019/20', '2020/21', '2021/22', '2022/23', '2023/24', 'TOTAL'],
      ['', '£m', '£m', '£m', '£m', '£m', '£m'],
      ['Vehicles', '2.672', '1.861', '1.066', '1.037', '1.147', '7.783'],
      ['Operational Equipment', '0.150', '1.000', '0.195', '0.800', '0.250', '2.395'],
      ['Buildings (timing)', '6.145', '6.190', '0.930', '0.200', '-', '13.465'],
    ]);

    it('as printed: clean, three cross-casts (2.672 + 1.861 + 1.066 + 1.037 + 1.147 = 7.783; … 6.145 + 6.190 + 0.930 + 0.200 + nil = 13.465)', () => {
      const r = audit(lancs);
      assert.equal(exitCodeOf(r), 0);
      assert.equal(r.tables[0].checked.crossCasts, 3);
    });

    it('Vehicles 2021/22 printed 1.067: TOTAL is found 0.001 off (7.784 expected)', () => {
      const r = audit(lancs.replace('\t1.066\t', '\t1.067\t'));
      assert.deepEqual(flags(r), ['3:7 auto.across 7.784']);
      assert.equal(exitCodeOf(r), 1);
    });
  });

  describe('an unreadable figure is an error at its cell; when a check also found an error, the exit is 1, never 2 (trial #9b)', () => {
    // LB Bexley, Draft Statement of Accounts 2021/22, CIES (https://www.bexley.gov.uk/about-the-council/
    // draft-statement-accounts-2021-2022/draft-comprehensive-income-and-expenditure-statement), the 2021/22
    // columns as printed: Places gross income (37,653) (the 2022/23 statement's comparative prints
    // (37,635)) and the Cost of Services gross income "(281,4074)".
    const bexley = tsv([
      ['', 'Gross Expenditure £000', 'Gross Income £000', 'Net Expenditure £000'],
      ['Children and Education', '155,732', '(104,173)', '51,559'],
      ['Adult Social Care and Public Health', '114,228', '(66,077)', '48,151'],
      ['Places, Community and Infrastructure', '123,982', '(37,653)', '86,347'],
      ['Finance and Corporate Services', '118,506', '(73,189)', '45,317'],
      ['Cost of Services', '512,448', '(281,4074)', '231,374'],
    ]);

    it('the row that does not cross-cast (123,982 − 37,653 = 86,329, printed 86,347) and the malformed total: exit 1', () => {
      const r = audit(bexley);
      const errors = r.findings.filter((f) => f.severity === 'error').map((f) => `${f.row}:${f.column} ${f.rule}`);
      assert.ok(errors.includes('4:4 auto.across'), errors.join('; '));
      assert.ok(errors.includes('6:3 printed.unreadable'), errors.join('; '));
      assert.equal(exitCodeOf(r), 1);
    });

    it('with the Places income printed as the 2022/23 comparative (37,635), only the malformed figure is left: exit 2, a cell could not be read', () => {
      const r = audit(bexley.replace('(37,653)', '(37,635)'));
      assert.deepEqual(flags(r), ['6:3 printed.unreadable undefined']);
      assert.equal(exitCodeOf(r), 2);
    });
  });
  describe('the stepped layout: lines in an inner column, each sub-total one column right, a figure carried out (trial #11)', () => {
    // Oldham Council, "What does council tax pay for" part 5 (https://www.oldham.gov.uk/info/200198/
    // council_tax/104/what_does_council_tax_pay_for/5): "How the Council's budget has changed compared to 2021/22".
    const oldham = tsv([
      ['5. How the Council’s budget has changed compared to 2021/22', '', '', ''],
      ['', '£000', '£000', '£000'],
      ['Base Budget 2021/22', '', '', '254,179'],
      ['Budget Adjustments', '', '', ''],
      ['Adjustments to the Base Budget', '', '', ''],
      ['Add back one-off 2021/22 measures - Flexible use of capital receipts', '2,000', '', ''],
      ['Removal of one-off 2021/22 expenditure', '(10,533)', '', ''],
      ['Total Adjustments to the Base Budget', '', '(8,533)', ''],
      ['Flexible use of capital receipts to support the 2022/23 Budget', '', '(2,500)', ''],
      ['Expenditure Adjustments', '', '', ''],
      ['- Pay and Price Inflation', '5,630', '', ''],
      ['- Adults Social Care (includes passporting of the Adult Social Care Precept including the move to the Living Wage Foundation National Living Wage', '5,548', '', ''],
      ["- Children's Social Care Pressures", '1,400', '', ''],
      ['- 2021/22 Unachieved Savings', '499', '', ''],
      ['- Organisational Redesign', '1,300', '', ''],
      ['- Invest to Save Initiatives', '405', '', ''],
      ['- Other Expenditure Pressures', '4,315', '', ''],
      ['- Administration Priorities', '1,680', '', ''],
      ['- Corporate Financing Costs', '(3,766)', '', ''],
      ['- COVID Legacy Costs', '12,000', '', ''],
      ['- Parish Precepts (Funded by Parish Precept Income)', '14', '', ''],
      ['Total Expenditure Adjustments', '', '29,025', ''],
      ['Levies', '', '', ''],
      ['- Waste and Transport Levy Increase payable to GMCA', '245', '', ''],
      ['- Contribution to GMCA for GM Wide Activities', '5', '', ''],
      ['Total Levies', '', '250', ''],
      ['Total Net Budget Adjustments', '', '18,242', ''],
      ['Approved Budget Reductions', '', '', ''],
      ['Revised Budget Reductions initially included in 2021/22 Budget Setting', '(5,467)', '', ''],
      ['Budget Reductions approved as part of 2022/23 Budget Setting', '(6,268)', '', ''],
      ['Total Approved Budget Reductions', '', '(11,735)', ''],
      ['Increase in the Net Expenditure Budget', '', '6,507', '6,507'],
      ['Net Expenditure Budget for 2022/23', '', '', '260,686'],
    ]);
    const totals = (r: AuditReport) => r.tables[0].totals.map((t) => `${t.row}=${t.from}-${t.to}`);

    it('as printed: clean, every sub-total cast from the column to its left, 6,507 carried out to the outer column', () => {
      const r = audit(oldham);
      assert.deepEqual(flags(r), []);
      assert.equal(exitCodeOf(r), 0);
      // 2,000 − 10,533 = (8,533); the eleven adjustments 29,025; 245 + 5 = 250; (8,533) − 2,500 + 29,025 + 250 = 18,242;
      // (5,467) + (6,268) = (11,735); 18,242 − 11,735 = 6,507 in both columns; 254,179 + 6,507 = 260,686
      assert.deepEqual(totals(r), ['8=6-7', '22=11-21', '26=24-25', '27=8-26', '31=29-30', '32=27-31', '33=3-32']);
      assert.equal(r.tables[0].checked.totals, 8);
    });

    it('Pay and Price Inflation printed 5,631: Total Expenditure Adjustments is found 1 short (29,026 expected), cast from the inner column', () => {
      const r = audit(oldham.replace('\t5,630\t', '\t5,631\t'));
      assert.deepEqual(flags(r), ['22:3 auto.cast 29026']);
      assert.match(r.findings[0].message, /the column to its left where they print their figures \(a stepped layout\)/);
    });

    it('the carried-out 6,507 printed 6,508 in the outer column: found at its cell (its inner figure still casts: 18,242 − 11,735 = 6,507), and the budget it carries to no longer casts (254,179 + 6,508 = 260,687)', () => {
      const r = audit(oldham.replace('\t6,507\t6,507', '\t6,507\t6,508'));
      assert.deepEqual(flags(r), ['32:4 auto.cast 6507', '33:4 auto.cast 260687']);
    });

    it('the inner 6,507 printed 6,508: found at its cell (18,242 − 11,735 = 6,507)', () => {
      const r = audit(oldham.replace('\t6,507\t6,507', '\t6,508\t6,507'));
      assert.deepEqual(flags(r), ['32:3 auto.cast 6507']);
    });
  });
  describe('budget changes between two budget columns are a roll-forward across, not variances; nil lines do not vote; another period\'s variance is not checked (trial #10)', () => {
    // Brighton & Hove City Council, TBM Provisional Outturn 2021/22 (Policy & Resources Committee, 7 July
    // 2022), appendix "Families, Children & Learning – Capital Budget Summary" (a stored copy in the pages corpus).
    const brighton = tsv([
      ['Families, Children & Learning – Capital Budget Summary', '', '', '', '', '', '', '', '', ''],
      ['Forecast Variance Month 9', 'Service', 'Reported Budget Month 9', 'IFRS Changes', 'New Schemes', 'Variations, Slippages & Reprofiles', 'Reported Budget Month 12', 'Provisional Outturn', 'Provisional Variance', 'Provisional Variance'],
      ["£'000", '', "£'000", "£'000", "£'000", "£'000", "£'000", "£'000", "£'000", '%'],
      ['0', 'Director of Families, Children & Learning', '0', '0', '0', '0', '0', '0', '0', '0.0%'],
      ['0', 'Health, SEN & Disability Services', '0', '0', '0', '0', '0', '0', '0', '0.0%'],
      ['0', 'Education & Skills', '15,030', '(612)', '0', '697', '15,115', '15,115', '0', '0.0%'],
      ['0', 'Schools', '290', '0', '0', '(222)', '68', '66', '(2)', '-2.9%'],
      ["0", "Children's Safeguarding & Care", '35', '0', '0', '(35)', '0', '0', '0', '0.0%'],
      ['0', 'Quality Assurance & Performance', '0', '0', '0', '0', '0', '0', '0', '0.0%'],
      ['0', 'Total Families, Children & Learning', '15,355', '(612)', '0', '440', '15,183', '15,181', '(2)', '0.0%'],
    ]);

    it('as printed: clean; Month 9 budget + the changes = Month 12 budget on every row; variance = outturn − Month 12 budget; the Month 9 variance a note', () => {
      const r = audit(brighton);
      assert.deepEqual(flags(r), []);
      assert.equal(exitCodeOf(r), 0);
      // 15,030 − 612 + 0 + 697 = 15,115; 290 − 222 = 68; 35 − 35 = 0; 15,355 − 612 + 0 + 440 = 15,183 (and the nil rows)
      assert.equal(r.tables[0].checked.rollForwards, 7);
      assert.deepEqual(r.tables[0].differences.map((d) => d.is), ["Provisional Outturn £'000 − Reported Budget Month 12 £'000"]);
      // −2 / 68 = −2.94% (−2.9%); −2 / 15,183 = −0.01% (0.0%); 0 / 15,115
      assert.equal(r.tables[0].checked.percentages, 3);
      assert.ok(r.findings.some((f) => f.rule === 'revenue.variance.other-basis' && f.column === 1));
    });

    it('Variations, Slippages & Reprofiles printed 698 for Education & Skills: the Month 12 budget no longer rolls (15,116), and the column total casts to 441', () => {
      const r = audit(brighton.replace('\t0\t697\t', '\t0\t698\t'));
      assert.deepEqual(flags(r).sort(), ['10:6 revenue.cast 441', '6:7 revenue.budget-roll-forward 15116']);
    });

    it('the one percentage with a figure to divide printed −3.0% (the basis no longer learnable from the lines): checked on the layout\'s basis, −2 / 68 = −2.94%', () => {
      const r = audit(brighton.replace('-2.9%', '-3.0%'));
      assert.deepEqual(flags(r), ['7:10 revenue.variance-percent -2.9']);
      assert.equal(exitCodeOf(r), 1);
    });

    it('the Schools variance printed (3): found at its cell (66 − 68 = −2)', () => {
      const r = audit(brighton.replace('\t66\t(2)\t', '\t66\t(3)\t'));
      assert.ok(flags(r).includes('7:9 revenue.variance -2'), flags(r).join('; '));
    });
  });
  describe('a column between two balances whose header names no movement ("Outturn 2011/12") is the year\'s movement when the rows add up (trial #4)', () => {
    // North Norfolk DC, Appendix D Reserves Statement – 2011/12 Outturn (studylib copy); the rows printed
    // whole, the purpose column shortened here to its first words (it holds no figures).
    const nn = tsv([
      ['Appendix D', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['Reserves Statement - 2011/12 Outturn', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['Reserve', 'Purpose and Use of Reserve', 'Balance at 01/04/11', 'Outturn 2011/12', 'Balance at 1/4/2012', 'Updated Budgeted 2012/13 Movement', 'Balance at 1/4/2013', 'Budgeted 2013/14 Movement', 'Balance at 1/4/2014', 'Budgeted 2014/15 Movement', 'Balance at 1/4/2015', 'Budgeted 2015/16 Movement', 'Balance at 1/4/2016'],
      ['', '', '£', '£', '£', '£', '£', '£', '£', '£', '£', '£', '£'],
      ['General Fund General Reserve', 'A working balance and contingency', '1,328,638', '617,952', '1,946,590', '(301,524)', '1,645,066', '(200,000)', '1,445,066', '(100,000)', '1,345,066', '0', '1,345,066'],
      ['Earmarked Reserves:', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['Asset Management', 'To support improvements to our existing assets', '71,290', '(44,621)', '26,669', '(15,717)', '10,952', '0', '10,952', '0', '10,952', '0', '10,952'],
      ['Benefits', 'To be used to mitigate any claw back', '910,626', '(270,384)', '640,242', '0', '640,242', '0', '640,242', '0', '640,242', '0', '640,242'],
      ['Big Society Fund', 'To support projects that communities identify', '0', '0', '0', '381,625', '381,625', '674,275', '1,055,900', '674,275', '1,730,175', '674,275', '2,404,450'],
      ['Carbon Management', 'To fund revenue invest to save initiatives', '35,880', '(14,700)', '21,180', '(5,300)', '15,880', '0', '15,880', '0', '15,880', '0', '15,880'],
    ]);

    it('as printed: clean, 25 roll-forwards (1,328,638 + 617,952 = 1,946,590; 71,290 − 44,621 = 26,669; 910,626 − 270,384 = 640,242; 0 + 0; 35,880 − 14,700 = 21,180; and the four budgeted years)', () => {
      const r = audit(nn);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.rollForwards, 25);
      assert.ok(r.findings.some((f) => f.rule === 'reserves.movement-by-position' && f.column === 4));
      assert.ok(!r.findings.some((f) => f.rule === 'reserves.no-movement'));
    });

    it('the General Reserve\'s 2011/12 outturn printed 617,953: the balance at 1/4/2012 no longer rolls (1,946,591)', () => {
      const r = audit(nn.replace('617,952', '617,953'));
      assert.deepEqual(flags(r), ['5:5 reserves.closing 1946591']);
    });
  });
  describe('a figure printed in another unit than its column ("£664,000" among "£91.6m") is read in the column\'s unit (trial #1)', () => {
    // Cleveland PCC, "Annual police budget" page, 2020/21: funding for police.
    const cleveland = tsv([
      ['Funding for police', '2019/20 Actual', '2020/21 Forecast'],
      ['Funding from Government', '£85.2m', '£91.6m'],
      ['Council tax precept – your contribution', '£38.7m', '£40.8m'],
      ['Council tax grants', '£7.6m', '£7.6m'],
      ['Specific grants', '£5.8m', '£7.8m'],
      ['Witnesses and Victims Funding', '£1.4m', '£664,000'],
      ['Fees, Charges and Partnerships', '£2.8m', '£3.3m'],
      ['Special Grant', '£3.4m', '£3.5m'],
      ['Total funding', '£145.3m', '£155.4m'],
    ]);

    it('£664,000 read as 0.664 £m, with a note: 2020/21 lines add to 155.264 against 155.4, within the rounding (a warning, not an error of 663,999)', () => {
      const r = audit(cleveland);
      const w = r.findings.find((f) => f.row === 9 && f.column === 3)!;
      assert.equal(w.severity, 'warning');
      assert.equal(w.expected, '155.264');
      const note = r.findings.find((f) => f.rule === 'printed.unit-rescaled')!;
      assert.equal(`${note.row}:${note.column}`, '6:3');
      assert.match(note.message, /printed £664,000, in £ where the column's other figures print £m; read as 0\.664 \(£m\)/);
    });

    it('printed £6,640,000 instead (ten times): an error, 161.24 expected', () => {
      const r = audit(cleveland.replace('£664,000', '£6,640,000'));
      const e = r.findings.find((f) => f.row === 9 && f.column === 3)!;
      assert.equal(e.severity, 'error');
      assert.equal(e.expected, '161.24');
    });
  });
  describe('a ratio row under the two rows it divides, across a blank line and a caption, is a checked percentage (trial #15)', () => {
    // Notts Fire Authority, "Prudential Code for Capital Finance 2024/2025" (Nottingham City Council
    // committee site, https://committee.nottinghamcity.gov.uk/mgAi.aspx?ID=54124), table (b).
    const notts = tsv([
      ['(b)  Estimates of the Ratio of Financing Costs to Net Revenue Stream are:', '', '', '', '', '', ''],
      ['', '2022/23 Actual £000s', '2023/24 Estimate £000s', '2024/25 Estimate £000s', '2025/26 Estimate £000s', '2026/27 Estimate £000s', '2027/28 Estimate £000s'],
      ['Total  Revenue Costs', '2,321', '2,047', '2,876', '3,652', '4,007', '4,435'],
      ['Net Revenue Stream', '49,977', '52,676', '57,850', '58,251', '61,182', '62,466'],
      ['', '', '', '', '', '', ''],
      ['Ratio of Financing Costs to Net Revenue Stream', '', '', '', '', '', ''],
      ['Ratio', '4.6%', '3.9%', '5.0%', '6.3%', '6.5%', '7.1%'],
    ]);

    it('as printed: clean, six percentages (2,321 / 49,977 = 4.64%; 2,047 / 52,676 = 3.89%; … 4,007 / 61,182 = 6.549%; 4,435 / 62,466 = 7.10%)', () => {
      const r = audit(notts);
      assert.deepEqual(flags(r), []);
      assert.deepEqual(r.tables.map((t) => [t.range, t.checked.percentages]), [['rows 2-7', 6]]);
      assert.equal(r.unchecked, undefined);
    });

    it('4.6% printed 4.8%: an error at its cell (4.6% to the places printed)', () => {
      const r = audit(notts.replace('\t4.6%', '\t4.8%'));
      assert.deepEqual(flags(r), ['7:2 auto.ratio-percent 4.6']);
    });

    it('Net Revenue Stream 2027/28 printed 162,466: the ratio no longer agrees (2.7%)', () => {
      const r = audit(notts.replace('62,466', '162,466'));
      assert.deepEqual(flags(r), ['7:7 auto.ratio-percent 2.7']);
    });

    it('a change the rounding of the printed ratio absorbs (2,321 → 2,322: 4.646% still 4.6%) is named as such: its cells are used only by rounded percentages', () => {
      const r = audit(notts);
      assert.ok(r.roundedOnly!.some((x) => x.row === 3 && x.column === 2));
      assert.ok(!r.roundedOnly!.some((x) => x.row === 7), 'the percentages themselves are checked to their places');
      assert.deepEqual(flags(audit(notts.replace('2,321', '2,322'))), []);
    });
  });
});
