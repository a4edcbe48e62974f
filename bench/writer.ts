// The Office.js writer (src/excel) on the strict fake Excel (test/support/fakes/fake-excel.ts):
// context.sync() calls, requests and bytes per request, cells written — for the worked example
// and inputs 10× and 100× larger. Until both exist, the bench says so.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface WriterRow {
  case: string;
  sheets: number;
  syncs: number;
  requests: number;
  maxRequestBytes: number;
  totalBytes: number;
  cells: number;
}

const ROOT = join(__dirname, '..');

export function writerBench(): WriterRow[] | string {
  const fake = join(ROOT, 'test', 'support', 'fakes', 'fake-excel.ts');
  const excel = join(ROOT, 'src', 'excel');
  if (!existsSync(fake) || !existsSync(excel) || readdirSync(excel).length === 0) {
    return 'n/a (writer not yet built: test/support/fakes/fake-excel.ts and src/excel/ do not exist yet)';
  }
  // Each case in its own process (bench/writer-case.ts): the host code is async, this report is not.
  return [1, 10, 100].map((k) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'writer-case.ts'), String(k)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  })) as WriterRow);
}
