import { SqliteStore } from './sqlite/index.js';
import type { Store } from '../types.js';

/** The database file: --db, else ENTENTE_DB, else ./entente.db. */
export function dbPath(flag?: string): string {
  return flag ?? process.env.ENTENTE_DB ?? './entente.db';
}

/**
 * Open the store. ENTENTE_MAX_MB caps the database file's size: writes past it fail cleanly (SQLITE_FULL) and
 * everything committed before stays. It is also how tests simulate a full disk.
 */
export function openStore(path: string, opts: { readonly readonly?: boolean } = {}): Store {
  const maxMb = process.env.ENTENTE_MAX_MB ? Number(process.env.ENTENTE_MAX_MB) : undefined;
  return new SqliteStore(path, { ...(maxMb ? { maxMb } : {}), ...(opts.readonly ? { readonly: true } : {}) });
}
