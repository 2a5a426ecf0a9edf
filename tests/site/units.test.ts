import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Council, Meeting, OpenItem } from '../../src/model/types.ts';
import { brandColour, contrast, DEFAULT_BRAND } from '../../src/site/filters/colour.ts';
import { clockTime, longDate, monthName, startAttribute } from '../../src/site/filters/dates.ts';
import { excerpt } from '../../src/site/filters/excerpt.ts';
import { pageHtml } from '../../src/site/filters/markdown.ts';
import { fileType, humanSize } from '../../src/site/filters/sizes.ts';
import { MAX_TITLE, pageTitle } from '../../src/site/filters/title.ts';
import { messagesOf, translate, type Messages } from '../../src/site/locales/index.ts';
import { decidedItems, registerPages } from '../../src/site/views/decisions.ts';
import { councilIn, urlsIn } from '../../src/model/localise.ts';
import { breadcrumbs } from '../../src/site/views/breadcrumbs.ts';
import { nameLang } from '../../src/site/views/names.ts';
import { inLanguage, languageOfUrl, outputPathOf } from '../../src/model/urls.ts';
import { pathOf, RECORD_TEMPLATES, SINGLE_TEMPLATES } from '../../src/site/page-keys.ts';
import { calendarMonth, meetingsByMonth } from '../../src/site/views/meetings.ts';

describe('brand colour', () => {
  it('keeps a council colour that white text meets AA contrast on', () => {
    expect(brandColour('#17503A')).toBe('#17503a');
  });

  it('falls back to the default for a colour too light for white text, or none', () => {
    expect(contrast('#ffdd00', '#ffffff')).toBeLessThan(4.5);
    expect(brandColour('#ffdd00')).toBe(DEFAULT_BRAND);
    expect(brandColour(undefined)).toBe(DEFAULT_BRAND);
    expect(contrast(DEFAULT_BRAND, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('dates, times and sizes', () => {
  it('writes dates in UK style with the weekday', () => {
    expect(longDate('2025-12-01')).toBe('Monday 1 December 2025');
    expect(monthName('2026-03')).toBe('March 2026');
  });

  it('writes times as residents say them', () => {
    expect(clockTime('14:00')).toBe('2pm');
    expect(clockTime('10:30')).toBe('10:30am');
    expect(clockTime('12:00')).toBe('midday');
    expect(clockTime('00:15')).toBe('12:15am');
  });

  it('gives a meeting start in the council zone, with its summer-time offset', () => {
    expect(startAttribute('2026-07-01T13:00:00.000Z', 'Europe/London')).toBe('2026-07-01T14:00:00+01:00');
  });

  it('gives file sizes in bytes, KB (rounded up) and MB', () => {
    expect(humanSize(900)).toBe('900 bytes');
    expect(humanSize(53 * 1024 + 1)).toBe('54 KB');
    expect(humanSize(2.5 * 1024 * 1024)).toBe('2.5 MB');
  });

  it('names the type of a file from its extension', () => {
    expect(fileType('/files/meetings/x/branch-usage.csv')).toBe('CSV');
    expect(fileType('/files/report')).toBe('');
  });
});

describe('titles and text', () => {
  it('shortens a long page title to fit, counting the characters escaping adds', () => {
    const title = 'Urgent business <script>alert("x")</script> & notices of motion about the coastal path';
    const written = pageTitle(title, 'Bryn Arian County Council', 'en').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
    expect(written.length).toBeLessThanOrEqual(MAX_TITLE);
    expect(pageTitle('Cabinet', 'Bryn Arian County Council', 'en')).toBe('Cabinet – Bryn Arian County Council');
  });

  it('cuts an excerpt at a word boundary with an ellipsis', () => {
    expect(excerpt('That the press and public be excluded', 20)).toBe('That the press and…');
    expect(excerpt('Short', 20)).toBe('Short');
  });

  it('turns markdown table alignment into classes, since the CSP forbids style attributes', () => {
    const html = pageHtml('| a | b |\n|:--|--:|\n| 1 | 2 |\n');
    expect(html).not.toContain('style=');
    expect(html).toContain('<td class="align-right">2</td>');
  });

  it('moves content headings below the page heading without skipping a level', () => {
    expect(pageHtml('# Title\n\n#### Detail\n\n## Part\n\n# Next\n')).toBe('<h3>Title</h3>\n<h4>Detail</h4>\n<h4>Part</h4>\n<h3>Next</h3>\n');
    expect(pageHtml('### Functions\n', 'en', 1)).toBe('<h2>Functions</h2>\n');
  });

  it('wraps each table in a labelled region the keyboard can scroll', () => {
    const html = pageHtml('| a |\n|---|\n| 1 |\n\ntext\n\n| b |\n|---|\n| 2 |\n');
    expect(html.match(/<section class="table-scroll" tabindex="0" aria-label="Table \d">/g)).toEqual([
      '<section class="table-scroll" tabindex="0" aria-label="Table 1">',
      '<section class="table-scroll" tabindex="0" aria-label="Table 2">',
    ]);
    expect(html.match(/<\/table><\/section>/g)).toHaveLength(2);
  });

  it('fills placeholders, picks the plural by count and refuses a missing key', () => {
    expect(translate('en', 'item.referredTo', { committee: 'Cabinet', date: 'Monday 7 July 2025' })).toBe('Referred to Cabinet, Monday 7 July 2025');
    expect(translate('en', 'decisions.count', { count: 1 })).toBe('1 decision');
    expect(translate('en', 'decisions.count', { count: 3 })).toBe('3 decisions');
    expect(() => translate('en', 'item.nothing')).toThrow(/No text "item.nothing"/);
    expect(() => translate('en', 'item.referredTo', { committee: 'Cabinet' })).toThrow(/needs \{date\}/);
  });

  it('has in the locale file every text key the templates use', () => {
    const dir = path.resolve('layouts');
    const templates = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.njk'));
    const keys = new Set<string>();
    for (const file of templates) {
      for (const [, key] of readFileSync(path.join(dir, file), 'utf8').matchAll(/["']([a-zA-Z]+\.[a-zA-Z.]+)["']\s*\|\s*t\b/g)) keys.add(key!);
    }
    // Keys the templates build from model values.
    for (const c of ['council', 'executive', 'scrutiny', 'regulatory', 'other']) keys.add(`category.${c}`);
    for (const n of ['home', 'meetings', 'committees', 'decisions', 'issues', 'search']) keys.add(`nav.${n}`);
    for (const s of ['Held', 'Scheduled', 'Cancelled']) keys.add(`meeting.status${s}`);
    for (const d of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) keys.add(`weekday.${d}.short`).add(`weekday.${d}.long`);
    expect(keys.size).toBeGreaterThan(60);
    const missing = [...keys].filter((key) => {
      let entry: string | Messages | undefined = messagesOf('en');
      for (const part of key.split('.')) entry = typeof entry === 'object' ? entry[part] : undefined;
      return entry === undefined;
    });
    expect(missing).toEqual([]);
  });
});

describe('Welsh', () => {
  /** Every key path of a locale file, with a count entry's `one`/`other` as keys of their own. */
  const keyPaths = (messages: Messages, prefix = ''): string[] =>
    Object.entries(messages).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keyPaths(v, `${prefix}${k}.`))).sort();

  it('has exactly the same keys in cy.json as in en.json', () => {
    expect(keyPaths(messagesOf('cy'))).toEqual(keyPaths(messagesOf('en')));
  });

  it('keeps the same {placeholders} in each Welsh string as in its English one', () => {
    const placeholders = (lang: 'en' | 'cy', key: string) => {
      let entry: string | Messages | undefined = messagesOf(lang);
      for (const part of key.split('.')) entry = typeof entry === 'object' ? entry[part] : undefined;
      return [...String(entry).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    };
    const differ = keyPaths(messagesOf('en')).filter((key) => placeholders('en', key).join() !== placeholders('cy', key).join());
    expect(differ).toEqual([]);
  });

  it('writes Welsh dates with "Dydd" before the weekday, as Welsh councils do', () => {
    expect(longDate('2025-12-01', 'cy')).toBe('Dydd Llun 1 Rhagfyr 2025');
    expect(longDate('2026-02-27', 'cy')).toBe('Dydd Gwener 27 Chwefror 2026');
    expect(monthName('2025-07', 'cy')).toBe('Gorffennaf 2025');
  });

  it('writes Welsh times with yb and yp, and midday as hanner dydd', () => {
    expect(clockTime('14:00', 'cy')).toBe('2yp');
    expect(clockTime('10:30', 'cy')).toBe('10:30yb');
    expect(clockTime('12:00', 'cy')).toBe('hanner dydd');
  });

  it('puts Welsh pages under /cy/ with the same path and leaves English, data and external URLs as they are', () => {
    expect(inLanguage('/', 'cy')).toBe('/cy/');
    expect(inLanguage('/meetings/a/b.pdf', 'cy')).toBe('/cy/meetings/a/b.pdf');
    expect(inLanguage('/meetings/a/', 'en')).toBe('/meetings/a/');
    expect(inLanguage('https://example.org/', 'cy')).toBe('https://example.org/');
    expect(languageOfUrl('/cy/issues/x/')).toEqual({ lang: 'cy', url: '/issues/x/' });
    expect(languageOfUrl('/cymru/')).toEqual({ lang: 'en', url: '/cymru/' });
    const welsh = urlsIn('cy');
    expect(welsh.committee('cabinet')).toBe('/cy/committees/cabinet/');
    expect(welsh.feed.decisions()).toBe('/cy/feeds/decisions.xml');
    expect(welsh.api('items.json')).toBe('/api/items.json');
    expect(welsh.file('a b.pdf')).toBe('/files/a%20b.pdf');
  });
});

describe('page views of the model', () => {
  const meeting = (slug: string, date: string): Meeting => ({
    slug, committee: 'cabinet', date, status: 'held', attendees: [], apologies: [], notes: '', url: `/meetings/${slug}/`, pack: '', items: [], sourcePath: '',
  });

  it('lays a month out Monday first, with blank days before the 1st', () => {
    const weeks = calendarMonth('2026-10', [meeting('m', '2026-10-27')]);
    expect(weeks[0]!.map((d) => d.day)).toEqual([null, null, null, 1, 2, 3, 4]);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat().find((d) => d.day === 27)!.meetings.map((m) => m.slug)).toEqual(['m']);
  });

  it('groups meetings by year and month, newest first, and a month oldest meeting first', () => {
    const years = meetingsByMonth([meeting('a', '2025-07-07'), meeting('b', '2025-07-23'), meeting('c', '2026-03-04')]);
    expect(years.map((y) => [y.year, y.months.map((m) => [m.month, m.meetings.map((x) => x.slug)])])).toEqual([
      ['2026', [['2026-03', ['c']]]],
      ['2025', [['2025-07', ['a', 'b']]]],
    ]);
  });

  it('orders the decisions register newest meeting first and keeps agenda order within a meeting', () => {
    const item = (id: string, meetingSlug: string, date: string, decided: boolean): OpenItem => ({
      id, slug: id, meeting: meetingSlug, committee: 'cabinet', date, item: '1', title: id, url: `/${id}/`, pdf: '', sourcePath: '', exempt: false,
      type: 'resolution', lang: 'en', referredTo: [], resolved: decided ? ['That it be so.'] : [], recommended: [], keyDecision: false, attachments: [], body: '',
    });
    const council = {
      site: { name: 'X', timezone: 'Europe/London' },
      committees: [{ slug: 'cabinet', name: 'Cabinet', category: 'executive', termsOfReference: '', url: '', meetings: ['old', 'new'], sourcePath: '' }],
      meetings: [meeting('old', '2025-01-01'), meeting('new', '2026-01-01')],
      items: [item('o1', 'old', '2025-01-01', true), item('n1', 'new', '2026-01-01', true), item('n2', 'new', '2026-01-01', false), item('n3', 'new', '2026-01-01', true)],
      issues: [],
    } satisfies Council;
    expect(decidedItems(council).map((i) => i.id)).toEqual(['n1', 'n3', 'o1']);
    expect(registerPages(council).map((p) => [p.url, p.items.map((i) => i.id)])).toEqual([
      ['/decisions/2026/', ['n1', 'n3']],
      ['/decisions/2025/', ['o1']],
      ['/decisions/committees/cabinet/', ['n1', 'n3', 'o1']],
    ]);
    expect(registerPages(council, 'cy').map((p) => p.url)).toEqual(['/cy/decisions/2026/', '/cy/decisions/2025/', '/cy/decisions/committees/cabinet/']);
  });

  it('marks a committee name shown in English on a Welsh page with lang="en", in names and breadcrumbs', () => {
    const council = {
      site: { name: 'X', nameCy: 'Y', timezone: 'Europe/London' },
      committees: [{ slug: 'cabinet', name: 'Cabinet', category: 'executive', termsOfReference: '', url: '/committees/cabinet/', meetings: ['m'], sourcePath: '' }],
      meetings: [meeting('m', '2025-01-01')],
      items: [],
      issues: [],
    } satisfies Council;
    expect(nameLang(council.committees[0]!, 'cy')).toBe('en');
    expect(nameLang({ name: 'Planning', nameCy: 'Cynllunio' }, 'cy')).toBeUndefined();
    expect(nameLang(council.committees[0]!, 'en')).toBeUndefined();
    const crumbs = breadcrumbs(councilIn(council, 'cy'), { kind: 'meeting', meeting: councilIn(council, 'cy').meetings[0]! }, 'cy');
    expect(crumbs).toEqual([
      { label: 'Hafan', url: '/cy/' },
      { label: 'Pwyllgorau', url: '/cy/committees/' },
      { label: 'Cabinet', url: '/cy/committees/cabinet/', lang: 'en' },
    ]);
  });
});

describe('page keys', () => {
  it('finds the file of an address as outputPathOf does, decoding only when there is something to decode', () => {
    const addresses = ['/', '/cy/', '/meetings/2026-10-27-cabinet/', '/cy/meetings/2026-10-27-cabinet/03-plan/', '/404.html', '/cy/404.html', '/css/brand.css', '/files/a%20b/c%C5%B5.pdf', '/issues/caf%C3%A9/', 'relative/'];
    for (const url of addresses) expect(pathOf(url)).toBe(outputPathOf(url));
  });

  it('knows every template in layouts/: a page of one, or one page per record', () => {
    const layouts = readdirSync(path.resolve(__dirname, '../../layouts')).filter((file) => file.endsWith('.njk'));
    expect(layouts.sort()).toEqual([...Object.keys(SINGLE_TEMPLATES), ...Object.values(RECORD_TEMPLATES)].sort());
  });
});
