// One engine measurement in its own process (so its peak memory is its own):
//   tsx bench/engine-case.ts MODE N [EXPORT_JSON]
// MODE: csv (the product's path from a ledger export: the lines read from a CSV by the export reader
// before the clock starts; then, as `outturn build` runs them, toModel of the document (no lines) →
// each line summed by the LedgerAggregator (which outturn build feeds as it reads) → build: the engine alone),
// float-csv (THE INEXACT BASELINE, bench/float-baseline.ts, on the very same line objects of the
// same export, read the same way before the clock: the peer of csv, same input, same grouping by
// cost centre into the headings, and the same preparation, so the peak memories compare too),
// product (the product's own path: outturn/v1 with revenue.ledger → toModel → build, which
// aggregates the ledger exactly), pence (the bench's aggregation with src/engine/pence.ts, then the
// headings → toModel → build), dec (decimal.js per amount, then the same), or float (the inexact
// baseline on the generated lines: the peer of product, pence and dec). EXPORT_JSON (csv and
// float-csv): the outturn/v1 document whose linesFrom names the export (bench/peers.ts
// ledgerExport), made once by bench/run.ts for both; without it the case writes its own.
// Prints one JSON line. For product, `aggregateMs` is the validation (toModel: schema and model)
// and `tablesMs` is build() (aggregation and every table). `cpuMs` is the process's CPU time
// (user + system, every thread: GC included) over the same runs, median; `peakAddedMB` how far the
// measured runs raised the process's peak memory above what it reached preparing the input.
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
  mode: 'csv' | 'float-csv' | 'product' | 'pence' | 'dec' | 'float';
  n: number;
  reps: number;
  aggregateMs: number;
  tablesMs: number;
  totalMs: number;
  /** CPU time (user + system) of the process over aggregation and tables, median of the runs */
  cpuMs: number;
  rssBeforeMB: number;
  peakRssMB: number;
  /** peak RSS after the measured runs minus the peak before them (the input's preparation) */
  peakAddedMB: number;
  heapUsedMB: number;
  /** heading → total budget and actual, as decimal text (float: the double's shortest text) */
  totals: Record<string, [string, string]>;
}

const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = (c0: NodeJS.CpuUsage) => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; };
const MODES: EngineCase['mode'][] = ['csv', 'float-csv', 'product', 'pence', 'dec', 'float'];

/** The lines of a ledger export as the export reader gives them (src/cli/ledger-file.ts), read before any clock. */
async function exportLines(n: number, json?: string): Promise<LedgerLine[]> {
  const dir = json ? undefined : mkdtempSync(join(tmpdir(), 'outturn-engine-csv-'));
  try {
    const file = json ?? (await ledgerExport(dir!, n)).json;
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { revenue: { ledger: { linesFrom: Parameters<typeof readLedgerExport>[0] } } };
    const lines = (await readLedgerExport(doc.revenue.ledger.linesFrom, file)).lines;
    if (lines.length !== n) throw new Error(`${file}: ${lines.length} lines, not ${n}`);
    return lines;
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

async function run(mode: EngineCase['mode'], n: number, json?: string): Promise<EngineCase> {
  const fromExport = mode === 'csv' || mode === 'float-csv';
  const csvLines = fromExport ? await exportLines(n, json) : undefined;
  const ledger = generateLedger(fromExport ? 0 : n);
  if (csvLines) ledger.lines = csvLines as typeof ledger.lines; // the export reader's own line objects
  const peakBefore = process.resourceUsage().maxRSS;
  const rssBefore = process.memoryUsage().rss;
  const reps = n <= 10_000 ? 21 : n <= 100_000 ? 7 : 5;
  // warm-up runs (not counted), so that every mode is measured with the JIT warm
  const warm = n <= 10_000 ? 50 : n <= 100_000 ? 5 : 2;
  const agg: number[] = [];
  const tab: number[] = [];
  const cpu: number[] = [];
  let totals: EngineCase['totals'] = {};
  for (let i = -warm; i < reps; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    if (mode === 'product' || mode === 'csv') {
      const doc = ledgerDocument(mode === 'csv' ? { ...ledger, lines: [] } : ledger);
      const c0p = process.cpuUsage();
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
      if (i >= 0) { agg.push(ms(t0p, t1)); tab.push(ms(t1, t2)); cpu.push(cpuMs(c0p)); }
      const rev = result.tables.find((t) => t.id === 'revenue')!;
      const col = (id: string) => rev.columns.findIndex((c) => c.id === id);
      totals = Object.fromEntries(rev.rows.filter((r) => r.kind === 'line').map((r) => {
        const fig = (id: string) => { const c = r.cells[col(id)]; return c && 'exact' in c ? text(c.exact) : ''; };
        return [r.label, [fig('revised'), fig('outturn')]];
      }));
    } else if (mode === 'float' || mode === 'float-csv') {
      const h = floatBaselineAggregate(ledger);
      const t1 = process.hrtime.bigint();
      floatBaselineTables(exampleDocument() as never, h);
      const t2 = process.hrtime.bigint();
      if (i >= 0) { agg.push(ms(t0, t1)); tab.push(ms(t1, t2)); cpu.push(cpuMs(c0)); }
      totals = Object.fromEntries(h.map((x) => [x.heading, [String(x.budget), String(x.actual)]]));
    } else {
      const h = mode === 'pence' ? aggregateExact(ledger) : aggregateDecPerLine(ledger);
      const t1 = process.hrtime.bigint();
      const result = build(toModel(documentFromTotals(ledger, h)));
      const t2 = process.hrtime.bigint();
      if (result.tables.length !== 4) throw new Error('the engine did not build every table');
      if (i >= 0) { agg.push(ms(t0, t1)); tab.push(ms(t1, t2)); cpu.push(cpuMs(c0)); }
      totals = Object.fromEntries(h.map((x) => [x.heading, [text(x.budget), text(x.actual)]]));
    }
  }
  const a = median(agg);
  const t = median(tab);
  const peakAfter = process.resourceUsage().maxRSS;
  return {
    mode,
    n,
    reps,
    aggregateMs: a,
    tablesMs: t,
    totalMs: a + t,
    cpuMs: median(cpu),
    rssBeforeMB: rssBefore / 2 ** 20,
    peakRssMB: peakAfter / 1024,
    peakAddedMB: (peakAfter - peakBefore) / 1024,
    heapUsedMB: process.memoryUsage().heapUsed / 2 ** 20,
    totals,
  };
}

if (require.main === module) {
  const [mode, n, json] = process.argv.slice(2);
  if (!MODES.includes(mode as EngineCase['mode']) || !/^[0-9]+$/.test(n ?? '')) {
    process.stderr.write(`usage: tsx bench/engine-case.ts ${MODES.join('|')} N [EXPORT_JSON]\n`);
    process.exit(2);
  }
  void run(mode as EngineCase['mode'], Number(n), json).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
}
