// `npm run bench [-- --json] [-- --quick]`: what the product costs as its work grows.
//  1. the engine on 10^3..10^6 ledger lines: the product's exact path (outturn/v1 revenue.ledger:
//     validation, then build(), which aggregates with integer pence, safe-integer checked, then Dec),
//     the bench's own exact aggregation, decimal.js per amount, and THE INEXACT BASELINE (plain
//     `number`), each size and mode in its own process for a clean peak memory;
//  2. the Office.js writer on the fake Excel: context.sync() calls, requests, bytes, cells;
//  3. the command line's build time (a real `node bin/outturn.js build` process).
// Reported as tables, never as timed tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Dec } from '../src/base/decimal';
import type { EngineCase } from './engine-case';
import { generateLedger, ledgerDocument, productAggregation } from './ledger';
import { scaledExample } from './scale';
import { writerBench, type WriterRow } from './writer';
import { INPUT_LIMITS } from '../src/cli/build';
import { reportBench, reportTable } from './report';

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
  /** the product: validate (toModel) + build (aggregate the ledger, every table) */
  productValidateMs?: number;
  productBuildMs?: number;
  /** the bench's own exact aggregation (src/engine/pence.ts) + headings → toModel → build */
  penceMs: number;
  decPerAmountMs: number;
  floatMs: number;
  /** product build ÷ float; product validate + build ÷ float; pence path ÷ float */
  ratioBuild?: number;
  ratioTotal?: number;
  ratioPence: number;
  floatDriftPounds: string;
  peakRssMB: { product?: number; pence: number; dec: number; float: number };
}

interface CliRow {
  case: string;
  ms: number | null;
  outputBytes?: number;
  exitCode?: number;
  note?: string;
}

function timeBuild(input: string, out: string, runs: number): { ms: number; code: number } {
  const times: number[] = [];
  let code = 0;
  for (let i = 0; i < runs; i++) {
    rmSync(out, { force: true });
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'outturn.js'), 'build', input, '-o', out], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    code = r.status ?? -1;
    if (code === 2 || !existsSync(out)) throw new Error(`outturn build ${input} failed (${code}): ${r.stderr.slice(0, 2000)}`);
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(times.length / 2)], code };
}

function cliBench(): { runner: string; rows: CliRow[] } {
  const dir = mkdtempSync(join(tmpdir(), 'outturn-bench-'));
  const runner = existsSync(join(ROOT, 'lib', 'cli', 'main.js')) ? 'compiled lib/ (node bin/outturn.js)' : 'TypeScript through tsx (no lib/: run `npm run build:cli` for the compiled time)';
  const rows: CliRow[] = [];
  const time = (name: string, input: string) => {
    const out = join(dir, `${name.replace(/\W+/g, '-')}.xlsx`);
    const t = timeBuild(input, out, 3);
    rows.push({ case: name, ms: t.ms, outputBytes: statSync(out).size, exitCode: t.code });
  };
  try {
    for (const k of [1, 10, 100]) {
      const input = join(dir, `example-x${k}.json`);
      writeFileSync(input, JSON.stringify(scaledExample(k)));
      time(k === 1 ? 'worked example' : `worked example ×${k}`, input);
    }
    if (productAggregation() && !quick) {
      const input = join(dir, 'ledger-1000000.json');
      writeFileSync(input, JSON.stringify(ledgerDocument(generateLedger(1_000_000))));
      const size = statSync(input).size;
      const out = join(dir, 'ledger.xlsx');
      const t = timeBuild(input, out, 1);
      rows.push({ case: `1,000,000 ledger lines (${(size / 2 ** 20).toFixed(0)} MB of JSON; limit ${INPUT_LIMITS.json / 2 ** 20} MB)`, ms: t.ms, outputBytes: statSync(out).size, exitCode: t.code });
    } else {
      rows.push({ case: '1,000,000 ledger lines', ms: null, note: quick ? 'skipped (--quick)' : 'n/a (ledger-level input is not yet in outturn/v1: issue 5)' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { runner, rows };
}

const f1 = (x: number) => x.toFixed(1);

async function main(): Promise<void> {
  // 4. the audit of a 100-page PDF report (bench/report.ts); `-- --report` runs this section alone
  const report = await (log('  report audit: a 100-page PDF…'), reportBench());
  if (args.has('--report')) return void process.stdout.write(`${asJson ? JSON.stringify({ report }, null, 2) : reportTable(report).join('\n')}\n`);
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${process.platform}`;
  log(`Outturn bench on ${machine}`);
  const engine: EngineRow[] = [];
  const product = productAggregation() !== undefined;
  for (const n of SIZES) {
    log(`  engine: ${n.toLocaleString('en-GB')} ledger lines…`);
    const float = engineCase('float', n);
    const pence = engineCase('pence', n);
    const dec = engineCase('dec', n);
    const prod = product ? engineCase('product', n) : undefined;
    engine.push({
      lines: n,
      productValidateMs: prod?.aggregateMs,
      productBuildMs: prod?.tablesMs,
      penceMs: pence.totalMs,
      decPerAmountMs: dec.totalMs,
      floatMs: float.totalMs,
      ratioBuild: prod && prod.tablesMs / float.totalMs,
      ratioTotal: prod && prod.totalMs / float.totalMs,
      ratioPence: pence.totalMs / float.totalMs,
      floatDriftPounds: floatDrift(prod ?? pence, float).toFixed(),
      peakRssMB: { product: prod?.peakRssMB, pence: pence.peakRssMB, dec: dec.peakRssMB, float: float.peakRssMB },
    });
  }
  log('  writer on the fake Excel…');
  const writer = await writerBench();
  log('  command line…');
  const cli = cliBench();
  const aggregation = product
    ? 'the product\'s (outturn/v1 revenue.ledger → toModel → build: src/engine/ledger.ts), and the bench\'s own (bench/ledger.ts with src/engine/pence.ts) beside it'
    : 'the bench\'s own (bench/ledger.ts, src/engine/pence.ts): the product\'s ledger aggregation (issue 5) is not there yet';

  if (asJson) {
    process.stdout.write(`${JSON.stringify({ machine, aggregation, engine, writer, cli, report }, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(`Machine: ${machine}`);
  out.push(`Aggregation: ${aggregation}`);
  out.push('');
  out.push('Engine: N ledger lines aggregated to Table 1 and all tables computed (median ms, JIT warm; each cell its own process)');
  out.push('| ledger lines | exact, product: validate + build | exact, bench aggregation (pence) | exact, Dec per amount | float baseline | build ÷ float | validate + build ÷ float | pence path ÷ float | float drift £ | peak RSS MB product / pence / Dec / float |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const na = (x: number | undefined, f: (y: number) => string) => (x === undefined ? 'n/a' : f(x));
  for (const e of engine) {
    out.push(`| ${e.lines.toLocaleString('en-GB')} | ${na(e.productValidateMs, f1)} + ${na(e.productBuildMs, f1)} | ${f1(e.penceMs)} | ${f1(e.decPerAmountMs)} | ${f1(e.floatMs)} | ${na(e.ratioBuild, (x) => `${x.toFixed(2)}×`)} | ${na(e.ratioTotal, (x) => `${x.toFixed(2)}×`)} | ${e.ratioPence.toFixed(2)}× | ${e.floatDriftPounds} | ${na(e.peakRssMB.product, f1)} / ${f1(e.peakRssMB.pence)} / ${f1(e.peakRssMB.dec)} / ${f1(e.peakRssMB.float)} |`);
  }
  out.push('');
  out.push('Office.js writer on the fake Excel (test/fakes/fake-excel.ts)');
  if (typeof writer === 'string') out.push(`  ${writer}`);
  else {
    out.push('| input | sheets written | context.sync() calls (read + write) | write requests | largest request bytes | all bytes | cells written |');
    out.push('|---|---:|---:|---:|---:|---:|---:|');
    for (const w of writer as WriterRow[]) out.push(`| ${w.case} | ${w.sheets} | ${w.syncs} | ${w.requests} | ${w.maxRequestBytes.toLocaleString('en-GB')} | ${w.totalBytes.toLocaleString('en-GB')} | ${w.cells.toLocaleString('en-GB')} |`);
  }
  out.push('');
  out.push(`Command line: outturn build, median of 3 runs, ${cli.runner}`);
  out.push('| input | ms | workbook bytes | exit |');
  out.push('|---|---:|---:|---:|');
  for (const c of cli.rows) out.push(`| ${c.case} | ${c.ms === null ? c.note : f1(c.ms)} | ${c.outputBytes?.toLocaleString('en-GB') ?? ''} | ${c.exitCode ?? ''} |`);
  out.push('', ...reportTable(report));
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
