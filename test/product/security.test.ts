// The add-in's security promises, checked from its sources:
//  - no cell text (or any data) is ever inserted as HTML: no innerHTML/outerHTML assignment,
//    insertAdjacentHTML, document.write, createContextualFragment, DOMParser, srcdoc, eval or
//    new Function in the code that runs in the task pane, the ribbon commands or the Excel host;
//  - the task pane's Content-Security-Policy allows scripts only from its own origin and Microsoft's
//    office.js, no other network, no inline script, no eval;
//  - the manifest asks for the least permission that lets the add-in read inputs and write tables.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BROWSER_CODE = ['src/taskpane', 'src/commands', 'src/excel'];

/** Places where text becomes markup or code. Reading `el.outerHTML` (serialising) is fine; assigning is not. */
export const HTML_SINKS: { name: string; re: RegExp }[] = [
  { name: 'innerHTML/outerHTML assignment', re: /\.(innerHTML|outerHTML)\s*(\+?=)(?!=)/ },
  { name: 'insertAdjacentHTML', re: /\binsertAdjacentHTML\s*\(/ },
  { name: 'document.write', re: /\bdocument\s*\.\s*write(ln)?\s*\(/ },
  { name: 'createContextualFragment', re: /\bcreateContextualFragment\s*\(/ },
  { name: 'DOMParser', re: /\bDOMParser\b|\bparseFromString\s*\(/ },
  { name: 'srcdoc', re: /\bsrcdoc\b/ },
  { name: 'eval', re: /(^|[^.\w])eval\s*\(/ },
  { name: 'new Function', re: /\bnew\s+Function\s*\(/ },
  { name: 'string timer', re: /\bset(Timeout|Interval)\s*\(\s*['"`]/ },
  { name: 'jQuery-style html()', re: /\.html\s*\(\s*[^)\s]/ },
];

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|js|html)$/.test(n) ? [p] : [];
  });
}

/** Code without comments, so a comment that names a sink does not count. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function sinksIn(text: string): string[] {
  const c = code(text);
  return HTML_SINKS.filter((s) => s.re.test(c)).map((s) => s.name);
}

const OFFICE_HOSTS = ['https://appsforoffice.microsoft.com', 'https://officeapis.public.onecdn.static.microsoft'];

function csp(html: string): Map<string, string[]> | undefined {
  const m = /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=(?:"([^"]+)"|'([^']+)')/i.exec(html);
  if (!m) return undefined;
  return new Map((m[1] ?? m[2]).split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name.toLowerCase(), values];
  }));
}

describe('add-in security', () => {
  it('the sink detector catches what it must and passes what is safe', () => {
    assert.deepEqual(sinksIn('el.innerHTML = cell.text;'), ['innerHTML/outerHTML assignment']);
    assert.deepEqual(sinksIn('li.outerHTML += x'), ['innerHTML/outerHTML assignment']);
    assert.deepEqual(sinksIn("ul.insertAdjacentHTML('beforeend', s)"), ['insertAdjacentHTML']);
    assert.deepEqual(sinksIn('const f = new Function("return 1")'), ['new Function']);
    assert.deepEqual(sinksIn('eval(text)'), ['eval']);
    assert.deepEqual(sinksIn('if (a.innerHTML === b) {}'), []);
    assert.deepEqual(sinksIn('const html = table.outerHTML;'), []);
    assert.deepEqual(sinksIn('td.textContent = cell.text; // never el.innerHTML = text'), []);
  });

  it('no data is inserted as HTML in src/taskpane, src/commands or src/excel', function () {
    const files = BROWSER_CODE.flatMap((d) => sources(join(ROOT, d)));
    if (files.length === 0) this.skip();
    const found = files.flatMap((f) => sinksIn(readFileSync(f, 'utf8')).map((s) => `${relative(ROOT, f)}: ${s}`));
    assert.deepEqual(found, [], 'use textContent, createElement and setAttribute (never markup built from text)');
  });

  for (const rel of ['src/taskpane/taskpane.html', 'src/commands/commands.html']) it(`${rel} has a Content-Security-Policy: scripts from itself and office.js only, no other network, no eval`, function () {
    const page = join(ROOT, rel);
    if (!existsSync(page)) this.skip();
    const html = readFileSync(page, 'utf8');
    const p = csp(html);
    assert.ok(p, `${rel} has no Content-Security-Policy meta tag`);
    assert.deepEqual(p.get('default-src'), ["'self'"]);
    // office.js from Microsoft's CDN: its old host and its new one (officeapis.public.onecdn.static.microsoft).
    assert.deepEqual(p.get('script-src'), ["'self'", ...OFFICE_HOSTS]);
    // Inline styles only (office.js and Excel on the web apply them); never inline script or eval.
    assert.deepEqual(p.get('style-src'), ["'self'", "'unsafe-inline'"]);
    assert.deepEqual(p.get('connect-src'), ["'self'"], 'no network beyond the add-in\'s own origin');
    assert.deepEqual(p.get('object-src'), ["'none'"]);
    for (const [name, values] of p) {
      for (const v of values) {
        const inlineStyle = name === 'style-src' && v === "'unsafe-inline'";
        assert.ok(inlineStyle || !/unsafe-(eval|inline)|^\*$|^https?:$|\*\./.test(v), `${name} allows ${v}`);
        if (/^https?:\/\//.test(v)) assert.ok(OFFICE_HOSTS.includes(v), `${name} allows ${v}`);
      }
    }
    // Every script the page loads is allowed, and none is inline (inline script would need 'unsafe-inline').
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const src = /\bsrc=["']([^"']+)["']/.exec(m[1])?.[1];
      assert.ok(src, 'an inline <script>');
      assert.ok(!/^https?:/.test(src) || OFFICE_HOSTS.some((h) => src.startsWith(`${h}/`)), `script from ${src}`);
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'an inline event handler attribute (needs unsafe-inline)');
  });

  it('the help page runs no script at all', () => {
    const html = readFileSync(join(ROOT, 'src', 'help', 'help.html'), 'utf8');
    const p = csp(html);
    assert.ok(p, 'help.html has no Content-Security-Policy meta tag');
    assert.deepEqual(p.get('default-src'), ["'none'"]);
    assert.equal(p.get('script-src'), undefined);
    assert.doesNotMatch(html, /<script\b/i);
  });

  it('the manifest asks for ReadWriteDocument (reads inputs, writes tables) and nothing more', function () {
    const manifest = join(ROOT, 'manifest.xml');
    if (!existsSync(manifest)) this.skip();
    const xml = readFileSync(manifest, 'utf8');
    const perms = [...xml.matchAll(/<Permissions>\s*([^<]+?)\s*<\/Permissions>/g)].map((m) => m[1]);
    assert.deepEqual(perms, ['ReadWriteDocument']);
    const domains = [...code(xml).matchAll(/<AppDomain>\s*([^<]+?)\s*<\/AppDomain>/g)].map((m) => m[1]);
    assert.deepEqual(domains, [], 'no other origin may be navigated to from the task pane');
  });
});
