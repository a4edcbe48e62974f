// The ledger aggregation's fast path (src/engine/ledger.ts LedgerAggregator: amounts read as integer
// pence, summed with a safe-integer check, carried into decimal.js past it) against decimal.js line
// by line, on random ledgers: negative figures, pence, whole pounds and tenths, amounts beyond the
// fast path (three decimals, 16 digits), large amounts near the safe-integer limit in runs long
// enough that a heading's running sum must leave the safe range (the carry), and headings no line
// reaches. The expected values are decimal.js sums of the texts (never floats); the amounts are
// generated as integers of pence (BigInt) and written out with integer operations only.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Dec, text } from '../../src/base/decimal';
import { aggregateLedger, LedgerAggregator } from '../../src/engine/ledger';
import type { LedgerInput, LedgerLine } from '../../src/engine/model';

/** 2^53 - 1 pence: beyond it a double cannot hold every integer (independent of src/engine/pence.ts). */
const SAFE_PENCE = 2n ** 53n - 1n;

/** Integer pence as decimal text: 2 places, or fewer when they are zeros and `short` (as exports write "100" and "12.5"). */
function penceText(p: bigint, short: boolean): string {
  const neg = p < 0n;
  const a = neg ? -p : p;
  const pounds = a / 100n;
  const pp = a % 100n;
  const sign = neg ? '-' : '';
  if (short && pp === 0n) return `${sign}${pounds}`;
  if (short && pp % 10n === 0n) return `${sign}${pounds}.${pp / 10n}`;
  return `${sign}${pounds}.${pp < 10n ? '0' : ''}${pp}`;
}

/** Near the largest amount the fast path takes (15 digits of pence, 9,999,999,999,999.99), with odd pennies. */
const huge = fc.tuple(fc.bigInt({ min: 900_000_000_000_000n, max: 999_999_999_999_999n }), fc.boolean())
  .map(([p, neg]) => penceText((p | 1n) * (neg ? -1n : 1n), false));

const amount = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.bigInt({ min: -99_999_999n, max: 99_999_999n }), fc.boolean()).map(([p, short]) => penceText(p, short)) },
  { weight: 2, arbitrary: huge },
  { weight: 1, arbitrary: fc.constantFrom('0', '-0', '0.00', '-0.00', '0.01', '-0.01', '9999999999999.99', '-9999999999999.99') },
  // beyond the fast path: summed with decimal.js directly
  { weight: 1, arbitrary: fc.constantFrom('0.001', '-12.345', '1234567890123456', '-99999999999999.9', '12345678901234.5678') },
);

/** Cost centres C1..C3 map to A..C; heading D has no cost centre (always empty); X is mapped to nothing. */
const MAPPING: LedgerInput['mapping'] = [
  { heading: 'A', costCentre: { exact: 'C1' } },
  { heading: 'B', costCentre: { exact: 'C2' } },
  { heading: 'C', costCentre: { prefix: 'C3' } },
];
const HEADINGS = ['A', 'B', 'C', 'D'];
const HEADING_OF: Record<string, string> = { C1: 'A', C2: 'B', C3: 'C' };

const line = fc.record({ costCentre: fc.constantFrom('C1', 'C2', 'C3', 'X'), account: fc.constantFrom('4000', '5000'), budget: amount, actualToDate: amount });

/**
 * A ledger: random lines, and (when `run` is given) a run of huge amounts of one sign for one cost
 * centre placed among them, long enough that the running sum must pass 2^53 pence.
 */
const ledger = fc.tuple(
  fc.array(line, { maxLength: 250 }),
  fc.option(fc.record({ costCentre: fc.constantFrom('C1', 'C2', 'C3', 'X'), neg: fc.boolean(), count: fc.integer({ min: 10, max: 40 }), at: fc.nat() }), { nil: undefined }),
).map(([lines, run]) => {
  if (!run) return lines;
  const sign = run.neg ? '-' : '';
  const big = Array.from({ length: run.count }, (_, i) => ({ costCentre: run.costCentre, account: '4000', budget: `${sign}9999999999999.${String(99 - (i % 50)).padStart(2, '0')}`, actualToDate: `${sign}${900000000000 + i}.01` }));
  const at = lines.length === 0 ? 0 : run.at % (lines.length + 1);
  return [...lines.slice(0, at), ...big, ...lines.slice(at)];
});

/** The reference: decimal.js sums per heading (by the mapping's rule written out here), and whether a running sum in pence left the safe range. */
function reference(lines: LedgerLine[]) {
  const zero = () => ({ budget: new Dec(0), actual: new Dec(0), lines: 0 });
  const buckets = new Map<string, ReturnType<typeof zero>>([...HEADINGS, 'unmapped', 'total'].map((h) => [h, zero()]));
  let passedSafe = false;
  const running = new Map<string, bigint>();
  const track = (key: string, s: string) => {
    // only amounts of at most two places count in pence (the fast path's); the rest go to decimal.js at once
    if (!/^-?[0-9]+(\.[0-9]{1,2})?$/.test(s)) return;
    const p = BigInt(new Dec(s).times(100).toFixed(0));
    const r = (running.get(key) ?? 0n) + p;
    running.set(key, r);
    if (r > SAFE_PENCE || r < -SAFE_PENCE) passedSafe = true;
  };
  for (const l of lines) {
    const h = HEADING_OF[l.costCentre] ?? 'unmapped';
    for (const k of [h, 'total']) {
      const b = buckets.get(k)!;
      b.budget = b.budget.plus(l.budget);
      b.actual = b.actual.plus(l.actualToDate);
      b.lines++;
      track(`${k} budget`, l.budget);
      track(`${k} actual`, l.actualToDate);
    }
  }
  return { buckets, passedSafe };
}

describe('ledger sums: the integer-pence fast path equals decimal.js (src/engine/ledger.ts)', () => {
  it('every heading, the unmapped and the independent ledger total, exactly, on random ledgers (negative, pence, near 2^53, beyond the fast path, empty headings)', () => {
    let carried = 0;
    let runs = 0;
    fc.assert(fc.property(ledger, (lines) => {
      runs++;
      const agg = aggregateLedger({ lines, mapping: MAPPING, profiles: [], originalBudgets: new Map() }, HEADINGS);
      const { buckets, passedSafe } = reference(lines);
      if (passedSafe) carried++;
      const got = (b: { budget: Dec; actual: Dec; lines: number }) => ({ budget: text(b.budget), actual: text(b.actual), lines: b.lines });
      HEADINGS.forEach((h, i) => assert.deepEqual(got(agg.byHeading[i]), got(buckets.get(h)!), h));
      assert.deepEqual(got(agg.unmapped), got(buckets.get('unmapped')!), 'unmapped');
      assert.deepEqual(got(agg.total), got(buckets.get('total')!), 'ledger total');
      // heading D is never reached: nothing in it, exactly
      assert.deepEqual(got(agg.byHeading[3]), { budget: '0', actual: '0', lines: 0 });
      // the reconciliation's premise: the headings and the unmapped add up to the independent total
      const parts = [...agg.byHeading, agg.unmapped, agg.ambiguous];
      assert.equal(text(parts.reduce((s, b) => s.plus(b.budget), new Dec(0))), text(agg.total.budget));
      assert.equal(text(parts.reduce((s, b) => s.plus(b.actual), new Dec(0))), text(agg.total.actual));
    }), { numRuns: 300 });
    // the carry out of the safe-integer range was taken, and exact, in a good share of the ledgers
    assert.ok(carried >= runs / 4, `${carried} of ${runs} ledgers passed 2^53 pence`);
  });

  it('a running sum that passes 2^53 pence and comes back, line by line as a reader streams them', () => {
    // 9,999,999,999,999.99 is 999,999,999,999,999 pence; ten of them pass 2^53 - 1 (9,007,199,254,740,991)
    const a = new LedgerAggregator(MAPPING, HEADINGS);
    const big = { costCentre: 'C1', account: '4000', budget: '9999999999999.99', actualToDate: '-9999999999999.99' };
    for (let i = 0; i < 10; i++) a.add(big);
    a.add({ costCentre: 'C1', account: '4000', budget: '0.01', actualToDate: '-0.01' });
    for (let i = 0; i < 10; i++) a.add({ ...big, budget: '-9999999999999.99', actualToDate: '9999999999999.99' });
    a.add({ costCentre: 'C2', account: '4000', budget: '0.03', actualToDate: '-0.07' });
    const r = a.result();
    assert.equal(text(r.byHeading[0].budget), '0.01');
    assert.equal(text(r.byHeading[0].actual), '-0.01');
    assert.equal(text(r.byHeading[1].budget), '0.03');
    assert.equal(text(r.total.budget), '0.04');
    assert.equal(text(r.total.actual), '-0.08');
    // and held at the top: 99,999,999,999,999.91 pounds, every penny kept
    const b = new LedgerAggregator(MAPPING, HEADINGS);
    for (let i = 0; i < 10; i++) b.add({ ...big, actualToDate: '1' });
    b.add({ costCentre: 'C1', account: '4000', budget: '0.01', actualToDate: '0' });
    assert.equal(text(b.result().byHeading[0].budget), '99999999999999.91');
    assert.equal(text(b.result().total.budget), '99999999999999.91');
  });
});
