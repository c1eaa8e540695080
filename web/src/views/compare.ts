import { apiGet, q } from '../api.js';
import { evidenceLine } from '../components/cards.js';
import { stateName } from '../components/states.js';
import { clear, counted, field, h, showError, status } from '../dom.js';
import type { CandidateResult, Comparison, Evidenced, WithEvents } from '../types.js';

const n = (x: number | null): string => (x === null ? '—' : (Math.round(x * 100) / 100).toString());
const kinds = (r: Readonly<Record<string, number>>): string =>
  Object.entries(r).filter(([, v]) => v).map(([k, v]) => `${k} ${n(v)}`).join(', ') || '—';

function rows(c: CandidateResult, from: Evidenced): HTMLElement[] {
  const id = `cmp-${c.partner}`;
  const detail = h('tr', { id, hidden: true, class: 'evidence-row' }, h('td', { colspan: 6 },
    h('p', {}, c.reason),
    c.record.length ? h('p', {}, 'Record: ', c.record.map((r) => `${r.window.name ?? r.window.from} ${r.verdict}`).join('; ')) : null,
    h('ul', { class: 'evidence-list' }, c.evidence.map((e) => evidenceLine(from, e.act.id, `${e.side}, ${e.kind} · ${e.reason}`, e.act)))));
  const toggle = h('button', { type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-controls': id }, `${c.partner} ${stateName(c.partner)}`);
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    detail.hidden = !open;
  });
  return [h('tr', {}, h('td', { class: 'num', 'data-label': 'Rank' }, c.rank), h('th', { scope: 'row' }, toggle), h('td', { class: 'num', 'data-label': 'Score' }, n(c.score)),
    h('td', { class: 'num', 'data-label': 'Reliability' }, n(c.reliability)), h('td', { 'data-label': 'To the focal state' }, kinds(c.toFocal)),
    h('td', { 'data-label': 'To its adversaries' }, kinds(c.toAdversaries))), detail];
}

/** Rank candidate partners for the focal state: what they delivered to it and to its adversaries, and their record. */
export function compareTab(box: HTMLElement, focal: string, suggested: readonly string[]): void {
  const input = h('input', { type: 'text', value: suggested.join(','), placeholder: 'SRB,TUR,ISR' });
  const say = status();
  const out = h('div', {});
  const run = async (): Promise<void> => {
    say.textContent = 'Comparing…';
    try {
      const r = await apiGet<WithEvents<Comparison>>(`/api/compare/${encodeURIComponent(focal)}${q({ partners: input.value.replace(/\s+/g, '') })}`);
      say.textContent = `${counted(r.result.candidates.length, 'candidate')} ranked for ${stateName(r.result.focal)}.`;
      clear(out, h('div', { class: 'table-scroll' }, h('table', { class: 'table compare stack' },
        h('caption', {}, 'Candidates, best first (choose one to see its evidence)'),
        h('thead', {}, h('tr', {}, ['Rank', 'Partner', 'Score', 'Reliability', `To ${r.result.focal}`, 'To its adversaries'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, r.result.candidates.flatMap((c) => rows(c, r))))));
    } catch (err) {
      say.textContent = '';
      showError(out, err);
    }
  };
  clear(box, h('form', { class: 'panel form-row', onsubmit: (e: Event) => (e.preventDefault(), void run()) },
    field('Candidate partners', input, 'codes or names, comma-separated'),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Compare'))), say, out);
  if (input.value) void run();
}
