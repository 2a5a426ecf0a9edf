import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { alternatesFor, addToCalendarHref } from '../../src/opendata/alternates.ts';
import { contentsOf } from '../../src/opendata/kept.ts';
import { openDataFiles } from '../../src/opendata/outputs.ts';
import type { Council } from '../../src/model/types.ts';
import { makeCouncil, WELSH_TITLE } from './factory.ts';

/** The factory council, publishing in Welsh too. */
function bilingual(): Council {
  const council = makeCouncil();
  return { ...council, site: { ...council.site, nameCy: 'Cyngor Enghraifft' } };
}

const files = new Map(contentsOf(openDataFiles(bilingual(), new Map()).files));

describe('Welsh feeds and calendars', () => {
  it('publishes every feed and calendar again under /cy/ when the council publishes in Welsh', () => {
    const english = [...files.keys()].filter((u) => u.startsWith('/feeds/') || u.startsWith('/calendar/'));
    expect(english.length).toBeGreaterThan(0);
    for (const url of english) expect(files.has(`/cy${url}`), url).toBe(true);
    const onlyEnglish = new Map(contentsOf(openDataFiles(makeCouncil(), new Map()).files));
    expect([...onlyEnglish.keys()].some((u) => u.startsWith('/cy/'))).toBe(false);
  });

  it('writes the Welsh decisions feed in Welsh, linking Welsh pages', () => {
    const xml = files.get('/cy/feeds/decisions.xml')!;
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="cy">');
    expect(xml).toContain('<title>Cyngor Enghraifft: penderfyniadau</title>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://papers.example.org/cy/feeds/decisions.xml"/>');
    expect(xml).toContain('Penderfynwyd:');
    expect(xml).not.toMatch(/href="https:\/\/papers\.example\.org\/meetings\/[^"]*\/"/);
  });

  it('encloses the PDF of the words an entry shows: the English PDF of an item with no Welsh version', () => {
    const xml = files.get('/cy/feeds/decisions.xml')!;
    expect(xml).toMatch(/<link rel="enclosure" type="application\/pdf" href="https:\/\/papers\.example\.org\/meetings\/2026-10-27-cabinet\/budget\.pdf" hreflang="en"/);
  });

  it('keeps an item with no Welsh version in the Welsh feed in English, marked xml:lang="en"', () => {
    const xml = files.get('/cy/feeds/decisions.xml')!;
    expect(xml).toMatch(/<entry xml:lang="en">\s*<id>https:\/\/papers\.example\.org\/cy\/meetings\/2026-10-27-cabinet\/budget\/<\/id>/);
    expect(xml).toContain(`<title>${WELSH_TITLE}</title>`);
  });

  it('names the Welsh calendar in Welsh and links the Welsh meeting pages', () => {
    const ics = files.get('/cy/calendar/meetings.ics')!;
    expect(ics).toContain('NAME:Cyngor Enghraifft: cyfarfodydd');
    expect(ics).toContain('URL:https://papers.example.org/cy/meetings/2026-10-27-cabinet/');
  });

  it('points Welsh pages at the Welsh feeds and calendars', () => {
    const council = bilingual();
    expect(alternatesFor(council, { kind: 'home' }, 'cy').map((a) => a.href)).toEqual(['/cy/feeds/decisions.xml', '/cy/calendar/meetings.ics']);
    expect(addToCalendarHref(council, '2026-10-27-cabinet', 'cy')).toBe('/cy/calendar/meetings/2026-10-27-cabinet.ics');
    expect(alternatesFor(council, { kind: 'home' }).map((a) => a.href)).toEqual(['/feeds/decisions.xml', '/calendar/meetings.ics']);
  });
});
