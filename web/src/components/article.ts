import { h } from '../dom.js';
import type { SentenceSpan, Span } from '../types.js';

/**
 * The story text with its sentences as targets (id s-N) and actor and event spans marked. Spans may overlap:
 * the text is cut at every span boundary and each piece takes the classes of the spans that cover it.
 */
export function renderArticle(text: string, sentences: readonly SentenceSpan[], spans: readonly Span[], idPrefix = 's'): HTMLElement {
  const root = h('div', { class: 'article', tabindex: '0', 'aria-label': 'Article text with actors and events highlighted' });
  let at = 0;
  for (const s of sentences) {
    if (s.start > at) root.append(text.slice(at, s.start));
    const el = h('span', { class: 'sentence', id: `${idPrefix}-${s.sequence}` });
    const inside = spans.filter((x) => x.start < s.end && x.end > s.start);
    const cuts = [...new Set([s.start, s.end, ...inside.flatMap((x) => [Math.max(x.start, s.start), Math.min(x.end, s.end)])])].sort((a, b) => a - b);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [from, to] = [cuts[i]!, cuts[i + 1]!];
      const piece = text.slice(from, to);
      const cover = inside.filter((x) => x.start <= from && x.end >= to);
      if (cover.length === 0) {
        el.append(piece);
        continue;
      }
      const ev = cover.find((x) => x.kind === 'event');
      const actor = cover.find((x) => x.kind === 'actor');
      const cls = [actor ? 'actor' : '', ev ? `event` : ''].filter(Boolean).join(' ');
      const title = [actor ? `actor ${actor.label}` : '', ev ? `event ${ev.label}` : ''].filter(Boolean).join(', ');
      el.append(h('mark', { class: cls, title, ...(ev?.record ? { 'data-record': ev.record } : {}) }, piece));
    }
    root.append(el);
    at = s.end;
  }
  if (at < text.length) root.append(text.slice(at));
  return root;
}

/** Scroll a sentence into view and flash it, moving focus there for keyboard users. */
export function showSentence(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'center' });
  el.classList.remove('flash');
  void el.offsetWidth;
  el.classList.add('flash');
  el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
}
