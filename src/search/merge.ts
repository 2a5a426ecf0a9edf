/**
 * Combining what each shard's lunr index found into one ranked list.
 *
 * Each lookup asks one shard's index for one term; the weight lunr returns was computed at build
 * time from statistics of the whole archive (BM25 with archive-wide document frequencies and
 * field lengths), so scores from different shards are on one scale and can be added directly.
 */

/** Documents one term matched, ascending, with their scores. */
export interface TermHits {
  docs: Int32Array;
  scores: Float32Array;
}

/** One query word and the hits of each term it may be indexed as (see queryTermsOf). */
export interface WordHits {
  terms: readonly string[];
  hits: readonly TermHits[];
}

export interface Match {
  doc: number;
  score: number;
}

/** Hits from [doc, score] pairs in any order (for tests and small callers). */
export function hitsOf(pairs: Iterable<readonly [number, number]>): TermHits {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  return { docs: Int32Array.from(sorted, (p) => p[0]), scores: Float32Array.from(sorted, (p) => p[1]) };
}

/** Union of two hit lists, keeping the better score where both have a document. */
function union(a: TermHits, b: TermHits): TermHits {
  const docs = new Int32Array(a.docs.length + b.docs.length);
  const scores = new Float32Array(docs.length);
  let [i, j, n] = [0, 0, 0];
  while (i < a.docs.length || j < b.docs.length) {
    const da = i < a.docs.length ? a.docs[i]! : Infinity;
    const db = j < b.docs.length ? b.docs[j]! : Infinity;
    if (da < db) [docs[n], scores[n]] = [da, a.scores[i++]!];
    else if (db < da) [docs[n], scores[n]] = [db, b.scores[j++]!];
    else [docs[n], scores[n]] = [da, Math.max(a.scores[i++]!, b.scores[j++]!)];
    n++;
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) };
}

/**
 * A document matches when it contains every word (in any of its forms). Its score is the sum over
 * words of the best-scoring form, so a word found both stemmed and unstemmed is not counted twice.
 * Lists are sorted by document, so this is a merge of sorted arrays: a few milliseconds even for
 * two words that are each in 25,000 items.
 */
export function mergeHits(words: readonly WordHits[]): Match[] {
  if (words.length === 0) return [];
  const lists = words.map((word) => word.hits.reduce(union)).sort((a, b) => a.docs.length - b.docs.length);
  const [rarest, ...others] = lists;
  const at = new Array<number>(others.length).fill(0);
  const matches: Match[] = [];
  candidates: for (let i = 0; i < rarest!.docs.length; i++) {
    const doc = rarest!.docs[i]!;
    let score = rarest!.scores[i]!;
    for (let k = 0; k < others.length; k++) {
      const other = others[k]!;
      let j = at[k]!;
      while (j < other.docs.length && other.docs[j]! < doc) j++;
      at[k] = j;
      if (j === other.docs.length) break candidates;
      if (other.docs[j] !== doc) continue candidates;
      score += other.scores[j]!;
    }
    matches.push({ doc, score });
  }
  return matches;
}

function contains(docs: Int32Array, doc: number): boolean {
  let [lo, hi] = [0, docs.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid] === doc) return true;
    if (docs[mid]! < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The index terms of a matched document, for highlighting: every form of every word it contains. */
export function matchedTerms(words: readonly WordHits[], doc: number): string[] {
  const terms: string[] = [];
  for (const word of words) word.hits.forEach((hits, i) => contains(hits.docs, doc) && terms.push(word.terms[i]!));
  return terms;
}

/** Highest score first; ties go to the newer document (higher number), so the order is total. */
export function byRelevance(a: Match, b: Match): number {
  return b.score - a.score || b.doc - a.doc;
}

/**
 * The first `count` items in `compare` order, as a full sort would give them, without sorting
 * everything: a page of results out of 25,000 matches.
 */
export function firstInOrder<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  if (count * 8 >= items.length) return [...items].sort(compare).slice(0, count);
  const top: T[] = [];
  for (const item of items) {
    if (top.length === count && compare(item, top[count - 1]!) >= 0) continue;
    let i = top.length === count ? count - 1 : top.length;
    while (i > 0 && compare(item, top[i - 1]!) < 0) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = item;
  }
  return top;
}
