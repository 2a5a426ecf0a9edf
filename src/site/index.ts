import Eleventy from '@11ty/eleventy';
import type { OutputStage } from '../build/context.ts';
import { OutputMemory } from '../build/reuse.ts';
import { councilIn } from '../model/localise.ts';
import { siteLanguages } from '../model/queries.ts';
import { setBuildContext, setPageLanguage, setPagePlan } from './handoff.ts';
import { shareNunjucksCompilation } from './nunjucks-cache.ts';
import { pageKeys, type KeyedPage, type PageSelection } from './page-keys.ts';
import { ELEVENTY_CONFIG, LAYOUTS_DIR } from './paths.ts';

/**
 * Renders every HTML page with Eleventy from the layouts in layouts/: once per language of the
 * council, the Welsh pages under /cy/ (see docs/welsh.md). An item, meeting or issue page whose key
 * (src/site/page-keys.ts) is the one the live page was rendered from is taken over from the previous
 * build instead, so an edit renders the pages it can change and the lists.
 */
export interface PagesStageOptions {
  /**
   * Item pages per Eleventy run. Eleventy keeps every page of a run in memory until it has written
   * them all, so a big archive renders in several runs of this many item pages (the first run also
   * renders every other page). Default: MINUTEBOOK_PAGES_PER_RUN, else 4,000.
   */
  itemsPerRun?: number;
}

export function createPagesStage(options: PagesStageOptions = {}): OutputStage {
  const itemsPerRun = options.itemsPerRun ?? (Number(process.env.MINUTEBOOK_PAGES_PER_RUN) || 4000);
  return {
    name: 'pages',
    async run(ctx) {
      shareNunjucksCompilation();
      setBuildContext(ctx);
      const memory = OutputMemory.open(ctx, 'pages');
      try {
        for (const lang of siteLanguages(ctx.council.site)) {
          const council = councilIn(ctx.council, lang);
          const keys = pageKeys(council, lang, ctx);
          const selection: PageSelection = { items: [], meetings: [], issues: [] };
          const rendered: KeyedPage[] = [];
          let reused = 0;
          const sort = <T>(pages: Map<T, KeyedPage>, into: T[]) => {
            for (const [record, page] of pages) {
              if (memory.reuse(page.path, page.key)) reused++;
              else {
                into.push(record);
                rendered.push(page);
              }
            }
          };
          sort(keys.items, selection.items);
          sort(keys.meetings, selection.meetings);
          sort(keys.issues, selection.issues);

          setPageLanguage(lang);
          let written = 0;
          const onPage = () => ctx.progress(`pages (${lang})`, ++written, rendered.length);
          for (let start = 0; start === 0 || start < selection.items.length; start += itemsPerRun) {
            const items = selection.items.slice(start, start + itemsPerRun);
            // The first run renders everything else too; the others only item pages.
            setPagePlan(
              start === 0 ? { council, selection: { ...selection, items }, onPage } : { council, selection: { items, meetings: [], issues: [] }, only: ITEM_TEMPLATE, onPage },
            );
            const eleventy = new Eleventy(LAYOUTS_DIR, ctx.outDir, { quietMode: true, configPath: ELEVENTY_CONFIG });
            eleventy.disableLogger();
            await eleventy.write();
          }
          for (const page of rendered) memory.wrote(page.path, page.key);
          ctx.log(`pages (${lang}): ${rendered.length} item, meeting and issue pages rendered, ${reused} unchanged and reused`);
        }
        memory.save();
      } finally {
        setBuildContext(undefined);
        setPageLanguage('en');
        setPagePlan(undefined);
      }
    },
  };
}

/** The template of item pages, the one later Eleventy runs of a big archive render alone. */
const ITEM_TEMPLATE = 'item.njk';

/** The build's pages stage. */
export const pagesStage: OutputStage = createPagesStage();
