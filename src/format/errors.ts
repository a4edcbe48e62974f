// Input errors: each names where it is — a JSON path ($.revenue.sections[0].lines[3].outturn) or a
// sheet and cell ('Revenue input'!D7) — and says what is wrong. Any error stops the build before
// anything is written.
export interface InputError {
  /** JSON path or Sheet!Cell */
  where: string;
  message: string;
}

export class InvalidInput extends Error {
  constructor(readonly errors: InputError[]) {
    super(errors.map((e) => `${e.where}: ${e.message}`).join('\n'));
    this.name = 'InvalidInput';
  }
}

/** "/revenue/sections/0/lines/3" → "$.revenue.sections[0].lines[3]" */
export function jsonPath(pointer: string | (string | number)[]): string {
  const parts = typeof pointer === 'string'
    ? pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    : pointer.map(String);
  return '$' + parts.map((p) => (/^[0-9]+$/.test(p) ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}
