import Eleventy from '@11ty/eleventy';
import type { OutputStage } from '../build/context.ts';
import { setBuildContext } from './handoff.ts';
import { ELEVENTY_CONFIG, LAYOUTS_DIR } from './paths.ts';

/** Renders every HTML page with Eleventy from the layouts in layouts/. */
export const pagesStage: OutputStage = {
  name: 'pages',
  async run(ctx) {
    setBuildContext(ctx);
    try {
      const eleventy = new Eleventy(LAYOUTS_DIR, ctx.outDir, { quietMode: true, configPath: ELEVENTY_CONFIG });
      eleventy.disableLogger();
      await eleventy.write();
    } finally {
      setBuildContext(undefined);
    }
  },
};
