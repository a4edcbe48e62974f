// Tables and running text from the positioned text of PDF pages (as pdf.js gives it): rows from
// baselines, columns from the alignment of the figures. Pure: the PDF reader at the edge
// (src/pdf/read.ts) hands in text items with positions; nothing here knows pdf.js.
//
// How a page is read, as a person reads a printed table:
//  1. Items on one baseline (within a third of the font size) make a line; within a line, items
//     closer than half the font size make one segment (a cell's text).
//  2. A line holding a figure in a separate segment is a table line; lines without figures next to
//     table lines (headers above, section headings and wrapped labels between) belong to the table;
//     a line of prose, a page break that does not continue the table, or a gap of over three row
//     pitches ends it.
//  3. Columns are where the figures align: the segments of the table lines are clustered by their
//     horizontal extent (figures first, then text); a header or label spanning several columns goes
//     to the first of them (as a super-header is printed over its group).
//  4. Lines closer together than a row pitch (a label or header wrapped within its cell, figures
//     centred beside a wrapped label) merge into one row.
//  5. A table at the top of a page whose columns match the table ending the previous page
//     continues it; a repeated header is dropped.
import { parsePrinted } from '../base/printed';
import { type DocParagraph, type DocTable, type ReportDocument, paragraphWhere, rectangular, squash } from './document';

/** One run of text on a page. Units are PDF points; y is the baseline measured from the page top. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  /** advance width */
  w: number;
  /** font size (height of the text) */
  h: number;
  bold?: boolean;
}

export interface PageText {
  /** 1-based */
  page: number;
  width: number;
  height: number;
  items: TextItem[];
}

interface Part {
  text: string;
  x0: number;
  x1: number;
}

interface Segment {
  /** the items it was joined from: a segment crossing column boundaries is split between them */
  parts: Part[];
  text: string;
  x0: number;
  x1: number;
  h: number;
  bold: boolean;
  numeric: boolean;
}

interface Line {
  page: number;
  y: number;
  h: number;
  segs: Segment[];
}

const isFigure = (s: string): boolean => {
  const t = s.replace(/\s*(\*+|\([a-z]\)|[†‡§])$/i, '');
  if (/^£\s*'?0{3}s?$|^£\s*m$/i.test(t)) return false; // "£000", "£'000": a unit, not nil
  if (!/[0-9]|^[-–—−]$/.test(t)) return false;
  // as the audit reads them: a unit inside the cell, its brackets round it ("(£6.9m)"), pence ("27p",
  // "£1.28p") and a percentage in words ("3.8 per cent")
  const bare = t.replace(/^\(\s*£?\s*([^()]*[0-9])\s*(m|k|bn)\s*\)$/i, '($1)').replace(/^(\(?)£\s*/, '$1').replace(/([0-9])\s*(m|k|bn|p)$/i, '$1').replace(/([0-9])\s*per\s?cent$/i, '$1%');
  const p = parsePrinted(bare);
  return p.kind === 'number';
};

// A figure as only figures are printed: with a thousands separator, brackets, decimals or a % sign.
const FIGURE_TOKEN = /^\(?-?£?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+\.[0-9]+|\([0-9]+\)|[0-9]+%)\)?$/;

/**
 * pdf.js joins text runs closer than about half an em into one item, spacing them: in tight tables a
 * figure and the label in the next cell arrive as one item ("72,687 Adult Social Care"). Split a
 * figure off the start or end of an item, apportioning the width by characters.
 */
function splitFigure(it: TextItem): TextItem[] {
  const str = it.str;
  const at = (i: number) => it.x + (it.w * i) / str.length;
  // a run of figures or years ("277.230 287.541 259.221", "2015-16 2016-17"): each its own cell
  const tokens = [...str.matchAll(/\S+/g)];
  if (tokens.length >= 2 && tokens.every((m) => FIGURE_TOKEN.test(m[0]) || /^(19|20)[0-9]{2}([-/][0-9]{2})?$/.test(m[0]) || /^[-–—−]$/.test(m[0]))) {
    return tokens.map((m) => ({ ...it, str: m[0], x: at(m.index ?? 0), w: at((m.index ?? 0) + m[0].length) - at(m.index ?? 0) }));
  }
  const first = /^(\S+)(\s+)(\S.*)$/.exec(str);
  if (first && FIGURE_TOKEN.test(first[1]) && /[A-Za-z]/.test(first[3])) {
    const k = first[1].length + first[2].length;
    return [{ ...it, str: first[1], w: at(first[1].length) - it.x }, ...splitFigure({ ...it, str: first[3], x: at(k), w: it.x + it.w - at(k) })];
  }
  const last = /^(.*\S)(\s+)(\S+)$/.exec(str);
  if (last && FIGURE_TOKEN.test(last[3]) && /[A-Za-z]/.test(last[1])) {
    const k = last[1].length + last[2].length;
    return [{ ...it, str: last[1], w: at(last[1].length) - it.x }, { ...it, str: last[3], x: at(k), w: it.x + it.w - at(k) }];
  }
  return [it];
}

/** Items → lines (by baseline) → segments (by gaps). */
export function linesOf(page: PageText): Line[] {
  const items = page.items.filter((i) => i.str.trim() !== '' && i.h > 0).flatMap(splitFigure).sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: TextItem[][] = [];
  for (const it of items) {
    const last = rows[rows.length - 1];
    if (last) {
      const y = last[0].y;
      const h = Math.max(...last.map((i) => i.h), it.h);
      if (Math.abs(it.y - y) <= 0.35 * h) {
        last.push(it);
        continue;
      }
    }
    rows.push([it]);
  }
  return rows.map((r) => {
    r.sort((a, b) => a.x - b.x);
    const segs: Segment[] = [];
    for (const it of r) {
      const prev = segs[segs.length - 1];
      const gap = prev ? it.x - prev.x1 : Infinity;
      // a figure beside anything else is another cell unless they touch; text joins text across a word space
      const aFigure = prev && (isFigure(prev.text) || isFigure(it.str.trim()));
      if (prev && gap < 0.35 * Math.max(prev.h, it.h) && !(aFigure && gap > 0.15 * it.h)) {
        const sep = gap > 0.12 * it.h && !/\s$/.test(prev.text) && !/^\s/.test(it.str) ? ' ' : '';
        prev.text += sep + it.str;
        prev.parts.push({ text: it.str, x0: it.x, x1: it.x + it.w });
        prev.x1 = Math.max(prev.x1, it.x + it.w);
        prev.bold = prev.bold && !!it.bold;
      } else {
        segs.push({ parts: [{ text: it.str, x0: it.x, x1: it.x + it.w }], text: it.str, x0: it.x, x1: it.x + it.w, h: it.h, bold: !!it.bold, numeric: false });
      }
    }
    for (const s of segs) {
      s.text = squash(s.text);
      s.numeric = isFigure(s.text);
    }
    return { page: page.page, y: r[0].y, h: Math.max(...r.map((i) => i.h)), segs };
  });
}

/** A header cell's text wrapped: the next line has a segment starting under it, less than a line and a half below. */
const isWrapOf = (a: Line, b: Line) => b.y - a.y < 1.5 * Math.max(a.h, b.h) && b.segs.some((s) => Math.abs(s.x0 - a.segs[0].x0) < 2 || Math.abs(s.x1 - a.segs[0].x1) < 2 || Math.abs((s.x0 + s.x1) / 2 - (a.segs[0].x0 + a.segs[0].x1) / 2) < 2);

/** "Table 1", "Table 3a: Reserves": a caption, not a header */
const isCaption = (l: Line) => l.segs.length === 1 && /^(table|appendix|annex)\s+[0-9a-z.]+\b/i.test(l.segs[0].text) && l.segs[0].text.length <= 90;
const figures = (l: Line) => l.segs.filter((s) => s.numeric).length;
const words = (l: Line) => l.segs.map((s) => s.text).join(' ').split(' ').length;
/** A line of running text: one segment, several words, or a sentence. */
const isProse = (l: Line, pageWidth: number) =>
  l.segs.length === 1 && figures(l) === 0 && (words(l) >= 12 || /[.:;]$/.test(l.segs[0].text) && words(l) >= 6 || (l.segs[0].x1 - l.segs[0].x0) > 0.55 * pageWidth);
/** A table line: a figure in a segment of its own beside something else (a label or other figures). */
/**
 * A row of a table: a figure at least, or (a row of nothing to show: StatsWales's "Waste disposal . . .", a
 * line of "none") two or more words that stand for a figure after its label and nothing else.
 */
const isRow = (l: Line) => (figures(l) >= 1 && (l.segs.length >= 2 || figures(l) >= 1 && l.segs[0].x0 > 0)) || fillerRow(l);
const fillerRow = (l: Line) => l.segs.length >= 3 && !l.segs[0].numeric && l.segs.slice(1).every((s) => FILLER.test(s.text));

interface Block {
  lines: Line[];
  title?: string;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Splits a page's lines into table blocks and prose; the prose goes to `paras`. */
function blocksOf(lines: Line[], page: PageText, paras: Line[][]): Block[] {
  const blocks: Block[] = [];
  // "2020 /" above "21": a year wrapped in a header cell, not a row of figures
  // (a line with no figure at all is no wrapped year: its segments are words)
  const wrappedYear = (l: Line, k: number) => {
    const nums = l.segs.filter((s) => s.numeric);
    return k > 0 && nums.length > 0 && nums.every((s) => /^[0-9]{2}$/.test(s.text))
      && l.y - lines[k - 1].y < 1.5 * l.h && lines[k - 1].segs.some((p) => /[/-]$/.test(p.text) && overlap(p, nums[0]) > 0);
  };
  // "Month" above "6" in the label column: a label wrapped in its cell, not a row of one figure
  const wrappedLabel = (l: Line, k: number) => k > 0 && l.segs.length === 1 && l.y - lines[k - 1].y < 1.5 * l.h
    && !lines[k - 1].segs[0].numeric && Math.abs(lines[k - 1].segs[0].x0 - l.segs[0].x0) <= 2;
  const isTableLine = lines.map((l, k) => isRow(l) && !wrappedYear(l, k) && !wrappedLabel(l, k) && !(l.segs.length === 1 && figures(l) === 1 && l.segs[0].text.length <= 3 && l.segs[0].x0 > page.width * 0.4 && l.y > page.height * 0.9));
  // a single short figure near the bottom centre is a page number, not a table
  let i = 0;
  let lastEnd = -1;
  let prose: Line[] = [];
  const flushProse = () => {
    if (prose.length) paras.push(prose);
    prose = [];
  };
  while (i < lines.length) {
    if (!isTableLine[i]) {
      i++;
      continue;
    }
    // grow downwards: table lines, and non-prose lines between or after them, while gaps stay table-like
    let end = i;
    const pitches: number[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const gap = lines[j].y - lines[j - 1].y;
      const pitch = median(pitches) || 1.6 * lines[j - 1].h;
      if (gap > 3.2 * pitch) break;
      // running text starts at the table's left edge; a long line further right is a cell's text wrapping (a comments column)
      const tableLeft = Math.min(...lines.slice(i, j).map((l) => l.segs[0].x0));
      const proseAt = (l: Line) => isProse(l, page.width) && l.segs[0].x0 <= tableLeft + 2 * l.h;
      if (proseAt(lines[j])) break;
      if (isTableLine[j]) {
        // the row pitch: from one line of figures to the next (not from a wrapped label's line)
        let k = j - 1;
        while (k > i && !isTableLine[k]) k--;
        if (isTableLine[k] && lines[j].page === lines[k].page) pitches.push(lines[j].y - lines[k].y);
        end = j;
      } else if (lines[j].segs.length >= 1) {
        // a new table's title after a gap: one segment at the left edge, apart from the table above,
        // with a header line of several segments under it
        const next = lines[j + 1];
        if (gap > 1.6 * pitch && lines[j].segs.length === 1 && lines[j].segs[0].x0 <= tableLeft + 2 * lines[j].h
          && next && !isTableLine[j + 1] && next.segs.length >= 2 && next.segs.every((sg) => !sg.numeric)) break;
        // a new table's header row after a blank row, straight under the table above (tables one under
        // another, each with its own header, no title): three or more cells of bold text, no figure
        const captionAfterGap = (k: number) => isCaption(lines[k]) && /^table\s/i.test(lines[k].segs[0].text) && lines[k].y - lines[k - 1].y > 1.2 * pitch;
        const newHeader = (k: number) => lines[k].y - lines[k - 1].y > 1.6 * pitch && lines[k].segs.length >= 3 && lines[k].segs.every((sg) => !sg.numeric && sg.bold);
        if (newHeader(j)) break;
        // a caption ("Table 2b: Capital financing") after a gap: the next table, whatever its header
        if (captionAfterGap(j)) break;
        // a label line without figures: keep if a table line follows soon
        let k = j + 1;
        while (k < lines.length && !isTableLine[k] && !proseAt(lines[k]) && !newHeader(k) && !captionAfterGap(k) && lines[k].y - lines[k - 1].y <= 3.2 * pitch && k - j < 40) k++;
        if (k < lines.length && isTableLine[k] && lines[k].y - lines[k - 1].y <= 3.2 * pitch) {
          end = k;
          j = k;
          continue;
        }
        // or a group's heading at the foot of the page, its rows on the next ("IS Schemes" as the last
        // line, the table continuing overleaf): one or two lines, each a label at the table's left edge
        // (or the rest of the only row's label, wrapped round its figures: under a label just above)
        const labelXs = lines.slice(Math.max(0, i - 3), j).flatMap((l) => l.segs.filter((sg) => !sg.numeric).map((sg) => sg.x0));
        if (k === lines.length && k - j <= 2 && lines.slice(j).every((l) => l.segs.length === 1 && figures(l) === 0 && !isProse(l, page.width)
          && (Math.abs(l.segs[0].x0 - tableLeft) <= 2 || labelXs.some((x) => Math.abs(l.segs[0].x0 - x) <= 2)))) {
          end = k - 1;
          break;
        }
        // or the rest of a label wrapped in its cell, right under the last table line
        const under = (l: Line) => lines.slice(Math.max(i, end - 3), end + 1).some((p) => p.segs.some((sg) => !sg.numeric && Math.abs(sg.x0 - l.segs[0].x0) <= 2));
        if (gap < 0.8 * pitch && lines[j].segs.length <= 2 && (figures(lines[j]) === 0 || wrappedLabel(lines[j], j)) && under(lines[j])) {
          end = j;
          continue;
        }
        break;
      }
    }
    // grow upwards: header lines (not prose), at most 6, close to the first table line
    let start = i;
    const pitch = median(pitches) || 1.6 * lines[i].h;
    // a line of one segment at the table's left edge is a title, not a header (unless it is the first
    // line of a header cell that wraps); one further right is a super-header over its group
    const leftEdge = Math.min(...lines.slice(i, end + 1).map((l) => l.segs[0].x0));
    // ("Income:", "Less:" — a group's heading inside the table, a capitalised word or few ending in a
    // colon — is not a title; "…summarised below:", the end of the sentence above the table, is prose)
    const groupHeading = (l: Line) => /^[A-Z][^.:]{0,40}:$/.test(l.segs[0].text) && words(l) <= 4;
    const titleLike = (l: Line, below: Line) => l.segs.length === 1 && l.segs[0].x0 <= leftEdge + 2 * l.h && !isWrapOf(l, below) && !groupHeading(l)
      && (below.y - l.y > Math.max(1.6 * l.h, 1.15 * pitch) || Math.abs(l.h - below.h) > 0.15 * below.h);
    // (a long line further right than the table's left edge is a cell's text wrapping upwards, as a
    // bottom-aligned comment or message prints above its row's figures, not running text)
    const proseAbove = (l: Line) => isProse(l, page.width) && l.segs[0].x0 <= leftEdge + 2 * l.h;
    while (start - 1 >= 0 && !isTableLine[start - 1] && !proseAbove(lines[start - 1]) && i - (start - 1) <= 40
      && lines[start].y - lines[start - 1].y <= 2.6 * pitch && !titleLike(lines[start - 1], lines[start])
      && !claimed(lines[start - 1]) && !isCaption(lines[start - 1])) start--;
    // a caption line ("Table 1") right above becomes the title
    let title: string | undefined;
    const cap = lines[start - 1];
    if (cap && isCaption(cap) && lines[start].y - cap.y <= 4 * pitch) title = cap.segs[0].text;
    // prose before the table
    for (let p = lastEnd + 1; p < start; p++) if (!(title && lines[p] === cap)) pushProse(lines[p]);
    blocks.push({ lines: lines.slice(start, end + 1), title });
    lastEnd = end;
    i = end + 1;
  }
  for (let p = lastEnd + 1; p < lines.length; p++) pushProse(lines[p]);
  flushProse();
  return blocks;

  // helpers closed over the page
  function claimed(l: Line) {
    return blocks.some((b) => b.lines.includes(l));
  }
  function pushProse(l: Line) {
    const last = prose[prose.length - 1];
    const weight = (x: Line) => x.segs.every((sg) => sg.bold);
    if (last && (l.y - last.y > 1.9 * Math.max(l.h, last.h) || Math.abs(l.h - last.h) > 0.5 || weight(l) !== weight(last)
      || Math.abs(l.segs[0].x0 - last.segs[0].x0) > 2 * l.h && l.y - last.y > 1.3 * l.h)) flushProse();
    prose.push(l);
  }
}

const FILLER = /^(none|nil|n\/a|na|n\.a\.|tbc|tbd|\*|—|–|\.|\.\.)$/i;

interface Column {
  x0: number;
  x1: number;
  /** anchored by figures (not by labels or other text) */
  figure?: boolean;
  /** one of several text columns told apart by their headers, not by gaps (see columnsOf) */
  byHeader?: boolean;
}

/** Columns from the segments of the table lines: figures first, then text that overlaps no figure column. */
function columnsOf(lines: Line[]): Column[] {
  const rows = lines.filter(isRow);
  const cluster = (segs: Segment[], existing: Column[]): Column[] => {
    const out: Column[] = [];
    for (const s of segs.slice().sort((a, b) => a.x0 - b.x0)) {
      if (existing.some((c) => overlap(c, s) > 0)) continue;
      const hit = out.filter((c) => overlap(c, s) > 0);
      if (hit.length === 0) out.push({ x0: s.x0, x1: s.x1 });
      else {
        const merged = { x0: Math.min(s.x0, ...hit.map((c) => c.x0)), x1: Math.max(s.x1, ...hit.map((c) => c.x1)) };
        for (const c of hit) out.splice(out.indexOf(c), 1);
        out.push(merged);
      }
    }
    return out;
  };
  // a lone dash (nil) may be centred or left in its cell: it does not anchor a column
  const anchors = (s: Segment) => s.numeric && !/^[-–—−]$/.test(s.text);
  const figureCols = cluster(rows.flatMap((l) => l.segs.filter(anchors)), []);
  for (const c of figureCols) c.figure = true;
  // a column of nothing but dashes (nil every year) is a column when a header stands over it alone:
  // the dashes line up under a header that no figure column is under
  const dashCols = cluster(rows.flatMap((l) => l.segs.filter((s) => /^[-–—−]$/.test(s.text))), figureCols);
  for (const d of dashCols) {
    const members = rows.flatMap((l) => l.segs).filter((s) => /^[-–—−]$/.test(s.text) && overlap(d, s) > 0).length;
    // …or a header centred over the cell the dashes are right-aligned in: between the figures of the
    // column before and the dashes' right edge (LibreOffice centres "£" over a wide cell of dashes)
    const before = Math.max(-Infinity, ...figureCols.filter((f) => f.x1 <= d.x0).map((f) => f.x1));
    const centredOver = (h: Segment) => (h.x0 + h.x1) / 2 > before && (h.x0 + h.x1) / 2 < d.x1 && h.x1 <= d.x1 + 0.5 * h.h;
    const headed = lines.some((l) => !isRow(l) && l.segs.some((h) => (overlap(d, h) > 0 || centredOver(h)) && !figureCols.some((f) => overlap(f, h) > 0)));
    if (members >= 2 && headed) {
      d.figure = true;
      figureCols.push(d);
    }
  }
  // note references wrapped in a narrow cell ("14, 15," over "25", left-aligned): the short whole
  // numbers of the wrapped line make a column of their own beside the Notes column's; a header over
  // both and over no other column ("Notes") shows they are one column
  const refs = (c: Column) => rows.flatMap((l) => l.segs).filter((s) => anchors(s) && overlap(c, s) > 0);
  for (let k = 0; k < figureCols.length; k++) {
    const c = figureCols[k];
    if (!refs(c).every((s) => /^[0-9]{1,3},?$/.test(s.text))) continue;
    const head = lines.filter((l) => !isRow(l)).flatMap((l) => l.segs).find((h) => !h.numeric && overlap(c, h) > 0
      && figureCols.filter((f) => overlap(f, h) > 0).length === 2);
    const other = head && figureCols.find((f) => f !== c && overlap(f, head) > 0);
    if (!other || !refs(other).every((s) => /^[0-9]{1,3},?$/.test(s.text))) continue;
    other.x0 = Math.min(other.x0, c.x0);
    other.x1 = Math.max(other.x1, c.x1);
    figureCols.splice(k--, 1);
  }
  // text segments that overlap two figure columns span them: they do not make columns
  // words that stand for a figure ("none", "nil", "n/a") sit anywhere in a figure's cell: they anchor no column either
  const text = rows.flatMap((l) => l.segs.filter((s) => !s.numeric && !/^[-–—−]$/.test(s.text) && !FILLER.test(s.text)));
  const textCols = cluster(text, figureCols).flatMap((t) => splitByHeaders(t, lines));
  // no label column from the rows, but labels beside them: every row's label wrapped round a figure
  // line centred on it (a table's only row on a page before a break, "Revenue Support Grant" over its
  // figures over "(RSG)"): the text left of every figure column, on the lines between, is the label column
  const firstFig = Math.min(...figureCols.map((f) => f.x0));
  if (figureCols.length && !textCols.some((t) => t.x1 < firstFig)) {
    const besides = lines.filter((l) => !isRow(l)).flatMap((l) => l.segs.filter((sg) => !sg.numeric && sg.x1 < firstFig - 0.5 * sg.h));
    const rowsFrom = Math.min(...rows.map((l) => l.y));
    textCols.push(...cluster(besides.filter((sg) => lines.some((l) => l.segs.includes(sg) && l.y > rowsFrom - 2 * l.h)), figureCols));
  }
  let cols = [...figureCols, ...textCols].sort((a, b) => a.x0 - b.x0);
  // short text in a figure column ("3/4" among note numbers) printed left of its figures: a header
  // over both it and exactly one figure column joins them (labels are longer: they never join)
  const shortText = new Set(textCols.filter((c) => text.filter((s) => overlap(c, s) > 0).every((s) => s.text.length <= 12 && s.text.split(" ").length <= 2)));
  for (const l of lines) {
    if (isRow(l)) continue;
    for (const s of l.segs) {
      const hit = cols.filter((c) => overlap(c, s) > 0.5);
      const figs = hit.filter((c) => figureCols.includes(c));
      const short = hit.filter((c) => shortText.has(c));
      if (figs.length !== 1 || short.length === 0 || figs.length + short.length !== hit.length) continue;
      for (const t of short) {
        figs[0].x0 = Math.min(figs[0].x0, t.x0);
        figs[0].x1 = Math.max(figs[0].x1, t.x1);
      }
      cols = cols.filter((c) => !short.includes(c));
    }
  }
  // short text just right of a figure column, with a figure column after it: left-aligned in that next
  // column's cells (a cell's left padding from the figures before it)
  for (let k = 1; k + 1 < cols.length; k++) {
    const t = cols[k];
    const a = cols[k - 1];
    const b = cols[k + 1];
    const h = text.find((x) => overlap(t, x) > 0)?.h ?? 10;
    if (shortText.has(t) && figureCols.includes(a) && figureCols.includes(b) && t.x0 - a.x1 <= 1.2 * h) {
      b.x0 = Math.min(b.x0, t.x0);
      cols.splice(k, 1);
      k--;
    }
  }
  cols = withHeadersRightOfAll(cols, lines);
  // a header over exactly one column shows how wide that column's cells are
  for (const l of lines) {
    if (isRow(l)) continue;
    for (const s of l.segs) {
      const hit = cols.filter((c) => overlap(c, s) > 0.5);
      if (hit.length !== 1) continue;
      const i = cols.indexOf(hit[0]);
      const left = i > 0 ? cols[i - 1].x1 : -Infinity;
      const right = i + 1 < cols.length ? cols[i + 1].x0 : Infinity;
      if (s.x0 > left && s.x1 < right) {
        hit[0].x0 = Math.min(hit[0].x0, s.x0);
        hit[0].x1 = Math.max(hit[0].x1, s.x1);
      }
    }
  }
  return cols;
}

/**
 * A header right of every column, over nothing ("Flag" over a column no line flags; "% change" over a
 * column no row of the page fills, wrapped so that "%" stands alone on the header's first line): a
 * column of its own, empty in the body, not a part of the last column's header. Also applied to a
 * table's continuation on a later page, read in the columns of its first page.
 */
function withHeadersRightOfAll(given: Column[], lines: Line[]): Column[] {
  const cols = given.slice();
  for (const l of lines) {
    if (isRow(l)) continue;
    for (const s of l.segs) {
      const last = cols[cols.length - 1];
      if (last && !s.numeric && (/[A-Za-z]{2}/.test(s.text) || s.text === '%') && s.x0 >= last.x1 + 0.5 * s.h && !cols.some((c) => overlap(c, s) > 0)) cols.push({ x0: s.x0, x1: s.x1 });
    }
  }
  return cols;
}

/**
 * A text column that is really several: left-aligned texts that touch (LibreOffice clips a cell's text
 * at the next cell, and pdf.js joins the runs), under a header line with a header centred over each
 * ("Base", "Pay award 1% higher", "Precept £5 lower from 2022/23"). Cut where the cells meet: from
 * the column's left edge, each cell as wide again right of its header's centre.
 */
function splitByHeaders(t: Column, lines: Line[]): Column[] {
  for (const l of lines) {
    if (isRow(l)) continue;
    const heads = l.segs.filter((h) => !h.numeric && h.x0 >= t.x0 - 1 && h.x1 <= t.x1 + 1);
    if (heads.length < 2 || heads.length !== l.segs.filter((h) => overlap(t, h) > 0).length) continue;
    const cuts: number[] = [];
    let left = t.x0;
    for (let k = 0; k + 1 < heads.length; k++) {
      const edge = 2 * ((heads[k].x0 + heads[k].x1) / 2) - left;
      if (edge < heads[k].x1 || edge > heads[k + 1].x0) return [t];
      cuts.push(edge);
      left = edge;
    }
    const bounds = [t.x0, ...cuts, t.x1];
    return bounds.slice(0, -1).map((x0, k) => ({ x0: k === 0 ? x0 : x0 + 0.5, x1: k + 1 < bounds.length - 1 ? bounds[k + 1] - 0.5 : bounds[k + 1], byHeader: true }));
  }
  return [t];
}

const overlap = (c: { x0: number; x1: number }, s: { x0: number; x1: number }) => Math.min(c.x1, s.x1) - Math.max(c.x0, s.x0);

function columnFor(cols: Column[], s: Segment, header = false): number {
  for (let c = 0; c < cols.length; c++) if (overlap(cols[c], s) > 0.5) return c; // the first overlapped: a super-header's first column
  // a header centred over a narrow column whose figures are left-aligned ("Ref" over 1, 2, "6,7"): it
  // stands right of the figures, and the cell it is centred on (from the figures' left edge, as wide
  // again on the header's other side) ends before the next column starts
  if (header) {
    for (let c = 0; c + 1 < cols.length; c++) {
      const a = cols[c];
      const b = cols[c + 1];
      const centre = (s.x0 + s.x1) / 2;
      if (a.figure && s.x0 >= a.x1 && s.x1 <= b.x0 && s.x0 - a.x1 <= 0.5 * s.h && 2 * centre - a.x0 <= b.x0 + 0.25 * s.h) return c;
    }
  }
  // just right of a column's right edge (within a cell's two paddings): left-aligned in the next column
  for (let c = 0; c + 1 < cols.length; c++) {
    if (s.x0 >= cols[c].x1 && s.x1 <= cols[c + 1].x0 + 0.5 && s.x0 - cols[c].x1 <= 1.2 * s.h && s.text.length <= 6) return c + 1;
  }
  // in the gap between columns: the cell boundary is taken half-way between them; a nil word or dash
  // stands for a figure, so only figure columns are candidates for it
  const mid = (s.x0 + s.x1) / 2;
  if ((s.numeric || FILLER.test(s.text)) && cols.some((c) => c.figure)) {
    const figs = cols.map((c, i) => ({ c, i })).filter((x) => x.c.figure);
    for (let k = 0; k < figs.length; k++) {
      const right = k + 1 < figs.length ? (figs[k].c.x1 + figs[k + 1].c.x0) / 2 : Infinity;
      if (mid < right) return figs[k].i;
    }
  }
  for (let c = 0; c < cols.length; c++) {
    const right = c + 1 < cols.length ? (cols[c].x1 + cols[c + 1].x0) / 2 : Infinity;
    if (mid < right) return c;
  }
  return cols.length - 1;
}

/**
 * One run of text crossing the cut between two header-told text columns (clipped texts joined by
 * pdf.js: "Operational Funding and Investment ReLocal Council Tax Support") is cut where the column
 * boundary falls, by the run's width per character, moved to the nearest place where a capital
 * follows a small letter with no space between (where the clipped text stops and the next begins).
 */
function splitAtCuts(cols: Column[], s: Segment): Segment[] {
  if (s.numeric || s.parts.length !== 1) return [s];
  const cuts = cols.slice(1).filter((c, k) => c.byHeader && cols[k].byHeader && c.x0 > s.x0 + 1 && c.x0 < s.x1 - 1).map((c) => c.x0);
  if (!cuts.length) return [s];
  const text = s.parts[0].text;
  const per = (s.parts[0].x1 - s.parts[0].x0) / Math.max(1, text.length);
  const at: number[] = [];
  for (const x of cuts) {
    const guess = Math.round((x - s.parts[0].x0) / per);
    let best = -1;
    for (let d = 0; d <= 4 && best < 0; d++) {
      for (const i of [guess - d, guess + d]) if (i > 0 && i < text.length && /[a-z]/.test(text[i - 1]) && /[A-Z]/.test(text[i])) best = i;
    }
    if (best > (at[at.length - 1] ?? 0)) at.push(best);
  }
  if (!at.length) return [s];
  const pieces: Segment[] = [];
  [0, ...at].forEach((from, k) => {
    const to = at[k] ?? text.length;
    const x0 = s.parts[0].x0 + from * per;
    const x1 = s.parts[0].x0 + to * per;
    const piece = text.slice(from, to);
    pieces.push({ ...s, parts: [{ text: piece, x0, x1 }], text: squash(piece), x0, x1 });
  });
  return pieces;
}

/** A segment joined from items that fall in different columns (cells too close to tell apart by the gap) is split between them. */
function splitAcross(cols: Column[], segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segs.flatMap((x) => splitAtCuts(cols, x))) {
    if (s.parts.length < 2) {
      out.push(s);
      continue;
    }
    let cur: Segment | undefined;
    let curCol = -2;
    for (const p of s.parts) {
      const c = columnFor(cols, { ...s, x0: p.x0, x1: p.x1 });
      if (cur && c === curCol) {
        cur.text = squash(`${cur.text} ${p.text}`);
        cur.x1 = Math.max(cur.x1, p.x1);
        cur.parts.push(p);
      } else {
        cur = { ...s, parts: [p], text: squash(p.text), x0: p.x0, x1: p.x1 };
        curCol = c;
        out.push(cur);
      }
    }
  }
  for (const x of out) x.numeric = isFigure(x.text);
  return out;
}

/**
 * Super-headers centred over their groups ("2020 / 21" over five columns, "2021 / 22" over three): a
 * header line of two or more segments, fewer than half the columns, none numeric, each wider than the
 * column it would fall in or centred between columns. Groups run to the right edge, each starting
 * where its text is centred over the columns up to the next group; the text goes to the group's first
 * column (as a super-header is transcribed). Undefined when the line does not read so.
 */
function superHeaderColumns(cols: Column[], segs: Segment[]): number[] | undefined {
  if (segs.length < 2 || segs.length > cols.length / 2 || segs.some((s) => s.numeric)) return undefined;
  const centre = (a: number, b: number) => (a + b) / 2;
  const out: number[] = [];
  let last = cols.length - 1;
  for (let k = segs.length - 1; k >= 0; k--) {
    const c = centre(segs[k].x0, segs[k].x1);
    let best = -1;
    let dist = Infinity;
    for (let c0 = 1; c0 <= last; c0++) {
      const d = Math.abs(centre(cols[c0].x0, cols[last].x1) - c);
      if (d < dist) {
        dist = d;
        best = c0;
      }
    }
    // a text over a single column is no super-header
    if (best < 0 || best === last || dist > 0.25 * (cols[last].x1 - cols[best].x0)) return undefined;
    out[k] = best;
    last = best - 1;
    if (last < 1 && k > 0) return undefined;
  }
  return out;
}

interface Band {
  page: number;
  lines: Line[];
}

/** Lines closer together than a row pitch, whose figures do not collide, are one row. */
function bandsOf(lines: Line[], cols: Column[]): Band[] {
  // A label wraps because its line is full: when the next line's first word would have fitted after
  // the label on the line above (the label column is far wider), the line above is a heading of its
  // own ("Grants and contributions" over "Home Office capital grant 700"), not the start of a wrap.
  const labelEdge = cols[0]?.x1 ?? 0;
  const shortOfTheEdge = (a: Line, b: Line) => {
    const la = a.segs[0];
    const lb = b.segs[0];
    if (!la || !lb || la.numeric || lb.numeric || Math.abs(la.x0 - lb.x0) > 2) return false;
    if (columnFor(cols, la) !== 0 || columnFor(cols, lb) !== 0) return false;
    const perChar = (lb.x1 - lb.x0) / Math.max(1, lb.text.length);
    const word = (lb.text.split(' ')[0]?.length ?? 0) + 1;
    return la.x1 + word * perChar < labelEdge - 2 * perChar;
  };
  const gaps: number[] = [];
  // rows of two or more cells (a lone figure under a label is the label wrapping)
  const full = (l: Line) => isRow(l) && l.segs.length >= 2;
  let last: Line | undefined;
  for (const l of lines) {
    if (!full(l)) continue;
    if (last && last.page === l.page) gaps.push(l.y - last.y);
    last = l;
  }
  const pitch = median(gaps) || 1.6 * (lines[0]?.h ?? 10);
  const bands: Band[] = [];
  let used = new Set<number>();
  lines.forEach((l, li) => {
    const last = bands[bands.length - 1];
    const prev = last?.lines[last.lines.length - 1];
    const cells = l.segs.map((s) => columnFor(cols, s));
    const figCols = l.segs.map((s, k) => (s.numeric ? cells[k] : -1)).filter((c) => c >= 0);
    const close = prev && prev.page === l.page && l.y - prev.y < Math.min(0.8 * pitch, 1.45 * Math.max(prev.h, l.h)) && pitch > 1.25 * Math.max(prev.h, l.h) && !shortOfTheEdge(prev, l);
    // a label alone under header lines (no figure, nothing in the label column): the first row, not a header's last line
    // …unless the header's cells go on wrapping right under it: then the label is centred beside a
    // header row of wrapped captions (a header row inside the table, cells middle-aligned), one row
    const next = lines[li + 1];
    const headerGoesOn = !!next && next.page === l.page && next.y - l.y < 1.45 * Math.max(l.h, next.h) && figures(next) === 0
      && next.segs.every((sg) => columnFor(cols, sg) !== 0);
    const underHeader = !!last && l.segs.length === 1 && cells[0] === 0 && last.lines.every((x) => figures(x) === 0 && x.segs.every((sg) => columnFor(cols, sg) !== 0)) && !headerGoesOn;
    if (last && close && !underHeader && !figCols.some((c) => used.has(c)) && !(figures(l) > 0 && last.lines.some((x) => figures(x) > 0) && !figCols.every((c) => !used.has(c)))) {
      last.lines.push(l);
      for (const c of figCols) used.add(c);
    } else {
      bands.push({ page: l.page, lines: [l] });
      used = new Set(figCols);
    }
  });
  return bands;
}

/**
 * A figure printed as part of its label ("Lines not mapped to any heading (0)": a count in brackets
 * after the words) is the label's, not a column's: a figure straight after its row's label (within an
 * em), in the span other rows' labels cover from the left edge, with no figure of any other row under
 * it that is not so placed. Joined to the label, in place.
 */
function joinLabelFigures(lines: Line[]): void {
  const left = Math.min(...lines.map((l) => l.segs[0]?.x0 ?? Infinity));
  const labels = lines.flatMap((l) => l.segs.filter((s) => !s.numeric && Math.abs(s.x0 - left) <= 2));
  const candidates = lines.flatMap((l) => l.segs.slice(1).filter((s, k) => s.numeric && !l.segs[k].numeric && Math.abs(l.segs[k].x0 - left) <= 2 && s.x0 - l.segs[k].x1 < l.h));
  const stuck = new Set(candidates.filter((s) => labels.some((t) => t.x0 <= s.x0 && t.x1 >= s.x1)
    && !lines.some((l) => l.segs.some((o) => o.numeric && !candidates.includes(o) && overlap(o, s) > 0))));
  if (!stuck.size) return;
  for (const l of lines) {
    for (let k = l.segs.length - 1; k > 0; k--) {
      const s = l.segs[k];
      if (!stuck.has(s)) continue;
      const p = l.segs[k - 1];
      p.text = `${p.text} ${s.text}`;
      p.parts.push(...s.parts);
      p.x1 = s.x1;
      l.segs.splice(k, 1);
    }
  }
}

function tableOf(block: Block, given?: Column[]): { cells: string[][]; bold: boolean[][]; pages: number[]; cols: Column[] } {
  joinLabelFigures(block.lines);
  const cols = given ?? columnsOf(block.lines);
  const bands = bandsOf(block.lines, cols);
  const cells: string[][] = [];
  const bold: boolean[][] = [];
  const pages: number[] = [];
  const firstFigures = bands.findIndex((b) => b.lines.some((l) => figures(l) > 0));
  bands.forEach((b, bi) => {
    const row = Array<string>(cols.length).fill('');
    const rb = Array<boolean>(cols.length).fill(false);
    const groups = bi < firstFigures && b.lines.length === 1 ? superHeaderColumns(cols, b.lines[0].segs) : undefined;
    for (const l of b.lines) {
      for (const [k, s] of splitAcross(cols, l.segs).entries()) {
        const c = groups?.[k] ?? columnFor(cols, s, bi < firstFigures);
        // a word broken after its hyphen at the end of a line ("Non-" / "Specific") joins without a space
        row[c] = row[c] ? (/[A-Za-z0-9]-$/.test(row[c]) && /^[A-Za-z0-9]/.test(s.text) ? `${row[c]}${s.text}` : `${row[c]} ${s.text}`) : s.text;
        rb[c] = rb[c] || s.bold;
      }
    }
    cells.push(row);
    bold.push(rb);
    pages.push(b.page);
  });
  return { cells, bold, pages, cols };
}

/** The block continues a table with these columns: its figures fall in them, and its labels start where the table's did. */
function fitsColumns(cols: Column[], block: Block): boolean {
  const figs = block.lines.flatMap((l) => l.segs.filter((s) => s.numeric && !/^[-–—−]$/.test(s.text)));
  if (figs.length === 0) return false;
  const inside = figs.filter((s) => cols.some((c) => overlap(c, s) > 0.5 * (s.x1 - s.x0) && s.x1 <= c.x1 + 4));
  const labels = block.lines.filter(isRow).map((l) => l.segs[0]).filter((s) => !s.numeric);
  const labelsAligned = labels.length === 0 || labels.filter((s) => Math.abs(s.x0 - cols[0].x0) <= 6).length >= labels.length / 2;
  return inside.length === figs.length && labelsAligned;
}

/** Reads every page: the tables (joined across page breaks) and the paragraphs of running text. */
export function readPages(source: string, pages: PageText[]): ReportDocument {
  const tables: DocTable[] = [];
  const paragraphs: DocParagraph[] = [];
  const scanned: number[] = [];
  let prev: { table: DocTable; cols: Column[]; endY: number; pageHeight: number; header: string[][] } | undefined;
  for (const page of pages) {
    if (!page.items.some((i) => i.str.trim() !== '')) {
      scanned.push(page.page);
      prev = undefined;
      continue;
    }
    const lines = linesOf(page);
    const paras: Line[][] = [];
    const blocks = blocksOf(lines, page, paras);
    let perPage = 0;
    const firstContentY = lines[0]?.y ?? 0;
    for (const b of blocks) {
      const startsPage = b.lines[0].y <= firstContentY + 0.5;
      const continues = prev && startsPage && !b.title && fitsColumns(prev.cols, b);
      // a continuation is read in the columns of the table it continues (a page may not use them all)
      const t = continues && prev ? tableOf(b, withHeadersRightOfAll(prev.cols, b.lines)) : tableOf(b);
      if (continues && prev) {
        // a column first headed on this page (see withHeadersRightOfAll) widens the whole table
        prev.cols = t.cols;
        // drop a repeated header
        let skip = 0;
        // (a column first headed on this page leaves the repeated header one empty cell longer)
        const key = (row: string[]) => {
          let n = row.length;
          while (n > 0 && row[n - 1] === '') n--;
          return row.slice(0, n).join('\u0001');
        };
        while (skip < prev.header.length && skip < t.cells.length && key(t.cells[skip]) === key(prev.header[skip])) skip++;
        prev.table.cells.push(...t.cells.slice(skip));
        prev.table.bold?.push(...t.bold.slice(skip));
        prev.table.rowPages?.push(...t.pages.slice(skip));
        prev.table.cells = rectangular(prev.table.cells);
      } else {
        perPage++;
        const table: DocTable = {
          where: `page ${page.page}, table ${perPage}`,
          page: page.page,
          rowPages: t.pages,
          title: b.title,
          cells: rectangular(t.cells),
          bold: t.bold,
        };
        tables.push(table);
        const header: string[][] = [];
        for (const row of t.cells) {
          if (row.some((c) => isFigure(c))) break;
          header.push(row);
        }
        prev = { table, cols: t.cols, endY: b.lines[b.lines.length - 1].y, pageHeight: page.height, header };
      }
    }
    // a table continues onto the next page only if nothing follows it on this one
    const lastLineY = lines[lines.length - 1]?.y ?? 0;
    if (prev && prev.table.page !== undefined && !(prev.endY >= lastLineY - 0.5 || lastLineY > page.height * 0.9 && prev.endY >= lines[lines.length - 2]?.y - 0.5)) prev = undefined;
    // each paragraph named as a reader finds it on the printed page: its number among the page's
    // paragraphs (headings not counted) and the line of the page it starts on
    const onPage: DocParagraph[] = [];
    for (const p of paras) {
      const text = squash(p.map((l) => l.segs.map((s) => s.text).join(' ')).join(' ').replace(/-\s+(?=[a-z])/g, '-'));
      if (!text) continue;
      if (/^\d{1,3}$/.test(text)) continue; // a page number
      const heading = p.length === 1 && p[0].segs.every((s) => s.bold);
      const line = lines.indexOf(p[0]) + 1;
      const at = heading ? `the heading “${text.length > 60 ? `${text.slice(0, 57)}…` : text}”` : paragraphWhere(text, onPage);
      const para: DocParagraph = { text, page: page.page, where: `page ${page.page}, ${line > 0 ? `line ${line}, ` : ''}${at}`, heading };
      onPage.push(para);
      paragraphs.push(para);
    }
  }
  for (const t of tables) t.cells = rectangular(t.cells);
  return { source, kind: 'pdf', tables, paragraphs, pages: pages.length, scanned };
}
