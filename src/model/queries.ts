import type { AgendaItem, Committee, Council, Meeting, OpenItem } from './types.ts';

/** Lookup tables over a council, built once per council object. */
export interface CouncilIndex {
  committee(slug: string): Committee;
  meeting(slug: string): Meeting;
  item(id: string): AgendaItem;
  /** Items of a meeting in agenda order. */
  itemsOf(meeting: Meeting): AgendaItem[];
  /** Meetings of a committee, oldest first. */
  meetingsOf(committee: Committee): Meeting[];
}

const cache = new WeakMap<Council, CouncilIndex>();

function lookup<T>(map: Map<string, T>, kind: string) {
  return (key: string): T => {
    const found = map.get(key);
    if (found === undefined) throw new Error(`No ${kind} "${key}" in the council model`);
    return found;
  };
}

/** The council's lookup tables (cached: the model is never mutated after loading). */
export function indexOf(council: Council): CouncilIndex {
  const hit = cache.get(council);
  if (hit) return hit;
  const committee = lookup(new Map(council.committees.map((c) => [c.slug, c])), 'committee');
  const meeting = lookup(new Map(council.meetings.map((m) => [m.slug, m])), 'meeting');
  const item = lookup(new Map(council.items.map((i) => [i.id, i])), 'item');
  const index: CouncilIndex = {
    committee,
    meeting,
    item,
    itemsOf: (m) => m.items.map(item),
    meetingsOf: (c) => c.meetings.map(meeting),
  };
  cache.set(council, index);
  return index;
}

/** Whether an item records a decision: a one-line decision or at least one resolution. */
export function isDecided(item: AgendaItem): item is OpenItem {
  return !item.exempt && (item.decision !== undefined || item.resolved.length > 0);
}

/** Compare agenda item numbers: 2 < 5 < 5a < 5b < 10. */
export function compareItemNumbers(a: string, b: string): number {
  const na = parseInt(a, 10);
  const nb = parseInt(b, 10);
  if (na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
