// A fake Office host for the task pane in a browser: defines `Office` and `Excel` over the strict
// fake workbook before the page's scripts run (the test stubs Microsoft's office.js to nothing).
// The test drives the pane and reads the workbook back through `window.__outturnFake`.
import { FakeWorkbook, fakeExcelRun } from './fake-excel';

interface HostOptions {
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

w.__outturnFake = { wb, settings, runs };
w.Excel = {
  run: (batch: (ctx: unknown) => Promise<unknown>) => {
    runs.push(new Error().stack?.split('\n')[2]?.trim() ?? '');
    return run(batch as never);
  },
};
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
        saveAsync: (cb?: () => void) => setTimeout(() => cb?.(), 0),
      },
    },
  },
};
