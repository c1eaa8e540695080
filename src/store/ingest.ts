import { createHash } from 'node:crypto';
import { codeStory } from '../pipeline/index.js';
import { located } from '../pipeline/normalize/index.js';
import { CODER_NAME } from '../pipeline/records/index.js';
import type { InputProblem, IngestOutcome, Model, NormalizeResult, Store, Story } from '../types.js';

export interface IngestSummary {
  readonly stories: number;
  readonly outcomes: Readonly<Record<IngestOutcome, number>>;
  readonly events: number;
  readonly problems: number;
  readonly clusters: number;
}

export interface IngestOptions {
  /** Stories per transaction: a crash loses at most the batch in flight, never part of a story. */
  readonly batch?: number;
  readonly onProblem?: (p: InputProblem) => void;
  readonly onStory?: (story: Story, outcome: IngestOutcome) => void;
}

/**
 * The coder that coded a stored story: its name and version ("entente 0.1.0"), and the fingerprint of the user's
 * actor and rule files when any were given ("entente 0.1.0+3f2a9c1b"); `recode` compares it.
 */
export const coderId = (model: Model): string => `${CODER_NAME} ${model.version}${model.extensions ? `+${model.extensions}` : ''}`;

/** What decides whether a story changed: its text and everything that changes how it is coded. */
export function contentHash(story: Story): string {
  return createHash('sha256').update([story.text, story.date ?? '', story.title ?? '', story.url ?? '', story.source ?? ''].join('\u0000')).digest('hex');
}

/**
 * Code stories and store them in batches, each batch one transaction. A story already stored with the same
 * content and coder is left alone; one whose content changed is re-coded and replaced. Rerunning after a crash
 * finishes the job: committed batches are skipped as unchanged.
 */
export async function ingest(items: AsyncIterable<NormalizeResult>, store: Store, model: Model, opts: IngestOptions = {}): Promise<IngestSummary> {
  const size = opts.batch ?? 100;
  const coder = coderId(model);
  const outcomes: Record<IngestOutcome, number> = { new: 0, unchanged: 0, updated: 0 };
  let stories = 0;
  let events = 0;
  let problems = 0;
  let pending: { story: Story; hash: string }[] = [];
  /** The stories of this run by id: their content hash and where they were read. */
  const seen = new Map<string, { hash: string; at: string }>();
  const hashes = new Set<string>();
  const flush = (): void => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const coded = batch.map((p) => ({ ...p, coded: codeStory(p.story, model) }));
    const results = store.transaction(() => coded.map((c) => store.putStory(c.story, c.coded.sentences, c.coded.records, c.hash, coder)));
    results.forEach((outcome, i) => {
      outcomes[outcome]++;
      events += coded[i]!.coded.records.length;
      opts.onStory?.(coded[i]!.story, outcome);
    });
  };
  for await (const item of items) {
    if (!item.ok) {
      problems++;
      opts.onProblem?.(item.problem);
      continue;
    }
    const hash = contentHash(item.story);
    const before = seen.get(item.story.id);
    // One id for two different stories in one run is a mistake in the input, not a new version: the first stays.
    if (before && before.hash !== hash) {
      problems++;
      const where = item.at ?? { file: '<input>' };
      opts.onProblem?.({ ...where, message: `id "${item.story.id}" was already given to another story in this run (${before.at}): skipped` });
      continue;
    }
    stories++;
    // Same content already stored (by this run or an earlier one), under this id or, for an id made up from where the
    // story was read, under another: nothing to do. Recoding is `entente recode`.
    // Only a made-up id asks for the content elsewhere: a story that names itself is found by its id alone.
    const state = before ? 'same' : store.storyState(item.story.id, hash);
    if (state === 'same' || (item.derived && (hashes.has(hash) || (state === 'absent' && store.storedContent(hash))))) {
      outcomes.unchanged++;
      opts.onStory?.(item.story, 'unchanged');
      continue;
    }
    seen.set(item.story.id, { hash, at: item.at ? located(item.at) : 'earlier' });
    hashes.add(hash);
    pending.push({ story: item.story, hash });
    if (pending.length >= size) flush();
  }
  flush();
  const { clusters } = store.transaction(() => store.recluster('new'));
  return { stories, outcomes, events, problems, clusters };
}
