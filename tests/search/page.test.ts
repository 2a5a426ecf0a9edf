import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { FIXTURE } from './council.ts';

const run = promisify(execFile);
const GWYL = '/meetings/2026-10-08-scrutiny-communities/03-gwyl-ddewi-2027/';

let out: string;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'minutebook-search-'));
  // The real command, as a council would run it.
  await run(process.execPath, ['bin/minutebook.js', 'build', '--content', FIXTURE, '--out', path.join(out, 'site'), '--quiet']);
  server = await serveStatic(path.join(out, 'site'));
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(out, { recursive: true, force: true });
});

/** Wait until the live region reports the outcome of a search. */
async function settled(): Promise<string> {
  await page.waitForFunction(() => {
    const text = document.getElementById('search-status')?.textContent ?? '';
    return text !== '' && text !== 'Searching…';
  });
  return (await page.textContent('#search-status')) ?? '';
}

async function open(query: string): Promise<string> {
  await page.goto(`${server.url}/search/?${query}`);
  return settled();
}

const resultLinks = () => page.$$eval('#search-list .search-result__title a', (links) => links.map((a) => a.getAttribute('href')));

async function searchFor(words: string): Promise<string> {
  await page.fill('#search-q', words);
  await page.press('#search-q', 'Enter');
  return settled();
}

describe('the search page in Chromium', () => {
  it('finds an item by words of its body', async () => {
    await page.goto(`${server.url}/search/`);
    expect(await searchFor('rota trade unions')).toBe('1 result for “rota trade unions”.');
    expect(await resultLinks()).toEqual(['/meetings/2025-07-07-cabinet/03-hwrc-opening-hours/']);
  });

  it('finds a Welsh item by a word with ŵ, with or without the accent', async () => {
    await open(`q=${encodeURIComponent('ŵyl')}`);
    expect(await resultLinks()).toContain(GWYL);
    await open('q=wyl');
    expect(await resultLinks()).toContain(GWYL);
  });

  it('marks the matched words in titles and snippets', async () => {
    await open('q=gwyl');
    const marked = await page.$$eval('#search-list mark', (marks) => marks.map((m) => m.textContent));
    expect(marked.length).toBeGreaterThan(1);
    expect(new Set(marked.map((m) => m?.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()))).toEqual(new Set(['gwyl']));
  });

  it('narrows the results with the filters, and keeps them in the URL', async () => {
    await open('q=library');
    const all = await resultLinks();
    await page.selectOption('#search-committee', 'cabinet');
    await page.click('.search-form button[type=submit]');
    await settled();
    const narrowed = await resultLinks();
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(all.length);
    expect(narrowed.every((href) => href?.includes('-cabinet/'))).toBe(true);
    expect(new URL(page.url()).searchParams.get('committee')).toBe('cabinet');
  });

  it('shows the same results when its URL is loaded again, and goes back to the previous search', async () => {
    await open('q=library&type=reference');
    expect(await page.inputValue('#search-q')).toBe('library');
    expect(await page.inputValue('#search-type')).toBe('reference');
    const first = await resultLinks();
    await searchFor('budget');
    expect(new URL(page.url()).searchParams.get('q')).toBe('budget');
    await page.goBack();
    await settled();
    expect(await page.inputValue('#search-q')).toBe('library');
    expect(await resultLinks()).toEqual(first);
  });

  it('shows hostile content text as text, never as markup', async () => {
    await open('q=urgent+business');
    expect(await page.textContent('#search-list .search-result__title')).toContain("<script>alert('title')</script>");
    expect(await page.$$eval('#search-list script, #search-list img, #search-list b', (found) => found.length)).toBe(0);
  });

  it('says clearly when nothing matches', async () => {
    expect(await open('q=xylophonequark')).toBe('No results for “xylophonequark”.');
    expect(await page.isVisible('#search-empty')).toBe(true);
  });

  it('finds nothing by a word of an exempt item’s text', async () => {
    expect(await open('q=Zephyrine')).toBe('No results for “Zephyrine”.');
  });

  it('links each result to its item page and its PDF, both published', async () => {
    await open('q=rota');
    const itemPage = await page.getAttribute('.search-result__title a', 'href');
    const pdf = await page.getAttribute('.search-result__pdf', 'href');
    expect(pdf).toBe('/meetings/2025-07-07-cabinet/03-hwrc-opening-hours.pdf');
    for (const url of [itemPage, pdf]) expect((await fetch(`${server.url}${url}`)).status).toBe(200);
  });
});

describe('accessibility', () => {
  it('has no axe violations (WCAG 2.2 AA) with results and highlighting shown', async () => {
    await open('q=gwyl');
    // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
    await page.evaluate(await readFile(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(() =>
      (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string }[] }> } }).axe
        .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
        .then((result) => result.violations.map((v) => v.id)),
    );
    expect(violations).toEqual([]);
  });

  it('can be searched with the keyboard alone', async () => {
    await page.goto(`${server.url}/search/`);
    let focused = '';
    for (let i = 0; i < 30 && focused !== 'search-q'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('search-q');
    await page.keyboard.type('rota');
    await page.keyboard.press('Enter');
    expect(await settled()).toBe('1 result for “rota”.');
  });
});

describe('the search page without JavaScript', () => {
  it('says search needs JavaScript and links to the decisions register and meetings index', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${server.url}/search/?q=library`);
    expect(await plain.isVisible('#search-needs-js')).toBe(true);
    const links = await plain.$$eval('#search-needs-js a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/decisions/', '/meetings/']);
    await context.close();
  });
});
