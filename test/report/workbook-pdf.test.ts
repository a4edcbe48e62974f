// Every workbook Outturn writes, printed to PDF by LibreOffice as it stands (the workbook's own page
// set-up: A4 landscape, one page wide, its print area), read back by the audit of reports
// (readPdfText + readPages) table for table, and compared cell by cell with what LibreOffice
// displays for the same workbook (its "as shown" CSV export: "(325,278)", "-", "2.9%").
//
// How a table in the PDF is matched to its region of the sheet (the plan says where each table is):
//  - the region: the plan's placement row (first body row) up to the table's "Check:" row; its
//    header rows are the non-empty rows straight above it (a title row, text in column A alone,
//    ends the header); its columns are the print area's columns that hold anything in the region;
//  - the PDF table: the one holding a row equal to the region's first figure row (label and every
//    figure), in page order;
//  - header: column by column, the PDF's header cells joined by spaces equal the sheet's header
//    cells joined by spaces (a header cell wrapped over three lines is read as three rows);
//  - body: the region's non-empty rows, one to one with the PDF table's non-empty rows from the
//    anchor on, each cell equal to the displayed cell (white space squashed, the number format's
//    trailing pad dropped). A text LibreOffice clips at the cell's edge (its right neighbour holds
//    something, or the print area ends there) is read as printed: it is counted equal when it is the
//    start of the displayed text (never a figure);
//  - table for table: the PDF table must end with the region (no other table read into it) and the
//    region must not run on into another PDF table (a table broken across pages read as two).
// The Checks sheet is not compared: its long check descriptions are clipped by LibreOffice at the
// column edge and run into the next column's text, so what is printed is not the displayed cell
// (a print-layout matter of the Checks sheet, src/plan). Its tables are still audited below.
//
// The narrative: the workbook does not print the narrative sentences (the build gives them, for
// the report author), so the sentences `outturn build` writes are added to the PDF's paragraphs as
// a report author would put them beside the tables; every amount and percentage they quote must
// tie to a table read from the PDF, exactly ('tied') or at the precision quoted ('rounded': £0.371m
// for (370,741)), and the whole PDF, narrative included, audit with no error or warning.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTables } from '../../src/app/build';
import { parseA1 } from '../../src/base/a1';
import { toModel } from '../../src/format/validate';
import type { WorkbookPlan } from '../../src/plan/plan';
import { readPdfText } from '../../src/pdf/read';
import { type DocTable, type ReportDocument, squash } from '../../src/report/document';
import { readPages } from '../../src/report/layout';
import { auditReport } from '../../src/report/audit-report';
import { workbookBuffer } from '../../src/xlsx/write';
import { EXAMPLES } from '../support/built';
import { recalculate, requireOrSkip, soffice, type Sheets } from '../support/libreoffice';

/** every example Outturn ships (examples/*.json) */
const WORKBOOKS = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort().map((f) => f.replace(/\.json$/, ''));

/**
 * Tables the reader does not yet read back equal (src/report/layout.ts):
 * each skipped with the defect, so that the test is turned on by deleting the line once it reads.
 */
const KNOWN: Record<string, string> = {
};
/** Whole-workbook audits that cannot be clean until the tables above read back. */
// Every whole PDF audits clean since the Checks sheet wraps its long messages (issue 15).
const KNOWN_AUDIT: Record<string, string> = {};

const norm = (s: string | undefined) => squash(s ?? '');
const isEmptyRow = (r: string[] | undefined, cols: number[]) => !r || cols.every((c) => norm(r[c]) === '');

interface Compared {
  cells: number;
  equal: number;
  clipped: number;
  mismatches: string[];
}

function a1(r: number, c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
}

/** One plan table's region of its sheet, as displayed, compared with the PDF tables read. */
function compareTable(plan: WorkbookPlan, id: string, shown: Sheets, tables: DocTable[]): Compared {
  const out: Compared = { cells: 0, equal: 0, clipped: 0, mismatches: [] };
  const place = plan.placement[id as keyof WorkbookPlan['placement']]!;
  const sheet = plan.sheets.find((s) => s.name === place.sheet)!;
  const check = sheet.checkCells.find((c) => c.table === id)!;
  const lastRow = parseA1(check.address).r;
  const printCols = parseA1(sheet.printArea!.split(':')[1]).c + 1;
  const rows = shown.get(sheet.name)!;
  const cell = (r: number, c: number) => norm(rows[r]?.[c]);
  const all = Array.from({ length: printCols }, (_, c) => c);
  // header rows: non-empty rows straight above the first body row, up to a title (column A alone)
  let h0 = place.row;
  while (h0 > 0 && !isEmptyRow(rows[h0 - 1], all) && all.some((c) => c > 0 && cell(h0 - 1, c) !== '')) h0--;
  const cols = all.filter((c) => rows.slice(h0, lastRow + 1).some((r) => norm(r[c]) !== ''));
  const body = Array.from({ length: lastRow + 1 - place.row }, (_, i) => place.row + i).filter((r) => !isEmptyRow(rows[r], cols));
  const anchor = body.find((r) => cols.some((c) => c > 0 && /[0-9]/.test(cell(r, c))))!;
  const shownRow = (r: number) => cols.map((c) => cell(r, c));
  const key = (cells: string[]) => cells.filter((x) => x !== '').join('|');
  let ti = -1;
  let ri = -1;
  for (let t = 0; t < tables.length && ti < 0; t++) {
    const k = tables[t].cells.findIndex((r) => key(r.map(norm)) === key(shownRow(anchor)));
    if (k >= 0) [ti, ri] = [t, k];
  }
  if (ti < 0) {
    out.mismatches.push(`${sheet.name}!${a1(anchor, 0)}: no table read from the PDF holds the row ${JSON.stringify(shownRow(anchor).filter(Boolean))}`);
    return out;
  }
  const t = tables[ti];
  const where = t.where;
  // the PDF rows of this table: the header above the anchor row's body start, the body from there
  const startBody = ri - (body.indexOf(anchor));
  const pdfBody: string[][] = [];
  for (let k = Math.max(startBody, 0); k < t.cells.length && pdfBody.length < body.length; k++) if (t.cells[k].some((x) => norm(x) !== '')) pdfBody.push(t.cells[k].map(norm));
  const pdfHeader = t.cells.slice(0, Math.max(startBody, 0)).map((r) => r.map(norm));
  const pdfCols = Array.from({ length: t.cells[0]?.length ?? 0 }, (_, j) => j).filter((j) => [...pdfHeader, ...pdfBody].some((r) => (r[j] ?? '') !== ''));
  if (pdfCols.length !== cols.length) out.mismatches.push(`${where}: ${pdfCols.length} columns read, the sheet shows ${cols.length} (${cols.map((c) => a1(0, c).replace(/1$/, '')).join(', ')})`);
  // header, column by column
  cols.forEach((c, k) => {
    const want = norm(rows.slice(h0, place.row).map((r) => norm(r[c])).filter(Boolean).join(' '));
    const got = norm(pdfHeader.map((r) => r[pdfCols[k]] ?? '').filter(Boolean).join(' '));
    out.cells++;
    if (want === got) out.equal++;
    else out.mismatches.push(`${sheet.name}!${a1(h0, c)}:${a1(place.row - 1, c)} header: read "${got}", displayed "${want}"`);
  });
  // body, row by row, cell by cell
  body.forEach((r, i) => {
    const got = pdfBody[i];
    cols.forEach((c, k) => {
      const want = cell(r, c);
      const read = got?.[pdfCols[k]] ?? '';
      out.cells++;
      if (read === want) out.equal++;
      else if (read.length >= 12 && want.startsWith(read) && !/^[-(]?[0-9]/.test(want) && (k === cols.length - 1 || cell(r, cols[k + 1]) !== '')) {
        out.equal++;
        out.clipped++;
      } else out.mismatches.push(`${sheet.name}!${a1(r, c)}: read "${read}" (${where}), displayed "${want}"`);
    });
  });
  if (pdfBody.length < body.length) out.mismatches.push(`${where}: ends after ${pdfBody.length} of the table's ${body.length} rows (the rest read as another table?)`);
  const after = t.cells.slice(Math.max(startBody, 0)).filter((r) => r.some((x) => norm(x) !== '')).length - body.length;
  if (after > 0) out.mismatches.push(`${where}: ${after} more row(s) read into the table after its last row (another table read as part of it)`);
  return out;
}

describe('report audit: every workbook Outturn writes, printed to PDF by LibreOffice, read back', function () {
  this.timeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'outturn-wbpdf-'));
  const built = new Map(WORKBOOKS.map((n) => [n, buildTables(toModel(JSON.parse(readFileSync(join(EXAMPLES, `${n}.json`), 'utf8'))))]));
  const docs = new Map<string, ReportDocument>();
  let shown = new Map<string, Sheets>();

  before(async function () {
    requireOrSkip(this, soffice(), 'LibreOffice (soffice)');
    const files: string[] = [];
    for (const name of WORKBOOKS) {
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, await workbookBuffer(built.get(name)!.plan));
      files.push(file);
    }
    const profile = join(dir, 'profile');
    mkdirSync(profile);
    // the workbook's own page set-up (landscape, fit to one page wide, print area) is what LibreOffice prints
    execFileSync(soffice()!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { stdio: 'pipe', timeout: 240_000 });
    for (const name of WORKBOOKS) {
      const pdf = readFileSync(join(dir, `${name}.pdf`));
      docs.set(name, readPages(`${name}.pdf`, await readPdfText(pdf)));
    }
    const csv = recalculate(files, true);
    shown = new Map(WORKBOOKS.map((n, i) => [n, csv.get(files[i])!]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const name of WORKBOOKS) {
    const plan = built.get(name)!.plan;
    for (const s of plan.sheets.filter((x) => x.role === 'table')) {
      for (const id of s.tables) {
        const known = KNOWN[`${name}/${id}`];
        const title = `${name}: ${s.name}, table ${id}: every cell read equal to the displayed cell`;
        const test = function (this: Mocha.Context) {
          const c = compareTable(plan, id, shown.get(name)!, docs.get(name)!.tables);
          console.log(`      ${name} ${id}: ${c.equal} of ${c.cells} cells equal${c.clipped ? ` (${c.clipped} texts clipped as printed)` : ''}`);
          assert.deepEqual(c.mismatches, [], c.mismatches.slice(0, 12).join('\n'));
          assert.equal(c.equal, c.cells);
          assert.ok(c.cells > 20, `${c.cells} cells compared`);
        };
        if (known && !process.env.OUTTURN_RUN_KNOWN) it.skip(`${title} — known: ${known}`, test);
        else it(title, test);
      }
    }
    const narrative = () => built.get(name)!.narrative.map((text, i) => ({ text, where: `narrative sentence ${i + 1}` }));
    it(`${name}: the build's narrative sentences tie to the tables read from the PDF, exactly or at the precision quoted`, () => {
      const sentences = narrative();
      assert.ok(sentences.length > 0, 'the build gives narrative sentences');
      const r = auditReport({ ...docs.get(name)!, paragraphs: sentences });
      // a sentence with an amount or a percentage gives at least one quote ("an overall balanced position" gives none)
      const withFigures = sentences.filter((x) => /£\s?[0-9]|[0-9]\s?(%|per cent)/.test(x.text));
      assert.ok(r.ties.length >= withFigures.length, `${r.ties.length} quotes from ${withFigures.length} sentences with figures`);
      console.log(`      ${name}: ${r.ties.length} quote(s) tied (${r.ties.map((x) => `${x.quote.text} ${x.status}`).join(', ')})`);
      assert.deepEqual(r.ties.filter((x) => x.status !== 'tied' && x.status !== 'rounded').map((x) => `${x.quote.text}: ${x.status} ${x.expected ?? ''} (${x.source ?? 'no source'})`), []);
      assert.deepEqual(r.findings.filter((f) => f.rule.startsWith('narrative.') && f.severity !== 'note').map((f) => f.message), []);
    });
    const audit = function (this: Mocha.Context) {
      const r = auditReport({ ...docs.get(name)!, paragraphs: [...docs.get(name)!.paragraphs, ...narrative()] });
      const flagged = r.findings.filter((f) => f.severity !== 'note');
      assert.deepEqual(flagged.map((f) => `${f.where}: ${f.message}`), []);
      assert.ok(r.tables.filter((x) => x.layouts.length > 0).length >= plan.sheets.filter((x) => x.role === 'table').length, 'a table on every table sheet recognised');
    };
    const known = KNOWN_AUDIT[name];
    const title = `${name}: the whole PDF (tables, the Checks sheet's text, the narrative) audits clean: no error or warning`;
    if (known && !process.env.OUTTURN_RUN_KNOWN) it.skip(`${title} — known: ${known}`, audit);
    else it(title, audit);
  }
});
