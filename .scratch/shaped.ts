import fc from 'fast-check';
import { auditGrids } from '/work/wt-10/src/audit/audit';
import { build } from '/work/wt-10/src/engine/build';
import { Dec, survivesSpreadsheet } from '/work/wt-10/src/base/decimal';
import { toModel } from '/work/wt-10/src/format/validate';
import { makePlan } from '/work/wt-10/src/plan/plan';
import { planGrids } from '/work/wt-10/test/support/built';
import { randomShapedDocument } from '/work/wt-10/test/support/random-input';
const LEGIT = new Set(['capital.reprofile-exceeds-remaining', 'reserves.below-nil', 'revenue.budget-requirement']);
const n = Number(process.argv[2] ?? 300);
const docs = fc.sample(randomShapedDocument(), { numRuns: n, seed: Number(process.argv[3] ?? 10_2026) });
let ok = 0, wide = 0, bad = 0, invalid = 0;
const byRule = new Map<string, number>();
for (const [i, { doc, shape }] of docs.entries()) {
  let model;
  try { model = toModel(doc); } catch (e) { invalid++; if (invalid < 4) console.log('INVALID', i, (e as Error).message.slice(0, 300), JSON.stringify(shape)); continue; }
  const plan = makePlan(build(model));
  if (!plan.sheets.every((s) => s.cells.every((row) => row.every((c) => !c || c.t === 's' || survivesSpreadsheet(new Dec(c.v)))))) { wide++; continue; }
  const r = auditGrids(planGrids(plan));
  const serious = r.findings.filter((f) => f.severity !== 'note' || !LEGIT.has(f.rule));
  if (serious.length) { bad++; for (const f of serious) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1); if (bad < 6) console.log('BAD', i, JSON.stringify(shape), serious.slice(0, 3).map((f) => `${f.cell} ${f.rule} ${f.message.slice(0, 200)}`)); }
  else ok++;
}
console.log({ ok, wide, bad, invalid }, [...byRule]);
