import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_TYPES } from '../../src/model/types.ts';
import { needsMeta, readState, writeState, type SearchState } from '../../src/search/state.ts';

const searchState: fc.Arbitrary<SearchState> = fc.record({
  q: fc.string().map((s) => s.trim()),
  committee: fc.constantFrom('', 'cabinet', 'full-council'),
  type: fc.constantFrom('' as const, ...ITEM_TYPES),
  from: fc.option(fc.integer({ min: 1990, max: 2040 }), { nil: undefined }),
  to: fc.option(fc.integer({ min: 1990, max: 2040 }), { nil: undefined }),
  keyOnly: fc.boolean(),
  sort: fc.constantFrom('relevance' as const, 'newest' as const),
  page: fc.integer({ min: 1, max: 50 }),
});

describe('search state in the URL', () => {
  it('reads back every search it writes', () => {
    fc.assert(
      fc.property(searchState, (state) => {
        expect(readState(new URLSearchParams(writeState(state).toString()))).toEqual(state);
      }),
    );
  });

  it('leaves defaults out of the URL', () => {
    expect(writeState(readState(new URLSearchParams('q=library'))).toString()).toBe('q=library');
  });

  it('falls back to defaults for malformed values', () => {
    expect(readState(new URLSearchParams('q=+x+&type=agenda&from=20x&to=&sort=oldest&page=-3&key=yes'))).toEqual({
      q: 'x',
      committee: '',
      type: '',
      from: undefined,
      to: undefined,
      keyOnly: false,
      sort: 'relevance',
      page: 1,
    });
  });

  it('needs the filter columns only for filters or newest-first order', () => {
    expect(needsMeta(readState(new URLSearchParams('q=library&page=3')))).toBe(false);
    expect(needsMeta(readState(new URLSearchParams('q=library&sort=newest')))).toBe(true);
    expect(needsMeta(readState(new URLSearchParams('q=library&from=2025')))).toBe(true);
  });
});
