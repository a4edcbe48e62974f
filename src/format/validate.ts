// outturn/v1: text or object in, the engine's validated model out — or every error, located.
import Ajv, { type ErrorObject } from 'ajv';
import { Dec, DECIMAL_TEXT, survivesSpreadsheet } from '../engine/decimal';
import type {
  CapitalCategory,
  CapitalInput,
  OutturnInput,
  ReservesInput,
  RevenueInput,
  Units,
} from '../engine/model';
import schema from './outturn-v1.schema.json';
import { type InputError, InvalidInput, jsonPath } from './errors';

export const FORMAT = 'outturn/v1';
export { schema };

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const validateSchema = ajv.compile(schema);

/** Parses JSON text, reporting a syntax error with its line and column. */
export function parseJsonText(textIn: string, name = 'input'): unknown {
  const t = textIn.replace(/^\ufeff/, '');
  try {
    return JSON.parse(t);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    let where = name;
    // V8 gives no position for some errors ("Unexpected token", "Unexpected end of JSON input"): find it.
    const pos = m ? Number.parseInt(m[1], 10) : syntaxErrorOffset(t);
    if (pos >= 0) {
      const before = t.slice(0, pos).split('\n');
      where = `${name}:${before.length}:${before[before.length - 1].length + 1}`;
    }
    throw new InvalidInput([{ where, message: `not valid JSON (${msg.replace(/^.*?JSON[^:]*:\s*/, '')})` }]);
  }
}

/** Offset of the first character that stops `t` being JSON (t.length at a premature end), or -1. */
function syntaxErrorOffset(t: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < t.length && ' \t\n\r'.includes(t[i])) i++;
  };
  const expect = (c: string) => (t[i] === c ? i++ : fail());
  const string = () => {
    expect('"');
    for (;;) {
      if (i >= t.length || t.charCodeAt(i) < 0x20) fail();
      const c = t[i++];
      if (c === '"') return;
      if (c === '\\') {
        if (t[i] === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) if (!/[0-9a-fA-F]/.test(t[i] ?? '')) fail();
        } else if ('"\\/bfnrt'.includes(t[i] ?? 'x')) i++;
        else fail();
      }
    }
  };
  const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
  const value = (): void => {
    ws();
    const c = t[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (t[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          ws();
          string();
          ws();
          expect(':');
        }
        value();
        ws();
        if (t[i] === ',') i++;
        else return void expect(close);
      }
    }
    if (c === '"') return string();
    for (const lit of ['true', 'false', 'null']) {
      if (c === lit[0]) {
        for (const ch of lit) expect(ch);
        return;
      }
    }
    NUMBER.lastIndex = i;
    if (c !== undefined && NUMBER.test(t)) i = NUMBER.lastIndex;
    else fail();
  };
  try {
    value();
    ws();
    if (i < t.length) fail();
  } catch (at) {
    if (typeof at === 'number') return at;
    throw at;
  }
  return -1;
}

export function readOutturn(textIn: string, name = 'input'): OutturnInput {
  return toModel(parseJsonText(textIn, name));
}

/** Validates an outturn/v1 document and converts it to the engine's model; throws InvalidInput. */
export function toModel(doc: unknown, sources?: (path: string) => string | undefined): OutturnInput {
  const errors: InputError[] = [];
  if (!validateSchema(doc)) {
    errors.push(...describe(validateSchema.errors ?? [], doc).map((e) => ({ ...e, where: sources?.(e.where) ?? e.where })));
    throw new InvalidInput(errors);
  }
  const d = doc as unknown as V1;
  const src = (p: (string | number)[]) => sources?.(jsonPath(p)) ?? jsonPath(p);
  const money = (v: string | number, p: (string | number)[]): Dec => {
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) {
        errors.push({ where: src(p), message: `the integer ${v} is beyond exact JSON numbers: write money as a decimal string` });
        return new Dec(0);
      }
      if (!survivesSpreadsheet(new Dec(v))) {
        errors.push({ where: src(p), message: `${v} has more than 15 significant digits, which a spreadsheet cell cannot hold exactly` });
      }
      return new Dec(v);
    }
    if (!DECIMAL_TEXT.test(v)) {
      errors.push({ where: src(p), message: `${JSON.stringify(v)} is not a decimal amount` });
      return new Dec(0);
    }
    const x = new Dec(v);
    if (!survivesSpreadsheet(x)) {
      errors.push({ where: src(p), message: `${v} has more than 15 significant digits, which a spreadsheet cell cannot hold exactly` });
    }
    return x;
  };
  const pct = (v: string | number) => new Dec(v);

  const years = (y: string, p: (string | number)[]) => {
    const start = Number.parseInt(y.slice(0, 4), 10);
    if ((start + 1) % 100 !== Number.parseInt(y.slice(5), 10)) {
      errors.push({ where: src(p), message: `${y} is not a financial year (the second part must be the year after the first, e.g. 2020/21)` });
    }
    return start;
  };
  const fy = years(d.financialYear, ['financialYear']);

  const uniqueLabels = (labels: { label: string; path: (string | number)[]; field?: string }[], table: string) => {
    const seen = new Map<string, string>();
    for (const l of labels) {
      const prior = seen.get(l.label);
      const at = src([...l.path, l.field ?? 'label']);
      if (prior) errors.push({ where: at, message: `the label ${JSON.stringify(l.label)} is used twice in the ${table} table (also at ${prior}); labels must be unique` });
      else seen.set(l.label, at);
    }
  };

  let revenue: RevenueInput | undefined;
  if (d.revenue) {
    const r = d.revenue;
    const units = r.units;
    revenue = {
      units,
      displayUnits: r.displayUnits ?? units,
      sections: r.sections.map((s, i) => ({
        label: s.label,
        subtotalLabel: s.subtotalLabel,
        lines: s.lines.map((l, j) => {
          const p = ['revenue', 'sections', i, 'lines', j];
          return {
            label: l.label,
            ref: l.ref || undefined,
            originalBudget: money(l.originalBudget, [...p, 'originalBudget']),
            revisedBudget: money(l.revisedBudget, [...p, 'revisedBudget']),
            outturn: money(l.outturn, [...p, 'outturn']),
            source: src(p),
          };
        }),
      })),
      totalLabel: r.totalLabel,
      adjustments: (r.adjustments ?? []).map((a, i) => ({ label: a.label, amount: money(a.amount, ['revenue', 'adjustments', i, 'amount']) })),
      earmarked: (r.earmarked ?? []).map((e, i) => ({
        label: e.label,
        amount: money(e.amount, ['revenue', 'earmarked', i, 'amount']),
        reserve: e.reserve,
        source: src(['revenue', 'earmarked', i]),
      })),
      budgetRequirementChange: r.budgetRequirementChange !== undefined ? money(r.budgetRequirementChange, ['revenue', 'budgetRequirementChange']) : new Dec(0),
      showVirements: r.showVirements ?? false,
      showVariancePercent: r.showVariancePercent ?? false,
      varianceThreshold: r.varianceThreshold
        ? {
            amount: r.varianceThreshold.amount !== undefined ? money(r.varianceThreshold.amount, ['revenue', 'varianceThreshold', 'amount']).abs() : undefined,
            percent: r.varianceThreshold.percent !== undefined ? pct(r.varianceThreshold.percent) : undefined,
          }
        : undefined,
    };
    uniqueLabels([
      ...r.sections.flatMap((s, i) => s.lines.map((l, j) => ({ label: l.label, path: ['revenue', 'sections', i, 'lines', j] }))),
      ...r.sections.flatMap((s, i) => (s.subtotalLabel ? [{ label: s.subtotalLabel, path: ['revenue', 'sections', i], field: 'subtotalLabel' }] : [])),
      { label: r.totalLabel, path: ['revenue'], field: 'totalLabel' },
      ...(r.adjustments ?? []).map((a, i) => ({ label: a.label, path: ['revenue', 'adjustments', i] })),
      ...(r.earmarked ?? []).map((a, i) => ({ label: `less: ${a.label}`, path: ['revenue', 'earmarked', i] })),
    ], 'revenue');
  }

  let capital: CapitalInput | undefined;
  if (d.capital) {
    const c = d.capital;
    const y = years(c.year, ['capital', 'year']);
    const ny = years(c.nextYear, ['capital', 'nextYear']);
    if (ny !== y + 1) errors.push({ where: src(['capital', 'nextYear']), message: `${c.nextYear} does not follow ${c.year}` });
    if (y !== fy) errors.push({ where: src(['capital', 'year']), message: `${c.year} is not the financial year ${d.financialYear}` });
    const scheme = (s: V1Scheme, p: (string | number)[]) => ({
      label: s.label,
      ref: s.ref || undefined,
      revisedBudget: money(s.revisedBudget!, [...p, 'revisedBudget']),
      outturn: money(s.outturn!, [...p, 'outturn']),
      reprofile: s.reprofile !== undefined ? money(s.reprofile, [...p, 'reprofile']) : undefined,
      source: src(p),
    });
    capital = {
      units: c.units,
      displayUnits: c.displayUnits ?? c.units,
      year: c.year,
      nextYear: c.nextYear,
      heading: c.heading ?? 'EXPENDITURE',
      totalLabel: c.totalLabel ?? 'TOTAL PLANNED EXPENDITURE',
      grandTotalLabel: c.grandTotalLabel ?? 'TOTAL EXPENDITURE (including externally funded schemes)',
      categories: c.categories.map((cat, i): CapitalCategory => {
        const p = ['capital', 'categories', i];
        return cat.schemes
          ? { label: cat.label, ref: cat.ref || undefined, totalLabel: cat.totalLabel, schemes: cat.schemes.map((s, j) => scheme(s, [...p, 'schemes', j])), source: src(p) }
          : { label: cat.label, ref: cat.ref || undefined, standalone: scheme(cat as V1Scheme, p), source: src(p) };
      }),
      externallyFunded: (c.externallyFunded ?? []).map((e, i) => ({ label: e.label, ref: e.ref || undefined, outturn: money(e.outturn, ['capital', 'externallyFunded', i, 'outturn']) })),
      memo: (c.memo ?? []).map((e, i) => ({ label: e.label, ref: e.ref || undefined, outturn: money(e.outturn, ['capital', 'memo', i, 'outturn']) })),
    };
    uniqueLabels([
      ...c.categories.flatMap((cat, i) => [
        ...(cat.schemes ? [{ label: cat.totalLabel ?? `Total ${cat.label}`, path: ['capital', 'categories', i], field: cat.totalLabel ? 'totalLabel' : 'label' }] : [{ label: cat.label, path: ['capital', 'categories', i] }]),
        ...(cat.schemes ?? []).map((s, j) => ({ label: s.label, path: ['capital', 'categories', i, 'schemes', j] })),
      ]),
      ...(c.externallyFunded ?? []).map((e, i) => ({ label: e.label, path: ['capital', 'externallyFunded', i] })),
      ...(c.memo ?? []).map((e, i) => ({ label: e.label, path: ['capital', 'memo', i] })),
    ], 'capital');
  }

  let reserves: ReservesInput | undefined;
  if (d.reserves) {
    const r = d.reserves;
    const starts = r.years.map((y, i) => years(y, ['reserves', 'years', i]));
    starts.forEach((s, i) => {
      if (i > 0 && s !== starts[i - 1] + 1) errors.push({ where: src(['reserves', 'years', i]), message: `${r.years[i]} does not follow ${r.years[i - 1]}: years must be consecutive` });
    });
    const actualYears = r.actualYears ?? 1;
    if (actualYears > r.years.length) errors.push({ where: src(['reserves', 'actualYears']), message: `${actualYears} actual years, but only ${r.years.length} years are given` });
    if (actualYears >= 1 && actualYears <= r.years.length && starts[actualYears - 1] !== fy) {
      errors.push({ where: src(['reserves', 'years', actualYears - 1]), message: `the last actual year ${r.years[actualYears - 1]} is not the financial year ${d.financialYear}` });
    }
    if (actualYears === 0 && starts[0] !== fy && starts[0] !== fy + 1) {
      errors.push({ where: src(['reserves', 'years', 0]), message: `a forecast-only statement should start in ${d.financialYear} or the year after, not ${r.years[0]}` });
    }
    const band = r.generalReserveBand ? { min: pct(r.generalReserveBand.min), max: pct(r.generalReserveBand.max) } : { min: new Dec(2), max: new Dec(5) };
    if (band.min.gt(band.max)) errors.push({ where: src(['reserves', 'generalReserveBand']), message: 'min is above max' });
    reserves = {
      units: r.units,
      displayUnits: r.displayUnits ?? r.units,
      years: r.years,
      actualYears,
      generalReserveBand: band,
      netRevenueBudget: r.netRevenueBudget !== undefined ? money(r.netRevenueBudget, ['reserves', 'netRevenueBudget']) : undefined,
      reserves: r.reserves.map((res, i) => {
        const p = ['reserves', 'reserves', i];
        const flows = res.flows ?? [];
        if (flows.length > r.years.length) {
          errors.push({ where: src([...p, 'flows']), message: `${flows.length} flows for ${r.years.length} years: at most one per year` });
        }
        return {
          label: res.label,
          class: res.class,
          category: res.category,
          opening: money(res.opening, [...p, 'opening']),
          flows: r.years.map((_, y) => {
            const f = flows[y] ?? {};
            const fp = [...p, 'flows', y];
            return {
              movement: f.movement !== undefined ? money(f.movement, [...fp, 'movement']) : new Dec(0),
              transfers: f.transfers !== undefined ? money(f.transfers, [...fp, 'transfers']) : new Dec(0),
              capital: f.capital !== undefined ? money(f.capital, [...fp, 'capital']) : new Dec(0),
            };
          }),
          source: src(p),
        };
      }),
    };
    uniqueLabels(r.reserves.map((res, i) => ({ label: res.label, path: ['reserves', 'reserves', i] })), 'reserves');
  }
  if (!d.revenue && !d.capital && !d.reserves) {
    errors.push({ where: '$', message: 'no table to build: give at least one of revenue, capital, reserves' });
  }
  if (errors.length) throw new InvalidInput(errors);
  return {
    organisation: d.organisation,
    financialYear: d.financialYear,
    rounding: d.rounding ?? 'round-then-sum',
    revenue,
    capital,
    reserves,
  };
}

const MONEY = 'must be money: a decimal string such as "-1234.56", or an integer JSON number';

/** Ajv's errors, one per place, in words a finance officer can act on. */
function describe(errs: ErrorObject[], doc: unknown): InputError[] {
  const out = new Map<string, InputError>();
  const put = (where: string, message: string, strong = false) => {
    if (!out.has(where) || strong) out.set(where, { where, message });
  };
  for (const e of errs) {
    const where = jsonPath(e.instancePath);
    switch (e.keyword) {
      case 'additionalProperties':
        put(`${where === '$' ? '$' : where}.${(e.params as { additionalProperty: string }).additionalProperty}`, 'unknown field (check the spelling; unknown fields are not allowed)', true);
        break;
      case 'required':
        put(`${where}.${(e.params as { missingProperty: string }).missingProperty}`, 'required field is missing', true);
        break;
      case 'const':
        put(where, `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`, true);
        break;
      case 'enum':
        put(where, `must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}`, true);
        break;
      default:
        if (e.schemaPath.includes('/money/')) put(where, MONEY, true);
        else if (e.schemaPath.includes('/percent/')) put(where, 'must be a percentage: a decimal string such as "5" or "2.5"', true);
        else if (e.keyword === 'oneOf' && e.schemaPath.includes('categories')) {
          put(where, 'a category has either "schemes", or its own "revisedBudget" and "outturn" (a one-line category), not both', true);
        } else if (e.keyword !== 'oneOf' && e.keyword !== 'not') {
          put(where, e.message ?? 'invalid');
        }
    }
  }
  void doc;
  return [...out.values()];
}

// The document's shape once the schema has passed.
type M = string | number;
interface V1Scheme { label: string; ref?: string; revisedBudget?: M; outturn?: M; reprofile?: M }
interface V1 {
  format: 'outturn/v1';
  organisation: string;
  financialYear: string;
  rounding?: 'round-then-sum' | 'round-each';
  revenue?: {
    units: Units; displayUnits?: Units; totalLabel: string;
    sections: { label?: string; subtotalLabel?: string; lines: { label: string; ref?: string; originalBudget: M; revisedBudget: M; outturn: M }[] }[];
    adjustments?: { label: string; amount: M }[];
    earmarked?: { label: string; amount: M; reserve?: string }[];
    budgetRequirementChange?: M; showVirements?: boolean; showVariancePercent?: boolean;
    varianceThreshold?: { amount?: M; percent?: M };
  };
  capital?: {
    units: Units; displayUnits?: Units; year: string; nextYear: string; heading?: string; totalLabel?: string; grandTotalLabel?: string;
    categories: (V1Scheme & { totalLabel?: string; schemes?: V1Scheme[] })[];
    externallyFunded?: { label: string; ref?: string; outturn: M }[];
    memo?: { label: string; ref?: string; outturn: M }[];
  };
  reserves?: {
    units: Units; displayUnits?: Units; years: string[]; actualYears?: number;
    generalReserveBand?: { min: M; max: M }; netRevenueBudget?: M;
    reserves: { label: string; class: 'general' | 'useable' | 'non-useable'; category?: 'mtfp' | 'beyond-mtfp' | 'contingency'; opening: M; flows?: { movement?: M; transfers?: M; capital?: M }[] }[];
  };
}
