// Any other table: its totals cast, its variance and percentage columns recomputed.
import { castBlocks } from './casting';
import { type Audit, moneyCols, rowsOf } from './context';
import { checkDifference, inferDifference } from './differences';
import { locate } from './grid';
import { checkPercent } from './percent';

export function genericRules(a: Audit): boolean {
  const t = a.t;
  const money = moneyCols(t);
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  const hasTotals = a.kinds.some((k) => k === 'subtotal' || k === 'total');
  castBlocks(a, money, 'auto.cast');
  // Columns that are the difference of two others: variance, over/(under) spend, rephasing, slippage, remaining.
  const DIFFS = ['variance', 'reprofile', 'remaining'];
  const variances = t.columns.filter((c) => c.numeric && !c.percent && DIFFS.includes(c.role));
  for (const v of variances) {
    const others = money.filter((c) => c !== v.c && !DIFFS.includes(a.col(c).role));
    const first = (roles: string[]) => [...others.filter((c) => roles.includes(a.col(c).role)), ...others.filter((c) => !roles.includes(a.col(c).role))];
    let best = inferDifference(a, v.c, first(['outturn', 'to_date']), first(['revised', 'original']));
    if (!best) {
      // No line agrees either way round: the headers may still say which columns it comes from.
      const o = others.find((c) => a.col(c).role === 'outturn');
      const r = others.find((c) => a.col(c).role === 'revised' || a.col(c).role === 'original');
      if (o !== undefined && r !== undefined && v.role === 'variance') best = { plus: o, minus: r, agree: 0 };
      else if (others.length >= 2) {
        a.findings.push({
          severity: 'note',
          table: a.layout,
          ...locate(t.grid, t.headerRows[t.headerRows.length - 1] ?? t.r0, v.c, v.caption),
          rule: 'auto.variance.no-basis',
          message: `${v.caption}: no line equals the difference of any two other columns, either way round; not checked`,
        });
      }
    }
    if (best) checkDifference(a, v.c, best, 'auto.variance');
  }
  const pcts = t.columns.filter((c) => c.numeric && c.percent);
  for (const pct of pcts) {
    const cands: { num: number; den: number }[] = [];
    for (const n of money) for (const d of money) if (n !== d) cands.push({ num: n, den: d });
    checkPercent(a, pct, cands, body, 'auto.percent', false, money);
  }
  const rolled = rollAcrossYears(a, money);
  const moved = movementInYear(a, money);
  return hasTotals || variances.length > 0 || pcts.length > 0 || rolled || moved;
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
const BALANCE = /\bbalances?\b|\byear[\s-]*end\b|\bclosing\b|\breserves?\s+(at|as at)\b/i;
const MOVEMENT = /\buse\b|\bused\b|\bmovements?\b|\bcontributions?\b|\btransfers?\b|\bdraw|\b(increase|decrease)\b/i;

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
