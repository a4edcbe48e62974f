// Behaviour does not change by accident: every example in examples/ builds, through the command
// line, to a result JSON, a workbook and a printed report byte-identical to the goldens recorded in
// test/goldens/; the task pane's pipeline gives the same sheet plan for a full build and for each
// one-table build; the input templates filled from each JSON example are the same workbook.
//
// The workbook is compared part by part (the bytes of each file inside the xlsx zip), not as a zip:
// ExcelJS stamps docProps/core.xml with the time of writing (dcterms:created/modified), which is
// the only part whose text is normalised before comparing. To record the goldens again after a
// change that is meant to alter the output: `GOLDEN_UPDATE=1 npx mocha test/product/golden.test.ts`, and
// say in the commit why the output changed.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { buildFromDoc, DEFAULT_SETTINGS } from '../../src/taskpane/pipeline';
import type { Scope } from '../../src/taskpane/settings';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const GOLDENS = join(__dirname, '..', 'goldens');
const UPDATE = process.env.GOLDEN_UPDATE === '1';

/** The xlsx's parts, name → bytes, with ExcelJS's write-time stamps in core.xml blanked. */
async function parts(xlsx: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).sort()) {
    const f = zip.files[name];
    if (f.dir) continue;
    let bytes = await f.async('nodebuffer');
    if (name === 'docProps/core.xml') {
      bytes = Buffer.from(bytes.toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)/g, '$1TIME$2'));
    }
    out.set(name, bytes);
  }
  return out;
}

async function sameWorkbook(actual: Buffer, goldenPath: string): Promise<void> {
  const a = await parts(actual);
  if (UPDATE) {
    // Only a workbook whose parts changed is written again (its zip differs at every write).
    const old = existsSync(goldenPath) ? await parts(readFileSync(goldenPath)) : new Map<string, Buffer>();
    const same = old.size === a.size && [...a].every(([k, v]) => old.get(k)?.equals(v));
    if (!same) writeFileSync(goldenPath, actual);
    return;
  }
  const g = await parts(readFileSync(goldenPath));
  assert.deepEqual([...a.keys()], [...g.keys()], `${basename(goldenPath)}: the parts of the workbook differ`);
  for (const [name, bytes] of g) {
    const got = a.get(name)!;
    if (!got.equals(bytes)) {
      // Name the first difference, so a failure says where the output moved.
      const s = got.toString('utf8');
      const t = bytes.toString('utf8');
      let i = 0;
      while (i < s.length && s[i] === t[i]) i++;
      assert.fail(`${basename(goldenPath)} part ${name} differs at character ${i}: got …${s.slice(Math.max(0, i - 80), i + 80)}… golden …${t.slice(Math.max(0, i - 80), i + 80)}…`);
    }
  }
}

function sameText(actual: string, goldenPath: string): void {
  if (UPDATE) {
    writeFileSync(goldenPath, actual);
    return;
  }
  assert.equal(actual, readFileSync(goldenPath, 'utf8'), `${basename(goldenPath)} differs from its golden`);
}

const inputs = readdirSync(EXAMPLES).filter((f) => /\.(json|xlsx)$/.test(f)).sort();

describe('goldens: the examples build exactly as recorded', function () {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'outturn-golden-'));
    mkdirSync(GOLDENS, { recursive: true });
  });

  it('there is an example of each kind (JSON and input workbook)', () => {
    assert.ok(inputs.some((f) => f.endsWith('.json')) && inputs.some((f) => f.endsWith('.xlsx')), inputs.join(', '));
  });

  for (const file of inputs) {
    const stem = file.replace(/\./g, '_');
    it(`outturn build examples/${file}: exit code, printed report, result JSON and workbook as recorded`, async () => {
      const out = join(dir, `${stem}.xlsx`);
      const json = join(dir, `${stem}.json`);
      const lines: string[] = [];
      const io = { out: (l: string) => lines.push(`out ${l}`), err: (l: string) => lines.push(`err ${l}`) };
      const code = await main(['node', 'outturn', 'build', join(EXAMPLES, file), '-o', out, '--json', json], io);
      // The report names the output file: the temporary folder is not part of the behaviour.
      const report = [`exit ${code}`, ...lines].join('\n').split(dir).join('OUT') + '\n';
      sameText(report, join(GOLDENS, `${stem}.report.txt`));
      sameText(readFileSync(json, 'utf8'), join(GOLDENS, `${stem}.result.json`));
      await sameWorkbook(readFileSync(out), join(GOLDENS, `${stem}.xlsx`));
    });

    if (file.endsWith('.json')) {
      it(`outturn template examples/${file}: the filled input templates as recorded`, async () => {
        const out = join(dir, `${stem}.templates.xlsx`);
        const code = await main(['node', 'outturn', 'template', join(EXAMPLES, file), '-o', out], { out: () => {}, err: () => {} });
        assert.equal(code, 0);
        await sameWorkbook(readFileSync(out), join(GOLDENS, `${stem}.templates.xlsx`));
      });

      it(`task pane pipeline, examples/${file}: the sheet plan of a full build and of each one-table build as recorded`, () => {
        const doc = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'));
        const scopes: Scope[] = ['all', 'revenue', 'capital', 'reserves'];
        const plans = Object.fromEntries(scopes.map((s) => [s, buildFromDoc(doc, DEFAULT_SETTINGS, s)]));
        sameText(`${JSON.stringify(plans, null, 1)}\n`, join(GOLDENS, `${stem}.pane.json`));
      });
    }
  }

  after(function () {
    if (UPDATE) console.log(`    goldens recorded in ${GOLDENS}`);
    else assert.ok(existsSync(GOLDENS));
  });
});
