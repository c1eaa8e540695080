import { apiGet, q } from '../api.js';
import { evidenceLine } from '../components/cards.js';
import { stateName, statePicker, stateValue } from '../components/states.js';
import { clear, counted, field, h, hashParams, setHashParams, showError, status } from '../dom.js';
import type { Act, Evidenced, GapPeriod, GapReport, Tally, Timeline, TimelinePeriod, WithEvents } from '../types.js';
import { drawTimeline } from './timeline-chart.js';

const coop = (t: Tally): number => t.quad[0] + t.quad[1];
const conflict = (t: Tally): number => t.quad[2] + t.quad[3];

interface PeriodEvents extends Evidenced {
  readonly acts: readonly Act[];
  readonly truncated: boolean;
}

/** The events of one period (both directions) with their sentences, and the gap's reasons if it is flagged. */
async function showPeriod(box: HTMLElement, a: string, b: string, p: TimelinePeriod, gap: GapPeriod | undefined, gapEvidence: Evidenced): Promise<void> {
  clear(box, h('p', {}, `Loading ${p.period}…`));
  try {
    const r = await apiGet<PeriodEvents>(`/api/dyads/${a}/${b}/events${q({ from: p.from, to: p.to })}`);
    const seen = new Set<string>();
    const acts = r.acts.filter((x) => {
      const key = `${x.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    clear(box,
      h('h2', { id: 'period-h', tabindex: '-1' }, `${p.period}: ${acts.length} event${acts.length === 1 ? '' : 's'} between ${stateName(a)} and ${stateName(b)}`),
      gap?.flagged ? h('div', { class: 'gap-note' }, h('strong', {}, 'Say-do gap: '), gap.reason,
        h('ul', { class: 'evidence-list' }, gap.evidence.map((e) => evidenceLine(gapEvidence, e.act.id, `${e.side} · ${e.reason}`, e.act)))) : null,
      acts.length ? h('ul', { class: 'evidence-list period-events' }, acts.map((x) => evidenceLine(r, x.id, x.joint ? 'joint act' : `${x.actor} → ${x.recipient}`))) : h('p', {}, 'No dated events in this period.'),
      r.truncated ? h('p', {}, 'Only the first 500 are listed.') : null);
    (box.querySelector('#period-h') as HTMLElement | null)?.focus();
  } catch (err) {
    showError(box, err);
  }
}

function periodTable(t: Timeline, flagged: ReadonlyMap<string, GapPeriod>, onPick: (p: TimelinePeriod) => void): HTMLElement {
  const rows = t.periods.filter((p) => p.both.count > 0 || flagged.has(p.period));
  return h('div', { class: 'table-scroll' }, h('table', { class: 'table periods' },
    h('caption', {}, 'Periods with events (choose one to list its events)'),
    h('thead', {}, h('tr', {}, ['Period', `${t.a}→${t.b} coop.`, `${t.a}→${t.b} conflict`, `${t.b}→${t.a} coop.`, `${t.b}→${t.a} conflict`, 'Gap'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((p) => h('tr', { class: flagged.has(p.period) ? 'flagged' : '' },
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link period-button', 'data-period': p.period, onclick: () => onPick(p) }, p.period)),
      h('td', { class: 'num' }, coop(p.ab)), h('td', { class: 'num' }, conflict(p.ab)), h('td', { class: 'num' }, coop(p.ba)), h('td', { class: 'num' }, conflict(p.ba)),
      h('td', {}, flagged.has(p.period) ? 'say-do gap' : ''))))));
}

async function show(out: HTMLElement, say: HTMLElement, a: string, b: string, by: string): Promise<void> {
  say.textContent = 'Loading…';
  const [dyad, gap] = await Promise.all([
    apiGet<WithEvents<Timeline>>(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}${q({ by })}`),
    apiGet<WithEvents<GapReport>>(`/api/gap/${encodeURIComponent(a)}/${encodeURIComponent(b)}${q({ by })}`),
  ]);
  const t = dyad.result;
  setHashParams('relationship', { a: t.a, b: t.b, by });
  const flagged = new Map(gap.result.periods.filter((p) => p.flagged).map((p) => [p.period, p]));
  const detail = h('section', { class: 'panel', 'aria-live': 'polite' }, h('p', {}, 'Choose a period on the chart or in the table to list its events.'));
  const pick = (p: TimelinePeriod): void => void showPeriod(detail, t.a, t.b, p, flagged.get(p.period), gap);
  const chartBox = h('div', { class: 'chart', role: 'img', 'aria-label': `Cooperation and conflict between ${stateName(t.a)} and ${stateName(t.b)} per ${by}` });
  const undated = t.undated.length
    ? h('details', { class: 'panel' }, h('summary', {}, `${counted(t.undated.length, 'act')} with no date of their own (dated only by publication): not on the chart`),
      h('ul', { class: 'evidence-list' }, t.undated.map((x) => evidenceLine(dyad, x.id, `${x.actor} → ${x.recipient}`))))
    : null;
  const total = t.periods.reduce((n, p) => n + p.both.count, 0);
  clear(out,
    h('section', { class: 'panel' },
      h('h2', {}, `${stateName(t.a)} (${t.a}) and ${stateName(t.b)} (${t.b})`),
      h('p', { class: 'legend' },
        h('span', { class: 'key coop' }, `cooperation ${t.a}→${t.b}`), h('span', { class: 'key coop dashed' }, `cooperation ${t.b}→${t.a}`),
        h('span', { class: 'key conflict' }, `conflict ${t.a}→${t.b}`), h('span', { class: 'key conflict dashed' }, `conflict ${t.b}→${t.a}`),
        h('span', { class: 'key gap' }, `say-do gap (${flagged.size})`)),
      total ? chartBox : h('p', {}, 'No dated events between these two states yet.'),
      total ? periodTable(t, flagged, pick) : null),
    detail, undated);
  say.textContent = `${total} dated acts, ${t.undated.length} undated; ${flagged.size} say-do gap period${flagged.size === 1 ? '' : 's'} flagged (${t.a} toward ${t.b}).`;
  if (total) await drawTimeline(chartBox, t, [...flagged.values()], pick);
}

export function render(main: HTMLElement): void {
  const params = hashParams();
  const a = statePicker('rel-a', params.get('a') ?? 'SRB');
  const b = statePicker('rel-b', params.get('b') ?? 'AZE');
  const by = h('select', {}, ['month', 'quarter', 'year'].map((u) => h('option', { value: u, selected: u === (params.get('by') ?? 'year') }, u)));
  const say = status();
  const out = h('div', { class: 'result' });
  const run = (): void => {
    void show(out, say, stateValue(a), stateValue(b), by.value).catch((err) => {
      say.textContent = '';
      showError(out, err);
    });
  };
  clear(main,
    h('h1', {}, 'Relationship between two states'),
    h('form', { class: 'panel form-row', onsubmit: (e: Event) => (e.preventDefault(), run()) },
      field('State A', a), field('State B', b), field('Periods of', by),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show'))),
    say, out);
  run();
}
