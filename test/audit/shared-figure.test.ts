// The one figure two failing checks share (session-6 trial T6-09, T6-104, T6-11 (3)): a wrong line breaks
// its row's relation (net = gross − income, a roll across, a variance, a stated "(d)=(b)+(c)") and its
// column's total by the same amount; the audit raises the error at that line's cell, where an auditor
// points, and keeps the total's and the row's differences as notes that name it. Shown on real tables as
// printed (test/fixtures/published/audit, sources in its SOURCES.md) and with one figure changed; every
// expected figure recomputed here by hand from the printed ones, in exact decimal.
import assert from 'node:assert/strict';
import { exitCodeOf } from '../../src/audit/audit';
import { audit, flags, published } from '../support/audit-helpers';

/** The notes that say which error explains them, as "row:column rule". */
const explained = (r: ReturnType<typeof audit>) =>
  r.findings.filter((f) => f.severity === 'note' && f.rule.endsWith('.explained')).map((f) => `${f.row}:${f.column} ${f.rule}`).sort();

/** The table with the figure printed `from` on the row labelled `label` printed `to` instead. */
function changed(text: string, label: string, from: string, to: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(label));
  assert.ok(i >= 0 && lines[i].split('\t').includes(from), `${label}: ${from} not printed`);
  lines[i] = lines[i].split('\t').map((x) => (x === from ? to : x)).join('\t');
  return lines.join('\n');
}

describe('audit: the one figure a failing row relation and a failing column total share is the error', () => {
  describe('Kilkenny County Council, Income and Expenditure Account 2008 (T6-09): two genuine errors, each a line', () => {
    const kilkenny = published('kilkenny-income-expenditure-2008.tsv');

    it('Roads gross 20,994,568: the row gives 6,339,821 + 14,604,747 = 20,944,568 and the Total 76,526,339 − the other gross lines 55,581,771 = 20,944,568 — an error at [6,3], 50,000 too high; the Total and the Roads net are its consequences', () => {
      const r = audit(kilkenny);
      const f = r.findings.find((x) => x.row === 6 && x.column === 3)!;
      assert.equal(f.severity, 'error');
      assert.equal(f.rule, 'auto.shared-figure');
      assert.equal(f.printed, '20994568');
      assert.equal(f.expected, '20944568');
      assert.equal(f.difference, '50000');
      assert.match(f.message, /the one figure they share/);
    });

    it('Agriculture income 7,353,177: the row gives 7,819,369 − 467,192 = 7,352,177 (the income total 45,749,342 − the other lines 38,397,166 = 7,352,176, a euro of rounding apart) — an error at [11,4], 1,000 too high', () => {
      const r = audit(kilkenny);
      const f = r.findings.find((x) => x.row === 11 && x.column === 4)!;
      assert.equal(f.severity, 'error');
      assert.equal(f.expected, '7352177');
      assert.equal(f.difference, '1000');
      // The income total, −1,001 out, is left −1 out once the line is right: said in its note.
      const total = r.findings.find((x) => x.row === 15 && x.column === 4)!;
      assert.equal(total.severity, 'note');
      assert.match(total.message, /with it right, −1 is left here, within the rounding/);
    });

    it('the whole reading: errors at the two lines, the Water net [7,5] (its row: 12,232,854 − 5,595,107 = 6,637,747) and the unreadable "27,711482"; warnings for the two roundings; the totals, the two nets and the net cost notes, exit 1', () => {
      const r = audit(kilkenny);
      assert.deepEqual(flags(r, { severity: true }).sort(), [
        '11:4 error auto.shared-figure 7352177',
        '18:6 error printed.unreadable undefined',
        '25:6 warning auto.cast 43600',
        '5:5 warning auto.across 1215315',
        '6:3 error auto.shared-figure 20944568',
        '7:5 error auto.across 6637747',
      ]);
      // the net cost 30,776,997 against its net lines 30,776,987: out by the Water net's 10, a note naming [7,5]
      assert.deepEqual(explained(r), ['11:5 auto.across.explained', '15:3 auto.cast.explained', '15:4 auto.cast.explained', '18:5 auto.cast.explained', '6:5 auto.across.explained']);
      assert.equal(exitCodeOf(r), 1);
    });

    it('with the two lines right (20,944,568 and 7,352,177) and the gross Total printed 76,476,339 instead: an error at the Total itself (its lines add up to 76,526,339), no line blamed', () => {
      const r = audit(changed(kilkenny.replace('20,994,568', '20,944,568').replace('7,353,177', '7,352,177'), 'Total Expenditure/Income', '76,526,339', '76,476,339'));
      assert.deepEqual(flags(r).filter((x) => x.startsWith('15:3') || x.includes('shared')), ['15:3 auto.cast 76526339']);
    });
  });

  describe('Brighton & Hove, Families, Children & Learning capital budget summary 2017/18 (T6-104): budget month 9 + other committees + IFRS + slippage = budget month 12; outturn − budget = variance', () => {
    const brighton = published('brighton-fcl-capital-2017-18-outturn.tsv');

    it('the printed table stays clean', () => {
      assert.deepEqual(flags(audit(brighton)), []);
    });

    it('Education & Skills IFRS (604) → (704): the roll gives 5,599 − 6,487 − 0 + 284 = (604) and the IFRS total (604) − the other lines 0 = (604): one error at [8,5], the IFRS total [11,5] and the month-12 budget [8,7] notes', () => {
      const r = audit(changed(brighton, 'Education & Skills', '(604)', '(704)'));
      assert.deepEqual(flags(r, { severity: true }), ['8:5 error revenue.shared-figure -604']);
      assert.deepEqual(explained(r), ['11:5 revenue.cast.explained', '8:7 revenue.budget-roll-forward.explained']);
    });

    it('Education & Skills budget month 9 6,487 → 6,587: one error at [8,3] (expected 6,487), the total [11,3] and the roll [8,7] notes', () => {
      const r = audit(changed(brighton, 'Education & Skills', '6,487', '6,587'));
      assert.deepEqual(flags(r), ['8:3 revenue.shared-figure 6487']);
    });

    it('Education & Skills outturn 5,594 → 5,694: one error at [8,8] (5,599 + (5) = 5,594; the outturn total 5,653 − 59 = 5,594), the variance [8,9] and the outturn total [11,8] notes', () => {
      const r = audit(changed(brighton, 'Education & Skills', '5,594', '5,694'));
      assert.deepEqual(flags(r), ['8:8 revenue.shared-figure 5594']);
      assert.deepEqual(explained(r), ['11:8 revenue.cast.explained', '8:9 revenue.variance.explained']);
    });
  });

  describe('Cabinet Office, capital outturn against estimate 2020-21 (T6-104): variance = estimate − outturn', () => {
    const co = published('cabinetoffice-capital-outturn-2020-21.tsv');

    it('each outturn and estimate line changed by 100 is one error at its own cell (the variance and the column total its consequences)', () => {
      const lines = co.split('\n');
      for (let r = 2; r <= 7; r++) {
        for (const k of [1, 2]) {
          const cells = lines[r].split('\t');
          if (cells[k] === '-') continue;
          const v = BigInt(cells[k].replace(/,/g, '')) + 100n;
          const copy = lines.slice();
          copy[r] = cells.map((x, j) => (j === k ? v.toLocaleString('en-GB') : x)).join('\t');
          const got = audit(copy.join('\n'));
          assert.deepEqual(flags(got), [`${r + 1}:${k + 1} auto.shared-figure ${cells[k].replace(/,/g, '')}`], `row ${r + 1} column ${k + 1}`);
        }
      }
    });
  });

  describe('Scottish Government, Table 4.1 movements in reserves 2016-17 (T6-11 (3)): "(d)=(b)+(c)" and "(e)=(a)+(d)" stated in the header', () => {
    const scot = published('scotgov-slgfs-reserves-movements-2016-17.tsv');

    it('General Fund (b) 55,451 → 55,551: one error at [5,3] ((d) 47,382 − (c) (8,069) = 55,451), the (b) total [11,3] and the row\'s (d) [5,5] notes', () => {
      const r = audit(changed(scot, 'General Fund', '55,451', '55,551'));
      assert.deepEqual(flags(r), ['5:3 auto.shared-figure 55451']);
      assert.deepEqual(explained(r), ['11:3 auto.cast.explained', '5:5 auto.across.explained']);
    });

    it('General Fund (d) 47,382 → 47,482: the error at [5,5] itself ((b) + (c) = 47,382; (e) − (a) = 47,382), not at the closing balance [5,6]; the (d) total and (e) = (a) + (d) notes', () => {
      const r = audit(changed(scot, 'General Fund', '47,382', '47,482'));
      assert.deepEqual(flags(r), ['5:5 auto.across 47382']);
      assert.deepEqual(explained(r), ['11:5 auto.cast.explained', '5:6 auto.across.explained']);
    });
  });
});
