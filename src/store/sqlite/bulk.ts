import type Database from 'better-sqlite3';

/**
 * Secondary indexes that may be dropped and built again later. A large import drops those that every imported row
 * lands in and builds them once at the end: SQLite sorts a whole column faster than it inserts a million keys one
 * by one (on a million GDELT rows, about 4 s to build against 11–15 s to maintain). Clustering a large batch drops
 * and rebuilds those that its update of the cluster column would otherwise move entry by entry. Their definitions
 * are those of migrations 1, 2 and 9.
 */
const DEFERRABLE: Readonly<Record<string, string>> = {
  events_dyad: 'events (actor, recipient, date, event, quad, scale, certainty, cluster, precision, compound)',
  events_recipient: 'events (recipient, date)',
  events_group: 'events (actor, event, date)',
  events_cluster: 'events (cluster) WHERE cluster IS NOT NULL',
};

/** Below this many rows, keeping the indexes up to date row by row costs little. */
const BULK_MIN_ROWS = 50_000;

/** Whether an import of about `rows` rows into a store of `stored` events is better done with deferred indexes. */
export const worthDeferring = (rows: number, stored: number): boolean => rows >= BULK_MIN_ROWS && rows >= stored;

/** The indexes an imported row lands in (not events_cluster: imported rows come without a cluster). */
export const LANDING = ['events_dyad', 'events_recipient', 'events_group'];

/**
 * The indexes queries use, built after a bulk load and on opening a store whose bulk load was killed. The group
 * index serves clustering only: clustering builds it when it next runs (src/store/sqlite/recluster.ts).
 */
export const QUERIED = ['events_dyad', 'events_recipient', 'events_cluster'];

/** Drop the deferrable indexes named, in one transaction. Queries stay correct while they are missing, only slower. */
export function dropDeferrable(db: Database.Database, names: readonly string[]): void {
  db.transaction(() => {
    for (const name of names) db.exec(`DROP INDEX IF EXISTS ${name}`);
  })();
}

/** Build those of the named indexes that are missing. */
export function buildMissing(db: Database.Database, names: readonly string[]): void {
  const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[]);
  const missing = names.filter((name) => !present.has(name));
  if (missing.length) {
    db.transaction(() => {
      for (const name of missing) db.exec(`CREATE INDEX ${name} ON ${DEFERRABLE[name]}`);
    })();
  }
}
