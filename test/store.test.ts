import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/store/sqlite/index.js';
import { imported, storeContract } from './store.contract.js';

const dir = mkdtempSync(join(tmpdir(), 'entente-store-'));
let n = 0;

storeContract('SQLite in memory', () => new SqliteStore(':memory:'));
storeContract('SQLite file (WAL)', () => new SqliteStore(join(dir, `s${n++}.db`)));

describe('store: SQLite specifics', () => {
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
});
