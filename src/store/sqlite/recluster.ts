import type Database from 'better-sqlite3';
import { GroupedRuns, GroupRun, isOpen, REACH } from '../../dedupe/index.js';
import { isoDay, toDay } from '../../dedupe/span.js';
import { buildMissing } from './bulk.js';
import { COLUMNS, Rewrite, SOURCES, toRow, type Row } from './rewrite.js';
import type { ClusterProgress } from '../../types.js';
import { clearWaiting, waiting, type Waiting } from './waiting.js';

/**
 * From this many waiting reports on, or a quarter of the store, the touched groups are read whole, in one sorted pass
 * over the table: cheaper then than a few queries per group.
 */
const SWEEP_FROM = 50_000;
/** Pages of the rest of a group grow from FIRST_PAGE to MAX_PAGE rows: a resumed run usually converges within days. */
const FIRST_PAGE = 64;
const MAX_PAGE = 8192;

/**
 * Bring the clusters up to date with the events waiting for one (src/store/sqlite/waiting.ts; all events for 'all').
 * The rule reads each (type, actor) group in date order, so a new report can only change clusters from its own date
 * on. For each group with new reports, the run resumes from the clusters open on the earliest new report's day, and
 * stops as soon as its open clusters are again those stored, after the last new report: from there on, the stored
 * clusters are what a full run would give. Only clusters that differ are rewritten. A large batch, or one that is a
 * quarter of the store, runs its groups whole instead (`how` forces either way, for tests).
 */
export function recluster(db: Database.Database, scope: 'all' | 'new', how: 'auto' | 'sweep' | 'resume' = 'auto', progress?: ClusterProgress): { clusters: number; events: number } {
  // Runs read groups through events_group; deleting a cluster finds its events through events_cluster.
  buildMissing(db, ['events_group', 'events_cluster']);
  const groups = waiting(db, scope === 'all');
  // 'all' runs every group whole and writes every cluster anew, replacing the stored ones.
  const w = new Rewrite(db, scope === 'all');
  const pending = groups.reduce((n, g) => n + g.n, 0);
  const stored = Number(db.prepare('SELECT coalesce(max(id), 0) FROM events').pluck().get());
  const whole = how === 'auto' ? pending >= SWEEP_FROM || pending * 4 >= stored : how === 'sweep';
  if (scope === 'all' || whole) sweep(db, groups, w, progress);
  else resume(db, groups, w, progress);
  clearWaiting(db);
  progress?.writing(w.clusters, w.events);
  return w.finish();
}

/** Run each touched group whole, from one sorted snapshot of their reports read page by page. */
function sweep(db: Database.Database, groups: readonly Waiting[], w: Rewrite, progress?: ClusterProgress): void {
  db.exec('DROP TABLE IF EXISTS temp.cluster_groups; CREATE TEMP TABLE cluster_groups (event TEXT NOT NULL, actor TEXT NOT NULL, PRIMARY KEY (event, actor))');
  const add = db.prepare('INSERT INTO temp.cluster_groups (event, actor) VALUES (?, ?)');
  for (const g of groups) add.run(g.event, g.actor);
  db.exec(`DROP TABLE IF EXISTS temp.cluster_order; CREATE TEMP TABLE cluster_order AS SELECT ${COLUMNS} FROM events AS e NOT INDEXED ${SOURCES}
    WHERE (e.event, e.actor) IN (SELECT event, actor FROM temp.cluster_groups) ORDER BY e.event, e.actor, e.date, e.id`);
  // The snapshot's columns are COLUMNS, read as arrays; its rowids run from 1 without gaps (a table made by a SELECT).
  const page = db.prepare('SELECT * FROM temp.cluster_order WHERE _rowid_ > ? ORDER BY _rowid_ LIMIT 20000').raw();
  progress?.start(Number(db.prepare('SELECT coalesce(max(_rowid_), 0) FROM temp.cluster_order').pluck().get()));
  const runs = new GroupedRuns<Row>();
  for (let last = 0; ; ) {
    const rows = (page.all(last) as unknown[][]).map(toRow);
    if (rows.length === 0) break;
    last += rows.length;
    progress?.advance(rows.length);
    for (const r of rows) for (const c of runs.push(r)) w.write(c);
  }
  for (const c of runs.finish()) w.write(c);
  db.exec('DROP TABLE temp.cluster_order; DROP TABLE temp.cluster_groups');
}

/** Resume each touched group's run from its first new report, until it meets the stored clusters again. */
function resume(db: Database.Database, groups: readonly Waiting[], w: Rewrite, progress?: ClusterProgress): void {
  const before = db.prepare(`SELECT ${COLUMNS} FROM events e ${SOURCES}
    WHERE e.event = ? AND e.actor = ? AND e.date >= ? AND e.date < ? AND e.cluster IS NOT NULL ORDER BY e.date, e.id`);
  const after = db.prepare(`SELECT ${COLUMNS} FROM events e ${SOURCES}
    WHERE e.event = ? AND e.actor = ? AND (e.date, e.id) > (?, ?) ORDER BY e.date, e.id LIMIT ?`);
  const undated = db.prepare(`SELECT ${COLUMNS} FROM events e ${SOURCES} WHERE e.event = ? AND e.actor = ? AND e.date IS NULL AND e.cluster IS NULL`);
  progress?.start(groups.reduce((n, g) => n + g.n, 0));
  for (const g of groups) {
    if (g.undated) for (const r of undated.all(g.event, g.actor) as Row[]) w.write([r]);
    if (g.lo === null || g.hi === null) {
      progress?.advance(g.n);
      continue;
    }
    const start = toDay(g.lo);
    const last = toDay(g.hi);
    // The clusters open on the first new report's day: their members are dated REACH days before it or later.
    const reach = isoDay(start - REACH);
    const old = new Map<number, Row[]>();
    const member = (r: Row): void => {
      const list = old.get(r.cluster!);
      if (list) list.push(r);
      else old.set(r.cluster!, [r]);
    };
    for (const r of before.all(g.event, g.actor, reach, g.lo) as Row[]) if (r.first_date! >= reach) member(r);
    const run = new GroupRun<Row>([...old.values()]);
    let day = start;
    let converged = false;
    for (let key = { date: g.lo, id: 0 }, size = FIRST_PAGE; !converged; size = Math.min(size * 4, MAX_PAGE)) {
      const page = after.all(g.event, g.actor, key.date, key.id, size) as Row[];
      if (page.length === 0) break;
      for (const r of page) {
        const d = toDay(r.date!);
        if (d > day) {
          day = d;
          if (d > last && same(run, old, d)) {
            converged = true;
            break;
          }
          for (const c of run.takeClosed()) w.write(c);
        }
        if (r.cluster !== null) member(r);
        run.push(r);
      }
      key = { date: page[page.length - 1]!.date!, id: page[page.length - 1]!.rowid };
    }
    // Clusters still open at convergence are the stored ones; every other cluster of the run is complete.
    for (const c of converged ? run.takeClosed() : run.finish()) w.write(c);
    progress?.advance(g.n);
  }
}

/** Whether the run's open clusters on `day` are exactly the stored clusters open on that day. */
function same(run: GroupRun<Row>, old: Map<number, Row[]>, day: number): boolean {
  run.advance(day);
  for (const [id, members] of old) if (!isOpen(members, day)) old.delete(id);
  const open = run.openMembers();
  if (open.length !== old.size) return false;
  return open.every((members) => {
    const id = members[0]!.cluster;
    return id !== null && members.every((m) => m.cluster === id) && old.get(id)?.length === members.length;
  });
}
