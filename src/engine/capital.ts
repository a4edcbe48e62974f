// Table 2: capital outturn against the revised programme, budget remaining and reprofiling.
import { Dec, text } from '../base/decimal';
import type { CapitalInput, CapitalScheme, Check, Column, Finding, Table } from './model';
import { TableBuilder, derived, input, sumOf } from './table-builder';
import { convert } from './units';
import { isFigure } from './model';
import { arrangeColumns } from './columns';
import { placesField, tablePlaces } from './precision';

/** Every money input of Table 2 (for the places it carries). */
function capitalInputs(inp: CapitalInput): Dec[] {
  const schemes = inp.categories.flatMap((c) => (c.standalone ? [c.standalone] : c.schemes ?? []));
  return [
    ...schemes.flatMap((s) => [s.revisedBudget, s.outturn, ...(s.reprofile ? [s.reprofile] : []), ...(s.originalBudget ? [s.originalBudget] : []),
      ...(s.earlierBudget ? [s.earlierBudget] : []), ...(s.changes ?? [])]),
    ...inp.externallyFunded.map((e) => e.outturn),
    ...inp.memo.map((e) => e.outturn),
    ...(inp.financing ?? []).flatMap((f) => [f.amount, ...(f.originalAmount ? [f.originalAmount] : []), ...(f.latestAmount ? [f.latestAmount] : [])]),
  ];
}

export interface CapitalTable {
  table: Table;
  findings: Finding[];
  checks: Check[];
  rows: { total: number; grandTotal: number; memo: number[] };
}

export function capitalTable(inp: CapitalInput): CapitalTable {
  const u = inp.displayUnits;
  const dp = tablePlaces(inp.units, u, inp.layout?.decimals, capitalInputs(inp));
  const schemes = inp.categories.flatMap((c) => (c.standalone ? [c.standalone] : c.schemes ?? []));
  // Issue 11: no Ref column when nothing has a note reference; no reprofile column when no scheme
  // gives one and the officer did not ask for the default (the body never decided one).
  const hasRef = inp.categories.some((c) => c.ref) || schemes.some((s) => s.ref) || [...inp.externallyFunded, ...inp.memo].some((e) => e.ref);
  // Issue 11: savings (the underspend not reprofiled) need the reprofile column; there the default
  // is only what the officer asked for (a default reprofile would hide every saving).
  const savings = inp.showSavings === true;
  const hasReprofile = inp.reprofileDefault === true || savings || schemes.some((s) => s.reprofile !== undefined);
  const defaultReprofile = inp.reprofileDefault ?? !savings;
  const changes = inp.budgetChanges;
  // The variance as the body prints it: budget − outturn (budget remaining, the default) or outturn − budget.
  const overFirst = inp.layout?.varianceSign === 'outturn-minus-budget';
  // Issue 11: the original programme and the variation to it, and variations as % (of their own programme line).
  const hasOriginal = schemes.some((s) => s.originalBudget !== undefined);
  const pctDp = (inp.layout?.percentDecimals ?? 1) + 2;
  const pctCol = (id: string, caption: string): Column => ({ id, header: ['', caption, '%'], kind: 'percent' });
  const columns: Column[] = arrangeColumns([
    { id: 'label', header: [''], kind: 'text' },
    ...(hasRef ? [{ id: 'ref', header: ['Ref'], kind: 'ref' as const }] : []),
    ...(hasOriginal ? [{ id: 'original', header: [inp.year, 'Original Programme', u], kind: 'money' as const }] : []),
    // Issue 11: in-year budget changes: the earlier budget, each change, then the revised budget they make.
    ...(changes ? [
      { id: 'earlier', header: [inp.year, changes.earlierLabel, u], kind: 'money' as const },
      ...changes.columns.map((label, i) => ({ id: `change${i + 1}`, header: ['', label, u], kind: 'money' as const })),
    ] : []),
    { id: 'revised', header: [inp.year, 'Revised Budget', u], kind: 'money' },
    { id: 'outturn', header: [inp.year, 'Outturn', u], kind: 'money' },
    ...(hasOriginal ? [{ id: 'varOriginal', header: ['', 'Variation to Original', u], kind: 'money' as const }] : []),
    ...(hasOriginal && inp.showVariancePercent ? [pctCol('pctOriginal', 'Variation to Original')] : []),
    { id: 'remaining', header: overFirst || inp.layout?.columnLabels?.remaining ? ['', 'Over/ (Under)spend', u] : ['Budget', 'Remaining', u], kind: 'money' },
    ...(inp.showVariancePercent ? [pctCol('pct', overFirst ? 'Over/ (Under)spend' : 'Budget Remaining')] : []),
    // A caption given for the reprofile column ("Slippage", "Carry forward") replaces both its lines.
    ...(hasReprofile ? [{ id: 'reprofile', header: inp.layout?.columnLabels?.reprofile ? ['', 'Reprofile', u] : ['Reprofile to', inp.nextYear, u], kind: 'money' as const }] : []),
    ...(savings ? [{ id: 'saving', header: ['', overFirst ? '(Saving)/ Overspend' : 'Saving/ (Overspend)', u], kind: 'money' as const }] : []),
  ], inp.layout);
  const changeIds = (changes?.columns ?? []).map((_, i) => `change${i + 1}`);
  const b = new TableBuilder('capital', columns);
  const remaining = (r: number) => derived(overFirst
    ? { op: 'diff', a: b.ref(r, 'outturn'), b: b.ref(r, 'revised') }
    : { op: 'diff', a: b.ref(r, 'revised'), b: b.ref(r, 'outturn') }, dp);
  const money = (v: Dec) => input(convert(v, inp.units, u), dp);
  const findings: Finding[] = [];
  let defaulted = 0;
  let overReprofiled = 0;
  let unreconciled = 0;
  // The saving (or overspend): the variance less the part reprofiled, in the variance's sign.
  const saving = (r: number) => (overFirst
    ? sumOf([b.ref(r, 'remaining'), b.ref(r, 'reprofile')], dp)
    : derived({ op: 'sum', of: [b.ref(r, 'remaining')], minus: [b.ref(r, 'reprofile')] }, dp));

  const schemeRow = (s: CapitalScheme, kind: 'line' | 'scheme_standalone', bold: boolean, ref?: string): number => {
    const shownRef = ref ?? s.ref;
    const r = b.add(kind, s.label, bold, {
      ref: shownRef ? { text: shownRef } : null,
      original: money(s.originalBudget ?? new Dec(0)),
      revised: money(s.revisedBudget),
      outturn: money(s.outturn),
    }, s.source);
    const cells = b.rows[r].cells;
    cells[b.col('remaining')] = remaining(r);
    if (changes) budgetChangeCells(s, r);
    if (!hasReprofile) return r;
    if (savings) cells[b.col('saving')] = saving(r);
    if (s.reprofile === undefined && !defaultReprofile) {
      cells[b.col('reprofile')] = input(new Dec(0), dp);
    } else if (s.reprofile === undefined) {
      // The officer's decision defaults to the remaining budget, nil for an overspend: a live MAX(0, …).
      defaulted++;
      // (printed outturn − budget, the remaining budget is −that: a live MAX(0, −…))
      cells[b.col('reprofile')] = derived(overFirst ? { op: 'pos', a: b.ref(r, 'remaining'), neg: true } : { op: 'pos', a: b.ref(r, 'remaining') }, dp);
      const left = s.revisedBudget.minus(s.outturn);
      if (inp.reprofileDefault === undefined && left.gt(0)) {
        // outturn/v1's default (SPEC), not the officer's decision: said at its place.
        findings.push({
          severity: 'note',
          table: 'capital',
          rule: 'capital.reprofile-defaulted',
          message: `${s.label}: no reprofile given, so the remaining budget of ${text(left)} ${inp.units} is reprofiled by default; give the reprofile, or set reprofileDefault (false: nil)`,
          expected: text(left),
          actual: text(left),
          difference: '0',
          at: { r, c: b.col('reprofile') },
          source: s.source,
        });
      }
    } else {
      cells[b.col('reprofile')] = money(s.reprofile);
      const remaining = s.revisedBudget.minus(s.outturn);
      if (s.reprofile.gt(remaining)) {
        overReprofiled++;
        findings.push({
          severity: 'note',
          table: 'capital',
          rule: 'capital.reprofile-exceeds-remaining',
          message: `${s.label}: reprofile of ${text(s.reprofile)} ${inp.units} is larger than the remaining budget of ${text(remaining)} ${inp.units} (allowed, reported)`,
          expected: text(remaining),
          actual: text(s.reprofile),
          difference: text(s.reprofile.minus(remaining)),
          at: { r, c: b.col('reprofile') },
          source: s.source,
        });
      }
    }
    return r;
  };
  /** The earlier budget and the changes as given; the revised budget is their live sum, checked against the one typed. */
  function budgetChangeCells(s: CapitalScheme, r: number): void {
    const cells = b.rows[r].cells;
    const given = changes!.columns.map((_, i) => s.changes?.[i] ?? new Dec(0));
    cells[b.col('earlier')] = money(s.earlierBudget ?? new Dec(0));
    changeIds.forEach((id, i) => { cells[b.col(id)] = money(given[i]); });
    cells[b.col('revised')] = sumOf([b.ref(r, 'earlier'), ...changeIds.map((id) => b.ref(r, id))], dp);
    const made = (s.earlierBudget ?? new Dec(0)).plus(given.reduce((a, x) => a.plus(x), new Dec(0)));
    if (made.eq(s.revisedBudget)) return;
    unreconciled++;
    findings.push({
      severity: 'error',
      table: 'capital',
      rule: 'capital.budget-changes',
      message: `${s.label}: the ${changes!.earlierLabel.toLowerCase()} of ${text(s.earlierBudget ?? new Dec(0))} with the changes (${given.map(text).join(', ')}) makes ${text(made)} ${inp.units}, not the revised budget of ${text(s.revisedBudget)} ${inp.units} given`,
      expected: text(made),
      actual: text(s.revisedBudget),
      difference: text(s.revisedBudget.minus(made)),
      at: { r, c: b.col('revised') },
      source: s.source,
    });
  }
  const totals = (rows: number[]) => ({
    ...(hasOriginal ? { original: sumOf(b.refs(rows, 'original'), dp) } : {}),
    ...(changes ? Object.fromEntries(['earlier', ...changeIds].map((id) => [id, sumOf(b.refs(rows, id), dp)])) : {}),
    revised: sumOf(b.refs(rows, 'revised'), dp),
    outturn: sumOf(b.refs(rows, 'outturn'), dp),
    remaining: sumOf(b.refs(rows, 'remaining'), dp),
    ...(hasReprofile ? { reprofile: sumOf(b.refs(rows, 'reprofile'), dp) } : {}),
    ...(savings ? { saving: sumOf(b.refs(rows, 'saving'), dp) } : {}),
  });

  if (inp.heading) b.add('heading', inp.heading, true);
  const parts: number[] = [];
  for (const cat of inp.categories) {
    if (cat.standalone) {
      parts.push(schemeRow({ ...cat.standalone, source: cat.source }, 'scheme_standalone', true, cat.ref));
      continue;
    }
    b.add('heading', cat.label, true);
    const rows = (cat.schemes ?? []).map((s) => schemeRow(s, 'line', false));
    parts.push(b.add('category_total', cat.totalLabel ?? `Total ${cat.label}`, true, {
      ref: cat.ref ? { text: cat.ref } : null,
      ...totals(rows),
    }, cat.source));
  }
  const total = b.add('total', inp.totalLabel, true, totals(parts));
  const external = inp.externallyFunded.map((e) => {
    const r = b.add('externally_funded', e.label, true, {
      ref: e.ref ? { text: e.ref } : null,
      original: input(new Dec(0), dp),
      ...(changes ? Object.fromEntries(['earlier', ...changeIds].map((id) => [id, input(new Dec(0), dp)])) : {}),
      revised: input(new Dec(0), dp),
      outturn: money(e.outturn),
      reprofile: input(new Dec(0), dp),
    });
    b.rows[r].cells[b.col('remaining')] = remaining(r);
    if (savings) b.rows[r].cells[b.col('saving')] = saving(r);
    return r;
  });
  const grandTotal = external.length > 0 ? b.add('grand_total', inp.grandTotalLabel, true, totals([total, ...external])) : total;
  const memo = inp.memo.map((m) => b.add('memo', m.label, false, { ref: m.ref ? { text: m.ref } : null, outturn: money(m.outturn) }));

  // The variation to the original programme, and the percentages, on every row with a programme.
  b.rows.forEach((row, r) => {
    if (!isFigure(row.cells[b.col('revised')])) return;
    if (hasOriginal) row.cells[b.col('varOriginal')] = derived({ op: 'diff', a: b.ref(r, 'outturn'), b: b.ref(r, 'original') }, dp);
    if (b.has('pctOriginal')) row.cells[b.col('pctOriginal')] = { ...derived({ op: 'ratio', num: b.ref(r, 'varOriginal'), den: b.ref(r, 'original') }, pctDp), as: 'percent' };
    if (b.has('pct')) row.cells[b.col('pct')] = { ...derived({ op: 'ratio', num: b.ref(r, 'remaining'), den: b.ref(r, 'revised') }, pctDp), as: 'percent' };
  });

  const checks: Check[] = [
    {
      table: 'capital',
      rule: 'capital.reprofile-default',
      description: 'Reprofile not given: defaults to the remaining budget when positive, nil for an overspend',
      passed: true,
      detail: `${defaulted} scheme(s) defaulted`,
    },
    {
      table: 'capital',
      rule: 'capital.reprofile-exceeds-remaining',
      description: 'Reprofile no larger than the remaining budget (a larger one is allowed and reported)',
      passed: overReprofiled === 0,
      detail: `${overReprofiled} scheme(s) reprofile more than remains`,
    },
    ...(changes ? [{
      table: 'capital' as const,
      rule: 'capital.budget-changes',
      description: `${changes.earlierLabel} + the in-year changes (${changes.columns.join(', ') || 'none'}) = the revised budget, per scheme`,
      passed: unreconciled === 0,
      detail: `${unreconciled} scheme(s) do not reconcile`,
    }] : []),
  ];
  return {
    table: { ...b.build(hasReprofile ? `Capital outturn ${inp.year} and reprofiling to ${inp.nextYear}` : `Capital outturn ${inp.year}`, u), ...placesField(u, dp) },
    findings,
    checks,
    rows: { total, grandTotal, memo },
  };
}
