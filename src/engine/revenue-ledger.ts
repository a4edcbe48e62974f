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
  forecastHeadings,
  revenueFromLedger,
} from './ledger';
import type { Check, Column, Figure, Finding, RevenueInput, Table } from './model';
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
  const headings = rev.sections.flatMap((s) => s.lines.map((l) => l.label));
  const agg = aggregateLedger(ledger, headings);
  const forecasts = ledger.month !== undefined ? forecastHeadings(ledger, agg, rev.units, ledger.month) : undefined;
  return { revenue: revenueFromLedger(rev, agg, forecasts), agg, forecasts };
}

export interface LedgerTables {
  tables: Table[];
  findings: Finding[];
  checks: Check[];
  /** the reconciliation check, read from the evaluated tables (call after `evaluate`) */
  reconcile(): { findings: Finding[]; checks: Check[] };
}

const MONTHS = ['April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'January', 'February', 'March'];

export function ledgerTables(p: PreparedLedger, t1: RevenueTable): LedgerTables {
  const rev = p.revenue;
  const ledger = rev.ledger!;
  const { agg, forecasts } = p;
  const u = rev.displayUnits;
  const dp = placesFor(u);
  const money = (v: Dec) => input(convert(v, rev.units, u), dp);
  const month = ledger.month;
  const t1b = new TableBuilder('revenue', t1.table.columns);
  const t1Lines = t1.table.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.kind === 'line').map(({ i }) => i);
  const showForecastCol = month !== undefined && agg.hasForecast;

  // ---- Table 1b: the ledger reconciliation ----
  const lc: Column[] = [
    { id: 'label', header: ['', 'Budget Heading'], kind: 'text' },
    { id: 'budget', header: ['Ledger', 'Budget', u], kind: 'money' },
    { id: 'actual', header: ['Ledger', month !== undefined ? `Actual to ${MONTHS[month - 1]} (month ${month})` : 'Actual', u], kind: 'money' },
    ...(agg.hasCommitments ? [{ id: 'commitments', header: ['Ledger', 'Commitments', u], kind: 'money' as const }] : []),
    ...(showForecastCol ? [{ id: 'forecast', header: ['Ledger', 'Forecast for the rest of the year (given)', u], kind: 'money' as const }] : []),
  ];
  const L = new TableBuilder('revenue-ledger', lc);
  const cellsOf = (t: LedgerAggregate['total']) => ({
    budget: money(t.budget),
    actual: money(t.actual),
    commitments: money(t.commitments),
    forecast: money(t.forecast),
  });
  const headingRows = agg.headings.map((h, i) => L.add('line', h, false, cellsOf(agg.byHeading[i])));
  const sumIds = lc.filter((c) => c.kind === 'money').map((c) => c.id);
  const sumCells = (rows: number[]) => Object.fromEntries(sumIds.map((id) => [id, sumOf(L.refs(rows, id), dp)]));
  const mapped = L.add('subtotal', 'Total of the Table 1 headings', true, sumCells(headingRows));
  const unmappedRow = L.add('line', `Lines not mapped to any heading (${agg.unmapped.lines})`, false, cellsOf(agg.unmapped));
  const ambiguousRow = L.add('line', `Lines mapped to more than one heading (${agg.ambiguous.lines})`, false, cellsOf(agg.ambiguous));
  const accounted = L.add('subtotal', 'Headings and unplaced lines', false, sumCells([mapped, unmappedRow, ambiguousRow]));
  const ledgerTotal = L.add('total', `LEDGER TOTAL (all ${agg.total.lines} lines, summed on their own)`, true, cellsOf(agg.total));
  void accounted;

  // ---- Table 1a: the forecast build-up ----
  let F: TableBuilder | undefined;
  let forecastTotal = -1;
  if (forecasts && month !== undefined) {
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
    F = new TableBuilder('revenue-forecast', fc);
    const f = F;
    const rows = forecasts.map((h, i) => {
      const r = f.add('line', h.heading, false, {
        noForecast: money(h.budgetNoForecast),
        share: { ...input(h.share, 3), as: 'percent' },
        profiled: money(h.restFromProfile),
      });
      const c = f.rows[r].cells;
      c[f.col('revised')] = sumOf([t1b.ref(t1Lines[i], 'revised')], dp);
      c[f.col('actual')] = sumOf([L.ref(headingRows[i], 'actual')], dp);
      if (showForecastCol) c[f.col('given')] = sumOf([L.ref(headingRows[i], 'forecast')], dp);
      c[f.col('forecast')] = sumOf(['actual', ...(showForecastCol ? ['given'] : []), 'profiled'].map((id) => f.ref(r, id)), dp);
      c[f.col('variance')] = derived({ op: 'diff', a: f.ref(r, 'forecast'), b: f.ref(r, 'revised') }, dp);
      return r;
    });
    const moneyIds = fc.filter((c) => c.kind === 'money').map((c) => c.id);
    forecastTotal = f.add('total', 'TOTAL', true, Object.fromEntries(moneyIds.map((id) => [id, sumOf(f.refs(rows, id), dp)])));
  }

  // Table 1b's last rows: Table 1's own total, and the difference from the ledger total.
  const t1Total = L.add('measure', `Table 1 total (${rev.totalLabel})`, false, {
    budget: sumOf([t1b.ref(t1.rows.total, 'revised')], dp),
    actual: sumOf([F ? F.ref(forecastTotal, 'actual') : t1b.ref(t1.rows.total, 'outturn')], dp),
  });
  const diffRow = L.add('measure', 'Difference: Table 1 total − ledger total (nil when Table 1 reconciles)', true, {
    budget: derived({ op: 'diff', a: L.ref(t1Total, 'budget'), b: L.ref(ledgerTotal, 'budget') }, dp),
    actual: derived({ op: 'diff', a: L.ref(t1Total, 'actual'), b: L.ref(ledgerTotal, 'actual') }, dp),
  });

  // Table 1's figures become references to the ledger and forecast tables (live formulas).
  t1Lines.forEach((r, i) => {
    const cells = t1.table.rows[r].cells;
    cells[t1b.col('revised')] = sumOf([L.ref(headingRows[i], 'budget')], dp);
    if (!ledger.originalBudgets.has(agg.headings[i])) cells[t1b.col('original')] = sumOf([L.ref(headingRows[i], 'budget')], dp);
    cells[t1b.col('outturn')] = sumOf([F ? F.ref(i, 'forecast') : L.ref(headingRows[i], 'actual')], dp);
  });

  const findings: Finding[] = [];
  const checks: Check[] = [];
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
        at: { r: kind === 'unmapped' ? unmappedRow : ambiguousRow, c: L.col('budget') },
      });
    }
  };
  for (const i of agg.unmappedLines) {
    const l = ledger.lines[i];
    findings.push({
      severity: 'error',
      table: 'revenue-ledger',
      rule: 'ledger.unmapped',
      message: `Ledger line ${i + 1} (${describeLine(ledger, i)}) is not mapped to any heading: budget ${l.budget}, actual ${l.actualToDate} ${rev.units} are in no heading of Table 1`,
      actual: l.budget,
      source: where(i),
    });
  }
  unplaced('unmapped');
  for (const { line: i, headings } of agg.ambiguousLines) {
    const l = ledger.lines[i];
    findings.push({
      severity: 'error',
      table: 'revenue-ledger',
      rule: 'ledger.mapped-twice',
      message: `Ledger line ${i + 1} (${describeLine(ledger, i)}) is mapped to more than one heading (${headings.join('; ')}); it is counted in none: budget ${l.budget}, actual ${l.actualToDate} ${rev.units}`,
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

  if (forecasts && month !== undefined) {
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
          at: { r: i, c: F!.col('forecast') },
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

  const title = month !== undefined
    ? `Ledger reconciliation: budget and actual to month ${month} by heading`
    : 'Ledger reconciliation: budget and outturn by heading';
  const tables = [
    ...(F ? [F.build(`Forecast outturn at month ${month} (to ${MONTHS[month! - 1]}) by heading`, u)] : []),
    L.build(title, u),
  ];
  const ledgerTable = tables[tables.length - 1];

  return {
    tables,
    findings,
    checks,
    reconcile() {
      const out: { findings: Finding[]; checks: Check[] } = { findings: [], checks: [] };
      const parts: string[] = [];
      let ok = true;
      for (const id of ['budget', 'actual'] as const) {
        const c = L.col(id);
        const d = ledgerTable.rows[diffRow].cells[c];
        const t = ledgerTable.rows[t1Total].cells[c];
        const g = ledgerTable.rows[ledgerTotal].cells[c];
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
            at: { r: diffRow, c },
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
    },
  };
}
