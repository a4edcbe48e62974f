// PDF pages as positioned text from a pdf.js already loaded: the reading shared by the command line
// (src/pdf/read.ts, pdf.js from node_modules) and the task pane (src/pdf/browser.ts, pdf.js as its
// own chunk with its worker from the add-in's origin). Knows pdf.js and nothing of tables.
import type { PageText, TextItem } from '../report/layout';

/** The largest PDF the audit reads (a 300-page annual report is a few MB). */
export const PDF_LIMIT = 64 * 2 ** 20;

/** The PDF cannot be read (damaged, encrypted, not a PDF); the message says why in plain words. */
export class PdfReadError extends Error {}

/** What of pdf.js the reader uses (the legacy build in Node, the same build as its own chunk in the task pane). */
export interface PdfJs {
  getDocument(o: Record<string, unknown>): { promise: Promise<PdfDoc> };
  GlobalWorkerOptions: { workerSrc: string };
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
interface PdfPage {
  view: number[];
  getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number; fontName?: string }> }>;
  getOperatorList(): Promise<unknown>;
  commonObjs: { has(id: string): boolean; get(id: string): { name?: string } | undefined };
  cleanup(): void;
}

/**
 * readPdfText with a pdf.js already loaded (and its worker set): shared by the CLI and the task pane
 * (src/pdf/browser.ts), so a PDF reads the same in both.
 * @throws PdfReadError when pdf.js cannot open the file
 */
export async function pagesOf(lib: PdfJs, data: Uint8Array, o: { bold?: boolean } = {}): Promise<PageText[]> {
  let doc: PdfDoc;
  try {
    doc = await lib.getDocument({ data: new Uint8Array(data), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (e) {
    const why = (e as Error)?.name === 'PasswordException' ? 'it is protected by a password' : `it is not a PDF that can be read (${(e as Error)?.message ?? e})`;
    throw new PdfReadError(why);
  }
  const pages: PageText[] = [];
  // Whether each font is bold, for the whole document: pdf.js names a font once per document
  // (its loadedName), and hands the font's real name over only with a page's operator list, which
  // costs about as much as the text itself. So a page's operator list is asked for only when the
  // page uses a font not seen before: a report's few fonts are learnt on its first pages.
  const boldFonts = new Map<string, boolean>();
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const height = y1 - y0;
      const content = await page.getTextContent();
      const unseen = new Set(content.items.map((it) => it.fontName).filter((f): f is string => !!f && !boldFonts.has(f)));
      if (o.bold !== false && unseen.size > 0) {
        try {
          await page.getOperatorList();
          for (const f of unseen) {
            const font = page.commonObjs.has(f) ? page.commonObjs.get(f) : undefined;
            boldFonts.set(f, /bold|black|heavy|semibold/i.test(font?.name ?? ''));
          }
        } catch {
          // the page's fonts stay unknown (read as not bold); a later page may still name them
        }
      }
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (typeof it.str !== 'string' || !it.transform) continue;
        const [a, b, , d, e, f] = it.transform;
        const size = Math.hypot(a, b) || Math.abs(d) || it.height || 0;
        items.push({ str: it.str, x: e - x0, y: height - (f - y0), w: it.width ?? 0, h: size, bold: boldFonts.get(it.fontName ?? '') ?? false });
      }
      pages.push({ page: n, width: x1 - x0, height, items });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}
