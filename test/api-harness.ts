import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { createApp } from '../src/api/app.js';
import { SqliteStore } from '../src/store/sqlite/index.js';
import type { Store } from '../src/types.js';
import { model } from './helpers.js';

export const ROOT = join(import.meta.dirname, '..');
export const SEED = readFileSync(join(ROOT, 'examples', 'azerbaijan-serbia-partnership.txt'), 'utf8');
export const TOKEN = 'test-token';
export const AUTH = { authorization: `Bearer ${TOKEN}` };

type Reply = { status: number; body: any };

/**
 * A fresh in-memory store and app for every test of the file that calls this, with the requests the API tests make.
 * `store` and `app` are read through the returned object: they change with each test.
 */
export function apiHarness() {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const web = mkdtempSync(join(tmpdir(), 'entente-web-'));
  beforeEach(() => {
    store = new SqliteStore(':memory:');
    app = createApp({ store, model: model(), token: TOKEN, webRoot: web });
  });
  afterEach(() => store.close());
  /** What the store holds, without its file size (which a rolled-back write may move). */
  const snapshot = (): string => JSON.stringify({ ...store.stats(), bytes: 0 });
  const get = async (path: string): Promise<Reply> => {
    const r = await app.request(path);
    return { status: r.status, body: await r.json() };
  };
  const post = async (path: string, body: unknown, headers: Record<string, string> = AUTH): Promise<Reply> => {
    const r = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: r.status, body: await r.json() };
  };
  const seed = (): Promise<Reply> => post('/api/stories', { id: 'seed', text: SEED, date: '2021-12-01', source: 'Test Wire' });
  /** A request that must fail with `status` and leave the store as it was. */
  async function rejects(status: number, send: () => Promise<Reply>, detail?: RegExp): Promise<void> {
    const before = snapshot();
    const r = await send();
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({ error: expect.any(String), detail: expect.any(String) });
    if (detail) expect(r.body.detail).toMatch(detail);
    expect(snapshot()).toBe(before);
  }
  return {
    get store(): Store { return store; },
    get app(): ReturnType<typeof createApp> { return app; },
    web, snapshot, get, post, seed, rejects,
  };
}
