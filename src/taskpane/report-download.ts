// The report copy's Word download: one button beside the copy's result. The Word writer (the npm
// `docx` library, about 250 KB minified) is loaded only when the button is pressed, as its own
// chunk, so the pane itself stays small.
import type { PublishDocument } from '../publish/model';
import { WORD } from './messages';
import { button, el, say } from './ui';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file name from the first table's number and the organisation: "Table 3 - PCC for Derbyshire 2020-21.docx". */
export function wordFileName(doc: PublishDocument): string {
  const first = doc.sections[0]?.table.number ?? 'Tables';
  const name = `${first} - ${doc.organisation}${doc.financialYear ? ` ${doc.financialYear}` : ''}`;
  return `${name.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 120)}.docx`;
}

/** Adds a "Download as Word document" button to `container`; pressing it saves `doc` as a .docx. */
export function offerWordDownload(container: HTMLElement, doc: PublishDocument): void {
  const file = wordFileName(doc);
  const b = button(WORD.button, 'secondary', () => {
    b.disabled = true;
    void (async () => {
      try {
        const { docxBytes } = await import(/* webpackChunkName: "docx" */ '../publish/docx');
        const bytes = await docxBytes(doc);
        const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: DOCX_TYPE }));
        const a = el('a');
        a.href = url;
        a.download = file;
        a.hidden = true;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        say(WORD.saved(file, Math.max(1, Math.round(bytes.length / 1024))), 'success');
      } catch (e) {
        console.error(e);
        say(WORD.failed, 'error');
      } finally {
        b.disabled = false;
      }
    })();
  });
  b.id = 'download-docx';
  b.setAttribute('aria-describedby', 'download-docx-hint');
  const hint = el('p', { text: WORD.hint, className: 'hint' });
  hint.id = 'download-docx-hint';
  container.append(b, hint);
}
