// The engine's vocabulary: inputs as the engine receives them (already validated, money as exact
// decimals), and the tables, figures and findings it returns. No host types here.
import type { Dec } from '../base/decimal';
import type { TableId } from './tables';

export type Units = '£' | "£'000" | '£m';
export type RoundingPolicy = 'round-then-sum' | 'round-each';
/** A table's id: the keys of the table registry (./tables.ts), which says where each goes. */
export type { TableId } from './tables';
export type Severity = 'error' | 'warning' | 'note';

// ---------- inputs ----------

export interface RevenueLine {
  label: string;
  ref?: string;
  originalBudget: Dec;
  revisedBudget: Dec;
  outturn: Dec;
  /** income typed as the body prints it (positive): shown as typed, counted against spending in totals */
  income?: boolean;
  /** where the line came from (JSON path or sheet!cell), for findings */
  source?: string;
}
export interface RevenueSection {
  label?: string;
  lines: RevenueLine[];
  subtotalLabel?: string;
  /** every line of the section is income typed positive (its sub-total is shown positive too) */
  income?: boolean;
  /** issue 11: the index in `RevenueInput.groups` of the group (directorate) this section (service) is in */
  group?: number;
}
/**
 * Issue 11: a group of consecutive sections (a directorate of services, the force or the OPCC):
 * a heading above them and a sub-total of their sub-totals below; the total then adds the group's
 * sub-total, never its sections' again.
 */
export interface RevenueGroup {
  label?: string;
  subtotalLabel?: string;
  source?: string;
}
/** Issue 11: revenue transferred to capital (a revenue contribution to capital), below the total in the variance column's sign. */
export interface TransferToCapital {
  label: string;
  amount: Dec;
  source?: string;
}
/** Over/(under)spend = outturn − budget (the default), or under/(over)spend = budget − outturn. */
export type VarianceSign = 'outturn-minus-budget' | 'budget-minus-outturn';
/** How a table prints itself: places, the order and captions of its figure columns (issue 11). */
export interface TableLayout {
  /** places shown (0–3); absent: what the inputs carry (see src/engine/precision.ts) */
  decimals?: number;
  /** column ids in print order (the rest follow in the default order) */
  columnOrder?: string[];
  /** captions by column id, replacing the default caption line */
  columnLabels?: Record<string, string>;
  varianceSign?: VarianceSign;
  /** places of percentage columns, as a percentage (0–2; default 1) */
  percentDecimals?: number;
}
export interface RevenueInput {
  units: Units;
  displayUnits: Units;
  sections: RevenueSection[];
  totalLabel: string;
  adjustments: { label: string; amount: Dec }[];
  earmarked: { label: string; amount: Dec; reserve?: string; source?: string }[];
  /** issue 11: the groups (directorates) `sections[].group` points into; absent: no groups */
  groups?: RevenueGroup[];
  /** issue 11: the earmarked block closes with its own sub-total line of this label */
  earmarkedSubtotalLabel?: string;
  /** issue 11: revenue transferred to capital, each its own line after TOTAL UNDERSPEND and before the earmarked block */
  transfersToCapital?: TransferToCapital[];
  /** a recorded change in the budget requirement: revised total − original total (nil unless recorded) */
  budgetRequirementChange: Dec;
  showVirements: boolean;
  showVariancePercent: boolean;
  /** flag a heading whose variance is at least this amount (in input units) or this percentage of its revised budget */
  varianceThreshold?: { amount?: Dec; percent?: Dec };
  /** "forecast at month N" etc.: Table 1 on a forecast basis says so in its title */
  basis?: string;
  /** false when no heading gives an original budget: the column is not printed (default true) */
  hasOriginal?: boolean;
  /** TOTAL and NET UNDERSPEND rows: only when there are adjustments, transfers to capital or earmarked amounts (default, issue 11), or always */
  underspendRows?: 'always' | 'when-needed';
  /** the narrative gives the net variance as a % of the revised budget too (issue 11) */
  narrativePercent?: boolean;
  layout?: TableLayout;
  /**
   * Ledger-level input: when given, the engine fills every line's revised budget and outturn (and
   * the original budget unless `ledger.originalBudgets` has the heading) from the ledger; the
   * figures on the lines themselves are placeholders.
   */
  ledger?: LedgerInput;
}

/**
 * One ledger line. Money is kept as outturn/v1 decimal text (validated), so that a million lines
 * are summed in integer pence without a decimal object per amount (src/engine/pence.ts).
 */
export interface LedgerLine {
  costCentre: string;
  account: string;
  description?: string;
  budget: string;
  actualToDate: string;
  commitments?: string;
  /** the user's forecast for the rest of the year (months after `month`); absent: from the profile */
  forecast?: string;
}
/** A code criterion: an exact code, an inclusive range, or a prefix (one of them). */
export interface CodeMatch {
  exact?: string;
  from?: string;
  to?: string;
  prefix?: string;
}
/** A mapping row: lines whose cost centre and account both match go to `heading`. */
export interface LedgerMapping {
  heading: string;
  costCentre?: CodeMatch;
  account?: CodeMatch;
  source?: string;
}
export interface LedgerInput {
  lines: LedgerLine[];
  mapping: LedgerMapping[];
  /** months of actuals (1–12): Table 1 becomes a forecast at month N; absent: the ledger is the year's outturn */
  month?: number;
  /** budget profile per heading: 12 non-negative weights, April first */
  profiles: { heading: string; weights: Dec[]; source?: string }[];
  /** the profile of every other heading; absent: even twelfths */
  defaultProfile?: Dec[];
  /** original budgets the headings give (for virements); others: original = the ledger budget */
  originalBudgets: Map<string, Dec>;
  /** where line i came from (JSON path or sheet!cell) */
  lineSource?: (i: number) => string;
  /**
   * The lines already aggregated as a host read them (its own `lines` first, then an export's,
   * summed one at a time and let go: src/cli/ledger-file.ts); `lines` then holds the document's own
   * lines only. Absent: the engine aggregates `lines`.
   */
  aggregated?: LedgerAggregate;
}

/** The exact totals of a bucket of ledger lines (a heading, the unmapped, the mapped twice, the ledger total), input units. */
export interface BucketTotals {
  budget: Dec;
  actual: Dec;
  commitments: Dec;
  forecast: Dec;
  budgetNoForecast: Dec;
  lines: number;
  linesWithForecast: number;
}

/** The ledger aggregated into Table 1's headings (src/engine/ledger.ts). */
export interface LedgerAggregate {
  /** Table 1's headings in table order, and their totals (input units) */
  headings: string[];
  byHeading: BucketTotals[];
  unmapped: BucketTotals;
  ambiguous: BucketTotals;
  /** every line, summed on its own (independently of the mapping): the ledger total */
  total: BucketTotals;
  /** the first lines of each kind, for findings (at most MAX_LINE_FINDINGS each) */
  unmappedLines: number[];
  ambiguousLines: { line: number; headings: string[] }[];
  /** the lines findings name (those of unmappedLines and ambiguousLines), by index: kept while the rest are summed and let go */
  kept: Map<number, LedgerLine>;
  hasCommitments: boolean;
  hasForecast: boolean;
  /** the index of the first line with a forecast of its own (-1: none) */
  firstForecast: number;
}

export interface CapitalScheme {
  label: string;
  ref?: string;
  revisedBudget: Dec;
  outturn: Dec;
  reprofile?: Dec;
  /** issue 11: the original programme (as approved at the start of the year) */
  originalBudget?: Dec;
  /** next year's approved budget for the scheme (before the reprofile is added) */
  nextYearBudget?: Dec;
  /** issue 11: the budget at an earlier point (e.g. month 9), with `budgetChanges` */
  earlierBudget?: Dec;
  /** issue 11: the in-year changes since then, one per `budgetChanges.columns` (nil where not given) */
  changes?: Dec[];
  source?: string;
}
export type FinancingType = 'grant' | 'capital-receipts' | 'revenue' | 'reserve' | 'borrowing' | 'mixed';
export interface CapitalFinancingLine {
  type: FinancingType;
  label: string;
  amount: Dec;
  /** for type 'reserve': the Table 3 reserve it is drawn from */
  reserve?: string;
  /** issue 11: the line in the original programme's financing, and in the latest programme's */
  originalAmount?: Dec;
  latestAmount?: Dec;
  source?: string;
}
export interface CapitalCategory {
  label: string;
  ref?: string;
  totalLabel?: string;
  /** a category with schemes, or one that stands as a single line with its own figures */
  schemes?: CapitalScheme[];
  standalone?: CapitalScheme;
  source?: string;
}
export interface CapitalInput {
  units: Units;
  displayUnits: Units;
  year: string;
  nextYear: string;
  heading: string;
  totalLabel: string;
  grandTotalLabel: string;
  categories: CapitalCategory[];
  externallyFunded: { label: string; ref?: string; outturn: Dec }[];
  memo: { label: string; ref?: string; outturn: Dec }[];
  /** next year's programme as reported elsewhere (the budget report): checked against approved + reprofile */
  nextYearProgrammeTotal?: Dec;
  /** how the year's spend was financed; its total must equal the spend */
  financing?: CapitalFinancingLine[];
  /** a reprofile not given: the remaining budget when positive (true), or nil (false); absent: as today when any scheme gives one, else no reprofile column */
  reprofileDefault?: boolean;
  /** financing lines in the order given, without the source headings */
  financingAsListed?: boolean;
  /** variations as % of their programme line (to the original, and the remaining/over to the revised) */
  showVariancePercent?: boolean;
  /** issue 11: a column for the underspend not reprofiled (a saving) or the overspend: remaining − reprofile */
  showSavings?: boolean;
  /** issue 11: in-year budget changes: the earlier budget + the changes = the revised budget */
  budgetChanges?: { earlierLabel: string; columns: string[] };
  /** issue 11: the financing's variation columns (to the original and the latest), with originalAmount / latestAmount */
  financingVariations?: boolean;
  /** issue 11: the financing's total line and captions as printed */
  financingTotalLabel?: string;
  financingColumnLabels?: Record<string, string>;
  layout?: TableLayout;
}

export type ReserveClass = 'general' | 'useable' | 'non-useable';
export type ReserveCategory = 'mtfp' | 'beyond-mtfp' | 'contingency';
export interface ReserveFlow {
  movement: Dec;
  transfers: Dec;
  capital: Dec;
}
export interface Reserve {
  label: string;
  class: ReserveClass;
  category?: ReserveCategory;
  opening: Dec;
  /** one per year, nil where the input gave fewer */
  flows: ReserveFlow[];
  source?: string;
}
export interface ReservesInput {
  units: Units;
  displayUnits: Units;
  years: string[];
  actualYears: number;
  reserves: Reserve[];
  /** general reserve policy band, % of the net revenue budget */
  generalReserveBand: { min: Dec; max: Dec };
  /** used when Table 1 is absent */
  netRevenueBudget?: Dec;
  /** the medium-term financial plan: budget gap per forecast year, funded from reserves */
  mtfp?: MtfpInput;
  /** published as year-end balances only: movements are derived from the balances (issue 11) */
  balancesOnly?: boolean;
  /** balances layout with the balance brought forward at the start of the first year (its movement derived too) */
  balancesOpening?: boolean;
  /** balances layout: show the derived movements between the balances (default true) */
  showMovements?: boolean;
  /** sentences for the first year only (default) or for every year, forecast years in the future tense */
  narrativeYears?: 'first' | 'all';
  /** the total line's label; default TOTAL RESERVES */
  totalLabel?: string;
  /** where the policy band was given (JSON path or settings cell), for its findings */
  bandSource?: string;
  /** net revenue budget per year (for the general reserve % and band check of every year) */
  netRevenueBudgets?: (Dec | undefined)[];
  /** the policy minimum as an amount too: "x% or £y, whichever is greater" (in the reserves' units) */
  generalReserveMinAmount?: Dec;
  /** no upper limit in the policy (a minimum only) */
  generalReserveNoMax?: boolean;
  layout?: TableLayout;
}

/** One year of the MTFP: budget requirement and funding (the gap is their difference). */
export interface MtfpYear {
  budgetRequirement: Dec;
  funding: Dec;
}
export interface MtfpInput {
  /** one per forecast year of the reserves statement (years[actualYears..]) */
  plan: MtfpYear[];
  /** reserve labels the gap is drawn from, in order; a surplus is added to the first */
  gapFundedFrom: string[];
  /** named variants of the plan (e.g. pay award 1% higher), with the changes already applied */
  scenarios: { label: string; plan: MtfpYear[]; source?: string }[];
  source?: string;
}

export interface OutturnInput {
  organisation: string;
  financialYear: string;
  rounding: RoundingPolicy;
  revenue?: RevenueInput;
  capital?: CapitalInput;
  reserves?: ReservesInput;
  /** the house style of published tables (src/publish); the engine ignores it */
  publishing?: { font?: string; organisationName?: string };
}

// ---------- tables ----------

/** A cell of a table: table, row index, column index. */
export interface CellRef {
  t: TableId;
  r: number;
  c: number;
}

/** How a derived figure is formed from other figures; the sheet writes it as a formula. */
export type Derivation =
  | { op: 'sum'; of: CellRef[]; minus?: CellRef[] }
  | { op: 'diff'; a: CellRef; b: CellRef }
  /** num / den rounded to the figure's places; nil when the denominator is nil */
  | { op: 'ratio'; num: CellRef; den: CellRef }
  /** years a balance lasts at a rate of draw: balance / −change when change < 0, else nil */
  | { op: 'cover'; balance: CellRef; change: CellRef }
  /** max(0, a) (`neg`: max(0, −a)): a default that follows its source, e.g. reprofile = remaining budget when positive */
  | { op: 'pos'; a: CellRef; neg?: true };

export type ColumnKind = 'text' | 'ref' | 'money' | 'percent' | 'ratio' | 'flag';

export interface Column {
  id: string;
  /** header lines, top to bottom (year band, caption, units) */
  header: string[];
  kind: ColumnKind;
  /** decimal places shown: money by units, percent as a fraction with 3 places = 0.1% */
  width?: number;
}

export type RowKind =
  | 'heading'
  | 'line'
  | 'subtotal'
  | 'total'
  | 'adjustment'
  | 'total_underspend'
  | 'earmarked'
  | 'earmarked_subtotal'
  | 'transfer_to_capital'
  | 'net_underspend'
  | 'category_total'
  | 'scheme_standalone'
  | 'externally_funded'
  | 'grand_total'
  | 'memo'
  | 'general_reserve'
  | 'earmarked_reserve'
  | 'subtotal_useable'
  | 'subtotal_non_useable'
  | 'total_earmarked'
  | 'total_reserves'
  | 'category'
  | 'measure';

/** A figure as the table shows it. `value` is in the table's display units. */
export interface Figure {
  /** the exact figure in display units, from exact inputs */
  exact: Dec;
  /** the figure as displayed under the table's rounding policy (filled by the evaluator) */
  shown: Dec;
  /** what the cell holds: shown figure under round-then-sum, exact figure under round-each */
  stored: Dec;
  derivation?: Derivation;
  /** places shown for this figure */
  dp: number;
  /** shown as a percentage (a fraction with a % format) or a plain ratio, not money */
  as?: 'percent' | 'ratio';
}

export type TableCell = Figure | { text: string } | null;

/**
 * A cell of one table that another table's module defines — "this cell of Table 1 is the sum of
 * that cell of Table 1b". Modules declare links; build() applies them all in one place, before it
 * evaluates the tables.
 */
export interface TableLink {
  at: CellRef;
  value: TableCell;
}

/**
 * What a table module returns: its tables, findings and checks; the links it declares into other
 * tables; and, when it has them, the checks it can only make on evaluated figures (`afterEvaluate`).
 */
export interface TablePart {
  tables: Table[];
  findings: Finding[];
  checks: Check[];
  links?: TableLink[];
  afterEvaluate?(): { findings: Finding[]; checks: Check[] };
}

export interface Row {
  kind: RowKind;
  label: string;
  cells: TableCell[];
  bold: boolean;
  /** the JSON path or sheet!cell the row's inputs came from */
  source?: string;
}

export interface Table {
  id: TableId;
  title: string;
  subtitle?: string;
  units: Units;
  columns: Column[];
  rows: Row[];
  /** index of the label column */
  labelColumn: number;
  /** places its money figures show, when not the units' default (issue 11: 0–3) */
  places?: number;
}

export interface Finding {
  severity: Severity;
  table: TableId | 'input';
  /** a machine-readable rule name, e.g. "revenue.virements" */
  rule: string;
  message: string;
  expected?: string;
  actual?: string;
  difference?: string;
  /** the table cell the finding is about; the sheet plan turns it into an A1 address */
  at?: { r: number; c: number };
  /** where in the input (JSON path or sheet!cell) */
  source?: string;
}

/** A check the engine ran, passed or not; the Checks sheet lists every one. */
export interface Check {
  table: TableId | 'input';
  rule: string;
  description: string;
  passed: boolean;
  detail?: string;
}

export interface Narrative {
  revenue?: { netVariance: string; sentence: string; percentOfBudget?: string };
  /** `savings`: issue 11, with capital.showSavings: the underspend split into slippage and saving */
  capital?: { spend: string; programme: string; percent: string; sentence: string; savings?: string };
  /** `mtfpMinimum` (issue 11): when the MTFP or a scenario takes the general reserve below its policy minimum, where and by how much */
  reserves?: { generalReservePercent?: string; sentence: string; years?: { year: string; sentence: string }[]; mtfpMinimum?: string };
}

export interface BuildResult {
  /** whose tables, and for which year: as the input gives them */
  organisation: string;
  financialYear: string;
  /** the rounding policy the tables were built with */
  rounding: RoundingPolicy;
  tables: Table[];
  findings: Finding[];
  checks: Check[];
  narrative: Narrative;
}

export function isFigure(c: TableCell): c is Figure {
  return c !== null && (c as Figure).exact !== undefined;
}
