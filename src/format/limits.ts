// Size limits of an outturn/v1 document, checked before anything else looks at it, so that an
// enormous or hostile input fails quickly with a located message instead of exhausting memory,
// the stack or the user's patience. The limits are far beyond any real statutory table:
//   - a text field holds at most MAX_TEXT characters (a spreadsheet cell holds 32,767; labels 255);
//   - a table has at most MAX_ROWS rows of input (revenue lines; capital schemes, categories,
//     externally funded and memo lines; reserves);
//   - JSON nests at most MAX_DEPTH levels (the format itself needs fewer than 10).
// The command line also refuses input files larger than its byte limits (src/cli/build.ts).
import { type InputError, jsonPath } from './errors';

export const MAX_TEXT = 1_000;
export const MAX_ROWS = 10_000;
export const MAX_DEPTH = 32;

/** A value for a message: long text is cut, so a 50 MB string never becomes a 50 MB message. */
export function elide(v: unknown, max = 40): string {
  const s = typeof v === 'string' ? v : String(v);
  return s.length > max ? `${JSON.stringify(s.slice(0, max))}… (${s.length.toLocaleString('en-GB')} characters)` : JSON.stringify(s);
}

const len = (x: unknown) => (Array.isArray(x) ? x.length : 0);
const obj = (x: unknown): Record<string, unknown> => (x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {});

/** The path to a value (by identity), searched without recursion down to `maxDepth`. */
function pathTo(root: unknown, target: unknown, maxDepth: number): (string | number)[] | undefined {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: root, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (v === target) return path;
    if (v === null || typeof v !== 'object' || path.length >= maxDepth) continue;
    if (Array.isArray(v)) v.forEach((x, i) => { if (x === target || (x !== null && typeof x === 'object')) stack.push({ v: x, path: [...path, i] }); });
    else for (const k in v) { const x = (v as Record<string, unknown>)[k]; if (x === target || (x !== null && typeof x === 'object')) stack.push({ v: x, path: [...path, k] }); }
  }
  return undefined;
}

/** Every limit the document exceeds, located; empty when it is within them all. */
export function checkLimits(doc: unknown): InputError[] {
  const errors: InputError[] = [];
  // Depth and text length, walked without recursion (the input may nest 100,000 deep) and without
  // allocating per value (a ledger has millions); the path of a value is found only to report it.
  const vals: unknown[] = [doc];
  const depths: number[] = [0];
  const bad: { v: unknown; why: 'text' | 'deep' }[] = [];
  while (vals.length && bad.length <= 20) {
    const v = vals.pop();
    const depth = depths.pop()!;
    if (typeof v === 'string') {
      if (v.length > MAX_TEXT) bad.push({ v, why: 'text' });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      bad.push({ v, why: 'deep' });
      break;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const x = v[i];
        if (x !== null && (typeof x === 'object' || (typeof x === 'string' && x.length > MAX_TEXT))) {
          vals.push(x);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== null && (typeof x === 'object' || (typeof x === 'string' && x.length > MAX_TEXT))) {
          vals.push(x);
          depths.push(depth + 1);
        }
      }
    }
  }
  for (const b of bad) {
    const where = jsonPath(pathTo(doc, b.v, b.why === 'deep' ? MAX_DEPTH : Number.POSITIVE_INFINITY) ?? []);
    errors.push(b.why === 'text'
      ? { where, message: `a text of ${(b.v as string).length.toLocaleString('en-GB')} characters (${elide(b.v, 20)}): the most Outturn accepts in one field is ${MAX_TEXT.toLocaleString('en-GB')}` }
      : { where, message: `nested more than ${MAX_DEPTH} levels deep: not an outturn/v1 document` });
  }
  const d = obj(doc);
  const rows = (n: number, path: string, what: string) => {
    if (n > MAX_ROWS) errors.push({ where: path, message: `${n.toLocaleString('en-GB')} ${what}: a table has at most ${MAX_ROWS.toLocaleString('en-GB')} (aggregate the detail, e.g. as revenue.ledger lines)` });
  };
  const rev = obj(d.revenue);
  if (Array.isArray(rev.sections)) rows(rev.sections.reduce((n: number, s) => n + len(obj(s).lines) + (Array.isArray(obj(s).sections) ? (obj(s).sections as unknown[]).reduce((m: number, x) => m + len(obj(x).lines), 0) : 0), 0), '$.revenue.sections', 'revenue lines');
  const cap = obj(d.capital);
  if (Array.isArray(cap.categories)) {
    rows(cap.categories.reduce((n: number, c) => n + 1 + len(obj(c).schemes), 0) + len(cap.externallyFunded) + len(cap.memo), '$.capital.categories', 'capital lines');
  }
  rows(len(obj(d.reserves).reserves), '$.reserves.reserves', 'reserves');
  return errors;
}

/** A whole JSON number beyond 15 digits, as typed (`raw`) when the reader kept it: never the value JSON.parse rounded it to. */
export function tooManyDigits(v: number, raw: string | undefined): string {
  const digits = raw?.replace(/^-/, '') ?? '';
  if (raw && /^\d+$/.test(digits)) {
    const read = BigInt(v).toString();
    return `${raw} has ${digits.length} digits, more than a spreadsheet keeps (15 significant digits${read === digits ? '' : `; as a JSON number it would be read as ${read}`}): check the figure (as a decimal string it still could not be kept)`;
  }
  return `the number ${raw ?? v} has more digits than a spreadsheet keeps (15 significant digits): check the figure, and write money as a decimal string`;
}
