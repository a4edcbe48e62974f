// How a table's blocks are read (session 5's trial). Spacer rows (entry 9): an HTML table's empty rows, or a blank line between the
// blocks of one build-up, do not end the table; and a line named in a column of its own beside "Less"
// ("Less | Fees and Charges", then " | Other Grants") is named by that text. Shown on the table as
// printed (transcribed exactly, source named) and with one figure changed; every expected figure
// recomputed by hand from the printed ones, in exact decimal.
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags, tsv } from '../support/audit-helpers';


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


// Fife Council, "How your council tax is spent": Calculation of Council Tax 2024-2025 (£000; the
// directorate table's % column aside): https://www.fife.gov.uk/kb/docs/articles/housing/council-tax/how-your-council-tax-is-spent
const fife = tsv([
  ['Calculation of Council Tax 2024-2025', '', '', ''],
  ['Gross Expenditure', '1,139,124', '', ''],
  ['Minus Fees & Charges', '78,181', '', ''],
  ['Net Spending', '1,060,943', '', ''],
  ['SPENDING PER DIRECTORATE', 'Net Expenditure (excluding capital charges)', 'Capital Charges', 'Net Expenditure (including capital charges)'],
  ['', '£000', '£000', '£000'],
  ['Education', '446,047', '38,222', '484,269'],
  ['Health & Social Care', '249,345', '1,327', '250,672'],
  ['Place', '140,720', '29,440', '170,160'],
  ['Finance & Corporate Services', '67,149', '5,510', '72,659'],
  ['Communities', '158,849', '9,588', '168,437'],
  ['Other Services', '2,253', '0', '2,253'],
  ['Additional Items', '-57,898', '0', '-57,898'],
  ['Adjustment for Capital Charges', 'n/a', '-29,609', '-29,609'],
  ['NET SERVICE EXPENDITURE', '1,006,465', '54,478', '1,060,943'],
  ['Financed by:', '', '', ''],
  ['Government Grants', '', '', '724,533'],
  ['Non-Domestic Rates', '', '', '143,471'],
  ['Total amount to be met from Council Tax', '', '', '192,939'],
  ['', '', '', '1,060,943'],
]);

describe('audit: a header under a block with none starts a table; a "Total …" line the row below adds (Fife 2024/25)', () => {
  it('as printed: two tables, no unreadable header cells, clean', () => {
    const r = audit(fife);
    assert.deepEqual(r.tables.map((t) => t.range), ['rows 1-4', 'rows 5-20']);
    assert.deepEqual(flags(r), []);
    assert.equal(exitCodeOf(r), 0);
    // 1,139,124 − 78,181 = 1,060,943; the directorates 446,047 + … − 57,898 + n/a = 1,006,465 (and 54,478;
    // 1,060,943); 724,533 + 143,471 + 192,939 = 1,060,943, the unlabelled row under "Total amount to be met …"
    assert.deepEqual(r.tables[1].totals.map((t) => [t.row, t.from, t.to]), [[15, 7, 14], [20, 17, 19]]);
    assert.ok(r.findings.some((f) => f.rule === 'cast.total-read-as-line' && f.row === 19));
  });

  it('the amount from council tax printed 192,993: read still as a line (smaller than the grants line above it, no total of them); the unlabelled total is found out', () => {
    const r = audit(fife.replace('192,939', '192,993'));
    // 724,533 + 143,471 + 192,993 = 1,060,997 against the 1,060,943 printed
    assert.deepEqual(flags(r), ['20:4 auto.cast 1060997']);
    assert.equal(exitCodeOf(r), 1);
  });

  it('the financing total ties to the expenditure it finances (NET SERVICE EXPENDITURE above "Financed by:")', () => {
    assert.equal(audit(fife).tables[1].checked.totals, 5); // row 15 cast in its 3 columns, row 20 in its one, and the tie
    // The unlabelled total printed doubled (2,121,886): found at its own cell, by the cast and by the tie
    // (never read as NET SERVICE EXPENDITURE + the financing: what finances a total is not added to it).
    const r = audit(fife.replace('\t\t\t1,060,943\n', '\t\t\t2,121,886\n'));
    assert.deepEqual(flags(r), ['20:4 auto.cast.financed 1060943', '20:4 auto.cast 1060943']);
  });

  it('a header naming only units over the first block does not stop the captions row below from starting a table', () => {
    const r = audit(fife.replace('Calculation of Council Tax 2024-2025\t\t\t\n', 'Calculation of Council Tax 2024-2025\t\t\t\n\t£\'000\t\t\n'));
    assert.equal(r.tables.length, 2);
    assert.deepEqual(flags(r), []);
  });
});

// Newcastle-under-Lyme Borough Council, "How Council Tax is calculated and spent" (2023-24 and 2024-25,
// £000's): https://www.newcastle-staffs.gov.uk/council-tax/council-tax-summary/6
const newcastle = tsv([
  ['', "2023-24 (£000's)", "2024-25 (£000's)"],
  ['Gross expenditure (excluding contributions to reserves)', '59,032', '59,443'],
  ['Income (excluding contributions from reserves, government support and retained business rates income)', '-40,482', '-40,899'],
  ['Expenditure before contributions to/from reserves', '18,550', '18,545'],
  ['Contributions +to/- from reserves', '-1,693', '-1,499'],
  ['Total net expenditure', '16,857', '17,046'],
  ['Retained business rates income', '-6,986', '-7,568'],
  ['Government support (including new homes bonus, COVID-19 funding and collection fund deficit)', '-1,702', '-1,006'],
  ['Council Tax requirement', '8,169', '8,472'],
]);

describe('audit: a sub-total with no total word, exact in one year and within rounding in the other (Newcastle-under-Lyme 2024-25)', () => {
  it('as printed: read as the sub-total of the two lines above; the 2024-25 figure a rounding warning (59,443 − 40,899 = 18,544, printed 18,545)', () => {
    const r = audit(newcastle);
    assert.deepEqual(flags(r), ['4:3 auto.cast 18544']);
    assert.equal(r.findings.find((f) => f.row === 4)!.severity, 'warning');
    assert.deepEqual(r.tables[0].totals.map((t) => [t.row, t.from, t.to]), [[4, 2, 3], [6, 4, 5], [9, 6, 8]]);
  });

  it('a line whose figures merely come near the lines above in one column is not a total by its arithmetic (exact in none); its place makes it one — the total below adds it in place of the two lines above, in no other total — and both its figures are checked', () => {
    const r = audit(newcastle.replace('18,550', '18,551'));
    assert.match(r.tables[0].totals.find((t) => t.row === 4)!.why, /in the middle of the rows: the lines above it are in no other total/);
    // 59,032 − 40,482 = 18,550 (printed 18,551); 59,443 − 40,899 = 18,544 (printed 18,545): one unit each, within the rounding of two figures.
    assert.deepEqual(r.findings.filter((f) => f.row === 4).map((f) => `${f.severity} ${f.column} ${f.expected}`), ['warning 2 18550', 'warning 3 18544']);
  });
});

// Scottish Government, Scottish Local Government Financial Statistics 2012-13, Annex A: service
// analysis of General Fund revenue expenditure and income (£ thousands), as published at
// http://www.gov.scot/publications/scottish-local-government-financial-statistics-2012-13/pages/10/
const slgfs = tsv([
  ['ANNEX A - Service Analysis of General Fund Revenue Expenditure and Income, 2012-13', '', '', '', '', '', '', ''],
  ['£ thousands', '', '', '', '', '', '', ''],
  ['', 'Revenue Contributions to Capital', 'Support Service Costs', 'All other Expenditure', 'Adjustment for Inter Account and Inter Authority Transfers', 'Total Expenditure', 'Total Income', 'Net Revenue Expenditure'],
  ['Education', '14,798', '184,132', '4,601,660', '-26,136', '4,774,454', '188,205', '4,586,249'],
  ['Pre-primary education', '761', '11,015', '303,603', '-999', '314,380', '13,388', '300,992'],
  ['Primary education', '8,056', '69,989', '1,751,069', '-7,511', '1,821,603', '61,534', '1,760,069'],
  ['Secondary education', '4,313', '72,105', '1,878,586', '-8,716', '1,946,288', '74,566', '1,871,722'],
  ['Special education', '1,549', '16,923', '498,627', '-6,591', '510,508', '13,643', '496,865'],
  ['Community Learning', '68', '7,798', '134,451', '-1,244', '141,073', '18,783', '122,290'],
  ['Other non-school funding', '51', '6,302', '35,324', '-1,075', '40,602', '6,291', '34,311'],
  ['Cultural and related services', '4,321', '42,135', '698,459', '-41,808', '703,107', '89,432', '613,675'],
  ['Museums and galleries', '33', '2,520', '43,671', '-66', '46,158', '3,671', '42,487'],
  ['Other cultural and heritage services', '418', '4,418', '59,024', '-828', '63,032', '15,634', '47,398'],
  ['Library service', '351', '8,511', '108,937', '-491', '117,308', '4,640', '112,668'],
  ['Tourism', '9', '692', '29,496', '-270', '29,927', '4,748', '25,179'],
  ['Countryside recreation and management', '576', '1,821', '24,657', '-502', '26,552', '2,756', '23,796'],
  ['Sport facilities', '611', '7,779', '196,376', '-1,943', '202,823', '33,036', '169,787'],
  ['Community parks and open spaces', '1,746', '11,924', '174,712', '-36,251', '152,131', '13,856', '138,275'],
  ['Other recreation and sport', '577', '4,470', '61,586', '-1,457', '65,176', '11,091', '54,085'],
]);

describe('audit: groups printed above their lines, several in one table (SLGFS 2012-13 service analysis)', () => {
  it('as printed: "Education" adds the six services under it and "Cultural and related services" the eight under it, in all seven columns', () => {
    const r = audit(slgfs);
    assert.deepEqual(flags(r), []);
    // Education: 761 + 8,056 + 4,313 + 1,549 + 68 + 51 = 14,798; … total expenditure 314,380 + 1,821,603 + 1,946,288 + 510,508 + 141,073 + 40,602 = 4,774,454
    assert.deepEqual(r.tables[0].totals.map((t) => [t.row, t.from, t.to]), [[4, 5, 10], [11, 12, 19]]);
    assert.equal(r.tables[0].checked.totals, 14);
  });

  it('a service changed in one column (Library service, All other Expenditure 108,937 → 108,973): found at its cell, the one figure its group\'s cast and its row\'s cross-cast share; the group\'s difference a note that names it', () => {
    const r = audit(slgfs.replace('\t108,937\t', '\t108,973\t'));
    assert.ok(flags(r).includes('14:4 auto.shared-figure 108937'), flags(r).join('; '));
    const group = r.findings.find((f) => f.row === 11 && f.column === 4)!;
    assert.deepEqual([group.severity, group.rule, group.expected], ['note', 'auto.cast.explained', '698495']);
  });
});
