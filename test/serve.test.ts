import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServeError, startServer } from '../src/api/serve.js';
import { model } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'entente-serve-'));

describe('entente serve', () => {
  it('seeds an empty store once, listens on 127.0.0.1 without a token and says so', async () => {
    const db = join(dir, 'a.db');
    const lines: string[] = [];
    const first = await startServer({ port: 0, db, model: model(), log: (l) => lines.push(l) });
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(lines.join('\n')).toMatch(/ingested the seed article/);
    expect(lines.join('\n')).toMatch(/listening on 127\.0\.0\.1 only/);
    expect(first.store.stats()).toMatchObject({ stories: 1, events: { coded: 15 } });
    expect(await (await fetch(`${first.url}api/health`)).json()).toMatchObject({ ok: true });
    await first.close();
    const again = await startServer({ port: 0, db, model: model(), log: (l) => lines.push(l) });
    expect(again.store.stats().stories).toBe(1);
    await again.close();
    expect(lines.filter((l) => l.includes('seed article'))).toHaveLength(1);
  });

  it('with a token, writes need it; without one, a wider --host is refused', async () => {
    await expect(startServer({ port: 0, db: join(dir, 'b.db'), host: '0.0.0.0', model: model(), log: () => undefined })).rejects.toBeInstanceOf(ServeError);
    const lines: string[] = [];
    const s = await startServer({ port: 0, db: join(dir, 'c.db'), token: 'tok', host: '127.0.0.1', seed: false, model: model(), log: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/ENTENTE_TOKEN is set/);
    const post = (auth?: string) => fetch(`${s.url}api/stories`, { method: 'POST', headers: auth ? { authorization: auth } : {}, body: JSON.stringify({ text: 'Iran threatened to attack Iraq.' }) });
    expect((await post()).status).toBe(401);
    expect((await post('Bearer tok')).status).toBe(201);
    expect(s.store.stats().stories).toBe(1);
    await s.close();
  });
});
