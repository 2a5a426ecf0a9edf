import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BuildContext } from '../build/context.ts';
import { indexOf } from '../model/queries.ts';
import type { AgendaItem, Council, Issue, Lang, Meeting } from '../model/types.ts';
import { outputPathOf } from '../model/urls.ts';
import { builtFileSize } from './filters/sizes.ts';
import { PROJECT_ROOT } from './paths.ts';

const sha = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/** JSON of model records as pages see them: paths on the build machine are never shown, so they are left out. */
const json = (value: unknown) => JSON.stringify(value, (key, v: unknown) => (key === 'sourcePath' || key === 'source' ? undefined : v));

let code: string | undefined;

/**
 * A fingerprint of everything besides the content that can change a page: every source file of
 * the project (not only src/site: templates call into the model and open-data helpers), the
 * templates, public/ and the versions of Eleventy, Nunjucks and markdown-it. Any change renders
 * every page again.
 */
export function codeFingerprint(): string {
  if (code) return code;
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) hash.update(path.relative(PROJECT_ROOT, full)).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  for (const dir of ['src', 'layouts', 'public']) walk(path.join(PROJECT_ROOT, dir));
  const require = createRequire(import.meta.resolve('@11ty/eleventy'));
  for (const name of ['@11ty/eleventy/package.json', 'nunjucks/package.json', 'markdown-it/package.json']) {
    try {
      hash.update(`${name}@${(require(name) as { version: string }).version}\0`);
    } catch {
      hash.update(`${name}@?\0`);
    }
  }
  code = hash.digest('hex');
  return code;
}

/** What one language's pages render: the pages of these items, meetings and issues (all, or the changed ones). */
export interface PageSelection {
  items: AgendaItem[];
  meetings: Meeting[];
  issues: Issue[];
}

/** A page whose output can be told unchanged by its key. */
export interface KeyedPage {
  /** Output path inside the site (no leading slash). */
  path: string;
  key: string;
}

/**
 * The key of every item, meeting and issue page of `council` (already in the pages' language): a
 * hash of everything the page can show. A page shows its own record and mentions others (an item
 * its meeting's agenda, the items it was referred from and to, its issue's items), and it shows each
 * mentioned item with its meeting and committee, so its key covers the whole "meeting group" (the
 * meeting, its committee and every item on its agenda) of every item it mentions, the issue records
 * it mentions, the sizes of the PDFs it links, and what every page shares (site settings, committee
 * names, languages, the code). Over-wide on purpose: an edit re-renders a few pages too many,
 * never one too few. Pages of lists (home, registers, committees) are not keyed: they are rendered
 * on every build.
 */
export function pageKeys(council: Council, lang: Lang, ctx: Pick<BuildContext, 'outDir' | 'assets'>): { items: Map<AgendaItem, KeyedPage>; meetings: Map<Meeting, KeyedPage>; issues: Map<Issue, KeyedPage> } {
  const index = indexOf(council);
  const issues = new Map(council.issues.map((i) => [i.slug, i]));
  // The search index's address changes with every edit and only the search page shows it.
  const assets = [...ctx.assets].filter(([name]) => !name.startsWith('search-index')).sort();
  const shared = sha(
    codeFingerprint(),
    lang,
    json(council.site),
    json(council.committees.map(({ meetings: _m, ...c }) => c)),
    JSON.stringify(assets),
  );

  const groups = new Map<string, string>();
  const groupOf = (slug: string) => {
    let hash = groups.get(slug);
    if (hash === undefined) {
      const meeting = index.meeting(slug);
      const { meetings: _m, ...committee } = index.committee(meeting.committee);
      hash = sha(json(meeting), json(committee), json(index.itemsOf(meeting)));
      groups.set(slug, hash);
    }
    return hash;
  };
  const size = (url: string) => String(builtFileSize(ctx.outDir, url) ?? '-');

  /** Meetings whose groups an item's mention brings in, and issues it names. */
  const mentions = (item: AgendaItem, meetings: Set<string>, named: Set<string>) => {
    meetings.add(item.meeting);
    if (item.exempt) return;
    if (item.referredFrom?.meeting) meetings.add(item.referredFrom.meeting);
    if (item.referredFrom?.itemId) meetings.add(index.item(item.referredFrom.itemId).meeting);
    for (const to of item.referredTo) meetings.add(to.meeting);
    if (item.issue) {
      named.add(item.issue);
      for (const id of issues.get(item.issue)?.items ?? []) meetings.add(index.item(id).meeting);
    }
  };
  const keyOf = (items: readonly AgendaItem[], extra: string[]) => {
    const meetings = new Set<string>();
    const named = new Set<string>();
    for (const item of items) mentions(item, meetings, named);
    return sha(
      shared,
      ...extra,
      ...[...meetings].sort().map(groupOf),
      ...[...named].sort().map((slug) => json(issues.get(slug) ?? slug)),
      ...items.map((i) => size(i.pdf)),
    );
  };

  return {
    items: new Map(council.items.map((item) => [item, { path: outputPathOf(item.url), key: keyOf([item], ['item']) }])),
    meetings: new Map(
      council.meetings.map((meeting) => [meeting, { path: outputPathOf(meeting.url), key: keyOf(index.itemsOf(meeting), ['meeting', meeting.slug, groupOf(meeting.slug), size(meeting.pack)]) }]),
    ),
    issues: new Map(council.issues.map((issue) => [issue, { path: outputPathOf(issue.url), key: keyOf(issue.items.map(index.item), ['issue', json(issue)]) }])),
  };
}
