import type { Council, Lang } from '../model/types.ts';
import { indexOf } from '../model/queries.ts';
import { inLanguage, urls } from '../model/urls.ts';
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
export function alternatesFor(council: Council, page: AlternatePage, lang: Lang = 'en'): Alternate[] {
  if (!council.site.baseUrl) return [];
  return alternatesIn(council, page, lang).map((a) => ({ ...a, href: inLanguage(a.href, lang) }));
}

/** Feed and calendar titles, in each language the site publishes in. */
const WORDS: Record<Lang, { decisions: string; meetings: string }> = {
  en: { decisions: 'decisions', meetings: 'meetings' },
  cy: { decisions: 'penderfyniadau', meetings: 'cyfarfodydd' },
};

function alternatesIn(council: Council, page: AlternatePage, lang: Lang): Alternate[] {
  const index = indexOf(council);
  const words = WORDS[lang];
  const named = (r: { name: string; nameCy?: string }) => (lang === 'cy' && r.nameCy) || r.name;
  const atom = 'application/atom+xml' as const;
  const ics = 'text/calendar' as const;
  switch (page.kind) {
    case 'home':
    case 'decisions':
      return [
        { href: urls.feed.decisions(), type: atom, title: `${named(council.site)}: ${words.decisions}` },
        { href: urls.calendar.all(), type: ics, title: `${named(council.site)}: ${words.meetings}` },
      ];
    case 'committee': {
      const c = index.committee(page.slug);
      return [
        { href: urls.feed.committee(c.slug), type: atom, title: `${named(c)}: ${words.decisions}` },
        { href: urls.calendar.committee(c.slug), type: ics, title: `${named(c)}: ${words.meetings}` },
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
        { href: urls.feed.committee(c.slug), type: atom, title: `${named(c)}: ${words.decisions}` },
        { href: urls.calendar.meeting(m.slug), type: ics, title: `${named(c)}, ${m.date}` },
      ];
    }
  }
}

/** The "Add to calendar" link of a meeting page (a one-event .ics), or undefined when calendars are not published. */
export function addToCalendarHref(council: Council, meetingSlug: string, lang: Lang = 'en'): string | undefined {
  return council.site.baseUrl ? inLanguage(urls.calendar.meeting(indexOf(council).meeting(meetingSlug).slug), lang) : undefined;
}
