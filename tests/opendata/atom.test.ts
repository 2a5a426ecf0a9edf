import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeeds, decisionsFeed, issueFeed } from '../../src/opendata/atom.ts';
import { absolute, makeCouncil, SECRET, WELSH_TITLE } from './factory.ts';

const council = makeCouncil();
const files = new Map([['/meetings/2026-10-27-cabinet/budget.pdf', { size: 1234, sha256: 'x' }]]);
const feeds = atomFeeds(council, absolute, files);

describe('Atom feeds', () => {
  it('publishes the council feed, one per committee and one per issue', () => {
    expect([...feeds.keys()].sort()).toEqual([
      '/feeds/committees/cabinet.xml',
      '/feeds/committees/full-council.xml',
      '/feeds/decisions.xml',
      '/feeds/issues/gwyl-ddewi.xml',
    ]);
  });

  it('every feed is well-formed XML that a feed parser reads as Atom', () => {
    for (const [url, xml] of feeds) {
      expect(XMLValidator.validate(xml), url).toBe(true);
      const feed = parseFeed(xml);
      expect(feed.meta.type, url).toBe('atom');
      expect(feed.self).toBe(absolute(url));
    }
  });

  it('lists the latest decisions newest first, each linking its page and its PDF', () => {
    const feed = parseFeed(decisionsFeed(council, absolute, files));
    expect(feed.items.map((i) => i.id)).toEqual([
      absolute('/meetings/2026-10-27-cabinet/budget/'),
      absolute('/meetings/2026-06-16-cabinet/gwyl/'),
    ]);
    const [budget] = feed.items;
    expect(budget!.url).toBe(absolute('/meetings/2026-10-27-cabinet/budget/'));
    expect(budget!.media[0]).toMatchObject({ url: absolute('/meetings/2026-10-27-cabinet/budget.pdf'), mimeType: 'application/pdf', length: 1234 });
  });

  it('dates entries from the meeting, not from the build', () => {
    const feed = parseFeed(decisionsFeed(council, absolute));
    expect(feed.items[0]!.updated?.toISOString()).toBe('2026-10-27T14:00:00.000Z');
    expect(feed.items[1]!.updated?.toISOString()).toBe('2026-06-16T13:00:00.000Z');
    expect(feed.updated?.toISOString()).toBe('2026-10-27T14:00:00.000Z');
  });

  it('follows an issue through every committee, Welsh title intact', () => {
    const feed = parseFeed(issueFeed(council, absolute, council.issues[0]!));
    expect(feed.title).toBe(WELSH_TITLE);
    expect(feed.items.map((i) => i.title)).toEqual([`Reference from Cabinet: ${WELSH_TITLE}`, WELSH_TITLE]);
  });

  it('escapes content text instead of letting it become markup', () => {
    const evil = makeCouncil();
    evil.items[1] = { ...evil.items[1]!, title: '<script>alert(1)</script> & </title>' };
    const feed = parseFeed(decisionsFeed(evil, absolute));
    expect(feed.items[0]!.title).toBe('<script>alert(1)</script> & </title>');
  });

  it('leaves exempt items out and never prints their text', () => {
    for (const xml of feeds.values()) {
      expect(xml).not.toContain(SECRET);
      expect(xml).not.toContain('Aberllys');
    }
  });
});
