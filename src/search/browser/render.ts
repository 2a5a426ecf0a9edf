import type { Answer, Result } from '../engine.ts';
import { highlight } from '../highlight.ts';
import type { SearchState } from '../state.ts';
import { writeState } from '../state.ts';
import type { ItemType, Lang } from '../../model/types.ts';
import { PAGE_SIZE } from '../store.ts';

/**
 * Drawing results with DOM APIs only: every piece of content goes in through textContent, so
 * nothing a council wrote can become markup.
 */

const TYPE_NAMES: Record<ItemType, string> = { minutes: 'Minutes', reference: 'Reference', resolution: 'Resolution' };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Append text to a node with the matched words wrapped in <mark>. */
function appendHighlighted(parent: HTMLElement, text: string, lang: Lang, terms: ReadonlySet<string>): void {
  for (const segment of highlight(text, lang, terms)) {
    parent.append(segment.mark ? element('mark', undefined, segment.text) : document.createTextNode(segment.text));
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Formatted by hand: the first call into Intl (toLocaleString) loads locale data, which took
// 60–90 ms of a first search in Chromium.

/** "27 October 2026" from an ISO date, whatever the browser's own locale. */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? ''} ${year}`;
}

/** "25,699". */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function resultItem(result: Result): HTMLLIElement {
  const item = element('li', 'search-result');
  const heading = element('h3', 'search-result__title');
  const link = element('a');
  link.href = result.url;
  if (result.lang === 'cy') link.lang = 'cy';
  appendHighlighted(link, result.title, result.lang, result.terms);
  heading.append(link);

  const facts = [
    result.committee?.name,
    longDate(result.date),
    TYPE_NAMES[result.type],
    result.minute ? `Minute ${result.minute}` : `Item ${result.item}`,
    result.keyDecision ? 'Key decision' : undefined,
  ].filter((fact): fact is string => fact !== undefined);
  const meta = element('p', 'search-result__meta', facts.join(' · '));

  const snippet = element('p', 'search-result__snippet');
  if (result.lang === 'cy') snippet.lang = 'cy';
  appendHighlighted(snippet, result.snippet, result.lang, result.terms);

  const pdf = element('a', 'search-result__pdf', 'PDF');
  pdf.href = result.pdf;
  pdf.append(element('span', 'visually-hidden', ` of ${result.title}`));
  item.append(heading, meta, snippet, element('p', undefined));
  item.lastElementChild!.append(pdf);
  return item;
}

function plural(n: number, one: string, many: string): string {
  return `${thousands(n)} ${n === 1 ? one : many}`;
}

/** The sentence the live region announces. */
export function statusText(state: SearchState, answer: Answer): string {
  if (answer.total === 0) return `No results for “${state.q}”.`;
  const count = plural(answer.total, 'result', 'results');
  const page = answer.pages > 1 ? `, page ${thousands(answer.page)} of ${thousands(answer.pages)}` : '';
  return `${count} for “${state.q}”${page}.`;
}

export interface Regions {
  status: HTMLElement;
  list: HTMLOListElement;
  empty: HTMLElement;
  pages: HTMLElement;
}

/** Show an answer: the count in the live region, the list, the pager, or the no-results advice. */
export function renderAnswer(regions: Regions, state: SearchState, answer: Answer): void {
  regions.status.textContent = statusText(state, answer);
  regions.list.replaceChildren(...answer.results.map(resultItem));
  regions.list.start = (answer.page - 1) * PAGE_SIZE + 1;
  regions.empty.hidden = answer.total > 0;
  regions.pages.replaceChildren();
  if (answer.pages > 1) {
    const link = (page: number, text: string, rel: string) => {
      const a = element('a', 'search-pages__link', text);
      a.href = `?${writeState({ ...state, page })}`;
      a.rel = rel;
      a.dataset.page = String(page);
      return a;
    };
    if (answer.page > 1) regions.pages.append(link(answer.page - 1, 'Previous results', 'prev'));
    if (answer.page < answer.pages) regions.pages.append(link(answer.page + 1, 'Next results', 'next'));
  }
}

/** Clear the results (an empty query). */
export function renderEmpty(regions: Regions, message: string): void {
  regions.status.textContent = message;
  regions.list.replaceChildren();
  regions.empty.hidden = true;
  regions.pages.replaceChildren();
}
