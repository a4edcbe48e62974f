// The forecasting tables in the workbook, recalculated by LibreOffice: every live formula of the
// ledger reconciliation, the forecast build-up, Table 1 on a forecast basis, the MTFP, the scenarios,
// next year's capital programme and the financing gives the engine's figure; every check cell is 0.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dec } from '../../src/base/decimal';
import { build } from '../../src/engine/build';
import { toModel } from '../../src/format/validate';
import { parseA1 } from '../../src/base/a1';
import { makePlan, type WorkbookPlan } from '../../src/plan/plan';
import { workbookBuffer } from '../../src/xlsx/write';
import { recalculate, requireOrSkip, soffice, type Sheets } from '../support/libreoffice';
import { readExample } from '../support/forecast';

function planFor(doc: unknown): WorkbookPlan {
  const model = toModel(doc);
  return makePlan(build(model));
}

function compare(plan: WorkbookPlan, sheets: Sheets): { formulas: number; checks: number } {
  let formulas = 0;
  let checks = 0;
  for (const s of plan.sheets) {
    const rows = sheets.get(s.name);
    assert.ok(rows, `LibreOffice has no sheet ${s.name}`);
    s.cells.forEach((row, r) => row.forEach((cell, c) => {
      if (!cell || cell.t !== 'f') return;
      const got = rows[r]?.[c] ?? '';
      assert.match(got, /^-?[0-9.]+%?$/, `${s.name} r${r + 1} c${c + 1}: LibreOffice shows "${got}" for ${cell.f}`);
      const value = got.endsWith('%') ? new Dec(got.slice(0, -1)).div(100) : new Dec(got);
      assert.ok(value.eq(new Dec(cell.v)), `${s.name} r${r + 1} c${c + 1}: LibreOffice ${got}, engine ${cell.v} (${cell.f})`);
      formulas++;
    }));
    for (const cc of s.checkCells) {
      const { r, c } = parseA1(cc.address);
      assert.ok(new Dec(rows[r][c]).isZero(), `${s.name}!${cc.address} (${cc.table}): check cell is ${rows[r][c]}, not 0`);
      checks++;
    }
  }
  return { formulas, checks };
}

describe('forecast: workbooks recalculated by LibreOffice', function () {
  this.timeout(600_000);
  let dir: string;
  before(function () {
    requireOrSkip(this, soffice(), 'LibreOffice (soffice)');
    dir = mkdtempSync(join(tmpdir(), 'outturn-forecast-'));
  });

  it('the month-6 ledger example and the MTFP example: every formula agrees with the engine, every check cell is 0', async () => {
    const cases = [
      { name: 'month6', plan: planFor(readExample('derbyshire-2021-22-month6.json')), checks: 3 },
      { name: 'mtfp', plan: planFor(readExample('derbyshire-2020-21-mtfp.json')), checks: 8 },
    ];
    const files = cases.map((c) => join(dir, `${c.name}.xlsx`));
    for (const [i, c] of cases.entries()) writeFileSync(files[i], await workbookBuffer(c.plan));
    const all = recalculate(files);
    cases.forEach((c, i) => {
      const counts = compare(c.plan, all.get(files[i])!);
      assert.equal(counts.checks, c.checks, `${c.name}: check cells`);
      assert.ok(counts.formulas > 100, `${c.name}: only ${counts.formulas} formulas`);
    });
  });
});
