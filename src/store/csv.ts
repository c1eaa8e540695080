/**
 * Stored events and clusters as CSV rows: one definition for `entente export` and `entente events` and for the
 * API's downloads.
 */
import { isCoded, type Cluster, type StoredEvent } from '../types.js';

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

const CLUSTER_COLUMNS = ['id', 'event', 'actor', 'recipient', 'date', 'first_date', 'last_date', 'mentions', 'outlets', 'first_seen', 'last_seen', 'dead', 'dead_min', 'dead_max', 'place_country', 'members'] as const;

export const clusterCsvHeader = (): string => CLUSTER_COLUMNS.join(',');

export const clusterCsvRow = (c: Cluster): string => CLUSTER_COLUMNS.map((k) => csvCell(c[k])).join(',');
