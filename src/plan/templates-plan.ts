// The input templates as sheet plans: empty, or filled from an outturn/v1 document (the worked
// example). Rendered by the same writers as the tables, each template an Excel table.
import {
  CAPITAL_FINANCING, CAPITAL_NEXT_YEAR, capitalLinesTable, DEFAULT_PROFILE_HEADING, FORECAST_SHEETS, LEDGER_LINES, LEDGER_MAPPING, LEDGER_PROFILES, MTFP_GAP_FUNDING, MTFP_PLAN,
  LAYOUT_SETTINGS, MTFP_SCENARIOS, REVENUE_BELOW_LINE, REVENUE_LINES, reserveLinesTable, SETTINGS, SETTINGS_TABLE, TEMPLATE_SHEETS, type TemplateTable,
} from '../format/template-tables';
import { layoutSettingText } from '../format/layout-settings';

/** A template table with only its required columns and the optional ones named (issue 11: a template carries an optional column only when it is used). */
function withColumns(t: TemplateTable, optional: string[]): TemplateTable {
  if (t.required === undefined) return t;
  const columns = [...t.columns.slice(0, t.required), ...optional];
  return { ...t, columns, money: t.money.filter((c) => columns.includes(c)) };
}
import { range } from '../base/a1';
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

/**
 * Input template sheets; filled from `doc` when given. The forecasting sheets (Ledger input, MTFP
 * input) come when the document has a ledger or an MTFP, or, for empty templates, with `forecasting`.
 */
export function templatePlan(doc?: Doc, opts: { forecasting?: boolean } = {}): SheetPlan[] {
  const settingsRows = SETTINGS.map(([label, path]) => {
    let v = get(doc, path);
    if (!doc) v = DEFAULTS[path as keyof typeof DEFAULTS];
    if (Array.isArray(v)) v = v.join(', ');
    if (typeof v === 'boolean') v = v ? 'Yes' : 'No';
    if (path === 'capital.heading' && v === '') v = '(none)';
    return [s(label), s(v)];
  });
  // Issue 11: the layout settings a document uses (an empty template lists none; any may be added as a row).
  for (const [label, path, kind] of LAYOUT_SETTINGS) {
    const v = layoutSettingText(kind, get(doc, path));
    if (v !== undefined) settingsRows.push([s(label), s(v)]);
  }
  const sheets = [tableSheet(TEMPLATE_SHEETS.settings, [{ t: SETTINGS_TABLE, rows: settingsRows, col0: 0 }], 'Settings for the tables. Units: £, £\'000 or £m. Years: 2020/21. Rounding: round-then-sum or round-each.')];

  const rev = doc ? doc.revenue : {};
  if (rev) {
    const lines: PlanCell[][] = [];
    // Issue 11: a directorate's services stand as consecutive sections marked with the directorate.
    const flat: { sec: Doc; group?: Doc }[] = (rev.sections ?? []).flatMap((sec: Doc) => (sec.sections ? sec.sections.map((x: Doc) => ({ sec: x, group: sec })) : [{ sec }]));
    const income = flat.some(({ sec }) => sec.income || (sec.lines ?? []).some((l: Doc) => l.income));
    const grouped = flat.some(({ group }) => group);
    const revLines = withColumns(REVENUE_LINES, [...(income || grouped ? ['Income'] : []), ...(grouped ? ['Directorate', 'Directorate sub-total label'] : [])]);
    // A section without a heading after one that no sub-total closed would run on into it: it is
    // marked "-" in the Section column (alternating with blank when several follow). A directorate
    // without a heading is marked "-" (alternating with "--" after one no sub-total closed).
    let prev: { mark: string; closed: boolean } | undefined;
    let prevGroup: { doc: Doc; mark: string } | undefined;
    flat.forEach(({ sec, group }, k) => {
      const ls: Doc[] = sec.lines ?? [];
      const mark = sec.label ?? (prev && !prev.closed && prev.mark === '' ? '-' : prev && !prev.closed && prev.mark === '-' ? '' : '');
      prev = { mark, closed: Boolean(sec.subtotalLabel) };
      let gmark = '';
      if (group) {
        gmark = prevGroup?.doc === group ? prevGroup.mark
          : group.label ?? (prevGroup && !prevGroup.doc.subtotalLabel && prevGroup.mark === '-' ? '--' : '-');
        prevGroup = { doc: group, mark: gmark };
      }
      const lastOfGroup = group !== undefined && flat[k + 1]?.group !== group;
      ls.forEach((l, j) => {
        const last = j === ls.length - 1;
        lines.push([s(mark), last ? s(sec.subtotalLabel) : null, s(l.label), s(l.ref), n(l.originalBudget), n(l.revisedBudget), n(l.outturn),
          ...(income || grouped ? [s(sec.income ? 'Section' : l.income ? 'Yes' : null)] : []),
          ...(grouped ? [group ? s(gmark) : null, last && lastOfGroup ? s(group.subtotalLabel) : null] : [])]);
      });
    });
    const below: PlanCell[][] = [
      ...(rev.adjustments ?? []).map((a: Doc) => [s('Adjustment'), s(a.label), n(a.amount), null]),
      ...(rev.transfersToCapital ?? []).map((t: Doc) => [s('Transfer to capital'), s(t.label), n(t.amount), null]),
      ...(rev.earmarked ?? []).map((e: Doc) => [s('Earmarked'), s(e.label), n(e.amount), s(e.reserve)]),
    ];
    sheets.push(tableSheet(TEMPLATE_SHEETS.revenue, [
      { t: revLines, rows: lines, col0: 0 },
      { t: REVENUE_BELOW_LINE, rows: below, col0: revLines.columns.length + 1 },
    ], 'One row per budget heading. A Section heading starts a section; a Sub-total label on a line closes its section with a sub-total after that line. Income is negative. Below the line: adjustments and earmarked underspends (a positive amount is set aside).' +
      ((rev.transfersToCapital ?? []).length ? ' A Transfer to capital row is revenue transferred to capital, before the earmarked underspends.' : '') +
      (grouped ? ' A Directorate groups the sections of its rows ("-" for one without a heading); a Directorate sub-total label closes it.' : '')));
  }
  const cap = doc ? doc.capital : {};
  if (cap) {
    const rows: PlanCell[][] = [];
    const totals = (cap.categories ?? []).some((c: Doc) => c.totalLabel);
    const originals = (cap.categories ?? []).some((c: Doc) => c.originalBudget !== undefined || (c.schemes ?? []).some((sc: Doc) => sc.originalBudget !== undefined));
    // Optional columns, in the template's order, only when used (a blank Category total label where an original is written).
    // Issue 11: in-year budget changes: Earlier budget and a Change: column per caption.
    const changes: string[] | undefined = cap.budgetChanges ? (cap.budgetChanges.columns ?? []) : undefined;
    const changeCols = changes ? ['Earlier budget', ...changes.map((c) => `Change: ${c}`)] : [];
    const capLines = withColumns(capitalLinesTable(changes), [...(totals || originals ? ['Category total label'] : []), ...(originals ? ['Original programme'] : []), ...changeCols]);
    const ch = (x: Doc) => (changes ? [n(x.earlierBudget), ...changes.map((c) => n(x.changes?.[c]))] : []);
    const tl = (v: unknown, o?: unknown) => [...(totals || originals ? [s(v)] : []), ...(originals ? [n(o)] : [])];
    for (const c of cap.categories ?? []) {
      if (c.schemes) for (const sc of c.schemes) rows.push([s('Scheme'), s(c.label), s(c.ref), s(sc.label), s(sc.ref), n(sc.revisedBudget), n(sc.outturn), n(sc.reprofile), ...tl(c.totalLabel, sc.originalBudget), ...ch(sc)]);
      else rows.push([s('Single-line category'), s(c.label), s(c.ref), s(c.label), null, n(c.revisedBudget), n(c.outturn), n(c.reprofile), ...tl(null, c.originalBudget), ...ch(c)]);
    }
    const none = changes ? [null, ...changes.map(() => null)] : [];
    for (const e of cap.externallyFunded ?? []) rows.push([s('Externally funded'), null, null, s(e.label), s(e.ref), null, n(e.outturn), null, ...tl(null), ...none]);
    for (const m of cap.memo ?? []) rows.push([s('Memo'), null, null, s(m.label), s(m.ref), null, n(m.outturn), null, ...tl(null), ...none]);
    // Forecasting: next year's approved budget per scheme, and how the year's spend was financed.
    const nextYear: PlanCell[][] = [];
    for (const c of cap.categories ?? []) {
      if (c.schemes) for (const sc of c.schemes) { if (sc.nextYearBudget !== undefined) nextYear.push([s(sc.label), n(sc.nextYearBudget)]); }
      else if (c.nextYearBudget !== undefined) nextYear.push([s(c.label), n(c.nextYearBudget)]);
    }
    const TYPE_TEXT: Record<string, string> = { grant: 'Grant', 'capital-receipts': 'Capital receipts', revenue: 'Revenue', reserve: 'Reserve', borrowing: 'Borrowing', mixed: 'Mixed' };
    // Issue 11: the original and latest programme's financing, only when given.
    const finOriginal = (cap.financing ?? []).some((f: Doc) => f.originalAmount !== undefined);
    const finLatest = (cap.financing ?? []).some((f: Doc) => f.latestAmount !== undefined);
    const capFinancing = withColumns(CAPITAL_FINANCING, [...(finOriginal ? ['Original financing'] : []), ...(finLatest ? ['Latest financing'] : [])]);
    const financing: PlanCell[][] = (cap.financing ?? []).map((f: Doc) => [s(TYPE_TEXT[f.type] ?? f.type), s(f.label), n(f.amount), s(f.reserve),
      ...(finOriginal ? [n(f.originalAmount)] : []), ...(finLatest ? [n(f.latestAmount)] : [])]);
    sheets.push(tableSheet(TEMPLATE_SHEETS.capital, [
      { t: capLines, rows, col0: 0 },
      { t: CAPITAL_NEXT_YEAR, rows: nextYear, col0: capLines.columns.length + 1 },
      { t: capFinancing, rows: financing, col0: capLines.columns.length + CAPITAL_NEXT_YEAR.columns.length + 2 },
    ],
      'Type: Scheme, Single-line category, Externally funded or Memo. Leave Reprofile blank for the default (the remaining budget; nil for an overspend). ' +
      'Optional: next year\'s approved budget per scheme (the programme = approved + reprofile), and the financing of the year\'s spend ' +
      '(source Grant, Capital receipts, Revenue, Reserve or Borrowing; a Reserve line names its Table 3 reserve).'));
  }
  // Forecasting: the ledger (lines, mapping, profiles), with the headings of the revenue sheet.
  const ledger = doc ? doc.revenue?.ledger : opts.forecasting ? {} : undefined;
  if (ledger) {
    const lines: PlanCell[][] = (ledger.lines ?? []).map((l: Doc) => [s(l.costCentre), s(l.account), s(l.description), n(l.budget), n(l.actualToDate), n(l.commitments), n(l.forecast)]);
    const mapping: PlanCell[][] = (ledger.mapping ?? []).map((m: Doc) => [
      s(m.heading), s(m.costCentre), s(m.costCentres?.from), s(m.costCentres?.to), s(m.costCentrePrefix),
      s(m.account), s(m.accounts?.from), s(m.accounts?.to), s(m.accountPrefix),
    ]);
    const profiles: PlanCell[][] = [
      ...(ledger.profiles ?? []).map((p: Doc) => [s(p.heading), ...p.weights.map(n)]),
      ...(ledger.defaultProfile ? [[s(DEFAULT_PROFILE_HEADING), ...ledger.defaultProfile.map(n)]] : []),
    ];
    sheets.push(tableSheet(FORECAST_SHEETS.ledger, [
      { t: LEDGER_LINES, rows: lines, col0: 0 },
      { t: LEDGER_MAPPING, rows: mapping, col0: LEDGER_LINES.columns.length + 1 },
      { t: LEDGER_PROFILES, rows: profiles, col0: LEDGER_LINES.columns.length + LEDGER_MAPPING.columns.length + 2 },
    ], 'One row per ledger line (income negative). Table 1 is aggregated from the lines: leave the Revenue input\'s Revised budget and Outturn blank (Original budget optional). ' +
      'Mapping: a line goes to the heading whose cost centre and account criteria it matches (exact, from–to range, or prefix; a blank criterion matches all). ' +
      'Set "Forecast month" (1 = April … 12 = March) for a forecast: a blank "Forecast rest of year" is forecast from the heading\'s profile (12 weights; ' +
      `"${DEFAULT_PROFILE_HEADING}" for the rest), or even twelfths. Format the code columns as text to keep leading zeros.`));
  }
  // Forecasting: the MTFP — the plan per forecast year, the reserves that fund the gap, scenarios.
  const mtfp = doc ? doc.reserves?.mtfp : opts.forecasting ? {} : undefined;
  if (mtfp) {
    const plan: PlanCell[][] = (mtfp.plan ?? []).map((p: Doc) => [s(p.year), n(p.budgetRequirement), n(p.funding)]);
    const gap: PlanCell[][] = (mtfp.gapFundedFrom ?? []).map((l: string) => [s(l)]);
    const scenarios: PlanCell[][] = (mtfp.scenarios ?? []).flatMap((sc: Doc) => (sc.changes ?? []).map((c: Doc) => [s(sc.label), s(c.year), n(c.budgetRequirement), n(c.funding)]));
    sheets.push(tableSheet(FORECAST_SHEETS.mtfp, [
      { t: MTFP_PLAN, rows: plan, col0: 0 },
      { t: MTFP_GAP_FUNDING, rows: gap, col0: MTFP_PLAN.columns.length + 1 },
      { t: MTFP_SCENARIOS, rows: scenarios, col0: MTFP_PLAN.columns.length + MTFP_GAP_FUNDING.columns.length + 2 },
    ], 'One row per forecast year of the reserves statement: gap = budget requirement − funding, drawn from the reserves listed, in order, each down to nil (a surplus is added to the first). ' +
      'Scenarios: one row per scenario and year, the amounts added to the base budget requirement and funding (e.g. a pay award 1% higher).'));
  }
  const res = doc ? doc.reserves : { years: DEFAULTS['reserves.years'] };
  if (res) {
    const years: string[] = res.years ?? [];
    const full = reserveLinesTable(years);
    // Issue 11: reserves published as year-end balances have a Balance column per year, no flows.
    const balances = (res.reserves ?? []).some((r: Doc) => r.balances);
    const opening = !balances || (res.reserves ?? []).some((r: Doc) => r.opening !== undefined);
    const t = balances
      ? withColumns(full, [...(opening ? ['Opening balance'] : []), ...years.map((y) => `Balance ${y}`)])
      : withColumns(full, full.columns.slice(3, 4 + 3 * years.length));
    const rows: PlanCell[][] = (res.reserves ?? []).map((r: Doc) => [
      s(r.label), s(r.class), s(r.category), ...(opening ? [n(r.opening)] : []),
      ...(balances
        ? years.map((_, k) => n((r.balances ?? [])[k]))
        : years.flatMap((_, k) => {
          const f = (r.flows ?? [])[k] ?? {};
          return [n(f.movement), n(f.transfers), n(f.capital)];
        })),
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
