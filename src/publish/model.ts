// The accessible document model: the finished tables and their narrative sentences, as a report
// author publishes them. Plain data (strings only), made from a build (the sheet plan's own number
// formats) or from an outturn/v1-result JSON, and rendered to HTML (html.ts), plain text and Word
// (docx.ts). Pure: no DOM, no Node, no Office.
import type { BuildResult, RowKind, Table, TableId } from '../engine/model';
import type { ResultJson } from '../app/result';
import { displayRows } from '../plan/display';
import { TABLES, type TableEntry } from '../engine/tables';
import type { SheetPlan, WorkbookPlan } from '../plan/plan';

/** How a row stands out: totals are bold with a rule above (and a double rule under a grand total). */
export type Emphasis = 'none' | 'heading' | 'bold' | 'total' | 'grand';

export interface PublishColumn {
  /** header lines, top to bottom (year band, caption, units); never all blank */
  header: string[];
  kind: 'label' | 'ref' | 'number' | 'text';
  /** the header text a screen reader announces: the lines joined, with the units */
  name: string;
  /** true when the header was blank and the name is ours (shown to screen readers only in HTML) */
  supplied?: boolean;
}

export interface PublishRow {
  kind: RowKind | string;
  /** the row header: the line's label; a total's label always holds the word "total" (see totalLabel) */
  label: string;
  emphasis: Emphasis;
  /** every column's display text, the label column included; '' for an empty cell */
  cells: string[];
}

export interface PublishTable {
  id: string;
  /** the printed number, "Table 1" */
  number: string;
  title: string;
  subtitle?: string;
  units: string;
  columns: PublishColumn[];
  /** index of the row-header column */
  labelColumn: number;
  rows: PublishRow[];
  /** a sentence under the table: units and the rounding policy */
  note?: string;
  /** more than 7 columns: a landscape page in Word, a wide scroll area in HTML */
  wide: boolean;
}

export interface HouseStyle {
  /** the body text font, e.g. "Arial" (the default) */
  font: string;
  /** the organisation as the report names it */
  organisation: string;
}

export interface PublishDocument {
  /** the document's title: "<organisation>: finance tables <year>" */
  title: string;
  organisation: string;
  financialYear?: string;
  house: HouseStyle;
  /** tables in print order, each with the narrative sentences that belong to it */
  sections: { table: PublishTable; narrative: string[] }[];
  /** BCP 47 language of the text */
  lang: 'en-GB';
}

export const DEFAULT_FONT = 'Arial';

/** Columns wider than this go on a landscape page (Table 3 with a four-year forecast has 15). */
export const WIDE_COLUMNS = 7;

const TOTAL_KINDS = new Set<string>(['subtotal', 'total', 'category_total', 'grand_total', 'subtotal_useable', 'subtotal_non_useable', 'total_earmarked', 'total_reserves', 'total_underspend', 'earmarked_subtotal']);
const GRAND_KINDS = new Set<string>(['grand_total', 'total_reserves', 'net_underspend']);

/** Which narrative sentence belongs beside which table. */
const NARRATIVE_OF: Partial<Record<string, keyof BuildResult['narrative']>> = { revenue: 'revenue', capital: 'capital', reserves: 'reserves' };

function emphasisOf(kind: string, bold: boolean): Emphasis {
  if (GRAND_KINDS.has(kind)) return 'grand';
  if (TOTAL_KINDS.has(kind)) return 'total';
  if (kind === 'heading') return 'heading';
  return bold ? 'bold' : 'none';
}

/**
 * A total's label as published, with the word "total" added when the printed label lacks it
 * ("GENERAL RESERVES" is not a total; "Sub-Total" and "TOTAL RESERVES" are already marked), so a
 * total reads as one without bold or rules: in plain text, and to a screen reader.
 */
export function totalLabel(label: string, emphasis: Emphasis, kind: string): string {
  if ((emphasis === 'total' || emphasis === 'grand') && TOTAL_KINDS.has(kind) && !/total/i.test(label)) return `${label} (total)`;
  return label;
}

/**
 * Column headers as a reader needs them: a band printed once over several columns ("2020/21"
 * over the five columns of the actual year) is carried to the blank columns it covers, unless the
 * table repeats its bands itself; a blank label header gets a name.
 */
export function publishColumns(id: string, headers: string[][], kinds: PublishColumn['kind'][]): PublishColumn[] {
  const depth = Math.max(1, ...headers.map((h) => h.length));
  const padded = headers.map((h) => [...Array<string>(depth - h.length).fill(''), ...h]);
  const band = padded.map((h) => (depth >= 3 ? h[0] : ''));
  const repeats = band.some((b, i) => i > 0 && b !== '' && b === band[i - 1]);
  let carried = '';
  return padded.map((h, i) => {
    const lines = [...h];
    if (depth >= 3 && kinds[i] !== 'label') {
      if (lines[0]) carried = lines[0];
      else if (!repeats && carried) lines[0] = carried;
    }
    const shown = lines.filter((x) => x.trim() !== '');
    if (shown.length === 0) {
      const name = kinds[i] === 'label' ? (TABLES as Record<string, TableEntry | undefined>)[id]?.labelHeader ?? 'Item' : kinds[i] === 'ref' ? 'Note' : 'Column';
      return { header: [name], kind: kinds[i], name, supplied: true };
    }
    return { header: shown, kind: kinds[i], name: shown.join(' ') };
  });
}

function kindOf(k: Table['columns'][number]['kind']): PublishColumn['kind'] {
  return k === 'money' || k === 'percent' || k === 'ratio' ? 'number' : k === 'ref' ? 'ref' : k === 'text' ? 'label' : 'text';
}

export interface FromBuildOptions {
  organisation: string;
  financialYear: string;
  rounding: 'round-then-sum' | 'round-each';
  house?: Partial<HouseStyle>;
  /** only these tables (default: every table built) */
  tables?: TableId[];
}

function roundingNote(units: string, rounding: FromBuildOptions['rounding']): string {
  return `Figures in ${units}. ${rounding === 'round-then-sum'
    ? 'Each line is rounded, and every total is the sum of the rounded lines it covers.'
    : 'Each figure is rounded on its own; a total may differ from the sum of its displayed lines.'}`;
}

function makeDocument(organisation: string, financialYear: string | undefined, house: Partial<HouseStyle> | undefined, sections: PublishDocument['sections']): PublishDocument {
  const org = house?.organisation?.trim() || organisation;
  return {
    title: `${org}: finance tables${financialYear ? ` ${financialYear}` : ''}`,
    organisation: org,
    financialYear,
    house: { font: house?.font?.trim() || DEFAULT_FONT, organisation: org },
    sections,
    lang: 'en-GB',
  };
}

/**
 * The document from a build: every table's figures exactly as the sheet plan displays them (its
 * number formats: thousands separators, brackets, a dash for nil, £m to one place, percentages),
 * its headers from the engine's columns, and the narrative sentences beside Tables 1, 2 and 3.
 */
export function documentFromBuild(result: BuildResult, plan: WorkbookPlan, o: FromBuildOptions): PublishDocument {
  const sheetOf = new Map<string, SheetPlan>(plan.sheets.map((s) => [s.name, s]));
  const shown = new Map<string, ReturnType<typeof displayRows>>();
  const sections = result.tables.filter((t) => !o.tables || o.tables.includes(t.id)).map((t) => {
    const p = plan.placement[t.id];
    const sheet = p ? sheetOf.get(p.sheet) : undefined;
    if (!p || !sheet) throw new Error(`the plan has no place for ${t.id}`);
    if (!shown.has(sheet.name)) shown.set(sheet.name, displayRows(sheet));
    const grid = shown.get(sheet.name)!;
    const kinds = t.columns.map((c, i) => (i === t.labelColumn ? 'label' : kindOf(c.kind)));
    const columns = publishColumns(t.id, t.columns.map((c) => c.header), kinds);
    const rows: PublishRow[] = t.rows.map((row, r) => {
      const emphasis = emphasisOf(row.kind, row.bold);
      const cells = t.columns.map((_, c) => grid[p.row + r]?.[p.column + c]?.text ?? '');
      const label = totalLabel(row.label, emphasis, row.kind);
      cells[t.labelColumn] = label;
      return { kind: row.kind, label, emphasis, cells };
    });
    const table: PublishTable = {
      id: t.id, number: TABLES[t.id].number, title: t.title, subtitle: t.subtitle, units: t.units,
      columns, labelColumn: t.labelColumn, rows, note: roundingNote(t.units, o.rounding), wide: columns.length > WIDE_COLUMNS,
    };
    const key = NARRATIVE_OF[t.id];
    const sentence = key ? result.narrative[key]?.sentence : undefined;
    // Issue 11: the MTFP's breach of the general reserve minimum stands beside Table 3 too.
    const minimum = key === 'reserves' ? result.narrative.reserves?.mtfpMinimum : undefined;
    return { table, narrative: [...(sentence ? [sentence] : []), ...(minimum ? [minimum] : [])] };
  });
  return makeDocument(o.organisation, o.financialYear, o.house, sections);
}

/** A figure of a result JSON (a plain decimal as displayed) in the tables' print style. */
export function resultFigure(v: string | null, minPlaces: number, percent: boolean): string {
  if (v === null) return '';
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(v);
  if (!m) return v;
  const [, sign, int, frac = ''] = m;
  if (/^0*$/.test(int + frac)) return '-';
  const places = Math.max(minPlaces, frac.length);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = `${grouped}${places ? `.${frac.padEnd(places, '0')}` : ''}${percent ? '%' : ''}`;
  return sign ? `(${body})` : body;
}

export interface FromResultOptions {
  organisation?: string;
  financialYear?: string;
  house?: Partial<HouseStyle>;
}

const ORDER: Record<string, number> = Object.fromEntries(Object.keys(TABLES).map((k, i) => [k, i]));

/**
 * The document from an outturn/v1-result: each value as given (already rounded for display), with
 * separators, brackets for negatives and a dash for nil; £m to at least one place; percentage
 * columns with "%". The result does not carry the header bands nor the organisation: headers are
 * the result's column labels, the organisation comes from `o` (else "Outturn").
 */
export function documentFromResult(json: ResultJson, o: FromResultOptions = {}): PublishDocument {
  const tables = [...json.tables].sort((a, b) => (ORDER[a.id] ?? 99) - (ORDER[b.id] ?? 99));
  const sections = tables.map((t) => {
    const hasRef = t.rows.some((r) => r.ref);
    const hasFlag = t.rows.some((r) => r.flag);
    const headers = [[''], ...(hasRef ? [['Ref']] : []), ...t.columns.map((c) => [c.label]), ...(hasFlag ? [['Flag']] : [])];
    const kinds: PublishColumn['kind'][] = ['label', ...(hasRef ? ['ref' as const] : []), ...t.columns.map(() => 'number' as const), ...(hasFlag ? ['text' as const] : [])];
    const columns = publishColumns(t.id, headers, kinds);
    const minPlaces = t.units === '£m' ? 1 : 0;
    const rows: PublishRow[] = t.rows.map((row) => {
      const emphasis = emphasisOf(row.kind, false);
      const label = totalLabel(row.label, emphasis, row.kind);
      // A percentage row in a money column (Table 3a's "General reserve as % of the net revenue budget"): the result gives percentage points.
      // Percentages and ratios show one place, as the plan's percent1 and ratio1 formats do.
      const percentRow = row.kind === 'measure' && /%/.test(row.label);
      const ratioRow = row.kind === 'measure' && /^years of cover/i.test(row.label);
      const places = (kind: string) => (kind === 'percent' || kind === 'ratio' || percentRow || ratioRow ? 1 : kind === 'money' ? minPlaces : 0);
      const cells = [label, ...(hasRef ? [row.ref ?? ''] : []), ...row.values.map((v, i) => resultFigure(v, places(t.columns[i].kind), t.columns[i].kind === 'percent' || percentRow)), ...(hasFlag ? [row.flag ?? ''] : [])];
      return { kind: row.kind, label, emphasis, cells };
    });
    const key = NARRATIVE_OF[t.id];
    const sentence = key ? json.narrative[key]?.sentence : undefined;
    const minimum = key === 'reserves' ? (json.narrative.reserves as { mtfpMinimum?: string } | undefined)?.mtfpMinimum : undefined;
    const table: PublishTable = {
      id: t.id, number: (TABLES as Record<string, { number: string } | undefined>)[t.id]?.number ?? 'Table', title: t.title, units: t.units, columns, labelColumn: 0, rows,
      note: `Figures in ${t.units}.`, wide: columns.length > WIDE_COLUMNS,
    };
    return { table, narrative: [...(sentence ? [sentence] : []), ...(minimum ? [minimum] : [])] };
  });
  return makeDocument(o.organisation ?? 'Outturn', o.financialYear, o.house, sections);
}
