import { describe, expect, it } from 'vitest';
import { apiHarness } from './api-harness.js';
import { imported } from './store.contract.js';

const api = apiHarness();
const { get, seed, rejects } = api;

/** A download's status, headers and lines. */
async function download(path: string): Promise<{ status: number; type: string | null; disposition: string | null; lines: string[] }> {
  const r = await api.app.request(path);
  const text = await r.text();
  return { status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'), lines: text.split('\n').filter(Boolean) };
}

describe('api: downloads', () => {
  it('gives the events or clusters a filter keeps as CSV or JSONL, as an attachment', async () => {
    await seed();
    const aid = await download('/api/export?actor=SRB&recipient=Armenia&type=AID');
    expect([aid.status, aid.type, aid.disposition]).toEqual([200, 'text/csv; charset=utf-8', 'attachment; filename="entente-events.csv"']);
    expect(aid.lines[0]).toMatch(/^uid,source,date,/);
    expect(aid.lines).toHaveLength(4);
    expect(aid.lines.join('\n')).toMatch(/Anadolu Agency/);
    const all = (await download('/api/export?format=jsonl')).lines.map((l) => JSON.parse(l) as { rowid: number });
    expect(all.map((e) => e.rowid)).toEqual([...api.store.events({}, { order: 'id' })].map((e) => e.rowid));
    // Clusters, most reported first, with the columns of `entente export --clusters --format csv`.
    const clusters = await download('/api/export?what=clusters&order=mentions');
    expect(clusters.disposition).toBe('attachment; filename="entente-clusters.csv"');
    expect(clusters.lines[0]).toMatch(/^id,event,actor,recipient,/);
    const mentions = clusters.lines.slice(1).map((l) => Number(l.split(',')[7]));
    expect(mentions).toEqual([...api.store.clusters({})].map((c) => c.mentions).sort((a, b) => b - a));
    await rejects(400, () => get('/api/export?order=mentions'), /query.order: mentions orders clusters/);
    await rejects(400, () => get('/api/export?what=stories'), /query.what/);
  });

  it('reads a large store a page at a time, and every row comes once', async () => {
    const store = api.store;
    const id = store.transaction(() => store.beginImport('gdelt', 'big.csv'));
    store.transaction(() => store.putImported(id, Array.from({ length: 2500 }, (_, i) => imported(`big${i}`))));
    const rows = (await download('/api/export?source=imported')).lines.slice(1);
    expect(rows).toHaveLength(2500);
    expect(new Set(rows.map((l) => l.split(',')[0])).size).toBe(2500);
  });
});
