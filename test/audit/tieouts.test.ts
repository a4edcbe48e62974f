// Tie-outs between tables: a figure one table repeats from another (3a's TOTAL RESERVES from Table 3,
// 2a's reprofile from Table 2, 2b's expenditure from Table 2, 3b's reserve movements and balances
// from Table 3, 1a's budget and forecast outturn from Table 1, 1b's Table 1 total) must agree. The
// built examples tie out; one side altered is caught at the dependent table's cell, naming the other.
import assert from 'node:assert/strict';
import { type AuditReport, exitCodeOf } from '../../src/audit/audit';
import { sheetRef } from '../../src/base/a1';
import type { WorkbookPlan } from '../../src/plan/plan';
import { altered, auditPlan as audit, builtExample } from '../support/built';

const built = (file: string): WorkbookPlan => builtExample(file).plan;

const ties = (r: AuditReport) => r.findings.filter((f) => f.rule.startsWith('tie.'));

describe('audit: tie-outs between tables', function () {
  this.timeout(300_000);

  for (const file of ['derbyshire-2020-21.json', 'derbyshire-2020-21-mtfp.json', 'derbyshire-2021-22-month6.json']) {
    it(`${file.replace('.json', '')}: every table ties out; no error or warning`, async () => {
      const r = await audit(built(file));
      assert.deepEqual(ties(r), []);
      assert.deepEqual(r.findings.filter((f) => f.severity !== 'note'), []);
      assert.equal(exitCodeOf(r), 0);
    });
  }

  const T3 = 'Table 3 Reserves';
  const T2 = 'Table 2 Capital';
  const T1 = 'Table 1 Revenue';
  // [file, sheet altered, cell, was, now, rule, finding at (sheet, cell), the other table's cell(s), the figure there]
  const cases: [string, string, string, string, string, string, string, string, string, string][] = [
    // 3a's TOTAL RESERVES at 31/03/22 against Table 3's estimated balance at 31/03/22 — either side altered.
    ['derbyshire-2020-21-mtfp.json', T3, 'C35', '13554757', '13554857', 'tie.reserves-total', T3, 'C35', 'I25', '13,554,757'],
    ['derbyshire-2020-21-mtfp.json', T3, 'I25', '13554757', '13554857', 'tie.reserves-total', T3, 'C35', 'I25', '13,554,857'],
    // 2a's reprofile of a scheme against Table 2's.
    ['derbyshire-2020-21-mtfp.json', T2, 'D43', '154', '164', 'tie.reprofile', T2, 'D43', 'F10', '154'],
    ['derbyshire-2020-21-mtfp.json', T2, 'F27', '486', '476', 'tie.reprofile', T2, 'D60', 'F27', '476'],
    // 2a's total reprofile against Table 2's TOTAL PLANNED EXPENDITURE (the labels differ).
    ['derbyshire-2020-21-mtfp.json', T2, 'D63', '3728', '3738', 'tie.reprofile', T2, 'D63', 'F30', '3,728'],
    // 2b's capital expenditure against Table 2's total spend including region + the memo line.
    ['derbyshire-2020-21-mtfp.json', T2, 'B84', '13605', '13705', 'tie.financing-expenditure', T2, 'B84', 'D33 + D34', '13,605'],
    // 3b's projected movements and year-end balance of a reserve against Table 3's.
    ['derbyshire-2020-21-mtfp.json', T3, 'B54', '-1190000', '-1190100', 'tie.mtfp-reserves', T3, 'B54', 'G11', '−1,190,000'],
    ['derbyshire-2020-21-mtfp.json', T3, 'D60', '2281427', '2281527', 'tie.mtfp-reserves', T3, 'D60', 'O8', '2,281,427'],
    // 1a's forecast outturn (a heading, the total) against Table 1's forecast outturn; its revised budget too.
    ['derbyshire-2021-22-month6.json', T1, 'H37', '3291182', '3291282', 'tie.forecast-revenue', T1, 'H37', 'E7', '3,291,182'],
    ['derbyshire-2021-22-month6.json', T1, 'B58', '189878803', '189878903', 'tie.forecast-revenue', T1, 'B58', 'C29', '189,878,803'],
    // 1b's "Table 1 total" against Table 1's total budget, and 1a's total actual to date.
    ['derbyshire-2021-22-month6.json', T1, 'B92', '189878803', '189878903', 'tie.ledger-total', T1, 'B92', 'C29', '189,878,803'],
    ['derbyshire-2021-22-month6.json', T1, 'C92', '92483027', '92483127', 'tie.ledger-total', T1, 'C92', 'C58', '92,483,027'],
  ];
  for (const [file, sheet, ref, was, now, rule, atSheet, at, other, otherFigure] of cases) {
    it(`${file.replace('.json', '')}: ${sheet}!${ref} altered (${was} → ${now}) is caught by ${rule} at ${atSheet}!${at}`, async () => {
      const report = await audit(altered(built(file), sheet, ref, was, now));
      const found = ties(report);
      assert.deepEqual(found.map((f) => [f.severity, f.cell, f.rule]), [['error', sheetRef(atSheet, at), rule]], JSON.stringify(found, null, 1));
      // The other table's cell(s), each named in full.
      const cells = other.split(' + ').map((x) => sheetRef(atSheet, x)).join(' + ');
      assert.ok(found[0].message.includes(`(${cells})`), `${cells} in: ${found[0].message}`);
      assert.ok(found[0].message.includes(otherFigure), found[0].message);
      assert.equal(exitCodeOf(report), 1);
    });
  }

  it('a difference the rounding could explain (1 in whole pounds, both figures rounded) is a warning', async () => {
    const report = await audit(altered(built('derbyshire-2020-21-mtfp.json'), T3, 'C35', '13554757', '13554758'));
    const found = ties(report);
    assert.deepEqual(found.map((f) => [f.severity, f.cell, f.rule, f.printed, f.expected, f.difference]), [
      ['warning', sheetRef(T3, 'C35'), 'tie.reserves-total', '13554758', '13554757', '1'],
    ]);
    assert.match(found[0].message, /within the rounding/);
  });
});
