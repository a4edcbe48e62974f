// Budget changes between two budget columns: "Reported Budget Month 9 | IFRS Changes | New Schemes |
// Variations, Slippages & Reprofiles | Reported Budget Month 12" (a capital or revenue monitoring
// summary), "Original Budget | Virements | Revised Budget": the later budget is the earlier one plus
// the changes printed between them, a roll-forward across the columns. Learned from the rows (the
// arithmetic, never the words): then the columns between are changes, not variances of the outturn.
import { ZERO } from '../base/decimal';
import { type At, type Audit, rowsOf } from './context';
import type { Column, FoundTable } from './detect';

const BUDGET = new Set<Column['role']>(['original', 'revised']);
/** Roles a column of changes may have been read as: a difference (variance, reprofile, remaining, virement) or plain money. */
const CHANGE = new Set<Column['role']>(['money', 'variance', 'reprofile', 'remaining', 'virement']);

/** A caption naming changes to a budget: "In Year Budget Changes", "Budget adjustments", "Virements", "Movements". */
const NAMES_CHANGES = /\bchanges?\b|\badjustments?\b|\bmovements?\b|\bamendments?\b|\bvirements?\b/;

export interface BudgetRoll {
  /** the earlier and the later budget column, and the columns of changes between them (grid columns) */
  from: number;
  to: number;
  changes: number[];
  /** rows with a change that is not nil whose figures agree exactly */
  agree: number;
}

/**
 * Runs of columns between two budget columns that the later one is the sum of (earlier + changes), on
 * every row that prints a change that is not nil but at most one (a wrong figure), two such rows at
 * least and more agreeing than not. Nearest pairs first; a column is in one run at most.
 */
export function findBudgetRolls(a: Audit): BudgetRoll[] {
  const t = a.t;
  const money = t.columns.filter((c) => c.numeric && !c.percent);
  const body = rowsOf(a, 'line', 'subtotal', 'total');
  const rolls: BudgetRoll[] = [];
  const used = new Set<number>();
  // A column headed as changes to a budget ("In Year Budget Changes", "Budget adjustments") is a change,
  // not a budget, whatever else its caption says.
  const budget = (c: Column) => BUDGET.has(c.role) && !NAMES_CHANGES.test(c.norm);
  const change = (c: Column) => CHANGE.has(c.role) || NAMES_CHANGES.test(c.norm);
  for (let y = 0; y < money.length; y++) {
    if (!budget(money[y])) continue;
    for (let x = y - 2; x >= 0; x--) {
      if (!budget(money[x])) continue;
      const between = money.slice(x + 1, y);
      if (!between.every((c) => change(c) && !used.has(c.c))) break;
      let agree = 0;
      let informative = 0;
      // Columns headed as changes: a row printing no change ("-") where the two budgets agree shows the
      // roll too (an unchanged budget), once a row that changes agrees.
      const named = between.some((c) => NAMES_CHANGES.test(c.norm));
      let unchanged = 0;
      for (const i of body) {
        const row = t.rows[i];
        const later = a.num(row, money[y].c);
        const earlier = a.num(row, money[x].c);
        if (!later || !earlier) continue;
        let sum = earlier.value;
        let moved = false;
        let readable = true;
        for (const c of between) {
          const v = a.value(row, c.c);
          if (v === undefined) readable = false;
          else if (!v.isZero()) moved = true;
          sum = sum.plus(v ?? ZERO);
        }
        if (readable && !moved && named && !later.value.isZero() && sum.eq(later.value)) unchanged++;
        if (!readable || !moved) continue;
        informative++;
        if (sum.eq(later.value)) agree++;
      }
      if (agree >= 1 && agree + unchanged >= 2 && informative - agree <= 1 && (agree + unchanged) * 2 > informative) {
        agree += unchanged;
        informative += unchanged;
      }
      if (agree >= 2 && informative - agree <= 1 && agree * 2 > informative) {
        rolls.push({ from: money[x].c, to: money[y].c, changes: between.map((c) => c.c), agree });
        for (const c of between) used.add(c.c);
      }
      break;
    }
  }
  return rolls;
}

/** The table with the columns of budget changes read as plain money (not variances of the outturn). */
export function withChangesAsMoney(t: FoundTable, rolls: BudgetRoll[]): FoundTable {
  const changes = new Set(rolls.flatMap((r) => r.changes));
  if (!rolls.length) return t;
  return { ...t, columns: t.columns.map((c) => (changes.has(c.c) && c.role !== 'money' ? { ...c, role: 'money' } : c)) };
}

/** Checks each budget roll on every row: earlier budget + the changes = later budget (a roll-forward across the columns). */
export function checkBudgetRolls(a: Audit, rolls: BudgetRoll[], rule: string): void {
  const rows = a.t.rows;
  const caption = (c: number) => a.col(c).caption || `column ${c + 1}`;
  for (const r of rolls) {
    const what = `${[r.from, ...r.changes].map(caption).join(' + ')} (the budget and the changes between, ${r.agree} row(s) agree) is`;
    for (const i of rowsOf(a, 'line', 'subtotal', 'total')) {
      const row = rows[i];
      if (!a.num(row, r.to) || !a.num(row, r.from)) continue;
      let sum = a.num(row, r.from)!.value;
      let readable = true;
      for (const c of r.changes) {
        const v = a.value(row, c);
        if (v === undefined) readable = false;
        else sum = sum.plus(v);
      }
      if (!readable) continue;
      a.check(row, r.to, sum, [[row, r.from], ...r.changes.map((c): At => [row, c])], rule, what);
    }
  }
}
