import { apiGet, apiPost } from '../api.js';
import { renderArticle, showSentence } from '../components/article.js';
import { eventCard } from '../components/cards.js';
import { loadStates } from '../components/states.js';
import { clear, counted, field, h, hashParams, setHashParams, showError, status } from '../dom.js';
import type { AnyRecord, SentenceSpan, Span, StoredEvent, StorySummary } from '../types.js';

interface Coded {
  readonly story: { readonly text: string; readonly date: string | null; readonly title: string | null };
  readonly sentences: readonly SentenceSpan[];
  readonly records: readonly AnyRecord[];
  readonly highlights: readonly Span[];
}

interface Stored {
  readonly summary: StorySummary;
  readonly story: { readonly id: string; readonly text: string; readonly date?: string; readonly title?: string };
  readonly sentences: readonly SentenceSpan[];
  readonly events: readonly StoredEvent[];
  readonly highlights: readonly Span[];
}

/** The article with its highlights on one side, one card per event on the other. */
function showCoded(out: HTMLElement, text: string, sentences: readonly SentenceSpan[], spans: readonly Span[], records: readonly AnyRecord[], heading: string): void {
  const cards = records.map((r) => {
    const sentence = 'text_info' in r ? `s-${r.text_info.sequence}` : null;
    return eventCard(r, sentence ? { onShow: () => showSentence(sentence) } : {});
  });
  clear(out,
    h('div', { class: 'read-grid' },
      h('section', { class: 'panel', 'aria-labelledby': 'article-h' },
        h('h2', { id: 'article-h' }, heading),
        h('p', { class: 'legend' }, h('mark', { class: 'actor' }, 'actor'), ' ', h('mark', { class: 'event' }, 'event words')),
        renderArticle(text, sentences, spans)),
      h('section', { class: 'panel cards', 'aria-labelledby': 'cards-h' },
        h('h2', { id: 'cards-h' }, `${records.length} event${records.length === 1 ? '' : 's'}`),
        records.length ? cards : h('p', {}, 'No political event between states or their officials was found in this text.'))));
}

async function loadStored(out: HTMLElement, id: string, say: HTMLElement): Promise<void> {
  say.textContent = `Loading ${id}…`;
  const s = await apiGet<Stored>(`/api/stories/${encodeURIComponent(id)}`);
  showCoded(out, s.story.text, s.sentences, s.highlights, s.events.map((e) => e.record), s.story.title ?? s.story.id);
  say.textContent = `${s.story.id}: ${s.events.length} stored events, published ${s.story.date ?? 'on an unknown date'}.`;
  setHashParams('read', { story: id, sentence: hashParams().get('sentence') ?? undefined });
}

export async function render(main: HTMLElement): Promise<void> {
  const text = h('textarea', { rows: 10, placeholder: 'Paste a news article here…' });
  const date = h('input', { type: 'date' });
  const file = h('input', { type: 'file', accept: '.txt,.text,.md,.html,.htm' });
  const stored = h('select', {}, h('option', { value: '' }, '— choose a stored story —'));
  const say = status();
  const out = h('div', { class: 'result' });
  let html = false;

  const code = async (): Promise<void> => {
    if (!text.value.trim()) {
      say.textContent = 'Paste some text first, or upload a file.';
      return;
    }
    say.textContent = 'Coding…';
    try {
      const r = await apiPost<Coded>('/api/code', { text: text.value, ...(date.value ? { date: date.value } : {}), format: html ? 'html' : 'text' });
      showCoded(out, r.story.text, r.sentences, r.highlights, r.records, r.story.title ?? 'Your text');
      say.textContent = `${counted(r.records.length, 'event')} in ${counted(r.sentences.length, 'sentence')}${date.value ? '' : ' (no publication date: relative dates stay unresolved)'}.`;
    } catch (err) {
      say.textContent = '';
      showError(out, err);
    }
  };

  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (!f) return;
    void f.text().then((t) => {
      text.value = t;
      html = /\.html?$/i.test(f.name);
      return code();
    });
  });
  text.addEventListener('input', () => (html = false));
  stored.addEventListener('change', () => {
    if (stored.value) void loadStored(out, stored.value, say).catch((err) => showError(out, err));
  });

  clear(main,
    h('h1', {}, 'Read an article'),
    h('form', { class: 'panel form-grid', onsubmit: (e: Event) => (e.preventDefault(), void code()) },
      h('div', { class: 'wide' }, field('Article text', text)),
      field('Publication date', date, 'Resolves “yesterday”, “last week”…'),
      field('Or upload a file', file, '.txt or .html'),
      field('Or open a stored story', stored),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Code events'))),
    say, out);

  void loadStates().catch(() => undefined);
  try {
    const list = await apiGet<{ stories: StorySummary[] }>('/api/stories?limit=500');
    stored.append(...list.stories.map((s) => h('option', { value: s.story_id }, `${s.title ?? s.story_id} (${s.published ?? 'undated'}, ${counted(s.events, 'event')})`)));
    // A first visit opens the first stored story (the seed article on a new install): a coded article at once.
    const wanted = hashParams().get('story') ?? list.stories[0]?.story_id;
    if (wanted) {
      stored.value = wanted;
      await loadStored(out, wanted, say);
      const sentence = hashParams().get('sentence');
      if (sentence) showSentence(`s-${sentence}`);
    }
  } catch (err) {
    showError(out, err);
  }
}
