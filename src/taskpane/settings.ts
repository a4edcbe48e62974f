// The task pane's settings: plain data shared by the pane and the engine worker (no engine code
// here, so importing it keeps the pane's bundle small).
import type { RangeMapping } from '../format/mapping';

export type SheetKey = 'revenue' | 'capital' | 'reserves' | 'checks';
export type Scope = 'all' | 'revenue' | 'capital' | 'reserves';

export interface BuildSettings {
  /** 'input' keeps the policy of the settings sheet */
  rounding: 'input' | 'round-then-sum' | 'round-each';
  /** general-reserve policy band in %, overriding the settings sheet when given */
  bandMin?: string;
  bandMax?: string;
  sheetNames: Record<SheetKey, string>;
  /**
   * Ranges of the user's own sheets read as input tables ("Map a range"). Kept with the workbook
   * (Office document settings, key outturn.mappings), never in the browser: a mapping names this
   * workbook's cells.
   */
  mappings?: RangeMapping[];
}

/** The same names as the plan's defaults (src/plan/plan.ts DEFAULT_SHEET_NAMES; a test keeps them equal). */
export const DEFAULT_SETTINGS: BuildSettings = {
  rounding: 'input',
  sheetNames: { revenue: 'Table 1 Revenue', capital: 'Table 2 Capital', reserves: 'Table 3 Reserves', checks: 'Checks' },
};

/** The sheet a table's report copy goes to. */
export function reportName(sheet: string): string {
  const suffix = ' (report)';
  return `${sheet.slice(0, 31 - suffix.length)}${suffix}`;
}

