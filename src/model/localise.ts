import { exemptTextOf, packLanguage, pdfLanguage, textOf } from './queries.ts';
import type { AgendaItem, Committee, Council, ExemptItem, Issue, Lang, Meeting, OpenItem, Site } from './types.ts';
import { inLanguage, languageOfUrl, urls } from './urls.ts';

/** Whether an item's words on a page are a stand-in in another language (see `textOf`). */
export interface Fallback {
  /** True when the item has no version in the page's language, so its original text is shown. */
  fallback: boolean;
  /** The language the item was written in: that of the parts a translation does not give (attachment titles). */
  writtenIn: Lang;
}

export type LocalItem = (OpenItem & Fallback) | (ExemptItem & Fallback);

/** An issue's title is its first item's, so it carries that item's language. */
export interface LocalIssue extends Issue {
  lang: Lang;
}

/**
 * The council as the pages in `lang` show it: every page, PDF, feed and calendar URL in that
 * language (`inLanguage`), and every item's words in that language where a version exists (else its
 * original, marked `fallback`, with `lang` saying which language the words are in). PDFs are the
 * ones of the words shown (`pdfLanguage`, `packLanguage`). Attachments, the API and OParl keep their one address.
 */
export function councilIn(council: Council, lang: Lang): Council {
  const at = (url: string) => inLanguage(url, lang);
  const items = council.items.map((item) => itemIn(item, lang, council.site));
  const byId = new Map(items.map((i) => [i.id, i]));
  const original = new Map(council.items.map((i) => [i.id, i]));
  const packIn = (m: Council['meetings'][number]) =>
    inLanguage(languageOfUrl(m.pack).url, packLanguage(m.items.map((id) => original.get(id)!), council.site, lang));
  return {
    site: council.site,
    committees: council.committees.map((c) => ({ ...c, url: at(c.url), ...termsIn(c, lang) })),
    meetings: council.meetings.map((m) => ({ ...m, url: at(m.url), pack: packIn(m), ...notesIn(m, lang) })),
    items,
    issues: council.issues.map((issue): LocalIssue => {
      const first = byId.get(issue.items[0]!);
      return { ...issue, url: at(issue.url), title: first?.title ?? issue.title, lang: first?.lang ?? 'en' };
    }),
  };
}

/**
 * A committee's terms of reference as the `lang` pages show them: its version in that language if
 * there is one, else the English, marked `termsLang: 'en'`.
 */
function termsIn(committee: Committee, lang: Lang): Pick<Committee, 'termsOfReference' | 'termsLang'> {
  if (lang === 'en') return { termsOfReference: committee.termsOfReference };
  const version = committee.translations?.[lang];
  return version ? { termsOfReference: version.termsOfReference } : { termsOfReference: committee.termsOfReference, termsLang: 'en' };
}

/** A meeting's notes as the `lang` pages show them: as termsIn. */
function notesIn(meeting: Meeting, lang: Lang): Pick<Meeting, 'notes' | 'notesLang'> {
  if (lang === 'en') return { notes: meeting.notes };
  const version = meeting.translations?.[lang];
  return version ? { notes: version.notes } : { notes: meeting.notes, notesLang: 'en' };
}

/** One item as the `lang` pages, PDFs and feeds show it (see councilIn); its PDF is the one of its words (`pdfLanguage`). */
export function itemIn(item: AgendaItem, lang: Lang, site: Site): LocalItem {
  const url = inLanguage(item.url, lang);
  const pdf = inLanguage(languageOfUrl(item.pdf).url, pdfLanguage(item, site, lang));
  if (item.exempt) {
    const text = exemptTextOf(item, lang);
    const writtenIn = item.lang ?? 'en';
    return { ...item, url, pdf, lang: text.lang, title: text.title, exemptReason: text.exemptReason, fallback: text.fallback, writtenIn };
  }
  const { reportOf: _r, decision: _d, reasons: _e, ...rest } = item;
  const text = textOf(item, lang);
  return {
    ...rest,
    url,
    pdf,
    lang: text.lang,
    title: text.title,
    ...(text.reportOf !== undefined && { reportOf: text.reportOf }),
    ...(text.decision !== undefined && { decision: text.decision }),
    ...(text.reasons !== undefined && { reasons: text.reasons }),
    resolved: text.resolved,
    recommended: text.recommended,
    body: text.body,
    fallback: text.fallback,
    writtenIn: item.lang,
  };
}

type UrlTree = { [key: string]: ((...args: never[]) => string) | UrlTree };

/** Addresses that are the same in every language: data files and attachments. */
const SHARED = new Set(['file', 'api', 'oparl']);

/** `urls` with every page, PDF, feed and calendar address in `lang`, for templates. */
export function urlsIn(lang: Lang): typeof urls {
  const wrap = (tree: UrlTree): UrlTree =>
    Object.fromEntries(
      Object.entries(tree).map(([key, value]) => {
        if (SHARED.has(key)) return [key, value];
        if (typeof value === 'function') return [key, (...args: never[]) => inLanguage(value(...args), lang)];
        return [key, wrap(value)];
      }),
    );
  return wrap(urls as unknown as UrlTree) as unknown as typeof urls;
}
