// A .docx checked part by part against the ECMA-376 transitional schemas in ../shared/schemas
// (WordprocessingML, DrawingML theme, OPC content types, relationships and properties) with
// xmllint, after the Markup Compatibility processing a consumer does first (ECMA-376 Part 3):
// elements and attributes of the namespaces a part lists in mc:Ignorable are dropped, and
// mc:AlternateContent resolved to its Fallback. (The #12 helper's general OOXML validator was not
// on main when this was written; this one covers what a .docx from src/publish holds.)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

export const SCHEMAS = join(__dirname, '..', '..', '..', 'shared', 'schemas');
const OOXML = join(SCHEMAS, 'ooxml-transitional');

export function xmllint(): string | undefined {
  return existsSync('/usr/bin/xmllint') ? '/usr/bin/xmllint' : undefined;
}

/** The schema a part of a WordprocessingML package is checked against, by its name. */
function schemaOf(name: string): string | undefined {
  if (name === '[Content_Types].xml') return join(OOXML, 'opc-xsd', 'opc-contentTypes.xsd');
  if (name.endsWith('.rels')) return join(OOXML, 'opc-xsd', 'opc-relationships.xsd');
  if (name === 'docProps/core.xml') return join(OOXML, 'coreProperties-driver.xsd');
  if (name === 'docProps/app.xml') return join(OOXML, 'shared-documentPropertiesExtended.xsd');
  if (name === 'docProps/custom.xml') return join(OOXML, 'shared-documentPropertiesCustom.xsd');
  if (/^word\/theme\/[^/]+\.xml$/.test(name)) return join(OOXML, 'dml-main.xsd');
  if (/^word\/[^/]+\.xml$/.test(name)) return join(OOXML, 'wml.xsd');
  return undefined;
}

/** Markup Compatibility processing of one part (the subset a docx writer uses: Ignorable, AlternateContent). */
export function mcProcess(xml: string): string {
  const ignorable = /\bmc:Ignorable="([^"]*)"/.exec(xml)?.[1].split(/\s+/).filter(Boolean) ?? [];
  let out = xml.replace(/\smc:Ignorable="[^"]*"/, '');
  out = out.replace(/<mc:AlternateContent\b[\s\S]*?<mc:Fallback>([\s\S]*?)<\/mc:Fallback>[\s\S]*?<\/mc:AlternateContent>/g, '$1');
  for (const p of ignorable) {
    out = out.replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*?/>`, 'g'), '');
    out = out.replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*>[\\s\\S]*?</${p}:\\1>`, 'g'), '');
    out = out.replace(new RegExp(`\\s${p}:[\\w.-]+="[^"]*"`, 'g'), '');
  }
  return out;
}

export interface PartResult {
  part: string;
  schema: string;
  ok: boolean;
  message: string;
}

/** Every XML part of the package validated; parts with no schema here are listed with schema ''. */
export function validateDocx(bytes: Uint8Array): PartResult[] {
  const exe = xmllint();
  if (!exe) throw new Error('xmllint is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'outturn-docx-'));
  // wml.xsd (through shared-math.xsd) refers to xml:space without importing the XML namespace's
  // schema: a driver imports it first, as ../shared/schemas' coreProperties-driver.xsd does.
  const wmlDriver = join(dir, 'wml-driver.xsd');
  writeFileSync(wmlDriver, `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x-outturn:wml-driver">
  <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="${join(OOXML, 'dc', 'xml.xsd')}"/>
  <xs:import namespace="http://schemas.openxmlformats.org/wordprocessingml/2006/main" schemaLocation="${join(OOXML, 'wml.xsd')}"/>
</xs:schema>
`);
  const files = unzipSync(bytes);
  const results: PartResult[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const schema = schemaOf(name)?.replace(join(OOXML, 'wml.xsd'), wmlDriver);
    if (!schema) {
      results.push({ part: name, schema: '', ok: false, message: 'no schema for this part' });
      continue;
    }
    const path = join(dir, name.replace(/[[\]]/g, '_'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, mcProcess(strFromU8(data)));
    try {
      execFileSync(exe, ['--noout', '--nonet', '--schema', schema, path], {
        stdio: 'pipe', encoding: 'utf8', env: { ...process.env, XML_CATALOG_FILES: join(SCHEMAS, 'catalog.xml') },
      });
      results.push({ part: name, schema, ok: true, message: '' });
    } catch (e) {
      const err = e as { stderr?: string };
      results.push({ part: name, schema, ok: false, message: (err.stderr ?? String(e)).trim() });
    }
  }
  return results;
}
