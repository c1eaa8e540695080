import { describe, expect, it } from 'vitest';
import { codeStory } from '../src/pipeline/index.js';
import { contentHash } from '../src/store/ingest.js';
import type { ImportedEvent, Store, Story } from '../src/types.js';
import { model } from './helpers.js';

const story = (id: string, text: string, date = '2021-12-01', source = 'Test Wire'): Story => ({ id, text, date, source });
const put = (store: Store, s: Story): void => {
  const c = codeStory(s, model());
  store.transaction(() => store.putStory(s, c.sentences, c.records, contentHash(s), 'entente test'));
};

export const imported = (id: string, over: Partial<ImportedEvent> = {}): ImportedEvent => ({
  source_id: id, date: '2020-10-05', date_precision: 'day', actor: [{ code: 'SRB', entity_text: 'Serbia' }], recipient: [{ code: 'ARM', entity_text: 'Armenia' }],
  event: 'AID', mode: [], context: ['military'], quad_code: 2, event_scale: 10, event_text: null, event_loc: null, size: null, text: null,
  url: `https://example.org/${id}`, original_code: '0332', mapping: 'test', provenance: { source: 'imported', dataset: 'gdelt', file: 'x.csv', row: 1, source_id: id },
  ...over,
});

/** The contract every store backend must pass. */
export function storeContract(name: string, make: () => Store): void {
  describe(`store contract: ${name}`, () => {
    it('stores a coded story with its sentences and events, and knows it afterwards', () => {
      const store = make();
      const s = story('s1', 'Serbia delivered weapons to Armenia on Monday. Iran threatened to attack Iraq.');
      expect(store.storyState('s1', contentHash(s))).toBe('absent');
      put(store, s);
      expect(store.storyState('s1', contentHash(s))).toBe('same');
      expect(store.storyState('s1', 'other')).toBe('changed');
      // The same content is found under any id.
      expect(store.storyState('s1-copy', contentHash(s))).toBe('absent');
      expect(store.storedContent(contentHash(s))).toBe(true);
      expect(store.storedContent('other')).toBe(false);
      const events = [...store.events({})];
      expect(events.map((e) => e.record.event)).toEqual(['AID', 'THREATEN']);
      expect(events[0]!.story?.story_id).toBe('s1');
      expect([...store.events({ uids: [events[1]!.uid] })].map((e) => e.rowid)).toEqual([events[1]!.rowid]);
      expect([...store.events({ uids: [] })]).toEqual([]);
      expect(store.stats()).toMatchObject({ stories: 1, sentences: 2, events: { coded: 2, imported: 0 } });
      // The size counts what is stored, even while it waits in the write-ahead log: more than an empty page.
      expect(store.stats().bytes).toBeGreaterThan(16_384);
      store.close();
    });

    it('replacing a story replaces its events; a failed transaction leaves nothing', () => {
      const store = make();
      put(store, story('s1', 'Serbia delivered weapons to Armenia.'));
      put(store, story('s1', 'Iran threatened to attack Iraq.'));
      expect([...store.events({})].map((e) => e.record.event)).toEqual(['THREATEN']);
      expect(() => store.transaction(() => {
        const s = story('s2', 'Russia expelled two Swiss diplomats.');
        const c = codeStory(s, model());
        store.putStory(s, c.sentences, c.records, contentHash(s), 'entente test');
        throw new Error('crash in the middle');
      })).toThrow('crash in the middle');
      expect(store.stats().stories).toBe(1);
      expect(store.check()).toEqual([]);
      expect(store.check({ quick: true })).toEqual([]);
      store.close();
    });

    it('filters by actor, recipient (compound parties too), type, quad, dates, certainty and source', () => {
      const store = make();
      put(store, story('a', 'Serbia delivered weapons to Armenia on Monday.'));
      put(store, story('b', 'Hungary and Romania attacked Serbia yesterday.'));
      put(store, story('c', 'Azerbaijan reportedly attacked Armenia.'));
      const id = store.transaction(() => store.beginImport('gdelt', 'x.csv'));
      store.transaction(() => store.putImported(id, [imported('g1')]));
      const types = (f: Parameters<Store['events']>[0]) => [...store.events(f)].map((e) => `${e.record.event}:${e.record.actor.map((a) => a.code).join('+')}`);
      expect(types({ actor: ['SRB'] })).toEqual(['AID:SRB', 'AID:SRB']);
      expect(types({ actor: ['ROU'] })).toEqual(['ASSAULT:HUN+ROU']);
      expect(types({ recipient: ['ARM'], type: ['ASSAULT'] })).toEqual(['ASSAULT:AZE']);
      expect(types({ quad: [4] }).length).toBe(2);
      expect(types({ certainty: ['hedged'] })).toEqual(['ASSAULT:AZE']);
      expect(types({ source: 'imported' })).toEqual(['AID:SRB']);
      expect(types({ from: '2021-11-30', to: '2021-11-30' })).toEqual(['ASSAULT:HUN+ROU']);
      store.close();
    });

    it('counts imported duplicates and keeps provenance', () => {
      const store = make();
      const id = store.transaction(() => store.beginImport('gdelt', 'x.csv'));
      expect(store.transaction(() => store.putImported(id, [imported('1'), imported('2'), imported('1')]))).toEqual({ inserted: 2, duplicates: 1 });
      store.transaction(() => store.finishImport(id, { rows: 3, imported: 2, skipped: 0, duplicates: 1 }));
      const [e] = [...store.events({ source: 'imported' })];
      expect(e!.provenance).toMatchObject({ source: 'imported', dataset: 'gdelt', file: 'x.csv', row: 1, source_id: '1' });
      // New events leave their groups to cluster and their dyad to sum; duplicates leave neither.
      expect([store.transaction(() => store.recluster('new')).events, store.refreshTallies()]).toEqual([2, 1]);
      store.transaction(() => store.putImported(id, [imported('2')]));
      expect([store.transaction(() => store.recluster('new')).events, store.refreshTallies()]).toEqual([0, 0]);
      store.close();
    });

    it('a bulk load answers the same, during it and after it; a small import is not one', () => {
      const store = make();
      expect(store.beginBulkLoad(10)).toBe(false);
      const id = store.transaction(() => store.beginImport('gdelt', 'x.csv'));
      const bulk = store.beginBulkLoad(1_000_000);
      store.transaction(() => store.putImported(id, [imported('1'), imported('2', { date: '2020-11-02' }), imported('1')]));
      const expected = [{ period: '2020-10', event: 'AID', count: 1 }, { period: '2020-11', event: 'AID', count: 1 }];
      expect(store.dyad('SRB', 'ARM', 'month')).toEqual(expected);
      store.endBulkLoad();
      expect(typeof bulk).toBe('boolean');
      expect(store.dyad('SRB', 'ARM', 'month')).toEqual(expected);
      expect(store.acts({ recipient: ['ARM'] })).toHaveLength(2);
      expect(store.check()).toEqual([]);
      store.close();
    });

    it('answers dyad counts by month, through compound parties too', () => {
      const store = make();
      const id = store.transaction(() => store.beginImport('gdelt', 'x.csv'));
      store.transaction(() => store.putImported(id, [imported('1'), imported('2', { date: '2020-10-20' }), imported('3', { date: '2020-11-02', event: 'SUPPORT', quad_code: 1 })]));
      put(store, story('c', 'Serbia and Russia sent weapons to Armenia on Monday.'));
      expect(store.dyad('SRB', 'ARM', 'month')).toEqual([
        { period: '2020-10', event: 'AID', count: 2 },
        { period: '2020-11', event: 'SUPPORT', count: 1 },
        { period: '2021-11', event: 'AID', count: 1 },
      ]);
      expect(store.dyad('RUS', 'ARM', 'year')).toEqual([{ period: '2021', event: 'AID', count: 1 }]);
      store.close();
    });

    it('searches sentences by full text, with their events', () => {
      const store = make();
      put(store, story('s1', 'Serbia sent large quantities of ammunition to Armenia. The weather was fine.'));
      const [hit] = store.search('ammunition Armenia', 5);
      expect(hit).toMatchObject({ story_id: 's1', sequence: 0 });
      expect(hit!.snippet).toMatch(/\[ammunition\]/);
      expect(hit!.events.map((e) => e.record.event)).toEqual(['AID']);
      expect(store.search('weather "quantities"', 5)).toEqual([]);
      // A replaced story is found by its new text only.
      put(store, story('s1', 'Serbia sent rifles to Armenia.'));
      expect(store.search('ammunition', 5)).toEqual([]);
      expect(store.search('rifles', 5).map((h) => h.story_id)).toEqual(['s1']);
      expect(store.check()).toEqual([]);
      store.close();
    });

    it('clusters reports of the same event and keeps every mention', () => {
      const store = make();
      put(store, story('r1', 'Armenian forces shelled the Azerbaijani town of Tovuz on Sunday, killing four soldiers.', '2020-07-13', 'Wire A'));
      put(store, story('r2', 'Armenia attacked Azerbaijan in Tovuz, where 4 soldiers died, officials said on Monday.', '2020-07-13', 'Wire B'));
      put(store, story('r3', 'Armenian forces attacked Azerbaijan on July 30.', '2020-08-01', 'Wire A'));
      expect(store.stats().waiting).toBe(3);
      expect(store.transaction(() => store.recluster('all'))).toMatchObject({ events: 3 });
      expect(store.stats().waiting).toBe(0);
      const clusters = [...store.clusters({ type: ['ASSAULT'] })];
      expect(clusters.map((c) => c.mentions).sort()).toEqual([1, 2]);
      const pair = clusters.find((c) => c.mentions === 2)!;
      expect(pair).toMatchObject({ outlets: ['Wire A', 'Wire B'], dead: 4 });
      // Every mention is kept as evidence: the members are the stored events, in id order.
      const ids = [...store.events({ type: ['ASSAULT'] })].filter((e) => e.cluster === pair.id).map((e) => e.rowid).sort((a, b) => a - b);
      expect(pair.members).toEqual(ids);
      expect([...store.events({ clusters: [pair.id] })].map((e) => e.rowid).sort((a, b) => a - b)).toEqual(pair.members);
      expect([...store.events({ clusters: [] })]).toEqual([]);
      // Clusters filter by their own columns, and by their reports for what they do not hold (source, certainty, quad).
      expect([...store.clusters({ clusters: [pair.id] })]).toEqual([pair]);
      expect([...store.clusters({ source: 'coded', type: ['ASSAULT'] })]).toHaveLength(2);
      expect([...store.clusters({ source: 'imported' })]).toEqual([]);
      expect([...store.clusters({ certainty: ['denied'] })]).toEqual([]);
      expect([...store.clusters({ quad: [4], ids: [pair.members[0]!] })]).toEqual([pair]);
      expect(store.cluster(pair.id)).toEqual(pair);
      expect(store.cluster(pair.id + 1000)).toBeNull();
      // Paged by id.
      const byId = [...store.clusters({}, { order: 'id' })].map((c) => c.id);
      expect(byId).toEqual([...byId].sort((a, b) => a - b));
      const [firstPage] = [...store.clusters({}, { order: 'id', limit: 1 })];
      expect(firstPage!.id).toBe(byId[0]);
      expect([...store.clusters({}, { order: 'id', after: firstPage!.id })].map((c) => c.id)).toEqual(byId.slice(1));
      // Most reported first, then by id; paged after a cluster in that order.
      const byMentions = [...store.clusters({}, { order: 'mentions' })];
      expect(byMentions.map((c) => [c.mentions, c.id])).toEqual([[2, pair.id], ...byId.filter((id) => id !== pair.id).map((id) => [1, id])]);
      expect([...store.clusters({}, { order: 'mentions', after: pair.id, limit: 1 })].map((c) => c.id)).toEqual([byMentions[1]!.id]);
      expect([...store.clusters({}, { order: 'mentions', after: byMentions[1]!.id })].map((c) => c.id)).toEqual(byMentions.slice(2).map((c) => c.id));
      expect([...store.clusters({}, { order: 'mentions', after: pair.id + 1000 })]).toEqual([]);
      expect(store.check()).toEqual([]);
      store.close();
    });

    it('clusters imported reports by the outlets that published them and the days they did', () => {
      const store = make();
      const id = store.transaction(() => store.beginImport('icews', 'x.tab'));
      const by = (source_id: string, outlet: string | undefined, published: string | undefined): ImportedEvent => imported(source_id, {
        provenance: { source: 'imported', dataset: 'icews', file: 'x.tab', row: 1, source_id, ...(outlet ? { outlet } : {}), ...(published ? { published } : {}) },
      });
      const rows = [by('1', 'Wire A', '2020-10-05'), by('2', 'Wire B', '2020-10-07'), by('3', 'Wire A', '2020-10-06'), by('4', undefined, '2020-10-09')];
      store.transaction(() => store.putImported(id, rows));
      expect([...store.events({ source: 'imported' })][1]!.provenance).toMatchObject({ outlet: 'Wire B', published: '2020-10-07' });
      store.transaction(() => store.recluster('all'));
      const [c] = [...store.clusters({})];
      // The fourth report names no outlet: its URL's host stands for it.
      expect(c).toMatchObject({ mentions: 4, outlets: ['Wire A', 'Wire B', 'example.org'], first_seen: '2020-10-05', last_seen: '2020-10-09' });
      store.close();
    });

    it('lists stories a page at a time and reads one back with its sentences and events', () => {
      const store = make();
      put(store, story('s1', 'Serbia delivered weapons to Armenia. The weather was fine.'));
      put(store, story('s2', 'Iran threatened to attack Iraq.'));
      const [first, ...rest] = store.stories({ limit: 1 });
      expect(rest).toEqual([]);
      expect(first).toMatchObject({ story_id: 's1', sentences: 2, events: 1, published: '2021-12-01', outlet: 'Test Wire' });
      expect(store.stories({ after: first!.rowid }).map((s) => s.story_id)).toEqual(['s2']);
      const s1 = store.story('s1')!;
      expect(s1.story).toMatchObject({ id: 's1', date: '2021-12-01', source: 'Test Wire' });
      expect(s1.sentences.map((x) => [x.sequence, x.text])).toEqual([[0, 'Serbia delivered weapons to Armenia.'], [1, 'The weather was fine.']]);
      expect(s1.story.text.slice(s1.sentences[1]!.start, s1.sentences[1]!.end)).toBe('The weather was fine.');
      expect(s1.events.map((e) => e.record.event)).toEqual(['AID']);
      expect(store.story('nope')).toBeNull();
      store.close();
    });

    it('pages events by id and moves its data version on every write', () => {
      const store = make();
      const before = store.dataVersion();
      put(store, story('s1', 'Serbia delivered weapons to Armenia. Iran threatened to attack Iraq on 3 May 2020.'));
      const after = store.dataVersion();
      expect(after).not.toBe(before);
      expect(store.dataVersion()).toBe(after);
      const all = [...store.events({}, { order: 'id' })].map((e) => e.rowid);
      expect(all).toEqual([...all].sort((a, b) => a - b));
      expect([...store.events({}, { order: 'id', after: all[0]!, limit: 5 })].map((e) => e.rowid)).toEqual(all.slice(1));
      store.close();
    });

    it('reads events as acts: joint and compound events expanded, undated ones apart', () => {
      const store = make();
      put(store, story('j', 'Serbia and Azerbaijan signed a strategic partnership agreement in 2013. Serbia delivered weapons to Armenia.'));
      const id = store.transaction(() => store.beginImport('gdelt', 'x.csv'));
      store.transaction(() => store.putImported(id, [imported('g1'), imported('g2', { actor: [{ code: 'RUS', entity_text: 'Russia' }, { code: 'SRB', entity_text: 'Serbia' }] })]));
      const pairs = (q: Parameters<Store['acts']>[0]) => store.acts(q).map((a) => `${a.event} ${a.actor}>${a.recipient}${a.joint ? ' joint' : ''}`).sort();
      expect(pairs({ actor: ['SRB'], recipient: ['AZE'] })).toEqual(['AGREE SRB>AZE joint']);
      expect(pairs({ involving: ['AZE'] })).toEqual(['AGREE AZE>SRB joint', 'AGREE SRB>AZE joint']);
      expect(pairs({ actor: ['SRB'], recipient: ['ARM'], source: 'imported' })).toEqual(['AID SRB>ARM', 'AID SRB>ARM']);
      expect(pairs({ actor: ['RUS'] })).toEqual(['AID RUS>ARM']);
      expect(pairs({ actor: ['SRB'], recipient: ['ARM'], dated: false })).toEqual(['AID SRB>ARM']);
      expect(pairs({ actor: ['SRB'], recipient: ['ARM'], dated: true, source: 'coded' })).toEqual([]);
      store.close();
    });

    it('sums acts per day, or per month for imported events, and answers windows with aggregate acts', () => {
      const store = make();
      const id = store.transaction(() => store.beginImport('gdelt', 'x.csv'));
      const rows = Array.from({ length: 2100 }, (_, i) => imported(`m${i}`, { date: `2020-${i % 2 ? '10' : '11'}-${String(1 + (i % 28)).padStart(2, '0')}` }));
      store.transaction(() => store.putImported(id, rows));
      store.transaction(() => store.recluster('all'));
      expect(store.refreshTallies()).toBeGreaterThanOrEqual(0);
      const total = (t: readonly { count: number }[]) => t.reduce((n, x) => n + x.count, 0);
      const q = { actor: ['SRB'], recipient: ['ARM'], from: '2020-10-15', to: '2020-11-30' };
      expect(total(store.tally(q))).toBe(total(store.tally(q, { coarse: true })));
      expect(store.tally(q, { coarse: true }).some((t) => t.date === '2020-11-01')).toBe(true);
      const window = store.windowActs({ recipient: ['ARM'], from: '2020-10-01', to: '2020-11-30' });
      expect(window).toHaveLength(1);
      expect(window[0]).toMatchObject({ actor: 'SRB', recipient: 'ARM', event: 'AID', id: -1 });
      expect(window[0]!.n).toBeGreaterThan(0);
      const small = store.windowActs({ recipient: ['ARM'], from: '2020-10-01', to: '2020-10-02' });
      expect(small.every((a) => a.n === undefined && a.id > 0)).toBe(true);
      store.close();
    });

    it('backs up online into a readable copy', async () => {
      const store = make();
      put(store, story('s1', 'Serbia delivered weapons to Armenia.'));
      const { mkdtempSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const { SqliteStore } = await import('../src/store/sqlite/index.js');
      const file = join(mkdtempSync(join(tmpdir(), 'entente-bk-')), 'copy.db');
      await store.backup(file);
      const copy = new SqliteStore(file);
      expect(copy.stats().events.coded).toBe(1);
      copy.close();
      store.close();
    });
  });
}
