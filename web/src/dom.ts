/** A tiny DOM builder: h('button', { class: 'x', onclick }, 'text', child). */
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;
type Child = Node | string | number | null | undefined | false | readonly Child[];

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v as EventListener);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

let ids = 0;
/** A unique id for label/control pairs. */
export const uid = (prefix: string): string => `${prefix}-${++ids}`;

/** A labelled control: <label for=id>text</label> + the control. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uid('f');
  control.id = id;
  const hintEl = hint ? h('small', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

/** A status line that screen readers announce. */
export function status(): HTMLElement {
  return h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
}

/** Show an error as a readable message in `where` (never a blank page). */
export function showError(where: Element, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  clear(where, h('div', { class: 'error', role: 'alert' }, h('strong', {}, 'Something went wrong. '), message));
}

/** Read and write the view's parameters in the URL hash: #/view?a=SRB&b=AZE. */
export function hashParams(): URLSearchParams {
  const q = location.hash.indexOf('?');
  return new URLSearchParams(q >= 0 ? location.hash.slice(q + 1) : '');
}

export function setHashParams(view: string, params: Record<string, string | undefined>): void {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  const next = `#/${view}${[...p].length ? `?${p}` : ''}`;
  if (location.hash !== next) history.replaceState(null, '', next);
}

export const fmtNumber = (n: number, digits = 0): string => n.toLocaleString('en', { maximumFractionDigits: digits });

/** "1 event", "1,204 events": a formatted count with its noun, plural unless the count is one. */
export const counted = (n: number, singular: string, plural = `${singular}s`): string => `${fmtNumber(n)} ${n === 1 ? singular : plural}`;
