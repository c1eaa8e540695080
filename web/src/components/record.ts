import { h } from '../dom.js';
import { isCoded, type AnyRecord, type PloverRecord } from '../types.js';

const names = (list: AnyRecord['actor']): string => list.map((e) => e.entity_text).join(', ') || '—';

/** Only web addresses become links: a dataset's URL field may hold anything. */
const webAddress = (url: string | null): string | null => (url && /^https?:\/\//i.test(url) ? url : null);

/**
 * The sentence an event was coded from, or the text its dataset gives, quoted. An imported row with neither is
 * described by its own fields (its parties as the dataset names them, and its code's mapping), with a link to the
 * report it came from.
 */
export function evidenceText(r: AnyRecord): HTMLElement {
  if (isCoded(r)) return h('blockquote', {}, r.text);
  const text = r.text ?? r.event_text;
  if (text) return h('blockquote', {}, text);
  const url = webAddress(r.url);
  return h('p', { class: 'row-text' }, `No sentence in the dataset; its row reads ${names(r.actor)} → ${names(r.recipient)}, ${r.mapping}.`,
    url ? [' ', h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, 'Read the report')] : null);
}

/** Who claims a coded event in an evidence list: the claimant the sentence names, else the story itself. */
export const claimantOf = (r: PloverRecord): string => r.attribution.claimant_text ?? 'the story itself';
