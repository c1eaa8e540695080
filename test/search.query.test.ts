import { describe, expect, it } from 'vitest';
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
    const store = new SqliteStore(':memory:');
    const texts = ['Iraq protested to Turkey.', 'Iran threatened Israel.', 'Iran sent advisers to Syria.', 'Syria protested to Israel.'];
    store.transaction(() => texts.forEach((text, i) => {
      const story = { id: `s${i}`, text, date: '2021-12-01' };
      const coded = codeStory(story, model());
      store.putStory(story, coded.sentences, coded.records, contentHash(story), 'test');
    }));
    expect(store.search(query, 0).map((h) => h.story_id).sort()).toEqual(ids);
    store.close();
  });
});
