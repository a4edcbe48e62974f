// The arithmetic the audit redoes, one module per kind of rule (this file gathers them):
// kinds.ts (how a row is read), context.ts (the Audit a rule writes findings into), casting.ts (blocks
// that end in a total), percent.ts, statutory.ts (Tables 1, 1a, 2), forecasting.ts (1b, 2a, 2b, 3b,
// 3c), reserves.ts (Table 3), generic.ts (any other table), cells.ts (single cells).
export { type Kind, classify } from './kinds';
export { Audit } from './context';
export { castBlocks } from './casting';
export { checkPercent } from './percent';
export { capitalRules, forecastRules, revenueRules } from './statutory';
export { financingRules, ledgerRules, mtfpRules, programmeRules, scenariosRules } from './forecasting';
export { reserveYears, reservesRules } from './reserves';
export { genericRules } from './generic';
export { cellRules, requiredRoles } from './cells';
