import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/build-index.ts';
import { decodeShard } from '../../src/search/shard-format.ts';
import { lunrIndexOf, lunrLookup, ShardIndex } from '../../src/search/shard-index.ts';
import { fixtureCouncil } from './council.ts';

describe('a shard index', () => {
  it('finds the same documents with the same scores as a lunr index of the shard, for every term', async () => {
    const index = buildIndex(await fixtureCouncil(), 2000);
    const shards = [...index.files].filter(([name]) => name.includes('/shards/'));
    expect(shards.length).toBeGreaterThan(3);
    for (const [, bytes] of shards) {
      const terms = decodeShard(bytes);
      const [fast, lunr] = [new ShardIndex(terms), lunrIndexOf(terms)];
      for (const { term } of terms) {
        const expected = lunrLookup(lunr, term);
        const actual = fast.lookup(term);
        expect([...actual.docs].sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
        actual.docs.forEach((doc, i) => expect(actual.scores[i]).toBeCloseTo(expected.get(doc)!, 5));
      }
    }
  });

  it('finds nothing for a term it does not hold', () => {
    expect(new ShardIndex([]).lookup('gwyl').docs.length).toBe(0);
  });
});
