// Moved to src/base/decimal.ts (issue #9: the ground floor). This re-export keeps branches begun
// before the move compiling; import from '../base/decimal'. Remove it next session.
export * from '../base/decimal';
