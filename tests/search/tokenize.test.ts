import { describe, expect, it } from 'vitest';
import { fold, parseQuery, termOf, termsOf, tokenize } from '../../src/search/tokenize.ts';

describe('tokenize', () => {
  it('keeps a word that begins with a Welsh letter whole, where lunr’s trimmer would cut "Ŵyl" to "yl"', () => {
    expect(termsOf('“Ŵyl”', 'cy')).toEqual(['wyl']);
  });

  it('keeps Welsh letters inside words', () => {
    expect(termsOf('Gŵyl Ddewi yn Nhŷ Hamdden, Cwm-y-Dŵr', 'cy')).toEqual(['gwyl', 'ddewi', 'nhy', 'hamdden', 'cwm', 'dwr']);
  });

  it('folds accents and case, so "Gŵyl" and "gwyl", "Côr" and "cor" are the same term', () => {
    expect(termOf('Gŵyl', 'cy')).toBe(termOf('gwyl', 'cy'));
    expect(termOf('Côr', 'cy')).toBe('cor');
    expect(fold('Ŷ Â Ê Î Ô Û Ẁ Ẃ Ẅ Ỳ É')).toBe('y a e i o u w w w y e');
  });

  it('stems English text', () => {
    expect(termsOf('Councils considered planning applications', 'en')).toEqual(['council', 'consid', 'plan', 'applic']);
  });

  it('does not stem Welsh text', () => {
    expect(termsOf('cynlluniau planning', 'cy')).toEqual(['cynlluniau', 'planning']);
  });

  it('drops stop words of either language', () => {
    expect(termsOf('the report of the Director', 'en')).toEqual(['report', 'director']);
    expect(termsOf('Bod y Pwyllgor yn cefnogi', 'cy')).toEqual(['pwyllgor', 'cefnogi']);
  });

  it('joins apostrophes inside a word and splits on hyphens and slashes', () => {
    expect(termsOf('officer’s 24/0871/FUL Pont-y-Gŵr', 'en')).toEqual(['offic', '24', '0871', 'ful', 'pont', 'gwr']);
  });

  it('reports where each word is, for highlighting', () => {
    expect(tokenize('Gŵyl, côr', 'cy')).toEqual([
      { start: 0, end: 4, term: 'gwyl' },
      { start: 6, end: 9, term: 'cor' },
    ]);
  });
});

describe('parseQuery', () => {
  it('looks a word up both as written and stemmed, since the searcher’s language is unknown', () => {
    expect(parseQuery('Planning')).toEqual([{ word: 'Planning', terms: ['planning', 'plan'] }]);
  });

  it('looks a word that stems to itself up once', () => {
    expect(parseQuery('gŵyl')).toEqual([{ word: 'gŵyl', terms: ['gwyl'] }]);
  });

  it('drops stop words and repeated words', () => {
    expect(parseQuery('the library and the Library').map((w) => w.word)).toEqual(['library']);
  });
});
