// Generates the worked example of ledger-level input and the in-year forecast:
//   examples/derbyshire-2021-22-month6.json — the worked example's Table 1 headings, a ledger of
//   10,080 lines (480 per heading) whose budgets add up exactly to the example's revised budgets,
//   actuals to month 6 (September), some lines with the officer's own forecast for the rest of the
//   year and some with commitments, and budget profiles for two headings.
// Deterministic: a small integer PRNG and BigInt pence, never floating point on money.
//   npx tsx scripts/make-ledger-example.ts [--lines-per-heading N] [--out FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
export const EXAMPLE_OUT = join(ROOT, 'examples', 'derbyshire-2021-22-month6.json');

/** mulberry32: deterministic 32-bit integers. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Decimal text of integer pence, by BigInt only. */
function money(p: bigint): string {
  const neg = p < 0n;
  const a = neg ? -p : p;
  const pounds = a / 100n;
  const pp = a % 100n;
  return `${neg && a !== 0n ? '-' : ''}${pounds}.${pp < 10n ? '0' : ''}${pp}`;
}
const pounds = (s: string) => BigInt(s) * 100n; // the example's budgets are whole pounds

const PROFILES = [
  // heating and lighting in the winter months
  { heading: 'Premises', weights: ['6', '6', '6', '6', '7', '8', '10', '11', '12', '11', '9', '8'] },
  // the revenue contribution to capital is made at the year end
  { heading: 'Revenue Contribution to Capital', weights: ['0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '1'] },
];

interface Heading { label: string; originalBudget: string; revisedBudget: string }

/** The generated outturn/v1 document (as text: one ledger line per text line, so diffs read well). */
export function makeLedgerExample(perHeading = 480, seed = 2122): string {
  const base = JSON.parse(readFileSync(join(ROOT, 'examples', 'derbyshire-2020-21.json'), 'utf8'));
  const sections: { label?: string; subtotalLabel?: string; lines: Heading[] }[] = base.revenue.sections;
  const headings = sections.flatMap((s) => s.lines);
  const r = rng(seed);
  const lines: string[] = [];
  const mapping: unknown[] = [];
  const INCOME = new Set(['Government Grants', 'General Income']);
  headings.forEach((h, i) => {
    // Cost centres: a numeric range per heading (10000 + 100 i …), except the income headings,
    // which share cost centre 20000 and are told apart by account prefix (81… grants, 82… income),
    // and Interest Receipts: one exact cost centre and account.
    const range = { from: String(10000 + i * 100), to: String(10000 + i * 100 + 99) };
    if (h.label === 'Government Grants') mapping.push({ heading: h.label, costCentre: '20000', accountPrefix: '81' });
    else if (h.label === 'General Income') mapping.push({ heading: h.label, costCentre: '20000', accountPrefix: '82' });
    else if (h.label === 'Interest Receipts') mapping.push({ heading: h.label, costCentre: '20100', account: '8300' });
    else mapping.push({ heading: h.label, costCentres: range });

    const total = pounds(h.revisedBudget);
    const profile = PROFILES.find((p) => p.heading === h.label)?.weights.map((w) => BigInt(w)) ?? Array.from({ length: 12 }, () => 1n);
    const whole = profile.reduce((a, b) => a + b, 0n);
    const toDate = profile.slice(0, 6).reduce((a, b) => a + b, 0n);
    const weights = Array.from({ length: perHeading }, () => BigInt((r() % 1000) + 1));
    const W = weights.reduce((a, b) => a + b, 0n);
    let given = 0n;
    weights.forEach((w, j) => {
      const budget = j === perHeading - 1 ? total - given : (total * w) / W; // BigInt division truncates; the last line takes the rest
      given += budget;
      let cc: string;
      let account: string;
      if (h.label === 'Government Grants') { cc = '20000'; account = String(8100 + (r() % 100)); }
      else if (h.label === 'General Income') { cc = '20000'; account = String(8200 + (r() % 100)); }
      else if (h.label === 'Interest Receipts') { cc = '20100'; account = '8300'; }
      else { cc = String(10000 + i * 100 + (r() % 100)); account = String(INCOME.has(h.label) ? 8000 : 4000 + (r() % 900)); }
      // Actual to month 6: the budget profiled to September, give or take up to 20% of it.
      const half = (budget * toDate) / whole;
      const spread = (half < 0n ? -half : half) / 5n;
      const noise = spread === 0n ? 0n : (BigInt(r()) % (2n * spread + 1n)) - spread;
      const actual = half + noise;
      const line: Record<string, string> = { costCentre: cc, account, budget: money(budget), actualToDate: money(actual) };
      if (j % 50 === 0) line.description = `${h.label} ${j / 50 + 1}`;
      if (j % 7 === 3) line.commitments = money(budget / 20n);
      // Every tenth line carries the officer's own forecast for October to March.
      if (j % 10 === 5) line.forecast = money(budget - actual + (noise / 2n));
      lines.push(JSON.stringify(line));
    });
  });
  const doc = {
    format: 'outturn/v1',
    organisation: base.organisation,
    financialYear: '2021/22',
    rounding: 'round-then-sum',
    revenue: {
      units: '£',
      sections: sections.map((s) => ({
        ...(s.label ? { label: s.label } : {}),
        ...(s.subtotalLabel ? { subtotalLabel: s.subtotalLabel } : {}),
        lines: s.lines.map((l) => ({ label: l.label, originalBudget: l.originalBudget })),
      })),
      totalLabel: base.revenue.totalLabel,
      showVirements: true,
      showVariancePercent: true,
      varianceThreshold: { amount: '250000', percent: '5' },
      ledger: {
        month: 6,
        profiles: PROFILES,
        mapping,
        lines: ['@LINES@'],
      },
    },
  };
  return `${JSON.stringify(doc, null, 2).replace('"@LINES@"', lines.join(',\n        '))}\n`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const n = args.includes('--lines-per-heading') ? Number(args[args.indexOf('--lines-per-heading') + 1]) : 480;
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : EXAMPLE_OUT;
  writeFileSync(out, makeLedgerExample(n));
  process.stdout.write(`wrote ${out}\n`);
}
