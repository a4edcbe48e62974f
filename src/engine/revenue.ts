// Table 1: revenue outturn against budget, with virements, adjustments and earmarked underspends.
import { Dec, sum, text } from '../base/decimal';
import type { Check, Column, Figure, Finding, RevenueInput, Table } from './model';
import { TableBuilder, derived, input, sumOf } from './table-builder';
import { convert } from './units';
import { arrangeColumns } from './columns';
import { incomeSignFindings, signedLines } from './income';
import { placesField, tablePlaces } from './precision';

export const REVENUE_COLUMNS = {
  label: 'Budget Heading',
  original: 'Original Budget',
  revised: 'Revised Budget',
  virement: 'Virements',
  outturn: 'Outturn',
  variance: 'Over/ (Under)spend',
  variancePercent: 'Variance % of Revised Budget',
  flag: 'Flag',
} as const;

export interface RevenueTable {
  table: Table;
  findings: Finding[];
  checks: Check[];
  /** row indexes the rest of the engine needs */
  rows: { total: number; totalUnderspend: number; net: number; earmarked: number[]; toCapital: number[] };
}

export function revenueTable(inp: RevenueInput, financialYear: string): RevenueTable {
  const u = inp.displayUnits;
  const layout = inp.layout;
  const dp = tablePlaces(inp.units, u, layout?.decimals, revenueInputs(inp));
  const hasRef = inp.sections.some((s) => s.lines.some((l) => l.ref));
  const hasOriginal = inp.hasOriginal !== false;
  // The variance as the body prints it: outturn − budget (over/(under)spend, the default) or budget − outturn.
  const budgetFirst = layout?.varianceSign === 'budget-minus-outturn';
  const varianceCaption = budgetFirst ? 'Under/ (Over)spend' : REVENUE_COLUMNS.variance;
  const columns: Column[] = arrangeColumns([
    { id: 'label', header: [REVENUE_COLUMNS.label], kind: 'text' },
    ...(hasRef ? [{ id: 'ref', header: ['Ref'], kind: 'ref' as const }] : []),
    ...(hasOriginal ? [{ id: 'original', header: [REVENUE_COLUMNS.original, u], kind: 'money' as const }] : []),
    { id: 'revised', header: [REVENUE_COLUMNS.revised, u], kind: 'money' },
    ...(inp.showVirements && hasOriginal ? [{ id: 'virement', header: [REVENUE_COLUMNS.virement, u], kind: 'money' as const }] : []),
    { id: 'outturn', header: [inp.basis ? `Forecast ${REVENUE_COLUMNS.outturn}` : REVENUE_COLUMNS.outturn, u], kind: 'money' },
    { id: 'variance', header: [varianceCaption, u], kind: 'money' },
    ...(inp.showVariancePercent ? [{ id: 'pct', header: [REVENUE_COLUMNS.variancePercent, '%'], kind: 'percent' as const }] : []),
    ...(inp.varianceThreshold ? [{ id: 'flag', header: [REVENUE_COLUMNS.flag, ''], kind: 'flag' as const }] : []),
  ], layout);
  const b = new TableBuilder('revenue', columns);
  const money = (v: Dec) => input(convert(v, inp.units, u), dp);
  const PCT_DP = 3; // a fraction to 3 places is a percentage to one place

  // An income row (typed positive, as printed) varies the other way round.
  const derivedCells = (r: number, income = false) => {
    const swap = income !== budgetFirst;
    return {
      ...(b.has('virement') ? { virement: derived({ op: 'diff', a: b.ref(r, 'revised'), b: b.ref(r, 'original') }, dp) } : {}),
      variance: derived(swap ? { op: 'diff', a: b.ref(r, 'revised'), b: b.ref(r, 'outturn') } : { op: 'diff', a: b.ref(r, 'outturn'), b: b.ref(r, 'revised') }, dp),
      pct: { ...derived({ op: 'ratio', num: b.ref(r, 'variance'), den: b.ref(r, 'revised') }, PCT_DP), as: 'percent' as const },
    };
  };
  /** Totals: spending rows added, income rows (typed positive) taken away. */
  const sums = (rows: { r: number; income: boolean }[]) => {
    const plus = rows.filter((x) => !x.income).map((x) => x.r);
    const minus = rows.filter((x) => x.income).map((x) => x.r);
    const of = (id: string) => (minus.length
      ? derived({ op: 'sum', of: b.refs(plus, id), minus: b.refs(minus, id) }, dp)
      : sumOf(b.refs(plus, id), dp));
    return { ...(hasOriginal ? { original: of('original') } : {}), revised: of('revised'), outturn: of('outturn') };
  };
  const fill = (r: number, income = false) => Object.assign(b.rows[r].cells, rowCells(b, r, derivedCells(r, income)));

  const totalParts: { r: number; income: boolean }[] = [];
  const lineRows: number[] = [];
  // Issue 11: a group (directorate) of consecutive sections (services) adds its sections' sub-totals
  // (or their lines, where a section has none) into its own sub-total; the total adds the group's.
  let groupParts: { r: number; income: boolean }[] = [];
  inp.sections.forEach((section, k) => {
    const g = section.group;
    const group = g === undefined ? undefined : inp.groups?.[g];
    if (group && inp.sections[k - 1]?.group !== g) {
      if (group.label) b.add('heading', group.label, true);
      groupParts = [];
    }
    const parts = group ? groupParts : totalParts;
    if (section.label) b.add('heading', section.label, true);
    const rows = section.lines.map((l) => {
      const income = Boolean(l.income || section.income);
      const r = b.add('line', l.label, false, {
        ref: l.ref ? { text: l.ref } : null,
        original: money(l.originalBudget),
        revised: money(l.revisedBudget),
        outturn: money(l.outturn),
      }, l.source);
      fill(r, income);
      lineRows.push(r);
      return { r, income };
    });
    if (section.subtotalLabel) {
      // A section of income alone totals positive, as printed; a mixed one nets income off.
      const income = Boolean(section.income);
      const r = b.add('subtotal', section.subtotalLabel, true, income ? sums(rows.map((x) => ({ r: x.r, income: false }))) : sums(rows));
      fill(r, income);
      parts.push({ r, income });
    } else {
      parts.push(...rows);
    }
    if (group && inp.sections[k + 1]?.group !== g) {
      if (group.subtotalLabel) {
        const r = b.add('subtotal', group.subtotalLabel, true, sums(groupParts));
        fill(r);
        totalParts.push({ r, income: false });
      } else {
        totalParts.push(...groupParts);
      }
    }
  });
  const total = b.add('total', inp.totalLabel, true, sums(totalParts));
  fill(total);

  // Below the line, in the variance column's own sign.
  const signed = signedLines(inp);
  const lineVariance = sum(signed.map((l) => (budgetFirst ? l.revisedBudget.minus(l.outturn) : l.outturn.minus(l.revisedBudget))));
  const isOver = (v: Dec) => !v.isZero() && (budgetFirst ? v.isNeg() : v.isPos());
  const toCapitalIn = inp.transfersToCapital ?? [];
  // Issue 11 item 4: the TOTAL and NET rows reconcile the total to what is left after adjustments,
  // transfers to capital and earmarked underspends — printed when there is something to reconcile
  // (the default), or always when the body prints them regardless (`underspendRows: 'always'`).
  const showBelow = inp.underspendRows === 'always' || inp.adjustments.length + inp.earmarked.length + toCapitalIn.length > 0;
  const adjustments = showBelow ? inp.adjustments.map((a) => b.add('adjustment', a.label, false, { variance: money(a.amount) })) : [];
  const totalVarianceExact = lineVariance.plus(sum(inp.adjustments.map((a) => a.amount)));
  const totalUnderspend = showBelow
    ? b.add('total_underspend', isOver(totalVarianceExact) ? 'TOTAL OVERSPEND' : 'TOTAL UNDERSPEND', true, {
      variance: sumOf(b.refs([total, ...adjustments], 'variance'), dp),
    })
    : total;
  // Issue 11: revenue transferred to capital, its own kind of line before the earmarked block.
  const toCapital = showBelow ? toCapitalIn.map((t) => b.add('transfer_to_capital', t.label, false, { variance: money(t.amount) }, t.source)) : [];
  const earmarked = showBelow ? inp.earmarked.map((e) => b.add('earmarked', `less: ${e.label}`, false, { variance: money(e.amount) }, e.source)) : [];
  // Issue 11: the earmarked block's own sub-total; the net then adds the sub-total, not its lines again.
  const earmarkedSubtotal = showBelow && inp.earmarkedSubtotalLabel && earmarked.length
    ? b.add('earmarked_subtotal', inp.earmarkedSubtotalLabel, true, { variance: sumOf(b.refs(earmarked, 'variance'), dp) })
    : undefined;
  const netExact = totalVarianceExact.plus(sum(toCapitalIn.map((t) => t.amount))).plus(sum(inp.earmarked.map((e) => e.amount)));
  const after = [toCapital.length ? 'TRANSFER TO CAPITAL' : '', earmarked.length || !toCapital.length ? 'EARMARKED UNDERSPENDS' : ''].filter(Boolean).join(' AND ');
  const net = showBelow
    ? b.add('net_underspend', `NET ${isOver(netExact) ? 'OVERSPEND' : 'UNDERSPEND'} AFTER ${after}`, true, {
      variance: sumOf(b.refs([totalUnderspend, ...toCapital, ...(earmarkedSubtotal !== undefined ? [earmarkedSubtotal] : earmarked)], 'variance'), dp),
    })
    : total;

  const title = inp.basis
    ? `Revenue forecast outturn against budget ${financialYear} (${inp.basis})`
    : `Revenue outturn against budget ${financialYear}`;
  const table = { ...b.build(title, u), ...placesField(u, dp) };

  // Virements: the budget is moved between headings; the total stays unless the requirement changed.
  const findings: Finding[] = [];
  const checks: Check[] = [];
  const totalOriginal = sum(signed.map((l) => l.originalBudget));
  const totalRevised = sum(signed.map((l) => l.revisedBudget));
  const change = totalRevised.minus(totalOriginal);
  const virementsBalance = change.eq(inp.budgetRequirementChange);
  checks.push({
    table: 'revenue',
    rule: 'revenue.virements',
    description: 'Virements net to the recorded change in the budget requirement (revised total − original total)',
    passed: virementsBalance,
    detail: `revised − original = ${text(change)} ${inp.units}; recorded change ${text(inp.budgetRequirementChange)} ${inp.units}`,
  });
  // A note, not a warning (bug-case 01): the table itself is complete and consistent — its virements
  // column shows the change — and a revised total that moved is usually a budget change the body
  // approved in the year (a new grant, a use of reserves) that the input has not recorded. SPEC:
  // "say so if not"; the Checks sheet keeps the failed check beside it.
  if (!virementsBalance) {
    findings.push({
      severity: 'note',
      table: 'revenue',
      rule: 'revenue.virements',
      message: inp.budgetRequirementChange.isZero()
        ? `The total revised budget differs from the total original budget by ${text(change)} ${inp.units}, and no change in the budget requirement is recorded (if the budget requirement changed in the year, enter the change as the budget requirement change)`
        : `The total revised budget differs from the total original budget by ${text(change)} ${inp.units}, not by the recorded change of ${text(inp.budgetRequirementChange)} ${inp.units}`,
      expected: text(totalOriginal.plus(inp.budgetRequirementChange)),
      actual: text(totalRevised),
      difference: text(change.minus(inp.budgetRequirementChange)),
      at: { r: total, c: b.col('revised') },
    });
  }
  findings.push(...incomeSignFindings(inp, lineRows, b.col('revised')));
  if (inp.varianceThreshold) flagVariances(inp, b, lineRows, findings, checks);

  return { table, findings, checks, rows: { total, totalUnderspend, net, earmarked, toCapital } };
}

/** Every money input of Table 1 (for the places it carries). */
function revenueInputs(inp: RevenueInput): Dec[] {
  return [
    ...inp.sections.flatMap((s) => s.lines.flatMap((l) => [l.originalBudget, l.revisedBudget, l.outturn])),
    ...inp.adjustments.map((a) => a.amount),
    ...inp.earmarked.map((e) => e.amount),
    ...(inp.transfersToCapital ?? []).map((t) => t.amount),
  ];
}

function rowCells(b: TableBuilder, _r: number, d: Record<string, Figure>) {
  const out: Record<number, Figure> = {};
  for (const [id, fig] of Object.entries(d)) if (b.has(id)) out[b.col(id)] = fig;
  return out;
}

/** Marks each heading whose variance reaches the threshold (amount or % of revised budget). */
function flagVariances(inp: RevenueInput, b: TableBuilder, lineRows: number[], findings: Finding[], checks: Check[]): void {
  const t = inp.varianceThreshold!;
  const lines = inp.sections.flatMap((s) => s.lines);
  const signed = signedLines(inp);
  let flagged = 0;
  lineRows.forEach((r, i) => {
    const l = lines[i];
    const variance = signed[i].outturn.minus(signed[i].revisedBudget);
    const byAmount = t.amount !== undefined && variance.abs().gte(t.amount);
    const pct = l.revisedBudget.isZero() ? undefined : variance.div(l.revisedBudget).times(100);
    const byPercent = t.percent !== undefined && pct !== undefined && pct.abs().gte(t.percent);
    if (!byAmount && !byPercent) return;
    flagged++;
    b.rows[r].cells[b.col('flag')] = { text: variance.isNeg() ? 'Under' : 'Over' };
    findings.push({
      severity: 'note',
      table: 'revenue',
      rule: 'revenue.variance-threshold',
      message: `${l.label}: variance of ${text(variance)} ${inp.units}${pct ? ` (${text(pct.toDecimalPlaces(1))}% of the revised budget)` : ''} reaches the reporting threshold`,
      actual: text(variance),
      at: { r, c: b.col('variance') },
      source: l.source,
    });
  });
  checks.push({
    table: 'revenue',
    rule: 'revenue.variance-threshold',
    description: `Headings whose variance reaches ${[t.amount && `${text(t.amount)} ${inp.units}`, t.percent && `${text(t.percent)}%`].filter(Boolean).join(' or ')}`,
    passed: true,
    detail: `${flagged} flagged`,
  });
}

