/**
 * Every contract of the Entente pipeline lives here.
 *
 *   normalize → sentences → actors → events → attributes → records
 *
 * Each stage is a pure function from readonly values to new readonly values.
 * Offsets are character offsets into `Story.text` (UTF-16 code units, as JS strings).
 */

/* ------------------------------------------------------------------ input */

/** One news story, as the coder sees it after normalisation. */
export interface Story {
  readonly id: string;
  readonly text: string;
  /** Publication date, YYYY-MM-DD. Absent means relative dates stay unresolved. */
  readonly date?: string;
  readonly title?: string;
  readonly url?: string;
  readonly source?: string;
}

/** A problem with one input item (file, line). The batch goes on without it. */
export interface InputProblem {
  readonly file: string;
  /** 1-based line, when the problem is tied to one line. */
  readonly line?: number;
  readonly message: string;
}

export type InputFormat = 'text' | 'html' | 'jsonl';

/** Result of normalising one input unit: a story, or a problem. */
/** Where a story came from: its file (or URL) and, for JSONL and feeds, its line. */
export interface InputLocation {
  readonly file: string;
  readonly line?: number;
}

export type NormalizeResult =
  | {
    readonly ok: true;
    readonly story: Story;
    readonly at?: InputLocation;
    /**
     * The input gave no id: this one was made from where the story was read (a file's name or path, standard input,
     * a line or item number). A store then also finds the story by its content under another such id.
     */
    readonly derived?: true;
  }
  | { readonly ok: false; readonly problem: InputProblem };

/* ------------------------------------------------------------ sentences */

export interface Token {
  /** Index in the sentence. */
  readonly i: number;
  readonly text: string;
  readonly lower: string;
  /** Base form of an irregular word ("said" → "say"), else the lower-case form. */
  readonly lemma: string;
  /** Universal POS tag from wink-nlp (NOUN, VERB, PROPN, ADP, ...). */
  readonly pos: string;
  /** Character offsets in the story text. */
  readonly start: number;
  readonly end: number;
  /** True when the token follows whitespace. */
  readonly spaced: boolean;
}

export interface Sentence {
  /** 0-based sequence in the story. */
  readonly index: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly Token[];
}

/* --------------------------------------------------------------- actors */

/** PLOVER sector codes used by Entente. */
export type Sector =
  | 'GOV' | 'MIL' | 'COP' | 'JUD' | 'LEG' | 'REB' | 'OPP' | 'PTY' | 'SPY' | 'PRM' | 'UAF' | 'UNK'
  | 'CVL' | 'MED' | 'JRN' | 'BUS' | 'LAB' | 'EDU' | 'REL' | 'REF' | 'ELI' | 'CRM' | 'AGR' | 'SOC' | 'PRE';

/** A PLOVER entity object, as written into records. */
export interface Entity {
  /** ISO 3166 alpha-3, KOS, or IGO/UNO/EUR/NGO/ISM/IMG/MNC. */
  readonly code: string;
  readonly sector?: string;
  /** Extra sector codes, e.g. PRE for partially recognised entities. */
  readonly other_sectors?: readonly string[];
  readonly entity_text: string;
  readonly office?: string;
  /** A named person or organisation. */
  readonly identifier_text?: string;
  /** For a listed leader: the tenure that covers the event date. */
  readonly tenure?: { readonly from: string; readonly to: string | null; readonly in_office_at_event: boolean | null };
}

export type MentionKind =
  | 'country' | 'demonym' | 'capital' | 'territory' | 'organization' | 'leader' | 'title' | 'agent' | 'pronoun' | 'custom';

/** One actor mention in a sentence: a token span resolved to an entity. */
export interface ActorMention {
  /** Token span [start, end) in the sentence. */
  readonly start: number;
  readonly end: number;
  /** Character offsets in the story text. */
  readonly charStart: number;
  readonly charEnd: number;
  readonly entity: Entity;
  readonly kind: MentionKind;
  /** "Serbia's", "Azerbaijan’s": the mention modifies a following noun. */
  readonly possessive: boolean;
  /** Human-readable why: the list entry or pattern that resolved it. */
  readonly reason: string;
  /** Leader entries carry their tenures, checked against the event date later. */
  readonly tenures?: readonly Tenure[];
}

export interface Tenure {
  readonly from: string;
  readonly to: string | null;
  readonly office: string;
}

/* --------------------------------------------------------------- events */

export type PloverEventType =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT'
  | 'REQUEST' | 'ACCUSE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT';

export type QuadCode = 1 | 2 | 3 | 4;

/**
 * A rule as written by people, in data/rules/*.json or a user's --rules file.
 * `match` is a token pattern (see docs/rules.md); `mode` is a PLOVER mode or null.
 */
export interface RuleSpec {
  readonly id?: string;
  readonly match: string;
  /** FRAME: a governing phrase; NONE: words that look like an event but are none ("declined to comment"). */
  readonly event: PloverEventType | 'FRAME' | 'NONE';
  readonly mode?: string | null;
  readonly context?: readonly string[];
  readonly reason: string;
  /** For FRAME rules: how the frame transforms the event it governs. */
  readonly frame?: FrameKind;
  /** Passive trigger: subject is the recipient ("was attacked by"). */
  readonly passive?: boolean;
  /** Higher wins when two rules cover the same tokens. Default 0. */
  readonly priority?: number;
  /** The actor is the recipient's side: "X received aid from Y". */
  readonly swap?: boolean;
  /** For frames: the speaker of the reporting clause is the actor, the clause subject the recipient ("X said Y must ..."). */
  readonly speaker?: boolean;
}

/** How a governing phrase changes the event it governs. */
export type FrameKind = 'promise' | 'future' | 'threat' | 'refuse' | 'demand' | 'attempt' | 'negation' | 'hypothetical';

export type PatternElement =
  | { readonly kind: 'word'; readonly words: ReadonlySet<string>; readonly optional: boolean; readonly verbal: ReadonlySet<string> }
  | { readonly kind: 'class'; readonly name: string; readonly words: ReadonlySet<string>; readonly optional: boolean; readonly verbal: ReadonlySet<string> }
  | { readonly kind: 'pos'; readonly tags: ReadonlySet<string>; readonly optional: boolean }
  | { readonly kind: 'gap'; readonly max: number }
  | { readonly kind: 'actor'; readonly optional: boolean };

/** A rule compiled once at load time. */
export interface CompiledRule {
  readonly id: string;
  readonly spec: RuleSpec;
  readonly elements: readonly PatternElement[];
  /** Words any of which may start a match: used to index rules by first token. */
  readonly anchors: readonly string[];
  /** Index of the element that is the event's head word. */
  readonly headElement: number;
}

/** A rule that fired on a sentence, before roles are assigned. */
export interface Trigger {
  readonly rule: CompiledRule;
  /** Token span [start, end) of the matched pattern. */
  readonly start: number;
  readonly end: number;
  /** Token index of the head verb or noun of the event. */
  readonly head: number;
}

/** An event with roles, before attributes. */
export interface CodedEvent {
  readonly sentence: Sentence;
  readonly trigger: Trigger;
  readonly event: PloverEventType;
  readonly mode: readonly string[];
  readonly context: readonly string[];
  readonly actor: readonly ActorMention[];
  readonly recipient: readonly ActorMention[];
  readonly negated: boolean;
  /** Under a condition or possibility: reported in --explain, never a record. */
  readonly hypothetical: boolean;
  /** Frames that changed the event type, e.g. "promised to" + AID → AGREE. */
  readonly frames: readonly string[];
  readonly reason: string;
}

/* ----------------------------------------------------------- attributes */

export type DatePrecision = 'day' | 'month' | 'year' | 'approximate' | 'publication' | 'unresolved';

export interface DateResolution {
  /** YYYY-MM-DD, or null when it cannot be resolved without inventing one. */
  readonly date: string | null;
  /** Last day of a range (a named conflict, a month, a year). */
  readonly enddate?: string;
  readonly precision: DatePrecision;
  /** The date expression in the sentence, when there was one. */
  readonly text?: string;
  readonly charStart?: number;
  readonly charEnd?: number;
  /** For a named-conflict anchor: the conflict's id in data/conflicts.json. */
  readonly conflict?: string;
  readonly reason: string;
}

export interface Place {
  readonly name: string;
  /** ISO alpha-3 of the country the place is in. */
  readonly country: string;
  /** Coordinates from the gazetteer; null when the place is a region the gazetteer does not hold. */
  readonly lat: number | null;
  readonly lon: number | null;
  readonly text: string;
  readonly charStart: number;
  readonly charEnd: number;
  readonly reason: string;
}

export interface Size {
  readonly dead?: number;
  readonly injured?: number;
  readonly arrested?: number;
  readonly text?: string;
  readonly reason?: string;
}

export type Certainty = 'asserted' | 'reported' | 'alleged' | 'hedged' | 'confirmed' | 'denied';

export interface Attribution {
  /** Who claims the event: an entity or the literal claimant phrase. Null: the story's own voice. */
  readonly claimant: Entity | null;
  readonly claimant_text: string | null;
  readonly verb: string | null;
  readonly certainty: Certainty;
  readonly reason: string;
}

export type Stance = 'report' | 'opinion' | 'historical';

/* --------------------------------------------------------------- record */

export interface TextInfo {
  readonly sequence: number;
  readonly start: number;
  readonly end: number;
}

export interface Reason {
  readonly rule: string;
  readonly tokens: string;
  readonly why: string;
  readonly frames: readonly string[];
  readonly actor: readonly string[];
  readonly recipient: readonly string[];
  readonly date: string;
  readonly attribution: string;
  readonly stance: string;
  readonly place?: string;
  readonly size?: string;
}

/** The PLOVER fields every stored event has, coded or imported. */
export interface EventCore {
  readonly date: string | null;
  readonly date_precision: DatePrecision;
  readonly actor: readonly Entity[];
  readonly recipient: readonly Entity[];
  readonly event: PloverEventType;
  readonly mode: readonly string[];
  readonly context: readonly string[];
  readonly quad_code: QuadCode;
  readonly event_scale: number;
  readonly event_loc: Place | null;
  readonly size: Size | null;
}

/** A PLOVER event record, with the current manual's field names. */
export interface PloverRecord extends EventCore {
  readonly id: string;
  readonly story_id: string;
  readonly enddate?: string;
  readonly event_text: string;
  readonly text: string;
  readonly text_info: TextInfo;
  readonly attribution: Attribution;
  readonly negated: boolean;
  readonly stance: Stance;
  readonly reason: Reason;
  readonly coder: { readonly name: string; readonly version: string };
}

/* ---------------------------------------------------------------- model */

/** A named leader with tenures, from data/leaders.json or a user's actor file. */
export interface LeaderEntry {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly country: string;
  readonly sector?: string;
  readonly tenures: readonly Tenure[];
}

/** A plain actor dictionary entry: phrase → entity. */
export interface ActorEntry {
  readonly names: readonly string[];
  readonly code: string;
  readonly sector?: string;
  readonly other_sectors?: readonly string[];
  readonly kind: MentionKind;
  readonly identifier?: string;
}

/** An agent noun that turns a country mention into a sector ("army" → MIL). */
export interface AgentEntry {
  readonly names: readonly string[];
  readonly sector: string;
  /** Office title, for titled officials ("defense minister"). */
  readonly office?: string;
}

export interface Conflict {
  readonly id: string;
  readonly name: string;
  readonly parties: readonly string[];
  readonly start: string;
  readonly end: string | null;
  /** Places and words that name it: "Nagorno-Karabakh", "Karabakh". */
  readonly places: readonly string[];
  readonly aliases?: readonly string[];
  /** war, clashes, insurgency, intervention... */
  readonly scale: string;
  /** The two opposing sides, for conflicts of more than two parties (who fought whom). */
  readonly sides?: readonly [readonly string[], readonly string[]];
  /** Who is on neither side, or what a code stands for in this conflict. */
  readonly sides_note?: string;
}

export interface GazetteerPlace {
  readonly name: string;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
}

/** Everything language-specific, loaded once and passed to the pipeline. */
export interface Model {
  readonly version: string;
  /**
   * The user's actor and rule files, when any were loaded: 8 hex digits of a SHA-256 of what they hold. Stories
   * coded with them are coded by another coder than the plain one (see coderId).
   */
  readonly extensions?: string;
  /** The wink-nlp instance that tokenises and tags, with the irregular-verb table for lemmas. */
  readonly nlp: import('./nlp.js').Tagger;
  /** Lower-cased phrase (space-joined tokens) → entries. Longest match wins. */
  readonly actorIndex: PhraseIndex<ActorEntry>;
  readonly leaderIndex: PhraseIndex<LeaderEntry>;
  readonly agentIndex: PhraseIndex<AgentEntry>;
  /** Rules by anchor word. */
  readonly rulesByAnchor: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly rules: readonly CompiledRule[];
  readonly lexicon: Lexicon;
  readonly conflicts: readonly Conflict[];
  /** Lazily loaded place lookup (lower-cased name → place). */
  readonly places: (name: string) => GazetteerPlace | undefined;
  /** Country name for a code, for tables and messages. */
  readonly countryName: (code: string) => string | undefined;
  /** Quad classes and PLOVER scores (data/plover.json). */
  readonly plover: { readonly quad: Readonly<Record<string, number>>; readonly scale: Readonly<Record<string, number>> };
}

/** Word lists used by the stages: speech verbs, hedges, number words, ... */
export interface Lexicon {
  readonly classes: ReadonlyMap<string, ReadonlySet<string>>;
  readonly numbers: ReadonlyMap<string, number>;
  /** Irregular forms to their base: "said" → "say", "met" → "meet" (data/irregular-verbs.json). */
  readonly lemmas: ReadonlyMap<string, string>;
}

export interface PhraseIndex<T> {
  /** Longest phrase length in tokens. */
  readonly maxLen: number;
  readonly get: (phrase: string) => readonly T[] | undefined;
  /** Longest phrase starting at token `at`: its length in tokens and its entries. */
  readonly longestAt: (tokens: readonly Token[], at: number) => { readonly len: number; readonly values: readonly T[] } | undefined;
}

/* ---------------------------------------------------------------- store */

export type Dataset = 'polecat' | 'icews' | 'gdelt' | 'plover';

/** Where a stored event came from: a coded story, or a row of an imported dataset. */
export interface Provenance {
  readonly source: 'coded' | 'imported';
  readonly dataset?: Dataset;
  /** The imported file, and the 1-based line of the row in it. */
  readonly file?: string;
  readonly row?: number;
  /** The dataset's own identifier of the row (GLOBALEVENTID, Event ID, ...). */
  readonly source_id?: string;
  readonly url?: string;
  /**
   * Who published the report the row was coded from (ICEWS Publisher, POLECAT Source, PLOVER cite_info.publication,
   * or the host of a GDELT row's SOURCEURL), and the day it was published or collected (POLECAT Publication Date,
   * GDELT DATEADDED). Clusters count outlets and first and last seen from them.
   */
  readonly outlet?: string;
  readonly published?: string;
}

/**
 * An event read from an existing dataset and mapped to PLOVER. Field names follow PloverRecord;
 * imported events have no sentence offsets or coder reasons, but keep the original code they were mapped from.
 */
export interface ImportedEvent extends EventCore {
  readonly source_id: string;
  /** The last day of a date range (PLOVER records only: the other datasets date an event by one day). */
  readonly enddate?: string;
  readonly event_text: string | null;
  /** The source sentence when the dataset ships it, else null. */
  readonly text: string | null;
  readonly url: string | null;
  /** The dataset's own event code (a CAMEO code for ICEWS and GDELT, the PLOVER type for POLECAT). */
  readonly original_code: string;
  /** Why the row maps to this PLOVER event: "CAMEO 190 → ASSAULT". */
  readonly mapping: string;
  readonly provenance: Provenance;
}

/** Whether a record was coded from a sentence (a PLOVER record) rather than imported from a dataset row. */
export const isCoded = (r: PloverRecord | ImportedEvent): r is PloverRecord => 'text_info' in r;

/** An imported event as the store gives it back: with a PLOVER id, so that its PLOVER export can be imported again. */
export interface StoredImport extends ImportedEvent {
  /** Its uid (`gdelt:955110007`); an imported PLOVER record keeps its own id (its uid without `plover:`). */
  readonly id: string;
}

/** One parsed row: an event, a problem naming the file and line, or nothing (a header or a blank line). */
export type ImportRow = { readonly ok: true; readonly event: ImportedEvent } | { readonly ok: false; readonly problem: InputProblem } | null;

/** A dataset format: how to read one line of it. */
export interface ImportFormat {
  readonly name: Dataset;
  /** True when the first non-blank line is a header row naming the columns. */
  readonly header: boolean;
  /** Parse one line. `columns` holds the header's column names when the format has one. */
  readonly parseLine: (line: string, lineNo: number, file: string, columns: readonly string[] | null) => ImportRow;
  /**
   * Why no row of a file whose first non-blank line is `first` can be read in this format (a header without the
   * columns every row needs, a JSON array), judged once per file; null when its rows are to be read one by one.
   */
  readonly refuse: (first: string) => string | null;
}

/** What event filters and act queries share. Dates are inclusive YYYY-MM-DD. */
export interface BaseFilter {
  readonly actor?: readonly string[];
  readonly recipient?: readonly string[];
  readonly type?: readonly PloverEventType[];
  readonly quad?: readonly QuadCode[];
  readonly from?: string;
  readonly to?: string;
  readonly source?: 'coded' | 'imported';
}

/** Filters shared by `entente events`, `export` and the store. */
export interface EventFilter extends BaseFilter {
  readonly certainty?: readonly Certainty[];
  /** Only these stored event ids (the evidence behind a number). */
  readonly ids?: readonly number[];
  /** Only these uids (a coded record's id, `gdelt:955110007` for an imported row). */
  readonly uids?: readonly string[];
  /** Only the reports of these clusters (the evidence behind a cluster's mention count). */
  readonly clusters?: readonly number[];
}

/** How widely an evidence event's real-world event was reported: its cluster's reports and outlets. */
export interface ClusterBrief {
  readonly mentions: number;
  readonly outlets: number;
}

/** The stored events an answer cites, by id, and how widely each one's real-world event was reported, by cluster id. */
export interface CitedEvents {
  readonly events: ReadonlyMap<number, StoredEvent>;
  readonly clusters: ReadonlyMap<number, ClusterBrief>;
}

/** An event as stored: the PLOVER record plus where it came from and its cluster. */
export interface StoredEvent {
  readonly rowid: number;
  readonly uid: string;
  readonly record: PloverRecord | StoredImport;
  readonly provenance: Provenance;
  /** The story the event was coded from (coded events only). */
  readonly story: { readonly story_id: string; readonly title: string | null; readonly outlet: string | null; readonly url: string | null; readonly published: string | null } | null;
  readonly cluster: number | null;
}

/** What clustering tells its caller as it goes: a large batch takes tens of seconds. */
export interface ClusterProgress {
  /** The reports the run will read: every report of the groups run whole, or the waiting ones of resumed groups. */
  start(reports: number): void;
  /** `reports` more read and run through the rule. */
  advance(reports: number): void;
  /** The rule has run; the changed clusters and their members are being written. */
  writing(clusters: number, reports: number): void;
}

/** Input of the cluster rule: what is compared between two reports. */
export interface ClusterInput {
  readonly rowid: number;
  readonly event: string;
  readonly actor: string;
  readonly recipient: string;
  readonly date: string | null;
  readonly enddate: string | null;
  readonly precision: DatePrecision;
  readonly place_country: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly dead: number | null;
  /** Outlet or dataset that reported it. */
  readonly outlet: string;
  /** When the report was published or imported (first/last seen). */
  readonly seen: string | null;
}

/** A deduplicated real-world event: every mention is kept; the best-supported attributes are summarised. */
export interface Cluster {
  readonly id: number;
  readonly event: string;
  readonly actor: string;
  readonly recipient: string;
  readonly date: string | null;
  readonly first_date: string | null;
  readonly last_date: string | null;
  readonly mentions: number;
  readonly outlets: readonly string[];
  readonly first_seen: string | null;
  readonly last_seen: string | null;
  /** The death toll reported most often, with the range of all reported tolls. */
  readonly dead: number | null;
  readonly dead_min: number | null;
  readonly dead_max: number | null;
  readonly place_country: string | null;
  readonly members: readonly number[];
}

/** How a read of clusters is ordered and paged (Store.clusters). */
export interface ClusterPage {
  readonly limit?: number;
  readonly after?: number;
  readonly order?: 'date' | 'id' | 'mentions';
}

export interface StoreStats {
  readonly stories: number;
  readonly sentences: number;
  readonly events: { readonly coded: number; readonly imported: number };
  readonly clusters: number;
  /** Events waiting for clustering (after `import --no-cluster`): `entente cluster` groups them. */
  readonly waiting: number;
  readonly imports: number;
  readonly first_date: string | null;
  readonly last_date: string | null;
  readonly by_type: Readonly<Record<string, number>>;
  readonly coder_versions: Readonly<Record<string, number>>;
  readonly bytes: number;
}

/** What happened to one story at ingest. */
export type IngestOutcome = 'new' | 'unchanged' | 'updated';

export interface SearchHit {
  readonly story_id: string;
  readonly sequence: number;
  readonly text: string;
  /** The sentence with the matched words marked [like this]. */
  readonly snippet: string;
  readonly events: readonly StoredEvent[];
}

/** Counts per period for a dyad, for `entente events --by` and the analytics. */
export interface DyadPeriod {
  readonly period: string;
  readonly event: PloverEventType;
  readonly count: number;
}

/** A stored story as listed: where it came from and how much it holds. */
export interface StorySummary {
  readonly rowid: number;
  readonly story_id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly ingested_at: string;
  readonly coder_version: string;
  readonly sentences: number;
  readonly events: number;
}

/** A stored story with its text, its sentences (offsets into the text) and its coded events. */
export interface StoredStory {
  readonly summary: StorySummary;
  readonly story: Story;
  readonly sentences: readonly { readonly sequence: number; readonly start: number; readonly end: number; readonly text: string }[];
  readonly events: readonly StoredEvent[];
}

export interface ImportCounts {
  readonly rows: number;
  readonly imported: number;
  readonly skipped: number;
  readonly duplicates: number;
}

/** What the store holds of a story: see Store.storyState. */
export type StoryState = 'absent' | 'same' | 'changed';

/**
 * The store contract. Every backend passes the same contract test suite (test/store.contract.ts).
 * Every write method is atomic: a batch commits whole or not at all.
 */
export interface Store {
  readonly path: string;
  /** Run `fn` in one transaction: everything it writes commits together, or nothing does. */
  transaction<T>(fn: () => T): T;
  /** Whether a story is new, already stored with the same content, or stored with different content. */
  storyState(storyId: string, hash: string): StoryState;
  /** Whether a story with this content hash is stored, under any id. */
  storedContent(hash: string): boolean;
  /** Store a coded story with its sentences and events, replacing an older version of it. */
  putStory(story: Story, sentences: readonly Sentence[], records: readonly PloverRecord[], hash: string, coder: string): IngestOutcome;
  beginImport(dataset: Dataset, file: string): number;
  /** Store imported events; a row whose dataset id is already stored counts as a duplicate. */
  putImported(importId: number, events: readonly ImportedEvent[]): { inserted: number; duplicates: number };
  finishImport(importId: number, counts: ImportCounts): void;
  /**
   * Before an import of about `expectedRows` rows: a backend may set up for a bulk load (SQLite builds its secondary
   * indexes once at the end instead of row by row). Returns whether it did. Queries stay correct meanwhile.
   * endBulkLoad() finishes it; a bulk load killed before its end is finished when the store is next opened.
   */
  beginBulkLoad(expectedRows: number): boolean;
  endBulkLoad(): void;
  /** Filtered events, by date then id; `order: 'id'` for cursor pages (`after` is the last id of the previous page). */
  events(filter: EventFilter, opts?: { readonly limit?: number; readonly after?: number; readonly order?: 'date' | 'id' }): IterableIterator<StoredEvent>;
  dyad(actor: string, recipient: string, by: 'week' | 'month' | 'quarter' | 'year', filter?: EventFilter): DyadPeriod[];
  /** Events as directed state-to-state acts, compound and joint events expanded (src/analysis/acts.ts). */
  acts(query: ActQuery): Act[];
  /**
   * Dated acts of the query summed per day, dyad and type (compound events expanded). With `coarse`, whole months
   * of imported events may come as one sum dated on the month's first day (fast on large stores).
   */
  tally(query: ActQuery, opts?: { readonly coarse?: boolean }): DayTally[];
  /** The acts of a window, imported single-dyad events as one aggregate act per dyad and type (Act.n). */
  windowActs(query: ActQuery & { readonly from: string; readonly to: string }): Act[];
  /** Bring the sums behind tally() and windowActs() up to date; returns the dyads rebuilt. */
  refreshTallies(): number;
  /**
   * Sentences matching a full-text query, best first, at most `limit` (0: all) after skipping `offset` (paging). A
   * query the full-text engine cannot parse throws a SearchError.
   */
  search(query: string, limit: number, offset?: number): SearchHit[];
  /** Re-run the cluster rule over the events (all, or those not yet clustered) and store the clusters. */
  recluster(scope: 'all' | 'new', progress?: ClusterProgress): { clusters: number; events: number };
  /**
   * Clusters by first day, by id, or most reported first (mentions, then id), at most `limit`, streamed: do not write
   * to the store while iterating. `after` is the id of the last cluster of the previous page (not with 'date').
   */
  clusters(filter: EventFilter, opts?: ClusterPage): IterableIterator<Cluster>;
  cluster(id: number): Cluster | null;
  /** Stories coded by another coder version than `version`. */
  staleStories(version: string): IterableIterator<Story>;
  /** Stored stories in the order they were first stored, a page at a time (`after` is the last rowid of the previous page). */
  stories(opts?: { readonly limit?: number; readonly after?: number }): StorySummary[];
  /** One stored story with its sentences and events, or null. */
  story(storyId: string): StoredStory | null;
  /** Changes whenever the stored content may have changed, by this connection or another: a cache key. */
  dataVersion(): string;
  stats(): StoreStats;
  /**
   * Problems found by SQLite's and Entente's own integrity checks; empty when all is well. `quick` checks the file's
   * structure but not that every index matches its table.
   */
  check(opts?: { readonly quick?: boolean }): string[];
  backup(file: string): Promise<void>;
  close(): void;
}

// ───────────────────────────── Analysis (src/analysis) ─────────────────────────────

export type PeriodUnit = 'week' | 'month' | 'quarter' | 'year';

/** An inclusive span of days, YYYY-MM-DD to YYYY-MM-DD. */
export interface DateWindow {
  readonly from: string;
  readonly to: string;
}

/**
 * One directed act between two states, the unit every analysis counts: a stored event seen as actor → recipient.
 * A compound event gives one act per actor–recipient pair; a joint act with no recipient ("Serbia and Azerbaijan
 * signed an agreement") gives one act each way between its actors, marked `joint`.
 */
export interface Act {
  /** The stored event's id (its evidence: `entente events --id`, GET /api/events/:id). */
  readonly id: number;
  readonly actor: string;
  readonly recipient: string;
  readonly joint: boolean;
  readonly event: PloverEventType;
  readonly quad: QuadCode;
  readonly scale: number;
  readonly date: string | null;
  readonly enddate: string | null;
  readonly precision: DatePrecision;
  /** Null for imported events: a dataset codes events, it does not report claims. */
  readonly certainty: Certainty | null;
  readonly mode: readonly string[];
  readonly context: readonly string[];
  readonly cluster: number | null;
  readonly source: 'coded' | 'imported';
  /**
   * An aggregate act read from a large store's sums: it stands for this many distinct imported events of one dyad
   * and type in a window (its id is negative; list them with the events filter). Absent: one act.
   */
  readonly n?: number;
}

/**
 * Which acts to read: any of `involving` as actor or recipient, or the `actor`/`recipient` lists (AND); dated acts
 * whose span overlaps [from, to].
 */
export interface ActQuery extends BaseFilter {
  readonly involving?: readonly string[];
  /** true: dated acts only; false: undated acts only (dated only by publication, or unresolved); default both. */
  readonly dated?: boolean;
}

/** Counts for one direction of a dyad in one period. */
export interface Tally {
  readonly count: number;
  /** Acts per quad class: index 0 is quad 1 (verbal cooperation) ... index 3 is quad 4 (material conflict). */
  readonly quad: readonly [number, number, number, number];
  readonly types: Readonly<Partial<Record<PloverEventType, number>>>;
  readonly scale_sum: number;
  readonly scale_mean: number | null;
  /** Distinct real-world events: distinct clusters, an unclustered act counting as its own. */
  readonly clusters: number;
  /** Share of acts only alleged, reported or hedged (coded events; imported events count as asserted). */
  readonly unconfirmed_share: number | null;
}

/** Acts summed by day, dyad, type and quad class: what a backend aggregates for timelines on large stores. */
export interface DayTally {
  readonly date: string;
  readonly actor: string;
  readonly recipient: string;
  readonly event: PloverEventType;
  readonly quad: QuadCode;
  readonly count: number;
  readonly scale_sum: number;
  readonly unconfirmed: number;
  /** Distinct clusters among the acts, an unclustered act counting as its own. */
  readonly clusters: number;
}

export interface TimelinePeriod {
  /** "2020-07", "2020-Q3", "2020-W28", "2020". */
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly ab: Tally;
  readonly ba: Tally;
  readonly both: Tally;
}

export interface Timeline {
  readonly a: string;
  readonly b: string;
  readonly by: PeriodUnit;
  readonly periods: readonly TimelinePeriod[];
  /** Acts of the dyad with no date of their own (dated only by publication, or unresolved): shown apart. */
  readonly undated: readonly Act[];
}

export interface CrisisWindow extends DateWindow {
  readonly focal: string;
  readonly adversary: string;
  /** detected: by the rolling-baseline rule; known: a conflict in data/conflicts.json; given: by the user. */
  readonly source: 'detected' | 'known' | 'given';
  readonly name: string | null;
  /** Material-conflict acts between focal and adversary in the window (distinct clusters). */
  readonly events: number;
  /** events per month of the window. */
  readonly intensity: number;
  readonly peak: { readonly period: string; readonly events: number } | null;
  readonly evidence: readonly number[];
}

export type Verdict = 'held' | 'wavered' | 'failed' | 'silent';

/** One act scored in a partnership test or a gap: which side it falls on and with what weight. */
export interface Evidence {
  readonly act: Act;
  readonly side: 'aligned' | 'misaligned' | 'said' | 'did';
  readonly kind: 'verbal' | 'material';
  /** Certainty weight (docs/analysis.md); the signed value for gap deeds. */
  readonly weight: number;
  /** Why the act counts: "AID to the adversary ARM". */
  readonly reason: string;
}

export interface PartnerResult {
  readonly partner: string;
  /** Had verbal cooperation toward the focal state in the years before the window. */
  readonly declared: boolean;
  readonly verdict: Verdict;
  readonly aligned: { readonly verbal: number; readonly material: number };
  readonly misaligned: { readonly verbal: number; readonly material: number };
  /** aligned minus misaligned, material counted double (docs/analysis.md). */
  readonly score: number;
  readonly reason: string;
  readonly evidence: readonly Evidence[];
  /** Relevant acts with no date of their own: shown, never counted. */
  readonly undated: readonly Evidence[];
}

export interface PartnershipTest {
  readonly focal: string;
  readonly adversary: string;
  readonly window: CrisisWindow;
  readonly confirmedOnly: boolean;
  readonly partners: readonly PartnerResult[];
}

export interface GapPeriod {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  /** Weighted verbal cooperation A → B in the period. */
  readonly said: number;
  /** Verbal cooperation A → B standing from the look-back years up to the period's end. */
  readonly standing: number;
  /** Signed deeds that mattered to B: material cooperation (+) or conflict (−) toward B, the reverse toward B's adversaries in B's crisis windows. */
  readonly did: number;
  readonly flagged: boolean;
  readonly reason: string;
  readonly evidence: readonly Evidence[];
}

export interface GapReport {
  readonly a: string;
  readonly b: string;
  readonly by: PeriodUnit;
  readonly crises: readonly CrisisWindow[];
  readonly periods: readonly GapPeriod[];
  readonly flagged: number;
  readonly undated: readonly Evidence[];
}

export type SupportKind = 'military' | 'economic' | 'technology' | 'diplomatic';

export interface CandidateResult {
  readonly partner: string;
  readonly rank: number;
  readonly toFocal: Readonly<Record<SupportKind, number>>;
  readonly toAdversaries: Readonly<Record<SupportKind, number>>;
  /** Verdicts in the focal state's past crisis windows. */
  readonly record: readonly { readonly window: CrisisWindow; readonly verdict: Verdict }[];
  /** Share of past windows where the partner held, or null without any window where it acted. */
  readonly reliability: number | null;
  readonly score: number;
  readonly reason: string;
  readonly evidence: readonly Evidence[];
}

export interface Comparison {
  readonly focal: string;
  readonly candidates: readonly CandidateResult[];
}

export interface NetworkEdge {
  readonly source: string;
  readonly target: string;
  /** support − opposition, certainty-weighted. */
  readonly weight: number;
  readonly sign: 1 | -1 | 0;
  readonly support: number;
  readonly opposition: number;
  readonly events: readonly number[];
}

export interface AlignmentNetwork {
  readonly window: DateWindow | null;
  readonly around: string | null;
  readonly nodes: readonly { readonly id: string; readonly label: string; readonly acts: number }[];
  readonly edges: readonly NetworkEdge[];
}
