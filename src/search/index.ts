import type { OutputStage } from '../build/context.ts';

/** Writes the sharded search index and the browser bundle under /search/. (Filled in by the search work.) */
export const searchStage: OutputStage = {
  name: 'search',
  async run() {},
};
