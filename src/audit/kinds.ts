// How each printed row is read: a line, a heading, a sub-total or total, and the rows a revenue table
// prints after its total (adjustments, total underspend, earmarked, net underspend).
import type { RowKind } from '../engine/model';
import type { FoundTable, Layout } from './detect';

/** The engine's row kinds the audit tells apart; every other printed row reads as one of these. */
export type Kind = Extract<RowKind, 'heading' | 'line' | 'subtotal' | 'total' | 'adjustment' | 'total_underspend' | 'earmarked' | 'net_underspend' | 'memo'>;

/** row_type values of the published fixtures and the engine's row kinds. */
const ROW_TYPES: Record<string, Kind> = {
  heading: 'heading',
  line: 'line',
  scheme: 'line',
  scheme_standalone: 'line',
  externally_funded: 'line',
  general_reserve: 'line',
  earmarked_reserve: 'line',
  subtotal: 'subtotal',
  category_total: 'subtotal',
  subtotal_useable: 'subtotal',
  subtotal_non_useable: 'subtotal',
  total: 'total',
  total_earmarked: 'total',
  total_reserves: 'total',
  grand_total: 'total',
  adjustment: 'adjustment',
  total_underspend: 'total_underspend',
  earmarked: 'earmarked',
  earmarked_subtotal: 'total',
  transfer_to_capital: 'earmarked',
  net_underspend: 'net_underspend',
  memo: 'memo',
};

const SUBTOTAL = /^sub[\s-]*totals?\b/i;
const TOTAL = /^(grand\s+)?totals?\b|\btotals?\s*[:\-–]*\s*$/i;
const TOTAL_UNDERSPEND = /^total\s+(net\s+)?(over|under)\s*-?\s*spend/i;
const NET_UNDERSPEND = /^net\s+(over|under)\s*-?\s*spend/i;

/**
 * The item marker statutory and parliamentary tables print before a line's label, and before its total's:
 * "A. ", "E ", "5. ", "3(c) ", "(e) ", "iv) ", "Line 5 ", "Item 12: " ("E. Total gross expenditure", the
 * Commons' answers on the RUC's costs; T10-07). A bare capital letter and a space only before "Total".
 */
const ITEM_MARKER = /^\s*(?:(?:line|item|box)\s+\d{1,3}[a-z]?\s*[.:)]?\s+|(?:[A-Za-z]|\d{1,2}(?:\.\d{1,2})?[a-z]?|\d{1,2}\s*\(\s*[a-z]\s*\)|[ivx]{1,4})[.)]\s+|\d{1,2}\s*\(\s*[a-z]\s*\)\s+|\(\s*(?:[a-z]|\d{1,2}|[ivx]{1,4})\s*\)\s+)/i;
/** A bare capital letter before "Total" ("E Total Gross Expenditure"), never "A total of …" (case kept). */
const LETTER_BEFORE_TOTAL = /^\s*[A-Z]\s+(?=(?:Grand\s+|GRAND\s+|Sub[\s-]*|SUB[\s-]*)?(?:Totals?|TOTALS?)\b)/;

/** A label without the item marker printed before it ("E. Total gross expenditure" → "Total gross expenditure"). */
export function itemless(label: string): string {
  const m = ITEM_MARKER.exec(label) ?? LETTER_BEFORE_TOTAL.exec(label);
  return m && m[0].length < label.length ? label.slice(m[0].length) : label;
}

/** Each row's kind from its row type or label; `tail`: mark a revenue table's rows after its total (see markRevenueTail). */
export function classify(t: FoundTable, layout: Layout, tail = true): Kind[] {
  const kinds = t.rows.map((row): Kind => {
    const typed = row.rowType ? ROW_TYPES[row.rowType.toLowerCase()] ?? (row.rowType.toLowerCase().startsWith('memo') ? 'memo' : undefined) : undefined;
    if (typed) return typed;
    if (row.empty) return 'heading';
    if (layout === 'revenue' && TOTAL_UNDERSPEND.test(row.label)) return 'total_underspend';
    if (layout === 'revenue' && NET_UNDERSPEND.test(row.label)) return 'net_underspend';
    const bare = itemless(row.label);
    if (SUBTOTAL.test(bare)) return 'subtotal';
    if (TOTAL.test(bare)) return 'total';
    // A bold row of figures with no label is a total, as tables copied from a PDF often print it.
    if (!row.label && row.bold) return 'total';
    return 'line';
  });
  // The last line of a list labelled for all its members ("All police authorities", "All councils"), in a
  // list with no total of its own, is the list's total (a written answer's allocations to the 43 police
  // authorities); "All other …" is a line.
  const last = kinds.length - 1;
  if (last >= 2 && kinds[last] === 'line' && ALL_MEMBERS.test(itemless(t.rows[last].label)) && !kinds.some((k) => k === 'total' || k === 'subtotal')) kinds[last] = 'total';
  if (tail) markRevenueTail(t, layout, kinds);
  return kinds;
}

/** A label naming every member of a list: "All police authorities", "All English councils" — never "All other …". */
const ALL_MEMBERS = /^all\s+(?!other\b|others\b|remaining\b|of\b|the\s+other\b)[a-z]/i;

/** A revenue table's rows after its total: adjustments, then the total underspend, then the earmarked amounts. */
export function markRevenueTail(t: FoundTable, layout: Layout, kinds: Kind[]): void {
  if (layout === 'revenue' && !t.rows.some((r) => r.rowType && ROW_TYPES[r.rowType.toLowerCase()])) {
    // After the table's total: adjustments, then the total underspend, then the earmarked amounts.
    const tu = kinds.indexOf('total_underspend');
    if (tu >= 0) {
      let lastTotal = -1;
      for (let i = 0; i < tu; i++) if (kinds[i] === 'total') lastTotal = i;
      for (let i = lastTotal + 1; i < tu; i++) if (kinds[i] === 'line') kinds[i] = 'adjustment';
      for (let i = tu + 1; i < kinds.length; i++) if (kinds[i] === 'line') kinds[i] = 'earmarked';
    }
  }
}

/**
 * Labels of a per-unit figure, a count, a rate or a ratio: "Council Tax Band D", "Council tax per band
 * D property", "Band D equivalent properties", "Council Tax Base", "Number of dwellings", "Tax base
 * (Band D equivalents)", "Cost per head", "FTE", "% increase", "Ratio of …", "Interest rate".
 */
export const MEMO_LABEL = /\bband\s*d\b|\btax\s*base\b|\btaxbase\b|\bper\s+(band|head|capita|property|dwelling|resident|household|person|pupil|employee|officer)\b|^(total\s+)?(number|no\.?)\s+of\b|\bdwellings\b|\bheadcount\b|\bfte\b|\bfull[\s-]+time\s+equivalents?\b|\bpopulation\b|(?<!\d\s?)%|\bper\s*cent\b|\bpercentage\b|\bratio\b|\b(interest|tax|inflation|discount|collection|pay|precept)\s+rate\b|\bmultiplier\b|\bincrease\s+\(%\)/i;
