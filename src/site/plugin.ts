import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { councilIn, urlsIn } from '../model/localise.ts';
import { indexOf, siteLanguages } from '../model/queries.ts';
import type { AgendaItem, Committee, Lang, Meeting } from '../model/types.ts';
import { inLanguage, languageOfUrl } from '../model/urls.ts';
import { addToCalendarHref, alternatesFor, type AlternatePage } from '../opendata/alternates.ts';
import { meetingJsonLd } from '../opendata/json-ld.ts';
import { brandColour } from './filters/colour.ts';
import { clockTime, localTime, longDate, mediumDate, monthName, startAttribute } from './filters/dates.ts';
import { builtFileSize, fileType, humanSize } from './filters/sizes.ts';
import { excerpt } from './filters/excerpt.ts';
import { pageHtml } from './filters/markdown.ts';
import { pageTitle } from './filters/title.ts';
import { getBuildContext, getPageLanguage } from './handoff.ts';
import { translate, type Params } from './locales/index.ts';
import { LAYOUTS_DIR, PUBLIC_DIR } from './paths.ts';
import { breadcrumbs, type PageOf } from './views/breadcrumbs.ts';
import { decidedItems, registerPages } from './views/decisions.ts';
import { itemTypeLabel, neighbours } from './views/items.ts';
import { meetingsByMonth, meetingsByYear, recentMeetings, upcomingMeetings } from './views/meetings.ts';
import { committeeName, nameIn, nameLang } from './views/names.ts';
import { titleFor, type TitleData } from './views/titles.ts';

/* Eleventy's config API is untyped JavaScript; this is the part we use. */
interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (this: FilterThis, ...args: any[]) => unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  setTemplateFormats(formats: string[]): void;
  setQuietMode(quiet: boolean): void;
  ignores: { add(glob: string): void };
}

/** What Eleventy binds `this` to in a Nunjucks filter: the page's data is `ctx`. */
interface FilterThis {
  ctx?: { lang?: Lang };
}

/**
 * The Content-Security-Policy of every page: scripts and styles only from files of this site, so
 * no content text can ever run or restyle a page. JSON-LD blocks are data and never executed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const shortHash = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 10);

/**
 * The Minutebook Eleventy plugin: the council model, the build's assets and page views as global
 * data, the filters templates use, and public/ copied to the site root. Pages live in layouts/.
 */
export default function minutebookPlugin(config: EleventyConfig): void {
  const ctx = getBuildContext();
  if (!ctx) throw new Error('Run Eleventy through `minutebook build`, which reads and validates content/ first');
  // One Eleventy run per language (src/site/index.ts): this run's pages show the council in `lang`.
  const lang = getPageLanguage();
  const council = councilIn(ctx.council, lang);
  const { outDir } = ctx;
  const index = indexOf(council);
  const zone = council.site.timezone;
  const langOf = (self: FilterThis): Lang => self?.ctx?.lang ?? lang;

  config.setQuietMode(true);
  config.setTemplateFormats(['njk']);
  if (lang === 'en') {
    config.addPassthroughCopy({ [path.relative(process.cwd(), PUBLIC_DIR) || '.']: '/' });
  } else {
    // Files that are the same in every language are written once, by the English run.
    config.ignores.add(path.join(path.relative(process.cwd(), LAYOUTS_DIR) || '.', 'brand-css.njk'));
  }

  config.addGlobalData('council', council);
  config.addGlobalData('assets', Object.fromEntries(ctx.assets));
  config.addGlobalData('lang', lang);
  config.addGlobalData('languages', siteLanguages(council.site));
  config.addGlobalData('urls', urlsIn(lang));
  config.addGlobalData('csp', CONTENT_SECURITY_POLICY);
  const colour = brandColour(council.site.colour);
  config.addGlobalData('brand', { colour, logo: council.site.logo ?? '/images/logo.svg' });
  // Stylesheet links carry a hash of their content, so browsers fetch a changed stylesheet at once.
  config.addGlobalData('styles', {
    site: `/css/site.css?v=${shortHash(readFileSync(path.join(PUBLIC_DIR, 'css/site.css')))}`,
    brand: `/css/brand.css?v=${shortHash(colour)}`,
  });
  // Pages without a `kind` (the search page) keep the title their front matter gives.
  config.addGlobalData('eleventyComputed', { title: (data: TitleData & { title?: string }) => titleFor(council, data) ?? data.title });
  config.addGlobalData('upcoming', upcomingMeetings(council));
  config.addGlobalData('recent', recentMeetings(council));
  config.addGlobalData('meetingMonths', meetingsByMonth(council.meetings));
  config.addGlobalData('decided', decidedItems(council));
  config.addGlobalData('registerPages', registerPages(council, lang));

  // Text
  config.addFilter('t', function (key: string, params?: Params) {
    return translate(langOf(this), key, params);
  });
  /** Text in another language than the page's: the language switch names the other language in itself. */
  config.addFilter('tIn', (key: string, other: Lang, params?: Params) => translate(other, key, params));
  /** `{{ text | markdown(1) }}` for markdown placed under the page's <h1> rather than an <h2>. */
  config.addFilter('markdown', function (source: string, under = 2) {
    return pageHtml(source ?? '', langOf(this), under);
  });
  config.addFilter('pageTitle', function (title: string, councilName: string) {
    return pageTitle(title, councilName, langOf(this));
  });
  config.addFilter('named', function (record: { name: string; nameCy?: string }) {
    return nameIn(record, langOf(this));
  });
  /** ` lang="en"` for a name shown in English on a Welsh page because it has no Welsh name. */
  config.addFilter('nameLang', function (record: { name: string; nameCy?: string } | string) {
    const r = typeof record === 'string' ? council.committees.find((c) => c.slug === record) : record;
    const other = r ? nameLang(r, langOf(this)) : undefined;
    return other ? ` lang="${other}"` : '';
  });
  config.addFilter('committeeName', function (slug: string) {
    return committeeName(council, slug, langOf(this));
  });
  config.addFilter('itemType', function (item: AgendaItem) {
    return itemTypeLabel(council, item, langOf(this));
  });

  // Dates and sizes
  config.addFilter('longDate', function (iso: string) {
    return longDate(iso, langOf(this));
  });
  config.addFilter('mediumDate', function (iso: string) {
    return mediumDate(iso, langOf(this));
  });
  config.addFilter('monthName', function (yearMonth: string) {
    return monthName(yearMonth, langOf(this));
  });
  config.addFilter('meetingTime', function (m: Meeting) {
    return m.start ? clockTime(localTime(m.start, zone), langOf(this)) : m.time ? clockTime(m.time, langOf(this)) : '';
  });
  config.addFilter('meetingDatetime', (m: Meeting) => (m.start ? startAttribute(m.start, zone) : m.date));
  /** "(CSV, 494 bytes)": an attachment's type and size. */
  config.addFilter('fileLabel', function (url: string, bytes: number) {
    const size = humanSize(bytes, langOf(this));
    const type = fileType(url);
    return type ? translate(langOf(this), 'size.file', { type, size }) : size;
  });
  /** The size of a file an earlier stage wrote (a PDF), or '' while it does not exist. */
  config.addFilter('builtSize', function (url: string) {
    const bytes = builtFileSize(outDir, url);
    return bytes === undefined ? '' : humanSize(bytes, langOf(this));
  });

  // Model lookups
  config.addFilter('committee', (slug: string) => index.committee(slug));
  config.addFilter('meeting', (slug: string) => index.meeting(slug));
  config.addFilter('item', (id: string) => index.item(id));
  config.addFilter('itemsOf', (meetingSlug: string) => index.itemsOf(index.meeting(meetingSlug)));
  config.addFilter('issue', (slug: string) => council.issues.find((i) => i.slug === slug));
  config.addFilter('neighbours', (item: AgendaItem) => neighbours(council, item));
  config.addFilter('meetingsByYear', (c: Committee) => meetingsByYear(index.meetingsOf(c)));
  config.addFilter('where', (list: Record<string, unknown>[], key: string, value: unknown) => list.filter((x) => x[key] === value));
  config.addFilter('excerpt', (text: string) => excerpt(text, 160));
  config.addFilter('take', (list: unknown[], n: number) => list.slice(0, n));
  config.addFilter('breadcrumbs', function (page: PageOf) {
    return breadcrumbs(council, page, langOf(this));
  });

  // Open data on pages
  config.addFilter('alternates', function (page: AlternatePage) {
    return alternatesFor(council, page, langOf(this));
  });
  config.addFilter('calendarHref', function (slug: string) {
    return addToCalendarHref(council, slug, langOf(this));
  });

  // Languages
  /** The same page in each of the site's languages, for the switch and `hreflang` links. */
  config.addFilter('counterparts', (pageUrl: string) => {
    const { url } = languageOfUrl(pageUrl);
    return siteLanguages(council.site).map((l) => ({ lang: l, url: inLanguage(url, l) }));
  });
  /** The language of a site-relative URL: a PDF linked from a page may be in another (pdfLanguage). */
  config.addFilter('urlLang', (url: string) => languageOfUrl(url).lang);
  /** An absolute URL when the site's address is known (hreflang links want one), else site-relative. */
  config.addFilter('absoluteUrl', (url: string) => (council.site.baseUrl ? council.site.baseUrl + url : url));
  config.addFilter('jsonLd', function (m: Meeting) {
    return meetingJsonLd(council, m, langOf(this));
  });
}
