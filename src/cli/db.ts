import { existsSync } from 'node:fs';
import { dbPath, openStore } from '../store/open.js';
import type { Store } from '../types.js';
import { UsageError } from './io.js';

/** Every command's --db help: the order dbPath() follows. */
export const DB_HELP = 'database file (default: $ENTENTE_DB, else ./entente.db)';

/**
 * Open the store a command reads or maintains. Only ingest, import and serve create a store: for the others a
 * mistyped --db is a usage error, not a new empty store that answers "nothing" or "ok".
 */
export function openExisting(flag: string | undefined): Store {
  const path = dbPath(flag);
  if (!existsSync(path)) throw new UsageError(`no store at ${path}: ingest stories or import a dataset first (entente ingest FILE, entente import --format F FILE), or give --db`);
  return openStore(path);
}
