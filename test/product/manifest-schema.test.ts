// manifest.xml against Microsoft's published add-in manifest schema (../shared/schemas/office-addin,
// [MS-OWEMXML] Appendix A, with the patches libxml2 needs already applied there, see its README),
// and the rules a schema cannot see: Group and Control ids unique, the OfficeTab a built-in tab,
// requirement set names spelt as Microsoft publishes them, SupportUrl and HighResolutionIconUrl
// present (AppSource requires them). The checks are proved on copies broken on purpose. Skips with
// a printed reason where ../shared or xmllint is absent.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { attr, find, parseXml } from '../support/ooxml-validate';

const ROOT = resolve(__dirname, '..', '..');
const SCHEMAS = resolve(ROOT, '..', 'shared', 'schemas', 'office-addin');
const XSD = join(SCHEMAS, 'OfficeAppManifestV1_1.xsd');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

/** Excel's built-in ribbon tabs (the ids an OfficeTab may take in Excel). */
const EXCEL_TABS = ['TabHome', 'TabInsert', 'TabPageLayoutExcel', 'TabFormulas', 'TabData', 'TabReview', 'TabView', 'TabDeveloper', 'TabAddIns', 'TabPrintPreview', 'TabBackgroundRemoval', 'TabDraw'];
/** Requirement set names as Microsoft spells them (case matters). */
const SETS = ['ExcelApi', 'ExcelApiOnline', 'ExcelApiDesktop', 'SharedRuntime', 'DialogApi', 'DialogOrigin', 'IdentityAPI', 'NestedAppAuth', 'RibbonApi', 'AddinCommands', 'ImageCoercion', 'KeyboardShortcuts', 'CustomFunctionsRuntime', 'Selection', 'Settings', 'File', 'DocumentEvents', 'TextCoercion', 'TableBindings', 'MatrixBindings'];

/** The problems a schema cannot see, as lines. */
function manifestRules(xml: string): string[] {
  const root = parseXml(xml);
  const problems: string[] = [];
  const all = (local: string) => {
    const out: ReturnType<typeof parseXml>[] = [];
    const walk = (e: ReturnType<typeof parseXml>) => {
      if (e.local === local) out.push(e);
      for (const c of e.children) if (typeof c !== 'string') walk(c);
    };
    walk(root);
    return out;
  };
  const ids = new Map<string, number>();
  for (const el of [...all('Group'), ...all('Control')]) {
    const id = attr(el, 'id') ?? '';
    ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  for (const [id, n] of ids) if (n > 1) problems.push(`Group/Control id "${id}" is used ${n} times`);
  for (const tab of all('OfficeTab')) {
    const id = attr(tab, 'id') ?? '';
    if (!EXCEL_TABS.includes(id)) problems.push(`OfficeTab id "${id}" is not one of Excel's built-in tabs`);
  }
  for (const set of all('Set')) {
    const name = attr(set, 'Name') ?? '';
    if (!SETS.includes(name)) problems.push(`requirement set "${name}" is not spelt as Microsoft publishes it${SETS.find((s) => s.toLowerCase() === name.toLowerCase()) ? ` (${SETS.find((s) => s.toLowerCase() === name.toLowerCase())})` : ''}`);
  }
  for (const need of ['SupportUrl', 'HighResolutionIconUrl']) {
    const el = find(root, 'http://schemas.microsoft.com/office/appforoffice/1.1', need)[0];
    if (!el || !/^https:\/\//.test(attr(el, 'DefaultValue') ?? '')) problems.push(`${need} is missing (AppSource requires it, with an https address)`);
  }
  return problems;
}

function xsd(xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'outturn-manifest-xsd-'));
  const file = join(dir, 'manifest.xml');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe("conformance: manifest.xml against Microsoft's schema and AppSource's rules", () => {
  before(function () {
    const why = !existsSync(XSD) ? `Microsoft's manifest schema is not at ${XSD} (../shared is absent)` : spawnSync('xmllint', ['--version']).error ? 'xmllint is not installed (Debian libxml2-utils)' : undefined;
    if (!why) return;
    if (process.env.CI === 'true' && !why.includes('../shared')) throw new Error(`${why}, and CI must run this test`);
    console.log(`      skipped: ${why}`);
    this.skip();
  });

  it('validates against OfficeAppManifestV1_1.xsd', () => {
    const r = xsd(MANIFEST);
    assert.ok(r.ok, r.output);
  });

  it('passes the rules a schema cannot see', () => {
    assert.deepEqual(manifestRules(MANIFEST), []);
    assert.match(MANIFEST, /<Set Name="ExcelApi" MinVersion="1\.14"\/>/, 'the minimum Excel the README states');
  });

  it('the checks find what they must (copies broken on purpose)', () => {
    const broken = (from: RegExp, to: string) => {
      const x = MANIFEST.replace(from, to);
      assert.notEqual(x, MANIFEST, `${from} changed nothing`);
      return x;
    };
    assert.equal(xsd(broken(/<ProviderName>/, '<Provider>').replace('</ProviderName>', '</Provider>')).ok, false);
    assert.equal(xsd(broken(/<Version>[^<]*<\/Version>/, '<Version>1.0.0.0.0</Version>')).ok, false);
    assert.deepEqual(manifestRules(broken(/<Set Name="ExcelApi"/, '<Set Name="ExcelAPI"')), ['requirement set "ExcelAPI" is not spelt as Microsoft publishes it (ExcelApi)']);
    assert.deepEqual(manifestRules(broken(/<OfficeTab id="TabHome">/, '<OfficeTab id="TabHomeX">')), ['OfficeTab id "TabHomeX" is not one of Excel\'s built-in tabs']);
    assert.deepEqual(manifestRules(broken(/<SupportUrl [^>]*\/>/, '')), ['SupportUrl is missing (AppSource requires it, with an https address)']);
    const control = /<Control xsi:type="Button" id="([^"]+)"/.exec(MANIFEST)![1];
    assert.deepEqual(manifestRules(broken(/<Group id="[^"]+">/, `<Group id="${control}">`)), [`Group/Control id "${control}" is used 2 times`]);
  });
});
