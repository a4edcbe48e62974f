// The worked example against the tables as the PCC for Derbyshire published them (2020-21).
// Expected figures come from the printed TSVs, read with parsePrinted, or are written out by hand;
// nothing here is a figure the engine produced and the test echoes back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../../src/engine/build';
import { Dec, sum, text } from '../../src/base/decimal';
import type { BuildResult, Row, RowKind, Table } from '../../src/engine/model';
import { isFigure } from '../../src/engine/model';
import { parsePrinted } from '../../src/base/printed';
import { readOutturn } from '../../src/format/validate';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(__dirname, '..', 'fixtures', 'derbyshire-2020-21');

interface Tsv {
  header: string[];
  rows: Record<string, string>[];
}

/** A published table: '#' lines are comments, the first other line names the columns. */
function readTsv(name: string): Tsv {
  const lines = readFileSync(join(FIXTURES, name), 'utf8').split(/\r?\n/).filter((l) => l !== '' && !l.startsWith('#'));
  const header = lines[0].split('\t');
  const rows = lines.slice(1).map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
  return { header, rows };
}

/** A printed figure as an exact decimal; null when the cell is blank. Unreadable ones fail the test. */
function printed(raw: string): Dec | null {
  const p = parsePrinted(raw);
  if (p.kind === 'blank') return null;
  assert.equal(p.kind, 'number', `printed figure ${JSON.stringify(raw)} is unreadable`);
  return p.kind === 'number' ? p.value : null;
}

/** Our row kinds for the fixture's row_type (our reading of each printed row). */
const KIND: Record<string, RowKind> = {
  line: 'line',
  scheme: 'line',
  memo_rcco: 'memo',
  subtotal: 'subtotal',
  total: 'total',
  adjustment: 'adjustment',
  total_underspend: 'total_underspend',
  earmarked: 'earmarked',
  net_underspend: 'net_underspend',
  heading: 'heading',
  category_total: 'category_total',
  scheme_standalone: 'scheme_standalone',
  externally_funded: 'externally_funded',
  grand_total: 'grand_total',
  general_reserve: 'general_reserve',
  earmarked_reserve: 'earmarked_reserve',
  subtotal_useable: 'subtotal_useable',
  subtotal_non_useable: 'subtotal_non_useable',
  total_earmarked: 'total_earmarked',
  total_reserves: 'total_reserves',
};

function col(t: Table, id: string): number {
  const c = t.columns.findIndex((x) => x.id === id);
  assert.ok(c >= 0, `${t.id} has no column ${id}`);
  return c;
}

/** The figure a row shows in a column, or null for an empty cell. */
function shown(t: Table, row: Row, id: string): Dec | null {
  const cell = row.cells[col(t, id)];
  if (cell === null) return null;
  assert.ok(isFigure(cell), `${t.id} ${row.label} ${id} is not a figure`);
  return cell.shown;
}

function same(actual: Dec | null, expected: Dec | null, where: string): void {
  assert.equal(actual === null ? null : text(actual), expected === null ? null : text(expected), where);
}

function table(result: BuildResult, id: string): Table {
  const t = result.tables.find((x) => x.id === id);
  assert.ok(t, `no table ${id}`);
  return t;
}

describe('worked example: Derbyshire 2020-21 as published', () => {
  const result = build(readOutturn(readFileSync(join(ROOT, 'examples', 'derbyshire-2020-21.json'), 'utf8')));

  describe('Table 1 (revenue) reproduces every printed row and figure', () => {
    const tsv = readTsv('table1-revenue-outturn.tsv');
    const t = table(result, 'revenue');
    const columns: [string, string][] = [
      ['original_budget', 'original'],
      ['revised_budget', 'revised'],
      ['outturn', 'outturn'],
      ['over_under_spend', 'variance'],
    ];

    it('has the printed rows, in order, with the printed kinds and labels', () => {
      assert.deepEqual(
        t.rows.map((r) => [r.kind, r.label]),
        tsv.rows.map((r) => [KIND[r.row_type], r.label]),
      );
      assert.equal(t.rows.length, 30);
    });

    it('shows every printed figure to the pound, and nothing where the printed cell is blank', () => {
      let compared = 0;
      tsv.rows.forEach((p, i) => {
        for (const [from, id] of columns) {
          same(shown(t, t.rows[i], id), printed(p[from]), `${p.label} / ${from}`);
          if (p[from] !== '') compared++;
        }
      });
      assert.equal(compared, 23 * 4 + 7, 'every printed figure was compared');
    });

    it('the printed NET UNDERSPEND is (370,741) and the narrative says £0.371m', () => {
      const net = t.rows.find((r) => r.kind === 'net_underspend')!;
      assert.equal(text(shown(t, net, 'variance')!), '-370741');
      assert.equal(result.narrative.revenue?.netVariance, '-370741');
      assert.match(result.narrative.revenue!.sentence, /underspend .*£0\.371m/);
    });

    it('the virements check passes: revised total = original total = 189,878,803', () => {
      const v = result.checks.filter((c) => c.rule === 'revenue.virements');
      assert.equal(v.length, 1);
      assert.equal(v[0].passed, true);
      assert.equal(result.findings.filter((f) => f.rule === 'revenue.virements').length, 0);
      const total = t.rows.find((r) => r.kind === 'total')!;
      assert.equal(text(shown(t, total, 'original')!), '189878803');
      assert.equal(text(shown(t, total, 'revised')!), '189878803');
    });

    it('the earmarked underspends that name a reserve tie out to Table 3', () => {
      const ties = result.checks.filter((c) => c.rule === 'tie.earmarked-reserve');
      assert.equal(ties.length, 2, 'Covid-19 and Officer Uplift name a reserve');
      assert.ok(ties.every((c) => c.passed), JSON.stringify(ties));
      assert.match(ties[0].detail!, /757053/);
      assert.match(ties[1].detail!, /497000/);
      assert.equal(result.findings.filter((f) => f.rule === 'tie.earmarked-reserve').length, 0);
    });
  });

  describe("Table 2 (capital, £'000) reproduces every printed row and figure", () => {
    const tsv = readTsv('table2-capital-outturn.tsv');
    const t = table(result, 'capital');
    const columns: [string, string][] = [
      ['revised_budget_2020_21', 'revised'],
      ['outturn_2020_21', 'outturn'],
      ['budget_remaining', 'remaining'],
      ['reprofile_to_2021_22', 'reprofile'],
    ];

    it('has the printed rows, in order, with the printed kinds, labels and note references', () => {
      assert.deepEqual(
        t.rows.map((r) => [r.kind, r.label]),
        tsv.rows.map((r) => [KIND[r.row_type], r.label]),
      );
      const refCol = col(t, 'ref');
      assert.deepEqual(
        t.rows.map((r) => {
          const c = r.cells[refCol];
          return c !== null && !isFigure(c) ? c.text : '';
        }),
        tsv.rows.map((r) => r.ref),
      );
      assert.equal(t.units, "£'000");
    });

    it("shows every printed figure to the £'000 ('-' is nil), and nothing where the printed cell is blank", () => {
      let compared = 0;
      tsv.rows.forEach((p, i) => {
        for (const [from, id] of columns) {
          same(shown(t, t.rows[i], id), printed(p[from]), `${p.label} / ${from}`);
          if (p[from] !== '') compared++;
        }
      });
      // 22 scheme, total and funded rows with four figures each, and the memo line with one
      assert.equal(compared, 22 * 4 + 1);
    });

    it('narrative: £13.605m (88.0%) against an approved programme of £15.467m', () => {
      const c = result.narrative.capital!;
      assert.equal(c.spend, '£13.605m'); // 13,348 + 257 RCCO
      assert.equal(c.percent, '88.0%'); // 13,605 / 15,467 = 87.96…%, not the printed (truncated) 87.9%
      assert.equal(c.programme, '£15.467m');
      assert.ok(c.sentence.includes('£13.605m (88.0%) against an approved programme of £15.467m'), c.sentence);
    });

    it('IS Replacement Projects: reprofile 499 > remaining 465 is a note, and the only capital finding', () => {
      const f = result.findings.filter((x) => x.table === 'capital');
      assert.equal(f.length, 1);
      assert.equal(f[0].severity, 'note');
      assert.equal(f[0].rule, 'capital.reprofile-exceeds-remaining');
      assert.match(f[0].message, /^IS Replacement Projects:/);
      assert.equal(f[0].expected, '465');
      assert.equal(f[0].actual, '499');
      assert.equal(f[0].difference, '34');
      assert.equal(t.rows[f[0].at!.r].label, 'IS Replacement Projects');
      assert.equal(f[0].at!.c, col(t, 'reprofile'));
    });
  });

  describe('Table 3 (reserves) against the printed statement', () => {
    const tsv = readTsv('table3-reserves.tsv');
    const t = table(result, 'reserves');
    const ids = [
      'opening',
      'movement0', 'transfers0', 'capital0', 'closing0',
      'movement1', 'capital1', 'closing1',
      'movement2', 'capital2', 'closing2',
      'movement3', 'capital3', 'closing3',
    ];
    const printedCols = tsv.header.slice(2);
    const isReserve = (r: Row) => r.kind === 'general_reserve' || r.kind === 'earmarked_reserve';
    /** Our total for a column from our displayed reserve lines, chosen by the table's structure. */
    const linesUnder = (i: number): number[] => {
      const kind = t.rows[i].kind;
      const reserveRows = t.rows.map((r, j) => j).filter((j) => isReserve(t.rows[j]));
      const useableStart = t.rows.findIndex((r) => r.label === 'Useable:-');
      const nonUseableStart = t.rows.findIndex((r) => r.label === 'Non-useable:-');
      switch (kind) {
        case 'subtotal_useable': return reserveRows.filter((j) => j > useableStart && j < i);
        case 'subtotal_non_useable': return reserveRows.filter((j) => j > nonUseableStart && j < i);
        case 'total_earmarked': return reserveRows.filter((j) => t.rows[j].kind === 'earmarked_reserve');
        case 'total_reserves': return reserveRows;
        default: throw new Error(`not a total: ${kind}`);
      }
    };
    const totals = () => t.rows.map((r, i) => i).filter((i) => !isReserve(t.rows[i]) && t.rows[i].kind !== 'heading');

    it('has the printed rows and columns, in order', () => {
      assert.deepEqual(
        t.rows.map((r) => [r.kind, r.label]),
        tsv.rows.map((r) => [KIND[r.row_type], r.label]),
      );
      assert.deepEqual(t.columns.filter((c) => c.kind === 'money').map((c) => c.id), ids);
      assert.equal(printedCols.length, ids.length);
    });

    it('every reserve line equals the printed figure in every column (blank or "-" is nil)', () => {
      let compared = 0;
      tsv.rows.forEach((p, i) => {
        if (!isReserve(t.rows[i])) return;
        printedCols.forEach((from, k) => {
          same(shown(t, t.rows[i], ids[k]), printed(p[from]) ?? new Dec(0), `${p.label} / ${from}`);
          compared++;
        });
      });
      assert.equal(compared, 11 * 14);
    });

    it('every total and sub-total we show is the sum of our displayed reserve lines (it casts)', () => {
      for (const i of totals()) {
        for (const id of ids) {
          const lines = linesUnder(i).map((j) => shown(t, t.rows[j], id)!);
          same(shown(t, t.rows[i], id), sum(lines), `${t.rows[i].label} / ${id}`);
        }
      }
    });

    it('where the printed totals differ from the lines, the difference is exactly the published one', () => {
      const found: string[] = [];
      for (const i of totals()) {
        printedCols.forEach((from, k) => {
          const ours = shown(t, t.rows[i], ids[k])!;
          const theirs = printed(tsv.rows[i][from]) ?? new Dec(0);
          if (!ours.eq(theirs)) found.push(`${t.rows[i].label} | ${from} | printed ${text(theirs)} | lines ${text(ours)}`);
        });
      }
      assert.deepEqual(found, [
        'Total Useable:- | movement_to_from_revenue_2020_21 | printed 1499006 | lines 1499007',
        'Total Useable:- | balance_2021_03_31 | printed 6143244 | lines 6143245',
        'Total Useable:- | estimated_balance_2022_03_31 | printed 6764645 | lines 6764646',
        'Total Useable:- | estimated_balance_2023_03_31 | printed 5241444 | lines 5241445',
        'Total Useable:- | estimated_balance_2024_03_31 | printed 5241444 | lines 5241445',
      ]);
    });

    it('the printed TOTAL EARMARKED RESERVES does not cast with the printed sub-totals (off by 1 where Useable is)', () => {
      // An audit of the printed table alone: 1,499,006 + (872,922) = 626,084, but 626,085 is printed.
      const row = (label: string) => tsv.rows.find((r) => r.label === label)!;
      const found: string[] = [];
      for (const from of printedCols) {
        const parts = sum([row('Total Useable:-'), row('Total Non-useable:-')].map((r) => printed(r[from]) ?? new Dec(0)));
        const total = printed(row('TOTAL EARMARKED RESERVES')[from]) ?? new Dec(0);
        if (!parts.eq(total)) found.push(`${from}: ${text(total)} printed, sub-totals give ${text(parts)}`);
      }
      assert.deepEqual(found, [
        'movement_to_from_revenue_2020_21: 626085 printed, sub-totals give 626084',
        'balance_2021_03_31: 8967834 printed, sub-totals give 8967833',
        'estimated_balance_2022_03_31: 9154757 printed, sub-totals give 9154756',
        'estimated_balance_2023_03_31: 7151663 printed, sub-totals give 7151662',
        'estimated_balance_2024_03_31: 6626913 printed, sub-totals give 6626912',
      ]);
    });

    it('every closing balance rolls forward: opening + movements + transfers + capital', () => {
      for (const row of t.rows.filter(isReserve)) {
        let balance = shown(t, row, 'opening')!;
        for (let y = 0; y < 4; y++) {
          for (const id of [`movement${y}`, `transfers${y}`, `capital${y}`]) {
            if (t.columns.some((c) => c.id === id)) balance = balance.plus(shown(t, row, id)!);
          }
          same(shown(t, row, `closing${y}`), balance, `${row.label} / closing${y}`);
        }
      }
    });

    it('general reserve is 2.9% of the net revenue budget (5,500,000 / 189,878,803), within the 2-5% band', () => {
      assert.equal(result.narrative.reserves?.generalReservePercent, '2.9');
      const band = result.checks.find((c) => c.rule === 'reserves.general-band');
      assert.equal(band?.passed, true);
    });

    it('useable reserves give 7.1 years of cover in 2022/23 (10,741,445 / 1,523,201), none in years without a draw', () => {
      const c = table(result, 'reserves-categories');
      const cover = c.rows.find((r) => r.label.startsWith('Years of cover'))!;
      assert.deepEqual(
        ['y0', 'y1', 'y2', 'y3'].map((id) => text(shown(c, cover, id)!)),
        ['0', '0', '7.1', '0'],
      );
      const useable = c.rows.find((r) => r.label.startsWith('Useable reserves'))!;
      assert.equal(text(shown(c, useable, 'y2')!), '10741445');
    });

    it('transfers between reserves net to nil every year, and no reserve goes below nil', () => {
      const nets = result.checks.filter((c) => c.rule === 'reserves.transfers-net-nil');
      assert.equal(nets.length, 4);
      assert.ok(nets.every((c) => c.passed));
      assert.equal(result.checks.find((c) => c.rule === 'reserves.below-nil')?.passed, true);
    });
  });

  it('the only finding of the worked example is the IS Replacement Projects note', () => {
    assert.deepEqual(result.findings.map((f) => `${f.severity} ${f.rule}`), ['note capital.reprofile-exceeds-remaining']);
  });
});
