import { describe, expect, it } from 'vitest';
import { addToCalendarHref, alternatesFor } from '../../src/opendata/alternates.ts';
import { meetingJsonLd } from '../../src/opendata/json-ld.ts';
import { atomFeeds } from '../../src/opendata/atom.ts';
import { calendars } from '../../src/opendata/icalendar.ts';
import { absolute, makeCouncil } from './factory.ts';

const council = makeCouncil();
const published = new Set([...atomFeeds(council, absolute).keys(), ...calendars(council, absolute).keys()]);

describe('links from pages to feeds and calendars', () => {
  it('offers the matching feed and calendar on each kind of page, all of which are published', () => {
    const pages = [
      { kind: 'home' },
      { kind: 'decisions' },
      { kind: 'committee', slug: 'cabinet' },
      { kind: 'issue', slug: 'gwyl-ddewi' },
      { kind: 'meeting', slug: '2026-10-27-cabinet' },
    ] as const;
    for (const page of pages) {
      const links = alternatesFor(council, page);
      expect(links.length, page.kind).toBeGreaterThan(0);
      for (const link of links) expect(published.has(link.href), link.href).toBe(true);
    }
    expect(alternatesFor(council, { kind: 'committee', slug: 'cabinet' }).map((l) => l.type)).toEqual(['application/atom+xml', 'text/calendar']);
  });

  it('offers nothing when the site has no base URL, since feeds are then not published', () => {
    const bare = makeCouncil({ baseUrl: null });
    expect(alternatesFor(bare, { kind: 'home' })).toEqual([]);
    expect(addToCalendarHref(bare, '2026-10-27-cabinet')).toBeUndefined();
  });

  it('links a meeting page to its own one-event calendar', () => {
    expect(addToCalendarHref(council, '2026-10-27-cabinet')).toBe('/calendar/meetings/2026-10-27-cabinet.ics');
  });
});

describe('schema.org JSON-LD for meeting pages', () => {
  it('describes the meeting as an Event with its start, status, place and page', () => {
    const cancelled = council.meetings.find((m) => m.status === 'cancelled')!;
    expect(JSON.parse(meetingJsonLd(council, cancelled))).toMatchObject({
      '@type': 'Event',
      name: 'Full Council, 2026-11-05',
      startDate: '2026-11-05T14:00:00+00:00',
      eventStatus: 'https://schema.org/EventCancelled',
      location: { '@type': 'Place', name: 'Siambr y Cyngor, Neuadd y Sir' },
      url: absolute('/meetings/2026-11-05-full-council/'),
    });
  });

  it('cannot close the script element it is placed in', () => {
    const evil = makeCouncil();
    evil.meetings[0] = { ...evil.meetings[0]!, venue: '</script><script>alert(1)</script> & more' };
    const json = meetingJsonLd(evil, evil.meetings[0]!);
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json).location.name).toBe('</script><script>alert(1)</script> & more');
  });
});
