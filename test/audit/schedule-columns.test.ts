// A capital programme's schedule columns of words and dashes ("Various", "-" under "Contract Start Date
// Qtr" and "Duration Months"): text, not figures (session-7 trial T7-51). Hampshire County Council's
// Children's Services capital programme 2008/09 as printed (test/fixtures/published/audit, SOURCES.md).
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags, published } from '../support/audit-helpers';

describe('audit: a column of words and dashes is text, not a column of figures (T7-51)', () => {
  const text = published('hants-childrens-capital-programme-2008-09.tsv');

  it('as printed: clean, exit 0, the 7 rows cross-cast (Total Cost = works + fees + equipment: 86 + 14 = 100 …); no "unreadable" Various (was 6 errors, exit 2)', () => {
    const r = audit(text);
    assert.equal(exitCodeOf(r), 0);
    assert.deepEqual(flags(r), []);
    assert.equal(r.tables[0].checked.crossCasts, 7);
  });

  it('one figure in such a column makes it a column of figures again: its words are then unreadable figures, each at its cell', () => {
    const lines = text.split('\n');
    // Duration of scheme 67 printed 12 (months) where it printed "-"
    lines[12] = lines[12].replace('N/A\t-\t-\t', 'N/A\t-\t12\t');
    const r = audit(lines.join('\n'));
    assert.deepEqual(flags(r).filter((f) => / printed\.unreadable /.test(f)).map((f) => f.split(' ')[0]).sort(), ['11:11', '12:11', '14:11']);
  });
});

describe('audit: a gap closed to a printed nil, the balance labelled with its year first (T7-50)', () => {
  const text = published('hantsfire-budget-changes-2018-19.tsv');

  it('Hampshire fire 2018/19: "2018/19 Proposed Budget Balance" 0 = the MTFP deficit 2,456 and the twelve adjustments under "Adjustments:" (−640 + 198 − 350 + 109 + 42 − 41 − 342 − 395 − 151 − 215 − 465 − 206 = −2,456): clean, exit 0 (was "no table to audit")', () => {
    const r = audit(text);
    assert.equal(exitCodeOf(r), 0);
    assert.deepEqual(r.tables[0].totals.map((x) => [x.row, x.from, x.to]), [[16, 2, 15]]);
  });

  it('an adjustment changed (Increase to s31 Grant −465 → −456) leaves 9 of the gap open: an error at the balance', () => {
    assert.deepEqual(flags(audit(text.replace('\t-465', '\t-456'))), ['16:2 auto.cast 9']);
  });
});
