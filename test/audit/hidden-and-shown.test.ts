// What a workbook hides and how its cells are shown (the session-6 new user's U6-09, U6-10, U6-26,
// U6-30, U6-31): real tables of our published corpus written as spreadsheets hold them — by openpyxl,
// as the new user's scripts did, or as Excel's "Save as Web Page" writes a sheet — and audited as a
// finance officer would audit the file. Expected figures are the printed ones, recomputed by hand.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../support/cli';
import { PYTHON, requireOpenpyxl } from '../support/openpyxl';
import { published } from '../support/audit-helpers';

const PUBLISHED = resolve(__dirname, '..', 'fixtures', 'published', 'audit');

/** Runs a python script (openpyxl) with the published folder as argv[1], the output file as argv[2] and `args` after. */
function python(script: string, out: string, ...args: string[]): string {
  execFileSync(PYTHON, ['-c', script, PUBLISHED, out, ...args], { stdio: 'pipe' });
  return out;
}

interface Finding { severity: string; cell: string; rule: string; message: string; printed?: string; expected?: string; difference?: string; sheet?: string }
interface Report { findings: Finding[]; tables: { sheet: string; range: string; units?: string; hiddenSheet?: string; totals: { row: number; why: string }[] }[] }
async function audit(file: string): Promise<{ code: number; report: Report }> {
  const r = await runCli('audit', file, '--json');
  return { code: r.code, report: JSON.parse(r.out) as Report };
}
/** errors and warnings as "severity cell rule printed expected" */
const flagged = (r: Report) => r.findings.filter((f) => f.severity !== 'note').map((f) => `${f.severity} ${f.cell} ${f.rule} ${f.printed} ${f.expected}`).sort();

// North Wales Fire's revenue table 2019/20 (nwfire-revenue-2019-20-dec.tsv, real, clean): figures as numbers,
// a line "Recharges" inserted at row 6 (FIG | FIG | 0) and the row hidden, as officers hide working lines;
// the Budget requirement is the workbook's sum, the line included (35,237 + FIG).
const HIDDEN_LINE = String.raw`
import openpyxl, sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1] + '/nwfire-revenue-2019-20-dec.tsv', encoding='utf-8')]
fig = int(sys.argv[3])
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Revenue'
out = rows[:5] + [['Recharges', str(fig), str(fig), '0']] + rows[5:]
for i, r in enumerate(out, 1):
    for j, s in enumerate(r, 1):
        if not s: continue
        try:
            v = int(s.replace(',', ''))
            if i == len(out) and j in (2, 3): v += fig
            ws.cell(i, j, v).number_format = '#,##0;-#,##0'
        except ValueError:
            ws.cell(i, j, s)
ws.row_dimensions[6].hidden = True
wb.save(sys.argv[2])
`;

describe('audit: what a workbook hides, and figures as their format shows them', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    requireOpenpyxl(this);
    dir = mkdtempSync(join(tmpdir(), 'outturn-hidden-'));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  describe('a hidden row (U6-10)', () => {
    it('a hidden line the total adds: the workbook casts, but the printed table does not — an error at each total figure naming the row, and a note', async () => {
      const file = join(dir, 'nwfire-hidden-line.xlsx');
      python(HIDDEN_LINE, file, '1000');
      const { code, report } = await audit(file);
      assert.equal(code, 1);
      // the rows shown add to the published 35,237 (27,176 + 2,243 + 1,019 + 4,179 + 417 − 2,852 + 3,055), the total prints 36,237
      assert.deepEqual(flagged(report), [
        'error Revenue!B10 auto.cast.hidden-rows 36237 35237',
        'error Revenue!C10 auto.cast.hidden-rows 36237 35237',
      ]);
      const b10 = report.findings.find((f) => f.cell === 'Revenue!B10')!;
      assert.equal(b10.difference, '1000');
      assert.match(b10.message, /adds row 6 \(Recharges, 1,000\), hidden in the workbook: the workbook casts, but the table as printed shows 7 rows above it adding up to 35,237/);
      const note = report.findings.find((f) => f.rule === 'printed.hidden-rows')!;
      assert.equal(note.cell, 'Revenue!A6');
      assert.match(note.message, /^row 6 \(Recharges\) is hidden in the workbook/);
      assert.match(report.tables[0].totals[0].why, /row 6 hidden in the workbook/);
    });

    it('a hidden line of nils changes nothing a reader sees: clean, with the note', async () => {
      const file = join(dir, 'nwfire-hidden-nil.xlsx');
      python(HIDDEN_LINE, file, '0');
      const { code, report } = await audit(file);
      assert.equal(code, 0);
      assert.deepEqual(flagged(report), []);
      assert.deepEqual(report.findings.map((f) => f.rule), ['printed.hidden-rows']);
    });
  });

  describe('a hidden sheet (U6-31)', () => {
    it("the published table on a shown sheet and a draft of West Norfolk's on a hidden one: each finding there says the sheet is hidden, and a note says how to show it", async () => {
      const file = python(String.raw`
import openpyxl, sys
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Revenue'
def put(ws, name):
    for i, l in enumerate(open(sys.argv[1] + '/' + name + '.tsv', encoding='utf-8'), 1):
        for j, s in enumerate(l.rstrip('\n').split('\t'), 1):
            if not s: continue
            t = s.replace(',', '').replace('£', '')
            neg = t.startswith('(') and t.endswith(')')
            t = t.strip('()')
            try:
                v = int(t) * (-1 if neg else 1)
                ws.cell(i, j, v).number_format = '#,##0;(#,##0)'
            except ValueError:
                ws.cell(i, j, s)
put(ws, 'nwfire-revenue-2019-20-dec')
wk = wb.create_sheet('Workings')
put(wk, 'westnorfolk-budget-requirement-2024-25')
wk.sheet_state = 'hidden'
wb.save(sys.argv[2])
`, join(dir, 'hidden-sheet.xlsx'));
      const { code, report } = await audit(file);
      assert.equal(code, 1);
      assert.deepEqual(report.tables.map((t) => `${t.sheet} ${t.hiddenSheet ?? 'shown'}`), ['Revenue shown', 'Workings hidden']);
      // West Norfolk's three genuine errors, at their cells, each saying where it is (D17, out by D16's 100,000, a note naming D16)
      const errors = report.findings.filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map((f) => f.cell).sort(), ['Workings!B25', 'Workings!C25', 'Workings!D16']);
      for (const f of errors) assert.match(f.message, /^\(on the hidden sheet Workings\) /);
      const note = report.findings.find((f) => f.rule === 'printed.hidden-sheet')!;
      assert.equal(note.sheet, 'Workings');
      assert.match(note.message, /the sheet Workings is hidden in the workbook: right-click a sheet tab ▸ Unhide…/);
      // the shown sheet is audited as before: nothing on it
      assert.ok(!report.findings.some((f) => f.sheet === 'Revenue'));
    });
  });

  describe('figures held in pounds, shown in £\'000 by the number format (U6-09)', () => {
    // B&NES capital monitor 2006/07 (banes-capital-monitor-2006-07.tsv, £'000, real; its audit: rounding
    // warnings at B12 and D12) as an officer's workbook holds it: every figure in pounds, shown in £'000
    // by "#,##0,;(#,##0,)", each shown figure the printed one. The actuals carry £100 each (583,100 shows
    // 583), so the true TOTAL in pounds shows the printed 4,444 over lines that show 4,443.
    const RAW = String.raw`
import openpyxl, sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1] + '/banes-capital-monitor-2006-07.tsv', encoding='utf-8')]
def val(s):
    t = s.strip()
    if not t: return None
    return (-1 if t.startswith('(') else 1) * int(t.strip('()').replace(',', ''))
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Capital'
FMT = '#,##0,;(#,##0,)'
lines = range(3, 11)
raw = {}
for i, r in enumerate(rows):
    for j, s in enumerate(r):
        if i >= 3 and 1 <= j <= 6:
            v = val(s)
            if v is not None and i in lines: raw[(i, j)] = v * 1000 + (100 if j == 1 else 0)
        elif s:
            ws.cell(i + 1, j + 1, s)
for i in lines: raw[(i, 3)] = raw.get((i, 1), 0) - raw.get((i, 2), 0)
for j in range(1, 7): raw[(11, j)] = sum(raw.get((i, j), 0) for i in lines)
if sys.argv[3] == 'error': raw[(11, 4)] -= 100000
for (i, j), v in raw.items(): ws.cell(i + 1, j + 1, v).number_format = FMT
ws.cell(12, 8, 'Rephased')
wb.save(sys.argv[2])
`;
    it('read as shown: the printed table\'s two rounding warnings, in £\'000, and one note saying how the figures are held', async () => {
      const file = join(dir, 'banes-raw-pounds.xlsx');
      python(RAW, file, 'clean');
      const { code, report } = await audit(file);
      assert.equal(code, 1);
      assert.equal(report.tables[0].units, "£'000");
      assert.deepEqual(flagged(report), ['warning Capital!B12 capital.cast 4444 4443', 'warning Capital!D12 capital.cast -178 -179']);
      const note = report.findings.find((f) => f.rule === 'printed.format-scaled')!;
      assert.match(note.message, /held in the workbook as pounds and shown in thousands by their number format \(#,##0,;\(#,##0,\)\): read as shown.*Capital!B4 holds 583,100, shown 583/);
    });

    it('a TOTAL typed £100,000 short shows 43,581 for 43,681: the error in the thousands the reader sees, never "printed 43,581,000 (£\'000)"', async () => {
      const file = join(dir, 'banes-raw-pounds-error.xlsx');
      python(RAW, file, 'error');
      const { report } = await audit(file);
      const e12 = report.findings.find((f) => f.cell === 'Capital!E12')!;
      assert.equal(e12.severity, 'error');
      assert.deepEqual([e12.printed, e12.expected, e12.difference], ['43581', '43681', '-100']);
      assert.match(e12.message, /printed 43,581, but .* add up to 43,681 \(£'000\)/);
    });
  });

  describe('a unit the number format prints (U6-26, and the £m format of U6-09)', () => {
    it('Cleveland PCC\'s "£664,000" among "£91.6m" cells, typed as Excel stores it (664000 under "£"#,##0): in pounds, scaled to £m — the printed table\'s findings', async () => {
      const file = python(String.raw`
import openpyxl, re, sys
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Table'
for i, l in enumerate(open(sys.argv[1] + '/cleveland-pcc-police-budget-2020-21.tsv', encoding='utf-8'), 1):
    for j, s in enumerate(l.rstrip('\n').split('\t'), 1):
        if not s: continue
        m = re.fullmatch(r'£([0-9]{1,3}(?:,[0-9]{3})+)', s)
        if m:
            # what Excel makes of a typed "£664,000": the number, under a £ format
            ws.cell(i, j, int(m.group(1).replace(',', ''))).number_format = '"£"#,##0'
        else:
            ws.cell(i, j, s)  # "£85.2m" stays text: Excel cannot read it as a number
wb.save(sys.argv[2])
`, join(dir, 'cleveland.xlsx'));
      const tsv = await runCli('audit', join(PUBLISHED, 'cleveland-pcc-police-budget-2020-21.tsv'), '--json');
      const asPrinted = (JSON.parse(tsv.out) as Report).findings.filter((f) => f.severity !== 'note').map((f) => `${f.severity} ${f.printed} ${f.expected}`).sort();
      const { report } = await audit(file);
      // B9 145.3 against 144.9 (85.2 + 38.7 + 7.6 + 5.8 + 1.4 + 2.8 + 3.4); C9 155.4 against 155.264 (… + 0.664 + …): a rounding warning
      assert.deepEqual(report.findings.filter((f) => f.severity !== 'note').map((f) => `${f.severity} ${f.printed} ${f.expected}`).sort(), asPrinted);
      assert.ok(flagged(report).includes('warning Table!C9 auto.cast 155.4 155.264'));
      const c6 = report.findings.find((f) => f.cell === 'Table!C6' && f.rule === 'printed.unit-rescaled')!;
      assert.match(c6.message, /printed £664,000 .*read as 0\.664 \(£m\)/);
    });

    it('Surrey PCC month 9 under "£"0.0"m" (cells show £292.8m, the header no unit): read in £m, the printed error at D4', async () => {
      const file = python(String.raw`
import openpyxl, sys
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Table'
for i, l in enumerate(open(sys.argv[1] + '/surrey-pcc-monitoring-2023-24-m9.tsv', encoding='utf-8'), 1):
    for j, s in enumerate(l.rstrip('\n').split('\t'), 1):
        if not s: continue
        t = s.strip()
        try:
            neg = t.startswith('(') or t.startswith('-')
            v = float(t.strip('()-').replace(',', '')) * (-1 if neg else 1)
            ws.cell(i, j, v).number_format = '"£"0.0"m";("£"0.0"m")'
        except ValueError:
            ws.cell(i, j, s.replace(' £m', ''))
wb.save(sys.argv[2])
`, join(dir, 'surrey-pound-m.xlsx'));
      const { code, report } = await audit(file);
      assert.equal(code, 1);
      assert.equal(report.tables[0].units, '£m');
      assert.deepEqual(flagged(report), ['error Table!D4 revenue.cast -1 1', 'error Table!D4 revenue.variance -1 1']);
    });
  });
});

describe('audit of a web page: rows the page does not show (U6-30)', () => {
  it('North Wales Fire\'s table saved as Excel saves a sheet with a hidden working row (<tr style="display:none">): audited as a reader sees it — clean, a note naming the row', async () => {
    const rows = published('nwfire-revenue-2019-20-dec.tsv').replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    const tr = (r: string[], i: number, style = '') => `<tr${style}>${r.map((c, j) => (i && j ? `<td x:num>${c}</td>` : `<td>${c}</td>`)).join('')}</tr>`;
    const body = rows.flatMap((r, i) => (i === 4 ? [tr(r, i), tr(['Recharges', '1,000', '1,000', '0'], 1, " height=0 style='display:none'")] : [tr(r, i)]));
    const dir = mkdtempSync(join(tmpdir(), 'outturn-hidden-html-'));
    try {
      const file = join(dir, 'nwfire-hidden-row.htm');
      writeFileSync(file, `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body>\n<table border=0 cellpadding=0 cellspacing=0 style='border-collapse:collapse'>\n${body.join('\n')}\n</table></body></html>`);
      const r = await runCli('audit', file, '--json');
      assert.equal(r.code, 0);
      const report = JSON.parse(r.out) as { findings: Finding[]; tables: { rows: number }[] };
      assert.equal(report.tables[0].rows, 9);
      assert.deepEqual(report.findings.map((f) => f.rule), ['report.hidden-rows']);
      assert.match(report.findings[0].message, /“Recharges \| 1,000 \| 1,000 \| 0”/);
      // shown, the same line is one of the table's lines, and the total (35,237) leaves it out: found
      writeFileSync(file, `<html><body><table>\n${rows.flatMap((x, i) => (i === 4 ? [tr(x, i), tr(['Recharges', '1,000', '1,000', '0'], 1)] : [tr(x, i)])).join('\n')}\n</table></body></html>`);
      const shown = await runCli('audit', file, '--json');
      assert.equal(shown.code, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
