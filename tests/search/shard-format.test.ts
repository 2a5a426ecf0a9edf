import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShard, encodeShard, type ShardTerm } from '../../src/search/shard-format.ts';
import { dequantize, quantize } from '../../src/search/weights.ts';

const shard = fc
  .uniqueArray(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { maxLength: 30 })
  .chain((words) =>
    fc.tuple(
      ...[...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((term) =>
        fc.oneof(fc.uniqueArray(fc.nat(100_000), { minLength: 1, maxLength: 40 }), fc.uniqueArray(fc.nat(300), { minLength: 30, maxLength: 250 })).chain((docs) =>
          fc.array(fc.integer({ min: 1, max: 255 }), { minLength: docs.length, maxLength: docs.length }).map(
            (weights): ShardTerm => ({ term, docs: [...docs].sort((a, b) => a - b), weights }),
          ),
        ),
      ),
    ),
  );

describe('shard format', () => {
const plain = (terms: ShardTerm[]) => terms.map(({ term, docs, weights }) => ({ term, docs: Array.from(docs), weights: Array.from(weights) }));

  it('decodes exactly what was encoded', () => {
    fc.assert(
      fc.property(shard, (terms) => {
        expect(plain(decodeShard(encodeShard(terms)))).toEqual(terms);
      }),
    );
  });

  it('stores the documents of a very common term as a bitmap, an eighth of the size', () => {
    const docs = Array.from({ length: 20_000 }, (_, i) => i * 2 + 3);
    const term: ShardTerm = { term: 'council', docs, weights: docs.map((d) => 1 + (d % 255)) };
    const bytes = encodeShard([term]);
    expect(bytes.length).toBeLessThan(20_000 + 40_000 / 8 + 20);
    expect(plain(decodeShard(bytes))).toEqual([term]);
  });

  it('rejects a truncated shard', () => {
    const bytes = encodeShard([{ term: 'gwyl', docs: [1, 500, 70_000], weights: [10, 20, 30] }]);
    expect(() => decodeShard(bytes.subarray(0, bytes.length - 4))).toThrow(/ends early/);
  });
});

describe('weights', () => {
  it('stores a weight within 2.5% and keeps the order of weights', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.011, max: 990, noNaN: true }), fc.double({ min: 0.011, max: 990, noNaN: true }), (a, b) => {
        expect(Math.abs(dequantize(quantize(a)) / a - 1)).toBeLessThan(0.025);
        if (a < b) expect(quantize(a)).toBeLessThanOrEqual(quantize(b));
      }),
    );
  });
});
