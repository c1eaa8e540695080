import { z } from 'zod';
import type { Store } from '../../types.js';
import { notFound } from '../errors.js';
import { route, type Route } from '../route.js';
import { after, eventFilterQuery, limit, pageById } from '../schemas.js';
import { filterOf } from './events.js';

/** At most this many of a cluster's reports come with it; the rest page through /api/events?cluster=. */
const MEMBERS_SHOWN = 200;

export function clusterRoutes(store: Store): Route[] {
  return [
    route({
      method: 'get', path: '/api/clusters', tag: 'events', summary: 'Deduplicated real-world events, filtered as by `entente export --clusters`, a page at a time', cached: true,
      description: 'A cluster is kept when its own actor, recipient, type and days match, and, for quad, certainty and source, when one of its reports does.',
      query: eventFilterQuery.extend({
        order: z.enum(['id', 'mentions']).default('id').describe('id: as they were stored; mentions: most reported first (then by id)'),
        after,
        limit: limit(100, 1000),
      }),
      responses: { 200: '{clusters: Cluster[], next}: pass `next` (a cluster id) as `after` for the next page in the same order (null: no more)' },
    }, ({ query }) => {
      const { after: cursor, limit: size, order, ...filter } = query;
      const { items: clusters, next } = pageById((opts) => store.clusters(filterOf(filter), { ...opts, order }), (c) => c.id, size, cursor);
      return { clusters, next };
    }),
    route({
      method: 'get', path: '/api/clusters/{id}', tag: 'events', summary: 'One deduplicated event with its reports: the evidence behind its mention count', cached: true,
      params: z.object({ id: z.string().regex(/^[1-9]\d{0,15}$/, 'expected a cluster id (a positive whole number)').transform(Number).describe('the cluster id') }),
      responses: { 200: `{cluster: Cluster, events: StoredEvent[] (its reports in id order, the first ${MEMBERS_SHOWN}), more (reports left: page them with /api/events?cluster=)}` },
      errors: { 404: 'no cluster has this id' },
    }, ({ params }) => {
      const cluster = store.cluster(params.id);
      if (!cluster) throw notFound(`no cluster ${params.id}`);
      const events = [...store.events({ clusters: [cluster.id] }, { order: 'id', limit: MEMBERS_SHOWN })];
      return { cluster, events, more: cluster.members.length - events.length };
    }),
  ];
}
