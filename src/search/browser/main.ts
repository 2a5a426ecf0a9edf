import { SearchEngine, type Loader } from '../engine.ts';
import { readState, writeState, type SearchState } from '../state.ts';
import { renderAnswer, renderEmpty, type Regions } from './render.ts';
import { textFor } from './text.ts';

/**
 * The search page's script. The form is a real GET form; this script runs the search in the page
 * instead, keeping the query and filters in the URL (pushState), so Back and shared links work.
 */

const fetchLoader: Loader = {
  async bytes(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  },
  async json(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  },
};

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`The search page has no #${id}`);
  return node as T;
}

function start(): void {
  const root = byId('search');
  const form = byId<HTMLFormElement>('search-form');
  const regions: Regions = {
    status: byId('search-status'),
    list: byId<HTMLOListElement>('search-list'),
    empty: byId('search-empty'),
    pages: byId('search-pages'),
  };
  const engine = new SearchEngine(root.dataset.index ?? '', fetchLoader);
  const text = textFor(document.documentElement.lang);
  byId('search-needs-js').hidden = true;
  root.hidden = false;

  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  const fill = (state: SearchState) => {
    const params = writeState(state);
    for (const name of ['q', 'committee', 'type', 'from', 'to', 'sort']) {
      const input = field(name);
      if (input) input.value = params.get(name) ?? (name === 'sort' ? 'relevance' : '');
    }
    const key = field('key') as HTMLInputElement | null;
    if (key) key.checked = state.keyOnly;
  };

  let latest = 0;
  const run = async (state: SearchState) => {
    const ticket = ++latest;
    if (state.q === '') {
      renderEmpty(regions, '');
      return;
    }
    regions.status.textContent = text.searching;
    try {
      const answer = await engine.search(state);
      if (ticket === latest) renderAnswer(regions, state, answer, text);
    } catch (error) {
      if (ticket === latest) renderEmpty(regions, text.unavailable((error as Error).message));
    }
  };

  const go = (state: SearchState) => {
    const url = `${location.pathname}?${writeState(state)}`;
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    void run(state);
  };

  // The manifest is tiny: fetching it when the box is focused saves a round trip after Enter.
  field('q')?.addEventListener('focus', () => engine.prepare(), { once: true });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.append(name, value);
    go({ ...readState(params), page: 1 });
  });

  regions.pages.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest('a');
    if (link === null || link.dataset.page === undefined) return;
    event.preventDefault();
    go({ ...readState(new URLSearchParams(location.search)), page: Number(link.dataset.page) });
    regions.status.focus();
  });

  window.addEventListener('popstate', () => {
    const state = readState(new URLSearchParams(location.search));
    fill(state);
    void run(state);
  });

  const initial = readState(new URLSearchParams(location.search));
  fill(initial);
  void run(initial);
}

start();
