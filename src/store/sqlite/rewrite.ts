import type Database from 'better-sqlite3';
import { summarise } from '../../dedupe/index.js';
import { hostOf } from '../../pipeline/normalize/host.js';
import type { ClusterInput } from '../../types.js';
import { buildMissing, dropDeferrable } from './bulk.js';

/** A stored report with its current cluster and that cluster's size (null: not clustered yet). */
export type Row = ClusterInput & { readonly cluster: number | null; readonly mentions: number | null; readonly first_date: string | null };

/**
 * The report columns the rule reads, with its outlet and the day it was seen. The outlet is the story's outlet or an
 * imported row's publisher, else the host of the story's or row's URL, else the story's id or the dataset's name.
 * The day seen is the story's publication or the day an imported row's report was published, null when neither is
 * known (the day of an import says nothing about when the world saw a report).
 */
export const COLUMNS = `e.id AS rowid, e.event, e.actor, e.recipient, e.date, e.enddate, e.precision, e.place_country, e.lat, e.lon, e.dead,
  e.cluster, c.mentions, c.first_date,
  COALESCE(s.outlet, e.outlet) AS outlet, COALESCE(s.published, e.published) AS seen,
  COALESCE(s.url, e.url) AS url, COALESCE(s.story_id, i.dataset) AS fallback`;
export const SOURCES = 'LEFT JOIN clusters c ON c.id = e.cluster LEFT JOIN stories s ON s.id = e.story LEFT JOIN imports i ON i.id = e.import';

/** A row of COLUMNS read as an array (raw reads of a million rows cost half as much as reading objects). */
export const toRow = (a: readonly unknown[]): Row => ({
  rowid: a[0], event: a[1], actor: a[2], recipient: a[3], date: a[4], enddate: a[5], precision: a[6], place_country: a[7],
  lat: a[8], lon: a[9], dead: a[10], cluster: a[11], mentions: a[12], first_date: a[13],
  outlet: a[14] ?? hostOf(a[16] as string | null) ?? a[17], seen: a[15],
}) as Row;

/** From this many reassigned events on, the indexes holding the cluster column are rebuilt rather than updated. */
const REBUILD_FROM = 50_000;
/** Indexes that hold the cluster column. events_cluster also serves the foreign key: it stays while clusters are deleted. */
const HOLDING_CLUSTER = ['events_dyad', 'events_cluster'];

/**
 * Writes the clusters that differ from the stored ones (every cluster, when `renew`); members' new clusters are set
 * in one pass at the end.
 */
export class Rewrite {
  private readonly insert;
  private readonly drop;
  private readonly assign;
  private readonly dirty = new Set<string>();
  /** Clusters written so far, and the reports they hold. */
  clusters = 0;
  events = 0;
  /** With `renew`, the clusters stored before are deleted at the end, once no event refers to them. */
  private readonly lastOld: number | null;

  constructor(private readonly db: Database.Database, renew: boolean) {
    this.lastOld = renew ? Number(db.prepare('SELECT coalesce(max(id), 0) FROM clusters').pluck().get()) : null;
    db.exec('DROP TABLE IF EXISTS temp.cluster_assign; CREATE TEMP TABLE cluster_assign (event INTEGER PRIMARY KEY, cluster INTEGER NOT NULL)');
    this.insert = db.prepare(`INSERT INTO clusters (event, actor, recipient, date, first_date, last_date, mentions, outlets, first_seen, last_seen, dead, dead_min, dead_max, place_country)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.drop = db.prepare('DELETE FROM clusters WHERE id = ?');
    this.assign = db.prepare('INSERT OR REPLACE INTO temp.cluster_assign (event, cluster) VALUES (?, ?)');
  }

  /** A complete cluster of a run: kept if it is a stored cluster whole, else written anew. */
  write(members: readonly Row[]): void {
    const id = members[0]!.cluster;
    if (this.lastOld === null) {
      if (id !== null && members[0]!.mentions === members.length && members.every((m) => m.cluster === id)) return;
      for (const old of new Set(members.map((m) => m.cluster))) if (old !== null) this.drop.run(old);
    }
    const c = summarise(0, members);
    const created = Number(this.insert.run(c.event, c.actor, c.recipient, c.date, c.first_date, c.last_date, c.mentions, JSON.stringify(c.outlets),
      c.first_seen, c.last_seen, c.dead, c.dead_min, c.dead_max, c.place_country).lastInsertRowid);
    for (const m of members) {
      this.assign.run(m.rowid, created);
      this.dirty.add(`${m.actor}\u0000${m.recipient}`);
    }
    this.clusters++;
    this.events += members.length;
  }

  /** Set the members' clusters, and build the indexes holding the cluster column that are missing (dropped here or before). */
  finish(): { clusters: number; events: number } {
    if (this.events >= REBUILD_FROM) dropDeferrable(this.db, HOLDING_CLUSTER);
    this.db.exec(`UPDATE events SET cluster = (SELECT a.cluster FROM temp.cluster_assign a WHERE a.event = events.id)
      WHERE id IN (SELECT event FROM temp.cluster_assign)`);
    buildMissing(this.db, HOLDING_CLUSTER);
    if (this.lastOld !== null) this.db.prepare('DELETE FROM clusters WHERE id <= ?').run(this.lastOld);
    this.db.exec('DROP TABLE temp.cluster_assign');
    // Distinct-event counts in the monthly sums change with the clusters.
    const mark = this.db.prepare('INSERT OR IGNORE INTO tally_dirty (actor, recipient) VALUES (?, ?)');
    for (const d of this.dirty) mark.run(...(d.split('\u0000') as [string, string]));
    return { clusters: this.clusters, events: this.events };
  }
}
