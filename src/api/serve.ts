import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve as listen, type ServerType } from '@hono/node-server';
import { loadModel, packageRoot } from '../model/load.js';
import { normalizeDocument } from '../pipeline/normalize/index.js';
import { ingest } from '../store/ingest.js';
import { openStore } from '../store/open.js';
import type { Model, NormalizeResult, Store } from '../types.js';
import { createApp } from './app.js';

/** The bundled article a new store starts with, so a first visit shows real content. */
export const SEED = { file: 'examples/azerbaijan-serbia-partnership.txt', date: '2021-12-01' } as const;

export interface ServeOptions {
  readonly port: number;
  readonly db: string;
  /** From ENTENTE_TOKEN: when set, writes need it, and the server may listen beyond this machine. */
  readonly token?: string;
  /** Only with a token: the address to listen on (default 0.0.0.0). Without one it is always 127.0.0.1. */
  readonly host?: string;
  /** Ingest the seed article into an empty store (default true). */
  readonly seed?: boolean;
  readonly model?: Model;
  readonly log: (line: string) => void;
}

export interface Running {
  readonly url: string;
  readonly store: Store;
  close(): Promise<void>;
}

export class ServeError extends Error {}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Ingest the seed article when the store holds nothing yet; returns the number of events it gave. */
export async function seedIfEmpty(store: Store, model: Model): Promise<number> {
  const s = store.stats();
  if (s.stories > 0 || s.events.coded + s.events.imported > 0) return 0;
  const text = readFileSync(join(packageRoot(), SEED.file), 'utf8');
  const doc = normalizeDocument(text, 'text', { id: 'azerbaijan-serbia-partnership', file: SEED.file, date: SEED.date });
  async function* one(): AsyncGenerator<NormalizeResult> {
    yield doc;
  }
  return (await ingest(one(), store, model)).events;
}

/** Open the store, seed it if empty, and serve the API and dashboard until closed. */
export async function startServer(opts: ServeOptions): Promise<Running> {
  if (!opts.token && opts.host && !LOOPBACK.has(opts.host)) {
    throw new ServeError(`--host ${opts.host} needs ENTENTE_TOKEN: without a token the server only listens on 127.0.0.1`);
  }
  const host = opts.token ? opts.host ?? '0.0.0.0' : '127.0.0.1';
  const model = opts.model ?? loadModel();
  const store = openStore(opts.db);
  try {
    if (opts.seed !== false) {
      const n = await seedIfEmpty(store, model);
      if (n) opts.log(`empty store: ingested the seed article ${SEED.file} (${n} events)`);
    }
    const app = createApp({ store, model, ...(opts.token ? { token: opts.token } : {}) });
    const server: ServerType = await new Promise((resolve, reject) => {
      const s = listen({ fetch: app.fetch, port: opts.port, hostname: host }, () => resolve(s));
      s.once('error', (err: NodeJS.ErrnoException) =>
        reject(err.code === 'EADDRINUSE' ? new ServeError(`port ${opts.port} is in use: pick another with --port`) : err));
    });
    const port = (server.address() as AddressInfo).port;
    const shown = host === '0.0.0.0' ? 'localhost' : host;
    const url = `http://${shown}:${port}/`;
    opts.log(`Entente dashboard: ${url}  (API under ${url}api, described at ${url}api/openapi.json; store ${store.path})`);
    opts.log(opts.token
      ? `ENTENTE_TOKEN is set: listening on ${host}; writes (POST) need "Authorization: Bearer <token>"`
      : 'no ENTENTE_TOKEN: listening on 127.0.0.1 only (this machine); set ENTENTE_TOKEN to require a token for writes and to listen more widely');
    return {
      url, store,
      close: () => new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
    };
  } catch (err) {
    store.close();
    throw err;
  }
}
