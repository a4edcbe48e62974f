// The report copy on the clipboard: HTML for Word and web editors (caption, a header row of column
// headers with units, row headers, totals bold, ruled and named, the narrative; made and escaped by
// src/publish/html.ts in the engine worker) and the same as plain text for other targets.

/**
 * Puts `html` and `text` on the clipboard. Where Office's web view refuses the async clipboard, a
 * copy command carries both, set on the copy event: no markup is ever inserted into the pane.
 */
export async function copyTable(html: string, text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && typeof ClipboardItem !== 'undefined') {
      await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
      return true;
    }
  } catch {
    // fall through to the copy command
  }
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/html', html);
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    return document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}
