/**
 * The fastest any import into a row-per-event store could be on this machine, whatever its parser and its binding:
 * the least a parser does (read the file and find every tab and newline) plus what SQLite does in C to store the
 * events an import stored (one `INSERT ... SELECT` from that store into a new one) and to build the indexes queries
 * need (those a bulk load builds at its end, src/store/sqlite/bulk.ts). Nothing here runs per row in JavaScript.
 */
import Database from 'better-sqlite3';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { SqliteStore } from '../src/store/sqlite/index.js';
import { buildMissing, dropDeferrable, LANDING, QUERIED } from '../src/store/sqlite/bulk.js';

export interface Ceiling {
  /** Seconds to read the file and find its tabs and newlines, and how many tabs. */
  readonly scan: number;
  readonly tabs: number;
  /** Seconds SQLite took in C to store the events, and to build the queried indexes. */
  readonly store: number;
  readonly index: number;
  readonly events: number;
}

async function scanFile(file: string): Promise<{ secs: number; tabs: number }> {
  const started = performance.now();
  let tabs = 0;
  // As the importer reads (src/import/lines.ts): each chunk as Latin-1 text, searched natively.
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const text = chunk.toString('latin1');
    for (let p = text.indexOf('\t'); p !== -1; p = text.indexOf('\t', p + 1)) tabs++;
    for (let p = text.indexOf('\n'); p !== -1; p = text.indexOf('\n', p + 1));
  }
  return { secs: (performance.now() - started) / 1000, tabs };
}

/** Measure the ceiling for `file`, whose import stored its events in the store at `imported`; works in `dir`. */
export async function importCeiling(file: string, imported: string, dir: string): Promise<Ceiling> {
  const scan = await scanFile(file);
  const target = join(dir, 'ceiling.db');
  new SqliteStore(target).close();
  const db = new Database(target);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -65536');
    db.pragma('foreign_keys = OFF');
    dropDeferrable(db, LANDING);
    db.prepare('ATTACH ? AS imported').run(imported);
    let started = performance.now();
    const events = db.transaction(() => db.prepare('INSERT INTO main.events SELECT * FROM imported.events').run().changes)();
    const store = (performance.now() - started) / 1000;
    started = performance.now();
    buildMissing(db, QUERIED);
    const index = (performance.now() - started) / 1000;
    return { scan: scan.secs, tabs: scan.tabs, store, index, events };
  } finally {
    db.close();
  }
}
