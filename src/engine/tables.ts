// The table registry: every table Outturn builds or audits, once — its id, the number it is printed
// under, the sheet it goes on, the audit layout that reads it back, and the phrase findings use for
// it. The plan, the task pane's one-table builds and report copies, the audit's layouts and
// tie-out messages, and the command line's --table choices all read this list; a new table is an
// entry here plus its engine module (see docs/architecture.md).

/** The sheets of an Outturn workbook that hold tables (the Checks sheet is the fourth). */
export type TableSheet = 'revenue' | 'capital' | 'reserves';

/** A layout the audit recognises by its headers; each is the layout of one table below. */
export type TableLayout = 'revenue' | 'forecast' | 'ledger' | 'capital' | 'programme' | 'financing' | 'reserves' | 'mtfp' | 'scenarios';

export interface TableEntry {
  /** as printed in a title and on the Checks sheet: "Table 1a" */
  number: string;
  /** the sheet the table is written on, beside the other tables of that sheet in registry order */
  sheet: TableSheet;
  /**
   * the audit layout that recognises the printed table; undefined when the audit reads it as a
   * generic table (Table 3a: its totals cast, and it ties to Table 3 by date)
   */
  layout?: TableLayout;
  /** how a finding names the table: "… in the forecast build-up" */
  phrase: string;
  /** its name after the number, where the task pane groups findings by table: "Table 1a: forecast outturn" */
  title: string;
  /** a name for its label column where the table prints none (a published table's header for a screen reader) */
  labelHeader: string;
}

/**
 * Every table, in the order they stand on their sheets. Adding a table: add its id and entry here;
 * the TypeScript type `TableId` follows.
 */
export const TABLES = {
  revenue: { number: 'Table 1', sheet: 'revenue', layout: 'revenue', phrase: 'the revenue table', title: 'revenue outturn', labelHeader: 'Budget heading' },
  'revenue-forecast': { number: 'Table 1a', sheet: 'revenue', layout: 'forecast', phrase: 'the forecast build-up', title: 'forecast outturn', labelHeader: 'Item' },
  'revenue-ledger': { number: 'Table 1b', sheet: 'revenue', layout: 'ledger', phrase: 'the ledger reconciliation', title: 'ledger reconciliation', labelHeader: 'Item' },
  capital: { number: 'Table 2', sheet: 'capital', layout: 'capital', phrase: 'the capital table', title: 'capital outturn', labelHeader: 'Scheme' },
  'capital-next-year': { number: 'Table 2a', sheet: 'capital', layout: 'programme', phrase: 'the capital programme', title: 'capital programme', labelHeader: 'Scheme' },
  'capital-financing': { number: 'Table 2b', sheet: 'capital', layout: 'financing', phrase: 'the capital financing', title: 'capital financing', labelHeader: 'Financing' },
  reserves: { number: 'Table 3', sheet: 'reserves', layout: 'reserves', phrase: 'the reserves table', title: 'reserves', labelHeader: 'Reserve' },
  'reserves-categories': { number: 'Table 3a', sheet: 'reserves', phrase: 'the reserves summary', title: 'reserves by category', labelHeader: 'Category' },
  'reserves-mtfp': { number: 'Table 3b', sheet: 'reserves', layout: 'mtfp', phrase: 'the MTFP table', title: 'reserves over the MTFP', labelHeader: 'Line' },
  'reserves-scenarios': { number: 'Table 3c', sheet: 'reserves', layout: 'scenarios', phrase: 'the scenarios table', title: 'scenarios', labelHeader: 'Year' },
} as const satisfies Record<string, TableEntry>;

export type TableId = keyof typeof TABLES;

/** Every table id, in registry (sheet) order. */
export const TABLE_IDS = Object.keys(TABLES) as TableId[];

/** The registry entry of a table. */
export function tableEntry(id: TableId): TableEntry {
  return TABLES[id];
}

/** The tables written on a sheet, in the order they stand on it. */
export function tablesOnSheet(sheet: TableSheet): TableId[] {
  return TABLE_IDS.filter((id) => TABLES[id].sheet === sheet);
}

/** Every audit layout, in registry order. */
export const TABLE_LAYOUTS: TableLayout[] = TABLE_IDS.flatMap((id) => {
  const l = (TABLES[id] as TableEntry).layout;
  return l ? [l] : [];
});

/** The phrase for a table read back by the audit as `layout` ("the table" for a generic one). */
export function layoutPhrase(layout: TableLayout | 'auto'): string {
  if (layout === 'auto') return 'the table';
  const id = TABLE_IDS.find((i) => (TABLES[i] as TableEntry).layout === layout);
  return id ? TABLES[id].phrase : 'the table';
}
