import lunr from 'lunr';
import type { TermHits } from './merge.ts';
import type { ShardTerm } from './shard-format.ts';
import { dequantize } from './weights.ts';

/** The one field of a shard index: the build already summed the boosted fields into each weight. */
const FIELD = 'text';

/**
 * A real lunr index over one shard's terms, assembled from the decoded shard rather than from
 * lunr's verbose JSON (which is what makes one big lunr index 60 MB). Document references are
 * document numbers; each field vector holds the document's stored weights for this shard's terms.
 */
export function lunrIndexOf(terms: readonly ShardTerm[]): lunr.Index {
  const invertedIndex: Record<string, unknown> = Object.create(null);
  const elements = new Map<number, number[]>();
  terms.forEach(({ term, docs, weights }, termIndex) => {
    const postings: Record<string, object> = Object.create(null);
    docs.forEach((doc, i) => {
      postings[doc] = {};
      let vector = elements.get(doc);
      if (vector === undefined) elements.set(doc, (vector = []));
      // Terms come in index order, so each vector's elements are already sorted as lunr needs.
      vector.push(termIndex, dequantize(weights[i]!));
    });
    invertedIndex[term] = { _index: termIndex, [FIELD]: postings };
  });
  const fieldVectors: Record<string, lunr.Vector> = Object.create(null);
  for (const [doc, vector] of elements) fieldVectors[`${FIELD}/${doc}`] = new lunr.Vector(vector);
  const tokenSet = (lunr.TokenSet as unknown as { fromArray(words: string[]): lunr.TokenSet }).fromArray(terms.map((t) => t.term));
  return new lunr.Index({
    invertedIndex,
    fieldVectors,
    tokenSet,
    fields: [FIELD],
    pipeline: new lunr.Pipeline(),
  } as unknown as lunr.Index.Attributes);
}

/**
 * The documents containing one exact term, with lunr's score. A one-term query's vector has
 * magnitude 1, so the score is the stored weight itself: comparable across shards.
 */
export function lookup(index: lunr.Index, term: string): TermHits {
  const results = index.query((query) => query.term(term, { usePipeline: false }));
  return new Map(results.map((result) => [Number(result.ref), result.score]));
}
