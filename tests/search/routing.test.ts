import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/build-index.ts';
import { partition, separator, shardFor } from '../../src/search/routing.ts';
import { decodeShard } from '../../src/search/shard-format.ts';
import type { Manifest } from '../../src/search/store.ts';
import { fixtureCouncil } from './council.ts';

describe('shard routing', () => {
  it('sends a term to the last shard whose lower bound is not after it', () => {
    const bounds = ['', 'c', 'gw', 'p'];
    expect(['apple', 'c', 'cyngor', 'gwa', 'gwyl', 'ph', 'p', 'zz'].map((t) => shardFor(t, bounds))).toEqual([0, 1, 1, 2, 2, 3, 3, 3]);
  });

  it('names a range by the shortest prefix of its first term that sorts after the previous range', () => {
    expect(separator('council', 'councillor')).toBe('councill');
    expect(separator('cyngor', 'gwyl')).toBe('g');
    expect(separator('gwaith', 'gwyl')).toBe('gwy');
  });

  it('cuts sorted sizes into groups near the target, an oversized item alone', () => {
    expect(partition([4, 4, 4, 30, 1, 1, 9], 10)).toEqual([0, 2, 3, 4, 6]);
    expect(partition([4, 4], Infinity)).toEqual([0]);
    expect(partition([], 10)).toEqual([]);
  });

  it('routes every term of a built index to the shard that holds it', async () => {
    const index = buildIndex(await fixtureCouncil(), 600);
    const manifest = JSON.parse(new TextDecoder().decode(index.files.get(index.manifest))) as Manifest;
    expect(manifest.shards.length).toBeGreaterThan(10);
    manifest.shards.forEach((url, n) => {
      for (const { term } of decodeShard(index.files.get(url.slice(1))!)) expect(shardFor(term, manifest.bounds)).toBe(n);
    });
  });
});
