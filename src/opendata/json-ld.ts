import type { Council, Lang, Meeting } from '../model/types.ts';
import { indexOf } from '../model/queries.ts';
import { inLanguage, urls } from '../model/urls.ts';
import { absoluteFor } from './absolute.ts';
import { meetingStart } from './dates.ts';

const STATUS = {
  held: 'https://schema.org/EventScheduled',
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
} as const;

/**
 * A meeting as schema.org Event JSON-LD, safe to place inside
 * `<script type="application/ld+json">`: `<`, `>` and `&` are written as \u escapes, so no
 * content text can close the script element.
 */
export function meetingJsonLd(council: Council, meeting: Meeting, lang: Lang = 'en'): string {
  const named = (r: { name: string; nameCy?: string }) => (lang === 'cy' && r.nameCy) || r.name;
  const committee = indexOf(council).committee(meeting.committee);
  const absolute = absoluteFor(council.site);
  const start = meetingStart(council.site, meeting);
  const event = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: `${named(committee)}, ${meeting.date}`,
    startDate: start ? start.toISO({ suppressMilliseconds: true }) : meeting.date,
    eventStatus: STATUS[meeting.status],
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    ...(meeting.venue ? { location: { '@type': 'Place', name: meeting.venue, address: meeting.venue } } : {}),
    organizer: {
      '@type': 'Organization',
      name: named(council.site),
      ...(absolute ? { url: absolute(inLanguage(urls.home(), lang)) } : {}),
    },
    ...(absolute ? { url: absolute(meeting.url) } : {}),
  };
  return JSON.stringify(event)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
