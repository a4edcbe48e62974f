// What the add-in's engine worker bundles in place of src/format/schema-validator.ts
// (webpack.config.js): no validator at all until one is needed. Every document the worker builds
// comes from the template reader (src/format/templates.ts readTemplateDocument), which enforces
// every rule of the outturn/v1 schema itself, each error in words at its sheet and cell
// (test/format/reader-schema-contract.test.ts), so toModel leaves the schema check out for it
// (CHECKS_READER_DOCUMENTS false). A document from anywhere else would need the validator:
// schemaValidator() then throws SchemaErrorsNotLoaded, the worker loads the whole validator with
// its words (schema-errors.js, src/taskpane/schema-words-on-demand.ts) and builds again.
import type { SchemaValidator } from '../format/schema-validator';

export type { SchemaValidator };

/** Ajv's options (those of src/format/schema-validator.ts; the loaded validator was compiled with them). */
export const AJV_OPTIONS = { allErrors: true, strict: true, strictRequired: false } as const;

/** The add-in's validator is Ajv's standalone code (scripts/ajv-standalone.cjs), loaded on demand. */
export const PRECOMPILED = true;

/** The template reader's documents are not checked again here (see the file's head). */
export const CHECKS_READER_DOCUMENTS = false;

let full: SchemaValidator | undefined;

function loaded(): SchemaValidator {
  if (!full) {
    const e = new Error("the outturn/v1 validator is not loaded yet");
    e.name = 'SchemaErrorsNotLoaded';
    throw e;
  }
  return full;
}

/** The whole validator once loaded (attachFull); until then throws an Error named "SchemaErrorsNotLoaded". */
export function schemaValidator(): SchemaValidator {
  return loaded();
}

/** The same validator: the loaded one has its error objects, which the words read. */
export function fullSchemaValidator(): SchemaValidator {
  return loaded();
}

/** Attaches the whole validator (the schema-errors chunk's schema-validator-full). */
export function attachFull(m: { schemaValidator(): SchemaValidator }): void {
  full = m.schemaValidator();
}
