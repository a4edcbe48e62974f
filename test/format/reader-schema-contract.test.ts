// The template reader enforces every rule of the outturn/v1 schema itself, so the add-in builds
// from the templates without loading the schema validator (src/taskpane/schema-validator-on-demand.ts,
// README "The add-in's JavaScript"). The contract, on generated broken sheets: whatever a finance
// officer types into any cell (or down a whole column) of the input templates, readTemplateDocument either refuses it — every
// error at a sheet and cell, in words (never the schema's own text) — or returns a document the
// schema (Ajv compiling src/format/outturn-v1.schema.json) accepts. A rule added to the schema and
// not to the reader fails here once a generated input breaks it (OUTTURN_CONTRACT_RUNS for a deeper
// search); a rule only a whole table breaks also has its own case in template-words.test.ts. Sheets: the examples (Derbyshire PCC 2020/21 and its MTFP, a month-6
// ledger, Kent Fire's reserves, North Wales Fire's month 8), one with every layout setting, and
// random documents with every optional part absent or present (test/support/random-input.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { type InputError, InvalidInput } from '../../src/format/errors';
import { type GridValue, type InputSheet, readTemplateDocument } from '../../src/format/templates';
import { schemaValidator } from '../../src/format/schema-validator';
import { templatePlan } from '../../src/plan/templates-plan';
import { grid } from '../support/template-roundtrip';
import { randomDocument, randomLedgerDocument, randomShapedDocument } from '../support/random-input';

type Doc = Record<string, any>;

/** Runs per example (random documents: half as many); OUTTURN_CONTRACT_RUNS=20000 for a deeper search. */
const RUNS = Number(process.env.OUTTURN_CONTRACT_RUNS ?? 600);

/** Ajv's own words: none may reach a user (as test/format/template-words.test.ts). */
const SCHEMA_TEXT = /must (NOT|match|have|be (string|number|integer|boolean|array|object|null|equal|>=|<=|>|<))\b|fewer than|more than \d+ (characters|items)|pattern|schema|required field|unknown field/;
/** A sheet and cell: 'Revenue input'!C4 (a range's first cell for a table-wide error). */
const CELL = /^'[^']+'!\$?[A-Z]{1,3}\$?[0-9]+/;

const example = (f: string): Doc => {
  const d = JSON.parse(readFileSync(`examples/${f}`, 'utf8')) as Doc;
  if (d.revenue?.ledger?.lines) d.revenue.ledger.lines = d.revenue.ledger.lines.slice(0, 8);
  return d;
};

/** The worked example with every layout setting given (each as a valid value), so their rows are in the templates. */
function withLayout(): Doc {
  const d = example('derbyshire-2020-21.json');
  Object.assign(d.revenue, {
    decimals: 1, varianceSign: 'budget-minus-outturn', columnOrder: ['revised', 'outturn', 'variance'], columnLabels: { outturn: 'Actual', revised: 'Budget' },
    underspendRows: 'always', basis: 'Outturn basis', narrativePercent: true, earmarkedSubtotalLabel: 'Earmarked underspends',
  });
  Object.assign(d.capital, {
    decimals: 2, varianceSign: 'outturn-minus-budget', columnOrder: ['revised', 'outturn', 'reprofile'], columnLabels: { outturn: 'Spend' }, reprofileDefault: true,
    financingAsListed: true, showVariancePercent: true, percentDecimals: 1, showSavings: false, budgetChanges: { earlierLabel: 'Approved Feb', columns: ['Slippage', 'Virement'] },
    financingVariations: false, financingTotalLabel: 'Total financing', financingColumnLabels: { amount: 'Financed' },
  });
  Object.assign(d.reserves, { decimals: 0, totalLabel: 'Total reserves', generalReserveBand: { min: '2', max: '5', minAmount: '1000' }, netRevenueBudgets: ['1000', null], narrativeYears: 'all', showMovements: true });
  return d;
}

const FIXED: Doc[] = [
  example('derbyshire-2020-21.json'), example('derbyshire-2020-21-mtfp.json'), example('derbyshire-2021-22-month6.json'),
  example('kentfire-2015-20-reserves.json'), example('nwfire-2019-20-month8.json'), withLayout(),
];

/** Cells worth typing into: each filled cell, the cell right of it and the one below (a new column or row of a table). */
function targets(sheets: InputSheet[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  sheets.forEach((s, i) => {
    const filled = (r: number, c: number) => s.values[r]?.[c] !== null && s.values[r]?.[c] !== undefined;
    const rows = s.values.length;
    const cols = Math.max(0, ...s.values.map((r) => r?.length ?? 0)) + 1;
    for (let r = 0; r <= rows; r++) for (let c = 0; c < cols; c++) if (filled(r, c) || filled(r, c - 1) || filled(r - 1, c)) out.push([i, r, c]);
  });
  return out;
}

/** What a finance officer might type (or Excel might hold): every kind of value the schema's rules could refuse. */
const typed: fc.Arbitrary<GridValue> = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, 4, 12, 13, 30, 31, -1, -5, 1.5, -0.5, 1e20, 0.1),
  fc.constantFrom(true, false, { error: '#REF!' } as unknown as GridValue, { error: '#N/A' } as unknown as GridValue, null),
  fc.constantFrom(...[0, 1, 39, 40, 41, 63, 64, 65, 79, 80, 81, 254, 255, 256, 300, 1001].map((n) => 'x'.repeat(n))),
  fc.constantFrom(' ', '-', '--', '(none)', 'Yes', 'No', 'abc', '12.5%', '-5%', '5', '-5', '1e5', '2020/21', '2020-21', '2021/23', 'next year', '£', "£'000", '£m', '£bn', 'pounds',
    'general', 'Useable', 'non-useable', 'earmarked', 'mtfp', 'Beyond-MTFP', 'contingency', 'other', 'round-each', 'ROUND-EACH', 'always', 'first', 'all', 'when-needed',
    'outturn-minus-budget', 'backwards', 'revised, revised', 'outturn, pct, flag', 'change1, change99', 'change3', 'colour', 'outturn=Actual; revised=Budget', 'label=Line',
    'nothing=Here', `outturn=${'y'.repeat(81)}`, 'a;b;a', 'a; b', Array.from({ length: 21 }, (_, i) => `c${i}`).join('; '), 'Grant', 'Borrowing', 'constructor', '__proto__', 'Scheme',
    'Single-line category', 'Memo', 'Externally funded', 'Adjustment', 'Earmarked', 'Transfer to capital', 'Section', 'income', '(all other headings)', 'x\ny', '\t'),
  fc.string({ maxLength: 6 }),
);

/** A change: [sheet, row, column, value, down] — `down`: the value typed all the way down the column, while its cells are filled (a whole table's column). */
type Change = [number, number, number, GridValue, boolean];

/** The sheets with `changes` typed in. */
function typeInto(sheets: InputSheet[], changes: Change[]): InputSheet[] {
  const out = sheets.map((s) => ({ name: s.name, values: s.values.map((r) => (r ? [...r] : [])) }));
  for (const [i, r, c, v, down] of changes) {
    (out[i].values[r] ??= [])[c] = v;
    for (let k = r + 1; down && sheets[i].values[k]?.[c] !== null && sheets[i].values[k]?.[c] !== undefined; k++) out[i].values[k][c] = v;
  }
  return out;
}

/** One change at one of `cells`: mostly a single cell, one time in four a whole column down from it. */
const changeAt = (cells: [number, number, number][]): fc.Arbitrary<Change> =>
  fc.tuple(fc.constantFrom(...cells), typed, fc.boolean(), fc.boolean()).map(([[i, r, c], v, a, b]) => [i, r, c, v, a && b]);

/** How many sets of sheets were refused and how many read (a property that only ever refused would prove nothing). */
const outcomes = { refused: 0, read: 0 };

/** The contract on one set of sheets: refused in words at a cell, or a document the schema accepts. */
function holds(sheets: InputSheet[]): void {
  let doc: Doc;
  try {
    doc = readTemplateDocument(sheets, 'input.xlsx').doc;
  } catch (e) {
    if (!(e instanceof InvalidInput)) throw e;
    outcomes.refused++;
    for (const err of e.errors as InputError[]) {
      assert.match(err.where, CELL, `an error not at a cell: ${JSON.stringify(err)}`);
      assert.doesNotMatch(err.message, SCHEMA_TEXT, `the schema's words reached the user: ${JSON.stringify(err)}`);
    }
    return;
  }
  outcomes.read++;
  const validate = schemaValidator();
  assert.ok(validate(doc), `the reader passed a document the schema refuses: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

/** `run` (a property), then both outcomes seen in earnest: at least a tenth of the runs refused and a tenth read. */
function bothWays(runs: number, run: () => void): void {
  outcomes.refused = 0;
  outcomes.read = 0;
  run();
  assert.ok(outcomes.refused >= runs / 10 && outcomes.read >= runs / 10, `refused ${outcomes.refused}, read ${outcomes.read} of ${runs}`);
}

describe('the template reader enforces every rule of the outturn/v1 schema (the add-in builds without the validator)', () => {
  it('every example, and every layout setting, unbroken: read into a document the schema accepts', () => {
    for (const d of FIXED) holds(templatePlan(d).map(grid));
  });

  for (const [name, base] of FIXED.map((d, i) => [['Derbyshire 2020/21', 'Derbyshire with its MTFP', 'Derbyshire month-6 ledger', 'Kent Fire reserves', 'North Wales Fire month 8', 'every layout setting'][i], templatePlan(d).map(grid)] as const)) {
    it(`${name}: one to three cells (or whole columns) typed over with any value, ${RUNS} times — refused at a cell in words, or schema-valid`, function () {
      this.timeout(300_000);
      const cells = targets(base);
      bothWays(RUNS, () => fc.assert(fc.property(fc.array(changeAt(cells), { minLength: 1, maxLength: 3 }), (changes) => holds(typeInto(base, changes))), { numRuns: RUNS }));
    });
  }

  it(`random documents (every optional part absent or present, ledgers, MTFPs, next year's capital) with one to three cells (or whole columns) typed over, ${RUNS / 2} times`, function () {
    this.timeout(300_000);
    const docs = fc.oneof(randomDocument(), randomLedgerDocument(), randomShapedDocument().map((x) => x.doc));
    const sheetsAndChanges = docs.chain((d) => {
      const sheets = templatePlan(d).map(grid);
      return fc.tuple(fc.constant(sheets), fc.array(changeAt(targets(sheets)), { minLength: 1, maxLength: 3 }));
    });
    bothWays(RUNS / 2, () => fc.assert(fc.property(sheetsAndChanges, ([sheets, changes]) => holds(typeInto(sheets, changes))), { numRuns: RUNS / 2 }));
  });
});
