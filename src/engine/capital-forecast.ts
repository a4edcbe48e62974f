// Capital roll-forward and financing (outturn/v1 `capital` extensions):
//   Table 2a (capital-next-year): per scheme, next year's approved budget + the reprofile from
//            Table 2 (a live reference) = next year's programme; category totals and the total.
//   Table 2b (capital-financing): how the year's spend was financed — grants, capital receipts,
//            revenue contributions, reserves, borrowing — against the spend of Table 2 (a live
//            reference); the difference must be nil, and the contributions from reserves must tie to
//            Table 3's contributions to capital in the same year.
import { invariant } from '../base/invariant';
import { Dec, ZERO, sum, text } from '../base/decimal';
import type { CapitalInput, CapitalScheme, Check, Column, Figure, FinancingType, Finding, ReservesInput, Table } from './model';
import { isFigure } from './model';
import { type CapitalTable, hasNextYear } from './capital';
import { TableBuilder, derived, input, sumOf } from './table-builder';
import { convert, placesFor } from './units';
import { placesField } from './precision';
import { arrangeColumns } from './columns';

export const FINANCING_LABELS: Record<FinancingType, string> = {
  grant: 'Grants and contributions',
  'capital-receipts': 'Capital receipts',
  revenue: 'Revenue contributions (RCCO)',
  reserve: 'Contributions from reserves',
  borrowing: 'Borrowing',
  mixed: 'Mixed sources',
};
const FINANCING_ORDER: FinancingType[] = ['grant', 'capital-receipts', 'revenue', 'reserve', 'borrowing', 'mixed'];

export interface CapitalForecastTables {
  tables: Table[];
  findings: Finding[];
  checks: Check[];
  /** checks read from the evaluated tables (call after `evaluate`) */
  afterEvaluate(reserves: ReservesInput | undefined): { findings: Finding[]; checks: Check[] };
}


/** What the steps of Tables 2a and 2b share: display units and places, and references into Table 2. */
interface CapitalFrame {
  inp: CapitalInput;
  t2: CapitalTable;
  u: CapitalInput['displayUnits'];
  dp: number;
  /** an input amount shown in display units */
  money: (v: Dec) => Figure;
  /** references into Table 2 (its columns) */
  table2: TableBuilder;
}

/** Table 2a as built, with the row its checks read. */
interface NextYearTable {
  builder: TableBuilder;
  totalRow: number;
}

/** Table 2b as built: the rows its checks read and each money column with Table 2's column it must equal. */
interface FinancingTable {
  builder: TableBuilder;
  totalRow: number;
  spendRow: number;
  diffRow: number;
  /** each column of the financing with the Table 2 column its total must equal (undefined: Table 2 has none) */
  columns: { id: string; t2?: string }[];
}

/**
 * Table 2a (next year's programme, when the input gives next year's budgets) and Table 2b (the
 * financing, when the input gives it), built from the capital input and Table 2 as built (before
 * evaluation); `afterEvaluate` then checks the roll-forward, the financing against the spend and
 * the contributions from reserves against Table 3.
 */
export function capitalForecastTables(inp: CapitalInput, t2: CapitalTable): CapitalForecastTables {
  const u = inp.displayUnits;
  const dp = t2.table.places ?? placesFor(u);
  const frame: CapitalFrame = { inp, t2, u, dp, money: (v: Dec) => input(convert(v, inp.units, u), dp), table2: new TableBuilder('capital', t2.table.columns) };
  const tables: Table[] = [];
  const next = hasNextYear(inp) ? nextYearTable(frame, tables) : undefined;
  const financing = inp.financing ? financingTable(frame, tables) : undefined;
  return {
    tables,
    findings: [],
    checks: [],
    afterEvaluate(reserves) {
      const out = { findings: [] as Finding[], checks: [] as Check[] };
      if (next) rollForwardChecks(frame, next, tables.find((x) => x.id === 'capital-next-year')!, out);
      if (financing) {
        financingChecks(frame, financing, tables.find((x) => x.id === 'capital-financing')!, out);
        out.findings.push(...tieReserves(inp, reserves, out.checks));
      }
      return out;
    },
  };
}

/** Table 2a: per scheme next year's approved budget + the reprofile from Table 2 (a live reference) = next year's programme. */
function nextYearTable(fr: CapitalFrame, tables: Table[]): NextYearTable {
  const { inp, t2, u, dp, money, table2 } = fr;
  const schemeRows = t2.table.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.kind === 'line' || r.kind === 'scheme_standalone').map(({ i }) => i);
  const columns: Column[] = [
    { id: 'label', header: ['', ''], kind: 'text' },
    { id: 'ref', header: ['', 'Ref'], kind: 'ref' },
    { id: 'approved', header: [inp.nextYear, 'Approved Budget', u], kind: 'money' },
    { id: 'reprofile', header: ['Reprofiled', `from ${inp.year}`, u], kind: 'money' },
    { id: 'programme', header: [inp.nextYear, 'Capital Programme', u], kind: 'money' },
  ];
  const n = new TableBuilder('capital-next-year', columns);
  let k = 0;
  const line = (s: CapitalScheme, kind: 'line' | 'scheme_standalone', bold: boolean, ref?: string) => {
    const t2row = schemeRows[k++];
    const r = n.add(kind, s.label, bold, { ref: (ref ?? s.ref) ? { text: (ref ?? s.ref)! } : null, approved: money(s.nextYearBudget ?? ZERO) }, s.source);
    n.rows[r].cells[n.col('reprofile')] = table2.has('reprofile') ? sumOf([table2.ref(t2row, 'reprofile')], dp) : input(new Dec(0), dp);
    n.rows[r].cells[n.col('programme')] = sumOf([n.ref(r, 'approved'), n.ref(r, 'reprofile')], dp);
    return r;
  };
  const totals = (rows: number[]) => ({
    approved: sumOf(n.refs(rows, 'approved'), dp),
    reprofile: sumOf(n.refs(rows, 'reprofile'), dp),
    programme: sumOf(n.refs(rows, 'programme'), dp),
  });
  const parts: number[] = [];
  for (const cat of inp.categories) {
    if (cat.standalone) {
      parts.push(line({ ...cat.standalone, source: cat.source }, 'scheme_standalone', true, cat.ref));
      continue;
    }
    n.add('heading', cat.label, true);
    const rows = (cat.schemes ?? []).map((s) => line(s, 'line', false));
    parts.push(n.add('category_total', cat.totalLabel ?? `Total ${cat.label}`, true, { ref: cat.ref ? { text: cat.ref } : null, ...totals(rows) }, cat.source));
  }
  const totalRow = n.add('total', `TOTAL ${inp.nextYear} CAPITAL PROGRAMME`, true, totals(parts));
  tables.push({ ...n.build(`Capital programme ${inp.nextYear}: approved budget and the reprofiling from ${inp.year}`, u), ...placesField(u, dp) });
  return { builder: n, totalRow };
}

/**
 * Table 2b: how the year's spend was financed, grouped under the source headings (or as the body
 * lists them), against the spend of Table 2 (a live reference); the difference must be nil. Issue 11:
 * the financing of the original and the latest programme beside the actual, each against Table 2's
 * programme in that column (original / revised), with the variations when asked.
 */
function financingTable(fr: CapitalFrame, tables: Table[]): FinancingTable {
  const { inp, t2, u, dp, money, table2 } = fr;
  const fin = inp.financing ?? [];
  const fOriginal = fin.length > 0 && fin.every((l) => l.originalAmount !== undefined);
  const fLatest = fin.length > 0 && fin.every((l) => l.latestAmount !== undefined);
  const overFirst = inp.layout?.varianceSign === 'outturn-minus-budget';
  const fColumns: { id: string; t2?: string }[] = [
    ...(fOriginal ? [{ id: 'original', t2: table2.has('original') ? 'original' : undefined }] : []),
    ...(fLatest ? [{ id: 'latest', t2: 'revised' }] : []),
    { id: 'amount', t2: 'outturn' },
  ];
  const columns: Column[] = [
    { id: 'label', header: ['', ''], kind: 'text' },
    ...(fOriginal ? [{ id: 'original', header: [inp.year, 'Original Programme', u], kind: 'money' as const }] : []),
    ...(fLatest ? [{ id: 'latest', header: [inp.year, 'Latest Programme', u], kind: 'money' as const }] : []),
    { id: 'amount', header: [inp.year, fOriginal || fLatest ? 'Actual' : 'Financing', u], kind: 'money' },
    ...(inp.financingVariations && fOriginal ? [{ id: 'varOriginal', header: ['', 'Variation to Original', u], kind: 'money' as const }] : []),
    ...(inp.financingVariations && fLatest ? [{ id: 'varLatest', header: ['', 'Variation to Latest', u], kind: 'money' as const }] : []),
  ];
  const f = new TableBuilder('capital-financing', arrangeColumns(columns, inp.financingColumnLabels ? { columnLabels: inp.financingColumnLabels } : undefined));
  const lines: number[] = [];
  const lineCells = (l: (typeof fin)[number]) => ({
    amount: money(l.amount),
    ...(fOriginal ? { original: money(l.originalAmount!) } : {}),
    ...(fLatest ? { latest: money(l.latestAmount!) } : {}),
  });
  // As the body lists them (issue 11), or grouped under the source headings (the default).
  if (inp.financingAsListed) {
    for (const l of fin) lines.push(f.add('line', l.label, false, lineCells(l), l.source));
  } else {
    for (const type of FINANCING_ORDER) {
      const of = fin.filter((l) => l.type === type);
      if (!of.length) continue;
      f.add('heading', FINANCING_LABELS[type], true);
      for (const l of of) lines.push(f.add('line', l.label, false, lineCells(l), l.source));
    }
  }
  const totalRow = f.add('total', inp.financingTotalLabel ?? 'TOTAL FINANCING', true, Object.fromEntries(fColumns.map(({ id }) => [id, sumOf(f.refs(lines, id), dp)])));
  const spendRefs = (col: string) => [table2.ref(t2.rows.grandTotal, col), ...(col === 'outturn' ? t2.rows.memo.map((r) => table2.ref(r, 'outturn')) : [])];
  const spendRow = f.add('measure', 'Capital expenditure (Table 2, including externally funded schemes and memo lines)', false,
    Object.fromEntries(fColumns.filter((c) => c.t2).map(({ id, t2: of }) => [id, sumOf(spendRefs(of!), dp)])));
  const diffRow = f.add('measure', 'Difference: financing − expenditure (nil when the spend is fully financed)', true,
    Object.fromEntries(fColumns.filter((c) => c.t2).map(({ id }) => [id, derived({ op: 'diff', a: f.ref(totalRow, id), b: f.ref(spendRow, id) }, dp)])));
  // The variations, in the capital table's sign: actual − programme (outturn-minus-budget) or programme − actual.
  for (const r of [...lines, totalRow]) {
    for (const [v, of] of [['varOriginal', 'original'], ['varLatest', 'latest']] as const) {
      if (!f.has(v)) continue;
      f.rows[r].cells[f.col(v)] = derived(overFirst ? { op: 'diff', a: f.ref(r, 'amount'), b: f.ref(r, of) } : { op: 'diff', a: f.ref(r, of), b: f.ref(r, 'amount') }, dp);
    }
  }
  tables.push({ ...f.build(`Capital financing ${inp.year}`, u), ...placesField(u, dp) });
  return { builder: f, totalRow, spendRow, diffRow, columns: fColumns };
}

/** An evaluated figure of a table (an internal error if the cell holds none). */
function exact(t: Table, r: number, c: number): Dec {
  const cell = t.rows[r].cells[c];
  invariant(isFigure(cell), () => `${t.id}: no figure at ${r},${c}`);
  return cell.exact;
}

/** Table 2a evaluated: programme = approved + reprofile, the reprofile = Table 2's; and the programme reported, when given. */
function rollForwardChecks(fr: CapitalFrame, next: NextYearTable, t: Table, out: { findings: Finding[]; checks: Check[] }): void {
  const { inp, t2, u, table2 } = fr;
  const nTotal = next.totalRow;
  const c = (id: string) => next.builder.col(id);
  const approved = exact(t, nTotal, c('approved'));
  const reprofile = exact(t, nTotal, c('reprofile'));
  const programme = exact(t, nTotal, c('programme'));
  // Table 2 has no reprofile column when no scheme reprofiles: nothing is carried into next year.
  const t2Reprofile = table2.has('reprofile') ? exact(t2.table, t2.rows.total, table2.col('reprofile')) : new Dec(0);
  const ok = programme.eq(approved.plus(reprofile)) && reprofile.eq(t2Reprofile);
  out.checks.push({
    table: 'capital-next-year',
    rule: 'capital.roll-forward',
    description: `Next year's programme = approved ${inp.nextYear} budget + the reprofile of Table 2, per scheme and in total`,
    passed: ok,
    detail: `approved ${text(approved)} + reprofile ${text(reprofile)} = ${text(programme)} ${u}; Table 2 reprofile ${text(t2Reprofile)} ${u}`,
  });
  if (!ok) {
    out.findings.push({
      severity: 'error',
      table: 'capital-next-year',
      rule: 'capital.roll-forward',
      message: `Next year's programme does not roll forward: approved ${text(approved)} + reprofile ${text(reprofile)} (Table 2: ${text(t2Reprofile)}) against a programme of ${text(programme)} ${u}`,
      expected: text(approved.plus(t2Reprofile)),
      actual: text(programme),
      difference: text(programme.minus(approved.plus(t2Reprofile))),
      at: { r: nTotal, c: c('programme') },
    });
  }
  if (inp.nextYearProgrammeTotal === undefined) return;
  const reported = convert(inp.nextYearProgrammeTotal, inp.units, u);
  const ties = reported.eq(programme);
  out.checks.push({
    table: 'capital-next-year',
    rule: 'capital.next-year-programme',
    description: `Next year's programme (approved + reprofile) equals the ${inp.nextYear} programme reported`,
    passed: ties,
    detail: `rolled forward ${text(programme)} ${u}; reported ${text(reported)} ${u}`,
  });
  if (!ties) {
    out.findings.push({
      severity: 'warning',
      table: 'capital-next-year',
      rule: 'capital.next-year-programme',
      message: `The ${inp.nextYear} capital programme rolled forward (approved budget + reprofile) is ${text(programme)} ${u}, but ${text(reported)} ${u} is reported`,
      expected: text(programme),
      actual: text(reported),
      difference: text(reported.minus(programme)),
      at: { r: nTotal, c: c('programme') },
    });
  }
}

/** Table 2b evaluated: the financing equals the spend, in the actual column and in each programme column. */
function financingChecks(fr: CapitalFrame, fin: FinancingTable, t: Table, out: { findings: Finding[]; checks: Check[] }): void {
  const { u } = fr;
  const { builder: financing, totalRow: fTotal, spendRow: fSpend, diffRow: fDiff } = fin;
  const col = financing.col('amount');
  const diff = exact(t, fDiff, col);
  out.checks.push({
    table: 'capital-financing',
    rule: 'capital.financing-total',
    description: 'The capital financing equals the capital expenditure',
    passed: diff.isZero(),
    detail: `financing ${text(exact(t, fTotal, col))}; expenditure ${text(exact(t, fSpend, col))}; difference ${text(diff)} ${u}`,
  });
  if (!diff.isZero()) {
    out.findings.push({
      severity: 'error',
      table: 'capital-financing',
      rule: 'capital.financing-total',
      message: `The capital financing of ${text(exact(t, fTotal, col))} ${u} does not equal the expenditure of ${text(exact(t, fSpend, col))} ${u}`,
      expected: text(exact(t, fSpend, col)),
      actual: text(exact(t, fTotal, col)),
      difference: text(diff),
      at: { r: fDiff, c: col },
    });
  }
  for (const { id, t2 } of fin.columns.filter((x) => x.id !== 'amount')) {
    const what = id === 'original' ? 'original' : 'latest';
    const description = `The ${what} programme's financing equals its expenditure (Table 2's ${what === 'original' ? 'original programme' : 'revised budget'})`;
    if (!t2) {
      out.checks.push({ table: 'capital-financing', rule: 'capital.financing-total', description, passed: true, detail: 'not checked: Table 2 has no original programme' });
      continue;
    }
    const c = financing.col(id);
    const d = exact(t, fDiff, c);
    out.checks.push({ table: 'capital-financing', rule: 'capital.financing-total', description, passed: d.isZero(), detail: `financing ${text(exact(t, fTotal, c))}; expenditure ${text(exact(t, fSpend, c))}; difference ${text(d)} ${u}` });
    if (d.isZero()) continue;
    out.findings.push({
      severity: 'error',
      table: 'capital-financing',
      rule: 'capital.financing-total',
      message: `The ${what} programme's financing of ${text(exact(t, fTotal, c))} ${u} does not equal its expenditure of ${text(exact(t, fSpend, c))} ${u}`,
      expected: text(exact(t, fSpend, c)),
      actual: text(exact(t, fTotal, c)),
      difference: text(d),
      at: { r: fDiff, c },
    });
  }
}

/** Contributions from reserves in the financing = the reserves' contributions to capital in Table 3 (that year). */
function tieReserves(inp: CapitalInput, reserves: ReservesInput | undefined, checks: Check[]): Finding[] {
  const findings: Finding[] = [];
  const lines = (inp.financing ?? []).filter((l) => l.type === 'reserve');
  const description = `Contributions from reserves in the capital financing tie to Table 3's contributions to capital in ${inp.year}`;
  const y = reserves ? reserves.years.indexOf(inp.year) : -1;
  if (!reserves || y < 0) {
    checks.push({ table: 'capital-financing', rule: 'tie.capital-reserves', description, passed: true, detail: reserves ? `not checked: ${inp.year} is not a year of Table 3` : 'not checked: no Table 3 in the input' });
    return findings;
  }
  const pounds = (d: Dec, units: CapitalInput['units']) => convert(d, units, '£');
  const labels = [...new Set([...lines.map((l) => l.reserve ?? ''), ...reserves.reserves.filter((r) => !r.flows[y].capital.isZero()).map((r) => r.label)])];
  let ok = true;
  const parts: string[] = [];
  for (const label of labels) {
    const financed = sum(lines.filter((l) => (l.reserve ?? '') === label).map((l) => pounds(l.amount, inp.units)));
    const reserve = reserves.reserves.find((r) => r.label === label);
    const fromTable3 = reserve ? pounds(reserve.flows[y].capital, reserves.units).neg() : ZERO;
    parts.push(`${label || '(no reserve named)'}: financing ${text(financed)} £, Table 3 ${text(fromTable3)} £`);
    if (financed.eq(fromTable3) && reserve) continue;
    ok = false;
    const first = lines.find((l) => (l.reserve ?? '') === label);
    findings.push({
      severity: 'warning',
      table: 'capital-financing',
      rule: 'tie.capital-reserves',
      message: !reserve
        ? `${first?.label ?? 'A contribution from reserves'}: ${label ? `the reserve "${label}" is not in Table 3` : 'names no reserve'}`
        : `${label}: contributions to capital of ${text(fromTable3)} £ in Table 3 (${inp.year}), but ${text(financed)} £ in the capital financing`,
      expected: text(fromTable3),
      actual: text(financed),
      difference: text(financed.minus(fromTable3)),
      source: first?.source ?? reserve?.source,
    });
  }
  checks.push({ table: 'capital-financing', rule: 'tie.capital-reserves', description, passed: ok, detail: parts.join('; ') || 'no contributions from reserves' });
  return findings;
}
