/// <reference types="office-js" />
// One run of the Office.js host on the strict fake Excel, printed as JSON for bench/writer.ts:
// the worked example scaled k times, loaded as input templates, then a full build (read + write).
import { buildInWorkbook } from '../src/excel/flow';
import { writePlan } from '../src/excel/write';
import { buildFromSheets, inputSheetNames } from '../src/taskpane/pipeline';
import { templates } from '../src/taskpane/pipeline-templates';
import { DEFAULT_SETTINGS } from '../src/taskpane/settings';
import { FakeRequestContext, FakeWorkbook } from '../test/support/fakes/fake-excel';
import { scaledExample } from './scale';

async function main(): Promise<void> {
  const k = Number.parseInt(process.argv[2] ?? '1', 10);
  const doc = scaledExample(k);
  const wb = new FakeWorkbook();
  wb.addSheet('Sheet1');
  const ctx = () => new FakeRequestContext(wb) as unknown as Excel.RequestContext;
  await writePlan(ctx(), { sheets: templates(doc) });
  wb.syncs = [];
  const out = await buildInWorkbook(ctx(), Object.values(DEFAULT_SETTINGS.sheetNames), async (inputs) => buildFromSheets(inputs), { inputNames: inputSheetNames() });
  if (out.kind !== 'done') throw new Error(`build did not complete: ${out.kind}`);
  process.stdout.write(JSON.stringify({
    case: k === 1 ? 'worked example' : `example ×${k}`,
    sheets: out.write.sheets.length,
    syncs: wb.syncs.length,
    requests: out.write.requests.length,
    maxRequestBytes: Math.max(...wb.syncs.map((s) => s.bytes)),
    totalBytes: wb.syncs.reduce((n, s) => n + s.bytes, 0),
    cells: out.write.cells,
  }));
}

void main();
