import type { Answer, Result } from '../engine.ts';
import { highlight } from '../highlight.ts';
import type { SearchState } from '../state.ts';
import { writeState } from '../state.ts';
import type { Lang } from '../../model/types.ts';
import { TEXT, type SearchText } from './text.ts';
import { PAGE_SIZE } from '../store.ts';

/**
 * Drawing results with DOM APIs only: every piece of content goes in through textContent, so
 * nothing a council wrote can become markup.
 */


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


// Formatted by hand: the first call into Intl (toLocaleString) loads locale data, which took
// 60–90 ms of a first search in Chromium.

/** "27 October 2026" (or "27 Hydref 2026") from an ISO date, whatever the browser's own locale. */
export function longDate(iso: string, text: SearchText = TEXT.en): string {
  const [year, month, day] = iso.split('-');
  return `${Number(day)} ${text.months[Number(month) - 1] ?? ''} ${year}`;
}

/** "25,699". */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function resultItem(result: Result, text: SearchText): HTMLLIElement {
  const item = element('li', 'search-result');
  const heading = element('h3', 'search-result__title');
  const link = element('a');
  link.href = result.url;
  if (result.lang === 'cy') link.lang = 'cy';
  appendHighlighted(link, result.title, result.lang, result.terms);
  heading.append(link);

  const facts = [
    result.committee?.name,
    longDate(result.date, text),
    text.types[result.type],
    result.minute ? text.minute(result.minute) : text.item(result.item),
    result.keyDecision ? text.keyDecision : undefined,
  ].filter((fact): fact is string => fact !== undefined);
  const meta = element('p', 'search-result__meta', facts.join(' · '));

  const snippet = element('p', 'search-result__snippet');
  if (result.lang === 'cy') snippet.lang = 'cy';
  appendHighlighted(snippet, result.snippet, result.lang, result.terms);

  const pdf = element('a', 'search-result__pdf', 'PDF');
  pdf.href = result.pdf;
  pdf.hreflang = result.pdfLang;
  pdf.append(element('span', 'visually-hidden', text.pdfOf(result.title)));
  item.append(heading, meta, snippet, element('p', undefined));
  item.lastElementChild!.append(pdf);
  return item;
}

/** The sentence the live region announces. */
export function statusText(state: SearchState, answer: Answer, text: SearchText = TEXT.en): string {
  if (answer.total === 0) return text.noResults(state.q);
  const page = answer.pages > 1 ? text.page(thousands(answer.page), thousands(answer.pages)) : '';
  return `${text.results(thousands(answer.total), answer.total, state.q)}${page}.`;
}

export interface Regions {
  status: HTMLElement;
  list: HTMLOListElement;
  empty: HTMLElement;
  pages: HTMLElement;
}

/** Show an answer: the count in the live region, the list, the pager, or the no-results advice. */
export function renderAnswer(regions: Regions, state: SearchState, answer: Answer, text: SearchText = TEXT.en): void {
  regions.status.textContent = statusText(state, answer, text);
  regions.list.replaceChildren(...answer.results.map((result) => resultItem(result, text)));
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
    if (answer.page > 1) regions.pages.append(link(answer.page - 1, text.previous, 'prev'));
    if (answer.page < answer.pages) regions.pages.append(link(answer.page + 1, text.next, 'next'));
  }
}

/** Clear the results (an empty query). */
export function renderEmpty(regions: Regions, message: string): void {
  regions.status.textContent = message;
  regions.list.replaceChildren();
  regions.empty.hidden = true;
  regions.pages.replaceChildren();
}
