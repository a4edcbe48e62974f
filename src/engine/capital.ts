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

/** Whether the input gives next year's capital budgets (Table 2a is then built: ./capital-forecast.ts). */
export function hasNextYear(inp: CapitalInput): boolean {
  return inp.nextYearProgrammeTotal !== undefined || inp.categories.some((c) => c.standalone?.nextYearBudget !== undefined || (c.schemes ?? []).some((s) => s.nextYearBudget !== undefined));
}

export interface CapitalTable {
  table: Table;
  findings: Finding[];
  checks: Check[];
  rows: { total: number; grandTotal: number; memo: number[] };
}

/**
 * What Table 2 prints for this input, decided once: which optional columns it has, which way its
 * variance runs, the places its figures carry. Money in the input's units, printed in `u`.
 */
interface CapitalShape {
  /** the display units (£, £'000, £m) */
  u: CapitalInput['displayUnits'];
  /** decimal places of the money figures (tablePlaces) */
  dp: number;
  /** decimal places of a percentage kept as a fraction (the printed places + 2) */
  pctDp: number;
  /** a Ref column: some category, scheme, externally funded or memo line has a note reference (issue 11) */
  hasRef: boolean;
  /** the Saving/(Overspend) column: the variance less the part reprofiled (capital.showSavings) */
  savings: boolean;
  /** a reprofile column: some scheme gives one, the officer asked for the default, or savings are shown */
  hasReprofile: boolean;
  /** a scheme with no reprofile reprofiles its remaining budget (else nil); never by default with savings */
  defaultReprofile: boolean;
  /** in-year budget changes: the earlier budget and each change, whose sum is the revised budget */
  changes: CapitalInput['budgetChanges'];
  /** the change columns' ids, change1 … changeN */
  changeIds: string[];
  /** the variance printed as outturn − budget (Over/(Under)spend) rather than budget − outturn (Budget Remaining) */
  overFirst: boolean;
  /** the Original Programme column and the variation to it: some scheme gives an original budget */
  hasOriginal: boolean;
}

function capitalShape(inp: CapitalInput): CapitalShape {
  const u = inp.displayUnits;
  const schemes = inp.categories.flatMap((c) => (c.standalone ? [c.standalone] : c.schemes ?? []));
  // Issue 11: savings (the underspend not reprofiled) need the reprofile column; there the default
  // is only what the officer asked for (a default reprofile would hide every saving).
  const savings = inp.showSavings === true;
  return {
    u,
    dp: tablePlaces(inp.units, u, inp.layout?.decimals, capitalInputs(inp)),
    pctDp: (inp.layout?.percentDecimals ?? 1) + 2,
    // Issue 11: no Ref column when nothing has a note reference; no reprofile column when no scheme
    // gives one and the officer did not ask for the default (the body never decided one).
    hasRef: inp.categories.some((c) => c.ref) || schemes.some((s) => s.ref) || [...inp.externallyFunded, ...inp.memo].some((e) => e.ref),
    savings,
    hasReprofile: inp.reprofileDefault === true || savings || schemes.some((s) => s.reprofile !== undefined),
    defaultReprofile: inp.reprofileDefault ?? !savings,
    changes: inp.budgetChanges,
    changeIds: (inp.budgetChanges?.columns ?? []).map((_, i) => `change${i + 1}`),
    // The variance as the body prints it: budget − outturn (budget remaining, the default) or outturn − budget.
    overFirst: inp.layout?.varianceSign === 'outturn-minus-budget',
    // Issue 11: the original programme and the variation to it, and variations as % (of their own programme line).
    hasOriginal: schemes.some((s) => s.originalBudget !== undefined),
  };
}

/** Table 2's columns in the order the layout asks (arrangeColumns), each header as printed over three lines. */
function capitalColumns(inp: CapitalInput, sh: CapitalShape): Column[] {
  const { u, changes, overFirst, hasOriginal } = sh;
  const pctCol = (id: string, caption: string): Column => ({ id, header: ['', caption, '%'], kind: 'percent' });
  return arrangeColumns([
    { id: 'label', header: [''], kind: 'text' },
    ...(sh.hasRef ? [{ id: 'ref', header: ['Ref'], kind: 'ref' as const }] : []),
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
    ...(sh.hasReprofile ? [{ id: 'reprofile', header: inp.layout?.columnLabels?.reprofile ? ['', 'Reprofile', u] : ['Reprofile to', inp.nextYear, u], kind: 'money' as const }] : []),
    ...(sh.savings ? [{ id: 'saving', header: ['', overFirst ? '(Saving)/ Overspend' : 'Saving/ (Overspend)', u], kind: 'money' as const }] : []),
  ], inp.layout);
}

/**
 * Table 2's rows as they are added, top to bottom: each scheme with its live cells (remaining budget,
 * reprofile, saving, the revised budget from in-year changes), the totals that add them, and what the
 * rows found worth saying (findings) and counting (for the checks). Row numbers are the builder's.
 */
class CapitalRows {
  readonly b: TableBuilder;
  readonly findings: Finding[] = [];
  /** schemes whose reprofile was defaulted to the remaining budget */
  defaulted = 0;
  /** schemes reprofiling more than remains */
  overReprofiled = 0;
  /** schemes whose earlier budget and changes do not make the revised budget */
  unreconciled = 0;

  constructor(
    private readonly inp: CapitalInput,
    private readonly sh: CapitalShape,
    columns: Column[],
  ) {
    this.b = new TableBuilder('capital', columns);
  }

  /** A money input in the display units, at the table's places. */
  private money(v: Dec) {
    return input(convert(v, this.inp.units, this.sh.u), this.sh.dp);
  }

  /** The variance of row r, live: revised − outturn (budget remaining), or outturn − revised. */
  private remaining(r: number) {
    const { b } = this;
    return derived(this.sh.overFirst
      ? { op: 'diff', a: b.ref(r, 'outturn'), b: b.ref(r, 'revised') }
      : { op: 'diff', a: b.ref(r, 'revised'), b: b.ref(r, 'outturn') }, this.sh.dp);
  }

  /** The saving (or overspend) of row r: the variance less the part reprofiled, in the variance's sign. */
  private saving(r: number) {
    const { b, sh } = this;
    return sh.overFirst
      ? sumOf([b.ref(r, 'remaining'), b.ref(r, 'reprofile')], sh.dp)
      : derived({ op: 'sum', of: [b.ref(r, 'remaining')], minus: [b.ref(r, 'reprofile')] }, sh.dp);
  }

  /** Adds a scheme (a line, or a category printed as one standalone row) with its live cells; returns its row. */
  scheme(s: CapitalScheme, kind: 'line' | 'scheme_standalone', bold: boolean, ref?: string): number {
    const { b, sh } = this;
    const shownRef = ref ?? s.ref;
    const r = b.add(kind, s.label, bold, {
      ref: shownRef ? { text: shownRef } : null,
      original: this.money(s.originalBudget ?? new Dec(0)),
      revised: this.money(s.revisedBudget),
      outturn: this.money(s.outturn),
    }, s.source);
    const cells = b.rows[r].cells;
    cells[b.col('remaining')] = this.remaining(r);
    if (sh.changes) this.budgetChangeCells(s, r);
    if (!sh.hasReprofile) return r;
    if (sh.savings) cells[b.col('saving')] = this.saving(r);
    this.reprofileCell(s, r);
    return r;
  }

  /**
   * The reprofile of a scheme's row: as given (a note when it is more than remains); else the
   * remaining budget by default (a live MAX(0, …), nil for an overspend; a note when it is SPEC's
   * default rather than the officer's decision), or nil when the default is off.
   */
  private reprofileCell(s: CapitalScheme, r: number): void {
    const { b, sh, inp } = this;
    const cells = b.rows[r].cells;
    if (s.reprofile === undefined && !sh.defaultReprofile) {
      cells[b.col('reprofile')] = input(new Dec(0), sh.dp);
    } else if (s.reprofile === undefined) {
      // The officer's decision defaults to the remaining budget, nil for an overspend: a live MAX(0, …).
      this.defaulted++;
      // (printed outturn − budget, the remaining budget is −that: a live MAX(0, −…))
      cells[b.col('reprofile')] = derived(sh.overFirst ? { op: 'pos', a: b.ref(r, 'remaining'), neg: true } : { op: 'pos', a: b.ref(r, 'remaining') }, sh.dp);
      const left = s.revisedBudget.minus(s.outturn);
      if (inp.reprofileDefault === undefined && left.gt(0)) {
        // outturn/v1's default (SPEC), not the officer's decision: said at its place.
        this.findings.push({
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
      cells[b.col('reprofile')] = this.money(s.reprofile);
      const remaining = s.revisedBudget.minus(s.outturn);
      if (s.reprofile.gt(remaining)) {
        this.overReprofiled++;
        this.findings.push({
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
  }

  /** The earlier budget and the changes as given; the revised budget is their live sum, checked against the one typed (an error at its cell). */
  private budgetChangeCells(s: CapitalScheme, r: number): void {
    const { b, sh, inp } = this;
    const changes = sh.changes!;
    const cells = b.rows[r].cells;
    const given = changes.columns.map((_, i) => s.changes?.[i] ?? new Dec(0));
    cells[b.col('earlier')] = this.money(s.earlierBudget ?? new Dec(0));
    sh.changeIds.forEach((id, i) => { cells[b.col(id)] = this.money(given[i]); });
    cells[b.col('revised')] = sumOf([b.ref(r, 'earlier'), ...sh.changeIds.map((id) => b.ref(r, id))], sh.dp);
    const made = (s.earlierBudget ?? new Dec(0)).plus(given.reduce((a, x) => a.plus(x), new Dec(0)));
    if (made.eq(s.revisedBudget)) return;
    this.unreconciled++;
    this.findings.push({
      severity: 'error',
      table: 'capital',
      rule: 'capital.budget-changes',
      message: `${s.label}: the ${changes.earlierLabel.toLowerCase()} of ${text(s.earlierBudget ?? new Dec(0))} with the changes (${given.map(text).join(', ')}) makes ${text(made)} ${inp.units}, not the revised budget of ${text(s.revisedBudget)} ${inp.units} given`,
      expected: text(made),
      actual: text(s.revisedBudget),
      difference: text(s.revisedBudget.minus(made)),
      at: { r, c: b.col('revised') },
      source: s.source,
    });
  }

  /** The cells of a total of the given rows: a live sum in every money column the table has. */
  totals(rows: number[]) {
    const { b, sh } = this;
    const { dp } = sh;
    return {
      ...(sh.hasOriginal ? { original: sumOf(b.refs(rows, 'original'), dp) } : {}),
      ...(sh.changes ? Object.fromEntries(['earlier', ...sh.changeIds].map((id) => [id, sumOf(b.refs(rows, id), dp)])) : {}),
      revised: sumOf(b.refs(rows, 'revised'), dp),
      outturn: sumOf(b.refs(rows, 'outturn'), dp),
      remaining: sumOf(b.refs(rows, 'remaining'), dp),
      ...(sh.hasReprofile ? { reprofile: sumOf(b.refs(rows, 'reprofile'), dp) } : {}),
      ...(sh.savings ? { saving: sumOf(b.refs(rows, 'saving'), dp) } : {}),
    };
  }

  /** The heading (when given), then each category: a standalone scheme, or a heading, its schemes and its total. Returns the rows the programme's total adds. */
  programme(): number[] {
    const { b, inp } = this;
    if (inp.heading) b.add('heading', inp.heading, true);
    const parts: number[] = [];
    for (const cat of inp.categories) {
      if (cat.standalone) {
        parts.push(this.scheme({ ...cat.standalone, source: cat.source }, 'scheme_standalone', true, cat.ref));
        continue;
      }
      b.add('heading', cat.label, true);
      const rows = (cat.schemes ?? []).map((s) => this.scheme(s, 'line', false));
      parts.push(b.add('category_total', cat.totalLabel ?? `Total ${cat.label}`, true, {
        ref: cat.ref ? { text: cat.ref } : null,
        ...this.totals(rows),
      }, cat.source));
    }
    return parts;
  }

  /** A scheme funded from outside the programme: outturn only, no budget, no reprofile; its variance (and saving) live. */
  externallyFunded(e: CapitalInput['externallyFunded'][number]): number {
    const { b, sh } = this;
    const { dp } = sh;
    const r = b.add('externally_funded', e.label, true, {
      ref: e.ref ? { text: e.ref } : null,
      original: input(new Dec(0), dp),
      ...(sh.changes ? Object.fromEntries(['earlier', ...sh.changeIds].map((id) => [id, input(new Dec(0), dp)])) : {}),
      revised: input(new Dec(0), dp),
      outturn: this.money(e.outturn),
      reprofile: input(new Dec(0), dp),
    });
    b.rows[r].cells[b.col('remaining')] = this.remaining(r);
    if (sh.savings) b.rows[r].cells[b.col('saving')] = this.saving(r);
    return r;
  }

  /** A memo line under the table: its outturn only, added to nothing. */
  memo(m: CapitalInput['memo'][number]): number {
    return this.b.add('memo', m.label, false, { ref: m.ref ? { text: m.ref } : null, outturn: this.money(m.outturn) });
  }

  /** The variation to the original programme and the percentages (as fractions), live, on every row with a programme. */
  variations(): void {
    const { b, sh } = this;
    b.rows.forEach((row, r) => {
      if (!isFigure(row.cells[b.col('revised')])) return;
      if (sh.hasOriginal) row.cells[b.col('varOriginal')] = derived({ op: 'diff', a: b.ref(r, 'outturn'), b: b.ref(r, 'original') }, sh.dp);
      if (b.has('pctOriginal')) row.cells[b.col('pctOriginal')] = { ...derived({ op: 'ratio', num: b.ref(r, 'varOriginal'), den: b.ref(r, 'original') }, sh.pctDp), as: 'percent' };
      if (b.has('pct')) row.cells[b.col('pct')] = { ...derived({ op: 'ratio', num: b.ref(r, 'remaining'), den: b.ref(r, 'revised') }, sh.pctDp), as: 'percent' };
    });
  }

  /** The checks the rows were held to, with what they found. */
  checks(): Check[] {
    const { changes } = this.sh;
    return [
      {
        table: 'capital',
        rule: 'capital.reprofile-default',
        description: 'Reprofile not given: defaults to the remaining budget when positive, nil for an overspend',
        passed: true,
        detail: `${this.defaulted} scheme(s) defaulted`,
      },
      {
        table: 'capital',
        rule: 'capital.reprofile-exceeds-remaining',
        description: 'Reprofile no larger than the remaining budget (a larger one is allowed and reported)',
        passed: this.overReprofiled === 0,
        detail: `${this.overReprofiled} scheme(s) reprofile more than remains`,
      },
      ...(changes ? [{
        table: 'capital' as const,
        rule: 'capital.budget-changes',
        description: `${changes.earlierLabel} + the in-year changes (${changes.columns.join(', ') || 'none'}) = the revised budget, per scheme`,
        passed: this.unreconciled === 0,
        detail: `${this.unreconciled} scheme(s) do not reconcile`,
      }] : []),
    ];
  }
}

/**
 * Table 2, capital outturn: the programme's schemes by category with their totals, the programme
 * total, schemes funded from outside it and the grand total, memo lines; every derived figure a live
 * formula. Money in the input's units, printed in its display units. Findings: notes for a defaulted
 * or larger-than-remaining reprofile, an error where in-year changes do not make the revised budget.
 */
export function capitalTable(inp: CapitalInput): CapitalTable {
  const sh = capitalShape(inp);
  const rows = new CapitalRows(inp, sh, capitalColumns(inp, sh));
  const total = rows.b.add('total', inp.totalLabel, true, rows.totals(rows.programme()));
  const external = inp.externallyFunded.map((e) => rows.externallyFunded(e));
  const grandTotal = external.length > 0 ? rows.b.add('grand_total', inp.grandTotalLabel, true, rows.totals([total, ...external])) : total;
  const memo = inp.memo.map((m) => rows.memo(m));
  rows.variations();
  return {
    table: { ...rows.b.build(sh.hasReprofile ? `Capital outturn ${inp.year} and reprofiling to ${inp.nextYear}` : `Capital outturn ${inp.year}`, sh.u), ...placesField(sh.u, sh.dp) },
    findings: rows.findings,
    checks: rows.checks(),
    rows: { total, grandTotal, memo },
  };
}
