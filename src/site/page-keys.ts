import crypto, { createHash } from 'node:crypto';
import type { BuildContext } from '../build/context.ts';
import { codeFingerprint as sharedFingerprint } from '../build/fingerprint.ts';
import { indexOf, type CouncilIndex } from '../model/queries.ts';
import type { AgendaItem, Committee, Council, Issue, Lang, Meeting } from '../model/types.ts';
import { inLanguage, outputPathOf, urls } from '../model/urls.ts';
import { builtFileSize } from './filters/sizes.ts';
import type { ListViews } from './views/lists.ts';
import type { RegisterPage } from './views/decisions.ts';

/** Node's one-shot hash (20.12 and later), cheaper than a Hash object for the many short inputs here. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'base64url') => string }).hash;

/**
 * A hash of the parts, each followed by NUL (JSON and hashes never hold a NUL): the first 132
 * bits of their SHA-256, 22 characters of base64url. Short because page keys are kept for the next
 * build (OutputMemory) and read back whole; far too wide for two inputs of an archive to meet.
 */
const sha = (...parts: string[]): string => {
  const text = `${parts.join('\0')}\0`;
  return (oneShot ? oneShot('sha256', text, 'base64url') : createHash('sha256').update(text).digest('base64url')).slice(0, HASH_LENGTH);
};
const HASH_LENGTH = 22;

/**
 * A fingerprint of everything besides the content that can change a page: every source file of
 * the project (not only src/site: templates call into the model and open-data helpers), the
 * templates, public/ and the versions of Eleventy, Nunjucks and markdown-it. Any change renders
 * every page again.
 */
export function codeFingerprint(): string {
  return sharedFingerprint({ sources: ['src', 'layouts', 'public'], packages: ['@11ty/eleventy', 'nunjucks', 'markdown-it'] });
}

/** What one language's pages render: the pages of these records (all, or the changed ones). */
export interface PageSelection {
  items: AgendaItem[];
  meetings: Meeting[];
  issues: Issue[];
  committees: Committee[];
  registers: RegisterPage[];
}

/** A page whose output can be told unchanged by its key. */
export interface KeyedPage {
  /** Output path inside the site (no leading slash). */
  path: string;
  key: string;
}

/** Every keyed page of one language: the record pages by record, and the one-page templates by template file. */
export interface PageKeys {
  items: Map<AgendaItem, KeyedPage>;
  meetings: Map<Meeting, KeyedPage>;
  issues: Map<Issue, KeyedPage>;
  committees: Map<Committee, KeyedPage>;
  registers: Map<RegisterPage, KeyedPage>;
  /** Templates of one page each (layouts/<name>), with that page. */
  singles: Map<string, KeyedPage>;
}

/**
 * Templates in layouts/ that write one page each, and its URL in a language (`undefined`: the
 * template is not rendered in that language). A template in layouts/ that is neither here nor a
 * record page (RECORD_TEMPLATES) is rendered on every build.
 */
export const SINGLE_TEMPLATES: Readonly<Record<string, (lang: Lang) => string | undefined>> = {
  'index.njk': (lang) => inLanguage(urls.home(), lang),
  'committees.njk': (lang) => inLanguage(urls.committees(), lang),
  'meetings.njk': (lang) => inLanguage(urls.meetings(), lang),
  'issues.njk': (lang) => inLanguage(urls.issues(), lang),
  'decisions.njk': (lang) => inLanguage(urls.decisions(), lang),
  '404.njk': (lang) => inLanguage(urls.notFound(), lang),
  'search.njk': (lang) => inLanguage(urls.search(), lang),
  // The same in every language: written once, by the English run.
  'brand-css.njk': (lang) => (lang === 'en' ? '/css/brand.css' : undefined),
};

/** `outputPathOf(url)`, without splitting and decoding an address that has nothing to decode (almost every one). */
export function pathOf(url: string): string {
  if (url.includes('%')) return outputPathOf(url);
  const rel = url.startsWith('/') ? url.slice(1) : url;
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}

/** Templates paginated over `pages.<name>` (PageSelection): one page per record this run renders. */
export const RECORD_TEMPLATES: Readonly<Record<keyof PageSelection, string>> = {
  items: 'item.njk',
  meetings: 'meeting.njk',
  issues: 'issue.njk',
  committees: 'committee.njk',
  registers: 'register.njk',
};

/**
 * JSON of a model record as pages see it: paths on the build machine (`sourcePath`, an
 * attachment's `source`) are never shown, so they are left out, and a key stays the same when the
 * content folder moves. Written out rather than with a JSON replacer, which is called for every
 * value of 10,000 items and cost more than the rest of the key. With `texts`, the long Markdown
 * texts (bodies, notes, terms of reference) are pushed there and left out of the JSON, so they can
 * be hashed as they are: escaping them into JSON first doubled the cost of hashing an archive.
 */
function recordJson(record: object, texts?: string[]): string {
  const { sourcePath: _path, attachments, translations, ...plain } = record as Record<string, unknown>;
  if (texts) longTexts(plain, texts);
  if (Array.isArray(attachments)) plain.attachments = attachments.map(({ source: _source, ...attachment }: Record<string, unknown>) => attachment);
  if (translations && typeof translations === 'object') {
    plain.translations = Object.fromEntries(
      Object.entries(translations).map(([lang, { sourcePath: _p, ...words }]) => {
        if (texts) longTexts(words, texts);
        return [lang, words];
      }),
    );
  }
  return JSON.stringify(plain);
}

const LONG_TEXTS = ['body', 'notes', 'termsOfReference'] as const;

/** Move `record`'s long texts to `texts`, leaving `true` where each was (its length goes with the texts). */
function longTexts(record: Record<string, unknown>, texts: string[]): void {
  for (const field of LONG_TEXTS) {
    const text = record[field];
    if (typeof text === 'string') {
      texts.push(text);
      record[field] = true;
    }
  }
}

/**
 * The parts of page keys that do not depend on the language, worked out once per build from the
 * council as written (every language's pages are made from it by code: councilIn): a hash of each
 * "meeting group" (a meeting and every item on its agenda, with their translations), of each
 * issue, and of what each item, meeting and issue page mentions.
 */
export class ContentKeys {
  private readonly index: CouncilIndex;
  private readonly groups = new Map<string, string>();
  private readonly issues: Map<string, Issue>;
  private readonly issueHashes = new Map<string, string>();
  private readonly pages = new Map<string, string>();
  /** JSON of each meeting and item as written, without its long texts (recordJson), by `meeting <slug>` and `item <id>`. */
  private readonly records = new Map<string, string>();
  private readonly recordHashes = new Map<string, string>();

  constructor(council: Council) {
    this.index = indexOf(council);
    this.issues = new Map(council.issues.map((issue) => [issue.slug, issue]));
    for (const meeting of council.meetings) {
      const texts: string[] = [];
      let json = recordJson(meeting, texts);
      this.records.set(`meeting ${meeting.slug}`, json);
      for (const item of this.index.itemsOf(meeting)) {
        const itemJson = recordJson(item, texts);
        this.records.set(`item ${item.id}`, itemJson);
        json += `\n${itemJson}`;
      }
      // The texts' lengths, then the texts as they are: one way only to split them again.
      const hash = createHash('sha256').update(`${json}\0${texts.map((text) => text.length).join(' ')}\0`);
      for (const text of texts) hash.update(text);
      this.groups.set(meeting.slug, hash.digest('base64url').slice(0, HASH_LENGTH));
    }
    for (const issue of council.issues) this.issueHashes.set(issue.slug, sha(JSON.stringify(issue)));
  }

  /**
   * A page shows its own record and mentions others (an item its meeting's agenda, the items it
   * was referred from and to, its issue's items), and it shows each mentioned item with its
   * meeting, so its key covers the whole meeting group of every item it mentions and the issues
   * it names. Over-wide on purpose: an edit re-renders a few pages too many, never one too few.
   */
  private keyOf(id: string, items: readonly AgendaItem[], extra: string[]): string {
    let key = this.pages.get(id);
    if (key !== undefined) return key;
    const meetings = new Set<string>();
    const named = new Set<string>();
    for (const item of items) {
      meetings.add(item.meeting);
      if (item.exempt) continue;
      if (item.referredFrom?.meeting) meetings.add(item.referredFrom.meeting);
      if (item.referredFrom?.itemId) meetings.add(this.index.item(item.referredFrom.itemId).meeting);
      for (const to of item.referredTo) meetings.add(to.meeting);
      if (item.issue) {
        named.add(item.issue);
        for (const other of this.issues.get(item.issue)?.items ?? []) meetings.add(this.index.item(other).meeting);
      }
    }
    key = sha(
      ...extra,
      ...[...meetings].sort().map((slug) => this.groups.get(slug)!),
      ...[...named].sort().map((slug) => this.issueHashes.get(slug) ?? `no issue ${slug}`),
    );
    this.pages.set(id, key);
    return key;
  }

  /**
   * A hash of a record as written without its long texts: what a list shows of it, in any language
   * (a meeting's date, time, venue and status; an item's title, decision and first resolution, in
   * each of its languages), so that editing minutes or notes renders no list again.
   */
  private recordHash(name: string): string {
    let hash = this.recordHashes.get(name);
    if (hash === undefined) {
      const json = this.records.get(name);
      if (json === undefined) throw new Error(`No ${name} in the council model`);
      this.recordHashes.set(name, (hash = sha(json)));
    }
    return hash;
  }

  /** What a list of meetings shows of meeting `slug` (recordHash). */
  listedMeeting(slug: string): string {
    return this.recordHash(`meeting ${slug}`);
  }

  /** What a list of decisions shows of item `id` (recordHash). */
  listedItem(id: string): string {
    return this.recordHash(`item ${id}`);
  }

  item(id: string): string {
    return this.keyOf(`item ${id}`, [this.index.item(id)], ['item', id]);
  }

  meeting(slug: string): string {
    const meeting = this.index.meeting(slug);
    return this.keyOf(`meeting ${slug}`, this.index.itemsOf(meeting), ['meeting', slug, this.groups.get(slug)!]);
  }

  issue(slug: string): string {
    const issue = this.issues.get(slug);
    if (!issue) throw new Error(`No issue "${slug}" in the council model`);
    return this.keyOf(`issue ${slug}`, issue.items.map((id) => this.index.item(id)), ['issue', slug, this.issueHashes.get(slug)!]);
  }
}

/**
 * The key of every keyed page of `council` (already in the pages' language): a hash of everything
 * the page can show. Item, meeting and issue pages: their content key (ContentKeys, from the
 * council as written), the sizes of the PDFs they link and what every page shares (site settings,
 * committees, languages, the published assets, the code). Lists: what every page shares and the
 * records they list, as `views` has them, without the long texts only a record's own page shows
 * (ContentKeys.recordHash). Over-wide on purpose: an edit re-renders a few pages too many, never one too few.
 */
export function pageKeys(
  council: Council,
  lang: Lang,
  ctx: Pick<BuildContext, 'outDir' | 'assets'>,
  content: ContentKeys,
  views: ListViews,
  sizes: Map<string, string> = new Map(),
): PageKeys {
  const index = indexOf(council);
  // The search index's address changes with every edit and only the search page shows it.
  const allAssets = [...ctx.assets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const assets = allAssets.filter(([name]) => !name.startsWith('search-index'));
  const shared = sha(
    codeFingerprint(),
    lang,
    JSON.stringify(council.site),
    council.committees.map(({ meetings: _m, ...c }) => recordJson(c)).join('\n'),
    JSON.stringify(assets),
  );
  /** File sizes by URL, shared by both languages (an item with no Welsh version links the same PDF). */
  const size = (url: string) => {
    let bytes = sizes.get(url);
    if (bytes === undefined) sizes.set(url, (bytes = String(builtFileSize(ctx.outDir, url) ?? '-')));
    return bytes;
  };
  const page = (url: string, ...parts: string[]): KeyedPage => ({ path: pathOf(url), key: sha(shared, ...parts) });

  const listedItems = (items: readonly AgendaItem[]) => items.map((item) => content.listedItem(item.id)).join(' ');
  // A meeting as written, and its address and pack in this language (the pack's language follows its items').
  const listedMeetings = (meetings: readonly Meeting[]) => meetings.map((m) => `${content.listedMeeting(m.slug)} ${m.url} ${m.pack}`).join('\n');
  const registerNav = JSON.stringify(views.registerPages.map((p) => [p.kind, p.key, p.url, p.items.length]));

  const lists: Record<string, () => string[]> = {
    'index.njk': () => [listedMeetings(views.upcoming.slice(0, 5)), listedMeetings(views.recent.slice(0, 5)), listedItems(views.decided.slice(0, 5))],
    'committees.njk': () => [council.committees.map((c) => recordJson(c)).join('\n')],
    'meetings.njk': () => [listedMeetings(council.meetings)],
    'issues.njk': () => [council.issues.map((issue) => `${JSON.stringify(issue)} ${issue.items.length ? index.item(issue.items.at(-1)!).date : ''}`).join('\n')],
    'decisions.njk': () => [registerNav, listedItems(views.decided.slice(0, 20))],
    '404.njk': () => [],
    'search.njk': () => [JSON.stringify(allAssets), council.meetings[0]?.date ?? '', council.meetings.at(-1)?.date ?? ''],
    'brand-css.njk': () => [],
  };
  const singles = new Map<string, KeyedPage>();
  for (const [template, urlIn] of Object.entries(SINGLE_TEMPLATES)) {
    const url = urlIn(lang);
    if (url !== undefined) singles.set(template, page(url, template, ...lists[template]!()));
  }

  return {
    // Item pages are most of a site: their key is its parts side by side (two hashes of fixed length, then
    // the PDF's size), which is as telling as a hash of them and costs none.
    items: new Map(council.items.map((item) => [item, { path: pathOf(item.url), key: `${shared}${content.item(item.id)}${size(item.pdf)}` }])),
    meetings: new Map(
      council.meetings.map((meeting) => [meeting, page(meeting.url, content.meeting(meeting.slug), size(meeting.pack), ...index.itemsOf(meeting).map((i) => size(i.pdf)))]),
    ),
    issues: new Map(council.issues.map((issue) => [issue, page(issue.url, content.issue(issue.slug), ...issue.items.map((id) => size(index.item(id).pdf)))])),
    committees: new Map(
      council.committees.map((committee) => [
        committee,
        page(committee.url, 'committee', recordJson(committee), listedMeetings(index.meetingsOf(committee)), registerNav),
      ]),
    ),
    registers: new Map(views.registerPages.map((register) => [register, page(register.url, 'register', registerNav, register.kind, register.key, listedItems(register.items))])),
    singles,
  };
}
