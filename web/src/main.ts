import './style.css';
import { h, showError } from './dom.js';

type View = { render(main: HTMLElement): void | Promise<void> };

/** Each view is its own chunk; the Network view brings cytoscape, the charts bring uPlot, only when shown. */
const VIEWS: Record<string, { title: string; load: () => Promise<View> }> = {
  read: { title: 'Read', load: () => import('./views/read.js') },
  relationship: { title: 'Relationship', load: () => import('./views/relationship.js') },
  partnership: { title: 'Partnership test', load: () => import('./views/partnership.js') },
  network: { title: 'Network', load: () => import('./views/network.js') },
  events: { title: 'Events', load: () => import('./views/events.js') },
  search: { title: 'Search', load: () => import('./views/search.js') },
  data: { title: 'Data', load: () => import('./views/data.js') },
};

const main = document.getElementById('main') as HTMLElement;
const banner = document.getElementById('banner') as HTMLElement;
let current = '';

function currentView(): string {
  const m = /^#\/(\w+)/.exec(location.hash);
  return m && VIEWS[m[1]!] ? m[1]! : 'read';
}

async function route(): Promise<void> {
  const name = currentView();
  if (name === current && main.childElementCount) return;
  current = name;
  document.title = `${VIEWS[name]!.title} · Entente`;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#nav a')) {
    if (a.getAttribute('href') === `#/${name}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  main.replaceChildren(h('p', { class: 'status' }, 'Loading…'));
  try {
    const view = await VIEWS[name]!.load();
    if (current !== name) return;
    await view.render(main);
  } catch (err) {
    showError(main, err);
  }
}

/** Anything that escapes a view is shown, never a blank page. */
function report(err: unknown): void {
  banner.hidden = false;
  banner.replaceChildren(h('span', {}, `Unexpected error: ${err instanceof Error ? err.message : String(err)}`), h('button', { type: 'button', class: 'link', onclick: () => (banner.hidden = true) }, 'Dismiss'));
}
window.addEventListener('error', (e) => report(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => report(e.reason));
window.addEventListener('hashchange', () => {
  if (currentView() !== current) {
    void route();
    main.focus();
  }
});
void route();
