// Part-by-part conformance of an Office Open XML package (xlsx, docx) against the ECMA-376
// transitional schemas in ../shared/schemas (validated by xmllint), plus the rules a schema cannot
// see. Reusable for any package: `validatePackage(buffer)` returns every problem as
// { part, message }; an empty list means the package passed.
//
// What it does before xmllint, as ../shared/schemas/README.md requires:
// - Markup Compatibility (ECMA-376 Part 3): elements and attributes in namespaces listed in
//   `mc:Ignorable` are dropped, `mc:AlternateContent` is replaced by its Fallback (this checker
//   understands no extension namespace, so never a Choice), and mc:* attributes go;
// - `xml:space` on SpreadsheetML `<t>` is dropped (Excel and LibreOffice both write it; the
//   transitional sml.xsd does not declare it);
// - docProps/core.xml is validated through the driver schema that imports the XML namespace first,
//   with catalog.xml mapping the Dublin Core imports to local copies.
// Parts whose content type has no schema here (VML, printer settings, binary parts) are listed in
// `unchecked`, never silently passed.
//
// Rules beyond the schema (SpreadsheetML): an internal hyperlink uses `location` (no '#', no
// relationship); table header cells equal their tableColumn names; table names unique in the
// workbook; defined names well formed and sheet-scoped by a valid localSheetId; sheet names at most
// 31 characters, none of []:*?/\, unique, and not "History"; strings at most 32,767 characters;
// functions newer than Excel 2007 written with the _xlfn. prefix.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

export const SHARED_SCHEMAS = resolve(__dirname, '..', '..', '..', 'shared', 'schemas');

/** Why the conformance check cannot run here (no ../shared, no xmllint), or undefined when it can. */
export function cannotValidate(schemas = SHARED_SCHEMAS): string | undefined {
  if (!existsSync(join(schemas, 'ooxml-transitional', 'sml.xsd'))) return `the ECMA-376 schemas are not at ${schemas} (../shared is absent)`;
  if (spawnSync('xmllint', ['--version']).error) return 'xmllint is not installed (Debian libxml2-utils)';
  return undefined;
}

export interface Problem {
  part: string;
  message: string;
}

export interface ValidationReport {
  problems: Problem[];
  /** parts validated against a schema, with the schema's file name */
  checked: { part: string; schema: string }[];
  /** parts with no schema here, with their content type */
  unchecked: { part: string; contentType: string }[];
}

// ---------- a small namespace-aware XML tree ----------

export interface XmlElement {
  /** namespace URI and local name */
  ns: string;
  local: string;
  /** the qualified name as written */
  qname: string;
  /** attributes as written (qualified name → value), namespace declarations included */
  attrs: { qname: string; ns: string; local: string; value: string }[];
  children: (XmlElement | string)[];
}

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const el: XmlElement = {
      ns: tag.uri ?? '',
      local: tag.local ?? tag.name,
      qname: tag.name,
      attrs: Object.values(tag.attributes).map((a) => {
        const at = a as { name: string; uri?: string; local?: string; value: string };
        return { qname: at.name, ns: at.uri ?? '', local: at.local ?? at.name, value: at.value };
      }),
      children: [],
    };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const text_ = (t: string) => {
    if (stack.length) stack[stack.length - 1].children.push(t);
  };
  parser.on('text', text_);
  parser.on('cdata', text_);
  parser.write(text).close();
  if (!root) throw new Error('no root element');
  return root;
}

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XML = 'http://www.w3.org/XML/1998/namespace';
const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Prefix → namespace in scope, from the xmlns attributes of the element and its ancestors. */
function scope(el: XmlElement, parent: Map<string, string>): Map<string, string> {
  const decl = el.attrs.filter((a) => a.qname === 'xmlns' || a.qname.startsWith('xmlns:'));
  if (!decl.length) return parent;
  const m = new Map(parent);
  for (const a of decl) m.set(a.qname === 'xmlns' ? '' : a.qname.slice(6), a.value);
  return m;
}

/** Markup Compatibility preprocessing (see the head of this file); returns a new tree. */
export function resolveMarkupCompatibility(root: XmlElement): XmlElement {
  const walk = (el: XmlElement, prefixes: Map<string, string>, ignorable: Set<string>): (XmlElement | string)[] => {
    const sc = scope(el, prefixes);
    const ign = new Set(ignorable);
    for (const a of el.attrs) if (a.ns === MC && a.local === 'Ignorable') for (const p of a.value.split(/\s+/).filter(Boolean)) if (sc.has(p)) ign.add(sc.get(p)!);
    if (el.ns === MC && el.local === 'AlternateContent') {
      const fallback = el.children.find((c): c is XmlElement => typeof c !== 'string' && c.ns === MC && c.local === 'Fallback');
      return fallback ? fallback.children.flatMap((c) => (typeof c === 'string' ? [c] : walk(c, scope(fallback, sc), ign))) : [];
    }
    if (ign.has(el.ns)) return [];
    const attrs = el.attrs.filter((a) => {
      if (a.ns === XMLNS || a.qname === 'xmlns') return true;
      if (a.ns === MC || ign.has(a.ns)) return false;
      if (a.ns === XML && a.local === 'space' && el.ns === SML && el.local === 't') return false;
      return true;
    });
    return [{ ...el, attrs, children: el.children.flatMap((c) => (typeof c === 'string' ? [c] : walk(c, sc, ign))) }];
  };
  const out = walk(root, new Map([['xml', XML]]), new Set());
  if (out.length !== 1 || typeof out[0] === 'string') throw new Error('the root element is itself ignorable');
  return out[0];
}

const esc = (s: string, attr: boolean) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(attr ? /"/g : /$^/, '&quot;');

export function serializeXml(el: XmlElement): string {
  const open = `<${el.qname}${el.attrs.map((a) => ` ${a.qname}="${esc(a.value, true)}"`).join('')}`;
  if (!el.children.length) return `${open}/>`;
  return `${open}>${el.children.map((c) => (typeof c === 'string' ? esc(c, false) : serializeXml(c))).join('')}</${el.qname}>`;
}

/** Elements of a tree (depth first) with the given namespace and local name. */
export function find(el: XmlElement, ns: string, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.ns === ns && e.local === local) out.push(e);
    for (const c of e.children) if (typeof c !== 'string') walk(c);
  };
  walk(el);
  return out;
}
export const attr = (el: XmlElement, local: string, ns = ''): string | undefined => el.attrs.find((a) => a.local === local && a.ns === ns && !a.qname.startsWith('xmlns'))?.value;
export const textOf = (el: XmlElement): string => el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

// ---------- which schema validates which part ----------

const OXML = 'application/vnd.openxmlformats-officedocument.';
function schemaFor(contentType: string): string | undefined {
  if (contentType === 'application/vnd.openxmlformats-package.relationships+xml') return 'opc-xsd/opc-relationships.xsd';
  if (contentType === 'application/vnd.openxmlformats-package.core-properties+xml') return 'coreProperties-driver.xsd';
  if (contentType === `${OXML}extended-properties+xml`) return 'shared-documentPropertiesExtended.xsd';
  if (contentType === `${OXML}custom-properties+xml`) return 'shared-documentPropertiesCustom.xsd';
  if (contentType === `${OXML}theme+xml`) return 'dml-main.xsd';
  if (contentType === `${OXML}drawing+xml`) return 'dml-spreadsheetDrawing.xsd';
  if (contentType.startsWith(`${OXML}spreadsheetml.`) && contentType.endsWith('+xml')) return 'sml.xsd';
  if (contentType.startsWith(`${OXML}wordprocessingml.`) && contentType.endsWith('+xml')) return 'wml.xsd';
  if (contentType.startsWith(`${OXML}presentationml.`) && contentType.endsWith('+xml')) return 'pml.xsd';
  return undefined;
}

/** Each part's content type, from [Content_Types].xml (Override first, then Default by extension). */
function contentTypes(types: XmlElement, parts: string[]): Map<string, string> {
  const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
  const defaults = new Map(find(types, CT, 'Default').map((d) => [(attr(d, 'Extension') ?? '').toLowerCase(), attr(d, 'ContentType') ?? '']));
  const overrides = new Map(find(types, CT, 'Override').map((o) => [(attr(o, 'PartName') ?? '').toLowerCase(), attr(o, 'ContentType') ?? '']));
  const out = new Map<string, string>();
  for (const p of parts) {
    const ct = overrides.get(`/${p}`.toLowerCase()) ?? defaults.get(p.slice(p.lastIndexOf('.') + 1).toLowerCase());
    if (ct) out.set(p, ct);
  }
  return out;
}

// ---------- the check ----------

/**
 * The schema file xmllint is given for `schema` (a path under ooxml-transitional/). wml.xsd uses
 * xml:space (through shared-math.xsd) without importing the XML namespace's schema, so on its own
 * it fails to compile; a driver imports that namespace first, as ../shared/schemas'
 * coreProperties-driver.xsd does for docProps/core.xml.
 */
function schemaPath(schemas: string, schema: string, work: string): string {
  const base = join(schemas, 'ooxml-transitional');
  if (schema !== 'wml.xsd') return join(base, schema);
  const driver = join(work, 'wml-driver.xsd');
  writeFileSync(driver, `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x-outturn:wml-driver">
  <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="${join(base, 'dc', 'xml.xsd')}"/>
  <xs:import namespace="http://schemas.openxmlformats.org/wordprocessingml/2006/main" schemaLocation="${join(base, 'wml.xsd')}"/>
</xs:schema>
`);
  return driver;
}

/**
 * Validates every XML part of an OOXML package and applies the rules beyond the schema.
 * `data`: the package (zip) bytes. Throws only if the schemas are missing (see cannotValidate).
 */
export async function validatePackage(data: Buffer | Uint8Array, schemas = SHARED_SCHEMAS): Promise<ValidationReport> {
  const why = cannotValidate(schemas);
  if (why) throw new Error(why);
  const zip = await JSZip.loadAsync(data);
  const parts = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
  const problems: Problem[] = [];
  const checked: ValidationReport['checked'] = [];
  const unchecked: ValidationReport['unchecked'] = [];
  if (!parts.includes('[Content_Types].xml')) return { problems: [{ part: '[Content_Types].xml', message: 'missing' }], checked, unchecked };
  const trees = new Map<string, XmlElement>();
  const read = async (p: string): Promise<XmlElement | undefined> => {
    if (trees.has(p)) return trees.get(p);
    const f = zip.file(p);
    if (!f) return undefined;
    try {
      const t = parseXml(await f.async('string'));
      trees.set(p, t);
      return t;
    } catch (e) {
      problems.push({ part: p, message: `not well-formed XML: ${(e as Error).message}` });
      return undefined;
    }
  };
  const types = (await read('[Content_Types].xml'))!;
  const cts = contentTypes(types, parts);
  const work = mkdtempSync(join(tmpdir(), 'outturn-ooxml-'));
  try {
    const groups = new Map<string, { part: string; file: string }[]>();
    const add = (schema: string, part: string, tree: XmlElement) => {
      const file = join(work, `${groups.size}-${(groups.get(schema)?.length ?? 0)}-${part.replace(/[^A-Za-z0-9.]/g, '_')}`);
      writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(resolveMarkupCompatibility(tree))}`);
      if (!groups.has(schema)) groups.set(schema, []);
      groups.get(schema)!.push({ part, file });
      checked.push({ part, schema });
    };
    add('opc-xsd/opc-contentTypes.xsd', '[Content_Types].xml', types);
    for (const p of parts) {
      if (p === '[Content_Types].xml') continue;
      const ct = cts.get(p);
      if (!ct) {
        problems.push({ part: p, message: 'has no content type in [Content_Types].xml' });
        continue;
      }
      const schema = schemaFor(ct);
      if (!schema) {
        unchecked.push({ part: p, contentType: ct });
        continue;
      }
      const tree = await read(p);
      if (tree) add(schema, p, tree);
    }
    for (const [schema, files] of groups) {
      const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schemaPath(schemas, schema, work), ...files.map((f) => f.file)], {
        encoding: 'utf8',
        env: { ...process.env, XML_CATALOG_FILES: join(schemas, 'catalog.xml') },
        maxBuffer: 64 * 1024 * 1024,
      });
      if (run.error) throw run.error;
      // A schema that does not compile validates nothing, and xmllint then exits 0 ("WXS schema …
      // failed to compile"): that is the checker failing, never a pass.
      if (/failed to compile|Schemas parser error/.test(run.stderr)) throw new Error(`${schema} did not compile under xmllint: ${run.stderr.split('\n').filter((l) => /error|failed/i.test(l)).slice(0, 3).join(' | ')}`);
      for (const line of run.stderr.split('\n')) {
        const f = files.find((x) => line.startsWith(`${x.file}:`));
        if (f && /error/i.test(line)) problems.push({ part: f.part, message: line.slice(f.file.length + 1).replace(/^\d+: /, '') });
      }
      for (const f of files) if (run.status !== 0 && !problems.some((p) => p.part === f.part) && run.stderr.includes(`${f.file} fails to validate`)) problems.push({ part: f.part, message: `fails to validate against ${schema}` });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const workbook = parts.find((p) => cts.get(p) === `${OXML}spreadsheetml.sheet.main+xml` || cts.get(p) === `${OXML}spreadsheetml.template.main+xml`);
  if (workbook) problems.push(...(await spreadsheetRules(workbook, parts, cts, read)));
  return { problems, checked, unchecked };
}

interface Rel { id: string; type: string; target: string; external: boolean }

/** A part's relationships, targets resolved to part names (external ones as written). */
async function relsOf(part: string, read: (p: string) => Promise<XmlElement | undefined>): Promise<Rel[]> {
  const dir = posix.dirname(part);
  const rels = await read(posix.join(dir, '_rels', `${posix.basename(part)}.rels`));
  if (!rels) return [];
  return find(rels, 'http://schemas.openxmlformats.org/package/2006/relationships', 'Relationship').map((r) => {
    const target = attr(r, 'Target') ?? '';
    const external = attr(r, 'TargetMode') === 'External';
    return {
      id: attr(r, 'Id') ?? '',
      type: attr(r, 'Type') ?? '',
      target: external ? target : target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target)),
      external,
    };
  });
}

/** Functions added after Excel 2007 that a file must write as _xlfn.NAME (a sample of the common ones). */
const NEWER_FUNCTIONS = ['IFS', 'SWITCH', 'MAXIFS', 'MINIFS', 'CONCAT', 'TEXTJOIN', 'XLOOKUP', 'XMATCH', 'FILTER', 'SORT', 'SORTBY', 'UNIQUE', 'SEQUENCE', 'LET', 'LAMBDA', 'IFNA', 'AGGREGATE', 'STDEV.S', 'STDEV.P', 'VAR.S', 'VAR.P', 'FLOOR.MATH', 'CEILING.MATH', 'DAYS', 'ISOWEEKNUM', 'RANK.EQ', 'PERCENTILE.INC', 'FORMULATEXT', 'SHEET', 'SHEETS', 'XOR', 'NUMBERVALUE', 'TEXTBEFORE', 'TEXTAFTER', 'VSTACK', 'HSTACK', 'TAKE', 'DROP', 'CHOOSECOLS', 'TOCOL'];
const NEWER = new RegExp(`(^|[^A-Za-z0-9_.])(${NEWER_FUNCTIONS.map((f) => f.replace('.', '\\.')).join('|')})\\(`, 'i');
const MAX_STRING = 32_767;

async function spreadsheetRules(workbook: string, parts: string[], cts: Map<string, string>, read: (p: string) => Promise<XmlElement | undefined>): Promise<Problem[]> {
  const problems: Problem[] = [];
  const wb = (await read(workbook))!;
  const wbRels = await relsOf(workbook, read);
  const sheets = find(wb, SML, 'sheet').map((s) => ({ name: attr(s, 'name') ?? '', rid: attr(s, 'id', REL) ?? '' }));
  const seen = new Set<string>();
  sheets.forEach(({ name }) => {
    if (name.length === 0 || name.length > 31) problems.push({ part: workbook, message: `sheet name "${name}" is ${name.length} characters (1 to 31)` });
    if (/[[\]:*?/\\]/.test(name)) problems.push({ part: workbook, message: `sheet name "${name}" holds one of []:*?/\\` });
    if (/^'|'$/.test(name)) problems.push({ part: workbook, message: `sheet name "${name}" begins or ends with an apostrophe` });
    if (name.toLowerCase() === 'history') problems.push({ part: workbook, message: 'a sheet is named "History", which English Excel reserves' });
    if (seen.has(name.toLowerCase())) problems.push({ part: workbook, message: `two sheets are named "${name}"` });
    seen.add(name.toLowerCase());
  });
  for (const dn of find(wb, SML, 'definedName')) {
    const name = attr(dn, 'name') ?? '';
    if (!/^(_xlnm\.)?[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[RrCc]$/.test(name)) problems.push({ part: workbook, message: `defined name "${name}" is not a valid name` });
    const local = attr(dn, 'localSheetId');
    if (local !== undefined && !(/^[0-9]+$/.test(local) && Number(local) < sheets.length)) problems.push({ part: workbook, message: `defined name "${name}" has localSheetId ${local}, not a sheet's position (0 to ${sheets.length - 1})` });
  }
  // Shared strings.
  const sstPart = wbRels.find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const sst = sstPart ? await read(sstPart) : undefined;
  const strings = sst ? find(sst, SML, 'si').map((si) => find(si, SML, 't').filter((t) => !isInPhonetic(si, t)).map(textOf).join('')) : [];
  strings.forEach((s, i) => {
    if (s.length > MAX_STRING) problems.push({ part: sstPart!, message: `shared string ${i} is ${s.length} characters (at most ${MAX_STRING})` });
  });
  const tableNames = new Map<string, string>();
  for (const { name, rid } of sheets) {
    const rel = wbRels.find((r) => r.id === rid);
    if (!rel) {
      problems.push({ part: workbook, message: `sheet "${name}" has no relationship ${rid}` });
      continue;
    }
    const part = rel.target;
    const ws = await read(part);
    if (!ws || cts.get(part) !== `${OXML}spreadsheetml.worksheet+xml`) continue;
    const rels = await relsOf(part, read);
    // Cell text, for table headers.
    const cellText = new Map<string, string>();
    for (const c of find(ws, SML, 'c')) {
      const ref = attr(c, 'r') ?? '';
      const t = attr(c, 't');
      const v = find(c, SML, 'v')[0];
      let text: string | undefined;
      if (t === 's' && v) text = strings[Number(textOf(v))];
      else if (t === 'inlineStr') text = find(c, SML, 't').map(textOf).join('');
      else if (v) text = textOf(v);
      if (text !== undefined) {
        cellText.set(ref, text);
        if (text.length > MAX_STRING) problems.push({ part, message: `${name}!${ref} holds ${text.length} characters (at most ${MAX_STRING})` });
      }
      for (const f of find(c, SML, 'f')) {
        const m = NEWER.exec(textOf(f).replace(/"[^"]*"/g, '""'));
        if (m) problems.push({ part, message: `${name}!${ref}: ${m[2].toUpperCase()} is newer than Excel 2007 and must be written _xlfn.${m[2].toUpperCase()}` });
      }
    }
    for (const h of find(ws, SML, 'hyperlink')) {
      const ref = attr(h, 'ref') ?? '?';
      const rid = attr(h, 'id', REL);
      const location = attr(h, 'location');
      const r = rid ? rels.find((x) => x.id === rid) : undefined;
      if (rid && !r) problems.push({ part, message: `${name}!${ref}: hyperlink relationship ${rid} is missing` });
      if (r && r.target.startsWith('#')) problems.push({ part, message: `${name}!${ref}: a link to a cell in this workbook is written as a relationship to "${r.target}" (use location="${r.target.slice(1)}" with no relationship)` });
      if (location?.startsWith('#')) problems.push({ part, message: `${name}!${ref}: hyperlink location "${location}" begins with # (an internal location has none)` });
    }
    for (const tr of rels.filter((x) => x.type.endsWith('/table'))) {
      const table = await read(tr.target);
      if (!table) continue;
      const tname = attr(table, 'name') ?? '';
      const display = attr(table, 'displayName') ?? '';
      for (const n of new Set([tname.toLowerCase(), display.toLowerCase()])) {
        if (tableNames.has(n)) problems.push({ part: tr.target, message: `table name "${n}" is also used by ${tableNames.get(n)}` });
        tableNames.set(n, tr.target);
      }
      const ref = attr(table, 'ref') ?? '';
      const headerRows = attr(table, 'headerRowCount') ?? '1';
      const m = /^([A-Z]+)([0-9]+):([A-Z]+)[0-9]+$/.exec(ref);
      if (!m) {
        problems.push({ part: tr.target, message: `table ref "${ref}" is not a range` });
        continue;
      }
      const cols = find(table, SML, 'tableColumn').map((tc) => attr(tc, 'name') ?? '');
      const c0 = letters(m[1]);
      if (cols.length !== letters(m[3]) - c0 + 1) problems.push({ part: tr.target, message: `table ${tname} has ${cols.length} tableColumn(s) for ${ref}` });
      if (headerRows !== '0') {
        cols.forEach((col, i) => {
          const at = `${columnName(c0 + i)}${m[2]}`;
          const shown = cellText.get(at);
          if (shown !== col) problems.push({ part: tr.target, message: `table ${tname}: header ${name}!${at} holds ${shown === undefined ? 'nothing' : JSON.stringify(shown)}, its tableColumn is ${JSON.stringify(col)}` });
        });
      }
    }
  }
  void parts;
  return problems;
}

function isInPhonetic(si: XmlElement, t: XmlElement): boolean {
  return find(si, SML, 'rPh').some((rph) => find(rph, SML, 't').includes(t));
}
function letters(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}
function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
