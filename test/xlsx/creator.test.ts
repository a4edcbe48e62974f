// The creator check before a build replaces a file: docProps/core.xml read from the zip alone
// (src/xlsx/creator.ts), agreeing with ExcelJS's reading of the whole workbook.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { coreProperties, isOutturnWorkbookFile, workbookCreator } from '../../src/xlsx/creator';
import { isOutturnWorkbook } from '../../src/xlsx/write';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'outturn-creator-'));
const core = (creator: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${creator}</dc:creator></cp:coreProperties>`;

async function zipFile(name: string, files: Record<string, string>, compression: 'STORE' | 'DEFLATE', comment?: string): Promise<string> {
  const zip = new JSZip();
  for (const [n, t] of Object.entries(files)) zip.file(n, t);
  const p = join(dir, name);
  writeFileSync(p, await zip.generateAsync({ type: 'nodebuffer', compression, comment }));
  return p;
}

describe('the creator of an existing workbook, read from its zip directory and core.xml only', () => {
  const cases = [
    ['an Outturn workbook (the golden of the worked example)', join(ROOT, 'test', 'goldens', 'derbyshire-2020-21_json.xlsx'), 'Outturn'],
    ['a workbook Excel saved (a bug case)', join(ROOT, '..', 'shared', 'bug-cases', '09-escaped-m-format-read-as-date', 'printed.xlsx'), 'Unknown'],
    ['an Outturn workbook LibreOffice re-saved (a bug case)', join(ROOT, '..', 'shared', 'bug-cases', '01-input-formula-result-zero', 'input.xlsx'), 'Outturn'],
  ] as const;
  for (const [what, path, creator] of cases) {
    it(`${what}: ${creator}, as ExcelJS reads it from the whole file`, async () => {
      assert.equal(workbookCreator(path), creator);
      assert.equal(isOutturnWorkbookFile(path), await isOutturnWorkbook(readFileSync(path)));
    });
  }

  it('stored (uncompressed) and deflated entries, an archive comment, escaped text', async () => {
    assert.equal(workbookCreator(await zipFile('stored.xlsx', { 'docProps/core.xml': core('Outturn') }, 'STORE')), 'Outturn');
    const deflated = await zipFile('deflated.xlsx', { 'xl/workbook.xml': '<workbook/>'.repeat(1000), 'docProps/core.xml': core('Outturn') }, 'DEFLATE', 'a comment after the directory');
    assert.equal(workbookCreator(deflated), 'Outturn');
    assert.ok(isOutturnWorkbookFile(deflated));
    assert.equal(workbookCreator(await zipFile('amp.xlsx', { 'docProps/core.xml': core('Smith &amp; Jones') }, 'DEFLATE')), 'Smith & Jones');
  });

  it('anything else is not an Outturn workbook: no core.xml, another creator, not a zip, cut short, empty, missing', async () => {
    assert.equal(coreProperties(await zipFile('nocore.xlsx', { 'xl/workbook.xml': '<workbook/>' }, 'DEFLATE')), undefined);
    assert.equal(isOutturnWorkbookFile(await zipFile('other.xlsx', { 'docProps/core.xml': core('Outturn Ltd') }, 'DEFLATE')), false);
    const text = join(dir, 'text.xlsx');
    writeFileSync(text, 'Cost centre,Budget\nCC100,1000\n');
    assert.equal(workbookCreator(text), undefined);
    const golden = readFileSync(join(ROOT, 'test', 'goldens', 'derbyshire-2020-21_json.xlsx'));
    const cut = join(dir, 'cut.xlsx');
    writeFileSync(cut, golden.subarray(0, golden.length - 30)); // the end-of-directory record lost
    assert.equal(workbookCreator(cut), undefined);
    const empty = join(dir, 'empty.xlsx');
    writeFileSync(empty, '');
    assert.equal(workbookCreator(empty), undefined);
    assert.equal(workbookCreator(join(dir, 'missing.xlsx')), undefined);
  });
});
