import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SqliteStore } from '../src/store/sqlite/index.js';
import { EVENT_SELECT, eventRow } from '../src/store/sqlite/read.js';
import { MIGRATIONS } from '../src/store/sqlite/schema.js';
import { imported, storeContract } from './store.contract.js';

const dir = mkdtempSync(join(tmpdir(), 'entente-store-'));
let n = 0;

storeContract('SQLite in memory', () => new SqliteStore(':memory:'));
storeContract('SQLite file (WAL)', () => new SqliteStore(join(dir, `s${n++}.db`)));

describe('store: SQLite specifics', () => {
  it('reads event rows as arrays named in the order of their SELECT', () => {
    const file = join(dir, 'rows.db');
    const store = new SqliteStore(file);
    const id = store.transaction(() => store.beginImport('gdelt', 'x.csv'));
    store.transaction(() => store.putImported(id, [imported('a', { event_text: 'shelled', size: { dead: 3 } }), imported('b', { date: null })]));
    store.close();
    const db = new Database(file, { readonly: true });
    const objects = db.prepare(`${EVENT_SELECT} ORDER BY e.id`).all();
    const arrays = db.prepare(`${EVENT_SELECT} ORDER BY e.id`).raw().all() as unknown[][];
    expect(arrays.map(eventRow)).toEqual(objects);
    expect(Object.keys(eventRow(arrays[0]!))).toEqual(Object.keys(objects[0]!));
    db.close();
  });

  it.each([
    ["a search hit's events", `${EVENT_SELECT} WHERE e.sentence = 1 ORDER BY e.id`],
    ["the cascade from a replaced story's sentences", 'DELETE FROM sentences WHERE story = 1'],
  ])('finds %s through the sentence index, not by reading every event', (_, sql) => {
    const db = new Database(join(dir, 'plan.db'));
    new SqliteStore(join(dir, 'plan.db')).close();
    db.pragma('foreign_keys = ON');
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
    db.close();
    expect(plan).toEqual(expect.arrayContaining([expect.stringMatching(/USING (COVERING )?INDEX events_sentence \(sentence=\?\)/)]));
    expect(plan.some((d) => /^SCAN (e|events)\b/.test(d))).toBe(false);
  });

  it('repairs a store migrated by the first draft of migration 2, and answers the analytics', () => {
    const file = join(dir, 'draft.db');
    const raw = new Database(file);
    raw.exec(MIGRATIONS[0] as string);
    // The first committed draft of migration 2: no compound flag, a narrow dyad index, no exact indexes.
    raw.exec(`CREATE INDEX events_recipient ON events (recipient, date);
      CREATE INDEX events_undated ON events (actor, recipient) WHERE (date IS NULL OR precision IN ('publication', 'unresolved'));`);
    raw.pragma('user_version = 2');
    raw.close();
    const store = new SqliteStore(file);
    const id = store.transaction(() => store.beginImport('gdelt', 'x.csv'));
    store.transaction(() => store.putImported(id, [imported('a'), imported('b', { actor: [{ code: 'RUS', entity_text: 'Russia' }, { code: 'SRB', entity_text: 'Serbia' }] })]));
    expect(store.acts({ actor: ['SRB'], recipient: ['ARM'] })).toHaveLength(2);
    expect(store.tally({ actor: ['SRB'], recipient: ['ARM'] }, { coarse: true }).reduce((n, t) => n + t.count, 0)).toBe(2);
    expect(store.check()).toEqual([]);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) FROM pragma_index_info('events_dyad')").pluck().get()).toBe(10);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'events_exact%'").pluck().get()).toBe(2);
    db.close();
  });

  it('a bulk load into an empty store defers its indexes; one killed before its end gets them back on the next open', () => {
    const file = join(dir, 'bulk.db');
    const indexes = (): string[] => {
      const db = new Database(file, { readonly: true });
      const names = db.prepare("SELECT name FROM sqlite_master WHERE name IN ('events_dyad', 'events_recipient') ORDER BY name").pluck().all() as string[];
      db.close();
      return names;
    };
    const store = new SqliteStore(file);
    expect(store.beginBulkLoad(49_999)).toBe(false);
    expect(store.beginBulkLoad(50_000)).toBe(true);
    const id = store.transaction(() => store.beginImport('gdelt', 'x.csv'));
    store.transaction(() => store.putImported(id, [imported('1'), imported('2')]));
    expect(indexes()).toEqual([]);
    // Killed here: no endBulkLoad.
    store.close();
    const reopened = new SqliteStore(file);
    expect(indexes()).toEqual(['events_dyad', 'events_recipient']);
    expect(reopened.dyad('SRB', 'ARM', 'month')).toEqual([{ period: '2020-10', event: 'AID', count: 2 }]);
    // Two events stored: a 3-row import is too small to be a bulk load.
    expect(reopened.beginBulkLoad(3)).toBe(false);
    reopened.close();
  });

  it('migrates once and records the schema version', () => {
    const file = join(dir, 'migrate.db');
    new SqliteStore(file).close();
    const again = new SqliteStore(file);
    expect(again.check()).toEqual([]);
    again.close();
  });

  it('a full disk fails the write cleanly and keeps what was committed', () => {
    const store = new SqliteStore(join(dir, 'full.db'), { maxMb: 1 });
    const id = store.transaction(() => store.beginImport('gdelt', 'x.csv'));
    store.transaction(() => store.putImported(id, [imported('kept')]));
    const big = Array.from({ length: 20_000 }, (_, i) => imported(`row${i}`, { event_text: 'x'.repeat(200) }));
    expect(() => store.transaction(() => store.putImported(id, big))).toThrow(/full/i);
    expect(store.stats().events.imported).toBe(1);
    expect(store.check()).toEqual([]);
    store.close();
  });

  it.each([false, true])('check names what is broken (quick: %s)', (quick) => {
    const file = join(dir, `broken-${quick}.db`);
    const store = new SqliteStore(file);
    const id = store.transaction(() => store.beginImport('gdelt', 'x.csv'));
    store.transaction(() => store.putImported(id, [imported('a'), imported('b'), imported('c', { date: '2021-03-01' })]));
    store.transaction(() => store.recluster('new'));
    store.close();
    const raw = new Database(file);
    raw.exec(`UPDATE clusters SET mentions = 5 WHERE id = (SELECT min(id) FROM clusters);
      INSERT INTO clusters (event, actor, recipient, mentions, outlets) VALUES ('AID', 'SRB', 'ARM', 0, '[]');
      UPDATE events SET import = NULL WHERE source_id = 'c';
      DELETE FROM clusters WHERE id = (SELECT cluster FROM events WHERE source_id = 'c');
      UPDATE events SET cluster = NULL WHERE source_id = 'c';`);
    raw.close();
    const broken = new SqliteStore(file);
    expect(broken.check({ quick })).toEqual(['1 imported events without an import', '1 empty clusters', '1 clusters whose mention count is wrong',
      '1 events without a cluster that no waiting group lists (entente cluster --all mends this)']);
    // Clusters are derived data: a full run rebuilds them all.
    broken.transaction(() => broken.recluster('all'));
    expect(broken.check({ quick })).toEqual(['1 imported events without an import']);
    broken.close();
  });

  it('a store of migration 7 keeps its waiting groups through migration 8, and clusters them', () => {
    const file = join(dir, 'waiting7.db');
    const raw = new Database(file);
    MIGRATIONS.slice(0, 7).forEach((step) => (typeof step === 'string' ? raw.exec(step) : step(raw)));
    raw.exec(`INSERT INTO imports (id, dataset, file, started_at) VALUES (1, 'gdelt', 'x.csv', '2020-10-06');
      INSERT INTO events (uid, source, import, date, precision, event, quad, actor, recipient)
        VALUES ('gdelt:1', 'imported', 1, '2020-10-05', 'day', 'AID', 2, 'SRB', 'ARM'), ('gdelt:2', 'imported', 1, '2020-10-06', 'day', 'AID', 2, 'SRB', 'ARM');
      INSERT INTO cluster_dirty VALUES ('AID', 'SRB', '2020-10-05', '2020-10-06', 0, 2);`);
    raw.pragma('user_version = 7');
    raw.close();
    const store = new SqliteStore(file);
    expect(store.check()).toEqual([]);
    expect(store.transaction(() => store.recluster('new'))).toEqual({ clusters: 1, events: 2 });
    expect([...store.clusters({})].map((c) => c.mentions)).toEqual([2]);
    expect(store.check()).toEqual([]);
    store.close();
  });
});
