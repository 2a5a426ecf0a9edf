import { indexOf } from '../model/queries.ts';
import type { AgendaItem, Council, Lang, MeetingStatus } from '../model/types.ts';
import { outputPathOf } from '../model/urls.ts';

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
  header: MeetingHeader;
  item: AgendaItem;
  /** Committee name of the item's `referred_from`, resolved from its slug. */
  referredFromName?: string;
  /** Site-relative URL of the item it was referred from, when that item is in the content. */
  referredFromUrl?: string;
}

export interface PackJob {
  kind: 'pack';
  header: MeetingHeader;
  meeting: { slug: string; time?: string; venue?: string; status: MeetingStatus };
  items: ItemJob[];
}

export function langOf(item: AgendaItem): Lang {
  return item.exempt ? 'en' : item.lang;
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

/** Every PDF the council publishes: one per item, and a pack per meeting that has items, in model order. */
export function planPdfs(council: Council): PlannedPdf[] {
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
      const referredFromName = from ? committees.get(from.committee)?.name : undefined;
      const referredFromUrl = from?.itemId !== undefined ? itemUrls.get(from.itemId) : undefined;
      return {
        kind: 'item',
        header,
        item: publishable(item),
        ...(referredFromName !== undefined && { referredFromName }),
        ...(referredFromUrl !== undefined && { referredFromUrl }),
      };
    });
    items.forEach((job, i) => planned.push({ path: outputPathOf(index.itemsOf(meeting)[i]!.pdf), job }));
    if (items.length === 0) continue;
    const { slug, time, venue, status } = meeting;
    const pack: PackJob = {
      kind: 'pack',
      header,
      meeting: { slug, status, ...(time !== undefined && { time }), ...(venue !== undefined && { venue }) },
      items,
    };
    planned.push({ path: outputPathOf(meeting.pack), job: pack });
  }
  return planned;
}
