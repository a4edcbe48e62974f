// LibreOffice Calc as a second, independent spreadsheet engine: recalculates xlsx files and
// returns every sheet's cells as text (raw figures, or as displayed). See ../shared/TOOLING.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';

export function soffice(): string | undefined {
  for (const p of ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice']) if (existsSync(p)) return p;
  return undefined;
}

/** In CI the tool must be there (the test fails); elsewhere the test skips with a printed reason. */
export function requireOrSkip(ctx: Mocha.Context, tool: string | undefined, name: string): void {
  if (tool) return;
  if (process.env.CI === 'true') throw new Error(`${name} is not installed, and CI must run this test (.ci/run installs it)`);
  console.log(`      skipped: ${name} is not installed (CI installs it)`);
  ctx.skip();
}

function profile(): string {
  const p = mkdtempSync(join(tmpdir(), 'outturn-lo-'));
  mkdirSync(join(p, 'user'), { recursive: true });
  writeFileSync(join(p, 'user', 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`);
  return p;
}

export type Sheets = Map<string, string[][]>;

/**
 * Recalculates each file (one LibreOffice process for all, a fresh profile) and returns, per file,
 * its sheets as rows of cell text. `shown` gives figures as displayed ("(1,234)", "-"); otherwise raw.
 */
export function recalculate(files: string[], shown = false): Map<string, Sheets> {
  const exe = soffice();
  if (!exe) throw new Error('LibreOffice is not installed');
  const out = mkdtempSync(join(tmpdir(), 'outturn-lo-out-'));
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,${shown},false,false,-1`;
  execFileSync(exe, [`-env:UserInstallation=file://${profile()}`, '--headless', '--convert-to', filter, '--outdir', out, ...files], {
    stdio: 'pipe',
    timeout: 300_000,
  });
  const result = new Map<string, Sheets>();
  for (const f of files) {
    const base = basename(f).replace(/\.xlsx$/i, '');
    const sheets: Sheets = new Map();
    for (const name of readdirSync(out)) {
      if (!name.startsWith(`${base}-`) || !name.endsWith('.csv')) continue;
      const rows = parse(readFileSync(join(out, name), 'utf8'), { relax_column_count: true }) as string[][];
      sheets.set(name.slice(base.length + 1, -4), rows);
    }
    if (sheets.size === 0) throw new Error(`LibreOffice wrote nothing for ${f}`);
    result.set(f, sheets);
  }
  return result;
}
