// Issue 11, capital kinds: a workbook Outturn writes with in-year budget changes or a savings column
// audits clean (its casts and cross-casts: earlier budget + changes = revised budget; variance =
// reprofile + saving), and one figure changed in those columns is caught where it no longer adds up.
// The inputs are the published bodies' (test/fixtures/bodies-inputs), with Outturn's own captions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditGrids } from '../../src/audit/audit';
import { Dec } from '../../src/base/decimal';
import { build } from '../../src/engine/build';
import { toModel } from '../../src/format/validate';
import { makePlan, type WorkbookPlan } from '../../src/plan/plan';
import { readPrintedWorkbook } from '../../src/xlsx/read-printed';
import { workbookBuffer } from '../../src/xlsx/write';
import { a1, sheetRef } from '../../src/base/a1';

const ROOT = join(__dirname, '..', '..');
type Doc = { capital: Record<string, unknown> & { categories: Record<string, unknown>[] } };
/** A body's input with Outturn's own captions and sign (the audit reads a table by its captions). */
function ownCaptions(path: string): Doc {
  const d = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Doc;
  delete d.capital.columnLabels;
  delete d.capital.varianceSign;
  return d;
}

function planOf(d: Doc): { plan: WorkbookPlan; cell: (label: string, col: string) => { sheet: string; r: number; c: number } } {
  const result = build(toModel(d));
  const plan = makePlan(result);
  const t = result.tables.find((x) => x.id === 'capital')!;
  const p = plan.placement.capital!;
  return {
    plan,
    cell: (label, col) => ({ sheet: p.sheet, r: p.row + t.rows.findIndex((x) => x.label === label), c: p.column + t.columns.findIndex((x) => x.id === col) }),
  };
}

async function audit(plan: WorkbookPlan) {
  return auditGrids(await readPrintedWorkbook(await workbookBuffer(plan), 'built.xlsx'));
}

/** The plan with one figure moved by `delta` (as if typed over the formula's value). */
function tampered(plan: WorkbookPlan, at: { sheet: string; r: number; c: number }, delta: string): WorkbookPlan {
  const sheets = plan.sheets.map((s) => (s.name === at.sheet ? { ...s, cells: s.cells.map((row) => row.slice()) } : s));
  const s = sheets.find((x) => x.name === at.sheet)!;
  const cell = s.cells[at.r][at.c]!;
  assert.ok(cell.t !== 's');
  s.cells[at.r][at.c] = { ...cell, v: new Dec(cell.v).plus(delta).toFixed() };
  return { ...plan, sheets };
}

describe('capital kinds (issue 11): the written table audits clean, and a changed figure is caught', function () {
  this.timeout(120_000);

  it('Brighton & Hove 2021/22 (month 9 + three change columns = month 12): clean; a change typed over is caught at the month 12 budget', async () => {
    const { plan, cell } = planOf(ownCaptions('test/fixtures/bodies-inputs/brighton-hove-2021-22-fcl-capital.json'));
    const clean = await audit(plan);
    assert.deepEqual(clean.findings.filter((f) => f.severity !== 'note'), []);
    const ifrs = cell('Education & Skills', 'change1');
    const bad = await audit(tampered(plan, ifrs, '12'));
    // the change breaks its row (month 9 + changes = month 12) and its column's total by the same amount:
    // the one figure both share is the error; the month 12 budget and the total are notes naming it (T6-09)
    const m12 = cell('Education & Skills', 'revised');
    const f = bad.findings.find((x) => x.severity === 'error' && x.cell === sheetRef(ifrs.sheet, a1(ifrs.r, ifrs.c)));
    assert.ok(f, JSON.stringify(bad.findings.map((x) => [x.cell, x.rule])));
    assert.equal(f.rule, 'capital.shared-figure');
    assert.ok(bad.findings.some((x) => x.severity === 'note' && x.rule === 'capital.budget-changes.explained' && x.cell === sheetRef(m12.sheet, a1(m12.r, m12.c))));
  });

  it('Flintshire 2017/18 with £1.500m of the £1.763m carried forward (a 0.263 saving): clean; a saving typed over is caught', async () => {
    const d = ownCaptions('test/fixtures/bodies-inputs/flintshire-2017-18-capital-outturn.json');
    d.capital.categories[0].reprofile = '1.500';
    const { plan, cell } = planOf(d);
    assert.deepEqual((await audit(plan)).findings.filter((f) => f.severity !== 'note'), []);
    const saving = cell('Capital Programme', 'saving');
    const bad = await audit(tampered(plan, saving, '0.1'));
    // found at the saving itself (remaining − reprofile); the total's cast it breaks is a note naming it (T6-09)
    assert.deepEqual(bad.findings.filter((x) => x.severity !== 'note').map((x) => [x.cell, x.rule]).sort(),
      [[sheetRef(saving.sheet, a1(saving.r, saving.c)), 'capital.saving']]);
    assert.ok(bad.findings.some((x) => x.severity === 'note' && x.rule === 'capital.cast.explained' && x.cell === sheetRef(saving.sheet, a1(saving.r + 1, saving.c))));
  });

  it('the worked example with savings shown: still clean but for its reprofile note', async () => {
    const d = JSON.parse(readFileSync(join(ROOT, 'examples', 'derbyshire-2020-21.json'), 'utf8')) as Doc;
    d.capital.showSavings = true;
    const { plan } = planOf(d);
    const r = await audit(plan);
    assert.deepEqual(r.findings.map((f) => f.rule), ['capital.reprofile-exceeds-remaining']);
  });
});
