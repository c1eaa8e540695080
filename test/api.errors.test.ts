import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { onError } from '../src/api/errors.js';

describe('api: errors from the store', () => {
  it.each([
    ['SQLITE_BUSY', 503, 'busy', '5'],
    ['SQLITE_FULL', 507, 'insufficient storage', null],
  ])('%s is a %i (%s), with Retry-After %s', async (code, status, error, retry) => {
    const failing = new Hono();
    failing.onError(onError);
    failing.get('/x', () => {
      throw Object.assign(new Error('from SQLite'), { code });
    });
    const r = await failing.request('/x');
    expect(r.status).toBe(status);
    expect(r.headers.get('retry-after')).toBe(retry);
    expect(await r.json()).toMatchObject({ error, detail: expect.stringMatching(/nothing was written/) });
  });
});
