// The audit: grids of printed cells in; every table found, recognised and recalculated; findings out.
// Pure: no file system, no ExcelJS, no Office. Readers at the edges turn files into grids.
import type { Units } from '../engine/model';
import { type FoundTable, type Layout, type TableRow, findTables, fits, gridColumn, recogniseLayout } from './detect';
import type { AuditFinding } from './findings';
import { type Grid, type Reading, cellAt, cellText, locate, placeRange, readAt } from './grid';
import {
  Audit, capitalRules, cellRules, classify, financingRules, forecastRules, genericRules, ledgerRules, mtfpRules, programmeRules, requiredRoles,
  reservesRules, revenueRules, scenariosRules,
} from './rules';
import { type PlacedTable, tieOuts } from './tieouts';
import { castBlocks, fundsTheTableAbove, readTotals } from './casting';
import { crossCast, rollAlongRows } from './across';
import { checkChangeAmountRows, checkChangeRows, ratioRows } from './ratios';
import { checkAddBlocks, checkBandD, checkProducts, checkQuotientRows, readBandD, withBandDRate } from './bandd';
import { checkBands } from './bands';
import { type Checked, type DifferenceTaken, type PercentTaken, type TotalTaken, moneyCols } from './context';
import { Dec, ZERO } from '../base/decimal';
import { markRevenueTail } from './kinds';
import { withCellUnits, withChangeWords, withLedgerSigns, withNotApplicable, withTwoFigures } from './cells';
import { checkBudgetRolls, findBudgetRolls, withChangesAsMoney } from './changes';
import { differencesByArithmetic, withArithmeticDifferences } from './differences';
import { chargeTotals, checkChargeTotals, memoRows } from './memo';
import { locateShared } from './shared';
import { tieYears } from './years';
import { balanceBoxes, boxesAcrossYears, pointForComma, signedStatements } from './statement';
import { captionReading, captionTotal, castCaption } from './caption';
import { bankReconciliation } from './reconciliation';
import { checkFiguresInLabels, checkStatedCalculations } from './stated';
import { runningBalances } from './running';
import { incomeAndExpenditure } from './account';

export type { AuditFinding } from './findings';
export type { Grid, GridCell } from './grid';
export type { Layout } from './detect';

export interface AuditOptions {
  /** read every table as this layout (auto: as a generic table); default: recognise each by its headers */
  table?: Layout;
  /** list in the report every cell some check used (`involved`): what the audit could see change */
  trace?: boolean;
}

/** A cell some check compared or used: 1-based row and column of the file or sheet, as findings give them. */
export interface InvolvedCell {
  sheet: string;
  row: number;
  column: number;
}

export interface AuditedTable {
  sheet: string;
  layout: Layout;
  range: string;
  units?: Units;
  /** how many printed figures each kind of check compared with one recomputed */
  checked: Checked;
  /** the rows read as totals, and why (so a person can see the reading) */
  totals: TotalTaken[];
  /** the columns read as the difference of two others, which way round, and whether learned from the lines */
  differences: DifferenceTaken[];
  /** the columns of percentages recomputed, on which basis, signed or unsigned (present when there are any) */
  percentages?: PercentTaken[];
  /** how a CSV/TSV file was read: its encoding and delimiter */
  readAs?: string;
  /** the workbook hides the sheet the table is on ('veryHidden': Excel's Unhide does not list it) */
  hiddenSheet?: 'hidden' | 'veryHidden';
}

/** A block of figures found but with nothing the audit could check (no total, no difference, no percentage). */
export interface UncheckedTable {
  sheet: string;
  range: string;
  why: string;
}

export interface AuditReport {
  findings: AuditFinding[];
  tables: AuditedTable[];
  /** blocks of figures where nothing could be checked: said, never passed as clean */
  unchecked?: UncheckedTable[];
  /**
   * With `trace`: every cell some check (a cast, cross-cast, variance, percentage, roll-forward or
   * tie-out) used. A printed figure not in it takes part in no arithmetic the audit redoes, so no change
   * to it alone can be seen by arithmetic.
   */
  involved?: InvolvedCell[];
  /**
   * With `trace`: the cells of `involved` used only as inputs of percentages printed rounded (a
   * prudential ratio's two rows, a variance's budget in its percentage alone): a change that the
   * printed rounding of every such percentage absorbs cannot be seen by arithmetic.
   */
  roundedOnly?: InvolvedCell[];
}

/** The input cannot be audited at all (no table, or none of the layout asked for); says where. */
export class AuditInputError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(`${where}: ${message}`);
    this.name = 'AuditInputError';
  }
}

/** Whether any cell of a grid reads as a figure. */
const hasFigure = (g: Grid) => g.cells.some((row, r) => row.some((_, c) => readAt(g, r, c).kind === 'number'));

/** Outturn's Checks sheet lists checks; it is not a table to recalculate. */
const isChecksSheet = (g: Grid) => /^checks:/i.test(cellText(cellAt(g, 0, 0)));

/**
 * Audits one table. `carried`: the total the table directly above on the same sheet ends with (its
 * last row, read as a total), which a block of this one may start from (see readTotals). Returns the
 * table's own last row when it is a total, for the table below.
 */
/** Where a table is, as a report names it: its header and body rows (from the top of `from`). */
function rangeOf(t: FoundTable, from: FoundTable = t): string {
  const top = from.headerRows.length ? Math.min(from.headerRows[0], from.r0) : from.r0;
  return placeRange(t.grid, top, t.c0, t.r1, t.c1);
}

function auditTable(t: FoundTable, forced: Layout | undefined, alongside: ReadonlySet<Layout>, carried: TableRow | undefined, trace: boolean, carriedFrom?: FoundTable, before: readonly AuditFinding[] = []):
  { table: AuditedTable; findings: AuditFinding[]; audit: Audit; endsWith?: TableRow } | UncheckedTable | undefined {
  const recognised = recogniseLayout(t);
  const layout = forced ?? recognised;
  if (forced && !fits(t, forced)) return undefined;
  t = withNotApplicable(withCellUnits(withLedgerSigns(t, layout)));
  // a column of changes written as words ("Increase £1345.50", "Decrease £59.00", "Unchanged"): signed figures
  if (layout === 'auto') t = withChangeWords(t);
  // a column of cells printing an amount and a percentage together ("+9.90 (+4.79%)", "2.99%/£41.05"): two columns
  if (layout === 'auto') t = withTwoFigures(t);
  // Columns of budget changes between two budgets (earlier + changes = later, learned from the rows)
  // are changes, not variances of the outturn.
  const rolls = layout === 'revenue' || layout === 'auto' ? findBudgetRolls(new Audit(t, layout, classify(t, layout, false))) : [];
  t = withChangesAsMoney(t, rolls);
  // A column that is the difference of two others on every line, whatever its caption (none, or "Diff"), is a variance.
  if (layout === 'revenue' || layout === 'auto') t = withArithmeticDifferences(t, differencesByArithmetic(new Audit(t, layout, classify(t, layout, false))));
  // A column of Band D charges (the amount raised over the tax base on each row) is a rate: never summed.
  const bandD = layout === 'auto' ? readBandD(t) : undefined;
  t = withBandDRate(t, bandD);
  const kinds = classify(t, layout, false);
  // A total of Band D charges ("Total band D Council Tax" under each body's requirement, tax base and charge): the charges only.
  const charges = chargeTotals(t, layout, kinds);
  // A per-unit figure, a count or a rate printed among a block's lines (a Band D charge, a tax base) is no line of it.
  const memo = memoRows(t, layout, kinds, carried);
  // A total stated in the caption above the table ("Where the £242.1m comes from"): every row a line.
  const cap = layout === 'auto' ? captionTotal(t) : undefined;
  const byCaption = cap !== undefined && captionReading(t, kinds, cap, () => {
    const x = new Audit(t, layout, [...kinds]);
    readTotals(x, carried);
    castBlocks(x, moneyCols(t), 'caption.trial.cast');
    return { count: x.blocks.size, miss: x.findings.reduce((m, f) => (f.difference ? m.plus(new Dec(f.difference).abs()) : m), ZERO) };
  });
  const a = new Audit(t, layout, kinds);
  a.alongside = alongside;
  a.traced = trace;
  a.before = before;
  for (const m of memo) a.note(t.rows[m.i], t.labelCol, 'cast.memo', m.why);
  // A running statement signed in its labels ("(+) Precept", "(-) Staff costs", "(=) Balances carried
  // forward": a parish council's accounting statement) is read before the totals, which then leave it be.
  // A figure printed with a point for the comma between thousands ("25.411" among "74,184", "52,958"):
  // read as the thousands it stands for, with a warning; the arithmetic says whether it was meant.
  if (layout === 'auto') for (const c of moneyCols(t)) pointForComma(a, t.rows, c, 2);
  const signed = layout === 'auto' ? signedStatements(a, 'auto.statement-roll-forward') : 0;
  if (layout === 'auto') balanceBoxes(a, 'auto.statement.balance-box');
  const boxes = layout === 'auto' && !signed ? boxesAcrossYears(a, 'auto.statement-roll-forward') : 0;
  // A bank reconciliation (the AGAR's pro forma): its two halves and their agreement, read by the form's words.
  const reconciled = layout === 'auto' ? bankReconciliation(a, 'auto.bank-reconciliation') : 0;
  if (!byCaption) readTotals(a, carried);
  if (memo.length) {
    // The reading says which rows inside a total's span it does not add.
    for (const x of a.totals) {
      const inside = memo.map((m) => a.rowNumber(t.rows[m.i])).filter((r) => x.from < r && r < x.row);
      if (inside.length) x.why += `; not the memo row(s) ${inside.join(', ')}`;
    }
  }
  hiddenRowsNote(a);
  markRevenueTail(t, layout, a.kinds);
  let audited = true;
  switch (layout) {
    case 'revenue':
      revenueRules(a);
      break;
    case 'forecast':
      forecastRules(a);
      break;
    case 'ledger':
      ledgerRules(a);
      break;
    case 'capital':
      capitalRules(a);
      break;
    case 'programme':
      programmeRules(a);
      break;
    case 'financing':
      financingRules(a);
      break;
    case 'mtfp':
      mtfpRules(a);
      break;
    case 'scenarios':
      scenariosRules(a);
      break;
    case 'reserves':
      reservesRules(a);
      break;
    case 'auto':
      audited = genericRules(a, new Set(rolls.flatMap((r) => r.changes)));
      if (checkBandD(a, bandD)) audited = true;
      if (checkProducts(a)) audited = true;
      // A precept build-up in rows: Precept / Band D equivalent properties / Council Tax charge = precept ÷ base.
      if (checkQuotientRows(a)) audited = true;
      if (checkChargeTotals(a, charges)) audited = true;
      // A Band D build-up: "X tax level (Band D) / Add / precepts … / Council tax level (Band D)".
      if (checkAddBlocks(a)) audited = true;
      // A numbered calculation whose lines state their arithmetic in words ("line (1) less line (2)", "(c) the amount by which 4(a) exceeds 4(b)").
      if (checkStatedCalculations(a)) audited = true;
      // A line whose label states its arithmetic with figures ("Band D charge (£15,000 divided by 600)").
      if (checkFiguresInLabels(a)) audited = true;
      // An income and expenditure account's bottom line: income total − expenditure total (T10-56).
      if (incomeAndExpenditure(a) > 0) audited = true;
      // A funding table under the budget it resources ("Funding in 2023/24", "Budget resourced by"): its total is that requirement.
      if (carried && carriedFrom && fundsTheTableAbove(a, carried, carriedFrom, 'auto.cast.financed')) audited = true;
      break;
  }
  // A column headed as a total that adds the columns beside it is checked however few the rows and
  // whether or not a total row follows (a capital programme's "TOTAL" column): the table is audited
  // when a row was cross-cast from two figures or more (a total repeating its one part proves little).
  if (signed || boxes || reconciled) audited = true;
  if (cap) castCaption(a, cap, byCaption);
  if (byCaption) audited = true;
  if (crossCast(a, `${layout}.across`) > 0) audited = true;
  // A balance rolled forward along each row: opening ± the movements = closing (T8-08).
  if (rollAlongRows(a, `${layout}.row-roll-forward`) > 0) audited = true;
  // A balance run down the rows: the balance above ± the row's payments and receipts (a cash book, T10-57).
  if (runningBalances(a, `${layout}.running-balance`) > 0) audited = true;
  // A year's opening balance is the closing balance of the year before, in the column of that year.
  tieYears(a, `${layout}.year-roll-forward`);
  // A row of percentages under a row of amounts by year: each year's change from the year before.
  const changeRows = new Set<number>();
  if (checkChangeRows(a, changeRows) > 0) audited = true;
  // A table of years as columns: a "Change on previous year" row, and the % change row under it (T10-50).
  if (layout === 'auto' && checkChangeAmountRows(a, changeRows) > 0) audited = true;
  // A council tax band table: each band the statutory proportion of Band D (6/9 … 18/9; 240/360 … 882/360 in
  // Scotland), after the readings of its other columns (a change from last year, per week: checked by those).
  if (layout === 'auto' && checkBands(a)) audited = true;
  checkBudgetRolls(a, rolls, `${layout}.budget-roll-forward`);
  if (rolls.length) audited = true;
  cellRules(a);
  // A wrong figure breaks every check that uses it: the one cell two failing checks share is the error.
  locateShared(a);
  const range = rangeOf(t);
  const count = Object.values(a.checked).reduce((x, y) => x + y, 0);
  if ((!audited || count === 0) && !a.findings.some((f) => f.severity !== 'note')) {
    // A column the audit could not read a basis for is said by name (a percentage no pair of columns
    // explains, a variance no two columns make), never folded into a generic "no basis".
    const said = a.findings.filter((f) => f.severity === 'note' && /\.no-basis$/.test(f.rule)).map((f) => f.message);
    const why = said.length
      ? `no row adds up to a block above it, no column is the sum of others; ${said.join('; ')}`
      : 'no row adds up to a block above it, no column is the difference or the sum of others, no percentage has a basis';
    return { sheet: t.grid.sheet, range, why };
  }
  return {
    table: { sheet: t.grid.sheet, layout, range, units: t.units, checked: a.checked, totals: a.totals, differences: a.differences, ...(a.percentages.length ? { percentages: a.percentages } : {}), ...(t.grid.readAs ? { readAs: t.grid.readAs } : {}), ...(t.grid.hiddenSheet ? { hiddenSheet: t.grid.hiddenSheet } : {}) },
    findings: a.findings,
    audit: a,
    ...(a.blocks.has(t.rows.length - 1) ? { endsWith: t.rows[t.rows.length - 1] } : {}),
  };
}

/**
 * A workbook's hidden rows inside a table, said once at the first of them: the workbook's arithmetic
 * adds them (and the audit checks them with the rest), but the table as printed or shown does not show
 * them — a reader of the printed table needs the rows shown to cast (casting.ts says when they do not).
 */
function hiddenRowsNote(a: Audit): void {
  const hidden = a.t.grid.hiddenRows;
  if (!hidden?.size) return;
  const rows = a.t.rows.filter((row) => hidden.has(row.r) && !row.empty);
  if (!rows.length) return;
  const names = rows.slice(0, 6).map((row) => `${a.rowNumber(row)}${row.label ? ` (${row.label})` : ''}`);
  const list = `${rows.length === 1 ? 'row' : 'rows'} ${names.join(', ')}${rows.length > 6 ? ` and ${rows.length - 6} more` : ''}`;
  // the reading of each total says which of the rows it adds are hidden
  for (const x of a.totals) {
    const inside = rows.map((row) => a.rowNumber(row)).filter((r) => x.from <= r && r <= x.to);
    if (inside.length) x.why += `; row${inside.length === 1 ? '' : 's'} ${inside.join(', ')} hidden in the workbook`;
  }
  a.note(rows[0], a.t.labelCol, 'printed.hidden-rows',
    `${list} ${rows.length === 1 ? 'is' : 'are'} hidden in the workbook: part of its arithmetic, and checked with the other rows, but not shown when the table is printed or viewed; the rows shown must cast without ${rows.length === 1 ? 'it' : 'them'}`);
}

/** How a finance officer finds a hidden sheet in Excel. */
export function hiddenSheetText(sheet: string, how: 'hidden' | 'veryHidden'): string {
  return how === 'veryHidden'
    ? `the sheet ${sheet} is "very hidden" in the workbook: Excel's Unhide does not list it (only the Visual Basic editor shows it, Developer ▸ Visual Basic, its Visible property)`
    : `the sheet ${sheet} is hidden in the workbook: right-click a sheet tab ▸ Unhide… (or Home ▸ Format ▸ Hide & Unhide ▸ Unhide Sheet) shows it`;
}

/**
 * The findings of a table on a sheet the workbook hides (drafts, workings, lookups): each says where
 * the cell is, since the person reading the workbook cannot see it, and one note says how to show it.
 */
function onHiddenSheet(g: Grid, t: FoundTable, layout: Layout, findings: AuditFinding[]): AuditFinding[] {
  const how = g.hiddenSheet!;
  const where = how === 'veryHidden' ? 'very hidden sheet' : 'hidden sheet';
  const out = findings.map((f) => ({ ...f, message: `(on the ${where} ${g.sheet}) ${f.message}` }));
  const top = t.headerRows.length ? Math.min(t.headerRows[0], t.r0) : t.r0;
  out.push({
    severity: 'note', table: layout, ...locate(g, top, t.c0, ''), rule: 'printed.hidden-sheet',
    message: `${hiddenSheetText(g.sheet, how)}. Its table ${rangeOf(t)} is audited like the others, but it is not printed or shown with the workbook; to audit only a sheet that is shown, give --sheet NAME`,
  });
  return out;
}

const YEAR_RANGE = /(?<!\d)((?:19|20)\d\d)\s*(?:-|–|—|\/|to)\s*((?:19|20)?\d\d)(?!\d)/g;
const YEAR = /(?:19|20)\d\d(?!\d)/g;

/**
 * The financial year a caption names, as the calendar year it ends in: "2018-2019", "2018/19",
 * "2018 to 2019" and "Total spending2018 to 2019£million" are all "2019"; a year alone is itself. Read
 * from the end of each range, so a caption whose first year is misprinted ("20120 to 2021", "2012 to
 * 2021", as South Lakeland's copy of Cumbria's table prints them) is still 2020/21. Several different
 * years ("change 2023/24 to 2024/25") give them all, joined; no year gives ''.
 */
export function yearKey(caption: string): string {
  const ends = new Set<string>();
  const rest = caption.replace(YEAR_RANGE, (_, a: string, b: string) => {
    ends.add(b.length === 4 ? b : String(Number(a.slice(0, 2)) * 100 + Number(b) + (Number(b) < Number(a.slice(2)) ? 100 : 0)));
    return ' ';
  });
  for (const m of rest.matchAll(YEAR)) ends.add(m[0]);
  return [...ends].sort().join(',');
}

/** A caption's words without its years, units and punctuation: "Net Spending 2019-2020 £m" → "net spending". */
const captionWords = (caption: string): string =>
  caption.replace(YEAR_RANGE, ' ').replace(/\d+/g, ' ').replace(/£\s*(?:m|k|bn|million|000)?\b|\bmillions?\b|'000|\(|\)/gi, ' ')
    .toLowerCase().replace(/[^a-z]+/g, ' ').trim();

/**
 * A table of several year columns under tables printed one per year ("Where your money goes 2025 to
 * 2026 … Total net expenditure 30.111", then "2024 to 2025 … 27.824", then "Where the money comes
 * from" with a column for each year): each year column carries on the total of the table of its year,
 * matched by the years in the captions (every year a column's caption names is named by exactly one
 * table above of one column of money: "2024 to 2025 budget, £m" ↔ "2024 to 2025, £m"). A row of those
 * totals, each read from its own table (rAt, printedAt), when the table directly above does not print a
 * figure in every column of money and every column finds its own; undefined otherwise.
 */
function carriedByYear(t: FoundTable, direct: TableRow | undefined, ended: readonly { t: FoundTable; row: TableRow }[]): TableRow | undefined {
  const money = moneyCols(t);
  if (money.length < 2 || ended.length < 2) return undefined;
  if (direct && money.every((c) => direct.cells.get(c)?.kind === 'number')) return undefined;
  const single = ended.map((x) => ({ ...x, c: moneyCols(x.t) })).filter((x) => x.c.length === 1 && x.row.cells.get(x.c[0])?.kind === 'number');
  const cells = new Map<number, Reading>();
  const printedAt = new Map<number, number>();
  const rAt = new Map<number, number>();
  const labels = new Map<number, string>();
  const used = new Set<TableRow>();
  for (const c of money) {
    const year = yearKey(t.columns[c].caption);
    if (!year) return undefined;
    const from = single.filter((x) => yearKey(x.t.columns[x.c[0]].caption) === year);
    if (from.length !== 1 || used.has(from[0].row)) return undefined;
    const { row, c: [k] } = from[0];
    used.add(row);
    cells.set(c, row.cells.get(k)!);
    printedAt.set(c, gridColumn(row, k));
    rAt.set(c, row.r);
    labels.set(c, `"${row.label || 'the total'}"`);
  }
  const first = [...used][0];
  return { r: first.r, label: [...labels.values()].join(' and '), bold: false, cells, empty: false, printedAt, rAt, labels };
}

/**
 * A table of one column per year under a table with a group of columns per year, ending in its total:
 * "Total spending 2018 to 2019 £million | Net spending 2018 to 2019 | Total spending 2019 to 2020 |
 * Income 2019 to 2020 | Net spending 2019 to 2020 … Budget", then "How the spend is funded: 2018 to 2019
 * £million | 2019 to 2020 £million … Amount raised from Council Tax" (Cumbria County Council's council tax
 * pages, as Eden and South Lakeland print them, mirrored or not): each year column carries on the last
 * column of its year in that total (the net, after the gross and the income). Only when every column of
 * money names its years, each finds its year above, and one at least is not the column at the same place
 * (otherwise the total above carries on column by column, as before); undefined otherwise.
 */
function carriedAcrossYears(t: FoundTable, above: FoundTable, direct: TableRow): TableRow | undefined {
  const money = moneyCols(t);
  // a column whose caption names no year is of the year of the nearest one left of it that does ("Total
  // Spending 2019/2020 £m | Income £m | Net Spending £m": a group captioned once)
  const aboveKey = new Map<number, string>();
  let last = '';
  for (const x of moneyCols(above)) {
    last = yearKey(above.columns[x].caption) || last;
    aboveKey.set(x, last);
  }
  const printed = moneyCols(above).filter((x) => direct.cells.get(x)?.kind === 'number');
  const cells = new Map<number, Reading>();
  const printedAt = new Map<number, number>();
  const used = new Set<number>();
  let moved = false;
  for (const c of money) {
    const k = yearKey(t.columns[c].caption);
    if (!k) return undefined;
    const words = captionWords(t.columns[c].caption);
    const sameYear = printed.filter((x) => aboveKey.get(x) === k);
    const sameWords = words ? printed.filter((x) => captionWords(above.columns[x].caption) === words) : [];
    const both = sameYear.filter((x) => sameWords.includes(x));
    // the column of its year and its words ("Net spending 2019/20" ↔ "Net spending 2019/20"); else the one
    // column of its words when its year's columns are not it (Eden's 2018/19 copy prints the net of
    // 2018/19 under "Net Spending 2019-2020", the funding under "Net Spending 2018-2019"); else the last
    // column of its year (the net, after the gross and the income)
    const from = both.length ? both[both.length - 1] : sameWords.length === 1 ? sameWords[0] : sameYear[sameYear.length - 1];
    if (from === undefined || used.has(from)) return undefined;
    used.add(from);
    if (from !== c) moved = true;
    cells.set(c, direct.cells.get(from)!);
    printedAt.set(c, gridColumn(direct, from));
  }
  if (!moved) return undefined;
  return { r: direct.r, label: direct.label, bold: direct.bold, cells, empty: false, printedAt };
}

export function auditGrids(grids: Grid[], o: AuditOptions = {}): AuditReport {
  const report: AuditReport = { findings: [], tables: [] };
  const placed: PlacedTable[] = [];
  const traced: { grid: Grid; r: number; c: number }[] = [];
  /** with trace: the cells some check used other than as an input of a rounded percentage */
  const plain: { grid: Grid; r: number; c: number }[] = [];
  const found = grids.filter((g) => !isChecksSheet(g)).flatMap((g) => findTables(g).map((t) => ({ g, t })));
  const layouts = found.map(({ t }) => (o.table && fits(t, o.table) ? o.table : recogniseLayout(t)));
  let above: { g: Grid; t: FoundTable; row?: TableRow } | undefined;
  /** the tables of each sheet audited so far that end in a total: a table below may carry those totals on, one per year */
  const ended: { g: Grid; t: FoundTable; row: TableRow }[] = [];
  for (const [n, { g, t }] of found.entries()) {
    // a table carries on the one above it in the same part of its sheet (tables side by side are apart)
    const direct = above?.g === t.grid ? above.row : undefined;
    const carried = carriedByYear(t, direct, ended.filter((x) => x.g === t.grid)) ?? (direct && above ? carriedAcrossYears(t, above.t, direct) : undefined) ?? direct;
    const done = auditTable(t, o.table, new Set(layouts.filter((_, m) => m !== n)), carried, o.trace === true, carried !== undefined && carried === direct ? above?.t : undefined, report.findings);
    above = { g: t.grid, t, row: done && 'table' in done ? done.endsWith : undefined };
    if (above.row) ended.push({ g: t.grid, t, row: above.row });
    if (!done) continue;
    if (!('table' in done)) {
      // Nothing in it could be checked on its own: a row of percentages may divide two rows above it,
      // in it or in the table printed directly above (prudential indicators: a ratio under a caption).
      const prev = n > 0 && found[n - 1].t.grid === t.grid ? found[n - 1].t : undefined;
      const ratio = ratioRows(t, prev);
      if (ratio && ratio.audit.checked.percentages > 0) {
        const a = ratio.audit;
        const src = ratio.source;
        if (src && report.unchecked) report.unchecked = report.unchecked.filter((u) => !(u.sheet === g.sheet && u.range === rangeOf(src)));
        if (!report.unchecked?.length) delete report.unchecked;
        report.tables.push({ sheet: g.sheet, layout: 'auto', range: rangeOf(t, src), units: t.units ?? src?.units, checked: a.checked, totals: a.totals, differences: a.differences, ...(a.percentages.length ? { percentages: a.percentages } : {}), ...(g.readAs ? { readAs: g.readAs } : {}) });
        placed.push({ t, layout: 'auto' });
        report.findings.push(...a.findings);
        if (o.trace) for (const [r, c] of a.involved) traced.push({ grid: g, r, c });
        if (o.trace) for (const [r, c] of a.plain) plain.push({ grid: g, r, c });
        continue;
      }
      (report.unchecked ??= []).push(done);
      continue;
    }
    report.tables.push(done.table);
    placed.push({ t, layout: done.table.layout });
    report.findings.push(...(g.hiddenSheet ? onHiddenSheet(g, t, done.table.layout, done.findings) : done.findings));
    if (o.trace) for (const [r, c] of done.audit.involved) traced.push({ grid: g, r, c });
    if (o.trace) for (const [r, c] of done.audit.plain) plain.push({ grid: g, r, c });
  }
  if (report.tables.length === 0) {
    const where = grids.map((g) => g.sheet).join(', ') || '(no sheet)';
    throw new AuditInputError(where, o.table && o.table !== 'auto'
      ? `no table with the columns of a ${o.table} table (${requiredRoles(o.table)})`
      : !grids.some(hasFigure)
        ? `no figures in it${grids.every((g) => g.cells.filter((r) => r.some((v) => v !== null && String(v).trim())).length <= 1) ? ' (only a header line)' : ''}: nothing to audit`
        : report.unchecked?.length
        ? `no table to audit: nothing could be checked in ${report.unchecked.map((u) => u.range).join(', ')}: ${report.unchecked[0].why}`
        : 'no table to audit: no statutory layout recognised, and no block ending in a total, variance or percentage column');
  }
  // Tie-outs between tables, after each table's own rules.
  const before = traced.length;
  report.findings.push(...tieOuts(placed, o.trace ? traced : undefined));
  if (o.trace) {
    // tie-outs compare figures exactly: their cells are plain uses
    plain.push(...traced.slice(before));
    const keyOf = (x: { grid: Grid; r: number; c: number }) => {
      const { row, column } = locate(x.grid, x.r, x.c, '');
      return { key: `${x.grid.sheet}\u0000${row}\u0000${column}`, row, column };
    };
    const plainKeys = new Set(plain.map((x) => keyOf(x).key));
    const seen = new Set<string>();
    report.involved = [];
    for (const x of traced) {
      const { key, row, column } = keyOf(x);
      if (seen.has(key)) continue;
      seen.add(key);
      report.involved.push({ sheet: x.grid.sheet, row, column });
      if (!plainKeys.has(key)) (report.roundedOnly ??= []).push({ sheet: x.grid.sheet, row, column });
    }
  }
  const order = { error: 0, warning: 1, note: 2 };
  report.findings.sort((x, y) => order[x.severity] - order[y.severity]);
  return report;
}

/**
 * 0 clean (notes at most); 1 a check found an error or a warning (an unreadable cell beside it is one
 * more error, at its cell: something was checked and found wrong, so never 2); 2 a cell could not be
 * read and no check found anything else.
 */
export function exitCodeOf(report: AuditReport): 0 | 1 | 2 {
  const found = report.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  if (found.some((f) => f.rule !== 'printed.unreadable')) return 1;
  if (found.length) return 2;
  return 0;
}
