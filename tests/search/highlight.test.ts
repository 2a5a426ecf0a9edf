import { describe, expect, it } from 'vitest';
import { highlight } from '../../src/search/highlight.ts';

const marked = (text: string, lang: 'en' | 'cy', terms: string[]) =>
  highlight(text, lang, new Set(terms))
    .map((s) => (s.mark ? `[${s.text}]` : s.text))
    .join('');

describe('highlight', () => {
  it('marks every form of a matched word as written, accents and case kept', () => {
    expect(marked('Gŵyl Ddewi: yr ŵyl a’r GWYL', 'cy', ['gwyl', 'wyl'])).toBe('[Gŵyl] Ddewi: yr [ŵyl] a’r [GWYL]');
  });

  it('marks English words by their stem', () => {
    expect(marked('Planning applications were planned', 'en', ['plan'])).toBe('[Planning] applications were [planned]');
  });

  it('keeps the text whole, marked or not', () => {
    const text = 'A <b>bold</b> & “quoted” library';
    expect(highlight(text, 'en', new Set(['librari'])).map((s) => s.text).join('')).toBe(text);
  });

  it('marks nothing when no term matches', () => {
    expect(highlight('Library review', 'en', new Set(['gwyl']))).toEqual([{ text: 'Library review', mark: false }]);
  });
});
