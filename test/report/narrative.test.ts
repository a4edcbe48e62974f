// The narrative tied to the tables, on a real report: North Wales Fire and Rescue Authority, meeting of
// 16 December 2019, item 7 "Provisional Outturn 2019/20" (test/fixtures/published/bodies/
// nwfire-2019-20-revenue-monitoring: the table exactly as printed, and the narrative's sentences as
// the report prints them). Worked by hand in £000: budget 35,237; employee costs 27,176 (the text says
// £27.271m); 27,176 ÷ 35,237 = 77.12% (77% quoted); the employee underspend 26,933 − 27,176 = −243
// (£0.243m quoted). The table's headers say "£" over figures in £000.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dec } from '../../src/base/decimal';
import { auditReport } from '../../src/report/audit-report';
import type { DocParagraph } from '../../src/report/document';
import { quotesIn, reportYear } from '../../src/report/narrative';
import { readHtmlReport } from '../../src/report/html';
import { readTextReport } from '../../src/report/text';

const BODY = join(__dirname, '..', 'fixtures', 'published', 'bodies', 'nwfire-2019-20-revenue-monitoring');

const para = (text: string): DocParagraph => ({ text, where: 'paragraph 1' });

describe('report audit: the narrative tied to the tables', () => {
  it('reads amounts and percentages as people write them, at the precision quoted', () => {
    const q = quotesIn(para('An underspend of £370,741 (£0.371m), or 0.2 per cent; capital of £2.4 million; reserves of £13.5m fell by 3.6%.'));
    assert.deepEqual(q.map((x) => [x.text, x.kind, x.value.toString(), x.step.toString()]), [
      ['£370,741', 'money', '370741', '1'],
      ['£0.371m', 'money', '371000', '1000'],
      ['£2.4 million', 'money', '2400000', '100000'],
      ['£13.5m', 'money', '13500000', '100000'],
      ['0.2 per cent', 'percent', '0.2', '0.1'],
      ['3.6%', 'percent', '3.6', '0.1'],
    ]);
    // "£15.467" beside "£13.605m": the unit the sentence uses
    const [, b] = quotesIn(para('Expenditure of £13.605m against a programme of £15.467.'));
    assert.equal(b.unitInferred, true);
    assert.ok(b.value.eq(new Dec('15467000')));
  });

  it('North Wales Fire 2019/20: £27.271m differs from the table (£27.176m), the rest tie; the table is read in £000 as the text quotes it', () => {
    const table = readFileSync(join(BODY, 'table.tsv'), 'utf8');
    const md = [
      '# Provisional Outturn 2019/20',
      '',
      'The Authority approved a revenue budget of £35.2m. The forecast outturn position remains that the Authority will achieve a breakeven against this budget. A budget realignment was approved at the FRA meeting in September 2019.',
      '',
      'The Authority approved a capital budget of £3.1m on 17 December 2018. This has been reviewed and revised to £2.1m.',
      '',
      'The table below sets out the draft revenue outturn position. This details a breakeven position against the budget of £35.237m.',
      '',
      table.trim(),
      '',
      'For the 2019/20 financial year, the employee budget is £27.271m representing 77% of net expenditure. The draft outturn forecast is an underspend position of £0.243m.',
    ].join('\n');
    const r = auditReport(readTextReport(md, 'nwfire.md'));
    const tie = (t: string) => r.ties.find((x) => x.quote.text === t)!;
    assert.equal(tie('£35.2m').status, 'rounded');
    assert.equal(tie('£35.237m').status, 'tied');
    assert.equal(tie('£0.243m').status, 'tied');
    assert.equal(tie('£27.271m').status, 'different');
    assert.equal(tie('£27.271m').expected, '£27.176m');
    assert.equal(tie('77%').status, 'rounded');
    assert.match(tie('77%').source!, /77\.12%/);
    // the capital budget is not in this report's tables; £2.1m has no source, but £3.1m, quoted to two
    // figures, coincides with Capital Financing 3,055 (£3.055m rounds to £3.1m): a tie names its source
    // so a person can see such a coincidence, and it raises nothing
    assert.equal(tie('£2.1m').status, 'unsourced');
    assert.equal(tie('£3.1m').status, 'rounded');
    assert.match(tie('£3.1m').source!, /Capital Financing/);
    // (the table's own arithmetic is the audit's: test/fixtures/published/audit/nwfire-revenue-2019-20-dec.tsv)
    const flagged = r.findings.filter((f) => f.severity !== 'note' && f.rule.startsWith('narrative.'));
    assert.deepEqual(flagged.map((f) => [f.rule, f.printed, f.expected]), [['narrative.different', '£27.271m', '£27.176m']]);
    const notes = r.findings.filter((f) => f.severity === 'note' && f.rule.startsWith('narrative.')).map((f) => f.rule).sort();
    assert.deepEqual(notes, ['narrative.table-units', 'narrative.unsourced']);
    // "17 December 2018" is when the budget was approved, before the year: not stale
    assert.ok(!r.findings.some((f) => f.rule === 'narrative.stale-date'));
  });

  it("the report's own year is the one it names most often, and earlier years in its text are noted", () => {
    const paragraphs = [para('The 2020/21 outturn and the 2020/21 budget.'), para('Carried forward to 2021-22; see the 2018/19 accounts.')];
    assert.equal(reportYear(paragraphs, []), 2020);
    const md = 'The outturn for 2020/21 is £1.0m against a budget for 2020/21 of £1.1m.\n\nSee the 2018/19 Statement of Accounts.\n';
    const r = auditReport(readTextReport(md, 'x.md'));
    assert.deepEqual(r.findings.filter((f) => f.rule === 'narrative.stale-year').map((f) => f.printed), ['2018/19']);
  });

  // North Wales Fire and Rescue Authority, meeting of 15 March 2021, "Provisional Outturn" (position at
  // 31 January 2021): https://www.tangogleddcymru.llyw.cymru/fire-and-rescue-authority/2019-onwards-meetings-agendas-and-reports/2021/3/fra-15-march-2021/provisional-outturn/
  // The table is test/fixtures/published/audit/nwfire-revenue-2020-21-mar.tsv (as printed); the
  // sentences below are the report's own, then the same report with the slips a report author makes.
  // By hand (£000): Premises variance 516 (£516k, £0.5m to one place); Total 35,942; Supplies 954 ÷
  // 5,145 = 18.542%; Premises 516 ÷ 2,475 = 20.848% (21% rounded, 20% cut short); Employees 27,069
  // ÷ gross expenditure 38,529 (27,069 + 2,475 + 1,004 + 5,145 + 2,836) = 70.26%, the report says 72%.
  const NWFIRE_2021 = readFileSync(join(__dirname, '..', 'fixtures', 'published', 'audit', 'nwfire-revenue-2020-21-mar.tsv'), 'utf8').trim();
  const nwfire2021 = (...extra: string[]) => auditReport(readTextReport([
    '# Provisional Outturn',
    '',
    'The Authority approved a revenue budget of £35.9m at its meeting on 16 December 2019. The forecast outturn position remains that the Authority will achieve a breakeven against this budget, including a transfer of £0.1m to earmarked reserves.',
    '',
    'The Authority approved a capital budget of £4.1m on 16 December 2019. Due to the restrictions faced by the Covid-19 pandemic, this has been reviewed and expenditure revised to £0.15m.',
    '',
    'The table below sets out the projected revenue outturn position for the 2020/21 financial year. This confirms a projected breakeven position against the budget of £35.942m.',
    '',
    NWFIRE_2021,
    '',
    'For the 2020/21 financial year, the budget for expenditure relating to employees is £27.07m which represents 72% of gross expenditure. The draft outturn forecast is an underspend position of £1.2m.',
    ...extra.flatMap((e) => ['', e]),
  ].join('\n'), 'nwfire-2021.md'));
  const tieOf = (r: ReturnType<typeof auditReport>, text: string) => r.ties.find((x) => x.quote.text === text)!;

  it('North Wales Fire 2020/21 as published: every amount ties, nothing is raised above a note', () => {
    const r = nwfire2021();
    assert.deepEqual(r.findings.filter((f) => f.severity !== 'note' && f.rule.startsWith('narrative.')), []);
    assert.equal(tieOf(r, '£35.942m').status, 'tied');
    assert.equal(tieOf(r, '£35.9m').status, 'rounded');
    assert.equal(tieOf(r, '£0.1m').status, 'rounded'); // the transfer to reserves, 104
    assert.equal(tieOf(r, '£27.07m').status, 'rounded');
    assert.equal(tieOf(r, '£1.2m').status, 'rounded');
    // "72% of gross expenditure": gross expenditure is not a figure of the table; it is not said to differ
    assert.equal(tieOf(r, '72%').status, 'unsourced');
    // the capital budget is not in the report's tables (its "Capital Financing" row is another thing)
    assert.equal(tieOf(r, '£4.1m').status, 'unsourced');
  });

  it('a figure the sentence clearly quotes but misquotes is different, with the figure it should be: digits swapped, a row named, a total by its synonyms', () => {
    const r = nwfire2021(
      'Premises are forecast to overspend by £561k, mainly on repairs.',
      'Premises are forecast to overspend by £0.6m.',
      'In total, the budget of £35.924m is expected to be spent.',
      'The employee underspend includes £0.3m of overtime.',
      'The budget for employees, first set at £28.5m, was revised to £27.07m.',
    );
    const by = (text: string) => r.findings.filter((f) => f.printed === text && f.rule.startsWith('narrative.'));
    // 561 for 516: a transposition, in the row the sentence names
    assert.deepEqual(by('£561k').map((f) => [f.severity, f.rule, f.expected]), [['warning', 'narrative.different', '£516k']]);
    assert.match(by('£561k')[0].message, /Premises.*516 gives £516k \(the row the sentence speaks of; two digits swapped\)/);
    // £0.6m is not "516 + 104 (Transfers to/from reserves) within rounding": that sum means nothing;
    // the sentence names Premises, whose 516 is £0.5m
    assert.equal(tieOf(r, '£0.6m').status, 'different');
    assert.equal(tieOf(r, '£0.6m').expected, '£0.5m');
    assert.doesNotMatch(tieOf(r, '£0.6m').source!, /sum|Transfers/);
    // the total, named by "in total" / "the budget", and a transposition of exactly one figure
    assert.equal(tieOf(r, '£35.924m').status, 'different');
    assert.equal(tieOf(r, '£35.924m').expected, '£35.942m');
    // an amount the table does not give, in a sentence naming Employees but nowhere near its figures: a note only
    assert.equal(tieOf(r, '£0.3m').status, 'unsourced');
    // 28.5 is within a tenth of Employees' 27,069, but the sentence quotes 27,069 itself: another amount, not a misquote
    assert.equal(tieOf(r, '£28.5m').status, 'unsourced');
  });

  it('a percentage quoted alone is checked as its amount\'s share of its row\'s budget: tied within rounding, cut short, different', () => {
    const r = nwfire2021(
      'Supplies, services and third party payments are forecast at £6.099m, an overspend of £0.954m (18.5% of budget).',
      'Premises show an overspend of £516k (20%).',
      'Capital financing is forecast to underspend by £245k (9.6% of budget).',
    );
    // 954 ÷ 5,145 = 18.542%
    assert.equal(tieOf(r, '18.5%').status, 'rounded');
    assert.match(tieOf(r, '18.5%').source!, /954 ÷ its row's budget .*5,145 = 18\.54%/);
    // 516 ÷ 2,475 = 20.848%: 21% rounded; "20%" is cut short (two figures, of the amount beside it)
    assert.equal(tieOf(r, '20%').status, 'truncated');
    assert.equal(tieOf(r, '20%').expected, '21%');
    // 245 ÷ 2,836 = 8.639%: "9.6%" is different, and says what it should be
    assert.equal(tieOf(r, '9.6%').status, 'different');
    assert.equal(tieOf(r, '9.6%').expected, '8.6%');
    const flagged = r.findings.filter((f) => f.severity !== 'note' && f.rule.startsWith('narrative.'));
    assert.deepEqual(flagged.map((f) => [f.rule, f.printed, f.expected]), [['narrative.truncated', '20%', '21%'], ['narrative.different', '9.6%', '8.6%']]);
  });

  it('a finding in a web page names the paragraph as a reader counts it: headings not counted, the heading it sits under, or the report\'s own paragraph number', () => {
    // the North Wales Fire 15 March 2021 report above, as its web page lays it out (headings in capitals)
    const html = [
      '<h1>Provisional Outturn</h1>',
      '<h2>PURPOSE OF REPORT</h2>',
      '<p>This reports sets out the projected outturn position for the 2020/21 financial year as at 31 January 2021.</p>',
      '<h2>REVENUE BUDGET</h2>',
      '<p>The table below sets out the projected revenue outturn position for the 2020/21 financial year. This confirms a projected breakeven position against the budget of £35.942m.</p>',
      `<table>${NWFIRE_2021.split('\n').map((l) => `<tr>${l.split('\t').map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`,
      '<p>Premises are forecast to overspend by £561k, mainly on repairs.</p>',
      '<p>3.4 Capital financing is forecast to underspend by £254k.</p>',
    ].join('\n');
    const r = auditReport(readHtmlReport(html, 'nwfire.html'));
    const at = (printed: string) => r.findings.find((f) => f.printed === printed)!.where;
    assert.equal(at('£561k'), 'paragraph 3 (the 2nd under the heading “REVENUE BUDGET”)');
    // a paragraph that prints its own number is named by it; 254 for 245 is a transposition
    assert.equal(at('£254k'), 'paragraph 3.4');
    assert.equal(r.findings.find((f) => f.printed === '£254k')!.expected, '£245k');
  });

  it('real narratives beside their tables: amounts the tables do not give stay notes, not "different" (SFRS 2017/18, Gloucestershire 2015/16, Dorset 2012/13)', () => {
    // The tables and sentences as printed, from test/fixtures/published/bodies/*/ (table.tsv, notes.md):
    // SFRS Board 25 October 2018, B/FCS/13-18 "Capital Budget Outturn Report 2017/18"; Gloucestershire
    // Budget Monitoring Report 2015/16 (26/05/16); Dorset Police JIAC 5 September 2013, item 6.
    const body = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'published', 'bodies', name, 'table.tsv'), 'utf8').trim();
    const audit = (table: string, ...text: string[]) => auditReport(readTextReport([...text.slice(0, 1), '', table, '', ...text.slice(1)].join('\n'), 'r.md'));
    const sfrs = audit(body('sfrs-2017-18-capital-outturn'),
      'Within the Cash DEL funding for 2017/18, the Capital Programme was set at £32.500 million.',
      'The Capital Programme initially anticipated income from capital receipts of £9.500million, which was revised during the year to £8.397 million. The final Net Capital Expenditure for 2017/18 was £31.335 million.');
    // £9.500million names Capital Receipts (8,397 is 11.6% away, and the sentence quotes 8,397 itself):
    // the original estimate, not a misquote
    assert.equal(sfrs.ties.find((t) => t.quote.text === '£9.500million')!.status, 'unsourced');
    assert.equal(sfrs.ties.find((t) => t.quote.text === '£8.397 million')!.status, 'tied');
    assert.equal(sfrs.ties.find((t) => t.quote.text === '£31.335 million')!.status, 'tied');
    const gloucs = audit(body('gloucs-2015-16-revenue-outturn'),
      'Revenue Account (underspend of £0.025m); Reserves (£27.191m at 31st March 2016); Capital programme (£7.358m spend in year; £6.328m deferred expenditure).',
      'The outturn for the year shows an underspend of £25k.');
    assert.equal(gloucs.ties.find((t) => t.quote.text === '£25k')!.status, 'tied');
    const dorset = audit(body('dorset-2012-13-revenue-outturn'),
      'For the 2012/13 financial year the Force has achieved an under spend of £2.321m against budget of £117.611m (2%).',
      'The Treasurer has already transferred £1,705m to capital to fund the existing capital programme, as was previously agreed.');
    for (const r of [sfrs, gloucs, dorset]) {
      assert.deepEqual(r.findings.filter((f) => f.severity !== 'note' && f.rule.startsWith('narrative.')).map((f) => f.printed), []);
    }
  });

  it('a percentage beside the total\'s amount is its share of the budget total: PCC for Surrey 2021/22 outturn (£m)', () => {
    // Source: PCC for Surrey, Decision 020/2022 "Revenue and Capital Outturn 2021/22", the group table
    // as printed (../shared/audit-corpus/published-1.tsv, without its stale title line); the sentences
    // are an author's, with slips. By hand: 1.7 ÷ 261.7 = 0.64960%; 1.5 ÷ 258.9 = 0.57937%.
    const table = [
      '\tActual\tBudget\tVariance\t',
      '\t£m\t£m\t£m\t%',
      'Police Force\t257.4\t258.9\t(1.5)\t0.58',
      'Office of the PCC\t2.6\t2.8\t(0.2)\t0.07',
      'Total Police Fund\t260.0\t261.7\t(1.7)\t0.65%',
    ].join('\n');
    const r = auditReport(readTextReport([
      'The group outturn for 2021/22 is an underspend of £1.7m (0.64%).',
      '',
      table,
      '',
      'The Police Force underspent by £1.5m (0.5%). Overall the underspend is £1.7m (0.6% of budget).',
    ].join('\n'), 'surrey.md'));
    const t = (text: string) => r.ties.filter((x) => x.quote.text === text);
    // 0.64%: 0.6496% cut short (the table's own % column prints 0.65%)
    assert.deepEqual(t('0.64%').map((x) => [x.status, x.expected]), [['truncated', '0.65%']]);
    assert.match(t('0.64%')[0].source!, /261\.7 = 0\.65%/);
    // 0.5%: 1.5 ÷ 258.9 = 0.579%, 0.6% to one place: different (too coarse to call cut short)
    assert.deepEqual(t('0.5%').map((x) => [x.status, x.expected]), [['different', '0.6%']]);
    assert.deepEqual(t('0.6%').map((x) => x.status), ['rounded']);
  });

  it('three amounts quoted as one position relate as the table relates their columns: PCC for Surrey, decision 007/2022 (Q3 2021/22)', () => {
    // Source: PCC for Surrey, Decision Log 007-2022 "3rd Quarter 2021/22 Financial Performance and Budget
    // Virements" (surrey-pcc.gov.uk/decisions/decision-log-007-2022-…): the table and the sentences as
    // printed. By hand (£m): on every row Total Budget − Projected Outturn = Projected Variance
    // (261.7 − 260.4 = 1.3; − 259.8 = 1.9; − 259.6 = 2.1); the sentence quotes 261.7, Month 8's 259.8 and
    // Month 9's 2.1: 261.7 − 259.8 = 1.9, not 2.1. 2.1 ÷ 261.7 = 0.80244…% (0.8% quoted, in the next sentence).
    const table = [
      'Surrey\t2021/22 PCC Budget £m\t2021/22 Operational Budget £m\tTotal Budget £m\t2021/22 Projected Outturn £m\tProjected Variance £m',
      'Month 7\t2.8\t258.9\t261.7\t260.4\t(1.3)',
      'Month 8\t2.8\t258.9\t261.7\t259.8\t(1.9)',
      'Month 9\t2.8\t258.9\t261.7\t259.6\t(2.1)',
    ].join('\n');
    const audit = (sentence: string) => auditReport(readTextReport([sentence, '', table].join('\n'), 'surrey.md'));
    const printed = audit('The total budget for Surrey is £261.7m for 2021/22, against this the forecast outturn position is £259.8m resulting in an underspend of £2.1m. This amounts to 0.8% of the overall budget.');
    const t = (text: string) => printed.ties.find((x) => x.quote.text === text)!;
    assert.equal(t('£261.7m').status, 'tied');
    assert.equal(t('£259.8m').status, 'tied');
    assert.deepEqual([t('£2.1m').status, t('£2.1m').expected], ['different', '£1.9m']);
    assert.match(t('£2.1m').why!, /£259\.8m is row 3 “Month 8”, £2\.1m is row 4 “Month 9”/);
    assert.equal(printed.findings.filter((f) => f.rule === 'narrative.different').map((f) => f.printed).join(), '£2.1m');
    // "This amounts to 0.8%": the share of the sentence before's amounts, 2.1 ÷ 261.7
    assert.equal(t('0.8%').status, 'rounded');
    assert.match(t('0.8%').source!, /£2\.1m ÷ £261\.7m/);
    // one row's three figures (Month 9): nothing to say
    const month9 = audit('The total budget is £261.7m; the forecast outturn is £259.6m, an underspend of £2.1m.');
    assert.deepEqual(month9.ties.map((x) => x.status), ['tied', 'tied', 'tied']);
    assert.deepEqual(month9.findings.filter((f) => f.rule.startsWith('narrative.') && f.severity !== 'note'), []);
    // a budget quoted with the variance of a row and the outturn of another, rounded to £m: within the
    // rounding of the three (262 − 260 = 2), not flagged
    const rounded = audit('The budget of £262m against an outturn of £260m gives an underspend of £2m.');
    assert.deepEqual(rounded.findings.filter((f) => f.rule === 'narrative.different'), []);
  });

  it('a column headed "£\'m" is in £m: Cumbria PCC\'s analysis of council tax requirement 2019-20 (as the council\'s page prints it)', () => {
    // Source: test/fixtures/published/audit/cumbria-pcc-ctr-2018-20.tsv (Eden DC's page on the Cumbria PCC
    // precept; see SOURCES.md there); the sentence is the session-6 new user's, quoting four printed figures.
    const table = readFileSync(join(__dirname, '..', 'fixtures', 'published', 'audit', 'cumbria-pcc-ctr-2018-20.tsv'), 'utf8').trim().split('\n').slice(1).join('\n');
    const r = auditReport(readTextReport([
      'The gross expenditure budget for 2019-20 is £145.754m, against £141.506m in 2018-19. After fees, grants and a contribution from reserves of £5.748m, the council tax requirement for the Commissioner is £43.820m.',
      '', table,
    ].join('\n'), 'cumbria.md'));
    const tie = (text: string) => r.ties.find((x) => x.quote.text === text)!;
    for (const q of ['£145.754m', '£141.506m', '£5.748m', '£43.820m']) assert.equal(tie(q).status, 'tied', q);
    assert.equal(tie('£43.820m').figure!.column, 3);
    assert.match(tie('£43.820m').source!, /Council Tax Requirement for The Police and Crime Commissioner/);
  });
});
