import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCouncil } from '../../src/content/load.ts';
import { indexOf, missingTranslations, textOf } from '../../src/model/queries.ts';
import { councilIn } from '../../src/model/localise.ts';
import type { Council, OpenItem } from '../../src/model/types.ts';

const VALID = path.resolve(__dirname, '../fixtures/valid');
let council: Council;

const open = (id: string) => {
  const item = indexOf(council).item(id);
  if (item.exempt) throw new Error(`${id} is exempt`);
  return item as OpenItem;
};

beforeAll(async () => {
  const result = await loadCouncil(VALID);
  expect(result.problems).toEqual([]);
  council = result.council!;
});

describe('loadCouncil on the valid fixture', () => {
  it('keeps dates as written, not as js-yaml Date objects', () => {
    const meeting = indexOf(council).meeting('2025-07-07-cabinet');
    expect(meeting.date).toBe('2025-07-07');
  });

  it('gives meeting start times with the council zone offset either side of the clock change', () => {
    expect(indexOf(council).meeting('2026-10-27-cabinet').start).toMatch(/T10:00:00\.000\+00:00$/);
    expect(indexOf(council).meeting('2026-03-31-cabinet').start).toMatch(/\+01:00$/);
  });

  it('sorts meetings by date and items in agenda order', () => {
    const dates = council.meetings.map((m) => m.date);
    expect(dates).toEqual([...dates].sort());
    const agenda = indexOf(council).meeting('2026-10-27-cabinet').items;
    expect(agenda.map((id) => indexOf(council).item(id).item)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('resolves a reference to the meeting and item it came from', () => {
    const reference = open('2025-07-07-cabinet/02-reference-library-service-review');
    expect(reference.referredFrom).toMatchObject({
      committee: 'scrutiny-communities',
      meeting: '2025-06-12-scrutiny-communities',
      itemId: '2025-06-12-scrutiny-communities/03-library-service-review',
    });
  });

  it('derives "referred to" on the source item from the reference', () => {
    const source = open('2025-06-12-scrutiny-communities/03-library-service-review');
    expect(source.referredTo).toEqual([
      { committee: 'cabinet', date: '2025-07-07', meeting: '2025-07-07-cabinet', itemId: '2025-07-07-cabinet/02-reference-library-service-review' },
    ]);
  });

  it('collects an issue history oldest first across committees', () => {
    const issue = council.issues.find((i) => i.slug === 'library-service-review')!;
    const committees = issue.items.map((id) => indexOf(council).item(id).committee);
    expect(committees.slice(0, 3)).toEqual(['scrutiny-communities', 'cabinet', 'full-council']);
    const dates = issue.items.map((id) => indexOf(council).item(id).date);
    expect(dates).toEqual([...dates].sort());
  });

  it('keeps only number, title and reason of an exempt item', () => {
    const exempt = indexOf(council).item('2026-10-27-cabinet/05-disposal-of-land-aberllys-depot');
    expect(Object.keys(exempt).sort()).toEqual(
      ['committee', 'date', 'exempt', 'exemptReason', 'id', 'item', 'lang', 'meeting', 'pdf', 'slug', 'sourcePath', 'title', 'url'].sort(),
    );
    expect(JSON.stringify(exempt)).not.toMatch(/zephyrine/i);
  });

  it('turns unquoted minute and item numbers into text', () => {
    const item = open('2025-07-07-cabinet/02-reference-library-service-review');
    expect(item.minute).toBe('503');
    expect(item.item).toBe('2');
  });

  it('publishes attachment files under /files/ with their size', () => {
    const item = open('2025-06-12-scrutiny-communities/03-library-service-review');
    const file = item.attachments.find((a) => a.kind === 'file')!;
    expect(file.url).toBe('/files/meetings/2025-06-12-scrutiny-communities/branch-usage-2022-2025.csv');
    expect(file.size).toBeGreaterThan(0);
  });
});

describe('translations', () => {
  it('reads <item>.cy.md as the Welsh version of <item>.md, not as another item', () => {
    const item = open('2025-07-07-cabinet/03-hwrc-opening-hours');
    expect(item.translations?.cy?.title).toBe('Canolfannau Ailgylchu Gwastraff y Cartref – Oriau Agor Tymhorol');
    expect(indexOf(council).meeting('2025-07-07-cabinet').items).toHaveLength(3);
  });

  it("reads index.cy.md as the Welsh notes of its meeting and <committee>.cy.md as a committee's Welsh terms of reference, not as an item or a committee", () => {
    const meeting = indexOf(council).meeting('2026-08-13-planning');
    expect(meeting.items).toEqual([]);
    expect(meeting.translations?.cy?.notes).toMatch(/^Cafodd y cyfarfod hwn ei ganslo/);
    expect(meeting.translations?.cy?.sourcePath).toMatch(/meetings\/2026-08-13-planning\/index\.cy\.md$/);
    expect(meeting.notes).toMatch(/^This meeting was cancelled/);
    const cabinet = indexOf(council).committee('cabinet');
    expect(cabinet.translations?.cy?.termsOfReference).toMatch(/^Y Cabinet yw gweithrediaeth y Cyngor/);
    expect(council.committees.map((c) => c.slug)).not.toContain('cabinet-cy');
    expect(council.committees).toHaveLength(5);
    // A meeting or committee without a version has no translations at all.
    expect(indexOf(council).meeting('2026-10-27-cabinet').translations).toBeUndefined();
    expect(indexOf(council).committee('planning').translations).toBeUndefined();
  });

  it('gives a meeting its notes, and a committee its terms of reference, in the language of the page, marking English ones on Welsh pages', () => {
    const welsh = councilIn(council, 'cy');
    const planning = welsh.meetings.find((m) => m.slug === '2026-08-13-planning')!;
    expect(planning.notes).toMatch(/^Cafodd/);
    expect(planning.notesLang).toBeUndefined();
    const cabinetMeeting = welsh.meetings.find((m) => m.slug === '2026-10-27-cabinet')!;
    expect(cabinetMeeting.notesLang).toBe('en');
    expect(welsh.committees.find((c) => c.slug === 'cabinet')).toMatchObject({ termsOfReference: expect.stringMatching(/^Y Cabinet/) });
    expect(welsh.committees.find((c) => c.slug === 'cabinet')!.termsLang).toBeUndefined();
    expect(welsh.committees.find((c) => c.slug === 'planning')!.termsLang).toBe('en');
    const english = councilIn(council, 'en');
    expect(english.meetings.find((m) => m.slug === '2026-08-13-planning')!.notes).toMatch(/^This meeting was cancelled/);
    expect(english.meetings.every((m) => m.notesLang === undefined)).toBe(true);
    expect(english.committees.every((c) => c.termsLang === undefined)).toBe(true);
  });

  it('gives the Welsh text of a translated item in Welsh', () => {
    const text = textOf(open('2025-07-07-cabinet/03-hwrc-opening-hours'), 'cy');
    expect(text).toMatchObject({ lang: 'cy', fallback: false });
    expect(text.resolved[0]).toMatch(/^Bod Canolfannau/);
    expect(text.body).toMatch(/Tŷ-nant/);
  });

  it('falls back to the English text, marked as English, where no Welsh version exists', () => {
    const text = textOf(open('2025-07-07-cabinet/02-reference-library-service-review'), 'cy');
    expect(text).toMatchObject({ lang: 'en', fallback: true });
  });

  it('falls back to the Welsh text, marked as Welsh, for a Welsh-only item read in English', () => {
    const text = textOf(open('2026-10-08-scrutiny-communities/03-gwyl-ddewi-2027'), 'en');
    expect(text).toMatchObject({ lang: 'cy', fallback: true });
  });

  it('lists the items lacking a version in each of the council\'s languages', () => {
    const missing = Object.fromEntries(missingTranslations(council).map((m) => [m.lang, m.items.map((i) => i.id)]));
    expect(missing.en).toEqual(['2026-10-08-scrutiny-communities/03-gwyl-ddewi-2027']);
    expect(missing.cy).toHaveLength(22);
    expect(missing.cy).not.toContain('2025-07-07-cabinet/03-hwrc-opening-hours');
  });
});
