import { counted, h } from '../dom.js';
import { isCoded, type Act, type AnyRecord, type Evidenced, type ImportedEvent } from '../types.js';
import { claimantOf, evidenceText } from './record.js';
import { clusterReports } from './reports.js';
import { stateName } from './states.js';

const QUAD_NAME = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];

const parties = (list: AnyRecord['actor']): string =>
  list.length ? list.map((e) => `${e.code}${e.sector ? `/${e.sector}` : ''}`).join(' + ') : '—';

const partyTitle = (list: AnyRecord['actor']): string => list.map((e) => `${stateName(e.code)}: “${e.entity_text}”`).join('; ');

export function dateText(r: AnyRecord): string {
  if (!r.date) return 'date unresolved';
  const end = 'enddate' in r && r.enddate ? ` – ${r.enddate}` : '';
  const how = r.date_precision === 'day' ? '' : r.date_precision === 'publication' ? ' (publication date)' : ` (${r.date_precision})`;
  return `${r.date}${end}${how}`;
}

function casualties(r: AnyRecord): string | null {
  const s = r.size;
  if (!s) return null;
  const parts = [s.dead !== undefined ? `${s.dead} dead` : '', s.injured !== undefined ? `${s.injured} injured` : '', s.arrested !== undefined ? `${s.arrested} arrested` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

/** Who stands behind an imported row: its dataset, and the outlet that published the report when the dataset says. */
const datasetSource = (r: ImportedEvent): string => `${r.provenance.dataset ?? 'dataset'}${r.provenance.outlet ? `, reported by ${r.provenance.outlet}` : ''}`;

/** One event as a card: type, actor → recipient, date, place, casualties, claimant and certainty, and why it was coded. */
export function eventCard(r: AnyRecord, opts: { onShow?: () => void; id?: string } = {}): HTMLElement {
  const coded = isCoded(r);
  const claim = coded ? r.attribution : null;
  const rows: [string, string | null][] = [
    ['Date', dateText(r)],
    ['Place', r.event_loc ? `${r.event_loc.name} (${r.event_loc.country})` : null],
    ['Casualties', casualties(r)],
    ['Claimant', isCoded(r) ? r.attribution.claimant_text ?? (r.attribution.claimant ? r.attribution.claimant.entity_text : 'the story itself') : datasetSource(r)],
    ['Certainty', claim ? claim.certainty : 'as coded by the dataset'],
    ['Why', coded ? `“${r.reason.tokens}”: ${r.reason.why}` : r.mapping],
  ];
  const title = h('h3', { class: 'card-title' },
    h('span', { class: `badge q${r.quad_code}`, title: QUAD_NAME[r.quad_code] }, r.event),
    ' ', h('span', { title: partyTitle(r.actor) }, parties(r.actor)), ' → ', h('span', { title: partyTitle(r.recipient) }, parties(r.recipient)));
  const dl = h('dl', { class: 'facts' }, rows.filter(([, v]) => v).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  const show = opts.onShow
    ? h('button', { type: 'button', class: 'link', onclick: opts.onShow, 'aria-label': `Show the sentence of ${r.event} ${parties(r.actor)} to ${parties(r.recipient)}` }, 'Show sentence')
    : null;
  return h('article', { class: `card q${r.quad_code}`, ...(opts.id ? { id: opts.id } : {}), 'data-event': r.event }, title, dl, show);
}

/**
 * A short line for evidence lists: the sentence of event `id`, who claims it and how surely, and how many reports of
 * the same real-world event the store holds.
 */
export function evidenceLine(from: Evidenced, id: number, extra: string, act?: Act): HTMLElement {
  const stored = from.events[id];
  const r = stored?.record;
  // An aggregate act from a large store's sums stands for many imported events: no one sentence to show.
  if (!r) return h('li', { class: 'evidence' }, act ? h('div', { class: 'ev-head' }, h('span', { class: `badge q${act.quad}` }, act.event), ' ',
    `${act.actor} → ${act.recipient} · ${act.n ? counted(act.n, 'imported event') : `event #${act.id}`}${act.date ? ` from ${act.date}` : ''} · ${extra}`) : extra);
  const coded = isCoded(r);
  const who = coded ? claimantOf(r) : datasetSource(r);
  const how = coded ? r.attribution.certainty : 'asserted';
  const brief = stored?.cluster == null ? undefined : from.clusters?.[stored.cluster];
  return h('li', { class: 'evidence' },
    h('div', { class: 'ev-head' }, h('span', { class: `badge q${r.quad_code}` }, r.event), ' ', parties(r.actor), ' → ', parties(r.recipient), ' · ', dateText(r), ' · ', extra),
    evidenceText(r),
    h('div', { class: 'ev-claim' }, `Claimant: ${who} · certainty: ${how}`),
    brief && brief.mentions > 1 ? clusterReports(stored!.cluster!, brief, id) : null);
}
