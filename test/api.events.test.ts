import { describe, expect, it } from 'vitest';
import type { Cluster, PloverRecord, StoredEvent } from '../src/types.js';
import { apiHarness } from './api-harness.js';

const api = apiHarness();
const { get, seed, rejects } = api;

describe('api: events and search', () => {
  it('filters events like `entente events` and pages them by id', async () => {
    await seed();
    const srb = await get('/api/events?actor=srb&recipient=ARM&type=AID');
    expect(srb.status).toBe(200);
    expect((srb.body.events as StoredEvent[]).map((e) => e.record.event)).toEqual(['AID', 'AID', 'AID']);
    // States by name, as `entente events` takes them; an unknown one and a window ending before it starts are 400s.
    expect((await get('/api/events?actor=Serbia&recipient=armenia&type=AID')).body).toEqual(srb.body);
    await rejects(400, () => get('/api/events?actor=Serbai'), /query.actor: "Serbai" is not a known state code or name; did you mean SRB \(Serbia\)/);
    await rejects(400, () => get('/api/events?from=2021-01-01&to=2020-01-01'), /query.from: 2021-01-01 is after to 2020-01-01/);
    const reported = await get('/api/events?certainty=reported&quad=2&from=2020-07-01&to=2021-11-30&source=coded');
    expect((reported.body.events as StoredEvent[]).map((e) => e.record.attribution)).toEqual([expect.objectContaining({ claimant_text: expect.stringContaining('Anadolu') })]);
    const ids: number[] = [];
    let cursor: number | null = 0;
    while (cursor !== null) {
      const page = await get(`/api/events?limit=4&after=${cursor}`);
      ids.push(...(page.body.events as StoredEvent[]).map((e) => e.rowid));
      cursor = page.body.next;
    }
    expect(ids).toHaveLength(15);
    expect(new Set(ids).size).toBe(15);
    // A page that ends with the last event says so: no `next` that leads to an empty page.
    for (const [size, pages] of [[5, 3], [15, 1], [16, 1], [4, 4]] as const) {
      const seen: number[] = [];
      for (let at: number | null = 0; at !== null; ) {
        const page = await get(`/api/events?limit=${size}&after=${at}`);
        seen.push((page.body.events as StoredEvent[]).length);
        at = page.body.next;
      }
      expect(seen, `limit ${size}`).toHaveLength(pages);
      expect(seen.every((n) => n > 0)).toBe(true);
    }
    // A cluster's reports: the evidence behind its mention count.
    const clustered = (await get('/api/events?actor=SRB&type=AID&limit=1')).body.events[0] as StoredEvent;
    const members = (await get(`/api/events?cluster=${clustered.cluster}`)).body.events as StoredEvent[];
    expect(members.map((e) => e.rowid)).toEqual(api.store.cluster(clustered.cluster!)!.members);
    await rejects(400, () => get('/api/events?cluster=first'), /query.cluster: expected cluster ids/);
    await rejects(400, () => get('/api/events?actor=Ruritania'), /query.actor: "Ruritania" is not a known state/);
    await rejects(400, () => get('/api/events?type=HUG'), /query.type/);
    await rejects(400, () => get('/api/events?actr=SRB'), /query.actr: not a parameter of this endpoint \(it takes actor, recipient, type, quad, from, to, certainty, source, cluster, after, limit\)/);
    await rejects(400, () => get('/api/stats?format=csv'), /query.format: not a parameter of this endpoint \(it takes none\)/);
    // A cache buster is let through.
    expect((await get('/api/events?actor=SRB&_=1700000000')).status).toBe(200);
    await rejects(400, () => get('/api/events?quad=5&limit=0'), /query.quad.*query.limit/);
    await rejects(400, () => get('/api/events?from=yesterday'), /query.from/);
    await rejects(400, () => get('/api/events?source=rumour'), /query.source/);
  });

  it('GET /api/events/:id returns the event with its sentence, story, claimant and cluster', async () => {
    await seed();
    const [aid] = [...api.store.events({ actor: ['SRB'], type: ['AID'], certainty: ['reported'] })];
    const r = await get(`/api/events/${aid!.rowid}`);
    expect(r.status).toBe(200);
    expect(r.body.sentence.text).toMatch(/Anadolu Agency reported that Serbia had silently delivered/);
    expect(r.body.claimant).toMatchObject({ certainty: 'reported', claimant_text: expect.stringContaining('Anadolu Agency') });
    expect(r.body.story).toMatchObject({ story_id: 'seed', outlet: 'Test Wire' });
    expect(r.body.cluster).toMatchObject({ id: aid!.cluster, members: expect.arrayContaining([aid!.rowid]) });
    await rejects(404, () => get('/api/events/99999'));
    // Its uid (the record's id) finds it too.
    expect((await get(`/api/events/${encodeURIComponent(aid!.uid)}`)).body).toEqual(r.body);
    await rejects(404, () => get('/api/events/abc'), /no stored event abc/);
  });

  it('pages clusters, filtered as export --clusters, and gives one with its reports', async () => {
    await seed();
    const all = [...api.store.clusters({}, { order: 'id' })];
    const ids: number[] = [];
    for (let at: number | null = 0; at !== null; ) {
      const page = await get(`/api/clusters?limit=4&after=${at}`);
      ids.push(...(page.body.clusters as Cluster[]).map((c) => c.id));
      at = page.body.next;
    }
    expect(ids).toEqual(all.map((c) => c.id));
    // Most reported first, paged in that order.
    const reported: Cluster[] = [];
    for (let at: number | null = 0; at !== null; ) {
      const page = await get(`/api/clusters?order=mentions&limit=3&after=${at}`);
      reported.push(...(page.body.clusters as Cluster[]));
      at = page.body.next;
    }
    expect(reported.map((c) => c.id).sort((a, b) => a - b)).toEqual(all.map((c) => c.id));
    expect(reported.map((c) => c.mentions)).toEqual(all.map((c) => c.mentions).sort((a, b) => b - a));
    await rejects(400, () => get('/api/clusters?order=dead'), /query.order/);
    const aid = (await get('/api/clusters?actor=Serbia&recipient=ARM&type=AID&certainty=reported')).body.clusters as Cluster[];
    expect(aid).toHaveLength(1);
    expect((await get('/api/clusters?source=imported')).body).toEqual({ clusters: [], next: null });
    const one = await get(`/api/clusters/${aid[0]!.id}`);
    expect(one.body.cluster).toEqual(aid[0]);
    expect((one.body.events as StoredEvent[]).map((e) => e.rowid)).toEqual(aid[0]!.members);
    expect(one.body.more).toBe(0);
    expect((one.body.events as StoredEvent[]).some((e) => (e.record as PloverRecord).attribution?.claimant_text?.includes('Anadolu'))).toBe(true);
    await rejects(404, () => get('/api/clusters/99999'), /no cluster 99999/);
    await rejects(400, () => get('/api/clusters/first'), /path.id: expected a cluster id/);
    await rejects(400, () => get('/api/clusters?dead=4'), /query.dead: not a parameter of this endpoint/);
  });

  it('searches sentences and rejects queries the full-text engine cannot read', async () => {
    await seed();
    const r = await get('/api/search?q=ammunition%20Armenia');
    expect(r.body.hits[0].snippet).toMatch(/\[ammunition\]/);
    expect(r.body.hits[0].events.length).toBeGreaterThan(0);
    const all = (await get('/api/search?q=Serbia&limit=200')).body.hits.length as number;
    expect(all).toBeGreaterThan(2);
    expect((await get(`/api/search?q=Serbia&limit=${all}`)).body.next).toBeNull();
    expect((await get(`/api/search?q=Serbia&limit=${all - 1}`)).body.next).toBe(all - 1);
    expect((await get(`/api/search?q=Serbia&limit=1&offset=${all - 1}`)).body).toMatchObject({ hits: [expect.anything()], next: null });
    await rejects(400, () => get('/api/search?q=%22ammunition'), /cannot search/);
    await rejects(400, () => get('/api/search'), /query.q/);
  });
});
