import { indexOf } from '../../model/queries.ts';
import type { AgendaItem, Committee, Council, Issue, Lang, Meeting } from '../../model/types.ts';
import { inLanguage, urls } from '../../model/urls.ts';
import { translate } from '../locales/index.ts';
import { longDate } from '../filters/dates.ts';
import { nameIn, nameLang } from './names.ts';

export interface Crumb {
  label: string;
  url: string;
  /** The label's language when it is not the page's (a committee with no Welsh name on a Welsh page). */
  lang?: Lang;
}

/** What a page is, as its layout's front matter says (`kind:`), and the record it shows. */
export interface PageOf {
  kind: string;
  committee?: Committee;
  meeting?: Meeting;
  item?: AgendaItem;
  issue?: Issue;
}

/** The links above a page's heading: its ancestors, home first. The home page has none. */
export function breadcrumbs(council: Council, page: PageOf, lang: Lang): Crumb[] {
  const home = { label: translate(lang, 'nav.home'), url: inLanguage(urls.home(), lang) };
  const committees = { label: translate(lang, 'nav.committees'), url: inLanguage(urls.committees(), lang) };
  const index = indexOf(council);
  const committeeCrumb = (slug: string): Crumb => {
    const c = index.committee(slug);
    const other = nameLang(c, lang);
    return { label: nameIn(c, lang), url: c.url, ...(other && { lang: other }) };
  };
  switch (page.kind) {
    case 'home':
      return [];
    case 'committee':
      return [home, committees];
    case 'meeting':
      return [home, committees, committeeCrumb(page.meeting!.committee)];
    case 'item': {
      const meeting = index.meeting(page.item!.meeting);
      return [home, committees, committeeCrumb(meeting.committee), { label: longDate(meeting.date, lang), url: meeting.url }];
    }
    case 'issue':
      return [home, { label: translate(lang, 'nav.issues'), url: inLanguage(urls.issues(), lang) }];
    case 'register':
      return [home, { label: translate(lang, 'nav.decisions'), url: inLanguage(urls.decisions(), lang) }];
    default:
      return [home];
  }
}
