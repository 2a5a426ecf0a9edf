import { createHash } from 'node:crypto';
import type { Council, Lang, OpenItem } from '../model/types.ts';
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
 * Terms by number, shared by the documents of one build (and of the per-document cache it is
 * seeded from): words map straight to term numbers, each word's term worked out once.
 */
export class TermTable {
  readonly names: string[];
  private readonly ids = new Map<string, number>();
  private readonly wordIds: Record<Lang, Map<string, number>> = { en: new Map(), cy: new Map() };

  constructor(names: readonly string[] = []) {
    this.names = [...names];
    this.names.forEach((name, id) => this.ids.set(name, id));
  }

  /** The number of a term, given it one if it is new. */
  idOfTerm(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.push(term) - 1;
      this.ids.set(term, id);
    }
    return id;
  }

  /** The number of the term a word of a `lang` text indexes as; -1 for a stop word. */
  idOfWord(word: string, lang: Lang): number {
    let id = this.wordIds[lang].get(word);
    if (id === undefined) {
      const term = termOf(word, lang);
      id = term === undefined ? -1 : this.idOfTerm(term);
      this.wordIds[lang].set(word, id);
    }
    return id;
  }
}

/** Number of searchable fields, in FIELDS order. */
export const FIELD_COUNT = FIELD_NAMES.length;

/**
 * A document's words, counted, as one Int32Array: the length (words that index) of each field,
 * then the number of distinct terms of each field, then per field its (term number, count)
 * pairs. All that weighing needs of a document, apart from its language.
 */
export type DocTerms = Int32Array;

/** A document's language and counted words: the input of `weigh`. */
export interface CountedDocument {
  lang: Lang;
  terms: DocTerms;
}

let scratch = new Int32Array(1024);

/** Count a document's words by field (term numbers from `table`). */
export function countTerms(doc: SearchDocument, table: TermTable): DocTerms {
  const head = new Int32Array(2 * FIELD_COUNT);
  const pairs: number[] = [];
  FIELD_NAMES.forEach((field, f) => {
    const touched: number[] = [];
    let length = 0;
    forEachWord(doc.fields[field], (word) => {
      const id = table.idOfWord(word, doc.lang);
      if (id < 0) return;
      if (id >= scratch.length) {
        const grown = new Int32Array(scratch.length * 2 > id ? scratch.length * 2 : id + 1);
        grown.set(scratch);
        scratch = grown;
      }
      if (scratch[id] === 0) touched.push(id);
      scratch[id]!++;
      length++;
    });
    head[f] = length;
    head[FIELD_COUNT + f] = touched.length;
    for (const id of touched) {
      pairs.push(id, scratch[id]!);
      scratch[id] = 0;
    }
  });
  const terms = new Int32Array(head.length + pairs.length);
  terms.set(head);
  terms.set(pairs, head.length);
  return terms;
}

/** Whether `terms` is well formed for a table of `termCount` terms (a check on cached data). */
export function validTerms(terms: DocTerms, termCount: number): boolean {
  if (terms.length < 2 * FIELD_COUNT) return false;
  let at = 2 * FIELD_COUNT;
  for (let f = 0; f < FIELD_COUNT; f++) {
    const distinct = terms[FIELD_COUNT + f]!;
    if (distinct < 0 || at + 2 * distinct > terms.length) return false;
    let sum = 0;
    for (let end = at + 2 * distinct; at < end; at += 2) {
      const id = terms[at]!;
      const count = terms[at + 1]!;
      if (id < 0 || id >= termCount || count <= 0) return false;
      sum += count;
    }
    if (sum !== terms[f]) return false;
  }
  return at === terms.length;
}

/**
 * Every (term, document) weight, computed the way lunr's builder does (BM25 per field, scaled by
 * the field's boost) but with statistics of the whole archive, and summed over the fields: the
 * browser only ever asks "which documents contain this term, and how well". Terms come out sorted,
 * each with its documents ascending; terms no document has are left out.
 *
 * Written for 30,000 items: counting and postings use flat typed arrays.
 */
export function weigh(documents: readonly CountedDocument[], names: readonly string[], preferred?: Lang): ShardTerm[] {
  const n = documents.length;
  const termCount = names.length;

  // Field lengths over the archive, and the document frequency of each term.
  const totalLength = new Float64Array(FIELD_COUNT);
  const docFreq = new Int32Array(termCount);
  const lastDoc = new Int32Array(termCount).fill(-1);
  for (let doc = 0; doc < n; doc++) {
    const terms = documents[doc]!.terms;
    for (let f = 0; f < FIELD_COUNT; f++) totalLength[f]! += terms[f]!;
    for (let i = 2 * FIELD_COUNT; i < terms.length; i += 2) {
      const id = terms[i]!;
      if (lastDoc[id] !== doc) {
        lastDoc[id] = doc;
        docFreq[id]!++;
      }
    }
  }

  // Terms in order, and where each one's postings go in two flat arrays.
  const used: number[] = [];
  for (let id = 0; id < termCount; id++) if (docFreq[id]! > 0) used.push(id);
  used.sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
  const start = new Int32Array(termCount);
  let total = 0;
  for (const id of used) {
    start[id] = total;
    total += docFreq[id]!;
  }
  const fill = start.slice();
  const postingDocs = new Int32Array(total);
  const postingWeights = new Uint8Array(total);

  // Weights, appended in document order so each posting list comes out sorted.
  const average = new Float64Array(FIELD_COUNT);
  for (let f = 0; f < FIELD_COUNT; f++) average[f] = (n === 0 ? 0 : totalLength[f]! / n) || 1;
  const idf = new Float64Array(termCount);
  for (let id = 0; id < termCount; id++) {
    const df = docFreq[id]!;
    idf[id] = Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5)));
  }
  const fieldBoost = Float64Array.from(FIELD_NAMES, (field) => FIELDS[field]);
  const weight = new Float64Array(termCount);
  const touched = new Int32Array(termCount);
  for (let doc = 0; doc < n; doc++) {
    const { lang, terms } = documents[doc]!;
    const docBoost = lang === preferred ? SAME_LANGUAGE_BOOST : 1;
    let touchedCount = 0;
    let at = 2 * FIELD_COUNT;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const boost = fieldBoost[f]! * docBoost;
      const norm = K1 * (1 - B + (B * terms[f]!) / average[f]!);
      for (const end = at + 2 * terms[FIELD_COUNT + f]!; at < end; at += 2) {
        const id = terms[at]!;
        const count = terms[at + 1]!;
        if (weight[id] === 0) touched[touchedCount++] = id;
        weight[id]! += (boost * idf[id]! * (K1 + 1) * count) / (norm + count);
      }
    }
    for (let t = 0; t < touchedCount; t++) {
      const id = touched[t]!;
      const at = fill[id]!++;
      postingDocs[at] = doc;
      postingWeights[at] = quantize(weight[id]!);
      weight[id] = 0;
    }
  }
  return used.map((id) => ({
    term: names[id]!,
    docs: postingDocs.subarray(start[id]!, start[id]! + docFreq[id]!),
    weights: postingWeights.subarray(start[id]!, start[id]! + docFreq[id]!),
  }));
}

/** `weigh` of documents counted afresh. */
export function weighTerms(documents: readonly SearchDocument[], preferred?: Lang): ShardTerm[] {
  const table = new TermTable();
  return weigh(
    documents.map((doc) => ({ lang: doc.lang, terms: countTerms(doc, table) })),
    table.names,
    preferred,
  );
}

/** A document as the index is assembled from it: its item, its display text and its counted words. */
export interface IndexedDocument extends CountedDocument {
  item: OpenItem;
  title: string;
  snippet: string;
}

function json(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

/**
 * Build every file of the search index of one language's pages (pure: nothing is written). The
 * English index lives under /search/, the Welsh one under /cy/search/.
 */
export function buildIndex(council: Council, shardTarget = SHARD_TARGET_BYTES, lang: Lang = 'en'): BuiltIndex {
  const table = new TermTable();
  const documents = documentsOf(council, lang).map(
    (doc): IndexedDocument => ({ item: doc.item, lang: doc.lang, title: doc.title, snippet: snippetOf(doc), terms: countTerms(doc, table) }),
  );
  return assembleIndex(council, documents, table.names, lang, shardTarget);
}

/**
 * The files of the `lang` index of `documents` (the council's open items in model order, as
 * documentOf makes them, with term numbers from `names`): the same bytes as buildIndex gives.
 */
export function assembleIndex(
  council: Council,
  documents: readonly IndexedDocument[],
  names: readonly string[],
  lang: Lang,
  shardTarget = SHARD_TARGET_BYTES,
): BuiltIndex {
  const files = new Map<string, Uint8Array>();
  const folder = inLanguage('/search/', lang).slice(1);
  const committees = council.committees.map((c): [string, string] => [c.slug, (lang === 'cy' ? c.nameCy : undefined) ?? c.name]);
  const committeeIndex = new Map(committees.map(([slug], i) => [slug, i]));

  // Shards: contiguous term ranges of about shardTarget bytes.
  const terms = weigh(documents, names, lang);
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
  const stored = documents.map(({ item, title, lang: textLang, snippet }): StoredDoc => [
    item.id,
    title,
    item.minute ?? '',
    item.item,
    item.date,
    committeeIndex.get(item.committee) ?? -1,
    kindOf(item.type, item.keyDecision, textLang),
    snippet,
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
