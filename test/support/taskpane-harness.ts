// The task pane in headless Chromium over the fake Office host: one production build of the pane
// per test process (OUTTURN_PANE_DIST reuses a build while working), a local server, a browser, and
// what the tests measure — axe (WCAG 2.2 AA and best practice), what is in view without scrolling,
// the keyboard focus. Microsoft's CDN is never contacted: office.js is stubbed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { serve } from './static-server';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = resolve(__dirname, '..', '..');
/** Screenshots to look at go here (set OUTTURN_SCREENSHOTS to keep them elsewhere). */
export const SHOTS = process.env.OUTTURN_SCREENSHOTS && process.env.OUTTURN_SCREENSHOTS !== 'docs' ? process.env.OUTTURN_SCREENSHOTS : join(tmpdir(), 'outturn-taskpane-shots');
/** The README's screenshots: into docs/ with OUTTURN_SCREENSHOTS=docs (npm run screenshots), else beside the others. */
export const DOC_SHOTS = process.env.OUTTURN_SCREENSHOTS === 'docs' ? join(ROOT, 'docs') : SHOTS;


export interface HostOptions {
  excelApi?: string;
  theme?: { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string };
}

/** Office's dark ("Black") theme colours, as officeTheme gives them. */
export const DARK = { bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#333333', controlForegroundColor: '#ffffff' };
/** Office's "Dark Gray" theme: a mid-grey body, the hardest background for contrast. */
export const DARK_GRAY = { bodyBackgroundColor: '#444444', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#6a6a6a', controlForegroundColor: '#ffffff' };

export type Look = 'light' | 'dark' | 'forced';
export interface PaneOptions extends HostOptions {
  width?: number;
  height?: number;
  look?: Look;
  /** localStorage before the pane loads (settings kept on this computer) */
  local?: Record<string, string>;
  /** document settings of the workbook before the pane loads */
  docSettings?: Record<string, unknown>;
  /** no Office host at all: the page opened in a plain browser */
  noOffice?: boolean;
}

let dist: string | undefined;
let ownDist = false;
let server: Server | undefined;
let context: BrowserContext | undefined;
let profile: string | undefined;
let hostScript = '';
let base = '';
let users = 0;


/** Chromium is there (or, outside CI, the suite skips with a reason). */
export function needChromium(ctx: Mocha.Context): void {
  if (existsSync(CHROMIUM)) return;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: CI must install chromium`);
  console.log(`      skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`);
  ctx.skip();
}

/** Builds (once per process) and serves the pane, and starts the browser; pair with release(). */
export async function acquire(): Promise<{ dist: string; base: string }> {
  users++;
  if (!dist) {
    if (process.env.OUTTURN_PANE_DIST && existsSync(join(process.env.OUTTURN_PANE_DIST, 'taskpane.html'))) dist = process.env.OUTTURN_PANE_DIST;
    else {
      dist = mkdtempSync(join(tmpdir(), 'outturn-dist-'));
      ownDist = true;
      const built = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--output-path', dist], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(built.status, 0, `webpack failed:\n${built.stdout}\n${built.stderr}`);
      process.on('exit', () => rmSync(dist!, { recursive: true, force: true }));
    }
    const esbuild = await import('esbuild');
    const out = await esbuild.build({ entryPoints: [join(ROOT, 'test', 'support', 'fakes', 'fake-office-host.ts')], bundle: true, format: 'iife', write: false, target: 'es2020' });
    hostScript = out.outputFiles[0].text;
  }
  if (!server) {
    server = await serve(dist);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  if (!context) {
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'outturn-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
      viewport: { width: 320, height: 600 },
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    mkdirSync(SHOTS, { recursive: true });
  }
  void ownDist;
  return { dist, base };
}

export async function release(): Promise<void> {
  if (--users > 0) return;
  await context?.close();
  context = undefined;
  if (profile) rmSync(profile, { recursive: true, force: true });
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  server = undefined;
}

export interface Pane extends Page {
  outside: string[];
  errors: string[];
}

/** A fresh pane over a fresh fake workbook, at the size and look asked for (320×600 light by default). */
export async function openPane(options: PaneOptions = {}): Promise<Pane> {
  const page = (await context!.newPage()) as Pane;
  await page.setViewportSize({ width: options.width ?? 320, height: options.height ?? 600 });
  if (options.look === 'forced') await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('https://appsforoffice.microsoft.com/')) return route.fulfill({ contentType: 'application/javascript', body: '/* office.js stubbed by the test */' });
    if (url.startsWith(base)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const host: HostOptions = { excelApi: options.excelApi, theme: options.theme ?? (options.look === 'dark' ? DARK : undefined) };
  const pre = `localStorage.clear();${Object.entries(options.local ?? {}).map(([k, v]) => `localStorage.setItem(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('')}`;
  const doc = `Object.entries(${JSON.stringify(options.docSettings ?? {})}).forEach(([k, v]) => window.__outturnFake.settings.set(k, v));`;
  if (!options.noOffice) await page.addInitScript(`window.__outturnHostOptions = ${JSON.stringify(host)};\n${hostScript}\n${pre}\n${doc}`);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/taskpane.html`);
  if (options.noOffice) await page.waitForSelector('#not-in-excel:not([hidden])');
  else await page.waitForFunction(() => document.body.dataset.ready === 'true');
  page.outside = outside;
  page.errors = errors;
  return page;
}

/** The message bar's title and detail. */
export const status = async (page: Page) => `${(await page.locator('#status-title').textContent()) ?? ''}`;
export const statusAll = async (page: Page) => `${(await page.locator('#status-title').textContent()) ?? ''} ${(await page.locator('#status-detail').textContent()) ?? ''}`;
/** Waits until the bar's title matches and the pane is not busy. */
export const waitStatus = (page: Page, re: RegExp) =>
  page.waitForFunction((src) => new RegExp(src).test(document.getElementById('status-title')?.textContent ?? '') && !document.querySelector('main')?.hasAttribute('aria-busy'), re.source, { timeout: 60000 });

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
/** Every state axe checked, with its violations (an empty list each, when all is well). */
export const axeLog: { state: string; violations: string[] }[] = [];

/**
 * axe-core on the page as it stands: WCAG 2.0/2.1/2.2 A and AA rules and best practice, every
 * <details> opened first so collapsed findings and settings are checked too (then closed again).
 */
export async function axe(page: Page, state: string): Promise<void> {
  const opened = await page.evaluate(() => {
    const shut = [...document.querySelectorAll('details:not([open])')] as HTMLDetailsElement[];
    for (const d of shut) {
      d.dataset.openedByTest = '1';
      d.open = true;
    }
    return shut.length;
  });
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`).join(' | ')}`);
  });
  if (opened) {
    await page.evaluate(() => document.querySelectorAll('details[data-opened-by-test]').forEach((d) => {
      (d as HTMLDetailsElement).open = false;
      delete (d as HTMLDetailsElement).dataset.openedByTest;
    }));
  }
  axeLog.push({ state, violations: result });
  assert.deepEqual(result, [], `axe, ${state}`);
}

/** How much of an element is in view without scrolling: its box and whether it lies wholly in the viewport. */
export async function inView(page: Page, selector: string): Promise<{ top: number; bottom: number; height: number; visible: boolean }> {
  return page.evaluate((sel) => {
    const e = document.querySelector(sel) as HTMLElement | null;
    if (!e || e.offsetParent === null && getComputedStyle(e).position !== 'fixed' && getComputedStyle(e).position !== 'sticky') return { top: -1, bottom: -1, height: window.innerHeight, visible: false };
    const r = e.getBoundingClientRect();
    return { top: Math.round(r.top), bottom: Math.round(r.bottom), height: window.innerHeight, visible: r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0 };
  }, selector);
}

/** Every in-view measurement the tests took: action, size, element, its box. */
export const viewLog: { action: string; size: string; element: string; top: number; bottom: number }[] = [];
export async function assertInView(page: Page, action: string, selectors: string[]): Promise<void> {
  const size = page.viewportSize();
  for (const s of selectors) {
    const v = await inView(page, s);
    viewLog.push({ action, size: `${size?.width}×${size?.height}`, element: s, top: v.top, bottom: v.bottom });
    assert.ok(v.visible, `${action}: ${s} is not in view without scrolling at ${size?.width}×${size?.height} (top ${v.top}, bottom ${v.bottom})`);
  }
}

/** The id (or text) of the focused element. */
export const focused = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || document.activeElement?.tagName);

/** No element is wider than the pane (nothing runs off its right edge). */
export async function assertFits(page: Page, state: string): Promise<void> {
  const over = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    return [...document.querySelectorAll('main *, .bar *, header *')]
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.right > w + 0.5)
      .map(({ e, r }) => `${e.tagName.toLowerCase()}#${e.id} right ${Math.round(r.right)} > ${w}`);
  });
  assert.deepEqual(over, [], `${state}: runs past the pane's right edge`);
}

export const fake = {
  sheets: (page: Page) => page.evaluate(() => (window as any).__outturnFake.wb.sheets.map((s: { name: string }) => s.name) as string[]),
  syncs: (page: Page) => page.evaluate(() => (window as any).__outturnFake.wb.syncs.length as number),
  snapshot: (page: Page) => page.evaluate(() => (window as any).__outturnFake.wb.snapshot() as string),
  setValues: (page: Page, sheet: string, values: unknown[][], at?: string) => page.evaluate(({ sheet, values, at }) => (window as any).__outturnFake.wb.setValues(sheet, values, at), { sheet, values, at }),
  cell: (page: Page, sheet: string, at: string) => page.evaluate(({ sheet, at }) => (window as any).__outturnFake.wb.cell(sheet, at).value, { sheet, at }),
  selections: (page: Page) => page.evaluate(() => (window as any).__outturnFake.wb.selections as string[]),
  setting: (page: Page, key: string) => page.evaluate((k) => (window as any).__outturnFake.settings.get(k), key),
};
