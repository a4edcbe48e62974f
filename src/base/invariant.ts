// "Cannot happen": a broken promise inside Outturn, never a fault of the input. An InternalError
// says so in words ("internal error: …, please report it"), and the command line exits with its
// own code (EXIT.INTERNAL, 3), so a finance officer is never told to fix an input that is fine.

/** A fault of Outturn itself: a condition the code relies on did not hold. */
export class InternalError extends Error {
  constructor(message: string) {
    super(`internal error: ${message} (this is a fault in Outturn, not in your input: please report it)`);
    this.name = 'InternalError';
  }
}

/** Throws an InternalError with `message` unless `condition` holds. */
export function invariant(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new InternalError(typeof message === 'function' ? message() : message);
}
