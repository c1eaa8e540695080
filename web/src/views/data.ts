import { apiGet, getToken, setToken, upload } from '../api.js';
import { clear, counted, field, fmtNumber, h, showError, status } from '../dom.js';
import type { StoreStats } from '../types.js';

async function showStats(box: HTMLElement): Promise<void> {
  try {
    const s = await apiGet<StoreStats>('/api/stats');
    const rows: [string, string][] = [
      ['Stories', `${fmtNumber(s.stories)} (${counted(s.sentences, 'sentence')})`],
      ['Events', `${fmtNumber(s.events.coded)} coded, ${fmtNumber(s.events.imported)} imported`],
      ['Clusters', s.waiting ? `${fmtNumber(s.clusters)}; ${fmtNumber(s.waiting)} ${s.waiting === 1 ? 'event waits' : 'events wait'} for clustering (entente cluster)` : fmtNumber(s.clusters)],
      ['Imports', fmtNumber(s.imports)],
      ['Dates', `${s.first_date ?? '—'} to ${s.last_date ?? '—'}`],
      ['Size', s.bytes < 1e6 ? `${Math.round(s.bytes / 1024)} KB` : `${(s.bytes / 1e6).toFixed(1)} MB`],
    ];
    const types = Object.entries(s.by_type);
    clear(box,
      h('h2', {}, 'What the store holds'),
      h('dl', { class: 'facts stats' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      types.length ? h('table', { class: 'table' }, h('caption', {}, 'Events by type'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Events'))),
        h('tbody', {}, types.map(([t, n]) => h('tr', {}, h('td', {}, t), h('td', { class: 'num' }, fmtNumber(n)))))) : null);
  } catch (err) {
    showError(box, err);
  }
}

/** A progress bar and result line per file, filled as the upload goes and the server answers. */
function progressRow(list: HTMLElement, name: string): { bar: HTMLProgressElement; line: HTMLElement } {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': `Upload of ${name}` });
  const line = h('span', { class: 'progress-text' }, 'uploading…');
  list.append(h('li', {}, h('strong', {}, name), ' ', bar, ' ', line));
  return { bar, line };
}

type Body = { blob: Blob | string; type: string; path: string };

/** How a file goes to the server: a story (text, HTML), JSONL stories, or a dataset import. */
async function bodyOf(f: File, mode: 'stories' | 'import', format: string, date: string): Promise<Body> {
  // A dataset goes as it is: plain, gzipped or zipped, the server opens it.
  if (mode === 'import') return { blob: f, type: 'application/octet-stream', path: `/api/import?format=${format}&file=${encodeURIComponent(f.name)}` };
  const text = await f.text();
  const id = f.name.replace(/\.[^.]+$/, '');
  const json = /\.(jsonl|ndjson)$/i.test(f.name)
    ? { jsonl: text, file: f.name, ...(date ? { date } : {}) }
    : { id, text, format: /\.html?$/i.test(f.name) ? 'html' : 'text', ...(date ? { date } : {}) };
  return { blob: JSON.stringify(json), type: 'application/json', path: '/api/stories' };
}

function summary(mode: 'stories' | 'import', r: Record<string, unknown>): string {
  if (mode === 'import') {
    const files = (r.files as string[] | undefined) ?? [];
    return `${fmtNumber(Number(r.imported))} imported, ${fmtNumber(Number(r.skipped))} skipped (malformed), ${counted(Number(r.duplicates), 'duplicate')}, ${fmtNumber(Number(r.passed))} not coded in PLOVER${files.length > 1 ? `, from the ${files.length} files it holds` : ''}`;
  }
  const o = r.outcomes as Record<string, number>;
  return `${o.new} new, ${o.updated} updated, ${o.unchanged} unchanged stories; ${r.events} ${r.events === 1 ? 'event' : 'events'}`;
}

export function render(main: HTMLElement): void {
  const stats = h('section', { class: 'panel' }, h('p', {}, 'Loading…'));
  const files = h('input', { type: 'file', multiple: true, accept: '.txt,.html,.htm,.jsonl,.ndjson,.csv,.CSV,.tab,.tsv,.gz,.zip' });
  const mode = h('select', {}, h('option', { value: 'stories' }, 'Stories to code and store (.txt, .html, .jsonl)'), h('option', { value: 'import' }, 'An event dataset to import'));
  const format = h('select', {}, ['gdelt', 'icews', 'polecat', 'plover'].map((f) => h('option', { value: f }, f.toUpperCase())));
  const date = h('input', { type: 'date' });
  const list = h('ul', { class: 'uploads' });
  const say = status();
  const token = h('input', { type: 'password', autocomplete: 'off', value: getToken() });
  const tokenSay = status();
  const formatField = field('Dataset format', format);
  const sync = (): void => {
    formatField.hidden = mode.value !== 'import';
  };
  mode.addEventListener('change', sync);

  const send = async (): Promise<void> => {
    const chosen = [...(files.files ?? [])];
    if (!chosen.length) {
      say.textContent = 'Choose one or more files first.';
      return;
    }
    const m = mode.value as 'stories' | 'import';
    let ok = 0;
    for (const f of chosen) {
      const row = progressRow(list, f.name);
      try {
        const b = await bodyOf(f, m, format.value, date.value);
        const r = await upload<Record<string, unknown>>(b.path, b.blob, b.type, (share) => {
          row.bar.value = share;
          row.line.textContent = share < 1 ? `uploading ${Math.round(share * 100)}%` : 'coding and storing…';
        });
        row.bar.value = 1;
        row.line.textContent = summary(m, r);
        ok++;
      } catch (err) {
        row.line.textContent = err instanceof Error ? err.message : String(err);
        row.line.classList.add('error-text');
      }
    }
    say.textContent = `${ok} of ${counted(chosen.length, 'file')} stored.`;
    await showStats(stats);
  };

  clear(main,
    h('h1', {}, 'Data'),
    h('div', { class: 'data-grid' },
      h('form', { class: 'panel', onsubmit: (e: Event) => (e.preventDefault(), void send()) },
        h('h2', {}, 'Add files'),
        field('What the files are', mode), formatField,
        field('Files', files, 'Each file goes in one transaction: an error stores nothing of it'),
        field('Publication date for files without one', date),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Upload')),
        say, list),
      stats,
      h('form', { class: 'panel', onsubmit: (e: Event) => {
        e.preventDefault();
        setToken(token.value.trim());
        tokenSay.textContent = token.value.trim() ? 'Token saved in this browser.' : 'Token cleared.';
      } },
      h('h2', {}, 'Access token'),
      h('p', {}, 'A server started with ENTENTE_TOKEN needs it for every change (coding, uploads).'),
      field('Token', token),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save token')), tokenSay)));
  sync();
  void showStats(stats);
}

