/**
 * What SQLite alone does on this machine, as a yardstick for the import benchmark: rows per second inserted into a
 * table with no index at all, in the store's settings (WAL, synchronous NORMAL, 64 MB cache, batches of 2,000),
 * with values built beforehand so that no parsing is counted.
 *
 * - wide: the 28 values an imported GDELT event binds (strings where the store has strings);
 * - narrow: 8 values, integer codes and one packed text, the least a row per event could hold.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';

type Row = readonly (string | number | null)[];

const CODES = ['USA', 'RUS', 'CHN', 'UKR', 'FRA', 'DEU', 'GBR', 'IRN', 'ISR', 'IND', 'PAK', 'SYR', 'TUR', 'JPN', 'KOR', 'PRK'];

const wide = (i: number): Row => [
  `gdelt:${1_000_000_000 + i}`, 1, i, String(1_000_000_000 + i), `https://example.com/news/${i}/story.html`, `2020-0${1 + (i % 9)}-1${i % 10}`,
  'day', 'CONSULT', 1, 4.5, CODES[i % 16]!, CODES[(i * 7) % 16]!, null, 'USA', 38.1, -77.2, null, 'GOV', 'MIL', 'UNITED STATES', 'RUSSIA',
  null, null, null, 'Washington, District of Columbia, United States', '042', 'cameo', 0,
];

const narrow = (i: number): Row => [1, i, 18_000 + (i % 3000), i % 200, (i * 7) % 200, i % 20, 4.5,
  `${1_000_000_000 + i}\thttps://example.com/news/${i}/story.html\tGOV\tMIL\tUNITED STATES\tRUSSIA\tWashington`];

function insertRate(file: string, columns: number, make: (i: number) => Row, rows: number): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  const names = Array.from({ length: columns }, (_, i) => `c${i}`);
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, ${names.join(', ')})`);
  const insert = db.prepare(`INSERT INTO t (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
  const values = Array.from({ length: rows }, (_, i) => make(i));
  const batch = db.transaction((from: number) => {
    for (let i = from; i < Math.min(from + 2000, rows); i++) insert.run(values[i]);
  });
  const started = performance.now();
  for (let from = 0; from < rows; from += 2000) batch(from);
  const ms = performance.now() - started;
  db.close();
  return Math.round((rows / ms) * 1000);
}

/** Insert rates (rows/s) of the wide and the narrow row, each into its own new file in `dir`. */
export function sqliteFloor(dir: string, rows = 300_000): { wide: number; narrow: number } {
  return {
    wide: insertRate(join(dir, 'floor-wide.db'), 28, wide, rows),
    narrow: insertRate(join(dir, 'floor-narrow.db'), 8, narrow, rows),
  };
}
