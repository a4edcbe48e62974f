// A property on real tables (issue #10): any single printed figure of a clean published table changed
// by one printed unit either way, or by 100,000 units, is caught — at its own cell, or (when the
// arithmetic cannot say which of two figures is wrong: a line and the total it feeds) at the cell it
// makes disagree — or is SHOWN to be undetectable by arithmetic: no check of the clean audit used it
// (it is in no total, no cross-cast, no variance, no percentage, no roll-forward, no tie-out: the
// report's `involved` cells, computed by the audit itself, never a hand list). A second property
// changes every figure by other amounts (MORE), so that no kind of fault hides behind the three; there
// a change may also be shown undetectable by the audit's reading of the changed table (the other sign
// convention of a one-row variance). Every printed figure counts: a dash or nil word (a nil of its
// column's places) and a figure with a footnote marker ("8,649*": the marker kept) included.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditInputError, type AuditReport, auditGrids, exitCodeOf } from '../../src/audit/audit';
import { readDelimited } from '../../src/audit/delimited';
import { readCell } from '../../src/audit/grid';
import { Dec } from '../../src/base/decimal';
import fc from 'fast-check';

/**
 * Tables where some single change to a figure a check uses still passes unseen. The test fails when
 * one of them is fully caught (take it off the list). Empty since session 4: the last five (a firmly
 * labelled total 100 £m out, a one-row table's "Total Budget", a running total at a table's end, a
 * balance at a later date) were each fixed as a kind (test/audit/mutation-kinds.test.ts); the two the
 * session-5 trial added too (Westmorland and Furness's "Service expenditure", a sub-total whose label
 * does not say total; Maidstone's "Amount Distributed", a label closing a distribution).
 */
const NOT_YET = new Set<string>([
  // Ludford PC 2022/23 — session 11 (T10-53, fix-b): the block's first line is a nil ("Audit £ 0.00"); changed, the labelled Total still casts exactly over the lines after it (rows 4-18), and the reading that leaves the first line out is taken — the total's run should be fixed by its heading, not by which run casts.
  'ludford-pc-budget-precept-2022-23.tsv',
  // Rotherham's EA flood levies 2020/21 (session 10, T9-10): two committees side by side, one % change each
  // (two years per committee): a levy or a % changed leaves one committee of the two agreeing, no basis is
  // learned, and the audit says "no table to audit" (exit 2) — said, never "the tables cast", but not found at the cell.
  'rotherham-ea-flood-levies-2020-21.tsv',
  // Temple Cloud's two sub-totals are printed one column right of the lines they add (a stepped layout:
  // lines in column 2, "PC INCOME SUBTOTAL EXC PRECEPT" 2,608 and "… with precept" 46608 in column 3) and
  // are read as totals only while they cast exactly: any one figure changed leaves no row adding up, and
  // the audit answers exit 2 "no table to audit" instead of the error at its cell (the kind of trial
  // finding T6-103: totals found only by exact arithmetic vanish when wrong).
  'templecloud-pc-budget-2025-26.tsv',
  // Rotherham's second block (session 7, T7-55) closes on "Change", a label that says nothing of a total,
  // under a caption row of its own: read as its total while it adds up (or within rounding); a line made
  // 1,000 £m larger leaves no row adding up and the block is "nothing could be checked" — said per table
  // and in the verdict ("the 1 table(s) checked cast; … rows 6-11 could not be checked"), not an error at the cell.
  'rotherham-budget-change-2019-20.tsv',
  // Hampshire's Children's Services capital programme 2008/09 (session 8, added for T7-51): "Total Cost
  // (excluding sites)" is works + fees + equipment, learned from the rows — and only two of its seven rows
  // print two parts or more (86 + 14 = 100; 1,373 + 227 = 1,600). One of those two changed leaves one row
  // agreeing and one not, no majority: the column is not cross-cast and the audit answers exit 2 "no table
  // to audit" instead of the error at the cell (not the T7-51 kind; the header naming the total over the
  // columns left of it is not taken as the sum when the rows are split).
  'hants-childrens-capital-programme-2008-09.tsv',
  // The Scottish Parliament's forecast capital receipts 1999-2000 (session 9, added for T8-03) prints its one
  // total, "Scotland", FIRST, above the 32 councils it adds, with no word saying so: it is read as their total
  // only while it adds up exactly (the list's first line equal to the sum of every other line). Any one figure
  // changed leaves no such reading and the audit answers exit 2 "no table to audit", not the error at the cell
  // (T6-103's kind: a first line merely near the sum of the rest is no total of them, or every list whose first
  // line is its largest would be cast).
  'scotparl-forecast-capital-receipts-1999-2000.tsv',
  // Lee Valley's levy statements on Islington's page (session 11, added for T9-12): "Total net expenditure" is
  // printed "£11m", to no places, over lines to one place (7.5 + 2.2 + 1.3 = 11.0): a financing line ±0.1 gives
  // 10.9 or 11.1, which the printed whole £m still rounds from — the rounding of the printed total hides it
  // (the check takes a total printed to fewer places than its lines as exact when it is their sum rounded).
  'islington-lee-valley-rpa-levy-2025-26.tsv',
  'islington-lee-valley-rpa-levy-2024-25.tsv',
  // Oldham's Band D calculation 2021/22 — session 12 (T11-09, fix-c): the one-row percentage block ("2020/21 Council
  // Tax £ | Increase for 2021/22 % | Council Tax Increase for 2021/22 £", 50.02 / 1,672.92 = 2.99%) is learned from its
  // one row; any of its three figures changed beyond the rounding leaves no basis, the block "nothing could be
  // checked" (said, not placed). Its captions name the basis ("Increase … £" over "Council Tax £"), not yet read.
  'oldham-band-d-calculation-2021-22.tsv',
]);

/**
 * Tables where some change by the other amounts (MORE) still passes unseen, each with the kind of fault behind
 * it. The test fails when one of them is fully caught (take it off the list). Session 5 emptied it: the last
 * five were each fixed as a kind (test/audit/mutation-kinds.test.ts) — a "Less:" heading carries on the
 * reckoning above it (Cannock ×2); a running statement from one year's budget to the next, and nil
 * sub-totals cast (Oldham) — or shown undetectable by the one-figure-convention proof below (Brighton's
 * only negative percentage, GM's only line subtracted in words, each with its sign flipped). The
 * session-5 trial's Fife tables (trial findings entry 17), listed for a while, are caught by the same kinds.
 */
const NOT_YET_MORE = new Map<string, string>([
  ['lancashire-cc-budget-adjustment-2022-23.tsv', 'session 13 (T13-53, lead): two doublings each leave another reading that casts exactly — "Increased support for Active Travel" 0.100 made 0.200, among four lines of 0.100, lets "New Best Start in Life Scheme (… funded from" 0.100 be read as the one-line sub-total of the 0.100 above it, the block\'s total then adding 5.500 exactly without it; and the one funding line −2.700 made −5.400 lets its total −2.700 be read as the total above it (+2.700) plus that line, a running statement. Readings the arithmetic cannot tell from the printed one; ±1 and +100,000 units all caught'],
  ['oldham-band-d-calculation-2021-22.tsv', 'as in NOT_YET (T11-09, session 12): the one-row percentage block is learned from its one row; a figure of it changed leaves no basis, exit 2 for that block'],
  ['ludford-pc-budget-precept-2022-23.tsv', 'as in NOT_YET: session 11 (T10-53, fix-b): the blocks first line is a nil ("Audit £ 0.00"); changed, the labelled Total still casts exactly over the lines after it (rows 4-18), and the reading that leaves the first line out is taken — the totals run should be fixed by its heading, not by which run casts'],
  ['islington-lee-valley-rpa-levy-2025-26.tsv', 'session 11 (T9-12, fix-c): the income line under the spending line is subtracted only while printed positive (a bracketed or minus income is already signed); made negative by −1,000 or −100,000 units, neither reading holds and the net line is left a line, the total below still casting over it; and as in NOT_YET, a financing line −5 units under the whole-£m total'],
  ['islington-lee-valley-rpa-levy-2024-25.tsv', 'session 11 (T9-12, fix-c): as the 2025/26 statement — the income made negative leaves the net line unread; a financing line −5 units under the whole-£m total'],
  ['midlothian-budget-allocation-2024-25.tsv', 'session 10 (T9-62, fix-b): "Less customer and client receipts £63.8" is subtracted in words; with its sign flipped (−63.8) the plain sum casts "Net spending" the same way (364.5 + (−63.8) = 300.7) — the words and the sign then say the same thing, undetectable by arithmetic. 1 change; ±1 and +100,000 units all caught'],
  ['rotherham-ea-flood-levies-2020-21.tsv', 'as in NOT_YET (T9-10): with one % change per committee, any change to a levy or a % leaves one of the two agreeing — no basis, exit 2 "no table to audit", said but not placed'],
  ['templecloud-pc-bank-reconciliation-2021-10.tsv', 'session 10 (T9-58): "Less: Payments in the year -30274.51" with its sign flipped is "Less: Payments 30274.51", the form\'s other way of writing it (a positive figure under "Less" is subtracted, a negative one taken as printed: the one figure of its line shows which) — undetectable by arithmetic, not a fault. 1 change; ±1 and +100,000 units all caught'],
  ['ilam-pc-bank-reconciliation-2020-21.tsv', 'session 10 (T9-59): the one unpresented cheque "60.00" under "Less:" with its sign flipped (−60.00) is the form\'s "enter these as negative numbers" — the same reconciliation, undetectable by arithmetic. 1 change; ±1 and +100,000 units all caught'],
  ['ilam-pc-bank-reconciliation-2023-24.tsv', 'session 10 (T9-59): the balance after the cheques (1671.72) made nil: with the one cheque "00.00", a nil there is the cheques\' section total (0.00), the form\'s other layout of its second £ column (Collingbourne Ducis\'s), and the net balances still equal the accounts\' 1671.72 plus it — a reading the arithmetic cannot tell from the printed one. 1 change; ±1 and +100,000 units all caught'],
  ['freshford-pc-budget-2020-21.tsv', 'session 9 (T8-53): the rows closing the budget are read after the last block total — "Operational Income" restating "Total Income", the total of the six block totals, the balance. "Operational Income" made nil or its sign flipped no longer restates (nothing then marks where the closing rows begin), nor does a nil grand total add up; the balance with its sign flipped (−36) is read as expenditure less income. 4 of 690 changes; ±1 and +100,000 units all caught'],
  ['scotparl-forecast-capital-receipts-1999-2000.tsv', 'as in NOT_YET: the total printed first is read only while it adds up exactly'],
  ['scotgov-capital-receipts-by-service-2013-14.tsv', 'session 9 (T8-09): the group totals stand on the group\'s heading line above their items, with no indent or word in the stored text to say which lines are groups. A group row made nil (7 changes, and the first item of "Trading Services", itself its group\'s only figure not nil) leaves its items as lines in no group that "Total General Fund Services" adds exactly — a reading the arithmetic cannot tell from the printed one; "Education" made negative (sign flipped, −100,000 units) lets the General Fund total add the rows below it exactly, leaving it out (T8-59\'s kind). 10 of 645 changes; ±1 and +100,000 units all caught'],
  ['denstone-pc-variances-2017-18.tsv', 'session 9 (T8-54): its Variance £ prints sizes; Box 6 "53%" made "−53%" is exactly the signed change (9,522 − 20,456) / 20,456 = −53.45%, a basis the % column then reads consistently — undetectable by arithmetic, not a fault'],
  ['hantsfire-budget-changes-2018-19.tsv', 'session 8 (T7-50): the balance is read as what is left of the MTFP deficit once the adjustments of the other sign are taken; the deficit made nil or negative (−100,000 units, sign flipped, nil) or the last adjustment flipped (−206 → 206) leaves no such reading: exit 2 "no table to audit", not the error at the cell (not examined further)'],
  ['thanet-council-tax-worked-out-2018-19.tsv', 'session 8 (T7-60): the Band D build-up (Thanet 226.44, "Add" the four precepts, "Council Tax level (Band D)") is read as a running total across its "Add" heading since session 10 (T9-55), whether or not it adds up, so every figure ±1 and +100,000 units is caught; 1 of 685 other changes still passes (not examined further)'],
  ['hants-childrens-capital-programme-2008-09.tsv', 'as in NOT_YET: a total column learned from two voting rows; one of them changed leaves no majority, exit 2 "no table to audit"'],
  ['hansard-wales-fire-contributions-1996-97.tsv', 'session 6 (trial T6-103): no label says total, so the totals are read by arithmetic and position alone. A sub-total set to nil (rows 9, 16, 27 → 0) reads as a nil line the grand total adds as nothing; the grand total "Wales" changed to a figure smaller than a sub-total it adds (−100,000 units, ÷10, sign flipped, nil) is read as a line after the sub-totals — the guard that keeps a closing line ("Less: …") from being taken for a total of totals. 8 of 390 changes (7 in session 7); ±1 and +100,000 units all caught (the middle group\'s sub-total found by its siblings, session 9)'],
  ['rotherham-budget-change-2019-20.tsv', 'as in NOT_YET: the block\'s last row ("Change", "Increase in Budget Requirement") is read as its total only while it adds up or is within rounding'],
  ['kilkenny-income-expenditure-2003.tsv', 'session 7 (T6-07\'s kind): "Overall Surplus / (Deficit) for Year" is the surplus before transfers and the one transfer after it; with that one transfer\'s sign flipped ((3,068) → 3,068) the surplus less it still gives 934 — the reading "surplus less the row after it" (what the sources leave once the cost is met) fits either sign of a single row, so one change of 795 passes'],
  ['templecloud-pc-budget-2025-26.tsv', 'as in NOT_YET: a stepped sub-total read only while it casts exactly; any change gives exit 2 "no table to audit"'],
  ['belfast-district-fund-reduction-2007-08.tsv', 'an unlabelled total read by arithmetic alone: a line +1,000,000 units (the first line, "Contribution from Reserves", is exactly 1,000,000) makes rows 4-7 add to the total by themselves, so row 8 is read as their total and the first line is left outside every total without a word'],
  ['dover-cost-of-services-2015-16.tsv', 'session 8 (added for T7-61): "Less, income 2015/16" is the one line of its block subtracted in words and printed negative (-77,456); with its sign flipped (77,456) "Net cost of services" 16,165 still casts as 93,621 less the line printed positive under "Less" — the documented undetectable kind (docs/audit.md, What it cannot check: the one figure a total subtracts in words, its sign flipped). 1 change; ±1 and +100,000 units all caught'],
]);

const DIRS = [join(__dirname, '..', 'fixtures', 'audit-corpus'), join(__dirname, '..', 'fixtures', 'published', 'audit')];

interface Case { file: string; expected_exit: number }

/** The audit of a TSV text; undefined when it finds no table it can check (exit 2). */
function outcome(text: string, file: string, trace: boolean): AuditReport | undefined {
  try {
    return auditGrids([readDelimited(text, file)], { trace });
  } catch (e) {
    if (e instanceof AuditInputError) return undefined;
    throw e;
  }
}

/** A change to a printed figure: by a number of units of its last printed place, or as a slip makes it. */
interface Change {
  name: string;
  to: (value: Dec, unit: Dec, places: number) => Dec;
}
const by = (units: number): Change => ({ name: `${units > 0 ? '+' : ''}${units.toLocaleString('en-GB')} units`, to: (v, u) => v.plus(u.times(units)) });

/** The three amounts of the property as first set: one printed unit either way, and 100,000 units (a figure 100 £m out in a £'000 table). */
const CHANGES: Change[] = [by(1), by(-1), by(100_000)];

/**
 * Other amounts, to be sure no kind of fault hides behind the three: 10 and 1,000 units either way,
 * −100,000 and +1,000,000 units, the figure ×10 and ÷10 (a slipped place), ×2, its sign flipped, left
 * as nil, and four amounts drawn at random (fixed seed) between −10^8 and 10^8 units.
 */
const MORE: Change[] = [
  by(10), by(-10), by(1_000), by(-1_000), by(-100_000), by(1_000_000),
  { name: '×10', to: (v) => v.times(10) },
  { name: '÷10', to: (v, _u, places) => v.div(10).toDecimalPlaces(places) },
  { name: '×2', to: (v) => v.times(2) },
  { name: 'sign flipped', to: (v) => v.neg() },
  { name: 'nil', to: () => new Dec(0) },
  ...fc.sample(fc.integer({ min: -100_000_000, max: 100_000_000 }).filter((n) => Math.abs(n) > 1), { numRuns: 4, seed: 20261201 }).map(by),
];

/**
 * The same figure changed, printed the same way ("(1,234)", "1,234.5", "12.5%"; a footnote marker or a
 * unit in the cell kept: "8,650*"); a dash or nil word is a nil of its column's places ("–" → "0.001"
 * in a £m column). Undefined when the cell is not a figure or the change leaves it as it was.
 */
function moved(raw: string, change: Change, columnPlaces: number): string | undefined {
  const x = readCell(raw);
  if (x.kind !== 'number') return undefined;
  const suffix = x.marker ?? x.unit;
  if (suffix !== undefined) {
    // The figure before its marker or unit, moved, and the marker or unit after it as printed.
    const at = raw.lastIndexOf(suffix);
    const figure = at > 0 ? moved(raw.slice(0, at).trimEnd(), change, columnPlaces) : undefined;
    return figure === undefined ? undefined : `${figure}${raw.slice(raw.slice(0, at).trimEnd().length)}`;
  }
  const places = x.dash ? columnPlaces : x.places;
  const v = change.to(x.value, new Dec(10).pow(-places), places);
  if (v.eq(x.value) && !x.dash) return undefined;
  if (x.dash && v.isZero()) return undefined;
  const s = v.abs().toFixed(places).replace(/\B(?=(\d{3})+(?!\d))/g, raw.includes(',') || x.dash ? ',' : '');
  const pct = x.percent ? '%' : '';
  if (!v.isNeg() || v.isZero()) return `${s}${pct}`;
  return raw.includes('(') || x.dash ? `(${s}${pct})` : `-${s}${pct}`;
}

/** "A − B" read the other way round: "B − A". */
const reversed = (is: string) => is.split(' − ').reverse().join(' − ');

interface Tally {
  tried: number;
  atCell: number;
  elsewhere: number;
  /** figures no check of the clean table uses */
  unused: Set<string>;
  /** changes that leave a table exactly as a body printing the other sign convention prints it */
  otherConvention: string[];
  /** changes to a figure used only as an input of percentages printed rounded, absorbed by that rounding (the changed % rounds the same) */
  absorbed: string[];
  /**
   * sign flips of the one figure that shows a convention: the only percentage with a negative quotient
   * (signed or unsigned percentages), or the only figure a total subtracts in words ("Less: X" printed
   * positive and subtracted, or printed negative and added): the changed table is the same table
   * printed by a body keeping the other convention
   */
  oneFigureConvention: string[];
  missed: string[];
}

/**
 * Every figure of the table changed, one at a time, by each change. A change nothing flags is shown
 * undetectable by arithmetic from the audit's own reading, never a hand list: the figure takes part in
 * no check of the clean table (`involved`), or the changed table reads clean with the figure's column
 * taken as the same difference the other way round, learned from its lines (a one-row table's
 * variance with its sign flipped is a table printed as budget − outturn: no other figure fixes the
 * direction), or — its sign flipped — the figure is the only one in the table that shows a convention
 * and the changed table reads clean on the other (the only percentage of a negative quotient: signed
 * or unsigned percentages, both printed by real bodies — published-1 prints 0.58 beside (1.5); the
 * only figure a total subtracts in words: "Less: X" printed positive and subtracted, or printed
 * negative and added). Anything else is missed.
 */
/** How many percentages an audit recomputed, over all its tables. */
const pcts = (r: AuditReport) => r.tables.reduce((n, x) => n + x.checked.percentages, 0);

function tryChanges(text: string, file: string, base: AuditReport, changes: Change[]): Tally {
  const involved = new Set(base.involved!.map((x) => `${x.row},${x.column}`));
  const readAs = new Map(base.tables.flatMap((t) => t.differences).map((d) => [d.column, d.is]));
  const lines = text.split('\n');
  const rounded = new Set((base.roundedOnly ?? []).map((x) => `${x.row},${x.column}`));
  const t: Tally = { tried: 0, atCell: 0, elsewhere: 0, unused: new Set(), otherConvention: [], absorbed: [], oneFigureConvention: [], missed: [] };
  const pctAs = new Map(base.tables.flatMap((x) => x.percentages ?? []).map((p) => [p.column, p]));
  const lessRows = new Set(base.tables.flatMap((x) => x.totals.flatMap((to) => to.less ?? [])));
  /** the non-nil figures printed on a row of the text */
  const figuresOn = (r: number) => lines[r].split('\t').filter((raw) => {
    const x = readCell(raw);
    return x.kind === 'number' && !x.value.isZero();
  }).length;
  /** per column, the most decimal places its figures print: the places of a dash's nil */
  const places: number[] = [];
  for (const line of lines) line.split('\t').forEach((raw, k) => {
    const x = readCell(raw);
    if (x.kind === 'number' && !x.dash) places[k] = Math.max(places[k] ?? 0, x.places);
  });
  /**
   * The changed table (figure at row, column sign flipped, nothing flagged) is read the other way on
   * the one figure that shows the convention: a percentage column whose only negative quotient is on
   * this row, now read with the other sign convention; or the only line a total subtracts in words,
   * printing this one figure, now added by the same total.
   */
  const oneFigureConvention = (report: AuditReport, row: number, column: number): boolean => {
    const p = pctAs.get(column);
    if (p && p.negative.length === 1 && p.negative[0] === row) {
      return report.tables.some((x) => (x.percentages ?? []).some((q) => q.column === column && q.unsigned !== p.unsigned && q.negative.includes(row)));
    }
    if (lessRows.size === 1 && lessRows.has(row) && figuresOn(row - 1) === 1) {
      const was = base.tables.flatMap((x) => x.totals).find((to) => to.less?.includes(row))!;
      return report.tables.some((x) => x.totals.some((to) => to.row === was.row && to.from <= row && row <= to.to && !to.less?.includes(row)));
    }
    return false;
  };
  lines.forEach((line, r) => {
    const cells = line.split('\t');
    cells.forEach((raw, k) => {
      for (const change of changes) {
        const now = moved(raw, change, places[k] ?? 0);
        if (now === undefined) continue;
        const copy = lines.slice();
        copy[r] = cells.map((x, j) => (j === k ? now : x)).join('\t');
        const report = outcome(copy.join('\n'), file, false);
        t.tried++;
        // A table no longer read as one (exit 2, nothing checked) is not caught: it is counted as missed.
        const flags = report ? report.findings.filter((f) => f.severity !== 'note') : [];
        const was = readAs.get(k + 1);
        if (flags.some((f) => f.row === r + 1 && f.column === k + 1)) t.atCell++;
        else if (flags.length) t.elsewhere++;
        else if (!involved.has(`${r + 1},${k + 1}`)) t.unused.add(`row ${r + 1} column ${k + 1} (${raw})`);
        // Used only by percentages printed rounded, and the changed table reads clean with as many
        // percentages checked: each still rounds to the figure printed (the audit recomputed them on
        // the same reading), so arithmetic cannot see the change.
        else if (report && rounded.has(`${r + 1},${k + 1}`) && pcts(report) === pcts(base)) t.absorbed.push(`row ${r + 1} column ${k + 1} ${raw}→${now}`);
        // (a column read as sizes, |a − b|, whose changed figure makes every line fit a − b or b − a signed: a signed column as consistent, T8-54)
        else if (report && was && report.tables.some((x) => x.differences.some((d) => d.column === k + 1 && d.agree !== undefined && (d.is === reversed(was) || (/^\|.*\|$/.test(was) && !d.magnitude && (d.is === was.slice(1, -1) || d.is === reversed(was.slice(1, -1)))))))) {
          t.otherConvention.push(`row ${r + 1} column ${k + 1} ${raw}→${now} (read as ${reversed(was)})`);
        } else if (report && change.name === 'sign flipped' && oneFigureConvention(report, r + 1, k + 1)) {
          t.oneFigureConvention.push(`row ${r + 1} column ${k + 1} ${raw}→${now}`);
        } else t.missed.push(`row ${r + 1} column ${k + 1} ${raw}→${now} (${change.name})`);
      }
    });
  });
  return t;
}

const say = (t: Tally) => `      ${t.tried} changes: ${t.atCell} caught at the cell, ${t.elsewhere} where they make another cell disagree; ` +
  `${t.unused.size} figure(s) no check uses${t.unused.size ? ` [${[...t.unused].join('; ')}]` : ''}` +
  `${t.otherConvention.length ? `; ${t.otherConvention.length} read as the other sign convention [${t.otherConvention.join('; ')}]` : ''}` +
  `${t.absorbed.length ? `; ${t.absorbed.length} absorbed by the rounding of a printed percentage` : ''}` +
  `${t.oneFigureConvention.length ? `; ${t.oneFigureConvention.length} the one figure showing a convention, read as the other [${t.oneFigureConvention.join('; ')}]` : ''}; ${t.missed.length} missed`;

describe('audit: any one figure of a clean real table changed is caught, or shown undetectable', function () {
  // A property, not a timing: the Isle of Wight's environment monitoring (28 rows × 12 columns, 750 changes of the
  // other amounts) takes 220 s on a quiet 2-core machine and ran past 300 s in session 10's CI — time is measured
  // by `npm run bench`, never by a test's limit.
  this.timeout(1_200_000);
  for (const dir of DIRS) {
    const cases = (JSON.parse(readFileSync(join(dir, 'CASES.json'), 'utf8')) as Case[]).filter((c) => c.expected_exit === 0);
    for (const c of cases) {
      const text = readFileSync(join(dir, c.file), 'utf8');
      /** The clean table's audit with its trace; skips the test when the clean table does not audit clean. */
      const clean = (ctx: Mocha.Context): AuditReport => {
        const base = outcome(text, c.file, true);
        if (base === undefined || exitCodeOf(base) !== 0) {
          // A known gap of the corpus (test/audit/corpus.test.ts lists it): nothing clean to change.
          console.log('      skipped: the clean table does not yet audit clean (a KNOWN_GAPS case)');
          ctx.skip();
        }
        return base!;
      };
      it(`${c.file}: every figure ±1 unit and +100,000 units`, function () {
        const t = tryChanges(text, c.file, clean(this), CHANGES);
        console.log(say(t));
        if (NOT_YET.has(c.file)) assert.notDeepEqual(t.missed, [], `${c.file} is now fully caught: take it off NOT_YET`);
        else assert.deepEqual(t.missed, [], `${c.file}: a figure a check uses changed, and nothing found`);
      });
      it(`${c.file}: every figure by other amounts (±10, ±1,000, −100,000, +1,000,000 units, ×10, ÷10, ×2, sign flipped, nil, four at random)`, function () {
        const t = tryChanges(text, c.file, clean(this), MORE);
        console.log(say(t));
        if (NOT_YET_MORE.has(c.file)) assert.notDeepEqual(t.missed, [], `${c.file} is now fully caught by the other amounts: take it off NOT_YET_MORE`);
        else assert.deepEqual(t.missed, [], `${c.file}: a figure a check uses changed, and nothing found`);
      });
    }
  }
});

/**
 * The stress copy: every row the clean audit reads as a total (and labels; a caption stating the
 * total's figure is kept) gets a label that says nothing ("Amount carried to the summary"), so that only arithmetic and the table's own conventions
 * can show which rows are totals; then every figure ±1 unit and +100,000 units. A change is caught,
 * or shown undetectable as above, or — the table's only arithmetic broken — leaves its table with
 * nothing that casts at all (the changed table, or the block of rows holding the figure, reads as
 * nothing to check): a list and its total under a label that says nothing, where no arithmetic is
 * left to tell the total from a line. Tables where some change is still unseen, each with its count
 * and kind (the test fails when one gets worse, and asks for the entry to be lowered when it gets
 * better). By default every fourth table; all of them with OUTTURN_STRESS=1.
 */
const NEUTRAL_NOT_YET = new Map<string, [number, string]>([
  ['lancashire-cc-budget-adjustment-2022-23.tsv', [4, 'session 13 (T13-53, lead; not examined further): with "Total Additions to Capital Programme:" relabelled, a line of block (2) or its total +100,000 units leaves the block read as no total — its heading "(2) Proposed additions to the capital programme" no longer named by the total, and the block convention reads only blocks whose lines are in no total; with its label the total is checked and each is found']],
  ['ludford-pc-budget-precept-2022-23.tsv', [3, 'as in NOT_YET: the nil first line changed ±1 or +100,000 units, the Total casts over the lines after it']],
  ['islington-lee-valley-rpa-levy-2025-26.tsv', [6, 'session 11 (T9-12, fix-c): the net line is read as spending less income by its words ("Net …" under "… income" under "… expenditure"); with the labels neutral it is a line, so its own figure ±1 in the first column is in no check, and the financing lines ±1 fall under the whole-£m total (as in NOT_YET)']],
  ['scotgov-capital-receipts-by-service-2013-14.tsv', [23, 'session 11: 23 (15 in session 9; the stop CI of 0ff41b7 saw 23 after the session\'s totals changes — rows 4, 10 and 16 of the groups also unseen once relabelled). session 9 (T8-09): with "Total General Fund Services" relabelled, the list\'s total is known only while it adds the group rows and the lines in no group exactly; the first two group rows (Education, Cultural), the two lines in no group (Central Services, Non-HRA Housing) or the last nil item of Trading Services changed leave no row of the list adding up, and the changed line stands as a line (with its label, the total is checked and each of these is found)']],
  ['oldham-net-budget-changes-2022-23.tsv', [3, "row 9 (a line printed in the stepped layout's sub-total column) changed: row 27 (the sub-total of sub-totals across headings) then misses by as much, but \"Increase in the Net Expenditure Budget\" = row 27 + row 31 still casts, so nothing shows row 27 is a sub-total rather than a line printed in that column, as row 9 itself is (row 27 changed is now found: the total below casts with it standing for its rows, session 6)"]],
  ['northyorks-pcc-budget-requirement-2017-18.tsv', [4, 'its last row (the balance after "Funded by:") is read only by its label since no row is a total by arithmetic alone across a "Financed by:" heading (trial entry 17, Fife): with the label gone, a figure of the budget block (rows 2-5) or a total changed leaves no other block that shows the table ends its blocks in totals']],
  ['kilkenny-income-expenditure-2003.tsv', [6, 'the overall surplus (row 25 = the surplus 4,002 and the transfers (3,068), its budget column a nil under a nil and a blank) or the transfers changed: under a label that says nothing it is a one-column running total at the table\'s end that no longer casts, which nothing tells from a line (its label "Overall Surplus / (Deficit) for Year" closes it)']],
]);

/**
 * Statutory forms read by the words they print, where those words ARE the form: the AGAR bank reconciliation
 * (session 10, T9-58/59/60) is known by "Net balances as at 31 March …" and "Closing balance per cash book …
 * (must equal net balances above)" — with both relabelled "Amount carried to the summary" it is no longer the
 * form but a list of unrelated figures, so its neutral copy is not a reading of the same table. Skipped, said.
 */
const NEUTRAL_FORMS = new Map<string, string>([
  ['islington-lee-valley-rpa-levy-2024-25.tsv', 'Lee Valley 2024/25 (T9-12): the net line is known by its words ("Net service operating costs" under the income line under the expenditure line); relabelled, the unsigned income is a line again and the copy does not read clean'],
  ['collingbourneducis-pc-bank-reconciliation-2018-19.tsv', 'the bank reconciliation form, known by its net-balances and cash-book labels'],
  ['templecloud-pc-bank-reconciliation-2021-10.tsv', 'the bank reconciliation form, known by its net-balances and cash-book labels'],
  ['ilam-pc-bank-reconciliation-2023-24.tsv', 'the bank reconciliation form, known by its net-balances and cash-book labels'],
  ['ilam-pc-bank-reconciliation-2020-21.tsv', 'the bank reconciliation form, known by its net-balances and cash-book labels'],
  // a statutory calculation in words (session 11, T9-01, T9-52): each line's words name the lines it is made
  // of by their markers ("line (1) less line (2)", "4(a) exceeds 4(b)"); relabelled, the line the words name is gone
  ['gla-council-tax-requirement-precept-calculation-2016-17.tsv', 'a statutory calculation in words, known by its line markers, which the words name'],
  ['wiltshire-council-tax-resolution-2019-20.tsv', 'a statutory calculation in words, known by its line markers, which the words name'],
]);

const NEUTRAL = 'Amount carried to the summary';

describe('audit: the stress copy — every total\'s label replaced by one that says nothing — each figure ±1 and +100,000 units', function () {
  this.timeout(600_000);
  const all = DIRS.flatMap((dir) => (JSON.parse(readFileSync(join(dir, 'CASES.json'), 'utf8')) as Case[]).filter((c) => c.expected_exit === 0).map((c) => ({ dir, c })));
  const chosen = process.env.OUTTURN_STRESS ? all : all.filter((_, n) => n % 4 === 0 || NEUTRAL_NOT_YET.has(all[n].c.file));
  for (const { dir, c } of chosen) {
    it(`${c.file}: every figure of its neutral-label copy`, function () {
      if (NEUTRAL_FORMS.has(c.file)) {
        console.log(`      skipped: ${NEUTRAL_FORMS.get(c.file)} (the ±1 and +100,000 properties above run on it as printed)`);
        this.skip();
      }
      const text = readFileSync(join(dir, c.file), 'utf8');
      const clean = outcome(text, c.file, true);
      if (clean === undefined || exitCodeOf(clean) !== 0) this.skip();
      const lines = text.split('\n');
      for (const t of clean!.tables) for (const to of t.totals) {
        // A caption stating the total's figure ("Where the £242.1m comes from") is the figure, not a label: kept.
        if (!to.label || /£\s?\d/.test(to.label)) continue;
        const cells = lines[to.row - 1].split('\t');
        const k = cells.findIndex((x) => x.trim() === to.label.trim());
        if (k >= 0) lines[to.row - 1] = cells.map((x, j) => (j === k ? NEUTRAL : x)).join('\t');
      }
      const copy = lines.join('\n');
      const base = outcome(copy, c.file, true);
      assert.ok(base && exitCodeOf(base) === 0, `${c.file}: the neutral-label copy must still read clean`);
      const t = tryChanges(copy, c.file, base!, CHANGES);
      // A change that leaves the figure's table with nothing that casts: no arithmetic is left to show it.
      let noArithmetic = 0;
      const unseen = t.missed.filter((m) => {
        const [, row, column, to] = /^row (\d+) column (\d+) .*→(.*) \(/.exec(m)!;
        const r = Number(row) - 1;
        const changed = lines.slice();
        changed[r] = lines[r].split('\t').map((x, j) => (j === Number(column) - 1 ? to : x)).join('\t');
        const report = outcome(changed.join('\n'), c.file, false);
        const inUnchecked = report?.unchecked?.some((u) => {
          const q = /rows (\d+)-(\d+)/.exec(u.range);
          return q !== null && Number(q[1]) <= r + 1 && r + 1 <= Number(q[2]);
        });
        if (report === undefined || inUnchecked) {
          noArithmetic++;
          return false;
        }
        return true;
      });
      console.log(`      ${t.tried} changes: ${t.atCell} at the cell, ${t.elsewhere} elsewhere; ${noArithmetic} leave no arithmetic in their table; ${unseen.length} unseen`);
      const allowed = NEUTRAL_NOT_YET.get(c.file)?.[0] ?? 0;
      assert.ok(unseen.length <= allowed, `${c.file}: ${unseen.length} unseen (at most ${allowed}): ${unseen.join('; ')}`);
      assert.ok(allowed === 0 || unseen.length === allowed, `${c.file}: ${unseen.length} unseen now, fewer than the ${allowed} listed: lower its NEUTRAL_NOT_YET entry`);
    });
  }
});
