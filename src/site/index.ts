import type { OutputStage } from '../build/context.ts';

/** Renders every HTML page with Eleventy. */
export const pagesStage: OutputStage = {
  name: 'pages',
  async run() {},
};
