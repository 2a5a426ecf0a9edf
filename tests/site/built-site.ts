import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { build } from '../../src/build/build.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

export const FIXTURE = path.resolve('tests/fixtures/valid');

export interface BuiltSite {
  outDir: string;
  remove(): Promise<void>;
}

/** Build the fixture council with the real pipeline (every stage) into a fresh temporary folder. */
export async function buildFixtureSite(): Promise<BuiltSite> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'minutebook-site-'));
  const outDir = path.join(dir, 'site');
  const result = await build({ contentDir: FIXTURE, outDir, cacheDir: path.join(dir, 'cache') });
  if (!result.ok) throw new Error(`The fixture council did not build:\n${result.problems.map((p) => JSON.stringify(p)).join('\n')}`);
  return { outDir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Every built HTML file, relative to the output folder with / separators, sorted. */
export function htmlFiles(outDir: string): string[] {
  return (readdirSync(outDir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/** The site-relative URL that serves a built HTML file. */
export function urlOfFile(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** axe-core's script, injected into pages, and the WCAG 2.2 AA tags every page is checked against. */
export const AXE_SOURCE = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The fixture site built, served on 127.0.0.1 and open in one Chromium page. */
export interface BrowsedSite {
  site: BuiltSite;
  server: StaticServer;
  browser: Browser;
  page: Page;
  /** Go to a site-relative URL at a width, expecting it to be served (200). */
  open(url: string, width?: number): Promise<void>;
  close(): Promise<void>;
}

/** Build the fixture site, serve it and open a browser page on it (for a test file's beforeAll). */
export async function browseFixtureSite(): Promise<BrowsedSite> {
  const site = await buildFixtureSite();
  const server = await serveStatic(site.outDir);
  const browser = await launchChromium();
  const page = await browser.newPage();
  return {
    site,
    server,
    browser,
    page,
    async open(url, width = 1280) {
      await page.setViewportSize({ width, height: 900 });
      const response = await page.goto(server.url + url);
      expect(response?.status(), url).toBe(200);
    },
    async close() {
      await browser.close();
      await server.close();
      await site.remove();
    },
  };
}
