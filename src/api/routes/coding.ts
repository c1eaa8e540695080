import { createHash } from 'node:crypto';
import { z } from 'zod';
import { codeStory } from '../../pipeline/index.js';
import { located, normalizeDocument, normalizeJsonLine } from '../../pipeline/normalize/index.js';
import { contentHash, ingest } from '../../store/ingest.js';
import type { InputProblem, Model, NormalizeResult, Store, Story } from '../../types.js';
import { badRequest, notFound } from '../errors.js';
import { highlights, sentenceSpans } from '../highlight.js';
import { route, type Route } from '../route.js';
import { after, isoDate, limit, pageById, storyInput, type StoryInput } from '../schemas.js';

/** The same text (and date and title) is the same story: its id is derived from them unless given. */
const derivedId = (s: Pick<StoryInput, 'text' | 'date' | 'title'>): string =>
  `api-${createHash('sha256').update([s.text, s.date ?? '', s.title ?? ''].join('\u0000')).digest('hex').slice(0, 16)}`;

function toStory(s: StoryInput, file: string): NormalizeResult {
  const id = s.id ?? derivedId(s);
  const r = normalizeDocument(s.text, s.format, { id, file, ...(s.date ? { date: s.date } : {}) });
  if (!r.ok) return r;
  const title = s.title ?? r.story.title;
  const story: Story = { ...r.story, ...(title ? { title } : {}), ...(s.url ? { url: s.url } : {}), ...(s.source ? { source: s.source } : {}) };
  return { ok: true, story, ...(s.id === undefined ? { derived: true as const } : {}) };
}

/**
 * A JSONL line without an id is named by its content, as a story posted without one: "upload.jsonl:1" would name the
 * first line of every upload, and each would replace the one before.
 */
const contentNamed = (r: NormalizeResult): NormalizeResult =>
  r.ok && r.derived ? { ...r, story: { ...r.story, id: derivedId({ text: r.story.text, date: r.story.date, title: r.story.title }) } } : r;

const storiesBody = z.union([
  storyInput,
  z.strictObject({ stories: z.array(storyInput).min(1).max(10_000) }),
  z.strictObject({
    jsonl: z.string().min(1).describe('JSONL stories, one {"id","text","date"?,"title"?,"url"?,"source"?} a line'),
    file: z.string().max(300).default('upload.jsonl').describe('named in problems'),
    date: isoDate.optional().describe('for lines without a date'),
  }),
]);

/** One id given to two different stories of a body: a problem for each later one. */
function sharedIds(results: readonly NormalizeResult[]): InputProblem[] {
  const first = new Map<string, { hash: string; where: string }>();
  const problems: InputProblem[] = [];
  results.forEach((r, i) => {
    if (!r.ok) return;
    const at = r.at ?? { file: `stories[${i}]` };
    const where = located(at);
    const hash = contentHash(r.story);
    const before = first.get(r.story.id);
    if (!before) first.set(r.story.id, { hash, where });
    else if (before.hash !== hash) problems.push({ ...at, message: `id "${r.story.id}" is also the id of another story (${before.where})` });
  });
  return problems;
}

/** Every story of a body, or 400 naming each problem: nothing is stored unless all of it can be. */
function storiesOf(body: z.output<typeof storiesBody>): Extract<NormalizeResult, { ok: true }>[] {
  const results: NormalizeResult[] = 'jsonl' in body
    ? body.jsonl.split('\n').flatMap((line, i) => normalizeJsonLine(line.replace(/\r$/, ''), body.file, i + 1, body.date) ?? []).map(contentNamed)
    : ('stories' in body ? body.stories : [body]).map((s, i) => toStory(s, `stories[${i}]`));
  const problems: InputProblem[] = [...results.flatMap((r) => (r.ok ? [] : [r.problem])), ...sharedIds(results)];
  if (problems.length) {
    throw badRequest(`${problems.length} stories cannot be coded, nothing was stored: ${problems.slice(0, 5).map((p) => `${located(p)}: ${p.message}`).join('; ')}`, { problems });
  }
  if (results.length === 0) throw badRequest('no stories in the body');
  return results as Extract<NormalizeResult, { ok: true }>[];
}

export function codingRoutes(store: Store, model: Model): Route[] {
  return [
    route({
      method: 'post', path: '/api/code', tag: 'coding', summary: 'Code text into PLOVER events without storing it',
      body: storyInput.omit({ id: true, url: true, source: true }),
      responses: { 200: 'records (PloverRecord[]), sentences with their offsets, and the spans to highlight (actors and event words)' },
    }, ({ body }) => {
      const r = toStory(body, 'text');
      if (!r.ok) throw badRequest(r.problem.message);
      const coded = codeStory({ ...r.story, id: 'text' }, model);
      return { story: { id: coded.story.id, text: coded.story.text, date: coded.story.date ?? null, title: coded.story.title ?? null }, sentences: sentenceSpans(coded.sentences), records: coded.records, highlights: highlights(coded) };
    }),
    route({
      method: 'post', path: '/api/stories', tag: 'stories', summary: 'Code and store one story, several, or JSONL stories',
      description: 'All or nothing: a story that cannot be coded fails the request and nothing is stored. A story stored before with the same content is left as it is.',
      body: storiesBody,
      responses: { 200: 'nothing new: every story was already stored', 201: 'stories stored: counts per outcome, events, clusters and the story ids' },
    }, async ({ body, c }) => {
      const stories = storiesOf(body);
      async function* items(): AsyncGenerator<NormalizeResult> {
        yield* stories;
      }
      const s = await ingest(items(), store, model, { batch: stories.length });
      const changed = s.outcomes.new + s.outcomes.updated;
      return c.json({ stories: s.stories, outcomes: s.outcomes, events: s.events, clusters: s.clusters, ids: stories.map((x) => x.story.id) }, changed ? 201 : 200);
    }),
    route({
      method: 'get', path: '/api/stories', tag: 'stories', summary: 'Stored stories, a page at a time', cached: true,
      query: z.object({ after, limit: limit(50, 500) }),
      responses: { 200: '{stories: StorySummary[], next}: pass `next` as `after` for the next page (null: no more)' },
    }, ({ query }) => {
      const { items: stories, next } = pageById((opts) => store.stories(opts), (s) => s.rowid, query.limit, query.after);
      return { stories, next };
    }),
    route({
      method: 'get', path: '/api/stories/{id}', tag: 'stories', summary: 'A stored story: its text, sentences, events and the spans to highlight', cached: true,
      params: z.object({ id: z.string().min(1) }),
      responses: { 200: '{summary, story, sentences, events: StoredEvent[], highlights}' },
      errors: { 404: 'no stored story has this id' },
    }, ({ params }) => {
      const found = store.story(params.id);
      if (!found) throw notFound(`no stored story "${params.id}"`);
      const coded = codeStory(found.story, model);
      return { ...found, highlights: highlights(coded, found.events.map((e) => e.record)) };
    }),
  ];
}
