/** The API's shapes, from the server's own contracts (type-only: nothing of the server is bundled). */
export type {
  Act, AlignmentNetwork, Attribution, Cluster, Comparison, CandidateResult, CrisisWindow, Evidence, GapPeriod, GapReport, ImportedEvent,
  PartnerResult, PartnershipTest, PloverRecord, SearchHit, StoreStats, StoredEvent, StorySummary, Tally, Timeline, TimelinePeriod, Verdict,
} from '../../src/types.js';
export type { Span, SentenceSpan } from '../../src/api/highlight.js';

import type { PloverRecord, ImportedEvent, StoredEvent } from '../../src/types.js';

export type AnyRecord = PloverRecord | ImportedEvent;
export const isCoded = (r: AnyRecord): r is PloverRecord => 'text_info' in r;

/** `{result, events}`: an analysis answer and the stored events behind its evidence. */
export interface WithEvents<T> {
  readonly result: T;
  readonly events: Readonly<Record<string, StoredEvent>>;
}
