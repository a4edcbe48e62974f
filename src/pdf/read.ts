// PDF pages as positioned text, read with pdf.js (pdfjs-dist, the legacy build that runs in Node).
// The host edge of the audit of reports: it knows pdf.js and nothing of tables; src/report/layout.ts
// reads the tables from what this returns. The reading itself is src/pdf/pages.ts, shared with the
// task pane (src/pdf/browser.ts).
import type { PageText } from '../report/layout';
import { type PdfJs, pagesOf, PdfReadError, PDF_LIMIT } from './pages';

export { PdfReadError, PDF_LIMIT };

let pdfjs: PdfJs | undefined;
async function load(): Promise<PdfJs> {
  if (!pdfjs) {
    // pdf.js ships as an ES module; Node 20.19+ loads it with require() (tsc turns import() into require()).
    const m = (await import('pdfjs-dist/legacy/build/pdf.mjs' as string)) as PdfJs;
    m.GlobalWorkerOptions.workerSrc = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
    pdfjs = m;
  }
  return pdfjs;
}

/**
 * Every page's text items with positions: x and the baseline y in points from the page's top-left,
 * width, font size, and whether the font is bold (from its name). Pages without text (a scanned
 * image) come back with no items.
 * @throws PdfReadError when pdf.js cannot open the file (not a PDF, damaged, password-protected)
 */
export async function readPdfText(data: Uint8Array, o: { bold?: boolean } = {}): Promise<PageText[]> {
  return pagesOf(await load(), data, o);
}

