import type { ActorMention, CodedEvent, Model, PloverRecord, Sentence, Size, Story } from '../types.js';
import { findActors } from './actors/index.js';
import { attribute, stanceOf } from './attributes/attribution.js';
import { resolveDate } from './attributes/dates.js';
import { findPlace } from './attributes/places.js';
import { extractSize } from './attributes/sizes.js';
import { codeEvents } from './events/index.js';
import { toRecord } from './records/index.js';
import { splitSentences } from './sentences/index.js';

export interface CodeOptions {
  /** Keep negated events ("did not attack") as records flagged negated: true. Default: leave them out. */
  readonly includeNegated?: boolean;
}

export interface CodedStory {
  readonly story: Story;
  readonly sentences: readonly Sentence[];
  readonly mentions: readonly (readonly ActorMention[])[];
  readonly records: readonly PloverRecord[];
  /** Events dropped, with why: negated, or no actor could be found. */
  readonly dropped: readonly { readonly event: CodedEvent; readonly why: string }[];
}

const SIZE_TYPES = new Set(['ASSAULT', 'COERCE', 'PROTEST', 'MOBILIZE']);
/** Events with a location: material events and meetings. Verbal acts have none of their own. */
const PLACE_TYPES = new Set(['ASSAULT', 'COERCE', 'PROTEST', 'MOBILIZE', 'SANCTION', 'AID', 'COOPERATE', 'RETREAT', 'CONSULT']);

type Found = NonNullable<ReturnType<typeof findPlace>>;

/** A party the sentence does not name, inferred from where the event happened; it sits at the trigger. */
function placeParty(e: CodedEvent, place: Found, sector: string, text: string, reason: string): ActorMention {
  const t = e.sentence.tokens[e.trigger.start]!;
  return {
    start: e.trigger.start, end: e.trigger.start, charStart: t.start, charEnd: t.start,
    entity: { code: place.country, sector, entity_text: text }, kind: 'custom', possessive: false,
    reason: `${reason} ${place.name} (${place.country})`,
  };
}

/**
 * A place that is a country the sentence names as a party ("lifted a curfew in Montenegro") says where an event
 * happened, but no unnamed actor or victims are inferred from it: another event's party is no evidence of who acted.
 */
const namesParty = (place: Found, mentions: readonly ActorMention[]): boolean =>
  mentions.some((x) => x.kind === 'country' && x.charStart === place.charStart);

/** An event whose actor is unstated ("a roadside bombing killed ...") takes an unidentified actor of the place. */
function unidentifiedActor(e: CodedEvent, place: ReturnType<typeof findPlace>): CodedEvent | undefined {
  if (!place || e.recipient.length === 0 || !SIZE_TYPES.has(e.event)) return undefined;
  return { ...e, actor: [placeParty(e, place, 'UNK', 'unidentified', 'actor unstated: unidentified actor in')] };
}

/** One-sided violence with no named victim struck the people where it happened: "bombers killed 23 people in Tel Aviv". */
function victimsOfPlace(e: CodedEvent | undefined, place: ReturnType<typeof findPlace>): CodedEvent | undefined {
  if (!e || !place || e.recipient.length || (e.event !== 'ASSAULT' && e.event !== 'COERCE') || e.actor.some((a) => a.entity.code === place.country)) return e;
  return { ...e, recipient: [placeParty(e, place, 'CVL', `people in ${place.name}`, 'victims unnamed: people in')] };
}

/**
 * The whole coder: normalize → sentences → actors → events → attributes → records.
 * Pure: the same story and model always give the same records.
 */
export function codeStory(story: Story, model: Model, options: CodeOptions = {}): CodedStory {
  const sentences = splitSentences(story, model.nlp);
  const mentions = findActors(sentences, model);
  const records: PloverRecord[] = [];
  const dropped: { event: CodedEvent; why: string }[] = [];
  let previous: readonly ActorMention[] = [];
  const sports = model.lexicon.classes.get('sports')!;
  sentences.forEach((s, k) => {
    const m = mentions[k]!;
    const { events, subject, speech } = codeEvents(s, m, model, { previousSubject: previous });
    if (subject.length) previous = subject;
    if (events.length === 0) return;
    let size: Size | null | undefined;
    let ordinal = 0;
    const question = s.text.trimEnd().endsWith('?');
    const sport = s.tokens.some((t) => sports.has(t.lower));
    // Stance belongs to the sentence: computed once for all its events.
    const stance = stanceOf(s, speech.length > 0, model);
    for (const raw of events) {
      const skip = question ? 'a question asserts no event' : sport ? 'sports report' : raw.hypothetical ? 'hypothetical' : raw.negated && !options.includeNegated ? 'negated' : undefined;
      if (skip) {
        dropped.push({ event: raw, why: skip });
        continue;
      }
      const place = PLACE_TYPES.has(raw.event) ? findPlace(s, raw.trigger.start, m, model) : null;
      const inferFrom = place && !namesParty(place, m) ? place : null;
      const e = victimsOfPlace(raw.actor.length ? raw : unidentifiedActor(raw, inferFrom), inferFrom);
      if (!e) {
        dropped.push({ event: raw, why: 'no actor found' });
        continue;
      }
      const date = resolveDate(s, s.tokens[e.trigger.start]!.start, m, model, story.date);
      if (size === undefined) size = SIZE_TYPES.has(e.event) ? extractSize(s, model) ?? null : null;
      const attribution = attribute(s, e.trigger.start, speech, e.actor, model);
      ordinal++;
      records.push(toRecord({ story, event: e, ordinal, date, place, size: SIZE_TYPES.has(e.event) ? size : null, attribution, stance, model }));
    }
  });
  return { story, sentences, mentions, records, dropped };
}
