// "Audit a report…" in the built task pane, in headless Chromium over the fake Office host, under
// the pane's real Content-Security-Policy (the built taskpane.html's): the auditor picks the
// committed Derbyshire finance section (examples/*.pdf, read by the real pdf.js in the browser,
// and *.html), the tables land on a new sheet the add-in owns with figures as numbers, the ten
// Table 3 differences are listed and each one's Go to selects the cell holding the printed figure,
// the narrative's £0.370m and 87.9% are shown with the figures they should read; pdf.js is fetched
// only once a PDF is picked, from the add-in's own origin; nothing else is requested; a PDF with
// no text and a file that is not a PDF are said in words. (test/taskpane/harness.ts)
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { acquire, axe, fake, needChromium, openPane, release, ROOT, SHOTS, statusAll, waitStatus, type Pane } from '../support/taskpane-harness';

const PDF = join(ROOT, 'examples', 'derbyshire-2020-21-finance-section.pdf');
const HTML = join(ROOT, 'examples', 'derbyshire-2020-21-finance-section.html');

/** The ten Table 3 differences as the published report prints them (each £1; docs/report-audit.md). */
const TABLE3 = ['1499006', '6143244', '6764645', '5241444', '5241444', '626085', '8967834', '9154757', '7151663', '6626913'];

/** Every request the page makes, and every Content-Security-Policy violation it reports. */
async function watch(page: Pane): Promise<{ requests: string[] }> {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('worker', (w) => requests.push(`worker:${w.url()}`));
  await page.evaluate(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { requests };
}

async function pick(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Audit a report…' }).click();
  await (await chooser).setFiles(file);
}

async function openAll(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('#findings details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

/** Each listed finding: its text, its detail and its Go to reference. */
async function items(page: Page): Promise<{ what: string; detail: string; place: string; ref: string }[]> {
  return page.evaluate(() => [...document.querySelectorAll('#findings li')].map((li) => ({
    what: li.querySelector(':scope > .what')?.textContent ?? '',
    detail: li.querySelector(':scope > .detail')?.textContent ?? '',
    place: li.querySelector(':scope > .place')?.textContent ?? '',
    ref: (li.querySelector(':scope > button.go')?.textContent ?? '').replace(/^Go to /, ''),
  })));
}

/** Clicks the Go to of the item whose ref is `ref` and returns what the fake workbook selected. */
async function goTo(page: Page, ref: string): Promise<string> {
  const before = (await fake.selections(page)).length;
  await page.locator('#findings button.go, #ties button.go').filter({ hasText: `Go to ${ref}` }).first().click();
  await page.waitForFunction((n) => (window as any).__outturnFake.wb.selections.length > n, before);
  return (await fake.selections(page)).at(-1)!;
}

const splitRef = (ref: string) => {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+[0-9]+)$/.exec(ref)!;
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), at: m[3] };
};

describe('task pane: Audit a report… (headless Chromium, fake Office host, real pdf.js)', function () {
  this.timeout(180000);
  let dist: string;

  before(async function () {
    needChromium(this);
    ({ dist } = await acquire());
  });

  after(async () => {
    if (dist) await release();
  });

  it('the build serves pdf.js and its worker from the add-in itself, as a chunk apart from the pane', () => {
    const pane = readFileSync(join(dist, 'taskpane.js'), 'utf8');
    assert.ok(readFileSync(join(dist, 'pdf.worker.js'), 'utf8').length > 500_000, 'pdf.worker.js is served beside the pane');
    assert.doesNotMatch(pane, /getTextContent|GlobalWorkerOptions/, 'pdf.js is not in the pane\'s own script');
    assert.doesNotMatch(pane, /cdn|jsdelivr|unpkg|cdnjs/i, 'no CDN named in the pane');
  });

  it('a PDF: the tables on a new sheet, the ten Table 3 differences each going to its cell, £0.370m and 87.9% shown; pdf.js loaded only now, nothing sent anywhere', async () => {
    const page = await openPane();
    const { requests } = await watch(page);
    await fake.setValues(page, 'Sheet1', [['my own figures', 1]]);
    const mine = await fake.snapshot(page);
    // Before a PDF is picked, nothing of pdf.js has been fetched.
    const scripts = () => requests.filter((u) => /\.js($|\?)/.test(u)).map((u) => u.replace(/^worker:/, '').replace(/^.*\//, ''));
    assert.ok(!scripts().some((s) => s.startsWith('pdf')), `fetched before a PDF was picked: ${scripts().join(', ')}`);
    const first = new Set(scripts());

    await pick(page, PDF);
    await waitStatus(page, /^Audited “derbyshire-2020-21-finance-section\.pdf”/);
    const said = await statusAll(page);
    assert.match(said, /12 warnings to look at\./);
    assert.match(said, /Its 3 tables are on the new sheet “Audit derbyshire-2020-21-financ”, figures as numbers to tick\./);
    assert.match(said, /Nothing left this computer\./);
    const sheet = 'Audit derbyshire-2020-21-financ';
    assert.deepEqual(await fake.sheets(page), ['Sheet1', sheet]);
    assert.equal(await fake.cell(page, 'Sheet1', 'A1'), 'my own figures');
    assert.equal(JSON.parse(await fake.snapshot(page)).find((s: { name: string }) => s.name === 'Sheet1').cells.length, JSON.parse(mine)[0].cells.length);

    // pdf.js and its worker came from the add-in's origin, after the pick; no other request left it.
    const later = scripts().filter((s) => !first.has(s));
    assert.ok(later.includes('pdf.worker.js'), `pdf.js's worker was not started: ${later.join(', ')}`);
    assert.ok(later.some((s) => /^pdf\.js$/.test(s)), `the pdf chunk was not fetched: ${later.join(', ')}`);
    assert.deepEqual(page.outside, [], 'no request left the add-in');
    assert.ok(requests.every((u) => u.replace(/^worker:/, '').startsWith('http://127.0.0.1:') || u.startsWith('https://appsforoffice.microsoft.com/') || u.startsWith('blob:')), requests.join('\n'));
    assert.deepEqual(await page.evaluate(() => (window as any).__csp), [], 'the Content-Security-Policy refused nothing');
    assert.deepEqual(page.errors, []);

    await openAll(page);
    const listed = await items(page);
    // The ten Table 3 differences: listed under the table, each going to the cell that holds the printed figure.
    const casts = listed.filter((i) => /^printed \d+; should be \d+/.test(i.detail) && /add up to/.test(i.what));
    assert.deepEqual(casts.map((i) => /^printed (\d+)/.exec(i.detail)![1]), TABLE3);
    const groups = await page.locator('#findings section.fgroup h3').allTextContents();
    assert.ok(groups.includes('Page 4, table 1: 10 warnings'), groups.join(' | '));
    for (const c of casts) {
      const selected = await goTo(page, c.ref);
      assert.equal(selected, c.ref);
      const { sheet: s, at } = splitRef(selected);
      assert.equal(s, sheet);
      assert.equal(await fake.cell(page, s, at), Number(/^printed (\d+)/.exec(c.detail)![1]), `${c.ref} holds the printed figure as a number`);
      assert.match(c.place, /^In the report: page [45], table 1/);
    }
    // The narrative: £0.370m should read £0.371m; 87.9% is 87.96% cut short (88.0%).
    const underspend = listed.find((i) => i.what.startsWith('£0.370m is £370,741 cut short'));
    assert.ok(underspend, listed.map((i) => i.what).join('\n'));
    assert.match(underspend.detail, /printed £0\.370m; should be £0\.371m/);
    const at = splitRef(await goTo(page, underspend.ref));
    assert.equal(await fake.cell(page, at.sheet, at.at), -370741, 'its Go to selects Table 1’s (370,741)');
    const capital = listed.find((i) => i.what.startsWith('87.9% is 87.96% cut short'));
    assert.ok(capital, listed.map((i) => i.what).join('\n'));
    assert.match(capital.detail, /printed 87\.9%; should be 88\.0%/);
    // The figures quoted in the text, each with its tie.
    const ties = await page.locator('#ties li .what').allTextContents();
    // each where a reader finds it: the page, the line of the page and the paragraph on it
    const capitalPara = 'page 2, line 15, paragraph 1 (the 1st under the heading “Capital”)';
    assert.deepEqual(ties, ['£0.370m — page 1, line 4, paragraph 2 (the 1st under the heading “Revenue”): cut short, not rounded',
      `£13.605m — ${capitalPara}: tied`, `£15.467 — ${capitalPara}: tied`, `87.9% — ${capitalPara}: cut short, not rounded`]);

    // The sheet: titles naming the page and table, labels as text, figures as numbers.
    const cells = JSON.parse(await fake.snapshot(page)).find((s: { name: string }) => s.name === sheet).cells as [string, { value: unknown; numberFormat?: string }][];
    const texts = cells.map(([, c]) => c.value);
    assert.ok(texts.includes('Page 1, table 1: Table 1'), 'a title names the page and table');
    assert.ok(texts.includes('Page 4, table 1'));
    assert.ok(texts.includes('TOTAL EARMARKED RESERVES'));
    assert.ok(texts.includes(-370741) && texts.includes(1499006) && texts.includes(6626913));
    assert.ok(!texts.some((v) => typeof v === 'string' && /^\(?[0-9]{1,3}(,[0-9]{3})+\)?$/.test(v)), 'no figure left as text');
    assert.ok(texts.includes('6,7'), 'a Ref cell "6,7" (two notes) stays text');

    await axe(page, 'report audited (PDF), every finding opened');
    await page.screenshot({ path: join(SHOTS, 'taskpane-report-audit.png'), fullPage: true });

    // A second audit of the same file: a second new sheet, the first left as it is.
    await pick(page, PDF);
    await waitStatus(page, /^Audited/);
    assert.deepEqual(await fake.sheets(page), ['Sheet1', sheet, 'Audit derbyshire-2020-21-fi (2)']);
    await page.close();
  });

  it('a web page: the same tables and findings, read with the parser the command line uses; pdf.js is never fetched (keyboard only)', async () => {
    const page = await openPane();
    const { requests } = await watch(page);
    // by keyboard: Enter on the button opens the file picker; the outcome takes the focus
    const chooser = page.waitForEvent('filechooser');
    await page.locator('#audit-report').focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(HTML);
    await waitStatus(page, /^Audited “derbyshire-2020-21-finance-section\.html”/);
    assert.match(await statusAll(page), /12 warnings to look at/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'h-results', 'focus moves to the results');
    assert.ok(!requests.some((u) => /\/pdf[^/]*\.js/.test(u)), 'pdf.js is not fetched for a web page');
    await openAll(page);
    const listed = await items(page);
    const casts = listed.filter((i) => /add up to/.test(i.what));
    assert.equal(casts.length, 10);
    for (const c of casts) {
      const { sheet, at } = splitRef(await goTo(page, c.ref));
      assert.equal(await fake.cell(page, sheet, at), Number(/^printed (\d+)/.exec(c.detail)![1]));
    }
    assert.ok(listed.some((i) => i.what.startsWith('£0.370m is £370,741 cut short')));
    assert.ok(listed.some((i) => i.what.startsWith('87.9% is 87.96% cut short')));
    assert.deepEqual(page.outside, []);
    assert.deepEqual(await page.evaluate(() => (window as any).__csp), []);
    await axe(page, 'report audited (web page)');
    await page.close();
  });

  it('a PDF with no text (a scanned page) and a file that is not a PDF are said in words; nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outturn-report-'));
    const scanned = join(dir, 'scanned.pdf');
    writeFileSync(scanned, imageOnlyPdf());
    const broken = join(dir, 'broken.pdf');
    writeFileSync(broken, 'this is not a PDF at all');
    const page = await openPane();
    const before = await fake.snapshot(page);
    await pick(page, scanned);
    await waitStatus(page, /^“scanned\.pdf” has no text to read: its pages look like scanned images\./);
    assert.match(await statusAll(page), /cannot read figures from a picture.*Nothing was written\./);
    assert.equal(await fake.snapshot(page), before);
    await axe(page, 'report audit: a scanned PDF');
    await pick(page, broken);
    await waitStatus(page, /^“broken\.pdf” could not be read as a PDF\./);
    assert.equal(await fake.snapshot(page), before);
    await axe(page, 'report audit: not a PDF');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

/** A one-page PDF whose page only draws (no text): what a scanner's PDF looks like to a text reader. */
function imageOnlyPdf(): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ];
  const stream = '0.5 g 72 600 450 150 re f';
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}
