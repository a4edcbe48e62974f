// ROUND TRIPS AT SCALE (the slowest test of the suite: about a minute; no timing is asserted).
//  1. 10,000 random outturn/v1 documents: validate → build → sheet plan → audit, in memory (no
//     file per case): the audit of what Outturn writes finds nothing but the legitimate notes.
//  2. 20 of them written as xlsx and recalculated by LibreOffice: every number and formula cell
//     equals the engine's figure, every check cell is 0 (skips without LibreOffice, except in CI).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { auditGrids } from '../../src/audit/audit';
import { build } from '../../src/engine/build';
import { Dec, survivesSpreadsheet } from '../../src/base/decimal';
import { toModel } from '../../src/format/validate';
import { parseA1 } from '../../src/base/a1';
import { makePlan, type WorkbookPlan } from '../../src/plan/plan';
import { workbookBuffer } from '../../src/xlsx/write';
import { recalculate, requireOrSkip, soffice } from '../support/libreoffice';
import { randomDocument } from '../support/random-input';
import { planGrids } from '../support/built';

const CASES = 10_000;
const LIBREOFFICE_SAMPLE = 20;
/** Notes a clean build may carry: facts about the figures, not arithmetic that fails (as test/audit/roundtrip.test.ts). */
const LEGITIMATE_NOTES = new Set(['capital.reprofile-exceeds-remaining', 'reserves.below-nil', 'revenue.budget-requirement']);

function planOf(doc: unknown): WorkbookPlan | undefined {
  const model = toModel(doc);
  const plan = makePlan(build(model));
  // Figures beyond a spreadsheet's 15 digits are refused by the writer: not this test's case (counted).
  return plan.sheets.every((s) => s.cells.every((row) => row.every((c) => !c || c.t === 's' || survivesSpreadsheet(new Dec(c.v))))) ? plan : undefined;
}

describe('round trips at scale (slow: 10,000 cases in memory, ~1 minute)', function () {
  this.timeout(600_000);
  const docs = fc.sample(randomDocument(), { numRuns: CASES, seed: 6_2021 });

  it(`${CASES.toLocaleString('en-GB')} random inputs: build → audit finds nothing but legitimate notes`, () => {
    let audited = 0;
    let tooWide = 0;
    let tables = 0;
    let notes = 0;
    for (const [i, doc] of docs.entries()) {
      const plan = planOf(doc);
      if (!plan) {
        tooWide++;
        continue;
      }
      const report = auditGrids(planGrids(plan));
      const serious = report.findings.filter((f) => f.severity !== 'note' || !LEGITIMATE_NOTES.has(f.rule));
      assert.deepEqual(serious, [], `case ${i}: ${JSON.stringify(doc).slice(0, 400)}…`);
      audited++;
      tables += report.tables.length;
      notes += report.findings.length;
    }
    console.log(`      ${audited} audited clean (${tables} tables, ${notes} legitimate notes); ${tooWide} left out for figures beyond 15 significant digits`);
    assert.ok(audited >= CASES * 0.9, `only ${audited} of ${CASES} could be audited`);
  });

  it(`${LIBREOFFICE_SAMPLE} of them recalculated by LibreOffice equal the engine, every check cell 0`, async function () {
    requireOrSkip(this, soffice(), 'LibreOffice (soffice)');
    const dir = mkdtempSync(join(tmpdir(), 'outturn-rt-'));
    try {
      const files: { file: string; plan: WorkbookPlan }[] = [];
      for (let i = 0; files.length < LIBREOFFICE_SAMPLE && i < docs.length; i += Math.floor(CASES / LIBREOFFICE_SAMPLE) + 1) {
        const plan = planOf(docs[i]);
        if (!plan) continue;
        const file = join(dir, `case-${i}.xlsx`);
        writeFileSync(file, await workbookBuffer(plan));
        files.push({ file, plan });
      }
      const all = recalculate(files.map((f) => f.file));
      let compared = 0;
      let checks = 0;
      for (const { file, plan } of files) {
        const sheets = all.get(file)!;
        for (const s of plan.sheets) {
          const rows = sheets.get(s.name);
          assert.ok(rows, `${file}: LibreOffice has no sheet ${s.name}`);
          s.cells.forEach((row, r) => row.forEach((cell, c) => {
            if (!cell || cell.t === 's') return;
            const raw = rows[r]?.[c] ?? '';
            // LibreOffice writes a percentage-formatted cell as "362.6%" even in raw CSV: the fraction to 3 places.
            const got = raw.endsWith('%') ? new Dec(raw.slice(0, -1)).div(100).toFixed() : raw;
            assert.ok(got !== '' && new Dec(got).eq(new Dec(cell.v)), `${file} ${s.name} r${r + 1} c${c + 1}: LibreOffice ${got}, engine ${cell.v}`);
            compared++;
          }));
          for (const cc of s.checkCells) {
            const { r, c } = parseA1(cc.address);
            assert.ok(new Dec(rows[r][c]).isZero(), `${file} ${s.name}!${cc.address}: check cell ${rows[r][c]}`);
            checks++;
          }
        }
      }
      console.log(`      ${files.length} workbooks, ${compared} number and formula cells, ${checks} check cells: LibreOffice = engine`);
      assert.equal(files.length, LIBREOFFICE_SAMPLE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
