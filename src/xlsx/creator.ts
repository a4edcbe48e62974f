// Who made an existing workbook: docProps/core.xml's <dc:creator>, read without reading the file.
//
// Before `outturn build` or `outturn template` replaces a file, it checks that Outturn made it
// (never overwrite what the user made). Loading the whole workbook with ExcelJS for that cost
// ~65 ms on every re-run of the worked example, and more the larger the old output. An xlsx file
// is a zip archive (ECMA-376 Part 2; the zip format is PKWARE's APPNOTE.TXT): its end-of-central-
// directory record, in the last 64 KB, points to the central directory, which names each entry
// and where its local header is. This reads that tail, the directory, and the one small entry —
// a few kilobytes whatever the workbook's size — with node:zlib to inflate it.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CORE = 'docProps/core.xml';
/** core.xml is a few hundred bytes; anything far larger is not one we will read */
const MAX_CORE = 1 << 20;

function readAt(fd: number, pos: number, len: number): Buffer {
  const b = Buffer.alloc(len);
  let got = 0;
  while (got < len) {
    const n = readSync(fd, b, got, len - got, pos + got);
    if (n === 0) break;
    got += n;
  }
  return got === len ? b : b.subarray(0, got);
}

/** The text of docProps/core.xml in the zip at `path`, or undefined when it is not a zip that has one. */
export function coreProperties(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    const tailLen = Math.min(size, 22 + 0xffff);
    const tail = readAt(fd, size - tailLen, tailLen);
    let e = -1;
    for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === EOCD) { e = i; break; }
    if (e < 0) return undefined;
    const entries = tail.readUInt16LE(e + 10);
    const dirSize = tail.readUInt32LE(e + 12);
    const dirAt = tail.readUInt32LE(e + 16);
    if (dirAt + dirSize > size) return undefined;
    const dir = readAt(fd, dirAt, dirSize);
    for (let p = 0, k = 0; k < entries && p + 46 <= dir.length; k++) {
      if (dir.readUInt32LE(p) !== CENTRAL) return undefined;
      const method = dir.readUInt16LE(p + 10);
      const compressed = dir.readUInt32LE(p + 20);
      const nameLen = dir.readUInt16LE(p + 28);
      const extraLen = dir.readUInt16LE(p + 30);
      const commentLen = dir.readUInt16LE(p + 32);
      const local = dir.readUInt32LE(p + 42);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLen);
      p += 46 + nameLen + extraLen + commentLen;
      if (name !== CORE) continue;
      if (compressed > MAX_CORE || (method !== 0 && method !== 8)) return undefined;
      const head = readAt(fd, local, 30);
      if (head.length < 30 || head.readUInt32LE(0) !== LOCAL) return undefined;
      const data = readAt(fd, local + 30 + head.readUInt16LE(26) + head.readUInt16LE(28), compressed);
      return (method === 8 ? inflateRawSync(data, { maxOutputLength: MAX_CORE }) : data).toString('utf8');
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The workbook's creator (dc:creator, XML entities decoded), or undefined. */
export function workbookCreator(path: string): string | undefined {
  const xml = coreProperties(path);
  const m = xml && /<dc:creator(?:\s[^>]*)?>([^<]*)<\/dc:creator>/.exec(xml);
  if (!m) return undefined;
  return m[1].replace(/&(lt|gt|quot|apos|amp);/g, (_, n: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[n]!);
}

/** Was the workbook at `path` made by Outturn (so that replacing it destroys nothing of the user's)? */
export function isOutturnWorkbookFile(path: string): boolean {
  return workbookCreator(path) === 'Outturn';
}
