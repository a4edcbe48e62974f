// A workbook built by Outturn, recalculated by LibreOffice and exported as displayed — "(1,234)",
// "-", "2.9%", thousands separators — as a sheet copied out of a PDF would be: the audit reads that
// text and finds the tables cast. Runs in CI (where .ci/run installs LibreOffice).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { type Grid, auditGrids, exitCodeOf } from '../../src/audit/audit';
import { build } from '../../src/engine/build';
import { toModel } from '../../src/format/validate';
import { makePlan } from '../../src/plan/plan';
import { workbookBuffer } from '../../src/xlsx/write';
import { recalculate, requireOrSkip, soffice, type Sheets } from '../support/libreoffice';
import { randomDocument } from '../support/random-input';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'derbyshire-2020-21.json');
const LEGITIMATE_NOTES = new Set(['capital.reprofile-exceeds-remaining', 'reserves.below-nil', 'revenue.budget-requirement']);

const grids = (sheets: Sheets): Grid[] =>
  [...sheets.entries()].map(([sheet, rows]) => ({ sheet, cells: rows.map((r) => r.map((v) => (v === '' ? null : v))), addressing: 'a1' }));

describe('audit: a built workbook as LibreOffice displays it (printed text, not typed numbers)', function () {
  this.timeout(600_000);
  let dir: string;
  before(function () {
    requireOrSkip(this, soffice(), 'LibreOffice (soffice)');
    dir = mkdtempSync(join(tmpdir(), 'outturn-audit-lo-'));
  });

  it('the worked example and random round-then-sum workbooks: no finding but legitimate notes', async () => {
    const docs = [
      JSON.parse(readFileSync(EXAMPLE, 'utf8')),
      ...fc.sample(randomDocument(), { numRuns: 10, seed: 5050 }).map((d) => ({ ...d, rounding: 'round-then-sum' })),
    ];
    const files: string[] = [];
    for (const [i, doc] of docs.entries()) {
      const model = toModel(doc);
      const plan = makePlan(build(model));
      const file = join(dir, `shown-${i}.xlsx`);
      writeFileSync(file, await workbookBuffer(plan));
      files.push(file);
    }
    const shown = recalculate(files, true);
    for (const [i, file] of files.entries()) {
      const sheets = shown.get(file)!;
      const text = sheets.get('Table 1 Revenue')!.flat().join(' ');
      if (i === 0) assert.match(text, /\(370,741\)/, 'figures are read as displayed');
      const r = auditGrids(grids(sheets));
      assert.deepEqual(r.tables.filter((t) => t.layout !== 'auto').map((t) => t.layout), ['revenue', 'capital', 'reserves'], file);
      const serious = r.findings.filter((f) => !(f.severity === 'note' && LEGITIMATE_NOTES.has(f.rule)));
      assert.deepEqual(serious, [], `${file}: ${JSON.stringify(serious, null, 1)}`);
      assert.equal(exitCodeOf(r), 0);
    }
  });
});
