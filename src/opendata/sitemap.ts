import { inLanguage, languageOfUrl } from '../model/urls.ts';
import type { Absolute } from './absolute.ts';
import { codeFingerprint, keyOf, type InputMemory, type OpenDataFile } from './kept.ts';
import { XML_DECLARATION, xmlEscape } from './xml.ts';

/** The sitemap protocol's limit of URLs per file; larger sites get a sitemap index. */
export const SITEMAP_LIMIT = 50_000;

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML = 'http://www.w3.org/1999/xhtml';

/** The site-relative URL that serves an HTML file found in the output (`a/index.html` -> `/a/`). */
export function pageUrlOf(filePath: string): string {
  const segments = filePath.replace(/^\//, '').split('/').map(encodeURIComponent);
  if (segments.at(-1) === 'index.html') segments[segments.length - 1] = '';
  return `/${segments.join('/')}`;
}

/** Whether a file in the output is a page for the sitemap (error pages, in any language, are not). */
export function isSitemapPage(filePath: string): boolean {
  return filePath.endsWith('.html') && !/^\/?(cy\/)?404\.html$/.test(filePath);
}

/**
 * A page's English and Welsh versions as `xhtml:link` alternates (Google's hreflang in sitemaps),
 * when both are published; nothing for a site in one language.
 */
function alternates(absolute: Absolute, page: string, all: ReadonlySet<string>): string {
  const { url } = languageOfUrl(page);
  const versions = (['en', 'cy'] as const).map((lang) => ({ lang, href: inLanguage(url, lang) }));
  if (!versions.every((v) => all.has(v.href))) return '';
  return versions.map((v) => `<xhtml:link rel="alternate" hreflang="${v.lang}" href="${xmlEscape(absolute(v.href))}"/>`).join('');
}

function urlset(absolute: Absolute, pages: string[], all: ReadonlySet<string>): string {
  const bilingual = pages.some((p) => languageOfUrl(p).lang === 'cy');
  const entries = pages.map((p) => `  <url><loc>${xmlEscape(absolute(p))}</loc>${bilingual ? alternates(absolute, p, all) : ''}</url>`);
  const namespaces = bilingual ? `xmlns="${NS}" xmlns:xhtml="${XHTML}"` : `xmlns="${NS}"`;
  return `${XML_DECLARATION}<urlset ${namespaces}>\n${entries.join('\n')}${entries.length ? '\n' : ''}</urlset>\n`;
}

/**
 * /sitemap.xml for the given HTML files (paths inside the output). Up to 50,000 pages it is one
 * urlset; beyond that it is a sitemap index over /sitemaps/1.xml, /sitemaps/2.xml, …
 */
export function sitemapFiles(absolute: Absolute, htmlFiles: Iterable<string>): Map<string, string> {
  const pages = [...new Set([...htmlFiles].filter(isSitemapPage).map(pageUrlOf))].sort();
  const all = new Set(pages);
  const out = new Map<string, string>();
  if (pages.length <= SITEMAP_LIMIT) {
    out.set('/sitemap.xml', urlset(absolute, pages, all));
    return out;
  }
  const parts: string[] = [];
  for (let i = 0; i * SITEMAP_LIMIT < pages.length; i++) {
    const url = `/sitemaps/${i + 1}.xml`;
    out.set(url, urlset(absolute, pages.slice(i * SITEMAP_LIMIT, (i + 1) * SITEMAP_LIMIT), all));
    parts.push(`  <sitemap><loc>${xmlEscape(absolute(url))}</loc></sitemap>`);
  }
  out.set('/sitemap.xml', `${XML_DECLARATION}<sitemapindex xmlns="${NS}">\n${parts.join('\n')}\n</sitemapindex>\n`);
  return out;
}

/**
 * The sitemap files as open-data outputs keyed by their inputs: the site's address and its HTML
 * files (a sitemap is made from nothing else). When the previous build made every one of them from
 * the same inputs, they are taken over without being made (src/opendata/kept.ts): at 10,000
 * items /sitemap.xml is 9 MB that a rebuild no longer writes out and hashes to find it unchanged.
 */
export function* sitemapOutputs(absolute: Absolute, files: Iterable<string>, inputs?: InputMemory): Generator<OpenDataFile> {
  const html = [...files].filter(isSitemapPage).sort();
  const key = keyOf(codeFingerprint(), 'sitemap', absolute(''), html.join('\n'));
  const count = Math.ceil(html.length / SITEMAP_LIMIT);
  const urls = count <= 1 ? ['/sitemap.xml'] : [...Array.from({ length: count }, (_, i) => `/sitemaps/${i + 1}.xml`), '/sitemap.xml'];
  const digests = urls.map((url) => {
    const before = inputs?.previous.get(url);
    return before?.key === key ? before.digest : undefined;
  });
  let made: Map<string, string> | undefined;
  const make = () => (made ??= sitemapFiles(absolute, html));
  if (digests.every((d) => d !== undefined)) {
    for (let i = 0; i < urls.length; i++) yield [urls[i]!, { digest: digests[i]!, make: () => make().get(urls[i]!)! }, key];
    return;
  }
  for (const [url, content] of make()) yield [url, content, key];
}
