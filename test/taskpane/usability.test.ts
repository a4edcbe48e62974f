// Issue 13 in headless Chromium, point by point: a finance officer walks every flow with the
// keyboard only, at 320 and 450 px wide, in Office's light and dark themes and in forced colours
// (Windows high contrast); axe (WCAG 2.2 AA and best practice) checks every state reached; what is
// in view without scrolling is measured after each action. The README's screenshots are taken here
// (OUTTURN_SCREENSHOTS=docs writes them into docs/).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { templates } from '../../src/taskpane/pipeline-templates';
import { count, failure, financeWords, NOT_IN_EXCEL } from '../../src/taskpane/messages';
import { exampleDoc, scaledDoc } from '../support/fakes/scale';
import { acquire, assertFits, assertInView, axe, axeLog, DARK_GRAY, DOC_SHOTS, fake, focused, type Look, needChromium, openPane, release, status, statusAll, viewLog, waitStatus } from '../support/taskpane-harness';
import { readFileSync } from 'node:fs';
import { ROOT } from '../support/taskpane-harness';

/** Code words the pane must never show (issue 13, points 5 and 10). */
const CODE_WORDS = /round trip|\(s\)|RevenueLines|RevenueBelowTheLine|CapitalLines|ReserveLines|LedgerLines|OutturnSettings|allowed, reported|Exception|ItemNotFound|InvalidOperation|null object|undefined|NaN|\[object/;

async function noCodeWords(page: Page, state: string): Promise<void> {
  const text = await page.evaluate(() => {
    // Every text the user can reach, collapsed parts included.
    return document.body.innerText + [...document.querySelectorAll('details')].map((d) => d.textContent).join(' ');
  });
  const m = CODE_WORDS.exec(text);
  assert.equal(m, null, `${state}: the pane shows "${m?.[0]}"`);
}

/** Tab (only the keyboard) to the element with this id, failing when it cannot be reached. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`#${id} is not reachable with Tab`);
}
async function press(page: Page, id: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.press('Enter');
}

/** One state of the pane: axe, nothing past the right edge, no code words, and what must be in view. */
async function check(page: Page, state: string, inView: string[]): Promise<void> {
  await axe(page, state);
  await assertFits(page, state);
  await noCodeWords(page, state);
  await assertInView(page, state, inView);
}

/** Fails Office.js's next Excel.run with this error code, as Excel does (OfficeExtension.Error). */
const failNextRun = (page: Page, code: string, message: string) =>
  page.evaluate(({ code, message }) => {
    const w = window as any;
    const run = w.Excel.run;
    w.Excel.run = () => {
      w.Excel.run = run;
      return Promise.reject(Object.assign(new Error(`${code}: ${message}`), { code, name: 'RichApi.Error' }));
    };
  }, { code, message });

describe('task pane: issue 13, point by point (headless Chromium)', function () {
  this.timeout(300000);
  let ok = false;
  before(async function () {
    needChromium(this);
    await acquire();
    ok = true;
  });
  after(async () => {
    if (!ok) return;
    await release();
    const failed = axeLog.filter((s) => s.violations.length).length;
    console.log(`      axe: ${axeLog.length} states checked, ${failed} with violations`);
    const worst = new Map<string, number>();
    for (const v of viewLog) worst.set(`${v.size} ${v.element}`, Math.max(worst.get(`${v.size} ${v.element}`) ?? 0, v.bottom));
    console.log(`      in view: ${viewLog.length} measurements; lowest bottom edge per element: ${[...worst].map(([k, b]) => `${k} ${b}px`).join('; ')}`);
  });

  /**
   * Every flow by keyboard, in one look and width: first run, empty templates, their input
   * problems, the Keep/Replace question, the worked example, a build, settings refused at the field,
   * a build with a warning, the mapping form, a failure, an audit, a report copy.
   */
  async function walk(look: Look, width: number, theme?: typeof DARK_GRAY, shots = false): Promise<void> {
    const name = `${look}${theme ? ' (dark grey)' : ''} ${width}px`;
    const page = await openPane({ look, width, height: 600, theme });
    // 1. First run: one call to action, teaching text, help one click away; focus on the call to action.
    assert.deepEqual(await page.locator('main button.primary:visible').allTextContents(), ['Insert input templates']);
    assert.equal(await focused(page), 'insert-templates');
    assert.equal(await page.locator('#help-link').getAttribute('href'), 'help.html');
    await check(page, `${name}: first run`, ['#insert-templates', '#load-example', '#first-run-text', '#help-link']);
    if (shots) await page.screenshot({ path: join(DOC_SHOTS, 'taskpane-first-run.png') });

    // 3. Empty templates: the message names the sheets to fill in, in their words.
    await page.keyboard.press('Enter');
    await waitStatus(page, /^The input templates are in/);
    assert.equal(await focused(page), 'status');
    assert.match(await statusAll(page), /Next, fill in “Outturn settings” \(.*\); “Revenue input” \(one row per Budget heading.*\); “Capital input” \(.*\); “Reserves input” \(.*\)\. Then choose Build\./);
    await check(page, `${name}: templates inserted`, ['#status']);
    assert.deepEqual(await page.locator('main button.primary:visible').allTextContents(), ['Build']);

    // Build on empty templates: input problems, in finance words, at their sheets.
    await press(page, 'build');
    // (three empty tables, and the template's example organisation left in place)
    await waitStatus(page, /^Nothing was written: the input has 4 problems\./);
    assert.equal(await focused(page), 'h-results');
    assert.match((await page.locator('#findings').textContent()) ?? '', /The table of revenue lines has no rows: enter one row per budget heading/);
    assert.match((await page.locator('#findings').textContent()) ?? '', /the organisation is still the template's example/i);
    await check(page, `${name}: input problems`, ['#status', '#h-results']);

    // 4. Loading the example over them asks first: a question, Keep the default, the rest disabled.
    await press(page, 'load-example');
    await waitStatus(page, /already exist\. Keep them, or replace them\?$/);
    assert.equal(await page.locator('#status').getAttribute('class'), 'message warning');
    assert.equal(await focused(page), 'Keep them');
    assert.equal(await page.locator('#question button.primary').textContent(), 'Keep them');
    assert.equal(await page.locator('main button:enabled').count(), 0, 'every other command waits for the answer');
    await check(page, `${name}: question`, ['#status', '#question']);
    await page.keyboard.press('Escape');
    await waitStatus(page, /^Kept your input sheets/);
    assert.equal(await focused(page), 'status');
    await press(page, 'load-example');
    await waitStatus(page, /Keep them, or replace them\?$/);
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'Replace them');
    await page.keyboard.press('Enter');
    await waitStatus(page, /^The worked example is loaded/);
    await check(page, `${name}: example loaded`, ['#status']);

    // 2. Build: the outcome and the results in view, focus on them.
    await press(page, 'build');
    await waitStatus(page, /^Built/);
    assert.equal(await focused(page), 'h-results');
    await check(page, `${name}: built`, ['#status', '#h-results']);
    if (shots) await page.screenshot({ path: join(DOC_SHOTS, 'taskpane-build.png') });

    // 7. Settings: refused at the field, with its label; Escape closes.
    await press(page, 'settings-summary');
    await tabTo(page, 'band-min');
    await page.keyboard.type('seven');
    await press(page, 'save-settings');
    await waitStatus(page, /^Settings not saved: 1 field needs a change\./);
    assert.equal(await focused(page), 'band-min');
    assert.equal(await page.locator('#band-min').getAttribute('aria-invalid'), 'true');
    assert.match((await page.locator('#band-min-error').textContent()) ?? '', /^Minimum %: enter a percentage/);
    await check(page, `${name}: settings refused`, ['#band-min', '#band-min-error']);
    const rounding = await page.locator('#rounding').boundingBox();
    assert.ok(rounding!.height <= 40, `the rounding list draws ${rounding!.height}px tall`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    await press(page, 'save-settings');
    await waitStatus(page, /^Settings saved with this workbook/);
    assert.equal((await fake.setting(page, 'outturn.settings')).bandMin, '7');
    await tabTo(page, 'rounding');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#settings').getAttribute('open'), null, 'Escape closes Settings');
    assert.equal(await focused(page), 'settings-summary');

    // 9. A build with a warning: sorted, grouped by table with counts, notes collapsed.
    await press(page, 'build');
    await waitStatus(page, /^Built, with 1 warning to look at\./);
    const groups = await page.locator('#findings > section h3').allTextContents();
    assert.deepEqual(groups, ['Table 3a: reserves by category: 1 warning']);
    assert.equal(await page.locator('#findings > details.notes').getAttribute('open'), null);
    assert.match((await page.locator('#findings > details.notes > summary').textContent()) ?? '', /^1 note, for information/);
    await check(page, `${name}: findings`, ['#status', '#h-results']);
    if (shots) await page.screenshot({ path: join(DOC_SHOTS, 'taskpane-findings.png') });

    // The mapping form: opened from a selection, Escape closes it.
    await page.evaluate(() => ((window as any).__outturnFake.wb.selected = { sheet: 'Revenue input', address: 'C3:G20' }));
    await press(page, 'map-range');
    await waitStatus(page, /^Choose the column of your range/);
    assert.equal(await focused(page), 'map-table');
    await check(page, `${name}: mapping form`, ['#map-table']);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#map-form').isHidden(), true);
    assert.equal(await focused(page), 'map-range');

    // 5. A failure: what happened and what to do, the last findings cleared.
    await failNextRun(page, 'GeneralException', 'An internal error has occurred.');
    await press(page, 'build');
    await waitStatus(page, /^Excel could not finish the request\./);
    assert.equal(await page.locator('#results').isHidden(), true, 'the last findings are cleared');
    assert.equal(await focused(page), 'status');
    await check(page, `${name}: failure`, ['#status']);
    if (shots) await page.screenshot({ path: join(DOC_SHOTS, 'taskpane-error.png') });

    // Audit the built revenue sheet, and copy a table for the report.
    await page.evaluate(() => ((window as any).__outturnFake.wb.activeSheet = 'Table 1 Revenue'));
    await press(page, 'audit-sheet');
    await waitStatus(page, /^Audited|^No table was recognised/);
    await check(page, `${name}: audited`, ['#status']);
    await press(page, 'copy-report');
    await waitStatus(page, /holds a copy of the table with values only/);
    assert.equal(await focused(page), 'h-results');
    assert.ok(await page.locator('#download-docx').isVisible(), 'the Word download is offered beside the copy');
    await check(page, `${name}: report copy`, ['#status']);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.outside, []);
    await page.close();
  }

  it('every flow by keyboard at 320 px, light theme (and the README screenshots)', () => walk('light', 320, undefined, true));
  it('every flow by keyboard at 450 px, light theme', () => walk('light', 450));
  it('every flow by keyboard at 320 px, dark theme (point 6)', () => walk('dark', 320));
  it('every flow by keyboard at 450 px, dark theme', () => walk('dark', 450));
  it('every flow by keyboard at 320 px, Office dark grey theme (the hardest background)', () => walk('dark', 320, DARK_GRAY));
  it('every flow by keyboard at 320 px, forced colours (Windows high contrast)', () => walk('forced', 320));
  it('every flow by keyboard at 450 px, forced colours', () => walk('forced', 450));

  it('point 2: the steps are shown, Cancel works until the write starts, and a cancelled build writes nothing', async () => {
    const page = await openPane();
    await page.getByRole('button', { name: 'Load the worked example' }).click();
    await waitStatus(page, /worked example is loaded/);
    // Record the bar at every change: the step, whether Cancel is live, whether the page says it is busy while results show.
    await page.evaluate(() => {
      const w = window as any;
      w.__seen = [];
      new MutationObserver(() => {
        w.__seen.push({
          step: document.getElementById('status-title')!.textContent,
          cancel: !(document.getElementById('cancel') as HTMLButtonElement).disabled && !document.getElementById('progress')!.hidden,
          busyWithResults: document.querySelector('main')!.hasAttribute('aria-busy') && !document.getElementById('results')!.hidden,
        });
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.locator('#build').focus();
    await page.keyboard.press('Enter');
    await waitStatus(page, /^Built/);
    const seen = (await page.evaluate(() => (window as any).__seen)) as { step: string; cancel: boolean; busyWithResults: boolean }[];
    const steps = [...new Map(seen.map((s) => [s.step, s])).values()];
    const at = (re: RegExp) => steps.find((s) => re.test(s.step));
    assert.equal(at(/^Step 1 of 3: Reading your input sheets…$/)?.cancel, true);
    assert.equal(at(/^Step 2 of 3: Computing the tables…$/)?.cancel, true);
    assert.equal(at(/^Step 3 of 3: Writing 4 sheets: “Table 1 Revenue”, “Table 2 Capital”, “Table 3 Reserves” and “Checks”…$/)?.cancel, false, 'no cancelling once the write starts');
    assert.ok(!seen.some((s) => s.busyWithResults), 'aria-busy is cleared before the results show (point 11)');

    // Cancel while the inputs are read: nothing written.
    const before = await fake.snapshot(page);
    await page.evaluate(() => {
      const w = window as any;
      const run = w.Excel.run;
      w.Excel.run = (...a: unknown[]) => new Promise((r) => setTimeout(r, 1500)).then(() => run(...a));
    });
    await page.locator('#build').click();
    await page.waitForFunction(() => /^Step 1 of 3/.test(document.getElementById('status-title')!.textContent ?? ''));
    assert.ok(await page.locator('#progress').isVisible());
    await assertInView(page, 'build in progress', ['#status', '#cancel']);
    await page.locator('#cancel').click();
    await waitStatus(page, /^Cancelled\.$/);
    assert.match(await statusAll(page), /Nothing was written\./);
    await page.waitForTimeout(2000);
    assert.equal(await fake.snapshot(page), before, 'a cancelled build writes nothing');
    assert.equal(await status(page), 'Cancelled.');
    await page.close();
  });

  it('point 2: during a build and after it, the bar and the result are in view at 320×600 and 450×600, even when the user had scrolled down', async () => {
    for (const width of [320, 450]) {
      const page = await openPane({ width, height: 600 });
      await page.getByRole('button', { name: 'Load the worked example' }).click();
      await waitStatus(page, /worked example is loaded/);
      await assertInView(page, 'example loaded', ['#status']);
      await page.locator('#audit-sheet').scrollIntoViewIfNeeded();
      await page.evaluate(() => {
        const w = window as any;
        const run = w.Excel.run;
        w.Excel.run = (...a: unknown[]) => new Promise((r) => setTimeout(r, 300)).then(() => run(...a));
      });
      await page.locator('#build').scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 200));
      await page.locator('#build').click();
      await page.waitForFunction(() => /^Step 1 of 3/.test(document.getElementById('status-title')!.textContent ?? ''));
      await assertInView(page, 'build running, page scrolled', ['#status', '#cancel']);
      await waitStatus(page, /^Built/);
      await assertInView(page, 'built', ['#status', '#h-results']);
      await page.close();
    }
  });

  it('point 5: Office.js errors are said in finance words with what to do, never raw', async () => {
    const page = await openPane();
    await page.getByRole('button', { name: 'Load the worked example' }).click();
    await waitStatus(page, /worked example is loaded/);
    const cases: [string, string, () => Promise<void>][] = [
      ['ItemNotFound', 'ws[active].used is a null object', () => page.locator('#audit-sheet').click()],
      ['GeneralException', 'An internal error has occurred.', () => page.locator('#build').click()],
      ['InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.', () => page.locator('#copy-report').click()],
      ['AccessDenied', 'You cannot perform the requested operation.', () => page.locator('#build').click()],
      ['SomethingNew', 'a code we have never seen', () => page.locator('#build').click()],
    ];
    for (const [code, message, act] of cases) {
      await page.locator('#build').click();
      await waitStatus(page, /^Built/);
      await failNextRun(page, code, message);
      await act();
      const want = failure({ code }, 'before-write');
      await waitStatus(page, new RegExp(`^${want.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      assert.equal(await page.locator('#status-detail').textContent(), want.detail);
      assert.match(want.detail, /Nothing was written\.$/);
      assert.equal(await page.locator('#status').getAttribute('class'), 'message error');
      assert.equal(await page.locator('#results').isHidden(), true, `${code}: the last findings are cleared`);
      await noCodeWords(page, code);
      assert.ok(!(await page.evaluate(() => document.body.innerText)).includes(message), `${code}: raw text shown`);
    }
    await page.close();
  });

  it('point 8: settings kept on this computer are offered, never applied silently; a workbook keeps its own', async () => {
    const local = { 'outturn.settings': JSON.stringify({ rounding: 'input', bandMin: '7', sheetNames: { revenue: 'Table 1 Revenue', capital: 'Table 2 Capital', reserves: 'Table 3 Reserves', checks: 'Our checks' } }) };
    const page = await openPane({ local });
    assert.equal(await page.locator('#band-min').inputValue(), '', 'the form shows this workbook’s settings (the defaults)');
    assert.ok(await page.locator('#settings-offer').isVisible());
    assert.match((await page.locator('#settings-offer-text').textContent()) ?? '', /general reserve band minimum 7%; sheet name for Checks “Our checks”\. Use them here\?$/);
    await axe(page, 'settings offered');
    await page.getByRole('button', { name: 'Load the worked example' }).click();
    await waitStatus(page, /worked example is loaded/);
    await page.locator('#build').click();
    await waitStatus(page, /^Built: every check passed\./);
    assert.ok((await fake.sheets(page)).includes('Checks'));
    assert.ok(!(await fake.sheets(page)).includes('Our checks'));
    assert.ok((await fake.setting(page, 'outturn.settings')) == null, 'nothing was saved to this workbook');
    await page.getByRole('button', { name: 'Use them here' }).click();
    await waitStatus(page, /^This workbook now uses the settings from this computer\./);
    assert.equal((await fake.setting(page, 'outturn.settings')).bandMin, '7');
    assert.equal(await page.locator('#band-min').inputValue(), '7');
    await page.locator('#build').click();
    await waitStatus(page, /^Built, with 1 warning/);
    assert.ok((await fake.sheets(page)).includes('Our checks'));
    await page.close();
    // A workbook with its own settings: used, nothing offered.
    const own = await openPane({ local, docSettings: { 'outturn.settings': { rounding: 'round-each', sheetNames: { revenue: 'R', capital: 'C', reserves: 'Res', checks: 'Chk' } } } });
    assert.equal(await own.locator('#settings-offer').isHidden(), true);
    assert.equal(await own.locator('#rounding').inputValue(), 'round-each');
    assert.equal(await own.locator('#name-checks').inputValue(), 'Chk');
    await own.close();
  });

  it('point 7: settings are checked on save, each problem at its field with its label; the panel fits 320 px', async () => {
    const page = await openPane();
    await page.locator('#settings summary').click();
    await assertFits(page, 'settings open');
    const cases: [string, string, RegExp][] = [
      ['#band-min', '12.5.1', /^Minimum %: enter a percentage/],
      ['#band-max', '150', /^Maximum %: enter a percentage/],
      ['#name-checks', 'Table 1 Revenue', /^Checks: the same name as Table 1\.$/],
      ['#name-capital', 'Capital: 2021', /^Table 2: a sheet name has 1 to 31 characters/],
      ['#name-reserves', 'Revenue input', /^Table 3: “Revenue input” is an input sheet/],
      ['#name-revenue', 'History', /^Table 1: Excel keeps the name “History”/],
    ];
    for (const [sel, value, re] of cases) {
      await page.locator(sel).fill(value);
      await page.locator('#save-settings').click();
      await waitStatus(page, /^Settings not saved: 1 field needs a change\./);
      assert.match((await page.locator(`${sel}-error`).textContent()) ?? '', re);
      assert.equal(await focused(page), sel.slice(1));
      assert.equal(await page.locator(sel).getAttribute('aria-describedby'), `${sel.slice(1)}-error`);
      await axe(page, `settings refused: ${sel}`);
      await page.locator('#reset-settings').click();
      await waitStatus(page, /^Settings set back to the defaults/);
    }
    await page.locator('#band-min').fill('7');
    await page.locator('#band-max').fill('5');
    await page.locator('#save-settings').click();
    await waitStatus(page, /^Settings not saved/);
    assert.match((await page.locator('#band-min-error').textContent()) ?? '', /above the maximum/);
    assert.equal(await fake.setting(page, 'outturn.settings') === null || (await fake.setting(page, 'outturn.settings')).bandMin === undefined, true, 'nothing invalid was saved');
    await page.close();
  });

  it('point 9: many alike input problems are one group with a count, each named by sheet, column and line', async () => {
    const page = await openPane();
    await page.getByRole('button', { name: 'Load the worked example' }).click();
    await waitStatus(page, /worked example is loaded/);
    for (const r of [5, 6, 7, 8, 9]) await fake.setValues(page, 'Revenue input', [['n/a']], `G${r}`);
    await page.locator('#build').click();
    await waitStatus(page, /^Nothing was written: the input has 5 problems\./);
    assert.deepEqual(await page.locator('#findings > section h3').allTextContents(), ['Your input: 5 errors']);
    const top = page.locator('#findings > section > ul.items > li');
    assert.equal(await top.count(), 1, 'one line for five alike problems');
    assert.equal(await top.locator('details.more > summary').textContent(), '4 more like this');
    assert.equal(await top.locator('details.more').getAttribute('open'), null);
    assert.match((await top.locator('> .place').textContent()) ?? '', /^“Revenue input”, column “Outturn”, line “[^”]+”, cell G5$/);
    await page.close();
  });

  it('point 9: a ×100 build shows its one warning first and in view, its 100 notes as one collapsed group, £m with separators', async () => {
    const sheets = templates(scaledDoc(100)).map((s) => ({ name: s.name, values: s.cells.map((row) => row.map((c) => (c === null ? null : c.t === 's' ? c.v : Number(c.v)))) }));
    const page = await openPane();
    await page.evaluate((sheets) => {
      const wb = (window as any).__outturnFake.wb;
      for (const s of sheets) {
        wb.addSheet(s.name);
        wb.setValues(s.name, s.values.map((r: unknown[]) => (r.length ? r : [null])));
      }
    }, sheets);
    await page.locator('#build').click();
    await waitStatus(page, /^Built, with 1 warning to look at\.$/);
    assert.match(await statusAll(page), / 100 notes below, for information\.$/);
    assert.deepEqual(await page.locator('#findings > section h3').allTextContents(), ['Table 3a: reserves by category: 1 warning']);
    await assertInView(page, '×100 build', ['#status', '#findings > section li.warning']);
    const notes = page.locator('#findings > details.notes');
    assert.equal(await notes.getAttribute('open'), null);
    assert.equal(await notes.locator('> summary').textContent(), '100 notes, for information (nothing is wrong)');
    assert.equal(await notes.locator('> section > ul.items > li').count(), 1, 'the 100 alike notes are one line');
    assert.equal(await notes.locator('details.more > summary').textContent(), '99 more like this');
    assert.match((await page.locator('#narrative').textContent()) ?? '', /actual expenditure of £1,143\.096m \(75\.5%\) against an approved programme of £1,513\.535m/);
    await axe(page, '×100 build');
    await page.close();
  });

  it('point 10: the words — counts in singular and plural, £m with thousands separators, the ribbon’s names', async () => {
    assert.equal(count(1, 'error'), '1 error');
    assert.equal(count(2, 'error'), '2 errors');
    assert.equal(count(0, 'warning', undefined, true), 'no warnings');
    assert.equal(count(1234, 'line'), '1,234 lines');
    assert.equal(financeWords('total reserves are £1143.096m, of which £12.5m'), 'total reserves are £1,143.096m, of which £12.5m');
    assert.equal(financeWords('reprofile of 499 is larger than the remaining budget of 465 (allowed, reported)'), 'reprofile of 499 is larger than the remaining budget of 465 (allowed; listed for the record)');
    const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    const label = (id: string) => new RegExp(`<bt:String id="${id}" DefaultValue="([^"]+)"`).exec(manifest)?.[1];
    assert.ok(NOT_IN_EXCEL.includes(`choose ${label('TaskpaneButton.Label')}`), NOT_IN_EXCEL);
    assert.ok(NOT_IN_EXCEL.includes(`the ${label('Group.Label')} group`), NOT_IN_EXCEL);
    const help = readFileSync(join(ROOT, 'src', 'help', 'help.html'), 'utf8');
    assert.ok(help.includes(`<b>${label('TaskpaneButton.Label')}</b>`), 'the help page names the ribbon button as the ribbon does');
  });

  it('point 10: opened outside Excel, the pane says how to open it, with the ribbon’s own names', async () => {
    for (const look of ['light', 'forced'] as const) {
      const page = await openPane({ noOffice: true, look });
      assert.equal(await page.locator('#not-in-excel').textContent(), NOT_IN_EXCEL);
      assert.match(NOT_IN_EXCEL, /on the Home tab, in the Outturn group, choose Finance tables/);
      await axe(page, `outside Excel, ${look}`);
      await page.close();
    }
  });

  it('point 11: explanations are visible text, not tooltips; every command says what it does', async () => {
    const page = await openPane();
    assert.equal(await page.locator('button[title], a[title]').count(), 0);
    for (const id of ['map-range', 'copy-report', 'audit-sheet']) {
      const hint = await page.locator(`#${id}`).getAttribute('aria-describedby');
      assert.ok(hint && (await page.locator(`#${hint}`).isVisible()), `#${id} is explained in visible text`);
    }
    await page.close();
  });

  it('point 12: a revenue-only build keeps the error findings of Tables 1a and 1b (month 6, one unmapped ledger line)', async () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'examples', 'derbyshire-2021-22-month6.json'), 'utf8'));
    doc.revenue.ledger.lines.push({ ...doc.revenue.ledger.lines[0], costCentre: '99999' });
    const sheets = templates(doc).map((s) => ({ name: s.name, values: s.cells.map((row) => row.map((c) => (c === null ? null : c.t === 's' ? c.v : Number(c.v)))) }));
    const errorsOf = async (scope: string) => {
      const page = await openPane();
      await page.evaluate((sheets) => {
        const wb = (window as any).__outturnFake.wb;
        for (const s of sheets) {
          wb.addSheet(s.name);
          wb.setValues(s.name, s.values.map((r: unknown[]) => (r.length ? r : [null])));
        }
      }, sheets);
      await page.locator('#scope').selectOption(scope);
      await page.locator('#build').click();
      await waitStatus(page, /^Built/);
      const groups = await page.locator('#findings > section h3').allTextContents();
      const title = await status(page);
      await page.close();
      return { groups, title };
    };
    const all = await errorsOf('all');
    const revenue = await errorsOf('revenue');
    assert.match(all.title, /^Built, with 3 errors to look at\.$/);
    assert.equal(revenue.title, all.title, 'the revenue-only build reports the same errors');
    assert.deepEqual(revenue.groups, ['Table 1b: ledger reconciliation: 3 errors']);
    void exampleDoc;
  });
});
