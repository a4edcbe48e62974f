// The document model as a Word document (the npm `docx` library; runs in Node and in the browser):
// real Word tables whose header row is marked to repeat on every page (w:tblHeader) and carries
// the units, each table titled by a "Table N: title" heading (Word's navigation pane and the PDF's
// bookmarks) and by its Alt Text title (w:tblCaption), the figures as the workbook displays them,
// totals bold and ruled and named "total", and a landscape section for each wide table (Table 3).
// Pure: returns bytes; the CLI writes them, the task pane offers them as a download.
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, TextRun, WidthType, type ISectionOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Emphasis, PublishDocument, PublishTable } from './model';
import { tableNote } from './html';

/** A4 in twentieths of a point, with 2 cm margins (1.27 cm on a landscape page for a wide table). */
const A4 = { width: 11906, height: 16838, margin: 1134, narrow: 720 };
const TEXT_WIDTH = { portrait: A4.width - 2 * A4.margin, landscape: A4.height - 2 * A4.narrow };

const RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const DOUBLE = { style: BorderStyle.DOUBLE, size: 6, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

function bordersOf(e: Emphasis): { top: typeof RULE | typeof NONE; bottom: typeof RULE | typeof DOUBLE | typeof NONE } {
  if (e === 'total') return { top: RULE, bottom: RULE };
  if (e === 'grand') return { top: RULE, bottom: DOUBLE };
  return { top: NONE, bottom: NONE };
}

/** Cell padding left and right, in twips. */
const PAD = 60;

/**
 * Column widths in twips: each figure column as wide as its longest figure at the table's font
 * size (Arial's digits are 0.556 em), the label column what is left, at least a fifth.
 */
function columnWidths(t: PublishTable, width: number, sizePt: number): number[] {
  const textWidth = (s: string) => Math.ceil(s.length * 0.556 * sizePt * 20) + 2 * PAD + 60;
  const fixed: number[] = t.columns.map((c, i) => {
    if (i === t.labelColumn) return 0;
    const longest = Math.max(textWidth('(00,000)'), ...t.rows.map((r) => textWidth(r.cells[i] ?? '')));
    const headerWord = Math.max(...c.header.flatMap((h) => h.split(/\s+/)).map((w) => textWidth(w)));
    return t.wide ? longest : Math.max(longest, Math.min(headerWord, 1600));
  });
  const rest = width - fixed.reduce((a, b) => a + b, 0);
  const label = Math.max(Math.round(width / 6), rest);
  const all = fixed.map((w, i) => (i === t.labelColumn ? label : w));
  const scale = width / all.reduce((a, b) => a + b, 0);
  return all.map((w) => Math.floor(w * scale));
}

function wordTable(t: PublishTable, width: number): Table {
  const size = t.wide ? 14 : 18; // half-points: 7 pt for a wide table, 9 pt otherwise
  const widths = columnWidths(t, width, size / 2);
  // A header word wider than its column gets soft hyphens, so it breaks as a word ("Contri-butions"), not anywhere.
  const fit = (line: string, w: number) => {
    const chars = Math.max(4, Math.floor((w - 2 * PAD) / (0.62 * (size / 2) * 20)));
    return line.split(' ').map((word) => (word.length <= chars ? word : word.match(new RegExp(`.{1,${chars - 1}}`, 'g'))!.join('\u00AD'))).join(' ');
  };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      borders: { top: NONE, left: NONE, right: NONE, bottom: RULE },
      verticalAlign: 'bottom',
      children: [new Paragraph({
        alignment: c.kind === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: c.header.map((line, k) => new TextRun({ text: fit(line, widths[i]), bold: true, size, break: k > 0 ? 1 : undefined })),
      })],
    })),
  });
  const body = t.rows.map((row) => {
    const b = bordersOf(row.emphasis);
    const bold = row.emphasis !== 'none';
    return new TableRow({
      cantSplit: true,
      children: row.cells.map((text, i) => new TableCell({
        width: { size: widths[i], type: WidthType.DXA },
        borders: { top: b.top, bottom: b.bottom, left: NONE, right: NONE },
        children: [new Paragraph({
          alignment: t.columns[i].kind === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          // the paragraph mark at the table's size, so an empty cell is no taller than a full one
          run: { size },
          children: text ? [new TextRun({ text, bold, size })] : [],
        })],
      })),
    });
  });
  return new Table({
    rows: [header, ...body],
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: PAD, right: PAD },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
  });
}

function tableBlock(t: PublishTable, narrative: string[], width: number): (Paragraph | Table)[] {
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      keepNext: true,
      children: [new TextRun(`${t.number}: ${t.title}${t.subtitle ? ` — ${t.subtitle}` : ''}`)],
    }),
    wordTable(t, width),
    new Paragraph({ spacing: { before: 80 }, children: [new TextRun({ text: tableNote(t), italics: true, size: 18 })] }),
    ...narrative.map((s) => new Paragraph({ spacing: { before: 120 }, children: [new TextRun(s)] })),
  ];
}

/**
 * The Word document (a docx `Document`): a title page heading, then each table in print order;
 * consecutive tables of the same orientation share a section, a wide table gets a landscape one.
 */
export function wordDocument(doc: PublishDocument): Document {
  const sections: ISectionOptions[] = [];
  let current: { landscape: boolean; children: (Paragraph | Table)[] } | undefined;
  const title = [
    new Paragraph({ children: [new TextRun({ text: doc.organisation, size: 24 })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Finance tables${doc.financialYear ? ` ${doc.financialYear}` : ''}`)] }),
  ];
  const flush = () => {
    if (!current) return;
    const landscape = current.landscape;
    sections.push({
      properties: {
        page: {
          // Portrait dimensions in both cases: the library swaps them for a landscape page.
          size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: landscape
            ? { top: A4.narrow, bottom: A4.narrow, left: A4.narrow, right: A4.narrow }
            : { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin },
        },
      },
      children: current.children,
    });
  };
  doc.sections.forEach(({ table, narrative }, i) => {
    const landscape = table.wide;
    if (!current || current.landscape !== landscape) {
      flush();
      current = { landscape, children: i === 0 ? [...title] : [] };
    }
    current.children.push(...tableBlock(table, narrative, landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait));
  });
  if (!current) current = { landscape: false, children: [...title, new Paragraph('No tables.')] };
  flush();
  const font = doc.house.font;
  return new Document({
    title: doc.title,
    creator: 'Outturn',
    description: `${doc.title}: tables with header rows, for the accessible annual report`,
    styles: {
      default: {
        document: { run: { font, size: 22, language: { value: doc.lang } } },
        heading1: { run: { font, size: 32, bold: true, color: '000000' }, paragraph: { spacing: { after: 240 } } },
        heading2: { run: { font, size: 24, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
      },
    },
    sections,
  });
}

/**
 * Adds each table's Alt Text title (w:tblCaption, ECMA-376 §17.4.57), which the docx library does
 * not write, in document order: the i-th <w:tblPr> of word/document.xml belongs to the i-th table.
 */
function withTableCaptions(bytes: Uint8Array, captions: string[]): Uint8Array {
  const files = unzipSync(bytes);
  const name = 'word/document.xml';
  let i = 0;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  files[name] = strToU8(strFromU8(files[name]).replace(/<\/w:tblPr>/g, (m) => {
    const caption = captions[i++];
    return caption === undefined ? m : `<w:tblCaption w:val="${esc(caption.slice(0, 255))}"/>${m}`;
  }));
  if (i !== captions.length) throw new Error(`expected ${captions.length} tables in the Word document, found ${i}`);
  return zipSync(files, { level: 6 });
}

/** The .docx file's bytes (Node: wrap in a Buffer to write; browser: wrap in a Blob to download). */
export async function docxBytes(doc: PublishDocument): Promise<Uint8Array> {
  const packed = new Uint8Array(await Packer.toArrayBuffer(wordDocument(doc)));
  return withTableCaptions(packed, doc.sections.map(({ table }) => `${table.number}: ${table.title}`));
}
