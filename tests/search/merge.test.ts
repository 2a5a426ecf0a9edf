import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byRelevance, firstInOrder, hitsOf, matchedTerms, mergeHits } from '../../src/search/merge.ts';
import { councilOf, fixtureCouncil, openItem } from './council.ts';
import { engineFor } from './engine-helpers.ts';

const hits = (entries: [number, number][]) => hitsOf(entries);

describe('merging hits', () => {
  it('keeps only documents that contain every word, adding the words’ scores', () => {
    const merged = mergeHits([
      { terms: ['library'], hits: [hits([[1, 2], [2, 3], [5, 1]])] },
      { terms: ['review'], hits: [hits([[2, 4], [5, 0.5], [7, 9]])] },
    ]).sort(byRelevance);
    expect(merged.map(({ doc, score }) => [doc, score])).toEqual([[2, 7], [5, 1.5]]);
  });

  it('counts a word found in several forms once, by its best form', () => {
    const words = [{ terms: ['planning', 'plan'], hits: [hits([[3, 1]]), hits([[3, 4]])] }];
    expect(mergeHits(words)).toEqual([{ doc: 3, score: 4 }]);
    expect(matchedTerms(words, 3)).toEqual(['planning', 'plan']);
  });

  it('finds nothing for no words', () => {
    expect(mergeHits([])).toEqual([]);
  });

  it('orders equal scores newest document first', () => {
    const merged = mergeHits([{ terms: ['x'], hits: [hits([[1, 2], [9, 2], [4, 5]])] }]).sort(byRelevance);
    expect(merged.map((m) => m.doc)).toEqual([4, 9, 1]);
  });

  it('picks the first results of a page exactly as a full sort would', () => {
    const match = fc.record({ doc: fc.nat(50), score: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(fc.uniqueArray(match, { selector: (m) => m.doc, maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (matches, count) => {
        expect(firstInOrder(matches, count, byRelevance)).toEqual([...matches].sort(byRelevance).slice(0, count));
      }),
    );
  });

  it('gives the same scores whether the vocabulary is in one shard or split over many', async () => {
    const council = await fixtureCouncil();
    const whole = engineFor(council, Infinity).engine;
    const split = engineFor(council, 400).engine;
    for (const query of ['library service review', 'gwyl ddewi', 'council tax', 'recycling centres hours', 'budget']) {
      const [a, b] = [await whole.match(query), await split.match(query)];
      expect(a.length).toBeGreaterThan(0);
      expect(b.sort(byRelevance)).toEqual(a.sort(byRelevance));
    }
  });

  it('ranks a title match above a passing mention in the body', async () => {
    const council = councilOf([
      openItem('mention', '2026-01-10', { title: 'Budget monitoring', body: 'The allotments were mentioned once.' }),
      openItem('titled', '2025-01-10', { title: 'Allotments strategy', body: 'A strategy for the county.' }),
    ]);
    const matches = (await engineFor(council).engine.match('allotments')).sort(byRelevance);
    expect(matches.map((m) => m.doc)).toEqual([0, 1]);
  });
});
