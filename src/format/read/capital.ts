// Table 2's input: the CapitalLines table (schemes grouped in categories, one-line categories,
// externally funded schemes, memo lines), from the template sheet or the user's mapped range.
import { a1, sheetRef } from '../../base/a1';
import { isBlank } from '../../base/cells';
import { CAPITAL_TYPES, capitalLinesTable, TEMPLATE_SHEETS } from '../template-tables';
import type { MoneyText, ReadContext } from './context';

export interface SchemeDoc {
  label: string;
  ref?: string;
  revisedBudget: MoneyText;
  outturn: MoneyText;
  reprofile?: MoneyText;
  originalBudget?: MoneyText;
  /** issue 11: the Earlier budget and Change: … columns */
  earlierBudget?: MoneyText;
  changes?: Record<string, MoneyText>;
  /** from the CapitalNextYear table (./capital-forecast.ts) */
  nextYearBudget?: MoneyText;
}
/** A category of schemes, or a one-line category (figures of its own, no schemes). */
export interface CategoryDoc {
  label: string;
  ref?: string;
  totalLabel?: string;
  schemes?: SchemeDoc[];
  revisedBudget?: MoneyText;
  outturn?: MoneyText;
  reprofile?: MoneyText;
  nextYearBudget?: MoneyText;
  originalBudget?: MoneyText;
  earlierBudget?: MoneyText;
  changes?: Record<string, MoneyText>;
}
export interface CapitalLinesDoc {
  categories: CategoryDoc[];
  externallyFunded: { label: string; ref?: string; outturn: MoneyText }[];
  memo: { label: string; ref?: string; outturn: MoneyText }[];
}

/**
 * The capital lines; undefined when there is no table (an error says so).
 * @param changes issue 11: the captions of the in-year budget changes (the *Capital budget changes* setting), when set
 */
export function readCapitalLines(ctx: ReadContext, changes?: string[]): CapitalLinesDoc | undefined {
  const CAPITAL_LINES = capitalLinesTable(changes);
  const cs = ctx.sheet(TEMPLATE_SHEETS.capital);
  const t = ctx.table(CAPITAL_LINES, cs);
  if (!t) {
    if (!ctx.errors.length && cs) ctx.errors.push({ where: sheetRef(cs.name, 'A1'), message: 'no CapitalLines table' });
    return undefined;
  }
  ctx.trace('$.capital', sheetRef(t.sheet, a1(t.headerRow, t.col0)));
  if (t.rows.length === 0) ctx.empty.push({ table: 'capital', f: t, t: CAPITAL_LINES, what: 'one row per scheme' });
  const out: CapitalLinesDoc = { categories: [], externallyFunded: [], memo: [] };
  const { categories } = out;
  for (const row of t.rows) {
    const [type, category, categoryRef, label, ref] = row.cells.slice(0, 5).map(ctx.cellText);
    const kind = CAPITAL_TYPES.find((k) => k.toLowerCase() === type.toLowerCase());
    const cell = (col: string) => ctx.at(t, row, col, CAPITAL_LINES);
    if (!kind) {
      ctx.errors.push({ where: cell('Type'), message: `type must be one of ${CAPITAL_TYPES.join(', ')}; not "${type}"` });
      continue;
    }
    // Each text as outturn/v1 holds it: a category's name (a one-line category's may be its Label), the line's label, references.
    if (kind === 'Scheme' || category) ctx.text(category, cell('Category'), 'the category', 'label');
    if (kind !== 'Single-line category' || !category) ctx.text(label, cell('Label'), kind === 'Scheme' ? 'the scheme' : kind === 'Single-line category' ? 'the category' : `the ${kind.toLowerCase()} line`, 'label');
    ctx.text(categoryRef, cell('Category ref'), "the category's reference", 'ref');
    ctx.text(ref, cell('Ref'), 'the reference', 'ref');
    const fig = (col: string, path: string) => ctx.moneyOr0(row.cells[CAPITAL_LINES.columns.indexOf(col)], cell(col), path);
    // A blank reprofile is the officer leaving the default (remaining budget, nil if overspent).
    const reprofile = (path: string) => (isBlank(row.cells[7]) ? {} : { reprofile: fig('Reprofile', `${path}.reprofile`) });
    // Issue 11: the optional Original programme column (blank: not given).
    const original = (path: string) => ({
      ...(isBlank(row.cells[9]) ? {} : { originalBudget: fig('Original programme', `${path}.originalBudget`) }),
      ...budgetChanges(path),
    });
    // Issue 11: the earlier budget and each change (blank: nil), when the table has budget changes.
    const budgetChanges = (path: string) => {
      if (!changes) return {};
      const out: Record<string, MoneyText> = {};
      for (const c of changes) {
        if (!isBlank(row.cells[CAPITAL_LINES.columns.indexOf(`Change: ${c}`)])) out[c] = fig(`Change: ${c}`, `${path}.changes`);
      }
      return { earlierBudget: fig('Earlier budget', `${path}.earlierBudget`), ...(Object.keys(out).length ? { changes: out } : {}) };
    };
    if (kind === 'Scheme') {
      let cat = categories[categories.length - 1];
      if (!cat || cat.label !== category || !cat.schemes) {
        const totalLabel = ctx.cellText(row.cells[8]); // issue 11: the optional Category total label column
        if (totalLabel) ctx.text(totalLabel, cell('Category total label'), "the category's total label", 'label');
        cat = { label: category, ...(categoryRef ? { ref: categoryRef } : {}), ...(totalLabel ? { totalLabel } : {}), schemes: [] };
        categories.push(cat);
        ctx.trace(`$.capital.categories[${categories.length - 1}]`, cell('Category'));
        ctx.trace(`$.capital.categories[${categories.length - 1}].label`, cell('Category'));
      }
      const schemes = cat.schemes!;
      const path = `$.capital.categories[${categories.length - 1}].schemes[${schemes.length}]`;
      ctx.trace(path, cell('Label'));
      ctx.trace(`${path}.label`, cell('Label'));
      schemes.push({
        label,
        ...(ref ? { ref } : {}),
        ...original(path),
        revisedBudget: fig('Revised budget', `${path}.revisedBudget`),
        outturn: fig('Outturn', `${path}.outturn`),
        ...reprofile(path),
      });
    } else if (kind === 'Single-line category') {
      const path = `$.capital.categories[${categories.length}]`;
      ctx.trace(path, cell('Category'));
      categories.push({
        label: category || label,
        ...(categoryRef || ref ? { ref: categoryRef || ref } : {}),
        ...original(path),
        revisedBudget: fig('Revised budget', `${path}.revisedBudget`),
        outturn: fig('Outturn', `${path}.outturn`),
        ...reprofile(path),
      });
    } else {
      const list = kind === 'Externally funded' ? out.externallyFunded : out.memo;
      const path = `$.capital.${kind === 'Externally funded' ? 'externallyFunded' : 'memo'}[${list.length}]`;
      ctx.trace(path, cell('Label'));
      list.push({ label, ...(ref ? { ref } : {}), outturn: fig('Outturn', `${path}.outturn`) });
    }
  }
  // Table 2 is the programme: externally funded and memo lines are only printed beside it.
  if (t.rows.length > 0 && categories.length === 0 && !ctx.errors.length) {
    ctx.errors.push({ where: sheetRef(t.sheet, a1(t.headerRow, t.col0)), message: `the ${CAPITAL_LINES.name} table has no Scheme or Single-line category row: Table 2 needs at least one (externally funded and memo lines are printed beside the programme)` });
  }
  return out;
}
