// Findings about single cells, and what each layout needs.
import type { Layout } from './detect';
import type { Audit } from './context';
import { NOT_APPLICABLE } from './grid';

export function cellRules(a: Audit): void {
  for (const row of a.t.rows) {
    for (const [c, x] of row.cells) {
      if (x.kind === 'text' && a.col(c).percent && NOT_APPLICABLE.test(x.text)) {
        a.note(row, c, 'printed.not-applicable', `${a.describe(row, c)}: printed ${x.text.trim()}, a percentage not applicable (nothing to divide by): not read`);
      } else if (x.kind === 'text') {
        a.findings.push({
          severity: 'error',
          table: a.layout,
          ...a.loc(row, c),
          rule: 'printed.unreadable',
          message: `${a.describe(row, c)}: ${x.reason}; the cell is not read, and nothing that depends on it is checked`,
          printed: x.text,
        });
      } else if (x.kind === 'number' && x.negativeZero) {
        a.findings.push({
          severity: 'note',
          table: a.layout,
          ...a.loc(row, c),
          rule: 'printed.negative-zero',
          message: `${a.describe(row, c)}: printed ${x.raw}, a negative nil (a small negative figure rounded away; legitimate, but readers may ask)`,
          printed: x.raw,
        });
      }
      if (x.kind === 'number' && x.marker) {
        a.note(row, c, 'printed.footnote-marker', `${a.describe(row, c)}: printed ${x.raw}; read as ${x.value.toFixed()}, the footnote marker ${x.marker} set aside`);
      }
      if (x.kind === 'number' && x.unit) {
        a.note(row, c, 'printed.unit-in-cell', `${a.describe(row, c)}: printed ${x.raw}; read as ${x.value.toFixed()}, the unit "${x.unit}" inside the cell set aside (the column's units: ${a.units(c) ?? 'not stated'})`);
      }
    }
    if (row.labelIn !== undefined) {
      a.note(row, row.labelIn, 'printed.label-in-figures', `"${row.label}" is printed in the column of figures ${a.col(row.labelIn).caption || ''} with the label column empty (as a copy from a PDF leaves it): read as the row's label`);
    }
  }
}

/** The columns a layout cannot do without, as the message of a refused --table names them. */
export function requiredRoles(layout: Layout): string {
  switch (layout) {
    case 'revenue':
      return 'revised budget, outturn, and a variance or original budget';
    case 'forecast':
      return 'revised budget, actual to date, the rest of the year, and forecast outturn';
    case 'ledger':
      return 'a ledger total row and a difference row';
    case 'programme':
      return 'approved budget, reprofile, and the programme, without an outturn';
    case 'financing':
      return 'a total financing row and a difference row';
    case 'mtfp':
      return 'budget requirement, funding and budget gap rows';
    case 'scenarios':
      return 'budget gap and gap not funded columns';
    case 'capital':
      return 'revised budget, outturn, and budget remaining or reprofile';
    case 'reserves':
      return 'movements and closing balances';
    case 'auto':
      return 'figures';
  }
}
