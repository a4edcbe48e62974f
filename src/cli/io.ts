// What a command needs from the outside world, so commands can be tested without a process.
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/**
 * Writes to a standard stream until the reader goes away. `outturn … | head -1` closes the pipe
 * after one line: the next write fails with EPIPE, asynchronously, as an 'error' event that would
 * otherwise end the process with a stack trace and exit 1 (../shared/bug-cases/08, nodejs/node#947).
 * A closed stream ends output quietly; the command's own exit code stands.
 */
function writer(stream: NodeJS.WriteStream): (line: string) => void {
  let closed = false;
  let guarded = false;
  return (line) => {
    if (!guarded) {
      guarded = true;
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') {
          closed = true;
          return;
        }
        throw e;
      });
    }
    if (closed || stream.destroyed) return;
    try {
      stream.write(`${line}\n`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EPIPE') throw e;
      closed = true;
    }
  };
}

export const processIo: Io = {
  out: writer(process.stdout),
  err: writer(process.stderr),
};

/**
 * Exit codes. The SPEC's: 0 done and nothing above a note; 1 a check found an error or warning;
 * 2 unreadable or invalid input. Ours: 3 an internal error (a fault of Outturn, not of the input;
 * nothing is written).
 */
export const EXIT = { OK: 0, FINDINGS: 1, INVALID: 2, INTERNAL: 3 } as const;
