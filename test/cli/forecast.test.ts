// The forecasting inputs through the command line: `outturn build` on the worked examples (JSON and
// input workbook), exit codes, the new tables in the result JSON, a located input error.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { EXAMPLES } from '../support/forecast';

const run = async (...args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(['node', 'outturn', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('forecast: the command line', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'outturn-forecast-cli-')); });

  it('builds the month-6 ledger example: exit 0, Table 1 on a forecast basis with Tables 1a and 1b, the reconciliation passing', async () => {
    const json = join(dir, 'r.json');
    const r = await run('build', join(EXAMPLES, 'derbyshire-2021-22-month6.json'), '-o', join(dir, 'm6.xlsx'), '--json', json);
    assert.equal(r.code, 0, r.err + r.out);
    const res = JSON.parse(readFileSync(json, 'utf8'));
    assert.deepEqual(res.tables.map((t: any) => [t.id, t.sheet]), [['revenue', 'Table 1 Revenue'], ['revenue-forecast', 'Table 1 Revenue'], ['revenue-ledger', 'Table 1 Revenue']]);
    const total = res.tables[0].rows.find((x: any) => x.label === 'TOTAL DERBYSHIRE POLICE');
    // original, revised, virements, forecast outturn, over/(under)spend, variance %
    assert.deepEqual(total.values, ['189878803', '189878803', '0', '189991396', '112593', '0.1']);
    assert.equal(res.checks.find((c: any) => c.rule === 'ledger.reconciliation').passed, true);
    assert.match(r.out, /overspend against the Revised Budget is expected for the year of £0\.113m/);
  });

  it('the same example through its input workbook (outturn template, then outturn build INPUT.xlsx) gives the same tables', async () => {
    const input = join(dir, 'input.xlsx');
    const t = await run('template', join(EXAMPLES, 'derbyshire-2021-22-month6.json'), '-o', input);
    assert.equal(t.code, 0, t.err);
    assert.match(t.out, /Ledger input/);
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    assert.equal((await run('build', join(EXAMPLES, 'derbyshire-2021-22-month6.json'), '-o', join(dir, 'a.xlsx'), '--json', a)).code, 0);
    assert.equal((await run('build', input, '-o', join(dir, 'b.xlsx'), '--json', b)).code, 0);
    assert.deepEqual(JSON.parse(readFileSync(b, 'utf8')).tables, JSON.parse(readFileSync(a, 'utf8')).tables);
  });

  it('builds the MTFP example: exit 1 (a reserve the gap exhausts is a warning), with Tables 2a, 2b, 3b and 3c', async () => {
    const json = join(dir, 'r.json');
    const r = await run('build', join(EXAMPLES, 'derbyshire-2020-21-mtfp.json'), '-o', join(dir, 'mtfp.xlsx'), '--json', json);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /warning 'Table 3 Reserves'!L11\s+Operational Funding and Investment Reserve would be exhausted in 2022\/23 funding the budget gap/);
    const res = JSON.parse(readFileSync(json, 'utf8'));
    assert.deepEqual(res.tables.map((t: any) => t.id), ['revenue', 'capital', 'capital-next-year', 'capital-financing', 'reserves', 'reserves-categories', 'reserves-mtfp', 'reserves-scenarios']);
    for (const rule of ['capital.roll-forward', 'capital.financing-total', 'tie.capital-reserves', 'mtfp.unfunded']) {
      assert.equal(res.checks.find((c: any) => c.rule === rule).passed, true, rule);
    }
  });

  it('an invalid forecasting input: exit 2, the JSON path named, nothing written', async () => {
    const doc = JSON.parse(readFileSync(join(EXAMPLES, 'derbyshire-2020-21-mtfp.json'), 'utf8'));
    doc.reserves.mtfp.gapFundedFrom = ['No Such Reserve'];
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(doc));
    const out = join(dir, 'bad.xlsx');
    const r = await run('build', file, '-o', out);
    assert.equal(r.code, 2);
    assert.match(r.err, /\$\.reserves\.mtfp\.gapFundedFrom\[0\]: "No Such Reserve" is not a reserve of the statement/);
    assert.equal(existsSync(out), false);
  });
});
