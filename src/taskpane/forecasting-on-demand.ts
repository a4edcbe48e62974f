// What the add-in's engine worker bundles in place of src/engine/forecasting.ts (webpack.config.js):
// the same functions, which call the real ones once loadForecasting() has brought them in as a
// chunk of their own (forecasting.js, with the ledger and MTFP part of the outturn/v1 validator),
// and until then throw ForecastingNotLoaded (the validator, an Error of that name). A build of the
// statutory tables alone (no ledger, no MTFP: the worked example) never loads them; the worker
// loads them and builds again when a build needs them (withForecasting). The build is pure, so
// building again gives what the first build would have.
import type * as Forecasting from '../engine/forecasting';
import { attachForecasting } from '../format/schema-validator';

export type { PreparedLedger } from '../engine/forecasting';

/** Thrown by a forecasting function called before loadForecasting(): never reaches a user. */
export class ForecastingNotLoaded extends Error {
  constructor() {
    super('the forecasting engine is not loaded yet');
    this.name = 'ForecastingNotLoaded';
  }
}

let loaded: typeof Forecasting | undefined;

function real(): typeof Forecasting {
  if (!loaded) throw new ForecastingNotLoaded();
  return loaded;
}

export const prepareLedger: typeof Forecasting.prepareLedger = (...a) => real().prepareLedger(...a);
export const ledgerTables: typeof Forecasting.ledgerTables = (...a) => real().ledgerTables(...a);
export const runMtfp: typeof Forecasting.runMtfp = (...a) => real().runMtfp(...a);
export const withDraws: typeof Forecasting.withDraws = (...a) => real().withDraws(...a);
export const mtfpTables: typeof Forecasting.mtfpTables = (...a) => real().mtfpTables(...a);

/** Brings the forecasting engine and the validator's ledger and MTFP part in (once). */
export async function loadForecasting(): Promise<void> {
  if (loaded) return;
  const [engine, part] = await Promise.all([
    import(/* webpackChunkName: "forecasting" */ '../engine/forecasting'),
    import(/* webpackChunkName: "forecasting" */ '../format/schema-validator-forecasting'),
  ]);
  attachForecasting(part);
  loaded = engine;
}

/** `work()`, and again after loading the forecasting engine when it needed it (work must be pure). */
export async function withForecasting<T>(work: () => T): Promise<T> {
  try {
    return work();
  } catch (e) {
    // by name: the precompiled validator throws an Error of that name too
    if (!(e instanceof Error) || e.name !== 'ForecastingNotLoaded') throw e;
    await loadForecasting();
    return work();
  }
}
