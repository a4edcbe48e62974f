// The MTFP's input (issue 5): the MTFP input sheet's MtfpPlan (budget requirement and funding by
// year), MtfpGapFunding (the reserves that fund the gap, in order) and MtfpScenarios.
import { a1, sheetRef } from '../../base/a1';
import { isBlank } from '../../base/cells';
import { type Found, findTable } from '../find-table';
import { FORECAST_SHEETS, MTFP_GAP_FUNDING, MTFP_PLAN, MTFP_SCENARIOS, type TemplateTable } from '../template-tables';
import type { MoneyText, ReadContext } from './context';

export interface ScenarioChangeDoc {
  year: string;
  budgetRequirement?: MoneyText;
  funding?: MoneyText;
}
export interface MtfpDoc {
  plan: { year: string; budgetRequirement: MoneyText; funding: MoneyText }[];
  gapFundedFrom?: string[];
  scenarios?: { label: string; changes: ScenarioChangeDoc[] }[];
}

/** A year of the MTFP as outturn/v1 writes it (2024/25): an error at `where` otherwise. */
function yearText(ctx: ReadContext, y: string, where: string): void {
  if (!/^[0-9]{4}\/[0-9]{2}$/.test(y)) ctx.errors.push({ where, message: `write the year as 2024/25${y ? ` (not "${y.length > 40 ? `${y.slice(0, 40)}…` : y}")` : ', not blank'}` });
}

/** The MtfpPlan table when it has rows (the input then has an MTFP). */
export function findMtfpPlan(ctx: ReadContext): Found | undefined {
  const ms = ctx.sheet(FORECAST_SHEETS.mtfp);
  const plan = ms ? findTable(ms, MTFP_PLAN, ctx.errors, ctx.notes) : undefined;
  return plan && plan.rows.length > 0 ? plan : undefined;
}

/** The MTFP from its found plan table. */
export function readMtfp(ctx: ReadContext, plan: Found): MtfpDoc {
  const ms = ctx.sheet(FORECAST_SHEETS.mtfp)!;
  const at = (r: number, col: string, t: TemplateTable, f: Found) => sheetRef(f.sheet, a1(r, f.col0 + t.columns.indexOf(col)));
  ctx.trace('$.reserves.mtfp', sheetRef(plan.sheet, a1(plan.headerRow, plan.col0)));
  ctx.trace('$.reserves.mtfp.plan', sheetRef(plan.sheet, a1(plan.headerRow, plan.col0)));
  const mtfp: MtfpDoc = {
    plan: plan.rows.map((row, i) => {
      const path = `$.reserves.mtfp.plan[${i}]`;
      ctx.trace(path, at(row.r, 'Year', MTFP_PLAN, plan));
      ctx.trace(`${path}.year`, at(row.r, 'Year', MTFP_PLAN, plan));
      yearText(ctx, ctx.cellText(row.cells[0]), at(row.r, 'Year', MTFP_PLAN, plan));
      return {
        year: ctx.cellText(row.cells[0]),
        budgetRequirement: ctx.moneyOr0(row.cells[1], at(row.r, 'Budget requirement', MTFP_PLAN, plan), `${path}.budgetRequirement`),
        funding: ctx.moneyOr0(row.cells[2], at(row.r, 'Funding', MTFP_PLAN, plan), `${path}.funding`),
      };
    }),
  };
  const gf = findTable(ms, MTFP_GAP_FUNDING, ctx.errors, ctx.notes);
  if (!gf || gf.rows.length === 0) {
    ctx.errors.push({ where: gf ? sheetRef(gf.sheet, a1(gf.headerRow, gf.col0)) : sheetRef(ms.name, 'A1'), message: `name the reserve(s) that fund the gap in the ${MTFP_GAP_FUNDING.name} table (header "${MTFP_GAP_FUNDING.columns[0]}")` });
  } else {
    mtfp.gapFundedFrom = gf.rows.map((row, i) => {
      const where = at(row.r, MTFP_GAP_FUNDING.columns[0], MTFP_GAP_FUNDING, gf);
      ctx.trace(`$.reserves.mtfp.gapFundedFrom[${i}]`, where);
      ctx.text(ctx.cellText(row.cells[0]), where, 'the reserve funding the gap', 'label');
      return ctx.cellText(row.cells[0]);
    });
  }
  const sc = findTable(ms, MTFP_SCENARIOS, ctx.errors, ctx.notes);
  if (sc && sc.rows.length) {
    const scenarios: NonNullable<MtfpDoc['scenarios']> = [];
    for (const row of sc.rows) {
      const label = ctx.cellText(row.cells[0]);
      let s = scenarios.find((x) => x.label === label);
      if (!s) {
        ctx.text(label, at(row.r, 'Scenario', MTFP_SCENARIOS, sc), 'the scenario', 'label');
        s = { label, changes: [] };
        scenarios.push(s);
        ctx.trace(`$.reserves.mtfp.scenarios[${scenarios.length - 1}]`, at(row.r, 'Scenario', MTFP_SCENARIOS, sc));
        ctx.trace(`$.reserves.mtfp.scenarios[${scenarios.length - 1}].label`, at(row.r, 'Scenario', MTFP_SCENARIOS, sc));
      }
      const path = `$.reserves.mtfp.scenarios[${scenarios.indexOf(s)}].changes[${s.changes.length}]`;
      ctx.trace(path, at(row.r, 'Scenario year', MTFP_SCENARIOS, sc));
      ctx.trace(`${path}.year`, at(row.r, 'Scenario year', MTFP_SCENARIOS, sc));
      const change: ScenarioChangeDoc = { year: ctx.cellText(row.cells[1]) };
      yearText(ctx, change.year, at(row.r, 'Scenario year', MTFP_SCENARIOS, sc));
      if (!isBlank(row.cells[2])) change.budgetRequirement = ctx.moneyOr0(row.cells[2], at(row.r, 'Budget requirement change', MTFP_SCENARIOS, sc), `${path}.budgetRequirement`);
      if (!isBlank(row.cells[3])) change.funding = ctx.moneyOr0(row.cells[3], at(row.r, 'Funding change', MTFP_SCENARIOS, sc), `${path}.funding`);
      s.changes.push(change);
    }
    mtfp.scenarios = scenarios;
  }
  return mtfp;
}
