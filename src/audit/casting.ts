// Casting: which rows are totals, and every block that ends in one.
//
// A row is a total when its arithmetic says so, the way an auditor reads a table: it equals the sum
// of a contiguous run of the rows not yet totalled above it (lines, and sub-totals standing for the
// lines they close: so a running total — the last sub-total ± the lines since — is found too). Labels
// are hints: "Total …", "Sub-total", a heading's name repeated, "… requirement", "Gross expenditure",
// "Closing balance" say where to look first; a bold row is a total in a table that prints its totals
// bold. One pass, in time and memory linear in the rows: a stack of the rows not yet totalled, and per
// column the running sums of that stack indexed by value, so the block a row closes is found by one
// look-up, never by adding every candidate run again.
import { Dec, ZERO, text } from '../base/decimal';
import { type At, type Audit, moneyCols } from './context';
import { normalise } from './detect';
import type { FoundTable, TableRow } from './detect';
import { type Num, severityOf, show } from './findings';
import { cellAt, cellText, stepOf } from './grid';
import { type Kind, MEMO_LABEL } from './kinds';

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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** A date in a label: "30 November 2019", "31st March 2005", "March 2005", "31/03/2024" (day first, as the UK writes it). */
const DATE = /\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b|\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/i;
/** A financial year: "2021/22", "2021-22", "2021/2022" (its first calendar year in group 1). */
const FOUR_DIGITS = /\d{4}/;
const YEAR = /\b((?:19|20)\d\d)\s*[/-]\s*(?:\d\d|(?:19|20)\d\d)\b/;
/** A label ending with its financial year ("Budget Requirement 2023/24", "Net Budget for 2022/23"), or starting with it ("2022/23 Budget"). */
const YEAR_AT_END = new RegExp(`${YEAR.source}\\)?$`);
const YEAR_FIRST = new RegExp(`^\\(?${YEAR.source}`);
/** The quantities a statement carries from one financial year to the next (the last word of its label). */
const YEAR_NOUNS = new Set(['budget', 'requirement', 'balance', 'balances', 'reserve', 'reserves', 'programme', 'precept', 'expenditure', 'tax']);
/** Words that qualify a balance without naming another one ("approved as at", "revised", "position at"). */
const AS_AT = new Set(['as', 'at', 'of', 'on', 'to', 'the', 'approved', 'revised', 'latest', 'current', 'agreed', 'position']);
/** Words naming the version a budget or programme starts from, and a later one. */
const EARLY = new Set(['original', 'initial', 'approved', 'agreed']);
const LATE = new Set(['revised', 'latest', 'updated', 'amended', 'current']);
/** Any word of EARLY or LATE, anywhere in a label (a label without one names no version). */
const VERSION_WORD = /original|initial|approved|agreed|revised|latest|updated|amended|current/i;

/**
 * A label naming a balance at a date: its name without the date and its qualifiers ("budget" for
 * "Budget approved as at 30 November 2019") and the date as yyyymmdd; undefined when it names no date
 * or nothing besides.
 */
export function datedName(label: string): { name: string; date: number } | undefined {
  const m = DATE.exec(label);
  if (!m) return undefined;
  const [y, mo, d] = m[3] ? [Number(m[3]), MONTHS.indexOf(m[2].toLowerCase()) + 1, Number(m[1] ?? 1)] : [Number(m[6]), Number(m[5]), Number(m[4])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const name = normalise(label.replace(DATE, ' ')).split(/[^a-z0-9]+/).filter((w) => w && !AS_AT.has(w)).join(' ');
  return name ? { name, date: y * 10_000 + mo * 100 + d } : undefined;
}

/**
 * A label naming a balance at a date (datedName) or in a version: without a date, its name without
 * the version words and qualifiers ("budget" for "Original Budget" and "Revised budget") and the
 * version — 0 the one a statement starts from (original, initial, approved, agreed), 1 a later one
 * (revised, latest, updated, amended, current). Undefined when it names neither, or nothing besides.
 */
export function balanceAt(label: string): { name: string; date?: number; stage?: 0 | 1 } | undefined {
  // a date and a financial year each print four digits in a row (a label without them names neither)
  const digits = FOUR_DIGITS.test(label);
  if (digits && DATE.test(label)) return datedName(label);
  const fy = digits ? YEAR_AT_END.exec(label.trim()) ?? YEAR_FIRST.exec(label.trim()) : null;
  if (fy) {
    // A budget or balance of a financial year ("Base Budget 2021/22" … "Net Expenditure Budget for
    // 2022/23", "2022/23 Budget"; a year inside a sentence, "… to support the 2022/23 Budget", is not
    // one): named by its last word, which must name such a quantity; dated at the year's start.
    // A version word as well ("Approved budget 2019/20" … "Revised budget 2019/20") orders two of the same year.
    const rest = normalise(label.replace(YEAR, ' ')).split(/[^a-z]+/).filter((w) => w && !AS_AT.has(w) && w !== 'for' && w !== 'in');
    const head = rest[rest.length - 1];
    const all = normalise(label).split(/[^a-z]+/);
    const stage = all.some((w) => LATE.has(w)) ? 1 : all.some((w) => EARLY.has(w)) ? 0 : undefined;
    return head && YEAR_NOUNS.has(head) ? { name: head, date: Number(fy[1]) * 10_000 + 401, ...(stage !== undefined ? { stage } : {}) } : undefined;
  }
  // no version word anywhere in it (the common line): no version either, without splitting it into words
  if (!VERSION_WORD.test(label)) return undefined;
  const ws = normalise(label).split(/[^a-z0-9]+/).filter((w) => w);
  const stage = ws.some((w) => LATE.has(w)) ? 1 : ws.some((w) => EARLY.has(w)) ? 0 : undefined;
  const name = ws.filter((w) => !AS_AT.has(w) && !EARLY.has(w) && !LATE.has(w)).join(' ');
  return stage !== undefined && name ? { name, stage } : undefined;
}

/** Labels of rows that close a block without the word "total" (a hint: the arithmetic decides). */
const CLOSES = /^(remaining\s+)?(balance|amount)\s+(to be\s+|to\s+|left\s+to\s+(be\s+)?)?(required|raised|collected|collect)\b|^(total\s+)?amount\s+(to be\s+)?(distributed|shared|apportioned)\b|^(net\s+)?cost of services|^(gross|net)\s+(revenue\s+)?(expenditure|spend|cost|budget|income)|^net cost of services|requirement\b|^closing balance|^balance\s+(at|as at)\s+(31|the end)|^balance\s+c(arried)?\s*\/?\s*f(orwar)?d?\b|carried forward$|^year[- ]end\s+balance|^current approved|^(revised|approved|total)\s+(capital\s+)?programme|^(net\s+)?(increase|decrease|movement)\b.*\b(in|during)\s+(the\s+)?(year|period)|^(overall\s+)?\(?surplus\b|^(overall\s+)?\(?deficit\b|^net\s+(surplus|deficit|position)|^(net\s+)?(increase|\(?decrease).*before transfers|^funding\s+total|^total/i;
/** A label that closes a block and stands for its lines even when nothing adds up to it: the error is then in the figures. */
export const CLOSES_FIRMLY = /^(remaining\s+)?(balance|amount)\s+(to be\s+|to\s+|left\s+to\s+(be\s+)?)?(required|raised|collected|collect)\b|^(net\s+)?budget requirement|^council tax requirement|^(total\s+)?precept requirement|^net (revenue )?expenditure\b.*requirement|^gross\s+(revenue\s+)?expenditure|^net\s+(revenue\s+)?expenditure|^net cost of services|^closing balance|^balance\s+(at|as at)\s+31|^year[- ]end\s+balance/i;
/** A balance at the end of a period, whatever its wording ("Closing balance", "Balance at 31 March 2022", "Balance carried forward", "Year End Balance"). */
const CLOSING_BALANCE = /^closing\s+balance|^balance\s+(at|as at)\s+(31|the end)|^balance\s+c(arried)?\s*\/?\s*f(orwar)?d?\b|carried forward$|^year[- ]end\s+balance/i;
/** A line that deducts from or adds to the sub-total printed above it ("Less: Fees and Charges", "Add: …"). */
/** A heading over what finances the total above it: "Financed by:", "Funded By:", "Met from:". */
/** A row naming what is left of a gap once the options to close it are taken (see gapLeft). */
const GAP_LEFT = /^(balanced\s+budget|(proposed\s+|revised\s+|final\s+)?budget\s+balance\b|(remaining|residual|unfunded|outstanding|unidentified)\s+(budget\s+|funding\s+|savings\s+)?(gap|shortfall)|(budget\s+|funding\s+)?(gap|shortfall)\s+(remaining|outstanding|left|after)\b)/i;
/** A requirement or gap line a balanced budget closes. */
/** A row naming what council tax or a precept raises: the balancing source of a requirement. */
const RAISED = /council tax|precept|\blev(y|ies)\b/i;
/**
 * … unless it names a grant or an adjustment paid in respect of council tax ("Council Tax Freeze
 * Compensation", "Local Council Tax Support Admin Grant", "Collection Fund surplus - Council Tax"):
 * one source among the others, never the figure that balances them (Dover 2015/16, session-7 trial T7-61).
 */
const NOT_RAISED = /\b(grants?|compensation|support|freeze|subsid(y|ies)|benefits?|reduction|discounts?|surplus|deficit|collection fund|admin(istration)?|scheme)\b/i;
const GAP = /requirement|\bgap\b|shortfall|deficit/i;
const FINANCED_BY = /^(financed|funded|met|paid for|resourced)\s+(by|from)\s*:?$/i;
const ADJUSTS = /^(less|add|deduct|plus)\b\s*:?/i;
/** A surplus or deficit for the year, a period or before transfers (see surplusOfRun). */
const SURPLUS_ROW = /^(overall\s+|net\s+)?\(?(surplus|deficit)\b/i;
/**
 * A gap between a cost and what finances it, named as what fills it: "Call on Reserves", "Use of
 * balances", "Budget gap", "Funding shortfall" (a council's forecast: "Total Expenditure", the sources
 * and their sub-total, then "Call on Reserves" = the expenditure less the sub-total). Read as one only
 * straight after the sub-total of the sources (see surplusOfRun): inside a block it is one of its lines.
 */
const GAP_ROW = /^((call|draw(ing)?)\s+(on|from)|use\s+of|contribution\s+(from|to))\s+(the\s+)?(general\s+fund\s+|earmarked\s+)?(reserves?|balances?)\b|^(budget|funding|financial)\s+(gap|shortfall)\b/i;
/** Surpluses that are lines of a block, each its own figure: a collection fund's, a revaluation, one redistributed. */
const NOT_SURPLUS = /collection fund|revaluation|redistribut|previous year|prior year/i;
/** A line naming what is spent or to be funded: the cost a surplus is left after. */
const COST = /expenditure|\bcosts?\b|requirement|\bspend|to be funded|payments?\b/i;
/** An opening balance is a line (what the year starts from), whatever its wording. */
const OPENS = /^(opening\s+balance|balance\s+(at|as at)\s+(1|the start)|balance\s+b(rought)?\s*\/?\s*f|brought forward)/i;

export interface Block {
  /** table rows (indices into t.rows) the total adds */
  members: number[];
  why: string;
  /** members the total subtracts: lines under a "Less:" heading or labelled "Less …" and printed positive, or the sources a balancing figure nets off */
  minus?: ReadonlySet<number>;
  /** a total printed above, in another table of the same sheet, that the block starts from (added first, with its sign) */
  carried?: { row: TableRow; sign: 1 | -1 };
  /** the lines directly above a sub-total that its printed figures leave out (see subtotalSkippingLines) */
  skips?: number[];
}

/** A caption of figures per head or per unit: "Per capita £", "£ per head", "Per/km of road £", "per 1,000 population", "per pupil". */
const RATIO_CAPTION = /\bper\s*(?:capita|head|km|kilomet|mile|pupil|resident|person|population|hectare|1,?000|100,?000)\b|\bper\s*\/\s*km\b/i;

/** A label naming both directions of a figure: "surplus/(deficit)", "(surplus)/deficit", "increase/(decrease)". */
/**
 * A label that says its row is what remains of the lines above it: "Amount to be financed by council
 * tax", "… to be raised", "Net …", "Balance", "Remaining …", or one that states the result of a
 * build-up ("Equals council tax cash", "Gives …", "Leaves …": T13-50, Lancashire CC 2021/22).
 */
const RESULT_WORD = /\b(to\s+be|to)\s+(financed|funded|met|raised|collected|paid|levied)\b|^(net|remaining|balance)\b|^(equals?|gives?|giving|leaves?|leaving)\b/i;

const TWO_WAY = /\b(surplus|deficit|increase|decrease)\s*\)?\s*\/\s*\(?\s*(surplus|deficit|increase|decrease)\b/i;

/** A label that says it closes or nets something (never one line of a list): "Net …", "Total …", "… balance", "Surplus …". */
const TOTALISH_LABEL = /\btotal\b|\bnet\b|\bbalance\b|\bsurplus\b|\bdeficit\b|\bgap\b/i;

/** A line of income or receipts (the first of an income-less-spending breakdown: see incomeLessSpending). */
const INCOME_FIRST = /\bincome\b|\breceipts?\b/i;
/** A line of spending under it: expenditure, payments, costs ("Exp & Projects"). */
const SPENDING_AFTER = /\bexp\b|expenditure|\bpayments?\b|\bcosts?\b|\bspend(ing)?\b/i;

/**
 * A line that says in words it is subtracted ("Less: fees and charges", "Deduct …"; at its end too:
 * "Income (To be subtracted from sum)", "Fees (less)", T12-07), or a heading over such lines ("Less:
 * Central Government Support").
 */
export const LESS = /^(less|deduct|minus)\b|\bto\s+be\s+(subtracted|deducted)\b|\(\s*(less|minus|deduct(ed)?|subtracted)\s*\)/i;

const NONE: readonly number[] = [];

/** Per column of money, the running sums of the stack of rows not yet totalled, indexed by value. */
class RunningSums {
  readonly stack: number[] = [];
  /**
   * Per column, the running sums: as integers of the column's smallest printed unit when every sum
   * stays a safe integer (the common case: fast, and exact by the safe-integer check), else in decimal.
   */
  private readonly pre: (number | Dec)[][];
  private readonly scale: (Dec | undefined)[];
  /** per column: the decimal places of its integers (the most any of its figures prints) */
  private readonly places: number[];
  private readonly bad: number[][];
  /** per column: how many rows of the stack up to each position print a figure there (a stepped layout's empty columns) */
  private readonly figures: number[][];
  /** per column: a percentage column stands between it and the column of money to its left (no stepped layout steps over one) */
  private readonly pctBefore: boolean[];
  /** per column: the stack positions at which the running sum takes each value (one position as a number, several as a list) */
  private readonly index: Map<number | string, number | number[]>[];
  constructor(
    private readonly a: Audit,
    readonly cols: number[],
    /** rows added with the other sign (a "Less:" line printed positive); none by default */
    private readonly negated: (i: number) => boolean = () => false,
  ) {
    const rows = a.t.rows;
    this.places = cols.map(() => 0);
    this.scale = cols.map((c, j) => {
      // Each figure's integer (Reading.units) where the reader gave it: no Decimal per cell.
      let places = 0;
      let known = true;
      for (const row of rows) {
        const x = row.cells.get(c);
        if (x?.kind === 'number') {
          places = Math.max(places, x.places);
          if (x.units === undefined) known = false;
        }
      }
      this.places[j] = places;
      const sc = new Dec(10).pow(places);
      if (known) {
        // A sum of non-negative integers: exact while it stays safe, and above the bound once it is not.
        let abs = 0;
        for (const row of rows) {
          const x = row.cells.get(c);
          if (x?.kind === 'number') abs += Math.abs(x.units!) * 10 ** (places - x.places);
        }
        return abs <= Number.MAX_SAFE_INTEGER ? sc : undefined;
      }
      let abs = ZERO;
      for (const row of rows) {
        const x = row.cells.get(c);
        if (x?.kind === 'number') abs = abs.plus(x.value.abs());
      }
      return abs.times(sc).lte(Number.MAX_SAFE_INTEGER) && rows.every((row) => {
        const x = row.cells.get(c);
        return x?.kind !== 'number' || x.value.times(sc).isInteger();
      }) ? sc : undefined;
    });
    this.pre = cols.map((_, j) => [this.scale[j] ? 0 : ZERO]);
    this.bad = cols.map(() => [0]);
    this.figures = cols.map(() => [0]);
    this.pctBefore = cols.map((c, j) => j > 0 && pctBetween(a, cols[j - 1], c));
    this.index = cols.map(() => new Map());
    cols.forEach((_, j) => this.addIndex(j, 0));
  }
  private key(v: number | Dec): number | string {
    return typeof v === 'number' ? v : v.toString();
  }
  private addIndex(j: number, k: number): void {
    const key = this.key(this.pre[j][k]);
    const l = this.index[j].get(key);
    if (l === undefined) this.index[j].set(key, k);
    else if (typeof l === 'number') this.index[j].set(key, [l, k]);
    else l.push(k);
  }
  /** A figure of column j as an integer of the column's unit (only where the column sums in integers). */
  private int(j: number, x: Num): number {
    // A figure from another column (a stepped layout's sub-total) may print more places than this one's
    // figures: exact through decimal, and no integer (no sum of them) when it does not fit.
    if (x.places > this.places[j]) {
      const v = x.value.times(new Dec(10).pow(this.places[j]));
      return v.isInteger() ? v.toNumber() : NaN;
    }
    if (x.units !== undefined) return x.places === this.places[j] ? x.units : x.units * 10 ** (this.places[j] - x.places);
    return x.value.times(this.scale[j]!).toNumber();
  }
  get top(): number {
    return this.stack.length;
  }
  push(i: number): void {
    const row = this.a.t.rows[i];
    const sign = this.negated(i) ? -1 : 1;
    this.stack.push(i);
    const k = this.stack.length;
    for (let j = 0; j < this.cols.length; j++) {
      const x = row.cells.get(this.cols[j]);
      const readable = x === undefined || x.kind !== 'text';
      const last = this.pre[j][k - 1];
      if (typeof last === 'number') this.pre[j].push(x?.kind === 'number' ? last + sign * this.int(j, x) : last);
      else this.pre[j].push(x?.kind === 'number' ? (sign < 0 ? last.minus(x.value) : last.plus(x.value)) : last);
      this.bad[j].push(this.bad[j][k - 1] + (readable ? 0 : 1));
      // an unreadable cell prints a figure there (one the audit cannot read): never a stepped layout's empty column
      this.figures[j].push(this.figures[j][k - 1] + (x !== undefined && x.kind !== 'blank' ? 1 : 0));
      this.addIndex(j, k);
    }
  }
  /** Drops the stack down to its first k rows (they stay; the rest are now totalled). */
  truncate(k: number): number[] {
    const gone = this.stack.slice(k);
    while (this.stack.length > k) {
      const top = this.stack.length;
      for (let j = 0; j < this.cols.length; j++) {
        const key = this.key(this.pre[j][top]);
        const l = this.index[j].get(key)!;
        if (typeof l === 'number') this.index[j].delete(key);
        else {
          l.pop();
          if (!l.length) this.index[j].delete(key);
        }
        this.pre[j].pop();
        this.bad[j].pop();
        this.figures[j].pop();
      }
      this.stack.pop();
    }
    return gone;
  }
  /** Whether any row of the stack from position k to the top prints a figure in column j. */
  printsFrom(j: number, k: number): boolean {
    return this.figures[j][this.stack.length] - this.figures[j][k] > 0;
  }
  /**
   * The column a total's figure in column j adds, for the run of the stack from k: j itself, or — in
   * an accountant's stepped layout (lines in an inner column, their sub-total one column right) — when
   * no row of the run prints a figure in j, the nearest column to its left where one does.
   */
  stepped(j: number, k: number): number {
    if (this.printsFrom(j, k)) return j;
    for (let l = j - 1; l >= 0 && !this.pctBefore[l + 1]; l--) if (this.printsFrom(l, k)) return l;
    return j;
  }
  /** The sum of the stack from position k to the top in column j; undefined when a cell in it cannot be read. */
  sumFrom(j: number, k: number): Dec | undefined {
    const top = this.stack.length;
    if (this.bad[j][top] - this.bad[j][k] > 0) return undefined;
    const a = this.pre[j][top];
    const b = this.pre[j][k];
    if (typeof a === 'number') return new Dec(a - (b as number)).div(this.scale[j]!);
    return a.minus(b as Dec);
  }
  /**
   * How the printed figure p of column j compares with the sum of the stack from k: 'exact', 'near'
   * (within half a printed unit per row added), 'off', or undefined when a cell in the run cannot be read.
   */
  compare(j: number, k: number, p: Num): 'exact' | 'near' | 'off' | undefined {
    const top = this.stack.length;
    if (this.bad[j][top] - this.bad[j][k] > 0) return undefined;
    const a = this.pre[j][top];
    if (typeof a === 'number') {
      const d = Math.abs(this.int(j, p) - (a - (this.pre[j][k] as number)));
      // |d| ≤ 10^(places − p.places) × rows / 2, in integers: 2|d| ≤ 10^(…) × rows
      if (d <= Number.MAX_SAFE_INTEGER) return d === 0 ? 'exact' : 2 * d <= 10 ** (this.places[j] - p.places) * (top - k) ? 'near' : 'off';
    }
    const d = p.value.minus(this.sumFrom(j, k)!).abs();
    return d.isZero() ? 'exact' : d.lte(stepOf(p.places).times(top - k).div(2)) ? 'near' : 'off';
  }
  /** Positions k (at most a few, nearest first, none above maxK) from which the stack sums to x in column j. */
  startsForValue(j: number, x: Dec, maxK: number): readonly number[] {
    const top = this.pre[j][this.stack.length];
    let key: number | string;
    if (typeof top === 'number') {
      const v = x.times(this.scale[j]!);
      if (!v.isInteger() || !v.abs().lte(Number.MAX_SAFE_INTEGER)) return NONE;
      key = top - v.toNumber();
    } else key = top.minus(x).toString();
    const l = this.index[j].get(key);
    if (l === undefined) return NONE;
    if (typeof l === 'number') return l <= maxK ? [l] : NONE;
    const out: number[] = [];
    for (let n = l.length - 1; n >= 0 && out.length < 3; n--) if (l[n] <= maxK) out.push(l[n]);
    return out;
  }
  /** Positions k (at most a few per column, nearest first) from which the stack sums to the figure p in column j. */
  startsFor(j: number, p: Num, maxK: number): readonly number[] {
    const top = this.pre[j][this.stack.length];
    const l = this.index[j].get(typeof top === 'number' ? top - this.int(j, p) : top.minus(p.value).toString());
    if (l === undefined) return NONE;
    if (typeof l === 'number') return l <= maxK ? [l] : NONE;
    const out: number[] = [];
    for (let n = l.length - 1; n >= 0 && out.length < 3; n--) if (l[n] <= maxK) out.push(l[n]);
    if (l[0] <= maxK && !out.includes(l[0])) out.push(l[0]);
    return out;
  }
}

/** How well a run of rows casts to a row's printed figures: counts of its columns (nil figures never vote). */
interface Score {
  /** columns whose figure equals the run's sum exactly */
  exact: number;
  /** columns within the rounding of the run's printed figures (half a printed unit per row added) */
  near: number;
  /** columns where the row prints a figure */
  printed: number;
}

/** A candidate start for the block a labelled total closes: k is a position in the stack of rows not yet totalled. */
interface Start {
  k: number;
  why: string;
}

/** x casts better than y: an exact column counts twice a near one. */
const better = (x: Score, y: Score) => x.exact * 2 + x.near > y.exact * 2 + y.near;

/**
 * Decides which rows are totals and which rows each adds; sets `a.kinds` (an arithmetic total becomes
 * 'total', a row labelled as a total that no block adds up to and that has fewer than two rows to add
 * becomes a line, with a note) and `a.blocks`, and lists each total in `a.totals` with the reason.
 * Linear in the rows × the columns of money.
 */
export function readTotals(a: Audit, carried?: TableRow): void {
  const reader = new TotalsReader(a, carried);
  const above = a.layout === 'auto' ? hierarchyAbove(a, reader.cols) : undefined;
  for (let i = 0; i < a.t.rows.length; i++) {
    // A list whose group totals stand above their items (read first, below): each group row stands on
    // the stack for its items, which no total below adds again.
    if (above?.items.has(i)) continue;
    if (above?.groups.has(i)) reader.standsFor(i);
    else reader.read(i);
  }
  for (const i of reader.above) totalAbove(a, i, reader.cols);
  balancesAbove(a, reader.cols);
  groupsAbove(a, reader.cols);
  subtotalSkippingLines(a, reader.cols);
  subtotalsOfLinesLeftOver(a, reader.cols);
  subtotalOfTheGroupWithout(a, reader.cols);
  if (carried) afterCarriedAndTotal(a, reader.cols, carried);
  totalsWhereEveryBlockHasOne(a);
  if (a.layout === 'auto') totalOfBlockTotals(a, reader.cols);
  coincidentSubtotals(a, reader.cols);
  if (reader.rowUnits) oneUnitBlocks(a, reader.rowUnits);
}

/**
 * A total adds only rows of its own unit where a column of units says each row's (see unitsByRow): a
 * block any later reading made across a change of unit ("Borrowing £m" over two rows of "%") is
 * undone, its total read as a line again (T12-01).
 */
function oneUnitBlocks(a: Audit, units: ReadonlyMap<number, string>): void {
  for (const [i, b] of [...a.blocks]) {
    const u = units.get(i);
    if (u === undefined || b.members.every((m) => units.get(m) === undefined || units.get(m) === u)) continue;
    a.blocks.delete(i);
    a.kinds[i] = 'line';
    const at = a.totals.findIndex((x) => x.row === a.rowNumber(a.t.rows[i]));
    if (at >= 0) a.totals.splice(at, 1);
  }
}

/** The words of a label that name what it counts, without the words that say how ("Total", "Operational", "Net"): "Total Income" → "income". */
const named = (label: string) => label.toLowerCase().replace(/\([^)]*\)/g, ' ').replace(/\b(total|operational|overall|net|gross|sub-?total|grand)\b/g, ' ').replace(/[^a-z& ]/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Below the last block of a budget of blocks (a parish council's: "Total Income" under INCOME, then
 * six blocks under EXPENDITURE each closing "Total (…)"), the rows that close the whole (T8-53,
 * Freshford PC): a line in no block naming what a total above it counts and printing its figures
 * ("Operational Income £31,746" under "Total Income £31,746") restates that total — its one member,
 * checked against it; and a line in no block, after the last block total with only such restating
 * lines between, whose figures are the sum of the block totals directly above it (two or more, exactly
 * in every column it prints) is their grand total whatever its label says ("Operational Expeniture
 * £31,710" = the six "Total (…)" rows). The balance under them ("End of Year Position" = income −
 * expenditure) is then the difference of two totals (see surplusRows in generic.ts). Figures as printed.
 */
function totalOfBlockTotals(a: Audit, cols: number[]): void {
  const rows = a.t.rows;
  const inBlock = new Set([...a.blocks.values()].flatMap((b) => b.members));
  const tops = [...a.blocks.keys()].filter((t) => !inBlock.has(t) && !a.blocks.get(t)!.carried).sort((x, y) => x - y);
  if (tops.length < 3) return;
  const last = tops[tops.length - 1];
  const free = (j: number) => a.kinds[j] === 'line' && !a.blocks.has(j) && !inBlock.has(j);
  const same = (i: number, t: number) => {
    const printed = cols.filter((c) => a.num(rows[i], c));
    return printed.length > 0 && printed.some((c) => !a.num(rows[i], c)!.value.isZero()) && printed.every((c) => a.num(rows[t], c)?.value.eq(a.num(rows[i], c)!.value));
  };
  const restated: number[] = [];
  for (let i = last + 1; i < rows.length && i <= last + 4 && free(i) && rows[i].r === rows[i - 1].r + 1; i++) {
    // a line restating a total above of the same name
    // (its figures and name, or its name alone when one total above bears it: its figures may be the one wrong)
    const name = named(rows[i].label);
    const bearing = name ? tops.filter((x) => named(rows[x].label) === name) : [];
    const t = bearing.find((x) => same(i, x)) ?? (bearing.length === 1 && cols.some((c) => a.num(rows[i], c) && a.num(rows[bearing[0]], c)) ? bearing[0] : undefined);
    if (t !== undefined) {
      restated.push(i);
      a.kinds[i] = 'total';
      const why = `restates "${rows[t].label}" (row ${a.rowNumber(rows[t])}), the total above of the same name`;
      a.blocks.set(i, { members: [t], why });
      a.totals.push({ row: a.rowNumber(rows[i]), label: rows[i].label, from: a.rowNumber(rows[t]), to: a.rowNumber(rows[t]), why });
      continue;
    }
    // the sum of the block totals directly above (a suffix of them, two at least)
    const printed = cols.filter((c) => a.num(rows[i], c) && !a.num(rows[i], c)!.value.isZero());
    if (!printed.length) break;
    const sums = printed.map(() => ZERO);
    let found = -1;
    for (let k = tops.length - 1; k >= 0; k--) {
      printed.forEach((c, n) => (sums[n] = sums[n].plus(a.value(rows[tops[k]], c) ?? ZERO)));
      if (k <= tops.length - 2 && printed.every((c, n) => sums[n].eq(a.num(rows[i], c)!.value))) {
        found = k;
        break;
      }
    }
    // With a line restating a total between (the rows closing the whole have begun), the row after it
    // totals the block totals after the one restated, checked whatever it casts to.
    const source = restated.length ? a.blocks.get(restated[restated.length - 1])!.members[0] : undefined;
    const after = source === undefined ? -1 : tops.findIndex((t) => t > source);
    const placed = found < 0 && after >= 0 && after <= tops.length - 2 && i === restated[restated.length - 1] + 1;
    if (found < 0 && !placed) break;
    const members = tops.slice(found >= 0 ? found : after);
    a.kinds[i] = 'total';
    const between = restated.length ? `, past ${restated.map((r) => `"${rows[r].label}"`).join(', ')} between` : '';
    const why = found >= 0 ? `its figures are the sum of the ${members.length} block totals above it (a total of the totals${between})`
      : `the total of the ${members.length} block totals after "${rows[source!].label}", printed under "${rows[restated[restated.length - 1]].label}" that restates it`;
    a.blocks.set(i, { members, why });
    a.totals.push({ row: a.rowNumber(rows[i]), label: rows[i].label, from: a.rowNumber(rows[members[0]]), to: a.rowNumber(rows[members[members.length - 1]]), why });
    // The balance directly under: the restated total less this one ("End of Year Position" = income − expenditure).
    const b = i + 1;
    const r = restated[restated.length - 1];
    if (r !== undefined && b < rows.length && free(b) && rows[b].r === rows[i].r + 1 && BALANCE_LINE.test(rows[b].label)) {
      const printedB = cols.filter((c) => a.num(rows[b], c) && a.num(rows[r], c) && a.num(rows[i], c));
      // income − expenditure, or the other way round when every column prints it so exactly
      const other = printedB.length > 0 && printedB.every((c) => a.num(rows[b], c)!.value.eq(a.num(rows[i], c)!.value.minus(a.num(rows[r], c)!.value))) &&
        !printedB.every((c) => a.num(rows[b], c)!.value.eq(a.num(rows[r], c)!.value.minus(a.num(rows[i], c)!.value)));
      if (printedB.length) {
        const [plus, minus] = other ? [i, r] : [r, i];
        a.kinds[b] = 'total';
        const whyB = `"${rows[plus].label}" less "${rows[minus].label}", the two rows directly above it (the balance of the whole)`;
        a.blocks.set(b, { members: [plus, minus], why: whyB, minus: new Set([minus]) });
        a.totals.push({ row: a.rowNumber(rows[b]), label: rows[b].label, from: a.rowNumber(rows[r]), to: a.rowNumber(rows[i]), why: whyB, less: [a.rowNumber(rows[minus])] });
      }
    }
    break;
  }
}

/** A row stating what is left once the whole is spent: "End of Year Position", "Surplus/(Deficit)", "Balance", "Net position". */
const BALANCE_LINE = /\b(end of (the )?year|year[- ]end|net|closing|final)\s+position\b|^\(?(surplus|deficit)\b|^balance\b|^(net\s+)?(surplus|deficit)\b/i;

/**
 * A line whose figures happen to equal the sum of the lines above it ("Increase in funding guarantee
 * (72); Increase in transfer to reserves 926; Net increase in the cost of service 854", Ashfield's
 * council tax changes) is taken as their sub-total by its arithmetic alone; a later total that adds it
 * disproves that when, with it read as a line, that total casts (exactly in one column at least, within
 * the rounding of the printed figures in every other) and does not as read. It is then a line of that
 * total, and the reading says no more of it.
 */
function coincidentSubtotals(a: Audit, cols: number[]): void {
  const rows = a.t.rows;
  const fits = (i: number, members: number[]): 'exact' | 'near' | 'off' => {
    let exact = 0;
    for (const c of cols) {
      const p = a.num(rows[i], c);
      if (!p) continue;
      let sum = ZERO;
      for (const m of members) {
        const v = a.value(rows[m], c);
        if (v === undefined) return 'off';
        sum = sum.plus(v);
      }
      const d = p.value.minus(sum);
      if (d.isZero()) exact++;
      else if (severityOf(d, p, members.map((m) => rows[m].cells.get(c))).severity !== 'warning') return 'off';
    }
    // within the rounding of the printed figures in every column, none exact: 'near' too, for a total of
    // ten lines or more (a long list of figures to one place: Hansard's police grant "English Total", T9-03)
    const printed = cols.filter((c) => a.num(rows[i], c)).length;
    return exact > 0 ? (exact === printed ? 'exact' : 'near') : printed > 0 && members.length >= 10 ? 'near' : 'off';
  };
  /** Per column row i prints: |printed − the members' sum| and whether that is within the rounding of the printed figures. */
  const misses = (i: number, members: number[]) => cols.filter((c) => a.num(rows[i], c)).map((c) => {
    let sum: Dec | undefined = ZERO;
    for (const m of members) {
      const v = a.value(rows[m], c);
      sum = v === undefined || sum === undefined ? undefined : sum.plus(v);
    }
    if (sum === undefined) return undefined;
    const d = a.num(rows[i], c)!.value.minus(sum);
    return { d: d.abs(), near: severityOf(d, a.num(rows[i], c)!, members.map((m) => rows[m].cells.get(c))).severity === 'warning' };
  });
  /**
   * A line equal to the one line directly above it in every column it prints (not all nil) is that line's
   * one-line sub-total ("Remeasurement of the net defined benefit liability (20,168)", then "Other
   * Comprehensive Income and Expenditure (20,168)", as every CIES prints it): when the total after them,
   * not casting as read, casts exactly in every column with the line left out and the total above its
   * block (in no block itself, directly above it) taken in — "Total Comprehensive Income and
   * Expenditure" = "(Surplus) or deficit on provision of services" + "Other Comprehensive Income and
   * Expenditure", T9-09 — it is read so. True when so read.
   */
  const oneLineSubtotal = (i: number, b: { members: number[]; why: string }): boolean => {
    const inBlock = new Set([...a.blocks.values()].flatMap((x) => x.members));
    const before = b.members[0] - 1;
    const wide = before >= 0 && a.blocks.has(before) && !inBlock.has(before) ? [before, ...b.members] : b.members;
    for (let n = 0; n + 1 < wide.length; n++) {
      const [x, y] = [wide[n], wide[n + 1]];
      if (y !== x + 1 || a.blocks.has(y) || a.blocks.has(x) || a.kinds[x] !== 'line' || a.kinds[y] !== 'line') continue;
      const printed = cols.filter((c) => a.num(rows[y], c));
      if (!printed.some((c) => !a.num(rows[y], c)!.value.isZero()) || !printed.every((c) => a.num(rows[x], c)?.value.eq(a.num(rows[y], c)!.value)) ||
        cols.some((c) => !a.num(rows[y], c) && a.num(rows[x], c))) continue;
      const members = wide.filter((m) => m !== x);
      // exact in one column at least of those the total prints a figure in (a dash under the gross columns
      // of a net-only row says nothing), and in none further out than as read (one figure of it wrong)
      const shown = cols.filter((c) => a.num(rows[i], c) && !a.num(rows[i], c)!.dash);
      const miss = (ms: number[], c: number) => {
        const sum = ms.reduce((t: Dec | undefined, m) => {
          const v = a.value(rows[m], c);
          return t === undefined || v === undefined ? undefined : t.plus(v);
        }, ZERO);
        return sum === undefined ? undefined : a.num(rows[i], c)!.value.minus(sum).abs();
      };
      const now = shown.map((c) => [miss(members, c), miss(b.members, c)] as const);
      if (!now.some(([x]) => x?.isZero()) || now.some(([x, y]) => x === undefined || (y !== undefined && x.gt(y)))) continue;
      a.kinds[y] = 'total';
      const why = 'its figures are those of the one line above it (a one-line sub-total)';
      a.blocks.set(y, { members: [x], why });
      a.totals.push({ row: a.rowNumber(rows[y]), label: rows[y].label, from: a.rowNumber(rows[x]), to: a.rowNumber(rows[x]), why });
      b.members.splice(0, b.members.length, ...members);
      const t = a.totals.find((q) => q.row === a.rowNumber(rows[i]));
      if (t) {
        t.from = a.rowNumber(rows[members[0]]);
        t.why = `labelled as a total: the total above ("${rows[members[0]].label}") and the one-line sub-total since it add up to it`;
        b.why = t.why;
      }
      return true;
    }
    return false;
  };
  const nearer = (i: number, after: number[], before: number[]) => {
    const [x, y] = [misses(i, after), misses(i, before)];
    if (x.some((q) => q === undefined) || y.some((q) => q === undefined)) return false;
    return x.every((q, n) => q!.d.lte(y[n]!.d)) && x.some((q) => q!.near) && !y.some((q) => q!.near);
  };
  for (const [i, b] of [...a.blocks]) {
    if (b.carried || b.minus?.size) continue;
    if (fits(i, b.members) !== 'off') continue;
    if (oneLineSubtotal(i, b)) continue;
    for (const m of b.members) {
      const mb = a.blocks.get(m);
      if (!mb || mb.minus?.size || mb.carried || !mb.why.startsWith('its figures are the sum of') || rows[m].bold || rows[m].ruled) continue;
      const expanded = b.members.flatMap((x) => (x === m ? [...mb.members, m] : [x]));
      // … or, when the sub-total itself does not cast in every column (a line equal to the two above it in
      // one column only: Hansard's "Sussex 155.2" = 63.4 + 91.8, 162.6 against 150.2), when read as a line it
      // leaves the total above no further out in any column and within rounding in one at least, while
      // now within rounding in none (another line of that total wrong as well, T9-03).
      if (fits(i, expanded) === 'off' && !(fits(m, mb.members) !== 'exact' && nearer(i, expanded, b.members))) continue;
      a.blocks.delete(m);
      a.kinds[m] = 'line';
      b.members.splice(0, b.members.length, ...expanded);
      const k = a.totals.findIndex((t) => t.row === a.rowNumber(rows[m]));
      if (k >= 0) a.totals.splice(k, 1);
      break;
    }
  }
}

/** A line of spending: "Authority operating expenditure", "Gross expenditure", "Running costs", "Payments". */
const SPENDING_LINE = /\bexpenditure\b|\bspend(ing)?\b|\bcosts?\b|\bpayments\b/i;
/** A line of income: "Authority operating income", "Fees and charges income", "Receipts". */
const INCOME_LINE = /\bincome\b|\breceipts\b/i;
/** A line netting what is above it: "Net service operating costs", "Net expenditure (spending minus income)". */
const NET_LINE = /^\s*net\b|\bminus\b/i;

/**
 * Income lines printed unsigned between a spending line and a net line (a levying body's statement:
 * "Authority operating expenditure £15.5m / Authority operating income £7.3m / Net service operating
 * costs £8.2m", Lee Valley Regional Park Authority, T9-12): the net line is the spending less the
 * income, as a "Less" line is subtracted, though no word or bracket says so. Only lines whose every
 * figure is printed positive (a bracketed income is already signed), labelled as income and not as
 * spending, in a run directly under a line labelled as spending (not as income) and directly over a
 * row whose label nets ("Net …", "… minus …"). The worded reading is then tried beside the plain sum
 * (see wordedHolds): the net line is taken as that difference only when its figures say so.
 */
function incomeLessened(a: Audit, rows: readonly TableRow[], kinds: readonly Kind[], cols: readonly number[]): Set<number> {
  const out = new Set<number>();
  const isIncome = (m: number) => kinds[m] === 'line' && INCOME_LINE.test(rows[m].label) && !SPENDING_LINE.test(rows[m].label) && !NET_LINE.test(rows[m].label) &&
    cols.some((c) => a.num(rows[m], c)) && cols.every((c) => !(a.value(rows[m], c) ?? ZERO).isNegative());
  for (let i = 1; i < rows.length; i++) {
    if (!isIncome(i) || isIncome(i - 1)) continue;
    const spend = rows[i - 1];
    if (kinds[i - 1] !== 'line' || !SPENDING_LINE.test(spend.label) || INCOME_LINE.test(spend.label) || NET_LINE.test(spend.label)) continue;
    let j = i;
    while (j + 1 < rows.length && isIncome(j + 1)) j++;
    if (j + 1 >= rows.length || !NET_LINE.test(rows[j + 1].label) || INCOME_LINE.test(rows[j + 1].label.replace(/\bminus\s+income\b/i, ''))) continue;
    for (let m = i; m <= j; m++) out.add(m);
  }
  return out;
}

/**
 * One pass of readTotals down the rows: the state between rows (the stack of rows not yet totalled
 * with its running sums, the headings seen, where the current block starts) and one method per
 * decision. Positions k are indices into the stack (`s.stack`), rows i indices into `a.t.rows`.
 */
class TotalsReader {
  private readonly rows: TableRow[];
  private readonly kinds: Kind[];
  /** the kinds as classify gave them, before any line was read as a total by its arithmetic */
  private readonly firstKinds: Kind[];
  /** the table's columns of money (grid indices): the columns a total is cast in */
  readonly cols: number[];
  private readonly s: RunningSums;
  /** In a table that prints its totals bold, a row that is not bold is not a total by arithmetic alone. */
  private readonly anyBold: boolean;
  /** each heading seen, by its name (nameOf) and the stack position its block starts at */
  private readonly headings: { name: string; pos: number; i: number }[] = [];
  /** the stack position the current block starts at: after the last heading or total */
  private narrowFrom = 0;
  /**
   * the stack position the current section starts at: after the last heading (0 before any). A run
   * from k ≥ sectionFrom crosses no heading; a total that adds rows from above it moves it down.
   */
  private sectionFrom = 0;
  /**
   * the stack position after the last "Financed by:" heading (0 before any): a row is not taken as a
   * total by its arithmetic alone across it (what finances a total is not added to it: the two tie,
   * see financedTies); labelled rows still may ("Balance required from the Precept" = the total above
   * less its funding)
   */
  private financedFrom = 0;
  /** past a revenue table's TOTAL/NET UNDERSPEND: no line there is read as a total by its arithmetic */
  private tail = false;
  /** rows labelled as totals with nothing above them: tried as totals printed above their lines after the pass */
  readonly above: number[] = [];
  /**
   * The running sums with the lines that say in words they are subtracted ("Less …", or under a
   * "Less:" heading) taken with the other sign; undefined when no row says so. Kept in step with `s`.
   */
  private readonly w?: RunningSums;
  /** under a heading "Less: …" since the last total: its lines are subtracted in `w` */
  private underLess = false;
  /** the rows `w` holds with the other sign */
  private readonly negs = new Set<number>();
  /** the total being pushed closes lines all subtracted in words ("Less: … Total income"): it is subtracted in `w` too */
  private pushNeg = false;
  /** a total read so far adds the total above it (a running statement: see runsOn) */
  private running = false;
  /** the row a refused balancing reading leaves as the running total of the stack from k (see runsOnBelow) */
  private runningBelow?: { i: number; k: number; line: number };

  /** per row index, the unit the table's unit column prints on it (see unitsByRow); undefined: no unit column */
  readonly rowUnits?: ReadonlyMap<number, string>;
  /** the unit of the last row read that prints one */
  private lastUnit?: string;
  /** the stack position since which every row prints the current unit (0: the table's start) */
  private unitFrom = 0;

  constructor(
    private readonly a: Audit,
    /** the total the table above on the same sheet ends with, when there is one (see carriedOn) */
    private readonly carried?: TableRow,
  ) {
    this.rows = a.t.rows;
    this.rowUnits = unitsByRow(a);
    this.kinds = a.kinds;
    this.firstKinds = [...a.kinds];
    // A column of figures per head or per unit neither finds nor vetoes a total (it adds only when every
    // row shares one population: T9-14); cast like the others once the totals are read (castBlocks).
    const all = moneyCols(a.t);
    const amounts = all.filter((c) => !RATIO_CAPTION.test(a.col(c).caption));
    this.cols = amounts.length ? amounts : all;
    this.s = new RunningSums(a, this.cols);
    const income = incomeLessened(a, this.rows, this.kinds, this.cols);
    if (income.size || this.rows.some((r) => LESS.test(r.label))) {
      this.w = new RunningSums(a, this.cols, (i) => {
        const neg = this.pushNeg || (this.kinds[i] === 'line' && (this.underLess || LESS.test(this.rows[i].label) || income.has(i)));
        if (neg) this.negs.add(i);
        return neg;
      });
    }
    this.anyBold = boldMarksTotals(a, this.rows, this.cols);
  }

  /** Reads row i by its kind (as kinds.ts gave it): a heading opens a block, a line may close one by its arithmetic or label, a labelled total closes one. */
  read(i: number): void {
    const k0 = this.kinds[i];
    // A row printing another unit in the table's unit column ("£m" under rows of "%") adds nothing above
    // it: a block of its own starts (a prudential indicators summary, T12-01).
    const u = this.rowUnits?.get(i);
    if (u !== undefined) {
      if (this.lastUnit !== undefined && u !== this.lastUnit) {
        this.narrowFrom = this.s.top;
        this.sectionFrom = this.s.top;
        this.unitFrom = this.s.top;
      }
      this.lastUnit = u;
    }
    if (k0 === 'total_underspend' || k0 === 'net_underspend') this.tail = true;
    if (k0 === 'heading') this.readHeading(i);
    else if (k0 === 'line') this.readLine(i);
    else if (k0 === 'subtotal' || k0 === 'total') this.readLabelledTotal(i, k0);
  }

  // ---- shared steps ----

  /** Row i, a total already read (printed above its lines: see hierarchyAbove), stands on the stack for its lines. */
  standsFor(i: number): void {
    this.push(i);
  }

  /** Puts row i on the stack of rows not yet totalled (both readings). */
  private push(i: number): void {
    this.s.push(i);
    this.w?.push(i);
  }

  /**
   * The worded reading of the run from k holds when it subtracts a line the plain one adds, and every
   * such line prints its figures positive (a "Less:" line printed in brackets is already negative: the
   * words add nothing, and a bracketed one among positive ones is a sign to check, not a convention).
   * `loose`, for a row placed as a total and checked whatever it casts to: most of the figures of those
   * lines printed positive (the bracketed one among them is then the figure the cast finds wrong).
   */
  private wordedHolds(k: number, loose = false): boolean {
    const { a, rows, cols, s } = this;
    const all = s.stack.slice(k).filter((m) => this.negs.has(m));
    if (!all.length) return false;
    // A line whose label names both directions ("Less: Collection Fund surplus/(deficit)") prints either
    // sign: subtracted as printed, a deficit in brackets is added; it says nothing about the convention.
    const neg = all.filter((m) => !TWO_WAY.test(rows[m].label));
    if (!neg.length) return true;
    if (!loose) return neg.every((m) => cols.every((c) => !(a.value(rows[m], c) ?? ZERO).isNegative()));
    // Loose (a row placed as a total, checked whatever it casts to): most of those lines' figures
    // positive; a bracketed one among them is then the figure to check, found by the cast.
    let plus = 0;
    let minus = 0;
    for (const m of neg) for (const c of cols) {
      const v = a.value(rows[m], c);
      if (v === undefined || v.isZero()) continue;
      if (v.isNegative()) minus++;
      else plus++;
    }
    return plus > minus;
  }

  /**
   * The run from k starts at a total, in a table whose totals run on from each other (a total read so
   * far adds the total above it and the lines since: a running statement): a row that casts as such a
   * running total is placed as one.
   */
  private runsOn(k: number): boolean {
    const { a, s } = this;
    if (!this.running || k >= s.top || !a.blocks.has(s.stack[k])) return false;
    return true;
  }

  /** The rows of the run from k that the worded reading subtracts. */
  private wordedMinus(k: number): Set<number> {
    return new Set(this.s.stack.slice(k).filter((m) => this.negs.has(m)));
  }

  /** The row's printed figures in the columns of money: [column index j into cols, figure]. */
  private printedCols(row: TableRow): readonly (readonly [number, Num])[] {
    if (row === this.printedRow) return this.printed;
    // A column some cell of which prints its other figure alone (the £ of "9.74%" among "2.99%/£41.05",
    // see withTwoFigures) cannot show a total by its arithmetic: it neither votes nor counts against.
    this.partly ??= new Set(this.cols.map((c, j) => (this.a.t.rows.some((r) => { const x = r.cells.get(c); return x?.kind === 'text' && x.alone; }) ? j : -1)).filter((j) => j >= 0));
    const out: (readonly [number, Num])[] = [];
    for (let j = 0; j < this.cols.length; j++) {
      if (this.partly.has(j)) continue;
      const x = this.a.num(row, this.cols[j]);
      if (x !== undefined) out.push([j, x]);
    }
    this.printedRow = row;
    this.printed = out;
    return out;
  }
  /** the columns (indices into cols) that print one of two figures alone on some row (see printedCols) */
  private partly?: Set<number>;
  /** printedCols of the row asked about last (each reading of a row asks several times; its figures do not change during the pass) */
  private printedRow?: TableRow;
  private printed: readonly (readonly [number, Num])[] = [];
  /** OPENS or CLOSES_FIRMLY says so of row m's label: asked of each row on the stack by every total after it, so remembered */
  private opensOrCloses(m: number): boolean {
    return (this.balanceRows[m] ??= OPENS.test(this.rows[m].label) || CLOSES_FIRMLY.test(this.rows[m].label));
  }
  private readonly balanceRows: boolean[] = [];

  /**
   * The column (index into cols) the row's figure in column j adds for the run from k: j, or in a
   * stepped layout the nearest column to its left the run prints in, when the row's figure is not nil
   * and prints nothing there or the same figure (carried out). See steppedFrom.
   */
  private stepped(row: TableRow, j: number, k: number): number {
    const own = this.a.num(row, this.cols[j]);
    if (!own) return j;
    const l = this.s.stepped(j, k);
    if (l === j) return j;
    const inner = this.a.num(row, this.cols[l]);
    // A nil sub-total steps out too, when the row prints nothing in the inner column (see steppedFrom).
    return !inner || (!own.value.isZero() && inner.value.eq(own.value)) ? l : j;
  }

  /** How the run of the stack from position k to the top casts to the row's printed figures. */
  private score(row: TableRow, k: number, sums = this.s): Score {
    const sc: Score = { exact: 0, near: 0, printed: 0 };
    for (const [j, p] of this.printedCols(row)) {
      sc.printed++;
      const v = sums.compare(this.stepped(row, j, k), k, p);
      // A nil total figure says nothing about which rows a total adds: neither nil = nil, nor a nil
      // within the rounding of a few small lines (a near-nil sum further up must not outvote exact figures)
      // — unless it is exactly the sum of three figures or more that are not nil (a balanced budget's
      // surplus: −21,020 + 6,395 + 13,425 + 1,200 = 0). Two that cancel say nothing: a transfer between
      // two reserves nets to nil (583,632 out of one, into another), whatever rows a total adds (the
      // 10,000-case round trip's case 5788: "Total Non-useable" read as a total from the general reserve).
      if (p.value.isZero()) {
        if (v === 'exact' && this.nonNilIn(j, k, sums) >= 3) sc.exact++;
        continue;
      }
      if (v === 'exact') sc.exact++;
      else if (v === 'near') sc.near++;
    }
    return sc;
  }

  /** In how many columns the rows of the stack from position k up to (not including) l print a figure that is not nil. */
  private printingCols(k: number, l: number): number {
    const { a, rows, cols, s } = this;
    return cols.filter((c) => s.stack.slice(k, l).some((m) => !(a.value(rows[m], c) ?? ZERO).isZero())).length;
  }

  /** How many rows of the stack from k print a figure that is not nil in column j (counted up to 3). */
  private nonNilIn(j: number, k: number, sums: RunningSums): number {
    let n = 0;
    for (let q = sums.top - 1; q >= k && n < 3; q--) if (!(this.a.value(this.rows[sums.stack[q]], this.cols[j]) ?? ZERO).isZero()) n++;
    return n;
  }

  /** The last row of its block: the table's last row, or the row before a heading or a blank line. */
  private endsBlock(i: number): boolean {
    const rows = this.rows;
    return i === rows.length - 1 || this.kinds[i + 1] === 'heading' || rows[i + 1].r > rows[i].r + 1;
  }

  /**
   * The last row of its block but for memo rows under it (the tax base and the Band D charge under
   * "Amount raised from Council Tax", read as memo rows: they are no lines of the block).
   */
  private endsBlockBeforeMemos(i: number): boolean {
    let j = i;
    const memo = (k: number) => this.kinds[k] === 'memo' || MEMO_LABEL.test(this.rows[k].label);
    while (j + 1 < this.rows.length && memo(j + 1) && this.rows[j + 1].r === this.rows[j].r + 1) j++;
    return this.endsBlock(j);
  }

  /**
   * Starts k of runs of at least `least` rows that sum exactly to the row's figures, with the number of
   * its (non-nil) columns that vote for each: most votes first, then the longest run.
   */
  private voted(row: TableRow, least: number, sums = this.s): { k: number; votes: number }[] {
    let votes: Map<number, number> | undefined;
    for (const [j, p] of this.printedCols(row)) {
      if (p.value.isZero()) continue;
      const direct = sums.startsFor(j, p, sums.top - least);
      // A stepped layout: the run prints nothing in this column, and the column to its left adds up to it.
      const left = j > 0 ? sums.startsFor(j - 1, p, sums.top - least) : NONE;
      if (!direct.length && !left.length) continue;
      const ks = new Set(direct);
      for (const k of left) if (this.s.stepped(j, k) === j - 1) ks.add(k);
      votes ??= new Map();
      for (const k of ks) votes.set(k, (votes.get(k) ?? 0) + 1);
    }
    if (!votes) return [];
    return [...votes.entries()].filter(([k]) => k >= this.financedFrom).map(([k, v]) => ({ k, votes: v })).sort((x, y) => y.votes - x.votes || x.k - y.k);
  }

  /**
   * Row i closes the stack from position k: records the block (a.blocks) and the reading (a.totals,
   * with `why`), then the total stands for its lines on the stack and a new block starts after it.
   */
  private take(i: number, k: number, why: string, minus?: ReadonlySet<number>, carried?: Block['carried']): void {
    const { a, rows, s } = this;
    const members = s.truncate(k);
    this.w?.truncate(k);
    if (members.length > 1 && a.blocks.has(members[0])) this.running = true;
    if (k < this.sectionFrom) this.sectionFrom = k;
    const taken = minus && members.some((m) => minus.has(m)) ? new Set(members.filter((m) => minus.has(m))) : undefined;
    a.blocks.set(i, { members, why, ...(taken ? { minus: taken } : {}), ...(carried ? { carried } : {}) });
    const first = carried?.row ?? rows[members[0]];
    const last = rows[members[members.length - 1]];
    a.totals.push({ row: a.rowNumber(rows[i]), label: rows[i].label, from: a.rowNumber(first), to: a.rowNumber(last), why, ...(taken ? { less: [...taken].map((m) => a.rowNumber(rows[m])) } : {}) });
    this.underLess = false;
    this.pushNeg = !taken && !carried && members.every((m) => this.negs.has(m));
    this.push(i);
    this.pushNeg = false;
    this.narrowFrom = s.top;
  }

  /** Row i becomes a total of the stack from k (less the rows in `minus`). */
  private takeAsTotal(i: number, k: number, why: string, minus?: ReadonlySet<number>, carried?: Block['carried']): true {
    this.kinds[i] = 'total';
    this.take(i, k, why, minus, carried);
    return true;
  }

  // ---- headings ----

  /** A heading: remembered by name (a total repeating it closes its block) and a new block starts (a new section too, unless it says "Less:" or "Add:"). */
  private readHeading(i: number): void {
    this.underLess = LESS.test(this.rows[i].label);
    this.headings.push({ name: nameOf(this.rows[i].label), pos: this.s.top, i });
    this.narrowFrom = this.s.top;
    // A heading that deducts from or adds to what is above it ("Less: Central Government Support")
    // carries on the reckoning above: no new section (a firmly labelled total below it may close the
    // whole run, and is checked however far out).
    if (!ADJUSTS.test(this.rows[i].label)) this.sectionFrom = this.s.top;
    if (FINANCED_BY.test(this.rows[i].label.trim())) this.financedFrom = this.s.top;
  }

  // ---- lines: a total by arithmetic or by where and how it is printed ----

  /**
   * A row kinds.ts read as a line: a total if one of the four readings below says so (tried in this
   * order), else a line on the stack. Never an opening balance, nothing after TOTAL UNDERSPEND, and in
   * a table that prints its totals bold only a bold row or one labelled as closing a block.
   */
  private readLine(i: number): void {
    const row = this.rows[i];
    const opens = !this.tail && OPENS.test(row.label);
    const closes = !this.tail && (CLOSES.test(row.label) || row.ruled === true) && !opens;
    const mayClose = !this.tail && !opens && (!this.anyBold || row.bold || closes);
    const rb = this.runningBelow;
    if (rb && rb.i === i && this.s.stack[this.s.top - 1] === rb.line) {
      this.runningBelow = undefined;
      return void this.takeAsTotal(i, rb.k, `the running total of "${this.rows[this.s.stack[rb.k]].label}" and the lines since, nil where they net to nil`);
    }
    // A block that balances (or carries on) exactly in every column comes before a sum that casts in all but one.
    if (mayClose && (this.nilOfItsBlock(i) || this.carriedOn(i, true) || this.balancing(i, true) || this.byArithmetic(i, closes) || this.carriedOn(i) || this.balancing(i) || this.sameLinesOtherColumns(i, closes) || this.surplusOfRun(i) || this.oneLineBlock(i, closes) || this.labelledClosing(i, closes) ||
      this.lessBuildUp(i) || this.datedBalance(i) || this.placedAtEnd(i, closes) || this.steppedOut(i) || this.runningAtEnd(i, closes) || this.gapLeft(i) || this.subtotalLeftOut(i) ||
      this.subtotalStandsIn(i) || this.totalOfTotalsAtEnd(i) || this.nearAtEnd(i, closes, opens))) return;
    this.push(i);
  }

  /**
   * A build-up its labels state, whatever its figures: a first line, one line or more each labelled
   * "Less …" ("Deduct …") and printed positive (or nil; one printed with a minus among them is less a
   * negative) or all printed with a minus (taken as printed: Cambridgeshire PCC's "Deduct grant money
   * -£1,223,000", T13-03), then
   * a row whose label says it is what remains ("Amount to be financed by council tax", "… to be raised",
   * "Balance", "Net …", "Equals …", or a closing label: RESULT_WORD): that row is the first line less the
   * others. Tried after every reading by arithmetic, so a clean build-up is
   * read as before; one whose figure is wrong is still read so, and the figure found (Derbyshire County
   * Council's council tax calculation, one column: any figure changed by 0.1 had made it "no table to
   * audit", exit 2; session-11 trial T11-61).
   */
  private lessBuildUp(i: number): boolean {
    const { a, rows, cols, s, narrowFrom } = this;
    const row = rows[i];
    if (s.top - narrowFrom < 2 || !row.label || LESS.test(row.label) || OPENS.test(row.label)) return false;
    if (!CLOSES.test(row.label) && !RESULT_WORD.test(row.label)) return false;
    const lines = s.stack.slice(narrowFrom);
    const [first, ...less] = lines;
    // of one "Less" line, the row says in words that it is what remains ("NET …", "Equals …"), not merely closing
    if (less.length === 1 && !RESULT_WORD.test(row.label)) return false;
    if (LESS.test(rows[first].label) || !rows[first].label) return false;
    if (!less.every((m) => this.kinds[m] === 'line' && !a.blocks.has(m) && LESS.test(rows[m].label))) return false;
    if (!this.printedCols(row).length) return false;
    const positive = less.some((m) => cols.some((c) => (a.value(rows[m], c) ?? ZERO).isPositive()));
    const negative = less.filter((m) => cols.some((c) => (a.value(rows[m], c) ?? ZERO).isNegative())).length;
    if (!positive && !negative) return false;
    // "Less" lines printed positive (one at least): each subtracted, one printed with a minus among them
    // less a negative, added back ("Less Collection Fund Deficit -0.197", T13-50), as the words say; all
    // printed with a minus ("Deduct grant money -£1,223,000", T13-03): the word and the sign say it once,
    // added as printed
    const minus = positive ? new Set(less) : new Set<number>();
    const how = positive
      ? `less the ${less.length} line(s) labelled "Less" and printed positive under it (${less.map((m) => rows[m].label).join('; ')})${negative ? ` — ${negative} of them printed with a minus, less a negative, added back` : ''}`
      : `and the ${less.length} line(s) labelled "Less" and printed with a minus under it, added as printed (${less.map((m) => rows[m].label).join('; ')})`;
    return this.takeAsTotal(i, narrowFrom, `by its labels: "${rows[first].label}" ${how}, closed by "${row.label}"`, minus);
  }

  /**
   * A row with no label printing nil in two columns or more, at the end of its block, under two lines
   * or more since the last heading or total that net to nil in every column (some of them not nil):
   * that block's sub-total, printed nil ("Project costs 1,141,000 / Project costs recovered
   * (1,141,000)" and a row of zeros, then the heading "Overheads": T10-06, Cairngorms NPA) — never a
   * line of nils the next block's sub-total swallows.
   */
  private nilOfItsBlock(i: number): boolean {
    const { a, rows, cols, s, narrowFrom } = this;
    const row = rows[i];
    if (row.label || s.top - narrowFrom < 2 || !this.endsBlock(i)) return false;
    const printed = this.printedCols(row);
    if (printed.length < 2 || printed.some(([, p]) => !p.value.isZero())) return false;
    const lines = s.stack.slice(narrowFrom);
    if (lines.some((m) => this.kinds[m] !== 'line' || a.blocks.has(m))) return false;
    let shown = 0;
    for (const c of cols) {
      let sum = ZERO;
      for (const m of lines) {
        const v = a.value(rows[m], c);
        if (v === undefined) return false;
        if (!v.isZero()) shown++;
        sum = sum.plus(v);
      }
      if (!sum.isZero()) return false;
    }
    if (shown < 2) return false;
    return this.takeAsTotal(i, narrowFrom, `no label, printed nil at the end of its block: the ${lines.length} rows above it net to nil in every column (a block that nets to nil, closed by its sub-total)`);
  }

  /** How many of row's printed figures (not nil) equal the sum of the run from stack position k exactly or within the rounding of its figures. */
  private castsOrNear(row: TableRow, k: number, sums: RunningSums): number {
    return this.printedCols(row).filter(([j, p]) => {
      if (p.value.isZero()) return false;
      const x = sums.compare(this.stepped(row, j, k), k, p);
      return x === 'exact' || x === 'near';
    }).length;
  }

  /**
   * A total by its arithmetic: every printed figure (or most of them, two at least) equals the sum of
   * the same run of two or more rows above, and the run is not all nil. A row placed as a total
   * (labelled as closing a block, unlabelled, closing its block, or directly above a "Less: …" or
   * "Add: …" line), or running on from a total in a running statement, whose figures cast in every
   * column but one is a total with one wrong figure: the cast finds it; so is a row of two figures
   * one of which casts, wherever it stands.
   */
  private byArithmetic(i: number, closes: boolean): boolean {
    const { a, rows, cols, s } = this;
    const row = rows[i];
    // No run of two rows or more sums to any of its figures (the common line; nil figures never vote): no reading below holds.
    if (!this.voted(row, 2, s).length && (!this.w || !this.voted(row, 2, this.w).length)) return false;
    const n = this.printedCols(row).filter(([, p]) => !p.value.isZero()).length;
    if (n === 0) return false;
    // … or directly above lines that deduct from or add to it ("Gross Expenditure" above "Less: Fees and Charges").
    const placedAsTotal = closes || !row.label || this.endsBlock(i) || ADJUSTS.test(rows[i + 1]?.label ?? '');
    // A row of two figures, one of them exactly the sum of a run of two or more figures that are not
    // nil, is that run's total with its other figure wrong, wherever it stands ("Total corporate
    // budgets" mid-table, one of its lines 100 £m out in one year): a line equal to such a run by
    // chance in one of two columns is not seen in any real table of the corpora (compared on all of them).
    // The columns that agree must each add two figures that are not nil: a nil line makes any
    // figure "the sum" of it and the next (a reconciliation's difference row is no total).
    const solid = (k: number, sums: RunningSums) => this.printedCols(row).every(([j, p]) => !sums.sumFrom(j, k)?.eq(p.value) ||
      s.stack.slice(k).filter((m) => !(a.value(rows[m], cols[j]) ?? ZERO).isZero()).length >= 2);
    // (the same, its nil figures aside: a "-" where the rows print "-" says nothing either way)
    const solidNonNil = (k: number, sums: RunningSums) => this.printedCols(row).every(([j, p]) => p.value.isZero() || !sums.sumFrom(j, k)?.eq(p.value) ||
      s.stack.slice(k).filter((m) => !(a.value(rows[m], cols[j]) ?? ZERO).isZero()).length >= 2);
    // … or printed one column out from the rows it adds, as a stepped layout prints its sub-totals.
    const stepsOut = (k: number) => this.printedCols(row).some(([j, p]) => !p.value.isZero() && j > 0 && s.stepped(j, k) === j - 1);
    const nonNil = (k: number) => s.stack.slice(k).filter((m) => cols.some((c) => !(a.value(rows[m], c) ?? ZERO).isZero())).length;
    // … or exact in every column but one, that one within the rounding of the figures it adds: a
    // sub-total with no total word whose rounding shows in one year ("Expenditure before contributions
    // to/from reserves": 59,032 − 40,482 = 18,550; 59,443 − 40,899 = 18,544, printed 18,545).
    const roundedInRest = (k: number, sums: RunningSums) => this.printedCols(row).every(([j, p]) => p.value.isZero() || sums.compare(this.stepped(row, j, k), k, p) === 'exact' || sums.compare(this.stepped(row, j, k), k, p) === 'near');
    // The plain sum, else (with more columns agreeing) the lines said in words to be subtracted taken so.
    const readings = [this.s, ...(this.w ? [this.w] : [])].map((sums) => {
      const vs = this.voted(row, 2, sums);
      let best = vs[0];
      const agrees = best !== undefined && (best.votes === n || (best.votes >= 2 && best.votes * 2 > n) ||
        (n >= 2 && best.votes === n - 1 && solid(best.k, sums) && (placedAsTotal || stepsOut(best.k) || this.runsOn(best.k) || roundedInRest(best.k, sums))) ||
        // three figures or more, one exact and every other within the rounding of the figures it adds:
        // an EFA's "Surplus on provision of services" = Net cost of services + other income and
        // expenditure, 220 exact, 5,618 and 5,838 each 1 off the £000 figures (T9-21)
        (n >= 3 && best.votes >= 1 && solidNonNil(best.k, sums) && roundedInRest(best.k, sums)) ||
        // placed as a total, four figures or more, two exact at least and more than half exact or within
        // the rounding of the figures they add: a total with columns wrong beyond rounding, which the cast
        // then finds (Carmarthenshire's budget digest 2012-15, "Departmental Expenditure": 5 of 12 columns
        // exact, 5 a unit off the £'000 lines, 2012-13 gross and income both 79 out; T12-50)
        (placedAsTotal && n >= 4 && best.votes >= 2 && solidNonNil(best.k, sums) && this.castsOrNear(row, best.k, sums) * 2 > n)) && nonNil(best.k) >= 2;
      if (agrees) return { best, sums };
      if (n !== 2 || best === undefined || best.votes !== 1) return undefined;
      // Of two figures, one exact: the run it shows is the tightest (rows above it printing nothing in
      // that column add nothing to it), never one reaching up to a figure printed only in the other.
      best = vs.filter((v) => v.votes === 1).reduce((x, y) => (y.k > x.k ? y : x));
      return solid(best.k, sums) && nonNil(best.k) >= 2 ? { best, sums } : undefined;
    // A "Less" line printed with a minus among "Less" lines printed positive is less a negative ("Less
    // Collection Fund Deficit -0.197" under seven positive "Less" grants: added back, T13-50, Lancashire
    // CC's council tax build-up 2021/22): the words taken so hold when they cast EXACTLY in every column.
    }).filter((x) => x !== undefined && (x.sums === s || this.wordedHolds(x.best.k) || (x.best.votes === n && this.wordedHolds(x.best.k, true))));
    if (!readings.length) return false;
    const { best: voted, sums } = readings.reduce((x, y) => (y!.best.votes > x!.best.votes ? y : x))!;
    // A run starting at a sub-total printed nil (a block that nets to nil, closed above: T10-06) starts after it:
    // it adds nothing, and the block this row closes is the one after it.
    let best = voted;
    while (best.k < s.top - 2 && a.blocks.has(s.stack[best.k]) && cols.every((c) => (a.value(rows[s.stack[best.k]], c) ?? ZERO).isZero())) best = { ...best, k: best.k + 1 };
    if (sums === s) return this.takeAsTotal(i, best.k, `its figures are the sum of the ${s.top - best.k} rows above it${row.label ? '' : ' (no label)'}`);
    const minus = this.wordedMinus(best.k);
    const negative = [...minus].filter((m) => cols.some((c) => (a.value(rows[m], c) ?? ZERO).isNegative())).length;
    return this.takeAsTotal(i, best.k, `its figures are the ${s.top - best.k} rows above it, less the ${minus.size} line(s) printed positive under "Less" (${[...minus].map((m) => rows[m].label).join('; ')})${negative ? ` — ${negative} of them printed with a minus, less a negative, added back` : ''}${row.label ? '' : ' (no label)'}`, minus);
  }

  /**
   * A block carried on from the table above on the same sheet (a budget, then "Where the money comes
   * from" under a blank line, a heading and a header of its own): the first total of this table, at
   * the end of its block with only lines above it, is the total printed at the foot of the table above
   * ± the lines since — a running total ("Total net expenditure 124.957; Formula funding (72.875);
   * … Council tax requirement 52.301") — or, its figures printed with that total's sign, the balancing
   * source: that total less the other sources ("Net Revenue Budget 310.406; Financed by: … Council Tax
   * Requirement 183.695"). Exact in every column it prints (nil aside), that total printing a figure
   * in each: said in a note, then cast so.
   */
  private carriedOn(i: number, strict = false): boolean {
    const { a, rows, cols, s, carried } = this;
    if (!carried || a.blocks.size > 0 || s.top < 1 || !this.endsBlockBeforeMemos(i) || s.stack.some((m) => this.kinds[m] !== 'line')) return false;
    const printed = this.printedCols(rows[i]).filter(([, p]) => !p.value.isZero());
    if (!printed.length || printed.some(([j]) => !a.num(carried, cols[j]))) return false;
    const firm = CLOSES_FIRMLY.test(rows[i].label);
    // Per column: 'exact' when the figure reads so, 'signs' when only the signs say so (balancing forms), else undefined.
    const holds = (f: 'runs' | 'funds' | 'nets', j: number, p: Num): 'exact' | 'signs' | undefined => {
      const c = a.num(carried, cols[j])!.value;
      const sum = s.sumFrom(j, 0);
      if (sum === undefined || c.isZero()) return undefined;
      // Lines that add up to the total above are its sources, not changes to it: their total is no running one (it would double it).
      // A firmly closing label ("Council Tax Requirement") may run on with one figure wrong: within half its size, two columns at least (see below).
      if (f === 'runs') return sum.eq(c) ? undefined : c.plus(sum).eq(p.value) ? 'exact' : firm && c.plus(sum).minus(p.value).abs().lt(p.value.abs().div(2)) ? 'signs' : undefined;
      if (f === 'funds') return !c.minus(sum).eq(p.value) ? 'signs' : c.isNegative() === p.value.isNegative() ? 'exact' : undefined;
      // … or every source, this one too, printed with the other sign: the total above and its sources net to nil.
      const srcs = s.stack.map((m) => a.value(rows[m], cols[j]) ?? ZERO).filter((v) => !v.isZero());
      if (s.top < 2) return undefined;
      if (!c.plus(sum).neg().eq(p.value)) return 'signs';
      return c.isNegative() !== p.value.isNegative() && srcs.every((v) => v.isNegative() !== c.isNegative()) ? 'exact' : undefined;
    };
    // Exact in every column, or — a balancing form, two columns or more — in all but one, whose signs still say so (that figure is then wrong).
    const form = (['runs', 'funds', 'nets'] as const).find((f) => {
      const h = printed.map(([j, p]) => holds(f, j, p));
      const exact = h.filter((x) => x === 'exact').length;
      return !h.includes(undefined) && (exact === h.length || (!strict && (f !== 'runs' || firm) && h.length >= 2 && exact === h.length - 1));
    });
    if (!form) return false;
    const runs = form === 'runs';
    const funds = form === 'funds';
    const nets = form === 'nets';
    const row = rows[i];
    const whose = carried.rAt
      ? `${carried.label}, the totals printed at the foot of the tables above, each of its year`
      : `"${carried.label || 'the total'}" (row ${a.rowNumber(carried)}), the total printed at the foot of the table above`;
    const why = runs
      ? `carried on from ${whose}: that total ± the ${s.top} line(s) since (a running total across the heading)`
      : funds
      ? `the balancing source: ${whose} less the ${s.top} other source(s) printed with its sign (the sources add up to that total)`
      : `the balancing figure: with it ${whose} and the ${s.top} other source(s), all printed with the other sign, net to exactly nil`;
    a.note(row, a.t.labelCol, runs ? 'cast.carried' : 'cast.balancing', `"${row.label || 'row ' + a.rowNumber(row)}" is read as ${why}`);
    return this.takeAsTotal(i, 0, why, runs ? undefined : new Set(s.stack), { row: carried, sign: nets ? -1 : 1 });
  }

  /**
   * A balancing figure at the end of its block: a requirement (the first line of the block, or the
   * total the lines since it follow) and the sources that fund it, the last of them the one that makes
   * the block net to exactly nil — every source printed with the other sign ("Gross expenditure 98.3;
   * (11.8) … Council tax requirement (61.8)": it is minus the rest), or every source with the
   * requirement's sign ("Net budget requirement 491.9; Revenue Support Grant 93.2 … Council tax payer
   * 265.1": it is the requirement less the rest). Exact in every column it prints (nil aside), with two
   * or more other sources, and a label of the requirement or the figure naming money raised or spent
   * (requirement, expenditure, budget, council tax, precept, funding). A total printed with the other
   * sign of its own lines is not this: the sources' signs must say so. Said in a note, then cast so.
   */
  private balancing(i: number, strict = false): boolean {
    const { a, rows, cols, s, narrowFrom } = this;
    const row = rows[i];
    if (!this.endsBlock(i)) return false;
    const printed = this.printedCols(row).filter(([, p]) => !p.value.isZero());
    if (!printed.length) return false;
    const MONEY = /requirement|expenditure|budget|council tax|precept|\blev(y|ies)\b|fund|financ/i;
    // The requirement: the first line of the block, or the row just above it (a total, or a requirement line above a heading "Financed by:").
    // One other source is enough when the row names what is raised (a levy, a precept, council tax) and the
    // requirement is a total read as such ("Total net expenditure 11.1; Net use of reserves (0.5); Total Levy
    // (10.6)", as levying bodies print their budgets on billing councils' pages: session-8 trial T8-11).
    const raises = RAISED.test(row.label) && !NOT_RAISED.test(row.label);
    const one = (k: number) => raises && s.top - k === 2 && a.blocks.has(s.stack[k]) && /requirement|budget\b|expenditure/i.test(rows[s.stack[k]].label);
    const ks = [narrowFrom - 1, narrowFrom].filter((k) => k >= 0 && (s.top - k >= 3 || one(k)) &&
      (k === narrowFrom || a.blocks.has(s.stack[k]) || /requirement|budget\b|expenditure/i.test(rows[s.stack[k]].label)));
    for (const k of ks) {
      const [r, ...sources] = s.stack.slice(k);
      if (this.sourcesTotalledBelow(i, sources)) continue;
      // Labels naming money raised or spent say the block balances; without them it may still show only
      // that the row printed next is its running total (below), which needs no label: it casts.
      const named = MONEY.test(rows[r].label) || (MONEY.test(row.label) && !NOT_RAISED.test(row.label));
      // A first row labelled as a total ("2020/21 Total Budget £777.6m") over lines that add up to it
      // is a total printed above its lines, not a requirement one of them balances: a last line that
      // names no source or requirement ("Public safety") is one of the lines (Brighton & Hove's changes
      // had been cast as if "Public safety" balanced them, the error found at the wrong line, T7-66).
      if (k === narrowFrom && !a.blocks.has(r) && /\btotal\b/i.test(rows[r].label) && !MONEY.test(row.label) && !TOTALISH_LABEL.test(row.label)) {
        // tried after the pass as a total printed above its lines (totalAbove)
        if (!this.above.includes(r)) this.above.push(r);
        continue;
      }
      // Per column: 'exact' when the figure balances the block, 'signs' when only the signs say so, else undefined.
      const holds = (f: 'nil' | 'sum', j: number, p: Num): 'exact' | 'signs' | undefined => {
        const c = cols[j];
        const req = a.value(rows[r], c);
        const all = sources.map((m) => a.value(rows[m], c));
        if (!req || req.isZero() || all.some((v) => v === undefined)) return undefined;
        const srcs = (all as Dec[]).filter((v) => !v.isZero());
        if (srcs.length < (sources.length === 1 ? 0 : 2)) return undefined;
        const rest = srcs.reduce((x, y) => x.plus(y), ZERO);
        // Where it balances exactly, the signs must say so too (its own against the requirement's; in the nil
        // form every source's); a column where it does not is the one figure left wrong (see below).
        if (!p.value.eq(f === 'nil' ? req.plus(rest).neg() : req.minus(rest))) return 'signs';
        if ((f === 'nil') === (p.value.isNegative() === req.isNegative())) return undefined;
        return f === 'sum' || srcs.every((v) => v.isNegative() !== req.isNegative()) ? 'exact' : undefined;
      };
      // One column, not balancing: the labels and signs alone say so when the requirement is a total
      // read as such and firmly labelled ("Net budget requirement"), the row names the balancing source
      // ("Council tax payer", "… precept"), and every figure has the form's signs (the sources and it
      // the requirement's sign: the sum form; all the other: the nil form). Then it is cast, so a
      // source changed is found.
      const signsSay = (f: 'nil' | 'sum', j: number, p: Num): boolean => {
        const req = a.value(rows[r], cols[j]);
        if (!req || req.isZero() || !a.blocks.has(r) || !CLOSES_FIRMLY.test(rows[r].label) || !RAISED.test(row.label) || NOT_RAISED.test(row.label)) return false;
        const same = (v: Dec) => v.isNegative() === req.isNegative();
        const srcs = sources.map((m) => a.value(rows[m], cols[j]) ?? ZERO).filter((v) => !v.isZero());
        return srcs.length >= 2 && (f === 'sum' ? same(p.value) && srcs.every(same) : !same(p.value) && srcs.every((v) => !same(v)));
      };
      // How a column that does not balance exactly misses: 'near', within the rounding of the printed figures
      // (a per-head column of whole pounds); 'slip', by exactly twice one source's figure (that source printed
      // with the wrong sign: Nottingham's "Collection Fund Surplus 0.5" where the balance needs (0.5)).
      const misses = (f: 'nil' | 'sum', j: number, p: Num): 'near' | 'slip' | undefined => {
        const c = cols[j];
        const req = a.value(rows[r], c);
        const all = sources.map((m) => a.value(rows[m], c));
        if (!req || all.some((v) => v === undefined)) return undefined;
        const rest = (all as Dec[]).reduce((x, y) => x.plus(y), ZERO);
        const d = p.value.minus(f === 'nil' ? req.plus(rest).neg() : req.minus(rest));
        if (d.isZero()) return undefined;
        if ((all as Dec[]).filter((v) => !v.isZero() && d.eq(v.times(2))).length === 1) return 'slip';
        return severityOf(d, p, [rows[r].cells.get(c), ...sources.map((m) => rows[m].cells.get(c))]).severity === 'warning' ? 'near' : undefined;
      };
      // Exact in every column it prints, or (two columns or more) in all but one, whose signs still say so: that figure is then wrong.
      // Or — two columns or more, none balancing exactly — each within its rounding but one, which misses by
      // twice one source: a second column that balances within its rounding shows the structure too (T7-06).
      let loose = false;
      const form = (['nil', 'sum'] as const).find((f) => {
        const h = printed.map(([j, p]) => holds(f, j, p));
        const exact = h.filter((x) => x === 'exact').length;
        if (h.includes(undefined)) return false;
        if (exact === h.length || (!strict && h.length >= 2 && exact === h.length - 1) ||
          (!strict && h.length === 1 && signsSay(f, printed[0][0], printed[0][1]))) return true;
        if (strict || h.length < 2 || !named) return false;
        const m = printed.map(([j, p], x) => (h[x] === 'exact' ? 'exact' : misses(f, j, p)));
        loose = !m.includes(undefined) && m.filter((x) => x === 'slip').length === 1 && m.includes('near');
        return loose;
      });
      if (!form) continue;
      const runsBelow = () => !strict && printed.some(([j, p]) => holds(form, j, p) !== 'exact') && this.runsOnBelow(i, k, printed.filter(([j, p]) => holds(form, j, p) === 'exact').map(([j]) => j));
      if (!named) {
        if (runsBelow()) {
          this.runningBelow = { i: i + 1, k, line: i };
          return false;
        }
        continue;
      }
      // Out in one column, it loses to the running total printed next when that row is the block
      // with this row as a line, exactly in every column it prints (a nil among them: a balanced
      // budget's surplus): "Changes To Urbans 1,186 | 1,060" over "Surplus / (Deficit) for Year before
      // Transfers 1,163 | 0" — the budget column netting to nil says only that its surplus is nil.
      if (!strict && printed.some(([j, p]) => holds(form, j, p) !== 'exact') && this.runsOnBelow(i, k, printed.filter(([j, p]) => holds(form, j, p) === 'exact').map(([j]) => j))) {
        this.runningBelow = { i: i + 1, k, line: i };
        return false;
      }
      const byLabels = printed.length === 1 && holds(form, printed[0][0], printed[0][1]) !== 'exact';
      const what = byLabels
        ? `${form === 'nil' ? 'the balancing figure' : 'the balancing source'} of "${rows[r].label}" and the ${sources.length} line(s) after it, by its label and the signs of the figures (${form === 'nil' ? 'every source printed with the other sign' : 'the sources printed with its sign'}); they do not net to nil`
        : loose
        ? `${form === 'nil' ? 'the balancing figure: with it' : 'the balancing source: with it'} "${rows[r].label}" and the ${sources.length} line(s) after it net to nil within the rounding of the printed figures in one column or more, and in the other but for one line's sign`
        : `${form === 'nil' ? 'the balancing figure: with it' : 'the balancing source: with it'} "${rows[r].label}" and the ${sources.length} line(s) after it net to exactly nil (${form === 'nil' ? 'every source printed with the other sign' : 'the sources add up to it'})`;
      a.note(row, a.t.labelCol, 'cast.balancing', `"${row.label || 'row ' + a.rowNumber(row)}" is read as ${what}`);
      return this.takeAsTotal(i, k, what, new Set(form === 'nil' ? [r, ...sources] : sources));
    }
    return false;
  }

  /**
   * The sources of a block and row i, its last line, are totalled by the row printed next (across a
   * rule or spacer row: Caerphilly's "________" under "Council Tax"), labelled as a total ("TOTAL
   * FUNDING") and equal to their sum exactly in one column at least: that row is the block's total, and
   * row i one of its lines, not the balancing figure of the requirement above the heading (whose tie to
   * the funding total is checked on its own, `financedTies`). A figure of the block changed leaves the
   * sum exact in the other column, so the reading holds and the cast finds the figure (T11-55).
   */
  private sourcesTotalledBelow(i: number, sources: readonly number[]): boolean {
    const { a, rows, cols } = this;
    const next = rows[i + 1];
    if (!next || next.r > rows[i].r + 2 || !/^\s*(grand\s+)?total\b/i.test(next.label) || this.kinds[i + 1] === 'heading') return false;
    const members = [...sources, i];
    let exact = 0;
    for (let j = 0; j < cols.length; j++) {
      const p = a.num(next, cols[j]);
      if (!p || p.value.isZero()) continue;
      let sum: Dec | undefined = ZERO;
      for (const m of members) {
        const v = a.value(rows[m], cols[j]);
        sum = sum === undefined || v === undefined ? undefined : sum.plus(v);
      }
      if (sum !== undefined && sum.eq(p.value)) exact++;
    }
    return exact >= 1;
  }

  /**
   * The row after row i (across a spacer row) is the running total of the stack from k with row i as
   * a line, and says all a balancing reading exact in the columns `exact` says: it prints nil in each
   * of them (requirement + sources = its nil there) and a figure in two columns at least. Exact in the
   * others, or not: then the cast of that row finds the figure wrong, where the running total stands.
   */
  private runsOnBelow(i: number, k: number, exact: number[]): boolean {
    const rows = this.rows;
    const next = rows[i + 1];
    if (!next || this.kinds[i + 1] !== 'line' || next.r > rows[i].r + 2 || OPENS.test(next.label) || k < 0) return false;
    const got = new Map(this.printedCols(next).map(([j, p]) => [j, p.value]));
    return got.size >= 2 && exact.every((j) => got.get(j)?.isZero() === true) && [...got.values()].some((v) => !v.isZero());
  }

  /**
   * The other half of a total printed over two rows: row i follows a total T with no line since (spacer
   * rows aside) and prints figures only in columns where T prints nothing and T's lines print figures
   * (two or more not nil) — Kilkenny's "Total Expenditure/Income" over the gross and income columns,
   * then, after a spacer, "Net Cost of Divisions to be funded …" in the net columns only. It totals
   * the same lines in its own columns: checked when labelled as closing a block, or when it casts
   * there (exactly in one column at least, within the rounding of the printed figures in the others).
   */
  private sameLinesOtherColumns(i: number, closes: boolean): boolean {
    const { a, rows, cols, s } = this;
    if (s.top === 0 || s.top !== this.narrowFrom) return false;
    const T = s.stack[s.top - 1];
    const b = a.blocks.get(T);
    if (!b || b.minus?.size || b.carried || b.members.length < 2 || b.members.some((m) => a.blocks.has(m))) return false;
    const printed = this.printedCols(rows[i]);
    if (!printed.length || printed.every(([, p]) => p.value.isZero())) return false;
    // Per sign (the lines' sum, or minus it: a net cost printed negative as a statement's first figure,
    // "(16,981)" over lines adding to 16,981): columns exact, columns beyond the rounding, and the change it needs.
    const tally = [1, -1].map((sign) => ({ sign, exact: 0, off: 0, miss: ZERO }));
    for (const [j, p] of printed) {
      const c = cols[j];
      if (rows[T].cells.get(c) !== undefined && rows[T].cells.get(c)!.kind !== 'blank') return false;
      const vals = b.members.map((m) => a.value(rows[m], c));
      if (vals.filter((v) => v !== undefined && !v.isZero()).length < 2) return false;
      if (vals.some((v) => v === undefined)) continue;
      const sum = (vals as Dec[]).reduce((x, y) => x.plus(y), ZERO);
      for (const t of tally) {
        const d = p.value.minus(sum.times(t.sign));
        t.miss = t.miss.plus(d.abs());
        if (d.isZero()) t.exact++;
        else if (severityOf(d, p, b.members.map((m) => rows[m].cells.get(c))).severity !== 'warning') t.off++;
      }
    }
    // Exact in one column at least and within rounding in the others; or, printing two columns or more,
    // out in one only (that figure, or a line of it, wrong: the cast finds it).
    const fits = tally.filter((t) => t.exact > 0 && (t.off === 0 || (printed.length >= 2 && t.off === 1)));
    // Labelled as closing a block, it totals them whatever it casts to (the sign that needs the smaller change).
    const best = fits.length ? fits.reduce((x, y) => (y.exact > x.exact ? y : x)) : closes ? tally.reduce((x, y) => (y.miss.lt(x.miss) ? y : x)) : undefined;
    if (!best) return false;
    const why = `the total of the same ${b.members.length} rows as row ${a.rowNumber(rows[T])} ("${rows[T].label}") in the columns that row leaves empty (a total printed over two rows${best.sign < 0 ? ', with the other sign' : ''})${closes ? `, labelled as closing a block ("${rows[i].label}")` : ''}`;
    this.kinds[i] = 'total';
    a.blocks.set(i, { members: [...b.members], why, ...(best.sign < 0 ? { minus: new Set(b.members) } : {}) });
    a.totals.push({ row: a.rowNumber(rows[i]), label: rows[i].label, from: a.rowNumber(rows[b.members[0]]), to: a.rowNumber(rows[b.members[b.members.length - 1]]), why, ...(best.sign < 0 ? { less: b.members.map((m) => a.rowNumber(rows[m])) } : {}) });
    this.underLess = false;
    this.push(i);
    this.narrowFrom = s.top;
    return true;
  }

  /**
   * A surplus or deficit for the year: what the income or sources leave once the expenditure or the
   * net cost is met — a row labelled "Surplus …" or "Deficit …" ("SURPLUS FOR YEAR", "Surplus/Deficit
   * for Yr Before") equal to the rows after a cost less that cost: the cost a total ("TOTAL
   * EXPENDITURE") or a line naming what is spent or to be funded ("Net Cost of Divisions to be funded
   * from Rates & Local Government Fund"), the rows after it the income or the sources (a total, or
   * lines: "TOTAL INCOME"; "Rates", "Local Government Fund", …), across spacer rows and headings —
   * or the cost less them (a deficit printed positive). Exact in every column it prints, or, with two
   * columns or more, in all but one (that figure, or one of the rows it comes from, is then wrong and
   * the cast finds it). A plain sum that casts is read before this (a cost printed negative).
   */
  private surplusOfRun(i: number): boolean {
    const { a, rows, cols, s } = this;
    const row = rows[i];
    const gap = GAP_ROW.test(row.label.trim());
    if (!(gap || SURPLUS_ROW.test(row.label.trim())) || NOT_SURPLUS.test(row.label) || s.top < 2) return false;
    const printed = this.printedCols(row);
    if (!printed.length) return false;
    for (let k = s.top - 2; k >= Math.max(this.financedFrom, s.top - 40); k--) {
      const cost = s.stack[k];
      // a gap row follows the sub-total of the sources straight after the cost: cost, sources' total, gap
      if (gap && !(k === s.top - 2 && a.blocks.has(s.stack[k + 1]))) continue;
      if (!(a.blocks.has(cost) || COST.test(rows[cost].label)) || OPENS.test(rows[cost].label)) continue;
      for (const sign of [1, -1] as const) {
        let exact = 0;
        let informative = 0;
        let fails = false;
        for (const [j, p] of printed) {
          const c = a.num(rows[cost], cols[j]);
          const rest = s.sumFrom(j, k + 1);
          // a figure that cannot be read (reported at its cell) says nothing either way: the other columns decide
          if (rest === undefined || a.value(rows[cost], cols[j]) === undefined) continue;
          if (!c || c.value.isZero() || rest.isZero()) {
            if (!p.value.isZero()) fails = true;
            continue;
          }
          informative++;
          if (p.value.eq(rest.minus(c.value).times(sign))) exact++;
        }
        if (fails || informative === 0 || !(exact === informative || (informative >= 2 && exact === informative - 1))) continue;
        const minus = sign > 0 ? new Set([cost]) : new Set(s.stack.slice(k + 1));
        const what = sign > 0 ? `the ${s.top - k - 1} row(s) after "${rows[cost].label || `row ${a.rowNumber(rows[cost])}`}" less it` : `"${rows[cost].label || `row ${a.rowNumber(rows[cost])}`}" less the ${s.top - k - 1} row(s) after it`;
        return this.takeAsTotal(i, k, gap ? `labelled as the gap the sources leave ("${row.label}"): ${what}` : `labelled as a surplus or deficit ("${row.label}"): ${what} (what the income or sources leave once the cost is met)`, minus);
      }
    }
    return false;
  }

  /** A block of one line closed by its labelled total (a table of one line) when it casts exactly. */
  private oneLineBlock(i: number, closes: boolean): boolean {
    const row = this.rows[i];
    const { s, narrowFrom } = this;
    const one = closes && s.top - narrowFrom === 1 && this.printedCols(row).every(([j, p]) => s.sumFrom(j, narrowFrom)?.eq(p.value));
    return one && this.takeAsTotal(i, narrowFrom, `labelled as closing a block ("${row.label}") of one line, which it equals`);
  }

  /**
   * Labelled as closing a block, but the figures do not add up: a total all the same, checked — when
   * some column casts (exactly or within rounding), or when the label closes firmly ("Budget
   * requirement", "Gross expenditure", "Closing balance") and either its run crosses no heading (the
   * label says what the rows above it add to, by however much a figure is wrong) or every figure is
   * of the run's size (within half of it: a line left out, not a different quantity, as when the run
   * reaches back past a heading into another statement). It closes the block since the last heading
   * or total, or the whole run above, whichever casts better; when neither casts, a firmly closing
   * label closes the whole run (the previous total ± the lines since: "Net expenditure" after "Gross
   * expenditure" and "Less: income") unless its block starts with an opening balance of its own.
   * A running statement ("Budget requirement 2023/24 … Total change in services … Budget requirement
   * 2024/25"): a firmly closing label with fewer than two rows since the last total closes the whole
   * run above.
   */
  private labelledClosing(i: number, closes: boolean): boolean {
    if (!closes) return false;
    const row = this.rows[i];
    const { s, narrowFrom } = this;
    const firm = CLOSES_FIRMLY.test(row.label);
    // Directly under two totals or more with no line since (each closing a section of its own): the
    // run of those totals ("Net cash flow from operating / investing / financing activities", then
    // "Net increase/(decrease) in cash and cash equivalents in the period").
    let summary = s.top;
    if (s.top === narrowFrom) while (summary > 0 && this.a.blocks.has(s.stack[summary - 1])) summary--;
    const starts = [narrowFrom, 0, ...(s.top - summary >= 2 && summary > 0 ? [summary] : [])].filter((k) => s.top - k >= 2 && (k !== narrowFrom || s.top - narrowFrom >= 2));
    const running = (firm || s.top - summary >= 2) && s.top - narrowFrom < 2 && starts.length > 0;
    if (!(closes && (s.top - narrowFrom >= 2 || running))) return false;
    const opensOwn = narrowFrom < s.top && OPENS.test(this.rows[s.stack[narrowFrom]].label);
    if (firm && this.sectionFrom === 0 && !opensOwn) starts.reverse();
    const plain = starts.map((k) => ({ k, sc: this.score(row, k), sums: s })).reduce((x, y) => (better(y.sc, x.sc) ? y : x));
    // The lines said in words to be subtracted taken so, when that casts better.
    const worded = this.w ? starts.filter((k) => this.wordedHolds(k, true)).map((k) => ({ k, sc: this.score(row, k, this.w), sums: this.w! })) : [];
    const k = worded.reduce((x, y) => (better(y.sc, x.sc) ? y : x), plain);
    const near = this.printedCols(row).every(([j, p]) => {
      const v = k.sums.sumFrom(this.stepped(row, j, k.k), k.k);
      return v !== undefined && p.value.minus(v).abs().lte(p.value.abs().div(2));
    });
    const inSection = k.k >= this.sectionFrom;
    if (!((firm && (near || inSection)) || k.sc.exact + k.sc.near > 0)) return false;
    const why = `${row.label ? `labelled as closing a block ("${row.label}")` : 'no label'}${row.ruled ? ', printed under a rule' : ''}`;
    if (k.sums === s) return this.takeAsTotal(i, k.k, why);
    const minus = this.wordedMinus(k.k);
    return this.takeAsTotal(i, k.k, `${why}, less the ${minus.size} line(s) printed positive under "Less" (${[...minus].map((m) => this.rows[m].label).join('; ')})`, minus);
  }

  /**
   * A balance at a later date, named as a balance above it at an earlier one ("Budget approved as at 30
   * November 2019" … the changes … "Budget as at 31 January 2020"), or in a later version ("Original
   * budget" … the virements … "Revised budget"): a running statement, closed by the later balance:
   * the earlier one ± the changes printed between them (lines that name no date or version: the
   * nearest such row above must be the earlier balance). Checked even when nothing adds up to it: the
   * labels say what it is. Within the last 200 rows.
   */
  private datedBalance(i: number): boolean {
    const { rows, s } = this;
    const row = rows[i];
    const at = balanceAt(row.label);
    if (!at) return false;
    for (let q = s.top - 1; q >= 0 && q >= s.top - 200; q--) {
      const earlier = balanceAt(rows[s.stack[q]].label);
      if (!earlier) continue;
      // The nearest dated or versioned row above: the balance this one moves on from, or another quantity (no reading).
      const later = at.date !== undefined && earlier.date !== undefined && at.date !== earlier.date ? at.date > earlier.date : at.stage === 1 && earlier.stage === 0;
      if (earlier.name !== at.name || !later || s.top - q < 2) return false;
      const how = at.date !== undefined && at.date !== earlier.date ? (at.date % 10_000 === 401 && earlier.date! % 10_000 === 401 ? 'in a later year' : 'at a later date') : 'in a later version';
      return this.takeAsTotal(i, q, `labelled as "${rows[s.stack[q]].label}" ${how}: that balance and the changes since (a running statement)`);
    }
    return false;
  }

  /**
   * Where a total stands: the last row of its block (of two rows or more), labelled as closing one or
   * with no label at all. Nothing adds up to it, so a figure in it or in its lines is wrong: a total, checked.
   */
  private placedAtEnd(i: number, closes: boolean): boolean {
    const row = this.rows[i];
    // A row with no label printing only nils ("| - | - | - | -": a line whose label a copy lost, a nil
    // line of the statement) is no total by where it stands: its block's total may follow it.
    // At the table's last row nothing follows: a nil there is a total printed nil (Isle of Wight's
    // capital financing, its unlabelled total set to nil by the mutation test), found as such.
    const nilOnly = !row.label && i < this.rows.length - 1 && this.printedCols(row).every(([, p]) => p.value.isZero());
    if (!((closes || (!row.label && !row.empty && !nilOnly)) && this.endsBlock(i) && this.s.top - this.narrowFrom >= 2)) return false;
    if (this.deductedFromTotal(i)) return true;
    if (!row.label && !row.ruled && !row.bold && !this.looksLikeTotal(i)) return false;
    return this.takeAsTotal(i, this.narrowFrom, row.label ? `labelled as closing a block ("${row.label}") and printed at its end` : 'no label, printed at the end of its block (where its total stands)');
  }

  /**
   * A row with no label, rule or bold taken as a total by where it stands must look like one (T9-50, an
   * AGAR box's restated figures printed on a line of their own under it): it prints a figure in every
   * column of money where each line of its block prints one, and, printing two figures or more, is not
   * far (more than half its own size) from the block's sum in every one of them. A small difference is
   * an error at the total; a row far from the sum in every column, or short of a column all its lines
   * fill, is a line.
   */
  private looksLikeTotal(i: number): boolean {
    const { a, rows, cols, s, narrowFrom } = this;
    const row = rows[i];
    const lines = s.stack.slice(narrowFrom);
    for (const c of cols) if (a.num(row, c) === undefined && lines.every((m) => a.num(rows[m], c) !== undefined)) return false;
    const printed = this.printedCols(row);
    if (printed.length < 2) return true;
    return printed.some(([j, p]) => {
      const v = s.sumFrom(j, narrowFrom);
      return v !== undefined && p.value.minus(v).abs().lte(p.value.abs().div(2));
    });
  }

  /**
   * A run of lines deducted from the total directly above them — each labelled "Less:" ("Deduct",
   * "Minus") or printing only negative figures — closed by a row where its total stands ("8,144,306 /
   * Less: Council Tax −3,884,746 / … / Less: New Homes Bonus −615,546 / Deficit 760,080"): a running
   * total, that total and the signed lines since, not the sum of the deductions alone — when it is
   * the nearer reading in every column (T9-56, Eden's budget deficit). The sign printed governs: a
   * line printed with a minus is added as printed (its "Less:" says the same thing once); a "Less:"
   * line printed positive is subtracted.
   */
  private deductedFromTotal(i: number): boolean {
    const { a, rows, cols, s, narrowFrom } = this;
    const k = narrowFrom - 1;
    if (k < 0 || k < this.sectionFrom || !a.blocks.has(s.stack[k])) return false;
    const lines = s.stack.slice(narrowFrom);
    if (!lines.every((m) => this.kinds[m] === 'line' && !a.blocks.has(m) && (LESS.test(rows[m].label) || this.negs.has(m) ||
      cols.every((c) => !(a.value(rows[m], c) ?? ZERO).isPositive())))) return false;
    if (!lines.some((m) => cols.some((c) => (a.value(rows[m], c) ?? ZERO).isNegative()) || LESS.test(rows[m].label))) return false;
    const worded = this.w !== undefined && this.wordedHolds(k, true);
    const sums = worded ? this.w! : s;
    const printed = this.printedCols(rows[i]);
    if (!printed.length) return false;
    const nearer = printed.every(([j, p]) => {
      const run = sums.sumFrom(j, k);
      const block = s.sumFrom(j, narrowFrom);
      return run !== undefined && block !== undefined && p.value.minus(run).abs().lt(p.value.minus(block).abs());
    });
    if (!nearer) return false;
    const why = `${rows[i].label ? `labelled as closing a block ("${rows[i].label}")` : 'no label'}, printed at the end of its block after a total and the lines deducted from it (a running total)`;
    if (!worded) return this.takeAsTotal(i, k, why);
    const minus = this.wordedMinus(k);
    return this.takeAsTotal(i, k, `${why}, less the ${minus.size} line(s) printed positive under "Less" (${[...minus].map((m) => rows[m].label).join('; ')})`, minus);
  }

  /**
   * Where a stepped layout prints its sub-totals: every figure of the row one column or more right of
   * the column its block's lines print in, where none of those lines (two or more since the last
   * heading or total) prints anything ("- Pay and Price Inflation 5,630 | …" then "… 29,025" in the
   * next column). Whatever its label says, it is their sub-total; checked even when it does not add up.
   */
  private steppedOut(i: number): boolean {
    const { s, narrowFrom } = this;
    const row = this.rows[i];
    if (s.top - narrowFrom < 2) return false;
    const printed = this.printedCols(row);
    if (!printed.length || !printed.every(([j]) => s.stepped(j, narrowFrom) < j)) return false;
    return this.takeAsTotal(i, narrowFrom, `${row.label ? `printed` : 'no label, printed'} one column right of the ${s.top - narrowFrom} lines above it, where they print nothing (a stepped layout's sub-total)`);
  }

  /**
   * A running total where a total stands: the last row of its block, labelled as closing one or with no
   * label, right after a total and the line(s) that change it ("TOTAL (14,834); Remove amounts not
   * subject to carry forward (511); Maximum amount … (15,345)", its label in a column other than the
   * labels'): the previous total ± the lines since, checked even when it does not add up.
   */
  private runningAtEnd(i: number, closes: boolean): boolean {
    const { a, rows, s, narrowFrom } = this;
    const row = rows[i];
    if (!(closes || (!row.label && !row.empty)) || !this.endsBlock(i) || s.top - narrowFrom < 1) return false;
    const k = narrowFrom - 1;
    if (k < this.sectionFrom || !a.blocks.has(s.stack[k])) return false;
    return this.takeAsTotal(i, k, `${row.label ? `labelled as closing a block ("${row.label}")` : 'no label'}, printed at the end of its block after a total and the line(s) that change it (a running total)`);
  }

  /**
   * The last row of its block under three lines or more, whose every figure is within the rounding of
   * the printed figures of all the lines since the last heading or total, one of them not exactly
   * (Kent PCC's 2023/24 precept page: seven lines to £0.1m add to 458.8, "Gross police and community
   * safety spending" prints 458.7): their total, printed rounded; the cast says so in a warning.
   */
  private nearAtEnd(i: number, closes: boolean, opens: boolean): boolean {
    const { rows, s, narrowFrom } = this;
    if (opens || !this.endsBlock(i) || s.top - narrowFrom < 3) return false;
    const printed = this.printedCols(rows[i]);
    if (!printed.length) return false;
    const lines = s.stack.slice(narrowFrom, s.top).map((m) => rows[m]);
    let near = 0;
    for (const [j, p] of printed) {
      let sum = ZERO;
      for (let q = narrowFrom; q < s.top; q++) sum = sum.plus(this.at(q, j));
      if (sum.isZero()) return false;
      const d = p.value.minus(sum);
      if (d.isZero()) continue;
      if (severityOf(d, p, lines.map((r) => r.cells.get(this.cols[j]))).severity !== 'warning') return false;
      // one column alone is weak evidence: more than a unit of the last place apart, a line that happens
      // to be near the sum of the lines above it ("10 years and beyond 79" under 18 + 18 + 19 + 26 = 81, T12-01)
      if (printed.length === 1 && d.abs().gt(stepOf(p.places))) return false;
      near++;
    }
    if (near === 0) return false;
    const said = rows[i].label ? `${closes ? 'labelled as closing a block' : 'labelled'} ("${rows[i].label}")` : 'no label';
    return this.takeAsTotal(i, narrowFrom, `${said}, printed at the end of its block, and within the rounding of the ${s.top - narrowFrom} lines above it (a total printed rounded)`);
  }

  /** The figure of stack position p in column j (nil when blank or unreadable). */
  private at(p: number, j: number): Dec {
    return this.a.value(this.rows[this.s.stack[p]], this.cols[j]) ?? ZERO;
  }

  /**
   * A sub-total shown by the total below it: row i, read as nothing else, casts exactly in every
   * column it prints (nil aside) as the run of the stack from k with one line S left out — S, with two
   * rows or more of the run above it and one or more below, is the running sub-total of the rows above
   * it (the figure an auditor finds wrong: both S's own cast and i's cast through it miss by the same
   * amount, and only S is in both), and row i the total of S and the rows since. Hansard's Welsh fire
   * authorities' contributions ("North Wales Fire Authority" 16,145 under six authorities adding up to
   * 16,045; "Wales" = the three fire authorities, 77,055, casts only with the lines in its place: the
   * session-6 trial's T6-103); a build-up's "Net expenditure" printed 25.444 between "Gross
   * expenditure" less income (25.443) and the requirement that casts from 25.443 (Eden).
   */
  private subtotalLeftOut(i: number): boolean {
    const { a, rows, s } = this;
    const printed = this.printedCols(rows[i]).filter(([, p]) => !p.value.isZero());
    if (!printed.length || s.top < 4) return false;
    // Across headings too, as a run that casts exactly is read (Oldham's "Total Net Budget Adjustments",
    // the sub-total of three blocks, between them and "Increase in the Net Expenditure Budget"); never
    // across "Financed by:".
    const lo = Math.max(this.financedFrom, s.top - 40);
    const [j0, p0] = printed[0];
    for (let p = s.top - 2; p >= lo + 2; p--) {
      const S = s.stack[p];
      if (this.kinds[S] !== 'line' || a.blocks.has(S) || OPENS.test(rows[S].label)) continue;
      for (const c0 of j0 > 0 ? [j0, j0 - 1] : [j0]) {
        for (const k of s.startsForValue(c0, p0.value.plus(this.at(p, c0)), p - 2)) {
          if (k < lo) continue;
          const fits = printed.every(([j, pj]) => {
            const c = this.stepped(rows[i], j, k);
            const sj = a.num(rows[S], this.cols[c]);
            const run = s.sumFrom(c, k);
            if (!sj || sj.value.isZero() || run === undefined || !run.minus(sj.value).eq(pj.value)) return false;
            let n = 0;
            // … and S could be their sum: not smaller than one of them when they all print its sign (Ludford's
            // "Subs/Post/Stationery" 50 under "Hall Hire" 150 and "Insurance" 540 is a line, and "Grasscutting"
            // 1,100 = 150 + 540 + 110 + 300 a coincidence: the labelled Total casts exactly over all 16 lines, T10-53)
            let sameSign = true;
            let larger = false;
            for (let m = k; m < p; m++) {
              const v = this.at(m, c);
              if (v.isZero()) continue;
              n++;
              if (v.isNegative() !== sj.value.isNegative()) sameSign = false;
              if (v.abs().gt(sj.value.abs())) larger = true;
            }
            return n >= 2 && !(sameSign && larger);
          }) &&
            // a nil the row prints is one of its figures too: the rows it totals add to nil there, or
            // print nothing there (COVID-19's £0.0m under services adding to £77.8m is a line, T9-54)
            this.printedCols(rows[i]).every(([j, pj]) => {
              if (!pj.value.isZero()) return true;
              const run = s.sumFrom(j, k);
              return run === undefined || run.minus(this.at(p, j)).isZero() || s.stack.slice(k).every((m) => (a.value(rows[m], this.cols[j]) ?? ZERO).isZero());
            });
          if (!fits) continue;
          const lines = s.stack.slice(k, p);
          const after = s.stack.slice(p + 1);
          s.truncate(k);
          this.w?.truncate(k);
          for (const m of lines) this.push(m);
          this.takeAsTotal(S, k, `the running sub-total of the ${lines.length} rows above it: the total below it (row ${a.rowNumber(rows[i])}) casts exactly with it standing for them`);
          for (const m of after) this.push(m);
          this.takeAsTotal(i, k, `its figures are the sum of the ${lines.length + after.length} rows above it but row ${a.rowNumber(rows[S])}, the sub-total of the ${lines.length} rows above that (a sub-total shown by this total)`);
          // Cast from the rows S stands for: S is the figure found wrong, not this total too.
          a.blocks.get(i)!.members.splice(0, 1, ...lines);
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A sub-total standing in for its lines in the total below it: row i, read as nothing else, casts
   * exactly in every column it prints (nil aside) as the totals read above it plus the row directly
   * above it, S, the last of two lines or more since the last total — so S is the sub-total of those
   * lines (and one of them, or S, is wrong when they do not add up to it): the Welsh fire authorities'
   * "South Wales Fire Authority" 36,349 under ten authorities adding up to 36,449, and "Wales" 77,055
   * = 16,045 + 24,661 + 36,349 (T6-103).
   */
  private subtotalStandsIn(i: number): boolean {
    const { a, rows, s } = this;
    const printed = this.printedCols(rows[i]).filter(([, p]) => !p.value.isZero());
    const top = s.top;
    if (!printed.length || top < 4) return false;
    const S = s.stack[top - 1];
    if (this.kinds[S] !== 'line' || a.blocks.has(S) || OPENS.test(rows[S].label)) return false;
    let q = top - 1;
    while (q > 0 && !a.blocks.has(s.stack[q - 1])) q--;
    const lo = Math.max(this.financedFrom, this.sectionFrom);
    if (q <= lo || top - 1 - q < 2) return false;
    const [j0, p0] = printed[0];
    const linesIn = (j: number) => s.sumFrom(j, q)!.minus(s.sumFrom(j, top - 1)!);
    if (s.sumFrom(j0, q) === undefined || s.sumFrom(j0, top - 1) === undefined) return false;
    // The totals above plus S (a line of S's wrong, or S), or plus S's lines (S wrong): either way S is their sub-total.
    for (const viaLines of [false, true]) {
      // the sum of the stack from k: the totals, S's lines and S — so the printed figure plus S, or plus S's lines
      const x0 = p0.value.plus(viaLines ? s.sumFrom(j0, q)!.minus(linesIn(j0)) : linesIn(j0));
      for (const k of s.startsForValue(j0, x0, q - 1)) {
        if (k < lo) continue;
        let allTotals = true;
        for (let m = k; m < q; m++) if (!a.blocks.has(s.stack[m])) allTotals = false;
        if (!allTotals) continue;
        const fits = printed.every(([j, pj]) => {
          const run = s.sumFrom(j, k);
          const sj = a.num(rows[S], this.cols[j]);
          if (run === undefined || s.sumFrom(j, q) === undefined || !sj || sj.value.isZero()) return false;
          const totals = run.minus(s.sumFrom(j, q)!);
          if (!(viaLines ? totals.plus(linesIn(j)) : totals.plus(sj.value)).eq(pj.value)) return false;
          let n = 0;
          for (let m = q; m < top - 1; m++) if (!this.at(m, j).isZero()) n++;
          return n >= 2;
        });
        if (!fits) continue;
        const lines = s.stack.slice(q, top - 1);
        s.truncate(q);
        this.w?.truncate(q);
        for (const m of lines) this.push(m);
        this.takeAsTotal(S, q, `the sub-total of the ${lines.length} lines above it: the total below it (row ${a.rowNumber(rows[i])}) casts exactly with ${viaLines ? 'them in its place' : 'it standing for them'}`);
        this.takeAsTotal(i, k, `its figures are the sum of the ${s.top - k} totals above it (row ${a.rowNumber(rows[S])} the sub-total of the lines above it${viaLines ? ', cast from those lines' : ''})`);
        // Cast from the lines when they, not S, make it cast: S is the figure found wrong, not this total too.
        if (viaLines) {
          const b = a.blocks.get(i)!;
          b.members.splice(b.members.indexOf(S), 1, ...lines);
        }
        return true;
      }
    }
    return false;
  }

  /**
   * The total of the totals above it, at the end of its block: row i follows directly two totals or
   * more that hold every row of the section (no line left in no total), and each of its figures is of
   * their sign and larger than any of them — the grand total under the sub-totals, however far out
   * ("Wales" under the three fire authorities' sub-totals, printed 177,055 for 77,055: T6-103). A row
   * smaller than a total above it of its sign is no total of them, and stays a line.
   */
  private totalOfTotalsAtEnd(i: number): boolean {
    const { a, rows, s } = this;
    const row = rows[i];
    if (!this.endsBlock(i) || OPENS.test(row.label)) return false;
    const k = Math.max(this.financedFrom, this.sectionFrom);
    if (s.top - k < 2 || s.stack[s.top - 1] !== i - 1) return false;
    for (let m = k; m < s.top; m++) if (!a.blocks.has(s.stack[m])) return false;
    const printed = this.printedCols(row).filter(([, p]) => !p.value.isZero());
    if (!printed.length) return false;
    const larger = printed.every(([j, p]) => {
      let n = 0;
      for (let m = k; m < s.top; m++) {
        const v = this.at(m, j);
        if (v.isZero()) continue;
        if (v.isNegative() !== p.value.isNegative() || v.abs().gte(p.value.abs())) return false;
        n++;
      }
      return n >= 2;
    });
    if (!larger) return false;
    return this.takeAsTotal(i, k, `printed at the end of its block directly under the ${s.top - k} totals above it, every row of the section in one of them, each of its figures larger than theirs and of their sign (a total of totals)`);
  }

  /**
   * What is left of a gap once the options under it are taken: a row labelled so ("Balanced budget",
   * "Remaining gap", "Gap remaining", "Unfunded gap"), at the end of its block, after a requirement or
   * gap line ("Estimated annual savings requirement") and, under a heading or the total it closes, two
   * lines or more printed mostly with the other sign (the options: "(2.117)", "(0.612)" …) is that
   * requirement ± those lines — checked even when it prints nil in every column (a balanced budget is
   * the gap closed: 4.824 − 2.117 − 0.612 − 2.095 = 0.000), since the lines it closes are not nil.
   */
  private gapLeft(i: number): boolean {
    const { a, rows, cols, s, narrowFrom } = this;
    const row = rows[i];
    // the year the balance is of may be printed first ("2018/19 Proposed Budget Balance": Hampshire fire, T7-50)
    if (!GAP_LEFT.test(row.label.trim().replace(/^(19|20)\d\d\s*[/\-–]\s*\d{2,4}\s+/, '')) || !this.endsBlock(i) || s.top - narrowFrom < 2) return false;
    const k = narrowFrom - 1;
    if (k < 0) return false;
    const req = rows[s.stack[k]];
    if (!GAP.test(req.label) || GAP_LEFT.test(req.label.trim())) return false;
    let columns = 0;
    for (const [j] of this.printedCols(row)) {
      const r = a.value(req, cols[j]);
      if (!r || r.isZero()) continue;
      const lines = s.stack.slice(narrowFrom).map((m) => a.value(rows[m], cols[j]) ?? ZERO).filter((v) => !v.isZero());
      if (!lines.length) continue;
      if (lines.filter((v) => v.isNegative() !== r.isNegative()).length * 2 <= lines.length) return false;
      columns++;
    }
    if (!columns) return false;
    return this.takeAsTotal(i, k, `labelled as what is left of "${req.label}" once the ${s.top - narrowFrom} line(s) under it are taken ("${row.label}"): that requirement ± those lines`);
  }

  // ---- rows labelled as totals: which block each closes ----

  /**
   * A row kinds.ts read as a sub-total or total: it closes the candidate block that casts best
   * (`startsOf`), a nil total the nil rows above it, and when nothing casts the block that needs the
   * least change; with nothing above it, it waits to be tried as a total printed above its lines; a
   * total-like label that nothing adds up to becomes a line (`readAsLine`).
   */
  private readLabelledTotal(i: number, k0: 'subtotal' | 'total'): void {
    const { s } = this;
    const row = this.rows[i];
    if (s.top === 0) {
      // Nothing above to add: a total printed above its lines (as statements of accounts print their
      // notes), decided after the pass; else a total whose detail is not printed is a line here.
      if (!row.rowType) {
        this.above.push(i);
        this.kinds[i] = 'line';
        this.push(i);
      }
      return;
    }
    // "Total Levy", "Total Precept" under a requirement and a source: the balancing figure, when the block nets to nil (T8-11).
    if (RAISED.test(row.label) && !NOT_RAISED.test(row.label) && this.balancing(i)) return;
    const named = this.headingStart(nameOf(row.label));
    if (this.narrowFrom >= s.top && this.printedCols(row).every(([, p]) => p.value.isZero()) && !(named >= 0 && named < s.top)) {
      // A total of nothing (a class of reserves with none in it): nil, and it adds no rows — unless it
      // names a heading above with rows under it ("Budget Adjustments" … "Total Net Budget
      // Adjustments"): it totals them, and its nil is cast.
      this.push(i);
      this.narrowFrom = s.top;
      return;
    }
    const cands = this.startsOf(row, k0);
    if (!cands.length) return;
    if (this.nilTotal(i, cands)) return;
    let cast = this.castsBest(row, cands);
    // A total named after the heading it closes ("Parish Council Receipts" … "Total Parish Council
    // Receipts") adds every row since that heading: a shorter run that leaves out its first rows wins
    // only when those rows print figures (not nil) in two columns or more — one changed figure of a
    // first line nil elsewhere ("Grants 0.00" made 100.00) is found at the total, not dropped (T8-59).
    const closes = cands.find((c) => c.why === 'labelled after the heading it closes');
    if (closes && cast.best.k > closes.k && this.printingCols(closes.k, cast.best.k) <= 1) cast = { best: closes, score: this.score(row, closes.k) };
    if (cast.score.exact < this.printedCols(row).length && this.plainLinesCast(i, cands)) return;
    if (cast.score.exact + cast.score.near === 0 && this.incomeLessSpending(i, cands)) return;
    // The lines said in words to be subtracted ("Less: …" printed positive) taken so, when that casts better.
    const worded = this.w ? cands.filter((c) => this.wordedHolds(c.k, true)) : [];
    if (worded.length) {
      const w = this.castsBest(row, worded, this.w);
      if (w.score.exact + w.score.near > 0 && better(w.score, cast.score)) {
        const minus = this.wordedMinus(w.best.k);
        this.take(i, w.best.k, `${w.best.why}, less the ${minus.size} line(s) printed positive under "Less" (${[...minus].map((m) => this.rows[m].label).join('; ')})`, minus);
        return;
      }
    }
    const { score } = cast;
    if (score.exact + score.near === 0 && this.lineOfTheRowBelow(i, cands)) return;
    const best = score.exact + score.near === 0 ? this.leastChange(row, cands, cast.best) : cast.best;
    if (this.readAsLine(i, k0, best, score)) return;
    if (score.exact + score.near === 0 && worded.length) {
      // Nothing casts either way: the lines said in words to be subtracted taken so, when that needs
      // the smaller change ("Sub-Total" printed 64.581 under "Budget requirement 132.515" and five
      // "Less:" lines: 64.527 that way, 0.054 off, not 67.988 by adding them).
      const w = this.leastChange(row, worded, worded[0], this.w);
      const missW = this.miss(row, w.k, this.w);
      const missP = this.miss(row, best.k);
      if (missW !== undefined && (missP === undefined || missW.lt(missP))) {
        const minus = this.wordedMinus(w.k);
        this.take(i, w.k, `${w.why}, less the ${minus.size} line(s) printed positive under "Less" (${[...minus].map((m) => this.rows[m].label).join('; ')})`, minus);
        return;
      }
    }
    this.take(i, best.k, best.why);
  }

  /**
   * A labelled total that its candidate blocks do not cast exactly, because rows inside them were read
   * as totals by their arithmetic alone: when every row of the block taken as a line (those rows and
   * the lines they were read to add) casts it exactly in every column it prints, those rows were lines
   * that equal other lines' sum by a coincidence ("Mill Road ground maintenance" 7,000 = 6,000 + 1,000
   * in three years of four; "Grasscutting" 1,100 = 150 + 540 + 110 + 300): read so, the labelled total
   * as the total of them all (T10-53, Ludford and Westbourne). True when so read.
   */
  private plainLinesCast(i: number, cands: Start[]): boolean {
    const { a, rows, s } = this;
    const printed = this.printedCols(rows[i]);
    if (!printed.some(([, p]) => !p.value.isZero())) return false;
    // … and the block since the last heading, which a row read as a total by its arithmetic cuts short
    const h = this.headings[this.headings.length - 1];
    const since = h && h.pos < s.top && !cands.some((c) => c.k === h.pos) ? [{ k: h.pos, why: `labelled as a total of the rows since "${rows[h.i].label}"` }] : [];
    for (const c of [...cands, ...since]) {
      const undone: number[] = [];
      const lines: number[] = [];
      let ok = true;
      const expand = (m: number): void => {
        const b = a.blocks.get(m);
        if (b && this.firstKinds[m] === 'line' && !b.minus && !b.carried) {
          undone.push(m);
          for (const x of b.members) expand(x);
        } else if (b && this.firstKinds[m] === 'line') ok = false;
        lines.push(m);
      };
      for (const m of s.stack.slice(c.k)) expand(m);
      if (!ok || !undone.length || lines.length < 2) continue;
      const casts = printed.every(([j, p]) => {
        let sum = ZERO;
        for (const m of lines) {
          const v = a.value(rows[m], this.cols[j]);
          if (v === undefined) return false;
          sum = sum.plus(v);
        }
        return sum.eq(p.value);
      });
      if (!casts) continue;
      const undoneRows = new Set(undone.map((m) => a.rowNumber(rows[m])));
      for (const m of undone) {
        a.blocks.delete(m);
        this.kinds[m] = 'line';
      }
      for (let q = a.totals.length - 1; q >= 0; q--) if (undoneRows.has(a.totals[q].row)) a.totals.splice(q, 1);
      const names = undone.map((m) => `"${rows[m].label || `row ${a.rowNumber(rows[m])}`}"`).join(', ');
      this.take(i, c.k, `${c.why}: every row above it since then a line, ${names} too (it equals the sum of lines above it by a coincidence, and only read so does this total cast)`);
      a.blocks.get(i)!.members = [...lines].sort((x, y) => x - y);
      return true;
    }
    return false;
  }

  /**
   * A labelled total that nothing adds up to, under an income line and the spending after it, both
   * printed positive ("Income 7,266 / Exp & Projects 6,975 / Final Total 291", a parish's breakdown):
   * the income less the spending, when that is exact in every column it prints (T10-53 (b), Ludford) —
   * never the sum, with the spending called a sign slip. True when so read.
   */
  private incomeLessSpending(i: number, cands: Start[]): boolean {
    const { a, rows, s } = this;
    const printed = this.printedCols(rows[i]);
    if (!printed.some(([, p]) => !p.value.isZero())) return false;
    for (const c of cands) {
      const run = s.stack.slice(c.k);
      if (run.length < 2 || run.some((m) => a.blocks.has(m) && this.firstKinds[m] === 'line')) continue;
      const [first, ...rest] = run;
      if (!INCOME_FIRST.test(rows[first].label) || !rest.every((m) => SPENDING_AFTER.test(rows[m].label) && !INCOME_FIRST.test(rows[m].label))) continue;
      // exact, or (nothing casting either way) nearer the printed figure than their sum is: the difference is then the error found
      const holds = printed.every(([j, p]) => {
        const v = a.value(rows[first], this.cols[j]);
        if (v === undefined || v.isNegative()) return false;
        let left = v;
        let sum = v;
        for (const m of rest) {
          const x = a.value(rows[m], this.cols[j]);
          if (x === undefined || x.isNegative()) return false;
          left = left.minus(x);
          sum = sum.plus(x);
        }
        return left.eq(p.value) || p.value.minus(left).abs().lt(p.value.minus(sum).abs());
      });
      if (!holds) continue;
      const minus = new Set(rest);
      this.take(i, c.k, `${c.why}: the income less the spending printed under it (${rest.map((m) => `"${rows[m].label}"`).join(', ')}), both printed positive`, minus);
      return true;
    }
    return false;
  }

  /**
   * "Total amount to be met from Council Tax" that nothing above adds up to, under which an unlabelled
   * row prints exactly the sum of it and the rows above it (Fife's "Financed by:" block: grants + rates +
   * the amount from council tax = 1,060,943): the label begins like a total's, but the arithmetic says
   * it is a line of the block the row below closes. Read as a line, with a note. True when so read.
   */
  private lineOfTheRowBelow(i: number, cands: Start[]): boolean {
    const { a, rows } = this;
    const next = rows[i + 1];
    if (!next || next.label || next.empty || next.rowType !== undefined) return false;
    const cols = this.printedCols(next);
    if (!cols.length || cols.every(([, p]) => p.value.isZero())) return false;
    const adds = (k: number) => cols.every(([j, p]) => {
      const above = this.s.sumFrom(j, k);
      const own = a.value(rows[i], this.cols[j]);
      return above !== undefined && own !== undefined && above.plus(own).eq(p.value);
    });
    // … or it cannot total any run above: its lines all print its sign, and one of them is larger than it.
    const tooSmall = (k: number) => this.printedCols(rows[i]).some(([j, p]) => {
      const members = this.s.stack.slice(k).map((m) => a.value(rows[m], this.cols[j]) ?? ZERO).filter((v) => !v.isZero());
      return members.length >= 2 && members.every((v) => v.isNegative() === p.value.isNegative()) && members.some((v) => v.abs().gt(p.value.abs()));
    });
    const exact = cands.some((c) => adds(c.k));
    if (!exact && !cands.every((c) => tooSmall(c.k))) return false;
    this.kinds[i] = 'line';
    a.note(rows[i], a.t.labelCol, 'cast.total-read-as-line', `"${rows[i].label}" is read as a line: its label begins like a total's, but nothing above adds up to it, and ${exact ? 'the unlabelled row under it adds it with the rows above' : 'it is smaller than a line above of its own sign (no total of them), with an unlabelled row under it'}`);
    this.push(i);
    return true;
  }

  /** The stack position where the block after the heading this total names starts; -1 when it names none of the last 50. */
  private headingStart(name: string): number {
    const { headings } = this;
    if (!name) return -1;
    for (let h = headings.length - 1; h >= 0 && h >= headings.length - 50; h--) {
      const hn = headings[h].name;
      // (or the heading names it with a word before: "Proposed amendments to the funding of the Capital
      // Programme" closed by "Total amendments to the funding of the Capital Programme:", T13-53 — three words at least)
      if (hn && (hn === name || name.endsWith(` ${hn}`) || (name.split(' ').length >= 3 && hn.endsWith(` ${name}`)))) return headings[h].pos;
    }
    return -1;
  }

  /**
   * The stack position of the running balance a statement starts from ("Budget requirement 2023/24",
   * "Balance brought forward") within the current block (the last 200 rows at most): a sub-total of
   * the changes does not add the balance itself. -1 when there is none.
   */
  private openingBalance(): number {
    const { a, kinds, s } = this;
    for (let q = s.top - 1; q >= this.narrowFrom && q >= s.top - 200; q--) {
      const m = s.stack[q];
      if (kinds[m] === 'line' && !a.blocks.has(m) && this.opensOrCloses(m)) return q;
    }
    return -1;
  }

  /**
   * The blocks a labelled total may close, in order of preference, each once: after the heading it
   * names; since the last heading or total (narrow) and every row not yet totalled (wide) — wide first
   * for a typed or ALL-CAPS total; each run the figures vote for; after the balance a statement starts from.
   */
  private startsOf(row: TableRow, k0: 'subtotal' | 'total'): Start[] {
    const { s } = this;
    const matched = this.headingStart(nameOf(row.label));
    const opening = this.openingBalance();
    const wideFirst = k0 === 'total' && (row.rowType !== undefined || isAllCaps(row.label));
    const order: Start[] = [];
    if (matched >= 0 && matched < s.top) order.push({ k: matched, why: 'labelled after the heading it closes' });
    const narrow = { k: Math.min(this.narrowFrom, s.top), why: `labelled as a ${k0 === 'subtotal' ? 'sub-total' : 'total'} of the rows since the last heading or total` };
    const wide = { k: 0, why: `labelled as a total of every row not yet totalled` };
    order.push(...(wideFirst ? [wide, narrow] : [narrow, wide]));
    // The last heading may be a line printing no figure ("Specific Revenue Reserve" between "Income Work
    // in Progress 37.0" and "General Revenue Reserve 2.5" under "Financed by"): a row with a label and
    // nothing else, directly between two lines that print figures. The block since the heading before it
    // is a candidate too, and wins when it casts better (T6-08: Clare's Total Reserves = rows 13-17).
    const [before, last] = this.headings.slice(-2);
    if (before && last && last.pos === this.narrowFrom && before.pos < last.pos && this.lineWithNoFigure(last.i)) {
      order.push({ k: before.pos, why: `labelled as a total of the rows since "${this.rows[before.i].label}", across "${this.rows[last.i].label}" (a line printing no figure)` });
    }
    for (const v of this.voted(row, 1)) order.push({ k: v.k, why: `labelled as a total; the ${s.top - v.k} rows above it add up to it` });
    if (opening >= 0 && opening + 1 < s.top) order.push({ k: opening + 1, why: `labelled as a total of the rows after the balance they change ("${this.rows[s.stack[opening]].label}")` });
    // A grand total restated lower down ("Proposed Budget following Autumn Budget Revisions" 2,167.3 |
    // 601.3 | 2,768.6, then the parts and "Total Budget" printing the same figures): a run holding both
    // counts the budget twice, so a total below them adds neither the first nor anything above it (T10-05).
    const restated = this.restatedAt();
    if (restated) {
      const by = this.rows[s.stack[restated.q2]].label;
      for (const o of order) if (o.k <= restated.q) {
        o.k = restated.q + 1;
        o.why += ` (from after "${this.rows[s.stack[restated.q]].label}": "${by}" restates it, figure for figure)`;
      }
    }
    const seen = new Set<number>();
    for (const o of order) if (o.k < this.unitFrom) o.k = this.unitFrom;
    return order.filter((o) => o.k < s.top && !seen.has(o.k) && seen.add(o.k));
  }

  /**
   * A total on the stack that a later total on it restates (the same figure in every column of money,
   * two of them at least not nil): the positions of both, the later one nearest the top; undefined
   * when there is none among the last 200 rows of the stack.
   */
  private restatedAt(): { q: number; q2: number } | undefined {
    const { a, rows, cols, s } = this;
    const totals: number[] = [];
    for (let q = s.top - 1; q >= 0 && q >= s.top - 200; q--) if (a.blocks.has(s.stack[q])) totals.push(q);
    for (const q2 of totals) {
      for (const q of totals) {
        if (q >= q2) continue;
        let shown = 0;
        const same = cols.every((c) => {
          const x = a.value(rows[s.stack[q]], c);
          const y = a.value(rows[s.stack[q2]], c);
          if (x === undefined || y === undefined || !x.eq(y)) return false;
          if (!x.isZero()) shown++;
          return true;
        });
        if (same && shown >= 2) return { q, q2 };
      }
    }
    return undefined;
  }

  /** Row h prints a label and no figure, directly between two lines that print figures (no blank line between). */
  private lineWithNoFigure(h: number): boolean {
    const { rows } = this;
    const [up, down] = [rows[h - 1], rows[h + 1]];
    if (!up || !down || up.r !== rows[h].r - 1 || down.r !== rows[h].r + 1 || this.kinds[h - 1] !== 'line' || this.kinds[h + 1] !== 'line') return false;
    return this.cols.every((c) => !this.a.num(rows[h], c)) && this.cols.some((c) => this.a.num(up, c)) && this.cols.some((c) => this.a.num(down, c));
  }

  /**
   * A nil total (a class of reserves whose every figure is nil): nil = nil says nothing about which
   * rows it adds, so every candidate scores alike; it totals the nil rows directly above it (the
   * shortest all-nil candidate). False, taking nothing, when the row prints a figure or no candidate is all nil.
   */
  private nilTotal(i: number, cands: Start[]): boolean {
    const { a, rows, cols, s } = this;
    if (!this.printedCols(rows[i]).every(([, p]) => p.value.isZero())) return false;
    const allNil = (k: number) => s.stack.slice(k).every((m) => cols.every((c) => (a.value(rows[m], c) ?? ZERO).isZero()));
    const nil = cands.filter((c) => allNil(c.k)).sort((x, y) => y.k - x.k)[0];
    if (!nil) return false;
    this.take(i, nil.k, `${nil.why} (a nil total: the nil rows directly above it)`);
    return true;
  }

  /** The candidate whose run casts best to the row (the first in preference order on a tie), and its score. */
  private castsBest(row: TableRow, cands: Start[], sums = this.s): { best: Start; score: Score } {
    let best = cands[0];
    let bestScore = this.score(row, best.k, sums);
    for (const c of cands.slice(1)) {
      const sc = this.score(row, c.k, sums);
      if (better(sc, bestScore)) {
        best = c;
        bestScore = sc;
      }
    }
    return { best, score: bestScore };
  }

  /**
   * Nothing adds up to the total: read it as the block that needs the least change to cast (as an
   * auditor would: the sum over the row's printed columns of |printed − sum|, in the columns' units),
   * so the difference reported is the error, not a block misread. A block with a column it cannot sum
   * is skipped; `best` stays when none is smaller.
   */
  private leastChange(row: TableRow, cands: Start[], best: Start, sums = this.s): Start {
    // Columns an unreadable cell leaves unsummed for some candidate (a workbook's formulas saved with
    // no value, each reported at its cell) are compared in none: the columns every candidate can sum decide.
    const all = [best, ...cands];
    const only = new Set(this.printedCols(row).map(([j]) => j).filter((j) => all.every((c) => sums.sumFrom(this.stepped(row, j, c.k), c.k) !== undefined)));
    const miss = (k: number) => this.miss(row, k, sums, only.size && only.size < this.printedCols(row).length ? only : undefined);
    let least = miss(best.k);
    for (const c of cands) {
      const m = miss(c.k);
      if (m !== undefined && (least === undefined || m.lt(least))) {
        best = c;
        least = m;
      }
    }
    return best;
  }

  /** The change the run from k needs to cast to the row: the sum over its printed columns of |printed − sum|; undefined when a cell cannot be read. */
  private miss(row: TableRow, k: number, sums = this.s, only?: ReadonlySet<number>): Dec | undefined {
    let m = ZERO;
    for (const [j, p] of this.printedCols(row)) {
      if (only && !only.has(j)) continue;
      const v = sums.sumFrom(this.stepped(row, j, k), k);
      if (v === undefined) return undefined;
      m = m.plus(p.value.minus(v).abs());
    }
    return m;
  }

  /** Every printed column of row i is positive, the rows from stack position k all nil or positive and adding up to less than half of it. */
  private partOnly(i: number, k: number): boolean {
    const { a, rows, s } = this;
    const printed = this.printedCols(rows[i]);
    const members = s.stack.slice(k);
    return printed.length > 0 && members.length >= 1 && printed.every(([j, p]) => {
      if (!p.value.isPositive() || p.value.isZero()) return false;
      let sum = ZERO;
      for (const m of members) {
        const v = a.value(rows[m], this.cols[j]);
        if (v === undefined || v.isNegative()) return false;
        sum = sum.plus(v);
      }
      return sum.times(2).lt(p.value);
    });
  }

  /**
   * "Total Comprehensive Income and Expenditure": labelled like a total, but nothing adds up to it and
   * it would add fewer than two rows, and nothing else marks it as a total (a row type, bold, ALL CAPS,
   * "Sub-total", all nil): read as a line, with a note. True when so read.
   */
  private readAsLine(i: number, k0: 'subtotal' | 'total', best: Start, score: Score): boolean {
    const { a, s } = this;
    const row = this.rows[i];
    const typed = row.rowType !== undefined;
    // A total named after the heading directly over its one line ("INCOME", "Precept + Grant", "Total
    // Income") closes that heading's block whatever it casts to: checked, not demoted (T8-53).
    const closesHeading = best.why === 'labelled after the heading it closes';
    // A "total" of ONE row that it differs from in every column (two figures or more, none within
    // rounding) is another quantity, whatever its label says: "TOTAL ESTIMATED PROGRAMME RESOURCES"
    // under "TOTAL ESTIMATED CAPITAL PROGRAMME", the resources the programme is set against (T9-65 (a)).
    const shown = this.printedCols(row).filter(([, p]) => !p.value.isZero()).length;
    if (!closesHeading && s.top - best.k === 1 && shown >= 2 && score.exact + score.near === 0 && nameOf(row.label) && !explains(this.rows[i + 1])) {
      this.kinds[i] = 'line';
      a.note(row, a.t.labelCol, 'cast.total-read-as-line', `"${row.label}" is read as a line: its label begins like a total's, but it differs in every column from the one row above it it could total ("${this.rows[s.stack[best.k]].label}")`);
      this.push(i);
      return true;
    }
    // A total named for a wider whole than the rows listed ("England and Wales total" under the three
    // forces a written answer was asked about): its lines, all of its sign, add up to less than half of it
    // in every column — a partial listing, not a sum that fails (T12-02). A list of every member with one
    // wrong or left out stays a total: its lines then make up most of it.
    if (!typed && WIDER_WHOLE.test(row.label) && this.partOnly(i, best.k)) {
      this.kinds[i] = 'line';
      a.note(row, a.t.labelCol, 'cast.total-read-as-line', `"${row.label}" is read as a line: it names a wider whole than the rows listed above it, which add up to less than half of it in every column (a partial listing, not its parts)`);
      this.push(i);
      return true;
    }
    const strong = typed || isAllCaps(row.label) || k0 === 'subtotal' || closesHeading || this.printedCols(row).every(([, p]) => p.value.isZero());
    if (strong || score.exact + score.near !== 0 || s.top - best.k >= 2 || !nameOf(row.label)) return false;
    this.kinds[i] = 'line';
    if (explains(this.rows[i + 1])) {
      // "Total expenditure movement" then "Explained By:" and its lines: tried as a total printed above them, after the pass.
      this.above.push(i);
      this.push(i);
      return true;
    }
    a.note(row, a.t.labelCol, 'cast.total-read-as-line', `"${row.label}" is read as a line: its label begins like a total's, but no run of rows above adds up to it`);
    this.push(i);
    return true;
  }
}

/**
 * The table prints its totals bold: some bold row prints a figure (not nil) that is the sum of a run of
 * two rows or more directly above it in its column. Bold rows that add nothing up are lines printed bold
 * ("Total Comprehensive Income and Expenditure" in a movement-in-reserves statement, bold as many
 * statements print it): bold is then no mark of a total, and a plain row may still be one by its
 * arithmetic. One pass: per column, the running sums seen so far (a run j..i−1 adds up to x when the sum
 * to i−1 less x is the sum to some j−1 ≤ i−3).
 */
function boldMarksTotals(a: Audit, rows: TableRow[], cols: number[]): boolean {
  if (!rows.some((r) => r.bold)) return false;
  for (const c of cols) {
    let sum = ZERO;
    /** the running sums before row i−1 (sums to rows 0 … i−3, and the empty sum) */
    const before = new Set<string>();
    const lag: string[] = [ZERO.toString()];
    for (let i = 0; i < rows.length; i++) {
      const x = a.value(rows[i], c);
      if (rows[i].bold && x !== undefined && !x.isZero() && before.has(sum.minus(x).toString())) return true;
      sum = sum.plus(x ?? ZERO);
      lag.push(sum.toString());
      // after row i: the sums to rows up to i−2 may start a run of two rows or more ending at row i
      if (lag.length > 2) before.add(lag[lag.length - 3]);
    }
  }
  return false;
}

/** A heading that says the rows under it explain the figure above it: "Explained By:", "Analysed as:", "Made up of:". */
const EXPLAINS = /^(explained by|analysed (as|by)|made up (of|as follows)|comprising|represented by|consisting of)\s*:?$/i;
const explains = (row: TableRow | undefined) => row !== undefined && EXPLAINS.test(row.label.trim()) && row.cells.size > 0 && [...row.cells.values()].every((x) => x.kind === 'blank');

/** Row i's non-nil figure equals the sum of the member rows' figures, in one of the columns at least (figures as printed). */
function castsInSome(a: Audit, i: number, members: number[], cols: number[]): boolean {
  const rows = a.t.rows;
  return cols.some((c) => {
    const p = a.num(rows[i], c);
    if (!p || p.value.isZero()) return false;
    let sum = ZERO;
    for (const m of members) sum = sum.plus(a.value(rows[m], c) ?? ZERO);
    return sum.eq(p.value);
  });
}

/**
 * A row labelled as a total with nothing above it, and the lines under it up to the next heading,
 * total or the table's end: a total printed above its lines when they add up to it (in one column at least).
 */
function totalAbove(a: Audit, i: number, cols: number[]): void {
  const rows = a.t.rows;
  const members: number[] = [];
  const from = explains(rows[i + 1]) ? i + 2 : i + 1;
  for (let j = from; j < rows.length && a.kinds[j] === 'line' && !a.blocks.has(j); j++) members.push(j);
  if (members.length < 2) return;
  if (!castsInSome(a, i, members, cols)) return;
  a.kinds[i] = 'total';
  const why = 'labelled as a total, printed above the lines that add up to it';
  a.blocks.set(i, { members, why });
  a.totals.push({ row: a.rowNumber(rows[i]), label: rows[i].label, from: a.rowNumber(rows[members[0]]), to: a.rowNumber(rows[members[members.length - 1]]), why });
}

/**
 * Group rows printed above their lines, one after another in a table with no total row (the Scottish
 * Government's service analysis: "Education 14,798 | 184,132 | …", then its six services; "Cultural and
 * related services", then its eight): a line in no block, followed by two or more lines in no block
 * whose figures add up to it — exactly in every column it prints, three columns at least, or in all but
 * one (that figure the cast then finds wrong) — when the run ends where its section ends (the table's
 * end, a heading, a blank line, a row some total adds or a total) or where the next such group row
 * starts. Each is a total of the lines under it. Figures as printed.
 */
function groupsAbove(a: Audit, cols: number[]): void {
  const rows = a.t.rows;
  const inBlock = new Set<number>();
  for (const b of a.blocks.values()) for (const m of b.members) inBlock.add(m);
  const free = (j: number) => a.kinds[j] === 'line' && !a.blocks.has(j) && !inBlock.has(j);
  const next = (j: number) => j + 1 < rows.length && free(j + 1) && rows[j + 1].r === rows[j].r + 1;
  /** The last row e of the lines under group row i that add up to it (undefined: none), and how many columns agree. */
  const runOf = (i: number): number | undefined => {
    const printed = cols.filter((c) => {
      const p = a.num(rows[i], c);
      return p !== undefined && !p.value.isZero();
    });
    if (printed.length < 3) return undefined;
    const sums = printed.map(() => ZERO);
    // a column agrees only when it adds two figures that are not nil (nil lines make any figure "the
    // sum" of it and the next: Outturn's own Table 3a prints "Useable reserves 9,015" above a row of
    // nils and "General reserve 9,015")
    const nonNil = printed.map(() => 0);
    for (let e = i + 1; next(e - 1); e++) {
      let agree = 0;
      for (const [k, c] of printed.entries()) {
        const v = a.value(rows[e], c);
        if (v === undefined) return undefined;
        sums[k] = sums[k].plus(v);
        if (!v.isZero()) nonNil[k]++;
        if (nonNil[k] >= 2 && sums[k].eq(a.num(rows[i], c)!.value)) agree++;
      }
      if (e - i >= 2 && agree >= printed.length - 1 && agree >= 3) {
        // the run must end its section, or run into the next group row
        if (!next(e) || runOf(e + 1) !== undefined) return e;
      }
    }
    return undefined;
  };
  for (let i = 0; i < rows.length; i++) {
    // a chain starts its section, or follows a row that is no free line (a total, a row a total adds)
    if (!free(i) || !(startsSection(i) || !free(i - 1))) continue;
    let g = i;
    const chain: [number, number][] = [];
    for (let e = runOf(g); e !== undefined; e = next(e) ? runOf((g = e + 1)) : undefined) chain.push([g, e]);
    for (const [top, end] of chain) {
      const members: number[] = [];
      for (let j = top + 1; j <= end; j++) members.push(j);
      a.kinds[top] = 'total';
      const why = 'printed above the lines under it, which add up to it (a group and its lines)';
      a.blocks.set(top, { members, why });
      a.totals.push({ row: a.rowNumber(rows[top]), label: rows[top].label, from: a.rowNumber(rows[members[0]]), to: a.rowNumber(rows[end]), why });
    }
    if (chain.length) i = chain[chain.length - 1][1];
  }
  /** Row i starts a section: the table's first row, or after a heading or a blank line. */
  function startsSection(i: number): boolean {
    return i === 0 || a.kinds[i - 1] === 'heading' || rows[i].r > rows[i - 1].r + 1;
  }
}

/**
 * Column c is a ratio by its figures where its caption does not say so ("2005-06 (Adj)(5) (£)" beside
 * "Funding per head of population (£)", T12-06): on the total row and every member, its figure is within
 * 5% of the figure of a column captioned per head (an adjusted or restated version of it), and the
 * total's figure lies between the smallest and largest of its members' — no sum of positive figures does.
 */
function tracksRatioColumn(a: Audit, total: TableRow, members: readonly number[], c: number): boolean {
  const rows = a.t.rows;
  const mine = [total, ...members.map((m) => rows[m])].map((r) => a.value(r, c));
  if (mine.some((v) => v === undefined || !v.isPositive() || v.isZero()) || members.length < 2) return false;
  const own = mine.slice(1) as Dec[];
  if (mine[0]!.lt(Dec.min(...own)) || mine[0]!.gt(Dec.max(...own))) return false;
  return moneyCols(a.t).some((k) => k !== c && RATIO_CAPTION.test(a.col(k).caption) && [total, ...members.map((m) => rows[m])].every((r, n) => {
    const v = a.value(r, k);
    return v !== undefined && v.isPositive() && mine[n]!.minus(v).abs().lte(v.times('0.05'));
  }));
}

/** A unit printed in a column of its own, row by row: "£m", "£", "£000", "%", "€m". */
const ROW_UNIT = /^\(?\s*([£€$]\s*(['’]?\s*000s?|m|k|bn)?|%|['’]?000s?|pence|p|days|years|no\.?|number)\s*\)?$/i;

/**
 * The unit each row prints in a column of units beside its label ("Capital expenditure | £m | 208.4 …",
 * "Ratio of financing costs … | % | 2.79 …": a prudential indicators summary): a column that is not a
 * column of figures, where three rows printing figures at least print a unit and every row printing
 * figures prints a unit or nothing. Per row index, the unit (lower case); undefined when no column is so.
 */
function unitsByRow(a: Audit): ReadonlyMap<number, string> | undefined {
  const t = a.t;
  const money = new Set(moneyCols(t));
  const figures = t.rows.map((row, i) => [row, i] as const).filter(([row]) => [...money].some((c) => a.num(row, c)));
  for (let c = t.c0; c <= t.c1; c++) {
    if (c === t.labelCol || money.has(c)) continue;
    const out = new Map<number, string>();
    let ok = true;
    for (const [row, i] of figures) {
      const x = cellText(cellAt(t.grid, row.r, c)).trim();
      if (!x) continue;
      if (!ROW_UNIT.test(x)) { ok = false; break; }
      out.set(i, x.toLowerCase().replace(/\s+/g, ''));
    }
    if (ok && out.size >= 3 && new Set(out.values()).size >= 2) return out;
  }
  return undefined;
}

/** A total named for a nation or every member of a kind: "England and Wales total", "UK total", "Total, all forces", "National total". */
const WIDER_WHOLE = /\b(england|wales|scotland|great\s+britain|united\s+kingdom|uk|gb|national|all\s+(forces|authorities|councils|police|fire|local\s+authorities|areas|regions|bodies))\b[^]*\btotals?\b|\btotals?\b[^]*\b(england|wales|scotland|great\s+britain|united\s+kingdom|uk|gb|national|all\s+(forces|authorities|councils|police|fire|local\s+authorities|areas|regions|bodies))\b/i;

/** A heading saying the rows under it make up the figure above it: "financed by:", "of which:", "made up of:", "comprising:". */
const PARTS_FOLLOW = /^(of which|(financed|funded|met|paid for|resourced)\s+(by|from)|explained by|analysed (as|by)|made up (of|as follows)|comprising|represented by|consisting of)\s*:?$/i;

/**
 * A list whose totals stand ABOVE their items, read before the pass down the rows (T8-03, T8-09): a
 * statistical annex's two-level list ("Education 13,798", then its five services, "Cultural and
 * related services 3,574", then its five …, then "Total General Fund Services" of the group lines and
 * the lines in no group), a written answer's "Revenue expenditure 12,353 / financed by: / its four
 * sources", or one total printed first over every line under it ("Scotland 392,155", then the 32
 * councils). In a run of lines with no blank line, heading or total between them, a line is a group
 * row when the lines directly under it (after a "financed by:"/"of which:" heading, if one stands
 * there), two or more, add up to it exactly in every column it prints a figure in that is not nil (a
 * cell that cannot be read left out), the first such run, and any nil lines after it. The reading is
 * taken only when it explains the list: three groups or more; two, when the total under the list adds
 * the group lines and the lines in no group, or when each is introduced by such a heading; or one,
 * when it is the list's first line and adds every other line of it (three not nil at least). A group
 * printed under such a heading with one column out (two exact at least) is a group whose wrong figure
 * the cast finds; so is, under a total of the list, the run of lines in no group that, read as a group
 * row and its lines, leaves that total nearest its printed figures (one item of a one-column list
 * changed). Each group row then stands for its lines in the pass: a total below adds it, never them.
 * Only in a table of no statutory layout. Figures as printed, in the table's units.
 */
function hierarchyAbove(a: Audit, cols: number[]): { groups: Set<number>; items: Set<number> } | undefined {
  const rows = a.t.rows;
  if (!cols.length) return undefined;
  const free = (j: number) => j < rows.length && a.kinds[j] === 'line' && !a.blocks.has(j);
  const blankIn = (j: number) => cols.every((c) => a.num(rows[j], c) === undefined);
  const parts = (j: number) => j < rows.length && a.kinds[j] === 'heading' && PARTS_FOLLOW.test(rows[j].label.trim()) && blankIn(j);
  const figures = (j: number) => cols.filter((c) => {
    const p = a.num(rows[j], c);
    return p !== undefined && !p.value.isZero();
  });
  /** In how many of row g's columns (non-nil, readable) the members add up to it, in how many not, and whether one of the exact ones adds two figures that are not nil. */
  const cast = (g: number, members: number[]) => {
    let exact = 0;
    let off = 0;
    let solid = false;
    let diff = ZERO;
    for (const c of figures(g)) {
      let sum = ZERO;
      let nonNil = 0;
      let readable = true;
      for (const m of members) {
        const v = a.value(rows[m], c);
        if (v === undefined) {
          readable = false;
          break;
        }
        if (!v.isZero()) nonNil++;
        sum = sum.plus(v);
      }
      if (!readable) continue;
      const d = a.num(rows[g], c)!.value.minus(sum);
      diff = diff.plus(d.abs());
      if (d.isZero() && nonNil >= 1) {
        exact++;
        if (nonNil >= 2) solid = true;
      } else off++;
    }
    return { exact, off, solid, diff };
  };
  type Group = { g: number; members: number[]; fit: 'exact' | 'near' | 'off'; worded: boolean; solid: boolean };
  /** The group row j heads, its lines up to `stop` (exclusive) at most. */
  const groupAt = (j: number, stop: number): Group | undefined => {
    if (!figures(j).length) return undefined;
    const worded = j + 1 < stop && parts(j + 1);
    const first = worded ? j + 2 : j + 1;
    let near: Group | undefined;
    for (let e = first + 1; e < stop && free(e); e++) {
      // a line directly above a "financed by:" heading heads the next group
      if (e + 1 < stop && parts(e + 1)) break;
      const members: number[] = [];
      for (let m = first; m <= e; m++) members.push(m);
      const x = cast(j, members);
      if (x.exact >= 1 && x.off === 0) {
        // nil lines directly under the last one belong to the group too
        while (e + 1 < stop && free(e + 1) && !parts(e + 2) && cols.some((c) => a.num(rows[e + 1], c) !== undefined) && cols.every((c) => a.value(rows[e + 1], c)?.isZero() ?? false)) members.push(++e);
        return { g: j, members, fit: 'exact', worded, solid: x.solid };
      }
      if (worded && !near && x.exact >= 2 && x.off === 1) near = { g: j, members, fit: 'near', worded, solid: x.solid };
    }
    return near;
  };
  const groups = new Set<number>();
  const items = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    if (!free(i)) continue;
    // the run of lines from i: no blank line, heading (but a "financed by:" under a line) or total in it
    let stop = i + 1;
    while (stop < rows.length && rows[stop].r === rows[stop - 1].r + 1 && (free(stop) || (parts(stop) && free(stop - 1) && free(stop + 1)))) stop++;
    const runEnd = stop;
    const read = readRun(i, stop);
    i = runEnd - 1;
    if (!read) continue;
    for (const gr of read) {
      a.kinds[gr.g] = 'total';
      groups.add(gr.g);
      const heading = gr.worded ? rows[gr.g + 1] : undefined;
      if (heading) items.add(gr.g + 1);
      for (const m of gr.members) items.add(m);
      const why = heading
        ? `printed above its parts, under "${heading.label.trim()}", which add up to it`
        : read.length === 1 ? 'printed first, above the lines under it, which add up to it (the total printed above its parts)' : 'printed above the lines under it, which add up to it (a group and its lines)';
      a.blocks.set(gr.g, { members: gr.members, why });
      a.totals.push({ row: a.rowNumber(rows[gr.g]), label: rows[gr.g].label, from: a.rowNumber(rows[gr.members[0]]), to: a.rowNumber(rows[gr.members[gr.members.length - 1]]), why });
    }
  }
  return groups.size ? { groups, items } : undefined;

  /** The groups of the run of rows i … stop − 1 when they explain it (see above), else undefined. */
  function readRun(i: number, stop: number): Group[] | undefined {
    const found: Group[] = [];
    const top: number[] = [];
    for (let j = i; j < stop;) {
      const gr = parts(j) ? undefined : groupAt(j, stop);
      top.push(j);
      if (gr) {
        found.push(gr);
        j = gr.members[gr.members.length - 1] + 1;
      } else j++;
    }
    if (!found.length) return undefined;
    const exact = found.filter((g) => g.fit === 'exact' && g.solid).length;
    // The total of the list: the labelled total directly under it, else a line in no group after the
    // groups that adds every line of the list above it (the group rows standing for their items).
    const labelled = stop < rows.length && rows[stop].r === rows[stop - 1].r + 1 && (a.kinds[stop] === 'total' || a.kinds[stop] === 'subtotal');
    const lastGroup = Math.max(...found.map((g) => g.g));
    const candidates = labelled ? [{ total: stop, tops: top }] : top.map((t, q) => ({ total: t, tops: top.slice(0, q) }))
      .filter((x) => x.total > lastGroup && x.tops.length >= 2 && figures(x.total).length > 0 && !found.some((g) => g.g === x.total));
    const casts = (x: { exact: number; off: number }) => x.exact >= 1 && x.off === 0;
    let confirmed = candidates.some(({ total, tops }) => casts(cast(total, tops)));
    if (!confirmed && exact >= 2) {
      // One group's figure wrong: the run of lines in no group that, read as a group row and its lines,
      // leaves the labelled total nearest its printed figures (or makes an unlabelled one add up exactly).
      let best: { g: number; members: number[]; diff: Dec } | undefined;
      for (const { total, tops } of candidates.slice(0, 12)) {
        const before = cast(total, tops).diff;
        const loose = tops.filter((t) => !found.some((g) => g.g === t));
        for (let u = 0; u < loose.length; u++) {
          let end = u;
          while (end + 1 < loose.length && loose[end + 1] === loose[end] + 1) end++;
          // (a run of at most 60 lines: every group row and end in it is tried)
          for (let g = u; g + 2 <= end && end - u < 60; g++) {
            for (let f = g + 2; f <= end; f++) {
              const members = loose.slice(g + 1, f + 1);
              const y = cast(total, tops.filter((t) => !members.includes(t)));
              if (labelled ? !y.diff.lt(before) : !casts(y)) continue;
              if (!best || y.diff.lt(best.diff)) best = { g: loose[g], members, diff: y.diff };
            }
          }
          u = end;
        }
      }
      if (best) {
        found.push({ g: best.g, members: best.members, fit: 'off', worded: false, solid: false });
        found.sort((p, q) => p.g - q.g);
        confirmed = true;
      }
    }
    const worded = found.every((g) => g.worded);
    if (exact >= 3 || (exact >= 2 && confirmed) || (worded && found.length >= 2 && found.some((g) => g.fit === 'exact'))) return found;
    // one total printed first, over every other line of the list
    // — unless a row labelled as a total directly under the list adds the same lines: that is the list's
    // total, and the row above them what it balances ("Net expenditure; Grant; Council tax; Use of
    // reserves; Total funding")
    if (found.length === 1 && top.length === 1 && found[0].fit === 'exact' && (found[0].worded || found[0].members.filter((m) => figures(m).length).length >= 3) &&
      !(labelled && casts(cast(stop, found[0].members)))) return found;
    return undefined;
  }
}

/**
 * A closing balance printed above the movements that lead to it (as statements of accounts print
 * provisions: "Closing Balance at 31 March 2022", then "Balance at 1 April", the increases and the
 * amounts used; or a statement read bottom-up): the first row of its block (the table's first row, or
 * the row after a heading or a blank line), labelled as a balance at the end of a period, still a line
 * in no block, with two or more lines under it up to the next heading, total, blank line or the
 * table's end. It totals them when its arithmetic says so (a non-nil figure equal to their sum, in one
 * column at least) or when the first of them, or the last (a statement read bottom-up), is labelled
 * as the opening balance (then a figure wrong in every column is still found at its cell by the
 * cast). Figures as printed, in the table's units.
 */
function balancesAbove(a: Audit, cols: number[]): void {
  const rows = a.t.rows;
  const inBlock = new Set<number>();
  for (const b of a.blocks.values()) for (const m of b.members) inBlock.add(m);
  const free = (j: number) => a.kinds[j] === 'line' && !a.blocks.has(j) && !inBlock.has(j);
  for (let i = 0; i < rows.length; i++) {
    const first = i === 0 || a.kinds[i - 1] === 'heading' || rows[i].r > rows[i - 1].r + 1;
    if (!first || !free(i) || !CLOSING_BALANCE.test(rows[i].label) || OPENS.test(rows[i].label)) continue;
    const members: number[] = [];
    for (let j = i + 1; j < rows.length && free(j) && rows[j].r === rows[j - 1].r + 1 && !CLOSING_BALANCE.test(rows[j].label); j++) members.push(j);
    if (members.length < 2) continue;
    const casts = castsInSome(a, i, members, cols);
    // The opening balance first under it, or last (a statement read bottom-up: closing, movements, opening).
    const opening = [members[0], members[members.length - 1]].find((m) => OPENS.test(rows[m].label));
    if (!casts && opening === undefined) continue;
    a.kinds[i] = 'total';
    const why = casts
      ? 'labelled as a closing balance, printed above the movements that add up to it'
      : `labelled as a closing balance, printed above the movements from the opening balance ("${rows[opening!].label}")`;
    a.blocks.set(i, { members, why });
    a.totals.push({ row: a.rowNumber(rows[i]), label: rows[i].label, from: a.rowNumber(rows[members[0]]), to: a.rowNumber(rows[members[members.length - 1]]), why });
  }
}

/**
 * A requirement closing two tables (Westmorland and Furness: the budget table ends "Net budget 263.478",
 * then, under its own header row, "Where the money comes from" ends "Total sources of finance (110.778)"
 * and "Total Council Tax requirement 152.700"): a row labelled as closing, in no block, directly under
 * this table's last total, is the total the table above ends with ± that total — the sign more columns
 * agree with exactly (one at least, and no fewer than are out beyond the rounding of the printed
 * figures). Then it is a running total carried across the header (`cast.carried`), checked in every
 * column; its "read as a line" note goes.
 */
function afterCarriedAndTotal(a: Audit, cols: number[], carried: TableRow): void {
  const rows = a.t.rows;
  if ([...a.blocks.values()].some((b) => b.carried)) return;
  const inBlock = new Set([...a.blocks.values()].flatMap((b) => b.members));
  for (let i = 1; i < rows.length; i++) {
    const t = i - 1;
    if (a.kinds[i] !== 'line' || a.blocks.has(i) || inBlock.has(i) || !a.blocks.has(t) || inBlock.has(t) || !CLOSES.test(rows[i].label.trim())) continue;
    const both = cols.filter((c) => a.num(rows[i], c) && a.num(rows[t], c) && a.num(carried, c));
    const vote = (sign: 1 | -1) => {
      let exact = 0;
      let off = 0;
      for (const c of both) {
        const [x, y, z] = [a.num(rows[i], c)!, a.num(rows[t], c)!, a.num(carried, c)!];
        const d = x.value.minus(z.value.plus(y.value.times(sign)));
        if (d.isZero()) exact++;
        else if (severityOf(d, x, [y, z]).severity !== 'warning') off++;
      }
      return { exact, off };
    };
    const [plus, less] = [vote(1), vote(-1)];
    const best = less.exact > plus.exact ? less : plus;
    if (best.exact === 0 || best.off > best.exact) continue;
    const minus = best === less ? new Set([t]) : undefined;
    const why = `carried on from "${carried.label || 'the total'}" (row ${a.rowNumber(carried)}), the total printed at the foot of the table above, ${minus ? 'less' : 'plus'} "${rows[t].label || 'the total above it'}" (a running total across the header)`;
    a.kinds[i] = 'total';
    a.blocks.set(i, { members: [t], why, ...(minus ? { minus } : {}), carried: { row: carried, sign: 1 } });
    a.totals.push({ row: a.rowNumber(rows[i]), label: rows[i].label, from: a.rowNumber(rows[t]), to: a.rowNumber(rows[t]), why });
    const at = a.rowNumber(rows[i]);
    for (let f = a.findings.length - 1; f >= 0; f--) if (a.findings[f].rule === 'cast.total-read-as-line' && a.findings[f].row === at) a.findings.splice(f, 1);
    a.note(rows[i], a.t.labelCol, 'cast.carried', `"${rows[i].label}" is read as ${why}`);
    return;
  }
}

/**
 * A sub-total printed below lines it leaves out. A total T whose block starts with one to three lines
 * G and then a line L whose figures are exactly, in every column it prints (two at least not nil), the
 * sum of the two or more lines R directly above G that no total adds: L is the sub-total of its
 * section, R and G (the lines printed directly above it), and T adds L and the rows after it. Both
 * readings cast T; this one is the table's layout (a sub-total closes the lines above it), so L is
 * checked against all of them and its figures that leave G out are found, each an error at L. South
 * Lakeland's copy of Cumbria's "Service costs" 918.0 / 439.2 / 961.3 / 466.5 is the sum of its first
 * seven services only, printed under "Other services (1)" and "Less charges for building and equipment
 * (2)" (−21.0 together), where "Budget" = the nine + reserves exactly (T7-54: the audit had made
 * "Other services (1)" the sub-total, 5 false errors there, the 4 wrong cells unfound).
 */
function subtotalSkippingLines(a: Audit, cols: number[]): void {
  const rows = a.t.rows;
  const inBlock = new Set<number>();
  for (const b of a.blocks.values()) for (const m of b.members) inBlock.add(m);
  const line = (j: number) => a.kinds[j] === 'line' && !a.blocks.has(j) && !rows[j].empty;
  const next = (j: number) => j + 1 < rows.length && rows[j + 1].r === rows[j].r + 1;
  for (const [t, b] of [...a.blocks]) {
    if (b.carried || b.minus?.size) continue;
    const m = b.members;
    for (let p = 1; p <= 3 && p < m.length; p++) {
      const l = m[p];
      if (!line(l) || !m.slice(0, p + 1).every((j, k) => (k === 0 || m[k - 1] + 1 === j) && line(j)) || !m.slice(0, p).every(next)) continue;
      const run: number[] = [];
      for (let j = m[0] - 1; j >= 0 && line(j) && !inBlock.has(j) && next(j); j--) run.unshift(j);
      if (run.length < 2) continue;
      let printed = 0;
      let gapped = false;
      const sum = (js: number[], c: number) => js.reduce((x: Dec | undefined, j) => {
        const v = a.num(rows[j], c);
        return x === undefined ? undefined : v ? x.plus(v.value) : rows[j].cells.get(c)?.kind === 'text' ? undefined : x;
      }, ZERO);
      const fits = cols.every((c) => {
        const v = a.num(rows[l], c);
        if (!v) return true;
        const r = sum(run, c);
        const g = sum(m.slice(0, p), c);
        if (r === undefined || g === undefined || !r.eq(v.value)) return false;
        if (!v.value.isZero()) printed++;
        if (!g.isZero()) gapped = true;
        return true;
      });
      if (!fits || printed < 2 || !gapped) continue;
      const first = rows[run[0]];
      const gap = m.slice(0, p);
      const why = `the sub-total of its section; its figures are the sum of rows ${a.rowNumber(first)}-${a.rowNumber(rows[run[run.length - 1]])} only, leaving out ${gap.length === 1 ? `row ${a.rowNumber(rows[gap[0]])}` : `rows ${a.rowNumber(rows[gap[0]])}-${a.rowNumber(rows[gap[gap.length - 1]])}`} printed directly above it`;
      a.kinds[l] = 'total';
      a.blocks.set(l, { members: [...run, ...gap], why, skips: gap });
      a.totals.push({ row: a.rowNumber(rows[l]), label: rows[l].label, from: a.rowNumber(first), to: a.rowNumber(rows[gap[gap.length - 1]]), why });
      b.members = m.slice(p);
      const tt = a.totals.find((x) => x.row === a.rowNumber(rows[t]));
      if (tt) tt.from = a.rowNumber(rows[l]);
      for (const j of [...run, ...gap]) inBlock.add(j);
      break;
    }
  }
}

/**
 * A sub-total in the middle of the rows known only by where it stands (a ruled row copied without its
 * rule, with no label or a label that does not say it closes anything: "Service expenditure",
 * "Expenditure before contributions to/from reserves"): a row that nothing above adds up to (one of
 * its lines wrong, or a rounding difference) stays a line in the pass, but when the total below
 * starts at it ("Employees; Premises; Service expenditure 150; Income (30); Net expenditure 120")
 * and the two or more lines directly above it (up to a heading, a blank line, a total or a row some
 * total adds) are in no total at all, it is their sub-total — the total below adds it in their place
 * — and it is checked.
 */
function subtotalsOfLinesLeftOver(a: Audit, cols: number[]): void {
  const rows = a.t.rows;
  const inBlock = new Set<number>();
  for (const b of a.blocks.values()) for (const m of b.members) inBlock.add(m);
  const free = (j: number) => a.kinds[j] === 'line' && !a.blocks.has(j) && !inBlock.has(j);
  for (const b of [...a.blocks.values()]) {
    const s = b.members[0];
    const row = rows[s];
    if (a.kinds[s] !== 'line' || a.blocks.has(s) || row.empty) continue;
    const members: number[] = [];
    for (let j = s - 1; j >= 0 && free(j) && rows[j + 1].r === rows[j].r + 1; j--) members.unshift(j);
    if (members.length < 2) continue;
    // A sub-total with a line wrong is still of its lines' size in some column: a line whose every
    // figure is far from theirs (South Lakeland's "Other services (1)" 13.9 under lines adding up to
    // 918.0) is no sub-total of them, whatever the total below starts at (T7-54).
    // A line wrong by any amount (17.044 printed 117.044 above a sub-total of 30.515): the others add up
    // to less than the sub-total, of its sign, leaving the wrong line a figure of that sign (30.515 −
    // 13.471 = 17.044); under South Lakeland's 13.9 any six of the seven lines add up to 275.2 or more.
    const ofTheirSize = cols.some((c) => {
      const p = a.num(row, c);
      if (!p || p.value.isZero()) return false;
      let sum = ZERO;
      for (const m of members) sum = sum.plus(a.value(rows[m], c) ?? ZERO);
      const near = (x: Dec) => p.value.minus(x).abs().times(2).lt(x.abs());
      const leaves = (rest: Dec) => !rest.isZero() && rest.isNegative() === p.value.isNegative() && rest.abs().lt(p.value.abs());
      return near(sum) || members.some((m) => leaves(sum.minus(a.value(rows[m], c) ?? ZERO)));
    });
    if (!ofTheirSize) continue;
    a.kinds[s] = 'total';
    const why = `${row.label ? 'a label that does not say total' : 'no label'}, in the middle of the rows: the lines above it are in no other total, and the total below adds it in their place (a sub-total)`;
    a.blocks.set(s, { members, why });
    a.totals.push({ row: a.rowNumber(row), label: row.label, from: a.rowNumber(rows[members[0]]), to: a.rowNumber(rows[members[members.length - 1]]), why });
    for (const m of members) inBlock.add(m);
  }
}

/**
 * Sibling groups, each closed by its sub-total, and one group whose sub-total the pass could not read
 * (one of its figures wrong): a run of rows (no heading or blank line) whose last row is a line in no
 * total, above it two or more sub-totals each of the consecutive lines directly above it, and one gap
 * of three or more lines in no total. When the last row's figures are, in every column it prints, the
 * sub-totals plus the gap's last row, or the sub-totals plus the gap's other lines (exactly), the gap is
 * a group like its siblings: its last row is its sub-total and the last row the total of the sub-totals.
 * Both are then checked, so the wrong figure is found (at the sub-total, or — when the sub-total's own
 * figure is the wrong one — as the one figure the two failing casts share). Hansard's Welsh fire
 * contributions 1996-97: three fire authorities' totals under "Wales", none labelled; a line of Mid and
 * West Wales changed had left its total and "Wales" unread, "the tables cast" (a regression of 88b203a).
 * Figures as printed; no tolerance.
 */
function subtotalOfTheGroupWithout(a: Audit, cols: number[]): void {
  const rows = a.t.rows;
  const inBlock = new Set<number>();
  for (const b of a.blocks.values()) for (const m of b.members) inBlock.add(m);
  const free = (i: number) => a.kinds[i] === 'line' && !a.blocks.has(i) && !inBlock.has(i) && !rows[i].empty;
  const runs: number[][] = [];
  let cur: number[] = [];
  rows.forEach((row, i) => {
    if (a.kinds[i] === 'heading' || row.empty || (i > 0 && row.r > rows[i - 1].r + 1)) {
      if (cur.length) runs.push(cur);
      cur = [];
    }
    if (a.kinds[i] !== 'heading' && !row.empty) cur.push(i);
  });
  if (cur.length) runs.push(cur);
  for (const run of runs) {
    const last = run[run.length - 1];
    if (!free(last)) continue;
    // the sub-totals of consecutive lines directly above each, in order; the rest one gap of free lines
    const subs: number[] = [];
    const gaps: number[][] = [];
    let p = 0;
    let ok = true;
    while (p < run.length - 1 && ok) {
      const i = run[p];
      const s = run.slice(p, -1).find((j) => a.blocks.has(j));
      const b = s === undefined ? undefined : a.blocks.get(s);
      const starts = b && !b.carried && !b.minus?.size && !inBlock.has(s!) && b.members.length >= 2 && b.members.every((m, k) => m === b.members[0] + k) && b.members[b.members.length - 1] + 1 === s;
      if (s === undefined) {
        gaps.push(run.slice(p, -1));
        break;
      }
      if (!starts) ok = false;
      else {
        const g = run.slice(p, run.indexOf(b!.members[0]));
        if (run.indexOf(b!.members[0]) < p) ok = false;
        if (g.length) gaps.push(g);
        subs.push(s!);
        p = run.indexOf(s!) + 1;
      }
      if (i === run[p]) ok = false;
    }
    if (!ok || subs.length < 2 || gaps.length !== 1 || gaps[0].length < 3 || !gaps[0].every(free)) continue;
    const gap = gaps[0];
    const g = gap[gap.length - 1];
    const lines = gap.slice(0, -1);
    let printed = 0;
    const fits = cols.every((c) => {
      const v = a.num(rows[last], c);
      if (!v) return true;
      let s = ZERO;
      for (const j of subs) {
        const x = a.num(rows[j], c);
        if (!x) return false;
        s = s.plus(x.value);
      }
      const gv = a.num(rows[g], c);
      if (!gv) return false;
      let l = ZERO;
      for (const j of lines) {
        if (rows[j].cells.get(c)?.kind === 'text') return false;
        l = l.plus(a.value(rows[j], c) ?? ZERO);
      }
      printed++;
      return s.plus(gv.value).eq(v.value) || s.plus(l).eq(v.value);
    });
    if (!fits || printed === 0) continue;
    const why = `${rows[g].label ? 'a label that does not say total' : 'no label'}: the last row of its group, as each of the ${subs.length} groups beside it ends in its sub-total, and the total below adds it with theirs`;
    a.kinds[g] = 'total';
    a.blocks.set(g, { members: lines, why });
    a.totals.push({ row: a.rowNumber(rows[g]), label: rows[g].label, from: a.rowNumber(rows[lines[0]]), to: a.rowNumber(rows[lines[lines.length - 1]]), why });
    const members = [...subs, g].sort((x, y) => x - y);
    const whyT = `${rows[last].label ? 'a label that does not say total' : 'no label'}, the last row: the sum of the ${members.length} sub-totals above it (a total of totals)`;
    a.kinds[last] = 'total';
    a.blocks.set(last, { members, why: whyT });
    a.totals.push({ row: a.rowNumber(rows[last]), label: rows[last].label, from: a.rowNumber(rows[members[0]]), to: a.rowNumber(rows[members[members.length - 1]]), why: whyT });
  }
}

/**
 * A table's own conventions, learned from its rows, for a block's last row that the pass left a line
 * (its label saying nothing of a total: "Amount carried to the summary"), printing one figure — with
 * two columns or more the arithmetic of the others already shows a total with one figure wrong
 * (byArithmetic), and a block of several columns with no total (cut off at the table's end) is not
 * read as one. A block is a run of rows between headings and blank lines.
 * - A running statement (a total read so far adds the total above it and the lines since): the rows
 *   after a block's last total, two or more, are that total's lines and the last of them its running
 *   total ("Net expenditure 25.443; Revenue support grant (3.211) … ; Council tax requirement 15.939").
 * - A table whose other blocks each end in a total of the whole block: a block of three rows or more,
 *   every row a line in no total, ends in its total too.
 * Each such total is checked: one wrong figure in a block must not turn its total into a line.
 */
function totalsWhereEveryBlockHasOne(a: Audit): void {
  const rows = a.t.rows;
  const blocks: number[][] = [];
  let cur: number[] = [];
  rows.forEach((row, i) => {
    if (a.kinds[i] === 'heading' || (i > 0 && row.r > rows[i - 1].r + 1)) {
      if (cur.length) blocks.push(cur);
      cur = [];
    }
    if (a.kinds[i] !== 'heading' && !row.empty) cur.push(i);
  });
  if (cur.length) blocks.push(cur);
  const inBlock = new Set<number>();
  for (const b of a.blocks.values()) for (const m of b.members) inBlock.add(m);
  const free = (i: number) => a.kinds[i] === 'line' && !a.blocks.has(i) && !inBlock.has(i);
  const cols = moneyCols(a.t);
  const oneFigure = (i: number) => cols.filter((c) => a.num(rows[i], c) !== undefined).length === 1;
  /** the first row a total adds, through the sub-totals it adds */
  const firstOf = (i: number): number => {
    const b = a.blocks.get(i);
    return b && b.members.length && !b.carried ? firstOf(b.members[0]) : i;
  };
  const closed = (bl: number[]) => bl.length >= 3 && a.blocks.has(bl[bl.length - 1]) && firstOf(bl[bl.length - 1]) <= bl[0];
  const nClosed = blocks.filter(closed).length;
  const running = [...a.blocks.values()].some((b) => b.members.length > 1 && a.blocks.has(b.members[0]) && !b.carried);
  const add = (last: number, members: number[], why: string) => {
    a.kinds[last] = 'total';
    a.blocks.set(last, { members, why });
    a.totals.push({ row: a.rowNumber(rows[last]), label: rows[last].label, from: a.rowNumber(rows[members[0]]), to: a.rowNumber(rows[members[members.length - 1]]), why });
    for (const m of members) inBlock.add(m);
  };
  for (const bl of blocks) {
    const last = bl[bl.length - 1];
    if (!free(last) || !oneFigure(last)) continue;
    let t = bl.length;
    while (t > 0 && free(bl[t - 1])) t--;
    const prev = bl[t - 1];
    if (running && t > 0 && bl.length - t >= 2 && a.blocks.has(prev) && !inBlock.has(prev)) {
      add(last, [prev, ...bl.slice(t, -1)], 'the last row of its block, after a total and the line(s) that change it: the table\'s totals run on from each other (a running statement)');
    } else if (t === 0 && bl.length >= 3 && nClosed > 0) {
      add(last, bl.slice(0, -1), `the last row of its block: the table's ${nClosed} other block(s) each end in their total (the table's convention)`);
    }
  }
}

/**
 * A total that misses its block by exactly twice one of its lines: that line is printed with the
 * wrong sign (the total is right, the line is not) — an error at the line, beside the total's finding.
 */
function signSlip(a: Audit, total: TableRow, c: number, diff: Dec, members: number[], rule: string, minus?: ReadonlySet<number>): void {
  const rows = a.t.rows;
  const hits = members.filter((m) => {
    const v = a.num(rows[m], c);
    // The line as the block counts it (subtracted when its words say so): flipping its sign moves the sum by twice that.
    return v !== undefined && !v.value.isZero() && (minus?.has(m) ? v.value.neg() : v.value).times(-2).eq(diff);
  });
  if (hits.length !== 1) return;
  // A figure printed with its sign spelt out ("(+ £17.7m)", "+2.4") shows its sign on purpose: not a slip
  // (Brighton & Hove's Housing benefit change, twice which is the total's 35.4 gap by chance, T7-66).
  if (/\+/.test(a.num(rows[hits[0]], c)!.raw)) return;
  // A sub-total that casts exactly from its own lines is proved as printed: its sign is not the slip
  // (South Lakeland's "Service costs" −447.5, the sum of its nine lines, under a Budget printed 447.5:
  // the Budget's figure lost its minus, T7-52).
  const own = a.blocks.get(hits[0]);
  if (own && !own.carried) {
    let sum: Dec | undefined = ZERO;
    for (const m of own.members) {
      const v = a.value(rows[m], c);
      if (v === undefined || sum === undefined) {
        sum = undefined;
        break;
      }
      sum = sum.plus(own.minus?.has(m) ? v.neg() : v);
    }
    if (sum !== undefined && own.members.length >= 2 && sum.eq(a.num(rows[hits[0]], c)!.value)) return;
  }
  const line = rows[hits[0]];
  const v = a.num(line, c)!;
  a.findings.push({
    severity: 'error',
    table: a.layout,
    ...a.loc(line, c),
    rule: `${rule}.sign`,
    message: `${a.describe(line, c)}: printed ${show(v.value)}; with ${show(v.value.neg())} instead, ${total.label || 'the total'} casts exactly: the line looks printed with the wrong sign`,
    printed: v.value.toFixed(),
    expected: v.value.neg().toFixed(),
    difference: v.value.times(2).toFixed(),
  });
}

/**
 * Whether a column of percentages stands between grid columns x < y: a stepped layout prints a
 * sub-total in the column next to its lines, never over a percentage column (Thanet's "Per band D
 * property" 87.17, right of "Difference" %, is a change across, not the Band D lines carried out).
 */
function pctBetween(a: Audit, x: number, y: number): boolean {
  return a.t.columns.some((col) => col.numeric && col.percent && col.c > Math.min(x, y) && col.c < Math.max(x, y));
}

/**
 * The column whose figures a total's figure in column c adds: c, or — in an accountant's stepped
 * layout (lines in an inner column, each sub-total one column right, a figure carried out to the outer
 * column) — when none of the rows it adds prints a figure in c, the nearest column to the left where
 * one does. Never casts a column whose lines are all empty to nil.
 */
function steppedFrom(a: Audit, cols: number[], c: number, members: number[], total: TableRow): number | undefined {
  // an unreadable cell prints a figure (one not read): its column is never a stepped layout's empty one
  const prints = (k: number) => members.some((m) => a.num(a.t.rows[m], k) !== undefined || a.at(a.t.rows[m], k)?.kind === 'text');
  const own = a.num(total, c);
  // A column the lines print in casts as it stands.
  if (prints(c) || !own) return c;
  for (let j = cols.indexOf(c) - 1; j >= 0; j--) {
    // no stepped layout steps over a percentage column: a figure beside the total's in a column its
    // lines print nothing in, right of a % column, is no cast of them (not cast here)
    if (pctBetween(a, cols[j], cols[j + 1])) return own.value.isZero() ? c : undefined;
    if (!prints(cols[j])) continue;
    // A nil total of empty lines casts as it stands (nil = nil) — unless the row prints nothing in
    // the column its lines print in: then it is a stepped sub-total printed nil, cast against them.
    return !own.value.isZero() || a.num(total, cols[j]) === undefined ? cols[j] : c;
  }
  return c;
}

/**
 * Whether block b's members add up, in column `from`, exactly to the printed figure p, found in
 * integers: true only when every member prints a figure with its integer in p's places (or nothing)
 * and the sums stay safe integers; false when it cannot tell that way (then castBlocks adds in decimal).
 */
function castsInUnits(b: Block, rows: TableRow[], from: number, p: Num): boolean {
  if (b.carried || b.minus || p.units === undefined) return false;
  let sum = 0;
  let abs = 0;
  for (const m of b.members) {
    const x = rows[m].cells.get(from);
    if (x === undefined || x.kind === 'blank') continue;
    if (x.kind !== 'number' || x.units === undefined || x.places !== p.places) return false;
    sum += x.units;
    abs += Math.abs(x.units);
  }
  return abs <= Number.MAX_SAFE_INTEGER && sum === p.units;
}

/**
 * A stepped layout's net printed on the row of its last line: two columns of money under the same
 * caption (an inner and an outer "£'000"), lines printing an inner figure only, then a row printing its
 * inner figure and, in the outer column, the net of them ("Council Tax Benefit 8,817 |", "Less:
 * Government Subsidy (8,970) | (153)", Falkirk's council tax income account). Each such outer figure is
 * the inner figures since the last row printing an outer one, its own included — checked wherever the
 * table shows the convention (one such figure at least exactly so), as `${rule}.stepped-net`.
 */
function netOnLastLine(a: Audit, cols: number[], rule: string): void {
  const rows = a.t.rows;
  const caption = (c: number) => normalise(a.col(c).caption);
  const found: { row: number; inner: number; outer: number; run: number[]; exact: boolean }[] = [];
  for (let x = 0; x + 1 < cols.length; x++) {
    const [l, r] = [cols[x], cols[x + 1]];
    // the same caption (a title line over the first column aside: "40. Council Tax Income Account 2010/11 £'000")
    const [cl, cr] = [caption(l), caption(r)];
    if (!cl || !cr || !(cl === cr || cl.endsWith(` ${cr}`) || cr.endsWith(` ${cl}`))) continue;
    let run: number[] = [];
    rows.forEach((row, i) => {
      const [pl, pr] = [a.num(row, l), a.num(row, r)];
      const blankR = row.cells.get(r) === undefined || row.cells.get(r)!.kind === 'blank';
      if (a.kinds[i] !== 'line' || (i > 0 && row.r !== rows[i - 1].r + 1)) run = [];
      if (a.kinds[i] !== 'line') return;
      if (pl && blankR) run.push(i);
      else if (pl && pr && run.length) {
        const terms = [...run, i];
        let sum = ZERO;
        for (const m of terms) sum = sum.plus(a.value(rows[m], l) ?? ZERO);
        found.push({ row: i, inner: l, outer: r, run: terms, exact: sum.eq(pr.value) });
        run = [];
      } else run = [];
    });
  }
  if (!found.some((f) => f.exact)) return;
  for (const f of found) {
    if (f.run.some((m) => a.value(rows[m], f.inner) === undefined)) continue;
    const expected = f.run.reduce((x, m) => x.plus(a.value(rows[m], f.inner)!), ZERO);
    const first = rows[f.run[0]];
    a.check(rows[f.row], f.outer, expected, f.run.map((m): At => [rows[m], f.inner]), `${rule}.stepped-net`,
      `the ${f.run.length} figures of ${a.col(f.inner).caption || `column ${f.inner + 1}`} it nets (${first.label || 'row ' + a.rowNumber(first)} … ${rows[f.row].label || 'this row'}, printed one column left: a stepped layout) come to`);
  }
}

/**
 * Casts every total and sub-total against the block readTotals found for it, in the given columns:
 * a difference is a finding at the total's cell (a warning when the rounding of the printed figures
 * could explain it). Linear: each row is added once per column.
 */
/**
 * The total a "Financed by:" block closes ties to the total printed directly above the heading (Fife:
 * NET SERVICE EXPENDITURE 1,060,943; Financed by: grants + rates + council tax = 1,060,943): the same
 * figure, or the same with the other sign where the financing is printed bracketed, in each column both
 * print. Only when that total closes every row from the heading to the end of its section (a row under
 * it is another reading). Checked as `${rule}.financed`, counted with the totals.
 */
function financedTies(a: Audit, cols: number[], rule: string): void {
  const rows = a.t.rows;
  for (let h = 1; h < rows.length; h++) {
    if (a.kinds[h] !== 'heading' || !FINANCED_BY.test(rows[h].label.trim())) continue;
    const e = h - 1;
    if (!a.blocks.has(e)) continue;
    let f = h + 1;
    while (f < rows.length && a.kinds[f] !== 'heading' && !a.blocks.has(f)) f++;
    const b = a.blocks.get(f);
    if (!b || b.members[0] !== h + 1 || b.members.length !== f - h - 1 || b.carried) continue;
    if (f + 1 < rows.length && a.kinds[f + 1] !== 'heading') continue;
    for (const c of cols) {
      const pe = a.num(rows[e], c);
      const pf = a.num(rows[f], c);
      if (!pe || !pf || pe.value.isZero() || pf.value.isZero()) continue;
      const expected = pe.value.isNegative() === pf.value.isNegative() ? pe.value : pe.value.neg();
      a.check(rows[f], c, expected, [[rows[e], c]], `${rule}.financed`, `the total it finances ("${rows[e].label || 'the total above'}", above "${rows[h].label.trim()}") is`);
    }
  }
  // An appropriation of the total above ("SURPLUS FOR YEAR 60,041; APPROPRIATED AS FOLLOWS: General
  // Fund 60,041", as income and expenditure accounts print where their surplus goes): the lines under
  // the heading, in no block, up to the next heading, total, blank line or the end, add up to that
  // total — the last of them is checked as the total less the others (T6-03).
  const taken = new Set([...a.blocks.values()].flatMap((b) => b.members));
  for (let h = 1; h < rows.length; h++) {
    if (a.kinds[h] !== 'heading' || !APPROPRIATED.test(rows[h].label.trim())) continue;
    const e = h - 1;
    if (!a.blocks.has(e) || rows[h].r !== rows[e].r + 1) continue;
    const lines: number[] = [];
    for (let f = h + 1; f < rows.length && a.kinds[f] === 'line' && !a.blocks.has(f) && !taken.has(f) && rows[f].r === rows[f - 1].r + 1; f++) lines.push(f);
    if (!lines.length) continue;
    const last = lines[lines.length - 1];
    for (const c of cols) {
      const pe = a.num(rows[e], c);
      if (!pe || !a.num(rows[last], c)) continue;
      let others = ZERO;
      let readable = true;
      for (const m of lines.slice(0, -1)) {
        const v = a.value(rows[m], c);
        if (v === undefined) readable = false;
        else others = others.plus(v);
      }
      if (!readable) continue;
      // The lines agree with what the total's own rows come to, not with its printed figure: the total is
      // the figure wrong, found by its own cast — not the line too.
      const be = a.blocks.get(e)!;
      let own: Dec | undefined = be.carried ? undefined : ZERO;
      for (const m of be.members) {
        const v = a.value(rows[m], c);
        own = own === undefined || v === undefined ? undefined : be.minus?.has(m) ? own.minus(v) : own.plus(v);
      }
      if (own !== undefined && !own.eq(pe.value) && own.eq(others.plus(a.num(rows[last], c)!.value))) continue;
      a.check(rows[last], c, pe.value.minus(others), [[rows[e], c], ...lines.slice(0, -1).map((m): At => [rows[m], c])], `${rule}.appropriated`,
        lines.length === 1 ? `the total it appropriates ("${rows[e].label || 'the total above'}", above "${rows[h].label.trim()}") is` : `the total appropriated ("${rows[e].label || 'the total above'}", above "${rows[h].label.trim()}") less the ${lines.length - 1} other line(s) under it is`);
    }
  }
  // With no heading: a spending row directly above the lines of a funding total, in no block itself
  // (Tameside's schools: "Planned Expenditure (excluding academies)", the two grants, "Funding
  // (excluding academies)"), is what that total finances — the same figure in each column both print
  // (with the other sign in every column when most print the funding so), a nil one included.
  const inBlock = new Set([...a.blocks.values()].flatMap((b) => b.members));
  for (const [f, b] of a.blocks) {
    const e = b.members[0] - 1;
    if (e < 0 || b.carried || b.minus || a.blocks.has(e) || inBlock.has(e) || a.kinds[e] !== 'line' || rows[e].r !== rows[b.members[0]].r - 1) continue;
    if (!FUNDING.test(rows[f].label) || !SPENDING.test(rows[e].label) || FUNDING.test(rows[e].label)) continue;
    const both = cols.filter((c) => a.num(rows[e], c) && a.num(rows[f], c));
    // One convention for the pair: the same sign, unless more columns print the funding with the other sign.
    const signed = both.filter((c) => !a.num(rows[e], c)!.value.isZero() && !a.num(rows[f], c)!.value.isZero());
    const other = signed.filter((c) => a.num(rows[e], c)!.value.isNegative() !== a.num(rows[f], c)!.value.isNegative()).length;
    const sign = other * 2 > signed.length ? -1 : 1;
    for (const c of both) {
      const pe = a.num(rows[e], c)!;
      const expected = pe.value.times(sign);
      a.check(rows[f], c, expected, [[rows[e], c]], `${rule}.financed`, `the spending it funds ("${rows[e].label}", above its funding lines) is`);
    }
  }
}

/** A total of funding ("Funding", "Total funding", "Financed by", "Sources of finance"), and a row of spending it may fund. */
/** A heading over where a total goes: "APPROPRIATED AS FOLLOWS", "Appropriations", "Applied as follows", "Transferred to:". */
const APPROPRIATED = /^(appropriated|applied|allocated|transferred|distributed)\b.*\b(as follows|to)\s*:?$|^appropriations?\b(\s+as follows)?\s*:?$/i;
const FUNDING = /\bfund(ing|ed)\b|\bfinanc(e|ed|ing)\b/i;
const SPENDING = /\bexpenditure\b|\bspend(ing)?\b|\brequirement\b|\bcosts?\b/i;

/** A title or caption saying a table funds something: "Funding in 2023/24", "Budget resourced by", "How the spend is funded", "Where the money comes from". */
const FUNDS_TITLE = /\bfund(ing|ed)\b|\bresourced\b|\bfinanced\b|\bmoney comes from\b|\bsources of (finance|funding)\b|\bpaid for\b/i;
/** A total the table above ends with that a funding table resources: a requirement, a budget, net expenditure. */
const RESOURCED = /requirement|\bbudget\b|expenditure|\bspend(ing)?\b|net cost/i;

/**
 * A funding table printed under the budget it resources, with a title and a header of its own ("Spending
 * in 2023/24 … Budget requirement 604.4", then "Funding in 2023/24", "Budget resourced by | Net £m", four
 * sources and "Total Funding"): its last total, adding every line of it, is the requirement the table
 * above ends with, in the column of the same caption (the same figure; with the other sign when printed
 * so). Said by the title lines or the label caption over it; checked as a tie (`…financed`, counted with
 * the totals): West Lindsey's Lincolnshire page prints Total Funding 654.1 under a budget requirement of
 * 604.4 (the next year's requirement: session-7 trial T7-58). True when a column was tied.
 */
export function fundsTheTableAbove(a: Audit, carried: TableRow, from: FoundTable, rule: string): boolean {
  const t = a.t;
  const rows = t.rows;
  if (!RESOURCED.test(carried.label) || FUNDS_TITLE.test(carried.label)) return false;
  // the title lines between the two tables, and the header's label caption
  const top = t.headerRows.length ? Math.min(...t.headerRows) : t.r0;
  const words: string[] = [];
  for (let r = from.r1 + 1; r <= Math.max(top, ...t.headerRows); r++) {
    for (let c = t.c0; c <= t.c1; c++) words.push(cellText(cellAt(t.grid, r, c)));
  }
  if (!FUNDS_TITLE.test(words.join(' '))) return false;
  // the table's last total, adding every line of it, and nothing after it but blank or memo rows
  const f = rows.length - 1 - [...rows].reverse().findIndex((_, k) => a.blocks.has(rows.length - 1 - k));
  const b = a.blocks.get(f);
  if (f >= rows.length || !b || b.carried || b.minus?.size) return false;
  if (rows.slice(0, f).some((_, i) => a.kinds[i] === 'line' && !b.members.includes(i) && ![...a.blocks.values()].some((x) => x.members.includes(i)))) return false;
  let any = false;
  for (const c of moneyCols(t)) {
    const pf = a.num(rows[f], c);
    if (!pf || pf.value.isZero()) continue;
    const mate = from.columns.filter((x) => x.numeric && !x.percent && !x.rate && x.norm === a.col(c).norm);
    if (mate.length !== 1) continue;
    const pe = a.num(carried, mate[0].c);
    if (!pe || pe.value.isZero()) continue;
    const expected = pe.value.isNegative() === pf.value.isNegative() ? pe.value : pe.value.neg();
    a.check(rows[f], c, expected, [[carried, mate[0].c]], `${rule}`, `the requirement it resources ("${carried.label}", the total of the table above, ${mate[0].caption}) is`);
    any = true;
  }
  return any;
}

export function castBlocks(a: Audit, cols: number[], rule: string): void {
  financedTies(a, cols, rule);
  netOnLastLine(a, cols, rule);
  const rows = a.t.rows;
  /** a member's figure as the block adds it: with the other sign when the block subtracts it */
  const signed = (b: Block, m: number, v: Dec | undefined) => (v !== undefined && b.minus?.has(m) ? v.neg() : v);
  const deep = (m: number, c: number): Dec | undefined => {
    const b = a.blocks.get(m);
    if (!b) return a.value(rows[m], c);
    let sum = b.carried ? a.value(b.carried.row, c)?.times(b.carried.sign) : ZERO;
    if (sum === undefined) return undefined;
    for (const p of b.members) {
      const v = signed(b, p, deep(p, c));
      if (v === undefined) return undefined;
      sum = sum.plus(v);
    }
    return sum;
  };
  for (const [i, b] of a.blocks) {
    const row = rows[i];
    for (const c of cols) {
      if (!a.num(row, c)) continue;
      const from = steppedFrom(a, cols, c, b.members, row);
      if (from === undefined) continue;
      let expected = ZERO;
      let readable = true;
      if (b.carried) {
        const v = a.value(b.carried.row, c);
        if (v === undefined) continue;
        expected = v.times(b.carried.sign);
      }
      // The common case first: a block of figures in the total's units that casts, added as integers
      // (Reading.units) — its sum then is the printed figure itself; anything else is added in decimal.
      if (castsInUnits(b, rows, from, a.num(row, c)!)) expected = a.num(row, c)!.value;
      else {
        for (const m of b.members) {
          const v = signed(b, m, a.value(rows[m], from));
          if (v === undefined) {
            readable = false;
            break;
          }
          expected = expected.plus(v);
        }
      }
      if (!readable) continue;
      const printed = a.num(row, c)!.value;
      if (a.num(row, c)!.dash && !expected.isZero() && cols.some((k) => k !== c && a.num(row, k) && !a.num(row, k)!.dash)) {
        // "none" or a dash at a total whose other columns print figures: the row leaves this column
        // unprinted (a CIES's lower half prints only the net), so it is not cast here — said, not flagged.
        a.note(row, c, `${rule}.unprinted`, `${a.describe(row, c)}: printed ${a.num(row, c)!.raw} where the rows it totals add up to ${show(expected)}; the row prints figures in other columns only, so this column is read as not printed, not cast`);
        continue;
      }
      let extra = '';
      if (!expected.eq(printed) && from === c && b.members.some((m) => a.blocks.has(m))) {
        const lines = deep(i, c);
        if (lines !== undefined && lines.eq(printed)) extra = `; it agrees with the lines beneath (${show(lines)}): the difference is in the sub-totals it adds`;
      }
      const first = rows[b.members[0]];
      const last = rows[b.members[b.members.length - 1]];
      // a row printed without a label is named by its row of the file or sheet, never left empty
      const name = (row: TableRow) => row.label || `row ${a.rowNumber(row)}, no label`;
      const less = b.minus?.size ? `, less ${b.minus.size === b.members.length ? 'all of them' : b.minus.size === 1 ? [...b.minus].map((m) => name(rows[m]))[0] : `the ${b.minus.size} lines it subtracts`}` : '';
      const cr = b.carried?.row;
      const above = cr ? `${cr.rAt ? cr.labels?.get(c) ?? name(cr) : name(cr)} (row ${a.rowNumber(cr.rAt ? { ...cr, r: cr.rAt.get(c) ?? cr.r } : cr)}, above) and ` : '';
      const what = () => (b.members.length === 1 && !above && !less ? `the row it totals (${name(first)}) shows` : `${above}the ${b.members.length} rows it totals (${name(first)} … ${name(last)}${less}) ${above || less ? 'come to' : 'add up to'}`) +
        (from === c ? '' : ` in ${a.col(from).caption || `column ${from + 1}`}, the column to its left where they print their figures (a stepped layout),`);
      // The difference is exactly one line's figure: the total most likely leaves that line out
      // (or counts it twice) — said with the total, and then no line is blamed for its sign.
      const diff = expected.eq(printed) ? ZERO : printed.minus(expected);
      if (b.skips && !diff.isZero()) {
        const g = b.skips.reduce((x, m) => x.plus(a.value(rows[m], from) ?? ZERO), ZERO);
        if (g.neg().eq(diff)) extra += `; it is the sum of the rows above it without ${b.skips.map((m) => `${rows[m].label || `row ${a.rowNumber(rows[m])}`} (${show(a.value(rows[m], from) ?? ZERO)})`).join(' and ')}, printed directly above it: are they left out?`;
      }
      const left = diff.isZero() || b.members.length < 2 || b.skips ? [] : b.members.filter((m) => {
        const v = signed(b, m, a.value(rows[m], from));
        return v !== undefined && !v.isZero() && (v.neg().eq(diff) || v.eq(diff));
      });
      if (left.length === 1) {
        const v = signed(b, left[0], a.value(rows[left[0]], from))!;
        extra += `; the difference is the figure of ${rows[left[0]].label || 'one line'} (${show(v)}): ${v.neg().eq(diff) ? 'is it left out of the total?' : 'is it counted twice?'}`;
      }
      // the cells it adds, made only when a trace or a finding asks for them
      const terms = (): At[] => [...(b.carried ? [[b.carried.row, c, b.carried.sign] as At] : []), ...b.members.map((m): At => [rows[m], from, b.minus?.has(m) ? -1 : 1])];
      const hidden = a.t.grid.hiddenRows;
      const shownOnly = hidden?.size && !hidden.has(row.r) ? hiddenFigures(a, b, from, hidden) : [];
      if (shownOnly.length && !expected.eq(printed)) extra += `; it includes ${hiddenNames(a, shownOnly)}, which the printed table does not show`;
      // A column of figures per head, per km, per pupil (a region's grant over its own population or road
      // length) is not additive across rows of different bodies: its total row is the ratio of the totals
      // (Hansard's TSG by region 1990-91, England £4.82 a head, the regions' £46.24 summed). Cast when it
      // adds within rounding (one body's services per head do); otherwise a note, never an error (T9-14).
      if ((RATIO_CAPTION.test(a.col(c).caption) || tracksRatioColumn(a, row, b.members, c)) && !diff.isZero() && severityOf(diff, a.num(row, c)!, b.members.map((m) => a.at(rows[m], from))).severity === 'error') {
        a.note(row, c, `${rule}.ratio`, `${a.describe(row, c)}: printed ${show(printed)}; the ${b.members.length} rows above add up to ${show(expected)}, but a column of figures per head or per unit is a ratio, whose total is the ratio of the totals, not their sum: not cast`);
        continue;
      }
      const ok = a.check(row, c, expected, terms, rule, what, extra);
      if (!ok && left.length === 0) signSlip(a, row, from, diff, b.members, rule, b.minus);
      if (ok && shownOnly.length) {
        // The workbook casts (its total's formula adds the hidden rows), but the table as printed or
        // shown on screen does not: its reader sees lines that do not add up to the total printed.
        const shown = shownOnly.reduce((x, h) => x.minus(h.v), expected);
        const n = b.members.length - shownOnly.length;
        const u = a.units(c);
        a.findings.push({
          severity: severityOf(printed.minus(shown), a.num(row, c)!, b.members.filter((m) => !hidden!.has(rows[m].r)).map((m) => a.at(rows[m], from))).severity,
          table: a.layout,
          ...a.loc(row, c),
          rule: `${rule}.hidden-rows`,
          message: `${a.describe(row, c)}: printed ${show(printed)}, which adds ${hiddenNames(a, shownOnly)}, hidden in the workbook: the workbook casts, but the table as printed shows ${n === 1 ? 'one row' : `${n} rows`} above it adding up to ${show(shown)}${u ? ` (${u})` : ''}; difference ${show(printed.minus(shown))}. Unhide the row${shownOnly.length === 1 ? '' : 's'} or take ${shownOnly.length === 1 ? 'its figure' : 'their figures'} out of the total before printing`,
          printed: text(printed),
          expected: text(shown),
          difference: text(printed.minus(shown)),
        });
      }
    }
  }
}

/** The rows of a block the workbook hides that print a figure other than nil in column c (a hidden nil changes nothing a reader sees). */
function hiddenFigures(a: Audit, b: Block, c: number, hidden: ReadonlySet<number>): { m: number; v: Dec }[] {
  const out: { m: number; v: Dec }[] = [];
  for (const m of b.members) {
    if (!hidden.has(a.t.rows[m].r)) continue;
    const v = a.value(a.t.rows[m], c);
    if (v !== undefined && !v.isZero()) out.push({ m, v: b.minus?.has(m) ? v.neg() : v });
  }
  return out;
}

/** "row 6 (Recharges, 1,000)", "rows 6 (Recharges, 1,000) and 7 (…)": hidden rows as a finding names them. */
function hiddenNames(a: Audit, hs: readonly { m: number; v: Dec }[]): string {
  const one = (h: { m: number; v: Dec }) => `${a.rowNumber(a.t.rows[h.m])} (${a.t.rows[h.m].label || 'no label'}, ${show(h.v)})`;
  return hs.length === 1 ? `row ${one(hs[0])}` : `rows ${hs.slice(0, -1).map(one).join(', ')} and ${one(hs[hs.length - 1])}`;
}

