// The bad-input corpus: each case writes an input file (JSON, workbook, CSV/TSV) into a fresh
// folder, runs the real command line on it, and says what must come out: the exit code, the place
// the message must name, and (for exit 2) that nothing at all was written.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { templatePlan } from '../../src/plan/templates-plan';
import { workbookBuffer } from '../../src/xlsx/write';

export const ROOT = join(__dirname, '..', '..');
export const EXAMPLE_JSON = join(ROOT, 'examples', 'derbyshire-2020-21.json');

export type Doc = Record<string, any>; // an outturn/v1 document being broken on purpose

export interface Case {
  group: 'json' | 'workbook' | 'audit' | 'cli';
  name: string;
  /** writes the input into `dir`; returns its path */
  write(dir: string): string | Promise<string>;
  /** the command's arguments after `outturn` (default: build INPUT -o OUT --json JSON) */
  args?: (input: string, out: string, json: string) => string[];
  expect: {
    code: 0 | 1 | 2;
    /** the place the message must name (a JSON path, Sheet!Cell, file:line:col, row/column) */
    where: string | RegExp;
    /** what the message must say, in words */
    says?: RegExp;
  };
  /** files in `dir` that may exist afterwards besides the input (e.g. a user's file left alone) */
  keep?: string[];
}

export function example(): Doc {
  return JSON.parse(readFileSync(EXAMPLE_JSON, 'utf8')) as Doc;
}

/** A JSON case: the worked example changed by `change`, written as `name`.json. */
export function jsonCase(name: string, change: (d: Doc) => void | Doc, expect: Case['expect']): Case {
  return {
    group: 'json',
    name,
    write: (dir) => {
      const d = example();
      const r = change(d);
      const p = join(dir, 'input.json');
      writeFileSync(p, JSON.stringify(r === undefined ? d : r, null, 2));
      return p;
    },
    expect,
  };
}

/** A JSON case written as raw text or bytes. */
export function rawCase(name: string, file: string, content: string | Buffer | ((dir: string) => void), expect: Case['expect'], group: Case['group'] = 'json'): Case {
  return {
    group,
    name,
    write: (dir) => {
      const p = join(dir, file);
      if (typeof content === 'function') content(dir);
      else writeFileSync(p, content);
      return p;
    },
    expect,
  };
}

/** The worked example's input templates as an ExcelJS workbook, to be broken by a case. */
export async function exampleWorkbook(doc: Doc = example()): Promise<ExcelJS.Workbook> {
  const buf = await workbookBuffer({ sheets: templatePlan(doc), findings: [], placement: {} });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** A workbook case: the example's templates changed by `change` (ExcelJS), saved as input.xlsx. */
export function workbookCase(name: string, change: (wb: ExcelJS.Workbook) => void | Promise<void>, expect: Case['expect'], doc?: (d: Doc) => void): Case {
  return {
    group: 'workbook',
    name,
    write: async (dir) => {
      const d = example();
      doc?.(d);
      const wb = await exampleWorkbook(d);
      await change(wb);
      const p = join(dir, 'input.xlsx');
      await wb.xlsx.writeFile(p);
      return p;
    },
    expect,
  };
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`the example templates have no sheet ${name}`);
  return ws;
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** The real command line, in process, with its output captured. */
export async function runCli(args: string[]): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = { out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
  const code = await main(['node', 'outturn', ...args], io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

/** A stack trace or a raw JavaScript error in what the user sees. */
export const CRASH = /^\s+at .+[(:]\d+|\b(TypeError|RangeError|ReferenceError|SyntaxError|Maximum call stack)\b|\bundefined\b|\[object Object\]/m;
