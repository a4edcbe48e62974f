// The add-in's JavaScript as served (gzip -9), each file of dist/ placed by when the add-in loads
// it, against issue 14's budget of 80 KB gzipped. How "in all" is read (the lead's reading, README
// "Performance"): everything the add-in loads to do its main job — open the pane, build the tables
// and write them — must be within 80 KB gzipped (the hard target); our own on-demand chunks are
// counted too, as close to it as they can be brought; third-party chunks loaded only when the user
// picks a separate feature (the Word download: docx; "Audit a report…": pdf.js) are reported apart.
//   tsx bench/addin.ts [DIST]   (a table for a dist/ already built; `npm run bench -- --only=addin`
//                                builds it first with `webpack --mode production`)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Issue 14's budget for the main job, in KB (1 KB = 1,000 bytes, as the issue's figures) gzipped. */
export const BUDGET_KB = 80;

/** open: the pane; build: a build of the statutory tables; forecast: a build whose input has a ledger, an MTFP, next year's capital or its financing; own: our other chunks. */
export type Phase = 'open' | 'build' | 'forecast' | 'own' | 'third-party';

/** When each emitted script loads, and why. A file missing here is reported as unplaced, never left out. */
export const PHASES: Record<string, { phase: Phase; what: string }> = {
  'taskpane.js': { phase: 'open', what: 'the pane: buttons, settings, messages, the Office.js reader and writer' },
  'commands.js': { phase: 'open', what: 'the ribbon\'s function file' },
  'engine.worker.js': { phase: 'build', what: 'the engine worker: template reader (every schema rule its own), decimal.js trimmed, engine of Tables 1-3, sheet plan' },
  'forecasting.js': { phase: 'forecast', what: 'a build whose input has a ledger, an MTFP, next year\'s capital or its financing (that engine, Tables 1a/1b, 2a/2b and the MTFP\'s)' },
  'templates.js': { phase: 'own', what: 'Insert input templates / Load the worked example (template writer, worked example)' },
  'audit.js': { phase: 'own', what: 'Audit selection / Audit sheet' },
  'report-copy.js': { phase: 'own', what: 'Copy for report (the publishing code)' },
  'schema-errors.js': { phase: 'own', what: 'the outturn/v1 validator and its words, for a document from outside the input templates (the pane takes none today; never for a build from the templates)' },
  'docx.js': { phase: 'third-party', what: 'the Word download (docx, fflate)' },
  'pdf.js': { phase: 'third-party', what: '"Audit a report…" of a PDF (pdf.js)' },
  'pdf.worker.js': { phase: 'third-party', what: 'pdf.js\'s own worker' },
  'report-audit.js': { phase: 'third-party', what: '"Audit a report…": the report reader (parse5 and our report code)' },
};

/** `gzip`: gzip -9 bytes (the budget's measure); `brotli`: Brotli at quality 11, for a server that sends it. */
export interface AddinFile { name: string; bytes: number; gzip: number; brotli: number; phase?: Phase }

/** Each .js file of `dist`, its size and its gzip -9 size, with its phase (undefined: not placed). */
export function addinFiles(dist: string): AddinFile[] {
  return readdirSync(dist).filter((f) => f.endsWith('.js')).sort().map((f) => {
    const b = readFileSync(join(dist, f));
    return { name: f, bytes: b.length, gzip: gzipSync(b, { level: 9 }).length, brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, phase: PHASES[f]?.phase };
  });
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

/** The README's table: each file, then the running totals by phase, the main job against the budget. */
export function addinTable(files: AddinFile[]): string[] {
  const out = ['| file | loaded | bytes | gzipped KB | Brotli KB |', '|---|---|---:|---:|---:|'];
  const order: Phase[] = ['open', 'build', 'forecast', 'own', 'third-party'];
  const sorted = [...files].sort((a, b) => (a.phase ? order.indexOf(a.phase) : 9) - (b.phase ? order.indexOf(b.phase) : 9) || b.gzip - a.gzip);
  for (const f of sorted) out.push(`| ${f.name} | ${f.phase ? PHASES[f.name].what : '**not placed: add it to bench/addin.ts PHASES**'} | ${f.bytes.toLocaleString('en-GB')} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
  const sum = (phases: Phase[] | undefined, k: 'gzip' | 'brotli') => files.filter((f) => !phases || (f.phase && phases.includes(f.phase))).reduce((a, f) => a + f[k], 0);
  const both = (phases?: Phase[], b = '') => `${b}${kb(sum(phases, 'gzip'))}${b} | ${b}${kb(sum(phases, 'brotli'))}${b}`;
  const main = sum(['open', 'build'], 'gzip');
  out.push(`| **when the pane opens** (taskpane, commands) | | | ${both(['open'], '**')} |`);
  const budget = (n: number) => `budget ${BUDGET_KB} KB gzipped: ${n <= BUDGET_KB * 1000 ? '**within**' : `**over by ${kb(n - BUDGET_KB * 1000)}**`}`;
  out.push(`| **the main job in all: the pane open, then a build of the statutory tables written** (+ engine.worker); ${budget(main)} | | | ${both(['open', 'build'], '**')} |`);
  out.push(`| the same, the input with a ledger, an MTFP, next year's capital or its financing (+ forecasting); ${budget(sum(['open', 'build', 'forecast'], 'gzip'))} | | | ${both(['open', 'build', 'forecast'])} |`);
  out.push(`| + our other on-demand chunks (templates, audit, report-copy, schema-errors) | | | ${both(['open', 'build', 'forecast', 'own'])} |`);
  out.push(`| + the third-party on-demand chunks (docx; pdf.js, its worker, the report reader) | | | ${both()} |`);
  const unplaced = files.filter((f) => !f.phase);
  if (unplaced.length) out.push(`| not placed (counted only in the last line) | | | ${kb(unplaced.reduce((a, f) => a + f.gzip, 0))} | ${kb(unplaced.reduce((a, f) => a + f.brotli, 0))} |`);
  return out;
}

if (require.main === module) {
  const dist = process.argv[2] ?? join(__dirname, '..', 'dist');
  process.stdout.write(`${addinTable(addinFiles(dist)).join('\n')}\n`);
}
