// Real published tables in workbooks as scripts and spreadsheets save them (the new user's files of
// session 6, U6-NN in its trial-findings note): each workbook is made here the way the other program
// makes it (openpyxl, as python scripts write workbooks), from the table transcribed exactly as printed
// in test/fixtures/published/audit, and audited as a person would audit the file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../support/cli';
import { PYTHON, requireOpenpyxl } from '../support/openpyxl';

const PUBLISHED = resolve(__dirname, '..', 'fixtures', 'published', 'audit');

/**
 * Published tables as openpyxl writes them on one sheet `sheet`, each `name` at its (row, column)
 * offset: each figure a number with a money format ("£3,760,600" → 3760600, "(£47,160)" → -47160,
 * "(292.8)" → -292.8), text as text; then `after` (python, `ws` the sheet) sets formulas — which
 * openpyxl saves with no calculated value.
 */
function openpyxlTables(dir: string, file: string, sheet: string, tables: [string, number, number][], after = ''): string {
  const out = join(dir, `${file}.xlsx`);
  const script = String.raw`
import openpyxl, re, sys, json
from decimal import Decimal
wb = openpyxl.Workbook(); ws = wb.active; ws.title = sys.argv[2]
for name, r0, c0 in json.loads(sys.argv[3]):
    for i, line in enumerate(open(sys.argv[4] + '/' + name + '.tsv', encoding='utf-8'), 1):
        for j, s in enumerate(line.rstrip('\n').split('\t'), 1):
            if not s: continue
            m = re.fullmatch(r'(\()?(-)?£?([0-9]{1,3}(?:,[0-9]{3})*|[0-9]+)(\.[0-9]+)?(%)?(\))?', s)
            c = ws.cell(r0 + i, c0 + j)
            if m:
                v = Decimal(m.group(3).replace(',', '') + (m.group(4) or '')) * (-1 if m.group(1) or m.group(2) else 1)
                places = '.' + '0' * (len(m.group(4)) - 1) if m.group(4) else ''
                if m.group(5):
                    # a percentage as a spreadsheet holds it: the fraction, under a per cent format
                    c.value = float(v / 100)
                    c.number_format = '0' + places + '%'
                else:
                    # a figure as a spreadsheet holds it: 2.250 is the number 2.25, (5.0) is -5
                    c.value = float(v) if m.group(4) else int(v)
                    c.number_format = '#,##0' + places + ';(#,##0' + places + ')'
            else:
                c.value = s
${after}
wb.save(sys.argv[1])
`;
  execFileSync(PYTHON, ['-c', script, out, sheet, JSON.stringify(tables), PUBLISHED], { stdio: 'pipe' });
  return out;
}
const openpyxlTable = (dir: string, name: string, sheet: string, after: string) => openpyxlTables(dir, name, sheet, [[name, 0, 0]], after);

interface Finding { severity: string; cell: string; rule: string; message: string; printed?: string }
interface Report { findings: Finding[]; tables: { range: string; layout: string; checked: Record<string, number> }[] }
async function audit(file: string): Promise<{ code: number; report: Report }> {
  const r = await runCli('audit', file, '--json');
  return { code: r.code, report: JSON.parse(r.out) as Report };
}

describe('audit: workbooks as scripts and spreadsheets save them', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    requireOpenpyxl(this);
    dir = mkdtempSync(join(tmpdir(), 'outturn-workbooks-'));
  });

  describe('formulas saved with no calculated value (U6-01)', () => {
    it("North Wales Fire's revenue table with its variance column as openpyxl's formulas (=C2-B2 …): each cell unreadable at its cell, exit 2 — never the column left out and 'the tables cast'", async () => {
      const file = openpyxlTable(dir, 'nwfire-revenue-2019-20-dec', 'Revenue', "for r in range(2, 10): ws[f'D{r}'] = f'=C{r}-B{r}'");
      const { code, report } = await audit(file);
      assert.equal(code, 2);
      const unreadable = report.findings.filter((f) => f.rule === 'printed.unreadable');
      assert.deepEqual(unreadable.map((f) => f.cell), ['D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9'].map((c) => `Revenue!${c}`));
      assert.equal(unreadable[0].printed, '=C2-B2');
      assert.match(unreadable[0].message, /^Employee Costs — 2019\/20 Variance £: =C2-B2 is a formula with no calculated value in the file \(open and save the workbook/);
      // the typed figures are still checked: the budget requirement casts in both columns it prints
      assert.equal(report.tables[0].range, 'A1:D9');
      assert.equal(report.tables[0].checked.totals, 2);
      assert.deepEqual(report.findings.filter((f) => f.severity !== 'note' && f.rule !== 'printed.unreadable'), []);
    });

    it('the same with the totals as =SUM too: every formula cell named, none summed as nil', async () => {
      const file = openpyxlTable(dir, 'nwfire-revenue-2019-20-dec', 'Revenue', "for r in range(2, 10): ws[f'D{r}'] = f'=C{r}-B{r}'\nws['B9'] = '=SUM(B2:B8)'; ws['C9'] = '=SUM(C2:C8)'");
      const { code, report } = await audit(file);
      assert.equal(code, 2);
      assert.deepEqual(report.findings.filter((f) => f.rule === 'printed.unreadable').map((f) => f.cell).sort(),
        ['B9', 'C9', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9'].map((c) => `Revenue!${c}`).sort());
      assert.deepEqual(report.findings.filter((f) => f.severity !== 'note' && f.rule !== 'printed.unreadable'), []);
    });

    it("West Norfolk's budget with its estimate column's lines as formulas (=B3+C3 …): the total still reads its 8 rows and its two genuine errors are found at B25 and C25 (−100,000 each), no false error beside the unreadable cells", async () => {
      // D16 and D17 typed as printed (D16 is the figure printed 100,000 out); the other lines of D formulas
      const file = openpyxlTable(dir, 'westnorfolk-budget-requirement-2024-25', 'Table', "for r in range(3, 25):\n    if r not in (16, 17): ws[f'D{r}'] = f'=B{r}+C{r}'");
      const { code, report } = await audit(file);
      assert.equal(code, 1, 'an error found besides the unreadable cells: exit 1');
      const unreadable = report.findings.filter((f) => f.rule === 'printed.unreadable').map((f) => f.cell);
      assert.equal(unreadable.length, 20);
      assert.ok(!unreadable.includes('Table!D16') && !unreadable.includes('Table!D17'));
      const found = report.findings.filter((f) => f.severity !== 'note' && f.rule !== 'printed.unreadable');
      assert.deepEqual(found.map((f) => f.cell), ['Table!B25', 'Table!C25']);
      assert.match(found[0].message, /printed 102,993,375, but the 8 rows it totals \(Borough Budget Requirement … Government Grants\) add up to 103,093,375; difference −100,000/);
      assert.match(found[1].message, /printed −90,756,890, but the 8 rows it totals \(Borough Budget Requirement … Government Grants\) add up to −90,856,890; difference 100,000/);
    });
  });

  describe('tables printed side by side (U6-04)', () => {
    it("Cumbria PCC's council tax analysis at A1:C21 and Surrey PCC's month-9 summary at F1:I4, two empty columns between: two tables, each finding at its cell under its own label, no header read as figures", async () => {
      const file = openpyxlTables(dir, 'two-side-by-side', 'Tables', [['cumbria-pcc-ctr-2018-20', 0, 0], ['surrey-pcc-monitoring-2023-24-m9', 0, 5]]);
      const { code, report } = await audit(file);
      assert.equal(code, 1);
      assert.deepEqual(report.tables.map((t) => t.range), ['A1:C21', 'F1:I4']);
      // as each table's own TSV audits: Cumbria's (5.748) printed positive (C16) and its requirement (C17);
      // Surrey's Grand Total variance (1.0) printed where 0.0 − (1.0) = 1.0 and Funding + budget = 0.0 − … (I4)
      const found = report.findings.filter((f) => f.severity !== 'note');
      assert.deepEqual(found.map((f) => `${f.cell} ${f.rule}`).sort(), ['Tables!C16 auto.cast.sign', 'Tables!C17 auto.cast', 'Tables!I4 revenue.cast', 'Tables!I4 revenue.variance']);
      assert.ok(found.filter((f) => f.cell === 'Tables!I4').every((f) => f.message.startsWith('Grand Total — Variance £m')));
    });

    it('a column group after a spacer column (no label column of its own) stays one table with the group to its left', async () => {
      // West Norfolk's budget with an empty column between its labels and expenditure and its income and estimate
      const file = openpyxlTables(dir, 'spacer-column', 'Table', [['westnorfolk-budget-requirement-2024-25', 0, 0]], "ws.insert_cols(3)");
      const { report } = await audit(file);
      assert.equal(report.tables.length, 1);
      assert.equal(report.tables[0].range, 'A2:E25');
    });
  });

  describe("a figure as its number format prints it (U6-25, U6-27)", () => {
    it("SPA's financial outturn 2023/24 with (5.0) stored as −5 under '#,##0.0': a £1.0m error stays an error at B15 — the places printed are the format's, not the stored digits'", async () => {
      const file = openpyxlTable(dir, 'spa-financial-outturn-2023-24', 'Table', '');
      const { code, report } = await audit(file);
      assert.equal(code, 1);
      const found = report.findings.filter((f) => f.severity !== 'note');
      assert.deepEqual(found.map((f) => `${f.severity} ${f.cell} ${f.rule}`), ['error Table!B15 auto.cast']);
    });

    it("South Lakeland's page of the Cumbria PCC analysis 2019-21 with 2.250 stored as 2.25 under '0.000': Gross expenditure 150.729 against lines adding to 150.720 is an error at C14, as printed", async () => {
      const file = openpyxlTable(dir, 'southlakeland-cumbria-pcc-ctr-2019-21', 'Table', '');
      const { report } = await audit(file);
      const c14 = report.findings.find((f) => f.cell === 'Table!C14');
      assert.equal(c14?.severity, 'error');
      assert.equal(c14?.rule, 'auto.cast');
    });

    it("Brighton & Hove's Families, Children & Learning summary, month 2 2022/23, its % column as fractions under '0.0%' (caption 'Forecast Variance Month 2 %'): 7 percentages checked, clean; 33.0% typed for 3.3% found at F8 in per cent", async () => {
      const clean = await audit(openpyxlTable(dir, 'brighton-fcl-revenue-2022-23-m2', 'Table', ''));
      assert.equal(clean.code, 0);
      assert.equal(clean.report.tables[0].checked.percentages, 7);
      const wrong = await audit(openpyxlTable(dir, 'brighton-fcl-revenue-2022-23-m2', 'Table', "ws['F8'] = 0.33"));
      const found = wrong.report.findings.filter((f) => f.severity !== 'note') as (Finding & { expected?: string })[];
      assert.deepEqual(found.map((f) => `${f.severity} ${f.cell} ${f.rule} ${f.printed} ${f.expected}`), ['error Table!F8 revenue.variance-percent 33 3.3']);
      assert.match(found[0].message, /printed 33\.0%/);
    });
  });
});
