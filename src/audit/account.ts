// The bottom line of an income and expenditure account (or a receipts and payments account): "Net
// Income for the Year" = the income total − "Total Expenditure", both printed positive, the
// expenditure block opened by "Less Expenditure" (East Bedlington Parish Council's 2009/10 account,
// session-10 trial T10-56). Read as that difference, never as a sum, and never left in no check: with
// the bottom line unread, the income side of such an account is in no relation at all.
import { type Dec, ZERO } from '../base/decimal';
import { type Audit, moneyCols } from './context';
import type { TableRow } from './detect';

/**
 * A bottom line: "Net income for the year", "Net expenditure for the period", "Excess of income over
 * expenditure", "Surplus for the year", "Surplus/(deficit) for the year", "Net surplus/(deficit)".
 */
const BOTTOM =
  /^\s*(net\s+(income|expenditure|surplus|deficit|receipts|payments)\b.*\b(for|in)\s+the\s+(year|period)\b|excess\s+of\s+(income|receipts|expenditure|payments)\s+over\s+(expenditure|payments|income|receipts)\b|(net\s+)?\(?(surplus|deficit)\)?(\s*\/\s*\(?(surplus|deficit)\)?)?\s+(for|in)\s+the\s+(year|period)\b)/i;
/** The bottom lines that are expenditure less income: the rest are income less expenditure. */
const SPENT_MORE = /^\s*(net\s+(expenditure|deficit|payments)\b|excess\s+of\s+(expenditure|payments)\s+over|\(?deficit\b(?!\s*\)?\s*\/))/i;
/** The expenditure total: "Total Expenditure", "Total payments", "Total spending", "Expenditure total". */
const SPENT = /\bexpenditure\b|\bpayments\b|\bspending\b|\bcosts\b/i;
/** The heading opening the expenditure side: "Expenditure", "Less Expenditure", "Less: Payments" (not a sub-heading, "Other expenditure"). */
const SPENT_HEADING = /^\s*(less\s*:?\s*)?(expenditure|payments|spending)\b/i;
/** The income side: a heading or total naming it. */
const EARNED = /\bincome\b|\breceipts\b/i;

/**
 * The bottom line of an I&E account (`auto.cast.account-net`): a row labelled as the year's net income,
 * net expenditure, surplus or deficit (BOTTOM), directly under the expenditure total — a row read as a
 * total whose label names expenditure or payments (SPENT) — and, above that total's block with only
 * headings between ("Less Expenditure", "Staff Costs"), the income side's last figure: a row read as a
 * total, labelled as one, or unlabelled (a ruled total), or the one line of figures under the income
 * heading. Checked in every column printing all three: income − expenditure (expenditure − income for
 * "Net expenditure …", "Excess of expenditure over income", "Deficit …"). An unlabelled income total
 * closing a block of lines under the income heading is cast too (`auto.cast.account-income`): with it the
 * income lines are in a check. Returns how many figures were checked.
 */
export function incomeAndExpenditure(a: Audit): number {
  if (a.layout !== 'auto') return 0;
  const rows = a.t.rows;
  const money = moneyCols(a.t);
  let n = 0;
  const totalRow = (i: number) => a.blocks.has(i) || a.kinds[i] === 'total' || a.kinds[i] === 'subtotal';
  const figures = (i: number) => money.some((c) => a.num(rows[i], c));
  for (let r = 1; r < rows.length; r++) {
    if (!BOTTOM.test(rows[r].label) || totalRow(r) && a.blocks.has(r)) continue;
    // the expenditure total directly above (memo and blank rows aside: none are in t.rows)
    const e = r - 1;
    if (!totalRow(e) || !SPENT.test(rows[e].label) || EARNED.test(rows[e].label)) continue;
    const block = a.blocks.get(e);
    let start = block ? Math.min(...block.members) : e;
    // the heading that opens the expenditure ("Less Expenditure"), where the account prints one: the
    // income side ends above it, whatever run the total's reading reached (two figures that cancel can
    // carry a sum across it)
    for (let h = e - 1; h >= 0; h--) {
      if (a.kinds[h] === 'heading' && SPENT_HEADING.test(rows[h].label)) {
        start = h;
        break;
      }
    }
    // the income side's last figure, with only headings between it and the expenditure block
    let k = start - 1;
    while (k >= 0 && !figures(k) && a.kinds[k] === 'heading') k--;
    if (k < 0 || !figures(k)) continue;
    // where the income side starts: after the heading naming it ("Income", "Receipts")
    let h = k - 1;
    while (h >= 0 && a.kinds[h] !== 'heading' && !totalRow(h)) h--;
    const heading = h >= 0 && a.kinds[h] === 'heading' && EARNED.test(rows[h].label) ? h : undefined;
    const lines = heading === undefined ? [] : Array.from({ length: k - heading - 1 }, (_, j) => heading + 1 + j).filter((m) => figures(m));
    const isTotal = totalRow(k) || /^\s*total\b/i.test(rows[k].label) || !rows[k].label.trim();
    const onlyLine = heading !== undefined && lines.length === 0;
    if (!isTotal && !onlyLine) continue;
    if (!EARNED.test(rows[k].label) && heading === undefined && !totalRow(k)) continue;
    const sign = SPENT_MORE.test(rows[r].label) ? -1 : 1;
    const [plus, minus] = sign > 0 ? [rows[k], rows[e]] : [rows[e], rows[k]];
    const cols = money.filter((c) => a.num(rows[r], c) && a.num(plus, c) && a.num(minus, c));
    if (!cols.length) continue;
    const name = (row: TableRow) => row.label.trim() || `the income total (row ${a.rowNumber(row)}, no label)`;
    for (const c of cols) {
      const v: Dec = a.num(plus, c)!.value.minus(a.num(minus, c)!.value);
      a.check(rows[r], c, v, [[plus, c], [minus, c]], 'auto.cast.account-net', `${name(plus)} − ${name(minus)} (the account's bottom line) is`);
      n++;
    }
    a.totals.push({ row: a.rowNumber(rows[r]), label: rows[r].label, from: a.rowNumber(rows[k]), to: a.rowNumber(rows[e]), why: `the account's bottom line: ${name(plus)} − ${name(minus)}`, less: [a.rowNumber(minus)] });
    // An unlabelled income total under the income heading, not read as a total: the lines it closes.
    if (!rows[k].label.trim() && !totalRow(k) && lines.length) {
      for (const c of money.filter((x) => a.num(rows[k], x))) {
        let sum: Dec = ZERO;
        for (const m of lines) sum = sum.plus(a.value(rows[m], c) ?? ZERO);
        a.check(rows[k], c, sum, lines.map((m) => [rows[m], c] as const), 'auto.cast.account-income', `the ${lines.length} income line(s) under "${rows[heading!].label}" add up to`);
        n++;
      }
      a.totals.push({ row: a.rowNumber(rows[k]), label: '', from: a.rowNumber(rows[lines[0]]), to: a.rowNumber(rows[lines[lines.length - 1]]), why: `no label, closing the income lines under "${rows[heading!].label}" above the expenditure` });
    }
  }
  return n;
}
