import type { Council } from '../model/types.ts';
import { indexOf } from '../model/queries.ts';
import type { MeetingJson } from './schemas.ts';
import { jsonFile } from './json.ts';

/** /api/meetings.json: every meeting, oldest first, with its agenda (numbers and titles only). */
export function meetingsJsonFile(council: Council): string {
  const index = indexOf(council);
  const meetings: MeetingJson[] = council.meetings.map((m) => ({
    slug: m.slug,
    committee: m.committee,
    date: m.date,
    time: m.time ?? null,
    start: m.start ?? null,
    venue: m.venue ?? null,
    status: m.status,
    url: m.url,
    pack: m.pack,
    attendees: [...m.attendees],
    apologies: [...m.apologies],
    items: index.itemsOf(m).map((i) => ({ item: i.item, title: i.title, exempt: i.exempt, url: i.url })),
  }));
  return jsonFile(meetings);
}
