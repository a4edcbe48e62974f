// Random outturn/v1 documents for property tests: pennies, large values, every table, both rounding
// policies and every unit. Money is generated as integer pence and written as decimal text —
// never through floating point.
import fc from 'fast-check';

const UNITS = ['£', "£'000", '£m'] as const;

/** Pence as a decimal string of pounds: 123456 → "1234.56", -5 → "-0.05". */
export function penceText(p: bigint): string {
  const neg = p < 0n;
  const a = neg ? -p : p;
  const s = `${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
  return neg && a !== 0n ? `-${s}` : s;
}

export const pence = (max = 10n ** 13n) => fc.bigInt({ min: -max, max }).map(penceText);
export const positivePence = (max = 10n ** 13n) => fc.bigInt({ min: 0n, max }).map(penceText);
/** Mostly ordinary amounts, sometimes huge ones: a mix shrinks better than one wide range. */
export const money = () => fc.oneof({ weight: 4, arbitrary: pence(10n ** 9n) }, { weight: 1, arbitrary: pence() });

function year(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

export function randomDocument(opts: { netTransfers?: boolean } = {}): fc.Arbitrary<Record<string, unknown>> {
  const netTransfers = opts.netTransfers ?? true;
  return fc
    .record({
      rounding: fc.constantFrom('round-then-sum', 'round-each'),
      revenueUnits: fc.constantFrom(...UNITS),
      sections: fc.array(
        fc.record({
          lines: fc.array(fc.record({ o: money(), r: money(), t: money() }), { minLength: 1, maxLength: 6 }),
          subtotal: fc.boolean(),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      adjustments: fc.array(money(), { maxLength: 2 }),
      earmarked: fc.array(positivePence(10n ** 9n), { maxLength: 3 }),
      capitalDisplay: fc.constantFrom(...UNITS),
      categories: fc.array(
        fc.record({
          schemes: fc.array(fc.record({ r: positivePence(10n ** 10n), t: positivePence(10n ** 10n), p: fc.option(positivePence(10n ** 10n), { nil: undefined }) }), { minLength: 1, maxLength: 4 }),
          standalone: fc.boolean(),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      external: fc.array(positivePence(10n ** 9n), { maxLength: 2 }),
      memo: fc.array(positivePence(10n ** 9n), { maxLength: 1 }),
      reservesDisplay: fc.constantFrom(...UNITS),
      nYears: fc.integer({ min: 1, max: 5 }),
      actualYears: fc.integer({ min: 0, max: 2 }),
      reserves: fc.array(
        fc.record({
          cls: fc.constantFrom('general', 'useable', 'non-useable'),
          category: fc.option(fc.constantFrom('mtfp', 'beyond-mtfp', 'contingency'), { nil: undefined }),
          opening: positivePence(10n ** 10n),
          flows: fc.array(fc.record({ m: money(), c: fc.option(pence(10n ** 8n), { nil: undefined }) }), { maxLength: 5 }),
          transfer: positivePence(10n ** 8n),
        }),
        { minLength: 1, maxLength: 8 },
      ),
    })
    .map((g) => {
      const nYears = g.nYears;
      const actualYears = Math.min(g.actualYears, nYears);
      const years = Array.from({ length: nYears }, (_, i) => year(2020 + i));
      const fy = actualYears >= 1 ? years[actualYears - 1] : years[0];
      const fyStart = Number.parseInt(fy.slice(0, 4), 10);
      const reserves = g.reserves.map((r, i) => {
        const flows: Record<string, string>[] = r.flows.slice(0, nYears).map((f) => ({ movement: f.m, ...(f.c ? { capital: f.c } : {}) }));
        return { label: `Reserve ${i + 1}`, class: r.cls, ...(r.category ? { category: r.category } : {}), opening: r.opening, flows };
      });
      // A transfer between the first two reserves in the first year, netting to nil.
      if (netTransfers && reserves.length >= 2) {
        const t = g.reserves[0].transfer;
        (reserves[0].flows[0] ??= {}).transfers = t;
        (reserves[1].flows[0] ??= {}).transfers = t === '0.00' ? '0.00' : `-${t}`;
      }
      return {
        format: 'outturn/v1',
        organisation: 'Random PCC',
        financialYear: fy,
        rounding: g.rounding,
        revenue: {
          units: '£',
          displayUnits: g.revenueUnits,
          sections: g.sections.map((s, i) => ({
            lines: s.lines.map((l, j) => ({ label: `Heading ${i + 1}.${j + 1}`, originalBudget: l.o, revisedBudget: l.r, outturn: l.t })),
            ...(s.subtotal ? { subtotalLabel: `Sub-Total ${i + 1}` } : {}),
          })),
          totalLabel: 'TOTAL',
          adjustments: g.adjustments.map((a, i) => ({ label: `Adjustment ${i + 1}`, amount: a })),
          earmarked: g.earmarked.map((a, i) => ({ label: `Earmarked ${i + 1}`, amount: a })),
          budgetRequirementChange: undefined,
          showVariancePercent: true,
        },
        capital: {
          units: '£',
          displayUnits: g.capitalDisplay,
          year: fy,
          nextYear: year(fyStart + 1),
          categories: g.categories.map((c, i) =>
            c.standalone
              ? { label: `Category ${i + 1}`, revisedBudget: c.schemes[0].r, outturn: c.schemes[0].t, ...(c.schemes[0].p ? { reprofile: c.schemes[0].p } : {}) }
              : { label: `Category ${i + 1}`, schemes: c.schemes.map((s, j) => ({ label: `Scheme ${i + 1}.${j + 1}`, revisedBudget: s.r, outturn: s.t, ...(s.p ? { reprofile: s.p } : {}) })) },
          ),
          externallyFunded: g.external.map((e, i) => ({ label: `External ${i + 1}`, outturn: e })),
          memo: g.memo.map((m, i) => ({ label: `Memo ${i + 1}`, outturn: m })),
        },
        reserves: { units: '£', displayUnits: g.reservesDisplay, years, actualYears, reserves },
      };
    })
    .map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>);
}

/**
 * A random document whose Table 1 comes from a ledger (Table 1b), sometimes at month N (Table 1a, the
 * forecast build-up): per heading one to four lines on its own cost centre, each with a budget and an
 * actual, some with the officer's forecast; a profile for some headings. Separate from
 * randomDocument so that its runs (and seeds) stay as they were.
 */
export function randomLedgerDocument(): fc.Arbitrary<Record<string, unknown>> {
  const line = fc.record({ b: pence(10n ** 9n), a: pence(10n ** 9n), f: fc.option(pence(10n ** 9n), { nil: undefined }) });
  return fc
    .tuple(
      randomDocument(),
      fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
      fc.array(fc.array(line, { minLength: 1, maxLength: 4 }), { minLength: 24, maxLength: 24 }),
      fc.array(fc.option(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 12, maxLength: 12 }), { nil: undefined }), { minLength: 24, maxLength: 24 }),
    )
    .map(([doc, month, lines, profiles]) => {
      const revenue = doc.revenue as { sections: { lines: { label: string; originalBudget: string }[] }[] };
      const headings = revenue.sections.flatMap((s) => s.lines.map((l) => l.label));
      const sections = revenue.sections.map((s) => ({ ...s, lines: s.lines.map((l) => ({ label: l.label, originalBudget: l.originalBudget })) }));
      const ledgerLines = headings.flatMap((_, k) => lines[k % 24].map((l, j) => ({
        costCentre: String(10000 + k),
        account: String(4000 + j),
        budget: l.b,
        actualToDate: l.a,
        ...(month !== undefined && l.f !== undefined ? { forecast: l.f } : {}),
      })));
      const ownProfiles = month === undefined ? [] : headings
        .map((heading, k) => ({ heading, w: profiles[k % 24] }))
        // A profile needs some weight somewhere.
        .filter((p) => p.w !== undefined && p.w.some((x) => x > 0))
        .map((p) => ({ heading: p.heading, weights: p.w!.map(String) }));
      const ledger = {
        ...(month !== undefined ? { month } : {}),
        ...(ownProfiles.length ? { profiles: ownProfiles } : {}),
        mapping: headings.map((heading, k) => ({ heading, costCentre: String(10000 + k) })),
        lines: ledgerLines,
      };
      return { ...doc, revenue: { ...revenue, sections, ledger } } as Record<string, unknown>;
    });
}

/** Which parts a shaped document has: so a property can count that every shape was tried. */
export interface Shape {
  revenue: boolean;
  capital: boolean;
  reserves: boolean;
  /** Table 1 from a ledger (1b), and at month N (1a: the forecast basis) */
  ledger: boolean;
  forecastBasis: boolean;
  /** Table 2a (next year's programme) and 2b (the financing) */
  nextYear: boolean;
  financing: boolean;
  /** Table 3b (the MTFP) and 3c (its scenarios) */
  mtfp: boolean;
  scenarios: boolean;
  adjustments: number;
  earmarked: number;
  subtotals: number;
  lines: number;
  rounding: string;
}

/** Sum of money strings ("12.34", "-0.05") in integer pence. */
const penceOf = (s: string): bigint => {
  const neg = s.startsWith('-');
  const [w, f = ''] = (neg ? s.slice(1) : s).split('.');
  const p = BigInt(w) * 100n + BigInt((f + '00').slice(0, 2));
  return neg ? -p : p;
};

/**
 * A random document of any shape Outturn builds: every table alone or with the others (revenue
 * only, capital only, reserves only, any two, all three), each optional part present or not — Table
 * 1 from a ledger, at month N or not (the forecast basis, 1a/1b); next year's programme (2a); the
 * financing (2b, its sources adding up to the year's spend); the MTFP (3b) and its scenarios (3c);
 * no adjustments, no earmarked lines, no sub-totals, one line; both rounding policies with pence.
 * Money stays within 15 significant digits (what a spreadsheet stores; see randomDocument's ranges).
 * Yields the document and its shape.
 */
export function randomShapedDocument(): fc.Arbitrary<{ doc: Record<string, unknown>; shape: Shape }> {
  return fc
    .record({
      base: randomDocument(),
      ledgerDoc: randomLedgerDocument(),
      tables: fc.constantFrom('rcs', 'rcs', 'rcs', 'r', 'c', 's', 'rc', 'rs', 'cs'),
      ledger: fc.boolean(),
      nextYear: fc.boolean(),
      nextYearBudgets: fc.array(positivePence(10n ** 10n), { minLength: 16, maxLength: 16 }),
      financing: fc.boolean(),
      financingSplit: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }),
      mtfp: fc.boolean(),
      plan: fc.array(fc.record({ b: positivePence(10n ** 10n), f: positivePence(10n ** 10n) }), { minLength: 5, maxLength: 5 }),
      scenarios: fc.boolean(),
      change: pence(10n ** 9n),
    })
    .map((g) => {
      const doc: Record<string, unknown> = { ...(g.ledger ? g.ledgerDoc : g.base) };
      // The ledger document has its own reserves and capital: take the base's so the two shapes share them.
      doc.capital = g.base.capital;
      doc.reserves = g.base.reserves;
      doc.financialYear = g.base.financialYear;
      const revenue = doc.revenue as Record<string, unknown> & { ledger?: { month?: number }; sections: { lines: unknown[]; subtotalLabel?: string }[] };
      const capital = JSON.parse(JSON.stringify(g.base.capital)) as Record<string, unknown> & {
        categories: ({ schemes?: Record<string, string>[]; outturn?: string } & Record<string, unknown>)[];
        externallyFunded: { outturn: string }[];
        memo: { outturn: string }[];
      };
      const reserves = JSON.parse(JSON.stringify(g.base.reserves)) as Record<string, unknown> & { years: string[]; actualYears: number; reserves: { label: string }[] };
      let k = 0;
      if (g.nextYear) {
        for (const c of capital.categories) {
          if (c.schemes) for (const s of c.schemes) s.nextYearBudget = g.nextYearBudgets[k++ % 16];
          else c.nextYearBudget = g.nextYearBudgets[k++ % 16];
        }
      }
      if (g.financing) {
        // The sources add up to the year's spend (schemes, externally funded lines and memo lines).
        let spend = 0n;
        for (const c of capital.categories) for (const s of c.schemes ?? [c]) spend += penceOf(String(s.outturn));
        for (const e of [...capital.externallyFunded, ...capital.memo]) spend += penceOf(e.outturn);
        const weights = g.financingSplit.map(BigInt);
        const all = weights.reduce((x, y) => x + y, 0n) || 1n;
        const types = ['grant', 'capital-receipts', 'revenue', 'borrowing'];
        let left = spend;
        capital.financing = weights.map((w, i) => {
          const amount = i === weights.length - 1 ? left : (spend * w) / all;
          left -= amount;
          return { type: types[i % types.length], label: `Source ${i + 1}`, amount: penceText(amount) };
        });
      }
      const forecastYears = reserves.years.slice(reserves.actualYears);
      const mtfp = g.mtfp && forecastYears.length > 0;
      if (mtfp) {
        reserves.mtfp = {
          plan: forecastYears.map((year, i) => ({ year, budgetRequirement: g.plan[i].b, funding: g.plan[i].f })),
          gapFundedFrom: reserves.reserves.slice(0, 2).map((r) => r.label),
          ...(g.scenarios ? { scenarios: [{ label: 'Scenario 1', changes: [{ year: forecastYears[0], budgetRequirement: g.change }] }] } : {}),
        };
      }
      const has = { r: g.tables.includes('r'), c: g.tables.includes('c'), s: g.tables.includes('s') };
      if (!has.r) delete doc.revenue;
      if (has.c) doc.capital = capital;
      else delete doc.capital;
      if (has.s) doc.reserves = reserves;
      else delete doc.reserves;
      const shape: Shape = {
        revenue: has.r,
        capital: has.c,
        reserves: has.s,
        ledger: has.r && g.ledger,
        forecastBasis: has.r && g.ledger && revenue.ledger?.month !== undefined,
        nextYear: has.c && g.nextYear,
        financing: has.c && g.financing,
        mtfp: has.s && mtfp,
        scenarios: has.s && mtfp && g.scenarios,
        adjustments: has.r ? ((revenue.adjustments as unknown[] | undefined)?.length ?? 0) : 0,
        earmarked: has.r ? ((revenue.earmarked as unknown[] | undefined)?.length ?? 0) : 0,
        subtotals: has.r ? revenue.sections.filter((s) => s.subtotalLabel).length : 0,
        lines: has.r ? revenue.sections.reduce((n, s) => n + s.lines.length, 0) : 0,
        rounding: String(doc.rounding),
      };
      return { doc: JSON.parse(JSON.stringify(doc)) as Record<string, unknown>, shape };
    });
}
