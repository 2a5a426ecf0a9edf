import type { Council } from '../model/types.ts';
import { urls } from '../model/urls.ts';
import { absoluteFor } from './absolute.ts';
import { atomFeeds } from './atom.ts';
import { committeesJsonFile } from './committees-json.ts';
import { decisionsCsvFile } from './decisions-csv.ts';
import type { FileDigests } from './digest.ts';
import { calendars } from './icalendar.ts';
import { itemsJsonFile } from './items-json.ts';
import { meetingsJsonFile } from './meetings-json.ts';
import { oparlExport } from './oparl/index.ts';
import { robotsTxt } from './robots.ts';
import { sitemapFiles } from './sitemap.ts';

/** What the open-data stage publishes, before the manifest. */
export interface OpenDataFiles {
  /** Content keyed by site-relative URL. */
  files: Map<string, string>;
  /** Outputs left out, with why, for the build log. */
  skipped: string[];
}

/**
 * Every open-data file but the manifest, from the council and the files the earlier stages wrote
 * (`existing`: their digests feed OParl File checksums and feed enclosure sizes; their HTML pages
 * make the sitemap). Feeds, calendars, OParl and the sitemap need absolute URLs, so they are
 * skipped when the site has no base_url.
 */
export function openDataFiles(council: Council, existing: FileDigests): OpenDataFiles {
  const files = new Map<string, string>([
    [urls.api('items.json'), itemsJsonFile(council)],
    [urls.api('meetings.json'), meetingsJsonFile(council)],
    [urls.api('committees.json'), committeesJsonFile(council)],
    [urls.api('decisions.csv'), decisionsCsvFile(council)],
  ]);
  const absolute = absoluteFor(council.site);
  const skipped: string[] = [];
  if (absolute) {
    for (const group of [
      atomFeeds(council, absolute, existing),
      calendars(council, absolute),
      oparlExport(council, absolute, existing),
      sitemapFiles(absolute, existing.keys()),
    ]) {
      for (const [url, content] of group) files.set(url, content);
    }
  } else {
    skipped.push('Atom feeds, iCalendar files, the OParl export and sitemap.xml (they need absolute URLs: set base_url in content/site.yml)');
  }
  files.set('/robots.txt', robotsTxt(absolute));
  return { files, skipped };
}
