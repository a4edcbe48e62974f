// Table 1's input: the RevenueLines table (sections of budget headings) and the RevenueBelowTheLine
// table (adjustments and earmarked underspends), from the template sheet or the user's mapped range.
import { a1, sheetRef } from '../../base/a1';
import { isBlank } from '../../base/cells';
import { BELOW_LINE_TYPES, REVENUE_BELOW_LINE, REVENUE_LINES, TEMPLATE_SHEETS } from '../template-tables';
import type { MoneyText, ReadContext } from './context';

export interface RevenueLineDoc {
  label: string;
  ref?: string;
  /** absent only with ledger lines, when the cell is blank (the ledger gives the figure) */
  originalBudget?: MoneyText;
  revisedBudget?: MoneyText;
  outturn?: MoneyText;
  /** issue 11: income typed positive, as printed */
  income?: boolean;
}
export interface RevenueSectionDoc {
  label?: string;
  subtotalLabel?: string;
  income?: boolean;
  lines: RevenueLineDoc[];
}
/** Issue 11: a directorate (group) of sections. */
export interface RevenueGroupDoc {
  label?: string;
  subtotalLabel?: string;
  sections: RevenueSectionDoc[];
}

/**
 * The budget headings, in sections: a section runs while the Section column is unchanged; a
 * Sub-total label on a line closes it there. Issue 11: a directorate (the optional Directorate
 * column; "-" for one without a heading) groups the sections of its consecutive rows, closed by a
 * Directorate sub-total label; a blank Directorate is a section outside any group. `ledger`: the input has ledger lines, so a blank
 * original budget, revised budget or outturn is left out (the ledger gives it), not read as nil.
 * Undefined when there is no table (an error says so).
 */
export function readRevenueLines(ctx: ReadContext, ledger: boolean): (RevenueSectionDoc | RevenueGroupDoc)[] | undefined {
  const rs = ctx.sheet(TEMPLATE_SHEETS.revenue);
  const lines = ctx.table(REVENUE_LINES, rs);
  if (!lines) {
    if (!ctx.errors.length && rs) ctx.errors.push({ where: sheetRef(rs.name, 'A1'), message: 'no RevenueLines table' });
    return undefined;
  }
  ctx.trace('$.revenue', sheetRef(lines.sheet, a1(lines.headerRow, lines.col0)));
  if (lines.rows.length === 0) ctx.empty.push({ table: 'revenue', f: lines, t: REVENUE_LINES, what: 'one row per budget heading' });
  const top: (RevenueSectionDoc | RevenueGroupDoc)[] = [];
  let sections = top as RevenueSectionDoc[];
  let current: string | undefined;
  let closed = false;
  let group: { doc: RevenueGroupDoc; mark: string; closed: boolean } | undefined;
  let prefix = '$.revenue.sections';
  // Issue 11: an Original budget column blank on every line is "not published" (no such column).
  const noOriginal = !ledger && lines.rows.length > 0 && lines.rows.every((row) => isBlank(row.cells[4]));
  for (const row of lines.rows) {
    const [section, subtotal, label, ref] = row.cells.slice(0, 4).map(ctx.cellText);
    const income = ctx.cellText(row.cells[7]).toLowerCase();
    const directorate = ctx.cellText(row.cells[8]);
    const directorateSubtotal = ctx.cellText(row.cells[9]);
    const sameGroup = directorate !== '' ? group !== undefined && !group.closed && group.mark === directorate : group === undefined;
    const groupChanged = !sameGroup;
    if (groupChanged) {
      if (directorate) {
        group = { doc: { ...(/^-+$/.test(directorate) ? {} : { label: directorate }), sections: [] }, mark: directorate, closed: false };
        top.push(group.doc);
        sections = group.doc.sections;
        prefix = `$.revenue.sections[${top.length - 1}].sections`;
      } else {
        group = undefined;
        sections = top as RevenueSectionDoc[];
        prefix = '$.revenue.sections';
      }
    }
    if (groupChanged || sections.length === 0 || section !== current || closed) {
      // "-" in the Section column: a new section without a heading (after one not closed by a sub-total).
      sections.push({ lines: [], ...(section && section !== '-' ? { label: section } : {}) });
      current = section;
    }
    if (directorateSubtotal) {
      if (group) {
        group.doc.subtotalLabel = directorateSubtotal;
        group.closed = true;
      } else ctx.errors.push({ where: ctx.at(lines, row, 'Directorate sub-total label', REVENUE_LINES), message: 'a directorate sub-total closes a directorate: give the Directorate on this row' });
    }
    const s = sections[sections.length - 1];
    if (subtotal) s.subtotalLabel = subtotal;
    if (income === 'section') s.income = true;
    else if (income !== '' && !/^(yes|y|true|income|no|n|false)$/.test(income)) {
      ctx.errors.push({ where: ctx.at(lines, row, 'Income', REVENUE_LINES), message: `Income must be Yes (this line is income, typed as printed), Section (the whole section is) or blank, not "${ctx.cellText(row.cells[7])}"` });
    }
    closed = subtotal !== '';
    const path = `${prefix}[${sections.length - 1}].lines[${s.lines.length}]`;
    const at = (col: string) => ctx.at(lines, row, col, REVENUE_LINES);
    // Each text as outturn/v1 holds it (a "-" Section or Directorate is no heading).
    if (section && section !== '-') ctx.text(section, at('Section'), 'the section heading', 'label');
    if (subtotal) ctx.text(subtotal, at('Sub-total label'), 'the sub-total label', 'label');
    ctx.text(label, at('Budget heading'), 'the budget heading', 'label');
    ctx.text(ref, at('Ref'), 'the reference', 'ref');
    if (directorate && !/^-+$/.test(directorate)) ctx.text(directorate, at('Directorate'), 'the directorate', 'label');
    if (directorateSubtotal) ctx.text(directorateSubtotal, at('Directorate sub-total label'), 'the directorate sub-total label', 'label');
    ctx.trace(path, at('Budget heading'));
    ctx.trace(`${path}.label`, at('Budget heading'));
    const fig = (k: number, col: string, key: 'originalBudget' | 'revisedBudget' | 'outturn') => {
      const v = ctx.moneyOr0(row.cells[k], at(col), `${path}.${key}`);
      return ledger && isBlank(row.cells[k]) ? {} : { [key]: v };
    };
    s.lines.push({
      label,
      ...(ref ? { ref } : {}),
      ...(noOriginal ? {} : fig(4, 'Original budget', 'originalBudget')),
      ...fig(5, 'Revised budget', 'revisedBudget'),
      ...fig(6, 'Outturn', 'outturn'),
      ...(/^(yes|y|true|income)$/.test(income) ? { income: true } : {}),
    });
  }
  return top;
}

export interface BelowTheLineDoc {
  adjustments: { label: string; amount: MoneyText }[];
  earmarked: { label: string; amount: MoneyText; reserve?: string }[];
  /** issue 11: present only when the table has a transfer to capital */
  transfersToCapital?: { label: string; amount: MoneyText }[];
}

/** The lines below the net total: adjustments and earmarked underspends (each naming its reserve). Undefined when there is no table. */
export function readBelowTheLine(ctx: ReadContext): BelowTheLineDoc | undefined {
  const below = ctx.table(REVENUE_BELOW_LINE, ctx.sheet(TEMPLATE_SHEETS.revenue));
  if (!below) return undefined;
  const out: BelowTheLineDoc = { adjustments: [], earmarked: [] };
  for (const row of below.rows) {
    const [type, label, , reserve] = row.cells.map(ctx.cellText);
    const kind = BELOW_LINE_TYPES.find((k) => k.toLowerCase() === type.toLowerCase());
    const at = (col: string) => ctx.at(below, row, col, REVENUE_BELOW_LINE);
    if (!kind) {
      ctx.errors.push({ where: at('Type'), message: `type must be ${BELOW_LINE_TYPES.join(' or ')}, not "${type}"` });
      continue;
    }
    const key = kind === 'Adjustment' ? 'adjustments' : kind === 'Earmarked' ? 'earmarked' : 'transfersToCapital';
    const list = key === 'transfersToCapital' ? (out.transfersToCapital ??= []) : out[key];
    const path = `$.revenue.${key}[${list.length}]`;
    ctx.text(label, at('Label'), `the ${kind === 'Earmarked' ? 'earmarked underspend' : kind.toLowerCase()}'s label`, 'label');
    if (kind === 'Earmarked' && reserve) ctx.text(reserve, at('Reserve'), 'the reserve', 'label');
    ctx.trace(path, at('Label'));
    ctx.trace(`${path}.label`, at('Label'));
    list.push({ label, amount: ctx.moneyOr0(row.cells[2], at('Amount'), `${path}.amount`), ...(kind === 'Earmarked' && reserve ? { reserve } : {}) });
  }
  return out;
}
