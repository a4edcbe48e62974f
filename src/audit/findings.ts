// A finding of the audit, and the one place that decides its severity from the printed rounding.
import { Dec, ZERO, text } from '../base/decimal';
import type { Severity, Units } from '../engine/model';
import type { Reading } from './grid';
import { stepOf } from './grid';

export interface AuditFinding {
  severity: Severity;
  /** the layout the table was read as: revenue, capital, reserves, auto */
  table: string;
  /** Sheet!A1, or "row N, column <header>" for CSV/TSV */
  cell: string;
  /** 1-based row of the file (the line of a CSV/TSV) or sheet */
  row: number;
  /** 1-based column of the file (the field of a CSV/TSV line) or sheet */
  column: number;
  /** CSV/TSV: the cell's address when the file is opened in Excel */
  a1?: string;
  /** workbooks: the worksheet's name as it is (unquoted), so `sheet`, `row` and `column` place the cell without parsing `cell` */
  sheet?: string;
  rule: string;
  message: string;
  /** figures as plain decimal text (no separators, '-' for negatives) */
  printed?: string;
  expected?: string;
  /** printed − expected */
  difference?: string;
}

export type Num = Extract<Reading, { kind: 'number' }>;

export const isNum = (x: Reading | undefined): x is Num => x !== undefined && x.kind === 'number';

/**
 * A figure that is not nil carries rounding, and so does a negative nil ("(0)", "-0": a small negative
 * figure rounded away, as West Norfolk prints "Business Rates Reserves (0)"). Dashes, blanks and a
 * plain 0 are exact nils.
 */
const counts = (x: Reading | undefined) => isNum(x) && (!x.value.isZero() || x.negativeZero);

/**
 * Severity of a difference between a printed figure and the figure recomputed from `terms`:
 * a warning when rounding could explain it (each of the n rounded figures is off by up to half a
 * unit of the places printed), an error beyond that.
 */
export function severityOf(difference: Dec, printed: Num, terms: (Reading | undefined)[]): { severity: Severity; tolerance: Dec } {
  let step = stepOf(printed.places);
  // an exact nil printed as a dash or in words ("–", "n/a", "Now included above") has no places: it carries no rounding
  for (const t of terms) if (isNum(t) && !(t.dash && t.value.isZero()) && stepOf(t.places).gt(step)) step = stepOf(t.places);
  const n = Math.max(1, terms.filter(counts).length);
  const tolerance = step.times(n).div(2);
  return { severity: difference.abs().lte(tolerance) ? 'warning' : 'error', tolerance };
}

/** 1234567.5 → "1,234,567.5"; negatives with a minus: a finding's text is read, not typeset. */
export function show(d: Dec): string {
  const s = text(d);
  const neg = s.startsWith('-');
  const [whole, frac] = (neg ? s.slice(1) : s).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '−' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

export function unitsNote(u: Units | undefined): string {
  return u ? ` ${u}` : '';
}

export const nil = ZERO;
