// Whether a file Outturn is about to write over is one it made: an output the user made is never
// replaced without --force (README), and the file being read is never written over at all.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidInput } from '../format/errors';

/** Written into the head of every HTML page Outturn makes (publish, the audit's findings page). */
export const GENERATOR = '<meta name="generator" content="Outturn">';

/** An HTML page Outturn wrote: the generator meta in its first 4 KB. */
export const isOutturnPage = (data: Buffer): boolean => data.toString('utf8', 0, 4096).includes(GENERATOR);

/**
 * Refuses (InvalidInput, naming `output` as given) to write `output` over `input`, or over an
 * existing page Outturn did not make unless `force`.
 */
export function checkPageOutput(output: string, input: string, force: boolean | undefined): void {
  if (resolve(output) === resolve(input)) throw new InvalidInput([{ where: output, message: 'is the file being audited; the findings page would overwrite it (choose another name)' }]);
  if (existsSync(output) && !force && !isOutturnPage(readFileSync(output))) {
    throw new InvalidInput([{ where: output, message: 'exists and was not made by Outturn; it is left alone (choose another name, or --force)' }]);
  }
}
