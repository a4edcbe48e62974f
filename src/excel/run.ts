/// <reference types="office-js" />
// Every Excel.run of the task pane goes through runExcel, which adds what real Excel needs and the
// fake could not show before issue #12:
// - cell-edit mode: on Windows, clicking the pane does not take Excel out of a cell being typed in,
//   and every request fails with InvalidOperationInCellEditMode. With ExcelApi 1.11 the run asks
//   Excel to wait until the user leaves the cell ({ delayForCellEdit: true }); before 1.11, or if
//   Excel still refuses, the error becomes words that say what to do;
// - a timeout: Excel on the web can lose its connection and leave a sync unanswered for ever, which
//   kept the pane busy with no way out. After `timeoutMs` (60 s by default) the run is abandoned
//   with a message that says the workbook may have been changed in part;
// - Excel's error codes in words (request or response too large, hidden sheets, a name taken).

/** An Excel.run-shaped function: with or without run options. */
export type ExcelRun = <T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface RunExcelOptions {
  /** milliseconds before the run is abandoned (default 60,000) */
  timeoutMs?: number;
  /** what the run does, for messages: "the build", "reading the selection" */
  what?: string;
  /** Excel.run; by default the global one */
  run?: ExcelRun;
  /** Office's requirement-set test; by default Office's own */
  isSetSupported?: (set: string, version: string) => boolean;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

/** An Excel failure in words for the pane; `code` is Excel's error code where it gave one. */
export class ExcelProblem extends Error {
  constructor(message: string, readonly code?: string, readonly original?: unknown) {
    super(message);
    this.name = 'ExcelProblem';
  }
}

export const CELL_EDIT_MESSAGE = 'Excel is editing a cell: press Enter (or Esc) to leave the cell, then try again.';

/** Excel's error code, from a RichApi error (`code`) or a message that starts with it. */
export function excelErrorCode(e: unknown): string | undefined {
  const x = e as { code?: unknown; message?: unknown } | undefined;
  if (typeof x?.code === 'string') return x.code;
  const m = typeof x?.message === 'string' ? /^([A-Za-z]+): /.exec(x.message) : null;
  return m?.[1];
}

/**
 * Runs `batch` in Excel with delayForCellEdit where supported, abandons it after the timeout, and
 * turns Excel's errors into ExcelProblem messages. Errors that are already in words (the writer's
 * account of what it wrote) keep their message, with the cause's words added.
 */
export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, opts: RunExcelOptions = {}): Promise<T> {
  const run: ExcelRun = opts.run ?? ((o, b) => Excel.run(o as Excel.RunOptions, b));
  const supported = opts.isSetSupported ?? ((set, v) => (typeof Office === 'undefined' ? false : Office.context?.requirements?.isSetSupported?.(set, v) ?? false));
  const options = supported('ExcelApi', '1.11') ? { delayForCellEdit: true } : {};
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const what = opts.what ?? 'the request';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExcelProblem(
      `Excel did not answer within ${Math.round(timeoutMs / 1000)} seconds, so ${what} was stopped. Excel may still finish it, or may have done part of it: check the workbook (a rebuild replaces Outturn's sheets), and if a cell is being edited, press Enter first. Then try again.`,
      'Timeout',
    )), timeoutMs);
  });
  try {
    return await Promise.race([run(options, batch), timeout]);
  } catch (e) {
    throw inWords(e);
  } finally {
    clearTimeout(timer);
  }
}

/** Excel's error as an ExcelProblem (unchanged if it already is one). */
export function inWords(e: unknown): Error {
  if (e instanceof ExcelProblem) return e;
  const code = excelErrorCode(e);
  const x = e as { told?: string; detail?: string } | undefined;
  const raw = (x?.detail ?? (e instanceof Error ? e.message : String(e))).replace(/^[A-Za-z]+: /, '');
  const words = (() => {
    switch (code) {
      case 'InvalidOperationInCellEditMode': return CELL_EDIT_MESSAGE;
      case 'RequestPayloadSizeLimitExceeded': return 'Excel refused a request as too large (over 5 MB on Excel on the web).';
      case 'ResponsePayloadSizeLimitExceeded': return 'Excel refused to return so much at once (over 5 MB on Excel on the web): select a smaller range.';
      case 'ItemAlreadyExists': return `a sheet or name Outturn needs was created meanwhile, perhaps a sheet added while Outturn was working (${raw}).`;
      case 'ItemNotFound': return `a sheet Outturn needs is no longer there, perhaps deleted or renamed while Outturn was working (${raw}).`;
      case 'AccessDenied': case 'InvalidOperation': return `Excel refused an operation (${raw}): the sheet may be protected or hidden.`;
      case 'ApiNotFound': return `this version of Excel lacks an operation Outturn needs (${raw}).`;
      default: return undefined;
    }
  })();
  if (x?.told) return new ExcelProblem(`${x.told} Excel said: ${words ?? raw}`, code, e);
  if (words) return new ExcelProblem(words.charAt(0).toUpperCase() + words.slice(1), code, e);
  return e instanceof Error ? e : new Error(raw);
}
