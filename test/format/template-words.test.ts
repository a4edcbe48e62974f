// The input templates as finance officers fill them, and the errors they see in finance words at the
// cell: a financial year typed as they write it (2020-21), a blank budget heading, a template left
// with its example organisation or without figures, a value typed beside the Value column; and no
// error anywhere that shows the schema's own text ("must match pattern", "must NOT have fewer…").
// The document: Derbyshire PCC's 2020/21 tables (examples/derbyshire-2020-21.json, transcribed from
// the PCC's published outturn report in ../shared/reference).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { InputError } from '../../src/format/errors';
import { InvalidInput } from '../../src/format/errors';
import { type GridValue, type InputSheet, readTemplates } from '../../src/format/templates';
import { parseJsonText, toModel } from '../../src/format/validate';
import { templatePlan } from '../../src/plan/templates-plan';
import { grid } from '../support/template-roundtrip';
import { resultJson } from '../../src/app/result';
import { build } from '../../src/engine/build';
import { makePlan } from '../../src/plan/plan';

const DOC = JSON.parse(readFileSync('examples/derbyshire-2020-21.json', 'utf8')) as Record<string, unknown>;

/** Ajv's own words: none may reach a user. */
const SCHEMA_TEXT = /must (NOT|match|have|be (string|number|integer|boolean|array|object|null|equal|>=|<=|>|<))\b|fewer than|more than \d+ (characters|items)|pattern|schema/;

function sheets(): InputSheet[] {
  return templatePlan(DOC).map(grid);
}

/** The cell of a sheet holding `text` in the column headed or labelled so: [row, column], 0-based. */
function find(s: InputSheet, text: string): [number, number] {
  for (let r = 0; r < s.values.length; r++) for (let c = 0; c < (s.values[r]?.length ?? 0); c++) if (s.values[r][c] === text) return [r, c];
  throw new Error(`no "${text}" on ${s.name}`);
}

const sheet = (ss: InputSheet[], name: string) => ss.find((s) => s.name === name)!;

/** Sets the Value of a setting (by its label) on the settings sheet; returns its A1 address. */
function setSetting(ss: InputSheet[], label: string, v: GridValue, offset = 1): string {
  const s = sheet(ss, 'Outturn settings');
  const [r, c] = find(s, label);
  (s.values[r] ??= [])[c + offset] = v;
  return `'Outturn settings'!${String.fromCharCode(65 + c + offset)}${r + 1}`;
}

function errorsOf(ss: InputSheet[]): InputError[] {
  try {
    readTemplates(ss, 'derbyshire.xlsx');
    return [];
  } catch (e) {
    if (e instanceof InvalidInput) return e.errors;
    throw e;
  }
}

describe('templates: a financial year as finance officers type it', () => {
  const expected = readTemplates(sheets(), 'derbyshire.xlsx');
  for (const typed of ['2020-21', '2020/2021', '2020-2021', '2020–21', '2020 / 21', ' 2020/21 ']) {
    it(`"${typed}" in Financial year and Capital year is read as 2020/21: the same model`, () => {
      const ss = sheets();
      setSetting(ss, 'Financial year', typed);
      setSetting(ss, 'Capital year', typed);
      setSetting(ss, 'Reserve years', '2020-21, 2021/2022; 2022–23 2023-2024');
      const model = readTemplates(ss, 'derbyshire.xlsx');
      assert.equal(model.financialYear, '2020/21');
      assert.deepEqual(model, expected);
      assert.deepEqual(model.reserves?.years, ['2020/21', '2021/22', '2022/23', '2023/24']);
    });
  }
  const bad: [GridValue, RegExp][] = [
    ['20/21', /^write the financial year as 2020\/21 \(not "20\/21"\)$/],
    ['2020/22', /^"2020\/22" is not a financial year \(the second year must follow the first\): write the financial year as 2020\/21$/],
    ['FY 2020', /^write the financial year as 2020\/21 \(not "FY 2020"\)$/],
    ['2020-04-01', /^Excel has stored a date here \(2020-04-01\): write the financial year as 2020\/21, as text/],
    [2020, /^write the financial year as 2020\/21 \(not "2020"\)$/],
  ];
  for (const [typed, message] of bad) {
    it(`${JSON.stringify(typed)} is an error at the cell, in finance words`, () => {
      const ss = sheets();
      const where = setSetting(ss, 'Financial year', typed);
      const errs = errorsOf(ss);
      assert.deepEqual(errs.map((e) => e.where), [where]);
      assert.match(errs[0].message, message);
    });
  }
});

describe('templates: what a user left undone, said at the cell', () => {
  it('a blank budget heading: "the budget heading is blank" at its cell', () => {
    const ss = sheets();
    const s = sheet(ss, 'Revenue input');
    const [r, c] = find(s, 'Police Staff Pay & On Costs');
    s.values[r][c] = null;
    assert.deepEqual(errorsOf(ss), [{ where: `'Revenue input'!${String.fromCharCode(65 + c)}${r + 1}`, message: 'the budget heading is blank' }]);
  });

  it('the template\'s example organisation ("Police and Crime Commissioner for …") is refused, naming what to type', () => {
    const ss = sheets();
    const where = setSetting(ss, 'Organisation', 'Police and Crime Commissioner for …');
    const errs = errorsOf(ss);
    assert.deepEqual(errs.map((e) => e.where), [where]);
    assert.match(errs[0].message, /^the organisation is still the template's example "Police and Crime Commissioner for …": type your organisation's name/);
  });

  it('a table of headings with every figure blank is refused, naming the figures to fill in', () => {
    const ss = sheets();
    const s = sheet(ss, 'Revenue input');
    const [hr, hc] = find(s, 'Budget heading');
    for (let r = hr + 1; r < s.values.length && s.values[r]?.[hc]; r++) for (const k of [2, 3, 4]) s.values[r][hc + k] = null;
    const errs = errorsOf(ss);
    assert.equal(errs.length, 1, JSON.stringify(errs));
    assert.match(errs[0].where, /^'Revenue input'!A\d+$/);
    assert.equal(errs[0].message, 'no figures in the RevenueLines table (every one blank or nil): fill in the revised budget and outturn of each budget heading');
  });

  it('a value typed one column right of the Value column is an error at that cell, not ignored', () => {
    const ss = sheets();
    const where = setSetting(ss, 'Revenue total label', 'Net revenue expenditure', 2);
    const errs = errorsOf(ss);
    assert.deepEqual(errs.map((e) => e.where), [where]);
    assert.match(errs[0].message, /^"Net revenue expenditure" is typed beside the Value column, where it is not read: type the Revenue total label in B\d+, which holds "/);
  });

  it('units typed as officers write them (£000, £k, £ m) are read; anything else is named with what is allowed', () => {
    const ss = sheets();
    setSetting(ss, 'Revenue units', '£000');
    assert.equal(readTemplates(ss).revenue?.units, "£'000");
    const where = setSetting(ss, 'Revenue units', 'pounds');
    const errs = errorsOf(ss);
    assert.deepEqual(errs, [{ where, message: 'the revenue units must be "£", "£\'000" or "£m" (not "pounds")' }]);
  });
});

describe('templates: the schema\'s rules, checked by the reader itself at the cell (the add-in builds without the validator)', () => {
  /** Sets the cell in the column headed `header`, on the row of `row` (a label in that table); returns its address. */
  function setIn(ss: InputSheet[], name: string, row: string, header: string, v: GridValue): string {
    const s = sheet(ss, name);
    const [r] = find(s, row);
    const [, c] = find(s, header);
    s.values[r][c] = v;
    return `'${name}'!${String.fromCharCode(65 + c)}${r + 1}`;
  }
  const cases: [string, (ss: InputSheet[]) => string, string][] = [
    ['a budget heading of 300 characters', (ss) => setIn(ss, 'Revenue input', 'Police Staff Pay & On Costs', 'Budget heading', 'x'.repeat(300)), 'the budget heading is longer than 255 characters (it has 300): shorten it'],
    ['a reference of 41 characters', (ss) => setIn(ss, 'Revenue input', 'Police Staff Pay & On Costs', 'Ref', 'r'.repeat(41)), 'the reference is longer than 40 characters (it has 41): shorten it'],
    ['a class of reserve not in the list', (ss) => setIn(ss, 'Reserves input', 'Carry-forwards', 'Class', 'earmarked'), 'the class of reserve must be "general", "useable" or "non-useable" (not "earmarked")'],
    ['the rounding misspelt', (ss) => setSetting(ss, 'Rounding', 'round each'), 'the rounding must be "round-then-sum" or "round-each" (not "round each")'],
    ['a negative number of actual years', (ss) => setSetting(ss, 'Actual years', -1), 'Actual years must be a whole number of years, 0 or more (not "-1")'],
    ['a reserve band maximum with no minimum', (ss) => setSetting(ss, 'General reserve band min %', null), 'General reserve band min % is blank: a general reserve band needs its minimum'],
    ['the organisation left blank', (ss) => setSetting(ss, 'Organisation', ' '), 'Organisation is blank: the tables need it'],
    ['a total label typed as TRUE', (ss) => setSetting(ss, 'Revenue total label', true), 'the revenue total label must be text (not TRUE)'],
  ];
  it('a capital table of memo and externally funded lines only (no programme): refused at the table\'s header, not passed to the build', () => {
    const ss = sheets();
    const cap = sheet(ss, 'Capital input');
    const [hr, hc] = find(cap, 'Type');
    for (let r = hr + 1; r < cap.values.length; r++) if (cap.values[r]?.[hc]) cap.values[r][hc] = 'Memo';
    assert.deepEqual(errorsOf(ss), [{ where: `'Capital input'!${String.fromCharCode(65 + hc)}${hr + 1}`, message: 'the CapitalLines table has no Scheme or Single-line category row: Table 2 needs at least one (externally funded and memo lines are printed beside the programme)' }]);
  });
  for (const [what, set, message] of cases) {
    it(`${what}: "${message}" at the cell`, () => {
      const ss = sheets();
      const where = set(ss);
      assert.deepEqual(errorsOf(ss), [{ where, message }]);
    });
  }
});

describe('no schema text reaches a user', () => {
  it('every setting given junk, every heading blanked: each error in finance words', () => {
    const ss = sheets();
    const s = sheet(ss, 'Outturn settings');
    const [hr, hc] = find(s, 'Setting');
    for (let r = hr + 1; r < s.values.length && s.values[r]?.[hc]; r++) s.values[r][hc + 1] = 'x';
    const errs = errorsOf(ss);
    assert.ok(errs.length >= 10, JSON.stringify(errs));
    for (const e of errs) assert.doesNotMatch(e.message, SCHEMA_TEXT, `${e.where}: ${e.message}`);
  });

  // One document per kind of schema check, each at its path.
  const clone = () => JSON.parse(JSON.stringify(DOC)) as any;
  const cases: [string, (d: any) => void, string, RegExp][] = [
    ['pattern: a year', (d) => { d.financialYear = '2020-21'; }, '$.financialYear', /^write the financial year as 2020\/21 \(not "2020-21"\)$/],
    ['pattern: a font', (d) => { d.publishing = { font: '<script>' }; }, '$.publishing.font', /^the font is a font's name: letters, digits, spaces and hyphens/],
    ['minLength: a budget heading', (d) => { d.revenue.sections[0].lines[0].label = ''; }, '$.revenue.sections[0].lines[0].label', /^the budget heading is blank$/],
    ['minLength: the organisation', (d) => { d.organisation = ''; }, '$.organisation', /^the organisation's name is blank$/],
    ['maxLength: a scheme', (d) => { d.capital.categories[0].schemes[0].label = 's'.repeat(256); }, '$.capital.categories[0].schemes[0].label', /^the scheme is longer than 255 characters \(it has 256\): shorten it$/],
    ['type: a label as a number', (d) => { d.reserves.reserves[0].label = 7; }, '$.reserves.reserves[0].label', /^the reserve must be text \(not 7\)$/],
    ['type: actual years as text', (d) => { d.reserves.actualYears = 'two'; }, '$.reserves.actualYears', /^the reserves number of actual years must be a whole number \(not "two"\)$/],
    ['minimum: actual years', (d) => { d.reserves.actualYears = -1; }, '$.reserves.actualYears', /must be at least 0 \(not -1\)$/],
    ['maximum: decimals', (d) => { d.revenue.decimals = 4; }, '$.revenue.decimals', /^the revenue decimal places must be at most 3 \(not 4\)$/],
    ['minItems: no sections', (d) => { d.revenue.sections = []; }, '$.revenue.sections', /give at least one$/],
    ['uniqueItems: a column twice', (d) => { d.revenue.columnOrder = ['outturn', 'revised', 'outturn']; }, '$.revenue.columnOrder', /^the revenue column order lists the same entry twice \(items 1 and 3\)$/],
    ['minProperties: an empty threshold', (d) => { d.revenue.varianceThreshold = {}; }, '$.revenue.varianceThreshold', /is empty: give at least one of its settings$/],
    ['type: a group of fields as a list', (d) => { d.revenue = []; }, '$.revenue', /must be a group of fields$/],
  ];
  for (const [what, change, where, message] of cases) {
    it(`${what}: said at ${where}`, () => {
      const d = clone();
      change(d);
      let errs: InputError[] = [];
      try {
        toModel(d);
      } catch (e) {
        if (!(e instanceof InvalidInput)) throw e;
        errs = e.errors;
      }
      const at = errs.filter((e) => e.where === where);
      assert.equal(at.length, 1, JSON.stringify(errs));
      assert.match(at[0].message, message);
      for (const e of errs) assert.doesNotMatch(e.message, SCHEMA_TEXT, `${e.where}: ${e.message}`);
    });
  }

  it('money given as a JSON fraction says it is a fraction and shows it as typed, with the path', () => {
    const text = JSON.stringify(DOC, null, 1).replace(/"outturn": "([0-9.]+)"/, '"outturn": 1.10');
    assert.throws(() => toModel(parseJsonText(text)), (e: unknown) => e instanceof InvalidInput
      && e.errors.length === 1 && e.errors[0].where === '$.revenue.sections[0].lines[0].outturn'
      && /^must be money: a decimal string \("1\.10"\) or a whole number — 1\.10 is a fraction written as a JSON number/.test(e.errors[0].message));
  });

  it('a 17-digit whole number is refused with its digits as typed, not as JSON rounds them', () => {
    const text = JSON.stringify(DOC, null, 1).replace(/"outturn": "([0-9.]+)"/, '"outturn": 12345678901234567');
    assert.throws(() => toModel(parseJsonText(text)), (e: unknown) => e instanceof InvalidInput
      && e.errors[0].where === '$.revenue.sections[0].lines[0].outturn'
      && e.errors[0].message.startsWith('12345678901234567 has 17 digits, more than a spreadsheet keeps (15 significant digits; as a JSON number it would be read as 12345678901234568)'));
  });

  it('a result file Outturn wrote, given as an input, is said to be one (by its format id, or its shape without one)', () => {
    const r = build(toModel(DOC));
    const result = resultJson(r, makePlan(r)) as unknown as Record<string, unknown>;
    const say = /^this is a result file Outturn wrote \(outturn\/v1-result: the finished tables\), not an input/;
    for (const doc of [result, { ...result, format: undefined }]) {
      assert.throws(() => toModel(JSON.parse(JSON.stringify(doc))), (e: unknown) => e instanceof InvalidInput
        && e.errors.length === 1 && e.errors[0].where === '$.format' && say.test(e.errors[0].message));
    }
  });
});

