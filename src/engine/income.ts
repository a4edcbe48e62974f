// Income in Table 1 (issue 11). Most monitoring tables print income as positive figures; Outturn's
// own convention (SPEC) is income negative. A line or section marked `income` is shown as typed
// and counted against spending. A heading that reads like income but carries spending's sign is
// the commonest silent error (an underspend of £2.7m reported as an overspend of £0.3m), so it is
// a warning — but only when the table gives no sign of the other convention: a table with any
// negative heading is taken to type income negative, and a positive "Other Specific Grants" there
// is spending (Derbyshire's Table 1 has one).
import { type Dec, text } from '../base/decimal';
import type { Finding, RevenueInput } from './model';

/** Words that make a heading read as income (case-insensitive, whole words). */
export const INCOME_WORDS = /\b(income|grants?|receipts?|council tax|precept|funding|fees|charges? income|business rates|reimbursements?|sales|rents|contributions from|interest received)\b/i;
/** Headings that name spending despite an income word ("Grants to partners", "Capital financing charges"). */
const SPENDING_WORDS = /\b(grants? (to|paid|awarded|made)|commissioning|financing charges|contribution to)\b/i;

export function looksLikeIncome(label: string): boolean {
  return INCOME_WORDS.test(label) && !SPENDING_WORDS.test(label);
}

/**
 * Warnings for income typed with spending's sign, and for income lines typed negative.
 * @param rows the table row of each line, in the order of `inp.sections[].lines[]`
 * @param col the column index of the revised budget
 */
export function incomeSignFindings(inp: RevenueInput, rows: number[], col: number): Finding[] {
  const lines = inp.sections.flatMap((s) => s.lines.map((l) => ({ l, income: Boolean(l.income || s.income) })));
  const anyNegative = lines.some(({ l, income }) => !income && (l.revisedBudget.isNeg() && !l.revisedBudget.isZero()));
  const findings: Finding[] = [];
  lines.forEach(({ l, income }, i) => {
    const positive = l.revisedBudget.gt(0) || (l.revisedBudget.isZero() && l.outturn.gt(0));
    const negative = l.revisedBudget.lt(0) || (l.revisedBudget.isZero() && l.outturn.lt(0));
    if (!income && positive && !anyNegative && looksLikeIncome(l.label)) {
      findings.push({
        severity: 'warning',
        table: 'revenue',
        rule: 'revenue.income-sign',
        message: `"${l.label}" reads as income but is counted as spending (budget ${text(l.revisedBudget)} ${inp.units}, positive): ` +
          'mark the line or its section as income to show it as printed and count it as income, or type income negative',
        actual: text(l.revisedBudget),
        at: { r: rows[i], c: col },
        source: l.source,
      });
    } else if (income && negative) {
      findings.push({
        severity: 'warning',
        table: 'revenue',
        rule: 'revenue.income-sign',
        message: `"${l.label}" is marked as income but typed negative (budget ${text(l.revisedBudget)} ${inp.units}), so it counts as spending: type income lines as printed, positive`,
        actual: text(l.revisedBudget),
        at: { r: rows[i], c: col },
        source: l.source,
      });
    }
  });
  return findings;
}

/** Each line's figures with income counted negative (Outturn's own sign), whatever the body typed. */
export function signedLines(inp: RevenueInput): { label: string; originalBudget: Dec; revisedBudget: Dec; outturn: Dec; income: boolean }[] {
  return inp.sections.flatMap((s) => s.lines.map((l) => {
    const income = Boolean(l.income || s.income);
    return income
      ? { label: l.label, originalBudget: l.originalBudget.neg(), revisedBudget: l.revisedBudget.neg(), outturn: l.outturn.neg(), income }
      : { label: l.label, originalBudget: l.originalBudget, revisedBudget: l.revisedBudget, outturn: l.outturn, income };
  }));
}
