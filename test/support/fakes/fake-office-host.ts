// A fake Office host for the task pane in a browser: defines `Office` and `Excel` over the strict
// fake workbook before the page's scripts run (the test stubs Microsoft's office.js to nothing).
// The test drives the pane and reads the workbook back through `window.__outturnFake`.
import { FakeWorkbook, fakeExcelRun } from './fake-excel';

interface HostOptions {
  /** Office.context.document.settings.saveAsync reports failure (a read-only workbook) */
  settingsSaveFails?: boolean;
  /**
   * The clipboard as Safari's web view and Excel on the web treat it, with no permission granted:
   * a write is allowed only during a click (transient user activation), else NotAllowedError.
   * What reached the clipboard is in __outturnFake.clipboard.
   */
  strictClipboard?: 'gesture' | 'no-deferred';
  /** the newest ExcelApi requirement set the fake Excel supports (default the fake's, 1.13) */
  excelApi?: string;
  theme?: { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string };
}

const w = window as unknown as Record<string, unknown>;
const opts = (w.__outturnHostOptions ?? {}) as HostOptions;
const wb = new FakeWorkbook({ excelApi: opts.excelApi });
wb.addSheet('Sheet1');
const settings = new Map<string, unknown>();
const runs: string[] = [];
const run = fakeExcelRun(wb);

const clipboard: { html?: string; text?: string; refused: number } = { refused: 0 };
w.__outturnFake = { wb, settings, runs, clipboard };
w.Excel = {
  // Excel.run(batch) or Excel.run(options, batch), as Office.js takes them.
  run: (a: unknown, b?: unknown) => {
    runs.push(new Error().stack?.split('\n')[2]?.trim() ?? '');
    return (run as (x: unknown, y?: unknown) => Promise<unknown>)(a, b);
  },
};
if (opts.strictClipboard) {
  // A click's gesture lasts for the click's own task (and its microtasks), as in Safari's web view.
  let inGesture = false;
  for (const type of ['click', 'keydown']) {
    document.addEventListener(type, () => {
      inGesture = true;
      setTimeout(() => { inGesture = false; }, 0);
    }, true);
  }
  // ClipboardItem as the page makes it, noting whether its data were promises (deferred).
  class FakeClipboardItem {
    readonly types: string[];
    readonly deferred: boolean;
    constructor(private readonly data: Record<string, Blob | Promise<Blob>>) {
      this.types = Object.keys(data);
      this.deferred = Object.values(data).some((v) => v instanceof Promise);
    }
    async getType(t: string): Promise<Blob> {
      return this.data[t];
    }
  }
  w.ClipboardItem = FakeClipboardItem;
  const write = async (items: FakeClipboardItem[]) => {
    // The gesture is checked when write() is called, not when the data arrive; a web view that
    // takes no promised data ('no-deferred') refuses those.
    if (!inGesture || (opts.strictClipboard === 'no-deferred' && items.some((i) => i.deferred))) {
      clipboard.refused++;
      throw new DOMException('The request is not allowed by the user agent or the platform in the current context.', 'NotAllowedError');
    }
    const item = items[0];
    clipboard.html = await (await item.getType('text/html')).text();
    clipboard.text = await (await item.getType('text/plain')).text();
  };
  Object.defineProperty(navigator, 'clipboard', { value: { write }, configurable: true });
}
w.Office = {
  HostType: { Excel: 'Excel' },
  onReady(cb?: (info: { host: string; platform: string }) => void) {
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    return new Promise((resolve) => setTimeout(() => {
      cb?.(info);
      resolve(info);
    }, 0));
  },
  context: {
    officeTheme: opts.theme,
    // The same answer the fake workbook acts on (it refuses newer calls with ApiNotFound).
    requirements: { isSetSupported: (set: string, v?: string) => wb.isSetSupported(set, v) },
    document: {
      settings: {
        get: (k: string) => (settings.has(k) ? settings.get(k) : null),
        set: (k: string, v: unknown) => settings.set(k, v),
        saveAsync: (cb?: (r: { status: string; error?: { name: string; message: string } }) => void) => setTimeout(() => cb?.(opts.settingsSaveFails
          ? { status: 'failed', error: { name: 'Permission Denied', message: 'the workbook is read-only' } }
          : { status: 'succeeded' }), 0),
      },
    },
  },
};
