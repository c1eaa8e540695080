import { apiGet } from '../api.js';
import { clear, counted, h, showError } from '../dom.js';
import { isCoded, type Cluster, type ClusterBrief, type StoredEvent } from '../types.js';
import { claimantOf, evidenceText } from './record.js';

/** One report of a real-world event: who published it, who claims it and how surely, its day and its sentence. */
function reportItem(e: StoredEvent, current: boolean): HTMLElement {
  const r = e.record;
  const where = isCoded(r)
    ? `${e.story?.outlet ?? e.story?.story_id ?? 'a story'}${e.story?.published ? `, ${e.story.published}` : ''}: ${claimantOf(r)} (${r.attribution.certainty})`
    : `${r.provenance.dataset ?? 'dataset'}${r.provenance.outlet ? `, ${r.provenance.outlet}` : ''}${r.provenance.published ? `, ${r.provenance.published}` : ''} (row ${r.provenance.row ?? '?'})`;
  // A coded report opens in its story, at its sentence.
  const read = isCoded(r) && e.story
    ? [' · ', h('a', { href: `#/read?story=${encodeURIComponent(e.story.story_id)}&sentence=${r.text_info.sequence}` }, 'read it in its story')]
    : null;
  return h('li', { class: current ? 'report current' : 'report' },
    h('div', { class: 'ev-claim' }, `${where}${current ? ' · this report' : ''}`, read),
    evidenceText(r));
}

/**
 * "one of 3 reports of this event, from 2 outlets" under a report (`shown`, marked in the list), "3 reports from
 * 2 outlets" under the event itself; opened, it lists every report of the cluster (read once, on first opening).
 */
export function clusterReports(cluster: number, brief: ClusterBrief, shown?: number): HTMLElement {
  const list = h('ul', { class: 'reports' });
  const reach = `${counted(brief.mentions, 'report')}${shown === undefined ? '' : ' of this event,'} from ${counted(brief.outlets, 'outlet')}`;
  const box = h('details', { class: 'ev-reports' }, h('summary', {}, shown === undefined ? reach : `one of ${reach}`), list);
  let asked = false;
  box.addEventListener('toggle', () => {
    if (!box.open || asked) return;
    asked = true;
    clear(list, h('li', {}, 'Loading the reports…'));
    apiGet<{ cluster: Cluster; events: StoredEvent[]; more: number }>(`/api/clusters/${cluster}`).then(
      (r) => clear(list, ...r.events.map((e) => reportItem(e, e.rowid === shown)),
        r.more ? h('li', {}, `${counted(r.more, 'more report')}: entente events --cluster ${cluster}`) : null),
      (err: unknown) => {
        asked = false;
        showError(list, err);
      });
  });
  return box;
}
