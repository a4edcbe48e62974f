// A total stated in the caption above a table instead of a total row: "Gross Expenditure - £242.1m" over
// fifteen service lines, "Where the £242.1m comes from" over five funding sources (Isle of Anglesey
// County Council, "Financial information about your council tax" 2024/25). An auditor adds the lines and
// compares the caption's figure, and reads every row under it as a line: a source labelled "Council Tax
// Requirement" among them is one of the five, not their total.
import { Dec, ZERO } from '../base/decimal';
import type { Units } from '../engine/model';
import { type At, type Audit, moneyCols } from './context';
import type { FoundTable, TableRow } from './detect';
import { CLOSES_FIRMLY } from './casting';
import { type Num, severityOf } from './findings';
import { cellText, cellAt, readAt, width } from './grid';
import type { Kind } from './kinds';

/** A money amount written in words and figures: "£242.1m", "£1.2 billion", "£450k", "£24,731,820". */
const AMOUNT = /£\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(m\b|million\b|bn\b|billion\b|k\b|thousand\b)?/gi;

const POWER: Record<string, number> = { m: 6, million: 6, bn: 9, billion: 9, k: 3, thousand: 3 };
const UNIT_POWER: Partial<Record<Units, number>> = { '£': 0, "£'000": 3, '£m': 6 };

/** The caption's amount, as a printed figure of the table's unit. */
export interface CaptionTotal {
  /** the synthetic row the check names: the caption's grid row, its text, its figure in the money column */
  row: TableRow;
  /** the money column */
  c: number;
}

/**
 * The total a table states in a title line directly above its header (up to three lines, no blank line
 * between; in a table with no header row, its own first rows before any figure): the one line naming exactly one amount in pounds (or a total and the two or more parts it is made of), in a table of one column of money whose
 * unit is known (£, £'000, £m), the amount converted to that unit exactly. Undefined otherwise.
 */
export function captionTotal(t: FoundTable): CaptionTotal | undefined {
  const money = moneyCols(t);
  if (money.length !== 1 || !t.units) return undefined;
  const unitPower = UNIT_POWER[t.units];
  if (unitPower === undefined) return undefined;
  const g = t.grid;
  const top = t.headerRows.length ? Math.min(t.headerRows[0], t.r0) : t.r0;
  // A table with no header row (a web page's list copied as rows: "Our budget for 2022/23 is
  // £53,824,230", then "Transport | £2,351,600" …) starts with its title lines: the rows before its
  // first figure are the lines directly above it.
  const lead: number[] = [];
  if (!t.headerRows.length) for (const row of t.rows) {
    if (!row.empty) break;
    lead.unshift(row.r);
  }
  const lines = [...lead, ...Array.from({ length: Math.max(0, Math.min(top, 3)) }, (_, k) => top - 1 - k)].slice(0, 3);
  let titled = false;
  for (const r of lines) {
    const cells = Array.from({ length: width(g) }, (_, c) => cellText(cellAt(g, r, c)).trim());
    if (cells.every((x) => !x)) return undefined;
    // Above a title line, a row that prints a figure in a cell of its own is the last line of the table
    // above ("Capital Financing | £16.67 | 2%" over "Where the money comes from"), never a caption of
    // this one (session 10, T9-22: read as "a total stated in the caption", £16.67 as 0.00001667).
    if (titled && cells.some((x, c) => c > 0 && x && readAt(g, r, c).kind === 'number')) return undefined;
    // A row printing a figure in a cell of its own directly under another such row is the closing row
    // of the list above it ("Scurlage green flower beds | 64.15" then "TOTAL PAYMENTS | £ 11,893.40"
    // over "SUMMARY | £"), never a caption of this table: a row has one role (T10-54, Port Eynon).
    const figureIn = (q: number) => q >= 0 && Array.from({ length: width(g) }, (_, c) => c).some((c) => c > 0 && cellText(cellAt(g, q, c)).trim() !== '' && readAt(g, q, c).kind === 'number');
    if (figureIn(r) && figureIn(r - 1)) return undefined;
    if (cells.filter(Boolean).length === 1) titled = true;
    const line = cells.filter(Boolean).join(' ');
    const found = [...line.matchAll(AMOUNT)];
    // A sentence naming the total and what it is made of ("the total corporate underspend of £8.923m,
    // which is made up of £3.144m …, £5.676m … and £0.103m …"): the first amount, when the others add
    // up to it exactly.
    const amount = (m: RegExpMatchArray) => new Dec(m[1].replace(/,/g, '')).times(new Dec(10).pow(m[2] ? POWER[m[2].toLowerCase()] : 0));
    if (found.length > 2 && !found.slice(1).reduce((x, m) => x.plus(amount(m)), ZERO).eq(amount(found[0]))) continue;
    if (found.length === 0 || found.length === 2) continue;
    const [raw, digits, word] = found[0];
    const places = digits.includes('.') ? digits.split('.')[1].length : 0;
    const value = new Dec(digits.replace(/,/g, '')).times(new Dec(10).pow((word ? POWER[word.toLowerCase()] : 0) - unitPower));
    const shown = Math.max(0, places - ((word ? POWER[word.toLowerCase()] : 0) - unitPower));
    if (!value.times(new Dec(10).pow(shown)).isInteger()) continue;
    const at = cells.findIndex((x) => x.includes(raw.trim()));
    const c = money[0];
    const figure: Num = { kind: 'number', value, places: shown, dash: false, percent: false, negativeZero: false, typed: false, raw: raw.trim() };
    return { row: { r, label: line, bold: false, cells: new Map([[c, figure]]), empty: false, printedAt: new Map([[c, at < 0 ? 0 : at]]) }, c };
  }
  return undefined;
}

/**
 * Reads the table against its caption's total when the caption says what the rows add up to: every row
 * under it a line (no row is a total by its label or its arithmetic) — when the rows add up to the
 * caption's figure (exactly or within the rounding of the printed figures), when the reading of totals
 * finds none (the caption is then the table's only check), or when that reading needs a larger change
 * to cast than the caption does (as an auditor reads the figures the least change makes agree: a source
 * labelled "Council Tax Requirement", 52.2, is no total of four sources adding up to 189.9). `kinds` as
 * classify gave them; `totals`: the other reading's totals and the sum of its casts' differences.
 */
export function captionReading(t: FoundTable, kinds: readonly Kind[], cap: CaptionTotal, totals: () => { count: number; miss: Dec }): boolean {
  if (kinds.some((k) => k !== 'line' && k !== 'heading')) return false;
  const sum = sumOf(t, kinds, cap.c);
  if (sum === undefined) return false;
  const printed = cap.row.cells.get(cap.c) as Num;
  // The table's last row firmly labelled as closing it ("Net Budget Requirement") and printed nil over
  // lines that do not net to nil is a total printed nil, not a line adding nothing to the caption's list
  // (the mutation property on Lancashire fire's budget: its requirement set to nil passed as a line).
  const lastLine = [...t.rows.keys()].reverse().find((i) => kinds[i] === 'line');
  if (lastLine !== undefined && CLOSES_FIRMLY.test(t.rows[lastLine].label)) {
    const x = t.rows[lastLine].cells.get(cap.c);
    if (x?.kind === 'number' && x.value.isZero() && !sum.isZero()) return false;
  }
  const miss = sum.abs().minus(printed.value);
  const terms = t.rows.filter((_, i) => kinds[i] === 'line').map((row) => row.cells.get(cap.c));
  if (miss.isZero() || severityOf(miss, printed, terms).severity === 'warning') return true;
  const other = totals();
  return other.count === 0 || miss.abs().lt(other.miss);
}

function sumOf(t: FoundTable, kinds: readonly Kind[], c: number): Dec | undefined {
  let sum = ZERO;
  for (const [i, row] of t.rows.entries()) {
    if (kinds[i] !== 'line') continue;
    const x = row.cells.get(c);
    if (x?.kind === 'text') return undefined;
    if (x?.kind === 'number') sum = sum.plus(x.value);
  }
  return sum;
}

/**
 * Casts the rows under the caption against its figure (a magnitude: the rows' sign is taken) — the rows
 * no total adds (every row, in the caption reading; the last total and any row after it otherwise) — and
 * lists the reading. `taken`: the caption reading was taken; otherwise the caption is cast only when its
 * figure is of the rows' size (within half of it).
 */
export function castCaption(a: Audit, cap: CaptionTotal, taken: boolean): void {
  const t = a.t;
  const inBlock = new Set<number>();
  for (const b of a.blocks.values()) for (const m of b.members) inBlock.add(m);
  const top = t.rows.map((_, i) => i).filter((i) => ['line', 'subtotal', 'total'].includes(a.kinds[i]) && !inBlock.has(i));
  let sum = ZERO;
  for (const i of top) {
    const x = t.rows[i].cells.get(cap.c);
    if (x?.kind === 'text') return;
    if (x?.kind === 'number') sum = sum.plus(x.value);
  }
  if (!top.length) return;
  const p = cap.row.cells.get(cap.c) as Num;
  // Not the reading taken: only a figure of the rows' size is their total (a caption's "savings of
  // £4.5m" over a budget of £200m is another quantity).
  if (!taken && sum.abs().minus(p.value).abs().gt(p.value.div(2))) return;
  if (sum.isNegative()) cap.row.cells.set(cap.c, { ...p, value: p.value.neg() });
  const first = t.rows[top[0]];
  const last = t.rows[top[top.length - 1]];
  const every = top.length === t.rows.filter((_, i) => a.kinds[i] !== 'heading').length;
  const why = `a total stated in the caption above the table ("${cap.row.label}")${every ? ': every row under it is a line' : ''}`;
  a.totals.push({ row: a.rowNumber(cap.row), label: cap.row.label, from: a.rowNumber(first), to: a.rowNumber(last), why });
  const terms = top.map((i): At => [t.rows[i], cap.c]);
  const name = (row: TableRow) => row.label || `row ${a.rowNumber(row)}`;
  a.check(cap.row, cap.c, sum, terms, 'auto.cast.caption', top.length === 1 ? `the row under it (${name(first)}) shows` : `the ${top.length} rows under it (${name(first)} … ${name(last)}) add up to`);
}
