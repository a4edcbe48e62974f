// The worked example made k times larger: every revenue heading, capital scheme and reserve
// repeated k times under new labels (figures unchanged; transfers still net to nil per copy).
import { exampleDocument } from './ledger';

type Obj = Record<string, unknown>;

export function scaledExample(k: number): Obj {
  const doc = exampleDocument() as Obj & { revenue: Obj; capital: Obj; reserves: Obj };
  if (k === 1) return doc;
  const copies = <T extends { label: string }>(items: T[], map: (x: T, i: number) => T = (x) => x): T[] =>
    Array.from({ length: k }, (_, i) => items.map((x) => ({ ...map(x, i), label: i === 0 ? x.label : `${x.label} (${i + 1})` }))).flat();
  const rev = doc.revenue as { sections: { lines: { label: string }[] }[]; earmarked?: { label: string; reserve?: string }[] };
  for (const s of rev.sections) s.lines = copies(s.lines);
  const cap = doc.capital as { categories: { label: string; schemes?: { label: string }[] }[] };
  cap.categories = copies(cap.categories, (c, i) => (c.schemes ? { ...c, schemes: c.schemes.map((s) => ({ ...s, label: i === 0 ? s.label : `${s.label} (${i + 1})` })) } : c));
  const res = doc.reserves as { reserves: { label: string; class: string }[] };
  const general = res.reserves.filter((r) => r.class === 'general');
  res.reserves = [...general, ...copies(res.reserves.filter((r) => r.class !== 'general'))];
  return doc;
}
