import type Database from 'better-sqlite3';

/**
 * The secondary indexes that every imported row lands in. A large import drops them and builds them once at the
 * end: SQLite sorts a whole column faster than it inserts a million keys one by one (on a million GDELT rows,
 * about 4 s to build against 11–15 s to maintain). Their definitions are those of migration 2.
 */
const DEFERRABLE: Readonly<Record<string, string>> = {
  events_dyad: 'events (actor, recipient, date, event, quad, scale, certainty, cluster, precision, compound)',
  events_recipient: 'events (recipient, date)',
};

/** Below this many rows, keeping the indexes up to date row by row costs little. */
const BULK_MIN_ROWS = 50_000;

/** Whether an import of about `rows` rows into a store of `stored` events is better done with deferred indexes. */
export const worthDeferring = (rows: number, stored: number): boolean => rows >= BULK_MIN_ROWS && rows >= stored;

/** Drop the deferrable indexes (one transaction). Queries stay correct while they are missing, only slower. */
export function dropDeferrable(db: Database.Database): void {
  db.transaction(() => {
    for (const name of Object.keys(DEFERRABLE)) db.exec(`DROP INDEX IF EXISTS ${name}`);
  })();
}

/**
 * Build the deferrable indexes that are missing: after a bulk load, or on opening a store whose bulk load was
 * killed before it could build them.
 */
export function buildMissing(db: Database.Database): void {
  const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[]);
  const missing = Object.keys(DEFERRABLE).filter((name) => !present.has(name));
  if (missing.length) {
    db.transaction(() => {
      for (const name of missing) db.exec(`CREATE INDEX ${name} ON ${DEFERRABLE[name]}`);
    })();
  }
}
