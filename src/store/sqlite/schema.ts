import type Database from 'better-sqlite3';

/** SQL, or a function for a step that must look at the store first. */
export type Migration = string | ((db: Database.Database) => void);

/**
 * Versioned migrations. Each runs once, in its own transaction, and records its number in user_version.
 * Never edit a released migration: add a new one.
 */
export const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL UNIQUE,
    url TEXT, title TEXT, outlet TEXT, published TEXT,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    coder_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    story INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (story, seq)
  );
  CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
  CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
  END;
  CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
  END;
  CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    dataset TEXT NOT NULL, file TEXT NOT NULL,
    started_at TEXT NOT NULL, finished_at TEXT,
    rows INTEGER, imported INTEGER, skipped INTEGER, duplicates INTEGER
  );
  CREATE TABLE clusters (
    id INTEGER PRIMARY KEY,
    event TEXT NOT NULL, actor TEXT NOT NULL, recipient TEXT NOT NULL,
    date TEXT, first_date TEXT, last_date TEXT,
    mentions INTEGER NOT NULL, outlets TEXT NOT NULL,
    first_seen TEXT, last_seen TEXT,
    dead INTEGER, dead_min INTEGER, dead_max INTEGER,
    place_country TEXT
  );
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL CHECK (source IN ('coded', 'imported')),
    story INTEGER REFERENCES stories(id) ON DELETE CASCADE,
    sentence INTEGER REFERENCES sentences(id) ON DELETE CASCADE,
    import INTEGER REFERENCES imports(id),
    row INTEGER, source_id TEXT, url TEXT,
    date TEXT, enddate TEXT, precision TEXT NOT NULL,
    event TEXT NOT NULL, quad INTEGER NOT NULL, scale REAL,
    actor TEXT NOT NULL, recipient TEXT NOT NULL,
    certainty TEXT, dead INTEGER,
    place_country TEXT, lat REAL, lon REAL,
    cluster INTEGER REFERENCES clusters(id) ON DELETE SET NULL,
    -- Coded events keep their whole PLOVER record as JSON. Imported single-dyad events are kept in the columns
    -- below (no JSON: import speed); an imported event with more parties keeps its record too.
    record TEXT,
    actor_sector TEXT, recipient_sector TEXT, actor_text TEXT, recipient_text TEXT,
    mode TEXT, context TEXT, event_text TEXT, place TEXT, original_code TEXT, mapping TEXT,
    CHECK ((source = 'coded') = (story IS NOT NULL AND sentence IS NOT NULL)),
    CHECK (source = 'imported' OR record IS NOT NULL)
  );
  CREATE INDEX events_dyad ON events (actor, recipient, date, event);
  CREATE INDEX events_story ON events (story) WHERE story IS NOT NULL;
  CREATE INDEX events_cluster ON events (cluster) WHERE cluster IS NOT NULL;
  CREATE TABLE parties (
    event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    code TEXT NOT NULL, sector TEXT, entity_text TEXT, identifier TEXT
  );
  CREATE INDEX parties_code ON parties (code, role);
  CREATE INDEX parties_event ON parties (event);
  CREATE TABLE actors (
    code TEXT NOT NULL, sector TEXT NOT NULL DEFAULT '', identifier TEXT NOT NULL DEFAULT '',
    mentions INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (code, sector, identifier)
  ) WITHOUT ROWID;
  `,
  // 2: analytics. Acts are read by recipient; undated acts and exact acts (coded or compound: everything the monthly
  // sums of migration 3 do not cover) have small partial indexes; the covering dyad index answers timelines.
  `
  ALTER TABLE events ADD COLUMN compound INTEGER NOT NULL DEFAULT 0;
  UPDATE events SET compound = 1 WHERE record IS NOT NULL AND (
    json_array_length(record, '$.actor') > 1 OR json_array_length(record, '$.recipient') != 1);
  INSERT INTO parties (event, role, code, sector, entity_text)
    SELECT e.id, r.role, json_extract(p.value, '$.code'), json_extract(p.value, '$.sector'), json_extract(p.value, '$.entity_text')
    FROM events e, (SELECT 'actor' AS role UNION ALL SELECT 'recipient') r, json_each(e.record, '$.' || r.role) p
    WHERE e.source = 'imported' AND e.compound = 1;
  UPDATE events SET
    mode = (SELECT group_concat(value, ';') FROM json_each(record, '$.mode')),
    context = (SELECT group_concat(value, ';') FROM json_each(record, '$.context'))
  WHERE source = 'coded';
  DROP INDEX events_dyad;
  CREATE INDEX events_dyad ON events (actor, recipient, date, event, quad, scale, certainty, cluster, precision, compound);
  CREATE INDEX events_recipient ON events (recipient, date);
  CREATE INDEX events_undated ON events (actor, recipient) WHERE (date IS NULL OR precision IN ('publication', 'unresolved'));
  CREATE INDEX events_undated_recipient ON events (recipient) WHERE (date IS NULL OR precision IN ('publication', 'unresolved'));
  CREATE INDEX events_exact ON events (actor, recipient, date) WHERE NOT (certainty IS NULL AND compound = 0);
  CREATE INDEX events_exact_recipient ON events (recipient, date) WHERE NOT (certainty IS NULL AND compound = 0);
  `,
  // 3: monthly sums of imported single-dyad events, for timelines and tests on large stores. A derived cache: writers
  // mark the dyads they touch as dirty, and refreshTallies() rebuilds them (imported events have no certainty).
  `
  CREATE TABLE month_tallies (
    actor TEXT NOT NULL, recipient TEXT NOT NULL, month TEXT NOT NULL, event TEXT NOT NULL, quad INTEGER NOT NULL,
    count INTEGER NOT NULL, scale_sum REAL NOT NULL, heads INTEGER NOT NULL,
    PRIMARY KEY (actor, recipient, month, event, quad)
  ) WITHOUT ROWID;
  CREATE INDEX month_tallies_recipient ON month_tallies (recipient, month);
  CREATE TABLE tally_dirty (actor TEXT NOT NULL, recipient TEXT NOT NULL, PRIMARY KEY (actor, recipient)) WITHOUT ROWID;
  INSERT INTO tally_dirty SELECT DISTINCT actor, recipient FROM events WHERE certainty IS NULL;
  `,
  // 4: migration 2 was committed in three drafts before it settled. A store migrated by an earlier draft gets what
  // it lacks (the compound flag, the wide dyad index, the partial indexes, compound imported events' parties) and its
  // monthly sums are rebuilt. On a store migrated by the final text, nothing changes.
  repairAnalyticsSchema,
  // 5: the full-text index is written by the Writer in the same statement sequence as the sentence, not by a
  // trigger: FTS5 inside a trigger cost about 40 µs a sentence, a third of an ingest's storing time. Deletes keep
  // their trigger (cascades from stories reach it).
  'DROP TRIGGER IF EXISTS sentences_ai;',
  // 6: the cluster rule now requires every two members of a cluster to have compatible dates (before, a chain of
  // daily reports could make one cluster span years), and clustering resumes group by group from a date, which
  // needs the group index. Clusters are derived data: they are dissolved here, and the next ingest, import or
  // `entente cluster` rebuilds them under the new rule. The partial index finds the events still to cluster.
  `
  UPDATE events SET cluster = NULL WHERE cluster IS NOT NULL;
  DELETE FROM clusters;
  CREATE INDEX IF NOT EXISTS events_group ON events (event, actor, date);
  CREATE INDEX IF NOT EXISTS events_unclustered ON events (event, actor, date) WHERE cluster IS NULL;
  INSERT OR IGNORE INTO tally_dirty SELECT DISTINCT actor, recipient FROM events WHERE certainty IS NULL;
  `,
  // 7: the groups waiting for clustering are listed by the writers (like the dyads of tally_dirty), with the dates
  // of their unclustered events, instead of a partial index: a million-row import spent 1.5 s building that index.
  `
  DROP INDEX IF EXISTS events_unclustered;
  CREATE TABLE cluster_dirty (
    event TEXT NOT NULL, actor TEXT NOT NULL,
    lo TEXT, hi TEXT, undated INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (event, actor)
  ) WITHOUT ROWID;
  INSERT INTO cluster_dirty (event, actor, lo, hi, undated, n)
    SELECT event, actor, min(date), max(date), count(*) - count(date), count(*) FROM events WHERE cluster IS NULL GROUP BY event, actor;
  `,
  // 8: migration 7's table took an upsert per group and batch, 1.5–2 s of a million-row import. A batch now appends
  // one row listing its groups (src/store/sqlite/waiting.ts).
  `
  CREATE TABLE cluster_waiting (id INTEGER PRIMARY KEY, groups TEXT NOT NULL);
  INSERT INTO cluster_waiting (groups)
    SELECT json_group_array(json_array(event, actor, lo, hi, undated, n)) FROM cluster_dirty HAVING count(*) > 0;
  DROP TABLE cluster_dirty;
  `,
  // 9: led by the type, the group index drew SQLite to it for any query filtering by type: the partnership test's
  // read of exact acts (a type filter on top of a list of row ids) scanned every event of the type, 89 ms instead
  // of 1 ms on 10,000,000 events. Led by the actor, it serves clustering the same and such queries no longer.
  `
  DROP INDEX IF EXISTS events_group;
  CREATE INDEX events_group ON events (actor, event, date);
  `,
  // 10: ingest finds a story already stored under another id by its content (a file reached by another path, a feed
  // item without a guid read from another spelling of the feed's path).
  'CREATE INDEX IF NOT EXISTS stories_hash ON stories (content_hash);',
  // 11: a sentence's events (search answers list them per hit; deleting a replaced story's sentences checks them for
  // the cascade) were found by scanning every event: a search with 200 hits on 370,000 events took 3.3 s. Imported
  // events have no sentence and stay out of the index.
  'CREATE INDEX IF NOT EXISTS events_sentence ON events (sentence) WHERE sentence IS NOT NULL;',
  // 12: who published an imported row's report and when (GDELT DATEADDED and SOURCEURL's host, ICEWS Publisher,
  // POLECAT Source and Publication Date): clusters of imported events counted the dataset as their one outlet and the
  // import day as first and last seen. Rows imported before keep NULL: their outlet is their URL's host, else the
  // dataset, and they give no day seen (src/store/sqlite/rewrite.ts).
  `
  ALTER TABLE events ADD COLUMN outlet TEXT;
  ALTER TABLE events ADD COLUMN published TEXT;
  `,
];

/** Bring a store migrated by an early draft of migration 2 to its final shape (idempotent). */
function repairAnalyticsSchema(db: Database.Database): void {
  let repaired = false;
  const columns = db.prepare("SELECT name FROM pragma_table_info('events')").pluck().all() as string[];
  if (!columns.includes('compound')) {
    db.exec(`ALTER TABLE events ADD COLUMN compound INTEGER NOT NULL DEFAULT 0;
      UPDATE events SET compound = 1 WHERE record IS NOT NULL AND (
        json_array_length(record, '$.actor') > 1 OR json_array_length(record, '$.recipient') != 1);`);
    repaired = true;
  }
  const dyadColumns = db.prepare("SELECT count(*) FROM pragma_index_info('events_dyad')").pluck().get() as number;
  if (dyadColumns !== 10) {
    db.exec(`DROP INDEX IF EXISTS events_dyad;
      CREATE INDEX events_dyad ON events (actor, recipient, date, event, quad, scale, certainty, cluster, precision, compound);`);
    repaired = true;
  }
  const indexes = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[]);
  const wanted: Readonly<Record<string, string>> = {
    events_recipient: 'events (recipient, date)',
    events_undated: "events (actor, recipient) WHERE (date IS NULL OR precision IN ('publication', 'unresolved'))",
    events_undated_recipient: "events (recipient) WHERE (date IS NULL OR precision IN ('publication', 'unresolved'))",
    events_exact: 'events (actor, recipient, date) WHERE NOT (certainty IS NULL AND compound = 0)',
    events_exact_recipient: 'events (recipient, date) WHERE NOT (certainty IS NULL AND compound = 0)',
  };
  for (const [name, on] of Object.entries(wanted)) {
    if (indexes.has(name)) continue;
    db.exec(`CREATE INDEX ${name} ON ${on}`);
    repaired = true;
  }
  const listed = db.prepare(`INSERT INTO parties (event, role, code, sector, entity_text)
    SELECT e.id, r.role, json_extract(p.value, '$.code'), json_extract(p.value, '$.sector'), json_extract(p.value, '$.entity_text')
    FROM events e, (SELECT 'actor' AS role UNION ALL SELECT 'recipient') r, json_each(e.record, '$.' || r.role) p
    WHERE e.source = 'imported' AND e.compound = 1 AND NOT EXISTS (SELECT 1 FROM parties x WHERE x.event = e.id)`).run();
  if (repaired || listed.changes) db.exec('INSERT OR IGNORE INTO tally_dirty SELECT DISTINCT actor, recipient FROM events WHERE certainty IS NULL');
}
