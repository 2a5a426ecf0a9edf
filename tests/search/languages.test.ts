import { beforeAll, describe, expect, it } from 'vitest';
import type { Council } from '../../src/model/types.ts';
import { documentsOf } from '../../src/search/documents.ts';
import { SAME_LANGUAGE_BOOST, weighTerms } from '../../src/search/build-index.ts';
import { dequantize } from '../../src/search/weights.ts';
import { fixtureCouncil } from './council.ts';
import { engineFor, state } from './engine-helpers.ts';

const TRANSLATED = '2025-07-07-cabinet/03-hwrc-opening-hours';
let council: Council;

beforeAll(async () => {
  council = await fixtureCouncil();
});

describe('search in each language of the site', () => {
  it('indexes an item\'s Welsh version for the Welsh pages and its English original for the English ones', () => {
    const cy = documentsOf(council, 'cy').find((d) => d.item.id === TRANSLATED)!;
    const en = documentsOf(council, 'en').find((d) => d.item.id === TRANSLATED)!;
    expect([cy.lang, cy.title]).toEqual(['cy', 'Canolfannau Ailgylchu Gwastraff y Cartref – Oriau Agor Tymhorol']);
    expect([en.lang, en.title]).toEqual(['en', 'Household Waste Recycling Centres – Seasonal Opening Hours']);
  });

  it('indexes an untranslated item by its original text, in its own language, on the Welsh pages', () => {
    const doc = documentsOf(council, 'cy').find((d) => d.item.id === '2025-07-07-cabinet/02-reference-library-service-review')!;
    expect(doc.lang).toBe('en');
  });

  it('finds a word of the Welsh version from the Welsh pages, linking to the Welsh page and PDF', async () => {
    const { engine } = engineFor(council, undefined, 'cy');
    const answer = await engine.search(state('q=ailgylchu'));
    const hit = answer.results.find((r) => r.id === TRANSLATED)!;
    expect(hit.url).toBe('/cy/meetings/2025-07-07-cabinet/03-hwrc-opening-hours/');
    expect(hit.pdf).toBe('/cy/meetings/2025-07-07-cabinet/03-hwrc-opening-hours.pdf');
    expect(hit.lang).toBe('cy');
  });

  it('does not find the Welsh version\'s words from the English pages', async () => {
    const { engine } = engineFor(council, undefined, 'en');
    const answer = await engine.search(state('q=ailgylchu'));
    expect(answer.results.map((r) => r.id)).not.toContain(TRANSLATED);
  });

  it('weighs text in the index\'s own language above the same text in another', () => {
    const [item] = documentsOf(council, 'en');
    const fields = { title: 'Gŵyl', minute: '', decision: '', resolutions: '', body: 'Gŵyl' };
    const docs = [
      { item: item!.item, lang: 'cy' as const, title: 'Gŵyl', fields },
      { item: item!.item, lang: 'en' as const, title: 'Gŵyl', fields },
    ];
    const weightsIn = (lang: 'en' | 'cy') => Array.from(weighTerms(docs, lang).find((t) => t.term === 'gwyl')!.weights, dequantize);
    const [welshInCy, englishInCy] = weightsIn('cy');
    const [welshInEn, englishInEn] = weightsIn('en');
    // Weights are stored on a log scale with steps of about 4.6%.
    expect(SAME_LANGUAGE_BOOST).toBeGreaterThan(1.2);
    expect(welshInCy! / englishInCy!).toBeGreaterThan(SAME_LANGUAGE_BOOST * 0.95);
    expect(welshInCy! / englishInCy!).toBeLessThan(SAME_LANGUAGE_BOOST * 1.05);
    expect(englishInEn! / welshInEn!).toBeGreaterThan(SAME_LANGUAGE_BOOST * 0.95);
  });
});
