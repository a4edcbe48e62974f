// `outturn build INPUT.json|INPUT.xlsx -o OUTPUT.xlsx [--json RESULT.json]`
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { buildTables } from '../app/build';
import type { BuildResult, OutturnInput } from '../engine/model';
import { InternalError } from '../base/invariant';
import { type InputError, InvalidInput } from '../format/errors';
import { resultJson } from '../app/result';
import type { WorkbookPlan } from '../plan/plan';
import { WORKBOOK_EXTENSIONS } from '../xlsx/read-book';
import { readInputWorkbook } from '../xlsx/read-input';
import { isOutturnWorkbookFile } from '../xlsx/creator';
import { workbookBuffer } from '../xlsx/write';
import { EXIT, type Io } from './io';
import { readOutturnJson } from './ledger-file';

export interface BuildOptions {
  output: string;
  json?: string;
  rounding?: 'round-then-sum' | 'round-each';
  force?: boolean;
}

export interface BuildOutcome {
  code: number;
  input?: OutturnInput;
  result?: BuildResult;
  plan?: WorkbookPlan;
}

/**
 * The largest input files the command line reads. JSON: 256 MB, room for about two million
 * ledger lines; an input workbook: 64 MB (ExcelJS holds a whole workbook in memory, several
 * times its size on disk). Larger files are refused before they are read.
 */
export const INPUT_LIMITS = { json: 256 * 2 ** 20, xlsx: 64 * 2 ** 20 } as const;

/** UTF-8 text, strictly: a byte that is not UTF-8 is an error at its line and column, never a silent U+FFFD. */
export function utf8Text(data: Buffer, name: string): string {
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
    throw new InvalidInput([{ where: name, message: 'the file is UTF-16 text: save it as UTF-8' }]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    const good = new TextDecoder('utf-8').decode(data).split('\ufffd')[0];
    const lines = good.split('\n');
    throw new InvalidInput([{ where: `${name}:${lines.length}:${lines[lines.length - 1].length + 1}`, message: 'not UTF-8 text here: save the file as UTF-8' }]);
  }
}

export async function loadInput(path: string, notes?: InputError[]): Promise<OutturnInput> {
  const ext = extname(path).toLowerCase();
  if (!existsSync(path)) throw new InvalidInput([{ where: path, message: 'no such file' }]);
  if (ext !== '.json' && !WORKBOOK_EXTENSIONS.includes(ext)) throw new InvalidInput([{ where: path, message: 'the input must be an outturn/v1 .json file or an input workbook (.xlsx, .xlsm, .xls or .ods)' }]);
  const st = statSync(path);
  if (!st.isFile()) throw new InvalidInput([{ where: path, message: 'is a folder, not a file' }]);
  const limit = INPUT_LIMITS[ext === '.json' ? 'json' : 'xlsx'];
  if (st.size > limit) {
    throw new InvalidInput([{ where: path, message: `is ${(st.size / 2 ** 20).toFixed(0)} MB, larger than the ${limit / 2 ** 20} MB Outturn reads as ${ext === '.json' ? 'a JSON input' : 'an input workbook'}` }]);
  }
  // revenue.ledger.linesFrom: ledger lines from a finance system's export (src/cli/ledger-file.ts)
  if (ext === '.json') return readOutturnJson(utf8Text(readFileSync(path), basename(path)), path, notes);
  return readInputWorkbook(readFileSync(path), basename(path), notes);
}

export async function runBuild(inputPath: string, o: BuildOptions, io: Io): Promise<BuildOutcome> {
  let input: OutturnInput;
  const notes: InputError[] = [];
  try {
    input = await loadInput(inputPath, notes);
    if (o.rounding) input = { ...input, rounding: o.rounding };
    const out = resolve(o.output);
    if (extname(out).toLowerCase() !== '.xlsx') throw new InvalidInput([{ where: o.output, message: 'the output must be an .xlsx file' }]);
    if (out === resolve(inputPath)) throw new InvalidInput([{ where: o.output, message: 'the output would overwrite the input' }]);
    if (existsSync(out) && !o.force && !isOutturnWorkbookFile(out)) {
      throw new InvalidInput([{ where: o.output, message: 'exists and was not made by Outturn; it is left alone (choose another name, or --force)' }]);
    }
  } catch (e) {
    return fail(e, io);
  }
  let built: ReturnType<typeof buildTables>;
  try {
    built = buildTables(input);
  } catch (e) {
    // The input is valid here: whatever stops the build is a fault of Outturn.
    return fail(e instanceof InternalError ? e : new InternalError((e as Error).message ?? String(e)), io);
  }
  const { result, plan } = built;
  let buffer: Buffer;
  try {
    buffer = await workbookBuffer(plan);
  } catch (e) {
    return fail(new InvalidInput([{ where: inputPath, message: (e as Error).message }]), io);
  }
  // Write beside the target and rename, so a failure never leaves half a workbook.
  const out = resolve(o.output);
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(tmp, buffer);
    renameSync(tmp, out);
  } finally {
    rmSync(tmp, { force: true });
  }
  const json = resultJson(result, plan);
  if (o.json === '-') io.out(JSON.stringify(json, null, 2));
  else if (o.json) writeFileSync(o.json, `${JSON.stringify(json, null, 2)}\n`);

  if (o.json !== '-') report(result, plan, o.output, io);
  for (const n of notes) (o.json === "-" ? io.err : io.out)(`  note    ${n.where}  ${n.message}`);
  const serious = plan.findings.some((f) => f.severity === 'error' || f.severity === 'warning');
  return { code: serious ? EXIT.FINDINGS : EXIT.OK, input, result, plan };
}

function report(result: BuildResult, plan: WorkbookPlan, output: string, io: Io): void {
  io.out(`Built ${result.tables.map((t) => t.id).join(', ')} into ${output} (${plan.sheets.map((s) => s.name).join('; ')})`);
  const n = (s: string) => plan.findings.filter((f) => f.severity === s).length;
  io.out(`Checks: ${result.checks.length} run; findings: ${n('error')} error(s), ${n('warning')} warning(s), ${n('note')} note(s)`);
  for (const f of plan.findings) {
    io.out(`  ${f.severity.padEnd(7)} ${f.cell ?? f.source ?? f.table}  ${f.message}`);
  }
  for (const s of Object.values(result.narrative)) if (s?.sentence) io.out(`Narrative: ${s.sentence}`);
  if (result.narrative.reserves?.mtfpMinimum) io.out(`Narrative: ${result.narrative.reserves.mtfpMinimum}`);
}

/** The outcome of a command that failed: exit 2 for an input that cannot be used, 3 for a fault of Outturn (InternalError). */
export function fail(e: unknown, io: Io): BuildOutcome {
  if (e instanceof InternalError) {
    io.err(`outturn: ${e.message}; nothing was written`);
    return { code: EXIT.INTERNAL };
  }
  if (e instanceof InvalidInput) {
    io.err(`outturn: the input cannot be used (${e.errors.length} problem${e.errors.length === 1 ? '' : 's'}); nothing was written:`);
    for (const x of e.errors) io.err(`  ${x.where}: ${x.message}`);
    return { code: EXIT.INVALID };
  }
  io.err(`outturn: ${(e as Error).message ?? String(e)}; nothing was written`);
  return { code: EXIT.INVALID };
}

export function registerBuild(program: Command, io: Io, setCode: (code: number) => void): void {
  program
    .command('build')
    .description('build the statutory tables from an outturn/v1 JSON file or an input workbook into an xlsx workbook')
    .argument('<input>', 'INPUT.json (outturn/v1) or INPUT.xlsx (Outturn input templates)')
    .requiredOption('-o, --output <file>', 'the workbook to write (.xlsx)')
    .option('--json <file>', 'also write the outturn/v1-result JSON ("-" for standard output)')
    .option('--rounding <policy>', 'override the input: round-then-sum or round-each')
    .option('--force', 'replace an existing output file even if Outturn did not make it')
    .action(async (input: string, opts: BuildOptions) => {
      if (opts.rounding && opts.rounding !== 'round-then-sum' && opts.rounding !== 'round-each') {
        io.err(`outturn: --rounding must be round-then-sum or round-each, not ${opts.rounding}`);
        setCode(EXIT.INVALID);
        return;
      }
      setCode((await runBuild(input, opts, io)).code);
    });
}
