/**
 * Pagefind side of the search bench: writes one HTML page per open item of the synthetic archive
 * (the text our index holds, in `<main data-pagefind-body>`), indexes them with the `pagefind` CLI
 * (npm `pagefind`, a Rust binary), and measures in headless Chromium, through Pagefind's own JS API,
 * what a first and a later query download and how long they take to give ten results with their data.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { renderHtml } from '../../src/markdown/markdown.ts';
import { outputPathOf } from '../../src/model/urls.ts';
import type { Council, OpenItem } from '../../src/model/types.ts';
import type { StaticServer } from '../../tests/helpers/serve.ts';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/** The item page as Pagefind would see it on the real site: title, what was decided, the body. */
function itemPage(item: OpenItem): string {
  const list = (items: string[]) => (items.length ? `<ol>${items.map((r) => `<li>${escape(r)}</li>`).join('')}</ol>` : '');
  // One language for every page, so Pagefind builds one index (as our English search page has one).
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escape(item.title)}</title>
<header>Synthetic County Council</header>
<main data-pagefind-body><h1>${escape(item.title)}</h1>
<p>Minute ${escape(item.minute ?? "")} · ${item.date} · ${item.type}</p>
${item.decision ? `<h2>Decision</h2><p>${escape(item.decision)}</p>` : ''}${list(item.resolved)}${list(item.recommended)}
${renderHtml(item.body)}</main></html>\n`;
}

/** Write one page per open item under its real URL; exempt items get none (our index leaves them out too). */
export async function writeItemPages(council: Council, root: string): Promise<number> {
  let written = 0;
  for (const item of council.items) {
    if (item.exempt) continue;
    const file = path.join(root, outputPathOf(item.url));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, itemPage(item));
    written++;
  }
  return written;
}

export interface FolderSize {
  files: number;
  bytes: number;
}

/** Files and bytes under a folder, recursively. */
export async function folderSize(dir: string): Promise<FolderSize> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/** Run `pagefind --site root` (writes root/pagefind/); wall-clock milliseconds of the whole run. */
export async function runPagefind(root: string): Promise<{ ms: number; version: string; output: string }> {
  const bin = path.resolve('node_modules/.bin/pagefind');
  const version = (await promisify(execFile)(bin, ['--version'])).stdout.trim();
  const started = performance.now();
  const { stdout } = await promisify(execFile)(bin, ['--site', root], { maxBuffer: 64 * 2 ** 20 });
  return { ms: performance.now() - started, version, output: stdout };
}

/**
 * Bytes a static host sends for what the server counted: JS and JSON gzipped (as hosts serve them),
 * everything else as it is (Pagefind's index files and wasm are gzip files already; our shards are
 * binary). The same rule for both engines.
 */
export function sentBytes(root: string, counted: Map<string, number>, skip: (p: string) => boolean): { raw: number; sent: number; files: number } {
  let raw = 0;
  let sent = 0;
  let files = 0;
  for (const [p, n] of counted) {
    if (skip(p)) continue;
    files++;
    raw += n;
    sent += /\.(js|json)$/.test(p) ? gzipOf(path.join(root, p)) : n;
  }
  return { raw, sent, files };
}

const gzipCache = new Map<string, number>();
function gzipOf(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(file), { level: 6 }).length;
    gzipCache.set(file, size);
  }
  return size;
}

export interface QueryFigures {
  q: string;
  results: number;
  ms: number;
  raw: number;
  sent: number;
  files: number;
}

/** The page the Pagefind measurement runs in: it loads pagefind.js and calls init() with the page, as a search page would. */
export const PAGEFIND_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Pagefind</title>
<script type="module">
window.pf = await import('/pagefind/pagefind.js');
await window.pf.init();
window.pfReady = true;
</script>\n`;

/**
 * First queries (a fresh browser context per query: page, pagefind.js, init, then the query) and
 * later queries (one page, one query after another). Time runs from calling search() until the
 * first ten results' data (title, excerpt) are loaded; bytes are everything the server sent for
 * the page's loads and the query, the HTML page itself left out.
 */
export async function measurePagefind(browser: Browser, server: StaticServer, root: string, queries: string[], firstCount: number) {
  // Runs in the page.
  const search = async (query: string) => {
    const pf = (window as unknown as { pf: { search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }> } }).pf;
    const t0 = performance.now();
    const found = await pf.search(query);
    await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    return { ms: performance.now() - t0, results: found.results.length };
  };
  const skip = (p: string) => p.endsWith('.html') || p === '/favicon.ico';
  const firsts: QueryFigures[] = [];
  for (const q of queries.slice(0, firstCount)) {
    server.sent.clear();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/pagefind-bench.html`);
    await page.waitForFunction(() => (window as unknown as { pfReady?: boolean }).pfReady === true);
    // About the time a person takes to type the query, which our page's measurement also allows.
    await page.waitForTimeout(20 * q.length + 100);
    const { ms, results } = await page.evaluate(search, q);
    firsts.push({ q, results, ms, ...sentBytes(root, server.sent, skip) });
    await context.close();
  }
  const page = await browser.newPage();
  await page.goto(`${server.url}/pagefind-bench.html`);
  await page.waitForFunction(() => (window as unknown as { pfReady?: boolean }).pfReady === true);
  await page.evaluate(search, 'council');
  const laters: QueryFigures[] = [];
  for (const q of queries) {
    server.sent.clear();
    const { ms, results } = await page.evaluate(search, q);
    laters.push({ q, results, ms, ...sentBytes(root, server.sent, skip) });
  }
  await page.close();
  return { firsts, laters };
}
