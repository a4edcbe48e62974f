// The input templates as sheet plans: empty, or filled from an outturn/v1 document (the worked
// example). Rendered by the same writers as the tables, each template an Excel table.
import {
  CAPITAL_LINES,
  REVENUE_BELOW_LINE,
  REVENUE_LINES,
  SETTINGS,
  SETTINGS_TABLE,
  TEMPLATE_SHEETS,
  type TemplateTable,
  reserveLinesTable,
} from '../format/templates';
import { range } from './a1';
import type { PlanCell, SheetPlan } from './plan';

type Doc = Record<string, any>; // an outturn/v1 document as JSON (validated later, when read back)

const s = (v: unknown): PlanCell => (v === undefined || v === null || v === '' ? null : { t: 's', v: String(v) });
const n = (v: unknown): PlanCell => (v === undefined || v === null ? null : { t: 'n', v: String(v) });

function tableSheet(name: string, blocks: { t: TemplateTable; rows: PlanCell[][]; col0: number }[], note: string): SheetPlan {
  const height = 2 + 1 + Math.max(...blocks.map((b) => Math.max(b.rows.length, 1)));
  const width = Math.max(...blocks.map((b) => b.col0 + b.t.columns.length));
  const cells: PlanCell[][] = Array.from({ length: height }, () => Array<PlanCell>(width).fill(null));
  cells[0][0] = { t: 's', v: name };
  cells[1][0] = { t: 's', v: note };
  const styles: SheetPlan['styles'] = [{ range: 'A1', style: 'title' }, { range: 'A2', style: 'subtitle' }];
  const numberFormats: SheetPlan['numberFormats'] = [];
  const excelTables: NonNullable<SheetPlan['excelTables']> = [];
  const widths: number[] = [];
  for (const b of blocks) {
    const h = 2;
    b.t.columns.forEach((c, i) => {
      cells[h][b.col0 + i] = { t: 's', v: c };
      widths[b.col0 + i] = b.t.money.includes(c) ? 15 : /label|heading|reserve|setting|value/i.test(c) || c === 'Label' ? 44 : 16;
    });
    const rows = b.rows.length ? b.rows : [b.t.columns.map(() => null)];
    rows.forEach((row, r) => row.forEach((cell, i) => { cells[h + 1 + r][b.col0 + i] = cell; }));
    const last = h + rows.length;
    excelTables.push({ name: b.t.name, range: range(h, b.col0, last, b.col0 + b.t.columns.length - 1) });
    b.t.columns.forEach((c, i) => {
      if (b.t.money.includes(c)) numberFormats.push({ range: range(h + 1, b.col0 + i, last, b.col0 + i), format: 'money0' });
    });
  }
  return {
    name,
    role: 'table',
    tables: [],
    cells,
    columnWidths: Array.from({ length: width }, (_, i) => widths[i] ?? 3),
    numberFormats,
    styles,
    freeze: { rows: 3, columns: 0 },
    checkCells: [],
    excelTables,
  };
}

const get = (o: Doc | undefined, path: string) => path.split('.').reduce<any>((x, k) => (x === undefined || x === null ? undefined : x[k]), o);

/** Input template sheets; filled from `doc` when given. */
export function templatePlan(doc?: Doc): SheetPlan[] {
  const settingsRows = SETTINGS.map(([label, path]) => {
    let v = get(doc, path);
    if (!doc) v = DEFAULTS[path as keyof typeof DEFAULTS];
    if (Array.isArray(v)) v = v.join(', ');
    if (typeof v === 'boolean') v = v ? 'Yes' : 'No';
    return [s(label), s(v)];
  });
  const sheets = [tableSheet(TEMPLATE_SHEETS.settings, [{ t: SETTINGS_TABLE, rows: settingsRows, col0: 0 }], 'Settings for the tables. Units: £, £\'000 or £m. Years: 2020/21. Rounding: round-then-sum or round-each.')];

  const rev = doc ? doc.revenue : {};
  if (rev) {
    const lines: PlanCell[][] = [];
    for (const sec of rev.sections ?? []) {
      const ls: Doc[] = sec.lines ?? [];
      ls.forEach((l, j) => {
        const last = j === ls.length - 1;
        lines.push([s(sec.label), last ? s(sec.subtotalLabel) : null, s(l.label), s(l.ref), n(l.originalBudget), n(l.revisedBudget), n(l.outturn)]);
      });
    }
    const below: PlanCell[][] = [
      ...(rev.adjustments ?? []).map((a: Doc) => [s('Adjustment'), s(a.label), n(a.amount), null]),
      ...(rev.earmarked ?? []).map((e: Doc) => [s('Earmarked'), s(e.label), n(e.amount), s(e.reserve)]),
    ];
    sheets.push(tableSheet(TEMPLATE_SHEETS.revenue, [
      { t: REVENUE_LINES, rows: lines, col0: 0 },
      { t: REVENUE_BELOW_LINE, rows: below, col0: REVENUE_LINES.columns.length + 1 },
    ], 'One row per budget heading. A Section heading starts a section; a Sub-total label on a line closes its section with a sub-total after that line. Income is negative. Below the line: adjustments and earmarked underspends (a positive amount is set aside).'));
  }
  const cap = doc ? doc.capital : {};
  if (cap) {
    const rows: PlanCell[][] = [];
    for (const c of cap.categories ?? []) {
      if (c.schemes) for (const sc of c.schemes) rows.push([s('Scheme'), s(c.label), s(c.ref), s(sc.label), s(sc.ref), n(sc.revisedBudget), n(sc.outturn), n(sc.reprofile)]);
      else rows.push([s('Single-line category'), s(c.label), s(c.ref), s(c.label), null, n(c.revisedBudget), n(c.outturn), n(c.reprofile)]);
    }
    for (const e of cap.externallyFunded ?? []) rows.push([s('Externally funded'), null, null, s(e.label), s(e.ref), null, n(e.outturn), null]);
    for (const m of cap.memo ?? []) rows.push([s('Memo'), null, null, s(m.label), s(m.ref), null, n(m.outturn), null]);
    sheets.push(tableSheet(TEMPLATE_SHEETS.capital, [{ t: CAPITAL_LINES, rows, col0: 0 }],
      'Type: Scheme, Single-line category, Externally funded or Memo. Leave Reprofile blank for the default (the remaining budget; nil for an overspend).'));
  }
  const res = doc ? doc.reserves : { years: DEFAULTS['reserves.years'] };
  if (res) {
    const years: string[] = res.years ?? [];
    const t = reserveLinesTable(years);
    const rows: PlanCell[][] = (res.reserves ?? []).map((r: Doc) => [
      s(r.label), s(r.class), s(r.category), n(r.opening),
      ...years.flatMap((_, k) => {
        const f = (r.flows ?? [])[k] ?? {};
        return [n(f.movement), n(f.transfers), n(f.capital)];
      }),
    ]);
    sheets.push(tableSheet(TEMPLATE_SHEETS.reserves, [{ t, rows, col0: 0 }],
      'Class: general, useable or non-useable. Category: mtfp, beyond-mtfp or contingency. A positive movement adds to the reserve; a negative one draws on it. The year columns follow "Reserve years" in the settings.'));
  }
  return sheets;
}

const DEFAULTS = {
  organisation: 'Police and Crime Commissioner for …',
  financialYear: '2025/26',
  rounding: 'round-then-sum',
  'revenue.units': '£',
  'revenue.totalLabel': 'TOTAL',
  'capital.units': '£',
  'capital.displayUnits': "£'000",
  'capital.year': '2025/26',
  'capital.nextYear': '2026/27',
  'reserves.units': '£',
  'reserves.years': ['2025/26', '2026/27', '2027/28', '2028/29'],
  'reserves.actualYears': 1,
  'reserves.generalReserveBand.min': '2',
  'reserves.generalReserveBand.max': '5',
} as Record<string, unknown>;
