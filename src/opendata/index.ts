import type { OutputStage } from '../build/context.ts';

/** Writes /api/, feeds, calendars, sitemap and the manifest. (Filled in by the open-data work.) */
export const openDataStage: OutputStage = {
  name: 'open data',
  async run() {},
};
