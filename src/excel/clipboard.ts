// "Copy for report" puts the table on the clipboard. Safari's web view (Excel on Mac and iPad) and
// Excel on the web allow a clipboard write only within the user's click (transient activation);
// the table is ready only after Excel.run and the engine worker return, long after the click. So
// the write is started inside the click, with a ClipboardItem whose contents are promises that
// resolve when the table is ready (Safari's and Chromium's way to keep the gesture). Where the
// browser refuses anyway, the pane offers a second "Copy" click once the table is ready, and that
// click writes at once (copyNow).

export interface ClipboardContent {
  html: string;
  text: string;
}

interface ClipboardLike {
  write?: (items: ClipboardItem[]) => Promise<void>;
}

/**
 * Call synchronously inside the click handler. `content` resolves with the table (or rejects when
 * there is none). Resolves true when the table reached the clipboard, false when the browser
 * refused (then offer a second click that calls copyNow).
 */
export function copyWithinGesture(content: Promise<ClipboardContent>, clipboard: ClipboardLike | undefined = globalThis.navigator?.clipboard): Promise<boolean> {
  if (!clipboard?.write || typeof ClipboardItem === 'undefined') {
    content.catch(() => undefined);
    return Promise.resolve(false);
  }
  try {
    const item = new ClipboardItem({
      'text/html': content.then((c) => new Blob([c.html], { type: 'text/html' })),
      'text/plain': content.then((c) => new Blob([c.text], { type: 'text/plain' })),
    });
    return clipboard.write([item]).then(() => true, () => false);
  } catch {
    content.catch(() => undefined);
    return Promise.resolve(false);
  }
}

/**
 * Within a click when the table is already there: the async clipboard, else a selection of `table`
 * (the pane's own element, built from text nodes) and execCommand('copy').
 */
export async function copyNow(c: ClipboardContent, table?: HTMLElement, clipboard: ClipboardLike | undefined = globalThis.navigator?.clipboard): Promise<boolean> {
  if (clipboard?.write && typeof ClipboardItem !== 'undefined') {
    try {
      await clipboard.write([new ClipboardItem({ 'text/html': new Blob([c.html], { type: 'text/html' }), 'text/plain': new Blob([c.text], { type: 'text/plain' }) })]);
      return true;
    } catch {
      // fall through to the selection copy, still within the click
    }
  }
  if (typeof document === 'undefined' || !table) return false;
  const holder = document.createElement('div');
  holder.style.position = 'fixed';
  holder.style.left = '-10000px';
  holder.contentEditable = 'true';
  holder.appendChild(table.cloneNode(true));
  document.body.appendChild(holder);
  const range = document.createRange();
  range.selectNodeContents(holder);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  try {
    return document.execCommand('copy');
  } finally {
    sel?.removeAllRanges();
    holder.remove();
  }
}
