/** The API's shapes, from the server's own contracts (type-only: nothing of the server is bundled). */
export type {
  Act, AlignmentNetwork, Attribution, Cluster, ClusterBrief, Comparison, CandidateResult, CrisisWindow, Evidence, GapPeriod, GapReport, ImportedEvent,
  PartnerResult, PartnershipTest, PloverEventType, PloverRecord, SearchHit, StoreStats, StoredEvent, StorySummary, Tally, Timeline, TimelinePeriod, Verdict,
} from '../../src/types.js';
export type { Span, SentenceSpan } from '../../src/api/highlight.js';

import type { ClusterBrief, PloverRecord, ImportedEvent, StoredEvent } from '../../src/types.js';

export type AnyRecord = PloverRecord | ImportedEvent;
export const isCoded = (r: AnyRecord): r is PloverRecord => 'text_info' in r;

/** What an answer gives about its evidence: the stored events by id, and how widely each was reported, by cluster id. */
export interface Evidenced {
  readonly events: Readonly<Record<string, StoredEvent>>;
  readonly clusters?: Readonly<Record<string, ClusterBrief>>;
}

/** `{result, events, clusters}`: an analysis answer and the stored events behind its evidence. */
export interface WithEvents<T> extends Evidenced {
  readonly result: T;
}
