import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { LinkChecker, LinkState } from 'linkinator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { buildFixtureSite, htmlFiles, urlOfFile, type BuiltSite } from './built-site.ts';

let site: BuiltSite;
let pages: string[];

beforeAll(async () => {
  site = await buildFixtureSite();
  pages = htmlFiles(site.outDir);
});
afterAll(() => site?.remove());

const read = (file: string) => readFileSync(path.join(site.outDir, file), 'utf8');

describe('every built page', () => {
  it('builds every kind of page of the fixture council', () => {
    for (const url of [
      '/',
      '/committees/',
      '/committees/cabinet/',
      '/meetings/',
      '/meetings/2026-10-27-cabinet/',
      '/meetings/2026-10-27-cabinet/03-medium-term-financial-plan/',
      '/issues/',
      '/issues/library-service-review/',
      '/decisions/',
      '/decisions/2026/',
      '/decisions/committees/cabinet/',
      '/404.html',
    ]) {
      expect(pages.map(urlOfFile), url).toContain(url);
    }
  });

  it('mirrors every English page under /cy/ with the same path, and has no other Welsh page', () => {
    const welsh = pages.filter((f) => f.startsWith('cy/')).map((f) => f.slice(3));
    const english = pages.filter((f) => !f.startsWith('cy/'));
    expect(welsh).toEqual(english);
  });

  it('links each page to its counterpart in the other language with hreflang, both ways, and an x-default', () => {
    for (const file of pages) {
      const url = urlOfFile(file);
      const en = url.startsWith('/cy/') ? url.slice(3) : url;
      const html = read(file);
      expect(html, file).toContain(`<link rel="alternate" hreflang="en" href="https://papers.example.org${en}">`);
      expect(html, file).toContain(`<link rel="alternate" hreflang="cy" href="https://papers.example.org/cy${en}">`);
      expect(html, file).toContain(`<link rel="alternate" hreflang="x-default" href="https://papers.example.org${en}">`);
    }
  });

  it('passes html-validate with the recommended rules', async () => {
    // Configured here, not in a project-wide .htmlvalidate.json, so no one else's files are affected.
    const validator = new HtmlValidate({ root: true, extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(read(file), file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no inline script, inline style or event handler attribute, so the CSP can forbid them', () => {
    for (const file of pages) {
      const html = read(file);
      expect(html, file).not.toMatch(/<style[\s>]/i);
      expect(html, file).not.toMatch(/\sstyle=/i);
      expect(html, file).not.toMatch(/<[^>]+\son[a-z]+=/i);
      for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
        expect(tag, file).toMatch(/\ssrc="[^"]+"|type="application\/ld\+json"/);
      }
    }
  });

  it('declares a Content-Security-Policy that allows scripts and styles only from the site', () => {
    for (const file of pages) {
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(read(file))?.[1]?.replaceAll('&#39;', "'");
      expect(csp, file).toContain("script-src 'self'");
      expect(csp, file).toContain("style-src 'self'");
      expect(csp, file).not.toContain('unsafe-inline');
    }
  });

  it('takes the header colour from site.yml through a stylesheet, not an inline style', () => {
    expect(readFileSync(path.join(site.outDir, 'css/brand.css'), 'utf8')).toContain('--brand: #17503a;');
    expect(read('index.html')).toMatch(/<link rel="stylesheet" href="\/css\/brand\.css\?v=[0-9a-f]{10}">/);
  });

  it('puts the language on <html> and a skip link first in the body', () => {
    for (const file of pages) {
      const html = read(file);
      expect(html, file).toMatch(file.startsWith('cy/') ? /<html lang="cy">/ : /<html lang="en">/);
      expect(html, file).toMatch(/<body>\s*<a class="skip-link" href="#main">/);
      expect(html, file).toMatch(/<main id="main"/);
    }
  });
});

describe('links across the whole site', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(site.outDir);
  });
  afterAll(() => server?.close());

  it('has no broken internal link or fragment, PDFs and feeds included', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: pages.filter((f) => f !== '404.html').map((f) => server.url + urlOfFile(f)),
      recurse: true,
      checkFragments: true,
      concurrency: 4,
      linksToSkip: async (link) => !link.startsWith(server.url),
    });
    const broken = result.links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.parent} -> ${l.url} (${l.status})`);
    expect(broken).toEqual([]);
    const checked = new Set(result.links.filter((l) => l.state === LinkState.OK).map((l) => new URL(l.url).pathname));
    // Every page is reachable by a link from another page, not only by typing its address.
    for (const file of pages) if (file !== '404.html' && file !== 'index.html') expect(checked, file).toContain(urlOfFile(file));
    // The PDF stage ran before the pages: their links were followed, not skipped.
    expect([...checked].filter((u) => u.endsWith('.pdf')).length).toBeGreaterThan(10);
  });
});
