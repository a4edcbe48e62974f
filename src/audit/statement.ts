// A running statement signed in its labels: the annual accounting statement every parish and town
// council, internal drainage board and smaller authority in England publishes (the Annual Governance and
// Accountability Return's "Section 2 – Accounting Statements", before 2017 the Annual Return's "Statement
// of Accounts"): "1. Balances brought forward", "2. (+) Precept or Rates and Levies", "3. (+) Total other
// receipts", "4. (-) Staff costs", "5. (-) Loan interest/capital repayments", "6. (-) All other
// payments", "7. (=) Balances carried forward" — box 7 "Must equal (1+2+3) – (4+5+6)" — then the memo
// boxes 8 "Total value of cash and short term investments", 9 "Total fixed assets …", 10 "Total
// borrowings", which are balances at the year end, not totals. Every figure is printed positive: the
// signs are in the labels (or, on older forms and copies that dropped them, in the words: receipts,
// precept and levies are added, costs and payments subtracted). An auditor checks box 7 as the
// opening balance plus the receipts less the payments (session-7 trial T7-02: read as a plain sum,
// 2 false errors on Longsdon's clean statement and "no table to audit" on Belstone's and Cotgrave's,
// which hold errors), box 1 against last year's box 7 (T7-03), and box 8 against box 7 (T7-05): equal
// for a body keeping its accounts on receipts and payments; on income and expenditure they differ by
// the debtors and creditors, which the body must explain — a note, not an error.
import { ZERO } from '../base/decimal';
import { type At, type Audit, moneyCols } from './context';
import type { TableRow } from './detect';
import { type Num, show } from './findings';
import { cellAt, cellText } from './grid';
import { MEMO_LABEL } from './kinds';

/** A box or line number before the label: "1.", "7.", "9.Total", "10)". */
const NUMBER = /^\s*\d{1,2}\s*[.)]\s*/;
/** The box's number as reprints of the form print it, with no point: "1 Balances Brought Forward", "Box 2 Precept" (T8-55). */
const BOX_NUMBER = /^\s*(box\s*)?\d{1,2}\s+(?=[a-z(])/i;
/** A sign printed in the label: "(+)", "(-)", "(–)", "(=)". */
const MARK = /^\s*\(\s*([+\-–−=])\s*\)\s*/;
const OPEN = /^(balances?\s+brought\s+forward|balances?\s+b\s*\/\s*f(wd)?\b|opening\s+balances?\b|balances?\s+(at|as at)\s+(1(st)?\s+april|the\s+(start|beginning)))/i;
const CLOSE = /^(balances?\s+carried\s+forward|balances?\s+c\s*\/\s*f(wd)?\b|closing\s+balances?\b|balances?\s+(at|as at)\s+(31(st)?\s+march|the\s+end))/i;
/** Words of a line the statement adds, and of one it subtracts (when the label prints no sign). */
const ADDS = /\breceipts?\b|\bincome\b|\bprecepts?\b|\blev(y|ies)\b|\brates\b|\bgrants?\b/i;
const SUBTRACTS = /\bcosts?\b|\bpayments?\b|\bexpenditure\b|\brepayments?\b|\bloans?\b/i;
/** The memo balances printed under the closing balance: cash and investments, fixed assets, borrowings. */
const MEMO = /\bcash\b|\binvestments?\b|\bfixed\s+assets?\b|\blong\s+term\s+assets?\b|\bborrowings?\b|\bdebtors\b|\bcreditors\b/i;
const CASH = /\bcash\b|\bbank\b/i;
/** The statutory form, named in a title or stated in its guidance: the years it prints run left to right. */
const FORM = /annual\s+return|accounting\s+statements?|statement\s+of\s+accounts|governance\s+and\s+accountability|must\s+equal\s*\(?\s*(lines?\s*)?\(?\s*1\s*\+\s*2\s*\+\s*3|agree\s+to\s+(box|line)\s*7/i;
const YEAR = /(?<![\d,.])(19|20)\d\d(?![\d,.])/;

/** The label without its box number and printed sign, and the sign: +1, −1, 0 for "(=)", undefined when none is printed. */
export function signedLabel(label: string): { core: string; sign?: 1 | -1 | 0 } {
  let s = label.replace(NUMBER, '').replace(BOX_NUMBER, '');
  const m = MARK.exec(s);
  if (!m) return { core: s.trim() };
  s = s.slice(m[0].length).trim();
  return { core: s, sign: m[1] === '+' ? 1 : m[1] === '=' ? 0 : -1 };
}

/**
 * A figure printed with a point where the statement prints a comma between thousands ("1.030" among
 * "2,719", "3,408" …, all whole pounds: Belstone's box 6 of 2022/23; "243.049" for 243,049, Four Marks'
 * box 8 of 2020/21): read as the thousands it stands for, with a warning at its cell — the arithmetic
 * of the statement then says whether that is what was meant. Only where every other figure of the
 * column is whole and one at least prints a comma. `most`: how many such figures a column may hold (1
 * in a statement; 2 in any table, whose column then prints three commas at least and four figures
 * for each: Hansard's TSG by region 1994-95, "Eastern 25.411", "London 35.165" among "74,184",
 * "52,958" …, with which England's 329,433 casts exactly — T9-13). The others' thousands may be marked
 * with a no-break, thin or plain space instead ("74 184", as a copy from a PDF gives them) or not at all
 * ("74184", as a CSV export gives them): the figure of three places among whole pounds is the same slip.
 */
export function pointForComma(a: Audit, rows: TableRow[], c: number, most = 1): void {
  // money rows only: a ratio or a per cent printed in the column ("General reserve as % of the net revenue
  // budget 0.002") is no amount whose comma was lost
  const nums = rows.filter((row) => !MEMO_LABEL.test(row.label)).map((row) => a.num(row, c)).filter((x): x is Num => x !== undefined);
  // the decimal mark of the figure against the thousands mark of the others: "25.411" among "74,184",
  // or in a file saved with continental figures "25,411" among "74.184" — never "0.002" (no thousands
  // are written with a nought before the comma)
  const odd = nums.filter((x) => x.places === 3 && /^\(?\s*£?\s*[1-9]\d{0,2}[.,]\d{3}\s*\)?$/.test(x.raw.trim()));
  if (odd.length === 0 || odd.length > most || odd.length * 4 > nums.length) return;
  const point = odd[0].raw.includes('.');
  if (odd.some((x) => x.raw.includes('.') !== point)) return;
  const rest = nums.filter((x) => !odd.includes(x));
  // the others' thousands marked with a comma, or (a copy from a PDF or a continental file) a no-break,
  // thin or plain space, or not marked at all: a whole figure of four digits or more
  const grouped = rest.filter((x) => (point ? /\d[,\u00a0\u2009\u202f ]\d{3}|^\D*\d{4,}\D*$/ : /\d\.\d{3}/).test(x.raw.trim())).length;
  if (!rest.length || rest.some((x) => x.places !== 0) || grouped < Math.min(most, 3)) return;
  for (const was of odd) pointToComma(a, rows.find((r) => a.num(r, c) === was)!, c, was);
}

function pointToComma(a: Audit, row: TableRow, c: number, was: Num): void {
  const value = was.value.times(1000);
  row.cells.set(c, { ...was, value, places: 0, units: value.isInteger() && Number.isSafeInteger(value.toNumber()) ? value.toNumber() : undefined });
  a.findings.push({
    severity: 'warning',
    table: a.layout,
    ...a.loc(row, c),
    rule: 'printed.point-for-comma',
    message: `${a.describe(row, c)}: printed ${was.raw.trim()} among whole pounds whose thousands are marked with a comma: read as ${show(value)}, a point printed for the comma (as printed it is ${show(was.value)}); the statement's arithmetic is checked with ${show(value)}`,
    printed: was.raw.trim(),
    expected: value.toString(),
  });
}

/**
 * Finds the statements signed in their labels (or by their words) and checks each: the closing balance
 * against the opening balance plus the lines it adds less those it subtracts, in every column; the
 * memo balances under it read as no lines (cash and investments tied to the closing balance, a note
 * when they differ); and, on the statutory form whose captions print no year ("31st March" twice),
 * each year's opening balance against the closing balance of the column to its left. Marks the rows
 * it reads 'memo' in `a.kinds`, so no other reading casts them. Returns how many figures it checked.
 */
export function signedStatements(a: Audit, rule: string): number {
  const rows = a.t.rows;
  const money = moneyCols(a.t);
  let checked = 0;
  for (let i0 = 0; i0 < rows.length; i0++) {
    const open = signedLabel(rows[i0].label);
    if (!OPEN.test(open.core) || open.sign === -1) continue;
    // the lines to the closing balance: contiguous rows with figures, each signed
    let j = i0 + 1;
    const lines: { i: number; sign: 1 | -1 }[] = [];
    let marks = 0;
    let ok = true;
    while (j < rows.length && !CLOSE.test(signedLabel(rows[j].label).core)) {
      const row = rows[j];
      const s = signedLabel(row.label);
      if (row.empty || OPEN.test(s.core) || s.sign === 0) {
        ok = false;
        break;
      }
      let sign: 1 | -1 | undefined = s.sign === 1 || s.sign === -1 ? s.sign : undefined;
      if (sign !== undefined) marks++;
      else if (ADDS.test(s.core) && !SUBTRACTS.test(s.core)) sign = 1;
      else if (SUBTRACTS.test(s.core) && !ADDS.test(s.core)) sign = -1;
      else if (money.every((c) => (a.value(row, c) ?? ZERO).isZero())) sign = 1; // a nil line: its sign changes nothing
      // a row of neither sign nor words straight after lines signed "(+)" and "(-)" in their labels is
      // where they come to, whatever it is called (the closing balance under another name)
      if (sign === undefined && marks >= 2 && lines.some((l) => l.sign === 1) && lines.some((l) => l.sign === -1)) break;
      if (sign === undefined) {
        ok = false;
        break;
      }
      lines.push({ i: j, sign });
      j++;
    }
    if (!ok || j >= rows.length || lines.length < 2) continue;
    const close = rows[j];
    const closeMark = signedLabel(close.label).sign;
    if (closeMark !== undefined) marks++;
    const signs = new Set(lines.map((l) => l.sign));
    if (marks === 0 && signs.size < 2) continue;
    const cols = money.filter((c) => a.num(rows[i0], c) && a.num(close, c));
    if (!cols.length) continue;
    // The memo balances under the closing balance.
    const memo: number[] = [];
    for (let m = j + 1; m < rows.length && MEMO.test(signedLabel(rows[m].label).core) && !rows[m].empty; m++) memo.push(m);
    const span = [rows[i0], ...lines.map((l) => rows[l.i]), close, ...memo.map((m) => rows[m])];
    for (const c of cols) pointForComma(a, span, c);
    // Signed figures carry their own sign: a statement signed only by its words that prints most of its
    // lines' figures negative (its payments in brackets) is a plain sum. Signs printed in the labels are
    // the form's: a figure printed negative under "(-)" is subtracted as printed (a refund, or a sign the
    // arithmetic then finds wrong).
    if (!marks) {
      let neg = 0;
      let all = 0;
      for (const l of lines) for (const c of cols) {
        const v = a.value(rows[l.i], c) ?? ZERO;
        if (v.isZero()) continue;
        all++;
        if (v.isNegative()) neg++;
      }
      if (neg * 2 > all || (neg > 0 && all < 3)) continue;
    }
    const sum = (c: number, signed: boolean) => lines.reduce((x, l) => x.plus((a.value(rows[l.i], c) ?? ZERO).times(signed ? l.sign : 1)), a.value(rows[i0], c) ?? ZERO);
    const fitsSigned = cols.filter((c) => sum(c, true).eq(a.num(close, c)!.value)).length;
    const fitsPlain = cols.filter((c) => sum(c, false).eq(a.num(close, c)!.value)).length;
    // No sign printed, the words' signs fitting no column and the plain sum every one: the words misled.
    if (marks === 0 && fitsSigned === 0 && fitsPlain === cols.length) continue;
    const minus = lines.filter((l) => l.sign < 0);
    const how = marks ? 'the signs printed in its labels' : 'the words of its labels (receipts added, payments subtracted)';
    a.totals.push({
      row: a.rowNumber(close),
      label: close.label,
      from: a.rowNumber(rows[i0]),
      to: a.rowNumber(rows[lines[lines.length - 1].i]),
      why: `a running statement: the opening balance plus the lines it adds less those it subtracts, by ${how}`,
      ...(minus.length ? { less: minus.map((l) => a.rowNumber(rows[l.i])) } : {}),
    });
    for (let k = i0; k <= j; k++) a.kinds[k] = 'memo';
    for (const m of memo) a.kinds[m] = 'memo';
    // each box's own figures are still related across the row (this year − last year = its variance)
    for (let k = i0; k <= j; k++) a.acrossToo.add(k);
    const name = (row: TableRow) => `"${row.label.trim() || `row ${a.rowNumber(row)}`}"`;
    const adds = lines.filter((l) => l.sign > 0).length;
    for (const c of cols) {
      const terms: At[] = [[rows[i0], c], ...lines.map((l): At => (l.sign < 0 ? [rows[l.i], c, -1] : [rows[l.i], c]))];
      const ok2 = a.value(rows[i0], c) !== undefined && lines.every((l) => a.value(rows[l.i], c) !== undefined);
      if (!ok2) continue;
      a.check(close, c, sum(c, true), terms, rule,
        () => `${name(rows[i0])} plus the ${adds} line(s) it adds less the ${minus.length} it subtracts (by ${how}) come to`);
      checked++;
    }
    // Cash and investments (box 8) against the balances carried forward (box 7).
    // Equal on a receipts and payments basis; on income and expenditure they differ by the debtors,
    // creditors and accruals, which the body explains beside the statement: a note — unless another
    // year of the same statement shows the two equal (the body keeps receipts and payments), when a
    // difference is an error at the cash figure.
    const cash = memo.find((m) => CASH.test(rows[m].label));
    if (cash !== undefined) {
      const both = cols.filter((c) => a.num(rows[cash], c) && a.num(close, c));
      const equal = both.filter((c) => a.num(rows[cash], c)!.value.eq(a.num(close, c)!.value));
      for (const c of both) {
        const x = a.num(rows[cash], c)!;
        const b = a.num(close, c)!;
        if (equal.length) {
          a.check(rows[cash], c, b.value, [[close, c]], `${rule}.cash`,
            () => `${name(close)}, which cash and investments equal on a receipts and payments basis (as ${equal.filter((e) => e !== c).map((e) => a.col(e).caption || `column ${e + 1}`).join(', ') || 'the statement'} shows), is`);
          checked++;
        } else {
          a.involve([[rows[cash], c], [close, c]]);
          a.note(rows[cash], c, `${rule}.cash`,
            `${a.describe(rows[cash], c)}: ${show(x.value)}, and ${name(close)} ${show(b.value)} (difference ${show(x.value.minus(b.value))}): on a receipts and payments basis the two are equal; on an income and expenditure basis they differ by the debtors, creditors and other accruals, which the body explains beside the statement — not checked as a total`);
        }
      }
    }
    for (const m of memo) if (m !== cash) a.note(rows[m], a.t.labelCol, `${rule}.memo`, `${rows[m].label.trim()}: a balance at the year end printed under the statement, not a line or a total of it`);
    checked += tieLeftToRight(a, rows[i0], close, cols);
    i0 = j;
  }
  return checked;
}

/**
 * On the statutory form, the year before is printed left of the year ("Year ending 31st March | 31st
 * March", Cotgrave's annual return: no year in either caption, so years.ts cannot pair them): each
 * opening balance is the closing balance of the column to its left. Only when no caption names a year
 * and the form is named in the table's title, header or guidance.
 */
function tieLeftToRight(a: Audit, open: TableRow, close: TableRow, cols: number[]): number {
  if (cols.length < 2 || cols.some((c) => YEAR.test(a.col(c).caption))) return 0;
  const g = a.t.grid;
  let form = false;
  const top = Math.max(0, (a.t.headerRows[0] ?? a.t.r0) - 6);
  for (let r = top; r <= a.t.r1 && !form; r++) for (let c = a.t.c0; c <= a.t.c1 && !form; c++) form = FORM.test(cellText(cellAt(g, r, c)));
  if (!form) return 0;
  let n = 0;
  for (let k = 1; k < cols.length; k++) {
    const [earlier, later] = [cols[k - 1], cols[k]];
    const was = a.num(close, earlier);
    if (!was || !a.num(open, later)) continue;
    a.check(open, later, was.value, [[close, earlier]], `${a.layout}.year-roll-forward`,
      `${close.label.trim() || 'the closing balance'} of the year before (${a.col(earlier).caption || `column ${earlier + 1}`}, left of it as the form prints the years), which it carries forward, is`);
    n++;
  }
  return n;
}

/** The accounting statement's boxes, by their words: precept or levies, other receipts, staff costs, loan interest, other payments, balances brought or carried forward. */
const BOX = /\bprecept\b|\brates\s+and\s+levies\b|\bother\s+(receipts|income)\b|\bstaff\s+costs\b|\bloan\s+interest\b|\b(all\s+|total\s+)?other\s+payments\b|\bbalances?\s+(brought|carried)\s+forward\b/i;
/** Boxes 8-10: balances at the year end named "Total …" on the form. */
const BALANCE_BOX = /^(total\s+)?(value\s+of\s+)?(cash\b|fixed\s+assets\b|borrowings?\b)/i;

/**
 * On the accounting statement's form printed without its running statement (an "explanation of
 * variances" pro forma listing boxes 2-10 with two years and the variance: Corscombe and Halstock's,
 * Ilam's, session-8 trial), "Total fixed assets …", "Total borrowings", "Total value of cash …" are boxes
 * 9, 10, 8 — balances at the year end, not totals of the boxes above them (T7-05's kind: 3 false errors
 * each, "expected 34,684" for fixed assets of 13,548). Read as memo rows, with a note, when three rows or more
 * name the form's other boxes (marked 'memo': no total adds them, and no total they are). Rows the
 * running statement read (marked 'memo' already) are left as they are.
 */
export function balanceBoxes(a: Audit, rule: string): void {
  const rows = a.t.rows;
  if (rows.filter((r) => BOX.test(signedLabel(r.label).core)).length < 3) return;
  for (let i = 0; i < rows.length; i++) {
    if (a.kinds[i] !== 'total' && a.kinds[i] !== 'subtotal') continue;
    const core = signedLabel(rows[i].label).core;
    if (!BALANCE_BOX.test(core)) continue;
    a.kinds[i] = 'memo';
    a.acrossToo.add(i);
    a.note(rows[i], a.t.labelCol, rule, `${rows[i].label.trim()}: a balance at the year end on the accounting statement's form (cash and investments, fixed assets, borrowings), not a total of the boxes above it, nor a line of them`);
  }
}

/**
 * The form's boxes printed without box 1 (an "explanation of variances" pro forma listing boxes 2-7 for
 * two years, Ilam's, T8-55): box 7 of each year is box 7 of the year before — its balance brought
 * forward — plus the boxes the statement adds less those it subtracts, by their words, in each year
 * column after the first. Only when three rows or more name the form's boxes, the rows from the first
 * box to box 7 are all signed by their words (both signs), and two columns or more captioned by
 * years, earliest left, print box 7. The rows are left as read otherwise; box 7 is no line of any
 * total (marked memo, its variance still checked across). Returns how many figures it checked.
 */
export function boxesAcrossYears(a: Audit, rule: string): number {
  const rows = a.t.rows;
  if (rows.filter((r) => BOX.test(signedLabel(r.label).core)).length < 3) return 0;
  const j = rows.findIndex((r, i) => CLOSE.test(signedLabel(r.label).core) && a.kinds[i] !== 'memo');
  if (j < 2) return 0;
  if (rows.some((r, i) => i < j && (OPEN.test(signedLabel(r.label).core)))) return 0;
  // the boxes above box 7 back to the first row that names none
  const lines: { i: number; sign: 1 | -1 }[] = [];
  for (let k = j - 1; k >= 0; k--) {
    const row = rows[k];
    const s = signedLabel(row.label);
    let sign: 1 | -1 | undefined = s.sign === 1 || s.sign === -1 ? s.sign : undefined;
    if (sign === undefined && ADDS.test(s.core) && !SUBTRACTS.test(s.core)) sign = 1;
    else if (sign === undefined && SUBTRACTS.test(s.core) && !ADDS.test(s.core)) sign = -1;
    if (sign === undefined || row.empty || !BOX.test(s.core) && !ADDS.test(s.core) && !SUBTRACTS.test(s.core)) break;
    lines.unshift({ i: k, sign });
  }
  if (lines.length < 3 || new Set(lines.map((l) => l.sign)).size < 2) return 0;
  const close = rows[j];
  const yearOf = (c: number) => Number(YEAR.exec(a.col(c).caption)?.[0]);
  const cols = moneyCols(a.t).filter((c) => YEAR.test(a.col(c).caption) && !['variance', 'pct'].includes(a.col(c).role) && a.num(close, c));
  if (cols.length < 2 || cols.some((c, k) => k > 0 && yearOf(c) <= yearOf(cols[k - 1]))) return 0;
  let checked = 0;
  const name = (row: TableRow) => `"${row.label.trim() || `row ${a.rowNumber(row)}`}"`;
  for (let k = 1; k < cols.length; k++) {
    const [was, c] = [cols[k - 1], cols[k]];
    if (!lines.every((l) => a.value(rows[l.i], c) !== undefined)) continue;
    const sum = lines.reduce((x, l) => x.plus(a.value(rows[l.i], c)!.times(l.sign)), a.num(close, was)!.value);
    const terms: At[] = [[close, was], ...lines.map((l): At => (l.sign < 0 ? [rows[l.i], c, -1] : [rows[l.i], c]))];
    a.check(close, c, sum, terms, rule,
      () => `${name(close)} of the year before (${a.col(was).caption}), brought forward, plus the ${lines.filter((l) => l.sign > 0).length} box(es) it adds less the ${lines.filter((l) => l.sign < 0).length} it subtracts (by their words; box 1 not printed) come to`);
    checked++;
  }
  if (!checked) return 0;
  a.totals.push({
    row: a.rowNumber(close),
    label: close.label,
    from: a.rowNumber(rows[lines[0].i]),
    to: a.rowNumber(rows[lines[lines.length - 1].i]),
    why: 'the accounting statement\'s boxes printed without box 1: the year before\'s balance carried forward plus the boxes it adds less those it subtracts, by the words of their labels',
    less: lines.filter((l) => l.sign < 0).map((l) => a.rowNumber(rows[l.i])),
  });
  a.kinds[j] = 'memo';
  a.acrossToo.add(j);
  return checked;
}
