import type Database from 'better-sqlite3';
import { clusterEvents } from '../../dedupe/index.js';
import type { ClusterInput, Dataset, Entity, EventCore, ImportCounts, ImportedEvent, IngestOutcome, PloverRecord, Sentence, Story } from '../../types.js';

const now = (): string => new Date().toISOString();
const first = (list: readonly Entity[]): string => list[0]?.code ?? '';

/** Every statement that changes the store. Callers wrap batches in one transaction. */
export class Writer {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      storyByKey: db.prepare('SELECT id, content_hash AS hash FROM stories WHERE story_id = ?'),
      insertStory: db.prepare(`INSERT INTO stories (story_id, url, title, outlet, published, text, content_hash, coder_version, ingested_at)
        VALUES (@story_id, @url, @title, @outlet, @published, @text, @hash, @coder, @at)`),
      updateStory: db.prepare(`UPDATE stories SET url = @url, title = @title, outlet = @outlet, published = @published, text = @text,
        content_hash = @hash, coder_version = @coder, ingested_at = @at WHERE id = @id`),
      deleteEvents: db.prepare('DELETE FROM events WHERE story = ?'),
      // A replaced story's clusters are dissolved; their other members are re-clustered with the new events.
      storyClusters: db.prepare('SELECT DISTINCT cluster FROM events WHERE story = ? AND cluster IS NOT NULL').pluck(),
      openCluster: db.prepare('UPDATE events SET cluster = NULL WHERE cluster = ?'),
      dropCluster: db.prepare('DELETE FROM clusters WHERE id = ?'),
      deleteSentences: db.prepare('DELETE FROM sentences WHERE story = ?'),
      insertSentence: db.prepare('INSERT INTO sentences (story, seq, start, end, text) VALUES (?, ?, ?, ?, ?)'),
      indexSentence: db.prepare('INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)'),
      insertEvent: db.prepare(`INSERT OR IGNORE INTO events (uid, source, story, sentence, import, row, source_id, url, date, enddate, precision,
        event, quad, scale, actor, recipient, certainty, dead, place_country, lat, lon, record, mode, context, compound)
        VALUES (@uid, @source, @story, @sentence, @import, @row, @source_id, @url, @date, @enddate, @precision,
        @event, @quad, @scale, @actor, @recipient, @certainty, @dead, @place_country, @lat, @lon, @record, @mode, @context, @compound)`),
      insertParty: db.prepare('INSERT INTO parties (event, role, code, sector, entity_text, identifier) VALUES (?, ?, ?, ?, ?, ?)'),
      countActor: db.prepare(`INSERT INTO actors (code, sector, identifier, mentions) VALUES (?, ?, ?, 1)
        ON CONFLICT (code, sector, identifier) DO UPDATE SET mentions = mentions + 1`),
      insertImported: db.prepare(`INSERT OR IGNORE INTO events (uid, source, import, row, source_id, url, date, precision, event, quad, scale,
        actor, recipient, dead, place_country, lat, lon, record, actor_sector, recipient_sector, actor_text, recipient_text,
        mode, context, event_text, place, original_code, mapping, compound)
        VALUES (?, 'imported', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      markDirty: db.prepare('INSERT OR IGNORE INTO tally_dirty (actor, recipient) VALUES (?, ?)'),
      beginImport: db.prepare('INSERT INTO imports (dataset, file, started_at) VALUES (?, ?, ?)'),
      finishImport: db.prepare('UPDATE imports SET finished_at = ?, rows = ?, imported = ?, skipped = ?, duplicates = ? WHERE id = ?'),
    };
  }

  storyState(storyId: string, hash: string): 'absent' | 'same' | 'changed' {
    const row = this.q.storyByKey.get(storyId) as { id: number; hash: string } | undefined;
    if (!row) return 'absent';
    return row.hash === hash ? 'same' : 'changed';
  }

  /** Store a coded story; a stored older version loses its sentences and events in the same transaction. */
  putStory(story: Story, sentences: readonly Sentence[], records: readonly PloverRecord[], hash: string, coder: string): IngestOutcome {
    const row = { story_id: story.id, url: story.url ?? null, title: story.title ?? null, outlet: story.source ?? null, published: story.date ?? null, text: story.text, hash, coder, at: now() };
    const existing = this.q.storyByKey.get(story.id) as { id: number } | undefined;
    let id: number;
    if (existing) {
      id = existing.id;
      for (const cluster of this.q.storyClusters.all(id) as number[]) {
        this.q.openCluster.run(cluster);
        this.q.dropCluster.run(cluster);
      }
      this.q.deleteEvents.run(id);
      this.q.deleteSentences.run(id);
      this.q.updateStory.run({ ...row, id });
    } else id = Number(this.q.insertStory.run(row).lastInsertRowid);
    const sentenceIds = sentences.map((s) => {
      const sentenceId = Number(this.q.insertSentence.run(id, s.index, s.start, s.end, s.text).lastInsertRowid);
      this.q.indexSentence.run(sentenceId, s.text);
      return sentenceId;
    });
    for (const r of records) {
      const info = this.q.insertEvent.run({
        uid: r.id, source: 'coded', story: id, sentence: sentenceIds[r.text_info.sequence], import: null, row: null, source_id: null, url: story.url ?? null,
        date: r.date, enddate: r.enddate ?? null, precision: r.date_precision, event: r.event, quad: r.quad_code, scale: r.event_scale,
        actor: first(r.actor), recipient: first(r.recipient), certainty: r.attribution.certainty, dead: r.size?.dead ?? null,
        place_country: r.event_loc?.country ?? null, lat: r.event_loc?.lat ?? null, lon: r.event_loc?.lon ?? null, record: JSON.stringify(r),
        mode: r.mode.length ? r.mode.join(';') : null, context: r.context.length ? r.context.join(';') : null,
        compound: r.actor.length > 1 || r.recipient.length !== 1 ? 1 : 0,
      });
      this.putParties(Number(info.lastInsertRowid), r, true);
    }
    return existing ? 'updated' : 'new';
  }

  /** List an event's parties; a coded story's parties also count as mentions of their actors. */
  private putParties(eventId: number, e: EventCore, countActors: boolean): void {
    for (const [role, list] of [['actor', e.actor], ['recipient', e.recipient]] as const) {
      for (const p of list) {
        this.q.insertParty.run(eventId, role, p.code, p.sector ?? null, p.entity_text, p.identifier_text ?? null);
        if (countActors) this.q.countActor.run(p.code, p.sector ?? '', p.identifier_text ?? '');
      }
    }
  }

  beginImport(dataset: Dataset, file: string): number {
    return Number(this.q.beginImport.run(dataset, file, now()).lastInsertRowid);
  }

  /** Imported events go into columns with positional parameters: this is the import's hot path. */
  putImported(importId: number, events: readonly ImportedEvent[]): { inserted: number; duplicates: number } {
    let inserted = 0;
    const stmt = this.q.insertImported;
    const dyads = new Set<string>();
    for (const e of events) {
      const a = e.actor[0];
      const r = e.recipient[0];
      const loc = e.event_loc;
      const size = e.size;
      // The columns hold one dyad and a death toll; anything more keeps the whole record.
      const compound = e.actor.length > 1 || e.recipient.length > 1;
      const full = compound || (size !== null && (size.injured !== undefined || size.arrested !== undefined)) || e.text !== null;
      const info = stmt.run(
        `${e.provenance.dataset}:${e.source_id}`, importId, e.provenance.row ?? null, e.source_id, e.url, e.date, e.date_precision, e.event, e.quad_code, e.event_scale,
        a?.code ?? '', r?.code ?? '', size?.dead ?? null, loc?.country ?? null, loc?.lat ?? null, loc?.lon ?? null, full ? JSON.stringify(e) : null,
        a?.sector ?? null, r?.sector ?? null, a?.entity_text ?? null, r?.entity_text ?? null,
        e.mode.length ? e.mode.join(';') : null, e.context.length ? e.context.join(';') : null, e.event_text, loc?.name ?? null, e.original_code, e.mapping,
        compound ? 1 : 0,
      );
      inserted += info.changes;
      // A compound event's parties are listed, so that queries by any of its parties find it.
      if (compound && info.changes) this.putParties(Number(info.lastInsertRowid), e, false);
      dyads.add(`${a?.code ?? ''}\u0000${r?.code ?? ''}`);
    }
    // The monthly sums of these dyads are now stale (src/store/sqlite/tallies.ts).
    for (const d of dyads) this.q.markDirty.run(...d.split('\u0000'));
    return { inserted, duplicates: events.length - inserted };
  }

  finishImport(importId: number, c: ImportCounts): void {
    this.q.finishImport.run(now(), c.rows, c.imported, c.skipped, c.duplicates, importId);
  }

  /**
   * Apply the cluster rule group by group (same type and actor), streaming the events in order so that memory
   * holds one group at a time. 'new' re-clusters only the groups that have unclustered events.
   */
  recluster(scope: 'all' | 'new'): { clusters: number; events: number } {
    const only = scope === 'new' ? 'WHERE (e.event, e.actor) IN (SELECT DISTINCT event, actor FROM events WHERE cluster IS NULL)' : '';
    // An ordered snapshot in a temporary table, read page by page: memory holds one page and one group.
    this.db.exec('DROP TABLE IF EXISTS temp.cluster_order; DROP TABLE IF EXISTS temp.cluster_assign');
    this.db.exec(`CREATE TEMP TABLE cluster_order AS
      SELECT e.id AS rowid, e.event, e.actor, e.recipient, e.date, e.enddate, e.precision, e.place_country, e.lat, e.lon, e.dead, e.cluster,
        COALESCE(s.outlet, s.url, s.story_id, i.dataset) AS outlet, COALESCE(s.published, substr(i.started_at, 1, 10)) AS seen
      FROM events e LEFT JOIN stories s ON s.id = e.story LEFT JOIN imports i ON i.id = e.import ${only} ORDER BY e.event, e.actor, e.id`);
    this.db.exec('CREATE TEMP TABLE cluster_assign (event INTEGER PRIMARY KEY, cluster INTEGER NOT NULL)');
    const page = this.db.prepare('SELECT _rowid_ AS k, * FROM temp.cluster_order WHERE _rowid_ > ? ORDER BY _rowid_ LIMIT 20000');
    const assign = this.db.prepare('INSERT INTO temp.cluster_assign (event, cluster) VALUES (?, ?)');
    const deleteCluster = this.db.prepare('DELETE FROM clusters WHERE id = ?');
    const insertCluster = this.db.prepare(`INSERT INTO clusters (event, actor, recipient, date, first_date, last_date, mentions, outlets, first_seen, last_seen, dead, dead_min, dead_max, place_country)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    if (scope === 'all') {
      this.db.prepare('UPDATE events SET cluster = NULL WHERE cluster IS NOT NULL').run();
      this.db.prepare('DELETE FROM clusters').run();
    }
    let clusters = 0;
    let events = 0;
    const flush = (group: Row[]): void => {
      if (group.length === 0) return;
      if (scope === 'new') for (const id of new Set(group.map((g) => g.cluster).filter((c): c is number => c !== null))) deleteCluster.run(id);
      for (const c of clusterEvents(group)) {
        const id = Number(insertCluster.run(c.event, c.actor, c.recipient, c.date, c.first_date, c.last_date, c.mentions, JSON.stringify(c.outlets),
          c.first_seen, c.last_seen, c.dead, c.dead_min, c.dead_max, c.place_country).lastInsertRowid);
        for (const m of c.members) assign.run(m, id);
        clusters++;
        events += c.members.length;
      }
    };
    let key = '';
    let group: Row[] = [];
    for (let last = 0; ; ) {
      const rows = page.all(last) as (Row & { k: number })[];
      if (rows.length === 0) break;
      last = rows[rows.length - 1]!.k;
      for (const r of rows) {
        const k = `${r.event}\u0000${r.actor}`;
        if (k !== key) {
          flush(group);
          group = [];
          key = k;
        }
        group.push(r);
      }
    }
    flush(group);
    // One pass over the events in id order instead of an update per event.
    this.db.exec('UPDATE events SET cluster = a.cluster FROM temp.cluster_assign a WHERE events.id = a.event');
    // Distinct-event counts in the monthly sums change with the clusters.
    this.db.exec('INSERT OR IGNORE INTO tally_dirty (actor, recipient) SELECT DISTINCT actor, recipient FROM temp.cluster_order');
    this.db.exec('DROP TABLE temp.cluster_order; DROP TABLE temp.cluster_assign');
    return { clusters, events };
  }
}

type Row = ClusterInput & { readonly cluster: number | null };

