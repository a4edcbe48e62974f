// outturn/v1 validation: every invalid input is an InvalidInput naming where (a JSON path, or
// line:column for JSON that does not parse) and what is wrong; valid inputs become the model exactly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from '../../src/base/decimal';
import { build } from '../../src/engine/build';
import { InvalidInput, type InputError } from '../../src/format/errors';
import { readOutturn, toModel } from '../../src/format/validate';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'derbyshire-2020-21.json');

/** A minimal valid document with all three tables; each test breaks one thing. */
function base(): Record<string, any> {
  return {
    format: 'outturn/v1',
    organisation: 'Test PCC',
    financialYear: '2020/21',
    revenue: {
      units: '£',
      sections: [{ lines: [{ label: 'Premises', originalBudget: '9761400', revisedBudget: '9761400', outturn: '10408970.55' }] }],
      totalLabel: 'TOTAL',
    },
    capital: {
      units: "£'000",
      year: '2020/21',
      nextYear: '2021/22',
      categories: [{ label: 'Building Works', schemes: [{ label: 'Co-Locations with Fire', revisedBudget: '214', outturn: '60' }] }],
    },
    reserves: {
      units: '£',
      years: ['2020/21', '2021/22'],
      actualYears: 1,
      reserves: [{ label: 'GENERAL RESERVES', class: 'general', opening: '5500000', flows: [{ movement: '0' }, { movement: '-1' }] }],
    },
  };
}

/** The errors toModel (or readOutturn, for text) reports; fails unless it throws InvalidInput. */
function errorsOf(input: unknown): InputError[] {
  try {
    if (typeof input === 'string') readOutturn(input);
    else toModel(input);
  } catch (e) {
    assert.ok(e instanceof InvalidInput, `expected InvalidInput, got ${String(e)}`);
    assert.ok(e.errors.length > 0);
    assert.equal(e.message, e.errors.map((x) => `${x.where}: ${x.message}`).join('\n'));
    return e.errors;
  }
  assert.fail('expected InvalidInput, but the input was accepted');
}

/** Exactly one error, at `where`, whose message matches. */
function onlyError(input: unknown, where: string, message: RegExp): void {
  const errors = errorsOf(input);
  assert.deepEqual(errors.map((e) => e.where), [where], JSON.stringify(errors));
  assert.match(errors[0].message, message);
}

describe('outturn/v1: invalid inputs are located', () => {
  it('an unknown field: the misspelt field is named, and the field it should have been is missing', () => {
    const d = base();
    const line = d.revenue.sections[0].lines[0];
    line.outtrun = line.outturn;
    delete line.outturn;
    const errors = errorsOf(d);
    assert.deepEqual(
      errors.map((e) => e.where).sort(),
      ['$.revenue.sections[0].lines[0].outtrun', '$.revenue.sections[0].lines[0].outturn'],
    );
    assert.match(errors.find((e) => e.where.endsWith('outtrun'))!.message, /unknown field/);
    assert.match(errors.find((e) => e.where.endsWith('outturn'))!.message, /required field is missing/);
  });

  it('an unknown field at the top level and in a reserve flow', () => {
    const d = base();
    d.rounding_policy = 'round-each';
    d.reserves.reserves[0].flows[1].transfer = '5';
    const errors = errorsOf(d);
    assert.deepEqual(errors.map((e) => e.where).sort(), ['$.reserves.reserves[0].flows[1].transfer', '$.rounding_policy']);
    assert.ok(errors.every((e) => /unknown field/.test(e.message)));
  });

  it('a missing field', () => {
    const d = base();
    delete d.revenue.totalLabel;
    onlyError(d, '$.revenue.totalLabel', /required field is missing/);
    const e = base();
    delete e.reserves.reserves[0].opening;
    onlyError(e, '$.reserves.reserves[0].opening', /required field is missing/);
  });

  it('money as a float number (1.5)', () => {
    const d = base();
    d.revenue.sections[0].lines[0].outturn = 1.5;
    onlyError(d, '$.revenue.sections[0].lines[0].outturn', /must be money: a decimal string/);
  });

  for (const bad of ['1,234', '£1234', '(1234)', '1e3', ' 12', '12.', '.5', '', '+5', '0x10']) {
    it(`money as the string ${JSON.stringify(bad)}`, () => {
      const d = base();
      d.capital.categories[0].schemes[0].outturn = bad;
      onlyError(d, '$.capital.categories[0].schemes[0].outturn', /must be money: a decimal string/);
    });
  }

  it('an integer beyond exact JSON numbers (12345678901234567890 written as a number in the text)', () => {
    const raw = JSON.stringify(base(), null, 2).replace('"outturn": "10408970.55"', '"outturn": 12345678901234567890');
    assert.ok(raw.includes('12345678901234567890'));
    // the digits as typed, never the value JSON.parse rounds them to (12345678901234567168)
    onlyError(raw, '$.revenue.sections[0].lines[0].outturn', /^12345678901234567890 has 20 digits, more than a spreadsheet keeps \(15 significant digits; as a JSON number it would be read as 12345678901234567168\)/);
  });

  it('an integer JSON number within the safe range is money', () => {
    const d = base();
    d.revenue.sections[0].lines[0].outturn = -9007199254740991;
    d.revenue.sections[0].lines[0].revisedBudget = 0;
    // accepted by the schema, then refused only for its 16 significant digits
    onlyError(d, '$.revenue.sections[0].lines[0].outturn', /more than 15 significant digits/);
    d.revenue.sections[0].lines[0].outturn = 900719925474099;
    assert.equal(text(toModel(d).revenue!.sections[0].lines[0].outturn), '900719925474099');
  });

  for (const sixteen of ['1234567890123456', '99999999999999.99', '-1234567890123.456', '0.1234567890123456']) {
    it(`16 significant digits: ${sixteen}`, () => {
      const d = base();
      d.reserves.reserves[0].flows[1].capital = sixteen;
      onlyError(d, '$.reserves.reserves[0].flows[1].capital', /more than 15 significant digits/);
    });
  }

  it('15 significant digits are fine: 9999999999999.99', () => {
    const d = base();
    d.reserves.reserves[0].opening = '9999999999999.99';
    assert.equal(text(toModel(d).reserves!.reserves[0].opening), '9999999999999.99');
  });

  it('duplicate labels in a table, each table on its own', () => {
    const d = base();
    d.revenue.sections[0].lines.push({ label: 'Premises', originalBudget: '1', revisedBudget: '1', outturn: '1' });
    d.reserves.reserves.push({ label: 'GENERAL RESERVES', class: 'useable', opening: '1' });
    d.capital.categories.push({ label: 'Co-Locations with Fire', revisedBudget: '1', outturn: '1' });
    const errors = errorsOf(d);
    assert.deepEqual(errors.map((e) => e.where), [
      '$.revenue.sections[0].lines[1].label',
      '$.capital.categories[1].label',
      '$.reserves.reserves[1].label',
    ]);
    assert.match(errors[0].message, /"Premises" is used twice in the revenue table \(also at \$\.revenue\.sections\[0\]\.lines\[0\]\.label\)/);
    assert.match(errors[1].message, /"Co-Locations with Fire" is used twice in the capital table/);
    assert.match(errors[2].message, /"GENERAL RESERVES" is used twice in the reserves table/);
  });

  it('a label may repeat across tables', () => {
    const d = base();
    d.reserves.reserves[0].label = 'Premises';
    assert.equal(toModel(d).reserves!.reserves[0].label, 'Premises');
  });

  it('a sub-total or a category total labelled like a line: the path is the field that holds the label', () => {
    const d = base();
    d.revenue.sections[0].subtotalLabel = 'Premises';
    onlyError(d, '$.revenue.sections[0].subtotalLabel', /"Premises" is used twice/);
    const e = base();
    e.capital.categories[0].totalLabel = 'Co-Locations with Fire';
    // the category total is listed before its schemes, so the scheme is the second use
    onlyError(e, '$.capital.categories[0].schemes[0].label', /"Co-Locations with Fire" is used twice .*also at \$\.capital\.categories\[0\]\.totalLabel/);
  });

  it('a revenue line labelled like the total', () => {
    const d = base();
    d.revenue.totalLabel = 'Premises';
    onlyError(d, '$.revenue.totalLabel', /"Premises" is used twice in the revenue table \(also at \$\.revenue\.sections\[0\]\.lines\[0\]\.label\)/);
  });

  it('non-consecutive years', () => {
    const d = base();
    d.reserves.years = ['2020/21', '2022/23', '2023/24'];
    onlyError(d, '$.reserves.years[1]', /2022\/23 does not follow 2020\/21: years must be consecutive/);
  });

  it('a year that is not a financial year (2020/22), and one not written YYYY/YY', () => {
    const d = base();
    d.reserves.years = ['2020/21', '2021/23'];
    onlyError(d, '$.reserves.years[1]', /not a financial year/);
    const e = base();
    e.financialYear = '2020-21';
    assert.ok(errorsOf(e).some((x) => x.where === '$.financialYear'));
  });

  it('nextYear not following year', () => {
    const d = base();
    d.capital.nextYear = '2022/23';
    onlyError(d, '$.capital.nextYear', /2022\/23 does not follow 2020\/21/);
  });

  it('flows longer than years', () => {
    const d = base();
    d.reserves.reserves[0].flows.push({ movement: '5' });
    onlyError(d, '$.reserves.reserves[0].flows', /3 flows for 2 years: at most one per year/);
  });

  it('actualYears greater than the number of years: one error, at actualYears', () => {
    const d = base();
    d.reserves.actualYears = 3;
    onlyError(d, '$.reserves.actualYears', /3 actual years, but only 2 years are given/);
  });

  it('the financial year does not match the capital year, or the last actual year of the reserves', () => {
    const d = base();
    d.capital.year = '2019/20';
    d.capital.nextYear = '2020/21';
    onlyError(d, '$.capital.year', /2019\/20 is not the financial year 2020\/21/);
    const e = base();
    e.reserves.years = ['2019/20', '2020/21'];
    onlyError(e, '$.reserves.years[0]', /the last actual year 2019\/20 is not the financial year 2020\/21/);
  });

  it('bad JSON text: line and column', () => {
    const cases: [string, string][] = [
      ['{\n  "format": "outturn/v1",\n  "organisation": }', 'input:3:19'],
      ['{"format": "outturn/v1",}', 'input:1:25'],
      ['{\n  "a": [1, 2\n', 'input:3:1'],
      ['{\n  "a": tru\n}', 'input:2:11'],
      ['[1,]', 'input:1:4'],
      ['{"a": "x\ty"}', 'input:1:9'],
      ['', 'input:1:1'],
      ['{} {}', 'input:1:4'],
    ];
    for (const [raw, where] of cases) {
      const errors = errorsOf(raw);
      assert.deepEqual(errors.map((e) => e.where), [where], `${JSON.stringify(raw)}: ${JSON.stringify(errors)}`);
      assert.match(errors[0].message, /^not valid JSON/);
    }
  });

  it('a byte-order mark before the JSON is not an error', () => {
    const model = readOutturn('\ufeff' + JSON.stringify(base()));
    assert.equal(model.organisation, 'Test PCC');
  });

  it('a category with both schemes and its own figures', () => {
    const d = base();
    d.capital.categories[0].revisedBudget = '214';
    d.capital.categories[0].outturn = '60';
    onlyError(d, '$.capital.categories[0]', /either "schemes", or its own "revisedBudget" and "outturn".*not both/);
  });

  it('a category with neither schemes nor figures', () => {
    const d = base();
    delete d.capital.categories[0].schemes;
    const errors = errorsOf(d);
    assert.match(errors.find((e) => e.where === '$.capital.categories[0]')?.message ?? '', /either "schemes", or its own/);
  });

  it('wrong format, units, class and rounding are named with what is allowed', () => {
    const d = base();
    d.format = 'outturn/v2';
    d.revenue.units = 'GBP';
    d.reserves.reserves[0].class = 'usable';
    d.rounding = 'bankers';
    const errors = errorsOf(d);
    const at = (w: string) => errors.find((e) => e.where === w)?.message ?? '';
    assert.match(at('$.format'), /must be "outturn\/v1"/);
    assert.match(at('$.revenue.units'), /^the revenue units must be "£", "£'000" or "£m" \(not "GBP"\)$/);
    assert.match(at('$.reserves.reserves[0].class'), /must be "general", "useable" or "non-useable"/);
    assert.match(at('$.rounding'), /^the rounding must be "round-then-sum" or "round-each"/);
    assert.equal(errors.length, 4);
  });

  it('no table at all', () => {
    onlyError({ format: 'outturn/v1', organisation: 'Test PCC', financialYear: '2020/21' }, '$', /no table to build/);
  });

  it('every error is reported at once, not just the first', () => {
    const d = base();
    d.revenue.sections[0].lines[0].outturn = '1,234';
    d.capital.nextYear = '2023/24';
    d.reserves.reserves[0].flows[0].movement = '12345678901234567';
    const errors = errorsOf(d);
    assert.deepEqual(errors.map((e) => e.where), ['$.revenue.sections[0].lines[0].outturn']);
    // schema errors stop before the checks that need a well-formed document; fix them and the rest show
    d.revenue.sections[0].lines[0].outturn = '1234';
    assert.deepEqual(errorsOf(d).map((e) => e.where), ['$.capital.nextYear', '$.reserves.reserves[0].flows[0].movement']);
  });
});

describe('outturn/v1: valid inputs', () => {
  it('the worked example', () => {
    const m = readOutturn(readFileSync(EXAMPLE, 'utf8'), 'derbyshire-2020-21.json');
    assert.equal(m.organisation, 'Police and Crime Commissioner for Derbyshire');
    assert.equal(m.financialYear, '2020/21');
    assert.equal(m.rounding, 'round-then-sum');
    const rev = m.revenue!;
    assert.deepEqual(rev.sections.map((s) => s.lines.length), [17, 4]);
    assert.equal(rev.sections[0].lines[12].label, 'Government Grants');
    assert.equal(text(rev.sections[0].lines[12].originalBudget), '-6994481');
    assert.equal(rev.sections[0].lines[12].source, '$.revenue.sections[0].lines[12]');
    assert.deepEqual(rev.earmarked.map((e) => [e.label, text(e.amount), e.reserve]), [
      ['Earmarked Covid-19 Funding', '757053', 'Covid-19 Funding Reserve'],
      ['Earmarked Officer Uplift Funding', '497000', 'Officer Uplift Support Costs Reserve'],
      ['Earmarked Carry-Forwards', '447400', undefined],
      ["Transfer to the PCC's Reserve", '356191', undefined],
    ]);
    assert.equal(text(rev.budgetRequirementChange), '0');
    const cap = m.capital!;
    assert.equal(cap.units, "£'000");
    assert.equal(cap.categories.length, 4);
    assert.equal(cap.categories[3].standalone?.label, 'East Midlands Counter Terrorism Intelligence Unit (EMCTIU)');
    assert.equal(cap.categories[1].schemes![3].reprofile, undefined, 'Tasers: reprofile not given');
    const res = m.reserves!;
    assert.deepEqual(res.years, ['2020/21', '2021/22', '2022/23', '2023/24']);
    assert.equal(res.reserves.length, 11);
    // fewer flows than years: the rest are nil
    const general = res.reserves[0];
    assert.equal(general.flows.length, 4);
    assert.ok(general.flows.every((f) => f.movement.isZero() && f.transfers.isZero() && f.capital.isZero()));
    const ofir = res.reserves[1];
    assert.deepEqual(ofir.flows.map((f) => text(f.movement)), ['172542', '-590000', '-211800', '0']);
    assert.equal(text(ofir.flows[0].transfers), '217100');
  });

  it('a minimal revenue-only document, with pennies and an integer JSON number', () => {
    const m = toModel({
      format: 'outturn/v1',
      organisation: 'Test PCC',
      financialYear: '2021/22',
      revenue: {
        units: '£',
        sections: [{ lines: [{ label: 'Premises', originalBudget: 100, revisedBudget: '100.00', outturn: '-0.01' }] }],
        totalLabel: 'TOTAL',
      },
    });
    assert.equal(m.capital, undefined);
    assert.equal(m.reserves, undefined);
    assert.equal(m.rounding, 'round-then-sum');
    const r = m.revenue!;
    assert.equal(r.displayUnits, '£');
    assert.deepEqual(r.adjustments, []);
    assert.deepEqual(r.earmarked, []);
    assert.equal(r.showVirements, false);
    const l = r.sections[0].lines[0];
    assert.deepEqual([text(l.originalBudget), text(l.revisedBudget), text(l.outturn)], ['100', '100', '-0.01']);
  });

  it('a reserves-only forecast statement (no actual year) starting the year after', () => {
    const m = toModel({
      format: 'outturn/v1',
      organisation: 'Test PCC',
      financialYear: '2020/21',
      reserves: { units: "£'000", years: ['2021/22'], actualYears: 0, reserves: [{ label: 'R', class: 'useable', category: 'beyond-mtfp', opening: '1.5' }] },
    });
    assert.equal(m.reserves!.actualYears, 0);
    assert.equal(text(m.reserves!.reserves[0].opening), '1.5');
    assert.equal(m.reserves!.reserves[0].category, 'beyond-mtfp');
  });
});

describe('outturn/v1, capital kinds (issue 11): budget changes and financing by programme are located when wrong', () => {
  it('budget changes: every scheme gives its earlier budget; a change names a column of budgetChanges; none without budgetChanges', () => {
    const d = base();
    d.capital.budgetChanges = { earlierLabel: 'Budget at Month 9', columns: ['Additions', 'Virements'] };
    d.capital.categories[0].schemes[0].changes = { Additions: '10', Slippage: '-4' };
    const errors = errorsOf(d);
    assert.deepEqual(errors.map((e) => e.where), ['$.capital.categories[0].schemes[0].earlierBudget', '$.capital.categories[0].schemes[0].changes.Slippage']);
    assert.match(errors[0].message, /Budget at Month 9 is missing/);
    assert.match(errors[1].message, /"Slippage" is not a change column of capital\.budgetChanges \(Additions, Virements\)/);
    const without = base();
    without.capital.categories[0].schemes[0].earlierBudget = '200';
    onlyError(without, '$.capital.categories[0].schemes[0].earlierBudget', /need capital\.budgetChanges/);
  });

  it('financing by programme: the original (or latest) financing on every line or none; variations need one of them', () => {
    const d = base();
    d.capital.financing = [{ type: 'grant', label: 'Grant', amount: '50', latestAmount: '100' }, { type: 'borrowing', label: 'Borrowing', amount: '10' }];
    onlyError(d, '$.capital.financing[1].latestAmount', /latest programme's financing is missing/);
    const v = base();
    v.capital.financing = [{ type: 'grant', label: 'Grant', amount: '60' }];
    v.capital.financingVariations = true;
    onlyError(v, '$.capital.financingVariations', /need the original or latest financing/);
  });

  it('an original financing where Table 2 has no original programme: printed, and its total not checked (said so)', () => {
    const d = base();
    d.capital.financing = [{ type: 'grant', label: 'Grant', amount: '60', originalAmount: '300' }];
    const r = build(toModel(d));
    const f = r.tables.find((t) => t.id === 'capital-financing')!;
    assert.deepEqual(f.columns.map((c) => c.id), ['label', 'original', 'amount']);
    const check = r.checks.find((c) => c.rule === 'capital.financing-total' && c.description.startsWith('The original'))!;
    assert.deepEqual([check.passed, check.detail], [true, 'not checked: Table 2 has no original programme']);
    assert.ok(!r.findings.some((x) => x.rule === 'capital.financing-total'));
  });
});
