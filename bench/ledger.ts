// Ledger-level inputs for the bench: N ledger lines (cost centre, account, budget, actual to date)
// in the worked example's budget headings, generated deterministically from integer pence (never
// through floating point), and their exact aggregation to headings.
//
// Aggregation: the product's own ledger aggregation (issue 5, `revenue.ledger` in outturn/v1) is
// used when it exists — see `productAggregation()`; until then the bench aggregates with
// `aggregateExact` below, which uses the engine's exact pence sums (src/engine/pence.ts), and
// `aggregateDecPerLine`, the straightforward decimal.js loop, to show what the fast path saves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dec, text } from '../src/base/decimal';
import { ExactSum } from '../src/engine/pence';
import { rng } from '../scripts/make-ledger-example'; // mulberry32: the same deterministic integers as the example ledger

export const EXAMPLE_PATH = join(__dirname, '..', 'examples', 'derbyshire-2020-21.json');

export interface LedgerLine {
  costCentre: string;
  account: string;
  description: string;
  budget: string;
  /** named as outturn/v1's ledgerLine names it, so the product's document holds these very objects */
  actualToDate: string;
}

export interface Ledger {
  lines: LedgerLine[];
  /** cost centre → budget heading (exact codes) */
  mapping: Map<string, string>;
  /** the headings in table order, by section (from the worked example) */
  sections: { label?: string; subtotalLabel?: string; headings: string[] }[];
}

export interface HeadingTotals {
  heading: string;
  budget: Dec;
  actual: Dec;
}

/** Integer pence as decimal text, by integer and string operations only. */
export function penceText(p: number): string {
  const neg = p < 0;
  const a = neg ? -p : p;
  const pounds = Math.trunc(a / 100); // integer division of a safe integer by 100
  const pp = a - pounds * 100;
  return `${neg && a !== 0 ? '-' : ''}${pounds}.${pp < 10 ? '0' : ''}${pp}`;
}

let example: Record<string, unknown> | undefined;
/** A fresh copy of the worked example's outturn/v1 document (read once). */
export function exampleDocument(): Record<string, unknown> {
  example ??= JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8')) as Record<string, unknown>;
  return structuredClone(example);
}

/** N ledger lines spread over the worked example's headings, 8 cost centres per heading. */
export function generateLedger(n: number, seed = 2021): Ledger {
  const doc = exampleDocument() as { revenue: { sections: { label?: string; subtotalLabel?: string; lines: { label: string; revisedBudget: string }[] }[] } };
  const sections = doc.revenue.sections.map((s) => ({ label: s.label, subtotalLabel: s.subtotalLabel, headings: s.lines.map((l) => l.label) }));
  const headings = sections.flatMap((s) => s.headings);
  const income = new Set(doc.revenue.sections.flatMap((s) => s.lines.filter((l) => l.revisedBudget.startsWith('-')).map((l) => l.label)));
  const mapping = new Map<string, string>();
  const centres: string[] = [];
  headings.forEach((h, i) => {
    for (let k = 0; k < 8; k++) {
      const cc = `CC${String(i).padStart(2, '0')}${k}`;
      mapping.set(cc, h);
      centres.push(cc);
    }
  });
  const r = rng(seed);
  const lines: LedgerLine[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const cc = centres[r() % centres.length];
    const sign = income.has(mapping.get(cc)!) ? -1 : 1;
    // up to £99,999.99 a line, with pennies; actual within ±10% or so of budget
    const budget = r() % 10_000_000;
    const actual = budget + (r() % 2_000_001) - 1_000_000;
    lines[i] = {
      costCentre: cc,
      account: String(4000 + (r() % 900)),
      description: `Ledger line ${i + 1}`,
      budget: penceText(sign * budget),
      actualToDate: penceText(sign * actual),
    };
  }
  return { lines, mapping, sections };
}

/** Exact aggregation with integer pence (safe-integer checked) per heading, converted to Dec once. */
export function aggregateExact(ledger: Ledger): HeadingTotals[] {
  const sums = new Map<string, { b: ExactSum; a: ExactSum }>();
  for (const s of ledger.sections) for (const h of s.headings) sums.set(h, { b: new ExactSum(), a: new ExactSum() });
  const byCentre = new Map<string, { b: ExactSum; a: ExactSum }>();
  for (const [cc, h] of ledger.mapping) byCentre.set(cc, sums.get(h)!);
  const lines = ledger.lines;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const acc = byCentre.get(l.costCentre);
    if (!acc) throw new Error(`ledger line ${i + 1}: cost centre ${l.costCentre} is not mapped`);
    if (!acc.b.addText(l.budget) || !acc.a.addText(l.actualToDate)) throw new Error(`ledger line ${i + 1}: not a decimal amount`);
  }
  return [...sums].map(([heading, s]) => ({ heading, budget: s.b.value(), actual: s.a.value() }));
}

/** The straightforward exact loop: one decimal.js addition per amount. */
export function aggregateDecPerLine(ledger: Ledger): HeadingTotals[] {
  const sums = new Map<string, { b: Dec; a: Dec }>();
  for (const s of ledger.sections) for (const h of s.headings) sums.set(h, { b: new Dec(0), a: new Dec(0) });
  for (const l of ledger.lines) {
    const s = sums.get(ledger.mapping.get(l.costCentre)!)!;
    s.b = s.b.plus(new Dec(l.budget));
    s.a = s.a.plus(new Dec(l.actualToDate));
  }
  return [...sums].map(([heading, s]) => ({ heading, budget: s.b, actual: s.a }));
}

/** An outturn/v1 document: the worked example with Table 1 from the aggregated headings. */
export function documentFromTotals(ledger: Ledger, totals: HeadingTotals[]): Record<string, unknown> {
  const doc = exampleDocument() as Record<string, Record<string, unknown>>;
  const byHeading = new Map(totals.map((t) => [t.heading, t]));
  doc.revenue.sections = ledger.sections.map((s) => ({
    ...(s.label ? { label: s.label } : {}),
    ...(s.subtotalLabel ? { subtotalLabel: s.subtotalLabel } : {}),
    lines: s.headings.map((h) => {
      const t = byHeading.get(h)!;
      return { label: h, originalBudget: text(t.budget), revisedBudget: text(t.budget), outturn: text(t.actual) };
    }),
  }));
  return doc;
}

/**
 * The product's ledger aggregation (issue 5), when it exists: a module under src/ that turns a
 * document with `revenue.ledger` lines into headings. Returns undefined until then, and the bench
 * says which aggregation it measured.
 */
export function productAggregation(): { name: string } | undefined {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', 'src', 'format', 'outturn-v1.schema.json'), 'utf8')) as unknown;
  return JSON.stringify(schema).includes('"ledger"') ? { name: 'outturn/v1 revenue.ledger (src/format)' } : undefined;
}

/**
 * The worked example with Table 1 given as ledger lines (outturn/v1 `revenue.ledger`, issue 5): the
 * headings keep their labels and lose their figures, which the engine aggregates from the lines.
 */
export function ledgerDocument(ledger: Ledger): Record<string, unknown> {
  const doc = exampleDocument() as Record<string, Record<string, unknown>>;
  doc.revenue.sections = ledger.sections.map((s) => ({
    ...(s.label ? { label: s.label } : {}),
    ...(s.subtotalLabel ? { subtotalLabel: s.subtotalLabel } : {}),
    lines: s.headings.map((h) => ({ label: h })),
  }));
  doc.revenue.ledger = {
    // the generated lines themselves (they are outturn/v1 ledger lines): no copy, as a reader would hand them over
    lines: ledger.lines,
    mapping: [...ledger.mapping].map(([costCentre, heading]) => ({ heading, costCentre })),
  };
  return doc;
}
