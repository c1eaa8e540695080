import { describe, expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import { SqliteStore } from '../src/store/sqlite/index.js';
import { ftsQuery } from '../src/store/sqlite/read.js';
import { contentHash } from '../src/store/ingest.js';
import { codeStory } from '../src/pipeline/index.js';
import { model } from './helpers.js';

describe('search: what a query means', () => {
  it.each([
    ['ammunition Armenia', '"ammunition" "Armenia"'],
    ['Iran AND (Israel OR Syria)', '"Iran" AND ( "Israel" OR "Syria" )'],
    ['Ira*', '"Ira"*'],
    ['"ceasefire talks" NOT Russia', '"ceasefire talks" NOT "Russia"'],
    ['U.S. sanctions', '"U.S." "sanctions"'],
    ['*', '""'],
    ['"ammunition Armenia', '"ammunition Armenia'],
  ])('%j → %j', (query, fts) => expect(ftsQuery(query)).toBe(fts));

  it.each([
    ['Iran AND (Israel OR Syria)', ['s1', 's2']],
    ['Ira*', ['s0', 's1', 's2']],
    ['Iran NOT Syria', ['s1']],
  ])('%j finds %j', (query, ids) => {
    const store = stored(['Iraq protested to Turkey.', 'Iran threatened Israel.', 'Iran sent advisers to Syria.', 'Syria protested to Israel.']);
    expect(store.search(query, 0).map((h) => h.story_id).sort()).toEqual(ids);
    store.close();
  });

  it('pages through the hits, in the store and in the API', async () => {
    const store = stored(Array.from({ length: 7 }, (_, i) => `Iran protested to Iraq on day ${i + 1}.`));
    const all = store.search('Iran', 0).map((h) => h.story_id);
    expect(all).toHaveLength(7);
    expect([0, 3, 6].flatMap((offset) => store.search('Iran', 3, offset).map((h) => h.story_id))).toEqual(all);
    const app = createApp({ store, model: model() });
    const pages: string[] = [];
    for (let next: number | null = 0; next !== null; ) {
      const body = (await (await app.request(`/api/search?q=Iran&limit=3&offset=${next}`)).json()) as { hits: { story_id: string }[]; next: number | null };
      pages.push(...body.hits.map((h) => h.story_id));
      next = body.next;
    }
    expect(pages).toEqual(all);
    store.close();
  });
});

/** A store holding one story a text, named s0, s1, ... */
function stored(texts: readonly string[]): SqliteStore {
  const store = new SqliteStore(':memory:');
  store.transaction(() => texts.forEach((text, i) => {
    const story = { id: `s${i}`, text, date: '2021-12-01' };
    const coded = codeStory(story, model());
    store.putStory(story, coded.sentences, coded.records, contentHash(story), 'test');
  }));
  return store;
}
