import type Database from 'better-sqlite3';

/**
 * The (type, actor) groups with events waiting for clustering (cluster_dirty, migration 7), and the dates of those
 * events. Writers mark them in the transaction that leaves the events without a cluster; recluster reads and clears.
 */
export interface Waiting {
  readonly event: string;
  readonly actor: string;
  readonly lo: string | null;
  readonly hi: string | null;
  readonly undated: number;
  readonly n: number;
}

const UPSERT = `ON CONFLICT (event, actor) DO UPDATE SET
  lo = coalesce(min(lo, excluded.lo), lo, excluded.lo), hi = coalesce(max(hi, excluded.hi), hi, excluded.hi),
  undated = undated + excluded.undated, n = n + excluded.n`;

/** Mark the groups of the events that `where` selects (SQL over events, with its parameters). */
export function markWaiting(db: Database.Database, where: string, ...params: unknown[]): void {
  db.prepare(`INSERT INTO cluster_dirty (event, actor, lo, hi, undated, n)
    SELECT event, actor, min(date), max(date), count(*) - count(date), count(*) FROM events WHERE ${where}
    GROUP BY event, actor ${UPSERT}`).run(...params);
}

/** The statement that marks one group with given dates; WaitingBatch.write runs it. */
export const prepareMark = (db: Database.Database): Database.Statement =>
  db.prepare(`INSERT INTO cluster_dirty (event, actor, lo, hi, undated, n) VALUES (?, ?, ?, ?, ?, ?) ${UPSERT}`);

/** Marks groups from values in hand: the import's hot path adds up a batch's groups first. */
export class WaitingBatch {
  private readonly groups = new Map<string, { lo: string | null; hi: string | null; undated: number; n: number }>();

  add(event: string, actor: string, date: string | null): void {
    const key = `${event}\u0000${actor}`;
    const g = this.groups.get(key);
    if (!g) this.groups.set(key, { lo: date, hi: date, undated: date === null ? 1 : 0, n: 1 });
    else {
      g.n++;
      if (date === null) g.undated++;
      else {
        if (g.lo === null || date < g.lo) g.lo = date;
        if (g.hi === null || date > g.hi) g.hi = date;
      }
    }
  }

  /** Mark the groups added, with `mark` from prepareMark. */
  write(mark: Database.Statement): void {
    for (const [key, g] of this.groups) mark.run(...key.split('\u0000'), g.lo, g.hi, g.undated, g.n);
  }
}

/** The groups waiting, or every group (with all its events) for a full run. */
export function waiting(db: Database.Database, all: boolean): Waiting[] {
  if (all) {
    return db.prepare(`SELECT event, actor, min(date) AS lo, max(date) AS hi, count(*) - count(date) AS undated, count(*) AS n
      FROM events GROUP BY event, actor`).all() as Waiting[];
  }
  return db.prepare('SELECT event, actor, lo, hi, undated, n FROM cluster_dirty').all() as Waiting[];
}

export const clearWaiting = (db: Database.Database): void => void db.exec('DELETE FROM cluster_dirty');
