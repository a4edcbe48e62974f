// Findings about single cells, and what each layout needs.
import type { FoundTable, Layout, TableRow } from './detect';
import type { Audit } from './context';
import { type Num, show } from './findings';
import { Dec } from '../base/decimal';
import { NOT_APPLICABLE, NOT_AVAILABLE, type Reading, formatShows, twoFigures, width } from './grid';
import { normalise, roleOf } from './detect';

/**
 * Tables whose figures are not all spending, where a CR/DR mark cannot give a sign: in a statement
 * of reserves a credit is a balance held (printed positive) as much as a draw; in financing and the
 * MTFP the funding is a credit printed positive. There a marked figure is an error at its cell.
 */
const CR_DR_AMBIGUOUS: ReadonlySet<Layout> = new Set(['reserves', 'financing', 'mtfp', 'scenarios']);

/**
 * The table as a layout reads it: in the layouts of CR_DR_AMBIGUOUS a figure marked CR or DR becomes
 * unreadable text (reported by cellRules at its cell; nothing that depends on it is checked). Other
 * layouts (revenue, forecast, capital, programme, ledger, auto: spending and income) keep the
 * reading: CR a credit, negative; DR a debit, positive. Returns `t` itself when nothing changes.
 */
export function withLedgerSigns(t: FoundTable, layout: Layout): FoundTable {
  if (!CR_DR_AMBIGUOUS.has(layout)) return t;
  let changed = false;
  const rows = t.rows.map((row) => {
    let cells: Map<number, Reading> | undefined;
    for (const [c, x] of row.cells) {
      if (x.kind !== 'number' || (x.ledgerSign !== 'CR' && x.ledgerSign !== 'DR')) continue;
      cells ??= new Map(row.cells);
      cells.set(c, {
        kind: 'text',
        text: x.raw,
        reason: `"${x.raw}" is marked ${x.ledgerSign} (a ${x.ledgerSign === 'CR' ? 'credit' : 'debit'}), and in a ${layout === 'reserves' ? 'statement of reserves' : layout === 'financing' ? 'table of financing' : 'medium-term plan'} a credit may be a balance or funding (positive) as well as income (negative): print the figure with its sign, as −1,203 or (1,203), or without a mark`,
      });
    }
    if (!cells) return row;
    changed = true;
    return { ...row, cells };
  });
  return changed ? { ...t, rows } : t;
}

/**
 * "n/a" (or "N/A", "n.a.", "NA", "not applicable", the statistical symbol ".") printed in a money column: nothing applies there,
 * so the lines it sits among add it as nil (as a dash), with a note; a figure printed n/a is itself
 * never compared with one recomputed (see Audit.check). A percentage printed n/a keeps its own reading
 * (nothing to divide by: a note, see cellRules). Westmorland and Furness's 2024/25 budget prints
 * "n/a" among its sources of finance. Returns `t` itself when nothing changes.
 */
export function withNotApplicable(t: FoundTable): FoundTable {
  const money = new Set(t.columns.filter((c) => c.numeric && !c.percent).map((c) => c.c));
  let changed = false;
  const rows = t.rows.map((row) => {
    let cells: Map<number, Reading> | undefined;
    // A heading printing "N/A" in every figure column it fills (two or more) has no figures at all: its
    // label alone, a heading of the lines under it (South Cambridgeshire's HRA summary, T9-57). Not the
    // statistician's "." — a line of a release with no such service this year (StatsWales' ". . ." rows),
    // each cell read as nil with its note.
    const na = [...row.cells].filter(([c, x]) => money.has(c) && x.kind === 'text' && NOT_APPLICABLE.test(x.text) && x.text.trim() !== '.');
    if (na.length >= 2 && [...row.cells].every(([c, x]) => !money.has(c) || x.kind === 'blank' || na.some(([d]) => d === c))) {
      cells = new Map(row.cells);
      for (const [c] of na) cells.delete(c);
      changed = true;
      return { ...row, cells, empty: row.label === '' };
    }
    for (const [c, x] of row.cells) {
      if (x.kind !== 'text' || !money.has(c) || !NOT_APPLICABLE.test(x.text)) continue;
      cells ??= new Map(row.cells);
      cells.set(c, { kind: 'number', value: new Dec(0), places: 0, units: 0, dash: true, percent: false, negativeZero: false, typed: false, raw: x.text.trim(), notApplicable: true });
    }
    if (!cells) return row;
    changed = true;
    return { ...row, cells };
  });
  return changed ? { ...t, rows } : t;
}

/** What a unit printed inside a cell multiplies the figure by, as a power of ten: m 6, bn 9, k 3. */
const UNIT_POWER: Record<string, number> = { m: 6, million: 6, bn: 9, k: 3, thousand: 3 };

/** The power of ten a figure's own unit says (a suffix, or 0 for a figure printed with £ and no suffix); undefined when it says none. */
function ownPower(x: Reading): number | undefined {
  if (x.kind !== 'number' || x.dash) return undefined;
  if (x.unit) return UNIT_POWER[x.unit.toLowerCase()];
  return x.raw.includes('£') ? 0 : undefined;
}

/**
 * A figure whose own unit differs from its column's, read in the column's unit: in a column whose
 * figures print their unit inside the cell ("£85.2m", "£91.6m"), most of them one unit (two at
 * least), a figure printed in another ("£664,000", "£450k", "£1.2bn") is scaled to it (0.664), exactly,
 * with the places the scaling gives — never summed raw. Returns `t` itself when nothing changes.
 */
export function withCellUnits(t: FoundTable): FoundTable {
  const scale = new Map<number, number>();
  const finest = new Map<number, Dec>();
  for (const col of t.columns) {
    if (!col.numeric || col.percent) continue;
    const count = new Map<number, number>();
    let n = 0;
    for (const row of t.rows) {
      const x = row.cells.get(col.c);
      if (!x || x.kind !== 'number' || x.dash) continue;
      n++;
      const p = ownPower(x);
      if (p !== undefined) count.set(p, (count.get(p) ?? 0) + 1);
    }
    const [top] = [...count.entries()].sort((x, y) => y[1] - x[1]);
    if (top && top[0] > 0 && top[1] >= 2 && top[1] * 2 > n && count.size > 1) {
      scale.set(col.c, top[0]);
      // the finest step the column's figures in its own unit print (0.001 for "£974.426m")
      let places = 0;
      for (const row of t.rows) {
        const x = row.cells.get(col.c);
        if (x?.kind === 'number' && !x.dash && ownPower(x) === top[0]) places = Math.max(places, x.places);
      }
      finest.set(col.c, new Dec(10).pow(-places));
    }
  }
  if (!scale.size) return t;
  const name = (p: number) => ({ 0: '£', 3: '£k', 6: '£m', 9: '£bn' })[p] ?? `£ × 10^${p}`;
  const rows = t.rows.map((row) => {
    let cells: Map<number, Reading> | undefined;
    for (const [c, x] of row.cells) {
      const to = scale.get(c);
      if (to === undefined || x.kind !== 'number') continue;
      const from = ownPower(x);
      if (from === undefined || from === to) continue;
      const shift = to - from;
      const value = x.value.div(new Dec(10).pow(shift));
      // A figure with a £ and no unit that, scaled, would be less than the finest step the column's other
      // figures print ("£237.5" among "£325.7m" and "£974.426m": 0.0002375 £m) is the column's unit left
      // off, not pounds: read as printed, in the column's unit, with a note (T9-69).
      if (from === 0 && shift > 0 && !x.value.isZero() && value.abs().lt(finest.get(c)!)) {
        cells ??= new Map(row.cells);
        cells.set(c, { ...x, unit: undefined, rescaled: { from: name(from), to: name(to), dropped: true } });
        continue;
      }
      const places = Math.max(0, x.places + shift);
      const u = value.times(new Dec(10).pow(places));
      cells ??= new Map(row.cells);
      cells.set(c, { ...x, value, places, units: u.abs().lte(Number.MAX_SAFE_INTEGER) ? u.toNumber() : undefined, unit: undefined, rescaled: { from: name(from), to: name(to) } });
    }
    return cells ? { ...row, cells } : row;
  });
  return { ...t, rows };
}

export function cellRules(a: Audit): void {
  // A column whose every figure prints its unit inside the cell, no header stating one: that is the
  // column's unit, said once for the column (at its first figure), not once per cell.
  const saidOnce = new Set<number>();
  for (const col of a.t.columns) {
    if (!col.unitsInCells) continue;
    const row = a.t.rows.find((x) => { const v = x.cells.get(col.c); return v?.kind === 'number' && !v.dash; });
    if (!row) continue;
    saidOnce.add(col.c);
    a.note(row, col.c, 'printed.unit-in-cell', `${a.describe(row, col.c)}: every figure of the column prints its unit inside the cell (${col.unitsInCells}), and no header states one: read as the column's unit, ${col.units}`);
  }
  // Figures printed in pence ("27p") or pounds with a stray p ("£1.28p"): one note for the table.
  const pence = a.t.rows.flatMap((row) => [...row.cells].filter(([, x]) => x.kind === 'number' && x.pence).map(([c, x]) => [row, c, x as Num] as const));
  if (pence.length) {
    const [row, c, x] = pence[0];
    const stray = pence.filter(([, , y]) => y.pence === 'stray').map(([, , y]) => y.raw);
    a.note(row, c, 'printed.pence', `${pence.length} figure(s) printed in pence with a "p" (${x.raw} read as £${x.value.toFixed(x.places)}), read in pounds${stray.length ? `; ${stray.join(', ')}: pounds with a stray "p", read as pounds` : ''}`);
  }
  // Figures held in pounds and shown in thousands (or millions) by their number format: one note for the table.
  const held = a.t.rows.flatMap((row) => [...row.cells].filter(([, x]) => x.kind === 'number' && x.formatScaled).map(([c, x]) => [row, c, x as Num] as const));
  if (held.length) {
    const [row, c, x] = held[0];
    const k = formatShows(x.formatScaled!.format)?.thousands ?? 1;
    a.note(row, c, 'printed.format-scaled', `${held.length} figure(s) are held in the workbook as ${k === 1 ? 'pounds' : 'units'} and shown ${k === 1 ? 'in thousands' : k === 2 ? 'in millions' : `divided by 1,000 ${k} times`} by their number format (${x.formatScaled!.format}): read as shown, each rounded as the spreadsheet shows it (${a.where(row, c)} holds ${show(x.formatScaled!.held)}, shown ${x.raw}), so the table is checked as it is printed`);
  }
  // Figures printed with a currency sign other than £ ("$99,388", "$(1,973)"): one note for the table.
  const signed = a.t.rows.flatMap((row) => [...row.cells].filter(([, x]) => x.kind === 'number' && x.currency).map(([c, x]) => [row, c, x] as const));
  if (signed.length) {
    const [row, c, x] = signed[0];
    const rowsWith = [...new Set(signed.map(([r]) => a.rowNumber(r)))];
    a.note(row, c, 'printed.currency-sign', `${a.describe(row, c)}: printed ${(x as { raw: string }).raw}; ${signed.length} figure(s) printed with the currency sign ${(x as { currency: string }).currency} (row(s) ${rowsWith.join(', ')}): read as figures, the sign set aside`);
  }
  // Figures printed with a raised decimal point ("320·89", as Hansard prints them): one note for the table (T10-01).
  const raised = a.t.rows.flatMap((row) => [...row.cells].filter(([, x]) => x.kind === 'number' && x.raisedPoint).map(([c, x]) => [row, c, x] as const));
  if (raised.length) {
    const [row, c, x] = raised[0];
    a.note(row, c, 'printed.raised-point', `${a.describe(row, c)}: printed ${(x as { raw: string }).raw}; ${raised.length} figure(s) printed with a raised decimal point (·), as the Official Report prints it: read as the decimal point`);
  }
  // Cells printing two figures each, read as two columns: one note for the pair (at the amounts' column).
  for (const col of a.t.columns) {
    if (!col.twoFigures || col.percent) continue;
    const row = a.t.rows.find((x) => x.cells.get(col.c)?.kind !== 'blank' && x.cells.has(col.c));
    if (row) a.note(row, col.c, 'printed.two-figures', `${col.caption || `column ${col.c + 1}`}: its cells print an amount and a percentage together (${col.twoFigures}): read as two columns, the amounts and the percentages, each checked as such${a.t.rows.some((x) => [...x.cells.values()].some((y) => y.kind === 'text' && y.alone)) ? '; a cell printing only one of them leaves the other unread (not nil)' : ''}`);
  }
  // A separator printed straight after the £ ("£,1,416.11"; T11-51): read past, each said.
  for (const row of a.t.rows) for (const [c, x] of row.cells) {
    if (x.kind === 'number' && x.straySeparator) a.note(row, c, 'printed.stray-separator', `${a.describe(row, c)}: printed ${x.raw}; the "${x.straySeparator}" after the £ is no part of the figure: read as ${show(x.value)}`);
  }
  for (const row of a.t.rows) {
    for (const [c, x] of row.cells) {
      if (x.kind === 'text' && x.alone) continue;
      if (x.kind === 'text' && a.col(c).percent && NOT_APPLICABLE.test(x.text)) {
        a.note(row, c, 'printed.not-applicable', `${a.describe(row, c)}: printed ${x.text.trim()}, a percentage not applicable (nothing to divide by): not read`);
      } else if (x.kind === 'text' && NOT_AVAILABLE.test(x.text)) {
        // A figure the publisher holds but did not print: nothing can be read, which is no fault of the table.
        a.note(row, c, 'printed.not-available', `${a.describe(row, c)}: printed ${x.text.trim()} (not available): not read, and nothing that depends on it is checked`);
      } else if (x.kind === 'text' && inNoRelation(a, row, c, x)) {
        // Words round a figure ("Over 212,000", the top band's value limit) in a column no check uses and
        // in a row no total adds: nothing depends on the cell, so it is no error (T10-52, Perth & Kinross).
        a.note(row, c, 'printed.words-in-figures', `${a.describe(row, c)}: printed ${x.text.trim()}, words round a figure; no relation the audit reads uses this column or this row, so nothing is left unchecked: not read`);
      } else if (x.kind === 'text') {
        a.findings.push({
          severity: 'error',
          table: a.layout,
          ...a.loc(row, c),
          rule: 'printed.unreadable',
          message: `${a.describe(row, c)}: ${x.reason}; the cell is not read, and nothing that depends on it is checked`,
          printed: x.text,
        });
      } else if (x.kind === 'number' && x.negativeZero) {
        a.findings.push({
          severity: 'note',
          table: a.layout,
          ...a.loc(row, c),
          rule: 'printed.negative-zero',
          message: `${a.describe(row, c)}: printed ${x.raw}, a negative nil (a small negative figure rounded away; legitimate, but readers may ask)`,
          printed: x.raw,
        });
      }
      if (x.kind === 'number' && x.notApplicable) {
        a.note(row, c, 'printed.not-applicable', `${a.describe(row, c)}: printed ${x.raw} (${/^\s*(?:incl|see)/i.test(x.raw) ? 'no separate figure: the amount is inside another' : 'not applicable'}): read as nil where it is a line of a total; not itself checked`);
      }
      if (x.kind === 'number' && x.marker) {
        a.note(row, c, 'printed.footnote-marker', `${a.describe(row, c)}: printed ${x.raw}; read as ${x.value.toFixed()}, the footnote marker ${x.marker} set aside`);
      }
      if (x.kind === 'number' && x.ledgerSign) {
        const how = x.ledgerSign === '-'
          ? 'the minus printed after the figure, as finance systems print a negative figure'
          : x.ledgerSign === 'CR'
            ? 'CR marks a credit: income or an underspend, negative in a table of spending'
            : 'DR marks a debit: spending, positive';
        a.note(row, c, 'printed.ledger-sign', `${a.describe(row, c)}: printed ${x.raw}; read as ${show(x.value)} (${how})`);
      }
      if (x.kind === 'number' && x.rescaled?.dropped) {
        a.note(row, c, 'printed.unit-dropped', `${a.describe(row, c)}: printed ${x.raw} with no unit where the column's other figures print ${x.rescaled.to}; in pounds it would be less than the smallest step they print, so the unit is taken as left off: read as ${x.value.toFixed()} (${x.rescaled.to})`);
      } else if (x.kind === 'number' && x.rescaled) {
        a.note(row, c, 'printed.unit-rescaled', `${a.describe(row, c)}: printed ${x.raw}${x.typed ? ' (a number its cell\'s format shows with £)' : ''}, in ${x.rescaled.from} where the column's other figures print ${x.rescaled.to}; read as ${x.value.toFixed()} (${x.rescaled.to})`);
      }
      if (x.kind === 'number' && x.unit && !saidOnce.has(c) && !x.formatScaled) {
        a.note(row, c, 'printed.unit-in-cell', `${a.describe(row, c)}: printed ${x.raw}; read as ${x.value.toFixed()}, the unit "${x.unit}" ${x.typed ? 'its number format shows' : 'inside the cell'} set aside (the column's units: ${a.units(c) ?? 'not stated'})`);
      }
    }
    if (row.shift !== undefined) {
      const first = [...row.cells.keys()].find((c) => row.cells.get(c)!.kind !== 'blank')!;
      const gap = row.gapAt;
      if (gap !== undefined) {
        const c = gap;
        const x = row.cells.get(c);
        a.note(row, c, 'printed.shifted-row', `${a.describe(row, c)}: ${x?.kind === 'number' ? x.raw : 'the figure'} is printed one cell to the right, after an empty cell, past the last header (a copy left an empty cell in the row); read in the column on its left, where the column's total casts exactly with it`);
      } else a.note(row, first, 'printed.shifted-row', row.compacted
        ? `${row.label}: the row is one cell short, its figures printed one column to the left of their headers (each in the form of the column to its right: ${[...row.cells.values()].filter((x) => x.kind === 'number').map((x) => (x as { raw: string }).raw).join(', ')}), as a copy that lost an empty cell leaves it: read under the headers they belong to`
        : row.shift < 0
        ? `${row.label || 'A row with no label'}: its figures are printed one column to the left of their headers (the first in the label column, the last column empty), as a copy that lost a row's first cell leaves them: read under the headers they belong to`
        : `${row.label || 'A row with no label'}: its figures are printed one column to the right of their headers (the first column of figures empty, the last figure past the last header), as a copy leaves them: read under the headers they belong to`);
    }
    if (row.labelIn !== undefined) {
      a.note(row, row.labelIn, 'printed.label-in-figures', `"${row.label}" is printed in the column of figures ${a.col(row.labelIn).caption || ''} with the label column empty (as a copy from a PDF leaves it): read as the row's label`);
    }
  }
}

/**
 * A cell of words round a figure ("Over 212,000", "Up to 27,000": not an error value, a unit or a
 * formula) in a column of two figures or more that no check used, on a row no total adds or is.
 */
function inNoRelation(a: Audit, row: TableRow, c: number, x: { text: string; error?: boolean }): boolean {
  if (x.error || !/\d/.test(x.text) || !/[a-z]{2}/i.test(x.text) || a.usedCols.has(c)) return false;
  const i = a.t.rows.indexOf(row);
  if (a.blocks.has(i) || [...a.blocks.values()].some((b) => b.members.includes(i))) return false;
  return a.t.rows.filter((r) => r.cells.get(c)?.kind === 'number').length >= 2;
}

/** The columns a layout cannot do without, as the message of a refused --table names them. */
export function requiredRoles(layout: Layout): string {
  switch (layout) {
    case 'revenue':
      return 'revised budget, outturn, and a variance or original budget';
    case 'forecast':
      return 'revised budget, actual to date, the rest of the year, and forecast outturn';
    case 'ledger':
      return 'a ledger total row and a difference row';
    case 'programme':
      return 'approved budget, reprofile, and the programme, without an outturn';
    case 'financing':
      return 'a total financing row and a difference row';
    case 'mtfp':
      return 'budget requirement, funding and budget gap rows';
    case 'scenarios':
      return 'budget gap and gap not funded columns';
    case 'capital':
      return 'revised budget, outturn, and budget remaining or reprofile';
    case 'reserves':
      return 'movements and closing balances';
    case 'auto':
      return 'figures';
  }
}

/** A change written as words and a figure: "Increase £1345.50", "Decrease £59.00", "Up £5", "Down by £10", "+£3", "£4 more"; or none: "Unchanged", "No change". */
const CHANGE_WORDS = /^\s*(increase|decrease|up|down|rise|fall|reduction)\s*(of|by)?\s*(£\s*[\d,]*\.?\d+|[\d,]*\.?\d+)\s*$/i;
const CHANGE_AFTER = /^\s*(£\s*[\d,]*\.?\d+|[\d,]*\.?\d+)\s*(more|less|higher|lower)\s*$/i;
const NO_CHANGE = /^\s*(unchanged|no\s+change|same|nil\s+change)\s*$/i;
const DOWNWARD = /^(decrease|down|fall|reduction|less|lower)$/i;

/**
 * A column of changes written as words (T9-68): small councils state the year-on-year change as a
 * phrase, one per line, in a column with no caption — "Increase £1345.50", "Decrease £59.00",
 * "Unchanged" (Winkleigh's budget proposal). Read as a column of signed figures (decrease, down, less,
 * lower: negative; unchanged, no change: nil), a variance whose basis the lines then show (the later
 * budget less the earlier, learned as for a printed variance column), so one line whose phrase
 * disagrees is an error at its cell. Only a text column (not the labels) of which three cells at least,
 * and every cell but blanks, read so. Returns `t` itself when nothing changes.
 */
export function withChangeWords(t: FoundTable): FoundTable {
  const texts = t.columns.filter((c) => !c.numeric && c.c !== t.labelCol && c.role !== 'label');
  if (!texts.length) return t;
  const read = (s: string): Num | undefined => {
    const w = CHANGE_WORDS.exec(s);
    const after = w ? undefined : CHANGE_AFTER.exec(s);
    if (!w && !after && !NO_CHANGE.test(s)) return undefined;
    const fig = (w ? w[3] : after ? after[1] : '0').replace(/[£,\s]/g, '');
    const down = w ? DOWNWARD.test(w[1]) : after ? DOWNWARD.test(after[2]) : false;
    const places = fig.includes('.') ? fig.split('.')[1].length : 0;
    const value = new Dec(fig).times(down ? -1 : 1);
    return { kind: 'number', value, places, dash: false, percent: false, negativeZero: false, typed: false, raw: s.trim() };
  };
  let out = t;
  for (const col of texts) {
    const cells = t.rows.map((row) => String(t.grid.cells[row.r]?.[col.c] ?? '').trim());
    const filled = cells.filter((s) => s !== '');
    const readings = filled.map(read);
    if (filled.length < 3 || readings.some((x) => x === undefined)) continue;
    const rows = out.rows.map((row, i) => {
      const x = cells[i] ? read(cells[i]) : undefined;
      const m = new Map(row.cells);
      m.set(col.c, x ?? { kind: 'blank' });
      return { ...row, cells: m, empty: row.empty && !x };
    });
    const columns = out.columns.map((c) => (c.c === col.c ? { ...c, numeric: true, role: 'variance' as const, caption: c.caption || 'change (in words)', norm: c.norm || 'change in words' } : c));
    out = { ...out, rows, columns };
  }
  return out;
}

export { twoFigures } from './grid';

/**
 * A column whose cells print an amount and a percentage together (T11-52, T11-58): a change printed
 * "+9.90 (+4.79%)" beside the year's Band D (Uttlesford), "2.99%/£41.05" beside the two years
 * (Waltham Forest) — two readings of one change, which no reader of one figure per cell checks. Read
 * as two columns: the amounts in the column's own place (a column of changes, cast by the totals and
 * learned as a difference like any other), the percentages in a column made past the grid's last
 * (Grid.virtual names the printed cell), whose basis the rows then show (the change over the year
 * before, over the line's own figure or its sub-total's). A cell printing only one of the two leaves
 * the other unread (never nil: the total's change is then not checked). Only a text column (not the
 * labels, or a column of figures some unreadable: "+4.99% (+72.36)") of which two cells at least print
 * both figures and every other cell one figure or none.
 * Returns `t` itself when nothing changes.
 */
export function withTwoFigures(t: FoundTable): FoundTable {
  // a column of text, or one read as figures whose cells are unreadable ("+4.99% (+72.36)" looks like a figure)
  const texts = t.columns.filter((c) => c.c !== t.labelCol && c.role !== 'label' && (!c.numeric || t.rows.some((row) => row.cells.get(c.c)?.kind === 'text')));
  if (!texts.length) return t;
  let out = t;
  const w = width(t.grid);
  for (const col of texts) {
    const cells = t.rows.map((row) => String(t.grid.cells[row.r]?.[col.c] ?? '').trim());
    const read = cells.map((s) => (s ? twoFigures(s) : undefined));
    if (read.some((x, i) => cells[i] && !x) || read.filter((x) => x?.money && x.pct).length < 2) continue;
    const vc = w + col.c;
    const alone = (s: string, which: string): Reading => ({ kind: 'text', text: s, reason: `"${s}" prints the ${which} alone`, alone: true });
    const rows = out.rows.map((row, i) => {
      const x = read[i];
      const m = new Map(row.cells);
      m.set(col.c, x?.money ?? (x ? alone(cells[i], 'percentage') : { kind: 'blank' }));
      m.set(vc, x?.pct ?? (x ? alone(cells[i], 'amount') : { kind: 'blank' }));
      return { ...row, cells: m, empty: row.empty && !x };
    });
    const example = cells[read.findIndex((x) => x?.money && x.pct)];
    const role = roleOf(normalise(col.caption.replace(/%|per\s?cent(age)?/gi, ' ')));
    const money: typeof col = { ...col, numeric: true, percent: false, role: role === 'pct' ? 'money' : role, twoFigures: example };
    const caption = `${col.caption} (the %)`;
    const pct: typeof col = { c: vc, caption, norm: normalise(caption), numeric: true, percent: true, role: 'pct', twoFigures: example };
    const columns = out.columns.flatMap((c) => (c.c === col.c ? [money, pct] : [c]));
    out = { ...out, rows, columns, grid: { ...out.grid, virtual: new Map([...(out.grid.virtual ?? []), [vc, col.c]]) } };
  }
  return out;
}
