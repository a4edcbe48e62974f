// A council tax charge is the amount raised over the tax base: Band D = precept ÷ tax base, and the
// amount raised = tax base × Band D. Schedules of parish precepts ("Precept 2023-24 | Tax base 2023-24 |
// Band D tax"), the Welsh Government's police authority budget requirements ("Amount to be collected
// from the council tax | Council tax base … (number of band D equivalents) | Police council tax (£)")
// and council tax blocks under a budget ("Estimated yield of £1 Council Tax | Council Tax (Band D) |
// Product") print the three side by side, so the relation is checkable. A tax base is a count of Band D
// equivalent properties printed rounded (to a whole property, or to one or two places), and an amount
// in £000 is rounded too: the charge agrees when it is the quotient of some precept and some base within
// the printed rounding of each, rounded to the places it prints (a penny) — exact arithmetic on the
// interval ends, no float. Beyond that it is an error; within it, nothing is said (a base printed whole
// is always a rounded count: Herefordshire's 241,150 over 1,440 properties is 167.47 to the penny,
// printed 167.44, which a base of 1,440.2 gives).
import { Dec, text } from '../base/decimal';
import type { Audit } from './context';
import type { Column, FoundTable, TableRow } from './detect';
import { type Num, show } from './findings';
import { locate, stepOf } from './grid';

const HALF = new Dec('0.5');

/** A column or row holding the tax base: Band D equivalent properties, a yield of £1. */
const BASE = /\btax\s*base\b|\btaxbase\b|\bband\s*['‘’]?d['‘’]?\s+equivalent|\bequivalent\s+(number\s+of\s+)?band\s*['‘’]?d\b|\bnumber\s+of\s+band\s*['‘’]?d\b|\byield\s+of\s+£\s*1\b/i;
/** The charge at Band D: "Band D tax (£ p)", "Council Tax (Band D)", "Band D council tax", "Police council tax (£)". */
const BAND_D = /\bband\s*['‘’]?d['‘’]?(?!\s+equivalent)\b/i;
const RATE_CAPTION = /\bband\s*['‘’]?d['‘’]?(?!\s+equivalent)\b|\bcouncil\s+tax\s*\(£\)|\bcharge\b/i;
/** What council tax raises: a precept, a council tax requirement, an amount to be collected or raised. */
const RAISED = /precept|council\s+tax|requirement|raised|collected|\byield\b|\bdemand\b/i;
/** A row printing the amount raised as the product of the two rows above it ("Product"). */
const PRODUCT = /^(the\s+)?product\b/i;
const SCALES = [new Dec(1), new Dec(1000), new Dec(1000000)];

const num = (row: TableRow, c: number): Num | undefined => {
  const x = row.cells.get(c);
  return x?.kind === 'number' && !x.notApplicable ? x : undefined;
};

/** The half-unit a figure's printing allows: half a unit of its last place; for a whole figure ending in zeros, half of the largest power of ten it could be rounded to (69,490,000: to £000 or more). */
function slack(x: Num, zeros: boolean): Dec[] {
  const out = [stepOf(x.places).times(HALF)];
  if (zeros && x.places === 0 && !x.value.isZero()) {
    let v = x.value.abs();
    let s = new Dec(1);
    while (v.mod(10).isZero()) {
      v = v.div(10);
      s = s.times(10);
      out.push(s.times(HALF));
    }
  }
  return out;
}

/** Band D `d` agrees with amount `p` × `k` over base `b`: some amount and base within their printed rounding give a quotient within d's own. */
function quotientAgrees(p: Num, k: Dec, b: Num, d: Num): boolean {
  if (b.value.lte(0) || p.value.isNeg() || d.value.isNeg()) return false;
  const hp = stepOf(p.places).times(HALF);
  const hb = stepOf(b.places).times(HALF);
  const hd = stepOf(d.places).times(HALF);
  // (p − hp)·k ≤ (d + hd)·(b + hb)  and  (d − hd)·(b − hb) ≤ (p + hp)·k: products only, exact.
  return p.value.minus(hp).times(k).lte(d.value.plus(hd).times(b.value.plus(hb))) &&
    d.value.minus(hd).times(b.value.minus(hb)).lte(p.value.plus(hp).times(k));
}

/** The quotient as the charge prints it: amount × k / base rounded to d's places. */
const quotient = (p: Num, k: Dec, b: Num, d: Num) => p.value.times(k).div(b.value).toDecimalPlaces(d.places, Dec.ROUND_HALF_UP);

export interface BandDReading {
  /** the charge column (grid index), its amount column and its tax base column, and the amount's scale to pounds */
  d: number;
  p: number;
  b: number;
  k: Dec;
  /** the rows printing all three that agree */
  agree: number;
}

const yearOf = (s: string) => /\b(19|20)\d\d\s*[-/–]\s*\d\d(\d\d)?\b/.exec(s)?.[0].replace(/\s/g, '').replace(/–/g, '-');

/**
 * A column of Band D charges in a table whose rows each print an amount raised, a tax base and the
 * charge: the base by its caption ("Tax base", "… band D equivalents"), the charge by its caption ("Band
 * D …", "Police council tax (£)") and the amount by its caption (precept, council tax, requirement)
 * and the rows: the amount, and its scale (£, £000, £m), that most rows agree with, two at least (the
 * year of the base's caption first, when the amounts are captioned by year). A column that is no Band D
 * by its caption is one when more than half of its rows agree, two at least. Undefined when none.
 */
export function readBandD(t: FoundTable): BandDReading | undefined {
  const cols = t.columns.filter((c) => c.numeric && !c.percent);
  const bases = cols.filter((c) => BASE.test(c.caption));
  if (!bases.length) return undefined;
  const rows = t.rows.filter((r) => !r.empty);
  let best: (BandDReading & { exact: number; named: boolean }) | undefined;
  for (const b of bases) {
    const year = yearOf(b.caption);
    const amounts = cols.filter((c) => c !== b && RAISED.test(c.caption) && !BASE.test(c.caption));
    const sameYear = amounts.filter((c) => year !== undefined && yearOf(c.caption) === year);
    for (const p of sameYear.length ? sameYear : amounts) {
      for (const d of cols) {
        if (d === b || d === p || BASE.test(d.caption)) continue;
        const named = RATE_CAPTION.test(d.caption);
        for (const k of SCALES) {
          let agree = 0;
          let exact = 0;
          let tried = 0;
          for (const r of rows) {
            const [x, y, z] = [num(r, p.c), num(r, b.c), num(r, d.c)];
            if (!x || !y || !z || y.value.isZero()) continue;
            tried++;
            if (quotientAgrees(x, k, y, z)) {
              agree++;
              if (quotient(x, k, y, z).eq(z.value)) exact++;
            }
          }
          const enough = tried > 0 && (named ? agree >= Math.min(2, tried) : agree >= 2 && agree * 2 > tried);
          if (!enough || exact === 0) continue;
          if (!best || agree > best.agree || (agree === best.agree && (exact > best.exact || (named && !best.named)))) best = { d: d.c, p: p.c, b: b.c, k, agree, exact, named };
        }
      }
    }
  }
  return best && { d: best.d, p: best.p, b: best.b, k: best.k, agree: best.agree };
}

/** The table with its Band D column marked as a rate: never summed into a total, never cast across. */
export function withBandDRate(t: FoundTable, r: BandDReading | undefined): FoundTable {
  if (!r) return t;
  const columns: Column[] = t.columns.map((c) => (c.c === r.d ? { ...c, rate: true } : c));
  return { ...t, columns };
}

const cap = (a: Audit, c: number) => a.col(c).caption || `column ${c + 1}`;

/** Checks every row printing the three: Band D = amount ÷ tax base within the printed rounding of each (auto.across.band-d). True when a row was checked. */
export function checkBandD(a: Audit, r: BandDReading | undefined): boolean {
  if (!r) return false;
  const scale = r.k.eq(1) ? '' : r.k.eq(1000) ? ' × 1,000' : ' × 1,000,000';
  a.differences.push({
    column: locate(a.t.grid, a.t.r0, r.d, '').column,
    caption: cap(a, r.d),
    is: `${cap(a, r.p)}${scale} / ${cap(a, r.b)} (a Band D charge: the amount over the tax base, within the printed rounding of both)`,
    agree: r.agree,
  });
  let any = false;
  for (const row of a.t.rows) {
    const [p, b, d] = [num(row, r.p), num(row, r.b), num(row, r.d)];
    if (!p || !b || !d || b.value.isZero()) continue;
    any = true;
    a.checked.crossCasts++;
    a.involve([[row, r.d], [row, r.p], [row, r.b]], true);
    if (quotientAgrees(p, r.k, b, d)) continue;
    const e = quotient(p, r.k, b, d);
    a.findings.push({
      severity: 'error',
      table: a.layout,
      ...a.loc(row, r.d),
      rule: 'auto.across.band-d',
      message: `${a.describe(row, r.d)}: printed ${show(d.value)}, but ${cap(a, r.p)} ${show(p.value)}${scale} / ${cap(a, r.b)} ${show(b.value)} (the charge at Band D, ` +
        `as ${r.agree} row(s) print it) is ${show(e)}; difference ${show(d.value.minus(e))}, beyond what the rounding of the printed amount and tax base allows`,
      printed: text(d.value),
      expected: text(e),
      difference: text(d.value.minus(e)),
    });
  }
  return any;
}

/**
 * A council tax block printed in rows, in each column: a tax base row ("Estimated yield of £1 Council
 * Tax", "Band D equivalent properties"), a Band D row ("Council Tax (Band D)") and, directly under them,
 * a row "Product" — the amount raised, base × Band D, printed rounded (Falkirk's £69,490,000 for 56,700
 * × £1,225.58 = £69,490,386.00, to £000). Checked in every column printing the three (auto.cast.product,
 * counted with the totals): an error beyond the printed rounding of the three. True when checked.
 */
export function checkProducts(a: Audit): boolean {
  const rows = a.t.rows;
  let any = false;
  for (let i = 2; i < rows.length; i++) {
    if (!PRODUCT.test(rows[i].label)) continue;
    const above = rows.slice(Math.max(0, i - 3), i);
    const base = above.find((r) => BASE.test(r.label));
    const rate = above.find((r) => r !== base && BAND_D.test(r.label) && !BASE.test(r.label));
    if (!base || !rate) continue;
    for (const [c, x] of rows[i].cells) {
      const [p, b, d] = [x.kind === 'number' ? x : undefined, num(base, c), num(rate, c)];
      if (!p || !b || !d) continue;
      any = true;
      a.checked.totals++;
      a.involve([[rows[i], c], [base, c], [rate, c]], true);
      const exact = b.value.times(d.value);
      const hb = stepOf(b.places).times(HALF);
      const hd = stepOf(d.places).times(HALF);
      const lo = b.value.minus(hb).times(d.value.minus(hd));
      const hi = b.value.plus(hb).times(d.value.plus(hd));
      // within the rounding of the base and the rate, widened by the product's own (to £000 when printed so)
      if (slack(p, true).some((h) => p.value.plus(h).gte(lo) && p.value.minus(h).lte(hi))) continue;
      a.findings.push({
        severity: 'error',
        table: a.layout,
        ...a.loc(rows[i], c),
        rule: 'auto.cast.product',
        message: `${a.describe(rows[i], c)}: printed ${show(p.value)}, but ${base.label} ${show(b.value)} × ${rate.label} ${show(d.value)} is ${show(exact)}; difference ${show(p.value.minus(exact))}, beyond what the rounding of the printed figures allows`,
        printed: text(p.value),
        expected: text(exact),
        difference: text(p.value.minus(exact)),
      });
    }
  }
  return any;
}
