import { once } from 'node:events';
import { Command, CommanderError } from 'commander';
import { registerCode } from './commands/code.js';
import { registerEval } from './commands/eval.js';
import { registerIngest } from './commands/ingest.js';
import { registerImport } from './commands/import.js';
import { registerExport } from './commands/export.js';
import { registerQuery } from './commands/query.js';
import { registerAdmin } from './commands/admin.js';
import { registerServe } from './commands/serve.js';
import { registerAnalysis } from './commands/analysis.js';
import { collect, UsageError, type Io } from './io.js';
import { UserFileError } from '../model/user-files.js';
import { RuleError } from '../model/rules.js';

const io: Io = {
  out: (s) => (process.stdout.write(s) ? undefined : once(process.stdout, 'drain').then(() => undefined)),
  err: (s) => void process.stderr.write(s),
  stdoutIsTTY: process.stdout.isTTY === true,
};

// A reader that stops early ("| head") is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

/** Exit codes: 0 ok, 1 some input failed, 2 usage error. */
export async function main(argv: readonly string[]): Promise<number> {
  let code = 0;
  const program = new Command('entente')
    .description('Entente: sourced PLOVER events from news text')
    .version(process.env.npm_package_version ?? '0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => io.err(s), writeOut: (s) => void io.out(s) });
  const done = (c: number): void => {
    code = c;
  };
  registerCode(program, io, done);
  registerEval(program, io, done);
  registerIngest(program, io, done);
  registerImport(program, io, done);
  registerExport(program, io, done);
  registerQuery(program, io, done);
  registerAdmin(program, io, done, collect);
  registerServe(program, io, done);
  registerAnalysis(program, io, done);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError || err instanceof UserFileError || err instanceof RuleError) {
      io.err(`entente: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  return code;
}
