// Table 1 from the ledger: the ledger reconciliation table (1b) and, at month N, the forecast
// build-up (1a), with Table 1's budget and outturn cells as live references to them, so that the
// sheet shows where every figure of Table 1 comes from.
//
//   Table 1b: per heading, the ledger's budget, actual to date (commitments, forecasts given);
//             the lines not mapped, and mapped twice; the ledger total of every line (summed on its
//             own); Table 1's total; and the difference, which must be nil (a check).
//   Table 1a: per heading, revised budget, actual to date, the rest of the year from the users'
//             forecasts and from the profile, the forecast outturn (a live sum) and its variance.
import { Dec, ZERO, text } from '../base/decimal';
import {
  type HeadingForecast,
  type LedgerAggregate,
  aggregateLedger,
  describeLine,
  ledgerHeadings,
  forecastHeadings,
  revenueFromLedger,
} from './ledger';
import type { Check, Column, Figure, Finding, RevenueInput, Table, TableLink, TablePart } from './model';
import { isFigure } from './model';
import type { RevenueTable } from './revenue';
import { TableBuilder, derived, input, sumOf } from './table-builder';
import { convert, placesFor } from './units';

export interface PreparedLedger {
  /** the revenue input with Table 1's lines filled from the ledger */
  revenue: RevenueInput;
  agg: LedgerAggregate;
  forecasts?: HeadingForecast[];
}

export function prepareLedger(rev: RevenueInput): PreparedLedger {
  const ledger = rev.ledger!;
  const agg = aggregateLedger(ledger, ledgerHeadings(rev));
  const forecasts = ledger.month !== undefined ? forecastHeadings(ledger, agg, rev.units, ledger.month) : undefined;
  return { revenue: revenueFromLedger(rev, agg, forecasts), agg, forecasts };
}

export interface LedgerTables extends TablePart {
  /** Table 1's budget and outturn cells, as references to Tables 1b and 1a */
  links: TableLink[];
  /** the reconciliation check, read from the evaluated tables */
  afterEvaluate(): { findings: Finding[]; checks: Check[] };
}

const MONTHS = ['April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'January', 'February', 'March'];

/** What the parts of Tables 1a and 1b share: the prepared ledger, Table 1, units and places. */
interface LedgerContext {
  rev: RevenueInput;
  ledger: NonNullable<RevenueInput['ledger']>;
  agg: LedgerAggregate;
  forecasts?: HeadingForecast[];
  t1: RevenueTable;
  /** references to Table 1's cells by column id (a builder over its columns; never built) */
  table1Refs: TableBuilder;
  /** Table 1's line rows, in heading order */
  t1Lines: number[];
  u: RevenueInput['displayUnits'];
  dp: number;
  money: (v: Dec) => Figure;
  month?: number;
  /** the ledger gives forecasts of its own for the rest of the year */
  showForecastCol: boolean;
}

/** Table 1b's named rows. */
interface ReconciliationRows {
  headingRows: number[];
  unmappedRow: number;
  ambiguousRow: number;
  ledgerTotal: number;
}

/**
 * Tables 1b (the ledger reconciliation) and, at month N, 1a (the forecast build-up) from a prepared
 * ledger, with Table 1's budget and outturn cells made references to them. Call `reconcile` after
 * the tables are evaluated.
 */
export function ledgerTables(p: PreparedLedger, t1: RevenueTable): LedgerTables {
  const rev = p.revenue;
  const u = rev.displayUnits;
  const dp = placesFor(u);
  const month = rev.ledger!.month;
  const ctx: LedgerContext = {
    rev,
    ledger: rev.ledger!,
    agg: p.agg,
    forecasts: p.forecasts,
    t1,
    table1Refs: new TableBuilder('revenue', t1.table.columns),
    t1Lines: t1.table.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.kind === 'line').map(({ i }) => i),
    u,
    dp,
    money: (v: Dec) => input(convert(v, rev.units, u), dp),
    month,
    showForecastCol: month !== undefined && p.agg.hasForecast,
  };
  const { reconciliation, rows } = reconciliationTable(ctx);
  const buildUp = forecastBuildUp(ctx, reconciliation, rows);
  const { t1Total, diffRow } = closeReconciliation(ctx, reconciliation, rows, buildUp);
  const links = linkTable1(ctx, reconciliation, rows, buildUp);

  const findings: Finding[] = [];
  const checks: Check[] = [];
  mappingFindings(ctx, reconciliation, rows, findings, checks);
  if (buildUp) forecastFindings(ctx, buildUp.builder, findings, checks);

  const title = month !== undefined
    ? `Ledger reconciliation: budget and actual to month ${month} by heading`
    : 'Ledger reconciliation: budget and outturn by heading';
  const tables = [
    ...(buildUp ? [buildUp.builder.build(`Forecast outturn at month ${month} (to ${MONTHS[month! - 1]}) by heading`, u)] : []),
    reconciliation.build(title, u),
  ];
  const ledgerTable = tables[tables.length - 1];
  return {
    tables,
    findings,
    checks,
    links,
    afterEvaluate: () => reconcile(ctx, ledgerTable, reconciliation, { t1Total, diffRow, ledgerTotal: rows.ledgerTotal }),
  };
}

/** Table 1b's first rows: per heading the ledger's figures, the unplaced lines, the ledger total. */
function reconciliationTable(ctx: LedgerContext): { reconciliation: TableBuilder; rows: ReconciliationRows } {
  const { agg, u, dp, money, month } = ctx;
  const lc: Column[] = [
    { id: 'label', header: ['', 'Budget Heading'], kind: 'text' },
    { id: 'budget', header: ['Ledger', 'Budget', u], kind: 'money' },
    { id: 'actual', header: ['Ledger', month !== undefined ? `Actual to ${MONTHS[month - 1]} (month ${month})` : 'Actual', u], kind: 'money' },
    ...(agg.hasCommitments ? [{ id: 'commitments', header: ['Ledger', 'Commitments', u], kind: 'money' as const }] : []),
    ...(ctx.showForecastCol ? [{ id: 'forecast', header: ['Ledger', 'Forecast for the rest of the year (given)', u], kind: 'money' as const }] : []),
  ];
  const reconciliation = new TableBuilder('revenue-ledger', lc);
  const cellsOf = (t: LedgerAggregate['total']) => ({
    budget: money(t.budget),
    actual: money(t.actual),
    commitments: money(t.commitments),
    forecast: money(t.forecast),
  });
  const headingRows = agg.headings.map((h, i) => reconciliation.add('line', h, false, cellsOf(agg.byHeading[i])));
  const sumIds = lc.filter((c) => c.kind === 'money').map((c) => c.id);
  const sumCells = (rows: number[]) => Object.fromEntries(sumIds.map((id) => [id, sumOf(reconciliation.refs(rows, id), dp)]));
  const mapped = reconciliation.add('subtotal', 'Total of the Table 1 headings', true, sumCells(headingRows));
  const unmappedRow = reconciliation.add('line', `Lines not mapped to any heading (${agg.unmapped.lines})`, false, cellsOf(agg.unmapped));
  const ambiguousRow = reconciliation.add('line', `Lines mapped to more than one heading (${agg.ambiguous.lines})`, false, cellsOf(agg.ambiguous));
  reconciliation.add('subtotal', 'Headings and unplaced lines', false, sumCells([mapped, unmappedRow, ambiguousRow]));
  const ledgerTotal = reconciliation.add('total', `LEDGER TOTAL (all ${agg.total.lines} lines, summed on their own)`, true, cellsOf(agg.total));
  return { reconciliation, rows: { headingRows, unmappedRow, ambiguousRow, ledgerTotal } };
}

/** Table 1a at month N: per heading, revised budget + actual + the rest of the year = the forecast outturn. */
function forecastBuildUp(ctx: LedgerContext, reconciliation: TableBuilder, rows: ReconciliationRows): { builder: TableBuilder; total: number } | undefined {
  const { forecasts, month, u, dp, money, showForecastCol, table1Refs, t1Lines } = ctx;
  if (!forecasts || month === undefined) return undefined;
  const fc: Column[] = [
    { id: 'label', header: ['', 'Budget Heading'], kind: 'text' },
    { id: 'revised', header: ['', 'Revised Budget', u], kind: 'money' },
    { id: 'actual', header: [`To month ${month}`, 'Actual to date', u], kind: 'money' },
    ...(showForecastCol ? [{ id: 'given', header: ['Rest of year', 'Forecasts given', u], kind: 'money' as const }] : []),
    { id: 'noForecast', header: ['Rest of year', 'Budget of lines without a forecast', u], kind: 'money' },
    { id: 'share', header: ['Rest of year', `Profile left after ${MONTHS[month - 1]}`, '%'], kind: 'percent' },
    { id: 'profiled', header: ['Rest of year', 'From the profile', u], kind: 'money' },
    { id: 'forecast', header: ['', 'Forecast Outturn', u], kind: 'money' },
    { id: 'variance', header: ['', 'Forecast Over/ (Under)spend', u], kind: 'money' },
  ];
  const f = new TableBuilder('revenue-forecast', fc);
  const lines = forecasts.map((h, i) => {
    const r = f.add('line', h.heading, false, {
      noForecast: money(h.budgetNoForecast),
      // The profile's share is a ratio (7/12 …), not money: kept to the 15 significant digits a
      // spreadsheet cell holds, or the workbook could not store it under round-each.
      share: { ...input(h.share.toSignificantDigits(15), 3), as: 'percent' },
      profiled: money(h.restFromProfile),
    });
    const c = f.rows[r].cells;
    c[f.col('revised')] = sumOf([table1Refs.ref(t1Lines[i], 'revised')], dp);
    c[f.col('actual')] = sumOf([reconciliation.ref(rows.headingRows[i], 'actual')], dp);
    if (showForecastCol) c[f.col('given')] = sumOf([reconciliation.ref(rows.headingRows[i], 'forecast')], dp);
    c[f.col('forecast')] = sumOf(['actual', ...(showForecastCol ? ['given'] : []), 'profiled'].map((id) => f.ref(r, id)), dp);
    c[f.col('variance')] = derived({ op: 'diff', a: f.ref(r, 'forecast'), b: f.ref(r, 'revised') }, dp);
    return r;
  });
  const moneyIds = fc.filter((c) => c.kind === 'money').map((c) => c.id);
  const total = f.add('total', 'TOTAL', true, Object.fromEntries(moneyIds.map((id) => [id, sumOf(f.refs(lines, id), dp)])));
  return { builder: f, total };
}

/** Table 1b's last rows: Table 1's own total, and the difference from the ledger total. */
function closeReconciliation(ctx: LedgerContext, reconciliation: TableBuilder, rows: ReconciliationRows, buildUp: { builder: TableBuilder; total: number } | undefined): { t1Total: number; diffRow: number } {
  const { table1Refs, t1, dp } = ctx;
  const t1Total = reconciliation.add('measure', `Table 1 total (${ctx.rev.totalLabel})`, false, {
    budget: sumOf([table1Refs.ref(t1.rows.total, 'revised')], dp),
    actual: sumOf([buildUp ? buildUp.builder.ref(buildUp.total, 'actual') : table1Refs.ref(t1.rows.total, 'outturn')], dp),
  });
  const diffRow = reconciliation.add('measure', 'Difference: Table 1 total − ledger total (nil when Table 1 reconciles)', true, {
    budget: derived({ op: 'diff', a: reconciliation.ref(t1Total, 'budget'), b: reconciliation.ref(rows.ledgerTotal, 'budget') }, dp),
    actual: derived({ op: 'diff', a: reconciliation.ref(t1Total, 'actual'), b: reconciliation.ref(rows.ledgerTotal, 'actual') }, dp),
  });
  return { t1Total, diffRow };
}

/**
 * The links into Table 1: each heading's revised (and, unless given, original) budget is its
 * Table 1b budget; its outturn is its Table 1a forecast at month N, else its Table 1b actual.
 */
function linkTable1(ctx: LedgerContext, reconciliation: TableBuilder, rows: ReconciliationRows, buildUp: { builder: TableBuilder } | undefined): TableLink[] {
  const { table1Refs, t1Lines, dp, ledger, agg } = ctx;
  const at = (r: number, col: string) => ({ t: 'revenue' as const, r, c: table1Refs.col(col) });
  return t1Lines.flatMap((r, i) => [
    { at: at(r, 'revised'), value: sumOf([reconciliation.ref(rows.headingRows[i], 'budget')], dp) },
    ...(ledger.originalBudgets.has(agg.headings[i]) ? [] : [{ at: at(r, 'original'), value: sumOf([reconciliation.ref(rows.headingRows[i], 'budget')], dp) }]),
    { at: at(r, 'outturn'), value: sumOf([buildUp ? buildUp.builder.ref(i, 'forecast') : reconciliation.ref(rows.headingRows[i], 'actual')], dp) },
  ]);
}

/** Every ledger line not mapped, or mapped twice, is an error at its line; the mapping check. */
function mappingFindings(ctx: LedgerContext, reconciliation: TableBuilder, rows: ReconciliationRows, findings: Finding[], checks: Check[]): void {
  const { agg, ledger, rev } = ctx;
  const where = (i: number) => ledger.lineSource?.(i) ?? `$.revenue.ledger.lines[${i}]`;
  const unplaced = (kind: 'unmapped' | 'ambiguous') => {
    const b = kind === 'unmapped' ? agg.unmapped : agg.ambiguous;
    const listed = kind === 'unmapped' ? agg.unmappedLines.length : agg.ambiguousLines.length;
    if (b.lines > listed) {
      findings.push({
        severity: 'error',
        table: 'revenue-ledger',
        rule: kind === 'unmapped' ? 'ledger.unmapped' : 'ledger.mapped-twice',
        message: `${b.lines - listed} more ledger line(s) ${kind === 'unmapped' ? 'not mapped to any heading' : 'mapped to more than one heading'} (the first ${listed} are listed one by one)`,
        at: { r: kind === 'unmapped' ? rows.unmappedRow : rows.ambiguousRow, c: reconciliation.col('budget') },
      });
    }
  };
  for (const i of agg.unmappedLines) {
    const l = agg.kept.get(i)!;
    findings.push({
      severity: 'error',
      table: 'revenue-ledger',
      rule: 'ledger.unmapped',
      message: `Ledger line ${i + 1} (${describeLine(l)}) is not mapped to any heading: budget ${l.budget}, actual ${l.actualToDate} ${rev.units} are in no heading of Table 1`,
      actual: l.budget,
      source: where(i),
    });
  }
  unplaced('unmapped');
  for (const { line: i, headings } of agg.ambiguousLines) {
    const l = agg.kept.get(i)!;
    findings.push({
      severity: 'error',
      table: 'revenue-ledger',
      rule: 'ledger.mapped-twice',
      message: `Ledger line ${i + 1} (${describeLine(l)}) is mapped to more than one heading (${headings.join('; ')}); it is counted in none: budget ${l.budget}, actual ${l.actualToDate} ${rev.units}`,
      actual: l.budget,
      source: where(i),
    });
  }
  unplaced('ambiguous');
  checks.push({
    table: 'revenue-ledger',
    rule: 'ledger.mapping',
    description: 'Every ledger line maps to exactly one Table 1 heading',
    passed: agg.unmapped.lines === 0 && agg.ambiguous.lines === 0,
    detail: `${agg.total.lines} line(s): ${agg.unmapped.lines} not mapped, ${agg.ambiguous.lines} mapped to more than one heading`,
  });
}

/** Table 1a's checks: the basis of the forecast, and commitments covered by the rest of the year. */
function forecastFindings(ctx: LedgerContext, buildUp: TableBuilder, findings: Finding[], checks: Check[]): void {
  const { agg, ledger, rev, month } = ctx;
  const forecasts = ctx.forecasts!;
  const byUser = agg.byHeading.reduce((n, b) => n + b.linesWithForecast, 0);
  const profiled = forecasts.filter((h) => ledger.profiles.some((p) => p.heading === h.heading)).length;
  checks.push({
    table: 'revenue-forecast',
    rule: 'forecast.basis',
    description: `Forecast outturn at month ${month} = actual to date + the rest of the year (the user's forecast where given, else the budget profile, to the penny)`,
    passed: true,
    detail: `${byUser} of ${agg.total.lines} line(s) forecast by the user; ${profiled} heading(s) with their own profile, the others ${ledger.defaultProfile ? 'the default profile' : 'even twelfths'}`,
  });
  let over = 0;
  forecasts.forEach((h, i) => {
    const rest = h.forecastGiven.plus(h.restFromProfile);
    if (h.commitments.gt(rest) && h.commitments.gt(ZERO)) {
      over++;
      findings.push({
        severity: 'note',
        table: 'revenue-forecast',
        rule: 'forecast.commitments',
        message: `${h.heading}: commitments of ${text(h.commitments)} ${rev.units} exceed the forecast for the rest of the year (${text(rest)} ${rev.units})`,
        expected: text(rest),
        actual: text(h.commitments),
        at: { r: i, c: buildUp.col('forecast') },
      });
    }
  });
  checks.push({
    table: 'revenue-forecast',
    rule: 'forecast.commitments',
    description: 'Commitments per heading are covered by the forecast for the rest of the year',
    passed: over === 0,
    detail: `${over} heading(s) with commitments above the rest-of-year forecast`,
  });
}

/** After evaluation: Table 1's total equals the ledger total exactly, budget and actual (an error at the difference row if not). */
function reconcile(ctx: LedgerContext, ledgerTable: Table, reconciliation: TableBuilder, rows: { t1Total: number; diffRow: number; ledgerTotal: number }): { findings: Finding[]; checks: Check[] } {
  const { agg, u } = ctx;
  const out: { findings: Finding[]; checks: Check[] } = { findings: [], checks: [] };
  const parts: string[] = [];
  let ok = true;
  for (const id of ['budget', 'actual'] as const) {
    const c = reconciliation.col(id);
    const d = ledgerTable.rows[rows.diffRow].cells[c];
    const t = ledgerTable.rows[rows.t1Total].cells[c];
    const g = ledgerTable.rows[rows.ledgerTotal].cells[c];
    if (!isFigure(d) || !isFigure(t) || !isFigure(g)) continue;
    const diff = (d as Figure).exact;
    parts.push(`${id}: Table 1 ${text(t.exact)}, ledger ${text(g.exact)}, difference ${text(diff)} ${u}`);
    if (!diff.isZero()) {
      ok = false;
      out.findings.push({
        severity: 'error',
        table: 'revenue-ledger',
        rule: 'ledger.reconciliation',
        message: `Table 1 does not reconcile to the ledger (${id === 'budget' ? 'budget' : 'actual'}): Table 1 total ${text(t.exact)} ${u}, ledger total ${text(g.exact)} ${u}` +
          ` (${agg.unmapped.lines} line(s) not mapped, ${agg.ambiguous.lines} mapped twice)`,
        expected: text(g.exact),
        actual: text(t.exact),
        difference: text(diff),
        at: { r: rows.diffRow, c },
      });
    }
  }
  out.checks.push({
    table: 'revenue-ledger',
    rule: 'ledger.reconciliation',
    description: 'Table 1 total equals the ledger total exactly (budget, and actual to date)',
    passed: ok,
    detail: parts.join('; '),
  });
  return out;
}
