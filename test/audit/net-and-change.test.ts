// Kinds found on real tables by session 5's trial (its findings 3b, 5, 11, 12, 13), fixed by audit-across:
// a Net column beside a gross column and an income column is a cross-cast (net = gross + income when the
// income is bracketed, gross − income when it is printed positive, the direction from the rows); a column
// headed "Change" beside two figure columns is their difference (which way round, from the rows); the
// statistical symbols "." and ".."; a surplus or "(over) / under" row after two totals; group rows printed
// above their own lines; a requirement closing two tables, the second under its own header. Each on the real table as transcribed (test/fixtures/published/audit, sources in
// its SOURCES.md), as printed and with figures changed; every expected figure is recomputed here by hand
// from the printed ones, in exact decimal.
import assert from 'node:assert/strict';
import { AuditInputError, type AuditReport, exitCodeOf } from '../../src/audit/audit';
import { audit, flags as sharedFlags, published } from '../support/audit-helpers';

const table = (file: string) => published(file);
/** The error and warning findings as "row:column severity rule expected". */
const flags = (r: AuditReport) => sharedFlags(r, { severity: true });
/** The text with one line's cell (1-based row and column of the TSV) replaced. */
function edit(text: string, row: number, column: number, to: string): string {
  const lines = text.split('\n');
  const cells = lines[row - 1].split('\t');
  cells[column - 1] = to;
  lines[row - 1] = cells.join('\t');
  return lines.join('\n');
}

describe('audit: a Net column beside gross and income columns is a cross-cast (trial s5 #5, #12, #13b)', () => {
  describe('Canterbury City Council, net budget requirement 2024/25 (two rows; "£110,156" printed for £110,156,000)', () => {
    const canterbury = table('canterbury-budget-2024-25.tsv');

    it('as printed: exit 1, the General fund row flagged at its net (110,156 + (89,340,000) = (89,229,844), printed 20,816,000), the slip named; the HRA row casts', () => {
      const r = audit(canterbury);
      assert.deepEqual(flags(r), ['2:4 error auto.across -89229844']);
      assert.equal(exitCodeOf(r), 1);
      assert.equal(r.tables[0].checked.crossCasts, 2);
      // 20,816,000 + 89,340,000 = 110,156,000: the gross printed without its ",000".
      assert.match(r.findings[0].message, /Gross expenditure is printed 110,156: as 110,156,000 \(a thousand times the figure\) the row casts exactly/);
      // The direction is the HRA row's: 29,939,000 + (30,310,000) = (371,000).
      assert.deepEqual(r.tables[0].differences, [{ column: 4, caption: 'Net cost 24/25', is: 'Gross expenditure + Total income', agree: 1 }]);
    });

    it('with the gross printed £110,156,000: clean, two cross-casts (110,156,000 − 89,340,000 = 20,816,000)', () => {
      const r = audit(edit(canterbury, 2, 2, '£110,156,000'));
      assert.deepEqual(flags(r), []);
      assert.equal(exitCodeOf(r), 0);
      assert.equal(r.tables[0].checked.crossCasts, 2);
    });

    it('the HRA net printed (317,000): found at its cell, (371,000) expected, and the General fund row no longer sets the direction against it', () => {
      const fixed = edit(canterbury, 2, 2, '£110,156,000');
      const r = audit(edit(fixed, 3, 4, '(£317,000)'));
      assert.deepEqual(flags(r), ['3:4 error auto.across -371000']);
    });

    it('no row agreeing either way (both nets wrong): not cross-cast, never a false error on every row — nothing else to check, so exit 2 saying so', () => {
      const both = edit(edit(canterbury, 3, 4, '(£370,000)'), 2, 2, '£110,156,000').replace('£20,816,000', '£20,817,000');
      assert.throws(() => audit(both), (e: Error) => e instanceof AuditInputError && /nothing could be checked in rows 1-3/.test(e.message));
    });
  });

  describe('Cheshire West and Chester, 2024-25 budget (£000s): Spend | Income (bracketed) | Net spend | last year\'s net', () => {
    const cwac = table('cheshirewestchester-budget-2024-25.tsv');

    it('as printed: clean, all 17 rows cross-cast as Spend + Income (258,969 + (80,014) = 178,955 …); last year\'s net is no part', () => {
      const r = audit(cwac);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.crossCasts, 17);
      assert.deepEqual(r.tables[0].differences, [{ column: 4, caption: 'Net spend (£000s)', is: '2024-25 Spend (£000s) + Income (£000s)', agree: 15 }]);
    });

    it('this year\'s and last year\'s net swapped: no row is Spend ± Income, so the Net column is not cross-cast, said in a note; no false error', () => {
      const swapped = cwac.split('\n').map((l) => {
        const c = l.split('\t');
        return c.length === 5 ? [c[0], c[1], c[2], c[4], c[3]].join('\t') : l;
      }).join('\n');
      const r = audit(swapped);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.crossCasts, 0);
      assert.ok(r.findings.some((f) => f.rule === 'auto.across.net-no-basis' && f.column === 4), JSON.stringify(r.findings));
    });

    it('two nets moved by ten each way (column total unchanged, so no cast down sees it): both found at their cells', () => {
      // Adult social care 258,969 − 80,014 = 178,955 (printed 178,965); Children and families 388,302 − 287,023 = 101,279 (printed 101,269).
      const r = audit(edit(edit(cwac, 3, 4, '178,965'), 4, 4, '101,269'));
      assert.deepEqual(flags(r), ['3:4 error auto.across 178955', '4:4 error auto.across 101279']);
    });
  });

  describe('Tameside MBC, what your Council Tax pays for 2014/15 (£000): income printed positive, labels in the middle', () => {
    const tameside = table('tameside-council-services-2014-15.tsv');

    it('as printed: clean, 15 rows cross-cast as Gross − Income (120,634 − 27,907 = 92,727 …); the 2013/14 net left of the labels is no part', () => {
      const r = audit(tameside);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.crossCasts, 15);
      assert.deepEqual(r.tables[0].differences, [{ column: 5, caption: 'Net Expenditure after Income £000', is: '2014/15 Gross Expenditure £000 − Income £000', agree: 9 }]);
    });

    it('the schools block: Funding (excluding academies) ties to Planned Expenditure above its lines (142,008 + 6,725 = 148,733; 135,843 + 10,492 = 146,335); planned expenditure printed 148,773 is found at the funding total', () => {
      assert.equal(audit(tameside).tables[1].checked.totals, 4);
      const r = audit(edit(tameside, 21, 1, '148,773'));
      assert.ok(flags(r).includes('24:1 error auto.cast.financed 148773'), flags(r).join('; '));
    });

    it('two nets moved by ten each way (the column still casts): both found (14,408 − 1,808 = 12,600; 7,664 − 320 = 7,344)', () => {
      const r = audit(edit(edit(tameside, 5, 5, '12,610'), 7, 5, '7,334'));
      assert.deepEqual(flags(r), ['5:5 error auto.across 12600', '7:5 error auto.across 7344']);
    });
  });

  describe('Scottish Government, SLGFS 2012-13 Annex A (£ thousands): Total Expenditure | Total Income | Net Revenue Expenditure', () => {
    const scot = table('scotgov-slgfs-service-analysis-2012-13.tsv');

    it('as printed: clean, the 16 rows cross-cast to Total Expenditure and to Net (32 cross-casts)', () => {
      const r = audit(scot);
      assert.deepEqual(flags(r), []);
      assert.equal(r.tables[0].checked.crossCasts, 32);
      assert.deepEqual(r.tables[0].differences.map((d) => d.is), ['Total Expenditure − Total Income']);
    });

    it('two nets moved by ten each way (the column still casts): both found (314,380 − 13,388 = 300,992; 1,821,603 − 61,534 = 1,760,069)', () => {
      const r = audit(edit(edit(scot, 5, 8, '301,002'), 6, 8, '1,760,059'));
      assert.deepEqual(flags(r), ['5:8 error auto.across 300992', '6:8 error auto.across 1760069']);
    });
  });
});

describe('audit: the statistical symbols "." (not applicable) and ".." (not available) in a figure column are no fault (found beside #12)', () => {
  // Welsh Government, StatsWales, revenue outturn expenditure summary by service (all Wales): four rows print ". . .".
  const wales = table('statswales-revenue-outturn-by-service.tsv');

  it('as printed: 32 rows cross-cast (net = gross + income printed with a minus), 8 one unit off as rounding warnings; the "." rows read as nil with a note, no error', () => {
    const r = audit(wales);
    // e.g. Transport planning 25,590 − 10,911 = 14,679 (printed 14,678); Own agriculture 2,179 − 4,152 = −1,973 (printed −1,972).
    assert.deepEqual(flags(r), [
      '4:4 warning auto.across 14679', '5:4 warning auto.across 194114', '7:4 warning auto.across 1057789', '16:4 warning auto.across 10267',
      '19:4 warning auto.across 53445', '23:4 warning auto.across -1973', '29:4 warning auto.across 12761', '37:4 warning auto.across 9188',
    ]);
    assert.equal(r.tables[0].checked.crossCasts, 32);
    const notes = r.findings.filter((f) => f.rule === 'printed.not-applicable').map((f) => `${f.row}:${f.column}`);
    assert.deepEqual(notes, ['11:2', '11:3', '11:4', '25:2', '25:3', '25:4', '27:2', '27:3', '27:4', '36:2', '36:3', '36:4']);
  });

  it('a row printed ".." (not available, the other symbol; here put in place of one "." row): not read, a note on each cell, never an error', () => {
    const r = audit(wales.replace("Waste collection\t.\t.\t.", "Waste collection\t..\t..\t.."));
    assert.equal(r.findings.filter((f) => f.severity === 'error').length, 0);
    assert.deepEqual(r.findings.filter((f) => f.rule === 'printed.not-available').map((f) => `${f.row}:${f.column}`), ['25:2', '25:3', '25:4']);
    assert.equal(r.tables[0].checked.crossCasts, 32);
  });
});

describe('audit: a column headed "Change" beside two figure columns is their difference (trial s5 #11)', () => {
  // Welsh Government, provisional local government settlement 2024-25, AEF by council (£000), as reproduced at
  // https://wales247.co.uk/3-1-rise-in-local-government-funding (the first 14 councils).
  const wales = table('walesgov-aef-settlement-2024-25.tsv');

  it('as printed: 14 changes checked as 2024-25 − 2023-24 (8 lines exact), six one unit off flagged as rounding warnings', () => {
    const r = audit(wales);
    // Conwy 202,710 − 198,736 = 3,974 (3,975); Powys 234,940 − 228,558 = 6,382 (6,381); Ceredigion 132,715 − 129,341 = 3,374
    // (3,373); Pembrokeshire 217,999 − 212,626 = 5,373 (5,372); Neath Port Talbot 284,624 − 276,915 = 7,709 (7,708);
    // Bridgend 257,978 − 250,557 = 7,421 (7,422).
    assert.deepEqual(flags(r).sort(), [
      '10:4 warning auto.change 5373', '13:4 warning auto.change 7709', '14:4 warning auto.change 7421',
      '4:4 warning auto.change 3974', '8:4 warning auto.change 6382', '9:4 warning auto.change 3374',
    ]);
    assert.equal(exitCodeOf(r), 1);
    assert.equal(r.tables[0].checked.variances, 14);
    assert.deepEqual(r.tables[0].differences, [{ column: 4, caption: 'Change (£000)', is: '2024-25 AEF including floor (£000) − 2023-24 AEF (£000)1', agree: 8 }]);
  });

  it('Gwynedd\'s change printed 4,515 (digits swapped): an error at its cell, 232,092 − 227,541 = 4,551', () => {
    const r = audit(edit(wales, 3, 4, '4,515'));
    assert.ok(flags(r).includes('3:4 error auto.change 4551'), flags(r).join('; '));
  });

  it('a "Net change for the Pension Adjustment" that equals Total − Other only where the capital column is nil is no change column (Notts Fire EFA: clean, no auto.change)', () => {
    const r = audit(published('nottsfire-efa-adjustments-2020-21.tsv'));
    assert.deepEqual(flags(r), []);
    assert.equal(r.tables.reduce((n, t) => n + t.checked.variances, 0), 0);
  });
});

describe('audit: an "(Over) / Under" or surplus row after two totals is their difference (trial s5 #3b)', () => {
  // Scottish Police Authority, Financial Outturn 27 June 2024, Overall Outturn Summary (£m):
  // https://spa.police.uk/publication-library/financial-outturn-27-june-2024/further-detail
  const spa = table('spa-financial-outturn-2023-24.tsv');

  it('as printed: "Outturn position (Over) / Under" 0.0 = Total Funding − Total Expenditure in each column (1,347.7 − 1,347.7; 63.4 − 63.4; 20.0 − 20.0): three checks, no flag there', () => {
    const r = audit(spa);
    assert.equal(r.tables[0].checked.variances, 3);
    assert.ok(!flags(r).some((f) => f.startsWith('13:')), flags(r).join('; '));
  });

  it('the capital outturn position printed 0.5 (an underspend the funding does not show): an error at its cell, 63.4 − 63.4 = 0.0 expected', () => {
    const r = audit(edit(spa, 13, 3, '0.5'));
    assert.ok(flags(r).includes('13:3 error auto.surplus 0'), flags(r).join('; '));
  });

  it('Total Expenditure (Provisional) revenue printed 1,348.7 (it totals no block printed here): found at the outturn position, 1,347.7 − 1,348.7 = (1.0) where 0.0 is printed', () => {
    const r = audit(edit(spa, 3, 2, '1,348.7'));
    assert.ok(flags(r).includes('13:2 error auto.surplus -1'), flags(r).join('; '));
  });
});

describe('audit: group rows printed above their own lines, one group after another (trial s5 #13a)', () => {
  // Scottish Government, SLGFS 2012-13 Annex A (£ thousands): "Education" over its six services, then
  // "Cultural and related services" over its eight.
  const scot = table('scotgov-slgfs-service-analysis-2012-13.tsv');

  it('as printed: both groups read as totals of the rows under them, cast in all seven columns (761 + 8,056 + 4,313 + 1,549 + 68 + 51 = 14,798; 33 + 418 + 351 + 9 + 576 + 611 + 1,746 + 577 = 4,321)', () => {
    const r = audit(scot);
    assert.deepEqual(flags(r), []);
    assert.equal(r.tables[0].checked.totals, 14);
    assert.deepEqual(r.tables[0].totals.map((t) => [t.row, t.from, t.to]), [[4, 5, 10], [11, 12, 19]]);
  });

  it('a service\'s income moved (Library service 4,640 → 4,650): found at its cell (4,640 expected), the one figure the group row and the row\'s net share; those two differences notes that name it', () => {
    const r = audit(edit(scot, 14, 7, '4,650'));
    assert.ok(flags(r).includes('14:7 error auto.shared-figure 4640'), flags(r).join('; '));
    // 3,671 + 15,634 + 4,650 + 4,748 + 2,756 + 33,036 + 13,856 + 11,091 = 89,442 where 89,432 is printed;
    // 117,308 − 4,650 = 112,658 where 112,668 is printed: each out by the 10 the cell is out.
    const notes = r.findings.filter((f) => f.severity === 'note' && f.rule.endsWith('.explained')).map((f) => `${f.row}:${f.column} ${f.rule} ${f.expected}`);
    assert.deepEqual(notes.sort(), ['11:7 auto.cast.explained 89442', '14:8 auto.across.explained 112658']);
  });

  it('a group row\'s figure moved (Education support service costs 184,132 → 184,232): found at its cell, 184,132 expected', () => {
    const r = audit(edit(scot, 4, 3, '184,232'));
    assert.ok(flags(r).includes('4:3 error auto.cast 184132'), flags(r).join('; '));
  });
});

describe('audit: a requirement under a table\'s last total, carried on from the total of the table above across its header (trial s5 #4b)', () => {
  // Westmorland and Furness Council, budget agreed February 2024 (£m):
  // https://www.westmorlandandfurness.gov.uk/council-tax/your-council-tax-explained/westmorland-and-furness-budget
  const wf = table('westmorlandfurness-budget-2024-25.tsv');

  it('as printed: "Total Council Tax requirement" = Net budget (row 17, the table above) + Total sources of finance (263.478 + (110.778) = 152.700; 272.501 + (108.838) = 163.663): read and cast, no flag', () => {
    const r = audit(wf);
    assert.deepEqual(flags(r), []);
    assert.equal(r.tables[1].checked.totals, 4);
    assert.ok(r.findings.some((f) => f.rule === 'cast.carried' && f.row === 29));
    assert.ok(!r.findings.some((f) => f.rule === 'cast.total-read-as-line'));
  });

  it('the 2024/25 requirement printed 163.863: an error at its cell, 163.663 expected', () => {
    const r = audit(edit(wf, 29, 3, '163.863'));
    assert.ok(flags(r).includes('29:3 error auto.cast 163.663'), flags(r).join('; '));
  });

  it('the 2023/24 net budget printed 263.578 (and so its block out too): found at the requirement as well, 263.578 − 110.778 = 152.800 where 152.700 is printed', () => {
    const r = audit(edit(wf, 17, 2, '263.578'));
    assert.ok(flags(r).includes('29:2 error auto.cast 152.8'), flags(r).join('; '));
  });
});
