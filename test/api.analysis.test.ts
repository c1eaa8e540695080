import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import { SqliteStore } from '../src/store/sqlite/index.js';
import type { AlignmentNetwork, ClusterBrief, Comparison, CrisisWindow, GapReport, PartnershipTest, Store, Timeline } from '../src/types.js';
import { model } from './helpers.js';

const SEED = readFileSync(join(import.meta.dirname, '..', 'examples', 'azerbaijan-serbia-partnership.txt'), 'utf8');

let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = new SqliteStore(':memory:');
  app = createApp({ store, model: model() });
  const r = await app.request('/api/stories', { method: 'POST', body: JSON.stringify({ id: 'seed', text: SEED, date: '2021-12-01' }) });
  expect(r.status).toBe(201);
});
afterAll(() => store.close());

const get = async <T = unknown>(path: string) => {
  const r = await app.request(path);
  return { status: r.status, body: (await r.json()) as T & { error?: string; detail?: string; suggestions?: string[] } };
};

describe('api: analysis', () => {
  it('GET /api/dyads/:a/:b gives the timeline both ways, states by code or name', async () => {
    const r = await get<{ result: Timeline; events: Record<string, unknown> }>('/api/dyads/srb/Azerbaijan?by=year');
    expect(r.status).toBe(200);
    expect(r.body.result).toMatchObject({ a: 'SRB', b: 'AZE', by: 'year' });
    expect(r.body.result.periods.find((p) => p.period === '2021')!.ab.count).toBeGreaterThan(0);
    for (const act of r.body.result.undated) expect(r.body.events[act.id]).toBeDefined();
    const span = await get<{ acts: { id: number; actor: string }[]; events: Record<string, { record: { text: string } }> }>('/api/dyads/SRB/AZE/events?from=2021-01-01&to=2021-12-31');
    expect(span.body.acts.length).toBeGreaterThan(0);
    expect(span.body.events[span.body.acts[0]!.id]!.record.text).toMatch(/signed an agreement/);
  });

  it('unknown states are 404 in the path and 400 in the query, with the closest names', async () => {
    const before = JSON.stringify(store.stats());
    const r = await get('/api/dyads/SRB/Serbai');
    expect(r.status).toBe(404);
    expect(r.body.suggestions).toContain('SRB (Serbia)');
    expect((await get('/api/test/XQZ')).status).toBe(404);
    expect((await get('/api/crises/Narnia')).status).toBe(404);
    expect((await get('/api/gap/SRB/QQQ')).status).toBe(404);
    const q = await get('/api/compare/AZE?partners=SRB,Narnia');
    expect(q.status).toBe(400);
    expect(q.body.detail).toMatch(/query.partners: "Narnia" is not a known state/);
    expect((await get('/api/network?around=Atlantis')).status).toBe(400);
    expect(JSON.stringify(store.stats())).toBe(before);
  });

  it('rejects windows that are half given or run backwards', async () => {
    expect((await get('/api/test/AZE?from=2020-07-01')).body.detail).toMatch(/both `from` and `to`/);
    expect((await get('/api/dyads/SRB/AZE?from=2021-01-01&to=2020-01-01')).status).toBe(400);
    expect((await get('/api/dyads/SRB/AZE/events?from=2021-01-01')).status).toBe(400);
    expect((await get('/api/crises/AZE?from=2021-01-01&to=2020-01-01')).status).toBe(400);
    expect((await get('/api/dyads/SRB/AZE?by=decade')).body.detail).toMatch(/query.by/);
  });

  it('GET /api/crises/:state lists known and given windows', async () => {
    const known = await get<{ result: CrisisWindow[] }>('/api/crises/AZE');
    expect(known.body.result.some((w) => w.source === 'known' && w.adversary === 'ARM')).toBe(true);
    const given = await get<{ result: CrisisWindow[] }>('/api/crises/AZE?from=2020-07-01&to=2021-11-30&adversary=ARM');
    expect(given.body.result).toEqual([expect.objectContaining({ source: 'given', adversary: 'ARM', events: 1 })]);
  });

  it('GET /api/test/:state: BIH held and SRB failed for AZE against ARM, with the evidence events', async () => {
    const r = await get<{ result: PartnershipTest[]; events: Record<string, { record: { text: string }; cluster: number | null }>; clusters: Record<string, ClusterBrief> }>('/api/test/AZE?from=2020-07-01&to=2021-11-30&adversary=ARM');
    expect(r.status).toBe(200);
    const [test] = r.body.result;
    const verdict = Object.fromEntries(test!.partners.map((p) => [p.partner, p.verdict]));
    expect(verdict).toMatchObject({ BIH: 'held', SRB: 'failed' });
    const srb = test!.partners.find((p) => p.partner === 'SRB')!;
    expect(r.body.events[srb.evidence[0]!.act.id]!.record.text).toMatch(/Anadolu Agency/);
    // How widely each piece of evidence was reported: its cluster's reports and outlets, as the store holds them.
    const cited = srb.evidence.map((e) => r.body.events[e.act.id]!.cluster!);
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) expect(r.body.clusters[c]).toEqual({ mentions: store.cluster(c)!.mentions, outlets: store.cluster(c)!.outlets.length });
    expect(Object.values(r.body.clusters).some((b) => b.mentions > 1)).toBe(true);
    const confirmed = await get<{ result: PartnershipTest[] }>('/api/test/AZE?from=2020-07-01&to=2021-11-30&adversary=ARM&confirmedOnly=true');
    expect(confirmed.body.result[0]!.confirmedOnly).toBe(true);
  });

  it('GET /api/gap and /api/compare answer with their evidence events', async () => {
    const gap = await get<{ result: GapReport; events: Record<string, unknown> }>('/api/gap/SRB/AZE');
    expect(gap.body.result).toMatchObject({ a: 'SRB', b: 'AZE', by: 'year' });
    for (const p of gap.body.result.periods) for (const e of p.evidence) expect(gap.body.events[e.act.id]).toBeDefined();
    const cmp = await get<{ result: Comparison }>('/api/compare/AZE?partners=SRB,BIH');
    expect(cmp.body.result.candidates.map((c) => c.partner).sort()).toEqual(['BIH', 'SRB']);
    expect((await get('/api/compare/AZE')).status).toBe(400);
  });

  it('GET /api/network gives a signed graph, and GraphML on request', async () => {
    const net = await get<{ result: AlignmentNetwork }>('/api/network?from=2020-01-01&to=2021-12-31');
    expect(net.body.result.nodes.length).toBeGreaterThan(1);
    expect(net.body.result.edges.some((e) => e.sign === 1)).toBe(true);
    const xml = await app.request('/api/network?format=graphml');
    expect(await xml.text()).toMatch(/<graphml/);
  });
});
