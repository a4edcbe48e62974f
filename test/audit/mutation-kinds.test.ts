// The kinds of reading the mutation property (test/audit/mutation.test.ts) found missing, each shown on
// the real table that showed it (sources: test/fixtures/published/audit/SOURCES.md and
// test/fixtures/audit-corpus/README.md) with one figure changed, and on the table as printed (clean).
// Every expected figure is recomputed here by hand from the printed ones, in exact decimal.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AuditReport, auditGrids, exitCodeOf } from '../../src/audit/audit';
import { readDelimited } from '../../src/audit/delimited';

const PUBLISHED = join(__dirname, '..', 'fixtures', 'published', 'audit');

const read = (file: string) => readFileSync(file, 'utf8');
const audit = (text: string, name = 'table.tsv'): AuditReport => auditGrids([readDelimited(text, name)], { trace: true });
/** The error and warning findings as "row:column rule expected". */
const flags = (r: AuditReport) => r.findings.filter((f) => f.severity !== 'note').map((f) => `${f.row}:${f.column} ${f.rule} ${f.expected}`);

describe('audit: kinds of reading the mutation property found missing', () => {
  describe('a column headed "Total …" beside the columns its header names is a cross-cast, even in a table of one row', () => {
    // PCC for Surrey, Decision 42/2022, 2nd quarter 2022/23: PCC Budget 3.3 + Operational Budget 275.8 = Total Budget 279.1.
    const m6 = read(join(PUBLISHED, 'surrey-pcc-monitoring-2022-23-m6.tsv'));

    it('as printed: clean, and the one row is cross-cast (3.3 + 275.8 = 279.1)', () => {
      const r = audit(m6);
      assert.equal(exitCodeOf(r), 0);
      assert.equal(r.tables[0].checked.crossCasts, 1);
      assert.ok(r.involved!.some((x) => x.row === 2 && x.column === 2), 'the PCC Budget figure is in a check');
    });

    it('the PCC Budget printed 3.4: Total Budget is found 0.1 short of its parts (3.4 + 275.8 = 279.2)', () => {
      const r = audit(m6.replace('Month 6\t3.3\t', 'Month 6\t3.4\t'));
      assert.deepEqual(flags(r), ['2:4 revenue.across 279.2']);
      assert.match(r.findings[0].message, /the columns its header names as its parts/);
    });

    it('the Operational Budget printed 10,275.8: Total Budget is found short (3.3 + 10,275.8 = 10,279.1)', () => {
      const r = audit(m6.replace('\t275.8\t', '\t10275.8\t'));
      assert.deepEqual(flags(r), ['2:4 revenue.across 10279.1']);
    });

    it('rows that say otherwise win over the header: two rows whose "Total Budget" is not the sum of the named columns are not cross-cast', () => {
      // The same header over two rows where the total holds a third, unprinted part (figures made up for the shape).
      const header = m6.split('\n')[0];
      const text = `${header}\nMonth 6\t3.3\t275.8\t281.1\t276.7\t(4.4)\nMonth 9\t3.2\t275.9\t281.1\t275.7\t(5.4)\n`;
      const r = audit(text);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.crossCasts, 0);
    });
  });
});
