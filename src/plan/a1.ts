// Moved to src/base/a1.ts (issue #9: the ground floor). This re-export keeps branches begun
// before the move compiling; import from '../base/a1'. Remove it next session.
export * from '../base/a1';
