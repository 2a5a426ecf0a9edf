import { beforeAll, describe, expect, it } from 'vitest';
import type { Council } from '../../src/model/types.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { parseQuery } from '../../src/search/tokenize.ts';
import { markdownText } from '../../src/search/documents.ts';
import { councilOf, exemptItem, fixtureCouncil, openItem } from './council.ts';
import { engineFor, state } from './engine-helpers.ts';

let council: Council;
beforeAll(async () => {
  council = await fixtureCouncil();
});

const ids = async (query: string) => (await engineFor(council).engine.search(state(query))).results.map((r) => r.id);

describe('search engine over the fixture council', () => {
  it('finds an item by words of its body', async () => {
    expect(await ids('q=rota+trade+unions')).toEqual(['2025-07-07-cabinet/03-hwrc-opening-hours']);
  });

  it('finds a Welsh item by a word with ŵ, with and without the accent', async () => {
    const withAccent = await ids('q=ŵyl');
    expect(withAccent).toContain('2026-10-08-scrutiny-communities/03-gwyl-ddewi-2027');
    expect(await ids('q=wyl')).toEqual(withAccent);
  });

  it('finds nothing by a word of an exempt item', async () => {
    expect(await ids('q=Zephyrine')).toEqual([]);
  });

  it('narrows results by committee, type, year and key decisions', async () => {
    const all = await engineFor(council).engine.search(state('q=library'));
    const byCommittee = await engineFor(council).engine.search(state('q=library&committee=cabinet'));
    const byType = await engineFor(council).engine.search(state('q=library&type=reference'));
    const byYear = await engineFor(council).engine.search(state('q=library&from=2026&to=2026'));
    for (const narrowed of [byCommittee, byType, byYear]) {
      expect(narrowed.total).toBeGreaterThan(0);
      expect(narrowed.total).toBeLessThan(all.total);
    }
    expect(byCommittee.results.every((r) => r.committee?.slug === 'cabinet')).toBe(true);
    expect(byType.results.every((r) => r.type === 'reference')).toBe(true);
    expect(byYear.results.every((r) => r.date.startsWith('2026'))).toBe(true);
    const key = await engineFor(council).engine.search(state('q=council&key=1'));
    expect(key.results.length).toBeGreaterThan(0);
    expect(key.results.every((r) => r.keyDecision)).toBe(true);
  });

  it('orders newest first on request', async () => {
    const { results } = await engineFor(council).engine.search(state('q=library&sort=newest'));
    const dates = results.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('fetches only the manifest, the shards of the query’s terms and the chunks of the results shown', async () => {
    const { engine, fetched } = engineFor(council, 400);
    await engine.search(state('q=library'));
    expect(fetched[0]).toMatch(/^\/search\/index-[0-9a-f]{10}\.json$/);
    expect(fetched.filter((url) => url.includes('/shards/'))).toHaveLength(1);
    expect(fetched.some((url) => url.includes('/meta-'))).toBe(false);
  });

  it('gives each result its item page and PDF', async () => {
    const [result] = (await engineFor(council).engine.search(state('q=rota'))).results;
    expect(result).toMatchObject({
      url: '/meetings/2025-07-07-cabinet/03-hwrc-opening-hours/',
      pdf: '/meetings/2025-07-07-cabinet/03-hwrc-opening-hours.pdf',
      minute: '504',
      committee: { slug: 'cabinet', name: 'Cabinet' },
      type: 'resolution',
    });
  });
});

describe('recall', () => {
  it('finds every open item of the fixture by every word of its text (link targets are not text)', async () => {
    const { engine } = engineFor(council);
    const missed: string[] = [];
    const open = council.items.filter((item) => !item.exempt);
    for (const [doc, item] of open.entries()) {
      const words = new Set([item.title, item.decision ?? '', ...item.resolved, ...item.recommended, markdownText(item.body)].join(' ').match(/[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu));
      for (const word of words) {
        if (parseQuery(word).length === 0) continue; // a stop word
        if (!(await engine.match(word)).some((m) => m.doc === doc)) missed.push(`${item.id}: ${word}`);
      }
    }
    expect(missed).toEqual([]);
  });
});

describe('exempt items', () => {
  it('never index any text of an exempt item, even a body the model should not carry', async () => {
    const leaked = { ...exemptItem('land', '2026-01-10', 'Disposal of land'), body: 'Quillfeather bid accepted' };
    const council = councilOf([leaked, openItem('open', '2026-01-10', { title: 'Open item', body: 'Nothing secret' })]);
    const { engine } = engineFor(council);
    expect(await engine.match('quillfeather')).toEqual([]);
    expect(await engine.match('disposal')).toEqual([]);
    expect((await engine.match('secret')).length).toBe(1);
  });
});

describe('edge cases', () => {
  it('answers with no results for a council with nothing indexed', async () => {
    const { engine } = engineFor(councilOf([exemptItem('land', '2026-01-10', 'Disposal of land')]));
    expect(await engine.search(state('q=land'))).toEqual({ total: 0, results: [], page: 1, pages: 1 });
  });

  it('answers with no results for a query of stop words only', async () => {
    expect((await engineFor(council).engine.search(state('q=the+of+and'))).total).toBe(0);
  });

  it('shows the last page when asked for a page past the end', async () => {
    const answer = await engineFor(council).engine.search(state('q=library&page=99'));
    expect(answer.page).toBe(answer.pages);
    expect(answer.results.length).toBeGreaterThan(0);
  });
});

describe('failures', () => {
  it('retries a file that failed to load on the next search', async () => {
    const { loader, manifest } = engineFor(council);
    let failures = 1;
    const flaky = new SearchEngine(manifest, {
      bytes: loader.bytes,
      json: async (url) => {
        if (failures-- > 0) throw new Error('network down');
        return loader.json(url);
      },
    });
    await expect(flaky.search(state('q=rota'))).rejects.toThrow('network down');
    expect((await flaky.search(state('q=rota'))).total).toBe(1);
  });
});
