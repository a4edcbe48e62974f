// The three published Derbyshire tables, audited as published: Tables 1 and 2 cast (one note: a
// reprofile larger than the remaining budget), Table 3 does not everywhere — every difference is
// found with its place and amount, from the TSVs and from a workbook holding the same figures.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type AuditFinding, auditGrids, exitCodeOf } from '../../src/audit/audit';
import { readDelimited } from '../../src/audit/delimited';
import { parsePrinted } from '../../src/base/printed';
import { readPrintedWorkbook } from '../../src/xlsx/read-printed';

/** A table's identity in a report (the counts and the totals read are tested on their own). */
const ident = ({ sheet, layout, range, units }: { sheet: string; layout: string; range: string; units?: string }) => ({ sheet, layout, range, units });

const DIR = join(__dirname, '..', 'fixtures', 'derbyshire-2020-21');
const FILES = { revenue: 'table1-revenue-outturn.tsv', capital: 'table2-capital-outturn.tsv', reserves: 'table3-reserves.tsv' } as const;

function auditTsv(file: string) {
  return auditGrids([readDelimited(readFileSync(join(DIR, file), 'utf8'), file)]);
}

const brief = (f: AuditFinding) => ({ severity: f.severity, cell: f.cell, rule: f.rule, printed: f.printed, expected: f.expected, difference: f.difference });

// Worked out by hand from the printed figures:
//  Total Useable:- (the seven useable reserves): 172,542 − 137,620 + 210,032 + 757,053 + 497,000 = 1,499,007,
//  printed 1,499,006; its balances are each 1 short of the sum of the lines in every year
//  (6,143,245; 6,764,646; 5,241,445; 5,241,445). Its forecast movements (621,401; (1,523,201); 0) cast.
//  TOTAL EARMARKED RESERVES = Total Useable + Total Non-useable as printed: 1,499,006 − 872,922 = 626,084,
//  printed 626,085 (the sum of the lines, past the sub-total), and so 1 over in every balance.
//  TOTAL RESERVES = GENERAL RESERVES + TOTAL EARMARKED RESERVES as printed: casts in every column.
//  Every row cross-casts (opening + movements + transfers + contributions = closing, each year opening
//  at the last close); transfers (217,100 and (217,100)) net to nil.
const TABLE3_COLUMNS = [
  ['movement_to_from_revenue_2020_21', 'C'],
  ['balance_2021_03_31', 'F'],
  ['estimated_balance_2022_03_31', 'I'],
  ['estimated_balance_2023_03_31', 'L'],
  ['estimated_balance_2024_03_31', 'O'],
] as const;
const USEABLE = [['1499006', '1499007'], ['6143244', '6143245'], ['6764645', '6764646'], ['5241444', '5241445'], ['5241444', '5241445']];
const EARMARKED = [['626085', '626084'], ['8967834', '8967833'], ['9154757', '9154756'], ['7151663', '7151662'], ['6626913', '6626912']];

function table3Expected(cell: (row: 'useable' | 'earmarked', k: number) => string) {
  return [
    ...USEABLE.map(([printed, expected], k) => ({ severity: 'warning', cell: cell('useable', k), rule: 'reserves.cast', printed, expected, difference: '-1' })),
    ...EARMARKED.map(([printed, expected], k) => ({ severity: 'warning', cell: cell('earmarked', k), rule: 'reserves.cast', printed, expected, difference: '1' })),
  ];
}

describe('audit: the published Derbyshire tables, from their TSVs', () => {
  it('Table 1 (revenue) casts: no finding, exit 0', () => {
    const r = auditTsv(FILES.revenue);
    assert.deepEqual(r.tables.map((t) => t.layout), ['revenue']);
    assert.deepEqual(r.findings, []);
    assert.equal(exitCodeOf(r), 0);
  });

  it('Table 2 (capital) casts: only the note on IS Replacement Projects (reprofile 499 > remaining 465), exit 0', () => {
    const r = auditTsv(FILES.capital);
    assert.deepEqual(r.tables.map((t) => [t.layout, t.units]), [['capital', "£'000"]]);
    assert.deepEqual(r.findings.map(brief), [
      { severity: 'note', cell: 'row 18, column reprofile_to_2021_22', rule: 'capital.reprofile-exceeds-remaining', printed: '499', expected: '465', difference: '34' },
    ]);
    assert.equal(exitCodeOf(r), 0);
  });

  it('Table 3 (reserves): Total Useable and TOTAL EARMARKED RESERVES, 1 out in the 2020/21 movement and every balance; nothing else', () => {
    const r = auditTsv(FILES.reserves);
    assert.deepEqual(r.tables.map((t) => [t.layout, t.units]), [['reserves', '£']]);
    // Total Useable is line 13 of the file, TOTAL EARMARKED RESERVES line 19.
    const expected = table3Expected((row, k) => `row ${row === 'useable' ? 13 : 19}, column ${TABLE3_COLUMNS[k][0]}`);
    assert.deepEqual(r.findings.map(brief), expected);
    assert.equal(exitCodeOf(r), 1);
    // The total earmarked agrees with the lines beneath its sub-totals: the message says so.
    assert.match(r.findings[5].message, /agrees with the lines beneath \(626,085\)/);
  });

  it('the audit sees a difference it was not told about: one more figure changed in Table 1 is found at its cell', () => {
    const text = readFileSync(join(DIR, FILES.revenue), 'utf8').replace('\t647,570\n', '\t647,750\n');
    const r = auditGrids([readDelimited(text, FILES.revenue)]);
    assert.deepEqual(r.findings.map(brief), [
      { severity: 'error', cell: 'row 7, column over_under_spend', rule: 'revenue.variance', printed: '647750', expected: '647570', difference: '180' },
      // The total misses its lines by as much, and row 7's over/(under) spend is the one figure the two
      // failing checks share: the error is there, the total's difference its consequence (a note).
      { severity: 'note', cell: 'row 19, column over_under_spend', rule: 'revenue.cast.explained', printed: '-2008937', expected: '-2008757', difference: '-180' },
    ]);
    assert.match(r.findings[1].message, /explained by .*\(row 7, column over_under_spend\), printed 180 too high/);
  });
});

/** The published tables in a workbook, as someone would type them: numbers, bold totals, no row_type. */
async function publishedWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheets: { name: string; file: string; title: string; captions: string[]; units: string; skip: number }[] = [
    { name: 'Table 1', file: FILES.revenue, title: 'Revenue outturn 2020/21', captions: ['Original Budget', 'Revised Budget', 'Outturn', 'Over/(Under) spend'], units: '£', skip: 2 },
    { name: 'Table 2', file: FILES.capital, title: 'Capital outturn 2020/21', captions: ['Ref', '2020/21 Revised Budget', '2020/21 Outturn', 'Budget Remaining', 'Reprofile to 2021/22'], units: "£'000", skip: 2 },
    {
      name: 'Table 3', file: FILES.reserves, title: 'Statement of reserves', units: '£', skip: 2,
      captions: ['Balances b/fwd at 1/04/20', 'Movements (to) / from Revenue', 'Transfers Between Reserves', 'Contributions to Capital', 'Balances at 31/03/21',
        'Projected Movements (to) / from Revenue', 'Projected Contributions to Capital', 'Estimated Balances at 31/03/22',
        'Projected Movements (to) / from Revenue', 'Projected Contributions to Capital', 'Estimated Balances at 31/03/23',
        'Projected Movements (to) / from Revenue', 'Projected Contributions to Capital', 'Estimated Balances at 31/03/24'],
    },
  ];
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.getCell('A1').value = s.title;
    ws.getCell('A1').font = { bold: true };
    // Header over two lines: caption, then units (the ref column has none).
    s.captions.forEach((c, i) => {
      ws.getCell(3, i + 2).value = c;
      if (c !== 'Ref') ws.getCell(4, i + 2).value = s.units;
    });
    const lines = readFileSync(join(DIR, s.file), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).slice(1);
    lines.forEach((line, k) => {
      const [rowType, label, ...figures] = line.split('\t');
      const r = 5 + k;
      ws.getCell(r, 1).value = label;
      const bold = /total|heading|standalone|general|externally/.test(rowType);
      figures.forEach((f, i) => {
        const cell = ws.getCell(r, i + 2);
        if (s.captions[i] === 'Ref') {
          if (f) cell.value = f;
          return;
        }
        const p = parsePrinted(f);
        if (p.kind === 'number') cell.value = Number(p.value.toFixed());
        cell.numFmt = '#,##0_);(#,##0);"-"_)';
        if (bold) cell.font = { bold: true };
      });
      if (bold) ws.getCell(r, 1).font = { bold: true };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('audit: the published tables in a workbook (typed numbers, bold totals, no row_type)', () => {
  let grids: Awaited<ReturnType<typeof readPrintedWorkbook>>;
  before(async () => {
    grids = await readPrintedWorkbook(await publishedWorkbook(), 'published.xlsx');
  });

  it('recognises the three layouts by their headers, with their units', () => {
    const r = auditGrids(grids);
    assert.deepEqual(r.tables.map(ident), [
      { sheet: 'Table 1', layout: 'revenue', range: 'A3:E34', units: '£' },
      { sheet: 'Table 2', layout: 'capital', range: 'A3:F31', units: "£'000" },
      { sheet: 'Table 3', layout: 'reserves', range: 'A3:O22', units: '£' },
    ]);
  });

  it('finds the same differences as from the TSVs, at A1 cells, and nothing in Tables 1 and 2 but the note', () => {
    const r = auditGrids(grids);
    // Title in row 1, headers in rows 3-4, the table from row 5: Total Useable is row 15, TOTAL EARMARKED RESERVES row 21.
    const expected = [
      ...table3Expected((row, k) => `'Table 3'!${TABLE3_COLUMNS[k][1]}${row === 'useable' ? 15 : 21}`),
      { severity: 'note', cell: "'Table 2'!F20", rule: 'capital.reprofile-exceeds-remaining', printed: '499', expected: '465', difference: '34' },
    ];
    assert.deepEqual(r.findings.map(brief), expected);
    assert.equal(exitCodeOf(r), 1);
  });

  it('one sheet at a time: Tables 1 and 2 exit 0, Table 3 exits 1', async () => {
    const data = await publishedWorkbook();
    for (const [sheet, code] of [['Table 1', 0], ['Table 2', 0], ['Table 3', 1]] as const) {
      assert.equal(exitCodeOf(auditGrids(await readPrintedWorkbook(data, 'published.xlsx', sheet))), code, sheet);
    }
  });
});
