// Properties of the three tables for random inputs with pennies and large values, under both
// rounding policies. Money is generated as integer pence (bigint) and written as decimal text;
// expected exact figures are computed from those integers with bigint arithmetic, independently
// of the engine. Floating point appears in one place only: the drift example at the end.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { build } from '../../src/engine/build';
import { Dec, round, text } from '../../src/base/decimal';
import type { BuildResult, Figure, Row, Table, Units } from '../../src/engine/model';
import { isFigure } from '../../src/engine/model';
import { readOutturn } from '../../src/format/validate';

const RUNS = 150;
const POLICIES = ['round-then-sum', 'round-each'] as const;
const UNITS: Units[] = ['£', "£'000", '£m'];
const FACTOR: Record<Units, bigint> = { '£': 1n, "£'000": 1000n, '£m': 1000000n };

// ---------- money as integer pence ----------

/** Pence as decimal text of pounds: 123456n → "1234.56", -5n → "-0.05". */
function pounds(p: bigint): string {
  const a = p < 0n ? -p : p;
  const s = `${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
  return p < 0n ? `-${s}` : s;
}
/** Ordinary amounts mostly; sometimes up to ±10^11 pounds with pennies (15 significant digits). */
const pence = fc.oneof(
  { weight: 3, arbitrary: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -500n, max: 500n }) },
);
/** An exact amount in pence, expressed in display units: a decimal, exactly (no rounding). */
function inUnits(p: bigint, u: Units): Dec {
  return new Dec(p.toString()).div(100n * FACTOR[u] + '');
}
const sumP = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

// ---------- random documents ----------

interface GenLine { o: bigint; r: bigint; x: bigint }
interface GenScheme { r: bigint; x: bigint; reprofile: bigint | null }
interface GenReserve { cls: 'general' | 'useable' | 'non-useable'; opening: bigint; flows: { m: bigint | null; t: bigint | null; c: bigint | null }[] }

const genRevenue = fc.record({
  displayUnits: fc.constantFrom(...UNITS),
  sections: fc.array(fc.record({
    heading: fc.boolean(),
    subtotal: fc.boolean(),
    lines: fc.array(fc.record({ o: pence, r: pence, x: pence }), { minLength: 1, maxLength: 5 }),
  }), { minLength: 1, maxLength: 3 }),
  adjustments: fc.array(pence, { maxLength: 2 }),
  earmarked: fc.array(pence, { maxLength: 3 }),
  showVirements: fc.boolean(),
  showVariancePercent: fc.boolean(),
});
const genScheme = fc.record({ r: pence, x: pence, reprofile: fc.option(pence, { nil: null }) });
const genCapital = fc.record({
  units: fc.constantFrom<Units>('£', "£'000"),
  displayUnits: fc.constantFrom(...UNITS),
  categories: fc.array(fc.oneof(
    fc.record({ schemes: fc.array(genScheme, { minLength: 1, maxLength: 4 }) }),
    fc.record({ standalone: genScheme }),
  ), { minLength: 1, maxLength: 3 }),
  external: fc.array(pence, { maxLength: 2 }),
  memo: fc.array(pence, { maxLength: 2 }),
});
const genReserves = fc.integer({ min: 1, max: 5 }).chain((n) => fc.record({
  n: fc.constant(n),
  actualYears: fc.integer({ min: 0, max: n }),
  displayUnits: fc.constantFrom(...UNITS),
  reserves: fc.array(fc.record({
    cls: fc.constantFrom<GenReserve['cls']>('general', 'useable', 'non-useable'),
    opening: pence,
    flows: fc.array(fc.record({
      m: fc.option(pence, { nil: null }),
      t: fc.option(pence, { nil: null }),
      c: fc.option(pence, { nil: null }),
    }), { maxLength: n }),
  }), { minLength: 1, maxLength: 6 }),
}));

type Rev = typeof genRevenue extends fc.Arbitrary<infer T> ? T : never;
type Cap = typeof genCapital extends fc.Arbitrary<infer T> ? T : never;
type Res = typeof genReserves extends fc.Arbitrary<infer T> ? T : never;

const yearName = (y: number) => `${2020 + y}/${String((21 + y) % 100).padStart(2, '0')}`;
/** The statement's years: the last actual year is the financial year 2020/21 (or, with none actual, the first). */
const resYears = (res: Res) => Array.from({ length: res.n }, (_, y) => yearName(y - Math.max(0, res.actualYears - 1)));
const opt = (k: string, v: bigint | null) => (v === null ? {} : { [k]: pounds(v) });

function document(policy: string, rev?: Rev, cap?: Cap, res?: Res): string {
  // Capital inputs in £'000 are whole pence of thousands: the same integers, read as £'000 to 2 places.
  return JSON.stringify({
    format: 'outturn/v1',
    organisation: 'Random PCC',
    financialYear: '2020/21',
    rounding: policy,
    ...(rev && {
      revenue: {
        units: '£',
        displayUnits: rev.displayUnits,
        sections: rev.sections.map((s, i) => ({
          ...(s.heading ? { label: `Section ${i}` } : {}),
          ...(s.subtotal ? { subtotalLabel: `Sub-total ${i}` } : {}),
          lines: s.lines.map((l, j) => ({ label: `Heading ${i}.${j}`, originalBudget: pounds(l.o), revisedBudget: pounds(l.r), outturn: pounds(l.x) })),
        })),
        totalLabel: 'TOTAL',
        adjustments: rev.adjustments.map((a, i) => ({ label: `Adjustment ${i}`, amount: pounds(a) })),
        earmarked: rev.earmarked.map((a, i) => ({ label: `Earmarked ${i}`, amount: pounds(a) })),
        showVirements: rev.showVirements,
        showVariancePercent: rev.showVariancePercent,
      },
    }),
    ...(cap && {
      capital: {
        units: cap.units,
        displayUnits: cap.displayUnits,
        year: '2020/21',
        nextYear: '2021/22',
        categories: cap.categories.map((c, i) => ('schemes' in c
          ? { label: `Category ${i}`, schemes: c.schemes.map((s, j) => ({ label: `Scheme ${i}.${j}`, revisedBudget: pounds(s.r), outturn: pounds(s.x), ...opt('reprofile', s.reprofile) })) }
          : { label: `Category ${i}`, revisedBudget: pounds(c.standalone.r), outturn: pounds(c.standalone.x), ...opt('reprofile', c.standalone.reprofile) })),
        externallyFunded: cap.external.map((x, i) => ({ label: `External ${i}`, outturn: pounds(x) })),
        memo: cap.memo.map((x, i) => ({ label: `Memo ${i}`, outturn: pounds(x) })),
      },
    }),
    ...(res && {
      reserves: {
        units: '£',
        displayUnits: res.displayUnits,
        years: resYears(res),
        actualYears: res.actualYears,
        reserves: res.reserves.map((r, i) => ({
          label: `Reserve ${i}`,
          class: r.cls,
          opening: pounds(r.opening),
          flows: r.flows.map((f) => ({ ...opt('movement', f.m), ...opt('transfers', f.t), ...opt('capital', f.c) })),
        })),
      },
    }),
  });
}

// ---------- reading the tables ----------

function tableOf(result: BuildResult, id: string): Table {
  const t = result.tables.find((x) => x.id === id);
  assert.ok(t, `no table ${id}`);
  return t;
}
function fig(t: Table, row: Row | number, id: string): Figure {
  const rw = typeof row === 'number' ? t.rows[row] : row;
  const c = t.columns.findIndex((x) => x.id === id);
  const cell = rw.cells[c];
  assert.ok(c >= 0 && isFigure(cell), `${t.id} ${rw.label}: no figure in ${id}`);
  return cell;
}
const has = (t: Table, id: string) => t.columns.some((c) => c.id === id);
function eq(a: Dec, b: Dec, what: string): void {
  assert.equal(text(a), text(b), what);
}
const sumD = (xs: Dec[]) => xs.reduce((a, b) => a.plus(b), new Dec(0));

/** Under round-each every figure shows its exact value rounded; under both, every input figure does. */
function checkShownIsRounded(result: BuildResult, policy: string): void {
  for (const t of result.tables) {
    for (const row of t.rows) {
      for (const cell of row.cells) {
        if (!isFigure(cell)) continue;
        if (policy === 'round-each' || !cell.derivation) {
          eq(cell.shown, round(cell.exact, cell.dp), `${t.id} ${row.label}: shown = round(exact)`);
        }
        eq(cell.stored, policy === 'round-each' ? cell.exact : cell.shown, `${t.id} ${row.label}: stored`);
      }
    }
  }
}

// ---------- the properties ----------

function checkRevenue(result: BuildResult, rev: Rev, policy: string): void {
  const t = tableOf(result, 'revenue');
  const u = rev.displayUnits;
  const cast = policy === 'round-then-sum';
  const money = ['original', 'revised', 'outturn', 'variance'];
  let r = 0;
  const parts: number[] = [];
  const lines: { row: number; l: GenLine }[] = [];
  for (const s of rev.sections) {
    if (s.heading) assert.equal(t.rows[r++].kind, 'heading');
    const mine = s.lines.map((l) => {
      assert.equal(t.rows[r].kind, 'line');
      lines.push({ row: r, l });
      return r++;
    });
    if (s.subtotal) {
      assert.equal(t.rows[r].kind, 'subtotal');
      if (cast) for (const id of money) eq(fig(t, r, id).shown, sumD(mine.map((m) => fig(t, m, id).shown)), `subtotal ${id} casts`);
      parts.push(r++);
    } else {
      parts.push(...mine);
    }
  }
  const total = r;
  assert.equal(t.rows[total].kind, 'total');
  if (cast) for (const id of money) eq(fig(t, total, id).shown, sumD(parts.map((m) => fig(t, m, id).shown)), `total ${id} casts`);

  // Each line's inputs exactly, and the exact total from the pence.
  for (const { row, l } of lines) {
    eq(fig(t, row, 'original').exact, inUnits(l.o, u), 'original exact');
    eq(fig(t, row, 'outturn').exact, inUnits(l.x, u), 'outturn exact');
    eq(fig(t, row, 'variance').exact, inUnits(l.x - l.r, u), 'variance exact');
  }
  const all = rev.sections.flatMap((s) => s.lines);
  eq(fig(t, total, 'revised').exact, inUnits(sumP(all.map((l) => l.r)), u), 'total revised exact');
  eq(fig(t, total, 'variance').exact, inUnits(sumP(all.map((l) => l.x - l.r)), u), 'total variance exact');

  // variance = outturn − revised; virement = revised − original; every row that has them
  for (let i = 0; i <= total; i++) {
    if (t.rows[i].kind === 'heading') continue;
    const [o, rv, x, v] = money.map((id) => fig(t, i, id));
    eq(v.exact, x.exact.minus(rv.exact), 'variance exact');
    if (cast) eq(v.shown, x.shown.minus(rv.shown), 'variance shown');
    if (rev.showVirements) {
      const vir = fig(t, i, 'virement');
      eq(vir.exact, rv.exact.minus(o.exact), 'virement exact');
      if (cast) eq(vir.shown, rv.shown.minus(o.shown), 'virement shown');
    }
    if (rev.showVariancePercent) {
      const pct = fig(t, i, 'pct');
      const expected = rv.exact.isZero() ? new Dec(0) : round(v.exact.div(rv.exact), 3);
      eq(pct.exact, expected, 'variance % exact');
    }
  }

  // After the total: TOTAL UNDERSPEND = total + adjustments; NET = that + earmarked. With nothing to
  // reconcile (no adjustments, no earmarked amounts) neither row is printed (issue 11): the table
  // ends at its total, whose variance is then the net.
  if (rev.adjustments.length + rev.earmarked.length === 0) {
    assert.deepEqual(t.rows.filter((x) => x.kind === 'total_underspend' || x.kind === 'net_underspend'), []);
    assert.equal(t.rows[t.rows.length - 1].kind, 'total');
    eq(fig(t, total, 'variance').exact, inUnits(sumP(all.map((l) => l.x - l.r)), u), 'total variance exact');
    eq(new Dec(result.narrative.revenue!.netVariance), fig(t, total, 'variance').shown.times(FACTOR[u].toString()), 'narrative');
    return;
  }
  const under = t.rows.findIndex((x) => x.kind === 'total_underspend');
  const net = t.rows.findIndex((x) => x.kind === 'net_underspend');
  const adj = t.rows.map((x, i) => i).filter((i) => t.rows[i].kind === 'adjustment');
  const ear = t.rows.map((x, i) => i).filter((i) => t.rows[i].kind === 'earmarked');
  const totalVariance = sumP(all.map((l) => l.x - l.r)) + sumP(rev.adjustments);
  eq(fig(t, under, 'variance').exact, inUnits(totalVariance, u), 'total underspend exact');
  eq(fig(t, net, 'variance').exact, inUnits(totalVariance + sumP(rev.earmarked), u), 'net exact');
  if (cast) {
    eq(fig(t, under, 'variance').shown, sumD([total, ...adj].map((i) => fig(t, i, 'variance').shown)), 'total underspend casts');
    eq(fig(t, net, 'variance').shown, sumD([under, ...ear].map((i) => fig(t, i, 'variance').shown)), 'net casts');
  }
  // The narrative reports the net figure the table shows, in pounds.
  eq(new Dec(result.narrative.revenue!.netVariance), fig(t, net, 'variance').shown.times(FACTOR[u].toString()), 'narrative');
}

function checkCapital(result: BuildResult, cap: Cap, policy: string): void {
  const t = tableOf(result, 'capital');
  const u = cap.displayUnits;
  const cast = policy === 'round-then-sum';
  const scale = (p: bigint) => p * FACTOR[cap.units]; // input pence in £ pence
  // Issue 11: no scheme gives a reprofile (and none was asked for): the table has no reprofile column.
  const given = cap.categories.flatMap((c) => ('standalone' in c ? [c.standalone] : c.schemes)).some((s) => s.reprofile !== null);
  assert.equal(has(t, 'reprofile'), given, 'a reprofile column exactly when some scheme gives a reprofile');
  const ids = ['revised', 'outturn', 'remaining', ...(given ? ['reprofile'] : [])];
  for (const [i, row] of t.rows.entries()) {
    if (row.kind === 'heading' || row.kind === 'memo') continue;
    const [rv, x, rem] = ids.map((id) => fig(t, i, id));
    eq(rem.exact, rv.exact.minus(x.exact), `${row.label}: remaining exact`);
    if (cast) eq(rem.shown, rv.shown.minus(x.shown), `${row.label}: remaining shown`);
  }
  // Category totals, the programme total and the grand total cast; defaults follow the remaining budget.
  let r = 1; // after the EXPENDITURE heading
  const parts: number[] = [];
  const schemes: { row: number; s: GenScheme }[] = [];
  for (const c of cap.categories) {
    if ('standalone' in c) {
      assert.equal(t.rows[r].kind, 'scheme_standalone');
      schemes.push({ row: r, s: c.standalone });
      parts.push(r++);
      continue;
    }
    assert.equal(t.rows[r++].kind, 'heading');
    const mine = c.schemes.map((s) => {
      schemes.push({ row: r, s });
      return r++;
    });
    assert.equal(t.rows[r].kind, 'category_total');
    for (const id of ids) {
      eq(fig(t, r, id).exact, sumD(mine.map((m) => fig(t, m, id).exact)), `category ${id} exact`);
      if (cast) eq(fig(t, r, id).shown, sumD(mine.map((m) => fig(t, m, id).shown)), `category ${id} casts`);
    }
    parts.push(r++);
  }
  assert.equal(t.rows[r].kind, 'total');
  const total = r;
  for (const id of ids) if (cast) eq(fig(t, total, id).shown, sumD(parts.map((m) => fig(t, m, id).shown)), `total ${id} casts`);
  const all = cap.categories.flatMap((c) => ('standalone' in c ? [c.standalone] : c.schemes));
  eq(fig(t, total, 'revised').exact, inUnits(scale(sumP(all.map((s) => s.r))), u), 'programme exact');
  eq(fig(t, total, 'outturn').exact, inUnits(scale(sumP(all.map((s) => s.x))), u), 'planned outturn exact');
  if (cap.external.length > 0) {
    const grand = t.rows.findIndex((x) => x.kind === 'grand_total');
    const ext = t.rows.map((x, i) => i).filter((i) => t.rows[i].kind === 'externally_funded');
    eq(fig(t, grand, 'outturn').exact, inUnits(scale(sumP(all.map((s) => s.x)) + sumP(cap.external)), u), 'grand outturn exact');
    for (const id of ids) if (cast) eq(fig(t, grand, id).shown, sumD([total, ...ext].map((m) => fig(t, m, id).shown)), `grand ${id} casts`);
  }
  for (const { row, s } of given ? schemes : []) {
    const rep = fig(t, row, 'reprofile');
    if (s.reprofile === null) {
      // default: the remaining budget when positive, nil for an overspend
      const rem = fig(t, row, 'remaining');
      eq(rep.exact, Dec.max(0, rem.exact), 'default reprofile exact');
      if (cast) eq(rep.shown, Dec.max(0, rem.shown), 'default reprofile shown');
    } else {
      eq(rep.exact, inUnits(scale(s.reprofile), u), 'given reprofile');
    }
  }
  // A note for each given reprofile larger than the exact remaining budget, and only then.
  const over = schemes.filter(({ s }) => s.reprofile !== null && s.reprofile > s.r - s.x).length;
  assert.equal(result.findings.filter((f) => f.rule === 'capital.reprofile-exceeds-remaining').length, over);
}

function checkReserves(result: BuildResult, res: Res, policy: string): void {
  const t = tableOf(result, 'reserves');
  const u = res.displayUnits;
  const cast = policy === 'round-then-sum';
  const flowIds = (y: number) => [`movement${y}`, `transfers${y}`, `capital${y}`].filter((id) => has(t, id));
  const flowP = (r: GenReserve, y: number) => {
    const f = r.flows[y];
    return f ? (f.m ?? 0n) + (f.t ?? 0n) + (f.c ?? 0n) : 0n;
  };
  // A transfers column is shown for actual years and wherever a transfer is given; nowhere is one lost.
  for (let y = 0; y < res.n; y++) {
    if (!has(t, `transfers${y}`)) assert.ok(res.reserves.every((r) => !r.flows[y]?.t), `transfers of ${y} dropped`);
  }
  // closing = opening + flows, every year, on every row; each year opens with the previous close.
  for (const [i, row] of t.rows.entries()) {
    if (row.kind === 'heading') continue;
    for (let y = 0; y < res.n; y++) {
      const open = fig(t, i, y === 0 ? 'opening' : `closing${y - 1}`);
      const flows = flowIds(y).map((id) => fig(t, i, id));
      const close = fig(t, i, `closing${y}`);
      eq(close.exact, open.exact.plus(sumD(flows.map((f) => f.exact))), `${row.label} closing ${y} exact`);
      if (cast) eq(close.shown, open.shown.plus(sumD(flows.map((f) => f.shown))), `${row.label} closing ${y} shown`);
    }
  }
  // Each reserve's exact balance, from the pence.
  const reserveRows = t.rows.map((r, i) => i).filter((i) => t.rows[i].kind === 'general_reserve' || t.rows[i].kind === 'earmarked_reserve');
  const ordered = [...res.reserves.filter((r) => r.cls === 'general'), ...res.reserves.filter((r) => r.cls === 'useable'), ...res.reserves.filter((r) => r.cls === 'non-useable')];
  assert.equal(reserveRows.length, ordered.length);
  ordered.forEach((r, k) => {
    let balance = r.opening;
    for (let y = 0; y < res.n; y++) {
      balance += flowP(r, y);
      eq(fig(t, reserveRows[k], `closing${y}`).exact, inUnits(balance, u), `reserve ${k} balance ${y}`);
    }
  });
  // Totals cast with the reserve lines they cover.
  const money = t.columns.filter((c) => c.kind === 'money').map((c) => c.id);
  const byKind = (k: string) => t.rows.map((r, i) => i).filter((i) => t.rows[i].kind === k);
  const linesOf = (cls: GenReserve['cls']) => reserveRows.filter((_, k) => ordered[k].cls === cls);
  const totals: [string, number[]][] = [
    ['subtotal_useable', linesOf('useable')],
    ['subtotal_non_useable', linesOf('non-useable')],
    ['total_earmarked', [...linesOf('useable'), ...linesOf('non-useable')]],
    ['total_reserves', reserveRows],
  ];
  for (const [kind, covered] of totals) {
    for (const i of byKind(kind)) {
      for (const id of money) {
        eq(fig(t, i, id).exact, sumD(covered.map((j) => fig(t, j, id).exact)), `${kind} ${id} exact`);
        if (cast) eq(fig(t, i, id).shown, sumD(covered.map((j) => fig(t, j, id).shown)), `${kind} ${id} casts`);
      }
    }
  }
  // Transfers that do not net to nil are an error finding for that year, and only then.
  for (let y = 0; y < res.n; y++) {
    const net = sumP(res.reserves.map((r) => r.flows[y]?.t ?? 0n));
    const year = resYears(res)[y];
    const found = result.findings.some((f) => f.rule === 'reserves.transfers-net-nil' && f.message.includes(` ${year} `));
    assert.equal(found, net !== 0n, `transfers ${year} net ${net}`);
  }
}

describe('properties: random inputs with pennies and large values, both rounding policies', () => {
  for (const policy of POLICIES) {
    describe(policy, () => {
      it('Table 1: variance = outturn − revised, virements, totals cast, net = total + adjustments + earmarked', () => {
        fc.assert(fc.property(genRevenue, (rev) => {
          const result = build(readOutturn(document(policy, rev)));
          checkRevenue(result, rev, policy);
          checkShownIsRounded(result, policy);
        }), { numRuns: RUNS });
      });

      it('Table 2: remaining = revised − outturn, default reprofile, category and programme totals cast', () => {
        fc.assert(fc.property(genCapital, (cap) => {
          const result = build(readOutturn(document(policy, undefined, cap)));
          checkCapital(result, cap, policy);
          checkShownIsRounded(result, policy);
        }), { numRuns: RUNS });
      });

      it('Table 3: closing = opening + flows every year, the roll-forward, totals cast', () => {
        fc.assert(fc.property(genReserves, (res) => {
          const result = build(readOutturn(document(policy, undefined, undefined, res)));
          checkReserves(result, res, policy);
          checkShownIsRounded(result, policy);
        }), { numRuns: RUNS });
      });

      it('all three tables together', () => {
        fc.assert(fc.property(genRevenue, genCapital, genReserves, (rev, cap, res) => {
          const result = build(readOutturn(document(policy, rev, cap, res)));
          checkRevenue(result, rev, policy);
          checkCapital(result, cap, policy);
          checkReserves(result, res, policy);
          checkShownIsRounded(result, policy);
        }), { numRuns: 50 });
      });
    });
  }
});

describe('exact where plain numbers drift', () => {
  // 1,000 headings whose outturn alternates £0.10 and £0.20. The exact total is £150.00.
  const amounts = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? '0.10' : '0.20'));
  const doc = (policy: string) => JSON.stringify({
    format: 'outturn/v1',
    organisation: 'Drift PCC',
    financialYear: '2020/21',
    rounding: policy,
    revenue: {
      units: '£',
      sections: [{ lines: amounts.map((a, i) => ({ label: `Heading ${i}`, originalBudget: '0', revisedBudget: '0', outturn: a })) }],
      totalLabel: 'TOTAL',
    },
  });

  it('the engine totals 1,000 penny amounts to exactly 150, where a float sum does not', () => {
    // The only floating-point arithmetic in these tests: the plain-number sum the engine must not do.
    let float = 0;
    for (const a of amounts) float += Number(a);
    assert.notEqual(float, 150);
    assert.equal(float.toFixed(13), '149.9999999999986');

    for (const policy of POLICIES) {
      const t = tableOf(build(readOutturn(doc(policy))), 'revenue');
      const total = fig(t, t.rows.findIndex((r) => r.kind === 'total'), 'outturn');
      assert.equal(text(total.exact), '150', policy);
      // nothing earmarked: the table ends at its total, whose variance is the net (issue 11)
      assert.equal(t.rows.findIndex((r) => r.kind === 'net_underspend'), -1, policy);
      assert.equal(text(fig(t, t.rows.findIndex((r) => r.kind === 'total'), 'variance').exact), '150', policy);
      // round-each shows the exact total rounded; round-then-sum the sum of the rounded lines (0 each)
      assert.equal(text(total.shown), policy === 'round-each' ? '150' : '0', policy);
    }
  });

  it('round-then-sum states the £150 it lost to rounding 1,000 lines as a rounding difference', () => {
    const r = build(readOutturn(doc('round-then-sum')));
    const f = r.findings.find((x) => x.rule === 'rounding.difference' && x.message.startsWith('TOTAL, Outturn'));
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.message)));
    assert.equal(f.expected, '150');
    assert.equal(f.actual, '0');
    assert.equal(f.difference, '-150');
  });

  it('pennies on a £10^11 balance are kept: 99,999,999,999.99 + 0.01 − 0.03', () => {
    const big = JSON.stringify({
      format: 'outturn/v1', organisation: 'Big PCC', financialYear: '2020/21', rounding: 'round-each',
      reserves: { units: '£', years: ['2020/21', '2021/22'], reserves: [
        { label: 'R', class: 'general', opening: '99999999999.99', flows: [{ movement: '0.01' }, { movement: '-0.03' }] },
      ] },
    });
    const t = tableOf(build(readOutturn(big)), 'reserves');
    const row = t.rows.find((r) => r.label === 'R')!;
    assert.equal(text(fig(t, row, 'closing0').exact), '100000000000');
    assert.equal(text(fig(t, row, 'closing1').exact), '99999999999.97');
    assert.equal(text(fig(t, row, 'closing1').shown), '100000000000');
  });
});
