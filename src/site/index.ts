import Eleventy from '@11ty/eleventy';
import type { OutputStage } from '../build/context.ts';
import { siteLanguages } from '../model/queries.ts';
import { setBuildContext, setPageLanguage } from './handoff.ts';
import { shareNunjucksCompilation } from './nunjucks-cache.ts';
import { ELEVENTY_CONFIG, LAYOUTS_DIR } from './paths.ts';

/**
 * Renders every HTML page with Eleventy from the layouts in layouts/: once per language of the
 * council, the Welsh pages under /cy/ (see docs/welsh.md).
 */
export const pagesStage: OutputStage = {
  name: 'pages',
  async run(ctx) {
    shareNunjucksCompilation();
    setBuildContext(ctx);
    try {
      for (const lang of siteLanguages(ctx.council.site)) {
        setPageLanguage(lang);
        const eleventy = new Eleventy(LAYOUTS_DIR, ctx.outDir, { quietMode: true, configPath: ELEVENTY_CONFIG });
        eleventy.disableLogger();
        await eleventy.write();
      }
    } finally {
      setBuildContext(undefined);
      setPageLanguage('en');
    }
  },
};
