import type { Council, Lang } from '../../src/model/types.ts';
import { buildIndex } from '../../src/search/build-index.ts';
import { SearchEngine, type Loader } from '../../src/search/engine.ts';
import { readState, type SearchState } from '../../src/search/state.ts';

/** A search engine over an index built in memory, reading files from the built map instead of HTTP. */
export function engineFor(
  council: Council,
  shardTarget?: number,
  lang: Lang = 'en',
): { engine: SearchEngine; fetched: string[]; loader: Loader; manifest: string } {
  const index = buildIndex(council, shardTarget, lang);
  const fetched: string[] = [];
  const file = (url: string) => {
    fetched.push(url);
    const bytes = index.files.get(url.replace(/^\//, ''));
    if (bytes === undefined) throw new Error(`No file ${url}`);
    return bytes;
  };
  const loader: Loader = {
    bytes: async (url) => file(url),
    json: async (url) => JSON.parse(new TextDecoder().decode(file(url))),
  };
  return { engine: new SearchEngine(`/${index.manifest}`, loader), fetched, loader, manifest: `/${index.manifest}` };
}

/** A search state from a query string such as "q=library&type=minutes". */
export function state(query: string): SearchState {
  return readState(new URLSearchParams(query));
}
