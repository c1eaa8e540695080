import { createHash } from 'node:crypto';
import { codeStory } from '../pipeline/index.js';
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

/** The coder that coded a stored story: its name and version ("entente 0.1.0"); `recode` compares it. */
export const coderId = (model: Model): string => `${CODER_NAME} ${model.version}`;

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
  const seen = new Set<string>();
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
    stories++;
    const hash = contentHash(item.story);
    const state = store.storyState(item.story.id, hash);
    // Same content already stored (by this run or an earlier one): nothing to do. Recoding is `entente recode`.
    if (state === 'same' || seen.has(`${item.story.id}\u0000${hash}`)) {
      outcomes.unchanged++;
      opts.onStory?.(item.story, 'unchanged');
      continue;
    }
    seen.add(`${item.story.id}\u0000${hash}`);
    pending.push({ story: item.story, hash });
    if (pending.length >= size) flush();
  }
  flush();
  const { clusters } = store.transaction(() => store.recluster('new'));
  return { stories, outcomes, events, problems, clusters };
}
