// The pane's "Copy for report": a values-only copy of one table sheet, its display text for Word and
// the publish document (src/publish). Its own module so that the engine worker loads it (with the
// publish code) only the first time a report is copied: a build never loads it.
import { buildTables } from '../app/build';
import type { OutturnInput } from '../engine/model';
import { TABLES } from '../engine/tables';
import { type InputError, InvalidInput } from '../format/errors';
import { type InputSheet, readTemplates } from '../format/templates';
import { displayRows, reportSheet, type TableBlock } from '../excel/report';
import { reportClipboard } from '../publish/html';
import { documentFromBuild } from '../publish/model';
import { applySettings, type BuildSettings, checkSettings, type ReportOutcome, type Scope } from './pipeline';
import { reportName } from './settings';

/** A values-only report copy of one table sheet, and its display text for Word. */
export function reportFromSheets(sheets: InputSheet[], s: BuildSettings, table: Exclude<Scope, 'all'>): { ok: true; report: ReportOutcome } | { ok: false; errors: InputError[] } {
  const bad = checkSettings(s);
  if (bad.length) return { ok: false, errors: bad };
  let input: OutturnInput;
  try {
    input = applySettings(readTemplates(sheets, 'workbook', undefined, s.mappings), s);
  } catch (e) {
    if (e instanceof InvalidInput) return { ok: false, errors: e.errors };
    throw e;
  }
  const { result, plan } = buildTables(input, { sheetNames: s.sheetNames });
  const sheet = plan.sheets.find((x) => x.name === s.sheetNames[table]);
  if (!sheet) return { ok: false, errors: [{ where: 'input', message: `the input has no ${table} table` }] };
  const blocks: TableBlock[] = result.tables.filter((t) => TABLES[t.id].sheet === table).map((t) => {
    const p = plan.placement[t.id]!;
    return { row0: p.row, headerRows: Math.max(...t.columns.map((c) => c.header.length)), rows: t.rows.length, columns: t.columns.length };
  });
  const name = reportName(sheet.name);
  const copy = reportSheet(sheet, blocks, name);
  const document = documentFromBuild(result, plan, {
    organisation: input.organisation, financialYear: input.financialYear, rounding: input.rounding,
    house: { font: input.publishing?.font, organisation: input.publishing?.organisationName },
    tables: result.tables.filter((t) => TABLES[t.id].sheet === table).map((t) => t.id),
  });
  return { ok: true, report: { sheet: copy, rows: displayRows(copy), document, clipboard: reportClipboard(document) } };
}

