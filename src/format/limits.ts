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

/** Every limit the document exceeds, located; empty when it is within them all. */
export function checkLimits(doc: unknown): InputError[] {
  const errors: InputError[] = [];
  // Depth and text length, walked without recursion (the input may nest 100,000 deep); a place's
  // path is worked out only when it is reported.
  interface At { v: unknown; key: string | number; up: At | undefined; depth: number }
  const pathOf = (a: At) => {
    const p: (string | number)[] = [];
    for (let x: At | undefined = a; x && x.up; x = x.up) p.unshift(x.key);
    return jsonPath(p);
  };
  const stack: At[] = [{ v: doc, key: '', up: undefined, depth: 0 }];
  let deep = false;
  while (stack.length && errors.length <= 20) {
    const at = stack.pop()!;
    const v = at.v;
    if (typeof v === 'string') {
      if (v.length > MAX_TEXT) errors.push({ where: pathOf(at), message: `a text of ${v.length.toLocaleString('en-GB')} characters (${elide(v, 20)}): the most Outturn accepts in one field is ${MAX_TEXT.toLocaleString('en-GB')}` });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (at.depth >= MAX_DEPTH) {
      if (!deep) errors.push({ where: pathOf(at), message: `nested more than ${MAX_DEPTH} levels deep: not an outturn/v1 document` });
      deep = true;
      continue;
    }
    const depth = at.depth + 1;
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], key: i, up: at, depth });
    else for (const k of Object.keys(v)) stack.push({ v: (v as Record<string, unknown>)[k], key: k, up: at, depth });
  }
  const d = obj(doc);
  const rows = (n: number, path: string, what: string) => {
    if (n > MAX_ROWS) errors.push({ where: path, message: `${n.toLocaleString('en-GB')} ${what}: a table has at most ${MAX_ROWS.toLocaleString('en-GB')} (aggregate the detail, e.g. as revenue.ledger lines)` });
  };
  const rev = obj(d.revenue);
  if (Array.isArray(rev.sections)) rows(rev.sections.reduce((n: number, s) => n + len(obj(s).lines), 0), '$.revenue.sections', 'revenue lines');
  const cap = obj(d.capital);
  if (Array.isArray(cap.categories)) {
    rows(cap.categories.reduce((n: number, c) => n + 1 + len(obj(c).schemes), 0) + len(cap.externallyFunded) + len(cap.memo), '$.capital.categories', 'capital lines');
  }
  rows(len(obj(d.reserves).reserves), '$.reserves.reserves', 'reserves');
  return errors;
}
