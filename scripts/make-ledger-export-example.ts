// Writes the worked example of a ledger export (`revenue.ledger.linesFrom`):
//   examples/ledger-export/derbyshire-2021-22-month6-sap.csv — the 10,080 ledger lines of
//     examples/derbyshire-2021-22-month6.json as a finance system exports them, laid out as SAP's
//     standard report Cost Centers: Actual/Plan/Variance (transaction S_ALR_87013611; its columns
//     per SAP's documentation, help.sap.com, "Cost centers: Act./Plan/Variance") is exported to a
//     spreadsheet: report title lines above the header row; Cost Center, Cost Element (the
//     account), Cost Element Name, Period; "Plan costs" (the budget) and "Act. costs" (actual to
//     date) with thousands separators and SAP's trailing minus for credits; two columns added for
//     what that report does not carry and the example has: commitments and the officer's forecast.
//   examples/ledger-export/derbyshire-2021-22-month6.json — the same example with `linesFrom`
//     (the columns mapped once, by their header text) in place of `lines` and `month`.
// Built from the same lines, the two give exactly the same result (test/cli/ledger-file.test.ts).
// `npx tsx scripts/make-ledger-export-example.ts` rewrites both byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const SOURCE = join(ROOT, 'examples', 'derbyshire-2021-22-month6.json');
export const EXPORT_CSV = join(ROOT, 'examples', 'ledger-export', 'derbyshire-2021-22-month6-sap.csv');
export const EXPORT_JSON = join(ROOT, 'examples', 'ledger-export', 'derbyshire-2021-22-month6.json');

/** SAP's list export: thousands separators, a trailing minus for a credit; done on the text (never a float). */
export function sapAmount(v: string): string {
  const neg = v.startsWith('-');
  const [int, frac = ''] = (neg ? v.slice(1) : v).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}.${frac.padEnd(2, '0')}${neg ? '-' : ''}`;
}

const field = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function makeExportExample(): { csv: string; json: string } {
  const doc = JSON.parse(readFileSync(SOURCE, 'utf8')) as { revenue: { ledger: Record<string, unknown> & { month: number; lines: Record<string, string>[] } } };
  const { lines, month, ...ledger } = doc.revenue.ledger;
  const out = [
    'Cost Centers: Actual/Plan/Variance',
    `Controlling Area,1000,Fiscal Year,2021,From Period,1,To Period,${month},Plan Version,0`,
    '',
    'Cost Center,Cost Element,Cost Element Name,Period,Plan costs,Act. costs,Commitment,Forecast rest of year',
  ];
  for (const l of lines) {
    out.push([
      l.costCentre, l.account, field(l.description ?? ''), String(month).padStart(3, '0'),
      field(sapAmount(l.budget)), field(sapAmount(l.actualToDate)),
      l.commitments === undefined ? '' : field(sapAmount(l.commitments)),
      l.forecast === undefined ? '' : field(sapAmount(l.forecast)),
    ].join(','));
  }
  const withExport = {
    ...doc,
    revenue: {
      ...doc.revenue,
      ledger: {
        ...ledger,
        linesFrom: {
          file: 'derbyshire-2021-22-month6-sap.csv',
          columns: {
            costCentre: 'Cost Center', account: 'Cost Element', description: 'Cost Element Name', month: 'Period',
            budget: 'Plan costs', actualToDate: 'Act. costs', commitments: 'Commitment', forecast: 'Forecast rest of year',
          },
        },
      },
    },
  };
  return { csv: `${out.join('\r\n')}\r\n`, json: `${JSON.stringify(withExport, null, 2)}\n` };
}

if (require.main === module) {
  const { csv, json } = makeExportExample();
  writeFileSync(EXPORT_CSV, csv);
  writeFileSync(EXPORT_JSON, json);
}
