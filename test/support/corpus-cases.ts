// The bad-input corpus. Every case names the place its message must give. Exit 2 cases must write
// nothing; the few exit 1 cases are readable inputs whose figures are wrong (a finding at a cell).
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { type Case, type Doc, jsonCase, rawCase, sheet, workbookCase } from './corpus-harness';

const L0 = (d: Doc) => d.revenue.sections[0].lines[0];
const LINE0 = '$.revenue.sections[0].lines[0]';
const REV = 'Revenue input';
const CAP = 'Capital input';
const RES = 'Reserves input';
const SET = 'Outturn settings';
const q = (s: string) => `'${s}'`;

/** Sets a cell of a template sheet (1-based row, column letter). */
const put = (name: string, addr: string, value: ExcelJS.CellValue) => (wb: ExcelJS.Workbook) => {
  sheet(wb, name).getCell(addr).value = value;
};

// The input templates put each table's header on row 3 and its first data row on row 4.
// Revenue input: A Section, B Sub-total label, C Budget heading, D Ref, E Original, F Revised, G Outturn;
// I Type, J Label, K Amount, L Reserve. Settings: A Setting, B Value (Financial year on row 5).

export const JSON_CASES: Case[] = [
  // --- not JSON, or not an object ---
  rawCase('syntax error: a missing comma, placed by line and column', 'input.json', '{\n  "format": "outturn/v1"\n  "organisation": "x"\n}\n', { code: 2, where: 'input.json:3:3', says: /not valid JSON/ }),
  rawCase('a trailing comma', 'input.json', '{"format": "outturn/v1",}', { code: 2, where: /input\.json:1:\d+/, says: /not valid JSON/ }),
  rawCase('NaN is not JSON', 'input.json', '{"format": "outturn/v1", "organisation": NaN}', { code: 2, where: /input\.json:1:\d+/, says: /not valid JSON/ }),
  rawCase('an empty file', 'input.json', '', { code: 2, where: 'input.json', says: /not valid JSON|empty/ }),
  rawCase('only whitespace and a BOM', 'input.json', '\ufeff  \r\n', { code: 2, where: 'input.json', says: /not valid JSON|empty/ }),
  rawCase('null instead of a document', 'input.json', 'null', { code: 2, where: '$', says: /: the document must be a group of fields/ }),
  rawCase('an array instead of a document', 'input.json', '[{"format": "outturn/v1"}]', { code: 2, where: '$', says: /: the document must be a group of fields/ }),
  rawCase('UTF-16 text (a BOM FF FE)', 'input.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"format":"outturn/v1"}', 'utf16le')]), { code: 2, where: 'input.json', says: /UTF-8/ }),
  rawCase('bytes that are not UTF-8 inside a label (Latin-1 é)', 'input.json', Buffer.concat([Buffer.from('{"format":"outturn/v1",\n"organisation":"Derby'), Buffer.from([0xe9]), Buffer.from('","financialYear":"2020/21"}')]), { code: 2, where: 'input.json:2:22', says: /not UTF-8/ }),
  rawCase('nested 100,000 deep', 'input.json', `{"format":"outturn/v1","organisation":"x","financialYear":"2020/21","revenue":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, { code: 2, where: '$.revenue[0][0]', says: /nested more than/ }),

  // --- the format and the required fields ---
  jsonCase('the wrong format tag', (d) => { d.format = 'outturn/v2'; }, { code: 2, where: '$.format', says: /outturn\/v1/ }),
  jsonCase('no format tag', (d) => { delete d.format; }, { code: 2, where: '$.format', says: /required/ }),
  jsonCase('no organisation', (d) => { delete d.organisation; }, { code: 2, where: '$.organisation', says: /required/ }),
  jsonCase('no tables at all', (d) => ({ format: d.format, organisation: d.organisation, financialYear: d.financialYear }), { code: 2, where: '$', says: /no table/ }),
  jsonCase('a revenue line without its outturn', (d) => { delete L0(d).outturn; }, { code: 2, where: `${LINE0}.outturn`, says: /required/ }),
  jsonCase('a reserve without its opening balance', (d) => { delete d.reserves.reserves[3].opening; }, { code: 2, where: '$.reserves.reserves[3].opening', says: /required/ }),

  // --- unknown fields (typos must not pass) ---
  jsonCase('a misspelt top-level field', (d) => { d.revenu = d.revenue; }, { code: 2, where: '$.revenu', says: /unknown field/ }),
  jsonCase('a misspelt field on a line', (d) => { L0(d).outurn = '1'; }, { code: 2, where: `${LINE0}.outurn`, says: /unknown field/ }),
  jsonCase('a misspelt flow field', (d) => { d.reserves.reserves[1].flows[0].transfer = '5'; }, { code: 2, where: '$.reserves.reserves[1].flows[0].transfer', says: /unknown field/ }),
  jsonCase('a field with a space in its name', (d) => { d.capital['next year'] = '2021/22'; }, { code: 2, where: '$.capital["next year"]', says: /unknown field/ }),

  // --- wrong types ---
  jsonCase('money as a fractional JSON number', (d) => { L0(d).outturn = 2970646.5; }, { code: 2, where: `${LINE0}.outturn`, says: /decimal string/ }),
  jsonCase('money as an integer beyond exact JSON numbers', (d) => { L0(d).outturn = 12345678901234567890; }, { code: 2, where: `${LINE0}.outturn`, says: /decimal string|beyond/ }),
  jsonCase('money as true', (d) => { L0(d).revisedBudget = true; }, { code: 2, where: `${LINE0}.revisedBudget`, says: /money/ }),
  jsonCase('money as null', (d) => { L0(d).originalBudget = null; }, { code: 2, where: `${LINE0}.originalBudget`, says: /money/ }),
  jsonCase('money as an object', (d) => { d.capital.categories[0].schemes[0].outturn = { value: '60' }; }, { code: 2, where: '$.capital.categories[0].schemes[0].outturn', says: /money/ }),
  jsonCase('a label as a number', (d) => { L0(d).label = 42; }, { code: 2, where: `${LINE0}.label`, says: /: the budget heading must be text \(not 42\)/ }),
  jsonCase('sections as an object, not a list', (d) => { d.revenue.sections = { lines: [] }; }, { code: 2, where: '$.revenue.sections', says: /: the sections must be a list/ }),
  jsonCase('actualYears as text', (d) => { d.reserves.actualYears = '1'; }, { code: 2, where: '$.reserves.actualYears', says: /integer|number/ }),

  // --- text in number fields ---
  jsonCase('thousands separators in money', (d) => { L0(d).outturn = '2,970,646'; }, { code: 2, where: `${LINE0}.outturn`, says: /money/ }),
  jsonCase('a pound sign in money', (d) => { L0(d).outturn = '£2970646'; }, { code: 2, where: `${LINE0}.outturn`, says: /money/ }),
  jsonCase('brackets for a negative in money', (d) => { d.revenue.sections[1].lines[0].outturn = '(100)'; }, { code: 2, where: '$.revenue.sections[1].lines[0].outturn', says: /money/ }),
  jsonCase('the Unicode minus in money', (d) => { L0(d).outturn = '\u22122970646'; }, { code: 2, where: `${LINE0}.outturn`, says: /money/ }),
  jsonCase('an exponent in money', (d) => { L0(d).outturn = '2.97e6'; }, { code: 2, where: `${LINE0}.outturn`, says: /money/ }),
  jsonCase('a no-break space inside money', (d) => { L0(d).outturn = '2\u00a0970\u00a0646'; }, { code: 2, where: `${LINE0}.outturn`, says: /money/ }),
  jsonCase('words in money', (d) => { d.reserves.reserves[0].opening = 'five million'; }, { code: 2, where: '$.reserves.reserves[0].opening', says: /money/ }),
  jsonCase('a percentage band in words', (d) => { d.reserves.generalReserveBand.max = 'five'; }, { code: 2, where: '$.reserves.generalReserveBand.max', says: /percentage/ }),

  // --- more than 15 significant digits ---
  jsonCase('16 significant digits of pounds', (d) => { L0(d).outturn = '1234567890123456'; }, { code: 2, where: `${LINE0}.outturn`, says: /15 significant digits/ }),
  jsonCase('16 significant digits with pence', (d) => { d.capital.categories[1].schemes[0].revisedBudget = '12345678901234.56'; }, { code: 2, where: '$.capital.categories[1].schemes[0].revisedBudget', says: /15 significant digits/ }),
  jsonCase('a fraction of a penny carried to 20 places', (d) => { d.reserves.reserves[2].opening = '1194314.00000000000000000001'; }, { code: 2, where: '$.reserves.reserves[2].opening', says: /15 significant digits/ }),

  // --- labels ---
  jsonCase('a revenue heading used twice', (d) => { d.revenue.sections[0].lines[1].label = L0(d).label; }, { code: 2, where: '$.revenue.sections[0].lines[1].label', says: /used twice/ }),
  jsonCase('a reserve named twice', (d) => { d.reserves.reserves[4].label = d.reserves.reserves[3].label; }, { code: 2, where: '$.reserves.reserves[4].label', says: /used twice/ }),
  jsonCase('a capital scheme named twice across categories', (d) => { d.capital.categories[1].schemes[0].label = d.capital.categories[0].schemes[0].label; }, { code: 2, where: '$.capital.categories[1].schemes[0].label', says: /used twice/ }),
  jsonCase('a heading named like the total', (d) => { L0(d).label = d.revenue.totalLabel; }, { code: 2, where: /\$\.revenue(\.sections\[0\]\.lines\[0\])?\.label|\$\.revenue\.totalLabel/, says: /used twice/ }),
  jsonCase('an empty label', (d) => { L0(d).label = ''; }, { code: 2, where: `${LINE0}.label`, says: /: the budget heading is blank/ }),
  jsonCase('a label of 300 characters', (d) => { L0(d).label = 'x'.repeat(300); }, { code: 2, where: `${LINE0}.label`, says: /more than 255|characters/ }),

  // --- empty tables ---
  jsonCase('no revenue sections', (d) => { d.revenue.sections = []; }, { code: 2, where: '$.revenue.sections', says: /fewer than 1|at least|empty/ }),
  jsonCase('a section with no lines', (d) => { d.revenue.sections[1].lines = []; }, { code: 2, where: '$.revenue.sections[1].lines', says: /fewer than 1|at least|empty/ }),
  jsonCase('no capital categories', (d) => { d.capital.categories = []; }, { code: 2, where: '$.capital.categories', says: /fewer than 1|at least|empty/ }),
  jsonCase('a category with no schemes', (d) => { d.capital.categories[0].schemes = []; }, { code: 2, where: '$.capital.categories[0]', says: /fewer than 1|at least|schemes|empty/ }),
  jsonCase('no reserves', (d) => { d.reserves.reserves = []; }, { code: 2, where: '$.reserves.reserves', says: /fewer than 1|at least|empty/ }),
  jsonCase('no years', (d) => { d.reserves.years = []; }, { code: 2, where: '$.reserves.years', says: /fewer than 1|at least|empty/ }),

  // --- years that do not line up ---
  jsonCase('a financial year whose halves do not follow', (d) => { d.financialYear = '2020/22'; }, { code: 2, where: '$.financialYear', says: /not a financial year/ }),
  jsonCase('a financial year written with a dash', (d) => { d.financialYear = '2020-21'; }, { code: 2, where: '$.financialYear', says: /pattern|YYYY\/YY|year/ }),
  jsonCase('the capital year is not the financial year', (d) => { d.capital.year = '2019/20'; d.capital.nextYear = '2020/21'; }, { code: 2, where: '$.capital.year', says: /not the financial year/ }),
  jsonCase('the capital next year does not follow', (d) => { d.capital.nextYear = '2022/23'; }, { code: 2, where: '$.capital.nextYear', says: /does not follow/ }),
  jsonCase('reserve years with a gap', (d) => { d.reserves.years[2] = '2023/24'; d.reserves.years[3] = '2024/25'; }, { code: 2, where: '$.reserves.years[2]', says: /consecutive/ }),
  jsonCase('reserve years out of order', (d) => { d.reserves.years = ['2020/21', '2022/23', '2021/22', '2023/24']; }, { code: 2, where: '$.reserves.years[1]', says: /consecutive/ }),
  jsonCase('more actual years than years', (d) => { d.reserves.actualYears = 5; }, { code: 2, where: '$.reserves.actualYears', says: /only 4 years/ }),
  jsonCase('the last actual year is not the financial year', (d) => { d.reserves.years = ['2019/20', '2020/21', '2021/22', '2022/23']; d.reserves.actualYears = 1; }, { code: 2, where: '$.reserves.years[0]', says: /not the financial year/ }),
  jsonCase('more flows than years', (d) => { d.reserves.reserves[1].flows = [{}, {}, {}, {}, {}]; }, { code: 2, where: '$.reserves.reserves[1].flows', says: /at most one per year/ }),

  // --- enumerations ---
  jsonCase('units as GBP', (d) => { d.revenue.units = 'GBP'; }, { code: 2, where: '$.revenue.units', says: /: the revenue units must be "£", "£'000" or "£m" \(not "GBP"\)/ }),
  jsonCase('an unknown rounding policy', (d) => { d.rounding = 'bankers'; }, { code: 2, where: '$.rounding', says: /must be "round-then-sum" or "round-each" \(not "bankers"\)/ }),
  jsonCase('an unknown reserve class', (d) => { d.reserves.reserves[2].class = 'usable'; }, { code: 2, where: '$.reserves.reserves[2].class', says: /must be "general", "useable" or "non-useable" \(not "usable"\)/ }),
  jsonCase('an unknown reserve category', (d) => { d.reserves.reserves[2].category = 'earmarked'; }, { code: 2, where: '$.reserves.reserves[2].category', says: /must be "mtfp", "beyond-mtfp" or "contingency" \(not "earmarked"\)/ }),
  jsonCase('a policy band upside down', (d) => { d.reserves.generalReserveBand = { min: '5', max: '2' }; }, { code: 2, where: '$.reserves.generalReserveBand', says: /above max/ }),
  jsonCase('a negative policy band', (d) => { d.reserves.generalReserveBand.min = '-1'; }, { code: 2, where: '$.reserves.generalReserveBand.min', says: /percentage/ }),

  // --- readable, but the figures are wrong: exit 1 with a finding at its cell ---
  jsonCase('transfers between reserves that do not net to nil', (d) => { d.reserves.reserves[1].flows[0].transfers = '217101'; }, { code: 1, where: /'Table 3 Reserves'!\$?[A-Z]+\$?\d+/, says: /transfers?.*(net|nil)/i }),
  jsonCase('an earmarked underspend naming a reserve that is not there', (d) => { d.revenue.earmarked[0].reserve = 'Covid Reserve'; }, { code: 1, where: /'Table 1 Revenue'!\$?[A-Z]+\$?\d+/, says: /not in Table 3/ }),

  // --- huge inputs: fail cleanly, with a message of a sane size ---
  rawCase('a 50 MB organisation name', 'input.json', (dir) => {
    const d = JSON.parse(JSON.stringify({ format: 'outturn/v1', organisation: 'x'.repeat(50 * 2 ** 20), financialYear: '2020/21' }));
    d.reserves = { units: '£', years: ['2020/21'], reserves: [{ label: 'General', class: 'general', opening: '1' }] };
    writeFileSync(join(dir, 'input.json'), JSON.stringify(d));
  }, { code: 2, where: '$.organisation', says: /the most Outturn accepts in one field is 1,000/ }),
  rawCase('a 50 MB amount', 'input.json', (dir) => {
    const d = { format: 'outturn/v1', organisation: 'x', financialYear: '2020/21', reserves: { units: '£', years: ['2020/21'], reserves: [{ label: 'General', class: 'general', opening: '9'.repeat(50 * 2 ** 20) }] } };
    writeFileSync(join(dir, 'input.json'), JSON.stringify(d));
  }, { code: 2, where: '$.reserves.reserves[0].opening', says: /15 significant digits|too long|characters/ }),
  rawCase('a file larger than the input limit (sparse, 300 MB)', 'input.json', (dir) => {
    const fd = openSync(join(dir, 'input.json'), 'w');
    ftruncateSync(fd, 300 * 2 ** 20);
    closeSync(fd);
  }, { code: 2, where: 'input.json', says: /larger than|too large/ }),
  rawCase('a million revenue lines (a valid but enormous table)', 'input.json', (dir) => {
    const lines = Array.from({ length: 1_000_000 }, (_, i) => ({ label: `H${i}`, originalBudget: '1', revisedBudget: '1', outturn: '1' }));
    writeFileSync(join(dir, 'input.json'), JSON.stringify({ format: 'outturn/v1', organisation: 'x', financialYear: '2020/21', revenue: { units: '£', totalLabel: 'TOTAL', sections: [{ lines }] } }));
  }, { code: 2, where: '$.revenue.sections', says: /1,000,000 revenue lines: a table has at most 10,000/ }),
];

// --- the command line itself ---
export const CLI_CASES: Case[] = [
  rawCase('an input that does not exist', 'absent.json', () => undefined, { code: 2, where: 'absent.json', says: /no such file/ }, 'cli'),
  rawCase('an input of another kind (.csv to build)', 'input.csv', 'a,b\n1,2\n', { code: 2, where: 'input.csv', says: /\.json|\.xlsx/ }, 'cli'),
  rawCase('a folder named like an input', 'folder.json', (dir) => mkdirSync(join(dir, 'folder.json')), { code: 2, where: 'folder.json', says: /not a file|folder|directory/ }, 'cli'),
  {
    ...rawCase('an output that is not .xlsx', 'input.json', JSON.stringify({}), { code: 2, where: /out\.txt/, says: /\.xlsx/ }, 'cli'),
    write: (dir) => { writeFileSync(join(dir, 'input.json'), require('node:fs').readFileSync(require('./corpus-harness').EXAMPLE_JSON)); return join(dir, 'input.json'); },
    args: (input, out) => ['build', input, '-o', out.replace(/\.xlsx$/, '.txt')],
  },
  {
    ...rawCase('an output file the user made is left alone', 'input.json', '', { code: 2, where: /mine\.xlsx/, says: /left alone/ }, 'cli'),
    write: (dir) => {
      writeFileSync(join(dir, 'mine.xlsx'), 'the user\'s own work');
      writeFileSync(join(dir, 'input.json'), require('node:fs').readFileSync(require('./corpus-harness').EXAMPLE_JSON));
      return join(dir, 'input.json');
    },
    args: (input) => ['build', input, '-o', join(input, '..', 'mine.xlsx')],
    keep: ['mine.xlsx'],
  },
  {
    ...rawCase('an unknown rounding option', 'input.json', '', { code: 2, where: /--rounding/, says: /round-then-sum/ }, 'cli'),
    write: (dir) => { writeFileSync(join(dir, 'input.json'), require('node:fs').readFileSync(require('./corpus-harness').EXAMPLE_JSON)); return join(dir, 'input.json'); },
    args: (input, out) => ['build', input, '-o', out, '--rounding', 'up'],
  },
];

// --- input workbooks (the templates), broken in the ways spreadsheets break ---
export const WORKBOOK_CASES: Case[] = [
  workbookCase('text in a number cell', put(REV, 'G4', 'about 3m'), { code: 2, where: `${q(REV)}!G4`, says: /not an amount/ }),
  workbookCase('a formula with no cached value', put(REV, 'F5', { formula: 'E5*1.1' } as ExcelJS.CellValue), { code: 2, where: `${q(REV)}!F5`, says: /formula with no calculated value/ }),
  workbookCase('a #REF! error in an input cell', put(REV, 'E6', { error: '#REF!' } as ExcelJS.CellValue), { code: 2, where: `${q(REV)}!E6`, says: /#REF!/ }),
  workbookCase('a formula whose cached result is #DIV/0!', put(CAP, 'G5', { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue), { code: 2, where: `${q(CAP)}!G5`, says: /#DIV\/0!/ }),
  workbookCase('TRUE in a number cell', put(RES, 'D5', true), { code: 2, where: `${q(RES)}!D5`, says: /TRUE/ }),
  workbookCase('a date in a number cell', (wb) => { const c = sheet(wb, REV).getCell('E4'); c.value = new Date(Date.UTC(2021, 2, 31)); c.style = { ...c.style, numFmt: 'dd/mm/yyyy' }; }, { code: 2, where: `${q(REV)}!E4`, says: /not an amount/ }),
  workbookCase('a percentage in a money cell', put(REV, 'K4', '5%'), { code: 2, where: `${q(REV)}!K4`, says: /percentage/ }),
  workbookCase('a money column formatted as dates (numbers too large for a date)', (wb) => { const ws = sheet(wb, REV); for (const a of ['F4', 'F5']) { const c = ws.getCell(a); c.style = { ...c.style, numFmt: 'dd/mm/yyyy' }; } }, { code: 2, where: `${q(REV)}!F4`, says: /formatted as a date/ }),
  workbookCase('16 significant digits typed as text', put(REV, 'G4', '1234567890123456'), { code: 2, where: `${q(REV)}!G4`, says: /15 significant digits/ }),
  workbookCase('two negative signs', put(REV, 'G4', '(-1,234)'), { code: 2, where: `${q(REV)}!G4`, says: /not an amount/ }),
  workbookCase('irregular thousands grouping', put(REV, 'G4', '2,97,0646'), { code: 2, where: `${q(REV)}!G4`, says: /not an amount/ }),
  workbookCase('merged cells inside the revenue table', (wb) => { sheet(wb, REV).mergeCells('E7:F7'); }, { code: 2, where: `${q(REV)}!E7`, says: /merged/ }),
  workbookCase('merged cells across two rows of the capital table', (wb) => { sheet(wb, CAP).mergeCells('B4:B5'); }, { code: 2, where: `${q(CAP)}!B4`, says: /merged/ }),
  workbookCase('a wrong column header', put(REV, 'F3', 'Budget (revised)'), { code: 2, where: `${q(REV)}!F3`, says: /should be headed "Revised budget"/ }),
  workbookCase('the settings sheet is missing', (wb) => { wb.removeWorksheet(sheet(wb, SET).id); }, { code: 2, where: 'input.xlsx', says: /no "Outturn settings" sheet/ }),
  workbookCase('the reserves sheet is there but its table is not', (wb) => { const ws = sheet(wb, RES); ws.getCell('A3').value = 'Name'; }, { code: 2, where: new RegExp(`${q(RES)}!A\\d`), says: /ReserveLines/ }),
  workbookCase('an unknown setting', put(SET, 'A4', 'Finacial year'), { code: 2, where: `${q(SET)}!A4`, says: /unknown setting/ }),
  workbookCase('a financial year that does not line up', put(SET, 'B5', '2020/22'), { code: 2, where: `${q(SET)}!B5`, says: /not a financial year/ }),
  workbookCase('reserve years with a gap', (wb) => { const ws = sheet(wb, SET); ws.eachRow((row) => { if (row.getCell(1).value === 'Reserve years') row.getCell(2).value = '2020/21, 2021/22, 2023/24, 2024/25'; }); }, { code: 2, where: new RegExp(`${q(SET)}!B\\d+|${q(RES)}!K3`), says: /consecutive|should be headed "Movement 2023\/24"/ }),
  workbookCase('a revenue heading used twice', (wb) => { const ws = sheet(wb, REV); ws.getCell('C5').value = ws.getCell('C4').value; }, { code: 2, where: `${q(REV)}!C5`, says: /used twice/ }),
  workbookCase('an unknown capital line type', put(CAP, 'A6', 'Project'), { code: 2, where: `${q(CAP)}!A6`, says: /type must be/ }),
  workbookCase('an unknown reserve class', put(RES, 'B6', 'spendable'), { code: 2, where: `${q(RES)}!B6`, says: /must be "general", "useable" or "non-useable" \(not "spendable"\)/ }),
  // Issue 11: an empty input table means "no such table"; the other tables are built.
  workbookCase('an empty revenue table (headers, no rows): no revenue table, the others built', (wb) => { const ws = sheet(wb, REV); for (let r = 4; r <= ws.rowCount; r++) for (let c = 1; c <= 7; c++) ws.getCell(r, c).value = null; }, { code: 0, where: new RegExp(`${q(REV)}!A[34]`), says: /RevenueLines table is empty: no revenue table is built/ }),
  workbookCase('a blank row inside a table, with rows after it', (wb) => { const ws = sheet(wb, REV); for (let c = 1; c <= 7; c++) ws.getCell(8, c).value = null; }, { code: 2, where: `${q(REV)}!A8`, says: /blank row/ }),
  workbookCase('transfers that do not net, typed in the reserves table', (wb) => { const ws = sheet(wb, RES); ws.getCell('F5').value = 217101; }, { code: 1, where: /'Table 3 Reserves'!\$?[A-Z]+\$?\d+/, says: /transfers?.*(net|nil)/i }),
  workbookCase('hidden rows in the revenue table are read, and noted', (wb) => { sheet(wb, REV).getRow(6).hidden = true; }, { code: 0, where: `${q(REV)}!A6`, says: /hidden/ }),
  {
    group: 'workbook',
    name: 'not a workbook at all (text named .xlsx)',
    write: (dir) => { writeFileSync(join(dir, 'input.xlsx'), 'Heading,Amount\nPremises,100\n'); return join(dir, 'input.xlsx'); },
    expect: { code: 2, where: 'input.xlsx', says: /not a readable xlsx workbook/ },
  },
  {
    group: 'workbook',
    name: 'an empty file named .xlsx',
    write: (dir) => { writeFileSync(join(dir, 'input.xlsx'), ''); return join(dir, 'input.xlsx'); },
    expect: { code: 2, where: 'input.xlsx', says: /not a readable xlsx workbook/ },
  },
];

// --- audit inputs: tables taken out of a PDF as CSV/TSV (outturn audit) ---
const T1 = readFileSync(join(__dirname, '..', 'fixtures', 'derbyshire-2020-21', 'table1-revenue-outturn.tsv'), 'utf8');
const audit = (name: string, file: string, content: string | Buffer | ((dir: string) => void), expect: Case['expect']): Case => ({
  ...rawCase(name, file, content, expect, 'audit'),
  args: (input) => ['audit', input],
});
const AUDITED = /Audited 1 table\(s\) in table1\.(tsv|csv).*revenue/;
export const AUDIT_CASES: Case[] = [
  audit('Table 1 with a BOM and Windows line endings is read as printed', 'table1.tsv', `\ufeff${T1.replace(/\n/g, '\r\n')}`, { code: 0, where: AUDITED, says: /the tables cast/ }),
  audit('the Unicode minus for a negative', 'table1.tsv', T1.replace('(325,278)', '\u2212325,278'), { code: 0, where: AUDITED, says: /the tables cast/ }),
  audit('no-break spaces as thousands separators', 'table1.tsv', T1.replace(/3,295,924/g, '3\u00a0295\u00a0924'), { code: 0, where: AUDITED, says: /the tables cast/ }),
  audit('as CSV, with quoted figures', 'table1.csv', T1.split('\n').map((l) => l.split('\t').map((c) => (/[,"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'), { code: 0, where: AUDITED, says: /the tables cast/ }),
  audit('an unreadable cell', 'table1.tsv', T1.replace('2,970,646', '2,97O,646'), { code: 2, where: /row 2, column outturn|row 2.*outturn/i, says: /unreadable|not a number/i }),
  audit('a total that does not cast', 'table1.tsv', T1.replace('3,295,924\t3,295,924\t2,970,646', '3,295,924\t3,295,924\t2,970,647'), { code: 1, where: /row \d+, column/, says: /error|warning/ }),
  audit('an empty file', 'table1.tsv', '', { code: 2, where: 'table1.tsv', says: /the file is empty/ }),
  // Excel's "Unicode text" is UTF-16 with a byte-order mark: read as such (issue #10; it was refused before).
  audit('UTF-16 text (Excel\'s "Unicode text")', 'table1.tsv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(T1, 'utf16le')]), { code: 0, where: AUDITED, says: /the tables cast/ }),
  // UK Excel saves CSV in Windows-1252: £ is the byte 0xA3.
  audit('a TSV saved by UK Excel in Windows-1252 (£ as the byte 0xA3)', 'table1.tsv', Buffer.from(T1.replace('original_budget', 'original_budget £'), 'latin1'), { code: 0, where: /read as Windows-1252/, says: /the tables cast/ }),
  audit('semicolon-separated with decimal commas', 'table1.csv', T1.split('\n').map((l) => l.split('\t').map((c) => c.replace(/,/g, '.')).join(';')).join('\n'), { code: 0, where: /semicolon-separated with decimal commas|semicolon-separated/, says: /the tables cast/ }),
  audit('a file larger than the input limit (sparse, 300 MB)', 'table1.csv', (dir) => {
    const fd = openSync(join(dir, 'table1.csv'), 'w');
    ftruncateSync(fd, 300 * 2 ** 20);
    closeSync(fd);
  }, { code: 2, where: 'table1.csv', says: /larger than|too large/ }),
  audit('a file of another kind', 'table1.docx', 'PK\u0003\u0004', { code: 2, where: 'table1.docx', says: /\.xlsx, \.csv or \.tsv/ }),
  // a report the audit reads (PDF) that is damaged: refused, named, in words
  audit('a damaged PDF report', 'report.pdf', '%PDF-1.4', { code: 2, where: 'report.pdf', says: /not a PDF that can be read/ }),
];

export const ALL_CASES: Case[] = [...JSON_CASES, ...CLI_CASES, ...WORKBOOK_CASES, ...AUDIT_CASES];
