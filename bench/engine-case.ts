// One engine measurement in its own process (so its peak memory is its own):
//   tsx bench/engine-case.ts MODE N
// MODE: csv (the product's path from a ledger export: the lines read from a CSV by the export reader
// before the clock starts; then, as `outturn build` runs them, toModel of the document (no lines) →
// each line summed by the LedgerAggregator (which outturn build feeds as it reads) → build: the engine alone),
// product (the product's own path: outturn/v1 with revenue.ledger → toModel → build, which
// aggregates the ledger exactly), pence (the bench's aggregation with src/engine/pence.ts, then the
// headings → toModel → build), dec (decimal.js per amount, then the same), or float (THE INEXACT
// BASELINE, bench/float-baseline.ts). Prints one JSON line. For product, `aggregateMs` is the
// validation (toModel: schema and model) and `tablesMs` is build() (aggregation and every table).
import { text } from '../src/base/decimal';
import { build } from '../src/engine/build';
import { toModel } from '../src/format/validate';
import { LedgerAggregator, ledgerHeadings } from '../src/engine/ledger';
import type { LedgerLine } from '../src/engine/model';
import { readLedgerExport } from '../src/cli/ledger-file';
import { ledgerExport } from './peers';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { floatBaselineAggregate, floatBaselineTables } from './float-baseline';
import { aggregateDecPerLine, aggregateExact, documentFromTotals, exampleDocument, generateLedger, ledgerDocument } from './ledger';

export interface EngineCase {
  mode: 'csv' | 'product' | 'pence' | 'dec' | 'float';
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

async function run(mode: EngineCase['mode'], n: number): Promise<EngineCase> {
  let csvLines: Awaited<ReturnType<typeof readLedgerExport>>['lines'] | undefined;
  if (mode === 'csv') {
    const dir = mkdtempSync(join(tmpdir(), 'outturn-engine-csv-'));
    const ex = await ledgerExport(dir, n);
    const doc = JSON.parse(readFileSync(ex.json, 'utf8')) as { revenue: { ledger: { linesFrom: Parameters<typeof readLedgerExport>[0] } } };
    csvLines = (await readLedgerExport(doc.revenue.ledger.linesFrom, ex.json)).lines;
    rmSync(dir, { recursive: true, force: true });
  }
  const ledger = generateLedger(mode === 'csv' ? 0 : n);
  if (csvLines) ledger.lines = csvLines as typeof ledger.lines; // the export reader's own line objects
  const rssBefore = process.memoryUsage().rss;
  const reps = n <= 10_000 ? 21 : n <= 100_000 ? 7 : 3;
  // warm-up runs (not counted), so that both modes are measured with the JIT warm
  const warm = n <= 10_000 ? 50 : n <= 100_000 ? 5 : 1;
  const agg: number[] = [];
  const tab: number[] = [];
  let totals: EngineCase['totals'] = {};
  for (let i = -warm; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    if (mode === 'product' || mode === 'csv') {
      const doc = ledgerDocument(mode === 'csv' ? { ...ledger, lines: [] } : ledger);
      const t0p = process.hrtime.bigint();
      let model = toModel(doc);
      if (mode === 'csv') {
        // as src/cli/ledger-file.ts (streamedLedger) does while it reads an export
        const l = model.revenue!.ledger!;
        const a = new LedgerAggregator(l.mapping, ledgerHeadings(model.revenue!));
        for (const x of ledger.lines) a.add(x as LedgerLine);
        model = { ...model, revenue: { ...model.revenue!, ledger: { ...l, aggregated: a.result() } } };
      }
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
  if (!['csv', 'product', 'pence', 'dec', 'float'].includes(mode) || !/^[0-9]+$/.test(n ?? '')) {
    process.stderr.write('usage: tsx bench/engine-case.ts csv|product|pence|dec|float N\n');
    process.exit(2);
  }
  void run(mode as EngineCase['mode'], Number(n)).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
}
