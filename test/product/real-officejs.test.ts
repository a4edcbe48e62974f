// The pane as Excel loads it, in headless Chromium: the development build (what `npm run
// dev-server` and docs/sideloading.md serve) under the pane's own Content-Security-Policy, with the
// REAL office.js from the npm package @microsoft/office-js served in place of Microsoft's CDN (both
// its hosts, the old and the new), no other network. Then, over the fake Office host: the web-view
// check an old Excel would see, "Copy for report" with no clipboard permission (the write must start
// within the click, as Safari and Excel on the web require), and settings whose save fails.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize, resolve } from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { serve } from '../support/static-server';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(__dirname, '..', '..');
const OFFICE_DIST = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const OFFICE_HOSTS = ['https://appsforoffice.microsoft.com/lib/1/hosted/', 'https://officeapis.public.onecdn.static.microsoft/1/'];


interface Watched {
  page: Page;
  /** CSP violations: "directive blockedURI" */
  violations: () => Promise<string[]>;
  errors: string[];
  /** requests that were neither the pane's origin nor office.js's CDN (aborted) */
  outside: string[];
  /** office.js files fetched from the CDN hosts (served from the npm package) */
  office: string[];
}

describe('the pane as Excel loads it: development build, real office.js, the real CSP (Chromium)', function () {
  this.timeout(300_000);
  let dist: string;
  let server: Server | undefined;
  let base: string;
  let context: BrowserContext | undefined;
  let profile: string;
  let hostScript: string;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: CI must install chromium`);
      console.log(`      skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`);
      this.skip();
    }
    assert.ok(existsSync(join(OFFICE_DIST, 'office.js')), 'npm ci installs @microsoft/office-js (a devDependency)');
    dist = mkdtempSync(join(tmpdir(), 'outturn-devdist-'));
    const built = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'development', '--output-path', dist], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(built.status, 0, `webpack failed:\n${built.stdout}\n${built.stderr}`);
    const esbuild = await import('esbuild');
    const out = await esbuild.build({ entryPoints: [join(ROOT, 'test', 'support', 'fakes', 'fake-office-host.ts')], bundle: true, format: 'iife', write: false, target: 'es2020' });
    hostScript = out.outputFiles[0].text;
    server = await serve(dist);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'outturn-chromium-'));
    // No clipboard permission is granted in this browser.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 360, height: 900 },
    });
  });

  after(async () => {
    await context?.close();
    await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
    if (dist) rmSync(dist, { recursive: true, force: true });
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** A page that records CSP violations, errors and every request leaving localhost. */
  async function open(opts: { fakeHost?: Record<string, unknown>; init?: string } = {}): Promise<Watched> {
    const page = await context!.newPage();
    const w: Watched = { page, violations: async () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), errors: [], outside: [], office: [] };
    await page.route('**/*', (route: Route) => {
      const url = route.request().url();
      const host = OFFICE_HOSTS.find((h) => url.startsWith(h));
      if (host) {
        const file = join(OFFICE_DIST, normalize(new URL(url).pathname.slice(new URL(host).pathname.length)));
        w.office.push(url);
        if (!file.startsWith(OFFICE_DIST) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
        return route.fulfill({ contentType: 'application/javascript', body: readFileSync(file) });
      }
      if (url.startsWith(base)) return route.continue();
      w.outside.push(url);
      return route.abort();
    });
    await page.addInitScript(`window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`);
    if (opts.init) await page.addInitScript(opts.init);
    if (opts.fakeHost) {
      // The fake host defines Office and Excel; office.js itself is then left out.
      await page.route(`${OFFICE_HOSTS[0]}office.js`, (route) => route.fulfill({ contentType: 'application/javascript', body: '/* the fake Office host stands in */' }));
      await page.addInitScript(`window.__outturnHostOptions = ${JSON.stringify(opts.fakeHost)};\n${hostScript}`);
    }
    page.on('pageerror', (e) => w.errors.push(e.message));
    await page.goto(`${base}/taskpane.html`);
    return w;
  }
  /** The message bar (title and detail) matches, and the pane is not busy. */
  const waitStatus = async (page: Page, re: RegExp) => {
    try {
      await page.waitForFunction((src) => new RegExp(src).test(`${document.getElementById('status-title')?.textContent ?? ''} ${document.getElementById('status-detail')?.textContent ?? ''}`) && !document.querySelector('main')?.hasAttribute('aria-busy'), re.source, { timeout: 30000 });
    } catch (e) {
      throw new Error(`waiting for ${re} in the message bar, which says: ${JSON.stringify(await page.locator('#status').textContent())}`, { cause: e });
    }
  };

  it('the development build carries no eval: its source maps are files', () => {
    const js = readdirSync(dist).filter((f) => f.endsWith('.js'));
    assert.ok(js.includes('taskpane.js') && js.includes('engine.worker.js'));
    for (const f of js) {
      const text = readFileSync(join(dist, f), 'utf8');
      assert.doesNotMatch(text, /(^|[^.\w])eval\s*\(/, `${f} calls eval`);
      // webpack's runtime keeps `new Function('return this')` as a fallback it never reaches where globalThis exists.
      // pdf.js (the report audit's on-demand chunk and its worker) has two uses, both behind its
      // isEvalSupported option, which src/pdf/pages.ts sets false (and the CSP has no 'unsafe-eval'):
      // the feature test `new Function("")` and the PostScript function compiler.
      const pdfjsGuarded = /new Function\(""\)|new Function\("src","srcOffset","dest","destOffset",\w+\)/g;
      assert.doesNotMatch(text.replace(/return this \|\| new Function\('return this'\)\(\);/g, '').replace(pdfjsGuarded, ''), /new Function\s*\(/, `${f} makes a function from text`);
    }
    assert.ok(readdirSync(dist).some((f) => f.endsWith('.js.map')), 'source maps as files');
  });

  it('loads the development build with the real office.js under the real CSP: Office starts, nothing is blocked, nothing leaves', async () => {
    const w = await open();
    // Outside Office, office.js's onReady answers with no host, and the pane says where to open it.
    await w.page.waitForFunction(() => !(document.getElementById('not-in-excel') as HTMLElement).hidden, undefined, { timeout: 30000 });
    const info = await w.page.evaluate(() => (window as unknown as { Office: typeof Office }).Office.onReady().then((i) => ({ host: i.host, hasExcel: typeof (window as unknown as { Excel?: unknown }).Excel })));
    assert.equal(info.host, null);
    assert.ok(w.office.some((u) => u.endsWith('/office.js')), 'office.js came from its CDN URL');
    assert.deepEqual(await w.violations(), [], 'the CSP blocked nothing office.js or the pane needed');
    assert.deepEqual(w.errors, []);
    assert.deepEqual(w.outside, [], 'no request left localhost and office.js');
    // The engine worker starts under worker-src 'self' in the development build too.
    const worker = await w.page.evaluate(() => new Promise<string>((ok) => {
      const wk = new Worker('engine.worker.js');
      wk.onerror = (e) => ok(`error ${e.message}`);
      setTimeout(() => ok('started'), 500);
    }));
    assert.equal(worker, 'started');
    await w.page.close();
  });

  it("allows office.js from Microsoft's new CDN host and the inline styles Excel on the web applies; refuses other hosts and inline script", async () => {
    const w = await open();
    await w.page.waitForFunction(() => typeof (window as unknown as { Office?: unknown }).Office !== 'undefined', undefined, { timeout: 30000 });
    const load = (src: string) => w.page.evaluate((s) => new Promise<string>((ok) => {
      const el = document.createElement('script');
      el.src = s;
      el.onload = () => ok('loaded');
      el.onerror = () => ok('refused');
      document.head.appendChild(el);
    }), src);
    assert.equal(await load(`${OFFICE_HOSTS[1]}office.js`), 'loaded');
    assert.deepEqual(await w.violations(), []);
    await w.page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = '.ms-inline { display: none }';
      document.head.appendChild(style);
      document.body.setAttribute('style', 'margin: 0');
    });
    assert.deepEqual(await w.violations(), [], 'inline styles are allowed');
    assert.equal(await load('https://cdn.example.com/x.js'), 'refused');
    await w.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.appendChild(s);
    });
    const v = await w.violations();
    assert.ok(v.some((x) => /^script-src(-elem)? https:\/\/cdn\.example\.com/.test(x)), v.join('\n'));
    assert.ok(v.some((x) => /^script-src(-elem)? inline/.test(x)), v.join('\n'));
    assert.equal(await w.page.evaluate(() => (window as unknown as { __inline?: number }).__inline), undefined);
    await w.page.close();
  });

  it('an old web view (no ES2022, as Internet Explorer 11 and Edge Legacy) is told which Excel Outturn needs', async () => {
    const w = await open({ init: 'delete Array.prototype.at; delete Object.hasOwn;' });
    const msg = w.page.locator('#webview-too-old');
    await msg.waitFor({ timeout: 30000 });
    assert.match((await msg.textContent()) ?? '', /Outturn needs Excel 2021 or later, Microsoft 365 .*WebView2/);
    await w.page.close();
    const ok = await open();
    await ok.page.waitForFunction(() => !(document.getElementById('not-in-excel') as HTMLElement).hidden, undefined, { timeout: 30000 });
    assert.equal(await ok.page.locator('#webview-too-old').count(), 0);
    await ok.page.close();
  });

  async function builtPane(fakeHost: Record<string, unknown>): Promise<Watched> {
    const w = await open({ fakeHost });
    await w.page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 30000 });
    await w.page.getByRole('button', { name: 'Load the worked example' }).click();
    await waitStatus(w.page, /worked example is loaded/);
    return w;
  }

  it('"Copy for report" with no clipboard permission: the write starts within the click, and the table reaches the clipboard', async () => {
    const w = await builtPane({ strictClipboard: 'gesture' });
    await w.page.getByRole('button', { name: 'Copy for report' }).click();
    await waitStatus(w.page, /holds a copy of the table/);
    assert.match((await w.page.locator('#status').textContent()) ?? '', /The table is also on the clipboard/);
    const clip = await w.page.evaluate(() => (window as unknown as { __outturnFake: { clipboard: { html?: string; text?: string; refused: number } } }).__outturnFake.clipboard);
    assert.equal(clip.refused, 0);
    assert.match(clip.text ?? '', /Police Staff Pay/);
    assert.match(clip.html ?? '', /^<table/);
    assert.deepEqual(w.errors, []);
    await w.page.close();
  });

  it('where the web view refuses even that, a second "Copy the table" click puts it there', async () => {
    const w = await builtPane({ strictClipboard: 'no-deferred' });
    await w.page.getByRole('button', { name: 'Copy for report' }).click();
    await waitStatus(w.page, /click "Copy the table" to put it there/);
    await w.page.getByRole('button', { name: 'Copy the table' }).click();
    await waitStatus(w.page, /^The table is on the clipboard/);
    const clip = await w.page.evaluate(() => (window as unknown as { __outturnFake: { clipboard: { text?: string; refused: number } } }).__outturnFake.clipboard);
    assert.equal(clip.refused, 1);
    assert.match(clip.text ?? '', /Police Staff Pay/);
    await w.page.close();
  });

  it('settings whose save fails are reported as not saved, with why; a good save says when they reach the file', async () => {
    const bad = await builtPane({ settingsSaveFails: true });
    await bad.page.evaluate(() => (document.getElementById('settings-form') as HTMLFormElement).requestSubmit());
    await waitStatus(bad.page, /Settings saved for this session only\./);
    assert.match((await bad.page.locator('#status').textContent()) ?? '', /Excel did not keep them with the workbook/);
    await bad.page.close();
    const good = await builtPane({});
    await good.page.evaluate(() => (document.getElementById('settings-form') as HTMLFormElement).requestSubmit());
    await waitStatus(good.page, /^Settings saved with this workbook\. The next build uses them; they are in the file once you save the workbook\.$/);
    await good.page.close();
  });
});
