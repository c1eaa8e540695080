/**
 * Fill a store with generated events, fast, for the benchmarks: a skewed mix of 20 states and 11 types over 2015–2024,
 * written straight into the events table with the indexes dropped during the load and rebuilt after it.
 */
import Database from 'better-sqlite3';
import { SqliteStore } from '../src/store/sqlite/index.js';

export const BENCH_STATES = ['USA', 'RUS', 'CHN', 'UKR', 'ISR', 'PSE', 'IRN', 'IRQ', 'SYR', 'TUR', 'SRB', 'AZE', 'ARM', 'GBR', 'FRA', 'DEU', 'IND', 'PAK', 'AFG', 'SAU'];
const TYPES: readonly [string, number, number][] = [
  ['AGREE', 1, 2.5], ['CONSULT', 1, 2.5], ['SUPPORT', 1, 5], ['COOPERATE', 2, 9.5], ['AID', 2, 10], ['REQUEST', 3, 0],
  ['ACCUSE', 3, -3], ['REJECT', 3, -2], ['THREATEN', 3, -3.5], ['SANCTION', 4, -6], ['ASSAULT', 4, -9],
];
const CONTEXTS = [null, 'military', 'economic', null];

/** Write `count` generated events into a new store at `file`; returns the seconds it took. */
export function fillGenerated(file: string, count: number): number {
  new SqliteStore(file).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  db.prepare("INSERT INTO imports (id, dataset, file, started_at) VALUES (1, 'gdelt', 'generated', '2020-01-01')").run();
  const insert = db.prepare(`INSERT INTO events (uid, source, import, row, source_id, date, precision, event, quad, scale, actor, recipient, context, original_code, mapping)
    VALUES (?, 'imported', 1, ?, ?, ?, 'day', ?, ?, ?, ?, ?, ?, '', 'generated')`);
  let seed = 7;
  const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const pick = (n: number): number => Math.floor(rnd() ** 2 * n);
  const started = performance.now();
  const step = 200_000;
  for (let done = 0; done < count; done += step) {
    db.transaction(() => {
      for (let i = done; i < Math.min(done + step, count); i++) {
        const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(rnd() * 3650) * 86_400_000).toISOString().slice(0, 10);
        const [type, quad, scale] = TYPES[pick(TYPES.length)]!;
        let a = BENCH_STATES[pick(BENCH_STATES.length)]!;
        const b = BENCH_STATES[pick(BENCH_STATES.length)]!;
        if (a === b) a = BENCH_STATES[(BENCH_STATES.indexOf(a) + 1) % BENCH_STATES.length]!;
        insert.run(`gen:${i}`, i + 1, String(i), day, type, quad, scale, a, b, CONTEXTS[i % CONTEXTS.length]);
      }
    })();
  }
  for (const i of indexes) db.exec(i.sql);
  db.exec('INSERT OR IGNORE INTO tally_dirty SELECT DISTINCT actor, recipient FROM events');
  db.close();
  const store = new SqliteStore(file);
  store.refreshTallies();
  store.close();
  return (performance.now() - started) / 1000;
}
