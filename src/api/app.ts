import { timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { packageRoot } from '../model/load.js';
import type { Model, Store } from '../types.js';
import { ResponseCache } from './cache.js';
import { errorBody, onError } from './errors.js';
import { openApi } from './openapi.js';
import { route, type Route } from './route.js';
import { adminRoutes } from './routes/admin.js';
import { analysisRoutes } from './routes/analysis.js';
import { codingRoutes } from './routes/coding.js';
import { clusterRoutes } from './routes/clusters.js';
import { exportRoutes } from './routes/export.js';
import { eventRoutes } from './routes/events.js';
import { dashboard } from './static.js';

export interface AppOptions {
  readonly store: Store;
  readonly model: Model;
  /** When set, every POST needs `Authorization: Bearer TOKEN`. */
  readonly token?: string;
  /** Largest JSON body, in bytes (default 5 MB). */
  readonly maxBytes?: number;
  /** Largest dataset file for POST /api/import, in bytes (default 50 MB). */
  readonly importBytes?: number;
  /** The built dashboard (default dist/web in the package). */
  readonly webRoot?: string;
}

const MB = 1024 * 1024;

/** Compare in constant time, so the token cannot be guessed a character at a time. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function bearer(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (token === undefined) return next();
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m) return errorBody(c, 401, 'unauthorized', 'this server needs `Authorization: Bearer TOKEN` (the value of ENTENTE_TOKEN) for writes');
    if (!sameSecret(m[1]!.trim(), token)) return errorBody(c, 401, 'unauthorized', 'the bearer token is wrong');
    return next();
  };
}

/** The whole server as a Hono app: the JSON API under /api, and the dashboard everywhere else. */
export function createApp(opts: AppOptions): Hono {
  const { store, model } = opts;
  const app = new Hono();
  const routes: Route[] = [
    ...codingRoutes(store, model),
    ...eventRoutes(store),
    ...clusterRoutes(store),
    ...exportRoutes(store),
    ...analysisRoutes(store, model),
    ...adminRoutes(store, model, opts.importBytes ?? 50 * MB),
  ];
  let doc = '';
  routes.push(route({
    method: 'get', path: '/api/openapi.json', tag: 'meta', summary: 'This document', responses: { 200: 'OpenAPI 3.1' },
  }, ({ c }) => c.body(doc, 200, { 'content-type': 'application/json; charset=UTF-8' })));
  doc = JSON.stringify(openApi(routes, model.version, opts.token !== undefined));
  const env = { auth: bearer(opts.token), maxBytes: opts.maxBytes ?? 5 * MB, cache: new ResponseCache(), version: () => store.dataVersion() };
  for (const r of routes) r.mount(app, env);
  const known = routes.map((r) => new RegExp(`^${r.doc.path.replace(/\{\w+\}/g, '[^/]+')}$`));
  app.all('/api/*', (c) => known.some((k) => k.test(c.req.path))
    ? errorBody(c, 405, 'method not allowed', `${c.req.path} does not take ${c.req.method}; see /api/openapi.json`)
    : errorBody(c, 404, 'not found', `no endpoint ${c.req.path}; the endpoints are listed at /api/openapi.json`));
  app.get('*', compress(), dashboard(opts.webRoot ?? join(packageRoot(), 'dist', 'web')));
  app.onError(onError);
  app.notFound((c) => errorBody(c, 404, 'not found', `nothing at ${c.req.path}`));
  return app;
}
