// Issue 11, the property: any input — with or without each optional part of the format, the ways
// other bodies print their tables included — exported by `outturn template INPUT.json` and read
// back from the filled templates builds the same result as the JSON itself: every table as shown,
// the narrative, every finding (at its table cell) and every check. Money is generated as integer
// pence written as decimal text (test/support/random-input.ts), never through floating point.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { randomDocument, positivePence } from '../support/random-input';
import { toModel } from '../../src/format/validate';
import { InvalidInput } from '../../src/format/errors';
import { sameThroughTemplates } from '../support/template-roundtrip';

type Doc = Record<string, any>;
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const CAPTIONS = ['Actual', 'Budget', 'Variance', 'Forecast Spend', 'Planned Rephasing', "2019/20 Budget £'000 (as printed)"];
const captions = (ids: string[]) => fc.subarray(ids).chain((chosen) => fc.tuple(...chosen.map(() => fc.constantFrom(...CAPTIONS))).map((cs) => Object.fromEntries(chosen.map((id, i) => [id, cs[i]]))));
const order = (ids: string[]) => fc.shuffledSubarray(ids, { minLength: 1 });

const issue11 = fc.record({
  drop: fc.constantFrom<('revenue' | 'capital' | 'reserves')[]>([], ['revenue'], ['capital'], ['reserves'], ['revenue', 'capital'], ['capital', 'reserves']),
  revenue: fc.record({
    decimals: opt(fc.integer({ min: 0, max: 3 })),
    varianceSign: opt(fc.constantFrom('outturn-minus-budget', 'budget-minus-outturn')),
    columnOrder: opt(order(['original', 'revised', 'outturn', 'variance', 'pct'])),
    columnLabels: opt(captions(['revised', 'outturn', 'variance'])),
    underspendRows: opt(fc.constantFrom('always', 'when-needed')),
    narrativePercent: opt(fc.boolean()),
    noOriginal: fc.boolean(),
    noBelowLine: fc.boolean(),
    income: fc.array(fc.boolean(), { maxLength: 20 }),
    incomeSection: fc.array(fc.boolean(), { maxLength: 3 }),
    // revenue structure (issue 11 item 7): directorates of sections, an earmarked sub-total, transfers to capital
    groups: opt(fc.record({ size: fc.integer({ min: 1, max: 3 }), skipFirst: fc.boolean(), labels: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), subtotals: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }) })),
    earmarkedSubtotal: opt(fc.constantFrom('Total earmarked', 'Remainder earmarked')),
    toCapital: opt(fc.array(positivePence(10n ** 8n), { minLength: 1, maxLength: 2 })),
  }),
  capital: fc.record({
    decimals: opt(fc.integer({ min: 0, max: 3 })),
    varianceSign: opt(fc.constantFrom('outturn-minus-budget', 'budget-minus-outturn')),
    columnOrder: opt(order(['original', 'revised', 'outturn', 'varOriginal', 'pctOriginal', 'remaining', 'pct', 'reprofile', 'saving', 'earlier', 'change1'])),
    columnLabels: opt(captions(['revised', 'outturn', 'remaining'])),
    reprofileDefault: opt(fc.boolean()),
    heading: opt(fc.constantFrom('', 'Service Area')),
    totalLabels: fc.boolean(),
    financing: opt(fc.array(fc.record({ type: fc.constantFrom('grant', 'capital-receipts', 'revenue', 'borrowing', 'mixed'), amount: positivePence(10n ** 9n) }), { minLength: 1, maxLength: 4 })),
    financingAsListed: opt(fc.boolean()),
    original: fc.boolean(),
    showVariancePercent: opt(fc.boolean()),
    percentDecimals: opt(fc.integer({ min: 0, max: 2 })),
    // the capital kinds of this session: savings, in-year budget changes, financing by programme
    showSavings: opt(fc.boolean()),
    budgetChanges: opt(fc.record({ columns: fc.subarray(['Additions', 'Virements, approvals', 'Slippage/reprofile'], { minLength: 0 }), reconciles: fc.boolean() })),
    financingOriginal: fc.boolean(),
    financingLatest: fc.boolean(),
    financingVariations: opt(fc.boolean()),
    financingTotalLabel: opt(fc.constantFrom('Total Capital Programme Financing', 'Total')),
  }),
  reserves: fc.record({
    balances: opt(fc.record({ opening: fc.boolean(), values: fc.array(fc.array(positivePence(10n ** 9n), { minLength: 5, maxLength: 5 }), { minLength: 8, maxLength: 8 }) })),
    showMovements: opt(fc.boolean()),
    decimals: opt(fc.integer({ min: 0, max: 3 })),
    totalLabel: opt(fc.constantFrom('Total', 'Earmarked Reserve Total')),
    narrativeYears: opt(fc.constantFrom('first', 'all')),
    band: opt(fc.record({ min: fc.constantFrom('2', '3', '6'), max: opt(fc.constantFrom('5', '10')), minAmount: opt(positivePence(10n ** 8n)) })),
    budgets: opt(fc.array(opt(positivePence(10n ** 11n)), { minLength: 1, maxLength: 5 })),
  }),
});

/** The base document with the issue-11 options applied (each may be absent). */
function apply(base: Doc, o: Doc): Doc {
  const d: Doc = JSON.parse(JSON.stringify(base));
  const set = (t: Doc, k: string, v: unknown) => { if (v !== undefined) t[k] = v; };
  const r = d.revenue;
  for (const k of ['decimals', 'varianceSign', 'columnOrder', 'columnLabels', 'underspendRows', 'narrativePercent']) set(r, k, o.revenue[k]);
  let n = 0;
  r.sections.forEach((s: Doc, i: number) => {
    if (o.revenue.incomeSection[i]) s.income = true;
    for (const l of s.lines) {
      if (o.revenue.noOriginal) delete l.originalBudget;
      if (!s.income && o.revenue.income[n++]) l.income = true;
    }
  });
  if (o.revenue.noBelowLine) { delete r.adjustments; delete r.earmarked; }
  applyStructure(r, o.revenue);
  const c = d.capital;
  for (const k of ['decimals', 'varianceSign', 'columnOrder', 'columnLabels', 'reprofileDefault', 'heading', 'financingAsListed', 'showVariancePercent', 'percentDecimals']) set(c, k, o.capital[k]);
  if (o.capital.original) {
    // the original programme: the revised budget less a tenth, on every scheme
    for (const cat of c.categories) for (const x of cat.schemes ?? [cat]) x.originalBudget = x.revisedBudget.startsWith('-') ? x.revisedBudget : x.revisedBudget.replace(/^(\d+)/, (m: string) => String((BigInt(m) * 9n) / 10n));
  }
  if (o.capital.totalLabels) c.categories.forEach((cat: Doc, i: number) => { if (cat.schemes) cat.totalLabel = `Sub-total ${i + 1}`; });
  if (o.capital.financing) {
    c.financing = o.capital.financing.map((f: Doc, i: number) => ({
      type: f.type, label: `Source ${i + 1}`, amount: f.amount,
      ...(o.capital.financingOriginal ? { originalAmount: f.amount } : {}),
      ...(o.capital.financingLatest ? { latestAmount: i === 0 ? '0' : f.amount } : {}),
    }));
    set(c, 'financingTotalLabel', o.capital.financingTotalLabel);
    if (o.capital.financingOriginal || o.capital.financingLatest) set(c, 'financingVariations', o.capital.financingVariations);
  }
  set(c, 'showSavings', o.capital.showSavings);
  if (o.capital.budgetChanges) {
    // the earlier budget: the revised budget less the changes (a penny out on every scheme when it does not reconcile)
    const cols: string[] = o.capital.budgetChanges.columns;
    c.budgetChanges = { earlierLabel: 'Budget at Month 9', columns: cols };
    for (const cat of c.categories) {
      for (const x of cat.schemes ?? [cat]) {
        const changes = Object.fromEntries(cols.map((k, i) => [k, `${i + 1}.25`]));
        if (cols.length) x.changes = changes;
        const less = cols.reduce((a, _, i) => a + BigInt(i + 1) * 100n + 25n, 0n) + (o.capital.budgetChanges.reconciles ? 0n : 1n);
        const [w, f = ''] = x.revisedBudget.split('.');
        const pence = BigInt(w + f.padEnd(2, '0').slice(0, 2)) - less;
        const neg = pence < 0n;
        const abs = neg ? -pence : pence;
        x.earlierBudget = `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
      }
    }
  }
  const res = d.reserves;
  for (const k of ['showMovements', 'decimals', 'totalLabel', 'narrativeYears']) set(res, k, o.reserves[k]);
  if (o.reserves.band) res.generalReserveBand = Object.fromEntries(Object.entries(o.reserves.band).filter(([, v]) => v !== undefined));
  if (o.reserves.budgets) res.netRevenueBudgets = o.reserves.budgets.slice(0, res.years.length).map((b: string | undefined) => b ?? null);
  if (o.reserves.balances) {
    const b = o.reserves.balances;
    res.reserves.forEach((x: Doc, i: number) => {
      x.balances = b.values[i % 8].slice(0, res.years.length);
      if (!b.opening) delete x.opening;
      delete x.flows;
    });
  } else delete res.showMovements;
  for (const k of o.drop) delete d[k];
  return d;
}

/** Issue 11 item 7: consecutive sections grouped into directorates (headed or not, with a sub-total or not), the first left outside when asked; an earmarked sub-total; transfers to capital. */
function applyStructure(r: Doc, o: Doc): void {
  if (o.groups) {
    const { size, skipFirst, labels, subtotals } = o.groups;
    const top: Doc[] = skipFirst ? r.sections.slice(0, 1) : [];
    const rest: Doc[] = r.sections.slice(top.length);
    for (let i = 0, g = 0; i < rest.length; i += size, g++) {
      top.push({ ...(labels[g % 8] ? { label: `Directorate ${g + 1}` } : {}), ...(subtotals[g % 8] ? { subtotalLabel: `Directorate total ${g + 1}` } : {}), sections: rest.slice(i, i + size) });
    }
    r.sections = top;
  }
  if (o.earmarkedSubtotal && (r.earmarked ?? []).length) r.earmarkedSubtotalLabel = o.earmarkedSubtotal;
  if (o.toCapital) r.transfersToCapital = o.toCapital.map((a: string, i: number) => ({ label: `Revenue contribution to capital ${i + 1}`, amount: a }));
}

const valid = (d: Doc) => {
  try {
    toModel(d);
    return true;
  } catch (e) {
    if (e instanceof InvalidInput) return false;
    throw e;
  }
};

describe('property: any input through `outturn template` and back builds the same result (issue 11)', () => {
  it('random documents with every issue-11 option present or absent (150 runs)', function () {
    this.timeout(240_000);
    let built = 0;
    const kinds = { budgetChanges: 0, showSavings: 0, financingByProgramme: 0 };
    const structure = { groups: 0, earmarkedSubtotal: 0, toCapital: 0 };
    fc.assert(
      fc.property(randomDocument(), issue11, (base, o) => {
        const doc = apply(base, o as Doc);
        fc.pre(valid(doc));
        built++;
        if (doc.capital?.budgetChanges) kinds.budgetChanges++;
        if (doc.revenue?.sections.some((x: Doc) => x.sections)) structure.groups++;
        if (doc.revenue?.earmarkedSubtotalLabel) structure.earmarkedSubtotal++;
        if (doc.revenue?.transfersToCapital) structure.toCapital++;
        if (doc.capital?.showSavings) kinds.showSavings++;
        if (doc.capital?.financing?.[0]?.originalAmount !== undefined || doc.capital?.financing?.[0]?.latestAmount !== undefined) kinds.financingByProgramme++;
        const { direct, templates } = sameThroughTemplates(doc);
        assert.deepEqual(templates, direct);
      }),
      { numRuns: 150 },
    );
    assert.ok(built >= 75, `only ${built} of the random documents were valid`);
    // the capital kinds are exercised, not filtered away
    for (const [k, n] of Object.entries(kinds)) assert.ok(n >= 10, `only ${n} valid documents with ${k}`);
    // and so are the revenue structures (directorates, an earmarked sub-total, transfers to capital)
    for (const [k, n] of Object.entries(structure)) assert.ok(n >= 10, `only ${n} valid documents with ${k}`);
  });
});
