// Layouts a copy or a statement of accounts leaves, read as kinds (issue #10): a row whose figures a copy
// shifted one column (left: the first figure in the label column; right: the last figure past the last
// header), a header printed again inside a table (a second table stacked under the first, or a page
// break), and a closing balance printed above the movements that lead to it. Each test starts from a real
// table of our corpus (test/fixtures/published/audit, SOURCES.md names the source) and changes only its
// layout, so the expected arithmetic is the published one, recomputed by hand in CASES.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditInputError, type AuditReport, auditGrids, exitCodeOf } from '../../src/audit/audit';
import { readDelimited } from '../../src/audit/delimited';

const DIR = join(__dirname, '..', 'fixtures', 'published', 'audit');
const lines = (file: string) => readFileSync(join(DIR, file), 'utf8').replace(/\n$/, '').split('\n');
const audit = (rows: string[], file = 'table.tsv'): AuditReport => auditGrids([readDelimited(`${rows.join('\n')}\n`, file)]);
const flags = (r: AuditReport) => r.findings.filter((f) => f.severity !== 'note');
const notes = (r: AuditReport, rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => [f.row, f.column]);
const totals = (r: AuditReport) => r.tables.flatMap((t) => t.totals.map((x) => [x.row, x.from, x.to]));
/** The line with cell k (0-based) replaced. */
const put = (line: string, k: number, v: string) => line.split('\t').map((x, j) => (j === k ? v : x)).join('\t');

describe('audit: a row a copy shifted one column', () => {
  // Nottinghamshire Fire, note 7 to the EFA 2020/21: label + four columns of figures; rows 14 and 16
  // are unlabelled totals ((1,155) (4,619) (90) (5,864); (1,170) (9,416) (2,180) (12,766)).
  const efa = lines('nottsfire-efa-adjustments-2020-21.tsv');
  const left = lines('variant-nottsfire-efa-shifted-totals.tsv');

  it('one column left (the first figure in the label column, the last column empty): read under its headers, with a note at the row', () => {
    const r = audit(left);
    assert.equal(exitCodeOf(r), 0);
    assert.deepEqual(flags(r), []);
    assert.deepEqual(notes(r, 'printed.shifted-row'), [[14, 1], [16, 1]]);
    // the same reading as the table printed straight
    assert.deepEqual(totals(r), totals(audit(efa)));
  });

  it('one column left: a wrong figure in the shifted row is found at the cell it is printed in', () => {
    // (5,864), Total Adjustments of row 14, is printed in the 4th field: changed to (5,865)
    const r = audit(left.map((l, i) => (i === 13 ? put(l, 3, '(5,865)') : l)));
    assert.equal(exitCodeOf(r), 1);
    assert.ok(flags(r).some((f) => f.row === 14 && f.column === 4 && /Total Adjustments/.test(f.cell)), JSON.stringify(flags(r)));
  });

  it('one column right (the first column of figures empty, the last figure past the last header): read under its headers', () => {
    const right = efa.map((l, i) => {
      const c = l.split('\t');
      return i === 13 || i === 15 ? [c[0], '', c[1], c[2], c[3], c[4]].join('\t') : `${l}\t`;
    });
    const r = audit(right);
    assert.equal(exitCodeOf(r), 0, JSON.stringify(flags(r)));
    assert.deepEqual(notes(r, 'printed.shifted-row'), [[14, 3], [16, 3]]);
    assert.deepEqual(totals(r), totals(audit(efa)));
    // (12,766), printed in the 6th field, changed by one unit: found there
    const bad = audit(right.map((l, i) => (i === 15 ? put(l, 5, '(12,767)') : l)));
    assert.ok(flags(bad).some((f) => f.row === 16 && f.column === 6), JSON.stringify(flags(bad)));
  });

  it('never by shape alone where the shape says otherwise: a figure-like line number, or an uncaptioned column every row fills', () => {
    // A line number in the label column ("12") with the last column empty is a label, not a figure.
    const numbered = efa.map((l, i) => (i === 13 ? ['12', ...l.split('\t').slice(1, 4), ''].join('\t') : l));
    assert.deepEqual(notes(audit(numbered), 'printed.shifted-row'), []);
    // A column with no caption that holds a figure on every line is a column of the table, not an overflow.
    const extra = efa.map((l, i) => (i < 2 ? `${l}\t` : l.split('\t')[1] ? `${l}\t1` : `${l}\t`));
    assert.deepEqual(notes(audit(extra), 'printed.shifted-row'), []);
    // A label column of codes (as a ledger extract prints them): a row with its last figure missing is
    // short, not shifted — read as printed, and no variance or total is made up from moved figures.
    const codes = efa.map((l, i) => (i === 0 ? l : [i === 1 ? 'Cost centre' : String(1000 + i), ...l.split('\t').slice(1)].join('\t')));
    const short = codes.map((l, i) => (i === 3 ? put(l, 4, '') : l));
    const r = audit(short);
    assert.deepEqual(notes(r, 'printed.shifted-row'), []);
    assert.ok(!flags(r).some((f) => f.row === 4 && f.column !== 5), JSON.stringify(flags(r)));
  });
});

describe('audit: a header printed again inside a table', () => {
  const efa = lines('nottsfire-efa-adjustments-2020-21.tsv');

  it('a bare repeat (a page break) is not a row: the table reads on, its totals adding lines from both pages', () => {
    // the header (row 2) printed again after "Estates & Procurement" (row 7)
    const paged = [...efa.slice(0, 7), efa[1], ...efa.slice(7)];
    const r = audit(paged);
    assert.equal(exitCodeOf(r), 0, JSON.stringify(flags(r)));
    assert.equal(r.tables.length, 1);
    // the first unlabelled total (row 15 now) adds rows 3-14, across the repeated header at row 8
    assert.ok(totals(r).some((t) => t.join() === '15,3,14'), JSON.stringify(totals(r)));
  });

  it('another year\'s header under its title line starts a table of its own', () => {
    // the note prints 2020/21 and then 2019/20 under the same column captions: stacked here with no blank
    // line (the figures of 2020/21 repeated under the 2019/20 header, so both tables cast)
    const stacked = [...efa, ...efa.slice(0, 2).map((l) => l.replace(/2020 \/ 21/g, '2019 / 20')), ...efa.slice(2)];
    const r = audit(stacked);
    assert.equal(exitCodeOf(r), 0, JSON.stringify(flags(r)));
    assert.deepEqual(r.tables.map((t) => t.range), ['rows 2-16', 'rows 18-32']);
  });

  it('a repeat under a title line starts a table of its own (two tables stacked with no blank line)', () => {
    const r = audit(lines('bexley-provisions-2021-22.tsv'));
    assert.deepEqual(r.tables.map((t) => t.range), ['rows 2-6', 'rows 8-13']);
    assert.deepEqual(r.tables.map((t) => t.units), ["£'000", "£'000"]);
  });
});

describe('audit: a closing balance printed above the movements that lead to it', () => {
  // Bexley, note 23 Provisions 2021/22: "Closing Balance at 31 March 2022" first, then "Balance at 1
  // April", the increase and the amounts used (1,330 + 184 + (326) = 1,188).
  const bexley = lines('bexley-provisions-2021-22.tsv');

  it('totals the rows under it when its figures are their sum', () => {
    const r = audit(bexley);
    assert.equal(exitCodeOf(r), 0);
    assert.deepEqual(totals(r), [[3, 4, 6], [9, 10, 13]]);
  });

  it('with the opening balance first among them, it is read as their total even when no column casts: the error is found at its cells', () => {
    // every figure of the first closing balance 100 too high: nothing adds up to it any more
    const r = audit(bexley.map((l, i) => (i === 2 ? put(put(l, 1, '1,288'), 4, '1,288') : l)));
    assert.equal(exitCodeOf(r), 1);
    assert.ok(totals(r).some((t) => t.join() === '3,4,6'), JSON.stringify(totals(r)));
    const at = flags(r).filter((f) => f.row === 3).map((f) => [f.column, f.difference]);
    assert.deepEqual(at, [[2, '100'], [5, '100']]);
  });

  it('read bottom-up (closing balance, the movements, the opening balance last): the same reading, and a wrong closing found', () => {
    const up = [...bexley.slice(0, 3), bexley[5], bexley[4], bexley[3]];
    assert.deepEqual(totals(audit(up)), [[3, 4, 6]]);
    const r = audit(up.map((l, i) => (i === 2 ? put(put(l, 1, '1,288'), 4, '1,288') : l)));
    assert.deepEqual(totals(r), [[3, 4, 6]]);
    assert.deepEqual(flags(r).filter((f) => f.row === 3).map((f) => [f.column, f.difference]), [[2, '100'], [5, '100']]);
  });

  it('is not a total without the arithmetic or an opening balance under it', () => {
    // the same table with its opening balance relabelled and the closing figures changed: no reading as a total
    // (then nothing in it can be checked: exit 2, said, rather than a total guessed)
    const rows = bexley.slice(0, 6).map((l, i) => (i === 2 ? put(put(l, 1, '1,288'), 4, '1,288') : i === 3 ? put(l, 0, 'Transferred in') : l));
    assert.throws(() => audit(rows), AuditInputError);
    // with the figures right, the arithmetic alone still reads it
    assert.deepEqual(totals(audit(bexley.slice(0, 6).map((l, i) => (i === 3 ? put(l, 0, 'Transferred in') : l)))), [[3, 4, 6]]);
  });
});
