// Each figure beside what a user would use instead, measured in the same run (issue 14):
//   - 10^6 ledger lines from a CSV export to the finished workbook (`outturn build`, the ledger in
//     revenue.ledger.linesFrom) beside Python 3's csv + decimal summing the same file (exact), and
//     Python floats (inexact); LibreOffice recalculating a SUMIFS workbook over the same lines only
//     with `--libreoffice` (it takes minutes);
//   - `outturn audit` of a printed table of 10,000 and 100,000 rows beside a Python decimal cast;
//   - start-up: `outturn --help` and the worked example through the installed binary, and `npx`;
//   - the floors: node's own start, Python's, and reading the input file.
// Every process is timed from outside (wall clock) and its peak memory read by GNU time where the
// machine has it (/usr/bin/time); a peer missing from the machine is reported as missing.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dec } from '../src/base/decimal';
import { generateLedger, ledgerDocument, penceText } from './ledger';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'outturn.js');
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

export interface Run {
  ms: number;
  /** CPU time (user + system) of the same run, by GNU time: what a shared machine does not inflate much */
  cpuMs?: number;
  peakMB?: number;
  code: number;
  stdout: string;
}

/** Runs a command `runs` times; the median wall time (and the CPU time of that run), the largest peak memory. */
export function measure(cmd: string, args: string[], runs = 3, opts: { cwd?: string; timeoutMs?: number } = {}): Run | { timedOut: number } {
  const times: { ms: number; cpu?: number }[] = [];
  let peak: number | undefined;
  let code = 0;
  let stdout = '';
  for (let i = 0; i < runs; i++) {
    const argv = GNU_TIME ? ['-f', '@@peak %M @@cpu %U %S', cmd, ...args] : args;
    const t0 = process.hrtime.bigint();
    const r = spawnSync(GNU_TIME ?? cmd, argv, { cwd: opts.cwd ?? ROOT, encoding: 'utf8', maxBuffer: 256 * 2 ** 20, timeout: opts.timeoutMs });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { timedOut: opts.timeoutMs! };
    const c = /@@cpu ([0-9.]+) ([0-9.]+)/.exec(r.stderr ?? '');
    times.push({ ms, cpu: c ? (Number(c[1]) + Number(c[2])) * 1000 : undefined });
    const m = /@@peak (\d+)/.exec(r.stderr ?? '');
    if (m) peak = Math.max(peak ?? 0, Number(m[1]) / 1024);
    code = r.status ?? -1;
    stdout = r.stdout;
  }
  const mid = times.sort((a, b) => a.ms - b.ms)[Math.floor(times.length / 2)];
  return { ms: mid.ms, cpuMs: mid.cpu, peakMB: peak, code, stdout };
}

export function has(cmd: string, args: string[] = ['--version']): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return !r.error && r.status === 0;
}

/** A ledger export of N lines as a finance system writes it, its JSON input (linesFrom) and the mapping for the peers. */
export async function ledgerExport(dir: string, n: number): Promise<{ csv: string; json: string; mapping: string; bytes: number }> {
  mkdirSync(dir, { recursive: true });
  const ledger = generateLedger(n);
  const csv = join(dir, `ledger-${n}.csv`);
  const w = createWriteStream(csv);
  w.write('Cost Centre,Account,Description,Annual Budget,YTD Actual\n');
  let buf = '';
  for (const l of ledger.lines) {
    buf += `${l.costCentre},${l.account},${l.description},${l.budget},${l.actualToDate}\n`;
    if (buf.length > 1 << 20) {
      if (!w.write(buf)) await new Promise<void>((r) => w.once('drain', () => r()));
      buf = '';
    }
  }
  await new Promise<void>((r) => w.end(buf, () => r()));
  const doc = ledgerDocument({ ...ledger, lines: [] }) as { revenue: { ledger: Record<string, unknown> } };
  delete doc.revenue.ledger.lines;
  // The columns the peers read too (the Python scripts read no description): the same work on the
  // same file. Mapping the description as well costs Outturn ~15% more time and ~150 MB at 10^6
  // lines (each description is kept, for findings), measured on this machine.
  doc.revenue.ledger.linesFrom = { file: `ledger-${n}.csv`, columns: { costCentre: 'Cost Centre', account: 'Account', budget: 'Annual Budget', actualToDate: 'YTD Actual' } };
  const json = join(dir, `ledger-${n}.json`);
  writeFileSync(json, JSON.stringify(doc));
  const mapping = join(dir, `mapping-${n}.json`);
  writeFileSync(mapping, JSON.stringify(Object.fromEntries(ledger.mapping)));
  return { csv, json, mapping, bytes: statSync(csv).size };
}

/**
 * A printed revenue table of about `rows` rows, as a CSV taken from a report: blocks of 20 lines,
 * each with its "Total section k" row, and a grand total; £'000 with thousands separators. It casts.
 */
export function printedTable(dir: string, rows: number): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `printed-${rows}.csv`);
  const out: string[] = ['Revenue outturn 2020/21,,,', "Heading,Revised Budget £'000,Outturn £'000,Variance £'000"];
  const g = (x: number) => `"${x.toLocaleString('en-GB')}"`;
  let seed = 14;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  let n = 0;
  let s = 0;
  let gb = 0;
  let go = 0;
  while (n < rows) {
    let sb = 0;
    let so = 0;
    for (let i = 0; i < 20; i++) {
      const b = 100 + (next() % 99900);
      const o = b + (next() % 1001) - 500;
      out.push(`Cost line ${n + 1},${g(b)},${g(o)},${g(o - b)}`);
      sb += b;
      so += o;
      n++;
    }
    s++;
    out.push(`Total section ${s},${g(sb)},${g(so)},${g(so - sb)}`);
    n++;
    gb += sb;
    go += so;
  }
  out.push(`NET EXPENDITURE,${g(gb)},${g(go)},${g(go - gb)}`);
  writeFileSync(file, `${out.join('\n')}\n`);
  return file;
}

/** The largest difference, in £, between two {heading: [budget, actual]} sets of totals. */
export function largestDifference(a: Record<string, [string, string]>, b: Record<string, [string, string]>): Dec {
  let max = new Dec(0);
  for (const [h, [x, y]] of Object.entries(a)) {
    const [p, q] = b[h] ?? ['0', '0'];
    max = Dec.max(max, new Dec(x).minus(p).abs(), new Dec(y).minus(q).abs());
  }
  return max;
}

/** Table 1's heading totals (revised budget, outturn) as Outturn's result JSON gives them (to the pound, as printed). */
export function outturnTotals(resultFile: string): Record<string, [string, string]> {
  const r = JSON.parse(readFileSync(resultFile, 'utf8')) as { tables: { id: string; columns: { id: string }[]; rows: { kind: string; label: string; values: string[] }[] }[] };
  const t = r.tables.find((x) => x.id === 'revenue')!;
  const col = (id: string) => t.columns.findIndex((c) => c.id === id);
  return Object.fromEntries(t.rows.filter((x) => x.kind === 'line').map((x) => [x.label, [x.values[col('revised')], x.values[col('outturn')]]]));
}

/** Exact totals rounded to the pound, half away from zero (as Table 1 prints them). */
export function toPounds(t: Record<string, [string, string]>): Record<string, [string, string]> {
  const r = (x: string) => new Dec(x).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toFixed(0);
  return Object.fromEntries(Object.entries(t).map(([h, [b, a]]) => [h, [r(b), r(a)]]));
}

export { BIN, ROOT, penceText };

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
