// The engine's one entry point: validated inputs in; tables, checks, findings and narrative out.
import { invariant } from '../base/invariant';
import { Dec, sum, text } from '../base/decimal';
import { capitalTable, hasNextYear } from './capital';
import { evaluate } from './evaluate';
import type { BuildResult, Check, Finding, Narrative, OutturnInput, Table, TableLink, TablePart } from './model';
import { isFigure } from './model';
import { capitalSentence, millions, percent, revenueSentence, savingsSentence } from './narrative';
import { capitalNarrative, reportYearIndex, reservesNarrative, reservesNarrativeOptions, revenueNarrative, revenueNarrativeOptions } from './narrative-tables';
import { isPoliceBody, reservesTables, withoutHomeOfficeCategoryNotes, yearDates } from './reserves';
import { balancesTables } from './reserves-balances';
import { signedLines } from './income';
import { revenueTable } from './revenue';
import { convert } from './units';
import { capitalForecastTables, ledgerTables, mtfpTables, prepareLedger, runMtfp, withDraws } from './forecasting';

export function build(input: OutturnInput): BuildResult {
  // Ledger-level input: Table 1's lines are filled from the ledger (and forecast at month N).
  const ledger = input.revenue?.ledger ? prepareLedger(input.revenue) : undefined;
  const inp: OutturnInput = ledger ? { ...input, revenue: ledger.revenue } : input;
  const parts: TablePart[] = [];
  const narrative: Narrative = {};

  const revenue = inp.revenue ? revenueTable(inp.revenue, inp.financialYear) : undefined;
  if (revenue) parts.push({ tables: [revenue.table], findings: revenue.findings, checks: revenue.checks });
  if (ledger && revenue) parts.push(ledgerTables(ledger, revenue));
  const capital = inp.capital ? capitalTable(inp.capital) : undefined;
  if (capital) parts.push({ tables: [capital.table], findings: capital.findings, checks: capital.checks });
  const budget = inp.revenue
    ? { amount: sum(signedLines(inp.revenue).map((l) => l.revisedBudget)), units: inp.revenue.units }
    : inp.reserves?.netRevenueBudget ?? inp.reserves?.netRevenueBudgets?.[0]
      ? { amount: (inp.reserves.netRevenueBudget ?? inp.reserves.netRevenueBudgets![0])!, units: inp.reserves.units }
      : undefined;
  // The MTFP: the gap drawn from reserves becomes part of their projected movements.
  const mtfpRun = inp.reserves?.mtfp ? runMtfp(inp.reserves, inp.reserves.mtfp.plan, inp.reserves.mtfp.gapFundedFrom) : undefined;
  const reservesIn = inp.reserves && mtfpRun ? withDraws(inp.reserves, mtfpRun) : inp.reserves;
  // Tables 2a and 2b, when the input gives next year's budgets or the financing (none otherwise).
  if (capital && inp.capital && (hasNextYear(inp.capital) || inp.capital.financing)) {
    const f = capitalForecastTables(inp.capital, capital);
    parts.push({ ...f, afterEvaluate: () => f.afterEvaluate(reservesIn) });
  }
  const reserves = reservesIn ? (reservesIn.balancesOnly ? balancesTables(reservesIn, budget) : reservesTables(reservesIn, budget)) : undefined;
  if (reserves && reservesIn && !isPoliceBody(inp.organisation)) withoutHomeOfficeCategoryNotes(reserves, reservesIn.reserves.some((r) => r.category !== undefined));
  if (reserves) parts.push({ tables: [reserves.table, reserves.companion], findings: reserves.findings, checks: reserves.checks });
  const mtfp = reserves && mtfpRun && inp.reserves ? mtfpTables(inp.reserves, mtfpRun, reserves) : undefined;
  if (mtfp) parts.push(mtfp);

  // One way: every table, the links between them applied in one place, then evaluated.
  const tables = parts.flatMap((p) => p.tables);
  const findings: Finding[] = parts.flatMap((p) => p.findings);
  const checks: Check[] = parts.flatMap((p) => p.checks);
  applyLinks(tables, parts.flatMap((p) => p.links ?? []));
  const rounding = evaluate(tables, inp.rounding);
  findings.push(...rounding);
  for (const t of tables) {
    const own = rounding.filter((f) => f.table === t.id);
    checks.push({
      table: t.id,
      rule: inp.rounding === 'round-each' ? 'rounding.cast' : 'rounding.difference',
      description: inp.rounding === 'round-each'
        ? 'Every displayed total casts with its displayed lines (figures rounded independently)'
        : 'Totals are sums of the rounded lines; rounding differences against the exact totals are stated',
      passed: inp.rounding === 'round-each' ? own.length === 0 : true,
      detail: `${own.length} ${inp.rounding === 'round-each' ? 'total(s) that do not cast' : 'rounding difference(s)'}`,
    });
  }
  // What each module can only check on evaluated figures, then the ties across tables.
  for (const p of parts) {
    const after = p.afterEvaluate?.();
    if (!after) continue;
    findings.push(...after.findings);
    checks.push(...after.checks);
  }

  if (revenue && inp.revenue) {
    tieEarmarkedToReserves(inp, revenue.rows.earmarked, revenue.table.columns.findIndex((c) => c.id === 'variance'), reserves?.rows.byLabel, findings, checks);
    const net = shownAt(revenue.table, revenue.rows.net, 'variance');
    narrative.revenue = { netVariance: text(convert(net, inp.revenue.displayUnits, '£')), sentence: revenueSentence(net, inp.revenue.displayUnits, inp.revenue.basis, { afterEarmarked: revenue.rows.net !== revenue.rows.total }) };
    if (revenueNarrativeOptions(inp.revenue)) narrative.revenue = revenueNarrative(inp.revenue, revenue, net);
  }
  if (capital && inp.capital) {
    const u = inp.capital.displayUnits;
    const spend = shownAt(capital.table, capital.rows.grandTotal, 'outturn').plus(sum(capital.rows.memo.map((r) => shownAt(capital.table, r, 'outturn'))));
    const programme = shownAt(capital.table, capital.rows.total, 'revised');
    narrative.capital = {
      spend: millions(spend, u),
      programme: millions(programme, u),
      percent: percent(spend, programme),
      sentence: capitalSentence(spend, programme, u, inp.capital.year),
    };
    if (u === '£m') narrative.capital = capitalNarrative(spend, programme, u, inp.capital.year, capital.table.places ?? 1);
    if (inp.capital.showSavings) {
      // Issue 11: the underspend split into slippage and saving, from the figures the total row shows.
      const at = (col: string) => shownAt(capital.table, capital.rows.total, col);
      narrative.capital.savings = savingsSentence(at('revised').minus(at('outturn')), at('reprofile'), u, inp.capital.nextYear, u === '£m' ? capital.table.places : undefined);
    }
  }
  if (reserves && inp.reserves) {
    // the report's own year: 31/03/21 for a 2020/21 report whose statement starts at 2019/20
    const y = reportYearIndex(inp.reserves, inp.financialYear);
    const pctRow = reserves.rows.generalReservePercent;
    const cell = pctRow === undefined ? undefined : reserves.companion.rows[pctRow].cells[y + 1];
    // The figure is a fraction to three places: as a percentage, exactly one place.
    const pct = cell && isFigure(cell) ? cell.shown.times(100).toFixed(1) : undefined;
    const total = shownAt(reserves.table, reserves.rows.totalReserves, `closing${y}`);
    const at = yearDates(inp.reserves.years[y]).end;
    const forecast = y >= inp.reserves.actualYears;
    narrative.reserves = {
      generalReservePercent: pct,
      sentence: `Total reserves at ${at} ${forecast ? 'are forecast to be' : 'are'} ${millions(total, inp.reserves.displayUnits)}` +
        (pct ? `; the general reserve ${forecast ? 'is forecast to be' : 'is'} ${pct}% of the net revenue budget.` : '.'),
    };
    if (reservesNarrativeOptions(inp.reserves, reserves.table)) narrative.reserves = reservesNarrative(inp.reserves, reserves, inp.financialYear);
    // Issue 11: an MTFP that takes the general reserve below its minimum says so in the narrative too.
    if (mtfp?.minimumSentence) narrative.reserves.mtfpMinimum = mtfp.minimumSentence;
  }
  return { organisation: inp.organisation, financialYear: inp.financialYear, rounding: inp.rounding, tables, findings, checks, narrative };
}

/** Sets each linked cell: a table's cell that another table's module defines. */
function applyLinks(tables: Table[], links: TableLink[]): void {
  const byId = new Map(tables.map((t) => [t.id, t]));
  for (const { at, value } of links) {
    const t = byId.get(at.t);
    invariant(t && t.rows[at.r] && at.c < t.columns.length, () => `a link into ${at.t}[${at.r},${at.c}], which is not a cell of the build`);
    t.rows[at.r].cells[at.c] = value;
  }
}

function shownAt(t: Table, r: number, colId: string): Dec {
  const c = t.columns.findIndex((col) => col.id === colId);
  const cell = t.rows[r].cells[c];
  invariant(isFigure(cell), () => `${t.id}: no figure at row ${r} column ${colId}`);
  return cell.shown;
}

/** An earmarked underspend that names a reserve must appear as that reserve's first-year movement. */
function tieEarmarkedToReserves(inp: OutturnInput, rows: number[], varianceCol: number, byLabel: Map<string, number> | undefined, findings: Finding[], checks: Check[]): void {
  const rev = inp.revenue!;
  rev.earmarked.forEach((e, i) => {
    if (!e.reserve) return;
    const at = { r: rows[i], c: varianceCol };
    const description = `"${e.label}" ties to a movement into "${e.reserve}" in Table 3's first year`;
    if (!inp.reserves || !byLabel) {
      checks.push({ table: 'revenue', rule: 'tie.earmarked-reserve', description, passed: true, detail: 'not checked: no Table 3 in the input' });
      return;
    }
    const reserve = inp.reserves.reserves.find((r) => r.label === e.reserve);
    if (!reserve) {
      checks.push({ table: 'revenue', rule: 'tie.earmarked-reserve', description, passed: false, detail: 'reserve not found' });
      findings.push({
        severity: 'error',
        table: 'revenue',
        rule: 'tie.earmarked-reserve',
        message: `${e.label}: names the reserve "${e.reserve}", which is not in Table 3`,
        at,
        source: e.source,
      });
      return;
    }
    const amount = convert(e.amount, rev.units, '£');
    const movement = convert(reserve.flows[0].movement, inp.reserves.units, '£');
    const ties = amount.eq(movement);
    checks.push({ table: 'revenue', rule: 'tie.earmarked-reserve', description, passed: ties, detail: `earmarked ${text(amount)} £; movement ${text(movement)} £` });
    if (!ties) {
      findings.push({
        severity: 'warning',
        table: 'revenue',
        rule: 'tie.earmarked-reserve',
        message: `${e.label} of ${text(amount)} £ does not appear as a movement into ${e.reserve} in ${inp.reserves.years[0]} (movement ${text(movement)} £)`,
        expected: text(amount),
        actual: text(movement),
        difference: text(movement.minus(amount)),
        at,
        source: e.source,
      });
    }
  });
}
