import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { urlsIn } from '../model/localise.ts';
import { indexOf, siteLanguages, type CouncilIndex } from '../model/queries.ts';
import type { AgendaItem, Committee, Council, Lang, Meeting } from '../model/types.ts';
import { inLanguage, languageOfUrl } from '../model/urls.ts';
import { addToCalendarHref, alternatesFor, type AlternatePage } from '../opendata/alternates.ts';
import { meetingJsonLd } from '../opendata/json-ld.ts';
import { brandColour } from './filters/colour.ts';
import { clockTime, localTime, longDate, mediumDate, monthName, startAttribute } from './filters/dates.ts';
import { builtFileSize, fileType, humanSize } from './filters/sizes.ts';
import { excerpt } from './filters/excerpt.ts';
import { pageHtml } from './filters/markdown.ts';
import { pageTitle } from './filters/title.ts';
import { getBuildContext, getPageLanguage, getPagePlan } from './handoff.ts';
import { translate, type Params } from './locales/index.ts';
import { LAYOUTS_DIR, PUBLIC_DIR } from './paths.ts';
import { breadcrumbs, type PageOf } from './views/breadcrumbs.ts';
import { itemTypeLabel, neighbours } from './views/items.ts';
import { meetingsByMonth, meetingsByYear } from './views/meetings.ts';
import { committeeName, nameIn, nameLang } from './views/names.ts';
import { titleFor, type TitleData } from './views/titles.ts';

/* Eleventy's config API is untyped JavaScript; this is the part we use. */
interface EleventyConfig {
  benchmarks?: { config?: { setIsVerbose?(verbose: boolean): void } };
  addTransform(name: string, fn: (this: any, content: string) => string): void;
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

/** What filters read of the Eleventy run in progress. */
interface Run {
  council: Council;
  index: CouncilIndex;
  outDir: string;
  zone: string;
  lang: Lang;
  /** Called as each item, meeting or issue page is written, for the progress line. */
  onPage?: (() => void) | undefined;
}
const RUN = Symbol.for('minutebook.eleventy-run');
/**
 * The run in progress. Eleventy keeps the filters an earlier run registered in the same process
 * (a second language, `minutebook serve` rebuilding, tests), so a filter that closed over its own
 * run's model would answer from a stale one: filters read the model from here, at call time.
 */
const current = (): Run => (globalThis as Record<symbol, unknown>)[RUN] as Run;

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
  const plan = getPagePlan();
  if (!plan) throw new Error('Run Eleventy through the pages stage (src/site/index.ts), which plans what each run renders');
  const { council, views } = plan;
  const { outDir } = ctx;
  const index = indexOf(council);
  const zone = council.site.timezone;
  (globalThis as Record<symbol, unknown>)[RUN] = { council, index, outDir, zone, lang, onPage: plan.onPage } satisfies Run;
  const langOf = (self: FilterThis): Lang => self?.ctx?.lang ?? current().lang;

  config.setQuietMode(true);
  // Eleventy makes its filter-timing group before quiet mode applies, so "[11ty] Benchmark …"
  // warnings reached the build log; an officer has no use for them.
  config.benchmarks?.config?.setIsVerbose?.(false);
  config.setTemplateFormats(['njk']);
  // Only the templates with a page to render: the others' pages are unchanged (see index.ts).
  // public/ is copied by the pages stage, not by Eleventy.
  for (const file of readdirSync(LAYOUTS_DIR)) {
    if (file.endsWith('.njk') && !plan.templates.has(file)) config.ignores.add(path.join(path.relative(process.cwd(), LAYOUTS_DIR) || '.', file));
  }

  // Count item, meeting and issue pages as they are written, for the build's progress line.
  config.addTransform('minutebook-progress', function (this: { page?: { inputPath?: string } }, content: string) {
    if (/(?:item|meeting|issue)\.njk$/.test(this.page?.inputPath ?? '')) current().onPage?.();
    return content;
  });
  config.addGlobalData('council', council);
  // The records whose pages this run renders (the others are unchanged: see index.ts).
  config.addGlobalData('pages', plan.selection);
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
  config.addGlobalData('eleventyComputed', { title: (data: TitleData & { title?: string }) => titleFor(current().council, data) ?? data.title });
  config.addGlobalData('upcoming', views.upcoming);
  config.addGlobalData('recent', views.recent);
  config.addGlobalData('meetingMonths', meetingsByMonth(council.meetings));
  config.addGlobalData('decided', views.decided);
  config.addGlobalData('registerPages', views.registerPages);

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
    const r = typeof record === 'string' ? current().council.committees.find((c) => c.slug === record) : record;
    const other = r ? nameLang(r, langOf(this)) : undefined;
    return other ? ` lang="${other}"` : '';
  });
  config.addFilter('committeeName', function (slug: string) {
    return committeeName(current().council, slug, langOf(this));
  });
  config.addFilter('itemType', function (item: AgendaItem) {
    return itemTypeLabel(current().council, item, langOf(this));
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
    return m.start ? clockTime(localTime(m.start, current().zone), langOf(this)) : m.time ? clockTime(m.time, langOf(this)) : '';
  });
  config.addFilter('meetingDatetime', (m: Meeting) => (m.start ? startAttribute(m.start, current().zone) : m.date));
  /** "(CSV, 494 bytes)": an attachment's type and size. */
  config.addFilter('fileLabel', function (url: string, bytes: number) {
    const size = humanSize(bytes, langOf(this));
    const type = fileType(url);
    return type ? translate(langOf(this), 'size.file', { type, size }) : size;
  });
  /** The size of a file an earlier stage wrote (a PDF), or '' while it does not exist. */
  config.addFilter('builtSize', function (url: string) {
    const bytes = builtFileSize(current().outDir, url);
    return bytes === undefined ? '' : humanSize(bytes, langOf(this));
  });

  // Model lookups
  config.addFilter('committee', (slug: string) => current().index.committee(slug));
  config.addFilter('meeting', (slug: string) => current().index.meeting(slug));
  config.addFilter('item', (id: string) => current().index.item(id));
  config.addFilter('itemsOf', (meetingSlug: string) => current().index.itemsOf(current().index.meeting(meetingSlug)));
  config.addFilter('issue', (slug: string) => current().council.issues.find((i) => i.slug === slug));
  config.addFilter('neighbours', (item: AgendaItem) => neighbours(current().council, item));
  config.addFilter('meetingsByYear', (c: Committee) => meetingsByYear(current().index.meetingsOf(c)));
  config.addFilter('where', (list: Record<string, unknown>[], key: string, value: unknown) => list.filter((x) => x[key] === value));
  config.addFilter('excerpt', (text: string) => excerpt(text, 160));
  config.addFilter('take', (list: unknown[], n: number) => list.slice(0, n));
  config.addFilter('breadcrumbs', function (page: PageOf) {
    return breadcrumbs(current().council, page, langOf(this));
  });

  // Open data on pages
  config.addFilter('alternates', function (page: AlternatePage) {
    return alternatesFor(current().council, page, langOf(this));
  });
  config.addFilter('calendarHref', function (slug: string) {
    return addToCalendarHref(current().council, slug, langOf(this));
  });

  // Languages
  /** The same page in each of the site's languages, for the switch and `hreflang` links. */
  config.addFilter('counterparts', (pageUrl: string) => {
    const { url } = languageOfUrl(pageUrl);
    return siteLanguages(current().council.site).map((l) => ({ lang: l, url: inLanguage(url, l) }));
  });
  /** The language of a site-relative URL: a PDF linked from a page may be in another (pdfLanguage). */
  config.addFilter('urlLang', (url: string) => languageOfUrl(url).lang);
  /** An absolute URL when the site's address is known (hreflang links want one), else site-relative. */
  config.addFilter('absoluteUrl', (url: string) => (current().council.site.baseUrl ? current().council.site.baseUrl + url : url));
  config.addFilter('jsonLd', function (m: Meeting) {
    return meetingJsonLd(current().council, m, langOf(this));
  });
}
