import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import type { PloverRecord } from '../src/types.js';
import { apiHarness, AUTH, ROOT, SEED, TOKEN } from './api-harness.js';
import { model } from './helpers.js';
import { zip } from './zip.js';

const api = apiHarness();
const { snapshot, get, post, seed, rejects } = api;

describe('api: coding', () => {
  it('POST /api/code codes the seed article without storing it, with sentences and spans to highlight', async () => {
    const r = await post('/api/code', { text: SEED, date: '2021-12-01' });
    expect(r.status).toBe(200);
    const aid = (r.body.records as PloverRecord[]).find((x) => x.event === 'AID' && x.actor[0]!.code === 'SRB' && x.recipient[0]!.code === 'ARM' && x.attribution.claimant_text?.includes('Anadolu'));
    expect(aid).toBeDefined();
    const sentence = r.body.sentences[aid!.text_info.sequence];
    expect(r.body.story.text.slice(sentence.start, sentence.end)).toBe(aid!.text);
    const spans = r.body.highlights as { start: number; end: number; kind: string; label: string; record?: string }[];
    const ev = spans.find((s) => s.record === aid!.id)!;
    expect(r.body.story.text.slice(ev.start, ev.end)).toBe(aid!.event_text);
    expect(spans.some((s) => s.kind === 'actor' && s.label === 'SRB')).toBe(true);
    expect(api.store.stats().stories).toBe(0);
  });

  it('POST /api/code reads HTML and rejects empty or badly dated text', async () => {
    const html = await post('/api/code', { text: '<p>Iran expelled two French diplomats.</p><script>Serbia attacked Kosovo.</script>', format: 'html' });
    expect((html.body.records as PloverRecord[]).map((x) => x.event)).toEqual(['SANCTION']);
    await rejects(400, () => post('/api/code', { text: '   ' }), /body.text: the text is empty/);
    await rejects(400, () => post('/api/code', { text: 'x', date: '2021-02-30' }), /body.date/);
    await rejects(400, () => post('/api/code', { date: '2021-02-01' }), /body.text/);
  });
});

describe('api: stories', () => {
  it('stores a story (201), knows it again (200), lists it and reads it back with spans', async () => {
    const first = await seed();
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ stories: 1, outcomes: { new: 1 }, events: 15, ids: ['seed'] });
    const again = await seed();
    expect(again.status).toBe(200);
    expect(again.body.outcomes).toMatchObject({ new: 0, unchanged: 1 });
    const list = await get('/api/stories?limit=10');
    expect(list.body).toMatchObject({ stories: [{ story_id: 'seed', events: 15, outlet: 'Test Wire' }], next: null });
    const one = await get('/api/stories/seed');
    expect(one.status).toBe(200);
    expect(one.body.story.text).toBe(SEED);
    expect(one.body.events).toHaveLength(15);
    expect(one.body.highlights.filter((s: { kind: string }) => s.kind === 'event').length).toBeGreaterThan(10);
    await rejects(404, () => get('/api/stories/nope'));
  });

  it('takes several stories or JSONL at once, all or nothing', async () => {
    const many = await post('/api/stories', { stories: [{ text: 'Serbia delivered weapons to Armenia on Monday.', date: '2021-12-01' }, { text: 'Iran threatened to attack Iraq.' }] });
    expect(many.status).toBe(201);
    expect(many.body.ids[0]).toMatch(/^api-[0-9a-f]{16}$/);
    const jsonl = await post('/api/stories', { jsonl: '{"id":"j1","text":"Russia expelled two Swiss diplomats.","date":"2020-01-02"}\n\n{"id":"j2","text":"Turkey attacked Syria."}\n' });
    expect(jsonl.body).toMatchObject({ stories: 2, outcomes: { new: 2 } });
    await rejects(400, () => post('/api/stories', { jsonl: '{"id":"j3","text":"Iran attacked Iraq."}\nnot json\n' }), /upload.jsonl:2: not valid JSON/);
    await rejects(400, () => post('/api/stories', { stories: [{ text: 'Iran attacked Iraq.' }, { text: '<p></p>', format: 'html' }] }), /stories\[1\]: no text to code/);
    await rejects(400, () => post('/api/stories', { stories: [] }), /body/);
    // A field the API does not know is named, not dropped: a misspelt date would store an undated story.
    await rejects(400, () => post('/api/stories', { id: 'uf', text: 'Iran attacked Iraq.', dat: '2021-02-03' }), /body: Unrecognized key: "dat"/);
    await rejects(400, () => post('/api/stories', { id: 'a', text: 'Iran attacked Iraq.', stories: [{ text: 'Iraq attacked Iran.' }] }), /Unrecognized key: "stories"/);
    // One id for two different stories: nothing is stored, and the problem names both.
    await rejects(400, () => post('/api/stories', { stories: [{ id: 'twin', text: 'Iran attacked Iraq.' }, { id: 'twin', text: 'Iraq attacked Iran.' }] }),
      /stories\[1\]: id "twin" is also the id of another story \(stories\[0\]\)/);
    await rejects(400, () => post('/api/stories', { jsonl: '{"id":"t","text":"Iran attacked Iraq."}\n{"id":"t","text":"Iraq attacked Iran."}\n' }),
      /upload.jsonl:2: id "t" is also the id of another story \(upload.jsonl:1\)/);
    await rejects(404, () => get('/api/stories/twin'));
  });

  it('names stories without an id by their content: two JSONL uploads do not replace each other, and a copy is no change', async () => {
    const first = await post('/api/stories', { jsonl: '{"text":"Greece condemned Turkey over drilling in the Aegean.","date":"2020-08-10"}\n' });
    const second = await post('/api/stories', { jsonl: '{"text":"Japan protested to China over the islands.","date":"2020-08-11"}\n' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.outcomes).toMatchObject({ new: 1, updated: 0 });
    expect(first.body.ids[0]).toMatch(/^api-[0-9a-f]{16}$/);
    expect(first.body.ids[0]).not.toBe(second.body.ids[0]);
    // The same content again, as JSONL from another file or as a story: nothing changes.
    const again = await post('/api/stories', { jsonl: '{"text":"Greece condemned Turkey over drilling in the Aegean.","date":"2020-08-10"}\n', file: 'other.jsonl' });
    const asStory = await post('/api/stories', { text: 'Greece condemned Turkey over drilling in the Aegean.', date: '2020-08-10' });
    expect([again.status, asStory.status]).toEqual([200, 200]);
    expect(api.store.stats().stories).toBe(2);
  });

  it('rejects malformed JSON, oversized bodies and writes without the token, leaving the store unchanged', async () => {
    await seed();
    await rejects(400, () => post('/api/stories', '{"text": "Serbia attacked Kosovo.",'), /malformed JSON/);
    await rejects(400, () => post('/api/code', 'not json at all'), /malformed JSON/);
    await rejects(413, () => post('/api/stories', { text: 'Serbia attacked Kosovo. '.repeat(250_000) }), /larger than 5120 KB/);
    await rejects(401, () => post('/api/stories', { text: 'Serbia attacked Kosovo.' }, {}), /Authorization: Bearer/);
    await rejects(401, () => post('/api/stories', { text: 'Serbia attacked Kosovo.' }, { authorization: 'Bearer wrong' }), /wrong/);
    await rejects(401, () => post('/api/code', { text: 'Serbia attacked Kosovo.' }, { authorization: 'Basic abc' }));
    const small = createApp({ store: api.store, model: model(), maxBytes: 100 });
    const before = snapshot();
    const r = await small.request('/api/stories', { method: 'POST', body: JSON.stringify({ text: 'x'.repeat(200) }) });
    expect(r.status).toBe(413);
    expect(snapshot()).toBe(before);
  });
});

describe('api: store, import and meta', () => {
  it('answers health, stats and states', async () => {
    expect(await get('/api/health')).toEqual({ status: 200, body: { ok: true, version: model().version } });
    await seed();
    expect((await get('/api/stats')).body).toMatchObject({ stories: 1, events: { coded: 15, imported: 0 } });
    expect((await get('/api/states?q=serb')).body.states).toEqual([{ code: 'SRB', name: 'Serbia' }]);
    expect((await get('/api/states')).body.states.length).toBeGreaterThan(190);
  });

  it('the cache never serves an answer older than the store', async () => {
    expect((await get('/api/stats')).body.stories).toBe(0);
    await seed();
    expect((await get('/api/stats')).body.stories).toBe(1);
  });

  it('imports a dataset file in one transaction, skipping and counting malformed rows', async () => {
    const file = readFileSync(join(ROOT, 'samples', 'gdelt.export.CSV'));
    const r = await api.app.request('/api/import?format=gdelt&file=gdelt.export.CSV', { method: 'POST', headers: AUTH, body: file });
    const body = await r.json();
    expect(r.status).toBe(201);
    expect(body).toMatchObject({ format: 'gdelt', skipped: 2, duplicates: 0 });
    expect(body.imported).toBeGreaterThan(10);
    expect(body.problems).toHaveLength(2);
    expect(api.store.stats().events.imported).toBe(body.imported);
    const repeated = await api.app.request('/api/import?format=gdelt', { method: 'POST', headers: AUTH, body: file });
    expect(repeated.status).toBe(200);
    const again = await repeated.json();
    expect(again).toMatchObject({ imported: 0, duplicates: body.imported });
    const send = (query: string, payload: string | Buffer, headers = AUTH) => async () => {
      const res = await api.app.request(`/api/import${query}`, { method: 'POST', headers, body: payload });
      return { status: res.status, body: await res.json() };
    };
    await rejects(400, send('?format=csv', file), /query.format/);
    await rejects(400, send('?format=gdelt', ''), /empty/);
    await rejects(400, send('?format=gdelt&file=blank.CSV', '\n\n\n'), /blank.CSV: empty file: nothing to import/);
    await rejects(401, send('?format=gdelt', file, {}));
  });

  it('imports a dataset uploaded gzipped or zipped, as downloaded; a damaged one changes nothing', async () => {
    const sample = readFileSync(join(ROOT, 'samples', 'gdelt.export.CSV'), 'utf8');
    const upload = async (file: string, body: Buffer, target = api.app) => {
      const res = await target.request(`/api/import?format=gdelt&file=${file}`, { method: 'POST', headers: AUTH, body });
      return { status: res.status, body: await res.json() };
    };
    const gz = await upload('gdelt.export.CSV.gz', gzipSync(sample));
    expect(gz).toMatchObject({ status: 201, body: { skipped: 2, duplicates: 0, files: ['gdelt.export.CSV.gz'] } });
    const lines = sample.split('\n');
    const zipped = await upload('two.zip', zip([['one.CSV', lines.slice(0, 10).join('\n') + '\n'], ['two.CSV', lines.slice(10).join('\n')]]));
    expect(zipped).toMatchObject({ status: 200, body: { imported: 0, duplicates: gz.body.imported, files: ['two.zip/one.CSV', 'two.zip/two.CSV'] } });
    expect(zipped.body.problems.map((p: { file: string; line: number }) => `${p.file}:${p.line}`)).toContain('two.zip/two.CSV:3');
    const before = snapshot();
    const whole = gzipSync(sample.repeat(20));
    const cut = await upload('cut.CSV.gz', whole.subarray(0, whole.length >> 1));
    expect(cut).toMatchObject({ status: 400, body: { detail: expect.stringMatching(/cut\.CSV\.gz: the file is damaged or ends early .*nothing imported/) } });
    expect((await upload('bad.zip', Buffer.from('PK\u0003\u0004 not really'))).body.detail).toMatch(/bad\.zip: not a readable zip archive/);
    expect((await upload('icews.tab', readFileSync(join(ROOT, 'samples', 'icews.tab')))).body.detail).toMatch(/^icews\.tab: a header row, not a GDELT events export .*: is this ICEWS\? \(try --format icews\): nothing imported$/);
    const deflate64 = zip([['a.CSV', sample]]);
    deflate64.writeUInt16LE(9, 8);
    deflate64.writeUInt16LE(9, deflate64.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    expect(await upload('d64.zip', deflate64)).toMatchObject({ status: 400, body: { detail: expect.stringMatching(/^d64\.zip\/a\.CSV: cannot read this member of the archive/) } });
    const big = gzipSync(sample.repeat(20));
    expect(big.length).toBeLessThan(16_384);
    const small = createApp({ store: api.store, model: model(), token: TOKEN, importBytes: 16_384 });
    expect(await upload('big.CSV.gz', big, small)).toMatchObject({ status: 413, body: { detail: expect.stringMatching(/more than 16 KB once decompressed: import it with `entente import`/) } });
    expect(snapshot()).toBe(before);
  });

  it('describes every endpoint in an OpenAPI 3.1 document', async () => {
    const { body } = await get('/api/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    for (const path of ['/api/code', '/api/stories', '/api/stories/{id}', '/api/events', '/api/events/{id}', '/api/clusters', '/api/clusters/{id}', '/api/search', '/api/health', '/api/stats', '/api/states', '/api/import', '/api/openapi.json']) {
      expect(body.paths[path], path).toBeDefined();
    }
    expect(body.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['actor', 'recipient', 'type', 'quad', 'from', 'to', 'certainty', 'source', 'cluster', 'after', 'limit']);
    expect(body.paths['/api/stories'].post.responses['401']).toBeDefined();
    expect(body.paths['/api/code'].post.requestBody.content['application/json'].schema.properties.text).toBeDefined();
  });

  it('answers unknown endpoints and methods with JSON errors', async () => {
    await rejects(404, () => get('/api/nothing'), /openapi/);
    const r = await api.app.request('/api/events', { method: 'DELETE' });
    expect(r.status).toBe(405);
    expect(await r.json()).toMatchObject({ error: 'method not allowed' });
  });

  it('serves the built dashboard, and says how to build it when it is missing', async () => {
    const missing = await api.app.request('/');
    expect(missing.status).toBe(503);
    expect(await missing.text()).toMatch(/npm run build:web/);
    mkdirSync(join(api.web, 'assets'), { recursive: true });
    writeFileSync(join(api.web, 'index.html'), '<!doctype html><title>Entente</title>');
    writeFileSync(join(api.web, 'assets', 'app-1.js'), 'console.log(1)');
    const index = await api.app.request('/');
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await index.text()).toMatch(/<title>Entente/);
    const asset = await api.app.request('/assets/app-1.js');
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect((await api.app.request('/assets/none.js')).status).toBe(404);
    expect((await api.app.request('/..%2F..%2Fetc%2Fpasswd')).status).not.toBe(200);
  });
});
