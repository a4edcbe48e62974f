// Issue 11 item 7: how bodies structure Table 1 — sub-totals within sub-totals (directorate →
// service), an earmarked block with its own sub-total, and revenue transferred to capital as its own
// line below the total. Each reproduced from a published table (sources named; the figures
// recomputed by hand in exact decimal in the body's notes), built from JSON and through the input
// templates, its workbook audited clean, and a changed figure caught.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditGrids } from '../../src/audit/audit';
import { Dec } from '../../src/base/decimal';
import { parsePrinted } from '../../src/base/printed';
import { build } from '../../src/engine/build';
import type { BuildResult, Table } from '../../src/engine/model';
import { isFigure } from '../../src/engine/model';
import { InvalidInput } from '../../src/format/errors';
import { readTemplates, type InputSheet } from '../../src/format/templates';
import { toModel } from '../../src/format/validate';
import { makePlan, type WorkbookPlan } from '../../src/plan/plan';
import { readPrintedWorkbook } from '../../src/xlsx/read-printed';
import { workbookBuffer } from '../../src/xlsx/write';
import { sameThroughTemplates, viaTemplates } from '../support/template-roundtrip';
import fc from 'fast-check';
import { positivePence, randomDocument } from '../support/random-input';

const ROOT = join(__dirname, '..', '..');
const BODIES = join(ROOT, 'test', 'fixtures', 'published', 'bodies');
const doc = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
const DORSET = 'test/fixtures/bodies-inputs/dorset-police-2012-13-outturn.json';
const IOW = 'test/fixtures/bodies-inputs/iow-2004-05-adult-community-month4.json';

function printed(raw: string): Dec {
  const p = parsePrinted(raw.replace(/%$/, ''));
  if (p.kind === 'blank') return new Dec(0);
  assert.equal(p.kind, 'number', `printed figure ${JSON.stringify(raw)} is unreadable`);
  return p.kind === 'number' ? p.value : new Dec(0);
}
const tsv = (body: string) => readFileSync(join(BODIES, body, 'table.tsv'), 'utf8').split(/\r?\n/).filter((l) => l !== '').map((l) => l.split('\t'));

function shown(t: Table, label: string, col: string): Dec {
  const r = t.rows.find((x) => x.label === label);
  assert.ok(r, `no row ${JSON.stringify(label)} (rows: ${t.rows.map((x) => x.label).join(' | ')})`);
  const cell = r.cells[t.columns.findIndex((c) => c.id === col)];
  assert.ok(isFigure(cell), `${label} / ${col} is not a figure`);
  return cell.shown;
}
const revenue = (r: BuildResult) => r.tables.find((t) => t.id === 'revenue')!;
const kinds = (t: Table) => t.rows.map((r) => r.kind);

async function audited(plan: WorkbookPlan) {
  return auditGrids(await readPrintedWorkbook(await workbookBuffer(plan), 'built.xlsx'));
}
/** The plan with the figure at a table row (by label) and column (by id) changed by `delta`. */
function changed(r: BuildResult, plan: WorkbookPlan, label: string, col: string, delta: number): WorkbookPlan {
  const t = revenue(r);
  const p = plan.placement.revenue!;
  const row = p.row + t.rows.findIndex((x) => x.label === label);
  const c = p.column + t.columns.findIndex((x) => x.id === col);
  const sheets = plan.sheets.map((s) => (s.name === p.sheet ? { ...s, cells: s.cells.map((x) => x.slice()) } : s));
  const s = sheets.find((x) => x.name === p.sheet)!;
  const cell = s.cells[row][c]!;
  assert.ok(cell.t !== 's');
  s.cells[row][c] = { ...cell, v: new Dec(cell.v).plus(delta).toFixed() };
  return { ...plan, sheets };
}

describe('Table 1 structure as bodies print it (issue 11 item 7)', function () {
  this.timeout(120_000);

  it('Dorset Police, Financial Outturn 2012/13 (Joint Independent Audit Committee 5 September 2013, agenda 6): the transfer to capital, then the earmarked amounts with their own "Total"', async () => {
    // Source: test/fixtures/published/bodies/dorset-2012-13-revenue-outturn (notes.md, structure.md).
    const r = build(toModel(doc(DORSET)));
    const t = revenue(r);
    assert.deepEqual(kinds(t), ['line', 'total', 'total_underspend', 'transfer_to_capital', 'earmarked', 'earmarked', 'earmarked', 'earmarked', 'earmarked', 'earmarked', 'earmarked_subtotal', 'net_underspend']);
    assert.ok(shown(t, 'TOTAL UNDERSPEND', 'variance').eq(-2321), 'under spend of £2.321m');
    assert.ok(shown(t, 'Transferred to capital to fund the existing capital programme', 'variance').eq(1705), '£1,705m [sic] to capital');
    // The printed table, figure for figure: six amounts and their Total.
    for (const [label, amount] of tsv('dorset-2012-13-revenue-outturn').slice(1)) {
      const row = label === 'Total' ? 'Total' : `less: ${label}`;
      assert.ok(shown(t, row, 'variance').eq(printed(amount)), `${row}: ${shown(t, row, 'variance').toFixed()} printed ${amount}`);
    }
    // −2,321 + 1,705 + 616 = 0: nothing left; the net adds the earmarked sub-total, not its lines again.
    assert.ok(shown(t, 'NET UNDERSPEND AFTER TRANSFER TO CAPITAL AND EARMARKED UNDERSPENDS', 'variance').isZero());
    const net = t.rows[t.rows.length - 1].cells[t.columns.findIndex((c) => c.id === 'variance')];
    assert.ok(isFigure(net) && net.derivation?.op === 'sum');
    assert.deepEqual(net.derivation.op === 'sum' && net.derivation.of.map((x) => t.rows[x.r].kind), ['total_underspend', 'transfer_to_capital', 'earmarked_subtotal']);
    // "an under spend of £2.321m against budget of £117.611m (2%)": 2,321 / 117,611 = 1.97% → 2.0%.
    assert.equal(r.narrative.revenue!.sentence, 'The final outturn shows an overall underspend against the Revised Budget for the year of £2.321m (2.0% of the revised budget), of which £1.705m is transferred to capital and £0.616m earmarked, leaving nothing.');
    assert.deepEqual(r.findings.filter((f) => f.severity !== 'note'), []);

    // The workbook: the sub-total and the net are formulas an auditor follows, and audit clean.
    const plan = makePlan(r);
    const sheet = plan.sheets.find((s) => s.name === plan.placement.revenue!.sheet)!;
    const formulas = sheet.cells.flat().filter((c) => c?.t === 'f').map((c) => (c as { f: string }).f);
    assert.ok(formulas.includes('=ROUND(SUM(D11:D16),2)'), formulas.join(' '));
    assert.ok(formulas.includes('=ROUND(SUM(D9:D10,D17),2)'), formulas.join(' '));
    const clean = await audited(plan);
    assert.deepEqual(clean.findings, []);
    // An earmarked sub-total printed one off is caught; so is an earmarked amount changed under it.
    const wrongTotal = await audited(changed(r, plan, 'Total', 'variance', 1));
    assert.ok(wrongTotal.findings.some((f) => f.severity === 'error'), JSON.stringify(wrongTotal.findings));
    const wrongLine = await audited(changed(r, plan, 'less: Body Armour Reserve', 'variance', 1));
    assert.ok(wrongLine.findings.some((f) => f.severity === 'error'), JSON.stringify(wrongLine.findings));
  });

  it('an earmarked sub-total not labelled "Total…" is still read by the audit as the sub-total it is', async () => {
    const d = doc(DORSET);
    (d.revenue as Record<string, unknown>).earmarkedSubtotalLabel = 'Remainder earmarked';
    const r = build(toModel(d));
    assert.deepEqual((await audited(makePlan(r))).findings, []);
  });

  it('Isle of Wight Council, Revenue Expenditure Summary at end of July 2004 (Adult and Community Services Select Committee 16 September 2004, Paper B Appendix 1): services with their sub-totals within the directorate', async () => {
    // Source: test/fixtures/published/bodies/iow-2004-05-adult-community-revenue (notes.md).
    const r = build(toModel(doc(IOW)));
    const t = revenue(r);
    // The council rounded each printed figure from pounds: these four cells are not what the printed
    // figures give (notes.md); Outturn shows what they give, one off from the print.
    const fromPounds: Record<string, Record<string, string>> = {
      'Adults Aged Under 65 with Physical/Sensory Disabilities': { pct: '-1.7' },
      'Adults Aged Under 65 with Learning Disabilities': { variance: '139' },
      'Supported Employment': { pct: '0.5' },
      'Total Adult Services': { outturn: '18483', variance: '-87' },
    };
    const rows = tsv('iow-2004-05-adult-community-revenue').slice(1);
    let subtotals = 0;
    for (const [raw, budget, forecast, variance, pct] of rows) {
      if (budget === '') continue; // a service heading
      // The unlabelled sub-totals: the first closes Childrens Services, the second Adult Services.
      const label = raw || ['Total Childrens Services', 'Total Adult Services'][subtotals++];
      const cols: [string, string][] = [['revised', budget], ['outturn', forecast], ['variance', variance], ...(pct ? [['pct', pct] as [string, string]] : [])];
      for (const [col, p] of cols) {
        const want = fromPounds[label]?.[col] ?? p;
        const got = col === 'pct' ? shown(t, label, col).times(100) : shown(t, label, col);
        assert.ok(got.eq(printed(want)), `${label} / ${col}: shows ${got.toFixed()}, printed ${p}`);
      }
    }
    assert.equal(subtotals, 2);
    // The directorate (not in the stored text): 225 + 9,134 + 18,396 + 3,208 + 0 + 570 = 31,533;
    // 239 + 9,111 + 18,483 + 3,260 + 0 + 420 = 31,513; budget − forecast = 20.
    const dir = 'Total Adult and Community Services (services 1 to 6)';
    assert.deepEqual([shown(t, dir, 'revised'), shown(t, dir, 'outturn'), shown(t, dir, 'variance')].map((x) => x.toFixed()), ['31533', '31513', '20']);
    // The directorate adds its services' sub-totals and the one-line services; the total adds the directorate only.
    const sumOf = (label: string) => {
      const cell = t.rows.find((x) => x.label === label)!.cells[t.columns.findIndex((c) => c.id === 'revised')];
      assert.ok(isFigure(cell) && cell.derivation?.op === 'sum');
      return cell.derivation.op === 'sum' ? cell.derivation.of.map((x) => t.rows[x.r].label) : [];
    };
    assert.deepEqual(sumOf(dir), ['1. Service Strategy', 'Total Childrens Services', 'Total Adult Services',
      '4. Support Services and Management Costs', '5. Internal Trading Accounts (Direct Services)', '6. Social Services Unallocated']);
    assert.deepEqual(sumOf('Total'), [dir]);
    assert.deepEqual(kinds(t).slice(0, 3), ['heading', 'line', 'heading']);
    assert.deepEqual((await audited(makePlan(r))).findings, []);
  });

  it('two directorates and a section outside both: each directorate sums its own services, the total its top level only (the force / OPCC split with a group total)', () => {
    const line = (label: string, b: string, o: string) => ({ label, revisedBudget: b, outturn: o });
    const r = build(toModel({
      format: 'outturn/v1', organisation: 'Police and Crime Commissioner', financialYear: '2021/22',
      revenue: { units: '£m', totalLabel: 'Total Police Fund', underspendRows: 'when-needed', decimals: 1, sections: [
        { label: 'Police Force', subtotalLabel: 'Total Police Force', sections: [
          { label: 'Local Policing', subtotalLabel: 'Total Local Policing', lines: [line('Neighbourhoods', '100.1', '99.7'), line('Response', '80.2', '80.9')] },
          { label: 'Crime', subtotalLabel: 'Total Crime', lines: [line('Investigations', '50.3', '49.8')] } ] },
        { label: 'Office of the PCC', subtotalLabel: 'Total OPCC', sections: [
          { lines: [line('OPCC running costs', '2.8', '2.6'), line('Commissioned services', '3.1', '3.1')] } ] },
        { lines: [line('Capital financing', '4.0', '4.0')] },
      ] },
    }));
    const t = revenue(r);
    // Force 100.1 + 80.2 + 50.3 = 230.6; OPCC 2.8 + 3.1 = 5.9; total 230.6 + 5.9 + 4.0 = 240.5.
    assert.ok(shown(t, 'Total Police Force', 'revised').eq('230.6'));
    assert.ok(shown(t, 'Total OPCC', 'revised').eq('5.9'));
    assert.ok(shown(t, 'Total Police Fund', 'revised').eq('240.5'));
    // Outturn 99.7 + 80.9 + 49.8 = 230.4; 2.6 + 3.1 = 5.7; 230.4 + 5.7 + 4.0 = 240.1; variance −0.4.
    assert.ok(shown(t, 'Total Police Fund', 'outturn').eq('240.1'));
    assert.ok(shown(t, 'Total Police Fund', 'variance').eq('-0.4'));
    assert.deepEqual(kinds(t), ['heading', 'heading', 'line', 'line', 'subtotal', 'heading', 'line', 'subtotal', 'subtotal',
      'heading', 'line', 'line', 'subtotal', 'line', 'total']);
  });

  it('the same tables through `outturn template` and back, and typed into the templates by hand', () => {
    for (const path of [DORSET, IOW]) {
      const { direct, templates } = sameThroughTemplates(doc(path));
      assert.deepEqual(templates, direct, path);
    }
    // By hand: a Directorate column, a Transfer to capital row, the earmarked sub-total setting.
    const byHand: InputSheet[] = [
      { name: 'Outturn settings', values: [['Outturn settings'], [null], ['Setting', 'Value'],
        ['Organisation', 'Dorset Police'], ['Financial year', '2012/13'], ['Revenue units', "£'000"],
        ['Revenue total label', 'Total net revenue budget'], ['Revenue earmarked sub-total label', 'Total']] },
      { name: 'Revenue input', values: [['Revenue input'], [null],
        ['Section', 'Sub-total label', 'Budget heading', 'Ref', 'Original budget', 'Revised budget', 'Outturn', null, 'Type', 'Label', 'Amount', 'Reserve'],
        [null, null, 'Dorset Police', null, null, 117611, 115290, null, 'Transfer to capital', 'Transferred to capital', 1705, null],
        [null, null, null, null, null, null, null, null, 'Earmarked', 'Body Armour Reserve', 160, null],
        [null, null, null, null, null, null, null, null, 'Earmarked', 'Other', 456, null]] },
    ];
    const t = revenue(build(readTemplates(byHand)));
    assert.deepEqual(kinds(t).slice(2), ['total_underspend', 'transfer_to_capital', 'earmarked', 'earmarked', 'earmarked_subtotal', 'net_underspend']);
    assert.ok(shown(t, 'Total', 'variance').eq(616));
    const model = viaTemplates(doc(IOW));
    assert.equal(model.revenue!.groups?.[0].label, 'Adult and Community Services');
    assert.deepEqual(model.revenue!.sections.map((s) => s.group), [0, 0, 0, 0]);
  });

  it('bad structure is refused at its place', () => {
    const bad = (revenue: Record<string, unknown>) => {
      try {
        toModel({ format: 'outturn/v1', organisation: 'X', financialYear: '2020/21', revenue: { units: '£', totalLabel: 'Total', ...revenue } });
      } catch (e) {
        assert.ok(e instanceof InvalidInput);
        return e.errors.map((x) => `${x.where}: ${x.message}`);
      }
      assert.fail('accepted');
    };
    const l = [{ label: 'A', revisedBudget: '1', outturn: '1' }];
    assert.ok(bad({ sections: [{ lines: l }], earmarkedSubtotalLabel: 'Total earmarked' }).some((m) => m.startsWith('$.revenue.earmarkedSubtotalLabel: an earmarked sub-total needs earmarked')));
    assert.ok(bad({ sections: [{ label: 'D', sections: [{ lines: l }], lines: l }] }).some((m) => m.startsWith('$.revenue.sections[0]')));
    assert.ok(bad({ sections: [{ label: 'D', sections: [{ lines: [{ label: 'A', revisedBudget: '1' }] }] }] }).includes('$.revenue.sections[0].sections[0].lines[0].outturn: required field is missing'));
    assert.ok(bad({ sections: [{ label: 'A', sections: [{ lines: l }] }] }).some((m) => m.includes('used twice')));
  });

  it('property: random Table 1s grouped into directorates, with an earmarked sub-total and transfers to capital, audit clean as written (25 runs)', async () => {
    const shapes = fc.record({
      size: fc.integer({ min: 1, max: 3 }),
      skipFirst: fc.boolean(),
      labels: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      subtotals: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      earmarkedSubtotal: fc.boolean(),
      toCapital: fc.array(positivePence(10n ** 8n), { maxLength: 2 }),
    });
    const samples = fc.sample(fc.tuple(randomDocument(), shapes), { numRuns: 25, seed: 11_2026 });
    let grouped = 0;
    for (const [base, o] of samples) {
      const d = JSON.parse(JSON.stringify(base)) as Record<string, any>;
      delete d.capital;
      delete d.reserves;
      const r = d.revenue;
      const top: Record<string, unknown>[] = o.skipFirst ? r.sections.slice(0, 1) : [];
      const rest = r.sections.slice(top.length);
      for (let i = 0, g = 0; i < rest.length; i += o.size, g++) {
        top.push({ ...(o.labels[g] ? { label: `Directorate ${g + 1}` } : {}), ...(o.subtotals[g] ? { subtotalLabel: `Total directorate ${g + 1}` } : {}), sections: rest.slice(i, i + o.size) });
      }
      // Sub-totals labelled as bodies print them ("Total …"): a directorate of one service repeats its
      // service's sub-total, a one-row total the audit can only tell from a line by its label.
      r.sections = top;
      for (const e of r.earmarked ?? []) delete e.reserve;
      if (o.earmarkedSubtotal && (r.earmarked ?? []).length) r.earmarkedSubtotalLabel = 'Earmarked in all';
      if (o.toCapital.length) r.transfersToCapital = o.toCapital.map((a, i) => ({ label: `Revenue contribution to capital ${i + 1}`, amount: a }));
      let result: BuildResult;
      try {
        result = build(toModel(d));
      } catch (e) {
        if (e instanceof InvalidInput) continue;
        throw e;
      }
      grouped++;
      const report = await audited(makePlan(result));
      const serious = report.findings.filter((f) => !(f.severity === 'note' && f.rule === 'revenue.budget-requirement'));
      assert.deepEqual(serious, [], JSON.stringify(d.revenue));
    }
    assert.ok(grouped >= 15, `only ${grouped} valid documents`);
  });
});
