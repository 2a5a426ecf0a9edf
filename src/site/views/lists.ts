import type { Council, Lang, Meeting, OpenItem } from '../../model/types.ts';
import { decidedItems, registerPages, type RegisterPage } from './decisions.ts';
import { recentMeetings, upcomingMeetings } from './meetings.ts';

/** What the list pages show besides the council itself, worked out once per language: their keys and their templates read the same. */
export interface ListViews {
  upcoming: Meeting[];
  recent: Meeting[];
  decided: OpenItem[];
  registerPages: RegisterPage[];
}

export function listViews(council: Council, lang: Lang): ListViews {
  const decided = decidedItems(council);
  return { upcoming: upcomingMeetings(council), recent: recentMeetings(council), decided, registerPages: registerPages(council, lang, decided) };
}
