// The built task pane in headless Chromium, over a fake Office host (the strict fake workbook):
// load the worked example, build, see the findings, click one and see the selection request; a
// user's same-named sheet is refused and another name offered; a bad input cell (or a merged one)
// is listed with a link to it and nothing is written; an older Excel's notes are listed.
// Microsoft's CDN is never contacted: office.js is stubbed. (test/support/taskpane-harness.ts)
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { findTable, reserveLinesTable, TEMPLATE_SHEETS } from '../../src/format/templates';
import { a1 } from '../../src/base/a1';
import { asRead, budgetBook, ownRange } from '../support/mapped-book';
import { acquire, fake, needChromium, openPane, release, ROOT, SHOTS, status, statusAll, waitStatus } from '../support/taskpane-harness';
import { templates } from '../../src/taskpane/pipeline-templates';

describe('task pane in headless Chromium (fake Office host)', function () {
  let dist: string;

  before(async function () {
    needChromium(this);
    ({ dist } = await acquire());
  });

  after(async () => {
    if (dist) await release();
  });

  it('the build serves every page and icon the manifest names', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    const paths = [...new Set([...manifest.matchAll(/https:\/\/localhost:3000\/([^"?#<\s]+)/g)].map((m) => m[1]))];
    assert.ok(paths.length >= 5, `only ${paths.length} URLs in the manifest`);
    for (const p of paths) assert.ok(existsSync(join(dist, p)), `manifest.xml names ${p}, which the build does not make`);
  });

  it('loads the example, builds, lists the findings, and a finding selects its cell', async () => {
    const page = await openPane();
    await page.screenshot({ path: join(SHOTS, 'taskpane-ready.png'), fullPage: true });
    await page.getByRole('button', { name: 'Load the worked example' }).click();
    await waitStatus(page, /worked example is loaded/);
    const sheets = await page.evaluate(() => (window as any).__outturnFake.wb.sheets.map((s: { name: string }) => s.name));
    assert.deepEqual(sheets, ['Sheet1', 'Outturn settings', 'Revenue input', 'Capital input', 'Reserves input']);

    await page.getByRole('button', { name: 'Build' }).click();
    await waitStatus(page, /^Built/);
    const text = await statusAll(page);
    assert.match(text, /Wrote 4 sheets: “Table 1 Revenue”, “Table 2 Capital”, “Table 3 Reserves” and “Checks”\./);
    assert.doesNotMatch(text, /round trip/);
    const findings = page.locator('#findings li');
    assert.ok((await findings.count()) >= 1);
    assert.ok((await page.locator('#narrative li').count()) >= 2);
    const syncs = await page.evaluate(() => (window as any).__outturnFake.wb.syncs.length);
    assert.equal(syncs, 1 + 2 + 3, 'one sync to see whether the input sheets exist, two to load the example, three for the build');
    await page.screenshot({ path: join(SHOTS, 'taskpane-built.png'), fullPage: true });

    await page.evaluate(() => document.querySelectorAll('#findings details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const go = page.locator('#findings button.go').first();
    const label = (await go.textContent()) ?? '';
    const ref = label.replace(/^Go to /, '');
    assert.match(ref, /^'?[^!]+'?![A-Z]+[0-9]+$/);
    await go.click();
    await page.waitForFunction(() => (window as any).__outturnFake.wb.selections.length === 1);
    const selected = await page.evaluate(() => (window as any).__outturnFake.wb.selections[0]);
    assert.equal(selected, ref);
    const p = page as unknown as { outside: string[]; errors: string[] };
    assert.deepEqual(p.errors, []);
    assert.deepEqual(p.outside, [], 'no request left localhost');
    await page.close();
  });

  it("refuses to touch a user's same-named sheet, and builds under the offered name", async () => {
    const page = await openPane();
    await page.getByRole('button', { name: 'Load the worked example' }).click();
    await waitStatus(page, /worked example is loaded/);
    await page.evaluate(() => (window as any).__outturnFake.wb.setValues('Checks', [['my checks', 1]]));
    const before = await page.evaluate(() => (window as any).__outturnFake.wb.snapshot());
    await page.getByRole('button', { name: 'Build' }).click();
    await waitStatus(page, /^Nothing was written/);
    assert.match(await status(page), /“Checks” is a sheet of yours/);
    assert.equal(await page.evaluate(() => (window as any).__outturnFake.wb.snapshot()), before);
    await page.screenshot({ path: join(SHOTS, 'taskpane-conflict.png'), fullPage: true });
    await page.getByRole('button', { name: 'Use “Checks (Outturn)”' }).click();
    await waitStatus(page, /^Built/);
    assert.equal(await page.evaluate(() => (window as any).__outturnFake.wb.cell('Checks', 'A1').value), 'my checks');
    assert.match(await page.evaluate(() => (window as any).__outturnFake.wb.cell('Checks (Outturn)', 'A1').value), /^Checks:/);
    assert.equal(await page.locator('#name-checks').inputValue(), 'Checks (Outturn)');
    await page.close();
  });

  it('lists a bad input cell with a link to it and writes nothing (keyboard only)', async () => {
    const page = await openPane();
    await page.getByRole('button', { name: 'Load the worked example' }).click();
    await waitStatus(page, /worked example is loaded/);
    await page.evaluate(() => (window as any).__outturnFake.wb.setValues('Revenue input', [['twelve']], 'F6'));
    const before = await page.evaluate(() => (window as any).__outturnFake.wb.snapshot());
    await page.locator('#build').focus();
    await page.keyboard.press('Enter');
    await waitStatus(page, /^Nothing was written: the input has 1 problem\./);
    assert.equal(await page.evaluate(() => (window as any).__outturnFake.wb.snapshot()), before);
    const item = page.locator('#findings li').first();
    assert.match((await item.locator('.what').textContent()) ?? '', /^"twelve" is not an amount/);
    assert.match((await item.locator('.place').textContent()) ?? '', /^“Revenue input”, column “Revised budget”, line “[^”]+”, cell F6$/);
    // Focus moved to the results; Tab reaches the link (after Close results), Enter selects the bad cell.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'h-results');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'close-results');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Go to 'Revenue input'!F6");
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as any).__outturnFake.wb.selections.length === 1);
    assert.equal(await page.evaluate(() => (window as any).__outturnFake.wb.selections[0]), "'Revenue input'!F6");
    await page.screenshot({ path: join(SHOTS, 'taskpane-input-error.png'), fullPage: true });
    await page.close();
  });

  it('lists a merged cell in an input table as an error at its cell, and writes nothing (ExcelApi 1.13)', async () => {
    const page = await openPane({ excelApi: '1.13' });
    await page.getByRole('button', { name: 'Load the worked example' }).click();
    await waitStatus(page, /worked example is loaded/);
    await page.evaluate(() => (window as any).__outturnFake.wb.merge('Revenue input', 'E6:F6'));
    const before = await page.evaluate(() => (window as any).__outturnFake.wb.snapshot());
    await page.getByRole('button', { name: 'Build' }).click();
    await waitStatus(page, /^Nothing was written: the input has 1 problem\./);
    assert.equal(await page.evaluate(() => (window as any).__outturnFake.wb.snapshot()), before);
    const items = page.locator('#findings li');
    assert.equal(await items.count(), 1, 'no note: this Excel checked merged cells');
    assert.match((await items.first().textContent()) ?? '', /^ErrorMerged cells \(E6:F6\) in the table of revenue lines/);
    assert.match((await items.first().locator('.place').textContent()) ?? '', /^“Revenue input”, column “Original budget”, line “[^”]+”, cell E6$/);
    assert.equal(await items.first().locator('button.go').textContent(), "Go to 'Revenue input'!E6");
    await page.close();
  });

  it('on an older Excel (ExcelApi 1.9) notes that merged cells were not checked, and notes a hidden row at its cell', async () => {
    const page = await openPane({ excelApi: '1.9' });
    await page.getByRole('button', { name: 'Load the worked example' }).click();
    await waitStatus(page, /worked example is loaded/);
    await page.evaluate(() => (window as any).__outturnFake.wb.hideRows('Revenue input', '6'));
    await page.getByRole('button', { name: 'Build' }).click();
    await waitStatus(page, /^Built/);
    assert.match(await statusAll(page), /Wrote 4 sheets.* 4 notes below, for information\.$/);
    assert.equal(await page.evaluate(() => (window as any).__outturnFake.wb.syncs.length), 1 + 2 + 3);
    // Notes are collapsed; opened, each is at its place.
    assert.equal(await page.locator('#findings details.notes').getAttribute('open'), null);
    await page.locator('#findings details.notes > summary').click();
    const texts = await page.locator('#findings li').allTextContents();
    assert.ok(texts.some((t) => /^NoteExcel: this version of Excel \(before requirement set ExcelApi 1\.13\) cannot list merged cells/.test(t)), texts.join('\n'));
    const hidden = page.locator('#findings li', { hasText: 'Row 6 of the table of revenue lines is hidden' });
    assert.match((await hidden.locator('.place').textContent()) ?? '', /cell A6$/);
    assert.equal(await hidden.count(), 1);
    await hidden.locator('button.go').click();
    await page.waitForFunction(() => (window as any).__outturnFake.wb.selections.length === 1);
    assert.equal(await page.evaluate(() => (window as any).__outturnFake.wb.selections[0]), "'Revenue input'!A6");
    await page.screenshot({ path: join(SHOTS, 'taskpane-input-notes.png'), fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('makes a values-only report copy, and audits the built sheet', async () => {
    const page = await openPane({ theme: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#333333', controlForegroundColor: '#ffffff' } });
    await page.getByRole('button', { name: 'Load the worked example' }).click();
    await waitStatus(page, /worked example is loaded/);
    // A label that is markup must stay text, in the pane and on the clipboard.
    assert.equal(await page.evaluate(() => (window as any).__outturnFake.wb.cell('Capital input', 'D3').value), 'Label');
    await page.evaluate(() => (window as any).__outturnFake.wb.setValues('Capital input', [['<img src=x onerror="window.__pwned=1">']], 'D4'));
    await page.getByRole('button', { name: 'Build' }).click();
    await waitStatus(page, /^Built/);
    await page.locator('#report-table').selectOption('capital');
    await page.getByRole('button', { name: 'Copy for report' }).click();
    await waitStatus(page, /holds a copy of the table with values only/);
    assert.match(await statusAll(page), /The table is also on the clipboard/);
    const html = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const item = items.find((i) => i.types.includes('text/html'));
      return item ? (await item.getType('text/html')).text() : '';
    });
    assert.match(html, /^<table/);
    assert.match(html, /&lt;img src=x onerror=/);
    assert.equal(await page.evaluate(() => (window as any).__pwned), undefined);
    assert.equal(await page.locator('img').count(), 0);
    assert.match(html, /TOTAL PLANNED EXPENDITURE/i);
    assert.match(html, /\(\d{1,3}(,\d{3})*\)|\d{1,3},\d{3}/, 'figures as printed');
    // Issue 16: the clipboard keeps the table's structure (caption, header row, row headers).
    assert.match(html, /<caption[^>]*>Table 2: Capital outturn/);
    assert.match(html, /<thead><tr><th scope="col"/);
    assert.match(html, /<th scope="row"[^>]*>TOTAL PLANNED EXPENDITURE<\/th>/);
    // The same tables as a Word document, made by the lazily loaded docx chunk.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as Word document (.docx)' }).click()]);
    assert.match(download.suggestedFilename(), /^Table 2 - .*\.docx$/);
    const documentXml = strFromU8(unzipSync(new Uint8Array(readFileSync(await download.path())))['word/document.xml']);
    assert.match(documentXml, /<w:tblHeader\/>/);
    assert.match(documentXml, /TOTAL PLANNED EXPENDITURE/);
    await waitStatus(page, /^Saved “Table 2 - /);
    const copy = await page.evaluate(() => {
      const s = (window as any).__outturnFake.wb.sheet('Table 2 Capital (report)');
      return [...s.cells.values()].map((c: { formula?: string; value: unknown }) => ({ f: c.formula, v: c.value }));
    });
    assert.ok(copy.length > 50);
    assert.ok(copy.every((c: { f?: string }) => c.f === undefined), 'no formulas in the report copy');
    assert.ok(!copy.some((c: { v: unknown }) => typeof c.v === 'string' && /Engine figures|^Check:/.test(c.v)));
    // Audit the report copy as printed (the fake does not calculate formulas, the copy holds values).
    await page.evaluate(() => { (window as any).__outturnFake.wb.activeSheet = 'Table 2 Capital (report)'; });
    await page.getByRole('button', { name: 'Audit sheet' }).click();
    await waitStatus(page, /^Audited|No table was recognised/);
    await page.screenshot({ path: join(SHOTS, 'taskpane-dark-audit.png'), fullPage: true });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(38, 38, 38)', 'follows the Office theme');
    await page.close();
  });
  it('maps a range of the user\'s own sheet as RevenueLines, builds from it, and never writes to it', async () => {
    const page = await openPane();
    await page.getByRole('button', { name: 'Load the worked example' }).click();
    await waitStatus(page, /worked example is loaded/);
    const { sheet, address } = budgetBook();
    const values = sheet.values.map((r) => (r.length ? r : [null]));
    await page.evaluate(({ values, address }) => {
      const wb = (window as any).__outturnFake.wb;
      wb.addSheet('Budget book');
      wb.setValues('Budget book', values);
      // The template's own RevenueLines figures spoiled: only the mapped range gives the example's tables.
      wb.setValues('Revenue input', [[999, 999, 999]], 'E4');
      wb.selected = { sheet: 'Budget book', address };
    }, { values, address });
    const book = () => page.evaluate(() => JSON.stringify([...(window as any).__outturnFake.wb.sheet('Budget book').cells.entries()].sort()));
    const before = await book();
    await page.getByRole('button', { name: 'Map a range…' }).click();
    await waitStatus(page, /^Choose the column/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'map-table');
    // Pre-filled by header text, whatever the case: the labels name the template columns.
    assert.equal(await page.getByLabel('Outturn', { exact: true }).inputValue(), '3');
    assert.equal(await page.locator('#map-col-6 option:checked').textContent(), 'E: OUTTURN');
    assert.equal(await page.locator('#map-col-4 option:checked').textContent(), 'G: Original Budget');
    assert.match((await page.locator('#map-range-text').textContent()) ?? '', /^'Budget book'!B3:J\d+: row 3 holds the headings/);
    await page.screenshot({ path: join(SHOTS, 'taskpane-map-form.png'), fullPage: true });
    // Unmapping a required column is refused in the form (keyboard: focus the select, pick "(not mapped)").
    await page.locator('#map-col-6').selectOption('');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await waitStatus(page, /^Choose a column for “Outturn”/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'map-col-6');
    await page.locator('#map-col-6').selectOption('3');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await waitStatus(page, /^Saved with this workbook: the revenue lines are read from 'Budget book'!B3:J/);
    assert.match((await page.locator('#mappings li').textContent()) ?? '', /The revenue lines are read from 'Budget book'!B3:J\d+\./);
    const saved = await page.evaluate(() => (window as any).__outturnFake.settings.get('outturn.mappings'));
    assert.deepEqual(saved, [{ table: 'RevenueLines', sheet: 'Budget book', address, columns: { Section: 6, 'Sub-total label': 7, 'Budget heading': 1, Ref: 8, 'Original budget': 5, 'Revised budget': 4, Outturn: 3 } }]);

    const syncs0 = await page.evaluate(() => (window as any).__outturnFake.wb.syncs.length);
    await page.getByRole('button', { name: 'Build' }).click();
    await waitStatus(page, /^Built/);
    assert.match(await statusAll(page), /Wrote 4 sheets.* 2 notes below, for information\.$/);
    assert.equal(await page.evaluate(() => (window as any).__outturnFake.wb.syncs.length), syncs0 + 3);
    const note = page.locator('#findings li', { hasText: 'The table of revenue lines is read from your mapped range' });
    assert.match((await note.locator('.place').textContent()) ?? '', /^“Budget book”, .*cell B3$/);
    assert.equal(await note.count(), 1);
    assert.equal(await book(), before, "the user's sheet is not written");
    // The revenue table holds the example's figures, from the budget book (the template's were spoiled).
    const revenue = await page.evaluate(() => [...(window as any).__outturnFake.wb.sheet('Table 1 Revenue').cells.values()].map((c: any) => c.value));
    assert.ok(revenue.includes('Police Staff Pay & On Costs'));
    assert.ok(!revenue.includes(999));
    // The example's own underspend: the spoiled template row (E4:G4 set to 999) would change it.
    assert.match((await page.locator('#narrative').textContent()) ?? '', /overall underspend against the Revised Budget for the year of £0\.371m/);
    await page.screenshot({ path: join(SHOTS, 'taskpane-mapped-built.png'), fullPage: true });
    // Removing the mapping: read from the template again.
    await page.getByRole('button', { name: 'Remove the mapping of the revenue lines' }).click();
    await waitStatus(page, /read from the input sheet again/);
    assert.deepEqual(await page.evaluate(() => (window as any).__outturnFake.settings.get('outturn.mappings')), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('maps a range as ReserveLines: the form lists each Reserve year\'s columns, the build reads it and never writes it', async () => {
    const page = await openPane();
    await page.getByRole('button', { name: 'Load the worked example' }).click();
    await waitStatus(page, /worked example is loaded/);
    const inputs = asRead();
    const settingsSheet = inputs.find((x) => x.name === TEMPLATE_SHEETS.settings)!;
    const yr = settingsSheet.values.findIndex((r) => r.some((v) => v === 'Reserve years'));
    const yearsCell = a1(yr, settingsSheet.values[yr].indexOf('Reserve years') + 1);
    const years = String(settingsSheet.values[yr][settingsSheet.values[yr].indexOf('Reserve years') + 1]).split(/[,;]\s*|\s+/).filter(Boolean);
    assert.ok(years.length >= 2);
    const table = reserveLinesTable(years);
    const own = ownRange(table, 'Reserves book', inputs);
    // The template's own ReserveLines figures spoiled: only the mapped range gives the example's tables.
    const f = findTable(inputs.find((x) => x.name === table.sheet)!, table, [])!;
    const spoil = f.rows.flatMap((r) => table.money.map((col) => a1(r.r, f.col0 + table.columns.indexOf(col))));
    const values = own.sheet.values.map((r) => (r.length ? r : [null]));
    await page.evaluate(({ values, address, spoil, sheet }) => {
      const wb = (window as any).__outturnFake.wb;
      wb.addSheet('Reserves book');
      wb.setValues('Reserves book', values);
      for (const at of spoil) wb.setValues(sheet, [[999]], at);
      wb.selected = { sheet: 'Reserves book', address };
    }, { values, address: own.address, spoil, sheet: table.sheet });
    const book = () => page.evaluate(() => JSON.stringify([...(window as any).__outturnFake.wb.sheet('Reserves book').cells.entries()].sort()));
    const before = await book();
    assert.deepEqual(await page.locator('#map-table option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)), ['RevenueLines', 'RevenueBelowTheLine', 'CapitalLines', 'ReserveLines']);
    await page.getByRole('button', { name: 'Map a range…' }).click();
    await waitStatus(page, /^Choose the column/);
    await page.locator('#map-table').selectOption('ReserveLines');
    // One select per template column, the year columns included, each labelled and pre-filled by header.
    assert.deepEqual(await page.locator('#map-columns select').evaluateAll((ss) => ss.map((x) => (x as HTMLSelectElement).dataset.column)), table.columns);
    assert.equal(await page.getByLabel(`Transfers ${years[1]}`, { exact: true }).inputValue(), String(own.order[table.columns.indexOf(`Transfers ${years[1]}`)]));
    assert.match((await page.locator('#map-years').textContent()) ?? '', new RegExp(`^Reserve years \\(from the “Outturn settings” sheet\\): ${years.join(', ')};`));
    await page.screenshot({ path: join(SHOTS, 'taskpane-map-reserves.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await waitStatus(page, /^Saved with this workbook: the reserve lines are read from 'Reserves book'!B3:/);
    const saved = await page.evaluate(() => (window as any).__outturnFake.settings.get('outturn.mappings'));
    assert.deepEqual(saved, [{ table: 'ReserveLines', sheet: 'Reserves book', address: own.address, columns: Object.fromEntries(table.columns.map((c, j) => [c, own.order[j]])) }]);

    const syncs0 = await page.evaluate(() => (window as any).__outturnFake.wb.syncs.length);
    await page.getByRole('button', { name: 'Build' }).click();
    await waitStatus(page, /^Built/);
    assert.match(await statusAll(page), /Wrote 4 sheets/);
    assert.equal(await page.evaluate(() => (window as any).__outturnFake.wb.syncs.length), syncs0 + 3);
    assert.equal(await page.locator('#findings li', { hasText: 'The table of reserve lines is read from your mapped range' }).count(), 1);
    assert.equal(await book(), before, "the user's sheet is not written");
    const reserves = await page.evaluate(() => [...(window as any).__outturnFake.wb.sheet('Table 3 Reserves').cells.values()].map((c: any) => c.value));
    assert.ok(reserves.length > 20);
    assert.ok(!reserves.includes(999) && !reserves.includes(-999));

    // Without Reserve years the form says where to set them, and saving is refused.
    await page.evaluate((at) => (window as any).__outturnFake.wb.setValues('Outturn settings', [['']], at), yearsCell);
    await page.getByRole('button', { name: 'Map a range…' }).click();
    await waitStatus(page, /^Choose the column/);
    await page.locator('#map-table').selectOption('ReserveLines');
    assert.match((await page.locator('#map-years').textContent()) ?? '', /^Reserve years is not set on the “Outturn settings” sheet/);
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await waitStatus(page, /^Reserve years is not set/);
    assert.equal(await page.evaluate(() => (window as any).__outturnFake.settings.get('outturn.mappings').length), 1);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  /** The names of the scripts fetched, from the requests' addresses. */
  const fetched = (requests: string[]) => requests.map((u) => u.replace(/^.*\//, '')).filter((f) => f.endsWith('.js'));
  /** A pane that loaded the worked example and built it, with every request it made (the worker's script among them). */
  async function workedExampleBuilt() {
    const page = await openPane();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.getByRole('button', { name: 'Load the worked example' }).click();
    await waitStatus(page, /worked example is loaded/);
    await page.getByRole('button', { name: 'Build' }).click();
    await waitStatus(page, /^Built/);
    assert.ok(fetched(requests).includes('engine.worker.js'), `the worker's script was not seen: ${fetched(requests).join(', ')}`);
    return { page, requests };
  }

  it("the schema validator is never fetched for a build from the templates: the worked example builds without it, and a heading of 300 characters is refused by the template reader at its cell, still without it", async () => {
    const { page, requests } = await workedExampleBuilt();
    assert.ok(!fetched(requests).includes('schema-errors.js'), `fetched for a build that writes its tables: ${fetched(requests).join(', ')}`);
    // The first budget heading made longer than the schema's 255 characters: the template reader
    // enforces the schema's rules itself (test/format/reader-schema-contract.test.ts), so it
    // refuses the heading at its cell and the worker needs no validator to say so.
    await page.evaluate(() => (window as any).__outturnFake.wb.setValues('Revenue input', [['x'.repeat(300)]], 'C4'));
    const before = await page.evaluate(() => (window as any).__outturnFake.wb.snapshot());
    await page.getByRole('button', { name: 'Build' }).click();
    await waitStatus(page, /^Nothing was written: the input has 1 problem\./);
    assert.equal(await page.evaluate(() => (window as any).__outturnFake.wb.snapshot()), before);
    assert.ok(!fetched(requests).includes('schema-errors.js'), `the validator was fetched: ${fetched(requests).join(', ')}`);
    const item = page.locator('#findings li').first();
    assert.match((await item.locator('.what').textContent()) ?? '', /^The budget heading is longer than 255 characters \(it has 300\): shorten it/);
    assert.match((await item.locator('.place').textContent()) ?? '', /cell C4$/);
    await page.close();
  });

  it('the forecasting engine (ledger, MTFP, next year\'s capital and its financing) is fetched only for an input that has one: the worked example builds without it, an MTFP input fetches it and builds its tables', async () => {
    const { page, requests } = await workedExampleBuilt();
    assert.ok(!fetched(requests).includes('forecasting.js'), `fetched for the worked example: ${fetched(requests).join(', ')}`);
    await page.close();

    // The worked example with its MTFP (examples/derbyshire-2020-21-mtfp.json), as input templates.
    const doc = JSON.parse(readFileSync(join(ROOT, 'examples', 'derbyshire-2020-21-mtfp.json'), 'utf8'));
    const mtfp = await openPane();
    const later: string[] = [];
    mtfp.on('request', (r) => later.push(r.url()));
    await mtfp.evaluate((sheets) => {
      const wb = (window as any).__outturnFake.wb;
      for (const s of sheets) {
        wb.addSheet(s.name);
        wb.setValues(s.name, s.values.map((r: unknown[]) => (r.length ? r : [null])));
      }
    }, asRead(templates(doc)));
    await mtfp.getByRole('button', { name: 'Build' }).click();
    await waitStatus(mtfp, /^Built/);
    assert.ok(fetched(later).includes('forecasting.js'), `the forecasting chunk was not fetched: ${fetched(later).join(', ')}`);
    const sheets = await fake.sheets(mtfp);
    assert.ok(sheets.includes('Table 3 Reserves'), sheets.join(', '));
    const built = JSON.parse(await fake.snapshot(mtfp)) as { name: string; cells: { v?: unknown }[] }[];
    const reserves = JSON.stringify(built.find((x) => x.name === 'Table 3 Reserves'));
    assert.match(reserves, /Medium Term Financial Plan|MTFP/i, 'the MTFP tables are on the reserves sheet');
    assert.deepEqual(mtfp.errors, []);
    await mtfp.close();
  });
});
