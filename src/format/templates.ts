// The input templates: the sheets and Excel tables (fixed column names) a finance officer fills,
// the add-in inserts and `outturn build INPUT.xlsx` reads. Pure: hosts hand in each sheet as a grid
// of values; the reader turns them into an outturn/v1 document, every figure traced to its cell.
import { text, fromSpreadsheetNumber } from '../base/decimal';
import { parsePrinted } from '../base/printed';
import type { OutturnInput } from '../engine/model';
import { a1, sheetRef } from '../base/a1';
import { cellText, type GridValue, type InputSheet } from '../base/cells';
import { type Found, findTable } from './find-table';
import {
  BELOW_LINE_TYPES, CAPITAL_LINES, CAPITAL_TYPES, LAYOUT_SETTINGS, REVENUE_BELOW_LINE, REVENUE_LINES, reserveLinesTable, SETTINGS, SETTINGS_TABLE, TEMPLATE_SHEETS, type TemplateTable,
} from './template-tables';
import { layoutSetting } from './layout-settings';
import { type InputError, InvalidInput } from './errors';
import { toModel } from './validate';
import { readForecastTemplates } from './forecast-templates';
import { applyMapping, type RangeMapping } from './mapping';

// The definitions and the cell types, where other modules have long imported them from.
export type { GridValue, InputSheet } from '../base/cells';
export { findTable } from './find-table';
export {
  CAPITAL_LINES, REVENUE_BELOW_LINE, REVENUE_LINES, reserveLinesTable, SETTINGS, SETTINGS_TABLE, TEMPLATE_SHEETS, type TemplateTable,
} from './template-tables';

/** A cell as a host reads it: typed number, text, boolean, blank, or an error value such as #REF!. */

/**
 * Reads the template sheets into a validated model; every error names its sheet and cell.
 * `mappings`: ranges of the user's own sheets read instead of (or without) a template table.
 */
export function readTemplates(sheets: InputSheet[], name = 'workbook', notes?: InputError[], mappings: RangeMapping[] = []): OutturnInput {
  const errors: InputError[] = [];
  const sources = new Map<string, string>();
  const bySheet = new Map(sheets.map((s) => [s.name.trim().toLowerCase(), s]));
  const sheet = (n: string) => bySheet.get(n.toLowerCase());
  const at = (f: Found, row: { r: number }, col: string, t: TemplateTable) => {
    const c = f.cols[t.columns.indexOf(col)];
    return sheetRef(f.sheet, a1(row.r, c >= 0 ? c : f.col0));
  };
  /** a template table read from the user's mapped range instead, when one is mapped */
  const mapped = (t: TemplateTable): Found | undefined | 'none' => {
    const m = mappings.find((x) => x.table === t.name);
    if (!m) return 'none';
    const s = sheet(m.sheet);
    if (!s) {
      errors.push({ where: sheetRef(m.sheet, m.address.split(':')[0]), message: `the sheet "${m.sheet}" holding the range mapped as ${t.name} is not in the workbook: map the range again, or remove the mapping` });
      return undefined;
    }
    const f = applyMapping(s, m, t, errors, notes);
    if (f) notes?.push({ where: sheetRef(f.sheet, a1(f.headerRow, f.col0)), message: `the ${t.name} input is read from your mapped range ${sheetRef(f.sheet, m.address)} (${f.rows.length} line${f.rows.length === 1 ? '' : 's'})` });
    return f;
  };
  const isMapped = (name: string) => mappings.some((x) => x.table === name);
  const revenueMapped = isMapped(REVENUE_LINES.name);
  /** the input sheets a mapped range stands in for (their settings are read without the template sheet) */
  const mappedArea: Record<string, boolean> = { revenue: revenueMapped, capital: isMapped(CAPITAL_LINES.name), reserves: isMapped('ReserveLines') };

  /** money from a cell: typed number, or printed text; blank and dashes are nil */
  const money = (v: GridValue, where: string, path: string): string | undefined => {
    sources.set(path, where);
    if (v !== null && typeof v === 'object') {
      errors.push({ where, message: `holds the error ${v.error}; enter a number` });
      return undefined;
    }
    if (typeof v === 'boolean') {
      errors.push({ where, message: `holds ${v ? 'TRUE' : 'FALSE'}; enter a number` });
      return undefined;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        errors.push({ where, message: 'is not a finite number' });
        return undefined;
      }
      return text(fromSpreadsheetNumber(v));
    }
    const p = parsePrinted(v);
    if (p.kind === 'blank') return '0';
    if (p.kind === 'unreadable') {
      errors.push({ where, message: `${JSON.stringify(v)} is not an amount (write 1234.56, 1,234, (1,234), £1,234.56, - or leave blank)` });
      return undefined;
    }
    if (p.percent) {
      errors.push({ where, message: `${JSON.stringify(v)} is a percentage; enter an amount` });
      return undefined;
    }
    return text(p.value);
  };

  // Settings.
  const settingsSheet = sheet(TEMPLATE_SHEETS.settings);
  if (!settingsSheet) throw new InvalidInput([{ where: name, message: `no "${TEMPLATE_SHEETS.settings}" sheet: insert the input templates first` }]);
  const st = findTable(settingsSheet, SETTINGS_TABLE, errors, notes);
  if (!st) {
    if (!errors.length) errors.push({ where: sheetRef(settingsSheet.name, 'A1'), message: 'no OutturnSettings table (headers Setting, Value)' });
    throw new InvalidInput(errors);
  }
  sources.set('$', sheetRef(st.sheet, a1(st.headerRow, st.col0)));
  /** an input table with a header and no rows is an error at its header */
  const empty: ['revenue' | 'capital' | 'reserves', Found, TemplateTable][] = [];
  const noRows = (f: Found, t: TemplateTable, what: string) => {
    if (f.rows.length === 0) errors.push({ where: sheetRef(f.sheet, a1(f.headerRow, f.col0)), message: `the ${t.name} table has no rows: enter ${what}` });
  };
  const settings = new Map<string, { v: GridValue; where: string }>();
  for (const row of st.rows) {
    const key = cellText(row.cells[0]).toLowerCase();
    const where = sheetRef(st.sheet, a1(row.r, st.col0 + 1));
    if (!SETTINGS.some(([label]) => label.toLowerCase() === key) && !LAYOUT_SETTINGS.some(([label]) => label.toLowerCase() === key)) {
      errors.push({ where: sheetRef(st.sheet, a1(row.r, st.col0)), message: `unknown setting "${cellText(row.cells[0])}"` });
      continue;
    }
    settings.set(key, { v: row.cells[1], where });
  }
  const doc: Record<string, unknown> = { format: 'outturn/v1' };
  const set = (path: string, value: unknown, where: string) => {
    const parts = path.split('.');
    let o = doc as Record<string, unknown>;
    for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
    o[parts[parts.length - 1]] = value;
    sources.set(`$.${path}`, where);
  };
  for (const [label, path] of SETTINGS) {
    const s = settings.get(label.toLowerCase());
    if (!s || s.v === null || (typeof s.v === 'string' && s.v.trim() === '')) continue;
    const table = path.split('.')[0];
    if (['revenue', 'capital', 'reserves'].includes(table) && !sheet(TEMPLATE_SHEETS[table as 'revenue']) && !mappedArea[table]) continue;
    if (typeof s.v === 'object') {
      errors.push({ where: s.where, message: `holds the error ${s.v.error}` });
      continue;
    }
    let value: unknown = typeof s.v === 'string' ? s.v.trim() : s.v;
    if (/(Budget requirement change|amount|Net revenue budget)$/i.test(label)) value = money(s.v, s.where, `$.${path}`);
    else if (/^Show /.test(label)) value = typeof s.v === 'boolean' ? s.v : /^(yes|true|y|1)$/i.test(String(value)); // before /%$/: "Show variance %" is a yes/no
    else if (/%$/.test(label)) value = typeof s.v === 'number' ? text(fromSpreadsheetNumber(s.v)) : String(value).replace(/%$/, '').trim();
    else if (label === 'Reserve years') value = String(value).split(/[,;]\s*|\s+/).filter(Boolean);
    else if (label === 'Actual years') value = typeof s.v === 'number' ? s.v : Number.parseInt(String(value), 10);
    else if (typeof value === 'number') value = String(value);
    if (value !== undefined) set(path, value, s.where);
  }
  for (const [label, path, kind] of LAYOUT_SETTINGS) {
    const s = settings.get(label.toLowerCase());
    if (!s || s.v === null || (typeof s.v === 'string' && s.v.trim() === '')) continue;
    const table = path.split('.')[0];
    if (!sheet(TEMPLATE_SHEETS[table as 'revenue']) && !mappedArea[table]) continue;
    const value = layoutSetting(kind, s.v, s.where, errors, (v) => money(v, s.where, `$.${path}`));
    if (value !== undefined) set(path, value, s.where);
  }
  const capDoc = doc.capital as Record<string, unknown> | undefined;
  if (capDoc?.heading === '(none)') capDoc.heading = '';
  // A band finding names the settings cell of the band.
  const band = settings.get('general reserve band min %') ?? settings.get('general reserve minimum amount');
  if (band) sources.set('$.reserves.generalReserveBand', band.where);

  // Revenue.
  const rs = sheet(TEMPLATE_SHEETS.revenue);
  if (rs || revenueMapped) {
    const rev = (doc.revenue ??= {}) as Record<string, unknown>;
    const fromRange = mapped(REVENUE_LINES);
    const lines = fromRange === 'none' ? findTable(rs!, REVENUE_LINES, errors, notes) : fromRange;
    if (lines) {
      sources.set('$.revenue', sheetRef(lines.sheet, a1(lines.headerRow, lines.col0)));
      if (lines.rows.length === 0) empty.push(['revenue', lines, REVENUE_LINES]);
      const sections: { label?: string; subtotalLabel?: string; lines: unknown[] }[] = [];
      let current: string | undefined;
      let closed = false;
      // Issue 11: an Original budget column left blank on every line is "not published".
      const noOriginal = lines.rows.length > 0 && lines.rows.every((row) => cellText(row.cells[4]) === '');
      lines.rows.forEach((row) => {
        const [section, subtotal, label, ref] = row.cells.slice(0, 4).map(cellText);
        const income = cellText(row.cells[7]).toLowerCase();
        // A section runs while the Section column is unchanged; a Sub-total label on a line closes it there.
        if (sections.length === 0 || section !== current || closed) {
          sections.push({ lines: [], ...(section ? { label: section } : {}) });
          current = section;
        }
        const s = sections[sections.length - 1] as { label?: string; subtotalLabel?: string; income?: boolean; lines: unknown[] };
        if (subtotal) s.subtotalLabel = subtotal;
        if (income === 'section') s.income = true;
        else if (income !== '' && !/^(yes|y|true|income|no|n|false)$/.test(income)) {
          errors.push({ where: at(lines, row, 'Income', REVENUE_LINES), message: `Income must be Yes (this line is income, typed as printed), Section (the whole section is) or blank, not "${cellText(row.cells[7])}"` });
        }
        closed = subtotal !== '';
        const i = sections.length - 1;
        const j = s.lines.length;
        const path = `$.revenue.sections[${i}].lines[${j}]`;
        sources.set(path, at(lines, row, 'Budget heading', REVENUE_LINES));
        sources.set(`${path}.label`, at(lines, row, 'Budget heading', REVENUE_LINES));
        s.lines.push({
          label,
          ...(ref ? { ref } : {}),
          ...(noOriginal ? {} : { originalBudget: money(row.cells[4], at(lines, row, 'Original budget', REVENUE_LINES), `${path}.originalBudget`) ?? '0' }),
          revisedBudget: money(row.cells[5], at(lines, row, 'Revised budget', REVENUE_LINES), `${path}.revisedBudget`) ?? '0',
          outturn: money(row.cells[6], at(lines, row, 'Outturn', REVENUE_LINES), `${path}.outturn`) ?? '0',
          ...(/^(yes|y|true|income)$/.test(income) ? { income: true } : {}),
        });
      });
      rev.sections = sections;
    } else if (!errors.length && rs) errors.push({ where: sheetRef(rs.name, 'A1'), message: 'no RevenueLines table' });
    const belowRange = mapped(REVENUE_BELOW_LINE);
    const below = belowRange !== 'none' ? belowRange : rs ? findTable(rs, REVENUE_BELOW_LINE, errors, notes) : undefined;
    if (below) {
      const adjustments: unknown[] = [];
      const earmarked: unknown[] = [];
      below.rows.forEach((row) => {
        const [type, label, , reserve] = row.cells.map(cellText);
        const kind = BELOW_LINE_TYPES.find((k) => k.toLowerCase() === type.toLowerCase());
        const where = at(below, row, 'Amount', REVENUE_BELOW_LINE);
        if (!kind) {
          errors.push({ where: at(below, row, 'Type', REVENUE_BELOW_LINE), message: `type must be ${BELOW_LINE_TYPES.join(' or ')}, not "${type}"` });
          return;
        }
        const list = kind === 'Adjustment' ? adjustments : earmarked;
        const path = `$.revenue.${kind === 'Adjustment' ? 'adjustments' : 'earmarked'}[${list.length}]`;
        sources.set(path, at(below, row, 'Label', REVENUE_BELOW_LINE));
        sources.set(`${path}.label`, at(below, row, 'Label', REVENUE_BELOW_LINE));
        list.push({ label, amount: money(row.cells[2], where, `${path}.amount`) ?? '0', ...(kind === 'Earmarked' && reserve ? { reserve } : {}) });
      });
      rev.adjustments = adjustments;
      rev.earmarked = earmarked;
    }
  }

  // Capital.
  const cs = sheet(TEMPLATE_SHEETS.capital);
  if (cs || mappedArea.capital) {
    const cap = (doc.capital ??= {}) as Record<string, unknown>;
    const capRange = mapped(CAPITAL_LINES);
    const t = capRange === 'none' ? findTable(cs!, CAPITAL_LINES, errors, notes) : capRange;
    if (t) {
      sources.set('$.capital', sheetRef(t.sheet, a1(t.headerRow, t.col0)));
      if (t.rows.length === 0) empty.push(['capital', t, CAPITAL_LINES]);
      const categories: Record<string, unknown>[] = [];
      const ext: unknown[] = [];
      const memo: unknown[] = [];
      t.rows.forEach((row) => {
        const [type, category, categoryRef, label, ref] = row.cells.slice(0, 5).map(cellText);
        const kind = CAPITAL_TYPES.find((k) => k.toLowerCase() === type.toLowerCase());
        const cell = (col: string) => at(t, row, col, CAPITAL_LINES);
        if (!kind) {
          errors.push({ where: cell('Type'), message: `type must be one of ${CAPITAL_TYPES.join(', ')}; not "${type}"` });
          return;
        }
        const fig = (col: string, path: string) => money(row.cells[CAPITAL_LINES.columns.indexOf(col)], cell(col), path) ?? '0';
        if (kind === 'Scheme') {
          let cat = categories[categories.length - 1];
          if (!cat || cat.label !== category || !cat.schemes) {
            cat = { label: category, ...(categoryRef ? { ref: categoryRef } : {}), schemes: [] };
            const totalLabel = cellText(row.cells[8]);
            if (totalLabel) cat.totalLabel = totalLabel;
            categories.push(cat);
            sources.set(`$.capital.categories[${categories.length - 1}]`, cell('Category'));
            sources.set(`$.capital.categories[${categories.length - 1}].label`, cell('Category'));
          }
          const schemes = cat.schemes as unknown[];
          const path = `$.capital.categories[${categories.length - 1}].schemes[${schemes.length}]`;
          sources.set(path, cell('Label'));
          sources.set(`${path}.label`, cell('Label'));
          const reprofileBlank = row.cells[7] === null || (typeof row.cells[7] === 'string' && row.cells[7].trim() === '');
          schemes.push({
            label,
            ...(ref ? { ref } : {}),
            revisedBudget: fig('Revised budget', `${path}.revisedBudget`),
            outturn: fig('Outturn', `${path}.outturn`),
            // A blank reprofile is the officer leaving the default (remaining budget, nil if overspent).
            ...(reprofileBlank ? {} : { reprofile: fig('Reprofile', `${path}.reprofile`) }),
          });
        } else if (kind === 'Single-line category') {
          const path = `$.capital.categories[${categories.length}]`;
          sources.set(path, cell('Category'));
          const reprofileBlank = row.cells[7] === null || (typeof row.cells[7] === 'string' && row.cells[7].trim() === '');
          categories.push({
            label: category || label,
            ...(categoryRef || ref ? { ref: categoryRef || ref } : {}),
            revisedBudget: fig('Revised budget', `${path}.revisedBudget`),
            outturn: fig('Outturn', `${path}.outturn`),
            ...(reprofileBlank ? {} : { reprofile: fig('Reprofile', `${path}.reprofile`) }),
          });
        } else {
          const list = kind === 'Externally funded' ? ext : memo;
          const path = `$.capital.${kind === 'Externally funded' ? 'externallyFunded' : 'memo'}[${list.length}]`;
          sources.set(path, cell('Label'));
          list.push({ label, ...(ref ? { ref } : {}), outturn: fig('Outturn', `${path}.outturn`) });
        }
      });
      cap.categories = categories;
      cap.externallyFunded = ext;
      cap.memo = memo;
    } else if (!errors.length && cs) errors.push({ where: sheetRef(cs.name, 'A1'), message: 'no CapitalLines table' });
  }

  // Reserves.
  const ress = sheet(TEMPLATE_SHEETS.reserves);
  if (ress || mappedArea.reserves) {
    const resDoc = (doc.reserves ??= {}) as Record<string, unknown>;
    const years = Array.isArray(resDoc.years) ? (resDoc.years as string[]) : [];
    if (years.length === 0) {
      errors.push({ where: settings.get('reserve years')?.where ?? sheetRef(TEMPLATE_SHEETS.settings, 'B1'), message: 'Reserve years is needed for the reserves input (e.g. "2020/21, 2021/22, 2022/23")' });
    } else {
      const tt = reserveLinesTable(years);
      const resRange = mapped(tt);
      const t = resRange === 'none' ? findTable(ress!, tt, errors, notes) : resRange;
      if (t) {
        sources.set('$.reserves', sheetRef(t.sheet, a1(t.headerRow, t.col0)));
        if (t.rows.length === 0) empty.push(['reserves', t, tt]);
        const col = (name: string) => t.cols[tt.columns.indexOf(name)] >= 0;
        const balanceIdx = years.map((y) => tt.columns.indexOf(`Balance ${y}`)).filter((i) => t.cols[i] >= 0);
        const asBalances = balanceIdx.length > 0 && t.rows.some((row) => balanceIdx.some((i) => cellText(row.cells[i]) !== ''));
        resDoc.reserves = t.rows.map((row, i) => {
          const cell = (col: string) => at(t, row, col, tt);
          const [label, cls, category] = row.cells.slice(0, 3).map(cellText);
          const path = `$.reserves.reserves[${i}]`;
          sources.set(path, cell('Reserve'));
          sources.set(`${path}.label`, cell('Reserve'));
          sources.set(`${path}.class`, cell('Class'));
          sources.set(`${path}.category`, cell('Category'));
          const fig = (col: string, p: string) => money(row.cells[tt.columns.indexOf(col)], cell(col), p) ?? '0';
          if (asBalances) {
            // Issue 11: a reserve published as year-end balances (its movements are derived).
            return {
              label,
              class: cls.toLowerCase(),
              ...(category ? { category: category.toLowerCase() } : {}),
              ...(col('Opening balance') ? { opening: fig('Opening balance', `${path}.opening`) } : {}),
              balances: years.map((y, k) => fig(`Balance ${y}`, `${path}.balances[${k}]`)),
            };
          }
          return {
            label,
            class: cls.toLowerCase(),
            ...(category ? { category: category.toLowerCase() } : {}),
            opening: fig('Opening balance', `${path}.opening`),
            flows: years.map((y, k) => ({
              movement: fig(`Movement ${y}`, `${path}.flows[${k}].movement`),
              transfers: fig(`Transfers ${y}`, `${path}.flows[${k}].transfers`),
              capital: fig(`Capital ${y}`, `${path}.flows[${k}].capital`),
            })),
          };
        });
      } else if (!errors.length && ress) errors.push({ where: sheetRef(ress.name, 'A1'), message: `no ReserveLines table (headers ${tt.columns.slice(0, 5).join(', ')}, …)` });
    }
  }
  // Issue 11: an input table left empty means "no such table" (a revenue-only build from the
  // templates needs no sheet deleted) — unless every table is empty, which is an error at each header.
  const tablesGiven = ['revenue', 'capital', 'reserves'].filter((k) => doc[k] !== undefined);
  if (empty.length > 0 && empty.length === tablesGiven.length) {
    for (const [, f, t] of empty) noRows(f, t, t === REVENUE_LINES ? 'one row per budget heading' : t === CAPITAL_LINES ? 'one row per scheme' : 'one row per reserve');
  } else {
    for (const [k, f, t] of empty) {
      delete doc[k];
      notes?.push({ where: sheetRef(f.sheet, a1(f.headerRow, f.col0)), message: `the ${t.name} table is empty: no ${k} table is built` });
    }
  }
  // The forecasting templates: ledger, MTFP, next year's capital budgets, capital financing.
  readForecastTemplates({ sheet, doc, sources, errors, notes, money, cellText, setting: (l) => settings.get(l.toLowerCase()) });
  if (errors.length) throw new InvalidInput(errors);
  return toModel(doc, (path) => {
    // the nearest traced cell: the path itself, or its closest parent
    for (let p = path; p.length > 1; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
      const s = sources.get(p);
      if (s) return `${s}${p === path ? '' : ` (${path})`}`;
    }
    const top = sources.get('$');
    return top ? `${top} (${path})` : undefined;
  });
}

