// Numbers as people print them in finance tables: "(1,234)", "( 1,234)", "£1,234.56", "- 25",
// "−25", "+384", "-", "–", "(0.0)", "12.5%", "0.", "1 234" (space or no-break space separators), blank.
// Anything else is unreadable and is reported, never guessed.
import { Dec } from './decimal';

export type Printed =
  | { kind: 'blank' }
  | {
      kind: 'number';
      value: Dec;
      /** printed as a dash meaning nil */
      dash: boolean;
      bracketed: boolean;
      percent: boolean;
      /** a negative sign on a zero, e.g. "(0.0)": legitimate but unusual */
      negativeZero: boolean;
      /** decimal places as printed */
      places: number;
      /**
       * value × 10^places as a safe integer (the figure in units of its last printed place), when the
       * figure has at most 15 digits: so a reader can add figures in integers without a Decimal.
       */
      units?: number;
    }
  | { kind: 'unreadable'; reason: string };

const DASHES = new Set(['-', '–', '—', '−', '‒']);
const MINUS = /^[-–−‒]/;
/** A nil dash typed two or three times: "--", "- -", "——". */
const DASH_RUN = /^[-–—−‒](?: ?[-–—−‒]){1,2}$/;
// A nil dash with the pound sign on either side (Excel's Accounting format: `_-£* "-"_-`).
const CURRENCY_DASH = /^(?:£ ?[-–—−‒]|[-–—−‒] ?£)$/;
// Separators people use between thousands: comma, space, no-break space, narrow no-break space, thin space.
const SEPARATORS = /[, \u00a0\u202f\u2009]/;

// The common forms, read without the general path's rewriting: 1234, -1,234.5, (1,234).
const PLAIN = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;
const PLAIN_BRACKETED = /^\((\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\)$/;

export function parsePrinted(raw: string | null | undefined): Printed {
  if (raw === null || raw === undefined) return { kind: 'blank' };
  // Fast path (same result as the general path below, which it skips for the usual forms).
  const plain = PLAIN.exec(raw);
  if (plain) return figure(plain[2], plain[3], plain[1] === '-', false);
  const bracketed0 = PLAIN_BRACKETED.exec(raw);
  if (bracketed0) return figure(bracketed0[1], bracketed0[2], true, true);
  let s = raw.replace(/^\ufeff/, '').replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
  if (s === '') return { kind: 'blank' };
  if (DASHES.has(s)) return number(new Dec(0), { dash: true, units: 0 });
  // the dash typed twice or three times, as the Official Report and typewritten tables print a nil ("--", "- -", "———")
  if (DASH_RUN.test(s)) return number(new Dec(0), { dash: true, units: 0 });
  // UK Excel's Accounting format prints nil as a dash beside the currency sign: " £- ", "£ -", "- £".
  if (CURRENCY_DASH.test(s)) return number(new Dec(0), { dash: true, units: 0 });

  let bracketed = false;
  let negative = false;
  let percent = false;

  // "£(1,234)" and "(£1,234)" are both seen; so are "-£1,234" and "£-1,234".
  s = s.replace(/^£\s*/, '');
  if (s.startsWith('(') && s.endsWith(')')) {
    bracketed = true;
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(/^£\s*/, '');
  if (MINUS.test(s)) {
    if (negative) return { kind: 'unreadable', reason: `two negative signs in ${JSON.stringify(raw)}` };
    negative = true;
    s = s.slice(1).trim();
  } else if (s.startsWith('+') && !bracketed) {
    // "+384", "+ 1,234", "+£1.2", "+12.5%": a change printed with its sign, as columns captioned
    // "(+/-)" or "Increase/(decrease)" print an increase (inside brackets the sign is grid.ts's to read)
    s = s.slice(1).trim();
    if (MINUS.test(s) || s.startsWith('+')) return { kind: 'unreadable', reason: `two signs in ${JSON.stringify(raw)}` };
  }
  s = s.replace(/^£\s*/, '');
  // "0.", "12." (the places after the point dropped, as web pages and some formats print them) and
  // "54%." (a figure that ends a sentence): the figure, to no places
  if (/\d%?\.$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (s === '') return { kind: 'unreadable', reason: `no digits in ${JSON.stringify(raw)}` };

  const digits = ungroup(s);
  if (digits === null) return { kind: 'unreadable', reason: `${JSON.stringify(raw)} is not a number as printed` };
  const dot = digits.indexOf('.');
  return figure(dot < 0 ? digits : digits.slice(0, dot), dot < 0 ? undefined : digits.slice(dot), negative, bracketed, percent);
}

/** A figure from its whole part (digits, maybe grouped by commas) and its fraction (".5" or undefined). */
function figure(whole: string, fraction: string | undefined, negative: boolean, bracketed: boolean, percent = false): Printed {
  const w = whole.includes(',') ? whole.replace(/,/g, '') : whole;
  const all = fraction ? w + fraction.slice(1) : w;
  let value = new Dec(fraction ? w + fraction : w);
  const negativeZero = negative && value.isZero();
  if (negative) value = value.neg();
  const places = fraction ? fraction.length - 1 : 0;
  let units: number | undefined;
  if (all.length <= 15) {
    const n = Number(all);
    units = negative && n !== 0 ? -n : n;
  }
  return number(value, { bracketed, percent, negativeZero, places, units });
}

function number(value: Dec, o: Partial<Omit<Extract<Printed, { kind: 'number' }>, 'kind' | 'value'>>): Printed {
  return {
    kind: 'number',
    value,
    dash: o.dash ?? false,
    bracketed: o.bracketed ?? false,
    percent: o.percent ?? false,
    negativeZero: o.negativeZero ?? false,
    places: o.places ?? 0,
    units: o.units,
  };
}

/** "1,234,567.89" → "1234567.89"; null unless the grouping is regular (groups of three, one kind of separator). */
function ungroup(s: string): string | null {
  const m = /^([0-9][0-9, \u00a0\u202f\u2009]*)?(\.[0-9]+)?$/.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const whole = m[1] ?? '0';
  const fraction = m[2] ?? '';
  const seps = new Set(whole.replace(/[0-9]/g, ''));
  if (seps.size > 1) return null;
  if (seps.size === 1) {
    const sep = [...seps][0];
    if (!SEPARATORS.test(sep)) return null;
    const groups = whole.split(sep);
    if (groups[0].length < 1 || groups[0].length > 3) return null;
    if (groups.slice(1).some((g) => g.length !== 3)) return null;
  }
  return whole.replace(/[^0-9]/g, '') + fraction;
}
