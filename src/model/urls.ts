import type { Lang } from './types.ts';

/**
 * Every public URL of a Minutebook site, in one place. These are permanent: a change here breaks
 * links that residents, councillors and other sites already hold. All are site-relative.
 */
export const urls = {
  home: () => '/',
  committees: () => '/committees/',
  committee: (slug: string) => `/committees/${slug}/`,
  meetings: () => '/meetings/',
  meeting: (meeting: string) => `/meetings/${meeting}/`,
  /** The meeting pack: cover page plus every item, with a bookmark per item. */
  meetingPack: (meeting: string) => `/meetings/${meeting}/${meeting}.pdf`,
  item: (meeting: string, item: string) => `/meetings/${meeting}/${item}/`,
  /** An item's PDF sits beside its page folder. */
  itemPdf: (meeting: string, item: string) => `/meetings/${meeting}/${item}.pdf`,
  issues: () => '/issues/',
  issue: (slug: string) => `/issues/${slug}/`,
  decisions: () => '/decisions/',
  /** The decisions register, one page per year and one per committee. */
  decisionsInYear: (year: string) => `/decisions/${year}/`,
  decisionsOfCommittee: (slug: string) => `/decisions/committees/${slug}/`,
  search: () => '/search/',
  /** The page served for an address that does not exist. */
  notFound: () => '/404.html',
  /** Attachment files keep their path inside content/. */
  file: (relativePath: string) => `/files/${relativePath.split('/').map(encodeURIComponent).join('/')}`,
  api: (name: string) => `/api/${name}`,
  feed: {
    decisions: () => '/feeds/decisions.xml',
    committee: (slug: string) => `/feeds/committees/${slug}.xml`,
    issue: (slug: string) => `/feeds/issues/${slug}.xml`,
  },
  calendar: {
    all: () => '/calendar/meetings.ics',
    committee: (slug: string) => `/calendar/committees/${slug}.ics`,
    /** One meeting, for the "Add to calendar" link on its page. */
    meeting: (slug: string) => `/calendar/meetings/${slug}.ics`,
  },
  /** The OParl 1.1 export: static JSON, each object served at its id (see docs/open-data.md). */
  oparl: {
    system: () => '/oparl/system.json',
    /** One object; `key` may hold `/` (an item id) and each segment is percent-encoded. */
    object: (kind: string, key: string) => `/oparl/${kind}/${key.split('/').map(encodeURIComponent).join('/')}.json`,
    /** Page `page` (from 1) of a paginated list. */
    list: (kind: string, page: number) => `/oparl/lists/${kind}/${page}.json`,
  },
} as const;

/** The file path (relative to the output folder, with / separators) that serves a site-relative URL. */
export function outputPathOf(url: string): string {
  // Called for every file of the site on every build: most URLs have nothing to decode.
  const whole = url.includes('%') ? url.split('/').map(decodeURIComponent).join('/') : url;
  const decoded = whole.startsWith('/') ? whole.slice(1) : whole;
  return decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
}

/**
 * The same page in another language. Welsh pages mirror English ones under `/cy/` with the same
 * path after the prefix; English URLs never change (they are permanent). External URLs pass through.
 */
export function inLanguage(url: string, lang: Lang): string {
  if (lang === 'en' || !url.startsWith('/') || url.startsWith('//')) return url;
  return `/cy${url}`;
}

/** The language a site-relative URL belongs to, and the URL without its language prefix. */
export function languageOfUrl(url: string): { lang: Lang; url: string } {
  return url === '/cy' || url.startsWith('/cy/') ? { lang: 'cy', url: url.slice(3) || '/' } : { lang: 'en', url };
}
