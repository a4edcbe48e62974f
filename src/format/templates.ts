// The input templates: the sheets and Excel tables (fixed column names) a finance officer fills,
// the add-in inserts and `outturn build INPUT.xlsx` reads. Pure: hosts hand in each sheet as a grid
// of values; the reader turns them into an outturn/v1 document, every figure traced to its cell.
import { a1, sheetRef } from '../base/a1';
import { type GridValue, type InputSheet, isBlank } from '../base/cells';
import type { OutturnInput } from '../engine/model';
import { type InputError, InvalidInput } from './errors';
import type { RangeMapping } from './mapping';
import { CAPITAL_LINES, FORECAST_SHEETS, LEDGER_LINES, REVENUE_LINES, TEMPLATE_SHEETS } from './template-tables';
import { READER, toModel } from './validate';
import type { CategoryDoc } from './read/capital';
import { readCapitalForecast } from './read/capital-forecast';
import { readCapitalLines } from './read/capital';
import { type ReadContext, readContext } from './read/context';
import { findLedgerLines, readLedger } from './read/ledger';
import { findMtfpPlan, readMtfp } from './read/mtfp';
import { readReserveLines } from './read/reserves';
import { readBelowTheLine, readRevenueLines } from './read/revenue';
import { readSettings, requiredSettings } from './read/settings';

// The definitions and the cell types, where other modules have long imported them from.
export type { GridValue, InputSheet } from '../base/cells';
export { findTable } from './find-table';
export {
  CAPITAL_LINES, REVENUE_BELOW_LINE, REVENUE_LINES, reserveLinesTable, SETTINGS, SETTINGS_TABLE, TEMPLATE_SHEETS, type TemplateTable,
} from './template-tables';

/**
 * Reads the template sheets into a validated model; every error names its sheet and cell.
 * `mappings`: ranges of the user's own sheets read instead of (or without) a template table.
 * Each table has its reader (./read/*.ts) returning its part of the outturn/v1 document;
 * readTemplateDocument only assembles them, then this converts the document (toModel), naming the
 * cell of any error found. Throws InvalidInput with every error found.
 */
export function readTemplates(sheets: InputSheet[], name = 'workbook', notes?: InputError[], mappings: RangeMapping[] = []): OutturnInput {
  const { doc, where } = readTemplateDocument(sheets, name, notes, mappings);
  return toModel(doc, where, READER);
}

/**
 * The outturn/v1 document the template readers make of `sheets`, and `where`: a JSON path → the
 * cell it was read from (or its nearest traced parent's, with the path). Throws InvalidInput with
 * every error the readers found, each at its sheet and cell. A document returned satisfies every
 * rule of the outturn/v1 schema (test/format/reader-schema-contract.test.ts holds it on generated
 * broken sheets): the add-in therefore never loads the schema validator for the templates.
 */
export function readTemplateDocument(sheets: InputSheet[], name = 'workbook', notes?: InputError[], mappings: RangeMapping[] = []): { doc: Record<string, unknown>; where: (path: string) => string | undefined } {
  const errors: InputError[] = [];
  const sources = new Map<string, string>();
  const settings = new Map<string, { v: GridValue; where: string }>();
  const ctx = readContext(sheets, errors, sources, settings, notes, mappings);
  const present = {
    revenue: !!ctx.sheet(TEMPLATE_SHEETS.revenue) || ctx.isMapped(REVENUE_LINES.name),
    capital: !!ctx.sheet(TEMPLATE_SHEETS.capital) || ctx.isMapped(CAPITAL_LINES.name),
    reserves: !!ctx.sheet(TEMPLATE_SHEETS.reserves) || ctx.isMapped('ReserveLines'),
  };
  const doc = readSettings(ctx, name, settings, present);
  // Found first (its errors are recorded in their place below): ledger lines change how Table 1's blanks read.
  const ledger = findLedgerLines(ctx);

  if (present.revenue) {
    const rev = (doc.revenue ??= {}) as Record<string, unknown>;
    const sections = readRevenueLines(ctx, ledger.lines !== undefined);
    if (sections) rev.sections = sections;
    const below = readBelowTheLine(ctx);
    if (below) Object.assign(rev, below);
  }
  if (present.capital) {
    const cap = (doc.capital ??= {}) as Record<string, unknown>;
    // Issue 11: in-year budget changes: the change columns named by the Capital budget changes setting.
    const bc = cap.budgetChanges as { earlierLabel?: string; columns?: string[] } | undefined;
    if (bc) bc.columns ??= [];
    const lines = readCapitalLines(ctx, bc?.columns);
    if (lines) Object.assign(cap, lines);
  }
  if (present.reserves) {
    const res = (doc.reserves ??= {}) as Record<string, unknown>;
    const reserves = readReserveLines(ctx, Array.isArray(res.years) ? (res.years as string[]) : []);
    if (reserves) res.reserves = reserves;
  }
  emptyTables(ctx, doc);
  unfilledTables(ctx, doc, sources, ledger.lines !== undefined);
  readForecasting(ctx, doc, ledger);
  requiredSettings(ctx, doc, sources.get('$') ?? name);
  if (errors.length) throw new InvalidInput(errors);
  return {
    doc,
    where: (path) => {
      // the nearest traced cell: the path itself, or its closest parent
      for (let p = path; p.length > 1; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
        const s = sources.get(p);
        if (s) return `${s}${p === path ? '' : ` (${path})`}`;
      }
      const top = sources.get('$');
      return top ? `${top} (${path})` : undefined;
    },
  };
}

/**
 * Issue 11: an input table left empty means "no such table" (a revenue-only build from the
 * templates needs no sheet deleted) — unless every table given is empty: then each is an error at
 * its header. A note says which table was left out.
 */
function emptyTables(ctx: ReadContext, doc: Record<string, unknown>): void {
  const given = (['revenue', 'capital', 'reserves'] as const).filter((k) => doc[k] !== undefined);
  if (ctx.empty.length === 0) return;
  if (ctx.empty.length === given.length) {
    for (const e of ctx.empty) ctx.noRows(e.f, e.t, e.what);
    return;
  }
  for (const e of ctx.empty) {
    delete doc[e.table];
    ctx.notes?.push({ where: sheetRef(e.f.sheet, a1(e.f.headerRow, e.f.col0)), message: `the ${e.t.name} table is empty: no ${e.table} table is built` });
  }
}

/** Fields of a table's part of the document that hold its figures. */
const FIGURE_KEYS = new Set(['originalBudget', 'revisedBudget', 'outturn', 'reprofile', 'opening', 'movement', 'transfers', 'capital', 'balances', 'amount']);

/** Whether any figure under `v` (FIGURE_KEYS, at any depth) is other than nil. */
function hasFigure(v: unknown, figure = false): boolean {
  if (typeof v === 'string') return figure && !/^-?0*(\.0*)?$/.test(v);
  if (Array.isArray(v)) return v.some((x) => hasFigure(x, figure));
  if (v !== null && typeof v === 'object') return Object.entries(v).some(([k, x]) => hasFigure(x, figure || FIGURE_KEYS.has(k)));
  return false;
}

/**
 * A template filled with its lines but not its figures (every figure blank or nil) would build a
 * table of nils: an error at the table's header naming what to fill in. Revenue with ledger lines is
 * exempt (the ledger gives its figures).
 */
function unfilledTables(ctx: ReadContext, doc: Record<string, unknown>, sources: Map<string, string>, ledger: boolean): void {
  const what = {
    revenue: [REVENUE_LINES.name, 'the revised budget and outturn of each budget heading'],
    capital: [CAPITAL_LINES.name, 'the revised budget and outturn of each scheme'],
    reserves: ['ReserveLines', 'the opening balance and the movements (or balances) of each reserve'],
  } as const;
  for (const table of ['revenue', 'capital', 'reserves'] as const) {
    const part = doc[table] as Record<string, unknown> | undefined;
    const lines = part && (table === 'revenue' ? part.sections : table === 'capital' ? part.categories : part.reserves);
    if (!Array.isArray(lines) || lines.length === 0 || (table === 'revenue' && ledger) || hasFigure(lines)) continue;
    ctx.errors.push({ where: sources.get(`$.${table}`) ?? table, message: `no figures in the ${what[table][0]} table (every one blank or nil): fill in ${what[table][1]}` });
  }
}

/** The forecasting templates (issue 5): the ledger, the MTFP, next year's capital and its financing. */
function readForecasting(ctx: ReadContext, doc: Record<string, unknown>, ledger: ReturnType<typeof findLedgerLines>): void {
  ctx.errors.push(...ledger.errors);
  ctx.notes?.push(...ledger.notes);
  const rev = doc.revenue as Record<string, unknown> | undefined;
  const cap = doc.capital as (Record<string, unknown> & { categories?: CategoryDoc[] }) | undefined;
  if (ledger.lines) {
    if (!rev) {
      ctx.errors.push({ where: sheetRef(ledger.lines.sheet, a1(ledger.lines.headerRow, ledger.lines.col0)), message: `ledger lines need the "${FORECAST_SHEETS.revenue}" sheet (its RevenueLines table gives the headings)` });
      return;
    }
    rev.ledger = readLedger(ctx, ledger.lines);
  } else {
    const month = ctx.setting('Forecast month');
    if (month && !isBlank(month.v) && rev) ctx.errors.push({ where: month.where, message: `a forecast month needs ledger lines (the "${FORECAST_SHEETS.ledger}" sheet's ${LEDGER_LINES.name} table)` });
  }
  const plan = findMtfpPlan(ctx);
  if (plan) {
    const res = doc.reserves as Record<string, unknown> | undefined;
    if (!res) {
      ctx.errors.push({ where: sheetRef(plan.sheet, a1(plan.headerRow, plan.col0)), message: 'the MTFP needs the "Reserves input" sheet (its reserves fund the gap)' });
      return;
    }
    res.mtfp = readMtfp(ctx, plan);
  }
  const next = cap ? readCapitalForecast(ctx, cap.categories ?? []) : undefined;
  if (cap && next) {
    if (next.nextYearProgrammeTotal !== undefined) cap.nextYearProgrammeTotal = next.nextYearProgrammeTotal;
    for (const { target, budget } of next.nextYearBudgets) target.nextYearBudget = budget;
    if (next.financing) cap.financing = next.financing;
  }
}
