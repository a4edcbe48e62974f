// What the add-in's engine worker bundles in place of src/format/schema-words.ts (webpack.config.js,
// for validate.ts's import only): the same function, which calls the real one once
// loadSchemaWords() has brought it in — with the whole outturn/v1 validator, whose error objects it
// words — as a chunk of its own (schema-errors.js), and until then throws SchemaErrorsNotLoaded.
// A build from the input templates needs neither: the template reader enforces every schema rule
// itself (src/taskpane/schema-validator-on-demand.ts). Only a document from outside the templates
// would load them; the worker then builds again (withForecasting: the build is pure).
import type * as Words from '../format/schema-words';
import { attachFull } from '../format/schema-validator';

let loaded: typeof Words | undefined;

/** Thrown by schemaErrors before loadSchemaWords(): never reaches a user. */
export class SchemaErrorsNotLoaded extends Error {
  constructor() {
    super("the outturn/v1 validator's error words are not loaded yet");
    this.name = 'SchemaErrorsNotLoaded';
  }
}

export const schemaErrors: typeof Words.schemaErrors = (...a) => {
  if (!loaded) throw new SchemaErrorsNotLoaded();
  return loaded.schemaErrors(...a);
};

/** Whether the words are loaded (a second SchemaErrorsNotLoaded after loading is a fault, rethrown). */
export function schemaWordsLoaded(): boolean {
  return loaded !== undefined;
}

/** Brings the words and the whole validator in (once). */
export async function loadSchemaWords(): Promise<void> {
  if (loaded) return;
  const [words, full] = await Promise.all([
    import(/* webpackChunkName: "schema-errors" */ '../format/schema-words'),
    import(/* webpackChunkName: "schema-errors" */ '../format/schema-validator-full'),
  ]);
  attachFull(full);
  loaded = words;
}
