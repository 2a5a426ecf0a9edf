import { DateTime } from 'luxon';
import type { Council, Lang, Meeting, Site } from '../model/types.ts';
import { indexOf } from '../model/queries.ts';
import { inLanguage, urls } from '../model/urls.ts';
import { hostOf, type Absolute } from './absolute.ts';
import { meetingStart } from './dates.ts';
import { vtimezone } from './vtimezone.ts';

/** Escapes a TEXT value (RFC 5545 3.3.11). */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n|\r/g, '\\n');
}

/** Folds a content line into lines of at most 75 octets, never splitting a UTF-8 character (RFC 5545 3.1). */
export function foldLine(line: string): string {
  if (line.length <= 25 || Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const zoneOf = (site: Site) => site.timezone || 'Europe/London';

const timezones = new WeakMap<Council, string[]>();

/** The council's VTIMEZONE, covering every year it has meetings in (the same in each of its calendars). */
function councilTimezone(council: Council): string[] {
  let lines = timezones.get(council);
  if (!lines) {
    const years = council.meetings.map((m) => Number(m.date.slice(0, 4)));
    const first = years.reduce((a, b) => Math.min(a, b), years[0] ?? 2000);
    const last = years.reduce((a, b) => Math.max(a, b), years[0] ?? 2000);
    lines = vtimezone(zoneOf(council.site), first, last);
    timezones.set(council, lines);
  }
  return lines;
}

const utcStamp = (dt: DateTime) => dt.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
const dateValue = (iso: string) => iso.replace(/-/g, '');

const named = (record: { name: string; nameCy?: string }, lang: Lang) => (lang === 'cy' && record.nameCy) || record.name;
const MEETINGS: Record<Lang, string> = { en: 'meetings', cy: 'cyfarfodydd' };

/**
 * The VEVENT lines of one meeting. Its UID is the same in every language: it is one event, so a
 * person who adds both calendars gets it once.
 */
function eventLines(council: Council, absolute: Absolute, meeting: Meeting, lang: Lang): string[] {
  const index = indexOf(council);
  const { site } = council;
  const committee = index.committee(meeting.committee);
  const start = meetingStart(site, meeting);
  const lines = ['BEGIN:VEVENT', `UID:meeting-${meeting.slug}@${hostOf(absolute)}`];
  // DTSTAMP must be UTC; it comes from the content (the meeting's own date) so builds are reproducible.
  lines.push(`DTSTAMP:${start ? utcStamp(start) : `${dateValue(meeting.date)}T000000Z`}`);
  if (!start) {
    const next = DateTime.fromISO(meeting.date, { zone: 'utc' }).plus({ days: 1 }).toISODate()!;
    lines.push(`DTSTART;VALUE=DATE:${dateValue(meeting.date)}`, `DTEND;VALUE=DATE:${dateValue(next)}`);
  } else {
    lines.push(`DTSTART;TZID=${zoneOf(site)}:${start.toFormat("yyyyMMdd'T'HHmmss")}`);
  }
  lines.push(`SUMMARY:${icsText(named(committee, lang))}`);
  if (meeting.venue) lines.push(`LOCATION:${icsText(meeting.venue)}`);
  const agenda = index.itemsOf(meeting).map((i) => `${i.item}. ${i.title}`);
  const description = [named(committee, lang), ...(agenda.length > 0 ? ['', 'Agenda:', ...agenda] : []), '', absolute(meeting.url)];
  lines.push(`DESCRIPTION:${icsText(description.join('\n'))}`);
  lines.push(`URL:${absolute(meeting.url)}`);
  lines.push(`STATUS:${meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`);
  // A cancellation is a revision of the scheduled event: clients that imported it update it.
  lines.push(`SEQUENCE:${meeting.status === 'cancelled' ? 1 : 0}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A whole VCALENDAR holding `meetings`, CRLF line ends, folded at 75 octets. */
export function calendar(council: Council, absolute: Absolute, name: string, meetings: Meeting[], lang: Lang = 'en'): string {
  return calendarOf(council, name, meetings.map((m) => foldedEvent(council, absolute, m, lang)));
}

/** A meeting's VEVENT, folded, without its final line end. */
function foldedEvent(council: Council, absolute: Absolute, meeting: Meeting, lang: Lang): string {
  return eventLines(council, absolute, meeting, lang).map(foldLine).join('\r\n');
}

/** A VCALENDAR around already folded VEVENTs. */
function calendarOf(council: Council, name: string, events: string[]): string {
  const head = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Minutebook//Minutebook//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${icsText(name)}`,
    `X-WR-CALNAME:${icsText(name)}`,
    `X-WR-TIMEZONE:${zoneOf(council.site)}`,
    ...councilTimezone(council),
  ];
  return `${[...head.map(foldLine), ...events, 'END:VCALENDAR'].join('\r\n')}\r\n`;
}

/**
 * Every calendar of the site in `lang`, keyed by site-relative URL: all meetings, one per committee,
 * one per meeting. For Welsh, pass `councilIn(council, 'cy')`: agenda titles and URLs come from it.
 */
export function calendars(council: Council, absolute: Absolute, lang: Lang = 'en'): Map<string, string> {
  const index = indexOf(council);
  const out = new Map<string, string>();
  const at = (url: string) => inLanguage(url, lang);
  // Each meeting is in three calendars (all, its committee's, its own): its VEVENT is made once.
  const events = new Map(council.meetings.map((m) => [m.slug, foldedEvent(council, absolute, m, lang)]));
  const eventsOf = (meetings: Meeting[]) => meetings.map((m) => events.get(m.slug)!);
  out.set(at(urls.calendar.all()), calendarOf(council, `${named(council.site, lang)}: ${MEETINGS[lang]}`, eventsOf(council.meetings)));
  for (const c of council.committees) {
    out.set(at(urls.calendar.committee(c.slug)), calendarOf(council, `${named(c, lang)}: ${MEETINGS[lang]}`, eventsOf(index.meetingsOf(c))));
  }
  for (const m of council.meetings) {
    const name = `${named(index.committee(m.committee), lang)}, ${m.date}`;
    out.set(at(urls.calendar.meeting(m.slug)), calendarOf(council, name, eventsOf([m])));
  }
  return out;
}
