import { apiGet, q } from '../api.js';
import { clear, field, h, hashParams, setHashParams, showError, status } from '../dom.js';
import type { SearchHit } from '../types.js';

/** "the [ammunition] was" → text with <mark>s. */
function snippet(s: string): HTMLElement {
  const el = h('p', { class: 'snippet' });
  for (const [i, part] of s.split(/\[([^\]]*)\]/).entries()) el.append(i % 2 ? h('mark', {}, part) : part);
  return el;
}

export function render(main: HTMLElement): void {
  const input = h('input', { type: 'search', placeholder: 'ammunition Armenia', value: hashParams().get('q') ?? '' });
  const say = status();
  const out = h('div', { class: 'result' });
  const run = async (): Promise<void> => {
    const words = input.value.trim();
    if (!words) return;
    setHashParams('search', { q: words });
    say.textContent = 'Searching…';
    try {
      const r = await apiGet<{ hits: SearchHit[] }>(`/api/search${q({ q: words, limit: 50 })}`);
      say.textContent = `${r.hits.length} sentence${r.hits.length === 1 ? '' : 's'} found.`;
      clear(out, h('ol', { class: 'hits' }, r.hits.map((hit) => h('li', { class: 'panel' },
        snippet(hit.snippet),
        h('p', { class: 'meta' },
          h('a', { href: `#/read?story=${encodeURIComponent(hit.story_id)}&sentence=${hit.sequence}` }, hit.story_id), ` · sentence ${hit.sequence + 1}`,
          hit.events.length ? ' · ' : '',
          hit.events.map((e) => h('span', { class: `badge q${e.record.quad_code}` }, `${e.record.event} ${e.record.actor.map((a) => a.code).join('+')}→${e.record.recipient.map((a) => a.code).join('+') || '—'}`)))))));
    } catch (err) {
      say.textContent = '';
      showError(out, err);
    }
  };
  clear(main,
    h('h1', {}, 'Search sentences'),
    h('form', { class: 'panel form-row', role: 'search', onsubmit: (e: Event) => (e.preventDefault(), void run()) },
      field('Words to find', input, 'All words must occur; AND, OR, NOT and "quoted phrases" work too'),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Search'))),
    say, out);
  if (input.value) void run();
}
