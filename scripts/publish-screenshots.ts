// README screenshots of publishing (issue 16): the published web page in Chromium, and the Word
// document as LibreOffice lays it out (exported to PDF, pages rendered by pdftoppm).
// Run: npx tsx scripts/publish-screenshots.ts   (needs /usr/bin/chromium, soffice, pdftoppm)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from '../src/engine/build';
import { readOutturn } from '../src/format/validate';
import { makePlan } from '../src/plan/plan';
import { docxBytes } from '../src/publish/docx';
import { pageHtml } from '../src/publish/html';
import { documentFromBuild } from '../src/publish/model';

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const input = readOutturn(readFileSync(join(root, 'examples', 'derbyshire-2020-21.json'), 'utf8'), 'derbyshire-2020-21.json');
  const result = build(input);
  const plan = makePlan(result, { organisation: input.organisation, financialYear: input.financialYear, rounding: input.rounding });
  const doc = documentFromBuild(result, plan, { organisation: input.organisation, financialYear: input.financialYear, rounding: input.rounding });
  const dir = mkdtempSync(join(tmpdir(), 'outturn-shots-'));
  const docs = join(root, 'docs');
  mkdirSync(docs, { recursive: true });

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
  await page.setContent(pageHtml(doc));
  await page.screenshot({ path: join(docs, 'publish-page.png') });
  await browser.close();

  writeFileSync(join(dir, 'tables.docx'), await docxBytes(doc));
  const prof = join(dir, 'profile');
  mkdirSync(join(prof, 'user'), { recursive: true });
  execFileSync('soffice', [`-env:UserInstallation=file://${prof}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'tables.docx')], { stdio: 'pipe' });
  // Page 1 (Table 1, portrait) and the landscape page of Table 3.
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', join(dir, 'tables.pdf'), join(dir, 'p')]);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '3', '-l', '3', join(dir, 'tables.pdf'), join(dir, 'q')]);
  copyFileSync(join(dir, 'p-1.png'), join(docs, 'publish-word.png'));
  copyFileSync(join(dir, 'q-3.png'), join(docs, 'publish-word-landscape.png'));
  console.log(`docs/publish-page.png, docs/publish-word.png, docs/publish-word-landscape.png (from ${dir})`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
