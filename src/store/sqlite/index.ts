import Database from 'better-sqlite3';
import type {
  Act, ActQuery, DayTally,
  Cluster, ClusterPage, ClusterProgress, Dataset, DyadPeriod, EventFilter, ImportCounts, ImportedEvent, IngestOutcome, PloverRecord, SearchHit,
  Sentence, Store, StoreStats, StoredEvent, StoredStory, Story, StoryState, StorySummary,
} from '../../types.js';
import { MIGRATIONS } from './schema.js';
import { Writer } from './write.js';
import { Reader } from './read.js';
import { Admin } from './admin.js';
import { StoryReader } from './stories.js';
import { readActs, readTally, readWindowActs } from './acts.js';
import { periodOf } from '../../analysis/periods.js';
import { refreshTallies, talliesFresh } from './tallies.js';
import { buildMissing, dropDeferrable, LANDING, QUERIED, worthDeferring } from './bulk.js';
import { recluster } from './recluster.js';
import { StoreError } from '../errors.js';

export interface SqliteOptions {
  /** Refuse to grow the database file past this many megabytes (a safety cap; also simulates a full disk). */
  readonly maxMb?: number;
  readonly readonly?: boolean;
}

/** The embedded SQLite backend: WAL, foreign keys, versioned migrations, FTS5 over sentences. */
export class SqliteStore implements Store {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly writer: Writer;
  private readonly reader: Reader;
  private readonly admin: Admin;
  private readonly storyReader: StoryReader;

  constructor(path: string, opts: SqliteOptions = {}) {
    this.path = path;
    this.db = openDatabase(path, opts);
    this.writer = new Writer(this.db);
    this.reader = new Reader(this.db);
    this.admin = new Admin(this.db);
    this.storyReader = new StoryReader(this.db);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  storyState(storyId: string, hash: string): StoryState {
    return this.writer.storyState(storyId, hash);
  }

  storedContent(hash: string): boolean {
    return this.writer.storedContent(hash);
  }

  putStory(story: Story, sentences: readonly Sentence[], records: readonly PloverRecord[], hash: string, coder: string): IngestOutcome {
    return this.writer.putStory(story, sentences, records, hash, coder);
  }

  beginImport(dataset: Dataset, file: string): number {
    return this.writer.beginImport(dataset, file);
  }

  putImported(importId: number, events: readonly ImportedEvent[]): { inserted: number; duplicates: number } {
    return this.writer.putImported(importId, events);
  }

  finishImport(importId: number, counts: ImportCounts): void {
    this.writer.finishImport(importId, counts);
  }

  beginBulkLoad(expectedRows: number): boolean {
    const stored = Number(this.db.prepare('SELECT max(id) FROM events').pluck().get() ?? 0);
    if (!worthDeferring(expectedRows, stored)) return false;
    dropDeferrable(this.db, LANDING);
    return true;
  }

  endBulkLoad(): void {
    buildMissing(this.db, QUERIED);
  }

  events(filter: EventFilter, opts: { readonly limit?: number; readonly after?: number; readonly order?: 'date' | 'id' } = {}): IterableIterator<StoredEvent> {
    return this.reader.events(filter, opts);
  }

  acts(query: ActQuery): Act[] {
    return readActs(this.db, query);
  }

  tally(query: ActQuery, opts: { readonly coarse?: boolean } = {}): DayTally[] {
    return readTally(this.db, query, opts.coarse ?? false, this.freshTallies());
  }

  windowActs(query: ActQuery & { readonly from: string; readonly to: string }): Act[] {
    return readWindowActs(this.db, query, this.freshTallies());
  }

  refreshTallies(): number {
    return refreshTallies(this.db);
  }

  /** Sums are used when current; a writable store brings them up to date first, a read-only one reads the events. */
  private freshTallies(): boolean {
    if (talliesFresh(this.db)) return true;
    if (this.db.readonly) return false;
    refreshTallies(this.db);
    return true;
  }

  /**
   * Counts per period and type for actor → recipient. By month, quarter or year, from the day and month sums that
   * the analytics use (fast on large stores); by week, or filtered by certainty or ids, from the events.
   */
  dyad(actor: string, recipient: string, by: 'week' | 'month' | 'quarter' | 'year', filter: EventFilter = {}): DyadPeriod[] {
    if (by === 'week' || filter.certainty?.length || filter.ids) return this.reader.dyad(actor, recipient, by, filter);
    const counts = new Map<string, DyadPeriod>();
    for (const t of this.tally({ actor: [actor], recipient: [recipient], type: filter.type, quad: filter.quad, from: filter.from, to: filter.to, source: filter.source }, { coarse: true })) {
      if (t.actor !== actor || t.recipient !== recipient) continue;
      const period = periodOf(t.date, by).period;
      const key = `${period}|${t.event}`;
      counts.set(key, { period, event: t.event, count: (counts.get(key)?.count ?? 0) + t.count });
    }
    return [...counts.values()].sort((x, y) => x.period.localeCompare(y.period) || x.event.localeCompare(y.event));
  }

  search(query: string, limit: number, offset = 0): SearchHit[] {
    return this.reader.search(query, limit, offset);
  }

  recluster(scope: 'all' | 'new', progress?: ClusterProgress): { clusters: number; events: number } {
    return recluster(this.db, scope, 'auto', progress);
  }

  clusters(filter: EventFilter, opts: ClusterPage = {}): IterableIterator<Cluster> {
    return this.reader.clusters(filter, opts);
  }

  cluster(id: number): Cluster | null {
    return this.reader.cluster(id);
  }

  staleStories(version: string): IterableIterator<Story> {
    return this.reader.staleStories(version);
  }

  stories(opts: { readonly limit?: number; readonly after?: number } = {}): StorySummary[] {
    return this.storyReader.stories(opts);
  }

  story(storyId: string): StoredStory | null {
    return this.storyReader.story(storyId);
  }

  dataVersion(): string {
    return this.storyReader.dataVersion();
  }

  stats(): StoreStats {
    return this.admin.stats();
  }

  check(opts: { readonly quick?: boolean } = {}): string[] {
    return this.admin.check(opts.quick ?? false);
  }

  backup(file: string): Promise<void> {
    return this.admin.backup(file);
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Open the file, set it up and bring its schema up to date. A file that cannot be opened, is not a database or is
 * damaged is a StoreError naming it, and the connection is closed.
 */
function openDatabase(path: string, opts: SqliteOptions): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false });
  } catch (err) {
    throw new StoreError(`${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // A checkpoint every 40 MB of log rather than every 4 MB: each one syncs the file to disk, and an ingest of the
      // VOA corpus (3 MB) paid one in its clustering commit (31–42 ms of clustering against 16–19 ms without).
      db.pragma('wal_autocheckpoint = 10000');
    }
    // A 64 MB page cache keeps the indexes' hot pages in memory during bulk imports.
    db.pragma('cache_size = -65536');
    // Temporary tables and large sorts (clustering) go to temporary files, which the OS caches: in memory, they
    // took a million-event import with clustering to 750 MB resident.
    db.pragma('temp_store = FILE');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (opts.maxMb) {
      const pageSize = Number(db.pragma('page_size', { simple: true }));
      db.pragma(`max_page_count = ${Math.max(1, Math.floor((opts.maxMb * 1024 * 1024) / pageSize))}`);
    }
    if (!opts.readonly) {
      migrate(db);
      // A bulk load killed before its end left indexes out: build them now.
      buildMissing(db, QUERIED);
    }
    return db;
  } catch (err) {
    db.close();
    if (err instanceof Database.SqliteError) throw new StoreError(`${path}: ${err.message}`, { cause: err });
    throw err;
  }
}

function migrate(db: Database.Database): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  MIGRATIONS.forEach((step, i) => {
    if (i < current) return;
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${i + 1}`);
    })();
  });
}
