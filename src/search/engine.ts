import { inLanguage, urls } from '../model/urls.ts';
import type { ItemType, Lang } from '../model/types.ts';
import { byRelevance, firstInOrder, matchedTerms, mergeHits, type Match, type WordHits } from './merge.ts';
import { shardFor } from './routing.ts';
import { decodeShard } from './shard-format.ts';
import { ShardIndex } from './shard-index.ts';
import { type SearchState, needsMeta } from './state.ts';
import { PAGE_SIZE, parseKind, splitKinds, type Manifest, type Meta, type StoredDoc } from './store.ts';
import { parseQuery } from './tokenize.ts';

/** How the engine fetches index files: `fetch` in the browser, the file system in tests and bench. */
export interface Loader {
  bytes(url: string): Promise<Uint8Array>;
  json(url: string): Promise<unknown>;
}

/** One result as the page shows it. */
export interface Result {
  doc: number;
  id: string;
  title: string;
  minute: string;
  item: string;
  date: string;
  committee: { slug: string; name: string } | undefined;
  type: ItemType;
  keyDecision: boolean;
  lang: Lang;
  snippet: string;
  url: string;
  pdf: string;
  /** The PDF's language: that of the result's words where the site publishes in it. */
  pdfLang: Lang;
  /** Index terms matched in this item: highlight words whose term is one of these. */
  terms: Set<string>;
}

export interface Answer {
  /** Number of matching items after filters. */
  total: number;
  /** The requested page of results (PAGE_SIZE at most). */
  results: Result[];
  page: number;
  pages: number;
}

interface Columns {
  dates: string[];
  committees: number[];
  types: ItemType[];
  keyDecisions: boolean[];
}

/** What matching a query found: the matches, and each word's hits for highlighting. */
export interface Matched {
  matches: Match[];
  words: WordHits[];
}

/** A cached fetch: the promise is kept for later calls, unless it fails (then the next call retries). */
function remember<T>(cache: Map<number, Promise<T>>, key: number, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (value === undefined) {
    value = load();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
  }
  return value;
}

/**
 * Runs searches against a published index: fetches the manifest, then only the shards the query's
 * terms route to, the filter columns when a filter or newest-first order needs them, and the
 * store chunks of the page of results shown. Everything fetched is kept for later searches.
 */
export class SearchEngine {
  private manifest: Promise<Manifest> | undefined;
  private readonly shards = new Map<number, Promise<ShardIndex>>();
  private readonly chunks = new Map<number, Promise<StoredDoc[]>>();
  private columns: Promise<Columns> | undefined;

  constructor(
    private readonly manifestUrl: string,
    private readonly loader: Loader,
  ) {}

  private loadManifest(): Promise<Manifest> {
    this.manifest ??= this.loader.json(this.manifestUrl).then(
      (m) => m as Manifest,
      (error: unknown) => {
        this.manifest = undefined; // try again on the next search
        throw error;
      },
    );
    return this.manifest;
  }

  private shard(manifest: Manifest, n: number): Promise<ShardIndex> {
    return remember(this.shards, n, () => this.loader.bytes(manifest.shards[n]!).then((bytes) => new ShardIndex(decodeShard(bytes))));
  }

  private chunk(manifest: Manifest, n: number): Promise<StoredDoc[]> {
    return remember(this.chunks, n, () => this.loader.json(`${manifest.store}${n}.json`).then((c) => c as StoredDoc[]));
  }

  private loadColumns(manifest: Manifest): Promise<Columns> {
    this.columns ??= this.loader.json(manifest.meta).then((raw) => {
      const meta = raw as Meta;
      const kinds = splitKinds(meta.kinds).map(parseKind);
      const columns: Columns = { dates: [], committees: [], types: kinds.map((k) => k.type), keyDecisions: kinds.map((k) => k.keyDecision) };
      for (const [date, committee, count] of meta.meetings) {
        for (let i = 0; i < count; i++) {
          columns.dates.push(date);
          columns.committees.push(committee);
        }
      }
      return columns;
    });
    return this.columns;
  }

  /** Fetch the manifest ahead of the first search (the page calls this when the box gets focus). */
  prepare(): void {
    this.loadManifest().catch(() => {});
  }

  /** Documents matching every word of the query, scored; no filters applied. */
  async match(query: string): Promise<Match[]> {
    return (await this.find(query)).matches;
  }

  private async find(query: string): Promise<Matched> {
    const words = parseQuery(query);
    const manifest = await this.loadManifest();
    if (words.length === 0 || manifest.shards.length === 0) return { matches: [], words: [] };
    const hits = await Promise.all(
      words.map(async ({ terms }): Promise<WordHits> => ({
        terms,
        hits: await Promise.all(terms.map(async (term) => (await this.shard(manifest, shardFor(term, manifest.bounds))).lookup(term))),
      })),
    );
    return { matches: mergeHits(hits), words: hits };
  }

  /** Run a search: match, filter, order, and fetch what the requested page shows. */
  async search(state: SearchState): Promise<Answer> {
    const manifest = await this.loadManifest();
    const [{ matches, words }, columns] = await Promise.all([
      this.find(state.q),
      needsMeta(state) ? this.loadColumns(manifest) : undefined,
    ]);
    let found = matches;
    if (columns !== undefined) {
      const committee = manifest.committees.findIndex(([slug]) => slug === state.committee);
      found = found.filter(({ doc }) => {
        const year = Number(columns.dates[doc]!.slice(0, 4));
        return (
          (state.committee === '' || columns.committees[doc] === committee) &&
          (state.type === '' || columns.types[doc] === state.type) &&
          (!state.keyOnly || columns.keyDecisions[doc]!) &&
          (state.from === undefined || year >= state.from) &&
          (state.to === undefined || year <= state.to)
        );
      });
    }
    const dates = columns?.dates;
    const order =
      state.sort === 'newest' && dates !== undefined
        ? (a: Match, b: Match) => (dates[a.doc]! < dates[b.doc]! ? 1 : dates[a.doc]! > dates[b.doc]! ? -1 : a.doc - b.doc)
        : byRelevance;

    const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
    const page = Math.min(state.page, pages);
    const shown = firstInOrder(found, page * PAGE_SIZE, order).slice((page - 1) * PAGE_SIZE);
    const results = await Promise.all(
      shown.map(async (match) => {
        const chunk = await this.chunk(manifest, Math.floor(match.doc / manifest.chunkSize));
        return this.result(manifest, match, chunk[match.doc % manifest.chunkSize]!, matchedTerms(words, match.doc));
      }),
    );
    return { total: found.length, results, page, pages };
  }

  private result(manifest: Manifest, match: Match, stored: StoredDoc, terms: string[]): Result {
    const [id, title, minute, item, date, committeeIndex, kind, snippet] = stored;
    const committee = manifest.committees[committeeIndex];
    const slash = id.lastIndexOf('/');
    const kindOfDoc = parseKind(kind);
    const pdfLang = manifest.languages.includes(kindOfDoc.lang) ? kindOfDoc.lang : manifest.lang;
    const [meeting, slug] = [id.slice(0, slash), id.slice(slash + 1)];
    return {
      doc: match.doc,
      id,
      title,
      minute,
      item,
      date,
      committee: committee && { slug: committee[0], name: committee[1] },
      ...kindOfDoc,
      snippet,
      url: inLanguage(urls.item(meeting, slug), manifest.lang),
      pdf: inLanguage(urls.itemPdf(meeting, slug), pdfLang),
      pdfLang,
      terms: new Set(terms),
    };
  }
}
