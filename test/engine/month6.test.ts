// The in-year forecast at month N against hand-worked cases: actual to date + the rest of the year,
// from the user's forecast where given, else the budget profile (twelfths, or a profile per heading).
import assert from 'node:assert/strict';
import { buildDoc, check, exact, findings, ledgerDoc, shown, table } from '../support/forecast';

// Heading A: two lines, one with the officer's own forecast for October–March; heading B: one line.
const LINES = [
  { costCentre: '100', account: '4000', budget: '1200.00', actualToDate: '650.00' },
  { costCentre: '100', account: '4010', budget: '300.50', actualToDate: '120.25', forecast: '200.00' },
  { costCentre: '200', account: '4000', budget: '1000.01', actualToDate: '480.00' },
];
const MAPPING = [{ heading: 'A', costCentre: '100' }, { heading: 'B', costCentre: '200' }];
const OPTIONS = { showVariancePercent: true, varianceThreshold: { percent: '4.5' } };

describe('forecast: month N', () => {
  it('month 6, even twelfths (no profiles): hand-worked', () => {
    const r = buildDoc(ledgerDoc({ month: 6, lines: LINES, mapping: MAPPING }, OPTIONS));
    const f = table(r, 'revenue-forecast');
    // A: budget 1200.00 + 300.50 = 1500.50; actual 650.00 + 120.25 = 770.25; given 200.00;
    //    budget without a forecast 1200.00 × 6/12 = 600.00; forecast 770.25 + 200.00 + 600.00 = 1570.25
    assert.equal(exact(f, 'A', 'revised'), '1500.5');
    assert.equal(exact(f, 'A', 'actual'), '770.25');
    assert.equal(exact(f, 'A', 'given'), '200');
    assert.equal(exact(f, 'A', 'noForecast'), '1200');
    assert.equal(exact(f, 'A', 'profiled'), '600');
    assert.equal(exact(f, 'A', 'forecast'), '1570.25');
    assert.equal(exact(f, 'A', 'variance'), '69.75');
    // B: 1000.01 × 6/12 = 500.005 → 500.01 (to the penny, half away from zero); 480.00 + 500.01 = 980.01
    assert.equal(exact(f, 'B', 'profiled'), '500.01');
    assert.equal(exact(f, 'B', 'forecast'), '980.01');
    assert.equal(exact(f, 'B', 'variance'), '-20');
    assert.equal(shown(f, 'A', 'share'), '0.5');
    assert.equal(exact(f, 'TOTAL', 'forecast'), '2550.26');
    // Table 1 on a forecast basis: the forecast is its outturn; variance % and the flag over 4.5%
    const t1 = table(r, 'revenue');
    assert.equal(t1.title, 'Revenue forecast outturn against budget 2025/26 (forecast at month 6)');
    assert.equal(exact(t1, 'A', 'outturn'), '1570.25');
    assert.equal(exact(t1, 'B', 'outturn'), '980.01');
    assert.equal(exact(t1, 'TOTAL', 'outturn'), '2550.26');
    assert.equal(exact(t1, 'TOTAL', 'variance'), '49.75');
    // 69.75 / 1500.50 = 4.648…% → 4.6%; −20.00 / 1000.01 = −1.99998…% → −2.0%
    assert.equal(shown(t1, 'A', 'pct'), '0.046');
    assert.equal(shown(t1, 'B', 'pct'), '-0.02');
    const flags = findings(r, 'revenue.variance-threshold');
    assert.deepEqual(flags.map((x) => x.message.split(':')[0]), ['A']);
    const flagCol = t1.columns.findIndex((c) => c.id === 'flag');
    assert.deepEqual(t1.rows.find((x) => x.label === 'A')!.cells[flagCol], { text: 'Over' });
    // the sentence is formed from the figures the table shows (round-then-sum: 1,570 − 1,501 = 69 and
    // 980 − 1,000 = −20, net 49); too small for £m, it is written in pounds (issue 11), not "£0.000m"
    assert.equal(r.narrative.revenue?.sentence, 'On a forecast basis (forecast at month 6), an overall overspend against the Revised Budget is expected for the year of £49.');
    assert.equal(check(r, 'ledger.reconciliation').passed, true);
  });

  it('month 5, even twelfths: a share that does not terminate is rounded once, to the penny', () => {
    const r = buildDoc(ledgerDoc({ month: 5, lines: LINES, mapping: MAPPING }));
    const f = table(r, 'revenue-forecast');
    // A: 1200.00 × 7/12 = 700.00; B: 1000.01 × 7/12 = 583.33916… → 583.34
    assert.equal(exact(f, 'A', 'profiled'), '700');
    assert.equal(exact(f, 'A', 'forecast'), '1670.25');
    assert.equal(exact(f, 'B', 'profiled'), '583.34');
    assert.equal(exact(f, 'B', 'forecast'), '1063.34');
  });

  it('month 6 with profiles: a profile for A, and a default profile (all in March) for B: hand-worked', () => {
    const r = buildDoc(ledgerDoc({
      month: 6,
      lines: LINES,
      mapping: MAPPING,
      profiles: [{ heading: 'A', weights: ['2', '2', '2', '2', '2', '2', '1', '1', '1', '1', '1', '1'] }],
      defaultProfile: ['0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '1'],
    }, OPTIONS));
    const f = table(r, 'revenue-forecast');
    // A: weights left after September 6 of 18 → 1200.00 × 6/18 = 400.00; 770.25 + 200.00 + 400.00 = 1370.25
    assert.equal(exact(f, 'A', 'profiled'), '400');
    assert.equal(exact(f, 'A', 'forecast'), '1370.25');
    assert.equal(exact(f, 'A', 'variance'), '-130.25');
    assert.equal(shown(f, 'A', 'share'), '0.333');
    // B: everything in March: 1000.01 × 1/1; 480.00 + 1000.01 = 1480.01
    assert.equal(exact(f, 'B', 'profiled'), '1000.01');
    assert.equal(exact(f, 'B', 'forecast'), '1480.01');
    assert.equal(exact(f, 'B', 'variance'), '480');
    assert.equal(shown(f, 'B', 'share'), '1');
    const t1 = table(r, 'revenue');
    assert.equal(exact(t1, 'TOTAL', 'outturn'), '2850.26');
    // −130.25 / 1500.50 = −8.680…% → −8.7%; 480.00 / 1000.01 = 47.9995…% → 48.0%: both flagged
    assert.equal(shown(t1, 'A', 'pct'), '-0.087');
    assert.equal(shown(t1, 'B', 'pct'), '0.48');
    assert.deepEqual(findings(r, 'revenue.variance-threshold').map((x) => x.message.split(':')[0]), ['A', 'B']);
  });

  it("Table 1's figures are live references to the forecast and ledger tables (derivations, not values)", () => {
    const r = buildDoc(ledgerDoc({ month: 6, lines: LINES, mapping: MAPPING }));
    const t1 = table(r, 'revenue');
    const a = t1.rows.find((x) => x.label === 'A')!;
    const col = (id: string) => t1.columns.findIndex((c) => c.id === id);
    assert.deepEqual((a.cells[col('outturn')] as any).derivation.of.map((x: any) => x.t), ['revenue-forecast']);
    assert.deepEqual((a.cells[col('revised')] as any).derivation.of.map((x: any) => x.t), ['revenue-ledger']);
    const f = table(r, 'revenue-forecast');
    const fa = f.rows.find((x) => x.label === 'A')!;
    assert.equal((fa.cells[f.columns.findIndex((c) => c.id === 'forecast')] as any).derivation.op, 'sum');
  });

  it('commitments above the rest-of-year forecast are noted', () => {
    const lines = [{ costCentre: '100', account: '1', budget: '1200', actualToDate: '600', commitments: '700' }, { costCentre: '200', account: '1', budget: '0', actualToDate: '0' }];
    const r = buildDoc(ledgerDoc({ month: 6, lines, mapping: MAPPING }));
    const n = findings(r, 'forecast.commitments');
    assert.equal(n.length, 1);
    assert.match(n[0].message, /^A: commitments of 700 £ exceed the forecast for the rest of the year \(600 £\)/);
  });
});
