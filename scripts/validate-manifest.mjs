#!/usr/bin/env node
// Offline check of the add-in manifest: Microsoft's `office-addin-manifest validate` calls an
// online service, so this validates against the XSDs in scripts/schemas with xmllint and then
// applies the rules a schema cannot express (resources, lengths, https, icon files, permissions).
// Usage: node scripts/validate-manifest.mjs [MANIFEST] [--assets DIR]
//   MANIFEST defaults to manifest.xml; DIR defaults to assets/ beside the manifest.
// Prints one line per problem as FILE:LINE: message and exits 1; exits 0 when all rules pass.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCHEMA = join(dirname(fileURLToPath(import.meta.url)), 'schemas', 'OfficeAppManifestV1_1.xsd');
const ASSET_URL = 'https://localhost:3000/assets/';
const RESOURCE_ID_MAX = 32;
const SHORT_MAX = 125;
const LONG_MAX = 250;
const REQUIRED_ICON_SIZES = [16, 32, 80];
const PERMISSION = 'ReadWriteDocument';
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

// Which resource collection each resid-referencing element must point into.
const RESOURCE_KIND = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  SupportsSharedFolders: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

function parseArgs(argv) {
  const args = { manifest: 'manifest.xml', assets: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--assets') {
      if (argv[i + 1] === undefined) throw new Error('--assets needs a directory');
      args.assets = argv[++i];
    } else if (a === '-h' || a === '--help') {
      console.log('usage: validate-manifest.mjs [MANIFEST] [--assets DIR]');
      process.exit(0);
    } else if (a.startsWith('-')) {
      throw new Error(`unknown option ${a}`);
    } else {
      args.manifest = a;
    }
  }
  args.manifest = resolve(args.manifest);
  args.assets = resolve(args.assets ?? join(dirname(args.manifest), 'assets'));
  return args;
}

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (s) =>
  s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e) =>
    e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' ? `0${e.slice(1)}` : e.slice(1))) : ENTITIES[e],
  );

/**
 * A small XML reader that keeps line numbers: enough for a manifest (no DTD, no entities beyond
 * the five predefined ones). Returns the root element, or throws {line, message} if not well formed.
 * Element: { name, local, attrs: Map(name -> {value, line}), line, children, text, parent }.
 */
export function parseXml(xml) {
  const lineAt = (() => {
    const starts = [0];
    for (let i = 0; i < xml.length; i++) if (xml[i] === '\n') starts.push(i + 1);
    return (pos) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= pos) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    };
  })();
  const fail = (pos, message) => {
    throw Object.assign(new Error(message), { line: lineAt(pos) });
  };
  const doc = { children: [], text: '' };
  let current = doc;
  let pos = 0;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      if (xml.slice(pos).trim()) fail(pos, 'text after the root element');
      break;
    }
    if (current !== doc) current.text += decode(xml.slice(pos, lt));
    else if (xml.slice(pos, lt).trim()) fail(pos, 'text outside the root element');
    const skip = (open, close) => {
      const end = xml.indexOf(close, lt + open.length);
      if (end < 0) fail(lt, `unterminated ${open}`);
      return end + close.length;
    };
    if (xml.startsWith('<!--', lt)) pos = skip('<!--', '-->');
    else if (xml.startsWith('<?', lt)) pos = skip('<?', '?>');
    else if (xml.startsWith('<![CDATA[', lt)) {
      pos = skip('<![CDATA[', ']]>');
      current.text += xml.slice(lt + 9, pos - 3);
    } else if (xml.startsWith('<!', lt)) fail(lt, 'DOCTYPE and other declarations are not allowed');
    else if (xml[lt + 1] === '/') {
      const m = /^<\/([^\s>]+)\s*>/.exec(xml.slice(lt));
      if (!m) fail(lt, 'malformed end tag');
      if (current === doc || m[1] !== current.name)
        fail(lt, `end tag </${m[1]}> does not match <${current.name ?? ''}>`);
      current = current.parent;
      pos = lt + m[0].length;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(
        xml.slice(lt),
      );
      if (!m) fail(lt, 'malformed start tag');
      if (current === doc && doc.children.length) fail(lt, 'a second root element');
      const attrs = new Map();
      const attrRe = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
      for (let a; (a = attrRe.exec(m[2])); ) {
        if (attrs.has(a[1])) fail(lt, `duplicate attribute ${a[1]}`);
        attrs.set(a[1], { value: decode(a[3] ?? a[4]), line: lineAt(lt + m[1].length + 1 + a.index) });
      }
      const name = m[1];
      const el = { name, local: name.slice(name.indexOf(':') + 1), attrs, line: lineAt(lt), children: [], text: '', parent: current };
      current.children.push(el);
      if (!m[3]) current = el;
      pos = lt + m[0].length;
    }
  }
  if (current !== doc) fail(xml.length, `<${current.name}> is never closed`);
  if (!doc.children.length) fail(0, 'no root element');
  return doc.children[0];
}

function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}

const attr = (el, name) => el.attrs.get(name)?.value;
const child = (el, local) => el?.children.find((c) => c.local === local);
const pathOf = (el) => (el.parent?.local ? `${pathOf(el.parent)}/${el.local}` : el.local);

/** The resources of VersionOverrides: id -> { kind, value, line, el }. */
function collectResources(root) {
  const byId = new Map();
  const all = [];
  for (const el of walk(root)) {
    if (el.local !== 'Resources') continue;
    for (const kind of el.children) {
      for (const res of kind.children) {
        const entry = { kind: kind.local, id: attr(res, 'id'), value: attr(res, 'DefaultValue'), el: res };
        all.push(entry);
      }
    }
  }
  for (const r of all) if (r.id !== undefined && !byId.has(r.id)) byId.set(r.id, r);
  return { byId, all };
}

function pngSize(file) {
  const b = readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (b.length < 24 || b.subarray(0, 8).toString('hex') !== signature || b.toString('ascii', 12, 16) !== 'IHDR')
    return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Each rule returns problems as [line, message]. */
const RULES = [
  {
    name: 'Id is a GUID',
    check({ root }) {
      const id = child(root, 'Id');
      if (!id) return [[root.line, 'Id is missing']];
      return GUID.test(id.text.trim()) ? [] : [[id.line, `Id "${id.text.trim()}" is not a GUID`]];
    },
  },
  {
    name: 'DefaultLocale present',
    check({ root }) {
      const loc = child(root, 'DefaultLocale');
      if (!loc) return [[root.line, 'DefaultLocale is missing']];
      return loc.text.trim() ? [] : [[loc.line, 'DefaultLocale is empty']];
    },
  },
  {
    name: `Permissions is ${PERMISSION}`,
    check({ root }) {
      const p = child(root, 'Permissions');
      if (!p) return [[root.line, 'Permissions is missing']];
      const v = p.text.trim();
      return v === PERMISSION ? [] : [[p.line, `Permissions is "${v}"; Outturn needs exactly ${PERMISSION} (least permission that can write sheets)`]];
    },
  },
  {
    name: 'resource ids at most 32 characters and unique',
    check({ resources }) {
      const out = [];
      const seen = new Set();
      for (const r of resources.all) {
        if (r.id === undefined) continue;
        if (r.id.length > RESOURCE_ID_MAX)
          out.push([r.el.line, `resource id "${r.id}" is ${r.id.length} characters; the limit is ${RESOURCE_ID_MAX}`]);
        if (seen.has(r.id)) out.push([r.el.line, `resource id "${r.id}" is defined twice`]);
        seen.add(r.id);
      }
      return out;
    },
  },
  {
    name: 'every resid is defined in Resources, of the right kind',
    check({ root, resources }) {
      const out = [];
      for (const el of walk(root)) {
        const resid = attr(el, 'resid');
        if (resid === undefined) continue;
        const line = el.attrs.get('resid').line;
        if (resid.length > RESOURCE_ID_MAX)
          out.push([line, `resid "${resid}" is ${resid.length} characters; the limit is ${RESOURCE_ID_MAX}`]);
        const def = resources.byId.get(resid);
        if (!def) {
          out.push([line, `resid "${resid}" (${pathOf(el)}) is not defined in Resources`]);
          continue;
        }
        const want = RESOURCE_KIND[el.local];
        if (want && def.kind !== want)
          out.push([line, `resid "${resid}" on <${el.local}> must name a ${want} resource, but it is in ${def.kind}`]);
      }
      return out;
    },
  },
  {
    name: `ShortStrings and titles at most ${SHORT_MAX} characters, LongStrings at most ${LONG_MAX}`,
    check({ root, resources }) {
      const out = [];
      const limit = (line, what, value, max) => {
        if (value !== undefined && value.length > max)
          out.push([line, `${what} is ${value.length} characters; the limit is ${max}`]);
      };
      for (const r of resources.all) {
        const max = r.kind === 'ShortStrings' ? SHORT_MAX : r.kind === 'LongStrings' ? LONG_MAX : undefined;
        if (!max) continue;
        limit(r.el.line, `${r.kind} "${r.id}"`, r.value, max);
        for (const o of r.el.children) limit(o.line, `${r.kind} "${r.id}" (${attr(o, 'Locale')})`, attr(o, 'Value'), max);
      }
      for (const [local, max] of [['DisplayName', SHORT_MAX], ['Description', LONG_MAX]]) {
        const el = child(root, local);
        if (!el) continue;
        limit(el.line, local, attr(el, 'DefaultValue'), max);
        for (const o of el.children) limit(o.line, `${local} (${attr(o, 'Locale')})`, attr(o, 'Value'), max);
      }
      limit(child(root, 'ProviderName')?.line, 'ProviderName', child(root, 'ProviderName')?.text.trim(), SHORT_MAX);
      return out;
    },
  },
  {
    name: 'every URL is https',
    check({ root }) {
      const out = [];
      for (const el of walk(root)) {
        for (const [name, { value, line }] of el.attrs) {
          if (name === 'xmlns' || name.startsWith('xmlns:')) continue; // namespace names, not addresses
          if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^https:\/\//i.test(value))
            out.push([line, `${pathOf(el)} ${name} "${value}" is not https`]);
        }
        const text = el.children.length ? '' : el.text.trim();
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/^https:\/\//i.test(text))
          out.push([el.line, `${pathOf(el)} "${text}" is not https`]);
      }
      return out;
    },
  },
  {
    name: 'icons under assets/ exist and are PNGs of the declared size',
    check({ root, assets }) {
      const out = [];
      const declared = new Map(); // image resource id -> sizes it is used at
      for (const el of walk(root)) {
        if (el.local !== 'Image' || attr(el, 'resid') === undefined) continue;
        const sizes = declared.get(attr(el, 'resid')) ?? new Set();
        sizes.add(Number(attr(el, 'size')));
        declared.set(attr(el, 'resid'), sizes);
      }
      const expected = (el) => {
        if (el.local === 'IconUrl') return new Set([32]);
        if (el.local === 'HighResolutionIconUrl') return new Set([64]);
        if (el.local === 'Image' && el.parent?.local === 'Images') return declared.get(attr(el, 'id'));
        if (el.local === 'Override') return expected(el.parent);
        return undefined;
      };
      for (const el of walk(root)) {
        for (const [name, { value, line }] of el.attrs) {
          if (!value.startsWith(ASSET_URL)) continue;
          const rel = decodeURIComponent(value.slice(ASSET_URL.length).split(/[?#]/)[0]);
          const file = join(assets, rel);
          if (!existsSync(file)) {
            out.push([line, `${pathOf(el)} ${name} points to ${value}, but ${file} does not exist`]);
            continue;
          }
          const sizes = expected(el);
          if (!rel.toLowerCase().endsWith('.png') || !sizes) continue;
          const got = pngSize(file);
          if (!got) out.push([line, `${file} is not a PNG`]);
          else if (got.width !== got.height || !sizes.has(got.width))
            out.push([line, `${file} is ${got.width}x${got.height} px; it is used at ${[...sizes].join(', ')} px`]);
        }
      }
      return out;
    },
  },
  {
    name: `every ribbon Icon lists sizes ${REQUIRED_ICON_SIZES.join(', ')}`,
    check({ root }) {
      const out = [];
      for (const el of walk(root)) {
        if (el.local !== 'Icon') continue;
        const sizes = new Set(el.children.map((c) => Number(attr(c, 'size'))));
        const missing = REQUIRED_ICON_SIZES.filter((s) => !sizes.has(s));
        if (missing.length) out.push([el.line, `${pathOf(el)} has no image of size ${missing.join(', ')}`]);
      }
      return out;
    },
  },
  {
    name: 'Excel host and ExcelApi requirement declared',
    check({ root }) {
      const out = [];
      const hosts = child(root, 'Hosts');
      if (!hosts?.children.some((h) => attr(h, 'Name') === 'Workbook'))
        out.push([hosts?.line ?? root.line, 'Hosts does not list Workbook (Excel)']);
      const sets = child(child(root, 'Requirements'), 'Sets');
      if (!sets?.children.some((s) => attr(s, 'Name') === 'ExcelApi'))
        out.push([sets?.line ?? root.line, 'Requirements does not name the ExcelApi set and its MinVersion']);
      return out;
    },
  },
];

/** xmllint against the XSDs: problems as [line, message], or a reason it could not run. */
function schemaProblems(manifest) {
  const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, manifest], { encoding: 'utf8' });
  if (run.error?.code === 'ENOENT') return { missing: true };
  if (run.error) throw run.error;
  if (run.status === 0) return { problems: [] };
  const problems = [];
  for (const line of run.stderr.split('\n')) {
    // e.g. /x/manifest.xml:10: element ProviderName: Schemas validity error : Element '{ns}ProviderName': ...
    const m = /^(.*?):(\d+): (?:element \S+: )?(.*)$/.exec(line);
    if (m && resolve(m[1]) === manifest) problems.push([Number(m[2]), `xmllint: ${m[3].replace(/\{[^}]*\}/g, '')}`]);
  }
  if (!problems.length) problems.push([0, `xmllint exited ${run.status}: ${run.stderr.trim()}`]);
  return { problems };
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`validate-manifest: ${e.message}`);
    return 2;
  }
  const shown = basename(args.manifest);
  const report = (problems) => {
    for (const [line, message] of problems) console.error(line ? `${shown}:${line}: ${message}` : `${shown}: ${message}`);
  };
  if (!existsSync(args.manifest)) {
    console.error(`${shown}: not found (${args.manifest})`);
    return 1;
  }
  const problems = [];
  let ruleCount = 0;

  const xsd = schemaProblems(args.manifest);
  if (xsd.missing) {
    const why = 'xmllint not found, so the XSD check cannot run (install it: apt-get install -y libxml2-utils)';
    if (process.env.CI === 'true') problems.push([0, why]);
    else console.log(`${shown}: skipping the XSD check: ${why}`);
  } else {
    ruleCount++;
    problems.push(...xsd.problems);
  }

  let root;
  try {
    root = parseXml(readFileSync(args.manifest, 'utf8'));
  } catch (e) {
    if (e.line === undefined) throw e;
    problems.push([e.line, `not well-formed XML: ${e.message}`]);
  }
  if (root) {
    const ctx = { root, assets: args.assets, resources: collectResources(root) };
    for (const rule of RULES) {
      ruleCount++;
      problems.push(...rule.check(ctx));
    }
  }

  if (problems.length) {
    problems.sort((a, b) => a[0] - b[0]);
    report(problems);
    console.error(`${shown}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    return 1;
  }
  console.log(`${shown}: valid (${ruleCount} rules)`);
  return 0;
}

process.exitCode = main();
