import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendar, calendars, foldLine } from '../../src/opendata/icalendar.ts';
import { absolute, makeCouncil, SECRET, WELSH_TITLE } from './factory.ts';

const council = makeCouncil();
const all = calendar(council, absolute, 'All', council.meetings);

/** The VEVENTs of a calendar, with the Europe/London VTIMEZONE the file itself carries. */
function events(ics: string): ICAL.Event[] {
  const vcalendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtimezone of vcalendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  }
  return vcalendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const byUid = (uid: string) => events(all).find((e) => e.uid === `meeting-${uid}@papers.example.org`)!;

describe('iCalendar', () => {
  it('publishes all meetings, one calendar per committee and one per meeting, each parsed by ical.js', () => {
    const files = calendars(council, absolute);
    expect([...files.keys()]).toContain('/calendar/meetings.ics');
    expect([...files.keys()]).toContain('/calendar/committees/full-council.ics');
    expect([...files.keys()]).toContain('/calendar/meetings/2026-10-27-cabinet.ics');
    for (const ics of files.values()) expect(events(ics).length).toBeGreaterThan(0);
    expect(events(files.get('/calendar/committees/cabinet.ics')!).map((e) => e.startDate.toString().slice(0, 10))).toEqual(['2026-06-16', '2026-10-27']);
  });

  it('puts a 14:00 meeting after the October clock change at 14:00 GMT', () => {
    const start = byUid('2026-10-27-cabinet').startDate;
    expect(start.zone?.tzid).toBe('Europe/London');
    expect(start.toJSDate().toISOString()).toBe('2026-10-27T14:00:00.000Z');
  });

  it('puts a 14:00 summer meeting at 14:00 BST, which is 13:00 UTC', () => {
    expect(byUid('2026-06-16-cabinet').startDate.toJSDate().toISOString()).toBe('2026-06-16T13:00:00.000Z');
  });

  it('keeps local times right in another zone, across its own clock changes', () => {
    const council = makeCouncil();
    const newYork = { ...council, site: { ...council.site, timezone: 'America/New_York' } };
    const utc = (ics: string) => events(ics).map((e) => e.startDate.toJSDate().toISOString());
    expect(utc(calendar(newYork, absolute, 'NY', newYork.meetings.slice(0, 3)))).toEqual([
      '2026-06-16T18:00:00.000Z',
      '2026-10-27T18:00:00.000Z', // US summer time lasts until 1 November
      '2026-11-05T19:00:00.000Z',
    ]);
    const kolkata = { ...council, site: { ...council.site, timezone: 'Asia/Kolkata' } };
    expect(utc(calendar(kolkata, absolute, 'IN', kolkata.meetings.slice(0, 1)))).toEqual(['2026-06-16T08:30:00.000Z']);
  });

  it('marks a cancelled meeting CANCELLED and the others CONFIRMED', () => {
    expect(byUid('2026-11-05-full-council').component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(byUid('2026-10-27-cabinet').component.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('makes a meeting without a time an all-day event', () => {
    const event = byUid('2026-12-10-full-council');
    expect(event.startDate.isDate).toBe(true);
    expect(event.endDate.toString()).toBe('2026-12-11');
  });

  it('links each event to its meeting page and takes DTSTAMP from the content', () => {
    const event = byUid('2026-10-27-cabinet').component;
    expect(event.getFirstPropertyValue('url')).toBe(absolute('/meetings/2026-10-27-cabinet/'));
    expect(String(event.getFirstPropertyValue('dtstamp'))).toBe('2026-10-27T14:00:00Z');
  });

  it('keeps Welsh letters and punctuation in text values', () => {
    const event = byUid('2026-06-16-cabinet');
    expect(event.location).toBe('Siambr y Cyngor, Neuadd y Sir');
    expect(event.description).toContain(`1. ${WELSH_TITLE}`);
  });

  it('lists an exempt item by number and title only', () => {
    expect(byUid('2026-10-27-cabinet').description).toContain('3. Disposal of land at Aberllys');
    expect(all).not.toContain(SECRET);
  });

  it('ends lines with CRLF and keeps every line within 75 octets', () => {
    expect(all.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = all.split('\r\n');
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l)))).toBeLessThanOrEqual(75);
  });

  it('folds a long Welsh line without splitting a letter', () => {
    const line = `SUMMARY:${'ŵ'.repeat(60)}`;
    const folded = foldLine(line);
    expect(folded.split('\r\n').every((l) => Buffer.byteLength(l) <= 75 && !l.includes('\uFFFD'))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});
