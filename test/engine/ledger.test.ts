// Ledger-level input: ≥ 10,000 lines aggregate to Table 1 exactly and the reconciliation check
// proves it; unmapped and doubly-mapped lines are reported at their place; the mapping's codes,
// ranges and prefixes; the exact sums beyond the integer-pence fast path.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { Dec, text } from '../../src/base/decimal';
import { aggregateLedger, codeMatches, compareCodes } from '../../src/engine/ledger';
import type { LedgerInput } from '../../src/engine/model';
import { InvalidInput } from '../../src/format/errors';
import { toModel } from '../../src/format/validate';
import { EXAMPLE_OUT, makeLedgerExample } from '../../scripts/make-ledger-example';
import { buildDoc, check, exact, findings, ledgerDoc, readExample, table } from '../support/forecast';

/** The heading of a generated line, worked out independently of the product's mapping code. */
function headingOf(cc: string, account: string, headings: string[]): string {
  if (cc === '20000') return account.startsWith('81') ? 'Government Grants' : 'General Income';
  if (cc === '20100') return 'Interest Receipts';
  return headings[Math.floor((Number.parseInt(cc, 10) - 10000) / 100)];
}

describe('forecast: ledger-level input', () => {
  const generated = makeLedgerExample();
  const doc = JSON.parse(generated);
  const headings: string[] = doc.revenue.sections.flatMap((s: any) => s.lines.map((l: any) => l.label));

  it('the committed example is what scripts/make-ledger-example.ts generates (deterministic), with at least 10,000 lines', () => {
    assert.equal(readFileSync(EXAMPLE_OUT, 'utf8'), generated);
    assert.ok(doc.revenue.ledger.lines.length >= 10_000, `${doc.revenue.ledger.lines.length} lines`);
    assert.equal(doc.revenue.ledger.lines.length, 10_080);
  });

  it('10,080 ledger lines aggregate to Table 1 exactly (outturn basis), and the reconciliation check proves it', () => {
    const d = structuredClone(doc);
    delete d.revenue.ledger.month;
    for (const l of d.revenue.ledger.lines) delete l.forecast;
    // Independent aggregation: decimal.js per line, headings by the generator's own rule.
    const budget = new Map<string, Dec>(headings.map((h) => [h, new Dec(0)]));
    const actual = new Map<string, Dec>(headings.map((h) => [h, new Dec(0)]));
    let totalBudget = new Dec(0);
    let totalActual = new Dec(0);
    for (const l of d.revenue.ledger.lines) {
      const h = headingOf(l.costCentre, l.account, headings);
      budget.set(h, budget.get(h)!.plus(l.budget));
      actual.set(h, actual.get(h)!.plus(l.actualToDate));
      totalBudget = totalBudget.plus(l.budget);
      totalActual = totalActual.plus(l.actualToDate);
    }
    const r = buildDoc(d);
    const t1 = table(r, 'revenue');
    const base = readExample('derbyshire-2020-21.json');
    const published = new Map<string, string>(base.revenue.sections.flatMap((s: any) => s.lines.map((l: any) => [l.label, l.revisedBudget])));
    for (const h of headings) {
      assert.equal(exact(t1, h, 'revised'), text(budget.get(h)!), `${h} revised`);
      assert.equal(exact(t1, h, 'outturn'), text(actual.get(h)!), `${h} outturn`);
      // the generator spreads each heading's published revised budget over its lines exactly
      assert.equal(exact(t1, h, 'revised'), published.get(h), `${h} = the worked example's revised budget`);
    }
    assert.equal(exact(t1, 'TOTAL DERBYSHIRE POLICE', 'revised'), text(totalBudget));
    assert.equal(exact(t1, 'TOTAL DERBYSHIRE POLICE', 'outturn'), text(totalActual));
    assert.equal(text(totalBudget), '189878803');
    const rec = check(r, 'ledger.reconciliation');
    assert.equal(rec.passed, true, rec.detail);
    assert.match(rec.detail!, /budget: Table 1 189878803, ledger 189878803, difference 0/);
    assert.equal(check(r, 'ledger.mapping').passed, true);
    const lt = table(r, 'revenue-ledger');
    const diff = lt.rows.find((x) => x.label.startsWith('Difference'))!;
    assert.ok(diff.cells.filter((c) => c && 'exact' in c).every((c: any) => c.exact.isZero()));
    assert.equal(findings(r, 'ledger.unmapped').length, 0);
    assert.equal(r.findings.filter((f) => f.severity !== 'note').length, 0);
  });

  it('the month-6 example reconciles too (budget and actual to date), and Table 1 is titled as a forecast', () => {
    const r = buildDoc(doc);
    assert.equal(check(r, 'ledger.reconciliation').passed, true);
    assert.equal(table(r, 'revenue').title, 'Revenue forecast outturn against budget 2021/22 (forecast at month 6)');
    assert.equal(table(r, 'revenue').columns.find((c) => c.id === 'outturn')!.header[0], 'Forecast Outturn');
  });

  it('an unmapped line is reported at its JSON path, and Table 1 then does not reconcile (by exactly that line)', () => {
    const d = structuredClone(doc);
    d.revenue.ledger.lines.push({ costCentre: '99999', account: '4000', description: 'Miscoded', budget: '123.45', actualToDate: '67.89' });
    const r = buildDoc(d);
    const f = findings(r, 'ledger.unmapped');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    assert.equal(f[0].source, '$.revenue.ledger.lines[10080]');
    assert.match(f[0].message, /Ledger line 10081 \(cost centre 99999, account 4000 \(Miscoded\)\) is not mapped to any heading/);
    const rec = check(r, 'ledger.reconciliation');
    assert.equal(rec.passed, false);
    const bad = findings(r, 'ledger.reconciliation');
    assert.equal(bad.length, 2, 'budget and actual');
    assert.deepEqual(bad.map((x) => x.difference), ['-123.45', '-67.89']);
    assert.equal(exact(table(r, 'revenue-ledger'), 'Lines not mapped to any heading (1)', 'budget'), '123.45');
  });

  it('a line two headings map is reported at its place, counted in neither, and breaks the reconciliation', () => {
    const d = ledgerDoc({
      lines: [
        { costCentre: '100', account: '4000', budget: '10', actualToDate: '4' },
        { costCentre: '100', account: '5000', budget: '7.5', actualToDate: '1' },
      ],
      mapping: [{ heading: 'A', costCentre: '100' }, { heading: 'B', accountPrefix: '5' }],
    });
    const r = buildDoc(d);
    const f = findings(r, 'ledger.mapped-twice');
    assert.equal(f.length, 1);
    assert.equal(f[0].source, '$.revenue.ledger.lines[1]');
    assert.match(f[0].message, /mapped to more than one heading \(A; B\)/);
    const t1 = table(r, 'revenue');
    assert.equal(exact(t1, 'A', 'revised'), '10');
    assert.equal(exact(t1, 'B', 'revised'), '0');
    assert.equal(check(r, 'ledger.reconciliation').passed, false);
    assert.equal(findings(r, 'ledger.reconciliation')[0].difference, '-7.5');
  });

  it('mapping criteria: exact codes, ranges (digits compare as numbers), prefixes, and both dimensions at once', () => {
    assert.ok(compareCodes('999', '1000') < 0);
    assert.ok(compareCodes('0999', '1000') < 0);
    assert.ok(compareCodes('A10', 'A9') < 0, 'text compares as text');
    const d = ledgerDoc({
      lines: [
        { costCentre: '999', account: '4000', budget: '1', actualToDate: '0' }, // range 999..1000 → A
        { costCentre: '1000', account: '4000', budget: '2', actualToDate: '0' }, // range → A
        { costCentre: '10000', account: '4000', budget: '4', actualToDate: '0' }, // outside the range; prefix "100" with account 6… → no
        { costCentre: '10000', account: '6100', budget: '8', actualToDate: '0' }, // prefix 100 and account range 6000–6999 → B
        { costCentre: 'X1', account: '6100', budget: '16', actualToDate: '0' }, // exact X1 → B
      ],
      mapping: [
        { heading: 'A', costCentres: { from: '999', to: '1000' } },
        { heading: 'B', costCentrePrefix: '100', accounts: { from: '6000', to: '6999' } },
        { heading: 'B', costCentre: 'X1' },
      ],
    });
    const r = buildDoc(d);
    const t1 = table(r, 'revenue');
    assert.equal(exact(t1, 'A', 'revised'), '3');
    assert.equal(exact(t1, 'B', 'revised'), '24');
    assert.deepEqual(findings(r, 'ledger.unmapped').map((f) => f.source), ['$.revenue.ledger.lines[2]']);
    assert.equal(check(r, 'ledger.reconciliation').passed, false);
  });

  it('invalid ledger input is refused with JSON paths: unknown heading, two criteria, no criterion, figures the ledger gives, a forecast without a month, unknown fields', () => {
    const d = ledgerDoc({
      lines: [{ costCentre: '1', account: '2', budget: '1', actualToDate: '1', forecast: '1' }],
      mapping: [{ heading: 'Nope', costCentre: '1' }, { heading: 'A', costCentre: '1', costCentrePrefix: '1' }, { heading: 'B' }],
    });
    d.revenue.sections[0].lines[0].outturn = '5';
    let err: InvalidInput | undefined;
    try { toModel(d); } catch (e) { err = e as InvalidInput; }
    assert.ok(err instanceof InvalidInput);
    const where = err.errors.map((e) => e.where);
    assert.ok(where.includes('$.revenue.ledger.mapping[0].heading'), where.join(' '));
    assert.ok(where.includes('$.revenue.ledger.mapping[1]'));
    assert.ok(where.includes('$.revenue.ledger.mapping[2]'));
    assert.ok(where.includes('$.revenue.sections[0].lines[0].outturn'));
    assert.ok(where.includes('$.revenue.ledger.lines[0].forecast'));
    const typo = ledgerDoc({ lines: [{ costCentre: '1', account: '2', budget: '1', actualToDate: '1', acutal: '1' }], mapping: [{ heading: 'A', costCentre: '1' }] });
    assert.throws(() => toModel(typo), (e: InvalidInput) => e.errors.some((x) => x.where === '$.revenue.ledger.lines[0].acutal' && /unknown field/.test(x.message)));
    // without a ledger the heading figures stay required, as before (the original budget is optional
    // since #11: many bodies do not publish it; the revised budget and the outturn are not)
    const plain = ledgerDoc({ lines: [], mapping: [{ heading: 'A', costCentre: '1' }] });
    delete plain.revenue.ledger;
    assert.throws(() => toModel(plain), (e: InvalidInput) => e.errors.some((x) => x.where === '$.revenue.sections[0].lines[0].revisedBudget' && x.message === 'required field is missing'));
  });

  it('exact beyond the integer-pence fast path: more than two decimals, and totals past 2^53 pence', () => {
    const big = '9999999999999.99'; // 15 digits of pence; 1,000 of them pass 2^53 pence
    const lines = Array.from({ length: 1000 }, (_, i) => ({ costCentre: 'C', account: String(i % 3), budget: big, actualToDate: i === 7 ? '0.001' : '1' }));
    const ledger: LedgerInput = { lines, mapping: [{ heading: 'A', costCentre: { exact: 'C' } }], profiles: [], originalBudgets: new Map() };
    const agg = aggregateLedger(ledger, ['A']);
    assert.equal(text(agg.byHeading[0].budget), '9999999999999990');
    assert.equal(text(agg.total.budget), '9999999999999990');
    assert.equal(text(agg.byHeading[0].actual), '999.001');
  });

  it('every bucket and the ledger total equal decimal.js line by line (random lines: big, negative, 3 decimals, commitments, forecasts, unmapped, mapped twice; mapped by cost centre, by account, by both)', () => {
    const amount = fc.oneof(
      fc.integer({ min: -999_999_999, max: 999_999_999 }).map((p) => new Dec(p).div(100).toFixed(2)),
      fc.constantFrom('9999999999999.99', '-9999999999999.99', '999999999999999', '0.001', '-12.5', '7'),
    );
    const line = fc.record({
      costCentre: fc.constantFrom('C1', 'C2', 'C3', 'X'),
      account: fc.constantFrom('100', '200', '300', '900'),
      budget: amount,
      actualToDate: amount,
      commitments: fc.option(amount, { nil: undefined }),
      forecast: fc.option(amount, { nil: undefined }),
    }).map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined)) as unknown as LedgerInput['lines'][number]);
    type Row = LedgerInput['mapping'][number];
    const mappings: Row[][] = [
      // by cost centre only (the bucket is worked out per cost centre); C3 → A and B: mapped twice
      [{ heading: 'A', costCentre: { exact: 'C1' } }, { heading: 'B', costCentre: { prefix: 'C2' } }, { heading: 'A', costCentre: { exact: 'C3' } }, { heading: 'B', costCentre: { exact: 'C3' } }],
      // by account only (per account)
      [{ heading: 'A', account: { exact: '100' } }, { heading: 'B', account: { from: '150', to: '300' } }, { heading: 'A', account: { exact: '300' } }],
      // mixed: per pair of cost centre and account
      [{ heading: 'A', costCentre: { exact: 'C1' } }, { heading: 'B', costCentre: { exact: 'C2' } }, { heading: 'A', costCentre: { exact: 'C3' }, account: { exact: '300' } },
        { heading: 'B', costCentre: { exact: 'C3' }, account: { exact: '300' } }, { heading: 'B', account: { exact: '900' } }],
    ];
    fc.assert(fc.property(fc.array(line, { maxLength: 400 }), fc.constantFrom(0, 1, 2), (lines, which) => {
      const mapping = mappings[which];
      const ledger: LedgerInput = { lines, mapping, profiles: [], originalBudgets: new Map() };
      const agg = aggregateLedger(ledger, ['A', 'B']);
      // the reference: every row tried on every line
      const bucketOf = (l: (typeof lines)[number]) => {
        const hs = new Set(mapping.filter((m) => (!m.costCentre || codeMatches(l.costCentre, m.costCentre)) && (!m.account || codeMatches(l.account, m.account))).map((m) => m.heading));
        return hs.size === 0 ? 'unmapped' : hs.size > 1 ? 'twice' : [...hs][0];
      };
      const want = (pick: (l: (typeof lines)[number]) => boolean) => {
        const ls = lines.filter(pick);
        const s = (f: (l: (typeof lines)[number]) => string | undefined) => text(ls.reduce((acc, l) => acc.plus(f(l) ?? '0'), new Dec(0)));
        return {
          budget: s((l) => l.budget), actual: s((l) => l.actualToDate), commitments: s((l) => l.commitments), forecast: s((l) => l.forecast),
          budgetNoForecast: s((l) => (l.forecast === undefined ? l.budget : undefined)), lines: ls.length, linesWithForecast: ls.filter((l) => l.forecast !== undefined).length,
        };
      };
      const got = (b: (typeof agg)['total']) => ({
        budget: text(b.budget), actual: text(b.actual), commitments: text(b.commitments), forecast: text(b.forecast),
        budgetNoForecast: text(b.budgetNoForecast), lines: b.lines, linesWithForecast: b.linesWithForecast,
      });
      assert.deepEqual(got(agg.byHeading[0]), want((l) => bucketOf(l) === 'A'));
      assert.deepEqual(got(agg.byHeading[1]), want((l) => bucketOf(l) === 'B'));
      assert.deepEqual(got(agg.ambiguous), want((l) => bucketOf(l) === 'twice'));
      assert.deepEqual(got(agg.unmapped), want((l) => bucketOf(l) === 'unmapped'));
      assert.deepEqual(got(agg.total), want(() => true));
      assert.equal(agg.hasCommitments, lines.some((l) => l.commitments !== undefined));
      assert.equal(agg.hasForecast, lines.some((l) => l.forecast !== undefined));
      assert.deepEqual(agg.unmappedLines, lines.flatMap((l, i) => (bucketOf(l) === 'unmapped' ? [i] : [])).slice(0, 200));
      assert.deepEqual(agg.ambiguousLines, lines.flatMap((l, i) => (bucketOf(l) === 'twice' ? [{ line: i, headings: ['A', 'B'] }] : [])).slice(0, 200));
    }), { numRuns: 200 });
  });
});
