import { createHash } from 'node:crypto';
import type { Council, Lang } from '../model/types.ts';
import { siteLanguages } from '../model/queries.ts';
import { inLanguage } from '../model/urls.ts';
import { documentsOf, FIELDS, snippetOf, type Field, type SearchDocument } from './documents.ts';
import { partition, separator } from './routing.ts';
import { encodedSize, encodeShard, type ShardTerm } from './shard-format.ts';
import { CHUNK_SIZE, kindOf, type Manifest, type Meta, type StoredDoc } from './store.ts';
import { forEachWord, termOf } from './tokenize.ts';
import { quantize } from './weights.ts';

/** lunr's BM25 constants (lunr.Builder k1 and b). */
const K1 = 1.2;
const B = 0.75;

/** Aim for shard files of about this many bytes: two of them for a two-word query. */
export const SHARD_TARGET_BYTES = 24_000;

/**
 * Weight multiplier for documents written in the index's own language, so a Welsh page's search
 * ranks Welsh text first and an English page's English text, while still finding the rest.
 */
export const SAME_LANGUAGE_BOOST = 1.5;

const FIELD_NAMES = Object.keys(FIELDS) as Field[];

/** The files of a search index, by path relative to the site root ("search/…"). */
export interface BuiltIndex {
  files: Map<string, Uint8Array>;
  /** Path of the manifest (the entry point). */
  manifest: string;
  docs: number;
  shards: number;
}

/** First 10 hex digits of a SHA-256: the content hash in file names. */
export function hashOf(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 10);
}

/**
 * Every (term, document) weight, computed the way lunr's builder does (BM25 per field, scaled by
 * the field's boost) but with statistics of the whole archive, and summed over the fields: the
 * browser only ever asks "which documents contain this term, and how well".
 *
 * Written for 30,000 items: words map straight to term numbers, and counting uses flat arrays.
 */
export function weighTerms(documents: readonly SearchDocument[], preferred?: Lang): ShardTerm[] {
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const wordIds: Record<Lang, Map<string, number>> = { en: new Map(), cy: new Map() };
  const idOf = (word: string, lang: Lang): number => {
    let id = wordIds[lang].get(word);
    if (id === undefined) {
      const term = termOf(word, lang);
      if (term === undefined) id = -1;
      else {
        id = termIds.get(term);
        if (id === undefined) {
          id = termNames.push(term) - 1;
          termIds.set(term, id);
        }
      }
      wordIds[lang].set(word, id);
    }
    return id;
  };

  // Pass 1: per document and field, (term, frequency) pairs and the field's length.
  const fieldCount = FIELD_NAMES.length;
  const totalLength = new Float64Array(fieldCount);
  const perDoc: { lengths: Int32Array; pairs: Int32Array[] }[] = [];
  let tf = new Int32Array(1024);
  for (const doc of documents) {
    const lengths = new Int32Array(fieldCount);
    const pairs = FIELD_NAMES.map((field, f) => {
      const touched: number[] = [];
      forEachWord(doc.fields[field], (word) => {
        const id = idOf(word, doc.lang);
        if (id < 0) return;
        if (id >= tf.length) {
          const grown = new Int32Array(tf.length * 2 > id ? tf.length * 2 : id + 1);
          grown.set(tf);
          tf = grown;
        }
        if (tf[id] === 0) touched.push(id);
        tf[id]!++;
        lengths[f]!++;
      });
      totalLength[f]! += lengths[f]!;
      const out = new Int32Array(touched.length * 2);
      touched.forEach((id, i) => {
        out[2 * i] = id;
        out[2 * i + 1] = tf[id]!;
        tf[id] = 0;
      });
      return out;
    });
    perDoc.push({ lengths, pairs });
  }

  // Document frequency of each term.
  const n = documents.length;
  const docFreq = new Int32Array(termNames.length);
  const lastDoc = new Int32Array(termNames.length).fill(-1);
  perDoc.forEach(({ pairs }, doc) => {
    for (const list of pairs) {
      for (let i = 0; i < list.length; i += 2) {
        const id = list[i]!;
        if (lastDoc[id] !== doc) {
          lastDoc[id] = doc;
          docFreq[id]!++;
        }
      }
    }
  });

  // Pass 2: weights, appended in document order so each posting list comes out sorted.
  const average = Array.from(totalLength, (total) => (n === 0 ? 0 : total / n) || 1);
  const idf = Array.from(docFreq, (df) => Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5))));
  const postings = termNames.map((term) => ({ term, docs: [] as number[], weights: [] as number[] }));
  const weight = new Float64Array(termNames.length);
  perDoc.forEach(({ lengths, pairs }, doc) => {
    const touched: number[] = [];
    const docBoost = documents[doc]!.lang === preferred ? SAME_LANGUAGE_BOOST : 1;
    pairs.forEach((list, f) => {
      const boost = FIELDS[FIELD_NAMES[f]!] * docBoost;
      const norm = K1 * (1 - B + (B * lengths[f]!) / average[f]!);
      for (let i = 0; i < list.length; i += 2) {
        const id = list[i]!;
        const count = list[i + 1]!;
        if (weight[id] === 0) touched.push(id);
        weight[id]! += (boost * idf[id]! * (K1 + 1) * count) / (norm + count);
      }
    });
    for (const id of touched.sort((a, b) => a - b)) {
      postings[id]!.docs.push(doc);
      postings[id]!.weights.push(quantize(weight[id]!));
      weight[id] = 0;
    }
  });
  return postings.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

function json(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

/**
 * Build every file of the search index of one language's pages (pure: nothing is written). The
 * English index lives under /search/, the Welsh one under /cy/search/.
 */
export function buildIndex(council: Council, shardTarget = SHARD_TARGET_BYTES, lang: Lang = 'en'): BuiltIndex {
  const documents = documentsOf(council, lang);
  const files = new Map<string, Uint8Array>();
  const folder = inLanguage('/search/', lang).slice(1);
  const committees = council.committees.map((c): [string, string] => [c.slug, (lang === 'cy' ? c.nameCy : undefined) ?? c.name]);
  const committeeIndex = new Map(committees.map(([slug], i) => [slug, i]));

  // Shards: contiguous term ranges of about shardTarget bytes.
  const terms = weighTerms(documents, lang);
  const starts = partition(terms.map(encodedSize), shardTarget);
  const bounds: string[] = [];
  const shards: string[] = [];
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? terms.length;
    const bytes = encodeShard(terms.slice(start, end));
    const path = `${folder}shards/${hashOf(bytes)}.bin`;
    files.set(path, bytes);
    bounds.push(i === 0 ? '' : separator(terms[start - 1]!.term, terms[start]!.term));
    shards.push(`/${path}`);
  });

  // Display store: chunks of consecutive documents, in one folder named by the hash of them all.
  const stored = documents.map(({ item, title, lang: textLang }, i): StoredDoc => [
    item.id,
    title,
    item.minute ?? '',
    item.item,
    item.date,
    committeeIndex.get(item.committee) ?? -1,
    kindOf(item.type, item.keyDecision, textLang),
    snippetOf(documents[i]!),
  ]);
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < stored.length; start += CHUNK_SIZE) chunks.push(json(stored.slice(start, start + CHUNK_SIZE)));
  const storeHash = createHash('sha256');
  for (const chunk of chunks) storeHash.update(hashOf(chunk));
  const store = `${folder}docs-${storeHash.digest('hex').slice(0, 10)}/`;
  chunks.forEach((chunk, i) => files.set(`${store}${i}.json`, chunk));

  // Filter columns: one run per meeting, one kind per document.
  const meta: Meta = { meetings: [], kinds: '' };
  let meeting: string | undefined;
  for (const { item, lang: textLang } of documents) {
    const run = meta.meetings.at(-1);
    if (run !== undefined && item.meeting === meeting) run[2]++;
    else meta.meetings.push([item.date, committeeIndex.get(item.committee) ?? -1, 1]);
    meeting = item.meeting;
    meta.kinds += kindOf(item.type, item.keyDecision, textLang);
  }
  const metaBytes = json(meta);
  const metaPath = `${folder}meta-${hashOf(metaBytes)}.json`;
  files.set(metaPath, metaBytes);

  const manifest: Manifest = {
    version: 1,
    lang,
    languages: siteLanguages(council.site),
    docs: documents.length,
    chunkSize: CHUNK_SIZE,
    store: `/${store}`,
    meta: `/${metaPath}`,
    committees,
    bounds,
    shards,
  };
  const manifestBytes = json(manifest);
  const manifestPath = `${folder}index-${hashOf(manifestBytes)}.json`;
  files.set(manifestPath, manifestBytes);
  return { files, manifest: manifestPath, docs: documents.length, shards: shards.length };
}
