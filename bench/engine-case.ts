// One engine measurement in its own process (so its peak memory is its own):
//   tsx bench/engine-case.ts MODE N
// MODE: product (the product's own path: outturn/v1 with revenue.ledger → toModel → build, which
// aggregates the ledger exactly), pence (the bench's aggregation with src/engine/pence.ts, then the
// headings → toModel → build), dec (decimal.js per amount, then the same), or float (THE INEXACT
// BASELINE, bench/float-baseline.ts). Prints one JSON line. For product, `aggregateMs` is the
// validation (toModel: schema and model) and `tablesMs` is build() (aggregation and every table).
import { text } from '../src/base/decimal';
import { build } from '../src/engine/build';
import { toModel } from '../src/format/validate';
import { floatBaselineAggregate, floatBaselineTables } from './float-baseline';
import { aggregateDecPerLine, aggregateExact, documentFromTotals, exampleDocument, generateLedger, ledgerDocument } from './ledger';

export interface EngineCase {
  mode: 'product' | 'pence' | 'dec' | 'float';
  n: number;
  reps: number;
  aggregateMs: number;
  tablesMs: number;
  totalMs: number;
  rssBeforeMB: number;
  peakRssMB: number;
  heapUsedMB: number;
  /** heading → total budget and actual, as decimal text (float: the double's shortest text) */
  totals: Record<string, [string, string]>;
}

const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function run(mode: EngineCase['mode'], n: number): EngineCase {
  const ledger = generateLedger(n);
  const rssBefore = process.memoryUsage().rss;
  const reps = n <= 10_000 ? 21 : n <= 100_000 ? 7 : 3;
  // warm-up runs (not counted), so that both modes are measured with the JIT warm
  const warm = n <= 10_000 ? 50 : n <= 100_000 ? 5 : 1;
  const agg: number[] = [];
  const tab: number[] = [];
  let totals: EngineCase['totals'] = {};
  for (let i = -warm; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    if (mode === 'product') {
      const doc = ledgerDocument(ledger);
      const t0p = process.hrtime.bigint();
      const model = toModel(doc);
      const t1 = process.hrtime.bigint();
      const result = build(model);
      const t2 = process.hrtime.bigint();
      if (i >= 0) { agg.push(ms(t0p, t1)); tab.push(ms(t1, t2)); }
      const rev = result.tables.find((t) => t.id === 'revenue')!;
      const col = (id: string) => rev.columns.findIndex((c) => c.id === id);
      totals = Object.fromEntries(rev.rows.filter((r) => r.kind === 'line').map((r) => {
        const fig = (id: string) => { const c = r.cells[col(id)]; return c && 'exact' in c ? text(c.exact) : ''; };
        return [r.label, [fig('revised'), fig('outturn')]];
      }));
    } else if (mode === 'float') {
      const h = floatBaselineAggregate(ledger);
      const t1 = process.hrtime.bigint();
      floatBaselineTables(exampleDocument() as never, h);
      const t2 = process.hrtime.bigint();
      if (i >= 0) { agg.push(ms(t0, t1)); tab.push(ms(t1, t2)); }
      totals = Object.fromEntries(h.map((x) => [x.heading, [String(x.budget), String(x.actual)]]));
    } else {
      const h = mode === 'pence' ? aggregateExact(ledger) : aggregateDecPerLine(ledger);
      const t1 = process.hrtime.bigint();
      const result = build(toModel(documentFromTotals(ledger, h)));
      const t2 = process.hrtime.bigint();
      if (result.tables.length !== 4) throw new Error('the engine did not build every table');
      if (i >= 0) { agg.push(ms(t0, t1)); tab.push(ms(t1, t2)); }
      totals = Object.fromEntries(h.map((x) => [x.heading, [text(x.budget), text(x.actual)]]));
    }
  }
  const a = median(agg);
  const t = median(tab);
  return {
    mode,
    n,
    reps,
    aggregateMs: a,
    tablesMs: t,
    totalMs: a + t,
    rssBeforeMB: rssBefore / 2 ** 20,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedMB: process.memoryUsage().heapUsed / 2 ** 20,
    totals,
  };
}

if (require.main === module) {
  const [mode, n] = process.argv.slice(2);
  if (!['product', 'pence', 'dec', 'float'].includes(mode) || !/^[0-9]+$/.test(n ?? '')) {
    process.stderr.write('usage: tsx bench/engine-case.ts product|pence|dec|float N\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(run(mode as EngineCase['mode'], Number(n)))}\n`);
}
