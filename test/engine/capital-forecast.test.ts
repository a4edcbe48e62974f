// Capital roll-forward (next year's programme = approved budget + reprofile) and the capital
// financing, with its tie-outs: financing = spend, contributions from reserves = Table 3's
// contributions to capital. Each check passes on the worked example and fails when broken.
import assert from 'node:assert/strict';
import { capitalTable } from '../../src/engine/capital';
import { capitalForecastTables } from '../../src/engine/capital-forecast';
import { Dec } from '../../src/base/decimal';
import { evaluate } from '../../src/engine/evaluate';
import { toModel } from '../../src/format/validate';
import { buildDoc, check, exact, findings, readExample, table } from '../support/forecast';

const example = () => readExample('derbyshire-2020-21-mtfp.json');

describe('forecast: capital roll-forward and financing', () => {
  it("next year's programme per scheme = approved next-year budget + Table 2's reprofile (live), hand-worked", () => {
    const r = buildDoc(example());
    const n = table(r, 'capital-next-year');
    // Co-Locations with Fire: 500 + 154 = 654 (£'000); Tasers (reprofile defaulted: overspend → nil): 0 + 0
    assert.equal(exact(n, 'Co-Locations with Fire', 'programme'), '654');
    assert.equal(exact(n, 'Tasers', 'reprofile'), '0');
    assert.equal(exact(n, 'IS Replacement Projects', 'programme'), '1699');
    assert.equal(exact(n, 'Total Building Works', 'programme'), '6510');
    // 8,250 approved + 3,728 reprofiled = 11,978
    assert.equal(exact(n, 'TOTAL 2021/22 CAPITAL PROGRAMME', 'approved'), '8250');
    assert.equal(exact(n, 'TOTAL 2021/22 CAPITAL PROGRAMME', 'reprofile'), '3728');
    assert.equal(exact(n, 'TOTAL 2021/22 CAPITAL PROGRAMME', 'programme'), '11978');
    assert.equal(exact(table(r, 'capital'), 'TOTAL PLANNED EXPENDITURE', 'reprofile'), '3728');
    const row = n.rows.find((x) => x.label === 'Co-Locations with Fire')!;
    assert.deepEqual((row.cells[n.columns.findIndex((c) => c.id === 'reprofile')] as any).derivation.of.map((x: any) => x.t), ['capital']);
    assert.equal(check(r, 'capital.roll-forward').passed, true);
  });

  it('the roll-forward check against the reported programme passes, and fails when the reported total is wrong', () => {
    const d = example();
    d.capital.nextYearProgrammeTotal = '11978';
    const ok = buildDoc(d);
    assert.equal(check(ok, 'capital.next-year-programme').passed, true);
    d.capital.nextYearProgrammeTotal = '12000';
    const bad = buildDoc(d);
    const c = check(bad, 'capital.next-year-programme');
    assert.equal(c.passed, false);
    const f = findings(bad, 'capital.next-year-programme');
    assert.equal(f.length, 1);
    assert.equal(f[0].difference, '22');
  });

  it('the roll-forward check fails when a figure of the table is broken', () => {
    // A broken table (as if a formula had been overwritten): the check reads the evaluated figures.
    const d = example();
    const r = buildDoc(d);
    assert.equal(check(r, 'capital.roll-forward').passed, true);
    // Re-run the engine's check on a tampered copy of the table.
    const model = toModel(d);
    const t2 = capitalTable(model.capital!);
    const cf = capitalForecastTables(model.capital!, t2);
    const n = cf.tables.find((t) => t.id === 'capital-next-year')!;
    const co = n.rows.find((x) => x.label === 'Co-Locations with Fire')!;
    co.cells[n.columns.findIndex((c) => c.id === 'programme')] = { exact: new Dec(700), shown: new Dec(700), stored: new Dec(700), dp: 0 };
    evaluate([t2.table, ...cf.tables], 'round-then-sum');
    const after = cf.afterEvaluate(undefined);
    assert.equal(after.checks.find((x) => x.rule === 'capital.roll-forward')!.passed, false);
    assert.equal(after.findings.find((x) => x.rule === 'capital.roll-forward')!.difference, '46');
  });

  it('financing equals the spend (13,605 including externally funded and memo lines), and reserves tie to Table 3', () => {
    const r = buildDoc(example());
    const f = table(r, 'capital-financing');
    assert.equal(exact(f, 'TOTAL FINANCING', 'amount'), '13605');
    assert.equal(exact(f, 'Capital expenditure (Table 2, including externally funded schemes and memo lines)', 'amount'), '13605');
    assert.equal(exact(f, 'Difference: financing − expenditure (nil when the spend is fully financed)', 'amount'), '0');
    assert.equal(check(r, 'capital.financing-total').passed, true);
    const tie = check(r, 'tie.capital-reserves');
    assert.equal(tie.passed, true);
    assert.equal(tie.detail, 'Operational Funding and Investment Reserve: financing 500000 £, Table 3 500000 £');
  });

  it('the financing check fails when the financing does not add up to the spend', () => {
    const d = example();
    d.capital.financing.find((l: any) => l.type === 'borrowing').amount = '6000';
    const r = buildDoc(d);
    assert.equal(check(r, 'capital.financing-total').passed, false);
    const f = findings(r, 'capital.financing-total');
    assert.equal(f[0].severity, 'error');
    assert.equal(f[0].difference, '-72');
  });

  it('the reserves tie fails when Table 3 shows a different contribution to capital, or a reserve the financing leaves out', () => {
    const d = example();
    d.reserves.reserves.find((x: any) => x.label === 'Operational Funding and Investment Reserve').flows[0].capital = '-450000';
    const r = buildDoc(d);
    assert.equal(check(r, 'tie.capital-reserves').passed, false);
    const f = findings(r, 'tie.capital-reserves');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /Operational Funding and Investment Reserve: contributions to capital of 450000 £ in Table 3 \(2020\/21\), but 500000 £ in the capital financing/);
    const d2 = example();
    d2.reserves.reserves.find((x: any) => x.label === 'Insurance').flows[0].capital = '-1000';
    assert.equal(check(buildDoc(d2), 'tie.capital-reserves').passed, false);
  });
});
