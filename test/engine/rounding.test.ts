// Rounding, decimal text and printed numbers, in the style of decimal.js's own tests: tables of
// input and expected output, every expected figure written out by hand.
import assert from 'node:assert/strict';
import { build } from '../../src/engine/build';
import { Dec, round, significantDigits, text, toSpreadsheetNumber } from '../../src/base/decimal';
import type { BuildResult, Table } from '../../src/engine/model';
import { isFigure } from '../../src/engine/model';
import { parsePrinted } from '../../src/base/printed';
import { toModel } from '../../src/format/validate';

describe('round(d, dp): half away from zero, exact at any magnitude', () => {
  const cases: [string, number, string][] = [
    // ties go away from zero, both signs
    ['0.5', 0, '1'],
    ['1.5', 0, '2'],
    ['2.5', 0, '3'],
    ['-0.5', 0, '-1'],
    ['-1.5', 0, '-2'],
    ['-2.5', 0, '-3'],
    ['0.125', 2, '0.13'],
    ['-0.125', 2, '-0.13'],
    ['1234.5', 0, '1235'],
    ['-6994480.5', 0, '-6994481'],
    // not ties
    ['2.4999999999999999999999999', 0, '2'],
    ['-2.5000000000000000000000001', 0, '-3'],
    ['0.49', 0, '0'],
    ['-0.51', 0, '-1'],
    ['370740.99', 0, '370741'],
    ['87.96146', 1, '88'], // text() drops trailing zeros; the narrative uses toFixed(1)
    ['87.949', 1, '87.9'],
    // places kept when already fewer
    ['12', 2, '12'],
    ['-7.1', 3, '-7.1'],
    // thousands and millions (display in £'000 and £m)
    ['13.6049', 3, '13.605'],
    ['0.3707405', 3, '0.371'],
    ['-0.0005', 3, '-0.001'],
    // huge: beyond double precision, still exact
    ['123456789012345678901234567890.5', 0, '123456789012345678901234567891'],
    ['-99999999999999999999999999999.5', 0, '-100000000000000000000000000000'],
    ['9007199254740993.5', 0, '9007199254740994'],
    // tiny
    ['0.' + '0'.repeat(29) + '5', 29, '0.' + '0'.repeat(28) + '1'], // 5e-30 → 1e-29
    ['0.' + '0'.repeat(29) + '49', 29, '0'],
    ['-0.' + '0'.repeat(50) + '5', 50, '-0.' + '0'.repeat(49) + '1'], // -5e-51 → -1e-50
    ['-0.00000005', 7, '-0.0000001'],
  ];
  for (const [input, dp, expected] of cases) {
    it(`round(${input}, ${dp}) = ${expected}`, () => {
      assert.equal(text(round(new Dec(input), dp)), expected);
    });
  }

  it('negative zero: round(-0.4) is zero, and its text is "0", never "-0"', () => {
    const z = round(new Dec('-0.4'), 0);
    assert.ok(z.isZero());
    assert.equal(text(z), '0');
    assert.equal(text(round(new Dec('-0.004'), 2)), '0');
    assert.equal(text(new Dec('-0')), '0');
    assert.equal(text(new Dec('-0.00')), '0');
  });

  it('does not round the operations that lead up to it: 1/3 * 3 at 40 digits, 0.1 + 0.2 = 0.3', () => {
    assert.equal(text(new Dec('0.1').plus('0.2')), '0.3');
    assert.equal(text(new Dec('100000000000.01').times(3)), '300000000000.03');
    assert.equal(text(new Dec('99999999999999.99').plus('0.01')), '100000000000000');
  });
});

describe('text(d): plain decimal text, never exponential', () => {
  const cases: [string, string][] = [
    ['1e21', '1000000000000000000000'],
    ['-1e21', '-1000000000000000000000'],
    ['1e-7', '0.0000001'],
    ['-1e-7', '-0.0000001'],
    ['1e60', '1' + '0'.repeat(60)],
    ['1.5e-60', '0.' + '0'.repeat(59) + '15'],
    ['-6994481', '-6994481'],
    ['24978.41', '24978.41'],
    ['24978.410', '24978.41'],
    ['0.050', '0.05'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => {
      const s = text(new Dec(input));
      assert.equal(s, expected);
      assert.doesNotMatch(s, /e/i);
    });
  }
});

describe('toSpreadsheetNumber: exact or an error, never a silent change', () => {
  it('passes 15 significant digits', () => {
    assert.equal(toSpreadsheetNumber(new Dec('123456789012345')), 123456789012345);
    assert.equal(toSpreadsheetNumber(new Dec('9999999999999.99')), 9999999999999.99);
    assert.equal(toSpreadsheetNumber(new Dec('-1234567890123.45')), -1234567890123.45);
    assert.equal(toSpreadsheetNumber(new Dec('0.000000000000001')), 1e-15);
    assert.equal(toSpreadsheetNumber(new Dec('1e20')), 1e20); // one significant digit
    assert.equal(significantDigits(new Dec('123456789012345')), 15);
  });

  it('throws for 16 significant digits', () => {
    for (const s of ['1234567890123456', '99999999999999.99', '-1234567890123.456', '0.1234567890123456', '9007199254740993']) {
      assert.equal(significantDigits(new Dec(s)), 16, s);
      assert.throws(() => toSpreadsheetNumber(new Dec(s)), /more than 15 significant digits/, s);
    }
  });
});

describe('parsePrinted: numbers as people print them', () => {
  type Expect = { value: string; bracketed?: boolean; dash?: boolean; percent?: boolean; negativeZero?: boolean; places?: number };
  const readable: [string, Expect][] = [
    ['(1,234)', { value: '-1234', bracketed: true }],
    ['( 1,234)', { value: '-1234', bracketed: true }],
    ['(1,234 )', { value: '-1234', bracketed: true }],
    ['£1,234.56', { value: '1234.56', places: 2 }],
    ['(£1,234.56)', { value: '-1234.56', bracketed: true, places: 2 }],
    ['£(1,234)', { value: '-1234', bracketed: true }],
    ['-£25', { value: '-25' }],
    ['1,234', { value: '1234' }],
    ['1,234,567,890', { value: '1234567890' }],
    ['0', { value: '0' }],
    ['757053', { value: '757053' }],
    ['-', { value: '0', dash: true }],
    ['–', { value: '0', dash: true }],
    ['—', { value: '0', dash: true }],
    ['−25', { value: '-25' }],
    ['-25', { value: '-25' }],
    ['- 25', { value: '-25' }],
    ['–25', { value: '-25' }],
    ['(0.0)', { value: '0', bracketed: true, negativeZero: true, places: 1 }],
    ['12.5%', { value: '12.5', percent: true, places: 1 }],
    ['(12.5%)', { value: '-12.5', bracketed: true, percent: true, places: 1 }],
    ['1 234', { value: '1234' }],
    ['1\u00a0234', { value: '1234' }],
    ['1\u202f234\u202f567', { value: '1234567' }],
    ['  1,234  ', { value: '1234' }],
    ['.5', { value: '0.5', places: 1 }],
    // as Excel reads them: the point with no places after it, and a plus sign (T8-01, T8-58)
    ['1.', { value: '1' }],
    ['+384', { value: '384' }],
    ['+ 1,234.5', { value: '1234.5', places: 1 }],
  ];
  for (const [raw, e] of readable) {
    it(`${JSON.stringify(raw)} → ${e.value}`, () => {
      const p = parsePrinted(raw);
      assert.equal(p.kind, 'number');
      if (p.kind !== 'number') return;
      assert.deepEqual(
        { value: text(p.value), bracketed: p.bracketed, dash: p.dash, percent: p.percent, negativeZero: p.negativeZero, places: p.places },
        { bracketed: false, dash: false, percent: false, negativeZero: false, places: 0, ...e },
      );
    });
  }

  for (const raw of ['', '   ', '\u00a0', null, undefined]) {
    it(`${JSON.stringify(raw)} is blank`, () => {
      assert.deepEqual(parsePrinted(raw), { kind: 'blank' });
    });
  }

  for (const raw of ['1,23,4', '12abc', '1.2.3', '((1))', '--5', '1,2345', '12,34', '1,234 567', '(', '()', '%', '£', 'abc', '1..', '+-5', '(+5)', '(-5)', '5-']) {
    it(`${JSON.stringify(raw)} is unreadable, not guessed`, () => {
      const p = parsePrinted(raw);
      assert.equal(p.kind, 'unreadable', JSON.stringify(p));
      if (p.kind === 'unreadable') assert.ok(p.reason.length > 0);
    });
  }
});

describe('round each line first, or round each figure: three reserves of £0.50', () => {
  // Three useable reserves of 0.50 each (pennies), one year, no flows. Exact total 1.50.
  const doc = (rounding: string) => ({
    format: 'outturn/v1',
    organisation: 'Test PCC',
    financialYear: '2020/21',
    rounding,
    reserves: {
      units: '£',
      years: ['2020/21'],
      actualYears: 1,
      reserves: ['A', 'B', 'C'].map((label) => ({ label: `Reserve ${label}`, class: 'useable', category: 'mtfp', opening: '0.50' })),
    },
  });
  const figures = (r: BuildResult, label: string, id: string) => {
    const t: Table = r.tables.find((x) => x.id === 'reserves')!;
    const row = t.rows.find((x) => x.label === label)!;
    const cell = row.cells[t.columns.findIndex((c) => c.id === id)];
    assert.ok(isFigure(cell));
    return { exact: text(cell.exact), shown: text(cell.shown), stored: text(cell.stored) };
  };
  const at = (r: BuildResult, label: string, id: string) => {
    const t = r.tables.find((x) => x.id === 'reserves')!;
    return { r: t.rows.findIndex((x) => x.label === label), c: t.columns.findIndex((c) => c.id === id) };
  };

  it('round-each: lines show 1, 1, 1; the total shows 2 (exact 1.50 → 2) and does not cast: a rounding.cast warning', () => {
    const r = build(toModel(doc('round-each')));
    for (const l of ['Reserve A', 'Reserve B', 'Reserve C']) {
      assert.deepEqual(figures(r, l, 'opening'), { exact: '0.5', shown: '1', stored: '0.5' });
      assert.deepEqual(figures(r, l, 'closing0'), { exact: '0.5', shown: '1', stored: '0.5' });
    }
    assert.deepEqual(figures(r, 'Total Useable:-', 'opening'), { exact: '1.5', shown: '2', stored: '1.5' });
    assert.deepEqual(figures(r, 'TOTAL RESERVES', 'closing0'), { exact: '1.5', shown: '2', stored: '1.5' });

    const f = r.findings.find((x) => x.rule === 'rounding.cast' && x.table === 'reserves' && x.at?.r === at(r, 'Total Useable:-', 'opening').r && x.at?.c === at(r, 'Total Useable:-', 'opening').c);
    assert.ok(f, JSON.stringify(r.findings));
    assert.equal(f.severity, 'warning');
    assert.equal(f.expected, '3');
    assert.equal(f.actual, '2');
    assert.equal(f.difference, '-1');
    // Total Useable in the opening and closing columns; TOTAL EARMARKED and TOTAL RESERVES each sum one
    // displayed figure of 2, so they cast with what they add up
    assert.deepEqual(
      r.findings.filter((x) => x.rule === 'rounding.cast' && x.table === 'reserves').map((x) => [x.at, x.expected, x.actual]),
      [[at(r, 'Total Useable:-', 'opening'), '3', '2'], [at(r, 'Total Useable:-', 'closing0'), '3', '2']],
    );
    assert.ok(r.findings.every((x) => x.rule !== 'rounding.difference'));
    const check = r.checks.find((c) => c.table === 'reserves' && c.rule === 'rounding.cast');
    assert.equal(check?.passed, false);
  });

  it('round-then-sum: lines show 1, 1, 1; the total shows 3, and the 1.50 against 3 is a rounding.difference note', () => {
    const r = build(toModel(doc('round-then-sum')));
    for (const l of ['Reserve A', 'Reserve B', 'Reserve C']) {
      assert.deepEqual(figures(r, l, 'opening'), { exact: '0.5', shown: '1', stored: '1' });
      assert.deepEqual(figures(r, l, 'closing0'), { exact: '0.5', shown: '1', stored: '1' });
    }
    assert.deepEqual(figures(r, 'Total Useable:-', 'opening'), { exact: '1.5', shown: '3', stored: '3' });
    assert.deepEqual(figures(r, 'TOTAL RESERVES', 'closing0'), { exact: '1.5', shown: '3', stored: '3' });

    const where = at(r, 'Total Useable:-', 'opening');
    const f = r.findings.find((x) => x.rule === 'rounding.difference' && x.table === 'reserves' && x.at?.r === where.r && x.at?.c === where.c);
    assert.ok(f, JSON.stringify(r.findings));
    assert.equal(f.severity, 'note');
    assert.equal(f.expected, '2'); // the exact 1.50, rounded
    assert.equal(f.actual, '3');
    assert.equal(f.difference, '1');
    assert.match(f.message, /1\.5\b/); // 3 − 1.50 stated against the exact total
    assert.ok(r.findings.every((x) => x.rule !== 'rounding.cast'));
    assert.ok(r.findings.every((x) => x.severity === 'note'));
    assert.equal(r.checks.find((c) => c.table === 'reserves' && c.rule === 'rounding.difference')?.passed, true);
  });
});

describe('display units: pence in £, shown in £\'000 and £m', () => {
  it("capital in £ shown in £'000: 1,499.50 → 1 ; 500.00 → 1 (half away from zero); remaining from the shown figures", () => {
    const r = build(toModel({
      format: 'outturn/v1',
      organisation: 'Test PCC',
      financialYear: '2020/21',
      capital: {
        units: '£',
        displayUnits: "£'000",
        year: '2020/21',
        nextYear: '2021/22',
        categories: [{ label: 'Works', schemes: [
          { label: 'One', revisedBudget: '1499.50', outturn: '500.00' },
          { label: 'Two', revisedBudget: '-2500.00', outturn: '0.01', reprofile: '0' },
        ] }],
      },
    }));
    const t = r.tables.find((x) => x.id === 'capital')!;
    const get = (label: string, id: string) => {
      const cell = t.rows.find((x) => x.label === label)!.cells[t.columns.findIndex((c) => c.id === id)];
      assert.ok(isFigure(cell));
      return [text(cell.exact), text(cell.shown)];
    };
    assert.deepEqual(get('One', 'revised'), ['1.4995', '1']);
    assert.deepEqual(get('One', 'outturn'), ['0.5', '1']);
    assert.deepEqual(get('One', 'remaining'), ['0.9995', '0']); // 1 − 1 shown; exact 999.50 £
    assert.deepEqual(get('One', 'reprofile'), ['0.9995', '0']); // default: the remaining budget
    assert.deepEqual(get('Two', 'revised'), ['-2.5', '-3']);
    assert.deepEqual(get('Two', 'outturn'), ['0.00001', '0']);
    assert.deepEqual(get('Total Works', 'revised'), ['-1.0005', '-2']);
    assert.deepEqual(get('Total Works', 'outturn'), ['0.50001', '1']);
    assert.deepEqual(get('Total Works', 'remaining'), ['-1.50051', '-3']);
  });
});
