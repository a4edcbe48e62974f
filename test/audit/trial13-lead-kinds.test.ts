// Session-13 trial kinds fixed by the lead (issue #10), each on the real table that failed (sources in
// test/fixtures/published/audit/SOURCES.md) and on a second real table whose layout is changed to the kind.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AuditReport, auditGrids, exitCodeOf } from '../../src/audit/audit';
import { readDelimited } from '../../src/audit/delimited';

const DIR = join(__dirname, '..', 'fixtures', 'published', 'audit');
const lines = (file: string) => readFileSync(join(DIR, file), 'utf8').replace(/\n$/, '').split('\n');
const audit = (rows: string[], file = 'table.tsv'): AuditReport => auditGrids([readDelimited(`${rows.join('\n')}\n`, file)]);
const flags = (r: AuditReport) => r.findings.filter((f) => f.severity !== 'note').map((f) => [f.severity, f.row, f.column, f.printed, f.expected]);
const totals = (r: AuditReport) => r.tables.flatMap((t) => t.totals.map((x) => [x.row, x.from, x.to]));
/** The line with cell k (0-based) replaced. */
const put = (line: string, k: number, v: string) => line.split('\t').map((x, j) => (j === k ? v : x)).join('\t');

describe('audit: a total whose label wraps onto the line of its figure (T13-53)', () => {
  // Lancashire CC, Budget Council 17 Feb 2022, Annex 1: block (3) "Transfer from Transitional Reserve -2.700",
  // then "Total amendments to the funding of the Capital" (no figure) over "Programme: | -2.700".
  const lancs = lines('lancashire-cc-budget-adjustment-2022-23.tsv');

  it('Lancashire 2022/23: the two lines are one total, row 24 = row 22; all three blocks checked', () => {
    const r = audit(lancs);
    assert.deepEqual(totals(r), [[13, 4, 12], [19, 16, 18], [24, 22, 22]]);
    assert.deepEqual(flags(r), []);
    assert.equal(exitCodeOf(r), 0);
  });

  it('Lancashire 2022/23: the funding line changed (-2.700 → -2.800) is found at the wrapped total', () => {
    const r = audit(lancs.map((l, i) => (i === 21 ? put(l, 1, '-2.800') : l)));
    assert.deepEqual(flags(r), [['error', 24, 2, '-2.7', '-2.8']]);
  });

  it('Lancashire 2022/23: the (2) total\'s label wrapped the same way reads the same', () => {
    const wrapped = [...lancs.slice(0, 18), 'Total Additions to Capital', 'Programme:\t2.700', ...lancs.slice(19)];
    const r = audit(wrapped);
    assert.deepEqual(totals(r), [[13, 4, 12], [20, 16, 18], [25, 23, 23]]);
    assert.deepEqual(flags(r), []);
  });

  it('not a heading ending in a colon, nor a line that names a total of its own, nor a long line under it', () => {
    // "Total amendments …:" reads as a heading: the figure line under it is its own line, nothing totals it
    const colon = lancs.map((l, i) => (i === 22 ? 'Total amendments to the funding of the Capital:' : l));
    assert.ok(!totals(audit(colon)).some(([row]) => row === 24));
    // a second line of five words is a line of its own, not the rest of the label above it
    const long = audit(lancs.map((l, i) => (i === 23 ? put(l, 0, 'Programme funded from the Transitional Reserve:') : l)));
    assert.ok(!long.tables.some((t) => t.totals.some((x) => x.row === 24 && /Total amendments/.test(x.label))), JSON.stringify(long.tables.map((t) => t.totals)));
  });
});

describe('audit: a change row needs a change that is not nil among the columns it agrees on', () => {
  // Lancashire CC, Full Council 13 Feb 2020, Annex 1 "Budget Adjustment": eight items over four years.
  // "Increase to book fund" 0.500 | 0.000 | 0.000 | 0.000 had been read as the change from the year
  // before of "Museums …" 0.936 in every year (3 nils agreeing with 3 nils: 3 "variances" checked).
  const lancs = lines('lancashire-cc-budget-adjustment-2020-21.tsv');

  it('Lancashire 2020/21: no change row, 4 totals checked, 0 variances; the item changed is found only at its total', () => {
    const r = audit(lancs);
    assert.deepEqual(r.tables.map((t) => [t.checked.totals, t.checked.variances]), [[4, 0]]);
    assert.deepEqual(flags(r), []);
    const bad = audit(lancs.map((l, i) => (i === 8 ? put(l, 3, '0.100') : l)));
    assert.deepEqual(flags(bad), [['error', 12, 4, '5.088', '5.188']]);
  });

  it('a change row agreeing on a change that is not nil is still read and checked (a wrong figure in a nil year found at its cell)', () => {
    // the same table with "Increase to book fund" printed as the change of "Buses" (1.500 → 3.000 → 3.000 → 3.000)
    const changed = lancs.map((l, i) => (i === 8 ? put(put(put(l, 3, '1.500'), 4, '0.000'), 5, '0.000') : l));
    const r = audit(changed);
    assert.equal(r.tables[0].checked.variances, 3);
    // a wrong nil in 2023/24 (0.100 for 0.000) is found at its cell: the other two years agree, one on a change of 1.500
    const wrong = audit(changed.map((l, i) => (i === 8 ? put(l, 5, '0.100') : l)));
    assert.ok(flags(wrong).some(([sev, row, col]) => sev === 'error' && row === 9 && col === 6), JSON.stringify(flags(wrong)));
  });
});
