/**
 * Monthly sums of imported single-dyad events (month_tallies): what lets timelines and partnership tests answer on
 * stores of tens of millions of events. Imported events have no certainty (the column is NULL) and one dyad, so a
 * month's sum says all the analytics need about them; an imported PLOVER record's end date is not kept in the sums,
 * which count an event on its first day, as timelines count every act. Writers mark dyads dirty; refresh rebuilds them.
 */
import type Database from 'better-sqlite3';

/** Imported single-dyad dated events, in terms the covering dyad index answers without the table. */
export const IMPORTED_SIMPLE = "certainty IS NULL AND compound = 0 AND date IS NOT NULL AND precision NOT IN ('publication', 'unresolved')";

export interface MonthRow {
  readonly actor: string;
  readonly recipient: string;
  readonly month: string;
  readonly event: string;
  readonly quad: number;
  readonly count: number;
  readonly scale_sum: number;
  readonly heads: number;
}

/** Rebuild the sums of every dirty dyad; returns how many dyads were rebuilt. */
export function refreshTallies(db: Database.Database): number {
  const dirty = db.prepare('SELECT actor, recipient FROM tally_dirty').all() as { actor: string; recipient: string }[];
  if (dirty.length === 0) return 0;
  const drop = db.prepare('DELETE FROM month_tallies WHERE actor = ? AND recipient = ?');
  const fill = db.prepare(`INSERT INTO month_tallies (actor, recipient, month, event, quad, count, scale_sum, heads)
    SELECT actor, recipient, substr(date, 1, 7), event, quad, count(*), total(scale), count(DISTINCT cluster) + total(cluster IS NULL)
    FROM events WHERE actor = ? AND recipient = ? AND ${IMPORTED_SIMPLE} GROUP BY substr(date, 1, 7), event, quad`);
  const clean = db.prepare('DELETE FROM tally_dirty WHERE actor = ? AND recipient = ?');
  db.transaction(() => {
    for (const d of dirty) {
      drop.run(d.actor, d.recipient);
      fill.run(d.actor, d.recipient);
      clean.run(d.actor, d.recipient);
    }
  })();
  return dirty.length;
}

/** Whether the sums are current. */
export const talliesFresh = (db: Database.Database): boolean => db.prepare('SELECT 1 FROM tally_dirty LIMIT 1').get() === undefined;

/** Month sums for whole months [fromMonth, toMonth] under a role clause on actor/recipient (bound in `params`). */
export function monthRows(db: Database.Database, roles: string, params: Record<string, unknown>, fromMonth: string, toMonth: string, extra: string): MonthRow[] {
  return db.prepare(`SELECT actor, recipient, month, event, quad, count, scale_sum, heads FROM month_tallies
    WHERE (${roles}) AND month >= @fromMonth AND month <= @toMonth${extra}`).all({ ...params, fromMonth, toMonth }) as MonthRow[];
}
