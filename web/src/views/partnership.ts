import { apiGet, q } from '../api.js';
import { evidenceLine } from '../components/cards.js';
import { stateName, statePicker, stateValue } from '../components/states.js';
import { clear, counted, field, h, hashParams, setHashParams, showError, status } from '../dom.js';
import type { CrisisWindow, Evidenced, PartnerResult, PartnershipTest, WithEvents } from '../types.js';
import { compareTab } from './compare.js';

const n = (x: number): string => (Math.round(x * 100) / 100).toString();

/** Crisis windows on one time axis: each a button that tests that window. */
function windowsTimeline(windows: readonly CrisisWindow[], tested: ReadonlySet<string>, onPick: (w: CrisisWindow) => void): HTMLElement {
  if (!windows.length) return h('p', {}, 'No crisis windows found for this state: give a window above.');
  const t = (d: string): number => Date.parse(d);
  const lo = Math.min(...windows.map((w) => t(w.from)));
  const hi = Math.max(...windows.map((w) => t(w.to)), lo + 86_400_000);
  const axis = h('div', { class: 'crisis-axis', 'aria-hidden': 'true' }, h('span', {}, new Date(lo).getUTCFullYear()), h('span', {}, new Date(hi).getUTCFullYear()));
  const lanes = windows.map((w) => {
    const left = ((t(w.from) - lo) / (hi - lo)) * 100;
    const width = Math.max(((t(w.to) - t(w.from)) / (hi - lo)) * 100, 0.8);
    const label = `${w.name ?? `${w.source} window`} against ${stateName(w.adversary)}: ${w.from} to ${w.to}, ${counted(w.events, 'conflict event')}`;
    return h('div', { class: 'crisis-lane' },
      h('button', { type: 'button', class: `crisis ${w.source}${tested.has(`${w.from}|${w.to}|${w.adversary}`) ? ' tested' : ''}`, style: `left:${left}%;width:${width}%`, title: label, 'aria-label': `Test ${label}`, onclick: () => onPick(w) }),
      h('span', { class: 'crisis-label', style: `left:${Math.min(left, 60)}%;max-width:${100 - Math.min(left, 60)}%` }, `${w.name ?? w.source} · ${w.adversary} · ${w.from} – ${w.to}${tested.has(`${w.from}|${w.to}|${w.adversary}`) ? ' (tested)' : ''}`));
  });
  return h('div', { class: 'crisis-timeline' }, axis, lanes);
}

function partnerRows(p: PartnerResult, from: Evidenced): HTMLElement[] {
  const detailId = `ev-${p.partner}-${Math.random().toString(36).slice(2, 8)}`;
  const detail = h('tr', { id: detailId, class: 'evidence-row', hidden: true },
    h('td', { colspan: 7 },
      p.evidence.length ? h('ul', { class: 'evidence-list' }, p.evidence.map((e) => evidenceLine(from, e.act.id, `${e.side}, ${e.kind}, weight ${n(e.weight)} · ${e.reason}`, e.act))) : h('p', {}, 'No acts in the window.'),
      p.undated.length ? [h('h4', {}, 'Undated evidence (shown, not counted)'), h('ul', { class: 'evidence-list' }, p.undated.map((e) => evidenceLine(from, e.act.id, `${e.side} · ${e.reason}`, e.act)))] : null));
  const toggle = h('button', { type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-controls': detailId }, `${p.partner} ${stateName(p.partner)}`);
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    detail.hidden = !open;
  });
  const row = h('tr', { 'data-partner': p.partner },
    h('th', { scope: 'row' }, toggle),
    h('td', { 'data-label': 'Verdict' }, h('span', { class: `verdict ${p.verdict}` }, p.verdict)),
    h('td', { 'data-label': 'Declared' }, p.declared ? 'yes' : 'no'),
    h('td', { class: 'num', 'data-label': 'Aligned verbal / material' }, `${n(p.aligned.verbal)} / ${n(p.aligned.material)}`),
    h('td', { class: 'num', 'data-label': 'Misaligned verbal / material' }, `${n(p.misaligned.verbal)} / ${n(p.misaligned.material)}`),
    h('td', { class: 'num', 'data-label': 'Score' }, n(p.score)),
    h('td', { class: 'reason', 'data-label': 'Reason' }, p.reason));
  return [row, detail];
}

function testTable(t: PartnershipTest, from: Evidenced): HTMLElement {
  const w = t.window;
  return h('section', { class: 'panel test' },
    h('h3', {}, `${w.name ?? `${w.source} window`}: ${stateName(t.focal)} against ${stateName(t.adversary)}, ${w.from} to ${w.to}`),
    h('p', { class: 'meta' }, `${counted(w.events, 'material-conflict event')} in the window${t.confirmedOnly ? '; confirmed claims only' : ''}.`),
    t.partners.length
      ? h('div', { class: 'table-scroll' }, h('table', { class: 'table partners stack' },
        h('caption', {}, 'Partners (choose one to see its evidence)'),
        h('thead', {}, h('tr', {}, ['Partner', 'Verdict', 'Declared', 'Aligned verbal / material', 'Misaligned verbal / material', 'Score', 'Reason'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, t.partners.flatMap((p) => partnerRows(p, from)))))
      : h('p', {}, 'No partner acted in this window.'));
}

export function render(main: HTMLElement): void {
  const params = hashParams();
  const focal = statePicker('pt-focal', params.get('focal') ?? 'AZE');
  const adversary = statePicker('pt-adv', params.get('adversary') ?? '');
  const from = h('input', { type: 'date', value: params.get('from') ?? '' });
  const to = h('input', { type: 'date', value: params.get('to') ?? '' });
  const confirmed = h('input', { type: 'checkbox', checked: params.get('confirmed') === '1' });
  const say = status();
  const windowsBox = h('section', { class: 'panel' });
  const testsBox = h('div', {});
  const compareBox = h('div', { hidden: true });
  const tabTest = h('button', { type: 'button', role: 'tab', id: 'tab-test', 'aria-selected': 'true', 'aria-controls': 'panel-test' }, 'Partner table');
  const tabCompare = h('button', { type: 'button', role: 'tab', id: 'tab-compare', 'aria-selected': 'false', 'aria-controls': 'panel-compare', tabindex: '-1' }, 'Compare candidates');
  let partners: string[] = [];
  const select = (which: 'test' | 'compare'): void => {
    tabTest.setAttribute('aria-selected', String(which === 'test'));
    tabCompare.setAttribute('aria-selected', String(which === 'compare'));
    tabTest.tabIndex = which === 'test' ? 0 : -1;
    tabCompare.tabIndex = which === 'compare' ? 0 : -1;
    testsBox.hidden = which !== 'test';
    compareBox.hidden = which !== 'compare';
    if (which === 'compare') compareTab(compareBox, stateValue(focal), partners);
  };
  tabTest.addEventListener('click', () => select('test'));
  tabCompare.addEventListener('click', () => select('compare'));
  for (const tab of [tabTest, tabCompare]) tab.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next = tab === tabTest ? tabCompare : tabTest;
    next.focus();
    next.click();
  });

  const run = async (): Promise<void> => {
    const f = stateValue(focal);
    const adv = stateValue(adversary);
    say.textContent = 'Testing…';
    try {
      const [crises, tests] = await Promise.all([
        apiGet<{ result: CrisisWindow[] }>(`/api/crises/${encodeURIComponent(f)}`),
        apiGet<WithEvents<PartnershipTest[]>>(`/api/test/${encodeURIComponent(f)}${q({ from: from.value || undefined, to: to.value || undefined, adversary: adv || undefined, confirmedOnly: confirmed.checked })}`),
      ]);
      setHashParams('partnership', { focal: f, adversary: adv, from: from.value, to: to.value, confirmed: confirmed.checked ? '1' : undefined });
      const key = (w: CrisisWindow): string => `${w.from}|${w.to}|${w.adversary}`;
      const tested = new Set(tests.result.map((t) => key(t.window)));
      const windows = [...crises.result, ...tests.result.map((t) => t.window).filter((w) => !crises.result.some((c) => key(c) === key(w)))]
        .sort((a, b) => a.from.localeCompare(b.from));
      clear(windowsBox, h('h2', {}, 'Crisis windows'), h('p', { class: 'legend' },
        h('span', { class: 'key-box detected' }, 'detected'), h('span', { class: 'key-box known' }, 'known conflict'), h('span', { class: 'key-box given' }, 'given'),
        h('span', {}, 'Choose a window to test it.')),
      windowsTimeline(windows, tested, (w) => {
        from.value = w.from;
        to.value = w.to;
        adversary.value = w.adversary;
        void run();
      }));
      const withPartners = tests.result.filter((t) => t.partners.length);
      partners = [...new Set(tests.result.flatMap((t) => t.partners.map((p) => p.partner)))];
      clear(testsBox, withPartners.length ? withPartners.map((t) => testTable(t, tests)) : h('p', { class: 'panel' }, 'No partner acted toward either side in these windows.'));
      say.textContent = `${counted(tests.result.length, 'window')} tested, ${counted(partners.length, 'partner')}.`;
      if (!compareBox.hidden) compareTab(compareBox, f, partners);
    } catch (err) {
      say.textContent = '';
      showError(testsBox, err);
    }
  };

  clear(main,
    h('h1', {}, 'Partnership test'),
    h('form', { class: 'panel form-row', onsubmit: (e: Event) => (e.preventDefault(), void run()) },
      field('Focal state', focal), field('Adversary (optional)', adversary),
      field('Window from', from), field('Window to', to),
      h('div', { class: 'field check' }, confirmed, h('label', { for: (confirmed.id = 'pt-confirmed') }, 'Confirmed claims only')),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Run test'))),
    say, windowsBox,
    h('div', { role: 'tablist', class: 'tabs', 'aria-label': 'Partnership results' }, tabTest, tabCompare),
    h('div', { role: 'tabpanel', id: 'panel-test', 'aria-labelledby': 'tab-test' }, testsBox),
    h('div', { role: 'tabpanel', id: 'panel-compare', 'aria-labelledby': 'tab-compare' }, compareBox));
  void run();
}
