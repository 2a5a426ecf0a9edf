import type { AgendaItem, Committee, Council, Issue, Lang, Meeting } from '../../model/types.ts';
import { longDate } from '../filters/dates.ts';
import { translate } from '../locales/index.ts';
import type { RegisterPage } from './decisions.ts';
import { committeeName, nameIn } from './names.ts';

/** The page data a title is made from: the layout's `kind` and the record it shows. */
export interface TitleData {
  kind?: string;
  lang?: Lang;
  committee?: Committee;
  meeting?: Meeting;
  item?: AgendaItem;
  issue?: Issue;
  register?: RegisterPage;
}

const FIXED: Record<string, string> = {
  home: 'home.title',
  committees: 'committees.title',
  meetings: 'meetings.title',
  issues: 'issues.title',
  decisions: 'decisions.title',
  notFound: 'notFound.title',
  search: 'searchPage.title',
};

/**
 * A page's title as plain text (the template escapes it once, where it is written). Computed here
 * rather than in front matter, where Nunjucks would escape it a first time.
 */
export function titleFor(council: Council, data: TitleData): string | undefined {
  const lang = data.lang ?? 'en';
  const key = data.kind && FIXED[data.kind];
  if (key) return translate(lang, key);
  switch (data.kind) {
    case 'committee':
      return nameIn(data.committee!, lang);
    case 'meeting':
      return translate(lang, 'meeting.title', {
        committee: committeeName(council, data.meeting!.committee, lang),
        date: longDate(data.meeting!.date, lang),
      });
    case 'item':
      return data.item!.title;
    case 'issue':
      return data.issue!.title;
    case 'register':
      return data.register!.kind === 'year'
        ? translate(lang, 'decisions.yearTitle', { year: data.register!.key })
        : translate(lang, 'decisions.committeeTitle', { committee: committeeName(council, data.register!.key, lang) });
    default:
      return undefined;
  }
}
