// Kinds the lead closed in session 9, each on the real table that showed it (sources in
// test/fixtures/published/audit/SOURCES.md).
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags, published } from '../support/audit-helpers';

describe('audit: the session-9 kinds (lead)', () => {
  it('sibling groups each closed by an unlabelled sub-total: a group whose line changed keeps its sub-total, found by its siblings (Hansard\'s Welsh fire contributions 1996-97; the regression of 88b203a)', () => {
    // As printed: North Wales 16,045 = rows 3-8; Mid and West Wales 24,661 = rows 10-15; South Wales
    // 36,349 = rows 17-26; Wales 77,055 = 16,045 + 24,661 + 36,349 — no label says total.
    const text = published('hansard-wales-fire-contributions-1996-97.tsv');
    assert.deepEqual(flags(audit(text, 'wf.tsv')), []);
    // Ceredigion 2,033 printed 2,133 (+100): Mid and West Wales' lines add up to 24,761, printed 24,661.
    const wrong = text.replace('Ceredigion\t2,033', 'Ceredigion\t2,133');
    assert.notEqual(wrong, text);
    const r = audit(wrong, 'wf.tsv');
    assert.deepEqual(flags(r), ['16:2 auto.cast 24761']);
    const mid = r.tables[0].totals.find((x) => x.row === 16);
    assert.ok(mid && mid.from === 10 && mid.to === 15, 'row 16 is the sub-total of rows 10-15');
    const wales = r.tables[0].totals.find((x) => x.row === 28);
    assert.ok(wales && wales.from === 9 && wales.to === 27, 'Wales adds the three sub-totals');
  });

  it('words saying an amount is inside another figure ("Included in rent") are no figure: nil for the cross-cast, with a note (T9-04, the ODPM\'s Marchington costs)', () => {
    // 1991-92: 326,693 + [included in rent] + 502,441 + — = 829,134 exactly; every other year adds up too.
    const text = published('hansard-marchington-fire-pumps-costs-1991-2002.tsv');
    const r = audit(text, 'm.tsv');
    assert.equal(exitCodeOf(r), 0);
    assert.equal(r.tables[0].checked.crossCasts, 11);
    const note = r.findings.find((f) => f.rule === 'printed.not-applicable');
    assert.ok(note && note.row === 3 && note.column === 3 && /inside another/.test(note.message));
    // the 1991-92 total 100 out is still found, at its row
    const wrong = text.replace('\t829,134', '\t829,234');
    assert.deepEqual(flags(audit(wrong, 'm.tsv')).filter((f) => f.startsWith('3:')).length, 1);
    // "No data" still says a figure exists and is not given: unreadable
    const nodata = audit(text.replace('Included in rent', 'No data'), 'm.tsv');
    assert.ok(nodata.findings.some((f) => f.rule === 'printed.unreadable' && f.row === 3));
  });

  it('a heading printing "N/A" in every figure column is a heading of the body, not a caption row (T9-57, South Cambridgeshire\'s HRA summary)', () => {
    // By hand: the 19 expenditure lines under four "N/A" headings add up to 36,322,459 and 33,702,763
    // exactly; 39,656,670 (printed 39,656,669) and 3,334,211 (printed 3,334,210): two 1-unit warnings.
    const r = audit(published('southcambs-hra-summary-estimates.tsv'), 'sc.tsv');
    assert.equal(r.tables.length, 1, 'one table, not five');
    assert.deepEqual(flags(r, { severity: true }), ['28:4 warning auto.cast 39656670', '28:5 warning auto.cast 3334211']);
    assert.equal(exitCodeOf(r), 1);
  });

  it('a column of figures per head or per km is a ratio: its total row is not their sum — a note, never an error; cast when it adds (T9-14, Hansard\'s TSG by region 1990-95)', () => {
    // 1990-91: England £4.82 a head (233,125 / 48.4m people), the regions' figures summed 46.24; per km
    // 0.87 against 10.44 summed. 1991-92 and 1992-93 print every region's TSG over the same 7.71m, so the
    // column adds: 41.22 (printed 41.21) and 47.96 (printed 47.98), within rounding — warnings.
    const r = audit(published('hansard-tsg-regions-1990-95.tsv'), 'tsg.tsv');
    assert.deepEqual(flags(r).filter((f) => f.startsWith('13:')), ['13:6 auto.cast 41.22', '13:9 auto.cast 47.96']);
    assert.deepEqual(r.findings.filter((f) => f.rule === 'auto.cast.ratio').map((f) => `${f.row}:${f.column}`), ['13:3', '13:4']);
    // a column of money (TSG) is still cast: 233,125 printed 233,225 is an error at its cell
    const wrong = audit(published('hansard-tsg-regions-1990-95.tsv').replace('ENGLAND\t233,125', 'ENGLAND\t233,225'), 'tsg.tsv');
    assert.ok(wrong.findings.some((f) => f.severity === 'error' && f.row === 13 && f.column === 2));
  });
  it('a figure printed with a point for the thousands comma among whole thousands grouped by commas is read as the thousands, with a warning at its cell (T9-13, Hansard\'s TSG by region 1994-95)', () => {
    // By hand (£000): as printed the regions add up to 268,917.576 against England's 329,433; with
    // "25.411" read as 25,411 and "35.165" as 35,165 they add up to 329,433 exactly.
    const r = audit(published('hansard-tsg-regions-1990-95.tsv'), 'tsg.tsv');
    const points = r.findings.filter((f) => f.rule === 'printed.point-for-comma').map((f) => `${f.row}:${f.column} ${f.expected}`);
    assert.deepEqual(points, ['25:5 25411', '26:5 35165']);
    assert.ok(!r.findings.some((f) => f.severity === 'error'), 'England then casts exactly');
    // one such figure in a column of two grouped figures is not enough to say so: the column is read as printed
    const few = audit('Area\t£000\nA\t1,200\nB\t25.411\nTotal\t1,225.411\n', 'few.tsv');
    assert.ok(!few.findings.some((f) => f.rule === 'printed.point-for-comma'));
  });
});
