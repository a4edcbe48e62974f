// The input templates' definitions, once: the sheets, the Excel tables on them (fixed column
// names, which columns hold money), the settings and the words a column accepts. The readers
// (templates.ts, forecast-templates.ts, mapping.ts), the template writer (plan/templates-plan.ts)
// and the add-in import them from here; no reader imports another reader for them.

export const TEMPLATE_SHEETS = {
  settings: 'Outturn settings',
  revenue: 'Revenue input',
  capital: 'Capital input',
  reserves: 'Reserves input',
} as const;

export interface TemplateTable {
  sheet: string;
  /** the Excel table's name */
  name: string;
  columns: string[];
  /** columns holding money */
  money: string[];
  /**
   * Issue 11: how many leading columns every such table has; the columns after them are optional
   * (read when their header is there, in any order; a template carries them only when used).
   * Absent: every column is required.
   */
  required?: number;
}

export const SETTINGS_TABLE: TemplateTable = { sheet: TEMPLATE_SHEETS.settings, name: 'OutturnSettings', columns: ['Setting', 'Value'], money: [] };
export const REVENUE_LINES: TemplateTable = {
  sheet: TEMPLATE_SHEETS.revenue,
  name: 'RevenueLines',
  // Issue 11: Directorate and its sub-total label group consecutive sections (services), optional like Income.
  columns: ['Section', 'Sub-total label', 'Budget heading', 'Ref', 'Original budget', 'Revised budget', 'Outturn', 'Income', 'Directorate', 'Directorate sub-total label'],
  money: ['Original budget', 'Revised budget', 'Outturn'],
  required: 7,
};
export const REVENUE_BELOW_LINE: TemplateTable = {
  sheet: TEMPLATE_SHEETS.revenue,
  name: 'RevenueBelowTheLine',
  columns: ['Type', 'Label', 'Amount', 'Reserve'],
  money: ['Amount'],
};
export const CAPITAL_LINES: TemplateTable = {
  sheet: TEMPLATE_SHEETS.capital,
  name: 'CapitalLines',
  columns: ['Type', 'Category', 'Category ref', 'Label', 'Ref', 'Revised budget', 'Outturn', 'Reprofile', 'Category total label', 'Original programme'],
  money: ['Revised budget', 'Outturn', 'Reprofile'],
  required: 8,
};
/**
 * Issue 11: CapitalLines with the in-year budget change columns ("Earlier budget", then "Change: <caption>"
 * for each caption of the *Capital budget changes* setting), optional like the other columns after the eighth.
 */
export function capitalLinesTable(changes: string[] | undefined): TemplateTable {
  if (!changes) return CAPITAL_LINES;
  const extra = ['Earlier budget', ...changes.map((c) => `Change: ${c}`)];
  return { ...CAPITAL_LINES, columns: [...CAPITAL_LINES.columns, ...extra], money: [...CAPITAL_LINES.money, ...extra] };
}
export function reserveLinesTable(years: string[]): TemplateTable {
  const flows = years.flatMap((y) => [`Movement ${y}`, `Transfers ${y}`, `Capital ${y}`]);
  // Issue 11: the year columns follow the years set (a missing one is nil); reserves published as
  // balances have a Balance column per year instead of the flows.
  const balances = years.map((y) => `Balance ${y}`);
  return {
    sheet: TEMPLATE_SHEETS.reserves,
    name: 'ReserveLines',
    columns: ['Reserve', 'Class', 'Category', 'Opening balance', ...flows, ...balances],
    money: ['Opening balance', ...flows, ...balances],
    required: 3,
  };
}

/** The settings, in the order the template lists them, with the JSON field each feeds. */
export const SETTINGS = [
  ['Organisation', 'organisation'],
  ['Financial year', 'financialYear'],
  ['Rounding', 'rounding'],
  ['Revenue units', 'revenue.units'],
  ['Revenue display units', 'revenue.displayUnits'],
  ['Revenue total label', 'revenue.totalLabel'],
  ['Budget requirement change', 'revenue.budgetRequirementChange'],
  ['Show virements', 'revenue.showVirements'],
  ['Show variance %', 'revenue.showVariancePercent'],
  ['Variance threshold amount', 'revenue.varianceThreshold.amount'],
  ['Variance threshold %', 'revenue.varianceThreshold.percent'],
  ['Capital units', 'capital.units'],
  ['Capital display units', 'capital.displayUnits'],
  ['Capital year', 'capital.year'],
  ['Capital next year', 'capital.nextYear'],
  ['Capital heading', 'capital.heading'],
  ['Capital total label', 'capital.totalLabel'],
  ['Capital grand total label', 'capital.grandTotalLabel'],
  ['Reserves units', 'reserves.units'],
  ['Reserves display units', 'reserves.displayUnits'],
  ['Reserve years', 'reserves.years'],
  ['Actual years', 'reserves.actualYears'],
  ['General reserve band min %', 'reserves.generalReserveBand.min'],
  ['General reserve band max %', 'reserves.generalReserveBand.max'],
  ['Net revenue budget', 'reserves.netRevenueBudget'],
  // forecasting (src/format/forecast-templates.ts reads these two)
  ['Forecast month', 'revenue.ledger.month'],
  ['Capital next-year programme total', 'capital.nextYearProgrammeTotal'],
] as const;

/**
 * Issue 11: how a body prints its tables. Read like the settings above; a filled template lists
 * only those the document uses (so earlier templates are unchanged), and any may be added as a row.
 * Kinds: 'int' a whole number, 'bool' Yes/No, 'list' comma-separated words, 'labels' id=caption
 * pairs separated by ';', 'money' an amount, 'text' as typed, 'captions' captions separated by ';'.
 */
export const LAYOUT_SETTINGS = [
  ['Revenue decimals', 'revenue.decimals', 'int'],
  ['Revenue variance sign', 'revenue.varianceSign', 'text'],
  ['Revenue column order', 'revenue.columnOrder', 'list'],
  ['Revenue column labels', 'revenue.columnLabels', 'labels'],
  ['Revenue underspend rows', 'revenue.underspendRows', 'text'],
  ['Revenue basis', 'revenue.basis', 'text'],
  ['Narrative % of budget', 'revenue.narrativePercent', 'bool'],
  ['Revenue earmarked sub-total label', 'revenue.earmarkedSubtotalLabel', 'text'],
  ['Capital decimals', 'capital.decimals', 'int'],
  ['Capital variance sign', 'capital.varianceSign', 'text'],
  ['Capital column order', 'capital.columnOrder', 'list'],
  ['Capital column labels', 'capital.columnLabels', 'labels'],
  ['Capital reprofile default', 'capital.reprofileDefault', 'bool'],
  ['Capital financing as listed', 'capital.financingAsListed', 'bool'],
  ['Capital show variance %', 'capital.showVariancePercent', 'bool'],
  ['Capital percent decimals', 'capital.percentDecimals', 'int'],
  ['Capital show savings', 'capital.showSavings', 'bool'],
  ['Capital earlier budget label', 'capital.budgetChanges.earlierLabel', 'text'],
  ['Capital budget changes', 'capital.budgetChanges.columns', 'captions'],
  ['Capital financing variations', 'capital.financingVariations', 'bool'],
  ['Capital financing total label', 'capital.financingTotalLabel', 'text'],
  ['Capital financing column labels', 'capital.financingColumnLabels', 'labels'],
  ['Reserves decimals', 'reserves.decimals', 'int'],
  ['Reserves total label', 'reserves.totalLabel', 'text'],
  ['General reserve minimum amount', 'reserves.generalReserveBand.minAmount', 'money'],
  ['Net revenue budgets by year', 'reserves.netRevenueBudgets', 'budgets'],
  ['Reserves narrative years', 'reserves.narrativeYears', 'text'],
  ['Show derived movements', 'reserves.showMovements', 'bool'],
] as const;

export const CAPITAL_TYPES = ['Scheme', 'Single-line category', 'Externally funded', 'Memo'] as const;
export const BELOW_LINE_TYPES = ['Adjustment', 'Earmarked', 'Transfer to capital'] as const;

// ---- forecasting (issue 5): the ledger, the MTFP, next year's capital and its financing ----

export const FORECAST_SHEETS = {
  ledger: 'Ledger input',
  mtfp: 'MTFP input',
  capital: 'Capital input',
  revenue: 'Revenue input',
} as const;

export const MONTH_COLUMNS = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'];
/** The profile heading that stands for every heading without its own profile. */
export const DEFAULT_PROFILE_HEADING = '(all other headings)';

export const LEDGER_LINES: TemplateTable = {
  sheet: FORECAST_SHEETS.ledger,
  name: 'LedgerLines',
  columns: ['Cost centre', 'Account', 'Description', 'Budget', 'Actual to date', 'Commitments', 'Forecast rest of year'],
  money: ['Budget', 'Actual to date', 'Commitments', 'Forecast rest of year'],
};
export const LEDGER_MAPPING: TemplateTable = {
  sheet: FORECAST_SHEETS.ledger,
  name: 'LedgerMapping',
  columns: ['Heading', 'Cost centre (exact)', 'Cost centres from', 'Cost centres to', 'Cost centre prefix', 'Account (exact)', 'Accounts from', 'Accounts to', 'Account prefix'],
  money: [],
};
export const LEDGER_PROFILES: TemplateTable = {
  sheet: FORECAST_SHEETS.ledger,
  name: 'LedgerProfiles',
  columns: ['Profile heading', ...MONTH_COLUMNS],
  money: [],
};
export const MTFP_PLAN: TemplateTable = {
  sheet: FORECAST_SHEETS.mtfp,
  name: 'MtfpPlan',
  columns: ['Year', 'Budget requirement', 'Funding'],
  money: ['Budget requirement', 'Funding'],
};
export const MTFP_GAP_FUNDING: TemplateTable = {
  sheet: FORECAST_SHEETS.mtfp,
  name: 'MtfpGapFunding',
  columns: ['Gap funded from (in order)'],
  money: [],
};
export const MTFP_SCENARIOS: TemplateTable = {
  sheet: FORECAST_SHEETS.mtfp,
  name: 'MtfpScenarios',
  columns: ['Scenario', 'Scenario year', 'Budget requirement change', 'Funding change'],
  money: ['Budget requirement change', 'Funding change'],
};
export const CAPITAL_NEXT_YEAR: TemplateTable = {
  sheet: FORECAST_SHEETS.capital,
  name: 'CapitalNextYear',
  columns: ['Scheme (next year)', 'Approved next-year budget'],
  money: ['Approved next-year budget'],
};
export const CAPITAL_FINANCING: TemplateTable = {
  sheet: FORECAST_SHEETS.capital,
  name: 'CapitalFinancing',
  columns: ['Financing source', 'Financing label', 'Financing amount', 'From reserve', 'Original financing', 'Latest financing'],
  money: ['Financing amount', 'Original financing', 'Latest financing'],
  required: 4,
};

/** The financing source names a finance officer writes, to outturn/v1's financing types. */
export const FINANCING_TYPES: Record<string, string> = {
  grant: 'grant', grants: 'grant', 'grants and contributions': 'grant',
  'capital receipts': 'capital-receipts', 'capital-receipts': 'capital-receipts',
  revenue: 'revenue', rcco: 'revenue', 'revenue contributions': 'revenue', 'revenue contribution': 'revenue',
  reserve: 'reserve', reserves: 'reserve', 'contributions from reserves': 'reserve',
  borrowing: 'borrowing',
  mixed: 'mixed', 'mixed sources': 'mixed',
};
