// THE INEXACT BASELINE — plain JavaScript `number` (IEEE double) arithmetic on money.
//
// This is what a naive add-in does: parseFloat every amount, add doubles, Math.round for display.
// It exists only so the bench can show what exactness costs. Floating point on money is allowed
// in this file and nowhere else in the project (see SPEC "Exactness"); nothing here is used by
// the product, and its answers can be wrong by pennies.
import type { Ledger } from './ledger';

export interface FloatHeading {
  heading: string;
  budget: number;
  actual: number;
}

export function floatBaselineAggregate(ledger: Ledger): FloatHeading[] {
  const sums = new Map<string, { b: number; a: number }>();
  for (const s of ledger.sections) for (const h of s.headings) sums.set(h, { b: 0, a: 0 });
  const byCentre = new Map<string, { b: number; a: number }>();
  for (const [cc, h] of ledger.mapping) byCentre.set(cc, sums.get(h)!);
  const lines = ledger.lines;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const acc = byCentre.get(l.costCentre);
    if (!acc) throw new Error(`ledger line ${i + 1}: cost centre ${l.costCentre} is not mapped`);
    const b = Number.parseFloat(l.budget);
    const a = Number.parseFloat(l.actualToDate);
    if (Number.isNaN(a) || Number.isNaN(b)) throw new Error(`ledger line ${i + 1}: not a number`);
    acc.b += b;
    acc.a += a;
  }
  return [...sums].map(([heading, s]) => ({ heading, budget: s.b, actual: s.a }));
}

type Doc = {
  revenue: { sections: { subtotalLabel?: string; lines: { label: string }[] }[]; adjustments?: { amount: string }[]; earmarked?: { amount: string }[] };
  capital: { categories: { schemes?: { revisedBudget: string; outturn: string; reprofile?: string }[]; revisedBudget?: string; outturn?: string; reprofile?: string }[]; externallyFunded?: { outturn: string }[]; memo?: { outturn: string }[] };
  reserves: { years: string[]; reserves: { class: string; opening: string; flows?: { movement?: string; transfers?: string; capital?: string }[] }[] };
};

const f = (s: string | undefined) => (s === undefined ? 0 : Number.parseFloat(s));

/** Tables 1-3 as a naive add-in computes them: doubles throughout, Math.round for display. */
export function floatBaselineTables(doc: Doc, headings: FloatHeading[]): number[][] {
  const out: number[][] = [];
  const byHeading = new Map(headings.map((h) => [h.heading, h]));
  // Table 1
  let tb = 0;
  let ta = 0;
  for (const s of doc.revenue.sections) {
    let sb = 0;
    let sa = 0;
    for (const l of s.lines) {
      const h = byHeading.get(l.label)!;
      out.push([Math.round(h.budget), Math.round(h.budget), Math.round(h.actual), Math.round(h.actual - h.budget)]);
      sb += h.budget;
      sa += h.actual;
    }
    if (s.subtotalLabel) out.push([Math.round(sb), Math.round(sa), Math.round(sa - sb)]);
    tb += sb;
    ta += sa;
  }
  let under = ta - tb;
  for (const a of doc.revenue.adjustments ?? []) under += f(a.amount);
  let net = under;
  for (const e of doc.revenue.earmarked ?? []) net += f(e.amount);
  out.push([Math.round(tb), Math.round(ta), Math.round(ta - tb), Math.round(under), Math.round(net)]);
  // Table 2
  let cb = 0;
  let co = 0;
  for (const c of doc.capital.categories) {
    for (const s of c.schemes ?? [c as { revisedBudget: string; outturn: string; reprofile?: string }]) {
      const b = f(s.revisedBudget);
      const o = f(s.outturn);
      const rem = b - o;
      out.push([b, o, rem, s.reprofile !== undefined ? f(s.reprofile) : Math.max(0, rem)]);
      cb += b;
      co += o;
    }
  }
  let grand = co;
  for (const e of doc.capital.externallyFunded ?? []) grand += f(e.outturn);
  let spend = grand;
  for (const m of doc.capital.memo ?? []) spend += f(m.outturn);
  out.push([cb, co, grand, spend, Math.round((spend / cb) * 1000) / 10]);
  // Table 3
  const totals = doc.reserves.years.map(() => 0);
  for (const r of doc.reserves.reserves) {
    let bal = f(r.opening);
    const row: number[] = [bal];
    doc.reserves.years.forEach((_, y) => {
      const fl = r.flows?.[y] ?? {};
      bal = bal + f(fl.movement) + f(fl.transfers) + f(fl.capital);
      row.push(bal);
      totals[y] += bal;
    });
    out.push(row);
  }
  out.push(totals);
  return out;
}
