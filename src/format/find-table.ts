// Finding a template table on its sheet by its header row: shared by the template readers.
import { a1, sheetRef } from '../base/a1';
import { type GridValue, type InputSheet, isBlank, norm } from '../base/cells';
import type { InputError } from './errors';
import type { TemplateTable } from './template-tables';

/** A template table found on its sheet: where it is, and its rows down to the first blank row. */
export interface Found {
  sheet: string;
  /** 0-based row of the header, column of the first column */
  headerRow: number;
  col0: number;
  /** the sheet column (0-based) of each template column; -1 for one a mapped range leaves out */
  cols: number[];
  rows: { r: number; cells: GridValue[] }[];
}

/**
 * Finds a template table on its sheet by its header row; reads down to the first blank row.
 * Refuses what would be read wrongly — figures below a blank row (they would be left out), merged
 * cells (one value standing for several cells) — and notes hidden rows, which are read as input
 * (as Excel's SUM reads them).
 */
export function findTable(sheet: InputSheet, t: TemplateTable, errors: InputError[], notes?: InputError[]): Found | undefined {
  const want = t.columns.map((c) => c.toLowerCase());
  // Issue 11: columns after the first `required` are optional, in any order, found by their headers.
  const required = t.required ?? want.length;
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    for (let c = 0; c < row.length; c++) {
      if (norm(row[c]) !== want[0]) continue;
      const got = want.slice(0, required).map((_, i) => norm(row[c + i] ?? null));
      const mismatch = want.slice(0, required).findIndex((w, i) => got[i] !== w);
      if (mismatch >= 0) {
        errors.push({
          where: sheetRef(sheet.name, a1(r, c + mismatch)),
          message: `the ${t.name} table's column ${mismatch + 1} should be headed "${t.columns[mismatch]}"${got[mismatch] ? `, not "${String(row[c + mismatch])}"` : ''}`,
        });
        return undefined;
      }
      const cols = want.map((_, i) => (i < required ? c + i : -1));
      let width = required;
      if (required < want.length) {
        for (let k = c + required; k < row.length && !isBlank(row[k]); k++) {
          const i = want.indexOf(norm(row[k]), required);
          if (i < 0 || cols[i] >= 0) {
            // The column expected next in the template's order, as a header to write instead.
            const next = want.findIndex((_, j) => j >= required && cols[j] < 0);
            errors.push({
              where: sheetRef(sheet.name, a1(r, k)),
              message: i < 0
                ? `the ${t.name} table's column ${k - c + 1} should be headed ${next >= 0 ? `"${t.columns[next]}"` : 'by one of its columns'}, not "${String(row[k])}" (its optional columns: ${t.columns.slice(required).join(', ')})`
                : `the ${t.name} table has the column "${String(row[k])}" twice`,
            });
            return undefined;
          }
          cols[i] = k;
          width = k - c + 1;
        }
      }
      const rows: Found['rows'] = [];
      const blank = (rr: number) => Array.from({ length: width }, (_, i) => i).every((i) => isBlank(sheet.values[rr]?.[c + i]));
      let end = r + 1;
      for (; end < sheet.values.length && !blank(end); end++) rows.push({ r: end, cells: cols.map((k) => (k >= 0 ? sheet.values[end]?.[k] ?? null : null)) });
      for (let rr = end + 1; rr < sheet.values.length; rr++) {
        if (blank(rr)) continue;
        errors.push({
          where: sheetRef(sheet.name, a1(end, c)),
          message: `a blank row ends the ${t.name} table here, but row ${rr + 1} below it has entries, which would be left out: delete the blank row`,
        });
        break;
      }
      for (const m of sheet.merged ?? []) {
        if (m.r1 < r || m.r0 > Math.max(end - 1, r) || m.c1 < c || m.c0 > c + width - 1) continue;
        errors.push({
          where: sheetRef(sheet.name, a1(Math.max(m.r0, r), Math.max(m.c0, c))),
          message: `merged cells (${a1(m.r0, m.c0)}:${a1(m.r1, m.c1)}) in the ${t.name} table: unmerge them and give each cell its own value`,
        });
      }
      const hidden = (sheet.hiddenRows ?? []).filter((h) => h > r && h < end);
      if (hidden.length && notes) {
        notes.push({
          where: sheetRef(sheet.name, a1(hidden[0], c)),
          message: `${hidden.length === 1 ? 'row' : 'rows'} ${hidden.map((h) => h + 1).join(', ')} of the ${t.name} table ${hidden.length === 1 ? 'is' : 'are'} hidden, and read as input like the others`,
        });
      }
      return { sheet: sheet.name, headerRow: r, col0: c, cols, rows };
    }
  }
  return undefined;
}
