// The fixtures are a copy of the project's shared originals: they must stay identical.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const LOCAL = join(__dirname, '..', 'fixtures', 'derbyshire-2020-21');
const SHARED = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'derbyshire-2020-21');

describe('fixtures', () => {
  it('the published tables are here: three TSVs', () => {
    assert.deepEqual(readdirSync(LOCAL).filter((f) => f.endsWith('.tsv')).sort(), [
      'table1-revenue-outturn.tsv', 'table2-capital-outturn.tsv', 'table3-reserves.tsv',
    ]);
  });
  it('and identical to ../shared/fixtures when that is beside the project', function () {
    if (!existsSync(SHARED)) {
      console.log('      skipped: ../shared is not beside this clone');
      this.skip();
    }
    for (const f of readdirSync(SHARED)) assert.equal(readFileSync(join(LOCAL, f), 'utf8'), readFileSync(join(SHARED, f), 'utf8'), f);
  });
});

describe('fixtures: the Derbyshire report text', () => {
  it('test/fixtures/reports is identical to ../shared/reference when that is beside the project', function () {
    const shared = join(__dirname, '..', '..', '..', 'shared', 'reference', 'annual-report-2020-21-finance-section.md');
    if (!existsSync(shared)) {
      console.log('      skipped: ../shared is not beside this clone');
      this.skip();
    }
    assert.equal(readFileSync(join(__dirname, '..', 'fixtures', 'reports', 'derbyshire-2020-21-finance-section.md'), 'utf8'), readFileSync(shared, 'utf8'));
  });
});
