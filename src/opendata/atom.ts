import type { Council, Issue, OpenItem } from '../model/types.ts';
import { indexOf, isDecided } from '../model/queries.ts';
import { urls } from '../model/urls.ts';
import type { Absolute } from './absolute.ts';
import { meetingTimestamp } from './dates.ts';
import { digestKeyOf, type FileDigests } from './digest.ts';
import { XML_DECLARATION, xmlEscape as x } from './xml.ts';

/** How many entries the council-wide and per-committee feeds keep (newest first); issue feeds keep all. */
export const FEED_LIMITS = { council: 100, committee: 50 } as const;

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
function summaryOf(council: Council, item: OpenItem): string {
  const committee = indexOf(council).committee(item.committee);
  const lines = [`${committee.name}, ${item.date}${item.minute ? `, minute ${item.minute}` : ''}`];
  if (item.decision) lines.push(item.decision);
  if (item.resolved.length > 0) lines.push('Resolved:', ...item.resolved.map((r, i) => `${i + 1}. ${r}`));
  if (item.recommended.length > 0) lines.push('Recommended:', ...item.recommended.map((r, i) => `${i + 1}. ${r}`));
  if (item.keyDecision) lines.push('Key decision.');
  if (item.callInDeadline) lines.push(`Call-in deadline: ${item.callInDeadline}`);
  return lines.join('\n');
}

function entry(council: Council, absolute: Absolute, files: FileDigests | undefined, item: OpenItem): string {
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
    `    <link rel="enclosure" type="application/pdf" href="${x(absolute(item.pdf))}"${size === undefined ? '' : ` length="${size}"`}/>`,
    `    <category term="${x(committee.slug)}" label="${x(committee.name)}"/>`,
    `    <summary type="text">${x(summaryOf(council, item))}</summary>`,
    '  </entry>',
  ].join('\n');
}

function feed(council: Council, absolute: Absolute, files: FileDigests | undefined, spec: FeedSpec): string {
  const index = indexOf(council);
  // The feed is as new as its newest entry; an empty feed takes the archive's last meeting date.
  const newest = spec.items[0] ? index.meeting(spec.items[0].meeting) : council.meetings.at(-1);
  const updated = newest ? meetingTimestamp(council.site, newest) : '1970-01-01T00:00:00Z';
  return [
    XML_DECLARATION.trimEnd(),
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${x(absolute(spec.self))}</id>`,
    `  <title>${x(spec.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${x(council.site.name)}</name><uri>${x(absolute(urls.home()))}</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${x(absolute(spec.self))}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(absolute(spec.alternate))}"/>`,
    '  <generator>Minutebook</generator>',
    ...spec.items.map((item) => entry(council, absolute, files, item)),
    '</feed>',
    '',
  ].join('\n');
}

/** The council's latest decisions, all committees. */
export function decisionsFeed(council: Council, absolute: Absolute, files?: FileDigests): string {
  const items = newestFirst(council, council.items.filter(isDecided)).slice(0, FEED_LIMITS.council);
  return feed(council, absolute, files, {
    self: urls.feed.decisions(),
    alternate: urls.decisions(),
    title: `${council.site.name}: decisions`,
    items,
  });
}

/** One committee's latest decisions. */
export function committeeFeed(council: Council, absolute: Absolute, slug: string, files?: FileDigests): string {
  const committee = indexOf(council).committee(slug);
  const decided = council.items.filter(isDecided).filter((i) => i.committee === slug);
  return feed(council, absolute, files, {
    self: urls.feed.committee(slug),
    alternate: committee.url,
    title: `${committee.name}: decisions`,
    items: newestFirst(council, decided).slice(0, FEED_LIMITS.committee),
  });
}

/** One issue's whole history, newest step first: every open item that carries its slug. */
export function issueFeed(council: Council, absolute: Absolute, issue: Issue, files?: FileDigests): string {
  const index = indexOf(council);
  const items = issue.items.map(index.item).filter((i): i is OpenItem => !i.exempt);
  return feed(council, absolute, files, {
    self: urls.feed.issue(issue.slug),
    alternate: issue.url,
    title: issue.title,
    items: newestFirst(council, items),
  });
}

/** Every Atom feed of the site, keyed by its site-relative URL. */
export function atomFeeds(council: Council, absolute: Absolute, files?: FileDigests): Map<string, string> {
  const out = new Map<string, string>();
  out.set(urls.feed.decisions(), decisionsFeed(council, absolute, files));
  for (const c of council.committees) out.set(urls.feed.committee(c.slug), committeeFeed(council, absolute, c.slug, files));
  for (const i of council.issues) out.set(urls.feed.issue(i.slug), issueFeed(council, absolute, i, files));
  return out;
}
