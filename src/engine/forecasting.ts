// The forecasting engine engine/build.ts calls only when the input has them: the ledger (Table 1
// filled from ledger lines, its month-end forecast and Table 1b's reconciliation), the MTFP (the
// plan's gap drawn from reserves, the MTFP tables) and next year's capital (Tables 2a and 2b: the
// next-year programme, the financing). One module, so the add-in can load it as a
// chunk of the engine worker's own when an input needs it (src/taskpane/forecasting-on-demand.ts,
// swapped in by webpack.config.js); everywhere else it is these modules, imported as usual.
export { ledgerTables, type PreparedLedger, prepareLedger } from './revenue-ledger';
export { mtfpTables, runMtfp, withDraws } from './mtfp';
export { capitalForecastTables } from './capital-forecast';
