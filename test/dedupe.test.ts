import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterEvents } from '../src/dedupe/index.js';
import { codeStory } from '../src/pipeline/index.js';
import { contentHash } from '../src/store/ingest.js';
import { SqliteStore } from '../src/store/sqlite/index.js';
import type { ClusterInput, Story } from '../src/types.js';
import { model } from './helpers.js';

const report = (rowid: number, over: Partial<ClusterInput>): ClusterInput => ({
  rowid, event: 'ASSAULT', actor: 'ARM', recipient: 'AZE', date: '2020-07-12', enddate: null, precision: 'day',
  place_country: 'AZE', lat: null, lon: null, dead: null, outlet: `outlet${rowid}`, seen: '2020-07-13', ...over,
});
const groups = (inputs: ClusterInput[]): number[][] => clusterEvents(inputs).map((c) => [...c.members]);

describe('dedupe: the cluster rule', () => {
  it.each([
    ['same type, parties, day', [report(1, {}), report(2, {})], [[1, 2]]],
    ['a day apart', [report(1, {}), report(2, { date: '2020-07-13' })], [[1, 2]]],
    ['three days apart', [report(1, {}), report(2, { date: '2020-07-15' })], [[1], [2]]],
    ['publication date within four days after', [report(1, {}), report(2, { date: '2020-07-15', precision: 'publication' })], [[1, 2]]],
    ['one report names no recipient, in the same country', [report(1, {}), report(2, { recipient: '' })], [[1, 2]]],
    ['one report names no recipient and no place', [report(1, {}), report(2, { recipient: '', place_country: null })], [[1], [2]]],
    ['neither names a recipient', [report(1, { recipient: '', place_country: null }), report(2, { recipient: '', place_country: null })], [[1, 2]]],
    ['different recipients', [report(1, {}), report(2, { recipient: 'GEO' })], [[1], [2]]],
    ['different types', [report(1, {}), report(2, { event: 'THREATEN' })], [[1], [2]]],
    ['different actors', [report(1, {}), report(2, { actor: 'AZE' })], [[1], [2]]],
    ['different countries', [report(1, {}), report(2, { place_country: 'GEO' })], [[1], [2]]],
    ['places 100 km apart', [report(1, { lat: 40.99, lon: 45.63 }), report(2, { lat: 40.68, lon: 46.36 })], [[1], [2]]],
    ['same conflict anchor', [report(1, { date: '2020-09-27', enddate: '2020-11-10', precision: 'approximate' }), report(2, { date: '2020-09-27', enddate: '2020-11-10', precision: 'approximate' })], [[1, 2]]],
    ['a conflict range does not swallow a dated event', [report(1, { date: '2020-09-27', enddate: '2020-11-10', precision: 'approximate' }), report(2, { date: '2020-10-01' })], [[1], [2]]],
    ['a chain of daily reports: every two members within the tolerance', [1, 2, 3, 4, 5, 6].map((i) => report(i, { date: `2020-07-1${i}` })), [[1, 2, 3], [4, 5, 6]]],
    ['no date: alone', [report(1, { date: null }), report(2, { date: null })], [[1], [2]]],
  ] as [string, ClusterInput[], number[][]][])('%s', (_name, inputs, expected) => {
    expect(groups(inputs)).toEqual(expected);
  });

  it('the same reports in another order give the same clusters', () => {
    const inputs = [report(1, {}), report(2, { date: '2020-07-13' }), report(3, { date: '2020-07-25' }), report(4, { recipient: 'GEO' })];
    expect(groups([...inputs].reverse())).toEqual(groups(inputs));
  });

  it.each([
    ['one day', [report(1, {})], ['2020-07-12', '2020-07-12']],
    ['two days', [report(1, {}), report(2, { date: '2020-07-13' })], ['2020-07-12', '2020-07-13']],
    ['a range ends on its end date', [report(1, { date: '2020-09-27', enddate: '2020-10-11', precision: 'approximate' })], ['2020-09-27', '2020-10-11']],
    ['a day-precise report running two days', [report(1, {}), report(2, { enddate: '2020-07-14' })], ['2020-07-12', '2020-07-14']],
    ['an end date before the date is not read', [report(1, { enddate: '2020-07-10' })], ['2020-07-12', '2020-07-12']],
    ['no date', [report(1, { date: null })], [null, null]],
  ] as [string, ClusterInput[], (string | null)[]][])('first and last date: %s', (_name, inputs, expected) => {
    const [c] = clusterEvents(inputs);
    expect([c!.first_date, c!.last_date]).toEqual(expected);
  });

  it('summarises mentions, outlets, first and last seen, and the most reported toll with its range', () => {
    const [c] = clusterEvents([report(1, { dead: 4, seen: '2020-07-13' }), report(2, { dead: 4, outlet: 'outlet1', seen: '2020-07-14' }), report(3, { dead: 5, seen: '2020-07-12' })]);
    expect(c).toMatchObject({ mentions: 3, outlets: ['outlet1', 'outlet3'], first_seen: '2020-07-12', last_seen: '2020-07-14', dead: 4, dead_min: 4, dead_max: 5, date: '2020-07-12' });
  });
});

describe('dedupe: differently worded reports end to end', () => {
  const stories = readFileSync(join(import.meta.dirname, 'fixtures', 'dedupe.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Story);
  const store = new SqliteStore(':memory:');
  for (const s of stories) {
    const c = codeStory(s, model());
    store.transaction(() => store.putStory(s, c.sentences, c.records, contentHash(s), 'test'));
  }
  store.transaction(() => store.recluster('all'));
  const clusters = [...store.clusters({})];
  const storyOf = new Map([...store.events({})].map((e) => [e.rowid, e.story!.story_id]));
  const members = (id: string) => clusters.find((c) => c.members.some((m) => storyOf.get(m) === id))!;

  it('four wires on the Tovuz attack are one event with every mention kept', () => {
    const tovuz = members('wire-a-1');
    expect(tovuz.members.map((m) => storyOf.get(m)).sort()).toEqual(['wire-a-1', 'wire-b-1', 'wire-c-1', 'wire-d-1']);
    expect(tovuz).toMatchObject({ event: 'ASSAULT', actor: 'ARM', recipient: 'AZE', mentions: 4, dead: 4, dead_min: 4, dead_max: 5 });
    expect(tovuz.outlets).toEqual(['Wire A', 'Wire B', 'Wire C', 'Wire D']);
  });

  it('two reports of the arms delivery are one event', () => {
    expect(members('wire-a-2').members.map((m) => storyOf.get(m)).sort()).toEqual(['wire-a-2', 'wire-b-2']);
  });

  it.each(['wire-a-3', 'wire-b-3', 'wire-c-3', 'wire-d-3'])('look-alike %s stays apart', (id) => {
    expect(members(id).mentions).toBe(1);
  });
});
