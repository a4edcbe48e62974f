// The fixed vocabulary of formats and styles a sheet plan may use. Both writers (ExcelJS for files,
// Office.js in Excel) render exactly these, so a table looks the same however it was made, and a
// workbook never collects more than this handful of custom number formats.

export const NUMBER_FORMATS = {
  /** whole pounds or thousands: 1,234  (1,234)  - */
  money0: '#,##0_);(#,##0);"-"_)',
  /** £m to one place */
  money1: '#,##0.0_);(#,##0.0);"-"_)',
  /** £, £'000 or £m to two and three places (issue 11: the table's own places) */
  money2: '#,##0.00_);(#,##0.00);"-"_)',
  money3: '#,##0.000_);(#,##0.000);"-"_)',
  /** a fraction shown as a percentage to one place */
  percent1: '0.0%_);(0.0%);"-"_)',
  /** percentages to nil and two places (issue 11: a table's percentDecimals) */
  percent0: '0%_);(0%);"-"_)',
  percent2: '0.00%_);(0.00%);"-"_)',
  /** a plain ratio to one place (years of cover) */
  ratio1: '0.0_);(0.0);"-"_)',
  /** a check cell: shows 0 when formulas and engine agree */
  check: '0.00;-0.00;0',
  text: '@',
} as const;
export type FormatName = keyof typeof NUMBER_FORMATS;
/** The money format for a table's places (0–3). */
export const MONEY_FORMAT: readonly FormatName[] = ['money0', 'money1', 'money2', 'money3'];

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** font colour, #RRGGBB */
  color?: string;
  fill?: string;
  borderTop?: 'thin';
  borderBottom?: 'thin' | 'double';
  wrap?: boolean;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'bottom';
  underline?: boolean;
}

export const STYLES = {
  title: { bold: true, size: 13 },
  subtitle: { italic: true, color: '#404040' },
  header: { bold: true, wrap: true, hAlign: 'center', vAlign: 'bottom' },
  headerLast: { bold: true, wrap: true, hAlign: 'center', vAlign: 'bottom', borderBottom: 'thin' },
  heading: { bold: true },
  bold: { bold: true },
  total: { bold: true, borderTop: 'thin', borderBottom: 'thin' },
  grand: { bold: true, borderTop: 'thin', borderBottom: 'double' },
  muted: { italic: true, color: '#7F7F7F' },
  check: { bold: true, fill: '#E2EFDA' },
  link: { color: '#0563C1', underline: true },
  error: { bold: true, color: '#C00000' },
  warning: { bold: true, color: '#9C5700' },
  note: { color: '#404040' },
  /** a long text that wraps within its column (its row made tall enough by the plan) */
  wrap: { wrap: true },
} satisfies Record<string, CellStyle>;
export type StyleName = keyof typeof STYLES;
