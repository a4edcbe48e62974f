// outturn/v1: text or object in, the engine's validated model out — or every error, located.
import { Dec, DECIMAL_TEXT, survivesSpreadsheet } from '../base/decimal';
import type {
  CapitalCategory,
  CapitalInput,
  FinancingType,
  TableLayout,
  VarianceSign,
  LedgerLine,
  OutturnInput,
  ReservesInput,
  RevenueInput,
  Units,
} from '../engine/model';
import { type InputError, InvalidInput, jsonPath } from './errors';
import { checkLimits, elide, tooManyDigits } from './limits';
import { ledgerLinesOf, ledgerLinesValid, withEmptyLedgerLines } from './ledger-lines';
import { CHECKS_READER_DOCUMENTS, schemaValidator } from './schema-validator';
import { schemaErrors } from './schema-words';
import { ledgerModel, type MoneyFn, mtfpModel, type Src, type V1Ledger, type V1Leaf, type V1Mtfp, type V1Section } from './forecast-model';

export const FORMAT = 'outturn/v1';

/** Parses JSON text, reporting a syntax error with its line and column. */
export function parseJsonText(textIn: string, name = 'input'): unknown {
  const t = textIn.replace(/^\ufeff/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(t);
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
  // Numbers JSON.parse cannot give back as typed (a fraction, more than 15 digits, an exponent):
  // kept as typed, by path, so an error shows 12345678901234567, not 12345678901234568.
  if (doc !== null && typeof doc === 'object' && /\d\.\d|\d[eE]|\d{16}/.test(t)) TYPED_NUMBERS.set(doc, typedNumbers(t));
  return doc;
}

/** Per parsed document (parseJsonText): JSON path → a number as typed, for the numbers JSON.parse changes or that are fractions. */
const TYPED_NUMBERS = new WeakMap<object, Map<string, string>>();

/** The numbers of valid JSON text that are not whole numbers of at most 15 digits, by JSON path ("$.a[0].b"), as typed. */
function typedNumbers(t: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  const ws = () => {
    while (' \t\n\r'.includes(t[i] ?? 'x')) i++;
  };
  /** i at an opening quote → i past its closing quote (a quote after an odd run of backslashes is escaped) */
  const skipString = () => {
    for (let q = t.indexOf('"', i + 1); ; q = t.indexOf('"', q + 1)) {
      let b = 0;
      while (t[q - 1 - b] === '\\') b++;
      if (b % 2 === 0) return void (i = q + 1);
    }
  };
  const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
  const parts: (string | number)[] = [];
  const value = (): void => {
    ws();
    const c = t[i];
    if (c === '{' || c === '[') {
      i++;
      ws();
      for (let k = 0; t[i] !== (c === '{' ? '}' : ']'); k++) {
        let key: string | number = k;
        if (c === '{') {
          const start = i;
          skipString();
          key = JSON.parse(t.slice(start, i)) as string;
          ws();
          i++; // ':'
        }
        parts.push(key);
        value();
        parts.pop();
        ws();
        if (t[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '"') skipString(); else if (c === 't' || c === 'n') i += 4;
    else if (c === 'f') i += 5;
    else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(t)!;
      i = NUMBER.lastIndex;
      if (m[2] || m[3] || m[1].length > 15) out.set(jsonPath(parts), m[0]);
    }
  };
  value();
  return out;
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

const trusted = new WeakSet<unknown[]>();

/**
 * Marks an array of ledger lines made by a reader that has checked every line as the schema's
 * `ledgerLine` would (src/format/ledger-export.ts: text codes of 1-64 characters, amounts of the
 * money pattern within 40 characters, a description within 255), so that toModel does not check
 * them again. The array must not change afterwards.
 */
export function trustLedgerLines(lines: LedgerLine[]): void {
  trusted.add(lines);
}

/**
 * A result file Outturn wrote (format "outturn/v1-result", or the shape of one: tables, checks and a
 * narrative) handed in as an input: what to say instead of every schema error it would give.
 */
function resultFileWords(doc: unknown): string | undefined {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const d = doc as Record<string, unknown>;
  const isResult = d.format === 'outturn/v1-result' || (d.format === undefined && Array.isArray(d.tables) && Array.isArray(d.checks) && 'narrative' in d);
  if (!isResult) return undefined;
  return 'this is a result file Outturn wrote (outturn/v1-result: the finished tables), not an input: build from the outturn/v1 input or the input workbook it was built from (`outturn template` writes one to fill)';
}

/**
 * Tells toModel that a document was made by the template reader (readTemplateDocument in
 * ./templates.ts), which enforces every rule of the outturn/v1 schema itself, each error in a
 * finance officer's words at its sheet and cell (test/format/reader-schema-contract.test.ts holds
 * the two together). The add-in then skips the schema check (its validator loads only for a
 * document from outside the templates); the command line and the tests check it all the same.
 */
export const READER: unique symbol = Symbol('the template reader');

/**
 * Validates an outturn/v1 document and converts it to the engine's model; throws InvalidInput.
 * `sources`: a JSON path → the place to name (a traced cell); `from`: READER for a document the
 * template reader made (the schema check is then left out where CHECKS_READER_DOCUMENTS is false).
 */
export function toModel(doc: unknown, sources?: (path: string) => string | undefined, from?: typeof READER): OutturnInput {
  const errors: InputError[] = [];
  const result = resultFileWords(doc);
  if (result) throw new InvalidInput([{ where: '$.format', message: result }]);
  // Ledger lines (there may be millions) are checked by one hand-written pass; when every line
  // passes, the limits and the schema see the document with an empty lines array in their place.
  // Whenever anything fails, both run on the whole document, so every message is the schema's own.
  const lines = ledgerLinesOf(doc);
  const checked = lines !== undefined && lines.length > 0 && (trusted.has(lines) || ledgerLinesValid(lines)) ? withEmptyLedgerLines(doc) : doc;
  // Enormous or hostile documents fail here, quickly, before the schema walks them.
  let limits = checkLimits(checked);
  if (limits.length && checked !== doc) limits = checkLimits(doc);
  if (limits.length) throw new InvalidInput(limits.map((e) => ({ ...e, where: sources?.(e.where) ?? e.where })));
  const typed = doc !== null && typeof doc === 'object' ? TYPED_NUMBERS.get(doc) : undefined;
  if (from !== READER || CHECKS_READER_DOCUMENTS) {
    const validateSchema = schemaValidator();
    if (!validateSchema(checked) && (checked === doc || !validateSchema(doc))) {
      // The words of the failure (./schema-words): in the add-in a chunk loaded only when a document fails.
      errors.push(...schemaErrors(doc, validateSchema, typed).map((e) => ({ ...e, where: sources?.(e.where) ?? e.where })));
      throw new InvalidInput(errors);
    }
  }
  const d = doc as unknown as V1;
  const v = validationContext(d, errors, sources, typed);
  const revenue = d.revenue ? revenueModel(v, d.revenue) : undefined;
  const capital = d.capital ? capitalModel(v, d.capital) : undefined;
  const reserves = d.reserves ? reservesModel(v, d.reserves) : undefined;
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
    ...(d.publishing ? { publishing: { ...d.publishing } } : {}),
  };
}

/** What every table's validator shares: the document, where errors go, money and years read with their paths. */
interface ValidationContext {
  d: V1;
  errors: InputError[];
  /** the place to name for a JSON path: the traced cell when the document came from templates */
  src: Src;
  money: MoneyFn;
  pct: (v: string | number) => Dec;
  /** a financial year's first calendar year; an error when "2020/22" */
  years: (y: string, p: (string | number)[]) => number;
  /** the document's financial year's first calendar year */
  fy: number;
  uniqueLabels: (labels: { label: string; path: (string | number)[]; field?: string }[], table: string) => void;
}

function validationContext(d: V1, errors: InputError[], sources?: (path: string) => string | undefined, typed?: Map<string, string>): ValidationContext {
  const src = (p: (string | number)[]) => sources?.(jsonPath(p)) ?? jsonPath(p);
  const money = (v: string | number, p: (string | number)[]): Dec => {
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) {
        errors.push({ where: src(p), message: tooManyDigits(v, typed?.get(jsonPath(p))) });
        return new Dec(0);
      }
      if (!survivesSpreadsheet(new Dec(v))) {
        errors.push({ where: src(p), message: `${v} has more than 15 significant digits, which a spreadsheet cell cannot hold exactly` });
      }
      return new Dec(v);
    }
    if (!DECIMAL_TEXT.test(v)) {
      errors.push({ where: src(p), message: `${elide(v)} is not a decimal amount` });
      return new Dec(0);
    }
    const x = new Dec(v);
    if (!survivesSpreadsheet(x)) {
      errors.push({ where: src(p), message: `${elide(v)} has more than 15 significant digits, which a spreadsheet cell cannot hold exactly` });
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

  return { d, errors, src, money, pct, years, fy, uniqueLabels };
}

/** Table 1's input: sections of headings, adjustments, earmarked underspends, the ledger; labels unique. */
function revenueModel(v: ValidationContext, r: V1Revenue): RevenueInput {
  const { errors, src, money, pct, uniqueLabels } = v;
  const units = r.units;
  const { leaves, groups } = revenueLeaves(r);
  const revenue: RevenueInput = {
    units,
    displayUnits: r.displayUnits ?? units,
    sections: leaves.map(({ s, p: sp, group }) => ({
      label: s.label,
      subtotalLabel: s.subtotalLabel,
      ...(s.income ? { income: true } : {}),
      ...(group !== undefined ? { group } : {}),
      lines: s.lines.map((l, j) => {
        const p = [...sp, 'lines', j];
        // With a ledger the figures are filled by the engine; these are placeholders.
        const fig = (k: 'originalBudget' | 'revisedBudget' | 'outturn') => (l[k] !== undefined ? money(l[k]!, [...p, k]) : new Dec(0));
        const revisedBudget = fig('revisedBudget');
        return {
          label: l.label,
          ref: l.ref || undefined,
          // No original budget published: original = revised (no virement), and the column is not printed.
          originalBudget: l.originalBudget === undefined && !r.ledger ? revisedBudget : fig('originalBudget'),
          revisedBudget,
          outturn: fig('outturn'),
          ...(l.income ? { income: true } : {}),
          source: src(p),
        };
      }),
    })),
    ...(groups.length ? { groups: groups.map((g) => ({ label: g.label, subtotalLabel: g.subtotalLabel, source: src(g.p) })) } : {}),
    ...(r.earmarkedSubtotalLabel !== undefined ? { earmarkedSubtotalLabel: r.earmarkedSubtotalLabel } : {}),
    ...(r.transfersToCapital?.length
      ? { transfersToCapital: r.transfersToCapital.map((t, i) => ({ label: t.label, amount: money(t.amount, ['revenue', 'transfersToCapital', i, 'amount']), source: src(['revenue', 'transfersToCapital', i]) })) }
      : {}),
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
    basis: r.basis,
    ...revenueLayout(r, errors, src),
  };
  if (r.ledger) revenue.ledger = ledgerModel(r.ledger, leaves, errors, src, money);
  else {
    leaves.forEach(({ s, p }) => s.lines.forEach((l, j) => {
      for (const k of ['revisedBudget', 'outturn'] as const) {
        if (l[k] === undefined) errors.push({ where: src([...p, 'lines', j, k]), message: 'required field is missing' });
      }
    }));
  }
  r.sections.forEach((s, i) => {
    if (s.sections && s.lines) errors.push({ where: src(['revenue', 'sections', i]), message: 'a section holds either lines or sections (the services of a directorate), not both' });
    if (s.sections && s.income) errors.push({ where: src(['revenue', 'sections', i, 'income']), message: 'mark income on the services (sections[].sections[].income) or their lines, not on the directorate' });
  });
  if (r.earmarkedSubtotalLabel !== undefined && !(r.earmarked ?? []).length) {
    errors.push({ where: src(['revenue', 'earmarkedSubtotalLabel']), message: 'an earmarked sub-total needs earmarked underspends to add up (revenue.earmarked)' });
  }
  uniqueLabels([
    ...groups.flatMap((g) => [...(g.label ? [{ label: g.label, path: g.p }] : []), ...(g.subtotalLabel ? [{ label: g.subtotalLabel, path: g.p, field: 'subtotalLabel' }] : [])]),
    ...leaves.flatMap(({ s, p }) => s.lines.map((l, j) => ({ label: l.label, path: [...p, 'lines', j] }))),
    ...leaves.flatMap(({ s, p }) => (s.subtotalLabel ? [{ label: s.subtotalLabel, path: p, field: 'subtotalLabel' }] : [])),
    ...(r.transfersToCapital ?? []).map((t, i) => ({ label: t.label, path: ['revenue', 'transfersToCapital', i] })),
    ...(r.earmarkedSubtotalLabel !== undefined ? [{ label: r.earmarkedSubtotalLabel, path: ['revenue'], field: 'earmarkedSubtotalLabel' }] : []),
    { label: r.totalLabel, path: ['revenue'], field: 'totalLabel' },
    ...(r.adjustments ?? []).map((a, i) => ({ label: a.label, path: ['revenue', 'adjustments', i] })),
    ...(r.earmarked ?? []).map((a, i) => ({ label: `less: ${a.label}`, path: ['revenue', 'earmarked', i] })),
  ], 'revenue');
  return revenue;
}

/** Table 2's input: categories of schemes, externally funded and memo lines, next year and financing; labels unique. */
function capitalModel(v: ValidationContext, c: NonNullable<V1['capital']>): CapitalInput {
  const { errors, src, money, years, uniqueLabels, fy, d } = v;
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
    ...(s.originalBudget !== undefined ? { originalBudget: money(s.originalBudget, [...p, 'originalBudget']) } : {}),
    nextYearBudget: s.nextYearBudget !== undefined ? money(s.nextYearBudget, [...p, 'nextYearBudget']) : undefined,
    ...budgetChangesOf(s, p),
    source: src(p),
  });
  // Issue 11: in-year budget changes, on every scheme when the table has them (and only then).
  function budgetChangesOf(s: V1Scheme, p: (string | number)[]): { earlierBudget?: Dec; changes?: Dec[] } {
    const bc = c.budgetChanges;
    if (!bc) {
      for (const k of ['earlierBudget', 'changes'] as const) {
        if (s[k] !== undefined) errors.push({ where: src([...p, k]), message: 'in-year budget changes need capital.budgetChanges (the earlier budget\'s caption and the change columns)' });
      }
      return {};
    }
    if (s.earlierBudget === undefined) errors.push({ where: src([...p, 'earlierBudget']), message: `the ${bc.earlierLabel} is missing: with budgetChanges every scheme gives its earlier budget` });
    for (const k of Object.keys(s.changes ?? {})) {
      if (!bc.columns.includes(k)) errors.push({ where: src([...p, 'changes', k]), message: `"${k}" is not a change column of capital.budgetChanges (${bc.columns.join(', ') || 'none'})` });
    }
    return {
      earlierBudget: s.earlierBudget !== undefined ? money(s.earlierBudget, [...p, 'earlierBudget']) : new Dec(0),
      changes: bc.columns.map((k) => (s.changes?.[k] !== undefined ? money(s.changes[k], [...p, 'changes', k]) : new Dec(0))),
    };
  }
  const capital: CapitalInput = {
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
    nextYearProgrammeTotal: c.nextYearProgrammeTotal !== undefined ? money(c.nextYearProgrammeTotal, ['capital', 'nextYearProgrammeTotal']) : undefined,
    financing: c.financing?.map((l, i) => {
      const p = ['capital', 'financing', i];
      if (l.type === 'reserve' && !l.reserve && d.reserves) errors.push({ where: src([...p, 'reserve']), message: 'a contribution from reserves names its reserve (the Table 3 label)' });
      if (l.type !== 'reserve' && l.reserve) errors.push({ where: src([...p, 'reserve']), message: `only a contribution from reserves names a reserve, not a ${l.type} line` });
      return {
        type: l.type, label: l.label, amount: money(l.amount, [...p, 'amount']), reserve: l.reserve,
        ...(l.originalAmount !== undefined ? { originalAmount: money(l.originalAmount, [...p, 'originalAmount']) } : {}),
        ...(l.latestAmount !== undefined ? { latestAmount: money(l.latestAmount, [...p, 'latestAmount']) } : {}),
        source: src(p),
      };
    }),
    ...(c.reprofileDefault !== undefined ? { reprofileDefault: c.reprofileDefault } : {}),
    ...(c.financingAsListed ? { financingAsListed: true } : {}),
    ...(c.showVariancePercent ? { showVariancePercent: true } : {}),
    ...(c.showSavings ? { showSavings: true } : {}),
    ...(c.budgetChanges ? { budgetChanges: { earlierLabel: c.budgetChanges.earlierLabel, columns: [...c.budgetChanges.columns] } } : {}),
    ...(c.financingVariations ? { financingVariations: true } : {}),
    ...(c.financingTotalLabel !== undefined ? { financingTotalLabel: c.financingTotalLabel } : {}),
    ...(c.financingColumnLabels !== undefined ? { financingColumnLabels: { ...c.financingColumnLabels } } : {}),
    ...layoutOf(c),
  };
  // Issue 11: the financing's original and latest columns are given on every line, or on none.
  for (const k of ['originalAmount', 'latestAmount'] as const) {
    const lines = c.financing ?? [];
    if (!lines.some((l) => l[k] !== undefined)) continue;
    lines.forEach((l, i) => {
      if (l[k] === undefined) errors.push({ where: src(['capital', 'financing', i, k]), message: `the ${k === 'originalAmount' ? 'original' : 'latest'} programme's financing is missing: give it on every financing line, or on none` });
    });
  }
  if (c.financingVariations && !(c.financing ?? []).some((l) => l.originalAmount !== undefined || l.latestAmount !== undefined)) {
    errors.push({ where: src(['capital', 'financingVariations']), message: 'financing variations need the original or latest financing (originalAmount / latestAmount on the financing lines)' });
  }
  // Issue 11: the original programme is given on every scheme, or on none.
  const withOriginal = c.categories.flatMap((cat, i) => (cat.schemes ? cat.schemes.map((s, j) => ({ s: s as V1Scheme, p: ['capital', 'categories', i, 'schemes', j] })) : [{ s: cat as V1Scheme, p: ['capital', 'categories', i] }]));
  if (withOriginal.some(({ s }) => s.originalBudget !== undefined)) {
    for (const { s, p } of withOriginal) {
      if (s.originalBudget === undefined) errors.push({ where: src([...p, 'originalBudget']), message: 'the original programme is missing: give it on every scheme, or on none (then the column is not printed)' });
    }
  }
  uniqueLabels([
    ...c.categories.flatMap((cat, i) => [
      ...(cat.schemes ? [{ label: cat.totalLabel ?? `Total ${cat.label}`, path: ['capital', 'categories', i], field: cat.totalLabel ? 'totalLabel' : 'label' }] : [{ label: cat.label, path: ['capital', 'categories', i] }]),
      ...(cat.schemes ?? []).map((s, j) => ({ label: s.label, path: ['capital', 'categories', i, 'schemes', j] })),
    ]),
    ...(c.externallyFunded ?? []).map((e, i) => ({ label: e.label, path: ['capital', 'externallyFunded', i] })),
    ...(c.memo ?? []).map((e, i) => ({ label: e.label, path: ['capital', 'memo', i] })),
  ], 'capital');
  return capital;
}

/** Table 3's input: the reserves by year (flows or balances), the policy band, the MTFP; labels unique. */
function reservesModel(v: ValidationContext, r: NonNullable<V1['reserves']>): ReservesInput {
  const { errors, src, money, pct, years, uniqueLabels, fy, d } = v;
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
  const band = r.generalReserveBand
    ? { min: pct(r.generalReserveBand.min), max: r.generalReserveBand.max !== undefined ? pct(r.generalReserveBand.max) : new Dec(100) }
    : { min: new Dec(2), max: new Dec(5) };
  if (band.min.gt(band.max)) errors.push({ where: src(['reserves', 'generalReserveBand']), message: 'min is above max' });
  const reserves: ReservesInput = {
    units: r.units,
    displayUnits: r.displayUnits ?? r.units,
    years: r.years,
    actualYears,
    generalReserveBand: band,
    netRevenueBudget: r.netRevenueBudget !== undefined ? money(r.netRevenueBudget, ['reserves', 'netRevenueBudget']) : undefined,
    ...reservesExtras(r, errors, src, money),
    reserves: r.reserves.map((given, i) => {
      let res = given;
      const p = ['reserves', 'reserves', i];
      if (res.balances) {
        if (res.flows !== undefined) errors.push({ where: src([...p, 'flows']), message: 'a reserve given as balances has no flows (its movements are derived from the balances): give balances, or opening and flows' });
        return reserveFromBalances(res as V1Reserve & { balances: M[] }, r.years, p, errors, src, money);
      }
      if (res.opening === undefined) {
        errors.push({ where: src([...p, 'opening']), message: 'required field is missing' });
        res = { ...res, opening: '0' };
      }
      const flows = res.flows ?? [];
      if (flows.length > r.years.length) {
        errors.push({ where: src([...p, 'flows']), message: `${flows.length} flows for ${r.years.length} years: at most one per year` });
      }
      return {
        label: res.label,
        class: res.class,
        category: res.category,
        opening: money(res.opening!, [...p, 'opening']),
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
  if (r.mtfp) reserves.mtfp = mtfpModel(r.mtfp, r, actualYears, errors, src, money);
  return reserves;
}

// The document's shape once the schema has passed.
type M = string | number;
interface V1Scheme { label: string; ref?: string; revisedBudget?: M; outturn?: M; reprofile?: M; nextYearBudget?: M; originalBudget?: M; earlierBudget?: M; changes?: Record<string, M> }
interface V1Layout { decimals?: number; varianceSign?: VarianceSign; columnOrder?: string[]; columnLabels?: Record<string, string>; percentDecimals?: number }
type V1Revenue = NonNullable<V1['revenue']>;
/**
 * Issue 11: the sections that hold lines, in print order — a top-level section, or each service of a
 * group (`sections[i].sections[k]`) — with the groups (directorates) they belong to.
 */
function revenueLeaves(r: V1Revenue): { leaves: V1Leaf[]; groups: { label?: string; subtotalLabel?: string; p: (string | number)[] }[] } {
  const leaves: V1Leaf[] = [];
  const groups: { label?: string; subtotalLabel?: string; p: (string | number)[] }[] = [];
  r.sections.forEach((s, i) => {
    const p = ['revenue', 'sections', i];
    if (s.sections) {
      groups.push({ label: s.label, subtotalLabel: s.subtotalLabel, p });
      s.sections.forEach((x, k) => leaves.push({ s: x, p: [...p, 'sections', k], group: groups.length - 1 }));
    } else leaves.push({ s, p });
  });
  return { leaves, groups };
}
interface V1 {
  format: 'outturn/v1';
  organisation: string;
  financialYear: string;
  rounding?: 'round-then-sum' | 'round-each';
  publishing?: { font?: string; organisationName?: string };
  revenue?: V1Layout & {
    units: Units; displayUnits?: Units; totalLabel: string;
    sections: (V1Section & { sections?: V1Section[] })[];
    earmarkedSubtotalLabel?: string;
    transfersToCapital?: { label: string; amount: M }[];
    underspendRows?: 'always' | 'when-needed'; narrativePercent?: boolean;
    adjustments?: { label: string; amount: M }[];
    earmarked?: { label: string; amount: M; reserve?: string }[];
    budgetRequirementChange?: M; showVirements?: boolean; showVariancePercent?: boolean;
    varianceThreshold?: { amount?: M; percent?: M };
    basis?: string;
    ledger?: V1Ledger;
  };
  capital?: V1Layout & {
    reprofileDefault?: boolean; financingAsListed?: boolean; showVariancePercent?: boolean;
    showSavings?: boolean; budgetChanges?: { earlierLabel: string; columns: string[] }; financingVariations?: boolean;
    financingTotalLabel?: string; financingColumnLabels?: Record<string, string>;
    units: Units; displayUnits?: Units; year: string; nextYear: string; heading?: string; totalLabel?: string; grandTotalLabel?: string;
    categories: (V1Scheme & { totalLabel?: string; schemes?: V1Scheme[] })[];
    externallyFunded?: { label: string; ref?: string; outturn: M }[];
    memo?: { label: string; ref?: string; outturn: M }[];
    nextYearProgrammeTotal?: M;
    financing?: { type: FinancingType; label: string; amount: M; reserve?: string; originalAmount?: M; latestAmount?: M }[];
  };
  reserves?: {
    units: Units; displayUnits?: Units; years: string[]; actualYears?: number; decimals?: number;
    generalReserveBand?: { min: M; max?: M; minAmount?: M }; netRevenueBudget?: M; netRevenueBudgets?: (M | null)[];
    totalLabel?: string; showMovements?: boolean; narrativeYears?: 'first' | 'all';
    reserves: { label: string; class: 'general' | 'useable' | 'non-useable'; category?: 'mtfp' | 'beyond-mtfp' | 'contingency'; opening?: M; flows?: { movement?: M; transfers?: M; capital?: M }[]; balances?: M[] }[];
    mtfp?: V1Mtfp;
  };
}

// ---------- issue 11: how other bodies print their tables ----------

type V1Reserve = NonNullable<V1['reserves']>['reserves'][number];
type SrcFn = (p: (string | number)[]) => string;

/** A table's layout fields (decimals, variance sign, column order and captions), when given. */
function layoutOf(t: V1Layout): { layout?: TableLayout } {
  const layout: TableLayout = {};
  if (t.decimals !== undefined) layout.decimals = t.decimals;
  if (t.varianceSign !== undefined) layout.varianceSign = t.varianceSign;
  if (t.columnOrder !== undefined) layout.columnOrder = t.columnOrder;
  if (t.columnLabels !== undefined) layout.columnLabels = t.columnLabels;
  if (t.percentDecimals !== undefined) layout.percentDecimals = t.percentDecimals;
  return Object.keys(layout).length ? { layout } : {};
}

/** Table 1's layout, whether it prints an original budget, and its below-the-line rows. */
function revenueLayout(r: V1Revenue, errors: InputError[], src: SrcFn): Pick<RevenueInput, 'hasOriginal' | 'underspendRows' | 'layout' | 'narrativePercent'> {
  const out: Pick<RevenueInput, 'hasOriginal' | 'underspendRows' | 'layout' | 'narrativePercent'> = layoutOf(r);
  if (r.underspendRows) out.underspendRows = r.underspendRows;
  if (r.narrativePercent) out.narrativePercent = true;
  if (r.ledger) return out;
  const lines = revenueLeaves(r).leaves.flatMap(({ s, p }) => s.lines.map((l, j) => ({ l, p: [...p, 'lines', j] })));
  const given = lines.filter(({ l }) => l.originalBudget !== undefined).length;
  if (given === 0) out.hasOriginal = false;
  else if (given < lines.length) {
    for (const { l, p } of lines) {
      if (l.originalBudget === undefined) errors.push({ where: src([...p, 'originalBudget']), message: 'the original budget is missing: give it on every heading, or on none (then the column is not printed)' });
    }
  }
  return out;
}

/** Reserves-wide extras: per-year budgets, the band as an amount, labels, places. */
function reservesExtras(r: NonNullable<V1['reserves']>, errors: InputError[], src: SrcFn, money: MoneyFn): Partial<ReservesInput> {
  const out: Partial<ReservesInput> = {};
  const balances = r.reserves.filter((x) => x.balances).length;
  if (balances > 0) {
    out.balancesOnly = true;
    if (balances < r.reserves.length) {
      r.reserves.forEach((x, i) => {
        if (!x.balances) errors.push({ where: src(['reserves', 'reserves', i]), message: 'give every reserve as year-end balances, or none: this one has an opening balance and flows' });
      });
    }
    if (r.mtfp) errors.push({ where: src(['reserves', 'mtfp']), message: 'the MTFP draws on reserves through their movements: give the reserves with opening balances and flows, not as balances' });
    if (r.showMovements !== undefined) out.showMovements = r.showMovements;
    const openings = r.reserves.filter((x) => x.balances && x.opening !== undefined).length;
    if (openings > 0) out.balancesOpening = true;
    if (openings > 0 && openings < balances) {
      r.reserves.forEach((x, i) => {
        if (x.balances && x.opening === undefined) errors.push({ where: src(['reserves', 'reserves', i, 'opening']), message: 'the balance brought forward is missing: give it on every reserve, or on none' });
      });
    }
  }
  if (r.netRevenueBudgets) {
    if (r.netRevenueBudgets.length > r.years.length) errors.push({ where: src(['reserves', 'netRevenueBudgets']), message: `${r.netRevenueBudgets.length} budgets for ${r.years.length} years: at most one per year` });
    out.netRevenueBudgets = r.netRevenueBudgets.map((b, y) => (b === null ? undefined : money(b, ['reserves', 'netRevenueBudgets', y])));
  }
  if (r.generalReserveBand?.minAmount !== undefined) out.generalReserveMinAmount = money(r.generalReserveBand.minAmount, ['reserves', 'generalReserveBand', 'minAmount']);
  if (r.generalReserveBand && r.generalReserveBand.max === undefined) out.generalReserveNoMax = true;
  if (r.generalReserveBand) out.bandSource = src(['reserves', 'generalReserveBand']);
  if (r.totalLabel) out.totalLabel = r.totalLabel;
  if (r.narrativeYears) out.narrativeYears = r.narrativeYears;
  if (r.decimals !== undefined) out.layout = { decimals: r.decimals };
  return out;
}

/**
 * A reserve published as year-end balances only: the balance at the end of the first year is its
 * starting point; each later year's movement is derived (this year's balance − last year's), so
 * the roll-forward reproduces every published balance exactly.
 */
function reserveFromBalances(res: V1Reserve & { balances: M[] }, years: string[], p: (string | number)[], errors: InputError[], src: SrcFn, money: MoneyFn) {
  if (res.balances.length !== years.length) {
    errors.push({ where: src([...p, 'balances']), message: `${res.balances.length} balances for ${years.length} years: give one balance at the end of each year (0 for a reserve closed)` });
  }
  const b = years.map((_, y) => (res.balances[y] !== undefined ? money(res.balances[y], [...p, 'balances', y]) : new Dec(0)));
  // With the balance brought forward given too, the first year's movement is derived from it as well.
  const opening = res.opening !== undefined ? money(res.opening, [...p, 'opening']) : b[0];
  return {
    label: res.label,
    class: res.class,
    category: res.category,
    opening,
    flows: years.map((_, y) => ({ movement: b[y].minus(y === 0 ? opening : b[y - 1]), transfers: new Dec(0), capital: new Dec(0) })),
    source: src(p),
  };
}
