import { DateTime } from 'luxon';
import type { Council, Meeting } from '../model/types.ts';
import { indexOf } from '../model/queries.ts';
import { urls } from '../model/urls.ts';
import { hostOf, type Absolute } from './absolute.ts';
import { meetingStart } from './dates.ts';

/**
 * Europe/London since 1996: BST from 01:00 UTC on the last Sunday of March, GMT from 01:00 UTC on
 * the last Sunday of October. DTSTART is in the local time the change happens from (RFC 5545 3.6.5).
 */
const EUROPE_LONDON = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19810329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19961027T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

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

const utcStamp = (dt: DateTime) => dt.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
const dateValue = (iso: string) => iso.replace(/-/g, '');

/** The VEVENT lines of one meeting. */
function eventLines(council: Council, absolute: Absolute, meeting: Meeting): string[] {
  const index = indexOf(council);
  const { site } = council;
  const committee = index.committee(meeting.committee);
  const start = meetingStart(site, meeting);
  const london = (site.timezone || 'Europe/London') === 'Europe/London';
  const lines = ['BEGIN:VEVENT', `UID:meeting-${meeting.slug}@${hostOf(absolute)}`];
  // DTSTAMP must be UTC; it comes from the content (the meeting's own date) so builds are reproducible.
  lines.push(`DTSTAMP:${start ? utcStamp(start) : `${dateValue(meeting.date)}T000000Z`}`);
  if (!start) {
    const next = DateTime.fromISO(meeting.date, { zone: 'utc' }).plus({ days: 1 }).toISODate()!;
    lines.push(`DTSTART;VALUE=DATE:${dateValue(meeting.date)}`, `DTEND;VALUE=DATE:${dateValue(next)}`);
  } else if (london) {
    lines.push(`DTSTART;TZID=Europe/London:${start.toFormat("yyyyMMdd'T'HHmmss")}`);
  } else {
    lines.push(`DTSTART:${utcStamp(start)}`);
  }
  lines.push(`SUMMARY:${icsText(committee.name)}`);
  if (meeting.venue) lines.push(`LOCATION:${icsText(meeting.venue)}`);
  const agenda = index.itemsOf(meeting).map((i) => `${i.item}. ${i.title}`);
  const description = [committee.name, ...(agenda.length > 0 ? ['', 'Agenda:', ...agenda] : []), '', absolute(meeting.url)];
  lines.push(`DESCRIPTION:${icsText(description.join('\n'))}`);
  lines.push(`URL:${absolute(meeting.url)}`);
  lines.push(`STATUS:${meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`);
  // A cancellation is a revision of the scheduled event: clients that imported it update it.
  lines.push(`SEQUENCE:${meeting.status === 'cancelled' ? 1 : 0}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A whole VCALENDAR holding `meetings`, CRLF line ends, folded at 75 octets. */
export function calendar(council: Council, absolute: Absolute, name: string, meetings: Meeting[]): string {
  const london = (council.site.timezone || 'Europe/London') === 'Europe/London';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Minutebook//Minutebook//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${icsText(name)}`,
    `X-WR-CALNAME:${icsText(name)}`,
    ...(london ? ['X-WR-TIMEZONE:Europe/London', ...EUROPE_LONDON] : []),
    ...meetings.flatMap((m) => eventLines(council, absolute, m)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** Every calendar of the site, keyed by site-relative URL: all meetings, one per committee, one per meeting. */
export function calendars(council: Council, absolute: Absolute): Map<string, string> {
  const index = indexOf(council);
  const out = new Map<string, string>();
  out.set(urls.calendar.all(), calendar(council, absolute, `${council.site.name}: meetings`, council.meetings));
  for (const c of council.committees) {
    out.set(urls.calendar.committee(c.slug), calendar(council, absolute, `${c.name}: meetings`, index.meetingsOf(c)));
  }
  for (const m of council.meetings) {
    const name = `${index.committee(m.committee).name}, ${m.date}`;
    out.set(urls.calendar.meeting(m.slug), calendar(council, absolute, name, [m]));
  }
  return out;
}
