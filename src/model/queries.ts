import type { AgendaItem, Committee, Council, ExemptItem, ItemTranslation, Lang, Meeting, OpenItem, Site } from './types.ts';

/** Lookup tables over a council, built once per council object. */
export interface CouncilIndex {
  committee(slug: string): Committee;
  meeting(slug: string): Meeting;
  item(id: string): AgendaItem;
  /** Items of a meeting in agenda order. */
  itemsOf(meeting: Meeting): AgendaItem[];
  /** Meetings of a committee, oldest first. */
  meetingsOf(committee: Committee): Meeting[];
}

const cache = new WeakMap<Council, CouncilIndex>();

function lookup<T>(map: Map<string, T>, kind: string) {
  return (key: string): T => {
    const found = map.get(key);
    if (found === undefined) throw new Error(`No ${kind} "${key}" in the council model`);
    return found;
  };
}

/** The council's lookup tables (cached: the model is never mutated after loading). */
export function indexOf(council: Council): CouncilIndex {
  const hit = cache.get(council);
  if (hit) return hit;
  const committee = lookup(new Map(council.committees.map((c) => [c.slug, c])), 'committee');
  const meeting = lookup(new Map(council.meetings.map((m) => [m.slug, m])), 'meeting');
  const item = lookup(new Map(council.items.map((i) => [i.id, i])), 'item');
  const index: CouncilIndex = {
    committee,
    meeting,
    item,
    itemsOf: (m) => m.items.map(item),
    meetingsOf: (c) => c.meetings.map(meeting),
  };
  cache.set(council, index);
  return index;
}

/** Whether an item records a decision: a one-line decision or at least one resolution. */
export function isDecided(item: AgendaItem): item is OpenItem {
  return !item.exempt && (item.decision !== undefined || item.resolved.length > 0);
}

/** Compare agenda item numbers: 2 < 5 < 5a < 5b < 10. */
export function compareItemNumbers(a: string, b: string): number {
  const na = parseInt(a, 10);
  const nb = parseInt(b, 10);
  if (na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The languages a council publishes in: English, and Welsh when the council has a Welsh name. */
export function siteLanguages(site: Site): Lang[] {
  return site.nameCy !== undefined ? ['en', 'cy'] : ['en'];
}

/** An item's words in one language, and whether they are a fallback in another language. */
export type ItemText = Omit<ItemTranslation, 'sourcePath'> & {
  /** True when the item has no version in the language asked for, so this is its original text. */
  fallback: boolean;
};

/** The item as written in `lang`, or its original text marked as a fallback. */
export function textOf(item: OpenItem, lang: Lang): ItemText {
  const translation = item.lang === lang ? undefined : item.translations?.[lang];
  if (translation) {
    const { sourcePath: _, ...words } = translation;
    return { ...words, fallback: false };
  }
  return {
    lang: item.lang,
    title: item.title,
    ...(item.reportOf !== undefined && { reportOf: item.reportOf }),
    ...(item.decision !== undefined && { decision: item.decision }),
    resolved: item.resolved,
    recommended: item.recommended,
    ...(item.reasons !== undefined && { reasons: item.reasons }),
    body: item.body,
    fallback: item.lang !== lang,
  };
}

/** An exempt item's title and reason in `lang`, or the original marked as a fallback. */
export function exemptTextOf(item: ExemptItem, lang: Lang): { lang: Lang; title: string; exemptReason: string; fallback: boolean } {
  const original = item.lang ?? 'en';
  const translation = original === lang ? undefined : item.translations?.[lang];
  if (translation) return { lang, title: translation.title, exemptReason: translation.exemptReason ?? item.exemptReason, fallback: false };
  return { lang: original, title: item.title, exemptReason: item.exemptReason, fallback: original !== lang };
}

/** The language an item's words are in on the `lang` pages: `lang`, or its original's where it has no version in `lang`. */
export function wordsLanguage(item: AgendaItem, lang: Lang): Lang {
  return item.exempt ? exemptTextOf(item, lang).lang : textOf(item, lang).lang;
}

/**
 * The language of the item PDF the `lang` pages link to. An item's PDF is printed once for each of
 * the site's languages it has words in, and not again in a language it has no words in (that copy
 * would differ only in its labels): a Welsh page of an English-only item links to the English PDF.
 * An item written in none of the site's languages is printed in `lang`, under a notice.
 */
export function pdfLanguage(item: AgendaItem, site: Site, lang: Lang): Lang {
  const words = wordsLanguage(item, lang);
  return siteLanguages(site).includes(words) ? words : lang;
}

/**
 * The language of the meeting pack the `lang` pages link to: `lang` when any of the meeting's items
 * has words in it, else the first of the site's languages one has words in (else `lang`).
 */
export function packLanguage(items: readonly AgendaItem[], site: Site, lang: Lang): Lang {
  const hasWordsIn = (l: Lang) => items.some((i) => wordsLanguage(i, l) === l);
  if (hasWordsIn(lang)) return lang;
  return siteLanguages(site).find(hasWordsIn) ?? lang;
}

/**
 * Items, meeting notes and committee terms of reference with no version in one of the council's
 * languages, for `minutebook check`'s summary. Notes and terms of reference are written in English,
 * and only those that are there count.
 */
export function missingTranslations(council: Council): { lang: Lang; items: AgendaItem[]; meetings: Meeting[]; committees: Committee[] }[] {
  return siteLanguages(council.site)
    .map((lang) => ({
      lang,
      items: council.items.filter((item) => (item.lang ?? 'en') !== lang && !item.translations?.[lang]),
      meetings: lang === 'en' ? [] : council.meetings.filter((m) => m.notes.trim() !== '' && !m.translations?.[lang]),
      committees: lang === 'en' ? [] : council.committees.filter((c) => c.termsOfReference.trim() !== '' && !c.translations?.[lang]),
    }))
    .filter((m) => m.items.length + m.meetings.length + m.committees.length > 0);
}
