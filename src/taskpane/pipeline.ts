// What the engine worker does, as plain functions (so it is tested in Node): grids or an
// outturn/v1 document in; a sheet plan, report copies or located input errors out. All data in and
// out is structured-cloneable: no decimal objects cross to the task pane.
import { Dec } from '../base/decimal';
import { buildTables } from '../app/build';
import type { OutturnInput } from '../engine/model';
import { TABLES } from '../engine/tables';
import { type InputError, InvalidInput } from '../format/errors';
import { FORECAST_SHEETS } from '../format/forecast-templates';
import { type InputSheet, readTemplates, TEMPLATE_SHEETS } from '../format/templates';
import { toModel } from '../format/validate';
import type { SheetPlan, WorkbookPlan } from '../plan/plan';
import { type BuildSettings, DEFAULT_SETTINGS, type Scope, type SheetKey } from './settings';
import type { DisplayCell } from '../excel/report';
import type { PublishDocument } from '../publish/model';

export type { BuildSettings, Scope, SheetKey };
export { DEFAULT_SETTINGS };

export type BuildOutcome =
  /** `notes`: what the input reader noted (hidden rows read as input), each at its sheet and cell */
  | { ok: true; plan: WorkbookPlan; narrative: string[]; organisation: string; financialYear: string; notes: InputError[] }
  | { ok: false; errors: InputError[] };

export interface ReportOutcome {
  sheet: SheetPlan;
  rows: DisplayCell[][];
  /** the sheet's tables as an accessible document: the Word download renders it (src/publish/docx.ts) */
  document: PublishDocument;
  /** the clipboard's HTML (caption, header row, row headers, narrative) and plain text */
  clipboard: { html: string; text: string };
}


export function applySettings(input: OutturnInput, s: BuildSettings): OutturnInput {
  const out = { ...input };
  if (s.rounding !== 'input') out.rounding = s.rounding;
  if (out.reserves && (s.bandMin || s.bandMax)) {
    out.reserves = {
      ...out.reserves,
      generalReserveBand: {
        min: s.bandMin ? new Dec(s.bandMin) : out.reserves.generalReserveBand.min,
        max: s.bandMax ? new Dec(s.bandMax) : out.reserves.generalReserveBand.max,
      },
    };
  }
  return out;
}

export function checkSettings(s: BuildSettings): InputError[] {
  const errors: InputError[] = [];
  for (const [k, v] of [['bandMin', s.bandMin], ['bandMax', s.bandMax]] as const) {
    if (v !== undefined && v !== '' && !/^[0-9]+(\.[0-9]+)?$/.test(v)) errors.push({ where: `Settings: general reserve band ${k === 'bandMin' ? 'minimum' : 'maximum'}`, message: `${JSON.stringify(v)} is not a percentage such as 2 or 5.5` });
  }
  if (s.bandMin && s.bandMax && /^[0-9.]+$/.test(s.bandMin) && /^[0-9.]+$/.test(s.bandMax) && new Dec(s.bandMin).gt(new Dec(s.bandMax))) {
    errors.push({ where: 'Settings: general reserve band', message: 'the minimum is above the maximum' });
  }
  const seen = new Set<string>();
  for (const [k, v] of Object.entries(s.sheetNames)) {
    const n = v.trim();
    if (!n || n.length > 31 || /[\\/?*[\]:]/.test(n) || /^'|'$/.test(n)) errors.push({ where: `Settings: sheet name for ${k}`, message: `${JSON.stringify(v)} is not a valid sheet name (1-31 characters, none of \\ / ? * [ ] :)` });
    if (n.toLowerCase() === 'history') errors.push({ where: `Settings: sheet name for ${k}`, message: '"History" is a sheet name Excel reserves for its own use: choose another' });
    if (seen.has(n.toLowerCase())) errors.push({ where: `Settings: sheet name for ${k}`, message: `${JSON.stringify(v)} is used twice` });
    seen.add(n.toLowerCase());
  }
  return errors;
}

function run(read: (notes: InputError[]) => OutturnInput, s: BuildSettings, scope: Scope): BuildOutcome {
  const bad = checkSettings(s);
  if (bad.length) return { ok: false, errors: bad };
  let input: OutturnInput;
  const notes: InputError[] = [];
  try {
    input = applySettings(read(notes), s);
  } catch (e) {
    if (e instanceof InvalidInput) return { ok: false, errors: e.errors };
    throw e;
  }
  const { result, plan, narrative } = buildTables(input, { sheetNames: s.sheetNames });
  const { organisation, financialYear } = result;
  if (scope === 'all') return { ok: true, plan, narrative, organisation, financialYear, notes };
  // One table: its sheet only, and the findings about it (the Checks sheet is written by a full build).
  const sheet = s.sheetNames[scope];
  const ids = new Set<string>(result.tables.filter((t) => TABLES[t.id].sheet === scope).map((t) => t.id));
  if (!ids.size) return { ok: false, errors: [{ where: 'input', message: `the input has no ${scope} table` }] };
  return {
    ok: true,
    plan: { ...plan, sheets: plan.sheets.filter((x) => x.name === sheet), findings: plan.findings.filter((f) => ids.has(f.table) || f.table === 'input') },
    narrative,
    organisation,
    financialYear,
    notes,
  };
}

/** From the template sheets read out of the workbook. */
export function buildFromSheets(sheets: InputSheet[], s: BuildSettings = DEFAULT_SETTINGS, scope: Scope = 'all'): BuildOutcome {
  return run((notes) => readTemplates(sheets, 'workbook', notes, s.mappings), s, scope);
}

/** From an outturn/v1 document. */
export function buildFromDoc(doc: unknown, s: BuildSettings = DEFAULT_SETTINGS, scope: Scope = 'all'): BuildOutcome {
  return run(() => toModel(doc), s, scope);
}

/**
 * The input sheets a build reads: the sheets the template reader reads (the four templates and the
 * forecasting sheets). Every sheet the templates plan can insert, empty or filled with a document,
 * is one of them (test/taskpane/pure.test.ts holds it, for the empty templates and the worked
 * example), so this list needs neither the template writer nor a document.
 */
export function inputSheetNames(): string[] {
  const names = [...Object.values(TEMPLATE_SHEETS), ...Object.values(FORECAST_SHEETS)];
  return [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
}
