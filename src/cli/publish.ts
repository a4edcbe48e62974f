// `outturn publish INPUT.json|INPUT.xlsx|RESULT.json -o REPORT.docx|REPORT.html`: the finished
// tables and their narrative sentences as an accessible Word document or web page.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { buildTables } from '../app/build';
import type { TableId } from '../engine/model';
import { InvalidInput } from '../format/errors';
import type { ResultJson } from '../app/result';
import { parseJsonText } from '../format/validate';
import { pageHtml } from '../publish/html';
import { documentFromBuild, documentFromResult, type PublishDocument } from '../publish/model';
import { fail, INPUT_LIMITS, loadInput, utf8Text } from './build';
import { EXIT, type Io } from './io';
import { GENERATOR, isOutturnPage } from './owned';

export interface PublishOptions {
  output: string;
  tables?: string;
  organisation?: string;
  font?: string;
  year?: string;
  force?: boolean;
}

/** src/publish/docx.ts (and the docx package), loaded on first use */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const docxBytes: typeof import('../publish/docx').docxBytes = (doc) => (require('../publish/docx') as typeof import('../publish/docx')).docxBytes(doc);


/** True when `data` is a document Outturn wrote (a page with our generator tag, a .docx whose creator is Outturn). */
export function isOutturnDocument(data: Buffer, ext: string): boolean {
  if (ext === '.html') return isOutturnPage(data);
  try {
    // fflate and docx are loaded on first use: other commands, and --help, never load them (issue 14)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { strFromU8, unzipSync } = require('fflate') as typeof import('fflate');
    const core = unzipSync(new Uint8Array(data), { filter: (f) => f.name === 'docProps/core.xml' })['docProps/core.xml'];
    return !!core && strFromU8(core).includes('<dc:creator>Outturn</dc:creator>');
  } catch {
    return false;
  }
}

/** The result JSON's shape, checked where publishing relies on it; errors name the JSON path. */
function checkResult(doc: unknown, name: string): ResultJson {
  const where = (p: string) => `${name} $${p}`;
  const r = doc as ResultJson;
  if (!Array.isArray(r.tables)) throw new InvalidInput([{ where: where('.tables'), message: 'a result must have a tables array' }]);
  const errors: { where: string; message: string }[] = [];
  r.tables.forEach((t, i) => {
    if (typeof t?.id !== 'string' || typeof t.title !== 'string' || typeof t.units !== 'string') errors.push({ where: where(`.tables[${i}]`), message: 'a table needs id, title and units' });
    else if (!Array.isArray(t.columns) || !Array.isArray(t.rows)) errors.push({ where: where(`.tables[${i}]`), message: 'a table needs columns and rows' });
    else t.rows.forEach((row, j) => {
      if (!Array.isArray(row?.values) || row.values.length !== t.columns.length) errors.push({ where: where(`.tables[${i}].rows[${j}].values`), message: `expected ${t.columns.length} values, one per column` });
      else row.values.forEach((v, k) => {
        if (v !== null && (typeof v !== 'string' || !/^-?\d+(\.\d+)?$/.test(v))) errors.push({ where: where(`.tables[${i}].rows[${j}].values[${k}]`), message: `${JSON.stringify(v)} is not a plain decimal or null` });
      });
    });
  });
  if (errors.length) throw new InvalidInput(errors);
  return { ...r, narrative: r.narrative ?? {}, findings: Array.isArray(r.findings) ? r.findings : [] };
}

export async function runPublish(inputPath: string, o: PublishOptions, io: Io): Promise<number> {
  let doc: PublishDocument;
  let serious: boolean;
  const out = resolve(o.output);
  const ext = extname(out).toLowerCase();
  try {
    if (ext !== '.docx' && ext !== '.html') throw new InvalidInput([{ where: o.output, message: 'the output must be a Word document (.docx) or a web page (.html)' }]);
    if (out === resolve(inputPath)) throw new InvalidInput([{ where: o.output, message: 'the output would overwrite the input' }]);
    if (existsSync(out) && !o.force && !isOutturnDocument(readFileSync(out), ext)) {
      throw new InvalidInput([{ where: o.output, message: 'exists and was not made by Outturn; it is left alone (choose another name, or --force)' }]);
    }
    const only = o.tables?.split(',').map((s) => s.trim()).filter(Boolean);
    const house = { font: o.font, organisation: o.organisation };
    if (o.font !== undefined && !/^[A-Za-z0-9][A-Za-z0-9 -]{0,63}$/.test(o.font)) throw new InvalidInput([{ where: '--font', message: `"${o.font}" is not a font name (letters, digits, spaces and hyphens)` }]);
    const raw = extname(inputPath).toLowerCase() === '.json' && existsSync(inputPath) && statSync(inputPath).isFile() && statSync(inputPath).size <= INPUT_LIMITS.json ? parseJsonText(utf8Text(readFileSync(inputPath), basename(inputPath)), basename(inputPath)) : undefined;
    if (raw && (raw as { format?: unknown }).format === 'outturn/v1-result') {
      const result = checkResult(raw, basename(inputPath));
      const known = new Set(result.tables.map((t) => t.id));
      for (const id of only ?? []) if (!known.has(id)) throw new InvalidInput([{ where: '--tables', message: `the result has no table "${id}" (it has ${[...known].join(', ')})` }]);
      doc = documentFromResult({ ...result, tables: result.tables.filter((t) => !only || only.includes(t.id)) }, { organisation: o.organisation, financialYear: o.year, house });
      serious = result.findings.some((f) => f.severity === 'error' || f.severity === 'warning');
    } else {
      const input = await loadInput(inputPath);
      const { result, plan } = buildTables(input);
      const known = new Set(result.tables.map((t) => t.id));
      for (const id of only ?? []) if (!known.has(id as TableId)) throw new InvalidInput([{ where: '--tables', message: `the input builds no table "${id}" (it builds ${[...known].join(', ')})` }]);
      doc = documentFromBuild(result, plan, {
        organisation: input.organisation, financialYear: o.year ?? input.financialYear, rounding: input.rounding,
        house: { font: o.font ?? input.publishing?.font, organisation: o.organisation ?? input.publishing?.organisationName },
        tables: only as TableId[] | undefined,
      });
      serious = plan.findings.some((f) => f.severity === 'error' || f.severity === 'warning');
      const n = (s: string) => plan.findings.filter((f) => f.severity === s).length;
      if (serious) io.out(`Checks: ${n('error')} error(s), ${n('warning')} warning(s) — the tables are published as built; see \`outturn build\` for the findings`);
    }
  } catch (e) {
    return fail(e, io).code;
  }
  const bytes = ext === '.docx' ? Buffer.from(await docxBytes(doc)) : Buffer.from(pageHtml(doc).replace('<head>', `<head>${GENERATOR}`), 'utf8');
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(tmp, bytes);
    renameSync(tmp, out);
  } finally {
    rmSync(tmp, { force: true });
  }
  const wide = doc.sections.filter((s) => s.table.wide).map((s) => s.table.number);
  io.out(`Published ${doc.sections.map((s) => s.table.number).join(', ')} to ${o.output} (${ext === '.docx' ? 'Word document' : 'web page'}, ${(bytes.length / 1024).toFixed(0)} KB${ext === '.docx' && wide.length ? `; landscape: ${wide.join(', ')}` : ''})`);
  return serious ? EXIT.FINDINGS : EXIT.OK;
}

export function registerPublish(program: Command, io: Io, setCode: (code: number) => void): void {
  program
    .command('publish')
    .description('publish the finished tables and their narrative as an accessible Word document (.docx) or web page (.html)')
    .argument('<input>', 'INPUT.json (outturn/v1), INPUT.xlsx (input templates) or RESULT.json (outturn/v1-result from build --json)')
    .requiredOption('-o, --output <file>', 'the document to write: REPORT.docx or REPORT.html')
    .option('--tables <ids>', 'only these tables, comma-separated (revenue,capital,reserves,reserves-categories,…)')
    .option('--organisation <name>', 'the organisation as the report names it (default: the input\'s publishing.organisationName, else organisation)')
    .option('--font <name>', 'the report\'s body font (default: the input\'s publishing.font, else Arial)')
    .option('--year <year>', 'the financial year in the title (a RESULT has none)')
    .option('--force', 'replace an existing output file even if Outturn did not make it')
    .action(async (input: string, opts: PublishOptions) => {
      setCode(await runPublish(input, opts, io));
    });
}
