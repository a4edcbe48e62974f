// Two kinds of misreading a new user met (session 3): a running statement (a balance, the changes
// to it, the next balance) whose sub-total was read as adding the opening balance once one figure
// was wrong — the error then blamed on the wrong row with a difference of hundreds of millions —
// and a total short by exactly one line's figure blamed on another line's sign.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dec } from '../../src/base/decimal';
import { runAudit } from '../../src/cli/audit';

interface J { findings: { severity: string; rule: string; row: number; column: number; printed?: string; expected?: string; difference?: string; message: string }[] }

async function audit(csv: string): Promise<{ code: number; j: J }> {
  const dir = mkdtempSync(join(tmpdir(), 'outturn-running-'));
  const file = join(dir, 't.csv');
  writeFileSync(file, csv);
  let out = '';
  const code = await runAudit({ file, json: true }, { out: (s) => { out += s; }, err: () => undefined });
  return { code, j: JSON.parse(out) as J };
}

// A county council's budget-requirement build-up in £m, laid out as Lincolnshire County Council's
// 2024/25 budget book prints "Reasons for change in budget requirement" (as a new user transcribed
// it; its figures cast: 604.3 + 41.5 + 8.3 = 654.1, and the ten changes add to 41.5).
const BUILD_UP = [
  'Reasons for change in budget requirement and effect on council tax,,£m',
  'Budget requirement 2023/24,,604.3',
  'Changes to gross expenditure,Children’s Social Care pressures,13.3',
  ',Adult Social Care pressures,32.7',
  ',Highways Contract cost increases,3.0',
  ',Transport pressures,3.2',
  ',Pay Award inflation,8.8',
  ',Other pressures,6.8',
  'Changes to gross income,Waste Management savings,-1.6',
  ',Energy savings,-4.5',
  ',Other Service savings and increased income,-9.9',
  ',Increase in Service grants,-10.3',
  'Total change in services,,41.5',
  'Decrease in use of reserves,,8.3',
  'Budget requirement 2024/25,,654.1',
  'Changes to funding,Increase in business rates funding,-11.3',
  ',Increase in government grants,-15.8',
  ',Increase in council tax,-22.7',
  'Total change in funding,,-49.9',
].join('\n');

describe('audit: running statements and totals short by one line', () => {
  it('a running statement as printed: only the funding total’s rounding (−49.8 printed −49.9) is said', async () => {
    const { code, j } = await audit(BUILD_UP);
    assert.equal(code, 1);
    assert.deepEqual(j.findings.filter((f) => f.severity !== 'note').map((f) => [f.severity, f.row, f.printed, f.expected]), [['warning', 19, '-49.9', '-49.8']]);
  });

  it('the closing balance wrong (654.1 printed 645.1): found at that row, the previous balance plus the changes, difference −9', async () => {
    const { j } = await audit(BUILD_UP.replace('2024/25,,654.1', '2024/25,,645.1'));
    const errors = j.findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => [f.row, f.printed, f.expected, f.difference]), [[15, '645.1', '654.1', '-9']]);
  });

  it('one change wrong (Transport 3.2 printed 3.7): the sub-total of the changes is 0.5 out — never the opening balance added in', async () => {
    const { j } = await audit(BUILD_UP.replace('Transport pressures,3.2', 'Transport pressures,3.7'));
    const at13 = j.findings.filter((f) => f.row === 13 && f.severity !== 'note');
    assert.deepEqual(at13.map((f) => [f.printed, f.expected, f.difference]), [['41.5', '42', '-0.5']]);
    assert.ok(j.findings.every((f) => f.difference === undefined || new Dec(f.difference).abs().lt(1)), JSON.stringify(j.findings.map((f) => f.difference)));
  });

  it('a total short by exactly one line’s figure names that line as left out, and blames no other line’s sign', async () => {
    // Devon & Somerset Fire and Rescue Authority, reserves strategy, "Reserve forecast" (£'000),
    // https://dsfire.gov.uk/node/22141/printable/print — as published, the total of earmarked
    // reserves at 31 March 2025 and 2026 leaves out Control futures project: (11,010) is printed
    // (9,810) and (4,478) is printed (3,978); 2024 casts (18,789). (600) × 2 = 1,200 too, so a
    // "wrong sign" reading of Pension liability reserve fits the first column as well: not said.
    const csv = [
      'Reference,Earmarked reserves,Forecasted balance as at 31 March 2024,Forecasted balance as at 31 March 2025,Forecasted balance as at 31 March 2026',
      '1,Grants unapplied from previous years,(772),(265),0',
      '2,Invest to improve,"(1,789)",(800),(300)',
      '3,Budget smoothing reserve,(666),0,0',
      '4,Direct funding to capital,"(12,038)","(7,322)","(2,842)"',
      '5,PFI equalisation,(50),(35),(20)',
      '6,Emergency Services Mobile Communications Programme,(576),(576),(576)',
      '7,Mobile data terminals replacement,(144),(72),0',
      '8,Pension liability reserve,"(1,218)",(600),(200)',
      '9,Budget carry forwards,(130),(60),(10)',
      '10,Environmental strategy,(130),(80),(30)',
      '11,MTA action plan,(76),0,0',
      '12,Control futures project,"(1,200)","(1,200)",(500)',
      ',Total earmarked reserves,"(18,789)","(9,810)","(3,978)"',
      '13,General Fund (non-earmarked) balance c5% of net-revenue,"(4,631)","(4,922)","(5,150)"',
    ].join('\n');
    const { code, j } = await audit(csv);
    assert.equal(code, 1);
    const errors = j.findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => [f.row, f.column, f.printed, f.expected]), [[14, 4, '-9810', '-11010'], [14, 5, '-3978', '-4478']]);
    for (const e of errors) assert.match(e.message, /the difference is the figure of Control futures project \(−[0-9,]+\): is it left out of the total\?/);
    assert.ok(!j.findings.some((f) => f.rule.endsWith('.sign')));
  });
});
