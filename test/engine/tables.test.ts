// The table registry (src/engine/tables.ts) is the one place that says where a table goes: every
// table a build makes has an entry, the plan puts each table on the sheet its entry names, the
// audit recognises each layout, and a one-table build in the task pane reports exactly the
// findings a full build reports for the tables of that sheet (a revenue-only build used to hide
// the findings of Tables 1a and 1b, and a report copy of a forecasting sheet kept their engine
// figures and check rows).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../../src/engine/build';
import { TABLE_IDS, TABLE_LAYOUTS, TABLES, tablesOnSheet, type TableEntry } from '../../src/engine/tables';
import { toModel } from '../../src/format/validate';
import { makePlan, type PlacedFinding } from '../../src/plan/plan';
import { buildFromDoc } from '../../src/taskpane/pipeline';
import { templates } from '../../src/taskpane/pipeline-templates';
import { reportFromSheets } from '../../src/taskpane/pipeline-report';
import { DEFAULT_SETTINGS, type Scope } from '../../src/taskpane/settings';
import type { InputSheet } from '../../src/format/templates';
import { auditPlan, builtDocument } from '../support/built';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const docs = ['derbyshire-2020-21.json', 'derbyshire-2020-21-mtfp.json', 'derbyshire-2021-22-month6.json'].map((f) => ({
  file: f,
  doc: JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as Record<string, unknown>,
}));
const SCOPES = ['revenue', 'capital', 'reserves'] as const satisfies readonly Exclude<Scope, 'all'>[];

describe('the table registry', () => {
  it('has an entry, a printed number and a phrase for every table; numbers and phrases are unique', () => {
    assert.equal(TABLE_IDS.length, 10);
    const numbers = TABLE_IDS.map((id) => TABLES[id].number);
    assert.equal(new Set(numbers).size, numbers.length, numbers.join(', '));
    for (const id of TABLE_IDS) {
      assert.match(TABLES[id].number, /^Table [1-9][a-z]?$/, id);
      assert.ok(TABLES[id].phrase.length > 0, id);
    }
    const layouts = TABLE_IDS.map((id) => (TABLES[id] as TableEntry).layout).filter(Boolean);
    assert.equal(new Set(layouts).size, layouts.length, 'a layout reads one table');
    assert.deepEqual(TABLE_LAYOUTS, layouts);
  });

  it('every table the examples build has an entry, and the plan puts it on the sheet its entry names', () => {
    const seen = new Set<string>();
    for (const { file, doc } of docs) {
      const input = toModel(doc);
      const result = build(input);
      const plan = makePlan(result);
      for (const t of result.tables) {
        seen.add(t.id);
        assert.ok(t.id in TABLES, `${file}: ${t.id} has no registry entry`);
        assert.equal(plan.placement[t.id]?.sheet, DEFAULT_SETTINGS.sheetNames[TABLES[t.id].sheet], `${file}: ${t.id}`);
        // Its title carries its printed number.
        const sheet = plan.sheets.find((s) => s.name === plan.placement[t.id]!.sheet)!;
        assert.ok(sheet.cells.flat().some((c) => c?.t === 's' && c.v === `${TABLES[t.id].number}: ${t.title}`), `${file}: title of ${t.id}`);
      }
    }
    assert.deepEqual([...seen].sort(), [...TABLE_IDS].sort(), 'the examples build every table of the registry');
  });

  it('the audit reads each table of a built workbook back with the layout its entry names', async () => {
    for (const { file, doc } of docs) {
      const { result, plan } = builtDocument(doc);
      const report = await auditPlan(plan);
      for (const t of result.tables) {
        const p = plan.placement[t.id]!;
        const layout = (TABLES[t.id] as TableEntry).layout ?? 'auto';
        const found = report.tables.filter((a) => a.sheet === p.sheet && a.layout === layout);
        assert.ok(found.length > 0, `${file}: ${t.id} read back as ${layout}; found ${report.tables.map((a) => `${a.sheet} ${a.range} ${a.layout}`).join('; ')}`);
      }
    }
  });

  for (const { file, doc } of docs) {
    it(`${file}: a one-table build reports the same findings for its tables as a full build`, () => {
      const full = buildFromDoc(doc, DEFAULT_SETTINGS, 'all');
      assert.ok(full.ok);
      if (!full.ok) return;
      for (const scope of SCOPES) {
        // Which tables sit on the sheet, as the full build's placement says (not the registry).
        const sheet = DEFAULT_SETTINGS.sheetNames[scope];
        const onSheet: Set<string> = new Set(Object.entries(full.plan.placement).filter(([, p]) => p?.sheet === sheet).map(([id]) => id));
        if (!onSheet.size) continue;
        const one = buildFromDoc(doc, DEFAULT_SETTINGS, scope);
        assert.ok(one.ok, scope);
        if (!one.ok) continue;
        const expected: PlacedFinding[] = full.plan.findings.filter((f) => onSheet.has(f.table) || f.table === 'input');
        assert.deepEqual(one.plan.findings, expected, `${file} ${scope}`);
        assert.deepEqual(one.plan.sheets.map((s) => s.name), [sheet]);
        assert.deepEqual(tablesOnSheet(scope).filter((id) => onSheet.has(id)), [...onSheet]);
      }
    });
  }

  it('the month-6 revenue-only build shows the findings of Tables 1a and 1b (they were hidden)', () => {
    const month6 = docs.find((d) => d.file.includes('month6'))!.doc;
    const one = buildFromDoc(month6, DEFAULT_SETTINGS, 'revenue');
    assert.ok(one.ok);
    if (!one.ok) return;
    const tables = new Set(one.plan.findings.map((f) => f.table));
    assert.ok(tables.has('revenue-forecast'), [...tables].join(', '));
  });

  it("a report copy of a forecasting sheet keeps every table on it and drops each one's engine figures and check row", () => {
    const month6 = docs.find((d) => d.file.includes('month6'))!.doc;
    const sheets: InputSheet[] = templates(month6).map((s) => ({
      name: s.name,
      values: s.cells.map((row) => row.map((c) => (c === null ? null : c.t === 's' ? c.v : Number(c.v)))),
    }));
    const built = buildFromDoc(month6, DEFAULT_SETTINGS, 'all');
    assert.ok(built.ok);
    if (!built.ok) return;
    for (const scope of SCOPES) {
      if (!tablesOnSheet(scope).some((id) => built.plan.placement[id])) continue;
      const out = reportFromSheets(sheets, DEFAULT_SETTINGS, scope);
      assert.ok(out.ok, scope);
      if (!out.ok) continue;
      const texts = out.report.sheet.cells.flat().flatMap((c) => (c?.t === 's' ? [c.v] : []));
      assert.ok(!texts.some((v) => /Engine figures|^Check:/.test(v)), `${scope}: ${texts.filter((v) => /Engine figures|^Check:/.test(v)).join(' | ')}`);
      for (const id of tablesOnSheet(scope)) {
        if (built.plan.placement[id]) assert.ok(texts.some((v) => v.startsWith(`${TABLES[id].number}: `)), `${scope}: ${id}`);
      }
    }
  });
});
