// The rules of each statutory layout, each shown failing on a copy of a published table with one
// figure altered: found at its cell, with the amount.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AuditFinding, type GridCell, auditGrids, exitCodeOf } from '../../src/audit/audit';
import { readDelimited } from '../../src/audit/delimited';

const DIR = join(__dirname, '..', 'fixtures', 'derbyshire-2020-21');
const tsv = (file: string) => readFileSync(join(DIR, file), 'utf8');
const brief = (f: AuditFinding) => [f.severity, f.cell, f.rule, f.printed, f.expected, f.difference];
const audit = (text: string, name: string) => auditGrids([readDelimited(text, name)]);

describe('audit: statutory rules', () => {
  it('revenue: the total underspend is the total variance plus the adjustments; the net adds the earmarked amounts', () => {
    const text = tsv('table1-revenue-outturn.tsv').replace('additional Council Tax surpluses\t\t\t\t0', 'additional Council Tax surpluses\t\t\t\t(15,000)');
    assert.deepEqual(audit(text, 't1.tsv').findings.map(brief), [
      ['error', 'row 26, column over_under_spend', 'revenue.total-underspend', '-2428385', '-2443385', '15000'],
    ]);
    const net = tsv('table1-revenue-outturn.tsv').replace('(370,741)', '(370,471)');
    assert.deepEqual(audit(net, 't1.tsv').findings.map(brief), [
      ['error', 'row 31, column over_under_spend', 'revenue.net-underspend', '-370471', '-370741', '270'],
    ]);
  });

  it('revenue: a changed budget requirement (revised total ≠ original total) is a note', () => {
    const text = tsv('table1-revenue-outturn.tsv')
      .replace('Partnerships\t516,500\t562,100', 'Partnerships\t516,500\t572,100')
      .replace('\t378,098\t(184,002)', '\t378,098\t(194,002)')
      .replace('189,878,803\t189,878,803\t187,450,418\t(2,428,385)', '189,878,803\t189,888,803\t187,450,418\t(2,438,385)')
      .replace('TOTAL UNDERSPEND\t\t\t\t(2,428,385)', 'TOTAL UNDERSPEND\t\t\t\t(2,438,385)')
      .replace('(370,741)', '(380,741)');
    const r = audit(text, 't1.tsv');
    assert.deepEqual(r.findings.map(brief), [['note', 'row 24, column revised_budget', 'revenue.budget-requirement', '189888803', '189878803', '10000']]);
    assert.equal(exitCodeOf(r), 0);
  });

  it('capital: budget remaining is revised budget − outturn, and every category casts', () => {
    const text = tsv('table2-capital-outturn.tsv').replace('Tasers\t\t244\t245\t(1)', 'Tasers\t\t244\t245\t1');
    assert.deepEqual(audit(text, 't2.tsv').findings.map(brief), [
      ['error', 'row 15, column budget_remaining', 'capital.remaining', '1', '-1', '2'],
      // The category misses its lines by twice this line: the line is printed with the wrong sign (#10).
      ['error', 'row 15, column budget_remaining', 'capital.cast.sign', '1', '-1', '2'],
      // 2 out of four rounded figures: within their rounding (4 × ½), so a warning.
      ['warning', 'row 16, column budget_remaining', 'capital.cast', '156', '158', '-2'],
      ['note', 'row 18, column reprofile_to_2021_22', 'capital.reprofile-exceeds-remaining', '499', '465', '34'],
    ]);
  });

  it('capital: the grand total is the planned total plus the externally funded schemes', () => {
    const text = tsv('table2-capital-outturn.tsv').replace('\t15,467\t13,348\t2,119\t3,728', '\t15,467\t12,713\t2,754\t3,728');
    assert.deepEqual(audit(text, 't2.tsv').findings.map(brief).filter((f) => f[0] !== 'note'), [
      ['error', 'row 28, column outturn_2020_21', 'capital.cast', '12713', '13348', '-635'],
      ['error', 'row 28, column budget_remaining', 'capital.cast', '2754', '2119', '635'],
    ]);
  });

  it('reserves: transfers between reserves net to nil; a closing balance is the opening plus the flows', () => {
    const text = tsv('table3-reserves.tsv').replace('1,194,314\t(137,620)\t(217,100)', '1,194,314\t(137,620)\t(217,000)');
    const found = audit(text, 't3.tsv').findings.map(brief);
    // The altered transfer: its reserve no longer closes at 839,594; the useable transfers no longer cast;
    // and the transfers of the year net to 100. The one figure the three checks share is the transfer
    // itself: the error is there (−217,100 makes all three agree), the three differences notes naming it.
    assert.deepEqual(found.filter((f) => !String(f[2]).startsWith('reserves.cast') || String(f[1]).includes('transfers')), [
      ['error', 'row 7, column transfers_between_reserves_2020_21', 'reserves.shared-figure', '-217000', '-217100', '100'],
      ['note', 'row 7, column balance_2021_03_31', 'reserves.closing.explained', '839594', '839694', '-100'],
      ['note', 'row 13, column transfers_between_reserves_2020_21', 'reserves.cast.explained', '0', '100', '-100'],
      ['note', 'row 20, column transfers_between_reserves_2020_21', 'reserves.transfers-net-nil.explained', '100', '0', '100'],
    ]);
  });

  it('reserves: each year opens with the last close (when the table prints an opening balance per year)', () => {
    const g: GridCell[][] = [
      [null, 'Balance b/fwd 2021/22', 'Movements', 'Balance at 31/03/22', 'Balance b/fwd 2022/23', 'Movements', 'Balance at 31/03/23'],
      [null, '£', '£', '£', '£', '£', '£'],
      ['General', '1,000', '(100)', '900', '900', '50', '950'],
      ['Insurance', '500', '20', '520', '502', '(2)', '500'],
      ['Estates', '200', '-', '200', '200', '(250)', '(50)'],
      ['TOTAL RESERVES', '1,700', '(80)', '1,620', '1,602', '(202)', '1,400'],
    ];
    const r = auditGrids([{ sheet: 'R', cells: g }]);
    assert.equal(r.tables[0].layout, 'reserves');
    assert.deepEqual(r.findings.map(brief), [
      ['error', 'R!E4', 'reserves.roll-forward', '502', '520', '-18'],
      ['error', 'R!E6', 'reserves.roll-forward', '1602', '1620', '-18'],
      ['note', 'R!G5', 'reserves.below-nil', '-50', undefined, undefined],
    ]);
  });
});
