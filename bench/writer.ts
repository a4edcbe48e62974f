// The Office.js writer (src/excel) on the strict fake Excel (test/fakes/fake-excel.ts):
// context.sync() calls, requests and bytes per request, cells written — for the worked example
// and inputs 10× and 100× larger. Until both exist, the bench says so.
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
  const fake = join(ROOT, 'test', 'fakes', 'fake-excel.ts');
  const excel = join(ROOT, 'src', 'excel');
  if (!existsSync(fake) || !existsSync(excel) || readdirSync(excel).length === 0) {
    return 'n/a (writer not yet built: test/fakes/fake-excel.ts and src/excel/ do not exist yet)';
  }
  // HOOK: the add-in's writer and fake exist: measure them here (see writerRows once wired).
  return 'n/a (writer exists but the bench is not yet wired to it)';
}
