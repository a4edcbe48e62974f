import fc from 'fast-check';
import { build } from '/work/wt-10/src/engine/build';
import { Dec, survivesSpreadsheet } from '/work/wt-10/src/base/decimal';
import { toModel } from '/work/wt-10/src/format/validate';
import { makePlan } from '/work/wt-10/src/plan/plan';
import { randomShapedDocument, randomDocument } from '/work/wt-10/test/support/random-input';
const which = process.argv[2];
const docs = which === 'base' ? fc.sample(randomDocument(), { numRuns: 10000, seed: 6_2021 }).map((doc) => ({ doc })) : fc.sample(randomShapedDocument(), { numRuns: 500, seed: 10_2026 });
let n = 0;
for (const [i, { doc }] of docs.entries()) {
  const plan = makePlan(build(toModel(doc)));
  for (const s of plan.sheets) for (const [r, row] of s.cells.entries()) for (const [c, x] of row.entries()) {
    if (x && x.t !== 's' && !survivesSpreadsheet(new Dec(x.v))) { if (n++ < 12) console.log(i, s.name, r, c, x.v, JSON.stringify(x).slice(0, 200)); }
  }
}
console.log(n);
