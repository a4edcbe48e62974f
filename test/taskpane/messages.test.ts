// Every sentence the pane says is in src/taskpane/messages.ts, in a finance officer's words: no code
// identifiers, no "round trips", counts in proper singular and plural, the sheets to fill in named
// in the words printed on them, and a heading for every table the engine builds.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_IDS } from '../../src/engine/tables';
import { templates } from '../../src/taskpane/pipeline-templates';
import * as M from '../../src/taskpane/messages';

const PANE = join(__dirname, '..', '..', 'src', 'taskpane');
const CODE = /round trip|\(s\)|\b(RevenueLines|RevenueBelowTheLine|CapitalLines|ReserveLines|LedgerLines|OutturnSettings|MtfpPlan)\b|\b1 (errors|warnings|notes|problems|sheets|fields|tables|differences|lines)\b|\b[02-9] (error|warning|note|problem|sheet|field|table|difference|line)\b|undefined|NaN|Exception|\$\{/;

/** Every string a message builder gives for 0, 1, 2 and 5 of something. */
function sentences(): string[] {
  const out: string[] = [];
  const visit = (v: unknown, depth = 0): void => {
    if (depth > 4) return;
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'function') {
      for (const n of [0, 1, 2, 5]) {
        for (const args of [[n], [['Revenue input', 'Capital input'].slice(0, Math.min(n, 2) || 1), { error: n, warning: 1, note: n }], ['Minimum %', 'History'], ["'Budget book'!B3:J40", 3, n], [n, 'error']]) {
          if (args.length !== (v as (...a: unknown[]) => unknown).length) continue;
          try {
            visit((v as (...a: unknown[]) => unknown)(...args), depth + 1);
          } catch {
            // a builder that needs other arguments: its other calls cover it
          }
        }
      }
    } else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x, depth + 1);
  };
  for (const [name, v] of Object.entries(M)) if (!['financeWords', 'errorCode', 'count', 'names'].includes(name)) visit(v);
  // The mapping messages, given the input tables' internal names as the mapping stores them.
  for (const t of ['RevenueLines', 'RevenueBelowTheLine', 'CapitalLines', 'ReserveLines']) {
    visit([M.MAP.saved(t, "'Budget book'!B3:J40"), M.MAP.removed(t), M.MAP.listed(t, 'B3:J40'), M.MAP.removeLabel(t)]);
  }
  return out;
}

describe('task pane: the words (messages.ts)', () => {
  it('groups thousands in amounts as text, exactly, however many digits (no float in between)', () => {
    assert.equal(M.financeWords('an overspend of £1143.096m'), 'an overspend of £1,143.096m');
    // 9,007,199,254,740,993 is 2^53 + 1: Number() would print ...992
    assert.equal(M.financeWords('printed 9007199254740993 £'), 'printed 9,007,199,254,740,993 £');
  });

  it('no message uses code words, "(s)" or a wrong plural', () => {
    const all = sentences();
    assert.ok(all.length > 150, `only ${all.length} sentences visited`);
    for (const s of all) assert.doesNotMatch(s, CODE, s);
  });

  it('counts are singular and plural, with thousands separators', () => {
    assert.equal(M.count(1, 'problem'), '1 problem');
    assert.equal(M.count(3, 'problem'), '3 problems');
    assert.equal(M.count(12345, 'line'), '12,345 lines');
    assert.equal(M.count(0, 'error', undefined, true), 'no errors');
    assert.equal(M.names(['A']), '“A”');
    assert.equal(M.names(['A', 'B', 'C']), '“A”, “B” and “C”');
    assert.equal(M.built(['Checks'], { error: 1, warning: 2, note: 1 }).title, 'Built, with 1 error and 2 warnings to look at.');
    assert.equal(M.built(['Checks'], { error: 0, warning: 0, note: 0 }).title, 'Built: every check passed.');
    assert.equal(M.inputProblems(1).title, 'Nothing was written: the input has 1 problem.');
    assert.equal(M.SETTINGS.invalid(2).title, 'Settings not saved: 2 fields need a change.');
  });

  it('the internal words of the engine and readers become the pane’s', () => {
    assert.equal(M.financeWords('the RevenueLines table has no rows: enter one row per budget heading'), 'the table of revenue lines has no rows: enter one row per budget heading');
    assert.equal(M.financeWords('merged cells (E6:F6) in the RevenueLines table'), 'merged cells (E6:F6) in the table of revenue lines');
    assert.equal(M.financeWords('£1143.096m and £12345m and £0.371m'), '£1,143.096m and £12,345m and £0.371m');
    assert.equal(M.financeWords('Table 1 total 189878803 £, ledger total 92483026.76 £; 499 £\'000 (2020/21, cost centre 10053)'), 'Table 1 total 189,878,803 £, ledger total 92,483,026.76 £; 499 £\'000 (2020/21, cost centre 10053)');
  });

  it('every Office.js failure says what happened and what to do, never its code', () => {
    for (const code of ['ItemNotFound', 'GeneralException', 'InvalidOperationInCellEditMode', 'AccessDenied', 'RequestPayloadSizeLimitExceeded', 'ApiNotFound', 'Whatever']) {
      for (const stage of ['before-write', 'writing'] as const) {
        const f = M.failure({ code }, stage);
        assert.doesNotMatch(`${f.title} ${f.detail}`, new RegExp(code));
        assert.match(f.detail, stage === 'writing' ? /build again to rewrite them/ : /Nothing was written\.$/);
      }
    }
    assert.equal(M.errorCode(new Error('ItemNotFound: ws[active].used is a null object')), 'ItemNotFound');
    assert.equal(M.failure(new Error('ItemNotFound: x'), 'before-write').title, M.failure({ code: 'ItemNotFound' }, 'before-write').title);
  });

  it('the sheets to fill in are named in the words printed on them', () => {
    const sheets = templates();
    assert.deepEqual(Object.keys(M.FILL_IN).sort(), sheets.map((s) => s.name).sort());
    for (const s of sheets) {
      const words = new Set(s.cells.flat().filter((c) => c && c.t === 's').map((c) => String(c!.v)));
      for (const w of M.FILL_IN[s.name].words) assert.ok(words.has(w), `“${w}” is not on ${s.name}`);
      for (const w of M.FILL_IN[s.name].words) assert.ok(M.FILL_IN[s.name].what.includes(w), `${s.name}: ${w}`);
    }
  });

  it('every table the engine builds has a heading for its findings', () => {
    for (const id of TABLE_IDS) assert.ok(M.TABLE_TITLES[id], id);
  });

  it('no other pane module holds a sentence, and the page has no code words', () => {
    for (const f of readdirSync(PANE).filter((f) => f.endsWith('.ts') && !['messages.ts', 'pipeline.ts', 'protocol.ts', 'engine.worker.ts', 'settings.ts'].includes(f))) {
      const code = readFileSync(join(PANE, f), 'utf8').split('\n').filter((l) => !/^\s*(\/\/|\*|\/\*\*)/.test(l)).join('\n');
      const found = [...code.matchAll(/(['"`])([A-Z][a-z]+ [a-z]+[^'"`]*)\1/g)].map((m) => m[2]);
      assert.deepEqual(found, [], `${f} holds user-facing text`);
    }
    const html = readFileSync(join(PANE, 'taskpane.html'), 'utf8').replace(/<[^>]+>/g, ' ');
    assert.doesNotMatch(html, CODE);
  });
});
