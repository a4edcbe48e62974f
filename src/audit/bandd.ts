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

/** The charge printed under the tax base: "Council Tax charge", "… tax level (Band D)", "Band D equivalent" (a £ figure), "Average Cost - Band D Property". */
const CHARGE_ROW = /\bcharge\b|\btax\s+level\b|\bband\s*['‘’]?d['‘’]?\b|\bper\s+an+um\b|\baverage\s+cost\b|\bcouncil\s+tax\b/i;
/** What is raised, above the tax base: a precept, a requirement, the expenditure to be met by council tax payers. */
const AMOUNT_ROW = /precept|requirement|to\s+be\s+met|to\s+be\s+raised|raised|collected|\bdemand\b|council\s+tax\s+income/i;

/**
 * A precept build-up printed in rows (a parish page, a council tax budget summary): an amount row
 * ("Precept", "Expenditure to be met by Council Tax payers"), a tax base row under it ("Band D equivalent
 * properties", "Taxbase", "Divided by equivalent number of Band D properties") and, directly under that,
 * the charge ("Council Tax charge", "… tax level (Band D)", "Band D equivalent" £): in each column the
 * charge is the amount (× 1,000 when the amounts are £000: the scale most columns agree with, one at least)
 * over the base, to the pence printed, within the rounding of the printed amount and base
 * (auto.across.band-d, counted with the cross-casts). Herefordshire's Bromyard 2022/23: 240,825 / 1,437 =
 * £167.59, printed £168.58 — an error, where it had passed. True when checked.
 */
export function checkQuotientRows(a: Audit): boolean {
  const rows = a.t.rows;
  let any = false;
  for (let i = 0; i + 1 < rows.length; i++) {
    const base = rows[i];
    if (!BASE.test(base.label) || PRODUCT.test(rows[i + 1].label)) continue;
    // the amount printed between the base and the charge ("COUNCIL TAX BASE / PRECEPT / BAND D PAYMENT", a parish's years across: T11-59)
    const between = i + 2 < rows.length && AMOUNT_ROW.test(rows[i + 1].label) && !BASE.test(rows[i + 1].label) && !CHARGE_ROW.test(rows[i + 1].label) ? rows[i + 1] : undefined;
    const rate = between ? rows[i + 2] : rows[i + 1];
    if (!CHARGE_ROW.test(rate.label) || BASE.test(rate.label.replace(/band\s*['‘’]?d['‘’]?\s+equivalent$/i, ''))) continue;
    // the amount: the nearest row above the base (three at most) that names what is raised
    let amount: TableRow | undefined = between;
    if (!amount) for (let j = i - 1; j >= Math.max(0, i - 3); j--) if (AMOUNT_ROW.test(rows[j].label) && !BASE.test(rows[j].label)) { amount = rows[j]; break; }
    if (!amount) continue;
    const cols = [...rate.cells.keys()].filter((c) => num(rate, c) && num(base, c) && num(amount!, c) && !num(base, c)!.value.isZero());
    // a charge is a rate in pence or pounds: never a count
    if (!cols.length || cols.some((c) => num(rate, c)!.places === 0 && num(rate, c)!.value.gt(100000))) continue;
    let k: Dec | undefined;
    let agree = 0;
    for (const s of SCALES) {
      const n = cols.filter((c) => quotientAgrees(num(amount!, c)!, s, num(base, c)!, num(rate, c)!)).length;
      if (n > agree) [k, agree] = [s, n];
    }
    if (!k) continue;
    const scale = k.eq(1) ? '' : k.eq(1000) ? ' × 1,000' : ' × 1,000,000';
    a.differences.push({
      column: locate(a.t.grid, a.t.r0, cols[0], '').column,
      caption: rate.label,
      is: `${amount.label}${scale} / ${base.label} in each column (a Band D charge: the amount over the tax base, within the printed rounding of both)`,
      agree,
    });
    for (const c of cols) {
      const [p, b, d] = [num(amount, c)!, num(base, c)!, num(rate, c)!];
      // a column that agrees at another scale prints its amount in other units (£m beside £): not this reading's to judge
      if (!quotientAgrees(p, k, b, d) && SCALES.some((s) => quotientAgrees(p, s, b, d))) continue;
      any = true;
      a.checked.crossCasts++;
      a.involve([[rate, c], [amount, c], [base, c]], true);
      if (quotientAgrees(p, k, b, d)) continue;
      const e = quotient(p, k, b, d);
      // the amount restates a figure already found wrong where it is first printed (the same label and
      // figure in a block above: Cumbria's "Amount raised from Council Tax" 263.5 for 236.5, South Lakeland
      // 2019/20): that one error again, said here in a note, not a second error
      const again = [...a.before, ...a.findings].some((f) => f.severity === 'error' && SCALES.some((m) => f.printed === text(p.value.div(m))) && f.message.startsWith(`${amount.label} — `) && f.row !== a.loc(amount, c).row);
      if (again) {
        a.note(rate, c, 'auto.across.band-d.restated', `${a.describe(rate, c)}: ${amount.label} ${show(p.value)}${scale} / ${base.label} ${show(b.value)} is ${show(e)}, printed ${show(d.value)}: ` +
          `the amount restates the figure found wrong above (the same error, reported there)`);
        continue;
      }
      a.findings.push({
        severity: 'error',
        table: a.layout,
        ...a.loc(rate, c),
        rule: 'auto.across.band-d',
        message: `${a.describe(rate, c)}: printed ${show(d.value)}, but ${amount.label} ${show(p.value)}${scale} / ${base.label} ${show(b.value)} (the charge at Band D) is ${show(e)}; ` +
          `difference ${show(d.value.minus(e))}, beyond what the rounding of the printed amount and tax base allows`,
        printed: text(d.value),
        expected: text(e),
        difference: text(d.value.minus(e)),
      });
    }
  }
  return any;
}

/** A heading that adds the lines under it to the line above it: "Add", "Add:", "Plus". */
const ADD_HEADING = /^(add|plus)\b\s*:?/i;
const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);

/**
 * A Band D build-up across an "Add" heading: "Canterbury tax level (Band D) 232.92 / Add / Kent County
 * Council precept 1,534 / … / Council tax level (Band D) 2,098" — the closing row, whose label restates
 * the line above the heading (the same last two words or more: "… tax level (Band D)"), is that line
 * plus the lines under the heading, in every money column printing it (auto.cast.add-block, counted
 * with the totals), within the rounding of the figures printed (precepts to £1 under a district's
 * figure to the penny: a warning), an error beyond. Checked whether or not it adds up (session-9 trial
 * T9-55: 2,098 → 2,198 had passed); a row the totals read already (Thanet's, which casts exactly) is
 * left to them. True when checked.
 */
export function checkAddBlocks(a: Audit): boolean {
  const rows = a.t.rows;
  const money = a.t.columns.filter((c) => c.numeric && !c.percent).map((c) => c.c);
  let any = false;
  for (let h = 1; h + 2 < rows.length; h++) {
    const head = rows[h];
    if (!ADD_HEADING.test(head.label.trim()) || !head.empty || rows[h - 1].empty) continue;
    const start = rows[h - 1];
    const sw = words(start.label);
    let close = -1;
    for (let j = h + 2; j < rows.length; j++) {
      if (rows[j].empty) break;
      const jw = words(rows[j].label);
      let same = 0;
      while (same < Math.min(sw.length, jw.length) && sw[sw.length - 1 - same] === jw[jw.length - 1 - same]) same++;
      if (same >= 2 && same < Math.max(sw.length, jw.length)) {
        close = j;
        break;
      }
    }
    if (close < 0) continue;
    const closing = rows[close];
    const closeRow = a.rowNumber(closing);
    if (a.blocks.has(close) || a.totals.some((x) => x.row === closeRow)) continue;
    const lines = rows.slice(h + 1, close);
    const cols = money.filter((c) => a.num(closing, c) && a.num(start, c) && lines.some((l) => a.num(l, c)));
    if (!cols.length) continue;
    a.totals.push({
      row: closeRow,
      label: closing.label,
      from: a.rowNumber(start),
      to: a.rowNumber(lines[lines.length - 1]),
      why: `labelled as "${start.label}" restated after "${head.label.trim()}" and the ${lines.length} line(s) under it: that line plus them (a running total across the heading)`,
    });
    for (const c of cols) {
      any = true;
      const terms: [TableRow, number][] = [[start, c], ...lines.filter((l) => a.num(l, c)).map((l): [TableRow, number] => [l, c])];
      const expected = terms.reduce((s, [r]) => s.plus(a.num(r, c)!.value), new Dec(0));
      a.check(closing, c, expected, terms, 'auto.cast.add-block', `${start.label} plus the ${lines.length} line(s) under "${head.label.trim()}" is`);
    }
  }
  return any;
}
