import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputStage } from '../build/context.ts';
import { buildIndex, hashOf } from './build-index.ts';
import { bundleSearchScript } from './bundle.ts';
import { siteLanguages } from '../model/queries.ts';
import type { Lang } from '../model/types.ts';

/**
 * Asset names the search page template reads: `assets['search.js']`, and the index manifest of the
 * page's language, `assets['search-index']` (English) or `assets['search-index-cy']`.
 */
export const SEARCH_SCRIPT_ASSET = 'search.js';
export const SEARCH_INDEX_ASSET = 'search-index';
export const searchIndexAsset = (lang: Lang) => (lang === 'en' ? SEARCH_INDEX_ASSET : `${SEARCH_INDEX_ASSET}-${lang}`);

/** Writes the sharded search index and the browser bundle under /search/. */
export const searchStage: OutputStage = {
  name: 'search',
  async run(ctx) {
    const indexes = siteLanguages(ctx.council.site).map((lang) => ({ lang, index: buildIndex(ctx.council, undefined, lang) }));
    const script = await bundleSearchScript();
    const scriptPath = `search/search-${hashOf(script)}.js`;
    const files = new Map(indexes.flatMap(({ index }) => [...index.files])).set(scriptPath, script);
    const folders = new Set([...files.keys()].map((file) => path.dirname(path.join(ctx.outDir, file))));
    for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
    for (const [file, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      await writeFile(path.join(ctx.outDir, file), bytes);
    }
    ctx.assets.set(SEARCH_SCRIPT_ASSET, `/${scriptPath}`);
    for (const { lang, index } of indexes) ctx.assets.set(searchIndexAsset(lang), `/${index.manifest}`);
    const bytes = [...files.values()].reduce((sum, file) => sum + file.length, 0);
    const [{ index }] = indexes as [(typeof indexes)[number]];
    ctx.log(
      `search: ${index.docs} items in ${indexes.map((i) => `${i.index.shards} shards (${i.lang})`).join(', ')}, ${files.size} files, ${Math.round(bytes / 1024)} KB`,
    );
  },
};
