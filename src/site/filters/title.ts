import type { Lang } from '../../model/types.ts';
import { translate } from '../locales/index.ts';
import { excerpt } from './excerpt.ts';

/** Longest <title> we write: html-validate's long-title limit, and about what search results show. */
export const MAX_TITLE = 70;

const ENTITY_LENGTH: Record<string, number> = { '&': 5, '<': 4, '>': 4, '"': 6, "'": 5 };

/** Length of the text as written in the HTML source, after Nunjucks escapes it (which html-validate counts). */
function writtenLength(text: string): number {
  let n = 0;
  for (const ch of text) n += ENTITY_LENGTH[ch] ?? ch.length;
  return n;
}

/** "<page> – <council>"; only the page's title (shortened if need be) when that would be too long. */
export function pageTitle(title: string, council: string, lang: Lang): string {
  const full = translate(lang, 'site.pageTitle', { title, council });
  if (writtenLength(full) <= MAX_TITLE) return full;
  for (let max = MAX_TITLE; max > 10; max--) {
    const short = excerpt(title, max);
    if (writtenLength(short) <= MAX_TITLE) return short;
  }
  return excerpt(title, 10);
}
