// The ledger-lines fast path: a month-N ledger may hold a million lines, and the JSON Schema (Ajv)
// costs 230-390 ms on 10^6 of them against ~150 ms for the whole conversion with this pass. One
// hand-written pass accepts lines only when every one is valid under the schema's `ledgerLine`;
// then the limits and the schema see the document with an empty lines array in their place.
// Whenever anything fails, the schema runs on the whole document, so every message is the schema's
// own. The promise — it never accepts a line the schema refuses — is a property test
// (test/format/ledger-lines.test.ts).
import { MAX_TEXT } from './limits';

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** doc.revenue.ledger.lines, when it is an array */
export function ledgerLinesOf(doc: unknown): unknown[] | undefined {
  if (!isObject(doc) || !isObject(doc.revenue) || !isObject(doc.revenue.ledger)) return undefined;
  const lines = doc.revenue.ledger.lines;
  return Array.isArray(lines) ? lines : undefined;
}

/** The document with revenue.ledger.lines empty (shallow copies on the way down; nothing else changes). */
export function withEmptyLedgerLines(doc: unknown): unknown {
  const d = doc as { revenue: { ledger: Record<string, unknown> } & Record<string, unknown> } & Record<string, unknown>;
  return { ...d, revenue: { ...d.revenue, ledger: { ...d.revenue.ledger, lines: [] } } };
}

/**
 * True only when every line is valid under the schema's `ledgerLine` (and within the text limit):
 * an object of the known fields, codes of 1-64 characters or integers ≥ 0, money matching the
 * schema's pattern (`^-?[0-9]+(\.[0-9]+)?$`, read character by character) or integer JSON numbers,
 * a description of at most 255 characters. It may refuse a valid line (a code or description whose
 * UTF-16 length is over the limit but whose code-point count, the schema's measure, is not): then
 * the schema decides, on the whole document. It never accepts a line the schema refuses.
 */
export function ledgerLinesValid(lines: unknown[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    const x = lines[i];
    if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
    const l = x as Record<string, unknown>;
    for (const k in l) {
      if (k !== 'costCentre' && k !== 'account' && k !== 'budget' && k !== 'actualToDate' && k !== 'description' && k !== 'commitments' && k !== 'forecast') return false;
    }
    if (!isCode(l.costCentre) || !isCode(l.account) || !isMoney(l.budget) || !isMoney(l.actualToDate)) return false;
    const d = l.description;
    if (d !== undefined && (typeof d !== 'string' || d.length > 255)) return false;
    if (l.commitments !== undefined && !isMoney(l.commitments)) return false;
    if (l.forecast !== undefined && !isMoney(l.forecast)) return false;
  }
  return true;
}

function isCode(v: unknown): boolean {
  if (typeof v === 'string') return v.length >= 1 && v.length <= 64;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function isMoney(v: unknown): boolean {
  if (typeof v !== 'string') return typeof v === 'number' && Number.isInteger(v);
  const n = v.length;
  if (n > MAX_TEXT) return false;
  let i = n > 0 && v.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const whole = i;
  let c = 0;
  for (; i < n; i++) {
    c = v.charCodeAt(i);
    if (c < 48 || c > 57) break;
  }
  if (i === whole) return false;
  if (i === n) return true;
  if (c !== 46 /* . */) return false;
  const frac = ++i;
  for (; i < n; i++) {
    c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return i > frac;
}
