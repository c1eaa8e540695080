import type { ImportedEvent, PloverRecord, StoredEvent } from '../types.js';
import { clip, party } from './output.js';
const isCoded = (r: PloverRecord | ImportedEvent): r is PloverRecord => 'attribution' in r;

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

const CSV_COLUMNS = ['uid', 'source', 'date', 'date_precision', 'event', 'mode', 'actor', 'recipient', 'quad_code', 'event_scale', 'certainty', 'claimant', 'dead', 'place', 'place_country', 'cluster', 'story_id', 'dataset', 'row', 'outlet', 'published', 'url', 'text'] as const;
/** One CSV cell: lists joined with ';', quoted when it holds a comma, quote or line break. */
export const csvCell = (v: unknown): string => {
  const s = Array.isArray(v) ? v.join(';') : v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const eventCsvHeader = (): string => CSV_COLUMNS.join(',');

export function eventCsvRow(e: StoredEvent): string {
  const r = e.record;
  const coded = isCoded(r) ? r : undefined;
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    uid: e.uid, source: e.provenance.source, date: r.date, date_precision: r.date_precision, event: r.event, mode: r.mode.join(';'),
    actor: r.actor.map((a) => a.code).join(';'), recipient: r.recipient.map((a) => a.code).join(';'), quad_code: r.quad_code, event_scale: r.event_scale,
    certainty: coded?.attribution.certainty ?? '', claimant: coded?.attribution.claimant_text ?? '', dead: r.size?.dead ?? '',
    place: r.event_loc?.name ?? '', place_country: r.event_loc?.country ?? '', cluster: e.cluster ?? '', story_id: e.story?.story_id ?? '',
    dataset: e.provenance.dataset ?? '', row: e.provenance.row ?? '',
    outlet: e.story?.outlet ?? e.provenance.outlet ?? '', published: e.story?.published ?? e.provenance.published ?? '', url: e.provenance.url ?? e.story?.url ?? '', text: r.text ?? '',
  };
  return CSV_COLUMNS.map((c) => csvCell(values[c])).join(',');
}
