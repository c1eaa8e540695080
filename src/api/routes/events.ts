import { z } from 'zod';
import { SearchError } from '../../store/errors.js';
import { isCoded, type EventFilter, type Store, type StoredEvent } from '../../types.js';
import { badRequest, notFound } from '../errors.js';
import { route, type Route } from '../route.js';
import { after, eventFilterQuery, limit, pageById, pageOf } from '../schemas.js';

/** The filters of a query without the paging fields, as the store takes them; a window that ends before it starts is a 400. */
export function filterOf(q: z.output<typeof eventFilterQuery>): EventFilter {
  if (q.from && q.to && q.from > q.to) throw badRequest(`query.from: ${q.from} is after to ${q.to}`);
  const { cluster, ...rest } = q;
  return { ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)), ...(cluster ? { clusters: cluster } : {}) } as EventFilter;
}

/** One event with everything that backs it: its sentence, story, claimant and cluster. */
function evidence(store: Store, e: StoredEvent) {
  const r = e.record;
  const sentence = isCoded(r)
    ? { sequence: r.text_info.sequence, start: r.text_info.start, end: r.text_info.end, text: r.text }
    : r.text ? { sequence: null, start: null, end: null, text: r.text } : null;
  const claimant = isCoded(r) ? r.attribution : null;
  const cluster = e.cluster === null ? null : store.cluster(e.cluster);
  return { event: e, sentence, story: e.story, claimant, cluster };
}

export function eventRoutes(store: Store): Route[] {
  return [
    route({
      method: 'get', path: '/api/events', tag: 'events', summary: 'Stored events, filtered as by `entente events`, a page at a time', cached: true,
      query: eventFilterQuery.extend({ after, limit: limit(100, 1000) }),
      responses: { 200: '{events: StoredEvent[], next}: pages go by event id; pass `next` as `after` for the next page (null: no more)' },
    }, ({ query }) => {
      const { after: cursor, limit: size, ...filter } = query;
      const { items: events, next } = pageById((opts) => store.events(filterOf(filter), opts), (e) => e.rowid, size, cursor);
      return { events, next };
    }),
    route({
      method: 'get', path: '/api/events/{id}', tag: 'events', summary: 'One event with its evidence: record, sentence, story, claimant and cluster', cached: true,
      params: z.object({ id: z.string().min(1).max(400).describe("the event's stored id (rowid) or its uid: a coded record's id, gdelt:955110007 for an imported row") }),
      responses: { 200: '{event: StoredEvent, sentence, story, claimant (Attribution, null for imported events), cluster (Cluster or null)}' },
      errors: { 404: 'no stored event has this id' },
    }, ({ params }) => {
      const [e] = [...store.events(/^\d+$/.test(params.id) ? { ids: [Number(params.id)] } : { uids: [params.id] })];
      if (!e) throw notFound(`no stored event ${params.id}`);
      return evidence(store, e);
    }),
    route({
      method: 'get', path: '/api/search', tag: 'events', summary: 'Full-text search over stored sentences, with their events', cached: true,
      query: z.object({
        q: z.string().trim().min(1, 'give words to search for').max(500).describe('words that must all occur; AND, OR, NOT, (parentheses), "quoted phrases" and prefixes (Ira*) work too'),
        limit: limit(20, 200),
        offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('hits to skip: the `next` of the previous page'),
      }),
      responses: { 200: '{query, hits: SearchHit[], next}: each hit is a sentence with the matched words marked [like this], and its events, best first; pass `next` as `offset` for the next page (null: no more)' },
    }, ({ query }) => {
      try {
        const { items: hits, more } = pageOf(store.search(query.q, query.limit + 1, query.offset), query.limit);
        return { query: query.q, hits, next: more ? query.offset + hits.length : null };
      } catch (err) {
        if (err instanceof SearchError) throw badRequest(err.message);
        throw err;
      }
    }),
  ];
}
