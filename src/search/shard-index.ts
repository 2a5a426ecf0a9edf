import lunr from 'lunr';
import type { TermHits } from './merge.ts';
import type { DecodedTerm, ShardTerm } from './shard-format.ts';
import { dequantize } from './weights.ts';

/** The one field of a shard index: the build already summed the boosted fields into each weight. */
const FIELD = 'text';

const WEIGHTS = Array.from({ length: 256 }, (_, byte) => dequantize(byte));

/**
 * One shard, ready to answer "which documents contain this term, and how well". The answer is
 * the one a lunr index of the shard gives (see lunrIndexOf, and tests/search/shard-index.test.ts),
 * read straight from the decoded postings: lunr's query builds several objects per matching
 * document, which for a word in 28,000 items costs 200 ms of CPU, against 1 ms here.
 */
export class ShardIndex {
  private readonly byTerm: Map<string, DecodedTerm>;

  constructor(terms: readonly DecodedTerm[]) {
    this.byTerm = new Map(terms.map((t) => [t.term, t]));
  }

  /** Documents containing exactly this term, ascending, with their weights. */
  lookup(term: string): TermHits {
    const found = this.byTerm.get(term);
    if (found === undefined) return { docs: new Int32Array(), scores: new Float32Array() };
    const { docs, weights } = found;
    const scores = new Float32Array(weights.length);
    for (let i = 0; i < weights.length; i++) scores[i] = WEIGHTS[weights[i]!]!;
    return { docs, scores };
  }
}

/**
 * The same shard as a real lunr index, assembled from the decoded postings rather than from
 * lunr's verbose JSON (which is what makes one big lunr index 60 MB). Document references are
 * document numbers; each field vector holds the document's weights for this shard's terms, so a
 * one-term query scores each document with its stored weight (a one-term query vector has
 * magnitude 1). The browser does not use it (too slow for common words at 30,000 items); it is
 * the reference the fast path is tested against.
 */
export function lunrIndexOf(terms: readonly ShardTerm[]): lunr.Index {
  const invertedIndex: Record<string, unknown> = Object.create(null);
  const elements = new Map<number, number[]>();
  terms.forEach(({ term, docs, weights }, termIndex) => {
    const postings: Record<string, object> = Object.create(null);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      postings[doc] = {};
      let vector = elements.get(doc);
      if (vector === undefined) elements.set(doc, (vector = []));
      // Terms come in index order, so each vector's elements are already sorted as lunr needs.
      vector.push(termIndex, WEIGHTS[weights[i]!]!);
    }
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

/** The documents a lunr index finds for one exact term, with lunr's scores. */
export function lunrLookup(index: lunr.Index, term: string): Map<number, number> {
  const results = index.query((query) => query.term(term, { usePipeline: false }));
  return new Map(results.map((result) => [Number(result.ref), result.score]));
}
