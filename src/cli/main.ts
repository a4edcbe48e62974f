// The headless command line: `outturn build …` and `outturn audit …`.
import { Command, CommanderError } from 'commander';
import { registerAudit } from './audit';
import { registerBuild } from './build';
import { registerPublish } from './publish';
import { registerTemplate } from './template';
import { EXIT, type Io, processIo } from './io';

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.OK;
  const program = new Command();
  program
    .name('outturn')
    .description('Statutory finance tables of a police and crime commissioner, exact to the penny')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  registerBuild(program, io, (c) => { code = c; });
  registerTemplate(program, io, (c) => { code = c; });
  registerAudit(program, io, (c) => { code = c; });
  registerPublish(program, io, (c) => { code = c; });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors are invalid input.
      return e.exitCode === 0 ? EXIT.OK : EXIT.INVALID;
    }
    throw e;
  }
  return code;
}

if (require.main === module) {
  main(process.argv).then((code) => { process.exitCode = code; }, (e) => {
    process.stderr.write(`outturn: internal error (a fault in Outturn, not in your input: please report it): ${(e as Error).stack ?? e}\n`);
    process.exitCode = EXIT.INTERNAL;
  });
}
