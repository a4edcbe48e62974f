// Any other table: its totals cast, its variance and percentage columns recomputed.
import { Dec, text } from '../base/decimal';
import { castBlocks } from './casting';
import { type Audit, moneyCols, rowsOf } from './context';
import type { Column } from './detect';
import { type DifferenceBasis, checkDifference, inferDifference, magnitudes, remainingAfter, voters } from './differences';
import { severityOf, show } from './findings';
import { cellText, locate, stepOf } from './grid';
import { type Basis, checkPercent } from './percent';

/** Headers of a column of changes between two others: "Change", "Movement", "Increase/(decrease)". */
const CHANGE = /\bchanges?\b|\bmovements?\b|\bincrease|\bdecrease/;

const sameUnits = (a: Audit, x: number, y: number) => !a.col(x).units || !a.col(y).units || a.col(x).units === a.col(y).units;

/**
 * Whether the lines settle a change column's basis: two lines at least agree exactly with a change
 * that is not nil (one, when every line fits), and more than half of the lines printing all three
 * figures fit it within the rounding of the printed figures (a change computed before rounding is one
 * unit off on some lines: a warning, not a reason to doubt the basis), and no more than a quarter of
 * them (one, in a table of fewer than eight lines) do not: a column of changes the headers name is
 * right on nearly every line, where one that only happens to equal a difference on the lines where a
 * third column is nil ("Net change for the Pension Adjustment" beside "Total Adjustments" and "Other
 * Differences", an EFA's) is wrong on many. A column that lies between the two with other figure
 * columns (one movement of several between an opening and a closing balance) is not their change.
 */
function settled(a: Audit, target: number, b: DifferenceBasis): boolean {
  let informative = 0;
  let fits = 0;
  for (const i of rowsOf(a, 'line')) {
    const row = a.t.rows[i];
    const [x, p, m] = [a.num(row, target), a.num(row, b.plus), a.num(row, b.minus)];
    if (!x || !p || !m || (x.value.isZero() && p.value.isZero() && m.value.isZero())) continue;
    informative++;
    if (severityOf(x.value.minus(p.value.minus(m.value)), x, [p, m]).severity === 'warning') fits++;
  }
  // A column between the two, with other figure columns between them too, is one movement of several
  // (opening | movement | transfers | contributions | closing: a roll-forward across), not the change.
  const [lo, hi] = [Math.min(b.plus, b.minus), Math.max(b.plus, b.minus)];
  if (lo < target && target < hi && moneyCols(a.t).some((c) => lo < c && c < hi && c !== target)) return false;
  const solid = b.solid ?? 0;
  return (solid >= 2 || (solid >= 1 && fits === informative)) && (informative - fits) * 4 <= Math.max(4, informative);
}

/**
 * Any other table. `budgetChanges`: the columns of budget changes read as a roll-forward across (see
 * findBudgetRolls). True when something was checked.
 */
export function genericRules(a: Audit, budgetChanges: ReadonlySet<number> = new Set()): boolean {
  const t = a.t;
  const money = moneyCols(t);
  const body = a.acrossToo.size ? [...new Set([...rowsOf(a, 'line', 'subtotal', 'total'), ...a.acrossToo])].sort((x, y) => x - y) : rowsOf(a, 'line', 'subtotal', 'total');
  const hasTotals = a.kinds.some((k) => k === 'subtotal' || k === 'total');
  castBlocks(a, money, 'auto.cast');
  // Columns that are the difference of two others: variance, over/(under) spend, rephasing, slippage, remaining.
  const DIFFS = ['variance', 'reprofile', 'remaining'];
  // What is left after commitments: the earlier remaining column less the commitments (U6-18).
  const after = remainingAfter(a, 'auto.remaining-after');
  const variances = t.columns.filter((c) => c.numeric && !c.percent && DIFFS.includes(c.role) && !after.has(c.c));
  for (const v of variances) {
    const others = money.filter((c) => c !== v.c && !DIFFS.includes(a.col(c).role));
    const first = (roles: string[]) => [...others.filter((c) => roles.includes(a.col(c).role)), ...others.filter((c) => !roles.includes(a.col(c).role))];
    let best = inferDifference(a, v.c, first(['outturn', 'to_date']), first(['revised', 'original']));
    // printed as sizes, increase and decrease both positive (T8-54): read so, not signed with an error on every line that moved the other way
    if (best) best = magnitudes(a, v.c, best) ?? best;
    // A basis fewer than half the lines that could show it agree with (one line in nine) is a
    // coincidence, not the table's convention — a misread header (a PDF's captions run together), not
    // every line wrong: a note, never an error per line (as a percentage's basis, see percent.ts).
    const few = best !== undefined && best.of !== undefined && best.of >= 3 && best.agree * 2 < best.of ? best : undefined;
    if (few) best = undefined;
    if (!best) {
      // No line agrees either way round: the headers may still say which columns it comes from — when
      // no more than one line could show otherwise (a table of one line); with two or more, none agreeing, they do not.
      const o = others.find((c) => a.col(c).role === 'outturn');
      const r = others.find((c) => a.col(c).role === 'revised' || a.col(c).role === 'original');
      if (!few && o !== undefined && r !== undefined && v.role === 'variance' && voters(a, v.c, o, r) <= 1) best = { plus: o, minus: r, agree: 0 };
      else if (others.length >= 2) {
        a.findings.push({
          severity: 'note',
          table: a.layout,
          ...locate(t.grid, t.headerRows[t.headerRows.length - 1] ?? t.r0, v.c, v.caption),
          rule: 'auto.variance.no-basis',
          message: few
            ? `${v.caption}: ${few.agree} of the ${few.of} lines that print the figures equal ${a.col(few.plus).caption || `column ${few.plus + 1}`} − ${a.col(few.minus).caption || `column ${few.minus + 1}`}, and no other two columns fit more: no basis, not checked`
            : `${v.caption}: no line equals the difference of any two other columns, either way round; not checked`,
        });
      }
    }
    if (best) checkDifference(a, v.c, best, 'auto.variance');
  }
  let changed = false;
  // Columns headed as the change between two others ("Change (£000)", "Movement", "Increase/(decrease)"):
  // a difference too, when the lines say which two and which way round (a budget change between two
  // budgets is a roll-forward across, read before: not here).
  for (const v of t.columns.filter((c) => c.numeric && !c.percent && !DIFFS.includes(c.role) && !budgetChanges.has(c.c) && CHANGE.test(c.norm))) {
    const others = money.filter((c) => c !== v.c && !DIFFS.includes(a.col(c).role) && !CHANGE.test(a.col(c).norm) && sameUnits(a, c, v.c));
    const found = inferDifference(a, v.c, others, others, false);
    const best = found && (magnitudes(a, v.c, found) ?? found);
    if (best && (best.magnitude || settled(a, v.c, best))) {
      checkDifference(a, v.c, best, 'auto.change');
      changed = true;
    }
  }
  const pcts = t.columns.filter((c) => c.numeric && c.percent);
  const cands: { num: number; den: number }[] = [];
  // every ordered pair of money columns, made only when there is a percentage column to explain (a table
  // of 20,000 columns and no percentage had 400 million pairs made for nothing, and ran out of memory)
  if (pcts.length) for (const n of money) for (const d of money) if (n !== d) cands.push({ num: n, den: d });
  // Each column's basis learned from its own rows first; a column whose rows show none takes the basis
  // of a column of the same caption, moved to its place (two "£ million | Percentage change" pairs: the
  // second's two rows both broken by one wrong figure still say nothing of their own).
  const learned = new Map(pcts.map((p) => [p.c, checkPercent(a, p, cands, body, 'auto.percent', false, money, { dry: true })]));
  for (const pct of pcts) {
    let like: { basis: Basis; column: Column } | undefined;
    if (!learned.get(pct.c) && pct.norm.trim()) {
      const sib = pcts.find((q) => q !== pct && q.norm === pct.norm && learned.get(q.c)?.denRow === undefined && learned.get(q.c));
      if (sib) {
        const b = learned.get(sib.c)!;
        const shift = pct.c - sib.c;
        const [num, den] = [b.num + shift, b.den + shift];
        // the same relation on the corresponding columns: the moved columns of the sibling's roles
        // (Isle of Wight's "Expenditure … % | Income … %": the income % is To Date / Budget of income,
        // three columns right of a Committed and a To Date column — T7-67; Hansard's "West Midlands
        // £ million" and "England and Wales £ million" are both money, the same relation)
        const same = (x: number, y: number) => t.columns[x] !== undefined && t.columns[x].role === t.columns[y]?.role;
        if (money.includes(num) && money.includes(den) && same(num, b.num) && same(den, b.den)) like = { basis: { ...b, num, den }, column: sib };
      }
    }
    if (pct.byFigures && body.length) {
      const first = body.find((i) => a.num(t.rows[i], pct.c)) ?? body[0];
      a.note(t.rows[first], pct.c, 'auto.percent.by-figures', `${pct.caption || `column ${pct.c + 1}`}: no % in its caption or its figures, but they are ${pct.byFigures}: read as percentages, not summed as money`);
    }
    checkPercent(a, pct, cands, body, 'auto.percent', false, money, { like });
  }
  // A list of shares and nothing else (a pie chart's key: "Other 29.1%", "Transport Levy 11%", no amount
  // printed): the one relation it prints is that the shares make up the whole (T9-05).
  const whole = money.length === 0 && pcts.length === 1 && sharesOfTheWhole(a, pcts[0], body);
  const gaps = surplusRows(a, money);
  const rolled = rollAcrossYears(a, money);
  const moved = movementInYear(a, money);
  return hasTotals || variances.length > 0 || changed || pcts.length > 0 || rolled || moved || gaps || whole;
}

/** Words saying a column of percentages is a rate of each line, not its share of one whole. */
const RATE_WORDS = /\b(?:increases?|decreases?|changes?|growth|rate|inflation|uplift|collect(?:ed|ion)|variances?|movements?|reductions?|savings?|yield|returns?|interest|turnout|occupancy|achieved|spent to date|of budget)\b/i;
/** Words naming the parts of one whole: "percentage breakdown", "how your bill is shared", "where the money came from". */
const WHOLE_WORDS = /\b(?:shares?|shared|breakdown|split|proportions?|made up|of every|where\b.*\b(?:goes|go|went|comes?|came)|how\b.*\b(?:spent|funded|financed|paid|divided))\b/i;
const HUNDRED = new Dec(100);
const HALF = new Dec('0.5');

/**
 * A table of labels and ONE column of percentages, no amount beside them (a pie chart's key, "Where the
 * money came from 2024/25": "Other 29.1%", "City Region Sustainable Transport Settlement 19.1%", …, no
 * total row; West Yorkshire Combined Authority on Leeds City Council's page, T9-05): the shares of one
 * whole add up to 100 — or to the total row's own figure where one is printed — within the rounding of
 * the printed shares (half a unit of each one's last place: nine shares to one place and two whole, ±1.45).
 * Counted as a percentage check; a difference is a warning within that rounding (as a total one unit off
 * is), an error beyond it — at the total's cell, or at the last share's when no total is printed (no one
 * share can be blamed).
 * Not shares, and not checked: a negative figure, fewer than three lines, a caption or title naming a rate
 * (RATE_WORDS: "% increase", "collection rate"), or — unless the title names the whole's parts
 * (WHOLE_WORDS: "percentage breakdown", "shared", "where … came from") — lines adding up to less than half
 * or more than twice the whole (rates of separate bodies, not parts of one). True when the check was made.
 */
function sharesOfTheWhole(a: Audit, pct: Column, body: number[]): boolean {
  const rows = a.t.rows;
  const lines = body.filter((i) => a.kinds[i] === 'line' && a.num(rows[i], pct.c));
  const totals = body.filter((i) => a.kinds[i] !== 'line' && a.num(rows[i], pct.c));
  const ps = lines.map((i) => a.num(rows[i], pct.c)!);
  if (ps.length < 3 || totals.length > 1) return false;
  // the caption, the header and the title lines over the first row (at most four)
  const first = rows[body[0]]?.r ?? a.t.r0;
  const above = [...new Set([...a.t.headerRows, ...Array.from({ length: Math.min(4, first) }, (_, k) => first - 1 - k)])];
  const words = [pct.caption, ...above.flatMap((r) => (a.t.grid.cells[r] ?? []).map(cellText))].join(' ');
  if (RATE_WORDS.test(words)) return false;
  // a share printed negative is no share, unless the words name the whole's parts (then it is a wrong share)
  const named = WHOLE_WORDS.test(words);
  if (!named && ps.some((p) => p.value.isNeg())) return false;
  const sum = ps.reduce((x, p) => x.plus(p.value), new Dec(0));
  const total = totals.length ? rows[totals[0]] : undefined;
  const printed = total ? a.num(total, pct.c)! : undefined;
  const whole = printed?.value ?? HUNDRED;
  // Lines far from the whole are rates of separate bodies unless the words name the whole's shares.
  if (!named && (sum.lt(whole.div(2)) || sum.gt(whole.times(2)))) return false;
  const slack = ps.reduce((x, p) => x.plus(stepOf(p.places).times(HALF)), printed ? stepOf(printed.places).times(HALF) : new Dec(0));
  const at = total ?? rows[lines[lines.length - 1]];
  a.checked.percentages++;
  a.involve([...lines.map((i) => [rows[i], pct.c] as const), ...(total ? [[total, pct.c] as const] : [])]);
  // at a printed total, its figure against the shares' sum; with none, the sum against the whole
  const difference = printed ? whole.minus(sum) : sum.minus(whole);
  if (difference.isZero()) return true;
  const of = `the ${ps.length} shares (${show(ps[0].value)}% … ${show(ps[ps.length - 1].value)}%) add up to ${show(sum)}%`;
  // within the rounding of the printed shares (each rounded on its own): a warning, as a total one unit off is
  const within = difference.abs().lte(slack);
  const why = within ? `within the rounding of the printed shares (±${show(slack)}), each rounded on its own` : `beyond the rounding of the printed shares (±${show(slack)})`;
  a.findings.push({
    severity: within ? 'warning' : 'error', table: a.layout, ...a.loc(at, pct.c), rule: 'auto.percent.shares',
    message: total
      ? `${a.describe(at, pct.c)}: printed ${show(whole)}%, but ${of}; difference ${show(difference)}, ${why}`
      : `${a.describe(at, pct.c)}: ${of}, but shares of one whole add up to 100%; difference ${show(difference)}, ${why}${within ? '' : ': a share is wrong, which one the table cannot say'}`,
    // with no total printed, "printed" is what the printed shares add up to
    ...(total ? { printed: text(whole), expected: text(sum) } : { printed: text(sum), expected: text(whole) }), difference: text(difference),
  });
  return true;
}

/**
 * Labels of a row that is the difference of two totals above it: "Outturn position (Over) / Under",
 * "Surplus / (deficit)", "Shortfall", "Funding gap", "Net position". Not a collection fund's surplus
 * or deficit, a revaluation surplus or a redistributed one (lines of a block, each its own figure).
 */
const GAP = /\b(over|under)\b.{0,8}\b(under|over)\b|\bsurplus\b.{0,12}\bdeficit\b|\bdeficit\b.{0,12}\bsurplus\b|\bshortfall\b|\b(budget|funding) gap\b|\b(net|outturn) position\b/i;
const NOT_GAP = /collection fund|revaluation|redistribut|previous year|prior year|provision of services|\bless\b/i;
/** A row read as a total, or labelled as one ("Total Expenditure (Provisional)" with no block above it). */
const TOTAL_LABEL = /^\s*total\b|\btotal\s*$/i;

/**
 * A surplus, shortfall or "(over) / under" row printed after two totals and no line of any block (SPA's
 * outturn summary: "Total Expenditure", the funding lines, "Total Funding", then "Outturn position
 * (Over) / Under" 0.0): the later total less the earlier one, or the other way round — the way more
 * columns printing all three agree with exactly (the later less the earlier on a tie), one at least and
 * no fewer than are out beyond the rounding of the printed figures. Unchecked, silently, when no
 * column agrees: the label alone says too little.
 * True when a row was checked.
 */
function surplusRows(a: Audit, money: number[]): boolean {
  const rows = a.t.rows;
  const members = new Set([...a.blocks.values()].flatMap((b) => b.members));
  const totals = a.kinds.map((k, i) => (k === 'total' || k === 'subtotal' || TOTAL_LABEL.test(rows[i].label) ? i : -1)).filter((i) => i >= 0);
  let any = false;
  for (const [i, k] of a.kinds.entries()) {
    if (k !== 'line' || members.has(i) || !GAP.test(rows[i].label) || NOT_GAP.test(rows[i].label)) continue;
    const above = totals.filter((x) => x < i);
    if (above.length < 2) continue;
    const [first, later] = above.slice(-2);
    const cols = money.filter((c) => a.num(rows[i], c) && a.num(rows[first], c) && a.num(rows[later], c));
    if (!cols.length) continue;
    /** columns where the row is exactly later − earlier times `sign`, and columns beyond the rounding of the printed figures */
    const vote = (sign: 1 | -1) => {
      let exact = 0;
      let off = 0;
      for (const c of cols) {
        const [x, l, f] = [a.num(rows[i], c)!, a.num(rows[later], c)!, a.num(rows[first], c)!];
        const d = x.value.minus(l.value.minus(f.value).times(sign));
        if (d.isZero()) exact++;
        else if (severityOf(d, x, [l, f]).severity !== 'warning') off++;
      }
      return { exact, off };
    };
    const [up, down] = [vote(1), vote(-1)];
    const best = down.exact > up.exact ? down : up;
    if (best.exact === 0 || best.off > best.exact) continue;
    const sign = best === down ? -1 : 1;
    const [plus, minus] = sign > 0 ? [later, first] : [first, later];
    for (const c of cols) {
      a.check(rows[i], c, a.num(rows[plus], c)!.value.minus(a.num(rows[minus], c)!.value), [[rows[plus], c], [rows[minus], c]], 'auto.surplus',
        `${rows[plus].label} − ${rows[minus].label} is`);
    }
    any = true;
  }
  return any;
}

/** The name a balance row gives what it is a balance of: "capital financing requirement" for "Closing Capital Financing requirements". */
function balanceName(label: string): string {
  return label.toLowerCase().replace(/\([^)]*\)/g, ' ').split(/[^a-z0-9]+/)
    .filter((w) => w && !/^(opening|closing|balance|brought|carried|forward|b|f|the|of|at|as)$/.test(w))
    .map((w) => w.replace(/(?<=[a-z]{3})s$/, '')).join(' ');
}

/**
 * A movement named after the balance it moves ("(Decrease) / Increase in Capital Financing
 * Requirement", as every capital financing requirement note prints it under "Opening …" and "Closing
 * …"): closing − opening, in each column where all three are printed (an increase printed positive,
 * or a decrease when the label puts the decrease outside its brackets). Checked when some column
 * agrees, or when there is only one: the labels say it. True when anything was checked.
 */
function movementInYear(a: Audit, money: number[]): boolean {
  const rows = a.t.rows;
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  let any = false;
  for (const i of body) {
    const m = /^(.*?\b(?:increase|decrease|movement|change)\b.*?)\s+in\s+(?:the\s+)?(.+)$/i.exec(rows[i].label);
    if (!m) continue;
    const name = balanceName(m[2]);
    if (!name) continue;
    const named = (re: RegExp) => body.filter((k) => k !== i && re.test(rows[k].label) && balanceName(rows[k].label) === name);
    const [opening] = named(/^opening\b/i);
    const [closing] = named(/^closing\b/i);
    if (opening === undefined || closing === undefined || opening > closing) continue;
    // "(Decrease) / Increase": the word outside brackets is the direction printed positive.
    const plain = m[1].replace(/\([^)]*\)/g, ' ');
    const sign = /\bdecrease\b/i.test(plain) && !/\bincrease\b/i.test(plain) ? -1 : 1;
    const cols = money.filter((c) => a.num(rows[i], c) && a.num(rows[opening], c) && a.num(rows[closing], c));
    const expected = (c: number) => a.num(rows[closing], c)!.value.minus(a.num(rows[opening], c)!.value).times(sign);
    const agree = cols.filter((c) => a.num(rows[i], c)!.value.eq(expected(c))).length;
    if (!cols.length || (cols.length > 1 && agree === 0)) continue;
    for (const c of cols) {
      a.check(rows[i], c, expected(c), [[rows[closing], c], [rows[opening], c]], 'auto.closing-movement',
        sign > 0 ? `${rows[closing].label} − ${rows[opening].label} is` : `${rows[opening].label} − ${rows[closing].label} is`);
    }
    any = true;
  }
  return any;
}

const YEAR = /\b(19|20)\d\d\s*[-/]\s*\d\d\b/;
const BALANCE = /\bbalances?\b|\byear[\s-]*end\b|\bclosing\b|\breserves?\s+(at|as at)\b|\bcumulative\b/i;
const MOVEMENT = /\buse\b|\bused\b|\bmovements?\b|\bcontributions?\b|\btransfers?\b|\bdraw|\b(increase|decrease)\b|\bin[\s-]year\b/i;

/**
 * Balances rolled across years in rows, as a reserves projection prints them (columns are years; a row
 * of year-end balances and, under it, the year's use or contribution): balance = last year's balance +
 * the year's movement, for the balance row the movement row agrees with in at least two years and
 * disagrees with in at most two (what one wrong balance breaks). A balance row with no movement row is said in a note, and so
 * is the first year, which has no opening balance printed. True when anything was rolled.
 */
function rollAcrossYears(a: Audit, money: number[]): boolean {
  const years = money.filter((c) => YEAR.test(a.col(c).caption));
  if (years.length < 3) return false;
  const rows = a.t.rows;
  const body = rowsOf(a, 'line');
  const balances = body.filter((i) => BALANCE.test(rows[i].label) && !MOVEMENT.test(rows[i].label));
  const movements = body.filter((i) => MOVEMENT.test(rows[i].label) && !BALANCE.test(rows[i].label));
  const paired = new Set<number>();
  let any = false;
  for (const m of movements) {
    let best: number | undefined;
    let bestAgree = 0;
    for (const b of balances) {
      let agree = 0;
      let tried = 0;
      for (let k = 1; k < years.length; k++) {
        const prev = a.num(rows[b], years[k - 1]);
        const mv = a.num(rows[m], years[k]);
        const now = a.num(rows[b], years[k]);
        if (!prev || !mv || !now) continue;
        tried++;
        if (prev.value.plus(mv.value).eq(now.value)) agree++;
      }
      // One wrong balance breaks two years' roll (into it and out of it): the pairing survives that.
      if (agree >= 2 && tried - agree <= 2 && agree > bestAgree) {
        best = b;
        bestAgree = agree;
      }
    }
    if (best === undefined) continue;
    paired.add(best);
    any = true;
    const b = rows[best];
    for (let k = 1; k < years.length; k++) {
      const prev = a.num(b, years[k - 1]);
      const mv = a.num(rows[m], years[k]);
      if (!prev || !mv) continue;
      a.check(b, years[k], prev.value.plus(mv.value), [[b, years[k - 1]], [rows[m], years[k]]], 'auto.balance-roll-forward',
        `last year's ${b.label} (${a.col(years[k - 1]).caption}) + ${rows[m].label} is`);
    }
    if (a.num(rows[m], years[0])) {
      a.note(rows[m], years[0], 'auto.balance-no-opening', `${rows[m].label} in ${a.col(years[0]).caption}: no balance before it is printed, so that year is not rolled forward`);
    }
  }
  if (!any) return false;
  for (const b of balances) {
    if (!paired.has(b)) a.note(rows[b], years[0], 'auto.balance-no-movement', `${rows[b].label}: no movement printed for it, so its balances are not rolled forward from year to year`);
  }
  return true;
}
