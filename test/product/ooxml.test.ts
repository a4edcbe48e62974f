// Every workbook Outturn writes, part by part against ECMA-376 (../shared/schemas) and the rules a
// schema cannot see: each example's build, the input templates (empty, filled, with the forecasting
// sheets), a report copy. The validator itself is proved on packages broken on purpose, so a pass
// means something. Skips with a printed reason where ../shared or xmllint is absent (CI has both).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { reportSheet, type TableBlock } from '../../src/excel/report';
import type { WorkbookPlan } from '../../src/plan/plan';
import { templatePlan } from '../../src/plan/templates-plan';
import { workbookBuffer } from '../../src/xlsx/write';
import { builtExample, EXAMPLES } from '../support/built';
import { cannotValidate, SHARED_SCHEMAS, validatePackage } from '../support/ooxml-validate';

function skipUnlessValidator(ctx: Mocha.Context): void {
  const why = cannotValidate();
  if (!why) return;
  if (process.env.CI === 'true' && !why.includes('../shared')) throw new Error(`${why}, and CI must run this test`);
  console.log(`      skipped: ${why}`);
  ctx.skip();
}

async function assertConforms(data: Buffer, what: string): Promise<void> {
  const report = await validatePackage(data);
  assert.deepEqual(report.problems, [], `${what}:\n${report.problems.map((p) => `${p.part}: ${p.message}`).join('\n')}`);
  assert.ok(report.checked.some((c) => c.schema === 'sml.xsd' && /worksheets\/sheet1\.xml$/.test(c.part)), `${what}: no worksheet was checked`);
  assert.deepEqual(report.unchecked, [], `${what}: parts with no schema`);
}

/** Rewrites one part of a package. */
async function withPart(data: Buffer, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file(part)!.async('string');
  const changed = edit(xml);
  assert.notEqual(changed, xml, `the edit of ${part} changed nothing`);
  zip.file(part, changed);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('conformance: every workbook Outturn writes, against ECMA-376', function () {
  this.timeout(120_000);
  before(function () {
    skipUnlessValidator(this);
  });

  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'))) {
    it(`the build of examples/${file}`, async () => {
      await assertConforms(await workbookBuffer(builtExample(file).plan), file);
    });
  }

  it('the input templates: empty, filled from the worked example, and with the forecasting sheets', async () => {
    const doc = JSON.parse(JSON.stringify(require('../../examples/derbyshire-2020-21.json'))) as Record<string, unknown>;
    for (const [what, sheets] of [['empty', templatePlan()], ['filled', templatePlan(doc)], ['forecasting', templatePlan(doc, { forecasting: true })]] as const) {
      await assertConforms(await workbookBuffer({ sheets, findings: [], placement: {} }), `templates (${what})`);
    }
  });

  it('a report copy of Table 1 (values only)', async () => {
    const { result, plan } = builtExample('derbyshire-2020-21.json');
    const sheet = plan.sheets[0];
    const blocks: TableBlock[] = result.tables.filter((t) => plan.placement[t.id]?.sheet === sheet.name).map((t) => ({
      row0: plan.placement[t.id]!.row,
      headerRows: Math.max(...t.columns.map((c) => c.header.length)),
      rows: t.rows.length,
      columns: t.columns.length,
    }));
    assert.ok(blocks.length > 0);
    const copy: WorkbookPlan = { sheets: [reportSheet(sheet, blocks, `${sheet.name} (report)`.slice(0, 31))], findings: [], placement: {} };
    await assertConforms(await workbookBuffer(copy), 'report copy');
  });

  describe('the validator finds what it must', () => {
    let good: Buffer;
    before(async () => {
      good = await workbookBuffer(builtExample('derbyshire-2020-21.json').plan);
    });
    const problemsOf = async (data: Buffer) => (await validatePackage(data)).problems.map((p) => `${p.part}: ${p.message}`).join('\n');

    it('a schema error in a worksheet (an element out of order), with its part', async () => {
      const bad = await withPart(good, 'xl/worksheets/sheet1.xml', (x) => x.replace(/<sheetData>/, '<sheetData/><sheetDataX>').replace('</sheetData>', '</sheetDataX>'));
      assert.match(await problemsOf(bad), /^xl\/worksheets\/sheet1\.xml: .*sheetDataX/m);
    });
    it('an ignorable extension attribute is accepted, the same attribute un-ignored is not', async () => {
      assert.match(await (await JSZip.loadAsync(good)).file('xl/worksheets/sheet1.xml')!.async('string'), /mc:Ignorable="x14ac/);
      const bad = await withPart(good, 'xl/worksheets/sheet1.xml', (x) => x.replace(/ mc:Ignorable="[^"]*"/, ''));
      assert.match(await problemsOf(bad), /dyDescent/);
    });
    it('an internal link written as a relationship with a # location (bug-case 02)', async () => {
      const bad = await withPart(good, 'xl/worksheets/sheet4.xml', (x) => x.replace(/<hyperlink ref="B5" location="([^"]*)"\/>/, '<hyperlink ref="B5" location="#$1"/>'));
      assert.match(await problemsOf(bad), /Checks!B5: hyperlink location "#'Table 1 Revenue'!B\d+" begins with #/);
    });
    it('a sheet named History, a table header that differs from its column, a newer function without _xlfn.', async () => {
      let bad = await withPart(good, 'xl/workbook.xml', (x) => x.replace(/name="Checks"/, 'name="History"'));
      assert.match(await problemsOf(bad), /a sheet is named "History"/);
      bad = await withPart(good, 'xl/worksheets/sheet1.xml', (x) => x.replace(/<f>([^<]*)<\/f>/, '<f>IFS(TRUE,$1)</f>'));
      assert.match(await problemsOf(bad), /IFS is newer than Excel 2007/);
      const templates = await workbookBuffer({ sheets: templatePlan(), findings: [], placement: {} });
      bad = await withPart(templates, 'xl/tables/table1.xml', (x) => x.replace(/<tableColumn ([^>]*?)name="[^"]*"/, '<tableColumn $1name="Not the header"'));
      assert.match(await problemsOf(bad), /^xl\/tables\/table1\.xml: table \S+: header .* its tableColumn is "Not the header"/m);
    });
    it('a schema that does not compile is the check failing, never a pass (xmllint exits 0 on "failed to compile")', async () => {
      // A copy of the schemas whose sml.xsd refers to a type nobody declares: it cannot compile.
      const copy = mkdtempSync(join(tmpdir(), 'outturn-schemas-'));
      cpSync(SHARED_SCHEMAS, copy, { recursive: true });
      const sml = join(copy, 'ooxml-transitional', 'sml.xsd');
      writeFileSync(sml, readFileSync(sml, 'utf8').replace('type="CT_Worksheet"', 'type="CT_NoSuchType"'));
      await assert.rejects(validatePackage(good, copy), /sml\.xsd did not compile under xmllint/);
    });
  });
});
