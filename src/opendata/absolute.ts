import type { Site } from '../model/types.ts';

/** Turns site-relative URLs into absolute ones, for outputs that are read away from the site. */
export type Absolute = (siteRelative: string) => string;

/** An absolute-URL maker for the site, or undefined when content/site.yml has no base_url. */
export function absoluteFor(site: Site): Absolute | undefined {
  if (!site.baseUrl) return undefined;
  const base = site.baseUrl.replace(/\/+$/, '');
  return (url) => `${base}${url}`;
}

/** The host name of the site, used to make calendar UIDs globally unique. */
export function hostOf(absolute: Absolute): string {
  return new URL(absolute('/')).host;
}
