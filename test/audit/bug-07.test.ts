// Bug case 07 (../shared/bug-cases/07-audit-total-underspend-doubled, vendored in test/fixtures/bug-cases/07):
// a revenue table with no adjustments and no earmarked lines audited TOTAL UNDERSPEND as twice itself,
// because its total ("NET EXPENDITURE") was not read as a total. Totals are now found by their arithmetic.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditGrids, exitCodeOf } from '../../src/audit/audit';
import { readDelimited } from '../../src/audit/delimited';
import { auditPlan, builtDocument } from '../support/built';

const DIR = join(__dirname, '..', 'fixtures', 'bug-cases', '07');

describe('bug case 07: a revenue table with no adjustments audits clean', () => {
  it('printed.tsv: exit 0, NET EXPENDITURE read as the total of its two lines', () => {
    const r = auditGrids([readDelimited(readFileSync(join(DIR, 'printed.tsv'), 'utf8'), 'printed.tsv')]);
    assert.deepEqual(r.findings, []);
    assert.equal(exitCodeOf(r), 0);
    assert.deepEqual(r.tables[0].totals.map((t) => [t.row, t.label, t.from, t.to]), [[4, 'NET EXPENDITURE', 2, 3]]);
    assert.ok(r.tables[0].checked.totals > 0);
  });
  for (const f of ['input.json', 'input-round-each-pence.json']) {
    it(`${f} built by Outturn, then audited: no finding but legitimate notes, exit 0`, async () => {
      const r = await auditPlan(builtDocument(JSON.parse(readFileSync(join(DIR, f), 'utf8'))).plan);
      assert.deepEqual(r.findings.filter((x) => x.severity !== 'note'), []);
      assert.equal(exitCodeOf(r), 0);
    });
  }
});
