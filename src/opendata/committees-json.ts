import type { Council } from '../model/types.ts';
import { urls } from '../model/urls.ts';
import type { CommitteeJson } from './schemas.ts';
import { jsonFile } from './json.ts';

/** /api/committees.json: every committee, by name; feed and calendar only when they are published. */
export function committeesJsonFile(council: Council): string {
  const published = Boolean(council.site.baseUrl);
  const committees: CommitteeJson[] = council.committees.map((c) => ({
    slug: c.slug,
    name: c.name,
    name_cy: c.nameCy ?? null,
    category: c.category,
    url: c.url,
    meetings: [...c.meetings],
    feed: published ? urls.feed.committee(c.slug) : null,
    calendar: published ? urls.calendar.committee(c.slug) : null,
  }));
  return jsonFile(committees);
}
