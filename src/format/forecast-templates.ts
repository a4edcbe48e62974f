// Input templates for the forecasting extensions of outturn/v1 (issue 5): the ledger (lines,
// mapping, profiles), the MTFP (plan, reserves that fund the gap, scenarios), and next year's
// capital budgets and the capital financing. Read by `readTemplates` through `readForecastTemplates`;
// every value is traced to its sheet and cell, so errors and findings name the cell.
import { fromSpreadsheetNumber, text } from '../base/decimal';
import { a1, sheetRef } from '../base/a1';
import type { InputError } from './errors';
import { type GridValue, type InputSheet, isBlank } from '../base/cells';
import { findTable } from './find-table';
import {
  CAPITAL_FINANCING, CAPITAL_NEXT_YEAR, DEFAULT_PROFILE_HEADING, FINANCING_TYPES, FORECAST_SHEETS, LEDGER_LINES, LEDGER_MAPPING, LEDGER_PROFILES, MONTH_COLUMNS, MTFP_GAP_FUNDING, MTFP_PLAN, MTFP_SCENARIOS, type TemplateTable,
} from './template-tables';

export {
  CAPITAL_FINANCING, CAPITAL_NEXT_YEAR, DEFAULT_PROFILE_HEADING, FORECAST_SHEETS, LEDGER_LINES, LEDGER_MAPPING, LEDGER_PROFILES, MONTH_COLUMNS, MTFP_GAP_FUNDING, MTFP_PLAN, MTFP_SCENARIOS,
} from './template-tables';

export interface TemplateContext {
  sheet(name: string): InputSheet | undefined;
  doc: Record<string, unknown>;
  sources: Map<string, string>;
  errors: InputError[];
  notes?: InputError[];
  /** money text of a cell (blank and dashes nil), or undefined after recording an error */
  money(v: GridValue, where: string, path: string): string | undefined;
  cellText(v: GridValue): string;
  /** a setting's value and cell, by label */
  setting(label: string): { v: GridValue; where: string } | undefined;
}

const blank = isBlank;

/** Reads the forecasting templates into the document being assembled by `readTemplates`. */
export function readForecastTemplates(ctx: TemplateContext): void {
  const { doc, sources, errors } = ctx;
  const rev = doc.revenue as Record<string, unknown> | undefined;
  if (rev) delete rev.ledger; // set by the settings loop; read properly below
  const cap = doc.capital as Record<string, unknown> | undefined;
  if (cap) delete cap.nextYearProgrammeTotal;

  // ---- Ledger ----
  const monthSetting = ctx.setting('Forecast month');
  const ls = ctx.sheet(FORECAST_SHEETS.ledger);
  const lines = ls ? findTable(ls, LEDGER_LINES, errors, ctx.notes) : undefined;
  if (lines && lines.rows.length > 0) {
    if (!rev) {
      errors.push({ where: sheetRef(lines.sheet, a1(lines.headerRow, lines.col0)), message: `ledger lines need the "${FORECAST_SHEETS.revenue}" sheet (its RevenueLines table gives the headings)` });
      return;
    }
    const at = (r: number, col: string, t = LEDGER_LINES, f = lines) => sheetRef(f.sheet, a1(r, f.col0 + t.columns.indexOf(col)));
    const out: Record<string, unknown>[] = [];
    lines.rows.forEach((row, i) => {
      const path = `$.revenue.ledger.lines[${i}]`;
      sources.set(path, at(row.r, 'Cost centre'));
      const [cc, account, description] = row.cells.slice(0, 3).map(ctx.cellText);
      sources.set(`${path}.costCentre`, at(row.r, 'Cost centre'));
      sources.set(`${path}.account`, at(row.r, 'Account'));
      const m = (col: string, key: string) => ctx.money(row.cells[LEDGER_LINES.columns.indexOf(col)], at(row.r, col), `${path}.${key}`) ?? '0';
      const line: Record<string, unknown> = { costCentre: cc, account, budget: m('Budget', 'budget'), actualToDate: m('Actual to date', 'actualToDate') };
      if (description) line.description = description;
      // Blank commitments are none; a blank forecast means "use the profile", not nil.
      if (!blank(row.cells[5])) line.commitments = m('Commitments', 'commitments');
      if (!blank(row.cells[6])) line.forecast = m('Forecast rest of year', 'forecast');
      out.push(line);
    });
    const ledger: Record<string, unknown> = { lines: out };
    if (monthSetting && !blank(monthSetting.v)) {
      const v = monthSetting.v;
      const n = typeof v === 'number' ? v : Number.parseInt(ctx.cellText(v), 10);
      ledger.month = Number.isFinite(n) ? n : ctx.cellText(v);
      sources.set('$.revenue.ledger.month', monthSetting.where);
    }
    const mt = findTable(ls!, LEDGER_MAPPING, errors, ctx.notes);
    const mapping: Record<string, unknown>[] = [];
    if (!mt || mt.rows.length === 0) {
      errors.push({ where: mt ? sheetRef(mt.sheet, a1(mt.headerRow, mt.col0)) : sheetRef(ls!.name, 'A1'), message: `ledger lines need a ${LEDGER_MAPPING.name} table with at least one row (headers ${LEDGER_MAPPING.columns.join(', ')})` });
    } else {
      mt.rows.forEach((row, i) => {
        const path = `$.revenue.ledger.mapping[${i}]`;
        const cell = (col: string) => at(row.r, col, LEDGER_MAPPING, mt);
        sources.set(path, cell('Heading'));
        sources.set(`${path}.heading`, cell('Heading'));
        const t = row.cells.map(ctx.cellText);
        const m: Record<string, unknown> = { heading: t[0] };
        const criterion = (exact: number, what: 'costCentre' | 'account', rangeKey: string, prefixKey: string) => {
          if (t[exact]) m[what] = t[exact];
          if (t[exact + 1] || t[exact + 2]) {
            if (!t[exact + 1] || !t[exact + 2]) errors.push({ where: cell(LEDGER_MAPPING.columns[t[exact + 1] ? exact + 2 : exact + 1]), message: 'a range needs both "from" and "to"' });
            m[rangeKey] = { from: t[exact + 1], to: t[exact + 2] };
            sources.set(`${path}.${rangeKey}`, cell(LEDGER_MAPPING.columns[exact + 1]));
          }
          if (t[exact + 3]) m[prefixKey] = t[exact + 3];
        };
        criterion(1, 'costCentre', 'costCentres', 'costCentrePrefix');
        criterion(5, 'account', 'accounts', 'accountPrefix');
        mapping.push(m);
      });
    }
    ledger.mapping = mapping;
    const pt = findTable(ls!, LEDGER_PROFILES, errors, ctx.notes);
    if (pt && pt.rows.length) {
      const profiles: unknown[] = [];
      pt.rows.forEach((row) => {
        const heading = ctx.cellText(row.cells[0]);
        const isDefault = heading.toLowerCase() === DEFAULT_PROFILE_HEADING;
        const path = isDefault ? '$.revenue.ledger.defaultProfile' : `$.revenue.ledger.profiles[${profiles.length}]`;
        sources.set(path, at(row.r, 'Profile heading', LEDGER_PROFILES, pt));
        const weights = MONTH_COLUMNS.map((mc, k) => {
          const v = row.cells[k + 1];
          const where = at(row.r, mc, LEDGER_PROFILES, pt);
          sources.set(isDefault ? `${path}[${k}]` : `${path}.weights[${k}]`, where);
          if (typeof v === 'number') return text(fromSpreadsheetNumber(v));
          return blank(v) ? '0' : ctx.cellText(v);
        });
        if (isDefault) ledger.defaultProfile = weights;
        else {
          sources.set(`${path}.heading`, at(row.r, 'Profile heading', LEDGER_PROFILES, pt));
          profiles.push({ heading, weights });
        }
      });
      if (profiles.length) ledger.profiles = profiles;
    }
    rev.ledger = ledger;
    // With a ledger, the headings' revised budget and outturn come from it: blanks are left out, so
    // that only figures actually typed are refused; a blank original budget means "the ledger budget".
    const rs = ctx.sheet(FORECAST_SHEETS.revenue);
    const sections = (rev.sections ?? []) as { lines: Record<string, unknown>[] }[];
    const headingLines = sections.flatMap((s) => s.lines);
    if (rs) {
      const rl = findTable(rs, { sheet: FORECAST_SHEETS.revenue, name: 'RevenueLines', columns: ['Section', 'Sub-total label', 'Budget heading', 'Ref', 'Original budget', 'Revised budget', 'Outturn'], money: [] }, []);
      rl?.rows.forEach((row, i) => {
        const l = headingLines[i];
        if (!l) return;
        if (blank(row.cells[4])) delete l.originalBudget;
        if (blank(row.cells[5])) delete l.revisedBudget;
        if (blank(row.cells[6])) delete l.outturn;
      });
    }
  } else if (monthSetting && !blank(monthSetting.v) && rev) {
    errors.push({ where: monthSetting.where, message: `a forecast month needs ledger lines (the "${FORECAST_SHEETS.ledger}" sheet's ${LEDGER_LINES.name} table)` });
  }

  // ---- MTFP ----
  const ms = ctx.sheet(FORECAST_SHEETS.mtfp);
  const plan = ms ? findTable(ms, MTFP_PLAN, errors, ctx.notes) : undefined;
  if (ms && plan && plan.rows.length > 0) {
    const res = doc.reserves as Record<string, unknown> | undefined;
    if (!res) {
      errors.push({ where: sheetRef(plan.sheet, a1(plan.headerRow, plan.col0)), message: 'the MTFP needs the "Reserves input" sheet (its reserves fund the gap)' });
      return;
    }
    const at = (r: number, col: string, t: TemplateTable, f: NonNullable<typeof plan>) => sheetRef(f.sheet, a1(r, f.col0 + t.columns.indexOf(col)));
    const mtfp: Record<string, unknown> = {};
    sources.set('$.reserves.mtfp', sheetRef(plan.sheet, a1(plan.headerRow, plan.col0)));
    sources.set('$.reserves.mtfp.plan', sheetRef(plan.sheet, a1(plan.headerRow, plan.col0)));
    mtfp.plan = plan.rows.map((row, i) => {
      const path = `$.reserves.mtfp.plan[${i}]`;
      sources.set(path, at(row.r, 'Year', MTFP_PLAN, plan));
      sources.set(`${path}.year`, at(row.r, 'Year', MTFP_PLAN, plan));
      return {
        year: ctx.cellText(row.cells[0]),
        budgetRequirement: ctx.money(row.cells[1], at(row.r, 'Budget requirement', MTFP_PLAN, plan), `${path}.budgetRequirement`) ?? '0',
        funding: ctx.money(row.cells[2], at(row.r, 'Funding', MTFP_PLAN, plan), `${path}.funding`) ?? '0',
      };
    });
    const gf = findTable(ms, MTFP_GAP_FUNDING, errors, ctx.notes);
    if (!gf || gf.rows.length === 0) {
      errors.push({ where: gf ? sheetRef(gf.sheet, a1(gf.headerRow, gf.col0)) : sheetRef(ms.name, 'A1'), message: `name the reserve(s) that fund the gap in the ${MTFP_GAP_FUNDING.name} table (header "${MTFP_GAP_FUNDING.columns[0]}")` });
    } else {
      mtfp.gapFundedFrom = gf.rows.map((row, i) => {
        sources.set(`$.reserves.mtfp.gapFundedFrom[${i}]`, at(row.r, MTFP_GAP_FUNDING.columns[0], MTFP_GAP_FUNDING, gf));
        return ctx.cellText(row.cells[0]);
      });
    }
    const sc = findTable(ms, MTFP_SCENARIOS, errors, ctx.notes);
    if (sc && sc.rows.length) {
      const scenarios: { label: string; changes: Record<string, unknown>[] }[] = [];
      sc.rows.forEach((row) => {
        const label = ctx.cellText(row.cells[0]);
        let s = scenarios.find((x) => x.label === label);
        if (!s) {
          s = { label, changes: [] };
          scenarios.push(s);
          sources.set(`$.reserves.mtfp.scenarios[${scenarios.length - 1}]`, at(row.r, 'Scenario', MTFP_SCENARIOS, sc));
          sources.set(`$.reserves.mtfp.scenarios[${scenarios.length - 1}].label`, at(row.r, 'Scenario', MTFP_SCENARIOS, sc));
        }
        const path = `$.reserves.mtfp.scenarios[${scenarios.indexOf(s)}].changes[${s.changes.length}]`;
        sources.set(path, at(row.r, 'Scenario year', MTFP_SCENARIOS, sc));
        sources.set(`${path}.year`, at(row.r, 'Scenario year', MTFP_SCENARIOS, sc));
        const change: Record<string, unknown> = { year: ctx.cellText(row.cells[1]) };
        if (!blank(row.cells[2])) change.budgetRequirement = ctx.money(row.cells[2], at(row.r, 'Budget requirement change', MTFP_SCENARIOS, sc), `${path}.budgetRequirement`) ?? '0';
        if (!blank(row.cells[3])) change.funding = ctx.money(row.cells[3], at(row.r, 'Funding change', MTFP_SCENARIOS, sc), `${path}.funding`) ?? '0';
        s.changes.push(change);
      });
      mtfp.scenarios = scenarios;
    }
    res.mtfp = mtfp;
  }

  // ---- Capital: next year's budgets, the programme total, the financing ----
  const cs = ctx.sheet(FORECAST_SHEETS.capital);
  if (cs && cap) {
    const total = ctx.setting('Capital next-year programme total');
    if (total && !blank(total.v)) {
      const v = ctx.money(total.v, total.where, '$.capital.nextYearProgrammeTotal');
      if (v !== undefined) cap.nextYearProgrammeTotal = v;
    }
    const ny = findTable(cs, CAPITAL_NEXT_YEAR, errors, ctx.notes);
    if (ny && ny.rows.length) {
      const cats = (cap.categories ?? []) as Record<string, unknown>[];
      ny.rows.forEach((row) => {
        const label = ctx.cellText(row.cells[0]);
        const where = sheetRef(ny.sheet, a1(row.r, ny.col0 + 1));
        let path: string | undefined;
        let target: Record<string, unknown> | undefined;
        cats.forEach((c, i) => {
          const schemes = c.schemes as Record<string, unknown>[] | undefined;
          if (schemes) schemes.forEach((s, j) => { if (s.label === label) { target = s; path = `$.capital.categories[${i}].schemes[${j}]`; } });
          else if (c.label === label) { target = c; path = `$.capital.categories[${i}]`; }
        });
        if (!target || !path) {
          errors.push({ where: sheetRef(ny.sheet, a1(row.r, ny.col0)), message: `"${label}" is not a scheme (or one-line category) of the CapitalLines table` });
          return;
        }
        const v = ctx.money(row.cells[1], where, `${path}.nextYearBudget`);
        if (v !== undefined) target.nextYearBudget = v;
      });
    }
    const fin = findTable(cs, CAPITAL_FINANCING, errors, ctx.notes);
    if (fin && fin.rows.length) {
      cap.financing = fin.rows.map((row, i) => {
        const path = `$.capital.financing[${i}]`;
        const cell = (col: string) => sheetRef(fin.sheet, a1(row.r, fin.col0 + CAPITAL_FINANCING.columns.indexOf(col)));
        sources.set(path, cell('Financing label'));
        sources.set(`${path}.label`, cell('Financing label'));
        sources.set(`${path}.reserve`, cell('From reserve'));
        const [source, label, , reserve] = row.cells.map(ctx.cellText);
        const type = FINANCING_TYPES[source.toLowerCase()];
        if (!type) errors.push({ where: cell('Financing source'), message: `the financing source must be Grant, Capital receipts, Revenue, Reserve or Borrowing, not "${source}"` });
        return { type: type ?? 'grant', label, amount: ctx.money(row.cells[2], cell('Financing amount'), `${path}.amount`) ?? '0', ...(reserve ? { reserve } : {}) };
      });
    }
  }
}
