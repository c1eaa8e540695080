import { z } from 'zod';
import { clusterCsvHeader, clusterCsvRow, eventCsvHeader, eventCsvRow } from '../../store/csv.js';
import type { EventFilter, Store } from '../../types.js';
import { badRequest } from '../errors.js';
import { route, type Route } from '../route.js';
import { eventFilterQuery, pageById } from '../schemas.js';
import { filterOf } from './events.js';

/** Rows read from the store at a time: a write between two pages (an upload) never meets an open read. */
const PAGE = 1000;

interface Lines {
  readonly header: string | null;
  /** The next page's lines after the cursor, and the cursor after them (null: the last page). */
  page(after: number | undefined): { readonly lines: string[]; readonly next: number | null };
}

function lines(store: Store, what: 'events' | 'clusters', format: 'csv' | 'jsonl', filter: EventFilter, order: 'id' | 'mentions'): Lines {
  const csv = format === 'csv';
  if (what === 'clusters') {
    return {
      header: csv ? clusterCsvHeader() : null,
      page: (after) => {
        const { items, next } = pageById((opts) => store.clusters(filter, { ...opts, order }), (c) => c.id, PAGE, after);
        return { lines: items.map((c) => (csv ? clusterCsvRow(c) : JSON.stringify(c))), next };
      },
    };
  }
  return {
    header: csv ? eventCsvHeader() : null,
    page: (after) => {
      const { items, next } = pageById((opts) => store.events(filter, opts), (e) => e.rowid, PAGE, after);
      return { lines: items.map((e) => (csv ? eventCsvRow(e) : JSON.stringify(e))), next };
    },
  };
}

/** A download of everything a filter keeps, streamed a page at a time. */
function download(source: Lines, name: string, type: string): Response {
  const encoder = new TextEncoder();
  let cursor: number | undefined;
  let done = false;
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (done) return controller.close();
      const { lines: rows, next } = source.page(cursor);
      const head = first && source.header !== null ? [source.header] : [];
      first = false;
      const text = [...head, ...rows].map((l) => `${l}\n`).join('');
      if (text) controller.enqueue(encoder.encode(text));
      if (next === null) done = true;
      else cursor = next;
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}"` } });
}

export function exportRoutes(store: Store): Route[] {
  return [
    route({
      method: 'get', path: '/api/export', tag: 'events', summary: 'Every event or cluster a filter keeps, as a CSV or JSONL file (`entente export` over HTTP)',
      description: 'The filters of /api/events (for clusters, those of /api/clusters). The file is streamed, a thousand rows read at a time.',
      query: eventFilterQuery.extend({
        what: z.enum(['events', 'clusters']).default('events').describe('events (the reports, one row each) or clusters (each real-world event once)'),
        format: z.enum(['csv', 'jsonl']).default('csv'),
        order: z.enum(['id', 'mentions']).default('id').describe('clusters only: id (as stored) or mentions (most reported first)'),
      }),
      responses: { 200: 'text/csv (the columns of `entente export --format csv`) or application/x-ndjson, as an attachment' },
    }, ({ query }) => {
      const { what, format, order, ...filter } = query;
      if (what === 'events' && order !== 'id') throw badRequest('query.order: mentions orders clusters (what=clusters); events come in id order');
      const file = `entente-${what}.${format}`;
      return download(lines(store, what, format, filterOf(filter), order), file, format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    }),
  ];
}
