// Kinds of budget table the audit misread on real tables nobody tuned it for (session 4 trial,
// /work/notes/s4/trial-findings.md #2, #3, #3b, #5, #8, #13, #14): a requirement and the sources that
// fund it (the last source balances the block to nil); a block carried on from the total of the table
// printed above it; lines subtracted in words ("Less: …" printed positive); rules typed as characters.
// Each table is transcribed exactly as printed, its source named; every expectation recomputed by hand.
import assert from 'node:assert/strict';
import { type AuditReport, auditGrids, exitCodeOf } from '../../src/audit/audit';
import { readDelimitedBytes } from '../../src/audit/delimited';

function audit(tsv: string): AuditReport {
  return auditGrids([readDelimitedBytes(Buffer.from(tsv, 'utf8'), 't.tsv')]);
}
const flagged = (r: AuditReport) => r.findings.filter((f) => f.severity !== 'note').map((f) => [f.row, f.column]);
const rules = (r: AuditReport) => r.findings.map((f) => f.rule);
/** The table with the figure at (row, column), 1-based, replaced. */
function change(tsv: string, row: number, column: number, to: string): string {
  const lines = tsv.split('\n');
  const cells = lines[row - 1].split('\t');
  cells[column - 1] = to;
  lines[row - 1] = cells.join('\t');
  return lines.join('\n');
}

// Cannock Chase DC, "Budget" page (https://cannockchasedc.gov.uk/council/about-us/financial-information/budget),
// 2024/25: last year left of the labels, this year right; "Less:" a heading, the line under it positive.
// 13.086 − 6.014 = 7.072; 438.39 − 201.47 = 236.92; 13.695 − 6.371 = 7.324; 456.26 − 212.26 = 244.00.
const CANNOCK = [
  '2023/24\tBand D Equivalent\t\t2024/25\tBand D Equivalent',
  '£m\t£\t\t£m\t£',
  '13.086\t438.39\tBudget Requirement\t13.695\t456.26',
  '\t\tLess: Central Government Support\t\t',
  '6.014\t201.47\tBusiness Rates Retention\t6.371\t212.26',
  '7.072\t236.92\tAmount to be raised from Council Tax\t7.324\t244.00',
].join('\n');

// Stafford BC, council tax requirement 2024/25 (£000 and Band D £): 15,371 − 6,814 = 8,557 exactly; Band D
// 311.76 − 138.20 = 173.56, printed 178.56 (the page's own text says £173.56): an error at row 4 column 3.
const STAFFORD = [
  'Analysis Type\tBudget 2024/25\tBand D Equivalent',
  'Budget Requirement\t15,371\t311.76',
  'Less Business Rates Retention\t6,814\t138.20',
  'Council Tax Requirement\t8,557\t178.56',
].join('\n');

// Devon and Somerset FRA, "What we spend" (https://dsfire.gov.uk/about-us/what-we-spend), "Spending
// plans": every source bracketed, council tax too; 98.3 − 11.8 − 1.1 − 18.3 − 5.3 − 61.8 = 0 and
// 108.0 − 14.2 − 1.1 − 23.0 − 5.4 − 64.3 = 0 exactly.
const DSFIRE = [
  'Spending plans\t2023/24 £million\t2024/25 £million',
  'Gross expenditure\t98.3\t108.0',
  'Income from specific grants, fees, and charges\t(11.8)\t(14.2)',
  'Council tax freeze grant\t(1.1)\t(1.1)',
  'Central government funding\t(18.3)\t(23.0)',
  'Business rates retention - local authority\t(5.3)\t(5.4)',
  'Council tax requirement\t(61.8)\t(64.3)',
].join('\n');

// Derbyshire County Council, "Where the money comes from" (undated copy): the five funding lines under
// the net budget requirement add up to it: 93.2 + 17.6 + 85.7 + 30.3 + 265.1 = 491.9; 67.7 + 17.3 +
// 86.5 + 23.5 + 279.9 = 474.9; 1094.7 − 656.3 + 54.2 − 4 + 3.3 = 491.9; 1094.5 − 659.9 + 48.7 − 4 − 4.4 = 474.9.
const DERBYSHIRE = [
  'Table showing where the money comes from\t\t',
  'Gross expenditure\t1094.7\t1094.5',
  'Fees and charges\t(656.3)\t(659.9)',
  'Debt charges\t54.2\t48.7',
  'Interest receipts\t(4)\t(4)',
  'Internal financing\t3.3\t(4.4)',
  'Net budget requirement\t491.9\t474.9',
  'Revenue Support Grant\t93.2\t67.7',
  'National non domestic rates\t17.6\t17.3',
  'Government Top Up Grant\t85.7\t86.5',
  'General grants\t30.3\t23.5',
  'Council tax payer\t265.1\t279.9',
].join('\n');

// Cumberland Council, "Cumbria Police and Crime Commissioner budget" page (2023/24 and 2024/25), the first
// two of its tables: "Where the money comes from" continues from "Total net expenditure" across a blank
// line, a heading and a header: 124.957 − 72.875 + 0.219 = 52.301; 132.769 − 77.191 + 0.079 = 55.657.
const CUMBERLAND = [
  'Where your money goes\t\t',
  'Source\t2023/2024, £m\t2024/15, £m',
  'Police pay and allowances\t97.665\t108.222',
  'Support staff pay and allowances\t31.229\t33.386',
  'Other employee costs\t3.635\t2.847',
  'Premises costs\t6.316\t6.002',
  'Transport costs\t2.911\t3.157',
  'Commissioned services\t3.245\t3.274',
  'Supplies & services\t15.728\t17.396',
  'Capital financing charges\t1.791\t1.097',
  'Direct revenue contribution to capital\t3.222\t2.136',
  'Contribution to reserves\t0.046\t0.046',
  'Gross expenditure\t165.788\t177.563',
  'Less fees and charges\t(5.818)\t(5.391)',
  'Other grants\t(29.227)\t(33.983)',
  'Contribution from reserves\t(5.786)\t(5.420)',
  'Total net expenditure\t124.957\t132.769',
  '\t\t',
  'Where the money comes from\t\t',
  'Source\t2023/224, £m\t2024/25, £m',
  'Home Office Formula Funding\t(72.875)\t(77.191)',
  'Redistributed council tax (surplus)/deficit\t0.219\t0.079',
  'Council tax requirement\t52.301\t55.657',
].join('\n');

// Stockport MBC, "What your Council Tax pays for – 5. Cost of all services"
// (https://www.stockport.gov.uk/what-your-council-tax-pays-for/cost-of-all-services), the 2023/24 half
// (the 2024/25 columns left out here): the twelve "Financed by" sources, council tax included, add up to
// the Net Revenue Budget printed above the heading: 58.938 + 28.238 + 0.000 + 18.578 + 3.005 + 1.938 +
// 0.134 + 6.619 + 9.634 − 2.119 + 1.746 + 183.695 = 310.406.
const STOCKPORT = [
  '2023/24\t2023/24\t2023/24\tServices',
  'Gross Expenditure £m\tIncome £m\tNet Expenditure £m\t',
  '312.216\t253.975\t58.241\tChildren’s and Education Services',
  '194.337\t70.269\t124.068\tAdult Social Care',
  '19.404\t2.370\t17.034\tPublic Health',
  '60.686\t8.231\t52.455\tCultural, Environmental and Planning Services',
  '74.330\t74.166\t0.164\tHousing Benefits and Services',
  '39.046\t6.521\t32.525\tHighways, Roads and Transport Services',
  '29.904\t27.795\t2.109\tCentral Services/Corporate Costs',
  '729.923\t443.327\t286.596\tCost of Services',
  '\t\t23.810\tCapital Financing Costs',
  '\t\t310.406\tNet Revenue Budget',
  '\t\t\t',
  '\t\t\tFinanced by',
  '\t\t58.938\tBusiness Rates',
  '\t\t28.238\tGrants in Lieu of Business Rates',
  '\t\t0.000\tBusiness Rates: Green Plant and Machinery',
  '\t\t18.578\tSocial Care Grant',
  '\t\t3.005\tSocial Care Market Sustainability Grant',
  '\t\t1.938\tServices Grant',
  '\t\t0.134\tNew Homes Bonus Grant',
  '\t\t6.619\tBetter Care Fund Allocation',
  '\t\t9.634\tCollection Fund Surplus',
  '\t\t(2.119)\tCollection Fund Deficit Deferral',
  '\t\t1.746\tContribution from Earmarked Reserves',
  '\t\t183.695\tCouncil Tax Requirement',
].join('\n');

// A Greater Manchester city council's Statement of Accounts 2001/02, Notes to the Collection Fund, note 2
// (copy: https://docsbay.net/notes-to-the-collection-fund), rules typed as "------" and "======":
// 34 + 46,578 + … + 41 = 83,147; 19 + 31,052 + … + 82 = 64,435; 64,435 − 1,289 = 63,146.
const GM = [
  'Band\tTotal No. of Dwellings (After discounts)\tProportion to Band D\tBand D Equivalent',
  'A-\t34\t5/9\t19',
  'A\t46,578\t6/9\t31,052',
  'B\t15,467\t7/9\t12,030',
  'C\t11,760\t8/9\t10,453',
  'D\t4,921\t1\t4,921',
  'E\t2,516\t11/9\t3,075',
  'F\t1,113\t13/9\t1,608',
  'G\t717\t15/9\t1,195',
  'H\t41\t18/9\t82',
  '\t------\t\t------',
  '\t83,147\t\t64,435',
  'Less:Allowance for losses on collection\t\t\t1,289',
  '\t\t\t------',
  'Council Tax Base\t\t\t63,146',
  '\t\t\t======',
].join('\n');

describe('audit: lines subtracted in words ("Less:" printed positive), with the label column in the middle', () => {
  it('Cannock: budget requirement less business rates = council tax in all four columns, exit 0, and the reading says so', () => {
    const r = audit(CANNOCK);
    assert.equal(exitCodeOf(r), 0);
    assert.equal(r.tables[0].checked.totals, 4);
    assert.match(r.tables[0].totals[0].why, /less the 1 line\(s\) printed positive under "Less" \(Business Rates Retention\)/);
  });
  it('Cannock: a line under "Less:" changed by 0.001 is caught at the total, with the subtraction in the message', () => {
    const r = audit(change(CANNOCK, 5, 4, '6.372'));
    assert.equal(exitCodeOf(r), 1);
    assert.deepEqual(flagged(r), [[6, 4]]);
    assert.match(r.findings[0].message, /less Business Rates Retention\) come to 7\.323/);
  });
  it('Stafford: the £000 column casts (15,371 − 6,814 = 8,557); the Band D error 178.56 for 173.56 is flagged at its cell alone', () => {
    const r = audit(STAFFORD);
    assert.equal(exitCodeOf(r), 1);
    assert.deepEqual(flagged(r), [[4, 3]]);
    assert.equal(r.findings.find((f) => f.severity === 'error')!.expected, '173.56');
  });
  it('a sub-total of the lines under "Less:" is subtracted as they are (Cannock\'s layout with the support itemised and totalled)', () => {
    // A variant of the Cannock 2024/25 table: business rates 6.014 split 4.000 + 2.014 under the heading and totalled.
    const t = ['Item\t£m', 'Budget Requirement\t13.086', 'Less: Central Government Support\t', 'Business Rates Retention\t4.000',
      'Section 31 grants\t2.014', 'Total support\t6.014', 'Amount to be raised from Council Tax\t7.072'].join('\n');
    const r = audit(t);
    assert.equal(exitCodeOf(r), 0);
    assert.equal(r.tables[0].checked.totals, 2);
    assert.equal(exitCodeOf(audit(change(t, 5, 2, '2.041'))), 1);
  });
  it('a row labelled "Total" under "Less:" lines printed positive subtracts them (a constructed layout: 100 − 10 − 20 = 70; 120 − 12 − 25 = 83)', () => {
    const t = ['Item\t2023/24 £000\t2024/25 £000', 'Gross expenditure\t100\t120', 'Less:\t\t', 'Fees and charges\t10\t12', 'Grants\t20\t25', 'Total\t70\t83'].join('\n');
    assert.equal(exitCodeOf(audit(t)), 0);
    const r = audit(change(t, 5, 3, '28'));
    assert.deepEqual(flagged(r), [[6, 3]]);
    assert.equal(r.findings.find((f) => f.severity === 'error')!.expected, '80');
  });
  it('a "Less" line printed in brackets among positive ones is not read by its words: the plain cast stands', () => {
    // 100 + 20 + (5) = 115: every line added as printed; the word adds nothing to a bracketed figure.
    const r = audit(['Item\t£000', 'Gross expenditure\t100', 'Other costs\t20', 'Less income\t(5)', 'Net expenditure\t115'].join('\n'));
    assert.equal(exitCodeOf(r), 0);
    assert.doesNotMatch(r.tables[0].totals[0].why, /Less/);
  });
});

describe('audit: a requirement and the sources that fund it (the last balances the block to nil)', () => {
  it('Devon and Somerset: council tax bracketed like the other sources nets the block to nil — clean, with a note naming the reading', () => {
    const r = audit(DSFIRE);
    assert.equal(exitCodeOf(r), 0);
    assert.equal(r.tables[0].checked.totals, 2);
    assert.ok(rules(r).includes('cast.balancing'));
  });
  it('Devon and Somerset: one source changed by 0.1 is an error at the balancing figure (no false nil)', () => {
    const r = audit(change(DSFIRE, 4, 3, '(1.2)'));
    assert.equal(exitCodeOf(r), 1);
    assert.deepEqual(flagged(r).filter(([row]) => row !== 7), []);
    assert.ok(flagged(r).length > 0);
  });
  it('a requirement line above a heading "Financed by:" and its sources (a constructed layout): balancing exactly in both columns beats a sum casting in one', () => {
    // 100 − 30 − 20 − 50 = 0 and 110 − 31 − 22 − 57 = 0; in 2023/24 alone (30) + (20) = (50) too, by coincidence.
    const t = ['Item\t2023/24 £m\t2024/25 £m', 'Budget requirement\t100.0\t110.0', 'Financed by:\t\t', 'Revenue support grant\t(30.0)\t(31.0)',
      'Business rates\t(20.0)\t(22.0)', 'Council tax\t(50.0)\t(57.0)'].join('\n');
    const r = audit(t);
    assert.equal(exitCodeOf(r), 0);
    assert.ok(rules(r).includes('cast.balancing'));
  });
  it('a total printed with the other sign of its own lines is still an error (no balancing without sources of the other sign)', () => {
    // 40 + 30 + 20 = 90, printed (90): the lines are all of one sign, so nothing balances — the sign is wrong.
    const r = audit(['Item\t£000', 'Gross expenditure\t40', 'Premises\t30', 'Transport\t20', 'Budget requirement\t(90)'].join('\n'));
    assert.equal(exitCodeOf(r), 1);
    assert.deepEqual(flagged(r), [[5, 2]]);
  });
  it('Derbyshire: the five funding lines under the net budget requirement are checked (they add up to it), clean', () => {
    const r = audit(DERBYSHIRE);
    assert.equal(exitCodeOf(r), 0);
    assert.equal(r.tables[0].checked.totals, 4);
    const r2 = audit(change(DERBYSHIRE, 9, 2, '17.7'));
    assert.equal(exitCodeOf(r2), 1);
  });
});

describe('audit: a block carried on from the total of the table printed above it', () => {
  it('Cumberland: "Where the money comes from" runs on from Total net expenditure — clean, with a note', () => {
    const r = audit(CUMBERLAND);
    assert.equal(exitCodeOf(r), 0);
    assert.ok(rules(r).includes('cast.carried'));
    assert.match(r.tables[1].totals[0].why, /carried on from "Total net expenditure" \(row 17\)/);
  });
  it('Cumberland: the funding line changed is an error at council tax, its message naming the total carried', () => {
    const r = audit(change(CUMBERLAND, 21, 2, '(72.785)'));
    assert.equal(exitCodeOf(r), 1);
    assert.ok(flagged(r).some(([row, col]) => row === 23 && col === 2));
  });
  it('Stockport: council tax is the last source of the Net Revenue Budget printed above the heading — clean', () => {
    const r = audit(STOCKPORT);
    assert.equal(exitCodeOf(r), 0);
    assert.ok(rules(r).includes('cast.balancing'));
    const r2 = audit(change(STOCKPORT, 17, 3, '18.587'));
    assert.equal(exitCodeOf(r2), 1);
  });
});

describe('audit: the total above and sources that net it to nil, printed as a second table', () => {
  // Derbyshire County Council "Where the money comes from" (2017/18 and 2018/19), its funding lines printed as a
  // table of their own under a heading (a variant): 487.6 − 44.1 − 18.0 − 88.6 − 24.6 − 17.0 − 295.3 = 0 and
  // 503.2 − 0.00 − 94.2 − 43.0 − 40.4 − 11.5 − 314.1 = 0.
  const T = ['Item\t2017 to 2018 £m\t2018 to 2019 £m', 'Gross expenditure\t1102.3\t1159.5', 'Fees and charges\t(662.2)\t(678.9)',
    'Debt charges\t47.3\t27.3', 'Interest receipts\t(4.0)\t(5.0)', 'Internal financing\t4.2\t0.3', 'Net budget requirement\t487.6\t503.2', '\t\t',
    'Where the money comes from\t\t', 'Source\t2017 to 2018 £m\t2018 to 2019 £m', 'Revenue Support Grant\t(44.1)\t(0.00)',
    'Business rates\t(18.0)\t(94.2)', 'Government Top Up Grant\t(88.6)\t(43.0)', 'General grants\t(24.6)\t(40.4)',
    'Use of reserves\t(17.0)\t(11.5)', 'Council tax payer\t(295.3)\t(314.1)'].join('\n');
  it('is read as balancing (a note), clean; a source changed is an error', () => {
    const r = audit(T);
    assert.equal(exitCodeOf(r), 0);
    assert.ok(rules(r).includes('cast.balancing'));
    const r2 = audit(change(T, 13, 3, '(43.1)'));
    assert.equal(exitCodeOf(r2), 1);
    assert.deepEqual(flagged(r2), [[16, 3]]);
  });
});

describe('audit: "Balance required from the Precept" after "Funded by:" is the requirement still to raise', () => {
  // Police and Crime Commissioner for North Yorkshire, "Annual police budget" (2017/18,
  // https://www.northyorkshire-pfcc.gov.uk/police-oversight/finances/police-budget/): 141,689 − 75,660 − 993 = 65,036.
  const T = ['The budget requirement is funded as:\t\t', ' Gross Expenditure\t160,189\t', ' Income\t-12,991\t',
    ' Contribution to/(from) Reserves and  Balances\t-5,509\t', 'Total Budget 2017/18\t141,689\t', 'Funded by:\t\t',
    ' Home Office Grant\t-67,762\t', ' Council Tax Support Grant\t-5,746\t', ' Council Tax Freeze Grants\t-2,152\t',
    'Total Government Funding\t-75,660\t', ' Estimated Collection Fund Surplus\t-993\t-76,653', 'Balance required from the Precept\t65,036\t'].join('\n');
  it('clean as printed; its figure or the surplus changed is found at the balance (it was read as a line once a figure was wrong)', () => {
    assert.equal(exitCodeOf(audit(T)), 0);
    for (const [row, to] of [[12, '65,037'], [11, '-994']] as const) {
      const r = audit(change(T, row, 2, to));
      assert.deepEqual(flagged(r), [[12, 2]]);
    }
  });
});

describe('audit: rules typed as characters ("------", "======")', () => {
  it('are read as rules, not unreadable figures: the council tax base casts, less the allowance for losses (exit 0, three totals)', () => {
    const r = audit(GM);
    assert.equal(exitCodeOf(r), 0);
    assert.equal(r.tables[0].checked.totals, 3);
    assert.ok(!rules(r).includes('printed.unreadable'));
  });
  it('a figure under them changed is still caught', () => {
    assert.equal(exitCodeOf(audit(change(GM, 15, 4, '63,164'))), 1);
  });
});
