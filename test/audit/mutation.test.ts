// A property on real tables (issue #10): any single printed figure of a clean published table changed
// by one printed unit either way, or by 100,000 units, is caught — at its own cell, or (when the
// arithmetic cannot say which of two figures is wrong: a line and the total it feeds) at the cell it
// makes disagree — or is SHOWN to be undetectable by arithmetic: no check of the clean audit used it
// (it is in no total, no cross-cast, no variance, no percentage, no roll-forward, no tie-out: the
// report's `involved` cells, computed by the audit itself, never a hand list).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditInputError, type AuditReport, auditGrids, exitCodeOf } from '../../src/audit/audit';
import { readDelimited } from '../../src/audit/delimited';
import { readCell } from '../../src/audit/grid';
import { Dec } from '../../src/base/decimal';

/**
 * Tables where some single change to a figure a check uses still passes unseen. The test fails when
 * one of them is fully caught (take it off the list). Empty since session 4: the last five (a firmly
 * labelled total 100 £m out, a one-row table's "Total Budget", a running total at a table's end, a
 * balance at a later date) were each fixed as a kind (test/audit/mutation-kinds.test.ts).
 */
const NOT_YET = new Set<string>([]);

const DIRS = [join(__dirname, '..', 'fixtures', 'audit-corpus'), join(__dirname, '..', 'fixtures', 'published', 'audit')];
const CHANGES = [1, -1, 100_000];

interface Case { file: string; expected_exit: number }

/** The audit of a TSV text; undefined when it finds no table it can check (exit 2). */
function outcome(text: string, file: string, trace: boolean): AuditReport | undefined {
  try {
    return auditGrids([readDelimited(text, file)], { trace });
  } catch (e) {
    if (e instanceof AuditInputError) return undefined;
    throw e;
  }
}

/** The same figure moved by `units` of its last printed place, printed the same way ("(1,234)", "1,234.5", "12.5%"). */
function moved(raw: string, units: number): string | undefined {
  const x = readCell(raw);
  // Only what the audit reads as a figure; a dash is a printed nil with no places to move by.
  if (x.kind !== 'number' || x.dash || x.marker || x.unit) return undefined;
  const v = x.value.plus(new Dec(10).pow(-x.places).times(units));
  const s = v.abs().toFixed(x.places).replace(/\B(?=(\d{3})+(?!\d))/g, raw.includes(',') ? ',' : '');
  const pct = x.percent ? '%' : '';
  if (!v.isNeg() || v.isZero()) return `${s}${pct}`;
  return raw.includes('(') ? `(${s}${pct})` : `-${s}${pct}`;
}

describe('audit: any one figure of a clean real table changed is caught, or shown undetectable', function () {
  this.timeout(300_000);
  for (const dir of DIRS) {
    const cases = (JSON.parse(readFileSync(join(dir, 'CASES.json'), 'utf8')) as Case[]).filter((c) => c.expected_exit === 0);
    for (const c of cases) {
      it(`${c.file}: every figure ±1 unit and +100,000 units`, function () {
        const text = readFileSync(join(dir, c.file), 'utf8');
        const base = outcome(text, c.file, true);
        if (base === undefined || exitCodeOf(base) !== 0) {
          // A known gap of the corpus (test/audit/corpus.test.ts lists it): nothing clean to change.
          console.log('      skipped: the clean table does not yet audit clean (a KNOWN_GAPS case)');
          this.skip();
        }
        const involved = new Set(base!.involved!.map((x) => `${x.row},${x.column}`));
        const lines = text.split('\n');
        let tried = 0;
        let atCell = 0;
        let elsewhere = 0;
        const undetectable = new Set<string>();
        const missed: string[] = [];
        lines.forEach((line, r) => {
          const cells = line.split('\t');
          cells.forEach((raw, k) => {
            for (const units of CHANGES) {
              const now = moved(raw, units);
              if (now === undefined) continue;
              const copy = lines.slice();
              copy[r] = cells.map((x, j) => (j === k ? now : x)).join('\t');
              const report = outcome(copy.join('\n'), c.file, false);
              tried++;
              // A table no longer read as one (exit 2, nothing checked) is not caught: it is counted as missed.
              const flags = report ? report.findings.filter((f) => f.severity !== 'note') : [];
              if (flags.some((f) => f.row === r + 1 && f.column === k + 1)) atCell++;
              else if (flags.length) elsewhere++;
              else if (!involved.has(`${r + 1},${k + 1}`)) undetectable.add(`row ${r + 1} column ${k + 1} (${raw})`);
              else missed.push(`row ${r + 1} column ${k + 1} ${raw}→${now}`);
            }
          });
        });
        console.log(`      ${tried} changes: ${atCell} caught at the cell, ${elsewhere} where they make another cell disagree; ` +
          `${undetectable.size} figure(s) no check uses${undetectable.size ? ` [${[...undetectable].join('; ')}]` : ''}; ${missed.length} missed`);
        if (NOT_YET.has(c.file)) assert.notDeepEqual(missed, [], `${c.file} is now fully caught: take it off NOT_YET`);
        else assert.deepEqual(missed, [], `${c.file}: a figure a check uses changed, and nothing found`);
      });
    }
  }
});
