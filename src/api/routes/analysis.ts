import { z } from 'zod';
import { AnalysisError, askCompare, askCrises, askDyad, askGap, askNetwork, askTest, citedEvents, resolveState, toGraphML, type Knowledge } from '../../analysis/index.js';
import type { ClusterBrief, Evidence, Model, Store, StoredEvent } from '../../types.js';
import { badRequest, notFound } from '../errors.js';
import { route, type Route } from '../route.js';
import { isoDate } from '../schemas.js';

/** A state named in the path: its code, or 404 with the closest matches. */
function pathState(input: string): string {
  const r = resolveState(input);
  if ('code' in r) return r.code;
  throw notFound(`${r.error}${r.suggestions.length ? `; closest: ${r.suggestions.join(', ')}` : ''}`, { suggestions: r.suggestions });
}

/** States named in a query parameter: codes, or 400 naming the one that is unknown. */
const stateList = z.string().transform((s, ctx) => {
  const out: string[] = [];
  for (const item of s.split(',').map((x) => x.trim()).filter(Boolean)) {
    const r = resolveState(item);
    if ('code' in r) out.push(r.code);
    else ctx.addIssue({ code: 'custom', message: `${r.error}${r.suggestions.length ? `; closest: ${r.suggestions.join(', ')}` : ''}` });
  }
  return out;
}).describe('states, comma-separated: codes or names');
const oneState = stateList.refine((l) => l.length === 1, 'expected one state').transform((l) => l[0]!).describe('a state: code or name');

const flag = z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1');
const by = z.enum(['week', 'month', 'quarter', 'year']);
const two = z.object({ a: z.string(), b: z.string() });
const one = z.object({ state: z.string() });

/**
 * The stored events behind evidence, by id (sentence, claimant and story for each number), and how widely each one's
 * real-world event was reported, by cluster id.
 */
function evidenceOf(store: Store, ids: Iterable<number>): { events: Record<number, StoredEvent>; clusters: Record<number, ClusterBrief> } {
  const cited = citedEvents(store, ids);
  return { events: Object.fromEntries(cited.events), clusters: Object.fromEntries(cited.clusters) };
}
const ids = (evidence: readonly Evidence[]): number[] => evidence.map((e) => e.act.id);

/** Analysis errors (a window that ends before it starts, no adversary to be found) are the caller's to fix. */
function ask<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof AnalysisError) throw badRequest(err.message);
    throw err;
  }
}

const window = (q: { from?: string; to?: string }) => {
  if ((q.from === undefined) !== (q.to === undefined)) throw badRequest('give both `from` and `to` for a window, or neither');
  return q.from && q.to ? { from: q.from, to: q.to } : undefined;
};

export function analysisRoutes(store: Store, model: Model): Route[] {
  const k: Knowledge = { conflicts: model.conflicts };
  const WITH_EVENTS = '`{result, events, clusters}`: `events` maps each evidence id to its StoredEvent (sentence, claimant, story), `clusters` each of their cluster ids to how many reports and outlets it has';
  return [
    route({
      method: 'get', path: '/api/dyads/{a}/{b}', tag: 'analysis', summary: 'Timeline of a pair of states: cooperation and conflict A→B and B→A per period', cached: true,
      params: two, query: z.object({ by: by.default('month'), from: isoDate.optional(), to: isoDate.optional() }),
      responses: { 200: `{result: Timeline, events}: \`events\` holds the acts with no date of their own (undated), shown apart` },
      errors: { 404: 'a state is unknown (`suggestions` lists the closest)' },
    }, ({ params, query }) => {
      const result = ask(() => askDyad(store, { a: pathState(params.a), b: pathState(params.b), by: query.by, from: query.from, to: query.to }));
      return { result, ...evidenceOf(store, result.undated.map((a) => a.id)) };
    }),
    route({
      method: 'get', path: '/api/dyads/{a}/{b}/events', tag: 'analysis', summary: 'The acts between two states in a span (both ways), with their stored events', cached: true,
      params: two, query: z.object({ from: isoDate, to: isoDate, limit: z.coerce.number().int().min(1).max(2000).default(500) }),
      responses: { 200: '{acts: Act[], events, clusters, truncated}: the dated acts in the span, oldest first' },
      errors: { 404: 'a state is unknown' },
    }, ({ params, query }) => {
      if (query.from > query.to) throw badRequest(`from ${query.from} is after to ${query.to}`);
      const pair = [pathState(params.a), pathState(params.b)];
      const all = store.acts({ actor: pair, recipient: pair, from: query.from, to: query.to, dated: true });
      const acts = all.slice(0, query.limit);
      return { acts, ...evidenceOf(store, acts.map((a) => a.id)), truncated: all.length > acts.length };
    }),
    route({
      method: 'get', path: '/api/crises/{state}', tag: 'analysis', summary: "The focal state's crisis windows: detected, known conflicts, or the one given", cached: true,
      params: one, query: z.object({ from: isoDate.optional(), to: isoDate.optional(), adversary: oneState.optional() }),
      responses: { 200: '{result: CrisisWindow[]}' },
      errors: { 404: 'the state is unknown' },
    }, ({ params, query }) => {
      const w = window(query);
      return { result: ask(() => askCrises(store, k, { focal: pathState(params.state), ...(w ? { windows: [w] } : {}), adversary: query.adversary })) };
    }),
    route({
      method: 'get', path: '/api/test/{state}', tag: 'analysis', summary: "The partnership test: did the focal state's partners hold in its crisis windows?", cached: true,
      params: one,
      query: z.object({
        from: isoDate.optional().describe('window start (with `to`; default: every crisis window)'), to: isoDate.optional(),
        adversary: oneState.optional(), partners: stateList.optional(), confirmedOnly: flag,
        lookback: z.coerce.number().int().min(0).max(100).optional().describe('years before the window that declare a partner (default 10)'),
      }),
      responses: { 200: `${WITH_EVENTS}; result: PartnershipTest[]` },
      errors: { 404: 'the state is unknown' },
    }, ({ params, query }) => {
      const w = window(query);
      const result = ask(() => askTest(store, k, {
        focal: pathState(params.state), window: w, adversary: query.adversary, partners: query.partners, confirmedOnly: query.confirmedOnly, lookbackYears: query.lookback,
      }));
      return { result, ...evidenceOf(store, result.flatMap((t) => t.partners.flatMap((p) => [...ids(p.evidence), ...ids(p.undated)]))) };
    }),
    route({
      method: 'get', path: '/api/gap/{a}/{b}', tag: 'analysis', summary: 'The say-do gap: where what A said to B and what A did that mattered to B diverge', cached: true,
      params: two, query: z.object({ by: by.default('year'), confirmedOnly: flag }),
      responses: { 200: `${WITH_EVENTS}; result: GapReport` },
      errors: { 404: 'a state is unknown' },
    }, ({ params, query }) => {
      const result = ask(() => askGap(store, k, { a: pathState(params.a), b: pathState(params.b), by: query.by, confirmedOnly: query.confirmedOnly }));
      return { result, ...evidenceOf(store, [...result.periods.flatMap((p) => ids(p.evidence)), ...ids(result.undated)]) };
    }),
    route({
      method: 'get', path: '/api/compare/{state}', tag: 'analysis', summary: 'Rank candidate partners by what they delivered to the focal state and its adversaries, and their record', cached: true,
      params: one, query: z.object({ partners: stateList.refine((l) => l.length > 0, 'name at least one candidate'), confirmedOnly: flag }),
      responses: { 200: `${WITH_EVENTS}; result: Comparison` },
      errors: { 404: 'the state is unknown' },
    }, ({ params, query }) => {
      const result = ask(() => askCompare(store, k, { focal: pathState(params.state), partners: query.partners, confirmedOnly: query.confirmedOnly }));
      return { result, ...evidenceOf(store, result.candidates.flatMap((c) => ids(c.evidence))) };
    }),
    route({
      method: 'get', path: '/api/network', tag: 'analysis', summary: 'Who supported and who opposed whom: a signed, weighted graph', cached: true,
      query: z.object({ from: isoDate.optional(), to: isoDate.optional(), around: oneState.optional(), confirmedOnly: flag, format: z.enum(['json', 'graphml']).default('json') }),
      responses: { 200: '{result: AlignmentNetwork}, or GraphML with format=graphml' },
    }, ({ query, c }) => {
      const result = ask(() => askNetwork(store, { from: query.from, to: query.to, around: query.around, confirmedOnly: query.confirmedOnly }));
      if (query.format === 'graphml') return c.body(toGraphML(result), 200, { 'content-type': 'application/graphml+xml; charset=UTF-8' });
      return { result };
    }),
  ];
}

