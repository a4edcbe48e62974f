// A larger input from the worked example: every revenue line, capital scheme and earmarked reserve
// repeated `k` times under a numbered label, so labels stay unique and the tables grow k-fold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Doc = Record<string, any>;

export function exampleDoc(): Doc {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'derbyshire-2020-21.json'), 'utf8'));
}

export function scaledDoc(k: number, base: Doc = exampleDoc()): Doc {
  const x: Doc = structuredClone(base);
  const times = <T>(list: T[], f: (item: T, i: number) => T): T[] => Array.from({ length: k }, (_, i) => list.map((it) => f(it, i))).flat();
  const tag = (label: string, i: number) => (i === 0 ? label : `${label} #${i + 1}`);
  x.revenue.sections = x.revenue.sections.map((s: Doc) => ({ ...s, lines: times(s.lines, (l: Doc, i) => ({ ...l, label: tag(l.label, i) })) }));
  x.capital.categories = x.capital.categories.map((c: Doc) => (c.schemes ? { ...c, schemes: times(c.schemes, (s: Doc, i) => ({ ...s, label: tag(s.label, i) })) } : c));
  const [general, ...rest] = x.reserves.reserves;
  x.reserves.reserves = [general, ...times(rest, (r: Doc, i) => ({ ...r, label: tag(r.label, i) }))];
  return x;
}
