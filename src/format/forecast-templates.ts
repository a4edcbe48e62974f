// The forecasting templates' definitions (issue 5), where other modules have long imported them
// from. The definitions are in ./template-tables.ts; the readers in ./read/ (ledger.ts, mtfp.ts,
// capital-forecast.ts).
export {
  CAPITAL_FINANCING, CAPITAL_NEXT_YEAR, DEFAULT_PROFILE_HEADING, FORECAST_SHEETS, LEDGER_LINES, LEDGER_MAPPING, LEDGER_PROFILES, MONTH_COLUMNS, MTFP_GAP_FUNDING, MTFP_PLAN, MTFP_SCENARIOS,
} from './template-tables';
