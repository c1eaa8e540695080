import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/store/sqlite/index.js';
import { recluster } from '../src/store/sqlite/recluster.js';
import type { DatePrecision, ImportedEvent } from '../src/types.js';
import { random } from '../scripts/synth.js';
import { imported } from './store.contract.js';

const day = (n: number): string => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** Dense reports of two types by two actors, with look-alikes: other recipients, none, other countries, coarse dates. */
function reports(seed: number, n: number): ImportedEvent[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const precision = pick<DatePrecision>(['day', 'day', 'day', 'publication', 'month']);
    const start = Math.floor(r() * 120);
    const recipient = pick(['ARM', 'AZE', 'GEO', '']);
    return imported(`r${seed}-${i}`, {
      event: pick(['AID', 'ASSAULT']), actor: [{ code: pick(['SRB', 'RUS']), entity_text: 'x' }],
      recipient: recipient ? [{ code: recipient, entity_text: 'y' }] : [],
      date: precision === 'month' ? day(start - (start % 30)) : r() < 0.03 ? null : day(start), date_precision: precision,
      event_loc: r() < 0.3 ? { name: 'x', country: pick(['ARM', 'AZE']) } : null,
    });
  });
}

/** Each cluster as its members' source ids, sorted: comparable across stores. */
function partition(store: SqliteStore): string[] {
  const sourceOf = new Map([...store.events({})].map((e) => [e.rowid, e.record.provenance.source_id ?? '']));
  return [...store.clusters({})].map((c) => c.members.map((m) => sourceOf.get(m)!).sort().join(' ')).sort();
}

const dir = mkdtempSync(join(tmpdir(), 'entente-recluster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Import reports into the store at `file`. */
function add(file: string, rows: readonly ImportedEvent[]): void {
  const store = new SqliteStore(file);
  const id = store.transaction(() => store.beginImport('gdelt', 'x.csv'));
  store.transaction(() => store.putImported(id, rows));
  store.close();
}

/** Cluster what waits in the store at `file`, resuming group runs or running groups whole; how many events changed. */
function clusterFile(file: string, how: 'resume' | 'sweep'): number {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  try {
    return db.transaction(() => recluster(db, 'new', how))().events;
  } finally {
    db.close();
  }
}

describe('clustering resumes where new reports land', () => {
  it.each([1, 2, 3, 4, 5])('reports added in four batches, in any date order, get the clusters of a full run (seed %i)', (seed) => {
    const file = join(dir, `stepwise-${seed}.db`);
    const all = reports(seed, 600);
    const changed = [0, 1, 2, 3].map((b) => {
      add(file, all.filter((_, i) => i % 4 === b));
      return clusterFile(file, 'resume');
    });
    const store = new SqliteStore(file);
    const stepwise = partition(store);
    expect(store.check()).toEqual([]);
    // Later batches rewrite part of the clusters, not all of them again.
    expect(changed[3]).toBeLessThan(600);
    expect(store.transaction(() => store.recluster('all')).events).toBe(600);
    expect(stepwise).toEqual(partition(store));
    store.close();
  });

  it.each([1, 2])('running groups whole keeps the clusters that did not change, and finds what resuming finds (seed %i)', (seed) => {
    const all = reports(seed, 600);
    const runs = (['resume', 'sweep'] as const).map((how) => {
      const file = join(dir, `${how}-${seed}.db`);
      const changed = [0, 1, 2].map((b) => {
        add(file, all.filter((_, k) => k % 3 === b));
        return clusterFile(file, how);
      });
      const store = new SqliteStore(file);
      const result = { changed, partition: partition(store), problems: store.check() };
      store.close();
      return result;
    });
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[0]!.problems).toEqual([]);
  });

  it('a report on a quiet day rewrites only its own neighbourhood', () => {
    const store = new SqliteStore(':memory:');
    const id = store.transaction(() => store.beginImport('gdelt', 'x.csv'));
    // A report every third day for a year: clusters of one report each.
    store.transaction(() => store.putImported(id, Array.from({ length: 120 }, (_, i) => imported(`d${i}`, { date: day(i * 3) }))));
    store.transaction(() => store.recluster('new'));
    store.transaction(() => store.putImported(id, [imported('late', { date: day(151) })]));
    expect(store.transaction(() => store.recluster('new'))).toEqual({ clusters: 1, events: 2 });
    expect(store.check()).toEqual([]);
  });

  it('a daily chain of reports is not one event lasting months', () => {
    const store = new SqliteStore(':memory:');
    const id = store.transaction(() => store.beginImport('gdelt', 'x.csv'));
    store.transaction(() => store.putImported(id, Array.from({ length: 90 }, (_, i) => imported(`c${i}`, { date: day(i) }))));
    store.transaction(() => store.recluster('new'));
    const sizes = [...store.clusters({})].map((c) => c.mentions);
    expect(Math.max(...sizes)).toBe(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(90);
  });

  it.each([
    { how: 'sweep' as const, read: 250 },
    { how: 'resume' as const, read: 50 },
  ])('tells its progress: the reports it reads, each step, what it writes ($how)', ({ how, read }) => {
    const file = join(dir, `progress-${how}.db`);
    add(file, reports(7, 200));
    clusterFile(file, 'sweep');
    // New reports of every group: a sweep reads all 250 reports again, resuming counts the 50 that wait.
    add(file, reports(8, 50));
    const seen: string[] = [];
    let advanced = 0;
    const disk = new Database(file);
    disk.pragma('foreign_keys = ON');
    const r = disk.transaction(() => recluster(disk, 'new', how, {
      start: (n) => seen.push(`start ${n}`),
      advance: (n) => (advanced += n),
      writing: (clusters, events) => seen.push(`writing ${clusters} ${events}`),
    }))();
    disk.close();
    expect(seen).toEqual([`start ${read}`, `writing ${r.clusters} ${r.events}`]);
    expect(advanced).toBe(read);
  });
});
