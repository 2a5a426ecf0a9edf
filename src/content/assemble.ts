import { DateTime } from 'luxon';
import { compareItemNumbers, packLanguage, pdfLanguage, siteLanguages } from '../model/queries.ts';
import type { AgendaItem, Attachment, Committee, Council, ExemptItem, ExemptTranslation, Issue, ItemTranslation, Lang, Meeting, OpenItem, ReferralSource, Site } from '../model/types.ts';
import { inLanguage, urls } from '../model/urls.ts';
import type { Problems } from './problems.ts';
import { lineOf, type Lines } from './records.ts';
import type { ItemData, MeetingData, TranslationData } from './schemas.ts';

/** An item file that passed validation, before it is tied to the rest of the council. */
export interface LoadedItem {
  slug: string;
  fileName: string;
  /** Other-language versions from `<item>.<lang>.md`. */
  translations: Partial<Record<Lang, { data: TranslationData; body: string; sourcePath: string }>>;
  data: ItemData;
  body: string;
  sourcePath: string;
  /** Lines of the front-matter keys the checks here may report (records.ts). */
  lines: Lines;
  attachments: Attachment[];
}

export interface LoadedMeeting {
  slug: string;
  data: MeetingData;
  notes: string;
  /** The notes in other languages, from `index.<lang>.md`. */
  translations?: Meeting['translations'];
  sourcePath: string;
  items: LoadedItem[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Tie validated files into the council model: sort everything, resolve each reference to the
 * meeting and item it came from, derive onward referrals and issue histories. Cross-file
 * problems (a call-in deadline before the meeting, a referral from the future) are recorded.
 */
export function assembleCouncil(site: Site, committeeList: Committee[], loaded: LoadedMeeting[], problems: Problems): Council {
  const sortedMeetings = [...loaded].sort(
    (a, b) => byString(a.data.date, b.data.date) || byString(a.data.time ?? '', b.data.time ?? '') || byString(a.slug, b.slug),
  );
  const committees = [...committeeList].sort((a, b) => a.name.localeCompare(b.name, 'en') || byString(a.slug, b.slug));
  const committeeBySlug = new Map(committees.map((c) => [c.slug, c]));

  const meetings: Meeting[] = [];
  const items: AgendaItem[] = [];
  const sources = new Map<AgendaItem, LoadedItem>();
  for (const m of sortedMeetings) {
    const agenda = [...m.items].sort((a, b) => compareItemNumbers(a.data.item, b.data.item));
    const meeting: Meeting = {
      slug: m.slug,
      committee: m.data.committee,
      date: m.data.date,
      ...(m.data.time !== undefined && {
        time: m.data.time,
        start: DateTime.fromISO(`${m.data.date}T${m.data.time}`, { zone: site.timezone }).toISO()!,
      }),
      ...(m.data.venue !== undefined && { venue: m.data.venue }),
      status: m.data.status,
      attendees: m.data.attendees,
      apologies: m.data.apologies,
      notes: m.notes,
      ...(m.translations !== undefined && { translations: m.translations }),
      url: urls.meeting(m.slug),
      pack: urls.meetingPack(m.slug),
      items: agenda.map((i) => `${m.slug}/${i.slug}`),
      sourcePath: m.sourcePath,
    };
    meetings.push(meeting);
    committeeBySlug.get(meeting.committee)!.meetings.push(meeting.slug);
    for (const loadedItem of agenda) {
      const item = toItem(loadedItem, meeting, problems);
      sources.set(item, loadedItem);
      items.push(item);
    }
  }

  linkReferrals(items, meetings, sources, problems);
  // The model's PDF addresses are those the pages of the site's first language link to (they may be
  // in another language when an item has no words in that one: see pdfLanguage).
  const [first] = siteLanguages(site);
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const item of items) item.pdf = inLanguage(item.pdf, pdfLanguage(item, site, first!));
  for (const m of meetings) m.pack = inLanguage(m.pack, packLanguage(m.items.map((id) => byId.get(id)!), site, first!));
  return { site, committees, meetings, items, issues: collectIssues(items) };
}

function toItem(loaded: LoadedItem, meeting: Meeting, problems: Problems): AgendaItem {
  const d = loaded.data;
  // Built by assignment rather than by spreading optional parts: the same keys in the same order,
  // without a temporary object per optional key (10,000 items are made on every build).
  const item: Record<string, unknown> = {
    id: `${meeting.slug}/${loaded.slug}`,
    slug: loaded.slug,
    meeting: meeting.slug,
    committee: meeting.committee,
    date: meeting.date,
    item: d.item,
    title: d.title,
    url: urls.item(meeting.slug, loaded.slug),
    pdf: urls.itemPdf(meeting.slug, loaded.slug),
    sourcePath: loaded.sourcePath,
  };
  // An exempt item keeps nothing but its number, title and reason, so no output can leak the rest.
  const versions = Object.entries(loaded.translations) as [Lang, NonNullable<LoadedItem['translations'][Lang]>][];
  if (d.exempt) {
    item.exempt = true;
    item.exemptReason = d.exempt_reason!;
    item.lang = d.lang;
    if (versions.length) {
      const translations: Partial<Record<Lang, ExemptTranslation>> = {};
      for (const [lang, t] of versions) {
        translations[lang] = { lang, title: t.data.title, ...(t.data.exempt_reason !== undefined && { exemptReason: t.data.exempt_reason }) };
      }
      item.translations = translations;
    }
    return item as unknown as ExemptItem;
  }
  if (d.call_in_deadline !== undefined && d.call_in_deadline < meeting.date) {
    problems.error(
      loaded.sourcePath,
      lineOf(loaded.lines, ['call_in_deadline']),
      'call_in_deadline',
      `${d.call_in_deadline} is before the meeting on ${meeting.date} (expected a date on or after the meeting)`,
    );
  }
  item.exempt = false;
  item.type = d.type;
  if (d.minute !== undefined) item.minute = d.minute;
  item.lang = d.lang;
  if (d.report_of !== undefined) item.reportOf = d.report_of;
  if (d.issue !== undefined) item.issue = d.issue;
  if (d.referred_from !== undefined) {
    const from: ReferralSource = { committee: d.referred_from.committee, date: d.referred_from.date };
    if (d.referred_from.minute !== undefined) from.minute = d.referred_from.minute;
    item.referredFrom = from;
  }
  item.referredTo = [];
  if (d.decision !== undefined) item.decision = d.decision;
  item.resolved = d.resolved;
  item.recommended = d.recommended;
  if (d.reasons !== undefined) item.reasons = d.reasons;
  item.keyDecision = d.key_decision;
  if (d.call_in_deadline !== undefined) item.callInDeadline = d.call_in_deadline;
  item.attachments = loaded.attachments;
  item.body = loaded.body;
  if (versions.length) {
    const translations: Partial<Record<Lang, ItemTranslation>> = {};
    for (const [lang, t] of versions) {
      translations[lang] = {
        lang,
        title: t.data.title,
        ...(t.data.report_of !== undefined && { reportOf: t.data.report_of }),
        ...(t.data.decision !== undefined && { decision: t.data.decision }),
        resolved: t.data.resolved,
        recommended: t.data.recommended,
        ...(t.data.reasons !== undefined && { reasons: t.data.reasons }),
        body: t.body,
        sourcePath: t.sourcePath,
      };
    }
    item.translations = translations;
  }
  return item as unknown as OpenItem;
}

/**
 * Resolve each `referred_from` to its meeting and item, and record the onward referral on that item:
 * "Referred to" is derived here, never authored twice. A source outside the content (an older
 * archive) is allowed, with a warning, and shown without a link.
 */
function linkReferrals(items: AgendaItem[], meetings: Meeting[], sources: Map<AgendaItem, LoadedItem>, problems: Problems) {
  const meetingsOn = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const key = `${m.committee} ${m.date}`;
    const same = meetingsOn.get(key);
    if (same) same.push(m);
    else meetingsOn.set(key, [m]);
  }
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const item of items) {
    if (item.exempt || !item.referredFrom) continue;
    const from = item.referredFrom;
    const loaded = sources.get(item)!;
    const line = (key: string) => lineOf(loaded.lines, ['referred_from', key]);
    if (from.date > item.date) {
      problems.error(item.sourcePath, line('date'), 'referred_from.date', `${from.date} is after this meeting on ${item.date} (expected the earlier meeting the minute came from)`);
      continue;
    }
    const candidates = meetingsOn.get(`${from.committee} ${from.date}`);
    if (!candidates) {
      problems.warn(item.sourcePath, line('date'), 'referred_from', `no ${from.committee} meeting on ${from.date} in the content, so the reference is shown without a link`);
      continue;
    }
    const meeting = candidates[0]!;
    from.meeting = meeting.slug;
    if (from.minute === undefined) continue;
    const source = meeting.items.map((id) => byId.get(id)!).find((i) => !i.exempt && i.minute === from.minute);
    if (!source || source.exempt) {
      problems.warn(item.sourcePath, line('minute'), 'referred_from.minute', `no minute ${from.minute} in ${meeting.sourcePath.replace(/\/index\.md$/, '')}, so the reference links to the meeting only`);
      continue;
    }
    from.itemId = source.id;
    source.referredTo.push({ committee: item.committee, date: item.date, meeting: item.meeting, itemId: item.id });
  }
}

/** Group items by `issue`, oldest first (items are already in meeting order). */
function collectIssues(items: AgendaItem[]): Issue[] {
  const groups = new Map<string, OpenItem[]>();
  for (const item of items) {
    if (item.exempt || !item.issue) continue;
    const group = groups.get(item.issue);
    if (group) group.push(item);
    else groups.set(item.issue, [item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => byString(a, b))
    .map(([slug, members]) => ({ slug, url: urls.issue(slug), title: members[0]!.title, items: members.map((i) => i.id) }));
}
