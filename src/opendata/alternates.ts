import type { Council } from '../model/types.ts';
import { indexOf } from '../model/queries.ts';
import { urls } from '../model/urls.ts';
import { issueBySlug } from './issues.ts';

/** A `<link rel="alternate" type="…" href="…" title="…">` for a page's head. */
export interface Alternate {
  href: string;
  type: 'application/atom+xml' | 'text/calendar';
  title: string;
}

export type AlternatePage =
  | { kind: 'home' | 'decisions' }
  | { kind: 'committee' | 'issue' | 'meeting'; slug: string };

/**
 * The feeds and calendars that belong on a page, as site-relative links. Empty when the site has
 * no base_url, because feeds and calendars are then not published (see docs/open-data.md).
 */
export function alternatesFor(council: Council, page: AlternatePage): Alternate[] {
  if (!council.site.baseUrl) return [];
  const index = indexOf(council);
  const atom = 'application/atom+xml' as const;
  const ics = 'text/calendar' as const;
  switch (page.kind) {
    case 'home':
    case 'decisions':
      return [
        { href: urls.feed.decisions(), type: atom, title: `${council.site.name}: decisions` },
        { href: urls.calendar.all(), type: ics, title: `${council.site.name}: meetings` },
      ];
    case 'committee': {
      const c = index.committee(page.slug);
      return [
        { href: urls.feed.committee(c.slug), type: atom, title: `${c.name}: decisions` },
        { href: urls.calendar.committee(c.slug), type: ics, title: `${c.name}: meetings` },
      ];
    }
    case 'issue': {
      const issue = issueBySlug(council, page.slug);
      return issue ? [{ href: urls.feed.issue(issue.slug), type: atom, title: issue.title }] : [];
    }
    case 'meeting': {
      const m = index.meeting(page.slug);
      const c = index.committee(m.committee);
      return [
        { href: urls.feed.committee(c.slug), type: atom, title: `${c.name}: decisions` },
        { href: urls.calendar.meeting(m.slug), type: ics, title: `${c.name}, ${m.date}` },
      ];
    }
  }
}

/** The "Add to calendar" link of a meeting page (a one-event .ics), or undefined when calendars are not published. */
export function addToCalendarHref(council: Council, meetingSlug: string): string | undefined {
  return council.site.baseUrl ? urls.calendar.meeting(indexOf(council).meeting(meetingSlug).slug) : undefined;
}
