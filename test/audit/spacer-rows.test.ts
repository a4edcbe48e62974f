// Spacer rows (session 5's trial, entry 9): an HTML table's empty rows, or a blank line between the
// blocks of one build-up, do not end the table; and a line named in a column of its own beside "Less"
// ("Less | Fees and Charges", then " | Other Grants") is named by that text. Shown on the table as
// printed (transcribed exactly, source named) and with one figure changed; every expected figure
// recomputed by hand from the printed ones, in exact decimal.
import assert from 'node:assert/strict';
import { type AuditReport, auditGrids, exitCodeOf } from '../../src/audit/audit';
import { readDelimited } from '../../src/audit/delimited';

const audit = (text: string): AuditReport => auditGrids([readDelimited(text, 'table.tsv')], { trace: true });
const flags = (r: AuditReport) => r.findings.filter((f) => f.severity !== 'note').map((f) => `${f.row}:${f.column} ${f.rule} ${f.expected}`);
const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n') + '\n';

// Barrow Borough Council, "Cumbria Commissioner Fire and Rescue Authority income and expenditure"
// (2023/24, £m): https://barrowbc.gov.uk/residents/council-tax/council-tax-charges/cumbria-commissioner-fire-and-rescue-authority-income-and-expenditure/
// The page leaves out the line "Redistributed Council Tax (surplus)/deficit 0.067" that Eden DC's page
// for the same authority prints (../shared/audit-corpus/cumbria-fire-2023-24-eden.tsv).
const barrow = tsv([
  ['How Council Tax Requirement for Cumbria Fire and Rescue is Calculated', '', ''],
  ['', '', '2023/24'],
  ['', '', '£m'],
  ['', '', ''],
  ['Firefighter Pay and Allowances', '', '17.044'],
  ['Support Staff Pay and Allowances', '', '1.499'],
  ['Other Employee Costs', '', '0.707'],
  ['Premises Costs', '', '2.497'],
  ['Transport Costs', '', '0.897'],
  ['Support Services', '', '3.485'],
  ['Supplies & Services', '', '1.310'],
  ['Capital Financing Charges', '', '2.669'],
  ['Contribution to Reserves', '', '0.407'],
  ['Gross Expenditure', '', '30.515'],
  ['', '', ''],
  ['Less', 'Fees and Charges', '(0.169)'],
  ['', 'Other Grants', '(4.903)'],
  ['', '', ''],
  ['Net Expenditure / Budget Requirement', '', '25.443'],
  ['', '', ''],
  ['Revenue Support Grant Funding', '', '(3.211)'],
  ['Retained Business Rates', '', '(6.360)'],
  ['', '', ''],
  ['Council Tax Requirement for Cumbria Commissioner Fire and Rescue Authority', '', '15.939'],
]);

describe('audit: spacer rows inside one build-up (Barrow BC\'s page for Cumbria Fire, 2023/24)', () => {
  it('as printed: one table across the spacers; the requirement is found 0.067 out (25.443 − 3.211 − 6.360 = 15.872)', () => {
    const r = audit(barrow);
    assert.equal(r.tables.length, 1);
    assert.equal(r.tables[0].range, 'rows 5-24');
    assert.deepEqual(r.unchecked ?? [], []);
    assert.deepEqual(flags(r), ['24:3 auto.cast 15.872']);
    assert.equal(exitCodeOf(r), 1);
    // Gross 17.044 + 1.499 + 0.707 + 2.497 + 0.897 + 3.485 + 1.310 + 2.669 + 0.407 = 30.515; Net 30.515 − 0.169 − 4.903 = 25.443
    assert.deepEqual(r.tables[0].totals.map((t) => [t.row, t.from, t.to]), [[14, 5, 13], [19, 14, 17], [24, 19, 22]]);
    assert.equal(r.tables[0].checked.totals, 3);
  });

  it('the lines beside "Less" are named by their own text', () => {
    const r = audit(barrow.replace('(4.903)', '(4.904)'));
    const f = r.findings.find((x) => x.row === 19)!;
    assert.equal(`${f.row}:${f.column} ${f.expected}`, '19:3 25.442');
    assert.match(f.message, /Gross Expenditure … Other Grants/);
  });

  it('with the missing line put back (as Eden DC prints it), the requirement casts: clean', () => {
    const r = audit(barrow.replace('Retained Business Rates\t\t(6.360)\n', 'Retained Business Rates\t\t(6.360)\nRedistributed Council Tax (surplus)/deficit\t\t0.067\n'));
    assert.deepEqual(flags(r), []);
    assert.equal(exitCodeOf(r), 0);
  });

  it('a block under its own header after a blank row is still a table of its own', () => {
    const two = tsv([['Service', '2023/24 £m'], ['A', '1.000'], ['B', '2.000'], ['Total', '3.000'], ['', ''], ['Funding', '2023/24 £m'], ['Grant', '(1.000)'], ['Tax', '(2.000)'], ['Total funding', '(3.000)']]);
    assert.equal(audit(two).tables.length, 2);
  });
});

// Scottish Police Authority, Financial Outturn 27 June 2024, "Overall Outturn Summary" (£m):
// https://spa.police.uk/publication-library/financial-outturn-27-june-2024/further-detail
const spa = tsv([
  ['Overall Outturn Summary', 'Revenue', 'Capital', 'Reform - Revenue'],
  ['', '£m', '£m', '£m'],
  ['Total Expenditure (Provisional)', '1,347.7', '63.4', '20.0'],
  ['', '', '', ''],
  ['Funded By:', '', '', ''],
  ['Grant-in aid (core)', '1,328.2', '50.1', '20.0'],
  ['Grant-in aid (pay award)', '18.3', '0.0', '0.0'],
  ['Grant-in aid (additional)', '6.4', '0.1', '0.0'],
  ['IFRS 16 funding adjustment', '(5.2)', '8.4', '0.0'],
  ['Capital receipts', '0.0', '2.1', '0.0'],
  ['Other', '0.0', '2.7', '0.0'],
  ['Total Funding', '1,347.7', '63.4', '20.0'],
  ['Outturn position (Over) / Under', '0.0', '0.0', '0.0'],
  ['', '', '', ''],
  ['Total expenditure movement versus Q3 FC', '(11.2)', '8.5', '0.0'],
  ['Explained By:', '', '', ''],
  ['IFRS16 expenditure adjustment', '(5.2)', '8.4', '0.0'],
  ['(Reduction) / Increase in Q3 FC spend', '(5.0)', '0.1', '0.0'],
]);

describe('audit: a heading ending in a colon goes on with the table; a total above "Explained By:" and its lines (SPA outturn 2023/24)', () => {
  it('as printed: one table under its header (£m); the movement\'s Revenue figure is found 1.0 out ((5.2) + (5.0) = (10.2))', () => {
    const r = audit(spa);
    assert.equal(r.tables.length, 1);
    assert.equal(r.tables[0].units, '£m');
    assert.deepEqual(flags(r), ['15:2 auto.cast -10.2']);
    // Total Funding: 1,328.2 + 18.3 + 6.4 − 5.2 + 0 + 0 = 1,347.7; 50.1 + 0 + 0.1 + 8.4 + 2.1 + 2.7 = 63.4; 20.0.
    // The movement: capital 8.4 + 0.1 = 8.5, reform 0.0 + 0.0 = 0.0 (exact).
    assert.deepEqual(r.tables[0].totals.map((t) => [t.row, t.from, t.to]), [[12, 6, 11], [15, 17, 18]]);
    assert.equal(r.tables[0].checked.totals, 6);
  });

  it('with the movement printed (10.2), clean', () => {
    const r = audit(spa.replace('(11.2)', '(10.2)'));
    assert.deepEqual(flags(r), []);
    assert.equal(exitCodeOf(r), 0);
  });

  it('a capital line of the explanation changed (8.4 → 8.3): the movement is found out in that column too', () => {
    const r = audit(spa.replace('(11.2)', '(10.2)').replace('IFRS16 expenditure adjustment\t(5.2)\t8.4', 'IFRS16 expenditure adjustment\t(5.2)\t8.3'));
    assert.deepEqual(flags(r), ['15:3 auto.cast 8.4']);
  });
});

