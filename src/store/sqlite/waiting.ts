import type Database from 'better-sqlite3';

/**
 * The (type, actor) groups with events waiting for clustering, and the dates of those events. Each batch that
 * leaves events without a cluster appends one row to cluster_waiting (migration 8) in its own transaction: a JSON
 * list of [event, actor, lo, hi, undated, n]. Recluster adds the lists up, and clears them.
 */
export interface Waiting {
  readonly event: string;
  readonly actor: string;
  readonly lo: string | null;
  readonly hi: string | null;
  readonly undated: number;
  readonly n: number;
}

type Listed = [event: string, actor: string, lo: string | null, hi: string | null, undated: number, n: number];

/** A statement marking the groups of the events that `where` selects (SQL over events; run it with its parameters). */
export const prepareMarkWhere = (db: Database.Database, where: string): Database.Statement =>
  db.prepare(`INSERT INTO cluster_waiting (groups) SELECT json_group_array(json_array(event, actor, lo, hi, undated, n))
    FROM (SELECT event, actor, min(date) AS lo, max(date) AS hi, count(*) - count(date) AS undated, count(*) AS n
      FROM events WHERE ${where} GROUP BY event, actor) HAVING count(*) > 0`);

/** The statement that appends one list of groups; WaitingBatch.write runs it. */
export const prepareMark = (db: Database.Database): Database.Statement => db.prepare('INSERT INTO cluster_waiting (groups) VALUES (?)');

/** Adds up the groups of a batch in hand (the import's hot path), then marks them in one row. */
export class WaitingBatch {
  private readonly groups = new Map<string, Listed>();

  add(event: string, actor: string, date: string | null): void {
    const key = `${event}\u0000${actor}`;
    const g = this.groups.get(key);
    if (!g) this.groups.set(key, [event, actor, date, date, date === null ? 1 : 0, 1]);
    else merge(g, date, date, date === null ? 1 : 0, 1);
  }

  /** Mark the groups added, with `mark` from prepareMark. */
  write(mark: Database.Statement): void {
    if (this.groups.size) mark.run(JSON.stringify([...this.groups.values()]));
  }
}

function merge(g: Listed, lo: string | null, hi: string | null, undated: number, n: number): void {
  if (lo !== null && (g[2] === null || lo < g[2])) g[2] = lo;
  if (hi !== null && (g[3] === null || hi > g[3])) g[3] = hi;
  g[4] += undated;
  g[5] += n;
}

/** The groups waiting, or every group (with all its events) for a full run. */
export function waiting(db: Database.Database, all: boolean): Waiting[] {
  if (all) {
    return db.prepare(`SELECT event, actor, min(date) AS lo, max(date) AS hi, count(*) - count(date) AS undated, count(*) AS n
      FROM events GROUP BY event, actor`).all() as Waiting[];
  }
  const groups = new Map<string, Listed>();
  for (const list of db.prepare('SELECT groups FROM cluster_waiting').pluck().all() as string[]) {
    for (const [event, actor, lo, hi, undated, n] of JSON.parse(list) as Listed[]) {
      const key = `${event}\u0000${actor}`;
      const g = groups.get(key);
      if (g) merge(g, lo, hi, undated, n);
      else groups.set(key, [event, actor, lo, hi, undated, n]);
    }
  }
  return [...groups.values()].map(([event, actor, lo, hi, undated, n]) => ({ event, actor, lo, hi, undated, n }));
}

export const clearWaiting = (db: Database.Database): void => void db.exec('DELETE FROM cluster_waiting');

/** SQL counting the events the lists name (an event of a replaced story may be counted until the next clustering). */
export const WAITING = 'SELECT total(value->>5) FROM cluster_waiting, json_each(groups)';

/**
 * SQL counting unclustered events whose group no list names (a check invariant): the groups of each side first, then
 * compared as sets (2 s for a million waiting events, not a look through the lists for each of them).
 */
export const UNLISTED = `WITH listed AS MATERIALIZED (SELECT value->>0 AS event, value->>1 AS actor FROM cluster_waiting, json_each(groups)),
  unclustered AS MATERIALIZED (SELECT event, actor, count(*) AS n FROM events NOT INDEXED WHERE cluster IS NULL GROUP BY event, actor),
  missing AS (SELECT event, actor FROM unclustered EXCEPT SELECT event, actor FROM listed)
  SELECT coalesce(sum(u.n), 0) FROM unclustered u JOIN missing m ON m.event = u.event AND m.actor = u.actor`;
