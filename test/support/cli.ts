// The command line run in-process, its output captured: the runner every CLI test shares.
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';

/** An Io that keeps every line written to stdout and stderr. */
export function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

/** `outturn ...args` through main(): its exit code and what it printed (lines joined by \n). */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = capture();
  const code = await main(['node', 'outturn', ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}
