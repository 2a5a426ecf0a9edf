import { describe, expect, it } from 'vitest';
import { longDate, statusText } from '../../src/search/browser/render.ts';
import { readState } from '../../src/search/state.ts';
import { TEXT } from '../../src/search/browser/text.ts';

describe('result text', () => {
  it('writes meeting dates in full, whatever the browser’s locale', () => {
    expect(longDate('2026-10-08')).toBe('8 October 2026');
  });

  it('announces the count with thousands separated, and the page when there are several', () => {
    const state = readState(new URLSearchParams('q=council report&page=2'));
    expect(statusText(state, { total: 25_699, results: [], page: 2, pages: 2570 })).toBe('25,699 results for “council report”, page 2 of 2,570.');
    expect(statusText(state, { total: 1, results: [], page: 1, pages: 1 })).toBe('1 result for “council report”.');
    expect(statusText(state, { total: 0, results: [], page: 1, pages: 1 })).toBe('No results for “council report”.');
  });

  it('writes dates and the count in Welsh on a Welsh page', () => {
    const state = readState(new URLSearchParams('q=gŵyl'));
    expect(longDate('2026-10-08', TEXT.cy)).toBe('8 Hydref 2026');
    expect(statusText(state, { total: 0, results: [], page: 1, pages: 1 }, TEXT.cy)).toBe('Dim canlyniadau ar gyfer “gŵyl”.');
    expect(statusText(state, { total: 3, results: [], page: 1, pages: 1 }, TEXT.cy)).toBe('3 o ganlyniadau ar gyfer “gŵyl”.');
  });

  it('has every message in both languages', () => {
    expect(Object.keys(TEXT.cy).sort()).toEqual(Object.keys(TEXT.en).sort());
    expect(TEXT.cy.months).toHaveLength(12);
  });
});
