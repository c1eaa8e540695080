import { once } from 'node:events';
import { Command, CommanderError } from 'commander';
import { StoreError } from '../store/errors.js';
import { collect, Failure, UsageError, type Io } from './io.js';

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

type Register = (program: Command, io: Io, done: (code: number) => void) => void;

/** Each command module, loaded only when its command runs (or for --help): start-up stays short. */
const MODULES: Readonly<Record<string, () => Promise<Register>>> = {
  code: async () => (await import('./commands/code.js')).registerCode,
  eval: async () => (await import('./commands/eval.js')).registerEval,
  ingest: async () => (await import('./commands/ingest.js')).registerIngest,
  import: async () => (await import('./commands/import.js')).registerImport,
  export: async () => (await import('./commands/export.js')).registerExport,
  query: async () => (await import('./commands/query.js')).registerQuery,
  admin: async () => {
    const { registerAdmin } = await import('./commands/admin.js');
    return (program, io, done) => registerAdmin(program, io, done, collect);
  },
  analysis: async () => (await import('./commands/analysis.js')).registerAnalysis,
  serve: async () => (await import('./commands/serve.js')).registerServe,
};

const MODULE_OF: Readonly<Record<string, string>> = {
  code: 'code', eval: 'eval', ingest: 'ingest', import: 'import', export: 'export', events: 'query', search: 'query',
  stats: 'admin', check: 'admin', cluster: 'admin', backup: 'admin', recode: 'admin',
  dyad: 'analysis', crises: 'analysis', test: 'analysis', gap: 'analysis', compare: 'analysis', network: 'analysis',
  serve: 'serve',
};

/** Errors in what the user gave (flags, actor and rule files): one line, exit code 2. */
async function isUsageError(err: unknown): Promise<boolean> {
  if (err instanceof UsageError) return true;
  const [{ UserFileError }, { RuleError }] = await Promise.all([import('../model/user-files.js'), import('../model/rules.js')]);
  return err instanceof UserFileError || err instanceof RuleError;
}

/** SQLite found the store damaged while reading it (opening it is a StoreError). */
const isDamage = (err: unknown): boolean => ['SQLITE_CORRUPT', 'SQLITE_NOTADB'].includes((err as { code?: string }).code ?? '');

/** Exit codes: 0 ok, 1 some input failed or the store or a file could not be used, 2 usage error. */
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
  const name = argv.find((a) => !a.startsWith('-'));
  const wanted = name && MODULE_OF[name] ? [MODULE_OF[name]] : Object.keys(MODULES);
  for (const register of await Promise.all(wanted.map((m) => MODULES[m]!()))) register(program, io, done);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof Error && (await isUsageError(err))) {
      io.err(`entente: ${err.message}\n`);
      return 2;
    }
    if (err instanceof StoreError || err instanceof Failure) {
      io.err(`entente: ${err.message}\n`);
      return 1;
    }
    if (isDamage(err)) {
      io.err(`entente: the store is damaged (${(err as Error).message}): entente check names the damage\n`);
      return 1;
    }
    throw err;
  }
  return code;
}
