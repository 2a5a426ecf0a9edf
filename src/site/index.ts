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
export const pagesStage: OutputStage = {
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
        const sort = async <T>(pages: Map<T, KeyedPage>, into: T[]) => {
          for (const [record, page] of pages) {
            if (await memory.reuse(page.path, page.key)) reused++;
            else {
              into.push(record);
              rendered.push(page);
            }
          }
        };
        await sort(keys.items, selection.items);
        await sort(keys.meetings, selection.meetings);
        await sort(keys.issues, selection.issues);

        setPageLanguage(lang);
        setPagePlan({ council, selection });
        const eleventy = new Eleventy(LAYOUTS_DIR, ctx.outDir, { quietMode: true, configPath: ELEVENTY_CONFIG });
        eleventy.disableLogger();
        await eleventy.write();
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
