import type { CodedStory } from '../pipeline/index.js';
import { isCoded, type ImportedEvent, type PloverRecord, type Sentence } from '../types.js';

/** A span of the story text to mark: an actor mention, or the words that triggered an event. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: 'actor' | 'event';
  /** The actor's code, or the event type. */
  readonly label: string;
  /** For events: the record id (coded) that the card shows. */
  readonly record?: string;
}

export interface SentenceSpan {
  readonly sequence: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export const sentenceSpans = (sentences: readonly Sentence[]): SentenceSpan[] =>
  sentences.map((s) => ({ sequence: s.index, start: s.start, end: s.end, text: s.text }));

/** Where each coded record's event words are in the story: found in its sentence, which the record keeps. */
export function eventSpans(records: readonly (PloverRecord | ImportedEvent)[]): Span[] {
  const out: Span[] = [];
  for (const r of records) {
    if (!isCoded(r)) continue;
    const at = r.event_text ? r.text.indexOf(r.event_text) : -1;
    if (at < 0) continue;
    const start = r.text_info.start + at;
    out.push({ start, end: start + r.event_text.length, kind: 'event', label: r.event, record: r.id });
  }
  return out;
}

/** Actor mentions that resolved to an actor, and the event words of the records. */
export function highlights(coded: CodedStory, records: readonly (PloverRecord | ImportedEvent)[] = coded.records): Span[] {
  const actors: Span[] = coded.mentions.flat()
    .filter((m) => m.entity.code !== '' && m.charEnd > m.charStart)
    .map((m) => ({ start: m.charStart, end: m.charEnd, kind: 'actor', label: m.entity.code }));
  return [...actors, ...eventSpans(records)].sort((a, b) => a.start - b.start || b.end - a.end);
}
