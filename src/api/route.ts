import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { badRequest, describeIssues, errorBody } from './errors.js';
import type { ResponseCache } from './cache.js';

type Obj = z.ZodObject;

/** What the OpenAPI document says about a route, and how its input is checked. */
export interface RouteDoc<P extends Obj, Q extends Obj, B extends z.ZodType> {
  readonly method: 'get' | 'post';
  /** OpenAPI style: /api/events/{id}. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly params?: P;
  readonly query?: Q;
  /** A JSON body, checked by this schema. */
  readonly body?: B;
  /** A raw body (a dataset file): its media type. */
  readonly raw?: string;
  /** Largest body accepted, in bytes (default: the app's limit). */
  readonly maxBytes?: number;
  /** Successful answers: status → what the body holds. */
  readonly responses: Readonly<Record<number, string>>;
  /** Errors the route can answer besides 400 and 500: status → when. */
  readonly errors?: Readonly<Record<number, string>>;
  /** Answers depend only on the URL and the store's content: kept in the response cache. */
  readonly cached?: boolean;
}

export interface RouteInput<P extends Obj, Q extends Obj, B extends z.ZodType> {
  readonly params: z.output<P>;
  readonly query: z.output<Q>;
  readonly body: z.output<B>;
  readonly raw: Buffer;
  readonly c: Context;
}

/** How routes are mounted: the write guard, the body limit and the cache, from the app's options. */
export interface MountEnv {
  readonly auth: MiddlewareHandler;
  readonly maxBytes: number;
  readonly cache: ResponseCache;
  readonly version: () => string;
}

export interface Route {
  readonly doc: RouteDoc<Obj, Obj, z.ZodType>;
  mount(app: Hono, env: MountEnv): void;
}

function check<S extends z.ZodType>(where: string, schema: S | undefined, value: unknown): z.output<S> {
  if (!schema) return {} as z.output<S>;
  const r = schema.safeParse(value);
  if (!r.success) throw badRequest(describeIssues(where, r.error));
  return r.data;
}

const JSON_TYPE = { 'content-type': 'application/json; charset=UTF-8' };

/**
 * The query, or a 400 naming a parameter the endpoint does not take: a misspelt filter ("actr") must not return
 * everything. Names starting with "_" are let through unread, as cache busters (`?_=1700000000`).
 */
function knownOnly(schema: Obj | undefined, query: Record<string, string>): Record<string, string> {
  const known = Object.keys(schema?.shape ?? {});
  const unknown = Object.keys(query).filter((k) => !known.includes(k) && !k.startsWith('_'));
  if (unknown.length) {
    throw badRequest(unknown.map((k) => `query.${k}: not a parameter of this endpoint (${known.length ? `it takes ${known.join(', ')}` : 'it takes none'})`).join('; '));
  }
  return query;
}

/** A route: its documentation and input schemas, and a handler that gets checked input and returns what to send as JSON, or a Response (another status). */
export function route<P extends Obj = z.ZodObject<{}>, Q extends Obj = z.ZodObject<{}>, B extends z.ZodType = z.ZodUnknown>(
  doc: RouteDoc<P, Q, B>,
  handle: (input: RouteInput<P, Q, B>) => unknown,
): Route {
  return {
    doc: doc as unknown as RouteDoc<Obj, Obj, z.ZodType>,
    mount(app, env) {
      const path = doc.path.replace(/\{(\w+)\}/g, ':$1');
      const guards: MiddlewareHandler[] = doc.method === 'post'
        ? [env.auth, bodyLimit({
          maxSize: doc.maxBytes ?? env.maxBytes,
          onError: (c) => errorBody(c, 413, 'payload too large', `the body is larger than ${Math.round((doc.maxBytes ?? env.maxBytes) / 1024)} KB`),
        })]
        : [];
      const handler: MiddlewareHandler = async (c) => {
        const key = doc.cached ? c.req.url : undefined;
        const version = key ? env.version() : '';
        const hit = key ? env.cache.get(key, version) : undefined;
        if (hit !== undefined) return c.body(hit, 200, JSON_TYPE);
        const params = check('path', doc.params, c.req.param());
        const query = check('query', doc.query, knownOnly(doc.query, c.req.query()));
        let body: unknown;
        let raw = Buffer.alloc(0);
        if (doc.body) {
          const text = await c.req.text();
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch (err) {
            throw badRequest(`malformed JSON: ${(err as Error).message}`);
          }
          body = check('body', doc.body, json);
        } else if (doc.raw) raw = Buffer.from(await c.req.arrayBuffer());
        const out = await handle({ params, query, body: body as z.output<B>, raw, c });
        if (out instanceof Response) return out;
        const text = JSON.stringify(out);
        if (key) env.cache.set(key, version, text);
        return c.body(text, 200, JSON_TYPE);
      };
      app.on(doc.method.toUpperCase(), [path], ...guards, handler);
    },
  };
}
