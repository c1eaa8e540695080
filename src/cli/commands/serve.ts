import type { Command } from 'commander';
import { ServeError, startServer } from '../../api/serve.js';
import { dbPath } from '../../store/open.js';
import { DB_HELP } from '../db.js';
import { UsageError, type Io } from '../io.js';

interface ServeFlags {
  port?: string;
  db?: string;
  host?: string;
  seed?: boolean;
}

/** Serve until SIGINT or SIGTERM, then close the listener and the store. */
export async function runServe(flags: ServeFlags, io: Io): Promise<number> {
  const port = Number(flags.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${flags.port}"`);
  const token = process.env.ENTENTE_TOKEN?.trim() || undefined;
  let running;
  try {
    running = await startServer({
      port, db: dbPath(flags.db), ...(token ? { token } : {}), ...(flags.host ? { host: flags.host } : {}),
      seed: flags.seed !== false, log: (line) => io.err(`entente: ${line}\n`),
    });
  } catch (err) {
    if (err instanceof ServeError) throw new UsageError(err.message);
    throw err;
  }
  const server = running;
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.err('entente: stopping\n');
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

export function registerServe(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('serve')
    .description('serve the JSON API (/api) and the dashboard; an empty store first gets the bundled seed article')
    .option('--port <n>', 'port to listen on (default 8080, or $PORT)')
    .option('--db <file>', DB_HELP)
    .option('--host <address>', 'with ENTENTE_TOKEN set: address to listen on (default 0.0.0.0); without a token always 127.0.0.1')
    .option('--no-seed', 'leave an empty store empty')
    .action(async (flags: ServeFlags) => done(await runServe(flags, io)));
}
