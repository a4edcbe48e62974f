// Every table Outturn writes audits clean — the statutory tables and the forecasting ones (Tables 1a,
// 1b, 2a, 2b, 3b, 3c) — and Table 1a is read as the forecast build-up it is (actual to date + the rest
// of the year = the forecast outturn), not as the statutory revenue layout.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { type AuditReport, exitCodeOf } from '../../src/audit/audit';
import { build } from '../../src/engine/build';
import { toModel } from '../../src/format/validate';
import { a1, sheetRef } from '../../src/base/a1';
import { findTables } from '../../src/audit/detect';
import { makePlan } from '../../src/plan/plan';
import { readPrintedWorkbook } from '../../src/xlsx/read-printed';
import { workbookBuffer } from '../../src/xlsx/write';
import { Dec, survivesSpreadsheet } from '../../src/base/decimal';
import { randomLedgerDocument } from '../support/random-input';
import { EXAMPLES, altered, auditPlan as audit, builtExample as built } from '../support/built';

const layouts = (r: AuditReport) => r.tables.map((t) => `${t.sheet} ${t.range} ${t.layout}`);

describe('audit: the forecasting tables Outturn writes', function () {
  this.timeout(300_000);

  it('derbyshire-2020-21: clean, one note (the reprofile of IS Replacement Projects)', async () => {
    const r = await audit(built('derbyshire-2020-21.json').plan);
    assert.deepEqual(r.findings.map((f) => [f.severity, f.cell, f.rule]), [
      ['note', "'Table 2 Capital'!F23", 'capital.reprofile-exceeds-remaining'],
    ]);
    assert.equal(exitCodeOf(r), 0);
  });

  it('derbyshire-2020-21-mtfp: Tables 1–3c recognised (2a programme, 2b financing, 3b mtfp, 3c scenarios), clean, one note (the reprofile)', async () => {
    const r = await audit(built('derbyshire-2020-21-mtfp.json').plan);
    assert.deepEqual(layouts(r), [
      'Table 1 Revenue A5:E36 revenue',
      'Table 2 Capital A5:F34 capital',
      'Table 2 Capital A39:E63 programme',
      'Table 2 Capital A68:B85 financing',
      'Table 3 Reserves A5:O25 reserves',
      'Table 3 Reserves A30:E41 auto',
      'Table 3 Reserves A46:D62 mtfp',
      // 3c's "Pay award 1% higher" is a scenario's name, not a percentage column.
      'Table 3 Reserves A67:M73 scenarios',
    ]);
    assert.deepEqual(r.findings.map((f) => [f.severity, f.cell, f.rule]), [
      ['note', "'Table 2 Capital'!F23", 'capital.reprofile-exceeds-remaining'],
    ]);
    assert.equal(exitCodeOf(r), 0);
  });

  it('derbyshire-2021-22-month6: Table 1a read as a forecast build-up; no finding at all', async () => {
    const r = await audit(built('derbyshire-2021-22-month6.json').plan);
    assert.deepEqual(layouts(r), [
      'Table 1 Revenue A5:H29 revenue',
      'Table 1 Revenue A34:I58 forecast',
      'Table 1 Revenue A63:E93 ledger',
    ]);
    assert.deepEqual(r.findings, []);
    assert.equal(exitCodeOf(r), 0);
  });

  it('derbyshire-2021-22-month6: a forecast outturn of Table 1a replaced by a number is caught at that cell', async () => {
    const { result, plan } = built('derbyshire-2021-22-month6.json');
    const t = result.tables.find((x) => x.id === 'revenue-forecast')!;
    const p = plan.placement['revenue-forecast']!;
    const c = p.column + t.columns.findIndex((col) => col.id === 'forecast');
    const r = p.row + 2; // the third heading (Police Staff Pay & On Costs)
    const sheets = plan.sheets.map((s) => (s.name === p.sheet ? { ...s, cells: s.cells.map((row) => row.slice()) } : s));
    const s = sheets.find((x) => x.name === p.sheet)!;
    const was = s.cells[r][c];
    assert.equal(was?.t, 'f', 'the forecast outturn is a live sum');
    const printed = Number(was!.v) + 1000;
    s.cells[r][c] = { t: 'n', v: String(Math.round(printed)) };
    const report = await audit({ ...plan, sheets });
    const cell = sheetRef(p.sheet, a1(r, c));
    // The table's own rule; the tie-out to Table 1 at the same cell is tested in tieouts.test.ts.
    const here = report.findings.filter((f) => f.cell === cell && !f.rule.startsWith('tie.'));
    assert.deepEqual(here.map((f) => [f.severity, f.rule]), [['error', 'forecast.outturn']], JSON.stringify(report.findings, null, 1));
    assert.ok(report.findings.some((f) => f.rule === 'tie.forecast-revenue' && f.cell === cell));
    assert.match(here[0].message, /Actual to date £ \+ Rest of year Forecasts given £ \+ Rest of year From the profile £ is 47,943,541/);
    // Its variance no longer agrees with it, and the column no longer casts: said there too, as notes that
    // name this cell (the one figure those checks share with the outturn's own).
    assert.ok(report.findings.some((f) => f.severity === 'note' && f.rule === 'forecast.variance.explained' && f.cell === sheetRef(p.sheet, a1(r, c + 1))));
    assert.ok(report.findings.some((f) => f.severity === 'note' && f.rule === 'forecast.cast.explained'));
    assert.equal(exitCodeOf(report), 1);
  });

  it('Table 3c: the labels are the years in column A, not "Reserves exhausted in the year"', async () => {
    const grids = await readPrintedWorkbook(await workbookBuffer(built('derbyshire-2020-21-mtfp.json').plan), 'built.xlsx');
    const t = findTables(grids.find((g) => g.sheet === 'Table 3 Reserves')!).find((x) => x.r0 === 69)!;
    assert.equal(t.labelCol, 0);
    assert.deepEqual(t.rows.map((r) => r.label), ['2021/22', '2022/23', '2023/24', 'Exhausted within the plan']);
    assert.deepEqual(t.columns.filter((c) => c.role === 'label').map((c) => c.c), [0]);
  });

  // One altered figure in each newly checked table, caught at its cell by that table's own rule.
  const cases: [string, string, string, string, string, string, RegExp][] = [
    ['derbyshire-2020-21-mtfp.json', 'Table 2 Capital', 'E45', '419', '519', 'programme.total', /2021\/22 Approved Budget £'000 \+ Reprofiled from 2020\/21 £'000 is 419/],
    ['derbyshire-2020-21-mtfp.json', 'Table 2 Capital', 'B85', '0', '5', 'financing.difference', /TOTAL FINANCING − Capital expenditure .* is 0/],
    ['derbyshire-2021-22-month6.json', 'Table 1 Revenue', 'D90', '1391171', '1391271', 'ledger.unplaced', /Total of the Table 1 headings and the unplaced lines after it add up to 1,391,171/],
    ['derbyshire-2021-22-month6.json', 'Table 1 Revenue', 'C93', '0', '7', 'ledger.difference', /Table 1 total \(TOTAL DERBYSHIRE POLICE\) − LEDGER TOTAL .* is 0/],
    ['derbyshire-2020-21-mtfp.json', 'Table 3 Reserves', 'C50', '1600000', '1700000', 'mtfp.gap', /Budget requirement − Funding .* is 1,600,000/],
    ['derbyshire-2020-21-mtfp.json', 'Table 3 Reserves', 'C54', '-1193227', '-1193327', 'mtfp.movements', /Planned movements \+ Drawn to fund the gap \/ surplus added \(Operational Funding and Investment Reserve\) is −1,193,227/],
    // With Table 3 beside it, a 3b balance is tied to Table 3's closing balance (which Table 3 rolls forward with every flow).
    ['derbyshire-2020-21-mtfp.json', 'Table 3 Reserves', 'D60', '2281427', '2281527', 'tie.mtfp-reserves', /GENERAL RESERVES — Estimated Balances at 31\/03\/24 £ in the reserves table .* is 2,281,427/],
    ['derbyshire-2020-21-mtfp.json', 'Table 3 Reserves', 'B61', '-600000', '-500000', 'mtfp.drawn', /the draws on each reserve add up to −600,000/],
    ['derbyshire-2020-21-mtfp.json', 'Table 3 Reserves', 'D62', '0', '100', 'mtfp.unfunded', /Budget gap \/ \(surplus\) \+ Drawn from reserves \/ surplus added is 0/],
    ['derbyshire-2020-21-mtfp.json', 'Table 3 Reserves', 'F72', '2006773', '4200000', 'scenarios.unfunded', /cannot exceed the gap \(Pay award 1% higher Budget gap \/ \(surplus\) £\): 4,100,000/],
  ];
  for (const [file, sheet, ref, was, now, rule, message] of cases) {
    it(`${file.replace('.json', '')}: ${sheet}!${ref} altered (${was} → ${now}) is caught there by ${rule}`, async () => {
      const report = await audit(altered(built(file).plan, sheet, ref, was, now));
      // The table's own rule (a tie-out to another table at the same cell is tested in tieouts.test.ts),
      // or the tie-out when that is the rule named.
      const here = report.findings.filter((f) => f.cell === sheetRef(sheet, ref) && (rule.startsWith('tie.') || !f.rule.startsWith('tie.')));
      assert.deepEqual(here.map((f) => [f.severity, f.rule]), [['error', rule]], JSON.stringify(report.findings, null, 1));
      assert.match(here[0].message, message);
      assert.equal(exitCodeOf(report), 1);
    });
  }

  it('property: the MTFP example with random funding and scenarios (surpluses, exhausted reserves, gaps not funded) audits clean, 3b and 3c recognised', async () => {
    const base = JSON.parse(readFileSync(join(EXAMPLES, 'derbyshire-2020-21-mtfp.json'), 'utf8')) as { reserves: { mtfp: Record<string, unknown> } };
    const pounds = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map(String);
    let unfundedRuns = 0;
    await fc.assert(fc.asyncProperty(fc.array(pounds(-3_000_000, 12_000_000), { minLength: 3, maxLength: 3 }), pounds(-2_000_000, 6_000_000), async (gaps, change) => {
      const doc = structuredClone(base);
      const plan = (doc.reserves.mtfp.plan as { budgetRequirement: string; funding: string }[]);
      plan.forEach((y, k) => { y.funding = new Dec(y.budgetRequirement).minus(gaps[k]).toFixed(); });
      (doc.reserves.mtfp.scenarios as { changes: { budgetRequirement?: string }[] }[])[0].changes.forEach((c) => { c.budgetRequirement = change; });
      const model = toModel(doc);
      const result = build(model);
      const r = await audit(makePlan(result));
      const serious = r.findings.filter((f) => f.severity !== 'note');
      assert.deepEqual(serious, [], JSON.stringify(serious, null, 1));
      assert.deepEqual(r.tables.filter((t) => t.sheet === 'Table 3 Reserves').map((t) => t.layout), ['reserves', 'auto', 'mtfp', 'scenarios']);
      const row = result.tables.find((t) => t.id === 'reserves-mtfp')!.rows.find((x) => /^gap not funded/i.test(x.label))!;
      if (row.cells.some((c) => c !== null && 'stored' in c && !c.stored.isZero())) unfundedRuns++;
    }), { numRuns: 25, seed: 3303 });
    assert.ok(unfundedRuns >= 3, `only ${unfundedRuns} runs with gaps beyond the reserves`);
  });

  it('property: random ledger inputs (with and without a month) → build → audit finds nothing but legitimate notes', async () => {
    const legitimate = new Set(['capital.reprofile-exceeds-remaining', 'reserves.below-nil', 'revenue.budget-requirement']);
    let runs = 0;
    let months = 0;
    await fc.assert(fc.asyncProperty(randomLedgerDocument(), async (doc) => {
      const model = toModel(doc);
      const result = build(model);
      const plan = makePlan(result);
      fc.pre(plan.sheets.every((s) => s.cells.every((row) => row.every((c) => !c || c.t === 's' || survivesSpreadsheet(new Dec(c.v))))));
      const r = await audit(plan);
      const serious = r.findings.filter((f) => !(f.severity === 'note' && legitimate.has(f.rule)));
      assert.deepEqual(serious, [], JSON.stringify(serious, null, 1));
      const month = (doc.revenue as { ledger: { month?: number } }).ledger.month !== undefined;
      assert.deepEqual(r.tables.filter((t) => t.sheet === 'Table 1 Revenue').map((t) => t.layout), month ? ['revenue', 'forecast', 'ledger'] : ['revenue', 'ledger']);
      runs++;
      if (month) months++;
    }), { numRuns: 30, seed: 4044 });
    assert.ok(runs >= 20 && months >= 5, `only ${runs} runs, ${months} at month N`);
  });
});
