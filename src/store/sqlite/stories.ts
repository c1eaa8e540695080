import type Database from 'better-sqlite3';
import type { StoredStory, StorySummary } from '../../types.js';
import { EVENT_SELECT, eventRow, toStored } from './read.js';

const SUMMARY = `SELECT s.id AS rowid, s.story_id, s.title, s.outlet, s.url, s.published, s.ingested_at, s.coder_version,
  (SELECT count(*) FROM sentences WHERE story = s.id) AS sentences,
  (SELECT count(*) FROM events WHERE story = s.id) AS events
  FROM stories s`;

/** Stored stories: listed a page at a time, or one with its sentences and events. */
export class StoryReader {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      page: db.prepare(`${SUMMARY} WHERE s.id > ? ORDER BY s.id LIMIT ?`),
      one: db.prepare(`${SUMMARY} WHERE s.story_id = ?`),
      text: db.prepare('SELECT text FROM stories WHERE id = ?').pluck(),
      sentences: db.prepare('SELECT seq AS sequence, start, end, text FROM sentences WHERE story = ? ORDER BY seq'),
      events: db.prepare(`${EVENT_SELECT} WHERE e.story = ? ORDER BY e.id`).raw(),
      version: db.prepare('SELECT total_changes()').pluck(),
    };
  }

  stories(opts: { readonly limit?: number; readonly after?: number }): StorySummary[] {
    return this.q.page.all(opts.after ?? 0, opts.limit ?? -1) as StorySummary[];
  }

  story(storyId: string): StoredStory | null {
    const summary = this.q.one.get(storyId) as StorySummary | undefined;
    if (!summary) return null;
    const text = this.q.text.get(summary.rowid) as string;
    return {
      summary,
      story: {
        id: summary.story_id, text,
        ...(summary.published ? { date: summary.published } : {}), ...(summary.title ? { title: summary.title } : {}),
        ...(summary.url ? { url: summary.url } : {}), ...(summary.outlet ? { source: summary.outlet } : {}),
      },
      sentences: this.q.sentences.all(summary.rowid) as StoredStory['sentences'],
      events: (this.q.events.all(summary.rowid) as unknown[][]).map((a) => toStored(eventRow(a))),
    };
  }

  /** SQLite's data_version moves on another connection's commits; total_changes() on this connection's writes. */
  dataVersion(): string {
    return `${Number(this.db.pragma('data_version', { simple: true }))}.${Number(this.q.version.get())}`;
  }
}
