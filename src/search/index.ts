import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputStage } from '../build/context.ts';
import { buildIndex, hashOf } from './build-index.ts';
import { bundleSearchScript } from './bundle.ts';

/** Asset names the search page template reads: `assets['search.js']`, `assets['search-index']`. */
export const SEARCH_SCRIPT_ASSET = 'search.js';
export const SEARCH_INDEX_ASSET = 'search-index';

/** Writes the sharded search index and the browser bundle under /search/. */
export const searchStage: OutputStage = {
  name: 'search',
  async run(ctx) {
    const index = buildIndex(ctx.council);
    const script = await bundleSearchScript();
    const scriptPath = `search/search-${hashOf(script)}.js`;
    const files = new Map(index.files).set(scriptPath, script);
    const folders = new Set([...files.keys()].map((file) => path.dirname(path.join(ctx.outDir, file))));
    for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
    for (const [file, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      await writeFile(path.join(ctx.outDir, file), bytes);
    }
    ctx.assets.set(SEARCH_SCRIPT_ASSET, `/${scriptPath}`);
    ctx.assets.set(SEARCH_INDEX_ASSET, `/${index.manifest}`);
    const bytes = [...files.values()].reduce((sum, file) => sum + file.length, 0);
    ctx.log(`search: ${index.docs} items in ${index.shards} shards, ${files.size} files, ${Math.round(bytes / 1024)} KB`);
  },
};
