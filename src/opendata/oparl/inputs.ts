import { indexOf } from '../../model/queries.ts';
import type { AgendaItem, Meeting, OpenItem } from '../../model/types.ts';
import { digestKeyOf } from '../digest.ts';
import { issueBySlug } from '../issues.ts';
import { codeFingerprint, keyOf } from '../kept.ts';
import type { ConsultationRef } from './consultation.ts';
import type { OparlContext } from './context.ts';

/**
 * Input keys of OParl objects: a hash of every model record and file digest an object is made
 * from, so that an object whose key is unchanged has the bytes it had (see src/opendata/kept.ts).
 * Deliberately generous: a Meeting, its Location and each of its AgendaItems share one key over
 * the whole meeting group (the meeting, its committee's own fields (not its list of meetings, so a
 * new meeting does not touch the others), every item of it but the text bodies, the
 * state of the items they are referred from, and the digests of the pack, item PDFs and
 * attachments); a Paper and a Consultation add the groups of the meetings that consult it.
 */
export interface OparlInputKeys {
  meeting(meeting: Meeting): string;
  agendaItem(item: AgendaItem): string;
  paper(item: OpenItem, consultations: readonly ConsultationRef[]): string;
  consultation(ref: ConsultationRef): string;
  file(url: string, entry: { name: string; date: string; meeting: Set<string>; agendaItem: Set<string>; paper: Set<string> }): string;
  /** A list page's key: its place and pagination, and its objects' keys. */
  page(url: string, pagination: object, links: object, objectKeys: readonly string[]): string;
}

/** An item's record as OParl may read it: everything but its text (body, translations), which only pages and PDFs use. */
function itemRecord(item: AgendaItem): string {
  if (item.exempt) {
    const { translations: _t, ...rest } = item;
    return JSON.stringify(rest);
  }
  const { body: _b, translations: _t, ...rest } = item;
  return JSON.stringify(rest);
}

export function oparlInputKeys(ctx: OparlContext): OparlInputKeys {
  const index = indexOf(ctx.council);
  const global = keyOf(codeFingerprint(), ctx.absolute(''), JSON.stringify(ctx.council.site));
  const digest = (url: string) => JSON.stringify(ctx.files?.get(digestKeyOf(url)) ?? null);
  const groups = new Map<string, string>();

  const group = (meeting: Meeting): string => {
    let key = groups.get(meeting.slug);
    if (key !== undefined) return key;
    const committee = index.committee(meeting.committee);
    const parts = [global, JSON.stringify(meeting), JSON.stringify([committee.slug, committee.name, committee.nameCy, committee.category, committee.url]), digest(meeting.pack)];
    for (const item of index.itemsOf(meeting)) {
      parts.push(itemRecord(item), digest(item.pdf));
      if (item.exempt) continue;
      for (const a of item.attachments) if (a.kind === 'file') parts.push(digest(a.url));
      const source = item.referredFrom?.itemId;
      if (source) parts.push(`source exempt: ${index.item(source).exempt}`);
    }
    key = keyOf(...parts);
    groups.set(meeting.slug, key);
    return key;
  };
  const groupOf = (item: AgendaItem) => group(index.meeting(item.meeting));

  return {
    meeting: group,
    agendaItem: (item) => keyOf(groupOf(item), item.id),
    paper(item, consultations) {
      const issue = item.issue ? issueBySlug(ctx.council, item.issue) : undefined;
      const related = (issue?.items ?? []).map((id) => `${id} ${index.item(id).exempt}`);
      return keyOf(groupOf(item), item.id, JSON.stringify(related), ...consultations.flatMap((c) => [c.id, c.paperOf, c.role, groupOf(c.at)]));
    },
    consultation: (ref) => keyOf(groupOf(ref.at), ref.id, ref.paperOf, ref.role),
    file: (url, e) => keyOf(global, url, e.name, e.date, JSON.stringify([[...e.meeting], [...e.agendaItem], [...e.paper]]), JSON.stringify(ctx.files?.get(digestKeyOf(url)) ?? null)),
    page: (url, pagination, links, objectKeys) => keyOf(global, url, JSON.stringify(pagination), JSON.stringify(links), ...objectKeys),
  };
}
