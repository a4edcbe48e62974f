// A table's columns as its body prints them (issue 11): the order of the figure columns (some
// bodies print Actual before Budget) and their captions ("Actual", "Budget", "Variance"). Applied
// to the column list before any row is added, so every cell reference follows the new order.
import type { Column, TableLayout } from './model';

/**
 * The columns in the body's order, with the body's captions.
 * @param columns the default columns; the text and ref columns stay first
 * @param layout `columnOrder`: ids in print order (ids not listed follow in their default order;
 *   ids the table does not have are ignored — the validator refuses unknown ids);
 *   `columnLabels`: caption by column id, replacing the caption line (the line above the units)
 */
export function arrangeColumns(columns: Column[], layout: TableLayout | undefined): Column[] {
  if (!layout?.columnOrder && !layout?.columnLabels) return columns;
  const fixed = columns.filter((c) => c.kind === 'text' || c.kind === 'ref');
  const rest = columns.filter((c) => c.kind !== 'text' && c.kind !== 'ref');
  const order = layout.columnOrder ?? [];
  const listed = order.map((id) => rest.find((c) => c.id === id)).filter((c): c is Column => c !== undefined);
  const ordered = [...fixed, ...listed, ...rest.filter((c) => !listed.includes(c))];
  const labels = layout.columnLabels ?? {};
  return ordered.map((c) => {
    const label = labels[c.id];
    if (label === undefined) return c;
    const header = [...c.header];
    const at = header.length >= 2 ? header.length - 2 : 0;
    header[at] = label;
    return { ...c, header };
  });
}
