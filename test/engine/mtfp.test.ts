// The MTFP reserves forecast against a hand-worked case: the gap drawn from reserves in order, the
// projected movements of Table 3, the year a reserve is exhausted, the Home Office category table
// and years of cover for every year, and the scenario table beside the base case.
import assert from 'node:assert/strict';
import { buildDoc, check, exact, findings, readExample, shown, table } from '../support/forecast';

const doc = () => ({
  format: 'outturn/v1',
  organisation: 'PCC for Testshire',
  financialYear: '2024/25',
  reserves: {
    units: '£',
    years: ['2024/25', '2025/26', '2026/27', '2027/28'],
    actualYears: 1,
    reserves: [
      { label: 'General Reserve', class: 'general', category: 'contingency', opening: '2000000' },
      { label: 'Budget Resilience', class: 'useable', category: 'mtfp', opening: '1000000', flows: [{ movement: '200000' }, { movement: '-100000' }] },
      { label: 'Capital Reserve', class: 'useable', category: 'beyond-mtfp', opening: '500000', flows: [{}, {}, { capital: '-100000' }] },
      { label: 'PFI', class: 'non-useable', category: 'beyond-mtfp', opening: '300000', flows: [{}, { movement: '-50000' }, { movement: '-50000' }, { movement: '-50000' }] },
    ],
    mtfp: {
      plan: [
        { year: '2025/26', budgetRequirement: '10500000', funding: '10000000' },
        { year: '2026/27', budgetRequirement: '10900000', funding: '10000000' },
        { year: '2027/28', budgetRequirement: '11200000', funding: '10000000' },
      ],
      gapFundedFrom: ['Budget Resilience', 'General Reserve'],
      scenarios: [
        { label: 'Pay award 1% higher', changes: ['2025/26', '2026/27', '2027/28'].map((year) => ({ year, budgetRequirement: '100000' })) },
        { label: 'Funding 5% lower', changes: ['2025/26', '2026/27', '2027/28'].map((year) => ({ year, funding: '-500000' })) },
      ],
    },
  },
});

describe('forecast: the MTFP reserves forecast', () => {
  const r = buildDoc(doc());

  it('the gap is drawn from Budget Resilience, then the General Reserve: hand-worked', () => {
    const m = table(r, 'reserves-mtfp');
    // gaps: 500,000; 900,000; 1,200,000
    assert.deepEqual(['y0', 'y1', 'y2'].map((y) => exact(m, 'Budget gap / (surplus)', y)), ['500000', '900000', '1200000']);
    // Budget Resilience closes 2024/25 at 1,200,000; 2025/26: −100,000 planned, −500,000 drawn → 600,000;
    // 2026/27: 600,000 drawn (all it has) → nil; General Reserve meets the other 300,000, then 1,200,000.
    const draws = m.rows.filter((x) => x.label === 'Drawn to fund the gap / surplus added');
    const fig = (row: typeof draws[number], c: number) => (row.cells[c] as any).exact.toFixed();
    assert.deepEqual([1, 2, 3].map((c) => fig(draws[0], c)), ['-500000', '-600000', '0']);
    assert.deepEqual([1, 2, 3].map((c) => fig(draws[1], c)), ['0', '-300000', '-1200000']);
    assert.deepEqual(['y0', 'y1', 'y2'].map((y) => exact(m, 'Gap not funded from reserves', y)), ['0', '0', '0']);
    const t3 = table(r, 'reserves');
    assert.deepEqual(['closing0', 'closing1', 'closing2', 'closing3'].map((c) => exact(t3, 'Budget Resilience', c)), ['1200000', '600000', '0', '0']);
    assert.deepEqual(['closing0', 'closing1', 'closing2', 'closing3'].map((c) => exact(t3, 'General Reserve', c)), ['2000000', '2000000', '1700000', '500000']);
    // Table 3's projected movement = planned + drawn, as a live reference to Table 3b
    assert.equal(exact(t3, 'Budget Resilience', 'movement1'), '-600000');
    const row = t3.rows.find((x) => x.label === 'Budget Resilience')!;
    const cell = row.cells[t3.columns.findIndex((c) => c.id === 'movement1')] as any;
    assert.deepEqual(cell.derivation.of.map((x: any) => x.t), ['reserves-mtfp']);
  });

  it('the exhaustion year is reported: Budget Resilience in 2026/27 (a warning: it funds the gap)', () => {
    const ex = findings(r, 'mtfp.exhausted');
    assert.equal(ex.length, 1);
    assert.equal(ex[0].severity, 'warning');
    assert.match(ex[0].message, /^Budget Resilience would be exhausted in 2026\/27 funding the budget gap/);
    assert.equal(check(r, 'mtfp.exhausted').passed, false);
    assert.equal(check(r, 'mtfp.unfunded').passed, true);
  });

  it('the Home Office category table and years of cover for every year: hand-worked', () => {
    const c = table(r, 'reserves-categories');
    const ys = ['y0', 'y1', 'y2', 'y3'];
    const row = (label: string) => ys.map((y) => exact(c, label, y));
    assert.deepEqual(row('Earmarked for planned spending within the MTFP'), ['1200000', '600000', '0', '0']);
    // Capital Reserve + PFI: 500,000 + 300,000; 500,000 + 250,000; 400,000 + 200,000; 400,000 + 150,000
    assert.deepEqual(row('Earmarked for specific projects beyond the MTFP'), ['800000', '750000', '600000', '550000']);
    assert.deepEqual(row('Held as general contingency'), ['2000000', '2000000', '1700000', '500000']);
    assert.deepEqual(row('TOTAL RESERVES'), ['4000000', '3350000', '2300000', '1050000']);
    assert.deepEqual(row('Useable reserves (general and useable earmarked)'), ['3700000', '3100000', '2100000', '900000']);
    assert.deepEqual(row('Change in useable reserves in the year'), ['200000', '-600000', '-1000000', '-1200000']);
    // 3,100,000 / 600,000 = 5.17 → 5.2; 2,100,000 / 1,000,000 = 2.1; 900,000 / 1,200,000 = 0.75 → 0.8
    assert.deepEqual(ys.map((y) => shown(c, "Years of cover at that year's rate of draw (- = no draw)", y)), ['0', '5.2', '2.1', '0.8']);
  });

  it('the scenario table: year × case — gap, gap not funded, useable reserves at year end, exhaustion', () => {
    const s = table(r, 'reserves-scenarios');
    const col = (k: number, id: string) => ['2025/26', '2026/27', '2027/28'].map((y) => exact(s, y, `${id}${k}`));
    assert.deepEqual(col(0, 'gap'), ['500000', '900000', '1200000']);
    assert.deepEqual(col(0, 'useable'), ['3100000', '2100000', '900000']);
    // Pay award 1% higher: gaps +100,000 → Budget Resilience 1,100,000 − 600,000 = 500,000, then nil in 2026/27;
    // General Reserve 2,000,000 − 500,000 = 1,500,000, then − 1,300,000 = 200,000
    assert.deepEqual(col(1, 'gap'), ['600000', '1000000', '1300000']);
    assert.deepEqual(col(1, 'unfunded'), ['0', '0', '0']);
    assert.deepEqual(col(1, 'useable'), ['3000000', '1900000', '600000']);
    // Funding 5% lower: gaps 1,000,000; 1,400,000; 1,700,000 → Budget Resilience 100,000 then nil;
    // General Reserve 700,000 after 2026/27, exhausted in 2027/28 with 1,000,000 not funded
    assert.deepEqual(col(2, 'gap'), ['1000000', '1400000', '1700000']);
    assert.deepEqual(col(2, 'unfunded'), ['0', '0', '1000000']);
    assert.deepEqual(col(2, 'useable'), ['2600000', '1100000', '400000']);
    const summary = s.rows.find((x) => x.label === 'Exhausted within the plan')!;
    const texts = s.columns.map((c, i) => ({ c, cell: summary.cells[i] })).filter(({ c }) => c.id.startsWith('exhausted')).map(({ cell }) => (cell as any).text);
    assert.deepEqual(texts, ['Budget Resilience (2026/27)', 'Budget Resilience (2026/27)', 'Budget Resilience (2026/27); General Reserve (2027/28)']);
    assert.equal(s.columns.find((c) => c.id === 'gap1')!.header[0], 'Pay award 1% higher');
    const notes = findings(r, 'mtfp.scenario');
    assert.equal(notes.length, 2);
    assert.match(notes[1].message, /Scenario "Funding 5% lower": exhausts Budget Resilience in 2026\/27, General Reserve in 2027\/28; gap not funded over the plan 1000000 £/);
  });

  it('a surplus is added to the first reserve; a gap beyond every reserve is reported as not funded', () => {
    const d = doc();
    d.reserves.mtfp.plan[0].funding = '10600000'; // surplus of 100,000 in 2025/26
    d.reserves.mtfp.plan[2].budgetRequirement = '20000000'; // a gap of 10,000,000 in 2027/28
    const r2 = buildDoc(d);
    const t3 = table(r2, 'reserves');
    assert.equal(exact(t3, 'Budget Resilience', 'movement1'), '0'); // −100,000 planned + 100,000 surplus
    const un = findings(r2, 'mtfp.unfunded');
    assert.equal(un.length, 1);
    assert.match(un[0].message, /2027\/28 is not fully funded/);
  });

  it('the plan must give one entry per forecast year, in order, and name reserves of the statement', () => {
    const d = doc() as any;
    d.reserves.mtfp.plan.pop();
    d.reserves.mtfp.gapFundedFrom.push('Nope');
    assert.throws(() => buildDoc(d), (e: any) => e.errors.some((x: any) => x.where === '$.reserves.mtfp.plan') && e.errors.some((x: any) => x.where === '$.reserves.mtfp.gapFundedFrom[2]'));
  });

  it('the worked MTFP example builds with every forecasting table', () => {
    const r3 = buildDoc(readExample('derbyshire-2020-21-mtfp.json'));
    assert.deepEqual(r3.tables.map((t) => t.id), ['revenue', 'capital', 'capital-next-year', 'capital-financing', 'reserves', 'reserves-categories', 'reserves-mtfp', 'reserves-scenarios']);
  });
});
