import type { Absolute } from './absolute.ts';
import { XML_DECLARATION, xmlEscape } from './xml.ts';

/** The sitemap protocol's limit of URLs per file; larger sites get a sitemap index. */
export const SITEMAP_LIMIT = 50_000;

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The site-relative URL that serves an HTML file found in the output (`a/index.html` -> `/a/`). */
export function pageUrlOf(filePath: string): string {
  const segments = filePath.replace(/^\//, '').split('/').map(encodeURIComponent);
  if (segments.at(-1) === 'index.html') segments[segments.length - 1] = '';
  return `/${segments.join('/')}`;
}

/** Whether a file in the output is a page for the sitemap (error pages are not). */
export function isSitemapPage(filePath: string): boolean {
  return filePath.endsWith('.html') && !/^\/?404\.html$/.test(filePath);
}

function urlset(absolute: Absolute, pages: string[]): string {
  const entries = pages.map((p) => `  <url><loc>${xmlEscape(absolute(p))}</loc></url>`);
  return `${XML_DECLARATION}<urlset xmlns="${NS}">\n${entries.join('\n')}${entries.length ? '\n' : ''}</urlset>\n`;
}

/**
 * /sitemap.xml for the given HTML files (paths inside the output). Up to 50,000 pages it is one
 * urlset; beyond that it is a sitemap index over /sitemaps/1.xml, /sitemaps/2.xml, …
 */
export function sitemapFiles(absolute: Absolute, htmlFiles: Iterable<string>): Map<string, string> {
  const pages = [...new Set([...htmlFiles].filter(isSitemapPage).map(pageUrlOf))].sort();
  const out = new Map<string, string>();
  if (pages.length <= SITEMAP_LIMIT) {
    out.set('/sitemap.xml', urlset(absolute, pages));
    return out;
  }
  const parts: string[] = [];
  for (let i = 0; i * SITEMAP_LIMIT < pages.length; i++) {
    const url = `/sitemaps/${i + 1}.xml`;
    out.set(url, urlset(absolute, pages.slice(i * SITEMAP_LIMIT, (i + 1) * SITEMAP_LIMIT)));
    parts.push(`  <sitemap><loc>${xmlEscape(absolute(url))}</loc></sitemap>`);
  }
  out.set('/sitemap.xml', `${XML_DECLARATION}<sitemapindex xmlns="${NS}">\n${parts.join('\n')}\n</sitemapindex>\n`);
  return out;
}
