import type { Council, Issue, Lang, OpenItem } from '../model/types.ts';
import { indexOf, isDecided } from '../model/queries.ts';
import { inLanguage, languageOfUrl, urls } from '../model/urls.ts';
import type { Absolute } from './absolute.ts';
import { meetingTimestamp } from './dates.ts';
import { digestKeyOf, type FileDigests } from './digest.ts';
import { XML_DECLARATION, xmlEscape as x } from './xml.ts';

/** How many entries the council-wide and per-committee feeds keep (newest first); issue feeds keep all. */
export const FEED_LIMITS = { council: 100, committee: 50 } as const;

/** The words feeds are written in, per language. Welsh feeds read a council in Welsh (`councilIn`). */
const WORDS: Record<Lang, { decisions: string; minute: string; resolved: string; recommended: string; keyDecision: string; callIn: string }> = {
  en: { decisions: 'decisions', minute: 'minute', resolved: 'Resolved:', recommended: 'Recommended:', keyDecision: 'Key decision.', callIn: 'Call-in deadline:' },
  cy: { decisions: 'penderfyniadau', minute: 'cofnod', resolved: 'Penderfynwyd:', recommended: 'Argymhellwyd:', keyDecision: 'Penderfyniad allweddol.', callIn: 'Dyddiad cau galw i mewn:' },
};

const named = (record: { name: string; nameCy?: string }, lang: Lang) => (lang === 'cy' && record.nameCy) || record.name;

interface FeedSpec {
  self: string;
  alternate: string;
  title: string;
  items: OpenItem[];
}

const meetingOrders = new WeakMap<Council, Map<string, number>>();

/** Items newest meeting first, agenda order within a meeting. */
function newestFirst(council: Council, items: OpenItem[]): OpenItem[] {
  let order = meetingOrders.get(council);
  if (!order) {
    order = new Map(council.meetings.map((m, i) => [m.slug, i]));
    meetingOrders.set(council, order);
  }
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => order.get(b.item.meeting)! - order.get(a.item.meeting)! || a.i - b.i)
    .map(({ item }) => item);
}

/** The plain-text summary of an item: where and when, then what was decided. */
function summaryOf(council: Council, item: OpenItem, lang: Lang): string {
  const committee = indexOf(council).committee(item.committee);
  const words = WORDS[lang];
  const lines = [`${named(committee, lang)}, ${item.date}${item.minute ? `, ${words.minute} ${item.minute}` : ''}`];
  if (item.decision) lines.push(item.decision);
  if (item.resolved.length > 0) lines.push(words.resolved, ...item.resolved.map((r, i) => `${i + 1}. ${r}`));
  if (item.recommended.length > 0) lines.push(words.recommended, ...item.recommended.map((r, i) => `${i + 1}. ${r}`));
  if (item.keyDecision) lines.push(words.keyDecision);
  if (item.callInDeadline) lines.push(`${words.callIn} ${item.callInDeadline}`);
  return lines.join('\n');
}

function entry(council: Council, absolute: Absolute, files: FileDigests | undefined, item: OpenItem, lang: Lang): string {
  const index = indexOf(council);
  const committee = index.committee(item.committee);
  const updated = meetingTimestamp(council.site, index.meeting(item.meeting));
  const size = files?.get(digestKeyOf(item.pdf))?.size;
  return [
    `  <entry xml:lang="${item.lang}">`,
    `    <id>${x(absolute(item.url))}</id>`,
    `    <title>${x(item.title)}</title>`,
    `    <updated>${updated}</updated>`,
    `    <link rel="alternate" type="text/html" href="${x(absolute(item.url))}"/>`,
    `    <link rel="enclosure" type="application/pdf" href="${x(absolute(item.pdf))}" hreflang="${languageOfUrl(item.pdf).lang}"${size === undefined ? '' : ` length="${size}"`}/>`,
    `    <category term="${x(committee.slug)}" label="${x(named(committee, lang))}"/>`,
    `    <summary type="text">${x(summaryOf(council, item, lang))}</summary>`,
    '  </entry>',
  ].join('\n');
}

function feed(council: Council, absolute: Absolute, files: FileDigests | undefined, spec: FeedSpec, lang: Lang): string {
  const index = indexOf(council);
  // The feed is as new as its newest entry; an empty feed takes the archive's last meeting date.
  const newest = spec.items[0] ? index.meeting(spec.items[0].meeting) : council.meetings.at(-1);
  const updated = newest ? meetingTimestamp(council.site, newest) : '1970-01-01T00:00:00Z';
  return [
    XML_DECLARATION.trimEnd(),
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `  <id>${x(absolute(spec.self))}</id>`,
    `  <title>${x(spec.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${x(named(council.site, lang))}</name><uri>${x(absolute(inLanguage(urls.home(), lang)))}</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${x(absolute(spec.self))}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(absolute(spec.alternate))}"/>`,
    '  <generator>Minutebook</generator>',
    ...spec.items.map((item) => entry(council, absolute, files, item, lang)),
    '</feed>',
    '',
  ].join('\n');
}

/** The council's latest decisions, all committees. */
export function decisionsFeed(council: Council, absolute: Absolute, files?: FileDigests, lang: Lang = 'en'): string {
  const items = newestFirst(council, council.items.filter(isDecided)).slice(0, FEED_LIMITS.council);
  return feed(council, absolute, files, {
    self: inLanguage(urls.feed.decisions(), lang),
    alternate: inLanguage(urls.decisions(), lang),
    title: `${named(council.site, lang)}: ${WORDS[lang].decisions}`,
    items,
  }, lang);
}

/** One committee's latest decisions. */
export function committeeFeed(council: Council, absolute: Absolute, slug: string, files?: FileDigests, lang: Lang = 'en'): string {
  const committee = indexOf(council).committee(slug);
  const decided = council.items.filter(isDecided).filter((i) => i.committee === slug);
  return feed(council, absolute, files, {
    self: inLanguage(urls.feed.committee(slug), lang),
    alternate: committee.url,
    title: `${named(committee, lang)}: ${WORDS[lang].decisions}`,
    items: newestFirst(council, decided).slice(0, FEED_LIMITS.committee),
  }, lang);
}

/** One issue's whole history, newest step first: every open item that carries its slug. */
export function issueFeed(council: Council, absolute: Absolute, issue: Issue, files?: FileDigests, lang: Lang = 'en'): string {
  const index = indexOf(council);
  const items = issue.items.map(index.item).filter((i): i is OpenItem => !i.exempt);
  return feed(council, absolute, files, {
    self: inLanguage(urls.feed.issue(issue.slug), lang),
    alternate: issue.url,
    title: issue.title,
    items: newestFirst(council, items),
  }, lang);
}

/**
 * Every Atom feed of the site in `lang`, keyed by its site-relative URL. For Welsh, pass the council
 * as Welsh pages show it (`councilIn(council, 'cy')`): item words and URLs come from it.
 */
export function atomFeeds(council: Council, absolute: Absolute, files?: FileDigests, lang: Lang = 'en'): Map<string, string> {
  const out = new Map<string, string>();
  const at = (url: string) => inLanguage(url, lang);
  out.set(at(urls.feed.decisions()), decisionsFeed(council, absolute, files, lang));
  for (const c of council.committees) out.set(at(urls.feed.committee(c.slug)), committeeFeed(council, absolute, c.slug, files, lang));
  for (const i of council.issues) out.set(at(urls.feed.issue(i.slug)), issueFeed(council, absolute, i, files, lang));
  return out;
}
