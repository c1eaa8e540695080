import { apiGet, q } from '../api.js';
import { stateName, statePicker, stateValue } from '../components/states.js';
import { clear, counted, field, h, hashParams, setHashParams, showError, status } from '../dom.js';
import type { AlignmentNetwork } from '../types.js';

const n = (x: number): string => (Math.round(x * 100) / 100).toString();

/** The signed graph, drawn by cytoscape: loaded only here, on first use. */
async function draw(box: HTMLElement, net: AlignmentNetwork): Promise<void> {
  const { default: cytoscape } = await import('cytoscape');
  const max = Math.max(1, ...net.edges.map((e) => Math.abs(e.weight)));
  box.replaceChildren();
  cytoscape({
    container: box,
    elements: [
      ...net.nodes.map((node) => ({ data: { id: node.id, label: `${node.id}`, size: 22 + Math.min(node.acts, 20) * 2 } })),
      ...net.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, sign: e.sign, width: 1.5 + (Math.abs(e.weight) / max) * 5 } })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#2f4b7c', color: '#1c1c1c', 'font-size': 12, 'text-valign': 'bottom', 'text-margin-y': 4 } },
      { selector: 'edge', style: { width: 'data(width)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#8a8a8a', 'target-arrow-color': '#8a8a8a' } },
      { selector: 'edge[sign > 0]', style: { 'line-color': '#1b7f4b', 'target-arrow-color': '#1b7f4b' } },
      { selector: 'edge[sign < 0]', style: { 'line-color': '#b3261e', 'target-arrow-color': '#b3261e', 'line-style': 'dashed' } },
    ],
    layout: { name: net.nodes.length > 2 ? 'cose' : 'circle', animate: false, padding: 30 },
    wheelSensitivity: 0.3,
  });
}

function edgeTable(net: AlignmentNetwork): HTMLElement {
  const edges = [...net.edges].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return h('div', { class: 'table-scroll' }, h('table', { class: 'table edges' },
    h('caption', {}, 'Edges, strongest first'),
    h('thead', {}, h('tr', {}, ['From', 'To', 'Sign', 'Support', 'Opposition', 'Weight', 'Events'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, edges.map((e) => h('tr', {},
      h('td', { title: stateName(e.source) }, e.source), h('td', { title: stateName(e.target) }, e.target),
      h('td', {}, h('span', { class: `verdict ${e.sign > 0 ? 'held' : e.sign < 0 ? 'failed' : 'silent'}` }, e.sign > 0 ? 'supported' : e.sign < 0 ? 'opposed' : 'mixed')),
      h('td', { class: 'num' }, n(e.support)), h('td', { class: 'num' }, n(e.opposition)), h('td', { class: 'num' }, n(e.weight)),
      h('td', {}, e.events.slice(0, 8).map((id, i) => [i ? ', ' : '', h('a', { href: `/api/events/${id}`, target: '_blank', rel: 'noopener' }, `#${id}`)]), e.events.length > 8 ? ' …' : ''))))));
}

export function render(main: HTMLElement): void {
  const params = hashParams();
  const from = h('input', { type: 'date', value: params.get('from') ?? '' });
  const to = h('input', { type: 'date', value: params.get('to') ?? '' });
  const around = statePicker('net-around', params.get('around') ?? '');
  const say = status();
  const graph = h('div', { class: 'graph', role: 'img', 'aria-label': 'Signed network: green edges support, red dashed edges opposition' });
  const table = h('div', {});
  const run = async (): Promise<void> => {
    say.textContent = 'Loading…';
    try {
      const r = await apiGet<{ result: AlignmentNetwork }>(`/api/network${q({ from: from.value || undefined, to: to.value || undefined, around: stateValue(around) || undefined })}`);
      setHashParams('network', { from: from.value, to: to.value, around: stateValue(around) });
      const net = r.result;
      say.textContent = `${counted(net.nodes.length, 'state')}, ${counted(net.edges.length, 'edge')}${net.window ? ` from ${net.window.from} to ${net.window.to}` : ''}.`;
      if (!net.edges.length) {
        clear(graph, h('p', { class: 'empty' }, 'No support or opposition between states in this period.'));
        clear(table);
        return;
      }
      clear(table, edgeTable(net));
      await draw(graph, net);
    } catch (err) {
      say.textContent = '';
      showError(table, err);
    }
  };
  clear(main,
    h('h1', {}, 'Who supported and who opposed whom'),
    h('form', { class: 'panel form-row', onsubmit: (e: Event) => (e.preventDefault(), void run()) },
      field('From', from), field('To', to), field('Around a state (optional)', around),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Draw'))),
    say,
    h('section', { class: 'panel' }, h('p', { class: 'legend' }, h('span', { class: 'key coop' }, 'support'), h('span', { class: 'key conflict dashed' }, 'opposition')), graph),
    table);
  void run();
}
