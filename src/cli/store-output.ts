import { isCoded, type StoredEvent } from '../types.js';
import { clip, party } from './output.js';

export const EVENT_TABLE_HEADER = ['date'.padEnd(14), 'event'.padEnd(9), 'actor'.padEnd(14), 'recipient'.padEnd(14), 'claim'.padEnd(30), 'evidence'].join(' ');

/** One line per stored event: date, type, parties, claim, and the sentence or the dataset row behind it. */
export function eventRow(e: StoredEvent): string {
  const r = e.record;
  const claim = isCoded(r) ? `${r.attribution.certainty}${r.attribution.claimant_text ? `: ${r.attribution.claimant_text}` : ''}` : `${e.provenance.dataset} row ${e.provenance.row}${e.provenance.outlet ? `: ${e.provenance.outlet}` : ''}`;
  const evidence = r.text ? `"${clip(r.text, 110)}"` : isCoded(r) ? '' : r.url ?? r.mapping;
  // "~" marks an approximate date; "pub:" a publication date standing in for a date the sentence does not give.
  const date = !r.date ? 'undated' : r.date_precision === 'day' ? r.date : r.date_precision === 'publication' ? `pub:${r.date}` : `~${r.date}`;
  return [date.padEnd(14), r.event.padEnd(9), clip(party(r.actor), 14).padEnd(14), clip(party(r.recipient), 14).padEnd(14), clip(claim, 30).padEnd(30), evidence].join(' ');
}
