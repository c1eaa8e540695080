import { apiGet, q } from '../api.js';
import { clusterReports } from '../components/reports.js';
import { isState, loadStates, stateName, statePicker, stateValue } from '../components/states.js';
import { clear, counted, field, h, hashParams, setHashParams, showError, status } from '../dom.js';
import type { Cluster, PloverEventType } from '../types.js';

/** Every PLOVER type, in the manual's order (the keys of a record over the type: the compiler checks that none is missing). */
const TYPES = Object.keys({
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 1, AID: 1, RETREAT: 1, REQUEST: 1,
  ACCUSE: 1, REJECT: 1, THREATEN: 1, PROTEST: 1, SANCTION: 1, MOBILIZE: 1, COERCE: 1, ASSAULT: 1,
} satisfies Record<PloverEventType, 1>);

const PAGE = 50;
const OUTLETS_SHOWN = 5;

type Filter = Record<'actor' | 'recipient' | 'type' | 'from' | 'to' | 'source' | 'order', string>;

const span = (from: string | null, to: string | null): string => (from && to && from !== to ? `${from} to ${to}` : from ?? to ?? 'undated');

/** The death toll most reported, with the range of all reported tolls when they differ. */
const toll = (c: Cluster): string | null =>
  c.dead === null ? null : `${c.dead}${c.dead_min !== null && c.dead_max !== null && c.dead_min !== c.dead_max ? ` (reports range from ${c.dead_min} to ${c.dead_max})` : ''}`;

function outletList(outlets: readonly string[]): string {
  const shown = outlets.slice(0, OUTLETS_SHOWN).join(', ');
  return outlets.length > OUTLETS_SHOWN ? `${shown} and ${outlets.length - OUTLETS_SHOWN} more` : shown;
}

/** One deduplicated event: its dyad, days, place and toll, who reported it and when, and its reports on demand. */
function clusterItem(c: Cluster): HTMLElement {
  const facts: [string, string | null][] = [
    ['Dated', c.first_date && c.last_date && c.first_date !== c.last_date ? span(c.first_date, c.last_date) : c.date ?? 'undated'],
    ['Place', c.place_country ? `${stateName(c.place_country)}${stateName(c.place_country) === c.place_country ? '' : ` (${c.place_country})`}` : null],
    ['Dead', toll(c)],
    ['Reported', c.first_seen || c.last_seen ? span(c.first_seen, c.last_seen) : null],
    ['Outlets', c.outlets.length ? outletList(c.outlets) : null],
  ];
  const dyad = isState(c.actor) && isState(c.recipient) && c.actor !== c.recipient
    ? h('p', { class: 'meta' }, h('a', { href: `#/relationship?a=${c.actor}&b=${c.recipient}&by=month` }, `${stateName(c.actor)} and ${stateName(c.recipient)} over time`))
    : null;
  return h('li', { class: 'panel cluster', 'data-cluster': c.id },
    h('h2', { class: 'card-title' }, h('span', { class: 'badge' }, c.event), ` ${stateName(c.actor)} → ${c.recipient ? stateName(c.recipient) : '—'}`),
    h('dl', { class: 'facts' }, facts.filter(([, v]) => v).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    dyad,
    clusterReports(c.id, { mentions: c.mentions, outlets: c.outlets.length }));
}

export function render(main: HTMLElement): void {
  const params = hashParams();
  const actor = statePicker('events-actor', params.get('actor') ?? '');
  const recipient = statePicker('events-recipient', params.get('recipient') ?? '');
  const type = h('select', {}, h('option', { value: '' }, 'any'), TYPES.map((t) => h('option', { value: t, selected: t === params.get('type') }, t)));
  const from = h('input', { type: 'date', value: params.get('from') ?? '' });
  const to = h('input', { type: 'date', value: params.get('to') ?? '' });
  const source = h('select', {}, [['', 'any'], ['coded', 'coded from articles'], ['imported', 'imported datasets']].map(([v, label]) =>
    h('option', { value: v, selected: v === (params.get('source') ?? '') }, label)));
  const order = h('select', {}, [['mentions', 'most reported first'], ['id', 'as stored']].map(([v, label]) =>
    h('option', { value: v, selected: v === (params.get('order') ?? 'mentions') }, label)));
  const say = status();
  const list = h('ol', { class: 'clusters' });
  const more = h('div', { class: 'actions' });
  let shown = 0;
  let reports = 0;

  const page = async (filter: Filter, after: number | null): Promise<void> => {
    const [r] = await Promise.all([
      apiGet<{ clusters: Cluster[]; next: number | null }>(`/api/clusters${q({ ...filter, limit: PAGE, after: after ?? undefined })}`),
      // State names, and which codes are states: without them, codes stand in and no Relationship link is offered.
      loadStates().catch(() => undefined),
    ]);
    list.append(...r.clusters.map(clusterItem));
    shown += r.clusters.length;
    reports += r.clusters.reduce((n, c) => n + c.mentions, 0);
    say.textContent = shown
      ? `${counted(shown, 'event')}, from ${counted(reports, 'report')}${r.next === null ? '' : ' so far'}.`
      : 'No events match. Code articles under Read, or ingest and import them under Data.';
    clear(more, r.next === null ? null : h('button', { type: 'button', onclick: () => void load(filter, r.next) }, `Show ${PAGE} more`));
  };
  const load = async (filter: Filter, after: number | null): Promise<void> => {
    say.textContent = 'Loading…';
    try {
      await page(filter, after);
    } catch (err) {
      say.textContent = '';
      showError(more, err);
    }
  };
  const downloads = h('p', { class: 'meta' });
  const run = (): void => {
    const filter: Filter = { actor: stateValue(actor), recipient: stateValue(recipient), type: type.value, from: from.value, to: to.value, source: source.value, order: order.value };
    setHashParams('events', filter);
    // The reports come in the order they were stored: the order chosen here is the events'.
    const reportFilter = { actor: filter.actor, recipient: filter.recipient, type: filter.type, from: filter.from, to: filter.to, source: filter.source };
    clear(downloads, 'Download: ',
      h('a', { href: `/api/export${q({ ...filter, what: 'clusters' })}`, download: true }, 'these events (CSV)'), ' · ',
      h('a', { href: `/api/export${q(reportFilter)}`, download: true }, 'their reports (CSV)'));
    list.replaceChildren();
    shown = 0;
    reports = 0;
    void load(filter, null);
  };
  clear(main,
    h('h1', {}, 'Events'),
    h('p', { class: 'legend' }, 'Each real-world event once, however many reports of it are stored: open one to read its reports, each with its sentence or dataset row.'),
    h('form', { class: 'panel form-row', onsubmit: (e: Event) => (e.preventDefault(), run()) },
      field('Actor', actor), field('Recipient', recipient), field('Type', type), field('From', from), field('To', to), field('Source', source), field('Order', order),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show'))),
    say, downloads, list, more);
  run();
}
