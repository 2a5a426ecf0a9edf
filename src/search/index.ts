import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildContext, OutputStage } from '../build/context.ts';
import { OutputMemory } from '../build/reuse.ts';
import { siteLanguages } from '../model/queries.ts';
import type { Council, Lang, OpenItem } from '../model/types.ts';
import { assembleIndex, countTerms, SHARD_TARGET_BYTES, type IndexedDocument } from './build-index.ts';
import { cachedSearchScript } from './bundle.ts';
import { CODE_FINGERPRINT, contentKey, DocumentCache, readRecord, saveRecord, searchCacheDir } from './cache.ts';
import { documentOf, documentSourceOf, sameSource, snippetOf, sourceText, type DocumentSource } from './documents.ts';

/**
 * Asset names the search page template reads: `assets['search.js']`, and the index manifest of the
 * page's language, `assets['search-index']` (English) or `assets['search-index-cy']`.
 */
export const SEARCH_SCRIPT_ASSET = 'search.js';
export const SEARCH_INDEX_ASSET = 'search-index';
export const searchIndexAsset = (lang: Lang) => (lang === 'en' ? SEARCH_INDEX_ASSET : `${SEARCH_INDEX_ASSET}-${lang}`);

/** The file name hash (hashOf: 10 hex digits of the SHA-256) of bytes whose contentKey is `key`. */
const nameHashOf = (key: string) => Buffer.from(key, 'base64url').toString('hex').slice(0, 10);
const scriptPath = (key: string) => `search/search-${nameHashOf(key)}.js`;

/** What the stage remembers of one language's index, in `<cache>/search/index-<lang>.json`. */
interface IndexRecord {
  version: 1;
  /** indexInputKey of what the index was made from. */
  input: string;
  manifest: string;
  docs: number;
  shards: number;
  bytes: number;
  /** Every file of the index: its path in the site and its contentKey. */
  files: [string, string][];
}

function isIndexRecord(value: unknown): value is IndexRecord {
  const record = value as IndexRecord | undefined;
  return (
    record?.version === 1 &&
    typeof record.input === 'string' &&
    typeof record.manifest === 'string' &&
    [record.docs, record.shards, record.bytes].every(Number.isInteger) &&
    Array.isArray(record.files) &&
    record.files.every((file) => Array.isArray(file) && typeof file[0] === 'string' && typeof file[1] === 'string') &&
    record.files.some(([file]) => file === record.manifest)
  );
}

/**
 * A key of everything an index is made from, computed without reading a word of Markdown: the code
 * (its fingerprint), the language, the site's languages, the committees, and per document the key
 * of its text (documentSourceOf) and every field of its item the index reads (`itemsKey`).
 */
function indexInputKey(council: Council, lang: Lang, itemsKey: string, textKeys: readonly string[]): string | undefined {
  if (CODE_FINGERPRINT === undefined) return undefined;
  const head = JSON.stringify([
    'search index',
    1,
    CODE_FINGERPRINT,
    lang,
    siteLanguages(council.site),
    SHARD_TARGET_BYTES,
    council.committees.map((c) => [c.slug, c.name, c.nameCy ?? null]),
    itemsKey,
  ]);
  return contentKey(`${head}\n${textKeys.join('\n')}`);
}

/** A key of the fields of the open items the index reads besides their text, in order. */
function itemsKeyOf(items: readonly OpenItem[]): string {
  return contentKey(items.map((item) => JSON.stringify([item.id, item.item, item.date, item.committee, item.meeting, item.type, item.keyDecision])).join('\n'));
}

/** Run `task` over `items`, `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Puts the stage's files into the new output: each one taken over from the previous build when
 * OutputMemory vouches for it (same path and key, or — for a display chunk whose folder was renamed —
 * the same key under the path it had), and written otherwise.
 */
class Publisher {
  /** Files placed in the new output so far, with their keys. */
  private readonly placed = new Map<string, string>();
  reused = 0;
  written = 0;

  constructor(
    private readonly ctx: BuildContext,
    private readonly memory: OutputMemory,
  ) {}

  /** Take over every one of `files` ([path, key]) from the previous build; false if any cannot be. */
  async reuseAll(files: readonly [string, string][]): Promise<boolean> {
    let all = true;
    await inParallel(files, 8, async ([file, key]) => {
      if (!all) return;
      if (this.placed.get(file) === key || this.memory.reuse(file, key)) {
        this.placed.set(file, key);
        this.reused++;
      } else all = false;
    });
    return all;
  }

  /** Publish `files`; `before` are the files of the same index in the previous build ([path, key]). */
  async publishAll(files: ReadonlyMap<string, Uint8Array>, before: readonly [string, string][] = []): Promise<[string, string][]> {
    const pathOf = new Map(before.map(([file, key]) => [key, file]));
    const keyed = [...files].map(([file, bytes]): [string, string, Uint8Array] => [file, contentKey(bytes), bytes]);
    await inParallel(keyed, 8, async ([file, key, bytes]) => this.publish(file, key, bytes, pathOf.get(key)));
    return keyed.map(([file, key]): [string, string] => [file, key]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  async publish(file: string, key: string, bytes: Uint8Array, formerPath?: string): Promise<void> {
    if (this.placed.get(file) === key) return;
    const to = path.join(this.ctx.outDir, file);
    if (this.placed.has(file)) {
      // Never write through a link into the previous build's file (a file kept in place is not in outDir).
      rmSync(to, { force: true });
      this.placed.delete(file);
    } else if (this.memory.reuse(file, key)) {
      this.placed.set(file, key);
      this.reused++;
      return;
    }
    if (formerPath !== undefined && formerPath !== file && this.memory.reuse(file, key, formerPath)) {
      this.placed.set(file, key);
      this.reused++;
      return;
    }
    this.memory.ensureFolder(path.dirname(to));
    writeFileSync(to, bytes);
    this.memory.wrote(file, key);
    this.placed.set(file, key);
    this.written++;
  }
}

/**
 * Keys of documents' sources (documentSourceOf), each worked out once per item and text: an
 * untranslated item reads the same in both languages, and is counted once for both.
 */
class TextKeys {
  private readonly known = new WeakMap<OpenItem, [DocumentSource, string][]>();
  of(item: OpenItem, lang: Lang): { source: DocumentSource; key: string } {
    const source = documentSourceOf(item, lang);
    const known = this.known.get(item) ?? [];
    const found = known.find(([other]) => sameSource(other, source));
    if (found !== undefined) return { source, key: found[1] };
    const key = contentKey(sourceText(source));
    known.push([source, key]);
    this.known.set(item, known);
    return { source, key };
  }
}

/** A document of the `lang` index from the cache, or else read and counted (and then cached). */
function indexedDocument(item: OpenItem, lang: Lang, { source, key }: { source: DocumentSource; key: string }, cache: DocumentCache): IndexedDocument {
  const title = source[1];
  const cached = cache.get(key);
  if (cached !== undefined) return { item, title, ...cached };
  const doc = documentOf(item, lang);
  const counted = { lang: doc.lang, snippet: snippetOf(doc), terms: countTerms(doc, cache.table) };
  cache.add(key, counted);
  return { item, title, ...counted };
}

/**
 * Writes the sharded search index of each of the site's languages and the browser bundle under
 * /search/ (and /cy/search/). A rebuild does only what changed: the bundle is remembered with the
 * files it was made from; an index whose inputs are unchanged is taken over from the previous
 * build file by file; otherwise only changed documents are read and counted (the rest come from
 * the per-document cache), the index is assembled, and only files whose bytes changed are written.
 * Every path gives the bytes a clean build gives.
 */
export const searchStage: OutputStage = {
  name: 'search',
  async run(ctx) {
    const memory = OutputMemory.open(ctx, 'search');
    const publisher = new Publisher(ctx, memory);
    const dir = searchCacheDir(ctx.cacheDir);

    // The browser script.
    const script = await cachedSearchScript(ctx.cacheDir);
    let scriptKey = script.key;
    if (!(await publisher.reuseAll([[scriptPath(scriptKey), scriptKey]]))) {
      const made = await script.bytes();
      scriptKey = made.key;
      await publisher.publish(scriptPath(made.key), made.key, made.bytes);
    }
    ctx.assets.set(SEARCH_SCRIPT_ASSET, `/${scriptPath(scriptKey)}`);

    // The index of each language.
    const items = ctx.council.items.filter((item): item is OpenItem => !item.exempt);
    const textKeys = new TextKeys();
    const itemsKey = itemsKeyOf(items);
    let cache: DocumentCache | undefined;
    const records: [string, IndexRecord][] = [];
    /** Keys of the documents of indexes taken over whole: still in use, so kept in the cache. */
    const kept: string[] = [];
    const summaries: (IndexRecord & { lang: Lang })[] = [];
    for (const lang of siteLanguages(ctx.council.site)) {
      const texts = items.map((item) => textKeys.of(item, lang));
      const input = indexInputKey(ctx.council, lang, itemsKey, texts.map((text) => text.key));
      const recordFile = path.join(dir, `index-${lang}.json`);
      const saved = readRecord(recordFile);
      const before = isIndexRecord(saved) ? saved : undefined;
      let record = input !== undefined && before?.input === input && (await publisher.reuseAll(before.files)) ? before : undefined;
      if (record === undefined) {
        cache ??= DocumentCache.open(dir, CODE_FINGERPRINT);
        const documents = items.map((item, i) => indexedDocument(item, lang, texts[i]!, cache!));
        const index = assembleIndex(ctx.council, documents, cache.table.names, lang);
        const files = await publisher.publishAll(index.files, before?.files);
        const bytes = [...index.files.values()].reduce((sum, file) => sum + file.length, 0);
        record = { version: 1, input: input ?? '', manifest: index.manifest, docs: index.docs, shards: index.shards, bytes, files };
        if (input !== undefined) records.push([recordFile, record]);
      } else for (const text of texts) kept.push(text.key);
      ctx.assets.set(searchIndexAsset(lang), `/${record.manifest}`);
      summaries.push({ ...record, lang });
    }

    if (cache !== undefined) {
      for (const key of kept) cache.get(key);
      cache.save();
    }
    memory.save();
    for (const [file, record] of records) saveRecord(file, record);

    const files = 1 + summaries.reduce((sum, s) => sum + s.files.length, 0);
    const read = cache?.counted ?? 0;
    const [{ docs }] = summaries as [(typeof summaries)[number]];
    ctx.log(
      `search: ${docs} items in ${summaries.map((s) => `${s.shards} shards (${s.lang})`).join(', ')}, ${files} files, ` +
        `${Math.round(summaries.reduce((sum, s) => sum + s.bytes, 0) / 1024)} KB; ${read} document${read === 1 ? '' : 's'} read, ` +
        `${publisher.reused} files unchanged, ${publisher.written} written`,
    );
  },
};
