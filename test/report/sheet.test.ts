// The sheet the task pane's "Audit a report…" writes (src/report/sheet.ts): the report's tables with
// labels as text and figures as numbers in their printed places, titles naming page and table, the
// finding cells marked, the quoted figures listed; and a new name that never takes an existing sheet.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { a1 } from '../../src/base/a1';
import { auditReport } from '../../src/report/audit-report';
import { readHtmlReport } from '../../src/report/html';
import { cellRefOf, reportAuditSheet, reportSheetName } from '../../src/report/sheet';
import { readTextReport } from '../../src/report/text';

const HTML = join(__dirname, '..', '..', 'examples', 'derbyshire-2020-21-finance-section.html');

describe('report audit: the sheet of tables read (src/report/sheet.ts)', () => {
  it('names the new sheet from the file, as Excel allows, never taking a sheet that exists', () => {
    const none = () => false;
    assert.equal(reportSheetName('derbyshire-2020-21-finance-section.pdf', none), 'Audit derbyshire-2020-21-financ');
    assert.equal(reportSheetName('Q3 [draft]: reserves?.html', none), 'Audit Q3 draft reserves');
    assert.equal(reportSheetName("'quoted'.pdf", none), "Audit 'quoted");
    const taken = new Set(['audit report', 'audit report (2)']);
    assert.equal(reportSheetName('report.pdf', (n) => taken.has(n.toLowerCase())), 'Audit report (3)');
    const long = reportSheetName('a-very-long-file-name-for-a-committee-paper.pdf', (n) => n === 'Audit a-very-long-file-name-for');
    assert.equal(long, 'Audit a-very-long-file-name (2)');
    assert.ok(long.length <= 31);
  });

  it('writes labels as text and figures as numbers in their printed places; headers stay text', () => {
    const doc = readTextReport([
      'The net underspend was £0.371m, 12.5% of the budget.',
      '',
      '| Heading | 2021 | 2022 | Change |',
      '|---|---|---|---|',
      '| Pay | 1,000 | 1,200.50 | 20.0% |',
      '| Non-pay | (250) | - | 2.5% |',
      '| Total | 750 | 1,200.50 | |',
    ].join('\n'), 'q.md');
    const r = auditReport(doc);
    const { sheet, places } = reportAuditSheet(r, 'Audit q');
    const p = places[r.tables[0].where];
    const at = (row: number, col: number) => sheet.cells[p.row0 + row - 1][p.col0 + col - 1];
    const format = (row: number, col: number) => sheet.numberFormats.find((f) => f.range === a1(p.row0 + row - 1, p.col0 + col - 1))?.format;
    assert.deepEqual(at(1, 2), { t: 's', v: '2021' }, 'a year in the header is text, not the number 2,021');
    assert.deepEqual(at(2, 1), { t: 's', v: 'Pay' });
    assert.deepEqual(at(2, 2), { t: 'n', v: '1000' });
    assert.equal(format(2, 2), 'money0');
    assert.deepEqual(at(2, 3), { t: 'n', v: '1200.5' });
    assert.equal(format(2, 3), 'money2');
    assert.deepEqual(at(2, 4), { t: 'n', v: '0.2' });
    assert.equal(format(2, 4), 'percent1');
    assert.deepEqual(at(3, 2), { t: 'n', v: '-250' });
    assert.deepEqual(at(3, 3), { t: 'n', v: '0' }, 'a dash is nil');
    assert.equal(cellRefOf('Audit q', places, r.tables[0].where, 3, 2), `'Audit q'!${a1(p.row0 + 2, 1)}`);
    assert.equal(sheet.cells[p.row0 - 1][0]?.t, 's', 'a title row above the table');
  });

  it('the Derbyshire finance section: titles by page and table, every Table 3 difference marked at its cell, the quoted figures listed', () => {
    const r = auditReport(readHtmlReport(readFileSync(HTML, 'utf8'), 'derbyshire.html'));
    const { sheet, places, tieRows } = reportAuditSheet(r, 'Audit derbyshire');
    const texts = sheet.cells.flat().filter((c) => c?.t === 's').map((c) => c!.v);
    for (const t of r.tables) assert.ok(texts.some((x) => x.startsWith(t.where.charAt(0).toUpperCase() + t.where.slice(1))), t.where);
    const casts = r.findings.filter((f) => f.rule === 'reserves.cast');
    assert.equal(casts.length, 10);
    for (const f of casts) {
      const p = places[f.table!];
      const address = a1(p.row0 + f.row! - 1, p.col0 + f.column! - 1);
      const cell = sheet.cells[p.row0 + f.row! - 1][p.col0 + f.column! - 1];
      assert.equal(cell?.t, 'n');
      assert.equal(cell?.v, f.printed, `${address} holds the printed figure`);
      assert.ok(sheet.styles.some((s) => s.range === address && s.style === 'warning'), `${address} marked`);
    }
    assert.equal(tieRows.length, r.ties.length);
    assert.deepEqual(tieRows.map((row) => sheet.cells[row][0]?.v), ['£0.370m', '£13.605m', '£15.467', '87.9%']);
    assert.deepEqual(tieRows.map((row) => sheet.cells[row][2]?.v), ['cut short, not rounded', 'tied', 'tied', 'cut short, not rounded']);
  });
});
