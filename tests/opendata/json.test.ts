import { describe, expect, it } from 'vitest';
import { itemsJsonFile } from '../../src/opendata/items-json.ts';
import { meetingsJsonFile } from '../../src/opendata/meetings-json.ts';
import { committeesJsonFile } from '../../src/opendata/committees-json.ts';
import { committeesJson, itemsJson, meetingsJson } from '../../src/opendata/schemas.ts';
import { makeCouncil, SECRET, WELSH_TITLE } from './factory.ts';

const council = makeCouncil();
const items = itemsJson.parse(JSON.parse(itemsJsonFile(council)));

describe('/api/items.json', () => {
  it('matches its documented schema, one object per agenda item in order', () => {
    expect(items.map((i) => i.url)).toEqual(council.items.map((i) => i.url));
  });

  it('publishes an exempt item with exactly number, title, reason and where it sits', () => {
    const exempt = JSON.parse(itemsJsonFile(council)).find((i: { exempt: boolean }) => i.exempt);
    expect(Object.keys(exempt).sort()).toEqual(['committee', 'date', 'exempt', 'exempt_reason', 'item', 'meeting', 'pdf', 'title', 'url']);
    expect(itemsJsonFile(council)).not.toContain(SECRET);
  });

  it('keeps Welsh letters as they were written', () => {
    expect(items[0]!.title).toBe(WELSH_TITLE);
    expect(itemsJsonFile(council)).toContain('ŵ');
  });

  it('links a reference to the item it was referred from and back', () => {
    const reference = items.find((i) => !i.exempt && i.type === 'reference');
    expect(reference && !reference.exempt && reference.referred_from).toEqual({
      committee: 'cabinet',
      date: '2026-06-16',
      minute: '101',
      meeting: '2026-06-16-cabinet',
      url: '/meetings/2026-06-16-cabinet/gwyl/',
    });
    const source = items[0]!;
    expect(!source.exempt && source.referred_to.map((t) => t.url)).toEqual(['/meetings/2026-12-10-full-council/ref-gwyl/']);
  });

  it('writes absent values as null rather than leaving keys out', () => {
    const budget = JSON.parse(itemsJsonFile(council))[1];
    expect(budget.issue).toBeNull();
    expect(budget.referred_from).toBeNull();
  });
});

describe('/api/meetings.json and /api/committees.json', () => {
  it('meetings.json matches its schema and marks the cancelled meeting', () => {
    const meetings = meetingsJson.parse(JSON.parse(meetingsJsonFile(council)));
    expect(meetings.find((m) => m.slug === '2026-11-05-full-council')?.status).toBe('cancelled');
    expect(meetingsJsonFile(council)).not.toContain(SECRET);
  });

  it('committees.json matches its schema and names feed and calendar when the site has a base URL', () => {
    const committees = committeesJson.parse(JSON.parse(committeesJsonFile(council)));
    expect(committees[1]).toMatchObject({ slug: 'full-council', name_cy: 'Cyngor Llawn', feed: '/feeds/committees/full-council.xml' });
  });

  it('committees.json has no feed or calendar links when the site has no base URL', () => {
    const committees = committeesJson.parse(JSON.parse(committeesJsonFile(makeCouncil({ baseUrl: null }))));
    expect(committees.every((c) => c.feed === null && c.calendar === null)).toBe(true);
  });
});
