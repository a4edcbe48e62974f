// What the add-in's engine worker bundles in place of src/engine/forecasting.ts (webpack.config.js):
// the same functions, which call the real ones once loadForecasting() has brought them in as a
// chunk of their own (forecasting.js, with the ledger and MTFP part of the outturn/v1 validator),
// and until then throw ForecastingNotLoaded (the validator, an Error of that name). A build of the
// statutory tables alone (no ledger, no MTFP: the worked example) never loads them; the worker
// loads them and builds again when a build needs them (withForecasting). The build is pure, so
// building again gives what the first build would have.
import type * as Forecasting from '../engine/forecasting';
import { attachForecasting } from '../format/schema-validator';
import { loadSchemaWords, schemaWordsLoaded } from './schema-words-on-demand';

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

/**
 * `work()`, and again after loading what it needed (work must be pure): the forecasting engine
 * (ForecastingNotLoaded), or the whole validator to word a document's errors (SchemaErrorsNotLoaded: src/taskpane/schema-words-on-demand.ts).
 */
export async function withForecasting<T>(work: () => T): Promise<T> {
  for (;;) {
    try {
      return work();
    } catch (e) {
      // by name: the precompiled validator throws Errors of these names too
      if (e instanceof Error && e.name === 'ForecastingNotLoaded' && !loaded) await loadForecasting();
      else if (e instanceof Error && e.name === 'SchemaErrorsNotLoaded' && !schemaWordsLoaded()) await loadSchemaWords();
      else throw e;
    }
  }
}
