// Decimal text to a spreadsheet number without decimal.js: for the task pane, which writes the
// engine's figures into cells but computes no money (the engine runs in the worker), so its bundle
// need not carry decimal.js. Agrees with toSpreadsheetNumber (src/base/decimal.ts) on every
// decimal (a property test: test/engine/spreadsheet-number.test.ts).

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

/**
 * The spreadsheet number (IEEE double) of decimal text such as "-6994481" or "24978.41".
 * Exact: a decimal of at most 15 significant digits survives the double and Excel's display
 * unchanged. Throws, as toSpreadsheetNumber does, on more digits, and on text that is not a decimal.
 */
export function spreadsheetNumber(v: string): number {
  if (!DECIMAL.test(v)) throw new Error(`not a decimal: ${JSON.stringify(v)}`);
  const digits = v.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  if (digits.length > 15) {
    throw new Error(`${v.replace(/^(-?)0+(?=[0-9])/, '$1').replace(/(\.[0-9]*?)0+$/, '$1').replace(/\.$/, '')} has more than 15 significant digits and would change in a spreadsheet cell`);
  }
  const n = Number(v);
  return n === 0 ? 0 : n; // no negative zero, as text() writes none
}
