import { exemptTextOf, indexOf, packLanguage, pdfLanguage, siteLanguages, textOf } from '../model/queries.ts';
import type { AgendaItem, Council, Lang, MeetingStatus } from '../model/types.ts';
import { inLanguage, languageOfUrl, outputPathOf } from '../model/urls.ts';

/** What every PDF of a meeting prints about its context. */
export interface MeetingHeader {
  council: string;
  councilCy?: string;
  committee: string;
  committeeCy?: string;
  timezone: string;
  /** Meeting date, ISO YYYY-MM-DD. */
  date: string;
  /** Absolute site origin, when known: links in the PDF need absolute URLs. */
  baseUrl?: string;
}

/** One PDF to render. Plain data (it crosses to worker threads) and exactly what the PDF shows, so its hash is its cache key. */
export type PdfJob = ItemJob | PackJob;

export interface ItemJob {
  kind: 'item';
  /** The PDF's language: its labels, dates and metadata (`/Lang`). Part of the cache key. */
  lang: Lang;
  header: MeetingHeader;
  /** The item's words in `lang`, or its original words (`item.lang` says which) when `fallback`. */
  item: AgendaItem;
  /** True when the item has no version in `lang`: the PDF prints its original text, tagged with its language, under a notice. */
  fallback?: true;
  /** Committee name of the item's `referred_from`, resolved from its slug. */
  referredFromName?: string;
  /** Site-relative URL of the item it was referred from, when that item is in the content. */
  referredFromUrl?: string;
}

export interface PackJob {
  kind: 'pack';
  lang: Lang;
  header: MeetingHeader;
  meeting: { slug: string; time?: string; venue?: string; status: MeetingStatus };
  items: ItemJob[];
}

/** The language an item's words are written in. */
export function langOf(item: AgendaItem): Lang {
  return item.lang ?? 'en';
}

/** A job and the output file (relative to the site root) it produces. */
export interface PlannedPdf {
  path: string;
  job: PdfJob;
}

/**
 * The item as its PDF needs it, so the cache key changes only when the PDF would: no paths on the
 * build machine (moving the content folder keeps the cache) and no onward referrals (derived from
 * other items, and not printed).
 */
function publishable(item: AgendaItem): AgendaItem {
  if (item.exempt) return { ...item, sourcePath: '' };
  return { ...item, sourcePath: '', referredTo: [], attachments: item.attachments.map(({ source: _source, ...a }) => a) };
}

/** The item with its words in `lang` where it has a version in `lang`, and whether it fell back to its original. */
function wordsIn(item: AgendaItem, lang: Lang): { item: AgendaItem; fallback: boolean } {
  if (item.exempt) {
    const { translations: _t, ...rest } = item;
    const text = exemptTextOf(item, lang);
    return { item: { ...rest, lang: text.lang, title: text.title, exemptReason: text.exemptReason }, fallback: text.fallback };
  }
  const { translations: _t, reportOf: _r, decision: _d, reasons: _e, ...rest } = item;
  const { fallback, ...text } = textOf(item, lang);
  return { item: { ...rest, ...text }, fallback };
}

/**
 * Every PDF the council publishes, in model order: one per item and a pack per meeting that has
 * items, in each of the council's languages the words exist in (the Welsh ones under /cy/; see
 * pdfLanguage, packLanguage and docs/welsh.md).
 */
export function planPdfs(council: Council): PlannedPdf[] {
  return siteLanguages(council.site).flatMap((lang) => planPdfsIn(council, lang));
}

function planPdfsIn(council: Council, lang: Lang): PlannedPdf[] {
  const index = indexOf(council);
  const committees = new Map(council.committees.map((c) => [c.slug, c]));
  const itemUrls = new Map(council.items.map((i) => [i.id, i.url]));
  const planned: PlannedPdf[] = [];
  for (const meeting of council.meetings) {
    const committee = index.committee(meeting.committee);
    const header: MeetingHeader = {
      council: council.site.name,
      ...(council.site.nameCy !== undefined && { councilCy: council.site.nameCy }),
      committee: committee.name,
      ...(committee.nameCy !== undefined && { committeeCy: committee.nameCy }),
      timezone: council.site.timezone,
      date: meeting.date,
      ...(council.site.baseUrl !== undefined && { baseUrl: council.site.baseUrl }),
    };
    const items: ItemJob[] = index.itemsOf(meeting).map((item) => {
      const from = item.exempt ? undefined : item.referredFrom;
      const fromCommittee = from ? committees.get(from.committee) : undefined;
      const referredFromName = fromCommittee && ((lang === 'cy' && fromCommittee.nameCy) || fromCommittee.name);
      const fromUrl = from?.itemId !== undefined ? itemUrls.get(from.itemId) : undefined;
      const referredFromUrl = fromUrl && inLanguage(fromUrl, lang);
      const words = wordsIn(item, lang);
      return {
        kind: 'item',
        lang,
        header,
        item: publishable(words.item),
        ...(words.fallback && { fallback: true as const }),
        ...(referredFromName !== undefined && { referredFromName }),
        ...(referredFromUrl !== undefined && { referredFromUrl }),
      };
    });
    const agenda = index.itemsOf(meeting);
    items.forEach((job, i) => {
      const item = agenda[i]!;
      if (pdfLanguage(item, council.site, lang) === lang) planned.push({ path: outputPathOf(inLanguage(languageOfUrl(item.pdf).url, lang)), job });
    });
    if (items.length === 0 || packLanguage(agenda, council.site, lang) !== lang) continue;
    const { slug, time, venue, status } = meeting;
    const pack: PackJob = {
      kind: 'pack',
      lang,
      header,
      meeting: { slug, status, ...(time !== undefined && { time }), ...(venue !== undefined && { venue }) },
      items,
    };
    planned.push({ path: outputPathOf(inLanguage(languageOfUrl(meeting.pack).url, lang)), job: pack });
  }
  return planned;
}
