import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { pageUrlOf, SITEMAP_LIMIT, sitemapFiles } from '../../src/opendata/sitemap.ts';
import { robotsTxt } from '../../src/opendata/robots.ts';
import { absolute } from './factory.ts';

const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

describe('sitemap.xml and robots.txt', () => {
  it('lists every HTML page by its URL, sorted, leaving out the 404 page and other files', () => {
    const files = sitemapFiles(absolute, ['/index.html', '/meetings/m/index.html', '/404.html', '/meetings/m/a.pdf', '/search/index.html']);
    const xml = files.get('/sitemap.xml')!;
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).urlset.url.map((u: { loc: string }) => u.loc)).toEqual([
      absolute('/'),
      absolute('/meetings/m/'),
      absolute('/search/'),
    ]);
  });

  it('lists Welsh pages too, each with both language versions as hreflang alternates, and no Welsh 404 page', () => {
    const xml = sitemapFiles(absolute, ['/index.html', '/cy/index.html', '/cy/404.html', '/404.html', '/only-english/index.html']).get('/sitemap.xml')!;
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = parser.parse(xml).urlset.url.map((u: { loc: string }) => u.loc);
    expect(urls).toEqual([absolute('/'), absolute('/cy/'), absolute('/only-english/')]);
    const pair = `<xhtml:link rel="alternate" hreflang="en" href="${absolute('/')}"/><xhtml:link rel="alternate" hreflang="cy" href="${absolute('/cy/')}"/>`;
    expect(xml).toContain(`<url><loc>${absolute('/cy/')}</loc>${pair}</url>`);
    expect(xml).toContain(`<url><loc>${absolute('/')}</loc>${pair}</url>`);
    expect(xml).toContain(`<url><loc>${absolute('/only-english/')}</loc></url>`);
  });

  it('percent-encodes page paths that hold spaces or Welsh letters', () => {
    expect(pageUrlOf('/meetings/gŵyl ddewi/index.html')).toBe('/meetings/g%C5%B5yl%20ddewi/');
  });

  it('splits a site of more than 50,000 pages into a sitemap index', () => {
    const pages = Array.from({ length: SITEMAP_LIMIT + 1 }, (_, i) => `/p/${String(i).padStart(6, '0')}/index.html`);
    const files = sitemapFiles(absolute, pages);
    const index = parser.parse(files.get('/sitemap.xml')!).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    expect(index).toEqual([absolute('/sitemaps/1.xml'), absolute('/sitemaps/2.xml')]);
    expect(parser.parse(files.get('/sitemaps/2.xml')!).urlset.url).toHaveLength(1);
  });

  it('robots.txt allows everything and names the sitemap when the base URL is known', () => {
    expect(robotsTxt(absolute)).toBe('User-agent: *\nAllow: /\n\nSitemap: https://papers.example.org/sitemap.xml\n');
    expect(robotsTxt(undefined)).not.toContain('Sitemap');
  });
});
