// Table 2: capital outturn against the revised programme, budget remaining and reprofiling.
import { Dec, text } from '../base/decimal';
import type { CapitalInput, CapitalScheme, Check, Column, Finding, Table } from './model';
import { TableBuilder, derived, input, sumOf } from './table-builder';
import { convert, placesFor } from './units';

export interface CapitalTable {
  table: Table;
  findings: Finding[];
  checks: Check[];
  rows: { total: number; grandTotal: number; memo: number[] };
}

export function capitalTable(inp: CapitalInput): CapitalTable {
  const u = inp.displayUnits;
  const dp = placesFor(u);
  const columns: Column[] = [
    { id: 'label', header: [''], kind: 'text' },
    { id: 'ref', header: ['Ref'], kind: 'ref' },
    { id: 'revised', header: [inp.year, 'Revised Budget', u], kind: 'money' },
    { id: 'outturn', header: [inp.year, 'Outturn', u], kind: 'money' },
    { id: 'remaining', header: ['Budget', 'Remaining', u], kind: 'money' },
    { id: 'reprofile', header: ['Reprofile to', inp.nextYear, u], kind: 'money' },
  ];
  const b = new TableBuilder('capital', columns);
  const money = (v: Dec) => input(convert(v, inp.units, u), dp);
  const findings: Finding[] = [];
  let defaulted = 0;
  let overReprofiled = 0;

  const schemeRow = (s: CapitalScheme, kind: 'line' | 'scheme_standalone', bold: boolean, ref?: string): number => {
    const shownRef = ref ?? s.ref;
    const r = b.add(kind, s.label, bold, {
      ref: shownRef ? { text: shownRef } : null,
      revised: money(s.revisedBudget),
      outturn: money(s.outturn),
    }, s.source);
    const cells = b.rows[r].cells;
    cells[b.col('remaining')] = derived({ op: 'diff', a: b.ref(r, 'revised'), b: b.ref(r, 'outturn') }, dp);
    if (s.reprofile === undefined) {
      // The officer's decision defaults to the remaining budget, nil for an overspend: a live MAX(0, …).
      defaulted++;
      cells[b.col('reprofile')] = derived({ op: 'pos', a: b.ref(r, 'remaining') }, dp);
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
  const totals = (rows: number[]) => ({
    revised: sumOf(b.refs(rows, 'revised'), dp),
    outturn: sumOf(b.refs(rows, 'outturn'), dp),
    remaining: sumOf(b.refs(rows, 'remaining'), dp),
    reprofile: sumOf(b.refs(rows, 'reprofile'), dp),
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
      revised: input(new Dec(0), dp),
      outturn: money(e.outturn),
      reprofile: input(new Dec(0), dp),
    });
    b.rows[r].cells[b.col('remaining')] = derived({ op: 'diff', a: b.ref(r, 'revised'), b: b.ref(r, 'outturn') }, dp);
    return r;
  });
  const grandTotal = external.length > 0 ? b.add('grand_total', inp.grandTotalLabel, true, totals([total, ...external])) : total;
  const memo = inp.memo.map((m) => b.add('memo', m.label, false, { ref: m.ref ? { text: m.ref } : null, outturn: money(m.outturn) }));

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
  ];
  return {
    table: b.build(`Capital outturn ${inp.year} and reprofiling to ${inp.nextYear}`, u),
    findings,
    checks,
    rows: { total, grandTotal, memo },
  };
}
