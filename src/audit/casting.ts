// Casting: every block that ends in a total or sub-total.
import { Dec, ZERO, sum } from '../base/decimal';
import { normalise } from './detect';
import type { Audit } from './context';
import { show } from './findings';

// ---------- casting: every block that ends in a total ----------

function nameOf(label: string): string {
  return normalise(label)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^(grand\s+)?(sub[\s-]*)?totals?\b/, ' ')
    .replace(/\btotals?\s*$/, ' ')
    .replace(/[:\-–.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const isAllCaps = (s: string) => /[A-Z]/.test(s) && s === s.toUpperCase();

/**
 * Casts every sub-total and total against the block it closes, in the given columns. The block is
 * found from the labels: a total named after a heading ("Total Building Works" under "Building
 * Works") covers what follows that heading; a sub-total covers the lines since the last heading or
 * total; a total (in capitals, or typed as one) covers everything not yet totalled above it. When
 * the labels leave a choice, the reading under which more figures cast is taken.
 */
export function castBlocks(a: Audit, cols: number[], rule: string): Map<number, number[]> {
  const { t, kinds } = a;
  const rows = t.rows;
  const items: { i: number; covered: boolean }[] = [];
  const components = new Map<number, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const k = kinds[i];
    if (k === 'line') {
      items.push({ i, covered: false });
      continue;
    }
    if (k !== 'subtotal' && k !== 'total') continue;
    const row = rows[i];
    const uncovered = (from: number) => items.filter((it) => !it.covered && it.i > from).map((it) => it.i);
    let lastHeading = -1;
    let lastTotal = -1;
    for (let j = 0; j < i; j++) {
      if (kinds[j] === 'heading') lastHeading = j;
      if (kinds[j] === 'subtotal' || kinds[j] === 'total') lastTotal = j;
    }
    const name = nameOf(row.label);
    let matched = -1;
    if (name) {
      for (let j = i - 1; j >= 0; j--) {
        if (kinds[j] !== 'heading') continue;
        const h = nameOf(rows[j].label);
        if (h && (h === name || name.endsWith(` ${h}`))) {
          matched = j;
          break;
        }
      }
    }
    const narrow = uncovered(Math.max(lastHeading, lastTotal));
    const wide = uncovered(-1);
    const wideFirst = k === 'total' && (row.rowType !== undefined || isAllCaps(row.label));
    // A section need not be headed: the block of a sub-total may begin at any line, and only the
    // arithmetic tells where. Shorter trailing runs are tried last, and win only by casting better.
    const suffixes = wide.map((_, k) => wide.slice(k)).filter((x) => x.length < narrow.length);
    const seen = new Set<string>();
    const order = [
      ...(matched >= 0 ? [uncovered(matched)] : []),
      ...(wideFirst ? [wide, narrow] : [narrow, wide]),
      ...suffixes,
    ].filter((c) => c.length > 0 && !seen.has(c.join()) && seen.add(c.join()));
    if (order.length === 0) continue;
    const score = (members: number[]) => cols.filter((c) => {
      const p = a.num(row, c);
      if (!p) return false;
      const vals = members.map((m) => a.value(rows[m], c));
      return !vals.some((v) => v === undefined) && sum(vals as Dec[]).eq(p.value);
    }).length;
    let best = order[0];
    let bestScore = score(best);
    for (const cand of order.slice(1)) {
      const s = score(cand);
      if (s > bestScore) {
        best = cand;
        bestScore = s;
      }
    }
    for (const it of items) if (best.includes(it.i)) it.covered = true;
    components.set(i, best);
    items.push({ i, covered: false });

    const deep = (m: number, c: number): Dec | undefined => {
      const parts = components.get(m);
      if (!parts) return a.value(rows[m], c);
      let s = ZERO;
      for (const p of parts) {
        const v = deep(p, c);
        if (v === undefined) return undefined;
        s = s.plus(v);
      }
      return s;
    };
    for (const c of cols) {
      if (!a.num(row, c)) continue;
      const vals = best.map((m) => a.value(rows[m], c));
      if (vals.some((v) => v === undefined)) continue;
      const expected = sum(vals as Dec[]);
      const printed = a.num(row, c)!.value;
      let extra = '';
      if (!expected.eq(printed) && best.some((m) => components.has(m))) {
        const lines = deep(i, c);
        if (lines !== undefined && lines.eq(printed)) extra = `; it agrees with the lines beneath (${show(lines)}): the difference is in the sub-totals it adds`;
      }
      const what = best.length === 1 ? `the row it totals (${rows[best[0]].label}) shows` : `the ${best.length} rows it totals (${rows[best[0]].label} … ${rows[best[best.length - 1]].label}) add up to`;
      a.check(row, c, expected, best.map((m) => a.at(rows[m], c)), rule, what, extra);
    }
  }
  return components;
}
