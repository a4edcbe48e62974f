// Real published tables, audited as an auditor would, against hand-checked expectations (CASES.json):
// the exit code a right audit gives, the cells it must flag (a finding of severity error or warning at
// [row, column], 1-based, row 1 the first line of the file), and no flag outside the rows where one is
// acceptable. The semantics of ../shared/audit-corpus/check.py, in process.
//  - test/fixtures/audit-corpus: a copy of ../shared/audit-corpus (checked identical when that is beside the clone);
//  - test/fixtures/published/audit: the tables this project transcribed (SOURCES.md names each source).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AuditInputError, auditGrids, exitCodeOf } from '../../src/audit/audit';
import { readDelimitedBytes } from '../../src/audit/delimited';

interface Case {
  file: string;
  expected_exit: number;
  must_flag: [number, number][];
  allowed_rows: number[];
  why: string;
}

/** What the audit of one file gives, as check.py reads it: the exit code and the flagged [row, column]s. */
export function outcome(path: string): { exit: number; flagged: [number, number][] } {
  try {
    const r = auditGrids([readDelimitedBytes(readFileSync(path), path.split('/').pop()!)]);
    const flagged = r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f): [number, number] => [f.row, f.column]);
    return { exit: exitCodeOf(r), flagged };
  } catch (e) {
    if (e instanceof AuditInputError) return { exit: 2, flagged: [] };
    throw e;
  }
}

/** The ways a case's outcome differs from its expectation; none when the audit is right. */
export function judge(c: Case, o: { exit: number; flagged: [number, number][] }): string[] {
  const bad: string[] = [];
  if (o.exit !== c.expected_exit) bad.push(`exit ${o.exit}, want ${c.expected_exit}`);
  const extra = [...new Set(o.flagged.map(([r]) => r).filter((r) => !c.allowed_rows.includes(r)))].sort((x, y) => x - y);
  if (extra.length) bad.push(`flags outside allowed rows ${JSON.stringify(extra)}`);
  const lack = c.must_flag.filter(([r, k]) => !o.flagged.some(([fr, fc]) => fr === r && fc === k));
  if (lack.length) bad.push(`missed ${JSON.stringify(lack)}`);
  return bad;
}

const SHARED = join(__dirname, '..', '..', '..', 'shared', 'audit-corpus');
const GIVEN = join(__dirname, '..', 'fixtures', 'audit-corpus');
const OURS = join(__dirname, '..', 'fixtures', 'published', 'audit');

/**
 * Cases of our own corpus the audit does not yet get right, each with the kind of fault behind it.
 * The test fails when one of them starts passing (take it off the list) or a case not listed fails.
 */
const KNOWN_GAPS: Record<string, string> = {
};

function corpus(dir: string, gaps: Record<string, string>) {
  const cases = JSON.parse(readFileSync(join(dir, 'CASES.json'), 'utf8')) as Case[];
  for (const c of cases) {
    const gap = gaps[c.file];
    it(`${c.file}: ${gap ? `KNOWN GAP (${gap})` : c.expected_exit === 0 ? 'clean' : `flags ${JSON.stringify(c.must_flag)}`}`, () => {
      const bad = judge(c, outcome(join(dir, c.file)));
      if (gap) assert.notDeepEqual(bad, [], `${c.file} now passes: take it off KNOWN_GAPS`);
      else assert.deepEqual(bad, [], `${c.file}: ${c.why}`);
    });
  }
  it('tally', () => {
    const right = cases.filter((c) => judge(c, outcome(join(dir, c.file))).length === 0).length;
    console.log(`      ${right} of ${cases.length} cases as expected`);
    assert.equal(right, cases.length - Object.keys(gaps).length);
  });
}

describe('audit corpus: the given real tables (../shared/audit-corpus, vendored)', () => {
  it('the vendored copy is identical to ../shared/audit-corpus when that is beside the clone', function () {
    if (!existsSync(SHARED)) {
      console.log('      skipped: ../shared is not beside this clone');
      this.skip();
    }
    for (const f of readdirSync(SHARED)) assert.equal(readFileSync(join(GIVEN, f), 'utf8'), readFileSync(join(SHARED, f), 'utf8'), f);
  });
  corpus(GIVEN, {});
});

describe('audit corpus: our transcriptions of real published tables (test/fixtures/published/audit)', () => {
  if (existsSync(join(OURS, 'CASES.json'))) corpus(OURS, KNOWN_GAPS);
});
