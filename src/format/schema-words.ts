// An outturn/v1 document's schema errors in words a finance officer acts on, each at its JSON path
// (or the template cell it came from). Only a document that fails needs this: in the add-in it is a
// chunk loaded on demand with the whole validator (src/taskpane/schema-words-on-demand.ts), for a
// document from outside the input templates (whose reader words its own errors).
import type { ErrorObject } from 'ajv';
import { type InputError, jsonPath } from './errors';
import { elide, tooManyDigits } from './limits';
import { fullSchemaValidator, type SchemaValidator } from './schema-validator';

/**
 * The errors of `doc`, which `validated` (the validator toModel ran) refused: the whole validator's
 * error objects (the same validator: the whole one, in the add-in loaded on demand), in words.
 * `typed`: numbers as the JSON text wrote them, by JSON path.
 */
export function schemaErrors(doc: unknown, validated: SchemaValidator, typed?: Map<string, string>): InputError[] {
  const full = fullSchemaValidator();
  if (full !== validated) full(doc);
  return describe(full.errors ?? [], doc, typed);
}

const MONEY = 'must be money: a decimal string such as "-1234.56", or an integer JSON number';

/** What a field is, in a finance officer's words, from its JSON path: "the budget heading", "the financial year". */
export function fieldWords(path: string): string {
  const parts = path.replace(/\[(\d+)\]/g, '.#').split('.').filter((x) => x && x !== '$');
  if (parts.length === 0) return 'the document';
  const last = parts[parts.length - 1];
  const parent = parts.filter((x) => x !== '#').slice(-2, -1)[0] ?? '';
  const within = parts.join('.');
  const named: Record<string, string> = {
    organisation: "the organisation's name",
    financialYear: 'the financial year',
    rounding: 'the rounding',
    units: 'the units',
    displayUnits: 'the display units',
    totalLabel: 'the total label',
    grandTotalLabel: 'the grand total label',
    subtotalLabel: 'the sub-total label',
    heading: 'the heading',
    ref: 'the reference',
    basis: 'the basis',
    font: 'the font',
    organisationName: "the organisation's name",
    year: 'the capital year',
    nextYear: 'the next year',
    years: 'the reserve years',
    actualYears: 'the number of actual years',
    decimals: 'the decimal places',
    percentDecimals: 'the decimal places of percentages',
    month: 'the forecast month',
    columnOrder: 'the column order',
    description: 'the description',
  };
  if (last === 'label') {
    if (/revenue\.sections\.#\.lines\.#$/.test(within.replace(/\.label$/, ''))) return 'the budget heading';
    if (/revenue\.sections\.#$/.test(within.replace(/\.label$/, ''))) return 'the section heading';
    if (/schemes\.#$/.test(within.replace(/\.label$/, ''))) return 'the scheme';
    if (/categories\.#$/.test(within.replace(/\.label$/, ''))) return 'the category';
    if (/reserves\.reserves\.#$/.test(within.replace(/\.label$/, ''))) return 'the reserve';
    if (/financing\.#$/.test(within.replace(/\.label$/, ''))) return 'the financing line';
    return 'the label';
  }
  if (last === '#' && parent === 'years') return 'the reserve year';
  if (parent === 'columnLabels') return `the column label of ${last}`;
  if (within === 'capital.year') return 'the capital year';
  if (within === 'capital.nextYear') return 'the capital next year';
  if (named[last] && parts.length === 2 && /^(revenue|capital|reserves)$/.test(parts[0])) return `the ${parts[0]} ${named[last].slice(4)}`;
  if (named[last]) return named[last];
  if (last === '#') return `item ${Number(/\[(\d+)\]$/.exec(path)?.[1] ?? 0) + 1} of ${parent ? fieldWords(path.replace(/\[\d+\]$/, '')) : 'the list'}`;
  return `the ${last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

/** " (not …)": the value given, quoted when text, shortened when long; '' for nothing or a group of fields. */
function shownValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return ` (not ${elide(v)})`;
  if (typeof v === 'number' || typeof v === 'boolean') return ` (not ${String(v)})`;
  return '';
}

/**
 * An Ajv error in words a finance officer acts on, for a JSON path or the template cell it came
 * from: never the schema's own text ("must match pattern", "must NOT have fewer than 1 characters").
 */
function schemaWords(e: ErrorObject, value: unknown): string {
  const field = fieldWords(jsonPath(e.instancePath));
  const p = e.params as Record<string, unknown>;
  const typed = shownValue(value);
  switch (e.keyword) {
    case 'pattern':
      if (e.schemaPath.includes('/year')) return `write ${field} as 2020/21${typed}`;
      if (/font/.test(e.instancePath)) return `${field} is a font's name: letters, digits, spaces and hyphens${typed}`;
      return `${field} is not written as this field needs${typed}`;
    case 'minLength':
      return `${field} is blank`;
    case 'maxLength':
      return `${field} is longer than ${String(p.limit)} characters${typeof value === 'string' ? ` (it has ${value.length})` : ''}: shorten it`;
    case 'type': {
      const want: Record<string, string> = {
        string: 'text', integer: 'a whole number', number: 'a number', boolean: 'Yes or No (true or false)', array: 'a list', object: 'a group of fields', null: 'empty',
      };
      const types = String(p.type).split(',').map((t) => want[t] ?? t);
      return `${field} must be ${types.join(' or ')}${typed}`;
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return `${field} must be ${e.keyword === 'minimum' ? 'at least' : 'more than'} ${String(p.limit)}${typed}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${field} must be ${e.keyword === 'maximum' ? 'at most' : 'less than'} ${String(p.limit)}${typed}`;
    case 'minItems':
      return Number(p.limit) === 1 ? `${field}: give at least one` : `${field}: give at least ${String(p.limit)} (${Array.isArray(value) ? value.length : 0} given)`;
    case 'maxItems':
      return `${field}: at most ${String(p.limit)} (${Array.isArray(value) ? value.length : '?'} given)`;
    case 'uniqueItems':
      return `${field} lists the same entry twice (items ${Number(p.j) + 1} and ${Number(p.i) + 1})`;
    case 'minProperties':
      return `${field} is empty: give at least one of its settings`;
    default:
      return `${field} is not a value this field accepts${typed}`;
  }
}

/** A money field given as a fraction in a JSON number (1.1): what to write instead. */
function fractionMoney(raw: string): string {
  return `must be money: a decimal string ("${raw}") or a whole number — ${raw} is a fraction written as a JSON number, and money never passes through binary floating point`;
}

/** The value at an Ajv instance path of `doc`. */
function valueAt(doc: unknown, pointer: string): unknown {
  let o = doc;
  for (const p of pointer.split('/').slice(1)) {
    if (o === null || typeof o !== 'object') return undefined;
    o = (o as Record<string, unknown>)[p.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return o;
}

/** Ajv's errors, one per place, in words a finance officer can act on. */
function describe(errs: ErrorObject[], doc: unknown, typed?: Map<string, string>): InputError[] {
  const out = new Map<string, InputError>();
  const put = (where: string, message: string, strong = false) => {
    if (!out.has(where) || strong) out.set(where, { where, message });
  };
  for (const e of errs) {
    const where = jsonPath(e.instancePath);
    switch (e.keyword) {
      case 'additionalProperties':
        put(jsonPath(`${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty.replace(/~/g, '~0').replace(/\//g, '~1')}`), 'unknown field (check the spelling; unknown fields are not allowed)', true);
        break;
      case 'required':
        put(jsonPath(`${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty.replace(/~/g, '~0').replace(/\//g, '~1')}`), 'required field is missing', true);
        break;
      case 'const':
        put(where, `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`, true);
        break;
      case 'enum': {
        const v = valueAt(doc, e.instancePath);
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((x) => JSON.stringify(x));
        const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}` : allowed[0];
        put(where, `${fieldWords(where)} must be ${list}${shownValue(v)}`, true);
        break;
      }
      default:
        if (e.schemaPath.includes('/money/')) {
          const v = valueAt(doc, e.instancePath);
          const raw = typed?.get(where) ?? String(v);
          if (typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v)) put(where, fractionMoney(raw), true);
          else if (typeof v === 'number' && Number.isInteger(v)) put(where, tooManyDigits(v, typed?.get(where)), true);
          else put(where, MONEY, true);
        }
        else if (e.schemaPath.includes('/percent/')) put(where, 'must be a percentage: a decimal string such as "5" or "2.5"', true);
        else if (e.keyword === 'oneOf' && e.schemaPath.includes('categories')) {
          put(where, 'a category has either "schemes", or its own "revisedBudget" and "outturn" (a one-line category), not both', true);
        } else if (e.keyword === 'oneOf' && /^\/revenue\/sections\/\d+$/.test(e.instancePath)) {
          // Issue 11: a directorate holds its services (sections), a section its lines.
          put(where, 'a section has either "lines", or "sections" (the services of a directorate), not both', true);
        } else if (e.schemaPath.includes('/weight/')) put(where, 'must be a weight: a non-negative decimal string such as "1" or "8.5"', true);
        else if (e.schemaPath.includes('/code/')) put(where, 'must be a code: text such as "4000" or "CC100"', true);
        else if (e.keyword !== 'oneOf' && e.keyword !== 'not' && e.keyword !== 'if') {
          put(where, schemaWords(e, valueAt(doc, e.instancePath)));
        }
    }
  }
  void doc;
  // Never an empty list: a schema failure with no error put above still names its place.
  if (out.size === 0 && errs.length) put(jsonPath(errs[0].instancePath), errs[0].message ?? 'invalid');
  return [...out.values()];
}
