// Publishing (issue 16): the finished tables as an accessible web page, a copy for report and a
// Word document. Pure checks of the document model and its renderers; then, where the tools are
// installed (CI installs them): the page and the copy pass axe in Chromium and Chromium's
// accessibility tree reads every figure with its row and column headers; the .docx validates
// against the ECMA-376 schemas; LibreOffice opens it and exports a tagged PDF whose text holds
// every figure in order, whose long table repeats its header row on page 2, and whose tables have
// header cells in the structure tree.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { main } from '../../src/cli/main';
import { resultJson } from '../../src/app/result';
import { docxBytes } from '../../src/publish/docx';
import { pageHtml, reportClipboard, reportFragmentHtml, tableHtml, tableText } from '../../src/publish/html';
import { documentFromBuild, documentFromResult, type PublishDocument, type PublishTable } from '../../src/publish/model';
import { scaledDoc } from '../support/fakes/scale';
import { builtDocument, builtExample } from '../support/built';
import { cannotValidate, validatePackage } from '../support/ooxml-validate';
import { requireOrSkip, soffice } from '../support/libreoffice';

const ROOT = join(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';

function exampleDocument(file = 'derbyshire-2020-21.json', house?: { font?: string; organisation?: string }): PublishDocument {
  const { result, plan } = builtExample(file);
  return documentFromBuild(result, plan, { organisation: 'Police and Crime Commissioner for Derbyshire', financialYear: '2020/21', rounding: 'round-then-sum', house });
}

const NOTTS = join(ROOT, 'test', 'fixtures', 'published', 'bodies', 'nottsfire-2023-25-reserves', 'table.tsv');

/** A printed figure as outturn/v1 money: "(1,125)" → "-1125". */
const printedMoney = (s: string) => {
  const m = /^\((.*)\)$/.exec(s);
  return `${m ? '-' : ''}${(m ? m[1] : s).replace(/,/g, '')}`;
};

/**
 * Another body's table, as printed: Nottinghamshire and City of Nottingham FRA's earmarked
 * reserves 2023/24-2024/25 (£'000; source in the fixture's notes.md) as an outturn/v1 reserves
 * statement. The 2024/25 movement is not printed: closing 31/3/25 − closing 31/3/24, in BigInt.
 */
function nottsInput(): { doc: Record<string, unknown>; printed: string[][] } {
  const printed = readFileSync(NOTTS, 'utf8').trim().split('\n').slice(2).map((l) => l.split('\t'));
  const lines = printed.filter((r) => !/Total$/.test(r[0]));
  const doc = {
    format: 'outturn/v1', organisation: 'Nottinghamshire and City of Nottingham Fire and Rescue Authority', financialYear: '2023/24',
    publishing: { font: 'Verdana', organisationName: 'Nottinghamshire Fire and Rescue Service' },
    reserves: {
      units: "£'000", years: ['2023/24', '2024/25'], actualYears: 1,
      reserves: lines.map((r) => ({ label: r[0], class: 'useable', opening: printedMoney(r[1]), flows: [{ movement: printedMoney(r[2]) }, { movement: (BigInt(printedMoney(r[4])) - BigInt(printedMoney(r[3]))).toString() }] })),
    },
  };
  return { doc, printed };
}

function nottsDocument(): PublishDocument {
  const { doc } = nottsInput();
  const { result, plan } = builtDocument(doc);
  return documentFromBuild(result, plan, { organisation: doc.organisation as string, financialYear: '2023/24', rounding: 'round-then-sum', house: { font: 'Verdana', organisation: 'Nottinghamshire Fire and Rescue Service' } });
}

/** Every (row header, column header, figure) a reader meets, in reading order. */
function readings(t: PublishTable): string[] {
  const out: string[] = [];
  for (const row of t.rows) row.cells.forEach((text, c) => {
    if (c !== t.labelColumn && text !== '') out.push(`${row.label} | ${t.columns[c].name} | ${text}`);
  });
  return out;
}

const silentIo = () => {
  const lines: string[] = [];
  return { io: { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) }, lines };
};

describe('publish: the document model and its renderers', function () {
  this.timeout(60_000);
  const doc = exampleDocument();
  const byId = new Map(doc.sections.map((s) => [s.table.id, s]));

  it('takes every figure as the workbook displays it, with the narrative beside its table', () => {
    const t1 = byId.get('revenue')!.table;
    assert.equal(t1.number, 'Table 1');
    assert.deepEqual(t1.rows.find((r) => r.label === 'Premises')!.cells, ['Premises', '9,761,400', '9,761,400', '10,408,970', '647,570']);
    assert.deepEqual(t1.rows.find((r) => r.label === 'Government Grants')!.cells.slice(1), ['(6,994,481)', '(7,036,481)', '(8,243,874)', '(1,207,393)']);
    assert.equal(t1.rows.find((r) => r.label === 'Pay & Price Contingency')!.cells[1], '-');
    assert.deepEqual(byId.get('revenue')!.narrative, ['The final outturn shows an overall underspend against the Revised Budget for the year of £0.371m, after earmarked underspends.']);
    const t2 = byId.get('capital')!.table;
    assert.deepEqual(t2.rows.find((r) => r.label === 'IS Replacement Projects')!.cells, ['IS Replacement Projects', '6,7', '1,677', '1,212', '465', '499']);
    assert.match(byId.get('capital')!.narrative[0], /£13\.605m \(88\.0%\)/);
    const t3a = byId.get('reserves-categories')!.table;
    assert.equal(t3a.rows.find((r) => /as % of the net revenue budget/.test(r.label))!.cells[1], '2.9%');
  });

  it('names every column with its units, carrying a year band over the columns it covers', () => {
    const t3 = byId.get('reserves')!.table;
    assert.deepEqual(t3.columns.slice(0, 3).map((c) => c.name), ['Reserve', '2020/21 Balances b/fwd at 1/04/20 £', '2020/21 Movements (to) / from Revenue £']);
    assert.equal(t3.columns[6].name, '2021/22 Projected Movements (to) / from Revenue £');
    assert.ok(t3.columns[0].supplied, 'the blank label header is given a name');
    for (const s of doc.sections) for (const c of s.table.columns) if (c.kind === 'number') assert.match(c.name, /(£|£'000|£m|%)$/, `${s.table.number} ${c.name} has no units`);
    // A table that repeats its bands itself keeps them as printed (Table 1a: "Rest of year" on each column).
    const month6 = exampleDocument('derbyshire-2021-22-month6.json').sections.find((s) => s.table.id === 'revenue-forecast')!.table;
    assert.equal(month6.columns.find((c) => /Forecast Outturn/.test(c.name))!.name, 'Forecast Outturn £');
  });

  it('marks totals without colour: bold, ruled, and the word "total"', () => {
    for (const s of doc.sections) for (const r of s.table.rows) if (r.emphasis === 'total') assert.match(r.label, /total/i, `${s.table.number}: ${r.label}`);
    const t3 = byId.get('reserves')!.table;
    assert.equal(t3.rows.find((r) => r.kind === 'total_reserves')!.emphasis, 'grand');
    assert.ok(t3.rows.find((r) => r.kind === 'general_reserve')!.label === 'GENERAL RESERVES', 'a line is not called a total');
    assert.deepEqual(doc.sections.filter((s) => s.table.wide).map((s) => s.table.number), ['Table 3']);
  });

  it('HTML: caption, one header row of th scope=col, row headers, escaped text', () => {
    const t = structuredClone(byId.get('revenue')!.table);
    t.rows[0].cells[0] = t.rows[0].label = 'Office <b>&</b> "PCC"';
    const html = tableHtml(t, { inline: true });
    assert.match(html, /^<table[^>]*><caption[^>]*>Table 1: Revenue outturn against budget 2020\/21<\/caption><thead><tr>/);
    assert.equal(html.match(/<th scope="col"/g)!.length, t.columns.length);
    assert.equal(html.match(/<th scope="row"/g)!.length, t.rows.length);
    assert.equal(html.match(/<thead>/g)!.length, 1);
    assert.ok(html.includes('Office &lt;b&gt;&amp;&lt;/b&gt; &quot;PCC&quot;'));
    assert.ok(!html.includes('<b>'));
    assert.match(html, /Original Budget<br>£<\/th>/);
    const total = /<tr><th scope="row" style="([^"]*)">TOTAL DERBYSHIRE POLICE<\/th>/.exec(html);
    assert.ok(total && /font-weight:bold/.test(total[1]) && /border-top:1px solid/.test(total[1]), 'the total is bold and ruled');
  });

  it('plain text: the caption, a header row with units, tab-separated figures, the note and the narrative', () => {
    const s = byId.get('revenue')!;
    const lines = tableText(s.table, s.narrative).split('\n');
    assert.equal(lines[0], 'Table 1: Revenue outturn against budget 2020/21');
    assert.equal(lines[1], 'Budget Heading\tOriginal Budget £\tRevised Budget £\tOutturn £\tOver/ (Under)spend £');
    assert.ok(lines.includes('Premises\t9,761,400\t9,761,400\t10,408,970\t647,570'));
    assert.ok(lines.includes('TOTAL UNDERSPEND\t\t\t\t(2,428,385)'));
    assert.equal(lines[lines.length - 1], s.narrative[0]);
  });

  it('the report copy of a sheet: its tables (Table 3 with 3a) as HTML and as plain text, each with its note and narrative', () => {
    const sheet = { ...doc, sections: doc.sections.filter((x) => x.table.id === 'reserves' || x.table.id === 'reserves-categories') };
    const { html, text } = reportClipboard(sheet);
    assert.equal(html.match(/<table/g)!.length, 2);
    assert.match(html, /^<table[^>]*><caption[^>]*>Table 3: Statement of level of reserves/);
    assert.match(html, /<caption[^>]*>Table 3a: Reserves by Home Office category/);
    assert.ok(html.includes('Total reserves at 31/03/21 are £14.468m; the general reserve is 2.9% of the net revenue budget.'));
    assert.ok(!/<script|on\w+=/i.test(html));
    const lines = text.split('\n');
    assert.equal(lines[0], 'Table 3: Statement of level of reserves at 31/03/21 and forecast levels to 31/03/24');
    assert.ok(lines.includes('Table 3a: Reserves by Home Office category, and resilience'));
    assert.ok(lines.includes('TOTAL RESERVES\t13,841,749\t626,085\t-\t-\t14,467,834\t186,923\t-\t14,654,757\t(2,003,094)\t-\t12,651,663\t(524,750)\t-\t12,126,913'));
  });

  it('the house style: font and organisation name from the input; a font name cannot inject CSS', () => {
    const styled = exampleDocument('derbyshire-2020-21.json', { font: 'Verdana', organisation: 'Derbyshire PCC' });
    assert.equal(styled.house.font, 'Verdana');
    assert.match(pageHtml(styled), /font-family: "Verdana", Arial/);
    assert.match(pageHtml(styled), /<p class="org">Derbyshire PCC<\/p>/);
    const evil = { ...styled, house: { ...styled.house, font: 'x"; } body { display:none } /*' } };
    assert.ok(!pageHtml(evil).includes('display:none'));
  });

  it('a result JSON gives the same figures as the build it came from (every example, every table)', () => {
    for (const file of ['derbyshire-2020-21.json', 'derbyshire-2020-21-mtfp.json', 'derbyshire-2021-22-month6.json']) {
      const { result, plan } = builtExample(file);
      const fromBuild = exampleDocument(file);
      const fromResult = documentFromResult(resultJson(result, plan), { organisation: 'Police and Crime Commissioner for Derbyshire' });
      assert.deepEqual(fromResult.sections.map((x) => x.table.number), fromBuild.sections.map((x) => x.table.number), file);
      for (const s of fromBuild.sections) {
        const other = fromResult.sections.find((x) => x.table.id === s.table.id)!;
        const figures = (t: PublishTable) => t.rows.map((r) => r.cells.filter((_, c) => t.columns[c].kind === 'number'));
        assert.deepEqual(figures(other.table), figures(s.table), `${file} ${s.table.number}`);
        assert.deepEqual(other.narrative, s.narrative);
      }
    }
  });

  it("another body's table as printed: Nottinghamshire FRA's reserves, every printed figure in its row and column", () => {
    const { printed } = nottsInput();
    const t3 = nottsDocument().sections[0].table;
    const col = (name: string) => t3.columns.findIndex((c) => c.name === name);
    const cols = [col("2023/24 Balances b/fwd at 1/04/23 £'000"), col("2023/24 Movements (to) / from Revenue £'000"), col("2023/24 Balances at 31/03/24 £'000"), col("2024/25 Estimated Balances at 31/03/25 £'000")];
    assert.ok(cols.every((c) => c > 0));
    const shown = (s: string) => (s === '0' ? '-' : s); // Outturn prints nil as a dash where the body printed 0
    for (const r of printed) {
      const row = /Total$/.test(r[0]) ? t3.rows.find((x) => x.kind === 'total_earmarked')! : t3.rows.find((x) => x.label === r[0])!;
      assert.ok(row, r[0]);
      assert.deepEqual(cols.map((c) => row.cells[c]), r.slice(1, 5).map(shown), r[0]);
    }
    assert.equal(nottsDocument().house.font, 'Verdana');
    assert.match(pageHtml(nottsDocument()), /<p class="org">Nottinghamshire Fire and Rescue Service<\/p>/);
  });

  it('outturn publish: writes .docx and .html, refuses other outputs, foreign files and bad results (exit 2, nothing written)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outturn-publish-'));
    try {
      const { io, lines } = silentIo();
      const input = join(ROOT, 'examples', 'derbyshire-2020-21.json');
      assert.equal(await main(['node', 'outturn', 'publish', input, '-o', join(dir, 'r.docx')], io), 0, lines.join('\n'));
      assert.match(lines.join('\n'), /Published Table 1, Table 2, Table 3, Table 3a to .*r\.docx \(Word document, \d+ KB; landscape: Table 3\)/);
      assert.equal(await main(['node', 'outturn', 'publish', input, '-o', join(dir, 'r.html'), '--tables', 'capital'], io), 0);
      const page = readFileSync(join(dir, 'r.html'), 'utf8');
      assert.ok(page.includes('Table 2: Capital outturn') && !page.includes('Table 1:'));
      // Again over its own output: allowed.
      assert.equal(await main(['node', 'outturn', 'publish', input, '-o', join(dir, 'r.html')], io), 0);
      writeFileSync(join(dir, 'mine.html'), '<p>the author’s own page</p>');
      assert.equal(await main(['node', 'outturn', 'publish', input, '-o', join(dir, 'mine.html')], io), 2);
      assert.equal(readFileSync(join(dir, 'mine.html'), 'utf8'), '<p>the author’s own page</p>');
      assert.equal(await main(['node', 'outturn', 'publish', input, '-o', join(dir, 'r.pdf')], io), 2);
      assert.equal(await main(['node', 'outturn', 'publish', input, '-o', join(dir, 'x.html'), '--tables', 'revenue,nonsense'], io), 2);
      assert.equal(await main(['node', 'outturn', 'publish', input, '-o', join(dir, 'x.html'), '--font', 'Arial;}'], io), 2);
      // From a result JSON; a figure that is not a decimal is named by its JSON path.
      const { result, plan } = builtExample('derbyshire-2020-21.json');
      const json = resultJson(result, plan);
      writeFileSync(join(dir, 'result.json'), JSON.stringify(json));
      assert.equal(await main(['node', 'outturn', 'publish', join(dir, 'result.json'), '-o', join(dir, 'from-result.html'), '--organisation', 'Derbyshire PCC', '--year', '2020/21'], io), 0);
      assert.match(readFileSync(join(dir, 'from-result.html'), 'utf8'), /<h1>Finance tables 2020\/21<\/h1>/);
      json.tables[0].rows[5].values[2] = '1,234';
      writeFileSync(join(dir, 'bad.json'), JSON.stringify(json));
      lines.length = 0;
      assert.equal(await main(['node', 'outturn', 'publish', join(dir, 'bad.json'), '-o', join(dir, 'bad.html')], io), 2);
      assert.match(lines.join('\n'), /bad\.json \$\.tables\[0\]\.rows\[5\]\.values\[2\]: "1,234" is not a plain decimal/);
      assert.ok(!existsSync(join(dir, 'bad.html')) && !existsSync(join(dir, 'x.html')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('publish: the Word document as XML', function () {
  this.timeout(60_000);
  let xml: string;
  let bytes: Uint8Array;
  const doc = exampleDocument();
  before(async () => {
    bytes = await docxBytes(doc);
    xml = strFromU8(unzipSync(bytes)['word/document.xml']);
  });

  it('every table is a real Word table whose first row is a header row marked to repeat, with its Alt Text title', () => {
    const tables = xml.split('<w:tbl>').slice(1);
    assert.equal(tables.length, doc.sections.length);
    tables.forEach((t, i) => {
      const rows = t.split('<w:tr>').slice(1);
      assert.equal(rows.length, doc.sections[i].table.rows.length + 1);
      assert.match(rows[0], /<w:trPr>(?:(?!<\/w:trPr>).)*<w:tblHeader\/>/, `table ${i + 1}: header row`);
      assert.ok(rows.slice(1).every((r) => !r.includes('<w:tblHeader')), 'only the header row repeats');
      assert.ok(t.includes(`<w:tblCaption w:val="${doc.sections[i].table.number}: `), `table ${i + 1}: caption`);
    });
  });

  it('the wide table (Table 3) is in a landscape section; the others portrait', () => {
    const sections = xml.split('</w:sectPr>');
    const t3 = sections.findIndex((s) => s.includes('Table 3: Statement of level of reserves'));
    assert.match(sections[t3], /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    assert.match(xml, /<w:tblW w:type="dxa" w:w="15398"\/>/, 'the wide table spans the landscape page');
    const t1 = sections.findIndex((s) => s.includes('Table 1: Revenue outturn'));
    assert.match(sections[t1], /<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const t3a = sections.findIndex((s) => s.includes('Table 3a:'));
    assert.ok(t3a > t3, 'Table 3a returns to portrait');
    assert.match(sections[t3a], /w:orient="portrait"/);
  });

  it('the body font, the language and the title are in the document', () => {
    const styles = strFromU8(unzipSync(bytes)['word/styles.xml']);
    assert.match(styles, /<w:rFonts w:ascii="Arial" w:cs="Arial" w:eastAsia="Arial" w:hAnsi="Arial"\/>/);
    assert.match(styles, /<w:lang w:val="en-GB"\/>/);
    const core = strFromU8(unzipSync(bytes)['docProps/core.xml']);
    assert.match(core, /<dc:title>Police and Crime Commissioner for Derbyshire: finance tables 2020\/21<\/dc:title>/);
  });

  it('is valid against the ECMA-376 schemas, part by part (and the check catches a misplaced element)', async function () {
    const why = cannotValidate();
    if (why) return requireOrSkip(this, undefined, why);
    const report = await validatePackage(bytes);
    assert.deepEqual(report.problems, []);
    assert.deepEqual(report.unchecked, []);
    assert.ok(report.checked.length >= 10);
    assert.ok(report.checked.some((c) => c.part === 'word/document.xml' && c.schema === 'wml.xsd'));
    // The same document with tblCaption moved before tblW: the schema's sequence forbids it.
    const files = unzipSync(bytes);
    files['word/document.xml'] = strToU8(xml.replace(/<w:tblPr>(<w:tblW [^>]*\/>)((?:(?!<\/w:tblPr>).)*)(<w:tblCaption [^>]*\/>)/, '<w:tblPr>$3$1$2'));
    const broken = (await validatePackage(zipSync(files))).problems.filter((p) => p.part === 'word/document.xml');
    assert.ok(broken.length >= 1, 'the misplaced tblCaption is found');
    assert.match(broken[0].message, /This element is not expected/);
  });
});

describe('publish: in Chromium (axe, accessibility tree)', function () {
  this.timeout(120_000);
   
  let context: any;
  let profile: string;
  const doc = exampleDocument();
  const month6 = exampleDocument('derbyshire-2021-22-month6.json');

  before(async function () {
    requireOrSkip(this, existsSync(CHROMIUM) ? CHROMIUM : undefined, 'Chromium');
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'outturn-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
  });
  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function axe(html: string): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[]; passes: number }> {
    const page = await context.newPage();
    await page.setContent(html);
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const r = await page.evaluate(async () => {
       
      const axe = (window as any).axe;
      const out = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
      return { violations: out.violations.map((v: { id: string; help: string; nodes: { target: string[] }[] }) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })), passes: out.passes.length };
    });
    await page.close();
    return r;
  }

  it('the published page passes axe (WCAG 2.2 AA and best practice): 0 violations', async () => {
    for (const d of [doc, month6, nottsDocument()]) {
      const r = await axe(pageHtml(d));
      assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3))}`), []);
      assert.ok(r.passes > 10, `axe ran ${r.passes} passing rules`);
    }
  });

  it('the copy-for-report HTML passes axe: 0 violations, for every table', async () => {
    for (const { table, narrative } of [...doc.sections, ...month6.sections, ...nottsDocument().sections]) {
      const html = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Annual report</title></head><body><main><h1>Annual report</h1>${reportFragmentHtml(table, narrative, 'Arial')}</main></body></html>`;
      const r = await axe(html);
      assert.deepEqual(r.violations.map((v) => `${table.number} ${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3))}`), []);
    }
  });

  it('a screen reader meets each figure with its row and column headers, in reading order (Chromium accessibility tree)', async () => {
    for (const d of [doc, nottsDocument()]) {
      const page = await context.newPage();
      await page.setContent(pageHtml(d));
      const cdp = await context.newCDPSession(page);
      await cdp.send('Accessibility.enable');
      const { nodes } = await cdp.send('Accessibility.getFullAXTree') as { nodes: { nodeId: string; ignored: boolean; role?: { value: string }; name?: { value: string }; childIds?: string[]; parentId?: string }[] };
      const byId = new Map(nodes.map((n) => [n.nodeId, n]));
      const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
      const tables: { name: string; rows: { role: string; name: string }[][] }[] = [];
      const walk = (id: string, table?: (typeof tables)[number], row?: { role: string; name: string }[]) => {
        const n = byId.get(id)!;
        const role = n.role?.value ?? '';
        if (role === 'table') {
          table = { name: norm(n.name?.value), rows: [] };
          tables.push(table);
        } else if (role === 'row' && table) {
          row = [];
          table.rows.push(row);
        } else if (row && ['columnheader', 'rowheader', 'cell', 'gridcell'].includes(role)) {
          row.push({ role, name: norm(n.name?.value) });
          return;
        }
        for (const c of n.childIds ?? []) walk(c, table, row);
      };
      walk(nodes.find((n) => !n.parentId)!.nodeId);
      await page.close();
      assert.equal(tables.length, d.sections.length);
      tables.forEach((t, i) => {
        const model = d.sections[i].table;
        assert.equal(t.name, `${model.number}: ${model.title}`, 'the table is named by its caption');
        const [head, ...body] = t.rows;
        assert.ok(head.every((c) => c.role === 'columnheader'), 'the first row is all column headers');
        assert.deepEqual(head.map((c) => c.name), model.columns.map((c) => c.name));
        const heard: string[] = [];
        for (const r of body) {
          assert.equal(r[model.labelColumn].role, 'rowheader');
          r.forEach((c, k) => {
            if (k !== model.labelColumn && c.name !== '') heard.push(`${r[model.labelColumn].name} | ${head[k].name} | ${c.name}`);
          });
        }
        assert.deepEqual(heard, readings(model), model.number);
        assert.ok(heard.length >= 10, `${model.number}: ${heard.length} figures`);
      });
    }
  });
});

describe('publish: the Word document in LibreOffice (tagged PDF)', function () {
  this.timeout(300_000);
  let dir: string;
  const doc = exampleDocument();
  const notts = nottsDocument();
  const long = (() => {
    const { result, plan } = builtDocument(scaledDoc(4));
    return documentFromBuild(result, plan, { organisation: 'Long table test', financialYear: '2020/21', rounding: 'round-then-sum', tables: ['revenue'] });
  })();

  before(async function () {
    requireOrSkip(this, existsSync('/usr/lib/libreoffice/program/libswlo.so') ? soffice() : undefined, 'LibreOffice Writer');
    requireOrSkip(this, existsSync('/usr/bin/pdftotext') ? 'pdftotext' : undefined, 'pdftotext (poppler-utils)');
    dir = mkdtempSync(join(tmpdir(), 'outturn-docx-pdf-'));
    writeFileSync(join(dir, 'example.docx'), await docxBytes(doc));
    writeFileSync(join(dir, 'long.docx'), await docxBytes(long));
    writeFileSync(join(dir, 'notts.docx'), await docxBytes(notts));
    // A fresh profile with LibreOffice's tagged-PDF and PDF/UA export options on (off by default).
    const prof = join(dir, 'profile');
    mkdirSync(join(prof, 'user'), { recursive: true });
    writeFileSync(join(prof, 'user', 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Filter/PDF/Export"><prop oor:name="UseTaggedPDF" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Filter/PDF/Export"><prop oor:name="PDFUACompliance" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
`);
    execFileSync(soffice()!, [`-env:UserInstallation=file://${prof}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'example.docx'), join(dir, 'long.docx'), join(dir, 'notts.docx')], { stdio: 'pipe', timeout: 240_000 });
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort(), ['example.pdf', 'long.pdf', 'notts.pdf']);
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const pdfText = (file: string, page?: number) => execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', join(dir, file), '-'], { encoding: 'utf8' });

  it('opens, and the PDF text holds every figure, in order (rows top to bottom, columns left to right)', () => {
    for (const [file, d, least] of [['example.pdf', doc, 300], ['notts.pdf', notts, 60]] as const) {
      const text = pdfText(file);
      let at = 0;
      let found = 0;
      for (const { table } of d.sections) {
        const start = text.indexOf(`${table.number}: ${table.title}`, at);
        assert.ok(start >= at, `${file}: ${table.number}'s heading in order`);
        at = start;
        for (const row of table.rows) row.cells.forEach((cell, c) => {
          if (table.columns[c].kind !== 'number' || cell === '' || cell === '-') return;
          const next = text.indexOf(cell, at);
          assert.ok(next >= 0, `${file}: ${table.number} ${row.label}: ${cell} not found after offset ${at}`);
          at = next + cell.length;
          found++;
        });
      }
      assert.ok(found > least, `${file}: ${found} figures`);
    }
  });

  it('the header row of a long table repeats on page 2', () => {
    assert.ok(long.sections[0].table.rows.length > 90, `${long.sections[0].table.rows.length} rows`);
    const page2 = pdfText('long.pdf', 2);
    const firstLines = page2.split('\n').filter((l) => l.trim()).slice(0, 4).join('\n');
    assert.match(firstLines, /Original\s+Revised/);
    assert.match(firstLines, /Budget Heading\s+£\s+£\s+£\s+£/);
    // and page 2 goes on with figures of the same table
    assert.match(page2, /\d{1,3}(,\d{3})+/);
  });

  it('is a tagged PDF whose tables have header cells (structure tree)', async () => {
    const info = execFileSync('pdfinfo', [join(dir, 'example.pdf')], { encoding: 'utf8' });
    assert.match(info, /Tagged:\s+yes/);
    assert.match(info, /Title:\s+Police and Crime Commissioner for Derbyshire: finance tables 2020\/21/, 'the document title (PDF/UA asks for one)');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(join(dir, 'example.pdf'))), useSystemFonts: true }).promise;
    type Node = { role?: string; children?: Node[] };
    const tables: Node[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const tree = (await (await pdf.getPage(p)).getStructTree()) as Node;
      const walk = (n: Node) => {
        if (n.role === 'Table') tables.push(n);
        for (const c of n.children ?? []) walk(c);
      };
      walk(tree);
    }
    assert.ok(tables.length >= doc.sections.length, `${tables.length} tables tagged`);
    const rowsOf = (t: Node) => (t.children ?? []).flatMap((c) => (c.role === 'TR' ? [c] : (c.children ?? []).filter((x) => x.role === 'TR')));
    const widths = new Set(doc.sections.map((s) => s.table.columns.length));
    let headed = 0;
    for (const t of tables) {
      const [first, ...rest] = rowsOf(t);
      const cells = (first.children ?? []).map((c) => c.role);
      assert.ok(cells.every((r) => r === 'TH'), `a table's first row is header cells: ${cells.join(' ')}`);
      assert.ok(widths.has(cells.length), `${cells.length} header cells`);
      assert.ok(rest.every((r) => (r.children ?? []).every((c) => c.role === 'TD')), 'the other rows are data cells');
      headed++;
    }
    assert.equal(headed, tables.length);
    await pdf.destroy();
  });
});
