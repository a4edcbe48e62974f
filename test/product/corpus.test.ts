// The bad-input corpus through the real command line: every case exits as it must, names its place,
// does not crash, and — when the input cannot be used — writes nothing at all. The cases are in
// cases.ts; most run in process through `main(argv, io)`, a handful through `node bin/outturn.js`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ALL_CASES } from '../support/corpus-cases';
import { type Case, CRASH, ROOT, type Run, runCli } from '../support/corpus-harness';

async function prepare(c: Case): Promise<{ dir: string; input: string; out: string; json: string; args: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'outturn-corpus-'));
  const input = await c.write(dir);
  const out = join(dir, 'out.xlsx');
  const json = join(dir, 'out.json');
  const args = c.args ? c.args(input, out, json) : ['build', input, '-o', out, '--json', json];
  return { dir, input, out, json, args };
}

function check(c: Case, r: Run, p: { dir: string; input: string; out: string }): void {
  const said = `${r.err}\n${r.out}`;
  const shown = said.length > 2000 ? `${said.slice(0, 2000)}…` : said;
  assert.equal(r.code, c.expect.code, `exit ${r.code}, expected ${c.expect.code}:\n${shown}`);
  if (typeof c.expect.where === 'string') assert.ok(said.includes(c.expect.where), `the message does not name ${c.expect.where}:\n${shown}`);
  else assert.match(said, c.expect.where, `the message does not name the place:\n${shown}`);
  if (c.expect.says) assert.match(said, c.expect.says, shown);
  assert.doesNotMatch(said, CRASH, `a crash, not a message:\n${shown}`);
  assert.ok(said.length < 20_000, `a message of ${said.length} characters`);
  const left = readdirSync(p.dir).filter((f) => f !== basename(p.input) && !(c.keep ?? []).includes(f));
  if (c.expect.code === 2 || c.group === 'audit') assert.deepEqual(left, [], c.group === 'audit' ? 'the audit writes nothing' : 'nothing may be written when the input cannot be used');
  else assert.ok(existsSync(p.out), 'a readable input builds its workbook');
}

describe('bad-input corpus (test/corpus)', () => {
  it(`has at least 60 cases (${ALL_CASES.length}) across JSON, workbooks, audit inputs and the command line`, () => {
    assert.ok(ALL_CASES.length >= 60);
    const groups = new Set(ALL_CASES.map((c) => c.group));
    for (const g of ['json', 'workbook', 'cli', 'audit']) assert.ok(groups.has(g as Case['group']), g);
    assert.equal(new Set(ALL_CASES.map((c) => `${c.group}: ${c.name}`)).size, ALL_CASES.length, 'case names are unique');
  });

  for (const c of ALL_CASES) {
    it(`${c.group}: ${c.name} → exit ${c.expect.code}, located${c.expect.code === 2 ? ', nothing written' : ''}`, async () => {
      const p = await prepare(c);
      try {
        const r = await runCli(p.args);
        check(c, r, p);
        if (c.keep?.includes('mine.xlsx')) assert.equal(readFileSync(join(p.dir, 'mine.xlsx'), 'utf8'), 'the user\'s own work');
      } finally {
        rmSync(p.dir, { recursive: true, force: true });
      }
    });
  }

  describe('through a real process (node bin/outturn.js): exit codes and no stack traces', () => {
    const picked = [
      'syntax error: a missing comma, placed by line and column',
      'money as a fractional JSON number',
      'a file larger than the input limit (sparse, 300 MB)',
      'transfers between reserves that do not net to nil',
      'a #REF! error in an input cell',
      'merged cells inside the revenue table',
      'an input that does not exist',
      'an unreadable cell',
    ];
    for (const name of picked) {
      const c = ALL_CASES.find((x) => x.name === name);
      it(`${name} → exit ${c?.expect.code}`, async () => {
        assert.ok(c, `no case named ${name}`);
        const p = await prepare(c);
        try {
          const res = spawnSync(process.execPath, [join(ROOT, 'bin', 'outturn.js'), ...p.args], { encoding: 'utf8', timeout: 60_000 });
          check(c, { code: res.status ?? -1, out: res.stdout, err: res.stderr }, p);
        } finally {
          rmSync(p.dir, { recursive: true, force: true });
        }
      });
    }
  });
});
