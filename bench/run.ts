// `npm run bench [-- --json] [-- --quick] [-- --libreoffice]`: what the product costs as its work
// grows, and each figure beside what a user would use instead, in the same run (bench/peers.ts).
//  1. the engine on 10^3..10^6 ledger lines, each size and mode in its own process for a clean peak
//     memory: the engine alone (the lines of a CSV export read by the product's export reader before
//     the clock; toModel, the LedgerAggregator, build) beside THE INEXACT BASELINE (plain `number`,
//     bench/float-baseline.ts) on the very same line objects of the same file, read the same way;
//     and from JSON: the product's exact path (outturn/v1 revenue.ledger: validation, then build(),
//     which aggregates with integer pence, safe-integer checked, then Dec), the bench's own exact
//     aggregation, decimal.js per amount, and the float baseline on the same generated lines;
//  2. the Office.js writer on the fake Excel: context.sync() calls, requests, bytes, cells;
//  3. the command line's build time (a real `node bin/outturn.js build` process);
//  4. beside the peers (bench/peers.ts): 10^6 ledger lines from a CSV export to the workbook against
//     Python decimal and float scripts, the audit of 10,000 and 100,000 printed rows against a Python
//     decimal cast, start-up through the installed binary against npx, and the floors;
//  5. the add-in's JavaScript, gzipped, as `npm run build` makes it, by when it loads (bench/addin.ts).
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
import { BIN, cleanup, has, largestDifference, ledgerExport, measure, outturnTotals, printedTable, type Run, toPounds } from './peers';
import { type AddinFile, addinFiles, addinTable, BUDGET_KB as ADDIN_BUDGET_KB } from './addin';
import { reportBench, reportTable } from './report';
import { recalculateSumifs, sumifsWorkbook } from './libreoffice';

const ROOT = join(__dirname, '..');
const args = new Set(process.argv.slice(2));
const asJson = args.has('--json');
const quick = args.has('--quick');
const withLibreOffice = args.has('--libreoffice');
// `-- --only=peers,addin` runs those sections alone (engine, writer, cli, report, peers, addin)
const only = [...args].find((a) => a.startsWith('--only='))?.slice(7).split(',');
const runs = (section: string) => !only || only.includes(section);
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000, 1_000_000];
const log = (s: string) => { if (!asJson) process.stderr.write(`${s}\n`); };

function engineCase(mode: EngineCase['mode'], n: number, exportJson?: string): EngineCase {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'engine-case.ts'), mode, String(n), ...(exportJson ? [exportJson] : [])], {
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
  /** the product from a CSV export: toModel + build on the export reader's lines (the engine alone) */
  csvMs: number;
  csvCpuMs: number;
  /** the float baseline on the same line objects of the same export, read the same way */
  floatCsvMs: number;
  floatCsvCpuMs: number;
  /** engine alone ÷ float on the same lines: wall, CPU */
  ratioCsv: number;
  ratioCsvCpu: number;
  /** the bench's own exact aggregation (src/engine/pence.ts) + headings → toModel → build */
  penceMs: number;
  decPerAmountMs: number;
  /** the float baseline on the generated lines (the JSON modes' input) */
  floatMs: number;
  /** product build ÷ float; product validate + build ÷ float; pence path ÷ float */
  ratioBuild?: number;
  ratioTotal?: number;
  ratioPence: number;
  floatDriftPounds: string;
  peakRssMB: { csv: number; floatCsv: number; product?: number; pence: number; dec: number; float: number };
  /** how far the measured runs raised the peak above the input's preparation: engine alone, float on the same lines */
  peakAddedMB: { csv: number; floatCsv: number };
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

interface PeerRow {
  case: string;
  outturn: string;
  outturnMs?: number;
  /** CPU time (user + system) of that run */
  outturnCpu?: number;
  outturnMB?: number;
  peer: string;
  peerMs?: number;
  peerCpu?: number;
  peerMB?: number;
  /** Outturn ÷ peer (time) */
  ratio?: number;
  note?: string;
}

const PY = join(__dirname, 'peers');
const ms = (r: Run | { timedOut: number }): number | undefined => ('ms' in r ? r.ms : undefined);
const cpu = (r: Run | { timedOut: number } | undefined): number | undefined => (r && 'ms' in r ? r.cpuMs : undefined);
const mb = (r: Run | { timedOut: number }): number | undefined => ('ms' in r ? r.peakMB : undefined);
const shown = (r: Run | { timedOut: number }): string => ('ms' in r ? f1(r.ms) : `> ${(r.timedOut / 1000).toFixed(0)} s (stopped)`);

/** Each figure beside what a user would pick instead, in this same run (bench/peers.ts). */
async function peersBench(): Promise<{ rows: PeerRow[]; floors: Record<string, number | undefined> }> {
  const dir = mkdtempSync(join(tmpdir(), 'outturn-peers-'));
  const rows: PeerRow[] = [];
  const python = has('python3') && has('python3', ['-c', 'import decimal, csv']);
  const node = process.execPath;
  try {
    const floors: Record<string, number | undefined> = {
      'node start (node -e 0)': ms(measure(node, ['-e', '0'], 5)),
      'python3 start': python ? ms(measure('python3', ['-c', 'pass'], 5)) : undefined,
    };
    // 1. the ledger from a CSV export to the finished workbook
    const n = quick ? 10_000 : 1_000_000;
    log(`  peers: ${n.toLocaleString('en-GB')} ledger lines from CSV…`);
    const ex = await ledgerExport(dir, n);
    floors[`node reads the ${(ex.bytes / 2 ** 20).toFixed(0)} MB CSV (node start included)`] = ms(measure(node, ['-e', `require('fs').readFileSync(${JSON.stringify(ex.csv)})`], 3));
    const result = join(dir, 'result.json');
    const build = measure(node, [BIN, 'build', ex.json, '-o', join(dir, 'ledger.xlsx'), '--json', result, '--force'], 5);
    const label = `${n.toLocaleString('en-GB')} ledger lines, CSV (${(ex.bytes / 2 ** 20).toFixed(1)} MB) → finished workbook`;
    if (python) {
      const dec = measure('python3', [join(PY, 'ledger_decimal.py'), ex.csv, ex.mapping], 5) as Run;
      const flo = measure('python3', [join(PY, 'ledger_float.py'), ex.csv, ex.mapping], 5) as Run;
      const decTotals = JSON.parse(dec.stdout) as Record<string, [string, string]>;
      const agree = JSON.stringify(toPounds(decTotals)) === JSON.stringify(Object.fromEntries(Object.keys(decTotals).map((h) => [h, outturnTotals(result)[h]])));
      rows.push({ case: label, outturn: 'outturn build', outturnMs: ms(build), outturnCpu: cpu(build), outturnMB: mb(build), peer: 'Python 3 csv + decimal, sums only', peerMs: dec.ms, peerCpu: dec.cpuMs, peerMB: dec.peakMB, ratio: ms(build)! / dec.ms, note: agree ? 'Table 1 = Python decimal sums, to the pound' : 'Table 1 DIFFERS from the Python decimal sums' });
      const drift = largestDifference(decTotals, JSON.parse(flo.stdout) as Record<string, [string, string]>);
      rows.push({ case: label, outturn: 'outturn build', outturnMs: ms(build), outturnCpu: cpu(build), outturnMB: mb(build), peer: 'Python 3 csv + float (inexact)', peerMs: flo.ms, peerCpu: flo.cpuMs, peerMB: flo.peakMB, ratio: ms(build)! / flo.ms, note: `floats off by up to £${drift.toFixed()}` });
    } else rows.push({ case: label, outturn: 'outturn build', outturnMs: ms(build), outturnCpu: cpu(build), outturnMB: mb(build), peer: 'Python 3: not on this machine' });
    if (withLibreOffice) {
      const exe = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
      if (!exe) rows.push({ case: label, outturn: 'outturn build', outturnMs: ms(build), outturnCpu: cpu(build), peer: 'LibreOffice SUMIFS: not on this machine' });
      else {
        log(`  peers: LibreOffice recalculating a SUMIFS workbook of ${n.toLocaleString('en-GB')} lines (minutes)…`);
        const wb = await sumifsWorkbook(join(dir, 'lo'), ex.csv, ex.mapping);
        const lo = recalculateSumifs(exe, wb.file, join(dir, 'lo'), quick ? 3 : 1);
        let note = 'LibreOffice computed the Summary';
        if (python) {
          const dec = JSON.parse((measure('python3', [join(PY, 'ledger_decimal.py'), ex.csv, ex.mapping], 1) as Run).stdout) as Record<string, [string, string]>;
          note = `LibreOffice's sums (binary floating point) off the exact ones by up to £${largestDifference(dec, lo.sums).toFixed()}`;
        }
        rows.push({ case: label, outturn: 'outturn build', outturnMs: ms(build), outturnCpu: cpu(build), outturnMB: mb(build), peer: `LibreOffice ${quick ? '(median of 3)' : '(one run after a warm-up)'}: SUMIFS workbook recalculated (load, compute, write the Summary)`, peerMs: ms(lo.run), peerCpu: cpu(lo.run), peerMB: mb(lo.run), ratio: 'ms' in lo.run ? ms(build)! / lo.run.ms : undefined, note });
      }
    }
    // 2. the audit of a printed table
    for (const r of quick ? [10_000] : [10_000, 100_000]) {
      log(`  peers: audit of ${r.toLocaleString('en-GB')} printed rows…`);
      const table = printedTable(dir, r);
      const a = measure(node, [BIN, 'audit', table], 5, { timeoutMs: 300_000 });
      const p = python ? (measure('python3', [join(PY, 'audit_decimal.py'), table], 5) as Run) : undefined;
      rows.push({ case: `audit of ${r.toLocaleString('en-GB')} printed rows (CSV, ${(statSync(table).size / 2 ** 20).toFixed(1)} MB)`, outturn: `outturn audit${'ms' in a ? '' : `: ${shown(a)}`}`, outturnMs: ms(a), outturnCpu: cpu(a), outturnMB: mb(a), peer: p ? 'Python 3 csv + decimal cast' : 'Python 3: not on this machine', peerMs: p?.ms, peerCpu: p?.cpuMs, peerMB: p?.peakMB, ratio: p && ms(a) ? ms(a)! / p.ms : undefined, note: p && p.stdout.trim() === '0' ? 'both: the table casts' : undefined });
    }
    // 3. start-up, through the installed binary and through npx
    log('  peers: start-up…');
    const help = measure(node, [BIN, '--help'], 5);
    const npx = measure('npx', ['--no-install', 'outturn', '--help'], 3);
    const nodeStart = floors['node start (node -e 0)'];
    rows.push({ case: 'outturn --help', outturn: 'node bin/outturn.js --help', outturnMs: ms(help), outturnCpu: cpu(help), outturnMB: mb(help), peer: 'npx outturn --help', peerMs: ms(npx), peerCpu: cpu(npx), peerMB: mb(npx), ratio: ms(help)! / ms(npx)!, note: nodeStart ? `node itself: ${f1(nodeStart)} ms` : undefined });
    const example = join(ROOT, 'examples', 'derbyshire-2020-21.json');
    const wb = measure(node, [BIN, 'build', example, '-o', join(dir, 'example.xlsx'), '--force'], 5);
    const wbNpx = measure('npx', ['--no-install', 'outturn', 'build', example, '-o', join(dir, 'example.xlsx'), '--force'], 3);
    rows.push({ case: 'the worked example, built', outturn: 'node bin/outturn.js build', outturnMs: ms(wb), outturnCpu: cpu(wb), outturnMB: mb(wb), peer: 'npx outturn build', peerMs: ms(wbNpx), peerCpu: cpu(wbNpx), peerMB: mb(wbNpx), ratio: ms(wb)! / ms(wbNpx)! });
    return { rows, floors };
  } finally {
    cleanup(dir);
  }
}

/** The add-in's JavaScript as shipped (npm run build), gzipped as a server sends it (bench/addin.ts). */
function addinBench(): { files: AddinFile[]; note?: string } {
  if (quick) return { files: [], note: 'skipped (--quick)' };
  log('  add-in: npm run build…');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) return { files: [], note: `webpack failed: ${r.stderr.slice(0, 500)}` };
  return { files: addinFiles(join(ROOT, 'dist')) };
}

async function main(): Promise<void> {
  // 4. the audit of a 100-page PDF report (bench/report.ts); `-- --report` runs this section alone
  const report = runs('report') ? await (log('  report audit: a 100-page PDF…'), reportBench()) : 'skipped (--only)';
  if (args.has('--report')) return void process.stdout.write(`${asJson ? JSON.stringify({ report }, null, 2) : reportTable(report).join('\n')}\n`);
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${process.platform}`;
  log(`Outturn bench on ${machine}`);
  const engine: EngineRow[] = [];
  const product = productAggregation() !== undefined;
  for (const n of runs('engine') ? SIZES : []) {
    log(`  engine: ${n.toLocaleString('en-GB')} ledger lines…`);
    // one export for the engine alone and its float peer: the same file, read the same way by both
    const dir = mkdtempSync(join(tmpdir(), 'outturn-engine-'));
    let csv: EngineCase;
    let floatCsv: EngineCase;
    try {
      const ex = await ledgerExport(dir, n);
      csv = engineCase('csv', n, ex.json);
      floatCsv = engineCase('float-csv', n, ex.json);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const float = engineCase('float', n);
    const pence = engineCase('pence', n);
    const dec = engineCase('dec', n);
    const prod = product ? engineCase('product', n) : undefined;
    engine.push({
      lines: n,
      productValidateMs: prod?.aggregateMs,
      productBuildMs: prod?.tablesMs,
      csvMs: csv.totalMs,
      csvCpuMs: csv.cpuMs,
      floatCsvMs: floatCsv.totalMs,
      floatCsvCpuMs: floatCsv.cpuMs,
      ratioCsv: csv.totalMs / floatCsv.totalMs,
      ratioCsvCpu: csv.cpuMs / floatCsv.cpuMs,
      penceMs: pence.totalMs,
      decPerAmountMs: dec.totalMs,
      floatMs: float.totalMs,
      ratioBuild: prod && prod.tablesMs / float.totalMs,
      ratioTotal: prod && prod.totalMs / float.totalMs,
      ratioPence: pence.totalMs / float.totalMs,
      floatDriftPounds: floatDrift(prod ?? pence, float).toFixed(),
      peakRssMB: { csv: csv.peakRssMB, floatCsv: floatCsv.peakRssMB, product: prod?.peakRssMB, pence: pence.peakRssMB, dec: dec.peakRssMB, float: float.peakRssMB },
      peakAddedMB: { csv: csv.peakAddedMB, floatCsv: floatCsv.peakAddedMB },
    });
    if (JSON.stringify(csv.totals) !== JSON.stringify((prod ?? pence).totals)) throw new Error(`${n} lines: the engine alone's Table 1 differs from the JSON path's`);
  }
  if (runs('writer')) log('  writer on the fake Excel…');
  const writer = runs('writer') ? await writerBench() : 'skipped (--only)';
  if (runs('cli')) log('  command line…');
  const cli = runs('cli') ? cliBench() : { runner: 'skipped (--only)', rows: [] };
  const peers = runs('peers') ? await peersBench() : { rows: [], floors: {} };
  const addin = runs('addin') ? addinBench() : { files: [], note: 'skipped (--only)' };
  const load = (await import('node:os')).loadavg();
  const aggregation = product
    ? 'the product\'s (outturn/v1 revenue.ledger → toModel → build: src/engine/ledger.ts), and the bench\'s own (bench/ledger.ts with src/engine/pence.ts) beside it'
    : 'the bench\'s own (bench/ledger.ts, src/engine/pence.ts): the product\'s ledger aggregation (issue 5) is not there yet';

  if (asJson) {
    process.stdout.write(`${JSON.stringify({ machine, load, aggregation, engine, writer, cli, report, peers, addin }, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(`Machine: ${machine}`);
  out.push(`Aggregation: ${aggregation}`);
  out.push('');
  out.push('Engine alone: N ledger lines from a CSV export, read by the export reader before the clock (the same file and line objects for both), aggregated into Table 1 and every table computed (median ms of the runs, JIT warm; each cell its own process; CPU = user + system of the process, GC threads included)');
  out.push('| ledger lines | exact (toModel + LedgerAggregator + build): wall / CPU | float baseline, same lines: wall / CPU | **ratio wall / CPU** (target ≤ 1.5) | peak RSS MB exact / float | **peak ratio** (target ≤ 1.5) | peak added by the runs MB exact / float |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|');
  for (const e of engine) {
    out.push(`| ${e.lines.toLocaleString('en-GB')} | ${f1(e.csvMs)} / ${f1(e.csvCpuMs)} | ${f1(e.floatCsvMs)} / ${f1(e.floatCsvCpuMs)} | ${e.ratioCsv.toFixed(2)}× / ${e.ratioCsvCpu.toFixed(2)}× | ${f1(e.peakRssMB.csv)} / ${f1(e.peakRssMB.floatCsv)} | ${(e.peakRssMB.csv / e.peakRssMB.floatCsv).toFixed(2)}× | ${f1(e.peakAddedMB.csv)} / ${f1(e.peakAddedMB.floatCsv)} |`);
  }
  out.push('');
  out.push('Engine from JSON: the generated lines in memory (median ms, JIT warm; each cell its own process)');
  out.push('| ledger lines | exact, JSON: validate + build | exact, bench aggregation (pence) | exact, Dec per amount | float baseline | build ÷ float | validate + build ÷ float | pence path ÷ float | float drift £ | peak RSS MB JSON / pence / Dec / float |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const na = (x: number | undefined, f: (y: number) => string) => (x === undefined ? 'n/a' : f(x));
  for (const e of engine) {
    out.push(`| ${e.lines.toLocaleString('en-GB')} | ${na(e.productValidateMs, f1)} + ${na(e.productBuildMs, f1)} | ${f1(e.penceMs)} | ${f1(e.decPerAmountMs)} | ${f1(e.floatMs)} | ${na(e.ratioBuild, (x) => `${x.toFixed(2)}×`)} | ${na(e.ratioTotal, (x) => `${x.toFixed(2)}×`)} | ${e.ratioPence.toFixed(2)}× | ${e.floatDriftPounds} | ${na(e.peakRssMB.product, f1)} / ${f1(e.peakRssMB.pence)} / ${f1(e.peakRssMB.dec)} / ${f1(e.peakRssMB.float)} |`);
  }
  out.push('');
  out.push('Office.js writer on the fake Excel (test/support/fakes/fake-excel.ts)');
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
  out.push('');
  out.push('Beside what a user would use instead (same run; wall ms, median, and the CPU ms (user + system) of that run; peak MB by GNU time; ratio = Outturn ÷ peer, below 1 is faster)');
  out.push('| case | Outturn | wall ms | CPU ms | peak MB | instead | wall ms | CPU ms | peak MB | ratio (wall) | ratio (CPU) | |');
  out.push('|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---|');
  const o = (x?: number) => (x === undefined ? '' : f1(x));
  const cpuRatio = (p: PeerRow) => (p.outturnCpu && p.peerCpu ? `${(p.outturnCpu / p.peerCpu).toFixed(2)}×` : '');
  for (const p of peers.rows) out.push(`| ${p.case} | ${p.outturn} | ${o(p.outturnMs)} | ${o(p.outturnCpu)} | ${o(p.outturnMB)} | ${p.peer} | ${o(p.peerMs)} | ${o(p.peerCpu)} | ${o(p.peerMB)} | ${p.ratio === undefined ? '' : `${p.ratio.toFixed(2)}×`} | ${cpuRatio(p)} | ${p.note ?? ''} |`);
  out.push('');
  out.push(`Floors: ${Object.entries(peers.floors).map(([k, v]) => `${k} ${v === undefined ? 'n/a' : `${f1(v)} ms`}`).join('; ')}`);
  out.push('');
  out.push(`The add-in's JavaScript (npm run build; gzip -9, as served; 1 KB = 1,000 bytes; budget ${ADDIN_BUDGET_KB} KB for the main job, bench/addin.ts)`);
  if (addin.note) out.push(`  ${addin.note}`);
  else out.push(...addinTable(addin.files));
  out.push('');
  out.push(`Load average during the run (1, 5, 15 min, ${cpus().length} cores): ${load.map((x) => x.toFixed(1)).join(', ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
