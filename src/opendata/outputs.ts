import { councilIn } from '../model/localise.ts';
import { siteLanguages } from '../model/queries.ts';
import type { Council } from '../model/types.ts';
import { urls } from '../model/urls.ts';
import { absoluteFor } from './absolute.ts';
import { atomFeeds } from './atom.ts';
import { committeesJsonFile } from './committees-json.ts';
import { decisionsCsvFile } from './decisions-csv.ts';
import type { FileDigests } from './digest.ts';
import type { InputMemory, OpenDataFile } from './kept.ts';
import { calendars } from './icalendar.ts';
import { itemsJsonFile } from './items-json.ts';
import { meetingsJsonFile } from './meetings-json.ts';
import { oparlExport } from './oparl/index.ts';
import { robotsTxt } from './robots.ts';
import { sitemapOutputs } from './sitemap.ts';

/** What the open-data stage publishes, before the manifest. */
export interface OpenDataFiles {
  /** [site-relative URL, content, input key?] triples, produced as they are read (the OParl export is large). */
  files: Iterable<OpenDataFile>;
  /** Outputs left out, with why, for the build log. */
  skipped: string[];
}

/**
 * Every open-data file but the manifest, from the council and the files the earlier stages wrote
 * (`existing`: their digests feed OParl File checksums and feed enclosure sizes; their HTML pages
 * make the sitemap). Feeds, calendars, OParl and the sitemap need absolute URLs, so they are
 * skipped when the site has no base_url. With `inputs` (the stage's memory of what each file was
 * made from), OParl objects whose inputs are unchanged come as Kept instead of made (src/opendata/kept.ts).
 */
export function openDataFiles(council: Council, existing: FileDigests, inputs?: InputMemory): OpenDataFiles {
  const absolute = absoluteFor(council.site);
  function* files(): Generator<OpenDataFile> {
    yield [urls.api('items.json'), itemsJsonFile(council)];
    yield [urls.api('meetings.json'), meetingsJsonFile(council)];
    yield [urls.api('committees.json'), committeesJsonFile(council)];
    yield [urls.api('decisions.csv'), decisionsCsvFile(council)];
    if (absolute) {
      // Feeds and calendars in each of the council's languages (Welsh under /cy/, read from the
      // council as Welsh pages show it); the data files above are one, in the language written.
      for (const lang of siteLanguages(council.site)) {
        const local = councilIn(council, lang);
        yield* atomFeeds(local, absolute, existing, lang);
        yield* calendars(local, absolute, lang);
      }
      yield* oparlExport(council, absolute, existing, inputs);
      yield* sitemapOutputs(absolute, existing.keys(), inputs);
    }
    yield ['/robots.txt', robotsTxt(absolute)];
  }
  const skipped = absolute
    ? []
    : ['Atom feeds, iCalendar files, the OParl export and sitemap.xml (they need absolute URLs: set base_url in content/site.yml)'];
  return { files: files(), skipped };
}
