// `outturn template [INPUT.json] -o TEMPLATES.xlsx`: the input templates, empty or filled from an
// outturn/v1 document — the same sheets the add-in inserts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InvalidInput } from '../format/errors';
import { parseJsonText, toModel } from '../format/validate';
import { templatePlan } from '../plan/templates-plan';
import { isOutturnWorkbookFile } from '../xlsx/creator';
import { workbookBuffer } from '../xlsx/write';
import { fail } from './build';
import { EXIT, type Io } from './io';

export async function runTemplate(input: string | undefined, o: { output: string; force?: boolean; forecasting?: boolean }, io: Io): Promise<number> {
  try {
    let doc: Record<string, unknown> | undefined;
    if (input) {
      doc = parseJsonText(readFileSync(input, 'utf8'), input) as Record<string, unknown>;
      toModel(doc); // a template filled from an invalid document would only move the error
    }
    const out = resolve(o.output);
    if (!out.toLowerCase().endsWith('.xlsx')) throw new InvalidInput([{ where: o.output, message: 'the output must be an .xlsx file' }]);
    if (existsSync(out) && !o.force && !isOutturnWorkbookFile(out)) {
      throw new InvalidInput([{ where: o.output, message: 'exists and was not made by Outturn; it is left alone (choose another name, or --force)' }]);
    }
    const sheets = templatePlan(doc, { forecasting: o.forecasting });
    writeFileSync(out, await workbookBuffer({ sheets, findings: [], placement: {} }));
    io.out(`Wrote the input templates${input ? ` filled from ${input}` : ''} to ${o.output} (${sheets.map((s) => s.name).join('; ')})`);
    return EXIT.OK;
  } catch (e) {
    return fail(e, io).code;
  }
}

export function registerTemplate(program: Command, io: Io, setCode: (code: number) => void): void {
  program
    .command('template')
    .description('write the input templates (empty, or filled from an outturn/v1 JSON file) to an xlsx workbook')
    .argument('[input]', 'an outturn/v1 JSON file to fill the templates from')
    .requiredOption('-o, --output <file>', 'the workbook to write (.xlsx)')
    .option('--force', 'replace an existing output file even if Outturn did not make it')
    .option('--forecasting', 'empty templates: add the forecasting sheets (Ledger input, MTFP input)')
    .action(async (input: string | undefined, opts: { output: string; force?: boolean; forecasting?: boolean }) => {
      setCode(await runTemplate(input, opts, io));
    });
}
