import { statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCouncil } from '../../src/content/load.ts';
import { indexOf, isDecided } from '../../src/model/queries.ts';
import type { Council, OpenItem } from '../../src/model/types.ts';
import { outputPathOf, urls } from '../../src/model/urls.ts';
import { mediumDate } from '../../src/site/filters/dates.ts';
import type { StaticServer } from '../helpers/serve.ts';
import { AXE_SOURCE, browseFixtureSite, FIXTURE, htmlFiles, urlOfFile, WCAG_TAGS, type BrowsedSite, type BuiltSite } from './built-site.ts';


/** One page of each kind, from the fixture council. */
const KINDS = {
  home: '/',
  committees: '/committees/',
  committee: '/committees/cabinet/',
  meetings: '/meetings/',
  meeting: '/meetings/2026-10-27-cabinet/',
  cancelledMeeting: '/meetings/2026-08-13-planning/',
  item: '/meetings/2026-10-27-cabinet/03-medium-term-financial-plan/',
  welshItem: '/meetings/2026-10-08-scrutiny-communities/03-gwyl-ddewi-2027/',
  exemptItem: '/meetings/2026-10-27-cabinet/05-disposal-of-land-aberllys-depot/',
  issues: '/issues/',
  issue: '/issues/library-service-review/',
  decisions: '/decisions/',
  decisionsYear: '/decisions/2026/',
  decisionsCommittee: '/decisions/committees/cabinet/',
  notFound: '/404.html',
};

let site: BuiltSite;
let server: StaticServer;
let page: Page;
let council: Council;
let browsed: BrowsedSite;

beforeAll(async () => {
  browsed = await browseFixtureSite();
  ({ site, server, page } = browsed);
  council = (await loadCouncil(FIXTURE)).council!;
});
afterAll(async () => {
  await browsed?.close();
});

const open = (url: string, width?: number) => browsed.open(url, width);
let visited: Promise<{ problems: string[]; wide: string[] }> | undefined;

/**
 * Open every page of the site (both languages) once, 320 px wide, noting console errors and
 * warnings (CSP violations, missing files) and sideways overflow. Two checks share the one walk,
 * which is the slowest part of this file.
 */
function visitEveryPage(): Promise<{ problems: string[]; wide: string[] }> {
  visited ??= (async () => {
    const problems: string[] = [];
    const wide: string[] = [];
    let listening = false;
    const onConsole = (m: { type(): string; text(): string }) => {
      if (listening && (m.type() === 'error' || m.type() === 'warning')) problems.push(`${page.url()}: ${m.text()}`);
    };
    page.on('console', onConsole);
    try {
      for (const file of htmlFiles(site.outDir)) {
        // Left out, as this check always left out /404.html: Chromium logs a failed resource load
        // (status 404) while on it that no other page shows.
        listening = !file.endsWith('404.html');
        await open(urlOfFile(file), 320);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow !== 0) wide.push(`${file}: ${overflow}px too wide`);
      }
    } finally {
      page.off('console', onConsole);
    }
    return { problems, wide };
  })();
  return visited;
}

const texts = (selector: string) => page.locator(selector).allInnerTexts();
const hrefs = (selector: string) => page.locator(selector).evaluateAll((els) => els.map((e) => e.getAttribute('href')));

describe('accessibility in Chromium', () => {
  it('has no axe violation (WCAG 2.2 AA) on any kind of page, wide and narrow', async () => {
    const found: string[] = [];
    const runs = [...Object.entries(KINDS).map(([kind, url]) => [kind, url, 1280] as const), ['item', KINDS.item, 320] as const, ['meetings', KINDS.meetings, 320] as const];
    for (const [kind, url, width] of runs) {
      await open(url, width);
      // Evaluated through the DevTools protocol, which the page's CSP does not govern.
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(
        (tags) => (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags } }).then((r: any) => r.violations),
        WCAG_TAGS,
      );
      for (const v of violations) found.push(`${kind} ${url} at ${width}px: ${v.id} (${v.nodes.length}): ${v.help}: ${v.nodes[0]?.target}`);
    }
    expect(found).toEqual([]);
  });

  it('loads every page without a Content-Security-Policy violation or a missing file', async () => {
    expect((await visitEveryPage()).problems).toEqual([]);
  });

  it('fits every page on a 320 px wide screen without scrolling sideways', async () => {
    expect((await visitEveryPage()).wide).toEqual([]);
  });

  it('prints an item page without the site around it, keeping the decision', async () => {
    await open(KINDS.item);
    await page.emulateMedia({ media: 'print' });
    try {
      for (const hidden of ['.nav', '.breadcrumbs', '.footer', '.pager', '.item__documents', '.skip-link']) {
        expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
      }
      for (const shown of ['h1', '.summary', '#decision', '.council-list']) expect(await page.locator(shown).first().isVisible(), shown).toBe(true);
      expect(await page.locator('.header').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('shows a skip link as the first stop of the keyboard, which moves to the main content', async () => {
    await open(KINDS.item);
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    expect(await skip.innerText()).toBe('Skip to main content');
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('walks from an agenda to an item, its issue and a decision with the keyboard alone', async () => {
    /** Press Tab until the focused link goes to `href` (fails after 200 presses), then Enter. */
    const tabTo = async (href: string) => {
      for (let i = 0; i < 200; i++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(() => document.activeElement?.getAttribute('href'))) === href) {
          await page.keyboard.press('Enter');
          await page.waitForURL(server.url + href);
          return;
        }
      }
      throw new Error(`No link to ${href} reachable with Tab from ${page.url()}`);
    };
    const reference = indexOf(council).item('2025-07-07-cabinet/02-reference-library-service-review') as OpenItem;
    const issue = council.issues.find((i) => i.slug === reference.issue)!;
    const later = indexOf(council).item(issue.items[issue.items.length - 1]!) as OpenItem;

    await open(urls.meeting(reference.meeting));
    await tabTo(reference.url);
    expect(await page.locator('h1').innerText()).toContain(reference.title);
    await tabTo(issue.url);
    expect(await page.locator('h1').innerText()).toBe(issue.title);
    await tabTo(`${later.url}#decision`);
    expect(await page.locator('#decision').isVisible()).toBe(true);
    expect(await page.locator('.decision-panel').innerText()).toContain(later.decision ?? later.resolved[0]);
  });
});

describe('what the pages say', () => {
  it('lists each agenda item with its number, minute, type, decision and PDF with its real size', async () => {
    const meeting = indexOf(council).meeting('2026-10-27-cabinet');
    await open(meeting.url);
    const rows = page.locator('.agenda__item');
    const items = indexOf(council).itemsOf(meeting);
    expect(await rows.count()).toBe(items.length);
    for (const [n, item] of items.entries()) {
      const row = await rows.nth(n).innerText();
      expect(row).toContain(item.title);
      expect(row).toContain(item.item);
      if (item.exempt) {
        expect(row).toContain(item.exemptReason);
        expect(row).not.toMatch(/PDF|Minute/);
        continue;
      }
      if (item.minute) expect(row).toContain(`Minute ${item.minute}`);
      expect(row).toMatch(item.type === 'minutes' ? /Minutes/ : item.type === 'resolution' ? /Resolution/ : /Reference from /);
      if (item.decision) expect(row).toContain(item.decision);
      const kb = Math.ceil(statSync(path.join(site.outDir, outputPathOf(item.pdf))).size / 1024);
      expect(row).toContain(`(PDF, ${kb} KB)`);
    }
    expect(await hrefs('.agenda__files a')).toEqual(items.filter((i) => !i.exempt).map((i) => i.pdf));
  });

  it('shows the meeting date and time in UK style inside <time datetime>', async () => {
    await open('/meetings/2026-10-27-cabinet/');
    const times = await page.locator('.summary time').evaluateAll((els) => els.map((e) => [e.getAttribute('datetime'), e.textContent]));
    expect(times).toEqual([
      ['2026-10-27', 'Tuesday 27 October 2026'],
      [expect.stringMatching(/^2026-10-27T\d\d:\d\d:00\+00:00$/), expect.stringMatching(/^\d{1,2}(:\d\d)?(am|pm)$|^midday$/)],
    ]);
  });

  it('links every reference to the minute it came from, and that minute back to it', async () => {
    const references = council.items.filter((i): i is OpenItem => !i.exempt && i.referredFrom?.itemId !== undefined);
    expect(references.length).toBeGreaterThan(1);
    for (const reference of references) {
      const source = indexOf(council).item(reference.referredFrom!.itemId!);
      await open(reference.url);
      expect(await hrefs('.referrals__from a')).toEqual([source.url]);
      expect((await texts('.referrals__from'))[0]).toMatch(new RegExp(`^Referred from .+, \\w+day \\d+ \\w+ \\d{4}, minute ${reference.referredFrom!.minute}$`));
      await open(source.url);
      expect(await hrefs('.referrals__to a')).toContain(reference.url);
    }
  });

  it('lists an issue oldest first, each step with its meeting, committee and decision', async () => {
    for (const issue of council.issues) {
      await open(issue.url);
      expect(await hrefs('.timeline__item a')).toEqual(issue.items.map((id) => indexOf(council).item(id).url));
      const dates = await page.locator('.timeline__date').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
      expect(dates).toEqual([...dates].sort());
      const meetings = await hrefs('.timeline__heading a');
      expect(meetings).toEqual(issue.items.map((id) => urls.meeting(indexOf(council).item(id).meeting)));
    }
  });

  it('puts every decided item in the register, newest first, once per year page and once per committee page', async () => {
    const decided = council.items.filter(isDecided);
    const newestFirst = (list: OpenItem[]) =>
      [...list].sort((a, b) => b.date.localeCompare(a.date) || council.items.indexOf(a) - council.items.indexOf(b)).map((i) => i.url);
    const years = [...new Set(decided.map((i) => i.date.slice(0, 4)))].sort().reverse();
    const fromYears: string[] = [];
    for (const year of years) {
      await open(urls.decisionsInYear(year));
      const listed = await hrefs('.decision__title a');
      expect(listed).toEqual(newestFirst(decided.filter((i) => i.date.startsWith(year))));
      fromYears.push(...listed.map(String));
    }
    expect(fromYears).toEqual(newestFirst(decided));
    for (const committee of council.committees) {
      const own = decided.filter((i) => i.committee === committee.slug);
      if (own.length === 0) continue;
      await open(urls.decisionsOfCommittee(committee.slug));
      expect(await hrefs('.decision__title a')).toEqual(newestFirst(own));
    }
    await open(urls.decisions());
    expect(await hrefs('.decision__title a')).toEqual(newestFirst(decided).slice(0, 20));
    const keyDecision = decided.find((i) => i.keyDecision && i.callInDeadline)!;
    const entry = page.locator('.decision', { has: page.locator(`a[href="${keyDecision.url}"]`) });
    const rows = await entry.locator('.meta__row').evaluateAll((els) => els.map((e) => [...e.children].map((c) => c.textContent)));
    expect(rows).toContainEqual(['Key decision', 'Yes']);
    expect(rows).toContainEqual(['Call-in deadline', mediumDate(keyDecision.callInDeadline!)]);
  });

  it('prints the resolutions as (a), (b) … and recommendations as (1), (2) …', async () => {
    const item = council.items.find((i): i is OpenItem => !i.exempt && i.resolved.length > 1 && i.recommended.length > 0)
      ?? council.items.find((i): i is OpenItem => !i.exempt && i.resolved.length > 1)!;
    await open(item.url);
    expect(await texts('.council-list--alpha > li')).toEqual(item.resolved);
    const marker = await page.locator('.council-list--alpha > li').first().evaluate((li) => getComputedStyle(li).listStyleType);
    expect(marker).toBe('council-alpha');
    expect(await page.locator('.council-list--alpha').getAttribute('type')).toBe('a');
  });

  it('shows an exempt item with its number, title and reason only', async () => {
    const exempt = council.items.find((i) => i.exempt)!;
    await open(exempt.url);
    const main = await page.locator('main').innerText();
    expect(main).toContain(exempt.title);
    expect(main).toContain(`Item ${exempt.item}`);
    expect(main).toContain(exempt.exemptReason);
    expect(await page.locator('#decision, #minutes, #reasons, #attachments, .referrals').count()).toBe(0);
  });

  it('marks Welsh content with lang="cy" and leaves the labels around it in English', async () => {
    const welsh = council.items.find((i): i is OpenItem => !i.exempt && i.lang === 'cy')!;
    await open(welsh.url);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1 [lang="cy"]').innerText()).toBe(welsh.title);
    expect(await page.locator('.prose').getAttribute('lang')).toBe('cy');
    expect(await page.locator('#minutes').getAttribute('lang')).toBeNull();
  });

  it('shows a cancelled meeting as cancelled, on its page and in the meetings index', async () => {
    const cancelled = council.meetings.find((m) => m.status === 'cancelled')!;
    await open(cancelled.url);
    expect(await page.locator('h1').innerText()).toContain('CANCELLED');
    await open(urls.meetings());
    const line = page.locator('.month__list .meeting-line', { has: page.locator(`a[href="${cancelled.url}"]`) });
    expect(await line.innerText()).toMatch(/Cancelled/i);
  });

  it('lists upcoming meetings first on the meetings index and on the home page', async () => {
    const upcoming = council.meetings.filter((m) => m.status === 'scheduled').map((m) => m.url);
    expect(upcoming.length).toBeGreaterThan(0);
    await open(urls.meetings());
    const firstSection = await page.locator('h2#upcoming + ul a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(firstSection).toEqual(upcoming);
    await open(urls.home());
    expect(await hrefs('#next-meetings + ul a')).toEqual(upcoming.slice(0, 5));
  });

  it('gives every page below the home page breadcrumbs that start at home', async () => {
    for (const [kind, url] of Object.entries(KINDS)) {
      await open(url);
      const crumbs = await hrefs('.breadcrumbs a');
      if (kind === 'home') expect(crumbs).toEqual([]);
      else expect(crumbs[0], kind).toBe('/');
    }
  });
});
