// The bank reconciliation every smaller authority in England publishes beside its annual return (the
// AGAR's "Bank reconciliation – pro forma", and parish councils' monthly reconciliations on the same
// pattern): two halves that must agree.
//   The bank half: "Balance per bank statements as at 31 March" — one line per account — then "Petty
//   cash float", "Less: any unpresented cheques" (often "enter these as negative numbers"), "Add: any
//   un-banked cash", closing on "Net balances as at 31 March (Box 8)". The form prints two £ columns:
//   the detail figures in the first and, in the second, either each section's total (Collingbourne
//   Ducis: the accounts' 37,452.7, the cheques' (575.80), the net balances their sum) or the running
//   balance after each section (Ilam: 1671.72 after the accounts, 1671.72 after the cheques, the net
//   balances the last); reprints with one £ column name the sub-totals ("SUBTOTAL bank statements",
//   "NET BALANCES": Temple Cloud with Cameley).
//   The cash-book half: "Opening Balance 1 April" + "Receipts in the year" − "Payments in the year" =
//   "Closing balance per cash book … (must equal net balances above)".
// An auditor checks each half's arithmetic and that the two halves agree. Session-9 trial T9-58/59/60:
// the second £ column's sub-totals were read by chance or not at all, the net balances of a one-column
// copy in no check, the halves never compared — and a form whose halves are 3,669 apart (Stoke St
// Milborough's, its closing cell left blank) was "no table to audit".
import type { Dec } from '../base/decimal';
import { ZERO } from '../base/decimal';
import { type At, type Audit, moneyCols } from './context';
import type { TableRow } from './detect';
import { type Num, show } from './findings';
import { type Reading, cellAt, cellText, readCell } from './grid';

const FORM = /bank\s+reconciliation|balance\s+per\s+bank\s+statements?|bank\s+statement\s+balances?/i;
const BANK_START = /balances?\s+per\s+bank\s+statements?|bank\s+statement\s+balances?/i;
const NET = /^\s*net\s+balances?\b/i;
/** A line the bank half subtracts: cheques and payments not yet through the bank. */
const LESS = /^\s*less\b|\bunpresented\b|\boutstanding\s+(cheques|payments)\b/i;
/** A line the bank half adds after the accounts: cash held or banked but not yet credited. */
const ADD = /^\s*(add|plus)\b|\bun-?banked\b|\bpetty\s+cash\b|\buncredited\b/i;
/** A row the form prints as a result of the lines above it. */
const RESULT = /^\s*(sub-?\s*total|total)\b|^\s*net\s+balances?\b/i;
const OPEN = /\bopening\s+balance|\bbalance\s+(brought\s+forward|b\/f)\b/i;
const RECEIPTS = /\breceipts\b/i;
const PAYMENTS = /\bpayments\b/i;
const CLOSE = /\bclosing\s+balance|\bbalance\s+per\s+cash\s*book\b/i;

interface Fig {
  c: number;
  x: Num;
}

/** "N/A" for an account the body does not hold: nil. */
const NOT_HELD = /^\s*n\s*\/\s*a\s*$/i;

/**
 * A figure of the form at (row, c): as the table read it, or — in a column the table reads as text
 * (the form's detail column, where "N/A" for unused accounts and cheque numbers stand) — read from the
 * cell and kept in the row, so the checks and what they involve see it.
 */
function formNum(a: Audit, row: TableRow, c: number): Num | undefined {
  const x = a.num(row, c);
  if (x) return x;
  if (a.t.columns.find((k) => k.c === c)?.numeric) return undefined;
  const text = cellText(cellAt(a.t.grid, row.r, c));
  if (!text.trim()) return undefined;
  const y: Reading = NOT_HELD.test(text)
    ? { kind: 'number', value: ZERO, places: 0, units: 0, dash: true, percent: false, negativeZero: false, typed: false, raw: text.trim(), notApplicable: true }
    : readCell(cellAt(a.t.grid, row.r, c));
  if (y.kind !== 'number' || y.percent) return undefined;
  row.cells.set(c, y);
  return y;
}

/** The figure a row of the form prints: its rightmost (the form's detail column is left of its balance column). */
function figureOf(a: Audit, row: TableRow, cols: number[]): Fig | undefined {
  for (let k = cols.length - 1; k >= 0; k--) {
    const x = formNum(a, row, cols[k]);
    if (x) return { c: cols[k], x };
  }
  return undefined;
}

/** A detail taken into a result: the figure, its sign in the sum, and where it is printed. */
interface Term {
  at: At;
  value: Dec;
}

interface Result {
  i: number;
  fig: Fig;
  expected: Dec;
  terms: Term[];
  /** how the form's arithmetic reads it, for the message */
  how: string;
}

/**
 * Finds the bank reconciliation form in the table and checks its two halves and their agreement.
 * Marks the rows it reads 'memo', so no other reading casts them. Returns how many figures it checked.
 */
export function bankReconciliation(a: Audit, rule: string): number {
  const rows = a.t.rows;
  let net = rows.findIndex((r) => NET.test(r.label));
  const g = a.t.grid;
  let form = false;
  const top = Math.max(0, (a.t.headerRows[0] ?? a.t.r0) - 8);
  for (let r = top; r <= a.t.r1 && !form; r++) for (let c = a.t.c0; c <= a.t.c1 && !form; c++) form = FORM.test(cellText(cellAt(g, r, c)));
  if (!form) return 0;
  const money = moneyCols(a.t);
  if (!money.length) return 0;
  // the money columns and the text columns beside them (the detail column, read as text for its "N/A"s)
  const cols = a.t.columns.filter((k) => k.c !== a.t.labelCol && (money.includes(k.c) || !k.numeric)).map((k) => k.c).sort((x, y) => x - y);
  if (net < 0) {
    // the net balances under another name: on the two-column form, the last figure of the balance column
    // before the cash book (the form is named; its detail column and balance column both print figures)
    const stop = rows.findIndex((r) => OPEN.test(r.label) || CLOSE.test(r.label));
    const upto = stop < 0 ? rows.length : stop;
    const at = rows.slice(0, upto).map((r) => figureOf(a, r, cols));
    const right = Math.max(-1, ...at.filter((f): f is Fig => f !== undefined).map((f) => f.c));
    if (right < 0 || !at.some((f) => f && f.c !== right)) return 0;
    for (let i = upto - 1; i >= 0 && net < 0; i--) if (at[i]?.c === right) net = i;
    if (net < 0) return 0;
  }
  let start = rows.findIndex((r, i) => i < net && BANK_START.test(r.label));
  if (start < 0) start = 0;
  let checked = 0;
  const name = (row: TableRow) => `"${row.label.trim() || `row ${a.rowNumber(row)}`}"`;
  const read: number[] = [];

  // ---- the bank half ----
  const figs = rows.map((row, i) => (i >= start && i <= net ? figureOf(a, row, cols) : undefined));
  const outer = Math.max(...figs.filter((f): f is Fig => f !== undefined).map((f) => f.c));
  const twoColumns = figs.some((f) => f && f.c !== outer);
  // the accounts: the detail figures before the first line the form adds or subtracts (or their sub-total)
  let accounts = 0;
  for (let i = start; i < net; i++) {
    if (LESS.test(rows[i].label) || ADD.test(rows[i].label) || RESULT.test(rows[i].label)) break;
    const f = figs[i];
    if (f && twoColumns && f.c === outer) break;
    if (f) accounts++;
  }
  // each run of lines under one "Less"/"Add" word: figures printed negative anywhere in it mean the
  // form's "enter these as negative numbers" was followed — every figure of the run taken as printed
  const section: number[] = [];
  const printedSigned = new Set<number>();
  // an unlabelled figure after detail lines of its section is the section's sub-total, printed on a line
  // of its own without the word (Port Eynon's "17,123.40" under its three accounts, "2348.19" under its
  // four cheques, each pushed into the label column by the copy; session-10 trial T10-54)
  const unlabelled = new Set<number>();
  {
    let k = 0;
    let details = 0;
    for (let i = start; i <= net; i++) {
      const f = figs[i];
      if (LESS.test(rows[i].label) || ADD.test(rows[i].label)) details = 0;
      if (f && i !== net && !rows[i].label.trim() && details > 0) unlabelled.add(i);
      const result = f && (i === net || RESULT.test(rows[i].label) || unlabelled.has(i) || (twoColumns && f.c === outer));
      details = f && !result ? details + 1 : result ? 0 : details;
      if (LESS.test(rows[i].label) || ADD.test(rows[i].label)) k++;
      section[i] = k;
      if (f && !result && f.x.value.isNegative()) printedSigned.add(k);
      if (result) k++;
    }
  }
  const sameLine: { row: TableRow; c: number; expected: Dec; at: At }[] = [];
  const simulate = (mode: 'running' | 'section'): Result[] => {
    const out: Result[] = [];
    let bal = ZERO;
    let balTerms: Term[] = [];
    let pending: Term[] = [];
    let sign: 1 | -1 = 1;
    for (let i = start; i <= net; i++) {
      const row = rows[i];
      if (LESS.test(row.label)) sign = -1;
      else if (ADD.test(row.label)) sign = 1;
      const f = figs[i];
      if (!f) continue;
      const isResult = i === net || RESULT.test(row.label) || (unlabelled.has(i) && pending.length > 0) || (twoColumns && f.c === outer && pending.length > 0);
      if (isResult) {
        const sumP = pending.reduce((s, t) => s.plus(t.value), ZERO);
        const running = mode === 'running' || i === net;
        // a "Less" section's sub-total printed unsigned, as its lines are: their sum, taken off the balance
        const less = !running && sign < 0 && !f.x.value.isNegative() && !printedSigned.has(section[i]);
        const expected = running ? bal.plus(sumP) : less ? sumP.neg() : sumP;
        const terms = running ? [...balTerms, ...pending] : less ? pending.map((t): Term => ({ at: [t.at[0], t.at[1]], value: t.value.neg() })) : pending;
        out.push({ i, fig: f, expected, terms, how: mode === 'section' && i === net ? 'the section totals above it and the lines since' : running ? 'the balance so far and the lines since' : 'the lines of its section' });
        if (mode === 'running') {
          bal = f.x.value;
          balTerms = [{ at: [row, f.c], value: f.x.value }];
        } else {
          bal = bal.plus(less ? f.x.value.neg() : f.x.value);
          balTerms = [...balTerms, less ? { at: [row, f.c, -1], value: f.x.value.neg() } : { at: [row, f.c], value: f.x.value }];
        }
        pending = [];
        sign = 1;
        continue;
      }
      // a figure the form subtracts: as printed when printed negative ("enter these as negative numbers")
      const neg = sign < 0 && !f.x.value.isNegative() && !printedSigned.has(section[i]);
      const term: Term = { at: neg ? [row, f.c, -1] : [row, f.c], value: neg ? f.x.value.neg() : f.x.value };
      if (twoColumns && f.c === outer) {
        // a section's one figure printed straight in the balance column ("Petty cash float … -")
        bal = bal.plus(term.value);
        balTerms = [...balTerms, term];
        // printed in the detail column too ("Add: un-banked cash | 0.00 | 0.00"): the section's one line
        // and its total, the same figure
        const detail = cols.filter((c) => c < outer).reverse().map((c) => ({ c, x: formNum(a, row, c) })).find((d) => d.x);
        if (detail?.x && mode === 'running') sameLine.push({ row, c: f.c, expected: detail.x.value, at: [row, detail.c] });
      } else pending.push(term);
    }
    return out;
  };
  if (accounts > 0) {
    const modes = (['running', 'section'] as const).map((m) => ({ m, results: simulate(m) }));
    const fits = (rs: Result[]) => rs.filter((r) => r.fig.x.value.eq(r.expected)).length;
    const best = fits(modes[1].results) > fits(modes[0].results) ? modes[1] : modes[0];
    let from = start;
    for (const r of best.results) {
      const row = rows[r.i];
      a.check(row, r.fig.c, r.expected, r.terms.map((t) => t.at), `${rule}.cast`,
        () => `the bank reconciliation's ${r.how} (${r.terms.length} figure(s), those the form subtracts taken off) come to`);
      checked++;
      const less = r.terms.filter((t) => t.at[2] === -1 || t.value.isNegative()).map((t) => a.rowNumber(t.at[0]));
      a.totals.push({
        row: a.rowNumber(row),
        label: row.label,
        from: a.rowNumber(rows[best.m === 'section' && r.i === net ? start : from]),
        to: a.rowNumber(rows[Math.max(from, r.i - 1)]),
        why: `a bank reconciliation: ${r.how}${twoColumns ? ` (detail figures in the first £ column, ${best.m === 'running' ? 'running balances' : 'section totals'} in the second)` : ''}`,
        ...(less.length ? { less } : {}),
      });
      from = r.i + 1;
    }
    for (const x of sameLine) {
      a.check(x.row, x.c, x.expected, [x.at], `${rule}.cast`, () => `the bank reconciliation's section of one line prints the line beside its total: the line is`);
      checked++;
    }
  } else if (figs[net]) {
    a.note(rows[net], a.t.labelCol, `${rule}.bank-half`,
      `${name(rows[net])}: no balance per bank statement is printed above it, so the bank half of the reconciliation (bank balances − unpresented cheques + un-banked cash) cannot be checked; the cash book is compared with it below`);
  }
  for (let i = start; i <= net; i++) read.push(i);

  // ---- the cash-book half ----
  const find = (re: RegExp, from = net + 1) => rows.findIndex((r, i) => i >= from && re.test(r.label));
  const open = find(OPEN);
  const close = open < 0 ? -1 : find(CLOSE, open);
  const netFig = figs[net];
  let cash: { value: Dec; terms: Term[]; said: string } | undefined;
  if (open >= 0 && close > open) {
    const parts = [open, find(RECEIPTS, open), find(PAYMENTS, open)];
    const stacked = parts[0] === parts[1] && parts[1] === parts[2] ? stackedFigures(a, rows[open], cols, 3) : undefined;
    if (stacked) {
      const [o, rec, pay] = stacked.values;
      const p = pay.isNegative() ? pay : pay.neg();
      cash = { value: o.plus(rec).plus(p), terms: [{ at: [rows[open], stacked.c], value: ZERO }], said: `the opening balance ${show(o)} plus receipts ${show(rec)} less payments ${show(p.neg())} (three figures printed in one cell)` };
      // read here: no other rule reads the cell as one unreadable figure
      if (rows[open].cells.has(stacked.c)) rows[open].cells.set(stacked.c, { kind: 'blank' });
      a.note(rows[open], stacked.c, `${rule}.stacked`,
        `${a.describe(rows[open], stacked.c)}: three figures in one cell ("${stacked.raw}") beside three labels in one — a multi-line cell flattened by the copy: read as the opening balance ${show(o)}, receipts ${show(rec)} and payments ${show(p.neg())}`);
    } else if (parts.every((p) => p >= open && p < close) && new Set(parts).size === 3) {
      const f = parts.map((i) => figureOf(a, rows[i], cols));
      if (f.every((x) => x !== undefined)) {
        const [o, rec, pay] = f as Fig[];
        const neg = !pay.x.value.isNegative();
        const terms: Term[] = [{ at: [rows[open], o.c], value: o.x.value }, { at: [rows[parts[1]], rec.c], value: rec.x.value },
          { at: neg ? [rows[parts[2]], pay.c, -1] : [rows[parts[2]], pay.c], value: neg ? pay.x.value.neg() : pay.x.value }];
        cash = { value: terms.reduce((s, t) => s.plus(t.value), ZERO), terms, said: `${name(rows[open])} plus ${name(rows[parts[1]])} less ${name(rows[parts[2]])}` };
      }
    }
  }
  if (cash && close > open) {
    const closing = figureOf(a, rows[close], cols);
    if (closing) {
      a.check(rows[close], closing.c, cash.value, cash.terms.map((t) => t.at), `${rule}.closing`, () => `the cash book's ${cash!.said} come to`);
      checked++;
      a.totals.push({ row: a.rowNumber(rows[close]), label: rows[close].label, from: a.rowNumber(rows[open]), to: a.rowNumber(rows[close - 1]),
        why: 'a bank reconciliation\'s cash book: the opening balance plus the receipts less the payments' });
      if (netFig) {
        a.check(rows[net], netFig.c, closing.x.value, [[rows[close], closing.c]], `${rule}.balance`,
          () => `the closing balance per cash book (${name(rows[close])}), which the net balances must equal, is`);
        checked++;
      }
    } else if (netFig) {
      // the closing cell left blank: the cash book's own arithmetic is what the net balances must equal
      a.check(rows[net], netFig.c, cash.value, cash.terms.map((t) => t.at), `${rule}.balance`,
        () => `the cash book's closing balance (${name(rows[close])}, printed blank; the form says it must equal the net balances): ${cash!.said} come to`);
      checked++;
    }
    for (let i = open; i <= close; i++) read.push(i);
  }
  if (!checked) return 0;
  for (const i of read) a.kinds[i] = 'memo';
  return checked;
}

/** A cell holding `n` figures separated by spaces (a multi-line cell a copy flattened): "1797.18 2785.00 (2910.46)". */
function stackedFigures(a: Audit, row: TableRow, cols: number[], n: number): { c: number; values: Dec[]; raw: string } | undefined {
  for (const c of cols) {
    const text = cellText(cellAt(a.t.grid, row.r, c)).trim();
    const parts = text.split(/\s+/);
    if (parts.length !== n) continue;
    const values: Dec[] = [];
    for (const p of parts) {
      const y = readCell(p);
      if (y.kind !== 'number') break;
      values.push(y.value);
    }
    if (values.length === n) return { c, values, raw: text };
  }
  return undefined;
}
