// PDF pages as positioned text in the task pane: the same pdf.js (pdfjs-dist's legacy build, as the
// command line uses) and the same reading (src/pdf/read.ts), loaded only when the auditor picks a
// PDF: this module and pdf.js are one chunk of their own ("pdf"), never part of the pane's first
// load. pdf.js parses in its own worker, pdf.worker.js, served from the add-in's own origin (copied
// there by webpack.config.js; the pane's Content-Security-Policy allows workers from 'self' only):
// no CDN, no network. Nothing here evaluates code (isEvalSupported: false, no font faces).
import type { PageText } from '../report/layout';
import { type PdfJs, pagesOf, PdfReadError } from './pages';

/** The worker's file name beside taskpane.html (webpack.config.js copies it there). */
export const PDF_WORKER = 'pdf.worker.js';

let lib: PdfJs | undefined;

/**
 * Every page's text items with positions, as readPdfText gives them in Node.
 * @throws PdfReadError when the file is not a PDF pdf.js can open (damaged, protected by a password)
 */
export async function readPdfInBrowser(data: Uint8Array): Promise<PageText[]> {
  if (!lib) {
    const m = (await import(/* webpackChunkName: "pdf" */ 'pdfjs-dist/legacy/build/pdf.mjs' as string)) as PdfJs;
    m.GlobalWorkerOptions.workerSrc = new URL(PDF_WORKER, document.baseURI).href;
    lib = m;
  }
  return pagesOf(lib, data);
}

export { PdfReadError };
