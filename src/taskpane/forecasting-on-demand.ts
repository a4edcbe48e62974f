// What the add-in's engine worker bundles in place of src/engine/forecasting.ts (webpack.config.js):
// the same functions, which call the real ones once loadForecasting() has brought them in as a
// chunk of their own (forecasting.js), and until then throw ForecastingNotLoaded. A build of the
// statutory tables alone (no ledger, no MTFP: the worked example) never loads them; the worker
// loads them and builds again when a build needs them (withForecasting). The build is pure, so
// building again gives what the first build would have.
import type * as Forecasting from '../engine/forecasting';
import type * as ForecastModel from '../format/forecast-model';
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
let model: typeof ForecastModel | undefined;

function real(): typeof Forecasting {
  if (!loaded) throw new ForecastingNotLoaded();
  return loaded;
}

function realModel(): typeof ForecastModel {
  if (!model) throw new ForecastingNotLoaded();
  return model;
}

export const prepareLedger: typeof Forecasting.prepareLedger = (...a) => real().prepareLedger(...a);
export const ledgerTables: typeof Forecasting.ledgerTables = (...a) => real().ledgerTables(...a);
export const runMtfp: typeof Forecasting.runMtfp = (...a) => real().runMtfp(...a);
export const withDraws: typeof Forecasting.withDraws = (...a) => real().withDraws(...a);
export const mtfpTables: typeof Forecasting.mtfpTables = (...a) => real().mtfpTables(...a);
export const capitalForecastTables: typeof Forecasting.capitalForecastTables = (...a) => real().capitalForecastTables(...a);
// the document's ledger and MTFP as the engine's model (src/format/forecast-model.ts, as validate.ts imports it)
export const ledgerModel: typeof ForecastModel.ledgerModel = (...a) => realModel().ledgerModel(...a);
export const mtfpModel: typeof ForecastModel.mtfpModel = (...a) => realModel().mtfpModel(...a);

/** Brings the forecasting engine and the ledger and MTFP model readers in (once). */
export async function loadForecasting(): Promise<void> {
  if (loaded) return;
  const [engine, readers] = await Promise.all([
    import(/* webpackChunkName: "forecasting" */ '../engine/forecasting'),
    import(/* webpackChunkName: "forecasting" */ '../format/forecast-model'),
  ]);
  model = readers;
  loaded = engine;
}

/**
 * `work()`, and again after loading what it needed (work must be pure): the forecasting engine
 * (ForecastingNotLoaded), or the validator with its words for a document from outside the
 * templates (SchemaErrorsNotLoaded: src/taskpane/schema-validator-on-demand.ts, schema-words-on-demand.ts).
 */
export async function withForecasting<T>(work: () => T): Promise<T> {
  for (;;) {
    try {
      return work();
    } catch (e) {
      // by name: the add-in's stand-in validator throws an Error named SchemaErrorsNotLoaded
      if (e instanceof Error && e.name === 'ForecastingNotLoaded' && !loaded) await loadForecasting();
      else if (e instanceof Error && e.name === 'SchemaErrorsNotLoaded' && !schemaWordsLoaded()) await loadSchemaWords();
      else throw e;
    }
  }
}
