import type Database from 'better-sqlite3';
import type { Dataset, Entity, EventCore, ImportCounts, ImportedEvent, IngestOutcome, PloverRecord, Sentence, Story, StoryState } from '../../types.js';
import { prepareMark, prepareMarkWhere, WaitingBatch } from './waiting.js';

const now = (): string => new Date().toISOString();
const first = (list: readonly Entity[]): string => list[0]?.code ?? '';

/** Every statement that changes the store. Callers wrap batches in one transaction. */
export class Writer {
  private readonly q;

  constructor(db: Database.Database) {
    this.q = {
      storyByKey: db.prepare('SELECT id, content_hash AS hash FROM stories WHERE story_id = ?'),
      storyByHash: db.prepare('SELECT 1 FROM stories WHERE content_hash = ? LIMIT 1'),
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
      insertImported: db.prepare(`INSERT OR IGNORE INTO events (uid, source, import, row, source_id, url, date, enddate, precision, event, quad, scale,
        actor, recipient, dead, place_country, lat, lon, record, actor_sector, recipient_sector, actor_text, recipient_text,
        mode, context, event_text, place, original_code, mapping, compound, outlet, published)
        VALUES (?, 'imported', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      markDirty: db.prepare('INSERT OR IGNORE INTO tally_dirty (actor, recipient) VALUES (?, ?)'),
      markWaiting: prepareMark(db),
      markCluster: prepareMarkWhere(db, 'cluster = ?'),
      beginImport: db.prepare('INSERT INTO imports (dataset, file, started_at) VALUES (?, ?, ?)'),
      finishImport: db.prepare('UPDATE imports SET finished_at = ?, rows = ?, imported = ?, skipped = ?, duplicates = ? WHERE id = ?'),
    };
  }

  storyState(storyId: string, hash: string): StoryState {
    const row = this.q.storyByKey.get(storyId) as { id: number; hash: string } | undefined;
    if (!row) return 'absent';
    return row.hash === hash ? 'same' : 'changed';
  }

  storedContent(hash: string): boolean {
    return this.q.storyByHash.get(hash) !== undefined;
  }

  /** Store a coded story; a stored older version loses its sentences and events in the same transaction. */
  putStory(story: Story, sentences: readonly Sentence[], records: readonly PloverRecord[], hash: string, coder: string): IngestOutcome {
    const row = { story_id: story.id, url: story.url ?? null, title: story.title ?? null, outlet: story.source ?? null, published: story.date ?? null, text: story.text, hash, coder, at: now() };
    const existing = this.q.storyByKey.get(story.id) as { id: number } | undefined;
    let id: number;
    if (existing) {
      id = existing.id;
      for (const cluster of this.q.storyClusters.all(id) as number[]) {
        this.q.markCluster.run(cluster);
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
    // Marks come from the records in hand: a GROUP BY over the story's events took a temporary file each time.
    const waiting = new WaitingBatch();
    for (const r of records) {
      waiting.add(r.event, first(r.actor), r.date);
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
    waiting.write(this.q.markWaiting);
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
    const waiting = new WaitingBatch();
    for (const e of events) {
      const a = e.actor[0];
      const r = e.recipient[0];
      const loc = e.event_loc;
      const size = e.size;
      // The columns hold one dyad and a death toll; anything more keeps the whole record.
      const compound = e.actor.length > 1 || e.recipient.length > 1;
      const full = compound || (size !== null && (size.injured !== undefined || size.arrested !== undefined)) || e.text !== null;
      const info = stmt.run(
        `${e.provenance.dataset}:${e.source_id}`, importId, e.provenance.row ?? null, e.source_id, e.url, e.date, e.enddate ?? null, e.date_precision, e.event, e.quad_code, e.event_scale,
        a?.code ?? '', r?.code ?? '', size?.dead ?? null, loc?.country ?? null, loc?.lat ?? null, loc?.lon ?? null, full ? JSON.stringify(e) : null,
        a?.sector ?? null, r?.sector ?? null, a?.entity_text ?? null, r?.entity_text ?? null,
        e.mode.length ? e.mode.join(';') : null, e.context.length ? e.context.join(';') : null, e.event_text, loc?.name ?? null, e.original_code, e.mapping,
        compound ? 1 : 0, e.provenance.outlet ?? null, e.provenance.published ?? null,
      );
      inserted += info.changes;
      // A compound event's parties are listed, so that queries by any of its parties find it.
      if (compound && info.changes) this.putParties(Number(info.lastInsertRowid), e, false);
      if (info.changes) {
        dyads.add(`${a?.code ?? ''}\u0000${r?.code ?? ''}`);
        waiting.add(e.event, a?.code ?? '', e.date);
      }
    }
    waiting.write(this.q.markWaiting);
    // The monthly sums of the dyads with new events are now stale (src/store/sqlite/tallies.ts); duplicates change none.
    for (const d of dyads) this.q.markDirty.run(...d.split('\u0000'));
    return { inserted, duplicates: events.length - inserted };
  }

  finishImport(importId: number, c: ImportCounts): void {
    this.q.finishImport.run(now(), c.rows, c.imported, c.skipped, c.duplicates, importId);
  }
}
