import type { Absolute } from './absolute.ts';

/** /robots.txt: everything may be crawled; the sitemap is named when the site has a base_url. */
export function robotsTxt(absolute: Absolute | undefined): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (absolute) lines.push('', `Sitemap: ${absolute('/sitemap.xml')}`);
  return `${lines.join('\n')}\n`;
}
