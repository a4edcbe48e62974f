// The workbook Outturn writes, recalculated by LibreOffice: every formula gives the engine's figure,
// and every check cell is zero. Runs in CI (where .ci/run installs LibreOffice).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Dec } from '../../src/base/decimal';
import { build } from '../../src/engine/build';
import { toModel } from '../../src/format/validate';
import { parseA1 } from '../../src/base/a1';
import { makePlan, type WorkbookPlan } from '../../src/plan/plan';
import { workbookBuffer } from '../../src/xlsx/write';
import { recalculate, requireOrSkip, soffice, type Sheets } from '../support/libreoffice';
import { randomDocument } from '../support/random-input';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'derbyshire-2020-21.json');

function planFor(doc: unknown): WorkbookPlan {
  const model = toModel(doc);
  return makePlan(build(model));
}

/** Every number and formula cell of every sheet, compared with LibreOffice's recalculated value. */
function compare(plan: WorkbookPlan, sheets: Sheets): { formulas: number; numbers: number; checks: number } {
  let formulas = 0;
  let numbers = 0;
  let checks = 0;
  for (const s of plan.sheets) {
    const rows = sheets.get(s.name);
    assert.ok(rows, `LibreOffice has no sheet ${s.name}`);
    s.cells.forEach((row, r) => row.forEach((cell, c) => {
      if (!cell || cell.t === 's') return;
      const got = rows[r]?.[c] ?? '';
      const where = `${s.name}!${String.fromCharCode(65 + c)}${r + 1}`;
      assert.notEqual(got, '', `${where}: LibreOffice shows nothing; the plan expects ${cell.v}`);
      // Raw export keeps a percentage format's sign: "2.9%" is the fraction 0.029.
      const value = got.endsWith('%') ? new Dec(got.slice(0, -1)).div(100) : new Dec(got);
      assert.ok(value.eq(new Dec(cell.v)), `${where}: LibreOffice ${got}, engine ${cell.v}${cell.t === 'f' ? ` (${cell.f})` : ''}`);
      if (cell.t === 'f') formulas++;
      else numbers++;
    }));
    for (const cc of s.checkCells) {
      const { r, c } = parseA1(cc.address);
      assert.ok(new Dec(rows[r][c]).isZero(), `${s.name}!${cc.address}: check cell is ${rows[r][c]}, not 0`);
      checks++;
    }
  }
  return { formulas, numbers, checks };
}

describe('workbook recalculated by LibreOffice', function () {
  this.timeout(600_000);
  let dir: string;
  before(function () {
    requireOrSkip(this, soffice(), 'LibreOffice (soffice)');
    dir = mkdtempSync(join(tmpdir(), 'outturn-wb-'));
  });

  it('the worked example: every derived cell equals the engine, every check cell is 0, and Table 1 shows as published', async () => {
    const plan = planFor(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
    const file = join(dir, 'example.xlsx');
    writeFileSync(file, await workbookBuffer(plan));
    const raw = recalculate([file]).get(file)!;
    const counts = compare(plan, raw);
    assert.ok(counts.formulas > 200, `only ${counts.formulas} formulas compared`);
    assert.equal(counts.checks, 4);
    // As displayed: the published figures, brackets and dashes included.
    const shown = recalculate([file], true).get(file)!.get('Table 1 Revenue')!;
    const net = shown.find((row) => row[0] === 'NET UNDERSPEND AFTER EARMARKED UNDERSPENDS')!;
    assert.equal(net[4].trim(), '(370,741)');
    const contingency = shown.find((row) => row[0] === 'Pay & Price Contingency')!;
    assert.deepEqual(contingency.slice(1, 5).map((x) => x.trim()), ['-', '-', '-', '-']);
  });

  it('random inputs with pennies, under both rounding policies: LibreOffice agrees with the engine to the penny', async () => {
    const docs = fc.sample(randomDocument(), { numRuns: 12, seed: 20201 });
    const files: { file: string; plan: WorkbookPlan }[] = [];
    for (const [i, doc] of docs.entries()) {
      const plan = planFor(doc);
      const file = join(dir, `random-${i}.xlsx`);
      writeFileSync(file, await workbookBuffer(plan));
      files.push({ file, plan });
    }
    const all = recalculate(files.map((f) => f.file));
    let formulas = 0;
    for (const { file, plan } of files) formulas += compare(plan, all.get(file)!).formulas;
    assert.ok(formulas > 500, `only ${formulas} formulas compared`);
  });

  it('a check cell catches a formula that disagrees with the engine', async () => {
    const plan = planFor(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
    const sheet = plan.sheets.find((s) => s.name === 'Table 1 Revenue')!;
    // Break the engine's mirror of one figure: the check cell must no longer be 0.
    const mirrorCol = sheet.cells[6].findIndex((c, i) => i > 5 && c?.t === 'n');
    sheet.cells[6][mirrorCol] = { t: 'n', v: new Dec(sheet.cells[6][mirrorCol]!.v).plus(1).toFixed() };
    const file = join(dir, 'broken.xlsx');
    writeFileSync(file, await workbookBuffer(plan));
    const rows = recalculate([file]).get(file)!.get('Table 1 Revenue')!;
    const { r, c } = parseA1(sheet.checkCells[0].address);
    assert.equal(rows[r][c], '1');
  });
});
