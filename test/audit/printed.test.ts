// Printed tables as people print them: every form of a printed number, headers over several lines,
// units in the headers and the tolerance they set, bold or plain totals, an unreadable cell.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type AuditFinding, type Grid, type GridCell, auditGrids, exitCodeOf } from '../../src/audit/audit';
import { readDelimited } from '../../src/audit/delimited';
import { unitsIn } from '../../src/audit/detect';
import { readCell } from '../../src/audit/grid';

/** A table's identity in a report (the counts and the totals read are tested on their own). */
const ident = ({ sheet, layout, range, units }: { sheet: string; layout: string; range: string; units?: string }) => ({ sheet, layout, range, units });

const brief = (f: AuditFinding) => ({ severity: f.severity, cell: f.cell, rule: f.rule, printed: f.printed, expected: f.expected, difference: f.difference });
const grid = (cells: GridCell[][], extra: Partial<Grid> = {}): Grid => ({ sheet: 'S', cells, ...extra });

describe('audit: reading printed figures', () => {
  // [printed, value, flags]
  const forms: [string, string, Partial<{ dash: boolean; percent: boolean; negativeZero: boolean; places: number }>][] = [
    ['(1,234)', '-1234', {}],
    ['( 1,234)', '-1234', {}],
    ['( 1,234 )', '-1234', {}],
    ['- 25', '-25', {}],
    ['-25', '-25', {}],
    ['−25', '-25', {}], // U+2212 minus sign
    ['–25', '-25', {}], // en dash used as a minus
    ['(0.0)', '0', { negativeZero: true, places: 1 }],
    ['-', '0', { dash: true }],
    ['–', '0', { dash: true }],
    ['—', '0', { dash: true }],
    ['−', '0', { dash: true }],
    // the dash typed twice, as the Official Report prints a nil (T12-54: Hansard's NI council grants 1994-95, "--")
    ['--', '0', { dash: true }],
    ['- -', '0', { dash: true }],
    ['——', '0', { dash: true }],
    ['£1,234.56', '1234.56', { places: 2 }],
    ['£(1,234)', '-1234', {}],
    ['(£1,234)', '-1234', {}],
    ['-£25', '-25', {}],
    ['12.5%', '12.5', { percent: true, places: 1 }],
    ['(2.9%)', '-2.9', { percent: true, places: 1 }],
    ['1,234,567', '1234567', {}],
    ['1 234 567', '1234567', {}], // space
    ['1\u00a0234\u00a0567', '1234567', {}], // no-break space
    ['1\u202f234', '1234', {}], // narrow no-break space
    ['  9,723  ', '9723', {}],
    // a change printed with its plus sign (T8-58: Ilam PC's "Variance (+/-)" column)
    ['+384', '384', {}],
    ['+ 1,234', '1234', {}],
    ['+£1.2', '1.2', { places: 1 }],
    ['+12.5%', '12.5', { percent: true, places: 1 }],
    // the places after the point dropped, or a sentence's full stop (T8-01: Crawley's "0.", Cambridgeshire fire's "54%.")
    ['0.', '0', {}],
    ['12.', '12', {}],
    ['1,234.', '1234', {}],
    ['(3.)', '-3', {}],
    ['54%.', '54', { percent: true }],
  ];
  for (const [printed, value, flags] of forms) {
    it(`${JSON.stringify(printed)} is ${value}`, () => {
      const x = readCell(printed);
      assert.equal(x.kind, 'number');
      if (x.kind !== 'number') return;
      assert.equal(x.value.toFixed(), value);
      assert.equal(x.dash, flags.dash ?? false);
      assert.equal(x.percent, flags.percent ?? false);
      assert.equal(x.negativeZero, flags.negativeZero ?? false);
      assert.equal(x.places, flags.places ?? 0);
    });
  }
  it('blanks are blank: null, empty, spaces, a no-break space', () => {
    for (const b of [null, '', '   ', '\u00a0']) assert.equal(readCell(b).kind, 'blank', JSON.stringify(b));
  });
  it('typed numbers are read as the decimal a spreadsheet shows (15 significant digits)', () => {
    const x = readCell(0.1 + 0.2);
    assert.ok(x.kind === 'number' && x.value.toFixed() === '0.3' && x.typed);
    const y = readCell(-6994481);
    assert.ok(y.kind === 'number' && y.value.toFixed() === '-6994481' && y.places === 0);
  });
  it('what is not a number as printed is text, with the reason, never a guess', () => {
    for (const s of ['12,34', '1,2345', 'n/a', '1.2.3', '((5))', '--5', '£', '5 %%', '1,234 567', '+-5', '++5', '+', '5..', '.']) {
      const x = readCell(s);
      assert.equal(x.kind, 'text', s);
    }
  });
  it('the fast read of plain figures (1234, -1,234.5, (1,234)) gives exactly what the general path gives, integers included', () => {
    // A leading space sends a cell down the general path (parsePrinted); it reads the same figure.
    // (A text reading keeps the cell's own text, space and all: only its kind is compared.)
    const same = (v: string) => {
      const [a, b] = [readCell(v), readCell(` ${v}`)];
      if (a.kind === 'number' || b.kind === 'number') assert.deepStrictEqual(a, b, JSON.stringify(v));
      else assert.equal(a.kind, b.kind, JSON.stringify(v));
    };
    for (const v of ['1', '-0', '(0)', '(000)', '000', '0123', '-0,123', '1,234', '12,345,678.90', '(1,234)', '-1234.5', '1.', '1,23', '1234,567', '(1,234', '-(1)', '(-1)', '9007199254740993', '123456789012345', '1234567890123456', '99,999,999.99', '12%', '(12.5)']) same(v);
    const grouped = fc.bigInt({ min: 0n, max: 10n ** 17n }).map((n) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    const plain = fc.tuple(fc.constantFrom('', '-', '('), fc.oneof(grouped, fc.bigInt({ min: 0n, max: 10n ** 17n }).map(String)), fc.constantFrom('', '.5', '.05', '.123', '.'), fc.boolean())
      .map(([sign, whole, frac, close]) => `${sign}${whole}${frac}${sign === '(' && close ? ')' : ''}`);
    fc.assert(fc.property(fc.oneof(plain, fc.stringMatching(/^[0-9,.()-]{1,12}$/)), same), { numRuns: 3000 });
  });
  it('units in headers: £, £\'000, £000s, £k, £m', () => {
    assert.equal(unitsIn('Outturn £'), '£');
    assert.equal(unitsIn("Outturn £'000"), "£'000");
    assert.equal(unitsIn('Outturn £’000'), "£'000");
    assert.equal(unitsIn('£000s'), "£'000");
    assert.equal(unitsIn('£000'), "£'000");
    assert.equal(unitsIn('Budget £k'), "£'000");
    assert.equal(unitsIn('£m'), '£m');
    assert.equal(unitsIn('Budget (£m)'), '£m');
    assert.equal(unitsIn('Budget'), undefined);
  });
});

describe('audit: printed forms inside a table', () => {
  it('every form of a figure, in a table that casts: no finding but the note on "(0.0)"', () => {
    const g = grid([
      ['Spending plan', null, null],
      [null, 'Budget', 'Actual'],
      [null, '£', '£'],
      ['Premises', '( 1,234)', '(1,234)'],
      ['Transport', '- 25', '−25'],
      ['Supplies', '£1 000', '1\u00a0000'],
      ['Agency', '–', '(0.0)'],
      ['Grants', '12,000', '£12,000'],
      ['Total', '11,741', '11,741'],
    ]);
    const r = auditGrids([g]);
    assert.deepEqual(r.tables.map(ident), [{ sheet: 'S', layout: 'auto', range: 'A2:C9', units: '£' }]);
    assert.deepEqual(r.findings.map(brief), [
      { severity: 'note', cell: 'S!C7', rule: 'printed.negative-zero', printed: '(0.0)', expected: undefined, difference: undefined },
    ]);
    assert.equal(exitCodeOf(r), 0);
  });

  it('headers over several lines, with units on the last; bold or plain totals give the same findings', () => {
    const cells: GridCell[][] = [
      ['Capital programme 2020/21', null, null],
      [null, '2020/21', '2020/21'],
      [null, 'Revised', null],
      [null, 'Budget', 'Outturn'],
      [null, '£000s', '£000s'],
      ['Vans', '100', '90'],
      ['Cars', '200', '160'],
      ['Total', '300', '250'],
      ['Tasers', '50', '40'],
      ['Radios', '60', '55'],
      ['Sub-total', '110', '96'],
      ['TOTAL', '410', '346'],
    ];
    const plain = auditGrids([grid(cells)]);
    const bold = auditGrids([grid(cells, { bold: cells.map((row) => row.map((_, c) => c >= 0 && /total/i.test(String(row[0])))) })]);
    assert.deepEqual(plain.tables.map(ident), [{ sheet: 'S', layout: 'auto', range: 'A2:C12', units: "£'000" }]);
    // 1 out in a total of two figures rounded to the £'000: within their rounding (2 × ½), a warning.
    assert.deepEqual(plain.findings.map(brief), [{ severity: 'warning', cell: 'S!C11', rule: 'auto.cast', printed: '96', expected: '95', difference: '1' }]);
    assert.deepEqual(bold.findings.map(brief), plain.findings.map(brief));
  });

  it('a row of figures without a label is read as a total where a total stands (bold, or closing its block); elsewhere it is a line', () => {
    const cells: GridCell[][] = [
      [null, 'Budget', 'Actual'],
      ['Fuel', '100', '90'],
      ['Hire', '50', '65'],
      [null, '150', '160'],
    ];
    const bold = cells.map((_, r) => [false, r === 3, r === 3]);
    const r = auditGrids([grid(cells, { bold })]);
    assert.deepEqual(r.findings.map(brief), [{ severity: 'error', cell: 'S!C4', rule: 'auto.cast', printed: '160', expected: '155', difference: '5' }]);
    // Not bold, but at the end of its block and casting in every column but one: a total with one wrong figure.
    assert.deepEqual(auditGrids([grid(cells)]).findings.map(brief), r.findings.map(brief));
    // In the middle of the rows, with nothing adding up to it, it is a line: nothing to check.
    assert.throws(() => auditGrids([grid([...cells.slice(0, 3), [null, '70', '80'], ['Rent', '5', '6']])]), /no table to audit/);
  });

  it('the printed unit sets the tolerance: in £m to one place, 0.1 out of three lines is rounding, 0.3 is an error', () => {
    const table = (total: string) => grid([
      [null, 'Budget £m'],
      ['A', '1.2'],
      ['B', '3.4'],
      ['C', '5.6'],
      ['Total', total],
    ]);
    const close = auditGrids([table('10.3')]);
    assert.deepEqual(close.tables[0].units, '£m');
    assert.deepEqual(close.findings.map(brief), [{ severity: 'warning', cell: 'S!B5', rule: 'auto.cast', printed: '10.3', expected: '10.2', difference: '0.1' }]);
    const far = auditGrids([table('10.5')]);
    assert.deepEqual(far.findings.map(brief), [{ severity: 'error', cell: 'S!B5', rule: 'auto.cast', printed: '10.5', expected: '10.2', difference: '0.3' }]);
    // In whole £'000, 1 out of three lines is rounding (3 × ½ = 1.5), 2 is an error.
    const k = (total: string) => grid([[null, "£'000"], ['A', '12'], ['B', '34'], ['C', '56'], ['Total', total]]);
    assert.equal(auditGrids([k('103')]).findings[0].severity, 'warning');
    assert.equal(auditGrids([k('104')]).findings[0].severity, 'error');
    // Pennies printed: a penny out of two lines is rounding; a pound is not.
    const p = (total: string) => grid([[null, '£'], ['A', '1,234.56'], ['B', '99.99'], ['Total', total]]);
    assert.deepEqual(auditGrids([p('1,334.56')]).findings.map((f) => f.severity), ['warning']);
    assert.deepEqual(auditGrids([p('1,335.55')]).findings.map((f) => f.severity), ['error']);
    assert.deepEqual(auditGrids([p('1,334.55')]).findings, []);
  });

  it('an unreadable cell is reported at its cell, and the total that depends on it is not guessed at; another error found: exit 1, never 2', () => {
    const r = auditGrids([grid([
      [null, 'Budget', 'Actual'],
      ['A', '1,000', '900'],
      ['B', '12,34', '1,100'],
      ['C', '500', '499'],
      ['Total', '2,734', '2,505'],
    ])]);
    assert.deepEqual(r.findings.map(brief), [
      { severity: 'error', cell: 'S!C5', rule: 'auto.cast', printed: '2505', expected: '2499', difference: '6' },
      { severity: 'error', cell: 'S!B3', rule: 'printed.unreadable', printed: '12,34', expected: undefined, difference: undefined },
    ]);
    assert.match(r.findings[1].message, /"12,34" is not a number as printed/);
    // Something was checked and found wrong (C5): the unreadable cell is one more error, so exit 1;
    // without that error the file is "a cell could not be read" (exit 2).
    assert.equal(exitCodeOf(r), 1);
    assert.equal(exitCodeOf({ ...r, findings: r.findings.filter((f) => f.rule === 'printed.unreadable') }), 2);
  });

  it('in a CSV the place is the line of the file and the column header; BOM, CRLF, comments and quoted separators are honoured', () => {
    const csv = '\ufeff# units: £\r\n# from the PDF, page 12\r\nItem,Budget,Actual\r\n"Police, staff","1,000",900\r\nVans,200,tbc\r\nTotal,"1,200","1,000"\r\n';
    const g = readDelimited(csv, 'paste.csv');
    assert.deepEqual(g.notes, ['units: £', 'from the PDF, page 12']);
    const r = auditGrids([g]);
    assert.deepEqual(r.tables.map(ident), [{ sheet: 'paste.csv', layout: 'auto', range: 'rows 3-6', units: '£' }]);
    assert.deepEqual(r.findings.map(brief), [
      { severity: 'error', cell: 'row 5, column Actual', rule: 'printed.unreadable', printed: 'tbc', expected: undefined, difference: undefined },
    ]);
    assert.equal(exitCodeOf(r), 2);

  it('a label over two lines in a CRLF file: the next rows are named by the line a text editor shows, with comment lines or without', () => {
    // csv-parse counts a CR LF inside a quoted cell as two lines; the reader corrects it.
    for (const head of ['', '# units: £\r\n']) {
      const at = head ? 1 : 0;
      const csv = `${head}Item,Budget,Actual\r\n"Police\r\nstaff","1,000",900\r\nVans,200,tbc\r\nTotal,"1,200","1,000"\r\n`;
      const g = readDelimited(csv, 'paste.csv');
      assert.deepEqual(g.lines, [1, 2, 4, 5].map((l) => l + at), JSON.stringify(head));
      assert.deepEqual(g.sheetRows, [1, 2, 3, 4].map((l) => l + at));
      const r = auditGrids([g]);
      assert.deepEqual(r.findings.map(brief), [
        { severity: 'error', cell: `row ${4 + at}, column Actual`, rule: 'printed.unreadable', printed: 'tbc', expected: undefined, difference: undefined },
      ]);
    }
  });
  });

  it('a TSV with a # inside a label keeps the label whole', () => {
    const g = readDelimited('Item\tBudget\nScheme #3\t10\nScheme #4\t5\nTotal\t17\n', 'x.tsv');
    const r = auditGrids([g]);
    assert.equal(g.cells[1][0], 'Scheme #3');
    assert.deepEqual(r.findings.map(brief), [{ severity: 'error', cell: 'row 4, column Budget', rule: 'auto.cast', printed: '17', expected: '15', difference: '2' }]);
  });
});

describe('audit: generic tables (--table auto)', () => {
  it('every block that ends in a total is cast, in every numeric column; totals of sub-totals too', () => {
    const r = auditGrids([grid([
      [null, 'Q1', 'Q2', 'Year'],
      ['North', null, null, null],
      ['Patrol', '10', '20', '30'],
      ['CID', '5', '5', '10'],
      ['Total North', '15', '25', '40'],
      ['South', null, null, null],
      ['Patrol', '7', '8', '15'],
      ['CID', '3', '2', '5'],
      ['Total South', '10', '10', '22'],
      ['GRAND TOTAL', '25', '35', '62'],
    ])]);
    assert.deepEqual(r.findings.map(brief), [
      { severity: 'error', cell: 'S!D9', rule: 'auto.cast', printed: '22', expected: '20', difference: '2' },
      // and across: the last column adds the quarters in every other row, so Q1 + Q2 = 20 here too (#10).
      { severity: 'error', cell: 'S!D9', rule: 'auto.across', printed: '22', expected: '20', difference: '2' },
      // GRAND TOTAL casts down through the wrong 22 (40 + 22 = 62) but not across (25 + 35 = 60).
      { severity: 'error', cell: 'S!D10', rule: 'auto.across', printed: '62', expected: '60', difference: '2' },
    ]);
  });

  it('a wrong grand total is caught against its sub-totals', () => {
    const r = auditGrids([grid([
      [null, 'Amount'],
      ['a', '1'],
      ['b', '2'],
      ['Sub-Total', '3'],
      ['c', '40'],
      ['TOTAL', '53'],
    ])]);
    assert.deepEqual(r.findings.map(brief), [{ severity: 'error', cell: 'S!B6', rule: 'auto.cast', printed: '53', expected: '43', difference: '10' }]);
  });

  it('a variance column is cross-cast against the two columns it comes from (found by the rows that agree)', () => {
    const r = auditGrids([grid([
      [null, 'Plan', 'Spent', 'Difference'],
      ['Fuel', '100', '120', '(20)'],
      ['Repairs', '50', '40', '10'],
      ['Tyres', '30', '30', '-'],
      ['Hire', '70', '65', '15'],
    ])], { table: 'auto' });
    assert.deepEqual(r.findings.map(brief), [
      { severity: 'error', cell: 'S!D5', rule: 'auto.variance', printed: '15', expected: '5', difference: '10' },
    ]);
    assert.match(r.findings[0].message, /Plan − Spent/);
  });

  it('a percentage column is recomputed on the basis most rows agree on; a truncated figure is reported', () => {
    const r = auditGrids([grid([
      [null, 'Budget', 'Spend', 'Spent %'],
      ['A', '15,467', '13,605', '88.0%'],
      ['B', '200', '150', '75.0%'],
      ['C', '300', '100', '33.3%'],
      ['D', '1,000', '879', '87.9%'],
      ['E', '1,000', '8,796', '879.6%'],
      ['F', '7', '0', '-'],
    ])]);
    // 13,605 / 15,467 = 87.96…%: 88.0% is right. 8,796 / 1,000 = 879.6% right; D right; none truncated.
    assert.deepEqual(r.findings, []);
    const t = auditGrids([grid([
      [null, 'Budget', 'Spend', 'Spent %'],
      ['A', '15,467', '13,605', '87.9%'],
      ['B', '200', '150', '75.0%'],
      ['C', '300', '100', '33.3%'],
    ])]);
    assert.deepEqual(t.findings.map(brief), [{ severity: 'error', cell: 'S!D2', rule: 'auto.percent', printed: '87.9', expected: '88', difference: '-0.1' }]);
    assert.match(t.findings[0].message, /truncated, not rounded/);
  });

  it('a table with nothing to check is not a table to audit: the input is refused, exit 2 at the CLI', () => {
    assert.throws(() => auditGrids([grid([['Name', 'Phone'], ['A', '123']])]), /no table to audit/);
  });
});
