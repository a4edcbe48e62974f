// The issue-11 settings of the input templates (how a body prints its tables), read from a cell:
// "Revenue column order" = "outturn, revised, variance"; "Revenue column labels" =
// "outturn=Actual; revised=Budget"; "Net revenue budgets by year" = "69,975; 69,292; -; -".
import { text, fromSpreadsheetNumber } from '../base/decimal';
import type { GridValue } from '../base/cells';
import type { InputError } from './errors';

/**
 * One layout setting's value for the outturn/v1 document, or undefined after an error at `where`.
 * @param kind the setting's kind (LAYOUT_SETTINGS)
 * @param money reads an amount as the templates do (typed number or printed text)
 */
export function layoutSetting(kind: string, v: GridValue, where: string, errors: InputError[], money: (v: GridValue) => string | undefined): unknown {
  if (v !== null && typeof v === 'object') {
    errors.push({ where, message: `holds the error ${v.error}` });
    return undefined;
  }
  const raw = typeof v === 'number' ? text(fromSpreadsheetNumber(v)) : String(v).trim();
  switch (kind) {
    case 'int': {
      if (!/^[0-3]$/.test(raw)) {
        errors.push({ where, message: `${JSON.stringify(raw)} is not a number of decimal places (0, 1, 2 or 3)` });
        return undefined;
      }
      return Number.parseInt(raw, 10);
    }
    case 'bool':
      return typeof v === 'boolean' ? v : /^(yes|true|y|1)$/i.test(raw);
    case 'list':
      return raw.split(/[,;]\s*|\s+/).filter(Boolean);
    case 'captions':
      return raw === '-' ? [] : raw.split(';').map((x) => x.trim()).filter(Boolean);
    case 'labels': {
      const out: Record<string, string> = {};
      for (const part of raw.split(';').map((x) => x.trim()).filter(Boolean)) {
        const m = /^([A-Za-z]+)\s*=\s*(.+)$/.exec(part);
        if (!m) {
          errors.push({ where, message: `"${part}" is not a column=caption pair (e.g. outturn=Actual; revised=Budget)` });
          return undefined;
        }
        out[m[1]] = m[2].trim();
      }
      return out;
    }
    case 'money':
      return money(v);
    case 'budgets':
      return raw.split(';').map((x) => x.trim()).map((x) => (x === '' || x === '-' ? null : money(x) ?? null));
    default:
      return raw;
  }
}

/** The cell text of a layout setting's value (the template writer's side of layoutSetting). */
export function layoutSettingText(kind: string, v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  switch (kind) {
    case 'bool':
      return v ? 'Yes' : 'No';
    case 'list':
      return (v as string[]).join(', ');
    case 'captions':
      return (v as string[]).length ? (v as string[]).join('; ') : '-';
    case 'labels':
      return Object.entries(v as Record<string, string>).map(([k, c]) => `${k}=${c}`).join('; ');
    case 'budgets':
      return (v as (string | number | null)[]).map((b) => (b === null ? '-' : String(b))).join('; ');
    default:
      return String(v);
  }
}
