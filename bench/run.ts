// `npm run bench [-- --json] [-- --quick]`: what the product costs as its work grows.
//  1. the engine on 10^3..10^6 ledger lines: exact (integer pence with safe-integer checks, then
//     Dec), exact with decimal.js per amount, and THE INEXACT BASELINE (plain `number`), each size
//     and mode in its own process for a clean peak memory;
//  2. the Office.js writer on the fake Excel: context.sync() calls, requests, bytes, cells;
//  3. the command line's build time (a real `node bin/outturn.js build` process).
// Reported as tables, never as timed tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Dec } from '../src/engine/decimal';
import type { EngineCase } from './engine-case';
import { productAggregation } from './ledger';
import { scaledExample } from './scale';
import { writerBench, type WriterRow } from './writer';

const ROOT = join(__dirname, '..');
const args = new Set(process.argv.slice(2));
const asJson = args.has('--json');
const quick = args.has('--quick');
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000, 1_000_000];
const log = (s: string) => { if (!asJson) process.stderr.write(`${s}\n`); };

function engineCase(mode: EngineCase['mode'], n: number): EngineCase {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'engine-case.ts'), mode, String(n)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  return JSON.parse(out) as EngineCase;
}

/** The largest difference, in £, between the float baseline's heading totals and the exact ones. */
function floatDrift(exact: EngineCase, float: EngineCase): Dec {
  let max = new Dec(0);
  for (const [h, [b, a]] of Object.entries(exact.totals)) {
    const [fb, fa] = float.totals[h];
    max = Dec.max(max, new Dec(fb).minus(b).abs(), new Dec(fa).minus(a).abs());
  }
  return max;
}

interface EngineRow {
  lines: number;
  exactMs: number;
  exactAggregateMs: number;
  exactTablesMs: number;
  decPerAmountMs: number;
  floatMs: number;
  ratio: number;
  ratioAggregate: number;
  floatDriftPounds: string;
  peakRssMB: { exact: number; dec: number; float: number };
  rssBeforeMB: number;
}

interface CliRow {
  case: string;
  ms: number | null;
  outputBytes?: number;
  exitCode?: number;
  note?: string;
}

function cliBench(): { runner: string; rows: CliRow[] } {
  const dir = mkdtempSync(join(tmpdir(), 'outturn-bench-'));
  const runner = existsSync(join(ROOT, 'lib', 'cli', 'main.js')) ? 'compiled lib/ (node bin/outturn.js)' : 'TypeScript through tsx (no lib/: run `npm run build:cli` for the compiled time)';
  const rows: CliRow[] = [];
  const time = (name: string, input: string) => {
    const out = join(dir, `${name}.xlsx`);
    const runs: number[] = [];
    let code = 0;
    for (let i = 0; i < 3; i++) {
      rmSync(out, { force: true });
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'outturn.js'), 'build', input, '-o', out], { encoding: 'utf8' });
      runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      code = r.status ?? -1;
      if (code === 2 || !existsSync(out)) throw new Error(`outturn build ${name} failed (${code}): ${r.stderr}`);
    }
    rows.push({ case: name, ms: runs.sort((a, b) => a - b)[1], outputBytes: statSync(out).size, exitCode: code });
  };
  try {
    for (const k of [1, 10, 100]) {
      const input = join(dir, `example-x${k}.json`);
      writeFileSync(input, JSON.stringify(scaledExample(k)));
      time(k === 1 ? 'worked example' : `worked example ×${k}`, input);
    }
    const product = productAggregation();
    if (product) {
      rows.push({ case: '1,000,000 ledger lines', ms: null, note: `n/a (${product.name} exists: wire the million-line input here)` });
    } else {
      rows.push({ case: '1,000,000 ledger lines', ms: null, note: 'n/a (ledger-level input is not yet in outturn/v1: issue 5)' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { runner, rows };
}

function pad(s: string | number, n: number, right = false): string {
  const t = String(s);
  return right ? t.padEnd(n) : t.padStart(n);
}
const f1 = (x: number) => x.toFixed(1);

function main(): void {
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${process.platform}`;
  log(`Outturn bench on ${machine}`);
  const engine: EngineRow[] = [];
  for (const n of SIZES) {
    log(`  engine: ${n.toLocaleString('en-GB')} ledger lines…`);
    const float = engineCase('float', n);
    const exact = engineCase('exact', n);
    const dec = engineCase('dec', n);
    engine.push({
      lines: n,
      exactMs: exact.totalMs,
      exactAggregateMs: exact.aggregateMs,
      exactTablesMs: exact.tablesMs,
      decPerAmountMs: dec.totalMs,
      floatMs: float.totalMs,
      ratio: exact.totalMs / float.totalMs,
      ratioAggregate: exact.aggregateMs / float.aggregateMs,
      floatDriftPounds: floatDrift(exact, float).toFixed(),
      peakRssMB: { exact: exact.peakRssMB, dec: dec.peakRssMB, float: float.peakRssMB },
      rssBeforeMB: exact.rssBeforeMB,
    });
  }
  log('  writer on the fake Excel…');
  const writer = writerBench();
  log('  command line…');
  const cli = cliBench();
  const aggregation = productAggregation()?.name ?? 'the bench\'s own (bench/ledger.ts, src/engine/pence.ts): the product\'s ledger aggregation (issue 5) is not there yet';

  if (asJson) {
    process.stdout.write(`${JSON.stringify({ machine, aggregation, engine, writer, cli }, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(`Machine: ${machine}`);
  out.push(`Aggregation measured: ${aggregation}`);
  out.push('');
  out.push('Engine: aggregate N ledger lines to headings and compute Tables 1-3 (median ms; own process per cell)');
  out.push('| ledger lines | exact ms (aggregate + tables) | exact, Dec per amount ms | float baseline ms | exact ÷ float (total; aggregate only) | float drift £ | peak RSS MB exact / Dec / float |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|');
  for (const e of engine) {
    out.push(`| ${e.lines.toLocaleString('en-GB')} | ${f1(e.exactMs)} (${f1(e.exactAggregateMs)} + ${f1(e.exactTablesMs)}) | ${f1(e.decPerAmountMs)} | ${f1(e.floatMs)} | ${e.ratio.toFixed(2)}×; ${e.ratioAggregate.toFixed(2)}× | ${e.floatDriftPounds} | ${f1(e.peakRssMB.exact)} / ${f1(e.peakRssMB.dec)} / ${f1(e.peakRssMB.float)} |`);
  }
  out.push('');
  out.push('Office.js writer on the fake Excel (test/fakes/fake-excel.ts)');
  if (typeof writer === 'string') out.push(`  ${writer}`);
  else {
    out.push('| input | sheets | context.sync() calls | requests | largest request bytes | total bytes | cells written |');
    out.push('|---|---:|---:|---:|---:|---:|---:|');
    for (const w of writer as WriterRow[]) out.push(`| ${w.case} | ${w.sheets} | ${w.syncs} | ${w.requests} | ${w.maxRequestBytes.toLocaleString('en-GB')} | ${w.totalBytes.toLocaleString('en-GB')} | ${w.cells.toLocaleString('en-GB')} |`);
  }
  out.push('');
  out.push(`Command line: outturn build, median of 3 runs, ${cli.runner}`);
  out.push('| input | ms | workbook bytes | exit |');
  out.push('|---|---:|---:|---:|');
  for (const c of cli.rows) out.push(`| ${c.case} | ${c.ms === null ? c.note : f1(c.ms)} | ${c.outputBytes?.toLocaleString('en-GB') ?? ''} | ${c.exitCode ?? ''} |`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
