// Kinds of table the audit had not been tuned for, each found on a real published table by running
// the audit on tables nobody had read (session 4's trial: the finding numbers are those of its notes),
// shown here on the table as printed (transcribed exactly, source named) and with one figure changed.
// Every expected figure is recomputed here by hand from the printed ones, in exact decimal.
import assert from 'node:assert/strict';
import { type AuditReport, auditGrids, exitCodeOf } from '../../src/audit/audit';
import { readDelimited } from '../../src/audit/delimited';

const audit = (text: string, name = 'table.tsv'): AuditReport => auditGrids([readDelimited(text, name)], { trace: true });
/** The error and warning findings as "row:column rule expected". */
const flags = (r: AuditReport) => r.findings.filter((f) => f.severity !== 'note').map((f) => `${f.row}:${f.column} ${f.rule} ${f.expected}`);
const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n') + '\n';

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
});
