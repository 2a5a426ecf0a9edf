import type { ItemType, Lang } from '../../model/types.ts';

/**
 * The words the search script writes into the page, in each language of the site. The page's
 * own labels come from the site's locale files; these are the ones only the script knows.
 * Welsh wording to be reviewed by a translator is listed in docs/welsh.md.
 */
export interface SearchText {
  types: Record<ItemType, string>;
  months: string[];
  minute: (n: string) => string;
  item: (n: string) => string;
  keyDecision: string;
  pdfOf: (title: string) => string;
  noResults: (q: string) => string;
  results: (count: string, n: number, q: string) => string;
  page: (page: string, pages: string) => string;
  previous: string;
  next: string;
  searching: string;
  unavailable: (why: string) => string;
}

export const TEXT: Record<Lang, SearchText> = {
  en: {
    types: { minutes: 'Minutes', reference: 'Reference', resolution: 'Resolution' },
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    minute: (n) => `Minute ${n}`,
    item: (n) => `Item ${n}`,
    keyDecision: 'Key decision',
    pdfOf: (title) => ` of ${title}`,
    noResults: (q) => `No results for “${q}”.`,
    results: (count, n, q) => `${count} ${n === 1 ? 'result' : 'results'} for “${q}”`,
    page: (page, pages) => `, page ${page} of ${pages}`,
    previous: 'Previous results',
    next: 'Next results',
    searching: 'Searching…',
    unavailable: (why) => `Search is unavailable just now (${why}).`,
  },
  cy: {
    types: { minutes: 'Cofnodion', reference: 'Cyfeiriad', resolution: 'Penderfyniad' },
    months: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
    minute: (n) => `Cofnod ${n}`,
    item: (n) => `Eitem ${n}`,
    keyDecision: 'Penderfyniad allweddol',
    pdfOf: (title) => ` o ${title}`,
    noResults: (q) => `Dim canlyniadau ar gyfer “${q}”.`,
    results: (count, n, q) => `${count} ${n === 1 ? 'canlyniad' : 'o ganlyniadau'} ar gyfer “${q}”`,
    page: (page, pages) => `, tudalen ${page} o ${pages}`,
    previous: 'Canlyniadau blaenorol',
    next: 'Canlyniadau nesaf',
    searching: 'Wrthi’n chwilio…',
    unavailable: (why) => `Nid yw’r chwilio ar gael ar hyn o bryd (${why}).`,
  },
};

/** The text of the page's language (from <html lang>), English when unknown. */
export function textFor(lang: string | undefined): SearchText {
  return lang === 'cy' ? TEXT.cy : TEXT.en;
}
