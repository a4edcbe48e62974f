// What a command needs from the outside world, so commands can be tested without a process.
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Exit codes of the SPEC: 0 done and nothing above a note; 1 a check found an error or warning; 2 unreadable or invalid input. */
export const EXIT = { OK: 0, FINDINGS: 1, INVALID: 2 } as const;
