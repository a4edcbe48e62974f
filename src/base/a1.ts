// A1 addresses: 0-based row and column in, spreadsheet references out.

export function columnLetters(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(r: number, c: number): string {
  return `${columnLetters(c)}${r + 1}`;
}

export function range(r0: number, c0: number, r1: number, c1: number): string {
  return r0 === r1 && c0 === c1 ? a1(r0, c0) : `${a1(r0, c0)}:${a1(r1, c1)}`;
}

/** 'Table 1 Revenue'!E30 — quoted when the name needs it, as Excel writes it. */
export function sheetRef(sheet: string, address: string): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${address}`;
}

/** "C7" → {r: 6, c: 2} */
export function parseA1(address: string): { r: number; c: number } {
  const m = /^\$?([A-Z]+)\$?([0-9]+)$/.exec(address.toUpperCase());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number.parseInt(m[2], 10) - 1, c: c - 1 };
}
