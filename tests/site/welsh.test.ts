import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesOf, type Messages } from '../../src/site/locales/index.ts';
import { AXE_SOURCE, browseFixtureSite, WCAG_TAGS, type BrowsedSite, type BuiltSite } from './built-site.ts';


const TRANSLATED = '/meetings/2025-07-07-cabinet/03-hwrc-opening-hours/';
const WELSH_ONLY = '/meetings/2026-10-08-scrutiny-communities/03-gwyl-ddewi-2027/';
const ENGLISH_ONLY = '/meetings/2026-10-27-cabinet/03-medium-term-financial-plan/';

/** One Welsh page of each kind (the English page is the same path without /cy). */
const KINDS = {
  home: '/cy/',
  committees: '/cy/committees/',
  committee: '/cy/committees/cabinet/',
  meetings: '/cy/meetings/',
  meeting: '/cy/meetings/2026-10-27-cabinet/',
  cancelledMeeting: '/cy/meetings/2026-08-13-planning/',
  item: `/cy${TRANSLATED}`,
  fallbackItem: `/cy${ENGLISH_ONLY}`,
  welshOnlyItem: `/cy${WELSH_ONLY}`,
  exemptItem: '/cy/meetings/2026-10-27-cabinet/05-disposal-of-land-aberllys-depot/',
  issues: '/cy/issues/',
  issue: '/cy/issues/library-service-review/',
  decisions: '/cy/decisions/',
  decisionsYear: '/cy/decisions/2026/',
  decisionsCommittee: '/cy/decisions/committees/cabinet/',
  search: '/cy/search/',
  notFound: '/cy/404.html',
};

let site: BuiltSite;
let page: Page;
let browsed: BrowsedSite;

beforeAll(async () => {
  browsed = await browseFixtureSite();
  ({ site, page } = browsed);
});
afterAll(async () => {
  await browsed?.close();
});

const open = (url: string, width?: number) => browsed.open(url, width);
const here = () => new URL(page.url()).pathname;

/** Every leaf string of a locale file. */
function leaves(messages: Messages): string[] {
  return Object.values(messages).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));
}

/**
 * The English interface words to look for on Welsh pages: the literal parts of en.json's strings
 * (placeholders cut out), leaving out any that cy.json uses too ("Agenda", "PDF").
 */
function englishInterfaceWords(): string[] {
  const welsh = leaves(messagesOf('cy')).join('\n');
  const parts = leaves(messagesOf('en')).flatMap((s) => s.split(/\{\w+\}/));
  const words = parts.map((p) => p.replace(/^[\s,.:;()–-]+|[\s,.:;()–-]+$/g, '')).filter((p) => /[A-Za-z]{2}/.test(p) && !welsh.includes(p));
  return [...new Set(words)];
}

/** The English interface words found in `text`, as whole words. */
function englishWordsIn(text: string): string[] {
  return englishInterfaceWords().filter((word) => {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(text);
  });
}

/**
 * The text of the page's interface parts (navigation, labels, headings, notices, buttons, the title
 * and accessible names), leaving out anything marked as another language than Welsh (content shown
 * in English because it has no Welsh version carries lang="en") and venues, which are place names
 * written once in whatever language the clerk used.
 */
function interfaceText(): Promise<string> {
  return page.evaluate(() => {
    const selector = [
      'header', 'nav', 'footer', '.skip-link', 'h1', 'h2', 'h3', 'h4', 'dt', 'dd', 'label', 'legend', 'button', 'option', 'caption', 'th',
      '.lead', '.notice', '.tag', '.caption', '.agenda__meta', '.agenda__files', '.file-list', '.action-links', '.issue-line__note',
      '.card-list__note', '.card-list__category', '.timeline__meta', '.filters__heading', '.search__hint', '.search-needs-js',
      '.search-results__empty', 'main > p',
    ].join(',');
    const texts: string[] = [document.title];
    for (const element of document.querySelectorAll(selector)) {
      const copy = element.cloneNode(true) as Element;
      for (const other of copy.querySelectorAll('[lang]:not([lang="cy"]), .summary__venue, .meeting-line__venue')) other.remove();
      if (element.matches('.summary__venue')) continue;
      if (element.closest('[lang]:not([lang="cy"])')) continue;
      texts.push(copy.textContent ?? '');
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
      if (element.closest('[lang]:not([lang="cy"])')) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) texts.push(element.getAttribute(name) ?? '');
    }
    return texts.join('\n').replace(/\s+/g, ' ');
  });
}

describe('Welsh pages in Chromium', () => {
  it('have no axe violation (WCAG 2.2 AA) on any kind of Welsh page', async () => {
    const found: string[] = [];
    for (const [kind, url] of Object.entries(KINDS)) {
      await open(url);
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(
        (tags) => (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags } }).then((r: any) => r.violations),
        WCAG_TAGS,
      );
      for (const v of violations) found.push(`${kind} ${url}: ${v.id} (${v.nodes.length}): ${v.help}: ${v.nodes[0]?.target}`);
    }
    expect(found).toEqual([]);
  });

  it('switch language to the same page in English and back, on every kind of page', async () => {
    for (const url of Object.values(KINDS)) {
      await open(url);
      const english = url.slice(3);
      await Promise.all([page.waitForURL((u) => u.pathname === english), page.locator('.header__language').click()]);
      expect(here(), url).toBe(english);
      expect(await page.locator('html').getAttribute('lang'), english).toBe('en');
      expect(await page.locator('.header__language').innerText(), english).toBe('Cymraeg');
      await Promise.all([page.waitForURL((u) => u.pathname === url), page.locator('.header__language').click()]);
      expect(here(), english).toBe(url);
    }
  });

  it('show no English interface string on any kind of Welsh page', async () => {
    const found: string[] = [];
    for (const url of Object.values(KINDS)) {
      await open(url);
      for (const word of englishWordsIn(await interfaceText())) found.push(`${url}: "${word}"`);
    }
    expect(found).toEqual([]);
  });

  it('name the other language in itself on the switch, marked with its language', async () => {
    await open(KINDS.home);
    const link = page.locator('.header__language');
    expect(await link.innerText()).toBe('English');
    expect(await link.getAttribute('lang')).toBe('en');
    expect(await link.getAttribute('hreflang')).toBe('en');
  });
});

describe('translated content', () => {
  it('shows a translated item in Welsh on the Welsh page and in English on the English page', async () => {
    await open(`/cy${TRANSLATED}`);
    expect(await page.locator('h1').innerText()).toContain('Canolfannau Ailgylchu Gwastraff y Cartref');
    expect(await page.locator('.notice--language').count()).toBe(0);
    expect(await page.locator('#resolved').textContent()).toBe('Penderfynwyd');
    // Only the pager's neighbour, which has no Welsh version, is in English.
    expect(await page.locator('main [lang="en"]:not(.pager [lang])').count()).toBe(0);
    await open(TRANSLATED);
    expect(await page.locator('h1').innerText()).toContain('Household Waste Recycling Centres');
    expect(await page.locator('main [lang="cy"]:not(.pager [lang])').count()).toBe(0);
  });

  it('shows a Welsh-only item in Welsh on the English page, marked lang="cy", under an English notice', async () => {
    await open(WELSH_ONLY);
    expect(await page.locator('.notice--language').innerText()).toContain('This item has not been published in English');
    expect(await page.locator('h1 [lang="cy"]').innerText()).toContain('Gŵyl Ddewi 2027');
    await open(`/cy${WELSH_ONLY}`);
    expect(await page.locator('.notice--language').count()).toBe(0);
  });

  it('shows an English-only item in English on the Welsh page, marked lang="en", under a Welsh notice', async () => {
    await open(`/cy${ENGLISH_ONLY}`);
    expect(await page.locator('.notice--language').innerText()).toContain('Nid yw’r eitem hon wedi’i chyhoeddi yn Gymraeg');
    expect(await page.locator('h1 [lang="en"]').innerText()).toContain('Medium Term Financial Plan');
    expect(await page.locator('.prose').first().getAttribute('lang')).toBe('en');
  });

  it("shows a meeting's notes and a committee's terms of reference in Welsh where they have a Welsh version, else in English marked lang=\"en\"", async () => {
    await open('/cy/meetings/2026-08-13-planning/');
    const welshNotes = page.locator('main .prose').first();
    expect(await welshNotes.innerText()).toContain('Cafodd y cyfarfod hwn ei ganslo gan y Cadeirydd');
    expect(await welshNotes.getAttribute('lang')).toBeNull();
    await open('/meetings/2026-08-13-planning/');
    expect(await page.locator('main .prose').first().innerText()).toContain('This meeting was cancelled by the Chair');
    await open('/cy/meetings/2026-10-27-cabinet/');
    const englishNotes = page.locator('#notes + .prose');
    expect(await englishNotes.getAttribute('lang')).toBe('en');

    await open('/cy/committees/cabinet/');
    const welshTerms = page.locator('main .prose').last();
    expect(await welshTerms.innerText()).toContain('Y Cabinet yw gweithrediaeth y Cyngor');
    expect(await welshTerms.getAttribute('lang')).toBeNull();
    await open('/committees/cabinet/');
    expect(await page.locator('main .prose').last().innerText()).toContain("The Cabinet is the Council's executive");
    await open('/cy/committees/planning/');
    expect(await page.locator('main .prose').last().getAttribute('lang')).toBe('en');
  });

  it('marks attachment titles, which translations do not give, with the language the item was written in', async () => {
    await open('/cy/meetings/2025-06-12-scrutiny-communities/03-library-service-review/');
    const langs = await page.locator('#attachments + .file-list li [lang]').evaluateAll((els) => els.map((e) => e.getAttribute('lang')));
    expect(langs.length).toBeGreaterThan(0);
    expect(new Set(langs)).toEqual(new Set(['en']));
  });

  it('dates Welsh pages in Welsh and links Welsh PDFs, feeds and calendars', async () => {
    await open('/cy/meetings/2025-07-07-cabinet/');
    expect(await page.locator('h1').innerText()).toContain('Dydd Llun 7 Gorffennaf 2025');
    const hrefs = await page.locator('main a').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(hrefs).toContain('/cy/meetings/2025-07-07-cabinet/2025-07-07-cabinet.pdf');
    expect(hrefs).toContain('/cy/calendar/meetings/2025-07-07-cabinet.ics');
    // English addresses only for attachments and the PDFs of items that have no Welsh version.
    const english = await page.locator('main a[href^="/"]:not([href^="/cy/"]):not([href^="/files/"])').evaluateAll((els) =>
      els.map((e) => ({ href: e.getAttribute('href') ?? '', hreflang: e.getAttribute('hreflang'), note: e.nextElementSibling?.textContent ?? '' })),
    );
    expect(english.length).toBeGreaterThan(0);
    for (const link of english) {
      expect(link.href).toMatch(/\.pdf$/);
      expect(link.hreflang).toBe('en');
      expect(link.note).toMatch(/^\(PDF yn Saesneg, [\d.]+ KB\)$/);
    }
    expect(hrefs).toContain('/cy/meetings/2025-07-07-cabinet/03-hwrc-opening-hours.pdf');
    expect(hrefs).not.toContain('/meetings/2025-07-07-cabinet/03-hwrc-opening-hours.pdf');
  });

  it('gives the Welsh search page its language for the search code, and searches from /cy/search/', async () => {
    await open(KINDS.search);
    expect(await page.locator('#search-form').getAttribute('data-lang')).toBe('cy');
    expect(await page.locator('#search-form').getAttribute('action')).toBe('/cy/search/');
    await open(KINDS.home);
    expect(await page.locator('form.search').getAttribute('action')).toBe('/cy/search/');
  });
});

describe('Welsh search', () => {
  it('finds a translated item by its Welsh words and links its Welsh page, writing the results in Welsh', async () => {
    await open('/cy/search/?q=ailgylchu');
    const first = page.locator('.search-result__title a').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe(`/cy${TRANSLATED}`);
    const status = await page.locator('#search-status').innerText();
    expect(status).toContain('ar gyfer “ailgylchu”');
    expect(englishWordsIn(`${status} ${await page.locator('.search-result__meta').allInnerTexts()}`)).toEqual([]);
  });
});

describe('Welsh PDFs on the built site', () => {
  it("reads back a translated item's Welsh PDF in Welsh, with Lang cy in its catalog", async () => {
    const bytes = readFileSync(path.join(site.outDir, 'cy/meetings/2025-07-07-cabinet/03-hwrc-opening-hours.pdf'));
    expect(bytes.toString('latin1')).toMatch(/\/Lang \(cy\)/);
    const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
    const content = await (await pdf.getPage(1)).getTextContent();
    const text = content.items.map((i) => ('str' in i ? i.str : '')).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Canolfannau Ailgylchu Gwastraff y Cartref');
    expect(text).toContain('PENDERFYNWYD');
    expect(text).toContain('Dydd Llun 7 Gorffennaf 2025');
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Language).toBe('cy');
  });
});
