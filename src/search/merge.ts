/**
 * Combining what each shard's lunr index found into one ranked list.
 *
 * Each lookup asks one shard's index for one term; the weight lunr returns was computed at build
 * time from statistics of the whole archive (BM25 with archive-wide document frequencies and
 * field lengths), so scores from different shards are on one scale and can be added directly.
 */

/** Documents one term matched, with their scores. */
export type TermHits = ReadonlyMap<number, number>;

/** One query word and the hits of each term it may be indexed as (see queryTermsOf). */
export interface WordHits {
  terms: readonly string[];
  hits: readonly TermHits[];
}

export interface Match {
  doc: number;
  score: number;
  /** Index terms that matched in this document, for highlighting. */
  terms: string[];
}

/**
 * A document matches when it contains every word (in any of its forms). Its score is the sum over
 * words of the best-scoring form, so a word found both stemmed and unstemmed is not counted twice.
 */
export function mergeHits(words: readonly WordHits[]): Match[] {
  if (words.length === 0) return [];
  let merged: Map<number, Match> | undefined;
  for (const word of words) {
    const best = new Map<number, Match>();
    word.hits.forEach((hits, i) => {
      const term = word.terms[i]!;
      for (const [doc, score] of hits) {
        const seen = best.get(doc);
        if (seen === undefined) best.set(doc, { doc, score, terms: [term] });
        else {
          seen.score = Math.max(seen.score, score);
          seen.terms.push(term);
        }
      }
    });
    if (merged === undefined) merged = best;
    else {
      const next = new Map<number, Match>();
      for (const [doc, match] of merged) {
        const also = best.get(doc);
        if (also) next.set(doc, { doc, score: match.score + also.score, terms: [...match.terms, ...also.terms] });
      }
      merged = next;
    }
  }
  return [...merged!.values()];
}

/** Highest score first; ties go to the newer document (higher number), so the order is total. */
export function byRelevance(a: Match, b: Match): number {
  return b.score - a.score || b.doc - a.doc;
}
