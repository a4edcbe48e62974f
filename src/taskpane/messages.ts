// Every sentence the task pane says to its user, in one place, in a finance officer's words: what
// happened, and what to do next. No code identifiers (table names such as RevenueLines, Office.js
// error codes), no "round trips", no "(s)": counts go through `count`. The static labels of the
// page are in taskpane.html; test/taskpane/messages.test.ts checks both for code words.
//
// The ribbon names (manifest.xml): group "Outturn", button "Finance tables", on the Home tab.
import { TABLE_IDS, TABLES } from '../engine/tables';

/** "1 error", "3 errors", "no errors" (zero only when `zero` is true). */
export function count(n: number, one: string, many = `${one}s`, zero = false): string {
  if (n === 0 && zero) return `no ${many}`;
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** “A”, “A” and “B”, “A”, “B” and “C” (names quoted as the sheet tabs show them). */
export function names(list: readonly string[], quote = true): string {
  const q = list.map((s) => (quote ? `“${s}”` : s));
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

export const RIBBON = { tab: 'Home', group: 'Outturn', button: 'Finance tables' };

// ---------- the first run ----------

export const NOT_IN_EXCEL = `Open this pane from Excel: on the ${RIBBON.tab} tab, in the ${RIBBON.group} group, choose ${RIBBON.button}. It needs a workbook to work on.`;

// ---------- steps of a task (the message bar) ----------

export const STEP = {
  readSelection: 'Reading the selected cells',
  readInputs: 'Reading your input sheets',
  computing: 'Computing the tables',
  preparing: 'Preparing the sheets',
  recalculating: 'Recalculating the printed table',
  readingFile: (file: string) => `Reading “${file}”`,
  findingTables: 'Finding the tables and recalculating them',
  writing: (sheets: readonly string[]) => `Writing ${count(sheets.length, 'sheet')}: ${names(sheets)}`,
};
export const stepOf = (n: number, total: number, text: string) => `Step ${n} of ${total}: ${text}…`;
export const CANCEL_HINT = 'You can cancel until the writing starts.';
export const NO_CANCEL = 'Writing has started: it finishes in a moment.';
export const CANCELLED = { title: 'Cancelled.', detail: 'Nothing was written.' };

export const TASK = {
  templates: 'Inserting the input templates',
  example: 'Loading the worked example',
  build: 'Building the tables',
  report: 'Making the copy for your report',
  audit: 'Auditing the printed table',
  reportAudit: 'Auditing the report',
  map: 'Reading your selection',
};

// ---------- outcomes ----------

/**
 * The input sheets to fill in, in the words on those sheets: the headings of their columns and
 * settings (test/taskpane/messages.test.ts checks each quoted word is on its sheet).
 */
export const FILL_IN: Record<string, { what: string; words: string[] }> = {
  'Outturn settings': { what: 'the Organisation, Financial year and Rounding settings', words: ['Organisation', 'Financial year', 'Rounding'] },
  'Revenue input': { what: 'one row per Budget heading, with its Original budget, Revised budget and Outturn', words: ['Budget heading', 'Original budget', 'Revised budget', 'Outturn'] },
  'Capital input': { what: 'one row per scheme: its Type, Label, Revised budget and Outturn', words: ['Type', 'Label', 'Revised budget', 'Outturn'] },
  'Reserves input': { what: 'one row per Reserve: its Class, Category, Opening balance and each year’s Movement', words: ['Reserve', 'Class', 'Category', 'Opening balance'] },
};

export function templatesInserted(sheets: readonly string[]): { title: string; detail: string } {
  const known = sheets.filter((s) => FILL_IN[s]);
  return {
    title: `The input templates are in: ${count(sheets.length, 'sheet')}.`,
    detail: `Next, fill in ${known.map((s) => `“${s}” (${FILL_IN[s].what})`).join('; ')}. Then choose Build.`,
  };
}

export function exampleLoaded(sheets: readonly string[]): { title: string; detail: string } {
  return {
    title: 'The worked example is loaded: Derbyshire’s 2020/21 figures.',
    detail: `Look through ${names(sheets)} to see how the inputs are filled in, then choose Build to make the tables from them.`,
  };
}

export function wrote(sheets: readonly string[]): string {
  return `Wrote ${count(sheets.length, 'sheet')}: ${names(sheets)}.`;
}

export interface Tally {
  error: number;
  warning: number;
  note: number;
}

export function built(sheets: readonly string[], t: Tally): { title: string; detail: string } {
  const issues = t.error + t.warning;
  return {
    title: issues ? `Built, with ${tally(t)} to look at.` : 'Built: every check passed.',
    detail: `${wrote(sheets)}${t.note ? ` ${count(t.note, 'note')} below, for information.` : ''}`,
  };
}

/** "1 error and 2 warnings", "1 warning" (notes are counted apart). */
export function tally(t: Tally): string {
  const parts = [t.error ? count(t.error, 'error') : '', t.warning ? count(t.warning, 'warning') : ''].filter(Boolean);
  return parts.length ? parts.join(' and ') : 'nothing';
}

export function inputProblems(n: number): { title: string; detail: string } {
  return {
    title: `Nothing was written: the input has ${count(n, 'problem')}.`,
    detail: `Fix ${n === 1 ? 'it' : 'them'} in the input sheets (each is listed below with a link to its cell), then build again.`,
  };
}

export const NO_INPUT_SHEETS = {
  title: 'There are no input sheets in this workbook yet.',
  detail: 'Choose Insert input templates, fill them in, then build. Or load the worked example to see one filled in.',
};

export function reportCopied(sheet: string, clipboard: boolean): { title: string; detail: string } {
  return {
    title: `“${sheet}” holds a copy of the table with values only, ready for your report.`,
    detail: clipboard ? 'The table is also on the clipboard: paste it into Word.' : 'The clipboard was not available here: select the table on that sheet and copy it.',
  };
}

export function audited(tables: number, differences: Tally): { title: string; detail: string } {
  const n = differences.error + differences.warning + differences.note;
  return {
    title: n ? `Audited ${count(tables, 'table')}: ${count(n, 'difference')} found.` : `Audited ${count(tables, 'table')}: everything casts and cross-casts.`,
    detail: n ? 'Each difference is listed below with the printed figure, the figure it should be, and a link to its cell.' : 'No differences between the printed figures and their recalculation.',
  };
}

/** "Audit a report…": a PDF or web page the auditor picks, read on this computer. */
export const REPORT = {
  audited: (file: string, sheet: string | undefined, tables: number, t: Tally, quoted: number) => {
    const issues = t.error + t.warning;
    return {
      title: issues ? `Audited “${file}”: ${tally(t)} to look at.` : `Audited “${file}”: everything casts, cross-casts and ties.`,
      detail: `${sheet ? `Its ${count(tables, 'table')} ${tables === 1 ? 'is' : 'are'} on the new sheet “${sheet}”, figures as numbers to tick. ` : ''}` +
        `${quoted ? `${count(quoted, 'figure')} quoted in the text, each tied below. ` : ''}Each finding below goes to its cell. Nothing left this computer.`,
    };
  },
  noTables: (file: string, quoted: number) => ({
    title: `No table was found in “${file}”.`,
    detail: `${quoted ? `${count(quoted, 'figure')} quoted in its text ${quoted === 1 ? 'is' : 'are'} listed below. ` : ''}Nothing was written to the workbook.`,
  }),
  scanned: (file: string) => ({
    title: `“${file}” has no text to read: its pages look like scanned images.`,
    detail: 'Outturn reads the text of a PDF and cannot read figures from a picture. Ask for the report as a PDF saved from Word or Excel, or as a web page. Nothing was written.',
  }),
  unreadable: (file: string) => ({
    title: `“${file}” could not be read as a PDF.`,
    detail: 'It may be damaged, protected by a password, or not a PDF. Open it and save it again as PDF, or choose the report as a web page. Nothing was written.',
  }),
  wrongKind: (file: string) => ({
    title: `“${file}” is not a PDF or a web page.`,
    detail: 'Choose a report saved as PDF (.pdf) or as a web page (.html or .htm). Nothing was written.',
  }),
  tooLarge: (file: string, mb: number) => ({
    title: `“${file}” is ${mb.toLocaleString('en-GB')} MB: larger than the 64 MB Outturn reads.`,
    detail: 'Save the finance section on its own as PDF, then audit that. Nothing was written.',
  }),
  narrative: 'The text of the report',
  tiesHeading: 'Figures quoted in the text',
  tie: { tied: 'tied', rounded: 'tied within rounding', truncated: 'cut short, not rounded', different: 'does not agree', unsourced: 'no source in the tables' } as Record<string, string>,
  /** "£0.370m — page 1, line 4, paragraph 2 (the 1st under the heading “Revenue”): cut short, not rounded" */
  tieLine: (quoted: string, where: string, status: string) => `${quoted} — ${where}: ${status}`,
  tieSource: (source: string, expected: string | undefined) => `${expected ? `should read ${expected}; ` : ''}source: ${source}`,
  place: (where: string) => `In the report: ${where}`,
};

export const NOTHING_TO_AUDIT = { title: 'There is nothing to audit here: the sheet is empty.', detail: 'Select a printed table (its headings and figures), then choose Audit selection.' };
export const NO_TABLE_FOUND = { title: 'No table was recognised here.', detail: 'Select the table with its column headings and its figures, then choose Audit selection.' };

/** The clipboard, when Excel refuses it during the click (src/excel/clipboard.ts, issue 12). */
export const CLIPBOARD = {
  refused: 'Excel did not let Outturn use the clipboard during that click: click "Copy the table" to put it there.',
  again: 'Copy the table',
  copied: { title: 'The table is on the clipboard: paste it into Word.', detail: '' },
};

/** The report copy as a Word document (issue 16). */
export const WORD = {
  button: 'Download as Word document (.docx)',
  hint: 'The same tables as a Word document: captions, header rows that repeat on every page, landscape pages for wide tables.',
  saved: (file: string, kb: number) => ({ title: `Saved “${file}” to your downloads.`, detail: `${kb.toLocaleString('en-GB')} KB: each table with its caption and a header row that repeats on every page; wide tables on landscape pages.` }),
  failed: { title: 'The Word document could not be made.', detail: 'Nothing was saved. Try again; if it happens again, copy the table from its sheet into Word instead.' },
};

// ---------- the question before replacing input sheets ----------

export function replaceQuestion(sheets: readonly string[]): { title: string; detail: string } {
  const one = sheets.length === 1;
  return {
    title: `${names(sheets)} already ${one ? 'exists' : 'exist'}. Keep ${one ? 'it' : 'them'}, or replace ${one ? 'it' : 'them'}?`,
    detail: `Replacing loses the figures in ${one ? 'it' : 'them'}, and Excel’s Undo cannot bring them back.`,
  };
}
export const QUESTION = { keep: 'Keep them', replace: 'Replace them' };
export const KEPT = { title: 'Kept your input sheets as they are.', detail: 'Nothing was written.' };

export function conflict(sheets: readonly string[], suggestions: readonly string[]): { title: string; detail: string; button: string } {
  const one = sheets.length === 1;
  return {
    title: `Nothing was written: ${names(sheets)} ${one ? 'is a sheet' : 'are sheets'} of yours.`,
    detail: `Outturn never changes sheets it did not make. It can write ${one ? 'that table' : 'those tables'} to ${names(suggestions)} instead.`,
    button: `Use ${names(suggestions)}`,
  };
}

// ---------- mapped ranges ----------

/** The mappable input tables, as the input sheets name their lines. */
export const TABLE_WORDS: Record<string, string> = {
  RevenueLines: 'revenue lines',
  RevenueBelowTheLine: 'below-the-line lines of the revenue input',
  CapitalLines: 'capital lines',
  ReserveLines: 'reserve lines',
  OutturnSettings: 'settings',
  LedgerLines: 'ledger lines',
  LedgerMapping: 'ledger mapping',
  LedgerProfiles: 'ledger profiles',
  MtfpPlan: 'MTFP plan',
  MtfpGapFunding: 'MTFP gap funding',
  MtfpScenarios: 'MTFP scenarios',
  CapitalNextYear: 'next year’s capital programme',
  CapitalFinancing: 'capital financing',
};

export const MAP = {
  selectFirst: { title: 'Select your range first.', detail: 'Select its header row and the lines below it in your sheet, then choose Map a range.' },
  chooseColumns: (ref: string, headerRow: number, lines: number) => ({
    title: 'Choose the column of your range for each column Outturn reads.',
    detail: `${ref}: row ${headerRow} holds the headings, ${count(lines, 'line')} below. Outturn only reads your range; it never writes to it.`,
  }),
  rangeText: (ref: string, headerRow: number, lines: number) => `${ref}: row ${headerRow} holds the headings, ${count(lines, 'line')} below. Outturn only reads it.`,
  chooseFor: (missing: readonly string[]) => `Choose a column for ${names(missing)}.`,
  noYears: (sheet: string) => `Reserve years is not set on the “${sheet}” sheet: set it (for example 2020/21, 2021/22), then choose Map a range again. The form then lists Movement, Transfers and Capital for each year.`,
  years: (sheet: string, years: readonly string[]) => `Reserve years (from the “${sheet}” sheet): ${years.join(', ')}; Movement, Transfers and Capital for each.`,
  saved: (table: string, ref: string) => ({ title: `Saved with this workbook: the ${TABLE_WORDS[table] ?? table} are read from ${ref}.`, detail: 'Next: choose Build.' }),
  notSaved: { title: 'No mapping saved.', detail: 'Your range is unchanged.' },
  removed: (table: string) => ({ title: `The ${TABLE_WORDS[table] ?? table} are read from the input sheet again.`, detail: 'The mapping is removed from this workbook.' }),
  listed: (table: string, ref: string) => `The ${TABLE_WORDS[table] ?? table} are read from ${ref}.`,
  removeLabel: (table: string) => `Remove the mapping of the ${TABLE_WORDS[table] ?? table}`,
  notKept: { title: 'The mappings were not saved with the workbook.', detail: 'Excel did not keep them: they apply until the pane closes. Save the workbook, then map the range again.' },
  notMapped: '(not mapped)',
  remove: 'Remove',
  optional: ' (optional)',
};

// ---------- settings ----------

export const SETTINGS = {
  saved: { title: 'Settings saved with this workbook.', detail: 'The next build uses them; they are in the file once you save the workbook.' },
  savedHereOnly: { title: 'Settings saved for this session only.', detail: 'Excel did not keep them with the workbook: save the workbook and try again, or they are lost when it closes.' },
  defaults: { title: 'Settings set back to the defaults for this workbook.', detail: 'The next build uses them.' },
  invalid: (n: number) => ({ title: `Settings not saved: ${count(n, 'field')} ${n === 1 ? 'needs' : 'need'} a change.`, detail: 'Each is marked below, at its field.' }),
  notPercent: (label: string) => `${label}: enter a percentage such as 2 or 5.5 (0 to 100).`,
  minAboveMax: 'Minimum %: it is above the maximum.',
  badSheetName: (label: string) => `${label}: a sheet name has 1 to 31 characters, none of \\ / ? * [ ] : and no apostrophe at its start or end.`,
  reservedName: (label: string, name: string) => `${label}: Excel keeps the name “${name}” for itself.`,
  inputSheetName: (label: string, name: string) => `${label}: “${name}” is an input sheet; choose another name.`,
  sameName: (label: string, other: string) => `${label}: the same name as ${other}.`,
  offer: (what: string) => `This workbook has no Outturn settings of its own, so it uses the defaults. Settings you saved in another workbook on this computer differ: ${what}. Use them here?`,
  offerUsed: { title: 'This workbook now uses the settings from this computer.', detail: 'They are saved with the workbook.' },
  offerDeclined: { title: 'This workbook keeps the default settings.', detail: 'Nothing was changed.' },
};

/** A settings difference, in the form's words. */
export const SETTING_WORDS = {
  rounding: 'rounding policy',
  bandMin: 'general reserve band minimum',
  bandMax: 'general reserve band maximum',
  sheet: (table: string) => `sheet name for ${table}`,
};

// ---------- findings ----------

/** Findings grouped under their table's number and title (from the table registry), the input's first. */
export const TABLE_TITLES: Record<string, string> = {
  input: 'Your input',
  ...Object.fromEntries(TABLE_IDS.map((id) => [id, `${TABLES[id].number}: ${TABLES[id].title}`])),
};

/** The audit's layouts (what a printed table was read as), as a heading. */
export const AUDIT_TITLES: Record<string, string> = {
  revenue: 'Revenue outturn table',
  forecast: 'Forecast outturn table',
  ledger: 'Ledger reconciliation',
  capital: 'Capital outturn table',
  programme: 'Capital programme',
  financing: 'Capital financing',
  reserves: 'Reserves table',
  mtfp: 'Reserves over the MTFP',
  scenarios: 'Scenarios table',
  auto: 'Printed table',
  tieout: 'Ties between tables',
};

export const FINDINGS = {
  heading: 'Findings',
  selection: 'Your selection',
  none: 'No findings: every check passed.',
  noneAudit: 'Everything casts and cross-casts: no differences.',
  severity: { error: 'Error', warning: 'Warning', note: 'Note' } as Record<string, string>,
  group: (title: string, t: Tally) => `${title}: ${[t.error ? count(t.error, 'error') : '', t.warning ? count(t.warning, 'warning') : '', t.note ? count(t.note, 'note') : ''].filter(Boolean).join(', ')}`,
  similar: (n: number) => `${count(n, 'more like this', 'more like this')}`,
  notes: (n: number) => `${count(n, 'note')}, for information (nothing is wrong)`,
  goTo: (ref: string) => `Go to ${ref}`,
  goToLabel: (ref: string, what: string) => `Go to ${ref}, ${what}`,
  place: (sheet: string, column: string | undefined, line: string | undefined, cell: string) =>
    [`“${sheet}”`, column ? `column “${column}”` : '', line ? `line “${line}”` : '', `cell ${cell}`].filter(Boolean).join(', '),
  detail: { expected: 'expected', actual: 'actual', difference: 'difference', printed: 'printed', shouldBe: 'should be' },
  inputNotes: (n: number) => `${count(n, 'note')} on the input`,
  narrative: 'For the report',
};

/** Rewrites the engine's and reader's internal words into the pane's: table names, bracketed codes, £m without separators. */
export function financeWords(text: string): string {
  let t = text;
  // thousands separators on the digits as text: an amount is never put through a float (Number() loses
  // digits past 2^53, and money here can have 15 significant figures)
  const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  for (const [code, words] of Object.entries(TABLE_WORDS)) {
    t = t.replace(new RegExp(`\\bthe ${code} (table|input)\\b`, 'g'), `the table of ${words}`).replace(new RegExp(`\\b${code}\\b`, 'g'), `the table of ${words}`).replace(/\bthe the table of/g, 'the table of');
  }
  t = t.replace(/ \(allowed, reported\)/g, ' (allowed; listed for the record)');
  // £1143.096m → £1,143.096m; 12345 → 12,345 only inside £ amounts
  t = t.replace(/£(-?)(\d{4,})((?:\.\d+)?)(m|k|bn)?\b/g, (_m, sign: string, whole: string, frac: string, unit: string | undefined) => `£${sign}${grouped(whole)}${frac}${unit ?? ''}`);
  // 189878803 £ / 499 £'000 (the engine's amount then its units) → 189,878,803 £
  t = t.replace(/(^|[\s(])(-?)(\d{4,})((?:\.\d+)?) (£(?:'000|m)?)(?=[\s,;.)]|$)/g, (_m, pre: string, sign: string, whole: string, frac: string, unit: string) => `${pre}${sign}${grouped(whole)}${frac} ${unit}`);
  return t;
}

// ---------- failures: what happened, in finance words, and what to do ----------

export interface Said {
  title: string;
  detail: string;
}

/** Office.js error codes (OfficeExtension.ErrorCodes and Excel's) → what the user reads. */
const OFFICE_ERRORS: Record<string, Said> = {
  InvalidOperationInCellEditMode: { title: 'Excel is busy: a cell is being edited.', detail: 'Press Enter or Esc in the sheet to finish editing the cell, then try again.' },
  ItemNotFound: { title: 'A sheet Outturn needed is not there any more.', detail: 'It may have been renamed or deleted while Outturn worked. Check the sheet tabs, then try again.' },
  GeneralException: { title: 'Excel could not finish the request.', detail: 'Check that the workbook is not protected, shared for review or read-only, then try again. If it happens again, save, close and reopen the workbook.' },
  AccessDenied: { title: 'Excel did not allow the change: the workbook or a sheet is protected or read-only.', detail: 'Unprotect the workbook (Review tab), or save a copy you can edit, then try again.' },
  InsufficientPermissions: { title: 'Excel did not allow the change: the workbook or a sheet is protected or read-only.', detail: 'Unprotect the workbook (Review tab), or save a copy you can edit, then try again.' },
  RequestPayloadSizeLimitExceeded: { title: 'The tables are too large for this version of Excel to take in one go.', detail: 'Build one table at a time (Tables, above the Build button), or use Excel on Windows or Mac.' },
  ResponsePayloadSizeLimitExceeded: { title: 'Your input sheets are too large for this version of Excel to read in one go.', detail: 'Remove empty rows and columns below and beside your tables, or use Excel on Windows or Mac.' },
  ApiNotFound: { title: 'This version of Excel lacks a feature Outturn needs.', detail: 'Update Excel (File, Account, Update options), or use Excel on the web.' },
  ActivityLimitReached: { title: 'Excel is busy.', detail: 'Wait a moment, then try again.' },
  Conflict: { title: 'Someone else changed the workbook at the same time.', detail: 'Wait for their changes to arrive, then try again.' },
  InvalidArgument: { title: 'Excel refused part of the request.', detail: 'Check that the sheet names in Settings are valid and that no input sheet is protected, then try again.' },
  InvalidOperation: { title: 'Excel could not do that in the workbook’s current state.', detail: 'Finish any edit or dialog open in Excel, then try again.' },
  Timeout: { title: 'Excel took too long to answer.', detail: 'Wait a moment, then try again. A very large input may need building one table at a time.' },
};

const UNKNOWN: Said = { title: 'Something unexpected stopped Outturn.', detail: 'Try again. If it happens again, close and reopen the pane.' };
export const ENGINE_STOPPED: Said = { title: 'Outturn’s calculation stopped unexpectedly.', detail: 'Close and reopen the pane, then try again.' };

/** What the user reads for a failure: never the raw text, always what happened and what to do. */
export function failure(e: unknown, stage: 'before-write' | 'writing'): Said {
  // These say themselves, exactly, what was and was not written (src/excel: write.ts, select.ts, selection.ts).
  if (e instanceof Error && ['WriteIncomplete', 'EmptySelection', 'HiddenSheet'].includes(e.name)) {
    const at = e.message.indexOf('. ');
    return at > 0 ? { title: e.message.slice(0, at + 1), detail: e.message.slice(at + 2) } : { title: e.message, detail: '' };
  }
  const code = errorCode(e);
  const said = (code && OFFICE_ERRORS[code]) || (e instanceof Error && e.name === 'EngineStopped' ? ENGINE_STOPPED : UNKNOWN);
  const written = stage === 'writing' ? ' Outturn stopped while writing: the sheets it was writing may be part-written; build again to rewrite them (your own sheets are never changed).' : ' Nothing was written.';
  return { title: said.title, detail: `${said.detail}${written}` };
}

/** The Office.js error code of an error (OfficeExtension.Error.code), or a "Code: message" prefix. */
export function errorCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') return (e as { code: string }).code;
  const m = e instanceof Error ? /^([A-Z][A-Za-z]+): /.exec(e.message) : null;
  return m ? m[1] : undefined;
}

export const SELECT_FAILED = (ref: string): Said => ({ title: `Excel could not select ${ref}.`, detail: 'The sheet may have been renamed or deleted. Check the sheet tabs, then build again.' });
