// Issue 11 item 6, its last clause: an MTFP never draws the general reserve below its policy
// minimum without saying so — in every forecast year, for the base plan and for every scenario, in
// the findings (the year, the balance, the minimum, the shortfall) and in the narrative.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dec } from '../../src/base/decimal';
import { build } from '../../src/engine/build';
import { isFigure } from '../../src/engine/model';
import { toModel } from '../../src/format/validate';
import { sameThroughTemplates } from '../support/template-roundtrip';

const ROOT = join(__dirname, '..', '..');
const doc = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, any>;
const KENT = 'test/fixtures/bodies-inputs/kentfire-2016-18-mtfp.json';

describe('the MTFP and the general reserve minimum (issue 11)', () => {
  it('Kent and Medway FRA, "Use of Reserves" 2016/17-2017/18 as an MTFP: the general fund funds the gap and falls below "6% or £4m, whichever is greater" in both years — said in the findings, the check and the narrative', () => {
    // Source: test/fixtures/published/bodies/kentfire-2015-20-reserves (notes.md): General Fund
    // Balance 4,200 (31/3/16), 4,150, 4,030; earmarked 24,580, 20,921, 16,117; net revenue budgets
    // 69,292 and 68,638 (£000). The plan's funding is the budget less the published use of the
    // general fund (69,292 − 50 = 69,242; 68,638 − 120 = 68,518): the gaps 50 and 120 it funds.
    const r = build(toModel(doc(KENT)));
    const t3 = r.tables.find((t) => t.id === 'reserves')!;
    const closing = (label: string, y: number) => {
      const row = t3.rows.find((x) => x.label === label)!;
      const cell = row.cells[t3.columns.findIndex((c) => c.id === `closing${y}`)];
      assert.ok(isFigure(cell));
      return cell.shown.toFixed();
    };
    assert.deepEqual([closing('General Fund Balance', 0), closing('General Fund Balance', 1)], ['4150', '4030']);
    assert.deepEqual([closing('Earmarked General Fund Reserves', 0), closing('Earmarked General Fund Reserves', 1)], ['20921', '16117']);
    // 6% × 69,292 = 4,157.52 > 4,000: 4,150 is 7.52 short; 6% × 68,638 = 4,118.28: 4,030 is 88.28 short.
    const band = r.findings.filter((f) => f.rule === 'reserves.general-band');
    assert.deepEqual(band.map((f) => [f.severity, f.expected, f.actual, f.difference]), [['warning', '4157.52', '4150', '-7.52'], ['warning', '4118.28', '4030', '-88.28']]);
    assert.match(band[0].message, /2016\/17.*after the MTFP draws on it to fund the budget gap, below the policy minimum of £4\.158m/);
    // Each year once: the per-year band check already said so; the MTFP's own finding does not repeat it.
    assert.equal(r.findings.filter((f) => f.rule === 'mtfp.general-minimum').length, 0);
    const check = r.checks.find((c) => c.rule === 'mtfp.general-minimum')!;
    assert.equal(check.passed, false);
    assert.equal(check.detail, "Base 2016/17: 4150 < 4157.52 £'000; Base 2017/18: 4030 < 4118.28 £'000");
    assert.equal(r.narrative.reserves!.mtfpMinimum,
      'The general reserve is forecast to fall below its policy minimum (at least 6% of the net revenue budget or £4.000m, whichever is greater): ' +
      'in the plan £4.150m at the end of 2016/17, £0.008m short of £4.158m and £4.030m at the end of 2017/18, £0.088m short of £4.118m.');
    const { direct, templates } = sameThroughTemplates(doc(KENT));
    assert.deepEqual(templates, direct);
  });

  it('a plan that keeps the general reserve at its minimum says nothing, and its check passes', () => {
    const d = doc(KENT);
    // No gap in either year: the general fund stays at 4,200 ≥ 4,157.52 and ≥ 4,118.28.
    d.reserves.mtfp.plan = d.reserves.mtfp.plan.map((p: Record<string, string>) => ({ ...p, funding: p.budgetRequirement }));
    const r = build(toModel(d));
    assert.deepEqual(r.findings.filter((f) => f.rule === 'mtfp.general-minimum' || f.rule === 'reserves.general-band'), []);
    assert.equal(r.checks.find((c) => c.rule === 'mtfp.general-minimum')!.passed, true);
    assert.equal(r.narrative.reserves!.mtfpMinimum, undefined);
  });

  it('every year of the plan and of every scenario (the worked MTFP, a 2% minimum of the budget requirement): the year, the balance, the minimum and the shortfall', () => {
    const r = build(toModel(doc('examples/derbyshire-2020-21-mtfp.json')));
    const f = r.findings.filter((x) => x.rule === 'mtfp.general-minimum');
    // By hand (£): base 2023/24 2,281,427 against 2% × 204,500,000 = 4,090,000 (1,808,573 short);
    // pay award +1%: 2022/23 2,093,227 against 2% × 201,300,000 = 4,026,000 (1,932,773 short),
    // 2023/24 nil against 4,120,000; precept £5 lower: 2022/23 3,181,427 against 3,996,000
    // (814,573 short), 2023/24 nil against 4,090,000.
    assert.deepEqual(f.map((x) => [x.table, x.expected, x.actual, x.difference]), [
      ['reserves', '4090000', '2281427', '-1808573'],
      ['reserves-scenarios', '4026000', '2093227', '-1932773'],
      ['reserves-scenarios', '4120000', '0', '-4120000'],
      ['reserves-scenarios', '3996000', '3181427', '-814573'],
      ['reserves-scenarios', '4090000', '0', '-4090000'],
    ]);
    assert.ok(f.every((x) => x.severity === 'warning'));
    assert.equal(f[0].message, 'The MTFP takes the general reserve below its policy minimum in 2023/24: £2.281m at the end of the year against a minimum of £4.090m (2% of the budget requirement of £204.500m), £1.809m short');
    assert.match(f[1].message, /^Scenario "Pay award 1% higher" takes the general reserve below its policy minimum in 2022\/23: £2\.093m .* £1\.933m short$/);
    // each finding is at its cell: Table 3's general reserve in 2023/24; Table 3c's useable reserves of the scenario and year
    const t3 = r.tables.find((t) => t.id === 'reserves')!;
    assert.equal(t3.rows[f[0].at!.r].label, 'GENERAL RESERVES');
    assert.equal(t3.columns[f[0].at!.c].id, 'closing3');
    const t3c = r.tables.find((t) => t.id === 'reserves-scenarios')!;
    assert.deepEqual([t3c.rows[f[1].at!.r].label, t3c.columns[f[1].at!.c].id], ['2022/23', 'useable1']);
    const sentence = r.narrative.reserves!.mtfpMinimum!;
    for (const part of ['in the plan £2.281m at the end of 2023/24, £1.809m short of £4.090m', 'under "Pay award 1% higher" £2.093m at the end of 2022/23',
      'under "Precept £5 lower from 2022/23" £3.181m at the end of 2022/23, £0.815m short of £3.996m']) assert.ok(sentence.includes(part), sentence);
    // the shortfalls are exact
    assert.ok(new Dec(f[3].expected!).minus(f[3].actual!).eq(814573));
  });
});
